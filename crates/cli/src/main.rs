//! The `alongside` program: the command line, nothing else (see the library).

fn main() -> std::process::ExitCode {
    alongside_cli::main()
}
