//! "You said, we did": what became of what people said — done, to be done by a date, or not
//! possible and why — linked to the voices it answers, with the day it went back to each person.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::{Row, SqliteConnection};

use super::choices::FeedbackStatus;
use super::columns::record;
use super::list::{list_query, ListFilter, Where};
use super::validate::{self, MAX_TEXT};
use super::{links_of, Link, Record, RecordKind, Stored};
use crate::error::{CoreError, CoreResult};

/// The day an item went back to one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct FedBack {
    /// The person told.
    pub person_id: i64,
    /// When (`YYYY-MM-DD`).
    pub on: String,
}

record! {
    /// One "you said, we did" item.
    pub struct FeedbackItem {
        /// The session it answers.
        pub meeting_id: i64 => value,
        /// What people said, in the lead's words.
        pub you_said: String => value,
        /// What was done, will be done, or cannot be done.
        pub we_did: String => value,
        /// Did, will, or can't.
        pub status: FeedbackStatus => choice,
        /// For "we will": by when (`YYYY-MM-DD`).
        pub due_date: Option<String> => optional_text,
        /// For "we can't": why.
        pub reason: String => trimmed,
        /// The voices it answers.
        pub voice_ids: Vec<i64> => child,
        /// When it went back to each person.
        pub fed_back: Vec<FedBack> => child,
    }
    computed {}
}

list_query!(
    /// Which items a list shows.
    FeedbackQuery {
        /// Only items with this status.
        status: Option<FeedbackStatus>,
    }
);

impl ListFilter for FeedbackQuery {
    fn add_to(&self, sql: &mut Where) {
        sql.refers_to("meeting_id", self.list.meeting_id);
        sql.is("status", self.status);
    }
}

impl Record for FeedbackItem {
    const KIND: RecordKind = RecordKind::Feedback;
    type Query = FeedbackQuery;
    const DATE_COLUMN: Option<&'static str> = None;
    const TITLE_COLUMN: &'static str = "we_did";

    fn validate(&self) -> CoreResult<()> {
        validate::limit("you_said", &self.you_said, MAX_TEXT)?;
        validate::present_within(
            "we_did",
            &self.we_did,
            "what was done, or what will be done",
            MAX_TEXT,
        )?;
        validate::opt_date("due_date", self.due_date.as_deref())?;
        match self.status {
            FeedbackStatus::Will if self.due_date.is_none() => {
                return Err(CoreError::invalid(
                    "due_date",
                    "Say by when it will be done.",
                ))
            }
            FeedbackStatus::Cannot if self.reason.trim().is_empty() => {
                return Err(CoreError::invalid(
                    "reason",
                    "Say why it cannot be done: people deserve the reason.",
                ))
            }
            _ => {}
        }
        validate::limit("reason", &self.reason, MAX_TEXT)?;
        if self.voice_ids.len() > validate::MAX_ITEMS || self.fed_back.len() > validate::MAX_ITEMS {
            return Err(CoreError::invalid("voice_ids", "Too many links."));
        }
        let mut seen = HashSet::new();
        if !self.voice_ids.iter().all(|v| seen.insert(*v)) {
            return Err(CoreError::invalid(
                "voice_ids",
                "Each voice can be linked once.",
            ));
        }
        let mut seen = HashSet::new();
        for f in &self.fed_back {
            validate::date("fed_back", &f.on)?;
            if !seen.insert(f.person_id) {
                return Err(CoreError::invalid(
                    "fed_back",
                    "Each person can be marked as told once.",
                ));
            }
        }
        Ok(())
    }

    fn links(&self) -> Vec<Link> {
        links_of(
            [Link::to("meeting_id", RecordKind::Meeting, self.meeting_id)]
                .into_iter()
                .chain(
                    self.voice_ids
                        .iter()
                        .map(|v| Link::to("voice_ids", RecordKind::Voice, *v)),
                )
                .chain(
                    self.fed_back
                        .iter()
                        .map(|f| Link::to("fed_back", RecordKind::Person, f.person_id)),
                ),
        )
    }

    async fn check_in_vault(
        &self,
        conn: &mut SqliteConnection,
        _id: Option<i64>,
    ) -> CoreResult<()> {
        for voice in &self.voice_ids {
            let same: i64 =
                sqlx::query_scalar("SELECT count(*) FROM voices WHERE id = ? AND meeting_id = ?")
                    .bind(voice)
                    .bind(self.meeting_id)
                    .fetch_one(&mut *conn)
                    .await?;
            if same == 0 {
                return Err(CoreError::invalid(
                    "voice_ids",
                    "An item can only answer voices from its own session.",
                ));
            }
        }
        Ok(())
    }

    async fn save_children(&self, conn: &mut SqliteConnection, id: i64) -> CoreResult<()> {
        super::store::clear_children(conn, "feedback_voices", "item_id", id).await?;
        super::store::clear_children(conn, "feedback_returns", "item_id", id).await?;
        for voice in &self.voice_ids {
            sqlx::query("INSERT INTO feedback_voices (item_id, voice_id) VALUES (?, ?)")
                .bind(id)
                .bind(voice)
                .execute(&mut *conn)
                .await?;
        }
        for f in &self.fed_back {
            sqlx::query(
                "INSERT INTO feedback_returns (item_id, person_id, fed_back_on) VALUES (?, ?, ?)",
            )
            .bind(id)
            .bind(f.person_id)
            .bind(&f.on)
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
            "SELECT item_id, voice_id FROM feedback_voices
             WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY voice_id",
            "item_id",
            |item, row| {
                item.voice_ids.push(row.try_get("voice_id")?);
                Ok(())
            },
        )
        .await?;
        super::store::load_child_rows(
            conn,
            records,
            "SELECT item_id, person_id, fed_back_on FROM feedback_returns
             WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY fed_back_on, person_id",
            "item_id",
            |item, row| {
                item.fed_back.push(FedBack {
                    person_id: row.try_get("person_id")?,
                    on: row.try_get("fed_back_on")?,
                });
                Ok(())
            },
        )
        .await
    }
}
