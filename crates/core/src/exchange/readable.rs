//! The readable copy that travels inside every `.alongside` file: a plain, accessible HTML page
//! of exactly what the payload holds, so someone without Alongside (opening a passphrase file
//! with `age` or `rage`) can read it, and the preview's lines in plain words.

use crate::words::count;
use html_escape::encode_text as esc;

use super::payload::*;

const STYLE: &str = "body{font:1rem/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;\
padding:0 1rem;color:#1a1a1a;background:#fff}h1,h2{line-height:1.2}\
table{border-collapse:collapse}th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left}\
.meta{color:#4a4a4a}";

fn list(out: &mut String, heading: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    out.push_str(&format!("<h2>{}</h2>\n<ul>\n", esc(heading)));
    for item in items {
        out.push_str(&format!("<li>{}</li>\n", esc(item)));
    }
    out.push_str("</ul>\n");
}

fn paragraph(out: &mut String, heading: &str, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    out.push_str(&format!("<h2>{}</h2>\n", esc(heading)));
    for para in text.split("\n\n") {
        out.push_str(&format!("<p>{}</p>\n", esc(para.trim())));
    }
}

fn meeting_part(out: &mut String, project: &SharedProject, m: &SharedMeeting) {
    out.push_str(&format!(
        "<p class=\"meta\">{} · {}{}{}</p>\n",
        esc(&project.title),
        esc(&m.date),
        m.start_time
            .as_deref()
            .map(|t| format!(", {}", esc(t)))
            .unwrap_or_default(),
        if m.place.is_empty() {
            String::new()
        } else {
            format!(" · {}", esc(&m.place))
        }
    ));
    list(out, "Agenda", &m.agenda);
    paragraph(out, "Notes for the record", &m.record_notes);
    list(out, "Decisions", &m.decisions);
    let priorities: Vec<String> = m
        .priorities
        .iter()
        .map(|p| format!("{} ({} votes)", p.text, p.votes))
        .collect();
    list(out, "Priorities", &priorities);
}

fn voices_part(out: &mut String, heading: &str, voices: &[SharedVoice]) {
    let lines: Vec<String> = voices
        .iter()
        .map(|v| format!("{}: “{}”", v.who, v.text))
        .collect();
    list(out, heading, &lines);
}

fn feedback_part(out: &mut String, items: &[SharedFeedback]) {
    if items.is_empty() {
        return;
    }
    out.push_str(
        "<h2>You said, we did</h2>\n<table>\n<thead><tr><th scope=\"col\">You said</th>\
<th scope=\"col\">We did</th><th scope=\"col\">Where it stands</th></tr></thead>\n<tbody>\n",
    );
    for f in items {
        let stands = match (&f.due_date, f.reason.is_empty()) {
            (Some(due), _) => format!("{} (by {due})", f.status.label()),
            (None, false) => format!("{}: {}", f.status.label(), f.reason),
            (None, true) => f.status.label().to_owned(),
        };
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            esc(&f.you_said),
            esc(&f.we_did),
            esc(&stands)
        ));
    }
    out.push_str("</tbody>\n</table>\n");
}

fn title_of(payload: &Payload) -> String {
    match &payload.content {
        Content::Session(s) => format!("Session record: {}", s.meeting.title),
        Content::Feedback(f) => format!("You said, we did: {}", f.meeting.title),
        Content::Summary(_) => "Summary of contributions".into(),
        Content::Consent(c) if c.withdraw => format!("Consent withdrawn: {}", c.meeting_title),
        Content::Consent(c) => format!("Consent: {}", c.meeting_title),
        Content::Correction(c) => format!("That's not what I said: {}", c.meeting_title),
        Content::Acknowledgement(_) => "Received, thank you".into(),
    }
}

/// "yes" or "no", for the consent lines here and in the Inbox.
pub(crate) fn yes_no(yes: bool) -> &'static str {
    if yes {
        "yes"
    } else {
        "no"
    }
}

/// The readable page for `payload`.
pub fn page(payload: &Payload) -> String {
    let title = title_of(payload);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n",
        esc(&title),
        esc(&title)
    );
    let from = if payload.sender.role.is_empty() {
        payload.sender.name.clone()
    } else {
        format!("{} ({})", payload.sender.name, payload.sender.role)
    };
    out.push_str(&format!(
        "<p class=\"meta\">From {} · made {}</p>\n",
        esc(&from),
        esc(payload.created_at.get(..10).unwrap_or(&payload.created_at))
    ));
    if let Some(day) = &payload.delete_after {
        out.push_str(&format!(
            "<p><strong>Please delete this after {}.</strong></p>\n",
            esc(day)
        ));
    }
    match &payload.content {
        Content::Session(s) => {
            meeting_part(&mut out, &s.project, &s.meeting);
            let register: Vec<String> = s
                .attendees
                .iter()
                .map(|a| format!("{} — {}", a.who, a.status))
                .collect();
            list(&mut out, "Who was invited and who came", &register);
            voices_part(&mut out, "What people said", &s.voices);
            feedback_part(&mut out, &s.feedback);
        }
        Content::Feedback(f) => {
            meeting_part(&mut out, &f.project, &f.meeting);
            voices_part(&mut out, "What you said", &f.voices);
            feedback_part(&mut out, &f.feedback);
        }
        Content::Summary(s) => {
            out.push_str(&format!(
                "<p>{} to {}: {} contributions.</p>\n",
                esc(&s.from),
                esc(&s.to),
                s.contributions.len()
            ));
            for c in &s.contributions {
                out.push_str(&format!(
                    "<h2>{} · {}</h2>\n<p>{} · {} minutes</p>\n",
                    esc(&c.date),
                    esc(&c.project),
                    esc(c.activity.label()),
                    c.minutes.iter().sum::<i64>()
                ));
                paragraph(&mut out, "What I contributed", &c.summary);
                paragraph(&mut out, "What changed", &c.impact_changed);
                paragraph(&mut out, "Feedback received", &c.feedback);
                if let Some(p) = c.claim_pence {
                    out.push_str(&format!("<p>Claimed: £{}.{:02}</p>\n", p / 100, p % 100));
                }
            }
        }
        Content::Consent(c) => {
            out.push_str(&format!(
                "<p>For the session \"{}\" on {}, decided on {}:</p>\n",
                esc(&c.meeting_title),
                esc(&c.meeting_date),
                esc(&c.on)
            ));
            if c.withdraw {
                out.push_str("<p><strong>I withdraw my consent.</strong> Please do not quote or name me, or use photographs or recordings of me, from now on.</p>\n");
            } else {
                list(
                    &mut out,
                    "What I agree to",
                    &[
                        format!("Quoting my words: {}", yes_no(c.quote)),
                        format!("Naming me: {}", yes_no(c.named)),
                        format!("Photographs: {}", yes_no(c.photo)),
                        format!("Audio recording: {}", yes_no(c.audio)),
                    ],
                );
            }
        }
        Content::Correction(c) => {
            out.push_str(&format!(
                "<p>In the record of the session \"{}\" on {}, my words were given as:</p>\n\
<blockquote>{}</blockquote>\n<p>That is not what I said. What I said was:</p>\n\
<blockquote>{}</blockquote>\n",
                esc(&c.meeting_title),
                esc(&c.meeting_date),
                esc(&c.recorded),
                esc(&c.said)
            ));
        }
        Content::Acknowledgement(a) => {
            out.push_str(&format!("<p>I received {}.</p>\n", esc(&a.about)));
            paragraph(&mut out, "Message", &a.message);
        }
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The preview's lines: what the file holds, in plain words.
pub fn lines(payload: &Payload) -> Vec<String> {
    let mut out = Vec::new();
    match &payload.content {
        Content::Session(s) => {
            out.push(format!(
                "The record of \"{}\" on {} ({})",
                s.meeting.title, s.meeting.date, s.project.title
            ));
            out.push(format!(
                "{}, {}, {}, notes for the record: {}",
                count(s.meeting.agenda.len(), "agenda item", "agenda items"),
                count(s.meeting.decisions.len(), "decision", "decisions"),
                count(s.meeting.priorities.len(), "priority", "priorities"),
                if s.meeting.record_notes.trim().is_empty() {
                    "none"
                } else {
                    "yes"
                }
            ));
            out.push(format!(
                "{} on the register, by name only with consent",
                count(s.attendees.len(), "person", "people")
            ));
            out.push(format!(
                "{} that may be quoted",
                count(s.voices.len(), "thing people said", "things people said")
            ));
            out.push(count(
                s.feedback.len(),
                "\"you said, we did\" item",
                "\"you said, we did\" items",
            ));
        }
        Content::Feedback(f) => {
            out.push(format!(
                "\"You said, we did\" for {} from \"{}\" on {}",
                f.person, f.meeting.title, f.meeting.date
            ));
            out.push(format!(
                "{}, {} answering them",
                count(f.voices.len(), "thing they said", "things they said"),
                count(f.feedback.len(), "item", "items")
            ));
        }
        Content::Summary(s) => {
            out.push(format!(
                "{} from {} to {}",
                count(s.contributions.len(), "contribution", "contributions"),
                s.from,
                s.to
            ));
            if s.contributions.iter().any(|c| c.claim_pence.is_some()) {
                out.push("Fees and expenses claimed are included".into());
            }
        }
        Content::Consent(c) if c.withdraw => out.push(format!(
            "Consent withdrawn for \"{}\" on {}",
            c.meeting_title, c.meeting_date
        )),
        Content::Consent(c) => out.push(format!(
            "Consent for \"{}\" on {}: quotes {}, naming {}, photographs {}, audio {}",
            c.meeting_title,
            c.meeting_date,
            yes_no(c.quote),
            yes_no(c.named),
            yes_no(c.photo),
            yes_no(c.audio)
        )),
        Content::Correction(c) => {
            out.push(format!(
                "A correction to your words in \"{}\" on {}",
                c.meeting_title, c.meeting_date
            ));
            out.push(format!("Recorded as: “{}”", c.recorded));
            out.push(format!("What you said: “{}”", c.said));
        }
        Content::Acknowledgement(a) => {
            out.push(format!("An acknowledgement that you received {}", a.about));
            if !a.message.trim().is_empty() {
                out.push(format!("With the message: “{}”", a.message));
            }
        }
    }
    if let Some(day) = &payload.delete_after {
        out.push(format!("Recipients are asked to delete it after {day}"));
    }
    out
}
