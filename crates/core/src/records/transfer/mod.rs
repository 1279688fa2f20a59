//! Moving records in and out: the complete JSON export and its exact re-import, and import of
//! contributions and expenses from a spreadsheet (CSV, or an Excel workbook read as its first
//! sheet). Imports check everything first, report every problem with where it is, and write
//! all or nothing in one transaction.

pub mod csv_import;
pub mod json;
pub mod xlsx;

use std::path::Path;

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::SqlitePool;

use crate::error::CoreResult;
use crate::records::choices::choice;
use csv_import::ColumnMap;

choice!(
    /// The kinds of file an import reads.
    ImportFormat {
        /// Alongside's complete export, into an empty Alongside.
        Json = "json",
        /// Contributions in a spreadsheet saved as CSV.
        Csv = "csv",
        /// Contributions in an Excel workbook (its first sheet).
        Xlsx = "xlsx",
    }
);

impl ImportFormat {
    /// The format a file's name says (`.json`, `.csv`, `.xlsx`), if any.
    pub fn of_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Self::parse(&ext)
    }
}

/// A spreadsheet's columns with the field each is guessed to fill (none for a JSON export).
pub fn columns(format: ImportFormat, bytes: &[u8]) -> CoreResult<Vec<ColumnMap>> {
    match format {
        ImportFormat::Json => Ok(Vec::new()),
        ImportFormat::Csv => csv_import::guess_columns(bytes),
        ImportFormat::Xlsx => csv_import::guess_columns(&xlsx::to_csv(bytes)?),
    }
}

/// Checks (`dry_run`) or imports `bytes` read as `format`, with `mapping` overriding the
/// guessed field of a spreadsheet's named columns. Everything or nothing is written.
pub async fn import(
    pool: &SqlitePool,
    format: ImportFormat,
    bytes: &[u8],
    mapping: &[ColumnMap],
    dry_run: bool,
) -> CoreResult<ImportReport> {
    match format {
        ImportFormat::Json => json::import(pool, bytes, dry_run).await,
        ImportFormat::Csv => csv_import::import(pool, bytes, mapping, dry_run).await,
        ImportFormat::Xlsx => {
            csv_import::import(pool, &xlsx::to_csv(bytes)?, mapping, dry_run).await
        }
    }
}

/// Largest file accepted for import (256 MiB).
pub const MAX_IMPORT_BYTES: usize = 256 * 1024 * 1024;
/// Most problems listed; beyond this the report says how many more there were.
pub const MAX_PROBLEMS: usize = 500;

/// One thing wrong with an import file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Problem {
    /// Line in the file (CSV), when known.
    pub line: Option<u64>,
    /// Where: a column name (CSV) or a path like `contributions[3].date` (JSON).
    pub place: String,
    /// What is wrong and what would be accepted.
    pub message: String,
}

/// How many records of each kind an import holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize, Type)]
pub struct Counts {
    /// People.
    pub people: u32,
    /// Projects.
    pub projects: u32,
    /// Meetings.
    pub meetings: u32,
    /// Actions.
    pub actions: u32,
    /// Contributions.
    pub contributions: u32,
    /// Expense lines.
    pub expenses: u32,
    /// Reflections.
    pub reflections: u32,
    /// Consent entries.
    pub consents: u32,
    /// Voices.
    pub voices: u32,
    /// "You said, we did" items.
    pub feedback: u32,
    /// Payment lines to participants.
    #[serde(default)]
    pub payments: u32,
    /// Attached files.
    #[serde(default)]
    pub attachments: u32,
}

/// What an import found and did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ImportReport {
    /// Whether this was a dry run (nothing is written in a dry run).
    pub dry_run: bool,
    /// Whether the records were written.
    pub written: bool,
    /// What the file holds (or would add).
    pub counts: Counts,
    /// Projects that do not exist yet and are (or would be) created, by name.
    pub new_projects: Vec<String>,
    /// Columns of a CSV file that were not used.
    pub ignored_columns: Vec<String>,
    /// Every problem found (up to 500). Any problem means nothing was written.
    pub problems: Vec<Problem>,
    /// Problems beyond those listed.
    pub more_problems: u32,
}

impl ImportReport {
    pub(crate) fn new(dry_run: bool) -> Self {
        ImportReport {
            dry_run,
            written: false,
            counts: Counts::default(),
            new_projects: Vec::new(),
            ignored_columns: Vec::new(),
            problems: Vec::new(),
            more_problems: 0,
        }
    }

    pub(crate) fn problem(
        &mut self,
        line: Option<u64>,
        place: impl Into<String>,
        message: impl Into<String>,
    ) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem {
                line,
                place: place.into(),
                message: message.into(),
            });
        } else {
            self.more_problems = self.more_problems.saturating_add(1);
        }
    }

    /// Whether the file can be (or was) imported as it is.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}
