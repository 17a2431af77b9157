//! `status`: where you stand, and with `--check` what is wrong with the set-up and how to fix it.

use anyhow::Result;
use serde_json::json;

use crate::api::{ApiClient, ApiError};
use crate::cli::StatusArgs;
use crate::config::{Profile, mode_of};
use crate::context::Ctx;
use crate::error::auth;
use crate::output::{print_json, sanitize};
use crate::session::env_credentials;

pub fn run(ctx: &Ctx, args: StatusArgs) -> Result<()> {
    let path = ctx.store.path();
    let mut problems: Vec<String> = Vec::new();
    // A broken profile is something status reports, not something that stops it.
    let mut broken_profile = false;
    let profile = match ctx.store.load() {
        Ok(p) => p,
        Err(e) => {
            broken_profile = true;
            problems.push(format!("{e:#}"));
            Profile::default()
        }
    };
    let api_url = match ctx.api_url(&profile) {
        Ok(u) => u,
        Err(e) => {
            problems.push(format!("{e:#}"));
            crate::config::DEFAULT_API_URL.to_string()
        }
    };
    check_modes(ctx, &mut problems);

    let token = profile.token_for(&api_url);
    if token.is_none() {
        if let Some(other) = &profile.token {
            problems.push(format!(
                "the cached token belongs to {}, not {api_url}; run 'timeular-hooks login' for this URL or drop --api-url",
                other.api_url
            ));
        } else if env_credentials().is_none() {
            problems.push(
                "not signed in; run 'timeular-hooks login' (or set TIMEULAR_API_KEY and TIMEULAR_API_SECRET)"
                    .to_string(),
            );
        }
    }
    let remembered = profile.credentials_for(&api_url).is_some();
    let from_env = env_credentials().is_some();

    let mut token_valid: Option<bool> = None;
    let mut reachable: Option<bool> = None;
    if args.check {
        match token {
            None => token_valid = Some(false),
            Some(token) => {
                let api = ApiClient::new(&api_url, ctx.timeout, ctx.notes)?;
                match api.events(token) {
                    Ok(_) => {
                        token_valid = Some(true);
                        reachable = Some(true);
                    }
                    Err(e) if e.status() == Some(401) => {
                        token_valid = Some(false);
                        reachable = Some(true);
                        problems.push(format!(
                            "the API rejected the cached token (it may have expired); {}",
                            if remembered || from_env {
                                "the next command signs in again by itself"
                            } else {
                                "run 'timeular-hooks login'"
                            }
                        ));
                    }
                    Err(e @ ApiError::Transport { .. }) => {
                        reachable = Some(false);
                        problems.push(format!("{e}"));
                    }
                    Err(e) => {
                        reachable = Some(true);
                        problems.push(format!("checking the token: {e}"));
                    }
                }
            }
        }
    }

    if ctx.json {
        print_json(&json!({
            "profile": ctx.profile_name(),
            "api_url": api_url,
            "config_file": path,
            "logged_in": token.is_some(),
            "token_valid": token_valid,
            "api_reachable": reachable,
            "credentials_remembered": remembered,
            "credentials_from_environment": from_env,
            "problems": problems,
        }))?;
    } else {
        let yes_no = |b: bool| if b { "yes" } else { "no" };
        println!("profile:      {}", ctx.profile_name());
        println!("api url:      {api_url}");
        println!(
            "config file:  {}{}",
            path.display(),
            if path.exists() {
                ""
            } else {
                " (not created yet)"
            }
        );
        println!(
            "signed in:    {}",
            if token.is_some() {
                "yes (token cached)"
            } else {
                "no"
            }
        );
        println!(
            "credentials:  {}",
            match (remembered, from_env) {
                (_, true) => "from TIMEULAR_API_KEY and TIMEULAR_API_SECRET",
                (true, false) => "remembered (login --remember)",
                (false, false) => "none at hand",
            }
        );
        if args.check {
            println!(
                "token valid:  {}",
                token_valid.map_or("unknown (API not reached)", yes_no)
            );
        }
        for p in &problems {
            eprintln!("problem: {}", sanitize(p));
        }
        if !args.check && token.is_some() {
            ctx.notes
                .info("hint: 'timeular-hooks status --check' asks the API whether the token works");
        }
    }

    // Without --check, status only fails when the profile itself cannot be read.
    if broken_profile {
        return Err(anyhow::anyhow!(
            "the profile file {} cannot be used; see the problem above",
            path.display()
        ));
    }
    if args.check {
        if reachable == Some(false) {
            return Err(anyhow::anyhow!(
                "the API could not be reached; see the problem above"
            ));
        }
        if token_valid != Some(true) {
            return Err(auth(
                "not signed in, or the token was rejected; run 'timeular-hooks login'",
            ));
        }
        if !problems.is_empty() {
            return Err(anyhow::anyhow!(
                "status found {} problem(s); see above",
                problems.len()
            ));
        }
    }
    Ok(())
}

/// On Unix the config dir should be 0700 and the profile file 0600: it holds a token and maybe a secret.
fn check_modes(ctx: &Ctx, problems: &mut Vec<String>) {
    for (path, want) in [(ctx.store.dir.clone(), 0o700), (ctx.store.path(), 0o600)] {
        if let Some(mode) = mode_of(&path)
            && mode & 0o077 != 0
        {
            problems.push(format!(
                "{} is readable by others (mode {mode:o}); run 'chmod {want:o} {}'",
                path.display(),
                path.display()
            ));
        }
    }
}
