//! Sharing: builds the payload for one kind of content from the vault, with the privacy rules
//! applied here (never private notes, private reflections, how heard anyone felt or money unless
//! ticked; names and quotes only as the consent ledger allows), shows it for a preview, then
//! signs and encrypts it.

use crate::words::count;
use std::collections::HashMap;

use age::secrecy::SecretString;
use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::SqlitePool;

use super::contacts::{self, Contact};
use super::envelope::{self, Seal};
use super::identity::{self, OwnIdentity};
use super::inbox::{self, Received};
use super::payload::*;
use super::readable;
use super::sent;
use crate::error::{CoreError, CoreResult};
use crate::records::consent_rules::ConsentLedger;
use crate::records::export_log::{self, Logged};
use crate::records::selection::{self, Selected, Selection};
use crate::records::store::{self, now_stamp};
use crate::records::{FedBack, FeedbackItem, Meeting, Person, Project, Stored, Voice};

/// What to share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum What {
    /// A session's record, by the session's global id.
    Session {
        /// The session.
        meeting_uid: String,
    },
    /// "You said, we did" for the one recipient's words in a session.
    Feedback {
        /// The session.
        meeting_uid: String,
    },
    /// Contributions in a range.
    Summary {
        /// First day.
        from: String,
        /// Last day.
        to: String,
        /// Only these projects (every one when empty).
        project_ids: Vec<i64>,
        /// Include the fee and expenses claimed (left out unless ticked).
        include_money: bool,
    },
    /// A consent update or withdrawal for a session.
    Consent {
        /// The session.
        meeting_uid: String,
        /// Withdraw everything.
        withdraw: bool,
        /// Otherwise: may be quoted.
        quote: bool,
        /// May be named.
        named: bool,
        /// Photographs.
        photo: bool,
        /// Audio.
        audio: bool,
    },
    /// "That's not what I said", about words in a file received here (goes back to its sender
    /// unless other people are chosen).
    Correction {
        /// The received file's id.
        replies_to: String,
        /// The words' global id in that file.
        voice_uid: String,
        /// What was said instead.
        said: String,
    },
    /// "Got it" for a file received here (goes back to its sender unless other people are
    /// chosen).
    Acknowledgement {
        /// The received file's id.
        replies_to: String,
        /// A short message (may be empty).
        message: String,
    },
}

impl What {
    /// The received file this answers, for a reply.
    fn replies_to(&self) -> Option<&str> {
        match self {
            What::Correction { replies_to, .. } | What::Acknowledgement { replies_to, .. } => {
                Some(replies_to)
            }
            _ => None,
        }
    }
}

/// A share to make: what, to whom, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ShareRequest {
    /// What to send.
    pub what: What,
    /// The people to send it to (each must be a contact).
    pub to_person_ids: Vec<i64>,
    /// Also make a copy locked with a passphrase, for someone without Alongside.
    pub passphrase_copy: bool,
    /// Ask recipients to delete it after this day (`YYYY-MM-DD`).
    pub delete_after: Option<String>,
}

/// The exact content of a share, before it is sent.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
pub struct Preview {
    /// The payload, as it will travel.
    pub payload: Payload,
    /// The readable copy (HTML) that travels with it.
    pub readable_html: String,
    /// One line per thing it holds, in plain words.
    pub lines: Vec<String>,
    /// What was left out, in plain words (counts only).
    pub left_out: Vec<String>,
}

/// The files a share made.
pub struct Sealed {
    /// The preview of what they hold.
    pub preview: Preview,
    /// The file for the recipients (and the sender), when there are recipients.
    pub for_recipients: Option<Vec<u8>>,
    /// The passphrase copy, when asked for.
    pub for_passphrase: Option<Vec<u8>>,
}

fn shared_project(p: &Stored<Project>) -> SharedProject {
    SharedProject {
        uid: p.uid.clone(),
        title: p.data.title.clone(),
        organisation: p.data.organisation.clone(),
    }
}

fn shared_meeting(m: &Stored<Meeting>) -> SharedMeeting {
    let d = &m.data;
    SharedMeeting {
        uid: m.uid.clone(),
        kind: d.kind,
        title: d.title.clone(),
        date: d.date.clone(),
        start_time: d.start_time.clone(),
        end_time: d.end_time.clone(),
        place: d.place.clone(),
        online: d.online,
        stage: d.stage,
        agenda: d.agenda.clone(),
        record_notes: d.record_notes.clone(),
        decisions: d.decisions.clone(),
        priorities: d.priorities.clone(),
    }
}

fn shared_feedback(items: &[Stored<FeedbackItem>]) -> Vec<SharedFeedback> {
    items
        .iter()
        .map(|f| SharedFeedback {
            uid: f.uid.clone(),
            you_said: f.data.you_said.clone(),
            we_did: f.data.we_did.clone(),
            status: f.data.status,
            due_date: f.data.due_date.clone(),
            reason: f.data.reason.clone(),
        })
        .collect()
}

/// How a person appears: their name only with name consent, otherwise their role.
struct Namer<'a> {
    people: HashMap<i64, &'a Stored<Person>>,
    ledger: &'a ConsentLedger,
    meeting: &'a Stored<Meeting>,
}

impl Namer<'_> {
    fn who(&self, person: Option<i64>) -> String {
        let Some(id) = person else {
            return "A participant".into();
        };
        if self.ledger.may_name(self.meeting.id, id) == Some(true) {
            if let Some(p) = self.people.get(&id) {
                return p.data.name.clone();
            }
        }
        self.meeting
            .data
            .attendees
            .iter()
            .find(|a| a.person_id == id)
            .map_or_else(
                || "A participant".into(),
                |a| format!("A {}", a.role.label().to_lowercase()),
            )
    }
}

fn shared_voices(voices: &[Stored<Voice>], namer: &Namer<'_>) -> Vec<SharedVoice> {
    voices
        .iter()
        .map(|v| SharedVoice {
            uid: v.uid.clone(),
            who: namer.who(v.data.person_id),
            text: v.data.text.clone(),
            themes: v.data.themes.clone(),
            touchpoint: v.data.touchpoint.clone(),
            emotion: v.data.emotion,
        })
        .collect()
}

async fn one_session(pool: &SqlitePool, uid: &str, today: &str) -> CoreResult<Selected> {
    let selection = Selection {
        meeting_uid: Some(uid.to_owned()),
        ..Selection::default()
    };
    let selected = selection::load(pool, &selection, false, today).await?;
    let run = selected.projects.first().is_some_and(|p| p.data.is_run());
    if !run {
        return Err(CoreError::invalid(
            "meeting_uid",
            "Only sessions of projects you run can be shared this way.",
        ));
    }
    Ok(selected)
}

fn session_parts(s: &Selected) -> CoreResult<(&Stored<Project>, &Stored<Meeting>)> {
    match (s.projects.first(), s.meetings.first()) {
        (Some(p), Some(m)) => Ok((p, m)),
        _ => Err(CoreError::NotFound(
            "That session is not in your records.".into(),
        )),
    }
}

async fn session_content(
    pool: &SqlitePool,
    uid: &str,
    today: &str,
    follow: &mut Follow,
) -> CoreResult<(Content, Vec<String>)> {
    let s = one_session(pool, uid, today).await?;
    let (project, meeting) = session_parts(&s)?;
    let namer = Namer {
        people: s.people.iter().map(|p| (p.id, p)).collect(),
        ledger: &s.ledger,
        meeting,
    };
    let attendees = meeting
        .data
        .attendees
        .iter()
        .map(|a| SharedAttendee {
            who: namer.who(Some(a.person_id)),
            status: a.status.label().to_owned(),
        })
        .collect();
    let mut left_out = vec!["private notes and how heard anyone felt (never shared)".to_owned()];
    if s.voices_left_out > 0 {
        left_out.push(format!(
            "{} that consent does not let be quoted",
            count(
                s.voices_left_out,
                "thing someone said",
                "things people said"
            )
        ));
    }
    follow.quoted = s.quoted_people();
    follow.meeting_ids = vec![meeting.id];
    Ok((
        Content::Session(SessionRecord {
            project: shared_project(project),
            meeting: shared_meeting(meeting),
            attendees,
            voices: shared_voices(&s.voices, &namer),
            feedback: shared_feedback(&s.feedback),
        }),
        left_out,
    ))
}

async fn feedback_content(
    pool: &SqlitePool,
    uid: &str,
    person: &Contact,
    today: &str,
    follow: &mut Follow,
) -> CoreResult<Content> {
    let s = one_session(pool, uid, today).await?;
    let (project, meeting) = session_parts(&s)?;
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM voices WHERE meeting_id = ? AND person_id = ? AND deleted_at IS NULL
         ORDER BY id",
    )
    .bind(meeting.id)
    .bind(person.person_id)
    .fetch_all(pool)
    .await?;
    let mut voices = Vec::new();
    for id in &ids {
        voices.push(store::get::<Voice>(pool, *id).await?);
    }
    let items: Vec<Stored<FeedbackItem>> = s
        .feedback
        .iter()
        .filter(|f| f.data.voice_ids.iter().any(|v| ids.contains(v)))
        .cloned()
        .collect();
    if items.is_empty() {
        return Err(CoreError::invalid(
            "what",
            format!(
                "No \"you said, we did\" item answers {}'s words in this session yet.",
                person.person_name
            ),
        ));
    }
    let own_words = voices
        .iter()
        .map(|v| SharedVoice {
            uid: v.uid.clone(),
            who: "You".into(),
            text: v.data.text.clone(),
            themes: v.data.themes.clone(),
            touchpoint: v.data.touchpoint.clone(),
            emotion: v.data.emotion,
        })
        .collect();
    follow.feedback_items = items.iter().map(|i| i.id).collect();
    follow.meeting_ids = vec![meeting.id];
    follow.quoted = vec![person.person_id];
    Ok(Content::Feedback(FeedbackForPerson {
        project: shared_project(project),
        meeting: shared_meeting(meeting),
        person: person.person_name.clone(),
        voices: own_words,
        feedback: shared_feedback(&items),
    }))
}

async fn summary_content(
    pool: &SqlitePool,
    from: &str,
    to: &str,
    project_ids: &[i64],
    include_money: bool,
    today: &str,
) -> CoreResult<(Content, Vec<String>)> {
    let selection = Selection {
        from: Some(from.to_owned()),
        to: Some(to.to_owned()),
        project_ids: project_ids.to_vec(),
        ..Selection::default()
    };
    let s = selection::load(pool, &selection, false, today).await?;
    let titles: HashMap<i64, &str> = s
        .projects
        .iter()
        .map(|p| (p.id, p.data.title.as_str()))
        .collect();
    let mut contributions = Vec::new();
    for c in &s.contributions {
        let meeting_uid = match c.data.meeting_id {
            Some(id) => Some(store::get::<Meeting>(pool, id).await?.uid),
            None => None,
        };
        let d = &c.data;
        contributions.push(SharedContribution {
            uid: c.uid.clone(),
            project: titles.get(&d.project_id).copied().unwrap_or("").to_owned(),
            meeting_uid,
            date: d.date.clone(),
            activity: d.activity,
            minutes: [d.prep_minutes, d.meeting_minutes, d.travel_minutes],
            summary: d.summary.clone(),
            impact_said: d.impact_said.clone(),
            impact_changed: d.impact_changed.clone(),
            impact_evidence: d.impact_evidence.clone(),
            feedback: d.feedback.clone(),
            claim_pence: include_money.then(|| d.claim_pence()),
        });
    }
    let mut left_out = vec!["reflections (never in a summary)".to_owned()];
    if !include_money {
        left_out.push("fees and expenses (not ticked)".into());
    }
    Ok((
        Content::Summary(ContributionSummary {
            from: from.to_owned(),
            to: to.to_owned(),
            contributions,
        }),
        left_out,
    ))
}

async fn consent_content(
    pool: &SqlitePool,
    uid: &str,
    what: &What,
    today: &str,
) -> CoreResult<Content> {
    let What::Consent {
        withdraw,
        quote,
        named,
        photo,
        audio,
        ..
    } = what
    else {
        return Err(CoreError::Internal("not a consent share".into()));
    };
    let id: Option<i64> =
        sqlx::query_scalar("SELECT id FROM meetings WHERE uid = ? AND deleted_at IS NULL")
            .bind(uid)
            .fetch_optional(pool)
            .await?;
    let id = id
        .ok_or_else(|| CoreError::invalid("meeting_uid", "That session is not in your records."))?;
    let meeting = store::get::<Meeting>(pool, id).await?;
    Ok(Content::Consent(ConsentUpdate {
        meeting_uid: uid.to_owned(),
        meeting_title: meeting.data.title,
        meeting_date: meeting.data.date,
        withdraw: *withdraw,
        quote: *quote && !withdraw,
        named: *named && !withdraw,
        photo: *photo && !withdraw,
        audio: *audio && !withdraw,
        on: today.to_owned(),
    }))
}

fn correction_content(received: &Received, voice_uid: &str, said: &str) -> CoreResult<Content> {
    let (meeting_uid, meeting_title, meeting_date) = match &received.payload.content {
        Content::Session(s) => (&s.meeting.uid, &s.meeting.title, &s.meeting.date),
        Content::Feedback(f) => (&f.meeting.uid, &f.meeting.title, &f.meeting.date),
        _ => {
            return Err(CoreError::invalid(
                "what",
                "Only words in a session record or \"you said, we did\" can be corrected.",
            ))
        }
    };
    let voice = received
        .payload
        .content
        .voices()
        .iter()
        .find(|v| v.uid == voice_uid)
        .ok_or_else(|| CoreError::invalid("voice_uid", "Those words are not in that file."))?;
    let said = said.trim();
    if said.is_empty() {
        return Err(CoreError::invalid(
            "said",
            "Write what you said, in your own words.",
        ));
    }
    crate::records::validate::limit("said", said, crate::records::validate::MAX_TEXT)?;
    Ok(Content::Correction(Correction {
        replies_to: received.payload.id.clone(),
        meeting_uid: meeting_uid.clone(),
        meeting_title: meeting_title.clone(),
        meeting_date: meeting_date.clone(),
        voice_uid: voice.uid.clone(),
        recorded: voice.text.clone(),
        said: said.to_owned(),
    }))
}

fn acknowledgement_content(received: &Received, message: &str) -> CoreResult<Content> {
    let message = message.trim();
    crate::records::validate::limit("message", message, crate::records::validate::MAX_TEXT)?;
    Ok(Content::Acknowledgement(Acknowledgement {
        replies_to: received.payload.id.clone(),
        about: received.payload.content.describe(),
        message: message.to_owned(),
    }))
}

/// What a prepared share needs to finish after sending.
#[derive(Default)]
struct Follow {
    feedback_items: Vec<i64>,
    meeting_ids: Vec<i64>,
    quoted: Vec<i64>,
}

async fn build(
    pool: &SqlitePool,
    me: &OwnIdentity,
    request: &ShareRequest,
    today: &str,
) -> CoreResult<(Preview, Vec<Contact>, Follow)> {
    let received = match request.what.replies_to() {
        Some(id) => Some(inbox::received(pool, id).await?),
        None => None,
    };
    let mut to_person_ids = request.to_person_ids.clone();
    if let Some(r) = received.as_ref().filter(|_| to_person_ids.is_empty()) {
        let id = r.person_id.ok_or_else(|| {
            CoreError::invalid(
                "to",
                "That file came from someone who is not one of your contacts: add their \
                 sharing identity on the Sharing page to reply.",
            )
        })?;
        to_person_ids.push(id);
    }
    if to_person_ids.is_empty() && !request.passphrase_copy {
        return Err(CoreError::invalid(
            "to",
            "Choose who to send it to (a contact, or a passphrase copy).",
        ));
    }
    if let Some(day) = &request.delete_after {
        crate::records::validate::date("delete_after", day)?;
    }
    let mut to = Vec::new();
    for id in &to_person_ids {
        let contact = contacts::of_person(pool, *id).await?.ok_or_else(|| {
            CoreError::invalid(
                "to",
                "One of the people chosen has no sharing identity here yet; add theirs first.",
            )
        })?;
        to.push(contact);
    }
    let mut follow = Follow::default();
    let (content, left_out) = match &request.what {
        What::Session { meeting_uid } => {
            session_content(pool, meeting_uid, today, &mut follow).await?
        }
        What::Feedback { meeting_uid } => {
            let [person] = to.as_slice() else {
                return Err(CoreError::invalid(
                    "to",
                    "\"You said, we did\" for one person goes to that person alone.",
                ));
            };
            let content = feedback_content(pool, meeting_uid, person, today, &mut follow).await?;
            (content, vec!["other people's words".to_owned()])
        }
        What::Summary {
            from,
            to: until,
            project_ids,
            include_money,
        } => summary_content(pool, from, until, project_ids, *include_money, today).await?,
        What::Consent { meeting_uid, .. } => (
            consent_content(pool, meeting_uid, &request.what, today).await?,
            Vec::new(),
        ),
        What::Correction {
            voice_uid, said, ..
        } => (
            correction_content(received_or_missing(&received)?, voice_uid, said)?,
            Vec::new(),
        ),
        What::Acknowledgement { message, .. } => (
            acknowledgement_content(received_or_missing(&received)?, message)?,
            Vec::new(),
        ),
    };
    let payload = Payload {
        format: FORMAT.into(),
        version: VERSION,
        id: crate::records::uid::new_uid(),
        created_at: now_stamp(),
        sender: me.public.clone(),
        recipients: to
            .iter()
            .map(|c| Addressee {
                name: c.person_name.clone(),
                fingerprint: c.fingerprint.clone(),
            })
            .collect(),
        passphrase: request.passphrase_copy,
        delete_after: request.delete_after.clone(),
        content,
    };
    let readable_html = readable::page(&payload);
    let lines = readable::lines(&payload);
    Ok((
        Preview {
            payload,
            readable_html,
            lines,
            left_out,
        },
        to,
        follow,
    ))
}

fn received_or_missing(received: &Option<Received>) -> CoreResult<&Received> {
    received
        .as_ref()
        .ok_or_else(|| CoreError::Internal("a reply without its file".into()))
}

/// The exact content a share would send, without sending it.
pub async fn preview(
    pool: &SqlitePool,
    request: &ShareRequest,
    today: &str,
) -> CoreResult<Preview> {
    let me = identity::require_own(pool).await?;
    Ok(build(pool, &me, request, today).await?.0)
}

/// Makes the files: one encrypted to the recipients and the sender, and a passphrase copy when
/// asked (`passphrase` must then be given). `file_name` is logged with the sessions it held.
/// Sending feedback to a person records that it went back to them today.
pub async fn share(
    pool: &SqlitePool,
    request: &ShareRequest,
    passphrase: Option<&SecretString>,
    armor: bool,
    file_name: &str,
    today: &str,
) -> CoreResult<Sealed> {
    let me = identity::require_own(pool).await?;
    let (preview, to, follow) = build(pool, &me, request, today).await?;
    let bytes = preview.payload.to_bytes()?;
    let for_recipients = if to.is_empty() {
        None
    } else {
        let recipients = to
            .iter()
            .map(|c| c.identity.recipient())
            .collect::<CoreResult<Vec<_>>>()?;
        Some(envelope::seal(
            &me,
            &bytes,
            &preview.readable_html,
            Seal::Recipients(&recipients),
            armor,
        )?)
    };
    let for_passphrase = if request.passphrase_copy {
        let passphrase = passphrase.ok_or_else(|| {
            CoreError::invalid("passphrase", "Give the passphrase for the passphrase copy.")
        })?;
        crate::vault::strength::validate_passphrase(passphrase)?;
        Some(envelope::seal(
            &me,
            &bytes,
            &preview.readable_html,
            Seal::Passphrase(passphrase),
            armor,
        )?)
    } else {
        None
    };
    for item in &follow.feedback_items {
        mark_fed_back(pool, *item, &to, today).await?;
    }
    sent::record(pool, &preview.payload, &to, file_name).await?;
    export_log::record(
        pool,
        &Logged {
            report: &format!("shared {}", preview.payload.content.kind()),
            format: "alongside",
            file_name,
            meeting_ids: &follow.meeting_ids,
            quoted_person_ids: &follow.quoted,
        },
    )
    .await?;
    Ok(Sealed {
        preview,
        for_recipients,
        for_passphrase,
    })
}

async fn mark_fed_back(
    pool: &SqlitePool,
    item: i64,
    to: &[Contact],
    today: &str,
) -> CoreResult<()> {
    let mut stored = store::get::<FeedbackItem>(pool, item).await?;
    let mut changed = false;
    for c in to {
        if !stored
            .data
            .fed_back
            .iter()
            .any(|f| f.person_id == c.person_id)
        {
            stored.data.fed_back.push(FedBack {
                person_id: c.person_id,
                on: today.to_owned(),
            });
            changed = true;
        }
    }
    if changed {
        store::update(pool, item, stored.data).await?;
    }
    Ok(())
}

/// Where the passphrase copy is saved when there is also a file for contacts: beside it, named
/// `NAME.passphrase.alongside`.
pub fn passphrase_copy_path(out: &std::path::Path) -> std::path::PathBuf {
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "shared".into());
    out.with_file_name(format!("{stem}.passphrase.alongside"))
}
