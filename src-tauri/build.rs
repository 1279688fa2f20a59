//! Builds the Tauri context and one permission per app command (`allow-<command>`).

/// Every `#[tauri::command]` of the app; `tests/security.rs` checks this list against the
/// registered commands and the capability file.
const COMMANDS: &[&str] = &include!("src/command_names.in");

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        println!("cargo:warning=tauri build step failed: {e:#}");
        std::process::exit(1);
    }
}
