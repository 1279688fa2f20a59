//! Locks the vault after the chosen idle time and tells the window.

use std::sync::Arc;
use std::time::Duration;

use alongside_core::vault::{LockReason, Vault};

/// How often the idle timer is checked.
pub const TICK: Duration = Duration::from_secs(5);

/// Starts the background check.
pub fn spawn(app: tauri::AppHandle, vault: Arc<Vault>) {
    tauri::async_runtime::spawn(async move {
        loop {
            tokio::time::sleep(TICK).await;
            match vault.lock_if_idle().await {
                Ok(true) => crate::commands::notify_locked(&app, LockReason::Idle),
                Ok(false) => {}
                Err(_) => tracing::warn!("auto-lock check failed"),
            }
        }
    });
}
