//! The export log: every saved report or file that held sessions — when, which report, the file
//! name, the sessions and whose words were in it — so when someone withdraws consent their page
//! can list the earlier outputs that contained their words.

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::{Row, SqlitePool};

use super::{from_json, to_json};
use crate::error::CoreResult;

/// One logged export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ExportLogEntry {
    /// When it was made (RFC 3339, UTC).
    pub made_at: String,
    /// Which report ("meeting", "involvement"…).
    pub report: String,
    /// The file format ("pdf"…).
    pub format: String,
    /// The file's name (without its folder).
    pub file_name: String,
    /// The titles and dates of the sessions it held.
    pub sessions: Vec<String>,
}

/// What to log about one export.
pub struct Logged<'a> {
    /// Which report.
    pub report: &'a str,
    /// The file format.
    pub format: &'a str,
    /// The file's name (without its folder).
    pub file_name: &'a str,
    /// The sessions it held.
    pub meeting_ids: &'a [i64],
    /// The people whose own words it held.
    pub quoted_person_ids: &'a [i64],
}

/// Logs an export that held sessions (nothing is logged for one that held none).
pub async fn record(pool: &SqlitePool, logged: &Logged<'_>) -> CoreResult<()> {
    if logged.meeting_ids.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO export_log (made_at, report, format, file_name, meeting_ids, quoted_person_ids)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(super::store::now_stamp())
    .bind(logged.report)
    .bind(logged.format)
    .bind(logged.file_name)
    .bind(to_json(&logged.meeting_ids))
    .bind(to_json(&logged.quoted_person_ids))
    .execute(pool)
    .await?;
    Ok(())
}

/// The logged exports that held this person's own words, newest first.
pub async fn with_words_of(pool: &SqlitePool, person_id: i64) -> CoreResult<Vec<ExportLogEntry>> {
    let rows = sqlx::query(
        "SELECT made_at, report, format, file_name, meeting_ids FROM export_log
         WHERE EXISTS (SELECT 1 FROM json_each(quoted_person_ids) WHERE value = ?)
         ORDER BY made_at DESC, id DESC",
    )
    .bind(person_id)
    .fetch_all(pool)
    .await?;
    let mut entries = Vec::with_capacity(rows.len());
    for row in rows {
        let ids: Vec<i64> = from_json(row.try_get("meeting_ids")?, "export log")?;
        let sessions: Vec<String> = sqlx::query_scalar(
            "SELECT title || ' (' || date || ')' FROM meetings
             WHERE id IN (SELECT value FROM json_each(?)) ORDER BY date, id",
        )
        .bind(to_json(&ids))
        .fetch_all(pool)
        .await?;
        entries.push(ExportLogEntry {
            made_at: row.try_get("made_at")?,
            report: row.try_get("report")?,
            format: row.try_get("format")?,
            file_name: row.try_get("file_name")?,
            sessions,
        });
    }
    Ok(entries)
}
