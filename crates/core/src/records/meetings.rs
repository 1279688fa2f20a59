//! Meetings and co-design sessions: plan (agenda, attendees) and record (notes, decisions,
//! "you said, we did", how heard the user felt). Actions are their own records, linked here.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

use super::choices::{CoDesignStage, MeetingKind, PersonRole};
use super::list::{ListQuery, Where};
use super::store::id_array;
use super::validate::{self, MAX_SHORT, MAX_TEXT};
use super::{from_json, tidy_list, to_json, Kind, Link, Query, RecordKind, Stored};
use crate::error::{CoreError, CoreResult};

/// Someone at the meeting and the role they came in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Attendee {
    /// The person.
    pub person_id: i64,
    /// Their role at this meeting.
    pub role: PersonRole,
}

/// How heard the user felt, each on a scale of 1 (not at all) to 5 (completely). All optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct FeltHeard {
    /// "I was listened to."
    pub listened_to: Option<u8>,
    /// "My views made a difference."
    pub views_used: Option<u8>,
    /// "I felt comfortable speaking up."
    pub comfortable: Option<u8>,
}

/// A meeting or session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Meeting {
    /// The project it belongs to.
    pub project_id: i64,
    /// Steering committee, co-design workshop…
    pub kind: MeetingKind,
    /// Name of the meeting.
    pub title: String,
    /// Day (`YYYY-MM-DD`).
    pub date: String,
    /// Start (`HH:MM`).
    pub start_time: Option<String>,
    /// End (`HH:MM`), not before the start.
    pub end_time: Option<String>,
    /// Where it happens (or the video link's name).
    pub place: String,
    /// Whether it is online.
    pub online: bool,
    /// Who came, with their roles.
    pub attendees: Vec<Attendee>,
    /// Agenda items, in order.
    pub agenda: Vec<String>,
    /// Notes.
    pub notes: String,
    /// Decisions made.
    pub decisions: Vec<String>,
    /// "You said, we did": what changed because of what people said.
    pub you_said_we_did: String,
    /// For co-design sessions, the stage.
    pub stage: Option<CoDesignStage>,
    /// How heard the user felt.
    pub felt_heard: Option<FeltHeard>,
    /// Tags.
    pub tags: Vec<String>,
}

impl Kind for Meeting {
    const KIND: RecordKind = RecordKind::Meeting;
    const COLUMNS: &'static [&'static str] = &[
        "project_id",
        "kind",
        "title",
        "date",
        "start_time",
        "end_time",
        "place",
        "online",
        "agenda",
        "notes",
        "decisions",
        "you_said_we_did",
        "stage",
        "felt_heard",
        "tags",
    ];
    const DATE_COLUMN: Option<&'static str> = Some("date");
    const TITLE_COLUMN: &'static str = "title";

    fn validate(&self) -> CoreResult<()> {
        validate::required("title", &self.title, "a name for the meeting")?;
        validate::date("date", &self.date)?;
        let start = self
            .start_time
            .as_deref()
            .map(|t| validate::time("start_time", t))
            .transpose()?;
        let end = self
            .end_time
            .as_deref()
            .map(|t| validate::time("end_time", t))
            .transpose()?;
        validate::not_before("end_time", start, end, "The meeting ends before it starts.")?;
        validate::limit("place", &self.place, MAX_SHORT)?;
        if self.attendees.len() > validate::MAX_ITEMS {
            return Err(CoreError::invalid("attendees", "Too many attendees."));
        }
        let mut seen = HashSet::new();
        if !self.attendees.iter().all(|a| seen.insert(a.person_id)) {
            return Err(CoreError::invalid(
                "attendees",
                "Each person can be listed once.",
            ));
        }
        validate::list("agenda", &self.agenda, MAX_SHORT)?;
        validate::limit("notes", &self.notes, MAX_TEXT)?;
        validate::list("decisions", &self.decisions, MAX_TEXT)?;
        validate::limit("you_said_we_did", &self.you_said_we_did, MAX_TEXT)?;
        if let Some(f) = &self.felt_heard {
            validate::rating("felt_heard", f.listened_to)?;
            validate::rating("felt_heard", f.views_used)?;
            validate::rating("felt_heard", f.comfortable)?;
        }
        validate::tags(&self.tags)
    }

    fn links(&self) -> Vec<Link> {
        let mut links = vec![Link {
            field: "project_id",
            kind: RecordKind::Project,
            id: self.project_id,
        }];
        links.extend(self.attendees.iter().map(|a| Link {
            field: "attendees",
            kind: RecordKind::Person,
            id: a.person_id,
        }));
        links
    }

    fn bind<'q>(&'q self, query: Query<'q>) -> Query<'q> {
        query
            .bind(self.project_id)
            .bind(self.kind.as_str())
            .bind(self.title.trim())
            .bind(&self.date)
            .bind(self.start_time.as_deref())
            .bind(self.end_time.as_deref())
            .bind(self.place.trim())
            .bind(self.online)
            .bind(to_json(&tidy_list(&self.agenda)))
            .bind(&self.notes)
            .bind(to_json(&tidy_list(&self.decisions)))
            .bind(&self.you_said_we_did)
            .bind(self.stage.map(CoDesignStage::as_str))
            .bind(self.felt_heard.as_ref().map(to_json))
            .bind(to_json(&tidy_list(&self.tags)))
    }

    fn from_row(row: &SqliteRow) -> CoreResult<Self> {
        let stage: Option<&str> = row.try_get("stage")?;
        let felt: Option<&str> = row.try_get("felt_heard")?;
        Ok(Meeting {
            project_id: row.try_get("project_id")?,
            kind: MeetingKind::from_stored(row.try_get("kind")?)?,
            title: row.try_get("title")?,
            date: row.try_get("date")?,
            start_time: row.try_get("start_time")?,
            end_time: row.try_get("end_time")?,
            place: row.try_get("place")?,
            online: row.try_get("online")?,
            attendees: Vec::new(),
            agenda: from_json(row.try_get("agenda")?, "agenda")?,
            notes: row.try_get("notes")?,
            decisions: from_json(row.try_get("decisions")?, "decisions")?,
            you_said_we_did: row.try_get("you_said_we_did")?,
            stage: stage.map(CoDesignStage::from_stored).transpose()?,
            felt_heard: felt.map(|t| from_json(t, "ratings")).transpose()?,
            tags: from_json(row.try_get("tags")?, "tags")?,
        })
    }

    async fn save_children(&self, conn: &mut SqliteConnection, id: i64) -> CoreResult<()> {
        sqlx::query("DELETE FROM meeting_attendees WHERE meeting_id = ?")
            .bind(id)
            .execute(&mut *conn)
            .await?;
        for a in &self.attendees {
            sqlx::query(
                "INSERT INTO meeting_attendees (meeting_id, person_id, role) VALUES (?, ?, ?)",
            )
            .bind(id)
            .bind(a.person_id)
            .bind(a.role.as_str())
            .execute(&mut *conn)
            .await?;
        }
        Ok(())
    }

    async fn load_children(
        conn: &mut SqliteConnection,
        records: &mut [Stored<Self>],
    ) -> CoreResult<()> {
        if records.is_empty() {
            return Ok(());
        }
        let rows: Vec<(i64, i64, String)> = sqlx::query_as(
            "SELECT meeting_id, person_id, role FROM meeting_attendees
             WHERE meeting_id IN (SELECT value FROM json_each(?)) ORDER BY rowid",
        )
        .bind(id_array(records))
        .fetch_all(&mut *conn)
        .await?;
        let index = super::store::index_by_id(records);
        for (meeting_id, person_id, role) in rows {
            if let Some(&i) = index.get(&meeting_id) {
                records[i].data.attendees.push(Attendee {
                    person_id,
                    role: PersonRole::from_stored(&role)?,
                });
            }
        }
        Ok(())
    }

    fn filter(query: &ListQuery, sql: &mut Where) -> CoreResult<()> {
        sql.project("project_id", query.project_id);
        sql.tag(query.tag.as_deref());
        sql.choice(
            "kind",
            "kind",
            query.kind.as_deref(),
            MeetingKind::parse,
            MeetingKind::as_str,
        )
    }
}
