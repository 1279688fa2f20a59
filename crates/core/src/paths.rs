//! Where Alongside keeps its files.

use std::path::{Path, PathBuf};

/// The app's identifier (reverse DNS); also the name of its data folder inside the OS data
/// directory and the keyring service of "unlock automatically".
pub const APP_IDENTIFIER: &str = "org.alongside.Alongside";

/// The identifier the app had before its first release; folders and keyring entries under it
/// are moved to [`APP_IDENTIFIER`] (see [`adopt_old_folder`] and `Vault::unlock`).
pub const OLD_APP_IDENTIFIER: &str = "org.alongside.desktop";

/// Environment variable that overrides the data folder (app and command line alike).
pub const DATA_DIR_ENV: &str = "ALONGSIDE_DATA_DIR";

/// The default data folder: the OS's local data directory + the app identifier, or
/// `ALONGSIDE_DATA_DIR` when it is set. Local, not roaming: on Windows that is
/// `%LOCALAPPDATA%\org.alongside.Alongside`, which a roaming profile does not copy between
/// computers (a vault is one computer's); on Linux and macOS the two are the same folder
/// (`~/.local/share`, `~/Library/Application Support`). Without the override, a data folder
/// (and settings folder) still under the old identifier is moved first.
pub fn default_data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let root = dirs::data_local_dir()?;
    for parent in [Some(root.clone()), dirs::config_dir()]
        .into_iter()
        .flatten()
    {
        match adopt_old_folder(&parent) {
            Ok(true) => tracing::info!("moved a folder from the app's old name to its new one"),
            Ok(false) => {}
            Err(e) => {
                tracing::warn!(kind = ?e.kind(), "a folder under the app's old name could not be moved")
            }
        }
    }
    Some(root.join(APP_IDENTIFIER))
}

/// Moves `parent/OLD_APP_IDENTIFIER` to `parent/APP_IDENTIFIER` (one rename: all or nothing)
/// when only the old one exists; whether it moved.
pub fn adopt_old_folder(parent: &Path) -> std::io::Result<bool> {
    let (old, new) = (parent.join(OLD_APP_IDENTIFIER), parent.join(APP_IDENTIFIER));
    if !old.is_dir() || new.exists() {
        return Ok(false);
    }
    std::fs::rename(&old, &new)?;
    Ok(true)
}

/// The files that make up a vault inside a data folder.
#[derive(Debug, Clone)]
pub struct VaultPaths {
    dir: PathBuf,
}

impl VaultPaths {
    /// Paths inside `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        VaultPaths { dir: dir.into() }
    }
    /// The data folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
    /// The encrypted database.
    pub fn database(&self) -> PathBuf {
        self.dir.join("vault.db")
    }
    /// The key-slot file.
    pub fn slots(&self) -> PathBuf {
        self.dir.join("keyslots.json")
    }
    /// A second copy of the key-slot file, used when the first is damaged.
    pub fn slots_mirror(&self) -> PathBuf {
        self.dir.join("keyslots.mirror.json")
    }
    /// The key file of a key change in progress: read only when the database no longer opens
    /// with `keyslots.json` because a key change was cut short after re-encrypting it.
    pub fn slots_pending(&self) -> PathBuf {
        self.dir.join("keyslots.next.json")
    }
    /// The encrypted copy made before a migration.
    pub fn pre_migration_copy(&self, from_version: i64) -> PathBuf {
        self.dir
            .join(format!("vault.before-upgrade-{from_version}.db"))
    }
    /// Refuses `target` as the place to write an export or a backup when it is a file of the
    /// vault (the database, its journal, its key files, a safety copy, a lock or temporary
    /// file) or inside one of its folders, directly or through a link: nothing may be saved
    /// over the vault. Other files in the folder are the person's own business.
    pub fn refuse_as_output(&self, target: &Path) -> crate::error::CoreResult<()> {
        let Ok(home) = self.dir.canonicalize() else {
            return Ok(());
        };
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let named = parent
            .canonicalize()
            .ok()
            .zip(target.file_name())
            .map(|(p, name)| p.join(name));
        let resolved = target.canonicalize().ok();
        let of_the_vault = |p: &PathBuf| {
            p.strip_prefix(&home)
                .ok()
                .and_then(|rel| rel.components().next())
                .is_some_and(|first| {
                    crate::vault::erase::is_ours(&first.as_os_str().to_string_lossy())
                })
        };
        if named.iter().chain(resolved.iter()).any(of_the_vault) {
            return Err(crate::error::CoreError::invalid(
                "out",
                "That would save over Alongside's own vault files. Choose another name or \
                 folder, such as your Documents folder; nothing was written.",
            ));
        }
        Ok(())
    }
    /// Whether a database exists here.
    pub fn database_exists(&self) -> bool {
        self.database().exists()
    }
}
