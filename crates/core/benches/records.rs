//! Record benchmarks (docs/performance.md) on the reference data set: a demo vault of
//! 100,000 contributions. Demo generation, dashboard aggregates, full-text search p95, list
//! pages, and JSON export / import and CSV import throughput. Appends to
//! `target/bench/report.json`; exits non-zero when a figure misses its target.
//! `ALONGSIDE_BENCH_CONTRIBUTIONS` shrinks the data set for a quick look (targets still apply).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark may panic

#[path = "support/mod.rs"]
mod support;

use std::time::Instant;

use alongside_core::backup::{self, Control, Target};
use alongside_core::records::choices::ClaimStatus;
use alongside_core::records::contributions::ContributionQuery;
use alongside_core::records::dashboard::dashboard;
use alongside_core::records::list::ListQuery;
use alongside_core::records::search::{search, Privacy};
use alongside_core::records::transfer::{csv_import, json};
use alongside_core::records::{demo, store, Contribution, Meeting};
use alongside_core::vault::{UnlockMethod, Vault};
use secrecy::SecretString;
use support::{median, ms, new_vault, percentile, Figure};

const QUERIES: &[&str] = &[
    "consent",
    "leaflet",
    "evening clinics",
    "dialysis",
    "carer",
    "steering committee",
    "protocol",
    "travel",
    "plain english",
    "asthma",
    "frustrated",
    "recruitment",
    "quality of life",
    "token presence",
    "ethics application",
    "zebrafish",
    "diab",
    "co-design",
    "newsletter",
    "version 3",
];

#[tokio::main]
async fn main() {
    let n: u32 = std::env::var("ALONGSIDE_BENCH_CONTRIBUTIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let mut figures = Vec::new();
    let today = alongside_core::clock::local_today();
    let (dir, vault, pool) = new_vault().await;

    let start = Instant::now();
    demo::generate(&pool, n, 1, today, &|_, _| {})
        .await
        .unwrap();
    let demo_s = start.elapsed().as_secs_f64();
    let verbose = std::env::var_os("ALONGSIDE_BENCH_VERBOSE").is_some();
    figures.push(Figure {
        name: "demo_generate",
        value: demo_s,
        unit: "s",
        target: format!("≤ 60 for {n} contributions"),
        pass: demo_s <= 60.0,
    });
    figures.push(Figure::report(
        "demo_throughput",
        f64::from(n) / demo_s,
        "rec/s",
        "contributions per second, report",
    ));

    // Dashboard: warm up, then the median of 30 runs.
    for _ in 0..3 {
        dashboard(&pool, today).await.unwrap();
    }
    let mut runs = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        let d = dashboard(&pool, today).await.unwrap();
        runs.push(ms(t.elapsed()));
        assert!(d.year.contributions > 0);
    }
    let dash = median(runs.clone());
    figures.push(Figure {
        name: "dashboard",
        value: dash,
        unit: "ms",
        target: "≤ 20 (median of 30)".into(),
        pass: dash <= 20.0,
    });
    figures.push(Figure::report(
        "dashboard_p95",
        percentile(runs, 95.0),
        "ms",
        "report",
    ));

    // Search: every query 10 times after one warm-up round; p95 of all.
    let mut runs = Vec::new();
    let mut per_query = vec![Vec::new(); QUERIES.len()];
    for round in 0..11 {
        for (i, q) in QUERIES.iter().enumerate() {
            let t = Instant::now();
            let hits = search(&pool, q, 20, Privacy::IncludePrivate).await.unwrap();
            if round > 0 {
                runs.push(ms(t.elapsed()));
                per_query[i].push(ms(t.elapsed()));
            }
            std::hint::black_box(hits);
        }
    }
    if verbose {
        for (q, times) in QUERIES.iter().zip(per_query) {
            eprintln!("search {q:<20} median {:.2} ms", median(times));
        }
    }
    let p95 = percentile(runs.clone(), 95.0);
    figures.push(Figure {
        name: "search",
        value: p95,
        unit: "ms",
        target: "p95 ≤ 15 (20 queries × 10)".into(),
        pass: p95 <= 15.0,
    });
    figures.push(Figure::report(
        "search_median",
        median(runs),
        "ms",
        "report",
    ));

    // List pages: newest contributions, one project's, a date range, claims waiting, meetings.
    let project_id: i64 = sqlx::query_scalar("SELECT min(id) FROM projects")
        .fetch_one(&pool)
        .await
        .unwrap();
    let lists: [ContributionQuery; 5] = [
        ListQuery::default().into(),
        ListQuery {
            project_id: Some(project_id),
            ..Default::default()
        }
        .into(),
        ListQuery {
            from: Some("2020-01-01".into()),
            to: Some("2020-12-31".into()),
            ..Default::default()
        }
        .into(),
        ContributionQuery {
            status: Some(ClaimStatus::Claimed),
            ..Default::default()
        },
        ListQuery {
            offset: Some(5_000),
            ..Default::default()
        }
        .into(),
    ];
    let mut runs = Vec::new();
    for round in 0..11 {
        for q in &lists {
            let t = Instant::now();
            let page = store::list::<Contribution>(&pool, q).await.unwrap();
            if round > 0 {
                runs.push(ms(t.elapsed()));
            }
            std::hint::black_box(page);
        }
        let t = Instant::now();
        let page = store::list::<Meeting>(&pool, &Default::default())
            .await
            .unwrap();
        if round > 0 {
            runs.push(ms(t.elapsed()));
        }
        std::hint::black_box(page);
    }
    let list_p95 = percentile(runs.clone(), 95.0);
    let list_median = median(runs);
    figures.push(Figure {
        name: "list",
        value: list_median,
        unit: "ms",
        target: "≤ 5 (median, 50-row pages)".into(),
        pass: list_median <= 5.0,
    });
    figures.push(Figure::report("list_p95", list_p95, "ms", "report"));

    // The same reads on a plain SQLite twin of the reference vault, side by side: the cost of
    // the encryption on the work the app really does.
    let twin_dir = tempfile::tempdir().unwrap();
    let twin = twin_dir.path().join("plain.db");
    {
        // One connection: an attached database belongs to the connection that attached it.
        let mut conn = pool.acquire().await.unwrap();
        sqlx::query("ATTACH DATABASE ? AS plaintext KEY ''")
            .bind(twin.display().to_string())
            .execute(&mut *conn)
            .await
            .unwrap();
        sqlx::query("SELECT sqlcipher_export('plaintext')")
            .execute(&mut *conn)
            .await
            .unwrap();
        sqlx::query("DETACH DATABASE plaintext")
            .execute(&mut *conn)
            .await
            .unwrap();
    }
    let plain = sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(alongside_core::vault::database::base_options(&twin, false).unwrap())
        .await
        .unwrap();
    let (mut enc_runs, mut plain_runs) = (Vec::new(), Vec::new());
    for round in 0..6 {
        let e = reads(&pool, today, &lists).await;
        let p = reads(&plain, today, &lists).await;
        if round > 0 {
            enc_runs.push(e);
            plain_runs.push(p);
        }
    }
    plain.close().await;
    let (enc_ms, plain_ms) = (median(enc_runs), median(plain_runs));
    let twin_ratio = enc_ms / plain_ms;
    figures.push(Figure {
        name: "cipher_ratio_reference",
        value: twin_ratio,
        unit: "x",
        target: format!("≤ 1.25 (dashboard, search, lists: {enc_ms:.0} / {plain_ms:.0} ms)"),
        pass: twin_ratio <= 1.25,
    });

    // Export everything, then import it into an empty vault.
    let t = Instant::now();
    let everything = json::export_all(&pool, true).await.unwrap();
    let bytes = serde_json::to_vec(&everything).unwrap();
    let export_s = t.elapsed().as_secs_f64();
    figures.push(Figure::report(
        "json_export",
        export_s,
        "s",
        format!("{} MB, report", bytes.len() / 1_000_000),
    ));
    let (_d2, _v2, empty) = new_vault().await;
    let t = Instant::now();
    let report = json::import(&empty, &bytes, false).await.unwrap();
    let import_s = t.elapsed().as_secs_f64();
    assert!(report.written, "{:?}", report.problems);
    figures.push(Figure::report(
        "json_import",
        import_s,
        "s",
        "all records, report",
    ));
    figures.push(Figure::report(
        "json_import_throughput",
        f64::from(n) / import_s,
        "rec/s",
        "contributions per second, report",
    ));

    // CSV import of 10,000 spreadsheet rows.
    let mut csv = String::from(
        "Date,Project,Meeting minutes,Prep minutes,What I contributed,Fee,Expense amount\n",
    );
    for i in 0..10_000 {
        csv.push_str(&format!(
            "{:02}/05/2024,Sheet project {},{},{},\"Row {i}, read the papers\",25.00,3.50\n",
            i % 28 + 1,
            i % 5,
            60 + i % 30,
            i % 45
        ));
    }
    let t = Instant::now();
    let report = csv_import::import(&empty, csv.as_bytes(), &[], false)
        .await
        .unwrap();
    let csv_s = t.elapsed().as_secs_f64();
    assert!(report.written, "{:?}", report.problems);
    figures.push(Figure::report(
        "csv_import_throughput",
        10_000.0 / csv_s,
        "rows/s",
        "10,000 rows, report",
    ));

    backup_round_trip(&mut figures, &dir, &vault, &everything).await;
    support::finish(&figures);
}

/// Backup and restore of the whole reference vault: time, sizes, and that the restored vault
/// holds exactly the records exported before.
async fn backup_round_trip(
    figures: &mut Vec<Figure>,
    dir: &tempfile::TempDir,
    vault: &Vault,
    before: &json::Everything,
) {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("bench.backup");
    let pass = SecretString::from("benchmark backup passphrase".to_owned());
    let vault_mb = std::fs::metadata(dir.path().join("vault.db"))
        .unwrap()
        .len() as f64
        / 1e6;
    let t = Instant::now();
    let made = backup::make(
        vault,
        &out,
        &pass,
        &alongside_core::vault::Proof::passphrase(&secrecy::SecretString::from(
            support::PASSPHRASE.to_owned(),
        )),
        &Control::quiet(),
    )
    .await
    .unwrap();
    let backup_s = t.elapsed().as_secs_f64();
    let target = work.path().join("restored");
    let t = Instant::now();
    let restored = backup::restore(&out, &pass, &target, Target::EmptyFolder, &Control::quiet())
        .await
        .unwrap();
    let restore_s = t.elapsed().as_secs_f64();
    let again = Vault::new(&target);
    again
        .unlock(UnlockMethod::Passphrase(SecretString::from(
            support::PASSPHRASE.to_owned(),
        )))
        .await
        .unwrap();
    let mut after = json::export_all(&again.pool().await.unwrap(), true)
        .await
        .unwrap();
    after.exported_at.clone_from(&before.exported_at);
    let same = after == *before && restored.counts == made.counts;
    figures.push(Figure::report(
        "backup",
        backup_s,
        "s",
        "whole vault, report",
    ));
    figures.push(Figure::report(
        "backup_size",
        f64::from(made.size_kib) / 1024.0,
        "MiB",
        format!("vault.db {vault_mb:.1} MB, report"),
    ));
    figures.push(Figure::report("restore", restore_s, "s", "checked, report"));
    figures.push(Figure {
        name: "backup_round_trip",
        value: if same { 1.0 } else { 0.0 },
        unit: "same",
        target: "restored records identical".into(),
        pass: same,
    });
}

/// The reads of the reference workload (dashboard ×5, every search query, every list page),
/// in milliseconds.
async fn reads(
    pool: &alongside_core::SqlitePool,
    today: chrono::NaiveDate,
    lists: &[ContributionQuery],
) -> f64 {
    let t = Instant::now();
    for _ in 0..5 {
        std::hint::black_box(dashboard(pool, today).await.unwrap());
    }
    for q in QUERIES {
        std::hint::black_box(search(pool, q, 20, Privacy::IncludePrivate).await.unwrap());
    }
    for q in lists {
        std::hint::black_box(store::list::<Contribution>(pool, q).await.unwrap());
    }
    ms(t.elapsed())
}
