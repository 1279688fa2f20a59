//! The vault on the real SQLCipher database in temporary folders.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use alongside_core::clock::ManualClock;
use alongside_core::drafts;
use alongside_core::vault::settings::LockSettings;
use alongside_core::vault::{LockReason, UnlockMethod, Vault};
use alongside_core::{CoreError, ErrorCode};
use secrecy::{ExposeSecret, SecretString};

const PASS: &str = "river kettle orchard lantern";

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

fn proof() -> alongside_core::vault::Proof {
    alongside_core::vault::Proof::passphrase(&secret(PASS))
}

/// Every file in the folder with its bytes. A file removed between listing and reading (seen
/// once in CI right after a lock) is left out rather than failing the listing; the comparison
/// still catches any file the step under test adds, changes or removes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let e = e.unwrap();
            match std::fs::read(e.path()) {
                Ok(bytes) => Some((e.file_name().to_string_lossy().into_owned(), bytes)),
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
                Err(err) => panic!("reading {:?}: {err}", e.file_name()),
            }
        })
        .collect()
}

/// Compares two snapshots, naming the files that differ (never dumping their bytes).
fn assert_same(after: &BTreeMap<String, Vec<u8>>, before: &BTreeMap<String, Vec<u8>>) {
    let sizes = |m: &BTreeMap<String, Vec<u8>>| -> Vec<(String, usize)> {
        m.iter().map(|(k, v)| (k.clone(), v.len())).collect()
    };
    let changed: Vec<_> = before
        .iter()
        .filter(|(k, v)| after.get(*k) != Some(*v))
        .map(|(k, _)| k.clone())
        .collect();
    assert!(
        after == before,
        "files changed: {changed:?}; before {:?}, after {:?}",
        sizes(before),
        sizes(after)
    );
}

async fn new_vault(dir: &Path) -> (Vault, SecretString) {
    let vault = Vault::new(dir);
    let created = vault.create(&secret(PASS), false).await.unwrap();
    assert!(created.keyring_problem.is_none());
    (vault, created.recovery_code)
}

#[tokio::test]
async fn create_lock_and_unlock_with_passphrase_and_recovery_code() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, code) = new_vault(dir.path()).await;
    assert_eq!(code.expose_secret().len(), 29);
    let status = vault.status().await.unwrap();
    assert!(status.exists && status.unlocked);
    assert!(status.slots.passphrase && status.slots.recovery_code && !status.slots.keyring);
    let newest = alongside_core::vault::database::MIGRATOR
        .iter()
        .map(|m| m.version)
        .max();
    assert_eq!(status.schema_version, newest);

    let pool = vault.pool().await.unwrap();
    drafts::save(&pool, "reflection:new", "first thoughts")
        .await
        .unwrap();
    assert!(vault.lock(LockReason::Manual).await.unwrap());
    assert!(!vault.is_unlocked().await);
    assert_eq!(vault.status().await.unwrap().drafts, None);

    // A fresh handle, as after restarting the app.
    let vault = Vault::new(dir.path());
    vault
        .unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap();
    let pool = vault.pool().await.unwrap();
    let d = drafts::load(&pool, "reflection:new")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(d.body, "first thoughts");
    vault.lock(LockReason::Manual).await.unwrap();

    let typed = code.expose_secret().to_lowercase().replace('-', " ");
    vault
        .unlock(UnlockMethod::RecoveryCode(secret(&typed)))
        .await
        .unwrap();
    assert!(vault.is_unlocked().await);
}

#[tokio::test]
async fn a_second_vault_is_never_created_over_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = new_vault(dir.path()).await;
    vault.lock(LockReason::Manual).await.unwrap();
    let before = snapshot(dir.path());
    let err = Vault::new(dir.path()).create(&secret(PASS), false).await;
    assert!(matches!(err, Err(CoreError::VaultExists)));
    assert_same(&snapshot(dir.path()), &before);
}

#[tokio::test]
async fn wrong_passphrase_and_code_leave_every_file_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = new_vault(dir.path()).await;
    vault.lock(LockReason::Manual).await.unwrap();
    let before = snapshot(dir.path());
    let vault = Vault::new(dir.path());
    let err = vault
        .unlock(UnlockMethod::Passphrase(secret("not the passphrase")))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::WrongPassphrase);
    let err = vault
        .unlock(UnlockMethod::RecoveryCode(secret(
            "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA",
        )))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::WrongPassphrase);
    let err = vault
        .unlock(UnlockMethod::RecoveryCode(secret("nonsense")))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::WrongPassphrase);
    assert!(!vault.is_unlocked().await);
    assert_same(&snapshot(dir.path()), &before);
}

#[tokio::test]
async fn no_record_text_reaches_any_file_in_plaintext() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, code) = new_vault(dir.path()).await;
    let pool = vault.pool().await.unwrap();
    let canaries: Vec<String> = (0..50)
        .map(|i| format!("CANARY-{i}-my-private-health-note-zq7x"))
        .collect();
    for (i, c) in canaries.iter().enumerate() {
        drafts::save(&pool, &format!("draft:{i}"), &c.repeat(20))
            .await
            .unwrap();
    }
    let check = |label: &str| {
        let files = snapshot(dir.path());
        assert!(files.keys().any(|k| k.ends_with("-wal")) || label == "locked");
        for (name, bytes) in &files {
            let text = String::from_utf8_lossy(bytes);
            assert!(
                !text.contains("CANARY-"),
                "{label}: record text found in {name}"
            );
            assert!(!text.contains(PASS), "{label}: passphrase found in {name}");
            let plain_code = code.expose_secret().replace('-', "");
            assert!(
                !text.contains(&plain_code),
                "{label}: recovery code in {name}"
            );
            assert!(
                !bytes.starts_with(b"SQLite format 3"),
                "{label}: {name} is a plaintext SQLite file"
            );
        }
    };
    check("unlocked");
    vault.lock(LockReason::Manual).await.unwrap();
    check("locked");
}

#[tokio::test]
async fn a_missing_key_file_never_yields_a_new_key_or_database() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, code) = new_vault(dir.path()).await;
    vault.lock(LockReason::Manual).await.unwrap();
    std::fs::remove_file(dir.path().join("keyslots.json")).unwrap();
    std::fs::remove_file(dir.path().join("keyslots.mirror.json")).unwrap();
    let before = snapshot(dir.path());
    let vault = Vault::new(dir.path());
    for method in [
        UnlockMethod::Passphrase(secret(PASS)),
        UnlockMethod::RecoveryCode(code.clone()),
        UnlockMethod::Keyring,
    ] {
        let err = vault.unlock(method).await.unwrap_err();
        assert_eq!(err.code(), ErrorCode::SlotsUnusable, "{err}");
        assert!(err.to_string().contains("keyslots.json"));
    }
    assert!(matches!(
        vault.create(&secret(PASS), false).await,
        Err(CoreError::VaultExists)
    ));
    assert_same(&snapshot(dir.path()), &before);
    let status = vault.status().await.unwrap();
    assert!(status.exists && status.slots_problem.is_some());
}

#[tokio::test]
async fn a_damaged_key_file_is_repaired_from_its_mirror_after_unlocking() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = new_vault(dir.path()).await;
    vault.lock(LockReason::Manual).await.unwrap();
    let good = std::fs::read(dir.path().join("keyslots.json")).unwrap();
    std::fs::write(dir.path().join("keyslots.json"), &good[..good.len() / 2]).unwrap();
    let vault = Vault::new(dir.path());
    vault
        .unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("keyslots.json")).unwrap(),
        good
    );
    assert!(vault.check().await.unwrap().ok());
}

#[tokio::test]
async fn changing_the_passphrase_and_recovery_code_rewraps_without_reencrypting() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, old_code) = new_vault(dir.path()).await;
    vault.lock(LockReason::Manual).await.unwrap();
    let db_before = std::fs::read(dir.path().join("vault.db")).unwrap();
    vault
        .unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap();
    let err = vault
        .change_passphrase(&proof(), &secret("short"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    vault
        .change_passphrase(&proof(), &secret("a brand new passphrase"))
        .await
        .unwrap();
    let now = alongside_core::vault::Proof::passphrase(&secret("a brand new passphrase"));
    let new_code = vault.new_recovery_code(&now).await.unwrap();
    vault.keep_recovery_code().await.unwrap();
    vault.lock(LockReason::Manual).await.unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("vault.db")).unwrap(),
        db_before
    );

    let wrong = |e: CoreError| assert_eq!(e.code(), ErrorCode::WrongPassphrase);
    wrong(
        vault
            .unlock(UnlockMethod::Passphrase(secret(PASS)))
            .await
            .unwrap_err(),
    );
    wrong(
        vault
            .unlock(UnlockMethod::RecoveryCode(old_code))
            .await
            .unwrap_err(),
    );
    vault
        .unlock(UnlockMethod::RecoveryCode(new_code))
        .await
        .unwrap();
    vault.lock(LockReason::Manual).await.unwrap();
    vault
        .unlock(UnlockMethod::Passphrase(secret("a brand new passphrase")))
        .await
        .unwrap();
}

#[tokio::test]
async fn every_operation_on_a_locked_vault_says_vault_locked() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = new_vault(dir.path()).await;
    let kept_pool = vault.pool().await.unwrap();
    vault.lock(LockReason::Manual).await.unwrap();
    let locked =
        |r: Result<(), CoreError>| assert_eq!(r.unwrap_err().code(), ErrorCode::VaultLocked);
    locked(vault.pool().await.map(|_| ()));
    locked(vault.lock_settings().await.map(|_| ()));
    locked(
        vault
            .set_lock_settings(LockSettings::default(), Some(&proof()))
            .await
            .map(|_| ()),
    );
    locked(
        vault
            .change_passphrase(&proof(), &secret("another good passphrase"))
            .await,
    );
    locked(vault.new_recovery_code(&proof()).await.map(|_| ()));
    locked(vault.check().await.map(|_| ()));
    locked(vault.set_keyring(false, Some(&proof())).await);
    // A pool handed out before locking is closed too.
    assert!(drafts::count(&kept_pool).await.is_err());
}

#[tokio::test]
async fn auto_lock_follows_the_chosen_idle_time() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(ManualClock::default());
    let vault = Vault::with_clock(dir.path(), clock.clone());
    vault.create(&secret(PASS), false).await.unwrap();
    assert_eq!(
        vault.lock_settings().await.unwrap().auto_lock_minutes,
        Some(15)
    );
    vault
        .set_lock_settings(
            LockSettings {
                auto_lock_minutes: Some(1),
            },
            Some(&proof()),
        )
        .await
        .unwrap();
    clock.advance(Duration::from_secs(59));
    assert!(!vault.lock_if_idle().await.unwrap());
    vault.touch().await;
    clock.advance(Duration::from_secs(59));
    assert!(
        !vault.lock_if_idle().await.unwrap(),
        "touch resets the timer"
    );
    // Background work (reminders) reads the vault without holding off the lock.
    clock.advance(Duration::from_secs(2));
    vault.pool_in_background().await.unwrap();
    assert!(vault.lock_if_idle().await.unwrap());
    assert!(!vault.is_unlocked().await);
    assert_eq!(
        vault.pool_in_background().await.unwrap_err().code(),
        alongside_core::ErrorCode::VaultLocked
    );

    // The choice is stored in the vault and survives unlocking; "never" never locks.
    vault
        .unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap();
    assert_eq!(
        vault.lock_settings().await.unwrap().auto_lock_minutes,
        Some(1)
    );
    vault
        .set_lock_settings(
            LockSettings {
                auto_lock_minutes: None,
            },
            Some(&proof()),
        )
        .await
        .unwrap();
    clock.advance(Duration::from_secs(60 * 60 * 24 * 365));
    assert!(!vault.lock_if_idle().await.unwrap());
    let err = vault
        .set_lock_settings(
            LockSettings {
                auto_lock_minutes: Some(7),
            },
            Some(&proof()),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
}

#[tokio::test]
async fn two_processes_worth_of_handles_write_at_once_without_corruption() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = new_vault(dir.path()).await;
    let cli = Vault::new(dir.path());
    cli.unlock(UnlockMethod::Passphrase(secret(PASS)))
        .await
        .unwrap();
    let (a, b) = (app.pool().await.unwrap(), cli.pool().await.unwrap());
    let writer = |pool: sqlx::SqlitePool, who: &'static str| async move {
        for i in 0..100 {
            drafts::save(&pool, &format!("{who}:{i}"), "text")
                .await
                .unwrap();
        }
    };
    tokio::join!(writer(a.clone(), "app"), writer(b, "cli"));
    assert_eq!(drafts::count(&a).await.unwrap(), 200);
    cli.lock(LockReason::Manual).await.unwrap();
    let report = app.check().await.unwrap();
    assert!(report.ok(), "{report:?}");
}

#[tokio::test]
async fn check_reports_database_encryption_and_slots() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = new_vault(dir.path()).await;
    let report = vault.check().await.unwrap();
    let names: Vec<_> = report.items.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(
        names,
        ["database", "encryption", "key file", "key file copy"]
    );
    assert!(report.ok());
    std::fs::remove_file(dir.path().join("keyslots.mirror.json")).unwrap();
    let report = vault.check().await.unwrap();
    assert!(!report.ok());
}

#[tokio::test]
async fn locking_closes_everything_and_leaves_no_wal_or_shm_behind() {
    for _ in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let (vault, _) = new_vault(dir.path()).await;
        let pool = vault.pool().await.unwrap();
        drafts::save(&pool, "d", "text").await.unwrap();
        vault.lock(LockReason::Manual).await.unwrap();
        let names: Vec<String> = snapshot(dir.path()).into_keys().collect();
        assert_eq!(names, ["keyslots.json", "keyslots.mirror.json", "vault.db"]);
    }
}

#[cfg(unix)]
#[tokio::test]
async fn a_new_vault_is_private_to_its_owner() {
    use std::os::unix::fs::PermissionsExt;
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("new-folder");
    let (vault, _) = new_vault(&dir).await;
    drafts::save(&vault.pool().await.unwrap(), "d", "x")
        .await
        .unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }
}

#[tokio::test]
async fn at_start_a_remembered_vault_unlocks_from_the_keyring_and_others_stay_locked() {
    let dir = tempfile::tempdir().unwrap();
    let service = format!("alongside-test-start-{}", std::process::id());
    let vault = Vault::new(dir.path()).with_keyring_service(&service);
    assert!(!vault.unlock_at_start().await, "no vault yet");
    let created = vault.create(&secret(PASS), true).await.unwrap();
    assert!(
        created.keyring_problem.is_none(),
        "run under scripts/with-keyring.sh: {:?}",
        created.keyring_problem
    );
    vault.lock(LockReason::Manual).await.unwrap();

    let again = Vault::new(dir.path()).with_keyring_service(&service);
    assert!(again.unlock_at_start().await);
    assert!(again.status().await.unwrap().unlocked);
    again.set_keyring(false, Some(&proof())).await.unwrap();
    again.lock(LockReason::Manual).await.unwrap();

    let not_remembered = Vault::new(dir.path()).with_keyring_service(&service);
    assert!(!not_remembered.unlock_at_start().await);
    assert!(!not_remembered.status().await.unwrap().unlocked);
}

#[tokio::test]
async fn a_vault_under_the_old_app_id_moves_with_its_keyring_entry() {
    use alongside_core::paths::{adopt_old_folder, VaultPaths, APP_IDENTIFIER, OLD_APP_IDENTIFIER};
    use alongside_core::records::store;
    use alongside_core::vault::keyring_slot;
    use alongside_core::vault::slots::SlotFile;
    let root = tempfile::tempdir().unwrap();
    let old_dir = root.path().join(OLD_APP_IDENTIFIER);
    let new_dir = root.path().join(APP_IDENTIFIER);
    // Test services of their own, standing for the old and the new keyring names.
    let id = std::process::id();
    let (old_service, new_service) = (
        format!("alongside-test-old-id-{id}"),
        format!("alongside-test-new-id-{id}"),
    );
    let old = Vault::new(&old_dir).with_keyring_service(&old_service);
    let created = old.create(&secret(PASS), true).await.unwrap();
    assert!(
        created.keyring_problem.is_none(),
        "run under scripts/with-keyring.sh: {:?}",
        created.keyring_problem
    );
    let pool = old.pool().await.unwrap();
    let p = store::create(&pool, alongside_test_support::project("Moved with me"))
        .await
        .unwrap();
    old.lock(LockReason::Manual).await.unwrap();
    let files_before = snapshot(&old_dir);

    // The folder moves in one rename; a second call (or a new folder already there) does nothing.
    assert!(adopt_old_folder(root.path()).unwrap());
    assert!(!old_dir.exists());
    assert_eq!(snapshot(&new_dir), files_before);
    assert!(!adopt_old_folder(root.path()).unwrap());

    // The next start unlocks from the keyring entry under the old name and moves it.
    let moved = Vault::new(&new_dir).with_keyring_service(&new_service);
    assert!(moved.unlock_at_start().await);
    let pool = moved.pool().await.unwrap();
    let again: alongside_core::records::Stored<alongside_core::records::projects::Project> =
        store::get(&pool, p.id).await.unwrap();
    assert_eq!(again.data.title, "Moved with me");
    let (slots, _) = SlotFile::load(&VaultPaths::new(&new_dir)).unwrap();
    let (service, account) = slots
        .keyring()
        .map(|(s, a)| (s.to_owned(), a.to_owned()))
        .unwrap();
    assert_eq!(service, new_service, "the key file names the new service");
    assert!(keyring_slot::load(&new_service, &account)
        .unwrap()
        .is_some());
    assert!(
        keyring_slot::load(&old_service, &account)
            .unwrap()
            .is_none(),
        "the old entry is removed"
    );
    moved.lock(LockReason::Manual).await.unwrap();
    // And the start after that unlocks from the new entry.
    let next = Vault::new(&new_dir).with_keyring_service(&new_service);
    assert!(next.unlock_at_start().await);
    next.set_keyring(false, None).await.unwrap();
    next.lock(LockReason::Manual).await.unwrap();
}
