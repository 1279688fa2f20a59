//! What the test suites share: a real, unlocked SQLCipher vault in a temporary folder, and
//! plain records to put in it (each builder sets what its tests rely on; the rest is empty).

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code may panic

use std::collections::BTreeMap;

use alongside_core::records::choices::*;
use alongside_core::records::{
    Action, Attendee, Consent, Contribution, Expense, Meeting, Person, Project, Reflection,
};
use alongside_core::vault::Vault;
use alongside_core::SqlitePool;
use secrecy::SecretString;

/// The passphrase of every test vault.
pub const PASS: &str = "river kettle orchard lantern";

/// The vault's passphrase, typed again to confirm a dangerous act.
pub fn proof() -> alongside_core::vault::Proof {
    alongside_core::vault::Proof::passphrase(&SecretString::from(PASS.to_owned()))
}

/// A new, unlocked vault in its own temporary folder.
pub async fn vault() -> (tempfile::TempDir, Vault, SqlitePool) {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::new(dir.path());
    vault
        .create(&SecretString::from(PASS.to_owned()), false)
        .await
        .unwrap();
    let pool = vault.pool().await.unwrap();
    (dir, vault, pool)
}

/// A researcher at a university.
pub fn person(name: &str) -> Person {
    Person {
        name: name.into(),
        roles: vec![PersonRole::Researcher],
        organisation: "University".into(),
        ..Default::default()
    }
}

/// An active co-design project at an NHS trust, tagged "diabetes".
pub fn project(title: &str) -> Project {
    Project {
        title: title.into(),
        organisation: "NHS Trust".into(),
        my_role: "Patient partner".into(),
        approach: Approach::CoDesign,
        status: ProjectStatus::Active,
        start_date: Some("2025-01-01".into()),
        end_date: None,
        lead_id: None,
        rate_cards: Vec::new(),
        notes: String::new(),
        tags: vec!["diabetes".into()],
        ..Default::default()
    }
}

/// A project the user runs (a lead's project), otherwise as [`project`].
pub fn project_i_run(title: &str) -> Project {
    Project {
        involvement: Involvement::Run,
        ..project(title)
    }
}

/// An online steering committee, 18:30 to 20:00, with one agenda item.
pub fn meeting(project_id: i64, date: &str) -> Meeting {
    Meeting {
        project_id,
        kind: MeetingKind::SteeringCommittee,
        title: "Steering committee".into(),
        date: date.into(),
        start_time: Some("18:30".into()),
        end_time: Some("20:00".into()),
        place: "Online".into(),
        online: true,
        agenda: vec!["Recruitment".into()],
        ..Default::default()
    }
}

/// A line of a register: the person came, in this role.
pub fn attendee(person_id: i64, role: PersonRole) -> Attendee {
    Attendee {
        uid: None,
        person_id,
        role,
        status: AttendanceStatus::Attended,
    }
}

/// Consent given in writing on 1 May 2026 by a person for a session: quote and name as given,
/// no photographs or audio.
pub fn consent(meeting_id: i64, person_id: i64, quote: bool, named: bool) -> Consent {
    Consent {
        meeting_id,
        person_id,
        quote,
        named,
        given_how: ConsentHow::Written,
        given_on: "2026-05-01".into(),
        ..Default::default()
    }
}

/// An open action due on `due`.
pub fn action(title: &str, due: &str) -> Action {
    Action {
        title: title.into(),
        due_date: Some(due.into()),
        status: ActionStatus::Open,
        ..Default::default()
    }
}

/// Unpaid meeting time on a project.
pub fn contribution(project_id: i64, date: &str, minutes: i64) -> Contribution {
    Contribution {
        project_id,
        date: date.into(),
        activity: Activity::Meeting,
        meeting_minutes: minutes,
        summary: "Spoke about the consent form".into(),
        fee_arrangement: FeeArrangement::Unpaid,
        ..Default::default()
    }
}

/// An expense line of a fixed amount.
pub fn expense(kind: ExpenseKind, pence: i64) -> Expense {
    Expense {
        kind,
        amount_pence: pence,
        tenth_miles: None,
        pence_per_mile: None,
        note: String::new(),
        uid: String::new(),
    }
}

/// A Rolfe reflection with one entry.
pub fn reflection(date: &str, private: bool, text: &str) -> Reflection {
    Reflection {
        date: date.into(),
        title: "After the meeting".into(),
        project_id: None,
        meeting_id: None,
        contribution_id: None,
        template: Template::Rolfe,
        entries: BTreeMap::from([("what".to_owned(), text.to_owned())]),
        mood: Some(4),
        private,
        share_ready: false,
        tags: Vec::new(),
    }
}

/// The field named by an input error.
pub fn field_of(err: alongside_core::CoreError) -> String {
    match err {
        alongside_core::CoreError::InvalidInput { field, .. } => field.unwrap_or_default(),
        other => panic!("expected invalid input, got {other:?}"),
    }
}
