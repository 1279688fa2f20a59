//! Hostile input: random and mutated files fed to CSV import, JSON import and restore on real
//! encrypted vaults. Whatever comes in, nothing panics, the answer is a typed error or a report
//! of problems, and a refused file writes nothing. Oversized text and deep nesting are refused.
//!
//! `PROPTEST_CASES` sets the number of cases (the defaults here suit `make test`; `make soak`
//! raises them).

use std::sync::OnceLock;

use alongside_core::backup::{self, Control, Target};
use alongside_core::records::store;
use alongside_core::records::transfer::{csv_import, json};
use alongside_core::vault::Vault;
use alongside_core::{CoreError, SqlitePool};
use alongside_test_support::*;
use proptest::prelude::*;
use secrecy::SecretString;

/// One way of spoiling a file.
#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, bits: u8 },
    Insert { at: usize, bytes: Vec<u8> },
    Remove { at: usize, len: usize },
    Truncate { at: usize },
    Duplicate { at: usize, len: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1u8..=255).prop_map(|(at, bits)| Mutation::Flip { at, bits }),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..64))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (any::<usize>(), 1usize..200).prop_map(|(at, len)| Mutation::Remove { at, len }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        (any::<usize>(), 1usize..400).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
    ]
}

fn apply(original: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut b = original.to_vec();
    for m in mutations {
        let n = b.len().max(1);
        match m {
            Mutation::Flip { at, bits } => {
                if !b.is_empty() {
                    let i = at % b.len();
                    b[i] ^= bits;
                }
            }
            Mutation::Insert { at, bytes } => {
                let i = at % (b.len() + 1);
                b.splice(i..i, bytes.iter().copied());
            }
            Mutation::Remove { at, len } => {
                let i = at % n;
                let end = (i + len).min(b.len());
                if i < end {
                    b.drain(i..end);
                }
            }
            Mutation::Truncate { at } => b.truncate(at % n),
            Mutation::Duplicate { at, len } => {
                let i = at % n;
                let end = (i + len).min(b.len());
                if i < end {
                    let copy = b[i..end].to_vec();
                    b.splice(end..end, copy);
                }
            }
        }
    }
    b
}

/// A file: random bytes, or a valid one spoiled by a few mutations.
fn spoiled(valid: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        1 => prop::collection::vec(any::<u8>(), 0..2048),
        4 => prop::collection::vec(mutation(), 1..6).prop_map(move |m| apply(valid, &m)),
    ]
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| tokio::runtime::Runtime::new().unwrap())
}

/// What a vault holds: every record (the complete export without its time stamp) and the
/// names of the files in its folder. Byte comparison of the files would be wrong: SQLite may
/// restart its write-ahead log or touch its shared-memory index without writing any data.
fn contents(pool: &SqlitePool, dir: &std::path::Path) -> (serde_json::Value, Vec<String>) {
    runtime().block_on(contents_of(pool, dir))
}

async fn contents_of(pool: &SqlitePool, dir: &std::path::Path) -> (serde_json::Value, Vec<String>) {
    let mut everything = serde_json::to_value(json::export_all(pool, true).await.unwrap()).unwrap();
    everything["exported_at"] = serde_json::Value::Null;
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with("-shm") && !n.ends_with("-wal"))
        .collect();
    names.sort();
    (everything, names)
}

/// Runs `test` on `cases` inputs from `strategy`; a failure names the reason and the input's
/// length (inputs are large and binary, so they are not printed).
fn run_cases<S: Strategy<Value = Vec<u8>>>(
    cases: u32,
    strategy: S,
    test: impl Fn(Vec<u8>) -> Result<(), TestCaseError>,
) {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    if let Err(e) = runner.run(&strategy, test) {
        match e {
            proptest::test_runner::TestError::Fail(why, input) => {
                panic!("{why} (input of {} bytes)", input.len())
            }
            other @ proptest::test_runner::TestError::Abort(_) => panic!("{other}"),
        }
    }
}

/// A small real vault with every kind of record, and its complete JSON export.
struct Source {
    _dir: tempfile::TempDir,
    json: Vec<u8>,
    csv: Vec<u8>,
    backup: Vec<u8>,
}

const BACKUP_PASS: &str = "hostile input backup words";

fn source() -> &'static Source {
    static SOURCE: OnceLock<Source> = OnceLock::new();
    SOURCE.get_or_init(|| {
        runtime().block_on(async {
            let (dir, vault, pool) = vault().await;
            let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
            alongside_core::records::demo::generate(&pool, 40, 2, today, &|_, _| {})
                .await
                .unwrap();
            let json = serde_json::to_vec(&json::export_all(&pool, true).await.unwrap()).unwrap();
            let csv = b"Date,Project,Activity,Preparation minutes,Meeting minutes,Travel minutes,\
What I contributed,Fee,Expense kind,Expense amount,Miles\n\
01/02/2025,Hip fracture study,Meeting,30,90,20,\"Read the protocol, twice\",\xc2\xa375.00,Train fare,\xc2\xa312.40,\n\
2025-03-04,Hip fracture study,Reading,45,0,0,Commented on the leaflet,0,Mileage,,12.5\n"
                .to_vec();
            let file = dir.path().join("source.backup");
            backup::make(&vault, &file, &SecretString::from(BACKUP_PASS.to_owned()), &proof(), &Control::quiet())
            .await
            .unwrap();
            let backup = std::fs::read(&file).unwrap();
            std::fs::remove_file(&file).unwrap();
            Source {
                _dir: dir,
                json,
                csv,
                backup,
            }
        })
    })
}

/// A vault that imports keep being tried on; replaced by a fresh one when an import succeeds.
struct ImportTarget {
    dir: tempfile::TempDir,
    _vault: Vault,
    pool: SqlitePool,
}

fn empty_target() -> ImportTarget {
    runtime().block_on(async {
        let (dir, vault, pool) = vault().await;
        ImportTarget {
            dir,
            _vault: vault,
            pool,
        }
    })
}

#[test]
fn spoiled_json_imports_are_refused_with_nothing_written() {
    let valid: &'static [u8] = &source().json;
    let target = std::cell::RefCell::new(empty_target());
    run_cases(48, spoiled(valid), |bytes| {
        let (pool, dir) = {
            let t = target.borrow();
            (t.pool.clone(), t.dir.path().to_path_buf())
        };
        let before = contents(&pool, &dir);
        let report = runtime()
            .block_on(json::import(&pool, &bytes, false))
            .map_err(|e| TestCaseError::fail(format!("a typed report, not {e:?}")))?;
        if report.written {
            prop_assert!(report.is_clean());
            *target.borrow_mut() = empty_target();
        } else {
            prop_assert!(!report.problems.is_empty(), "refused without saying why");
            prop_assert!(contents(&pool, &dir) == before, "a refused import wrote");
        }
        Ok(())
    });
}

#[test]
fn spoiled_csv_imports_write_all_their_rows_or_nothing() {
    let valid: &'static [u8] = &source().csv;
    let target = empty_target();
    let (pool, dir) = (&target.pool, target.dir.path());
    run_cases(96, spoiled(valid), |bytes| {
        let before = contents(pool, dir);
        let counts = || runtime().block_on(store::live_counts(pool)).unwrap();
        let before_counts = counts();
        match runtime().block_on(csv_import::import(pool, &bytes, &[], false)) {
            Ok(report) if report.written => {
                prop_assert!(report.is_clean());
                prop_assert_eq!(
                    counts().contributions,
                    before_counts.contributions + report.counts.contributions
                );
            }
            Ok(report) => {
                prop_assert!(!report.problems.is_empty(), "refused without saying why");
                prop_assert!(contents(pool, dir) == before, "a refused import wrote");
            }
            Err(e) => {
                prop_assert!(
                    matches!(e, CoreError::InvalidInput { .. }),
                    "not a typed refusal: {:?}",
                    e
                );
                prop_assert!(contents(pool, dir) == before, "a refused import wrote");
            }
        }
        Ok(())
    });
}

#[test]
fn spoiled_backups_are_refused_and_the_target_stays_empty() {
    let valid: &'static [u8] = &source().backup;
    let work = tempfile::tempdir().unwrap();
    let round = std::cell::Cell::new(0);
    // Each case that reaches the key derivation costs a real Argon2id run.
    run_cases(24, spoiled(valid), |bytes| {
        prop_assume!(bytes != valid);
        round.set(round.get() + 1);
        let file = work.path().join(format!("case-{}.backup", round.get()));
        std::fs::write(&file, &bytes).unwrap();
        let target = work.path().join(format!("target-{}", round.get()));
        let result = runtime().block_on(backup::restore(
            &file,
            &SecretString::from(BACKUP_PASS.to_owned()),
            &target,
            Target::EmptyFolder,
            &Control::quiet(),
        ));
        match result {
            Err(
                CoreError::Damaged(_) | CoreError::InvalidInput { .. } | CoreError::WrongSecret(_),
            ) => {}
            Err(other) => {
                return Err(TestCaseError::fail(format!(
                    "not a refusal of the file: {other:?}"
                )))
            }
            Ok(_) => return Err(TestCaseError::fail("a spoiled backup was restored")),
        }
        prop_assert!(!target.exists(), "the target folder was left behind");
        std::fs::remove_file(&file).unwrap();
        Ok(())
    });
}

#[test]
fn oversized_text_and_deep_nesting_are_refused_cleanly() {
    let rt = runtime();
    // The shared source is made with `block_on`, so it must exist before this test's own.
    let source_json = &source().json;
    rt.block_on(async {
        let (dir, _vault, pool) = vault().await;

        // A text field far over its limit, in a record and in a CSV cell.
        let mut c = contribution(1, "2025-01-01", 60);
        let p = store::create(&pool, project("Limits")).await.unwrap();
        c.project_id = p.id;
        c.summary = "x".repeat(5_000_000);
        let err = store::create(&pool, c).await.unwrap_err();
        assert_eq!(field_of(err), "summary");
        let mid = contents_of(&pool, dir.path()).await;
        let csv = format!(
            "Date,Project,Minutes,What I contributed\n2025-01-01,Alpha,60,{}\n",
            "y".repeat(3_000_000)
        );
        let report = csv_import::import(&pool, csv.as_bytes(), &[], false)
            .await
            .unwrap();
        assert!(!report.written && !report.problems.is_empty());
        assert!(contents_of(&pool, dir.path()).await == mid);

        // JSON nested a million deep, and a huge string where a date belongs.
        let (edir, _evault, empty) = vault().await;
        let ebefore = contents_of(&empty, edir.path()).await;
        let deep = format!("{}{}", "[".repeat(1_000_000), "]".repeat(1_000_000));
        let report = json::import(&empty, deep.as_bytes(), false).await.unwrap();
        assert!(!report.written && !report.problems.is_empty());
        let mut everything: serde_json::Value = serde_json::from_slice(source_json).unwrap();
        everything["contributions"][0]["data"]["date"] = "9".repeat(2_000_000).into();
        let report = json::import(&empty, &serde_json::to_vec(&everything).unwrap(), false)
            .await
            .unwrap();
        assert!(!report.written && !report.problems.is_empty());
        assert!(contents_of(&empty, edir.path()).await == ebefore);
    });
}
