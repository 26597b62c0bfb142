//! `renew checklist learn`: what the person was told, kept in the checklist.

use std::io::Write;

use anyhow::Result;

use super::{date_arg, plan_for, user_facing};
use crate::checklist::store::Store;
use crate::cli::{ChecklistCommand, Context, UsageError};
use crate::i18n::Words;
use crate::plan::render;

/// What `checklist learn` was asked to do, checked before anything is
/// written: one fact with its value, or one to take back.
pub(super) enum LearnAction {
    Set(crate::plan::learned::LearnedField, u32),
    Forget(crate::plan::learned::LearnedField),
}

/// The one fact (or `--forget`) of a `checklist learn` command line, every
/// value checked: a usage error in the person's language naming the flag
/// otherwise.
pub(super) fn learn_action(cmd: &ChecklistCommand, words: Words) -> Result<LearnAction> {
    use crate::plan::learned::LearnedField;
    let ChecklistCommand::Learn {
        review_days,
        window_months,
        window_days,
        no_renewal,
        forget,
        ..
    } = cmd
    else {
        return Err(UsageError(words.t("cli.learn.one_flag").to_string()).into());
    };
    let mut given: Vec<(LearnedField, Option<&String>)> = Vec::new();
    for (field, value) in [
        (LearnedField::ReviewDays, review_days),
        (LearnedField::WindowMonths, window_months),
        (LearnedField::WindowDays, window_days),
    ] {
        if let Some(v) = value {
            given.push((field, Some(v)));
        }
    }
    if *no_renewal {
        given.push((LearnedField::NoRenewal, None));
    }
    match (given.as_slice(), forget) {
        ([], Some(f)) => LearnedField::from_flag(f)
            .map(LearnAction::Forget)
            .ok_or_else(|| UsageError(words.tf("cli.learn.bad_field", &[("value", f)])).into()),
        ([(field, None)], None) => Ok(LearnAction::Set(*field, 1)),
        ([(field, Some(text))], None) => {
            let range = field.range().unwrap_or(1..=1);
            let bad = || {
                UsageError(words.tf(
                    "cli.learn.bad_number",
                    &[
                        ("flag", &field.flag()),
                        ("value", text),
                        ("min", range.start()),
                        ("max", range.end()),
                    ],
                ))
            };
            crate::cli::not_too_long(text, "cli.what.from", words).map_err(|_| bad())?;
            let n: u32 = crate::text::to_half_width(text.trim())
                .parse()
                .map_err(|_| bad())?;
            if !range.contains(&n) {
                return Err(bad().into());
            }
            Ok(LearnAction::Set(*field, n))
        }
        _ => Err(UsageError(words.t("cli.learn.one_flag").to_string()).into()),
    }
}

/// `renew checklist learn`: records (or takes back) what the person was
/// told in the saved checklist, brings its items and window up to date
/// with the plan counted with it, and says what it now gives.
pub(super) fn learn(
    cmd: &ChecklistCommand,
    ctx: &Context,
    store: &Store,
    out: &mut dyn Write,
) -> Result<()> {
    let words = ctx.words;
    let ChecklistCommand::Learn { id, from, on, .. } = cmd else {
        return Ok(());
    };
    // Everything is checked before the file is touched.
    let action = learn_action(cmd, words)?;
    let on = date_arg(ctx, on.as_deref(), "cli.which.on")?;
    if on > ctx.today {
        return Err(UsageError(
            words.tf("cycle.error.future", &[("on", &on), ("today", &ctx.today)]),
        )
        .into());
    }
    let from = match from.as_deref().map(str::trim) {
        Some(f) if !f.is_empty() => {
            crate::cli::not_too_long(f, "cli.what.from", words)?;
            Some(f.to_string())
        }
        _ => None,
    };
    let id = store.resolve(id, ctx.now).map_err(user_facing(ctx.words))?;
    let (saved, forgot) = store
        .update(&id, ctx.now, |c| {
            let forgot = match action {
                LearnAction::Set(field, n) => {
                    c.learned.set(field, n, on, from.clone());
                    None
                }
                LearnAction::Forget(field) => Some((field, c.learned.forget(field))),
            };
            if forgot.is_some_and(|(_, was)| !was) {
                return (false, forgot);
            }
            c.updated_at = ctx.now;
            if let Some(p) = plan_for(ctx, c) {
                c.refresh(&p, ctx.now);
            }
            (true, forgot)
        })
        .map_err(user_facing(ctx.words))?;
    match (action, forgot) {
        (_, Some((field, false))) => writeln!(
            out,
            "{}",
            words.tf("cli.learn.nothing_to_forget", &[("flag", &field.flag())])
        )?,
        (LearnAction::Forget(field), _) => writeln!(
            out,
            "{}",
            words.tf(
                "cli.learn.forgot",
                &[("label", &saved.label), ("flag", &field.flag())]
            )
        )?,
        (LearnAction::Set(..), _) => {}
    }
    let p = plan_for(ctx, &saved);
    if let Some(p) = &p {
        for line in render::learned_lines(p, words) {
            writeln!(
                out,
                "{}",
                words.tf(
                    "cli.learn.saved",
                    &[("label", &saved.label), ("fact", &line)]
                )
            )?;
        }
        if let Some(line) = render::apply_by_line(p, words) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}
