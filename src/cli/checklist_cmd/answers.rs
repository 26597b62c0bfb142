//! `renew checklist note`, `rename` and `edit`: the front desk's changes to
//! a saved checklist.

use std::io::Write;

use anyhow::Result;

use super::{date_arg, user_facing};
use crate::checklist::store::Store;
use crate::checklist::{cycle, words as checklist_words};
use crate::cli::{Context, UsageError};
use crate::plan;

/// `checklist note ID TEXT [--on DATE]`: a dated note on the checklist.
pub(super) fn note(
    store: &Store,
    ctx: &Context,
    id: &str,
    text: &str,
    on: Option<&str>,
    out: &mut dyn Write,
) -> Result<()> {
    let words = ctx.words;
    let id = store.resolve(id, ctx.now).map_err(user_facing(ctx.words))?;
    let on = date_arg(ctx, on, "cli.which.note_on")?;
    if !(crate::checklist::store::EARLIEST_DATE..=crate::checklist::store::LATEST_DATE)
        .contains(&on)
    {
        return Err(UsageError(cycle::CycleError::OutOfRange(on).describe(words)).into());
    }
    // A note says what was done; what is planned goes in its text.
    if on > ctx.today {
        let text = words.tf(
            "checklist.note_future",
            &[("on", &on), ("today", &ctx.today)],
        );
        return Err(UsageError(text).into());
    }
    let (c, result) = store
        .update(&id, ctx.now, |c| {
            let r = c.add_note(on, text, ctx.now);
            (r.is_ok(), r)
        })
        .map_err(user_facing(ctx.words))?;
    result.map_err(|p| UsageError(checklist_words::note_problem_text(p, words)))?;
    let line = c
        .notes
        .iter()
        .rev()
        .find(|n| n.on == on)
        .map(|n| crate::checklist::notes::note_line(n, ctx.today))
        .unwrap_or_default();
    writeln!(
        out,
        "{}",
        words.tf("checklist.noted", &[("label", &c.label), ("line", &line)])
    )?;
    writeln!(
        out,
        "{}",
        words.tf("checklist.notes_count", &[("n", &c.notes.len())])
    )?;
    Ok(())
}

/// `checklist rename ID LABEL`, as F2 in the wizard.
pub(super) fn rename(
    store: &Store,
    ctx: &Context,
    id: &str,
    label: &str,
    out: &mut dyn Write,
) -> Result<()> {
    let words = ctx.words;
    let id = store.resolve(id, ctx.now).map_err(user_facing(ctx.words))?;
    let label = label.trim();
    if label.is_empty() {
        return Err(UsageError(words.t("tui.rename.empty").to_string()).into());
    }
    crate::checklist::check_label(label)
        .map_err(|p| UsageError(checklist_words::label_problem_text(p, words)))?;
    let (c, old) = store
        .update(&id, ctx.now, |c| {
            let old = c.label.clone();
            let changed = old != label;
            if changed {
                c.label = label.to_string();
                c.updated_at = ctx.now;
            }
            (changed, old)
        })
        .map_err(user_facing(ctx.words))?;
    writeln!(
        out,
        "{}",
        words.tf(
            "checklist.renamed",
            &[("old", &old), ("label", &c.label), ("id", &c.id)]
        )
    )?;
    Ok(())
}

/// What `checklist edit` was asked to change; `None` keeps the answer.
pub(super) struct AnswerChange<'a> {
    pub(super) end: Option<&'a str>,
    pub(super) disease: Option<&'a str>,
    pub(super) scheme: Option<&'a str>,
    pub(super) region: Option<&'a str>,
}

/// `checklist edit ID [--end] [--disease] [--scheme] [--region]`: new
/// answers, the items made again for them, ticks kept by item id (as F3
/// in the wizard). A new region without `--disease` looks for the same
/// disease by name in the new region's list.
pub(super) fn edit(
    store: &Store,
    ctx: &Context,
    id: &str,
    change: &AnswerChange,
    out: &mut dyn Write,
) -> Result<()> {
    let words = ctx.words;
    let id = store.resolve(id, ctx.now).map_err(user_facing(ctx.words))?;
    if change.end.is_none()
        && change.disease.is_none()
        && change.scheme.is_none()
        && change.region.is_none()
    {
        return Err(UsageError(words.t("checklist.edit_nothing").to_string()).into());
    }
    let saved = store.load(&id, ctx.now).map_err(user_facing(ctx.words))?;
    let mut answers = saved.answers.clone();
    let mut typed = saved.typed_disease.clone();
    let region_key = change.region.unwrap_or(&saved.answers.region);
    let choice = crate::cli::find_region(ctx.policy, region_key, ctx.words)?;
    let region = &ctx.policy.regions[choice.region];
    answers.region = choice.key.clone();
    if let Some(s) = change.scheme {
        answers.scheme = crate::cli::find_scheme(s, ctx.words)?;
    }
    let disease = match (change.disease, change.region) {
        (Some(d), _) => Some(d),
        // The same disease in the new region, by the name it was saved with.
        (None, Some(_)) => Some(saved.disease_name.as_str()),
        (None, None) => None,
    };
    if let Some(d) = disease {
        let (found, t) = crate::cli::find_disease(region, d, ctx.words)?;
        answers.disease = found.id.clone();
        typed = t;
    }
    if let Some(end) = change.end {
        answers.validity_end = crate::cli::end_arg(end, ctx.today, ctx.words)?.date;
    }
    // What the person was told still counts (`checklist learn`); it can be
    // taken back with `--forget`.
    let mut plan = plan::compute_with(ctx.policy, &answers, &saved.learned, ctx.today)?;
    plan.disease.typed = typed.clone();
    let (c, changes) = store
        .update(&id, ctx.now, |c| {
            c.answers = answers.clone();
            c.typed_disease = typed.clone();
            let changes = c.refresh(&plan, ctx.now);
            c.updated_at = ctx.now;
            (true, changes)
        })
        .map_err(user_facing(ctx.words))?;
    writeln!(
        out,
        "{}",
        words.tf(
            "checklist.edited",
            &[
                ("label", &c.label),
                ("region", &c.region_name),
                ("disease", &c.disease_name),
                ("end", &c.answers.validity_end),
                ("id", &c.id)
            ]
        )
    )?;
    for ch in &changes {
        writeln!(out, "  ! {}", ch.describe(words))?;
    }
    let (done, total) = c.progress();
    writeln!(
        out,
        "{}",
        words.tf(
            "checklist.edited_progress",
            &[("done", &done), ("total", &total)]
        )
    )?;
    Ok(())
}
