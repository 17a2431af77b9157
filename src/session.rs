//! A signed-in conversation with the API: the cached token, bound to its URL; sign-in again, once and
//! silently, when the token is missing or rejected and a key and secret are at hand (environment first,
//! then the profile's remembered ones); exit 3 with the next step otherwise.

use anyhow::{Result, anyhow};

use crate::api::types::Subscription;
use crate::api::{ApiClient, ApiError, MAX_TRIES};
use crate::config::{CachedToken, Credentials, Profile};
use crate::context::Ctx;
use crate::error::auth;

/// Where the key and secret came from, for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CredSource {
    Environment,
    Remembered,
    Given,
}

pub struct Session<'a> {
    ctx: &'a Ctx,
    pub api: ApiClient,
    pub api_url: String,
    token: Option<String>,
    creds: Option<(Credentials, CredSource)>,
}

/// Key and secret from TIMEULAR_API_KEY and TIMEULAR_API_SECRET, when both are set and non-empty.
pub fn env_credentials() -> Option<Credentials> {
    let key = std::env::var("TIMEULAR_API_KEY")
        .ok()
        .filter(|s| !s.is_empty())?;
    let secret = std::env::var("TIMEULAR_API_SECRET")
        .ok()
        .filter(|s| !s.is_empty())?;
    Some(Credentials {
        api_key: key,
        api_secret: secret,
    })
}

impl<'a> Session<'a> {
    /// A session for the profile's API URL with whatever token and credentials are at hand.
    pub fn open(ctx: &'a Ctx) -> Result<Session<'a>> {
        let profile = ctx.store.load()?;
        Self::from_profile(ctx, &profile)
    }

    pub fn from_profile(ctx: &'a Ctx, profile: &Profile) -> Result<Session<'a>> {
        let api_url = ctx.api_url(profile)?;
        let api = ApiClient::new(&api_url, ctx.timeout, ctx.notes)?;
        let token = profile.token_for(&api_url).map(str::to_string);
        let creds = env_credentials()
            .map(|c| (c, CredSource::Environment))
            .or_else(|| {
                profile
                    .credentials_for(&api_url)
                    .cloned()
                    .map(|c| (c, CredSource::Remembered))
            });
        Ok(Session {
            ctx,
            api,
            api_url,
            token,
            creds,
        })
    }

    /// Use these credentials (from `login`) instead of any others.
    pub fn with_credentials(mut self, creds: Credentials) -> Self {
        self.creds = Some((creds, CredSource::Given));
        self
    }

    pub fn has_token(&self) -> bool {
        self.token.is_some()
    }

    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// Sign in with the credentials at hand and cache the token in the profile.
    pub fn sign_in(&mut self) -> Result<()> {
        let Some((creds, source)) = &self.creds else {
            return Err(auth(format!(
                "not signed in to {}; run 'timeular-hooks login' or set TIMEULAR_API_KEY and TIMEULAR_API_SECRET",
                self.api_url
            )));
        };
        let token = match self.api.sign_in(&creds.api_key, &creds.api_secret) {
            Ok(t) => t,
            Err(e @ ApiError::Status { status, .. }) if status == 400 || status == 401 => {
                let which = match source {
                    CredSource::Environment => "TIMEULAR_API_KEY and TIMEULAR_API_SECRET",
                    CredSource::Remembered => "the remembered key and secret",
                    CredSource::Given => "the API key and secret",
                };
                let next = match source {
                    CredSource::Remembered => "run 'timeular-hooks login' with a current key",
                    _ => "check them, or create a new key in the EARLY web app's profile page",
                };
                return Err(auth(format!("signing in with {which} failed: {e}; {next}")));
            }
            Err(e) => return Err(anyhow!(e).context("signing in")),
        };
        let cached = CachedToken {
            token: token.clone(),
            api_url: self.api_url.clone(),
        };
        let saved = self.ctx.store.update(|p| {
            p.token = Some(cached);
            if p.api_url.is_none() {
                p.api_url = Some(self.api_url.clone());
            }
        });
        if let Err(e) = saved {
            // The command can still go on with the token it holds.
            self.ctx.notes.warn(format!(
                "signed in, but the token could not be cached: {e:#}"
            ));
        }
        self.token = Some(token);
        Ok(())
    }

    /// Run an authenticated call: sign in first if there is no token, and once more on a 401.
    pub fn call<T>(&mut self, f: impl Fn(&ApiClient, &str) -> Result<T, ApiError>) -> Result<T> {
        let mut fresh = false;
        if self.token.is_none() {
            self.sign_in()?;
            fresh = true;
        }
        loop {
            let token = self.token.clone().expect("a token after sign-in");
            match f(&self.api, &token) {
                Ok(v) => return Ok(v),
                Err(e) if e.status() == Some(401) => {
                    if !fresh && self.creds.is_some() {
                        self.ctx
                            .notes
                            .debug("the token was rejected; signing in again");
                        self.sign_in()?;
                        fresh = true;
                        continue;
                    }
                    return Err(auth(if fresh {
                        format!(
                            "the API at {} rejected a token it just issued ({e}); try again later",
                            self.api_url
                        )
                    } else {
                        format!(
                            "the API at {} rejected the cached token (it may have expired); run 'timeular-hooks login'",
                            self.api_url
                        )
                    }));
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    pub fn events(&mut self) -> Result<Vec<String>> {
        self.call(|api, t| api.events(t))
    }

    pub fn subscriptions(&mut self) -> Result<Vec<Subscription>> {
        self.call(|api, t| api.subscriptions(t))
    }

    pub fn unsubscribe(&mut self, id: &str) -> Result<()> {
        self.call(|api, t| api.unsubscribe(t, id))
    }

    pub fn unsubscribe_all(&mut self) -> Result<()> {
        self.call(|api, t| api.unsubscribe_all(t))
    }

    /// Subscribe, without ever creating a duplicate by re-sending: when an attempt ends in a way that
    /// may have reached the server (connection dropped, timeout, 5xx), list the subscriptions and take
    /// a new one with this event and URL as the answer; only when there is none is the POST sent again.
    /// `before` is the list as it was before the first attempt.
    pub fn subscribe(&mut self, event: &str, url: &str, before: &[Subscription]) -> Result<String> {
        let mut tries = 0;
        loop {
            tries += 1;
            let err = match self.call(|api, t| api.subscribe_once(t, event, url)) {
                Ok(id) => return Ok(id),
                Err(e) => e,
            };
            let uncertain = err
                .downcast_ref::<ApiError>()
                .is_some_and(ApiError::may_have_landed);
            if !uncertain {
                return Err(err);
            }
            self.ctx.notes.debug(format!(
                "subscribing {event} may have landed ({err:#}); checking"
            ));
            let now = match self.subscriptions() {
                Ok(now) => now,
                Err(e) => {
                    return Err(err.context(format!(
                        "checking whether the subscription landed failed too ({e:#})"
                    )));
                }
            };
            if let Some(s) = now.iter().find(|s| {
                s.event == event && s.target_url == url && !before.iter().any(|b| b.id == s.id)
            }) {
                return Ok(s.id.clone());
            }
            if tries >= MAX_TRIES {
                return Err(err);
            }
            std::thread::sleep(std::time::Duration::from_millis(250 * tries as u64));
        }
    }
}
