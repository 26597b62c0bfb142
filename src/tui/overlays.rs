//! Popups over the screen: help, the plan's QR code and the idle kiosk's
//! countdown (any key closes the top one and does nothing else); and the
//! small questions of the saved list and the sheet: delete this checklist?
//! its new label, the file to save the sheet to, overwrite that file?

use crossterm::event::{KeyCode, KeyEvent, MouseEvent, MouseEventKind};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Effect, Level, Message, SheetError};
use super::commands::{self, Cmd, Command, Key};
use super::input::TextInput;
use super::theme::Theme;
use super::view::{fit, put, text_line};
use crate::document::text::wrap;
use crate::i18n::Words;
use crate::plan::learned::LearnedField;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Every key, explained.
    Help,
    /// The plan as a QR code, for a phone.
    Qr,
    /// Seconds left before an idle kiosk session is wiped.
    Countdown(u64),
    /// Delete this saved checklist? `y` or Enter deletes; any other key keeps it.
    ConfirmDelete { id: String, label: String },
    /// A new label for a saved checklist.
    Rename { id: String, field: TextInput },
    /// A dated note (today) for a saved checklist.
    Note { id: String, field: TextInput },
    /// The file to save the sheet to (`.md`: Markdown, else plain text).
    SaveSheet { field: TextInput },
    /// That file is there already: replace it?
    ConfirmOverwrite { path: String },
    /// The answer to a question of a saved checklist (`ask:review_time`,
    /// `ask:window`): the number the person was told.
    Learn {
        id: String,
        field: crate::plan::learned::LearnedField,
        field_input: TextInput,
    },
}

impl Overlay {
    /// The text field of a popup that asks for one.
    fn field_mut(&mut self) -> Option<&mut TextInput> {
        match self {
            Overlay::Rename { field, .. }
            | Overlay::Note { field, .. }
            | Overlay::SaveSheet { field }
            | Overlay::Learn {
                field_input: field, ..
            } => Some(field),
            _ => None,
        }
    }
}

/// The top popup's commands. A popup says its keys in its own words (its
/// title, caption or question): that is each command's hint here.
pub(crate) fn commands(app: &App) -> Vec<Command> {
    const YES: &[Key] = &[Key::Code(KeyCode::Enter), Key::Char('y'), Key::Char('是')];
    let says = match app.overlays.last() {
        None => return Vec::new(),
        Some(Overlay::Help) => "tui.help.title",
        Some(Overlay::Qr) => "tui.qr.caption",
        Some(Overlay::Countdown(_)) => "tui.countdown",
        Some(Overlay::ConfirmDelete { .. }) => "tui.home.confirm_delete",
        Some(Overlay::ConfirmOverwrite { .. }) => "tui.sheet.confirm_overwrite",
        Some(Overlay::Rename { .. }) => "tui.rename.hint",
        Some(Overlay::Note { .. }) => "tui.note.hint",
        Some(Overlay::SaveSheet { .. }) => "tui.sheet.hint",
        Some(Overlay::Learn { .. }) => "tui.learn.hint",
    };
    match app.overlays.last() {
        Some(Overlay::Help | Overlay::Qr | Overlay::Countdown(_)) => {
            vec![Command::new(Cmd::Close, &[Key::Any], &[]).hint(says)]
        }
        Some(Overlay::ConfirmDelete { .. } | Overlay::ConfirmOverwrite { .. }) => vec![
            Command::new(Cmd::Yes, YES, &[]).hint(says),
            Command::new(Cmd::No, &[Key::Any], &[]).hint(says),
        ],
        _ => vec![
            Command::new(Cmd::Back, &[Key::Code(KeyCode::Esc)], &[]).hint(says),
            Command::new(Cmd::Activate, &[Key::Code(KeyCode::Enter)], &[]).hint(says),
            Command::new(Cmd::Type, &[Key::Any], &[]).hint(says),
        ],
    }
}

/// A key while a popup shows goes to the top one's command: Some with what
/// the shell must do, None when no popup shows. Help, the QR code and the
/// countdown close on any key (the countdown is closed by any input before
/// this, in `update`); the questions take their answer.
pub(crate) fn key(app: &mut App, k: &KeyEvent) -> Option<Vec<Effect>> {
    let cmd = commands::lookup(&commands(app), k)?;
    let effects = match (app.overlays.last_mut()?, cmd) {
        (Overlay::ConfirmDelete { id, label }, _) => {
            let (id, label) = (id.clone(), label.clone());
            app.overlays.pop();
            if cmd == Cmd::Yes {
                app.message = Some((Level::Info, Message::Saving));
                return Some(vec![Effect::Delete { id }]);
            }
            app.message = Some((Level::Info, Message::NotDeleted { label }));
            Vec::new()
        }
        (Overlay::ConfirmOverwrite { path }, _) => {
            let path = path.clone();
            app.overlays.pop();
            if cmd == Cmd::Yes {
                return Some(write_sheet(app, path, true));
            }
            // Back to the file name, to choose another.
            app.message = Some((Level::Info, Message::SheetNotOverwritten));
            Vec::new()
        }
        (_, Cmd::Close) => {
            app.overlays.pop();
            Vec::new()
        }
        _ => field_key(app, cmd, k),
    };
    Some(effects)
}

/// A key in a popup's text field: Esc closes it, Enter answers, any other
/// key edits the field.
fn field_key(app: &mut App, cmd: Cmd, k: &KeyEvent) -> Vec<Effect> {
    match cmd {
        Cmd::Back => {
            // The sheet's questions leave no message behind.
            if let Some(Overlay::SaveSheet { .. } | Overlay::Learn { .. }) = app.overlays.pop() {
                app.message = None;
            }
            Vec::new()
        }
        Cmd::Activate => field_entered(app),
        _ => {
            if let Some(field) = app.overlays.last_mut().and_then(Overlay::field_mut)
                && field.edit(k)
            {
                app.message = None;
            }
            Vec::new()
        }
    }
}

/// Enter in a popup's text field: the answer checked, then what the shell
/// must do with it; a wrong answer is said and the popup stays.
fn field_entered(app: &mut App) -> Vec<Effect> {
    let answer = match app.overlays.last() {
        Some(Overlay::Rename { id, field }) => {
            let label = field.text.trim().to_string();
            let checked = if label.is_empty() {
                Err(Message::EmptyLabel)
            } else {
                crate::checklist::check_label(&label).map_err(Message::BadLabel)
            };
            let id = id.clone();
            checked.map(|()| Effect::Rename { id, label })
        }
        Some(Overlay::Note { id, field }) => {
            let id = id.clone();
            crate::checklist::notes::clean_note(&field.text)
                .map(|text| Effect::Note { id, text })
                .map_err(Message::BadNote)
        }
        Some(Overlay::SaveSheet { field }) => {
            let path = field.text.trim().to_string();
            return write_sheet(app, path, false);
        }
        Some(Overlay::Learn {
            id,
            field,
            field_input,
        }) => learned(id, *field, &field_input.text),
        _ => return Vec::new(),
    };
    match answer {
        Ok(effect) => {
            app.overlays.pop();
            app.message = Some((Level::Info, Message::Saving));
            vec![effect]
        }
        Err(e) => {
            app.message = Some((Level::Error, e));
            Vec::new()
        }
    }
}

/// The number the person was told, if it is one the fact can be.
fn learned(id: &str, field: LearnedField, typed: &str) -> Result<Effect, Message> {
    let range = field.range().unwrap_or(1..=1);
    let text = crate::text::to_half_width(typed.trim());
    match text.parse::<u32>().ok().filter(|n| range.contains(n)) {
        Some(value) => Ok(Effect::Learn {
            id: id.to_string(),
            field,
            value,
        }),
        None => Err(Message::BadLearned {
            min: *range.start(),
            max: *range.end(),
        }),
    }
}

/// A paste goes into the field of the popup shown, if it has one; true
/// when a popup took it.
pub(crate) fn paste(app: &mut App, text: &str) -> bool {
    match app.overlays.last_mut() {
        Some(Overlay::ConfirmDelete { .. } | Overlay::ConfirmOverwrite { .. }) => true,
        Some(o) => match o.field_mut() {
            Some(field) => {
                field.insert(text);
                true
            }
            None => false,
        },
        None => false,
    }
}

/// The sheet of the result shown, for the file named; `.md` and
/// `.markdown` give Markdown, any other name plain text.
fn write_sheet(app: &mut App, path: String, overwrite: bool) -> Vec<Effect> {
    if path.is_empty() {
        app.message = Some((Level::Error, Message::SheetNoName));
        return Vec::new();
    }
    let lower = path.to_lowercase();
    let markdown = lower.ends_with(".md") || lower.ends_with(".markdown");
    let Some(text) = app
        .result()
        .map(|v| super::screens::result::sheet(v, app.today, markdown))
    else {
        return Vec::new();
    };
    app.message = Some((Level::Info, Message::Saving));
    vec![Effect::WriteSheet {
        path,
        text,
        overwrite,
    }]
}

/// The sheet's file was written, or not: the popups close, or the person
/// is asked whether to replace the file, or told why not (the name kept to
/// change).
pub(crate) fn sheet_written(app: &mut App, result: Result<std::path::PathBuf, SheetError>) {
    match result {
        Ok(path) => {
            app.overlays.retain(|o| {
                !matches!(
                    o,
                    Overlay::SaveSheet { .. } | Overlay::ConfirmOverwrite { .. }
                )
            });
            app.message = Some((Level::Info, Message::SheetWritten(path)));
        }
        Err(SheetError::Exists(path)) => {
            // Asked with the name as typed; it is written as typed again.
            let typed = match app.overlays.last() {
                Some(Overlay::SaveSheet { field }) => field.text.trim().to_string(),
                _ => path.display().to_string(),
            };
            app.message = None;
            app.overlays.push(Overlay::ConfirmOverwrite { path: typed });
        }
        Err(SheetError::Failed(e)) => {
            app.message = Some((Level::Error, Message::SheetFailed { error: e }));
        }
    }
}

/// A click while a popup shows: help closes; the questions keep the click
/// (nothing under them acts); the QR code lets it through. True when the
/// click is used up.
pub(crate) fn mouse(app: &mut App, m: &MouseEvent) -> bool {
    match app.overlays.last() {
        Some(Overlay::Help) => {
            if matches!(m.kind, MouseEventKind::Down(_)) {
                app.overlays.retain(|o| *o != Overlay::Help);
            }
            true
        }
        Some(
            Overlay::ConfirmDelete { .. }
            | Overlay::Rename { .. }
            | Overlay::Note { .. }
            | Overlay::SaveSheet { .. }
            | Overlay::Learn { .. }
            | Overlay::ConfirmOverwrite { .. },
        ) => true,
        _ => false,
    }
}

/// Draws the popups, the bottom one first.
pub(crate) fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let words = crate::tui::view::words(app, theme);
    for (i, overlay) in app.overlays.iter().enumerate() {
        // The file name is asked again once the question about it is answered.
        let asked_over = app.overlays[i + 1..]
            .iter()
            .any(|o| matches!(o, Overlay::ConfirmOverwrite { .. }));
        match overlay {
            Overlay::SaveSheet { .. } if asked_over => {}
            Overlay::Qr => qr(frame, app, theme),
            Overlay::Help => help(frame, app, theme),
            Overlay::Countdown(secs) => countdown(frame, theme, *secs, words),
            Overlay::ConfirmDelete { label, .. } => {
                let width = popup_width(frame);
                let lines = wrap(
                    &words.tf("tui.home.confirm_delete", &[("label", label)]),
                    width,
                );
                popup(
                    frame,
                    theme,
                    Some(format!(" {} ", words.t("tui.home.delete_title"))),
                    &lines,
                    theme.warn(),
                    words,
                );
            }
            Overlay::ConfirmOverwrite { path } => {
                let width = popup_width(frame);
                let lines = wrap(
                    &words.tf("tui.sheet.confirm_overwrite", &[("path", path)]),
                    width,
                );
                popup(
                    frame,
                    theme,
                    Some(format!(" {} ", words.t("tui.sheet.title"))),
                    &lines,
                    theme.warn(),
                    words,
                );
            }
            Overlay::Rename { id, field } => field_popup(
                frame,
                words,
                theme,
                &whose(app, id, "tui.rename.title", popup_width(frame)),
                words.t("tui.rename.label"),
                field,
                &wrap(words.t("tui.rename.hint"), popup_width(frame)),
            ),
            Overlay::Note { id, field } => field_popup(
                frame,
                words,
                theme,
                &whose(app, id, "tui.note.title", popup_width(frame)),
                words.t("tui.note.label"),
                field,
                &wrap(words.t("tui.note.hint"), popup_width(frame)),
            ),
            Overlay::SaveSheet { field } => field_popup(
                frame,
                words,
                theme,
                words.t("tui.sheet.title"),
                words.t("tui.sheet.label"),
                field,
                &wrap(words.t("tui.sheet.hint"), popup_width(frame)),
            ),
            Overlay::Learn {
                field, field_input, ..
            } => field_popup(
                frame,
                words,
                theme,
                words.t("tui.learn.title"),
                words.t(match field {
                    crate::plan::learned::LearnedField::WindowMonths => {
                        "tui.learn.label.window_months"
                    }
                    _ => "tui.learn.label.review_days",
                }),
                field_input,
                &wrap(words.t("tui.learn.hint"), popup_width(frame)),
            ),
        }
    }
}

/// Title `key` naming the saved checklist `id` the popup acts on: its
/// label, with its disease and region when they fit `width`.
fn whose(app: &App, id: &str, key: &str, width: usize) -> String {
    let words = app.words;
    let Some(c) = app.saved.iter().find(|c| c.id == id) else {
        return words.tf(key, &[("who", &"")]);
    };
    let full = format!("{} · {} · {}", c.label, c.disease_name, c.region_name);
    let title = words.tf(key, &[("who", &full)]);
    if title.width() + 2 <= width {
        return title;
    }
    words.tf(key, &[("who", &c.label)])
}

/// The text width of a popup on this frame.
fn popup_width(frame: &Frame) -> usize {
    (frame.area().width as usize).saturating_sub(8).min(66)
}

/// A popup with a one-line text field and the terminal's cursor at its
/// caret, and lines of explanation under it.
fn field_popup(
    frame: &mut Frame,
    words: Words,
    theme: &Theme,
    title: &str,
    label: &str,
    field: &TextInput,
    below: &[String],
) {
    let width = popup_width(frame);
    let mut lines = vec![String::new()];
    lines.extend(below.iter().cloned());
    // The box is as wide as the widest line could be.
    lines[0] = " ".repeat(width);
    let rect = popup(
        frame,
        theme,
        Some(format!(" {title} ")),
        &lines,
        theme.base(),
        words,
    );
    let y = rect.y + 1;
    let inner = rect.width.saturating_sub(2);
    // The end of a long text stays in view, with the caret.
    let shown = tail(&field.text, inner as usize - label.width() - 1);
    put(
        frame,
        rect.x + 1,
        y,
        inner,
        Line::from(vec![
            Span::styled(label.to_string(), theme.question()),
            Span::styled(shown.clone(), super::view::underlined()),
        ]),
    );
    let hidden = field.text.width() - shown.width();
    let caret = (field.caret_column() as usize).saturating_sub(hidden);
    frame.set_cursor_position((rect.x + 1 + label.width() as u16 + caret as u16, y));
}

/// The end of `text` that fits `width` columns.
fn tail(text: &str, width: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    let mut w = 0;
    for c in text.chars().rev() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > width {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.into_iter().rev().collect()
}

/// The plan as a QR code over the whole screen, dark on light.
fn qr(frame: &mut Frame, app: &App, theme: &Theme) {
    let words = crate::tui::view::words(app, theme);
    let area = frame.area();
    frame.render_widget(Clear, area);
    frame.render_widget(Block::default().style(theme.base()), area);
    let Some(view) = app.result() else { return };
    // The caption beside the code where it leaves room (the code gets every
    // row), else on the row below it.
    const CAPTION_W: u16 = 26;
    let beside = super::qr::fit(
        &view.plan,
        area.width.saturating_sub(CAPTION_W + 2),
        area.height,
        app.words,
    );
    let below = super::qr::fit(
        &view.plan,
        area.width,
        area.height.saturating_sub(1),
        app.words,
    );
    // The richer text wins; beside when both hold the same.
    let (code, beside) = match (beside, below) {
        (Some(b), Some(u)) if u.level < b.level => (Some(u), false),
        (Some(b), _) => (Some(b), true),
        (None, u) => (u, false),
    };
    let Some(code) = code else {
        put(
            frame,
            1,
            1,
            area.width - 2,
            text_line(words, words.t("tui.qr.too_small"), theme.warn()),
        );
        return;
    };
    let w = code.lines.first().map(|l| l.chars().count()).unwrap_or(0) as u16;
    let x = if beside {
        1
    } else {
        (area.width.saturating_sub(w)) / 2
    };
    for (i, l) in code.lines.iter().enumerate() {
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(l.clone(), theme.qr()))),
            Rect::new(x, i as u16, w, 1),
        );
    }
    let caption = words.tf(
        "tui.qr.caption",
        &[(
            "level",
            &words.t([
                "tui.qr.level0",
                "tui.qr.level1",
                "tui.qr.level2",
                "tui.qr.level3",
            ][usize::from(code.level)]),
        )],
    );
    if beside {
        let cx = x + w + 2;
        let cw = area.width.saturating_sub(cx + 1);
        for (i, l) in wrap(&caption, usize::from(cw)).iter().enumerate() {
            // From the code's first dark row, past the quiet zone's two.
            put(
                frame,
                cx,
                2 + i as u16,
                cw,
                text_line(words, l, theme.question()),
            );
        }
    } else {
        put(
            frame,
            1,
            code.lines.len() as u16,
            area.width - 2,
            text_line(
                words,
                &fit(words, &caption, area.width as usize - 2),
                theme.question(),
            ),
        );
    }
}

/// The idle kiosk's warning: the session is about to be wiped.
fn countdown(frame: &mut Frame, theme: &Theme, secs: u64, words: Words) {
    let width = (frame.area().width as usize).saturating_sub(8).min(50);
    let lines = wrap(&words.tf("tui.countdown", &[("n", &secs)]), width);
    popup(frame, theme, None, &lines, theme.warn(), words);
}

/// Blanks the wide characters that straddle the edges of `rect`: half of
/// one under a popup's border would make the terminal skip the border (on
/// the left) or leave a stray half behind it (on the right).
fn clear_whole_characters(frame: &mut Frame, rect: Rect) {
    let buf = frame.buffer_mut();
    let area = buf.area;
    for y in rect.top()..rect.bottom().min(area.bottom()) {
        if rect.x > area.x && buf[(rect.x - 1, y)].symbol().width() > 1 {
            buf[(rect.x - 1, y)].set_symbol(" ");
        }
        let right = rect.right();
        if right > rect.x && right < area.right() && buf[(right - 1, y)].symbol().width() > 1 {
            buf[(right, y)].set_symbol(" ");
        }
    }
}

/// A centred box over the screen, cleared first, sized to its lines; where
/// it was drawn.
fn popup(
    frame: &mut Frame,
    theme: &Theme,
    title: Option<String>,
    lines: &[String],
    style: Style,
    words: Words,
) -> Rect {
    let area = frame.area();
    let width = (lines.iter().map(|l| l.width()).max().unwrap_or(10) as u16 + 4).min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = Rect::new(
        (area.width - width) / 2,
        (area.height - height) / 2,
        width,
        height,
    );
    clear_whole_characters(frame, rect);
    frame.render_widget(Clear, rect);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .style(style);
    if let Some(title) = title {
        block = block.title(title);
    }
    let body: Vec<Line> = lines.iter().map(|l| text_line(words, l, style)).collect();
    frame.render_widget(Paragraph::new(body).block(block), rect);
    rect
}

/// Every key, explained; at a kiosk only the keys a visitor has (no saved
/// list, no renewal cycle, no saving to a file).
fn help(frame: &mut Frame, app: &App, theme: &Theme) {
    let words = crate::tui::view::words(app, theme);
    // The lines of every screen's commands (`commands`).
    let lines = crate::tui::commands::help_lines(
        words,
        &crate::tui::app::all_commands(app),
        app.kiosk().is_some(),
    );
    popup(
        frame,
        theme,
        Some(format!(" {} ", words.t("tui.help.title"))),
        &lines,
        theme.base(),
        words,
    );
}
