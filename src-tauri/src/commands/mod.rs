//! The app's commands, by domain: each takes state, calls the core and maps the error. No rules
//! live here. Every command's name is also in `command_names.in`, from which the build makes its
//! permission and the window's capability.

pub mod attachments;
pub mod backup;
pub mod exchange;
pub mod exports;
pub mod import;
pub mod invitations;
pub mod read_aloud;
pub mod records;
pub mod vault;
pub mod window;

use alongside_core::{ApiError, SqlitePool};

use crate::state::AppState;

/// What every command answers: its value, or the core's `{code, message, field}`.
pub type CmdResult<T> = Result<T, ApiError>;

/// The unlocked vault's pool, or the "vault locked" error; counts as activity for auto-lock.
pub(crate) async fn require_unlocked(state: &AppState) -> CmdResult<SqlitePool> {
    let pool = state.vault.pool().await?;
    state.vault.touch().await;
    Ok(pool)
}
