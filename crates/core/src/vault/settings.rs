//! Settings kept inside the encrypted database.

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::SqlitePool;

use crate::error::{CoreError, CoreResult};

/// The auto-lock choices offered to the user, in minutes.
pub const AUTO_LOCK_CHOICES: [u32; 5] = [1, 5, 15, 30, 60];
/// Auto-lock used until the user chooses.
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 15;

/// Lock behaviour chosen by the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct LockSettings {
    /// Minutes of inactivity before the vault locks itself; `null` means never.
    pub auto_lock_minutes: Option<u32>,
}

impl Default for LockSettings {
    fn default() -> Self {
        LockSettings {
            auto_lock_minutes: Some(DEFAULT_AUTO_LOCK_MINUTES),
        }
    }
}

impl LockSettings {
    /// Refuses values that are not among the offered choices.
    pub fn validate(&self) -> CoreResult<()> {
        match self.auto_lock_minutes {
            None => Ok(()),
            Some(m) if AUTO_LOCK_CHOICES.contains(&m) => Ok(()),
            Some(_) => Err(CoreError::invalid(
                "auto_lock_minutes",
                "Choose 1, 5, 15, 30 or 60 minutes, or never.",
            )),
        }
    }
}

const LOCK_KEY: &str = "lock";

/// Reads the JSON text kept under `key` in the `settings` table, if any.
pub async fn get_raw<'e, E: sqlx::SqliteExecutor<'e>>(
    conn: E,
    key: &str,
) -> CoreResult<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
            .bind(key)
            .fetch_optional(conn)
            .await?,
    )
}

/// Keeps `json` under `key` in the `settings` table, replacing what was there.
pub async fn put_raw<'e, E: sqlx::SqliteExecutor<'e>>(
    conn: E,
    key: &str,
    json: &str,
) -> CoreResult<()> {
    sqlx::query(
        "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )
    .bind(key)
    .bind(json)
    .bind(chrono::Utc::now().to_rfc3339())
    .execute(conn)
    .await?;
    Ok(())
}

/// Reads the lock settings (defaults when never saved).
pub async fn load_lock(pool: &SqlitePool) -> CoreResult<LockSettings> {
    match get_raw(pool, LOCK_KEY).await? {
        None => Ok(LockSettings::default()),
        Some(text) => serde_json::from_str(&text)
            .map_err(|_| CoreError::Damaged("The saved lock settings could not be read.".into())),
    }
}

/// Saves the lock settings after validating them.
pub async fn save_lock(pool: &SqlitePool, settings: &LockSettings) -> CoreResult<()> {
    settings.validate()?;
    let text = serde_json::to_string(settings)
        .map_err(|e| CoreError::Internal(format!("Settings could not be saved: {e}")))?;
    put_raw(pool, LOCK_KEY, &text).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_offered_choices_pass() {
        for m in AUTO_LOCK_CHOICES {
            assert!(LockSettings {
                auto_lock_minutes: Some(m)
            }
            .validate()
            .is_ok());
        }
        assert!(LockSettings {
            auto_lock_minutes: None
        }
        .validate()
        .is_ok());
        for m in [0, 2, 61, u32::MAX] {
            let err = LockSettings {
                auto_lock_minutes: Some(m),
            }
            .validate()
            .unwrap_err();
            assert_eq!(err.code(), crate::ErrorCode::InvalidInput);
        }
    }
}
