//! Receiving: a `.alongside` file is opened into the Inbox, never merged silently. Opening shows
//! who it is from (a checked contact, an unchecked one, or an unknown key), what is inside and
//! exactly what would change; the person then adds it, keeps it as a read-only copy, or ignores
//! it. The changes listed are worked out by making them in a transaction that is rolled back, so
//! the list and what "Add" does are the same code. Opening the same file again changes nothing.

use crate::words::count;
use age::secrecy::SecretString;
use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::{Row, SqliteConnection, SqlitePool};

use super::contacts;
use super::envelope;
use super::identity::{self, PublicIdentity};
use super::payload::*;
use super::readable::yes_no;
use crate::error::{CoreError, CoreResult};
pub use crate::records::choices::Decision;
use crate::records::choices::{Approach, CheckedHow, ConsentHow, Involvement, ProjectStatus};
use crate::records::store::{fetch, insert_row, now_stamp, replace_row, write_tx};
use crate::records::{
    Consent, Contribution, FeedbackItem, Meeting, Project, Record, RecordKind, Voice,
};

/// How far the sender is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "trust", rename_all = "snake_case")]
pub enum Sender {
    /// A contact whose sharing code was checked.
    Checked {
        /// The contact's name here.
        person: String,
        /// How.
        how: CheckedHow,
        /// When.
        on: Option<String>,
    },
    /// A contact whose code has not been checked.
    NotChecked {
        /// The contact's name here.
        person: String,
    },
    /// A key no contact here has (whatever name the file gives).
    Unknown,
    /// This vault sent it.
    Yourself,
}

impl Sender {
    /// In plain words, for a list.
    pub fn describe(&self, identity: &PublicIdentity) -> String {
        match self {
            Sender::Checked { person, how, on } => format!(
                "{person} (✓ {}{})",
                how.label().to_lowercase(),
                on.as_deref()
                    .map(|d| format!(" on {d}"))
                    .unwrap_or_default()
            ),
            Sender::NotChecked { person } => format!("{person} (sharing code not checked)"),
            Sender::Unknown => format!(
                "\"{}\" — an unknown key, not one of your contacts",
                identity.name
            ),
            Sender::Yourself => "you".into(),
        }
    }
}

/// A file as opened: who it is from, what it holds and what it would change (or changed).
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Opened {
    /// The file's own id.
    pub envelope_id: String,
    /// The kind of content.
    pub kind: String,
    /// What it is, in a few words.
    pub description: String,
    /// The sender as the file names them.
    pub sender: PublicIdentity,
    /// The sender's sharing code.
    pub sender_code: String,
    /// How far the sender is known here.
    pub trust: Sender,
    /// When it was made.
    pub made_at: String,
    /// The sender asks that it be deleted after this day.
    pub delete_after: Option<String>,
    /// Whether it was a passphrase file.
    pub by_passphrase: bool,
    /// The changes, one per line (made, when `decision` is `added`).
    pub changes: Vec<String>,
    /// What was decided now (`None`: only looked at).
    pub decision: Option<Decision>,
    /// When the same file was opened before: the day and what was decided then.
    pub opened_before: Option<(String, Decision)>,
    /// The readable copy it carries.
    pub readable_html: String,
}

/// Reads an `.alongside` file from disk, refusing one larger than any such file can be before
/// reading it.
pub fn read_file(path: &std::path::Path) -> CoreResult<Vec<u8>> {
    let size = std::fs::metadata(path)?.len();
    if size > envelope::MAX_FILE_BYTES as u64 {
        return Err(CoreError::invalid(
            "file",
            "This file is larger than any Alongside file can be, so it was not opened.",
        ));
    }
    Ok(std::fs::read(path)?)
}

/// Checks a file and lists what it would change; with `decision`, also acts on it. Nothing is
/// written for a file that is damaged, forged, addressed to someone else, of an unknown
/// version, or opened before.
pub async fn open(
    pool: &SqlitePool,
    bytes: &[u8],
    passphrase: Option<&SecretString>,
    decision: Option<Decision>,
) -> CoreResult<Opened> {
    let me = identity::own(pool).await?;
    let unsealed = envelope::unseal(bytes, me.as_ref(), passphrase)?;
    let claimed = claimed_sender(&unsealed.payload)?;
    unsealed.verify(&claimed.verifying_key().map_err(|_| envelope::damaged())?)?;
    let payload = Payload::parse(&unsealed.payload)?;
    let sender_fp = payload.sender.fingerprint();
    let mine = me.as_ref().map(|m| m.public.fingerprint());
    let from_me = mine.as_deref() == Some(sender_fp.as_str());
    if !unsealed.by_passphrase && !from_me {
        let addressed = mine
            .as_deref()
            .is_some_and(|m| payload.recipients.iter().any(|r| r.fingerprint == m));
        if !addressed {
            return Err(CoreError::NotAddressed(
                "This file was addressed to other people, so it was not opened.".into(),
            ));
        }
    }
    let contact = contacts::by_fingerprint(pool, &sender_fp).await?;
    let trust = match (&contact, from_me) {
        (_, true) => Sender::Yourself,
        (Some(c), _) if c.checked_how != CheckedHow::NotChecked => Sender::Checked {
            person: c.person_name.clone(),
            how: c.checked_how,
            on: c.checked_on.clone(),
        },
        (Some(c), _) => Sender::NotChecked {
            person: c.person_name.clone(),
        },
        (None, _) => Sender::Unknown,
    };
    let mut opened = Opened {
        envelope_id: payload.id.clone(),
        kind: payload.content.kind().into(),
        description: payload.content.describe(),
        sender_code: payload.sender.sharing_code(),
        sender: payload.sender.clone(),
        trust,
        made_at: payload.created_at.clone(),
        delete_after: payload.delete_after.clone(),
        by_passphrase: unsealed.by_passphrase,
        changes: Vec::new(),
        decision: None,
        opened_before: None,
        readable_html: unsealed.readable.clone(),
    };
    if let Some(before) = opened_before(pool, &payload.id).await? {
        opened.opened_before = Some(before);
        return Ok(opened);
    }
    let person_id = contact.as_ref().map(|c| c.person_id);
    let row = ReceivedRow {
        payload: &payload,
        json: String::from_utf8_lossy(&unsealed.payload).into_owned(),
        person_id,
    };
    let mut tx = write_tx(pool).await?;
    let received_id = row.insert(&mut tx, Decision::Added).await?;
    let whom = Whom {
        received_id,
        person_id,
        sender: &opened.sender.name,
        day: payload.created_at.get(..10).unwrap_or_default(),
    };
    opened.changes = make_changes(&mut tx, &payload.content, &whom).await?;
    match decision {
        Some(Decision::Added) => tx.commit().await?,
        Some(other) => {
            tx.rollback().await?;
            let mut tx = write_tx(pool).await?;
            row.insert(&mut tx, other).await?;
            tx.commit().await?;
        }
        None => tx.rollback().await?,
    }
    opened.decision = decision;
    Ok(opened)
}

/// The Inbox row of a file, written with the decision made on it (an ignored file keeps no
/// content, only who sent what and when).
struct ReceivedRow<'a> {
    payload: &'a Payload,
    json: String,
    person_id: Option<i64>,
}

impl ReceivedRow<'_> {
    async fn insert(&self, conn: &mut SqliteConnection, decision: Decision) -> CoreResult<i64> {
        let p = self.payload;
        let kept = if decision == Decision::Ignored {
            ""
        } else {
            self.json.as_str()
        };
        Ok(sqlx::query(
            "INSERT INTO received (envelope_id, kind, sender_name, sender_fingerprint, person_id,
                made_at, opened_at, decision, delete_after, payload, replies_to)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&p.id)
        .bind(p.content.kind())
        .bind(&p.sender.name)
        .bind(p.sender.fingerprint())
        .bind(self.person_id)
        .bind(&p.created_at)
        .bind(now_stamp())
        .bind(decision.as_str())
        .bind(&p.delete_after)
        .bind(kept)
        .bind(p.content.replies_to())
        .execute(&mut *conn)
        .await?
        .last_insert_rowid())
    }
}

fn claimed_sender(payload: &[u8]) -> CoreResult<PublicIdentity> {
    #[derive(Deserialize)]
    struct Claim {
        sender: PublicIdentity,
    }
    serde_json::from_slice::<Claim>(payload)
        .map(|c| c.sender)
        .map_err(|_| envelope::damaged())
}

async fn opened_before(pool: &SqlitePool, id: &str) -> CoreResult<Option<(String, Decision)>> {
    let row = sqlx::query("SELECT opened_at, decision FROM received WHERE envelope_id = ?")
        .bind(id)
        .fetch_optional(pool)
        .await?;
    let Some(r) = row else {
        return Ok(None);
    };
    let at: String = r.try_get("opened_at")?;
    let decision: String = r.try_get("decision")?;
    Ok(Some((
        at.get(..10).unwrap_or(&at).to_owned(),
        Decision::from_stored(&decision)?,
    )))
}

/// Who the changes come from.
struct Whom<'a> {
    received_id: i64,
    person_id: Option<i64>,
    sender: &'a str,
    day: &'a str,
}

async fn make_changes(
    conn: &mut SqliteConnection,
    content: &Content,
    whom: &Whom<'_>,
) -> CoreResult<Vec<String>> {
    let mut changes = Vec::new();
    match content {
        Content::Session(s) => {
            session_changes(
                conn,
                &s.project,
                &s.meeting,
                &s.feedback,
                whom,
                &mut changes,
            )
            .await?
        }
        Content::Feedback(f) => {
            session_changes(
                conn,
                &f.project,
                &f.meeting,
                &f.feedback,
                whom,
                &mut changes,
            )
            .await?
        }
        Content::Summary(s) => changes.push(format!(
            "Keep {}'s summary of {} ({} to {}) to read here",
            whom.sender,
            count(s.contributions.len(), "contribution", "contributions"),
            s.from,
            s.to
        )),
        Content::Consent(c) => consent_changes(conn, c, whom, &mut changes).await?,
        Content::Correction(c) => correction_changes(conn, c, whom, &mut changes).await?,
        Content::Acknowledgement(a) => acknowledgement_changes(conn, a, whom, &mut changes).await?,
    }
    Ok(changes)
}

async fn id_by_uid(
    conn: &mut SqliteConnection,
    table: &str,
    uid: &str,
) -> CoreResult<Option<(i64, Option<i64>)>> {
    let sql = format!("SELECT id, received_id FROM {table} WHERE uid = ? AND deleted_at IS NULL");
    let row = sqlx::query(&sql)
        .bind(uid)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(match row {
        Some(r) => Some((r.try_get("id")?, r.try_get("received_id")?)),
        None => None,
    })
}

fn refused_content(e: CoreError) -> CoreError {
    CoreError::invalid(
        "file",
        format!("Something in this file cannot be added here ({e}), so nothing was changed."),
    )
}

async fn project_for(
    conn: &mut SqliteConnection,
    shared: &SharedProject,
    whom: &Whom<'_>,
    changes: &mut Vec<String>,
) -> CoreResult<i64> {
    if let Some((id, _)) = id_by_uid(conn, "projects", &shared.uid).await? {
        return Ok(id);
    }
    let same_name: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM projects WHERE deleted_at IS NULL AND title = ? COLLATE NOCASE
         ORDER BY id LIMIT 1",
    )
    .bind(&shared.title)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(id) = same_name {
        return Ok(id);
    }
    let project = Project {
        title: shared.title.clone(),
        organisation: shared.organisation.clone(),
        my_role: String::new(),
        involvement: Involvement::TakePart,
        feedback_days: None,
        pay_within_days: None,
        cost_code: String::new(),
        approach: Approach::Consultation,
        status: ProjectStatus::Active,
        start_date: None,
        end_date: None,
        lead_id: whom.person_id,
        rate_cards: Vec::new(),
        notes: String::new(),
        tags: Vec::new(),
    };
    let id = insert_received(conn, &shared.uid, &project, whom).await?;
    changes.push(format!("Add the project \"{}\"", shared.title));
    Ok(id)
}

async fn insert_received<T: crate::records::Record>(
    conn: &mut SqliteConnection,
    uid: &str,
    data: &T,
    whom: &Whom<'_>,
) -> CoreResult<i64> {
    let mut data = data.clone();
    data.normalise();
    data.validate().map_err(refused_content)?;
    let now = now_stamp();
    let id = insert_row(conn, None, Some(uid), &now, &now, &data).await?;
    mark_received(conn, T::KIND.table(), id, whom.received_id).await?;
    Ok(id)
}

/// Marks a record as having come in the received file `received_id` (so it stays read-only).
async fn mark_received(
    conn: &mut SqliteConnection,
    table: &str,
    id: i64,
    received_id: i64,
) -> CoreResult<()> {
    let sql = format!("UPDATE {table} SET received_id = ? WHERE id = ?");
    sqlx::query(&sql)
        .bind(received_id)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

fn meeting_from(shared: &SharedMeeting, project_id: i64) -> Meeting {
    Meeting {
        project_id,
        kind: shared.kind,
        title: shared.title.clone(),
        date: shared.date.clone(),
        start_time: shared.start_time.clone(),
        end_time: shared.end_time.clone(),
        place: shared.place.clone(),
        online: shared.online,
        my_attendance: None,
        attendees: Vec::new(),
        agenda: shared.agenda.clone(),
        record_notes: shared.record_notes.clone(),
        private_notes: String::new(),
        decisions: shared.decisions.clone(),
        priorities: shared.priorities.clone(),
        stage: shared.stage,
        felt_heard: None,
        tags: Vec::new(),
    }
}

async fn meeting_for(
    conn: &mut SqliteConnection,
    shared: &SharedMeeting,
    project_id: i64,
    whom: &Whom<'_>,
    changes: &mut Vec<String>,
) -> CoreResult<i64> {
    let incoming = meeting_from(shared, project_id);
    if let Some((id, received)) = id_by_uid(conn, "meetings", &shared.uid).await? {
        let current = fetch::<Meeting>(conn, id).await?;
        let mut updated = incoming.clone();
        updated.project_id = current.data.project_id;
        if received.is_some() && updated != current.data {
            updated.validate().map_err(refused_content)?;
            replace_row(conn, id, &updated).await?;
            mark_received(conn, "meetings", id, whom.received_id).await?;
            changes.push(format!(
                "Update the record of \"{}\" ({})",
                shared.title, shared.date
            ));
        }
        return Ok(id);
    }
    let own: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM meetings WHERE deleted_at IS NULL AND project_id = ? AND date = ?
         AND received_id IS NULL ORDER BY id LIMIT 1",
    )
    .bind(project_id)
    .bind(&shared.date)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(id) = own {
        return Ok(id);
    }
    let id = insert_received(conn, &shared.uid, &incoming, whom).await?;
    changes.push(format!(
        "Add the record of \"{}\" ({}) from {}, read-only",
        shared.title, shared.date, whom.sender
    ));
    Ok(id)
}

async fn session_changes(
    conn: &mut SqliteConnection,
    project: &SharedProject,
    meeting: &SharedMeeting,
    feedback: &[SharedFeedback],
    whom: &Whom<'_>,
    changes: &mut Vec<String>,
) -> CoreResult<()> {
    let project_id = project_for(conn, project, whom, changes).await?;
    let meeting_id = meeting_for(conn, meeting, project_id, whom, changes).await?;
    let mut added = Vec::new();
    for item in feedback {
        if id_by_uid(conn, "feedback_items", &item.uid)
            .await?
            .is_some()
        {
            continue;
        }
        let data = FeedbackItem {
            meeting_id,
            you_said: item.you_said.clone(),
            we_did: item.we_did.clone(),
            status: item.status,
            due_date: item.due_date.clone(),
            reason: item.reason.clone(),
            voice_ids: Vec::new(),
            fed_back: Vec::new(),
        };
        insert_received(conn, &item.uid, &data, whom).await?;
        added.push(item);
    }
    if added.is_empty() {
        return Ok(());
    }
    changes.push(format!(
        "Add {} \"you said, we did\" {} to \"{}\" ({})",
        added.len(),
        if added.len() == 1 { "item" } else { "items" },
        meeting.title,
        meeting.date
    ));
    fill_contribution_feedback(conn, project_id, meeting_id, meeting, &added, whom, changes).await
}

/// The partner's side of closing the loop: their contribution to the session gets the
/// feedback they received, and the day it came.
async fn fill_contribution_feedback(
    conn: &mut SqliteConnection,
    project_id: i64,
    meeting_id: i64,
    meeting: &SharedMeeting,
    items: &[&SharedFeedback],
    whom: &Whom<'_>,
    changes: &mut Vec<String>,
) -> CoreResult<()> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM contributions WHERE deleted_at IS NULL
         AND (meeting_id = ? OR (project_id = ? AND date = ?)) ORDER BY date, id",
    )
    .bind(meeting_id)
    .bind(project_id)
    .bind(&meeting.date)
    .fetch_all(&mut *conn)
    .await?;
    let text = items
        .iter()
        .map(|i| format!("You said: {}\nWe did: {}", i.you_said, i.we_did))
        .collect::<Vec<_>>()
        .join("\n\n");
    for id in ids {
        let c = fetch::<Contribution>(conn, id).await?;
        let feedback = if c.data.feedback.trim().is_empty() {
            format!("From {} ({}):\n{text}", whom.sender, whom.day)
        } else {
            format!(
                "{}\n\nFrom {} ({}):\n{text}",
                c.data.feedback, whom.sender, whom.day
            )
        };
        if feedback.len() > crate::records::validate::MAX_TEXT {
            continue;
        }
        sqlx::query(
            "UPDATE contributions SET feedback = ?, feedback_date = coalesce(feedback_date, ?),
                updated_at = ? WHERE id = ?",
        )
        .bind(&feedback)
        .bind(whom.day)
        .bind(now_stamp())
        .bind(id)
        .execute(&mut *conn)
        .await?;
        changes.push(format!(
            "Add {} \"you said, we did\" {} to the feedback of your contribution of {}",
            items.len(),
            if items.len() == 1 { "item" } else { "items" },
            c.data.date
        ));
    }
    Ok(())
}

async fn consent_changes(
    conn: &mut SqliteConnection,
    c: &ConsentUpdate,
    whom: &Whom<'_>,
    changes: &mut Vec<String>,
) -> CoreResult<()> {
    let Some(person_id) = whom.person_id else {
        changes.push(
            "Nothing: consent can only be changed by a file from one of your contacts".into(),
        );
        return Ok(());
    };
    let Some((meeting_id, _)) = id_by_uid(conn, "meetings", &c.meeting_uid).await? else {
        changes.push(format!(
            "Nothing: the session \"{}\" is not in your records",
            c.meeting_title
        ));
        return Ok(());
    };
    let existing: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM consents WHERE meeting_id = ? AND person_id = ? AND deleted_at IS NULL
         ORDER BY id DESC LIMIT 1",
    )
    .bind(meeting_id)
    .bind(person_id)
    .fetch_optional(&mut *conn)
    .await?;
    let mut consent = match existing {
        Some(id) => fetch::<Consent>(conn, id).await?.data,
        None => Consent {
            meeting_id,
            person_id,
            quote: false,
            named: false,
            photo: false,
            audio: false,
            given_how: ConsentHow::Written,
            given_on: c.on.clone(),
            withdrawn_on: None,
            notes: String::new(),
        },
    };
    let before = consent.clone();
    if c.withdraw {
        if consent.withdrawn_on.is_none() {
            consent.withdrawn_on = Some(c.on.clone().max(consent.given_on.clone()));
        }
    } else {
        consent.quote = c.quote;
        consent.named = c.named;
        consent.photo = c.photo;
        consent.audio = c.audio;
        consent.withdrawn_on = None;
        if existing.is_some() && consent != before {
            consent.given_on = c.on.clone();
            consent.given_how = ConsentHow::Written;
        }
    }
    if existing.is_some() && consent == before {
        return Ok(());
    }
    let note = format!("Sent by {} in an Alongside file on {}.", whom.sender, c.on);
    consent.notes = if consent.notes.is_empty() {
        note
    } else {
        format!("{}\n{note}", consent.notes)
    };
    consent.validate().map_err(refused_content)?;
    match existing {
        Some(id) => {
            replace_row(conn, id, &consent).await?;
        }
        None => {
            let now = now_stamp();
            insert_row(conn, None, None, &now, &now, &consent).await?;
        }
    }
    changes.push(if c.withdraw {
        format!(
            "Record that {} withdrew consent for \"{}\" ({}) on {}: nothing of theirs is quoted or named from then on",
            whom.sender, c.meeting_title, c.meeting_date, c.on
        )
    } else {
        format!(
            "Record {}'s consent for \"{}\" ({}): quotes {}, naming {}, photographs {}, audio {}",
            whom.sender,
            c.meeting_title,
            c.meeting_date,
            yes_no(c.quote),
            yes_no(c.named),
            yes_no(c.photo),
            yes_no(c.audio)
        )
    });
    Ok(())
}

/// The receiving side of "that's not what I said": the person's words in this vault's record
/// become what they say they said, when the words are recorded as theirs.
async fn correction_changes(
    conn: &mut SqliteConnection,
    c: &Correction,
    whom: &Whom<'_>,
    changes: &mut Vec<String>,
) -> CoreResult<()> {
    let Some(person_id) = whom.person_id else {
        changes.push(
            "Nothing: words can only be corrected by a file from one of your contacts".into(),
        );
        return Ok(());
    };
    let id: Option<i64> =
        sqlx::query_scalar("SELECT id FROM voices WHERE uid = ? AND deleted_at IS NULL")
            .bind(&c.voice_uid)
            .fetch_optional(&mut *conn)
            .await?;
    let Some(id) = id else {
        changes.push(format!(
            "Nothing: those words from \"{}\" are no longer in your records",
            c.meeting_title
        ));
        return Ok(());
    };
    let mut voice = fetch::<Voice>(conn, id).await?.data;
    if voice.person_id != Some(person_id) {
        changes.push(format!(
            "Nothing: those words are not recorded as {}'s",
            whom.sender
        ));
        return Ok(());
    }
    let said = c.said.trim();
    if voice.text == said {
        return Ok(());
    }
    let before = std::mem::replace(&mut voice.text, said.to_owned());
    voice.validate().map_err(refused_content)?;
    replace_row(conn, id, &voice).await?;
    changes.push(format!(
        "Change {}'s words in \"{}\" ({}) from “{before}” to “{said}”",
        whom.sender, c.meeting_title, c.meeting_date
    ));
    Ok(())
}

/// The sending side of "got it": the file must be one this vault sent to that contact; the
/// acknowledgement itself is the Inbox row (matched by `replies_to`).
async fn acknowledgement_changes(
    conn: &mut SqliteConnection,
    a: &Acknowledgement,
    whom: &Whom<'_>,
    changes: &mut Vec<String>,
) -> CoreResult<()> {
    let sent: Option<String> = match whom.person_id {
        Some(person_id) => {
            sqlx::query_scalar(
                "SELECT s.description FROM sent s JOIN sent_to t ON t.sent_id = s.id
                 WHERE s.envelope_id = ? AND t.person_id = ?",
            )
            .bind(&a.replies_to)
            .bind(person_id)
            .fetch_optional(&mut *conn)
            .await?
        }
        None => None,
    };
    changes.push(match sent {
        Some(what) => format!("Record that {} received {what}", whom.sender),
        None => format!(
            "Nothing: you did not send that file to {} from here",
            whom.sender
        ),
    });
    Ok(())
}

/// A file received here whose content was kept (to reply to it).
pub struct Received {
    /// What it holds.
    pub payload: Payload,
    /// The contact it came from, if known.
    pub person_id: Option<i64>,
}

/// The file `envelope_id` as received here, refused when it was never opened here or ignored.
pub async fn received(pool: &SqlitePool, envelope_id: &str) -> CoreResult<Received> {
    let row = sqlx::query("SELECT person_id, payload FROM received WHERE envelope_id = ?")
        .bind(envelope_id)
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| CoreError::invalid("replies_to", "That file has not been opened here."))?;
    let json: String = row.try_get("payload")?;
    if json.is_empty() {
        return Err(CoreError::invalid(
            "replies_to",
            "That file was ignored, so nothing of it was kept to reply to.",
        ));
    }
    Ok(Received {
        payload: Payload::parse(json.as_bytes())?,
        person_id: row.try_get("person_id")?,
    })
}

/// Where a record came from, when it came in a file (such records stay read-only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Origin {
    /// The sender's name as the file gave it.
    pub sender_name: String,
    /// When the file was made.
    pub made_at: String,
    /// When it was opened here.
    pub opened_at: String,
}

/// The file record `id` of `kind` came in, if it came in one (only projects, sessions and
/// "you said, we did" items can).
pub async fn origin(pool: &SqlitePool, kind: RecordKind, id: i64) -> CoreResult<Option<Origin>> {
    if !matches!(
        kind,
        RecordKind::Project | RecordKind::Meeting | RecordKind::Feedback
    ) {
        return Ok(None);
    }
    let sql = format!(
        "SELECT r.sender_name, r.made_at, r.opened_at FROM {} t JOIN received r
         ON r.id = t.received_id WHERE t.id = ?",
        kind.table()
    );
    let row = sqlx::query(&sql).bind(id).fetch_optional(pool).await?;
    row.map(|r| {
        Ok(Origin {
            sender_name: r.try_get("sender_name")?,
            made_at: r.try_get("made_at")?,
            opened_at: r.try_get("opened_at")?,
        })
    })
    .transpose()
}

/// One file in the Inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct InboxEntry {
    /// Row id.
    pub id: i64,
    /// The file's own id.
    pub envelope_id: String,
    /// The kind of content.
    pub kind: String,
    /// The sender's name as the file gave it.
    pub sender_name: String,
    /// The contact it came from, if known.
    pub person_id: Option<i64>,
    /// When it was made.
    pub made_at: String,
    /// When it was opened here.
    pub opened_at: String,
    /// What was decided.
    pub decision: Decision,
    /// The sender asks that it be deleted after this day.
    pub delete_after: Option<String>,
    /// What it is, in a few words.
    pub description: String,
    /// The words people said that it carries (which a correction can point to).
    pub words: Vec<SharedVoice>,
    /// For a reply: the id of the file it answers.
    pub replies_to: Option<String>,
}

/// Every file opened here, newest first.
pub async fn entries(pool: &SqlitePool) -> CoreResult<Vec<InboxEntry>> {
    let rows = sqlx::query(
        "SELECT id, envelope_id, kind, sender_name, person_id, made_at, opened_at, decision,
            delete_after, payload, replies_to FROM received ORDER BY opened_at DESC, id DESC",
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            let decision: String = r.try_get("decision")?;
            let json: String = r.try_get("payload")?;
            let kind: String = r.try_get("kind")?;
            let payload = (!json.is_empty())
                .then(|| Payload::parse(json.as_bytes()))
                .transpose()?;
            Ok(InboxEntry {
                description: payload
                    .as_ref()
                    .map_or_else(|| kind.clone(), |p| p.content.describe()),
                words: payload
                    .as_ref()
                    .map(|p| p.content.voices().to_vec())
                    .unwrap_or_default(),
                replies_to: r.try_get("replies_to")?,
                id: r.try_get("id")?,
                envelope_id: r.try_get("envelope_id")?,
                kind,
                sender_name: r.try_get("sender_name")?,
                person_id: r.try_get("person_id")?,
                made_at: r.try_get("made_at")?,
                opened_at: r.try_get("opened_at")?,
                decision: Decision::from_stored(&decision)?,
                delete_after: r.try_get("delete_after")?,
            })
        })
        .collect()
}
