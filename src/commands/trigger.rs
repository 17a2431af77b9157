//! `trigger EVENT`: post a realistic sample delivery to a receiver, or print it.

use anyhow::{Result, anyhow};
use serde_json::json;

use crate::cli::TriggerArgs;
use crate::context::Ctx;
use crate::events;
use crate::listen::forward::{Forwarder, Outcome};
use crate::output::{print_json, sanitize};
use crate::samples::{self, Shape};
use crate::target;

pub fn run(ctx: &Ctx, args: TriggerArgs) -> Result<()> {
    let event = events::resolve(&args.event, &samples::names())?;
    let shape = Shape {
        note: args.note.as_deref(),
        activity: args.activity.as_deref(),
    };
    let (body, noted, named) = samples::sample(&event, &shape, jiff::Timestamp::now())
        .expect("every resolvable event has a sample");
    if args.note.is_some() && !noted {
        ctx.notes
            .warn(format!("{event} carries no note; --note is ignored"));
    }
    if args.activity.is_some() && !named {
        ctx.notes.warn(format!(
            "{event} carries no activity; --activity is ignored"
        ));
    }
    if args.print {
        return print_json(&body);
    }
    let url = target::parse(&args.url, "--url")?;
    let bytes = serde_json::to_vec(&body)?;
    let outcome =
        Forwarder::new(url.as_str(), ctx.timeout)?.forward(&bytes, Some("application/json"));
    report(ctx, &event, url.as_str(), &outcome)
}

/// Print how a post went (stdout: one line, or one JSON object) and fail unless it got a 2xx.
pub fn report(ctx: &Ctx, what: &str, url: &str, outcome: &Outcome) -> Result<()> {
    let (status, elapsed, error) = match outcome {
        Outcome::Answered { status, elapsed } => (Some(*status), elapsed, None),
        Outcome::Failed { reason, elapsed } => (None, elapsed, Some(reason.clone())),
    };
    if ctx.json {
        print_json(&json!({
            "event": what,
            "url": url,
            "status": status,
            "ok": outcome.ok(),
            "elapsed_ms": elapsed.as_millis() as u64,
            "error": error,
        }))?;
    } else {
        println!("{what} -> {url}: {}", outcome.summary());
    }
    match outcome {
        _ if outcome.ok() => Ok(()),
        Outcome::Answered { status, .. } => Err(anyhow!(
            "the receiver at {url} answered {status}; see its output for why"
        )),
        Outcome::Failed { reason, .. } => Err(anyhow!(
            "cannot deliver to {url} ({}); is 'timeular-hooks listen' (or your app) running there?",
            sanitize(reason)
        )),
    }
}
