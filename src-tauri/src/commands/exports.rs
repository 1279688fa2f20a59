//! The export commands: preview a report, save it where the person chooses (the system's save
//! dialog, opened from Rust so the window never names a path), cancel, and open what was saved.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use alongside_core::records::claims::{self, ClaimDetails};
use alongside_core::CoreError;
use alongside_export::{Document, ExportOptions, Format, ReportInfo, Written};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use super::{require_unlocked, CmdResult};
use crate::events::ExportProgress;
use crate::file_dialogs::{save_to, Ask};
use crate::state::AppState;

/// The reports on offer, with their formats, their titles and purposes in `language`.
#[tauri::command]
#[specta::specta]
pub fn export_reports(language: alongside_core::words::Language) -> Vec<ReportInfo> {
    alongside_export::catalogue_in(language)
}

/// Builds the report for the preview: the same document every format is written from.
#[tauri::command]
#[specta::specta]
pub async fn export_preview(
    state: State<'_, AppState>,
    options: ExportOptions,
) -> CmdResult<Document> {
    let today = alongside_core::clock::local_today();
    let prepared =
        alongside_export::prepare(&require_unlocked(&state).await?, &options, today).await?;
    Ok(prepared.document)
}

/// Asks where to save the report (the system's save dialog) and writes it there atomically.
/// `None` when the person closes the dialog without choosing.
#[tauri::command]
#[specta::specta]
pub async fn export_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    options: ExportOptions,
) -> CmdResult<Option<Written>> {
    alongside_export::check(&options)?;
    let pool = require_unlocked(&state).await?;
    let today = alongside_core::clock::local_today();
    let ext = options.format.extension();
    let name = format!("alongside-{}-{today}.{ext}", options.report.as_str());
    let ask = Ask {
        title: "Save the report",
        filter: filter_name(options.format),
        extensions: &[ext],
    };
    let Some(path) = save_to(&app, &ask, name)? else {
        return Ok(None);
    };
    state.vault.paths().refuse_as_output(&path)?;
    state.export_cancel.store(false, Ordering::Relaxed);
    let written = alongside_export::export_to_file(
        &pool,
        &options,
        today,
        &path,
        &state.export_cancel,
        |stage| {
            crate::events::send(&app, ExportProgress { stage });
        },
    )
    .await?;
    if let Ok(mut exported) = state.exported.lock() {
        exported.insert(path);
    }
    Ok(Some(written))
}

/// Stops the export in progress; nothing is written.
#[tauri::command]
#[specta::specta]
pub fn export_cancel(state: State<'_, AppState>) {
    state.export_cancel.store(true, Ordering::Relaxed);
}

/// Opens a file saved by an export in this session, or shows it in its folder. Refused while
/// the vault is locked.
#[tauri::command]
#[specta::specta]
pub async fn export_open<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
    reveal: bool,
) -> CmdResult<()> {
    require_unlocked(&state).await?;
    let path = PathBuf::from(path);
    let known = state
        .exported
        .lock()
        .map(|e| e.contains(&path))
        .unwrap_or(false);
    if !known {
        return Err(CoreError::invalid(
            "path",
            "Only files saved by an export can be opened here.",
        )
        .into());
    }
    let opener = app.opener();
    let result = if reveal {
        opener.reveal_item_in_dir(&path)
    } else {
        opener.open_path(path.display().to_string(), None::<&str>)
    };
    result.map_err(|_| {
        CoreError::Internal("The file could not be opened; it may have been moved.".into()).into()
    })
}

fn filter_name(format: Format) -> &'static str {
    match format {
        Format::Pdf => "PDF document",
        Format::Docx => "Word document",
        Format::Md => "Markdown text",
        Format::Html => "Web page",
        Format::Csv => "Spreadsheet (CSV)",
        Format::Json => "JSON data",
    }
}

/// The saved claim details for the organisation the claim pack `options` describes (empty ones
/// naming it when none are saved yet).
#[tauri::command]
#[specta::specta]
pub async fn claim_details_get(
    state: State<'_, AppState>,
    options: ExportOptions,
) -> CmdResult<ClaimDetails> {
    let pool = require_unlocked(&state).await?;
    let today = alongside_core::clock::local_today();
    let scope = alongside_export::claim_scope(&pool, &options, today).await?;
    Ok(claims::details(&pool, &scope.organisation)
        .await?
        .unwrap_or(ClaimDetails {
            organisation: scope.organisation,
            ..ClaimDetails::default()
        }))
}

/// Saves what one organisation's claim form asks for.
#[tauri::command]
#[specta::specta]
pub async fn claim_details_save(
    state: State<'_, AppState>,
    details: ClaimDetails,
) -> CmdResult<ClaimDetails> {
    let pool = require_unlocked(&state).await?;
    Ok(claims::save_details(&pool, &details).await?)
}

/// Marks the lines of the claim pack `options` describes as "claim submitted" today (when the
/// person says they sent it); how many contributions changed.
#[tauri::command]
#[specta::specta]
pub async fn claim_mark_submitted(
    state: State<'_, AppState>,
    options: ExportOptions,
) -> CmdResult<u64> {
    let pool = require_unlocked(&state).await?;
    let today = alongside_core::clock::local_today();
    let scope = alongside_export::claim_scope(&pool, &options, today).await?;
    let day = today.format("%Y-%m-%d").to_string();
    Ok(claims::mark_submitted(&pool, &scope.contributions, &day).await?)
}
