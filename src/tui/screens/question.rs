//! A choice question: a numbered list, filtered by typing on the region
//! and disease questions, chosen by number, arrows, initials or a click.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::style::Style;

use super::move_selection;
use crate::text::to_half_width;
use crate::tui::commands::{Cmd, Command, HelpLine, Key, LIST_KEYS};
use crate::tui::input::TextInput;
use crate::tui::layout::Areas;
use crate::tui::message::{Level, Message};
use crate::tui::screens::Ctx;
use crate::tui::theme::Theme;
use crate::tui::view::{fit, header, list_rows, put, text_field, text_line, title_and_explain};
use crate::wizard::Question;

use super::{Action, Screen};

#[derive(Debug, Clone)]
pub struct QuestionScreen {
    pub(crate) step: Question,
    /// The filter typed on a list step.
    pub(crate) filter: TextInput,
    /// Highlighted row (index into `visible_options`).
    pub(crate) selected: usize,
    /// The number typed so far: its item is highlighted, Enter chooses it;
    /// a further digit may make it longer (`1` in a list of 57 may become
    /// `12`); anything else ends it.
    pub(crate) number: String,
    /// The change began on the review page: answering goes back there.
    pub(crate) from_review: bool,
}

impl QuestionScreen {
    pub(crate) fn new(step: Question, from_review: bool) -> QuestionScreen {
        QuestionScreen {
            step,
            filter: TextInput::default(),
            selected: 0,
            number: String::new(),
            from_review,
        }
    }
}

/// Ctrl-U clears the filter; Ctrl-A / Ctrl-E, and Home / End once something
/// is typed, move its caret: as in every field. True when `k` was one.
fn edit_filter(q: &mut QuestionScreen, k: &KeyEvent) -> bool {
    let shell = k.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(k.code, KeyCode::Char('u' | 'U' | 'a' | 'A' | 'e' | 'E'));
    let caret = matches!(k.code, KeyCode::Home | KeyCode::End) && !q.filter.text.is_empty();
    if !(shell || caret) {
        return false;
    }
    let before = q.filter.text.clone();
    q.filter.edit(k);
    if q.filter.text != before {
        q.selected = 0;
    }
    true
}

/// A question's commands: typing filters the region and disease lists,
/// a digit highlights, letters pick on the others.
pub(crate) fn commands(cx: &Ctx) -> Vec<Command> {
    use HelpLine as H;
    const TYPE: &[Key] = &[
        Key::AnyChar,
        Key::Code(KeyCode::Backspace),
        Key::Code(KeyCode::Left),
        Key::Code(KeyCode::Right),
    ];
    let (filterable, number) = match cx.screen {
        Screen::Question(q) => (filterable(q.step), !q.number.is_empty()),
        _ => (false, false),
    };
    vec![
        Command::new(Cmd::Type, TYPE, &[H::Type, H::Edit])
            .enabled(filterable)
            .hint("tui.hint.filter"),
        Command::new(Cmd::Move, LIST_KEYS, &[H::Move, H::Page]).hint("tui.hint.choose"),
        Command::new(Cmd::Activate, &[Key::Code(KeyCode::Enter)], &[H::Enter]).hint("tui.hint.ok"),
        Command::new(Cmd::Number, &[Key::Digit], &[H::Numbers]).hint("tui.hint.number"),
        Command::new(Cmd::Letter, &[Key::AnyChar], &[H::Numbers]).enabled(!filterable),
        // Anything else ends a number being typed.
        Command::new(Cmd::EndNumber, &[Key::Any], &[H::Numbers]).enabled(number),
    ]
}

impl QuestionScreen {
    fn chosen(&self, option: usize) -> Action {
        Action::Choose {
            step: self.step,
            option,
            from_review: self.from_review,
        }
    }

    /// A command on the question: `visible` are the options shown (by
    /// index), `all` how many numbers pick among.
    pub(crate) fn update(
        &mut self,
        cmd: Cmd,
        k: &KeyEvent,
        visible: &[usize],
        all: usize,
    ) -> Action {
        let filterable = filterable(self.step);
        let mut action = Action::None;
        if !self.number.is_empty() {
            match k.code {
                KeyCode::Char(c)
                    if to_half_width(&c.to_string())
                        .chars()
                        .all(|d| d.is_ascii_digit()) => {}
                KeyCode::Enter => {
                    let n: usize = self.number.parse().unwrap_or(0);
                    self.number.clear();
                    return self.chosen(n.saturating_sub(1));
                }
                KeyCode::Backspace => {
                    self.number.clear();
                    return Action::Unsay;
                }
                // Anything else ends the number: the item stays highlighted.
                _ => {
                    self.number.clear();
                    action = Action::Unsay;
                }
            }
        }
        if filterable && edit_filter(self, k) {
            return Action::Unsay;
        }
        match cmd {
            Cmd::Move => match k.code {
                KeyCode::Up => move_selection(&mut self.selected, -1, visible.len()),
                KeyCode::Down => move_selection(&mut self.selected, 1, visible.len()),
                KeyCode::PageUp => move_selection(&mut self.selected, -10, visible.len()),
                KeyCode::PageDown => move_selection(&mut self.selected, 10, visible.len()),
                KeyCode::Home if !filterable || self.filter.text.is_empty() => self.selected = 0,
                KeyCode::End if !filterable || self.filter.text.is_empty() => {
                    self.selected = visible.len().saturating_sub(1)
                }
                _ => {}
            },
            Cmd::Activate => {
                return match visible.get(self.selected) {
                    Some(&opt) => self.chosen(opt),
                    None => Action::Say(Level::Error, Message::NoMatch),
                };
            }
            Cmd::Type | Cmd::Number | Cmd::Letter => match k.code {
                KeyCode::Backspace if filterable => {
                    self.filter.backspace();
                    self.selected = 0;
                }
                KeyCode::Left if filterable => self.filter.left(),
                KeyCode::Right if filterable => self.filter.right(),
                KeyCode::Char(c) if !k.modifiers.contains(KeyModifiers::CONTROL) => {
                    if let Some(said) = self.typed_char(c, all) {
                        return said;
                    }
                }
                _ => {}
            },
            _ => {}
        }
        action
    }

    /// A character typed on a list: a digit highlights, else it filters (or,
    /// on the lists without a filter, picks by initial). What the person
    /// is told, when that changes.
    fn typed_char(&mut self, c: char, all: usize) -> Option<Action> {
        let step = self.step;
        let pick_number = Action::Say(Level::Error, Message::PickNumber { max: all });
        let digit = to_half_width(&c.to_string())
            .chars()
            .next()
            .filter(char::is_ascii_digit);
        if let (Some(d), true) = (digit, self.filter.text.is_empty()) {
            // A digit highlights; only Enter confirms. It extends the
            // number typed so far when that still names an item (2
            // then 0 is item 20 of 57), else starts a new one.
            let longer = format!("{}{d}", self.number);
            let typed = match longer.parse::<usize>() {
                Ok(n) if (1..=all).contains(&n) => longer,
                _ => d.to_string(),
            };
            let n: usize = typed.parse().unwrap_or(0);
            if (1..=all).contains(&n) {
                self.number = typed;
                self.selected = n - 1;
                return Some(Action::Say(
                    Level::Info,
                    Message::NumberHighlighted {
                        n,
                        pending: n * 10 <= all,
                    },
                ));
            }
            self.number.clear();
            return Some(pick_number);
        }
        if filterable(step) {
            self.filter.insert(&c.to_string());
            self.selected = 0;
            return Some(Action::Unsay);
        }
        // y / n on yes-no questions, initials on the scheme list.
        let pick = match (step, c.to_ascii_lowercase()) {
            (Question::Retired | Question::Cross, 'y')
            | (Question::Retired | Question::Cross, '是') => Some(0),
            (Question::Retired | Question::Cross, 'n')
            | (Question::Retired | Question::Cross, '否') => Some(1),
            (Question::Scheme, 'z') | (Question::Scheme, 'e') => Some(0),
            (Question::Scheme, 'c') | (Question::Scheme, 'j') | (Question::Scheme, 'r') => Some(1),
            _ => None,
        };
        match pick {
            Some(i) => {
                self.selected = i;
                None
            }
            None => Some(pick_number),
        }
    }

    /// A click on row `row` of the shown options chooses it.
    pub(crate) fn click(&mut self, row: usize, visible: &[usize]) -> Action {
        match visible.get(row) {
            Some(&opt) => {
                self.selected = row;
                self.chosen(opt)
            }
            None => Action::None,
        }
    }
}

/// Whether typing filters this step's list.
pub(crate) fn filterable(step: Question) -> bool {
    matches!(step, Question::Region | Question::Disease)
}

/// "第 N 步，共 M 步" for a question.
pub(crate) fn step_counter(cx: &Ctx, step: Question) -> String {
    let words = cx.words;
    let (n, m) = cx.draft.position(cx.policy, step);
    words.tf("tui.step", &[("n", &n), ("m", &m)])
}

/// The question, its explanation and the header with the step count.
pub(crate) fn draw_question_head(
    frame: &mut Frame,
    cx: &Ctx,
    theme: &Theme,
    areas: &Areas,
    step: Question,
) {
    let words = cx.words(theme);
    let counter = step_counter(cx, step);
    header(
        frame,
        cx,
        theme,
        areas,
        &format!("{} · {counter}", words.t("tui.app_name")),
    );
    let (q, explain) = match step {
        Question::Region => (words.t("tui.q.region"), words.t("tui.e.region").to_string()),
        Question::Scheme => (words.t("tui.q.scheme"), words.t("tui.e.scheme").to_string()),
        Question::Retired => (
            words.t("tui.q.retired"),
            words.t("tui.e.retired").to_string(),
        ),
        Question::Disease => (
            words.t("tui.q.disease"),
            words.tf(
                "tui.e.disease",
                &[(
                    "region",
                    &cx.region()
                        .map(|r| words.name(&r.short_name, r.name_en.as_deref()))
                        .unwrap_or_default(),
                )],
            ),
        ),
        Question::End => (words.t("tui.q.end"), words.t("tui.e.end").to_string()),
        Question::Cross => (words.t("tui.q.cross"), words.t("tui.e.cross").to_string()),
    };
    title_and_explain(frame, words, theme, areas, q, &explain);
}

/// What the question's drawing reads of its options, worked out by the App
/// (which holds the search indexes): read only.
pub(crate) struct Options<'a> {
    /// The options the filter lets through, best match first.
    pub(crate) visible: Vec<usize>,
    /// How many options are listed, and numbered, before anything is typed.
    pub(crate) numbered: usize,
    /// One option's label (the list draws only the rows it shows).
    pub(crate) label: &'a dyn Fn(usize) -> String,
    /// The region filter matches no place: the generic entry is offered.
    pub(crate) nothing_found: bool,
    /// The generic entry's name, and its number in the region list.
    pub(crate) generic_name: String,
    pub(crate) generic_number: Option<usize>,
    /// The disease question's: the entry covering a disease typed, a
    /// disease the list lacks, an entry open to diseases not named.
    pub(crate) cover: Option<(usize, crate::vocabulary::TypedDisease)>,
    pub(crate) not_listed: Option<(&'static crate::vocabulary::Concept, bool)>,
    pub(crate) open: Option<usize>,
}

pub(crate) fn draw(
    frame: &mut Frame,
    cx: &Ctx,
    q: &QuestionScreen,
    options: &Options,
    theme: &Theme,
    areas: &Areas,
) {
    let words = cx.words(theme);
    let step = q.step;
    draw_question_head(frame, cx, theme, areas, step);
    let w = frame.area().width;
    let visible = &options.visible;
    let numbered = options.numbered;
    if filterable(step) {
        text_field(
            frame,
            areas.field.y,
            words.t("tui.filter"),
            theme.question(),
            &q.filter,
            Style::new(),
        );
        let (cover, not_listed, open) = (&options.cover, options.not_listed, options.open);
        let hint = if let Some((concept, others_shown)) = not_listed {
            let key = match others_shown {
                true => "tui.filter.not_listed_other",
                false => "tui.filter.not_listed",
            };
            words.tf(key, &[("concept", &concept.name)])
        } else if visible.is_empty() {
            words.tf("tui.filter.none", &[("text", &q.filter.text)])
        } else if options.nothing_found {
            words.tf(
                "tui.filter.none_region",
                &[("text", &q.filter.text), ("generic", &options.generic_name)],
            )
        } else if let Some((i, typed)) = cover {
            words.tf(
                "tui.filter.cover",
                &[("typed", &typed.shown()), ("entry", &(options.label)(*i))],
            )
        } else if let Some(i) = open {
            words.tf(
                "tui.filter.open_unknown",
                &[("text", &q.filter.text), ("entry", &(options.label)(i))],
            )
        } else if q.filter.text.is_empty() && step == Question::Region && cx.kiosk.is_some() {
            // Digits only: the number of the way on for a place not listed.
            words.tf(
                "tui.filter.hint_kiosk",
                &[
                    ("n", &options.generic_number.unwrap_or(numbered)),
                    ("generic", &options.generic_name),
                ],
            )
        } else if q.filter.text.is_empty() {
            words.t("tui.filter.hint").to_string()
        } else {
            words.tf("tui.filter.found", &[("n", &visible.len())])
        };
        let warn = not_listed.is_some() || open.is_some() || cover.is_some();
        let style = if visible.is_empty() || options.nothing_found || warn {
            theme.danger()
        } else {
            theme.dim()
        };
        put(
            frame,
            1,
            areas.hint.y,
            w - 2,
            text_line(words, &fit(words, &hint, w as usize - 2), style),
        );
    }
    // A place found by typing has no number: numbers pick listed options.
    let rows: Vec<String> = visible
        .iter()
        .map(|&i| match i < numbered {
            true => format!("{:>2}. {}", i + 1, (options.label)(i)),
            false => format!("    {}", (options.label)(i)),
        })
        .collect();
    if let Some(g) = areas.list {
        list_rows(frame, words, theme, g, &rows, q.selected);
    }
}
