//! The records: people, projects, meetings and sessions, actions, contributions
//! (with expenses) and reflections; their validation, storage, lists, dashboard and search.
//!
//! Every kind is a plain struct implementing [`Record`]; [`store`] does the rest generically, so
//! create, update, delete with undo and lists behave the same for all of them.

pub mod actions;
pub mod attachments;
pub mod choices;
pub mod claims;
pub mod columns;
pub mod consent_rules;
pub mod consents;
pub mod contributions;
pub mod dashboard;
pub mod demo;
mod demo_lead;
pub mod export_log;
pub mod feedback;
pub mod invitation;
pub mod list;
pub mod meetings;
pub mod money;
pub mod notices;
pub mod participants;
pub mod payments;
pub mod people;
pub mod periods;
pub mod preferences;
pub mod projects;
pub mod reflections;
pub mod reminders;
pub mod search;
pub mod selection;
pub mod store;
pub mod transfer;
pub mod uid;
pub mod validate;
pub mod voices;

use std::future::Future;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::sqlite::{SqliteArguments, SqliteRow};
use sqlx::{Sqlite, SqliteConnection};

use crate::error::CoreResult;

pub use actions::Action;
pub use consents::Consent;
pub use contributions::{Contribution, Expense};
pub use feedback::{FedBack, FeedbackItem};
pub use meetings::{Attendee, FeltHeard, Meeting, Priority};
pub use payments::Payment;
pub use people::Person;
pub use projects::{Project, RateCard};
pub use reflections::Reflection;
pub use voices::Voice;

/// A stored record: its id, when it was made and last changed, and its fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Stored<T> {
    /// Stable id, unique within its kind.
    pub id: i64,
    /// Global id (UUID v7), unique across vaults; records are matched between vaults by it.
    /// (Empty only in a version 1 export file, which had none.)
    #[serde(default)]
    pub uid: String,
    /// When it was created (RFC 3339, UTC).
    pub created_at: String,
    /// When it was last changed (RFC 3339, UTC).
    pub updated_at: String,
    /// The fields the person entered.
    pub data: T,
}

/// The kinds of record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// A person.
    Person,
    /// A project.
    Project,
    /// A meeting or session.
    Meeting,
    /// An action.
    Action,
    /// A contribution.
    Contribution,
    /// A reflection.
    Reflection,
    /// A person's consent for a session.
    Consent,
    /// Something a participant said.
    Voice,
    /// A "you said, we did" item.
    Feedback,
    /// What a project pays one person for one session.
    Payment,
}

impl RecordKind {
    /// Every kind.
    pub const ALL: [RecordKind; 10] = [
        RecordKind::Person,
        RecordKind::Project,
        RecordKind::Meeting,
        RecordKind::Action,
        RecordKind::Contribution,
        RecordKind::Reflection,
        RecordKind::Consent,
        RecordKind::Voice,
        RecordKind::Feedback,
        RecordKind::Payment,
    ];

    /// The table holding this kind.
    pub fn table(self) -> &'static str {
        match self {
            RecordKind::Person => "people",
            RecordKind::Project => "projects",
            RecordKind::Meeting => "meetings",
            RecordKind::Action => "actions",
            RecordKind::Contribution => "contributions",
            RecordKind::Reflection => "reflections",
            RecordKind::Consent => "consents",
            RecordKind::Voice => "voices",
            RecordKind::Feedback => "feedback_items",
            RecordKind::Payment => "payments",
        }
    }

    /// The kind's number in the search index (rowid = number * 2^40 + id).
    pub fn search_number(self) -> i64 {
        match self {
            RecordKind::Person => 1,
            RecordKind::Project => 2,
            RecordKind::Meeting => 3,
            RecordKind::Action => 4,
            RecordKind::Contribution => 5,
            RecordKind::Reflection => 6,
            RecordKind::Consent => 7,
            RecordKind::Voice => 8,
            RecordKind::Feedback => 9,
            RecordKind::Payment => 10,
        }
    }

    /// The kind for a search-index number.
    pub fn from_search_number(n: i64) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.search_number() == n)
    }

    /// The kind as a label: "Person", "Project"…
    pub fn label(self) -> &'static str {
        match self {
            RecordKind::Person => "Person",
            RecordKind::Project => "Project",
            RecordKind::Meeting => "Meeting",
            RecordKind::Action => "Action",
            RecordKind::Contribution => "Contribution",
            RecordKind::Reflection => "Reflection",
            RecordKind::Consent => "Consent",
            RecordKind::Voice => "Voice",
            RecordKind::Feedback => "You said, we did",
            RecordKind::Payment => "Payment",
        }
    }

    /// Plain-English name, lower case ("meeting").
    pub fn noun(self) -> &'static str {
        match self {
            RecordKind::Person => "person",
            RecordKind::Project => "project",
            RecordKind::Meeting => "meeting",
            RecordKind::Action => "action",
            RecordKind::Contribution => "contribution",
            RecordKind::Reflection => "reflection",
            RecordKind::Consent => "consent entry",
            RecordKind::Voice => "voice",
            RecordKind::Feedback => "\"you said, we did\" item",
            RecordKind::Payment => "payment line",
        }
    }

    /// Statements that soft-delete the records that belong to this one (`?1` stamp, `?2` id).
    /// Undo runs the same conditions with `deleted_at = ?1` to bring back exactly those.
    pub(crate) fn cascade(self) -> &'static [(&'static str, &'static str)] {
        match self {
            RecordKind::Project => &[
                ("meetings", "project_id = ?2"),
                ("contributions", "project_id = ?2"),
                (
                    "actions",
                    "(project_id = ?2 OR meeting_id IN (SELECT id FROM meetings WHERE project_id = ?2))",
                ),
                ("consents", "meeting_id IN (SELECT id FROM meetings WHERE project_id = ?2)"),
                ("voices", "meeting_id IN (SELECT id FROM meetings WHERE project_id = ?2)"),
                ("feedback_items", "meeting_id IN (SELECT id FROM meetings WHERE project_id = ?2)"),
                ("payments", "meeting_id IN (SELECT id FROM meetings WHERE project_id = ?2)"),
            ],
            RecordKind::Meeting => &[
                ("actions", "meeting_id = ?2"),
                ("consents", "meeting_id = ?2"),
                ("voices", "meeting_id = ?2"),
                ("feedback_items", "meeting_id = ?2"),
                ("payments", "meeting_id = ?2"),
            ],
            // A person's consents, words and payment lines go with them (never left behind as
            // "a participant"); the app asks first when there are any.
            RecordKind::Person => &[
                ("consents", "person_id = ?2"),
                ("voices", "person_id = ?2"),
                ("payments", "person_id = ?2"),
            ],
            _ => &[],
        }
    }
}

/// A query with arguments bound so far.
pub type Query<'q> = sqlx::query::Query<'q, Sqlite, SqliteArguments<'q>>;

/// A reference from one record to another that must exist (and not be deleted).
pub struct Link {
    /// The field holding the reference.
    pub field: &'static str,
    /// The kind referred to.
    pub kind: RecordKind,
    /// The id referred to.
    pub id: i64,
}

/// How a record is stored in its own table; generated by `record!` from the struct's fields.
pub trait Columns: Sized {
    /// The stored columns besides id, timestamps and `deleted_at`, in [`Columns::bind`] order.
    fn columns() -> &'static [&'static str];

    /// Binds [`Columns::columns`] in order.
    fn bind<'q>(&'q self, query: Query<'q>) -> Query<'q>;

    /// Reads the columns of one row (child rows are loaded by [`Record::load_children`]).
    fn from_row(row: &SqliteRow) -> CoreResult<Self>;
}

impl Link {
    /// A reference held in `field`, when it is set.
    pub fn to(field: &'static str, kind: RecordKind, id: impl Into<Option<i64>>) -> Option<Link> {
        id.into().map(|id| Link { field, kind, id })
    }
}

/// The references that are set, for [`Record::links`].
pub fn links_of(links: impl IntoIterator<Item = Option<Link>>) -> Vec<Link> {
    links.into_iter().flatten().collect()
}

/// What each kind of record tells the generic store about itself.
pub trait Record:
    Columns + Serialize + DeserializeOwned + Clone + Send + Sync + Unpin + 'static
{
    /// Which kind this is.
    const KIND: RecordKind;
    /// What a list of this kind can be filtered by.
    type Query: list::ListFilter + Serialize + DeserializeOwned + Default;
    /// The column lists are filtered and sorted by date on, when there is one.
    const DATE_COLUMN: Option<&'static str>;
    /// The column lists sort by title on.
    const TITLE_COLUMN: &'static str;

    /// Fills in what the core works out (mileage amounts); called before [`Record::validate`].
    fn normalise(&mut self) {}

    /// Checks every field; the first problem is returned with its field name.
    fn validate(&self) -> CoreResult<()>;

    /// Other records this one refers to.
    fn links(&self) -> Vec<Link>;

    /// Checks rules that need the vault (one consent per person per session, quotable words
    /// need consent on file); `id` is the record being changed, `None` for a new one.
    fn check_in_vault(
        &self,
        _conn: &mut SqliteConnection,
        _id: Option<i64>,
    ) -> impl Future<Output = CoreResult<()>> + Send {
        async { Ok(()) }
    }

    /// Replaces the rows of child tables for record `id`.
    fn save_children(
        &self,
        _conn: &mut SqliteConnection,
        _id: i64,
    ) -> impl Future<Output = CoreResult<()>> + Send {
        async { Ok(()) }
    }

    /// Fills in child rows for a batch of records.
    fn load_children(
        _conn: &mut SqliteConnection,
        _records: &mut [Stored<Self>],
    ) -> impl Future<Output = CoreResult<()>> + Send {
        async { Ok(()) }
    }
}

/// JSON text for a list or value column.
pub(crate) fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

/// Reads a JSON column, refusing damaged text.
pub(crate) fn from_json<T: DeserializeOwned>(text: &str, what: &str) -> CoreResult<T> {
    serde_json::from_str(text).map_err(|_| {
        crate::error::CoreError::Damaged(format!("The vault holds unreadable {what}."))
    })
}

/// Tidies a list of short texts: trims each and drops blank ones.
pub fn tidy_list(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}
