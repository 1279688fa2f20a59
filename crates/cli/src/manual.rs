//! `completions SHELL` and `man`: shell completions and the manual page, made from the same
//! argument definitions the command line parses with (`clap_complete`, `clap_mangen`), so they
//! never drift from it. Both print to standard output and need no vault.

use clap::CommandFactory;

use crate::args::Cli;
use crate::exit::{CliError, OK, RUNTIME};

/// A pipe closed early (`alongside man | head`) is not a failure.
fn written(result: std::io::Result<()>) -> Result<u8, CliError> {
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::Plain(
            RUNTIME,
            format!("Could not print it: {e}."),
        )),
        _ => Ok(OK),
    }
}

/// Prints the completions for `shell`.
pub fn completions(shell: clap_complete::Shell) -> Result<u8, CliError> {
    let mut command = Cli::command();
    let mut out = std::io::stdout();
    clap_complete::generate(shell, &mut command, "alongside", &mut out);
    written(std::io::Write::flush(&mut out))
}

/// Prints the manual page (roff).
pub fn man() -> Result<u8, CliError> {
    written(clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout()))
}
