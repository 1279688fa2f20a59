//! Facts about the installed app, shown in the UI and by `alongside status`.

use serde::Serialize;
use specta::Type;
use std::path::Path;

use crate::paths::VaultPaths;

/// Version, data folder and whether a vault exists there.
#[derive(Debug, Clone, Serialize, Type, PartialEq, Eq)]
pub struct AppInfo {
    /// The app's version (from Cargo).
    pub version: String,
    /// The data folder in use.
    pub data_dir: String,
    /// Whether a vault database exists in the data folder.
    pub vault_exists: bool,
    /// The folder of the app's log files (nothing secret or personal is logged), if known.
    pub log_dir: Option<String>,
}

impl AppInfo {
    /// Reads the facts for the data folder `dir`.
    pub fn for_data_dir(dir: &Path) -> Self {
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            data_dir: dir.display().to_string(),
            vault_exists: VaultPaths::new(dir).database_exists(),
            log_dir: crate::logging::log_dir().map(|d| d.display().to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_vault_presence_from_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let info = AppInfo::for_data_dir(dir.path());
        assert!(!info.vault_exists);
        assert_eq!(info.version, env!("CARGO_PKG_VERSION"));
        std::fs::write(dir.path().join("vault.db"), b"x").unwrap();
        assert!(AppInfo::for_data_dir(dir.path()).vault_exists);
    }
}
