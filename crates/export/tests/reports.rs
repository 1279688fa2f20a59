//! Reports from a small fixed vault (a real SQLCipher vault in a temporary folder): golden files
//! for Markdown, CSV and HTML, PDF text and tags, DOCX XML, hand-computed totals across the
//! week, monthly-period and tax-year boundaries, names replaced by roles, private text left out.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::AtomicBool;

use alongside_core::records::choices::*;
use alongside_core::records::preferences::{self, WeeklyThreshold};
use alongside_core::records::selection::Selection;
use alongside_core::records::{
    store, Action, Attendee, Contribution, Expense, FeedbackItem, Meeting, Person, Project,
    Reflection,
};
use alongside_core::SqlitePool;
use alongside_export::{
    export_to_file, prepare, render, Block, Document, ExportOptions, Format, Names, ReportKind,
};
use chrono::NaiveDate;

const PRIVATE_TEXT: &str = "my secret worry about the chair";
const PRIVATE_NOTE: &str = "private note: ask about the budget overspend";
const NAMES: [&str; 4] = ["Priya", "Shah", "Tom", "Neill"];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    pool: SqlitePool,
}

fn person(name: &str, role: PersonRole) -> Person {
    Person {
        name: name.into(),
        roles: vec![role],
        ..Default::default()
    }
}

fn project(title: &str) -> Project {
    Project {
        title: title.into(),
        organisation: "NIHR".into(),
        my_role: "Patient partner".into(),
        approach: Approach::CoDesign,
        status: ProjectStatus::Active,
        start_date: Some("2025-01-01".into()),
        ..Default::default()
    }
}

fn contribution(project_id: i64, date: &str, fee: i64) -> Contribution {
    Contribution {
        project_id,
        date: date.into(),
        activity: Activity::Meeting,
        prep_minutes: 30,
        meeting_minutes: 90,
        summary: "Read the papers and spoke at the meeting.".into(),
        fee_arrangement: FeeArrangement::Fee,
        fee_pence: fee,
        ..Default::default()
    }
}

/// The fixed data: two projects, two people, a meeting with an action, six contributions
/// around 6 April 2025 (a Sunday: the last day of a week and the first of a tax year), a
/// shareable reflection and a private one.
async fn fixture() -> Fixture {
    let (dir, _vault, pool) = alongside_test_support::vault().await;
    let priya = store::create(&pool, person("Priya Shah", PersonRole::Researcher))
        .await
        .unwrap();
    let tom = store::create(&pool, person("Tom O'Neill", PersonRole::Chair))
        .await
        .unwrap();
    let hip = store::create(&pool, project("Hip fracture recovery"))
        .await
        .unwrap();
    let stroke = store::create(&pool, project("Stroke pathway"))
        .await
        .unwrap();
    let meeting = store::create(
        &pool,
        Meeting {
            project_id: hip.id,
            kind: MeetingKind::SteeringCommittee,
            title: "Steering committee".into(),
            date: "2025-04-05".into(),
            start_time: Some("18:30".into()),
            end_time: Some("20:00".into()),
            place: "Leeds".into(),
            online: false,
            attendees: vec![
                Attendee {
                    uid: None,
                    person_id: priya.id,
                    role: PersonRole::Researcher,
                    status: AttendanceStatus::Attended,
                },
                Attendee {
                    uid: None,
                    person_id: tom.id,
                    role: PersonRole::Chair,
                    status: AttendanceStatus::Attended,
                },
            ],
            my_attendance: Some(AttendanceStatus::Attended),
            agenda: vec!["Recruitment *update*".into()],
            record_notes: "Priya Shah presented the consent form; Tom agreed to shorten it.".into(),
            private_notes: PRIVATE_NOTE.into(),
            decisions: vec!["Shorter consent form".into()],
            priorities: Vec::new(),
            stage: None,
            felt_heard: None,
            tags: Vec::new(),
        },
    )
    .await
    .unwrap();
    store::create(
        &pool,
        Action {
            project_id: None,
            meeting_id: Some(meeting.id),
            title: "Send the new form round".into(),
            owner_id: Some(tom.id),
            team_owned: false,
            due_date: Some("2025-04-20".into()),
            status: ActionStatus::Open,
            notes: String::new(),
        },
    )
    .await
    .unwrap();
    store::create(
        &pool,
        FeedbackItem {
            meeting_id: meeting.id,
            you_said: "The form was too long.".into(),
            we_did: "We cut it to one page.".into(),
            status: FeedbackStatus::Did,
            ..Default::default()
        },
    )
    .await
    .unwrap();

    let mut sat = contribution(hip.id, "2025-04-05", 5_000);
    sat.meeting_id = Some(meeting.id);
    sat.summary = "Spoke with Priya about consent.".into();
    sat.impact_said = "=HYPERLINK(\"http://x\") the form is too long".into();
    sat.impact_changed = "The consent form is now one page.".into();
    sat.impact_evidence = "Version 3 of the form.".into();
    sat.claim_submitted_on = Some("2025-04-10".into());
    sat.paid_on = Some("2025-05-01".into());
    sat.travel_minutes = 45;
    sat.expenses = vec![Expense {
        kind: ExpenseKind::Mileage,
        amount_pence: 0,
        tenth_miles: Some(100),
        pence_per_mile: Some(45),
        note: "Home to Leeds".into(),
        uid: String::new(),
    }];
    store::create(&pool, sat).await.unwrap();
    let mut sun = contribution(hip.id, "2025-04-06", 7_000);
    sun.claim_submitted_on = Some("2025-04-10".into());
    store::create(&pool, sun).await.unwrap();
    let mut mon = contribution(hip.id, "2025-04-07", 3_000);
    mon.fee_arrangement = FeeArrangement::Reduced;
    mon.activity = Activity::Reviewing;
    mon.expenses = vec![Expense {
        kind: ExpenseKind::Fares,
        amount_pence: 1_250,
        tenth_miles: None,
        pence_per_mile: None,
        note: "Train".into(),
        uid: String::new(),
    }];
    store::create(&pool, mon).await.unwrap();
    store::create(&pool, contribution(stroke.id, "2025-05-05", 2_000))
        .await
        .unwrap();
    let mut charity = contribution(stroke.id, "2025-05-06", 2_000);
    charity.fee_arrangement = FeeArrangement::Charity;
    store::create(&pool, charity).await.unwrap();
    // Outside the range the tests ask for.
    store::create(&pool, contribution(stroke.id, "2024-12-31", 9_900))
        .await
        .unwrap();

    let reflection = |title: &str, text: &str, private: bool| Reflection {
        date: "2025-04-06".into(),
        title: title.into(),
        project_id: Some(hip.id),
        meeting_id: Some(meeting.id),
        contribution_id: None,
        template: Template::Free,
        entries: BTreeMap::from([("text".to_owned(), text.to_owned())]),
        mood: None,
        private,
        share_ready: !private,
        tags: Vec::new(),
    };
    store::create(
        &pool,
        reflection("Being heard", "The chair made space for me.", false),
    )
    .await
    .unwrap();
    store::create(&pool, reflection("Worries", PRIVATE_TEXT, true))
        .await
        .unwrap();

    let mut prefs = preferences::load(&pool).await.unwrap();
    prefs.weekly_thresholds = vec![WeeklyThreshold {
        from: "2025-01-01".into(),
        pence: 10_000,
    }];
    prefs.assessment_start_day = 6;
    preferences::save(&pool, &prefs).await.unwrap();
    Fixture { _dir: dir, pool }
}

fn options(report: ReportKind, format: Format) -> ExportOptions {
    ExportOptions {
        report,
        format,
        selection: Selection {
            from: Some("2025-01-01".into()),
            to: Some("2025-12-31".into()),
            project_ids: Vec::new(),
            meeting_uid: None,
            person_uid: None,
        },
        include_private: false,
        names: Names::Full,
        leave_out_money: false,
        language: Default::default(),
        bilingual: false,
    }
}

async fn bytes(pool: &SqlitePool, options: &ExportOptions) -> Vec<u8> {
    let prepared = prepare(pool, options, today()).await.unwrap();
    render(&prepared, options.format).unwrap()
}

async fn document(pool: &SqlitePool, report: ReportKind) -> Document {
    prepare(pool, &options(report, Format::Json), today())
        .await
        .unwrap()
        .document
}

fn table<'a>(doc: &'a Document, caption: &str) -> &'a alongside_export::Table {
    doc.blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) if t.caption == caption => Some(t),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no table {caption}"))
}

fn row<'a>(t: &'a alongside_export::Table, first: &str) -> &'a [String] {
    t.rows
        .iter()
        .find(|r| r[0] == first)
        .unwrap_or_else(|| panic!("no row {first} in {}", t.caption))
}

/// Compares with the committed golden file (`UPDATE_GOLDEN=1` rewrites it).
fn golden(name: &str, actual: &[u8]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{name} differs from its golden file; run with UPDATE_GOLDEN=1 and review the diff:\n{}",
        String::from_utf8_lossy(actual)
    );
}

fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    // Table cells wrap, so compare words with single spaces between them.
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text a reader would see in a written file, whatever its format.
fn readable_text(format: Format, raw: Vec<u8>) -> String {
    match format {
        Format::Pdf => pdf_text(&raw),
        Format::Docx => docx_xml(&raw),
        _ => String::from_utf8(raw).unwrap(),
    }
}

fn docx_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[tokio::test]
async fn payments_totals_match_hand_counts_across_boundaries() {
    let f = fixture().await;
    let doc = document(&f.pool, ReportKind::Payments).await;
    // 5 Apr 2025 is in tax year 2024–25; 6 Apr starts 2025–26. Mileage: 10.0 miles × 45p = £4.50.
    let years = table(&doc, "Totals by tax year");
    assert_eq!(
        row(years, "2024–25"),
        ["2024–25", "£50.00", "£4.50", "£54.50", "£54.50"]
    );
    assert_eq!(
        row(years, "2025–26"),
        ["2025–26", "£120.00", "£12.50", "£132.50", "£0.00"]
    );
    // Monthly periods start on the 6th here.
    let months = table(&doc, "Totals by monthly period");
    assert_eq!(
        row(months, "6 Mar – 5 Apr 2025"),
        ["6 Mar – 5 Apr 2025", "£50.00", "£4.50", "£54.50"]
    );
    assert_eq!(
        row(months, "6 Apr – 5 May 2025"),
        ["6 Apr – 5 May 2025", "£120.00", "£12.50", "£132.50"]
    );
    assert_eq!(
        months.rows.len(),
        2,
        "the charity fee on 6 May pays the user nothing"
    );
    // Weeks run Monday to Sunday: Sat 5 and Sun 6 April share a week, over the £100 limit.
    let weeks = table(&doc, "Totals by week (weeks with fees or expenses)");
    assert_eq!(
        row(weeks, "31 Mar – 6 Apr 2025"),
        [
            "31 Mar – 6 Apr 2025",
            "£120.00",
            "£4.50",
            "£124.50",
            "£100.00",
            "Over"
        ]
    );
    assert_eq!(
        row(weeks, "7 Apr – 13 Apr 2025"),
        [
            "7 Apr – 13 Apr 2025",
            "£30.00",
            "£12.50",
            "£42.50",
            "£100.00",
            ""
        ]
    );
    assert_eq!(row(weeks, "5 May – 11 May 2025")[5], "");
    let facts: Vec<(String, String)> = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Facts { items } => Some(
                items
                    .iter()
                    .map(|f| (f.label.clone(), f.value.clone()))
                    .collect(),
            ),
            _ => None,
        })
        .unwrap();
    let fact = |l: &str| facts.iter().find(|(k, _)| k == l).unwrap().1.clone();
    assert_eq!(fact("Fees and expenses"), "£187.00");
    assert_eq!(fact("Claimed (including paid)"), "£124.50");
    assert_eq!(fact("Paid"), "£54.50");
    assert_eq!(fact("Claimed, not yet paid"), "£70.00");
    assert_eq!(fact("Not yet claimed"), "£62.50");
}

/// The Money screen's figures (SQL in the core) agree with the statement's (worked out here).
#[tokio::test]
async fn money_screen_periods_agree_with_the_statement() {
    let f = fixture().await;
    let sunday = NaiveDate::from_ymd_opt(2025, 4, 6).unwrap();
    let m = alongside_core::records::periods::money_periods(&f.pool, sunday)
        .await
        .unwrap();
    assert_eq!(
        (m.week.from.as_str(), m.week.to.as_str()),
        ("2025-03-31", "2025-04-06")
    );
    assert_eq!((m.week.fees_pence, m.week.expenses_pence), (12_000, 450));
    assert_eq!(
        (m.weekly_limit_pence, m.over_weekly_limit),
        (Some(10_000), true)
    );
    assert_eq!(
        (m.month.from.as_str(), m.month.to.as_str()),
        ("2025-04-06", "2025-05-05")
    );
    assert_eq!(
        (m.month.fees_pence, m.month.expenses_pence),
        (12_000, 1_250)
    );
    assert_eq!(
        (m.tax_year.from.as_str(), m.tax_year.to.as_str()),
        ("2025-04-06", "2026-04-05")
    );
    assert_eq!(
        (m.tax_year.fees_pence, m.tax_year.expenses_pence),
        (12_000, 1_250)
    );
    let doc = document(&f.pool, ReportKind::Payments).await;
    let years = table(&doc, "Totals by tax year");
    assert_eq!(row(years, "2025–26")[1], "£120.00");
}

#[tokio::test]
async fn golden_markdown_csv_and_html() {
    let f = fixture().await;
    for (report, format, name) in [
        (ReportKind::Involvement, Format::Md, "involvement.md"),
        (ReportKind::Involvement, Format::Csv, "involvement.csv"),
        (ReportKind::Involvement, Format::Html, "involvement.html"),
        (ReportKind::Payments, Format::Md, "payments.md"),
        (ReportKind::Payments, Format::Csv, "payments.csv"),
        (ReportKind::Meeting, Format::Md, "meeting.md"),
        (ReportKind::Reflection, Format::Md, "reflection.md"),
    ] {
        golden(name, &bytes(&f.pool, &options(report, format)).await);
    }
}

#[tokio::test]
async fn csv_cells_cannot_run_as_formulas() {
    let f = fixture().await;
    let csv =
        String::from_utf8(bytes(&f.pool, &options(ReportKind::Involvement, Format::Csv)).await)
            .unwrap();
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://x\"\") the form is too long\""),
        "{csv}"
    );
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "unsafe cell {cell:?}"
            );
        }
    }
}

#[tokio::test]
async fn private_text_and_names_stay_out_of_every_format() {
    let f = fixture().await;
    // A payment statement is about one named person (its own test below).
    for report in ReportKind::ALL
        .into_iter()
        .filter(|r| *r != ReportKind::Statement)
    {
        for &format in report.formats() {
            let mut o = options(report, format);
            o.names = Names::Roles;
            let raw = bytes(&f.pool, &o).await;
            let text = readable_text(format, raw);
            assert!(
                !text.contains(PRIVATE_TEXT),
                "{report:?} {format:?} leaks private text"
            );

            for name in NAMES {
                assert!(
                    !text.contains(name),
                    "{report:?} {format:?} still names {name}"
                );
            }
            let mut all = o.clone();
            all.include_private = true;
            all.names = Names::Full;
            let text = readable_text(format, bytes(&f.pool, &all).await);
            assert!(
                !text.contains(PRIVATE_NOTE),
                "{report:?} {format:?} leaks a private meeting note"
            );
        }
    }
    // With names in full and private reflections asked for, both are there.
    let mut o = options(ReportKind::Reflection, Format::Md);
    o.include_private = true;
    let md = String::from_utf8(bytes(&f.pool, &o).await).unwrap();
    assert!(md.contains(PRIVATE_TEXT));
    let md =
        String::from_utf8(bytes(&f.pool, &options(ReportKind::Meeting, Format::Md)).await).unwrap();
    assert!(md.contains("Priya Shah (Researcher)"));
}

#[tokio::test]
async fn pdf_is_tagged_titled_and_has_the_figures() {
    let f = fixture().await;
    let pdf = bytes(&f.pool, &options(ReportKind::Involvement, Format::Pdf)).await;
    let text = pdf_text(&pdf);
    for expected in [
        "Involvement summary",
        "Hip fracture recovery",
        "Stroke pathway",
        "The consent form is now one page.",
        "10 h 45 min",
    ] {
        assert!(text.contains(expected), "PDF lacks {expected:?}:\n{text}");
    }
    assert!(!text.contains(PRIVATE_TEXT));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let info =
        String::from_utf8(Command::new("pdfinfo").arg(&path).output().unwrap().stdout).unwrap();
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains("Title:           Involvement summary"),
        "{info}"
    );
    let tree = String::from_utf8(
        Command::new("pdfinfo")
            .arg("-struct")
            .arg(&path)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    for tag in ["H1", "H2", "Table", "TH", "TD", "L"] {
        assert!(
            tree.lines().any(|l| l.trim_start().starts_with(tag)),
            "no {tag} tag:\n{tree}"
        );
    }
    let payments = pdf_text(&bytes(&f.pool, &options(ReportKind::Payments, Format::Pdf)).await);
    assert!(
        payments.contains("£132.50") && payments.contains("2025–26"),
        "{payments}"
    );
}

#[tokio::test]
async fn docx_has_real_headings_and_tables() {
    let f = fixture().await;
    let xml = docx_xml(&bytes(&f.pool, &options(ReportKind::Payments, Format::Docx)).await);
    assert!(xml.contains("w:val=\"Heading1\""), "no heading style");
    assert!(xml.contains("<w:tbl>"), "no table");
    assert!(xml.contains("£132.50"));
    assert!(xml.contains("Payments and expenses statement"));
}

/// Every table of every Word report survives a reader other than Word: pandoc (which drops a
/// table whose column grid is empty) finds every cell's text.
#[tokio::test]
async fn docx_tables_are_read_by_pandoc_cell_by_cell() {
    let f = fixture().await;
    let mut tables = 0;
    for report in ReportKind::ALL {
        if !report.formats().contains(&Format::Docx) || report == ReportKind::Statement {
            continue;
        }
        let doc = document(&f.pool, report).await;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.docx");
        std::fs::write(&path, bytes(&f.pool, &options(report, Format::Docx)).await).unwrap();
        let out = Command::new("pandoc")
            .args(["--from=docx", "--to=html", "--wrap=none"])
            .arg(&path)
            .output()
            .expect("pandoc is installed by make setup");
        assert!(out.status.success(), "pandoc failed on {report:?}");
        let html = String::from_utf8(out.stdout).unwrap();
        let read = html
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'");
        for block in &doc.blocks {
            let Block::Table(t) = block else { continue };
            tables += 1;
            let titles = t.columns.iter().map(|c| &c.title);
            let cells = t.rows.iter().chain(t.total.iter()).flatten();
            for text in titles.chain(cells).filter(|c| !c.is_empty()) {
                assert!(
                    read.contains(&format!(">{text}<")),
                    "{report:?}, table {:?}: pandoc lost the cell {text:?}",
                    t.caption
                );
            }
        }
    }
    assert!(
        tables >= 6,
        "the fixture's reports hold only {tables} tables"
    );
}

#[tokio::test]
async fn project_choice_and_refusals() {
    let f = fixture().await;
    let mut o = options(ReportKind::Involvement, Format::Md);
    let stroke =
        alongside_core::records::selection::project_ids_named(&f.pool, &["stroke PATHWAY".into()])
            .await
            .unwrap();
    o.selection.project_ids = stroke;
    let md = String::from_utf8(bytes(&f.pool, &o).await).unwrap();
    assert!(
        md.contains("Stroke pathway") && !md.contains("Hip fracture"),
        "{md}"
    );

    let unknown =
        alongside_core::records::selection::project_ids_named(&f.pool, &["Nope".into()]).await;
    assert!(unknown.is_err());
    let mut bad = options(ReportKind::Meeting, Format::Csv);
    assert!(
        prepare(&f.pool, &bad, today()).await.is_err(),
        "meeting record has no CSV"
    );
    bad = options(ReportKind::Payments, Format::Md);
    bad.leave_out_money = true;
    assert!(prepare(&f.pool, &bad, today()).await.is_err());
    bad = options(ReportKind::Involvement, Format::Md);
    bad.selection.from = Some("2025-02-30".into());
    assert!(prepare(&f.pool, &bad, today()).await.is_err());

    // Money left out of the involvement CSV: no fee columns at all.
    let mut o = options(ReportKind::Involvement, Format::Csv);
    o.leave_out_money = true;
    let csv = String::from_utf8(bytes(&f.pool, &o).await).unwrap();
    assert!(!csv.contains("Fee (£)") && !csv.contains("50.00"), "{csv}");
}

#[tokio::test]
async fn failed_or_cancelled_exports_leave_no_file() {
    let f = fixture().await;
    let dir = tempfile::tempdir().unwrap();
    let o = options(ReportKind::Involvement, Format::Pdf);
    let never = AtomicBool::new(false);
    let out = dir.path().join("summary.pdf");
    let stages = std::sync::Mutex::new(Vec::new());
    let written = export_to_file(&f.pool, &o, today(), &out, &never, |s| {
        stages.lock().unwrap().push(s)
    })
    .await
    .unwrap();
    assert_eq!(std::fs::metadata(&out).unwrap().len(), written.bytes);
    assert_eq!(stages.lock().unwrap().len(), 3);

    let missing = dir.path().join("no-such-folder/summary.pdf");
    let err = export_to_file(&f.pool, &o, today(), &missing, &never, |_| {})
        .await
        .unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");

    let cancelled = AtomicBool::new(true);
    let out2 = dir.path().join("cancelled.pdf");
    let err = export_to_file(&f.pool, &o, today(), &out2, &cancelled, |_| {})
        .await
        .unwrap_err();
    assert_eq!(err.code(), alongside_core::ErrorCode::Cancelled);
    assert!(!out2.exists());

    // A read-only folder: a clear error, and nothing half-written left behind.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o500)).unwrap();
        let target = locked.join("summary.pdf");
        let result = export_to_file(&f.pool, &o, today(), &target, &never, |_| {}).await;
        let is_root = std::fs::write(locked.join("probe"), b"x").is_ok();
        if !is_root {
            assert!(result.is_err());
            assert_eq!(std::fs::read_dir(&locked).unwrap().count(), 0);
        }
    }
}

/// Names become roles unless "show names" is asked for: in every format, whatever the case,
/// short names and people deleted in their undo window included, inside free text too; and a
/// shared file never says how many private items it left out.
#[tokio::test]
async fn names_are_hidden_by_default_in_every_format_whatever_their_case() {
    let f = fixture().await;
    let hip = store::list::<Project>(&f.pool, &Default::default())
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|p| p.data.title == "Hip fracture recovery")
        .unwrap();
    let jo = store::create(&f.pool, person("Jo Quill", PersonRole::Carer))
        .await
        .unwrap();
    store::delete(&f.pool, alongside_core::records::RecordKind::Person, jo.id)
        .await
        .unwrap();
    store::create(
        &f.pool,
        Reflection {
            date: "2025-04-07".into(),
            title: "Talking to PRIYA".into(),
            project_id: Some(hip.id),
            meeting_id: None,
            contribution_id: None,
            template: Template::Free,
            entries: BTreeMap::from([(
                "text".to_owned(),
                "priya shah and jo said quill's idea was good; tom agreed.".to_owned(),
            )]),
            mood: None,
            private: false,
            share_ready: true,
            tags: Vec::new(),
        },
    )
    .await
    .unwrap();
    // A payment statement is about one named person (its own test below).
    for report in ReportKind::ALL
        .into_iter()
        .filter(|r| *r != ReportKind::Statement)
    {
        for &format in report.formats() {
            let mut o = options(report, format);
            o.names = Names::default();
            let raw = bytes(&f.pool, &o).await;
            let text = readable_text(format, raw);
            let lower = text.to_lowercase();
            for name in ["priya", "shah", "tom", "neill", "quill", " jo "] {
                let found = lower.match_indices(name.trim()).any(|(at, m)| {
                    let before = lower[..at].chars().next_back();
                    let after = lower[at + m.len()..].chars().next();
                    before.is_none_or(|c| !c.is_alphanumeric())
                        && after.is_none_or(|c| !c.is_alphanumeric())
                });
                assert!(!found, "{report:?} {format:?} still names {name}");
            }
            assert!(
                !text.contains("left out ("),
                "{report:?} {format:?} counts what it left out"
            );
        }
    }
}

/// The lead's acceptance scenario: "Workshop 2 — joint event" on a project the user runs, eight
/// people in the register, consent for three of them, a voice from each, two "you said, we
/// did" items, an action owned by C and a private note. Exported as one session's record in
/// every format, then again after A withdraws.
#[tokio::test]
async fn a_session_record_follows_consent_in_every_format_and_after_a_withdrawal() {
    use alongside_core::records::{participants, Voice};

    let (_dir, _vault, pool) = alongside_test_support::vault().await;
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let run = store::create(
        &pool,
        Project {
            involvement: Involvement::Run,
            ..project("Leaving hospital well")
        },
    )
    .await
    .unwrap();
    let names = [
        ("Alex Morgan", PersonRole::PatientPartner),
        ("Bea Kowalski", PersonRole::PatientPartner),
        ("Carys Hughes", PersonRole::Carer),
        ("Dan Osei", PersonRole::PatientPartner),
        ("Esme Clarke", PersonRole::ExpertByExperience),
        ("Farid Rahman", PersonRole::Clinician),
        ("Gwen Parry", PersonRole::PatientPartner),
        ("Harriet Lowe", PersonRole::Researcher),
    ];
    let mut ids = Vec::new();
    for (name, role) in names {
        let p = store::create(&pool, person(name, role)).await.unwrap();
        ids.push(p.id);
    }
    let (a, b, c) = (ids[0], ids[1], ids[2]);
    let register = names
        .iter()
        .zip(&ids)
        .enumerate()
        .map(|(i, ((_, role), id))| Attendee {
            uid: None,
            person_id: *id,
            role: *role,
            status: match i {
                6 => AttendanceStatus::Apologies,
                7 => AttendanceStatus::DidNotAttend,
                _ => AttendanceStatus::Attended,
            },
        })
        .collect();
    let m = store::create(
        &pool,
        Meeting {
            project_id: run.id,
            kind: MeetingKind::CoDesignWorkshop,
            title: "Workshop 2 — joint event".into(),
            date: "2026-05-01".into(),
            attendees: register,
            stage: Some(CoDesignStage::JointEvent),
            record_notes: "We agreed three priorities.".into(),
            priorities: vec![
                alongside_core::records::Priority {
                    text: "Ring-back within a day".into(),
                    votes: 3,
                },
                alongside_core::records::Priority {
                    text: "Transport booked ahead".into(),
                    votes: 5,
                },
            ],
            private_notes: "LEADPRIVATE check transport for Bea".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let a_consent = store::create(&pool, alongside_test_support::consent(m.id, a, true, false))
        .await
        .unwrap();
    store::create(
        &pool,
        alongside_test_support::consent(m.id, b, false, false),
    )
    .await
    .unwrap();
    store::create(&pool, alongside_test_support::consent(m.id, c, true, true))
        .await
        .unwrap();
    // Each felt worried, B angry, at the same touchpoint (emotional mapping).
    let said = |person_id, text: &str, quotable| Voice {
        meeting_id: m.id,
        person_id: Some(person_id),
        text: text.into(),
        quotable,
        touchpoint: "First week at home".into(),
        emotion: Some(if person_id == b {
            Emotion::Angry
        } else {
            Emotion::Worried
        }),
        ..Default::default()
    };
    const A_WORDS: &str = "Nobody told me who to ring once I was home";
    const B_WORDS: &str = "The waiting room was freezing all winter";
    const C_WORDS: &str = "Carers need a seat at the ward round";
    let va = store::create(&pool, said(a, A_WORDS, true)).await.unwrap();
    let vb = store::create(&pool, said(b, B_WORDS, false)).await.unwrap();
    store::create(&pool, said(c, C_WORDS, true)).await.unwrap();
    store::create(
        &pool,
        FeedbackItem {
            meeting_id: m.id,
            you_said: "Nobody knew who to call after leaving.".into(),
            we_did: "The booklet now has a phone number on its front page.".into(),
            status: FeedbackStatus::Did,
            voice_ids: vec![va.id],
            ..Default::default()
        },
    )
    .await
    .unwrap();
    store::create(
        &pool,
        FeedbackItem {
            meeting_id: m.id,
            you_said: "The waiting area is cold.".into(),
            we_did: "Move the waiting area".into(),
            status: FeedbackStatus::Cannot,
            reason: "the heating is run by the landlord".into(),
            voice_ids: vec![vb.id],
            ..Default::default()
        },
    )
    .await
    .unwrap();
    store::create(
        &pool,
        Action {
            meeting_id: Some(m.id),
            title: "Bring the carers' charter".into(),
            owner_id: Some(c),
            due_date: Some("2026-06-15".into()),
            status: ActionStatus::Open,
            ..Default::default()
        },
    )
    .await
    .unwrap();

    let session = ExportOptions {
        report: ReportKind::Meeting,
        format: Format::Pdf,
        selection: Selection {
            meeting_uid: Some(m.uid.clone()),
            person_uid: None,
            ..Selection::default()
        },
        include_private: true,
        names: Names::Full,
        leave_out_money: false,
        language: Default::default(),
        bilingual: false,
    };
    let out = tempfile::tempdir().unwrap();
    let write = |format: Format, name: String| {
        let options = ExportOptions {
            format,
            ..session.clone()
        };
        let path = out.path().join(name);
        let pool = pool.clone();
        async move {
            export_to_file(
                &pool,
                &options,
                today,
                &path,
                &AtomicBool::new(false),
                |_| {},
            )
            .await
            .unwrap();
            readable_text(format, std::fs::read(&path).unwrap())
        }
    };
    let formats = [
        Format::Pdf,
        Format::Docx,
        Format::Md,
        Format::Html,
        Format::Json,
    ];
    for format in formats {
        let text = write(format, format!("before.{}", format.extension())).await;
        let f = format!("{format:?}");
        for expected in [
            "6 people took part",
            "Apologies",
            A_WORDS,
            "A patient partner said",
            C_WORDS,
            "Carys Hughes (Carer) said",
            "phone number on its front page",
            "the heating is run by the landlord",
            "Bring the carers",
            "We agreed three priorities.",
            "Transport booked ahead — 5 votes",
            "How people felt at each touchpoint",
            "Ring-back within a day — 3 votes",
        ] {
            assert!(text.contains(expected), "{f} lacks {expected:?}:\n{text}");
        }
        assert!(
            text.find("Transport booked") < text.find("Ring-back"),
            "{f}: most votes first"
        );
        if format == Format::Md {
            // Two were worried there; B's anger is not counted, as B's words may not appear.
            assert!(
                text.contains("| First week at home | 0 | 0 | 2 | 0 | 0 |"),
                "{text}"
            );
        }
        for absent in [B_WORDS, "LEADPRIVATE", "Did not attend"] {
            assert!(!text.contains(absent), "{f} has {absent:?}");
        }
        for (name, _) in &names[..] {
            if *name != "Carys Hughes" {
                let first = name.split(' ').next().unwrap();
                assert!(!text.contains(first), "{f} names {name}");
            }
        }
        // The action's owner is C, by name.
        let owner_row = text.contains("Carys Hughes (Carer)");
        assert!(owner_row, "{f}");
    }
    assert_eq!(participants::page(&pool, a).await.unwrap().exports.len(), 5);
    assert!(participants::page(&pool, b)
        .await
        .unwrap()
        .exports
        .is_empty());

    // A withdraws today: a new export has none of A's words, and A's page lists the earlier ones.
    let mut withdrawn = a_consent.data.clone();
    withdrawn.withdrawn_on = Some("2026-06-01".into());
    store::update(&pool, a_consent.id, withdrawn).await.unwrap();
    for format in formats {
        let text = write(format, format!("after.{}", format.extension())).await;
        assert!(!text.contains(A_WORDS), "{format:?} still quotes A");
        assert!(text.contains(C_WORDS));
        assert!(
            text.contains("phone number on its front page"),
            "the lead's own words stay"
        );
    }
    let page = participants::page(&pool, a).await.unwrap();
    assert_eq!(
        page.exports.len(),
        5,
        "only the exports before the withdrawal held A's words"
    );
    assert!(page
        .exports
        .iter()
        .all(|e| e.file_name.starts_with("before.")));
    assert_eq!(
        page.exports[0].sessions,
        vec!["Workshop 2 — joint event (2026-05-01)".to_owned()]
    );
}

/// Paying participants: the finance CSV names each payee (whatever the names choice) with
/// reference, kind, amount, cost code and date, one row per fee or expense; a person's statement
/// holds only their own lines, paid and owed, and names them.
#[tokio::test]
async fn finance_rows_and_a_participants_statement_name_the_payee_and_add_up() {
    use alongside_core::records::payments::{self, Payment};
    let (_dir, _vault, pool) = alongside_test_support::vault().await;
    let mut project = alongside_test_support::project("Discharge co-design");
    project.involvement = Involvement::Run;
    project.cost_code = "RH-PPI-1".into();
    project.rate_cards = vec![alongside_core::records::RateCard {
        from: "2026-01-01".into(),
        per_hour_pence: Some(2_000),
        per_half_day_pence: None,
        per_day_pence: None,
        covers: String::new(),
    }];
    let project = store::create(&pool, project).await.unwrap();
    let ann = store::create(&pool, alongside_test_support::person("Annie Quill"))
        .await
        .unwrap();
    let bo = store::create(&pool, alongside_test_support::person("Bo Tranter"))
        .await
        .unwrap();
    let mut m = alongside_test_support::meeting(project.id, "2026-05-01"); // 90 minutes
    m.attendees = vec![
        alongside_test_support::attendee(ann.id, PersonRole::PatientPartner),
        alongside_test_support::attendee(bo.id, PersonRole::Carer),
    ];
    let m = store::create(&pool, m).await.unwrap();
    let run = payments::run_for_session(&pool, m.id).await.unwrap();
    assert_eq!(run.fee_pence, Some(3_000));
    let ann_line = run
        .lines
        .iter()
        .find(|l| l.data.person_id == ann.id)
        .unwrap();
    store::update(
        &pool,
        ann_line.id,
        Payment {
            reference: "INV-41".into(),
            expenses: vec![alongside_test_support::expense(ExpenseKind::Fares, 640)],
            ..ann_line.data.clone()
        },
    )
    .await
    .unwrap();
    payments::mark_paid(&pool, &[ann_line.id], "2026-05-20")
        .await
        .unwrap();

    let with = |report: ReportKind, format: Format, person: Option<String>| ExportOptions {
        report,
        format,
        selection: Selection {
            person_uid: person,
            ..Selection::default()
        },
        include_private: false,
        names: Names::Roles,
        leave_out_money: false,
        language: Default::default(),
        bilingual: false,
    };
    let csv = String::from_utf8(bytes(&pool, &with(ReportKind::Finance, Format::Csv, None)).await)
        .unwrap();
    // A byte-order mark first, so spreadsheet programs read the £ right.
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "Payee,Reference,Kind,Amount (£),Cost code,Date,Session,Paid on"
    );
    assert!(
        lines.contains(
            &"Annie Quill,INV-41,Fee,30.00,RH-PPI-1,2026-05-20,Steering committee,2026-05-20"
        ),
        "{csv}"
    );
    assert!(lines.contains(&"Annie Quill,INV-41,Expenses: Fares,6.40,RH-PPI-1,2026-05-20,Steering committee,2026-05-20"), "{csv}");
    assert!(
        lines.contains(&"Bo Tranter,,Fee,30.00,RH-PPI-1,2026-05-01,Steering committee,"),
        "{csv}"
    );
    assert_eq!(lines.len(), 4);

    // Finance is CSV only; a statement needs its person; only a statement is about one person.
    for wrong in [
        with(ReportKind::Finance, Format::Pdf, None),
        with(ReportKind::Statement, Format::Pdf, None),
        with(ReportKind::Meeting, Format::Pdf, Some(ann.uid.clone())),
    ] {
        assert!(alongside_export::check(&wrong).is_err(), "{wrong:?}");
    }

    let pdf = pdf_text(
        &bytes(
            &pool,
            &with(ReportKind::Statement, Format::Pdf, Some(bo.uid.clone())),
        )
        .await,
    );
    let flat = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Payment statement"), "{flat}");
    assert!(flat.contains("Bo Tranter"), "{flat}");
    assert!(
        !flat.contains("Annie Quill"),
        "only their own lines: {flat}"
    );
    assert!(flat.contains("Not paid yet: £30.00"), "{flat}");
    assert!(flat.contains("Paid: £0.00"), "{flat}");
    let pdf = pdf_text(
        &bytes(
            &pool,
            &with(ReportKind::Statement, Format::Pdf, Some(ann.uid.clone())),
        )
        .await,
    );
    let flat = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Paid: £36.40"), "{flat}");
    assert!(flat.contains("INV-41"), "{flat}");
}

/// GRIPP2 and the UK Standards count the themes of what participants said, from the words
/// consent lets appear only.
#[tokio::test]
async fn lead_reports_count_themes_only_from_words_that_may_appear() {
    use alongside_core::records::Voice;
    let (_dir, _vault, pool) = alongside_test_support::vault().await;
    let mut project = alongside_test_support::project("Discharge co-design");
    project.involvement = Involvement::Run;
    let project = store::create(&pool, project).await.unwrap();
    let ann = store::create(&pool, alongside_test_support::person("Ann"))
        .await
        .unwrap();
    let bo = store::create(&pool, alongside_test_support::person("Bo"))
        .await
        .unwrap();
    let m = store::create(
        &pool,
        alongside_test_support::meeting(project.id, "2025-05-01"),
    )
    .await
    .unwrap();
    // Given before the reports' day (1 June 2025), so it stands when they are made.
    let consent = alongside_core::records::Consent {
        given_on: "2025-05-01".into(),
        ..alongside_test_support::consent(m.id, ann.id, true, false)
    };
    store::create(&pool, consent).await.unwrap();
    for (person, themes, quotable) in [
        (
            Some(ann.id),
            vec!["Transport".to_owned(), "discharge".to_owned()],
            true,
        ),
        (None, vec!["transport".to_owned()], true),
        (Some(bo.id), vec!["kept-back-theme".to_owned()], false),
    ] {
        store::create(
            &pool,
            Voice {
                meeting_id: m.id,
                person_id: person,
                text: "Words".into(),
                quotable,
                themes,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    }
    for report in [ReportKind::Gripp2, ReportKind::Standards] {
        let options = ExportOptions {
            report,
            format: Format::Md,
            selection: Selection::default(),
            include_private: false,
            names: Names::Roles,
            leave_out_money: false,
            language: Default::default(),
            bilingual: false,
        };
        let text = String::from_utf8(bytes(&pool, &options).await).unwrap();
        assert!(
            text.contains("What participants said, by theme: transport (2), discharge (1)"),
            "{report:?}: {text}"
        );
        assert!(!text.contains("kept-back-theme"), "{report:?}: {text}");
    }
}

#[tokio::test]
async fn the_involvement_summary_reads_in_welsh_in_every_format_and_bilingually() {
    let f = fixture().await;
    let welsh = |format: Format, bilingual: bool| ExportOptions {
        language: alongside_core::words::Language::Cy,
        bilingual,
        ..options(ReportKind::Involvement, format)
    };
    for format in [
        Format::Pdf,
        Format::Docx,
        Format::Md,
        Format::Html,
        Format::Json,
    ] {
        let text = readable_text(format, bytes(&f.pool, &welsh(format, false)).await);
        for expected in [
            "Crynodeb cyfranogiad",
            "Golwg gyflym",
            "Cofnod effaith: beth ddywedais i a beth newidiodd",
            "10 awr 45 mun",
            "Hip fracture recovery",
        ] {
            assert!(
                text.contains(expected),
                "{format:?} lacks {expected:?}:\n{text}"
            );
        }
        for english in ["At a glance", "Total time", "Prepared on"] {
            assert!(!text.contains(english), "{format:?} has {english:?}");
        }
        let both = readable_text(format, bytes(&f.pool, &welsh(format, true)).await);
        let (cy, en) = (both.find("Golwg gyflym"), both.find("At a glance"));
        assert!(
            cy.is_some() && en.is_some() && cy < en,
            "{format:?}: Welsh then English"
        );
    }
    let html = String::from_utf8(bytes(&f.pool, &welsh(Format::Html, true)).await).unwrap();
    assert!(
        html.starts_with("<!doctype html>\n<html lang=\"cy\">"),
        "{html}"
    );
    assert!(html.contains("<div lang=\"en-GB\">"), "{html}");
    let pdf = bytes(&f.pool, &welsh(Format::Pdf, false)).await;
    let raw = String::from_utf8_lossy(&pdf);
    assert!(raw.contains("/Lang(cy)"), "the PDF's language is not cy");
    assert!(
        !raw.contains("/Lang(en"),
        "an English part in a Welsh-only PDF"
    );

    // Reports not yet translated say so instead of mixing languages.
    let payments = ExportOptions {
        language: alongside_core::words::Language::Cy,
        ..options(ReportKind::Payments, Format::Pdf)
    };
    let refused = prepare(&f.pool, &payments, today()).await.unwrap_err();
    assert!(
        refused.to_string().contains("not written in Cymraeg yet"),
        "{refused}"
    );
    let english = readable_text(
        Format::Md,
        bytes(&f.pool, &options(ReportKind::Involvement, Format::Md)).await,
    );
    assert!(english.contains("At a glance") && !english.contains("Golwg gyflym"));
}
