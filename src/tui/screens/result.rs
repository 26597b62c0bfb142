//! The result: the plan in tabs (window, documents, channels, checklist,
//! sources), the checklist ticked here and saved at once. This module owns
//! the screen's state (`ResultView`, with the plan's document and its
//! layout cache) and its keys; `window` makes the window pane's lines and
//! `draw` draws the screen.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};

use crate::checklist::Checklist;
use crate::document::SectionKind;
use crate::document::text::TextLine;
use crate::i18n::Words;
use crate::plan::RenewalPlan;
use crate::tui::commands::{Cmd, Command, HelpLine, Key, LIST_KEYS, ORDER_LAST};
use crate::tui::input::TextInput;
use crate::tui::kiosk;
use crate::tui::kiosk::Kiosk;
use crate::tui::layout::{self, Areas};
use crate::tui::message::{Level, Message};
use crate::tui::overlays::Overlay;
use crate::tui::screens::Ctx;
use crate::tui::theme::Theme;

use super::{Action, Screen};

pub use crate::tui::layout::Tab;

mod draw;
mod window;

pub(crate) use draw::draw;
use draw::max_scroll;
pub(crate) use window::summary_rows;

/// The plan's document as the screen shows it (see `document_view`).
pub type Sections = crate::document::Document;

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
    /// The plan's document, cleaned and converted for the language once,
    /// when the result is made. It does not depend on the width: laying it
    /// out for a pane is `laid_out`'s, the one place text is wrapped.
    sections: Sections,
    /// The sections the last frames laid out (not the documents, whose
    /// ticks change): the same sections at the same width are drawn from
    /// here instead of wrapping the text and drawing its tables again.
    laid: RefCell<Vec<Laid>>,
    /// The window summary's height at each width it was counted for.
    summary_rows: RefCell<Vec<(usize, usize)>>,
    /// The words the plan is shown in (the wizard's).
    pub(crate) words: Words,
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
        words: Words,
    ) -> ResultView {
        ResultView {
            sections: crate::tui::document_view::display_document(&plan, words),
            words,
            plan,
            checklist,
            tab: Tab::Window,
            scroll: 0,
            item: 0,
            doc: 0,
            from_home,
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

    /// The plan's document, as every tab shows it.
    pub(crate) fn sections(&self) -> &Sections {
        &self.sections
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
        let lines = Rc::new(crate::tui::document_view::laid_out(
            &self.sections,
            kinds,
            width,
            self.words.with_ascii(ascii),
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

    pub(crate) fn show_tab(&mut self, tab: Tab) {
        self.tab = tab;
        self.scroll = 0;
    }

    /// Lines the text tab is scrolled by.
    pub fn scroll(&self) -> u16 {
        self.scroll
    }
}

/// The result's commands. At a kiosk: no renewal cycle, printing only
/// through the printer, saving here when allowed, and `n` is the next person.
pub(crate) fn commands(cx: &Ctx) -> Vec<Command> {
    use HelpLine as H;
    const TABS: &[Key] = &[
        Key::Code(KeyCode::Tab),
        Key::Code(KeyCode::Right),
        Key::Code(KeyCode::BackTab),
        Key::Code(KeyCode::Left),
        Key::Char('1'),
        Key::Char('2'),
        Key::Char('3'),
        Key::Char('4'),
        Key::Char('5'),
    ];
    let kiosk = cx.kiosk;
    let (on_checklist, ticks, from_home) = match &cx.screen {
        Screen::Result(v) => {
            let tab = layout::pane_tab(v.tab(), &layout::areas(&cx.shown));
            let on_checklist = tab == Tab::Checklist;
            (
                on_checklist,
                on_checklist || tab == Tab::Documents,
                v.from_home.is_some(),
            )
        }
        _ => (false, false, false),
    };
    let mut list = vec![
        Command::new(Cmd::Tabs, TABS, &[H::Tabs]).hint(if kiosk.is_some() {
            "tui.hint.tabs_kiosk"
        } else {
            "tui.hint.tabs"
        }),
        // Space and Enter tick on the documents and the checklist; ↑↓
        // choose there, and scroll the other tabs.
        Command::new(
            Cmd::Tick,
            &[Key::Char(' '), Key::Code(KeyCode::Enter)],
            &[H::Tick],
        )
        .enabled(ticks)
        .hint("tui.hint.tick"),
        Command::new(Cmd::Move, LIST_KEYS, &[H::Move, H::Page]).hint_if(!ticks, "tui.hint.scroll"),
    ];
    // Both the desk's and the kiosk's, in the footer's order; the kiosk
    // decides which it offers.
    let at_kiosk = kiosk.is_some();
    list.extend([
        Command::new(Cmd::Progress, &[Key::Char('c')], &[H::Progress]).hint("tui.hint.progress"),
        if at_kiosk {
            Command::new(Cmd::Print, &[Key::Char('p')], &[H::PrintKiosk])
                .hint("tui.hint.print")
                .order(1)
        } else {
            Command::new(Cmd::Print, &[Key::Char('p')], &[H::Print, H::PrintFile])
                .hint("tui.hint.print_save")
        },
        Command::new(
            Cmd::Qr,
            &[Key::Char('r')],
            if at_kiosk { &[H::QrKiosk] } else { &[H::Qr] },
        )
        .hint("tui.hint.qr"),
        Command::new(Cmd::New, &[Key::Char('n')], &[H::New]),
        Command::new(Cmd::NextPerson, &[Key::Char('n')], &[H::NextPerson])
            .hint("tui.hint.next_person")
            .order(ORDER_LAST),
        Command::new(
            Cmd::Learn,
            &[Key::Char('a')],
            if at_kiosk { &[H::Tick] } else { &[H::Progress] },
        )
        .enabled(on_checklist),
        Command::new(
            Cmd::ListKeys,
            &[
                Key::Code(KeyCode::F(2)),
                Key::Code(KeyCode::F(3)),
                Key::Code(KeyCode::F(4)),
            ],
            &[H::RenameEdit, H::Note],
        )
        .enabled(from_home),
        Command::new(Cmd::SaveHere, &[Key::Char('s')], &[H::SaveHere])
            .hint("tui.hint.save_here")
            .order(1),
    ]);
    list.retain(|c| kiosk::offers(c.cmd, kiosk));
    list
}

/// What the result's keys need of the App: read, never changed.
pub(crate) struct ResultContext {
    pub(crate) kiosk: Option<Kiosk>,
    pub(crate) can_print: bool,
    pub(crate) today: NaiveDate,
    pub(crate) words: Words,
    pub(crate) areas: Areas,
}

/// What the result asks of the App (see `screens::Action`).
#[derive(Debug)]
pub(crate) enum ResultAction {
    /// Tick or untick checklist item `item`; `doc`: the document selected
    /// again afterwards.
    Toggle {
        item: usize,
        doc: Option<usize>,
    },
    /// Show this popup.
    Popup(Overlay),
    /// Show this popup, and what the person was told no longer holds.
    PopupFresh(Overlay),
    NextPerson,
    New,
    SaveHere,
    /// Send this sheet to the printer.
    Print(String),
    OpenCycle,
}

impl ResultView {
    /// A command on the result: tabs, scrolling and the selected item or
    /// document are the view's own; the rest is asked of the App.
    pub(crate) fn update(&mut self, cmd: Cmd, k: &KeyEvent, cx: &ResultContext) -> Action {
        let (kiosk, today, words, areas) = (cx.kiosk, cx.today, cx.words, &cx.areas);
        let items = self.checklist.as_ref().map(|c| c.items.len()).unwrap_or(0);
        let on_checklist = layout::pane_tab(self.tab(), areas) == Tab::Checklist;
        let max = max_scroll(self, areas, words);
        let page = areas.pane.height.max(1);
        let item_page = areas
            .checklist
            .map(|g| usize::from(g.height.max(1)))
            .unwrap_or(1);
        let last_item = items.saturating_sub(1);
        let on_documents = layout::pane_tab(self.tab(), areas) == Tab::Documents;
        if on_documents && let Some(action) = self.document_key(k, areas) {
            return action;
        }
        let view = self;
        let act = |a: ResultAction| Action::Result(a);
        match (cmd, k.code) {
            (Cmd::Tabs, KeyCode::Tab | KeyCode::Right) => view.show_tab(view.tab.next()),
            (Cmd::Tabs, KeyCode::BackTab | KeyCode::Left) => view.show_tab(view.tab.prev()),
            (Cmd::Tabs, KeyCode::Char(c @ '1'..='5')) => {
                view.show_tab(Tab::ALL[(c as u8 - b'1') as usize])
            }
            (Cmd::Move, KeyCode::Up) if on_checklist => view.item = view.item.saturating_sub(1),
            (Cmd::Move, KeyCode::Down) if on_checklist => {
                view.item = (view.item + 1).min(items.saturating_sub(1))
            }
            (Cmd::Move, KeyCode::PageUp) if on_checklist => {
                view.item = view.item.saturating_sub(item_page)
            }
            (Cmd::Move, KeyCode::PageDown) if on_checklist => {
                view.item = (view.item + item_page).min(last_item)
            }
            (Cmd::Move, KeyCode::Up) => view.scroll = view.scroll.min(max).saturating_sub(1),
            (Cmd::Move, KeyCode::Down) => view.scroll = (view.scroll + 1).min(max),
            // A page is the rows the pane shows.
            (Cmd::Move, KeyCode::PageUp) => view.scroll = view.scroll.min(max).saturating_sub(page),
            (Cmd::Move, KeyCode::PageDown) => {
                view.scroll = view.scroll.saturating_add(page).min(max)
            }
            (Cmd::Move, KeyCode::Home) => {
                view.scroll = 0;
                view.item = 0;
            }
            (Cmd::Move, KeyCode::End) => {
                view.scroll = max;
                view.item = last_item;
            }
            (Cmd::Tick, _) if on_checklist => {
                return act(ResultAction::Toggle {
                    item: view.item,
                    doc: None,
                });
            }
            (Cmd::Learn, _) => {
                // The answer to a question of a saved checklist: a number.
                let saved = view.checklist.as_ref().filter(|c| !c.id.is_empty());
                let asked = saved.and_then(|c| {
                    let field = learnable(&c.items.get(view.item)?.id)?;
                    Some((c.id.clone(), field))
                });
                match asked {
                    Some((id, field)) if kiosk::records_on_saved(kiosk) => {
                        return act(ResultAction::PopupFresh(Overlay::Learn {
                            id,
                            field,
                            field_input: TextInput::default(),
                        }));
                    }
                    _ => return Action::Say(Level::Info, Message::LearnNotHere),
                }
            }
            (Cmd::NextPerson, _) => return act(ResultAction::NextPerson),
            (Cmd::New, _) => return act(ResultAction::New),
            (Cmd::Qr, _) => return act(ResultAction::Popup(Overlay::Qr)),
            // Rename, change the answers and notes are the list's: say so.
            (Cmd::ListKeys, _) => {
                return Action::Say(Level::Info, Message::ListKeys);
            }
            (Cmd::SaveHere, _) => {
                let unsaved = view.checklist.as_ref().is_some_and(|c| c.id.is_empty());
                if kiosk::may_save_here(kiosk, unsaved) {
                    return act(ResultAction::SaveHere);
                }
            }
            (Cmd::Print, _) => {
                if cx.can_print {
                    return act(ResultAction::Print(sheet(view, today, false)));
                }
                if !kiosk::may_write_sheet(kiosk) {
                    return Action::Say(Level::Error, Message::NoPrinter);
                }
                let name = default_sheet_name(view, today, words);
                return act(ResultAction::PopupFresh(Overlay::SaveSheet {
                    field: TextInput::with(&name),
                }));
            }
            (Cmd::Progress, _) => {
                // The renewal cycle is a saved checklist's (never a kiosk's).
                let saved = view.checklist.as_ref().is_some_and(|c| !c.id.is_empty());
                if kiosk::records_on_saved(kiosk) && saved {
                    return act(ResultAction::OpenCycle);
                } else if kiosk::records_on_saved(kiosk) {
                    return Action::Say(Level::Info, Message::NotSavedYet);
                }
            }
            _ => {}
        }
        Action::None
    }

    /// Keys of the documents tab: ↑↓ select a document (the pane scrolls to
    /// it), Space or Enter ticks it in the checklist. None for other keys.
    fn document_key(&mut self, k: &KeyEvent, areas: &Areas) -> Option<Action> {
        let view = self;
        let count = view.plan.documents.len();
        match k.code {
            KeyCode::Up => view.doc = view.doc.saturating_sub(1),
            KeyCode::Down => view.doc = (view.doc + 1).min(count.saturating_sub(1)),
            KeyCode::Char(' ') | KeyCode::Enter => {
                let doc = view.doc;
                return Some(match view.document_item(doc) {
                    Some(item) => Action::Result(ResultAction::Toggle {
                        item,
                        doc: Some(doc),
                    }),
                    None => Action::Say(Level::Info, Message::NotSavedYet),
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
        Some(Action::None)
    }
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

/// The printable sheet of the result shown: the checklist with its ticks
/// when there is one (its items' dates made again for the plan shown, on
/// a copy; nothing is saved), else the plan.
pub(crate) fn sheet(view: &ResultView, today: NaiveDate, markdown: bool) -> String {
    let words = view.words;
    match &view.checklist {
        Some(c) => {
            let mut current = c.clone();
            current.refresh(&view.plan, None);
            crate::document::sheet::sheet(&current, Some(&view.plan), today, markdown, words)
        }
        None if markdown => crate::document::plan_markdown(&view.plan, words),
        None => crate::document::plan_text(&view.plan, 78, words),
    }
}

/// The file name offered for the sheet: `续期清单-妈妈-2026-01-15.md`, in
/// the current directory. Characters a file name cannot hold (a slash, a
/// colon …) in the label become `_`.
pub(crate) fn default_sheet_name(view: &ResultView, today: NaiveDate, words: Words) -> String {
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
    let prefix = words.t("tui.sheet.file_prefix");
    if label.is_empty() {
        format!("{prefix}-{today}.md")
    } else {
        format!("{prefix}-{label}-{today}.md")
    }
}

/// Only line counts and positions matter here, and they do not depend on colours.
const PLAIN: Theme = Theme {
    color: false,
    ascii: false,
    high_contrast: false,
};
