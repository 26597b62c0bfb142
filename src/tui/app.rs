//! The wizard's state, its messages and `update`. Pure: no terminal, no
//! files, no clock. Effects that need the outside world (saving) are
//! returned for the shell to perform; their results come back as messages.
//!
//! The state is nested: the `Screen` shown owns its own state (see
//! `screens`), popups are `Overlay`s on a stack, the kiosk's clock and quit
//! key are apart (`tui::kiosk`), and the answers are the shared
//! `wizard::Draft`. Here: the state, the messages and effects, and the
//! routing of input to the popup or screen shown; `actions` the screen's
//! commands and what their actions do; `questions` the options
//! and answers, `saved_list` the home list's checklists, `replies` what the
//! shell's effects answered, `accessors` what tests and the shell read,
//! `tui::message` what the person is told (a typed value `view` puts into words).
//! The state holds the `Words` it was started with; what it tells the
//! person is kept as what happened, and worded when drawn.

mod accessors;
mod actions;
mod kiosk_session;
mod questions;
mod replies;
mod saved_list;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};

use super::commands::{self, Cmd, Command, HelpLine, Key, ORDER_BACK, ORDER_HELP, ORDER_QUIT};
use super::kiosk::{self, KioskState};
use super::layout;
use super::overlays::{self, Overlay};
use super::screens::cycle::{self as cycle_screen, CycleStep};
use super::screens::home::{self, Home};
use super::screens::result;
use super::screens::review::{self, Review};
use crate::checklist::Checklist;
use crate::checklist::agenda::{FilterKeys, NextAction};
use crate::checklist::store::StoreProblem;
use crate::i18n::Words;
use crate::plan::{Answers, RenewalPlan};
use crate::policy::PolicySet;
use crate::search::SearchIndex;
use crate::wizard::Draft;

pub use super::kiosk::Kiosk;
pub(crate) use super::message::Message;
pub use super::message::{Failure, Level, PrintFailure};
pub use super::screens::result::{Sections, Tab};
pub use super::screens::review::ReviewRow;
pub use super::screens::{Page, Screen};
/// The wizard's steps are the plan's questions.
pub use crate::wizard::Question;

#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Paste(String),
    Resize(u16, u16),
    /// A checklist was saved (created or replaced).
    Saved(Result<Checklist, Failure>),
    /// A tick was stored; the checklist as it is on disk now.
    Stored(Result<Checklist, Failure>),
    /// Milliseconds since the program started; the shell sends one every
    /// loop, so `update` knows how long nobody has touched the keys.
    Tick(u64),
    /// The sheet went to the printer (or file), or why not.
    Printed(Result<(), PrintFailure>),
    /// A saved checklist was deleted; the checklist as it was, to undo.
    Deleted(Result<Checklist, Failure>),
    /// A deleted checklist was saved again (undo).
    Restored(Result<Checklist, Failure>),
    /// A saved checklist got a new label.
    Renamed(Result<Checklist, Failure>),
    /// A note was added to a saved checklist.
    Noted(Result<Checklist, Failure>),
    /// A step of the renewal cycle was recorded: the checklist as saved.
    CycleRecorded(Result<Checklist, Failure>),
    /// What the person was told was recorded: the checklist as saved.
    Learned(Result<Checklist, Failure>),
    /// The sheet was written to this file, or why not.
    SheetWritten(Result<std::path::PathBuf, SheetError>),
    /// A tick was not stored because the checklist moved on to another
    /// renewal cycle elsewhere (the CLI, another window): the checklist as
    /// it is on disk now, to show instead.
    ChangedElsewhere(Checklist),
    /// A tick could not be stored: the item shows what is on disk again.
    TickFailed {
        id: String,
        item: String,
        done: bool,
        error: Failure,
    },
}

/// Why the sheet was not written to the file named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    /// A file of that name is there: written only when the person says so.
    Exists(std::path::PathBuf),
    /// Anything else, said in the person's language.
    Failed(String),
}

/// What the shell must do for `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Create a checklist, or replace the answers of `existing` keeping ticks.
    Save {
        existing: Option<String>,
        label: String,
        answers: Answers,
        plan: Box<RenewalPlan>,
        /// Items ticked before saving (at a kiosk), to tick in the new file.
        ticked: Vec<String>,
    },
    /// Send the printable sheet to the configured printer or file.
    Print(String),
    /// Give the terminal back and stop, as Ctrl-Z asks.
    Suspend,
    SetDone {
        id: String,
        item: String,
        done: bool,
        /// The renewal cycle the screen shows (the number of past cycles):
        /// a file moved on to another cycle meanwhile is not ticked.
        cycle: usize,
    },
    /// Delete a saved checklist (the person confirmed).
    Delete {
        id: String,
    },
    /// Save a deleted checklist again, as it was (undo).
    Restore(Box<Checklist>),
    /// Give a saved checklist a new label.
    Rename {
        id: String,
        label: String,
    },
    /// Add a note dated today to a saved checklist.
    Note {
        id: String,
        text: String,
    },
    /// Record a step of the renewal cycle on a saved checklist.
    Cycle {
        id: String,
        step: CycleStep,
    },
    /// Write the sheet to a file the person named (never through a link;
    /// an existing file only when `overwrite`).
    WriteSheet {
        path: String,
        text: String,
        overwrite: bool,
    },
    /// Record on a saved checklist what the person was told (the answer
    /// to one of its `ask:` items), as `renew checklist learn` does.
    Learn {
        id: String,
        field: crate::plan::learned::LearnedField,
        value: u32,
    },
    Quit,
}

pub struct App {
    pub(crate) policy: PolicySet,
    pub(crate) today: NaiveDate,
    pub(crate) size: (u16, u16),
    pub(crate) screen: Screen,
    /// Popups over the screen, the top one last.
    pub(crate) overlays: Vec<Overlay>,
    /// Answers so far, kept whatever screen shows.
    pub(crate) draft: Draft,
    /// What the person is told under the screen; `view` words it.
    pub(crate) message: Option<(Level, Message)>,
    /// The language and marks the wizard speaks in, chosen at start-up.
    pub(crate) words: Words,
    /// Saved checklists, by the next thing to do.
    pub(crate) saved: Vec<Checklist>,
    /// Each saved checklist's next action, in the order of `saved`.
    pub(crate) saved_next: Vec<Option<NextAction>>,
    /// What the home list filters on, in the order of `saved`: built on the
    /// first keystroke in the filter, dropped when `saved` changes.
    pub(crate) saved_keys: Option<Vec<FilterKeys>>,
    /// The home list as it was left, while a checklist opened from it shows.
    pub(crate) home_stash: Option<Home>,
    /// Checklists deleted this session, the last one last: Ctrl-U on the
    /// home list saves it again.
    pub(crate) deleted: Vec<Checklist>,
    /// The answers being changed are a saved checklist's, opened from the
    /// home list (F3): Esc on the review page goes back to the list.
    pub(crate) editing: bool,
    pub(crate) problems: Vec<StoreProblem>,
    /// Id of the checklist this session's answers were saved as.
    pub(crate) saved_id: Option<String>,
    pub(crate) quit: bool,
    /// Walk-up kiosk: nothing saved unless chosen, idle reset, operator quit.
    pub(crate) kiosk: Option<KioskState>,
    /// A printer or print file is configured.
    pub(crate) can_print: bool,
    /// Where a sheet saved under a bare file name goes (the shell's current
    /// directory when not set).
    pub(crate) sheet_dir: Option<std::path::PathBuf>,
    /// Milliseconds since the shell started, as the last tick said.
    pub(crate) now_ms: u64,
    regions: SearchIndex,
    diseases: Option<(usize, SearchIndex)>,
    /// The region question's options: regions with data, then every place.
    choices: Vec<crate::policy::Choice>,
}

impl App {
    pub fn new(
        policy: PolicySet,
        today: NaiveDate,
        saved: Vec<Checklist>,
        problems: Vec<StoreProblem>,
        words: Words,
    ) -> App {
        let choices = crate::policy::choices(&policy);
        let regions = policy.region_index(&choices);
        let mut app = App {
            policy,
            today,
            size: (80, 24),
            screen: Screen::Home(Home::default()),
            overlays: Vec::new(),
            draft: Draft::default(),
            message: None,
            words,
            saved: Vec::new(),
            saved_next: Vec::new(),
            saved_keys: None,
            home_stash: None,
            deleted: Vec::new(),
            editing: false,
            problems,
            saved_id: None,
            quit: false,
            kiosk: None,
            can_print: false,
            sheet_dir: None,
            now_ms: 0,
            regions,
            diseases: None,
            choices,
        };
        app.set_saved(saved);
        if app.saved.is_empty() {
            app.enter_step(Question::Region, false);
        }
        app
    }

    /// Esc: one step back; no answer is cleared.
    fn back(&mut self) {
        self.message = None;
        let (step, from_review) = match &mut self.screen {
            Screen::Home(_) => return,
            Screen::Question(q) => (q.step, q.from_review),
            Screen::Date(d) => (Question::End, d.from_review),
            Screen::Review(r) if r.label.is_some() => {
                r.label = None;
                return;
            }
            Screen::Review(_) if self.editing => {
                // Changing a saved checklist's answers ends here, unsaved
                // (the answers stay in the draft, as Back always keeps them;
                // F3 and 新建 start from the saved ones or from none).
                self.go_home();
                return;
            }
            Screen::Review(_) => {
                if let Some(last) = self.steps().last().copied() {
                    self.enter_step(last, false);
                }
                return;
            }
            Screen::Result(v) => {
                match v.from_home {
                    Some(_) => self.go_home(),
                    None => self.show_review(),
                }
                return;
            }
            Screen::Cycle(_) => {
                self.message = None;
                if let Screen::Cycle(c) = &mut self.screen
                    && !c.back()
                    && let Screen::Cycle(c) =
                        std::mem::replace(&mut self.screen, Screen::Home(Home::default()))
                {
                    self.screen = Screen::Result(c.result);
                }
                return;
            }
        };
        if from_review && self.draft.complete(&self.policy) {
            self.show_review();
            return;
        }
        match self.draft.prev(&self.policy, step) {
            Some(prev) => self.enter_step(prev, false),
            None => {
                if self.kiosk.is_none() && !self.saved.is_empty() {
                    self.go_home();
                } else if let Screen::Question(q) = &mut self.screen {
                    q.from_review = false;
                }
            }
        }
    }

    /// Ticks (or unticks) checklist item `index`; the store confirms.
    pub(crate) fn toggle_item(&mut self, index: usize) -> Vec<Effect> {
        let Some(view) = self.result_mut() else {
            return Vec::new();
        };
        let Some(c) = view.checklist.as_mut() else {
            self.message = Some((Level::Info, Message::NotSavedYet));
            return Vec::new();
        };
        let Some(item) = c.items.get_mut(index) else {
            return Vec::new();
        };
        let done = !item.done;
        // Show the tick at once; the store confirms with what is on disk.
        item.done = done;
        view.item = index;
        if c.id.is_empty() {
            // Not saved (kiosk): the tick lives only in this session.
            return Vec::new();
        }
        vec![Effect::SetDone {
            id: c.id.clone(),
            item: item.id.clone(),
            done,
            cycle: c.history.len(),
        }]
    }
}

fn is_ctrl_c(k: &KeyEvent) -> bool {
    k.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(k.code, KeyCode::Char('c') | KeyCode::Char('C'))
}

/// Applies one message to the state and returns what the shell must do.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Resize(w, h) => {
            app.size = (w, h);
            Vec::new()
        }
        Msg::Tick(ms) => {
            app.now_ms = ms;
            kiosk_session::tick(app, ms);
            Vec::new()
        }
        Msg::Paste(_) | Msg::Mouse(_) | Msg::Key(_) if app.countdown().is_some() => {
            // Someone is still here: stop the countdown; the key does nothing else.
            kiosk_session::still_here(app);
            Vec::new()
        }
        Msg::Paste(text) => {
            kiosk_session::touched(app);
            if !layout::too_small(app.size) {
                paste(app, &text);
            }
            Vec::new()
        }
        Msg::Mouse(m) => {
            if matches!(m.kind, MouseEventKind::Down(_)) {
                kiosk_session::touched(app);
            }
            mouse(app, m)
        }
        Msg::Key(k) => on_key(app, k),
        reply => {
            replies::reply(app, reply);
            Vec::new()
        }
    }
}

/// A key: the keys that stop or suspend the program (at a kiosk only the
/// operator's), then the popup shown, then the screen.
fn on_key(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    if k.kind == KeyEventKind::Release {
        return Vec::new();
    }
    kiosk_session::touched(app);
    if app.kiosk.is_some() {
        if let Some(effects) = kiosk_session::operator_key(app, &k) {
            return effects;
        }
    } else if is_ctrl_c(&k) {
        app.quit = true;
        return vec![Effect::Quit];
    } else if k.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(k.code, KeyCode::Char('z') | KeyCode::Char('Z'))
    {
        // Ctrl-Z suspends, as in any terminal program.
        return vec![Effect::Suspend];
    }
    // Nothing can be seen to act on in a window too small to draw.
    if layout::too_small(app.size) {
        return Vec::new();
    }
    if let Some(effects) = overlays::key(app, &k) {
        return effects;
    }
    actions::key(app, k)
}

/// Whether keys type into a text field on this screen.
fn typing(app: &App) -> bool {
    match app.page() {
        Page::Question(step) => App::filterable(step) || step == Question::End,
        Page::Review { editing_label } => editing_label,
        Page::Home => true,
        Page::Cycle { typing } => typing,
        Page::Result => false,
    }
}

fn paste(app: &mut App, text: &str) {
    let text = text.lines().next().unwrap_or("");
    if overlays::paste(app, text) {
        return;
    }
    match &mut app.screen {
        Screen::Date(d) => d.field.insert(text),
        Screen::Question(q) if App::filterable(q.step) => {
            q.filter.insert(text);
            q.selected = 0;
        }
        Screen::Review(Review {
            label: Some(label), ..
        }) => label.insert(text),
        Screen::Home(h) => {
            h.filter.insert(text);
            app.refilter_home();
            let shown = home::len(&app.screen, app.saved.len()) - 1;
            if let Screen::Home(h) = &mut app.screen {
                h.selected = usize::from(shown > 0);
            }
        }
        Screen::Cycle(c) => c.paste(text),
        _ => {}
    }
}

/// The commands every screen has: help, quit, back.
fn shared(app: &App) -> Vec<Command> {
    let page = app.page();
    let kiosk = app.kiosk.is_some();
    let editing_label = page
        == Page::Review {
            editing_label: true,
        };
    let is_typing = typing(app);
    let mut list = vec![
        Command::new(Cmd::Back, &[Key::Code(KeyCode::Esc)], &[HelpLine::Back])
            .hint_if(
                page != Page::Home,
                if editing_label {
                    "tui.hint.cancel"
                } else {
                    "tui.hint.back"
                },
            )
            .order(ORDER_BACK),
        Command::new(Cmd::Help, &[Key::Char('?')], &[HelpLine::Help])
            .enabled(!editing_label)
            // At a kiosk the result's footer has no room for it.
            .hint_if(!(kiosk && page == Page::Result), "tui.hint.help")
            .order(ORDER_HELP),
    ];
    // Only the operator can quit a kiosk, with a key nobody is shown.
    if kiosk::offers(Cmd::Quit, app.kiosk()) {
        list.push(
            Command::new(Cmd::Quit, &[Key::Plain('q')], &[HelpLine::Quit])
                .enabled(!is_typing)
                .hint("tui.hint.quit")
                .order(ORDER_QUIT),
        );
        // Ctrl-C is taken before any screen (`on_key`); shown while typing.
        list.push(
            Command::new(Cmd::Quit, &[Key::Ctrl('c')], &[HelpLine::Quit])
                .hint_if(is_typing && !editing_label, "tui.hint.quit_typing")
                .order(ORDER_QUIT),
        );
    }
    list
}

/// The commands of the screen shown, and those every screen has: what its
/// keys do, its footer and (with the other screens') the help.
pub(crate) fn commands(app: &App) -> Vec<Command> {
    commands_in(app, &app.ctx())
}

/// [`commands`] with the context a frame already built.
pub(crate) fn commands_in(app: &App, cx: &super::screens::Ctx) -> Vec<Command> {
    use super::screens::{date, question};
    let mut list = match app.page() {
        Page::Home => home::commands(cx),
        Page::Question(Question::End) => date::commands(cx),
        Page::Question(_) => question::commands(cx),
        Page::Review { .. } => review::commands(cx),
        Page::Result => result::commands(cx),
        Page::Cycle { .. } => cycle_screen::commands(cx),
    };
    list.extend(shared(app));
    list
}

/// Every screen's commands, for the help (which lists the keys of all).
pub(crate) fn all_commands(app: &App) -> Vec<Command> {
    use super::screens::{date, question};
    let cx = app.ctx();
    let mut list = home::commands(&cx);
    list.extend(question::commands(&cx));
    list.extend(date::commands(&cx));
    list.extend(review::commands(&cx));
    list.extend(result::commands(&cx));
    list.extend(cycle_screen::commands(&cx));
    list.extend(shared(app));
    list
}

fn mouse(app: &mut App, m: MouseEvent) -> Vec<Effect> {
    if layout::too_small(app.size) || overlays::mouse(app, &m) {
        return Vec::new();
    }
    use crossterm::event::MouseButton;
    use layout::Hit;
    match m.kind {
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let code = if m.kind == MouseEventKind::ScrollDown {
                KeyCode::Down
            } else {
                KeyCode::Up
            };
            if app.page() == Page::Result {
                return actions::result_key(
                    app,
                    Cmd::Move,
                    KeyEvent::new(code, KeyModifiers::NONE),
                );
            }
            Vec::new()
        }
        MouseEventKind::Down(MouseButton::Left) => match layout::hit(&app.shown(), m.column, m.row)
        {
            Some(Hit::Option(i)) => match app.page() {
                Page::Home => {
                    let saved = app.saved.len();
                    match &mut app.screen {
                        Screen::Home(h) => {
                            let action = h.click(i, saved);
                            actions::act(app, action)
                        }
                        _ => Vec::new(),
                    }
                }
                Page::Cycle { .. } => match &mut app.screen {
                    Screen::Cycle(c) => {
                        let action = c.click(i, &app.policy, app.today);
                        actions::act(app, action)
                    }
                    _ => Vec::new(),
                },
                Page::Question(step) => {
                    let visible = app.visible_options(step);
                    match &mut app.screen {
                        Screen::Question(q) => {
                            let action = q.click(i, &visible);
                            actions::act(app, action)
                        }
                        _ => Vec::new(),
                    }
                }
                Page::Review {
                    editing_label: false,
                } => {
                    let rows = app.review_rows();
                    match &mut app.screen {
                        Screen::Review(r) => {
                            let action = r.click(i, &rows);
                            actions::act(app, action)
                        }
                        _ => Vec::new(),
                    }
                }
                _ => Vec::new(),
            },
            Some(Hit::Tab(t)) => {
                if let Some(v) = app.result_mut() {
                    v.show_tab(t);
                }
                Vec::new()
            }
            Some(Hit::Item(i)) => app.toggle_item(i),
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}
