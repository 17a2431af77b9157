//! `listen`: the local receiver, and with `--subscribe` the whole sign-in, subscribe, receive flow.

use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{Context, Result, anyhow};

use crate::cli::ListenArgs;
use crate::context::Ctx;
use crate::error::usage;
use crate::events;
use crate::listen::register::{self, Registration};
use crate::listen::{self, Options, Stop, forward::Forwarder, save};
use crate::output::sanitize;
use crate::session::Session;
use crate::target;

/// A fresh random path segment: 128 bits as hex.
fn random_secret() -> Result<String> {
    let mut buf = [0u8; 16];
    getrandom::fill(&mut buf)
        .map_err(|e| anyhow!("cannot get random bytes for the secret: {e}"))?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}

fn check_secret(s: &str) -> Result<String> {
    let ok = !s.is_empty()
        && s.len() <= 128
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~'));
    if ok {
        Ok(s.to_string())
    } else {
        Err(usage(format!(
            "invalid --secret '{}': use 1 to 128 letters, digits, '-', '_', '.' or '~' (it becomes one URL path segment)",
            sanitize(s)
        )))
    }
}

/// `--event` filters: names or aliases; an event we do not know is kept as typed, with a warning.
fn show_filter(ctx: &Ctx, inputs: &[String]) -> Option<Vec<String>> {
    if inputs.is_empty() {
        return None;
    }
    let known = events::all_known_names();
    Some(
        inputs
            .iter()
            .map(|i| match events::resolve(i, &known) {
                Ok(name) => name,
                Err(_) => {
                    ctx.notes.warn(format!(
                        "'{}' is not a documented event; showing deliveries whose eventType is exactly that",
                        sanitize(i)
                    ));
                    i.clone()
                }
            })
            .collect(),
    )
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

pub fn run(ctx: &Ctx, args: ListenArgs) -> Result<()> {
    let host = args.host.trim().to_string();
    let forward = match &args.forward_to {
        Some(u) => {
            let url = target::parse(u, "--forward-to URL")?;
            Some(Forwarder::new(
                url.as_str(),
                Duration::from_secs_f64(args.forward_timeout),
            )?)
        }
        None => None,
    };
    let public = match &args.public_url {
        Some(u) => Some(target::parse(u, "--public-url")?),
        None => None,
    };
    let secret = match (&args.secret, args.subscribe.is_empty()) {
        (Some(s), _) => Some(check_secret(s)?),
        (None, false) => Some(random_secret()?),
        (None, true) => None,
    };
    let show = show_filter(ctx, &args.event);
    if args.max_body == 0 {
        return Err(usage("--max-body must be at least 1 byte"));
    }
    if !is_loopback(&host) {
        ctx.notes.warn(format!(
            "listening on {host} opens port {} to the network; deliveries are unsigned, so anyone who reaches it can post events",
            args.port
        ));
    }
    if let Some(p) = &public {
        target::warn_if_not_public(p, &ctx.notes);
    }

    let save = match &args.save {
        Some(path) => Some(save::open_file(path)?),
        None => None,
    };
    let server = listen::bind(&host, args.port)?;
    let local = listen::local_url(&server);
    let opts = Options {
        forward,
        show,
        json: ctx.json,
        body: args.body,
        headers: args.headers,
        color: ctx.color,
        max_body: args.max_body,
        secret: secret.clone(),
        tz: jiff::tz::TimeZone::system(),
    };
    let forward_url = opts.forward.as_ref().map(|f| f.url().to_string());
    let running = listen::start(server, opts, save);

    // The first Ctrl-C (or SIGTERM) stops cleanly; a second one stops at once.
    let signals = Arc::new(AtomicUsize::new(0));
    {
        let tx = running.stop_tx.clone();
        let signals = signals.clone();
        ctrlc::set_handler(move || {
            if signals.fetch_add(1, Ordering::SeqCst) == 0 {
                let _ = tx.send(Stop::Signal);
            } else {
                eprintln!("timeular-hooks: stopping at once; subscriptions made by this run are left in place");
                std::process::exit(130);
            }
        })
        .context("installing the Ctrl-C handler")?;
    }

    let mut session = None;
    let mut registration: Option<Registration> = None;
    if let (Some(public), Some(secret)) = (&public, &secret)
        && !args.subscribe.is_empty()
    {
        let mut s = Session::open(ctx)?;
        let available = s.events()?;
        let names = events::resolve_all(&args.subscribe, &available)?;
        let base = public.as_str().trim_end_matches('/').to_string();
        registration = Some(register::register(
            &mut s, &base, secret, &names, &ctx.notes,
        )?);
        session = Some(s);
    }

    eprintln!("Listening on {local}");
    if let Some(secret) = &secret {
        ctx.notes.info(format!(
            "Deliveries are accepted only under /{secret}/ (e.g. {local}{secret}/); other paths get 404."
        ));
    }
    if let Some(p) = &args.save {
        ctx.notes
            .info(format!("Saving every delivery to {}", p.display()));
    }
    if let Some(f) = &forward_url {
        ctx.notes.info(format!("Forwarding to {f}"));
    }
    if let (Some(reg), Some(public)) = (&registration, &public) {
        ctx.notes.info(format!(
            "Public URL: {}",
            public.as_str().trim_end_matches('/')
        ));
        ctx.notes.info(format!(
            "Subscribed ({}):",
            if args.keep {
                "kept on exit (--keep)"
            } else {
                "removed on exit"
            }
        ));
        for s in &reg.active {
            ctx.notes.info(format!(
                "  {}  {}  {}",
                sanitize(&s.id),
                s.event,
                sanitize(&s.target_url)
            ));
        }
    }
    ctx.notes.info("Press Ctrl-C to stop.");

    let reason = running.stop_rx.recv().unwrap_or(Stop::Signal);
    let summary = running.stop();

    let mut cleanup_failed = Vec::new();
    let mut removed = 0;
    if let (Some(reg), Some(s)) = (&registration, session.as_mut())
        && !args.keep
    {
        let (n, failed) = register::unregister(s, &reg.active);
        removed = n;
        cleanup_failed = failed;
    }
    let mut line = format!(
        "Stopped: {} {} ({} accepted, {} rejected",
        summary.received,
        if summary.received == 1 {
            "delivery"
        } else {
            "deliveries"
        },
        summary.accepted,
        summary.rejected
    );
    if summary.too_large > 0 {
        line.push_str(&format!(", {} too large", summary.too_large));
    }
    if summary.unsaved > 0 {
        line.push_str(&format!(
            ", {} not saved and not acknowledged",
            summary.unsaved
        ));
    }
    line.push(')');
    if registration.is_some() {
        if args.keep {
            line.push_str("; subscriptions kept");
        } else {
            line.push_str(&format!("; {removed} subscription(s) removed"));
        }
    }
    line.push('.');
    eprintln!("{line}");
    if summary.not_shown > 0 {
        ctx.notes.warn(format!(
            "{} deliveries were saved and acknowledged but not shown: stdout did not keep up",
            summary.not_shown
        ));
    }
    if summary.abandoned > 0 {
        ctx.notes.warn(format!(
            "{} connection(s) were still sending when the listener stopped; nothing of theirs was acknowledged",
            summary.abandoned
        ));
    }
    for (sub, err) in &cleanup_failed {
        eprintln!(
            "timeular-hooks: error: could not remove subscription {} ({}); remove it with 'timeular-hooks unsubscribe {}'",
            sanitize(&sub.id),
            sanitize(err),
            sanitize(&sub.id)
        );
    }
    match reason {
        Stop::Failed(msg) => Err(anyhow!(msg)),
        _ if !cleanup_failed.is_empty() => Err(crate::error::Reported.into()),
        _ => Ok(()),
    }
}
