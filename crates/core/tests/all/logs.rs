//! Leak checks: with every log at TRACE (sqlx and the `log` crate included), a whole session —
//! create, records, search, export, backup, lock, unlock with each kind of secret, passphrase
//! change — logs no record text, no passphrase, no recovery code and no key. After lock the
//! pool is closed and nothing can be read through it.

use std::io::Write;
use std::sync::{Arc, Mutex};

use alongside_core::backup::{self, Control};
use alongside_core::records::search::{search, Privacy};
use alongside_core::records::store;
use alongside_core::records::transfer::json;
use alongside_core::vault::{LockReason, UnlockMethod, Vault};
use alongside_core::CoreError;
use alongside_test_support::*;
use secrecy::{ExposeSecret, SecretString};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

/// The longest run of hexadecimal digits in `text` (a 32-byte key is 64 of them).
fn longest_hex_run(text: &str) -> usize {
    let (mut best, mut run) = (0, 0);
    for c in text.chars() {
        run = if c.is_ascii_hexdigit() { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

#[tokio::test(flavor = "multi_thread")]
async fn a_whole_session_at_trace_level_logs_no_secret_and_no_record_text() {
    let logs = Captured::default();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(logs.clone())
        .with_ansi(false)
        .try_init()
        .unwrap();

    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::new(dir.path());
    let created = vault
        .create(&SecretString::from(PASS.to_owned()), false)
        .await
        .unwrap();
    let recovery = created.recovery_code.expose_secret().to_owned();
    let pool = vault.pool().await.unwrap();

    const TEXTS: &[&str] = &[
        "Quillfeather Sanatorium",
        "my own asthma diary entry",
        "Ottoline Vasquez-Marlow",
        "told them the leaflet frightened me",
    ];
    let p = store::create(&pool, project(TEXTS[0])).await.unwrap();
    let mut c = contribution(p.id, "2025-05-01", 90);
    c.summary = TEXTS[3].into();
    store::create(&pool, c).await.unwrap();
    store::create(&pool, reflection("2025-05-02", true, TEXTS[1]))
        .await
        .unwrap();
    store::create(&pool, person(TEXTS[2])).await.unwrap();
    let err = store::create(&pool, project(&"Quillfeather ".repeat(100)))
        .await
        .unwrap_err();
    assert!(matches!(err, CoreError::InvalidInput { .. }));
    let found = search(&pool, "quillfeather", 10, Privacy::IncludePrivate)
        .await
        .unwrap();
    assert!(!found.is_empty());
    json::export_all(&pool, true).await.unwrap();
    let backup_pass = SecretString::from("ledger compass autumn".to_owned());
    backup::make(
        &vault,
        &dir.path().join("b.backup"),
        &backup_pass,
        &proof(),
        &Control::quiet(),
    )
    .await
    .unwrap();

    // Locked: the pool is closed and the vault gives no connection.
    vault.lock(LockReason::Manual).await.unwrap();
    assert!(pool.is_closed());
    assert!(sqlx::query("SELECT 1").execute(&pool).await.is_err());
    assert!(matches!(vault.pool().await, Err(CoreError::VaultLocked)));

    vault
        .unlock(UnlockMethod::RecoveryCode(SecretString::from(
            recovery.clone(),
        )))
        .await
        .unwrap();
    vault
        .change_passphrase(
            &proof(),
            &SecretString::from("a completely new passphrase".to_owned()),
        )
        .await
        .unwrap();
    vault.lock(LockReason::Idle).await.unwrap();
    let wrong = vault
        .unlock(UnlockMethod::Passphrase(SecretString::from(
            "not the passphrase at all".to_owned(),
        )))
        .await;
    assert!(wrong.is_err());
    vault
        .unlock(UnlockMethod::Passphrase(SecretString::from(
            "a completely new passphrase".to_owned(),
        )))
        .await
        .unwrap();
    vault.lock(LockReason::Manual).await.unwrap();

    let text = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(
        tracing::enabled!(tracing::Level::TRACE),
        "the capture is not at TRACE"
    );
    assert!(
        text.contains("vault locked"),
        "the capture saw no core logs"
    );
    let secrets = [
        PASS,
        "a completely new passphrase",
        "not the passphrase at all",
        "ledger compass autumn",
        recovery.as_str(),
    ];
    for needle in TEXTS.iter().chain(secrets.iter()) {
        assert!(
            !text.contains(needle),
            "the logs hold a secret or record text"
        );
    }
    assert!(!text.to_lowercase().contains("quillfeather"));
    assert!(
        longest_hex_run(&text) < 32,
        "the logs hold a long hexadecimal string (a key?)"
    );
}
