//! "Delete all my data": the vault, its key slots, its keyring entry, its drafts (inside the
//! database) and every copy Alongside made in the data folder.

use std::path::{Path, PathBuf};

use serde::Serialize;
use specta::Type;

use super::{keyring_slot, slots::SlotFile, LockReason, Vault};
use crate::error::{CoreError, CoreResult};

/// What was deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Erased {
    /// Files and folders removed from the data folder.
    pub removed: u32,
    /// Keyring entries removed.
    pub keyring_entries: u32,
}

/// Whether a name in the data folder is something Alongside wrote there.
pub(crate) fn is_ours(name: &str) -> bool {
    name == "vault.db"
        || name == crate::folder_lock::LOCK_FILE
        || name.starts_with("vault.db-")
        || name.starts_with("keyslots.")
        || name.starts_with("vault.before-upgrade-")
        || name.starts_with("before-restore-")
        || name.starts_with(".alongside-")
}

fn slot_files_in(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() && is_ours(&name) {
            slot_files_in(&path, out);
        } else if name.starts_with("keyslots.") {
            out.push(path);
        }
    }
}

impl Vault {
    /// Locks the vault and deletes everything Alongside keeps in its data folder and in the
    /// keyring. Other files in the folder are left alone. Cannot be undone.
    /// Needs `proof` (the passphrase or recovery code, typed again).
    pub async fn delete_everything(&self, proof: &super::Proof) -> CoreResult<Erased> {
        self.confirm(proof).await?;
        self.lock(LockReason::Manual).await?;
        let dir = self.paths.dir().to_path_buf();
        let mut erased = Erased {
            removed: 0,
            keyring_entries: 0,
        };
        let mut slot_files = Vec::new();
        slot_files_in(&dir, &mut slot_files);
        let mut keyring_entries = std::collections::BTreeSet::new();
        for file in slot_files {
            if let Ok(f) = std::fs::read(&file)
                .map_err(CoreError::from)
                .and_then(|b| SlotFile::parse(&b))
            {
                if let Some((service, account)) = f.keyring() {
                    keyring_entries.insert((service.to_owned(), account.to_owned()));
                }
            }
        }
        for (service, account) in keyring_entries {
            match super::blocking(move || keyring_slot::delete(&service, &account)).await {
                Ok(()) => erased.keyring_entries += 1,
                Err(_) => tracing::warn!("a keyring entry could not be removed"),
            }
        }
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Ok(erased);
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !is_ours(&name) {
                continue;
            }
            let path = entry.path();
            if path.is_dir() {
                std::fs::remove_dir_all(&path)?;
            } else {
                std::fs::remove_file(&path)?;
            }
            erased.removed += 1;
        }
        crate::atomic_file::sync_dir(&dir)?;
        tracing::info!(removed = erased.removed, "all data deleted");
        Ok(erased)
    }
}
