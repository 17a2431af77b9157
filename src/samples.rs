//! Realistic sample deliveries of every documented event, for `trigger`. The bodies are the
//! provider's documented shapes (src/samples/, copied from the shared fixtures), with the times moved
//! to now and the note and activity name set as asked.

use jiff::{Timestamp, ToSpan};
use serde_json::Value;

/// Every event with a sample, and its body.
pub const SAMPLES: &[(&str, &str)] = &[
    (
        "activityCreated",
        include_str!("samples/activityCreated.json"),
    ),
    (
        "activityDeleted",
        include_str!("samples/activityDeleted.json"),
    ),
    (
        "activityUpdated",
        include_str!("samples/activityUpdated.json"),
    ),
    ("folderCreated", include_str!("samples/folderCreated.json")),
    ("folderDeleted", include_str!("samples/folderDeleted.json")),
    ("folderUpdated", include_str!("samples/folderUpdated.json")),
    (
        "timeEntryCreated",
        include_str!("samples/timeEntryCreated.json"),
    ),
    (
        "timeEntryDeleted",
        include_str!("samples/timeEntryDeleted.json"),
    ),
    (
        "timeEntryUpdated",
        include_str!("samples/timeEntryUpdated.json"),
    ),
    (
        "timeLeaveApproved",
        include_str!("samples/timeLeaveApproved.json"),
    ),
    (
        "timeLeaveCreated",
        include_str!("samples/timeLeaveCreated.json"),
    ),
    (
        "timeLeaveDeleted",
        include_str!("samples/timeLeaveDeleted.json"),
    ),
    (
        "timeLeaveDenied",
        include_str!("samples/timeLeaveDenied.json"),
    ),
    (
        "timeLeaveUpdated",
        include_str!("samples/timeLeaveUpdated.json"),
    ),
    (
        "trackingCanceled",
        include_str!("samples/trackingCanceled.json"),
    ),
    (
        "trackingEdited",
        include_str!("samples/trackingEdited.json"),
    ),
    (
        "trackingStarted",
        include_str!("samples/trackingStarted.json"),
    ),
    (
        "trackingStopped",
        include_str!("samples/trackingStopped.json"),
    ),
];

/// The names of the events `trigger` can send.
pub fn names() -> Vec<String> {
    SAMPLES.iter().map(|(n, _)| n.to_string()).collect()
}

/// A UTC timestamp as the provider writes it: milliseconds, no offset.
pub fn provider_time(t: Timestamp) -> String {
    t.to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .strftime("%Y-%m-%dT%H:%M:%S%.3f")
        .to_string()
}

/// What a sample was shaped with.
#[derive(Debug, Default)]
pub struct Shape<'a> {
    pub note: Option<&'a str>,
    pub activity: Option<&'a str>,
}

/// The sample body of `event` at time `now`; returns the body and which of the shape options applied.
pub fn sample(event: &str, shape: &Shape, now: Timestamp) -> Option<(Value, bool, bool)> {
    let text = SAMPLES.iter().find(|(n, _)| *n == event)?.1;
    let mut body: Value = serde_json::from_str(text).expect("the samples are valid JSON");
    let started = provider_time(now - 25.minutes());
    let span_start = provider_time(now - 1.hours() - 30.minutes() - 15.seconds());
    let span_stop = provider_time(now);
    let (mut noted, mut named) = (false, false);
    let data = &mut body["data"];
    for key in [
        "currentTracking",
        "newTimeEntry",
        "createdTimeEntry",
        "updatedTimeEntry",
    ] {
        let Some(obj) = data.get_mut(key).filter(|o| o.is_object()) else {
            continue;
        };
        if obj.get("startedAt").is_some() {
            obj["startedAt"] = Value::String(started.clone());
        }
        if obj.get("duration").is_some_and(Value::is_object) {
            obj["duration"]["startedAt"] = Value::String(span_start.clone());
            obj["duration"]["stoppedAt"] = Value::String(span_stop.clone());
        }
        if let (Some(n), true) = (shape.note, obj.get("note").is_some_and(Value::is_object)) {
            obj["note"]["text"] = Value::String(n.to_string());
            noted = true;
        }
        if let (Some(a), true) = (
            shape.activity,
            obj.get("activity").is_some_and(Value::is_object),
        ) {
            obj["activity"]["name"] = Value::String(a.to_string());
            named = true;
        }
    }
    for key in ["createdActivity", "updatedActivity"] {
        if let (Some(a), true) = (shape.activity, data.get(key).is_some_and(Value::is_object)) {
            data[key]["name"] = Value::String(a.to_string());
            named = true;
        }
    }
    Some((body, noted, named))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_event_has_a_sample() {
        for e in crate::events::KNOWN {
            assert!(
                sample(e.name, &Shape::default(), Timestamp::UNIX_EPOCH).is_some(),
                "{}",
                e.name
            );
        }
        assert_eq!(SAMPLES.len(), crate::events::KNOWN.len());
    }

    #[test]
    fn samples_are_shaped_and_dated() {
        let now: Timestamp = "2026-12-03T12:00:00Z".parse().unwrap();
        let shape = Shape {
            note: Some("hi <{{|t|1|}}>"),
            activity: Some("Deep work"),
        };
        let (b, noted, named) = sample("trackingStopped", &shape, now).unwrap();
        assert!(noted && named);
        let e = &b["data"]["newTimeEntry"];
        assert_eq!(e["duration"]["stoppedAt"], "2026-12-03T12:00:00.000");
        assert_eq!(e["duration"]["startedAt"], "2026-12-03T10:29:45.000");
        assert_eq!(e["activity"]["name"], "Deep work");
        assert_eq!(e["note"]["text"], "hi <{{|t|1|}}>");
        let (_, noted, named) = sample("folderCreated", &shape, now).unwrap();
        assert!(!noted && !named);
    }
}
