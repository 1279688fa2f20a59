//! Backups and restores on real vaults in temporary folders: round trips, every kind of bad file,
//! refusals that leave the target untouched, consistency while writing, replacing a vault with
//! its safety copy, cancelling, and deleting everything.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use alongside_core::backup::{self, Control, Target};
use alongside_core::records::choices::*;
use alongside_core::records::transfer::json::{self, Everything};
use alongside_core::records::{demo, store};
use alongside_core::vault::{UnlockMethod, Vault};
use alongside_core::{drafts, ErrorCode, SqlitePool};
use alongside_test_support::*;
use secrecy::SecretString;

const BACKUP_PASS: &str = "harbour willow seventeen pebbles";
const SECRET_TEXT: &str = "Zanzibar marmalade confession 4471";

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// Everything a person could see in a vault: all records (private ones too), drafts and
/// settings other than the note of the last backup.
async fn content(pool: &SqlitePool) -> (Everything, Vec<(String, String)>, Vec<(String, String)>) {
    let mut everything = json::export_all(pool, true).await.unwrap();
    everything.exported_at = String::new();
    let drafts: Vec<(String, String)> = sqlx::query_as("SELECT id, body FROM drafts ORDER BY id")
        .fetch_all(pool)
        .await
        .unwrap();
    let settings: Vec<(String, String)> =
        sqlx::query_as("SELECT key, value FROM settings WHERE key <> 'last_backup' ORDER BY key")
            .fetch_all(pool)
            .await
            .unwrap();
    (everything, drafts, settings)
}

/// A vault with demo records, a private reflection and a draft holding [`SECRET_TEXT`].
async fn filled_vault(n: u32) -> (tempfile::TempDir, Vault, SqlitePool) {
    let (dir, vault, pool) = vault().await;
    demo::generate(&pool, n, 7, today(), &|_, _| {})
        .await
        .unwrap();
    store::create(&pool, reflection("2026-11-20", true, SECRET_TEXT))
        .await
        .unwrap();
    drafts::save(&pool, "meeting:new", SECRET_TEXT)
        .await
        .unwrap();
    (dir, vault, pool)
}

async fn make_backup(vault: &Vault, out: &Path) -> backup::BackupMade {
    backup::make(
        vault,
        out,
        &secret(BACKUP_PASS),
        &proof(),
        &Control::quiet(),
    )
    .await
    .unwrap()
}

async fn restore_into(file: &Path, dir: &Path) -> alongside_core::CoreResult<backup::Restored> {
    backup::restore(
        file,
        &secret(BACKUP_PASS),
        dir,
        Target::EmptyFolder,
        &Control::quiet(),
    )
    .await
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

async fn unlock(dir: &Path) -> (Vault, SqlitePool) {
    let vault = Vault::new(dir);
    vault
        .unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap();
    let pool = vault.pool().await.unwrap();
    (vault, pool)
}

#[tokio::test]
async fn round_trip_restores_identical_content_and_the_same_ways_in() {
    let (_dir, vault, pool) = filled_vault(2_000).await;
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("alongside.backup");
    let made = make_backup(&vault, &out).await;
    assert_eq!(made.counts.contributions, 2_000);
    assert!(made.size_kib > 100, "{} KiB", made.size_kib);
    let last = backup::last_backup(&pool).await.unwrap().unwrap();
    assert_eq!(last.made_at, made.made_at);
    let info = backup::inspect(&out).unwrap();
    assert_eq!(info.made_at, made.made_at);

    let target = out_dir.path().join("new computer");
    let restored = restore_into(&out, &target).await.unwrap();
    assert_eq!(restored.counts, made.counts);
    assert_eq!(restored.made_at, made.made_at);
    assert_eq!(
        names_in(&target),
        ["keyslots.json", "keyslots.mirror.json", "vault.db"]
    );

    // The restored database is as encrypted as the original.
    let db = std::fs::read(target.join("vault.db")).unwrap();
    assert!(!db.starts_with(b"SQLite format 3"));
    assert!(!db.windows(8).any(|w| w == b"Zanzibar"));

    let (restored_vault, restored_pool) = unlock(&target).await;
    assert!(content(&restored_pool).await == content(&pool).await);
    assert!(restored_vault.check().await.unwrap().ok());
    let status = restored_vault.status().await.unwrap();
    assert!(status.slots.passphrase && status.slots.recovery_code && !status.slots.keyring);
}

#[tokio::test]
async fn the_backup_file_holds_no_record_text_in_the_clear() {
    let (dir, vault, _pool) = filled_vault(50).await;
    let out = dir.path().join("b.backup");
    make_backup(&vault, &out).await;
    let bytes = std::fs::read(&out).unwrap();
    for needle in [
        SECRET_TEXT,
        "Zanzibar",
        "SQLite format 3",
        "keyslots",
        "wrapped_key",
    ] {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "found {needle:?} in the backup"
        );
    }
    // The first line is the documented header and says nothing about the records.
    let header = bytes.split(|b| *b == b'\n').next().unwrap();
    let header: serde_json::Value = serde_json::from_slice(header).unwrap();
    assert_eq!(header["format"], "alongside-backup");
    assert_eq!(header["version"], 1);
    // No snapshot or temp file is left in the data folder.
    assert_eq!(
        names_in(dir.path()),
        [
            "b.backup",
            "keyslots.json",
            "keyslots.mirror.json",
            "vault.db",
            "vault.db-shm",
            "vault.db-wal"
        ]
    );
}

fn assert_refused(
    result: alongside_core::CoreResult<backup::Restored>,
    code: ErrorCode,
    what: &str,
) {
    match result {
        Ok(_) => panic!("{what}: restored"),
        Err(e) => assert_eq!(e.code(), code, "{what}: {e}"),
    }
}

#[tokio::test]
async fn wrong_passphrase_damage_truncation_and_foreign_files_are_refused_with_nothing_written() {
    let (dir, vault, _pool) = filled_vault(300).await;
    let out = dir.path().join("good.backup");
    make_backup(&vault, &out).await;
    let good = std::fs::read(&out).unwrap();
    let work = tempfile::tempdir().unwrap();
    let target = work.path().join("target");

    // Wrong passphrase.
    let wrong = backup::restore(
        &out,
        &secret("not the backup passphrase"),
        &target,
        Target::EmptyFolder,
        &Control::quiet(),
    )
    .await;
    assert_refused(wrong, ErrorCode::WrongPassphrase, "wrong passphrase");
    assert!(
        !target.exists(),
        "a refused restore leaves no folder behind"
    );

    let try_bytes = |bytes: Vec<u8>, what: String| {
        let file = work.path().join("candidate");
        let target = target.clone();
        async move {
            std::fs::write(&file, &bytes).unwrap();
            assert_refused(
                restore_into(&file, &target).await,
                ErrorCode::InvalidInput,
                &what,
            );
            assert!(
                !target.exists(),
                "{what}: the target folder was left behind"
            );
        }
    };

    // A flipped byte anywhere: every byte of the two header lines and 40 places in the body.
    let header_len = good
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(1)
        .unwrap()
        .0
        + 1;
    let mut places: Vec<usize> = (0..header_len).step_by(7).collect();
    places.push(header_len - 1);
    let body = good.len() - header_len;
    places.extend((0..40).map(|i| header_len + i * (body - 1) / 39));
    for at in places {
        let mut bad = good.clone();
        bad[at] ^= 0x20;
        let header_byte = at < header_len;
        let file = work.path().join("candidate");
        std::fs::write(&file, &bad).unwrap();
        let result = restore_into(&file, &target).await;
        match result {
            Ok(_) => panic!("byte {at} flipped: restored"),
            // A flipped byte in the salt with an intact checksum cannot happen (the checksum
            // covers it), so every refusal is "not a usable backup".
            Err(e) => assert_eq!(
                e.code(),
                ErrorCode::InvalidInput,
                "byte {at} (header {header_byte}): {e}"
            ),
        }
        assert!(
            !target.exists(),
            "byte {at}: the target folder was left behind"
        );
    }

    // Truncated files, an empty file, extra bytes, and files of other formats.
    for cut in [1, 16, body / 2, body - 1] {
        try_bytes(good[..good.len() - cut].to_vec(), format!("cut {cut}")).await;
    }
    try_bytes(good[..header_len].to_vec(), "header only".into()).await;
    try_bytes(Vec::new(), "empty".into()).await;
    let mut longer = good.clone();
    longer.extend_from_slice(&[0u8; 40]);
    try_bytes(longer, "extra bytes".into()).await;
    let vault_db = std::fs::read(dir.path().join("vault.db")).unwrap();
    try_bytes(vault_db, "the vault database".into()).await;
    let slots = std::fs::read(dir.path().join("keyslots.json")).unwrap();
    try_bytes(slots, "the key file".into()).await;
    try_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec(), "a PDF".into()).await;
    try_bytes(
        br#"{"format":"alongside-backup","version":99}"#.to_vec(),
        "a newer version".into(),
    )
    .await;

    // A missing file and a folder given as the file.
    try_bytes_path(&work.path().join("missing.backup"), &target, "missing").await;
    try_bytes_path(work.path(), &target, "a folder").await;
}

async fn try_bytes_path(file: &Path, target: &Path, what: &str) {
    assert_refused(
        restore_into(file, target).await,
        ErrorCode::InvalidInput,
        what,
    );
    assert!(
        !target.exists(),
        "{what}: the target folder was left behind"
    );
}

#[tokio::test]
async fn restore_refuses_a_folder_that_is_not_empty_and_leaves_it_alone() {
    let (dir, vault, _pool) = filled_vault(20).await;
    let out = dir.path().join("b.backup");
    make_backup(&vault, &out).await;
    let target = tempfile::tempdir().unwrap();
    std::fs::write(target.path().join("notes.txt"), "mine").unwrap();
    let err = restore_into(&out, target.path()).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert_eq!(field_of(err), "data_dir");
    assert_eq!(names_in(target.path()), ["notes.txt"]);
    // The app's rule: a folder without a vault is fine, one with a vault is not.
    let restored = backup::restore(
        &out,
        &secret(BACKUP_PASS),
        target.path(),
        Target::NoVault,
        &Control::quiet(),
    )
    .await
    .unwrap();
    assert_eq!(restored.counts.contributions, 20);
    let again = backup::restore(
        &out,
        &secret(BACKUP_PASS),
        target.path(),
        Target::NoVault,
        &Control::quiet(),
    )
    .await
    .unwrap_err();
    assert_eq!(field_of(again), "data_dir");
}

#[tokio::test]
async fn a_backup_made_while_records_are_written_is_consistent() {
    let (dir, vault, pool) = filled_vault(500).await;
    let project = store::create(&pool, project("Busy project")).await.unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (pool, stop) = (pool.clone(), stop.clone());
        tokio::spawn(async move {
            let mut written = 0u32;
            while !stop.load(Ordering::Relaxed) {
                let mut c = contribution(project.id, "2026-11-01", 60);
                c.expenses = vec![
                    expense(ExpenseKind::Parking, 300),
                    expense(ExpenseKind::Subsistence, 450),
                ];
                store::create(&pool, c).await.unwrap();
                written += 1;
            }
            written
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let out = dir.path().join("busy.backup");
    let made = make_backup(&vault, &out).await;
    stop.store(true, Ordering::Relaxed);
    let written = writer.await.unwrap();
    assert!(written > 0);

    let target = tempfile::tempdir().unwrap().path().join("restored");
    let restored = restore_into(&out, &target).await.unwrap();
    assert_eq!(restored.counts, made.counts);
    let (restored_vault, rpool) = unlock(&target).await;
    assert!(restored_vault.check().await.unwrap().ok());
    // Every contribution came back whole: none without its two expense lines.
    let partial: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM contributions c
         WHERE c.project_id = ? AND (SELECT count(*) FROM expenses e WHERE e.contribution_id = c.id) <> 2",
    )
    .bind(project.id)
    .fetch_one(&rpool)
    .await
    .unwrap();
    assert_eq!(partial, 0);
    let busy: i64 = sqlx::query_scalar("SELECT count(*) FROM contributions WHERE project_id = ?")
        .bind(project.id)
        .fetch_one(&rpool)
        .await
        .unwrap();
    assert!(
        busy >= 1 && busy <= i64::from(written),
        "{busy} of {written}"
    );
}

#[tokio::test]
async fn replacing_a_vault_keeps_a_safety_copy_that_still_opens() {
    let (_other_dir, other, other_pool) = filled_vault(40).await;
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("other.backup");
    make_backup(&other, &out).await;

    let (dir, vault, pool) = filled_vault(10).await;
    let before = content(&pool).await;
    let restored = backup::replace(
        &vault,
        &out,
        &secret(BACKUP_PASS),
        &proof(),
        &Control::quiet(),
    )
    .await
    .unwrap();
    assert!(
        !vault.is_unlocked().await,
        "the replaced vault was locked first"
    );
    let safety = PathBuf::from(restored.safety_copy.unwrap());
    assert!(safety.starts_with(dir.path()));

    let (_v, now) = unlock(dir.path()).await;
    assert!(content(&now).await == content(&other_pool).await);
    let (_s, kept) = unlock(&safety).await;
    assert!(content(&kept).await == before);
    // No hidden work folders are left.
    assert!(names_in(dir.path())
        .iter()
        .all(|n| !n.starts_with(".alongside-")));

    // A bad backup changes nothing at all.
    let junk = out_dir.path().join("junk.backup");
    std::fs::write(&junk, b"junk").unwrap();
    let files_before = names_in(dir.path());
    assert!(backup::replace(
        &vault,
        &junk,
        &secret(BACKUP_PASS),
        &proof(),
        &Control::quiet()
    )
    .await
    .is_err());
    assert_eq!(names_in(dir.path()), files_before);
}

#[tokio::test]
async fn cancelling_and_bad_destinations_leave_no_file() {
    let (dir, vault, _pool) = filled_vault(200).await;
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("cancelled.backup");
    let control = Control::quiet();
    control.cancel.store(true, Ordering::Relaxed);
    let err = backup::make(&vault, &out, &secret(BACKUP_PASS), &proof(), &control)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Cancelled);
    assert!(names_in(out_dir.path()).is_empty());
    assert!(names_in(dir.path())
        .iter()
        .all(|n| !n.starts_with(".alongside-")));

    let missing = out_dir.path().join("no such folder").join("b.backup");
    let err = backup::make(
        &vault,
        &missing,
        &secret(BACKUP_PASS),
        &proof(),
        &Control::quiet(),
    )
    .await
    .unwrap_err();
    assert_eq!(field_of(err), "out");
    let err = backup::make(
        &vault,
        out_dir.path(),
        &secret(BACKUP_PASS),
        &proof(),
        &Control::quiet(),
    )
    .await
    .unwrap_err();
    assert_eq!(field_of(err), "out");
    let err = backup::make(&vault, &out, &secret("short"), &proof(), &Control::quiet())
        .await
        .unwrap_err();
    assert_eq!(field_of(err), "passphrase");
    assert!(names_in(out_dir.path()).is_empty());

    // Progress is reported up to 100 per cent.
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let control = Control {
        cancel: Arc::new(AtomicBool::new(false)),
        progress: {
            let seen = seen.clone();
            Arc::new(move |p| seen.lock().unwrap().push(p))
        },
    };
    backup::make(&vault, &out, &secret(BACKUP_PASS), &proof(), &control)
        .await
        .unwrap();
    let reached_100 = seen
        .lock()
        .unwrap()
        .iter()
        .any(|p| p.stage == backup::BackupStage::Sealing && p.percent == 100);
    assert!(reached_100);

    // A locked vault cannot be backed up.
    vault
        .lock(alongside_core::vault::LockReason::Manual)
        .await
        .unwrap();
    let err = backup::make(
        &vault,
        &out,
        &secret(BACKUP_PASS),
        &proof(),
        &Control::quiet(),
    )
    .await
    .unwrap_err();
    assert_eq!(err.code(), ErrorCode::VaultLocked);
}

#[tokio::test]
async fn delete_everything_removes_the_vault_its_copies_and_nothing_else() {
    let (other_dir, other, _p) = filled_vault(5).await;
    let out = other_dir.path().join("b.backup");
    make_backup(&other, &out).await;
    let (dir, vault, _pool) = filled_vault(5).await;
    backup::replace(
        &vault,
        &out,
        &secret(BACKUP_PASS),
        &proof(),
        &Control::quiet(),
    )
    .await
    .unwrap();
    std::fs::write(dir.path().join("someone else's file.txt"), "keep me").unwrap();
    // Deleting needs the vault open and its passphrase typed again.
    vault
        .unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap();
    let erased = vault.delete_everything(&proof()).await.unwrap();
    // vault.db, keyslots.json, keyslots.mirror.json and the safety copy folder.
    assert_eq!(erased.removed, 4, "{:?}", names_in(dir.path()));
    assert_eq!(names_in(dir.path()), ["someone else's file.txt"]);
    assert!(!vault.exists());
    assert_eq!(
        vault
            .unlock(UnlockMethod::Passphrase(secret(PASS)))
            .await
            .unwrap_err()
            .code(),
        ErrorCode::NoVault
    );
}

#[tokio::test]
async fn a_backup_is_due_after_the_chosen_interval_and_reminded_once() {
    use alongside_core::records::preferences;
    use alongside_core::records::reminders::{take_new, ReminderKind};
    let (dir, vault, pool) = vault().await;
    let today = chrono::Local::now().date_naive();
    let later = today + chrono::Days::new(31);
    assert!(
        !backup::state(&pool, today).await.unwrap().due,
        "a new vault is not due"
    );
    let state = backup::state(&pool, later).await.unwrap();
    assert!(state.due && state.last.is_none() && state.every_days == Some(30));
    let dashboard = alongside_core::records::dashboard::dashboard(&pool, later)
        .await
        .unwrap();
    assert!(dashboard.backup.due);

    let kinds = |r: Vec<alongside_core::records::reminders::Reminder>| -> Vec<ReminderKind> {
        r.into_iter().map(|r| r.kind).collect()
    };
    assert_eq!(
        kinds(take_new(&pool, later).await.unwrap()),
        [ReminderKind::BackupDue]
    );
    assert!(take_new(&pool, later).await.unwrap().is_empty(), "once");

    make_backup(&vault, &dir.path().join("b.backup")).await;
    let tomorrow = today + chrono::Days::new(1);
    let state = backup::state(&pool, tomorrow).await.unwrap();
    assert!(!state.due && state.last.is_some(), "{state:?}");
    let month_on = today + chrono::Days::new(30);
    assert!(backup::state(&pool, month_on).await.unwrap().due);

    let mut prefs = preferences::load(&pool).await.unwrap();
    prefs.backup_reminder_days = None;
    preferences::save(&pool, &prefs).await.unwrap();
    assert!(
        !backup::state(&pool, later + chrono::Days::new(400))
            .await
            .unwrap()
            .due
    );
    prefs.backup_reminder_days = Some(3);
    assert_eq!(
        field_of(preferences::save(&pool, &prefs).await.unwrap_err()),
        "backup_reminder_days"
    );
}

#[tokio::test]
async fn delete_everything_removes_the_keyring_entry_too() {
    use alongside_core::paths::VaultPaths;
    use alongside_core::vault::keyring_slot;
    use alongside_core::vault::slots::SlotFile;
    let dir = tempfile::tempdir().unwrap();
    let service = format!("alongside-test-erase-{}", std::process::id());
    let vault = Vault::new(dir.path()).with_keyring_service(&service);
    let created = vault.create(&secret(PASS), true).await.unwrap();
    assert!(
        created.keyring_problem.is_none(),
        "run under scripts/with-keyring.sh: {:?}",
        created.keyring_problem
    );
    let (slots, _) = SlotFile::load(&VaultPaths::new(dir.path())).unwrap();
    let (svc, account) = slots
        .keyring()
        .map(|(s, a)| (s.to_owned(), a.to_owned()))
        .unwrap();
    assert!(keyring_slot::load(&svc, &account).unwrap().is_some());
    let erased = vault.delete_everything(&proof()).await.unwrap();
    assert_eq!(erased.keyring_entries, 1);
    assert!(keyring_slot::load(&svc, &account).unwrap().is_none());
    assert!(names_in(dir.path()).is_empty());
}
