//! A secret typed again to confirm a dangerous act (backup, passphrase change, delete all…),
//! even while the vault is unlocked. Only the passphrase or the recovery code count: never the
//! keyring, which anyone at the unlocked computer has.

use secrecy::SecretString;
use serde::Deserialize;
use zeroize::{Zeroize, ZeroizeOnDrop};

use super::UnlockMethod;

/// The passphrase or recovery code, as typed. Wiped from memory when dropped; never printed.
#[derive(Clone, Deserialize, specta::Type, Zeroize, ZeroizeOnDrop)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Proof {
    /// The vault's passphrase.
    Passphrase {
        /// As typed.
        passphrase: String,
    },
    /// The recovery code.
    RecoveryCode {
        /// As typed.
        code: String,
    },
}

impl Proof {
    /// The passphrase as proof.
    pub fn passphrase(secret: &SecretString) -> Self {
        use secrecy::ExposeSecret;
        Proof::Passphrase {
            passphrase: secret.expose_secret().to_owned(),
        }
    }

    /// The recovery code as proof.
    pub fn recovery_code(secret: &SecretString) -> Self {
        use secrecy::ExposeSecret;
        Proof::RecoveryCode {
            code: secret.expose_secret().to_owned(),
        }
    }

    /// The same secret as a way to unlock.
    pub fn to_unlock(&self) -> UnlockMethod {
        match self {
            Proof::Passphrase { passphrase } => {
                UnlockMethod::Passphrase(SecretString::from(passphrase.clone()))
            }
            Proof::RecoveryCode { code } => {
                UnlockMethod::RecoveryCode(SecretString::from(code.clone()))
            }
        }
    }

    /// Whether this is the passphrase (some acts, such as changing the key, need it).
    pub fn is_passphrase(&self) -> bool {
        matches!(self, Proof::Passphrase { .. })
    }
}
