//! Files attached to a contribution, a meeting or a reflection: receipts, papers, photos of
//! flipcharts (docs/attachments.md).
//!
//! The bytes are kept inside the encrypted database (table `attachment_bytes`), so they are
//! encrypted at rest, part of every backup, and gone with "delete all my data"; nothing is ever
//! written as a file of its own. One attach is one transaction: after a crash the attachment is
//! there whole or not at all. Detaching is a soft delete that can be undone for
//! [`store::UNDO_SECONDS`], like every record.

pub mod content;
pub mod transfer;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use specta::Type;
use sqlx::{Row, SqliteConnection, SqlitePool};

use super::store::{self, write_tx};
use super::RecordKind;
use crate::error::{CoreError, CoreResult};
use crate::vault::blocking;

/// The largest file that can be attached, in bytes (50 MiB).
pub const MOST_BYTES: u64 = 50 * 1024 * 1024;
/// The longest file name kept, in characters.
const MOST_NAME_CHARS: usize = 200;

/// One attached file, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Attachment {
    /// Stable id.
    pub id: i64,
    /// Global id (UUID v7).
    pub uid: String,
    /// What it is attached to: a contribution, meeting or reflection.
    pub owner_kind: RecordKind,
    /// The id of what it is attached to.
    pub owner_id: i64,
    /// On a contribution: the global id of the expense line it is the receipt for (`None`: the
    /// contribution as a whole).
    pub expense_uid: Option<String>,
    /// The file's name as it was attached.
    pub name: String,
    /// Its media type, from its bytes for images and PDFs, else from its name.
    pub media_type: String,
    /// Its size in bytes.
    pub size: i64,
    /// SHA-256 of the stored bytes, in hex.
    pub sha256: String,
    /// Whether a preview image is kept.
    pub has_preview: bool,
    /// Width of the image the right way up, when it is an image that could be read.
    pub width: Option<i64>,
    /// Height of the image the right way up.
    pub height: Option<i64>,
    /// Whether photo metadata (camera, times) was taken out when it was attached.
    pub metadata_removed: bool,
    /// Whether that metadata held a location.
    pub location_removed: bool,
    /// When it was attached (RFC 3339, UTC).
    pub created_at: String,
}

/// How much is attached across all records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct AttachmentTotals {
    /// How many files.
    pub count: i64,
    /// Their size together, in bytes.
    pub bytes: i64,
}

/// The column that points at an owner of `kind`; only contributions, meetings and reflections
/// take attachments.
fn owner_column(kind: RecordKind) -> CoreResult<&'static str> {
    match kind {
        RecordKind::Contribution => Ok("contribution_id"),
        RecordKind::Meeting => Ok("meeting_id"),
        RecordKind::Reflection => Ok("reflection_id"),
        _ => Err(CoreError::invalid(
            "owner_kind",
            "Files can be attached to a contribution, a meeting or a reflection.",
        )),
    }
}

const COLUMNS: &str = "id, uid, contribution_id, meeting_id, reflection_id, expense_uid, name, \
                       media_type, \
                       size, sha256, preview IS NOT NULL AS has_preview, width, height, \
                       metadata_removed, location_removed, created_at";

fn read_row(row: &sqlx::sqlite::SqliteRow) -> CoreResult<Attachment> {
    let owners = [
        (RecordKind::Contribution, "contribution_id"),
        (RecordKind::Meeting, "meeting_id"),
        (RecordKind::Reflection, "reflection_id"),
    ];
    let mut owner = None;
    for (kind, column) in owners {
        if let Some(id) = row.try_get::<Option<i64>, _>(column)? {
            owner = Some((kind, id));
        }
    }
    let (owner_kind, owner_id) =
        owner.ok_or_else(|| CoreError::Damaged("An attachment belongs to no record.".into()))?;
    Ok(Attachment {
        id: row.try_get("id")?,
        uid: row.try_get("uid")?,
        owner_kind,
        owner_id,
        expense_uid: row.try_get("expense_uid")?,
        name: row.try_get("name")?,
        media_type: row.try_get("media_type")?,
        size: row.try_get("size")?,
        sha256: row.try_get("sha256")?,
        has_preview: row.try_get("has_preview")?,
        width: row.try_get("width")?,
        height: row.try_get("height")?,
        metadata_removed: row.try_get("metadata_removed")?,
        location_removed: row.try_get("location_removed")?,
        created_at: row.try_get("created_at")?,
    })
}

/// Refuses an owner that is not a live contribution, meeting or reflection.
async fn check_owner(conn: &mut SqliteConnection, kind: RecordKind, id: i64) -> CoreResult<()> {
    owner_column(kind)?;
    let sql = format!(
        "SELECT count(*) FROM {} WHERE id = ? AND deleted_at IS NULL",
        kind.table()
    );
    let found: i64 = sqlx::query_scalar(&sql)
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    if found == 0 {
        return Err(CoreError::NotFound(format!(
            "That {} is not in your records any more; it may have been deleted.",
            kind.noun()
        )));
    }
    Ok(())
}

/// Refuses a file too large to attach, before its bytes are read.
pub fn check_size(name: &str, size: u64) -> CoreResult<()> {
    if size > MOST_BYTES {
        return Err(CoreError::invalid(
            "file",
            format!(
                "“{}” is {} MB; files up to {} MB can be attached. Nothing was added.",
                short_name(name),
                size.div_ceil(1024 * 1024),
                MOST_BYTES / (1024 * 1024)
            ),
        ));
    }
    Ok(())
}

/// The last part of a path, cut to a length that fits a sentence and the database.
pub fn short_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name).trim();
    let base = if base.is_empty() { "attachment" } else { base };
    base.chars()
        .filter(|c| !c.is_control())
        .take(MOST_NAME_CHARS)
        .collect()
}

/// Attaches a file to a contribution, meeting or reflection. Photos lose their metadata (all
/// but the orientation); images get a preview. Whole or not at all.
pub async fn attach(
    pool: &SqlitePool,
    owner_kind: RecordKind,
    owner_id: i64,
    name: &str,
    bytes: Vec<u8>,
) -> CoreResult<Attachment> {
    let column = owner_column(owner_kind)?;
    check_size(name, u64::try_from(bytes.len()).unwrap_or(u64::MAX))?;
    let name = short_name(name);
    // The image work runs off the async threads; it can take a moment for a large photo.
    let examined = {
        let name = name.clone();
        blocking(move || Ok(content::examine(&name, bytes))).await?
    };
    let sha256 = hex::encode(Sha256::digest(&examined.bytes));
    let size = i64::try_from(examined.bytes.len()).unwrap_or(i64::MAX);
    let (width, height) = examined.size.map_or((None, None), |(w, h)| {
        (Some(i64::from(w)), Some(i64::from(h)))
    });
    let mut tx = write_tx(pool).await?;
    check_owner(&mut tx, owner_kind, owner_id).await?;
    let sql = format!(
        "INSERT INTO attachments (uid, {column}, name, media_type, size, sha256, preview, width, \
         height, metadata_removed, location_removed, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    );
    let id = sqlx::query(&sql)
        .bind(super::uid::new_uid())
        .bind(owner_id)
        .bind(&name)
        .bind(&examined.media_type)
        .bind(size)
        .bind(&sha256)
        .bind(examined.preview.as_deref())
        .bind(width)
        .bind(height)
        .bind(examined.metadata_removed)
        .bind(examined.location_removed)
        .bind(store::now_stamp())
        .execute(&mut *tx)
        .await?
        .last_insert_rowid();
    sqlx::query("INSERT INTO attachment_bytes (attachment_id, bytes) VALUES (?, ?)")
        .bind(id)
        .bind(&examined.bytes)
        .execute(&mut *tx)
        .await?;
    let attachment = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(attachment)
}

async fn fetch(conn: &mut SqliteConnection, id: i64) -> CoreResult<Attachment> {
    let sql = format!("SELECT {COLUMNS} FROM attachments WHERE id = ? AND deleted_at IS NULL");
    let row = sqlx::query(&sql)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(gone)?;
    read_row(&row)
}

fn gone() -> CoreError {
    CoreError::NotFound(
        "That attachment is not in your records any more; it may have been removed.".into(),
    )
}

/// Says which expense line of its contribution an attachment is the receipt for (`None`: the
/// contribution as a whole).
pub async fn for_expense(
    pool: &SqlitePool,
    id: i64,
    expense_uid: Option<&str>,
) -> CoreResult<Attachment> {
    let mut tx = write_tx(pool).await?;
    let attachment = fetch(&mut tx, id).await?;
    if let Some(line) = expense_uid {
        let found: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM expenses WHERE contribution_id = ? AND uid = ?",
        )
        .bind(attachment.owner_id)
        .bind(line)
        .fetch_one(&mut *tx)
        .await?;
        if attachment.owner_kind != RecordKind::Contribution || found == 0 {
            return Err(CoreError::invalid(
                "expense_uid",
                "That expense line is not on this contribution any more; save the \
                 contribution and choose again.",
            ));
        }
    }
    sqlx::query("UPDATE attachments SET expense_uid = ? WHERE id = ?")
        .bind(expense_uid)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let attachment = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(attachment)
}

/// One attachment's description.
pub async fn get(pool: &SqlitePool, id: i64) -> CoreResult<Attachment> {
    fetch(&mut *pool.acquire().await?, id).await
}

/// The files attached to one record, oldest first.
pub async fn list(
    pool: &SqlitePool,
    owner_kind: RecordKind,
    owner_id: i64,
) -> CoreResult<Vec<Attachment>> {
    let column = owner_column(owner_kind)?;
    let sql = format!(
        "SELECT {COLUMNS} FROM attachments WHERE {column} = ? AND deleted_at IS NULL ORDER BY id"
    );
    let rows = sqlx::query(&sql).bind(owner_id).fetch_all(pool).await?;
    rows.iter().map(read_row).collect()
}

/// How many files are attached to each of `ids` (records of `owner_kind`), for lists.
pub async fn counts(
    pool: &SqlitePool,
    owner_kind: RecordKind,
) -> CoreResult<std::collections::HashMap<i64, i64>> {
    let column = owner_column(owner_kind)?;
    let sql = format!(
        "SELECT {column}, count(*) FROM attachments WHERE {column} IS NOT NULL \
         AND deleted_at IS NULL GROUP BY {column}"
    );
    let rows: Vec<(i64, i64)> = sqlx::query_as(&sql).fetch_all(pool).await?;
    Ok(rows.into_iter().collect())
}

/// The preview image's bytes (JPEG, or PNG when the image has transparency).
pub async fn preview(pool: &SqlitePool, id: i64) -> CoreResult<Option<Vec<u8>>> {
    let found: Option<Option<Vec<u8>>> =
        sqlx::query_scalar("SELECT preview FROM attachments WHERE id = ? AND deleted_at IS NULL")
            .bind(id)
            .fetch_optional(pool)
            .await?;
    found.ok_or_else(gone)
}

/// The preview as a `data:` URL for the window (whose CSP allows `data:` images and nothing
/// from files), or `None` when there is none.
pub async fn preview_data_url(pool: &SqlitePool, id: i64) -> CoreResult<Option<String>> {
    use base64::Engine;
    Ok(preview(pool, id).await?.map(|bytes| {
        // Previews are JPEG, or PNG when the image has transparency.
        let media = if bytes.starts_with(b"\x89PNG") {
            "image/png"
        } else {
            "image/jpeg"
        };
        let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
        format!("data:{media};base64,{encoded}")
    }))
}

/// The attached file's bytes, exactly as stored.
pub async fn bytes(pool: &SqlitePool, id: i64) -> CoreResult<Vec<u8>> {
    let found: Option<Vec<u8>> = sqlx::query_scalar(
        "SELECT b.bytes FROM attachment_bytes b JOIN attachments a ON a.id = b.attachment_id \
         WHERE a.id = ? AND a.deleted_at IS NULL",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    found.ok_or_else(gone)
}

/// The attachment with global id `uid`.
pub async fn by_uid(pool: &SqlitePool, uid: &str) -> CoreResult<Attachment> {
    super::uid::check("uid", uid)?;
    let sql = format!("SELECT {COLUMNS} FROM attachments WHERE uid = ? AND deleted_at IS NULL");
    let row = sqlx::query(&sql)
        .bind(uid)
        .fetch_optional(pool)
        .await?
        .ok_or_else(gone)?;
    read_row(&row)
}

/// Finds the live contribution, meeting or reflection with global id `uid` (of `kind` when it
/// is given, else of whichever kind has it).
pub async fn owner_by_uid(
    pool: &SqlitePool,
    kind: Option<RecordKind>,
    uid: &str,
) -> CoreResult<(RecordKind, i64)> {
    super::uid::check("uid", uid)?;
    let kinds = match kind {
        Some(k) => {
            owner_column(k)?;
            vec![k]
        }
        None => vec![
            RecordKind::Contribution,
            RecordKind::Meeting,
            RecordKind::Reflection,
        ],
    };
    for k in &kinds {
        let sql = format!(
            "SELECT id FROM {} WHERE uid = ? AND deleted_at IS NULL",
            k.table()
        );
        let found: Option<i64> = sqlx::query_scalar(&sql)
            .bind(uid)
            .fetch_optional(pool)
            .await?;
        if let Some(id) = found {
            return Ok((*k, id));
        }
    }
    let what = kind.map_or("contribution, meeting or reflection", RecordKind::noun);
    Err(CoreError::NotFound(format!(
        "No {what} has the id {uid}; `alongside search` lists ids."
    )))
}

/// Reads a file to attach: refused before reading when it is larger than [`MOST_BYTES`], and
/// never more than that read (a file growing while it is read is refused too).
pub fn read_file(path: &std::path::Path) -> CoreResult<(String, Vec<u8>)> {
    use std::io::Read;
    let name = short_name(&path.to_string_lossy());
    let file = std::fs::File::open(path)?;
    let meta = file.metadata()?;
    let size = meta.len();
    if !meta.is_file() {
        return Err(CoreError::invalid(
            "file",
            format!("“{name}” is not a file that can be attached."),
        ));
    }
    check_size(&name, size)?;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MOST_BYTES + 1).read_to_end(&mut bytes)?;
    check_size(&name, u64::try_from(bytes.len()).unwrap_or(u64::MAX))?;
    Ok((name, bytes))
}

/// What a detach did, for the undo offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Detached {
    /// The attachment's id, for [`undo_detach`].
    pub id: i64,
    /// Seconds the detach can be undone for.
    pub undo_seconds: i64,
}

/// Detaches a file; [`undo_detach`] brings it back for [`store::UNDO_SECONDS`], after which
/// [`store::purge_expired`] removes it for good.
pub async fn detach(pool: &SqlitePool, id: i64) -> CoreResult<Detached> {
    let done =
        sqlx::query("UPDATE attachments SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL")
            .bind(store::now_stamp())
            .bind(id)
            .execute(pool)
            .await?;
    if done.rows_affected() == 0 {
        return Err(gone());
    }
    Ok(Detached {
        id,
        undo_seconds: store::UNDO_SECONDS,
    })
}

/// Brings back a detached file within the undo window.
pub async fn undo_detach(pool: &SqlitePool, id: i64) -> CoreResult<()> {
    let done = sqlx::query(
        "UPDATE attachments SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL",
    )
    .bind(id)
    .execute(pool)
    .await?;
    if done.rows_affected() == 0 {
        return Err(CoreError::NotFound(
            "That attachment cannot be brought back: the time to undo has passed.".into(),
        ));
    }
    Ok(())
}

/// How many files are attached, and their size together (records deleted but still in their
/// undo window included, since they still take room).
pub async fn totals(pool: &SqlitePool) -> CoreResult<AttachmentTotals> {
    let (count, bytes): (i64, i64) =
        sqlx::query_as("SELECT count(*), coalesce(sum(size), 0) FROM attachments")
            .fetch_one(pool)
            .await?;
    Ok(AttachmentTotals { count, bytes })
}
