//! Voices: what participants said in a session, from a named person or "a participant"
//! (anonymous), with theme and touchpoint tags and, for emotional mapping, how they felt.

use sqlx::SqliteConnection;

use super::choices::Emotion;
use super::columns::record;
use super::list::{list_query, ListFilter, Where};
use super::validate::{self, MAX_SHORT, MAX_TEXT};
use super::{links_of, Link, Record, RecordKind};
use crate::error::{CoreError, CoreResult};

record! {
    /// Something a participant said.
    pub struct Voice {
        /// The session.
        pub meeting_id: i64 => value,
        /// Who said it; `None` for "a participant" (anonymous).
        pub person_id: Option<i64> => value,
        /// What they said.
        pub text: String => trimmed,
        /// May be quoted in outputs. A person's words need their quote consent on file.
        pub quotable: bool => value,
        /// Themes.
        pub themes: Vec<String> => text_list,
        /// The touchpoint (a moment in the care journey), for EBCD.
        pub touchpoint: String => trimmed,
        /// How they felt at that touchpoint.
        pub emotion: Option<Emotion> => optional_choice,
    }
    computed {}
}

impl Voice {
    /// Said by "a participant", with no person recorded.
    pub fn is_anonymous(&self) -> bool {
        self.person_id.is_none()
    }
}

list_query!(
    /// Which voices a list shows.
    VoiceQuery {
        /// Only this person's.
        person_id: Option<i64>,
    }
);

impl ListFilter for VoiceQuery {
    fn add_to(&self, sql: &mut Where) {
        sql.refers_to("meeting_id", self.list.meeting_id);
        sql.refers_to("person_id", self.person_id);
    }
}

impl Record for Voice {
    const KIND: RecordKind = RecordKind::Voice;
    type Query = VoiceQuery;
    const DATE_COLUMN: Option<&'static str> = None;
    const TITLE_COLUMN: &'static str = "text";

    fn validate(&self) -> CoreResult<()> {
        validate::present_within("text", &self.text, "what was said", MAX_TEXT)?;
        validate::list("themes", &self.themes, MAX_SHORT)?;
        validate::limit("touchpoint", &self.touchpoint, MAX_SHORT)
    }

    fn links(&self) -> Vec<Link> {
        links_of([
            Link::to("meeting_id", RecordKind::Meeting, self.meeting_id),
            Link::to("person_id", RecordKind::Person, self.person_id),
        ])
    }

    async fn check_in_vault(
        &self,
        conn: &mut SqliteConnection,
        _id: Option<i64>,
    ) -> CoreResult<()> {
        let (true, Some(person)) = (self.quotable, self.person_id) else {
            return Ok(());
        };
        let consented: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM consents WHERE meeting_id = ? AND person_id = ? AND quote = 1
             AND withdrawn_on IS NULL AND deleted_at IS NULL",
        )
        .bind(self.meeting_id)
        .bind(person)
        .fetch_one(&mut *conn)
        .await?;
        if consented == 0 {
            return Err(CoreError::invalid(
                "quotable",
                "These words cannot be marked quotable: this person has no consent to be quoted \
                 on file for this session.",
            ));
        }
        Ok(())
    }
}
