//! People: attendees, action owners and project leads.

use super::choices::{AccessNeed, FeeArrangement, PersonRole};
use super::columns::record;
use super::list::{list_query, ListFilter, Where};
use super::validate::{self, MAX_SHORT, MAX_TEXT};
use super::{Link, Record, RecordKind};
use crate::error::{CoreError, CoreResult};

record! {
    /// A person the user works with (or the user themself); on projects the user runs, a
    /// participant with access needs, a payment preference and a date to keep details until.
    pub struct Person {
        /// Name as the user writes it.
        pub name: String => trimmed,
        /// What they like to be called, if not their name.
        #[serde(default)]
        pub preferred_name: String => trimmed,
        /// Pronouns (optional).
        #[serde(default)]
        pub pronouns: String => trimmed,
        /// Their roles.
        pub roles: Vec<PersonRole> => json,
        /// Where they work or who they represent.
        pub organisation: String => trimmed,
        /// How to reach them (optional).
        #[serde(default)]
        pub contact: String => value,
        /// What they need to take part.
        #[serde(default)]
        pub access_needs: Vec<AccessNeed> => json,
        /// The "other" access need, in words.
        #[serde(default)]
        pub access_other: String => trimmed,
        /// How they want to be paid.
        #[serde(default)]
        pub payment_preference: Option<FeeArrangement> => optional_choice,
        /// Keep their details until (`YYYY-MM-DD`), as agreed with them.
        #[serde(default)]
        pub keep_until: Option<String> => optional_text,
        /// Anything worth remembering.
        pub notes: String => value,
    }
    computed {}
}

list_query!(
    /// Which people a list shows.
    PersonQuery {
        /// Only people with this role.
        role: Option<PersonRole>,
        /// Only people whose name, preferred name or organisation contains this (case ignored).
        name: Option<String>,
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
        if let Some(text) = self
            .name
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            // LIKE's own wildcards in what was typed are matched as themselves.
            let escaped = text
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            let pattern = format!("%{escaped}%");
            sql.push(
                "(name LIKE ? ESCAPE '\\' OR preferred_name LIKE ? ESCAPE '\\' OR organisation LIKE ? ESCAPE '\\')",
                [0, 1, 2].map(|_| super::list::Arg::Text(pattern.clone())),
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
        validate::limit("name", &self.name, MAX_SHORT)?;
        validate::limit("preferred_name", &self.preferred_name, MAX_SHORT)?;
        validate::limit("pronouns", &self.pronouns, MAX_SHORT)?;
        validate::limit("organisation", &self.organisation, MAX_SHORT)?;
        validate::limit("contact", &self.contact, MAX_TEXT)?;
        if self.access_needs.len() > AccessNeed::ALL.len() {
            return Err(CoreError::invalid(
                "access_needs",
                "Each access need can be chosen once.",
            ));
        }
        validate::limit("access_other", &self.access_other, MAX_SHORT)?;
        validate::opt_date("keep_until", self.keep_until.as_deref())?;
        validate::limit("notes", &self.notes, MAX_TEXT)
    }

    fn links(&self) -> Vec<Link> {
        Vec::new()
    }
}
