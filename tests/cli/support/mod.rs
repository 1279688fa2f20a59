//! What the command-line tests share: the `alongside` binary run with a clean environment in a
//! vault folder, and the one passphrase of their vaults.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // tests may panic

use std::path::Path;

/// The passphrase of every test vault.
pub const PASS: &str = "tea garden bicycle stars";

/// The program under test: the built `alongside`, or the Windows build named by
/// `ALONGSIDE_TEST_EXE` run through Wine (`make windows-test`).
pub fn program() -> std::process::Command {
    match std::env::var_os("ALONGSIDE_TEST_EXE") {
        Some(exe) => {
            let mut cmd = std::process::Command::new("wine");
            cmd.arg(exe);
            cmd
        }
        None => std::process::Command::new(assert_cmd::cargo::cargo_bin("alongside")),
    }
}

/// Whether the program under test is the Windows build under Wine.
pub fn under_wine() -> bool {
    std::env::var_os("ALONGSIDE_TEST_EXE").is_some()
}

/// The built `alongside` with nothing of this machine's environment but `PATH` (and Wine's own
/// settings under Wine), its home in `dir`, no keyring (D-Bus points at nothing) and
/// `--data-dir dir`.
pub fn std_command(dir: &Path) -> std::process::Command {
    let mut cmd = program();
    cmd.env_clear();
    for wine in ["WINEPREFIX", "WINEDEBUG", "WINESERVER", "DISPLAY"] {
        if let Some(value) = std::env::var_os(wine).filter(|_| under_wine()) {
            cmd.env(wine, value);
        }
    }
    cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir)
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/alongside-test",
        )
        .arg("--data-dir")
        .arg(dir);
    cmd
}

/// The same with the vault's passphrase given.
pub fn std_with_pass(dir: &Path) -> std::process::Command {
    let mut cmd = std_command(dir);
    cmd.env("ALONGSIDE_PASSPHRASE", PASS);
    cmd
}
