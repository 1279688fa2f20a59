//! Exchange files made and opened in the core with real vaults: forged and swapped signatures,
//! unknown versions and kinds, and files addressed to someone else, each refused with nothing
//! written; the read-only rule on received records.

use alongside_core::exchange::envelope::{self, Seal};
use alongside_core::exchange::identity::{self, OwnIdentity};
use alongside_core::exchange::inbox::{self, Decision};
use alongside_core::exchange::payload::*;
use alongside_core::exchange::{contacts, readable};
use alongside_core::records::choices::CheckedHow;
use alongside_core::records::choices::MeetingKind;
use alongside_core::records::{store, Meeting, RecordKind};
use alongside_core::{ErrorCode, SqlitePool};
use alongside_test_support::*;

async fn vault_with_identity(
    name: &str,
) -> (tempfile::TempDir, alongside_core::vault::Vault, SqlitePool) {
    let (dir, vault, pool) = vault().await;
    identity::set_up(&pool, name, "patient partner")
        .await
        .unwrap();
    (dir, vault, pool)
}

fn consent_payload(sender: &OwnIdentity, to: &OwnIdentity) -> Payload {
    Payload {
        format: FORMAT.into(),
        version: VERSION,
        id: alongside_core::records::uid::new_uid(),
        created_at: "2026-12-03T10:00:00Z".into(),
        sender: sender.public.clone(),
        recipients: vec![Addressee {
            name: to.public.name.clone(),
            fingerprint: to.public.fingerprint(),
        }],
        passphrase: false,
        delete_after: None,
        content: Content::Consent(ConsentUpdate {
            meeting_uid: alongside_core::records::uid::new_uid(),
            meeting_title: "Workshop".into(),
            meeting_date: "2026-11-01".into(),
            withdraw: true,
            quote: false,
            named: false,
            photo: false,
            audio: false,
            on: "2026-12-03".into(),
        }),
    }
}

fn seal_to(signer: &OwnIdentity, payload: &[u8], page: &str, to: &OwnIdentity) -> Vec<u8> {
    let recipient = to.public.recipient().unwrap();
    envelope::seal(signer, payload, page, Seal::Recipients(&[recipient]), false).unwrap()
}

/// `payload` signed by `signer` with its readable page, encrypted to `to`.
fn sealed(signer: &OwnIdentity, payload: &Payload, to: &OwnIdentity) -> Vec<u8> {
    seal_to(
        signer,
        &payload.to_bytes().unwrap(),
        &readable::page(payload),
        to,
    )
}

async fn received_rows(pool: &SqlitePool) -> usize {
    inbox::entries(pool).await.unwrap().len()
}

#[tokio::test]
async fn forged_swapped_unknown_and_misaddressed_files_are_refused_with_nothing_written() {
    let (_d, _v, pool) = vault_with_identity("Priya").await;
    let me = identity::own(&pool).await.unwrap().unwrap();
    let sam = OwnIdentity::generate("Sam", "patient partner").unwrap();
    let mallory = OwnIdentity::generate("Mallory", "").unwrap();
    let payload = consent_payload(&sam, &me);
    let bytes = payload.to_bytes().unwrap();
    let page = readable::page(&payload);

    // The genuine file opens (as a dry run).
    let good = seal_to(&sam, &bytes, &page, &me);
    let opened = inbox::open(&pool, &good, None, None).await.unwrap();
    assert_eq!(opened.kind, "consent");
    assert!(matches!(opened.trust, inbox::Sender::Unknown));

    let code = |e: alongside_core::CoreError| e.code();
    // Forged sender: valid encryption, signed by another key than the one named.
    let forged = seal_to(&mallory, &bytes, &page, &me);
    let err = inbox::open(&pool, &forged, None, None).await.unwrap_err();
    assert_eq!(code(err), ErrorCode::InvalidInput);
    // The readable copy changed after signing (same payload, same signature).
    let other_page = page.replace("Workshop", "Something else");
    let swapped_page = {
        let signed = seal_to(&sam, &bytes, &page, &me);
        let plain = envelope::unseal(&signed, Some(&me), None).unwrap().page;
        let tampered = plain.replacen("<h1>", "<h1>Changed ", 1);
        let recipient = me.public.recipient().unwrap();
        // Re-encrypt the tampered page as it is, with the original signature inside.
        let encryptor =
            age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                .unwrap();
        let mut out = Vec::new();
        let mut w = encryptor.wrap_output(&mut out).unwrap();
        std::io::Write::write_all(&mut w, tampered.as_bytes()).unwrap();
        w.finish().unwrap();
        out
    };
    let err = inbox::open(&pool, &swapped_page, None, None)
        .await
        .unwrap_err();
    assert_eq!(code(err), ErrorCode::InvalidInput);
    // A signature swapped in from another file (of another payload) by the same sender.
    let other = consent_payload(&sam, &me);
    let other_signed = seal_to(&sam, &other.to_bytes().unwrap(), &other_page, &me);
    let other_plain = envelope::unseal(&other_signed, Some(&me), None)
        .unwrap()
        .page;
    let good_plain = envelope::unseal(&good, Some(&me), None).unwrap().page;
    let sig_of = |p: &str| {
        let at = p.find("\"signature\":\"").unwrap() + 13;
        p[at..at + p[at..].find('"').unwrap()].to_owned()
    };
    let swapped_sig = good_plain.replace(&sig_of(&good_plain), &sig_of(&other_plain));
    let recipient = me.public.recipient().unwrap();
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .unwrap();
    let mut swapped = Vec::new();
    let mut w = encryptor.wrap_output(&mut swapped).unwrap();
    std::io::Write::write_all(&mut w, swapped_sig.as_bytes()).unwrap();
    w.finish().unwrap();
    let err = inbox::open(&pool, &swapped, None, None).await.unwrap_err();
    assert_eq!(code(err), ErrorCode::InvalidInput);

    // An unknown version and an unknown kind, properly signed.
    let mut value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    value["version"] = 2.into();
    let v2 = serde_json::to_vec(&value).unwrap();
    let err = inbox::open(&pool, &seal_to(&sam, &v2, &page, &me), None, None)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("version"), "{err}");
    let mut value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    value["content"]["kind"] = "recipe".into();
    let unknown = serde_json::to_vec(&value).unwrap();
    let err = inbox::open(&pool, &seal_to(&sam, &unknown, &page, &me), None, None)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("kind of record"), "{err}");
    // Too long a field, properly signed.
    let mut value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    value["content"]["meeting_title"] = "x".repeat(30_000).into();
    let long = serde_json::to_vec(&value).unwrap();
    let err = inbox::open(&pool, &seal_to(&sam, &long, &page, &me), None, None)
        .await
        .unwrap_err();
    assert_eq!(code(err), ErrorCode::InvalidInput);

    // Encrypted to me, but the payload addresses someone else: a forward is refused.
    let mut for_mallory = consent_payload(&sam, &mallory);
    for_mallory.recipients[0].name = "Mallory".into();
    let err = inbox::open(
        &pool,
        &seal_to(&sam, &for_mallory.to_bytes().unwrap(), &page, &me),
        None,
        None,
    )
    .await
    .unwrap_err();
    assert_eq!(code(err), ErrorCode::NotAddressed);
    // Encrypted to someone else altogether.
    let err = inbox::open(&pool, &seal_to(&sam, &bytes, &page, &mallory), None, None)
        .await
        .unwrap_err();
    assert_eq!(code(err), ErrorCode::NotAddressed);

    assert_eq!(
        received_rows(&pool).await,
        0,
        "nothing was written for any of them"
    );
}

#[tokio::test]
async fn an_unknown_key_cannot_change_consent_and_received_records_are_read_only() {
    let (_d, _v, pool) = vault_with_identity("Priya").await;
    let me = identity::own(&pool).await.unwrap().unwrap();
    let sam = OwnIdentity::generate("Sam", "patient partner").unwrap();
    let payload = consent_payload(&sam, &me);
    let file = sealed(&sam, &payload, &me);
    let opened = inbox::open(&pool, &file, None, Some(Decision::Added))
        .await
        .unwrap();
    assert!(opened.changes[0].starts_with("Nothing: consent can only be changed"));

    // Once Sam is a checked contact, the same kind of file is theirs (a new file).
    let person = store::create(&pool, person("Sam Okafor")).await.unwrap();
    contacts::add(
        &pool,
        person.id,
        &sam.public,
        CheckedHow::InPerson,
        "2026-12-03",
    )
    .await
    .unwrap();
    let again = consent_payload(&sam, &me);
    let file = sealed(&sam, &again, &me);
    let opened = inbox::open(&pool, &file, None, None).await.unwrap();
    assert!(matches!(opened.trust, inbox::Sender::Checked { .. }));
    assert!(
        opened.changes[0].contains("is not in your records"),
        "{:?}",
        opened.changes
    );

    // A record that came in a file cannot be edited.
    let session = Payload {
        id: alongside_core::records::uid::new_uid(),
        content: Content::Session(SessionRecord {
            project: SharedProject {
                uid: alongside_core::records::uid::new_uid(),
                title: "Kingfisher".into(),
                organisation: String::new(),
            },
            meeting: SharedMeeting {
                uid: alongside_core::records::uid::new_uid(),
                kind: MeetingKind::CoDesignWorkshop,
                title: "Workshop one".into(),
                date: "2026-11-01".into(),
                start_time: None,
                end_time: None,
                place: String::new(),
                online: false,
                stage: None,
                agenda: vec!["Welcome".into()],
                record_notes: "We met.".into(),
                decisions: Vec::new(),
                priorities: Vec::new(),
            },
            attendees: Vec::new(),
            voices: Vec::new(),
            feedback: Vec::new(),
        }),
        ..again
    };
    let file = sealed(&sam, &session, &me);
    let opened = inbox::open(&pool, &file, None, Some(Decision::Added))
        .await
        .unwrap();
    assert_eq!(opened.changes.len(), 2, "{:?}", opened.changes);
    let meetings = store::list::<Meeting>(&pool, &Default::default())
        .await
        .unwrap();
    let received = meetings
        .items
        .iter()
        .find(|m| m.data.title == "Workshop one")
        .unwrap();
    let err = store::update::<Meeting>(&pool, received.id, received.data.clone())
        .await
        .unwrap_err();
    assert_eq!(field_of(err), "received");
    // It says who it came from, and when.
    let origin = inbox::origin(&pool, RecordKind::Meeting, received.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(origin.sender_name, "Sam");
    assert_eq!(origin.made_at, "2026-12-03T10:00:00Z");
}

#[tokio::test]
async fn a_correction_changes_only_the_senders_own_words_and_an_acknowledgement_only_a_file_sent_to_them(
) {
    use alongside_core::records::Voice;
    let (_d, _v, pool) = vault_with_identity("Priya").await;
    let me = identity::own(&pool).await.unwrap().unwrap();
    let sam = OwnIdentity::generate("Sam", "patient partner").unwrap();
    let sam_person = store::create(&pool, person("Sam Okafor")).await.unwrap();
    let jo_person = store::create(&pool, person("Jo Baptiste")).await.unwrap();
    contacts::add(
        &pool,
        sam_person.id,
        &sam.public,
        CheckedHow::Phone,
        "2026-12-03",
    )
    .await
    .unwrap();
    let project = store::create(&pool, project("Kingfisher")).await.unwrap();
    let meeting = store::create(&pool, meeting(project.id, "2026-11-01"))
        .await
        .unwrap();
    let words = |who: i64, text: &str| Voice {
        meeting_id: meeting.id,
        person_id: Some(who),
        text: text.into(),
        quotable: false,
        themes: Vec::new(),
        touchpoint: String::new(),
        emotion: None,
    };
    let sams = store::create(&pool, words(sam_person.id, "It was easy."))
        .await
        .unwrap();
    let jos = store::create(&pool, words(jo_person.id, "It was hard."))
        .await
        .unwrap();
    let reply = |voice_uid: &str, said: &str| Payload {
        content: Content::Correction(Correction {
            replies_to: alongside_core::records::uid::new_uid(),
            meeting_uid: meeting.uid.clone(),
            meeting_title: "Workshop".into(),
            meeting_date: "2026-11-01".into(),
            voice_uid: voice_uid.into(),
            recorded: "It was easy.".into(),
            said: said.into(),
        }),
        id: alongside_core::records::uid::new_uid(),
        ..consent_payload(&sam, &me)
    };
    let open = |payload: Payload| {
        let file = sealed(&sam, &payload, &me);
        let pool = pool.clone();
        async move {
            inbox::open(&pool, &file, None, Some(Decision::Added))
                .await
                .unwrap()
                .changes
        }
    };
    // Sam cannot change Jo's words.
    let changes = open(reply(&jos.uid, "Jo said it was easy.")).await;
    assert!(changes[0].contains("not recorded as Sam's"), "{changes:?}");
    // Sam's own words become what Sam says they said.
    let changes = open(reply(&sams.uid, "It was the hardest part.")).await;
    assert!(
        changes[0].contains("to “It was the hardest part.”"),
        "{changes:?}"
    );
    let texts: Vec<String> = store::list::<Voice>(&pool, &Default::default())
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|v| v.data.text)
        .collect();
    assert!(texts.contains(&"It was the hardest part.".to_owned()));
    assert!(texts.contains(&"It was hard.".to_owned()));
    // An empty correction is refused when the file is read.
    let mut empty = reply(&sams.uid, "x");
    if let Content::Correction(c) = &mut empty.content {
        c.said = "  ".into();
    }
    let file = sealed(&sam, &empty, &me);
    assert!(inbox::open(&pool, &file, None, None).await.is_err());
    // An acknowledgement of a file never sent to Sam records nothing.
    let thanks = Payload {
        content: Content::Acknowledgement(Acknowledgement {
            replies_to: alongside_core::records::uid::new_uid(),
            about: "the record of \"Workshop\"".into(),
            message: String::new(),
        }),
        id: alongside_core::records::uid::new_uid(),
        ..consent_payload(&sam, &me)
    };
    let changes = open(thanks).await;
    assert!(
        changes[0].starts_with("Nothing: you did not send"),
        "{changes:?}"
    );
}

#[tokio::test]
async fn merging_a_duplicate_person_moves_their_sharing_identity_and_files() {
    use alongside_core::records::participants;
    let (_d, _v, pool) = vault_with_identity("Priya").await;
    let me = identity::own(&pool).await.unwrap().unwrap();
    let sam = OwnIdentity::generate("Sam", "patient partner").unwrap();
    let keep = store::create(&pool, person("Sam Okafor")).await.unwrap();
    let dup = store::create(&pool, person("Sam O.")).await.unwrap();
    contacts::add(&pool, dup.id, &sam.public, CheckedHow::Phone, "2026-12-03")
        .await
        .unwrap();
    let payload = consent_payload(&sam, &me);
    let file = sealed(&sam, &payload, &me);
    inbox::open(&pool, &file, None, Some(Decision::Kept))
        .await
        .unwrap();
    participants::merge(&pool, keep.id, dup.id).await.unwrap();
    let contact = contacts::of_person(&pool, keep.id).await.unwrap().unwrap();
    assert_eq!(contact.fingerprint, sam.public.fingerprint());
    let entries = inbox::entries(&pool).await.unwrap();
    assert_eq!(entries[0].person_id, Some(keep.id));
}

#[tokio::test]
async fn adding_a_leads_feedback_fills_the_contribution_and_the_overview_waits_for_one_fewer() {
    use alongside_core::records::dashboard::dashboard;
    use alongside_core::records::{choices::FeedbackStatus, Contribution};
    let (_d, _v, pool) = vault_with_identity("Sam").await;
    let me = identity::own(&pool).await.unwrap().unwrap();
    let priya = OwnIdentity::generate("Priya Shah", "project lead").unwrap();
    let lead = store::create(&pool, person("Priya Shah")).await.unwrap();
    contacts::add(
        &pool,
        lead.id,
        &priya.public,
        CheckedHow::Phone,
        "2026-12-03",
    )
    .await
    .unwrap();
    let kingfisher = store::create(&pool, project("Kingfisher")).await.unwrap();
    let mine = store::create(&pool, contribution(kingfisher.id, "2026-11-01", 90))
        .await
        .unwrap();
    store::create(&pool, contribution(kingfisher.id, "2026-11-20", 30))
        .await
        .unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    assert_eq!(
        dashboard(&pool, today).await.unwrap().waiting_for_feedback,
        2
    );
    let payload = Payload {
        content: Content::Session(SessionRecord {
            project: SharedProject {
                uid: alongside_core::records::uid::new_uid(),
                title: "Kingfisher".into(),
                organisation: String::new(),
            },
            meeting: SharedMeeting {
                uid: alongside_core::records::uid::new_uid(),
                kind: MeetingKind::CoDesignWorkshop,
                title: "Workshop one".into(),
                date: "2026-11-01".into(),
                start_time: None,
                end_time: None,
                place: String::new(),
                online: false,
                stage: None,
                agenda: Vec::new(),
                record_notes: String::new(),
                decisions: Vec::new(),
                priorities: Vec::new(),
            },
            attendees: Vec::new(),
            voices: Vec::new(),
            feedback: vec![SharedFeedback {
                uid: alongside_core::records::uid::new_uid(),
                you_said: "The leaflet is too long".into(),
                we_did: "We cut it to one page".into(),
                status: FeedbackStatus::Did,
                due_date: None,
                reason: String::new(),
            }],
        }),
        ..consent_payload(&priya, &me)
    };
    let opened = inbox::open(
        &pool,
        &sealed(&priya, &payload, &me),
        None,
        Some(Decision::Added),
    )
    .await
    .unwrap();
    assert!(
        opened
            .changes
            .iter()
            .any(|c| c.contains("to the feedback of your contribution of 2026-11-01")),
        "{:?}",
        opened.changes
    );
    let filled = store::get::<Contribution>(&pool, mine.id).await.unwrap();
    assert!(filled.data.feedback.contains("We cut it to one page"));
    assert_eq!(filled.data.feedback_date.as_deref(), Some("2026-12-03"));
    assert_eq!(
        dashboard(&pool, today).await.unwrap().waiting_for_feedback,
        1
    );
}
