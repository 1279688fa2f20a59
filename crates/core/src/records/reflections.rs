//! Reflections: Gibbs, Rolfe, Kolb or free text; private unless the user says otherwise.

use std::collections::BTreeMap;

use super::choices::Template;
use super::columns::record;
use super::list::{list_query, ListFilter, Where};
use super::validate::{self, MAX_TEXT};
use super::{links_of, Link, Record, RecordKind};
use crate::error::{CoreError, CoreResult};

record! {
    /// A reflection, written to a template.
    pub struct Reflection {
        /// Day (`YYYY-MM-DD`).
        pub date: String => value,
        /// A short name for it.
        pub title: String => trimmed,
        /// The project it is about, if any.
        pub project_id: Option<i64> => value,
        /// The meeting it is about, if any.
        pub meeting_id: Option<i64> => value,
        /// The contribution it is about, if any.
        pub contribution_id: Option<i64> => value,
        /// Which template it follows.
        pub template: Template => choice,
        /// The answers, by the template's keys (see `Template::prompts`).
        pub entries: BTreeMap<String, String> => json,
        /// How the user felt, 1 (low) to 5 (good).
        pub mood: Option<u8> => value,
        /// Private reflections never leave the app unless the user includes them in an export.
        pub private: bool => value,
        /// Ready to share as it is.
        pub share_ready: bool => value,
        /// Tags.
        pub tags: Vec<String> => text_list,
    }
    computed {}
}

impl Reflection {
    /// The answers in the template's order with their prompts, skipping empty ones.
    pub fn answered(&self) -> Vec<(&'static str, &str)> {
        self.template
            .prompts()
            .iter()
            .filter_map(|(key, prompt)| {
                self.entries
                    .get(*key)
                    .map(String::as_str)
                    .filter(|t| !t.trim().is_empty())
                    .map(|t| (*prompt, t))
            })
            .collect()
    }
}

/// Which reflections by how they may be shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Sharing {
    /// Private ones.
    Private,
    /// Ones that are not private.
    Shareable,
    /// Ones marked ready to share as they are.
    ShareReady,
}

list_query!(
    /// Which reflections a list shows.
    ReflectionQuery {
        /// Only reflections written to this template.
        template: Option<Template>,
        /// Only private, shareable or ready-to-share reflections.
        sharing: Option<Sharing>,
    }
);

impl ListFilter for ReflectionQuery {
    fn add_to(&self, sql: &mut Where) {
        sql.refers_to("project_id", self.list.project_id);
        sql.refers_to("meeting_id", self.list.meeting_id);
        sql.tag(self.list.tag.as_deref());
        sql.is("template", self.template);
        match self.sharing {
            None => {}
            Some(Sharing::Private) => sql.push("private = 1", []),
            Some(Sharing::Shareable) => sql.push("private = 0", []),
            Some(Sharing::ShareReady) => sql.push("share_ready = 1", []),
        }
    }
}

impl Record for Reflection {
    const KIND: RecordKind = RecordKind::Reflection;
    type Query = ReflectionQuery;
    const DATE_COLUMN: Option<&'static str> = Some("date");
    const TITLE_COLUMN: &'static str = "title";

    fn validate(&self) -> CoreResult<()> {
        validate::date("date", &self.date)?;
        validate::required("title", &self.title, "a short title")?;
        let keys: Vec<&str> = self.template.prompts().iter().map(|(k, _)| *k).collect();
        if let Some(unknown) = self.entries.keys().find(|k| !keys.contains(&k.as_str())) {
            return Err(CoreError::invalid(
                "entries",
                format!(
                    "\"{unknown}\" is not part of the {} template.",
                    self.template.label()
                ),
            ));
        }
        self.entries
            .iter()
            .try_for_each(|(key, text)| validate::limit(key, text, MAX_TEXT))?;
        validate::rating("mood", self.mood)?;
        validate::tags(&self.tags)
    }

    fn links(&self) -> Vec<Link> {
        links_of([
            Link::to("project_id", RecordKind::Project, self.project_id),
            Link::to("meeting_id", RecordKind::Meeting, self.meeting_id),
            Link::to(
                "contribution_id",
                RecordKind::Contribution,
                self.contribution_id,
            ),
        ])
    }
}
