//! The result: the plan in tabs (window, documents, channels, checklist,
//! sources), the checklist ticked here and saved at once.

use chrono::{Datelike, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::checklist::Checklist;
use crate::dates::words::weekday;
use crate::document::SectionKind;
use crate::document::text::wrap;
use crate::i18n::{t, tf};
use crate::plan::render;
use crate::plan::{RenewalPlan, Status};
use crate::tui::app::{App, Effect, Level};
use crate::tui::document_view::PaneText;
use crate::tui::input::TextInput;
use crate::tui::layout::{self, Areas};
use crate::tui::overlays::Overlay;
use crate::tui::theme::Theme;
use crate::tui::view::{
    fit, header, put, section, section_text, status_glyph, status_style, text_line,
};

use super::Screen;

pub use crate::tui::layout::Tab;

use std::cell::RefCell;
use std::rc::Rc;

use crate::document::text::TextLine;

/// The plan's document as the screen shows it (see `document_view`).
pub type Sections = crate::document::Document;

/// The plan's document as the screen shows it: cleaned and converted for
/// the language, once, so frames only lay it out.
pub fn display_sections(plan: &RenewalPlan, _width: usize) -> Sections {
    crate::tui::document_view::display_document(plan)
}

/// The result being shown: a fresh plan or a saved checklist reopened.
#[derive(Debug, Clone)]
pub struct ResultView {
    pub(crate) plan: RenewalPlan,
    pub(crate) checklist: Option<Checklist>,
    pub(crate) tab: Tab,
    pub(crate) scroll: u16,
    /// Selected checklist item.
    pub(crate) item: usize,
    /// Selected document on the documents tab (an index of the plan's documents).
    pub(crate) doc: usize,
    /// Opened from this row of the home list (Esc goes back there) rather
    /// than from the questions.
    pub(crate) from_home: Option<usize>,
    /// The plan's text sections wrapped for each pane width in use, made
    /// by `update` so a frame never lays the whole plan out again.
    pub(crate) text: Vec<(usize, Sections)>,
    /// The sections the last frames laid out (not the documents, whose
    /// ticks change): the same sections at the same width are drawn from
    /// here instead of wrapping the text and drawing its tables again.
    laid: RefCell<Vec<Laid>>,
    /// The window summary's height at each width it was counted for.
    summary_rows: RefCell<Vec<(usize, usize)>>,
}

/// How many laid-out sections a result keeps.
const LAID_KEPT: usize = 12;

/// Sections laid out, and what they were laid out for.
#[derive(Debug, Clone)]
struct Laid {
    kinds: Vec<SectionKind>,
    width: usize,
    ascii: bool,
    lines: Rc<Vec<TextLine>>,
}

impl ResultView {
    pub(crate) fn new(
        plan: RenewalPlan,
        checklist: Option<Checklist>,
        from_home: Option<usize>,
    ) -> ResultView {
        ResultView {
            plan,
            checklist,
            tab: Tab::Window,
            scroll: 0,
            item: 0,
            doc: 0,
            from_home,
            text: Vec::new(),
            laid: RefCell::new(Vec::new()),
            summary_rows: RefCell::new(Vec::new()),
        }
    }

    pub fn plan(&self) -> &RenewalPlan {
        &self.plan
    }

    /// The checklist: saved, or (at a kiosk) kept in memory.
    pub fn checklist(&self) -> Option<&Checklist> {
        self.checklist.as_ref()
    }

    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The selected checklist item.
    pub fn item(&self) -> usize {
        self.item
    }

    /// The selected document on the documents tab.
    pub fn document(&self) -> usize {
        self.doc
    }

    /// The checklist item of the plan's document `index`.
    pub(crate) fn document_item(&self, index: usize) -> Option<usize> {
        let id = format!("doc:{}", self.plan.documents.get(index)?.id);
        self.checklist
            .as_ref()?
            .items
            .iter()
            .position(|i| i.id == id)
    }

    /// Whether the plan's document `index` is ticked in the checklist.
    pub(crate) fn document_done(&self, index: usize) -> bool {
        self.document_item(index)
            .and_then(|i| self.checklist.as_ref()?.items.get(i))
            .is_some_and(|i| i.done)
    }

    /// The cached sections at `width`, if `update` prepared them.
    pub(crate) fn sections(&self, width: usize) -> Option<&Sections> {
        self.text.iter().find(|(w, _)| *w == width).map(|(_, s)| s)
    }

    /// The sections of `kinds` laid out at `width`, from an earlier frame's
    /// when it laid out the same (the documents are never kept).
    pub(crate) fn laid_out(
        &self,
        kinds: &[SectionKind],
        width: usize,
        ascii: bool,
    ) -> Rc<Vec<TextLine>> {
        if let Some(l) = self
            .laid
            .borrow()
            .iter()
            .find(|l| l.kinds == kinds && l.width == width && l.ascii == ascii)
        {
            return Rc::clone(&l.lines);
        }
        let doc = self.sections_at(width);
        let lines = Rc::new(crate::tui::document_view::laid_out(
            &doc, kinds, width, ascii,
        ));
        if !kinds.contains(&SectionKind::Documents) {
            let mut laid = self.laid.borrow_mut();
            // A frame lays out a few (place, warnings, the tab); a resize
            // makes them all new.
            if laid.len() == LAID_KEPT {
                laid.remove(0);
            }
            laid.push(Laid {
                kinds: kinds.to_vec(),
                width,
                ascii,
                lines: Rc::clone(&lines),
            });
        }
        lines
    }

    /// The sections at `width`: as `update` prepared them, or made now.
    pub(crate) fn sections_at(&self, width: usize) -> std::borrow::Cow<'_, Sections> {
        match self.sections(width) {
            Some(d) => std::borrow::Cow::Borrowed(d),
            None => std::borrow::Cow::Owned(display_sections(&self.plan, width)),
        }
    }

    pub(crate) fn show_tab(&mut self, tab: Tab) {
        self.tab = tab;
        self.scroll = 0;
    }

    /// Lays the text out for these pane widths, keeping a few sizes.
    pub(crate) fn prepare(&mut self, widths: &[usize]) {
        for &width in widths {
            if self.sections(width).is_none() {
                self.text.push((width, display_sections(&self.plan, width)));
            }
        }
        // Only the latest few sizes are worth keeping.
        let keep = self.text.len().saturating_sub(4);
        self.text.drain(..keep);
    }

    /// Lines the text tab is scrolled by.
    pub fn scroll(&self) -> u16 {
        self.scroll
    }
}

fn view_mut(app: &mut App) -> Option<&mut ResultView> {
    match &mut app.screen {
        Screen::Result(v) => Some(v),
        _ => None,
    }
}

pub(crate) fn key(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    let kiosk = app.kiosk();
    let can_print = app.can_print;
    let today = app.today;
    let areas = layout::areas(&app.shown());
    let Some(view) = view_mut(app) else {
        return Vec::new();
    };
    let items = view.checklist.as_ref().map(|c| c.items.len()).unwrap_or(0);
    let on_checklist = layout::pane_tab(view.tab(), &areas) == Tab::Checklist;
    let max = max_scroll(view, &areas);
    let page = areas.pane.height.max(1);
    let item_page = areas
        .checklist
        .map(|g| usize::from(g.height.max(1)))
        .unwrap_or(1);
    let last_item = items.saturating_sub(1);
    let on_documents = layout::pane_tab(view.tab(), &areas) == Tab::Documents;
    if on_documents && let Some(effects) = document_key(app, &k, &areas) {
        return effects;
    }
    let Some(view) = view_mut(app) else {
        return Vec::new();
    };
    match k.code {
        KeyCode::Tab | KeyCode::Right => view.show_tab(view.tab.next()),
        KeyCode::BackTab | KeyCode::Left => view.show_tab(view.tab.prev()),
        KeyCode::Char(c @ '1'..='5') => view.show_tab(Tab::ALL[(c as u8 - b'1') as usize]),
        KeyCode::Up if on_checklist => view.item = view.item.saturating_sub(1),
        KeyCode::Down if on_checklist => view.item = (view.item + 1).min(items.saturating_sub(1)),
        KeyCode::PageUp if on_checklist => view.item = view.item.saturating_sub(item_page),
        KeyCode::PageDown if on_checklist => view.item = (view.item + item_page).min(last_item),
        KeyCode::Up => view.scroll = view.scroll.min(max).saturating_sub(1),
        KeyCode::Down => view.scroll = (view.scroll + 1).min(max),
        // A page is the rows the pane shows.
        KeyCode::PageUp => view.scroll = view.scroll.min(max).saturating_sub(page),
        KeyCode::PageDown => view.scroll = view.scroll.saturating_add(page).min(max),
        KeyCode::Home => {
            view.scroll = 0;
            view.item = 0;
        }
        KeyCode::End => {
            view.scroll = max;
            view.item = last_item;
        }
        KeyCode::Char(' ') | KeyCode::Enter if on_checklist => {
            let i = view.item;
            return app.toggle_item(i);
        }
        KeyCode::Char('a') | KeyCode::Char('A') if on_checklist => {
            // The answer to a question of a saved checklist: a number.
            let saved = view.checklist.as_ref().filter(|c| !c.id.is_empty());
            let asked = saved.and_then(|c| {
                let field = learnable(&c.items.get(view.item)?.id)?;
                Some((c.id.clone(), field))
            });
            match asked {
                Some((id, field)) if kiosk.is_none() => {
                    app.overlays.push(Overlay::Learn {
                        id,
                        field,
                        field_input: TextInput::default(),
                    });
                    app.message = None;
                }
                _ => app.message = Some((Level::Info, t("tui.learn.not_here").into())),
            }
        }
        KeyCode::Char('n') | KeyCode::Char('N') => {
            if kiosk.is_some() {
                app.reset_session();
            } else {
                app.start_new();
            }
        }
        KeyCode::Char('r') | KeyCode::Char('R') => app.overlays.push(Overlay::Qr),
        KeyCode::Char('s') | KeyCode::Char('S') => {
            let unsaved = view.checklist.as_ref().is_some_and(|c| c.id.is_empty());
            if kiosk.is_some_and(|k| k.allow_save) && unsaved {
                return app.save_now();
            }
        }
        KeyCode::Char('p') | KeyCode::Char('P') => {
            if can_print {
                let text = sheet(view, today, false);
                app.message = Some((Level::Info, t("tui.printing").into()));
                return vec![Effect::Print(text)];
            }
            // A kiosk prints only through its configured command.
            if kiosk.is_some() {
                app.message = Some((Level::Error, t("tui.no_printer").into()));
                return Vec::new();
            }
            let name = default_sheet_name(view, today);
            app.overlays.push(Overlay::SaveSheet {
                field: TextInput::with(&name),
            });
            app.message = None;
        }
        KeyCode::Char('c') | KeyCode::Char('C') => {
            // The renewal cycle is a saved checklist's (never a kiosk's).
            let saved = view.checklist.as_ref().is_some_and(|c| !c.id.is_empty());
            if kiosk.is_none() && saved {
                super::cycle::open(app);
            } else if kiosk.is_none() {
                app.message = Some((Level::Info, t("tui.not_saved_yet").into()));
            }
        }
        _ => {}
    }
    Vec::new()
}

/// The fact an `ask:` item's answer is, when it is a number the wizard
/// takes: the review time, the window in months.
fn learnable(item: &str) -> Option<crate::plan::learned::LearnedField> {
    use crate::plan::learned::LearnedField;
    match item {
        "ask:review_time" => Some(LearnedField::ReviewDays),
        "ask:window" => Some(LearnedField::WindowMonths),
        _ => None,
    }
}

/// Keys of the documents tab: ↑↓ select a document (the pane scrolls to
/// it), Space or Enter ticks it in the checklist. None for other keys.
fn document_key(app: &mut App, k: &KeyEvent, areas: &Areas) -> Option<Vec<Effect>> {
    let view = view_mut(app)?;
    let count = view.plan.documents.len();
    match k.code {
        KeyCode::Up => view.doc = view.doc.saturating_sub(1),
        KeyCode::Down => view.doc = (view.doc + 1).min(count.saturating_sub(1)),
        KeyCode::Char(' ') | KeyCode::Enter => {
            let doc = view.doc;
            return Some(match view.document_item(doc) {
                Some(i) => {
                    let effects = app.toggle_item(i);
                    if let Some(v) = view_mut(app) {
                        v.doc = doc;
                    }
                    effects
                }
                None => {
                    app.message = Some((Level::Info, t("tui.not_saved_yet").into()));
                    Vec::new()
                }
            });
        }
        _ => return None,
    }
    // Scroll so the whole selected document shows.
    let width = usize::from(areas.pane.width).saturating_sub(1);
    let text = crate::tui::view::section_text(view, width, &[SectionKind::Documents], &PLAIN);
    if let Some((first, last)) = text.row_lines(view.doc + 1) {
        let (first, last) = (first as u16, last as u16);
        let rows = areas.pane.height.max(1);
        if first < view.scroll {
            view.scroll = first;
        } else if last >= view.scroll + rows {
            view.scroll = (last + 1).saturating_sub(rows).min(first);
        }
    }
    Some(Vec::new())
}

/// The printable sheet of the result shown: the checklist with its ticks
/// when there is one (its items' dates made again for the plan shown, on
/// a copy; nothing is saved), else the plan.
pub(crate) fn sheet(view: &ResultView, today: NaiveDate, markdown: bool) -> String {
    match &view.checklist {
        Some(c) => {
            let mut current = c.clone();
            current.refresh(&view.plan, chrono::DateTime::UNIX_EPOCH);
            crate::checklist::export::sheet(&current, Some(&view.plan), today, markdown)
        }
        None if markdown => crate::document::plan_markdown(&view.plan),
        None => crate::document::plan_text(&view.plan, 78),
    }
}

/// The file name offered for the sheet: `续期清单-妈妈-2026-01-15.md`, in
/// the current directory. Characters a file name cannot hold (a slash, a
/// colon …) in the label become `_`.
pub(crate) fn default_sheet_name(view: &ResultView, today: NaiveDate) -> String {
    let label = view
        .checklist
        .as_ref()
        .map(|c| c.label.clone())
        .unwrap_or_else(|| view.plan.disease.name.clone());
    let label: String = label
        .trim()
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) || c.is_whitespace() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let label = label.trim_start_matches(['.', '-', '_']);
    let prefix = t("tui.sheet.file_prefix");
    if label.is_empty() {
        format!("{prefix}-{today}.md")
    } else {
        format!("{prefix}-{label}-{today}.md")
    }
}

/// A month calendar: the window underlined, the grace period after it in
/// the warning style, today `>`, the suggested apply-by day `*`, the end
/// date `!`.
pub(crate) fn month_lines(
    plan: &RenewalPlan,
    year: i32,
    month: u32,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = vec![text_line(
        &format!(
            "     {}",
            tf(
                "tui.cal.month",
                &[
                    ("year", &year),
                    ("name", &crate::dates::words::month_name(month))
                ]
            )
        ),
        theme.heading(),
    )];
    lines.push(text_line(t("tui.cal.weekdays"), theme.dim()));
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

fn time_bar(plan: &RenewalPlan, width: usize, theme: &Theme) -> Option<Line<'static>> {
    let w = plan.window.as_ref()?;
    // Both ends are days of the window (31 Dec to 31 Mar is 91 days); the
    // days gone are those before today, as `days_left` counts those after.
    // A grace period is part of the bar: applying is still possible.
    let total = (w.last_day() - w.opens).num_days().max(0) + 1;
    let gone = (plan.today - w.opens).num_days().clamp(0, total);
    let cells = width.clamp(10, 40);
    let filled = (gone as usize * cells) / total as usize;
    let (full, empty) = theme.bar();
    let words = match plan.status {
        Status::NotYetOpen => tf(
            "tui.bar.not_yet",
            &[("n", &plan.days_until_open.unwrap_or(0))],
        ),
        Status::Open => tf("tui.bar.open", &[("gone", &gone), ("total", &total)]),
        Status::Grace => tf(
            "tui.bar.grace",
            &[("n", &plan.grace_days_left.unwrap_or(0))],
        ),
        Status::Expired => t("tui.bar.expired").to_string(),
        Status::NoRenewal => return None,
    };
    Some(Line::from(vec![
        Span::raw("["),
        Span::styled(full.repeat(filled), status_style(theme, plan)),
        Span::styled(empty.repeat(cells - filled), theme.dim()),
        Span::raw(format!("] {words}")),
    ]))
}

/// The window pane: status in words and colour, key dates, a bar of time
/// left, a month calendar, then the rules and warnings.
fn window_lines(view: &ResultView, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = window_summary(view, width, theme);
    out.push(Line::default());
    out.extend(rule_lines(&view.plan, width));
    out.extend(call_lines(&view.plan, width));
    out
}

/// With a window: what the person was told, what to ask and whom to call,
/// as the printed plan says them (a plan without a window has them in the
/// summary, from the document's window section).
fn call_lines(plan: &RenewalPlan, width: usize) -> Vec<Line<'static>> {
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
                .map(|l| text_line(l, Style::new())),
        );
        for item in items {
            let lines = wrap(&item, width.saturating_sub(2));
            for (i, l) in lines.iter().enumerate() {
                let lead = if i == 0 { "· " } else { "  " };
                out.push(text_line(&format!("{lead}{l}"), Style::new()));
            }
        }
    };
    block(t("plan.learned.heading"), render::learned_lines(plan));
    block(
        t("plan.questions.heading"),
        plan.questions
            .iter()
            .map(|q| render::question_words(q.about).to_string())
            .collect(),
    );
    block(t("plan.call.heading"), render::contact_lines(plan, 2));
    out
}

/// The rules of the plan (materials' age, benefits during review, lateness,
/// the cycle), wrapped.
fn rule_lines(plan: &RenewalPlan, width: usize) -> Vec<Line<'static>> {
    render::rules(plan)
        .iter()
        .flat_map(|rule| wrap(rule, width))
        .map(|l| text_line(&l, Style::new()))
        .collect()
}

/// Rows the window at a glance takes at `width` (it does not scroll).
pub(crate) fn summary_rows(view: &ResultView, width: usize) -> usize {
    // Asked by the layout of every frame: counted once per width.
    let known = view
        .summary_rows
        .borrow()
        .iter()
        .find(|(w, _)| *w == width)
        .map(|(_, n)| *n);
    known.unwrap_or_else(|| {
        let n = window_summary(view, width, &PLAIN).len();
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
fn window_summary(view: &ResultView, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let plan = &view.plan;
    // Whose data this is, when not the person's own place's: first.
    let mut out = section(view, width, &[SectionKind::Place], theme);
    let status = render::status_words(plan);
    out.push(text_line(
        &format!("{}{status}", status_glyph(theme, plan.status)),
        status_style(theme, plan),
    ));
    out.extend(time_bar(plan, width.saturating_sub(24), theme));
    let Some(w) = &plan.window else {
        // The document's own words (the heading left out), so every output
        // says the same.
        out.push(Line::default());
        out.extend(
            section(view, width, &[SectionKind::Window], theme)
                .into_iter()
                .skip(1),
        );
        let warnings = section(view, width, &[SectionKind::Warnings], theme);
        if !warnings.is_empty() {
            out.push(Line::default());
            out.extend(warnings);
        }
        return out;
    };
    let mut facts = Vec::new();
    facts.extend(render::extension_words(plan));
    facts.push(
        match (w.months, w.days) {
            (_, Some(days)) => tf(
                "tui.window.range_days",
                &[("opens", &w.opens), ("closes", &w.closes), ("days", &days)],
            ),
            (months, None) => tf(
                "tui.window.range",
                &[
                    ("opens", &w.opens),
                    ("closes", &w.closes),
                    ("months", &months.unwrap_or(0)),
                ],
            ),
        } + &render::level_tag(plan, "window_months"),
    );
    if let Some(g) = &w.grace {
        facts.push(
            tf(
                "tui.window.grace",
                &[("days", &g.days), ("until", &g.until)],
            ) + &render::level_tag(plan, "grace_days"),
        );
    }
    if w.assumed {
        facts.push(t("tui.window.assumed").to_string());
    }
    if plan.deadline != crate::plan::Deadline::ApplyBy {
        // What a passed day, a closed window or a missing day means now,
        // as in the printed plan.
        facts.extend(render::apply_by_line(plan));
    } else if let Some(a) = &plan.apply_by {
        // The day with its estimate mark beside it, as every output has it
        // (the one deadline, `plan::DeadlineDays`).
        let due = plan.deadline_days();
        facts.push(tf(
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
                        crate::plan::render::estimated_mark(due.estimated)
                    ),
                ),
                ("weekday", &weekday(a.date)),
                ("n", &a.working_days),
            ],
        ));
    }
    facts.extend(
        plan.channels
            .iter()
            .filter(|c| c.serves_disease)
            .filter_map(render::channel_extension_words),
    );
    facts.push(tf(
        "tui.window.end",
        &[("date", &w.closes), ("weekday", &weekday(w.closes))],
    ));
    facts.push(t("tui.cal.legend").to_string());
    // Calendars side by side as many as fit; the facts beside them when
    // there is room, else above.
    let cal_w = 22;
    let cals: Vec<Vec<Line>> = calendar_months(plan)
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
    out
}

pub(crate) fn draw(frame: &mut Frame, app: &App, view: &ResultView, theme: &Theme, areas: &Areas) {
    let plan = &view.plan;
    let w = frame.area().width;
    header(
        frame,
        app,
        theme,
        areas,
        &tf(
            "tui.result.title",
            &[
                // Region and scheme first: short, and what a clerk checks;
                // a long disease name is cut at its end, not them.
                ("region", &plan.place_short_name()),
                (
                    "scheme",
                    &crate::plan::render::scheme_short_label(plan.scheme),
                ),
                (
                    "disease",
                    &crate::i18n::name(&plan.disease.name, plan.disease.name_en.as_deref()),
                ),
            ],
        ),
    );
    // Tabs: the current one reversed and marked, so it shows without colour.
    let mut spans = Vec::new();
    for (tab, label, _, _) in layout::tab_spans(&app.shown()) {
        let current = tab == view.tab
            || (areas.left.is_some() && view.tab == Tab::Window && tab == Tab::Checklist);
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
    put(frame, 0, areas.tabs.y, w, Line::from(spans));

    let (left, pane) = (areas.left, areas.pane);
    if let Some(Rect {
        x,
        y,
        width: pw,
        height: ph,
    }) = left
    {
        let lines = window_summary(view, pw as usize - 1, theme);
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
    let tab = layout::pane_tab(view.tab(), areas);
    let width = pw as usize - 1;
    let Some(text) = tab_text(view, tab, width, theme, left.is_some()) else {
        checklist_pane(frame, app, view, theme, areas);
        return;
    };
    let max_scroll = (text.lines.len() as u16).saturating_sub(ph);
    let scroll = view.scroll.min(max_scroll);
    // At most a third of the pane for a heading, so rows still show.
    let pinned = text.pinned_head(usize::from(scroll), usize::from(ph / 3));
    // Only the rows that show are handed to the widget.
    let shown = text
        .lines
        .iter()
        .skip(usize::from(scroll))
        .take(usize::from(ph))
        .cloned()
        .collect::<Vec<_>>();
    frame.render_widget(Paragraph::new(shown), Rect::new(x, y, pw, ph));
    // A table's heading stays at the top while its rows scroll under it.
    if let Some(head) = pinned {
        let rows = (head.len() as u16).min(ph);
        frame.render_widget(Clear, Rect::new(x, y, pw, rows));
        let lines: Vec<Line> = head.iter().map(|&i| text.lines[i].clone()).collect();
        frame.render_widget(Paragraph::new(lines), Rect::new(x, y, pw, rows));
    }
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

/// The text of a tab at `width`; None for the checklist, which is a list
/// of its own.
fn tab_text(
    view: &ResultView,
    tab: Tab,
    width: usize,
    theme: &Theme,
    wide: bool,
) -> Option<PaneText> {
    let kinds: &[SectionKind] = match tab {
        Tab::Window => {
            return Some(PaneText {
                lines: window_lines(view, width, theme),
                ..PaneText::default()
            });
        }
        Tab::Documents => &[SectionKind::Documents],
        Tab::Channels => &[SectionKind::Channels, SectionKind::CrossProvince],
        Tab::Sources => &[
            SectionKind::Examples,
            SectionKind::Notes,
            SectionKind::Sources,
        ],
        Tab::Checklist => return None,
    };
    let mut text = section_text(view, width, kinds, theme);
    if wide && tab == Tab::Sources {
        // The window pane on the left has no room for the rules: they lead here.
        let mut lines = rule_lines(&view.plan, width);
        lines.extend(call_lines(&view.plan, width));
        lines.push(Line::default());
        let n = lines.len();
        text.rows.splice(0..0, std::iter::repeat_n(None, n));
        for t in &mut text.tables {
            t.head = t.head.start + n..t.head.end + n;
            t.end += n;
        }
        lines.append(&mut text.lines);
        text.lines = lines;
    }
    Some(text)
}

/// Only line counts and positions matter here, and they do not depend on colours.
const PLAIN: Theme = Theme {
    color: false,
    ascii: false,
    high_contrast: false,
};

/// How far the tab pane can scroll: its lines less the rows that show.
fn max_scroll(view: &ResultView, areas: &Areas) -> u16 {
    let width = usize::from(areas.pane.width).saturating_sub(1);
    tab_text(
        view,
        layout::pane_tab(view.tab(), areas),
        width,
        &PLAIN,
        areas.left.is_some(),
    )
    .map(|t| u16::try_from(t.lines.len()).unwrap_or(u16::MAX))
    .unwrap_or(0)
    .saturating_sub(areas.pane.height)
}

/// Where the renewal stands, when past preparing: under review, refused
/// (the glyph and words of the home list).
fn cycle_words(app: &App, c: &Checklist, plan: &RenewalPlan, theme: &Theme) -> Option<String> {
    use crate::checklist::cycle::CycleState;
    if c.cycle.state == CycleState::Preparing {
        return None;
    }
    let next = crate::checklist::agenda::next_action(c, Some(plan), app.today, &app.policy);
    let s = super::home::standing(theme, c, next.as_ref(), app.today);
    Some(format!("{}{}", s.glyph, s.words))
}

/// The latest note (and how many there are), on the row between the items
/// and the selected item in full: what the desk did last, seen on opening.
fn notes_line(frame: &mut Frame, c: &Checklist, today: NaiveDate, theme: &Theme, pane: Rect) {
    let Some(last) = c.last_note() else {
        return;
    };
    let line = crate::checklist::notes::note_line(last, today);
    let text = match c.notes.len() {
        1 => tf("tui.checklist.note", &[("line", &line)]),
        n => tf("tui.checklist.notes", &[("n", &n), ("line", &line)]),
    };
    let row = pane.y + pane.height.saturating_sub(4);
    let width = pane.width.saturating_sub(1);
    let text = fit(&text, usize::from(pane.width.saturating_sub(2)));
    put(
        frame,
        pane.x + 1,
        row,
        width,
        text_line(&text, theme.info()),
    );
}

fn checklist_pane(frame: &mut Frame, app: &App, view: &ResultView, theme: &Theme, areas: &Areas) {
    let pane = areas.pane;
    let Rect {
        x,
        y,
        width: pw,
        height: ph,
    } = pane;
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
    let mut head = match total {
        // Nothing required (no renewal): say so rather than "0/0".
        0 => t("checklist.progress_none").to_string(),
        _ => tf(
            // A kiosk's checklist lives only in this visit until saved.
            if c.id.is_empty() {
                "tui.checklist.head_unsaved"
            } else {
                "tui.checklist.head"
            },
            &[("done", &done), ("total", &total)],
        ),
    };
    if let Some(words) = cycle_words(app, c, &view.plan, theme) {
        head = tf(
            "tui.checklist.head_cycle",
            &[("head", &head), ("cycle", &words)],
        );
    }
    put(
        frame,
        x + 1,
        y,
        pw - 1,
        text_line(&fit(&head, pw as usize - 2), theme.question()),
    );
    let Some(g) = areas.checklist else {
        return;
    };
    notes_line(frame, c, app.today, theme, pane);
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
        // A route's item says which route of which either/or it is.
        let route = crate::checklist::route_tag(c, item).unwrap_or_default();
        let text = fit(
            &format!(
                "{marker}{} {}. {optional}{route}{}",
                theme.check(item.done),
                i + 1,
                crate::checklist::item_text(item, &c.window, view.plan.today)
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
    // A route's item also says where its either/or stands: which route is
    // complete, or that one is enough.
    if let Some(item) = c.items.get(view.item) {
        let mut full = crate::checklist::item_text(item, &c.window, view.plan.today);
        if let Some((choice, _)) = c.route_of(&item.id) {
            let state = c
                .choice_states()
                .into_iter()
                .find(|s| s.choice.id == choice.id);
            if let Some(state) = state {
                full = format!("{}\n{full}", crate::checklist::choice_status(&state));
            }
        }
        let mut lines = wrap(&full, pw as usize - 4);
        if lines.len() > 3 {
            // More than fits: the third line says so.
            lines.truncate(3);
            lines[2] = fit(&format!("{}  ", lines[2]), pw as usize - 4);
        }
        let top = y + ph.saturating_sub(3);
        for (i, l) in lines.iter().enumerate() {
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
