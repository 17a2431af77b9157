//! The global options, resolved once: flag > environment > the profile's saved settings > default.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;

use crate::cli::GlobalArgs;
use crate::config::{self, DEFAULT_API_URL, Profile, Store};
use crate::error::usage;
use crate::output::{Notes, sanitize};

pub struct Ctx {
    pub store: Store,
    /// The API URL from the flag or TIMEULAR_API_URL, if either was given.
    api_url_override: Option<String>,
    pub json: bool,
    pub color: bool,
    pub timeout: Duration,
    pub notes: Notes,
}

impl Ctx {
    pub fn new(global: &GlobalArgs) -> Result<Ctx> {
        config::validate_profile_name(&global.profile)?;
        let dir: PathBuf = match &global.config_dir {
            Some(d) if d.as_os_str().is_empty() => {
                return Err(usage(
                    "the config directory is empty; pass a path to --config-dir or unset TIMEULAR_HOOKS_CONFIG_DIR",
                ));
            }
            Some(d) => d.clone(),
            None => config::default_config_dir()?,
        };
        let api_url_override = match &global.api_url {
            Some(u) => Some(normalize_api_url(u)?),
            None => None,
        };
        Ok(Ctx {
            store: Store::new(dir, global.profile.clone()),
            api_url_override,
            json: global.json,
            color: global.color.enabled(),
            timeout: Duration::from_secs_f64(global.timeout),
            notes: Notes {
                quiet: global.quiet,
                verbose: global.verbose,
            },
        })
    }

    /// The API URL in force for this profile.
    pub fn api_url(&self, profile: &Profile) -> Result<String> {
        if let Some(u) = &self.api_url_override {
            return Ok(u.clone());
        }
        match &profile.api_url {
            Some(u) => normalize_api_url(u).map_err(|e| {
                anyhow::anyhow!(
                    "{e:#} (saved in {}); fix the file or pass --api-url",
                    self.store.path().display()
                )
            }),
            None => Ok(DEFAULT_API_URL.to_string()),
        }
    }

    pub fn profile_name(&self) -> &str {
        &self.store.profile
    }
}

/// Check that an API base URL is absolute http(s) and give it one spelling (no trailing slash), so a
/// token bound to it matches however the user typed it.
pub fn normalize_api_url(raw: &str) -> Result<String> {
    let bad = || {
        usage(format!(
            "invalid API URL '{}': expected an absolute http or https URL such as {DEFAULT_API_URL}",
            sanitize(raw)
        ))
    };
    let url = reqwest::Url::parse(raw.trim()).map_err(|_| bad())?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(bad());
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(usage(format!(
            "invalid API URL '{}': a base URL has no query or fragment",
            sanitize(raw)
        )));
    }
    Ok(url.as_str().trim_end_matches('/').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_urls() {
        assert_eq!(
            normalize_api_url("https://api.early.app/api/v3/").unwrap(),
            "https://api.early.app/api/v3"
        );
        assert_eq!(
            normalize_api_url("http://127.0.0.1:5000").unwrap(),
            "http://127.0.0.1:5000"
        );
        assert!(normalize_api_url("api.early.app").is_err());
        assert!(normalize_api_url("ftp://x/y").is_err());
        assert!(normalize_api_url("https://x/y?q=1").is_err());
    }
}
