//! The files this vault sent and to whom, so the sender sees, per person, who has acknowledged
//! each one (an acknowledgement names the file it answers; `inbox` matches it here).

use serde::Serialize;
use specta::Type;
use sqlx::{Row, SqlitePool};

use super::contacts::Contact;
use super::payload::Payload;
use crate::error::CoreResult;

/// Notes a file as sent to `to` (and, when it was, as a passphrase copy).
pub(crate) async fn record(
    pool: &SqlitePool,
    payload: &Payload,
    to: &[Contact],
    file_name: &str,
) -> CoreResult<()> {
    let mut tx = crate::records::store::write_tx(pool).await?;
    let id = sqlx::query(
        "INSERT INTO sent (envelope_id, kind, description, made_at, file_name, passphrase_copy)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(&payload.id)
    .bind(payload.content.kind())
    .bind(payload.content.describe())
    .bind(&payload.created_at)
    .bind(file_name)
    .bind(payload.passphrase)
    .execute(&mut *tx)
    .await?
    .last_insert_rowid();
    for c in to {
        sqlx::query("INSERT INTO sent_to (sent_id, person_id, name) VALUES (?, ?, ?)")
            .bind(id)
            .bind(c.person_id)
            .bind(&c.person_name)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// One person a file was sent to, and whether they acknowledged it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SentTo {
    /// The person.
    pub person_id: i64,
    /// Their name when it was sent.
    pub name: String,
    /// The day their acknowledgement was made, once it has been added here.
    pub acknowledged_on: Option<String>,
    /// The message that came with it.
    pub message: String,
    /// How many corrections of their words came back about it.
    pub corrections: i64,
}

/// A file this vault sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SentFile {
    /// The file's own id.
    pub envelope_id: String,
    /// The kind of content.
    pub kind: String,
    /// What it held, in a few words.
    pub description: String,
    /// When it was made.
    pub made_at: String,
    /// The file's name as saved.
    pub file_name: String,
    /// Whether a passphrase copy was made too.
    pub passphrase_copy: bool,
    /// The contacts it was sent to.
    pub to: Vec<SentTo>,
}

/// Every file sent from here, newest first, with each recipient's replies.
pub async fn list(pool: &SqlitePool) -> CoreResult<Vec<SentFile>> {
    let files = sqlx::query(
        "SELECT id, envelope_id, kind, description, made_at, file_name, passphrase_copy
         FROM sent ORDER BY made_at DESC, id DESC",
    )
    .fetch_all(pool)
    .await?;
    let mut out = Vec::with_capacity(files.len());
    for f in &files {
        let id: i64 = f.try_get("id")?;
        let envelope_id: String = f.try_get("envelope_id")?;
        let rows = sqlx::query(
            "SELECT t.person_id, t.name,
                (SELECT substr(r.made_at, 1, 10) FROM received r
                  WHERE r.replies_to = ?1 AND r.person_id = t.person_id
                    AND r.kind = 'acknowledgement' AND r.decision = 'added'
                  ORDER BY r.made_at LIMIT 1) AS acknowledged_on,
                (SELECT coalesce(json_extract(r.payload, '$.content.message'), '') FROM received r
                  WHERE r.replies_to = ?1 AND r.person_id = t.person_id
                    AND r.kind = 'acknowledgement' AND r.decision = 'added'
                  ORDER BY r.made_at LIMIT 1) AS message,
                (SELECT count(*) FROM received r
                  WHERE r.replies_to = ?1 AND r.person_id = t.person_id
                    AND r.kind = 'correction' AND r.decision != 'ignored') AS corrections
             FROM sent_to t WHERE t.sent_id = ?2 ORDER BY t.name COLLATE NOCASE",
        )
        .bind(&envelope_id)
        .bind(id)
        .fetch_all(pool)
        .await?;
        let to = rows
            .iter()
            .map(|r| {
                Ok(SentTo {
                    person_id: r.try_get("person_id")?,
                    name: r.try_get("name")?,
                    acknowledged_on: r.try_get("acknowledged_on")?,
                    message: r
                        .try_get::<Option<String>, _>("message")?
                        .unwrap_or_default(),
                    corrections: r.try_get("corrections")?,
                })
            })
            .collect::<CoreResult<Vec<_>>>()?;
        out.push(SentFile {
            envelope_id,
            kind: f.try_get("kind")?,
            description: f.try_get("description")?,
            made_at: f.try_get("made_at")?,
            file_name: f.try_get("file_name")?,
            passphrase_copy: f.try_get("passphrase_copy")?,
            to,
        });
    }
    Ok(out)
}
