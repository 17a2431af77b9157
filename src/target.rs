//! Target URLs: where the provider delivers. Checked before anything is sent.

use std::net::IpAddr;

use anyhow::Result;
use reqwest::Url;

use crate::error::usage;
use crate::output::sanitize;

/// Parse a target URL: absolute, http or https, with a host. Anything else is a usage error.
pub fn parse(raw: &str, what: &str) -> Result<Url> {
    let bad = |why: &str| {
        usage(format!(
            "invalid {what} '{}': {why}; give an absolute URL such as https://example.org/hooks",
            sanitize(raw)
        ))
    };
    let url = Url::parse(raw.trim()).map_err(|e| bad(&e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(bad("only http and https are supported"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(bad("it has no host"));
    }
    Ok(url)
}

/// Why the provider will probably refuse this target, if it will: it wants a public https URL.
pub fn not_public_reason(url: &Url) -> Option<String> {
    if url.scheme() != "https" {
        return Some("it is not https".to_string());
    }
    let host = url.host_str().unwrap_or_default();
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if let Ok(ip) = bare.parse::<IpAddr>() {
        let private = match ip {
            IpAddr::V4(v4) => {
                v4.is_loopback()
                    || v4.is_private()
                    || v4.is_link_local()
                    || v4.is_unspecified()
                    || v4.is_broadcast()
                    || v4.octets()[0] == 100 && (v4.octets()[1] & 0xc0) == 64
            }
            IpAddr::V6(v6) => {
                v6.is_loopback()
                    || v6.is_unspecified()
                    || (v6.segments()[0] & 0xfe00) == 0xfc00
                    || (v6.segments()[0] & 0xffc0) == 0xfe80
            }
        };
        return private.then(|| format!("{host} is not a public address"));
    }
    let lower = host.to_ascii_lowercase();
    let local = lower == "localhost"
        || !lower.contains('.')
        || [
            ".localhost",
            ".local",
            ".internal",
            ".lan",
            ".home.arpa",
            ".test",
            ".invalid",
        ]
        .iter()
        .any(|s| lower.ends_with(s));
    local.then(|| format!("{host} is not a public host name"))
}

/// The warning every command gives for a target the API will likely refuse.
pub fn warn_if_not_public(url: &Url, notes: &crate::output::Notes) {
    if let Some(why) = not_public_reason(url) {
        notes.warn(format!(
            "{} is not a public https URL ({why}); the API will likely refuse it. For a local receiver, use a tunnel such as 'npx localtunnel --port 8000' or ngrok",
            sanitize(url.as_str())
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(s: &str) -> Option<String> {
        not_public_reason(&parse(s, "URL").unwrap())
    }

    #[test]
    fn public_and_not() {
        assert_eq!(reason("https://example.org/hooks"), None);
        assert_eq!(reason("https://93.184.216.34/x"), None);
        assert!(reason("http://example.org/").is_some());
        assert!(reason("https://localhost:8000/").is_some());
        assert!(reason("https://127.0.0.1/").is_some());
        assert!(reason("https://192.168.1.10/").is_some());
        assert!(reason("https://[::1]/").is_some());
        assert!(reason("https://printer.local/").is_some());
        assert!(reason("https://intranet/").is_some());
    }

    #[test]
    fn invalid_urls() {
        assert!(parse("example.org/hooks", "URL").is_err());
        assert!(parse("ftp://example.org/", "URL").is_err());
        assert!(parse("https://", "URL").is_err());
    }
}
