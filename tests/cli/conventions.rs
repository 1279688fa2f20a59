//! The command line's conventions (docs/cli.md): `--json` results parsed and checked against
//! their documented shape, `--passphrase-file`, results on standard output and messages on
//! standard error, progress drawn only on a terminal (tried under a real pseudo-terminal with
//! `script`), and `NO_COLOR`.

use std::path::Path;

use serde_json::Value;

use crate::black_box::{init, stderr_of, stdout_of};
use crate::support::{std_command, std_with_pass, PASS};

fn run(dir: &Path, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::from_std(std_with_pass(dir));
    cmd.args(args);
    cmd
}

fn json_of(a: &assert_cmd::assert::Assert) -> Value {
    let out = stdout_of(a);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

/// Fails unless `value` is an object with exactly `keys`.
fn has_keys(value: &Value, keys: &[&str]) {
    let mut found: Vec<&str> = value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .map(String::as_str)
        .collect();
    found.sort_unstable();
    let mut wanted = keys.to_vec();
    wanted.sort_unstable();
    assert_eq!(found, wanted, "{value}");
}

#[test]
fn json_results_have_their_documented_shape_and_progress_stays_off_pipes() {
    let vault = tempfile::tempdir().unwrap();
    let dir = vault.path();
    init(dir);
    // Not a terminal: no progress (no bar, no carriage returns) on standard error.
    let demo = run(dir, &["demo", "--contributions", "3000", "--seed", "4"])
        .assert()
        .success();
    assert!(stdout_of(&demo).starts_with("Made 3000 contributions"));
    assert_eq!(stderr_of(&demo), "", "nothing but the result");

    let status = json_of(&run(dir, &["--json", "status"]).assert().success());
    has_keys(
        &status,
        &[
            "exists",
            "unlocked",
            "slots",
            "slots_problem",
            "schema_version",
            "drafts",
            "records",
            "auto_lock_minutes",
        ],
    );
    assert_eq!(status["exists"], true);
    // `status --json` as before (the flag may come after the command).
    let again = json_of(&run(dir, &["status", "--json"]).assert().success());
    assert_eq!(again["exists"], true);

    let check = json_of(&run(dir, &["check", "--json"]).assert().success());
    has_keys(&check, &["ok", "items"]);
    assert_eq!(check["ok"], true);
    for item in check["items"].as_array().unwrap() {
        has_keys(item, &["name", "ok", "detail"]);
    }

    let search = json_of(
        &run(dir, &["search", "consent", "--json"])
            .assert()
            .success(),
    );
    has_keys(&search, &["hits"]);
    let hits = search["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    has_keys(
        &hits[0],
        &["kind", "id", "uid", "title", "date", "snippet", "private"],
    );
    has_keys(&hits[0]["snippet"][0], &["text", "hit"]);

    let pdf = dir.join("summary.pdf");
    let exported = run(
        dir,
        &["export", "--report", "involvement", "--json", "--out"],
    )
    .arg(&pdf)
    .assert()
    .success();
    assert_eq!(stderr_of(&exported), "");
    let exported = json_of(&exported);
    has_keys(
        &exported,
        &["report", "format", "path", "bytes", "marked_claimed"],
    );
    assert_eq!(exported["report"], "involvement");
    assert_eq!(exported["format"], "pdf");
    assert_eq!(
        exported["bytes"].as_u64().unwrap(),
        std::fs::metadata(&pdf).unwrap().len()
    );
    assert_eq!(exported["marked_claimed"], Value::Null);

    let all = dir.join("all.json");
    let everything = json_of(
        &run(
            dir,
            &[
                "export", "--report", "all", "--format", "json", "--json", "--out",
            ],
        )
        .arg(&all)
        .assert()
        .success(),
    );
    assert_eq!(everything["report"], "all");

    // A CSV with a bad row: exit 4, the problems in the JSON, nothing written.
    let csv = dir.join("bad.csv");
    std::fs::write(
        &csv,
        "Date,Project,Minutes\n2026-01-05,Heron,60\nnot a date,Heron,30\n",
    )
    .unwrap();
    let bad = run(dir, &["import", "--dry-run", "--json"])
        .arg(&csv)
        .assert()
        .code(4);
    let bad = json_of(&bad);
    has_keys(
        &bad,
        &[
            "dry_run",
            "written",
            "counts",
            "new_projects",
            "ignored_columns",
            "problems",
            "more_problems",
        ],
    );
    assert_eq!(bad["written"], false);
    let problem = &bad["problems"][0];
    has_keys(problem, &["line", "place", "message"]);
    assert_eq!(problem["line"], 3);

    // Backup and restore into a new folder.
    let backup = dir.join("vault.alongside-backup");
    let made = run(dir, &["backup", "--json", "--out"])
        .arg(&backup)
        .env("ALONGSIDE_BACKUP_PASSPHRASE", "otter meadow lantern")
        .assert()
        .success();
    assert!(!stderr_of(&made).contains('\r'));
    let made = json_of(&made);
    has_keys(&made, &["path", "made_at", "size_kib", "counts"]);
    assert_eq!(made["counts"]["contributions"], 3000);
    let other = tempfile::tempdir().unwrap();
    let restored = json_of(
        &assert_cmd::Command::from_std(std_command(other.path()))
            .args(["restore", "--json"])
            .arg(&backup)
            .env("ALONGSIDE_BACKUP_PASSPHRASE", "otter meadow lantern")
            .assert()
            .success(),
    );
    has_keys(&restored, &["data_dir", "made_at", "counts"]);
    assert_eq!(restored["counts"]["contributions"], 3000);

    // A command without a JSON form says so (usage, exit 2).
    let refused = run(dir, &["contact", "list", "--json"]).assert().code(2);
    assert!(stderr_of(&refused).contains("--json is for status, check, search"));
}

#[test]
fn the_passphrase_can_come_from_a_file() {
    let vault = tempfile::tempdir().unwrap();
    let dir = vault.path();
    init(dir);
    // Outside the data folder (whose files the command line keeps private to their owner).
    let elsewhere = tempfile::tempdir().unwrap();
    let file = elsewhere.path().join("pass.txt");
    std::fs::write(&file, format!("{PASS}\nignored second line\n")).unwrap();
    let quiet = |f: &Path| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o600)).unwrap();
    };
    quiet(&file);
    let unlocked = assert_cmd::Command::from_std(std_command(dir))
        .args(["status", "--json", "--passphrase-file"])
        .arg(&file)
        .assert()
        .success();
    assert_eq!(json_of(&unlocked)["unlocked"], true);
    assert_eq!(stderr_of(&unlocked), "");

    // Readable by others: it still works, and says so (without the passphrase).
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let shared = assert_cmd::Command::from_std(std_command(dir))
        .args(["check", "--passphrase-file"])
        .arg(&file)
        .assert()
        .success();
    assert!(stderr_of(&shared).contains("can be read by others on this computer"));
    assert!(!stderr_of(&shared).contains(PASS));

    // Wrong, empty or missing: the usual refusals.
    let wrong = elsewhere.path().join("wrong.txt");
    std::fs::write(&wrong, "not the passphrase\n").unwrap();
    quiet(&wrong);
    assert_cmd::Command::from_std(std_command(dir))
        .args(["check", "--passphrase-file"])
        .arg(&wrong)
        .assert()
        .code(3);
    let empty = elsewhere.path().join("empty.txt");
    std::fs::write(&empty, "\n").unwrap();
    quiet(&empty);
    let refused = assert_cmd::Command::from_std(std_command(dir))
        .args(["check", "--passphrase-file"])
        .arg(&empty)
        .assert()
        .code(4);
    assert!(stderr_of(&refused).contains("has no passphrase on its first line"));
    assert_cmd::Command::from_std(std_command(dir))
        .args(["check", "--passphrase-file"])
        .arg(dir.join("missing.txt"))
        .assert()
        .code(4);
    // Not with --passphrase-stdin as well.
    assert_cmd::Command::from_std(std_command(dir))
        .args(["check", "--passphrase-stdin", "--passphrase-file"])
        .arg(&file)
        .assert()
        .code(2);
}

/// Runs `alongside ARGS` on `dir` under a pseudo-terminal (util-linux `script`), with
/// `NO_COLOR` set when asked; what the terminal showed.
fn on_a_terminal(dir: &Path, args: &str, no_colour: bool) -> String {
    let bin = assert_cmd::cargo::cargo_bin("alongside");
    let typescript = dir.join("typescript");
    let command = format!(
        "{} --data-dir {} {args} < /dev/null",
        bin.display(),
        dir.display()
    );
    let mut script = std::process::Command::new("script");
    script
        .args(["--quiet", "--return", "--command", &command])
        .arg(&typescript)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir)
        .env("TERM", "xterm-256color")
        .env("ALONGSIDE_PASSPHRASE", PASS)
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/alongside-test",
        );
    if no_colour {
        script.env("NO_COLOR", "1");
    }
    let status = script.status().unwrap();
    assert!(status.success(), "{args} failed under a terminal");
    let shown = std::fs::read(&typescript).unwrap();
    std::fs::remove_file(&typescript).unwrap();
    String::from_utf8_lossy(&shown).into_owned()
}

#[test]
fn a_terminal_sees_progress_in_colour_unless_no_color_is_set() {
    let vault = tempfile::tempdir().unwrap();
    let dir = vault.path();
    init(dir);
    let shown = on_a_terminal(dir, "demo --contributions 20000 --seed 3", false);
    assert!(shown.contains("Making demo records"), "{shown}");
    assert!(shown.contains("\u{1b}[36m"), "the bar is drawn in colour");
    assert!(shown.contains("Made 20000 contributions"));

    let plain = on_a_terminal(dir, "export --report involvement --out plain.pdf", true);
    assert!(plain.contains("Wrote "), "{plain}");
    let colours = ["\u{1b}[3", "\u{1b}[9", "\u{1b}[1m"];
    assert!(
        !colours.iter().any(|c| plain.contains(c)),
        "NO_COLOR: no colour codes in {plain:?}"
    );
}

#[test]
fn completions_and_the_manual_page_come_from_the_same_definitions() {
    let nowhere = tempfile::tempdir().unwrap();
    let dir = nowhere.path().join("never made");
    let run_bare = |args: &[&str]| {
        assert_cmd::Command::from_std(std_command(&dir))
            .args(args)
            .assert()
            .success()
    };
    let bash = stdout_of(&run_bare(&["completions", "bash"]));
    assert!(bash.contains("_alongside()"), "{bash}");
    for word in ["attach", "claim-details", "--passphrase-file", "--expense"] {
        assert!(bash.contains(word), "bash completions lack {word}");
    }
    assert!(stdout_of(&run_bare(&["completions", "zsh"])).starts_with("#compdef alongside"));
    assert!(stdout_of(&run_bare(&["completions", "fish"])).contains("complete -c alongside"));
    let man = stdout_of(&run_bare(&["man"]));
    assert!(man.contains(".TH alongside 1"), "{man}");
    assert!(man.contains("passphrase\\-file"), "{man}");
    // Neither looked at (or made) a data folder.
    assert!(!dir.exists());
    assert_cmd::Command::from_std(std_command(&dir))
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
}
