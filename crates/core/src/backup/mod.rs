//! Encrypted backups of the whole vault, and restoring them (format in docs/backup-format.md).
//!
//! A backup is one file: a consistent snapshot of the database (taken through the keyed
//! connection, so it stays SQLCipher-encrypted) and the key-slot file, sealed together under a
//! backup passphrase (see [`format`]). Restoring checks the seal, the database's integrity and
//! the key file in a hidden folder first; only a vault that passed every check is moved into
//! place, so a failed restore leaves the target as it was.

pub mod format;
mod payload;

use std::io::{BufReader, BufWriter};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::SqlitePool;

use crate::atomic_file::{create_private_dir, sync_dir, AtomicFile};
use crate::error::{CoreError, CoreResult};
use crate::folder_lock::{FolderLock, LOCK_FILE};
use crate::paths::VaultPaths;
use crate::records::store::live_counts;
use crate::records::transfer::Counts;
use crate::vault::database::{self, MIGRATOR};
use crate::vault::key::DataKey;
use crate::vault::slots::{KdfParams, SecretKind, SlotFile};
use crate::vault::{blocking, settings, validate_passphrase, LockReason, Proof, Vault};
use format::not_a_backup;
use payload::{Manifest, Source};

/// What long backup work is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum BackupStage {
    /// Taking the snapshot of the database.
    Snapshot,
    /// Sealing it into the backup file.
    Sealing,
    /// Opening a backup file.
    Opening,
    /// Checking what was opened.
    Checking,
    /// Putting the restored vault in place.
    Finishing,
}

/// Progress of a backup or restore.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct BackupProgress {
    /// The current stage.
    pub stage: BackupStage,
    /// How far through the stage (0–100).
    pub percent: u8,
}

/// Progress reports and cancelling for long backup work.
#[derive(Clone)]
pub struct Control {
    /// Set to stop; nothing is left behind.
    pub cancel: Arc<AtomicBool>,
    /// Called as the work moves on.
    pub progress: Arc<dyn Fn(BackupProgress) + Send + Sync>,
}

impl Control {
    /// No progress reports and no way to cancel.
    pub fn quiet() -> Self {
        Control {
            cancel: Arc::new(AtomicBool::new(false)),
            progress: Arc::new(|_| {}),
        }
    }

    fn report(&self, stage: BackupStage, percent: u8) {
        (self.progress)(BackupProgress { stage, percent });
    }
}

/// A backup that was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct BackupMade {
    /// Where it was saved.
    pub path: String,
    /// When the snapshot was taken (RFC 3339, UTC).
    pub made_at: String,
    /// Its size in KiB (rounded up).
    pub size_kib: u32,
    /// Records of each kind it holds.
    pub counts: Counts,
}

/// What a restore brought back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Restored {
    /// When the backup was made (RFC 3339, UTC).
    pub made_at: String,
    /// Records of each kind restored.
    pub counts: Counts,
    /// Where the vault that was replaced was kept, when one was.
    pub safety_copy: Option<String>,
}

/// The last backup made of this vault, remembered inside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct LastBackup {
    /// When (RFC 3339, UTC).
    pub made_at: String,
    /// Its size in KiB.
    pub size_kib: u32,
}

/// Whether a backup is due, for the dashboard and reminders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct BackupState {
    /// The last backup, if one was made.
    pub last: Option<LastBackup>,
    /// The user's reminder interval in days (`null`: no reminders).
    pub every_days: Option<u32>,
    /// Whether the interval has passed since the last backup (or since the vault was made,
    /// when there is none).
    pub due: bool,
}

/// Facts a backup file's header tells without its passphrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct BackupInfo {
    /// When it was made (RFC 3339, UTC).
    pub made_at: String,
    /// The version of Alongside that made it.
    pub app_version: String,
}

/// Where a restore may go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A new folder, or one with nothing in it (the command line's rule).
    EmptyFolder,
    /// A folder holding no vault (the app's own data folder on first run).
    NoVault,
}

const LAST_BACKUP_KEY: &str = "last_backup";

fn now_stamp() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn kib(bytes: u64) -> u32 {
    u32::try_from(bytes.div_ceil(1024)).unwrap_or(u32::MAX)
}

/// The folder a new file at `out` goes in, refusing what cannot be written.
fn folder_of(out: &Path) -> CoreResult<PathBuf> {
    if out.is_dir() {
        return Err(CoreError::invalid(
            "out",
            "That is a folder; give the backup a file name.",
        ));
    }
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        return Err(CoreError::invalid(
            "out",
            format!("The folder {} does not exist.", parent.display()),
        ));
    }
    Ok(parent)
}

/// The last backup recorded in the vault, if any.
pub async fn last_backup(pool: &SqlitePool) -> CoreResult<Option<LastBackup>> {
    Ok(settings::get_raw(pool, LAST_BACKUP_KEY)
        .await?
        .and_then(|text| serde_json::from_str(&text).ok()))
}

/// The last backup and whether another is due on `today`.
pub async fn state(pool: &SqlitePool, today: chrono::NaiveDate) -> CoreResult<BackupState> {
    let last = last_backup(pool).await?;
    let every_days = crate::records::preferences::load(pool)
        .await?
        .backup_reminder_days;
    let since = match &last {
        Some(l) => Some(l.made_at.clone()),
        None => {
            sqlx::query_scalar("SELECT value FROM vault_meta WHERE key = 'created_at'")
                .fetch_optional(pool)
                .await?
        }
    };
    let since = since
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(&s).ok())
        .map(|d| d.with_timezone(&chrono::Local).date_naive());
    let due = match (every_days, since) {
        (Some(days), Some(since)) => (today - since).num_days() >= i64::from(days),
        _ => false,
    };
    Ok(BackupState {
        last,
        every_days,
        due,
    })
}

/// Reads a backup's header (no passphrase needed): when it was made and by which version.
pub fn inspect(file: &Path) -> CoreResult<BackupInfo> {
    let mut src = BufReader::new(open_file(file)?);
    let (header, _) = format::read_header(&mut src)?;
    Ok(BackupInfo {
        made_at: header.created_at,
        app_version: header.app_version,
    })
}

fn open_file(file: &Path) -> CoreResult<std::fs::File> {
    if file.is_dir() {
        return Err(not_a_backup("it is a folder"));
    }
    std::fs::File::open(file).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            CoreError::invalid("file", format!("There is no file at {}.", file.display()))
        }
        _ => CoreError::Io(e),
    })
}

/// Makes an encrypted backup of the unlocked vault at `out` (replacing a file there), sealed
/// with `passphrase`. A backup carries the data key, so `proof` (the vault's passphrase or
/// recovery code, typed again) is checked first. Never written inside the vault's own folder.
/// Written atomically: a failed or cancelled backup leaves no file.
pub async fn make(
    vault: &Vault,
    out: &Path,
    passphrase: &SecretString,
    proof: &Proof,
    control: &Control,
) -> CoreResult<BackupMade> {
    validate_passphrase(passphrase)?;
    vault.paths().refuse_as_output(out)?;
    folder_of(out)?;
    vault.confirm(proof).await?;
    let (pool, key, vault_id) = vault.open_parts().await?;
    control.report(BackupStage::Snapshot, 0);
    let (slots, _) = SlotFile::load(vault.paths())?;
    if slots.vault_id != vault_id {
        return Err(CoreError::Damaged(
            "The key file belongs to another vault; no backup was made.".into(),
        ));
    }
    let slots_bytes = serde_json::to_vec_pretty(&slots)
        .map_err(|e| CoreError::Internal(format!("The key file could not be read: {e}")))?;
    // The snapshot is written by SQLCipher with the vault's key: encrypted on disk, in a hidden
    // folder removed when this function returns. Its counts are read from the snapshot itself.
    sweep_stale_snapshots(vault.paths().dir());
    let snapshot = tempfile::Builder::new()
        .prefix(SNAPSHOT_PREFIX)
        .tempdir_in(vault.paths().dir())?;
    // Held while the snapshot is in use, so a later backup can tell a live one from one left by
    // a backup that was killed.
    let in_use = std::fs::File::create(snapshot.path().join(SNAPSHOT_LOCK))?;
    in_use.lock()?;
    let snap = VaultPaths::new(snapshot.path());
    database::encrypted_copy(&pool, &snap.database()).await?;
    let (schema_version, counts) = snapshot_facts(&snap, &key).await?;
    let manifest = Manifest {
        vault_id,
        schema_version,
        made_at: now_stamp(),
        counts,
        files: vec![
            payload::Entry {
                name: payload::SLOTS.into(),
                bytes: slots_bytes.len() as u64,
            },
            payload::Entry {
                name: payload::DATABASE.into(),
                bytes: std::fs::metadata(snap.database())?.len(),
            },
        ],
    };
    control.report(BackupStage::Sealing, 0);
    let size = {
        let (out, pass, control, manifest) = (
            out.to_path_buf(),
            passphrase.clone(),
            control.clone(),
            manifest.clone(),
        );
        let snapshot_path = snap.database();
        blocking(move || {
            let mut tmp = AtomicFile::create(&out)?;
            let sink = BufWriter::with_capacity(1024 * 1024, tmp.file_mut());
            let mut sealed = format::begin(sink, &pass, KdfParams::PASSPHRASE, &manifest.made_at)?;
            payload::write(
                &mut sealed,
                &key,
                &manifest,
                &[Source::Bytes(&slots_bytes), Source::File(&snapshot_path)],
                &control,
            )?;
            sealed
                .finish()?
                .into_inner()
                .map_err(|e| CoreError::Io(e.into_error()))?;
            Ok(tmp.commit()?)
        })
        .await?
    };
    drop(in_use);
    drop(snapshot);
    let last = LastBackup {
        made_at: manifest.made_at.clone(),
        size_kib: kib(size),
    };
    let text = serde_json::to_string(&last)
        .map_err(|e| CoreError::Internal(format!("The backup date could not be kept: {e}")))?;
    settings::put_raw(&pool, LAST_BACKUP_KEY, &text).await?;
    tracing::info!(size_kib = last.size_kib, "backup made");
    Ok(BackupMade {
        path: out.display().to_string(),
        made_at: manifest.made_at,
        size_kib: last.size_kib,
        counts: manifest.counts,
    })
}

/// The prefix of the hidden folder a backup's snapshot is made in, inside the vault's folder.
const SNAPSHOT_PREFIX: &str = ".alongside-snapshot-";
/// The file a backup holds locked while its snapshot folder is in use.
const SNAPSHOT_LOCK: &str = "in-use.lock";

/// Removes snapshot folders left in `dir` by backups that were killed (encrypted, but large).
/// A folder whose lock is still held belongs to a running backup and is left alone.
fn sweep_stale_snapshots(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let stale_name = entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(SNAPSHOT_PREFIX));
        if !stale_name || !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let lock = std::fs::File::open(entry.path().join(SNAPSHOT_LOCK));
        let free = match &lock {
            Ok(file) => file.try_lock().is_ok(),
            // No lock file yet: a backup starting this instant, or one killed before it made
            // the file. Only an old folder is taken to be the second.
            Err(_) => entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > std::time::Duration::from_secs(60)),
        };
        if free {
            drop(lock);
            if std::fs::remove_dir_all(entry.path()).is_ok() {
                tracing::info!("removed the snapshot of an unfinished backup");
            }
        }
    }
}

/// The schema version and record counts of a snapshot, read from it with the vault's key.
async fn snapshot_facts(snap: &VaultPaths, key: &DataKey) -> CoreResult<(Option<i64>, Counts)> {
    let pool = database::open_pool(snap, key, false).await?;
    let facts = async {
        let version = database::applied_version(&pool).await?;
        Ok((version, live_counts(&pool).await?))
    }
    .await;
    database::checkpoint_and_close(&pool, snap, key).await?;
    facts
}

fn check_target(dir: &Path, target: Target) -> CoreResult<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(CoreError::invalid(
            "data_dir",
            format!("{} is a file, not a folder.", dir.display()),
        ));
    }
    let refuse = match target {
        Target::EmptyFolder => {
            dir.is_dir()
                && std::fs::read_dir(dir)?
                    .flatten()
                    .any(|e| e.file_name() != LOCK_FILE)
        }
        Target::NoVault => {
            let paths = VaultPaths::new(dir);
            paths.database_exists() || paths.slots().exists() || paths.slots_mirror().exists()
        }
    };
    if refuse {
        return Err(CoreError::invalid(
            "data_dir",
            format!(
                "{} is not empty. Restore into a new or empty folder, so nothing there is \
                 overwritten.",
                dir.display()
            ),
        ));
    }
    Ok(())
}

/// Restores the backup `file` into `dir` (created when missing). Every check is made in a
/// hidden folder inside `dir` before the vault appears; on any failure `dir` is left as it was.
/// The restored vault opens with the passphrase and recovery code it had when backed up;
/// "unlock on this computer" is off until turned on again.
pub async fn restore(
    file: &Path,
    passphrase: &SecretString,
    dir: &Path,
    target: Target,
    control: &Control,
) -> CoreResult<Restored> {
    check_target(dir, target)?;
    let made_dir = !dir.exists();
    create_private_dir(dir)?;
    let result = async {
        // One process at a time restores or creates a vault here; checked again under the lock.
        let _folder = FolderLock::acquire(dir)?;
        check_target(dir, target)?;
        restore_checked(file, passphrase, dir, control).await
    }
    .await;
    match &result {
        Ok(_) => {
            if crate::hardening::repair_modes(dir).is_err() {
                tracing::warn!("the restored folder's file modes could not be checked");
            }
        }
        Err(_) if made_dir => {
            // Removes the folder only when nothing but the lock file is in it.
            let _ = std::fs::remove_file(dir.join(LOCK_FILE));
            let _ = std::fs::remove_dir(dir);
        }
        Err(_) => {}
    }
    result
}

async fn restore_checked(
    file: &Path,
    passphrase: &SecretString,
    dir: &Path,
    control: &Control,
) -> CoreResult<Restored> {
    let staging = tempfile::Builder::new()
        .prefix(".alongside-restore-")
        .tempdir_in(dir)?;
    control.report(BackupStage::Opening, 0);
    let (key, manifest) = {
        let src = BufReader::with_capacity(1024 * 1024, open_file(file)?);
        let (pass, folder, control) = (
            passphrase.clone(),
            staging.path().to_path_buf(),
            control.clone(),
        );
        blocking(move || {
            let (_, opened) = format::open(src, &pass)?;
            payload::read(opened, &folder, &control)
        })
        .await?
    };
    control.report(BackupStage::Checking, 0);
    let staged = VaultPaths::new(staging.path());
    let mut slots = SlotFile::parse(&std::fs::read(staged.slots())?)
        .map_err(|_| not_a_backup("its key file is damaged"))?;
    if slots.vault_id != manifest.vault_id
        || !(slots.has_wrapped(SecretKind::Passphrase)
            || slots.has_wrapped(SecretKind::RecoveryCode))
    {
        return Err(not_a_backup("its key file does not belong to its database"));
    }
    let counts = check_database(&staged, &key, &manifest).await?;
    control.report(BackupStage::Finishing, 0);
    // Keyring entries belong to a computer, not a backup.
    slots.remove_keyring();
    let final_paths = VaultPaths::new(dir);
    slots.save(&final_paths)?;
    if let Err(e) = std::fs::rename(staged.database(), final_paths.database()) {
        let _ = std::fs::remove_file(final_paths.slots());
        let _ = std::fs::remove_file(final_paths.slots_mirror());
        return Err(e.into());
    }
    sync_dir(dir)?;
    control.report(BackupStage::Finishing, 100);
    tracing::info!("backup restored");
    Ok(Restored {
        made_at: manifest.made_at,
        counts,
        safety_copy: None,
    })
}

/// Opens the staged database with the backup's key and checks it through; returns its counts.
/// The pool is closed (and the WAL folded in) whatever the outcome.
async fn check_database(
    staged: &VaultPaths,
    key: &DataKey,
    manifest: &Manifest,
) -> CoreResult<Counts> {
    let pool = database::open_pool(staged, key, false)
        .await
        .map_err(|_| not_a_backup("its database cannot be opened with its key"))?;
    let checked = async {
        let report = database::integrity(&pool).await?;
        if !report.ok() {
            return Err(not_a_backup("its database failed the integrity check"));
        }
        let id: Option<String> =
            sqlx::query_scalar("SELECT value FROM vault_meta WHERE key = 'vault_id'")
                .fetch_optional(&pool)
                .await?;
        if id.as_deref() != Some(manifest.vault_id.as_str()) {
            return Err(not_a_backup("its database belongs to another vault"));
        }
        let latest = MIGRATOR.iter().map(|m| m.version).max();
        if database::applied_version(&pool).await? > latest {
            return Err(not_a_backup(
                "it was made by a newer version of Alongside; update the app first",
            ));
        }
        live_counts(&pool).await
    }
    .await;
    database::checkpoint_and_close(&pool, staged, key).await?;
    checked
}

/// The files of a vault in its folder (those present).
fn vault_files(paths: &VaultPaths) -> Vec<PathBuf> {
    let db = paths.database();
    let mut files = vec![db.clone(), paths.slots(), paths.slots_mirror()];
    for suffix in ["-wal", "-shm"] {
        let mut p = db.clone().into_os_string();
        p.push(suffix);
        files.push(p.into());
    }
    files.into_iter().filter(|f| f.exists()).collect()
}

fn move_files(files: &[PathBuf], to: &Path) -> std::io::Result<Vec<(PathBuf, PathBuf)>> {
    let mut moved = Vec::new();
    for f in files {
        let Some(name) = f.file_name() else { continue };
        let dest = to.join(name);
        if let Err(e) = std::fs::rename(f, &dest) {
            for (from, to) in moved.iter().rev() {
                let _ = std::fs::rename(to, from);
            }
            return Err(e);
        }
        moved.push((f.clone(), dest));
    }
    Ok(moved)
}

/// Replaces the vault in `vault`'s folder with the backup `file`. The backup is restored and
/// checked in a hidden folder first; only then is the vault locked and its files moved into a
/// dated safety copy (`before-restore-…`) beside it, kept, and named in the result.
/// Needs `proof` (the current vault's passphrase or recovery code, typed again).
pub async fn replace(
    vault: &Vault,
    file: &Path,
    passphrase: &SecretString,
    proof: &Proof,
    control: &Control,
) -> CoreResult<Restored> {
    vault.confirm(proof).await?;
    let dir = vault.paths().dir().to_path_buf();
    let incoming = tempfile::Builder::new()
        .prefix(".alongside-incoming-")
        .tempdir_in(&dir)?;
    let mut restored = restore(
        file,
        passphrase,
        incoming.path(),
        Target::EmptyFolder,
        control,
    )
    .await?;
    vault.lock(LockReason::Manual).await?;
    let stamp = chrono::Local::now().format("%Y-%m-%d-%H%M%S");
    let safety = dir.join(format!("before-restore-{stamp}"));
    create_private_dir(&safety)?;
    let old = move_files(&vault_files(vault.paths()), &safety)?;
    let new_files = vault_files(&VaultPaths::new(incoming.path()));
    if let Err(e) = move_files(&new_files, &dir) {
        for (from, to) in old.iter().rev() {
            let _ = std::fs::rename(to, from);
        }
        return Err(e.into());
    }
    sync_dir(&dir)?;
    restored.safety_copy = Some(safety.display().to_string());
    Ok(restored)
}
