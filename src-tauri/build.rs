//! Builds the Tauri context and one permission per app command (`allow-<command>`).

/// Every `#[tauri::command]` of the app; `tests/security.rs` checks this list against the
/// registered commands and the capability file.
const COMMANDS: &[&str] = &include!("src/command_names.in");

fn main() {
    // Release builds on Linux pack their ~84,000 relative relocations into a few kilobytes
    // (DT_RELR, glibc 2.36 and later; Debian 12 has 2.36) and fold functions whose code is
    // identical and whose address is never taken: a smaller .deb, fewer pages to fix up at start.
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    if release && linux {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
        println!("cargo:rustc-link-arg-bins=-Wl,--icf=safe");
    }
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        println!("cargo:warning=tauri build step failed: {e:#}");
        std::process::exit(1);
    }
}
