//! The renewal cycle's steps from the command line (`submit`, `approve`,
//! `refuse`) and `delete`.

use std::io::Write;

use anyhow::Result;

use super::{cycle_step, date_arg, resolve, user_facing, write_cycle};
use crate::checklist::cycle;
use crate::checklist::store::Store;
use crate::cli::{Context, UsageError};

/// `checklist submit ID [--on DATE] [--channel C]`.
pub(super) fn submit(
    store: &Store,
    ctx: &Context,
    id: &str,
    on: Option<&str>,
    channel: Option<&str>,
    out: &mut dyn Write,
) -> Result<()> {
    let words = ctx.words;
    let id = resolve(store, ctx, id)?;
    let on = date_arg(ctx, on, "cli.which.on")?;
    if let Some(q) = channel {
        crate::cli::not_too_long(q, "cli.what.channel", words)?;
    }
    let c = cycle_step(store, &id, ctx, |c| {
        cycle::submit(c, on, channel, ctx.policy, ctx.today, ctx.now)
    })?;
    writeln!(
        out,
        "{}",
        words.tf("cli.cycle.submitted", &[("label", &c.label), ("date", &on)])
    )?;
    write_cycle(ctx, &c, out)?;
    Ok(())
}

/// `checklist approve ID NEW_END [--on DATE]`: the next cycle begins.
pub(super) fn approve(
    store: &Store,
    ctx: &Context,
    id: &str,
    new_end: &str,
    on: Option<&str>,
    out: &mut dyn Write,
) -> Result<()> {
    let words = ctx.words;
    let id = resolve(store, ctx, id)?;
    let new_end = date_arg(ctx, Some(new_end), "cli.which.new_end")?;
    let on = date_arg(ctx, on, "cli.which.on")?;
    let c = cycle_step(store, &id, ctx, |c| {
        cycle::approve(c, new_end, on, ctx.policy, ctx.today, ctx.now)
    })?;
    writeln!(
        out,
        "{}",
        words.tf(
            "cli.cycle.approved",
            &[
                ("label", &c.label),
                ("date", &on),
                ("end", &new_end),
                ("opens", &c.window.opens),
                ("closes", &c.window.closes)
            ]
        )
    )?;
    for h in &c.history {
        writeln!(out, "  {}", h.describe(words))?;
    }
    Ok(())
}

/// `checklist refuse ID [--on DATE]`.
pub(super) fn refuse(
    store: &Store,
    ctx: &Context,
    id: &str,
    on: Option<&str>,
    out: &mut dyn Write,
) -> Result<()> {
    let words = ctx.words;
    let id = resolve(store, ctx, id)?;
    let on = date_arg(ctx, on, "cli.which.on")?;
    let c = cycle_step(store, &id, ctx, |c| {
        cycle::refuse(c, on, ctx.today, ctx.now)
    })?;
    writeln!(
        out,
        "{}",
        words.tf("cli.cycle.refused", &[("label", &c.label), ("date", &on)])
    )?;
    write_cycle(ctx, &c, out)?;
    Ok(())
}

/// `checklist delete ID --yes`.
pub(super) fn delete(
    store: &Store,
    ctx: &Context,
    id: &str,
    yes: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let words = ctx.words;
    let id = resolve(store, ctx, id)?;
    if !yes {
        return Err(UsageError(words.tf("checklist.delete_needs_yes", &[("id", &id)])).into());
    }
    store.delete(&id).map_err(user_facing(ctx.words))?;
    writeln!(out, "{}", words.tf("checklist.deleted", &[("id", &id)]))?;
    Ok(())
}
