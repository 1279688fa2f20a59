//! Where Alongside keeps its files.

use std::path::{Path, PathBuf};

/// The app's identifier; also the name of its data folder inside the OS data directory.
pub const APP_IDENTIFIER: &str = "org.alongside.desktop";

/// Environment variable that overrides the data folder (app and command line alike).
pub const DATA_DIR_ENV: &str = "ALONGSIDE_DATA_DIR";

/// The default data folder: the OS data directory + the app identifier (the same folder Tauri
/// uses for `app_data_dir`), or `ALONGSIDE_DATA_DIR` when it is set.
pub fn default_data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER))
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
    /// The encrypted copy made before a migration.
    pub fn pre_migration_copy(&self, from_version: i64) -> PathBuf {
        self.dir
            .join(format!("vault.before-upgrade-{from_version}.db"))
    }
    /// Whether a database exists here.
    pub fn database_exists(&self) -> bool {
        self.database().exists()
    }
}
