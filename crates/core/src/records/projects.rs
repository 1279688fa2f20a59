//! Projects, with the user's role, where they sit on the involvement spectrum and their dated
//! rate cards (entered by the user; the program has no rates of its own).

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::choices::{Approach, ProjectStatus};
use super::list::{ListQuery, Where};
use super::validate::{self, MAX_SHORT, MAX_TEXT};
use super::{from_json, tidy_list, to_json, Kind, Link, Query, RecordKind};
use crate::error::{CoreError, CoreResult};

/// Rates agreed for a project from a date on. Any rate may be left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct RateCard {
    /// First day these rates apply (`YYYY-MM-DD`).
    pub from: String,
    /// Pence per hour.
    pub per_hour_pence: Option<i64>,
    /// Pence per half day.
    pub per_half_day_pence: Option<i64>,
    /// Pence per day.
    pub per_day_pence: Option<i64>,
    /// What is paid for (meetings, preparation, travel time…), in the user's words.
    pub covers: String,
}

/// A research or service project the user is involved in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Project {
    /// Name of the project.
    pub title: String,
    /// Organisation or funder.
    pub organisation: String,
    /// The user's role in it, in their words.
    pub my_role: String,
    /// Where it sits on the involvement spectrum.
    pub approach: Approach,
    /// Planned, active, paused or finished.
    pub status: ProjectStatus,
    /// First day (`YYYY-MM-DD`).
    pub start_date: Option<String>,
    /// Last day (`YYYY-MM-DD`).
    pub end_date: Option<String>,
    /// The lead contact.
    pub lead_id: Option<i64>,
    /// Dated rate cards, oldest first.
    pub rate_cards: Vec<RateCard>,
    /// Anything else.
    pub notes: String,
    /// Tags.
    pub tags: Vec<String>,
}

impl RateCard {
    fn validate(&self) -> CoreResult<()> {
        validate::date("rate_cards", &self.from)?;
        let rates = [
            self.per_hour_pence,
            self.per_half_day_pence,
            self.per_day_pence,
        ];
        if rates.iter().all(Option::is_none) {
            return Err(CoreError::invalid(
                "rate_cards",
                "Each rate card needs at least one rate (per hour, half day or day).",
            ));
        }
        rates
            .into_iter()
            .flatten()
            .try_for_each(|p| validate::pence("rate_cards", p))?;
        validate::limit("rate_cards", &self.covers, MAX_SHORT)
    }
}

impl Project {
    /// The rate card in force on `date` (`YYYY-MM-DD`), if any.
    pub fn rate_on(&self, date: &str) -> Option<&RateCard> {
        self.rate_cards
            .iter()
            .filter(|c| c.from.as_str() <= date)
            .max_by(|a, b| a.from.cmp(&b.from))
    }
}

impl Kind for Project {
    const KIND: RecordKind = RecordKind::Project;
    const COLUMNS: &'static [&'static str] = &[
        "title",
        "organisation",
        "my_role",
        "approach",
        "status",
        "start_date",
        "end_date",
        "lead_id",
        "rate_cards",
        "notes",
        "tags",
    ];
    const DATE_COLUMN: Option<&'static str> = Some("start_date");
    const TITLE_COLUMN: &'static str = "title";

    fn validate(&self) -> CoreResult<()> {
        validate::required("title", &self.title, "the project's name")?;
        validate::limit("organisation", &self.organisation, MAX_SHORT)?;
        validate::limit("my_role", &self.my_role, MAX_SHORT)?;
        let start = validate::opt_date("start_date", self.start_date.as_deref())?;
        let end = validate::opt_date("end_date", self.end_date.as_deref())?;
        validate::not_before(
            "end_date",
            start,
            end,
            "The end date is before the start date.",
        )?;
        if self.rate_cards.len() > validate::MAX_ITEMS {
            return Err(CoreError::invalid("rate_cards", "Too many rate cards."));
        }
        self.rate_cards.iter().try_for_each(RateCard::validate)?;
        validate::limit("notes", &self.notes, MAX_TEXT)?;
        validate::tags(&self.tags)
    }

    fn links(&self) -> Vec<Link> {
        self.lead_id
            .map(|id| Link {
                field: "lead_id",
                kind: RecordKind::Person,
                id,
            })
            .into_iter()
            .collect()
    }

    fn bind<'q>(&'q self, query: Query<'q>) -> Query<'q> {
        let mut cards = self.rate_cards.clone();
        cards.sort_by(|a, b| a.from.cmp(&b.from));
        query
            .bind(self.title.trim())
            .bind(self.organisation.trim())
            .bind(self.my_role.trim())
            .bind(self.approach.as_str())
            .bind(self.status.as_str())
            .bind(self.start_date.as_deref())
            .bind(self.end_date.as_deref())
            .bind(self.lead_id)
            .bind(to_json(&cards))
            .bind(&self.notes)
            .bind(to_json(&tidy_list(&self.tags)))
    }

    fn from_row(row: &SqliteRow) -> CoreResult<Self> {
        Ok(Project {
            title: row.try_get("title")?,
            organisation: row.try_get("organisation")?,
            my_role: row.try_get("my_role")?,
            approach: Approach::from_stored(row.try_get("approach")?)?,
            status: ProjectStatus::from_stored(row.try_get("status")?)?,
            start_date: row.try_get("start_date")?,
            end_date: row.try_get("end_date")?,
            lead_id: row.try_get("lead_id")?,
            rate_cards: from_json(row.try_get("rate_cards")?, "rate cards")?,
            notes: row.try_get("notes")?,
            tags: from_json(row.try_get("tags")?, "tags")?,
        })
    }

    fn filter(query: &ListQuery, sql: &mut Where) -> CoreResult<()> {
        sql.tag(query.tag.as_deref());
        sql.choice(
            "kind",
            "approach",
            query.kind.as_deref(),
            Approach::parse,
            Approach::as_str,
        )?;
        sql.choice(
            "status",
            "status",
            query.status.as_deref(),
            ProjectStatus::parse,
            ProjectStatus::as_str,
        )
    }
}
