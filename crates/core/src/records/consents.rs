//! The consent ledger: what each person agreed to for one session — to be quoted, to be named,
//! photographs, audio — how and when, and when they withdrew. The core applies it to every
//! output (see `consent_rules`).

use sqlx::SqliteConnection;

use super::choices::ConsentHow;
use super::columns::record;
use super::list::{list_query, ListFilter, Where};
use super::validate::{self, MAX_TEXT};
use super::{links_of, Link, Record, RecordKind};
use crate::error::{CoreError, CoreResult};

record! {
    /// One person's consent for one session.
    pub struct Consent {
        /// The session.
        pub meeting_id: i64 => value,
        /// The person.
        pub person_id: i64 => value,
        /// Their words may be quoted.
        pub quote: bool => value,
        /// They may be named (otherwise they appear by role).
        pub named: bool => value,
        /// Photographs may be taken and used.
        pub photo: bool => value,
        /// The session may be audio-recorded.
        pub audio: bool => value,
        /// How consent was given.
        pub given_how: ConsentHow => choice,
        /// When it was given (`YYYY-MM-DD`).
        pub given_on: String => value,
        /// When it was withdrawn (`YYYY-MM-DD`); from then on nothing of theirs is quoted.
        pub withdrawn_on: Option<String> => optional_text,
        /// Anything else (conditions, who took it).
        pub notes: String => value,
    }
    computed {}
}

list_query!(
    /// Which consents a list shows.
    ConsentQuery {
        /// Only this person's.
        person_id: Option<i64>,
    }
);

impl ListFilter for ConsentQuery {
    fn add_to(&self, sql: &mut Where) {
        sql.refers_to("meeting_id", self.list.meeting_id);
        sql.refers_to("person_id", self.person_id);
    }
}

impl Consent {
    /// Whether the consent stands on `day` (`YYYY-MM-DD`): given by then and not withdrawn.
    pub fn stands_on(&self, day: &str) -> bool {
        self.given_on.as_str() <= day && self.withdrawn_on.as_deref().is_none_or(|w| w > day)
    }
}

impl Record for Consent {
    const KIND: RecordKind = RecordKind::Consent;
    type Query = ConsentQuery;
    const DATE_COLUMN: Option<&'static str> = Some("given_on");
    const TITLE_COLUMN: &'static str = "given_on";

    fn validate(&self) -> CoreResult<()> {
        let given = validate::date("given_on", &self.given_on)?;
        let withdrawn = validate::opt_date("withdrawn_on", self.withdrawn_on.as_deref())?;
        validate::not_before(
            "withdrawn_on",
            Some(given),
            withdrawn,
            "Consent cannot be withdrawn before it was given.",
        )?;
        validate::limit("notes", &self.notes, MAX_TEXT)
    }

    fn links(&self) -> Vec<Link> {
        links_of([
            Link::to("meeting_id", RecordKind::Meeting, self.meeting_id),
            Link::to("person_id", RecordKind::Person, self.person_id),
        ])
    }

    async fn check_in_vault(&self, conn: &mut SqliteConnection, id: Option<i64>) -> CoreResult<()> {
        let others: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM consents WHERE meeting_id = ? AND person_id = ?
             AND deleted_at IS NULL AND id IS NOT ?",
        )
        .bind(self.meeting_id)
        .bind(self.person_id)
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
        if others > 0 {
            return Err(CoreError::invalid(
                "person_id",
                "This person already has a consent entry for this session; change that one.",
            ));
        }
        if self.quote {
            return Ok(());
        }
        // Taking quote consent away while a voice of theirs is marked quotable would leave the
        // voice promising what consent no longer allows.
        let quotable: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM voices WHERE meeting_id = ? AND person_id = ? AND quotable = 1
             AND deleted_at IS NULL",
        )
        .bind(self.meeting_id)
        .bind(self.person_id)
        .fetch_one(&mut *conn)
        .await?;
        if quotable > 0 && id.is_some() && self.withdrawn_on.is_none() {
            return Err(CoreError::invalid(
                "quote",
                "Some of this person's words in this session are marked quotable. Unmark them \
                 first, or record a withdrawal instead.",
            ));
        }
        Ok(())
    }
}
