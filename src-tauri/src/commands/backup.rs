//! Backup and restore from the app, and "delete all my data". Files are chosen in the system's
//! dialogs, opened from Rust: the window never names a path. Replacing or deleting a vault needs
//! it unlocked, so nobody without the passphrase can do either from the app.

use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use alongside_core::backup::{
    self, BackupInfo, BackupMade, BackupState, Control, Restored, Target,
};
use alongside_core::vault::{validate_passphrase, Erased, Proof};
use alongside_core::CoreError;
use secrecy::SecretString;
use tauri::{AppHandle, Runtime, State};

use super::{require_unlocked, CmdResult};
use crate::events::BackupProgressed;
use crate::file_dialogs::{open_from, save_to, Ask};
use crate::state::AppState;

/// The word typed to confirm deleting everything.
pub const DELETE_WORD: &str = "delete";

const BACKUP_FILES: Ask<'static> = Ask {
    title: "",
    filter: "Alongside backup",
    // Made as `.alongside-backup` (the app's file association); `.backup` is what earlier
    // versions made.
    extensions: &["alongside-backup", "backup"],
};

fn control<R: Runtime>(app: &AppHandle<R>, state: &AppState) -> Control {
    state.backup_cancel.store(false, Ordering::Relaxed);
    let app = app.clone();
    Control {
        cancel: state.backup_cancel.clone(),
        progress: Arc::new(move |p| crate::events::send(&app, BackupProgressed(p))),
    }
}

/// The last backup and whether another is due.
#[tauri::command]
#[specta::specta]
pub async fn backup_state(state: State<'_, AppState>) -> CmdResult<BackupState> {
    let today = alongside_core::clock::local_today();
    Ok(backup::state(&require_unlocked(&state).await?, today).await?)
}

/// Asks where to save (the system's save dialog) and makes an encrypted backup there, sealed
/// with `passphrase`. A backup carries the key, so the vault's passphrase or recovery code is
/// checked first (`proof`). `None` when the person closes the dialog without choosing.
#[tauri::command]
#[specta::specta]
pub async fn backup_make<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    passphrase: String,
    proof: Proof,
) -> CmdResult<Option<BackupMade>> {
    let passphrase = SecretString::from(passphrase);
    validate_passphrase(&passphrase)?;
    state.vault.confirm(&proof).await?;
    let today = alongside_core::clock::local_today();
    let ask = Ask {
        title: "Save the backup",
        ..BACKUP_FILES
    };
    let Some(path) = save_to(&app, &ask, format!("alongside-{today}.alongside-backup"))? else {
        return Ok(None);
    };
    let control = control(&app, &state);
    Ok(Some(
        backup::make(&state.vault, &path, &passphrase, &proof, &control).await?,
    ))
}

/// Stops the backup or restore in progress; nothing is left behind.
#[tauri::command]
#[specta::specta]
pub fn backup_cancel(state: State<'_, AppState>) {
    state.backup_cancel.store(true, Ordering::Relaxed);
}

/// Asks which backup to restore (the system's open dialog) and reads its header. The file is
/// remembered for [`backup_restore`]. `None` when the person closes the dialog.
#[tauri::command]
#[specta::specta]
pub async fn backup_choose<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<Option<BackupInfo>> {
    let ask = Ask {
        title: "Choose a backup to restore",
        ..BACKUP_FILES
    };
    let Some(path) = open_from(&app, &ask)? else {
        return Ok(None);
    };
    let info = backup::inspect(&path)?;
    remember(&state, Some(path));
    Ok(Some(info))
}

/// The backup given to the app (a double-click, a second start or a drop), read and remembered
/// for [`backup_restore`] as if chosen in the dialog; `None` when none is waiting.
#[tauri::command]
#[specta::specta]
pub async fn backup_pending(state: State<'_, AppState>) -> CmdResult<Option<BackupInfo>> {
    let Some(path) = state.arrived_backup.lock().ok().and_then(|mut a| a.take()) else {
        return Ok(None);
    };
    let info = backup::inspect(&path)?;
    remember(&state, Some(path));
    Ok(Some(info))
}

fn remember(state: &AppState, path: Option<PathBuf>) {
    if let Ok(mut chosen) = state.restore_file.lock() {
        *chosen = path;
    }
}

/// Restores the chosen backup. With no vault here it is restored into the data folder; with
/// one, only when `replace` is true, the vault is unlocked and its passphrase or recovery code
/// is typed again (`proof`): the backup is checked first, then the current vault is locked and
/// kept in a safety copy. The vault is locked afterwards.
#[tauri::command]
#[specta::specta]
pub async fn backup_restore<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    passphrase: String,
    replace: bool,
    proof: Option<Proof>,
) -> CmdResult<Restored> {
    let file = state
        .restore_file
        .lock()
        .ok()
        .and_then(|f| f.clone())
        .ok_or_else(|| CoreError::invalid("file", "Choose a backup file first."))?;
    let passphrase = SecretString::from(passphrase);
    let control = control(&app, &state);
    let restored = if state.vault.exists() {
        if !replace {
            return Err(CoreError::invalid(
                "replace",
                "There are records here already. Choose to replace them to go on; they will be \
                 kept in a safety copy.",
            )
            .into());
        }
        let proof = proof.ok_or_else(|| {
            CoreError::ReauthRequired(
                "Type your passphrase or recovery code again to replace your records.".into(),
            )
        })?;
        // The window asked for this and drops its records itself; no lock event is sent.
        backup::replace(&state.vault, &file, &passphrase, &proof, &control).await?
    } else {
        backup::restore(
            &file,
            &passphrase,
            &state.data_dir,
            Target::NoVault,
            &control,
        )
        .await?
    };
    remember(&state, None);
    Ok(restored)
}

/// Deletes the vault, its key slots, keyring entry, drafts and copies. Needs the vault unlocked,
/// the word "delete" typed to confirm and the passphrase or recovery code (`proof`).
#[tauri::command]
#[specta::specta]
pub async fn delete_everything(
    state: State<'_, AppState>,
    confirm: String,
    proof: Proof,
) -> CmdResult<Erased> {
    if !confirm.trim().eq_ignore_ascii_case(DELETE_WORD) {
        return Err(CoreError::invalid(
            "confirm",
            format!("Type {DELETE_WORD} to confirm. Nothing has been deleted."),
        )
        .into());
    }
    // The window asked for this and goes back to its first screen itself.
    Ok(state.vault.delete_everything(&proof).await?)
}
