//! `renew agenda`.

use std::io::Write;

use anyhow::Result;
use serde_json::json;

use super::{plan_for, user_facing};
use crate::checklist::{agenda, words as checklist_words};
use crate::cli::{Context, Format};
use crate::i18n::Words;
use crate::plan::{RenewalPlan, render};

/// `renew agenda`: every checklist's next action from today to `days`
/// ahead, overdue ones first. Nothing due is `NothingDue` (exit status 1).
pub fn agenda(ctx: &Context, days: u32, format: Format, out: &mut dyn Write) -> Result<()> {
    let store = ctx.store()?;
    let (mut lists, problems) = store.list(ctx.now).map_err(user_facing(ctx.words))?;
    let plans: Vec<Option<RenewalPlan>> = lists.iter().map(|c| plan_for(ctx, c)).collect();
    // Counted as `show` counts: an older file gets its either/or groups
    // from the data. Nothing is written.
    for (c, p) in lists.iter_mut().zip(&plans) {
        if let Some(p) = p {
            c.refresh(p, ctx.now);
        }
    }
    let entries = agenda::agenda(
        lists
            .iter()
            .zip(&plans)
            .map(|(c, p)| (c, agenda::next_action(c, p.as_ref(), ctx.today, ctx.policy))),
        ctx.today,
        days,
    );
    let last = agenda::last_day(ctx.today, days);
    let range = [
        ("from", &ctx.today as &dyn std::fmt::Display),
        ("to", &last),
    ];
    match format {
        Format::Json => {
            let v = json!({
                "today": ctx.today, "until": last, "days": days, "entries": entries,
                "problems": problems.iter().map(|p| json!({ "message": checklist_words::problem_text(p, ctx.words) })).collect::<Vec<_>>(),
            });
            writeln!(out, "{}", crate::i18n::to_json(&v)?)?;
        }
        Format::Text => agenda_text(&entries, &problems, &range, ctx.words, out)?,
        Format::Markdown => agenda_markdown(&entries, &problems, &range, ctx.words, out)?,
    }
    if entries.is_empty() {
        return Err(crate::cli::NothingDue.into());
    }
    Ok(())
}

/// What is due, in words: the kind of action, overdue or not, and while
/// preparing how far the list is and any either/or still to settle.
fn what(e: &agenda::AgendaEntry, words: Words) -> String {
    let key = match e.action.kind {
        agenda::ActionKind::Prepare => "agenda.kind.prepare",
        agenda::ActionKind::ApplyBy => "agenda.kind.apply_by",
        agenda::ActionKind::WindowCloses => "agenda.kind.window_closes",
        agenda::ActionKind::ResultDue => "agenda.kind.result_due",
        agenda::ActionKind::Late => "agenda.kind.late",
    };
    let mut s = words.t(key).to_string();
    if e.action.overdue {
        s.push_str(words.t("agenda.overdue"));
    }
    if e.action.kind != agenda::ActionKind::ResultDue {
        s.push_str(&words.tf("agenda.progress", &[("done", &e.done), ("total", &e.total)]));
        for c in &e.open_choices {
            s.push_str(&words.tf(
                "agenda.choice_open",
                &[("choice", &words.name(&c.name, c.name_en.as_deref()))],
            ));
        }
    }
    s
}

/// The action's day, marked when it is an estimate.
fn date(e: &agenda::AgendaEntry, words: Words) -> String {
    format!(
        "{}{}",
        e.action.date,
        render::estimated_mark(e.action.estimated, words)
    )
}

type Range<'a> = [(&'a str, &'a dyn std::fmt::Display); 2];

/// The agenda as aligned text columns.
fn agenda_text(
    entries: &[agenda::AgendaEntry],
    problems: &[crate::checklist::store::StoreProblem],
    range: &Range,
    words: Words,
    out: &mut dyn Write,
) -> Result<()> {
    if entries.is_empty() {
        writeln!(out, "{}", words.tf("agenda.none", range))?;
    } else {
        let n = entries.len();
        writeln!(
            out,
            "{}",
            words.tf("agenda.head", &[range[0], range[1], ("n", &n)])
        )?;
        // Each column as wide as its widest cell by display width
        // (a Chinese character takes two columns), so no row drifts.
        let rows: Vec<Vec<String>> = entries
            .iter()
            .map(|e| {
                vec![
                    date(e, words),
                    e.label.clone(),
                    e.region.clone(),
                    e.disease.clone(),
                    what(e, words),
                    e.id.clone(),
                ]
            })
            .collect();
        for line in crate::document::text::columns(&rows) {
            writeln!(out, "{line}")?;
        }
    }
    for p in problems {
        writeln!(out, "! {}", checklist_words::problem_text(p, words))?;
    }
    Ok(())
}

/// The agenda as a Markdown table with a box to tick on each row.
fn agenda_markdown(
    entries: &[agenda::AgendaEntry],
    problems: &[crate::checklist::store::StoreProblem],
    range: &Range,
    words: Words,
    out: &mut dyn Write,
) -> Result<()> {
    if entries.is_empty() {
        writeln!(out, "{}", words.tf("agenda.none", range))?;
    } else {
        let n = entries.len();
        writeln!(
            out,
            "## {}\n",
            words.tf("agenda.head", &[range[0], range[1], ("n", &n)])
        )?;
        let cols = [
            "agenda.col.date",
            "agenda.col.who",
            "agenda.col.region",
            "agenda.col.disease",
            "agenda.col.what",
        ];
        let head: Vec<&str> = cols.iter().map(|k| words.t(k)).collect();
        writeln!(out, "| {} | ☐ |", head.join(" | "))?;
        writeln!(out, "|{}---|", "---|".repeat(cols.len()))?;
        for e in entries {
            let cells = [
                date(e, words),
                e.label.clone(),
                e.region.clone(),
                e.disease.clone(),
                what(e, words),
            ];
            let cells: Vec<String> = cells.iter().map(|c| markdown_cell(c)).collect();
            writeln!(out, "| {} | ☐ |", cells.join(" | "))?;
        }
    }
    for p in problems {
        writeln!(
            out,
            "\n> ! {}",
            markdown_cell(&checklist_words::problem_text(p, words))
        )?;
    }
    Ok(())
}

/// Text safe in a Markdown table cell: no pipe, no line break.
fn markdown_cell(text: &str) -> String {
    text.replace('|', "／").replace(['\n', '\r'], " ")
}
