//! Actions: things someone agreed to do, from a meeting or on their own.

use super::choices::ActionStatus;
use super::columns::record;
use super::list::{list_query, ListFilter, Where};
use super::validate::{self, MAX_TEXT};
use super::{links_of, Link, Record, RecordKind};
use crate::error::CoreResult;

record! {
    /// Something to be done, by someone, by a date.
    pub struct Action {
        /// The project it belongs to, if any.
        pub project_id: Option<i64> => value,
        /// The meeting it came from, if any.
        pub meeting_id: Option<i64> => value,
        /// What is to be done.
        pub title: String => trimmed,
        /// Who will do it (a person).
        pub owner_id: Option<i64> => value,
        /// The whole team will do it (instead of one person).
        #[serde(default)]
        pub team_owned: bool => value,
        /// When it is due (`YYYY-MM-DD`).
        pub due_date: Option<String> => optional_text,
        /// Open, done or dropped.
        pub status: ActionStatus => choice,
        /// Anything else.
        pub notes: String => value,
    }
    computed {}
}

list_query!(
    /// Which actions a list shows.
    ActionQuery {
        /// Only actions with this status.
        status: Option<ActionStatus>,
    }
);

impl ListFilter for ActionQuery {
    fn add_to(&self, sql: &mut Where) {
        sql.refers_to("project_id", self.list.project_id);
        sql.refers_to("meeting_id", self.list.meeting_id);
        sql.is("status", self.status);
    }
}

impl Record for Action {
    const KIND: RecordKind = RecordKind::Action;
    type Query = ActionQuery;
    const DATE_COLUMN: Option<&'static str> = Some("due_date");
    const TITLE_COLUMN: &'static str = "title";

    fn validate(&self) -> CoreResult<()> {
        validate::required("title", &self.title, "what is to be done")?;
        validate::opt_date("due_date", self.due_date.as_deref())?;
        if self.team_owned && self.owner_id.is_some() {
            return Err(crate::error::CoreError::invalid(
                "owner_id",
                "Choose one owner: a person, or the team.",
            ));
        }
        validate::limit("notes", &self.notes, MAX_TEXT)
    }

    fn links(&self) -> Vec<Link> {
        links_of([
            Link::to("project_id", RecordKind::Project, self.project_id),
            Link::to("meeting_id", RecordKind::Meeting, self.meeting_id),
            Link::to("owner_id", RecordKind::Person, self.owner_id),
        ])
    }
}
