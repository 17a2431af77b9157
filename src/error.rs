//! The few typed errors that decide the exit code. Everything else is a plain `anyhow::Error` (exit 1).

use std::fmt;
use std::process::ExitCode;

/// What kind of failure ended the command; each maps to one documented exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 2: bad usage or invalid input (unknown event, bad URL, missing confirmation, ...).
    Usage,
    /// 3: not signed in, or the API rejected the credentials or the token.
    Auth,
}

/// An error whose kind picks the exit code. The message is one line and names the next step.
#[derive(Debug)]
pub struct CliError {
    pub kind: Kind,
    pub message: String,
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

/// A usage error (exit 2).
pub fn usage(message: impl Into<String>) -> anyhow::Error {
    CliError {
        kind: Kind::Usage,
        message: message.into(),
    }
    .into()
}

/// A sign-in error (exit 3).
pub fn auth(message: impl Into<String>) -> anyhow::Error {
    CliError {
        kind: Kind::Auth,
        message: message.into(),
    }
    .into()
}

/// A command that ran but did not fully succeed, after it already reported what went wrong (exit 1).
#[derive(Debug)]
pub struct Reported;

impl fmt::Display for Reported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the command did not fully succeed")
    }
}

impl std::error::Error for Reported {}

pub const EXIT_RUNTIME: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
pub const EXIT_AUTH: u8 = 3;

/// The exit code for an error: the first typed error in the cause chain decides, otherwise 1.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    for cause in err.chain() {
        if let Some(e) = cause.downcast_ref::<CliError>() {
            return match e.kind {
                Kind::Usage => EXIT_USAGE,
                Kind::Auth => EXIT_AUTH,
            };
        }
    }
    EXIT_RUNTIME
}

/// Print an error the way every command does and turn it into the process exit code.
pub fn report(err: &anyhow::Error) -> ExitCode {
    let code = exit_code(err);
    if err.downcast_ref::<Reported>().is_none() {
        eprintln!(
            "timeular-hooks: error: {}",
            crate::output::sanitize(&format!("{err:#}"))
        );
    }
    ExitCode::from(code)
}
