//! Paying participants, on a real vault: a payment run from the register and the rate card,
//! each person's arrangement, expenses, marking several paid at once, the unpaid reminder, the
//! person page, a merge, a deleted person's lines, and the JSON export's `payments`.

use alongside_core::records::choices::*;
use alongside_core::records::payments::{self, Payment};
use alongside_core::records::reminders::{self, ReminderKind};
use alongside_core::records::transfer::json;
use alongside_core::records::{
    participants, store, Attendee, Expense, Meeting, Person, RateCard, RecordKind,
};
use alongside_test_support::*;
use chrono::NaiveDate;

async fn run_project(pool: &alongside_core::SqlitePool) -> i64 {
    let mut p = project("Discharge co-design");
    p.involvement = Involvement::Run;
    p.cost_code = "RH-1".into();
    p.rate_cards = vec![RateCard {
        from: "2026-01-01".into(),
        per_hour_pence: None,
        per_half_day_pence: Some(7_500),
        per_day_pence: Some(15_000),
        covers: "Sessions".into(),
    }];
    store::create(pool, p).await.unwrap().id
}

fn payer(name: &str, pay: Option<FeeArrangement>) -> Person {
    Person {
        payment_preference: pay,
        ..person(name)
    }
}

#[tokio::test]
async fn a_payment_run_pays_who_was_there_as_they_asked_and_marks_them_paid_together() {
    let (_dir, _vault, pool) = vault().await;
    let project_id = run_project(&pool).await;
    let fee = store::create(&pool, payer("Ann", None)).await.unwrap();
    let voucher = store::create(&pool, payer("Bo", Some(FeeArrangement::Voucher)))
        .await
        .unwrap();
    let declined = store::create(&pool, payer("Cy", Some(FeeArrangement::Declined)))
        .await
        .unwrap();
    let away = store::create(&pool, payer("Di", None)).await.unwrap();
    let mut m: Meeting = meeting(project_id, "2026-05-01"); // 18:30 to 20:00: a half day
    m.attendees = vec![
        attendee(fee.id, PersonRole::PatientPartner),
        attendee(voucher.id, PersonRole::Carer),
        attendee(declined.id, PersonRole::PatientPartner),
        Attendee {
            status: AttendanceStatus::Apologies,
            ..attendee(away.id, PersonRole::PatientPartner)
        },
    ];
    let m = store::create(&pool, m).await.unwrap();

    let run = payments::run_for_session(&pool, m.id).await.unwrap();
    assert_eq!((run.made, run.kept, run.fee_pence), (3, 0, Some(7_500)));
    let by_person = |id: i64| {
        run.lines
            .iter()
            .find(|l| l.data.person_id == id)
            .map(|l| l.data.clone())
    };
    assert_eq!(by_person(away.id), None, "apologies are not paid");
    let ann = by_person(fee.id).unwrap();
    assert_eq!(
        (ann.arrangement, ann.fee_pence),
        (FeeArrangement::Fee, 7_500)
    );
    assert_eq!(
        by_person(voucher.id).unwrap().arrangement,
        FeeArrangement::Voucher
    );
    let cy = by_person(declined.id).unwrap();
    assert_eq!((cy.fee_pence, cy.total_pence()), (0, 0));

    // Running again makes nothing twice.
    let again = payments::run_for_session(&pool, m.id).await.unwrap();
    assert_eq!((again.made, again.kept), (0, 3));
    // A second line for the same person and session is refused.
    let err = store::create(&pool, ann.clone()).await.unwrap_err();
    assert_eq!(field_of(err), "person_id");
    // A declined fee cannot carry an amount.
    let cy_line = run
        .lines
        .iter()
        .find(|l| l.data.person_id == declined.id)
        .unwrap();
    let err = store::update(
        &pool,
        cy_line.id,
        Payment {
            fee_pence: 500,
            ..cy.clone()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(field_of(err), "fee_pence");

    // Expenses: mileage worked out from miles and rate; the total follows.
    let ann_line = run
        .lines
        .iter()
        .find(|l| l.data.person_id == fee.id)
        .unwrap();
    let with_miles = store::update(
        &pool,
        ann_line.id,
        Payment {
            expenses: vec![Expense {
                kind: ExpenseKind::Mileage,
                amount_pence: 0,
                tenth_miles: Some(124),
                pence_per_mile: Some(45),
                note: String::new(),
                uid: String::new(),
            }],
            reference: "INV-7".into(),
            ..ann.clone()
        },
    )
    .await
    .unwrap();
    assert_eq!(with_miles.data.expenses[0].amount_pence, 558);
    assert_eq!(with_miles.data.total_pence(), 7_500 + 558);

    // 30 days on, the unpaid lines (not the declined one, which owes nothing) remind once.
    let later = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let owed_reminder = |rs: Vec<reminders::Reminder>| {
        rs.into_iter()
            .find(|r| r.kind == ReminderKind::ParticipantUnpaid)
    };
    let first = owed_reminder(reminders::take_new(&pool, later).await.unwrap()).unwrap();
    assert!(first.body.starts_with("2 payments"), "{}", first.body);
    assert!(owed_reminder(reminders::take_new(&pool, later).await.unwrap()).is_none());

    // Several marked paid at once; a line already paid keeps its date.
    let ids: Vec<i64> = run.lines.iter().map(|l| l.id).collect();
    assert_eq!(
        payments::mark_paid(&pool, &ids[..1], "2026-05-10")
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        payments::mark_paid(&pool, &ids, "2026-05-20")
            .await
            .unwrap(),
        2
    );
    let first_line = store::get::<Payment>(&pool, ids[0]).await.unwrap();
    assert_eq!(first_line.data.paid_on.as_deref(), Some("2026-05-10"));
    // A bad date marks nothing.
    assert!(payments::mark_paid(&pool, &ids, "2026-13-01")
        .await
        .is_err());

    // The person page lists the payment; the JSON export carries it with its links.
    let page = participants::page(&pool, fee.id).await.unwrap();
    assert_eq!(page.payments.len(), 1);
    assert_eq!(page.payments[0].data.reference, "INV-7");
    let everything = json::export_all(&pool, false).await.unwrap();
    assert_eq!(everything.payments.len(), 3);
    let row = serde_json::to_value(&everything.payments[0]).unwrap();
    assert_eq!(row["meeting_uid"], serde_json::json!(m.uid));
    assert!(row["person_uid"].is_string());
    assert!(row["uid"].is_string());
}

#[tokio::test]
async fn runs_are_only_for_projects_the_user_runs_and_fees_follow_the_rate_card() {
    let (_dir, _vault, pool) = vault().await;
    let taking_part = store::create(&pool, project("Mine")).await.unwrap();
    let m = store::create(&pool, meeting(taking_part.id, "2026-05-01"))
        .await
        .unwrap();
    let err = payments::run_for_session(&pool, m.id).await.unwrap_err();
    assert_eq!(field_of(err), "meeting_id");

    let card = |hour, half, day| RateCard {
        from: "2026-01-01".into(),
        per_hour_pence: hour,
        per_half_day_pence: half,
        per_day_pence: day,
        covers: String::new(),
    };
    // 90 minutes at £25 an hour; a six-hour day at the day rate, or two half days.
    assert_eq!(card(Some(2_500), None, None).fee_for(90), Some(3_750));
    assert_eq!(
        card(Some(2_500), None, Some(15_000)).fee_for(360),
        Some(15_000)
    );
    assert_eq!(card(None, Some(7_500), None).fee_for(360), Some(15_000));
    assert_eq!(card(None, None, Some(15_000)).fee_for(60), Some(15_000));
    assert_eq!(card(None, None, None).fee_for(60), None);
}

#[tokio::test]
async fn merging_moves_payments_and_deleting_a_person_takes_them_with_undo() {
    let (_dir, _vault, pool) = vault().await;
    let project_id = run_project(&pool).await;
    let a = store::create(&pool, payer("Ann", None)).await.unwrap();
    let dup = store::create(&pool, payer("Ann B", None)).await.unwrap();
    let mut m = meeting(project_id, "2026-05-01");
    m.attendees = vec![
        attendee(a.id, PersonRole::PatientPartner),
        attendee(dup.id, PersonRole::PatientPartner),
    ];
    let m = store::create(&pool, m).await.unwrap();
    payments::run_for_session(&pool, m.id).await.unwrap();

    // Both records had a line for the session: both are kept, on the one person.
    participants::merge(&pool, a.id, dup.id).await.unwrap();
    let page = participants::page(&pool, a.id).await.unwrap();
    assert_eq!(page.payments.len(), 2, "money is never lost in a merge");
    // Both stay editable.
    let line = &page.payments[1];
    store::update(
        &pool,
        line.id,
        Payment {
            reference: "X".into(),
            ..line.data.clone()
        },
    )
    .await
    .unwrap();

    store::delete(&pool, RecordKind::Person, a.id)
        .await
        .unwrap();
    let everything = json::export_all(&pool, false).await.unwrap();
    assert!(everything.payments.is_empty());
    store::restore(&pool, RecordKind::Person, a.id)
        .await
        .unwrap();
    let everything = json::export_all(&pool, false).await.unwrap();
    assert_eq!(everything.payments.len(), 2);
}
