//! Event names: the ones the provider documents, their short aliases, and how user input maps to them.
//! Names are open strings: the API's own list (`GET /webhooks/event`) is what a subscription is checked
//! against; this table only adds aliases and one-line meanings for the events we know.

use crate::error::usage;

/// A documented event.
#[derive(Debug, Clone, Copy)]
pub struct KnownEvent {
    pub name: &'static str,
    pub alias: Option<&'static str>,
    pub meaning: &'static str,
    /// The API version that introduced it.
    pub since: &'static str,
}

pub const KNOWN: &[KnownEvent] = &[
    KnownEvent {
        name: "timeEntryCreated",
        alias: Some("created"),
        meaning: "a time entry was created",
        since: "v3",
    },
    KnownEvent {
        name: "timeEntryUpdated",
        alias: Some("updated"),
        meaning: "a time entry was changed",
        since: "v3",
    },
    KnownEvent {
        name: "timeEntryDeleted",
        alias: Some("deleted"),
        meaning: "a time entry was deleted",
        since: "v3",
    },
    KnownEvent {
        name: "trackingStarted",
        alias: Some("started"),
        meaning: "time tracking started on an activity",
        since: "v3",
    },
    KnownEvent {
        name: "trackingStopped",
        alias: Some("stopped"),
        meaning: "time tracking stopped; the new time entry is included",
        since: "v3",
    },
    KnownEvent {
        name: "trackingEdited",
        alias: Some("edited"),
        meaning: "the running tracking was edited (activity, start or note)",
        since: "v3",
    },
    KnownEvent {
        name: "trackingCanceled",
        alias: Some("canceled"),
        meaning: "the running tracking was discarded without a time entry",
        since: "v3",
    },
    KnownEvent {
        name: "activityCreated",
        alias: None,
        meaning: "an activity was created",
        since: "v4",
    },
    KnownEvent {
        name: "activityUpdated",
        alias: None,
        meaning: "an activity was changed",
        since: "v4",
    },
    KnownEvent {
        name: "activityDeleted",
        alias: None,
        meaning: "an activity was deleted",
        since: "v4",
    },
    KnownEvent {
        name: "folderCreated",
        alias: None,
        meaning: "a folder was created",
        since: "v4",
    },
    KnownEvent {
        name: "folderUpdated",
        alias: None,
        meaning: "a folder was changed",
        since: "v4",
    },
    KnownEvent {
        name: "folderDeleted",
        alias: None,
        meaning: "a folder was deleted",
        since: "v4",
    },
    KnownEvent {
        name: "timeLeaveCreated",
        alias: None,
        meaning: "a time leave (absence) was requested",
        since: "v4",
    },
    KnownEvent {
        name: "timeLeaveUpdated",
        alias: None,
        meaning: "a time leave was changed",
        since: "v4",
    },
    KnownEvent {
        name: "timeLeaveDeleted",
        alias: None,
        meaning: "a time leave was deleted",
        since: "v4",
    },
    KnownEvent {
        name: "timeLeaveApproved",
        alias: None,
        meaning: "a time leave was approved",
        since: "v4",
    },
    KnownEvent {
        name: "timeLeaveDenied",
        alias: None,
        meaning: "a time leave was denied",
        since: "v4",
    },
];

/// Every alias with the event it stands for; `cancelled` is the British spelling of `canceled`.
pub const ALIASES: &[(&str, &str)] = &[
    ("started", "trackingStarted"),
    ("stopped", "trackingStopped"),
    ("edited", "trackingEdited"),
    ("canceled", "trackingCanceled"),
    ("cancelled", "trackingCanceled"),
    ("created", "timeEntryCreated"),
    ("updated", "timeEntryUpdated"),
    ("deleted", "timeEntryDeleted"),
];

pub fn known(name: &str) -> Option<&'static KnownEvent> {
    KNOWN.iter().find(|e| e.name == name)
}

/// The alias of an event, for display.
pub fn alias_of(name: &str) -> Option<&'static str> {
    known(name).and_then(|e| e.alias)
}

/// The event an alias stands for (any case).
fn expand_alias(input: &str) -> Option<&'static str> {
    let lower = input.to_ascii_lowercase();
    ALIASES.iter().find(|(a, _)| *a == lower).map(|(_, e)| *e)
}

/// Map user input to one of `available` (the API's list, or every event we know): an alias, or a full
/// name in any case. Anything else is a usage error that lists what would have worked.
pub fn resolve(input: &str, available: &[String]) -> anyhow::Result<String> {
    let wanted = expand_alias(input).unwrap_or(input);
    if let Some(found) = available.iter().find(|e| e.eq_ignore_ascii_case(wanted)) {
        return Ok(found.clone());
    }
    Err(usage(format!(
        "unknown event '{}'; valid events: {}",
        crate::output::sanitize(input),
        valid_list(available)
    )))
}

/// "timeEntryCreated (created), ..., activityCreated" for the events in `available`.
pub fn valid_list(available: &[String]) -> String {
    available
        .iter()
        .map(|name| {
            let aliases: Vec<&str> = ALIASES
                .iter()
                .filter(|(_, e)| e == name)
                .map(|(a, _)| *a)
                .collect();
            if aliases.is_empty() {
                name.clone()
            } else {
                format!("{name} ({})", aliases.join("/"))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every documented event name, v3 and v4.
pub fn all_known_names() -> Vec<String> {
    KNOWN.iter().map(|e| e.name.to_string()).collect()
}

/// Resolve several inputs, keeping their order and dropping repeats.
pub fn resolve_all(inputs: &[String], available: &[String]) -> anyhow::Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for input in inputs {
        let name = resolve(input, available)?;
        if !out.contains(&name) {
            out.push(name);
        }
    }
    Ok(out)
}

/// The values shell completion offers for an event argument.
pub fn completion_values() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = ALIASES.iter().map(|(a, _)| *a).collect();
    v.extend(KNOWN.iter().map(|e| e.name));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v3() -> Vec<String> {
        KNOWN
            .iter()
            .filter(|e| e.since == "v3")
            .map(|e| e.name.to_string())
            .collect()
    }

    #[test]
    fn aliases_and_any_case() {
        assert_eq!(resolve("started", &v3()).unwrap(), "trackingStarted");
        assert_eq!(resolve("CANCELLED", &v3()).unwrap(), "trackingCanceled");
        assert_eq!(
            resolve("trackingstopped", &v3()).unwrap(),
            "trackingStopped"
        );
        assert_eq!(resolve("deleted", &v3()).unwrap(), "timeEntryDeleted");
    }

    #[test]
    fn unknown_lists_valid_names() {
        let err = resolve("folderCreated", &v3()).unwrap_err().to_string();
        assert!(err.contains("unknown event 'folderCreated'"), "{err}");
        assert!(
            err.contains("trackingCanceled (canceled/cancelled)"),
            "{err}"
        );
        assert_eq!(
            crate::error::exit_code(&resolve("x", &v3()).unwrap_err()),
            2
        );
    }

    #[test]
    fn repeats_are_dropped() {
        let got = resolve_all(
            &["started".into(), "trackingStarted".into(), "stopped".into()],
            &v3(),
        )
        .unwrap();
        assert_eq!(got, vec!["trackingStarted", "trackingStopped"]);
    }
}
