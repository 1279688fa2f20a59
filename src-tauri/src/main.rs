//! Alongside's desktop app; run under the name `alongside`, its command line.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    if alongside_app::multi_call::run_as_cli(std::env::args_os().next().as_deref()) {
        return alongside_cli::main();
    }
    match alongside_app::run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Alongside could not start: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
