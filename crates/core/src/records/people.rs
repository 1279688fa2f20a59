//! People: attendees, action owners and project leads.

use super::choices::PersonRole;
use super::columns::record;
use super::list::{list_query, ListFilter, Where};
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

list_query!(
    /// Which people a list shows.
    PersonQuery {
        /// Only people with this role.
        role: Option<PersonRole>,
    }
);

impl ListFilter for PersonQuery {
    fn add_to(&self, sql: &mut Where) {
        if let Some(role) = self.role {
            sql.push(
                "EXISTS (SELECT 1 FROM json_each(roles) WHERE value = ?)",
                [super::list::Arg::Text(role.as_str().to_owned())],
            );
        }
    }
}

impl Record for Person {
    const KIND: RecordKind = RecordKind::Person;
    type Query = PersonQuery;
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
}
