//! One program, two names: the Linux packages install `/usr/bin/alongside` as a link to the app,
//! and the app run under that name is the command line (docs/cli.md), which keeps the package
//! from carrying a second copy of the core.

use std::ffi::OsStr;
use std::path::Path;

/// The command line's name; a program started under it (with or without `.exe`) is the CLI.
pub const CLI_NAME: &str = "alongside";

/// Whether the program named by `argv0` (its first argument) should run as the command line.
pub fn run_as_cli(argv0: Option<&OsStr>) -> bool {
    argv0
        .map(Path::new)
        .and_then(Path::file_stem)
        .is_some_and(|stem| stem == CLI_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_cli_name_runs_the_cli() {
        let cli = |s: &str| run_as_cli(Some(OsStr::new(s)));
        assert!(cli("alongside"));
        assert!(cli("/usr/bin/alongside"));
        assert!(cli("alongside.exe"));
        assert!(!cli("alongside-app"));
        assert!(!cli("/usr/bin/alongside-app"));
        assert!(!cli("Alongside"));
        assert!(!run_as_cli(None));
    }
}
