//! Drafts: unsaved text kept encrypted in the vault so nothing typed is lost on lock.

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::SqlitePool;

use crate::error::{CoreError, CoreResult};

/// Longest draft identifier accepted.
pub const MAX_ID_CHARS: usize = 200;
/// Largest draft accepted, in bytes.
pub const MAX_BODY_BYTES: usize = 1_000_000;

/// A saved draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Draft {
    /// Which form the draft belongs to, e.g. `reflection:new`.
    pub id: String,
    /// The text as typed.
    pub body: String,
    /// When it was last saved (RFC 3339, UTC).
    pub updated_at: String,
}

fn validate(id: &str, body: &str) -> CoreResult<()> {
    if id.trim().is_empty() || id.chars().count() > MAX_ID_CHARS {
        return Err(CoreError::invalid("id", "A draft needs a short name."));
    }
    if body.len() > MAX_BODY_BYTES {
        return Err(CoreError::invalid(
            "body",
            "This draft is too long to keep (over one million characters).",
        ));
    }
    Ok(())
}

/// Saves (or replaces) a draft.
pub async fn save(pool: &SqlitePool, id: &str, body: &str) -> CoreResult<Draft> {
    validate(id, body)?;
    let now = chrono::Utc::now().to_rfc3339();
    sqlx::query(
        "INSERT INTO drafts (id, body, created_at, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
    )
    .bind(id)
    .bind(body)
    .bind(&now)
    .bind(&now)
    .execute(pool)
    .await?;
    Ok(Draft {
        id: id.to_owned(),
        body: body.to_owned(),
        updated_at: now,
    })
}

/// Reads a draft, if there is one.
pub async fn load(pool: &SqlitePool, id: &str) -> CoreResult<Option<Draft>> {
    let row: Option<(String, String, String)> =
        sqlx::query_as("SELECT id, body, updated_at FROM drafts WHERE id = ?")
            .bind(id)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|(id, body, updated_at)| Draft {
        id,
        body,
        updated_at,
    }))
}

/// Removes a draft (no error when there is none).
pub async fn delete(pool: &SqlitePool, id: &str) -> CoreResult<()> {
    sqlx::query("DELETE FROM drafts WHERE id = ?")
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// How many drafts are kept.
pub async fn count(pool: &SqlitePool) -> CoreResult<i64> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM drafts")
        .fetch_one(pool)
        .await?)
}
