//! A JSON document borrowed from the bytes it was parsed from: what the receiver reads every delivery
//! into. Strings without escapes point into the body instead of being copied, and objects are plain
//! lists of members (no hash table), so a delivery costs a handful of allocations instead of one or two
//! per value — the receiver does this for every request, and `serde_json::Value` was most of its time.
//!
//! It accepts exactly what `serde_json::Value` accepts (the same parser, the same nesting limit).
//! Where a key repeats, [`Json::get`] finds the last one, as `Value` keeps the last value.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// One JSON value, borrowing its strings from the input where it can.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

/// Parse a whole document (nothing but whitespace may follow it).
///
/// The bytes are checked for UTF-8 once, as a whole, and then parsed as text: that is the same
/// verdict as parsing the bytes (JSON is UTF-8 throughout) at a fraction of the cost of checking
/// every string on its own.
pub fn parse(bytes: &[u8]) -> Result<Json<'_>, Error> {
    let text = std::str::from_utf8(bytes).map_err(Error::NotUtf8)?;
    serde_json::from_str(text).map_err(Error::Syntax)
}

/// Why a document did not parse.
#[derive(Debug)]
pub enum Error {
    NotUtf8(std::str::Utf8Error),
    Syntax(serde_json::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotUtf8(e) => write!(f, "not UTF-8: {e}"),
            Error::Syntax(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {}

impl<'a> Json<'a> {
    /// The member `key` of an object (the last one, if it repeats); `None` for anything else.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json<'a>]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }

    /// The distinct keys of an object in the order they first appear; none for anything else.
    pub fn keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = Vec::new();
        if let Json::Object(members) = self {
            for (k, _) in members {
                if !keys.contains(&k.as_ref()) {
                    keys.push(k);
                }
            }
        }
        keys
    }

    /// "null", "boolean", "number", "string", "array" or "object".
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Number(_) => "number",
            Json::String(_) => "string",
            Json::Array(_) => "array",
            Json::Object(_) => "object",
        }
    }
}

/// A string that stays borrowed when the input holds it without escapes.
struct Str<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Str<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(s)))
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(b))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Json<'de>, E> {
        Ok(Json::Number(n.into()))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Json<'de>, E> {
        Ok(Json::Number(n.into()))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Json<'de>, E> {
        // JSON text has no NaN or infinity, so this is always a number; null is the safe fallback.
        Ok(serde_json::Number::from_f64(n).map_or(Json::Null, Json::Number))
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Borrowed(s)))
    }
    fn visit_str<E>(self, s: &str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(s.to_owned())))
    }
    fn visit_string<E>(self, s: String) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(s)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let mut items = Vec::with_capacity(4);
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        // Most objects of a delivery have a handful of members: one allocation, no regrowth.
        let mut members = Vec::with_capacity(8);
        while let Some(Str(key)) = map.next_key()? {
            members.push((key, map.next_value()?));
        }
        Ok(Json::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// The same document as `serde_json::Value` sees it.
    fn to_value(j: &Json) -> Value {
        match j {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => Value::Number(n.clone()),
            Json::String(s) => Value::String(s.to_string()),
            Json::Array(items) => Value::Array(items.iter().map(to_value).collect()),
            Json::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.to_string(), to_value(v)))
                    .collect(),
            ),
        }
    }

    #[test]
    fn reads_what_value_reads() {
        for text in [
            r#"{"a":1,"b":[true,null,-2,1.5e3,"x\"y"],"c":{"d":"\u00e9"}}"#,
            r#"[]"#,
            r#""just a string""#,
            r#"18446744073709551615"#,
            r#"{"a":1,"a":2}"#,
        ] {
            let j = parse(text.as_bytes()).unwrap();
            let v: Value = serde_json::from_str(text).unwrap();
            assert_eq!(to_value(&j), v, "{text}");
        }
    }

    #[test]
    fn borrows_plain_strings_and_copies_escaped_ones() {
        let j = parse(br#"{"plain":"abc","esc":"a\nb"}"#).unwrap();
        assert!(matches!(
            j.get("plain"),
            Some(Json::String(Cow::Borrowed("abc")))
        ));
        assert!(matches!(j.get("esc"), Some(Json::String(Cow::Owned(s))) if s == "a\nb"));
    }

    #[test]
    fn repeated_keys_read_as_the_last_and_list_once() {
        let j = parse(br#"{"a":1,"b":2,"a":3}"#).unwrap();
        assert_eq!(j.get("a"), Some(&Json::Number(3.into())));
        assert_eq!(j.keys(), ["a", "b"]);
    }

    #[test]
    fn refuses_what_value_refuses() {
        for text in ["", "{", "[1,]", "{\"a\":1} x", "\"\\ud800\"", "nul"] {
            assert!(parse(text.as_bytes()).is_err(), "{text:?}");
            assert!(serde_json::from_str::<Value>(text).is_err(), "{text:?}");
        }
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(parse(deep.as_bytes()).is_err(), "nesting is limited");
        assert!(parse(b"\"\xff\"").is_err(), "not UTF-8");
    }
}
