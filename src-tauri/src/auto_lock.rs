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
            match vault.lock_if_idle().await {
                Ok(true) => crate::commands::notify_locked(&app, LockReason::Idle),
                Ok(false) => {}
                Err(_) => tracing::warn!("auto-lock check failed"),
            }
        }
    });
}

/// Keeps the operating-system watcher alive for the app's lifetime.
pub struct SystemLockWatcher(pub alongside_core::os_lock::Watcher);

/// Locks the vault when the operating system reports sleep or a screen lock.
pub fn watch_system<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    vault: Arc<Vault>,
) -> SystemLockWatcher {
    let watcher = alongside_core::os_lock::Watcher::start(Arc::new(move |_event| {
        let (app, vault) = (app.clone(), vault.clone());
        tauri::async_runtime::spawn(async move {
            if let Ok(true) = vault.lock(LockReason::System).await {
                crate::commands::notify_locked(&app, LockReason::System);
            }
        });
    }));
    SystemLockWatcher(watcher)
}
