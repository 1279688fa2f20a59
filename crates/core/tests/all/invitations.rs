//! Calendar invitations as Outlook, Teams and Google write them (the files are written here, in
//! their shapes): the meeting read in UK local time — named zones (Windows' and IANA's), UTC,
//! summer time, all-day events — its place, link and organiser; broken files refused in one
//! sentence with nothing written; and a meeting written back for the person's calendar.

use alongside_core::records::choices::AttendanceStatus;
use alongside_core::records::invitation::{self, Invitation};
use alongside_core::records::{store, Meeting, Person};
use alongside_test_support::*;

/// Outlook (desktop): Windows zone name with its VTIMEZONE, folded lines, escaped commas,
/// a summer-time meeting.
const OUTLOOK: &str = "BEGIN:VCALENDAR\r
METHOD:REQUEST\r
PRODID:Microsoft Exchange Server 2010\r
VERSION:2.0\r
BEGIN:VTIMEZONE\r
TZID:GMT Standard Time\r
BEGIN:STANDARD\r
DTSTART:16010101T020000\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0000\r
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\r
END:STANDARD\r
BEGIN:DAYLIGHT\r
DTSTART:16010101T010000\r
TZOFFSETFROM:+0000\r
TZOFFSETTO:+0100\r
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\r
END:DAYLIGHT\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
ORGANIZER;CN=Priya Shah:mailto:priya.shah@nhs.example\r
ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Sam Patel:mailto:s\r
 am@example.org\r
DESCRIPTION;LANGUAGE=en-GB:Papers attached.\\nPlease read the protocol before\r
  we meet.\\n\r
SUMMARY;LANGUAGE=en-GB:Steering committee\\, June\r
DTSTART;TZID=GMT Standard Time:20260610T183000\r
DTEND;TZID=GMT Standard Time:20260610T200000\r
UID:040000008200E00074C5B7101A82E00800000000\r
LOCATION;LANGUAGE=en-GB:Room 4\\, Trust HQ\r
END:VEVENT\r
END:VCALENDAR\r
";

/// Teams: UTC times, the meeting link in its own property and in the description.
const TEAMS: &str = "BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:Microsoft Teams\r
BEGIN:VEVENT\r
SUMMARY:Patient panel: discharge letters\r
DTSTART:20260331T130000Z\r
DTEND:20260331T143000Z\r
LOCATION:Microsoft Teams Meeting\r
X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0\r
DESCRIPTION:Join on your computer: https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0\r
ORGANIZER;CN=\"Okafor, Fatima\":mailto:f.okafor@uni.example\r
UID:teams-1\r
END:VEVENT\r
END:VCALENDAR\r
";

/// Google Calendar: IANA zone name, a Meet link, winter time.
const GOOGLE: &str = "BEGIN:VCALENDAR\r
PRODID:-//Google Inc//Google Calendar 70.9054//EN\r
VERSION:2.0\r
BEGIN:VEVENT\r
DTSTART;TZID=Europe/London:20261202T100000\r
DTEND;TZID=Europe/London:20261202T113000\r
ORGANIZER;CN=co-design@charity.example:mailto:co-design@charity.example\r
SUMMARY:Co-design workshop 3\r
X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij\r
LOCATION:\r
UID:google-1@google.com\r
END:VEVENT\r
END:VCALENDAR\r
";

/// An all-day event.
const ALL_DAY: &str = "BEGIN:VCALENDAR\r
VERSION:2.0\r
BEGIN:VEVENT\r
DTSTART;VALUE=DATE:20260704\r
DTEND;VALUE=DATE:20260705\r
SUMMARY:Involvement festival\r
UID:all-day-1\r
END:VEVENT\r
END:VCALENDAR\r
";

fn read(text: &str) -> Invitation {
    invitation::read(text.as_bytes()).unwrap()
}

#[test]
fn outlook_teams_and_google_invitations_read_in_uk_time() {
    let outlook = read(OUTLOOK);
    assert_eq!(outlook.title, "Steering committee, June");
    assert_eq!(outlook.date, "2026-06-10");
    assert_eq!(
        (outlook.start_time.as_deref(), outlook.end_time.as_deref()),
        (Some("18:30"), Some("20:00"))
    );
    assert_eq!(outlook.place, "Room 4, Trust HQ");
    assert!(!outlook.online && outlook.link.is_none());
    assert_eq!(outlook.organiser.as_deref(), Some("Priya Shah"));
    // The same invitation from a colleague in Berlin: 19:30 there is 18:30 here.
    let berlin = read(
        &OUTLOOK
            .replace("T183000", "T193000")
            .replace("T200000", "T210000")
            .replace("TZID=GMT Standard Time", "TZID=W. Europe Standard Time"),
    );
    assert_eq!(
        (berlin.start_time.as_deref(), berlin.end_time.as_deref()),
        (Some("18:30"), Some("20:00"))
    );

    // 13:00 UTC on 31 March is 14:00 in London: the clocks went forward on 29 March.
    let teams = read(TEAMS);
    assert_eq!(teams.date, "2026-03-31");
    assert_eq!(
        (teams.start_time.as_deref(), teams.end_time.as_deref()),
        (Some("14:00"), Some("15:30"))
    );
    assert!(teams.online);
    assert_eq!(
        teams.link.as_deref(),
        Some("https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0")
    );
    assert_eq!(teams.organiser.as_deref(), Some("Okafor, Fatima"));

    let google = read(GOOGLE);
    assert_eq!(
        (google.date.as_str(), google.start_time.as_deref()),
        ("2026-12-02", Some("10:00"))
    );
    assert_eq!(
        google.link.as_deref(),
        Some("https://meet.google.com/abc-defg-hij")
    );
    assert_eq!(
        google.organiser.as_deref(),
        Some("co-design@charity.example")
    );

    let all_day = read(ALL_DAY);
    assert_eq!(all_day.date, "2026-07-04");
    assert_eq!((all_day.start_time, all_day.end_time), (None, None));
}

#[test]
fn utc_times_cross_midnight_and_both_clock_changes() {
    let at = |start: &str| {
        let text = TEAMS
            .replace("DTSTART:20260331T130000Z", &format!("DTSTART:{start}"))
            .replace("DTEND:20260331T143000Z\r\n", "");
        let i = read(&text);
        (i.date, i.start_time.unwrap())
    };
    // 23:30 UTC in summer is 00:30 the next day in London; in winter it is the same day.
    assert_eq!(
        at("20260715T233000Z"),
        ("2026-07-16".into(), "00:30".into())
    );
    assert_eq!(
        at("20260115T233000Z"),
        ("2026-01-15".into(), "23:30".into())
    );
    // Either side of the clocks going back on 25 October 2026 (01:00 UTC).
    assert_eq!(
        at("20261025T003000Z"),
        ("2026-10-25".into(), "01:30".into())
    );
    assert_eq!(
        at("20261025T013000Z"),
        ("2026-10-25".into(), "01:30".into())
    );
}

#[test]
fn broken_invitations_are_refused_in_one_sentence() {
    let cases = [
        ("a spreadsheet", "Date,Project\n2026-01-01,x\n".to_owned()),
        (
            "no event",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".to_owned(),
        ),
        (
            "no start",
            TEAMS.replace("DTSTART:20260331T130000Z\r\n", ""),
        ),
        (
            "an unknown zone",
            GOOGLE.replace("TZID=Europe/London", "TZID=Mars/Olympus Mons"),
        ),
    ];
    for (what, text) in cases {
        let err = invitation::read(text.as_bytes()).unwrap_err();
        let said = err.to_string();
        assert!(
            said.starts_with("This is not a calendar invitation Alongside can read"),
            "{what}: {said}"
        );
        assert_eq!(
            said.matches(". ").count(),
            0,
            "{what}: one sentence: {said}"
        );
    }
    assert!(invitation::read(&[0xff, 0xfe, 0x00]).is_err());
}

#[tokio::test]
async fn an_invitation_becomes_a_meeting_with_its_organiser_and_goes_back_out_for_a_calendar() {
    let (_dir, _vault, pool) = vault().await;
    let p = store::create(&pool, project("Discharge co-design"))
        .await
        .unwrap();
    let known = store::create(&pool, person("Priya Shah")).await.unwrap();

    let outlook = invitation::add(&pool, &read(OUTLOOK), p.id).await.unwrap();
    assert_eq!(outlook.data.attendees.len(), 1);
    assert_eq!(
        outlook.data.attendees[0].person_id, known.id,
        "the known person, not a copy"
    );
    assert_eq!(outlook.data.attendees[0].status, AttendanceStatus::Invited);

    let teams = invitation::add(&pool, &read(TEAMS), p.id).await.unwrap();
    let organiser = store::get::<Person>(&pool, teams.data.attendees[0].person_id)
        .await
        .unwrap();
    assert_eq!(organiser.data.name, "Okafor, Fatima");
    assert!(teams
        .data
        .private_notes
        .contains("https://teams.microsoft.com/l/meetup-join/"));
    assert!(teams.data.online);

    // "Add to my calendar": the file reads back as the same meeting, in UK time.
    let ics = invitation::write(&teams.data, "Discharge co-design", &teams.uid).unwrap();
    assert!(ics.contains(&format!("UID:{}", teams.uid)));
    let again = read(&ics);
    assert_eq!(
        (
            again.title.as_str(),
            again.date.as_str(),
            again.start_time.as_deref(),
            again.end_time.as_deref()
        ),
        (
            "Patient panel: discharge letters",
            "2026-03-31",
            Some("14:00"),
            Some("15:30")
        )
    );
    let all_day = store::create(
        &pool,
        Meeting {
            start_time: None,
            end_time: None,
            ..meeting(p.id, "2026-07-04")
        },
    )
    .await
    .unwrap();
    let day = read(&invitation::write(&all_day.data, "x", &all_day.uid).unwrap());
    assert_eq!((day.date.as_str(), day.start_time), ("2026-07-04", None));
}
