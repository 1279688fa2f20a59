//! Vault benchmarks (docs/performance.md): opening with a raw key, unlocking with
//! a passphrase (Argon2id), and the encrypted/plain SQLite ratio on the same insert and read
//! workloads, measured side by side in one run. Writes `target/bench/report.json` and prints a
//! table; exits non-zero when a figure misses its target.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark may panic

use std::path::Path;
use std::time::Instant;

use alongside_core::paths::VaultPaths;
use alongside_core::vault::database::{self, base_options, MIGRATOR};
use alongside_core::vault::key::DataKey;
use alongside_core::vault::{LockReason, UnlockMethod, Vault};
use secrecy::SecretString;
use sqlx::sqlite::SqlitePoolOptions;
use sqlx::SqlitePool;

const ROWS: usize = 20_000;
const BATCH: usize = 500;
const LOOKUPS: usize = 20_000;
const RUNS: usize = 5;

#[path = "support/mod.rs"]
mod support;

use support::{median, ms, Figure};

async fn plain_pool(path: &Path) -> SqlitePool {
    SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(base_options(path, true).unwrap())
        .await
        .unwrap()
}

async fn keyed_pool(dir: &Path, key: &DataKey) -> SqlitePool {
    database::open_pool(&VaultPaths::new(dir), key, true)
        .await
        .unwrap()
}

/// The workload: batched inserts of draft-sized rows, then point reads and filtered scans.
async fn workload(pool: &SqlitePool) -> (f64, f64) {
    sqlx::query("DROP TABLE IF EXISTS bench_rows")
        .execute(pool)
        .await
        .unwrap();
    sqlx::query("CREATE TABLE bench_rows (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL, minutes INTEGER NOT NULL)")
        .execute(pool)
        .await
        .unwrap();
    let body =
        "Prepared for the steering committee, read the protocol and wrote two pages of comments. "
            .repeat(3);
    let start = Instant::now();
    for chunk in (0..ROWS).collect::<Vec<_>>().chunks(BATCH) {
        let mut tx = pool.begin().await.unwrap();
        for i in chunk {
            sqlx::query("INSERT INTO bench_rows (id, title, body, minutes) VALUES (?, ?, ?, ?)")
                .bind(*i as i64)
                .bind(format!("Contribution {i}"))
                .bind(&body)
                .bind((*i % 240) as i64)
                .execute(&mut *tx)
                .await
                .unwrap();
        }
        tx.commit().await.unwrap();
    }
    let insert = ms(start.elapsed());
    let start = Instant::now();
    let mut total = 0i64;
    for i in 0..LOOKUPS {
        let m: i64 = sqlx::query_scalar("SELECT minutes FROM bench_rows WHERE id = ?")
            .bind(((i * 7919) % ROWS) as i64)
            .fetch_one(pool)
            .await
            .unwrap();
        total += m;
    }
    for _ in 0..20 {
        let n: i64 =
            sqlx::query_scalar("SELECT sum(minutes) FROM bench_rows WHERE title LIKE '%9%'")
                .fetch_one(pool)
                .await
                .unwrap();
        total += n;
    }
    assert!(total > 0);
    (insert, ms(start.elapsed()))
}

#[tokio::main]
async fn main() {
    let mut figures = Vec::new();
    let pass = SecretString::from("benchmark passphrase words".to_owned());

    // Opening with the raw data key (what the keyring and an unlocked session use).
    let dir = tempfile::tempdir().unwrap();
    let key = DataKey::generate().unwrap();
    let pool = keyed_pool(dir.path(), &key).await;
    database::migrate(&pool, &VaultPaths::new(dir.path()), &MIGRATOR)
        .await
        .unwrap();
    pool.close().await;
    let mut opens = Vec::new();
    for _ in 0..20 {
        let start = Instant::now();
        let pool = database::open_pool(&VaultPaths::new(dir.path()), &key, false)
            .await
            .unwrap();
        opens.push(ms(start.elapsed()));
        pool.close().await;
    }
    let open = median(opens);
    figures.push(Figure {
        name: "vault_open_raw_key",
        value: open,
        unit: "ms",
        target: "< 5".into(),
        pass: open < 5.0,
    });

    // Unlocking with the passphrase: Argon2id (64 MiB, 3 passes) + opening.
    let vdir = tempfile::tempdir().unwrap();
    let vault = Vault::new(vdir.path());
    vault.create(&pass, false).await.unwrap();
    vault.lock(LockReason::Manual).await.unwrap();
    let mut unlocks = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        vault
            .unlock(UnlockMethod::Passphrase(pass.clone()))
            .await
            .unwrap();
        unlocks.push(ms(start.elapsed()));
        vault.lock(LockReason::Manual).await.unwrap();
    }
    let unlock = median(unlocks);
    figures.push(Figure {
        name: "vault_unlock_passphrase",
        value: unlock,
        unit: "ms",
        target: "150–400".into(),
        pass: (150.0..=400.0).contains(&unlock),
    });

    // Encrypted vs plain SQLite, alternating runs of the same workload.
    let (mut enc_ins, mut enc_read, mut pl_ins, mut pl_read) = (vec![], vec![], vec![], vec![]);
    for _ in 0..RUNS {
        let e_dir = tempfile::tempdir().unwrap();
        let p_dir = tempfile::tempdir().unwrap();
        let enc = keyed_pool(e_dir.path(), &key).await;
        let plain = plain_pool(&p_dir.path().join("plain.db")).await;
        let (i, r) = workload(&enc).await;
        enc_ins.push(i);
        enc_read.push(r);
        let (i, r) = workload(&plain).await;
        pl_ins.push(i);
        pl_read.push(r);
        enc.close().await;
        plain.close().await;
    }
    let (ei, er, pi, pr) = (
        median(enc_ins),
        median(enc_read),
        median(pl_ins),
        median(pl_read),
    );
    let ratio = (ei + er) / (pi + pr);
    figures.push(Figure {
        name: "storage_insert_encrypted",
        value: ei,
        unit: "ms",
        target: format!("{ROWS} rows, report"),
        pass: true,
    });
    figures.push(Figure {
        name: "storage_insert_plain",
        value: pi,
        unit: "ms",
        target: format!("{ROWS} rows, report"),
        pass: true,
    });
    figures.push(Figure {
        name: "storage_read_encrypted",
        value: er,
        unit: "ms",
        target: format!("{LOOKUPS} lookups + 20 scans, report"),
        pass: true,
    });
    figures.push(Figure {
        name: "storage_read_plain",
        value: pr,
        unit: "ms",
        target: format!("{LOOKUPS} lookups + 20 scans, report"),
        pass: true,
    });
    figures.push(Figure {
        name: "cipher_ratio",
        value: ratio,
        unit: "x",
        target: "≤ 1.25".into(),
        pass: ratio <= 1.25,
    });

    support::finish(&figures);
}
