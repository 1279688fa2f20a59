//! Involvement summary: projects, roles, approach, hours, activities and the impact log.

use std::collections::BTreeMap;

use alongside_core::records::choices::Activity;
use alongside_core::records::money::group_thousands;
use alongside_core::records::{Contribution, Stored};

use super::Context;
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

    fn cells(self, ctx: &Context) -> Vec<String> {
        vec![
            group_thousands(self.count),
            ctx.minutes(self.prep),
            ctx.minutes(self.meeting),
            ctx.minutes(self.travel),
            ctx.minutes(self.total()),
        ]
    }
}

/// The time tables' figure columns (catalogue ids).
const TIME_COLUMNS: [&str; 5] = [
    "involvement-contributions",
    "involvement-preparing",
    "involvement-meeting-or-doing",
    "involvement-travelling",
    "involvement-total",
];

fn time_table(
    ctx: &Context,
    caption: &str,
    first: &str,
    rows: Vec<(String, Minutes)>,
    all: Minutes,
) -> Table {
    let mut columns = vec![(ctx.text(first), false)];
    columns.extend(TIME_COLUMNS.map(|id| (ctx.text(id), true)));
    let mut table = Table::new(ctx.text(caption), &columns);
    for (name, m) in rows {
        let mut cells = vec![name];
        cells.extend(m.cells(ctx));
        table.row(cells);
    }
    let mut total = vec![ctx.text("involvement-all").to_owned()];
    total.extend(all.cells(ctx));
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

    let mut doc = Builder::in_language(ctx.lang);
    doc.heading(1, ctx.text("involvement-at-a-glance"));
    // Counted from the register: a meeting whose attendance was not recorded is not counted.
    let meetings_attended = data
        .meetings
        .iter()
        .filter(|m| m.data.my_attendance.is_some_and(|a| a.was_there()))
        .count();
    let projects_count = data
        .projects
        .iter()
        .filter(|p| by_project.contains_key(&p.id))
        .count();
    doc.facts([
        (
            ctx.text("involvement-projects"),
            ctx.say(
                "involvement-projects-count",
                &[("n", projects_count.into())],
            ),
        ),
        (
            ctx.text("involvement-contributions"),
            ctx.say(
                "involvement-contributions-count",
                &[("n", all.count.into())],
            ),
        ),
        (
            ctx.text("involvement-meetings-attended"),
            ctx.say(
                "involvement-meetings-count",
                &[("n", meetings_attended.into())],
            ),
        ),
        (ctx.text("involvement-total-time"), ctx.minutes(all.total())),
        (ctx.text("involvement-preparing"), ctx.minutes(all.prep)),
        (
            ctx.text("involvement-in-meetings"),
            ctx.minutes(all.meeting),
        ),
        (ctx.text("involvement-travelling"), ctx.minutes(all.travel)),
    ]);

    doc.heading(1, ctx.text("involvement-projects-and-roles"));
    let mut projects = Table::new(
        ctx.text("involvement-projects-table"),
        &[
            (ctx.text("involvement-project"), false),
            (ctx.text("involvement-organisation"), false),
            (ctx.text("involvement-my-role"), false),
            (ctx.text("involvement-approach"), false),
            (ctx.text("involvement-dates"), false),
            (ctx.text("involvement-time"), true),
        ],
    );
    for p in &data.projects {
        let d = &p.data;
        let dates = match (&d.start_date, &d.end_date) {
            (Some(s), Some(e)) => format!("{} – {}", ctx.short_date(s), ctx.short_date(e)),
            (Some(s), None) => ctx.say(
                "involvement-dates-from",
                &[("from", ctx.short_date(s).into())],
            ),
            (None, Some(e)) => ctx.say(
                "involvement-dates-until",
                &[("to", ctx.short_date(e).into())],
            ),
            (None, None) => String::new(),
        };
        let minutes = by_project.get(&p.id).copied().unwrap_or_default();
        projects.row(vec![
            d.title.clone(),
            d.organisation.clone(),
            d.my_role.clone(),
            d.approach.label_in(ctx.lang).to_owned(),
            dates,
            ctx.minutes(minutes.total()),
        ]);
    }
    doc.table(projects);

    doc.heading(1, ctx.text("involvement-time"));
    let rows = data
        .projects
        .iter()
        .filter_map(|p| by_project.get(&p.id).map(|m| (p.data.title.clone(), *m)))
        .collect();
    doc.table(time_table(
        ctx,
        "involvement-time-by-project",
        "involvement-project",
        rows,
        all,
    ));
    let rows = by_activity
        .into_iter()
        .map(|(slot, m)| {
            let activity = Activity::ALL.get(slot).copied().unwrap_or(Activity::Other);
            (activity.label_in(ctx.lang).to_owned(), m)
        })
        .collect();
    doc.table(time_table(
        ctx,
        "involvement-time-by-kind",
        "involvement-kind-of-work",
        rows,
        all,
    ));
    if by_year.len() > 1 {
        doc.table(time_table(
            ctx,
            "involvement-time-by-year",
            "involvement-year",
            by_year.into_iter().collect(),
            all,
        ));
    }

    doc.heading(1, ctx.text("involvement-impact-log"));
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
            ctx.say(
                "involvement-impact-log-for",
                &[("title", (&p.data.title).into())],
            ),
            &[
                (ctx.text("involvement-date"), false),
                (ctx.text("involvement-what-i-said"), false),
                (ctx.text("involvement-what-changed"), false),
                (ctx.text("involvement-evidence"), false),
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
                ctx.short_date(&d.date),
                d.impact_said.clone(),
                d.impact_changed.clone(),
                evidence,
            ]);
        }
        doc.table(table);
        if entries.len() > IMPACT_PER_PROJECT {
            let oldest = entries
                .last()
                .map(|c| ctx.long_date(&c.data.date))
                .unwrap_or_default();
            doc.paragraph(ctx.say(
                "involvement-impact-more",
                &[
                    ("shown", IMPACT_PER_PROJECT.into()),
                    ("n", entries.len().into()),
                    ("oldest", oldest.into()),
                ],
            ));
        }
    }
    if !any {
        doc.paragraph(ctx.text("involvement-no-impact"));
    }
}

fn has_impact(c: &Contribution) -> bool {
    !c.impact_said.trim().is_empty() || !c.impact_changed.trim().is_empty()
}
