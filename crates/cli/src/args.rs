//! The command line's arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Alongside: a private, encrypted journal of involvement in research and services.
#[derive(Debug, Parser)]
#[command(name = "alongside", version, about)]
pub struct Cli {
    /// The data folder (defaults to the app's own; env ALONGSIDE_DATA_DIR also sets it).
    #[arg(long, global = true, env = "ALONGSIDE_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Read the passphrase from standard input instead of ALONGSIDE_PASSPHRASE or the keyring.
    #[arg(long, global = true)]
    pub passphrase_stdin: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a vault (fails if one exists). Prints the recovery code once.
    Init {
        /// Also unlock automatically on this computer (stores the key in the OS keyring).
        #[arg(long)]
        remember: bool,
    },
    /// Locked or unlocked facts, counts and schema version (never a secret).
    Status {
        /// Print JSON instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Integrity check of the database, its encryption and the key slots.
    Check,
    /// Passphrase commands.
    Passphrase {
        #[command(subcommand)]
        action: PassphraseAction,
    },
    /// Make a new recovery code (printed once); the old one stops working.
    RecoveryCode,
    /// Fill the vault with realistic generated records (the same seed gives the same records).
    Demo {
        /// How many contributions to make (100,000 is about ten busy years).
        #[arg(long, default_value_t = 1_000)]
        contributions: u32,
        /// Seed for the generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Import records: an Alongside JSON export (into an empty vault) or a CSV of contributions.
    /// All or nothing; every bad row is reported with its line.
    Import {
        /// The file to read.
        file: PathBuf,
        /// The file's format (by default from its extension).
        #[arg(long, value_enum)]
        format: Option<ImportFormat>,
        /// Check the file and report every problem without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// Use a CSV column for a field, e.g. --map "Hours spent=meeting_hours". Repeatable.
        #[arg(long = "map", value_name = "COLUMN=FIELD")]
        map: Vec<String>,
    },
    /// Export a report or everything.
    Export {
        /// Which report.
        #[arg(long, value_enum)]
        report: ReportArg,
        /// Which format.
        #[arg(long, value_enum)]
        format: FormatArg,
        /// First day (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Last day (YYYY-MM-DD).
        #[arg(long)]
        to: Option<String>,
        /// Only these projects (by name). Repeatable.
        #[arg(long)]
        project: Vec<String>,
        /// Include private reflections.
        #[arg(long)]
        include_private: bool,
        /// Write names in full or replace them with roles.
        #[arg(long, value_enum, default_value = "full")]
        names: NamesArg,
        /// Where to write the file.
        #[arg(long)]
        out: PathBuf,
    },
    /// Search everything (private reflections are only searchable inside the app).
    Search {
        /// Words to look for.
        query: String,
        /// Most results to print.
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
}

/// Import formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    /// Alongside's own JSON export.
    Json,
    /// A spreadsheet of contributions saved as CSV.
    Csv,
}

/// Reports (DESIGN §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportArg {
    /// Involvement summary.
    Involvement,
    /// Reflection report.
    Reflection,
    /// Meeting / co-design session record.
    Meeting,
    /// Payments and expenses statement.
    Payments,
    /// GRIPP2 short form.
    Gripp2,
    /// UK Standards for Public Involvement self-assessment.
    Standards,
    /// Everything (JSON only; re-importable).
    All,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// PDF.
    Pdf,
    /// Word document.
    Docx,
    /// Markdown.
    Md,
    /// Web page.
    Html,
    /// Spreadsheet rows.
    Csv,
    /// JSON.
    Json,
}

/// How names appear in exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NamesArg {
    /// Names in full.
    Full,
    /// Roles instead of names.
    Roles,
}

/// Passphrase commands.
#[derive(Debug, Subcommand)]
pub enum PassphraseAction {
    /// Change the passphrase (new one from ALONGSIDE_NEW_PASSPHRASE or a prompt).
    Change,
}
