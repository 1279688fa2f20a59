//! People: attendees, action owners and project leads.

use super::choices::PersonRole;
use super::columns::record;
use super::list::{ListQuery, Where};
use super::validate::{self, MAX_SHORT, MAX_TEXT};
use super::{Link, Record, RecordKind};
use crate::error::{CoreError, CoreResult};

record! {
    /// A person the user works with (or the user themself).
    pub struct Person {
        /// Name as the user writes it.
        pub name: String => trimmed,
        /// Their roles.
        pub roles: Vec<PersonRole> => json,
        /// Where they work or who they represent.
        pub organisation: String => trimmed,
        /// How to reach them, anything worth remembering.
        pub notes: String => value,
    }
    computed {}
}

impl Record for Person {
    const KIND: RecordKind = RecordKind::Person;
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
