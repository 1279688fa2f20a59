//! `alongside`: the command line of Alongside (docs/cli.md). Parse, call the core, print.
//!
//! A library so that the desktop app's own program can act as the command line when it is run
//! under the name `alongside` (the Linux packages install `/usr/bin/alongside` as a link to it).

mod args;
mod attachments;
mod exchange;
mod exit;
mod manual;
mod output;
mod progress;
mod records;
mod run;
mod secrets;

use clap::Parser;

/// Runs the command line on this process's arguments and returns its exit code.
pub fn main() -> std::process::ExitCode {
    alongside_core::logging::init("warn");
    for problem in alongside_core::hardening::harden_process() {
        tracing::warn!("{problem}");
    }
    let cli = args::Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("Could not start: {e}.");
            return exit::RUNTIME.into();
        }
    };
    match runtime.block_on(run::run(cli)) {
        Ok(code) => code.into(),
        Err(err) => {
            eprintln!("{}", err.message());
            err.exit_code().into()
        }
    }
}
