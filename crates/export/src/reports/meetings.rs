//! Meeting and co-design session records: who took part and who sent apologies (by role unless
//! named), agenda, what people said (as consent allows), decisions, actions with owners, "you
//! said, we did" items and the notes for the record. Private notes never appear.

use std::collections::BTreeMap;

use alongside_core::records::choices::{AttendanceStatus, Emotion, FeedbackStatus, PersonRole};
use alongside_core::records::{FeedbackItem, Meeting, Stored};

use super::{count, long_date, short_date, Context};
use crate::document::{Block, Builder, Table};

/// The blocks of the meeting record.
pub fn build(ctx: &Context) -> Vec<Block> {
    let mut doc = Builder::default();
    if ctx.data.meetings.is_empty() {
        doc.paragraph("There are no meetings or sessions in this period.");
        return doc.finish();
    }
    if ctx.data.meetings.len() > 1 {
        doc.paragraph(count(
            ctx.data.meetings.len(),
            "meeting or session",
            "meetings and sessions",
        ));
    }
    for m in &ctx.data.meetings {
        session(ctx, &mut doc, m);
    }
    doc.finish()
}

fn session(ctx: &Context, doc: &mut Builder, m: &Stored<Meeting>) {
    let d = &m.data;
    doc.heading(1, format!("{} — {}", d.title, long_date(&d.date)));
    let time = match (&d.start_time, &d.end_time) {
        (Some(s), Some(e)) => format!("{s} to {e}"),
        (Some(s), None) => s.clone(),
        _ => String::new(),
    };
    let place = match (d.online, d.place.trim()) {
        (true, p) if p.is_empty() || p.eq_ignore_ascii_case("online") => "Online".to_owned(),
        (true, p) => format!("Online ({p})"),
        (false, p) => p.to_owned(),
    };
    doc.facts([
        ("Project", ctx.project(d.project_id).to_owned()),
        ("Kind", d.kind.label().to_owned()),
        (
            "Co-design stage",
            d.stage.map(|s| s.label().to_owned()).unwrap_or_default(),
        ),
        ("Time", time),
        ("Place", place),
    ]);
    register(ctx, doc, m);
    if !d.agenda.is_empty() {
        doc.heading(2, "Agenda");
        doc.list(d.agenda.iter().cloned());
    }
    voices(ctx, doc, m);
    if !d.decisions.is_empty() {
        doc.heading(2, "Decisions");
        doc.list(d.decisions.iter().cloned());
    }
    if !d.priorities.is_empty() {
        doc.heading(2, "Priorities, by votes");
        let mut ranked = d.priorities.clone();
        ranked.sort_by_key(|p| std::cmp::Reverse(p.votes));
        doc.list(ranked.iter().map(|p| {
            format!(
                "{} — {}",
                p.text,
                super::count(usize::try_from(p.votes).unwrap_or(0), "vote", "votes")
            )
        }));
    }
    actions(ctx, doc, m);
    let items: Vec<_> = ctx
        .data
        .feedback
        .iter()
        .filter(|i| i.data.meeting_id == m.id)
        .collect();
    if !items.is_empty() {
        doc.heading(2, "You said, we did");
        doc.list(items.iter().map(|i| feedback_line(&i.data)));
    }
    if !d.record_notes.trim().is_empty() {
        doc.heading(2, "Notes");
        for para in d.record_notes.split("\n\n") {
            doc.paragraph(para.trim().to_owned());
        }
    }
}

fn register(ctx: &Context, doc: &mut Builder, m: &Stored<Meeting>) {
    let lines = &m.data.attendees;
    let there: Vec<String> = lines
        .iter()
        .filter(|a| a.status.was_there())
        .map(|a| {
            let who = ctx.person_at(m.id, a.person_id, Some(a.role));
            if a.status == AttendanceStatus::Attended {
                who
            } else {
                format!("{who} — {}", a.status.label().to_lowercase())
            }
        })
        .collect();
    let apologies: Vec<String> = lines
        .iter()
        .filter(|a| a.status == AttendanceStatus::Apologies)
        .map(|a| ctx.person_at(m.id, a.person_id, Some(a.role)))
        .collect();
    if !there.is_empty() {
        doc.heading(2, "Who took part");
        doc.paragraph(count(there.len(), "person took part", "people took part"));
        doc.list(there);
    }
    if !apologies.is_empty() {
        doc.heading(2, "Apologies");
        doc.list(apologies);
    }
}

fn voices(ctx: &Context, doc: &mut Builder, m: &Stored<Meeting>) {
    let said: Vec<String> = ctx
        .data
        .voices
        .iter()
        .filter(|v| v.data.meeting_id == m.id)
        .map(|v| {
            let who = match v.data.person_id {
                None => "A participant".to_owned(),
                Some(p) if ctx.named_at(m.id, p) => ctx.person_at(m.id, p, role_at(m, p)),
                Some(p) => {
                    let role = role_at(m, p).or_else(|| {
                        ctx.data
                            .people
                            .iter()
                            .find(|x| x.id == p)
                            .and_then(|x| x.data.roles.first().copied())
                    });
                    match role {
                        Some(r) => with_article(r.label()),
                        None => "A participant".to_owned(),
                    }
                }
            };
            let touchpoint = match v.data.touchpoint.trim() {
                "" => String::new(),
                t => format!(" (about: {t})"),
            };
            format!("{who} said: “{}”{touchpoint}", v.data.text)
        })
        .collect();
    if !said.is_empty() {
        doc.heading(2, "What people said");
        doc.list(said);
    }
    emotion_map(ctx, doc, m);
}

/// Emotional mapping: for each touchpoint, how many people felt each way there (counts only,
/// from the words that may appear).
fn emotion_map(ctx: &Context, doc: &mut Builder, m: &Stored<Meeting>) {
    let mut rows: BTreeMap<String, [usize; Emotion::ALL.len()]> = BTreeMap::new();
    for v in ctx.data.voices.iter().filter(|v| v.data.meeting_id == m.id) {
        let (Some(feeling), touchpoint) = (v.data.emotion, v.data.touchpoint.trim()) else {
            continue;
        };
        if touchpoint.is_empty() {
            continue;
        }
        let column = Emotion::ALL.iter().position(|e| *e == feeling).unwrap_or(0);
        rows.entry(touchpoint.to_owned()).or_default()[column] += 1;
    }
    if rows.is_empty() {
        return;
    }
    doc.heading(2, "How people felt at each touchpoint");
    let mut columns = vec![("Touchpoint", false)];
    columns.extend(Emotion::ALL.iter().map(|e| (e.label(), true)));
    let mut table = Table::new("Emotional mapping: people feeling each way", &columns);
    for (touchpoint, counts) in rows {
        let mut cells = vec![touchpoint];
        cells.extend(counts.iter().map(ToString::to_string));
        table.row(cells);
    }
    doc.table(table);
}

/// The role a person came to this session in, from its register.
fn role_at(m: &Stored<Meeting>, person: i64) -> Option<PersonRole> {
    m.data
        .attendees
        .iter()
        .find(|a| a.person_id == person)
        .map(|a| a.role)
}

/// "A patient partner", "An expert by experience".
fn with_article(label: &str) -> String {
    let lower = label.to_lowercase();
    let article = if lower.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "An"
    } else {
        "A"
    };
    format!("{article} {lower}")
}

fn actions(ctx: &Context, doc: &mut Builder, m: &Stored<Meeting>) {
    let actions: Vec<_> = ctx
        .data
        .actions
        .iter()
        .filter(|a| a.data.meeting_id == Some(m.id))
        .collect();
    if actions.is_empty() {
        return;
    }
    doc.heading(2, "Actions");
    let mut table = Table::new(
        format!("Actions from {}", m.data.title),
        &[
            ("Action", false),
            ("Who", false),
            ("Due", false),
            ("Status", false),
        ],
    );
    for a in actions {
        let owner = match (a.data.team_owned, a.data.owner_id) {
            (true, _) => "The team".to_owned(),
            (false, Some(id)) => ctx.person_at(m.id, id, role_at(m, id)),
            (false, None) => String::new(),
        };
        table.row(vec![
            a.data.title.clone(),
            owner,
            a.data
                .due_date
                .as_deref()
                .map(short_date)
                .unwrap_or_default(),
            a.data.status.label().to_owned(),
        ]);
    }
    doc.table(table);
}

/// "The heating…" → "the heating…" (but "NHS…" stays as written).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_owned(),
    }
}

/// "You said: … We did: …", "We will, by 4 March 2027: …", "We can't, because …".
pub(super) fn feedback_line(item: &FeedbackItem) -> String {
    let said = match item.you_said.trim() {
        "" => String::new(),
        s => format!("You said: {s} "),
    };
    let answer = match item.status {
        FeedbackStatus::Did => format!("We did: {}", item.we_did.trim()),
        FeedbackStatus::Will => match item.due_date.as_deref() {
            Some(d) => format!("We will, by {}: {}", long_date(d), item.we_did.trim()),
            None => format!("We will: {}", item.we_did.trim()),
        },
        FeedbackStatus::Cannot => format!(
            "We can't, because {}: {}",
            lower_first(item.reason.trim().trim_end_matches('.')),
            item.we_did.trim()
        ),
    };
    format!("{said}{answer}")
}
