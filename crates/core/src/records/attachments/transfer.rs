//! Attachments in the complete JSON export: each file with its description, its owner named by
//! global id, and its bytes in base64 (docs/attachments.md). An import checks every file's
//! hash and size before anything is written, and makes the previews again.

use base64::Engine;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sqlx::{Row, SqliteConnection};

use super::{content, MOST_BYTES};
use crate::error::CoreResult;
use crate::records::transfer::ImportReport;
use crate::records::RecordKind;

/// One attached file as the export writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentFile {
    /// Global id of the attachment.
    pub uid: String,
    /// What it is attached to: `contribution`, `meeting` or `reflection`.
    pub owner_kind: RecordKind,
    /// The global id of what it is attached to.
    pub owner_uid: String,
    /// On a contribution: the global id of the expense line it is the receipt for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expense_uid: Option<String>,
    /// The file's name.
    pub name: String,
    /// Its media type.
    pub media_type: String,
    /// SHA-256 of the bytes, in hex.
    pub sha256: String,
    /// Whether photo metadata was taken out when it was attached.
    pub metadata_removed: bool,
    /// Whether that metadata held a location.
    pub location_removed: bool,
    /// When it was attached.
    pub created_at: String,
    /// The bytes, in standard base64.
    pub base64: String,
}

/// Every live attachment of a live record; those of records left out (private reflections when
/// they are not included) are left out too.
pub async fn export(
    conn: &mut SqliteConnection,
    include_private: bool,
) -> CoreResult<Vec<AttachmentFile>> {
    let rows = sqlx::query(
        "SELECT a.uid, a.expense_uid, a.name, a.media_type, a.sha256, a.metadata_removed, a.location_removed,
                a.created_at, b.bytes,
                coalesce(c.uid, m.uid, r.uid) AS owner_uid,
                CASE WHEN c.id IS NOT NULL THEN 'contribution'
                     WHEN m.id IS NOT NULL THEN 'meeting' ELSE 'reflection' END AS owner_kind
         FROM attachments a JOIN attachment_bytes b ON b.attachment_id = a.id
         LEFT JOIN contributions c ON c.id = a.contribution_id AND c.deleted_at IS NULL
         LEFT JOIN meetings m ON m.id = a.meeting_id AND m.deleted_at IS NULL
         LEFT JOIN reflections r ON r.id = a.reflection_id AND r.deleted_at IS NULL
              AND (?1 OR r.private = 0)
         WHERE a.deleted_at IS NULL AND coalesce(c.id, m.id, r.id) IS NOT NULL
         ORDER BY a.id",
    )
    .bind(include_private)
    .fetch_all(&mut *conn)
    .await?;
    let b64 = base64::engine::general_purpose::STANDARD;
    rows.iter()
        .map(|row| {
            let kind: String = row.try_get("owner_kind")?;
            let bytes: Vec<u8> = row.try_get("bytes")?;
            Ok(AttachmentFile {
                uid: row.try_get("uid")?,
                owner_kind: match kind.as_str() {
                    "contribution" => RecordKind::Contribution,
                    "meeting" => RecordKind::Meeting,
                    _ => RecordKind::Reflection,
                },
                owner_uid: row.try_get("owner_uid")?,
                expense_uid: row.try_get("expense_uid")?,
                name: row.try_get("name")?,
                media_type: row.try_get("media_type")?,
                sha256: row.try_get("sha256")?,
                metadata_removed: row.try_get("metadata_removed")?,
                location_removed: row.try_get("location_removed")?,
                created_at: row.try_get("created_at")?,
                base64: b64.encode(bytes),
            })
        })
        .collect()
}

/// Checks the files of an export: owners in the file, bytes readable, hash and size right.
/// `owner_id` finds the id of the record with a global id in the file.
pub fn check(
    files: &[AttachmentFile],
    owner_id: &dyn Fn(RecordKind, &str) -> Option<i64>,
    report: &mut ImportReport,
) {
    let mut seen = std::collections::HashSet::new();
    for (i, file) in files.iter().enumerate() {
        let place = format!("attachments[{i}]");
        if crate::records::uid::check("uid", &file.uid).is_err() || !seen.insert(&file.uid) {
            report.problem(
                None,
                format!("{place}.uid"),
                "Each attachment needs its own uid.",
            );
        }
        if super::owner_column(file.owner_kind).is_err()
            || owner_id(file.owner_kind, &file.owner_uid).is_none()
        {
            report.problem(
                None,
                format!("{place}.owner_uid"),
                "The attachment belongs to a record that is not in the file.",
            );
        }
        match decode(file) {
            Some(bytes) if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MOST_BYTES => {
                report.problem(None, place, "The attachment is larger than 50 MB.");
            }
            Some(bytes) if hex::encode(Sha256::digest(&bytes)) != file.sha256 => {
                report.problem(
                    None,
                    place,
                    "The attachment's bytes do not match its hash: the file was changed or damaged.",
                );
            }
            Some(_) => {}
            None => report.problem(
                None,
                place,
                "The attachment's bytes are not readable base64.",
            ),
        }
    }
}

fn decode(file: &AttachmentFile) -> Option<Vec<u8>> {
    base64::engine::general_purpose::STANDARD
        .decode(&file.base64)
        .ok()
}

/// Writes checked files (see [`check`]) into the vault, with previews made again.
pub async fn import(
    conn: &mut SqliteConnection,
    files: &[AttachmentFile],
    owner_id: &dyn Fn(RecordKind, &str) -> Option<i64>,
) -> CoreResult<()> {
    for file in files {
        let (Some(bytes), Some(owner)) = (decode(file), owner_id(file.owner_kind, &file.owner_uid))
        else {
            continue;
        };
        let column = super::owner_column(file.owner_kind)?;
        let preview = image::ImageFormat::from_mime_type(&file.media_type)
            .and_then(|format| content::preview(&bytes, format));
        let sql = format!(
            "INSERT INTO attachments (uid, {column}, expense_uid, name, media_type, size, sha256, \
             preview, width, height, metadata_removed, location_removed, created_at) \
             VALUES (?1, ?2, (SELECT uid FROM expenses WHERE contribution_id = ?2 AND uid = ?3 \
             AND ?4), ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
        );
        let id = sqlx::query(&sql)
            .bind(&file.uid)
            .bind(owner)
            .bind(&file.expense_uid)
            .bind(file.owner_kind == RecordKind::Contribution)
            .bind(super::short_name(&file.name))
            .bind(&file.media_type)
            .bind(i64::try_from(bytes.len()).unwrap_or(i64::MAX))
            .bind(&file.sha256)
            .bind(preview.as_ref().map(|p| p.0.as_slice()))
            .bind(preview.as_ref().map(|p| i64::from(p.1)))
            .bind(preview.as_ref().map(|p| i64::from(p.2)))
            .bind(file.metadata_removed)
            .bind(file.location_removed)
            .bind(&file.created_at)
            .execute(&mut *conn)
            .await?
            .last_insert_rowid();
        sqlx::query("INSERT INTO attachment_bytes (attachment_id, bytes) VALUES (?, ?)")
            .bind(id)
            .bind(&bytes)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
