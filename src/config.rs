//! Where the tool keeps its state: one JSON file per profile under the config directory, holding the
//! profile's API URL, the cached token (bound to the URL that issued it) and, with `login --remember`,
//! the key and secret. Directory 0700, files 0600 on Unix; every write is a temp file plus a rename.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::error::usage;

/// The default API base URL: v3 on the EARLY host.
pub const DEFAULT_API_URL: &str = "https://api.early.app/api/v3";

/// A profile name must be usable as a file name on every platform.
pub fn validate_profile_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(usage(format!(
            "invalid profile name '{}': use 1 to 64 letters, digits, '-' or '_'",
            crate::output::sanitize(name)
        )))
    }
}

/// The config directory: the flag or TIMEULAR_HOOKS_CONFIG_DIR, else the platform's config dir.
pub fn default_config_dir() -> Result<PathBuf> {
    dirs::config_dir()
        .map(|d| d.join("timeular-hooks"))
        .ok_or_else(|| {
            usage("cannot find a config directory for this user; set TIMEULAR_HOOKS_CONFIG_DIR or pass --config-dir")
        })
}

/// A token as cached: the API URL it was issued by travels with it, and it is only ever sent there.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct CachedToken {
    pub token: String,
    pub api_url: String,
}

/// Key and secret kept by `login --remember`, bound like the token to one API URL.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Credentials {
    pub api_key: String,
    pub api_secret: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct RememberedCredentials {
    #[serde(flatten)]
    pub credentials: Credentials,
    pub api_url: String,
}

/// One profile's saved state. Unknown fields are an error so a typo in a hand edit is noticed.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The API URL this profile signed in to; used when neither the flag nor the environment says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<CachedToken>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credentials: Option<RememberedCredentials>,
}

impl Profile {
    /// The cached token, only if it was issued by `api_url`.
    pub fn token_for(&self, api_url: &str) -> Option<&str> {
        self.token
            .as_ref()
            .filter(|t| t.api_url == api_url)
            .map(|t| t.token.as_str())
    }

    /// The remembered credentials, only if they were remembered for `api_url`.
    pub fn credentials_for(&self, api_url: &str) -> Option<&Credentials> {
        self.credentials
            .as_ref()
            .filter(|c| c.api_url == api_url)
            .map(|c| &c.credentials)
    }
}

/// The files of one profile in one config directory.
#[derive(Debug, Clone)]
pub struct Store {
    pub dir: PathBuf,
    pub profile: String,
}

impl Store {
    pub fn new(dir: PathBuf, profile: String) -> Self {
        Store { dir, profile }
    }

    pub fn profiles_dir(&self) -> PathBuf {
        self.dir.join("profiles")
    }

    /// `<config dir>/profiles/<profile>.json`
    pub fn path(&self) -> PathBuf {
        self.profiles_dir().join(format!("{}.json", self.profile))
    }

    /// Read the profile; a missing file is an empty profile, a broken one an error naming the file.
    pub fn load(&self) -> Result<Profile> {
        let path = self.path();
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Profile::default()),
            Err(e) => {
                return Err(e).with_context(|| {
                    format!(
                        "reading profile file {}: check its permissions",
                        path.display()
                    )
                });
            }
        };
        serde_json::from_str(&text).map_err(|e| {
            anyhow::anyhow!(
                "profile file {} is not valid ({e}); fix it by hand or delete it and run 'timeular-hooks login'",
                path.display()
            )
        })
    }

    /// Write the profile atomically with owner-only permissions.
    pub fn save(&self, profile: &Profile) -> Result<()> {
        let dir = self.profiles_dir();
        create_private_dir(&self.dir)?;
        create_private_dir(&dir)?;
        let text = serde_json::to_string_pretty(profile)? + "\n";
        write_atomic(&self.path(), text.as_bytes())
            .with_context(|| format!("writing profile file {}", self.path().display()))
    }

    /// Load, change and save in one step.
    pub fn update(&self, change: impl FnOnce(&mut Profile)) -> Result<Profile> {
        let mut profile = self.load()?;
        change(&mut profile);
        self.save(&profile)?;
        Ok(profile)
    }
}

/// Create a directory (and its parents) readable only by its owner, if it is not there yet.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .with_context(|| format!("creating config directory {}", dir.display()))
}

/// Write a file so that a reader sees either the old or the new content, never a torn one: write a
/// uniquely named temp file beside it (0600), flush it to disk, then rename it over the target.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        unique_suffix()
    ));
    let result = (|| -> io::Result<()> {
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&tmp)?;
        file.write_all(contents)?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    Ok(result?)
}

fn unique_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() as u64)
        .unwrap_or(0);
    nanos ^ (COUNTER.fetch_add(1, Ordering::Relaxed) << 32)
}

/// Unix permission bits of a path, for `status` to report; `None` elsewhere or when it is missing.
pub fn mode_of(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path)
            .ok()
            .map(|m| m.permissions().mode() & 0o777)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_names() {
        assert!(validate_profile_name("default").is_ok());
        assert!(validate_profile_name("work-2_b").is_ok());
        assert!(validate_profile_name("").is_err());
        assert!(validate_profile_name("../etc").is_err());
        assert!(validate_profile_name("a b").is_err());
    }

    #[test]
    fn token_is_bound_to_its_url() {
        let p = Profile {
            api_url: None,
            token: Some(CachedToken {
                token: "t".into(),
                api_url: "https://a/api/v3".into(),
            }),
            credentials: None,
        };
        assert_eq!(p.token_for("https://a/api/v3"), Some("t"));
        assert_eq!(p.token_for("https://b/api/v3"), None);
    }
}
