//! Meetings from calendar invitations and back. Meetings arrive as Outlook, Teams or Google
//! Calendar invitations (`.ics`): this reads the first event's title, day, start and end in UK
//! local time (from a named time zone, including Windows' names as Outlook writes them, or from
//! UTC; summer time included), the place or online link and the organiser. The person picks the
//! project; nothing is written until the meeting is saved. "Add to my calendar" writes a meeting
//! back as an `.ics` file. Parsing is the `icalendar` crate's.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::{
    Calendar, CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, Event, EventLike,
};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{CoreError, CoreResult};
use crate::records::choices::{AttendanceStatus, MeetingKind, PersonRole};
use crate::records::validate::{MAX_SHORT, MAX_TITLE};
use crate::records::{store, Attendee, Meeting, Person, Stored};

/// Where meetings happen, for this app: times are shown and kept in UK local time.
pub const HOME: Tz = chrono_tz::Europe::London;

/// Largest invitation file read (invitations are a few kilobytes; this allows attachments).
pub const MAX_ICS_BYTES: usize = 4 * 1024 * 1024;

/// What an invitation says about a meeting, in UK local time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Invitation {
    /// The meeting's title.
    pub title: String,
    /// Its day (`YYYY-MM-DD`).
    pub date: String,
    /// Start (`HH:MM`), unless it lasts all day.
    pub start_time: Option<String>,
    /// End (`HH:MM`), when it ends the same day.
    pub end_time: Option<String>,
    /// Where, as the invitation says.
    pub place: String,
    /// Whether it happens online (a joining link, or Teams, Zoom or Meet named as the place).
    pub online: bool,
    /// The joining link, when there is one.
    pub link: Option<String>,
    /// The organiser's name (or address when no name is given).
    pub organiser: Option<String>,
}

fn broken(why: &str) -> CoreError {
    CoreError::invalid(
        "file",
        format!("This is not a calendar invitation Alongside can read: {why}."),
    )
}

/// The IANA zone for a TZID: IANA names as they are, Windows names (as Outlook and Teams write
/// them) through the common ones people in the UK meet.
fn zone(tzid: &str) -> Option<Tz> {
    let tzid = tzid.trim().trim_matches('"');
    if let Ok(tz) = tzid.parse::<Tz>() {
        return Some(tz);
    }
    let iana = match tzid {
        "GMT Standard Time" | "Greenwich Mean Time" | "GMT Standard Time 1" => "Europe/London",
        "UTC" | "Coordinated Universal Time" | "Greenwich Standard Time" => "UTC",
        "W. Europe Standard Time" => "Europe/Berlin",
        "Romance Standard Time" => "Europe/Paris",
        "Central Europe Standard Time" => "Europe/Budapest",
        "Central European Standard Time" => "Europe/Warsaw",
        "GTB Standard Time" => "Europe/Bucharest",
        "FLE Standard Time" => "Europe/Helsinki",
        "Eastern Standard Time" => "America/New_York",
        "Central Standard Time" => "America/Chicago",
        "Pacific Standard Time" => "America/Los_Angeles",
        "India Standard Time" => "Asia/Kolkata",
        "AUS Eastern Standard Time" => "Australia/Sydney",
        _ => return None,
    };
    iana.parse().ok()
}

/// A moment of the invitation in UK local time; a floating time is taken as UK time already.
fn local(at: &CalendarDateTime) -> CoreResult<NaiveDateTime> {
    let utc: DateTime<Utc> = match at {
        CalendarDateTime::Floating(t) => return Ok(*t),
        CalendarDateTime::Utc(t) => *t,
        CalendarDateTime::WithTimezone { date_time, tzid } => {
            let tz = zone(tzid).ok_or_else(|| {
                broken(&format!(
                    "it uses a time zone Alongside does not know (\"{tzid}\")"
                ))
            })?;
            tz.from_local_datetime(date_time)
                .earliest()
                .ok_or_else(|| broken("a time in it does not exist in its time zone"))?
                .with_timezone(&Utc)
        }
    };
    Ok(utc.with_timezone(&HOME).naive_local())
}

/// ICS text with its escapes undone (`\n`, `\,`, `\;`, `\\`).
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out.trim().to_owned()
}

/// The first web link in `text` on a video-meeting service, if any.
fn meeting_link(text: &str) -> Option<String> {
    const HOSTS: [&str; 5] = [
        "teams.microsoft.com",
        "teams.live.com",
        "zoom.us",
        "meet.google.com",
        "whereby.com",
    ];
    text.split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\''))
        .filter(|w| w.starts_with("https://"))
        .find(|w| HOSTS.iter().any(|h| w.contains(h)))
        .map(|w| w.trim_end_matches(['.', ',', ')', ']']).to_owned())
}

fn clip(text: &str, most: usize) -> String {
    text.chars().take(most).collect()
}

/// Reads the first event of an invitation.
pub fn read(bytes: &[u8]) -> CoreResult<Invitation> {
    if bytes.len() > MAX_ICS_BYTES {
        return Err(broken("it is far larger than an invitation"));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| broken("it is not text"))?;
    if !text.trim_start().starts_with("BEGIN:VCALENDAR") {
        return Err(broken("it does not begin as a calendar file does"));
    }
    let calendar: Calendar = text
        .parse()
        .map_err(|_| broken("its lines could not be read"))?;
    let event = calendar
        .components
        .iter()
        .find_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .ok_or_else(|| broken("it holds no meeting"))?;
    from_event(event)
}

fn from_event(event: &Event) -> CoreResult<Invitation> {
    let title = event.get_summary().map(unescape).unwrap_or_default();
    let (date, start_time, end_time) = match event.get_start() {
        Some(DatePerhapsTime::Date(day)) => (day, None, None),
        Some(DatePerhapsTime::DateTime(at)) => {
            let start = local(&at)?;
            let end = match event.get_end() {
                Some(DatePerhapsTime::DateTime(at)) => Some(local(&at)?),
                _ => None,
            };
            let end = end.filter(|e| e.date() == start.date() && *e > start);
            (
                start.date(),
                Some(start.format("%H:%M").to_string()),
                end.map(|e| e.format("%H:%M").to_string()),
            )
        }
        None => return Err(broken("its meeting has no start")),
    };
    let place = event.get_location().map(unescape).unwrap_or_default();
    let property = |key: &str| event.property_value(key).map(unescape);
    let link = [
        property("X-MICROSOFT-SKYPETEAMSMEETINGURL"),
        property("X-GOOGLE-CONFERENCE"),
        property("URL").filter(|u| meeting_link(u).is_some()),
    ]
    .into_iter()
    .flatten()
    .next()
    .or_else(|| meeting_link(&place))
    .or_else(|| {
        event
            .get_description()
            .and_then(|d| meeting_link(&unescape(d)))
    });
    let online = link.is_some()
        || ["teams", "zoom", "google meet", "online"]
            .iter()
            .any(|w| place.to_lowercase().contains(w));
    let organiser = event.properties().get("ORGANIZER").and_then(|p| {
        let name = p.params().get("CN").map(|cn| unescape(cn.value()));
        let address = p
            .value()
            .trim()
            .trim_start_matches("mailto:")
            .trim_start_matches("MAILTO:")
            .to_owned();
        name.filter(|n| !n.trim_matches('"').is_empty())
            .map(|n| n.trim_matches('"').to_owned())
            .or_else(|| (!address.is_empty()).then_some(address))
    });
    Ok(Invitation {
        title: clip(&title, MAX_TITLE),
        date: date.format("%Y-%m-%d").to_string(),
        start_time,
        end_time,
        place: clip(&place, MAX_SHORT),
        online,
        link,
        organiser: organiser.map(|o| clip(&o, MAX_TITLE)),
    })
}

impl Invitation {
    /// A new meeting of `project_id` as the invitation describes it. The joining link goes in
    /// the private notes (a link is often longer than a place may be).
    pub fn meeting(&self, project_id: i64) -> Meeting {
        Meeting {
            project_id,
            kind: MeetingKind::Other,
            title: self.title.clone(),
            date: self.date.clone(),
            start_time: self.start_time.clone(),
            end_time: self.end_time.clone(),
            place: self.place.clone(),
            online: self.online,
            private_notes: self
                .link
                .as_ref()
                .map(|l| format!("Joining link: {l}"))
                .unwrap_or_default(),
            ..Meeting::default()
        }
    }
}

/// Adds the meeting an invitation describes to `project_id`, with its organiser on the register
/// (the person of that name, or a new one) as the one who organised it.
pub async fn add(
    pool: &sqlx::SqlitePool,
    invitation: &Invitation,
    project_id: i64,
) -> CoreResult<Stored<Meeting>> {
    let mut meeting = invitation.meeting(project_id);
    if let Some(name) = invitation.organiser.as_deref() {
        let person_id = match crate::exchange::contacts::person_named(pool, name).await? {
            Some(id) => id,
            None => {
                let person = Person {
                    name: name.to_owned(),
                    roles: vec![PersonRole::Other],
                    notes: "Organised a meeting you were invited to.".into(),
                    ..Person::default()
                };
                store::create(pool, person).await?.id
            }
        };
        meeting.attendees.push(Attendee {
            uid: None,
            person_id,
            role: PersonRole::Other,
            status: AttendanceStatus::Invited,
        });
    }
    store::create(pool, meeting).await
}

/// A meeting as an `.ics` file for the person's own calendar, in UK local time (`uid` keeps it
/// the same event when added again).
pub fn write(meeting: &Meeting, project: &str, uid: &str) -> CoreResult<String> {
    let day = chrono::NaiveDate::parse_from_str(&meeting.date, "%Y-%m-%d")
        .map_err(|_| CoreError::invalid("date", "The meeting's day could not be read."))?;
    let at = |time: &Option<String>| -> Option<CalendarDateTime> {
        let t = chrono::NaiveTime::parse_from_str(time.as_deref()?, "%H:%M").ok()?;
        let utc = HOME
            .from_local_datetime(&day.and_time(t))
            .earliest()?
            .with_timezone(&Utc);
        Some(CalendarDateTime::Utc(utc))
    };
    let mut event = Event::new();
    event.uid(uid).summary(&meeting.title);
    match (at(&meeting.start_time), at(&meeting.end_time)) {
        (Some(start), end) => {
            event.starts(start.clone());
            event.ends(end.unwrap_or(start));
        }
        (None, _) => {
            event.all_day(day);
        }
    }
    if !meeting.place.is_empty() {
        event.location(&meeting.place);
    }
    event.description(&format!("{project} (from Alongside)"));
    let mut calendar = Calendar::new();
    calendar.push(event.done());
    Ok(calendar.done().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_and_iana_zone_names() {
        assert_eq!(zone("GMT Standard Time"), Some(chrono_tz::Europe::London));
        assert_eq!(zone("Europe/London"), Some(chrono_tz::Europe::London));
        assert_eq!(zone("Mars/Olympus"), None);
    }

    #[test]
    fn links_and_escapes() {
        assert_eq!(
            unescape("Room 4\\, Ward B\\nLevel 2"),
            "Room 4, Ward B\nLevel 2"
        );
        assert_eq!(
            meeting_link("Join: <https://teams.microsoft.com/l/meetup-join/19%3a>. Thanks"),
            Some("https://teams.microsoft.com/l/meetup-join/19%3a".into())
        );
        assert_eq!(meeting_link("https://example.org/agenda"), None);
    }
}
