//! One module per command; this `match` is the only dispatch.

pub mod completions;
mod events;
pub mod list;
mod listen;
mod login;
mod logout;
mod replay;
mod status;
pub mod subscribe;
mod trigger;
mod unsubscribe;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::context::Ctx;

pub fn run(cli: Cli) -> Result<()> {
    // Commands that need no config come first, so they work even with a broken environment.
    match &cli.command {
        Command::Completions(args) => return completions::run(args),
        Command::Man(args) => return completions::man(args),
        _ => {}
    }
    let ctx = Ctx::new(&cli.global)?;
    match cli.command {
        Command::Login(args) => login::run(&ctx, args),
        Command::Logout(args) => logout::run(&ctx, args),
        Command::Status(args) => status::run(&ctx, args),
        Command::Events(args) => events::run(&ctx, args),
        Command::Subscribe(args) => subscribe::run(&ctx, args),
        Command::List(args) => list::run(&ctx, args),
        Command::Unsubscribe(args) => unsubscribe::run(&ctx, args),
        Command::Listen(args) => listen::run(&ctx, args),
        Command::Trigger(args) => trigger::run(&ctx, args),
        Command::Replay(args) => replay::run(&ctx, args),
        Command::Completions(_) | Command::Man(_) => unreachable!("handled above"),
    }
}
