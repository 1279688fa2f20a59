//! This vault's sharing identity — an Ed25519 signing key and an X25519 (`age`) encryption key,
//! made the first time the vault shares and kept inside the vault — and public identities: what
//! a contact needs to send to someone, as a file or one line of text, with its sharing code.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::{SigningKey, VerifyingKey};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use specta::Type;
use sqlx::{Row, SqlitePool};
use zeroize::Zeroizing;

use crate::error::{CoreError, CoreResult};
use crate::records::store::now_stamp;
use crate::records::validate::{self, MAX_SHORT};

/// How a pasted identity starts (then the identity as base64url JSON).
pub const IDENTITY_TEXT_PREFIX: &str = "alongside-identity-1:";
/// The longest identity text or file accepted.
const MAX_IDENTITY_TEXT: usize = 4_096;

/// Someone's public identity: enough to send to them and to check what they send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct PublicIdentity {
    /// Their name, as they gave it.
    pub name: String,
    /// Their role, in their words ("patient partner", "project lead").
    pub role: String,
    /// Ed25519 public key, base64url without padding.
    pub signing_key: String,
    /// `age` X25519 recipient (`age1…`).
    pub encryption_key: String,
}

impl PublicIdentity {
    /// Checks the lengths and that both keys are real keys.
    pub fn validate(&self) -> CoreResult<()> {
        validate::present_within("name", &self.name, "a name", MAX_SHORT)?;
        validate::limit("role", &self.role, MAX_SHORT)?;
        self.verifying_key()?;
        self.recipient()?;
        Ok(())
    }

    /// The signing key, checked.
    pub fn verifying_key(&self) -> CoreResult<VerifyingKey> {
        let bytes = URL_SAFE_NO_PAD
            .decode(&self.signing_key)
            .ok()
            .and_then(|b| <[u8; 32]>::try_from(b).ok())
            .ok_or_else(|| damaged_identity("signing key"))?;
        VerifyingKey::from_bytes(&bytes).map_err(|_| damaged_identity("signing key"))
    }

    /// The encryption key, checked.
    pub fn recipient(&self) -> CoreResult<age::x25519::Recipient> {
        self.encryption_key
            .parse()
            .map_err(|_| damaged_identity("encryption key"))
    }

    /// The fingerprint: SHA-256 over both public keys, in hex. Names are not part of it.
    pub fn fingerprint(&self) -> String {
        fingerprint_of(&self.signing_key, &self.encryption_key)
    }

    /// The sharing code people read to each other: 24 digits from the fingerprint, in six
    /// groups of four.
    pub fn sharing_code(&self) -> String {
        sharing_code_of(&self.fingerprint())
    }

    /// The identity as one line of text, to paste or to save as an identity file.
    pub fn to_text(&self) -> CoreResult<String> {
        let json = serde_json::to_vec(self)
            .map_err(|e| CoreError::Internal(format!("identity not written: {e}")))?;
        Ok(format!(
            "{IDENTITY_TEXT_PREFIX}{}",
            URL_SAFE_NO_PAD.encode(json)
        ))
    }

    /// The identity text as a QR code, for a phone to read: one string per row, `1` for a dark
    /// module and `0` for a light one (the quiet zone is the drawer's to add).
    pub fn qr_rows(&self) -> CoreResult<Vec<String>> {
        let text = self.to_text()?;
        let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
            .map_err(|e| CoreError::Internal(format!("no QR code: {e}")))?;
        let width = code.width();
        let colors = code.to_colors();
        Ok(colors
            .chunks(width)
            .map(|row| {
                row.iter()
                    .map(|c| if *c == qrcode::Color::Dark { '1' } else { '0' })
                    .collect()
            })
            .collect())
    }

    /// Reads an identity file's text or a pasted identity (spaces and line breaks ignored).
    pub fn from_text(text: &str) -> CoreResult<Self> {
        if text.len() > MAX_IDENTITY_TEXT {
            return Err(not_an_identity());
        }
        let joined: String = text.split_whitespace().collect();
        let body = joined
            .strip_prefix(IDENTITY_TEXT_PREFIX)
            .ok_or_else(not_an_identity)?;
        let json = URL_SAFE_NO_PAD
            .decode(body)
            .map_err(|_| not_an_identity())?;
        let identity: PublicIdentity =
            serde_json::from_slice(&json).map_err(|_| not_an_identity())?;
        identity.validate()?;
        Ok(identity)
    }
}

fn not_an_identity() -> CoreError {
    CoreError::invalid(
        "identity",
        "That is not an Alongside identity: it should start \"alongside-identity-1:\".",
    )
}

fn damaged_identity(what: &str) -> CoreError {
    CoreError::invalid("identity", format!("The identity's {what} is damaged."))
}

/// The fingerprint of a pair of public keys (SHA-256, hex).
pub fn fingerprint_of(signing_key: &str, encryption_key: &str) -> String {
    let mut hash = Sha256::new();
    hash.update(b"alongside-fingerprint-v1\n");
    hash.update(signing_key.as_bytes());
    hash.update(b"\n");
    hash.update(encryption_key.as_bytes());
    hex::encode(hash.finalize())
}

/// The sharing code of a fingerprint: its first 80 bits as 24 decimal digits in groups of four.
pub fn sharing_code_of(fingerprint: &str) -> String {
    let bytes = hex::decode(fingerprint).unwrap_or_default();
    let mut n: u128 = 0;
    for b in bytes.iter().take(10) {
        n = (n << 8) | u128::from(*b);
    }
    let digits = format!("{:024}", n % 10u128.pow(24));
    digits
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// This vault's own identity with its secret keys (never leaves the vault).
pub struct OwnIdentity {
    /// The public part.
    pub public: PublicIdentity,
    pub(crate) signing: SigningKey,
    pub(crate) decrypting: age::x25519::Identity,
}

impl OwnIdentity {
    /// Makes new keys for `name` and `role`.
    pub fn generate(name: &str, role: &str) -> CoreResult<Self> {
        let mut seed = Zeroizing::new([0u8; 32]);
        getrandom::fill(seed.as_mut())
            .map_err(|e| CoreError::Internal(format!("no randomness: {e}")))?;
        let signing = SigningKey::from_bytes(&seed);
        let decrypting = age::x25519::Identity::generate();
        Ok(Self::from_keys(name, role, signing, decrypting))
    }

    fn from_keys(
        name: &str,
        role: &str,
        signing: SigningKey,
        decrypting: age::x25519::Identity,
    ) -> Self {
        let public = PublicIdentity {
            name: name.trim().to_owned(),
            role: role.trim().to_owned(),
            signing_key: URL_SAFE_NO_PAD.encode(signing.verifying_key().as_bytes()),
            encryption_key: decrypting.to_public().to_string(),
        };
        OwnIdentity {
            public,
            signing,
            decrypting,
        }
    }

    /// Signs `message`.
    pub(crate) fn sign(&self, message: &[u8]) -> ed25519_dalek::Signature {
        use ed25519_dalek::Signer;
        self.signing.sign(message)
    }
}

/// This vault's identity, if it has made one.
pub async fn own(pool: &SqlitePool) -> CoreResult<Option<OwnIdentity>> {
    let Some(row) = sqlx::query(
        "SELECT name, role, signing_secret, age_secret FROM exchange_identity WHERE id = 1",
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let damaged = || CoreError::Damaged("The vault's sharing keys are damaged.".into());
    let signing_text: Zeroizing<String> = Zeroizing::new(row.try_get("signing_secret")?);
    let seed = Zeroizing::new(
        URL_SAFE_NO_PAD
            .decode(signing_text.as_bytes())
            .map_err(|_| damaged())?,
    );
    let seed: [u8; 32] = seed.as_slice().try_into().map_err(|_| damaged())?;
    let seed = Zeroizing::new(seed);
    let age_text: Zeroizing<String> = Zeroizing::new(row.try_get("age_secret")?);
    let decrypting: age::x25519::Identity = age_text.parse().map_err(|_| damaged())?;
    let name: String = row.try_get("name")?;
    let role: String = row.try_get("role")?;
    Ok(Some(OwnIdentity::from_keys(
        &name,
        &role,
        SigningKey::from_bytes(&seed),
        decrypting,
    )))
}

/// This vault's identity, or the error that says how to make one.
pub async fn require_own(pool: &SqlitePool) -> CoreResult<OwnIdentity> {
    own(pool).await?.ok_or_else(|| {
        CoreError::invalid(
            "identity",
            "Set up your sharing identity first: give the name others know you by.",
        )
    })
}

/// Makes this vault's identity the first time (with `name` and `role`), or renames it; the keys
/// never change once made. Returns the public identity.
pub async fn set_up(pool: &SqlitePool, name: &str, role: &str) -> CoreResult<PublicIdentity> {
    validate::present_within("name", name.trim(), "your name", MAX_SHORT)?;
    validate::limit("role", role.trim(), MAX_SHORT)?;
    if own(pool).await?.is_some() {
        sqlx::query("UPDATE exchange_identity SET name = ?, role = ? WHERE id = 1")
            .bind(name.trim())
            .bind(role.trim())
            .execute(pool)
            .await?;
    } else {
        let made = OwnIdentity::generate(name, role)?;
        let signing = Zeroizing::new(URL_SAFE_NO_PAD.encode(made.signing.to_bytes()));
        let age_secret = made.decrypting.to_string();
        sqlx::query(
            "INSERT INTO exchange_identity (id, name, role, signing_secret, age_secret, created_at)
             VALUES (1, ?, ?, ?, ?, ?)",
        )
        .bind(name.trim())
        .bind(role.trim())
        .bind(signing.as_str())
        .bind(age_secret.expose_secret())
        .bind(now_stamp())
        .execute(pool)
        .await?;
    }
    Ok(require_own(pool).await?.public)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_text_round_trips_and_refuses_damage() {
        let me = OwnIdentity::generate("Sam Okafor", "patient partner").unwrap();
        let text = me.public.to_text().unwrap();
        assert!(text.starts_with(IDENTITY_TEXT_PREFIX));
        let wrapped = format!("  {}\n{}  ", &text[..30], &text[30..]);
        assert_eq!(PublicIdentity::from_text(&wrapped).unwrap(), me.public);
        assert!(PublicIdentity::from_text("hello").is_err());
        let mut broken = text.clone();
        broken.truncate(text.len() - 4);
        assert!(PublicIdentity::from_text(&broken).is_err());
    }

    #[test]
    fn sharing_code_is_six_groups_of_four_digits_and_follows_the_keys() {
        let a = OwnIdentity::generate("A", "").unwrap().public;
        let b = OwnIdentity::generate("A", "").unwrap().public;
        let code = a.sharing_code();
        assert_eq!(code.len(), 29);
        assert!(code
            .split(' ')
            .all(|g| g.len() == 4 && g.chars().all(|c| c.is_ascii_digit())));
        assert_ne!(code, b.sharing_code());
        let rows = a.qr_rows().unwrap();
        assert!(rows.len() >= 21 && rows.iter().all(|r| r.len() == rows.len()));
        let mut renamed = a.clone();
        renamed.name = "Someone else".into();
        assert_eq!(renamed.sharing_code(), code);
    }
}
