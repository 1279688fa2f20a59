//! Files attached to a contribution, meeting or reflection (docs/attachments.md): added from the
//! system's file dialog, by dropping them on the window while a record's files are shown, or by
//! pasting an image; listed with a preview; saved as a copy where the person chooses; detached
//! with undo. The bytes go straight into the encrypted database through the core and reach the
//! window only as a small preview (a `data:` image the CSP allows), never as a file path.

use std::path::PathBuf;

use alongside_core::atomic_file::write_atomic;
use alongside_core::records::attachments::{self, Attachment, AttachmentTotals, Detached};
use alongside_core::records::RecordKind;
use alongside_core::CoreError;
use tauri::{AppHandle, Runtime, State};

use super::{require_unlocked, CmdResult};
use crate::file_dialogs::{open_many, save_to, Ask};
use crate::state::AppState;

/// Reads and attaches each file in turn, every one checked for size before any is written.
async fn attach_paths(
    state: &AppState,
    owner_kind: RecordKind,
    owner_id: i64,
    paths: Vec<PathBuf>,
) -> CmdResult<Vec<Attachment>> {
    let pool = require_unlocked(state).await?;
    let read = tauri::async_runtime::spawn_blocking(move || {
        paths
            .iter()
            .map(|p| attachments::read_file(p))
            .collect::<Result<Vec<_>, _>>()
    })
    .await
    .map_err(|_| CoreError::Internal("reading the files stopped unexpectedly".into()))??;
    let mut added = Vec::with_capacity(read.len());
    for (name, bytes) in read {
        added.push(attachments::attach(&pool, owner_kind, owner_id, &name, bytes).await?);
    }
    Ok(added)
}

/// The files attached to a contribution, meeting or reflection, oldest first.
#[tauri::command]
#[specta::specta]
pub async fn attachment_list(
    state: State<'_, AppState>,
    owner_kind: RecordKind,
    owner_id: i64,
) -> CmdResult<Vec<Attachment>> {
    let pool = require_unlocked(&state).await?;
    Ok(attachments::list(&pool, owner_kind, owner_id).await?)
}

/// Asks which files to attach (the system's dialog, any kind, several at once) and attaches
/// them; what was added (empty when the dialog was closed).
#[tauri::command]
#[specta::specta]
pub async fn attachment_choose<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    owner_kind: RecordKind,
    owner_id: i64,
) -> CmdResult<Vec<Attachment>> {
    require_unlocked(&state).await?;
    let paths = open_many(&app, "Choose files to attach")?;
    attach_paths(&state, owner_kind, owner_id, paths).await
}

/// Says whether a record's files are on screen, so files dropped on the window are attached to
/// it (see [`attachment_dropped`]) rather than offered for import.
#[tauri::command]
#[specta::specta]
pub async fn attachment_drop_target(state: State<'_, AppState>, on: bool) -> CmdResult<()> {
    if let Ok(mut target) = state.attach_drops.lock() {
        *target = on;
    }
    Ok(())
}

/// Attaches the files dropped on the window since the last call; what was added.
#[tauri::command]
#[specta::specta]
pub async fn attachment_dropped(
    state: State<'_, AppState>,
    owner_kind: RecordKind,
    owner_id: i64,
) -> CmdResult<Vec<Attachment>> {
    let paths = state
        .dropped_attachments
        .lock()
        .map(|mut d| std::mem::take(&mut *d))
        .unwrap_or_default();
    attach_paths(&state, owner_kind, owner_id, paths).await
}

/// Attaches a pasted image (its bytes as the window has them).
#[tauri::command]
#[specta::specta]
pub async fn attachment_paste(
    state: State<'_, AppState>,
    owner_kind: RecordKind,
    owner_id: i64,
    name: String,
    bytes: Vec<u8>,
) -> CmdResult<Attachment> {
    let pool = require_unlocked(&state).await?;
    Ok(attachments::attach(&pool, owner_kind, owner_id, &name, bytes).await?)
}

/// The preview of an image as a `data:` URL, or `None` when it has none.
#[tauri::command]
#[specta::specta]
pub async fn attachment_preview(state: State<'_, AppState>, id: i64) -> CmdResult<Option<String>> {
    let pool = require_unlocked(&state).await?;
    Ok(attachments::preview_data_url(&pool, id).await?)
}

/// "Save a copy…": asks where to save the attached file and writes it there; the file's name,
/// or `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn attachment_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> CmdResult<Option<String>> {
    let pool = require_unlocked(&state).await?;
    let attachment = attachments::get(&pool, id).await?;
    let extension = attachment
        .name
        .rsplit_once('.')
        .map(|(_, e)| e.to_owned())
        .unwrap_or_default();
    let extensions = [extension.as_str()];
    let ask = Ask {
        title: "Save a copy of the attached file",
        filter: "The file",
        extensions: if extension.is_empty() {
            &[]
        } else {
            &extensions
        },
    };
    let Some(path) = save_to(&app, &ask, attachment.name.clone())? else {
        return Ok(None);
    };
    state.vault.paths().refuse_as_output(&path)?;
    let bytes = attachments::bytes(&pool, id).await?;
    write_atomic(&path, &bytes).map_err(CoreError::from)?;
    Ok(Some(
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    ))
}

/// Detaches a file; [`attachment_undo`] brings it back for ten minutes.
#[tauri::command]
#[specta::specta]
pub async fn attachment_detach(state: State<'_, AppState>, id: i64) -> CmdResult<Detached> {
    let pool = require_unlocked(&state).await?;
    Ok(attachments::detach(&pool, id).await?)
}

/// Brings back a detached file.
#[tauri::command]
#[specta::specta]
pub async fn attachment_undo(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    let pool = require_unlocked(&state).await?;
    Ok(attachments::undo_detach(&pool, id).await?)
}

/// Says which expense line of its contribution a file is the receipt for (`None`: the
/// contribution as a whole).
#[tauri::command]
#[specta::specta]
pub async fn attachment_for_expense(
    state: State<'_, AppState>,
    id: i64,
    expense_uid: Option<String>,
) -> CmdResult<Attachment> {
    let pool = require_unlocked(&state).await?;
    Ok(attachments::for_expense(&pool, id, expense_uid.as_deref()).await?)
}

/// How many files are attached and their size together (Settings).
#[tauri::command]
#[specta::specta]
pub async fn attachment_totals(state: State<'_, AppState>) -> CmdResult<AttachmentTotals> {
    let pool = require_unlocked(&state).await?;
    Ok(attachments::totals(&pool).await?)
}
