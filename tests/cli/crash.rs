//! Crash safety: `alongside` is killed with SIGKILL at random moments while it imports, generates
//! demo records, makes a backup or writes a report. Afterwards the vault passes its integrity
//! check and holds everything from before or everything from after, never part; the output
//! folder holds the whole file or nothing.
//!
//! Rounds per kind of work: `ALONGSIDE_CRASH_ROUNDS` (12 in `make test`, 60 in `make soak`). The
//! random moments come from `ALONGSIDE_CRASH_SEED` (printed, so a failure can be replayed).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::std_with_pass;

fn rounds() -> usize {
    std::env::var("ALONGSIDE_CRASH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12)
}

/// A small xorshift generator: the test needs spread, not quality.
struct Moments(u64);

impl Moments {
    fn new(what: &str) -> Self {
        let seed = std::env::var("ALONGSIDE_CRASH_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
            });
        eprintln!("{what}: ALONGSIDE_CRASH_SEED={seed}");
        Moments(seed | 1)
    }

    /// A moment between 2% and 75% of `full` (runs vary with the machine's load, so later
    /// moments would often fall after a quicker run had finished).
    fn within(&mut self, full: Duration) -> Duration {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        let fraction = 0.02 + 0.73 * ((self.0 % 10_000) as f64 / 10_000.0);
        full.mul_f64(fraction)
    }
}

fn run_ok(mut cmd: Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn with_args(dir: &Path, args: &[OsString]) -> Command {
    let mut cmd = std_with_pass(dir);
    cmd.args(args).stdout(Stdio::null()).stderr(Stdio::null());
    cmd
}

/// Copies the vault's files (not folders) from `from` into the new folder `to`.
fn copy_vault(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// The vault's record counts, after its integrity check passed.
fn checked_counts(dir: &Path) -> serde_json::Value {
    let mut check = std_with_pass(dir);
    check.arg("check");
    run_ok(check);
    let mut status = std_with_pass(dir);
    status.args(["status", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&run_ok(status)).unwrap();
    json["records"].clone()
}

/// Runs the command to the end and says how long it took.
fn full_run(cmd: Command) -> Duration {
    let start = Instant::now();
    let mut cmd = cmd;
    let status = cmd.status().unwrap();
    assert!(status.success(), "the uninterrupted run failed");
    start.elapsed()
}

/// Starts the command, kills it with SIGKILL after `delay`, and says whether it was still
/// running when the signal went.
fn kill_after(mut cmd: Command, delay: Duration) -> bool {
    let mut child = cmd.spawn().unwrap();
    std::thread::sleep(delay);
    let running = child.try_wait().unwrap().is_none();
    child.kill().unwrap();
    child.wait().unwrap();
    running
}

/// A vault made by `init` in `dir`, filled by `fill` (arguments to `alongside`), if any.
fn vault(dir: &Path, fill: Option<&[&str]>) {
    let mut init = std_with_pass(dir);
    init.arg("init");
    run_ok(init);
    if let Some(args) = fill {
        let mut cmd = std_with_pass(dir);
        cmd.args(args);
        run_ok(cmd);
    }
}

fn os(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

/// Kills `args` run on copies of `template` at random moments; each time the copy must pass
/// its check and hold exactly the counts of before or of after.
fn all_or_nothing(what: &str, template: &Path, args: &[OsString]) {
    let work = tempfile::tempdir().unwrap();
    let before = checked_counts(template);
    let whole = work.path().join("whole");
    copy_vault(template, &whole);
    let first = full_run(with_args(&whole, args));
    // The quicker of two whole runs is the reference (see `whole_file_or_none`).
    let again = work.path().join("whole-again");
    copy_vault(template, &again);
    let full = first.min(full_run(with_args(&again, args)));
    let after = checked_counts(&whole);
    assert_ne!(
        before, after,
        "{what} changed nothing when it ran to the end"
    );
    let mut moments = Moments::new(what);
    let (mut mid_work, mut kept_before, mut kept_after) = (0, 0, 0);
    for round in 0..rounds() {
        let dir = work.path().join(format!("round-{round}"));
        copy_vault(template, &dir);
        let delay = moments.within(full);
        if kill_after(with_args(&dir, args), delay) {
            mid_work += 1;
        }
        let counts = checked_counts(&dir);
        if counts == before {
            kept_before += 1;
        } else if counts == after {
            kept_after += 1;
        } else {
            panic!(
                "{what}: round {round}, killed after {delay:?}, left part of the work: {counts}"
            );
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
    eprintln!(
        "{what}: {} rounds (full run {full:?}), {mid_work} killed mid-work; \
         {kept_before} all-before, {kept_after} all-after",
        rounds()
    );
    assert!(
        mid_work * 2 >= rounds(),
        "{what}: too few kills landed while it worked ({mid_work})"
    );
}

/// A vault with some demo records (the template the file-writing rounds read).
fn filled_template(dir: &Path) -> PathBuf {
    let template = dir.join("template");
    vault(
        &template,
        Some(&["demo", "--contributions", "1500", "--seed", "3"]),
    );
    template
}

#[test]
fn a_killed_json_import_leaves_the_vault_empty_or_complete() {
    let dir = tempfile::tempdir().unwrap();
    let source = filled_template(dir.path());
    let file = dir.path().join("everything.json");
    let mut export = std_with_pass(&source);
    export
        .args(["export", "--report", "all", "--format", "json", "--out"])
        .arg(&file);
    run_ok(export);
    let empty = dir.path().join("empty");
    vault(&empty, None);
    let mut args = os(&["import"]);
    args.push(file.into_os_string());
    all_or_nothing("json import", &empty, &args);
}

#[test]
fn a_killed_csv_import_adds_all_its_rows_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("template");
    vault(
        &template,
        Some(&["demo", "--contributions", "300", "--seed", "5"]),
    );
    let mut csv = String::from(
        "Date,Project,Activity,Preparation minutes,Meeting minutes,Travel minutes,What I contributed,Fee\n",
    );
    for i in 0..6_000 {
        csv.push_str(&format!(
            "{:02}/{:02}/2025,Imported study {},Meeting,{},{},{},\"Read the papers, line {i}\",£{}.50\n",
            i % 28 + 1,
            i % 12 + 1,
            i % 7,
            i % 90,
            60 + i % 60,
            i % 45,
            i % 80
        ));
    }
    let file = dir.path().join("sheet.csv");
    std::fs::write(&file, csv).unwrap();
    let mut args = os(&["import"]);
    args.push(file.into_os_string());
    all_or_nothing("csv import", &template, &args);
}

#[test]
fn a_killed_demo_generation_leaves_the_vault_empty_or_filled() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    vault(&empty, None);
    all_or_nothing(
        "demo",
        &empty,
        &os(&["demo", "--contributions", "4000", "--seed", "9"]),
    );
}

/// Kills a command that writes `out` at random moments: each time the folder of `out` holds
/// either nothing or the whole file, which `complete` accepts.
fn whole_file_or_none(what: &str, vault: &Path, args: &[OsString], complete: &dyn Fn(&Path)) {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let file = out.join("file");
    let mut full_args = args.to_vec();
    full_args.push(file.clone().into_os_string());
    let mut cmd = with_args(vault, &full_args);
    cmd.env(
        "ALONGSIDE_BACKUP_PASSPHRASE",
        "a backup passphrase to test with",
    );
    let first = full_run(cmd);
    complete(&file);
    std::fs::remove_file(&file).unwrap();
    // The quicker of two whole runs is the reference: a first run slowed by a cold cache would
    // put many kill moments after later, quicker runs had finished.
    let mut cmd = with_args(vault, &full_args);
    cmd.env(
        "ALONGSIDE_BACKUP_PASSPHRASE",
        "a backup passphrase to test with",
    );
    let mut full = first.min(full_run(cmd));
    complete(&file);
    std::fs::remove_file(&file).unwrap();
    let mut moments = Moments::new(what);
    // A reference measured while other tests loaded the machine can be far longer than the
    // rounds then take, so that most kills come too late to test anything: then the reference
    // is measured again and the rounds run once more.
    for attempt in 0..2 {
        let (mut mid_work, mut whole) = (0, 0);
        for round in 0..rounds() {
            let delay = moments.within(full);
            let mut cmd = with_args(vault, &full_args);
            cmd.env(
                "ALONGSIDE_BACKUP_PASSPHRASE",
                "a backup passphrase to test with",
            );
            if kill_after(cmd, delay) {
                mid_work += 1;
            }
            let left: Vec<_> = std::fs::read_dir(&out)
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect();
            match left.as_slice() {
                [] => {}
                [name] if name == "file" => {
                    complete(&file);
                    whole += 1;
                    std::fs::remove_file(&file).unwrap();
                }
                _ => panic!("{what}: round {round}, killed after {delay:?}, left {left:?}"),
            }
        }
        eprintln!(
            "{what}: {} rounds (full run {full:?}), {mid_work} killed mid-work, {whole} whole files",
            rounds()
        );
        if mid_work * 2 >= rounds() {
            break;
        }
        assert!(
            attempt == 0,
            "{what}: too few kills landed while it worked ({mid_work})"
        );
        let mut cmd = with_args(vault, &full_args);
        cmd.env(
            "ALONGSIDE_BACKUP_PASSPHRASE",
            "a backup passphrase to test with",
        );
        full = full_run(cmd);
        complete(&file);
        std::fs::remove_file(&file).unwrap();
    }
    checked_counts(vault);
}

#[test]
fn a_killed_backup_leaves_no_partial_file_and_its_snapshot_is_swept() {
    let dir = tempfile::tempdir().unwrap();
    let template = filled_template(dir.path());
    let restored = dir.path().join("restored");
    let complete = |file: &Path| {
        let _ = std::fs::remove_dir_all(&restored);
        let mut restore = crate::support::std_command(&restored);
        restore
            .env(
                "ALONGSIDE_BACKUP_PASSPHRASE",
                "a backup passphrase to test with",
            )
            .arg("restore")
            .arg(file);
        run_ok(restore);
        assert_eq!(checked_counts(&restored), checked_counts(&template));
    };
    whole_file_or_none("backup", &template, &os(&["backup", "--out"]), &complete);
    // A killed backup may leave its encrypted snapshot folder; the next backup removes it.
    let mut backup = std_with_pass(&template);
    backup
        .env(
            "ALONGSIDE_BACKUP_PASSPHRASE",
            "a backup passphrase to test with",
        )
        .args(["backup", "--out"])
        .arg(dir.path().join("last.backup"));
    run_ok(backup);
    let stray: Vec<_> = std::fs::read_dir(&template)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".alongside"))
        .collect();
    assert!(stray.is_empty(), "left in the vault folder: {stray:?}");
}

#[test]
fn a_killed_export_leaves_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let template = filled_template(dir.path());
    let complete = |file: &Path| {
        let bytes = std::fs::read(file).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
        assert!(
            bytes.trim_ascii_end().ends_with(b"%%EOF"),
            "a PDF cut short"
        );
    };
    whole_file_or_none(
        "export",
        &template,
        &os(&[
            "export",
            "--report",
            "involvement",
            "--format",
            "pdf",
            "--from",
            "2000-01-01",
            "--out",
        ]),
        &complete,
    );
}

#[test]
fn a_killed_attach_leaves_the_file_whole_or_absent() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("template");
    vault(
        &template,
        Some(&["demo", "--contributions", "30", "--seed", "4"]),
    );
    let uid = crate::attachments::first_contribution(&template);
    // 45 MB that do not compress, so writing them takes a while.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let bytes: Vec<u8> = (0..45 * 1024 * 1024)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    let file = dir.path().join("recording.bin");
    std::fs::write(&file, bytes).unwrap();
    let mut args = os(&["attach", "--to", "contribution", &uid]);
    args.push(file.into_os_string());
    all_or_nothing("attach", &template, &args);
}
