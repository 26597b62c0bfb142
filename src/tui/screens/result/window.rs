//! The window pane: where the renewal stands, a bar of the time left, the
//! key dates beside month calendars, then the rules and whom to call.

use chrono::{Datelike, NaiveDate};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{LAID_KEPT, PLAIN, ResultView};
use crate::dates::words::weekday;
use crate::document::SectionKind;
use crate::document::text::wrap;
use crate::i18n::Words;
use crate::plan::render;
use crate::plan::{RenewalPlan, RenewalWindow, Status};
use crate::tui::theme::Theme;
use crate::tui::view::{section, status_glyph, status_style, text_line};

/// A month calendar: the window underlined, the grace period after it in
/// the warning style, today `>`, the suggested apply-by day `*`, the end
/// date `!`.
pub(crate) fn month_lines(
    plan: &RenewalPlan,
    year: i32,
    month: u32,
    theme: &Theme,
    words: Words,
) -> Vec<Line<'static>> {
    let mut lines = vec![text_line(
        words,
        &format!(
            "     {}",
            words.tf(
                "tui.cal.month",
                &[
                    ("year", &year),
                    ("name", &crate::dates::words::month_name(month, words))
                ]
            )
        ),
        theme.heading(),
    )];
    lines.push(text_line(words, words.t("tui.cal.weekdays"), theme.dim()));
    let (Some(first), Some(w)) = (NaiveDate::from_ymd_opt(year, month, 1), &plan.window) else {
        return lines;
    };
    let lead = first.weekday().num_days_from_monday() as usize;
    let days = crate::dates::last_day_of_month(year, month);
    let apply_by = plan.apply_by.as_ref().map(|a| a.date);
    let mut spans: Vec<Span> = vec![Span::raw("   ".repeat(lead))];
    for day in 1..=days {
        let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
            continue;
        };
        let mark = if date == plan.today {
            ">"
        } else if date == w.closes {
            "!"
        } else if Some(date) == apply_by {
            "*"
        } else {
            " "
        };
        let style = if date == plan.today {
            theme.selected()
        } else if date >= w.opens && date <= w.closes {
            theme.in_window()
        } else if date > w.closes && date <= w.last_day() {
            theme.warn()
        } else {
            Style::new()
        };
        spans.push(Span::raw(mark.to_string()));
        spans.push(Span::styled(format!("{day:>2}"), style));
        if (lead + day as usize).is_multiple_of(7) {
            lines.push(Line::from(std::mem::take(&mut spans)));
        }
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    lines
}

/// The months worth showing: where the person stands (today, or the day
/// the window opens if it has not), the month of the apply-by day and the
/// month the window closes, so every mark the legend explains is on one.
/// Up to three months in a row are shown whole; further apart, only the
/// months that have a mark.
pub(crate) fn calendar_months(plan: &RenewalPlan) -> Vec<(i32, u32)> {
    // No window, no calendar: nothing is due on any day.
    let Some(w) = &plan.window else {
        return Vec::new();
    };
    let start = match plan.status {
        Status::NotYetOpen => w.opens,
        Status::Open | Status::Grace | Status::Expired | Status::NoRenewal => plan.today,
    };
    // A grace period's last day is a mark too.
    let mut marks: Vec<NaiveDate> = vec![start, w.closes, w.last_day()];
    marks.extend(plan.apply_by.as_ref().map(|a| a.date));
    let month = |d: NaiveDate| (d.year(), d.month());
    let mut months: Vec<(i32, u32)> = marks.into_iter().map(month).collect();
    months.sort_unstable();
    months.dedup();
    let (Some(&first), Some(&last)) = (months.first(), months.last()) else {
        return months;
    };
    let span = (last.0 - first.0) * 12 + last.1 as i32 - first.1 as i32;
    if span < 3 {
        // Close together: the months between them too, so the weeks run on.
        let mut d = NaiveDate::from_ymd_opt(first.0, first.1, 1).unwrap_or(start);
        months = (0..=span)
            .map(|_| {
                let m = month(d);
                d = d.checked_add_months(chrono::Months::new(1)).unwrap_or(d);
                m
            })
            .collect();
    }
    months
}

fn time_bar(
    plan: &RenewalPlan,
    width: usize,
    theme: &Theme,
    words: Words,
) -> Option<Line<'static>> {
    let w = plan.window.as_ref()?;
    // Both ends are days of the window (31 Dec to 31 Mar is 91 days); the
    // days gone are those before today, as `days_left` counts those after.
    // A grace period is part of the bar: applying is still possible.
    let total = (w.last_day() - w.opens).num_days().max(0) + 1;
    let gone = (plan.today - w.opens).num_days().clamp(0, total);
    let cells = width.clamp(10, 40);
    let filled = (gone as usize * cells) / total as usize;
    let (full, empty) = theme.bar();
    let said = match plan.status {
        Status::NotYetOpen => words.tf(
            "tui.bar.not_yet",
            &[("n", &plan.days_until_open.unwrap_or(0))],
        ),
        Status::Open => words.tf("tui.bar.open", &[("gone", &gone), ("total", &total)]),
        Status::Grace => words.tf(
            "tui.bar.grace",
            &[("n", &plan.grace_days_left.unwrap_or(0))],
        ),
        Status::Expired => words.t("tui.bar.expired").to_string(),
        Status::NoRenewal => return None,
    };
    Some(Line::from(vec![
        Span::raw("["),
        Span::styled(full.repeat(filled), status_style(theme, plan)),
        Span::styled(empty.repeat(cells - filled), theme.dim()),
        Span::raw(format!("] {said}")),
    ]))
}

/// The window pane: status in words and colour, key dates, a bar of time
/// left, a month calendar, then the rules and warnings.
pub(super) fn window_lines(
    view: &ResultView,
    width: usize,
    theme: &Theme,
    words: Words,
) -> Vec<Line<'static>> {
    let mut out = window_summary(view, width, theme, words);
    out.push(Line::default());
    out.extend(rule_lines(&view.plan, width, words));
    out.extend(call_lines(&view.plan, width, words));
    out
}

/// With a window: what the person was told, what to ask and whom to call,
/// as the printed plan says them (a plan without a window has them in the
/// summary, from the document's window section).
pub(super) fn call_lines(plan: &RenewalPlan, width: usize, words: Words) -> Vec<Line<'static>> {
    if plan.window.is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut block = |heading: &str, items: Vec<String>| {
        if items.is_empty() {
            return;
        }
        out.push(Line::default());
        out.extend(
            wrap(heading, width)
                .iter()
                .map(|l| text_line(words, l, Style::new())),
        );
        for item in items {
            let lines = wrap(&item, width.saturating_sub(2));
            for (i, l) in lines.iter().enumerate() {
                let lead = if i == 0 { "· " } else { "  " };
                out.push(text_line(words, &format!("{lead}{l}"), Style::new()));
            }
        }
    };
    block(
        words.t("plan.learned.heading"),
        render::learned_lines(plan, words),
    );
    block(
        words.t("plan.questions.heading"),
        plan.questions
            .iter()
            .map(|q| render::question_words(q.about, words).to_string())
            .collect(),
    );
    block(
        words.t("plan.call.heading"),
        render::contact_lines(plan, 2, words),
    );
    out
}

/// The rules of the plan (materials' age, benefits during review, lateness,
/// the cycle), wrapped.
pub(super) fn rule_lines(plan: &RenewalPlan, width: usize, words: Words) -> Vec<Line<'static>> {
    render::rules(plan, words)
        .iter()
        .flat_map(|rule| wrap(rule, width))
        .map(|l| text_line(words, &l, Style::new()))
        .collect()
}

/// Rows the window at a glance takes at `width` (it does not scroll).
pub(crate) fn summary_rows(view: &ResultView, width: usize, words: Words) -> usize {
    // Asked by the layout of every frame: counted once per width.
    let known = view
        .summary_rows
        .borrow()
        .iter()
        .find(|(w, _)| *w == width)
        .map(|(_, n)| *n);
    known.unwrap_or_else(|| {
        let n = window_summary(view, width, &PLAIN, words).len();
        let mut rows = view.summary_rows.borrow_mut();
        if rows.len() == LAID_KEPT {
            rows.remove(0);
        }
        rows.push((width, n));
        n
    })
}

/// The window at a glance: status, time bar, key dates, calendars, warnings.
/// A wide screen keeps this on the left; the rules go on the sources tab.
/// With no renewal needed: that, what still matters, and no dates at all.
pub(super) fn window_summary(
    view: &ResultView,
    width: usize,
    theme: &Theme,
    words: Words,
) -> Vec<Line<'static>> {
    let plan = &view.plan;
    // Whose data this is, when not the person's own place's: first.
    let mut out = section(view, width, &[SectionKind::Place], theme);
    let status = render::status_words(plan, words);
    out.push(text_line(
        words,
        &format!("{}{status}", status_glyph(theme, plan.status)),
        status_style(theme, plan),
    ));
    out.extend(time_bar(plan, width.saturating_sub(24), theme, words));
    match &plan.window {
        Some(w) => out.extend(calendars_and_facts(
            plan,
            &window_facts(plan, w, words),
            width,
            theme,
            words,
        )),
        None => {
            // The document's own words (the heading left out), so every
            // output says the same.
            out.push(Line::default());
            out.extend(
                section(view, width, &[SectionKind::Window], theme)
                    .into_iter()
                    .skip(1),
            );
        }
    }
    // Warnings: an expired or guessed window matters most.
    let warnings = section(view, width, &[SectionKind::Warnings], theme);
    if !warnings.is_empty() {
        out.push(Line::default());
        out.extend(warnings);
    }
    out
}

/// The window's key facts in words: its range, grace period, the apply-by
/// day (or what its absence means), the channels' extensions, the end and
/// the calendar's legend.
fn window_facts(plan: &RenewalPlan, w: &RenewalWindow, words: Words) -> Vec<String> {
    let mut facts = Vec::new();
    facts.extend(render::extension_words(plan, words));
    facts.push(
        match (w.months, w.days) {
            (_, Some(days)) => words.tf(
                "tui.window.range_days",
                &[("opens", &w.opens), ("closes", &w.closes), ("days", &days)],
            ),
            (months, None) => words.tf(
                "tui.window.range",
                &[
                    ("opens", &w.opens),
                    ("closes", &w.closes),
                    ("months", &months.unwrap_or(0)),
                ],
            ),
        } + &render::level_tag(plan, "window_months", words),
    );
    if let Some(g) = &w.grace {
        facts.push(
            words.tf(
                "tui.window.grace",
                &[("days", &g.days), ("until", &g.until)],
            ) + &render::level_tag(plan, "grace_days", words),
        );
    }
    if w.assumed {
        facts.push(words.t("tui.window.assumed").to_string());
    }
    if plan.deadline != crate::plan::Deadline::ApplyBy {
        // What a passed day, a closed window or a missing day means now,
        // as in the printed plan.
        facts.extend(render::apply_by_line(plan, words));
    } else if let Some(a) = &plan.apply_by {
        // The day with its estimate mark beside it, as every output has it
        // (the one deadline, `plan::DeadlineDays`).
        let due = plan.deadline_days();
        facts.push(words.tf(
            if a.typical {
                "tui.window.apply_by_typical"
            } else {
                "tui.window.apply_by"
            },
            &[
                (
                    "date",
                    &format!(
                        "{}{}",
                        a.date,
                        crate::plan::render::estimated_mark(due.estimated, words)
                    ),
                ),
                ("weekday", &weekday(a.date, words)),
                ("n", &a.working_days),
            ],
        ));
        // A review time the person was told: said where it came from.
        if let Some(line) = facts.last_mut() {
            line.push_str(&render::learned_tag(
                plan,
                crate::plan::learned::LearnedField::ReviewDays,
                words,
            ));
        }
    }
    facts.extend(
        plan.channels
            .iter()
            .filter(|c| c.serves_disease)
            .filter_map(|c| render::channel_extension_words(c, words)),
    );
    facts.push(words.tf(
        "tui.window.end",
        &[("date", &w.closes), ("weekday", &weekday(w.closes, words))],
    ));
    facts.push(words.t("tui.cal.legend").to_string());
    facts
}

/// The months' calendars side by side as many as fit, and `facts` beside
/// them when there is room, else above.
fn calendars_and_facts(
    plan: &RenewalPlan,
    facts: &[String],
    width: usize,
    theme: &Theme,
    words: Words,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let cal_w = 22;
    let cals: Vec<Vec<Line>> = calendar_months(plan)
        .into_iter()
        .map(|(y, m)| month_lines(plan, y, m, theme, words))
        .collect();
    let per_row = (width / cal_w).clamp(1, cals.len().max(1));
    let beside = width >= cal_w * per_row + 24 && per_row == cals.len();
    let fact_w = if beside {
        width - cal_w * per_row - 1
    } else {
        width
    };
    let fact_lines: Vec<String> = facts.iter().flat_map(|f| wrap(f, fact_w)).collect();
    if !beside {
        out.extend(fact_lines.iter().map(|l| text_line(words, l, Style::new())));
    }
    for chunk in cals.chunks(per_row) {
        let height = chunk
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(0)
            .max(if beside { fact_lines.len() } else { 0 });
        for row in 0..height {
            let mut spans: Vec<Span> = Vec::new();
            for cal in chunk {
                let line = cal.get(row).cloned().unwrap_or_default();
                let w = line.width();
                spans.extend(line.spans);
                spans.push(Span::raw(" ".repeat(cal_w.saturating_sub(w))));
            }
            if beside && let Some(f) = fact_lines.get(row) {
                spans.push(Span::raw(format!(" {f}")));
            }
            out.push(Line::from(spans));
        }
    }
    out
}
