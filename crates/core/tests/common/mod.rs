//! Shared fixtures for the record tests: a real vault in a temporary folder and plain records.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use alongside_core::records::choices::*;
use alongside_core::records::{
    Action, Contribution, Expense, Meeting, Person, Project, Reflection,
};
use alongside_core::vault::Vault;
use alongside_core::SqlitePool;
use secrecy::SecretString;

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

pub fn person(name: &str) -> Person {
    Person {
        name: name.into(),
        roles: vec![PersonRole::Researcher],
        organisation: "University".into(),
        notes: String::new(),
    }
}

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
    }
}

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
        attendees: Vec::new(),
        agenda: vec!["Recruitment".into()],
        notes: String::new(),
        decisions: Vec::new(),
        you_said_we_did: String::new(),
        stage: None,
        felt_heard: None,
        tags: Vec::new(),
    }
}

pub fn action(title: &str, due: &str) -> Action {
    Action {
        project_id: None,
        meeting_id: None,
        title: title.into(),
        owner_id: None,
        due_date: Some(due.into()),
        status: ActionStatus::Open,
        notes: String::new(),
    }
}

pub fn contribution(project_id: i64, date: &str, minutes: i64) -> Contribution {
    Contribution {
        project_id,
        meeting_id: None,
        date: date.into(),
        activity: Activity::Meeting,
        prep_minutes: 0,
        meeting_minutes: minutes,
        travel_minutes: 0,
        summary: "Spoke about the consent form".into(),
        impact_said: String::new(),
        impact_changed: String::new(),
        impact_evidence: String::new(),
        feedback: String::new(),
        feedback_date: None,
        fee_arrangement: FeeArrangement::Unpaid,
        fee_pence: 0,
        claim_submitted_on: None,
        paid_on: None,
        expenses: Vec::new(),
        tags: Vec::new(),
    }
}

pub fn expense(kind: ExpenseKind, pence: i64) -> Expense {
    Expense {
        kind,
        amount_pence: pence,
        tenth_miles: None,
        pence_per_mile: None,
        note: String::new(),
    }
}

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
