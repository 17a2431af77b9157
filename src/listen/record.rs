//! The JSON line written for each delivery, to `--save` and to stdout with `--json`:
//! `{"received_at","seq","path","event","content_type","body"}`, and for a body that could not be
//! kept as JSON `{"...","body":null,"raw":"<text>","rejected":"<reason>"}`.
//!
//! `body` is the delivered JSON itself, byte for byte, whenever it fits on one line (the provider sends
//! compact JSON). A body with line breaks inside is written with the whitespace between its tokens
//! removed, and its original text is kept in `raw` too, so `replay` can still send it unchanged.
//! Whitespace before or after the JSON is not part of the body and is not kept.

use std::io::Write as _;

use crate::json::{self, Json};

/// A delivery as received, before it is written anywhere.
pub struct Received<'a> {
    pub received_at: &'a str,
    pub seq: u64,
    pub path: &'a str,
    pub content_type: Option<&'a str>,
    pub bytes: &'a [u8],
}

/// The line for an accepted delivery (`bytes` parsed as JSON), without the trailing newline.
pub fn accepted(r: &Received, event: Option<&str>) -> Vec<u8> {
    let mut out = head(r, event);
    out.extend_from_slice(b",\"body\":");
    // Whitespace around the body (a trailing newline, say) is not part of it and is not kept.
    let body = r.bytes.trim_ascii();
    if body.contains(&b'\n') || body.contains(&b'\r') {
        out.extend_from_slice(&minify(body));
        out.extend_from_slice(b",\"raw\":");
        push_json_str(&mut out, &String::from_utf8_lossy(body));
    } else {
        out.extend_from_slice(body);
    }
    out.push(b'}');
    out
}

/// The line for a rejected delivery: its text (lossy where it is not UTF-8) and why.
pub fn rejected(r: &Received, reason: &str) -> Vec<u8> {
    let mut out = head(r, None);
    out.extend_from_slice(b",\"body\":null,\"raw\":");
    push_json_str(&mut out, &String::from_utf8_lossy(r.bytes));
    out.extend_from_slice(b",\"rejected\":");
    push_json_str(&mut out, reason);
    out.push(b'}');
    out
}

fn head(r: &Received, event: Option<&str>) -> Vec<u8> {
    let mut out = Vec::with_capacity(r.bytes.len() + 160);
    out.extend_from_slice(b"{\"received_at\":");
    push_json_str(&mut out, r.received_at);
    out.extend_from_slice(b",\"seq\":");
    let _ = write!(out, "{}", r.seq);
    out.extend_from_slice(b",\"path\":");
    push_json_str(&mut out, r.path);
    out.extend_from_slice(b",\"event\":");
    match event {
        Some(e) => push_json_str(&mut out, e),
        None => out.extend_from_slice(b"null"),
    }
    if let Some(ct) = r.content_type {
        out.extend_from_slice(b",\"content_type\":");
        push_json_str(&mut out, ct);
    }
    out
}

fn push_json_str(out: &mut Vec<u8>, s: &str) {
    serde_json::to_writer(&mut *out, s).expect("writing a string into memory");
}

/// Remove the whitespace between the tokens of valid JSON; strings are left exactly as they are.
pub fn minify(json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for &b in json {
        if in_string {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else if b == b'"' {
            in_string = true;
            out.push(b);
        } else if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            out.push(b);
        }
    }
    out
}

/// Parse a body the receiver will keep: any JSON object. Returns the reason when it is not one.
pub fn parse_body(bytes: &[u8]) -> Result<Json<'_>, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("empty body".to_string());
    }
    match json::parse(bytes) {
        Ok(v @ Json::Object(_)) => Ok(v),
        Ok(other) => Err(format!(
            "expected a JSON object, got {}",
            match other {
                Json::Array(_) => "an array",
                Json::String(_) => "a string",
                Json::Number(_) => "a number",
                Json::Bool(_) => "a boolean",
                _ => "null",
            }
        )),
        Err(e) => Err(format!("not JSON ({e})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn r(bytes: &[u8]) -> Received<'_> {
        Received {
            received_at: "2026-12-03T12:00:00.000Z",
            seq: 7,
            path: "/s/trackingStarted",
            content_type: Some("application/json"),
            bytes,
        }
    }

    #[test]
    fn one_line_bodies_are_kept_byte_for_byte() {
        let body = br#"{"b": 1, "a": "x y"}"#;
        let line = accepted(&r(body), Some("trackingStarted"));
        assert_eq!(
            String::from_utf8(line).unwrap(),
            r#"{"received_at":"2026-12-03T12:00:00.000Z","seq":7,"path":"/s/trackingStarted","event":"trackingStarted","content_type":"application/json","body":{"b": 1, "a": "x y"}}"#
        );
    }

    #[test]
    fn multi_line_bodies_are_minified_and_kept_raw() {
        let body = b"{\n  \"a\": \"x \\\" y\",\n  \"b\": [1, 2]\n}";
        let line = accepted(&r(body), None);
        let v: Value = serde_json::from_slice(&line).unwrap();
        assert_eq!(v["body"], serde_json::json!({"a": "x \" y", "b": [1, 2]}));
        assert_eq!(v["raw"].as_str().unwrap().as_bytes(), body);
        assert!(!line.contains(&b'\n'));
    }

    #[test]
    fn a_trailing_newline_is_not_a_multi_line_body() {
        let line = accepted(&r(b"{\"a\":1}\n"), None);
        assert!(
            line.ends_with(br#","body":{"a":1}}"#),
            "{}",
            String::from_utf8_lossy(&line)
        );
    }

    #[test]
    fn rejected_bodies_keep_their_text() {
        let line = rejected(&r(b"not \xff json\n"), "not JSON");
        let v: Value = serde_json::from_slice(&line).unwrap();
        assert_eq!(v["body"], Value::Null);
        assert_eq!(v["raw"], "not \u{fffd} json\n");
        assert_eq!(v["rejected"], "not JSON");
    }

    #[test]
    fn only_objects_are_deliveries() {
        assert!(parse_body(br#"{"eventType":"x"}"#).is_ok());
        assert_eq!(parse_body(b"").unwrap_err(), "empty body");
        assert_eq!(
            parse_body(b"[1]").unwrap_err(),
            "expected a JSON object, got an array"
        );
        assert!(parse_body(b"{").unwrap_err().starts_with("not JSON"));
        let deep = "[".repeat(100_000);
        assert!(
            parse_body(deep.as_bytes())
                .unwrap_err()
                .starts_with("not JSON")
        );
    }
}
