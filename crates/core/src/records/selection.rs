//! What a report covers: a date range and a set of projects, and loading the records in it.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::SqlitePool;

use super::consent_rules::ConsentLedger;
use super::list::{Arg, Where};
use super::{
    store, validate, Action, Consent, Contribution, FeedbackItem, Meeting, Payment, Person,
    Project, RecordKind, Reflection, Stored, Voice,
};
use crate::error::{CoreError, CoreResult};

/// A date range and the projects a report is about. Every part is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct Selection {
    /// First day (`YYYY-MM-DD`); from the beginning when left out.
    pub from: Option<String>,
    /// Last day (`YYYY-MM-DD`); up to the latest record when left out.
    pub to: Option<String>,
    /// The projects; every project when empty.
    pub project_ids: Vec<i64>,
    /// One session only, by its global id (the dates and projects are then not used).
    pub meeting_uid: Option<String>,
    /// One person's payment lines only, by the person's global id (a payment statement).
    pub person_uid: Option<String>,
}

/// The records a selection covers, each list in date order (projects by title).
#[derive(Debug, Clone, Default)]
pub struct Selected {
    /// The selection they were loaded for.
    pub selection: Selection,
    /// The projects chosen (every live project when none were named).
    pub projects: Vec<Stored<Project>>,
    /// Every live person, for attendee and owner names.
    pub people: Vec<Stored<Person>>,
    /// Every person still in the vault, deleted ones in their undo window too: the names that
    /// are replaced by roles when names are left out.
    pub names_to_hide: Vec<Stored<Person>>,
    /// Meetings in the range.
    pub meetings: Vec<Stored<Meeting>>,
    /// Actions of those meetings, and project actions due in the range.
    pub actions: Vec<Stored<Action>>,
    /// Contributions in the range.
    pub contributions: Vec<Stored<Contribution>>,
    /// Reflections in the range, about the chosen projects (or about no project when every
    /// project is chosen); private ones only when asked for.
    pub reflections: Vec<Stored<Reflection>>,
    /// How many private reflections were left out (never printed in a shared file).
    pub private_left_out: usize,
    /// The consent entries of the meetings.
    pub consents: Vec<Stored<Consent>>,
    /// Consent as it stands on the day of the output.
    pub ledger: ConsentLedger,
    /// The words from the meetings that consent lets appear; nothing else is ever loaded.
    pub voices: Vec<Stored<Voice>>,
    /// How many voices consent kept out (a count only).
    pub voices_left_out: usize,
    /// "You said, we did" items of the meetings.
    pub feedback: Vec<Stored<FeedbackItem>>,
    /// Payment lines of the meetings (only the chosen person's, when one is chosen).
    pub payments: Vec<Stored<Payment>>,
}

impl Selected {
    /// The people whose own words are in `voices` (for the export log).
    pub fn quoted_people(&self) -> Vec<i64> {
        let mut ids: Vec<i64> = self
            .voices
            .iter()
            .filter_map(|v| v.data.person_id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

impl Selection {
    /// Checks the dates (real, end not before start) and that every project exists.
    pub async fn check(&self, pool: &SqlitePool) -> CoreResult<()> {
        if let Some(uid) = &self.meeting_uid {
            live_uid(
                pool,
                RecordKind::Meeting,
                "meeting",
                uid,
                "meeting or session",
            )
            .await?;
        }
        if let Some(uid) = &self.person_uid {
            live_uid(pool, RecordKind::Person, "person", uid, "person").await?;
        }
        let from = validate::opt_date("from", self.from.as_deref())?;
        let to = validate::opt_date("to", self.to.as_deref())?;
        validate::not_before("to", from, to, "The end of the range is before its start.")?;
        for id in &self.project_ids {
            let found: i64 = sqlx::query_scalar(
                "SELECT count(*) FROM projects WHERE id = ? AND deleted_at IS NULL",
            )
            .bind(id)
            .fetch_one(pool)
            .await?;
            if found == 0 {
                return Err(CoreError::invalid(
                    "project_ids",
                    "One of the chosen projects is not in your records any more.",
                ));
            }
        }
        Ok(())
    }

    /// Whether a date (`YYYY-MM-DD`) falls in the range.
    pub fn covers(&self, date: &str) -> bool {
        self.from.as_deref().is_none_or(|from| date >= from)
            && self.to.as_deref().is_none_or(|to| date <= to)
    }

    fn live_in_range(&self, column: &str) -> Where {
        let mut filter = Where::default();
        filter.push("deleted_at IS NULL", []);
        if let Some(from) = &self.from {
            filter.push(format!("{column} >= ?"), [Arg::Text(from.clone())]);
        }
        if let Some(to) = &self.to {
            filter.push(format!("{column} <= ?"), [Arg::Text(to.clone())]);
        }
        filter
    }
}

/// Loads everything a selection covers, checking it first. Private reflections are loaded only
/// when `include_private` is true; otherwise they are counted and left out. Voices are loaded
/// only as consent on `today` (`YYYY-MM-DD`) allows.
pub async fn load(
    pool: &SqlitePool,
    selection: &Selection,
    include_private: bool,
    today: &str,
) -> CoreResult<Selected> {
    selection.check(pool).await?;
    if let Some(uid) = &selection.meeting_uid {
        let project: i64 = sqlx::query_scalar("SELECT project_id FROM meetings WHERE uid = ?")
            .bind(uid)
            .fetch_one(pool)
            .await?;
        let one = Selection {
            project_ids: vec![project],
            ..Selection::default()
        };
        return load_with(pool, &one, include_private, today, Some(uid)).await;
    }
    load_with(pool, selection, include_private, today, None).await
}

async fn load_with(
    pool: &SqlitePool,
    selection: &Selection,
    include_private: bool,
    today: &str,
    meeting_uid: Option<&str>,
) -> CoreResult<Selected> {
    let mut conn = pool.acquire().await?;
    let ids = &selection.project_ids;

    let mut filter = Where::default();
    filter.push("deleted_at IS NULL", []);
    filter.any_of("id", ids);
    let projects =
        store::matching::<Project>(&mut conn, &filter, "title COLLATE NOCASE, id").await?;
    let project_set: HashSet<i64> = projects.iter().map(|p| p.id).collect();

    let mut filter = Where::default();
    filter.push("deleted_at IS NULL", []);
    let people = store::matching::<Person>(&mut conn, &filter, "name COLLATE NOCASE, id").await?;
    let mut filter = Where::default();
    filter.push("deleted_at IS NOT NULL", []);
    let mut names_to_hide = people.clone();
    names_to_hide.extend(store::matching::<Person>(&mut conn, &filter, "id").await?);

    let mut filter = selection.live_in_range("date");
    filter.any_of("project_id", ids);
    if let Some(uid) = meeting_uid {
        filter.push("uid = ?", [Arg::Text(uid.to_owned())]);
    }
    let meetings = store::matching::<Meeting>(&mut conn, &filter, "date, start_time, id").await?;
    let meeting_set: HashSet<i64> = meetings.iter().map(|m| m.id).collect();
    let meeting_ids: Vec<i64> = meetings.iter().map(|m| m.id).collect();

    let of_meetings = || {
        let mut filter = Where::default();
        filter.push("deleted_at IS NULL", []);
        filter.push(
            "meeting_id IN (SELECT value FROM json_each(?))",
            [Arg::Text(super::to_json(&meeting_ids))],
        );
        filter
    };
    let consents = store::matching::<Consent>(&mut conn, &of_meetings(), "meeting_id, id").await?;
    let ledger = ConsentLedger::new(&consents, &meetings, &projects, today);
    let all_voices = store::matching::<Voice>(&mut conn, &of_meetings(), "meeting_id, id").await?;
    let heard = all_voices.len();
    let voices = ledger.quotable(all_voices);
    let voices_left_out = heard - voices.len();
    let feedback =
        store::matching::<FeedbackItem>(&mut conn, &of_meetings(), "meeting_id, id").await?;
    let mut filter = of_meetings();
    if let Some(uid) = &selection.person_uid {
        filter.push(
            "person_id IN (SELECT id FROM people WHERE uid = ?)",
            [Arg::Text(uid.clone())],
        );
    }
    let payments = store::matching::<Payment>(&mut conn, &filter, "meeting_id, id").await?;

    let mut filter = selection.live_in_range("date");
    filter.any_of("project_id", ids);
    if meeting_uid.is_some() {
        filter.push(
            "meeting_id IN (SELECT value FROM json_each(?))",
            [Arg::Text(super::to_json(&meeting_ids))],
        );
    }
    let contributions = store::matching::<Contribution>(&mut conn, &filter, "date, id").await?;
    let contribution_set: HashSet<i64> = contributions.iter().map(|c| c.id).collect();

    let mut filter = Where::default();
    filter.push("deleted_at IS NULL", []);
    let actions = store::matching::<Action>(&mut conn, &filter, "due_date, id")
        .await?
        .into_iter()
        .filter(|a| match a.data.meeting_id {
            Some(m) => meeting_set.contains(&m),
            None => {
                meeting_uid.is_none()
                    && a.data.project_id.is_some_and(|p| project_set.contains(&p))
                    && a.data
                        .due_date
                        .as_deref()
                        .is_some_and(|d| selection.covers(d))
            }
        })
        .collect();

    let filter = selection.live_in_range("date");
    let mut private_left_out = 0;
    let reflections = store::matching::<Reflection>(&mut conn, &filter, "date, id")
        .await?
        .into_iter()
        .filter(|r| {
            let d = &r.data;
            let linked =
                d.project_id.is_some() || d.meeting_id.is_some() || d.contribution_id.is_some();
            let about_chosen = d.project_id.is_some_and(|p| project_set.contains(&p))
                || d.meeting_id.is_some_and(|m| meeting_set.contains(&m))
                || d.contribution_id
                    .is_some_and(|c| contribution_set.contains(&c));
            let in_scope =
                meeting_uid.is_none() || d.meeting_id.is_some_and(|m| meeting_set.contains(&m));
            (about_chosen || (!linked && ids.is_empty())) && in_scope
        })
        .filter(|r| {
            let keep = include_private || !r.data.private;
            if !keep {
                private_left_out += 1;
            }
            keep
        })
        .collect();

    Ok(Selected {
        selection: selection.clone(),
        projects,
        people,
        names_to_hide,
        meetings,
        actions,
        contributions,
        reflections,
        private_left_out,
        consents,
        ledger,
        voices,
        voices_left_out,
        feedback,
        payments,
    })
}

/// Checks that `uid` is a well-formed global id of a live record of `kind`.
async fn live_uid(
    pool: &SqlitePool,
    kind: RecordKind,
    field: &str,
    uid: &str,
    noun: &str,
) -> CoreResult<()> {
    super::uid::check(field, uid)?;
    let sql = format!(
        "SELECT count(*) FROM {} WHERE uid = ? AND deleted_at IS NULL",
        kind.table()
    );
    let found: i64 = sqlx::query_scalar(&sql).bind(uid).fetch_one(pool).await?;
    if found == 0 {
        return Err(CoreError::invalid(
            field,
            format!("There is no {noun} with that id in your records."),
        ));
    }
    Ok(())
}

/// The ids of the live projects with these titles (case ignored), in the order given.
/// An unknown title is refused with the titles that exist.
pub async fn project_ids_named(pool: &SqlitePool, titles: &[String]) -> CoreResult<Vec<i64>> {
    let mut ids = Vec::with_capacity(titles.len());
    for title in titles {
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM projects WHERE deleted_at IS NULL AND title = ? COLLATE NOCASE
             ORDER BY id LIMIT 1",
        )
        .bind(title.trim())
        .fetch_optional(pool)
        .await?;
        match id {
            Some(id) => ids.push(id),
            None => {
                return Err(CoreError::invalid(
                    "project",
                    format!("There is no project called \"{}\".", title.trim()),
                ))
            }
        }
    }
    Ok(ids)
}
