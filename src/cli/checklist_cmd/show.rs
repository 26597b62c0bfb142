//! `renew checklist show`.

use std::io::Write;

use anyhow::Result;
use serde_json::json;

use super::{
    choice_states_json, current_view, deadline, plan_for, resolve, standing, user_facing,
    write_cycle,
};
use crate::checklist::store::Store;
use crate::checklist::{Change, Checklist, agenda, cycle};
use crate::cli::{Context, ListFormat};
use crate::document::sheet;
use crate::plan::{Deadline, render};

/// `checklist show ID`: the checklist as today's data shows it, ticks
/// kept; the file is left as it is until the person changes something.
pub(super) fn show(
    store: &Store,
    ctx: &Context,
    id: &str,
    format: ListFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let id = resolve(store, ctx, id)?;
    // Shown up to date with today's data, ticks kept; the file is
    // left as it is until the person changes something.
    let saved = store.load(&id, ctx.now).map_err(user_facing(ctx.words))?;
    let (c, changes) = current_view(ctx, &saved);
    match format {
        ListFormat::Json => show_json(ctx, store, &c, &changes, out),
        ListFormat::Text => show_text(ctx, &c, &changes, out),
    }
}

/// `show --format json`: the saved checklist with where it stands today.
fn show_json(
    ctx: &Context,
    store: &Store,
    c: &Checklist,
    changes: &[Change],
    out: &mut dyn Write,
) -> Result<()> {
    let p = plan_for(ctx, c);
    let s = standing(ctx, c, p.as_ref());
    let mut v = serde_json::to_value(c)?;
    if let Some(map) = v.as_object_mut() {
        map.insert("status".into(), json!(s.status));
        map.insert("days_left".into(), json!(s.days_left));
        map.insert("deadline".into(), json!(deadline(ctx, c, p.as_ref())));
        let (done, total) = c.progress();
        map.insert("done".into(), json!(done));
        map.insert("total".into(), json!(total));
        map.insert("choice_states".into(), choice_states_json(c));
        map.insert(
            "changes".into(),
            json!(
                changes
                    .iter()
                    .map(|c| c.describe(ctx.words))
                    .collect::<Vec<_>>()
            ),
        );
        map.insert("path".into(), json!(store.path_of(&c.id).ok()));
        let view = cycle::view(c, p.as_ref(), ctx.today, ctx.policy);
        map.insert("cycle".into(), serde_json::to_value(&view)?);
        let history: Vec<_> = c
            .history
            .iter()
            .map(|h| {
                let mut v = serde_json::to_value(h).unwrap_or_default();
                if let Some(m) = v.as_object_mut() {
                    m.insert("text".into(), json!(h.describe(ctx.words)));
                }
                v
            })
            .collect();
        map.insert("history".into(), json!(history));
        map.insert(
            "next_action".into(),
            json!(agenda::next_action(c, p.as_ref(), ctx.today, ctx.policy)),
        );
        // The day to apply by as the plan counts it, marked
        // when it rests on what the person was told.
        map.insert("apply_by".into(), json!(p.as_ref().map(|p| &p.apply_by)));
        // Where the window came from: the data's source, or what the
        // person was told (`learned`, with the day and who said it).
        if let (Some(w), Some(pw)) = (
            map.get_mut("window").and_then(|w| w.as_object_mut()),
            p.as_ref().and_then(|p| p.window.as_ref()),
        ) {
            w.insert("source".into(), json!(pw.source));
            let mut told = p.as_ref().into_iter().flat_map(|p| &p.learned);
            // One learned window at most (months or days).
            if let Some(u) = told.find(|u| u.about == crate::plan::questions::Unknown::Window) {
                w.insert("on".into(), json!(u.on));
                w.insert("from".into(), json!(u.from));
            }
        }
        map.insert(
            "learned_used".into(),
            json!(p.as_ref().map(|p| &p.learned).unwrap_or(&Vec::new())),
        );
    }
    writeln!(out, "{}", crate::i18n::to_json(&v)?)?;
    Ok(())
}

/// `show`: the checklist as the person reads it.
fn show_text(ctx: &Context, c: &Checklist, changes: &[Change], out: &mut dyn Write) -> Result<()> {
    let words = ctx.words;
    let p = plan_for(ctx, c);
    let s = standing(ctx, c, p.as_ref());
    writeln!(
        out,
        "{}",
        words.tf(
            "checklist.show.head",
            &[
                ("label", &c.label),
                ("id", &c.id),
                ("region", &c.region_name),
                ("disease", &c.disease_shown(words))
            ]
        )
    )?;
    // No window where nothing is to be renewed: the status
    // alone, with the end date the person gave.
    let window = if c.window.no_renewal {
        words.tf(
            "checklist.show.no_renewal",
            &[("end", &c.answers.validity_end), ("status", &s.words)],
        )
    } else {
        words.tf(
            "checklist.show.window",
            &[
                ("opens", &c.window.opens),
                ("closes", &c.window.closes),
                ("status", &s.words),
            ],
        )
    };
    writeln!(out, "{window}")?;
    // What the person was told, and where, when the plan
    // counts with it.
    let learned = p
        .as_ref()
        .map(|p| render::learned_lines(p, words))
        .unwrap_or_default();
    if !learned.is_empty() {
        writeln!(out, "{}", words.t("plan.learned.heading"))?;
        for line in learned {
            writeln!(out, "  · {line}")?;
        }
    }
    if p.is_none() {
        writeln!(out, "! {}", words.t("checklist.sheet.no_plan"))?;
    }
    // A passed day, or none, in the plan's own words (a
    // closed window is the cycle's "late" line below).
    if let Some(p) = &p
        && c.cycle.state == cycle::CycleState::Preparing
        && matches!(p.deadline, Deadline::Passed | Deadline::Unknown)
        && let Some(line) = render::apply_by_line(p, words)
    {
        writeln!(out, "! {line}")?;
    }
    write_cycle(ctx, c, out)?;
    if !changes.is_empty() {
        writeln!(out, "{}", words.t("checklist.show.changed"))?;
        for ch in changes {
            writeln!(out, "  ! {}", ch.describe(words))?;
        }
    }
    writeln!(out)?;
    for l in sheet::item_lines(c, 78, false, ctx.today, words) {
        writeln!(out, "{l}")?;
    }
    writeln!(out)?;
    if !c.notes.is_empty() {
        writeln!(out, "{}", words.t("checklist.show.notes"))?;
        for n in &c.notes {
            writeln!(
                out,
                "  {}",
                crate::checklist::notes::note_line(n, ctx.today)
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", words.tf("checklist.show.hint", &[("id", &c.id)]))?;
    Ok(())
}
