//! The `.alongside` file (docs/envelope-format.md): an `age` file whose plaintext is an HTML page
//! anyone can read, carrying the signed payload in one inert `<script>` element.
//!
//! The signature (Ed25519) covers the payload and the readable page, so neither can be changed
//! without the other; the payload names the signing key, and the Inbox says whether that key
//! belongs to a contact. Files are encrypted to every recipient and the sender (X25519), or
//! alone to a passphrase (the `age` format allows a passphrase only as the single recipient).

use std::io::{Read, Write};

use age::secrecy::SecretString;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ed25519_dalek::{Signature, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::identity::OwnIdentity;
use crate::error::{CoreError, CoreResult};

/// The largest `.alongside` file opened or made (bytes).
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;
/// The largest payload (bytes of JSON).
pub const MAX_PAYLOAD_BYTES: usize = 4 * 1024 * 1024;
/// The element that carries the signed payload inside the readable page.
pub const ENVELOPE_START: &str =
    "<script type=\"application/vnd.alongside.envelope+json\" id=\"alongside-envelope\">";
const ENVELOPE_END: &str = "</script>";
/// What the signature is made over, before the two hashes.
const SIGNED_CONTEXT: &[u8] = b"alongside-envelope-v1\n";
/// The scrypt work factor for passphrase files (2^16: about a tenth of a second).
const PASSPHRASE_WORK_FACTOR: u8 = 16;
/// The largest work factor a passphrase file may ask for when opened.
const MAX_WORK_FACTOR: u8 = 20;

/// Who a file is encrypted to.
pub enum Seal<'a> {
    /// These public keys (the sender's own is added).
    Recipients(&'a [age::x25519::Recipient]),
    /// One passphrase, for someone without Alongside.
    Passphrase(&'a SecretString),
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Carried {
    payload: String,
    signature: String,
}

fn signed_message(payload: &[u8], readable: &str) -> Vec<u8> {
    let mut message = SIGNED_CONTEXT.to_vec();
    message.extend_from_slice(&Sha256::digest(payload));
    message.extend_from_slice(&Sha256::digest(readable.as_bytes()));
    message
}

/// Puts the signed payload inside the readable page, just before `</head>`.
fn assemble(readable: &str, payload: &[u8], signature: &Signature) -> CoreResult<String> {
    let carried = serde_json::to_string(&Carried {
        payload: STANDARD.encode(payload),
        signature: STANDARD.encode(signature.to_bytes()),
    })
    .map_err(|e| CoreError::Internal(format!("envelope not written: {e}")))?;
    let at = readable
        .find("</head>")
        .ok_or_else(|| CoreError::Internal("the readable copy has no head".into()))?;
    Ok(format!(
        "{}{ENVELOPE_START}{carried}{ENVELOPE_END}\n{}",
        &readable[..at],
        &readable[at..]
    ))
}

/// Signs `payload` and `readable` with `signer`'s key (a test may pass another key than the
/// one the payload names) and encrypts the page. `armor` writes ASCII armour for pasting.
pub fn seal(
    signer: &OwnIdentity,
    payload: &[u8],
    readable: &str,
    to: Seal<'_>,
    armor: bool,
) -> CoreResult<Vec<u8>> {
    if payload.len() > MAX_PAYLOAD_BYTES {
        return Err(CoreError::invalid(
            "what",
            "That is too much to send in one file; choose fewer records.",
        ));
    }
    let signature = signer.sign(&signed_message(payload, readable));
    let plaintext = assemble(readable, payload, &signature)?;
    let encryptor = match to {
        Seal::Recipients(list) => {
            let own = signer.decrypting.to_public();
            let all = std::iter::once(&own as &dyn age::Recipient)
                .chain(list.iter().map(|r| r as &dyn age::Recipient));
            age::Encryptor::with_recipients(all)
                .map_err(|e| CoreError::Internal(format!("not encrypted: {e}")))?
        }
        Seal::Passphrase(passphrase) => {
            let mut recipient = age::scrypt::Recipient::new(passphrase.clone());
            recipient.set_work_factor(PASSPHRASE_WORK_FACTOR);
            age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                .map_err(|e| CoreError::Internal(format!("not encrypted: {e}")))?
        }
    };
    let format = if armor {
        age::armor::Format::AsciiArmor
    } else {
        age::armor::Format::Binary
    };
    let io = |e: std::io::Error| CoreError::Internal(format!("not encrypted: {e}"));
    let mut out = Vec::new();
    let armored = age::armor::ArmoredWriter::wrap_output(&mut out, format).map_err(io)?;
    let mut writer = encryptor.wrap_output(armored).map_err(io)?;
    writer.write_all(plaintext.as_bytes()).map_err(io)?;
    writer.finish().and_then(|a| a.finish()).map_err(io)?;
    if out.len() > MAX_FILE_BYTES {
        return Err(CoreError::invalid(
            "what",
            "That is too much to send in one file; choose fewer records.",
        ));
    }
    Ok(out)
}

/// A file decrypted and its signature checked against the key its payload names.
#[derive(Debug)]
pub struct Unsealed {
    /// The payload's JSON bytes.
    pub payload: Vec<u8>,
    /// The readable page without the carried element.
    pub readable: String,
    /// The whole page as it was decrypted (what someone with `age` would see).
    pub page: String,
    /// Whether it was a passphrase file.
    pub by_passphrase: bool,
    signature: Signature,
}

/// One plain sentence for a file that cannot be trusted; nothing is written.
pub fn damaged() -> CoreError {
    CoreError::invalid(
        "file",
        "This file is damaged or has been changed since it was sent, so it was not opened.",
    )
}

fn not_addressed() -> CoreError {
    CoreError::NotAddressed(
        "This file was not sent to you (it is encrypted for someone else), so it cannot be opened here."
            .into(),
    )
}

/// Decrypts `bytes` with this vault's key, or with `passphrase` when it is a passphrase file,
/// and splits the page. The signature is checked by [`verify`] once the payload names its key.
pub fn unseal(
    bytes: &[u8],
    me: Option<&OwnIdentity>,
    passphrase: Option<&SecretString>,
) -> CoreResult<Unsealed> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(CoreError::invalid(
            "file",
            "This file is larger than any Alongside file can be, so it was not opened.",
        ));
    }
    let reader = age::armor::ArmoredReader::new(bytes);
    let decryptor = age::Decryptor::new(reader).map_err(|_| {
        CoreError::invalid(
            "file",
            "This is not an Alongside file, or it is damaged, so it was not opened.",
        )
    })?;
    let by_passphrase = decryptor.is_scrypt();
    let stream = if by_passphrase {
        let passphrase = passphrase.ok_or_else(|| {
            CoreError::NotAddressed(
                "This file is locked with a passphrase; give the passphrase it was sent with."
                    .into(),
            )
        })?;
        let mut identity = age::scrypt::Identity::new(passphrase.clone());
        identity.set_max_work_factor(MAX_WORK_FACTOR);
        decryptor
            .decrypt(std::iter::once(&identity as &dyn age::Identity))
            .map_err(|e| match e {
                age::DecryptError::DecryptionFailed
                | age::DecryptError::KeyDecryptionFailed
                | age::DecryptError::NoMatchingKeys => {
                    CoreError::NotAddressed("That passphrase does not open this file.".into())
                }
                _ => damaged(),
            })?
    } else {
        let me = me.ok_or_else(not_addressed)?;
        decryptor
            .decrypt(std::iter::once(&me.decrypting as &dyn age::Identity))
            .map_err(|e| match e {
                age::DecryptError::NoMatchingKeys => not_addressed(),
                _ => damaged(),
            })?
    };
    let mut plaintext = Vec::new();
    stream
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut plaintext)
        .map_err(|_| damaged())?;
    if plaintext.len() > MAX_FILE_BYTES {
        return Err(damaged());
    }
    let page = String::from_utf8(plaintext).map_err(|_| damaged())?;
    let start = page.find(ENVELOPE_START).ok_or_else(damaged)?;
    if page[start + 1..].contains(ENVELOPE_START) {
        return Err(damaged());
    }
    let body_at = start + ENVELOPE_START.len();
    let end = body_at + page[body_at..].find(ENVELOPE_END).ok_or_else(damaged)?;
    let after = end + ENVELOPE_END.len();
    let after = if page[after..].starts_with('\n') {
        after + 1
    } else {
        after
    };
    let readable = format!("{}{}", &page[..start], &page[after..]);
    let carried: Carried = serde_json::from_str(&page[body_at..end]).map_err(|_| damaged())?;
    let payload = STANDARD.decode(&carried.payload).map_err(|_| damaged())?;
    if payload.len() > MAX_PAYLOAD_BYTES {
        return Err(damaged());
    }
    let signature: [u8; 64] = STANDARD
        .decode(&carried.signature)
        .ok()
        .and_then(|s| s.try_into().ok())
        .ok_or_else(damaged)?;
    Ok(Unsealed {
        payload,
        readable,
        page,
        by_passphrase,
        signature: Signature::from_bytes(&signature),
    })
}

impl Unsealed {
    /// Checks the signature with the key the payload names: a changed payload or page, or a
    /// signature made by any other key, is refused.
    pub fn verify(&self, key: &VerifyingKey) -> CoreResult<()> {
        key.verify_strict(
            &signed_message(&self.payload, &self.readable),
            &self.signature,
        )
        .map_err(|_| {
            CoreError::invalid(
                "file",
                "This file's signature does not match the person it says it is from, so it \
                     was not opened.",
            )
        })
    }
}
