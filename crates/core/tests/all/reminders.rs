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
