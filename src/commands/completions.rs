//! `completions SHELL` and the hidden `man`: both generated from the clap definition.

use std::io::{self, Write};

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

/// The completion script for a shell, as bytes (the same text `completions/` holds).
pub fn script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "timeular-hooks", &mut buf);
    buf
}

/// The man page in roff.
pub fn man_page() -> Vec<u8> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut buf)
        .expect("rendering into memory");
    buf
}

pub fn run(args: &CompletionsArgs) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(&script(args.shell))?;
    out.flush()?;
    Ok(())
}

pub fn man() -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(&man_page())?;
    out.flush()?;
    Ok(())
}
