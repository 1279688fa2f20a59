//! Realistic generated records for trying the app and for benchmarks: several projects across
//! the involvement spectrum, monthly steering committees, co-design sessions through their
//! stages, contributions with preparation and travel, fees in every state, expenses and
//! mileage, reflections in every template (about a third private) and actions, some overdue.
//! The same seed and the same day always give the same records; a run on a vault that already
//! has records adds a set with ids of its own.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sqlx::SqlitePool;

use super::choices::{
    ActionStatus, Activity, Approach, AttendanceStatus, CoDesignStage, ExpenseKind, FeeArrangement,
    Involvement, MeetingKind, PersonRole, ProjectStatus, Template, Vehicle,
};
use super::preferences::{self, MileageRate, Preferences, WeeklyThreshold};
use super::store::insert_row;
use super::transfer::Counts;
use super::{
    Action, Attendee, Contribution, Expense, FeltHeard, Meeting, Person, Project, RateCard, Record,
    Reflection,
};
use crate::error::{CoreError, CoreResult};

/// Most contributions one demo run makes.
pub const MAX_CONTRIBUTIONS: u32 = 1_000_000;
/// Demo mileage rate for a car, in pence per mile (demo data only; the program has no rates).
const DEMO_CAR_PENCE_PER_MILE: i64 = 45;

const FIRST: &[&str] = &[
    "Amira", "Ben", "Chloe", "Dev", "Eilidh", "Femi", "Grace", "Hamid", "Isla", "Jon", "Kiran",
    "Lena", "Marcus", "Niamh", "Omar", "Priya", "Rhys", "Sana", "Tom", "Una", "Vik", "Wendy",
];
const LAST: &[&str] = &[
    "Okafor", "Patel", "Jones", "MacLeod", "Nowak", "Hughes", "Begum", "Evans", "Khan", "Reid",
    "Walsh", "Chen", "Morgan", "Shah", "Price",
];
const ORGS: &[&str] = &[
    "University of Leeds",
    "Kings College Hospital",
    "NIHR Applied Research Collaboration",
    "Maudsley Trust",
    "Cardiff University",
    "NHS Lothian",
    "Diabetes UK",
    "Mind Cymru",
    "Bristol Health Partners",
    "Manchester University NHS Trust",
];
const TOPICS: &[&str] = &[
    "diabetes self-management",
    "early psychosis support",
    "hip fracture recovery",
    "long COVID rehabilitation",
    "dementia carers' respite",
    "stroke discharge planning",
    "asthma in teenagers",
    "maternity mental health",
    "kidney dialysis at home",
    "cancer follow-up clinics",
    "sickle cell pain care",
    "hearing loss in older adults",
];
const KINDS_OF_STUDY: &[&str] = &[
    "trial",
    "service redesign",
    "evaluation",
    "co-design study",
    "cohort study",
    "app pilot",
];
const SAID: &[&str] = &[
    "suggested the consent form be shortened and written in plain English",
    "asked that appointments be offered outside working hours",
    "pointed out that the questionnaire assumed everyone has a smartphone",
    "shared what it is like to wait six weeks for results",
    "proposed paying carers for their time as well as patients",
    "raised that travel costs put people off taking part",
    "questioned whether the outcome measures matter to patients",
    "recommended recruiting through community groups, not only clinics",
];
const CHANGED: &[&str] = &[
    "the team rewrote the participant leaflet",
    "evening clinics were added to the pilot",
    "a paper option was added to the survey",
    "the protocol now includes a carer advisory seat",
    "travel is now booked and paid in advance",
    "a quality-of-life measure was added",
    "recruitment now includes two community centres",
    "nothing yet; it is on the agenda for next month",
];
const DID: &[&str] = &[
    "Reviewed the draft protocol and wrote comments on the recruitment section",
    "Took part in the steering committee and spoke to the patient perspective",
    "Read the ethics application and checked the lay summary",
    "Helped run a co-design workshop on the discharge booklet",
    "Presented our group's feedback to the research team",
    "Interviewed candidates for the research assistant post",
    "Wrote a blog post about taking part for the charity newsletter",
    "Tested the app prototype and recorded what was confusing",
];
const AGENDA: &[&str] = &[
    "Minutes and matters arising",
    "Recruitment update",
    "Budget",
    "Patient and public involvement report",
    "Protocol amendments",
    "Dissemination plans",
    "Any other business",
    "Data monitoring report",
];
const DECISIONS: &[&str] = &[
    "Recruitment target extended by three months",
    "Lay summary to be rewritten with the patient group",
    "Carer representative to join the committee",
    "Survey to be offered on paper as well as online",
    "Results to be shared with participants before publication",
];
const FEELINGS: &[&str] = &[
    "I felt nervous at first but the chair made space for me",
    "I was frustrated that the papers came so late",
    "It felt good to see my suggestion in the new version",
    "I felt like a token presence for part of the meeting",
    "I was tired after the journey but glad I went",
];

/// What a demo run made.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct DemoSummary {
    /// Records made, by kind.
    pub counts: Counts,
    /// The first and last day of the generated records.
    pub from: String,
    /// Last day.
    pub to: String,
}

/// A UUID v7 for `date` (6 pm) with `random` as its random bits.
fn uid_on(date: NaiveDate, random: [u8; 10]) -> String {
    let millis = date
        .and_hms_opt(18, 0, 0)
        .map_or(0, |t| t.and_utc().timestamp_millis());
    uuid::Builder::from_unix_timestamp_millis(u64::try_from(millis).unwrap_or(0), &random)
        .into_uuid()
        .to_string()
}

pub(super) struct Gen {
    pub(super) rng: ChaCha8Rng,
    /// Its own stream for expense lines' ids, so they leave the records' sequence as it was.
    line_ids: ChaCha8Rng,
    stamp_counter: i64,
}

impl Gen {
    pub(super) fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items.choose(&mut self.rng).copied().unwrap_or("")
    }

    pub(super) fn chance(&mut self, percent: u32) -> bool {
        self.rng.gen_range(0..100) < percent
    }

    /// A global id (UUID v7) for a record made on `date`, from the seeded generator, so the
    /// same seed gives the same ids.
    pub(super) fn uid(&mut self, date: NaiveDate) -> String {
        let random: [u8; 10] = self.rng.gen();
        uid_on(date, random)
    }

    /// A global id for an expense line of a record made on `date` (from its own seeded stream).
    pub(super) fn line_uid(&mut self, date: NaiveDate) -> String {
        let random: [u8; 10] = self.line_ids.gen();
        uid_on(date, random)
    }

    /// A deterministic timestamp on `date` (records made the day they describe).
    fn stamp(&mut self, date: NaiveDate) -> String {
        self.stamp_counter += 1;
        let seconds = 18 * 3600 + self.stamp_counter % 14_400;
        let time = chrono::NaiveTime::from_num_seconds_from_midnight_opt(
            u32::try_from(seconds).unwrap_or(0),
            0,
        )
        .unwrap_or_default();
        format!("{}T{}.000000Z", day(date), time.format("%H:%M:%S"))
    }
}

pub(super) fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(super) async fn put<T: Record>(
    conn: &mut sqlx::SqliteConnection,
    gen: &mut Gen,
    date: NaiveDate,
    data: &T,
) -> CoreResult<i64> {
    data.validate()?;
    let stamp = gen.stamp(date);
    let uid = gen.uid(date);
    insert_row(conn, None, Some(&uid), &stamp, &stamp, data).await
}

fn project_for(
    gen: &mut Gen,
    i: usize,
    span_start: NaiveDate,
    span_days: i64,
    today: NaiveDate,
) -> Project {
    let approach = Approach::ALL[i % Approach::ALL.len()];
    let topic = TOPICS[i % TOPICS.len()];
    let study = gen.pick(KINDS_OF_STUDY);
    let start = span_start + Duration::days(gen.rng.gen_range(0..span_days.max(1)));
    let length = gen.rng.gen_range(180..900);
    let end = start + Duration::days(length);
    let status = if end < today {
        ProjectStatus::Finished
    } else if start > today {
        ProjectStatus::Planned
    } else {
        ProjectStatus::Active
    };
    let mut cards = vec![RateCard {
        from: day(start),
        per_hour_pence: Some(gen.rng.gen_range(2..=4) * 1_000),
        per_half_day_pence: Some(7_500),
        per_day_pence: Some(15_000),
        covers: "Meetings and preparation".into(),
    }];
    if length > 400 {
        cards.push(RateCard {
            from: day(start + Duration::days(365)),
            per_hour_pence: Some(3_000),
            per_half_day_pence: None,
            per_day_pence: Some(16_000),
            covers: "Meetings, preparation and travel time".into(),
        });
    }
    Project {
        title: format!("{}{} {study}", topic[..1].to_uppercase(), &topic[1..]),
        organisation: ORGS[i % ORGS.len()].into(),
        my_role: [
            "Patient partner",
            "Lived experience co-applicant",
            "Public contributor",
            "Carer representative",
        ][i % 4]
            .into(),
        approach,
        status,
        involvement: Involvement::TakePart,
        feedback_days: None,
        pay_within_days: None,
        cost_code: String::new(),
        start_date: Some(day(start)),
        end_date: Some(day(end)),
        lead_id: None,
        rate_cards: cards,
        notes: format!("A {} project on {topic}.", approach.label().to_lowercase()),
        tags: vec![topic
            .split_whitespace()
            .next()
            .unwrap_or("health")
            .to_owned()],
    }
}

/// The seed a run uses: `seed` itself in a vault with no people yet, otherwise mixed with how
/// many there are, so a second run adds records with ids of their own (still the same records
/// for the same vault and seed) instead of failing on the first run's ids.
async fn seed_for_vault(pool: &SqlitePool, seed: u64) -> CoreResult<u64> {
    let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM people")
        .fetch_one(pool)
        .await?;
    Ok(match u64::try_from(existing).unwrap_or(0) {
        0 => seed,
        count => seed ^ count.wrapping_mul(0x9e37_79b9_7f4a_7c15),
    })
}

/// Fills the vault with generated records ending around `today`. `contributions` sets the size
/// (100,000 is about ten busy years); `progress` is called with (done, total) now and then.
pub async fn generate(
    pool: &SqlitePool,
    contributions: u32,
    seed: u64,
    today: NaiveDate,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> CoreResult<DemoSummary> {
    if contributions == 0 || contributions > MAX_CONTRIBUTIONS {
        return Err(CoreError::invalid(
            "contributions",
            format!("Ask for 1 to {MAX_CONTRIBUTIONS} contributions."),
        ));
    }
    let n = i64::from(contributions);
    let seed = seed_for_vault(pool, seed).await?;
    let mut gen = Gen {
        rng: ChaCha8Rng::seed_from_u64(seed),
        line_ids: ChaCha8Rng::seed_from_u64(seed ^ 0x011e_51d5),
        stamp_counter: 0,
    };
    let span_days = (n * 365 / 10_000).clamp(180, 3_650);
    let span_start = today - Duration::days(span_days);
    let mut counts = Counts::default();

    let mut prefs = preferences::load(pool).await?;
    if prefs == Preferences::default() {
        prefs.mileage_rates.push(MileageRate {
            vehicle: Vehicle::Car,
            from: day(span_start - Duration::days(365)),
            pence_per_mile: DEMO_CAR_PENCE_PER_MILE,
        });
        prefs.weekly_thresholds.push(WeeklyThreshold {
            from: day(span_start - Duration::days(365)),
            pence: 19_650,
        });
    }
    let mut tx = super::store::write_tx(pool).await?;
    sqlx::query(
        "INSERT INTO settings (key, value, updated_at) VALUES ('preferences', ?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
    )
    .bind(super::to_json(&prefs))
    .bind(gen.stamp(span_start))
    .execute(&mut *tx)
    .await?;

    // People.
    let mut people = Vec::new();
    for i in 0..24 {
        let role = PersonRole::ALL[i % PersonRole::ALL.len()];
        let person = Person {
            name: format!("{} {}", FIRST[i % FIRST.len()], LAST[(i * 7) % LAST.len()]),
            roles: vec![role],
            organisation: ORGS[i % ORGS.len()].into(),
            ..Default::default()
        };
        people.push((put(&mut tx, &mut gen, span_start, &person).await?, role));
    }
    counts.people = 24;

    // Projects.
    let project_count = usize::try_from((n / 2_000).clamp(6, 60)).unwrap_or(6);
    let mut projects = Vec::new();
    for i in 0..project_count {
        let mut p = project_for(&mut gen, i, span_start, span_days, today);
        p.lead_id = Some(people[(i * 3 + 3) % people.len()].0);
        let start = p
            .start_date
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .unwrap_or(span_start);
        let id = put(&mut tx, &mut gen, start, &p).await?;
        projects.push((id, p));
    }
    counts.projects = u32::try_from(project_count).unwrap_or(0);

    // Contributions, one meeting for every few, in date order.
    let mut last_meeting: BTreeMap<i64, (i64, NaiveDate)> = BTreeMap::new();
    for i in 0..n {
        if i % 2_000 == 0 {
            progress(u64::try_from(i).unwrap_or(0), u64::from(contributions));
        }
        let date = span_start + Duration::days(i * span_days / n);
        let (project_id, project) = &projects[gen.rng.gen_range(0..projects.len())];
        let co_design = matches!(
            project.approach,
            Approach::CoDesign | Approach::CoProduction
        );
        let is_meeting = i % 4 == 0;
        let mut meeting_id = None;
        if is_meeting {
            let kind = if co_design && gen.chance(50) {
                MeetingKind::CoDesignWorkshop
            } else if gen.chance(70) {
                MeetingKind::SteeringCommittee
            } else {
                *[
                    MeetingKind::AdvisoryGroup,
                    MeetingKind::FocusGroup,
                    MeetingKind::ReadingPanel,
                    MeetingKind::InterviewPanel,
                    MeetingKind::Training,
                ]
                .choose(&mut gen.rng)
                .unwrap_or(&MeetingKind::Other)
            };
            let stage = (kind == MeetingKind::CoDesignWorkshop).then(|| {
                CoDesignStage::ALL[usize::try_from(i / 4).unwrap_or(0) % CoDesignStage::ALL.len()]
            });
            let mut attendees: Vec<Attendee> = people
                .choose_multiple(&mut gen.rng, 4)
                .map(|(person_id, role)| Attendee {
                    uid: Some(gen.uid(date)),
                    person_id: *person_id,
                    role: *role,
                    status: AttendanceStatus::Attended,
                })
                .collect();
            attendees.sort_by_key(|a| a.person_id);
            let month = date.format("%B %Y").to_string();
            let meeting = Meeting {
                project_id: *project_id,
                kind,
                title: format!("{} — {month}", kind.label()),
                date: day(date),
                start_time: Some(
                    ["10:00", "14:00", "18:30"][usize::try_from(i % 3).unwrap_or(0)].into(),
                ),
                end_time: Some(
                    ["12:00", "16:00", "20:00"][usize::try_from(i % 3).unwrap_or(0)].into(),
                ),
                place: if gen.chance(60) {
                    "Online".into()
                } else {
                    ORGS[usize::try_from(i).unwrap_or(0) % ORGS.len()].into()
                },
                online: gen.chance(60),
                my_attendance: Some(AttendanceStatus::Attended),
                attendees,
                agenda: AGENDA
                    .choose_multiple(&mut gen.rng, 4)
                    .map(|s| (*s).to_owned())
                    .collect(),
                record_notes: format!("Discussion of {}.", project.title.to_lowercase()),
                private_notes: format!("{}.", gen.pick(FEELINGS)),
                decisions: vec![gen.pick(DECISIONS).to_owned()],
                priorities: Vec::new(),
                stage,
                felt_heard: gen.chance(50).then(|| FeltHeard {
                    listened_to: Some(gen.rng.gen_range(2..=5)),
                    views_used: Some(gen.rng.gen_range(1..=5)),
                    comfortable: Some(gen.rng.gen_range(2..=5)),
                }),
                tags: Vec::new(),
            };
            let id = put(&mut tx, &mut gen, date, &meeting).await?;
            counts.meetings += 1;
            meeting_id = Some(id);
            last_meeting.insert(*project_id, (id, date));
            // Actions from the meeting: older ones mostly done, some left open and overdue.
            if gen.chance(60) {
                let due = date + Duration::days(gen.rng.gen_range(7..45));
                let status = if due < today && gen.chance(90) {
                    ActionStatus::Done
                } else {
                    ActionStatus::Open
                };
                let action = Action {
                    project_id: Some(*project_id),
                    meeting_id: Some(id),
                    title: format!("Send comments on the {}", gen.pick(AGENDA).to_lowercase()),
                    owner_id: Some(people[gen.rng.gen_range(0..people.len())].0),
                    team_owned: false,
                    due_date: Some(day(due)),
                    status,
                    notes: String::new(),
                };
                put(&mut tx, &mut gen, date, &action).await?;
                counts.actions += 1;
            }
        }
        let activity = if is_meeting {
            if co_design {
                Activity::CoDesign
            } else {
                Activity::Meeting
            }
        } else {
            *[
                Activity::Reviewing,
                Activity::Preparation,
                Activity::Writing,
                Activity::Presenting,
                Activity::Recruitment,
                Activity::Training,
                Activity::Other,
            ]
            .choose(&mut gen.rng)
            .unwrap_or(&Activity::Other)
        };
        let arrangement = match gen.rng.gen_range(0..100) {
            0..=59 => FeeArrangement::Fee,
            60..=69 => FeeArrangement::Reduced,
            70..=79 => FeeArrangement::Declined,
            80..=84 => FeeArrangement::Charity,
            85..=89 => FeeArrangement::Voucher,
            _ => FeeArrangement::Unpaid,
        };
        let meeting_minutes = gen.rng.gen_range(4..=16) * 15;
        let rate = project
            .rate_on(&day(date))
            .and_then(|c| c.per_hour_pence)
            .unwrap_or(2_500);
        let fee = match arrangement {
            FeeArrangement::Unpaid => 0,
            FeeArrangement::Reduced => rate * meeting_minutes / 120,
            _ => rate * meeting_minutes / 60,
        };
        let travel = is_meeting && gen.chance(50);
        let mut expenses = Vec::new();
        if travel {
            if gen.chance(60) {
                let tenths = gen.rng.gen_range(30..600);
                expenses.push(Expense {
                    kind: ExpenseKind::Mileage,
                    amount_pence: super::money::mileage_pence(tenths, DEMO_CAR_PENCE_PER_MILE)?,
                    tenth_miles: Some(tenths),
                    pence_per_mile: Some(DEMO_CAR_PENCE_PER_MILE),
                    note: "Return journey".into(),
                    uid: gen.line_uid(date),
                });
                if gen.chance(40) {
                    expenses.push(Expense {
                        kind: ExpenseKind::Parking,
                        amount_pence: gen.rng.gen_range(2..=8) * 100,
                        tenth_miles: None,
                        pence_per_mile: None,
                        note: "Hospital car park".into(),
                        uid: gen.line_uid(date),
                    });
                }
            } else {
                expenses.push(Expense {
                    kind: ExpenseKind::Fares,
                    amount_pence: gen.rng.gen_range(400..4_000),
                    tenth_miles: None,
                    pence_per_mile: None,
                    note: "Train, receipt kept".into(),
                    uid: gen.line_uid(date),
                });
            }
        }
        let age = (today - date).num_days();
        let (claimed, paid) = if arrangement.is_payable() || !expenses.is_empty() {
            let claim = date + Duration::days(gen.rng.gen_range(1..10));
            let pay = claim + Duration::days(gen.rng.gen_range(10..50));
            match age {
                a if a < 10 => (None, None),
                _ if pay <= today && gen.chance(95) => (Some(claim), Some(pay)),
                _ if claim <= today => (Some(claim), None),
                _ => (None, None),
            }
        } else {
            (None, None)
        };
        let impact = gen.chance(30);
        let contribution = Contribution {
            project_id: *project_id,
            meeting_id,
            date: day(date),
            activity,
            prep_minutes: gen.rng.gen_range(0..=8) * 15,
            meeting_minutes,
            travel_minutes: if travel {
                gen.rng.gen_range(2..=8) * 15
            } else {
                0
            },
            summary: format!("{}.", gen.pick(DID)),
            impact_said: if impact {
                format!("I {}.", gen.pick(SAID))
            } else {
                String::new()
            },
            impact_changed: if impact {
                format!("As a result {}.", gen.pick(CHANGED))
            } else {
                String::new()
            },
            impact_evidence: if impact && gen.chance(50) {
                "Version 3 of the document shows the change.".into()
            } else {
                String::new()
            },
            feedback: if impact && gen.chance(40) {
                "Thank-you email from the chief investigator.".into()
            } else {
                String::new()
            },
            feedback_date: None,
            fee_arrangement: arrangement,
            fee_pence: fee,
            claim_submitted_on: claimed.map(day),
            paid_on: paid.map(day),
            expenses,
            ..Default::default()
        };
        let contribution_id = put(&mut tx, &mut gen, date, &contribution).await?;
        counts.contributions += 1;
        counts.expenses += u32::try_from(contribution.expenses.len()).unwrap_or(0);

        if i % 10 == 5 {
            let template =
                Template::ALL[usize::try_from(i / 10).unwrap_or(0) % Template::ALL.len()];
            let entries = template
                .prompts()
                .iter()
                .enumerate()
                .map(|(k, (key, _))| {
                    let text = match k {
                        0 => format!("{}.", gen.pick(DID)),
                        1 => format!("{}.", gen.pick(FEELINGS)),
                        _ => format!("Next time I will say earlier that I {}.", gen.pick(SAID)),
                    };
                    ((*key).to_owned(), text)
                })
                .collect();
            let reflection = Reflection {
                date: day(date),
                title: format!("After the {}", activity.label().to_lowercase()),
                project_id: Some(*project_id),
                meeting_id: last_meeting.get(project_id).map(|(id, _)| *id),
                contribution_id: Some(contribution_id),
                template,
                entries,
                mood: Some(gen.rng.gen_range(1..=5)),
                private: i % 30 < 10,
                share_ready: i % 30 >= 20,
                tags: Vec::new(),
            };
            put(&mut tx, &mut gen, date, &reflection).await?;
            counts.reflections += 1;
        }
    }

    // A project the user runs: people, registers, consent, voices and "you said, we did".
    super::demo_lead::run_project(&mut tx, &mut gen, today, &mut counts).await?;

    // A few meetings still to come, so the dashboard has something ahead.
    for (k, (project_id, project)) in projects.iter().enumerate().take(4) {
        let date = today + Duration::days(i64::try_from(k).unwrap_or(0) * 6 + 2);
        let meeting = Meeting {
            project_id: *project_id,
            kind: MeetingKind::SteeringCommittee,
            title: format!("Steering committee — {}", project.title),
            date: day(date),
            start_time: Some("18:30".into()),
            end_time: Some("20:00".into()),
            place: "Online".into(),
            online: true,
            my_attendance: None,
            attendees: Vec::new(),
            agenda: AGENDA.iter().take(3).map(|s| (*s).to_owned()).collect(),
            record_notes: String::new(),
            private_notes: String::new(),
            decisions: Vec::new(),
            priorities: Vec::new(),
            stage: None,
            felt_heard: None,
            tags: Vec::new(),
        };
        put(&mut tx, &mut gen, today, &meeting).await?;
        counts.meetings += 1;
    }
    crate::records::search::optimise(&mut tx).await?;
    tx.commit().await?;
    progress(u64::from(contributions), u64::from(contributions));
    Ok(DemoSummary {
        counts,
        from: day(span_start),
        to: day(today),
    })
}
