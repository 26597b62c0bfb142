//! `renew checklist …` and `renew agenda`: the saved checklists from the
//! command line. `run` sends each subcommand to its own module (listing,
//! show, tick, the renewal-cycle steps, exports, learn, the answers);
//! what they share (the current view, standing, dates typed) is here.

use std::io::Write;

use anyhow::Result;
use serde_json::json;

use super::{ChecklistCommand, Context, UsageError};
use crate::checklist::store::{Store, StoreError};
use crate::checklist::{Change, Checklist, ItemLookup, cycle, words as checklist_words};
use crate::i18n::Words;
use crate::plan::{Deadline, RenewalPlan, Status, render};

mod agenda_cmd;
mod answers;
mod exports;
mod learn;
mod listing;
mod show;
mod steps;
mod tick;

pub use agenda_cmd::agenda;
fn plan_for(ctx: &Context, c: &Checklist) -> Option<RenewalPlan> {
    c.plan(ctx.policy, ctx.today).ok()
}

/// Store errors that are the person's to fix become usage errors (exit 2);
/// the others name the file in the person's language.
pub(crate) fn user_facing(words: Words) -> impl Fn(StoreError) -> anyhow::Error {
    move |e| match e {
        StoreError::NotFound(_) | StoreError::BadId(_) | StoreError::Ambiguous { .. } => {
            UsageError(checklist_words::error_text(&e, words)).into()
        }
        StoreError::Io(e) => e.into(),
        other => anyhow::anyhow!(checklist_words::error_text(&other, words)),
    }
}

/// The checklist as today's data (and today's language) would show it,
/// with what changed since it was saved. Nothing is written: viewing is
/// not a change the person made.
fn current_view(ctx: &Context, saved: &Checklist) -> (Checklist, Vec<Change>) {
    let mut view = saved.clone();
    let changes = match plan_for(ctx, saved) {
        Some(p) => view.refresh(&p, ctx.now),
        None => Vec::new(),
    };
    (view, changes)
}

/// Where each either/or group stands: each route's ticks and the route
/// that is complete, if any.
fn choice_states_json(c: &Checklist) -> serde_json::Value {
    let states: Vec<_> = c
        .choice_states()
        .iter()
        .map(|s| {
            let routes: Vec<_> = s
                .choice
                .routes
                .iter()
                .zip(&s.routes)
                .map(|(r, (done, total))| json!({ "id": r.id, "done": done, "total": total }))
                .collect();
            json!({
                "id": s.choice.id,
                "complete_route": s.complete.and_then(|n| s.choice.routes.get(n)).map(|r| &r.id),
                "routes": routes,
            })
        })
        .collect();
    json!(states)
}

/// Where the day to apply by stands today: the plan's, else from the
/// saved window.
fn deadline(ctx: &Context, c: &Checklist, plan: Option<&RenewalPlan>) -> Deadline {
    plan.map_or_else(
        || c.window.deadline_days(ctx.today).standing,
        |p| p.deadline,
    )
}

/// Where a checklist stands today, for sorting and showing.
struct Standing {
    status: Status,
    /// Days to the end date; `None` when no renewal is needed.
    days_left: Option<i64>,
    words: String,
}

fn standing(ctx: &Context, c: &Checklist, plan: Option<&RenewalPlan>) -> Standing {
    let mut s = window_standing(ctx, c, plan);
    // Submitted: under review, in the wizard's words and mark (walk s4
    // point 3), not the window's "可以申请".
    if c.cycle.state == cycle::CycleState::Submitted {
        let next = crate::checklist::agenda::next_action(c, plan, ctx.today, ctx.policy);
        s.words = format!(
            "◇ {}",
            crate::checklist::agenda::review_words(next.as_ref(), ctx.words)
        );
    }
    s
}

fn window_standing(ctx: &Context, c: &Checklist, plan: Option<&RenewalPlan>) -> Standing {
    let words = ctx.words;
    match plan {
        Some(p) => Standing {
            status: p.status,
            days_left: p.days_left,
            words: render::status_words(p, words),
        },
        None => {
            let status = c.window.status(ctx.today);
            let renewing = status != Status::NoRenewal;
            Standing {
                status,
                days_left: renewing.then(|| (c.window.closes - ctx.today).num_days()),
                words: words.t("checklist.no_plan_status").to_string(),
            }
        }
    }
}

fn item_error(c: &Checklist, query: &str, e: ItemLookup, words: Words) -> anyhow::Error {
    let list: Vec<String> = match &e {
        ItemLookup::Ambiguous(ids) => ids
            .iter()
            .map(|&i| {
                format!(
                    "  {}. {}  {}",
                    i + 1,
                    c.items[i].id,
                    crate::checklist::item_name(&c.items[i], words)
                )
            })
            .collect(),
        ItemLookup::NotFound => c
            .items
            .iter()
            .enumerate()
            .map(|(i, it)| {
                format!(
                    "  {}. {}  {}",
                    i + 1,
                    it.id,
                    crate::checklist::item_name(it, words)
                )
            })
            .collect(),
    };
    UsageError(format!(
        "{}\n{}",
        words.tf("checklist.item_not_found", &[("q", &query)]),
        list.join("\n")
    ))
    .into()
}

pub fn run(cmd: &ChecklistCommand, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let store = &ctx.store()?;
    match cmd {
        ChecklistCommand::List { format, filter } => {
            listing::list(store, ctx, *format, filter.as_deref(), out)?
        }
        ChecklistCommand::Show { id, format } => show::show(store, ctx, id, *format, out)?,
        ChecklistCommand::Tick { id, item } => tick::tick(store, ctx, id, item, true, out)?,
        ChecklistCommand::Untick { id, item } => tick::tick(store, ctx, id, item, false, out)?,
        ChecklistCommand::Submit { id, on, channel } => {
            steps::submit(store, ctx, id, on.as_deref(), channel.as_deref(), out)?
        }
        ChecklistCommand::Approve { id, new_end, on } => {
            steps::approve(store, ctx, id, new_end, on.as_deref(), out)?
        }
        ChecklistCommand::Refuse { id, on } => steps::refuse(store, ctx, id, on.as_deref(), out)?,
        ChecklistCommand::Delete { id, yes } => steps::delete(store, ctx, id, *yes, out)?,
        ChecklistCommand::Export {
            all: true, format, ..
        } => exports::export_all(store, ctx, *format, out)?,
        ChecklistCommand::Export { id, format, .. } => {
            exports::export_one(store, ctx, id.as_deref(), *format, out)?
        }
        ChecklistCommand::Note { id, text, on } => {
            answers::note(store, ctx, id, text, on.as_deref(), out)?
        }
        ChecklistCommand::Rename { id, label } => answers::rename(store, ctx, id, label, out)?,
        ChecklistCommand::Edit {
            id,
            end,
            disease,
            scheme,
            region,
        } => {
            let change = answers::AnswerChange {
                end: end.as_deref(),
                disease: disease.as_deref(),
                scheme: scheme.as_deref(),
                region: region.as_deref(),
            };
            answers::edit(store, ctx, id, &change, out)?
        }
        ChecklistCommand::Learn { .. } => learn::learn(cmd, ctx, store, out)?,
    }
    Ok(())
}

/// The checklist a query names (id, label, pinyin), or a usage error.
fn resolve(store: &Store, ctx: &Context, query: &str) -> Result<String> {
    store
        .resolve(query, ctx.now)
        .map_err(user_facing(ctx.words))
}

/// A date the person typed (`--on`, `--new-end`), or today when none.
fn date_arg(ctx: &Context, text: Option<&str>, which: &str) -> Result<chrono::NaiveDate> {
    let words = ctx.words;
    let Some(text) = text else {
        return Ok(ctx.today);
    };
    crate::cli::not_too_long(text, which, words)?;
    crate::dates::parse_date(text).map_err(|e| {
        UsageError(words.tf(
            "cli.bad_date",
            &[
                ("input", &text),
                ("which", &words.t(which)),
                ("reason", &crate::dates::words::error_message(&e, words)),
            ],
        ))
        .into()
    })
}

/// The day the result is due, for a checklist under review.
fn result_due(
    ctx: &Context,
    c: &Checklist,
    plan: Option<&RenewalPlan>,
) -> Option<chrono::NaiveDate> {
    match cycle::view(c, plan, ctx.today, ctx.policy) {
        cycle::CycleView::Submitted(r) => r.expected_result,
        _ => None,
    }
}

/// The cycle's state and the history, as lines under a checklist's head.
/// One step of the cycle on a saved checklist: saved only when the step
/// is accepted; a refused step is the person's mistake (exit 2).
fn cycle_step<T>(
    store: &crate::checklist::store::Store,
    id: &str,
    ctx: &Context,
    step: impl FnOnce(&mut Checklist) -> Result<T, cycle::CycleError>,
) -> Result<Checklist> {
    let (c, result) = store
        .update(id, ctx.now, |c| {
            let r = step(c);
            (r.is_ok(), r)
        })
        .map_err(user_facing(ctx.words))?;
    result.map_err(|e| UsageError(e.describe(ctx.words)))?;
    Ok(c)
}

fn write_cycle(ctx: &Context, c: &Checklist, out: &mut dyn Write) -> Result<()> {
    let words = ctx.words;
    let p = plan_for(ctx, c);
    for l in cycle::view(c, p.as_ref(), ctx.today, ctx.policy).lines(words) {
        writeln!(out, "  {l}")?;
    }
    if !c.history.is_empty() {
        writeln!(out, "{}", words.t("cycle.history_label"))?;
        for h in &c.history {
            writeln!(out, "  {}", h.describe(words))?;
        }
    }
    Ok(())
}
