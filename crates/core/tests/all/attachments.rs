//! Attachments on a real vault: the bytes never appear outside the encrypted database (data
//! folder, backup, temp folder), backups and the JSON export keep them byte for byte, photos
//! lose their location (orientation kept), the size limit, decompression bombs and damaged images,
//! detach with undo, and "delete all my data".

use std::io::Cursor;
use std::path::Path;

use alongside_core::backup::{self, Control, Target};
use alongside_core::records::attachments::{self, MOST_BYTES};
use alongside_core::records::transfer::json;
use alongside_core::records::{store, RecordKind};
use alongside_core::vault::{UnlockMethod, Vault};
use alongside_core::ErrorCode;
use alongside_test_support::*;
use img_parts::jpeg::{markers, Jpeg, JpegSegment};
use img_parts::{Bytes, ImageEXIF};
use secrecy::SecretString;
use sha2::{Digest, Sha256};

const CANARY: &str = "Quetzal lighthouse receipt 90210 canary";
const BACKUP_PASS: &str = "harbour willow seventeen pebbles";

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

/// A real PNG whose pixels are not all the same, so its bytes are distinctive.
fn png(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([
            (x * 7 % 256) as u8,
            (y * 13 % 256) as u8,
            ((x ^ y) % 256) as u8,
        ])
    });
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let image =
        image::RgbImage::from_fn(width, height, |x, _| image::Rgb([(x % 256) as u8, 90, 200]));
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

/// A phone photo: 64 wide, 32 high, to be turned a quarter (orientation 6), with a GPS position
/// and a camera model in its EXIF and a location in its XMP.
fn phone_photo() -> Vec<u8> {
    use exif::{experimental::Writer, Field, In, Rational, Tag, Value};
    let fields = [
        Field {
            tag: Tag::Orientation,
            ifd_num: In::PRIMARY,
            value: Value::Short(vec![6]),
        },
        Field {
            tag: Tag::Model,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"Pixel 9".to_vec()]),
        },
        Field {
            tag: Tag::GPSLatitudeRef,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"N".to_vec()]),
        },
        Field {
            tag: Tag::GPSLatitude,
            ifd_num: In::PRIMARY,
            value: Value::Rational(vec![
                Rational { num: 51, denom: 1 },
                Rational { num: 28, denom: 1 },
                Rational { num: 4, denom: 1 },
            ]),
        },
    ];
    let mut writer = Writer::new();
    for f in &fields {
        writer.push_field(f);
    }
    let mut exif = Cursor::new(Vec::new());
    writer.write(&mut exif, false).unwrap();
    let mut photo = Jpeg::from_bytes(Bytes::from(jpeg(64, 32))).unwrap();
    photo.set_exif(Some(Bytes::from(exif.into_inner())));
    let xmp = b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description exif:GPSLatitude=\"51,28.1N\"/></x:xmpmeta>";
    photo.segments_mut().insert(
        2,
        JpegSegment::new_with_contents(markers::APP1, Bytes::from_static(xmp)),
    );
    photo.encoder().bytes().to_vec()
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A small PNG file whose header claims 100,000 × 100,000 pixels (40 GB once decoded).
fn decompression_bomb() -> Vec<u8> {
    let mut bytes = png(8, 8);
    // IHDR's data starts at byte 16 (8 signature, 4 length, 4 type): width then height.
    bytes[16..20].copy_from_slice(&100_000u32.to_be_bytes());
    bytes[20..24].copy_from_slice(&100_000u32.to_be_bytes());
    let crc = crc32(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    bytes
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every file under `dir` (not following links) changed since `since`, skipping build output.
fn files_changed_since(
    dir: &Path,
    since: std::time::SystemTime,
    depth: u32,
    out: &mut Vec<std::path::PathBuf>,
) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        if meta.is_dir() {
            if depth > 0 && !matches!(name.as_str(), "target" | "node_modules" | ".git") {
                files_changed_since(&path, since, depth - 1, out);
            }
        } else if meta.is_file()
            && meta.len() < 256 * 1024 * 1024
            && meta.modified().is_ok_and(|m| m >= since)
        {
            out.push(path);
        }
    }
}

fn assert_nowhere(files: &[std::path::PathBuf], needles: &[(&str, &[u8])]) {
    for file in files {
        let Ok(bytes) = std::fs::read(file) else {
            continue;
        };
        for (what, needle) in needles {
            assert!(
                !contains(&bytes, needle),
                "{what} found in {}",
                file.display()
            );
        }
    }
}

#[tokio::test]
async fn attached_bytes_stay_encrypted_everywhere_and_survive_backup_and_restore() {
    let started = std::time::SystemTime::now();
    let (dir, vault, pool) = vault().await;
    let project = store::create(&pool, project("Receipts study"))
        .await
        .unwrap();
    let c = store::create(&pool, contribution(project.id, "2026-11-02", 90))
        .await
        .unwrap();
    let text = format!("Taxi receipt\n{CANARY}\n").repeat(50).into_bytes();
    let picture = png(300, 200);
    let a = attachments::attach(
        &pool,
        RecordKind::Contribution,
        c.id,
        "receipt.txt",
        text.clone(),
    )
    .await
    .unwrap();
    let b = attachments::attach(
        &pool,
        RecordKind::Contribution,
        c.id,
        "flipchart.png",
        picture.clone(),
    )
    .await
    .unwrap();
    assert_eq!(
        (a.media_type.as_str(), a.has_preview),
        ("text/plain", false)
    );
    assert_eq!((b.media_type.as_str(), b.has_preview), ("image/png", true));
    assert_eq!((b.width, b.height), (Some(300), Some(200)));
    assert_eq!(attachments::bytes(&pool, a.id).await.unwrap(), text);
    assert_eq!(attachments::bytes(&pool, b.id).await.unwrap(), picture);
    let listed = attachments::list(&pool, RecordKind::Contribution, c.id)
        .await
        .unwrap();
    assert_eq!(listed, vec![a.clone(), b.clone()]);

    // A backup, and a restore of it into a new folder.
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("alongside.backup");
    backup::make(
        &vault,
        &out,
        &secret(BACKUP_PASS),
        &proof(),
        &Control::quiet(),
    )
    .await
    .unwrap();
    let restored_dir = tempfile::tempdir().unwrap();
    backup::restore(
        &out,
        &secret(BACKUP_PASS),
        restored_dir.path(),
        Target::EmptyFolder,
        &Control::quiet(),
    )
    .await
    .unwrap();
    let restored = Vault::new(restored_dir.path());
    restored
        .unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap();
    let restored_pool = restored.pool().await.unwrap();
    for (original, bytes) in [(&a, &text), (&b, &picture)] {
        let back = attachments::bytes(&restored_pool, original.id)
            .await
            .unwrap();
        assert_eq!(
            hex::encode(Sha256::digest(&back)),
            hex::encode(Sha256::digest(bytes))
        );
        assert_eq!(hex::encode(Sha256::digest(&back)), original.sha256);
    }

    // Neither the canary nor the picture's bytes are in any file of the data folder, the
    // backup, the restored folder or the temp folder.
    pool.close().await;
    restored_pool.close().await;
    let mut files = Vec::new();
    files_changed_since(dir.path(), started, 4, &mut files);
    files_changed_since(out_dir.path(), started, 4, &mut files);
    files_changed_since(restored_dir.path(), started, 4, &mut files);
    assert!(files.len() >= 4, "{files:?}");
    files_changed_since(&std::env::temp_dir(), started, 3, &mut files);
    // The PNG's compressed pixel data (after its header), which is what would leak.
    let pixels = &picture[60..120];
    assert_nowhere(
        &files,
        &[
            ("the canary", CANARY.as_bytes()),
            ("the PNG's bytes", pixels),
        ],
    );
}

#[tokio::test]
async fn a_phone_photo_loses_its_location_and_camera_but_keeps_its_orientation() {
    let (_dir, _vault, pool) = vault().await;
    let project = store::create(&pool, project("Flipcharts")).await.unwrap();
    let m = store::create(&pool, meeting(project.id, "2026-11-03"))
        .await
        .unwrap();
    let photo = phone_photo();
    assert!(contains(&photo, b"Pixel 9") && contains(&photo, b"GPSLatitude"));
    let a = attachments::attach(&pool, RecordKind::Meeting, m.id, "IMG_2041.JPG", photo)
        .await
        .unwrap();
    assert_eq!(a.media_type, "image/jpeg");
    assert!(a.metadata_removed && a.location_removed);
    // Turned the right way up: 32 wide, 64 high.
    assert_eq!((a.width, a.height), (Some(32), Some(64)));
    let kept = attachments::bytes(&pool, a.id).await.unwrap();
    assert!(!contains(&kept, b"Pixel 9") && !contains(&kept, b"GPSLat"));
    let exif = exif::Reader::new()
        .read_from_container(&mut Cursor::new(&kept))
        .unwrap();
    assert!(exif.fields().all(|f| f.tag.context() != exif::Context::Gps));
    let orientation = exif
        .get_field(exif::Tag::Orientation, exif::In::PRIMARY)
        .unwrap();
    assert_eq!(orientation.value.get_uint(0), Some(6));
    let preview = attachments::preview(&pool, a.id).await.unwrap().unwrap();
    let shown = image::load_from_memory(&preview).unwrap();
    assert_eq!((shown.width(), shown.height()), (32, 64));
    // A plain photo without metadata is kept byte for byte.
    let plain = jpeg(40, 30);
    let b = attachments::attach(&pool, RecordKind::Meeting, m.id, "plain.jpg", plain.clone())
        .await
        .unwrap();
    assert!(!b.metadata_removed && !b.location_removed);
    assert_eq!(attachments::bytes(&pool, b.id).await.unwrap(), plain);
}

#[tokio::test]
async fn too_large_bombs_and_damaged_or_misnamed_files_are_handled_without_harm() {
    let (_dir, _vault, pool) = vault().await;
    let project = store::create(&pool, project("Limits")).await.unwrap();
    let r = store::create(&pool, reflection("2026-11-04", true, "thoughts"))
        .await
        .unwrap();
    let _ = project;
    // 60 MB: refused in one sentence, nothing written.
    let big = vec![7u8; 60 * 1024 * 1024];
    let err = attachments::attach(&pool, RecordKind::Reflection, r.id, "scan.pdf", big)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("up to 50 MB"), "{err}");
    assert_eq!(attachments::totals(&pool).await.unwrap().count, 0);
    assert!(attachments::check_size("x", MOST_BYTES).is_ok());

    // A decompression bomb is kept as a file with no preview, quickly.
    let started = std::time::Instant::now();
    let bomb = attachments::attach(
        &pool,
        RecordKind::Reflection,
        r.id,
        "bomb.png",
        decompression_bomb(),
    )
    .await
    .unwrap();
    assert!(!bomb.has_preview && bomb.width.is_none());
    assert!(started.elapsed() < std::time::Duration::from_secs(5));

    // A JPEG cut short, and a text file calling itself a PNG: no crash, no preview claimed
    // where nothing could be read, and the bytes kept exactly.
    let whole = jpeg(400, 300);
    let cut = whole[..whole.len() / 3].to_vec();
    let truncated =
        attachments::attach(&pool, RecordKind::Reflection, r.id, "cut.jpg", cut.clone())
            .await
            .unwrap();
    assert_eq!(attachments::bytes(&pool, truncated.id).await.unwrap(), cut);
    let liar = attachments::attach(
        &pool,
        RecordKind::Reflection,
        r.id,
        "photo.png",
        b"not a picture".to_vec(),
    )
    .await
    .unwrap();
    assert_eq!(
        (liar.media_type.as_str(), liar.has_preview),
        ("application/octet-stream", false)
    );
    let pdf_named_png = attachments::attach(
        &pool,
        RecordKind::Reflection,
        r.id,
        "x.png",
        b"%PDF-1.7\n".to_vec(),
    )
    .await
    .unwrap();
    assert_eq!(pdf_named_png.media_type, "application/octet-stream");
    let pdf = attachments::attach(
        &pool,
        RecordKind::Reflection,
        r.id,
        "paper.pdf",
        b"%PDF-1.7\n%%EOF".to_vec(),
    )
    .await
    .unwrap();
    assert_eq!(
        (pdf.media_type.as_str(), pdf.has_preview),
        ("application/pdf", false)
    );

    // Only contributions, meetings and reflections take files, and only live ones.
    let err = attachments::attach(
        &pool,
        RecordKind::Project,
        project_id(&pool).await,
        "a.txt",
        b"x".to_vec(),
    )
    .await
    .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    store::delete(&pool, RecordKind::Reflection, r.id)
        .await
        .unwrap();
    let err = attachments::attach(&pool, RecordKind::Reflection, r.id, "a.txt", b"x".to_vec())
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}

async fn project_id(pool: &alongside_core::SqlitePool) -> i64 {
    sqlx::query_scalar("SELECT id FROM projects LIMIT 1")
        .fetch_one(pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn detach_can_be_undone_then_is_purged_and_the_json_export_carries_the_bytes() {
    let (_dir, _vault, pool) = vault().await;
    let project = store::create(&pool, project("Export")).await.unwrap();
    let c = store::create(&pool, contribution(project.id, "2026-10-01", 30))
        .await
        .unwrap();
    let private = store::create(&pool, reflection("2026-10-02", true, "mine"))
        .await
        .unwrap();
    let picture = png(50, 40);
    let a = attachments::attach(
        &pool,
        RecordKind::Contribution,
        c.id,
        "parking.png",
        picture.clone(),
    )
    .await
    .unwrap();
    let hidden = attachments::attach(
        &pool,
        RecordKind::Reflection,
        private.id,
        "diary.txt",
        CANARY.into(),
    )
    .await
    .unwrap();
    assert_eq!(attachments::totals(&pool).await.unwrap().count, 2);

    let detached = attachments::detach(&pool, a.id).await.unwrap();
    assert!(attachments::list(&pool, RecordKind::Contribution, c.id)
        .await
        .unwrap()
        .is_empty());
    attachments::undo_detach(&pool, detached.id).await.unwrap();
    assert_eq!(
        attachments::list(&pool, RecordKind::Contribution, c.id)
            .await
            .unwrap(),
        vec![a.clone()]
    );

    // The JSON export leaves private reflections' files out unless they are included.
    let shared = json::export_all(&pool, false).await.unwrap();
    assert_eq!(shared.attachments.len(), 1);
    assert!(!serde_json::to_string(&shared)
        .unwrap()
        .contains(&hidden.uid));
    let everything = json::export_all(&pool, true).await.unwrap();
    assert_eq!(everything.attachments.len(), 2);
    let file = serde_json::to_vec(&everything).unwrap();
    let (_d2, _v2, other) = vault().await;
    let report = json::import(&other, &file, false).await.unwrap();
    assert!(report.written, "{:?}", report.problems);
    assert_eq!(attachments::bytes(&other, a.id).await.unwrap(), picture);
    let again = attachments::get(&other, a.id).await.unwrap();
    assert_eq!(
        (again.uid.as_str(), again.has_preview, again.width),
        (a.uid.as_str(), true, Some(50))
    );

    // A changed byte is caught by the hash, and nothing is written.
    let mut damaged = everything.clone();
    damaged.attachments[0].base64 = {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(b"something else")
    };
    let (_d3, _v3, third) = vault().await;
    let report = json::import(&third, &serde_json::to_vec(&damaged).unwrap(), false)
        .await
        .unwrap();
    assert!(!report.written);
    assert!(
        report.problems.iter().any(|p| p.message.contains("hash")),
        "{:?}",
        report.problems
    );

    // Detached long enough ago, it is removed for good (the bytes too).
    attachments::detach(&pool, a.id).await.unwrap();
    let later = chrono::Utc::now() + chrono::Duration::seconds(store::UNDO_SECONDS + 5);
    store::purge_expired(&pool, later).await.unwrap();
    assert!(attachments::undo_detach(&pool, a.id).await.is_err());
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM attachment_bytes")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(left, 1);
    // Records deleted and purged take their files with them.
    store::delete(&pool, RecordKind::Reflection, private.id)
        .await
        .unwrap();
    store::purge_expired(&pool, later).await.unwrap();
    assert_eq!(attachments::totals(&pool).await.unwrap().count, 0);
}

#[tokio::test]
async fn delete_everything_takes_the_attachments_with_it() {
    let (dir, vault, pool) = vault().await;
    let project = store::create(&pool, project("Gone")).await.unwrap();
    let c = store::create(&pool, contribution(project.id, "2026-10-01", 30))
        .await
        .unwrap();
    attachments::attach(
        &pool,
        RecordKind::Contribution,
        c.id,
        "receipt.txt",
        CANARY.into(),
    )
    .await
    .unwrap();
    pool.close().await;
    vault.delete_everything(&proof()).await.unwrap();
    let mut files = Vec::new();
    files_changed_since(dir.path(), std::time::SystemTime::UNIX_EPOCH, 4, &mut files);
    assert!(files.is_empty(), "{files:?}");
}

#[tokio::test]
async fn a_receipt_follows_its_expense_line_through_saves_removals_and_the_json_export() {
    use alongside_core::records::choices::ExpenseKind;
    use alongside_core::records::contributions::Contribution;
    let (_dir, _vault, pool) = vault().await;
    let project = store::create(&pool, project("Receipts")).await.unwrap();
    let c = store::create(
        &pool,
        Contribution {
            expenses: vec![
                expense(ExpenseKind::Fares, 1240),
                expense(ExpenseKind::Parking, 350),
                expense(ExpenseKind::Parking, 350),
            ],
            ..contribution(project.id, "2026-10-01", 30)
        },
    )
    .await
    .unwrap();
    // Every line has its own id, and keeps it when the contribution is saved again.
    let uids: Vec<String> = c.data.expenses.iter().map(|e| e.uid.clone()).collect();
    assert!(uids.iter().all(|u| u.len() == 36), "{uids:?}");
    assert_eq!(
        uids.iter().collect::<std::collections::HashSet<_>>().len(),
        3
    );
    let saved = store::update(&pool, c.id, c.data.clone()).await.unwrap();
    assert_eq!(
        saved
            .data
            .expenses
            .iter()
            .map(|e| &e.uid)
            .collect::<Vec<_>>(),
        uids.iter().collect::<Vec<_>>()
    );
    // A copied line (same id twice) gets a new id for the copy.
    let mut copied = saved.data.clone();
    copied.expenses.push(copied.expenses[0].clone());
    let copied = store::update(&pool, c.id, copied).await.unwrap();
    assert_eq!(copied.data.expenses[0].uid, uids[0]);
    assert_ne!(copied.data.expenses[3].uid, uids[0]);

    let ticket = attachments::attach(
        &pool,
        RecordKind::Contribution,
        c.id,
        "ticket.png",
        png(20, 10),
    )
    .await
    .unwrap();
    assert_eq!(ticket.expense_uid, None);
    let parking = attachments::for_expense(&pool, ticket.id, Some(&uids[2]))
        .await
        .unwrap();
    assert_eq!(parking.expense_uid.as_deref(), Some(uids[2].as_str()));

    // A line of another contribution, or a meeting's file, is refused.
    let other = store::create(
        &pool,
        Contribution {
            expenses: vec![expense(ExpenseKind::Fares, 500)],
            ..contribution(project.id, "2026-10-02", 30)
        },
    )
    .await
    .unwrap();
    let err = attachments::for_expense(&pool, ticket.id, Some(&other.data.expenses[0].uid))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    let m = store::create(&pool, meeting(project.id, "2026-10-01"))
        .await
        .unwrap();
    let minutes = attachments::attach(
        &pool,
        RecordKind::Meeting,
        m.id,
        "minutes.txt",
        b"x".to_vec(),
    )
    .await
    .unwrap();
    assert!(attachments::for_expense(&pool, minutes.id, Some(&uids[0]))
        .await
        .is_err());

    // Removing the first line leaves the receipt on its line (now the second).
    let mut fewer = copied.data.clone();
    fewer.expenses.remove(0);
    let fewer = store::update(&pool, c.id, fewer).await.unwrap();
    assert_eq!(fewer.data.expenses[1].uid, uids[2]);
    assert_eq!(
        attachments::get(&pool, ticket.id)
            .await
            .unwrap()
            .expense_uid,
        Some(uids[2].clone())
    );

    // The JSON export carries the line and the receipt's place on it.
    let everything = json::export_all(&pool, true).await.unwrap();
    let (_d2, _v2, other_vault) = vault().await;
    let report = json::import(
        &other_vault,
        &serde_json::to_vec(&everything).unwrap(),
        false,
    )
    .await
    .unwrap();
    assert!(report.written, "{:?}", report.problems);
    let moved = attachments::by_uid(&other_vault, &ticket.uid)
        .await
        .unwrap();
    assert_eq!(moved.expense_uid.as_deref(), Some(uids[2].as_str()));

    // Removing its line makes it a receipt for the contribution as a whole; back to the whole
    // on request too.
    let mut none = fewer.data.clone();
    none.expenses.retain(|e| e.uid != uids[2]);
    store::update(&pool, c.id, none).await.unwrap();
    assert_eq!(
        attachments::get(&pool, ticket.id)
            .await
            .unwrap()
            .expense_uid,
        None
    );
    let whole = attachments::for_expense(&pool, ticket.id, None)
        .await
        .unwrap();
    assert_eq!(whole.expense_uid, None);
}
