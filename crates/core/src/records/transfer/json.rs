//! The complete JSON export and its exact re-import into an empty vault.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

use super::{Counts, ImportReport, MAX_IMPORT_BYTES};
use crate::error::{CoreError, CoreResult};
use crate::records::attachments::{self, transfer::AttachmentFile};
use crate::records::choices::{AttendanceStatus, PersonRole};
use crate::records::preferences::{self, Preferences};
use crate::records::store::{self, insert_row};
use crate::records::{
    Action, Consent, Contribution, FeedbackItem, Meeting, Payment, Person, Project, Record,
    RecordKind, Reflection, Stored, Voice,
};

/// The `format` value of an Alongside JSON export.
pub const FORMAT: &str = "alongside-export";
/// The version of the export format this program writes (docs/export-format.md).
pub const VERSION: u32 = 2;
/// The oldest version it reads (version 1 had no global ids; they are made on import).
pub const OLDEST_VERSION: u32 = 1;

/// A lead-side record as one flat row: its ids, its fields, and the global ids of the records
/// it refers to, so another vault can match them. On import the integer ids are used; the uids
/// say the same thing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "LinkedRow<T>", into = "LinkedRow<T>")]
#[serde(bound(
    serialize = "T: Serialize + Clone",
    deserialize = "T: Deserialize<'de>"
))]
pub struct Linked<T> {
    /// The record.
    pub record: Stored<T>,
    /// Links by global id.
    pub links: UidLinks,
}

/// How a [`Linked`] row is written: the record's ids and fields side by side with its links.
#[derive(Serialize, Deserialize)]
struct LinkedRow<T> {
    id: i64,
    #[serde(default)]
    uid: String,
    created_at: String,
    updated_at: String,
    #[serde(flatten)]
    data: T,
    #[serde(flatten)]
    links: UidLinks,
}

impl<T> From<LinkedRow<T>> for Linked<T> {
    fn from(row: LinkedRow<T>) -> Self {
        Linked {
            record: Stored {
                id: row.id,
                uid: row.uid,
                created_at: row.created_at,
                updated_at: row.updated_at,
                data: row.data,
            },
            links: row.links,
        }
    }
}

impl<T> From<Linked<T>> for LinkedRow<T> {
    fn from(l: Linked<T>) -> Self {
        LinkedRow {
            id: l.record.id,
            uid: l.record.uid,
            created_at: l.record.created_at,
            updated_at: l.record.updated_at,
            data: l.record.data,
            links: l.links,
        }
    }
}

/// The global ids a lead-side row refers to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UidLinks {
    /// The session it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_uid: Option<String>,
    /// The person it is about or from (`null` for "a participant").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_uid: Option<String>,
    /// The voices an item answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub voice_uids: Vec<String>,
    /// For voices: said by "a participant", with no person recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymous: Option<bool>,
}

/// A line of an attendance register, listed flat (written from the meetings' `attendees`,
/// which are what an import reads).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceRow {
    /// Global id of the line.
    pub uid: String,
    /// The session.
    pub meeting_uid: String,
    /// The person.
    pub person_uid: String,
    /// The role they came in.
    pub role: PersonRole,
    /// Invited, attended, apologies…
    pub status: AttendanceStatus,
}

/// Everything in the vault, as written by `export --report all --format json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// Every session's register, flat.
    #[serde(default)]
    pub attendance: Vec<AttendanceRow>,
    /// The consent ledger.
    #[serde(default)]
    pub consents: Vec<Linked<Consent>>,
    /// What participants said (`anonymous` is true for "a participant").
    #[serde(default)]
    pub voices: Vec<Linked<Voice>>,
    /// "You said, we did" items.
    #[serde(default)]
    pub you_said_we_did: Vec<Linked<FeedbackItem>>,
    /// Payment lines to participants (one per person per session).
    #[serde(default)]
    pub payments: Vec<Linked<Payment>>,
    /// Attached files, their bytes in base64.
    #[serde(default)]
    pub attachments: Vec<AttachmentFile>,
}

impl Everything {
    /// The ids of the contributions, meetings and reflections in the file by global id, when
    /// any file is attached (the only use).
    fn owner_index(&self) -> std::collections::HashMap<(RecordKind, &str), i64> {
        if self.attachments.is_empty() {
            return std::collections::HashMap::new();
        }
        fn index<T>(
            kind: RecordKind,
            records: &[Stored<T>],
        ) -> impl Iterator<Item = ((RecordKind, &str), i64)> {
            records.iter().map(move |r| ((kind, r.uid.as_str()), r.id))
        }
        index(RecordKind::Contribution, &self.contributions)
            .chain(index(RecordKind::Meeting, &self.meetings))
            .chain(index(RecordKind::Reflection, &self.reflections))
            .collect()
    }

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
            consents: n(self.consents.len()),
            voices: n(self.voices.len()),
            feedback: n(self.you_said_we_did.len()),
            payments: n(self.payments.len()),
            attachments: n(self.attachments.len()),
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
    let people: Vec<Stored<Person>> = store::all(&mut tx).await?;
    let meetings: Vec<Stored<Meeting>> = store::all(&mut tx).await?;
    let consents = store::all::<Consent>(&mut tx).await?;
    let voices = store::all::<Voice>(&mut tx).await?;
    let items = store::all::<FeedbackItem>(&mut tx).await?;
    let payments = store::all::<Payment>(&mut tx).await?;
    let uids = Uids::new(&people, &meetings, &voices);
    let attachments = attachments::transfer::export(&mut tx, include_private).await?;
    let everything = Everything {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: store::now_stamp(),
        includes_private: include_private,
        preferences: prefs,
        projects: store::all(&mut tx).await?,
        actions: store::all(&mut tx).await?,
        contributions: store::all(&mut tx).await?,
        reflections,
        attendance: uids.attendance(&meetings),
        consents: consents
            .into_iter()
            .map(|c| {
                let (m, p) = (c.data.meeting_id, c.data.person_id);
                uids.linked(c, m, Some(p), &[])
            })
            .collect(),
        voices: voices
            .into_iter()
            .map(|v| {
                let (m, p) = (v.data.meeting_id, v.data.person_id);
                let mut linked = uids.linked(v, m, p, &[]);
                linked.links.anonymous = Some(p.is_none());
                linked
            })
            .collect(),
        you_said_we_did: items
            .into_iter()
            .map(|i| {
                let (m, v) = (i.data.meeting_id, i.data.voice_ids.clone());
                uids.linked(i, m, None, &v)
            })
            .collect(),
        payments: payments
            .into_iter()
            .map(|p| {
                let (m, who) = (p.data.meeting_id, p.data.person_id);
                uids.linked(p, m, Some(who), &[])
            })
            .collect(),
        people,
        meetings,
        attachments,
    };
    tx.commit().await?;
    Ok(everything)
}

/// The global ids of people, meetings and voices, by integer id.
struct Uids {
    people: std::collections::HashMap<i64, String>,
    meetings: std::collections::HashMap<i64, String>,
    voices: std::collections::HashMap<i64, String>,
}

impl Uids {
    fn new(
        people: &[Stored<Person>],
        meetings: &[Stored<Meeting>],
        voices: &[Stored<Voice>],
    ) -> Self {
        fn map<T>(records: &[Stored<T>]) -> std::collections::HashMap<i64, String> {
            records.iter().map(|r| (r.id, r.uid.clone())).collect()
        }
        Uids {
            people: map(people),
            meetings: map(meetings),
            voices: map(voices),
        }
    }

    fn linked<T>(
        &self,
        record: Stored<T>,
        meeting: i64,
        person: Option<i64>,
        voices: &[i64],
    ) -> Linked<T> {
        Linked {
            links: UidLinks {
                meeting_uid: self.meetings.get(&meeting).cloned(),
                person_uid: person.and_then(|p| self.people.get(&p).cloned()),
                voice_uids: voices
                    .iter()
                    .filter_map(|v| self.voices.get(v).cloned())
                    .collect(),
                anonymous: None,
            },
            record,
        }
    }

    fn attendance(&self, meetings: &[Stored<Meeting>]) -> Vec<AttendanceRow> {
        meetings
            .iter()
            .flat_map(|m| {
                m.data.attendees.iter().filter_map(|a| {
                    Some(AttendanceRow {
                        uid: a.uid.clone()?,
                        meeting_uid: m.uid.clone(),
                        person_uid: self.people.get(&a.person_id)?.clone(),
                        role: a.role,
                        status: a.status,
                    })
                })
            })
            .collect()
    }
}

/// Checks one kind's records: ids unique and positive, fields valid, links inside the file.
fn check_kind<'a, T: Record>(
    report: &mut ImportReport,
    name: &str,
    records: impl IntoIterator<Item = &'a Stored<T>>,
    known: &dyn Fn(RecordKind, i64) -> bool,
    uids: &mut HashSet<String>,
) {
    let mut ids = HashSet::new();
    for (i, r) in records.into_iter().enumerate() {
        let place = format!("{name}[{i}]");
        if r.id <= 0 || !ids.insert(r.id) {
            report.problem(
                None,
                format!("{place}.id"),
                "Each record needs its own positive id.",
            );
        }
        if !r.uid.is_empty() {
            if let Err(err) = crate::records::uid::check("uid", &r.uid) {
                report.problem(None, format!("{place}.uid"), err.to_string());
            } else if !uids.insert(r.uid.clone()) {
                report.problem(
                    None,
                    format!("{place}.uid"),
                    "Two records in the file have the same global id (uid).",
                );
            }
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
    let mut everything: Everything = match serde_json::from_slice(bytes) {
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
    if !(OLDEST_VERSION..=VERSION).contains(&everything.version) {
        report.problem(
            None,
            "version",
            format!(
                "This export is format version {}; this version of Alongside reads versions \
                 {OLDEST_VERSION} to {VERSION}.",
                everything.version
            ),
        );
        return None;
    }
    if everything.version == 1 {
        everything.you_said_we_did = version_1_feedback(bytes);
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
            RecordKind::Consent => everything.consents.iter().map(|r| r.record.id).collect(),
            RecordKind::Voice => everything.voices.iter().map(|r| r.record.id).collect(),
            RecordKind::Feedback => everything
                .you_said_we_did
                .iter()
                .map(|r| r.record.id)
                .collect(),
            RecordKind::Payment => everything.payments.iter().map(|r| r.record.id).collect(),
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
    let mut uids = HashSet::new();
    let u = &mut uids;
    check_kind(report, "people", &everything.people, &known, u);
    check_kind(report, "projects", &everything.projects, &known, u);
    check_kind(report, "meetings", &everything.meetings, &known, u);
    check_kind(report, "actions", &everything.actions, &known, u);
    check_kind(
        report,
        "contributions",
        &everything.contributions,
        &known,
        u,
    );
    check_kind(report, "reflections", &everything.reflections, &known, u);
    check_kind(
        report,
        "consents",
        everything.consents.iter().map(|r| &r.record),
        &known,
        u,
    );
    check_kind(
        report,
        "voices",
        everything.voices.iter().map(|r| &r.record),
        &known,
        u,
    );
    check_kind(
        report,
        "you_said_we_did",
        everything.you_said_we_did.iter().map(|r| &r.record),
        &known,
        u,
    );
    check_kind(
        report,
        "payments",
        everything.payments.iter().map(|r| &r.record),
        &known,
        u,
    );
    let owners = everything.owner_index();
    attachments::transfer::check(
        &everything.attachments,
        &|kind, uid| owners.get(&(kind, uid)).copied(),
        report,
    );
    report.counts = everything.counts();
    Some(everything)
}

/// A version 1 file kept "you said, we did" as one free text per meeting; each becomes one item
/// ("we did"), as the upgrade of a vault does.
fn version_1_feedback(bytes: &[u8]) -> Vec<Linked<FeedbackItem>> {
    let Ok(raw) = serde_json::from_slice::<serde_json::Value>(bytes) else {
        return Vec::new();
    };
    let meetings = raw["meetings"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    meetings
        .iter()
        .filter_map(|m| {
            let text = m["data"]["you_said_we_did"].as_str()?.trim();
            let stamp = |k: &str| m[k].as_str().unwrap_or_default().to_owned();
            (!text.is_empty()).then(|| {
                (
                    m["id"].as_i64(),
                    text.to_owned(),
                    stamp("created_at"),
                    stamp("updated_at"),
                )
            })
        })
        .enumerate()
        .filter_map(|(i, (meeting, text, created_at, updated_at))| {
            Some(Linked {
                record: Stored {
                    id: i64::try_from(i).ok()? + 1,
                    uid: String::new(),
                    created_at,
                    updated_at,
                    data: FeedbackItem {
                        meeting_id: meeting?,
                        we_did: text,
                        ..Default::default()
                    },
                },
                links: UidLinks::default(),
            })
        })
        .collect()
}

async fn insert_all<'a, T: Record>(
    conn: &mut sqlx::SqliteConnection,
    records: impl IntoIterator<Item = &'a Stored<T>>,
) -> CoreResult<()> {
    for r in records {
        // A version 1 file has no global ids: new ones are made.
        let uid = Some(r.uid.as_str()).filter(|u| !u.is_empty());
        insert_row(conn, Some(r.id), uid, &r.created_at, &r.updated_at, &r.data).await?;
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
            "There are records here already. A complete export (JSON) goes only into an empty \
             Alongside; to add a spreadsheet of contributions, import a CSV or Excel file instead.",
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
    insert_all(&mut tx, everything.consents.iter().map(|r| &r.record)).await?;
    insert_all(&mut tx, everything.voices.iter().map(|r| &r.record)).await?;
    insert_all(
        &mut tx,
        everything.you_said_we_did.iter().map(|r| &r.record),
    )
    .await?;
    insert_all(&mut tx, everything.payments.iter().map(|r| &r.record)).await?;
    let owners = everything.owner_index();
    attachments::transfer::import(&mut tx, &everything.attachments, &|kind, uid| {
        owners.get(&(kind, uid)).copied()
    })
    .await?;
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
