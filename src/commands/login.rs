//! `login`: sign in with a key and secret, cache the token, optionally remember the credentials.

use std::io::{self, BufRead, IsTerminal};

use anyhow::{Context, Result};
use serde_json::json;

use crate::cli::LoginArgs;
use crate::config::{Credentials, RememberedCredentials};
use crate::context::Ctx;
use crate::error::usage;
use crate::output::print_json;
use crate::session::Session;

pub fn run(ctx: &Ctx, args: LoginArgs) -> Result<()> {
    let profile = ctx.store.load()?;
    let api_url = ctx.api_url(&profile)?;
    let interactive = io::stdin().is_terminal();

    let mut key = args.api_key.filter(|k| !k.trim().is_empty());
    let mut secret = if args.api_secret_stdin {
        Some(read_secret_line()?)
    } else {
        std::env::var("TIMEULAR_API_SECRET")
            .ok()
            .filter(|s| !s.is_empty())
    };
    if key.is_none() {
        if !interactive {
            return Err(usage(
                "no API key given and stdin is not a terminal; set TIMEULAR_API_KEY or pass --api-key",
            ));
        }
        key = Some(
            dialoguer::Input::<String>::new()
                .with_prompt("API key")
                .interact_text()
                .context("reading the API key")?,
        );
    }
    if secret.is_none() {
        if !interactive {
            return Err(usage(
                "no API secret given and stdin is not a terminal; set TIMEULAR_API_SECRET or pipe it in with --api-secret-stdin",
            ));
        }
        secret = Some(
            dialoguer::Password::new()
                .with_prompt("API secret")
                .interact()
                .context("reading the API secret")?,
        );
    }
    let creds = Credentials {
        api_key: key.unwrap_or_default().trim().to_string(),
        api_secret: secret.unwrap_or_default().trim().to_string(),
    };
    if creds.api_key.is_empty() || creds.api_secret.is_empty() {
        return Err(usage(
            "the API key and secret must not be empty; find them in the EARLY web app's profile page",
        ));
    }

    let mut session = Session::from_profile(ctx, &profile)?.with_credentials(creds.clone());
    session.sign_in()?;
    ctx.store.update(|p| {
        p.api_url = Some(api_url.clone());
        p.credentials = args.remember.then(|| RememberedCredentials {
            credentials: creds,
            api_url: api_url.clone(),
        });
    })?;

    if ctx.json {
        print_json(&json!({
            "profile": ctx.profile_name(),
            "api_url": api_url,
            "logged_in": true,
        }))?;
    } else {
        ctx.notes.info(format!(
            "Signed in to {api_url} (profile '{}').",
            ctx.profile_name()
        ));
        if args.remember {
            ctx.notes.info(format!(
                "Key and secret are remembered in {}; 'timeular-hooks logout' forgets them.",
                ctx.store.path().display()
            ));
        }
    }
    Ok(())
}

/// The secret as the first line of stdin, without its line ending.
fn read_secret_line() -> Result<String> {
    let mut line = String::new();
    io::stdin()
        .lock()
        .read_line(&mut line)
        .context("reading the API secret from stdin")?;
    let secret = line.trim_end_matches(['\r', '\n']).to_string();
    if secret.trim().is_empty() {
        return Err(usage(
            "--api-secret-stdin read an empty line; pipe the secret in, e.g. printf '%s\\n' \"$SECRET\" | timeular-hooks login --api-secret-stdin",
        ));
    }
    Ok(secret)
}
