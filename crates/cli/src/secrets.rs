//! Where the command line gets passphrases: environment, standard input, or a prompt.

use std::io::{BufRead, IsTerminal};

use alongside_core::vault::Proof;
use secrecy::{ExposeSecret, SecretString};

use crate::exit::{CliError, INVALID, LOCKED};

/// Environment variable holding the passphrase.
pub const PASSPHRASE_ENV: &str = "ALONGSIDE_PASSPHRASE";
/// Environment variable holding the backup passphrase for `backup` and `restore`.
pub const BACKUP_PASSPHRASE_ENV: &str = "ALONGSIDE_BACKUP_PASSPHRASE";
/// Environment variable holding the recovery code, to use instead of the passphrase.
pub const RECOVERY_CODE_ENV: &str = "ALONGSIDE_RECOVERY_CODE";
/// Environment variable holding the new passphrase for `passphrase change`.
pub const NEW_PASSPHRASE_ENV: &str = "ALONGSIDE_NEW_PASSPHRASE";

fn from_env(var: &str) -> Option<SecretString> {
    std::env::var(var)
        .ok()
        .filter(|v| !v.is_empty())
        .map(SecretString::from)
}

fn read_stdin_line() -> Result<SecretString, CliError> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| CliError::Plain(INVALID, format!("Could not read the passphrase: {e}.")))?;
    let trimmed = line.trim_end_matches(['\r', '\n']).to_owned();
    line.clear();
    if trimmed.is_empty() {
        return Err(CliError::Plain(
            INVALID,
            "No passphrase was given on standard input.".into(),
        ));
    }
    Ok(SecretString::from(trimmed))
}

fn prompt(label: &str) -> Result<SecretString, CliError> {
    rpassword::prompt_password(label)
        .map(SecretString::from)
        .map_err(|e| CliError::Plain(INVALID, format!("Could not read the passphrase: {e}.")))
}

/// The passphrase to unlock with, if one was given (environment or standard input).
pub fn given_passphrase(stdin: bool) -> Result<Option<SecretString>, CliError> {
    if stdin {
        return read_stdin_line().map(Some);
    }
    Ok(from_env(PASSPHRASE_ENV))
}

/// The passphrase or recovery code a dangerous command needs (never the keyring): from the
/// environment or standard input, else asked at the terminal.
pub fn required_proof(stdin: bool, act: &str) -> Result<Proof, CliError> {
    if let Some(p) = given_passphrase(stdin)? {
        return Ok(Proof::passphrase(&p));
    }
    if let Some(code) = from_env(RECOVERY_CODE_ENV) {
        return Ok(Proof::recovery_code(&code));
    }
    if std::io::stdin().is_terminal() {
        return Ok(Proof::passphrase(&prompt("Passphrase: ")?));
    }
    Err(CliError::Plain(
        LOCKED,
        format!(
            "{act} needs your passphrase or recovery code, even when this computer's keyring \
             could unlock the vault: set {PASSPHRASE_ENV} or {RECOVERY_CODE_ENV}, or use \
             --passphrase-stdin."
        ),
    ))
}

/// The recovery code given in the environment, if any (unlocks like the passphrase).
pub fn given_recovery_code() -> Option<SecretString> {
    from_env(RECOVERY_CODE_ENV)
}

/// Asks for the passphrase at the terminal when there is one; otherwise says how to give it.
pub fn prompt_passphrase() -> Result<SecretString, CliError> {
    if std::io::stdin().is_terminal() {
        return prompt("Passphrase: ");
    }
    Err(CliError::Plain(
        LOCKED,
        format!(
            "The vault is locked: set {PASSPHRASE_ENV}, use --passphrase-stdin, or turn on \
             unlocking from this computer's keyring."
        ),
    ))
}

/// The backup passphrase: from the environment, else asked at the terminal (twice when
/// `confirm`, as for a new backup).
pub fn backup_passphrase(confirm: bool) -> Result<SecretString, CliError> {
    if let Some(p) = from_env(BACKUP_PASSPHRASE_ENV) {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(CliError::Plain(
            INVALID,
            format!("No backup passphrase was given: set {BACKUP_PASSPHRASE_ENV}."),
        ));
    }
    let first = prompt("Backup passphrase: ")?;
    if confirm
        && first.expose_secret() != prompt("The same backup passphrase again: ")?.expose_secret()
    {
        return Err(CliError::Plain(
            INVALID,
            "The two passphrases were different; no backup was made.".into(),
        ));
    }
    Ok(first)
}

/// A new passphrase: from `env_var`, else asked twice at the terminal.
pub fn new_passphrase(
    env_var: &str,
    given: Option<SecretString>,
) -> Result<SecretString, CliError> {
    if let Some(p) = from_env(env_var).or(given) {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(CliError::Plain(
            INVALID,
            format!("No new passphrase was given: set {env_var}."),
        ));
    }
    let first = prompt("New passphrase: ")?;
    let again = prompt("The same passphrase again: ")?;
    if first.expose_secret() != again.expose_secret() {
        return Err(CliError::Plain(
            INVALID,
            "The two passphrases were different; nothing was changed.".into(),
        ));
    }
    Ok(first)
}
