//! People: attendees, action owners and project leads.

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::choices::PersonRole;
use super::list::{ListQuery, Where};
use super::validate::{self, MAX_SHORT, MAX_TEXT};
use super::{from_json, to_json, Kind, Link, Query, RecordKind};
use crate::error::{CoreError, CoreResult};

/// A person the user works with (or the user themself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Person {
    /// Name as the user writes it.
    pub name: String,
    /// Their roles.
    pub roles: Vec<PersonRole>,
    /// Where they work or who they represent.
    pub organisation: String,
    /// How to reach them, anything worth remembering.
    pub notes: String,
}

impl Kind for Person {
    const KIND: RecordKind = RecordKind::Person;
    const COLUMNS: &'static [&'static str] = &["name", "roles", "organisation", "notes"];
    const DATE_COLUMN: Option<&'static str> = None;
    const TITLE_COLUMN: &'static str = "name";

    fn validate(&self) -> CoreResult<()> {
        validate::required("name", &self.name, "a name")?;
        if self.roles.len() > PersonRole::ALL.len() {
            return Err(CoreError::invalid("roles", "Each role can be chosen once."));
        }
        validate::limit("organisation", &self.organisation, MAX_SHORT)?;
        validate::limit("notes", &self.notes, MAX_TEXT)
    }

    fn links(&self) -> Vec<Link> {
        Vec::new()
    }

    fn bind<'q>(&'q self, query: Query<'q>) -> Query<'q> {
        query
            .bind(self.name.trim())
            .bind(to_json(&self.roles))
            .bind(self.organisation.trim())
            .bind(&self.notes)
    }

    fn from_row(row: &SqliteRow) -> CoreResult<Self> {
        Ok(Person {
            name: row.try_get("name")?,
            roles: from_json(row.try_get("roles")?, "roles")?,
            organisation: row.try_get("organisation")?,
            notes: row.try_get("notes")?,
        })
    }

    fn filter(query: &ListQuery, sql: &mut Where) -> CoreResult<()> {
        if let Some(role) = query.kind.as_deref().filter(|t| !t.trim().is_empty()) {
            let role = PersonRole::parse(role)
                .ok_or_else(|| CoreError::invalid("kind", "That is not one of the roles."))?;
            sql.push(
                "EXISTS (SELECT 1 FROM json_each(roles) WHERE value = ?)",
                [super::list::Arg::Text(role.as_str().to_owned())],
            );
        }
        Ok(())
    }
}
