//! Typed events the shell sends to the UI.

use alongside_core::vault::LockReason;
use serde::Serialize;
use specta::Type;
use tauri_specta::Event;

/// Sends a typed event to the window by its name (needs no event registry, so it also works
/// before set-up has run). A window that is gone is not an error.
pub fn send<R: tauri::Runtime, E: Event + Serialize + Clone>(app: &tauri::AppHandle<R>, event: E) {
    if tauri::Emitter::emit(app, E::NAME, event).is_err() {
        tracing::warn!("could not send an event to the window");
    }
}

/// The vault was locked (the UI drops every record it holds).
#[derive(Debug, Clone, Serialize, Type, Event)]
pub struct VaultLocked {
    /// Why it locked.
    pub reason: LockReason,
}

/// An export reached a new step (reading, building, rendering, saving).
#[derive(Debug, Clone, Serialize, Type, Event)]
pub struct ExportProgress {
    /// The step now under way.
    pub stage: alongside_export::Stage,
}

/// A backup or restore moved on: the core's own progress report, sent to the window.
#[derive(Debug, Clone, Serialize, Type, Event)]
pub struct BackupProgressed(pub alongside_core::backup::BackupProgress);

/// An `.alongside` file arrived (dropped on the window, or given to a second start of the app):
/// the window asks for it with `inbox_pending`.
#[derive(Debug, Clone, Serialize, Type, Event)]
pub struct FileArrived;

/// A reading aloud moved on (speaking, paused, finished or stopped).
#[derive(Debug, Clone, Serialize, Type, Event)]
pub struct ReadAloudChanged {
    /// Which reading (the number `read_aloud` answered).
    pub reading: u32,
    /// Where the reading has got to.
    pub speech: crate::read_aloud::Speech,
}
