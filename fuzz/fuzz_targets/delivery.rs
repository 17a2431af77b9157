//! A delivery body as the receiver handles it: parse it, build the record `--save` and `--json`
//! write, and render its line. Whatever the bytes: no panic, the record is always one line of valid
//! JSON that carries the body unchanged, and the rendered line holds no control character.

#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use timeular_hooks::delivery;
use timeular_hooks::listen::record::{self, Received};

fn safe(s: &str) -> bool {
    !s.chars().any(|c| {
        c.is_control()
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
    })
}

fuzz_target!(|data: &[u8]| {
    let r = Received {
        received_at: "2026-12-03T12:00:00.000Z",
        seq: 1,
        path: "/s/trackingStarted",
        content_type: Some("application/json"),
        bytes: data,
    };
    match record::parse_body(data) {
        Ok(body) => {
            let line = record::accepted(&r, delivery::event_type(&body));
            assert!(!line.contains(&b'\n'), "a record is one line");
            let saved: Value = serde_json::from_slice(&line).expect("the record is JSON");
            let value: Value = serde_json::from_slice(data).expect("Value reads what Json reads");
            assert_eq!(saved["body"], value, "the record carries the body");
            if let Some(raw) = saved.get("raw") {
                assert_eq!(
                    raw.as_str().unwrap().as_bytes(),
                    data.trim_ascii(),
                    "raw is the text as sent"
                );
            }
            let summary = delivery::summary(&body, &jiff::tz::TimeZone::UTC);
            assert!(safe(&summary), "{summary:?}");
        }
        Err(reason) => {
            let line = record::rejected(&r, &reason);
            assert!(!line.contains(&b'\n'));
            let saved: Value = serde_json::from_slice(&line).expect("the record is JSON");
            assert!(saved["body"].is_null());
        }
    }
});
