//! The command line's arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Alongside: a private, encrypted journal of involvement in research and services.
#[derive(Debug, Parser)]
#[command(name = "alongside", version, about)]
pub struct Cli {
    /// The data folder (defaults to the app's own; env ALONGSIDE_DATA_DIR also sets it).
    #[arg(long, global = true, env = "ALONGSIDE_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Read the passphrase from standard input instead of ALONGSIDE_PASSPHRASE or the keyring.
    #[arg(long, global = true)]
    pub passphrase_stdin: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a vault (fails if one exists). Prints the recovery code once.
    Init {
        /// Also unlock automatically on this computer (stores the key in the OS keyring).
        #[arg(long)]
        remember: bool,
    },
    /// Locked or unlocked facts, counts and schema version (never a secret).
    Status {
        /// Print JSON instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Integrity check of the database, its encryption and the key slots.
    Check,
    /// Passphrase commands.
    Passphrase {
        #[command(subcommand)]
        action: PassphraseAction,
    },
    /// Make a new recovery code (printed once); the old one stops working.
    RecoveryCode,
}

/// Passphrase commands.
#[derive(Debug, Subcommand)]
pub enum PassphraseAction {
    /// Change the passphrase (new one from ALONGSIDE_NEW_PASSPHRASE or a prompt).
    Change,
}
