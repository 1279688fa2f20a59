//! Desktop reminders: a meeting tomorrow, an action due today, a claim unpaid 30 days after it
//! was sent, a session the user runs whose "you said, we did" has not gone back to everyone who
//! came within the project's time (four weeks unless set), participants still unpaid after the
//! project's time (30 days unless set). Each kind can be switched off. A reminder says how many, never what: notification
//! text is kept by the operating system outside the encrypted vault, so it holds no record text.

use crate::words::count;
use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::SqlitePool;

use super::preferences::{self, ReminderSwitches};
use crate::error::CoreResult;
use crate::vault::settings;

/// Days a sent claim may wait before a reminder.
pub const UNPAID_DAYS: u64 = 30;
/// Reminder keys remembered so none is shown twice.
const REMEMBERED: usize = 2_000;
const KEY: &str = "reminders_sent";

/// The kinds of reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// Meetings tomorrow.
    MeetingTomorrow,
    /// Actions due today.
    ActionDue,
    /// Claims unpaid for 30 days.
    ClaimUnpaid,
    /// No backup for longer than the user's chosen interval.
    BackupDue,
    /// Sessions whose feedback has not gone back to everyone who came.
    FeedbackDue,
    /// Payment lines to participants still unpaid after the project's time.
    ParticipantUnpaid,
    /// The user's contributions with no feedback after the weeks they chose.
    FeedbackWaiting,
}

/// One desktop notification: a title and a sentence, with no record text in either.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Reminder {
    /// Which kind.
    pub kind: ReminderKind,
    /// The notification's title.
    pub title: String,
    /// The notification's sentence.
    pub body: String,
}

/// The record keys that call for each kind of reminder on `today`, before switches and memory.
async fn candidates(
    pool: &SqlitePool,
    today: NaiveDate,
    wait_weeks: u32,
) -> CoreResult<[(ReminderKind, Vec<String>); 7]> {
    let tomorrow = today + Days::new(1);
    let unpaid_since = today - Days::new(UNPAID_DAYS);
    let meetings: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM meetings WHERE deleted_at IS NULL AND date = ? ORDER BY id",
    )
    .bind(tomorrow.to_string())
    .fetch_all(pool)
    .await?;
    let actions: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM actions WHERE deleted_at IS NULL AND status = 'open' AND due_date = ?
         ORDER BY id",
    )
    .bind(today.to_string())
    .fetch_all(pool)
    .await?;
    let claims: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM contributions WHERE deleted_at IS NULL AND paid_on IS NULL
         AND claim_submitted_on IS NOT NULL AND claim_submitted_on <= ? ORDER BY id",
    )
    .bind(unpaid_since.to_string())
    .fetch_all(pool)
    .await?;
    // Nobody left in limbo: someone who came has not been told what became of it.
    let waiting: Vec<i64> = sqlx::query_scalar(
        "SELECT m.id FROM meetings m JOIN projects p ON p.id = m.project_id
         WHERE m.deleted_at IS NULL AND p.deleted_at IS NULL AND p.involvement = 'run'
           AND m.date <= date(?, '-' || coalesce(p.feedback_days, ?) || ' days')
           AND EXISTS (SELECT 1 FROM meeting_attendees a
                       WHERE a.meeting_id = m.id
                         AND a.status IN ('attended', 'left_early', 'joined_online')
                         AND NOT EXISTS (SELECT 1 FROM feedback_returns r
                                         JOIN feedback_items i ON i.id = r.item_id
                                         WHERE i.meeting_id = m.id AND i.deleted_at IS NULL
                                           AND r.person_id = a.person_id))
         ORDER BY m.id",
    )
    .bind(today.to_string())
    .bind(super::projects::DEFAULT_FEEDBACK_DAYS)
    .fetch_all(pool)
    .await?;
    let owed: Vec<i64> = sqlx::query_scalar(
        "SELECT pay.id FROM payments pay JOIN meetings m ON m.id = pay.meeting_id
         JOIN projects p ON p.id = m.project_id
         WHERE pay.deleted_at IS NULL AND m.deleted_at IS NULL AND p.deleted_at IS NULL
           AND pay.paid_on IS NULL AND pay.total_pence > 0
           AND m.date <= date(?, '-' || coalesce(p.pay_within_days, ?) || ' days')
         ORDER BY pay.id",
    )
    .bind(today.to_string())
    .bind(super::projects::DEFAULT_PAY_DAYS)
    .fetch_all(pool)
    .await?;
    let limbo = super::dashboard::waiting_for_feedback_ids(pool, today, wait_weeks).await?;
    Ok([
        (
            ReminderKind::FeedbackWaiting,
            limbo.iter().map(|id| format!("limbo:{id}")).collect(),
        ),
        (
            ReminderKind::ParticipantUnpaid,
            owed.iter().map(|id| format!("payment:{id}")).collect(),
        ),
        (
            ReminderKind::FeedbackDue,
            waiting.iter().map(|id| format!("feedback:{id}")).collect(),
        ),
        (
            ReminderKind::MeetingTomorrow,
            meetings
                .iter()
                .map(|id| format!("meeting:{id}:{tomorrow}"))
                .collect(),
        ),
        (
            ReminderKind::ActionDue,
            actions
                .iter()
                .map(|id| format!("action:{id}:{today}"))
                .collect(),
        ),
        (
            ReminderKind::ClaimUnpaid,
            claims.iter().map(|id| format!("claim:{id}")).collect(),
        ),
        (ReminderKind::BackupDue, backup_key(pool, today).await?),
    ])
}

/// One key per backup interval that passed without a backup, so the reminder comes once a
/// period and again after the next one if still no backup was made.
async fn backup_key(pool: &SqlitePool, today: NaiveDate) -> CoreResult<Vec<String>> {
    let state = crate::backup::state(pool, today).await?;
    let (true, Some(days)) = (state.due, state.every_days) else {
        return Ok(Vec::new());
    };
    let last = state.last.map_or_else(|| "never".to_owned(), |l| l.made_at);
    let period = today.num_days_from_ce() / i32::try_from(days).unwrap_or(30).max(1);
    Ok(vec![format!("backup:{last}:{period}")])
}

fn wanted(switches: ReminderSwitches, kind: ReminderKind) -> bool {
    match kind {
        ReminderKind::MeetingTomorrow => switches.meeting_tomorrow,
        ReminderKind::ActionDue => switches.action_due,
        ReminderKind::ClaimUnpaid => switches.claim_unpaid,
        ReminderKind::FeedbackDue => switches.feedback_due,
        ReminderKind::ParticipantUnpaid => switches.participant_unpaid,
        ReminderKind::FeedbackWaiting => switches.feedback_waiting,
        // Switched by the backup interval itself ("never" gives no candidates).
        ReminderKind::BackupDue => true,
    }
}

/// "has" for one, "have" for more.
fn has(n: usize) -> &'static str {
    if n == 1 {
        "has"
    } else {
        "have"
    }
}

fn reminder(kind: ReminderKind, n: usize) -> Reminder {
    let (title, body) = match kind {
        ReminderKind::MeetingTomorrow => (
            "Meeting tomorrow",
            format!(
                "You have {} tomorrow. Open Alongside to see the agenda.",
                count(n, "meeting", "meetings")
            ),
        ),
        ReminderKind::ActionDue => (
            "Action due today",
            format!("{} due today.", count(n, "action is", "actions are")),
        ),
        ReminderKind::BackupDue => (
            "Time for a backup",
            "Your records have not been backed up for a while. Open Settings in Alongside to \
             make a backup."
                .to_owned(),
        ),
        ReminderKind::FeedbackDue => (
            "Feedback to send",
            format!(
                "{} you ran {} not had \"you said, we did\" sent to everyone who came.",
                count(n, "session", "sessions"),
                has(n)
            ),
        ),
        ReminderKind::ParticipantUnpaid => (
            "Participants to pay",
            format!(
                "{} for sessions you ran {} not been marked paid in time.",
                count(n, "payment", "payments"),
                has(n)
            ),
        ),
        ReminderKind::FeedbackWaiting => (
            "Still waiting to hear back",
            format!(
                "{} {} had no feedback for a while. You could ask how your input was used.",
                count(n, "contribution", "contributions"),
                has(n)
            ),
        ),
        ReminderKind::ClaimUnpaid => (
            "Claim not yet paid",
            format!(
                "{} sent over {UNPAID_DAYS} days ago {} not been paid yet.",
                count(n, "claim", "claims"),
                has(n)
            ),
        ),
    };
    Reminder {
        kind,
        title: title.to_owned(),
        body,
    }
}

/// The reminders not shown before, for the kinds switched on; remembers them as shown. One
/// reminder per kind, counting the records behind it.
pub async fn take_new(pool: &SqlitePool, today: NaiveDate) -> CoreResult<Vec<Reminder>> {
    let prefs = preferences::load(pool).await?;
    let paused = prefs.paused_on(today);
    let mut tx = super::store::write_tx(pool).await?;
    let mut sent: Vec<String> = match settings::get_raw(&mut *tx, KEY).await? {
        Some(text) => serde_json::from_str(&text).unwrap_or_default(),
        None => Vec::new(),
    };
    let known: BTreeSet<String> = sent.iter().cloned().collect();
    let mut out = Vec::new();
    for (kind, keys) in candidates(pool, today, prefs.feedback_wait_weeks).await? {
        // Paused: nothing is remembered as shown, so what is still due comes after the pause.
        if !wanted(prefs.reminders, kind) || (paused && kind != ReminderKind::BackupDue) {
            continue;
        }
        let fresh: Vec<String> = keys.into_iter().filter(|k| !known.contains(k)).collect();
        if !fresh.is_empty() {
            out.push(reminder(kind, fresh.len()));
            sent.extend(fresh);
        }
    }
    if !out.is_empty() {
        let keep = sent.len().saturating_sub(REMEMBERED);
        sent.drain(..keep);
        settings::put_raw(&mut *tx, KEY, &super::to_json(&sent)).await?;
    }
    tx.commit().await?;
    Ok(out)
}
