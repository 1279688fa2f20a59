//! What the command-line tests share: the `alongside` binary run with a clean environment in a
//! vault folder, and the one passphrase of their vaults.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // tests may panic

use std::path::Path;

/// The passphrase of every test vault.
pub const PASS: &str = "tea garden bicycle stars";

/// The built `alongside` with nothing of this machine's environment but `PATH`, its home in `dir`,
/// no keyring (D-Bus points at nothing) and `--data-dir dir`.
pub fn std_command(dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("alongside"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
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
