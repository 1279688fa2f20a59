//! Exit codes (docs/cli.md) and the one-sentence error the command line prints.

use alongside_core::{CoreError, ErrorCode};

/// Success.
pub const OK: u8 = 0;
/// A runtime failure.
pub const RUNTIME: u8 = 1;
/// A usage error (as clap reports its own).
pub const USAGE: u8 = 2;
/// Wrong passphrase, or the vault could not be unlocked.
pub const LOCKED: u8 = 3;
/// Invalid input; nothing was written.
pub const INVALID: u8 = 4;

/// An error on its way to the terminal.
#[derive(Debug)]
pub enum CliError {
    /// From the core.
    Core(CoreError),
    /// From the command line itself, with its exit code.
    Plain(u8, String),
}

impl From<CoreError> for CliError {
    fn from(e: CoreError) -> Self {
        CliError::Core(e)
    }
}

impl CliError {
    /// The exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Plain(code, _) => *code,
            CliError::Core(CoreError::KeyFileDamaged(_)) => INVALID,
            CliError::Core(e) => match e.code() {
                ErrorCode::WrongPassphrase
                | ErrorCode::VaultLocked
                | ErrorCode::KeyringUnavailable
                | ErrorCode::SlotsUnusable
                | ErrorCode::ReauthRequired
                | ErrorCode::NotAddressed => LOCKED,
                ErrorCode::InvalidInput => INVALID,
                _ => RUNTIME,
            },
        }
    }

    /// One clear sentence.
    pub fn message(&self) -> String {
        match self {
            CliError::Plain(_, m) => m.clone(),
            CliError::Core(e) => e.to_string(),
        }
    }
}
