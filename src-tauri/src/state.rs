//! What the shell keeps between commands: the vault handle.

use std::path::PathBuf;
use std::sync::Arc;

use alongside_core::vault::Vault;

/// Shared state managed by Tauri.
pub struct AppState {
    /// The data folder in use.
    pub data_dir: PathBuf,
    /// The vault in that folder.
    pub vault: Arc<Vault>,
}

impl AppState {
    /// State for the vault in `data_dir`.
    pub fn new(data_dir: PathBuf) -> Self {
        AppState {
            vault: Arc::new(Vault::new(data_dir.clone())),
            data_dir,
        }
    }
}
