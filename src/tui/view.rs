//! Drawing the state. Views never change state; every position comes from
//! `layout`, so clicks land where things are drawn.

use chrono::{Datelike, Days, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::app::{App, Level, ResultView, ReviewRow, Screen, Step, Tab};
use super::input::TextInput;
use super::layout::{self, ListGeom};
use super::theme::Theme;
use crate::dates::weekday;
use crate::document::SectionKind;
use crate::i18n::{t, tf};
use crate::plan::render::{self, wrap};
use crate::plan::{RenewalPlan, Status};

/// Cuts `text` to `width` display columns, ending in … when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

fn put(frame: &mut Frame, x: u16, y: u16, width: u16, line: Line) {
    let area = frame.area();
    if y >= area.height || x >= area.width {
        return;
    }
    let width = width.min(area.width - x);
    frame.render_widget(Paragraph::new(line), Rect::new(x, y, width, 1));
}

/// A line of text in one style. Everything drawn goes through here or
/// `data_span`, so in zh-Hant the policy data shows in Traditional characters.
fn text_line(text: &str, style: Style) -> Line<'static> {
    Line::from(Span::styled(crate::i18n::data(text), style))
}

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if layout::too_small(app) {
        let msg = tf(
            "tui.too_small",
            &[
                ("w", &super::app::MIN_SIZE.0),
                ("h", &super::app::MIN_SIZE.1),
                ("cw", &area.width),
                ("ch", &area.height),
            ],
        );
        put(
            frame,
            0,
            0,
            area.width,
            text_line(&fit(&msg, area.width as usize), Style::new()),
        );
        return;
    }
    frame.render_widget(Block::default().style(theme.base()), area);
    match &app.screen {
        Screen::Home => home(frame, app, theme),
        Screen::Question(step) => question(frame, app, theme, *step),
        Screen::Review { editing_label } => review(frame, app, theme, *editing_label),
        Screen::Result => result(frame, app, theme),
    }
    message_and_footer(frame, app, theme);
    if app.qr {
        qr(frame, app, theme);
    }
    if app.help {
        help(frame, theme);
    }
    if let Some(secs) = app.countdown {
        countdown(frame, theme, secs);
    }
}

/// The plan as a QR code over the whole screen, dark on light.
fn qr(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    frame.render_widget(Clear, area);
    frame.render_widget(Block::default().style(theme.base()), area);
    let Some(view) = &app.result else { return };
    let caption_rows = 1;
    match super::qr::fit(
        &view.plan,
        area.width,
        area.height.saturating_sub(caption_rows),
    ) {
        Some(code) => {
            let w = code.lines.first().map(|l| l.chars().count()).unwrap_or(0) as u16;
            let x = (area.width.saturating_sub(w)) / 2;
            for (i, l) in code.lines.iter().enumerate() {
                frame.render_widget(
                    Paragraph::new(Line::from(Span::styled(l.clone(), theme.qr()))),
                    Rect::new(x, i as u16, w, 1),
                );
            }
            let y = code.lines.len() as u16;
            let caption = tf(
                "tui.qr.caption",
                &[(
                    "level",
                    &t(["tui.qr.level0", "tui.qr.level1", "tui.qr.level2"]
                        [usize::from(code.level)]),
                )],
            );
            put(
                frame,
                1,
                y,
                area.width - 2,
                text_line(&fit(&caption, area.width as usize - 2), theme.question()),
            );
        }
        None => put(
            frame,
            1,
            1,
            area.width - 2,
            text_line(t("tui.qr.too_small"), theme.warn()),
        ),
    }
}

/// The idle kiosk's warning: the session is about to be wiped.
fn countdown(frame: &mut Frame, theme: &Theme, secs: u64) {
    let width = (frame.area().width as usize).saturating_sub(8).min(50);
    let lines = wrap(&tf("tui.countdown", &[("n", &secs)]), width);
    popup(frame, theme, None, &lines, theme.warn());
}

/// A centred box over the screen, cleared first, sized to its lines.
fn popup(frame: &mut Frame, theme: &Theme, title: Option<String>, lines: &[String], style: Style) {
    let area = frame.area();
    let width = (lines.iter().map(|l| l.width()).max().unwrap_or(10) as u16 + 4).min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = Rect::new(
        (area.width - width) / 2,
        (area.height - height) / 2,
        width,
        height,
    );
    frame.render_widget(Clear, rect);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .style(style);
    if let Some(title) = title {
        block = block.title(title);
    }
    let body: Vec<Line> = lines.iter().map(|l| text_line(l, style)).collect();
    frame.render_widget(Paragraph::new(body).block(block), rect);
}

fn header(frame: &mut Frame, app: &App, theme: &Theme, left: &str) {
    let w = frame.area().width as usize;
    let right = tf(
        "tui.today",
        &[("date", &app.today), ("weekday", &weekday(app.today))],
    );
    let left = fit(&format!(" {left}"), w.saturating_sub(right.width() + 2));
    let pad = w.saturating_sub(left.width() + right.width() + 1);
    let text = format!("{left}{}{right} ", " ".repeat(pad));
    put(frame, 0, 0, w as u16, text_line(&text, theme.header()));
}

/// The question on row 1; its explanation on rows 2–3, wrapped.
fn title_and_explain(frame: &mut Frame, theme: &Theme, question: &str, explain: &str) {
    let w = frame.area().width;
    put(
        frame,
        1,
        1,
        w - 1,
        text_line(&fit(question, w as usize - 2), theme.question()),
    );
    let lines = wrap(explain, w as usize - 2);
    for (i, l) in lines.iter().take(2).enumerate() {
        let text = if i == 1 && lines.len() > 2 {
            fit(&format!("{l}{}", lines[2]), w as usize - 2)
        } else {
            l.clone()
        };
        put(frame, 1, 2 + i as u16, w - 1, text_line(&text, theme.dim()));
    }
}

fn underlined() -> Style {
    Style::new().add_modifier(Modifier::UNDERLINED)
}

/// A labelled one-line text field on row `y`, with the terminal's cursor at
/// the caret (by display width) so an input method's candidate window
/// follows it.
fn text_field(
    frame: &mut Frame,
    y: u16,
    label: &str,
    label_style: Style,
    input: &TextInput,
    style: Style,
) {
    let w = frame.area().width;
    let line = Line::from(vec![
        Span::styled(label.to_string(), label_style),
        Span::styled(input.text.clone(), style),
    ]);
    // The field may sit over a row drawn longer (the review page's label
    // row): clear it, so no tail of the old text shows after the caret.
    if y < frame.area().height {
        frame.render_widget(Clear, Rect::new(1, y, w - 2, 1));
    }
    put(frame, 1, y, w - 2, line);
    frame.set_cursor_position((1 + label.width() as u16 + input.caret_column(), y));
}

fn list_rows(frame: &mut Frame, theme: &Theme, geom: ListGeom, rows: &[String], selected: usize) {
    let w = frame.area().width;
    for (i, row) in rows
        .iter()
        .enumerate()
        .skip(geom.offset)
        .take(usize::from(geom.height))
    {
        let y = geom.top + (i - geom.offset) as u16 * geom.stride;
        let is_sel = i == selected;
        let marker = if is_sel { theme.pointer() } else { "  " };
        let text = fit(&format!("{marker}{row}"), w as usize - 2);
        let style = if is_sel {
            theme.selected()
        } else {
            Style::new()
        };
        put(frame, 1, y, w - 2, text_line(&text, style));
    }
    if geom.offset > 0 {
        put(frame, w - 2, geom.top, 1, text_line("↑", theme.dim()));
    }
    if geom.offset + usize::from(geom.height) < rows.len() {
        put(
            frame,
            w - 2,
            geom.top + geom.height * geom.stride - 1,
            1,
            text_line("↓", theme.dim()),
        );
    }
}

fn status_style(theme: &Theme, status: Status, days_left: i64) -> Style {
    match status {
        Status::Open if days_left <= 14 => theme.warn(),
        Status::Open => theme.ok(),
        Status::NotYetOpen => theme.info(),
        Status::Expired => theme.danger(),
    }
}

fn status_glyph(theme: &Theme, status: Status) -> &'static str {
    match (status, theme.ascii) {
        (Status::Open, false) => "● ",
        (Status::NotYetOpen, false) => "○ ",
        (Status::Expired, false) => "✗ ",
        (Status::Open, true) => "* ",
        (Status::NotYetOpen, true) => "o ",
        (Status::Expired, true) => "x ",
    }
}

fn home(frame: &mut Frame, app: &App, theme: &Theme) {
    header(frame, app, theme, t("tui.app_name"));
    title_and_explain(frame, theme, t("tui.home.title"), t("tui.home.explain"));
    let mut rows = vec![t("tui.home.new").to_string()];
    for c in &app.saved {
        let status = crate::plan::status(app.today, c.window.opens, c.window.closes);
        let days = (c.window.closes - app.today).num_days();
        let words = match status {
            Status::Open => tf("tui.home.open", &[("n", &days)]),
            Status::NotYetOpen => tf(
                "tui.home.not_yet",
                &[("n", &(c.window.opens - app.today).num_days())],
            ),
            Status::Expired => tf("tui.home.expired", &[("n", &-days)]),
        };
        let (done, total) = c.progress();
        // The label, then the disease when the label is something else.
        let who = if c.label == c.disease_name {
            c.label.clone()
        } else {
            format!("{} · {}", c.label, c.disease_name)
        };
        rows.push(format!(
            "{}{who} · {} · {} {} · {words} · {done}/{total}",
            status_glyph(theme, status),
            c.region_name,
            t("tui.home.ends"),
            c.answers.validity_end
        ));
    }
    if let Some(g) = layout::list_geom(app) {
        list_rows(frame, theme, g, &rows, app.selected);
    }
    if !app.problems.is_empty() {
        let w = frame.area().width;
        let y = frame.area().height.saturating_sub(3);
        let text = crate::cli::describe_store_problem(&app.problems[0]);
        put(
            frame,
            1,
            y,
            w - 2,
            text_line(&fit(&format!("! {text}"), w as usize - 2), theme.warn()),
        );
    }
}

fn question(frame: &mut Frame, app: &App, theme: &Theme, step: Step) {
    let counter = layout::step_counter(app, step);
    header(
        frame,
        app,
        theme,
        &format!("{} · {counter}", t("tui.app_name")),
    );
    let (q, explain) = match step {
        Step::Region => (t("tui.q.region"), t("tui.e.region").to_string()),
        Step::Scheme => (t("tui.q.scheme"), t("tui.e.scheme").to_string()),
        Step::Retired => (t("tui.q.retired"), t("tui.e.retired").to_string()),
        Step::Disease => (
            t("tui.q.disease"),
            tf(
                "tui.e.disease",
                &[(
                    "region",
                    &app.region().map(|r| r.short_name.as_str()).unwrap_or(""),
                )],
            ),
        ),
        Step::End => (t("tui.q.end"), t("tui.e.end").to_string()),
        Step::Cross => (t("tui.q.cross"), t("tui.e.cross").to_string()),
    };
    title_and_explain(frame, theme, q, &explain);
    let w = frame.area().width;
    if step == Step::End {
        date_step(frame, app, theme);
        return;
    }
    let options = app.options(step);
    let visible = app.visible_options(step);
    if App::filterable(step) {
        text_field(
            frame,
            4,
            t("tui.filter"),
            theme.question(),
            &app.filter,
            Style::new(),
        );
        let hint = if visible.is_empty() {
            tf("tui.filter.none", &[("text", &app.filter.text)])
        } else if app.filter.text.is_empty() {
            t("tui.filter.hint").to_string()
        } else {
            tf("tui.filter.found", &[("n", &visible.len())])
        };
        let style = if visible.is_empty() {
            theme.danger()
        } else {
            theme.dim()
        };
        put(
            frame,
            1,
            5,
            w - 2,
            text_line(&fit(&hint, w as usize - 2), style),
        );
    }
    let rows: Vec<String> = visible
        .iter()
        .map(|&i| format!("{:>2}. {}", i + 1, options[i]))
        .collect();
    if let Some(g) = layout::list_geom(app) {
        list_rows(frame, theme, g, &rows, app.selected);
    }
}

fn date_step(frame: &mut Frame, app: &App, theme: &Theme) {
    let w = frame.area().width;
    text_field(
        frame,
        4,
        t("tui.date.label"),
        theme.question(),
        &app.date,
        underlined(),
    );
    let reading = if app.date.text.trim().is_empty() {
        text_line(t("tui.date.empty"), theme.dim())
    } else {
        match app.date_reading() {
            Ok(d) => {
                let days = (d - app.today).num_days();
                let rel = match days {
                    0 => t("prompt.rel.today").to_string(),
                    n if n > 0 => tf("prompt.rel.future", &[("n", &n)]),
                    n => tf("prompt.rel.past", &[("n", &-n)]),
                };
                let text = tf(
                    "tui.date.understood",
                    &[("date", &d), ("weekday", &weekday(d)), ("rel", &rel)],
                );
                text_line(&fit(&format!("✓ {text}"), w as usize - 2), theme.ok())
            }
            Err(e) => text_line(
                &fit(&format!("✗ {}", e.message()), w as usize - 2),
                theme.danger(),
            ),
        }
    };
    put(frame, 1, 5, w - 2, reading);
    for (i, l) in wrap(t("tui.date.formats"), w as usize - 4)
        .iter()
        .enumerate()
    {
        put(frame, 1, 7 + i as u16, w - 2, text_line(l, theme.dim()));
    }
}

fn review(frame: &mut Frame, app: &App, theme: &Theme, editing_label: bool) {
    header(
        frame,
        app,
        theme,
        &format!("{} · {}", t("tui.app_name"), t("tui.review.title")),
    );
    title_and_explain(
        frame,
        theme,
        t("tui.review.question"),
        t("tui.review.explain"),
    );
    let region = app.region();
    let answer = |step: Step| -> (String, String) {
        let d = &app.draft;
        let none = || t("tui.review.none").to_string();
        match step {
            Step::Region => (
                t("tui.review.region").into(),
                region
                    .map(|r| crate::i18n::name(&r.name, r.name_en.as_deref()))
                    .unwrap_or_else(none),
            ),
            Step::Scheme => (
                t("tui.review.scheme").into(),
                d.scheme.map(|s| s.label()).unwrap_or_else(none),
            ),
            Step::Retired => (
                t("tui.review.retired").into(),
                d.retired
                    .map(|v| t(if v { "tui.yes" } else { "tui.no" }).to_string())
                    .unwrap_or_else(none),
            ),
            Step::Disease => (
                t("tui.review.disease").into(),
                region
                    .and_then(|r| d.disease.and_then(|i| r.diseases.get(i)))
                    .map(|x| crate::i18n::name(&x.name, x.name_en.as_deref()))
                    .unwrap_or_else(none),
            ),
            Step::End => (
                t("tui.review.end").into(),
                d.end
                    .map(|e| {
                        tf(
                            "fmt.date_weekday",
                            &[("date", &e), ("weekday", &weekday(e))],
                        )
                    })
                    .unwrap_or_else(none),
            ),
            Step::Cross => (
                t("tui.review.cross").into(),
                t(if d.cross.unwrap_or(false) {
                    "tui.yes"
                } else {
                    "tui.no"
                })
                .to_string(),
            ),
        }
    };
    let label_value = app
        .draft
        .label
        .clone()
        .unwrap_or_else(|| format!("{}{}", app.default_label(), t("tui.review.default")));
    let rows: Vec<String> = app
        .review_rows()
        .into_iter()
        .map(|row| match row {
            ReviewRow::Answer(step) => {
                let (k, v) = answer(step);
                format!("{}  {v}   {}", render::pad(&k, 10), t("tui.review.change"))
            }
            ReviewRow::Label => format!(
                "{}  {label_value}   {}",
                render::pad(t("tui.review.label"), 10),
                t("tui.review.change")
            ),
            ReviewRow::Confirm => t("tui.review.confirm").to_string(),
        })
        .collect();
    if let Some(g) = layout::list_geom(app) {
        list_rows(frame, theme, g, &rows, app.selected);
        if editing_label
            && let Some(i) = app
                .review_rows()
                .iter()
                .position(|r| *r == ReviewRow::Label)
            && i >= g.offset
            && i < g.offset + usize::from(g.height)
        {
            let y = g.top + (i - g.offset) as u16 * g.stride;
            let prefix = format!(
                "{}{}  ",
                theme.pointer(),
                render::pad(t("tui.review.label"), 10)
            );
            text_field(
                frame,
                y,
                &prefix,
                theme.selected(),
                &app.label,
                underlined(),
            );
        }
    }
}

/// A month calendar: the window underlined, today `>`, the suggested
/// apply-by day `*`, the end date `!`.
pub fn month_lines(plan: &RenewalPlan, year: i32, month: u32, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![text_line(
        &format!(
            "     {}",
            tf("tui.cal.month", &[("year", &year), ("month", &month)])
        ),
        theme.heading(),
    )];
    lines.push(text_line(t("tui.cal.weekdays"), theme.dim()));
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
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
        } else if date == plan.window.closes {
            "!"
        } else if Some(date) == apply_by {
            "*"
        } else {
            " "
        };
        let inside = date >= plan.window.opens && date <= plan.window.closes;
        let style = if date == plan.today {
            theme.selected()
        } else if inside {
            theme.in_window()
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

/// The months worth showing: where today falls, or the window's key month.
fn calendar_months(plan: &RenewalPlan, count: usize) -> Vec<(i32, u32)> {
    let anchor = match plan.status {
        Status::Open => plan.today,
        Status::NotYetOpen => plan.window.opens,
        Status::Expired => plan.window.closes,
    };
    let mut out = Vec::new();
    let mut d = NaiveDate::from_ymd_opt(anchor.year(), anchor.month(), 1).unwrap_or(anchor);
    for _ in 0..count {
        out.push((d.year(), d.month()));
        d = d.checked_add_months(chrono::Months::new(1)).unwrap_or(d);
        if d > plan
            .window
            .closes
            .checked_add_days(Days::new(31))
            .unwrap_or(d)
        {
            break;
        }
    }
    out
}

fn time_bar(plan: &RenewalPlan, width: usize, theme: &Theme) -> Line<'static> {
    // Both ends are days of the window (31 Dec to 31 Mar is 91 days); the
    // days gone are those before today, as `days_left` counts those after.
    let total = (plan.window.closes - plan.window.opens).num_days().max(0) + 1;
    let gone = (plan.today - plan.window.opens).num_days().clamp(0, total);
    let cells = width.clamp(10, 40);
    let filled = (gone as usize * cells) / total as usize;
    let (full, empty) = theme.bar();
    let words = match plan.status {
        Status::NotYetOpen => tf(
            "tui.bar.not_yet",
            &[("n", &plan.days_until_open.unwrap_or(0))],
        ),
        Status::Open => tf("tui.bar.open", &[("gone", &gone), ("total", &total)]),
        Status::Expired => t("tui.bar.expired").to_string(),
    };
    Line::from(vec![
        Span::raw("["),
        Span::styled(
            full.repeat(filled),
            status_style(theme, plan.status, plan.days_left),
        ),
        Span::styled(empty.repeat(cells - filled), theme.dim()),
        Span::raw(format!("] {words}")),
    ])
}

/// The named sections of the plan at `width`: from the document `update`
/// prepared, or made now if it did not.
fn section(
    view: &ResultView,
    width: usize,
    kinds: &[SectionKind],
    theme: &Theme,
) -> Vec<Line<'static>> {
    let fresh;
    let doc = match view.sections(width) {
        Some(d) => d,
        None => {
            fresh = super::app::display_sections(&view.plan, width);
            &fresh
        }
    };
    super::document_view::section_lines(doc, kinds, width, theme)
}

/// The window pane: status in words and colour, key dates, a bar of time
/// left, a month calendar, then the rules and warnings.
fn window_lines(
    view: &ResultView,
    width: usize,
    months: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let plan = &view.plan;
    let mut out = Vec::new();
    let status = render::status_words(plan);
    out.push(text_line(
        &format!("{}{status}", status_glyph(theme, plan.status)),
        status_style(theme, plan.status, plan.days_left),
    ));
    out.push(time_bar(plan, width.saturating_sub(24), theme));
    let mut facts = vec![tf(
        "tui.window.range",
        &[
            ("opens", &plan.window.opens),
            ("closes", &plan.window.closes),
            ("months", &plan.window.months),
        ],
    )];
    if plan.window.assumed {
        facts.push(t("tui.window.assumed").to_string());
    }
    let passed = plan.status == Status::Expired
        || plan.apply_by.as_ref().is_some_and(|a| a.date < plan.today);
    if passed {
        // What a passed day means now, as in the printed plan.
        facts.extend(render::apply_by_line(plan));
    } else if let Some(a) = &plan.apply_by {
        facts.push(
            tf(
                if a.typical {
                    "tui.window.apply_by_typical"
                } else {
                    "tui.window.apply_by"
                },
                &[
                    ("date", &a.date),
                    ("weekday", &weekday(a.date)),
                    ("n", &a.working_days),
                ],
            ) + crate::plan::render::estimated_mark(a.estimated),
        );
    }
    facts.push(tf(
        "tui.window.end",
        &[
            ("date", &plan.validity_end),
            ("weekday", &weekday(plan.validity_end)),
        ],
    ));
    facts.push(t("tui.cal.legend").to_string());
    // Calendars side by side as many as fit; the facts beside them when
    // there is room, else above.
    let cal_w = 22;
    let cals: Vec<Vec<Line>> = calendar_months(plan, months)
        .into_iter()
        .map(|(y, m)| month_lines(plan, y, m, theme))
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
        out.extend(fact_lines.iter().map(|l| text_line(l, Style::new())));
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
    // Warnings first: an expired or guessed window matters most.
    let warnings = section(view, width, &[SectionKind::Warnings], theme);
    if !warnings.is_empty() {
        out.push(Line::default());
        out.extend(warnings);
    }
    out.push(Line::default());
    for rule in render::rules(plan) {
        out.extend(
            wrap(&rule, width)
                .into_iter()
                .map(|l| text_line(&l, Style::new())),
        );
    }
    out
}

fn result(frame: &mut Frame, app: &App, theme: &Theme) {
    let Some(view) = &app.result else { return };
    let plan = &view.plan;
    let w = frame.area().width;
    header(
        frame,
        app,
        theme,
        &tf(
            "tui.result.title",
            &[
                ("region", &plan.region.short_name),
                (
                    "disease",
                    &crate::i18n::name(&plan.disease.name, plan.disease.name_en.as_deref()),
                ),
                ("scheme", &plan.scheme.label()),
            ],
        ),
    );
    // Tabs: the current one reversed and marked, so it shows without colour.
    let mut spans = Vec::new();
    for (tab, label, _, _) in layout::tab_spans(app) {
        let current = tab == view.tab
            || (layout::wide(app) && view.tab == Tab::Window && tab == Tab::Checklist);
        spans.push(Span::styled(
            label,
            if current {
                theme.selected()
            } else {
                theme.dim()
            },
        ));
        spans.push(Span::raw(" "));
    }
    put(frame, 0, 1, w, Line::from(spans));

    let (left, pane) = layout::result_panes(app);
    if let Some(Rect {
        x,
        y,
        width: pw,
        height: ph,
    }) = left
    {
        let lines = window_lines(view, pw as usize - 1, 2, theme);
        frame.render_widget(Paragraph::new(lines), Rect::new(x, y, pw - 1, ph));
        let border = theme.border();
        for row in y..y + ph {
            put(
                frame,
                x + pw - 1,
                row,
                1,
                text_line(border.vertical_left, theme.dim()),
            );
        }
    }
    let Rect {
        x,
        y,
        width: pw,
        height: ph,
    } = pane;
    let tab = layout::pane_tab(app).unwrap_or(Tab::Window);
    let width = pw as usize - 1;
    let lines: Vec<Line> = match tab {
        Tab::Window => window_lines(view, width, 1, theme),
        Tab::Documents => section(view, width, &[SectionKind::Documents], theme),
        Tab::Channels => section(
            view,
            width,
            &[SectionKind::Channels, SectionKind::CrossProvince],
            theme,
        ),
        Tab::Sources => section(
            view,
            width,
            &[
                SectionKind::Examples,
                SectionKind::Notes,
                SectionKind::Sources,
            ],
            theme,
        ),
        Tab::Checklist => {
            checklist_pane(frame, app, theme, pane);
            return;
        }
    };
    let max_scroll = (lines.len() as u16).saturating_sub(ph);
    let scroll = view.scroll.min(max_scroll);
    frame.render_widget(
        Paragraph::new(lines).scroll((scroll, 0)),
        Rect::new(x, y, pw, ph),
    );
    if max_scroll > 0 {
        let mark = if scroll < max_scroll { "↓" } else { "↑" };
        put(
            frame,
            x + pw - 1,
            y + ph - 1,
            1,
            text_line(mark, theme.dim()),
        );
    }
}

fn checklist_pane(frame: &mut Frame, app: &App, theme: &Theme, pane: Rect) {
    let Rect {
        x,
        y,
        width: pw,
        height: ph,
    } = pane;
    let Some(view) = &app.result else { return };
    let Some(c) = &view.checklist else {
        put(
            frame,
            x + 1,
            y,
            pw - 1,
            text_line(t("tui.saving"), theme.dim()),
        );
        return;
    };
    let (done, total) = c.progress();
    put(
        frame,
        x + 1,
        y,
        pw - 1,
        text_line(
            &fit(
                &tf("tui.checklist.head", &[("done", &done), ("total", &total)]),
                pw as usize - 2,
            ),
            theme.question(),
        ),
    );
    let Some(g) = layout::checklist_geom(app) else {
        return;
    };
    for (i, item) in c
        .items
        .iter()
        .enumerate()
        .skip(g.offset)
        .take(usize::from(g.height))
    {
        let row = g.top + (i - g.offset) as u16;
        let selected = i == view.item;
        let marker = if selected { theme.pointer() } else { "  " };
        let optional = if item.required { "" } else { t("tui.optional") };
        let text = fit(
            &format!(
                "{marker}{} {}. {optional}{}",
                theme.check(item.done),
                i + 1,
                item.text
            ),
            pw as usize - 2,
        );
        let style = if selected {
            theme.selected()
        } else if item.done {
            theme.ok()
        } else if !item.required {
            theme.dim()
        } else {
            Style::new()
        };
        put(frame, x + 1, row, pw - 1, text_line(&text, style));
    }
    // The selected item in full, wrapped, at the bottom of the pane.
    if let Some(item) = c.items.get(view.item) {
        let lines = wrap(&item.text, pw as usize - 4);
        let top = y + ph.saturating_sub(3);
        for (i, l) in lines.iter().take(3).enumerate() {
            put(
                frame,
                x + 2,
                top + i as u16,
                pw - 3,
                text_line(l, theme.dim()),
            );
        }
    }
}

fn message_and_footer(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    let w = area.width;
    if let Some((level, text)) = &app.message {
        let style = if *level == Level::Error {
            theme.danger()
        } else {
            theme.info()
        };
        let mark = if *level == Level::Error { "✗ " } else { "" };
        put(
            frame,
            1,
            area.height - 2,
            w - 2,
            text_line(&fit(&format!("{mark}{text}"), w as usize - 2), style),
        );
    }
    let keys = match &app.screen {
        Screen::Home => t("tui.keys.home"),
        Screen::Question(Step::End) => t("tui.keys.date"),
        Screen::Question(step) if App::filterable(*step) => t("tui.keys.filter"),
        Screen::Question(_) => t("tui.keys.choice"),
        Screen::Review {
            editing_label: true,
        } => t("tui.keys.label"),
        Screen::Review { .. } => t("tui.keys.review"),
        Screen::Result if app.kiosk.is_some_and(|k| k.allow_save) => t("tui.keys.result_kiosk"),
        Screen::Result if app.kiosk.is_some() => t("tui.keys.result_kiosk_nosave"),
        Screen::Result => t("tui.keys.result"),
    };
    put(
        frame,
        0,
        area.height - 1,
        w,
        text_line(&fit(&format!(" {keys}"), w as usize), theme.header()),
    );
}

fn help(frame: &mut Frame, theme: &Theme) {
    let lines: Vec<String> = t("tui.help").split('\n').map(str::to_string).collect();
    popup(
        frame,
        theme,
        Some(format!(" {} ", t("tui.help.title"))),
        &lines,
        theme.base(),
    );
}
