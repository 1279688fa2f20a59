//! Alongside's reports (docs/architecture.md, "Reports"): involvement summaries, reflections, meeting records,
//! payments statements, GRIPP2 and the UK Standards self-assessment, in PDF, DOCX, Markdown,
//! HTML, CSV and JSON.
//!
//! Every report is first built as a plain [`Document`] (what the app previews) and then written
//! in the chosen format, so every format says the same thing. Heavy rendering dependencies
//! (Typst, DOCX) live in this crate only.

pub mod document;
pub mod options;
pub mod redact;
pub mod render;
pub mod reports;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use alongside_core::records::{attachments, claims, export_log, preferences, selection};
use alongside_core::words::Language;
use alongside_core::{CoreError, CoreResult, SqlitePool};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use specta::Type;

pub use document::{Block, Column, Document, Fact, Table};
pub use options::{catalogue, catalogue_in, ExportOptions, Format, Names, ReportInfo, ReportKind};

/// A report built and ready to write: the document and, for CSV, its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// The report as a document.
    pub document: Document,
    /// Pages that follow the report in its PDF (a claim pack's receipts; read only by
    /// [`export_to_file`] writing a PDF).
    pub receipts: Vec<render::pdf::Page>,
    /// The rows a CSV export writes (involvement and payments only).
    pub rows: Option<Table>,
    /// The sessions it holds, for the export log.
    pub meeting_ids: Vec<i64>,
    /// The people whose own words it quotes, for the export log.
    pub quoted_person_ids: Vec<i64>,
}

/// The steps of an export, for progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Reading the records and building the report.
    Reading,
    /// Writing the file's bytes.
    Rendering,
    /// Saving the file.
    Saving,
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Written {
    /// The file.
    pub path: String,
    /// Its size in bytes.
    pub bytes: u64,
}

/// Checks that the report can be written in the format asked for.
pub fn check(options: &ExportOptions) -> CoreResult<()> {
    if !options.report.formats().contains(&options.format) {
        return Err(CoreError::invalid(
            "format",
            format!(
                "The {} cannot be written as {}; CSV is for the involvement summary, the payments statement and finance, and finance is CSV only.",
                options.report.title().to_lowercase(),
                options.format.extension().to_uppercase()
            ),
        ));
    }
    let about_money = matches!(
        options.report,
        ReportKind::Payments | ReportKind::Finance | ReportKind::Statement | ReportKind::Claim
    );
    if about_money && options.leave_out_money {
        return Err(CoreError::invalid(
            "leave_out_money",
            format!(
                "The {} is all about money, so money cannot be left out of it.",
                options.report.title().to_lowercase()
            ),
        ));
    }
    let other_language = match options.language {
        Language::Cy => Language::EnGb,
        Language::EnGb => Language::Cy,
    };
    let unspoken = [options.language]
        .into_iter()
        .chain(options.bilingual.then_some(other_language))
        .find(|l| !options.report.speaks(*l));
    if let Some(lang) = unspoken {
        return Err(CoreError::invalid(
            "language",
            format!(
                "The {} is not written in {} yet; the involvement summary is (see the translation guide).",
                options.report.title().to_lowercase(),
                lang.own_name()
            ),
        ));
    }
    if options.report == ReportKind::Statement && options.selection.person_uid.is_none() {
        return Err(CoreError::invalid(
            "person",
            "Say whose payment statement this is (the person's uid).",
        ));
    }
    if options.selection.person_uid.is_some() && options.report != ReportKind::Statement {
        return Err(CoreError::invalid(
            "person",
            "Only a payment statement is about one person.",
        ));
    }
    Ok(())
}

/// Reads the records the options select and builds the report (for the preview: a claim pack's
/// receipts are named but their bytes are not read; [`export_to_file`] reads them for a PDF).
pub async fn prepare(
    pool: &SqlitePool,
    options: &ExportOptions,
    today: NaiveDate,
) -> CoreResult<Prepared> {
    prepare_with(pool, options, today, false).await
}

/// [`prepare`], reading a claim pack's receipts as pages when `with_pages`.
async fn prepare_with(
    pool: &SqlitePool,
    options: &ExportOptions,
    today: NaiveDate,
    with_pages: bool,
) -> CoreResult<Prepared> {
    check(options)?;
    let day = today.format("%Y-%m-%d").to_string();
    let data = selection::load(pool, &options.selection, options.include_private, &day).await?;
    let prefs = preferences::load(pool).await?;
    let mut ctx = reports::Context::new(&data, options, &prefs, today);
    // A claim pack also needs the organisation's saved details and its receipts (their bytes
    // only when it is written as a PDF).
    let mut receipts = Vec::new();
    let inputs;
    if options.report == ReportKind::Claim {
        let organisation = reports::claim::organisation(&ctx)?;
        let found = claims::receipts(pool, &reports::claim::contribution_ids(&ctx)).await?;
        inputs = reports::claim::ClaimInputs {
            details: claims::details(pool, &organisation).await?,
            receipts: found
                .iter()
                .map(|a| reports::claim::ClaimReceipt {
                    name: a.name.clone(),
                    contribution_id: a.owner_id,
                    expense_uid: a.expense_uid.clone(),
                })
                .collect(),
        };
        ctx.claim = Some(&inputs);
        if with_pages {
            for (number, attachment) in (1..).zip(found) {
                receipts.push(render::pdf::Page {
                    bytes: attachments::bytes(pool, attachment.id).await?,
                    name: reports::claim::receipt_heading(number, &attachment.name),
                    media_type: attachment.media_type,
                });
            }
        }
    }
    let document = reports::build(&ctx)?;
    let mut rows = reports::rows::build(&ctx);
    let hide_names = options.names == options::Names::Roles && options.report.redacts_names();
    if let (Some(table), true) = (rows.as_mut(), hide_names) {
        let redactor = redact::Redactor::new(&data.names_to_hide);
        for cell in table.rows.iter_mut().flatten() {
            *cell = redactor.text(cell);
        }
    }
    // Only the meeting record quotes voices today; other reports hold sessions but no words.
    let quoted_person_ids = if options.report == ReportKind::Meeting {
        data.quoted_people()
    } else {
        Vec::new()
    };
    Ok(Prepared {
        document,
        receipts,
        rows,
        meeting_ids: data.meetings.iter().map(|m| m.id).collect(),
        quoted_person_ids,
    })
}

/// The file's bytes in `format`.
pub fn render(prepared: &Prepared, format: Format) -> CoreResult<Vec<u8>> {
    match format {
        Format::Pdf => render::pdf::render_with(&prepared.document, &prepared.receipts),
        Format::Docx => render::docx::render(&prepared.document),
        Format::Md => Ok(render::markdown::render(&prepared.document).into_bytes()),
        Format::Html => Ok(render::html::render(&prepared.document).into_bytes()),
        Format::Json => {
            let wrapped = serde_json::json!({
                "format": "alongside-report",
                "version": 1,
                "report": prepared.document,
            });
            serde_json::to_vec_pretty(&wrapped)
                .map_err(|e| CoreError::Internal(format!("The JSON could not be written: {e}.")))
        }
        Format::Csv => match &prepared.rows {
            Some(rows) => render::csv::render(rows),
            None => Err(CoreError::invalid(
                "format",
                "CSV is for the involvement summary, the payments statement and finance.",
            )),
        },
    }
}

/// What a claim pack made with `options` is for: its organisation and the contributions it
/// covers (those with a fee or expense not yet claimed), to mark "claim submitted" when the
/// person says they sent it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ClaimScope {
    /// The organisation the claim is made to (empty when its projects name none).
    pub organisation: String,
    /// The contributions with a line in it.
    pub contributions: Vec<i64>,
}

/// The organisation and contributions of the claim pack `options` describes.
pub async fn claim_scope(
    pool: &SqlitePool,
    options: &ExportOptions,
    today: NaiveDate,
) -> CoreResult<ClaimScope> {
    let day = today.format("%Y-%m-%d").to_string();
    let data = selection::load(pool, &options.selection, false, &day).await?;
    let prefs = preferences::load(pool).await?;
    let ctx = reports::Context::new(&data, options, &prefs, today);
    Ok(ClaimScope {
        organisation: reports::claim::organisation(&ctx)?,
        contributions: reports::claim::contribution_ids(&ctx),
    })
}

/// Builds the report and writes it to `path` atomically: the file appears whole or not at all.
/// `cancel` is checked between steps; `progress` hears of each step.
pub async fn export_to_file(
    pool: &SqlitePool,
    options: &ExportOptions,
    today: NaiveDate,
    path: &Path,
    cancel: &AtomicBool,
    progress: impl Fn(Stage),
) -> CoreResult<Written> {
    let stop = || {
        if cancel.load(Ordering::Relaxed) {
            Err(CoreError::Cancelled)
        } else {
            Ok(())
        }
    };
    check_folder(path)?;
    progress(Stage::Reading);
    let prepared = prepare_with(pool, options, today, options.format == Format::Pdf).await?;
    stop()?;
    progress(Stage::Rendering);
    let format = options.format;
    let meeting_ids = prepared.meeting_ids.clone();
    let quoted_person_ids = prepared.quoted_person_ids.clone();
    let bytes = tokio::task::spawn_blocking(move || render(&prepared, format))
        .await
        .map_err(|_| CoreError::Internal("Writing the report stopped unexpectedly.".into()))??;
    stop()?;
    progress(Stage::Saving);
    alongside_core::atomic_file::write_atomic(path, &bytes).map_err(|e| save_error(path, &e))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    export_log::record(
        pool,
        &export_log::Logged {
            report: options.report.as_str(),
            format: format.extension(),
            file_name: &file_name,
            meeting_ids: &meeting_ids,
            quoted_person_ids: &quoted_person_ids,
        },
    )
    .await?;
    Ok(Written {
        path: path.display().to_string(),
        bytes: bytes.len() as u64,
    })
}

fn check_folder(path: &Path) -> CoreResult<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(CoreError::invalid(
            "out",
            format!(
                "The folder {} does not exist. Choose a folder that does.",
                folder.display()
            ),
        ));
    }
    if path.is_dir() {
        return Err(CoreError::invalid(
            "out",
            "That is a folder; give a file name to save to.",
        ));
    }
    Ok(())
}

fn save_error(path: &Path, err: &std::io::Error) -> CoreError {
    let why = match err.kind() {
        std::io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission was refused".to_owned(),
        std::io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        _ => err.to_string(),
    };
    CoreError::Io(std::io::Error::new(
        err.kind(),
        format!(
            "{} could not be saved because {why}; nothing was written",
            path.display()
        ),
    ))
}
