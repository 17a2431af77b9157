//! `subscribe EVENT... --url URL`: one subscription per event, never a silent duplicate.

use anyhow::Result;
use serde::Serialize;

use crate::api::ApiError;
use crate::api::types::Subscription;
use crate::cli::SubscribeArgs;
use crate::context::Ctx;
use crate::events;
use crate::output::{print_json, print_table, sanitize, table};
use crate::session::Session;
use crate::target;

/// The message the API sends when an event has all the subscriptions it allows.
pub const LIMIT_MESSAGE: &str = "maximum subscriptions per event exceeded";

#[derive(Debug, Serialize)]
struct Outcome {
    id: String,
    event: String,
    target_url: String,
    created: bool,
}

/// The error for an event at its limit: what is there, and how to make room.
pub fn limit_error(event: &str, existing: &[Subscription]) -> anyhow::Error {
    let on_event: Vec<String> = existing
        .iter()
        .filter(|s| s.event == event)
        .map(|s| format!("{} -> {}", sanitize(&s.id), sanitize(&s.target_url)))
        .collect();
    let first = existing
        .iter()
        .find(|s| s.event == event)
        .map_or("ID".to_string(), |s| sanitize(&s.id).into_owned());
    anyhow::anyhow!(
        "{event} has as many subscriptions as the API allows ({LIMIT_MESSAGE}): {}; remove one with 'timeular-hooks unsubscribe {first}'",
        if on_event.is_empty() {
            "none are listed".to_string()
        } else {
            on_event.join(", ")
        }
    )
}

/// Is this the API's per-event limit error?
pub fn is_limit(err: &anyhow::Error) -> bool {
    err.downcast_ref::<ApiError>()
        .and_then(ApiError::api_message)
        .is_some_and(|m| m.to_ascii_lowercase().contains(LIMIT_MESSAGE))
}

pub fn run(ctx: &Ctx, args: SubscribeArgs) -> Result<()> {
    let url = args.url.trim().to_string();
    let parsed = target::parse(&url, "target URL")?;
    let mut session = Session::open(ctx)?;
    let available = session.events()?;
    let names = events::resolve_all(&args.events, &available)?;
    target::warn_if_not_public(&parsed, &ctx.notes);

    let existing = session.subscriptions()?;
    let mut outcomes = Vec::new();
    let mut failure = None;
    for event in &names {
        if !args.allow_duplicate
            && let Some(s) = existing
                .iter()
                .find(|s| &s.event == event && s.target_url == url)
        {
            ctx.notes.info(format!(
                "{event} already goes to this URL (subscription {}); not subscribing again (--allow-duplicate would)",
                sanitize(&s.id)
            ));
            outcomes.push(Outcome {
                id: s.id.clone(),
                event: event.clone(),
                target_url: url.clone(),
                created: false,
            });
            continue;
        }
        match session.subscribe(event, &url, &existing) {
            Ok(id) => outcomes.push(Outcome {
                id,
                event: event.clone(),
                target_url: url.clone(),
                created: true,
            }),
            Err(e) if is_limit(&e) => {
                failure = Some(limit_error(event, &existing));
                break;
            }
            Err(e) => {
                failure = Some(e.context(format!("subscribing {event}")));
                break;
            }
        }
    }
    print(ctx, &outcomes)?;
    match failure {
        None => Ok(()),
        Some(e) if outcomes.iter().any(|o| o.created) => Err(e.context(format!(
            "{} of {} subscriptions were made (shown above)",
            outcomes.iter().filter(|o| o.created).count(),
            names.len()
        ))),
        Some(e) => Err(e),
    }
}

fn print(ctx: &Ctx, outcomes: &[Outcome]) -> Result<()> {
    if ctx.json {
        return print_json(outcomes);
    }
    if outcomes.is_empty() {
        return Ok(());
    }
    let mut t = table(&["ID", "EVENT", "TARGET URL", "RESULT"]);
    for o in outcomes {
        t.add_row(vec![
            sanitize(&o.id).into_owned(),
            o.event.clone(),
            sanitize(&o.target_url).into_owned(),
            if o.created { "created" } else { "exists" }.to_string(),
        ]);
    }
    print_table(&t)?;
    Ok(())
}
