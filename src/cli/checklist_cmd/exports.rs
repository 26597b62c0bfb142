//! `renew checklist export`.

use std::io::Write;

use anyhow::Result;

use super::{current_view, plan_for, resolve, result_due, user_facing};
use crate::checklist::store::Store;
use crate::checklist::{Checklist, words as checklist_words};
use crate::cli::{Context, ExportFormat, UsageError};
use crate::document::{ics, sheet};
use crate::plan::RenewalPlan;

/// `checklist export --all`: one calendar of every checklist.
pub(super) fn export_all(
    store: &Store,
    ctx: &Context,
    format: ExportFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let words = ctx.words;
    if format != ExportFormat::Ics {
        return Err(UsageError(words.t("checklist.export_all_ics_only").to_string()).into());
    }
    let (lists, problems) = store.list(ctx.now).map_err(user_facing(ctx.words))?;
    let views: Vec<(Checklist, Option<RenewalPlan>)> = lists
        .iter()
        .map(|saved| {
            let (c, _) = current_view(ctx, saved);
            let p = plan_for(ctx, &c);
            (c, p)
        })
        .collect();
    let entries: Vec<ics::CalendarEntry> = views
        .iter()
        .map(|(c, p)| (c, p.as_ref(), result_due(ctx, c, p.as_ref())))
        .collect();
    write!(out, "{}", ics::ics_all(&entries, ctx.today, words))?;
    for p in &problems {
        // A stderr nobody reads is no reason to fail the export.
        let _ = writeln!(
            std::io::stderr(),
            "! {}",
            checklist_words::problem_text(p, words)
        );
    }
    Ok(())
}

/// `checklist export ID --format …`: one checklist as JSON, a calendar,
/// the printed sheet (text or Markdown) or a pack of what was learned.
pub(super) fn export_one(
    store: &Store,
    ctx: &Context,
    id: Option<&str>,
    format: ExportFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let words = ctx.words;
    let Some(id) = id else {
        return Err(UsageError(words.t("checklist.export_needs_id").to_string()).into());
    };
    let id = resolve(store, ctx, id)?;
    let saved = store.load(&id, ctx.now).map_err(user_facing(ctx.words))?;
    // One reference day for the whole output: the items' dates are
    // made again for today's plan, as `show` does; nothing is written.
    let (c, _) = current_view(ctx, &saved);
    let p = plan_for(ctx, &c);
    match format {
        ExportFormat::Json => writeln!(out, "{}", crate::i18n::to_json(&c)?)?,
        ExportFormat::Ics => write!(
            out,
            "{}",
            ics::ics(
                &c,
                p.as_ref(),
                result_due(ctx, &c, p.as_ref()),
                ctx.today,
                words,
            )
        )?,
        ExportFormat::Markdown => write!(
            out,
            "{}",
            sheet::sheet(&c, p.as_ref(), ctx.today, true, words)
        )?,
        ExportFormat::Text => write!(
            out,
            "{}",
            sheet::sheet(&c, p.as_ref(), ctx.today, false, words)
        )?,
        ExportFormat::Pack => write_learned_pack(ctx, &c, p.as_ref(), out)?,
    }
    Ok(())
}

/// `checklist export ID --format pack`: the learned facts as a region file
/// for the person's place.
fn write_learned_pack(
    ctx: &Context,
    c: &Checklist,
    plan: Option<&RenewalPlan>,
    out: &mut dyn Write,
) -> Result<()> {
    let words = ctx.words;
    use crate::checklist::learned_pack::{PackProblem, learned_region};
    let Some(plan) = plan else {
        return Err(anyhow::anyhow!(
            words.t("checklist.sheet.no_plan").to_string()
        ));
    };
    match learned_region(ctx.policy, c, plan) {
        Ok(file) => writeln!(out, "{}", crate::i18n::to_json(&file)?)?,
        Err(PackProblem::NothingLearned) => {
            return Err(
                UsageError(words.tf("cli.learn.nothing_to_export", &[("id", &c.id)])).into(),
            );
        }
        Err(PackProblem::NoRegion(_)) => {
            return Err(anyhow::anyhow!(
                words.t("checklist.sheet.no_plan").to_string()
            ));
        }
    }
    Ok(())
}
