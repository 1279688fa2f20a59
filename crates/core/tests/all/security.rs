//! The vault's defences, each on the real SQLCipher database in a temporary folder: asking
//! again before dangerous acts, failing closed on lock, bounded key settings, strong
//! passphrases, changing the data key, private files, one process at a time.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use alongside_core::backup::{self, Control, Target};
use alongside_core::clock::ManualClock;
use alongside_core::records::{store, Person};
use alongside_core::vault::settings::LockSettings;
use alongside_core::vault::{LockReason, Proof, UnlockMethod, Vault};
use alongside_core::{CoreError, ErrorCode};
use alongside_test_support::{person, PASS};
use secrecy::{ExposeSecret, SecretString};

const BACKUP_PASS: &str = "meadow copper whistle dune";

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

fn pass() -> Proof {
    Proof::passphrase(&secret(PASS))
}

fn wrong() -> Proof {
    Proof::passphrase(&secret("not the passphrase at all"))
}

async fn new_vault(dir: &Path) -> (Vault, SecretString) {
    let vault = Vault::new(dir);
    let created = vault.create(&secret(PASS), false).await.unwrap();
    (vault, created.recovery_code)
}

fn code(err: CoreError) -> ErrorCode {
    err.code()
}

#[tokio::test]
async fn unlocking_an_open_vault_still_checks_the_secret() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, recovery) = new_vault(dir.path()).await;
    let err = vault
        .unlock(UnlockMethod::Passphrase(secret(
            "not the passphrase at all",
        )))
        .await
        .unwrap_err();
    assert_eq!(code(err), ErrorCode::WrongPassphrase);
    vault
        .unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap();
    vault
        .unlock(UnlockMethod::RecoveryCode(recovery.clone()))
        .await
        .unwrap();
    assert_eq!(
        code(vault.confirm(&wrong()).await.unwrap_err()),
        ErrorCode::WrongPassphrase
    );
    vault.confirm(&pass()).await.unwrap();
    vault
        .confirm(&Proof::recovery_code(&recovery))
        .await
        .unwrap();
    vault.lock(LockReason::Manual).await.unwrap();
    assert_eq!(
        code(vault.confirm(&pass()).await.unwrap_err()),
        ErrorCode::VaultLocked
    );
}

#[tokio::test]
async fn dangerous_acts_need_the_passphrase_or_recovery_code_again() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, recovery) = new_vault(dir.path()).await;
    let out = tempfile::tempdir().unwrap();

    // Auto-lock "never".
    let never = LockSettings {
        auto_lock_minutes: None,
    };
    let err = vault.set_lock_settings(never, None).await.unwrap_err();
    assert_eq!(code(err), ErrorCode::ReauthRequired);
    let err = vault
        .set_lock_settings(never, Some(&wrong()))
        .await
        .unwrap_err();
    assert_eq!(code(err), ErrorCode::WrongPassphrase);
    assert_eq!(
        vault.lock_settings().await.unwrap().auto_lock_minutes,
        Some(15)
    );
    vault.set_lock_settings(never, Some(&pass())).await.unwrap();
    // Choosing a time again needs nothing.
    vault
        .set_lock_settings(LockSettings::default(), None)
        .await
        .unwrap();

    // Keyring on.
    let err = vault.set_keyring(true, None).await.unwrap_err();
    assert_eq!(code(err), ErrorCode::ReauthRequired);
    let err = vault.set_keyring(true, Some(&wrong())).await.unwrap_err();
    assert_eq!(code(err), ErrorCode::WrongPassphrase);

    // Backup.
    let file = out.path().join("b.backup");
    let err = backup::make(
        &vault,
        &file,
        &secret(BACKUP_PASS),
        &wrong(),
        &Control::quiet(),
    )
    .await
    .unwrap_err();
    assert_eq!(code(err), ErrorCode::WrongPassphrase);
    assert!(!file.exists());
    backup::make(
        &vault,
        &file,
        &secret(BACKUP_PASS),
        &Proof::recovery_code(&recovery),
        &Control::quiet(),
    )
    .await
    .unwrap();

    // Replacing from a backup.
    let err = backup::replace(
        &vault,
        &file,
        &secret(BACKUP_PASS),
        &wrong(),
        &Control::quiet(),
    )
    .await
    .unwrap_err();
    assert_eq!(code(err), ErrorCode::WrongPassphrase);
    assert!(vault.is_unlocked().await);

    // Passphrase change.
    let err = vault
        .change_passphrase(&wrong(), &secret("orbit kettle tulip marsh"))
        .await
        .unwrap_err();
    assert_eq!(code(err), ErrorCode::WrongPassphrase);

    // Delete everything.
    let err = vault.delete_everything(&wrong()).await.unwrap_err();
    assert_eq!(code(err), ErrorCode::WrongPassphrase);
    assert!(vault.exists() && vault.is_unlocked().await);

    // Rekey (the passphrase itself is needed).
    let err = vault.rekey(&wrong()).await.err().unwrap();
    assert_eq!(code(err), ErrorCode::WrongPassphrase);
    let err = vault
        .rekey(&Proof::recovery_code(&recovery))
        .await
        .err()
        .unwrap();
    assert_eq!(code(err), ErrorCode::InvalidInput);

    // The recovery code can stand in for a forgotten passphrase.
    vault
        .change_passphrase(
            &Proof::recovery_code(&recovery),
            &secret("orbit kettle tulip marsh"),
        )
        .await
        .unwrap();
    vault.lock(LockReason::Manual).await.unwrap();
    vault
        .unlock(UnlockMethod::Passphrase(secret("orbit kettle tulip marsh")))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_new_recovery_code_replaces_the_old_one_only_once_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, old) = new_vault(dir.path()).await;
    let err = vault.new_recovery_code(&wrong()).await.err().unwrap();
    assert_eq!(code(err), ErrorCode::WrongPassphrase);
    let first = vault.new_recovery_code(&pass()).await.unwrap();
    // Locked before the person said they saved it: nothing changed.
    vault.lock(LockReason::Manual).await.unwrap();
    vault
        .unlock(UnlockMethod::RecoveryCode(old.clone()))
        .await
        .unwrap();
    assert!(
        vault.keep_recovery_code().await.is_err(),
        "forgotten on lock"
    );
    vault.lock(LockReason::Manual).await.unwrap();
    let err = vault
        .unlock(UnlockMethod::RecoveryCode(first))
        .await
        .unwrap_err();
    assert_eq!(code(err), ErrorCode::WrongPassphrase);

    vault
        .unlock(UnlockMethod::RecoveryCode(old.clone()))
        .await
        .unwrap();
    let second = vault.new_recovery_code(&pass()).await.unwrap();
    vault.keep_recovery_code().await.unwrap();
    vault.lock(LockReason::Manual).await.unwrap();
    assert!(vault.unlock(UnlockMethod::RecoveryCode(old)).await.is_err());
    vault
        .unlock(UnlockMethod::RecoveryCode(second))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_lock_whose_checkpoint_fails_still_locks_and_auto_lock_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::default());
    let vault = Vault::with_clock(dir.path(), clock.clone());
    vault.create(&secret(PASS), false).await.unwrap();
    let pool = vault.pool().await.unwrap();
    store::create(&pool, person("Priya Shah")).await.unwrap();
    drop(pool);
    // The database vanishes from under the open vault: the checkpoint cannot reopen it.
    let db = dir.path().join("vault.db");
    let aside = dir.path().join("aside.db");
    std::fs::rename(&db, &aside).unwrap();
    clock.advance(Duration::from_secs(16 * 60));
    let result = vault.lock_if_idle().await;
    assert!(result.is_err(), "the failure is reported");
    assert!(!vault.is_unlocked().await, "but the vault is locked");
    assert_eq!(
        code(vault.pool().await.unwrap_err()),
        ErrorCode::VaultLocked
    );
    std::fs::rename(&aside, &db).unwrap();
    let _ = std::fs::remove_file(dir.path().join("vault.db-journal"));

    // Auto-lock works again after such a failure.
    vault
        .unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap();
    let people: i64 = sqlx::query_scalar("SELECT count(*) FROM people")
        .fetch_one(&vault.pool().await.unwrap())
        .await
        .unwrap();
    assert_eq!(
        people, 1,
        "the record written before the failed lock is there"
    );
    assert!(!vault.lock_if_idle().await.unwrap());
    clock.advance(Duration::from_secs(16 * 60));
    assert!(vault.lock_if_idle().await.unwrap());
    assert!(!vault.is_unlocked().await);
}

fn edit_kdf(path: &Path, memory_kib: u64) {
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    for slot in json["slots"].as_array_mut().unwrap() {
        if slot["kind"] == "wrapped" {
            slot["kdf"]["memory_kib"] = memory_kib.into();
        }
    }
    std::fs::write(path, serde_json::to_vec(&json).unwrap()).unwrap();
}

#[tokio::test]
async fn key_settings_outside_bounds_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = new_vault(dir.path()).await;
    vault.lock(LockReason::Manual).await.unwrap();
    for file in ["keyslots.json", "keyslots.mirror.json"] {
        edit_kdf(&dir.path().join(file), 4 * 1024 * 1024);
    }
    let started = Instant::now();
    let err = Vault::new(dir.path())
        .unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap_err();
    assert!(matches!(err, CoreError::KeyFileDamaged(_)), "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn weak_passphrases_are_refused_for_vaults_and_backups() {
    let dir = tempfile::tempdir().unwrap();
    for weak in ["Password12", "alongside2026"] {
        let err = Vault::new(dir.path())
            .create(&secret(weak), false)
            .await
            .err()
            .unwrap();
        assert_eq!(code(err), ErrorCode::InvalidInput, "{weak}");
        assert!(!dir.path().join("vault.db").exists());
    }
    let (vault, _) = new_vault(dir.path()).await;
    let out = tempfile::tempdir().unwrap();
    let err = backup::make(
        &vault,
        &out.path().join("b.backup"),
        &secret("Password12"),
        &pass(),
        &Control::quiet(),
    )
    .await
    .unwrap_err();
    assert_eq!(code(err), ErrorCode::InvalidInput);
    let err = vault
        .change_passphrase(&pass(), &secret("alongside2026"))
        .await
        .unwrap_err();
    assert_eq!(code(err), ErrorCode::InvalidInput);
}

#[tokio::test]
async fn changing_the_key_shuts_out_old_key_files_and_old_backups() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, old_code) = new_vault(dir.path()).await;
    let pool = vault.pool().await.unwrap();
    let id = store::create(&pool, person("Priya Shah")).await.unwrap().id;
    drop(pool);
    let old_slots = std::fs::read(dir.path().join("keyslots.json")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let old_backup = out.path().join("old.backup");
    backup::make(
        &vault,
        &old_backup,
        &secret(BACKUP_PASS),
        &pass(),
        &Control::quiet(),
    )
    .await
    .unwrap();

    let rekeyed = vault.rekey(&pass()).await.unwrap();
    assert_ne!(
        rekeyed.recovery_code.expose_secret(),
        old_code.expose_secret()
    );
    // Still open, with every record.
    let got = store::get::<Person>(&vault.pool().await.unwrap(), id)
        .await
        .unwrap();
    assert_eq!(got.data.name, "Priya Shah");
    assert!(!dir.path().join("keyslots.next.json").exists());
    vault.lock(LockReason::Manual).await.unwrap();

    // The passphrase and the new recovery code open it; the old code does not.
    let again = Vault::new(dir.path());
    again
        .unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap();
    assert!(again.check().await.unwrap().ok());
    again.lock(LockReason::Manual).await.unwrap();
    again
        .unlock(UnlockMethod::RecoveryCode(rekeyed.recovery_code.clone()))
        .await
        .unwrap();
    again.lock(LockReason::Manual).await.unwrap();
    assert!(again
        .unlock(UnlockMethod::RecoveryCode(old_code))
        .await
        .is_err());

    // An old key file with the old passphrase opens nothing.
    let stolen = tempfile::tempdir().unwrap();
    std::fs::copy(dir.path().join("vault.db"), stolen.path().join("vault.db")).unwrap();
    std::fs::write(stolen.path().join("keyslots.json"), &old_slots).unwrap();
    let err = Vault::new(stolen.path())
        .unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap_err();
    assert_eq!(code(err), ErrorCode::Damaged);

    // An old backup restores (into its own folder), but its key does not open today's database.
    let restored = tempfile::tempdir().unwrap();
    let folder = restored.path().join("r");
    backup::restore(
        &old_backup,
        &secret(BACKUP_PASS),
        &folder,
        Target::EmptyFolder,
        &Control::quiet(),
    )
    .await
    .unwrap();
    std::fs::copy(dir.path().join("vault.db"), folder.join("vault.db")).unwrap();
    for f in ["vault.db-wal", "vault.db-shm"] {
        let _ = std::fs::remove_file(folder.join(f));
    }
    let err = Vault::new(&folder)
        .unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap_err();
    assert_eq!(code(err), ErrorCode::Damaged);
}

#[tokio::test]
async fn a_key_change_cut_short_after_re_encrypting_is_finished_at_the_next_unlock() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = new_vault(dir.path()).await;
    let old_slots = std::fs::read(dir.path().join("keyslots.json")).unwrap();
    vault.rekey(&pass()).await.unwrap();
    vault.lock(LockReason::Manual).await.unwrap();
    // As if the process died between re-encrypting and writing the new key file.
    let new_slots = std::fs::read(dir.path().join("keyslots.json")).unwrap();
    std::fs::write(dir.path().join("keyslots.next.json"), &new_slots).unwrap();
    std::fs::write(dir.path().join("keyslots.json"), &old_slots).unwrap();
    std::fs::write(dir.path().join("keyslots.mirror.json"), &old_slots).unwrap();
    let again = Vault::new(dir.path());
    again
        .unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("keyslots.json")).unwrap(),
        new_slots
    );
    assert!(!dir.path().join("keyslots.next.json").exists());
}

#[tokio::test]
async fn a_key_change_that_cannot_finish_leaves_the_old_vault_working() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = new_vault(dir.path()).await;
    let slots_before = std::fs::read(dir.path().join("keyslots.json")).unwrap();
    // Another process (the command line, say) has the vault open and is reading: the database
    // cannot leave WAL mode, so the change is refused.
    let other = Vault::new(dir.path());
    other
        .unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap();
    let other_pool = other.pool().await.unwrap();
    let mut tx = other_pool.begin().await.unwrap();
    sqlx::query("SELECT count(*) FROM people")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    let result = vault.rekey(&pass()).await;
    assert!(result.is_err());
    tx.rollback().await.unwrap();
    drop(other_pool);
    other.lock(LockReason::Manual).await.unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("keyslots.json")).unwrap(),
        slots_before
    );
    assert!(!dir.path().join("keyslots.next.json").exists());
    // The vault is still open under its old key, and opens again after a lock.
    store::create(&vault.pool().await.unwrap(), person("Tom Reid"))
        .await
        .unwrap();
    vault.lock(LockReason::Manual).await.unwrap();
    vault
        .unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap();
    assert!(vault.check().await.unwrap().ok());
}

#[tokio::test]
async fn damage_to_the_key_file_while_unlocked_never_drops_a_slot() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = new_vault(dir.path()).await;
    for f in ["keyslots.json", "keyslots.mirror.json"] {
        std::fs::write(dir.path().join(f), b"{ damaged").unwrap();
    }
    let err = vault
        .change_passphrase(&pass(), &secret("orbit kettle tulip marsh"))
        .await
        .unwrap_err();
    assert_eq!(code(err), ErrorCode::SlotsUnusable);
    assert!(vault.new_recovery_code(&pass()).await.is_err());
    assert!(vault.set_keyring(false, None).await.is_err());
    for f in ["keyslots.json", "keyslots.mirror.json"] {
        assert_eq!(std::fs::read(dir.path().join(f)).unwrap(), b"{ damaged");
    }
}

#[cfg(unix)]
fn assert_private(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(dir), 0o700, "{}", dir.display());
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            assert_private(&path);
        } else {
            assert_eq!(mode(&path), 0o600, "{}", path.display());
        }
    }
}

#[cfg(unix)]
#[tokio::test]
async fn files_are_private_after_init_migration_copy_and_restore() {
    use std::os::unix::fs::PermissionsExt;
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("vault");
    let (vault, _) = new_vault(&dir).await;
    assert_private(&dir);
    // A loosened file is put right by the next start (what the app and CLI call first).
    std::fs::set_permissions(
        dir.join("keyslots.json"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    alongside_core::hardening::repair_modes(&dir).unwrap();
    assert_private(&dir);
    let out = parent.path().join("b.backup");
    backup::make(
        &vault,
        &out,
        &secret(BACKUP_PASS),
        &pass(),
        &Control::quiet(),
    )
    .await
    .unwrap();
    let restored = parent.path().join("restored");
    backup::restore(
        &out,
        &secret(BACKUP_PASS),
        &restored,
        Target::EmptyFolder,
        &Control::quiet(),
    )
    .await
    .unwrap();
    assert_private(&restored);
}

#[tokio::test]
async fn deleted_text_is_overwritten_not_left_in_free_pages() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = new_vault(dir.path()).await;
    let on: i64 = sqlx::query_scalar("PRAGMA secure_delete")
        .fetch_one(&vault.pool().await.unwrap())
        .await
        .unwrap();
    assert_eq!(on, 1);
}

#[tokio::test]
async fn a_backup_is_never_written_over_a_file_of_the_vault() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = new_vault(dir.path()).await;
    vault.lock(LockReason::Manual).await.unwrap();
    vault
        .unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap();
    let before = std::fs::read(dir.path().join("vault.db")).unwrap();
    // A link elsewhere that points at the database is refused as well.
    let elsewhere = tempfile::tempdir().unwrap();
    let link = elsewhere.path().join("innocent.backup");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("vault.db"), &link).unwrap();
    for target in [
        dir.path().join("vault.db"),
        dir.path().join("keyslots.json"),
        dir.path().join("vault.db-wal"),
        link,
    ] {
        let err = backup::make(
            &vault,
            &target,
            &secret(BACKUP_PASS),
            &pass(),
            &Control::quiet(),
        )
        .await
        .unwrap_err();
        let api: alongside_core::ApiError = err.into();
        assert_eq!(api.field.as_deref(), Some("out"), "{}", target.display());
    }
    assert_eq!(std::fs::read(dir.path().join("vault.db")).unwrap(), before);
    assert!(vault.check().await.unwrap().ok());
}

#[tokio::test]
async fn two_set_ups_at_once_leave_one_valid_vault() {
    let dir = tempfile::tempdir().unwrap();
    let a = Vault::new(dir.path());
    let b = Vault::new(dir.path());
    let pass = secret(PASS);
    let (ra, rb) = tokio::join!(a.create(&pass, false), b.create(&pass, false));
    let oks = [ra.is_ok(), rb.is_ok()];
    assert_eq!(
        oks.iter().filter(|o| **o).count(),
        1,
        "exactly one set-up succeeds"
    );
    let failed = if ra.is_ok() { rb.err() } else { ra.err() }.unwrap();
    assert!(
        matches!(failed.code(), ErrorCode::VaultExists | ErrorCode::Busy),
        "{failed}"
    );
    let check = Vault::new(dir.path());
    check
        .unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap();
    assert!(check.check().await.unwrap().ok());
}

/// Runs only inside `scripts/with-keyring.sh` (a real Secret Service).
#[tokio::test]
async fn the_keyring_opens_the_vault_once_at_start_and_never_after_a_lock() {
    if std::env::var_os("ALONGSIDE_TEST_KEYRING").is_none() {
        eprintln!("skipped: needs the Secret Service of scripts/with-keyring.sh");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let service = format!("alongside-test-once-{}", std::process::id());
    let vault = Vault::new(dir.path()).with_keyring_service(&service);
    vault.create(&secret(PASS), false).await.unwrap();
    vault.set_keyring(true, Some(&pass())).await.unwrap();
    vault.lock(LockReason::Manual).await.unwrap();
    // The same app after a lock: the keyring is not used again.
    let err = vault.unlock(UnlockMethod::Keyring).await.unwrap_err();
    assert_eq!(code(err), ErrorCode::KeyringUnavailable);
    assert!(!vault.is_unlocked().await);
    // The next start of the app opens it from the keyring, once.
    let next_start = Vault::new(dir.path()).with_keyring_service(&service);
    assert!(next_start.unlock_at_start().await);
    next_start.lock(LockReason::Idle).await.unwrap();
    assert!(!next_start.unlock_at_start().await);
    assert!(!next_start.is_unlocked().await);
    next_start.set_keyring(false, None).await.unwrap_err();
    next_start
        .unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap();
    next_start.set_keyring(false, None).await.unwrap();
}
