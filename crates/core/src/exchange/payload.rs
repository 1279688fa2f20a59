//! What a `.alongside` file carries (docs/envelope-format.md): who sent it, to whom, when, and
//! one kind of content. Built only by `share`, read only after the signature is checked, and
//! refused whole when any field is too long, any id malformed or the version unknown.

use crate::words::count;
use serde::{Deserialize, Serialize};
use specta::Type;

use super::identity::PublicIdentity;
use crate::error::{CoreError, CoreResult};
use crate::records::choices::{Activity, CoDesignStage, Emotion, FeedbackStatus, MeetingKind};
use crate::records::validate::{self, MAX_SHORT, MAX_TEXT};
use crate::records::{uid, Priority};

/// The `format` every payload names.
pub const FORMAT: &str = "alongside-envelope";
/// The payload version this build writes and reads.
pub const VERSION: u32 = 1;
/// The most items in any one list.
pub const MAX_LIST: usize = 5_000;

/// Someone a file is addressed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Addressee {
    /// Their name, as the sender knows them.
    pub name: String,
    /// Their fingerprint.
    pub fingerprint: String,
}

/// The whole payload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Payload {
    /// [`FORMAT`].
    pub format: String,
    /// [`VERSION`].
    pub version: u32,
    /// This file's own id (UUID); opening the same id twice changes nothing.
    pub id: String,
    /// When it was made (RFC 3339, UTC).
    pub created_at: String,
    /// The sender's public identity.
    pub sender: PublicIdentity,
    /// Who it is encrypted to (besides the sender).
    pub recipients: Vec<Addressee>,
    /// Whether it was locked with a passphrase instead.
    pub passphrase: bool,
    /// The sender asks that it be deleted after this day (`YYYY-MM-DD`).
    pub delete_after: Option<String>,
    /// What it carries.
    pub content: Content,
}

/// One kind of content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Content {
    /// A session's record (lead → the session's participants).
    Session(SessionRecord),
    /// "You said, we did" for one person's words (lead → that person).
    Feedback(FeedbackForPerson),
    /// A summary of contributions (partner → lead).
    Summary(ContributionSummary),
    /// A consent update or withdrawal for one session (partner → lead).
    Consent(ConsentUpdate),
    /// "That's not what I said": a person's correction of their words in a record they received.
    Correction(Correction),
    /// "Got it": a reply saying a file arrived and was read.
    Acknowledgement(Acknowledgement),
}

impl Content {
    /// The kind's name, as in the file.
    pub fn kind(&self) -> &'static str {
        match self {
            Content::Session(_) => "session",
            Content::Feedback(_) => "feedback",
            Content::Summary(_) => "summary",
            Content::Consent(_) => "consent",
            Content::Correction(_) => "correction",
            Content::Acknowledgement(_) => "acknowledgement",
        }
    }

    /// The id of the file this content answers, for a reply.
    pub fn replies_to(&self) -> Option<&str> {
        match self {
            Content::Correction(c) => Some(&c.replies_to),
            Content::Acknowledgement(a) => Some(&a.replies_to),
            _ => None,
        }
    }

    /// The words people said that a record carries (where a correction can point).
    pub fn voices(&self) -> &[SharedVoice] {
        match self {
            Content::Session(s) => &s.voices,
            Content::Feedback(f) => &f.voices,
            _ => &[],
        }
    }

    /// A few words on what it is.
    pub fn describe(&self) -> String {
        match self {
            Content::Session(s) => {
                format!("the record of \"{}\" ({})", s.meeting.title, s.meeting.date)
            }
            Content::Feedback(f) => format!(
                "\"you said, we did\" for {} from \"{}\" ({})",
                f.person, f.meeting.title, f.meeting.date
            ),
            Content::Summary(s) => format!(
                "a summary of {} ({} to {})",
                count(s.contributions.len(), "contribution", "contributions"),
                s.from,
                s.to
            ),
            Content::Consent(c) if c.withdraw => format!(
                "a withdrawal of consent for \"{}\" ({})",
                c.meeting_title, c.meeting_date
            ),
            Content::Consent(c) => format!(
                "a consent update for \"{}\" ({})",
                c.meeting_title, c.meeting_date
            ),
            Content::Correction(c) => format!(
                "a correction of words in \"{}\" ({})",
                c.meeting_title, c.meeting_date
            ),
            Content::Acknowledgement(a) => format!("an acknowledgement of {}", a.about),
        }
    }
}

/// A project, as shared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct SharedProject {
    /// Global id in the sender's vault.
    pub uid: String,
    /// Its name.
    pub title: String,
    /// Organisation or funder.
    pub organisation: String,
}

/// A session, as shared: never private notes or how heard anyone felt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct SharedMeeting {
    /// Global id in the sender's vault.
    pub uid: String,
    /// Steering committee, co-design workshop…
    pub kind: MeetingKind,
    /// Its name.
    pub title: String,
    /// Day (`YYYY-MM-DD`).
    pub date: String,
    /// Start (`HH:MM`).
    pub start_time: Option<String>,
    /// End (`HH:MM`).
    pub end_time: Option<String>,
    /// Where.
    pub place: String,
    /// Online or not.
    pub online: bool,
    /// Co-design stage.
    pub stage: Option<CoDesignStage>,
    /// Agenda items.
    pub agenda: Vec<String>,
    /// Notes for the record.
    pub record_notes: String,
    /// Decisions made.
    pub decisions: Vec<String>,
    /// Priorities and their votes.
    pub priorities: Vec<Priority>,
}

/// One line of the register: a name only with name consent, otherwise a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct SharedAttendee {
    /// Their name, or their role when they are not named.
    pub who: String,
    /// Attended, apologies…
    pub status: String,
}

/// Words someone said that may be quoted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct SharedVoice {
    /// Global id in the sender's vault.
    pub uid: String,
    /// Who said it: a name with name consent, a role, or "a participant".
    pub who: String,
    /// What they said.
    pub text: String,
    /// Themes.
    pub themes: Vec<String>,
    /// Touchpoint.
    pub touchpoint: String,
    /// How they felt.
    pub emotion: Option<Emotion>,
}

/// One "you said, we did" item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct SharedFeedback {
    /// Global id in the sender's vault.
    pub uid: String,
    /// What people said.
    pub you_said: String,
    /// What was done.
    pub we_did: String,
    /// Did, will, can't.
    pub status: FeedbackStatus,
    /// For "we will": by when.
    pub due_date: Option<String>,
    /// For "we can't": why.
    pub reason: String,
}

/// A session's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct SessionRecord {
    /// The project.
    pub project: SharedProject,
    /// The session.
    pub meeting: SharedMeeting,
    /// The register.
    pub attendees: Vec<SharedAttendee>,
    /// Words that may be quoted.
    pub voices: Vec<SharedVoice>,
    /// "You said, we did".
    pub feedback: Vec<SharedFeedback>,
}

/// "You said, we did" for one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct FeedbackForPerson {
    /// The project.
    pub project: SharedProject,
    /// The session.
    pub meeting: SharedMeeting,
    /// The person it is for.
    pub person: String,
    /// Their own words the items answer.
    pub voices: Vec<SharedVoice>,
    /// The items.
    pub feedback: Vec<SharedFeedback>,
}

/// One contribution, as shared: money only when the sender ticked it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct SharedContribution {
    /// Global id in the sender's vault.
    pub uid: String,
    /// The project's name.
    pub project: String,
    /// The session's global id in the sender's vault, if any.
    pub meeting_uid: Option<String>,
    /// Day.
    pub date: String,
    /// What kind of work.
    pub activity: Activity,
    /// Minutes preparing, in the meeting, travelling.
    pub minutes: [i64; 3],
    /// What they contributed.
    pub summary: String,
    /// What they said.
    pub impact_said: String,
    /// What changed.
    pub impact_changed: String,
    /// Evidence.
    pub impact_evidence: String,
    /// Feedback received.
    pub feedback: String,
    /// The fee and expenses claimed, in pence (only when ticked).
    pub claim_pence: Option<i64>,
}

/// A summary of contributions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct ContributionSummary {
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
    /// The contributions.
    pub contributions: Vec<SharedContribution>,
}

/// A consent update or withdrawal for one session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct ConsentUpdate {
    /// The session's global id (the lead's).
    pub meeting_uid: String,
    /// Its name.
    pub meeting_title: String,
    /// Its day.
    pub meeting_date: String,
    /// Withdraws everything (from `on`).
    pub withdraw: bool,
    /// Otherwise: may be quoted.
    pub quote: bool,
    /// May be named.
    pub named: bool,
    /// Photographs.
    pub photo: bool,
    /// Audio.
    pub audio: bool,
    /// The day it was decided.
    pub on: String,
}

/// "That's not what I said": words a received record gave someone, and what they say instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The id of the file the words came in.
    pub replies_to: String,
    /// The session's global id (the sender of that file's).
    pub meeting_uid: String,
    /// Its name.
    pub meeting_title: String,
    /// Its day.
    pub meeting_date: String,
    /// The words' global id.
    pub voice_uid: String,
    /// The words as the record gave them.
    pub recorded: String,
    /// What the person says they said.
    pub said: String,
}

/// "Got it": a file arrived and was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Acknowledgement {
    /// The id of the file it answers.
    pub replies_to: String,
    /// What that file held, in a few words.
    pub about: String,
    /// A short message with it (may be empty).
    pub message: String,
}

fn refused(what: &str) -> CoreError {
    CoreError::invalid(
        "file",
        format!("This file's {what} is not valid, so it was not opened."),
    )
}

/// Every string within the longest text and every list within [`MAX_LIST`].
fn within_limits(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::String(s) => s.len() <= MAX_TEXT,
        serde_json::Value::Array(items) => {
            items.len() <= MAX_LIST && items.iter().all(within_limits)
        }
        serde_json::Value::Object(map) => map.values().all(within_limits),
        _ => true,
    }
}

fn check_uid(what: &str, value: &str) -> CoreResult<()> {
    uid::check("uid", value).map_err(|_| refused(what))
}

fn check_date(what: &str, value: &str) -> CoreResult<()> {
    validate::date("date", value)
        .map(|_| ())
        .map_err(|_| refused(what))
}

fn check_short(what: &str, value: &str) -> CoreResult<()> {
    if value.len() > MAX_SHORT {
        return Err(refused(what));
    }
    Ok(())
}

fn check_shared(project: &SharedProject, meeting: &SharedMeeting) -> CoreResult<()> {
    check_uid("project", &project.uid)?;
    check_short("project", &project.title)?;
    check_uid("session", &meeting.uid)?;
    check_short("session", &meeting.title)?;
    check_date("session date", &meeting.date)
}

fn check_feedback(items: &[SharedFeedback], voices: &[SharedVoice]) -> CoreResult<()> {
    for item in items {
        check_uid("feedback", &item.uid)?;
        if let Some(due) = &item.due_date {
            check_date("feedback date", due)?;
        }
    }
    for voice in voices {
        check_uid("voice", &voice.uid)?;
        check_short("voice", &voice.who)?;
    }
    Ok(())
}

impl Payload {
    /// Reads a payload whose signature has been checked: the version first (a newer one is
    /// refused in words that say so), then every field and limit.
    pub fn parse(bytes: &[u8]) -> CoreResult<Self> {
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|_| refused("content"))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(refused("format"));
        }
        let version = value.get("version").and_then(|v| v.as_u64());
        if version != Some(u64::from(VERSION)) {
            let Some(version) = version else {
                return Err(refused("version"));
            };
            return Err(CoreError::invalid(
                "file",
                format!(
                    "This file was made by a version of Alongside this one cannot read \
                     (format version {version}); update Alongside to open it."
                ),
            ));
        }
        if !within_limits(&value) {
            return Err(refused("size"));
        }
        let payload: Payload = serde_json::from_value(value).map_err(|e| {
            if e.to_string().contains("unknown variant") {
                CoreError::invalid(
                    "file",
                    "This file holds a kind of record this version of Alongside does not know, \
                     so it was not opened.",
                )
            } else {
                refused("content")
            }
        })?;
        payload.check()?;
        Ok(payload)
    }

    fn check(&self) -> CoreResult<()> {
        check_uid("id", &self.id)?;
        chrono::DateTime::parse_from_rfc3339(&self.created_at).map_err(|_| refused("date"))?;
        self.sender.validate().map_err(|_| refused("sender"))?;
        if self.recipients.len() > 200 {
            return Err(refused("recipients"));
        }
        for r in &self.recipients {
            check_short("recipients", &r.name)?;
            check_short("recipients", &r.fingerprint)?;
        }
        if let Some(day) = &self.delete_after {
            check_date("delete-after date", day)?;
        }
        match &self.content {
            Content::Session(s) => {
                check_shared(&s.project, &s.meeting)?;
                check_feedback(&s.feedback, &s.voices)
            }
            Content::Feedback(f) => {
                check_shared(&f.project, &f.meeting)?;
                check_short("person", &f.person)?;
                check_feedback(&f.feedback, &f.voices)
            }
            Content::Summary(s) => {
                check_date("summary", &s.from)?;
                check_date("summary", &s.to)?;
                for c in &s.contributions {
                    check_uid("contribution", &c.uid)?;
                    check_date("contribution", &c.date)?;
                    check_short("contribution", &c.project)?;
                }
                Ok(())
            }
            Content::Consent(c) => {
                check_uid("session", &c.meeting_uid)?;
                check_date("consent", &c.on)?;
                check_date("session date", &c.meeting_date)?;
                check_short("session", &c.meeting_title)
            }
            Content::Correction(c) => {
                check_uid("reply", &c.replies_to)?;
                check_uid("session", &c.meeting_uid)?;
                check_uid("voice", &c.voice_uid)?;
                check_date("session date", &c.meeting_date)?;
                check_short("session", &c.meeting_title)?;
                if c.said.trim().is_empty() {
                    return Err(refused("correction"));
                }
                Ok(())
            }
            Content::Acknowledgement(a) => {
                check_uid("reply", &a.replies_to)?;
                check_short("acknowledgement", &a.about)
            }
        }
    }

    /// The payload as JSON bytes (what is signed).
    pub fn to_bytes(&self) -> CoreResult<Vec<u8>> {
        serde_json::to_vec(self).map_err(|e| CoreError::Internal(format!("payload: {e}")))
    }
}
