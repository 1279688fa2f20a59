//! Evidence under the six UK Standards for Public Involvement, drawn from the records.

use alongside_core::records::choices::{ActionStatus, Activity, MeetingKind};

use super::evidence::{
    contributions_by_activity, felt_heard, meetings_by_kind, people_by_role, reflection_lines,
    voice_themes, what_changed, you_said_we_did,
};
use super::{count, Context};
use crate::document::{Block, Builder};

/// One standard: its name, its one-line description, and the evidence the records give for it.
pub struct Standard {
    /// The standard's name.
    pub name: &'static str,
    /// Its one-line description.
    pub about: &'static str,
    evidence: fn(&Context, &mut Builder),
}

/// The six standards, in their published order.
pub const STANDARDS: [Standard; 6] = [
    Standard {
        name: "Inclusive opportunities",
        about: "Offer public involvement opportunities that are accessible and that reach people and groups according to research needs.",
        evidence: inclusive_opportunities,
    },
    Standard {
        name: "Working together",
        about: "Work together in a way that values all contributions, and that builds and sustains mutually respectful and productive relationships.",
        evidence: working_together,
    },
    Standard {
        name: "Support and learning",
        about: "Offer and promote support and learning opportunities that build confidence and skills for public involvement in research.",
        evidence: support_and_learning,
    },
    Standard {
        name: "Governance",
        about: "Involve the public in research management, regulation, leadership and decision making.",
        evidence: governance,
    },
    Standard {
        name: "Communications",
        about: "Use plain language for well-timed and relevant communications, as part of involvement plans and activities.",
        evidence: communications,
    },
    Standard {
        name: "Impact",
        about: "Seek improvement by identifying and sharing the difference that public involvement makes to research.",
        evidence: impact,
    },
];

/// The blocks of the self-assessment.
pub fn build(ctx: &Context) -> Vec<Block> {
    let mut doc = Builder::default();
    doc.paragraph("Evidence from the records of this period, grouped under each standard. It shows what was recorded; the judgement of how well each standard was met is yours.");
    for (n, standard) in STANDARDS.iter().enumerate() {
        doc.heading(1, format!("{}. {}", n + 1, standard.name));
        doc.paragraph(standard.about);
        (standard.evidence)(ctx, &mut doc);
    }
    doc.finish()
}

fn inclusive_opportunities(ctx: &Context, doc: &mut Builder) {
    let data = ctx.data;
    let mut items: Vec<String> = Vec::new();
    items.extend(
        data.projects
            .iter()
            .map(|p| format!("{}: {}", p.data.title, p.data.approach.label())),
    );
    let codesign = data
        .meetings
        .iter()
        .filter(|m| m.data.kind == MeetingKind::CoDesignWorkshop)
        .count();
    items.push(format!("Co-design workshops: {codesign}"));
    let supported = data
        .contributions
        .iter()
        .filter(|c| !c.data.expenses.is_empty())
        .count();
    if ctx.money() {
        items.push(format!(
            "Contributions with expenses paid so people could take part: {supported}"
        ));
    }
    items.extend(super::participant_pay::summary_line(ctx, None));
    doc.list(items);
    let people = people_by_role(data.meetings.iter());
    if !people.is_empty() {
        doc.paragraph("People who took part in meetings, by role:");
        doc.list(people);
    }
}

fn working_together(ctx: &Context, doc: &mut Builder) {
    let data = ctx.data;
    doc.list(meetings_by_kind(data.meetings.iter()));
    doc.list(felt_heard(data.meetings.iter()));
    doc.list(you_said_we_did(&data.feedback, data.meetings.iter()));
    doc.list(voice_themes(&data.voices, data.meetings.iter()));
}

fn support_and_learning(ctx: &Context, doc: &mut Builder) {
    let data = ctx.data;
    let mut items: Vec<String> = Vec::new();
    let training = data
        .contributions
        .iter()
        .filter(|c| c.data.activity == Activity::Training)
        .count()
        + data
            .meetings
            .iter()
            .filter(|m| m.data.kind == MeetingKind::Training)
            .count();
    items.push(format!("Training sessions and training work: {training}"));
    items.push(format!(
        "Reflections shared here: {}",
        data.reflections.len()
    ));
    doc.list(items);
    doc.list(reflection_lines(ctx, None));
}

fn governance(ctx: &Context, doc: &mut Builder) {
    let data = ctx.data;
    let mut items: Vec<String> = Vec::new();
    let governing = data.meetings.iter().filter(|m| {
        matches!(
            m.data.kind,
            MeetingKind::SteeringCommittee | MeetingKind::AdvisoryGroup
        )
    });
    items.extend(meetings_by_kind(governing.clone()));
    let decisions: usize = governing.map(|m| m.data.decisions.len()).sum();
    items.push(format!("Decisions recorded: {decisions}"));
    let done = data
        .actions
        .iter()
        .filter(|a| a.data.status == ActionStatus::Done)
        .count();
    items.push(format!(
        "Actions completed: {done} of {}",
        count(data.actions.len(), "action", "actions")
    ));
    doc.list(items);
}

fn communications(ctx: &Context, doc: &mut Builder) {
    let data = ctx.data;
    let comms = data.contributions.iter().filter(|c| {
        matches!(
            c.data.activity,
            Activity::Writing | Activity::Reviewing | Activity::Presenting
        )
    });
    doc.list(contributions_by_activity(comms));
    let feedback: Vec<String> = data
        .contributions
        .iter()
        .rev()
        .filter(|c| !c.data.feedback.trim().is_empty())
        .take(super::evidence::EXAMPLES)
        .map(|c| {
            format!(
                "Feedback ({}): {}",
                super::short_date(&c.data.date),
                c.data.feedback.trim()
            )
        })
        .collect();
    doc.list(feedback);
}

fn impact(ctx: &Context, doc: &mut Builder) {
    let data = ctx.data;
    let logged = data
        .contributions
        .iter()
        .filter(|c| !c.data.impact_changed.trim().is_empty())
        .count();
    doc.paragraph(format!(
        "Impact log entries with a change recorded: {logged}."
    ));
    doc.list(what_changed(data.contributions.iter()));
}
