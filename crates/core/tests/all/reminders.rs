//! Desktop reminders on a real vault: which records call for one, counts without record text,
//! each shown once, and each kind switched off on request.

use alongside_core::records::choices::{ActionStatus, FeeArrangement};
use alongside_core::records::preferences;
use alongside_core::records::reminders::{take_new, ReminderKind};
use alongside_core::records::store;
use alongside_test_support::*;
use chrono::NaiveDate;

#[tokio::test]
async fn reminders_count_without_record_text_and_come_once() {
    let (_dir, _vault, pool) = vault().await;
    let today = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
    let p = store::create(&pool, project("Kingfisher trial"))
        .await
        .unwrap();
    store::create(&pool, meeting(p.id, "2026-03-11"))
        .await
        .unwrap();
    store::create(&pool, meeting(p.id, "2026-03-10"))
        .await
        .unwrap(); // today: no reminder
    store::create(&pool, action("Send the heron leaflet", "2026-03-10"))
        .await
        .unwrap();
    let mut done = action("Already done", "2026-03-10");
    done.status = ActionStatus::Done;
    store::create(&pool, done).await.unwrap();
    let claim = |sent: &str, paid: Option<&str>| {
        let mut c = contribution(p.id, "2026-01-15", 60);
        c.fee_pence = 5_000;
        c.fee_arrangement = FeeArrangement::Fee;
        c.claim_submitted_on = Some(sent.into());
        c.paid_on = paid.map(str::to_owned);
        c
    };
    store::create(&pool, claim("2026-02-08", None))
        .await
        .unwrap(); // 30 days ago
    store::create(&pool, claim("2026-02-09", None))
        .await
        .unwrap(); // 29 days ago
    store::create(&pool, claim("2026-01-01", Some("2026-02-01")))
        .await
        .unwrap(); // paid

    // These claims have no feedback either; that reminder has its own test below.
    let mut prefs = preferences::load(&pool).await.unwrap();
    prefs.reminders.feedback_waiting = false;
    preferences::save(&pool, &prefs).await.unwrap();
    let first = take_new(&pool, today).await.unwrap();
    let kinds: Vec<ReminderKind> = first.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            ReminderKind::MeetingTomorrow,
            ReminderKind::ActionDue,
            ReminderKind::ClaimUnpaid
        ]
    );
    assert_eq!(
        first[0].body,
        "You have 1 meeting tomorrow. Open Alongside to see the agenda."
    );
    assert_eq!(first[1].body, "1 action is due today.");
    assert_eq!(
        first[2].body,
        "1 claim sent over 30 days ago has not been paid yet."
    );
    for r in &first {
        for secret in ["Kingfisher", "heron", "Steering"] {
            assert!(
                !r.body.contains(secret) && !r.title.contains(secret),
                "{r:?}"
            );
        }
    }
    assert!(
        take_new(&pool, today).await.unwrap().is_empty(),
        "shown twice"
    );

    // A new meeting tomorrow is news; the claim from 9 February is due the next day.
    store::create(&pool, meeting(p.id, "2026-03-11"))
        .await
        .unwrap();
    let again = take_new(&pool, today).await.unwrap();
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].kind, ReminderKind::MeetingTomorrow);

    // Switched off: the claim that falls due tomorrow says nothing.
    let mut prefs = preferences::load(&pool).await.unwrap();
    prefs.reminders.claim_unpaid = false;
    preferences::save(&pool, &prefs).await.unwrap();
    let next_day = take_new(&pool, today.succ_opt().unwrap()).await.unwrap();
    assert!(
        next_day.iter().all(|r| r.kind != ReminderKind::ClaimUnpaid),
        "{next_day:?}"
    );
}

/// A session the user runs whose "you said, we did" has not gone back to everyone who came
/// within four weeks (or the project's own time) calls for one reminder; once everyone who came
/// has been told, none. Sessions of projects the user only takes part in never do.
#[tokio::test]
async fn feedback_not_sent_back_in_time_is_a_reminder() {
    use alongside_core::records::choices::{AttendanceStatus, PersonRole};
    use alongside_core::records::{FedBack, FeedbackItem};
    let (_dir, _vault, pool) = vault().await;
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let run = store::create(&pool, project_i_run("Run")).await.unwrap();
    let part = store::create(&pool, project("Part")).await.unwrap();
    let ann = store::create(&pool, person("Ann")).await.unwrap();
    let bob = store::create(&pool, person("Bob")).await.unwrap();
    let with_register = |project_id, date: &str| {
        let mut m = meeting(project_id, date);
        m.attendees = vec![
            attendee(ann.id, PersonRole::PatientPartner),
            alongside_core::records::Attendee {
                status: AttendanceStatus::Apologies,
                ..attendee(bob.id, PersonRole::Carer)
            },
        ];
        m
    };
    let old = store::create(&pool, with_register(run.id, "2026-05-01"))
        .await
        .unwrap();
    store::create(&pool, with_register(run.id, "2026-05-10"))
        .await
        .unwrap(); // 22 days: not yet
    store::create(&pool, with_register(part.id, "2026-01-01"))
        .await
        .unwrap(); // not run

    let first = take_new(&pool, today).await.unwrap();
    let feedback: Vec<_> = first
        .iter()
        .filter(|r| r.kind == ReminderKind::FeedbackDue)
        .collect();
    assert_eq!(feedback.len(), 1);
    assert!(
        feedback[0].body.starts_with("1 session you ran has not"),
        "{}",
        feedback[0].body
    );
    assert!(!feedback[0].body.contains("Run"), "no record text");

    // Told Ann (Bob sent apologies): a later session past its time is the only one left.
    store::create(
        &pool,
        FeedbackItem {
            meeting_id: old.id,
            we_did: "Shorter form".into(),
            fed_back: vec![FedBack {
                person_id: ann.id,
                on: "2026-05-20".into(),
            }],
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let later = today + chrono::Days::new(30);
    let next = take_new(&pool, later).await.unwrap();
    let feedback: Vec<_> = next
        .iter()
        .filter(|r| r.kind == ReminderKind::FeedbackDue)
        .collect();
    assert_eq!(feedback.len(), 1, "the 10 May session, now past four weeks");
    assert!(feedback[0].body.starts_with("1 session"));

    // Switched off: none.
    let mut prefs = preferences::load(&pool).await.unwrap();
    prefs.reminders.feedback_due = false;
    preferences::save(&pool, &prefs).await.unwrap();
    store::create(&pool, with_register(run.id, "2026-04-01"))
        .await
        .unwrap();
    let off = take_new(&pool, later).await.unwrap();
    assert!(off.iter().all(|r| r.kind != ReminderKind::FeedbackDue));
}

/// The user's contributions with no feedback after their chosen weeks call for one gentle
/// reminder (never for projects they run); the dashboard lists them as waiting. While their
/// involvement is paused, reminders wait (the backup reminder aside) and come after the pause.
#[tokio::test]
async fn waiting_for_feedback_reminds_gently_and_a_pause_snoozes_reminders() {
    use alongside_core::records::dashboard::dashboard;
    let (_dir, _vault, pool) = vault().await;
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(); // a Monday
    let theirs = store::create(&pool, project("Kingfisher trial"))
        .await
        .unwrap();
    let mine = store::create(&pool, project_i_run("Run")).await.unwrap();
    store::create(&pool, contribution(theirs.id, "2026-04-01", 90))
        .await
        .unwrap(); // 8 weeks 5 days: waiting
    store::create(&pool, contribution(theirs.id, "2026-04-27", 60))
        .await
        .unwrap(); // 5 weeks: not yet
    let mut heard = contribution(theirs.id, "2026-03-01", 60);
    heard.feedback = "The form was changed".into();
    store::create(&pool, heard).await.unwrap();
    store::create(&pool, contribution(mine.id, "2026-03-01", 60))
        .await
        .unwrap(); // a project the user runs
    store::create(&pool, contribution(theirs.id, "2026-06-02", 300))
        .await
        .unwrap(); // this week

    let board = dashboard(&pool, today).await.unwrap();
    assert_eq!(board.feedback_wait_weeks, 6);
    assert_eq!(board.limbo_count, 1);
    assert_eq!(board.limbo[0].date, "2026-04-01");
    assert_eq!(board.limbo[0].weeks_waiting, 8);
    assert_eq!(board.limbo[0].project_title, "Kingfisher trial");
    assert_eq!(board.pace.week.minutes, 300);
    assert_eq!(board.pace.weekly_minutes_limit, None);
    assert!(!board.pace.over_weekly_minutes);
    assert_eq!(board.pace.paused_until, None);

    // Paused to 10 June, with a 4-hour weekly limit and four weeks' wait.
    let mut prefs = preferences::load(&pool).await.unwrap();
    prefs.paused_until = Some("2026-06-10".into());
    prefs.weekly_minutes_limit = Some(240);
    prefs.feedback_wait_weeks = 4;
    preferences::save(&pool, &prefs).await.unwrap();
    let board = dashboard(&pool, today).await.unwrap();
    assert_eq!(board.limbo_count, 2, "four weeks: the 27 April work too");
    assert_eq!(board.pace.paused_until.as_deref(), Some("2026-06-10"));
    assert!(board.pace.over_weekly_minutes, "300 minutes over 240");
    assert!(
        take_new(&pool, today).await.unwrap().is_empty(),
        "paused: nothing now"
    );
    let last_day = NaiveDate::from_ymd_opt(2026, 6, 10).unwrap();
    assert!(take_new(&pool, last_day).await.unwrap().is_empty());

    // The day after the pause: the reminder that waited comes, once, and without record text.
    let after = NaiveDate::from_ymd_opt(2026, 6, 11).unwrap();
    assert_eq!(
        dashboard(&pool, after).await.unwrap().pace.paused_until,
        None
    );
    let came = take_new(&pool, after).await.unwrap();
    let waiting: Vec<_> = came
        .iter()
        .filter(|r| r.kind == ReminderKind::FeedbackWaiting)
        .collect();
    assert_eq!(waiting.len(), 1, "{came:?}");
    assert_eq!(
        waiting[0].body,
        "2 contributions have had no feedback for a while. You could ask how your input was used."
    );
    assert!(!waiting[0].body.contains("Kingfisher"));
    assert!(take_new(&pool, after).await.unwrap().is_empty(), "once");

    // Bad values are refused with the field named.
    prefs.weekly_minutes_limit = Some(0);
    let err = preferences::save(&pool, &prefs).await.unwrap_err();
    assert!(err.to_string().contains("168"), "{err}");
    prefs.weekly_minutes_limit = None;
    prefs.feedback_wait_weeks = 0;
    assert!(preferences::save(&pool, &prefs).await.is_err());
    prefs.feedback_wait_weeks = 6;
    prefs.paused_until = Some("2026-02-30".into());
    assert!(preferences::save(&pool, &prefs).await.is_err());
}
