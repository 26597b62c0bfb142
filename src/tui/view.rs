//! Drawing the state: the frame around every screen (header, message, key
//! hints) and the pieces screens share. Each screen draws itself (see
//! `screens`), popups draw last (`overlays`). Views never change state;
//! every position comes from `layout::areas`, computed once per frame, so
//! clicks land where things are drawn.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::app::{App, Level};
use super::input::TextInput;
use super::layout::{self, Areas, ListGeom};
use super::screens::result::ResultView;
use super::screens::{self, Ctx, Screen};
use super::theme::Theme;
use crate::dates::words::weekday;
use crate::document::SectionKind;
use crate::document::text::wrap;
use crate::i18n::Words;
use crate::plan::Status;

mod message;
pub(crate) use message::text as message_text;

/// The words a frame is drawn in: the wizard's language, with the marks
/// folded to ASCII as the theme says (`--ascii`).
pub(crate) fn words(app: &App, theme: &Theme) -> Words {
    app.words.with_ascii(theme.ascii)
}

/// Cuts `text` to `width` display columns, ending in … when cut.
pub fn fit(words: Words, text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    // Under --ascii the mark is "...", three columns.
    let (mark, mark_width) = if words.ascii { ("...", 3) } else { ("…", 1) };
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + mark_width > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push_str(mark);
    out
}

pub(crate) fn put(frame: &mut Frame, x: u16, y: u16, width: u16, line: Line) {
    let area = frame.area();
    if y >= area.height || x >= area.width {
        return;
    }
    let width = width.min(area.width - x);
    frame.render_widget(Paragraph::new(line), Rect::new(x, y, width, 1));
}

/// A line of text in one style. Everything drawn goes through here or
/// `data_span`, so in zh-Hant the policy data shows in Traditional characters.
pub(crate) fn text_line(words: Words, text: &str, style: Style) -> Line<'static> {
    Line::from(Span::styled(words.data(text), style))
}

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    // Text drawn this frame follows the theme's --ascii.
    let words = words(app, theme);
    let area = frame.area();
    if layout::too_small(app.size()) {
        let msg = words.tf(
            "tui.too_small",
            &[
                ("w", &layout::MIN_SIZE.0),
                ("h", &layout::MIN_SIZE.1),
                ("cw", &area.width),
                ("ch", &area.height),
            ],
        );
        // Wrapped, not cut: the sizes are the part that says what to do.
        for (y, line) in wrap(&msg, area.width as usize)
            .iter()
            .take(area.height as usize)
            .enumerate()
        {
            put(
                frame,
                0,
                y as u16,
                area.width,
                text_line(words, &fit(words, line, area.width as usize), Style::new()),
            );
        }
        return;
    }
    frame.render_widget(Block::default().style(theme.base()), area);
    // One context a frame: what is shown is laid out once (it may filter
    // the list), for the areas, the screen and the footer's commands.
    let cx = app.ctx();
    let areas = layout::areas(&cx.shown);
    match &app.screen {
        Screen::Home(s) => screens::home::draw(frame, &cx, s, theme, &areas),
        Screen::Question(s) => {
            let label = |i| app.option(s.step, i);
            let options = app.question_options(s.step, &label);
            screens::question::draw(frame, &cx, s, &options, theme, &areas)
        }
        Screen::Date(s) => screens::date::draw(frame, &cx, s, theme, &areas),
        Screen::Review(s) => {
            screens::review::draw(frame, &cx, s, &app.default_label(), theme, &areas)
        }
        Screen::Result(s) => screens::result::draw(frame, &cx, s, theme, &areas),
        Screen::Cycle(s) => screens::cycle::draw(frame, &cx, s, theme, &areas),
    }
    message_and_footer(frame, app, &cx, theme, &areas);
    super::overlays::draw(frame, app, theme);
}

pub(crate) fn header(frame: &mut Frame, cx: &Ctx, theme: &Theme, areas: &Areas, left: &str) {
    let words = cx.words(theme);
    let w = frame.area().width as usize;
    let right = words.tf(
        "tui.today",
        &[("date", &cx.today), ("weekday", &weekday(cx.today, words))],
    );
    let left = fit(
        words,
        &format!(" {left}"),
        w.saturating_sub(right.width() + 2),
    );
    let pad = w.saturating_sub(left.width() + right.width() + 1);
    let text = format!("{left}{}{right} ", " ".repeat(pad));
    put(
        frame,
        0,
        areas.header.y,
        w as u16,
        text_line(words, &text, theme.header()),
    );
}

/// The question on its row; its explanation on the two below, wrapped.
pub(crate) fn title_and_explain(
    frame: &mut Frame,
    words: Words,
    theme: &Theme,
    areas: &Areas,
    question: &str,
    explain: &str,
) {
    let w = frame.area().width;
    put(
        frame,
        1,
        areas.title.y,
        w - 1,
        text_line(
            words,
            &fit(words, question, w as usize - 2),
            theme.question(),
        ),
    );
    let lines = wrap(explain, w as usize - 2);
    for (i, l) in lines.iter().take(2).enumerate() {
        let text = if i == 1 && lines.len() > 2 {
            fit(words, &format!("{l}{}", lines[2]), w as usize - 2)
        } else {
            l.clone()
        };
        put(
            frame,
            1,
            areas.explain.y + i as u16,
            w - 1,
            text_line(words, &text, theme.dim()),
        );
    }
}

pub(crate) fn underlined() -> Style {
    Style::new().add_modifier(Modifier::UNDERLINED)
}

/// A labelled one-line text field on row `y`, with the terminal's cursor at
/// the caret (by display width) so an input method's candidate window
/// follows it.
pub(crate) fn text_field(
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

pub(crate) fn list_rows(
    frame: &mut Frame,
    words: Words,
    theme: &Theme,
    geom: ListGeom,
    rows: &[String],
    selected: usize,
) {
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
        let text = fit(words, &format!("{marker}{row}"), w as usize - 2);
        let style = if is_sel {
            theme.selected()
        } else {
            Style::new()
        };
        put(frame, 1, y, w - 2, text_line(words, &text, style));
    }
    if geom.offset > 0 {
        put(
            frame,
            w - 2,
            geom.top,
            1,
            text_line(words, "↑", theme.dim()),
        );
    }
    if geom.offset + usize::from(geom.height) < rows.len() {
        put(
            frame,
            w - 2,
            geom.top + geom.height * geom.stride - 1,
            1,
            text_line(words, "↓", theme.dim()),
        );
    }
}

/// The plan's status colour: close to the end date, in a grace period or
/// past it in warning colours; nothing to renew is fine.
pub(crate) fn status_style(theme: &Theme, plan: &crate::plan::RenewalPlan) -> Style {
    match plan.status {
        Status::Open if plan.days_left.is_some_and(|d| d <= 14) => theme.warn(),
        Status::Open | Status::NoRenewal => theme.ok(),
        Status::NotYetOpen => theme.info(),
        Status::Grace => theme.warn(),
        Status::Expired => theme.danger(),
    }
}

/// A mark for each status, so it shows without colour: the window open
/// (filled), not yet open (empty), half-open after the end date, closed,
/// and nothing to renew.
pub(crate) fn status_glyph(theme: &Theme, status: Status) -> &'static str {
    match (status, theme.ascii) {
        (Status::Open, false) => "● ",
        (Status::NotYetOpen, false) => "○ ",
        (Status::Grace, false) => "◐ ",
        (Status::Expired, false) => "✗ ",
        (Status::NoRenewal, false) => "✓ ",
        (Status::Open, true) => "* ",
        (Status::NotYetOpen, true) => "o ",
        (Status::Grace, true) => "~ ",
        (Status::Expired, true) => "x ",
        (Status::NoRenewal, true) => "- ",
    }
}

/// The named sections of the plan at `width`, each under its heading, as
/// the result laid them out (see `ResultView::laid_out`).
pub(crate) fn section(
    view: &ResultView,
    width: usize,
    kinds: &[SectionKind],
    theme: &Theme,
) -> Vec<Line<'static>> {
    section_text(view, width, kinds, theme).lines
}

/// As `section`, with where its tables' headings are; the documents show
/// the saved checklist's ticks and the selected document.
pub(crate) fn section_text(
    view: &ResultView,
    width: usize,
    kinds: &[SectionKind],
    theme: &Theme,
) -> super::document_view::PaneText {
    if !kinds.contains(&SectionKind::Documents) {
        let lines = view.laid_out(kinds, width, theme.ascii);
        return super::document_view::styled(&lines, theme, None);
    }
    let mut part = crate::document::Document {
        title: String::new(),
        sections: view.sections().only(kinds).cloned().collect(),
    };
    super::document_view::tick_documents(&mut part, |n| view.document_done(n - 1));
    super::document_view::section_text(&part, kinds, width, theme, Some(view.doc + 1), view.words)
}

fn message_and_footer(
    frame: &mut Frame,
    app: &App,
    cx: &screens::Ctx,
    theme: &Theme,
    areas: &Areas,
) {
    let words = words(app, theme);
    let area = frame.area();
    let w = area.width;
    if let Some((level, message)) = &app.message {
        let text = message::text(message, words);
        let style = if *level == Level::Error {
            theme.danger()
        } else {
            theme.info()
        };
        let mark = if *level == Level::Error { "✗ " } else { "" };
        put(
            frame,
            1,
            areas.message.y,
            w - 2,
            text_line(
                words,
                &fit(words, &format!("{mark}{text}"), w as usize - 2),
                style,
            ),
        );
    }
    // The hints of the screen's enabled commands (`commands`).
    let keys = super::commands::footer(words, &super::app::commands_in(app, cx));
    put(
        frame,
        0,
        areas.footer.y,
        w,
        text_line(
            words,
            &fit(words, &format!(" {keys}"), w as usize),
            theme.header(),
        ),
    );
}
