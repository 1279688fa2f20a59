//! The OS keyring slot (Secret Service on Linux, Keychain on macOS, Credential Manager on
//! Windows). Every call blocks, so the vault runs these on a blocking thread.

use zeroize::Zeroizing;

use crate::error::{CoreError, CoreResult};
use crate::vault::key::DataKey;

/// The keyring service name Alongside uses.
pub const SERVICE: &str = crate::paths::APP_IDENTIFIER;

/// The keyring account for a vault.
pub fn account_for(vault_id: &str) -> String {
    format!("vault-{vault_id}")
}

fn unavailable(err: &keyring::Error) -> CoreError {
    tracing::warn!(kind = keyring_error_kind(err), "keyring unavailable");
    CoreError::KeyringUnavailable(
        "This computer's keyring could not be used, so Alongside cannot unlock automatically. \
         Your passphrase still works; unlock with it instead."
            .into(),
    )
}

fn keyring_error_kind(err: &keyring::Error) -> &'static str {
    match err {
        keyring::Error::PlatformFailure(_) => "platform_failure",
        keyring::Error::NoStorageAccess(_) => "no_storage_access",
        keyring::Error::NoEntry => "no_entry",
        keyring::Error::BadEncoding(_) => "bad_encoding",
        keyring::Error::TooLong(_, _) => "too_long",
        keyring::Error::Invalid(_, _) => "invalid",
        keyring::Error::Ambiguous(_) => "ambiguous",
        _ => "other",
    }
}

fn entry(service: &str, account: &str) -> CoreResult<keyring::Entry> {
    keyring::Entry::new(service, account).map_err(|e| unavailable(&e))
}

/// Stores the data key in the keyring.
pub fn store(service: &str, account: &str, key: &DataKey) -> CoreResult<()> {
    let hex = Zeroizing::new(hex::encode(key.as_bytes()));
    entry(service, account)?
        .set_password(&hex)
        .map_err(|e| unavailable(&e))
}

/// Reads the data key from the keyring. `Ok(None)` when the keyring works but holds no key.
pub fn load(service: &str, account: &str) -> CoreResult<Option<DataKey>> {
    match entry(service, account)?.get_password() {
        Ok(hex) => {
            let hex = Zeroizing::new(hex);
            let bytes = Zeroizing::new(hex::decode(hex.as_bytes()).map_err(|_| {
                CoreError::SlotsUnusable("The key kept in this computer's keyring is damaged. Unlock with your passphrase.".into())
            })?);
            Ok(Some(DataKey::from_slice(&bytes)?))
        }
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(unavailable(&e)),
    }
}

/// Removes the key from the keyring (nothing to do when it is already gone).
pub fn delete(service: &str, account: &str) -> CoreResult<()> {
    match entry(service, account)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(unavailable(&e)),
    }
}
