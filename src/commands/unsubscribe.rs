//! `unsubscribe`: by id, by event and/or URL, or everything (with confirmation).

use std::io::{self, IsTerminal};

use anyhow::{Context, Result};
use serde_json::json;

use crate::api::ApiError;
use crate::cli::UnsubscribeArgs;
use crate::commands::list;
use crate::context::Ctx;
use crate::error::{CliError, Reported, usage};
use crate::output::{print_json, sanitize};
use crate::session::Session;

pub fn run(ctx: &Ctx, args: UnsubscribeArgs) -> Result<()> {
    if args.ids.is_empty() && args.event.is_none() && args.url.is_none() && !args.all {
        return Err(usage(
            "say what to remove: subscription ids, --event and/or --url, or --all (see 'timeular-hooks list')",
        ));
    }
    let mut session = Session::open(ctx)?;
    let mut removed: Vec<String> = Vec::new();
    let mut failed = 0usize;

    if args.all {
        let subs = session.subscriptions()?;
        if subs.is_empty() {
            ctx.notes.info("No subscriptions to remove.");
        } else {
            confirm_all(ctx, subs.len(), args.yes)?;
            session.unsubscribe_all()?;
            removed = subs.into_iter().map(|s| s.id).collect();
        }
    } else {
        let ids: Vec<String> = if args.ids.is_empty() {
            let subs = session.subscriptions()?;
            let matching = list::filter(subs, args.event.as_deref(), args.url.as_deref())?;
            if matching.is_empty() {
                ctx.notes.info("No subscriptions match; nothing removed.");
            }
            matching.into_iter().map(|s| s.id).collect()
        } else {
            args.ids.iter().map(|i| i.trim().to_string()).collect()
        };
        for id in ids {
            match session.unsubscribe(&id) {
                Ok(()) => removed.push(id),
                // Not signed in stops everything: no other id would fare better.
                Err(e) if e.downcast_ref::<CliError>().is_some() => return Err(e),
                Err(e) => {
                    failed += 1;
                    let msg = match e.downcast_ref::<ApiError>() {
                        Some(api) if api.status() == Some(404) => format!(
                            "no subscription with id {} ({api}); see 'timeular-hooks list'",
                            sanitize(&id)
                        ),
                        _ => format!("removing {}: {e:#}", sanitize(&id)),
                    };
                    eprintln!("timeular-hooks: error: {msg}");
                }
            }
        }
    }

    if ctx.json {
        print_json(&json!({ "removed": removed }))?;
    } else {
        for id in &removed {
            println!("removed {}", sanitize(id));
        }
    }
    if failed > 0 {
        return Err(Reported.into());
    }
    Ok(())
}

/// `--all` asks on a terminal and needs `--yes` anywhere else.
fn confirm_all(ctx: &Ctx, count: usize, yes: bool) -> Result<()> {
    if yes {
        return Ok(());
    }
    if !io::stdin().is_terminal() {
        return Err(usage(format!(
            "--all would remove all {count} subscriptions; add --yes to confirm (stdin is not a terminal, so there is no prompt)"
        )));
    }
    let ok = dialoguer::Confirm::new()
        .with_prompt(format!(
            "Remove all {count} subscriptions of profile '{}'?",
            ctx.profile_name()
        ))
        .default(false)
        .interact()
        .context("reading the confirmation")?;
    if ok {
        Ok(())
    } else {
        Err(usage("nothing removed: not confirmed"))
    }
}
