//! What the person asks for: which report, which format, which records and what to leave out.

use alongside_core::records::selection::Selection;
use alongside_core::words::{self, Language};
use serde::{Deserialize, Serialize};
use specta::Type;

/// The reports (see docs/architecture.md, "Reports").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// Projects, roles, hours, activities and the impact log (for a CV or appraisal).
    Involvement,
    /// Reflections, ready to share.
    Reflection,
    /// Meetings and co-design sessions: attendees, agenda, decisions, actions.
    Meeting,
    /// Fees and expenses: claimed, paid, totals per week, month and tax year.
    Payments,
    /// GRIPP2 short form, for project leads reporting involvement.
    Gripp2,
    /// Evidence under the six UK Standards for Public Involvement.
    Standards,
    /// What the projects the user runs paid participants, one row per fee or expense, for a
    /// finance team (CSV).
    Finance,
    /// One participant's payment statement: sessions, fees, expenses, paid and owed.
    Statement,
    /// A claim pack for one organisation and period: the claimant's details, the fees and
    /// expenses not yet claimed, the totals, and the receipts as pages.
    Claim,
}

/// File formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// PDF (tagged, fonts embedded).
    Pdf,
    /// Word document (editable).
    Docx,
    /// Markdown.
    Md,
    /// A web page that prints well.
    Html,
    /// Spreadsheet rows.
    Csv,
    /// Structured data.
    Json,
}

/// How people appear in a report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Names {
    /// Names as written (only when the person ticks "show names").
    Full,
    /// Each person replaced by their role ("Researcher"), in every field, free text included.
    /// The default.
    #[default]
    Roles,
}

/// Everything an export needs to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ExportOptions {
    /// The report.
    pub report: ReportKind,
    /// The file format.
    pub format: Format,
    /// Date range and projects.
    pub selection: Selection,
    /// Include private reflections (and reflections not marked ready to share).
    pub include_private: bool,
    /// Names or roles.
    pub names: Names,
    /// Leave fees, expenses and payments out.
    pub leave_out_money: bool,
    /// The report's language (English unless chosen; see [`ReportKind::speaks`]).
    #[serde(default)]
    pub language: Language,
    /// Follow the report with the same report in the other language (Welsh then English, or
    /// English then Welsh).
    #[serde(default)]
    pub bilingual: bool,
}

impl ReportKind {
    /// Every report, in the order offered.
    pub const ALL: [ReportKind; 9] = [
        ReportKind::Involvement,
        ReportKind::Reflection,
        ReportKind::Meeting,
        ReportKind::Payments,
        ReportKind::Gripp2,
        ReportKind::Standards,
        ReportKind::Finance,
        ReportKind::Statement,
        ReportKind::Claim,
    ];

    /// Whether the report is about paying named people, so it names them whatever the names
    /// choice (finance cannot pay "a patient partner").
    pub fn names_payees(self) -> bool {
        matches!(self, ReportKind::Finance | ReportKind::Statement)
    }

    /// Whether names are replaced by roles when asked. A payment needs the payee's name, and a
    /// claim pack is the claimant's own form (only their name and details are in it).
    pub fn redacts_names(self) -> bool {
        !self.names_payees() && self != ReportKind::Claim
    }

    /// The name used on the command line and in file names.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::Involvement => "involvement",
            ReportKind::Reflection => "reflection",
            ReportKind::Meeting => "meeting",
            ReportKind::Payments => "payments",
            ReportKind::Gripp2 => "gripp2",
            ReportKind::Standards => "standards",
            ReportKind::Finance => "finance",
            ReportKind::Statement => "statement",
            ReportKind::Claim => "claim",
        }
    }

    /// The report's title.
    pub fn title(self) -> &'static str {
        self.title_in(Language::EnGb)
    }

    /// The report's title in `lang`.
    pub fn title_in(self, lang: Language) -> &'static str {
        match self {
            ReportKind::Involvement => words::text(lang, "report-title-involvement"),
            ReportKind::Reflection => words::text(lang, "report-title-reflection"),
            ReportKind::Meeting => words::text(lang, "report-title-meeting"),
            ReportKind::Payments => words::text(lang, "report-title-payments"),
            ReportKind::Gripp2 => words::text(lang, "report-title-gripp2"),
            ReportKind::Standards => words::text(lang, "report-title-standards"),
            ReportKind::Finance => words::text(lang, "report-title-finance"),
            ReportKind::Statement => words::text(lang, "report-title-statement"),
            ReportKind::Claim => words::text(lang, "report-title-claim"),
        }
    }

    /// Whether the report can be written in `lang` (every report is in English; the
    /// involvement summary is also in Welsh so far: see docs/translation.md).
    pub fn speaks(self, lang: Language) -> bool {
        lang == Language::EnGb || self == ReportKind::Involvement
    }

    /// Reads a command-line name.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// The formats this report can be written in. CSV is one row per contribution (involvement)
    /// or per fee and expense (payments); the other reports are documents, not rows.
    pub fn formats(self) -> &'static [Format] {
        match self {
            ReportKind::Involvement | ReportKind::Payments => &Format::ALL,
            ReportKind::Finance => &[Format::Csv],
            ReportKind::Claim => &[Format::Pdf, Format::Csv],
            _ => &[
                Format::Pdf,
                Format::Docx,
                Format::Md,
                Format::Html,
                Format::Json,
            ],
        }
    }
}

impl Format {
    /// Every format, in the order offered.
    pub const ALL: [Format; 6] = [
        Format::Pdf,
        Format::Docx,
        Format::Md,
        Format::Html,
        Format::Csv,
        Format::Json,
    ];

    /// The file extension (also the command-line name).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Md => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    /// Reads a command-line name.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.extension() == text)
    }
}

/// A report as the app offers it: its name, what it is for and its formats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ReportInfo {
    /// Which report.
    pub kind: ReportKind,
    /// Its title.
    pub title: String,
    /// What it is for, in a sentence.
    pub about: String,
    /// The formats it can be written in.
    pub formats: Vec<Format>,
    /// The languages it can be written in.
    pub languages: Vec<Language>,
}

impl ReportKind {
    /// What the report is for, in a sentence.
    pub fn about(self) -> &'static str {
        self.about_in(Language::EnGb)
    }

    /// What the report is for, in a sentence in `lang`.
    pub fn about_in(self, lang: Language) -> &'static str {
        words::text(lang, &format!("report-about-{}", self.as_str()))
    }
}

/// Every report with its title, purpose and formats, in the order offered.
/// (A payment statement is made from a person's page, so it is not in the list.)
pub fn catalogue() -> Vec<ReportInfo> {
    catalogue_in(Language::EnGb)
}

/// [`catalogue`], its titles and purposes in `lang`.
pub fn catalogue_in(lang: Language) -> Vec<ReportInfo> {
    ReportKind::ALL
        .iter()
        .filter(|k| **k != ReportKind::Statement)
        .map(|&kind| ReportInfo {
            kind,
            title: kind.title_in(lang).to_owned(),
            about: kind.about_in(lang).to_owned(),
            formats: kind.formats().to_vec(),
            languages: Language::ALL
                .into_iter()
                .filter(|l| kind.speaks(*l))
                .collect(),
        })
        .collect()
}
