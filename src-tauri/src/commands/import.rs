//! Import from the app: a spreadsheet of contributions (CSV or Excel) with its columns matched
//! to fields, checked first with every problem and its row listed, then written all or nothing;
//! or a complete export (JSON) into an empty Alongside. The file is chosen in the system's
//! dialog (or dropped on the window); the window never names a path. The core does the work,
//! as for `alongside import`.

use std::path::{Path, PathBuf};

use alongside_core::records::transfer::csv_import::ColumnMap;
use alongside_core::records::transfer::{self, ImportFormat, ImportReport, MAX_IMPORT_BYTES};
use alongside_core::CoreError;
use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, Runtime, State};

use super::{require_unlocked, CmdResult};
use crate::file_dialogs::{open_from, Ask};
use crate::state::AppState;

const IMPORT_FILES: Ask<'static> = Ask {
    title: "Choose a spreadsheet or an Alongside export to import",
    filter: "Spreadsheet (CSV or Excel) or Alongside export (JSON)",
    extensions: &["csv", "xlsx", "json"],
};

/// A file chosen for import, before anything is written.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ImportChoice {
    /// The file's name (not its folder).
    pub name: String,
    /// What kind of file it is.
    pub format: ImportFormat,
    /// A spreadsheet's columns with the field each is guessed to fill (empty for JSON).
    pub columns: Vec<ColumnMap>,
}

fn read(path: &Path) -> Result<Vec<u8>, CoreError> {
    let too_big = || CoreError::invalid("file", "The file is too large to import (over 256 MB).");
    let size = std::fs::metadata(path)
        .map_err(|_| CoreError::invalid("file", "That file could not be read."))?
        .len();
    if usize::try_from(size).map_or(true, |s| s > MAX_IMPORT_BYTES) {
        return Err(too_big());
    }
    std::fs::read(path).map_err(|_| CoreError::invalid("file", "That file could not be read."))
}

fn format_of(path: &Path) -> Result<ImportFormat, CoreError> {
    ImportFormat::of_path(path).ok_or_else(|| {
        CoreError::invalid(
            "file",
            "Choose a spreadsheet saved as CSV or Excel (.xlsx), or an Alongside export (.json).",
        )
    })
}

/// Reads the chosen file's columns and remembers it for [`import_run`].
fn choose(state: &AppState, path: PathBuf) -> CmdResult<ImportChoice> {
    let format = format_of(&path)?;
    let columns = transfer::columns(format, &read(&path)?)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Ok(mut chosen) = state.import_file.lock() {
        *chosen = Some(path);
    }
    Ok(ImportChoice {
        name,
        format,
        columns,
    })
}

/// Asks which file to import (the system's open dialog) and reads its columns; nothing is
/// written. `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn import_choose<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<Option<ImportChoice>> {
    require_unlocked(&state).await?;
    let Some(path) = open_from(&app, &IMPORT_FILES)? else {
        return Ok(None);
    };
    choose(&state, path).map(Some)
}

/// A spreadsheet or export dropped on the window (or given to the app) waiting to be imported,
/// read as [`import_choose`] reads a chosen one; `None` when none is waiting.
#[tauri::command]
#[specta::specta]
pub async fn import_pending(state: State<'_, AppState>) -> CmdResult<Option<ImportChoice>> {
    require_unlocked(&state).await?;
    let Some(path) = state.arrived_import.lock().ok().and_then(|mut a| a.take()) else {
        return Ok(None);
    };
    choose(&state, path).map(Some)
}

/// Checks (`dry_run`) or imports the chosen file, with `mapping` overriding the guessed field of
/// a spreadsheet's columns. Any problem means nothing is written; every problem is reported with
/// its row.
#[tauri::command]
#[specta::specta]
pub async fn import_run(
    state: State<'_, AppState>,
    mapping: Vec<ColumnMap>,
    dry_run: bool,
) -> CmdResult<ImportReport> {
    let pool = require_unlocked(&state).await?;
    let path = state
        .import_file
        .lock()
        .ok()
        .and_then(|f| f.clone())
        .ok_or_else(|| CoreError::invalid("file", "Choose a file to import first."))?;
    let format = format_of(&path)?;
    let bytes = read(&path)?;
    // The spreadsheet reader's future is not `Send` (it borrows the file's rows across its
    // awaits), so the import runs to its end on a blocking thread of its own.
    let report = tauri::async_runtime::spawn_blocking(move || {
        tauri::async_runtime::block_on(transfer::import(&pool, format, &bytes, &mapping, dry_run))
    })
    .await
    .map_err(|_| CoreError::Internal("the import stopped unexpectedly".into()))??;
    if report.written {
        if let Ok(mut chosen) = state.import_file.lock() {
            chosen.take();
        }
    }
    Ok(report)
}
