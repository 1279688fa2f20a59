//! The backup file's outer format (version 1; `docs/backup-format.md` describes it for people).
//!
//! Line 1 is a small JSON header; line 2 is the SHA-256 of line 1 in hex (so a damaged header is
//! told apart from a wrong passphrase); the rest is the payload sealed with XChaCha20-Poly1305 in
//! the STREAM construction (big-endian 32-bit counter, last-chunk flag), in chunks of
//! `chunk_bytes`, each chunk authenticated with line 1 as associated data. A changed byte
//! anywhere, a missing end or extra bytes after it are all detected.

use std::io::{self, BufRead, Read, Write};

use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chacha20poly1305::aead::stream::{DecryptorBE32, EncryptorBE32};
use chacha20poly1305::aead::{KeyInit, Payload};
use chacha20poly1305::XChaCha20Poly1305;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, Zeroizing};

use crate::error::{CoreError, CoreResult};
use crate::vault::key::fill_random;
use crate::vault::slots::KdfParams;

/// The format name in every backup header.
pub const FORMAT: &str = "alongside-backup";
/// The format version this build writes and reads.
pub const VERSION: u32 = 1;
/// Plaintext bytes per sealed chunk.
pub const CHUNK_BYTES: u32 = 64 * 1024;

const MAX_HEADER_BYTES: u64 = 4096;
const TAG_BYTES: usize = 16;
const SALT_BYTES: usize = 16;
/// XChaCha20's 24-byte nonce less STREAM's 5 bytes of counter and flag.
const NONCE_PREFIX_BYTES: usize = 19;
const KEY_CHECK_CONTEXT: &[u8] = b"alongside-backup key check v1";

/// The readable first line of a backup file. Holds nothing secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// Always [`FORMAT`].
    pub format: String,
    /// Format version.
    pub version: u32,
    /// When the backup was made (RFC 3339, UTC).
    pub created_at: String,
    /// The version of Alongside that made it.
    pub app_version: String,
    /// Argon2id settings for the backup passphrase.
    pub kdf: KdfParams,
    /// Argon2id salt (base64, 16 bytes).
    pub salt: String,
    /// STREAM nonce prefix (base64, 19 bytes).
    pub nonce: String,
    /// Plaintext bytes per chunk.
    pub chunk_bytes: u32,
    /// SHA-256 of a second key derived with the first: tells a wrong passphrase apart from damage.
    pub key_check: String,
}

/// The two keys derived from the backup passphrase.
struct Keys {
    stream: Zeroizing<[u8; 32]>,
    check: String,
}

fn derive(passphrase: &SecretString, kdf: &KdfParams, salt: &[u8]) -> CoreResult<Keys> {
    let params = Params::new(kdf.memory_kib, kdf.iterations, kdf.parallelism, Some(64))
        .map_err(|_| not_a_backup("its key settings cannot be used"))?;
    let mut out = Zeroizing::new([0u8; 64]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.expose_secret().as_bytes(), salt, out.as_mut())
        .map_err(|_| not_a_backup("its key settings cannot be used"))?;
    let mut stream = Zeroizing::new([0u8; 32]);
    stream.copy_from_slice(&out[..32]);
    let mut h = Sha256::new();
    h.update(KEY_CHECK_CONTEXT);
    h.update(&out[32..]);
    Ok(Keys {
        stream,
        check: hex::encode(h.finalize()),
    })
}

/// The refusal for a file that is not a usable backup (exit code 4 on the command line).
pub fn not_a_backup(why: &str) -> CoreError {
    CoreError::invalid(
        "file",
        format!("This file cannot be restored: {why}. Nothing has been changed."),
    )
}

fn wrong_passphrase() -> CoreError {
    CoreError::WrongSecret(
        "That backup passphrase does not open this backup. Use the passphrase you chose when \
         you made the backup (it may differ from the one you unlock the app with)."
            .into(),
    )
}

/// Marks an I/O error as "the sealed body is damaged" so callers can tell it from a disk error.
#[derive(Debug)]
struct DamagedBody;

impl std::fmt::Display for DamagedBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the backup's contents are damaged or incomplete")
    }
}

impl std::error::Error for DamagedBody {}

fn damaged_body() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, DamagedBody)
}

/// Turns an I/O error from reading a sealed body into the right core error.
pub fn read_error(e: io::Error) -> CoreError {
    if e.get_ref().is_some_and(|inner| inner.is::<DamagedBody>()) {
        not_a_backup("it is damaged or incomplete (a part of it does not match its seal)")
    } else if e.kind() == io::ErrorKind::UnexpectedEof {
        not_a_backup("it is incomplete")
    } else {
        CoreError::Io(e)
    }
}

fn header_line(header: &Header) -> CoreResult<Vec<u8>> {
    serde_json::to_vec(header)
        .map_err(|e| CoreError::Internal(format!("The backup header could not be written: {e}")))
}

/// Starts a backup: writes the two header lines to `out` and returns a writer that seals
/// everything written to it. Call [`SealedWriter::finish`] to write the last chunk.
pub fn begin<W: Write>(
    mut out: W,
    passphrase: &SecretString,
    kdf: KdfParams,
    created_at: &str,
) -> CoreResult<SealedWriter<W>> {
    let mut salt = [0u8; SALT_BYTES];
    let mut nonce = [0u8; NONCE_PREFIX_BYTES];
    fill_random(&mut salt)?;
    fill_random(&mut nonce)?;
    let keys = derive(passphrase, &kdf, &salt)?;
    let header = Header {
        format: FORMAT.to_owned(),
        version: VERSION,
        created_at: created_at.to_owned(),
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        kdf,
        salt: B64.encode(salt),
        nonce: B64.encode(nonce),
        chunk_bytes: CHUNK_BYTES,
        key_check: keys.check.clone(),
    };
    let line = header_line(&header)?;
    out.write_all(&line)?;
    out.write_all(b"\n")?;
    out.write_all(hex::encode(Sha256::digest(&line)).as_bytes())?;
    out.write_all(b"\n")?;
    let cipher = XChaCha20Poly1305::new(chacha20poly1305::Key::from_slice(keys.stream.as_ref()));
    Ok(SealedWriter {
        out,
        encryptor: Some(EncryptorBE32::from_aead(
            cipher,
            chacha20poly1305::aead::generic_array::GenericArray::from_slice(nonce.as_ref()),
        )),
        aad: line,
        buf: Zeroizing::new(Vec::with_capacity(CHUNK_BYTES as usize)),
        chunk: CHUNK_BYTES as usize,
    })
}

/// Seals what is written to it, chunk by chunk.
pub struct SealedWriter<W: Write> {
    out: W,
    encryptor: Option<EncryptorBE32<XChaCha20Poly1305>>,
    aad: Vec<u8>,
    buf: Zeroizing<Vec<u8>>,
    chunk: usize,
}

fn seal_error() -> io::Error {
    io::Error::other("a chunk of the backup could not be sealed")
}

impl<W: Write> Write for SealedWriter<W> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let mut rest = data;
        while !rest.is_empty() {
            // A full buffer is sealed only once more data arrives: the last chunk is sealed as
            // the last by `finish`. The buffer never grows past one chunk, so it never moves.
            if self.buf.len() == self.chunk {
                let enc = self.encryptor.as_mut().ok_or_else(seal_error)?;
                let sealed = enc
                    .encrypt_next(Payload {
                        msg: &self.buf,
                        aad: &self.aad,
                    })
                    .map_err(|_| seal_error())?;
                self.out.write_all(&sealed)?;
                self.buf.zeroize();
            }
            let take = (self.chunk - self.buf.len()).min(rest.len());
            self.buf.extend_from_slice(&rest[..take]);
            rest = &rest[take..];
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl<W: Write> SealedWriter<W> {
    /// Seals the last chunk and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        let enc = self.encryptor.take().ok_or_else(seal_error)?;
        let sealed = enc
            .encrypt_last(Payload {
                msg: &self.buf,
                aad: &self.aad,
            })
            .map_err(|_| seal_error())?;
        self.buf.zeroize();
        self.out.write_all(&sealed)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Reads the header lines; refuses what is not a backup this version can read.
pub fn read_header<R: BufRead>(src: &mut R) -> CoreResult<(Header, Vec<u8>)> {
    let mut line = Vec::new();
    src.by_ref()
        .take(MAX_HEADER_BYTES + 1)
        .read_until(b'\n', &mut line)?;
    if line.is_empty() {
        return Err(not_a_backup("the file is empty"));
    }
    if line.last() != Some(&b'\n') {
        return Err(not_a_backup("it is not an Alongside backup"));
    }
    line.pop();
    let header: Header =
        serde_json::from_slice(&line).map_err(|_| not_a_backup("it is not an Alongside backup"))?;
    if header.format != FORMAT {
        return Err(not_a_backup("it is not an Alongside backup"));
    }
    if header.version > VERSION {
        return Err(not_a_backup(
            "it was made by a newer version of Alongside; update the app first",
        ));
    }
    let mut sum = Vec::new();
    src.by_ref().take(66).read_until(b'\n', &mut sum)?;
    if sum.last() != Some(&b'\n')
        || sum[..sum.len() - 1] != *hex::encode(Sha256::digest(&line)).as_bytes()
    {
        return Err(not_a_backup(
            "it is damaged (its header does not match its checksum)",
        ));
    }
    Ok((header, line))
}

fn check_shape(h: &Header) -> CoreResult<(Vec<u8>, Vec<u8>)> {
    let salt = B64.decode(&h.salt).ok().filter(|s| s.len() == SALT_BYTES);
    let nonce = B64
        .decode(&h.nonce)
        .ok()
        .filter(|n| n.len() == NONCE_PREFIX_BYTES);
    let kdf_ok = (8 * 1024..=256 * 1024).contains(&h.kdf.memory_kib)
        && (1..=10).contains(&h.kdf.iterations)
        && (1..=8).contains(&h.kdf.parallelism);
    let chunk_ok = (1024..=16 * 1024 * 1024).contains(&h.chunk_bytes);
    match (salt, nonce) {
        (Some(s), Some(n)) if kdf_ok && chunk_ok => Ok((s, n)),
        _ => Err(not_a_backup(
            "its header has values this version cannot use",
        )),
    }
}

/// Checks the header of `src` and the passphrase; returns the header and a reader of the payload.
/// A wrong passphrase is `WrongSecret`; anything else wrong with the file is an input error.
pub fn open<R: BufRead>(
    mut src: R,
    passphrase: &SecretString,
) -> CoreResult<(Header, OpenedReader<R>)> {
    let (header, line) = read_header(&mut src)?;
    let (salt, nonce) = check_shape(&header)?;
    let keys = derive(passphrase, &header.kdf, &salt)?;
    if keys.check != header.key_check {
        return Err(wrong_passphrase());
    }
    let cipher = XChaCha20Poly1305::new(chacha20poly1305::Key::from_slice(keys.stream.as_ref()));
    let chunk_sealed = header.chunk_bytes as usize + TAG_BYTES;
    Ok((
        header,
        OpenedReader {
            src,
            decryptor: Some(DecryptorBE32::from_aead(cipher, nonce.as_slice().into())),
            aad: line,
            chunk_sealed,
            ahead: None,
            plain: Zeroizing::new(Vec::new()),
            pos: 0,
        },
    ))
}

/// Reads and checks a sealed payload chunk by chunk. Reaching the end proves the file whole.
pub struct OpenedReader<R: BufRead> {
    src: R,
    decryptor: Option<DecryptorBE32<XChaCha20Poly1305>>,
    aad: Vec<u8>,
    chunk_sealed: usize,
    ahead: Option<Vec<u8>>,
    plain: Zeroizing<Vec<u8>>,
    pos: usize,
}

impl<R: BufRead> OpenedReader<R> {
    fn read_sealed(&mut self) -> io::Result<Vec<u8>> {
        let mut block = Vec::with_capacity(self.chunk_sealed);
        self.src
            .by_ref()
            .take(self.chunk_sealed as u64)
            .read_to_end(&mut block)?;
        Ok(block)
    }

    /// Opens the next chunk into `plain`; false at the end of the payload.
    fn refill(&mut self) -> io::Result<bool> {
        if self.decryptor.is_none() {
            return Ok(false);
        }
        let current = match self.ahead.take() {
            Some(block) => block,
            None => self.read_sealed()?,
        };
        if current.len() < TAG_BYTES {
            return Err(damaged_body());
        }
        let next = self.read_sealed()?;
        let opened = if next.is_empty() {
            let dec = self.decryptor.take().ok_or_else(damaged_body)?;
            dec.decrypt_last(Payload {
                msg: &current,
                aad: &self.aad,
            })
        } else {
            if current.len() != self.chunk_sealed {
                return Err(damaged_body());
            }
            self.ahead = Some(next);
            let dec = self.decryptor.as_mut().ok_or_else(damaged_body)?;
            dec.decrypt_next(Payload {
                msg: &current,
                aad: &self.aad,
            })
        };
        let opened = opened.map_err(|_| damaged_body())?;
        self.plain.zeroize();
        *self.plain = opened;
        self.pos = 0;
        Ok(true)
    }
}

impl<R: BufRead> Read for OpenedReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.pos >= self.plain.len() {
            if !self.refill()? {
                return Ok(0);
            }
        }
        let n = out.len().min(self.plain.len() - self.pos);
        out[..n].copy_from_slice(&self.plain[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pass() -> SecretString {
        SecretString::from("a backup passphrase".to_owned())
    }

    /// A header line with its checksum line, as a writer would put them.
    fn with_checksum(header: &serde_json::Value) -> Vec<u8> {
        let line = serde_json::to_vec(header).unwrap();
        let mut out = line.clone();
        out.push(b'\n');
        out.extend_from_slice(hex::encode(Sha256::digest(&line)).as_bytes());
        out.push(b'\n');
        out
    }

    #[test]
    fn a_header_asking_for_huge_key_settings_is_refused_before_any_work() {
        let header = serde_json::json!({
            "format": FORMAT, "version": 1, "created_at": "2026-11-23T10:00:00Z",
            "app_version": "0.1.0",
            "kdf": {"memory_kib": 4_000_000u32, "iterations": 3, "parallelism": 1},
            "salt": B64.encode([0u8; 16]), "nonce": B64.encode([0u8; 19]),
            "chunk_bytes": CHUNK_BYTES, "key_check": "00"
        });
        let started = std::time::Instant::now();
        let err = open(io::Cursor::new(with_checksum(&header)), &pass())
            .err()
            .unwrap();
        assert_eq!(err.code(), crate::ErrorCode::InvalidInput);
        assert!(started.elapsed() < std::time::Duration::from_millis(100));
    }

    #[test]
    fn sealed_payloads_round_trip_at_chunk_edges() {
        for len in [
            0usize,
            1,
            CHUNK_BYTES as usize - 1,
            CHUNK_BYTES as usize,
            CHUNK_BYTES as usize * 2 + 5,
        ] {
            let data: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let kdf = KdfParams {
                memory_kib: 8 * 1024,
                iterations: 1,
                parallelism: 1,
            };
            let mut w = begin(Vec::new(), &pass(), kdf, "2026-11-23T10:00:00Z").unwrap();
            w.write_all(&data).unwrap();
            let file = w.finish().unwrap();
            let (_, mut r) = open(io::Cursor::new(file), &pass()).unwrap();
            let mut back = Vec::new();
            r.read_to_end(&mut back).unwrap();
            assert_eq!(back, data, "length {len}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn random_bytes_are_refused_without_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let result = open(io::Cursor::new(bytes), &pass());
            prop_assert!(result.is_err());
        }

        #[test]
        fn random_text_after_a_real_looking_start_is_refused(tail in "[ -~]{0,300}") {
            let bytes = format!("{{\"format\":\"alongside-backup\",{tail}").into_bytes();
            prop_assert!(open(io::Cursor::new(bytes), &pass()).is_err());
        }
    }
}
