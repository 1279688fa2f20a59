//! Reflections: Gibbs, Rolfe, Kolb or free text; private unless the user says otherwise.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use super::choices::Template;
use super::list::{ListQuery, Where};
use super::validate::{self, MAX_TEXT};
use super::{from_json, tidy_list, to_json, Kind, Link, Query, RecordKind};
use crate::error::{CoreError, CoreResult};

/// A reflection, written to a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Reflection {
    /// Day (`YYYY-MM-DD`).
    pub date: String,
    /// A short name for it.
    pub title: String,
    /// The project it is about, if any.
    pub project_id: Option<i64>,
    /// The meeting it is about, if any.
    pub meeting_id: Option<i64>,
    /// The contribution it is about, if any.
    pub contribution_id: Option<i64>,
    /// Which template it follows.
    pub template: Template,
    /// The answers, by the template's keys (see `Template::prompts`).
    pub entries: BTreeMap<String, String>,
    /// How the user felt, 1 (low) to 5 (good).
    pub mood: Option<u8>,
    /// Private reflections never leave the app unless the user includes them in an export.
    pub private: bool,
    /// Ready to share as it is.
    pub share_ready: bool,
    /// Tags.
    pub tags: Vec<String>,
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

impl Kind for Reflection {
    const KIND: RecordKind = RecordKind::Reflection;
    const COLUMNS: &'static [&'static str] = &[
        "date",
        "title",
        "project_id",
        "meeting_id",
        "contribution_id",
        "template",
        "entries",
        "mood",
        "private",
        "share_ready",
        "tags",
    ];
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
        [
            self.project_id.map(|id| Link {
                field: "project_id",
                kind: RecordKind::Project,
                id,
            }),
            self.meeting_id.map(|id| Link {
                field: "meeting_id",
                kind: RecordKind::Meeting,
                id,
            }),
            self.contribution_id.map(|id| Link {
                field: "contribution_id",
                kind: RecordKind::Contribution,
                id,
            }),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    fn bind<'q>(&'q self, query: Query<'q>) -> Query<'q> {
        query
            .bind(&self.date)
            .bind(self.title.trim())
            .bind(self.project_id)
            .bind(self.meeting_id)
            .bind(self.contribution_id)
            .bind(self.template.as_str())
            .bind(to_json(&self.entries))
            .bind(self.mood)
            .bind(self.private)
            .bind(self.share_ready)
            .bind(to_json(&tidy_list(&self.tags)))
    }

    fn from_row(row: &SqliteRow) -> CoreResult<Self> {
        Ok(Reflection {
            date: row.try_get("date")?,
            title: row.try_get("title")?,
            project_id: row.try_get("project_id")?,
            meeting_id: row.try_get("meeting_id")?,
            contribution_id: row.try_get("contribution_id")?,
            template: Template::from_stored(row.try_get("template")?)?,
            entries: from_json(row.try_get("entries")?, "reflection entries")?,
            mood: row.try_get("mood")?,
            private: row.try_get("private")?,
            share_ready: row.try_get("share_ready")?,
            tags: from_json(row.try_get("tags")?, "tags")?,
        })
    }

    fn filter(query: &ListQuery, sql: &mut Where) -> CoreResult<()> {
        sql.project("project_id", query.project_id);
        sql.project("meeting_id", query.meeting_id);
        sql.tag(query.tag.as_deref());
        sql.choice(
            "kind",
            "template",
            query.kind.as_deref(),
            Template::parse,
            Template::as_str,
        )?;
        match query.status.as_deref().map(str::trim) {
            None | Some("") => {}
            Some("private") => sql.push("private = 1", []),
            Some("shareable") => sql.push("private = 0", []),
            Some("share_ready") => sql.push("share_ready = 1", []),
            Some(_) => {
                return Err(CoreError::invalid(
                    "status",
                    "Choose private, shareable or share_ready.",
                ))
            }
        }
        Ok(())
    }
}
