//! Desktop reminders while the vault is unlocked: checked soon after unlocking and then every
//! few minutes; each is shown once. The texts come from the core and hold no record text.

use std::sync::Arc;
use std::time::Duration;

use alongside_core::records::reminders;
use alongside_core::vault::Vault;
use tauri_plugin_notification::NotificationExt;

/// How often reminders are looked for.
pub const EVERY: Duration = Duration::from_secs(300);
/// The first look, shortly after the app starts (the vault may be unlocked by then).
pub const FIRST: Duration = Duration::from_secs(20);

/// Starts the background check.
pub fn spawn(app: tauri::AppHandle, vault: Arc<Vault>) {
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(FIRST).await;
        loop {
            // A locked vault has nothing to say; looking does not count as activity.
            if let Ok(pool) = vault.pool_in_background().await {
                let today = alongside_core::clock::local_today();
                match reminders::take_new(&pool, today).await {
                    Ok(list) => {
                        for r in list {
                            if app
                                .notification()
                                .builder()
                                .title(&r.title)
                                .body(&r.body)
                                .show()
                                .is_err()
                            {
                                tracing::info!("the desktop could not show a reminder");
                            }
                        }
                    }
                    Err(_) => tracing::warn!("reminder check failed"),
                }
            }
            tokio::time::sleep(EVERY).await;
        }
    });
}
