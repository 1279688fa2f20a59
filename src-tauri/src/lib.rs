//! Alongside's desktop shell: one window, its plugins, and thin wrappers over the core.

pub mod auto_lock;
pub mod commands;
pub mod events;
pub mod file_dialogs;
pub mod multi_call;
pub mod os_lock;
pub mod read_aloud;
pub mod reminders;
pub mod spelling;
pub mod startup;
pub mod state;
pub mod system_look;

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
            commands::vault::app_info,
            commands::window::spelling_status::<tauri::Wry>,
            commands::vault::vault_status,
            commands::vault::vault_create,
            commands::vault::vault_unlock,
            commands::vault::vault_lock::<tauri::Wry>,
            commands::vault::vault_touch,
            commands::vault::app_shown,
            commands::vault::lock_settings_get,
            commands::vault::lock_settings_set,
            commands::vault::passphrase_change,
            commands::vault::recovery_code_new,
            commands::vault::recovery_code_keep,
            commands::vault::vault_confirm,
            commands::vault::passphrase_strength,
            commands::vault::vault_rekey,
            commands::vault::keyring_set,
            commands::records::person_create,
            commands::records::person_update,
            commands::records::person_get,
            commands::records::person_list,
            commands::records::project_create,
            commands::records::project_update,
            commands::records::project_get,
            commands::records::project_list,
            commands::records::meeting_create,
            commands::records::meeting_update,
            commands::records::meeting_get,
            commands::records::meeting_list,
            commands::records::action_create,
            commands::records::action_update,
            commands::records::action_get,
            commands::records::action_list,
            commands::records::contribution_create,
            commands::records::contribution_update,
            commands::records::contribution_get,
            commands::records::contribution_list,
            commands::records::reflection_create,
            commands::records::reflection_update,
            commands::records::reflection_get,
            commands::records::reflection_list,
            commands::records::consent_create,
            commands::records::consent_update,
            commands::records::consent_get,
            commands::records::consent_list,
            commands::records::voice_create,
            commands::records::voice_update,
            commands::records::voice_get,
            commands::records::voice_list,
            commands::records::feedback_create,
            commands::records::feedback_update,
            commands::records::feedback_get,
            commands::records::feedback_list,
            commands::records::payment_create,
            commands::records::payment_update,
            commands::records::payment_get,
            commands::records::payment_list,
            commands::records::payment_run,
            commands::records::payments_mark_paid,
            commands::records::notices_pending,
            commands::records::notice_dismiss,
            commands::records::person_page,
            commands::records::people_merge,
            commands::records::record_delete,
            commands::records::record_restore,
            commands::records::dashboard_get,
            commands::records::money_periods,
            commands::records::project_totals,
            commands::records::search_records,
            commands::records::preferences_get,
            commands::records::preferences_set,
            commands::records::choices,
            commands::records::mileage_pence,
            commands::records::draft_save,
            commands::records::draft_load,
            commands::records::draft_delete,
            commands::exports::export_reports,
            commands::exports::export_preview,
            commands::exports::export_save::<tauri::Wry>,
            commands::exports::export_cancel,
            commands::exports::export_open::<tauri::Wry>,
            commands::backup::backup_state,
            commands::backup::backup_make::<tauri::Wry>,
            commands::backup::backup_cancel,
            commands::backup::backup_choose::<tauri::Wry>,
            commands::backup::backup_restore::<tauri::Wry>,
            commands::backup::delete_everything,
            commands::exchange::identity_get,
            commands::exchange::identity_set_up,
            commands::exchange::identity_save::<tauri::Wry>,
            commands::exchange::contacts_list,
            commands::exchange::contact_add,
            commands::exchange::share_preview,
            commands::exchange::share_save::<tauri::Wry>,
            commands::exchange::inbox_choose::<tauri::Wry>,
            commands::exchange::inbox_decide,
            commands::exchange::inbox_list,
            commands::exchange::inbox_pending,
            commands::exchange::sent_list,
            commands::exchange::record_origin,
            commands::import::import_choose::<tauri::Wry>,
            commands::import::import_pending,
            commands::import::import_run,
            commands::invitations::invitation_choose::<tauri::Wry>,
            commands::invitations::invitation_pending,
            commands::invitations::meeting_calendar_save::<tauri::Wry>,
            commands::attachments::attachment_list,
            commands::attachments::attachment_choose::<tauri::Wry>,
            commands::attachments::attachment_drop_target,
            commands::attachments::attachment_dropped,
            commands::attachments::attachment_paste,
            commands::attachments::attachment_preview,
            commands::attachments::attachment_save::<tauri::Wry>,
            commands::attachments::attachment_detach,
            commands::attachments::attachment_undo,
            commands::attachments::attachment_for_expense,
            commands::vault::log_folder_open::<tauri::Wry>,
            commands::backup::backup_pending,
            commands::attachments::attachment_totals,
            commands::exports::claim_details_get,
            commands::exports::claim_details_save,
            commands::exports::claim_mark_submitted,
            commands::read_aloud::read_aloud::<tauri::Wry>,
            commands::read_aloud::read_aloud_pause,
            commands::read_aloud::read_aloud_resume,
            commands::read_aloud::read_aloud_stop,
        ])
        .events(collect_events![
            events::VaultLocked,
            events::ExportProgress,
            events::BackupProgressed,
            events::FileArrived,
            events::ReadAloudChanged
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
    match alongside_core::logging::log_dir() {
        Some(folder) => alongside_core::logging::init_with_file("info,sqlx=warn", &folder),
        None => alongside_core::logging::init("info,sqlx=warn"),
    }
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
    // Opened by a double-click on an .alongside file (the file association): show it once open.
    state.file_arrived(std::env::args_os().skip(1).map(PathBuf::from));
    let vault = state.vault.clone();
    // Unlocking from the keyring (reading the key, opening the database) runs while the window
    // and its web view start; the window's first question about the vault waits for it.
    let early = vault.clone();
    tauri::async_runtime::spawn(async move { early.unlock_at_start().await });
    with_commands(tauri::Builder::default(), state, specta)
        .plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            let cwd = PathBuf::from(cwd);
            let paths = args.into_iter().skip(1).map(|a| cwd.join(a));
            if app.state::<state::AppState>().file_arrived(paths) {
                events::send(app, events::FileArrived);
            }
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                let app = window.app_handle();
                if app
                    .state::<state::AppState>()
                    .file_dropped(paths.iter().cloned())
                {
                    events::send(app, events::FileArrived);
                }
            }
        })
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
                if let Some(window) = app.get_webview_window("main") {
                    spelling::turn_on(&window);
                }
                auto_lock::spawn(app.clone(), vault.clone());
                reminders::spawn(app.clone(), vault.clone());
                app.manage(auto_lock::watch_system(app.clone(), vault.clone()));
                let handle = app.clone();
                app.manage(system_look::Follower::start(Box::new(move |scheme| {
                    handle.set_theme(scheme.theme());
                })));
            }
            tauri::RunEvent::Exit => {
                // The window is gone: let a new start be its own instance at once, rather than
                // hand over to this one while it locks the vault (a start in that moment found
                // the name still held, its hand-over unanswered, and failed).
                tauri_plugin_single_instance::destroy(app);
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
