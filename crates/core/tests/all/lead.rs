//! The lead side's rules, on a real vault: consent before quoting, one consent per person per
//! session, merging two records of one person, and the person page.

use alongside_core::records::choices::*;
use alongside_core::records::participants;
use alongside_core::records::{store, FeedbackItem, Meeting, Person, RecordKind, Voice};
use alongside_test_support::*;

fn voice(meeting_id: i64, person_id: Option<i64>, text: &str, quotable: bool) -> Voice {
    Voice {
        meeting_id,
        person_id,
        text: text.into(),
        quotable,
        ..Default::default()
    }
}

#[tokio::test]
async fn words_are_quotable_only_with_consent_on_file() {
    let (_dir, _vault, pool) = vault().await;
    let p = store::create(&pool, project("Run")).await.unwrap();
    let m = store::create(&pool, meeting(p.id, "2026-05-01"))
        .await
        .unwrap();
    let a = store::create(&pool, person("Ann")).await.unwrap();
    let b = store::create(&pool, person("Bob")).await.unwrap();

    // Nothing on file: refused, with the field named.
    let err = store::create(&pool, voice(m.id, Some(a.id), "Too long", true))
        .await
        .unwrap_err();
    assert_eq!(field_of(err), "quotable");
    // Kept, not quotable: fine. Anonymous and quotable: fine.
    store::create(&pool, voice(m.id, Some(a.id), "Too long", false))
        .await
        .unwrap();
    store::create(&pool, voice(m.id, None, "Calmer", true))
        .await
        .unwrap();

    // With quote consent: fine. A refusal does not allow it.
    store::create(&pool, consent(m.id, a.id, true, false))
        .await
        .unwrap();
    store::create(&pool, consent(m.id, b.id, false, false))
        .await
        .unwrap();
    let quoted = store::create(&pool, voice(m.id, Some(a.id), "Quote me", true))
        .await
        .unwrap();
    let err = store::create(&pool, voice(m.id, Some(b.id), "Not me", true))
        .await
        .unwrap_err();
    assert_eq!(field_of(err), "quotable");

    // One consent entry per person per session.
    let err = store::create(&pool, consent(m.id, a.id, true, true))
        .await
        .unwrap_err();
    assert_eq!(field_of(err), "person_id");

    // Taking quote consent away while words are marked quotable is refused (withdrawing is
    // the way); recording a withdrawal is accepted.
    let page = participants::page(&pool, a.id).await.unwrap();
    let entry = page.consents[0].clone();
    let mut no_quote = entry.data.clone();
    no_quote.quote = false;
    let err = store::update(&pool, entry.id, no_quote).await.unwrap_err();
    assert_eq!(field_of(err), "quote");
    let mut withdrawn = entry.data.clone();
    withdrawn.withdrawn_on = Some("2026-05-10".into());
    store::update(&pool, entry.id, withdrawn).await.unwrap();
    // A withdrawal before the consent was given makes no sense.
    let mut early = entry.data.clone();
    early.withdrawn_on = Some("2026-04-01".into());
    assert_eq!(
        field_of(store::update(&pool, entry.id, early).await.unwrap_err()),
        "withdrawn_on"
    );
    assert!(
        store::get::<Voice>(&pool, quoted.id)
            .await
            .unwrap()
            .data
            .quotable
    );

    // An item can only answer voices of its own session; "we can't" needs a reason.
    let other = store::create(&pool, meeting(p.id, "2026-06-01"))
        .await
        .unwrap();
    let item = FeedbackItem {
        meeting_id: other.id,
        we_did: "Shorter form".into(),
        voice_ids: vec![quoted.id],
        ..Default::default()
    };
    assert_eq!(
        field_of(store::create(&pool, item.clone()).await.unwrap_err()),
        "voice_ids"
    );
    let cannot = FeedbackItem {
        meeting_id: m.id,
        status: FeedbackStatus::Cannot,
        ..item
    };
    assert_eq!(
        field_of(store::create(&pool, cannot).await.unwrap_err()),
        "reason"
    );
}

#[tokio::test]
async fn merging_two_records_of_one_person_moves_everything_and_never_widens_consent() {
    let (_dir, _vault, pool) = vault().await;
    let p = store::create(&pool, project("Run")).await.unwrap();
    let m1 = store::create(&pool, meeting(p.id, "2026-05-01"))
        .await
        .unwrap();
    let m2 = store::create(&pool, meeting(p.id, "2026-06-01"))
        .await
        .unwrap();
    let keep = store::create(
        &pool,
        Person {
            access_needs: vec![AccessNeed::LargePrint],
            ..person("Ann Lee")
        },
    )
    .await
    .unwrap();
    let dup = store::create(
        &pool,
        Person {
            roles: vec![PersonRole::Carer],
            access_needs: vec![AccessNeed::StepFree],
            contact: "ann@example.org".into(),
            notes: "Prefers mornings".into(),
            ..person("Ann  Lee")
        },
    )
    .await
    .unwrap();
    // Both in meeting 1's register; only the duplicate in meeting 2's.
    let mut first = m1.data.clone();
    first.attendees = vec![
        attendee(keep.id, PersonRole::PatientPartner),
        attendee(dup.id, PersonRole::PatientPartner),
    ];
    store::update(&pool, m1.id, first).await.unwrap();
    let mut second = m2.data.clone();
    second.attendees = vec![attendee(dup.id, PersonRole::Carer)];
    store::update(&pool, m2.id, second).await.unwrap();
    // Consent for meeting 1 from both (the duplicate refused naming); meeting 2 only the dup.
    store::create(&pool, consent(m1.id, keep.id, true, true))
        .await
        .unwrap();
    store::create(&pool, consent(m1.id, dup.id, true, false))
        .await
        .unwrap();
    store::create(&pool, consent(m2.id, dup.id, true, true))
        .await
        .unwrap();
    store::create(&pool, voice(m2.id, Some(dup.id), "Mornings suit me", true))
        .await
        .unwrap();
    let mut owned = action("Send the leaflet", "2026-06-10");
    owned.owner_id = Some(dup.id);
    store::create(&pool, owned).await.unwrap();

    let merged = participants::merge(&pool, keep.id, dup.id).await.unwrap();
    assert!(merged.moved >= 5, "{merged:?}");

    let page = participants::page(&pool, keep.id).await.unwrap();
    let data = &page.person.data;
    assert_eq!(data.roles, vec![PersonRole::Researcher, PersonRole::Carer]);
    assert_eq!(
        data.access_needs,
        vec![AccessNeed::LargePrint, AccessNeed::StepFree]
    );
    assert_eq!(data.contact, "ann@example.org");
    assert_eq!(data.notes, "Prefers mornings");
    assert_eq!(page.sessions.len(), 2, "one register line per session");
    assert_eq!(page.consents.len(), 2, "one consent entry per session");
    let on_first = page
        .consents
        .iter()
        .find(|c| c.data.meeting_id == m1.id)
        .unwrap();
    assert!(
        on_first.data.quote && !on_first.data.named,
        "the stricter answer stands"
    );
    assert_eq!(page.voices.len(), 1);
    assert_eq!(page.actions.len(), 1);
    let reg = store::get::<Meeting>(&pool, m1.id)
        .await
        .unwrap()
        .data
        .attendees;
    assert_eq!(reg.len(), 1);
    assert_eq!(reg[0].person_id, keep.id);
    assert!(
        store::get::<Person>(&pool, dup.id).await.is_err(),
        "the duplicate is gone"
    );
    // The duplicate can be brought back (empty) with undo, like any delete.
    store::restore(&pool, RecordKind::Person, dup.id)
        .await
        .unwrap();
    assert!(participants::page(&pool, dup.id)
        .await
        .unwrap()
        .consents
        .is_empty());

    assert_eq!(
        field_of(
            participants::merge(&pool, keep.id, keep.id)
                .await
                .unwrap_err()
        ),
        "duplicate"
    );
}

#[tokio::test]
async fn deleting_a_person_takes_their_consents_and_words_with_them_and_undo_brings_them_back() {
    let (_dir, _vault, pool) = vault().await;
    let p = store::create(&pool, project("Run")).await.unwrap();
    let m = store::create(&pool, meeting(p.id, "2026-05-01"))
        .await
        .unwrap();
    let a = store::create(&pool, person("Ann")).await.unwrap();
    store::create(&pool, consent(m.id, a.id, true, true))
        .await
        .unwrap();
    store::create(&pool, voice(m.id, Some(a.id), "Mine", true))
        .await
        .unwrap();
    let deleted = store::delete(&pool, RecordKind::Person, a.id)
        .await
        .unwrap();
    assert_eq!(deleted.with_it, 2);
    let counts = store::live_counts(&pool).await.unwrap();
    assert_eq!(
        (counts.consents, counts.voices),
        (0, 0),
        "never left as \"a participant\""
    );
    store::restore(&pool, RecordKind::Person, a.id)
        .await
        .unwrap();
    let counts = store::live_counts(&pool).await.unwrap();
    assert_eq!((counts.consents, counts.voices), (1, 1));
}

#[tokio::test]
async fn people_are_found_by_part_of_a_name_or_organisation() {
    use alongside_core::records::people::PersonQuery;
    let (_dir, _vault, pool) = vault().await;
    store::create(&pool, person("Priya Shah")).await.unwrap();
    store::create(
        &pool,
        Person {
            organisation: "100% Trust".into(),
            ..person("Tom")
        },
    )
    .await
    .unwrap();
    let find = |text: &str| {
        let pool = pool.clone();
        let q = PersonQuery {
            name: Some(text.into()),
            ..Default::default()
        };
        async move {
            store::list::<Person>(&pool, &q)
                .await
                .unwrap()
                .items
                .into_iter()
                .map(|p| p.data.name)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(find("shah").await, vec!["Priya Shah"]);
    assert_eq!(find("100%").await, vec!["Tom"]);
    assert_eq!(
        find("%").await,
        vec!["Tom"],
        "% is a character, not a wildcard"
    );
    assert_eq!(find("_").await, Vec::<String>::new());
}

#[tokio::test]
async fn the_overview_lists_others_overdue_actions_on_projects_the_user_runs() {
    use alongside_core::records::dashboard::dashboard;
    use alongside_core::records::Action;
    let (_dir, _vault, pool) = vault().await;
    let mut run = project("Run");
    run.involvement = Involvement::Run;
    let run = store::create(&pool, run).await.unwrap();
    let mine = store::create(&pool, project("Mine")).await.unwrap();
    let m = store::create(&pool, meeting(run.id, "2026-05-01"))
        .await
        .unwrap();
    let cy = store::create(&pool, person("Cy Owen")).await.unwrap();
    let make = |title: &str, meeting_id, project_id, owner_id, team_owned| Action {
        meeting_id,
        project_id,
        owner_id,
        team_owned,
        ..action(title, "2026-05-10")
    };
    for a in [
        make(
            "Cy's, from the session",
            Some(m.id),
            None,
            Some(cy.id),
            false,
        ),
        make("The team's", None, Some(run.id), None, true),
        make("My own", None, Some(run.id), None, false),
        make(
            "Cy's, on a project I take part in",
            None,
            Some(mine.id),
            Some(cy.id),
            false,
        ),
    ] {
        store::create(&pool, a).await.unwrap();
    }
    let mut done = make("Done already", Some(m.id), None, Some(cy.id), false);
    done.status = ActionStatus::Done;
    store::create(&pool, done).await.unwrap();

    let today = chrono::NaiveDate::from_ymd_opt(2026, 5, 20).unwrap();
    let d = dashboard(&pool, today).await.unwrap();
    let others: Vec<(&str, Option<&str>)> = d
        .others_overdue
        .iter()
        .map(|a| (a.title.as_str(), a.owner.as_deref()))
        .collect();
    assert_eq!(
        others,
        [
            ("Cy's, from the session", Some("Cy Owen")),
            ("The team's", Some("The team"))
        ]
    );
    assert_eq!(d.others_overdue[0].project_title.as_deref(), Some("Run"));
    assert_eq!(d.others_overdue[0].days_overdue, 10);
}

#[tokio::test]
async fn a_new_vault_has_no_notice_about_notes_becoming_private() {
    let (_dir, _vault, pool) = vault().await;
    assert!(alongside_core::records::notices::pending(&pool)
        .await
        .unwrap()
        .is_empty());
}
