//! Typed events the shell sends to the UI.

use alongside_core::vault::LockReason;
use serde::Serialize;
use specta::Type;
use tauri_specta::Event;

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
