//! `alongside`: the command line of Alongside (docs/cli.md). Parse, call the core, print.

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

fn main() -> std::process::ExitCode {
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
