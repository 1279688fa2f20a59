//! Alongside's desktop shell: one window, its plugins, and thin wrappers over the core.

pub mod auto_lock;
pub mod backup_commands;
pub mod commands;
pub mod events;
pub mod export_commands;
pub mod file_dialogs;
pub mod record_commands;
pub mod reminders;
pub mod startup;
pub mod state;

use std::path::PathBuf;

use tauri::Manager;
use tauri_specta::{collect_commands, collect_events};

/// The TypeScript bindings file, relative to the repository root.
pub const BINDINGS_PATH: &str = "ui/src/lib/bindings.ts";

/// Every command and event of the app, as tauri-specta sees them (also used to export the
/// TypeScript bindings).
pub fn specta_builder<R: tauri::Runtime>() -> tauri_specta::Builder<R> {
    tauri_specta::Builder::<R>::new()
        .commands(collect_commands![
            commands::app_info,
            commands::vault_status,
            commands::vault_create,
            commands::vault_unlock,
            commands::vault_lock::<tauri::Wry>,
            commands::vault_touch,
            commands::app_shown,
            commands::lock_settings_get,
            commands::lock_settings_set,
            commands::passphrase_change,
            commands::recovery_code_new,
            commands::recovery_code_keep,
            commands::vault_confirm,
            commands::passphrase_strength,
            commands::vault_rekey,
            commands::keyring_set,
            record_commands::person_create,
            record_commands::person_update,
            record_commands::person_get,
            record_commands::person_list,
            record_commands::project_create,
            record_commands::project_update,
            record_commands::project_get,
            record_commands::project_list,
            record_commands::meeting_create,
            record_commands::meeting_update,
            record_commands::meeting_get,
            record_commands::meeting_list,
            record_commands::action_create,
            record_commands::action_update,
            record_commands::action_get,
            record_commands::action_list,
            record_commands::contribution_create,
            record_commands::contribution_update,
            record_commands::contribution_get,
            record_commands::contribution_list,
            record_commands::reflection_create,
            record_commands::reflection_update,
            record_commands::reflection_get,
            record_commands::reflection_list,
            record_commands::record_delete,
            record_commands::record_restore,
            record_commands::dashboard_get,
            record_commands::money_periods,
            record_commands::project_totals,
            record_commands::search_records,
            record_commands::preferences_get,
            record_commands::preferences_set,
            record_commands::choices,
            record_commands::mileage_pence,
            record_commands::draft_save,
            record_commands::draft_load,
            record_commands::draft_delete,
            export_commands::export_reports,
            export_commands::export_preview,
            export_commands::export_save::<tauri::Wry>,
            export_commands::export_cancel,
            export_commands::export_open::<tauri::Wry>,
            backup_commands::backup_state,
            backup_commands::backup_make::<tauri::Wry>,
            backup_commands::backup_cancel,
            backup_commands::backup_choose::<tauri::Wry>,
            backup_commands::backup_restore::<tauri::Wry>,
            backup_commands::delete_everything,
        ])
        .events(collect_events![
            events::VaultLocked,
            events::ExportProgress,
            events::BackupProgress
        ])
        // Counts and versions are far below 2^53; see docs/architecture.md on integers across IPC.
        .dangerously_cast_bigints_to_number()
        .disable_serde_phases()
}

/// Writes the TypeScript bindings to `path`.
pub fn export_bindings(path: &std::path::Path) -> Result<(), String> {
    specta_builder::<tauri::Wry>()
        .export(
            specta_typescript::Typescript::default()
                .header("// Generated from the Rust commands by `make bindings`. Do not edit.\n"),
            path,
        )
        .map_err(|e| e.to_string())
}

/// The data folder: `ALONGSIDE_DATA_DIR`, else the OS data folder for the app.
fn data_dir() -> Result<PathBuf, String> {
    alongside_core::paths::default_data_dir()
        .ok_or_else(|| "this computer has no folder for application data".to_owned())
}

/// Adds the app's state and commands to `builder` (shared by `run` and the IPC tests).
pub fn with_commands<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    state: state::AppState,
    specta: tauri_specta::Builder<R>,
) -> tauri::Builder<R> {
    builder
        .manage(state)
        .invoke_handler(specta.invoke_handler())
        .setup(move |app| {
            specta.mount_events(app);
            Ok(())
        })
}

/// Starts the desktop app.
pub fn run() -> Result<(), String> {
    startup::began();
    alongside_core::logging::init("info,sqlx=warn");
    for problem in alongside_core::hardening::harden_process() {
        tracing::warn!("{problem}");
    }
    let dir = data_dir()?;
    // WebKit keeps its own folders in the data folder too: all of it is the user's alone.
    if alongside_core::hardening::repair_modes(&dir).is_err() {
        tracing::warn!("the data folder's permissions could not be checked");
    }
    let specta = specta_builder::<tauri::Wry>();
    let state = state::AppState::new(dir);
    let vault = state.vault.clone();
    // Unlocking from the keyring (reading the key, opening the database) runs while the window
    // and its web view start; the window's first question about the vault waits for it.
    let early = vault.clone();
    tauri::async_runtime::spawn(async move { early.unlock_at_start().await });
    with_commands(tauri::Builder::default(), state, specta)
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .build(tauri::generate_context!())
        .map_err(|e| e.to_string())?
        .run(move |app, event| match event {
            tauri::RunEvent::Ready => {
                // WebKit's own folders (its storage and cache) belong to the user alone too.
                let paths = app.path();
                for dir in [paths.app_local_data_dir(), paths.app_cache_dir()]
                    .into_iter()
                    .flatten()
                {
                    if alongside_core::hardening::repair_modes(&dir).is_err() {
                        tracing::warn!("a folder's permissions could not be checked");
                    }
                }
                auto_lock::spawn(app.clone(), vault.clone());
                reminders::spawn(app.clone(), vault.clone());
                app.manage(auto_lock::watch_system(app.clone(), vault.clone()));
            }
            tauri::RunEvent::Exit => {
                let state = app.state::<state::AppState>();
                let vault = state.vault.clone();
                tauri::async_runtime::block_on(async move {
                    let _ = vault.lock(alongside_core::vault::LockReason::Manual).await;
                });
            }
            _ => {}
        });
    Ok(())
}
