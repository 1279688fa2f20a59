//! Changing the data key: a new random key, the database re-encrypted in place by SQLCipher's
//! `PRAGMA rekey` (one transaction: a failure leaves it under the old key), every slot
//! rewrapped and a new recovery code. Afterwards old key files and old backups, even with the
//! old passphrase, no longer open the database.
//!
//! Order, so a crash at any moment leaves a vault that opens with the passphrase:
//! 1. the new key file is written beside the old one as `keyslots.next.json`;
//! 2. the database is re-encrypted (journal mode DELETE for the change, then WAL again);
//! 3. the new key file replaces `keyslots.json` and its mirror; the pending file is removed.
//!
//! Unlocking after a crash between 2 and 3 finds that the old key no longer opens the
//! database and tries the pending file with the same secret (see `Vault::unlock`).

use secrecy::SecretString;
use sqlx::{ConnectOptions, Connection};

use super::key::DataKey;
use super::slots::SlotFile;
use super::{blocking, database, keyring_slot, recovery, Proof, Vault};
use crate::atomic_file::write_atomic;
use crate::error::{CoreError, CoreResult};

/// What a key change produced.
pub struct Rekeyed {
    /// The new recovery code: show it once. The old code no longer works.
    pub recovery_code: SecretString,
    /// When "unlock automatically" was on but the keyring could not take the new key, why (it
    /// is then off; the passphrase works).
    pub keyring_problem: Option<String>,
}

impl Vault {
    /// Changes the data key and re-encrypts the database. Needs the passphrase as `proof` (the
    /// passphrase slot is rewrapped with it); makes a new recovery code.
    pub async fn rekey(&self, proof: &Proof) -> CoreResult<Rekeyed> {
        let Proof::Passphrase { passphrase } = proof else {
            return Err(CoreError::invalid(
                "proof",
                "Changing the key needs your passphrase, not the recovery code.",
            ));
        };
        let passphrase = SecretString::from(passphrase.clone());
        self.confirm(proof).await?;
        let mut session = self.session.lock().await;
        let s = session.as_mut().ok_or(CoreError::VaultLocked)?;
        let (old_file, _) = SlotFile::load(&self.paths)?;
        let new_key = DataKey::generate()?;
        let recovery_code = recovery::generate()?;
        let keyring = old_file
            .keyring()
            .map(|(svc, acct)| (svc.to_owned(), acct.to_owned()));
        let new_file =
            super::secret_slots(&s.vault_id, &passphrase, &recovery_code, &new_key, keyring)
                .await?;
        let pending = self.paths.slots_pending();
        let bytes = serde_json::to_vec_pretty(&new_file)
            .map_err(|e| CoreError::Internal(format!("The key file could not be written: {e}")))?;
        write_atomic(&pending, &bytes)?;

        let changed = async {
            database::checkpoint_and_close(&s.pool, &self.paths, &s.key).await?;
            reencrypt(&self.paths, &s.key, &new_key).await
        }
        .await;
        let new_pool = match changed {
            Ok(()) => database::open_pool(&self.paths, &new_key, false).await?,
            Err(e) => match database::open_pool(&self.paths, &s.key, false).await {
                // Still under the old key: carry on with it; the pending file is not needed.
                Ok(pool) => {
                    let _ = std::fs::remove_file(&pending);
                    s.pool = pool;
                    return Err(e);
                }
                // The change went through before the failure (switching back to WAL, say).
                Err(_) => match database::open_pool(&self.paths, &new_key, false).await {
                    Ok(pool) => pool,
                    // Neither opens now: the vault locks (never left half open) and the
                    // pending key file stays for the next unlock.
                    Err(_) => {
                        *session = None;
                        return Err(e);
                    }
                },
            },
        };
        // From here the database is under the new key, whatever happens next: if the new key
        // file cannot be put in place now, the pending one finishes the change at next unlock.
        s.pool = new_pool;
        s.key = new_key.clone();
        s.pending_recovery = None;
        s.last_activity = self.clock.now();
        new_file.save(&self.paths)?;
        std::fs::remove_file(&pending)?;
        crate::atomic_file::sync_dir(self.paths.dir())?;

        let mut keyring_problem = None;
        if let Some((service, account)) = new_file.keyring() {
            let (svc, acct) = (service.to_owned(), account.to_owned());
            if let Err(e) = blocking(move || keyring_slot::store(&svc, &acct, &new_key)).await {
                keyring_problem = Some(e.to_string());
                let vault_id = s.vault_id.clone();
                drop(session);
                self.rewrap(vault_id, |f| {
                    f.remove_keyring();
                    Ok(())
                })
                .await?;
            }
        }
        tracing::info!("data key changed");
        Ok(Rekeyed {
            recovery_code,
            keyring_problem,
        })
    }
}

/// Re-encrypts the database from `old` to `new` on one connection, with no other open.
async fn reencrypt(
    paths: &crate::paths::VaultPaths,
    old: &DataKey,
    new: &DataKey,
) -> CoreResult<()> {
    let mut conn = database::connect_options(paths, old, false)?
        .connect()
        .await?;
    let result = async {
        sqlx::query("PRAGMA journal_mode = DELETE")
            .execute(&mut conn)
            .await?;
        let literal = new.sqlcipher_literal();
        let statement = zeroize::Zeroizing::new(format!("PRAGMA rekey = {}", literal.as_str()));
        sqlx::query(statement.as_str()).execute(&mut conn).await?;
        sqlx::query("PRAGMA journal_mode = WAL")
            .execute(&mut conn)
            .await?;
        Ok::<(), CoreError>(())
    }
    .await;
    conn.close().await?;
    result
}
