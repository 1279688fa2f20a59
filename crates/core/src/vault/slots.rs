//! The key-slot file: the data key wrapped by a passphrase, a recovery code and (by reference)
//! the OS keyring. Written atomically, with a mirror copy used when the main file is damaged.

use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::atomic_file::write_atomic;
use crate::error::{CoreError, CoreResult};
use crate::paths::VaultPaths;
use crate::vault::key::{fill_random, DataKey, KEY_LEN};

/// The format name written into every slot file.
pub const FORMAT: &str = "alongside-keyslots";
/// The slot file's format version.
pub const VERSION: u32 = 1;

/// Argon2id settings for a slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory in KiB.
    pub memory_kib: u32,
    /// Passes over memory.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
}

impl KdfParams {
    /// For passphrases: about 64 MiB and 3 passes.
    pub const PASSPHRASE: KdfParams = KdfParams {
        memory_kib: 64 * 1024,
        iterations: 3,
        parallelism: 1,
    };
    /// For recovery codes, which already carry 125 random bits: about 19 MiB and 2 passes.
    pub const RECOVERY_CODE: KdfParams = KdfParams {
        memory_kib: 19 * 1024,
        iterations: 2,
        parallelism: 1,
    };

    /// Smallest memory accepted from a file, in KiB (8 MiB).
    pub const MIN_MEMORY_KIB: u32 = 8 * 1024;
    /// Largest memory accepted from a file, in KiB (1 GiB).
    pub const MAX_MEMORY_KIB: u32 = 1024 * 1024;
    /// Most passes accepted from a file.
    pub const MAX_ITERATIONS: u32 = 20;
    /// Most lanes accepted from a file.
    pub const MAX_PARALLELISM: u32 = 8;

    /// Whether these settings are inside the bounds a real Alongside key file uses: settings
    /// outside them are refused before any work, so an edited file cannot make unlocking take
    /// gigabytes of memory or hours.
    pub fn within_bounds(&self) -> bool {
        (Self::MIN_MEMORY_KIB..=Self::MAX_MEMORY_KIB).contains(&self.memory_kib)
            && (1..=Self::MAX_ITERATIONS).contains(&self.iterations)
            && (1..=Self::MAX_PARALLELISM).contains(&self.parallelism)
    }

    fn derive(&self, secret: &[u8], salt: &[u8]) -> CoreResult<Zeroizing<[u8; KEY_LEN]>> {
        if !self.within_bounds() {
            return Err(damaged("a key slot has settings outside safe bounds"));
        }
        let params = Params::new(
            self.memory_kib,
            self.iterations,
            self.parallelism,
            Some(KEY_LEN),
        )
        .map_err(|_| damaged("a key slot has settings this version cannot use"))?;
        let mut out = Zeroizing::new([0u8; KEY_LEN]);
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(secret, salt, out.as_mut())
            .map_err(|_| damaged("a key slot could not be read"))?;
        Ok(out)
    }
}

/// Which secret a wrapped slot belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SecretKind {
    /// The user's passphrase.
    Passphrase,
    /// The recovery code shown at set-up.
    RecoveryCode,
}

impl SecretKind {
    fn label(self) -> &'static str {
        match self {
            SecretKind::Passphrase => "passphrase",
            SecretKind::RecoveryCode => "recovery_code",
        }
    }
}

/// One slot of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Slot {
    /// The data key wrapped by a key derived from a secret the user knows.
    Wrapped {
        /// Passphrase or recovery code.
        secret: SecretKind,
        /// Argon2id settings.
        kdf: KdfParams,
        /// Argon2 salt (base64).
        salt: String,
        /// XChaCha20-Poly1305 nonce (base64).
        nonce: String,
        /// The encrypted data key with its tag (base64).
        wrapped_key: String,
    },
    /// The data key is held by the OS keyring under this service and account.
    Keyring {
        /// Keyring service name.
        service: String,
        /// Keyring account name.
        account: String,
    },
}

/// The whole slot file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// Format version.
    pub version: u32,
    /// The vault this file belongs to (also stored inside the database).
    pub vault_id: String,
    /// The slots; any one of them opens the vault.
    pub slots: Vec<Slot>,
}

/// How the slot file was found on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotSource {
    /// The main file was read.
    Main,
    /// The main file was missing or damaged; the mirror copy was read.
    Mirror,
}

fn damaged(what: &str) -> CoreError {
    CoreError::KeyFileDamaged(format!(
        "The vault's key file is damaged ({what}). Nothing has been changed. If you have a backup \
         of keyslots.json, put it back in the data folder and try again."
    ))
}

fn aad(vault_id: &str, kind: SecretKind) -> Vec<u8> {
    format!("{FORMAT}:v{VERSION}:{vault_id}:{}", kind.label()).into_bytes()
}

impl Slot {
    /// The data key wrapped under `secret` for the vault `vault_id`.
    pub fn wrapped(
        vault_id: &str,
        kind: SecretKind,
        secret: &[u8],
        key: &DataKey,
        kdf: KdfParams,
    ) -> CoreResult<Slot> {
        let mut salt = [0u8; 16];
        let mut nonce = [0u8; 24];
        fill_random(&mut salt)?;
        fill_random(&mut nonce)?;
        let kek = kdf.derive(secret, &salt)?;
        let cipher = XChaCha20Poly1305::new(chacha20poly1305::Key::from_slice(kek.as_ref()));
        let wrapped = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: key.as_bytes(),
                    aad: &aad(vault_id, kind),
                },
            )
            .map_err(|_| CoreError::Internal("The key could not be wrapped.".into()))?;
        Ok(Slot::Wrapped {
            secret: kind,
            kdf,
            salt: B64.encode(salt),
            nonce: B64.encode(nonce),
            wrapped_key: B64.encode(wrapped),
        })
    }
}

impl SlotFile {
    /// An empty slot file for a vault.
    pub fn new(vault_id: &str) -> Self {
        SlotFile {
            format: FORMAT.to_owned(),
            version: VERSION,
            vault_id: vault_id.to_owned(),
            slots: Vec::new(),
        }
    }

    /// Wraps `key` under `secret` and puts it in the `kind` slot, replacing any slot of that kind.
    pub fn set_wrapped(
        &mut self,
        kind: SecretKind,
        secret: &[u8],
        key: &DataKey,
        kdf: KdfParams,
    ) -> CoreResult<()> {
        let slot = Slot::wrapped(&self.vault_id, kind, secret, key, kdf)?;
        self.put(slot);
        Ok(())
    }

    /// Puts a slot in, replacing any slot of the same kind.
    pub fn put(&mut self, slot: Slot) {
        match &slot {
            Slot::Wrapped { secret: kind, .. } => {
                let kind = *kind;
                self.slots
                    .retain(|s| !matches!(s, Slot::Wrapped { secret, .. } if *secret == kind));
            }
            Slot::Keyring { .. } => self.remove_keyring(),
        }
        self.slots.push(slot);
    }

    /// Tries `secret` against the `kind` slot. `Ok(None)` means the secret is wrong.
    pub fn unwrap_with(&self, kind: SecretKind, secret: &[u8]) -> CoreResult<Option<DataKey>> {
        let Some(Slot::Wrapped {
            kdf,
            salt,
            nonce,
            wrapped_key,
            ..
        }) = self
            .slots
            .iter()
            .find(|s| matches!(s, Slot::Wrapped { secret, .. } if *secret == kind))
        else {
            return Err(CoreError::SlotsUnusable(format!(
                "This vault has no {} slot. Try another way to unlock it.",
                kind.label().replace('_', " ")
            )));
        };
        let salt = B64.decode(salt).map_err(|_| damaged("bad salt"))?;
        let nonce = B64.decode(nonce).map_err(|_| damaged("bad nonce"))?;
        let wrapped = B64.decode(wrapped_key).map_err(|_| damaged("bad key"))?;
        if nonce.len() != 24 || salt.len() < 8 {
            return Err(damaged("a slot has the wrong shape"));
        }
        let kek = kdf.derive(secret, &salt)?;
        let cipher = XChaCha20Poly1305::new(chacha20poly1305::Key::from_slice(kek.as_ref()));
        match cipher.decrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &wrapped,
                aad: &aad(&self.vault_id, kind),
            },
        ) {
            Ok(plain) => {
                let plain = Zeroizing::new(plain);
                Ok(Some(DataKey::from_slice(&plain)?))
            }
            Err(_) => Ok(None),
        }
    }

    /// Whether a slot of this secret kind exists.
    pub fn has_wrapped(&self, kind: SecretKind) -> bool {
        self.slots
            .iter()
            .any(|s| matches!(s, Slot::Wrapped { secret, .. } if *secret == kind))
    }

    /// The keyring slot's service and account, if the vault has one.
    pub fn keyring(&self) -> Option<(&str, &str)> {
        self.slots.iter().find_map(|s| match s {
            Slot::Keyring { service, account } => Some((service.as_str(), account.as_str())),
            Slot::Wrapped { .. } => None,
        })
    }

    /// Adds (or replaces) the keyring slot.
    pub fn set_keyring(&mut self, service: &str, account: &str) {
        self.put(Slot::Keyring {
            service: service.to_owned(),
            account: account.to_owned(),
        });
    }

    /// Removes the keyring slot.
    pub fn remove_keyring(&mut self) {
        self.slots.retain(|s| !matches!(s, Slot::Keyring { .. }));
    }

    pub(crate) fn parse(bytes: &[u8]) -> CoreResult<Self> {
        let file: SlotFile =
            serde_json::from_slice(bytes).map_err(|_| damaged("it is not a key file"))?;
        if file.format != FORMAT {
            return Err(damaged("it is not an Alongside key file"));
        }
        if file.version != VERSION {
            return Err(damaged("it was written by a newer version of Alongside"));
        }
        let out_of_bounds = file
            .slots
            .iter()
            .any(|s| matches!(s, Slot::Wrapped { kdf, .. } if !kdf.within_bounds()));
        if out_of_bounds {
            return Err(damaged("a key slot has settings outside safe bounds"));
        }
        Ok(file)
    }

    /// Reads the slot file, falling back to the mirror when the main copy is missing or damaged.
    pub fn load(paths: &VaultPaths) -> CoreResult<(Self, SlotSource)> {
        let main = std::fs::read(paths.slots());
        let main_err = match main {
            Ok(bytes) => match Self::parse(&bytes) {
                Ok(f) => return Ok((f, SlotSource::Main)),
                Err(e) => e,
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => CoreError::SlotsUnusable(
                "The vault's key file (keyslots.json) is missing, so the vault cannot be opened. \
                 Nothing has been changed and no new key has been made. If you have a backup of \
                 keyslots.json, put it back in the data folder, then unlock with your passphrase \
                 or recovery code."
                    .into(),
            ),
            Err(e) => return Err(e.into()),
        };
        match std::fs::read(paths.slots_mirror()) {
            Ok(bytes) => match Self::parse(&bytes) {
                Ok(f) => Ok((f, SlotSource::Mirror)),
                Err(_) => Err(main_err),
            },
            Err(_) => Err(main_err),
        }
    }

    /// Writes the main file and its mirror, each atomically.
    pub fn save(&self, paths: &VaultPaths) -> CoreResult<()> {
        let bytes = serde_json::to_vec_pretty(self)
            .map_err(|e| CoreError::Internal(format!("The key file could not be written: {e}")))?;
        write_atomic(&paths.slots(), &bytes)?;
        write_atomic(&paths.slots_mirror(), &bytes)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_unwrap_and_wrong_secret() {
        let key = DataKey::generate().unwrap();
        let mut f = SlotFile::new("v1");
        f.set_wrapped(
            SecretKind::Passphrase,
            b"correct horse",
            &key,
            KdfParams::RECOVERY_CODE,
        )
        .unwrap();
        let got = f
            .unwrap_with(SecretKind::Passphrase, b"correct horse")
            .unwrap();
        assert_eq!(got.as_ref(), Some(&key));
        assert!(f
            .unwrap_with(SecretKind::Passphrase, b"wrong")
            .unwrap()
            .is_none());
        assert!(f
            .unwrap_with(SecretKind::RecoveryCode, b"correct horse")
            .is_err());
    }

    #[test]
    fn a_slot_moved_to_another_vault_or_kind_does_not_open() {
        let key = DataKey::generate().unwrap();
        let mut f = SlotFile::new("v1");
        f.set_wrapped(
            SecretKind::Passphrase,
            b"pw",
            &key,
            KdfParams::RECOVERY_CODE,
        )
        .unwrap();
        let mut other = f.clone();
        other.vault_id = "v2".into();
        assert!(other
            .unwrap_with(SecretKind::Passphrase, b"pw")
            .unwrap()
            .is_none());
        let mut relabelled = f.clone();
        if let Slot::Wrapped { secret, .. } = &mut relabelled.slots[0] {
            *secret = SecretKind::RecoveryCode;
        }
        assert!(relabelled
            .unwrap_with(SecretKind::RecoveryCode, b"pw")
            .unwrap()
            .is_none());
    }

    #[test]
    fn mirror_is_used_when_main_is_damaged() {
        let dir = tempfile::tempdir().unwrap();
        let paths = VaultPaths::new(dir.path());
        let mut f = SlotFile::new("v1");
        f.set_keyring("svc", "acct");
        f.save(&paths).unwrap();
        std::fs::write(paths.slots(), b"{ not json").unwrap();
        let (loaded, source) = SlotFile::load(&paths).unwrap();
        assert_eq!(loaded, f);
        assert_eq!(source, SlotSource::Mirror);
        std::fs::remove_file(paths.slots_mirror()).unwrap();
        assert!(matches!(
            SlotFile::load(&paths),
            Err(CoreError::KeyFileDamaged(_))
        ));
    }

    #[test]
    fn key_settings_outside_bounds_are_refused_before_any_work() {
        let key = DataKey::generate().unwrap();
        let mut f = SlotFile::new("v1");
        f.set_wrapped(
            SecretKind::Passphrase,
            b"pw",
            &key,
            KdfParams::RECOVERY_CODE,
        )
        .unwrap();
        for (memory_kib, iterations, parallelism) in [
            (4 * 1024 * 1024, 3, 1),
            (1024, 3, 1),
            (64 * 1024, 0, 1),
            (64 * 1024, 21, 1),
            (64 * 1024, 3, 9),
        ] {
            let mut edited = f.clone();
            if let Slot::Wrapped { kdf, .. } = &mut edited.slots[0] {
                *kdf = KdfParams {
                    memory_kib,
                    iterations,
                    parallelism,
                };
            }
            let bytes = serde_json::to_vec(&edited).unwrap();
            let started = std::time::Instant::now();
            assert!(matches!(
                SlotFile::parse(&bytes),
                Err(CoreError::KeyFileDamaged(_))
            ));
            assert!(matches!(
                edited.unwrap_with(SecretKind::Passphrase, b"pw"),
                Err(CoreError::KeyFileDamaged(_))
            ));
            assert!(started.elapsed() < std::time::Duration::from_secs(1));
        }
    }
}
