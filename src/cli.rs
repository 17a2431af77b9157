//! Every clap type of the tool. Doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::output::ColorChoice;

const AFTER_HELP: &str = "\
Examples:
  timeular-hooks login                          # asks for key and secret on a terminal
  timeular-hooks subscribe started stopped --url https://example.org/hooks
  timeular-hooks list --json | jq -r '.[].id'
  timeular-hooks listen                         # receive on http://127.0.0.1:8000/
  timeular-hooks trigger started                # post a sample event to it

Exit codes: 0 ok, 1 runtime error, 2 usage or invalid input, 3 not signed in or credentials rejected.";

/// Manage Timeular (EARLY) webhooks and receive their deliveries locally
#[derive(Debug, Parser)]
#[command(
    name = "timeular-hooks",
    version,
    about,
    after_help = AFTER_HELP,
    help_expected = true,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Base URL of the Timeular API [default: the profile's, else https://api.early.app/api/v3]
    #[arg(long, global = true, env = "TIMEULAR_API_URL", value_name = "URL")]
    pub api_url: Option<String>,

    /// Directory for profiles and cached tokens [default: ~/.config/timeular-hooks on Linux]
    #[arg(
        long,
        global = true,
        env = "TIMEULAR_HOOKS_CONFIG_DIR",
        value_name = "DIR"
    )]
    pub config_dir: Option<PathBuf>,

    /// Profile to use: each has its own API URL, token and remembered credentials
    #[arg(
        long,
        global = true,
        env = "TIMEULAR_PROFILE",
        default_value = "default",
        value_name = "NAME"
    )]
    pub profile: String,

    /// Print JSON on stdout instead of human output
    #[arg(long, global = true)]
    pub json: bool,

    /// When to colour output (NO_COLOR set and non-empty means never, unless 'always')
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Timeout of each HTTP request to the API, in seconds
    #[arg(
        long,
        global = true,
        env = "TIMEULAR_TIMEOUT",
        default_value = "30",
        value_name = "SECONDS",
        value_parser = parse_seconds
    )]
    pub timeout: f64,

    /// Print only data and errors
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Also print each HTTP request and its answer on stderr
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

fn parse_seconds(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 && v <= 3600.0 => Ok(v),
        _ => Err(format!(
            "'{s}' is not a number of seconds greater than 0 and at most 3600 (e.g. 30 or 0.5)"
        )),
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Sign in with an API key and secret and cache the token
    #[command(after_help = "\
Examples:
  timeular-hooks login                                   # prompts on a terminal
  TIMEULAR_API_KEY=... TIMEULAR_API_SECRET=... timeular-hooks login --remember
  printf '%s\\n' \"$SECRET\" | timeular-hooks login --api-key \"$KEY\" --api-secret-stdin")]
    Login(LoginArgs),
    /// Sign out: invalidate the token and forget it and any remembered secret
    Logout(LogoutArgs),
    /// Show the profile, API URL, config file and sign-in state; --check asks the API
    #[command(after_help = "\
Examples:
  timeular-hooks status
  timeular-hooks status --check            # exit 0 only when the API accepts the token
  timeular-hooks status --check --json | jq .problems")]
    Status(StatusArgs),
    /// List the events one can subscribe to
    Events(EventsArgs),
    /// Register a webhook: one subscription per event, delivered to --url
    #[command(after_help = "\
Examples:
  timeular-hooks subscribe started --url https://example.org/hooks
  timeular-hooks subscribe started stopped edited canceled --url https://example.org/hooks --json")]
    Subscribe(SubscribeArgs),
    /// List the subscriptions of the signed-in user
    #[command(after_help = "\
Examples:
  timeular-hooks list
  timeular-hooks list --event started --json | jq -r '.[].target_url'")]
    List(ListArgs),
    /// Remove subscriptions by id, by event and/or URL, or all of them
    #[command(after_help = "\
Examples:
  timeular-hooks unsubscribe 123456 123457
  timeular-hooks unsubscribe --event started --url https://example.org/hooks
  timeular-hooks unsubscribe --all --yes")]
    Unsubscribe(UnsubscribeArgs),
    /// Receive deliveries on a local HTTP server and print each as it arrives
    #[command(after_help = "\
Examples:
  timeular-hooks listen                                  # http://127.0.0.1:8000/
  timeular-hooks listen --port 0 --save deliveries.jsonl --body
  timeular-hooks listen --json | jq .body.eventType
  timeular-hooks listen --forward-to http://127.0.0.1:3000/hooks
  timeular-hooks listen --subscribe started stopped --public-url https://my-tunnel.example.org")]
    Listen(ListenArgs),
    /// Post a realistic sample delivery of an event to a receiver
    #[command(after_help = "\
Examples:
  timeular-hooks trigger started                         # to http://127.0.0.1:8000/
  timeular-hooks trigger stopped --note 'Fixed <{{|t|1|}}>' --url http://127.0.0.1:3000/hooks
  timeular-hooks trigger folderCreated --print | jq .")]
    Trigger(TriggerArgs),
    /// Re-send deliveries saved by 'listen --save'
    #[command(after_help = "\
Examples:
  timeular-hooks replay deliveries.jsonl --url http://127.0.0.1:3000/hooks
  timeular-hooks replay deliveries.jsonl --event stopped --seq 3 --seq 7")]
    Replay(ReplayArgs),
    /// Print a shell completion script
    #[command(after_help = "\
Examples:
  timeular-hooks completions bash > ~/.local/share/bash-completion/completions/timeular-hooks
  timeular-hooks completions zsh > \"${fpath[1]}/_timeular-hooks\"
  timeular-hooks completions fish > ~/.config/fish/completions/timeular-hooks.fish")]
    Completions(CompletionsArgs),
    /// Print the man page (roff); with a command, that command's page
    #[command(hide = true)]
    Man(ManArgs),
}

/// An event argument: completes to known names and aliases, accepts any string.
fn event_arg() -> clap::builder::ValueParser {
    clap::builder::ValueParser::new(EventParser)
}

#[derive(Clone)]
struct EventParser;

impl clap::builder::TypedValueParser for EventParser {
    type Value = String;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        value
            .to_str()
            .map(str::to_string)
            .ok_or_else(|| clap::Error::new(clap::error::ErrorKind::InvalidUtf8))
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        // Completion offers the known names; parsing stays open (any string), checked later.
        Some(Box::new(
            crate::events::completion_values()
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// API key (from the EARLY web app's profile page)
    #[arg(
        long,
        env = "TIMEULAR_API_KEY",
        hide_env_values = true,
        value_name = "KEY"
    )]
    pub api_key: Option<String>,

    /// Read the API secret from the first line of stdin (else TIMEULAR_API_SECRET, else a prompt)
    #[arg(long)]
    pub api_secret_stdin: bool,

    /// Also store key and secret (0600) so an expired token renews itself
    #[arg(long)]
    pub remember: bool,
}

#[derive(Debug, Args)]
pub struct LogoutArgs {}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Also ask the API whether the cached token is accepted
    #[arg(long)]
    pub check: bool,
}

#[derive(Debug, Args)]
pub struct EventsArgs {}

#[derive(Debug, Args)]
pub struct SubscribeArgs {
    /// Events to subscribe to: full names (any case) or aliases (started, stopped, ...)
    #[arg(required = true, value_name = "EVENT", value_parser = event_arg(), hide_possible_values = true)]
    pub events: Vec<String>,

    /// Where the provider delivers the events: a public https URL
    #[arg(long, value_name = "URL")]
    pub url: String,

    /// Subscribe even when the same event already goes to the same URL
    #[arg(long)]
    pub allow_duplicate: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only subscriptions to this event (name or alias)
    #[arg(long, value_name = "EVENT", value_parser = event_arg(), hide_possible_values = true)]
    pub event: Option<String>,

    /// Only subscriptions delivering to exactly this URL
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
}

#[derive(Debug, Args)]
pub struct UnsubscribeArgs {
    /// Ids of the subscriptions to remove (see 'timeular-hooks list')
    #[arg(value_name = "ID", conflicts_with_all = ["event", "url", "all"])]
    pub ids: Vec<String>,

    /// Remove every subscription to this event (with --url: to this event and URL)
    #[arg(long, value_name = "EVENT", value_parser = event_arg(), conflicts_with = "all")]
    pub event: Option<String>,

    /// Remove every subscription delivering to exactly this URL
    #[arg(long, value_name = "URL", conflicts_with = "all")]
    pub url: Option<String>,

    /// Remove all of the user's subscriptions
    #[arg(long)]
    pub all: bool,

    /// Do not ask for confirmation (needed for --all when stdin is not a terminal)
    #[arg(short, long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct ListenArgs {
    /// Address to bind; anything but loopback opens the port to the network
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub host: String,

    /// Port to listen on; 0 picks a free one
    #[arg(short, long, default_value_t = 8000, value_name = "PORT")]
    pub port: u16,

    /// Append every delivery to FILE as one JSON line, written before it is acknowledged
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,

    /// Re-post every accepted delivery, bytes unchanged, to your own app
    #[arg(long, value_name = "URL")]
    pub forward_to: Option<String>,

    /// Timeout of each forward, in seconds
    #[arg(long, default_value = "10", value_name = "SECONDS", value_parser = parse_seconds)]
    pub forward_timeout: f64,

    /// Show only these events (names or aliases); the others are still acknowledged and saved
    #[arg(long, value_name = "EVENT", num_args = 1.., value_parser = event_arg(), hide_possible_values = true)]
    pub event: Vec<String>,

    /// Print the pretty JSON body below each delivery's line
    #[arg(long)]
    pub body: bool,

    /// Print the request headers below each delivery's line
    #[arg(long)]
    pub headers: bool,

    /// Largest body accepted, in bytes; larger ones get 413
    #[arg(long, default_value_t = 1024 * 1024, value_name = "BYTES")]
    pub max_body: u64,

    /// Subscribe these events on start (needs --public-url) and remove them on exit
    #[arg(long, value_name = "EVENT", num_args = 1.., requires = "public_url", value_parser = event_arg(), hide_possible_values = true)]
    pub subscribe: Vec<String>,

    /// The public https URL that reaches this listener (from a tunnel such as ngrok)
    #[arg(long, value_name = "URL", requires = "subscribe")]
    pub public_url: Option<String>,

    /// Path segment deliveries must come under (/<secret>/...); random with --subscribe
    #[arg(long, value_name = "SECRET")]
    pub secret: Option<String>,

    /// Keep the subscriptions made by --subscribe when the listener exits
    #[arg(long, requires = "subscribe")]
    pub keep: bool,
}

#[derive(Debug, Args)]
pub struct TriggerArgs {
    /// Event to send a sample of: any v3 or v4 event name, or an alias
    #[arg(value_name = "EVENT", value_parser = event_arg(), hide_possible_values = true)]
    pub event: String,

    /// Receiver to post to
    #[arg(long, default_value = "http://127.0.0.1:8000/", value_name = "URL")]
    pub url: String,

    /// Write the sample to stdout instead of posting it
    #[arg(long)]
    pub print: bool,

    /// Note text of the sample; <{{|t|ID|}}> and <{{|m|ID|}}> refer to its tag and mention
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,

    /// Activity name of the sample
    #[arg(long, value_name = "NAME")]
    pub activity: Option<String>,
}

#[derive(Debug, Args)]
pub struct ReplayArgs {
    /// A file written by 'listen --save'
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Receiver to post to
    #[arg(long, default_value = "http://127.0.0.1:8000/", value_name = "URL")]
    pub url: String,

    /// Only deliveries of these events (names or aliases)
    #[arg(long, value_name = "EVENT", num_args = 1.., value_parser = event_arg(), hide_possible_values = true)]
    pub event: Vec<String>,

    /// Only the deliveries with these sequence numbers
    #[arg(long, value_name = "N", num_args = 1..)]
    pub seq: Vec<u64>,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print (e.g. listen); none prints the main page
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to print a completion script for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
