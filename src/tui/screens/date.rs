//! The end-date question: a text field read as it is typed.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::text::Line;

use crate::dates::words::weekday;
use crate::dates::{far_from_today, is_partial, parse_date, read_end_date};
use crate::document::text::wrap;
use crate::i18n::Words;
use crate::tui::commands::{CARET_KEYS, Cmd, Command, HelpLine, Key};
use crate::tui::input::TextInput;
use crate::tui::layout::Areas;
use crate::tui::message::{Level, Message};
use crate::tui::screens::Ctx;
use crate::tui::theme::Theme;
use crate::tui::view::{fit, put, text_field, text_line, underlined};
use crate::wizard::Question;

use super::Action;
use super::question::draw_question_head;

#[derive(Debug, Clone)]
pub struct DateField {
    pub(crate) field: TextInput,
    /// The change began on the review page: answering goes back there.
    pub(crate) from_review: bool,
    /// A date far from today that Enter was pressed on once: a second Enter
    /// on the same date takes it.
    pub(crate) far_confirmed: Option<chrono::NaiveDate>,
}

/// The date question's commands: the field takes every key but Enter.
pub(crate) fn commands(_cx: &Ctx) -> Vec<Command> {
    vec![
        Command::new(Cmd::Type, &[Key::Any], &[HelpLine::Edit]).hint("tui.hint.type_date"),
        Command::new(
            Cmd::Activate,
            &[Key::Code(KeyCode::Enter)],
            &[HelpLine::Enter],
        )
        .hint("tui.hint.ok"),
        Command::new(Cmd::Caret, CARET_KEYS, &[HelpLine::Edit]).hint("tui.hint.caret"),
    ]
}

impl DateField {
    /// A command on the date question: Enter reads the date (a date decades
    /// away is asked once more), any other key edits it.
    pub(crate) fn update(&mut self, cmd: Cmd, k: &KeyEvent, today: NaiveDate) -> Action {
        if cmd == Cmd::Activate {
            return match read_end_date(&self.field.text, today) {
                // Decades away is most likely a wrong year: asked once more.
                Ok(e)
                    if far_from_today(e.date, today).is_some()
                        && self.far_confirmed != Some(e.date) =>
                {
                    self.far_confirmed = Some(e.date);
                    Action::Say(Level::Info, Message::FarDateConfirm)
                }
                Ok(e) => Action::EndAnswered {
                    date: e.date,
                    from_review: self.from_review,
                },
                Err(e) => Action::Say(Level::Error, Message::BadDate(e)),
            };
        }
        let before = self.field.text.clone();
        self.field.edit(k);
        if self.field.text != before {
            // A changed date is read afresh; the last Enter's message is stale.
            self.far_confirmed = None;
            return Action::Unsay;
        }
        Action::None
    }
}

/// What the date typed so far is understood as (✓ the day, its weekday and
/// how far from today), or why it is not a date (✗); shared by every date
/// the wizard asks.
pub(crate) fn reading_line(
    text: &str,
    today: NaiveDate,
    width: usize,
    theme: &Theme,
    words: Words,
) -> Line<'static> {
    if text.trim().is_empty() {
        return text_line(
            words,
            &crate::dates::words::with_example("tui.date.empty", today, words),
            theme.dim(),
        );
    }
    // Still being typed: what comes next, not an error.
    if parse_date(text).is_err() && is_partial(text) {
        return text_line(
            words,
            &crate::dates::words::with_example("tui.date.typing", today, words),
            theme.dim(),
        );
    }
    match parse_date(text) {
        Ok(d) => {
            let days = (d - today).num_days();
            let rel = match days {
                0 => words.t("prompt.rel.today").to_string(),
                n if n > 0 => words.tf("prompt.rel.future", &[("n", &n)]),
                n => words.tf("prompt.rel.past", &[("n", &-n)]),
            };
            let text = words.tf(
                "tui.date.understood",
                &[("date", &d), ("weekday", &weekday(d, words)), ("rel", &rel)],
            );
            text_line(words, &fit(words, &format!("✓ {text}"), width), theme.ok())
        }
        Err(e) => text_line(
            words,
            &fit(
                words,
                &format!("✗ {}", crate::dates::words::error_reason(&e, words)),
                width,
            ),
            theme.danger(),
        ),
    }
}

pub(crate) fn draw(frame: &mut Frame, cx: &Ctx, s: &DateField, theme: &Theme, areas: &Areas) {
    let words = cx.words(theme);
    draw_question_head(frame, cx, theme, areas, Question::End);
    let w = frame.area().width;
    text_field(
        frame,
        areas.field.y,
        words.t("tui.date.label"),
        theme.question(),
        &s.field,
        underlined(),
    );
    let width = w as usize - 2;
    let reading = if s.field.text.trim().is_empty() {
        text_line(
            words,
            &crate::dates::words::with_example("tui.date.empty", cx.today, words),
            theme.dim(),
        )
    } else {
        match crate::dates::read_end_date(&s.field.text, cx.today) {
            Ok(e) if let Some(years) = far_from_today(e.date, cx.today) => text_line(
                words,
                &fit(
                    words,
                    &format!(
                        "! {}",
                        words.tf("date.far", &[("date", &e.date), ("n", &years)])
                    ),
                    width,
                ),
                theme.warn(),
            ),
            Ok(e) => {
                let d = e.date;
                let days = (d - cx.today).num_days();
                let rel = match days {
                    0 => words.t("prompt.rel.today").to_string(),
                    n if n > 0 => words.tf("prompt.rel.future", &[("n", &n)]),
                    n => words.tf("prompt.rel.past", &[("n", &-n)]),
                };
                let mut text = words.tf(
                    "tui.date.understood",
                    &[("date", &d), ("weekday", &weekday(d, words)), ("rel", &rel)],
                );
                if let Some(note) = crate::dates::words::year_note(&e, words) {
                    text = format!("{text}{}{note}", words.t("fmt.semicolon"));
                }
                text_line(words, &fit(words, &format!("✓ {text}"), width), theme.ok())
            }
            // Still being typed: what comes next, not an error.
            Err(_) if is_partial(&s.field.text) => text_line(
                words,
                &crate::dates::words::with_example("tui.date.typing", cx.today, words),
                theme.dim(),
            ),
            Err(e) => text_line(
                words,
                &fit(
                    words,
                    &format!("✗ {}", crate::dates::words::error_reason(&e, words)),
                    width,
                ),
                theme.danger(),
            ),
        }
    };
    put(frame, 1, areas.hint.y, w - 2, reading);
    for (i, l) in wrap(
        &crate::dates::words::with_example("tui.date.formats", cx.today, words),
        w as usize - 4,
    )
    .iter()
    .enumerate()
    {
        put(
            frame,
            1,
            areas.below.y + i as u16,
            w - 2,
            text_line(words, l, theme.dim()),
        );
    }
}
