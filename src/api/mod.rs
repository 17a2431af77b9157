//! The blocking client of the Timeular webhooks API, and its one typed error.
//!
//! Idempotent calls (GET, DELETE) are retried on connection errors, timeouts, 5xx and 429, at most
//! [`MAX_TRIES`] times, with backoff that honours `Retry-After` up to [`RETRY_AFTER_CAP`]. POST is not
//! blindly re-sent: a sign-in is cheap to redo by hand, and a subscribe is checked by the caller
//! ([`crate::session::Session::subscribe`]) before it is sent again.

pub mod types;

use std::fmt;
use std::time::{Duration, Instant};

use reqwest::Method;
use reqwest::blocking::Client;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderMap, RETRY_AFTER};
use serde::de::DeserializeOwned;

use crate::output::{Notes, sanitize};
use types::*;

pub const MAX_TRIES: u32 = 3;
/// The longest `Retry-After` the client waits for; a longer one ends the command with the wait named.
pub const RETRY_AFTER_CAP: Duration = Duration::from_secs(10);
const BACKOFF: Duration = Duration::from_millis(250);

/// What went wrong talking to the API.
#[derive(Debug)]
pub enum ApiError {
    /// The API answered with a status outside 2xx; `message` is taken from whatever body it sent.
    Status {
        status: u16,
        message: String,
        retry_after: Option<Duration>,
    },
    /// No usable answer: connection refused or dropped, timeout, TLS.
    Transport { message: String, timeout: bool },
    /// A 2xx answer whose body is not the documented shape.
    Decode { status: u16, message: String },
}

impl ApiError {
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The API's own message, for matching documented errors ("maximum subscriptions per event exceeded").
    pub fn api_message(&self) -> Option<&str> {
        match self {
            ApiError::Status { message, .. } => Some(message),
            _ => None,
        }
    }

    /// Could a request that ended this way have been carried out by the server anyway?
    pub fn may_have_landed(&self) -> bool {
        match self {
            ApiError::Transport { .. } => true,
            ApiError::Status { status, .. } => *status >= 500,
            ApiError::Decode { .. } => true,
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Status {
                status, message, ..
            } => {
                let reason = reqwest::StatusCode::from_u16(*status)
                    .ok()
                    .and_then(|s| s.canonical_reason())
                    .unwrap_or("");
                write!(f, "the API answered {status} {reason}: {message}")
            }
            ApiError::Transport { message, .. } => f.write_str(message),
            ApiError::Decode { status, message } => write!(
                f,
                "the API answered {status} with a body that is not the documented shape ({message}); check --api-url"
            ),
        }
    }
}

impl std::error::Error for ApiError {}

/// The message in an error body, whatever its shape: `{"message"}`, `{"message","status"}`,
/// `{"error":{"message"}}`, `{"error":"..."}`, plain text, HTML or nothing at all.
pub fn error_message(body: &[u8]) -> String {
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) {
        let found = value.get("message").and_then(|m| m.as_str()).or_else(|| {
            value
                .get("error")
                .and_then(|e| e.get("message").and_then(|m| m.as_str()).or(e.as_str()))
        });
        if let Some(m) = found {
            return clip(&sanitize(m));
        }
    }
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.is_empty() {
        "(empty body)".to_string()
    } else if text.starts_with('<') {
        "(an HTML page, not an API answer)".to_string()
    } else {
        clip(&sanitize(text.lines().next().unwrap_or("")))
    }
}

fn clip(s: &str) -> String {
    const MAX: usize = 200;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        s.chars().take(MAX).collect::<String>() + "…"
    }
}

/// `Retry-After` as seconds or as an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = jiff::fmt::rfc2822::parse(value).ok()?;
    let now = jiff::Timestamp::now();
    let secs = (when.timestamp().as_second() - now.as_second()).max(0);
    Some(Duration::from_secs(secs as u64))
}

struct Answer {
    status: u16,
    headers: HeaderMap,
    body: Vec<u8>,
}

/// A client for one API base URL.
pub struct ApiClient {
    http: Client,
    base: String,
    timeout: Duration,
    notes: Notes,
}

impl ApiClient {
    pub fn new(base: &str, timeout: Duration, notes: Notes) -> anyhow::Result<Self> {
        let http = Client::builder()
            .user_agent(concat!("timeular-hooks/", env!("CARGO_PKG_VERSION")))
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            // A redirect could carry the token elsewhere; the API does not redirect.
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(ApiClient {
            http,
            base: base.trim_end_matches('/').to_string(),
            timeout,
            notes,
        })
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    fn send_once(
        &self,
        method: &Method,
        path: &str,
        token: Option<&str>,
        body: Option<&[u8]>,
    ) -> Result<Answer, ApiError> {
        let url = format!("{}{}", self.base, path);
        let started = Instant::now();
        self.notes.debug(format!("> {method} {url}"));
        let mut req = self.http.request(method.clone(), &url);
        if let Some(token) = token {
            req = req.header(AUTHORIZATION, format!("Bearer {token}"));
        }
        if let Some(body) = body {
            req = req
                .header(CONTENT_TYPE, "application/json")
                .body(body.to_vec());
        }
        let result = req.send().and_then(|resp| {
            let status = resp.status().as_u16();
            let headers = resp.headers().clone();
            resp.bytes().map(|b| Answer {
                status,
                headers,
                body: b.to_vec(),
            })
        });
        match result {
            Ok(answer) => {
                self.notes.debug(format!(
                    "< {} in {} ms",
                    answer.status,
                    started.elapsed().as_millis()
                ));
                Ok(answer)
            }
            Err(e) => {
                let err = self.transport_error(&url, &e);
                self.notes.debug(format!("< {err}"));
                Err(err)
            }
        }
    }

    fn transport_error(&self, url: &str, e: &reqwest::Error) -> ApiError {
        if e.is_timeout() {
            return ApiError::Transport {
                message: format!(
                    "the API at {url} did not answer within {} s; try again, raise --timeout, or check --api-url",
                    self.timeout.as_secs_f64()
                ),
                timeout: true,
            };
        }
        let mut root = e.to_string();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            root = s.to_string();
            source = s.source();
        }
        let what = if e.is_connect() {
            "cannot connect to the API at"
        } else {
            "the connection to the API broke off at"
        };
        ApiError::Transport {
            message: format!(
                "{what} {url} ({}); check your network and --api-url",
                sanitize(&root)
            ),
            timeout: false,
        }
    }

    /// Send a request; `idempotent` ones are retried as the module docs say. Returns the 2xx body.
    fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&[u8]>,
        idempotent: bool,
    ) -> Result<(u16, Vec<u8>), ApiError> {
        let mut tries = 0;
        loop {
            tries += 1;
            let last = tries >= MAX_TRIES;
            match self.send_once(&method, path, token, body) {
                Ok(a) if (200..300).contains(&a.status) => return Ok((a.status, a.body)),
                Ok(a) => {
                    let wait = retry_after(&a.headers);
                    let err = ApiError::Status {
                        status: a.status,
                        message: error_message(&a.body),
                        retry_after: wait,
                    };
                    // 429 means the request was not carried out, so even a POST may be re-sent.
                    let retryable = a.status == 429 || (idempotent && a.status >= 500);
                    if !retryable || last {
                        return Err(err);
                    }
                    let wait = wait.unwrap_or(BACKOFF * 2u32.pow(tries - 1));
                    if wait > RETRY_AFTER_CAP {
                        return Err(ApiError::Status {
                            status: a.status,
                            message: format!(
                                "{} (it asks to wait {} s; try again later)",
                                error_message(&a.body),
                                wait.as_secs()
                            ),
                            retry_after: Some(wait),
                        });
                    }
                    self.notes.debug(format!(
                        "retrying in {} ms after {}",
                        wait.as_millis(),
                        a.status
                    ));
                    std::thread::sleep(wait);
                }
                Err(e) if idempotent && !last => {
                    let wait = BACKOFF * 2u32.pow(tries - 1);
                    self.notes
                        .debug(format!("retrying in {} ms: {e}", wait.as_millis()));
                    std::thread::sleep(wait);
                }
                Err(e) => return Err(e),
            }
        }
    }

    fn decode<T: DeserializeOwned>(
        status: u16,
        body: &[u8],
        expected: &str,
    ) -> Result<T, ApiError> {
        serde_json::from_slice(body).map_err(|e| ApiError::Decode {
            status,
            message: format!("expected {expected}: {e}"),
        })
    }

    pub fn sign_in(&self, api_key: &str, api_secret: &str) -> Result<String, ApiError> {
        let body = serde_json::to_vec(&SignInRequest {
            api_key,
            api_secret,
        })
        .expect("serializing two strings");
        let (status, body) =
            self.call(Method::POST, "/developer/sign-in", None, Some(&body), false)?;
        let r: SignInResponse = Self::decode(status, &body, r#"{"token": "..."}"#)?;
        Ok(r.token)
    }

    pub fn logout(&self, token: &str) -> Result<(), ApiError> {
        self.call(Method::POST, "/developer/logout", Some(token), None, false)
            .map(|_| ())
    }

    pub fn events(&self, token: &str) -> Result<Vec<String>, ApiError> {
        let (status, body) = self.call(Method::GET, "/webhooks/event", Some(token), None, true)?;
        let r: EventsResponse = Self::decode(status, &body, r#"{"events": [...]}"#)?;
        Ok(r.events)
    }

    pub fn subscriptions(&self, token: &str) -> Result<Vec<Subscription>, ApiError> {
        let (status, body) = self.call(
            Method::GET,
            "/webhooks/subscription",
            Some(token),
            None,
            true,
        )?;
        let r: SubscriptionsResponse = Self::decode(status, &body, r#"{"subscriptions": [...]}"#)?;
        Ok(r.subscriptions)
    }

    /// One POST of a subscription, never retried here (see the module docs).
    pub fn subscribe_once(
        &self,
        token: &str,
        event: &str,
        target_url: &str,
    ) -> Result<String, ApiError> {
        let body = serde_json::to_vec(&SubscribeRequest { event, target_url })
            .expect("serializing two strings");
        let (status, body) = self.call(
            Method::POST,
            "/webhooks/subscription",
            Some(token),
            Some(&body),
            false,
        )?;
        let r: SubscribeResponse = Self::decode(status, &body, r#"{"id": "..."}"#)?;
        Ok(r.id)
    }

    pub fn unsubscribe(&self, token: &str, id: &str) -> Result<(), ApiError> {
        let path = format!("/webhooks/subscription/{}", percent_encode_segment(id));
        self.call(Method::DELETE, &path, Some(token), None, true)
            .map(|_| ())
    }

    pub fn unsubscribe_all(&self, token: &str) -> Result<(), ApiError> {
        self.call(
            Method::DELETE,
            "/webhooks/subscription",
            Some(token),
            None,
            true,
        )
        .map(|_| ())
    }
}

/// Ids are opaque strings from the API or the user: keep them to one path segment.
fn percent_encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies_of_every_shape() {
        assert_eq!(
            error_message(br#"{"message": "invalid URL provided", "status": "400 Bad Request"}"#),
            "invalid URL provided"
        );
        assert_eq!(
            error_message(br#"{"error": {"message": "Explanation"}}"#),
            "Explanation"
        );
        assert_eq!(error_message(b""), "(empty body)");
        assert_eq!(
            error_message(b"Internal Server Error\nstack"),
            "Internal Server Error"
        );
        assert_eq!(
            error_message(b"<html><body>502</body></html>"),
            "(an HTML page, not an API answer)"
        );
        assert_eq!(error_message(b"\x1b[31mred"), "[31mred");
    }

    #[test]
    fn ids_stay_one_segment() {
        assert_eq!(percent_encode_segment("123456"), "123456");
        assert_eq!(percent_encode_segment("../x y"), "..%2Fx%20y");
    }
}
