//! `--forward-to`: re-post each accepted delivery to the user's own app, after the provider has had
//! its answer. The app's answer is only shown; it never changes what the provider was told, and a 410
//! from the app is not passed on (it would make the provider delete the subscription).

use std::time::{Duration, Instant};

use anyhow::Result;
use reqwest::blocking::Client;
use reqwest::header::CONTENT_TYPE;

use crate::output::sanitize;

pub struct Forwarder {
    http: Client,
    url: String,
    timeout: Duration,
}

/// How a forward went, for the delivery's line.
pub enum Outcome {
    Answered { status: u16, elapsed: Duration },
    Failed { reason: String, elapsed: Duration },
}

impl Forwarder {
    pub fn new(url: &str, timeout: Duration) -> Result<Forwarder> {
        let http = Client::builder()
            .user_agent(concat!("timeular-hooks/", env!("CARGO_PKG_VERSION")))
            .timeout(timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(Forwarder {
            http,
            url: url.to_string(),
            timeout,
        })
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// Post the bytes as they came, with the content type they came with.
    pub fn forward(&self, body: &[u8], content_type: Option<&str>) -> Outcome {
        let started = Instant::now();
        let mut req = self.http.post(&self.url).body(body.to_vec());
        if let Some(ct) = content_type {
            req = req.header(CONTENT_TYPE, ct);
        }
        match req.send() {
            Ok(resp) => Outcome::Answered {
                status: resp.status().as_u16(),
                elapsed: started.elapsed(),
            },
            Err(e) => {
                let reason = if e.is_timeout() {
                    format!("no answer within {} s", self.timeout.as_secs_f64())
                } else if e.is_connect() {
                    "connection refused".to_string()
                } else {
                    let mut root = e.to_string();
                    let mut source = std::error::Error::source(&e);
                    while let Some(s) = source {
                        root = s.to_string();
                        source = s.source();
                    }
                    root
                };
                Outcome::Failed {
                    reason,
                    elapsed: started.elapsed(),
                }
            }
        }
    }
}

impl Outcome {
    /// "200 in 3 ms" or "failed: connection refused" (terminal-safe).
    pub fn summary(&self) -> String {
        match self {
            Outcome::Answered { status, elapsed } => {
                format!("{status} in {} ms", elapsed.as_millis())
            }
            Outcome::Failed { reason, .. } => format!("failed: {}", sanitize(reason)),
        }
    }

    /// For a delivery's line: "→ 200 in 3 ms", "→ 410 in 2 ms (not passed on)", "→ failed: ...".
    pub fn describe(&self) -> String {
        let gone = matches!(self, Outcome::Answered { status: 410, .. });
        format!(
            "→ {}{}",
            self.summary(),
            if gone { " (not passed on)" } else { "" }
        )
    }

    pub fn ok(&self) -> bool {
        matches!(self, Outcome::Answered { status, .. } if (200..300).contains(status))
    }
}
