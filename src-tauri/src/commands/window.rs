//! What the window's web view reports about itself.

use super::CmdResult;
use crate::spelling::{self, Spelling};

/// Whether the web view checks spelling, and in which languages (as WebKit reports it).
#[tauri::command]
#[specta::specta]
pub async fn spelling_status<R: tauri::Runtime>(
    window: tauri::WebviewWindow<R>,
) -> CmdResult<Spelling> {
    Ok(spelling::report(&window).await)
}
