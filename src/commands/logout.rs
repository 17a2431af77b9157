//! `logout`: tell the API (best effort), then forget the token and any remembered credentials.

use anyhow::Result;
use serde_json::json;

use crate::api::ApiClient;
use crate::cli::LogoutArgs;
use crate::context::Ctx;
use crate::output::print_json;

pub fn run(ctx: &Ctx, _args: LogoutArgs) -> Result<()> {
    let profile = ctx.store.load()?;
    let had_token = profile.token.is_some();
    let had_creds = profile.credentials.is_some();

    if let Some(cached) = &profile.token {
        // The token goes only to the URL that issued it, whatever --api-url says now.
        match ApiClient::new(&cached.api_url, ctx.timeout, ctx.notes)
            .and_then(|api| api.logout(&cached.token).map_err(Into::into))
        {
            Ok(()) => {}
            Err(e) => ctx.notes.warn(format!(
                "the API did not confirm the logout ({e:#}); the token is forgotten here anyway"
            )),
        }
    }
    if had_token || had_creds {
        ctx.store.update(|p| {
            p.token = None;
            p.credentials = None;
        })?;
    }

    if ctx.json {
        print_json(&json!({
            "profile": ctx.profile_name(),
            "logged_in": false,
            "was_logged_in": had_token,
        }))?;
    } else if had_token || had_creds {
        ctx.notes.info(format!(
            "Signed out (profile '{}'): token{} forgotten.",
            ctx.profile_name(),
            if had_creds { ", key and secret" } else { "" }
        ));
    } else {
        ctx.notes.info(format!(
            "Not signed in (profile '{}'); nothing to do.",
            ctx.profile_name()
        ));
    }
    Ok(())
}
