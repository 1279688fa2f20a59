//! The complete JSON export and its exact re-import into an empty vault.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::SqlitePool;

use super::{Counts, ImportReport, MAX_IMPORT_BYTES};
use crate::error::{CoreError, CoreResult};
use crate::records::preferences::{self, Preferences};
use crate::records::store::{self, insert_row};
use crate::records::{
    Action, Contribution, Meeting, Person, Project, Record, RecordKind, Reflection, Stored,
};

/// The `format` value of an Alongside JSON export.
pub const FORMAT: &str = "alongside-export";
/// The version of the export format this program writes and reads.
pub const VERSION: u32 = 1;

/// Everything in the vault, as written by `export --report all --format json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Everything {
    /// Always `alongside-export`.
    pub format: String,
    /// Format version.
    pub version: u32,
    /// When the export was made.
    pub exported_at: String,
    /// Whether private reflections were included.
    pub includes_private: bool,
    /// The user's preferences.
    pub preferences: Preferences,
    /// People.
    pub people: Vec<Stored<Person>>,
    /// Projects.
    pub projects: Vec<Stored<Project>>,
    /// Meetings and sessions.
    pub meetings: Vec<Stored<Meeting>>,
    /// Actions.
    pub actions: Vec<Stored<Action>>,
    /// Contributions with their expenses.
    pub contributions: Vec<Stored<Contribution>>,
    /// Reflections.
    pub reflections: Vec<Stored<Reflection>>,
}

impl Everything {
    /// How many of each kind it holds.
    pub fn counts(&self) -> Counts {
        let n = |len: usize| u32::try_from(len).unwrap_or(u32::MAX);
        Counts {
            people: n(self.people.len()),
            projects: n(self.projects.len()),
            meetings: n(self.meetings.len()),
            actions: n(self.actions.len()),
            contributions: n(self.contributions.len()),
            expenses: n(self
                .contributions
                .iter()
                .map(|c| c.data.expenses.len())
                .sum()),
            reflections: n(self.reflections.len()),
        }
    }
}

/// Reads every live record. Private reflections are left out unless `include_private`.
pub async fn export_all(pool: &SqlitePool, include_private: bool) -> CoreResult<Everything> {
    let prefs = preferences::load(pool).await?;
    // One read transaction, so the export is one consistent moment even while the app writes.
    let mut tx = pool.begin().await?;
    let mut reflections = store::all::<Reflection>(&mut tx).await?;
    if !include_private {
        reflections.retain(|r| !r.data.private);
    }
    let everything = Everything {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: store::now_stamp(),
        includes_private: include_private,
        preferences: prefs,
        people: store::all(&mut tx).await?,
        projects: store::all(&mut tx).await?,
        meetings: store::all(&mut tx).await?,
        actions: store::all(&mut tx).await?,
        contributions: store::all(&mut tx).await?,
        reflections,
    };
    tx.commit().await?;
    Ok(everything)
}

/// Checks one kind's records: ids unique and positive, fields valid, links inside the file.
fn check_kind<T: Record>(
    report: &mut ImportReport,
    name: &str,
    records: &[Stored<T>],
    known: &dyn Fn(RecordKind, i64) -> bool,
) {
    let mut ids = HashSet::new();
    for (i, r) in records.iter().enumerate() {
        let place = format!("{name}[{i}]");
        if r.id <= 0 || !ids.insert(r.id) {
            report.problem(
                None,
                format!("{place}.id"),
                "Each record needs its own positive id.",
            );
        }
        for stamp in [&r.created_at, &r.updated_at] {
            if chrono::DateTime::parse_from_rfc3339(stamp).is_err() {
                report.problem(
                    None,
                    place.clone(),
                    "A timestamp is not a valid date and time.",
                );
            }
        }
        if let Err(err) = r.data.validate() {
            let field = match &err {
                CoreError::InvalidInput { field: Some(f), .. } => format!("{place}.{f}"),
                _ => place.clone(),
            };
            report.problem(None, field, err.to_string());
        }
        for link in r.data.links() {
            if !known(link.kind, link.id) {
                report.problem(
                    None,
                    format!("{place}.{}", link.field),
                    format!("Refers to a {} that is not in the file.", link.kind.noun()),
                );
            }
        }
    }
}

/// Reads and checks an export file without touching the vault.
pub fn parse(bytes: &[u8], report: &mut ImportReport) -> Option<Everything> {
    if bytes.len() > MAX_IMPORT_BYTES {
        report.problem(
            None,
            "file",
            "The file is too large to import (over 256 MB).",
        );
        return None;
    }
    let everything: Everything = match serde_json::from_slice(bytes) {
        Ok(e) => e,
        Err(err) => {
            let line = u64::try_from(err.line()).ok().filter(|l| *l > 0);
            let message = if err.is_eof() {
                "The file ends too early: it may have been cut short while copying.".to_owned()
            } else if err.is_syntax() {
                "This is not a readable JSON file.".to_owned()
            } else {
                format!("This file is not an Alongside export, or it is damaged ({err}).")
            };
            report.problem(line, "file", message);
            return None;
        }
    };
    if everything.format != FORMAT {
        report.problem(None, "format", "This JSON file is not an Alongside export.");
        return None;
    }
    if everything.version != VERSION {
        report.problem(
            None,
            "version",
            format!(
                "This export is format version {}; this version of Alongside reads version {VERSION}.",
                everything.version
            ),
        );
        return None;
    }
    if let Err(err) = everything.preferences.validate() {
        report.problem(None, "preferences", err.to_string());
    }
    let ids_of = |kind: RecordKind| -> HashSet<i64> {
        match kind {
            RecordKind::Person => everything.people.iter().map(|r| r.id).collect(),
            RecordKind::Project => everything.projects.iter().map(|r| r.id).collect(),
            RecordKind::Meeting => everything.meetings.iter().map(|r| r.id).collect(),
            RecordKind::Action => everything.actions.iter().map(|r| r.id).collect(),
            RecordKind::Contribution => everything.contributions.iter().map(|r| r.id).collect(),
            RecordKind::Reflection => everything.reflections.iter().map(|r| r.id).collect(),
        }
    };
    let all_ids: Vec<(RecordKind, HashSet<i64>)> = RecordKind::ALL
        .into_iter()
        .map(|k| (k, ids_of(k)))
        .collect();
    let known = |kind: RecordKind, id: i64| {
        all_ids
            .iter()
            .any(|(k, ids)| *k == kind && ids.contains(&id))
    };
    check_kind(report, "people", &everything.people, &known);
    check_kind(report, "projects", &everything.projects, &known);
    check_kind(report, "meetings", &everything.meetings, &known);
    check_kind(report, "actions", &everything.actions, &known);
    check_kind(report, "contributions", &everything.contributions, &known);
    check_kind(report, "reflections", &everything.reflections, &known);
    report.counts = everything.counts();
    Some(everything)
}

async fn insert_all<T: Record>(
    conn: &mut sqlx::SqliteConnection,
    records: &[Stored<T>],
) -> CoreResult<()> {
    for r in records {
        insert_row(conn, Some(r.id), &r.created_at, &r.updated_at, &r.data).await?;
    }
    Ok(())
}

/// Imports an export file into an empty vault, keeping every id and timestamp, so exporting
/// again gives the same records. Nothing is written when there is any problem or on a dry run.
pub async fn import(pool: &SqlitePool, bytes: &[u8], dry_run: bool) -> CoreResult<ImportReport> {
    let mut report = ImportReport::new(dry_run);
    let parsed = parse(bytes, &mut report);
    let mut tx = store::write_tx(pool).await?;
    if store::count_all(&mut tx).await? > 0 {
        report.problem(
            None,
            "vault",
            "This vault already holds records. A JSON export is imported into an empty vault; \
             to add a spreadsheet of contributions, import a CSV file instead.",
        );
    }
    let Some(everything) = parsed.filter(|_| report.is_clean() && !dry_run) else {
        return Ok(report);
    };
    // Foreign keys are checked as rows go in, so kinds go in the order they refer to each other.
    insert_all(&mut tx, &everything.people).await?;
    insert_all(&mut tx, &everything.projects).await?;
    insert_all(&mut tx, &everything.meetings).await?;
    insert_all(&mut tx, &everything.actions).await?;
    insert_all(&mut tx, &everything.contributions).await?;
    insert_all(&mut tx, &everything.reflections).await?;
    sqlx::query(
        "INSERT INTO settings (key, value, updated_at) VALUES ('preferences', ?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )
    .bind(crate::records::to_json(&everything.preferences))
    .bind(store::now_stamp())
    .execute(&mut *tx)
    .await?;
    crate::records::search::optimise(&mut tx).await?;
    tx.commit().await?;
    report.written = true;
    Ok(report)
}
