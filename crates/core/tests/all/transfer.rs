//! Import and export on the real vault: the JSON export round trip, hostile and damaged files,
//! CSV import from spreadsheets, and the demo generator.

use alongside_core::records::choices::*;
use alongside_core::records::demo;
use alongside_core::records::list::ListQuery;
use alongside_core::records::store;
use alongside_core::records::transfer::csv_import::{self, ColumnMap, CsvField};
use alongside_core::records::transfer::json::{self, Everything};
use alongside_core::records::{Contribution, Reflection};
use alongside_core::SqlitePool;
use alongside_test_support::*;
use chrono::NaiveDate;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

async fn demo_vault(
    n: u32,
    seed: u64,
) -> (tempfile::TempDir, alongside_core::vault::Vault, SqlitePool) {
    let (dir, vault, pool) = vault().await;
    demo::generate(&pool, n, seed, today(), &|_, _| {})
        .await
        .unwrap();
    (dir, vault, pool)
}

fn without_stamp(mut e: Everything) -> Everything {
    e.exported_at = String::new();
    e
}

async fn live(pool: &SqlitePool) -> alongside_core::records::transfer::Counts {
    store::live_counts(pool).await.unwrap()
}

#[tokio::test]
async fn demo_is_deterministic_realistic_and_round_trips_through_json_exactly() {
    let (_d1, _v1, a) = demo_vault(3_000, 42).await;
    let (_d2, _v2, b) = demo_vault(3_000, 42).await;
    let (_d3, _v3, c) = demo_vault(3_000, 43).await;
    let ea = without_stamp(json::export_all(&a, true).await.unwrap());
    let eb = without_stamp(json::export_all(&b, true).await.unwrap());
    let ec = without_stamp(json::export_all(&c, true).await.unwrap());
    assert!(ea == eb, "same seed, same day: same records");
    assert!(ea != ec, "another seed gives other records");

    // Realistic spread.
    assert_eq!(ea.contributions.len(), 3_000);
    let approaches: std::collections::HashSet<_> =
        ea.projects.iter().map(|p| p.data.approach).collect();
    assert_eq!(
        approaches.len(),
        Approach::ALL.len(),
        "every point of the spectrum"
    );
    let templates: std::collections::HashSet<_> =
        ea.reflections.iter().map(|r| r.data.template).collect();
    assert_eq!(templates.len(), Template::ALL.len());
    let private = ea.reflections.iter().filter(|r| r.data.private).count() as f64
        / ea.reflections.len() as f64;
    assert!(
        (0.28..=0.38).contains(&private),
        "about a third private: {private}"
    );
    let arrangements: std::collections::HashSet<_> = ea
        .contributions
        .iter()
        .map(|c| c.data.fee_arrangement)
        .collect();
    assert_eq!(arrangements.len(), FeeArrangement::ALL.len());
    let statuses: std::collections::HashSet<_> = ea
        .contributions
        .iter()
        .map(|c| c.data.claim_status())
        .collect();
    assert_eq!(
        statuses.len(),
        ClaimStatus::ALL.len(),
        "paid, claimed, to claim and nothing to claim"
    );
    assert!(ea.contributions.iter().any(|c| c
        .data
        .expenses
        .iter()
        .any(|e| e.kind == ExpenseKind::Mileage)));
    assert!(ea
        .contributions
        .iter()
        .any(|c| c.data.prep_minutes > 0 && c.data.travel_minutes > 0));
    assert!(ea
        .meetings
        .iter()
        .any(|m| m.data.kind == MeetingKind::SteeringCommittee));
    let stages: std::collections::HashSet<_> =
        ea.meetings.iter().filter_map(|m| m.data.stage).collect();
    assert_eq!(
        stages.len(),
        CoDesignStage::ALL.len(),
        "co-design sessions through every stage"
    );
    let d = alongside_core::records::dashboard::dashboard(&a, today())
        .await
        .unwrap();
    assert!(d.overdue_count > 0, "some actions overdue");
    assert!(!d.upcoming_meetings.is_empty());

    // Export → import into an empty vault → export: identical.
    let bytes = serde_json::to_vec(&ea).unwrap();
    let (_d4, _v4, empty) = vault().await;
    let report = json::import(&empty, &bytes, false).await.unwrap();
    assert!(
        report.written && report.problems.is_empty(),
        "{:?}",
        report.problems
    );
    let again = without_stamp(json::export_all(&empty, true).await.unwrap());
    assert!(again == ea, "round trip changed something");
    // And search works on the imported records.
    let hits = alongside_core::records::search::search(
        &empty,
        "consent",
        5,
        alongside_core::records::search::Privacy::IncludePrivate,
    )
    .await
    .unwrap();
    assert!(!hits.is_empty());
}

#[tokio::test]
async fn a_second_demo_run_adds_records_with_ids_of_their_own() {
    let (_dir, _vault, pool) = demo_vault(300, 42).await;
    let first = live(&pool).await;
    demo::generate(&pool, 300, 42, today(), &|_, _| {})
        .await
        .unwrap();
    let both = live(&pool).await;
    assert_eq!(both.people, first.people * 2);
    assert_eq!(both.contributions, first.contributions * 2);
    assert_eq!(both.meetings, first.meetings * 2);
}

#[tokio::test]
async fn private_reflections_stay_out_of_exports_unless_asked() {
    let (_dir, _vault, pool) = vault().await;
    store::create(&pool, reflection("2025-01-01", true, "secret feelings"))
        .await
        .unwrap();
    store::create(&pool, reflection("2025-01-02", false, "shared thoughts"))
        .await
        .unwrap();
    let out = json::export_all(&pool, false).await.unwrap();
    assert_eq!(out.reflections.len(), 1);
    assert!(!serde_json::to_string(&out)
        .unwrap()
        .contains("secret feelings"));
    assert_eq!(
        json::export_all(&pool, true)
            .await
            .unwrap()
            .reflections
            .len(),
        2
    );
}

#[tokio::test]
async fn damaged_or_hostile_json_is_refused_with_nothing_written() {
    let (_d, _v, source) = demo_vault(300, 1).await;
    let good = serde_json::to_vec(&json::export_all(&source, true).await.unwrap()).unwrap();
    let mut dangling: serde_json::Value = serde_json::from_slice(&good).unwrap();
    dangling["contributions"][5]["data"]["project_id"] = serde_json::json!(999_999);
    let mut bad_date: serde_json::Value = serde_json::from_slice(&good).unwrap();
    bad_date["meetings"][0]["data"]["date"] = serde_json::json!("2025-02-30");
    let mut unknown_kind: serde_json::Value = serde_json::from_slice(&good).unwrap();
    unknown_kind["meetings"][0]["data"]["kind"] = serde_json::json!("seance");
    let mut duplicate: serde_json::Value = serde_json::from_slice(&good).unwrap();
    duplicate["people"][1]["id"] = duplicate["people"][0]["id"].clone();
    let mut foreign: serde_json::Value = serde_json::from_slice(&good).unwrap();
    foreign["format"] = serde_json::json!("something-else");
    let mut random = vec![0u8; 4096];
    let mut state = 0x2545_f491_u32;
    for b in random.iter_mut() {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        *b = state as u8;
    }
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated", good[..good.len() / 2].to_vec(), "file"),
        ("random bytes", random, "file"),
        ("empty", Vec::new(), "file"),
        ("deeply nested", deep.into_bytes(), "file"),
        (
            "dangling link",
            serde_json::to_vec(&dangling).unwrap(),
            "contributions[5].project_id",
        ),
        (
            "impossible date",
            serde_json::to_vec(&bad_date).unwrap(),
            "meetings[0].date",
        ),
        (
            "unknown kind",
            serde_json::to_vec(&unknown_kind).unwrap(),
            "file",
        ),
        (
            "duplicate id",
            serde_json::to_vec(&duplicate).unwrap(),
            "people[1].id",
        ),
        (
            "another format",
            serde_json::to_vec(&foreign).unwrap(),
            "format",
        ),
    ];
    let (_d2, _v2, target) = vault().await;
    for (name, bytes, place) in cases {
        for dry_run in [true, false] {
            let report = json::import(&target, &bytes, dry_run).await.unwrap();
            assert!(!report.written, "{name}");
            assert!(
                report.problems.iter().any(|p| p.place == place),
                "{name}: {:?}",
                report.problems
            );
            let c = live(&target).await;
            assert_eq!(
                (c.people, c.projects, c.contributions),
                (0, 0, 0),
                "{name} wrote something"
            );
        }
    }
    // A good file imports; a second import is refused because the vault is no longer empty.
    assert!(json::import(&target, &good, false).await.unwrap().written);
    let before = live(&target).await;
    let again = json::import(&target, &good, false).await.unwrap();
    assert!(!again.written && again.problems.iter().any(|p| p.place == "vault"));
    assert_eq!(live(&target).await, before);
}

fn csv_rows(n: usize) -> String {
    let mut s = String::from("Date,Project,Activity,Prep minutes,Meeting minutes,Travel minutes,What I contributed,Fee,Claim submitted,Paid on,Miles,Expense amount\r\n");
    for i in 0..n {
        let day = i % 28 + 1;
        s.push_str(&format!(
            "{day:02}/03/2025,Project {},Meeting,15,{},30,\"Said \"\"more plain English\"\", please, row {i}\",£25.00,{day:02}/04/2025,,{},\r\n",
            i % 3,
            60 + i % 4,
            if i % 2 == 0 { "12.5" } else { "" },
        ));
    }
    s
}

#[tokio::test]
async fn csv_import_reads_real_spreadsheets_and_writes_all_or_nothing() {
    let (_dir, _vault, pool) = vault().await;
    store::create(&pool, project("Project 1")).await.unwrap();
    let prefs = alongside_core::records::preferences::Preferences {
        mileage_rates: vec![alongside_core::records::preferences::MileageRate {
            vehicle: Vehicle::Car,
            from: "2020-01-01".into(),
            pence_per_mile: 45,
        }],
        ..Default::default()
    };
    alongside_core::records::preferences::save(&pool, &prefs)
        .await
        .unwrap();

    // BOM, Windows line endings, quotes and commas inside text, pounds with £, UK dates.
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(csv_rows(10_000).as_bytes());
    let dry = csv_import::import(&pool, &bytes, &[], true).await.unwrap();
    assert!(
        dry.problems.is_empty(),
        "{:?}",
        &dry.problems[..dry.problems.len().min(3)]
    );
    assert_eq!(dry.counts.contributions, 10_000);
    assert_eq!(dry.counts.expenses, 5_000);
    assert_eq!(
        dry.new_projects,
        ["Project 0", "Project 2"],
        "Project 1 exists already"
    );
    assert_eq!(
        live(&pool).await.contributions,
        0,
        "a dry run writes nothing"
    );

    let started = std::time::Instant::now();
    let done = csv_import::import(&pool, &bytes, &[], false).await.unwrap();
    assert!(done.written);
    eprintln!(
        "10,000 CSV rows imported in {:?} (debug build)",
        started.elapsed()
    );
    let c = live(&pool).await;
    assert_eq!(
        (c.contributions, c.projects, c.expenses),
        (10_000, 3, 5_000)
    );
    let first = store::list::<Contribution>(
        &pool,
        &ListQuery {
            descending: Some(false),
            limit: Some(1),
            ..Default::default()
        }
        .into(),
    )
    .await
    .unwrap()
    .items
    .remove(0);
    assert_eq!(first.data.date, "2025-03-01");
    assert_eq!(
        first.data.summary,
        "Said \"more plain English\", please, row 0"
    );
    assert_eq!(
        (
            first.data.prep_minutes,
            first.data.meeting_minutes,
            first.data.travel_minutes
        ),
        (15, 60, 30)
    );
    assert_eq!(first.data.fee_pence, 2_500);
    assert_eq!(first.data.claim_submitted_on.as_deref(), Some("2025-04-01"));
    assert_eq!(
        first.data.expenses[0].amount_pence, 563,
        "12.5 miles at 45p = 562.5p, rounded up"
    );
}

#[tokio::test]
async fn csv_problems_are_listed_with_lines_and_nothing_is_written() {
    let (_dir, _vault, pool) = vault().await;
    let text = "Date,Project,Meeting minutes,Fee,Miles\n\
                2025-01-10,Alpha,60,10,\n\
                2025-02-30,Alpha,60,10,\n\
                2025-01-11,Alpha,-5,10,\n\
                2025-01-12,Alpha,60,-3,\n\
                2025-01-13,,60,10,\n\
                2025-01-14,Alpha,60\n\
                2025-01-15,Alpha,60,10,40\n\
                2025-01-16,Alpha,60,10,\n";
    let report = csv_import::import(&pool, text.as_bytes(), &[], false)
        .await
        .unwrap();
    assert!(!report.written);
    let found: Vec<(u64, &str)> = report
        .problems
        .iter()
        .map(|p| (p.line.unwrap_or(0), p.place.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (3, "Date"),
            (4, "Meeting minutes"),
            (5, "Fee"),
            (6, "Project"),
            (7, "row"),
            (8, "Miles")
        ],
        "{:?}",
        report.problems
    );
    assert_eq!(live(&pool).await.contributions, 0);
    assert_eq!(live(&pool).await.projects, 0, "not even the new project");

    // Missing required columns, a truncated file, random bytes and an empty file.
    let no_project = csv_import::import(&pool, b"Date,Minutes\n2025-01-01,60\n", &[], false)
        .await
        .unwrap();
    assert!(no_project.problems.iter().any(|p| p.place == "headers"));
    let truncated = csv_import::import(
        &pool,
        b"Date,Project,Minutes\n2025-01-01,\"Alpha",
        &[],
        false,
    )
    .await
    .unwrap();
    assert!(!truncated.written && !truncated.problems.is_empty());
    let random: Vec<u8> = (0..2048u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let garbage = csv_import::import(&pool, &random, &[], false)
        .await
        .unwrap();
    assert!(!garbage.written && !garbage.problems.is_empty());
    let empty = csv_import::import(&pool, b"", &[], false).await.unwrap();
    assert!(!empty.written && !empty.problems.is_empty());
    assert_eq!(live(&pool).await.contributions, 0);

    // A mapping names columns the guesser does not know.
    let odd = "When it was,Which study,Time spent (hrs)\n2025-01-01,Alpha,1.5\n";
    let guessed = csv_import::guess_columns(odd.as_bytes()).unwrap();
    assert!(guessed.iter().all(|c| c.field.is_none()));
    let mapping = [
        ColumnMap {
            column: "When it was".into(),
            field: Some(CsvField::Date),
        },
        ColumnMap {
            column: "Which study".into(),
            field: Some(CsvField::Project),
        },
        ColumnMap {
            column: "Time spent (hrs)".into(),
            field: Some(CsvField::MeetingHours),
        },
    ];
    let mapped = csv_import::import(&pool, odd.as_bytes(), &mapping, false)
        .await
        .unwrap();
    assert!(mapped.written, "{:?}", mapped.problems);
    let only = store::list::<Contribution>(&pool, &Default::default())
        .await
        .unwrap()
        .items;
    assert_eq!(only[0].data.meeting_minutes, 90);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Any valid set of contributions and reflections survives export → import → export.
    #[test]
    fn export_import_round_trip(
        minutes in prop::collection::vec((0i64..=600, 0i64..=300, 0i64..=240, 0i64..=100_000, 0u32..700), 1..25),
        texts in prop::collection::vec("[ -~éü£—\n]{0,60}", 1..6),
        private in any::<bool>(),
    ) {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async {
            let (_d, _v, pool) = vault().await;
            let p = store::create(&pool, project("Round trip")).await.unwrap();
            for (i, (meet, prep, travel, fee, day)) in minutes.iter().enumerate() {
                let date = (NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(i64::from(*day))).format("%Y-%m-%d").to_string();
                let mut c = contribution(p.id, &date, *meet);
                c.prep_minutes = *prep;
                c.travel_minutes = *travel;
                c.fee_pence = *fee;
                c.fee_arrangement = FeeArrangement::ALL[i % FeeArrangement::ALL.len()];
                c.summary = texts[i % texts.len()].clone();
                store::create(&pool, c).await.unwrap();
            }
            let r = Reflection { private, ..reflection("2024-06-01", private, &texts[0]) };
            store::create(&pool, r).await.unwrap();
            let first = without_stamp(json::export_all(&pool, true).await.unwrap());
            let (_d2, _v2, other) = vault().await;
            let report = json::import(&other, &serde_json::to_vec(&first).unwrap(), false).await.unwrap();
            assert!(report.written, "{:?}", report.problems);
            let second = without_stamp(json::export_all(&other, true).await.unwrap());
            assert!(first == second);
            let total: i64 = second.contributions.iter().map(|c| c.data.total_minutes()).sum();
            let expected: i64 = minutes.iter().map(|(m, p, t, _, _)| m + p + t).sum();
            assert_eq!(total, expected);
        });
    }
}

/// A file written before the lead side (format version 1: no global ids, meeting `notes`, one
/// free-text "you said, we did", the old co-design stages) imports as the upgrade of a vault
/// would have left it.
#[tokio::test]
async fn a_version_1_export_still_imports() {
    use alongside_core::records::{FeedbackItem, Meeting, Person, Stored};
    let (_d1, _v1, source) = vault().await;
    let p = store::create(&source, project("Kingfisher")).await.unwrap();
    let who = store::create(&source, person("Ann")).await.unwrap();
    let mut m = meeting(p.id, "2025-03-01");
    m.attendees = vec![attendee(who.id, PersonRole::Chair)];
    store::create(&source, m).await.unwrap();
    let now = json::export_all(&source, true).await.unwrap();
    let mut v: serde_json::Value = serde_json::to_value(&now).unwrap();
    v["version"] = 1.into();
    for array in ["attendance", "consents", "voices", "you_said_we_did"] {
        v.as_object_mut().unwrap().remove(array);
    }
    for kind in [
        "people",
        "projects",
        "meetings",
        "actions",
        "contributions",
        "reflections",
    ] {
        for r in v[kind].as_array_mut().unwrap() {
            r.as_object_mut().unwrap().remove("uid");
        }
    }
    for field in [
        "preferred_name",
        "pronouns",
        "contact",
        "access_needs",
        "access_other",
        "payment_preference",
        "keep_until",
    ] {
        v["people"][0]["data"]
            .as_object_mut()
            .unwrap()
            .remove(field);
    }
    for field in ["involvement", "feedback_days"] {
        v["projects"][0]["data"]
            .as_object_mut()
            .unwrap()
            .remove(field);
    }
    let data = v["meetings"][0]["data"].as_object_mut().unwrap();
    for field in ["private_notes", "record_notes", "my_attendance"] {
        data.remove(field);
    }
    data.insert("notes".into(), "my old worry".into());
    data.insert("you_said_we_did".into(), "You said X; we did Y.".into());
    data.insert("stage".into(), "gather_experiences".into());
    data["attendees"] = serde_json::json!([{"person_id": who.id, "role": "chair"}]);

    let (_d2, _v2, target) = vault().await;
    let bytes = serde_json::to_vec(&v).unwrap();
    let report = json::import(&target, &bytes, false).await.unwrap();
    assert!(report.is_clean() && report.written, "{report:?}");
    let m: Stored<Meeting> = store::get(&target, 1).await.unwrap();
    assert_eq!(m.data.private_notes, "my old worry");
    assert_eq!(m.data.stage, Some(CoDesignStage::PatientExperiences));
    assert_eq!(m.data.attendees[0].status, AttendanceStatus::Attended);
    assert_eq!(uuid::Uuid::parse_str(&m.uid).unwrap().get_version_num(), 7);
    let ann: Stored<Person> = store::get(&target, who.id).await.unwrap();
    assert!(!ann.uid.is_empty());
    let items: Vec<Stored<FeedbackItem>> = {
        let mut conn = target.acquire().await.unwrap();
        store::all(&mut conn).await.unwrap()
    };
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].data.we_did, "You said X; we did Y.");
    assert_eq!(items[0].data.meeting_id, m.id);
}

/// One sheet row: the date as text (when no date cell), the date cell, hours, summary, fee.
type SheetRow<'a> = (&'a str, Option<(u16, u8, u8)>, f64, &'a str, f64);

/// An Excel workbook as people keep their logs: real date cells, numbers as numbers, a column
/// whose header needs matching by hand, and a second sheet that is ignored.
fn workbook(rows: &[SheetRow]) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let day = Format::new().set_num_format("dd/mm/yyyy");
    let sheet = book.add_worksheet();
    for (col, title) in [
        "Date",
        "Project",
        "Hours spent",
        "What I contributed",
        "Fee",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, col as u16, *title).unwrap();
    }
    for (i, (text_date, date, hours, summary, fee)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        match date {
            Some((y, m, d)) => {
                let when = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                sheet.write_datetime_with_format(r, 0, &when, &day).unwrap();
            }
            None => {
                sheet.write_string(r, 0, *text_date).unwrap();
            }
        }
        sheet.write_string(r, 1, "Excel project").unwrap();
        sheet.write_number(r, 2, *hours).unwrap();
        sheet.write_string(r, 3, *summary).unwrap();
        sheet.write_number(r, 4, *fee).unwrap();
    }
    book.add_worksheet()
        .write_string(0, 0, "Notes, not records")
        .unwrap();
    book.save_to_buffer().unwrap()
}

#[tokio::test]
async fn excel_workbooks_import_like_their_csv_with_problems_by_row() {
    use alongside_core::records::transfer::{self, ImportFormat};
    let (_dir, _vault, pool) = vault().await;
    let hours = ColumnMap {
        column: "Hours spent".into(),
        field: Some(CsvField::MeetingHours),
    };
    let broken = workbook(&[
        ("", Some((2026, 1, 21)), 1.5, "Read the protocol", 37.5),
        ("31/02/2026", None, 2.0, "A day that does not exist", 10.0),
    ]);
    let columns = transfer::columns(ImportFormat::Xlsx, &broken).unwrap();
    let guessed: Vec<_> = columns
        .iter()
        .map(|c| (c.column.as_str(), c.field))
        .collect();
    assert_eq!(
        guessed,
        [
            ("Date", Some(CsvField::Date)),
            ("Project", Some(CsvField::Project)),
            ("Hours spent", None),
            ("What I contributed", Some(CsvField::Summary)),
            ("Fee", Some(CsvField::Fee)),
        ]
    );
    let dry = transfer::import(
        &pool,
        ImportFormat::Xlsx,
        &broken,
        std::slice::from_ref(&hours),
        true,
    )
    .await
    .unwrap();
    assert_eq!(dry.problems.len(), 1, "{:?}", dry.problems);
    assert_eq!(dry.problems[0].line, Some(3), "the sheet's third row");
    assert_eq!(dry.problems[0].place, "Date");
    let tried = transfer::import(
        &pool,
        ImportFormat::Xlsx,
        &broken,
        std::slice::from_ref(&hours),
        false,
    )
    .await
    .unwrap();
    assert!(!tried.written);
    assert_eq!(live(&pool).await.contributions, 0, "all or nothing");

    let good = workbook(&[
        ("", Some((2026, 1, 21)), 1.5, "Read the protocol", 37.5),
        ("", Some((2026, 3, 29)), 0.25, "Clocks went forward", 0.0),
    ]);
    let done = transfer::import(&pool, ImportFormat::Xlsx, &good, &[hours], false)
        .await
        .unwrap();
    assert!(done.written, "{:?}", done.problems);
    let mut rows = store::list::<Contribution>(
        &pool,
        &ListQuery {
            descending: Some(false),
            ..Default::default()
        }
        .into(),
    )
    .await
    .unwrap()
    .items;
    assert_eq!(rows.len(), 2);
    let first = rows.remove(0).data;
    assert_eq!(first.date, "2026-01-21");
    assert_eq!(first.meeting_minutes, 90);
    assert_eq!(first.fee_pence, 3_750);
    assert_eq!(first.summary, "Read the protocol");
    assert_eq!(rows[0].data.date, "2026-03-29");
    assert_eq!(rows[0].data.meeting_minutes, 15);

    // A file that is not a workbook is refused in one sentence, with nothing written.
    let err = transfer::import(
        &pool,
        ImportFormat::Xlsx,
        b"PK\x03\x04 not really",
        &[],
        false,
    )
    .await
    .unwrap_err();
    assert!(err
        .to_string()
        .contains("could not be read as an Excel workbook"));
    assert_eq!(live(&pool).await.contributions, 2);
}
