//! A delivery as the provider POSTs it (`{"userId", "eventType", "data"}`), and how each event reads
//! in one line. Everything here works on `serde_json::Value` and never panics: unknown events and
//! fields, missing or mistyped values all fall back to something generic, and every string from the
//! payload is made terminal-safe.

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use serde_json::Value;

use crate::output::{Style, sanitize};

/// The longest note shown on a line; the full text is in `--body`, `--json` and `--save`.
const NOTE_MAX: usize = 120;

/// The event type of a body, if it has a string one.
pub fn event_type(body: &Value) -> Option<&str> {
    body.get("eventType").and_then(Value::as_str)
}

/// The colour of an event's name on a terminal, by kind.
pub fn style_of(event: &str) -> Style {
    match event {
        "trackingStarted" => Style::Green,
        "trackingStopped" => Style::Red,
        "trackingEdited" => Style::Yellow,
        "trackingCanceled" => Style::Magenta,
        e if e.starts_with("timeEntry") => Style::Blue,
        e if e.starts_with("activity") || e.starts_with("folder") => Style::Cyan,
        e if e.starts_with("timeLeave") => Style::Magenta,
        _ => Style::Bold,
    }
}

/// What matters about a delivery, in one terminal-safe line (without time, sequence or event name).
pub fn summary(body: &Value, tz: &TimeZone) -> String {
    let data = body.get("data").unwrap_or(&Value::Null);
    let event = event_type(body).unwrap_or("");
    let parts: Vec<String> = match event {
        "trackingStarted" | "trackingEdited" | "trackingCanceled" => {
            let t = data.get("currentTracking").unwrap_or(&Value::Null);
            let mut p = vec![activity_name(t)];
            let when = t
                .get("startedAt")
                .and_then(Value::as_str)
                .map(|s| local(s, tz));
            match (event, when) {
                ("trackingStarted", Some(w)) => p.push(format!("started {w}")),
                ("trackingEdited", Some(w)) => p.push(format!("since {w}")),
                ("trackingCanceled", Some(w)) => p.push(format!("started {w}, discarded")),
                ("trackingCanceled", None) => p.push("discarded".to_string()),
                _ => {}
            }
            p.extend(note(t));
            p
        }
        "trackingStopped" => {
            let mut p = match data.get("newTimeEntry") {
                Some(e) if e.is_object() => entry(e, tz),
                _ => vec!["no new time entry".to_string()],
            };
            let counts: Vec<String> = [
                ("createdTimeEntries", "created"),
                ("editedTimeEntries", "edited"),
                ("deletedTimeEntries", "deleted"),
            ]
            .iter()
            .filter_map(|(k, word)| {
                let n = data.get(*k).and_then(Value::as_array).map_or(0, Vec::len);
                (n > 0).then(|| format!("{n} {word}"))
            })
            .collect();
            if !counts.is_empty() {
                p.push(format!("other entries: {}", counts.join(", ")));
            }
            p
        }
        "timeEntryCreated" | "timeEntryUpdated" => {
            let key = if event == "timeEntryCreated" {
                "createdTimeEntry"
            } else {
                "updatedTimeEntry"
            };
            let e = data.get(key).unwrap_or(&Value::Null);
            let mut p = vec![format!("entry {}", id(e))];
            p.extend(entry(e, tz));
            p
        }
        "timeEntryDeleted" => vec![format!(
            "entry {} deleted",
            id(data.get("deletedTimeEntry").unwrap_or(&Value::Null))
        )],
        "activityCreated" | "activityUpdated" => {
            let key = if event == "activityCreated" {
                "createdActivity"
            } else {
                "updatedActivity"
            };
            let a = data.get(key).unwrap_or(&Value::Null);
            let mut p = vec![format!("activity {}", id(a)), text(a, "name")];
            if let Some(c) = a.get("color").and_then(Value::as_str) {
                p.push(c.to_string());
            }
            p
        }
        "activityDeleted" => vec![format!(
            "activity {} deleted",
            id(data.get("deletedActivity").unwrap_or(&Value::Null))
        )],
        "folderCreated" | "folderUpdated" => {
            vec![format!("folder {}", id(data)), text(data, "name")]
        }
        "folderDeleted" => vec![format!("folder {} deleted", id(data))],
        "timeLeaveDeleted" => vec![format!("time leave {} deleted", id(data))],
        e if e.starts_with("timeLeave") => {
            let mut p = vec![format!("time leave {}", id(data))];
            if let Some(name) = data
                .get("user")
                .and_then(|u| u.get("name"))
                .and_then(Value::as_str)
            {
                p.push(name.to_string());
            }
            let start = data.get("startDate").and_then(Value::as_str);
            let end = data.get("endDate").and_then(Value::as_str);
            match (start, end) {
                (Some(s), Some(e)) if s == e => p.push(s.to_string()),
                (Some(s), Some(e)) => p.push(format!("{s} → {e}")),
                (Some(s), None) | (None, Some(s)) => p.push(s.to_string()),
                (None, None) => {}
            }
            if let Some(s) = data.get("status").and_then(Value::as_str) {
                p.push(s.to_string());
            }
            p
        }
        _ => generic(body),
    };
    let line = parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    sanitize(&line).into_owned()
}

/// An unknown event: who it is for and which fields its data has.
fn generic(body: &Value) -> Vec<String> {
    let mut p = Vec::new();
    if !body.is_object() {
        p.push(format!("a JSON {}", kind(body)));
        return p;
    }
    if let Some(u) = body.get("userId") {
        p.push(format!("user {}", scalar(u)));
    }
    match body.get("data") {
        Some(Value::Object(m)) if !m.is_empty() => {
            let keys: Vec<&str> = m.keys().map(String::as_str).take(8).collect();
            let more = if m.len() > 8 { ", …" } else { "" };
            p.push(format!("data: {}{more}", keys.join(", ")));
        }
        Some(other) => p.push(format!("data: {}", kind(other))),
        None => {
            let keys: Vec<&str> = body
                .as_object()
                .map(|m| m.keys().map(String::as_str).take(8).collect())
                .unwrap_or_default();
            p.push(format!("fields: {}", keys.join(", ")));
        }
    }
    p
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => "?".to_string(),
    }
}

fn id(v: &Value) -> String {
    v.get("id").map_or("?".to_string(), scalar)
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

fn activity_name(v: &Value) -> String {
    v.get("activity")
        .and_then(|a| a.get("name"))
        .and_then(Value::as_str)
        .unwrap_or("(no activity)")
        .to_string()
}

/// A time entry: activity, span with duration, note.
fn entry(e: &Value, tz: &TimeZone) -> Vec<String> {
    let mut p = vec![activity_name(e)];
    let d = e.get("duration").unwrap_or(&Value::Null);
    let start = d.get("startedAt").and_then(Value::as_str);
    let stop = d.get("stoppedAt").and_then(Value::as_str);
    if let Some(span) = span(start, stop, tz) {
        p.push(span);
    }
    p.extend(note(e));
    p
}

/// "2020-11-30 08:08:52 → 09:08:59 (1h 0m 7s)" in the local zone; the date is repeated only when
/// the span crosses midnight.
pub fn span(start: Option<&str>, stop: Option<&str>, tz: &TimeZone) -> Option<String> {
    match (start, stop) {
        (Some(a), Some(b)) => match (parse_utc(a), parse_utc(b)) {
            (Some(za), Some(zb)) => {
                let za = za.with_time_zone(tz.clone());
                let zb = zb.with_time_zone(tz.clone());
                let end = if za.date() == zb.date() {
                    time_of_day(&zb)
                } else {
                    date_time(&zb)
                };
                let secs = zb.timestamp().as_second() - za.timestamp().as_second();
                Some(format!("{} → {end} ({})", date_time(&za), duration(secs)))
            }
            _ => Some(format!("{a} → {b}")),
        },
        (Some(a), None) => Some(format!("from {}", local(a, tz))),
        (None, Some(b)) => Some(format!("until {}", local(b, tz))),
        (None, None) => None,
    }
}

/// A payload timestamp ("2020-11-30T07:08:52.203": UTC, no offset) as an instant.
fn parse_utc(s: &str) -> Option<jiff::ZonedDateTime> {
    let s = s.trim().trim_end_matches('Z');
    let dt: DateTime = s.parse().ok()?;
    dt.to_zoned_datetime(TimeZone::UTC).ok()
}

/// A payload timestamp in the local zone, or the text as it came when it does not parse.
pub fn local(s: &str, tz: &TimeZone) -> String {
    match parse_utc(s) {
        Some(z) => date_time(&z.with_time_zone(tz.clone())),
        None => s.to_string(),
    }
}

/// "2020-11-30 08:08:52" (formatted by hand: this runs for every delivery shown).
pub fn date_time(z: &jiff::ZonedDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        z.year(),
        z.month(),
        z.day(),
        z.hour(),
        z.minute(),
        z.second()
    )
}

/// "08:08:52"
pub fn time_of_day(z: &jiff::ZonedDateTime) -> String {
    format!("{:02}:{:02}:{:02}", z.hour(), z.minute(), z.second())
}

/// "1h 30m 15s", "4m 2s", "12s"; negative spans keep their sign.
pub fn duration(secs: i64) -> String {
    let sign = if secs < 0 { "-" } else { "" };
    let s = secs.unsigned_abs();
    let (h, m, s) = (s / 3600, (s % 3600) / 60, s % 60);
    if h > 0 {
        format!("{sign}{h}h {m}m {s}s")
    } else if m > 0 {
        format!("{sign}{m}m {s}s")
    } else {
        format!("{sign}{s}s")
    }
}

/// The note of a tracking or entry, with tags and mentions resolved, clipped for one line.
fn note(v: &Value) -> Option<String> {
    let n = v.get("note")?;
    let text = n.get("text").and_then(Value::as_str)?;
    let resolved = resolve_note(text, n);
    let resolved = resolved.trim();
    if resolved.is_empty() {
        return None;
    }
    let clipped = if resolved.chars().count() > NOTE_MAX {
        resolved.chars().take(NOTE_MAX).collect::<String>() + "…"
    } else {
        resolved.to_string()
    };
    Some(format!("\"{clipped}\""))
}

/// Replace `<{{|t|ID|}}>` with `#label` and `<{{|m|ID|}}>` with `@label`, taking labels from the
/// note's `tags` and `mentions`; an id without an entry keeps its number.
pub fn resolve_note(text: &str, note: &Value) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("<{{|") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 4..];
        let token = after.find("|}}>").and_then(|end| {
            let inner = &after[..end];
            let (kind, id) = inner.split_once('|')?;
            let (sigil, list) = match kind {
                "t" => ('#', "tags"),
                "m" => ('@', "mentions"),
                _ => return None,
            };
            if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let label = note
                .get(list)
                .and_then(Value::as_array)
                .and_then(|items| {
                    items
                        .iter()
                        .find(|i| i.get("id").map(scalar).as_deref() == Some(id))
                })
                .and_then(|i| i.get("label").and_then(Value::as_str))
                .map_or_else(|| id.to_string(), str::to_string);
            Some((format!("{sigil}{label}"), end + 4))
        });
        match token {
            Some((replacement, used)) => {
                out.push_str(&replacement);
                rest = &after[used..];
            }
            None => {
                out.push_str("<{{|");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn utc() -> TimeZone {
        TimeZone::UTC
    }

    #[test]
    fn notes_resolve_tags_and_mentions() {
        let note = json!({"tags": [{"id": 1, "label": "boring"}], "mentions": [{"id": 2, "label": "TheSheep"}]});
        assert_eq!(
            resolve_note("99 sheep <{{|t|1|}}> <{{|m|2|}}> <{{|t|9|}}>", &note),
            "99 sheep #boring @TheSheep #9"
        );
        assert_eq!(
            resolve_note("a <{{|x|1|}}> <{{|t|", &note),
            "a <{{|x|1|}}> <{{|t|"
        );
    }

    #[test]
    fn durations() {
        assert_eq!(duration(5415), "1h 30m 15s");
        assert_eq!(duration(3600), "1h 0m 0s");
        assert_eq!(duration(242), "4m 2s");
        assert_eq!(duration(0), "0s");
        assert_eq!(duration(-61), "-1m 1s");
    }

    #[test]
    fn spans_in_a_zone_and_across_midnight() {
        let berlin = TimeZone::get("Europe/Berlin").unwrap();
        assert_eq!(
            span(
                Some("2020-11-30T07:08:52.203"),
                Some("2020-11-30T08:08:59.789"),
                &berlin
            )
            .unwrap(),
            "2020-11-30 08:08:52 → 09:08:59 (1h 0m 7s)"
        );
        assert_eq!(
            span(
                Some("2020-11-30T22:30:00.000"),
                Some("2020-11-30T23:30:00.000"),
                &berlin
            )
            .unwrap(),
            "2020-11-30 23:30:00 → 2020-12-01 00:30:00 (1h 0m 0s)"
        );
        assert_eq!(
            span(Some("garbage"), Some("x"), &utc()).unwrap(),
            "garbage → x"
        );
    }

    #[test]
    fn hostile_and_odd_bodies() {
        let tz = utc();
        assert_eq!(summary(&json!([1, 2]), &tz), "a JSON array");
        assert_eq!(summary(&json!({"eventType": 5}), &tz), "fields: eventType");
        let evil = json!({"eventType": "trackingStarted", "data": {"currentTracking": {"activity": {"name": "\u{1b}[2Jwipe"}, "startedAt": 7}}});
        let s = summary(&evil, &tz);
        assert!(!s.contains('\u{1b}'), "{s}");
        assert!(s.starts_with("[2Jwipe"), "{s}");
        assert_eq!(
            summary(
                &json!({"eventType": "trackingStopped", "data": {"newTimeEntry": null}}),
                &tz
            ),
            "no new time entry"
        );
        assert_eq!(
            summary(
                &json!({"userId": "1", "eventType": "somethingNew", "data": {"a": 1, "b": 2}}),
                &tz
            ),
            "user 1 · data: a, b"
        );
    }
}
