//! The exchange commands: this vault's sharing identity, contacts, sharing a file (preview, then
//! the save dialog) and the Inbox (the open dialog, then add / keep / ignore). Files are chosen
//! in the system's dialogs, opened from Rust, so the window never names a path.

use std::path::PathBuf;

use alongside_core::atomic_file::write_atomic;
use alongside_core::exchange::contacts::{self, Contact};
use alongside_core::exchange::identity::{self, PublicIdentity};
use alongside_core::exchange::inbox::{self, Decision, InboxEntry, Opened, Origin};
use alongside_core::exchange::sent::{self, SentFile};
use alongside_core::exchange::share::{self, Preview, ShareRequest};
use alongside_core::records::choices::CheckedHow;
use alongside_core::records::RecordKind;
use alongside_core::CoreError;
use secrecy::SecretString;
use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, Runtime, State};

use super::{require_unlocked, CmdResult};
use crate::file_dialogs::{open_from, save_to, Ask};
use crate::state::AppState;

/// This vault's sharing identity as the window shows it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct IdentityView {
    /// The public identity.
    pub public: PublicIdentity,
    /// The sharing code to read out.
    pub sharing_code: String,
    /// The identity as one line of text, to paste.
    pub text: String,
    /// The same as a QR code: rows of `1` (dark) and `0` (light).
    pub qr: Vec<String>,
}

fn view(public: PublicIdentity) -> CmdResult<IdentityView> {
    Ok(IdentityView {
        sharing_code: public.sharing_code(),
        text: public.to_text()?,
        qr: public.qr_rows()?,
        public,
    })
}

fn today() -> String {
    alongside_core::clock::local_today().to_string()
}

const SHARED_FILES: Ask<'static> = Ask {
    title: "",
    filter: "Alongside file",
    extensions: &["alongside"],
};

/// This vault's sharing identity, if it has made one.
#[tauri::command]
#[specta::specta]
pub async fn identity_get(state: State<'_, AppState>) -> CmdResult<Option<IdentityView>> {
    let pool = require_unlocked(&state).await?;
    identity::own(&pool)
        .await?
        .map(|own| view(own.public))
        .transpose()
}

/// Makes the sharing identity the first time, or renames it (the keys never change).
#[tauri::command]
#[specta::specta]
pub async fn identity_set_up(
    state: State<'_, AppState>,
    name: String,
    role: String,
) -> CmdResult<IdentityView> {
    let pool = require_unlocked(&state).await?;
    view(identity::set_up(&pool, &name, &role).await?)
}

/// Saves the public identity where the person chooses; the file's name, or `None` when the
/// dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn identity_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<Option<String>> {
    let pool = require_unlocked(&state).await?;
    let own = identity::require_own(&pool).await?;
    let ask = Ask {
        title: "Save your sharing identity",
        filter: "Alongside identity",
        extensions: &["alongside-id"],
    };
    let name = format!("{}.alongside-id", own.public.name.replace(['/', '\\'], "-"));
    let Some(path) = save_to(&app, &ask, name)? else {
        return Ok(None);
    };
    state.vault.paths().refuse_as_output(&path)?;
    write_atomic(&path, format!("{}\n", own.public.to_text()?).as_bytes())
        .map_err(CoreError::Io)?;
    Ok(Some(file_name(&path)))
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Every contact, by name.
#[tauri::command]
#[specta::specta]
pub async fn contacts_list(state: State<'_, AppState>) -> CmdResult<Vec<Contact>> {
    Ok(contacts::list(&require_unlocked(&state).await?).await?)
}

/// Keeps someone's pasted identity as a person's contact, checked as said today.
#[tauri::command]
#[specta::specta]
pub async fn contact_add(
    state: State<'_, AppState>,
    person_id: i64,
    text: String,
    checked: CheckedHow,
) -> CmdResult<Contact> {
    let pool = require_unlocked(&state).await?;
    let public = PublicIdentity::from_text(&text)?;
    Ok(contacts::add(&pool, person_id, &public, checked, &today()).await?)
}

/// Exactly what a share would send, without sending it.
#[tauri::command]
#[specta::specta]
pub async fn share_preview(
    state: State<'_, AppState>,
    request: ShareRequest,
) -> CmdResult<Preview> {
    Ok(share::preview(&require_unlocked(&state).await?, &request, &today()).await?)
}

/// Makes the files and saves them where the person chooses (a passphrase copy, when asked, beside
/// the file for contacts); the names written, or `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn share_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: ShareRequest,
    passphrase: Option<String>,
) -> CmdResult<Option<Vec<String>>> {
    let pool = require_unlocked(&state).await?;
    let today = today();
    // Checked before the dialog, so a mistake is said before anything is chosen.
    share::preview(&pool, &request, &today).await?;
    let ask = Ask {
        title: "Save the file to send",
        ..SHARED_FILES
    };
    let Some(path) = save_to(&app, &ask, format!("alongside-{today}.alongside"))? else {
        return Ok(None);
    };
    state.vault.paths().refuse_as_output(&path)?;
    let passphrase = passphrase.map(SecretString::from);
    let sealed = share::share(
        &pool,
        &request,
        passphrase.as_ref(),
        false,
        &file_name(&path),
        &today,
    )
    .await?;
    let mut written = Vec::new();
    if let Some(bytes) = &sealed.for_recipients {
        write_atomic(&path, bytes).map_err(CoreError::Io)?;
        written.push(file_name(&path));
    }
    if let Some(bytes) = &sealed.for_passphrase {
        let target = if sealed.for_recipients.is_some() {
            share::passphrase_copy_path(&path)
        } else {
            path.clone()
        };
        write_atomic(&target, bytes).map_err(CoreError::Io)?;
        written.push(file_name(&target));
    }
    Ok(Some(written))
}

/// Opens `path` to look (nothing changes), remembering it for the decision that follows.
async fn look_at(
    state: &AppState,
    pool: &alongside_core::SqlitePool,
    path: PathBuf,
    passphrase: Option<String>,
) -> CmdResult<Opened> {
    let bytes = inbox::read_file(&path)?;
    remember(state, Some(path));
    let passphrase = passphrase.map(SecretString::from);
    Ok(inbox::open(pool, &bytes, passphrase.as_ref(), None).await?)
}

fn remember(state: &AppState, path: Option<PathBuf>) {
    if let Ok(mut chosen) = state.inbox_file.lock() {
        *chosen = path;
    }
}

/// Asks which `.alongside` file to open and shows who sent it, what it holds and what it would
/// change (nothing changes yet). `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn inbox_choose<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    passphrase: Option<String>,
) -> CmdResult<Option<Opened>> {
    let pool = require_unlocked(&state).await?;
    let ask = Ask {
        title: "Open a file someone sent you",
        ..SHARED_FILES
    };
    let Some(path) = open_from(&app, &ask)? else {
        return Ok(None);
    };
    Ok(Some(look_at(&state, &pool, path, passphrase).await?))
}

/// Opens the chosen file again: with a passphrase (for a passphrase file) to look, or with the
/// person's decision to act on it.
#[tauri::command]
#[specta::specta]
pub async fn inbox_decide(
    state: State<'_, AppState>,
    decision: Option<Decision>,
    passphrase: Option<String>,
) -> CmdResult<Opened> {
    let pool = require_unlocked(&state).await?;
    let path = state
        .inbox_file
        .lock()
        .ok()
        .and_then(|p| p.clone())
        .ok_or_else(|| CoreError::invalid("file", "Choose the file to open first."))?;
    let passphrase = passphrase.map(SecretString::from);
    let bytes = inbox::read_file(&path)?;
    let opened = inbox::open(&pool, &bytes, passphrase.as_ref(), decision).await?;
    if decision.is_some() {
        remember(&state, None);
    }
    Ok(opened)
}

/// Every file opened here, newest first.
#[tauri::command]
#[specta::specta]
pub async fn inbox_list(state: State<'_, AppState>) -> CmdResult<Vec<InboxEntry>> {
    Ok(inbox::entries(&require_unlocked(&state).await?).await?)
}

/// The file a record came in, if it came in one.
#[tauri::command]
#[specta::specta]
pub async fn record_origin(
    state: State<'_, AppState>,
    kind: RecordKind,
    id: i64,
) -> CmdResult<Option<Origin>> {
    Ok(inbox::origin(&require_unlocked(&state).await?, kind, id).await?)
}

/// Every file sent from here, newest first, with who acknowledged it.
#[tauri::command]
#[specta::specta]
pub async fn sent_list(state: State<'_, AppState>) -> CmdResult<Vec<SentFile>> {
    Ok(sent::list(&require_unlocked(&state).await?).await?)
}

/// The file that arrived by a double-click, a second start or a drop, shown as `inbox_choose`
/// shows a chosen one (nothing changes yet); `None` when none is waiting.
#[tauri::command]
#[specta::specta]
pub async fn inbox_pending(
    state: State<'_, AppState>,
    passphrase: Option<String>,
) -> CmdResult<Option<Opened>> {
    let pool = require_unlocked(&state).await?;
    let Some(path) = state.arrived_file.lock().ok().and_then(|mut a| a.take()) else {
        return Ok(None);
    };
    Ok(Some(look_at(&state, &pool, path, passphrase).await?))
}
