//! Consent, applied: which words may be quoted and who may be named, in every report, format and
//! shared file. Outputs are built only from what [`ConsentLedger`] lets through, so no report
//! can forget a rule.
//!
//! - A voice appears only when it is marked quotable and, when it is a person's, their quote
//!   consent for that session stands on the day of the output (given, not withdrawn).
//! - On a project the user runs, a person is named only with name consent for that session;
//!   otherwise they appear by their role ("a patient partner").
//! - On projects the user takes part in there is no ledger: names follow the report's own
//!   names-or-roles choice, as before.

use std::collections::{HashMap, HashSet};

use super::{Consent, Meeting, Project, Stored, Voice};

/// The consent entries of a set of sessions, by session and person.
#[derive(Debug, Clone, Default)]
pub struct ConsentLedger {
    entries: HashMap<(i64, i64), Consent>,
    run_meetings: HashSet<i64>,
    today: String,
}

impl ConsentLedger {
    /// The ledger for `meetings` on `today` (`YYYY-MM-DD`): `consents` are their entries and
    /// `projects` tell which sessions belong to projects the user runs.
    pub fn new(
        consents: &[Stored<Consent>],
        meetings: &[Stored<Meeting>],
        projects: &[Stored<Project>],
        today: &str,
    ) -> Self {
        let run: HashSet<i64> = projects
            .iter()
            .filter(|p| p.data.is_run())
            .map(|p| p.id)
            .collect();
        ConsentLedger {
            entries: consents
                .iter()
                .map(|c| ((c.data.meeting_id, c.data.person_id), c.data.clone()))
                .collect(),
            run_meetings: meetings
                .iter()
                .filter(|m| run.contains(&m.data.project_id))
                .map(|m| m.id)
                .collect(),
            today: today.to_owned(),
        }
    }

    fn standing(&self, meeting: i64, person: i64) -> Option<&Consent> {
        self.entries
            .get(&(meeting, person))
            .filter(|c| c.stands_on(&self.today))
    }

    /// Whether these words may appear in an output.
    pub fn may_quote(&self, voice: &Voice) -> bool {
        voice.quotable
            && voice.person_id.is_none_or(|person| {
                self.standing(voice.meeting_id, person)
                    .is_some_and(|c| c.quote)
            })
    }

    /// Whether this person may be named in the record of this session. `None` when the
    /// session has no ledger (a project the user takes part in): the report's own choice holds.
    pub fn may_name(&self, meeting: i64, person: i64) -> Option<bool> {
        if !self.run_meetings.contains(&meeting) {
            return None;
        }
        Some(self.standing(meeting, person).is_some_and(|c| c.named))
    }

    /// Whether a person withdrew consent for this session on or before today.
    pub fn withdrawn(&self, meeting: i64, person: i64) -> bool {
        self.entries
            .get(&(meeting, person))
            .and_then(|c| c.withdrawn_on.as_deref())
            .is_some_and(|w| w <= self.today.as_str())
    }

    /// Only the voices that may appear, in the order given.
    pub fn quotable(&self, voices: Vec<Stored<Voice>>) -> Vec<Stored<Voice>> {
        voices
            .into_iter()
            .filter(|v| self.may_quote(&v.data))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::choices::Involvement;

    fn stored<T>(id: i64, data: T) -> Stored<T> {
        Stored {
            id,
            uid: crate::records::uid::new_uid(),
            created_at: String::new(),
            updated_at: String::new(),
            data,
        }
    }

    fn ledger(consents: Vec<Consent>, run: bool) -> ConsentLedger {
        let project = stored(
            1,
            Project {
                involvement: if run {
                    Involvement::Run
                } else {
                    Involvement::TakePart
                },
                ..Default::default()
            },
        );
        let meeting = stored(
            10,
            Meeting {
                project_id: 1,
                ..Default::default()
            },
        );
        let consents: Vec<_> = consents
            .into_iter()
            .enumerate()
            .map(|(i, c)| stored(i as i64 + 1, c))
            .collect();
        ConsentLedger::new(&consents, &[meeting], &[project], "2026-06-01")
    }

    fn consent(person: i64, quote: bool, named: bool, withdrawn: Option<&str>) -> Consent {
        Consent {
            meeting_id: 10,
            person_id: person,
            quote,
            named,
            given_on: "2026-05-01".into(),
            withdrawn_on: withdrawn.map(str::to_owned),
            ..Default::default()
        }
    }

    fn voice(person: Option<i64>, quotable: bool) -> Voice {
        Voice {
            meeting_id: 10,
            person_id: person,
            text: "Words".into(),
            quotable,
            ..Default::default()
        }
    }

    #[test]
    fn words_need_standing_quote_consent() {
        let l = ledger(
            vec![
                consent(1, true, false, None),
                consent(2, false, false, None),
                consent(3, true, true, Some("2026-05-20")),
                consent(4, true, true, Some("2026-07-01")),
            ],
            true,
        );
        assert!(l.may_quote(&voice(Some(1), true)));
        assert!(!l.may_quote(&voice(Some(1), false)), "not marked quotable");
        assert!(!l.may_quote(&voice(Some(2), true)), "no quote consent");
        assert!(!l.may_quote(&voice(Some(3), true)), "withdrawn");
        assert!(
            l.may_quote(&voice(Some(4), true)),
            "withdrawal not yet in force"
        );
        assert!(!l.may_quote(&voice(Some(5), true)), "nothing on file");
        assert!(l.may_quote(&voice(None, true)), "a participant, anonymous");
        assert!(l.withdrawn(10, 3));
        assert!(!l.withdrawn(10, 4));
    }

    #[test]
    fn names_need_name_consent_only_on_run_projects() {
        let run = ledger(
            vec![consent(1, true, false, None), consent(2, true, true, None)],
            true,
        );
        assert_eq!(run.may_name(10, 1), Some(false));
        assert_eq!(run.may_name(10, 2), Some(true));
        assert_eq!(run.may_name(10, 3), Some(false));
        let part = ledger(vec![consent(1, true, false, None)], false);
        assert_eq!(part.may_name(10, 1), None);
    }
}
