//! The home list: 新建 on top, then the saved checklists by the next thing
//! to do (apply-by days first, then windows opening). Typing filters it
//! (label, region, disease, pinyin); Del deletes (after a confirm, and
//! Ctrl-U puts it back for the rest of the session), F2 renames, F3
//! changes the answers keeping the ticks that still apply. Never shown at
//! a kiosk: a kiosk holds no saved checklists.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::move_selection;
use crate::checklist::Checklist;
use crate::checklist::agenda::{self, ActionKind, Mark, NextAction};
use crate::checklist::cycle::{CycleState, month_day};
use crate::document::text::pad;
use crate::i18n::Words;
use crate::plan::Status;
use crate::tui::commands::{Cmd, Command, HelpLine, Key, LIST_KEYS};
use crate::tui::input::TextInput;
use crate::tui::layout::{Areas, ListGeom};
use crate::tui::message::{Level, Message};
use crate::tui::screens::Ctx;
use crate::tui::theme::Theme;
use crate::tui::view::{fit, header, put, status_glyph, text_field, text_line, title_and_explain};

use super::{Action, Screen};

#[derive(Debug, Clone, Default)]
pub struct Home {
    /// Highlighted row: 0 is 新建, `i + 1` is the `i`th checklist shown.
    pub(crate) selected: usize,
    /// What was typed to filter the list.
    pub(crate) filter: TextInput,
    /// Indices into `App::saved` the filter lets through, in order; `None`
    /// while nothing is typed (all of them, without a list of 5,000).
    pub(crate) visible: Option<Vec<usize>>,
    /// The checklist highlighted when the list was left (opened, edited),
    /// by id: the list may be in another order when it comes back.
    pub(crate) left_on: Option<String>,
}

impl Home {
    /// Checklists shown.
    pub(crate) fn shown(&self, saved: usize) -> usize {
        self.visible.as_ref().map_or(saved, Vec::len)
    }

    /// The index into `App::saved` of list row `row` (row 0 is 新建).
    pub(crate) fn checklist_at(&self, row: usize, saved: usize) -> Option<usize> {
        let i = row.checked_sub(1)?;
        match &self.visible {
            Some(v) => v.get(i).copied(),
            None => (i < saved).then_some(i),
        }
    }

    /// Shows the checklists matching the filter again: after a keystroke,
    /// or when the saved list changed. The filter keys are built on the
    /// first keystroke, not when the list opens (at 5,000 checklists they
    /// take longer than everything else the opening does).
    pub(crate) fn refilter(
        &mut self,
        keys: &mut Option<Vec<agenda::FilterKeys>>,
        saved: &[Checklist],
        policy: &crate::policy::PolicySet,
    ) {
        if self.filter.text.trim().is_empty() {
            self.visible = None;
        } else {
            let keys = keys.get_or_insert_with(|| agenda::filter_keys(saved, policy));
            self.visible = Some(agenda::filter(keys, &self.filter.text));
        }
    }

    /// Highlights the checklist of id `want` if the filter shows it, else
    /// keeps the highlighted row (within the rows there are now).
    pub(crate) fn highlight(&mut self, want: Option<String>, saved: &[Checklist]) {
        let row = want
            .and_then(|id| saved.iter().position(|c| c.id == id))
            .and_then(|i| self.row_of(i));
        let len = self.shown(saved.len()) + 1;
        self.selected = row.unwrap_or(self.selected).min(len - 1);
    }

    /// The row showing saved checklist `index`, if the filter shows it.
    fn row_of(&self, index: usize) -> Option<usize> {
        match &self.visible {
            Some(v) => v.iter().position(|i| *i == index).map(|p| p + 1),
            None => Some(index + 1),
        }
    }
}

/// Rows of the list: 新建 and each checklist the filter shows.
pub(crate) fn len(screen: &Screen, saved: usize) -> usize {
    match screen {
        Screen::Home(h) => h.shown(saved) + 1,
        _ => saved + 1,
    }
}

/// The home list's commands (none at a kiosk, which has no list).
pub(crate) fn commands(cx: &Ctx) -> Vec<Command> {
    use HelpLine as H;
    if !crate::tui::kiosk::has_home_list(cx.kiosk) {
        return Vec::new();
    }
    vec![
        Command::new(Cmd::Move, LIST_KEYS, &[H::Move, H::Page]).hint("tui.hint.pick"),
        Command::new(Cmd::Activate, &[Key::Code(KeyCode::Enter)], &[H::Enter])
            .hint("tui.hint.open"),
        Command::new(
            Cmd::Delete,
            &[Key::Code(KeyCode::Delete), Key::Ctrl('d')],
            &[H::Delete],
        )
        .hint("tui.hint.delete"),
        Command::new(
            Cmd::Rename,
            &[Key::Code(KeyCode::F(2)), Key::Ctrl('r')],
            &[H::RenameEdit],
        )
        .hint("tui.hint.list_keys"),
        Command::new(
            Cmd::EditAnswers,
            &[Key::Code(KeyCode::F(3)), Key::Ctrl('t')],
            &[H::RenameEdit],
        )
        .hint("tui.hint.list_keys"),
        Command::new(
            Cmd::Note,
            &[Key::Code(KeyCode::F(4)), Key::Ctrl('o')],
            &[H::Note],
        )
        .hint("tui.hint.list_keys"),
        Command::new(Cmd::Undo, &[Key::Ctrl('y')], &[H::Delete]),
        Command::new(Cmd::New, &[Key::Ctrl('n')], &[H::New]),
        // Ctrl-U / Ctrl-A / Ctrl-E edit the filter, as in every field.
        Command::new(
            Cmd::Type,
            &[
                Key::AnyChar,
                Key::Code(KeyCode::Backspace),
                Key::Code(KeyCode::Left),
                Key::Code(KeyCode::Right),
            ],
            &[H::ListFilter, H::Edit],
        ),
    ]
}

impl Home {
    /// A command on the home list of `saved` checklists: the highlight and
    /// the filter are the list's own; what the list's keys do to the saved
    /// checklists, the App does (`Action::Home`).
    pub(crate) fn update(&mut self, cmd: Cmd, k: &KeyEvent, saved: usize) -> Action {
        let len = self.shown(saved) + 1;
        match cmd {
            Cmd::Move => match k.code {
                KeyCode::Up => move_selection(&mut self.selected, -1, len),
                KeyCode::Down => move_selection(&mut self.selected, 1, len),
                KeyCode::PageUp => move_selection(&mut self.selected, -10, len),
                KeyCode::PageDown => move_selection(&mut self.selected, 10, len),
                KeyCode::Home => self.selected = 0,
                KeyCode::End => self.selected = len - 1,
                _ => {}
            },
            Cmd::Activate => return self.open(self.selected, saved),
            Cmd::Delete | Cmd::Rename | Cmd::Note | Cmd::EditAnswers => {
                return match self.checklist_at(self.selected, saved) {
                    Some(index) => Action::Home(HomeAction::On { cmd, index }),
                    None => Action::Say(Level::Info, Message::PickFirst),
                };
            }
            Cmd::Undo => return Action::Home(HomeAction::Undo),
            Cmd::New => return Action::Home(HomeAction::New),
            Cmd::Type => {
                let before = self.filter.text.clone();
                if self.filter.edit(k) && self.filter.text != before {
                    return Action::Home(HomeAction::Refilter);
                }
            }
            _ => {}
        }
        Action::None
    }

    /// A click on row `row` opens it.
    pub(crate) fn click(&mut self, row: usize, saved: usize) -> Action {
        self.selected = row;
        self.open(row, saved)
    }

    /// Opens the row: a new plan, or the saved checklist.
    fn open(&self, row: usize, saved: usize) -> Action {
        match self.checklist_at(row, saved) {
            Some(index) => Action::Home(HomeAction::Open(index)),
            None if row == 0 => Action::Home(HomeAction::New),
            None => Action::None,
        }
    }
}

/// What the home list asks of the App, which owns the saved checklists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HomeAction {
    /// Open saved checklist `index` (to tick).
    Open(usize),
    /// Start a new plan.
    New,
    /// Del, F2, F4 or F3 on saved checklist `index`.
    On { cmd: Cmd, index: usize },
    /// Save the checklist deleted last again.
    Undo,
    /// The filter changed: show the checklists it matches.
    Refilter,
}

/// A checklist's standing in a list: a glyph and words (never colour
/// alone), and the colour.
pub(crate) struct Standing {
    pub(crate) glyph: &'static str,
    pub(crate) words: String,
    pub(crate) style: Style,
}

fn days(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// Where a checklist stands on `today`, from its next action: the apply-by
/// day passed (✗), the window opening within 14 days (◎), under review (◇),
/// refused (✗); else as its window stands: open (●), not yet open (○), in
/// the grace period after the end (◐), no renewal needed (✓).
pub(crate) fn standing(
    theme: &Theme,
    c: &Checklist,
    next: Option<&NextAction>,
    today: NaiveDate,
    words: Words,
) -> Standing {
    let glyph = |fancy: &'static str, ascii: &'static str| if theme.ascii { ascii } else { fancy };
    let mark = agenda::mark(c, next, today);
    let closes = days(today, c.window.closes);
    let status = c.window.status(today);
    match (c.cycle.state, mark, next) {
        (CycleState::Submitted, _, next) => Standing {
            glyph: glyph("◇ ", "@ "),
            words: agenda::review_words(next, words),
            style: theme.info(),
        },
        (CycleState::Refused, ..) => Standing {
            glyph: glyph("✗ ", "x "),
            words: words.tf(
                "tui.home.refused",
                &[(
                    "date",
                    &c.cycle
                        .refused_on
                        .map(|d| month_day(d, words))
                        .unwrap_or_default(),
                )],
            ),
            style: theme.danger(),
        },
        (_, Some(Mark::Passed), Some(a)) if a.kind == ActionKind::Late => Standing {
            glyph: glyph("✗ ", "x "),
            words: words.tf("tui.home.expired", &[("n", &days(a.date, today))]),
            style: theme.danger(),
        },
        // Ended, still accepted until the grace period's last day.
        (_, _, Some(a)) if status == Status::Grace => Standing {
            glyph: status_glyph(theme, status),
            words: words.tf(
                "tui.home.grace",
                &[("until", &a.date), ("n", &days(today, a.date))],
            ),
            style: theme.warn(),
        },
        (_, Some(Mark::Passed), Some(a)) => Standing {
            glyph: glyph("✗ ", "x "),
            words: words.tf(
                "tui.home.apply_by_passed",
                &[("date", &month_day(a.date, words)), ("n", &closes)],
            ),
            style: theme.danger(),
        },
        (_, Some(Mark::OpensSoon), Some(a)) => Standing {
            glyph: glyph("◎ ", "! "),
            words: words.tf("tui.home.opens_soon", &[("n", &days(today, a.date))]),
            style: theme.warn(),
        },
        _ if status == Status::NoRenewal => Standing {
            glyph: status_glyph(theme, status),
            // Only the program's reading of the source: to be confirmed.
            words: words
                .t(if c.window.no_renewal_inferred {
                    "tui.home.no_renewal_inferred"
                } else {
                    "tui.home.no_renewal"
                })
                .to_string(),
            style: theme.ok(),
        },
        (_, _, Some(a)) if a.kind == ActionKind::Prepare => Standing {
            glyph: glyph("○ ", "o "),
            words: words.tf("tui.home.not_yet", &[("n", &days(today, a.date))]),
            style: theme.info(),
        },
        // The day to act on, and the window's end when it is later.
        (_, _, Some(a)) if a.kind == ActionKind::ApplyBy && days(today, a.date) < closes => {
            Standing {
                glyph: glyph("● ", "* "),
                words: words.tf(
                    "tui.home.open_apply_by",
                    &[("apply", &days(today, a.date)), ("n", &closes)],
                ),
                style: if days(today, a.date) <= 14 {
                    theme.warn()
                } else {
                    theme.ok()
                },
            }
        }
        _ => Standing {
            glyph: glyph("● ", "* "),
            words: words.tf("tui.home.open", &[("n", &closes)]),
            style: if closes <= 14 {
                theme.warn()
            } else {
                theme.ok()
            },
        },
    }
}

/// Who the checklist is for: the label, the disease when the label is
/// something else, the end date, then the region (cut first at 80 columns:
/// a clinic's checklists are mostly of one region). Names with their
/// English gloss in English, when the data still has them.
fn who(cx: &Ctx, c: &Checklist) -> String {
    let words = cx.words;
    let region = cx.policy.regions.iter().find(|r| r.id == c.answers.region);
    let disease = region.and_then(|r| r.diseases.iter().find(|d| d.id == c.answers.disease));
    let mut parts = vec![c.label.clone()];
    if c.label != c.disease_name && c.label != c.disease_shown(words) {
        let entry = words.name(&c.disease_name, disease.and_then(|d| d.name_en.as_deref()));
        parts.push(crate::vocabulary::entry_with_typed(
            &entry,
            c.typed_disease.as_ref(),
            words,
        ));
    }
    // No end date to show where none is kept.
    if c.window.status(cx.today) != Status::NoRenewal {
        parts.push(format!("{} {}", words.t("tui.home.ends"), c.window.closes));
    }
    parts.push(words.name(&c.region_name, region.and_then(|r| r.name_en.as_deref())));
    // The last thing done, for the clerk who calls the patient.
    if let Some(n) = c.last_note() {
        parts.push(crate::checklist::notes::note_line(n, cx.today));
    }
    parts.join(" · ")
}

/// The widest the status column gets before rows stop lining up.
const STATUS_MAX: usize = 30;

pub(crate) fn draw(frame: &mut Frame, cx: &Ctx, home: &Home, theme: &Theme, areas: &Areas) {
    let words = cx.words(theme);
    let w = frame.area().width;
    header(frame, cx, theme, areas, words.t("tui.app_name"));
    title_and_explain(
        frame,
        words,
        theme,
        areas,
        words.t("tui.home.title"),
        words.t("tui.home.explain"),
    );
    text_field(
        frame,
        areas.field.y,
        words.t("tui.filter"),
        theme.question(),
        &home.filter,
        Style::new(),
    );
    filter_hint(frame, cx, home, theme, areas);
    let Some(g) = areas.list else { return };
    draw_list(frame, cx, home, theme, g);
    if let Some(problem) = cx.problems.first() {
        // A file the list could not read: said under it.
        let y = areas.body.bottom().saturating_sub(1);
        let text = crate::checklist::words::problem_text(problem, words);
        put(
            frame,
            1,
            y,
            w - 2,
            text_line(
                words,
                &fit(words, &format!("! {text}"), w as usize - 2),
                theme.warn(),
            ),
        );
    }
}

/// Under the filter: how many it found, that it found none, or how to filter.
fn filter_hint(frame: &mut Frame, cx: &Ctx, home: &Home, theme: &Theme, areas: &Areas) {
    let words = cx.words(theme);
    let w = frame.area().width;
    let shown = home.shown(cx.saved.len());
    let typed = !home.filter.text.trim().is_empty();
    let (hint, hint_style) = if typed && shown == 0 {
        (
            words.tf("tui.home.filter_none", &[("text", &home.filter.text)]),
            theme.danger(),
        )
    } else if typed {
        (
            words.tf(
                "tui.home.filter_found",
                &[("n", &shown), ("total", &cx.saved.len())],
            ),
            theme.dim(),
        )
    } else {
        (words.t("tui.home.filter_hint").to_string(), theme.dim())
    };
    put(
        frame,
        1,
        areas.hint.y,
        w - 2,
        text_line(words, &fit(words, &hint, w as usize - 2), hint_style),
    );
}

/// The rows that show: 新建, then each checklist's standing, progress and
/// whom it is for; ↑↓ when more is above or below.
fn draw_list(frame: &mut Frame, cx: &Ctx, home: &Home, theme: &Theme, g: ListGeom) {
    let words = cx.words(theme);
    let w = frame.area().width;
    let shown = home.shown(cx.saved.len());
    // Only the rows that show are worked out: a clinic keeps thousands.
    let rows: Vec<(usize, Option<usize>)> = (g.offset
        ..(shown + 1).min(g.offset + usize::from(g.height)))
        .map(|row| (row, home.checklist_at(row, cx.saved.len())))
        .collect();
    let standings: Vec<Option<Standing>> = rows
        .iter()
        .map(|(_, i)| {
            i.map(|i| {
                standing(
                    theme,
                    &cx.saved[i],
                    cx.saved_next.get(i).and_then(Option::as_ref),
                    cx.today,
                    words,
                )
            })
        })
        .collect();
    let status_w = standings
        .iter()
        .flatten()
        .map(|s| s.words.width())
        .max()
        .unwrap_or(0)
        .min(STATUS_MAX);
    let width = usize::from(w) - 2;
    for ((row, index), standing) in rows.iter().zip(&standings) {
        let y = g.top + (row - g.offset) as u16 * g.stride;
        let selected = *row == home.selected;
        let pointer = if selected { theme.pointer() } else { "  " };
        let line = match (index, standing) {
            (Some(i), Some(s)) => {
                let c = &cx.saved[*i];
                let (done, total) = c.progress();
                // Status and progress first: at 80 columns the end of the
                // row (the region, the end date) is what is cut.
                let head = format!("{pointer}{}{}  ", s.glyph, pad(&s.words, status_w));
                // Nothing required (no renewal): a dash, not "0/0".
                let counted = match total {
                    0 => "-".to_string(),
                    _ => format!("{done}/{total}"),
                };
                let progress = format!("{:<5}  ", counted);
                let rest = width.saturating_sub(head.width() + progress.width());
                let tail = fit(words, &who(cx, c), rest);
                if selected {
                    text_line(
                        words,
                        &fit(words, &format!("{head}{progress}{tail}"), width),
                        theme.selected(),
                    )
                } else {
                    let head = fit(words, &head, width);
                    Line::from(vec![
                        Span::styled(words.data(&head), s.style),
                        Span::raw(progress),
                        Span::raw(words.data(&tail)),
                    ])
                }
            }
            _ => text_line(
                words,
                &fit(
                    words,
                    &format!("{pointer}{}", words.t("tui.home.new")),
                    width,
                ),
                if selected {
                    theme.selected()
                } else {
                    Style::new()
                },
            ),
        };
        put(frame, 1, y, w - 2, line);
    }
    if g.offset > 0 {
        put(frame, w - 2, g.top, 1, text_line(words, "↑", theme.dim()));
    }
    if g.offset + usize::from(g.height) < shown + 1 {
        put(
            frame,
            w - 2,
            g.top + g.height * g.stride - 1,
            1,
            text_line(words, "↓", theme.dim()),
        );
    }
}
