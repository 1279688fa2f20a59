//! The app's commands: each takes state, calls the core and maps the error. No rules here.

use alongside_core::vault::settings::LockSettings;
use alongside_core::vault::{
    strength, LockReason, Proof, Strength, UnlockMethod, Vault, VaultStatus,
};
use alongside_core::{AppInfo, CoreError};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::State;

use super::CmdResult;
use crate::events::VaultLocked;
use crate::state::AppState;

/// Version, data folder and whether a vault exists.
#[tauri::command]
#[specta::specta]
pub async fn app_info(state: State<'_, AppState>) -> CmdResult<AppInfo> {
    Ok(AppInfo::for_data_dir(&state.data_dir))
}

/// Opens the folder of the app's log files in the desktop's file manager (made first when it
/// is not there yet), for sending to someone helping.
#[tauri::command]
#[specta::specta]
pub async fn log_folder_open<R: tauri::Runtime>(app: tauri::AppHandle<R>) -> CmdResult<()> {
    use tauri_plugin_opener::OpenerExt;
    let folder = alongside_core::logging::log_dir()
        .ok_or_else(|| CoreError::Internal("This computer has no folder for log files.".into()))?;
    alongside_core::logging::make_log_dir(&folder).map_err(CoreError::from)?;
    app.opener()
        .open_path(folder.display().to_string(), None::<&str>)
        .map_err(|_| CoreError::Internal("The log folder could not be opened.".into()).into())
}

/// Facts about the vault (no secrets).
#[tauri::command]
#[specta::specta]
pub async fn vault_status(state: State<'_, AppState>) -> CmdResult<VaultStatus> {
    Ok(state.vault.status().await?)
}

/// What the UI shows once after creating a vault or changing its key. (No `Debug`: it carries
/// a secret.)
#[derive(Clone, Serialize, Type)]
pub struct NewRecoveryCode {
    /// The recovery code, shown once and never stored in plain text.
    pub recovery_code: String,
    /// Why "unlock automatically" could not be set up (or was turned off), when so.
    pub keyring_problem: Option<String>,
}

/// Creates the vault with a passphrase (and the keyring slot when asked).
#[tauri::command]
#[specta::specta]
pub async fn vault_create(
    state: State<'_, AppState>,
    passphrase: String,
    use_keyring: bool,
) -> CmdResult<NewRecoveryCode> {
    let created = state
        .vault
        .create(&SecretString::from(passphrase), use_keyring)
        .await?;
    Ok(NewRecoveryCode {
        recovery_code: created.recovery_code.expose_secret().to_owned(),
        keyring_problem: created.keyring_problem,
    })
}

/// How the person unlocks. (No `Debug`: it carries a secret.)
#[derive(Clone, Deserialize, Type)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum UnlockRequest {
    /// With the passphrase.
    Passphrase {
        /// The passphrase as typed.
        passphrase: String,
    },
    /// With the recovery code.
    RecoveryCode {
        /// The code as typed.
        code: String,
    },
    /// With the key kept in this computer's keyring.
    Keyring,
}

/// Unlocks the vault.
#[tauri::command]
#[specta::specta]
pub async fn vault_unlock(state: State<'_, AppState>, request: UnlockRequest) -> CmdResult<()> {
    let method = match request {
        UnlockRequest::Passphrase { passphrase } => {
            UnlockMethod::Passphrase(SecretString::from(passphrase))
        }
        UnlockRequest::RecoveryCode { code } => {
            UnlockMethod::RecoveryCode(SecretString::from(code))
        }
        UnlockRequest::Keyring => UnlockMethod::Keyring,
    };
    Ok(state.vault.unlock(method).await?)
}

/// Locks the vault now.
#[tauri::command]
#[specta::specta]
pub async fn vault_lock<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<()> {
    Ok(lock_and_tell(&app, &state.vault, LockReason::Manual).await?)
}

/// Locks the vault and tells the window, which drops every record. Never fails open: when
/// tidying the database fails, the key is already gone, so the window is still told and the
/// error is returned afterwards.
pub async fn lock_and_tell<R: tauri::Runtime>(
    app: &tauri::AppHandle<R>,
    vault: &Vault,
    reason: LockReason,
) -> alongside_core::CoreResult<()> {
    let was_open = vault.is_unlocked().await;
    let result = vault.lock(reason).await;
    // Nothing of the records goes on being read aloud once they are locked away.
    if let Some(state) = tauri::Manager::try_state::<AppState>(app) {
        let reader = state.read_aloud.clone();
        let _ = tokio::task::spawn_blocking(move || reader.stop()).await;
    }
    if was_open || !matches!(result, Ok(false)) {
        notify_locked(app, reason);
    }
    result.map(|_| ())
}

/// Tells the vault the person is active (resets the auto-lock timer).
#[tauri::command]
#[specta::specta]
pub async fn vault_touch(state: State<'_, AppState>) -> CmdResult<()> {
    state.vault.touch().await;
    Ok(())
}

/// Tells the shell the window has drawn the overview with its figures; the first time in a run
/// it notes how long starting took (see `startup`).
#[tauri::command]
#[specta::specta]
pub async fn app_shown(page: crate::startup::PageTimes) -> CmdResult<()> {
    crate::startup::shown(&page);
    Ok(())
}

/// The auto-lock choice.
#[tauri::command]
#[specta::specta]
pub async fn lock_settings_get(state: State<'_, AppState>) -> CmdResult<LockSettings> {
    Ok(state.vault.lock_settings().await?)
}

/// Saves the auto-lock choice; "never" needs the passphrase or recovery code (`proof`).
#[tauri::command]
#[specta::specta]
pub async fn lock_settings_set(
    state: State<'_, AppState>,
    settings: LockSettings,
    proof: Option<Proof>,
) -> CmdResult<LockSettings> {
    Ok(state
        .vault
        .set_lock_settings(settings, proof.as_ref())
        .await?)
}

/// How strong a new passphrase is, for the meter beside the field; `acceptable` is the core's
/// own rule, the one `vault_create` and the passphrase and backup commands apply.
#[tauri::command]
#[specta::specta]
pub async fn passphrase_strength(passphrase: String) -> CmdResult<Strength> {
    Ok(strength(&SecretString::from(passphrase)))
}

/// Checks the passphrase or recovery code typed again before a dangerous act ("confirm it is
/// you"); changes nothing. The act's own command checks it once more.
#[tauri::command]
#[specta::specta]
pub async fn vault_confirm(state: State<'_, AppState>, proof: Proof) -> CmdResult<()> {
    Ok(state.vault.confirm(&proof).await?)
}

/// Changes the passphrase after checking the current passphrase or the recovery code.
#[tauri::command]
#[specta::specta]
pub async fn passphrase_change(
    state: State<'_, AppState>,
    proof: Proof,
    new_passphrase: String,
) -> CmdResult<()> {
    Ok(state
        .vault
        .change_passphrase(&proof, &SecretString::from(new_passphrase))
        .await?)
}

/// Makes a new recovery code after checking the passphrase or recovery code. The old code
/// keeps working until [`recovery_code_keep`].
#[tauri::command]
#[specta::specta]
pub async fn recovery_code_new(state: State<'_, AppState>, proof: Proof) -> CmdResult<String> {
    let code = state.vault.new_recovery_code(&proof).await?;
    Ok(code.expose_secret().to_owned())
}

/// The person saved the new recovery code: it replaces the old one.
#[tauri::command]
#[specta::specta]
pub async fn recovery_code_keep(state: State<'_, AppState>) -> CmdResult<()> {
    Ok(state.vault.keep_recovery_code().await?)
}

/// Changes the data key and re-encrypts the vault (needs the passphrase).
#[tauri::command]
#[specta::specta]
pub async fn vault_rekey(state: State<'_, AppState>, proof: Proof) -> CmdResult<NewRecoveryCode> {
    let done = state.vault.rekey(&proof).await?;
    Ok(NewRecoveryCode {
        recovery_code: done.recovery_code.expose_secret().to_owned(),
        keyring_problem: done.keyring_problem,
    })
}

/// Turns "unlock automatically on this computer" on (needs `proof`) or off.
#[tauri::command]
#[specta::specta]
pub async fn keyring_set(
    state: State<'_, AppState>,
    enabled: bool,
    proof: Option<Proof>,
) -> CmdResult<()> {
    Ok(state.vault.set_keyring(enabled, proof.as_ref()).await?)
}

/// Sends the typed "vault locked" event to the UI.
pub fn notify_locked<R: tauri::Runtime>(app: &tauri::AppHandle<R>, reason: LockReason) {
    crate::events::send(app, VaultLocked { reason });
}
