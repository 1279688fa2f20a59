//! What is sealed inside a backup: the 32-byte data key, one line of JSON (the manifest), then
//! the files the manifest lists, byte for byte, in its order.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::sync::atomic::Ordering;

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::format::{not_a_backup, read_error};
use super::{BackupProgress, BackupStage, Control};
use crate::error::{CoreError, CoreResult};
use crate::records::transfer::Counts;
use crate::vault::key::{DataKey, KEY_LEN};

/// The key-slot file's name inside a backup and a data folder.
pub const SLOTS: &str = "keyslots.json";
/// The database's name inside a backup and a data folder.
pub const DATABASE: &str = "vault.db";

const MAX_MANIFEST_BYTES: u64 = 64 * 1024;
const MAX_SLOTS_BYTES: u64 = 1024 * 1024;
const COPY_BUFFER: usize = 1024 * 1024;

/// One file in the payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// [`SLOTS`] or [`DATABASE`].
    pub name: String,
    /// Its length in bytes.
    pub bytes: u64,
}

/// The payload's table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The vault the backup was made of.
    pub vault_id: String,
    /// Its schema version then.
    pub schema_version: Option<i64>,
    /// When the snapshot was taken (RFC 3339, UTC).
    pub made_at: String,
    /// Records of each kind in the snapshot.
    pub counts: Counts,
    /// The files that follow, in order.
    pub files: Vec<Entry>,
}

impl Manifest {
    fn total_bytes(&self) -> u64 {
        self.files.iter().map(|f| f.bytes).sum()
    }

    /// Exactly one key file (small) and one database, nothing else.
    fn check(&self) -> CoreResult<()> {
        let names: Vec<&str> = self.files.iter().map(|f| f.name.as_str()).collect();
        let slots_ok = self
            .files
            .iter()
            .any(|f| f.name == SLOTS && f.bytes <= MAX_SLOTS_BYTES);
        if names.len() != 2 || !names.contains(&DATABASE) || !slots_ok {
            return Err(not_a_backup(
                "its list of contents is not one this version knows",
            ));
        }
        Ok(())
    }
}

/// A file to put in the payload.
pub enum Source<'a> {
    /// Bytes held in memory.
    Bytes(&'a [u8]),
    /// A file on disk.
    File(&'a Path),
}

fn check_cancel(control: &Control) -> CoreResult<()> {
    if control.cancel.load(Ordering::Relaxed) {
        Err(CoreError::Cancelled)
    } else {
        Ok(())
    }
}

struct Meter<'a> {
    control: &'a Control,
    stage: BackupStage,
    done: u64,
    total: u64,
    shown: u8,
}

impl Meter<'_> {
    fn add(&mut self, n: u64) -> CoreResult<()> {
        self.done += n;
        let percent = u8::try_from(self.done * 100 / self.total.max(1)).unwrap_or(100);
        if percent != self.shown {
            self.shown = percent;
            (self.control.progress)(BackupProgress {
                stage: self.stage,
                percent,
            });
        }
        check_cancel(self.control)
    }
}

/// Writes the payload: key, manifest line, then each file.
pub fn write(
    out: &mut impl Write,
    key: &DataKey,
    manifest: &Manifest,
    sources: &[Source<'_>],
    control: &Control,
) -> CoreResult<()> {
    out.write_all(key.as_bytes())?;
    let line = serde_json::to_vec(manifest)
        .map_err(|e| CoreError::Internal(format!("The backup's contents list failed: {e}")))?;
    out.write_all(&line)?;
    out.write_all(b"\n")?;
    let mut meter = Meter {
        control,
        stage: BackupStage::Sealing,
        done: 0,
        total: manifest.total_bytes(),
        shown: 0,
    };
    let mut buf = Zeroizing::new(vec![0u8; COPY_BUFFER]);
    for (source, entry) in sources.iter().zip(&manifest.files) {
        let copied = match source {
            Source::Bytes(bytes) => {
                out.write_all(bytes)?;
                meter.add(bytes.len() as u64)?;
                bytes.len() as u64
            }
            Source::File(path) => {
                let mut file = std::fs::File::open(path)?;
                let mut copied = 0u64;
                loop {
                    let n = file.read(&mut buf)?;
                    if n == 0 {
                        break;
                    }
                    out.write_all(&buf[..n])?;
                    copied += n as u64;
                    meter.add(n as u64)?;
                }
                copied
            }
        };
        if copied != entry.bytes {
            return Err(CoreError::Internal(
                "A file changed while the backup was being made; nothing was saved.".into(),
            ));
        }
    }
    Ok(())
}

/// Reads the payload into `folder` (the files keep their names). Returns the data key and the
/// manifest. The payload is read to its very end, which proves it whole.
pub fn read(src: impl Read, folder: &Path, control: &Control) -> CoreResult<(DataKey, Manifest)> {
    let mut src = BufReader::with_capacity(COPY_BUFFER, src);
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    src.read_exact(key.as_mut()).map_err(read_error)?;
    let key = DataKey::from_slice(key.as_ref())?;
    let mut line = Vec::new();
    src.by_ref()
        .take(MAX_MANIFEST_BYTES)
        .read_until(b'\n', &mut line)
        .map_err(read_error)?;
    if line.pop() != Some(b'\n') {
        return Err(not_a_backup("its list of contents is missing"));
    }
    let manifest: Manifest = serde_json::from_slice(&line)
        .map_err(|_| not_a_backup("its list of contents cannot be read"))?;
    manifest.check()?;
    let mut meter = Meter {
        control,
        stage: BackupStage::Opening,
        done: 0,
        total: manifest.total_bytes(),
        shown: 0,
    };
    let mut buf = Zeroizing::new(vec![0u8; COPY_BUFFER]);
    for entry in &manifest.files {
        let path = folder.join(&entry.name);
        crate::atomic_file::create_private_file(&path)?;
        let mut file = std::fs::OpenOptions::new().write(true).open(&path)?;
        let mut left = entry.bytes;
        while left > 0 {
            let want = usize::try_from(left).unwrap_or(usize::MAX).min(buf.len());
            let n = src.read(&mut buf[..want]).map_err(read_error)?;
            if n == 0 {
                return Err(not_a_backup("it is incomplete"));
            }
            file.write_all(&buf[..n])?;
            left -= n as u64;
            meter.add(n as u64)?;
        }
        file.sync_all()?;
    }
    let mut extra = [0u8; 1];
    if src.read(&mut extra).map_err(read_error)? != 0 {
        return Err(not_a_backup(
            "it has more in it than its list of contents says",
        ));
    }
    Ok((key, manifest))
}
