//! The command line's arguments.

use std::path::PathBuf;

use alongside_core::records::transfer::ImportFormat;
use alongside_export::{Format, ReportKind};
use clap::{Parser, Subcommand};

/// Alongside: a private, encrypted journal of involvement in research and services.
#[derive(Debug, Parser)]
#[command(name = "alongside", version)]
pub struct Cli {
    /// The data folder (defaults to the app's own; env ALONGSIDE_DATA_DIR also sets it).
    #[arg(long, global = true, env = "ALONGSIDE_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Read the passphrase from standard input instead of ALONGSIDE_PASSPHRASE or the keyring.
    /// (ALONGSIDE_RECOVERY_CODE gives the recovery code instead of a passphrase.)
    #[arg(long, global = true)]
    pub passphrase_stdin: bool,

    /// Read the passphrase from the first line of FILE (keep it readable by you alone).
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        conflicts_with = "passphrase_stdin"
    )]
    pub passphrase_file: Option<PathBuf>,

    /// Print the result as JSON on standard output (status, check, search, import, export,
    /// backup and restore; the shapes are in docs/cli.md).
    #[arg(long, global = true)]
    pub json: bool,

    /// The language of reports: `en-GB` (English) or `cy` (Cymraeg). Without it, the language
    /// chosen in Settings.
    #[arg(long, global = true, value_name = "LANG", value_parser = language)]
    pub lang: Option<alongside_core::words::Language>,

    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// Where the passphrase was said to come from.
    pub fn given(&self) -> crate::secrets::Given<'_> {
        match (&self.passphrase_file, self.passphrase_stdin) {
            (Some(file), _) => crate::secrets::Given::File(file),
            (None, true) => crate::secrets::Given::Stdin,
            (None, false) => crate::secrets::Given::Environment,
        }
    }

    /// Whether the command can print its result as JSON (`--json`).
    pub fn json_allowed(&self) -> bool {
        matches!(
            self.command,
            Command::Status
                | Command::Check
                | Command::Search { .. }
                | Command::Import { .. }
                | Command::Export { .. }
                | Command::Backup { .. }
                | Command::Restore { .. }
        )
    }
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
    Status,
    /// Integrity check of the database, its encryption and the key slots.
    Check,
    /// Passphrase commands.
    Passphrase {
        #[command(subcommand)]
        action: PassphraseAction,
    },
    /// Make a new recovery code (printed once); the old one stops working. Needs the
    /// passphrase or recovery code, never the keyring alone.
    RecoveryCode,
    /// Change the data key and re-encrypt the database; prints a new recovery code once. Old
    /// key files and old backups no longer open the vault. Needs the passphrase.
    Rekey,
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
        /// The file's format: json, csv or xlsx (by default from its extension).
        #[arg(long, value_parser = import_format_names())]
        format: Option<String>,
        /// Check the file and report every problem without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// Use a CSV column for a field, e.g. --map "Hours spent=meeting_hours". Repeatable.
        #[arg(long = "map", value_name = "COLUMN=FIELD")]
        map: Vec<String>,
        /// For a calendar invitation (.ics): the project the meeting belongs to.
        #[arg(long)]
        project: Option<String>,
    },
    /// Export a report or everything.
    Export {
        /// Which report: involvement, reflection, meeting, payments, gripp2, standards, finance
        /// (payments to participants, CSV), statement (one participant's, with --person), claim
        /// (a claim pack for one organisation: PDF with receipts, or CSV), or all (everything,
        /// JSON only, re-importable).
        #[arg(long, value_parser = report_names())]
        report: String,
        /// Which format (by default the --out file's extension).
        #[arg(long, value_parser = format_names())]
        format: Option<String>,
        /// First day (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Last day (YYYY-MM-DD).
        #[arg(long)]
        to: Option<String>,
        /// Only these projects (by name). Repeatable.
        #[arg(long)]
        project: Vec<String>,
        /// One session (with --report meeting or finance): the meeting's global id (uid).
        #[arg(long)]
        meeting: Option<String>,
        /// One participant's payment statement (with --report statement): their global id.
        #[arg(long)]
        person: Option<String>,
        /// Include private reflections.
        #[arg(long)]
        include_private: bool,
        /// Replace people's names with their roles (the default) or write them in full.
        #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(["full", "roles"]))]
        names: Option<String>,
        /// Leave fees, expenses and payments out.
        #[arg(long)]
        leave_out_money: bool,
        /// Follow the report with the same report in the other language (with --lang cy:
        /// Welsh, then English).
        #[arg(long)]
        bilingual: bool,
        /// With --report claim: once the file is written, mark the lines it claims as "claim
        /// submitted" today.
        #[arg(long)]
        mark_claimed: bool,
        /// Where to write the file.
        #[arg(long)]
        out: PathBuf,
    },
    /// Show, or save with any of the options, what one organisation's claim form asks for; used
    /// by every claim pack for it.
    ClaimDetails {
        /// The organisation, as written on its projects.
        #[arg(long)]
        organisation: String,
        /// Your name as they know it.
        #[arg(long)]
        name: Option<String>,
        /// Your postal address.
        #[arg(long)]
        address: Option<String>,
        /// Their reference for you (payee or supplier number).
        #[arg(long)]
        payee_reference: Option<String>,
        /// What they call that reference ("Supplier number").
        #[arg(long)]
        payee_reference_label: Option<String>,
        /// The cost or budget code to charge.
        #[arg(long)]
        cost_code: Option<String>,
        /// What they call that code ("Budget code").
        #[arg(long)]
        cost_code_label: Option<String>,
    },
    /// Make an encrypted backup of the whole vault (backup passphrase from
    /// ALONGSIDE_BACKUP_PASSPHRASE or a prompt).
    Backup {
        /// Where to write the backup file.
        #[arg(long)]
        out: PathBuf,
    },
    /// Restore a backup into a new or empty folder (the one given by --data-dir).
    Restore {
        /// The backup file.
        file: PathBuf,
    },
    /// Search everything (private reflections are only searchable inside the app).
    Search {
        /// Words to look for.
        query: String,
        /// Most results to print.
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// Print this vault's sharing code (made the first time, with --name); --export writes the
    /// public identity file to give to contacts.
    Identity {
        /// Your name as others know you (needed the first time; renames after).
        #[arg(long)]
        name: Option<String>,
        /// Your role, in your words ("patient partner", "project lead").
        #[arg(long)]
        role: Option<String>,
        /// Write the public identity to this file.
        #[arg(long, value_name = "FILE")]
        export: Option<PathBuf>,
    },
    /// Contacts: the public identities of people you share with.
    Contact {
        #[command(subcommand)]
        action: ContactAction,
    },
    /// Make an encrypted .alongside file for contacts (and/or a passphrase copy; passphrase from
    /// ALONGSIDE_SHARE_PASSPHRASE). Prints what it holds first.
    Share {
        /// What to send.
        #[arg(long)]
        what: ShareKind,
        /// The session, by global id (session, feedback, consent).
        #[arg(long, value_name = "UID")]
        meeting: Option<String>,
        /// First day of a summary.
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// Last day of a summary.
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
        /// Only this project (a summary; repeat for more).
        #[arg(long, value_name = "NAME")]
        project: Vec<String>,
        /// Include the fees and expenses claimed (a summary).
        #[arg(long)]
        include_money: bool,
        /// Withdraw consent for the session (consent).
        #[arg(long)]
        withdraw: bool,
        /// What you agree to now (consent): any of quote, named, photo, audio.
        #[arg(long, value_delimiter = ',', value_name = "LIST")]
        agree: Vec<ConsentPart>,
        /// The file a correction or acknowledgement answers: its id (from `alongside inbox`) or
        /// the .alongside file itself.
        #[arg(long, value_name = "ID|FILE")]
        reply_to: Option<String>,
        /// The words being corrected, by global id (from `alongside inbox`).
        #[arg(long, value_name = "UID")]
        voice: Option<String>,
        /// What you said instead (a correction).
        #[arg(long, value_name = "TEXT")]
        said: Option<String>,
        /// A short message (an acknowledgement).
        #[arg(long, value_name = "TEXT")]
        message: Option<String>,
        /// A contact to send to, by name (repeat for more; a reply goes to the file's sender
        /// when none is given).
        #[arg(long, value_name = "NAME")]
        to: Vec<String>,
        /// Also make a copy locked with a passphrase (its own file when there are contacts too).
        #[arg(long)]
        to_passphrase: bool,
        /// Ask recipients to delete it after this day.
        #[arg(long, value_name = "DATE")]
        delete_after: Option<String>,
        /// Write ASCII armour (text to paste into an email) instead of binary.
        #[arg(long)]
        armor: bool,
        /// Only print what it would hold.
        #[arg(long)]
        preview: bool,
        /// Where to write the file.
        #[arg(long, required_unless_present = "preview")]
        out: Option<PathBuf>,
    },
    /// Open an .alongside file: who sent it, what is inside and what would change (one change
    /// per line). Nothing changes unless --accept (or --keep, --ignore) is given.
    Open {
        /// The file.
        file: PathBuf,
        /// Only list the changes (the default).
        #[arg(long, conflicts_with_all = ["accept", "keep", "ignore"])]
        dry_run: bool,
        /// Make the changes.
        #[arg(long, conflicts_with_all = ["keep", "ignore"])]
        accept: bool,
        /// Keep it as a read-only copy to read here, changing nothing else.
        #[arg(long, conflicts_with = "ignore")]
        keep: bool,
        /// Note that it was opened and change nothing.
        #[arg(long)]
        ignore: bool,
        /// Print the readable copy it carries (HTML) to this file.
        #[arg(long, value_name = "FILE")]
        readable: Option<PathBuf>,
    },
    /// List the files opened here, newest first, with the ids of the words they carry (to
    /// correct them) — one file per line, its words indented below it.
    Inbox,
    /// List the files sent from here, newest first, one line per person with whether they
    /// acknowledged it.
    Sent,
    /// Attach files (up to 50 MB each) to a contribution, meeting or reflection. They are kept
    /// encrypted inside the vault; photos lose their location and camera details. Prints one
    /// line per file: its id, name, type and size.
    Attach {
        /// What kind of record to attach to.
        #[arg(long, value_enum)]
        to: AttachTo,
        /// The record's id (from `alongside search`).
        uid: String,
        /// The receipts are for this expense line of the contribution (1 is its first line).
        #[arg(long, value_name = "N")]
        expense: Option<usize>,
        /// The files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List the files attached to a contribution, meeting or reflection (id, name, type, size,
    /// SHA-256, and the expense line a receipt is for), or save copies into a folder with --out.
    Attachments {
        /// The record's id.
        uid: String,
        /// Save a copy of each file into this folder (existing files are never replaced).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Detach a file from its record (its id from `alongside attachments`).
    Detach {
        /// The attachment's id.
        uid: String,
    },
    /// Print shell completions, e.g. `alongside completions bash >
    /// ~/.local/share/bash-completion/completions/alongside`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `alongside man | man -l -`.
    Man,
}

/// What kind of record a file is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AttachTo {
    /// A contribution (receipts, papers).
    Contribution,
    /// A meeting or session (minutes, flipchart photos).
    Meeting,
    /// A reflection.
    Reflection,
}

impl AttachTo {
    /// The record kind it names.
    pub fn kind(self) -> alongside_core::records::RecordKind {
        use alongside_core::records::RecordKind;
        match self {
            AttachTo::Contribution => RecordKind::Contribution,
            AttachTo::Meeting => RecordKind::Meeting,
            AttachTo::Reflection => RecordKind::Reflection,
        }
    }
}

/// Contact commands.
#[derive(Debug, Subcommand)]
pub enum ContactAction {
    /// Add someone's public identity (a file, or the text they pasted) to a person.
    Add {
        /// Their identity file, or the identity text itself.
        source: String,
        /// The person it belongs to (made when no one here has that name).
        #[arg(long)]
        person: String,
        /// How you checked their sharing code.
        #[arg(long)]
        checked: Option<CheckedArg>,
    },
    /// List contacts with their sharing codes.
    List,
}

/// How a sharing code was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckedArg {
    /// Face to face.
    InPerson,
    /// On the phone.
    Phone,
}

/// What `share` sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ShareKind {
    /// A session's record (lead to participants).
    Session,
    /// "You said, we did" for one person's words (lead to that person).
    Feedback,
    /// A summary of your contributions (partner to lead).
    Summary,
    /// A consent update or withdrawal (partner to lead).
    Consent,
    /// "That's not what I said": a correction of your words in a file you received.
    Correction,
    /// "Got it": tell the sender of a file you received that it arrived.
    Acknowledgement,
}

/// One part of consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ConsentPart {
    /// Being quoted.
    Quote,
    /// Being named.
    Named,
    /// Photographs.
    Photo,
    /// Audio recording.
    Audio,
}

/// The names `--report` accepts: every report of the export crate, and `all`.
fn report_names() -> clap::builder::PossibleValuesParser {
    let mut names: Vec<&'static str> = ReportKind::ALL.iter().map(|r| r.as_str()).collect();
    names.push("all");
    clap::builder::PossibleValuesParser::new(names)
}

/// The names `import --format` accepts: the core's import formats.
fn import_format_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(ImportFormat::ALL.iter().map(|f| f.as_str()))
}

/// The names `--format` accepts.
fn format_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(Format::ALL.map(Format::extension))
}

/// Passphrase commands.
#[derive(Debug, Subcommand)]
pub enum PassphraseAction {
    /// Change the passphrase (new one from ALONGSIDE_NEW_PASSPHRASE or a prompt).
    Change,
}

/// Reads `--lang`.
fn language(text: &str) -> Result<alongside_core::words::Language, String> {
    alongside_core::words::Language::parse(text)
        .ok_or_else(|| format!("\"{text}\" is not a language Alongside speaks: use en-GB or cy."))
}
