//! The `ecocase` program: parse the command line, set up logging, dispatch (see `cli/`).
#![forbid(unsafe_code)]

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
