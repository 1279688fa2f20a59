//! The demo's project that the user runs: an Experience-Based Co-Design cycle with ten people,
//! six sessions with registers, consent (refusals and one withdrawal included), voices,
//! "you said, we did" items and actions with owners, so tests and benchmarks cover the lead side.

use chrono::{Duration, NaiveDate};
use rand::Rng;
use sqlx::SqliteConnection;

use super::choices::{
    AccessNeed, ActionStatus, Approach, AttendanceStatus, CoDesignStage, ConsentHow, Emotion,
    ExpenseKind, FeeArrangement, FeedbackStatus, Involvement, MeetingKind, PersonRole,
    ProjectStatus,
};
use super::demo::{day, put, Gen};
use super::transfer::Counts;
use super::{
    Action, Attendee, Consent, Expense, FedBack, FeedbackItem, Meeting, Payment, Person, Priority,
    Project, RateCard, Voice,
};
use crate::error::CoreResult;

/// The people of the run project: name, role, access needs, payment preference.
const PEOPLE: &[(&str, PersonRole, &[AccessNeed], FeeArrangement)] = &[
    (
        "Alex Morgan",
        PersonRole::PatientPartner,
        &[AccessNeed::PapersEarly],
        FeeArrangement::Fee,
    ),
    (
        "Bea Kowalski",
        PersonRole::PatientPartner,
        &[AccessNeed::LargePrint],
        FeeArrangement::Voucher,
    ),
    (
        "Carys Hughes",
        PersonRole::Carer,
        &[AccessNeed::CarerAttends],
        FeeArrangement::Fee,
    ),
    (
        "Dan Osei",
        PersonRole::PatientPartner,
        &[AccessNeed::StepFree],
        FeeArrangement::Declined,
    ),
    (
        "Esme Clarke",
        PersonRole::ExpertByExperience,
        &[AccessNeed::QuietRoom],
        FeeArrangement::Charity,
    ),
    ("Farid Rahman", PersonRole::Carer, &[], FeeArrangement::Fee),
    (
        "Gwen Parry",
        PersonRole::PatientPartner,
        &[AccessNeed::BslInterpreter],
        FeeArrangement::Reduced,
    ),
    (
        "Harriet Lowe",
        PersonRole::Clinician,
        &[],
        FeeArrangement::Unpaid,
    ),
    (
        "Imran Aziz",
        PersonRole::Researcher,
        &[],
        FeeArrangement::Unpaid,
    ),
    (
        "Jo Baptiste",
        PersonRole::Coordinator,
        &[],
        FeeArrangement::Unpaid,
    ),
];

const SESSIONS: &[(&str, CoDesignStage)] = &[
    ("Set-up meeting", CoDesignStage::SetUp),
    ("Staff interviews round-up", CoDesignStage::StaffExperiences),
    (
        "Patient and carer stories",
        CoDesignStage::PatientExperiences,
    ),
    ("Trigger film screening", CoDesignStage::TriggerFilm),
    ("Workshop 1 — priorities", CoDesignStage::CoDesignGroups),
    ("Workshop 2 — joint event", CoDesignStage::JointEvent),
];

const WORDS: &[&str] = &[
    "Nobody told me who to ring once I was home.",
    "The booklet used words I had never heard before.",
    "My husband was left in the corridor during the ward round.",
    "I was sent home on a Friday and the pharmacy was shut.",
    "The nurse who sat down with me made all the difference.",
    "I didn't know I could ask for the letter in large print.",
];
const TOUCHPOINTS: &[&str] = &[
    "Ward round",
    "Discharge letter",
    "First week at home",
    "Pharmacy",
];
const DONE: &[&str] = &[
    "The discharge booklet now has a phone number on its front page.",
    "Carers are invited to the ward round if the patient wishes.",
    "Discharge letters are offered in large print.",
];

/// Makes the run project and everything in it.
pub(super) async fn run_project(
    conn: &mut SqliteConnection,
    gen: &mut Gen,
    today: NaiveDate,
    counts: &mut Counts,
) -> CoreResult<()> {
    let start = today - Duration::days(200);
    let mut people = Vec::new();
    for (name, role, needs, pay) in PEOPLE {
        let person = Person {
            name: (*name).to_owned(),
            roles: vec![*role],
            organisation: "Riverside Hospital discharge project".into(),
            access_needs: needs.to_vec(),
            payment_preference: Some(*pay),
            keep_until: Some(day(today + Duration::days(365))),
            ..Default::default()
        };
        people.push((put(conn, gen, start, &person).await?, *role));
        counts.people += 1;
    }
    let project = Project {
        title: "Leaving hospital well: discharge co-design".into(),
        organisation: "Riverside Hospital".into(),
        my_role: "Involvement lead".into(),
        approach: Approach::CoDesign,
        status: ProjectStatus::Active,
        involvement: Involvement::Run,
        feedback_days: None,
        pay_within_days: None,
        cost_code: "RH-PPI-2026".into(),
        start_date: Some(day(start)),
        end_date: Some(day(today + Duration::days(120))),
        lead_id: None,
        rate_cards: vec![RateCard {
            from: day(start),
            per_hour_pence: Some(2_500),
            per_half_day_pence: Some(7_500),
            per_day_pence: Some(15_000),
            covers: "Sessions, preparation and travel time".into(),
        }],
        notes: "An Experience-Based Co-Design cycle on leaving hospital.".into(),
        tags: vec!["discharge".into(), "ebcd".into()],
    };
    let project_id = put(conn, gen, start, &project).await?;
    counts.projects += 1;

    for (s, (title, stage)) in SESSIONS.iter().enumerate() {
        let offset = i64::try_from(s).unwrap_or(0);
        let date = start + Duration::days(20 + offset * 28);
        let attendees: Vec<Attendee> = people
            .iter()
            .enumerate()
            .map(|(p, (person_id, role))| Attendee {
                uid: Some(gen.uid(date)),
                person_id: *person_id,
                role: *role,
                status: match (p + s) % 10 {
                    7 => AttendanceStatus::Apologies,
                    8 => AttendanceStatus::DidNotAttend,
                    9 => AttendanceStatus::JoinedOnline,
                    3 if s % 2 == 0 => AttendanceStatus::LeftEarly,
                    _ => AttendanceStatus::Attended,
                },
            })
            .collect();
        let meeting = Meeting {
            project_id,
            kind: MeetingKind::CoDesignWorkshop,
            title: (*title).to_owned(),
            date: day(date),
            start_time: Some("13:30".into()),
            end_time: Some("16:00".into()),
            place: "Riverside Hospital education centre".into(),
            online: false,
            my_attendance: Some(AttendanceStatus::Attended),
            attendees: attendees.clone(),
            agenda: vec![
                "Welcome and ground rules".into(),
                "What we heard".into(),
                "Priorities".into(),
            ],
            record_notes: format!("{} of the discharge co-design cycle.", stage.label()),
            private_notes: "Check in with Bea about transport before next time.".into(),
            decisions: vec!["Priorities to be voted on at the next session".into()],
            // The co-design groups vote on what to change first.
            priorities: if *stage == CoDesignStage::CoDesignGroups {
                vec![
                    Priority {
                        text: "One phone number for the first week at home".into(),
                        votes: 7,
                    },
                    Priority {
                        text: "Medicines ready before the discharge letter".into(),
                        votes: 5,
                    },
                    Priority {
                        text: "Transport booked a day ahead".into(),
                        votes: 3,
                    },
                ]
            } else {
                Vec::new()
            },
            stage: Some(*stage),
            felt_heard: None,
            tags: vec!["ebcd".into()],
        };
        let meeting_id = put(conn, gen, date, &meeting).await?;
        counts.meetings += 1;

        let mut voice_ids = Vec::new();
        for (p, (person_id, role)) in people.iter().enumerate().take(7) {
            let there = attendees[p].status.was_there();
            if !there {
                continue;
            }
            // Dan (3) refuses quoting; Esme (4) withdraws after session 3; the rest agree,
            // and only carers and one partner agree to be named.
            let quote = p != 3;
            let named = matches!(role, PersonRole::Carer) || p == 6;
            let withdrawn_on = (p == 4 && s <= 2).then(|| day(start + Duration::days(20 + 3 * 28)));
            let consent = Consent {
                meeting_id,
                person_id: *person_id,
                quote,
                named,
                photo: p % 2 == 0,
                audio: p != 1,
                given_how: [
                    ConsentHow::Written,
                    ConsentHow::Verbal,
                    ConsentHow::OnlineForm,
                ][p % 3],
                given_on: day(date),
                withdrawn_on: withdrawn_on.clone(),
                notes: String::new(),
            };
            put(conn, gen, date, &consent).await?;
            counts.consents += 1;
            if (p + s) % 2 == 0 {
                let voice = Voice {
                    meeting_id,
                    person_id: Some(*person_id),
                    text: WORDS[(p + s) % WORDS.len()].to_owned(),
                    quotable: quote && withdrawn_on.is_none(),
                    themes: vec!["communication".into()],
                    touchpoint: TOUCHPOINTS[(p + s) % TOUCHPOINTS.len()].to_owned(),
                    emotion: Some(Emotion::ALL[(p + s) % Emotion::ALL.len()]),
                };
                voice_ids.push(put(conn, gen, date, &voice).await?);
                counts.voices += 1;
            }
        }
        let anonymous = Voice {
            meeting_id,
            person_id: None,
            text: "The ward felt calmer when the TV was off.".into(),
            quotable: true,
            themes: vec!["environment".into()],
            touchpoint: "Ward round".into(),
            emotion: Some(Emotion::Okay),
        };
        voice_ids.push(put(conn, gen, date, &anonymous).await?);
        counts.voices += 1;

        let status = FeedbackStatus::ALL[s % FeedbackStatus::ALL.len()];
        let item = FeedbackItem {
            meeting_id,
            you_said: "Leaving hospital felt rushed and confusing.".into(),
            we_did: DONE[s % DONE.len()].to_owned(),
            status,
            due_date: (status == FeedbackStatus::Will).then(|| day(today + Duration::days(30))),
            reason: if status == FeedbackStatus::Cannot {
                "The pharmacy's hours are set by the trust board, not this project.".into()
            } else {
                String::new()
            },
            voice_ids: voice_ids.iter().take(2).copied().collect(),
            // Feedback went back after the older sessions, not after the last two.
            fed_back: if s < 4 {
                people
                    .iter()
                    .take(3)
                    .map(|(person_id, _)| FedBack {
                        person_id: *person_id,
                        on: day(date + Duration::days(21)),
                    })
                    .collect()
            } else {
                Vec::new()
            },
        };
        put(conn, gen, date, &item).await?;
        counts.feedback += 1;

        let due = date + Duration::days(gen.rng.gen_range(10..30));
        let owner = &people[(s * 3 + 2) % people.len()];
        let action = Action {
            project_id: Some(project_id),
            meeting_id: Some(meeting_id),
            title: format!("Share notes from the {}", title.to_lowercase()),
            owner_id: (s % 3 != 1).then_some(owner.0),
            team_owned: s % 3 == 1,
            due_date: Some(day(due)),
            status: if due < today && gen.chance(50) {
                ActionStatus::Done
            } else {
                ActionStatus::Open
            },
            notes: String::new(),
        };
        put(conn, gen, date, &action).await?;
        counts.actions += 1;

        // The payment run: everyone who was there, as they asked to be paid; the older
        // sessions paid, the last two still to pay.
        let fee = project
            .rate_on(&meeting.date)
            .zip(meeting.length_minutes())
            .and_then(|(card, minutes)| card.fee_for(minutes))
            .unwrap_or(0);
        for (line, (_, _, _, pay)) in attendees.iter().zip(PEOPLE) {
            if !line.status.was_there() {
                continue;
            }
            let mut expenses = Vec::new();
            if gen.chance(40) {
                let tenth_miles = gen.rng.gen_range(30..250);
                expenses.push(Expense {
                    kind: ExpenseKind::Mileage,
                    amount_pence: super::money::mileage_pence(tenth_miles, 45)?,
                    tenth_miles: Some(tenth_miles),
                    pence_per_mile: Some(45),
                    note: String::new(),
                    uid: String::new(),
                });
            } else if gen.chance(30) {
                expenses.push(Expense {
                    kind: ExpenseKind::Fares,
                    amount_pence: gen.rng.gen_range(250..1_800),
                    tenth_miles: None,
                    pence_per_mile: None,
                    note: "Bus".into(),
                    uid: String::new(),
                });
            }
            let payment = Payment {
                meeting_id,
                person_id: line.person_id,
                arrangement: *pay,
                fee_pence: if pay.carries_fee() { fee } else { 0 },
                expenses,
                reference: format!("RH-{:02}-{:03}", s + 1, line.person_id),
                paid_on: (s < 4).then(|| day(date + Duration::days(14))),
                note: String::new(),
            };
            put(conn, gen, date, &payment).await?;
            counts.payments += 1;
        }
    }
    Ok(())
}
