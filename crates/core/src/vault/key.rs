//! The random data key that encrypts the database.

use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::error::{CoreError, CoreResult};

/// Length of the data key in bytes.
pub const KEY_LEN: usize = 32;

/// The 32-byte data key. Wiped from memory when dropped; never printed.
#[derive(Clone, Zeroize, ZeroizeOnDrop, PartialEq, Eq)]
pub struct DataKey([u8; KEY_LEN]);

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(<redacted>)")
    }
}

impl DataKey {
    /// A fresh random key from the OS generator.
    pub fn generate() -> CoreResult<Self> {
        let mut bytes = [0u8; KEY_LEN];
        fill_random(&mut bytes)?;
        Ok(DataKey(bytes))
    }

    /// Builds a key from exactly 32 bytes.
    pub fn from_slice(bytes: &[u8]) -> CoreResult<Self> {
        let arr: [u8; KEY_LEN] = bytes
            .try_into()
            .map_err(|_| CoreError::Internal("A stored key has the wrong length.".into()))?;
        Ok(DataKey(arr))
    }

    /// The raw bytes.
    pub fn as_bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// The SQLCipher raw-key literal, `"x'<hex>'"`, in a string wiped on drop.
    pub fn sqlcipher_literal(&self) -> zeroize::Zeroizing<String> {
        let mut hex = hex::encode_upper(self.0);
        let literal = zeroize::Zeroizing::new(format!("\"x'{hex}'\""));
        hex.zeroize();
        literal
    }
}

/// Fills `buf` from the OS random generator.
pub fn fill_random(buf: &mut [u8]) -> CoreResult<()> {
    getrandom::fill(buf)
        .map_err(|e| CoreError::Internal(format!("The system random generator failed: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_random_and_debug_hides_them() {
        let a = DataKey::generate().unwrap();
        let b = DataKey::generate().unwrap();
        assert_ne!(a, b);
        let shown = format!("{a:?}");
        assert!(!shown.contains(&hex::encode(a.as_bytes())));
        assert!(!shown
            .to_uppercase()
            .contains(&hex::encode_upper(a.as_bytes())));
    }

    #[test]
    fn literal_is_sqlcipher_raw_key_syntax() {
        let k = DataKey::from_slice(&[0xAB; 32]).unwrap();
        let lit = k.sqlcipher_literal();
        assert!(lit.starts_with("\"x'ABAB"));
        assert!(lit.ends_with("'\""));
        assert_eq!(lit.len(), 64 + 5);
        assert!(DataKey::from_slice(&[1; 31]).is_err());
    }
}
