//! Check your answers: each answer with its [修改], the label, then the
//! confirm row that makes the plan.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;

use super::move_selection;
use crate::dates::words::weekday;
use crate::tui::commands::{Cmd, Command, ENTER_SPACE, HelpLine, Key, UP_DOWN_TAB};
use crate::tui::input::TextInput;
use crate::tui::layout::Areas;
use crate::tui::message::Level;
use crate::tui::screens::Ctx;
use crate::tui::theme::Theme;
use crate::tui::view::{fit, header, list_rows, text_field, title_and_explain, underlined};
use crate::wizard::Question;
use unicode_width::UnicodeWidthStr;

use super::{Action, Screen};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewRow {
    Answer(Question),
    Label,
    Confirm,
}

#[derive(Debug, Clone)]
pub struct Review {
    pub(crate) selected: usize,
    /// The label being edited, while the label row is.
    pub(crate) label: Option<TextInput>,
}

/// Rows of the page: each question asked, the label, then confirm.
pub(crate) fn rows(steps: &[Question]) -> Vec<ReviewRow> {
    let mut rows: Vec<ReviewRow> = steps.iter().copied().map(ReviewRow::Answer).collect();
    rows.push(ReviewRow::Label);
    rows.push(ReviewRow::Confirm);
    rows
}

/// The review page's commands; while the label is edited, its field
/// takes every key but Enter (and Esc, which cancels).
pub(crate) fn commands(cx: &Ctx) -> Vec<Command> {
    use HelpLine as H;
    let (label, kiosk) = match &cx.screen {
        Screen::Review(r) => (r.label.is_some(), cx.kiosk.is_some()),
        _ => (false, cx.kiosk.is_some()),
    };
    let type_label = if kiosk {
        "tui.hint.type_label_kiosk"
    } else {
        "tui.hint.type_label"
    };
    vec![
        Command::new(Cmd::Move, UP_DOWN_TAB, &[H::Move])
            .enabled(!label)
            .hint("tui.hint.choose"),
        Command::new(Cmd::Activate, ENTER_SPACE, &[H::Enter])
            .enabled(!label)
            .hint("tui.hint.change_confirm"),
        Command::new(Cmd::Number, &[Key::Digit], &[H::Numbers]).enabled(!label),
        Command::new(Cmd::Type, &[Key::Any], &[H::Edit])
            .enabled(label)
            .hint(type_label),
        Command::new(Cmd::Activate, &[Key::Code(KeyCode::Enter)], &[H::Enter])
            .enabled(label)
            .hint("tui.hint.ok"),
    ]
}

impl Review {
    /// A command on the review page, whose rows are `rows`: the label
    /// field edited or checked, a row highlighted or opened.
    pub(crate) fn update(
        &mut self,
        cmd: Cmd,
        k: &KeyEvent,
        rows: &[ReviewRow],
        kiosk: bool,
    ) -> Action {
        if let Some(label) = self.label.as_mut() {
            if cmd != Cmd::Activate {
                label.edit(k);
                return Action::None;
            }
            let text = label.text.trim().to_string();
            return match crate::checklist::check_label(&text) {
                Ok(()) => {
                    self.label = None;
                    Action::Labelled((!text.is_empty()).then_some(text))
                }
                Err(p) => Action::Say(Level::Error, crate::tui::kiosk::label_refused(p, kiosk)),
            };
        }
        match (cmd, k.code) {
            (Cmd::Move, KeyCode::Up) => move_selection(&mut self.selected, -1, rows.len()),
            (Cmd::Move, _) => move_selection(&mut self.selected, 1, rows.len()),
            (Cmd::Activate, _) => {
                return Action::ReviewRow(rows[self.selected.min(rows.len() - 1)]);
            }
            (Cmd::Number, KeyCode::Char(c)) => {
                let n = c.to_digit(10).unwrap_or(0) as usize;
                if (1..=rows.len()).contains(&n) {
                    self.selected = n - 1;
                }
            }
            _ => {}
        }
        Action::None
    }

    /// A click on row `i` opens it.
    pub(crate) fn click(&mut self, i: usize, rows: &[ReviewRow]) -> Action {
        let Some(&row) = rows.get(i) else {
            return Action::None;
        };
        self.selected = i;
        Action::ReviewRow(row)
    }
}

/// A question's row on the page: its name and the answer given (or none).
fn answer(cx: &Ctx, step: Question) -> (String, String) {
    let words = cx.words;
    let region = cx.region();
    let d = &cx.draft;
    let none = || words.t("tui.review.none").to_string();
    match step {
        Question::Region => (
            words.t("tui.review.region").into(),
            d.region
                .as_ref()
                .map(|c| crate::wizard::region_name(cx.policy, c, words))
                .unwrap_or_else(none),
        ),
        Question::Scheme => (
            words.t("tui.review.scheme").into(),
            d.scheme
                .map(|s| crate::plan::render::scheme_label(s, words))
                .unwrap_or_else(none),
        ),
        Question::Retired => (
            words.t("tui.review.retired").into(),
            d.retired
                .map(|v| words.t(if v { "tui.yes" } else { "tui.no" }).to_string())
                .unwrap_or_else(none),
        ),
        Question::Disease => (
            words.t("tui.review.disease").into(),
            region
                .and_then(|r| d.disease.and_then(|i| r.diseases.get(i)))
                .map(|x| {
                    let entry = words.name(&x.name, x.name_en.as_deref());
                    crate::vocabulary::entry_with_typed(&entry, d.typed.as_ref(), words)
                })
                .unwrap_or_else(none),
        ),
        Question::End => (
            words.t("tui.review.end").into(),
            d.end
                .map(|e| {
                    words.tf(
                        "fmt.date_weekday",
                        &[("date", &e), ("weekday", &weekday(e, words))],
                    )
                })
                .unwrap_or_else(none),
        ),
        Question::Cross => (
            words.t("tui.review.cross").into(),
            words
                .t(if d.cross.unwrap_or(false) {
                    "tui.yes"
                } else {
                    "tui.no"
                })
                .to_string(),
        ),
    }
}

/// `default_label`: the label the checklist gets when none is typed.
pub(crate) fn draw(
    frame: &mut Frame,
    cx: &Ctx,
    review: &Review,
    default_label: &str,
    theme: &Theme,
    areas: &Areas,
) {
    let words = cx.words(theme);
    header(
        frame,
        cx,
        theme,
        areas,
        &format!(
            "{} · {}",
            words.t("tui.app_name"),
            words.t("tui.review.title")
        ),
    );
    title_and_explain(
        frame,
        words,
        theme,
        areas,
        words.t("tui.review.question"),
        // A kiosk saves nothing unless the visitor asks on the result page.
        words.t(match cx.kiosk {
            Some(_) if review.label.is_some() => "tui.review.label_kiosk",
            Some(k) if k.allow_save => "tui.review.explain_kiosk",
            Some(_) => "tui.review.explain_kiosk_nosave",
            None => "tui.review.explain",
        }),
    );
    let label_value = cx
        .draft
        .label
        .clone()
        .unwrap_or_else(|| format!("{}{}", default_label, words.t("tui.review.default")));
    let all_rows = cx.review_rows();
    // The value is cut, never [修改]: it says the row can be changed.
    let change = words.t("tui.review.change");
    let room = usize::from(frame.area().width)
        .saturating_sub(2 + theme.pointer().width() + 10 + 2 + 3 + change.width());
    let row = |k: &str, v: &str| {
        format!(
            "{}  {}   {change}",
            crate::document::text::pad(k, 10),
            fit(words, v, room)
        )
    };
    let rows: Vec<String> = all_rows
        .iter()
        .map(|r| match r {
            ReviewRow::Answer(step) => {
                let (k, v) = answer(cx, *step);
                row(&k, &v)
            }
            ReviewRow::Label => row(words.t("tui.review.label"), &label_value),
            ReviewRow::Confirm if cx.kiosk.is_some() => {
                words.t("tui.review.confirm_kiosk").to_string()
            }
            ReviewRow::Confirm => words.t("tui.review.confirm").to_string(),
        })
        .collect();
    if let Some(g) = areas.list {
        list_rows(frame, words, theme, g, &rows, review.selected);
        if let Some(label) = &review.label
            && let Some(i) = all_rows.iter().position(|r| *r == ReviewRow::Label)
            && i >= g.offset
            && i < g.offset + usize::from(g.height)
        {
            let y = g.top + (i - g.offset) as u16 * g.stride;
            let prefix = format!(
                "{}{}  ",
                theme.pointer(),
                crate::document::text::pad(words.t("tui.review.label"), 10)
            );
            text_field(frame, y, &prefix, theme.selected(), label, underlined());
        }
    }
}
