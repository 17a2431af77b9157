//! `events`: what one can subscribe to, in the API's order.

use anyhow::Result;

use crate::cli::EventsArgs;
use crate::context::Ctx;
use crate::events;
use crate::output::{print_json, print_table, sanitize, table};
use crate::session::Session;

pub fn run(ctx: &Ctx, _args: EventsArgs) -> Result<()> {
    let mut session = Session::open(ctx)?;
    let names = session.events()?;
    if ctx.json {
        return print_json(&names);
    }
    let mut t = table(&["EVENT", "ALIAS", "MEANING"]);
    for name in &names {
        let known = events::known(name);
        t.add_row(vec![
            sanitize(name).into_owned(),
            known.and_then(|k| k.alias).unwrap_or("").to_string(),
            known.map_or("", |k| k.meaning).to_string(),
        ]);
    }
    print_table(&t)?;
    Ok(())
}
