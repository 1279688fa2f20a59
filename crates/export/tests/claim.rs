//! The claim pack on a real vault: the claimant's details in the organisation's own words, the
//! fees and expenses not yet claimed (mileage worked out), the totals, the receipts as pages
//! (`pdfimages` counts the pictures, `pdfinfo` the pages), the CSV, one organisation only, and
//! marking the lines claimed so the next claim is empty.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Cursor;
use std::process::Command;
use std::sync::atomic::AtomicBool;

use alongside_core::records::attachments;
use alongside_core::records::choices::*;
use alongside_core::records::claims::{self, ClaimDetails};
use alongside_core::records::selection::Selection;
use alongside_core::records::{store, Contribution, Expense, Project, RecordKind};
use alongside_export::{export_to_file, ExportOptions, Format, Names, ReportKind};
use chrono::NaiveDate;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()
}

fn project(title: &str, organisation: &str) -> Project {
    Project {
        title: title.into(),
        organisation: organisation.into(),
        approach: Approach::CoDesign,
        status: ProjectStatus::Active,
        ..Default::default()
    }
}

fn work(project_id: i64, date: &str, fee: i64, expenses: Vec<Expense>) -> Contribution {
    Contribution {
        project_id,
        date: date.into(),
        activity: Activity::Meeting,
        meeting_minutes: 120,
        fee_arrangement: FeeArrangement::Fee,
        fee_pence: fee,
        expenses,
        ..Default::default()
    }
}

fn expense(
    kind: ExpenseKind,
    pence: i64,
    tenths: Option<i64>,
    rate: Option<i64>,
    note: &str,
) -> Expense {
    Expense {
        kind,
        amount_pence: pence,
        tenth_miles: tenths,
        pence_per_mile: rate,
        note: note.into(),
        uid: String::new(),
    }
}

fn picture(format: image::ImageFormat) -> Vec<u8> {
    let img = image::RgbImage::from_fn(300, 160, |x, y| {
        image::Rgb([(x % 200) as u8, (y % 150) as u8, 120])
    });
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

fn options(projects: Vec<i64>, format: Format) -> ExportOptions {
    ExportOptions {
        report: ReportKind::Claim,
        format,
        selection: Selection {
            from: Some("2026-01-01".into()),
            to: Some("2026-03-31".into()),
            project_ids: projects,
            meeting_uid: None,
            person_uid: None,
        },
        include_private: false,
        names: Names::Roles,
        leave_out_money: false,
        language: Default::default(),
        bilingual: false,
    }
}

fn run(cmd: &str, args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(cmd).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{cmd}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test]
async fn a_claim_pack_holds_the_lines_the_totals_and_the_receipts_as_pages() {
    let (_dir, _vault, pool) = alongside_test_support::vault().await;
    let hip = store::create(
        &pool,
        project("Hip fracture recovery", "Leeds Teaching Hospitals"),
    )
    .await
    .unwrap();
    let other = store::create(&pool, project("Stroke pathway", "NIHR"))
        .await
        .unwrap();
    let claimed_already = Contribution {
        claim_submitted_on: Some("2026-02-20".into()),
        ..work(hip.id, "2026-02-10", 4000, Vec::new())
    };
    let first = store::create(
        &pool,
        work(
            hip.id,
            "2026-03-04",
            2500,
            vec![
                expense(
                    ExpenseKind::Mileage,
                    0,
                    Some(123),
                    Some(45),
                    "Home to the hospital",
                ),
                expense(ExpenseKind::Parking, 350, None, None, "Car park B"),
            ],
        ),
    )
    .await
    .unwrap();
    let second = store::create(
        &pool,
        work(
            hip.id,
            "2026-03-18",
            0,
            vec![expense(ExpenseKind::Fares, 1240, None, None, "Train")],
        ),
    )
    .await
    .unwrap();
    store::create(&pool, claimed_already).await.unwrap();
    store::create(&pool, work(hip.id, "2025-12-01", 9900, Vec::new()))
        .await
        .unwrap();
    store::create(&pool, work(other.id, "2026-03-05", 3000, Vec::new()))
        .await
        .unwrap();

    // Receipts: a photo (for the parking line) and a scan on the first, a two-page PDF and a
    // damaged one on the second, and a text file (not a page).
    let owner = RecordKind::Contribution;
    let parking_line = first.data.expenses[1].uid.clone();
    assert!(!parking_line.is_empty(), "the core gives each line an id");
    let photo = attachments::attach(
        &pool,
        owner,
        first.id,
        "Parking ticket.jpg",
        picture(image::ImageFormat::Jpeg),
    )
    .await
    .unwrap();
    attachments::for_expense(&pool, photo.id, Some(&parking_line))
        .await
        .unwrap();
    attachments::attach(
        &pool,
        owner,
        first.id,
        "Mileage log.png",
        picture(image::ImageFormat::Png),
    )
    .await
    .unwrap();
    let ticket_pdf = alongside_export::render::pdf::render(&alongside_export::Document {
        title: "Rail ticket".into(),
        subtitle: "Leeds to York".into(),
        prepared: String::new(),
        notes: Vec::new(),
        blocks: (0..60)
            .map(|n| alongside_export::Block::Paragraph {
                text: format!("Journey line {n} of the season ticket's terms and conditions."),
            })
            .collect(),
        ..Default::default()
    })
    .unwrap();
    attachments::attach(&pool, owner, second.id, "Rail ticket.pdf", ticket_pdf)
        .await
        .unwrap();
    attachments::attach(
        &pool,
        owner,
        second.id,
        "Bus ticket.pdf",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> broken".to_vec(),
    )
    .await
    .unwrap();
    attachments::attach(
        &pool,
        owner,
        second.id,
        "notes.txt",
        b"not a receipt".to_vec(),
    )
    .await
    .unwrap();

    claims::save_details(
        &pool,
        &ClaimDetails {
            organisation: "leeds teaching hospitals".into(),
            name: "Sam Patel".into(),
            address: "1 Park Row\nLeeds LS1 5AB".into(),
            payee_reference: "SUP-20417".into(),
            payee_reference_label: "Supplier number".into(),
            cost_code: "R&D 4471".into(),
            cost_code_label: "Budget code".into(),
        },
    )
    .await
    .unwrap();

    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("claim.pdf");
    let never = AtomicBool::new(false);
    export_to_file(
        &pool,
        &options(vec![hip.id], Format::Pdf),
        today(),
        &pdf,
        &never,
        |_| {},
    )
    .await
    .unwrap();
    let text = run(
        "pdftotext",
        &["-layout".as_ref(), pdf.as_os_str(), "-".as_ref()],
    );
    for expected in [
        "Claim pack",
        "Sam Patel",
        "1 Park Row, Leeds LS1 5AB",
        "Supplier number: SUP-20417",
        "Budget code: R&D 4471",
        "12.3 miles at 45p",
        "£5.54",
        "£3.50",
        "£12.40",
        "Total claimed: £46.44",
        "Fees: £25.00",
        "Expenses: £21.44",
        "Car park B; receipt 1",
        "Receipt 1: Parking ticket.jpg, for parking (£3.50) on 4 Mar 2026",
        "Receipt 2: Mileage log.png, for the work on 4 Mar 2026",
        "Receipt 3: Rail ticket.pdf",
        "Receipt 3: Rail ticket.pdf, page 2 of 2",
        "Receipt 4: Bus ticket.pdf",
        "This PDF could not be read",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    // Not the line claimed already, nor the one before the period, nor the other organisation's.
    for absent in ["£40.00", "£99.00", "£30.00", "notes.txt"] {
        assert!(
            !text.contains(absent),
            "{absent:?} should not be in the claim"
        );
    }
    // Both pictures are in the PDF as images; each page of the PDF receipt is a page of its own,
    // and the damaged one a page saying so.
    let images = run("pdfimages", &["-list".as_ref(), pdf.as_os_str()]);
    let listed: Vec<&str> = images.lines().skip(2).collect();
    assert_eq!(listed.len(), 2, "{images}");
    let info = run("pdfinfo", &[pdf.as_os_str()]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let report_pages = {
        let bare = out.path().join("bare.pdf");
        let (_d2, _v2, empty) = alongside_test_support::vault().await;
        let p = store::create(
            &empty,
            project("Hip fracture recovery", "Leeds Teaching Hospitals"),
        )
        .await
        .unwrap();
        export_to_file(
            &empty,
            &options(vec![p.id], Format::Pdf),
            today(),
            &bare,
            &never,
            |_| {},
        )
        .await
        .unwrap();
        let info = run("pdfinfo", &[bare.as_os_str()]);
        info.lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .unwrap()
            .trim()
            .parse::<usize>()
            .unwrap()
    };
    assert_eq!(pages, report_pages + 5, "{info}");

    // The CSV: one row per line, amounts in pounds.
    let csv = out.path().join("claim.csv");
    export_to_file(
        &pool,
        &options(vec![hip.id], Format::Csv),
        today(),
        &csv,
        &never,
        |_| {},
    )
    .await
    .unwrap();
    let rows = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(rows.lines().count(), 5, "{rows}");
    assert!(rows.contains("2026-03-04,Hip fracture recovery,Mileage,12.3 miles at 45p a mile; Home to the hospital,,5.54"), "{rows}");

    // One organisation per claim.
    let err = export_to_file(
        &pool,
        &options(vec![hip.id, other.id], Format::Pdf),
        today(),
        &out.path().join("x.pdf"),
        &never,
        |_| {},
    )
    .await
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("A claim is for one organisation"),
        "{err}"
    );
    assert!(!out.path().join("x.pdf").exists());

    // Marked as sent: the next claim for the period has nothing in it.
    let scope = alongside_export::claim_scope(&pool, &options(vec![hip.id], Format::Pdf), today())
        .await
        .unwrap();
    assert_eq!(scope.organisation, "Leeds Teaching Hospitals");
    let covered = scope.contributions;
    assert_eq!(covered, vec![first.id, second.id]);
    assert_eq!(
        claims::mark_submitted(&pool, &covered, "2026-03-31")
            .await
            .unwrap(),
        2
    );
    let again = out.path().join("again.pdf");
    export_to_file(
        &pool,
        &options(vec![hip.id], Format::Pdf),
        today(),
        &again,
        &never,
        |_| {},
    )
    .await
    .unwrap();
    let text = run("pdftotext", &[again.as_os_str(), "-".as_ref()]);
    assert!(text.contains("Nothing is waiting to be claimed"), "{text}");
    assert!(text.contains("No receipts are attached"), "{text}");
}
