//! Actions: things someone agreed to do, from a meeting or on their own.

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::choices::ActionStatus;
use super::list::{ListQuery, Where};
use super::validate::{self, MAX_TEXT};
use super::{Kind, Link, Query, RecordKind};
use crate::error::CoreResult;

/// Something to be done, by someone, by a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Action {
    /// The project it belongs to, if any.
    pub project_id: Option<i64>,
    /// The meeting it came from, if any.
    pub meeting_id: Option<i64>,
    /// What is to be done.
    pub title: String,
    /// Who will do it.
    pub owner_id: Option<i64>,
    /// When it is due (`YYYY-MM-DD`).
    pub due_date: Option<String>,
    /// Open, done or dropped.
    pub status: ActionStatus,
    /// Anything else.
    pub notes: String,
}

impl Kind for Action {
    const KIND: RecordKind = RecordKind::Action;
    const COLUMNS: &'static [&'static str] = &[
        "project_id",
        "meeting_id",
        "title",
        "owner_id",
        "due_date",
        "status",
        "notes",
    ];
    const DATE_COLUMN: Option<&'static str> = Some("due_date");
    const TITLE_COLUMN: &'static str = "title";

    fn validate(&self) -> CoreResult<()> {
        validate::required("title", &self.title, "what is to be done")?;
        validate::opt_date("due_date", self.due_date.as_deref())?;
        validate::limit("notes", &self.notes, MAX_TEXT)
    }

    fn links(&self) -> Vec<Link> {
        [
            self.project_id.map(|id| Link {
                field: "project_id",
                kind: RecordKind::Project,
                id,
            }),
            self.meeting_id.map(|id| Link {
                field: "meeting_id",
                kind: RecordKind::Meeting,
                id,
            }),
            self.owner_id.map(|id| Link {
                field: "owner_id",
                kind: RecordKind::Person,
                id,
            }),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    fn bind<'q>(&'q self, query: Query<'q>) -> Query<'q> {
        query
            .bind(self.project_id)
            .bind(self.meeting_id)
            .bind(self.title.trim())
            .bind(self.owner_id)
            .bind(self.due_date.as_deref())
            .bind(self.status.as_str())
            .bind(&self.notes)
    }

    fn from_row(row: &SqliteRow) -> CoreResult<Self> {
        Ok(Action {
            project_id: row.try_get("project_id")?,
            meeting_id: row.try_get("meeting_id")?,
            title: row.try_get("title")?,
            owner_id: row.try_get("owner_id")?,
            due_date: row.try_get("due_date")?,
            status: ActionStatus::from_stored(row.try_get("status")?)?,
            notes: row.try_get("notes")?,
        })
    }

    fn filter(query: &ListQuery, sql: &mut Where) -> CoreResult<()> {
        sql.project("project_id", query.project_id);
        sql.project("meeting_id", query.meeting_id);
        sql.choice(
            "status",
            "status",
            query.status.as_deref(),
            ActionStatus::parse,
            ActionStatus::as_str,
        )
    }
}
