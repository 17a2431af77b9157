//! `replay FILE`: re-send deliveries saved by `listen --save`, bodies unchanged.

use std::fs::File;
use std::io::{BufRead, BufReader};

use anyhow::{Context, Result};
use serde::Deserialize;
use serde_json::json;
use serde_json::value::RawValue;

use crate::cli::ReplayArgs;
use crate::context::Ctx;
use crate::events;
use crate::listen::forward::{Forwarder, Outcome};
use crate::output::sanitize;
use crate::target;

/// The fields of a saved line that replay needs.
#[derive(Deserialize)]
struct Saved<'a> {
    seq: u64,
    #[serde(default)]
    event: Option<String>,
    #[serde(default, borrow)]
    body: Option<&'a RawValue>,
    #[serde(default)]
    raw: Option<String>,
    #[serde(default)]
    content_type: Option<String>,
}

pub fn run(ctx: &Ctx, args: ReplayArgs) -> Result<()> {
    let url = target::parse(&args.url, "--url")?;
    let file = File::open(&args.file).with_context(|| {
        format!(
            "cannot open {}; give a file written by 'timeular-hooks listen --save'",
            args.file.display()
        )
    })?;
    let wanted_events: Vec<String> = {
        let known = events::all_known_names();
        args.event
            .iter()
            .map(|e| events::resolve(e, &known).unwrap_or_else(|_| e.clone()))
            .collect()
    };
    let forwarder = Forwarder::new(url.as_str(), ctx.timeout)?;
    let (mut sent, mut malformed) = (0usize, 0usize);
    let mut failed: Vec<u64> = Vec::new();
    let mut results = Vec::new();
    for (n, line) in BufReader::new(file).split(b'\n').enumerate() {
        let line_no = n + 1;
        let line = line.with_context(|| format!("reading {}", args.file.display()))?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let saved: Saved = match serde_json::from_slice(&line) {
            Ok(s) => s,
            Err(e) => {
                malformed += 1;
                eprintln!(
                    "timeular-hooks: warning: line {line_no} of {} is not a saved delivery ({e}); skipped",
                    args.file.display()
                );
                continue;
            }
        };
        if !args.seq.is_empty() && !args.seq.contains(&saved.seq) {
            continue;
        }
        if !wanted_events.is_empty()
            && !saved
                .event
                .as_ref()
                .is_some_and(|e| wanted_events.contains(e))
        {
            continue;
        }
        let bytes: &[u8] = match (&saved.raw, saved.body) {
            (Some(raw), _) => raw.as_bytes(),
            (None, Some(body)) if body.get() != "null" => body.get().as_bytes(),
            _ => {
                malformed += 1;
                eprintln!(
                    "timeular-hooks: warning: line {line_no} of {} has no body to send; skipped",
                    args.file.display()
                );
                continue;
            }
        };
        let outcome = forwarder.forward(
            bytes,
            Some(saved.content_type.as_deref().unwrap_or("application/json")),
        );
        sent += 1;
        if !outcome.ok() {
            failed.push(saved.seq);
        }
        let event = saved.event.as_deref().unwrap_or("(no eventType)");
        if ctx.json {
            let (status, error) = match &outcome {
                Outcome::Answered { status, .. } => (Some(*status), None),
                Outcome::Failed { reason, .. } => (None, Some(reason.clone())),
            };
            results.push(json!({
                "seq": saved.seq,
                "event": saved.event,
                "status": status,
                "ok": outcome.ok(),
                "error": error,
            }));
        } else {
            println!(
                "#{:<3} {} -> {}",
                saved.seq,
                sanitize(event),
                outcome.summary()
            );
        }
    }
    if ctx.json {
        crate::output::print_json(&results)?;
    }
    let mut summary = format!(
        "Replayed {sent} deliveries to {url}: {} answered 2xx, {} failed",
        sent - failed.len(),
        failed.len()
    );
    if malformed > 0 {
        summary.push_str(&format!("; {malformed} line(s) skipped"));
    }
    summary.push('.');
    ctx.notes.info(summary);
    if sent == 0 && malformed == 0 {
        ctx.notes.info("Nothing matched; check --event and --seq.");
    }
    if !failed.is_empty() {
        let seqs: Vec<String> = failed.iter().take(20).map(u64::to_string).collect();
        return Err(anyhow::anyhow!(
            "{} of {sent} deliveries got no 2xx from {url}; check the receiver there, then send those again with 'timeular-hooks replay {} --url {url} --seq {}{}'",
            failed.len(),
            args.file.display(),
            seqs.join(" "),
            if failed.len() > 20 { " ..." } else { "" }
        ));
    }
    if malformed > 0 {
        return Err(anyhow::anyhow!(
            "{malformed} line(s) of {} are not saved deliveries and were skipped (see the warnings above)",
            args.file.display()
        ));
    }
    Ok(())
}
