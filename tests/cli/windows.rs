//! What only the Windows build can show (run under Wine by `make windows-test`; elsewhere each
//! test says it was skipped).

use assert_cmd::Command;

use crate::black_box::{stderr_of, stdout_of};
use crate::support::{std_command, std_with_pass, under_wine};

/// "Unlock automatically" keeps the key in Windows Credential Manager (the `keyring` crate's
/// `windows-native` store): the vault then opens with no passphrase, and `check` says the
/// keyring slot works.
#[test]
fn the_credential_manager_remembers_the_key() {
    if !under_wine() {
        eprintln!("skipped: needs the Windows build under Wine (make windows-test)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let created = Command::from_std(std_with_pass(dir.path()))
        .args(["init", "--remember"])
        .assert()
        .success();
    assert!(
        !stderr_of(&created).contains("could not be used"),
        "{}",
        stderr_of(&created)
    );
    let status = Command::from_std(std_command(dir.path()))
        .arg("status")
        .assert()
        .success();
    assert!(
        stdout_of(&status).contains("keyring yes"),
        "{}",
        stdout_of(&status)
    );
    let checked = Command::from_std(std_command(dir.path()))
        .arg("check")
        .assert()
        .success();
    assert!(stdout_of(&checked)
        .lines()
        .any(|l| l.starts_with("keyring") && l.contains("ok")));
}
