//! Typed errors of the core and the shape they take across IPC and on the command line.

use serde::Serialize;
use specta::Type;

/// Everything that can go wrong inside the core.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// The vault is locked; unlock it first.
    #[error("Your records are locked. Unlock them to continue.")]
    VaultLocked,
    /// No vault exists in the data folder.
    #[error("There are no locked records in this folder yet.")]
    NoVault,
    /// A vault already exists where a new one was asked for.
    #[error("Locked records already exist in this folder; they have not been changed.")]
    VaultExists,
    /// The passphrase or recovery code did not open any key slot.
    #[error("{0}")]
    WrongSecret(String),
    /// The key-slot file is missing or damaged while the database is present.
    #[error("{0}")]
    SlotsUnusable(String),
    /// The key-slot file is there but damaged or holds settings outside safe bounds.
    #[error("{0}")]
    KeyFileDamaged(String),
    /// Another Alongside process is creating or restoring a vault in the same folder.
    #[error("{0}")]
    Busy(String),
    /// A dangerous act needs the passphrase or recovery code typed again.
    #[error("{0}")]
    ReauthRequired(String),
    /// The operating system's keyring cannot be used.
    #[error("{0}")]
    KeyringUnavailable(String),
    /// The input was refused; `field` names the offending field when there is one.
    #[error("{message}")]
    InvalidInput {
        /// Field the message is about.
        field: Option<String>,
        /// Plain-English explanation.
        message: String,
    },
    /// The record asked for does not exist (or was deleted).
    #[error("{0}")]
    NotFound(String),
    /// The database failed its integrity checks.
    #[error("{0}")]
    Damaged(String),
    /// A shared file is not addressed to this vault, or its passphrase is wrong.
    #[error("{0}")]
    NotAddressed(String),
    /// A storage error from SQLite/SQLCipher.
    #[error("{}", describe_database(.0))]
    Database(#[from] sqlx::Error),
    /// A migration could not be applied; the pre-migration copy was kept.
    #[error("Your records could not be upgraded ({0}). A copy made before the upgrade was kept.")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// A file could not be read or written.
    #[error("{}", describe_io(.0))]
    Io(#[from] std::io::Error),
    /// The person cancelled long work; nothing was written.
    #[error("Cancelled; nothing was written.")]
    Cancelled,
    /// Anything else the core did not expect.
    #[error("{0}")]
    Internal(String),
}

/// When the disk is full.
pub const DISK_FULL: &str = "The disk is full: nothing was lost. Free some space, then try again.";
/// When the folder has become read-only.
pub const READ_ONLY: &str =
    "The folder can no longer be written to (it has become read-only): nothing was lost.";

/// A fault of the machine (full disk, read-only folder) in one plain sentence, if it is one.
fn machine_fault_of_io(e: &std::io::Error) -> Option<&'static str> {
    match e.raw_os_error() {
        // ENOSPC, EDQUOT (a quota is also "full" to the person).
        Some(28 | 122) => Some(DISK_FULL),
        // EROFS.
        Some(30) => Some(READ_ONLY),
        _ => match e.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => Some(DISK_FULL),
            std::io::ErrorKind::ReadOnlyFilesystem => Some(READ_ONLY),
            _ => None,
        },
    }
}

/// The data folders of the vaults this process opened: SQLite reports a write that failed for
/// want of space as a plain I/O error (`SQLITE_IOERR_WRITE`, the system's own error left
/// behind), so the folders are looked at to tell a full or read-only disk from other damage.
static VAULT_FOLDERS: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Remembers a vault's folder for telling a full or read-only disk apart (see above).
pub(crate) fn watch_folder(dir: &std::path::Path) {
    if let Ok(mut folders) = VAULT_FOLDERS.lock() {
        if !folders.iter().any(|d| d == dir) {
            folders.push(dir.to_path_buf());
        }
    }
}

/// A full or read-only file system under one of the vault folders, if there is one.
fn fault_of_vault_folders() -> Option<&'static str> {
    let folders = VAULT_FOLDERS.lock().ok()?.clone();
    folders.iter().find_map(|d| folder_fault(d))
}

#[cfg(target_os = "linux")]
fn folder_fault(dir: &std::path::Path) -> Option<&'static str> {
    let vfs = rustix::fs::statvfs(dir).ok()?;
    if vfs.f_flag.contains(rustix::fs::StatVfsMountFlags::RDONLY) {
        Some(READ_ONLY)
    } else if vfs.f_bavail.saturating_mul(vfs.f_frsize) < 256 * 1024 {
        Some(DISK_FULL)
    } else {
        None
    }
}

#[cfg(not(target_os = "linux"))]
fn folder_fault(_dir: &std::path::Path) -> Option<&'static str> {
    None
}

fn machine_fault_of_database(e: &sqlx::Error) -> Option<&'static str> {
    match e {
        sqlx::Error::Io(io) => machine_fault_of_io(io),
        sqlx::Error::Database(db) => {
            let primary = db.code()?.parse::<i32>().ok()? & 0xff;
            match primary {
                // SQLITE_FULL
                13 => Some(DISK_FULL),
                // SQLITE_READONLY
                8 => Some(READ_ONLY),
                // SQLITE_IOERR, SQLITE_CANTOPEN: the disk may be the cause.
                10 | 14 => fault_of_vault_folders(),
                _ => None,
            }
        }
        _ => None,
    }
}

fn describe_io(e: &std::io::Error) -> String {
    machine_fault_of_io(e).map_or_else(
        || format!("A file could not be read or written: {e}"),
        str::to_owned,
    )
}

fn describe_database(e: &sqlx::Error) -> String {
    machine_fault_of_database(e).map_or_else(
        || format!("The vault's database reported an error: {e}"),
        str::to_owned,
    )
}

impl CoreError {
    /// Whether this is a fault of the machine (a full disk, a read-only folder), not of the
    /// records or the person's input.
    pub fn is_machine_fault(&self) -> bool {
        match self {
            CoreError::Io(e) => machine_fault_of_io(e).is_some(),
            CoreError::Database(e) => machine_fault_of_database(e).is_some(),
            _ => false,
        }
    }

    /// Shorthand for an input error tied to one field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        CoreError::InvalidInput {
            field: Some(field.to_owned()),
            message: message.into(),
        }
    }

    /// The stable code for this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::VaultLocked => ErrorCode::VaultLocked,
            CoreError::NoVault => ErrorCode::NoVault,
            CoreError::VaultExists => ErrorCode::VaultExists,
            CoreError::WrongSecret(_) => ErrorCode::WrongPassphrase,
            CoreError::SlotsUnusable(_) | CoreError::KeyFileDamaged(_) => ErrorCode::SlotsUnusable,
            CoreError::Busy(_) => ErrorCode::Busy,
            CoreError::ReauthRequired(_) => ErrorCode::ReauthRequired,
            CoreError::KeyringUnavailable(_) => ErrorCode::KeyringUnavailable,
            CoreError::InvalidInput { .. } => ErrorCode::InvalidInput,
            CoreError::NotFound(_) => ErrorCode::NotFound,
            CoreError::Damaged(_) => ErrorCode::Damaged,
            CoreError::NotAddressed(_) => ErrorCode::NotAddressed,
            CoreError::Database(_) | CoreError::Migration(_) => ErrorCode::Storage,
            CoreError::Io(_) => ErrorCode::Io,
            CoreError::Cancelled => ErrorCode::Cancelled,
            CoreError::Internal(_) => ErrorCode::Internal,
        }
    }
}

/// Stable error codes shared by the app, the UI and the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The vault is locked.
    VaultLocked,
    /// No vault exists yet.
    NoVault,
    /// A vault already exists.
    VaultExists,
    /// Wrong passphrase or recovery code.
    WrongPassphrase,
    /// The key slots are missing or damaged.
    SlotsUnusable,
    /// The OS keyring cannot be used.
    KeyringUnavailable,
    /// Another process is busy with the same data folder.
    Busy,
    /// The passphrase or recovery code must be typed again first.
    ReauthRequired,
    /// Input was refused.
    InvalidInput,
    /// The record does not exist.
    NotFound,
    /// The vault failed an integrity check.
    Damaged,
    /// A shared file is for someone else, or its passphrase is wrong.
    NotAddressed,
    /// The database reported an error.
    Storage,
    /// A file could not be read or written.
    Io,
    /// The person cancelled the work.
    Cancelled,
    /// An unexpected internal error.
    Internal,
}

/// The error as the UI receives it: `{ code, message, field? }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ApiError {
    /// Stable machine-readable code.
    pub code: ErrorCode,
    /// One plain-English sentence for the person using the app.
    pub message: String,
    /// The input field the error is about, when there is one.
    pub field: Option<String>,
}

impl From<CoreError> for ApiError {
    fn from(err: CoreError) -> Self {
        let field = match &err {
            CoreError::InvalidInput { field, .. } => field.clone(),
            _ => None,
        };
        ApiError {
            code: err.code(),
            message: err.to_string(),
            field,
        }
    }
}

/// Result type of the core.
pub type CoreResult<T> = Result<T, CoreError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_input_keeps_its_field_across_ipc() {
        let api: ApiError = CoreError::invalid("passphrase", "Too short.").into();
        assert_eq!(api.code, ErrorCode::InvalidInput);
        assert_eq!(api.field.as_deref(), Some("passphrase"));
        assert_eq!(api.message, "Too short.");
    }

    #[test]
    fn a_full_disk_or_read_only_folder_is_one_plain_sentence() {
        let full: CoreError = std::io::Error::from_raw_os_error(28).into();
        assert_eq!(full.to_string(), DISK_FULL);
        assert!(full.is_machine_fault());
        let ro: CoreError = std::io::Error::from_raw_os_error(30).into();
        assert_eq!(ro.to_string(), READ_ONLY);
        let other: CoreError = std::io::Error::from_raw_os_error(2).into();
        assert!(!other.is_machine_fault());
        assert!(other
            .to_string()
            .starts_with("A file could not be read or written"));
    }

    #[test]
    fn codes_serialise_in_snake_case() {
        let json = serde_json::to_string(&ErrorCode::VaultLocked).unwrap();
        assert_eq!(json, "\"vault_locked\"");
        let api: ApiError = CoreError::VaultLocked.into();
        assert_eq!(api.code, ErrorCode::VaultLocked);
        assert!(api.field.is_none());
    }
}
