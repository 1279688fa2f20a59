//! Records on the real SQLCipher vault: create/read/update, validation, lists, delete and undo,
//! search and the dashboard.

use alongside_core::records::choices::*;
use alongside_core::records::contributions::ContributionQuery;
use alongside_core::records::dashboard::dashboard;
use alongside_core::records::list::{ListQuery, Sort};
use alongside_core::records::search::{search, Privacy};
use alongside_core::records::store::{self, UNDO_SECONDS};
use alongside_core::records::{
    Action, Contribution, Expense, Meeting, Project, RateCard, RecordKind, Reflection,
};
use alongside_core::CoreError;
use alongside_test_support::*;
use chrono::NaiveDate;

#[tokio::test]
async fn every_kind_round_trips_through_the_encrypted_vault() {
    let (_dir, _vault, pool) = vault().await;
    let lead = store::create(&pool, person("Dr Ada Reid")).await.unwrap();
    let mut p = project("Diabetes self-management");
    p.lead_id = Some(lead.id);
    p.rate_cards = vec![RateCard {
        from: "2025-01-01".into(),
        per_hour_pence: Some(2_500),
        per_half_day_pence: None,
        per_day_pence: Some(15_000),
        covers: "Meetings".into(),
    }];
    let p = store::create(&pool, p).await.unwrap();
    assert_eq!(store::get::<Project>(&pool, p.id).await.unwrap(), p);

    let mut m = meeting(p.id, "2025-03-04");
    m.attendees = vec![attendee(lead.id, PersonRole::Chair)];
    m.decisions = vec!["Rewrite the leaflet".into()];
    m.stage = Some(CoDesignStage::PatientExperiences);
    let m = store::create(&pool, m).await.unwrap();
    assert_eq!(store::get::<Meeting>(&pool, m.id).await.unwrap(), m);
    assert_eq!(m.data.attendees.len(), 1);

    let mut a = action("Send comments", "2025-03-20");
    a.meeting_id = Some(m.id);
    a.owner_id = Some(lead.id);
    let a = store::create(&pool, a).await.unwrap();
    assert_eq!(store::get::<Action>(&pool, a.id).await.unwrap(), a);

    let mut c = contribution(p.id, "2025-03-04", 90);
    c.meeting_id = Some(m.id);
    c.fee_arrangement = FeeArrangement::Fee;
    c.fee_pence = 3_750;
    c.expenses = vec![
        Expense {
            kind: ExpenseKind::Mileage,
            amount_pence: 0, // worked out by the core
            tenth_miles: Some(123),
            pence_per_mile: Some(45),
            note: "Return trip".into(),
            uid: String::new(),
        },
        expense(ExpenseKind::Parking, 400),
    ];
    let c = store::create(&pool, c).await.unwrap();
    assert_eq!(
        c.data.expenses[0].amount_pence, 554,
        "12.3 miles at 45p, rounded"
    );
    assert_eq!(c.data.claim_pence(), 3_750 + 554 + 400);
    assert_eq!(c.data.claim_status(), ClaimStatus::ToClaim);
    assert_eq!(store::get::<Contribution>(&pool, c.id).await.unwrap(), c);
    let stored_claim = |id: i64| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT claim_pence FROM contributions WHERE id = ?")
                .bind(id)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    assert_eq!(
        stored_claim(c.id).await,
        c.data.claim_pence(),
        "kept on create"
    );
    let mut declined = c.data.clone();
    declined.fee_arrangement = FeeArrangement::Declined;
    store::update(&pool, c.id, declined).await.unwrap();
    assert_eq!(stored_claim(c.id).await, 554 + 400, "kept on update");
    let c = store::update(&pool, c.id, c.data.clone()).await.unwrap();

    let mut r = reflection("2025-03-05", true, "I felt heard");
    r.contribution_id = Some(c.id);
    let r = store::create(&pool, r).await.unwrap();
    assert_eq!(store::get::<Reflection>(&pool, r.id).await.unwrap(), r);

    // Update replaces fields and child rows and moves updated_at on.
    let mut changed = m.data.clone();
    changed.attendees.clear();
    changed.title = "Steering committee (rescheduled)".into();
    let updated = store::update(&pool, m.id, changed).await.unwrap();
    assert!(updated.data.attendees.is_empty());
    assert_eq!(updated.created_at, m.created_at);
    assert!(updated.updated_at > m.updated_at);
}

#[tokio::test]
async fn validation_names_the_field_and_writes_nothing() {
    let (_dir, _vault, pool) = vault().await;
    let p = store::create(&pool, project("P")).await.unwrap();

    let cases: Vec<(Contribution, &str)> = vec![
        (contribution(p.id, "2023-02-29", 60), "date"),
        (contribution(p.id, "31/03/2025", 60), "date"),
        (contribution(p.id, "2025-01-01", -1), "meeting_minutes"),
        (contribution(p.id + 99, "2025-01-01", 60), "project_id"),
        (
            Contribution {
                fee_pence: -5,
                ..contribution(p.id, "2025-01-01", 60)
            },
            "fee_pence",
        ),
        (
            Contribution {
                claim_submitted_on: Some("2025-02-01".into()),
                paid_on: Some("2025-01-15".into()),
                ..contribution(p.id, "2025-01-01", 60)
            },
            "paid_on",
        ),
        (
            Contribution {
                expenses: vec![Expense {
                    tenth_miles: None,
                    ..expense(ExpenseKind::Mileage, 100)
                }],
                ..contribution(p.id, "2025-01-01", 60)
            },
            "expenses",
        ),
        (
            Contribution {
                summary: "x".repeat(20_001),
                ..contribution(p.id, "2025-01-01", 60)
            },
            "summary",
        ),
    ];
    for (c, field) in cases {
        let err = store::create(&pool, c).await.unwrap_err();
        assert_eq!(field_of(err), field);
    }
    let mut bad = project("Ends early");
    bad.end_date = Some("2024-12-31".into());
    assert_eq!(
        field_of(store::create(&pool, bad).await.unwrap_err()),
        "end_date"
    );
    assert_eq!(
        field_of(store::create(&pool, project("  ")).await.unwrap_err()),
        "title"
    );
    let mut late = meeting(p.id, "2025-01-01");
    late.end_time = Some("17:00".into());
    assert_eq!(
        field_of(store::create(&pool, late).await.unwrap_err()),
        "end_time"
    );
    let mut twice = meeting(p.id, "2025-01-01");
    let who = store::create(&pool, person("Sam")).await.unwrap();
    twice.attendees = vec![
        attendee(who.id, PersonRole::Chair),
        attendee(who.id, PersonRole::Other),
    ];
    assert_eq!(
        field_of(store::create(&pool, twice).await.unwrap_err()),
        "attendees"
    );
    let mut odd = reflection("2025-01-01", true, "x");
    odd.entries
        .insert("feelings".into(), "not a Rolfe prompt".into());
    assert_eq!(
        field_of(store::create(&pool, odd).await.unwrap_err()),
        "entries"
    );
    // Unknown enum values never reach the store.
    assert!(serde_json::from_str::<Activity>("\"juggling\"").is_err());

    let counts = store::live_counts(&pool).await.unwrap();
    assert_eq!(
        (
            counts.contributions,
            counts.meetings,
            counts.reflections,
            counts.projects
        ),
        (0, 0, 0, 1)
    );
    // An update that fails leaves the record as it was.
    let m = store::create(&pool, meeting(p.id, "2025-01-02"))
        .await
        .unwrap();
    let mut broken = m.data.clone();
    broken.attendees = vec![attendee(9_999, PersonRole::Chair)];
    broken.title = "Changed".into();
    assert_eq!(
        field_of(store::update(&pool, m.id, broken).await.unwrap_err()),
        "attendees"
    );
    assert_eq!(store::get::<Meeting>(&pool, m.id).await.unwrap(), m);
}

#[tokio::test]
async fn lists_filter_sort_and_page() {
    let (_dir, _vault, pool) = vault().await;
    let a = store::create(&pool, project("Alpha")).await.unwrap();
    let b = store::create(&pool, project("beta")).await.unwrap();
    for day in 1..=30 {
        let mut c = contribution(
            if day % 2 == 0 { a.id } else { b.id },
            &format!("2025-04-{day:02}"),
            30,
        );
        c.activity = if day % 3 == 0 {
            Activity::Writing
        } else {
            Activity::Meeting
        };
        if day % 5 == 0 {
            c.tags = vec!["Ethics".into()];
            c.fee_arrangement = FeeArrangement::Fee;
            c.fee_pence = 1_000;
            c.claim_submitted_on = Some(format!("2025-04-{day:02}"));
        }
        store::create(&pool, c).await.unwrap();
    }
    let page = |q: ContributionQuery| {
        let pool = pool.clone();
        async move { store::list::<Contribution>(&pool, &q).await.unwrap() }
    };
    let common = |list: ListQuery| ContributionQuery::from(list);
    let first = page(common(ListQuery {
        limit: Some(10),
        ..Default::default()
    }))
    .await;
    assert_eq!(first.items.len(), 10);
    assert!(first.has_more);
    assert_eq!(
        first.items[0].data.date, "2025-04-30",
        "newest first by default"
    );
    let last = page(common(ListQuery {
        limit: Some(10),
        offset: Some(20),
        ..Default::default()
    }))
    .await;
    assert!(!last.has_more);
    assert_eq!(last.items.last().unwrap().data.date, "2025-04-01");
    let oldest_first = page(common(ListQuery {
        descending: Some(false),
        limit: Some(1),
        ..Default::default()
    }))
    .await;
    assert_eq!(oldest_first.items[0].data.date, "2025-04-01");

    assert_eq!(
        page(common(ListQuery {
            project_id: Some(a.id),
            limit: Some(100),
            ..Default::default()
        }))
        .await
        .items
        .len(),
        15
    );
    let range = page(common(ListQuery {
        from: Some("2025-04-10".into()),
        to: Some("2025-04-19".into()),
        ..Default::default()
    }))
    .await;
    assert_eq!(range.items.len(), 10);
    assert_eq!(
        page(ContributionQuery {
            activity: Some(Activity::Writing),
            ..Default::default()
        })
        .await
        .items
        .len(),
        10
    );
    assert_eq!(
        page(common(ListQuery {
            tag: Some("ethics".into()),
            ..Default::default()
        }))
        .await
        .items
        .len(),
        6
    );
    assert_eq!(
        page(ContributionQuery {
            status: Some(ClaimStatus::Claimed),
            ..Default::default()
        })
        .await
        .items
        .len(),
        6
    );
    assert_eq!(
        page(ContributionQuery {
            status: Some(ClaimStatus::NotClaimable),
            ..Default::default()
        })
        .await
        .items
        .len(),
        24
    );

    let projects = store::list::<Project>(
        &pool,
        &ListQuery {
            sort: Some(Sort::Title),
            ..Default::default()
        }
        .into(),
    )
    .await
    .unwrap();
    let titles: Vec<_> = projects
        .items
        .iter()
        .map(|p| p.data.title.as_str())
        .collect();
    assert_eq!(titles, ["Alpha", "beta"], "title order ignores case");

    for (q, field) in [
        (
            ListQuery {
                from: Some("2025-02-30".into()),
                ..Default::default()
            },
            "from",
        ),
        (
            ListQuery {
                from: Some("2025-05-01".into()),
                to: Some("2025-04-01".into()),
                ..Default::default()
            },
            "to",
        ),
        (
            ListQuery {
                limit: Some(0),
                ..Default::default()
            },
            "limit",
        ),
    ] {
        assert_eq!(
            field_of(
                store::list::<Contribution>(&pool, &q.into())
                    .await
                    .unwrap_err()
            ),
            field
        );
    }
}

#[tokio::test]
async fn delete_takes_what_belongs_and_undo_brings_exactly_that_back() {
    let (_dir, _vault, pool) = vault().await;
    let p = store::create(&pool, project("Hip fracture recovery"))
        .await
        .unwrap();
    let other = store::create(&pool, project("Other")).await.unwrap();
    let m = store::create(&pool, meeting(p.id, "2025-05-01"))
        .await
        .unwrap();
    let mut a = action("Read the papers", "2025-05-10");
    a.meeting_id = Some(m.id);
    store::create(&pool, a).await.unwrap();
    let mut c = contribution(p.id, "2025-05-01", 60);
    c.summary = "Talked about zebrafish".into();
    store::create(&pool, c).await.unwrap();
    let keep = store::create(&pool, contribution(other.id, "2025-05-02", 60))
        .await
        .unwrap();
    // Deleted separately before: undoing the project must not bring this one back.
    let separate = store::create(&pool, contribution(p.id, "2025-05-03", 15))
        .await
        .unwrap();
    store::delete(&pool, RecordKind::Contribution, separate.id)
        .await
        .unwrap();

    let deleted = store::delete(&pool, RecordKind::Project, p.id)
        .await
        .unwrap();
    assert_eq!(deleted.with_it, 3, "meeting, action, contribution");
    assert_eq!(deleted.undo_seconds, UNDO_SECONDS);
    let counts = store::live_counts(&pool).await.unwrap();
    assert_eq!(
        (
            counts.projects,
            counts.meetings,
            counts.actions,
            counts.contributions
        ),
        (1, 0, 0, 1)
    );
    assert!(matches!(
        store::get::<Project>(&pool, p.id).await,
        Err(CoreError::NotFound(_))
    ));
    assert!(search(&pool, "zebrafish", 10, Privacy::IncludePrivate)
        .await
        .unwrap()
        .is_empty());
    assert!(store::update(&pool, m.id, meeting(p.id, "2025-05-01"))
        .await
        .is_err());

    store::restore(&pool, RecordKind::Project, p.id)
        .await
        .unwrap();
    let counts = store::live_counts(&pool).await.unwrap();
    assert_eq!(
        (
            counts.projects,
            counts.meetings,
            counts.actions,
            counts.contributions
        ),
        (2, 1, 1, 2)
    );
    assert_eq!(
        search(&pool, "zebrafish", 10, Privacy::IncludePrivate)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(store::get::<Contribution>(&pool, separate.id)
        .await
        .is_err());
    assert!(
        store::restore(&pool, RecordKind::Project, p.id)
            .await
            .is_err(),
        "nothing left to undo"
    );

    // After the undo window the delete becomes final.
    store::delete(&pool, RecordKind::Project, p.id)
        .await
        .unwrap();
    let later = chrono::Utc::now() + chrono::Duration::seconds(UNDO_SECONDS + 1);
    let removed = store::purge_expired(&pool, later).await.unwrap();
    assert_eq!(
        removed, 5,
        "project, meeting, action, its contribution and the earlier one"
    );
    let gone: i64 = sqlx::query_scalar("SELECT count(*) FROM contributions")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(gone, 1);
    assert!(store::restore(&pool, RecordKind::Project, p.id)
        .await
        .is_err());
    assert_eq!(
        store::get::<Contribution>(&pool, keep.id).await.unwrap(),
        keep
    );
}

#[tokio::test]
async fn search_ranks_highlights_and_keeps_private_reflections_inside_the_app() {
    let (_dir, _vault, pool) = vault().await;
    let p = store::create(&pool, project("Early psychosis support"))
        .await
        .unwrap();
    let mut m = meeting(p.id, "2025-06-01");
    m.decisions = vec!["Leaflet to be rewritten in plain English".into()];
    let m = store::create(&pool, m).await.unwrap();
    let mut c = contribution(p.id, "2025-06-01", 60);
    c.impact_said = "I asked for evening appointments".into();
    let c = store::create(&pool, c).await.unwrap();
    let private = store::create(
        &pool,
        reflection("2025-06-02", true, "The leaflet discussion upset me"),
    )
    .await
    .unwrap();
    let shared = store::create(
        &pool,
        reflection(
            "2025-06-03",
            false,
            "A leaflet is only as good as its readers",
        ),
    )
    .await
    .unwrap();

    let inside = search(&pool, "leaflet", 10, Privacy::IncludePrivate)
        .await
        .unwrap();
    let ids: Vec<(RecordKind, i64)> = inside.iter().map(|h| (h.kind, h.id)).collect();
    assert!(ids.contains(&(RecordKind::Meeting, m.id)));
    assert!(ids.contains(&(RecordKind::Reflection, private.id)));
    assert!(ids.contains(&(RecordKind::Reflection, shared.id)));
    assert!(
        inside
            .iter()
            .find(|h| h.id == private.id && h.kind == RecordKind::Reflection)
            .unwrap()
            .private
    );
    let outside = search(&pool, "leaflet", 10, Privacy::LeaveOutPrivate)
        .await
        .unwrap();
    assert!(!outside
        .iter()
        .any(|h| h.kind == RecordKind::Reflection && h.id == private.id));
    assert_eq!(outside.len(), inside.len() - 1);

    let hits = search(&pool, "evening appoint", 10, Privacy::IncludePrivate)
        .await
        .unwrap();
    assert_eq!(hits.len(), 1, "all words must match; the last is a prefix");
    assert_eq!((hits[0].kind, hits[0].id), (RecordKind::Contribution, c.id));
    let marked: Vec<&str> = hits[0]
        .snippet
        .iter()
        .filter(|s| s.hit)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(marked, ["evening", "appointments"]);

    // Edits are searchable at once; syntax in the query is just words.
    let mut changed = c.data.clone();
    changed.impact_said = "I asked for weekend clinics".into();
    store::update(&pool, c.id, changed).await.unwrap();
    assert!(search(&pool, "evening", 10, Privacy::IncludePrivate)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        search(&pool, "weekend", 10, Privacy::IncludePrivate)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(
        search(&pool, "\"NOT AND(* NEAR", 10, Privacy::IncludePrivate)
            .await
            .is_ok()
    );
    assert!(search(&pool, "", 10, Privacy::IncludePrivate)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn dashboard_figures_match_hand_counts() {
    let (_dir, _vault, pool) = vault().await;
    let today = NaiveDate::from_ymd_opt(2025, 11, 20).unwrap();
    let p = store::create(&pool, project("Stroke discharge"))
        .await
        .unwrap();
    let q = store::create(&pool, project("Asthma")).await.unwrap();
    // This month: 60 + 30 + 15 (prep 10, travel 5 on the first).
    let mut c1 = contribution(p.id, "2025-11-03", 45);
    c1.prep_minutes = 10;
    c1.travel_minutes = 5;
    c1.fee_arrangement = FeeArrangement::Fee;
    c1.fee_pence = 5_000;
    c1.claim_submitted_on = Some("2025-11-04".into());
    c1.expenses = vec![expense(ExpenseKind::Fares, 1_250)];
    store::create(&pool, c1).await.unwrap();
    let mut c2 = contribution(q.id, "2025-11-19", 30);
    c2.activity = Activity::Reviewing;
    c2.fee_arrangement = FeeArrangement::Declined;
    c2.fee_pence = 2_000;
    store::create(&pool, c2).await.unwrap();
    // Earlier this year, claimed before the tax year and paid in it.
    let mut c3 = contribution(p.id, "2025-03-20", 120);
    c3.fee_arrangement = FeeArrangement::Fee;
    c3.fee_pence = 10_000;
    c3.claim_submitted_on = Some("2025-03-25".into());
    c3.paid_on = Some("2025-04-10".into());
    store::create(&pool, c3).await.unwrap();
    // An older claim still unpaid (the oldest).
    let mut c4 = contribution(q.id, "2024-12-01", 60);
    c4.fee_arrangement = FeeArrangement::Reduced;
    c4.fee_pence = 2_500;
    c4.claim_submitted_on = Some("2024-12-02".into());
    let c4 = store::create(&pool, c4).await.unwrap();
    // Not yet claimed.
    let mut c5 = contribution(q.id, "2025-11-20", 15);
    c5.fee_arrangement = FeeArrangement::Voucher;
    c5.fee_pence = 1_000;
    store::create(&pool, c5).await.unwrap();
    // Actions and meetings.
    store::create(&pool, action("Overdue one", "2025-11-01"))
        .await
        .unwrap();
    store::create(
        &pool,
        Action {
            status: ActionStatus::Done,
            ..action("Done", "2025-10-01")
        },
    )
    .await
    .unwrap();
    store::create(&pool, action("Not due", "2025-12-01"))
        .await
        .unwrap();
    let recent = store::create(&pool, meeting(p.id, "2025-11-15"))
        .await
        .unwrap();
    store::create(&pool, meeting(q.id, "2025-11-27"))
        .await
        .unwrap();
    store::create(&pool, reflection("2025-11-10", true, "x"))
        .await
        .unwrap();

    let d = dashboard(&pool, today).await.unwrap();
    assert_eq!(d.month.from, "2025-11-01");
    assert_eq!(d.month.to, "2025-11-30");
    assert_eq!(d.month.minutes, 60 + 30 + 15);
    assert_eq!(
        (
            d.month.prep_minutes,
            d.month.travel_minutes,
            d.month.contributions
        ),
        (10, 5, 3)
    );
    assert_eq!(d.year.minutes, 60 + 30 + 15 + 120);
    assert_eq!(d.year_by_project[0].title, "Stroke discharge");
    assert_eq!(d.year_by_project[0].minutes, 180);
    assert_eq!(d.year_by_activity[0].activity, Activity::Meeting);
    assert_eq!(d.money.tax_year_from, "2025-04-06");
    assert_eq!(d.money.claimed_this_tax_year_pence, 5_000 + 1_250);
    assert_eq!(d.money.paid_this_tax_year_pence, 10_000);
    assert_eq!(d.money.outstanding_pence, 5_000 + 1_250 + 2_500);
    assert_eq!(d.money.outstanding_claims, 2);
    let oldest = d.money.oldest_unpaid.unwrap();
    assert_eq!(
        (oldest.contribution_id, oldest.amount_pence),
        (c4.id, 2_500)
    );
    assert_eq!(oldest.days_waiting, 353);
    assert_eq!(
        (d.money.to_claim_pence, d.money.to_claim_count),
        (1_000, 1),
        "declined fees are not owed"
    );
    assert_eq!(d.overdue_count, 1);
    assert_eq!(d.overdue_actions[0].days_overdue, 19);
    assert_eq!(d.upcoming_meetings.len(), 1);
    assert_eq!(d.upcoming_meetings[0].date, "2025-11-27");
    assert_eq!(d.days_since_reflection, Some(10));
    assert_eq!(d.reflect_on.unwrap().id, recent.id);

    // Deleted records stop counting.
    store::delete(&pool, RecordKind::Contribution, c4.id)
        .await
        .unwrap();
    let d = dashboard(&pool, today).await.unwrap();
    assert_eq!(d.money.outstanding_claims, 1);
}

#[tokio::test]
async fn two_processes_writing_records_at_once_both_succeed() {
    use alongside_core::vault::{UnlockMethod, Vault};
    let (dir, _vault, pool) = vault().await;
    let p = store::create(&pool, project("Shared")).await.unwrap();
    let other = Vault::new(dir.path());
    other
        .unlock(UnlockMethod::Passphrase(secrecy::SecretString::from(
            PASS.to_owned(),
        )))
        .await
        .unwrap();
    let other_pool = other.pool().await.unwrap();
    let write = |pool: alongside_core::SqlitePool, day: u32| async move {
        for i in 0..40 {
            let mut c = contribution(p.id, &format!("2025-07-{day:02}"), 30);
            c.summary = format!("writer {day} entry {i}");
            store::create(&pool, c).await.unwrap();
            // Undo windows run on unlock; deleting and restoring also writes.
            if i % 10 == 0 {
                store::purge_expired(&pool, chrono::Utc::now())
                    .await
                    .unwrap();
            }
        }
    };
    tokio::join!(write(pool.clone(), 1), write(other_pool, 2));
    assert_eq!(store::live_counts(&pool).await.unwrap().contributions, 80);
}

#[tokio::test]
async fn project_totals_add_up_its_time_and_money_only() {
    use alongside_core::records::dashboard::project_totals;
    let (_dir, _vault, pool) = vault().await;
    let p = store::create(&pool, project("Totals")).await.unwrap();
    let other = store::create(&pool, project("Other")).await.unwrap();
    let mut paid = contribution(p.id, "2026-01-10", 90);
    paid.prep_minutes = 30;
    paid.fee_arrangement = FeeArrangement::Fee;
    paid.fee_pence = 5_000;
    paid.expenses = vec![expense(ExpenseKind::Parking, 300)];
    paid.claim_submitted_on = Some("2026-01-11".into());
    paid.paid_on = Some("2026-02-01".into());
    store::create(&pool, paid).await.unwrap();
    let mut waiting = contribution(p.id, "2026-02-10", 60);
    waiting.travel_minutes = 45;
    waiting.fee_arrangement = FeeArrangement::Fee;
    waiting.fee_pence = 2_000;
    waiting.claim_submitted_on = Some("2026-02-11".into());
    store::create(&pool, waiting).await.unwrap();
    let mut to_claim = contribution(p.id, "2026-03-10", 30);
    to_claim.fee_arrangement = FeeArrangement::Charity;
    to_claim.fee_pence = 9_999; // given to charity: not the user's money
    to_claim.expenses = vec![expense(ExpenseKind::Subsistence, 450)];
    store::create(&pool, to_claim).await.unwrap();
    let gone = store::create(&pool, contribution(p.id, "2026-03-11", 500))
        .await
        .unwrap();
    store::delete(&pool, RecordKind::Contribution, gone.id)
        .await
        .unwrap();
    store::create(&pool, contribution(other.id, "2026-03-10", 1_000))
        .await
        .unwrap();
    store::create(&pool, meeting(p.id, "2026-01-10"))
        .await
        .unwrap();
    let mut r = reflection("2026-01-10", true, "private thoughts");
    r.project_id = Some(p.id);
    store::create(&pool, r).await.unwrap();

    let t = project_totals(&pool, p.id).await.unwrap();
    assert_eq!(t.contributions, 3);
    assert_eq!(
        (t.prep_minutes, t.meeting_minutes, t.travel_minutes),
        (30, 180, 45)
    );
    assert_eq!(t.minutes, 255);
    assert_eq!((t.meetings, t.reflections), (1, 1));
    assert_eq!((t.fees_pence, t.expenses_pence), (7_000, 750));
    assert_eq!(
        (t.paid_pence, t.waiting_pence, t.to_claim_pence),
        (5_300, 2_000, 450)
    );
    let err = project_totals(&pool, 9_999).await.unwrap_err();
    assert_eq!(err.code(), alongside_core::ErrorCode::NotFound);
}

#[tokio::test]
async fn counts_leave_out_deleted_records_and_their_expense_lines() {
    let (_dir, _vault, pool) = vault().await;
    let p = store::create(&pool, project("Stroke rehab")).await.unwrap();
    let mut kept = contribution(p.id, "2025-06-02", 60);
    kept.expenses = vec![
        expense(ExpenseKind::Fares, 400),
        expense(ExpenseKind::Parking, 250),
    ];
    store::create(&pool, kept).await.unwrap();
    let mut gone = contribution(p.id, "2025-06-03", 30);
    gone.expenses = vec![expense(ExpenseKind::Subsistence, 600)];
    let gone = store::create(&pool, gone).await.unwrap();
    store::delete(&pool, RecordKind::Contribution, gone.id)
        .await
        .unwrap();
    let counts = store::live_counts(&pool).await.unwrap();
    assert_eq!((counts.contributions, counts.expenses), (1, 2));

    // Inside the undo window nothing is purged; after it, the delete is final.
    let now = chrono::Utc::now();
    assert_eq!(store::purge_expired(&pool, now).await.unwrap(), 0);
    let later = now + chrono::Duration::seconds(UNDO_SECONDS + 1);
    assert_eq!(store::purge_expired(&pool, later).await.unwrap(), 1);
    let lines: i64 = sqlx::query_scalar("SELECT count(*) FROM expenses")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(lines, 2, "the purged contribution's line went with it");
}

/// Unlocking counts live records and purges expired deletes; on a busy vault a scan of a whole
/// table means decrypting tens of megabytes, so each of those statements must use an index.
#[tokio::test]
async fn start_up_statements_read_indexes_not_whole_tables() {
    let (_dir, _vault, pool) = vault().await;
    let mut statements = vec![
        "SELECT (SELECT count(*) FROM expenses) - (SELECT count(*) FROM expenses e \
         JOIN contributions c ON c.id = e.contribution_id WHERE c.deleted_at IS NOT NULL)"
            .to_owned(),
    ];
    for kind in [
        RecordKind::Person,
        RecordKind::Project,
        RecordKind::Meeting,
        RecordKind::Action,
        RecordKind::Contribution,
        RecordKind::Reflection,
    ] {
        let t = kind.table();
        statements.push(format!("SELECT count(*) FROM {t} WHERE deleted_at IS NULL"));
        statements.push(format!(
            "DELETE FROM {t} WHERE deleted_at IS NOT NULL AND deleted_at < '2025-01-01'"
        ));
    }
    for sql in statements {
        // EXPLAIN QUERY PLAN rows are (id, parent, notused, detail).
        let plan: Vec<String> = sqlx::query(&format!("EXPLAIN QUERY PLAN {sql}"))
            .fetch_all(&pool)
            .await
            .unwrap()
            .iter()
            .map(|r| sqlx::Row::get::<String, _>(r, 3))
            .collect();
        assert!(!plan.is_empty(), "no plan for {sql}");
        for step in &plan {
            assert!(
                !step.starts_with("SCAN") || step.contains("USING") || step == "SCAN CONSTANT ROW",
                "{sql} reads a whole table: {step}"
            );
        }
    }
}

#[tokio::test]
async fn a_claim_reference_is_kept_trimmed_and_limited() {
    let (_dir, _vault, pool) = vault().await;
    let p = store::create(&pool, project("Hip study")).await.unwrap();
    let mut c = contribution(p.id, "2025-03-04", 60);
    c.claim_reference = "  INV-2025-017 ".into();
    let saved = store::create(&pool, c.clone()).await.unwrap();
    assert_eq!(saved.data.claim_reference, "INV-2025-017");
    assert_eq!(
        store::get::<Contribution>(&pool, saved.id).await.unwrap(),
        saved
    );

    c.claim_reference = "x".repeat(10_000);
    let err = store::create(&pool, c).await.unwrap_err();
    assert_eq!(field_of(err), "claim_reference");

    // A contribution written before the column existed (an older export) reads as no reference.
    let mut older = serde_json::to_value(&saved.data).unwrap();
    older.as_object_mut().unwrap().remove("claim_reference");
    let read: Contribution = serde_json::from_value(older).unwrap();
    assert_eq!(read.claim_reference, "");
}
