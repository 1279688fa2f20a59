//! Meeting and co-design session records: attendees by role, agenda, decisions, actions and
//! "you said, we did".

use super::{count, long_date, short_date, Context};
use crate::document::{Block, Builder, Table};

/// The blocks of the meeting record.
pub fn build(ctx: &Context) -> Vec<Block> {
    let mut doc = Builder::default();
    if ctx.data.meetings.is_empty() {
        doc.paragraph("There are no meetings or sessions in this period.");
        return doc.finish();
    }
    doc.paragraph(count(
        ctx.data.meetings.len(),
        "meeting or session",
        "meetings and sessions",
    ));
    for m in &ctx.data.meetings {
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
        if !d.attendees.is_empty() {
            doc.heading(2, "Who took part");
            doc.list(
                d.attendees
                    .iter()
                    .map(|a| ctx.person(a.person_id, Some(a.role))),
            );
        }
        if !d.agenda.is_empty() {
            doc.heading(2, "Agenda");
            doc.list(d.agenda.iter().cloned());
        }
        if !d.decisions.is_empty() {
            doc.heading(2, "Decisions");
            doc.list(d.decisions.iter().cloned());
        }
        let actions: Vec<_> = ctx
            .data
            .actions
            .iter()
            .filter(|a| a.data.meeting_id == Some(m.id))
            .collect();
        if !actions.is_empty() {
            doc.heading(2, "Actions");
            let mut table = Table::new(
                format!("Actions from {}", d.title),
                &[
                    ("Action", false),
                    ("Who", false),
                    ("Due", false),
                    ("Status", false),
                ],
            );
            for a in actions {
                table.row(vec![
                    a.data.title.clone(),
                    a.data
                        .owner_id
                        .map(|id| ctx.person(id, None))
                        .unwrap_or_default(),
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
        if !d.you_said_we_did.trim().is_empty() {
            doc.heading(2, "You said, we did");
            doc.paragraph(d.you_said_we_did.clone());
        }
        if !d.notes.trim().is_empty() {
            doc.heading(2, "Notes");
            for para in d.notes.split("\n\n") {
                doc.paragraph(para.trim().to_owned());
            }
        }
    }
    doc.finish()
}
