//! GRIPP2 short form (Staniszewska et al., 2017) for each chosen project, drafted from records.

use alongside_core::records::money::format_minutes;

use super::evidence::{
    contributions_by_activity, felt_heard, meetings_by_kind, people_by_role, reflection_lines,
    voice_themes, what_changed, you_said_we_did,
};
use super::Context;
use crate::document::{Block, Builder};

/// The blocks of the GRIPP2 short form.
pub fn build(ctx: &Context) -> Vec<Block> {
    let mut doc = Builder::default();
    doc.paragraph(
        "A starting draft of the GRIPP2 short form, assembled from the records of this period. Read it through and add what the records cannot know before you publish it.",
    );
    for p in &ctx.data.projects {
        let d = &p.data;
        let meetings = || {
            ctx.data
                .meetings
                .iter()
                .filter(|m| m.data.project_id == p.id)
        };
        let contributions = || {
            ctx.data
                .contributions
                .iter()
                .filter(|c| c.data.project_id == p.id)
        };
        if meetings().next().is_none() && contributions().next().is_none() {
            continue;
        }
        doc.heading(1, d.title.clone());

        doc.heading(2, "1. Aim");
        let org = if d.organisation.trim().is_empty() {
            String::new()
        } else {
            format!(" with {}", d.organisation.trim())
        };
        let role = if d.my_role.trim().is_empty() {
            String::new()
        } else {
            format!(" The role was: {}.", d.my_role.trim())
        };
        doc.paragraph(format!(
            "Public involvement in {}{org}, at the level of {}.{role}",
            d.title,
            d.approach.label().to_lowercase()
        ));

        doc.heading(2, "2. Methods");
        let minutes: i64 = contributions().map(|c| c.data.total_minutes()).sum();
        doc.paragraph(format!(
            "Time given by the author in this period: {}.",
            format_minutes(minutes)
        ));
        doc.list(meetings_by_kind(meetings()));
        doc.list(contributions_by_activity(contributions()));
        doc.list(super::participant_pay::summary_line(ctx, Some(p.id)));
        let people = people_by_role(meetings());
        if !people.is_empty() {
            doc.paragraph("People who took part in the meetings, by role:");
            doc.list(people);
        }

        doc.heading(2, "3. Results");
        let changed = what_changed(contributions());
        let said = you_said_we_did(&ctx.data.feedback, meetings());
        if changed.is_empty() && said.is_empty() {
            doc.paragraph("No outcomes of involvement were recorded in this period.");
        }
        doc.list(changed);
        doc.list(said);
        doc.list(voice_themes(&ctx.data.voices, meetings()));

        doc.heading(2, "4. Discussion and conclusions");
        let decisions: usize = meetings().map(|m| m.data.decisions.len()).sum();
        doc.paragraph(format!("Decisions recorded at meetings: {decisions}."));
        let heard = felt_heard(meetings());
        if !heard.is_empty() {
            doc.paragraph("How heard the author felt at meetings:");
            doc.list(heard);
        }

        doc.heading(2, "5. Reflections and critical perspective");
        let lines = reflection_lines(ctx, Some(p.id));
        if lines.is_empty() {
            doc.paragraph("No reflections to share for this project in this period.");
        }
        doc.list(lines);
    }
    doc.finish()
}
