//! timeular-hooks: manage Timeular (EARLY) webhooks and receive their deliveries.

pub mod api;
pub mod cli;
pub mod commands;
pub mod config;
pub mod context;
pub mod delivery;
pub mod error;
pub mod events;
pub mod json;
pub mod listen;
pub mod output;
pub mod samples;
pub mod session;
pub mod target;

use std::process::ExitCode;

use clap::Parser;

/// Parse the command line, run the command, print any error and pick the exit code.
pub fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout (exit 0) and usage errors to stderr (exit 2).
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { error::EXIT_USAGE } else { 0 });
        }
    };
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => error::report(&e),
    }
}

/// A reader that went away (`| head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
