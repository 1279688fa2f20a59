//! Projects, with the user's role, where they sit on the involvement spectrum and their dated
//! rate cards (entered by the user; the program has no rates of its own).

use serde::{Deserialize, Serialize};
use specta::Type;

use super::choices::{Approach, Involvement, ProjectStatus};
use super::columns::record;
use super::list::{list_query, ListFilter, Where};
use super::validate::{self, MAX_SHORT, MAX_TEXT};
use super::{links_of, Link, Record, RecordKind};
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

record! {
    /// A research or service project the user is involved in.
    pub struct Project {
        /// Name of the project.
        pub title: String => trimmed,
        /// Organisation or funder.
        pub organisation: String => trimmed,
        /// The user's role in it, in their words.
        pub my_role: String => trimmed,
        /// "I take part" or "I run this" (lead tools show only on projects the user runs).
        #[serde(default)]
        pub involvement: Involvement => choice,
        /// Days after a session by which its "you said, we did" should have gone back
        /// (`None`: [`DEFAULT_FEEDBACK_DAYS`]).
        #[serde(default)]
        pub feedback_days: Option<i64> => value,
        /// Days after a session by which its participants should have been paid
        /// (`None`: [`DEFAULT_PAY_DAYS`]).
        #[serde(default)]
        pub pay_within_days: Option<i64> => value,
        /// The finance cost code its payments are charged to (run projects).
        #[serde(default)]
        pub cost_code: String => trimmed,
        /// Where it sits on the involvement spectrum.
        pub approach: Approach => choice,
        /// Planned, active, paused or finished.
        pub status: ProjectStatus => choice,
        /// First day (`YYYY-MM-DD`).
        pub start_date: Option<String> => optional_text,
        /// Last day (`YYYY-MM-DD`).
        pub end_date: Option<String> => optional_text,
        /// The lead contact.
        pub lead_id: Option<i64> => value,
        /// Dated rate cards, oldest first.
        pub rate_cards: Vec<RateCard> => rate_cards,
        /// Anything else.
        pub notes: String => value,
        /// Tags.
        pub tags: Vec<String> => text_list,
    }
    computed {}
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

/// Four weeks: how long after a session its feedback should go back, unless a project says.
pub const DEFAULT_FEEDBACK_DAYS: i64 = 28;

/// Thirty days: how long after a session its participants' payments may stay unpaid before a
/// reminder, unless a project says.
pub const DEFAULT_PAY_DAYS: i64 = 30;

impl Project {
    /// Whether the user runs this project (and so sees the lead tools on it).
    pub fn is_run(&self) -> bool {
        self.involvement == Involvement::Run
    }

    /// Days after a session by which its feedback should have gone back.
    pub fn feedback_within_days(&self) -> i64 {
        self.feedback_days.unwrap_or(DEFAULT_FEEDBACK_DAYS)
    }

    /// Days after a session by which its participants should have been paid.
    pub fn pay_within(&self) -> i64 {
        self.pay_within_days.unwrap_or(DEFAULT_PAY_DAYS)
    }

    /// The rate card in force on `date` (`YYYY-MM-DD`), if any.
    pub fn rate_on(&self, date: &str) -> Option<&RateCard> {
        self.rate_cards
            .iter()
            .filter(|c| c.from.as_str() <= date)
            .max_by(|a, b| a.from.cmp(&b.from))
    }
}

/// Rate cards, stored oldest first.
mod rate_cards {
    use super::RateCard;
    use crate::records::columns::json;
    use crate::records::Query;

    pub const STORED: bool = true;

    pub fn bind<'q>(query: Query<'q>, cards: &[RateCard]) -> Query<'q> {
        let mut cards = cards.to_vec();
        cards.sort_by(|a, b| a.from.cmp(&b.from));
        json::bind(query, &cards)
    }

    pub use json::read;
}

list_query!(
    /// Which projects a list shows.
    ProjectQuery {
        /// Only projects of this approach.
        approach: Option<Approach>,
        /// Only projects with this status.
        status: Option<ProjectStatus>,
        /// Only projects the user takes part in, or only those they run.
        involvement: Option<Involvement>,
    }
);

impl ListFilter for ProjectQuery {
    fn add_to(&self, sql: &mut Where) {
        sql.tag(self.list.tag.as_deref());
        sql.is("approach", self.approach);
        sql.is("status", self.status);
        sql.is("involvement", self.involvement);
    }
}

impl Record for Project {
    const KIND: RecordKind = RecordKind::Project;
    type Query = ProjectQuery;
    const DATE_COLUMN: Option<&'static str> = Some("start_date");
    const TITLE_COLUMN: &'static str = "title";

    fn validate(&self) -> CoreResult<()> {
        validate::required("title", &self.title, "the project's name")?;
        validate::limit("organisation", &self.organisation, MAX_SHORT)?;
        validate::limit("my_role", &self.my_role, MAX_SHORT)?;
        if self.feedback_days.is_some_and(|d| !(1..=365).contains(&d)) {
            return Err(CoreError::invalid(
                "feedback_days",
                "Feedback should go back within 1 to 365 days of a session.",
            ));
        }
        if self
            .pay_within_days
            .is_some_and(|d| !(1..=365).contains(&d))
        {
            return Err(CoreError::invalid(
                "pay_within_days",
                "Payments should be made within 1 to 365 days of a session.",
            ));
        }
        validate::limit("cost_code", &self.cost_code, MAX_SHORT)?;
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
        links_of([Link::to("lead_id", RecordKind::Person, self.lead_id)])
    }
}
