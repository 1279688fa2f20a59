//! The encrypted vault: creating it, unlocking it with any key slot, locking it (by hand, when
//! idle, or when the system sleeps) and managing its key slots.

pub mod database;
pub(crate) mod erase;
pub mod key;
pub mod keyring_slot;
mod proof;
pub mod recovery;
pub mod rekey;
pub mod settings;
pub mod slots;
mod status;
pub mod strength;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use sqlx::SqlitePool;
use tokio::sync::Mutex;

use crate::clock::{Clock, SystemClock};
use crate::error::{CoreError, CoreResult};
use crate::paths::VaultPaths;
use database::MIGRATOR;
use key::DataKey;
use settings::LockSettings;
use slots::{KdfParams, SecretKind, SlotFile, SlotSource};

pub use erase::Erased;
pub use proof::Proof;
pub use status::{CheckItem, CheckReport, SlotSummary, VaultStatus};
pub use strength::{strength, validate_passphrase, Strength, MIN_PASSPHRASE_CHARS};

/// How the user proves they may open the vault.
pub enum UnlockMethod {
    /// The passphrase.
    Passphrase(SecretString),
    /// The recovery code shown at set-up.
    RecoveryCode(SecretString),
    /// The key kept in this computer's keyring.
    Keyring,
}

/// Why the vault was locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum LockReason {
    /// The user asked.
    Manual,
    /// Nobody used the app for the auto-lock time.
    Idle,
    /// The computer went to sleep or its screen locked.
    System,
}

/// What creating a vault produced.
pub struct Created {
    /// The recovery code: show it once, never store it.
    pub recovery_code: SecretString,
    /// When the keyring was asked for but could not be used, why (the vault works without it).
    pub keyring_problem: Option<String>,
}

struct Session {
    pool: SqlitePool,
    key: DataKey,
    vault_id: String,
    last_activity: Duration,
    lock: LockSettings,
    /// A new recovery code's slot, waiting until the person says they saved the code.
    pending_recovery: Option<slots::Slot>,
}

/// One vault in one data folder. Locked until unlocked; every record operation needs it unlocked.
pub struct Vault {
    paths: VaultPaths,
    clock: Arc<dyn Clock>,
    keyring_service: String,
    session: Mutex<Option<Session>>,
    /// Set once the vault has been locked in this process: from then on the keyring no longer
    /// opens it, and the passphrase or recovery code is asked.
    keyring_spent: AtomicBool,
}

/// Runs blocking work (key derivation, file copying) off the async threads.
pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> CoreResult<T> + Send + 'static,
) -> CoreResult<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| CoreError::Internal(format!("A background task failed: {e}")))?
}

fn wrong_secret(kind: SecretKind) -> CoreError {
    CoreError::WrongSecret(match kind {
        SecretKind::Passphrase => {
            "That passphrase did not unlock your records. Check Caps Lock and \
                                   try again, or use your recovery code."
                .into()
        }
        SecretKind::RecoveryCode => "That recovery code did not unlock your records. Check each \
                                     group of letters and numbers and try again."
            .into(),
    })
}

/// A new key file for `key`: the passphrase slot, the recovery-code slot and, when given, the
/// keyring slot (service, account). Key derivation runs off the async threads.
async fn secret_slots(
    vault_id: &str,
    passphrase: &SecretString,
    recovery_code: &SecretString,
    key: &DataKey,
    keyring: Option<(String, String)>,
) -> CoreResult<SlotFile> {
    let (vault_id, key, pass) = (vault_id.to_owned(), key.clone(), passphrase.clone());
    let code = recovery::normalise(recovery_code)?;
    blocking(move || {
        let mut f = SlotFile::new(&vault_id);
        f.set_wrapped(
            SecretKind::Passphrase,
            pass.expose_secret().as_bytes(),
            &key,
            KdfParams::PASSPHRASE,
        )?;
        f.set_wrapped(
            SecretKind::RecoveryCode,
            code.expose_secret().as_bytes(),
            &key,
            KdfParams::RECOVERY_CODE,
        )?;
        if let Some((service, account)) = keyring {
            f.set_keyring(&service, &account);
        }
        Ok(f)
    })
    .await
}

impl Vault {
    /// A locked handle on the vault in `dir` using the system clock. Does no I/O.
    pub fn new(dir: impl Into<std::path::PathBuf>) -> Self {
        Self::with_clock(dir, Arc::new(SystemClock::new()))
    }

    /// As [`Vault::new`], with a chosen clock (tests use a manual one).
    pub fn with_clock(dir: impl Into<std::path::PathBuf>, clock: Arc<dyn Clock>) -> Self {
        let paths = VaultPaths::new(dir);
        crate::error::watch_folder(paths.dir());
        Vault {
            paths,
            clock,
            keyring_service: keyring_slot::SERVICE.to_owned(),
            session: Mutex::new(None),
            keyring_spent: AtomicBool::new(false),
        }
    }

    /// Uses another keyring service name (tests keep their entries apart this way).
    pub fn with_keyring_service(mut self, service: &str) -> Self {
        self.keyring_service = service.to_owned();
        self
    }

    /// The vault's files.
    pub fn paths(&self) -> &VaultPaths {
        &self.paths
    }

    /// Whether a vault database exists in the folder.
    pub fn exists(&self) -> bool {
        self.paths.database_exists()
    }

    /// Whether the vault is open.
    pub async fn is_unlocked(&self) -> bool {
        self.session.lock().await.is_some()
    }

    /// Creates a new vault with a passphrase slot and a recovery-code slot, and (when asked) a
    /// keyring slot. Refuses when a vault already exists. Leaves the vault unlocked.
    pub async fn create(
        &self,
        passphrase: &SecretString,
        use_keyring: bool,
    ) -> CoreResult<Created> {
        validate_passphrase(passphrase)?;
        let mut session = self.session.lock().await;
        if self.exists() {
            return Err(CoreError::VaultExists);
        }
        crate::atomic_file::create_private_dir(self.paths.dir())?;
        // One process at a time: a second `init` waits for nobody and is refused.
        let _folder = crate::folder_lock::FolderLock::acquire(self.paths.dir())?;
        if self.exists() {
            return Err(CoreError::VaultExists);
        }
        self.set_aside_orphaned_slots()?;

        let key = DataKey::generate()?;
        let vault_id = uuid::Uuid::now_v7().to_string();
        let recovery_code = recovery::generate()?;
        let slot_file = secret_slots(&vault_id, passphrase, &recovery_code, &key, None).await?;
        // Slots first: a crash before the database exists leaves slots that the next set-up
        // moves aside; a database is never left without its key file.
        slot_file.save(&self.paths)?;
        let pool = match self.create_database(&key, &vault_id).await {
            Ok(pool) => pool,
            Err(e) => {
                self.remove_partial_creation();
                return Err(e);
            }
        };
        let mut created = Created {
            recovery_code,
            keyring_problem: None,
        };
        let mut new_session = Session {
            pool,
            key,
            vault_id,
            last_activity: self.clock.now(),
            lock: LockSettings::default(),
            pending_recovery: None,
        };
        if use_keyring {
            if let Err(e) = self.add_keyring_slot(&new_session).await {
                created.keyring_problem = Some(e.to_string());
            }
        }
        new_session.last_activity = self.clock.now();
        *session = Some(new_session);
        if crate::hardening::repair_modes(self.paths.dir()).is_err() {
            tracing::warn!("the data folder's file modes could not be checked");
        }
        tracing::info!("vault created");
        Ok(created)
    }

    async fn create_database(&self, key: &DataKey, vault_id: &str) -> CoreResult<SqlitePool> {
        // An empty file readable by its owner only; SQLite gives its WAL and SHM the same mode.
        crate::atomic_file::create_private_file(&self.paths.database())?;
        let pool = database::open_pool(&self.paths, key, true).await?;
        database::migrate(&pool, &self.paths, &MIGRATOR).await?;
        let mut tx = pool.begin().await?;
        for (k, v) in [
            ("vault_id", vault_id.to_owned()),
            ("created_at", chrono::Utc::now().to_rfc3339()),
        ] {
            sqlx::query("INSERT INTO vault_meta (key, value) VALUES (?, ?)")
                .bind(k)
                .bind(v)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(pool)
    }

    fn remove_partial_creation(&self) {
        let db = self.paths.database();
        let mut files = vec![self.paths.slots(), self.paths.slots_mirror(), db.clone()];
        for suffix in ["-wal", "-shm"] {
            let mut p = db.clone().into_os_string();
            p.push(suffix);
            files.push(p.into());
        }
        for f in files {
            if let Err(e) = std::fs::remove_file(&f) {
                if e.kind() != std::io::ErrorKind::NotFound {
                    tracing::warn!("could not clean up after a failed set-up");
                }
            }
        }
    }

    /// A slot file without a database is left from an interrupted set-up: keep it under
    /// another name rather than overwrite it.
    fn set_aside_orphaned_slots(&self) -> CoreResult<()> {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
        for path in [self.paths.slots(), self.paths.slots_mirror()] {
            if path.exists() {
                let mut aside = path.clone().into_os_string();
                aside.push(format!(".orphaned-{stamp}"));
                std::fs::rename(&path, aside)?;
            }
        }
        Ok(())
    }

    /// Unlocks with any slot. A wrong secret changes nothing on disk. When the vault is already
    /// unlocked, the secret is still checked against its slot, and a wrong one is refused.
    pub async fn unlock(&self, method: UnlockMethod) -> CoreResult<()> {
        let mut session = self.session.lock().await;
        if let Some(s) = session.as_ref() {
            let (slot_file, _) = SlotFile::load(&self.paths)?;
            return self.check_same_key(s, &slot_file, method).await;
        }
        if !self.exists() {
            return Err(CoreError::NoVault);
        }
        let (slot_file, source) = SlotFile::load(&self.paths)?;
        let pending = self.pending_key_file();
        let (slot_file, key, pool, source) = match (pending, &method) {
            (Some(next), UnlockMethod::Passphrase(_) | UnlockMethod::RecoveryCode(_)) => {
                self.open_after_key_change(slot_file, next, method, source)
                    .await?
            }
            _ => {
                let key = self.key_from(&slot_file, method).await?;
                let pool = database::open_pool(&self.paths, &key, false).await?;
                (slot_file, key, pool, source)
            }
        };
        match self.finish_unlock(&pool, &slot_file).await {
            Ok(lock) => {
                if source == SlotSource::Mirror {
                    slot_file.save(&self.paths)?;
                    tracing::warn!("key file repaired from its mirror copy");
                }
                let new_session = Session {
                    pool,
                    key,
                    vault_id: slot_file.vault_id.clone(),
                    last_activity: self.clock.now(),
                    lock,
                    pending_recovery: None,
                };
                self.move_keyring_entry(&slot_file, &new_session).await;
                *session = Some(new_session);
                tracing::info!("vault unlocked");
                Ok(())
            }
            Err(e) => {
                pool.close().await;
                Err(e)
            }
        }
    }

    /// Moves "unlock automatically" to this app's keyring service when the key file names
    /// another (the app's name before its first release): the key is stored under the new
    /// name, the key file says so, then the old entry is removed. A failure leaves the old
    /// entry working and is logged; the next unlock tries again.
    async fn move_keyring_entry(&self, slot_file: &SlotFile, s: &Session) {
        let Some((old_service, account)) = slot_file.keyring() else {
            return;
        };
        if old_service == self.keyring_service {
            return;
        }
        let (old_service, account) = (old_service.to_owned(), account.to_owned());
        match self.add_keyring_slot(s).await {
            Ok(()) => {
                if blocking(move || keyring_slot::delete(&old_service, &account))
                    .await
                    .is_err()
                {
                    tracing::warn!("the keyring entry under the app's old name stays");
                }
                tracing::info!("the keyring entry moved to the app's new name");
            }
            Err(e) => {
                tracing::warn!(code = ?e.code(), "the keyring entry could not be moved yet");
            }
        }
    }

    /// The key file of a key change cut short, if one is there and readable.
    fn pending_key_file(&self) -> Option<SlotFile> {
        let bytes = std::fs::read(self.paths.slots_pending()).ok()?;
        SlotFile::parse(&bytes).ok()
    }

    /// Opens the database when a key change may have been cut short: the current key file
    /// first; when its key no longer opens the database, the pending one, which then becomes
    /// the key file. A pending file that is not needed is removed.
    async fn open_after_key_change(
        &self,
        current: SlotFile,
        next: SlotFile,
        method: UnlockMethod,
        source: SlotSource,
    ) -> CoreResult<(SlotFile, DataKey, SqlitePool, SlotSource)> {
        let retry = match &method {
            UnlockMethod::Passphrase(p) => UnlockMethod::Passphrase(p.clone()),
            UnlockMethod::RecoveryCode(c) => UnlockMethod::RecoveryCode(c.clone()),
            UnlockMethod::Keyring => UnlockMethod::Keyring,
        };
        let key = self.key_from(&current, method).await?;
        match database::open_pool(&self.paths, &key, false).await {
            Ok(pool) => {
                let _ = std::fs::remove_file(self.paths.slots_pending());
                Ok((current, key, pool, source))
            }
            Err(CoreError::Damaged(_)) if next.vault_id == current.vault_id => {
                let key = self.key_from(&next, retry).await?;
                let pool = database::open_pool(&self.paths, &key, false).await?;
                next.save(&self.paths)?;
                let _ = std::fs::remove_file(self.paths.slots_pending());
                tracing::warn!("a key change that was cut short has been completed");
                Ok((next, key, pool, SlotSource::Main))
            }
            Err(e) => Err(e),
        }
    }

    /// Unlocks from this computer's keyring when the vault is set to, without being asked: the
    /// app calls it as it starts, so opening the database overlaps the window's loading. Returns
    /// whether it unlocked. A failure changes nothing; the window then asks again and says why.
    pub async fn unlock_at_start(&self) -> bool {
        let remembered =
            self.exists() && SlotFile::load(&self.paths).is_ok_and(|(f, _)| f.keyring().is_some());
        if !remembered {
            return false;
        }
        match self.unlock(UnlockMethod::Keyring).await {
            Ok(()) => true,
            Err(e) => {
                tracing::info!(code = ?e.code(), "the keyring did not unlock the vault at start");
                false
            }
        }
    }

    async fn key_from(&self, slot_file: &SlotFile, method: UnlockMethod) -> CoreResult<DataKey> {
        match method {
            UnlockMethod::Passphrase(p) => {
                let f = slot_file.clone();
                blocking(move || {
                    f.unwrap_with(SecretKind::Passphrase, p.expose_secret().as_bytes())?
                        .ok_or_else(|| wrong_secret(SecretKind::Passphrase))
                })
                .await
            }
            UnlockMethod::RecoveryCode(c) => {
                let code =
                    recovery::normalise(&c).map_err(|_| wrong_secret(SecretKind::RecoveryCode))?;
                let f = slot_file.clone();
                blocking(move || {
                    f.unwrap_with(SecretKind::RecoveryCode, code.expose_secret().as_bytes())?
                        .ok_or_else(|| wrong_secret(SecretKind::RecoveryCode))
                })
                .await
            }
            UnlockMethod::Keyring => {
                if self.keyring_spent.load(Ordering::SeqCst) {
                    return Err(CoreError::KeyringUnavailable(
                        "Alongside was locked, so it asks for your passphrase or recovery code \
                         now. It opens by itself again the next time it starts."
                            .into(),
                    ));
                }
                let Some((service, account)) = slot_file.keyring() else {
                    return Err(CoreError::KeyringUnavailable(
                        "This vault is not set to unlock automatically on this computer. Unlock \
                         with your passphrase."
                            .into(),
                    ));
                };
                let (service, account) = (service.to_owned(), account.to_owned());
                blocking(move || keyring_slot::load(&service, &account))
                    .await?
                    .ok_or_else(|| {
                        CoreError::KeyringUnavailable(
                            "This computer's keyring no longer holds the key to your records. \
                             Unlock with your passphrase."
                                .into(),
                        )
                    })
            }
        }
    }

    async fn finish_unlock(
        &self,
        pool: &SqlitePool,
        slot_file: &SlotFile,
    ) -> CoreResult<LockSettings> {
        database::migrate(pool, &self.paths, &MIGRATOR).await?;
        let stored: Option<String> =
            sqlx::query_scalar("SELECT value FROM vault_meta WHERE key = 'vault_id'")
                .fetch_optional(pool)
                .await?;
        if stored.as_deref() != Some(slot_file.vault_id.as_str()) {
            return Err(CoreError::Damaged(
                "The key file belongs to another vault than this database. Nothing has been \
                 changed."
                    .into(),
            ));
        }
        // Deletes older than the undo window become final.
        crate::records::store::purge_expired(pool, chrono::Utc::now()).await?;
        settings::load_lock(pool).await
    }

    /// Locks: checkpoints the WAL, closes the pool and wipes the key from memory. Returns
    /// whether it was unlocked. Locking never fails open: when the checkpoint or close fails,
    /// the session (with its key) is still gone and the error is returned afterwards, so the
    /// caller must treat the vault as locked either way.
    pub async fn lock(&self, reason: LockReason) -> CoreResult<bool> {
        let mut session = self.session.lock().await;
        let Some(s) = session.take() else {
            return Ok(false);
        };
        self.keyring_spent.store(true, Ordering::SeqCst);
        let checkpointed = database::checkpoint_and_close(&s.pool, &self.paths, &s.key).await;
        drop(s);
        drop(session);
        tracing::info!(?reason, "vault locked");
        if checkpointed.is_err() {
            tracing::warn!(
                ?reason,
                "the vault is locked, but its journal could not be tidied"
            );
        }
        checkpointed.map(|_| true)
    }

    /// Whether the keyring may still open the vault in this process (only until the first lock).
    pub fn keyring_allowed(&self) -> bool {
        !self.keyring_spent.load(Ordering::SeqCst)
    }

    /// Records that the user did something (resets the idle timer).
    pub async fn touch(&self) {
        if let Some(s) = self.session.lock().await.as_mut() {
            s.last_activity = self.clock.now();
        }
    }

    /// Whether the vault is unlocked and has been idle for its auto-lock time.
    pub async fn is_idle(&self) -> bool {
        let session = self.session.lock().await;
        let Some(s) = session.as_ref() else {
            return false;
        };
        let Some(minutes) = s.lock.auto_lock_minutes else {
            return false;
        };
        let idle = self.clock.now().saturating_sub(s.last_activity);
        idle >= Duration::from_secs(u64::from(minutes) * 60)
    }

    /// Locks when the vault has been idle for its auto-lock time. Returns whether it locked
    /// (an error means it locked but could not tidy the database).
    pub async fn lock_if_idle(&self) -> CoreResult<bool> {
        if self.is_idle().await {
            self.lock(LockReason::Idle).await
        } else {
            Ok(false)
        }
    }

    /// A handle on the open database; `vault_locked` when locked. Counts as activity.
    pub async fn pool(&self) -> CoreResult<SqlitePool> {
        let mut session = self.session.lock().await;
        let s = session.as_mut().ok_or(CoreError::VaultLocked)?;
        s.last_activity = self.clock.now();
        Ok(s.pool.clone())
    }

    /// A handle on the open database for background work (reminders): does not count as
    /// activity, so it never holds off auto-lock.
    pub async fn pool_in_background(&self) -> CoreResult<SqlitePool> {
        let session = self.session.lock().await;
        Ok(session.as_ref().ok_or(CoreError::VaultLocked)?.pool.clone())
    }

    /// The lock settings.
    pub async fn lock_settings(&self) -> CoreResult<LockSettings> {
        let session = self.session.lock().await;
        Ok(session.as_ref().ok_or(CoreError::VaultLocked)?.lock)
    }

    /// Changes and saves the lock settings. Turning auto-lock off ("never") needs `proof`.
    pub async fn set_lock_settings(
        &self,
        new: LockSettings,
        proof: Option<&Proof>,
    ) -> CoreResult<LockSettings> {
        let mut session = self.session.lock().await;
        let s = session.as_mut().ok_or(CoreError::VaultLocked)?;
        if new.auto_lock_minutes.is_none() && s.lock.auto_lock_minutes.is_some() {
            self.check_proof(s, proof, "turn automatic locking off")
                .await?;
        }
        settings::save_lock(&s.pool, &new).await?;
        s.lock = new;
        s.last_activity = self.clock.now();
        Ok(new)
    }

    /// Confirms the person typed this vault's passphrase or recovery code: the secret is
    /// checked against its slot and must open the key in use. Changes nothing.
    pub async fn confirm(&self, proof: &Proof) -> CoreResult<()> {
        let mut session = self.session.lock().await;
        let s = session.as_mut().ok_or(CoreError::VaultLocked)?;
        s.last_activity = self.clock.now();
        self.check_proof(s, Some(proof), "go on").await
    }

    /// Checks `proof` against the slot file on disk and the session's key.
    async fn check_proof(&self, s: &Session, proof: Option<&Proof>, act: &str) -> CoreResult<()> {
        let Some(proof) = proof else {
            return Err(CoreError::ReauthRequired(format!(
                "Type your passphrase or recovery code again to {act}."
            )));
        };
        let (slot_file, _) = SlotFile::load(&self.paths)?;
        self.check_same_key(s, &slot_file, proof.to_unlock()).await
    }

    async fn check_same_key(
        &self,
        s: &Session,
        slot_file: &SlotFile,
        method: UnlockMethod,
    ) -> CoreResult<()> {
        let kind = match &method {
            UnlockMethod::RecoveryCode(_) => SecretKind::RecoveryCode,
            _ => SecretKind::Passphrase,
        };
        let key = self.key_from(slot_file, method).await?;
        if slot_file.vault_id == s.vault_id && key == s.key {
            Ok(())
        } else {
            Err(wrong_secret(kind))
        }
    }

    /// Replaces the passphrase slot after checking `proof` (the current passphrase or the
    /// recovery code). The data is not re-encrypted.
    pub async fn change_passphrase(&self, proof: &Proof, new: &SecretString) -> CoreResult<()> {
        validate_passphrase(new)?;
        self.confirm(proof).await?;
        let (key, vault_id) = self.key_and_id().await?;
        let bytes = new.clone();
        self.rewrap(vault_id, move |f| {
            f.set_wrapped(
                SecretKind::Passphrase,
                bytes.expose_secret().as_bytes(),
                &key,
                KdfParams::PASSPHRASE,
            )
        })
        .await?;
        tracing::info!("passphrase changed");
        Ok(())
    }

    /// Makes a new recovery code after checking `proof`. The old code keeps working until
    /// [`Vault::keep_recovery_code`] is called, once the person says they saved the new one;
    /// locking first forgets the new code. Show the result once.
    pub async fn new_recovery_code(&self, proof: &Proof) -> CoreResult<SecretString> {
        self.confirm(proof).await?;
        let (key, vault_id) = self.key_and_id().await?;
        let code = recovery::generate()?;
        let normal = recovery::normalise(&code)?;
        let slot = blocking(move || {
            slots::Slot::wrapped(
                &vault_id,
                SecretKind::RecoveryCode,
                normal.expose_secret().as_bytes(),
                &key,
                KdfParams::RECOVERY_CODE,
            )
        })
        .await?;
        let mut session = self.session.lock().await;
        let s = session.as_mut().ok_or(CoreError::VaultLocked)?;
        s.pending_recovery = Some(slot);
        Ok(code)
    }

    /// Puts the recovery code made by [`Vault::new_recovery_code`] in place of the old one.
    pub async fn keep_recovery_code(&self) -> CoreResult<()> {
        let (slot, vault_id) = {
            let mut session = self.session.lock().await;
            let s = session.as_mut().ok_or(CoreError::VaultLocked)?;
            let slot = s.pending_recovery.take().ok_or_else(|| {
                CoreError::invalid(
                    "code",
                    "Make a new recovery code first; nothing was changed.",
                )
            })?;
            (slot, s.vault_id.clone())
        };
        self.rewrap(vault_id, move |f| {
            f.put(slot);
            Ok(())
        })
        .await?;
        tracing::info!("recovery code replaced");
        Ok(())
    }

    async fn rewrap(
        &self,
        vault_id: String,
        change: impl FnOnce(&mut SlotFile) -> CoreResult<()> + Send + 'static,
    ) -> CoreResult<()> {
        let paths = self.paths.clone();
        blocking(move || {
            // A key file that cannot be read is never replaced by one holding a single slot:
            // the change is refused and the file left as it is.
            let (mut f, _) = SlotFile::load(&paths)?;
            if f.vault_id != vault_id {
                return Err(CoreError::Damaged(
                    "The key file belongs to another vault. Nothing has been changed.".into(),
                ));
            }
            change(&mut f)?;
            f.save(&paths)
        })
        .await
    }

    /// The open database, its key and the vault's id (for backups). Counts as activity.
    pub(crate) async fn open_parts(&self) -> CoreResult<(SqlitePool, DataKey, String)> {
        let mut session = self.session.lock().await;
        let s = session.as_mut().ok_or(CoreError::VaultLocked)?;
        s.last_activity = self.clock.now();
        Ok((s.pool.clone(), s.key.clone(), s.vault_id.clone()))
    }

    async fn key_and_id(&self) -> CoreResult<(DataKey, String)> {
        let mut session = self.session.lock().await;
        let s = session.as_mut().ok_or(CoreError::VaultLocked)?;
        s.last_activity = self.clock.now();
        Ok((s.key.clone(), s.vault_id.clone()))
    }

    async fn add_keyring_slot(&self, s: &Session) -> CoreResult<()> {
        let service = self.keyring_service.clone();
        let account = keyring_slot::account_for(&s.vault_id);
        let key = s.key.clone();
        let (svc, acct) = (service.clone(), account.clone());
        blocking(move || keyring_slot::store(&svc, &acct, &key)).await?;
        self.rewrap(s.vault_id.clone(), move |f| {
            f.set_keyring(&service, &account);
            Ok(())
        })
        .await
    }

    /// Turns "unlock automatically on this computer" on (which needs `proof`) or off.
    pub async fn set_keyring(&self, enabled: bool, proof: Option<&Proof>) -> CoreResult<()> {
        let session = self.session.lock().await;
        let s = session.as_ref().ok_or(CoreError::VaultLocked)?;
        if enabled {
            self.check_proof(s, proof, "unlock automatically on this computer")
                .await?;
            return self.add_keyring_slot(s).await;
        }
        let (slot_file, _) = SlotFile::load(&self.paths)?;
        if let Some((service, account)) = slot_file.keyring() {
            let (service, account) = (service.to_owned(), account.to_owned());
            blocking(move || keyring_slot::delete(&service, &account)).await?;
        }
        self.rewrap(s.vault_id.clone(), |f| {
            f.remove_keyring();
            Ok(())
        })
        .await
    }
}
