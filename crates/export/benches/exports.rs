//! Export benchmarks (docs/performance.md) on the reference data set, a demo vault of 100,000
//! contributions: one year's involvement summary as PDF (≤ 500 ms) and ten years' (≤ 5 s),
//! each from reading the vault to the finished PDF bytes, and the process's peak memory after
//! the ten-year export. Merges into `target/bench/report.json`; exits non-zero on a miss.
//! `ALONGSIDE_BENCH_CONTRIBUTIONS` shrinks the data set for a quick look.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark may panic

#[path = "../../core/benches/support/mod.rs"]
mod support;

use std::time::Instant;

use alongside_core::records::demo;
use alongside_core::records::selection::Selection;
use alongside_export::{prepare, render, ExportOptions, Format, Names, ReportKind};
use chrono::{Days, NaiveDate};
use support::{median, ms, Figure};

/// Resident-set figures of this process from /proc (Linux), in MiB: (now, peak).
fn memory_mib() -> Option<(f64, f64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map(|kb| kb / 1024.0)
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

fn options(from: NaiveDate, to: NaiveDate) -> ExportOptions {
    ExportOptions {
        report: ReportKind::Involvement,
        format: Format::Pdf,
        selection: Selection {
            from: Some(from.to_string()),
            to: Some(to.to_string()),
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

/// One export: (whole time, of which reading the vault and building the report, PDF size).
async fn pdf_ms(
    pool: &alongside_core::SqlitePool,
    o: &ExportOptions,
    today: NaiveDate,
) -> (f64, f64, usize) {
    let start = Instant::now();
    let prepared = prepare(pool, o, today).await.unwrap();
    let prepared_ms = ms(start.elapsed());
    let bytes = render(&prepared, Format::Pdf).unwrap();
    (ms(start.elapsed()), prepared_ms, bytes.len())
}

#[tokio::main]
async fn main() {
    let n: u32 = std::env::var("ALONGSIDE_BENCH_CONTRIBUTIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let today = alongside_core::clock::local_today();
    let (_dir, _vault, pool) = support::new_vault().await;
    demo::generate(&pool, n, 1, today, &|_, _| {})
        .await
        .unwrap();

    let year_ago = today.checked_sub_days(Days::new(365)).unwrap();
    let ten_years_ago = today.checked_sub_days(Days::new(3_653)).unwrap();
    let one_year = options(year_ago, today);
    let ten_years = options(ten_years_ago, today);

    // The first run loads the fonts and warms the caches; it is reported apart.
    let (first_ms, _, _) = pdf_ms(&pool, &one_year, today).await;
    let mut runs = Vec::new();
    let mut reading = Vec::new();
    let mut size = 0;
    for _ in 0..5 {
        let (t, r, s) = pdf_ms(&pool, &one_year, today).await;
        runs.push(t);
        reading.push(r);
        size = s;
    }
    let year_ms = median(runs);
    let year_reading_ms = median(reading);
    // Reset the peak (VmHWM) so it measures the ten-year exports, not the demo generation.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let before = memory_mib();
    let mut runs = Vec::new();
    let mut size10 = 0;
    for _ in 0..3 {
        let (t, _, s) = pdf_ms(&pool, &ten_years, today).await;
        runs.push(t);
        size10 = s;
    }
    let ten_ms = median(runs);
    let after = memory_mib();

    let mut figures = vec![
        Figure {
            name: "pdf_1y",
            value: year_ms,
            unit: "ms",
            target: format!("≤ 500 (median of 5; {} KiB)", size / 1024),
            pass: year_ms <= 500.0,
        },
        Figure::report(
            "pdf_1y_reading",
            year_reading_ms,
            "ms",
            "of pdf_1y: reading the vault, building the report",
        ),
        Figure::report("pdf_1y_first", first_ms, "ms", "first run, fonts loaded"),
        Figure {
            name: "pdf_10y",
            value: ten_ms,
            unit: "ms",
            target: format!("≤ 5000 (median of 3; {} KiB)", size10 / 1024),
            pass: ten_ms <= 5000.0,
        },
    ];
    if let (Some((rss_before, _)), Some((_, peak))) = (before, after) {
        figures.push(Figure::report(
            "pdf_10y_peak_memory",
            peak,
            "MiB",
            format!("process peak RSS (was {rss_before:.0} before)"),
        ));
    }
    support::finish(&figures);
}
