//! What every integration test stands on: the fake API and a hermetic environment to run the binary in.
#![allow(dead_code)]

#[allow(dead_code)]
pub mod fake_api;
pub mod listener;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

pub use fake_api::{FakeApi, Fault, KEY, SECRET, fixture};
pub use listener::{App, Listener, post, post_json};

pub const BIN: &str = env!("CARGO_BIN_EXE_timeular-hooks");

/// A temp config dir, a fixed time zone, no colour, no inherited TIMEULAR_* or proxy variables.
pub struct Env {
    pub dir: TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn config_dir(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    pub fn profile_file(&self, profile: &str) -> PathBuf {
        self.config_dir()
            .join("profiles")
            .join(format!("{profile}.json"))
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The binary with a clean environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.env_clear();
        apply_env(&mut cmd, self.dir.path(), &self.config_dir());
        cmd
    }

    /// The binary as a `std::process::Command` (for a pseudo-terminal or a spawned child), with the
    /// same clean environment and a terminal type.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(BIN);
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("TERM", "xterm")
            .env("TZ", "UTC")
            .env("NO_COLOR", "1")
            .env("TIMEULAR_HOOKS_CONFIG_DIR", self.config_dir());
        cmd
    }

    /// The binary against a fake API (its URL in TIMEULAR_API_URL).
    pub fn api_cmd(&self, api: &FakeApi) -> Command {
        let mut cmd = self.cmd();
        cmd.env("TIMEULAR_API_URL", &api.url);
        cmd
    }

    /// Sign in to the fake API through the CLI, as a user would.
    pub fn login(&self, api: &FakeApi) {
        self.api_cmd(api)
            .args(["login", "--api-key", KEY])
            .env("TIMEULAR_API_SECRET", SECRET)
            .assert()
            .success();
    }

    pub fn profile_json(&self) -> serde_json::Value {
        let text = std::fs::read_to_string(self.profile_file("default")).unwrap();
        serde_json::from_str(&text).unwrap()
    }
}

/// The variables every run gets; shared with the std::process::Command helpers.
pub fn apply_env(cmd: &mut Command, home: &Path, config: &Path) {
    cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("TZ", "UTC")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env("TIMEULAR_HOOKS_CONFIG_DIR", config);
}

/// stdout of an assert as a string.
pub fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

pub fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stderr.clone()).unwrap()
}

pub fn json_out(a: &assert_cmd::assert::Assert) -> serde_json::Value {
    serde_json::from_slice(&a.get_output().stdout)
        .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}): {}", stdout(a)))
}
