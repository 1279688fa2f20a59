//! Lists of records: filters, sort order and paging shared by every kind.

use serde::{Deserialize, Serialize};
use specta::Type;

use super::columns::StoredChoice;
use super::validate;
use crate::error::{CoreError, CoreResult};

/// Most records in one page.
pub const MAX_PAGE: u32 = 500;
/// Records in a page when the caller does not say.
pub const DEFAULT_PAGE: u32 = 50;

/// How a list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// By the record's date (newest first unless `descending` is false).
    Date,
    /// By title or name.
    Title,
    /// By when it was last changed.
    Updated,
}

/// What every list shares: where it is in the records, which dates, project, meeting and tag, in
/// which order. Each kind's own query (`ContributionQuery`…) holds this, flattened, beside the
/// kind's typed filters. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct ListQuery {
    /// Only records of this project.
    pub project_id: Option<i64>,
    /// Only records of this meeting (actions, contributions, reflections).
    pub meeting_id: Option<i64>,
    /// Only records on or after this date (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Only records on or before this date (`YYYY-MM-DD`).
    pub to: Option<String>,
    /// Only records with this tag.
    pub tag: Option<String>,
    /// Order (date, newest first, when the kind has dates; otherwise title).
    pub sort: Option<Sort>,
    /// Reverse the natural order of the sort.
    pub descending: Option<bool>,
    /// Records to skip.
    pub offset: Option<u32>,
    /// Records in the page (1 to 500, default 50).
    pub limit: Option<u32>,
}

/// A kind's list query holds the shared part (implemented by `list_query!`).
pub trait HasListQuery {
    /// What every list shares.
    fn common(&self) -> &ListQuery;
}

/// A kind's list query: the shared part and the kind's own typed filters.
pub trait ListFilter: HasListQuery + Send + Sync {
    /// Adds the kind's own filters to the WHERE clause.
    fn add_to(&self, sql: &mut Where);
}

/// Defines a kind's list query: [`ListQuery`] flattened, plus typed filters of its own.
macro_rules! list_query {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type,
        )]
        #[serde(default)]
        pub struct $name {
            /// What every list shares.
            #[serde(flatten)]
            pub list: $crate::records::list::ListQuery,
            $($(#[$fmeta])* pub $field: $ty,)*
        }

        impl $crate::records::list::HasListQuery for $name {
            fn common(&self) -> &$crate::records::list::ListQuery {
                &self.list
            }
        }

        impl From<$crate::records::list::ListQuery> for $name {
            fn from(list: $crate::records::list::ListQuery) -> Self {
                Self { list, ..Default::default() }
            }
        }
    };
}

pub(crate) use list_query;

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Page<T> {
    /// The records on this page.
    pub items: Vec<T>,
    /// Records skipped before this page.
    pub offset: u32,
    /// Whether another page follows.
    pub has_more: bool,
}

/// An argument bound into a WHERE clause.
#[derive(Debug, Clone)]
pub enum Arg {
    /// A whole number.
    Int(i64),
    /// Text.
    Text(String),
}

/// A WHERE clause under construction: conditions joined by AND, arguments in order.
#[derive(Debug, Default)]
pub struct Where {
    /// The conditions.
    pub clauses: Vec<String>,
    /// Arguments for the `?` in the conditions, in order.
    pub args: Vec<Arg>,
}

impl Where {
    /// Adds a condition with its arguments.
    pub fn push(&mut self, clause: impl Into<String>, args: impl IntoIterator<Item = Arg>) {
        self.clauses.push(clause.into());
        self.args.extend(args);
    }

    /// Adds "tag is one of this record's tags".
    pub fn tag(&mut self, tag: Option<&str>) {
        if let Some(tag) = tag.map(str::trim).filter(|t| !t.is_empty()) {
            self.push(
                "EXISTS (SELECT 1 FROM json_each(tags) WHERE value = ? COLLATE NOCASE)",
                [Arg::Text(tag.to_owned())],
            );
        }
    }

    /// Adds "column holds this id" (a project, a meeting…), when one is asked for.
    pub fn refers_to(&mut self, column: &str, id: Option<i64>) {
        if let Some(id) = id {
            self.push(format!("{column} = ?"), [Arg::Int(id)]);
        }
    }

    /// Adds "column holds this choice", when one is asked for.
    pub fn is<C: StoredChoice>(&mut self, column: &str, choice: Option<C>) {
        if let Some(choice) = choice {
            self.push(
                format!("{column} = ?"),
                [Arg::Text(choice.stored().to_owned())],
            );
        }
    }

    /// Adds "column is one of these ids" (nothing when `ids` is empty, meaning any).
    pub fn any_of(&mut self, column: &str, ids: &[i64]) {
        if !ids.is_empty() {
            self.push(
                format!("{column} IN (SELECT value FROM json_each(?))"),
                [Arg::Text(super::to_json(&ids))],
            );
        }
    }

    /// Binds the arguments, in order, to a query made from [`Where::sql`].
    pub fn bind<'q>(&'q self, mut query: super::Query<'q>) -> super::Query<'q> {
        for arg in &self.args {
            query = match arg {
                Arg::Int(v) => query.bind(*v),
                Arg::Text(v) => query.bind(v.as_str()),
            };
        }
        query
    }

    /// The clause as SQL (`1` when empty).
    pub fn sql(&self) -> String {
        if self.clauses.is_empty() {
            "1".into()
        } else {
            self.clauses.join(" AND ")
        }
    }
}

impl ListQuery {
    /// The page size asked for, within limits.
    pub fn limit(&self) -> CoreResult<u32> {
        match self.limit {
            None => Ok(DEFAULT_PAGE),
            Some(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
            Some(_) => Err(CoreError::invalid(
                "limit",
                format!("Ask for 1 to {MAX_PAGE} records at a time."),
            )),
        }
    }

    /// Adds the date range to `sql` for `column`, checking the dates.
    pub fn date_range(&self, column: Option<&str>, sql: &mut Where) -> CoreResult<()> {
        let from = validate::opt_date("from", self.from.as_deref())?;
        let to = validate::opt_date("to", self.to.as_deref())?;
        validate::not_before("to", from, to, "The end of the range is before its start.")?;
        if let Some(column) = column {
            if let Some(from) = &self.from {
                sql.push(format!("{column} >= ?"), [Arg::Text(from.clone())]);
            }
            if let Some(to) = &self.to {
                sql.push(format!("{column} <= ?"), [Arg::Text(to.clone())]);
            }
        }
        Ok(())
    }
}
