//! Every surface a user reads: completions, man pages, help, version, and the README itself.
//! Generated files are compared with what the binary prints now; `UPDATE_GENERATED=1 cargo test`
//! rewrites them.

use std::path::PathBuf;
use std::process::Command as StdCommand;

use clap::CommandFactory;
use timeular_hooks::cli::Cli;

use crate::support::*;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check_generated(file: &str, args: &[&str]) {
    let env = Env::new();
    let a = env.cmd().args(args).assert().success();
    let now = a.get_output().stdout.clone();
    let path = root().join(file);
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&path, &now).unwrap();
        return;
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == now,
        "{file} is out of date with '{}'; run UPDATE_GENERATED=1 cargo test --test it docs",
        args.join(" ")
    );
}

#[test]
fn completion_scripts_are_current() {
    for (shell, file) in [
        ("bash", "completions/timeular-hooks.bash"),
        ("zsh", "completions/_timeular-hooks"),
        ("fish", "completions/timeular-hooks.fish"),
        ("powershell", "completions/_timeular-hooks.ps1"),
        ("elvish", "completions/timeular-hooks.elv"),
    ] {
        check_generated(file, &["completions", shell]);
    }
}

#[test]
fn man_pages_are_current() {
    check_generated("man/timeular-hooks.1", &["man"]);
    let commands = timeular_hooks::commands::completions::man_commands();
    assert!(commands.contains(&"listen".to_string()));
    for c in &commands {
        check_generated(&format!("man/timeular-hooks-{c}.1"), &["man", c]);
    }
    // No stale pages of commands that are gone.
    let mut pages: Vec<String> = std::fs::read_dir(root().join("man"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    let mut want: Vec<String> = commands
        .iter()
        .map(|c| format!("timeular-hooks-{c}.1"))
        .chain(["timeular-hooks.1".to_string()])
        .collect();
    want.sort();
    assert_eq!(pages, want);
}

/// Complete `words` (the last one being typed) with the committed bash script in a real bash.
fn bash_complete(words: &[&str]) -> Vec<String> {
    let script = root().join("completions/timeular-hooks.bash");
    let program = r#"
source "$1"; shift
fn=$(complete -p timeular-hooks | sed -E 's/.*-F ([^ ]+).*/\1/')
COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
prev=""; [ $# -ge 2 ] && prev="${COMP_WORDS[COMP_CWORD-1]}"
COMPREPLY=()
"$fn" timeular-hooks "${COMP_WORDS[COMP_CWORD]}" "$prev"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let out = StdCommand::new("bash")
        .arg("-c")
        .arg(program)
        .arg("bash")
        .arg(&script)
        .args(words)
        .output()
        .expect("running bash");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_commands_and_events() {
    assert_eq!(bash_complete(&["timeular-hooks", "sub"]), vec!["subscribe"]);
    let after = bash_complete(&["timeular-hooks", "subscribe", ""]);
    for want in [
        "started",
        "cancelled",
        "trackingStarted",
        "timeLeaveDenied",
        "--url",
    ] {
        assert!(
            after.contains(&want.to_string()),
            "{want} missing from {after:?}"
        );
    }
    assert_eq!(
        bash_complete(&["timeular-hooks", "subscribe", "tracking"]),
        vec![
            "trackingStarted",
            "trackingStopped",
            "trackingEdited",
            "trackingCanceled"
        ]
    );
    let listen = bash_complete(&["timeular-hooks", "listen", "--for"]);
    assert_eq!(listen, vec!["--forward-to", "--forward-timeout"]);
}

#[test]
fn every_command_and_flag_has_help() {
    let cmd = Cli::command();
    cmd.clone().debug_assert();
    let mut missing = Vec::new();
    for sub in cmd.get_subcommands() {
        if sub.get_about().is_none() {
            missing.push(sub.get_name().to_string());
        }
        for arg in sub.get_arguments() {
            if arg.get_help().is_none() && !matches!(arg.get_id().as_str(), "help" | "version") {
                missing.push(format!("{} {}", sub.get_name(), arg.get_id()));
            }
        }
    }
    for arg in cmd.get_arguments() {
        if arg.get_help().is_none() && !matches!(arg.get_id().as_str(), "help" | "version") {
            missing.push(arg.get_id().to_string());
        }
    }
    assert!(missing.is_empty(), "no help text: {missing:?}");
}

#[test]
fn help_shows_examples_and_version_prints() {
    let env = Env::new();
    for c in [
        "login",
        "subscribe",
        "unsubscribe",
        "listen",
        "trigger",
        "replay",
        "list",
        "status",
    ] {
        let a = env.cmd().args([c, "--help"]).assert().success();
        assert!(
            stdout(&a).contains("Examples:\n  timeular-hooks "),
            "{c} --help has no examples"
        );
    }
    let a = env.cmd().arg("--help").assert().success();
    assert!(
        stdout(&a).contains(
            "Exit codes: 0 ok, 1 runtime error, 2 usage or invalid input, 3 not signed in"
        )
    );
    let a = env.cmd().arg("--version").assert().success();
    assert_eq!(
        stdout(&a),
        format!("timeular-hooks {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn typos_get_suggestions_and_runtime_errors_no_usage() {
    let env = Env::new();
    let a = env.cmd().arg("trigge").assert().code(2);
    assert!(
        stderr(&a).contains("tip: a similar subcommand exists: 'trigger'"),
        "{}",
        stderr(&a)
    );
    let a = env.cmd().args(["list", "--jsn"]).assert().code(2);
    assert!(
        stderr(&a).contains("tip: a similar argument exists: '--json'"),
        "{}",
        stderr(&a)
    );
    // A runtime failure is one line, with no usage text.
    let a = env
        .cmd()
        .args(["--api-url", "http://127.0.0.1:9/api/v3", "list"])
        .assert()
        .code(3);
    assert!(!stderr(&a).contains("Usage:"));
    assert_eq!(stderr(&a).lines().count(), 1);
}

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).unwrap()
}

#[test]
fn readme_names_every_command_flag_and_variable() {
    let text = readme();
    let cmd = Cli::command();
    let mut missing = Vec::new();
    let mut check = |needle: String| {
        if !text.contains(&needle) {
            missing.push(needle);
        }
    };
    for arg in cmd.get_arguments() {
        if let Some(l) = arg.get_long() {
            check(format!("--{l}"));
        }
        if let Some(e) = arg.get_env() {
            check(e.to_string_lossy().into_owned());
        }
    }
    for sub in cmd.get_subcommands() {
        check(format!("timeular-hooks {}", sub.get_name()));
        for arg in sub.get_arguments() {
            if let Some(l) = arg.get_long() {
                check(format!("--{l}"));
            }
            if let Some(e) = arg.get_env() {
                check(e.to_string_lossy().into_owned());
            }
        }
    }
    for more in ["TIMEULAR_API_SECRET", "NO_COLOR", "HTTPS_PROXY", "TZ"] {
        check(more.to_string());
    }
    assert!(
        missing.is_empty(),
        "README.md does not mention: {missing:?}"
    );
}

/// Every run of digits becomes one 0, so times and numbers compare by shape.
fn shape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_digit() {
            if !out.ends_with('0') {
                out.push('0');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The README's offline quick start, run as it is written (the port moved to a free one) and
/// compared with the output it shows.
#[test]
fn readme_quick_start_works() {
    let text = readme();
    let start = text
        .find("<!-- quick-start -->")
        .expect("quick-start marker");
    let end = text
        .find("<!-- /quick-start -->")
        .expect("quick-start end marker");
    let block = &text[start..end];
    let commands: Vec<&str> = block.lines().filter_map(|l| l.strip_prefix("$ ")).collect();
    assert_eq!(
        commands,
        vec!["timeular-hooks listen", "timeular-hooks trigger started"],
        "the quick start changed; update this test with it"
    );
    let shown: Vec<&str> = block.lines().filter(|l| l.contains("  #1  ")).collect();
    assert_eq!(shown.len(), 1, "the quick start shows one delivery line");

    let env = Env::new();
    let l = Listener::start(&env, None, &[]);
    let trigger = env
        .cmd()
        .args(["trigger", "started", "--url", &l.url])
        .assert()
        .success();
    let lines = l.wait_lines(1);
    assert_eq!(
        shape(&lines[0]),
        shape(shown[0]),
        "the README shows another line"
    );
    let said: Vec<&str> = block
        .lines()
        .filter(|l| l.starts_with("trackingStarted -> "))
        .collect();
    assert_eq!(said.len(), 1);
    assert_eq!(
        shape(&stdout(&trigger).replace(&l.url, "http://127.0.0.1:8000/")),
        shape(&format!("{}\n", said[0]))
    );
    assert!(block.contains("Listening on http://127.0.0.1:8000/"));
}
