//! Counts and examples both project-lead reports (GRIPP2, UK Standards) draw on.

use std::collections::{BTreeMap, BTreeSet};

use alongside_core::records::choices::{Activity, MeetingKind, PersonRole};
use alongside_core::records::{Contribution, FeedbackItem, Meeting, Stored, Voice};

use super::{count, short_date, Context};

/// Most examples listed under one heading.
pub const EXAMPLES: usize = 8;

/// Meetings of each kind, as "Steering committee: 12 meetings".
pub fn meetings_by_kind<'a>(meetings: impl Iterator<Item = &'a Stored<Meeting>>) -> Vec<String> {
    let mut kinds: BTreeMap<usize, usize> = BTreeMap::new();
    for m in meetings {
        let slot = MeetingKind::ALL
            .iter()
            .position(|k| *k == m.data.kind)
            .unwrap_or(0);
        *kinds.entry(slot).or_default() += 1;
    }
    kinds
        .into_iter()
        .map(|(slot, n)| {
            let label = MeetingKind::ALL.get(slot).map_or("Other", |k| k.label());
            format!("{label}: {}", count(n, "meeting", "meetings"))
        })
        .collect()
}

/// Contributions of each kind of work, as "Reading or reviewing: 4 contributions".
pub fn contributions_by_activity<'a>(
    contributions: impl Iterator<Item = &'a Stored<Contribution>>,
) -> Vec<String> {
    let mut kinds: BTreeMap<usize, usize> = BTreeMap::new();
    for c in contributions {
        let slot = Activity::ALL
            .iter()
            .position(|k| *k == c.data.activity)
            .unwrap_or(0);
        *kinds.entry(slot).or_default() += 1;
    }
    kinds
        .into_iter()
        .map(|(slot, n)| {
            let label = Activity::ALL.get(slot).map_or("Other", |k| k.label());
            format!("{label}: {}", count(n, "contribution", "contributions"))
        })
        .collect()
}

/// How many different people took part in the meetings, by the role they came in.
pub fn people_by_role<'a>(meetings: impl Iterator<Item = &'a Stored<Meeting>>) -> Vec<String> {
    let mut roles: BTreeMap<usize, BTreeSet<i64>> = BTreeMap::new();
    for m in meetings {
        for a in m.data.attendees.iter().filter(|a| a.status.was_there()) {
            let slot = PersonRole::ALL
                .iter()
                .position(|r| *r == a.role)
                .unwrap_or(0);
            roles.entry(slot).or_default().insert(a.person_id);
        }
    }
    roles
        .into_iter()
        .map(|(slot, people)| {
            let label = PersonRole::ALL.get(slot).map_or("Other", |r| r.label());
            format!("{label}: {}", count(people.len(), "person", "people"))
        })
        .collect()
}

/// The newest "what changed" entries, with their dates.
pub fn what_changed<'a>(
    contributions: impl DoubleEndedIterator<Item = &'a Stored<Contribution>>,
) -> Vec<String> {
    contributions
        .rev()
        .filter(|c| !c.data.impact_changed.trim().is_empty())
        .take(EXAMPLES)
        .map(|c| {
            let evidence = c.data.impact_evidence.trim();
            let mut line = format!(
                "{}: {}",
                short_date(&c.data.date),
                c.data.impact_changed.trim()
            );
            if !evidence.is_empty() {
                line.push_str(&format!(" (Evidence: {evidence})"));
            }
            line
        })
        .collect()
}

/// The newest "you said, we did" items of meetings, with their meeting.
pub fn you_said_we_did<'a>(
    items: &'a [Stored<FeedbackItem>],
    meetings: impl DoubleEndedIterator<Item = &'a Stored<Meeting>>,
) -> Vec<String> {
    meetings
        .rev()
        .flat_map(|m| {
            items
                .iter()
                .filter(move |i| i.data.meeting_id == m.id)
                .map(move |i| {
                    format!(
                        "{} ({}): {}",
                        m.data.title,
                        short_date(&m.data.date),
                        super::meetings::feedback_line(&i.data)
                    )
                })
        })
        .take(EXAMPLES)
        .collect()
}

/// The themes of what participants said in these meetings, most heard first, as one line:
/// "What participants said, by theme: discharge (4), transport (2)". Counts only, from the
/// voices consent lets appear; `None` when no voice has a theme.
pub fn voice_themes<'a>(
    voices: &[Stored<Voice>],
    meetings: impl Iterator<Item = &'a Stored<Meeting>>,
) -> Option<String> {
    let ids: BTreeSet<i64> = meetings.map(|m| m.id).collect();
    let mut themes: BTreeMap<String, usize> = BTreeMap::new();
    for v in voices.iter().filter(|v| ids.contains(&v.data.meeting_id)) {
        for t in &v.data.themes {
            *themes.entry(t.trim().to_lowercase()).or_default() += 1;
        }
    }
    let mut sorted: Vec<(String, usize)> = themes.into_iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    (!sorted.is_empty()).then(|| {
        let parts: Vec<String> = sorted
            .iter()
            .take(EXAMPLES)
            .map(|(t, n)| format!("{t} ({n})"))
            .collect();
        format!("What participants said, by theme: {}", parts.join(", "))
    })
}

/// Averages of the "felt heard" ratings, as sentences.
pub fn felt_heard<'a>(meetings: impl Iterator<Item = &'a Stored<Meeting>>) -> Vec<String> {
    let mut sums = [(0u32, 0u32); 3];
    for m in meetings {
        if let Some(f) = &m.data.felt_heard {
            for (slot, value) in [f.listened_to, f.views_used, f.comfortable]
                .into_iter()
                .enumerate()
            {
                if let (Some(v), Some(s)) = (value, sums.get_mut(slot)) {
                    s.0 += u32::from(v);
                    s.1 += 1;
                }
            }
        }
    }
    let labels = [
        "I was listened to",
        "My views made a difference",
        "I felt comfortable speaking up",
    ];
    labels
        .iter()
        .zip(sums)
        .filter(|(_, (_, n))| *n > 0)
        .map(|(label, (sum, n))| {
            let tenths = (sum * 10 + n / 2) / n;
            format!(
                "\"{label}\": {}.{} out of 5 on average ({})",
                tenths / 10,
                tenths % 10,
                count(n as usize, "rating", "ratings")
            )
        })
        .collect()
}

/// Share-ready reflections (all chosen ones when private ones were asked for), as title lines.
pub fn reflection_lines(ctx: &Context, project: Option<i64>) -> Vec<String> {
    ctx.data
        .reflections
        .iter()
        .rev()
        .filter(|r| ctx.options.include_private || r.data.share_ready)
        .filter(|r| {
            project.is_none_or(|p| {
                r.data.project_id == Some(p)
                    || r.data
                        .meeting_id
                        .and_then(|m| ctx.meeting(m))
                        .is_some_and(|m| m.data.project_id == p)
            })
        })
        .take(EXAMPLES)
        .map(|r| {
            let first = r
                .data
                .answered()
                .first()
                .map(|(_, text)| text.trim().to_owned())
                .unwrap_or_default();
            if first.is_empty() {
                format!("{} ({})", r.data.title, short_date(&r.data.date))
            } else {
                format!("{} ({}): {first}", r.data.title, short_date(&r.data.date))
            }
        })
        .collect()
}
