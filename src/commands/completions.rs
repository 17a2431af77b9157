//! `completions SHELL` and the hidden `man`: both generated from the clap definition.

use std::io::{self, Write};

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs, ManArgs};

/// The completion script for a shell, as bytes (the same text `completions/` holds).
pub fn script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "timeular-hooks", &mut buf);
    if shell == clap_complete::Shell::Bash {
        // clap_complete spells the state of a hyphenated binary two ways: the dispatch loop sets
        // `timeular__hooks__subcmd__X`, the case arms match `timeular__subcmd__hooks__subcmd__X`, so
        // nothing after the subcommand ever completes (clap-rs/clap#6421, open). Spell the arms the
        // way the loop does; tests/it/docs.rs completes in a real bash to keep this honest.
        let text = String::from_utf8(buf).expect("clap writes UTF-8");
        buf = text
            .replace("timeular__subcmd__hooks", "timeular__hooks")
            .into_bytes();
    }
    buf
}

/// The names of the commands that have a man page of their own (`timeular-hooks-<name>(1)`).
pub fn man_commands() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name().to_string())
        .collect()
}

/// A man page in roff: the main page, or one command's page.
pub fn man_page(command: Option<&str>) -> Option<Vec<u8>> {
    let root = Cli::command();
    let cmd = match command {
        None => root,
        Some(name) => {
            let sub = root.find_subcommand(name)?.clone();
            // The globals belong on every page, as they do on the command line.
            let mut sub = sub.name(format!("timeular-hooks-{name}"));
            for arg in Cli::command().get_arguments().filter(|a| a.is_global_set()) {
                sub = sub.arg(arg.clone());
            }
            sub
        }
    };
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut buf)
        .expect("rendering into memory");
    Some(buf)
}

pub fn run(args: &CompletionsArgs) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(&script(args.shell))?;
    out.flush()?;
    Ok(())
}

pub fn man(args: &ManArgs) -> Result<()> {
    let page = man_page(args.command.as_deref()).ok_or_else(|| {
        crate::error::usage(format!(
            "no man page for '{}'; commands: {}",
            crate::output::sanitize(args.command.as_deref().unwrap_or("")),
            man_commands().join(", ")
        ))
    })?;
    let mut out = io::stdout().lock();
    out.write_all(&page)?;
    out.flush()?;
    Ok(())
}
