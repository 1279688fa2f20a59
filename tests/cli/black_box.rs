//! Black-box tests of the `alongside` command line on real vaults in temporary folders.

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;

use crate::support::PASS;

fn alongside(dir: &Path) -> Command {
    Command::from_std(crate::support::std_command(dir))
}

fn with_pass(dir: &Path, pass: &str) -> Command {
    let mut cmd = alongside(dir);
    cmd.env("ALONGSIDE_PASSPHRASE", pass);
    cmd
}

pub(crate) fn init(dir: &Path) -> String {
    let out = with_pass(dir, PASS).arg("init").assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let code = stdout.trim().to_owned();
    assert_eq!(
        code.len(),
        29,
        "stdout is the recovery code alone: {stdout:?}"
    );
    code
}

/// A new vault in a temporary folder filled by `demo` (200 contributions, seed 5).
fn demo_vault() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault");
    std::fs::create_dir(&vault).unwrap();
    init(&vault);
    with_pass(&vault, PASS)
        .args(["demo", "--contributions", "200", "--seed", "5"])
        .assert()
        .success();
    (dir, vault)
}

pub(crate) fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Fails naming the files that changed (never dumping their bytes).
pub(crate) fn assert_unchanged(dir: &Path, before: &BTreeMap<String, Vec<u8>>) {
    let after = snapshot(dir);
    let changed: Vec<&String> = before
        .keys()
        .chain(after.keys())
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert!(changed.is_empty(), "files changed: {changed:?}");
}

pub(crate) fn stderr_of(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stderr.clone()).unwrap()
}

pub(crate) fn stdout_of(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

#[test]
fn init_prints_a_recovery_code_once_and_refuses_a_second_vault() {
    let dir = tempfile::tempdir().unwrap();
    let code = init(dir.path());
    assert!(code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    let before = snapshot(dir.path());
    let again = with_pass(dir.path(), PASS).arg("init").assert().code(1);
    assert!(stderr_of(&again).contains("already exist in this folder"));
    assert_unchanged(dir.path(), &before);
}

#[test]
fn status_shows_facts_locked_and_unlocked_but_no_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let none = alongside(dir.path()).arg("status").assert().success();
    assert!(stdout_of(&none).contains("vault:            none"));
    let code = init(dir.path());
    let locked = alongside(dir.path()).arg("status").assert().success();
    let text = stdout_of(&locked);
    assert!(text.contains("state:            locked"), "{text}");
    assert!(text.contains("passphrase yes, recovery code yes, keyring no"));
    let open = with_pass(dir.path(), PASS)
        .args(["status", "--json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&open)).unwrap();
    assert_eq!(json["unlocked"], true);
    assert_eq!(json["schema_version"], newest_migration());
    assert_eq!(json["auto_lock_minutes"], 15);
    let all = format!("{}{}", stdout_of(&open), stderr_of(&open));
    assert!(!all.contains(PASS) && !all.contains(&code));
}

#[test]
fn wrong_passphrase_exits_3_with_one_sentence_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let before = snapshot(dir.path());
    for args in [vec!["check"], vec!["status"], vec!["recovery-code"]] {
        let a = with_pass(dir.path(), "not the right one")
            .args(&args)
            .assert()
            .code(3);
        let err = stderr_of(&a);
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains("did not unlock your records"));
    }
    assert_unchanged(dir.path(), &before);
}

#[test]
fn a_locked_vault_with_no_way_to_unlock_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let a = alongside(dir.path()).arg("check").assert().code(3);
    assert!(stderr_of(&a).contains("ALONGSIDE_PASSPHRASE"));
}

#[test]
fn passphrase_from_stdin_unlocks_and_check_passes() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let a = alongside(dir.path())
        .args(["--passphrase-stdin", "check"])
        .write_stdin(format!("{PASS}\n"))
        .assert()
        .success();
    let out = stdout_of(&a);
    for name in ["database", "encryption", "key file"] {
        assert!(
            out.lines().any(|l| l.starts_with(name) && l.contains("ok")),
            "{out}"
        );
    }
}

#[test]
fn passphrase_change_rewraps_and_bad_input_exits_4_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let before = snapshot(dir.path());
    let short = with_pass(dir.path(), PASS)
        .args(["passphrase", "change"])
        .env("ALONGSIDE_NEW_PASSPHRASE", "short")
        .assert()
        .code(4);
    assert!(stderr_of(&short).contains("at least 10 characters"));
    assert_eq!(
        snapshot(dir.path())["keyslots.json"],
        before["keyslots.json"]
    );

    with_pass(dir.path(), PASS)
        .args(["passphrase", "change"])
        .env("ALONGSIDE_NEW_PASSPHRASE", "quiet lighthouse morning")
        .assert()
        .success();
    with_pass(dir.path(), PASS).arg("check").assert().code(3);
    with_pass(dir.path(), "quiet lighthouse morning")
        .arg("check")
        .assert()
        .success();
}

#[test]
fn recovery_code_prints_a_new_code() {
    let dir = tempfile::tempdir().unwrap();
    let old = init(dir.path());
    let a = with_pass(dir.path(), PASS)
        .arg("recovery-code")
        .assert()
        .success();
    let new = stdout_of(&a).trim().to_owned();
    assert_eq!(new.len(), 29);
    assert_ne!(new, old);
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    alongside(dir.path()).arg("frobnicate").assert().code(2);
    alongside(dir.path()).args(["passphrase"]).assert().code(2);
}

#[test]
fn no_keyring_falls_back_to_the_passphrase_with_an_explanation() {
    let dir = tempfile::tempdir().unwrap();
    let a = with_pass(dir.path(), PASS)
        .args(["init", "--remember"])
        .assert()
        .success();
    assert!(
        stderr_of(&a).contains("keyring could not be used"),
        "{}",
        stderr_of(&a)
    );
    let s = alongside(dir.path()).arg("status").assert().success();
    assert!(stdout_of(&s).contains("keyring no"));
    with_pass(dir.path(), PASS).arg("check").assert().success();
}

#[test]
fn the_cli_checks_a_vault_while_another_process_writes_to_it() {
    use alongside_core::vault::{UnlockMethod, Vault};
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let rt = tokio::runtime::Runtime::new().unwrap();
    let vault = Vault::new(dir.path());
    rt.block_on(
        vault.unlock(UnlockMethod::Passphrase(secrecy::SecretString::from(
            PASS.to_owned(),
        ))),
    )
    .unwrap();
    let pool = rt.block_on(vault.pool()).unwrap();
    let writer = rt.spawn(async move {
        for i in 0..300 {
            alongside_core::drafts::save(&pool, &format!("w{i}"), "body")
                .await
                .unwrap();
        }
    });
    for _ in 0..3 {
        with_pass(dir.path(), PASS).arg("check").assert().success();
    }
    rt.block_on(writer).unwrap();
    let s = with_pass(dir.path(), PASS)
        .args(["status", "--json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&s)).unwrap();
    assert_eq!(json["drafts"], 300);
}

/// Runs only inside `dbus-run-session` with an unlocked gnome-keyring (`make test` does this).
#[test]
fn keyring_slot_unlocks_without_a_passphrase() {
    if std::env::var_os("ALONGSIDE_TEST_KEYRING").is_none() {
        eprintln!("skipped: set ALONGSIDE_TEST_KEYRING=1 under a Secret Service session");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let real_bus = std::env::var("DBUS_SESSION_BUS_ADDRESS").unwrap();
    let keyed = |cmd: &mut Command| {
        cmd.env("DBUS_SESSION_BUS_ADDRESS", &real_bus);
    };
    let mut c = with_pass(dir.path(), PASS);
    keyed(&mut c);
    let a = c.args(["init", "--remember"]).assert().success();
    assert!(
        !stderr_of(&a).contains("could not be used"),
        "{}",
        stderr_of(&a)
    );
    let mut c = alongside(dir.path());
    keyed(&mut c);
    let out = c.arg("check").assert().success();
    assert!(stdout_of(&out)
        .lines()
        .any(|l| l.starts_with("keyring") && l.contains("ok")));
    // Without the keyring the same vault explains and exits 3.
    alongside(dir.path()).arg("check").assert().code(3);
    // A backup carries the key: the keyring alone is never enough for it.
    let out = tempfile::tempdir().unwrap();
    let mut c = alongside(dir.path());
    keyed(&mut c);
    let a = c
        .args(["backup", "--out"])
        .arg(out.path().join("b.backup"))
        .env("ALONGSIDE_BACKUP_PASSPHRASE", "meadow copper whistle dune")
        .assert()
        .code(3);
    assert!(stderr_of(&a).contains("needs your passphrase or recovery code"));
    assert!(!out.path().join("b.backup").exists());
}

#[test]
fn demo_search_export_and_import_work_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let vault = dir.path().join("vault");
    std::fs::create_dir(&vault).unwrap();
    init(&vault);
    let made = with_pass(&vault, PASS)
        .args(["demo", "--contributions", "500", "--seed", "3"])
        .assert()
        .success();
    assert!(stdout_of(&made).contains("Made 500 contributions"));

    // Search prints one record per line, private reflections left out.
    let found = with_pass(&vault, PASS)
        .args(["search", "consent form", "--limit", "5"])
        .assert()
        .success();
    let lines: Vec<String> = stdout_of(&found).lines().map(str::to_owned).collect();
    assert!(!lines.is_empty() && lines.len() <= 5);
    assert!(
        lines.iter().all(|l| l.split('\t').count() == 5),
        "{lines:?}"
    );
    assert!(lines[0].contains("[consent]"));

    // Export everything, import it into a new vault; a second import is refused (exit 4).
    let out = dir.path().join("all.json");
    with_pass(&vault, PASS)
        .args([
            "export",
            "--report",
            "all",
            "--format",
            "json",
            "--include-private",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    let second = dir.path().join("second");
    std::fs::create_dir(&second).unwrap();
    init(&second);
    with_pass(&second, PASS)
        .arg("import")
        .arg(&out)
        .assert()
        .success();
    let status = with_pass(&second, PASS)
        .args(["status", "--json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&status)).unwrap();
    assert_eq!(json["records"]["contributions"], 500);
    let before = snapshot(&second);
    let refused = with_pass(&second, PASS)
        .arg("import")
        .arg(&out)
        .assert()
        .code(4);
    assert!(stderr_of(&refused).contains("Nothing was imported"));
    assert_unchanged(&second, &before);

    // A CSV with a bad row: dry run lists the line, exit 4, nothing written.
    let csv = dir.path().join("sheet.csv");
    std::fs::write(
        &csv,
        "Date,Project,Minutes\n2025-01-01,Alpha,60\n2025-13-01,Alpha,60\n",
    )
    .unwrap();
    let dry = with_pass(&second, PASS)
        .arg("import")
        .arg(&csv)
        .arg("--dry-run")
        .assert()
        .code(4);
    assert!(
        stderr_of(&dry).contains("line 3, Date"),
        "{}",
        stderr_of(&dry)
    );
    assert_unchanged(&second, &before);
    std::fs::write(&csv, "Date,Project,Hours spent\n2025-01-01,Alpha,1.5\n").unwrap();
    let ok = with_pass(&second, PASS)
        .arg("import")
        .arg(&csv)
        .args(["--map", "Hours spent=meeting_hours"])
        .assert()
        .success();
    assert!(stdout_of(&ok).contains("Imported 1 contribution (no expense lines)"));

    // A calendar invitation becomes a meeting of the named project; a broken one is refused
    // in a sentence with nothing written.
    let ics = dir.path().join("invite.ics");
    std::fs::write(
        &ics,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Panel\r\n\
         DTSTART:20260331T130000Z\r\nDTEND:20260331T143000Z\r\n\
         ORGANIZER;CN=Fatima Okafor:mailto:f@uni.example\r\nUID:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let before = snapshot(&second);
    let asked = with_pass(&second, PASS)
        .arg("import")
        .arg(&ics)
        .assert()
        .code(2);
    assert!(stderr_of(&asked)
        .contains("Say which project \"Panel\" on 2026-03-31, 14:00–15:30 belongs to"));
    std::fs::write(
        dir.path().join("broken.ics"),
        "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let broken = with_pass(&second, PASS)
        .arg("import")
        .arg(dir.path().join("broken.ics"))
        .args(["--project", "Alpha"])
        .assert()
        .code(4);
    assert!(stderr_of(&broken)
        .contains("This is not a calendar invitation Alongside can read: it holds no meeting."));
    assert_unchanged(&second, &before);
    let people = |dir: &std::path::Path| {
        let status = with_pass(dir, PASS)
            .args(["status", "--json"])
            .assert()
            .success();
        let json: serde_json::Value = serde_json::from_str(&stdout_of(&status)).unwrap();
        (
            json["records"]["people"].as_u64(),
            json["records"]["meetings"].as_u64(),
        )
    };
    let (people_before, meetings_before) = people(&second);
    let added = with_pass(&second, PASS)
        .arg("import")
        .arg(&ics)
        .args(["--project", "Alpha"])
        .assert()
        .success();
    assert!(stdout_of(&added)
        .contains("Added the meeting \"Panel\" on 2026-03-31, 14:00–15:30 to Alpha"));
    let (people_after, meetings_after) = people(&second);
    assert_eq!(
        people_after,
        people_before.map(|n| n + 1),
        "the organiser became a person"
    );
    assert_eq!(meetings_after, meetings_before.map(|n| n + 1));

    // Reports: a real PDF; a format the report has not, an unknown project, a bad date or a
    // missing folder are refused with nothing written.
    let pdf = dir.path().join("r.pdf");
    let made = with_pass(&vault, PASS)
        .args([
            "export",
            "--report",
            "involvement",
            "--format",
            "pdf",
            "--from",
            "2020-01-01",
            "--out",
        ])
        .arg(&pdf)
        .assert()
        .success();
    // The result on standard output; nothing else said.
    assert!(stdout_of(&made).contains("Wrote"));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let md = dir.path().join("r.md");
    with_pass(&vault, PASS)
        .args([
            "export", "--report", "payments", "--format", "md", "--names", "roles", "--out",
        ])
        .arg(&md)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&md)
        .unwrap()
        .contains("# Payments and expenses statement"));
    let refused = [
        (vec!["--report", "meeting", "--format", "csv"], 2),
        (
            vec![
                "--report",
                "involvement",
                "--format",
                "md",
                "--project",
                "No such project",
            ],
            4,
        ),
        (
            vec![
                "--report",
                "involvement",
                "--format",
                "md",
                "--from",
                "2025-02-30",
            ],
            4,
        ),
        (
            vec![
                "--report",
                "payments",
                "--format",
                "md",
                "--leave-out-money",
            ],
            2,
        ),
        (vec!["--report", "nonsense", "--format", "md"], 2),
    ];
    for (args, code) in refused {
        let out = dir.path().join("refused.out");
        let run = with_pass(&vault, PASS)
            .arg("export")
            .args(&args)
            .arg("--out")
            .arg(&out)
            .assert()
            .code(code);
        assert!(!stderr_of(&run).trim().is_empty(), "{args:?}");
        assert!(!out.exists(), "{args:?} wrote a file");
    }
    let nowhere = dir.path().join("missing-folder/r.md");
    let run = with_pass(&vault, PASS)
        .args([
            "export",
            "--report",
            "involvement",
            "--format",
            "md",
            "--out",
        ])
        .arg(&nowhere)
        .assert()
        .code(4);
    assert!(
        stderr_of(&run).contains("does not exist"),
        "{}",
        stderr_of(&run)
    );
    // Wrong passphrase: exit 3.
    with_pass(&vault, "not the passphrase at all")
        .args(["search", "x"])
        .assert()
        .code(3);
}

const BACKUP_PASS: &str = "lighthouse parsnip velvet tides";

#[test]
fn backup_and_restore_round_trip_with_exit_codes_for_bad_passphrase_and_bad_files() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("vault");
    std::fs::create_dir(&dir).unwrap();
    init(&dir);
    with_pass(&dir, PASS)
        .args(["demo", "--contributions", "120"])
        .assert()
        .success();
    let out = home.path().join("alongside.backup");

    // No backup passphrase and no terminal: exit 4, nothing written.
    let a = with_pass(&dir, PASS)
        .arg("backup")
        .arg("--out")
        .arg(&out)
        .assert()
        .code(4);
    assert!(stderr_of(&a).contains("ALONGSIDE_BACKUP_PASSPHRASE"));
    assert!(!out.exists());

    let a = with_pass(&dir, PASS)
        .env("ALONGSIDE_BACKUP_PASSPHRASE", BACKUP_PASS)
        .arg("backup")
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    assert!(
        stdout_of(&a).contains("120 contributions"),
        "{}",
        stdout_of(&a)
    );
    // The reminder to keep the passphrase is a message, not the result.
    assert!(stderr_of(&a).contains("Keep the backup passphrase safe"));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"{\"format\":\"alongside-backup\",\"version\":1,"));

    // Wrong backup passphrase: exit 3, the new folder is not made.
    let new_dir = home.path().join("new computer");
    let a = alongside(&new_dir)
        .env("ALONGSIDE_BACKUP_PASSPHRASE", "a different passphrase")
        .arg("restore")
        .arg(&out)
        .assert()
        .code(3);
    assert_eq!(stderr_of(&a).trim().lines().count(), 1);
    assert!(!new_dir.exists());

    // A damaged file and a foreign file: exit 4, nothing made.
    let damaged = home.path().join("damaged.backup");
    let mut bad = bytes.clone();
    let at = bad.len() - 100;
    bad[at] ^= 1;
    std::fs::write(&damaged, &bad).unwrap();
    let foreign = home.path().join("notes.txt");
    std::fs::write(&foreign, "just some notes\n").unwrap();
    for file in [&damaged, &foreign] {
        let a = alongside(&new_dir)
            .env("ALONGSIDE_BACKUP_PASSPHRASE", BACKUP_PASS)
            .arg("restore")
            .arg(file)
            .assert()
            .code(4);
        assert!(
            stderr_of(&a).contains("cannot be restored"),
            "{}",
            stderr_of(&a)
        );
        assert!(!new_dir.exists());
    }

    // A folder that is not empty: exit 4, left as it was.
    let before = snapshot(&dir);
    alongside(&dir)
        .env("ALONGSIDE_BACKUP_PASSPHRASE", BACKUP_PASS)
        .arg("restore")
        .arg(&out)
        .assert()
        .code(4);
    assert_unchanged(&dir, &before);

    // The real restore opens with the old passphrase and holds the same records.
    alongside(&new_dir)
        .env("ALONGSIDE_BACKUP_PASSPHRASE", BACKUP_PASS)
        .arg("restore")
        .arg(&out)
        .assert()
        .success();
    with_pass(&new_dir, PASS).arg("check").assert().success();
    let status = |d: &Path| {
        let a = with_pass(d, PASS)
            .args(["status", "--json"])
            .assert()
            .success();
        let v: serde_json::Value = serde_json::from_str(&stdout_of(&a)).unwrap();
        v["records"].clone()
    };
    assert_eq!(status(&new_dir), status(&dir));
}

#[test]
fn weak_passphrases_are_refused_with_exit_4() {
    let dir = tempfile::tempdir().unwrap();
    for weak in ["Password12", "alongside2026"] {
        let a = with_pass(dir.path(), weak).arg("init").assert().code(4);
        assert!(stderr_of(&a).contains("easy to guess"), "{}", stderr_of(&a));
        assert!(!dir.path().join("vault.db").exists());
    }
    init(dir.path());
    let a = with_pass(dir.path(), PASS)
        .args(["passphrase", "change"])
        .env("ALONGSIDE_NEW_PASSPHRASE", "Password12")
        .assert()
        .code(4);
    assert!(stderr_of(&a).contains("easy to guess"));
    let out = dir.path().join("b.backup");
    with_pass(dir.path(), PASS)
        .args(["backup", "--out"])
        .arg(&out)
        .env("ALONGSIDE_BACKUP_PASSPHRASE", "alongside2026")
        .assert()
        .code(4);
    assert!(!out.exists());
}

#[test]
fn a_key_file_edited_to_ask_for_4_gib_is_refused_at_once_with_exit_4() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    for name in ["keyslots.json", "keyslots.mirror.json"] {
        let path = dir.path().join(name);
        let mut json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        for slot in json["slots"].as_array_mut().unwrap() {
            slot["kdf"]["memory_kib"] = (4u64 * 1024 * 1024).into();
        }
        std::fs::write(&path, serde_json::to_vec(&json).unwrap()).unwrap();
    }
    let started = std::time::Instant::now();
    let a = with_pass(dir.path(), PASS).arg("check").assert().code(4);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert!(stderr_of(&a).contains("damaged"), "{}", stderr_of(&a));
}

#[test]
fn dangerous_commands_need_the_passphrase_or_recovery_code() {
    let dir = tempfile::tempdir().unwrap();
    let code = init(dir.path());
    let out = tempfile::tempdir().unwrap();
    let backup = out.path().join("b.backup");
    for args in [
        vec!["passphrase", "change"],
        vec!["recovery-code"],
        vec!["rekey"],
        vec!["backup", "--out", backup.to_str().unwrap()],
        vec![
            "export", "--report", "all", "--format", "json", "--out", "x.json",
        ],
    ] {
        let a = alongside(dir.path())
            .args(&args)
            .env("ALONGSIDE_NEW_PASSPHRASE", "orbit kettle tulip marsh")
            .env("ALONGSIDE_BACKUP_PASSPHRASE", "meadow copper whistle dune")
            .assert()
            .code(3);
        assert!(
            stderr_of(&a).contains("needs your passphrase or recovery code"),
            "{args:?}: {}",
            stderr_of(&a)
        );
        alongside(dir.path())
            .args(&args)
            .env("ALONGSIDE_RECOVERY_CODE", "7K2QD-M9XWA-4RTPB-HN3CE-8VFJS")
            .env("ALONGSIDE_NEW_PASSPHRASE", "orbit kettle tulip marsh")
            .env("ALONGSIDE_BACKUP_PASSPHRASE", "meadow copper whistle dune")
            .assert()
            .code(3);
    }
    assert!(!backup.exists());
    // The recovery code stands in for a forgotten passphrase.
    alongside(dir.path())
        .args(["backup", "--out"])
        .arg(&backup)
        .env("ALONGSIDE_RECOVERY_CODE", &code)
        .env("ALONGSIDE_BACKUP_PASSPHRASE", "meadow copper whistle dune")
        .assert()
        .success();
    alongside(dir.path())
        .args(["passphrase", "change"])
        .env("ALONGSIDE_RECOVERY_CODE", &code)
        .env("ALONGSIDE_NEW_PASSPHRASE", "orbit kettle tulip marsh")
        .assert()
        .success();
    with_pass(dir.path(), "orbit kettle tulip marsh")
        .arg("check")
        .assert()
        .success();
}

#[test]
fn rekey_shuts_out_an_old_key_file_and_keeps_the_records() {
    let dir = tempfile::tempdir().unwrap();
    let old_code = init(dir.path());
    with_pass(dir.path(), PASS)
        .args(["demo", "--contributions", "50"])
        .assert()
        .success();
    let old_slots = std::fs::read(dir.path().join("keyslots.json")).unwrap();
    let a = with_pass(dir.path(), PASS).arg("rekey").assert().success();
    let new_code = stdout_of(&a).trim().to_owned();
    assert_eq!(new_code.len(), 29);
    assert_ne!(new_code, old_code);
    let checked = with_pass(dir.path(), PASS).arg("check").assert().success();
    assert!(!stdout_of(&checked).contains("FAIL"));
    alongside(dir.path())
        .arg("check")
        .env("ALONGSIDE_RECOVERY_CODE", &new_code)
        .assert()
        .success();
    let status = with_pass(dir.path(), PASS)
        .args(["status", "--json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&status)).unwrap();
    assert_eq!(json["records"]["contributions"], 50);
    // The old key file with the old passphrase no longer opens the database.
    std::fs::write(dir.path().join("keyslots.json"), &old_slots).unwrap();
    std::fs::write(dir.path().join("keyslots.mirror.json"), &old_slots).unwrap();
    with_pass(dir.path(), PASS).arg("check").assert().code(1);
}

#[test]
fn nothing_is_saved_over_the_vault_and_two_inits_leave_one_vault() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path());
    let before = snapshot(dir.path());
    for target in ["vault.db", "keyslots.json"] {
        let path = dir.path().join(target);
        let a = with_pass(dir.path(), PASS)
            .args([
                "export",
                "--report",
                "involvement",
                "--format",
                "md",
                "--out",
            ])
            .arg(&path)
            .assert()
            .code(4);
        assert!(stderr_of(&a).contains("vault files"), "{}", stderr_of(&a));
        with_pass(dir.path(), PASS)
            .args(["backup", "--out"])
            .arg(&path)
            .env("ALONGSIDE_BACKUP_PASSPHRASE", "meadow copper whistle dune")
            .assert()
            .code(4);
    }
    assert_unchanged(dir.path(), &before);
    with_pass(dir.path(), PASS).arg("check").assert().success();

    let fresh = tempfile::tempdir().unwrap();
    let spawn = || {
        let mut cmd = crate::support::std_with_pass(fresh.path());
        cmd.arg("init")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        cmd.spawn().unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    let codes = [a.status.code(), b.status.code()];
    assert!(
        codes.contains(&Some(0)) && codes.contains(&Some(1)),
        "{codes:?}"
    );
    let loser = if a.status.success() { &b } else { &a };
    let said = String::from_utf8_lossy(&loser.stderr);
    assert!(
        said.contains("already exist in this folder") || said.contains("setting up a vault"),
        "{said}"
    );
    with_pass(fresh.path(), PASS)
        .arg("check")
        .assert()
        .success();
}

#[cfg(unix)]
#[test]
fn every_file_and_folder_is_private_after_init_and_after_restore() {
    use std::os::unix::fs::PermissionsExt;
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("vault");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    init(&dir);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let check = |d: &Path| {
        assert_eq!(mode(d), 0o700, "{}", d.display());
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            assert_eq!(mode(&p), 0o600, "{}", p.display());
        }
    };
    check(&dir);
    let backup = parent.path().join("b.backup");
    with_pass(&dir, PASS)
        .args(["backup", "--out"])
        .arg(&backup)
        .env("ALONGSIDE_BACKUP_PASSPHRASE", "meadow copper whistle dune")
        .assert()
        .success();
    let restored = parent.path().join("restored");
    alongside(&restored)
        .args(["restore"])
        .arg(&backup)
        .env("ALONGSIDE_BACKUP_PASSPHRASE", "meadow copper whistle dune")
        .assert()
        .success();
    check(&restored);
}

/// A full disk and a folder that turns read-only, on a small tmpfs the test mounts itself in a
/// private mount namespace (`unshare`; as a normal user through a user namespace): every
/// writing command says so in one sentence, leaves no partial file, and the vault still opens
/// and passes `check`.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_or_read_only_folder_loses_nothing() {
    let work = tempfile::tempdir().unwrap();
    let fs = work.path().join("small-disk");
    let out = work.path().join("results");
    std::fs::create_dir_all(&fs).unwrap();
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(
        out.join("sheet.csv"),
        "Date,Project,Meeting minutes,What I contributed\n\
         2026-01-14,Disk test,90,Spoke about the leaflet\n",
    )
    .unwrap();
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cli/support/disk_faults.sh");
    let bin = assert_cmd::cargo::cargo_bin("alongside");
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let mut cmd = std::process::Command::new("unshare");
    if !root {
        cmd.args(["--user", "--map-root-user"]);
    }
    let status = cmd
        .args(["--mount", "--propagation", "private", "bash"])
        .arg(&script)
        .arg(&fs)
        .arg(&bin)
        .arg(&out)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", work.path())
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/alongside-test",
        )
        .env("ALONGSIDE_PASSPHRASE", PASS)
        .env("ALONGSIDE_BACKUP_PASSPHRASE", "meadow copper whistle dune")
        .status()
        .unwrap();
    if status.code() == Some(1) && !out.join("codes").exists() {
        eprintln!("skipped: this machine lets no test mount a file system (unshare refused)");
        return;
    }
    assert_eq!(
        status.code(),
        Some(0),
        "the script could not set up its disk"
    );
    let codes: BTreeMap<String, i32> = std::fs::read_to_string(out.join("codes"))
        .unwrap()
        .lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(n, c)| (n.to_owned(), c.parse().unwrap()))
        .collect();
    let err = |name: &str| std::fs::read_to_string(out.join(format!("{name}.err"))).unwrap();
    for ok in ["init", "seed", "seed_backup", "full_check", "ro_check"] {
        assert_eq!(codes[ok], 0, "{ok}: {}", err(ok));
    }
    for (name, sentence) in [
        ("full_demo", "The disk is full: nothing was lost."),
        ("full_import", "The disk is full: nothing was lost."),
        ("full_backup", "The disk is full: nothing was lost."),
        ("full_export", "The disk is full: nothing was lost."),
        ("full_restore", "The disk is full: nothing was lost."),
        ("ro_demo", "read-only"),
        ("ro_backup", "read-only"),
        ("ro_export", "read-only"),
        ("ro_restore", "read-only"),
    ] {
        assert_ne!(codes[name], 0, "{name} claimed success");
        let said = err(name);
        assert!(said.contains(sentence), "{name} said: {said}");
        assert_eq!(
            said.trim().lines().count(),
            1,
            "{name}: one sentence, not {said}"
        );
    }
    for listing in ["full_fs", "ro_fs"] {
        let names = std::fs::read_to_string(out.join(format!("{listing}.txt"))).unwrap();
        let names: Vec<&str> = names.lines().collect();
        for left in [
            "b.backup",
            "x.pdf",
            "c.backup",
            "y.md",
            "restored",
            "restored2",
        ] {
            assert!(
                !names.contains(&left),
                "{listing}: {left} was left: {names:?}"
            );
        }
    }
    let vault_files = std::fs::read_to_string(out.join("full_vault.txt")).unwrap();
    assert!(
        !vault_files.contains(".alongside-"),
        "a temporary file was left: {vault_files}"
    );
}

/// The version of the newest migration in `crates/core/migrations` (its file name's number).
fn newest_migration() -> i64 {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/migrations");
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            e.unwrap()
                .file_name()
                .to_str()?
                .split('_')
                .next()?
                .parse()
                .ok()
        })
        .max()
        .unwrap()
}

/// A lead's session from the command line: find it with `search`, export its record with
/// `--meeting UID` (consent applied, no private notes), and the complete JSON export holds the
/// lead side as documented in docs/export-format.md.
#[test]
fn one_sessions_record_and_the_lead_side_of_the_json_export() {
    let (dir, vault) = demo_vault();
    let found = with_pass(&vault, PASS)
        .args(["search", "joint event"])
        .assert()
        .success();
    let out = stdout_of(&found);
    let line = out
        .lines()
        .find(|l| l.starts_with("meeting\t") && l.contains("Workshop 2"))
        .unwrap_or_else(|| panic!("no session found:\n{out}"));
    let uid = line.split('\t').nth(1).unwrap().to_owned();
    assert_eq!(uuid_version(&uid), 7, "{uid}");

    let md = dir.path().join("session.md");
    with_pass(&vault, PASS)
        .args([
            "export",
            "--report",
            "meeting",
            "--meeting",
            &uid,
            "--names",
            "full",
        ])
        .args(["--format", "md", "--out"])
        .arg(&md)
        .assert()
        .success();
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.contains("Workshop 2 — joint event"), "{text}");
    assert!(text.contains("took part"), "{text}");
    assert!(text.contains("What people said"), "{text}");
    assert!(text.contains("You said, we did"), "{text}");
    assert!(
        !text.contains("Check in with"),
        "a private note leaked:\n{text}"
    );
    assert!(!text.contains("Bea"), "named without consent:\n{text}");
    assert!(
        text.contains(" (Carer) said"),
        "a carer who agreed is named:\n{text}"
    );
    assert_eq!(
        text.lines().filter(|l| l.starts_with("## ")).count(),
        1,
        "one session only:\n{text}"
    );

    // --meeting belongs to the meeting record; an unknown session is invalid input.
    with_pass(&vault, PASS)
        .args([
            "export",
            "--report",
            "involvement",
            "--meeting",
            &uid,
            "--format",
            "md",
            "--out",
        ])
        .arg(dir.path().join("x.md"))
        .assert()
        .code(2);
    with_pass(&vault, PASS)
        .args([
            "export",
            "--report",
            "meeting",
            "--meeting",
            "0190d4e2-7c1a-7b3e-8f00-0123456789ab",
        ])
        .args(["--format", "md", "--out"])
        .arg(dir.path().join("y.md"))
        .assert()
        .code(4);

    let all = dir.path().join("all.json");
    with_pass(&vault, PASS)
        .args(["export", "--report", "all", "--format", "json", "--out"])
        .arg(&all)
        .assert()
        .success();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&all).unwrap()).unwrap();
    assert_eq!(json["version"], 2);
    for array in [
        "people",
        "attendance",
        "consents",
        "voices",
        "you_said_we_did",
        "payments",
    ] {
        let rows = json[array]
            .as_array()
            .unwrap_or_else(|| panic!("{array} missing"));
        assert!(!rows.is_empty(), "{array} is empty");
        for row in rows {
            assert_eq!(
                uuid_version(row["uid"].as_str().unwrap()),
                7,
                "{array}: {row}"
            );
        }
    }
    let people: Vec<&str> = json["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["uid"].as_str().unwrap())
        .collect();
    let consents = json["consents"].as_array().unwrap();
    assert!(consents
        .iter()
        .all(|c| c["quote"].is_boolean() && c["named"].is_boolean()));
    assert!(consents
        .iter()
        .all(|c| people.contains(&c["person_uid"].as_str().unwrap())));
    assert!(
        consents.iter().any(|c| c["withdrawn_on"].is_string()),
        "one withdrawal"
    );
    assert!(consents.iter().any(|c| c["withdrawn_on"].is_null()));
    assert!(consents.iter().any(|c| c["quote"] == false), "a refusal");
    let voices = json["voices"].as_array().unwrap();
    assert!(voices
        .iter()
        .all(|v| v["text"].is_string() && v["meeting_uid"].is_string()));
    assert!(voices.iter().any(|v| v["anonymous"] == true));
    assert!(voices
        .iter()
        .any(|v| v["anonymous"] == false && v["person_uid"].is_string()));
    let items = json["you_said_we_did"].as_array().unwrap();
    assert!(items
        .iter()
        .any(|i| !i["voice_uids"].as_array().unwrap().is_empty()));
    let register = json["attendance"].as_array().unwrap();
    assert!(register.iter().any(|r| r["status"] == "apologies"));
    let payments = json["payments"].as_array().unwrap();
    assert!(payments.iter().all(|p| p["meeting_uid"].is_string()
        && people.contains(&p["person_uid"].as_str().unwrap())
        && p["fee_pence"].is_i64()));
    assert!(
        payments.iter().any(|p| p["paid_on"].is_null()),
        "some unpaid"
    );
    assert!(
        payments.iter().any(|p| p["paid_on"].is_string()),
        "some paid"
    );

    // The CSV for finance (one session's run), and one participant's statement.
    let finance = dir.path().join("finance.csv");
    with_pass(&vault, PASS)
        .args([
            "export",
            "--report",
            "finance",
            "--meeting",
            &uid,
            "--format",
            "csv",
            "--out",
        ])
        .arg(&finance)
        .assert()
        .success();
    let csv = std::fs::read_to_string(&finance).unwrap();
    let rows: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        rows[0],
        "Payee,Reference,Kind,Amount (£),Cost code,Date,Session,Paid on"
    );
    assert!(rows.len() > 2, "{csv}");
    assert!(
        rows[1..].iter().all(|r| r.contains(",RH-PPI-2026,")),
        "{csv}"
    );
    with_pass(&vault, PASS)
        .args(["export", "--report", "finance", "--format", "pdf", "--out"])
        .arg(dir.path().join("finance.pdf"))
        .assert()
        .code(2);
    let paid = payments.iter().find(|p| p["paid_on"].is_string()).unwrap();
    let person_uid = paid["person_uid"].as_str().unwrap();
    let name = json["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["uid"] == person_uid)
        .map(|p| p["data"]["name"].as_str().unwrap().to_owned())
        .unwrap();
    let statement = dir.path().join("statement.md");
    with_pass(&vault, PASS)
        .args([
            "export",
            "--report",
            "statement",
            "--person",
            person_uid,
            "--format",
            "md",
            "--out",
        ])
        .arg(&statement)
        .assert()
        .success();
    let text = std::fs::read_to_string(&statement).unwrap();
    assert!(text.contains("Payment statement"), "{text}");
    assert!(text.contains(&name), "the payee is named:\n{text}");
    with_pass(&vault, PASS)
        .args(["export", "--report", "statement", "--format", "md", "--out"])
        .arg(dir.path().join("nobody.md"))
        .assert()
        .code(2);

    // It imports into an empty vault exactly: the same uids come back.
    let second = dir.path().join("second");
    std::fs::create_dir(&second).unwrap();
    init(&second);
    with_pass(&second, PASS)
        .arg("import")
        .arg(&all)
        .assert()
        .success();
    let again = dir.path().join("again.json");
    with_pass(&second, PASS)
        .args(["export", "--report", "all", "--format", "json", "--out"])
        .arg(&again)
        .assert()
        .success();
    let json2: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&again).unwrap()).unwrap();
    for array in [
        "people",
        "meetings",
        "attendance",
        "consents",
        "voices",
        "you_said_we_did",
        "payments",
    ] {
        assert_eq!(
            json[array], json2[array],
            "{array} differs after a round trip"
        );
    }
}

fn uuid_version(uid: &str) -> u32 {
    let parts: Vec<&str> = uid.split('-').collect();
    assert_eq!(parts.len(), 5, "{uid}");
    parts[2][..1].parse().unwrap()
}

#[test]
fn lang_cy_writes_the_involvement_summary_in_welsh_and_refuses_what_is_not_translated() {
    let (dir, vault) = demo_vault();
    let html = dir.path().join("cy.html");
    with_pass(&vault, PASS)
        .args([
            "--lang",
            "cy",
            "export",
            "--report",
            "involvement",
            "--format",
            "html",
        ])
        .args(["--bilingual", "--out"])
        .arg(&html)
        .assert()
        .success();
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<html lang=\"cy\">"));
    assert!(page.contains("<h1>Crynodeb cyfranogiad</h1>"));
    assert!(page.contains("<div lang=\"en-GB\">") && page.contains("<h1>Involvement summary</h1>"));
    // A report not yet in Welsh, and a language Alongside does not speak: usage errors.
    let refused = with_pass(&vault, PASS)
        .args([
            "--lang", "cy", "export", "--report", "payments", "--format", "md", "--out",
        ])
        .arg(dir.path().join("p.md"))
        .assert()
        .code(2);
    assert!(stderr_of(&refused).contains("not written in Cymraeg yet"));
    assert!(!dir.path().join("p.md").exists());
    with_pass(&vault, PASS)
        .args(["--lang", "fr", "status"])
        .assert()
        .code(2);
}
