//! Alongside's desktop app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    match alongside_app::run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Alongside could not start: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
