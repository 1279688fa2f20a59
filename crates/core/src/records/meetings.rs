//! Meetings and co-design sessions: plan (agenda, register) and record (notes for the record,
//! private notes, decisions, how heard the user felt). Actions, consents, voices and "you said,
//! we did" items are their own records, linked here.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::{Row, SqliteConnection};

use super::choices::{AttendanceStatus, CoDesignStage, MeetingKind, PersonRole};
use super::columns::record;
use super::list::{list_query, ListFilter, Where};
use super::validate::{self, MAX_SHORT, MAX_TEXT};
use super::{links_of, Link, Record, RecordKind, Stored};
use crate::error::{CoreError, CoreResult};

/// A priority people chose in a co-design session, with the votes it got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Priority {
    /// What should change, in the group's words.
    pub text: String,
    /// Votes it got (dots, hands).
    pub votes: i64,
}

/// One line of a session's register: a person, the role they came in and where they stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Attendee {
    /// Global id of this line (made when first saved; kept after).
    #[serde(default)]
    pub uid: Option<String>,
    /// The person.
    pub person_id: i64,
    /// Their role at this meeting.
    pub role: PersonRole,
    /// Invited, attended, apologies… (lines saved before the register were "attended").
    #[serde(default = "attended")]
    pub status: AttendanceStatus,
}

fn attended() -> AttendanceStatus {
    AttendanceStatus::Attended
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

record! {
    /// A meeting or session.
    pub struct Meeting {
        /// The project it belongs to.
        pub project_id: i64 => value,
        /// Steering committee, co-design workshop…
        pub kind: MeetingKind => choice,
        /// Name of the meeting.
        pub title: String => trimmed,
        /// Day (`YYYY-MM-DD`).
        pub date: String => value,
        /// Start (`HH:MM`).
        pub start_time: Option<String> => optional_text,
        /// End (`HH:MM`), not before the start.
        pub end_time: Option<String> => optional_text,
        /// Where it happens (or the video link's name).
        pub place: String => trimmed,
        /// Whether it is online.
        pub online: bool => value,
        /// Whether the user was there (`None`: not recorded).
        #[serde(default)]
        pub my_attendance: Option<AttendanceStatus> => optional_choice,
        /// The register: who was invited and who came, with their roles.
        pub attendees: Vec<Attendee> => child,
        /// Agenda items, in order.
        pub agenda: Vec<String> => text_list,
        /// Notes for the record (go into the session's record and shared files).
        #[serde(default)]
        pub record_notes: String => value,
        /// My private notes: never exported, shared or shown outside the app. (Earlier
        /// exports called them `notes`.)
        #[serde(default, alias = "notes")]
        pub private_notes: String => value,
        /// Decisions made.
        pub decisions: Vec<String> => text_list,
        /// For EBCD: the priorities people voted on, with their votes.
        #[serde(default)]
        pub priorities: Vec<Priority> => json,
        /// For co-design sessions, the stage.
        pub stage: Option<CoDesignStage> => optional_choice,
        /// How heard the user felt.
        pub felt_heard: Option<FeltHeard> => optional_json,
        /// Tags.
        pub tags: Vec<String> => text_list,
    }
    computed {}
}

list_query!(
    /// Which meetings a list shows.
    MeetingQuery {
        /// Only meetings of this kind.
        kind: Option<MeetingKind>,
    }
);

impl Meeting {
    /// How long it ran, in minutes, from its start and end times (`None` without both).
    pub fn length_minutes(&self) -> Option<i64> {
        let at = |t: &Option<String>| {
            t.as_deref()
                .and_then(|t| chrono::NaiveTime::parse_from_str(t, "%H:%M").ok())
        };
        let minutes = (at(&self.end_time)? - at(&self.start_time)?).num_minutes();
        (minutes > 0).then_some(minutes)
    }
}

impl ListFilter for MeetingQuery {
    fn add_to(&self, sql: &mut Where) {
        sql.refers_to("project_id", self.list.project_id);
        sql.tag(self.list.tag.as_deref());
        sql.is("kind", self.kind);
    }
}

impl Record for Meeting {
    const KIND: RecordKind = RecordKind::Meeting;
    type Query = MeetingQuery;
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
        validate::limit("record_notes", &self.record_notes, MAX_TEXT)?;
        validate::limit("private_notes", &self.private_notes, MAX_TEXT)?;
        validate::list("decisions", &self.decisions, MAX_TEXT)?;
        if self.priorities.len() > validate::MAX_ITEMS {
            return Err(CoreError::invalid("priorities", "Too many priorities."));
        }
        for p in &self.priorities {
            validate::present_within("priorities", &p.text, "what the priority is", MAX_SHORT)?;
            if !(0..=100_000).contains(&p.votes) {
                return Err(CoreError::invalid(
                    "priorities",
                    "Votes are a whole number from 0 up.",
                ));
            }
        }
        for uid in self.attendees.iter().filter_map(|a| a.uid.as_deref()) {
            super::uid::check("attendees", uid)?;
        }
        if let Some(f) = &self.felt_heard {
            validate::rating("felt_heard", f.listened_to)?;
            validate::rating("felt_heard", f.views_used)?;
            validate::rating("felt_heard", f.comfortable)?;
        }
        validate::tags(&self.tags)
    }

    fn links(&self) -> Vec<Link> {
        let attendees = self.attendees.iter();
        links_of(
            [Link::to("project_id", RecordKind::Project, self.project_id)]
                .into_iter()
                .chain(attendees.map(|a| Link::to("attendees", RecordKind::Person, a.person_id))),
        )
    }

    async fn save_children(&self, conn: &mut SqliteConnection, id: i64) -> CoreResult<()> {
        super::store::clear_children(conn, "meeting_attendees", "meeting_id", id).await?;
        for a in &self.attendees {
            let uid = a.uid.clone().unwrap_or_else(super::uid::new_uid);
            sqlx::query(
                "INSERT INTO meeting_attendees (meeting_id, person_id, role, status, uid)
                 VALUES (?, ?, ?, ?, ?)",
            )
            .bind(id)
            .bind(a.person_id)
            .bind(a.role.as_str())
            .bind(a.status.as_str())
            .bind(uid)
            .execute(&mut *conn)
            .await?;
        }
        Ok(())
    }

    async fn load_children(
        conn: &mut SqliteConnection,
        records: &mut [Stored<Self>],
    ) -> CoreResult<()> {
        super::store::load_child_rows(
            conn,
            records,
            "SELECT meeting_id, person_id, role, status, uid FROM meeting_attendees
             WHERE meeting_id IN (SELECT value FROM json_each(?)) ORDER BY rowid",
            "meeting_id",
            |m, row| {
                m.attendees.push(Attendee {
                    uid: row.try_get("uid")?,
                    person_id: row.try_get("person_id")?,
                    role: PersonRole::from_stored(row.try_get("role")?)?,
                    status: AttendanceStatus::from_stored(row.try_get("status")?)?,
                });
                Ok(())
            },
        )
        .await
    }
}
