//! What the shell keeps between commands: the vault handle.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use alongside_core::vault::Vault;

/// Shared state managed by Tauri.
pub struct AppState {
    /// The data folder in use.
    pub data_dir: PathBuf,
    /// The vault in that folder.
    pub vault: Arc<Vault>,
    /// Set to stop the export in progress.
    pub export_cancel: Arc<AtomicBool>,
    /// Files exported in this session: the only ones the app will open or show.
    pub exported: Mutex<HashSet<PathBuf>>,
    /// Set to stop the backup or restore in progress.
    pub backup_cancel: Arc<AtomicBool>,
    /// The backup file chosen in the open dialog, waiting for its passphrase.
    pub restore_file: Mutex<Option<PathBuf>>,
    /// The `.alongside` file chosen in the open dialog, waiting for a decision.
    pub inbox_file: Mutex<Option<PathBuf>>,
}

impl AppState {
    /// State for the vault in `data_dir`.
    pub fn new(data_dir: PathBuf) -> Self {
        AppState {
            vault: Arc::new(Vault::new(data_dir.clone())),
            data_dir,
            export_cancel: Arc::new(AtomicBool::new(false)),
            exported: Mutex::new(HashSet::new()),
            backup_cancel: Arc::new(AtomicBool::new(false)),
            restore_file: Mutex::new(None),
            inbox_file: Mutex::new(None),
        }
    }
}
