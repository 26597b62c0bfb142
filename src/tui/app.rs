//! The wizard's state, its messages and `update`. Pure: no terminal, no
//! files, no clock. Effects that need the outside world (saving) are
//! returned for the shell to perform; their results come back as messages.
//!
//! The state is nested: the `Screen` shown owns its own state (see
//! `screens`), popups are `Overlay`s on a stack, the kiosk's clock and quit
//! key are apart, and the answers are the shared `wizard::Draft`.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};

use super::input::TextInput;
use super::layout;
use super::overlays::{self, Overlay};
use super::screens::cycle::{self as cycle_screen, CycleScreen, CycleStep};
use super::screens::date::DateField;
use super::screens::home::{self, Home};
use super::screens::question::QuestionScreen;
use super::screens::result::{self, ResultView};
use super::screens::review::{self, Review};
use crate::checklist::Checklist;
use crate::checklist::agenda::{self, FilterKeys, NextAction};
use crate::checklist::store::StoreProblem;
use crate::config::QuitKey;
use crate::dates::{DateError, EndDate, read_end_date};
use crate::plan::{self, Answers, RenewalPlan};
use crate::policy::{PolicySet, Scheme};
use crate::search::{SearchIndex, disease_index};
use crate::wizard::Draft;

pub use super::screens::result::{Sections, Tab, display_sections};
pub use super::screens::review::ReviewRow;
pub use super::screens::{Page, Screen};
/// The wizard's steps are the plan's questions.
pub use crate::wizard::Question;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Paste(String),
    Resize(u16, u16),
    /// A checklist was saved (created or replaced).
    Saved(Result<Checklist, String>),
    /// A tick was stored; the checklist as it is on disk now.
    Stored(Result<Checklist, String>),
    /// Milliseconds since the program started; the shell sends one every
    /// loop, so `update` knows how long nobody has touched the keys.
    Tick(u64),
    /// The sheet went to the printer (or file), or why not.
    Printed(Result<(), String>),
    /// A saved checklist was deleted; the checklist as it was, to undo.
    Deleted(Result<Checklist, String>),
    /// A deleted checklist was saved again (undo).
    Restored(Result<Checklist, String>),
    /// A saved checklist got a new label.
    Renamed(Result<Checklist, String>),
    /// A note was added to a saved checklist.
    Noted(Result<Checklist, String>),
    /// A step of the renewal cycle was recorded: the checklist as saved.
    CycleRecorded(Result<Checklist, String>),
    /// What the person was told was recorded: the checklist as saved.
    Learned(Result<Checklist, String>),
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
        error: String,
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

/// Whether `k` is the kiosk operator's quit key.
fn is_quit_key(key: QuitKey, k: &KeyEvent) -> bool {
    match key {
        QuitKey::Ctrl(c) => {
            k.modifiers.contains(KeyModifiers::CONTROL)
                && matches!(k.code, KeyCode::Char(x) if x.to_ascii_lowercase() == c)
        }
        QuitKey::F(n) => k.code == KeyCode::F(n),
    }
}

/// How a walk-up kiosk behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kiosk {
    pub idle_secs: u64,
    pub countdown_secs: u64,
    pub allow_save: bool,
    pub quit_key: QuitKey,
}

/// A kiosk's running state: its settings, when someone last touched it,
/// and the operator's first press of the quit key.
#[derive(Debug, Clone)]
pub(crate) struct KioskState {
    pub(crate) config: Kiosk,
    last_input_ms: u64,
    quit_pressed_ms: Option<u64>,
}

/// The operator presses the quit key twice within this time (or holds it).
const QUIT_WINDOW_MS: u64 = 3_000;

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
    pub(crate) message: Option<(Level, String)>,
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
    now_ms: u64,
    regions: SearchIndex,
    diseases: Option<(usize, SearchIndex)>,
    /// The region question's options: regions with data, then every place.
    choices: Vec<crate::places::Choice>,
}

impl App {
    pub fn new(
        policy: PolicySet,
        today: NaiveDate,
        saved: Vec<Checklist>,
        problems: Vec<StoreProblem>,
    ) -> App {
        let choices = crate::places::choices(&policy);
        let regions = policy.region_index(&choices);
        let mut app = App {
            policy,
            today,
            size: (80, 24),
            screen: Screen::Home(Home::default()),
            overlays: Vec::new(),
            draft: Draft::default(),
            message: None,
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

    /// The wizard at a walk-up kiosk. It holds no saved checklists at all,
    /// so no path (Esc, the idle wipe, the next visitor) can list them.
    pub(crate) fn for_kiosk(policy: PolicySet, today: NaiveDate, kiosk: Kiosk) -> App {
        let mut app = App::new(policy, today, Vec::new(), Vec::new());
        app.kiosk = Some(KioskState {
            config: kiosk,
            last_input_ms: 0,
            quit_pressed_ms: None,
        });
        app
    }

    // ---- what tests and the shell read ---------------------------------

    /// Which screen is shown.
    pub fn page(&self) -> Page {
        self.screen.page()
    }

    pub fn policy(&self) -> &PolicySet {
        &self.policy
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    pub fn message(&self) -> Option<&(Level, String)> {
        self.message.as_ref()
    }

    /// Shows a message under the screen (the shell's start-up problems).
    pub(crate) fn set_message(&mut self, level: Level, text: String) {
        self.message = Some((level, text));
    }

    pub fn saved(&self) -> &[Checklist] {
        &self.saved
    }

    pub(crate) fn kiosk(&self) -> Option<Kiosk> {
        self.kiosk.as_ref().map(|k| k.config)
    }

    pub fn set_can_print(&mut self, can: bool) {
        self.can_print = can;
    }

    /// Where a sheet saved under a relative file name goes.
    pub(crate) fn sheet_dir(&self) -> Option<&std::path::Path> {
        self.sheet_dir.as_deref()
    }

    pub fn set_sheet_dir(&mut self, dir: std::path::PathBuf) {
        self.sheet_dir = Some(dir);
    }

    /// The person or the operator asked to stop.
    pub(crate) fn quit_requested(&self) -> bool {
        self.quit
    }

    /// The result shown, if the screen shows one.
    pub fn result(&self) -> Option<&ResultView> {
        match &self.screen {
            Screen::Result(v) => Some(v),
            _ => None,
        }
    }

    pub(crate) fn result_mut(&mut self) -> Option<&mut ResultView> {
        match &mut self.screen {
            Screen::Result(v) => Some(v),
            _ => None,
        }
    }

    /// The highlighted row of the list shown (0 where there is none).
    pub fn selected(&self) -> usize {
        match &self.screen {
            Screen::Home(h) => h.selected,
            Screen::Question(q) => q.selected,
            Screen::Review(r) => r.selected,
            Screen::Cycle(c) => c.selected(),
            Screen::Date(_) | Screen::Result(_) => 0,
        }
    }

    /// The filter typed on a list question or the home list ("" elsewhere).
    pub fn filter_text(&self) -> &str {
        match &self.screen {
            Screen::Question(q) => &q.filter.text,
            Screen::Home(h) => &h.filter.text,
            _ => "",
        }
    }

    /// The end date as typed ("" off the date question).
    pub fn date_text(&self) -> &str {
        match &self.screen {
            Screen::Date(d) => &d.field.text,
            _ => "",
        }
    }

    /// The end date as typed, understood or not.
    pub fn date_reading(&self) -> Result<NaiveDate, DateError> {
        self.end_date_reading().map(|e| e.date)
    }

    /// The end date as typed, with the year chosen when none was typed.
    pub(crate) fn end_date_reading(&self) -> Result<EndDate, DateError> {
        read_end_date(self.date_text(), self.today)
    }

    /// The saved checklists the home list shows, in order (all of them
    /// off the home list).
    pub fn home_rows(&self) -> Vec<&Checklist> {
        match &self.screen {
            Screen::Home(h) => (1..=h.shown(self.saved.len()))
                .filter_map(|row| h.checklist_at(row, self.saved.len()))
                .map(|i| &self.saved[i])
                .collect(),
            _ => self.saved.iter().collect(),
        }
    }

    /// The popups shown, the top one last.
    pub fn overlays(&self) -> &[Overlay] {
        &self.overlays
    }

    /// The renewal-cycle page shown, if it is.
    pub fn cycle(&self) -> Option<&CycleScreen> {
        match &self.screen {
            Screen::Cycle(c) => Some(c),
            _ => None,
        }
    }

    pub fn help_shown(&self) -> bool {
        self.overlays.contains(&Overlay::Help)
    }

    pub fn qr_shown(&self) -> bool {
        self.overlays.contains(&Overlay::Qr)
    }

    /// Seconds left before an idle kiosk session is wiped, while counting down.
    pub fn countdown(&self) -> Option<u64> {
        self.overlays.iter().find_map(|o| match o {
            Overlay::Countdown(s) => Some(*s),
            _ => None,
        })
    }

    /// Keeps the home list by the next thing to do: apply-by days (and
    /// results due) first, then windows opening, then the rest.
    pub(crate) fn set_saved(&mut self, saved: Vec<Checklist>) {
        let today = self.today;
        let policy = &self.policy;
        let mut keyed: Vec<(Option<NextAction>, Checklist)> = saved
            .into_iter()
            .map(|c| (agenda::list_action(&c, today, policy), c))
            .collect();
        keyed.sort_by(|(a, x), (b, y)| {
            agenda::list_key(a.as_ref(), x).cmp(&agenda::list_key(b.as_ref(), y))
        });
        (self.saved_next, self.saved) = keyed.into_iter().unzip();
        self.saved_keys = None;
        home::refilter(self);
    }

    /// `c` as saved now, in the list in its place (added if new).
    pub(crate) fn put_saved(&mut self, c: Checklist) {
        let mut saved = std::mem::take(&mut self.saved);
        saved.retain(|s| s.id != c.id);
        saved.push(c);
        self.set_saved(saved);
    }

    // ---- questions ---------------------------------------------------

    /// The steps asked for the current answers.
    pub(crate) fn steps(&self) -> Vec<Question> {
        self.draft.questions(&self.policy)
    }

    pub fn region(&self) -> Option<&crate::policy::Region> {
        self.draft.region(&self.policy)
    }

    /// The region question's options: regions with data, then every place.
    pub fn region_choices(&self) -> &[crate::places::Choice] {
        &self.choices
    }

    /// All options of a choice step, in their numbered order.
    pub(crate) fn options(&self, step: Question) -> Vec<String> {
        match step {
            Question::Region => self
                .choices
                .iter()
                .map(|c| crate::wizard::region_option(&self.policy, c))
                .collect(),
            Question::Scheme => Scheme::ALL
                .iter()
                .map(|s| plan::render::scheme_label(*s))
                .collect(),
            Question::Disease => self
                .region()
                .map(|r| {
                    r.diseases
                        .iter()
                        .map(|d| crate::i18n::name(&d.name, d.name_en.as_deref()))
                        .collect()
                })
                .unwrap_or_default(),
            Question::Retired | Question::Cross => vec![
                crate::i18n::t("tui.yes").into(),
                crate::i18n::t("tui.no").into(),
            ],
            Question::End => Vec::new(),
        }
    }

    /// Whether typing filters this step's list.
    /// What the screen shows, for the layout: its areas and what a click
    /// lands on are computed from this alone.
    pub fn shown(&self) -> layout::Shown {
        use layout::Content;
        let list = |len| Content::List {
            len,
            selected: self.selected(),
            filter: false,
        };
        let content = match (self.result(), self.page()) {
            (Some(view), _) => Content::Result {
                tab: view.tab(),
                item: view.item(),
                checklist: view.checklist().map(|c| (c.items.len(), c.progress())),
                summary_rows: if layout::wide(self.size) {
                    let width = usize::from(layout::left_width(self.size.0)) - 1;
                    result::summary_rows(view, width)
                } else {
                    0
                },
            },
            (None, Page::Question(Question::End)) => Content::Date,
            (None, Page::Question(step)) => Content::List {
                len: self.visible_options(step).len(),
                selected: self.selected(),
                filter: App::filterable(step),
            },
            // The home list filters as one types.
            (None, Page::Home) => Content::List {
                len: home::len(self),
                selected: self.selected(),
                filter: true,
            },
            (None, Page::Cycle { .. }) => {
                let cycle = self.cycle();
                Content::Cycle {
                    rows: cycle.map_or(0, CycleScreen::rows),
                    selected: self.selected(),
                    heading: cycle.and_then(CycleScreen::form).is_some(),
                }
            }
            (None, Page::Review { .. }) => list(self.review_rows().len()),
            (None, Page::Result) => list(0),
        };
        layout::Shown {
            size: self.size,
            kiosk: self.kiosk.is_some(),
            content,
        }
    }

    pub(crate) fn filterable(step: Question) -> bool {
        matches!(step, Question::Region | Question::Disease)
    }

    /// One option's label (the list draws only the rows it shows).
    pub(crate) fn option(&self, step: Question, i: usize) -> String {
        match step {
            Question::Region => self
                .choices
                .get(i)
                .map(|c| crate::wizard::region_option(&self.policy, c))
                .unwrap_or_default(),
            _ => self.options(step).get(i).cloned().unwrap_or_default(),
        }
    }

    /// How many options are listed, and numbered, before anything is
    /// typed: of the places, only those with data; every other place is
    /// found by typing its name.
    pub(crate) fn numbered(&self, step: Question) -> usize {
        match step {
            Question::Region => self.policy.regions.len(),
            _ => self.options(step).len(),
        }
    }

    /// The generic entry's name, as the list shows it.
    pub(crate) fn generic_name(&self) -> String {
        self.policy
            .regions
            .iter()
            .find(|r| r.generic)
            .map(|r| crate::i18n::name(&r.name, r.name_en.as_deref()))
            .unwrap_or_default()
    }

    /// The region filter matches no place: the list offers the generic
    /// entry instead, and the hint says so.
    pub(crate) fn nothing_found(&self, step: Question) -> bool {
        let filter = self.filter_text();
        step == Question::Region
            && !filter.trim().is_empty()
            && self.regions.filter(filter).is_empty()
    }

    /// The disease filter names a disease the region's list does not (高血压
    /// on 西安's list): the entry that covers it (its 其他病种), with the
    /// disease as typed, offered as the first line.
    pub(crate) fn disease_cover(&self) -> Option<(usize, crate::vocabulary::TypedDisease)> {
        let region = self.region()?;
        let (_, Ok((d, typed))) = self.disease_outside()? else {
            return None;
        };
        let i = region.diseases.iter().position(|x| std::ptr::eq(x, d))?;
        Some((i, typed))
    }

    /// A known disease the region's list neither names nor leaves open
    /// (银屑病 in 重庆; 癫痫, for which the list finds only 癫痫所致精神障碍),
    /// and whether the list shows other diseases for it.
    pub(crate) fn disease_not_listed(&self) -> Option<(&'static crate::vocabulary::Concept, bool)> {
        match self.disease_outside()? {
            (found, Err(crate::vocabulary::NotCovered::NotListed(c))) => {
                Some((c, !found.is_empty()))
            }
            _ => None,
        }
    }

    /// The region's open entry (其他病种), offered for a name neither its
    /// list nor the vocabulary knows (感冒 in 西安).
    pub(crate) fn disease_open_entry(&self) -> Option<usize> {
        let region = self.region()?;
        match self.disease_outside()? {
            (found, Err(crate::vocabulary::NotCovered::Unknown(_))) if found.is_empty() => {
                region.diseases.iter().position(|d| d.other)
            }
            _ => None,
        }
    }

    /// The disease filter when the region's list does not find it as the
    /// disease it names: what the list finds for it, and the entry covering
    /// it in the vocabulary or why none does.
    #[allow(clippy::type_complexity)]
    fn disease_outside(
        &self,
    ) -> Option<(
        Vec<usize>,
        Result<
            (&crate::policy::Disease, crate::vocabulary::TypedDisease),
            crate::vocabulary::NotCovered,
        >,
    )> {
        let filter = self.filter_text().trim();
        if filter.is_empty() || crate::search::too_long(filter) {
            return None;
        }
        let Screen::Question(q) = &self.screen else {
            return None;
        };
        if q.step != Question::Disease {
            return None;
        }
        let region = self.region()?;
        let found = match &self.diseases {
            Some((r, idx)) if Some(*r) == self.draft.region.as_ref().map(|c| c.region) => {
                idx.filter(filter)
            }
            _ => Vec::new(),
        };
        let other = found
            .iter()
            .map(|&i| crate::vocabulary::another_disease(&region.diseases[i], filter))
            .reduce(|a, b| a.and(b))
            .flatten();
        let covering = match other {
            Some(c) => crate::vocabulary::covering_concept(region, filter, c),
            None if found.is_empty() => crate::vocabulary::covering(region, filter),
            None => return None,
        };
        Some((found, covering))
    }

    /// The number the generic entry has in the region list, for a person
    /// who can type only digits (a kiosk).
    pub(crate) fn generic_number(&self) -> Option<usize> {
        self.policy
            .regions
            .iter()
            .position(|r| r.generic)
            .map(|i| i + 1)
    }

    /// Option indices shown for the current filter, best match first. A
    /// place that matches nothing shows the generic entry, the way on
    /// for a place the program has no name for.
    pub fn visible_options(&self, step: Question) -> Vec<usize> {
        let all = self.numbered(step);
        let filter = self.filter_text();
        if !Self::filterable(step) || filter.trim().is_empty() {
            return (0..all).collect();
        }
        match step {
            Question::Region => {
                let found = self.regions.filter(filter);
                if found.is_empty() {
                    return self
                        .policy
                        .regions
                        .iter()
                        .position(|r| r.generic)
                        .into_iter()
                        .collect();
                }
                found
            }
            Question::Disease => match &self.diseases {
                Some((r, idx)) if Some(*r) == self.draft.region.as_ref().map(|c| c.region) => {
                    let found = idx.filter(filter);
                    if let Some((i, _)) = self.disease_cover() {
                        let rest = found.into_iter().filter(|&j| j != i);
                        return std::iter::once(i).chain(rest).collect();
                    }
                    if found.is_empty() {
                        return self.disease_open_entry().into_iter().collect();
                    }
                    found
                }
                _ => (0..all).collect(),
            },
            _ => (0..all).collect(),
        }
    }

    /// The option the step's saved answer points at.
    fn answered_option(&self, step: Question) -> Option<usize> {
        match step {
            Question::Region => self
                .draft
                .region
                .as_ref()
                .and_then(|c| self.choices.iter().position(|x| x.key == c.key)),
            Question::Scheme => self
                .draft
                .scheme
                .map(|s| Scheme::ALL.iter().position(|x| *x == s).unwrap_or(0)),
            Question::Disease => self.draft.disease,
            // Unanswered yes/no questions offer 否, as the plain prompts do:
            // a bare Enter must not add or change anything in the plan.
            Question::Retired | Question::Cross => {
                Some(usize::from(!self.draft.yes_no(step).unwrap_or(false)))
            }
            Question::End => None,
        }
    }

    /// Shows a question; `from_review` when a change began on the review
    /// page (answering then goes back there).
    pub(crate) fn enter_step(&mut self, step: Question, from_review: bool) {
        self.message = None;
        if step == Question::End {
            let typed = self.draft.end.map(|d| d.to_string()).unwrap_or_default();
            self.screen = Screen::Date(DateField {
                field: TextInput::with(&typed),
                from_review,
                far_confirmed: None,
            });
            return;
        }
        if step == Question::Disease
            && let Some(r) = self.draft.region.as_ref().map(|c| c.region)
            && self.diseases.as_ref().is_none_or(|(i, _)| *i != r)
        {
            self.diseases = Some((r, disease_index(&self.policy.regions[r])));
        }
        self.screen = Screen::Question(QuestionScreen::new(step, from_review));
        let visible = self.visible_options(step);
        let selected = self
            .answered_option(step)
            .and_then(|a| visible.iter().position(|v| *v == a))
            .unwrap_or(0);
        if let Screen::Question(q) = &mut self.screen {
            q.selected = selected;
        }
    }

    /// The question after `step` was answered.
    pub(crate) fn next_after(&mut self, step: Question, from_review: bool) {
        if from_review && self.draft.complete(&self.policy) {
            self.show_review();
            return;
        }
        let steps = self.steps();
        let pos = steps.iter().position(|s| *s == step).unwrap_or(0);
        // After a change from the review page, continue to the next unanswered question.
        let next = steps
            .iter()
            .skip(pos + 1)
            .copied()
            .find(|s| !from_review || !self.draft.answered(*s));
        match next {
            Some(s) => self.enter_step(s, from_review),
            None => self.show_review(),
        }
    }

    /// The review page, with the confirm row selected.
    pub(crate) fn show_review(&mut self) {
        self.message = None;
        self.screen = Screen::Review(Review {
            selected: self.review_rows().len() - 1,
            label: None,
        });
    }

    /// Records the answer to a choice question and moves on.
    pub(crate) fn choose(&mut self, step: Question, option: usize, from_review: bool) {
        let before = self.steps().len();
        match step {
            Question::Region => {
                if let Some(c) = self.choices.get(option) {
                    self.draft.set_region(c.clone());
                }
            }
            Question::Scheme => self.draft.set_scheme(Scheme::ALL[option.min(1)]),
            Question::Retired | Question::Cross => self.draft.set_yes_no(step, option == 0),
            Question::Disease => {
                // The entry offered for a disease the list does not name
                // carries that disease into the plan.
                self.draft.typed = self
                    .disease_cover()
                    .filter(|(i, _)| *i == option)
                    .map(|(_, typed)| typed);
                self.draft.disease = Some(option);
            }
            Question::End => {}
        }
        self.next_after(step, from_review);
        // The count of steps changed with this answer: say why, once.
        let after = self.steps().len();
        if after != before && self.message.is_none() {
            let key = if after > before {
                "steps.more"
            } else {
                "steps.fewer"
            };
            self.message = Some((Level::Info, crate::i18n::tf(key, &[("m", &after)])));
        }
    }

    /// Back to the home list as it was left.
    pub(crate) fn go_home(&mut self) {
        self.editing = false;
        home::show(self, None);
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
                cycle_screen::back(self);
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

    // ---- review ------------------------------------------------------

    /// Rows of the review page: each question asked, the label, then confirm.
    pub fn review_rows(&self) -> Vec<ReviewRow> {
        review::rows(&self.steps())
    }

    /// The label a checklist gets when the person gives none: the
    /// disease, made to differ from the other saved checklists of the same
    /// region and disease (高血压, 高血压 2).
    pub(crate) fn default_label(&self) -> String {
        let Some((region, disease)) = self.region().and_then(|r| {
            self.draft
                .disease
                .and_then(|d| r.diseases.get(d))
                .map(|d| (r, d))
        }) else {
            return String::new();
        };
        let others = self
            .saved
            .iter()
            .filter(|c| Some(&c.id) != self.saved_id.as_ref());
        let name = crate::vocabulary::entry_with_typed(&disease.name, self.draft.typed.as_ref());
        agenda::distinct_label(others, &name, &region.id, &disease.id)
    }

    /// The plan for the answers: shown, and saved (not at a kiosk).
    pub(crate) fn confirm(&mut self) -> Vec<Effect> {
        let Some(answers) = self.draft.answers(&self.policy) else {
            // Send the person to the first unanswered question.
            if let Some(s) = self.draft.first_unanswered(&self.policy) {
                self.enter_step(s, false);
            }
            return Vec::new();
        };
        match plan::compute(&self.policy, &answers, self.today) {
            Ok(mut p) => {
                p.disease.typed = self.draft.typed.clone();
                let label = self
                    .draft
                    .label
                    .clone()
                    .unwrap_or_else(|| self.default_label());
                // A saved checklist's answers changed from the home list:
                // shown on its checklist, with Esc back to the list.
                let mut view = ResultView::new(p.clone(), None, self.editing.then_some(0));
                if self.editing {
                    view.show_tab(Tab::Checklist);
                }
                if self.kiosk.is_some() && self.saved_id.is_none() {
                    // A kiosk keeps the checklist in memory unless the person saves it.
                    view.checklist = Some(Checklist::new(
                        String::new(),
                        &label,
                        &answers,
                        &p,
                        chrono::DateTime::UNIX_EPOCH,
                    ));
                    self.screen = Screen::Result(Box::new(view));
                    self.message =
                        Some((Level::Info, crate::i18n::t("tui.kiosk.not_saved").into()));
                    return Vec::new();
                }
                self.screen = Screen::Result(Box::new(view));
                self.message = Some((Level::Info, crate::i18n::t("tui.saving").into()));
                vec![Effect::Save {
                    existing: self.saved_id.clone(),
                    label,
                    answers,
                    plan: Box::new(p),
                    ticked: Vec::new(),
                }]
            }
            Err(e) => {
                self.message = Some((Level::Error, e.to_string()));
                Vec::new()
            }
        }
    }

    // ---- home --------------------------------------------------------

    /// Keeps the home list's state (filter, highlight) to come back to.
    fn stash_home(&mut self) {
        if let Screen::Home(h) = &mut self.screen {
            self.home_stash = Some(std::mem::take(h));
        }
    }

    /// Opens saved checklist `index` (of `saved`) from the home list.
    pub(crate) fn open_saved(&mut self, index: usize) {
        let Some(mut c) = self.saved.get(index).cloned() else {
            return;
        };
        match c.plan(&self.policy, self.today) {
            Ok(mut p) => {
                // The disease typed for this entry, named again.
                if p.disease.id == c.answers.disease {
                    p.disease.typed = c.typed_disease.clone();
                }
                // Shown up to date with the data, ticks kept, as `checklist
                // show` does (an older file gets its either/or groups).
                c.refresh(&p, chrono::DateTime::UNIX_EPOCH);
                self.stash_home();
                let mut view = ResultView::new(p, Some(c), Some(index + 1));
                // A saved checklist is reopened to be ticked.
                view.show_tab(Tab::Checklist);
                self.screen = Screen::Result(Box::new(view));
                self.message = None;
            }
            Err(_) => {
                self.message = Some((Level::Error, crate::i18n::t("tui.saved_no_plan").into()))
            }
        }
    }

    /// Saved checklist `index`'s answers on the review page, to change
    /// (a new end date, another disease); saving keeps its ticks by item.
    pub(crate) fn edit_saved(&mut self, index: usize) {
        let Some(c) = self.saved.get(index) else {
            return;
        };
        match Draft::from_answers(&self.policy, &c.answers, &c.label) {
            Some(draft) => {
                self.saved_id = Some(c.id.clone());
                self.draft = draft;
                self.stash_home();
                self.editing = true;
                self.show_review();
                self.message = Some((Level::Info, crate::i18n::t("tui.edit.hint").into()));
            }
            None => self.message = Some((Level::Error, crate::i18n::t("tui.saved_no_plan").into())),
        }
    }

    /// The kiosk's fresh start: every answer, result and message wiped.
    pub(crate) fn reset_session(&mut self) {
        self.draft = Draft::default();
        self.saved_id = None;
        // What this visitor saved stays on disk, never in the next session.
        self.saved.clear();
        self.problems.clear();
        if let Some(k) = self.kiosk.as_mut() {
            k.quit_pressed_ms = None;
        }
        self.overlays.clear();
        self.enter_step(Question::Region, false);
        self.message = Some((Level::Info, crate::i18n::t("tui.kiosk.reset").into()));
    }

    /// Nothing typed or chosen: a kiosk waiting for the next person.
    fn pristine(&self) -> bool {
        self.page() == Page::Question(Question::Region)
            && self.draft == Draft::default()
            && self.filter_text().is_empty()
            && self
                .overlays
                .iter()
                .all(|o| matches!(o, Overlay::Countdown(_)))
    }

    /// The plan's save action at a kiosk: the person chose to keep it here.
    pub(crate) fn save_now(&mut self) -> Vec<Effect> {
        let Some(view) = self.result() else {
            return Vec::new();
        };
        let Some(answers) = self.draft.answers(&self.policy) else {
            return Vec::new();
        };
        let ticked = view
            .checklist
            .as_ref()
            .map(|c| {
                c.items
                    .iter()
                    .filter(|i| i.done)
                    .map(|i| i.id.clone())
                    .collect()
            })
            .unwrap_or_default();
        let plan = Box::new(view.plan.clone());
        let label = self
            .draft
            .label
            .clone()
            .unwrap_or_else(|| self.default_label());
        self.message = Some((Level::Info, crate::i18n::t("tui.saving").into()));
        vec![Effect::Save {
            existing: None,
            label,
            answers,
            plan,
            ticked,
        }]
    }

    pub(crate) fn start_new(&mut self) {
        self.draft = Draft::default();
        self.saved_id = None;
        self.editing = false;
        self.stash_home();
        self.enter_step(Question::Region, false);
    }

    // ---- result ------------------------------------------------------

    /// Ticks (or unticks) checklist item `index`; the store confirms.
    pub(crate) fn toggle_item(&mut self, index: usize) -> Vec<Effect> {
        let Some(view) = self.result_mut() else {
            return Vec::new();
        };
        let Some(c) = view.checklist.as_mut() else {
            self.message = Some((Level::Info, crate::i18n::t("tui.not_saved_yet").into()));
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

    /// Lays the plan's text out for the pane widths of the current size,
    /// once per width (on a new result or a resize, not on every frame).
    fn prepare_text(&mut self) {
        if self.result().is_none() || layout::too_small(self.size) {
            return;
        }
        let areas = layout::areas(&self.shown());
        // The window pane's width whenever the screen is wide: the layout
        // lays the pane out to see whether it fits there.
        let widths: Vec<usize> = layout::wide(self.size)
            .then(|| usize::from(layout::left_width(self.size.0)) - 1)
            .into_iter()
            .chain([usize::from(areas.pane.width) - 1])
            .collect();
        if let Some(view) = self.result_mut() {
            view.prepare(&widths);
        }
    }
}

fn is_ctrl_c(k: &KeyEvent) -> bool {
    k.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(k.code, KeyCode::Char('c') | KeyCode::Char('C'))
}

/// Applies one message to the state and returns what the shell must do.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let effects = apply(app, msg);
    app.prepare_text();
    effects
}

fn apply(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Resize(w, h) => {
            app.size = (w, h);
            Vec::new()
        }
        Msg::Saved(Ok(c)) => {
            let created = app.saved_id.is_none();
            app.saved_id = Some(c.id.clone());
            // The same person's same renewal saved twice is worth a word.
            let twin = agenda::same_as(&app.saved, &c).cloned();
            // A kiosk lists nothing saved, not even the visitor's own.
            if app.kiosk.is_none() {
                app.put_saved(c.clone());
            }
            if let Some(view) = app.result_mut() {
                view.checklist = Some(c.clone());
            }
            app.message = Some(match twin {
                Some(twin) if created => (
                    Level::Error,
                    crate::i18n::tf(
                        "tui.saved_twice",
                        &[
                            ("label", &twin.label),
                            ("region", &twin.region_name),
                            ("disease", &twin.disease_name),
                        ],
                    ),
                ),
                _ if app.editing => (
                    Level::Info,
                    crate::i18n::tf("tui.edited", &[("label", &c.label)]),
                ),
                // A kiosk never lists it again: say so, not "next time".
                _ if app.kiosk.is_some() => (
                    Level::Info,
                    crate::i18n::tf("tui.saved_kiosk", &[("label", &c.label)]),
                ),
                _ => (
                    Level::Info,
                    crate::i18n::tf("tui.saved", &[("label", &c.label)]),
                ),
            });
            Vec::new()
        }
        Msg::Deleted(Ok(c)) => {
            let label = c.label.clone();
            let saved = std::mem::take(&mut app.saved)
                .into_iter()
                .filter(|s| s.id != c.id)
                .collect();
            app.set_saved(saved);
            app.deleted.push(c);
            let len = home::len(app);
            if let Screen::Home(h) = &mut app.screen {
                h.selected = h.selected.min(len - 1);
            }
            app.message = Some((
                Level::Info,
                crate::i18n::tf("tui.home.deleted", &[("label", &label)]),
            ));
            Vec::new()
        }
        Msg::Restored(Ok(c)) => {
            app.deleted.retain(|d| d.id != c.id);
            let id = c.id.clone();
            let label = c.label.clone();
            app.put_saved(c);
            if matches!(app.screen, Screen::Home(_)) {
                home::show(app, Some(&id));
            }
            app.message = Some((
                Level::Info,
                crate::i18n::tf("tui.home.restored", &[("label", &label)]),
            ));
            Vec::new()
        }
        Msg::Renamed(Ok(c)) => {
            let label = c.label.clone();
            let id = c.id.clone();
            app.put_saved(c);
            if matches!(app.screen, Screen::Home(_)) {
                home::show(app, Some(&id));
            }
            app.message = Some((
                Level::Info,
                crate::i18n::tf("tui.home.renamed", &[("label", &label)]),
            ));
            Vec::new()
        }
        Msg::Noted(Ok(c)) => {
            let label = c.label.clone();
            let id = c.id.clone();
            // The list as the clerk left it: the filter stays.
            if let Screen::Home(h) = &app.screen {
                app.home_stash = Some(h.clone());
            }
            app.put_saved(c);
            if matches!(app.screen, Screen::Home(_)) {
                home::show(app, Some(&id));
            }
            app.message = Some((
                Level::Info,
                crate::i18n::tf("tui.home.noted", &[("label", &label)]),
            ));
            Vec::new()
        }
        Msg::CycleRecorded(Ok(c)) => {
            cycle_screen::recorded(app, c);
            Vec::new()
        }
        Msg::Learned(Ok(c)) => {
            reload(app, c);
            app.message = Some((Level::Info, crate::i18n::t("tui.learn.saved").into()));
            Vec::new()
        }
        Msg::Deleted(Err(e))
        | Msg::Restored(Err(e))
        | Msg::Renamed(Err(e))
        | Msg::Noted(Err(e))
        | Msg::CycleRecorded(Err(e))
        | Msg::Learned(Err(e)) => {
            // Nothing changed on disk: the screen keeps what it showed.
            app.message = Some((
                Level::Error,
                crate::i18n::tf("tui.not_changed", &[("error", &e)]),
            ));
            Vec::new()
        }
        Msg::SheetWritten(result) => {
            super::overlays::sheet_written(app, result);
            Vec::new()
        }
        Msg::Stored(Ok(c)) => {
            if let Some(view) = app.result_mut()
                && view.checklist.as_ref().is_some_and(|x| x.id == c.id)
            {
                view.checklist = Some(c.clone());
            }
            if let Some(s) = app.saved.iter_mut().find(|s| s.id == c.id) {
                *s = c;
            }
            Vec::new()
        }
        Msg::ChangedElsewhere(c) => {
            reload_changed(app, c);
            Vec::new()
        }
        Msg::Saved(Err(e)) | Msg::Stored(Err(e)) => {
            app.message = Some((
                Level::Error,
                crate::i18n::tf("tui.save_failed", &[("error", &e)]),
            ));
            Vec::new()
        }
        Msg::Tick(ms) => {
            app.now_ms = ms;
            tick_kiosk(app, ms);
            Vec::new()
        }
        Msg::TickFailed {
            id,
            item,
            done,
            error,
        } => {
            // The tick did not reach the disk: show it as it is there.
            if let Some(c) = app
                .result_mut()
                .and_then(|v| v.checklist.as_mut())
                .filter(|c| c.id == id)
                && let Some(i) = c.items.iter_mut().find(|i| i.id == item)
            {
                i.done = !done;
            }
            app.message = Some((
                Level::Error,
                crate::i18n::tf("tui.save_failed", &[("error", &error)]),
            ));
            Vec::new()
        }
        Msg::Printed(Ok(())) => {
            app.message = Some((Level::Info, crate::i18n::t("tui.printed").into()));
            Vec::new()
        }
        Msg::Printed(Err(e)) => {
            app.message = Some((
                Level::Error,
                crate::i18n::tf("tui.print_failed", &[("error", &e)]),
            ));
            Vec::new()
        }
        Msg::Paste(_) | Msg::Mouse(_) | Msg::Key(_) if app.countdown().is_some() => {
            // Someone is still here: stop the countdown; the key does nothing else.
            app.overlays.retain(|o| !matches!(o, Overlay::Countdown(_)));
            touched(app);
            Vec::new()
        }
        Msg::Paste(text) => {
            touched(app);
            if !layout::too_small(app.size) {
                paste(app, &text);
            }
            Vec::new()
        }
        Msg::Mouse(m) => {
            if matches!(m.kind, MouseEventKind::Down(_)) {
                touched(app);
            }
            mouse(app, m)
        }
        Msg::Key(k) => {
            if k.kind == KeyEventKind::Release {
                return Vec::new();
            }
            touched(app);
            let now = app.now_ms;
            if let Some(kiosk) = app.kiosk.as_mut() {
                // Only the operator's key, twice (or held), leaves a kiosk.
                if is_quit_key(kiosk.config.quit_key, &k) {
                    if kiosk
                        .quit_pressed_ms
                        .is_some_and(|t| now.saturating_sub(t) <= QUIT_WINDOW_MS)
                    {
                        app.quit = true;
                        return vec![Effect::Quit];
                    }
                    kiosk.quit_pressed_ms = Some(now);
                    app.message =
                        Some((Level::Info, crate::i18n::t("tui.kiosk.quit_again").into()));
                    return Vec::new();
                }
                if k.modifiers.contains(KeyModifiers::CONTROL) {
                    return Vec::new();
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
            key(app, k)
        }
    }
}

/// Someone touched the keys or the screen: the kiosk's idle clock restarts.
fn touched(app: &mut App) {
    let now = app.now_ms;
    if let Some(k) = app.kiosk.as_mut() {
        k.last_input_ms = now;
    }
}

/// An idle kiosk counts down, then wipes the session for the next person.
/// Shows checklist `c` as it is on disk now, in place of the one on
/// screen (moved on to another cycle elsewhere), and says so.
fn reload_changed(app: &mut App, c: Checklist) {
    reload(app, c);
    app.message = Some((Level::Info, crate::i18n::t("tui.changed_elsewhere").into()));
}

/// Shows checklist `c` as saved, with its plan made again, on the tab shown.
fn reload(app: &mut App, c: Checklist) {
    let plan = c.plan(&app.policy, app.today).ok();
    app.put_saved(c.clone());
    if let Some(view) = app.result_mut()
        && view.checklist.as_ref().is_some_and(|x| x.id == c.id)
    {
        match plan {
            Some(plan) => {
                let tab = view.tab();
                let mut fresh = ResultView::new(plan, Some(c), view.from_home);
                fresh.show_tab(tab);
                *view = fresh;
            }
            None => view.checklist = Some(c),
        }
    }
}

fn tick_kiosk(app: &mut App, ms: u64) {
    let Some(k) = app.kiosk.as_ref() else {
        return;
    };
    let (config, idle) = (k.config, ms.saturating_sub(k.last_input_ms));
    let countdown = if app.pristine() {
        touched(app);
        None
    } else if idle >= config.idle_secs * 1000 {
        app.reset_session();
        touched(app);
        return;
    } else if idle >= (config.idle_secs - config.countdown_secs) * 1000 {
        Some((config.idle_secs * 1000 - idle).div_ceil(1000))
    } else {
        None
    };
    app.overlays.retain(|o| !matches!(o, Overlay::Countdown(_)));
    if let Some(secs) = countdown {
        app.overlays.push(Overlay::Countdown(secs));
    }
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
            home::refilter(app);
            let shown = home::len(app) - 1;
            if let Screen::Home(h) = &mut app.screen {
                h.selected = usize::from(shown > 0);
            }
        }
        Screen::Cycle(c) => c.paste(text),
        _ => {}
    }
}

/// Moves a list's selection by `delta`, within `0..len`.
pub(crate) fn move_selection(selected: &mut usize, delta: isize, len: usize) {
    if len == 0 {
        *selected = 0;
        return;
    }
    let cur = (*selected).min(len - 1) as isize;
    *selected = (cur + delta).clamp(0, len as isize - 1) as usize;
}

/// Keys every screen shares (help, quit, back), then the screen's own.
fn key(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    let is_typing = typing(app);
    match k.code {
        KeyCode::Char('?')
            if app.page()
                != (Page::Review {
                    editing_label: true,
                }) =>
        {
            app.overlays.push(Overlay::Help);
            return Vec::new();
        }
        KeyCode::Char('q') | KeyCode::Char('Q')
            if !is_typing
                && app.kiosk.is_none()
                && !k
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            app.quit = true;
            return vec![Effect::Quit];
        }
        KeyCode::Esc => {
            app.back();
            return Vec::new();
        }
        _ => {}
    }
    use super::screens::{date, question};
    match app.page() {
        Page::Home => home::key(app, k),
        Page::Question(Question::End) => date::key(app, k),
        Page::Question(_) => question::key(app, k),
        Page::Review { .. } => review::key(app, k),
        Page::Result => result::key(app, k),
        Page::Cycle { .. } => cycle_screen::key(app, k),
    }
}

fn mouse(app: &mut App, m: MouseEvent) -> Vec<Effect> {
    if layout::too_small(app.size) || overlays::mouse(app, &m) {
        return Vec::new();
    }
    use super::screens::question;
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
                return result::key(app, KeyEvent::new(code, KeyModifiers::NONE));
            }
            Vec::new()
        }
        MouseEventKind::Down(MouseButton::Left) => match layout::hit(&app.shown(), m.column, m.row)
        {
            Some(Hit::Option(i)) => match app.page() {
                Page::Home => home::click(app, i),
                Page::Cycle { .. } => cycle_screen::click(app, i),
                Page::Question(_) => question::click(app, i),
                Page::Review {
                    editing_label: false,
                } => review::click(app, i),
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
