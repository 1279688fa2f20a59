//! Where the command line gets passphrases: environment, standard input, or a prompt.

use std::io::{BufRead, IsTerminal, Read};
use std::path::Path;

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

/// The most read from a passphrase file: a passphrase is one short line.
const MOST_FILE_BYTES: u64 = 4096;

/// Where the command line said the passphrase comes from.
#[derive(Debug, Clone, Copy)]
pub enum Given<'a> {
    /// `ALONGSIDE_PASSPHRASE` (or, failing it, the recovery code, the keyring or a prompt).
    Environment,
    /// `--passphrase-stdin`: the first line of standard input.
    Stdin,
    /// `--passphrase-file FILE`: the first line of the file.
    File(&'a Path),
}

fn read_file_line(path: &Path) -> Result<SecretString, CliError> {
    let unreadable = |e: std::io::Error| {
        CliError::Plain(
            INVALID,
            format!(
                "Could not read the passphrase file {}: {}.",
                path.display(),
                e.kind()
            ),
        )
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    warn_if_shared(&file, path);
    let mut text = String::new();
    file.take(MOST_FILE_BYTES)
        .read_to_string(&mut text)
        .map_err(unreadable)?;
    let line = text
        .lines()
        .next()
        .unwrap_or_default()
        .trim_end_matches('\r')
        .to_owned();
    text.clear();
    if line.is_empty() {
        return Err(CliError::Plain(
            INVALID,
            format!(
                "The passphrase file {} has no passphrase on its first line.",
                path.display()
            ),
        ));
    }
    Ok(SecretString::from(line))
}

/// Says so when others on this computer could read the passphrase file.
#[cfg(unix)]
fn warn_if_shared(file: &std::fs::File, path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if file
        .metadata()
        .is_ok_and(|m| m.permissions().mode() & 0o077 != 0)
    {
        eprintln!(
            "The passphrase file {} can be read by others on this computer; `chmod 600` it.",
            path.display()
        );
    }
}

#[cfg(not(unix))]
fn warn_if_shared(_file: &std::fs::File, _path: &Path) {}

fn prompt(label: &str) -> Result<SecretString, CliError> {
    rpassword::prompt_password(label)
        .map(SecretString::from)
        .map_err(|e| CliError::Plain(INVALID, format!("Could not read the passphrase: {e}.")))
}

/// The passphrase to unlock with, if one was given (environment, standard input or a file).
pub fn given_passphrase(given: Given<'_>) -> Result<Option<SecretString>, CliError> {
    match given {
        Given::Stdin => read_stdin_line().map(Some),
        Given::File(path) => read_file_line(path).map(Some),
        Given::Environment => Ok(from_env(PASSPHRASE_ENV)),
    }
}

/// The passphrase or recovery code a dangerous command needs (never the keyring): from the
/// environment or standard input, else asked at the terminal.
pub fn required_proof(given: Given<'_>, act: &str) -> Result<Proof, CliError> {
    if let Some(p) = given_passphrase(given)? {
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
             --passphrase-stdin or --passphrase-file."
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
            "The vault is locked: set {PASSPHRASE_ENV}, use --passphrase-stdin or \
             --passphrase-file, or turn on unlocking from this computer's keyring."
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
