//! What the shell keeps between commands: the vault handle.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use alongside_core::records::transfer::ImportFormat;
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
    /// An `.alongside` file given when the app started (a double-click), by a second start or by
    /// dropping it on the window, not yet shown.
    pub arrived_file: Mutex<Option<PathBuf>>,
    /// The file chosen (or dropped) for import, waiting to be checked and imported.
    pub import_file: Mutex<Option<PathBuf>>,
    /// A spreadsheet or export dropped on the window or given to the app, not yet shown.
    pub arrived_import: Mutex<Option<PathBuf>>,
    /// A calendar invitation dropped on the window or given to the app, not yet shown.
    pub arrived_invitation: Mutex<Option<PathBuf>>,
    /// A backup (`.alongside-backup`) double-clicked, given to the app or dropped on the window,
    /// not yet offered for restoring.
    pub arrived_backup: Mutex<Option<PathBuf>>,
    /// Whether a record's files are on screen: files dropped then are attached to it.
    pub attach_drops: Mutex<bool>,
    /// Files dropped while a record's files were on screen, waiting to be attached.
    pub dropped_attachments: Mutex<Vec<PathBuf>>,
    /// The reader for Read aloud (one reading at a time).
    pub read_aloud: crate::read_aloud::ReadAloud,
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
            arrived_file: Mutex::new(None),
            import_file: Mutex::new(None),
            arrived_import: Mutex::new(None),
            arrived_invitation: Mutex::new(None),
            arrived_backup: Mutex::new(None),
            attach_drops: Mutex::new(false),
            dropped_attachments: Mutex::new(Vec::new()),
            read_aloud: crate::read_aloud::ReadAloud::new(),
        }
    }

    /// Files dropped on the window: attached to the record whose files are on screen when there
    /// is one (every file, whatever its kind), else handled as [`AppState::file_arrived`];
    /// whether the window should look.
    pub fn file_dropped(&self, paths: impl IntoIterator<Item = PathBuf>) -> bool {
        let attaching = self.attach_drops.lock().is_ok_and(|on| *on);
        if !attaching {
            return self.file_arrived(paths);
        }
        match self.dropped_attachments.lock() {
            Ok(mut dropped) => {
                dropped.extend(paths);
                !dropped.is_empty()
            }
            Err(_) => false,
        }
    }

    /// Keeps the first `.alongside` file among `paths` to show in the Inbox, the first
    /// spreadsheet or export (`.csv`, `.xlsx`, `.json`) to offer for import, the first
    /// calendar invitation (`.ics`) to fill a new meeting and the first backup
    /// (`.alongside-backup`, or `.backup` as earlier versions named them) to offer for
    /// restoring; whether there was any.
    pub fn file_arrived(&self, paths: impl IntoIterator<Item = PathBuf>) -> bool {
        let paths: Vec<PathBuf> = paths.into_iter().collect();
        let ext =
            |p: &PathBuf, want: &str| p.extension().is_some_and(|e| e.eq_ignore_ascii_case(want));
        let shared = paths.iter().find(|p| ext(p, "alongside"));
        let import = paths.iter().find(|p| ImportFormat::of_path(p).is_some());
        let invitation = paths.iter().find(|p| ext(p, "ics"));
        let backup = paths
            .iter()
            .find(|p| ext(p, "alongside-backup") || ext(p, "backup"));
        let mut any = false;
        for (file, slot) in [
            (shared, &self.arrived_file),
            (import, &self.arrived_import),
            (invitation, &self.arrived_invitation),
            (backup, &self.arrived_backup),
        ] {
            if let (Some(file), Ok(mut arrived)) = (file, slot.lock()) {
                *arrived = Some(file.clone());
                any = true;
            }
        }
        any
    }
}
