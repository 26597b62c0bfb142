//! `renew checklist list`.

use std::io::Write;

use anyhow::Result;
use serde_json::json;

use super::{Standing, plan_for, standing, user_facing};
use crate::checklist::store::Store;
use crate::checklist::{Checklist, agenda, words as checklist_words};
use crate::cli::{Context, ListFormat};
use crate::i18n::Words;
use crate::plan::RenewalPlan;

/// `checklist list [--filter Q]`: every checklist, in the wizard's order
/// (issue 22: one ordering), as a table or JSON.
pub(super) fn list(
    store: &Store,
    ctx: &Context,
    format: ListFormat,
    filter: Option<&str>,
    out: &mut dyn Write,
) -> Result<()> {
    let words = ctx.words;
    let (mut lists, problems) = store.list(ctx.now).map_err(user_facing(ctx.words))?;
    let saved = lists.len();
    if let Some(q) = filter {
        lists = filtered(lists, q, ctx.policy, ctx.words)?;
    }
    let rows: Vec<(Checklist, Option<RenewalPlan>, Standing)> = lists
        .into_iter()
        .map(|mut c| {
            let p = plan_for(ctx, &c);
            // Counted as `show` counts (an older file gets its
            // either/or groups from the data); nothing is written.
            if let Some(p) = &p {
                c.refresh(p, ctx.now);
            }
            let s = standing(ctx, &c, p.as_ref());
            (c, p, s)
        })
        .collect();
    // The wizard's order (issue 22: one ordering).
    let mut keyed: Vec<_> = rows
        .into_iter()
        .map(|row| (agenda::list_action(&row.0, ctx.today, ctx.policy), row))
        .collect();
    keyed.sort_by(|(a, x), (b, y)| {
        agenda::list_key(a.as_ref(), &x.0).cmp(&agenda::list_key(b.as_ref(), &y.0))
    });
    let rows: Vec<_> = keyed.into_iter().map(|(_, row)| row).collect();
    match format {
        ListFormat::Json => {
            let items: Vec<_> = rows
                    .iter()
                    .map(|(c, p, s)| {
                        let (done, total) = c.progress();
                        let next = agenda::next_action(c, p.as_ref(), ctx.today, ctx.policy);
                        json!({
                            "id": c.id, "label": c.label, "region": c.region_name, "disease": c.disease_name,
                            "typed_disease": c.typed_disease.as_ref().map(|t| t.shown()),
                            "validity_end": c.answers.validity_end, "status": s.status, "days_left": s.days_left,
                            "done": done, "total": total, "path": store.path_of(&c.id).ok(),
                            "cycle": c.cycle.state, "next_action": next,
                            "mark": agenda::mark(c, next.as_ref(), ctx.today),
                        })
                    })
                    .collect();
            let problems: Vec<_> = problems
                .iter()
                .map(|p| json!({ "message": checklist_words::problem_text(p, words) }))
                .collect();
            writeln!(
                out,
                "{}",
                crate::i18n::to_json(&json!({ "checklists": items, "problems": problems }))?
            )?;
        }
        ListFormat::Text => {
            match filter {
                // Saved ones, none of them matching: not "none saved yet".
                Some(q) if rows.is_empty() && saved > 0 => writeln!(
                    out,
                    "{}",
                    words.tf(
                        "checklist.none_match",
                        &[("filter", &words.data(q)), ("count", &saved)]
                    )
                )?,
                _ if rows.is_empty() => writeln!(
                    out,
                    "{}",
                    words.tf("checklist.none", &[("dir", &store.dir().display())])
                )?,
                _ => {}
            }
            // Each column as wide as its widest cell, by display
            // width: a Chinese character takes two columns.
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|(c, _, s)| {
                    let (done, total) = c.progress();
                    vec![
                        c.id.clone(),
                        words.data(&c.label),
                        words.data(&c.region_name),
                        words.data(&c.disease_shown(words)),
                        c.answers.validity_end.to_string(),
                        s.words.clone(),
                        // Nothing required (no renewal): "-", as the wizard.
                        match total {
                            0 => "-".to_string(),
                            _ => format!("{done}/{total}"),
                        },
                    ]
                })
                .collect();
            for line in crate::document::text::columns(&cells) {
                writeln!(out, "{line}")?;
            }
            for p in &problems {
                writeln!(out, "! {}", checklist_words::problem_text(p, words))?;
            }
        }
    }
    Ok(())
}

/// The checklists whose label, region, disease, id or notes match `query`
/// as the wizard's filter matches them (pinyin and initials too).
fn filtered(
    lists: Vec<Checklist>,
    query: &str,
    policy: &crate::policy::PolicySet,
    words: Words,
) -> Result<Vec<Checklist>> {
    crate::cli::not_too_long(query, "cli.what.filter", words)?;
    let keys = agenda::filter_keys(&lists, policy);
    let keep = agenda::filter(&keys, query);
    Ok(lists
        .into_iter()
        .enumerate()
        .filter(|(i, _)| keep.contains(i))
        .map(|(_, c)| c)
        .collect())
}
