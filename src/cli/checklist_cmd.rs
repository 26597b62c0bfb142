//! `renew checklist …`: the saved checklists from the command line.

use std::io::Write;

use anyhow::Result;
use serde_json::json;

use super::{ChecklistCommand, Context, ExportFormat, Format, ListFormat, UsageError};
use crate::checklist::store::StoreError;
use crate::checklist::{Change, Checklist, ItemLookup, agenda, cycle, words};
use crate::document::{ics, sheet};
use crate::i18n::{t, tf};
use crate::plan::{self, Deadline, RenewalPlan, Status, render};

fn plan_for(ctx: &Context, c: &Checklist) -> Option<RenewalPlan> {
    c.plan(ctx.policy, ctx.today).ok()
}

/// Store errors that are the person's to fix become usage errors (exit 2);
/// the others name the file in the person's language.
pub(crate) fn user_facing(e: StoreError) -> anyhow::Error {
    match e {
        StoreError::NotFound(_) | StoreError::BadId(_) | StoreError::Ambiguous { .. } => {
            UsageError(words::error_text(&e)).into()
        }
        StoreError::Io(e) => e.into(),
        other => anyhow::anyhow!(words::error_text(&other)),
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
    match plan {
        Some(p) => Standing {
            status: p.status,
            days_left: p.days_left,
            words: render::status_words(p),
        },
        None => {
            let status = c.window.status(ctx.today);
            let renewing = status != Status::NoRenewal;
            Standing {
                status,
                days_left: renewing.then(|| (c.window.closes - ctx.today).num_days()),
                words: t("checklist.no_plan_status").to_string(),
            }
        }
    }
}

fn item_error(c: &Checklist, query: &str, e: ItemLookup) -> anyhow::Error {
    let list: Vec<String> = match &e {
        ItemLookup::Ambiguous(ids) => ids
            .iter()
            .map(|&i| {
                format!(
                    "  {}. {}  {}",
                    i + 1,
                    c.items[i].id,
                    crate::checklist::item_name(&c.items[i])
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
                    crate::checklist::item_name(it)
                )
            })
            .collect(),
    };
    UsageError(format!(
        "{}\n{}",
        tf("checklist.item_not_found", &[("q", &query)]),
        list.join("\n")
    ))
    .into()
}

pub fn run(cmd: &ChecklistCommand, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let store = ctx.store()?;
    let resolve = |q: &str| store.resolve(q, ctx.now).map_err(user_facing);
    match cmd {
        ChecklistCommand::List { format, filter } => {
            let (mut lists, problems) = store.list(ctx.now).map_err(user_facing)?;
            if let Some(q) = filter {
                lists = filtered(lists, q)?;
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
                                "validity_end": c.answers.validity_end, "status": s.status, "days_left": s.days_left,
                                "done": done, "total": total, "path": store.path_of(&c.id).ok(),
                                "cycle": c.cycle.state, "next_action": next,
                                "mark": agenda::mark(c, next.as_ref(), ctx.today),
                            })
                        })
                        .collect();
                    let problems: Vec<_> = problems
                        .iter()
                        .map(|p| json!({ "message": words::problem_text(p) }))
                        .collect();
                    writeln!(
                        out,
                        "{}",
                        crate::i18n::to_json(
                            &json!({ "checklists": items, "problems": problems })
                        )?
                    )?;
                }
                ListFormat::Text => {
                    if rows.is_empty() {
                        writeln!(
                            out,
                            "{}",
                            tf("checklist.none", &[("dir", &store.dir().display())])
                        )?;
                    }
                    // Each column as wide as its widest cell, by display
                    // width: a Chinese character takes two columns.
                    let cells: Vec<Vec<String>> = rows
                        .iter()
                        .map(|(c, _, s)| {
                            let (done, total) = c.progress();
                            vec![
                                c.id.clone(),
                                crate::i18n::data(&c.label),
                                crate::i18n::data(&c.region_name),
                                crate::i18n::data(&c.disease_name),
                                c.answers.validity_end.to_string(),
                                s.words.clone(),
                                format!("{done}/{total}"),
                            ]
                        })
                        .collect();
                    for line in crate::document::text::columns(&cells) {
                        writeln!(out, "{line}")?;
                    }
                    for p in &problems {
                        writeln!(out, "! {}", words::problem_text(p))?;
                    }
                }
            }
        }
        ChecklistCommand::Show { id, format } => {
            let id = resolve(id)?;
            // Shown up to date with today's data, ticks kept; the file is
            // left as it is until the person changes something.
            let saved = store.load(&id, ctx.now).map_err(user_facing)?;
            let (c, changes) = current_view(ctx, &saved);
            let p = plan_for(ctx, &c);
            let s = standing(ctx, &c, p.as_ref());
            match format {
                ListFormat::Json => {
                    let mut v = serde_json::to_value(&c)?;
                    if let Some(map) = v.as_object_mut() {
                        map.insert("status".into(), json!(s.status));
                        map.insert("days_left".into(), json!(s.days_left));
                        map.insert("deadline".into(), json!(deadline(ctx, &c, p.as_ref())));
                        let (done, total) = c.progress();
                        map.insert("done".into(), json!(done));
                        map.insert("total".into(), json!(total));
                        map.insert("choice_states".into(), choice_states_json(&c));
                        map.insert(
                            "changes".into(),
                            json!(changes.iter().map(Change::describe).collect::<Vec<_>>()),
                        );
                        map.insert("path".into(), json!(store.path_of(&c.id).ok()));
                        let view = cycle::view(&c, p.as_ref(), ctx.today, ctx.policy);
                        map.insert("cycle".into(), serde_json::to_value(&view)?);
                        let history: Vec<_> = c
                            .history
                            .iter()
                            .map(|h| {
                                let mut v = serde_json::to_value(h).unwrap_or_default();
                                if let Some(m) = v.as_object_mut() {
                                    m.insert("text".into(), json!(h.describe()));
                                }
                                v
                            })
                            .collect();
                        map.insert("history".into(), json!(history));
                        map.insert(
                            "next_action".into(),
                            json!(agenda::next_action(&c, p.as_ref(), ctx.today, ctx.policy)),
                        );
                        // The day to apply by as the plan counts it, marked
                        // when it rests on what the person was told.
                        map.insert("apply_by".into(), json!(p.as_ref().map(|p| &p.apply_by)));
                        map.insert(
                            "learned_used".into(),
                            json!(p.as_ref().map(|p| &p.learned).unwrap_or(&Vec::new())),
                        );
                    }
                    writeln!(out, "{}", crate::i18n::to_json(&v)?)?;
                }
                ListFormat::Text => {
                    writeln!(
                        out,
                        "{}",
                        tf(
                            "checklist.show.head",
                            &[
                                ("label", &c.label),
                                ("id", &c.id),
                                ("region", &c.region_name),
                                ("disease", &c.disease_name)
                            ]
                        )
                    )?;
                    // No window where nothing is to be renewed: the status
                    // alone, with the end date the person gave.
                    let window = if c.window.no_renewal {
                        tf(
                            "checklist.show.no_renewal",
                            &[("end", &c.answers.validity_end), ("status", &s.words)],
                        )
                    } else {
                        tf(
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
                    let learned = p.as_ref().map(render::learned_lines).unwrap_or_default();
                    if !learned.is_empty() {
                        writeln!(out, "{}", t("plan.learned.heading"))?;
                        for line in learned {
                            writeln!(out, "  · {line}")?;
                        }
                    }
                    if p.is_none() {
                        writeln!(out, "! {}", t("checklist.sheet.no_plan"))?;
                    }
                    // A passed day, or none, in the plan's own words (a
                    // closed window is the cycle's "late" line below).
                    if let Some(p) = &p
                        && c.cycle.state == cycle::CycleState::Preparing
                        && matches!(p.deadline, Deadline::Passed | Deadline::Unknown)
                        && let Some(line) = render::apply_by_line(p)
                    {
                        writeln!(out, "! {line}")?;
                    }
                    write_cycle(ctx, &c, out)?;
                    if !changes.is_empty() {
                        writeln!(out, "{}", t("checklist.show.changed"))?;
                        for ch in &changes {
                            writeln!(out, "  ! {}", ch.describe())?;
                        }
                    }
                    writeln!(out)?;
                    for l in sheet::item_lines(&c, 78, false, ctx.today) {
                        writeln!(out, "{l}")?;
                    }
                    writeln!(out)?;
                    if !c.notes.is_empty() {
                        writeln!(out, "{}", t("checklist.show.notes"))?;
                        for n in &c.notes {
                            writeln!(
                                out,
                                "  {}",
                                crate::checklist::notes::note_line(n, ctx.today)
                            )?;
                        }
                        writeln!(out)?;
                    }
                    writeln!(out, "{}", tf("checklist.show.hint", &[("id", &c.id)]))?;
                }
            }
        }
        ChecklistCommand::Tick { id, item } | ChecklistCommand::Untick { id, item } => {
            let done = matches!(cmd, ChecklistCommand::Tick { .. });
            let id = resolve(id)?;
            // Numbers are those `show` gave, from the current view. Only the
            // ticks are written, unless an item is new in the data: then
            // the checklist is brought up to date too. Every item is found
            // before anything changes: one bad item writes nothing.
            let (saved, found) = store
                .update(&id, ctx.now, |c| {
                    let (view, _) = current_view(ctx, c);
                    let mut ids = Vec::with_capacity(item.len());
                    for q in item {
                        match view.find_item(q) {
                            Ok(i) => ids.push(view.items[i].id.clone()),
                            Err(e) => return (false, Err((q.clone(), e))),
                        }
                    }
                    if ids.iter().any(|id| !c.items.iter().any(|it| &it.id == id)) {
                        *c = view;
                    } else if c.choices != view.choices {
                        // An older file gets its either/or groups, so the
                        // file counts as it is shown.
                        c.choices = view.choices;
                    }
                    let mut changed = false;
                    for item_id in &ids {
                        let j = c.items.iter().position(|it| &it.id == item_id);
                        changed |= j.is_some_and(|j| c.set_done(j, done, ctx.now));
                    }
                    (changed, Ok(ids))
                })
                .map_err(user_facing)?;
            let (c, _) = current_view(ctx, &saved);
            let ids = found.map_err(|(q, e)| item_error(&c, &q, e))?;
            let (d, total) = c.progress();
            for (q, item_id) in item.iter().zip(&ids) {
                let Some((i, it)) = c.items.iter().enumerate().find(|(_, it)| &it.id == item_id)
                else {
                    return Err(item_error(&c, q, ItemLookup::NotFound));
                };
                writeln!(
                    out,
                    "{}",
                    tf(
                        "checklist.ticked",
                        &[
                            ("mark", &if it.done { "☑" } else { "☐" }),
                            ("n", &(i + 1)),
                            (
                                "text",
                                &format!(
                                    "{}{}",
                                    crate::checklist::route_tag(&c, it).unwrap_or_default(),
                                    crate::checklist::item_text(it, &c.window, ctx.today)
                                )
                            ),
                            ("done", &d),
                            ("total", &total)
                        ]
                    )
                )?;
            }
        }
        ChecklistCommand::Submit { id, on, channel } => {
            let id = resolve(id)?;
            let on = date_arg(ctx, on.as_deref(), "cli.which.on")?;
            if let Some(q) = channel {
                super::not_too_long(q, "cli.what.channel")?;
            }
            let c = cycle_step(&store, &id, ctx, |c| {
                cycle::submit(c, on, channel.as_deref(), ctx.policy, ctx.today, ctx.now)
            })?;
            writeln!(
                out,
                "{}",
                tf("cli.cycle.submitted", &[("label", &c.label), ("date", &on)])
            )?;
            write_cycle(ctx, &c, out)?;
        }
        ChecklistCommand::Approve { id, new_end, on } => {
            let id = resolve(id)?;
            let new_end = date_arg(ctx, Some(new_end), "cli.which.new_end")?;
            let on = date_arg(ctx, on.as_deref(), "cli.which.on")?;
            let c = cycle_step(&store, &id, ctx, |c| {
                cycle::approve(c, new_end, on, ctx.policy, ctx.today, ctx.now)
            })?;
            writeln!(
                out,
                "{}",
                tf(
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
                writeln!(out, "  {}", h.describe())?;
            }
        }
        ChecklistCommand::Refuse { id, on } => {
            let id = resolve(id)?;
            let on = date_arg(ctx, on.as_deref(), "cli.which.on")?;
            let c = cycle_step(&store, &id, ctx, |c| {
                cycle::refuse(c, on, ctx.today, ctx.now)
            })?;
            writeln!(
                out,
                "{}",
                tf("cli.cycle.refused", &[("label", &c.label), ("date", &on)])
            )?;
            write_cycle(ctx, &c, out)?;
        }
        ChecklistCommand::Delete { id, yes } => {
            let id = resolve(id)?;
            if !yes {
                return Err(UsageError(tf("checklist.delete_needs_yes", &[("id", &id)])).into());
            }
            store.delete(&id).map_err(user_facing)?;
            writeln!(out, "{}", tf("checklist.deleted", &[("id", &id)]))?;
        }
        ChecklistCommand::Export {
            all: true, format, ..
        } => {
            if *format != ExportFormat::Ics {
                return Err(UsageError(t("checklist.export_all_ics_only").to_string()).into());
            }
            let (lists, problems) = store.list(ctx.now).map_err(user_facing)?;
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
            write!(out, "{}", ics::ics_all(&entries, ctx.today))?;
            for p in &problems {
                eprintln!("! {}", words::problem_text(p));
            }
        }
        ChecklistCommand::Export { id, format, .. } => {
            let Some(id) = id else {
                return Err(UsageError(t("checklist.export_needs_id").to_string()).into());
            };
            let id = resolve(id)?;
            let saved = store.load(&id, ctx.now).map_err(user_facing)?;
            // One reference day for the whole output: the items' dates are
            // made again for today's plan, as `show` does; nothing is written.
            let (c, _) = current_view(ctx, &saved);
            let p = plan_for(ctx, &c);
            match format {
                ExportFormat::Json => writeln!(out, "{}", crate::i18n::to_json(&c)?)?,
                ExportFormat::Ics => write!(
                    out,
                    "{}",
                    ics::ics(&c, p.as_ref(), result_due(ctx, &c, p.as_ref()), ctx.today,)
                )?,
                ExportFormat::Markdown => {
                    write!(out, "{}", sheet::sheet(&c, p.as_ref(), ctx.today, true))?
                }
                ExportFormat::Text => {
                    write!(out, "{}", sheet::sheet(&c, p.as_ref(), ctx.today, false))?
                }
                ExportFormat::Pack => write_learned_pack(ctx, &c, p.as_ref(), out)?,
            }
        }
        ChecklistCommand::Note { id, text, on } => note(&store, ctx, id, text, on.as_deref(), out)?,
        ChecklistCommand::Rename { id, label } => rename(&store, ctx, id, label, out)?,
        ChecklistCommand::Edit {
            id,
            end,
            disease,
            scheme,
            region,
        } => {
            let change = AnswerChange {
                end: end.as_deref(),
                disease: disease.as_deref(),
                scheme: scheme.as_deref(),
                region: region.as_deref(),
            };
            edit(&store, ctx, id, &change, out)?
        }
        ChecklistCommand::Learn { .. } => learn(cmd, ctx, &store, out)?,
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
    use crate::checklist::learned_pack::{PackProblem, learned_region};
    let Some(plan) = plan else {
        return Err(anyhow::anyhow!(t("checklist.sheet.no_plan").to_string()));
    };
    match learned_region(ctx.policy, c, plan) {
        Ok(file) => writeln!(out, "{}", crate::i18n::to_json(&file)?)?,
        Err(PackProblem::NothingLearned) => {
            return Err(UsageError(tf("cli.learn.nothing_to_export", &[("id", &c.id)])).into());
        }
        Err(PackProblem::NoRegion(_)) => {
            return Err(anyhow::anyhow!(t("checklist.sheet.no_plan").to_string()));
        }
    }
    Ok(())
}

/// What `checklist learn` was asked to do, checked before anything is
/// written: one fact with its value, or one to take back.
enum LearnAction {
    Set(crate::plan::learned::LearnedField, u32),
    Forget(crate::plan::learned::LearnedField),
}

/// The one fact (or `--forget`) of a `checklist learn` command line, every
/// value checked: a usage error in the person's language naming the flag
/// otherwise.
fn learn_action(cmd: &ChecklistCommand) -> Result<LearnAction> {
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
        return Err(UsageError(t("cli.learn.one_flag").to_string()).into());
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
            .ok_or_else(|| UsageError(tf("cli.learn.bad_field", &[("value", f)])).into()),
        ([(field, None)], None) => Ok(LearnAction::Set(*field, 1)),
        ([(field, Some(text))], None) => {
            let range = field.range().unwrap_or(1..=1);
            let bad = || {
                UsageError(tf(
                    "cli.learn.bad_number",
                    &[
                        ("flag", &field.flag()),
                        ("value", text),
                        ("min", range.start()),
                        ("max", range.end()),
                    ],
                ))
            };
            super::not_too_long(text, "cli.what.from").map_err(|_| bad())?;
            let n: u32 = crate::text::to_half_width(text.trim())
                .parse()
                .map_err(|_| bad())?;
            if !range.contains(&n) {
                return Err(bad().into());
            }
            Ok(LearnAction::Set(*field, n))
        }
        _ => Err(UsageError(t("cli.learn.one_flag").to_string()).into()),
    }
}

/// `renew checklist learn`: records (or takes back) what the person was
/// told in the saved checklist, brings its items and window up to date
/// with the plan counted with it, and says what it now gives.
fn learn(
    cmd: &ChecklistCommand,
    ctx: &Context,
    store: &crate::checklist::store::Store,
    out: &mut dyn Write,
) -> Result<()> {
    let ChecklistCommand::Learn { id, from, on, .. } = cmd else {
        return Ok(());
    };
    // Everything is checked before the file is touched.
    let action = learn_action(cmd)?;
    let on = date_arg(ctx, on.as_deref(), "cli.which.on")?;
    if on > ctx.today {
        return Err(UsageError(tf(
            "cycle.error.future",
            &[("on", &on), ("today", &ctx.today)],
        ))
        .into());
    }
    let from = match from.as_deref().map(str::trim) {
        Some(f) if !f.is_empty() => {
            super::not_too_long(f, "cli.what.from")?;
            Some(f.to_string())
        }
        _ => None,
    };
    let id = store.resolve(id, ctx.now).map_err(user_facing)?;
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
        .map_err(user_facing)?;
    match (action, forgot) {
        (_, Some((field, false))) => writeln!(
            out,
            "{}",
            tf("cli.learn.nothing_to_forget", &[("flag", &field.flag())])
        )?,
        (LearnAction::Forget(field), _) => writeln!(
            out,
            "{}",
            tf(
                "cli.learn.forgot",
                &[("label", &saved.label), ("flag", &field.flag())]
            )
        )?,
        (LearnAction::Set(..), _) => {}
    }
    let p = plan_for(ctx, &saved);
    if let Some(p) = &p {
        for line in render::learned_lines(p) {
            writeln!(
                out,
                "{}",
                tf(
                    "cli.learn.saved",
                    &[("label", &saved.label), ("fact", &line)]
                )
            )?;
        }
        if let Some(line) = render::apply_by_line(p) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// The checklists whose label, region, disease, id or notes match `query`
/// as the wizard's filter matches them (pinyin and initials too).
fn filtered(lists: Vec<Checklist>, query: &str) -> Result<Vec<Checklist>> {
    super::not_too_long(query, "cli.what.filter")?;
    let keys = agenda::filter_keys(&lists);
    let keep = agenda::filter(&keys, query);
    Ok(lists
        .into_iter()
        .enumerate()
        .filter(|(i, _)| keep.contains(i))
        .map(|(_, c)| c)
        .collect())
}

/// `checklist note ID TEXT [--on DATE]`: a dated note on the checklist.
fn note(
    store: &crate::checklist::store::Store,
    ctx: &Context,
    id: &str,
    text: &str,
    on: Option<&str>,
    out: &mut dyn Write,
) -> Result<()> {
    let id = store.resolve(id, ctx.now).map_err(user_facing)?;
    let on = date_arg(ctx, on, "cli.which.note_on")?;
    if !(crate::checklist::store::EARLIEST_DATE..=crate::checklist::store::LATEST_DATE)
        .contains(&on)
    {
        return Err(UsageError(cycle::CycleError::OutOfRange(on).describe()).into());
    }
    let (c, result) = store
        .update(&id, ctx.now, |c| {
            let r = c.add_note(on, text, ctx.now);
            (r.is_ok(), r)
        })
        .map_err(user_facing)?;
    result.map_err(|p| UsageError(words::note_problem_text(p)))?;
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
        tf("checklist.noted", &[("label", &c.label), ("line", &line)])
    )?;
    writeln!(
        out,
        "{}",
        tf("checklist.notes_count", &[("n", &c.notes.len())])
    )?;
    Ok(())
}

/// `checklist rename ID LABEL`, as F2 in the wizard.
fn rename(
    store: &crate::checklist::store::Store,
    ctx: &Context,
    id: &str,
    label: &str,
    out: &mut dyn Write,
) -> Result<()> {
    let id = store.resolve(id, ctx.now).map_err(user_facing)?;
    let label = label.trim();
    if label.is_empty() {
        return Err(UsageError(t("tui.rename.empty").to_string()).into());
    }
    crate::checklist::check_label(label).map_err(|p| UsageError(words::label_problem_text(p)))?;
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
        .map_err(user_facing)?;
    writeln!(
        out,
        "{}",
        tf(
            "checklist.renamed",
            &[("old", &old), ("label", &c.label), ("id", &c.id)]
        )
    )?;
    Ok(())
}

/// What `checklist edit` was asked to change; `None` keeps the answer.
struct AnswerChange<'a> {
    end: Option<&'a str>,
    disease: Option<&'a str>,
    scheme: Option<&'a str>,
    region: Option<&'a str>,
}

/// `checklist edit ID [--end] [--disease] [--scheme] [--region]`: new
/// answers, the items made again for them, ticks kept by item id (as F3
/// in the wizard). A new region without `--disease` looks for the same
/// disease by name in the new region's list.
fn edit(
    store: &crate::checklist::store::Store,
    ctx: &Context,
    id: &str,
    change: &AnswerChange,
    out: &mut dyn Write,
) -> Result<()> {
    let id = store.resolve(id, ctx.now).map_err(user_facing)?;
    if change.end.is_none()
        && change.disease.is_none()
        && change.scheme.is_none()
        && change.region.is_none()
    {
        return Err(UsageError(t("checklist.edit_nothing").to_string()).into());
    }
    let saved = store.load(&id, ctx.now).map_err(user_facing)?;
    let mut answers = saved.answers.clone();
    let mut typed = saved.typed_disease.clone();
    let region_key = change.region.unwrap_or(&saved.answers.region);
    let choice = super::find_region(ctx.policy, region_key)?;
    let region = &ctx.policy.regions[choice.region];
    answers.region = choice.key.clone();
    if let Some(s) = change.scheme {
        answers.scheme = super::find_scheme(s)?;
    }
    let disease = match (change.disease, change.region) {
        (Some(d), _) => Some(d),
        // The same disease in the new region, by the name it was saved with.
        (None, Some(_)) => Some(saved.disease_name.as_str()),
        (None, None) => None,
    };
    if let Some(d) = disease {
        let (found, t) = super::find_disease(region, d)?;
        answers.disease = found.id.clone();
        typed = t;
    }
    if let Some(end) = change.end {
        super::not_too_long(end, "cli.which.end")?;
        let read = crate::dates::read_end_date(end, ctx.today).map_err(|e| {
            UsageError(tf(
                "cli.bad_date",
                &[
                    ("input", &end),
                    ("which", &t("cli.which.end")),
                    ("reason", &crate::dates::words::error_message(&e)),
                ],
            ))
        })?;
        answers.validity_end = read.date;
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
        .map_err(user_facing)?;
    writeln!(
        out,
        "{}",
        tf(
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
        writeln!(out, "  ! {}", ch.describe())?;
    }
    let (done, total) = c.progress();
    writeln!(
        out,
        "{}",
        tf(
            "checklist.edited_progress",
            &[("done", &done), ("total", &total)]
        )
    )?;
    Ok(())
}

/// A date the person typed (`--on`, `--new-end`), or today when none.
fn date_arg(ctx: &Context, text: Option<&str>, which: &str) -> Result<chrono::NaiveDate> {
    let Some(text) = text else {
        return Ok(ctx.today);
    };
    super::not_too_long(text, which)?;
    crate::dates::parse_date(text).map_err(|e| {
        UsageError(tf(
            "cli.bad_date",
            &[
                ("input", &text),
                ("which", &t(which)),
                ("reason", &crate::dates::words::error_message(&e)),
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
        .map_err(user_facing)?;
    result.map_err(|e| UsageError(e.describe()))?;
    Ok(c)
}

fn write_cycle(ctx: &Context, c: &Checklist, out: &mut dyn Write) -> Result<()> {
    let p = plan_for(ctx, c);
    for l in cycle::view(c, p.as_ref(), ctx.today, ctx.policy).lines() {
        writeln!(out, "  {l}")?;
    }
    if !c.history.is_empty() {
        writeln!(out, "{}", t("cycle.history_label"))?;
        for h in &c.history {
            writeln!(out, "  {}", h.describe())?;
        }
    }
    Ok(())
}

/// `renew agenda`: every checklist's next action from today to `days`
/// ahead, overdue ones first. Nothing due is `NothingDue` (exit status 1).
pub fn agenda(ctx: &Context, days: u32, format: Format, out: &mut dyn Write) -> Result<()> {
    let store = ctx.store()?;
    let (mut lists, problems) = store.list(ctx.now).map_err(user_facing)?;
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
    let what = |e: &agenda::AgendaEntry| {
        let key = match e.action.kind {
            agenda::ActionKind::Prepare => "agenda.kind.prepare",
            agenda::ActionKind::ApplyBy => "agenda.kind.apply_by",
            agenda::ActionKind::WindowCloses => "agenda.kind.window_closes",
            agenda::ActionKind::ResultDue => "agenda.kind.result_due",
            agenda::ActionKind::Late => "agenda.kind.late",
        };
        let mut s = t(key).to_string();
        if e.action.overdue {
            s.push_str(t("agenda.overdue"));
        }
        // While preparing: how far, and any either/or still to settle.
        if e.action.kind != agenda::ActionKind::ResultDue {
            s.push_str(&tf(
                "agenda.progress",
                &[("done", &e.done), ("total", &e.total)],
            ));
            for c in &e.open_choices {
                s.push_str(&tf(
                    "agenda.choice_open",
                    &[("choice", &crate::i18n::name(&c.name, c.name_en.as_deref()))],
                ));
            }
        }
        s
    };
    let date = |e: &agenda::AgendaEntry| {
        format!(
            "{}{}",
            e.action.date,
            render::estimated_mark(e.action.estimated)
        )
    };
    let range = [
        ("from", &ctx.today as &dyn std::fmt::Display),
        ("to", &last),
    ];
    match format {
        Format::Json => {
            let v = json!({
                "today": ctx.today, "until": last, "days": days, "entries": entries,
                "problems": problems.iter().map(|p| json!({ "message": words::problem_text(p) })).collect::<Vec<_>>(),
            });
            writeln!(out, "{}", crate::i18n::to_json(&v)?)?;
        }
        Format::Text => {
            if entries.is_empty() {
                writeln!(out, "{}", tf("agenda.none", &range))?;
            } else {
                let n = entries.len();
                writeln!(
                    out,
                    "{}",
                    tf("agenda.head", &[range[0], range[1], ("n", &n)])
                )?;
                // Each column as wide as its widest cell by display width
                // (a Chinese character takes two columns), so no row drifts.
                let rows: Vec<Vec<String>> = entries
                    .iter()
                    .map(|e| {
                        vec![
                            date(e),
                            e.label.clone(),
                            e.region.clone(),
                            e.disease.clone(),
                            what(e),
                            e.id.clone(),
                        ]
                    })
                    .collect();
                for line in crate::document::text::columns(&rows) {
                    writeln!(out, "{line}")?;
                }
            }
            for p in &problems {
                writeln!(out, "! {}", words::problem_text(p))?;
            }
        }
        Format::Markdown => {
            if entries.is_empty() {
                writeln!(out, "{}", tf("agenda.none", &range))?;
            } else {
                let n = entries.len();
                writeln!(
                    out,
                    "## {}\n",
                    tf("agenda.head", &[range[0], range[1], ("n", &n)])
                )?;
                let cols = [
                    "agenda.col.date",
                    "agenda.col.who",
                    "agenda.col.region",
                    "agenda.col.disease",
                    "agenda.col.what",
                ];
                let head: Vec<&str> = cols.iter().map(|k| t(k)).collect();
                writeln!(out, "| {} | ☐ |", head.join(" | "))?;
                writeln!(out, "|{}---|", "---|".repeat(cols.len()))?;
                for e in &entries {
                    let cells = [
                        date(e),
                        e.label.clone(),
                        e.region.clone(),
                        e.disease.clone(),
                        what(e),
                    ];
                    let cells: Vec<String> = cells.iter().map(|c| markdown_cell(c)).collect();
                    writeln!(out, "| {} | ☐ |", cells.join(" | "))?;
                }
            }
            for p in &problems {
                writeln!(out, "\n> ! {}", markdown_cell(&words::problem_text(p)))?;
            }
        }
    }
    if entries.is_empty() {
        return Err(super::NothingDue.into());
    }
    Ok(())
}

/// Text safe in a Markdown table cell: no pipe, no line break.
fn markdown_cell(text: &str) -> String {
    text.replace('|', "／").replace(['\n', '\r'], " ")
}
