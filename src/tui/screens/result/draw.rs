//! Drawing the result: the header, the tabs, the window summary on the
//! left of a wide screen, and the pane of the tab shown (its text scrolled
//! under a pinned table heading, or the checklist as a list).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::window::{call_lines, rule_lines, window_lines, window_summary};
use super::{PLAIN, ResultView, Tab};
use crate::checklist::Checklist;
use crate::document::SectionKind;
use crate::document::text::wrap;
use crate::i18n::Words;
use crate::plan::RenewalPlan;
use crate::tui::document_view::PaneText;
use crate::tui::layout::{self, Areas};
use crate::tui::screens::Ctx;
use crate::tui::theme::Theme;
use crate::tui::view::{fit, header, put, section_text, text_line};

pub(crate) fn draw(frame: &mut Frame, cx: &Ctx, view: &ResultView, theme: &Theme, areas: &Areas) {
    let words = cx.words(theme);
    let plan = &view.plan;
    let w = frame.area().width;
    let title = words.tf(
        "tui.result.title",
        &[
            // Region and scheme first: short, and what a clerk checks;
            // a long disease name is cut at its end, not them.
            ("region", &plan.place_short_name()),
            (
                "scheme",
                &crate::plan::render::scheme_short_label(plan.scheme, words),
            ),
            (
                "disease",
                &words.name(&plan.disease.name, plan.disease.name_en.as_deref()),
            ),
        ],
    );
    // A saved checklist's label first: whose it is (the rest is cut first);
    // not the default label, the disease named again.
    let title = match &view.checklist {
        Some(c)
            if !c.id.is_empty()
                && crate::tui::kiosk::shows_label(cx.kiosk)
                && c.label != c.disease_name
                && c.label != plan.disease.name =>
        {
            format!("{} · {title}", c.label)
        }
        _ => title,
    };
    header(frame, cx, theme, areas, &title);
    // Tabs: the current one reversed and marked, so it shows without colour.
    let mut spans = Vec::new();
    for (tab, label, _, _) in layout::tab_spans(&cx.shown) {
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
        let lines = window_summary(view, pw as usize - 1, theme, words);
        frame.render_widget(Paragraph::new(lines), Rect::new(x, y, pw - 1, ph));
        let border = theme.border();
        for row in y..y + ph {
            put(
                frame,
                x + pw - 1,
                row,
                1,
                text_line(words, border.vertical_left, theme.dim()),
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
    let Some(text) = tab_text(view, tab, width, theme, left.is_some(), words) else {
        checklist_pane(frame, cx, view, theme, areas);
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
            text_line(words, mark, theme.dim()),
        );
    }
}

/// The text of a tab at `width`; None for the checklist, which is a list
/// of its own.
pub(super) fn tab_text(
    view: &ResultView,
    tab: Tab,
    width: usize,
    theme: &Theme,
    wide: bool,
    words: Words,
) -> Option<PaneText> {
    let kinds: &[SectionKind] = match tab {
        Tab::Window => {
            return Some(PaneText {
                lines: window_lines(view, width, theme, words),
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
        let mut lines = rule_lines(&view.plan, width, words);
        lines.extend(call_lines(&view.plan, width, words));
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

/// How far the tab pane can scroll: its lines less the rows that show.
pub(super) fn max_scroll(view: &ResultView, areas: &Areas, words: Words) -> u16 {
    let width = usize::from(areas.pane.width).saturating_sub(1);
    tab_text(
        view,
        layout::pane_tab(view.tab(), areas),
        width,
        &PLAIN,
        areas.left.is_some(),
        words,
    )
    .map(|t| u16::try_from(t.lines.len()).unwrap_or(u16::MAX))
    .unwrap_or(0)
    .saturating_sub(areas.pane.height)
}

/// Where the renewal stands, when past preparing: under review, refused
/// (the glyph and words of the home list).
/// The latest note (and how many there are), on the row between the items
/// and the selected item in full: what the desk did last, seen on opening.
fn notes_line(
    frame: &mut Frame,
    c: &Checklist,
    today: chrono::NaiveDate,
    theme: &Theme,
    pane: Rect,
    words: Words,
) {
    let Some(last) = c.last_note() else {
        return;
    };
    let line = crate::checklist::notes::note_line(last, today);
    let text = match c.notes.len() {
        1 => words.tf("tui.checklist.note", &[("line", &line)]),
        n => words.tf("tui.checklist.notes", &[("n", &n), ("line", &line)]),
    };
    let row = pane.y + pane.height.saturating_sub(4);
    let width = pane.width.saturating_sub(1);
    let text = fit(words, &text, usize::from(pane.width.saturating_sub(2)));
    put(
        frame,
        pane.x + 1,
        row,
        width,
        text_line(words, &text, theme.info()),
    );
}

fn cycle_words(
    cx: &Ctx,
    c: &Checklist,
    plan: &RenewalPlan,
    theme: &Theme,
    words: Words,
) -> Option<String> {
    use crate::checklist::cycle::CycleState;
    if c.cycle.state == CycleState::Preparing {
        return None;
    }
    let next = crate::checklist::agenda::next_action(c, Some(plan), cx.today, cx.policy);
    let s = crate::tui::screens::home::standing(theme, c, next.as_ref(), cx.today, words);
    Some(format!("{}{}", s.glyph, s.words))
}

fn checklist_pane(frame: &mut Frame, cx: &Ctx, view: &ResultView, theme: &Theme, areas: &Areas) {
    let words = cx.words(theme);
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
            text_line(words, words.t("tui.saving"), theme.dim()),
        );
        return;
    };
    let (done, total) = c.progress();
    let mut head = match total {
        // Nothing required (no renewal): say so rather than "0/0".
        0 => words.t("checklist.progress_none").to_string(),
        _ => words.tf(
            // A kiosk's checklist lives only in this visit until saved.
            if c.id.is_empty() {
                "tui.checklist.head_unsaved"
            } else {
                "tui.checklist.head"
            },
            &[("done", &done), ("total", &total)],
        ),
    };
    if let Some(cycle) = cycle_words(cx, c, &view.plan, theme, words) {
        head = words.tf(
            "tui.checklist.head_cycle",
            &[("head", &head), ("cycle", &cycle)],
        );
    }
    put(
        frame,
        x + 1,
        y,
        pw - 1,
        text_line(words, &fit(words, &head, pw as usize - 2), theme.question()),
    );
    let Some(g) = areas.checklist else {
        return;
    };
    notes_line(frame, c, cx.today, theme, pane, words);
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
        let optional = if item.required {
            ""
        } else {
            words.t("tui.optional")
        };
        // A route's item says which route of which either/or it is.
        let route = crate::checklist::route_tag(c, item, words).unwrap_or_default();
        let text = fit(
            words,
            &format!(
                "{marker}{} {}. {optional}{route}{}",
                theme.check(item.done),
                i + 1,
                crate::checklist::item_text(item, &c.window, view.plan.today, words)
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
        put(frame, x + 1, row, pw - 1, text_line(words, &text, style));
    }
    // The selected item in full, wrapped, at the bottom of the pane.
    // A route's item also says where its either/or stands: which route is
    // complete, or that one is enough.
    if let Some(item) = c.items.get(view.item) {
        let mut full = crate::checklist::item_text(item, &c.window, view.plan.today, words);
        if let Some((choice, _)) = c.route_of(&item.id) {
            let state = c
                .choice_states()
                .into_iter()
                .find(|s| s.choice.id == choice.id);
            if let Some(state) = state {
                full = format!("{}\n{full}", crate::checklist::choice_status(&state, words));
            }
        }
        let mut lines = wrap(&full, pw as usize - 4);
        if lines.len() > 3 {
            // More than fits: the third line says so.
            lines.truncate(3);
            lines[2] = fit(words, &format!("{}  ", lines[2]), pw as usize - 4);
        }
        let top = y + ph.saturating_sub(3);
        for (i, l) in lines.iter().enumerate() {
            put(
                frame,
                x + 2,
                top + i as u16,
                pw - 3,
                text_line(words, l, theme.dim()),
            );
        }
    }
}
