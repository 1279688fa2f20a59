//! Building each report's [`Document`] from the records a selection covers.

pub mod claim;
mod evidence;
mod gripp2;
mod involvement;
mod meetings;
mod participant_pay;
mod payments;

mod reflections;
pub mod rows;
mod standards;

use std::collections::HashMap;

use alongside_core::records::choices::PersonRole;
use alongside_core::records::preferences::Preferences;
use alongside_core::records::selection::Selected;
use alongside_core::records::{Meeting, Person, Project, Stored};
use alongside_core::words::{self, Arg, Language};
use alongside_core::CoreResult;
use chrono::{Datelike, NaiveDate};

use crate::document::{Block, Document};
use crate::options::{ExportOptions, Names, ReportKind};
use crate::redact::Redactor;

/// What every report is built from.
#[derive(Clone)]
pub struct Context<'a> {
    /// The language this report (or this half of a bilingual one) is written in.
    pub lang: Language,
    /// The records.
    pub data: &'a Selected,
    /// What was asked for.
    pub options: &'a ExportOptions,
    /// The user's money facts (thresholds, tax year, assessment period).
    pub prefs: &'a Preferences,
    /// Today, for "prepared on".
    pub today: NaiveDate,
    /// A claim pack's details and receipts (only for [`ReportKind::Claim`]).
    pub claim: Option<&'a claim::ClaimInputs>,
    projects: HashMap<i64, &'a Stored<Project>>,
    people: HashMap<i64, &'a Stored<Person>>,
    meetings: HashMap<i64, &'a Stored<Meeting>>,
}

impl<'a> Context<'a> {
    /// Indexes the records for look-ups by id.
    pub fn new(
        data: &'a Selected,
        options: &'a ExportOptions,
        prefs: &'a Preferences,
        today: NaiveDate,
    ) -> Self {
        Context {
            lang: options.language,
            data,
            options,
            prefs,
            today,
            claim: None,
            projects: data.projects.iter().map(|p| (p.id, p)).collect(),
            people: data.people.iter().map(|p| (p.id, p)).collect(),
            meetings: data.meetings.iter().map(|m| (m.id, m)).collect(),
        }
    }

    /// A project's title.
    pub fn project(&self, id: i64) -> &str {
        self.projects
            .get(&id)
            .map_or(self.text("report-another-project"), |p| {
                p.data.title.as_str()
            })
    }

    /// A message of the report's language without arguments.
    pub fn text(&self, id: &str) -> &'static str {
        words::text(self.lang, id)
    }

    /// A message of the report's language with arguments.
    pub fn say(&self, id: &str, args: &[(&str, Arg)]) -> String {
        words::say(self.lang, id, args)
    }

    /// Minutes as the report writes them: "45 min", "2 h", "1,234 h 05 min" ("2 awr 05 mun").
    pub fn minutes(&self, minutes: i64) -> String {
        let (h, m) = (minutes / 60, minutes % 60);
        match (h, m) {
            (0, m) => self.say("time-minutes", &[("m", m.into())]),
            (h, 0) => self.say("time-hours", &[("h", h.into())]),
            (h, m) => self.say(
                "time-hours-minutes",
                &[("h", h.into()), ("mm", format!("{m:02}").into())],
            ),
        }
    }

    /// A date in the report's language: `2025-03-04` → "4 March 2025" ("4 Mawrth 2025").
    pub fn long_date(&self, date: &str) -> String {
        self.date_with(date, "month-")
    }

    /// A short date for tables: "4 Mar 2025" ("4 Maw 2025").
    pub fn short_date(&self, date: &str) -> String {
        self.date_with(date, "month-short-")
    }

    fn date_with(&self, date: &str, months: &str) -> String {
        date_in(self.lang, date, months)
    }

    fn day(&self, d: NaiveDate, months: &str) -> String {
        day_in(self.lang, d, months)
    }

    /// The same context in another language (the second half of a bilingual report).
    fn in_language(&self, lang: Language) -> Self {
        Context {
            lang,
            ..self.clone()
        }
    }

    /// A meeting, when it is in the selection.
    pub fn meeting(&self, id: i64) -> Option<&'a Stored<Meeting>> {
        self.meetings.get(&id).copied()
    }

    /// A person as the report shows them: their name (with `role` when given), or only the role
    /// when names are replaced by roles.
    pub fn person(&self, id: i64, role: Option<PersonRole>) -> String {
        self.shown(id, role, self.options.names)
    }

    /// A person as the record of one session shows them: by role when names are left out, or
    /// when the session is on a project the user runs and the person has not agreed to be named.
    pub fn person_at(&self, meeting: i64, id: i64, role: Option<PersonRole>) -> String {
        let names = match self.data.ledger.may_name(meeting, id) {
            Some(false) => Names::Roles,
            _ => self.options.names,
        };
        self.shown(id, role, names)
    }

    /// Whether a person appears by name in this session's record.
    pub fn named_at(&self, meeting: i64, id: i64) -> bool {
        self.options.names == Names::Full && self.data.ledger.may_name(meeting, id) != Some(false)
    }

    /// The people who must not be named somewhere in this report (for free text, when names
    /// are otherwise shown).
    pub fn not_to_name(&self) -> Vec<Stored<Person>> {
        self.data
            .names_to_hide
            .iter()
            .filter(|p| {
                self.data.meetings.iter().any(|m| {
                    self.data.ledger.may_name(m.id, p.id) == Some(false)
                        && m.data.attendees.iter().any(|a| a.person_id == p.id)
                })
            })
            .cloned()
            .collect()
    }

    fn shown(&self, id: i64, role: Option<PersonRole>, names: Names) -> String {
        let Some(person) = self.people.get(&id) else {
            return self.text("report-someone").into();
        };
        let role = role.or_else(|| person.data.roles.first().copied());
        match (names, role) {
            (Names::Roles, Some(r)) => r.label_in(self.lang).to_owned(),
            (Names::Roles, None) => self.text("report-someone").into(),
            (Names::Full, Some(r)) => format!("{} ({})", person.data.name, r.label_in(self.lang)),
            (Names::Full, None) => person.data.name.clone(),
        }
    }

    /// A person's name as written, whatever the names choice (for payees only).
    pub fn full_name(&self, id: i64) -> String {
        self.people.get(&id).map_or_else(
            || self.text("report-someone").into(),
            |p| p.data.name.clone(),
        )
    }

    /// A project of the selection.
    pub fn project_record(&self, id: i64) -> Option<&'a Stored<Project>> {
        self.projects.get(&id).copied()
    }

    /// Whether money may be shown.
    pub fn money(&self) -> bool {
        !self.options.leave_out_money
    }
}

/// A date as people write it: `2025-03-04` → `4 March 2025` (the text itself when not a date).
pub fn long_date(date: &str) -> String {
    date_in(Language::EnGb, date, "month-")
}

/// A short date for tables: `4 Mar 2025`.
pub fn short_date(date: &str) -> String {
    date_in(Language::EnGb, date, "month-short-")
}

/// A `YYYY-MM-DD` date with the month's name from the catalogue (`months` is `month-` or
/// `month-short-`); the text itself when it is not a date.
fn date_in(lang: Language, date: &str, months: &str) -> String {
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map_or_else(|_| date.to_owned(), |d| day_in(lang, d, months))
}

fn day_in(lang: Language, d: NaiveDate, months: &str) -> String {
    let month = words::text(lang, &format!("{months}{}", d.month()));
    format!("{} {month} {}", d.day(), d.year())
}

/// "3 contributions", "1 contribution".
pub fn count(n: usize, one: &str, many: &str) -> String {
    let word = if n == 1 { one } else { many };
    format!(
        "{} {word}",
        alongside_core::records::money::group_thousands(n)
    )
}

/// Builds the report asked for, with names replaced everywhere when asked; a bilingual report
/// is followed by the same report in the other language.
pub fn build(ctx: &Context) -> CoreResult<Document> {
    let mut doc = build_in(ctx)?;
    if ctx.options.bilingual {
        let other = match ctx.lang {
            Language::Cy => Language::EnGb,
            Language::EnGb => Language::Cy,
        };
        doc.second = Some(Box::new(build_in(&ctx.in_language(other))?));
    }
    Ok(doc)
}

/// Builds the report in the context's language.
fn build_in(ctx: &Context) -> CoreResult<Document> {
    let report = ctx.options.report;
    let mut notes = Vec::new();
    let blocks: Vec<Block> = match report {
        ReportKind::Involvement => involvement::build(ctx),
        ReportKind::Reflection => reflections::build(ctx, &mut notes),
        ReportKind::Meeting => meetings::build(ctx),
        ReportKind::Payments => payments::build(ctx)?,
        ReportKind::Gripp2 => gripp2::build(ctx),
        ReportKind::Standards => standards::build(ctx),
        ReportKind::Finance => participant_pay::finance(ctx),
        ReportKind::Statement => participant_pay::statement(ctx),
        ReportKind::Claim => claim::build(ctx)?,
    };
    let shows_reflections = matches!(report, ReportKind::Gripp2 | ReportKind::Standards);
    if ctx.data.private_left_out > 0 && shows_reflections {
        notes.push(ctx.text("report-note-private-left-out").into());
    }
    if ctx.options.include_private {
        notes.push(ctx.text("report-note-private-included").into());
    }
    let hide_names = ctx.options.names == Names::Roles && report.redacts_names();
    if report.names_payees() {
        notes.push(ctx.text("report-note-payees-named").into());
    } else if hide_names {
        notes.push(ctx.text("report-note-roles").into());
    }
    if !ctx.data.voices.is_empty() || ctx.data.voices_left_out > 0 {
        notes.push(ctx.text("report-note-voices").into());
    }
    if ctx.options.leave_out_money {
        notes.push(ctx.text("report-note-no-money").into());
    }
    let mut doc = Document {
        title: report.title_in(ctx.lang).to_owned(),
        subtitle: subtitle(ctx),
        prepared: ctx.say(
            "report-prepared",
            &[("date", ctx.day(ctx.today, "month-").into())],
        ),
        notes,
        blocks,
        lang: ctx.lang,
        page_of: ctx.say(
            "report-page-of",
            &[("page", "{page}".into()), ("pages", "{pages}".into())],
        ),
        second: None,
    };
    if !report.redacts_names() {
        // Paying people needs their names, and a claim is the claimant's own; nothing else of
        // anyone's is in these reports.
    } else if hide_names {
        Redactor::new(&ctx.data.names_to_hide).apply(&mut doc);
    } else {
        let hidden = ctx.not_to_name();
        if !hidden.is_empty() {
            Redactor::new(&hidden).apply(&mut doc);
        }
    }
    Ok(doc)
}

fn subtitle(ctx: &Context) -> String {
    let sel = &ctx.data.selection;
    let range = match (&sel.from, &sel.to) {
        _ if ctx.options.selection.meeting_uid.is_some() => ctx.text("report-one-session").into(),
        _ if ctx.options.selection.person_uid.is_some()
            && sel.from.is_none()
            && sel.to.is_none() =>
        {
            ctx.text("report-all-sessions").into()
        }
        (Some(f), Some(t)) => ctx.say(
            "report-range",
            &[
                ("from", ctx.long_date(f).into()),
                ("to", ctx.long_date(t).into()),
            ],
        ),
        (Some(f), None) => ctx.say("report-from", &[("from", ctx.long_date(f).into())]),
        (None, Some(t)) => ctx.say("report-up-to", &[("to", ctx.long_date(t).into())]),
        (None, None) => ctx.text("report-all-dates").into(),
    };
    let projects = if sel.project_ids.is_empty() {
        ctx.text("report-all-projects").to_owned()
    } else {
        let titles: Vec<&str> = ctx
            .data
            .projects
            .iter()
            .map(|p| p.data.title.as_str())
            .collect();
        titles.join(", ")
    };
    format!("{range} · {projects}")
}
