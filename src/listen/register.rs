//! `listen --subscribe`: subscribe each event to `<public-url>/<secret>/<event>` on start and remove
//! exactly those on exit. Subscriptions an earlier run left behind (killed, or `--keep`) are
//! recognised by their shape — under the same public URL, `/<one segment>/<their own event>` — and are
//! reused when the segment is this run's secret, removed otherwise, but only for the events this run
//! subscribes: nothing pointing anywhere else is ever touched.

use anyhow::Result;

use crate::api::types::Subscription;
use crate::commands::subscribe::{is_limit, limit_error};
use crate::output::{Notes, sanitize};
use crate::session::Session;

/// What a run registered.
#[derive(Debug, Default)]
pub struct Registration {
    /// Subscriptions this run uses: made now or reused; removed on exit unless `--keep`.
    pub active: Vec<Subscription>,
    pub reused: usize,
    pub removed_leftovers: usize,
}

/// The target of one event's subscription.
pub fn target(base: &str, secret: &str, event: &str) -> String {
    format!("{}/{secret}/{event}", base.trim_end_matches('/'))
}

/// The secret segment of a subscription left by a run with this public URL, if it is one.
pub fn leftover_secret<'a>(base: &str, sub: &'a Subscription) -> Option<&'a str> {
    let rest = sub
        .target_url
        .strip_prefix(base.trim_end_matches('/'))?
        .strip_prefix('/')?;
    let (secret, event) = rest.split_once('/')?;
    (!secret.is_empty() && event == sub.event).then_some(secret)
}

/// Subscribe `events`; on any failure remove what this call made and return the error.
pub fn register(
    session: &mut Session,
    base: &str,
    secret: &str,
    events: &[String],
    notes: &Notes,
) -> Result<Registration> {
    let existing = session.subscriptions()?;
    let mut reg = Registration::default();
    let mut made: Vec<Subscription> = Vec::new();
    let result = (|| -> Result<()> {
        for event in events {
            let mut reused_one = false;
            for sub in existing.iter().filter(|s| &s.event == event) {
                let Some(seg) = leftover_secret(base, sub) else {
                    continue;
                };
                if seg == secret && !reused_one {
                    reused_one = true;
                    reg.reused += 1;
                    reg.active.push(sub.clone());
                    notes.info(format!(
                        "Reusing subscription {} ({event}) from an earlier run.",
                        sanitize(&sub.id)
                    ));
                } else {
                    session.unsubscribe(&sub.id)?;
                    reg.removed_leftovers += 1;
                    notes.info(format!(
                        "Removed subscription {} ({event} -> {}) left by an earlier run.",
                        sanitize(&sub.id),
                        sanitize(&sub.target_url)
                    ));
                }
            }
            if reused_one {
                continue;
            }
            let url = target(base, secret, event);
            let id = match session.subscribe(event, &url, &existing) {
                Ok(id) => id,
                Err(e) if is_limit(&e) => {
                    let now = session.subscriptions().unwrap_or_else(|_| existing.clone());
                    return Err(limit_error(event, &now));
                }
                Err(e) => return Err(e.context(format!("subscribing {event}"))),
            };
            let sub = Subscription {
                id,
                event: event.clone(),
                target_url: url,
            };
            made.push(sub.clone());
            reg.active.push(sub);
        }
        Ok(())
    })();
    match result {
        Ok(()) => Ok(reg),
        Err(e) => {
            let (removed, failed) = unregister(session, &made);
            if !made.is_empty() {
                notes.info(format!(
                    "Subscribing failed; removed the {removed} subscription(s) this run had made."
                ));
            }
            for (sub, err) in failed {
                notes.warn(format!(
                    "could not remove subscription {} ({err}); remove it with 'timeular-hooks unsubscribe {}'",
                    sanitize(&sub.id),
                    sanitize(&sub.id)
                ));
            }
            Err(e)
        }
    }
}

/// Remove these subscriptions; an id already gone counts as removed.
pub fn unregister(
    session: &mut Session,
    subs: &[Subscription],
) -> (usize, Vec<(Subscription, String)>) {
    let mut removed = 0;
    let mut failed = Vec::new();
    for sub in subs {
        match session.unsubscribe(&sub.id) {
            Ok(()) => removed += 1,
            Err(e)
                if e.downcast_ref::<crate::api::ApiError>()
                    .and_then(|a| a.status())
                    == Some(404) =>
            {
                removed += 1
            }
            Err(e) => failed.push((sub.clone(), format!("{e:#}"))),
        }
    }
    (removed, failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sub(event: &str, url: &str) -> Subscription {
        Subscription {
            id: "1".into(),
            event: event.into(),
            target_url: url.into(),
        }
    }

    #[test]
    fn leftovers_are_recognised_by_shape() {
        let base = "https://t.example.org";
        assert_eq!(
            leftover_secret(
                base,
                &sub(
                    "trackingStarted",
                    "https://t.example.org/abc/trackingStarted"
                )
            ),
            Some("abc")
        );
        assert_eq!(
            leftover_secret(
                base,
                &sub(
                    "trackingStarted",
                    "https://t.example.org/abc/trackingStopped"
                )
            ),
            None
        );
        assert_eq!(
            leftover_secret(
                base,
                &sub("trackingStarted", "https://t.example.org/trackingStarted")
            ),
            None
        );
        assert_eq!(
            leftover_secret(
                base,
                &sub(
                    "trackingStarted",
                    "https://t.example.org.evil/abc/trackingStarted"
                )
            ),
            None
        );
        assert_eq!(
            leftover_secret(
                base,
                &sub(
                    "trackingStarted",
                    "https://other.example.org/abc/trackingStarted"
                )
            ),
            None
        );
        assert_eq!(
            target("https://t.example.org/", "s3", "trackingStopped"),
            "https://t.example.org/s3/trackingStopped"
        );
    }
}
