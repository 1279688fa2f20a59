//! Locks the vault after the chosen idle time, or when the computer sleeps or its screen locks,
//! and tells the window.

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
            if vault.is_idle().await {
                // Locked even when tidying fails; the loop goes on either way.
                if crate::commands::vault::lock_and_tell(&app, &vault, LockReason::Idle)
                    .await
                    .is_err()
                {
                    tracing::warn!("auto-lock: the vault is locked, but tidying it failed");
                }
            }
        }
    });
}

/// Keeps the operating-system watcher alive for the app's lifetime.
pub struct SystemLockWatcher(pub crate::os_lock::Watcher);

/// Locks the vault when the operating system reports sleep or a screen lock.
pub fn watch_system<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    vault: Arc<Vault>,
) -> SystemLockWatcher {
    let watcher = crate::os_lock::Watcher::start(Arc::new(move |_event| {
        let (app, vault) = (app.clone(), vault.clone());
        // Runs to the end before returning, so the sleep inhibitor is released only after
        // the vault is locked.
        tauri::async_runtime::block_on(async move {
            if crate::commands::vault::lock_and_tell(&app, &vault, LockReason::System)
                .await
                .is_err()
            {
                tracing::warn!("the vault is locked, but tidying it failed");
            }
        });
    }));
    SystemLockWatcher(watcher)
}
