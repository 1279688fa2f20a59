//! The system's file dialogs, opened from Rust so the window never names a path.

use std::path::PathBuf;

use alongside_core::{ApiError, CoreError};
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::{DialogExt, FilePath};

/// What a dialog may show: its title, a filter's name and its extensions.
pub struct Ask<'a> {
    /// The dialog's title.
    pub title: &'a str,
    /// The filter's name, e.g. "PDF document".
    pub filter: &'a str,
    /// The filter's extensions, without dots.
    pub extensions: &'a [&'a str],
}

fn local(chosen: Option<FilePath>, field: &str) -> Result<Option<PathBuf>, ApiError> {
    chosen
        .map(|c| {
            c.into_path()
                .map_err(|_| CoreError::invalid(field, "Choose a file on this computer.").into())
        })
        .transpose()
}

/// Asks where to save a file suggested as `name`; `None` when the person closes the dialog.
pub fn save_to<R: Runtime>(
    app: &AppHandle<R>,
    ask: &Ask<'_>,
    name: String,
) -> Result<Option<PathBuf>, ApiError> {
    let chosen = app
        .dialog()
        .file()
        .set_title(ask.title)
        .set_file_name(name)
        .add_filter(ask.filter, ask.extensions)
        .blocking_save_file();
    local(chosen, "out")
}

/// Asks which file to open; `None` when the person closes the dialog.
pub fn open_from<R: Runtime>(
    app: &AppHandle<R>,
    ask: &Ask<'_>,
) -> Result<Option<PathBuf>, ApiError> {
    let chosen = app
        .dialog()
        .file()
        .set_title(ask.title)
        .add_filter(ask.filter, ask.extensions)
        .blocking_pick_file();
    local(chosen, "file")
}

/// Asks which files to open, any kind, several at once; none when the person closes the dialog.
pub fn open_many<R: Runtime>(app: &AppHandle<R>, title: &str) -> Result<Vec<PathBuf>, ApiError> {
    let chosen = app
        .dialog()
        .file()
        .set_title(title)
        .blocking_pick_files()
        .unwrap_or_default();
    chosen
        .into_iter()
        .filter_map(|c| local(Some(c), "file").transpose())
        .collect()
}
