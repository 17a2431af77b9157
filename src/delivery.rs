//! A delivery as the provider POSTs it (`{"userId", "eventType", "data"}`), and how each event reads
//! in one line. Everything here works on a parsed body ([`Json`], borrowed from the bytes) and never
//! panics: unknown events and fields, missing or mistyped values all fall back to something generic,
//! and every string from the payload is made terminal-safe.

use std::fmt::Write as _;

use jiff::civil::DateTime;
use jiff::tz::TimeZone;

use crate::json::Json;

use crate::output::{Style, sanitize};

/// The longest note shown on a line; the full text is in `--body`, `--json` and `--save`.
const NOTE_MAX: usize = 120;

/// The event type of a body, if it has a string one.
pub fn event_type<'a>(body: &'a Json) -> Option<&'a str> {
    body.get("eventType").and_then(Json::as_str)
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

/// The parts of a line as they are added, joined with " · "; empty parts are left out.
struct Parts(String);

impl Parts {
    fn push(&mut self, part: &str) {
        if part.is_empty() {
            return;
        }
        if !self.0.is_empty() {
            self.0.push_str(" · ");
        }
        self.0.push_str(part);
    }

    fn push_fmt(&mut self, part: std::fmt::Arguments) {
        let before = self.0.len();
        if before > 0 {
            self.0.push_str(" · ");
        }
        let start = self.0.len();
        let _ = self.0.write_fmt(part);
        if self.0.len() == start {
            self.0.truncate(before);
        }
    }
}

/// What matters about a delivery, in one terminal-safe line (without time, sequence or event name).
pub fn summary(body: &Json, tz: &TimeZone) -> String {
    let mut p = Parts(String::with_capacity(160));
    let data = body.get("data").unwrap_or(&Json::Null);
    let event = event_type(body).unwrap_or("");
    match event {
        "trackingStarted" | "trackingEdited" | "trackingCanceled" => {
            let t = data.get("currentTracking").unwrap_or(&Json::Null);
            p.push(activity_name(t));
            let when = t
                .get("startedAt")
                .and_then(Json::as_str)
                .map(|s| Local(s, tz));
            match (event, when) {
                ("trackingStarted", Some(w)) => p.push_fmt(format_args!("started {w}")),
                ("trackingEdited", Some(w)) => p.push_fmt(format_args!("since {w}")),
                ("trackingCanceled", Some(w)) => {
                    p.push_fmt(format_args!("started {w}, discarded"));
                }
                ("trackingCanceled", None) => p.push("discarded"),
                _ => {}
            }
            note(&mut p, t);
        }
        "trackingStopped" => {
            match data.get("newTimeEntry") {
                Some(e) if e.is_object() => entry(&mut p, e, tz),
                _ => p.push("no new time entry"),
            }
            let counts: Vec<String> = [
                ("createdTimeEntries", "created"),
                ("editedTimeEntries", "edited"),
                ("deletedTimeEntries", "deleted"),
            ]
            .iter()
            .filter_map(|(k, word)| {
                let n = data.get(k).and_then(Json::as_array).map_or(0, <[_]>::len);
                (n > 0).then(|| format!("{n} {word}"))
            })
            .collect();
            if !counts.is_empty() {
                p.push_fmt(format_args!("other entries: {}", counts.join(", ")));
            }
        }
        "timeEntryCreated" | "timeEntryUpdated" => {
            let key = if event == "timeEntryCreated" {
                "createdTimeEntry"
            } else {
                "updatedTimeEntry"
            };
            let e = data.get(key).unwrap_or(&Json::Null);
            p.push_fmt(format_args!("entry {}", Id(e)));
            entry(&mut p, e, tz);
        }
        "timeEntryDeleted" => p.push_fmt(format_args!(
            "entry {} deleted",
            Id(data.get("deletedTimeEntry").unwrap_or(&Json::Null))
        )),
        "activityCreated" | "activityUpdated" => {
            let key = if event == "activityCreated" {
                "createdActivity"
            } else {
                "updatedActivity"
            };
            let a = data.get(key).unwrap_or(&Json::Null);
            p.push_fmt(format_args!("activity {}", Id(a)));
            p.push(text(a, "name"));
            p.push(text(a, "color"));
        }
        "activityDeleted" => p.push_fmt(format_args!(
            "activity {} deleted",
            Id(data.get("deletedActivity").unwrap_or(&Json::Null))
        )),
        "folderCreated" | "folderUpdated" => {
            p.push_fmt(format_args!("folder {}", Id(data)));
            p.push(text(data, "name"));
        }
        "folderDeleted" => p.push_fmt(format_args!("folder {} deleted", Id(data))),
        "timeLeaveDeleted" => p.push_fmt(format_args!("time leave {} deleted", Id(data))),
        e if e.starts_with("timeLeave") => {
            p.push_fmt(format_args!("time leave {}", Id(data)));
            p.push(text(data.get("user").unwrap_or(&Json::Null), "name"));
            let start = data.get("startDate").and_then(Json::as_str);
            let end = data.get("endDate").and_then(Json::as_str);
            match (start, end) {
                (Some(s), Some(e)) if s == e => p.push(s),
                (Some(s), Some(e)) => p.push_fmt(format_args!("{s} → {e}")),
                (Some(s), None) | (None, Some(s)) => p.push(s),
                (None, None) => {}
            }
            p.push(text(data, "status"));
        }
        _ => generic(&mut p, body),
    }
    match sanitize(&p.0) {
        std::borrow::Cow::Borrowed(_) => p.0,
        std::borrow::Cow::Owned(safe) => safe,
    }
}

/// An unknown event: who it is for and which fields its data has.
fn generic(p: &mut Parts, body: &Json) {
    if !body.is_object() {
        p.push_fmt(format_args!("a JSON {}", body.kind()));
        return;
    }
    if let Some(u) = body.get("userId") {
        p.push_fmt(format_args!("user {}", Scalar(u)));
    }
    let (label, keys) = match body.get("data") {
        Some(d @ Json::Object(members)) if !members.is_empty() => ("data", d.keys()),
        Some(other) => {
            p.push_fmt(format_args!("data: {}", other.kind()));
            return;
        }
        None => ("fields", body.keys()),
    };
    let more = if label == "data" && keys.len() > 8 {
        ", …"
    } else {
        ""
    };
    let shown: Vec<&str> = keys.into_iter().take(8).collect();
    p.push_fmt(format_args!("{label}: {}{more}", shown.join(", ")));
}

/// A scalar as text: a string as it is, a number or boolean as JSON writes it, anything else "?".
struct Scalar<'a, 'b>(&'a Json<'b>);

impl std::fmt::Display for Scalar<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Json::String(s) => f.write_str(s),
            Json::Number(n) => write!(f, "{n}"),
            Json::Bool(b) => write!(f, "{b}"),
            _ => f.write_str("?"),
        }
    }
}

/// Whether `v` reads as `text` (see [`Scalar`]).
fn is_scalar(v: &Json, text: &str) -> bool {
    match v {
        Json::String(s) => s == text,
        other => Scalar(other).to_string() == text,
    }
}

/// The `id` of an object as text, "?" when it has none.
struct Id<'a, 'b>(&'a Json<'b>);

impl std::fmt::Display for Id<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.get("id") {
            Some(v) => Scalar(v).fmt(f),
            None => f.write_str("?"),
        }
    }
}

/// The string member `key` of `v`, or "" (a part left out).
fn text<'a>(v: &'a Json, key: &str) -> &'a str {
    v.get(key).and_then(Json::as_str).unwrap_or("")
}

fn activity_name<'a>(v: &'a Json) -> &'a str {
    v.get("activity")
        .and_then(|a| a.get("name"))
        .and_then(Json::as_str)
        .unwrap_or("(no activity)")
}

/// A time entry: activity, span with duration, note.
fn entry(p: &mut Parts, e: &Json, tz: &TimeZone) {
    p.push(activity_name(e));
    let d = e.get("duration").unwrap_or(&Json::Null);
    let start = d.get("startedAt").and_then(Json::as_str);
    let stop = d.get("stoppedAt").and_then(Json::as_str);
    if let Some(span) = span(start, stop, tz) {
        p.push(&span);
    }
    note(p, e);
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
        (Some(a), None) => Some(format!("from {}", Local(a, tz))),
        (None, Some(b)) => Some(format!("until {}", Local(b, tz))),
        (None, None) => None,
    }
}

/// A payload timestamp ("2020-11-30T07:08:52.203": UTC, no offset) as an instant.
fn parse_utc(s: &str) -> Option<jiff::ZonedDateTime> {
    let s = s.trim().trim_end_matches('Z');
    let dt: DateTime = match parse_plain(s) {
        Some(dt) => dt,
        None => s.parse().ok()?,
    };
    dt.to_zoned_datetime(TimeZone::UTC).ok()
}

/// The provider's own form, "2020-11-30T07:08:52.203" (fraction optional), read without jiff's
/// general parser; `None` for anything else, which then goes to jiff. Both agree wherever this
/// answers (a test checks).
fn parse_plain(s: &str) -> Option<DateTime> {
    let b = s.as_bytes();
    if b.len() < 19
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let num = |from: usize, to: usize| {
        b[from..to].iter().try_fold(0i32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + i32::from(c - b'0'))
        })
    };
    let mut nanos = 0i32;
    match &b[19..] {
        [] => {}
        [b'.', frac @ ..] if (1..=9).contains(&frac.len()) => {
            nanos = num(20, b.len())? * 10i32.pow(9 - frac.len() as u32);
        }
        _ => return None,
    }
    DateTime::new(
        i16::try_from(num(0, 4)?).ok()?,
        i8::try_from(num(5, 7)?).ok()?,
        i8::try_from(num(8, 10)?).ok()?,
        i8::try_from(num(11, 13)?).ok()?,
        i8::try_from(num(14, 16)?).ok()?,
        i8::try_from(num(17, 19)?).ok()?,
        nanos,
    )
    .ok()
}

/// `n` in decimal, zero-padded to `N` digits (its last `N` digits if it has more).
pub fn digits<const N: usize>(mut n: u32) -> [u8; N] {
    let mut out = [b'0'; N];
    for slot in out.iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        n /= 10;
    }
    out
}

/// A month, day, hour, minute or second as two digits.
fn two(n: i8) -> [u8; 2] {
    digits::<2>(u32::try_from(n).unwrap_or(0))
}

/// "YYYY-MM-DD?HH:MM:SS" with `sep` between date and time, for years 0 to 9999 (`None` otherwise).
pub fn ymd_hms(z: &jiff::ZonedDateTime, sep: u8) -> Option<[u8; 19]> {
    let year = u32::try_from(z.year()).ok().filter(|y| *y <= 9999)?;
    let mut out = [0u8; 19];
    out[0..4].copy_from_slice(&digits::<4>(year));
    out[4] = b'-';
    out[5..7].copy_from_slice(&two(z.month()));
    out[7] = b'-';
    out[8..10].copy_from_slice(&two(z.day()));
    out[10] = sep;
    out[11..13].copy_from_slice(&two(z.hour()));
    out[13] = b':';
    out[14..16].copy_from_slice(&two(z.minute()));
    out[16] = b':';
    out[17..19].copy_from_slice(&two(z.second()));
    Some(out)
}

/// A payload timestamp in the local zone, or the text as it came when it does not parse.
struct Local<'a>(&'a str, &'a TimeZone);

impl std::fmt::Display for Local<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match parse_utc(self.0) {
            Some(z) => DateTimeText(&z.with_time_zone(self.1.clone())).fmt(f),
            None => f.write_str(self.0),
        }
    }
}

/// "2020-11-30 08:08:52" (formatted by hand: this runs for every delivery shown).
pub fn date_time(z: &jiff::ZonedDateTime) -> String {
    DateTimeText(z).to_string()
}

struct DateTimeText<'a>(&'a jiff::ZonedDateTime);

impl std::fmt::Display for DateTimeText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let z = self.0;
        if let Some(text) = ymd_hms(z, b' ') {
            // ASCII digits and separators only.
            return f.write_str(std::str::from_utf8(&text).unwrap_or_default());
        }
        write!(
            f,
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
            z.year(),
            z.month(),
            z.day(),
            z.hour(),
            z.minute(),
            z.second()
        )
    }
}

/// "08:08:52"
pub fn time_of_day(z: &jiff::ZonedDateTime) -> String {
    let (h, m, s) = (two(z.hour()), two(z.minute()), two(z.second()));
    let text = [h[0], h[1], b':', m[0], m[1], b':', s[0], s[1]];
    String::from_utf8_lossy(&text).into_owned()
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

/// The note of a tracking or entry, with tags and mentions resolved, clipped for one line and quoted.
fn note(p: &mut Parts, v: &Json) {
    let Some(n) = v.get("note") else { return };
    let Some(text) = n.get("text").and_then(Json::as_str) else {
        return;
    };
    let resolved = resolve_note(text, n);
    let resolved = resolved.trim();
    if resolved.is_empty() {
        return;
    }
    match resolved.char_indices().nth(NOTE_MAX) {
        Some((cut, _)) => p.push_fmt(format_args!("\"{}…\"", &resolved[..cut])),
        None => p.push_fmt(format_args!("\"{resolved}\"")),
    }
}

/// Replace `<{{|t|ID|}}>` with `#label` and `<{{|m|ID|}}>` with `@label`, taking labels from the
/// note's `tags` and `mentions`; an id without an entry keeps its number.
pub fn resolve_note(text: &str, note: &Json) -> String {
    if !text.contains('<') {
        return text.to_string();
    }
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
                .and_then(Json::as_array)
                .and_then(|items| {
                    items
                        .iter()
                        .find(|i| i.get("id").is_some_and(|v| is_scalar(v, id)))
                })
                .and_then(|i| i.get("label").and_then(Json::as_str))
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

    /// A body parsed the way the receiver parses it.
    fn j(v: serde_json::Value) -> Json<'static> {
        let text: &'static str = Box::leak(v.to_string().into_boxed_str());
        crate::json::parse(text.as_bytes()).unwrap()
    }

    fn utc() -> TimeZone {
        TimeZone::UTC
    }

    #[test]
    fn notes_resolve_tags_and_mentions() {
        let note = j(
            json!({"tags": [{"id": 1, "label": "boring"}], "mentions": [{"id": 2, "label": "TheSheep"}]}),
        );
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
    fn numeric_ids_match_as_json_writes_them() {
        for (v, text, same) in [
            (j(json!(1)), "1", true),
            (j(json!(10)), "10", true),
            (j(json!(1)), "01", false),
            (j(json!(0)), "0", true),
            (j(json!(1.5)), "1.5", true),
            (j(json!(-3)), "-3", true),
            (j(json!("7")), "7", true),
            (j(json!(7)), "8", false),
        ] {
            assert_eq!(is_scalar(&v, text), same, "{v:?} {text}");
            assert_eq!(Scalar(&v).to_string() == text, same, "{v:?} {text}");
        }
    }

    #[test]
    fn the_plain_timestamp_reader_agrees_with_jiff() {
        for text in [
            "2020-11-30T07:08:52.203",
            "2020-11-30T07:08:52",
            "2020-11-30T07:08:52.1",
            "2020-11-30T07:08:52.123456789",
            "2020-02-29T23:59:59.999",
            "0001-01-01T00:00:00",
            "9999-12-31T23:59:59",
        ] {
            let jiff: DateTime = text.parse().unwrap();
            assert_eq!(parse_plain(text), Some(jiff), "{text}");
        }
        for text in [
            "2021-02-29T00:00:00",
            "2020-11-30T24:00:00",
            "2020-11-30T07:08:52.",
            "2020-11-30T07:08:52.1234567890",
            "2020-11-30 07:08:52",
            "2020-11-30T07:08:52+01:00",
            "2020-11-30T07:08:5x",
            "+2020-11-30T07:08",
        ] {
            assert_eq!(parse_plain(text), None, "{text}");
        }
    }

    #[test]
    fn hand_formatted_times_match_format() {
        let z = "2026-03-04T05:06:07.089"
            .parse::<DateTime>()
            .unwrap()
            .to_zoned_datetime(TimeZone::UTC)
            .unwrap();
        assert_eq!(date_time(&z), "2026-03-04 05:06:07");
        assert_eq!(time_of_day(&z), "05:06:07");
        assert_eq!(digits::<3>(89), *b"089");
        assert_eq!(digits::<2>(123), *b"23");
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
        assert_eq!(summary(&j(json!([1, 2])), &tz), "a JSON array");
        assert_eq!(
            summary(&j(json!({"eventType": 5})), &tz),
            "fields: eventType"
        );
        let evil = j(
            json!({"eventType": "trackingStarted", "data": {"currentTracking": {"activity": {"name": "\u{1b}[2Jwipe"}, "startedAt": 7}}}),
        );
        let s = summary(&evil, &tz);
        assert!(!s.contains('\u{1b}'), "{s}");
        assert!(s.starts_with("[2Jwipe"), "{s}");
        assert_eq!(
            summary(
                &j(json!({"eventType": "trackingStopped", "data": {"newTimeEntry": null}})),
                &tz
            ),
            "no new time entry"
        );
        assert_eq!(
            summary(
                &j(json!({"userId": "1", "eventType": "somethingNew", "data": {"a": 1, "b": 2}})),
                &tz
            ),
            "user 1 · data: a, b"
        );
    }
}
