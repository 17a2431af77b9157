//! `list`: the user's subscriptions, optionally filtered by event and URL.

use anyhow::Result;

use crate::api::types::Subscription;
use crate::cli::ListArgs;
use crate::context::Ctx;
use crate::events;
use crate::output::{print_json, print_table, sanitize, table};
use crate::session::Session;

/// Keep the subscriptions that match every filter given; the event filter takes names or aliases.
pub fn filter(
    subs: Vec<Subscription>,
    event: Option<&str>,
    url: Option<&str>,
) -> Result<Vec<Subscription>> {
    let event = match event {
        Some(e) => {
            let mut names = events::all_known_names();
            names.extend(subs.iter().map(|s| s.event.clone()));
            Some(events::resolve(e, &names)?)
        }
        None => None,
    };
    Ok(subs
        .into_iter()
        .filter(|s| event.as_ref().is_none_or(|e| &s.event == e))
        .filter(|s| url.is_none_or(|u| s.target_url == u.trim()))
        .collect())
}

pub fn print(ctx: &Ctx, subs: &[Subscription]) -> Result<()> {
    if ctx.json {
        return print_json(subs);
    }
    if subs.is_empty() {
        ctx.notes.info("No subscriptions.");
        return Ok(());
    }
    let mut t = table(&["ID", "EVENT", "TARGET URL"]);
    for s in subs {
        t.add_row(vec![
            sanitize(&s.id).into_owned(),
            sanitize(&s.event).into_owned(),
            sanitize(&s.target_url).into_owned(),
        ]);
    }
    print_table(&t)?;
    Ok(())
}

pub fn run(ctx: &Ctx, args: ListArgs) -> Result<()> {
    let mut session = Session::open(ctx)?;
    let subs = session.subscriptions()?;
    let subs = filter(subs, args.event.as_deref(), args.url.as_deref())?;
    print(ctx, &subs)
}
