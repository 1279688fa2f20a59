//! Reflection report: reflections by template, ready-to-share ones unless asked for all.

use super::{count, long_date, Context};
use crate::document::{Block, Builder};

/// The blocks of the reflection report; what was left out goes into `notes`.
pub fn build(ctx: &Context, notes: &mut Vec<String>) -> Vec<Block> {
    let everything = ctx.options.include_private;
    let chosen: Vec<_> = ctx
        .data
        .reflections
        .iter()
        .filter(|r| everything || r.data.share_ready)
        .collect();
    let not_ready = ctx.data.reflections.len() - chosen.len();
    // What was left out is said, never how much: a count would tell the reader how many
    // private reflections exist.
    if ctx.data.private_left_out > 0 {
        notes.push("Private reflections are left out.".into());
    }
    if not_ready > 0 {
        notes.push("Reflections not marked ready to share are left out.".into());
    }

    let mut doc = Builder::default();
    if chosen.is_empty() {
        doc.paragraph("There are no reflections to share in this period.");
        return doc.finish();
    }
    doc.paragraph(count(chosen.len(), "reflection", "reflections"));
    for r in chosen {
        let d = &r.data;
        doc.heading(1, d.title.clone());
        let about = d
            .meeting_id
            .and_then(|id| ctx.meeting(id))
            .map(|m| m.data.title.clone())
            .or_else(|| d.project_id.map(|id| ctx.project(id).to_owned()))
            .unwrap_or_default();
        doc.facts([
            ("Date", long_date(&d.date)),
            (
                "Written with",
                format!("{} reflective cycle", d.template.label())
                    .replace("Free text reflective cycle", "Free text"),
            ),
            ("About", about),
            (
                "Privacy",
                if d.private {
                    "Private (included as asked)".to_owned()
                } else {
                    String::new()
                },
            ),
        ]);
        for (prompt, answer) in d.answered() {
            doc.heading(2, prompt);
            for para in answer.split("\n\n") {
                doc.paragraph(para.trim().to_owned());
            }
        }
    }
    doc.finish()
}
