//! Properties of the renderer: whatever JSON a delivery carries, its line never panics and never
//! carries a control or escape character to the terminal.

use jiff::tz::TimeZone;
use proptest::prelude::*;
use serde_json::{Map, Value};

use timeular_hooks::listen::{self, Options};
use timeular_hooks::{delivery, json};

/// Keys the renderer looks for, so generated bodies reach the structured paths, mixed with any.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "eventType", "userId", "data", "currentTracking", "newTimeEntry", "createdTimeEntry",
            "updatedTimeEntry", "deletedTimeEntry", "createdActivity", "updatedActivity",
            "deletedActivity", "activity", "name", "color", "note", "text", "tags", "mentions", "id",
            "label", "startedAt", "stoppedAt", "duration", "createdTimeEntries", "editedTimeEntries",
            "deletedTimeEntries", "user", "startDate", "endDate", "status",
        ])
        .prop_map(str::to_string),
        1 => any::<String>(),
    ]
}

/// Strings with the characters that matter: escapes, C0/C1 controls, bidi overrides, note tokens.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z \\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}<>{}|tm0-9]{0,40}",
        Just("<{{|t|1|}}> <{{|m|2|}}> <{{|t|".to_string()),
        Just("2020-11-30T07:08:52.203".to_string()),
        Just("\u{1b}]0;title\u{7}\u{1b}[2J".to_string()),
    ]
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        text().prop_map(Value::String),
        prop::sample::select(timeular_hooks::events::all_known_names()).prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A delivery-shaped body: a known (or any) event with arbitrary data.
fn body() -> impl Strategy<Value = Value> {
    (
        prop_oneof![
            3 => prop::sample::select(timeular_hooks::events::all_known_names()),
            1 => text(),
        ],
        json(),
    )
        .prop_map(
            |(event, data)| serde_json::json!({"userId": "1", "eventType": event, "data": data}),
        )
}

fn safe(s: &str) -> bool {
    !s.chars().any(|c| {
        c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
    })
}

fn options() -> Options {
    Options {
        forward: None,
        show: None,
        json: false,
        body: false,
        headers: false,
        color: false,
        max_body: 1 << 20,
        secret: None,
        tz: TimeZone::get("Europe/Berlin").unwrap_or(TimeZone::UTC),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_json_renders_safely(v in json()) {
        let tz = TimeZone::UTC;
        let text = v.to_string();
        let s = delivery::summary(&json::parse(text.as_bytes()).unwrap(), &tz);
        prop_assert!(safe(&s), "{s:?}");
    }

    #[test]
    fn any_delivery_line_is_safe(v in body()) {
        let opts = options();
        let text = v.to_string();
        let body = json::parse(text.as_bytes()).unwrap();
        let event = delivery::event_type(&body);
        let line = listen::line_for(&opts, 1, event, &body, None);
        prop_assert!(safe(&line), "{line:?}");
    }
}
