//! Involvement summary: projects, roles, approach, hours, activities and the impact log.

use std::collections::BTreeMap;

use alongside_core::records::choices::Activity;
use alongside_core::records::money::{format_minutes, group_thousands};
use alongside_core::records::{Contribution, Stored};

use super::{count, long_date, short_date, Context};
use crate::document::{Block, Builder, Table};

/// Impact-log entries shown per project; the rest are counted (the CSV export has them all).
pub const IMPACT_PER_PROJECT: usize = 25;

#[derive(Default, Clone, Copy)]
struct Minutes {
    prep: i64,
    meeting: i64,
    travel: i64,
    count: usize,
}

impl Minutes {
    fn add(&mut self, c: &Contribution) {
        self.prep += c.prep_minutes;
        self.meeting += c.meeting_minutes;
        self.travel += c.travel_minutes;
        self.count += 1;
    }

    fn total(self) -> i64 {
        self.prep + self.meeting + self.travel
    }

    fn cells(self) -> Vec<String> {
        vec![
            group_thousands(self.count),
            format_minutes(self.prep),
            format_minutes(self.meeting),
            format_minutes(self.travel),
            format_minutes(self.total()),
        ]
    }
}

const TIME_COLUMNS: [(&str, bool); 5] = [
    ("Contributions", true),
    ("Preparing", true),
    ("Meeting or doing", true),
    ("Travelling", true),
    ("Total", true),
];

fn time_table(caption: &str, first: &str, rows: Vec<(String, Minutes)>, all: Minutes) -> Table {
    let mut columns = vec![(first, false)];
    columns.extend(TIME_COLUMNS);
    let mut table = Table::new(caption, &columns);
    for (name, m) in rows {
        let mut cells = vec![name];
        cells.extend(m.cells());
        table.row(cells);
    }
    let mut total = vec!["All".to_owned()];
    total.extend(all.cells());
    table.total = Some(total);
    table
}

/// The blocks of the involvement summary.
pub fn build(ctx: &Context) -> Vec<Block> {
    let data = ctx.data;
    let mut all = Minutes::default();
    let mut by_project: BTreeMap<i64, Minutes> = BTreeMap::new();
    let mut by_activity: BTreeMap<usize, Minutes> = BTreeMap::new();
    let mut by_year: BTreeMap<String, Minutes> = BTreeMap::new();
    for c in &data.contributions {
        all.add(&c.data);
        by_project
            .entry(c.data.project_id)
            .or_default()
            .add(&c.data);
        let slot = Activity::ALL
            .iter()
            .position(|a| *a == c.data.activity)
            .unwrap_or(0);
        by_activity.entry(slot).or_default().add(&c.data);
        by_year
            .entry(c.data.date.get(..4).unwrap_or("").to_owned())
            .or_default()
            .add(&c.data);
    }

    let mut doc = Builder::default();
    doc.heading(1, "At a glance");
    // Counted from the register: a meeting whose attendance was not recorded is not counted.
    let meetings_attended = data
        .meetings
        .iter()
        .filter(|m| m.data.my_attendance.is_some_and(|a| a.was_there()))
        .count();
    doc.facts([
        (
            "Projects",
            count(
                data.projects
                    .iter()
                    .filter(|p| by_project.contains_key(&p.id))
                    .count(),
                "project",
                "projects",
            ),
        ),
        (
            "Contributions",
            count(all.count, "contribution", "contributions"),
        ),
        (
            "Meetings and sessions attended",
            count(meetings_attended, "meeting", "meetings"),
        ),
        ("Total time", format_minutes(all.total())),
        ("Preparing", format_minutes(all.prep)),
        ("In meetings or doing the work", format_minutes(all.meeting)),
        ("Travelling", format_minutes(all.travel)),
    ]);

    doc.heading(1, "Projects and roles");
    let mut projects = Table::new(
        "Projects, with my role and approach",
        &[
            ("Project", false),
            ("Organisation", false),
            ("My role", false),
            ("Approach", false),
            ("Dates", false),
            ("Time", true),
        ],
    );
    for p in &data.projects {
        let d = &p.data;
        let dates = match (&d.start_date, &d.end_date) {
            (Some(s), Some(e)) => format!("{} – {}", short_date(s), short_date(e)),
            (Some(s), None) => format!("From {}", short_date(s)),
            (None, Some(e)) => format!("Until {}", short_date(e)),
            (None, None) => String::new(),
        };
        let minutes = by_project.get(&p.id).copied().unwrap_or_default();
        projects.row(vec![
            d.title.clone(),
            d.organisation.clone(),
            d.my_role.clone(),
            d.approach.label().to_owned(),
            dates,
            format_minutes(minutes.total()),
        ]);
    }
    doc.table(projects);

    doc.heading(1, "Time");
    let rows = data
        .projects
        .iter()
        .filter_map(|p| by_project.get(&p.id).map(|m| (p.data.title.clone(), *m)))
        .collect();
    doc.table(time_table("Time by project", "Project", rows, all));
    let rows = by_activity
        .into_iter()
        .map(|(slot, m)| {
            let label = Activity::ALL.get(slot).map_or("Other", |a| a.label());
            (label.to_owned(), m)
        })
        .collect();
    doc.table(time_table(
        "Time by kind of work",
        "Kind of work",
        rows,
        all,
    ));
    if by_year.len() > 1 {
        doc.table(time_table(
            "Time by calendar year",
            "Year",
            by_year.into_iter().collect(),
            all,
        ));
    }

    doc.heading(1, "Impact log: what I said and what changed");
    impact_log(ctx, &mut doc);
    doc.finish()
}

fn impact_log(ctx: &Context, doc: &mut Builder) {
    let mut any = false;
    for p in &ctx.data.projects {
        let entries: Vec<&Stored<Contribution>> = ctx
            .data
            .contributions
            .iter()
            .rev()
            .filter(|c| c.data.project_id == p.id && has_impact(&c.data))
            .collect();
        if entries.is_empty() {
            continue;
        }
        any = true;
        doc.heading(2, p.data.title.clone());
        let mut table = Table::new(
            format!("Impact log for {}", p.data.title),
            &[
                ("Date", false),
                ("What I said", false),
                ("What changed", false),
                ("Evidence or feedback", false),
            ],
        );
        for c in entries.iter().take(IMPACT_PER_PROJECT) {
            let d = &c.data;
            let evidence = [d.impact_evidence.trim(), d.feedback.trim()]
                .into_iter()
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            table.row(vec![
                short_date(&d.date),
                d.impact_said.clone(),
                d.impact_changed.clone(),
                evidence,
            ]);
        }
        doc.table(table);
        if entries.len() > IMPACT_PER_PROJECT {
            let oldest = entries
                .last()
                .map(|c| long_date(&c.data.date))
                .unwrap_or_default();
            doc.paragraph(format!(
                "These are the {IMPACT_PER_PROJECT} most recent of {} entries for this project, going back to {oldest}. The CSV export of this report lists every contribution.",
                group_thousands(entries.len())
            ));
        }
    }
    if !any {
        doc.paragraph("No impact has been logged for this period yet.");
    }
}

fn has_impact(c: &Contribution) -> bool {
    !c.impact_said.trim().is_empty() || !c.impact_changed.trim().is_empty()
}
