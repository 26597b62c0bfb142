//! The end-date question: a text field read as it is typed.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;

use crate::dates::weekday;
use crate::i18n::{t, tf};
use crate::plan::render::wrap;
use crate::tui::app::{App, Effect, Level, Step};
use crate::tui::input::TextInput;
use crate::tui::layout::Areas;
use crate::tui::theme::Theme;
use crate::tui::view::{fit, put, text_field, text_line, underlined};

use super::Screen;
use super::question::draw_question_head;

#[derive(Debug, Clone)]
pub struct DateField {
    pub(crate) field: TextInput,
    /// The change began on the review page: answering goes back there.
    pub(crate) from_review: bool,
}

pub(crate) fn key(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    if k.code == KeyCode::Enter {
        match app.date_reading() {
            Ok(d) => {
                app.draft.end = Some(d);
                let from_review = matches!(&app.screen, Screen::Date(s) if s.from_review);
                app.next_after(Step::End, from_review);
            }
            Err(e) => app.message = Some((Level::Error, e.message())),
        }
        return Vec::new();
    }
    let Screen::Date(s) = &mut app.screen else {
        return Vec::new();
    };
    let field = &mut s.field;
    match k.code {
        KeyCode::Backspace => field.backspace(),
        KeyCode::Delete => field.delete(),
        KeyCode::Left => field.left(),
        KeyCode::Right => field.right(),
        KeyCode::Home => field.home(),
        KeyCode::End => field.end(),
        KeyCode::Char(c) if !k.modifiers.contains(KeyModifiers::CONTROL) => {
            field.insert(&c.to_string());
            app.message = None;
        }
        _ => {}
    }
    Vec::new()
}

pub(crate) fn draw(frame: &mut Frame, app: &App, s: &DateField, theme: &Theme, areas: &Areas) {
    draw_question_head(frame, app, theme, areas, Step::End);
    let w = frame.area().width;
    text_field(
        frame,
        areas.field.y,
        t("tui.date.label"),
        theme.question(),
        &s.field,
        underlined(),
    );
    let reading = if s.field.text.trim().is_empty() {
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
    put(frame, 1, areas.hint.y, w - 2, reading);
    for (i, l) in wrap(t("tui.date.formats"), w as usize - 4)
        .iter()
        .enumerate()
    {
        put(
            frame,
            1,
            areas.below.y + i as u16,
            w - 2,
            text_line(l, theme.dim()),
        );
    }
}
