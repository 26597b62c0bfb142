//! The wizard's state, its messages and `update`. Pure: no terminal, no
//! files, no clock. Effects that need the outside world (saving) are
//! returned for the shell to perform; their results come back as messages.

use chrono::NaiveDate;
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::input::TextInput;
use super::layout::{self, Hit};
use crate::checklist::Checklist;
use crate::checklist::store::StoreProblem;
use crate::dates::{DateError, parse_date, to_half_width};
use crate::plan::{self, Answers, RenewalPlan};
use crate::policy::{PolicySet, Scheme};
use crate::search::{SearchIndex, disease_index, region_index};

/// The wizard's steps are the plan's questions.
pub use crate::plan::Question as Step;

/// The tabs of the result screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Window,
    Documents,
    Channels,
    Checklist,
    Sources,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Window,
        Tab::Documents,
        Tab::Channels,
        Tab::Checklist,
        Tab::Sources,
    ];

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    fn next(self) -> Tab {
        Tab::ALL[(self.index() + 1) % Tab::ALL.len()]
    }

    fn prev(self) -> Tab {
        Tab::ALL[(self.index() + Tab::ALL.len() - 1) % Tab::ALL.len()]
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// Saved checklists, with 新建 on top.
    Home,
    Question(Step),
    /// Check your answers; `editing_label` while the label row is edited.
    Review {
        editing_label: bool,
    },
    Result,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

/// Answers so far. Back never clears one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub region: Option<usize>,
    pub scheme: Option<Scheme>,
    pub retired: Option<bool>,
    pub disease: Option<usize>,
    pub end: Option<NaiveDate>,
    pub cross: Option<bool>,
    pub label: Option<String>,
}

/// The result being shown: a fresh plan or a saved checklist reopened.
#[derive(Debug, Clone)]
pub struct ResultView {
    pub plan: RenewalPlan,
    pub checklist: Option<Checklist>,
    pub tab: Tab,
    pub scroll: u16,
    /// Selected checklist item.
    pub item: usize,
    /// Opened from the home list (Esc goes home) rather than the questions.
    pub from_home: bool,
    /// The plan's text sections wrapped for each pane width in use, made
    /// by `update` so a frame never lays the whole plan out again.
    pub text: Vec<(usize, Sections)>,
}

/// The plan's document as the screen shows it (see `document_view`).
pub type Sections = crate::document::Document;

/// The plan's document as the screen shows it: cleaned and converted for
/// the language, once, so frames only lay it out.
pub fn display_sections(plan: &RenewalPlan, _width: usize) -> Sections {
    super::document_view::display_document(plan)
}

impl ResultView {
    /// The cached sections at `width`, if `update` prepared them.
    pub fn sections(&self, width: usize) -> Option<&Sections> {
        self.text.iter().find(|(w, _)| *w == width).map(|(_, s)| s)
    }
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
    /// A tick could not be stored: the item shows what is on disk again.
    TickFailed {
        id: String,
        item: String,
        done: bool,
        error: String,
    },
}

/// The operator's quit key at a kiosk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuitKey {
    Ctrl(char),
    F(u8),
}

impl QuitKey {
    /// `ctrl-q`, `ctrl-x`, `f10` …
    pub fn parse(text: &str) -> Option<QuitKey> {
        let t = text.trim().to_ascii_lowercase();
        if let Some(c) = t.strip_prefix("ctrl-").or_else(|| t.strip_prefix("ctrl+")) {
            let mut chars = c.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_lowercase() && c != 'c' && c != 'm' => {
                    Some(QuitKey::Ctrl(c))
                }
                _ => None,
            };
        }
        match t.strip_prefix('f')?.parse::<u8>() {
            Ok(n) if (1..=12).contains(&n) => Some(QuitKey::F(n)),
            _ => None,
        }
    }

    fn matches(self, k: &KeyEvent) -> bool {
        match self {
            QuitKey::Ctrl(c) => {
                k.modifiers.contains(KeyModifiers::CONTROL)
                    && matches!(k.code, KeyCode::Char(x) if x.to_ascii_lowercase() == c)
            }
            QuitKey::F(n) => k.code == KeyCode::F(n),
        }
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
    },
    Quit,
}

pub struct App {
    pub policy: PolicySet,
    pub today: NaiveDate,
    pub size: (u16, u16),
    pub screen: Screen,
    pub draft: Draft,
    /// The filter typed on a list step.
    pub filter: TextInput,
    /// Highlighted row in the current list (index into `visible_options`).
    pub selected: usize,
    pub date: TextInput,
    pub label: TextInput,
    /// Digits typed on a list that could still grow into a longer number
    /// (`1` in a list of 57 may become `12`): Enter or a non-digit ends it.
    pub number: String,
    pub message: Option<(Level, String)>,
    /// Answering a question came from the review page: go back there.
    pub from_review: bool,
    pub saved: Vec<Checklist>,
    pub problems: Vec<StoreProblem>,
    pub result: Option<ResultView>,
    /// Id of the checklist this session's answers were saved as.
    pub saved_id: Option<String>,
    pub help: bool,
    pub quit: bool,
    /// Walk-up kiosk: nothing saved unless chosen, idle reset, operator quit.
    pub kiosk: Option<Kiosk>,
    /// A printer or print file is configured.
    pub can_print: bool,
    /// Showing the QR code of the plan.
    pub qr: bool,
    /// Seconds left before an idle kiosk session is wiped, while counting down.
    pub countdown: Option<u64>,
    now_ms: u64,
    last_input_ms: u64,
    quit_pressed_ms: Option<u64>,
    regions: SearchIndex,
    diseases: Option<(usize, SearchIndex)>,
}

/// The smallest screen the wizard draws on; below it, one line asks for more.
pub const MIN_SIZE: (u16, u16) = (60, 18);

impl App {
    pub fn new(
        policy: PolicySet,
        today: NaiveDate,
        saved: Vec<Checklist>,
        problems: Vec<StoreProblem>,
    ) -> App {
        let regions = region_index(&policy);
        let mut app = App {
            policy,
            today,
            size: (80, 24),
            screen: Screen::Home,
            draft: Draft::default(),
            filter: TextInput::default(),
            selected: 0,
            date: TextInput::default(),
            label: TextInput::default(),
            number: String::new(),
            message: None,
            from_review: false,
            saved: Vec::new(),
            problems,
            result: None,
            saved_id: None,
            help: false,
            quit: false,
            kiosk: None,
            can_print: false,
            qr: false,
            countdown: None,
            now_ms: 0,
            last_input_ms: 0,
            quit_pressed_ms: None,
            regions,
            diseases: None,
        };
        app.set_saved(saved);
        if app.saved.is_empty() {
            app.screen = Screen::Question(Step::Region);
        }
        app
    }

    /// The wizard at a walk-up kiosk. It holds no saved checklists at all,
    /// so no path (Esc, the idle wipe, the next visitor) can list them.
    pub fn for_kiosk(policy: PolicySet, today: NaiveDate, kiosk: Kiosk) -> App {
        let mut app = App::new(policy, today, Vec::new(), Vec::new());
        app.kiosk = Some(kiosk);
        app
    }

    /// Keeps the home list most urgent first.
    fn set_saved(&mut self, mut saved: Vec<Checklist>) {
        let today = self.today;
        saved.sort_by_key(|c| {
            let (done, total) = c.progress();
            let status = plan::status(today, c.window.opens, c.window.closes);
            let days = (c.window.closes - today).num_days();
            let rank = match status {
                plan::Status::Open => (0, days),
                plan::Status::Expired => (1, -days),
                plan::Status::NotYetOpen => (2, days),
            };
            (done == total, rank)
        });
        self.saved = saved;
    }

    // ---- questions ---------------------------------------------------

    /// The steps asked for the current answers.
    pub fn steps(&self) -> Vec<Step> {
        plan::questions(self.region(), self.draft.scheme)
    }

    pub fn region(&self) -> Option<&crate::policy::Region> {
        self.draft.region.and_then(|i| self.policy.regions.get(i))
    }

    /// All options of a choice step, in their numbered order.
    pub fn options(&self, step: Step) -> Vec<String> {
        match step {
            Step::Region => self
                .policy
                .regions
                .iter()
                .map(|r| {
                    format!(
                        "{} · {}",
                        crate::i18n::name(&r.name, r.name_en.as_deref()),
                        r.benefit_name
                    )
                })
                .collect(),
            Step::Scheme => Scheme::ALL.iter().map(|s| s.label()).collect(),
            Step::Disease => self
                .region()
                .map(|r| {
                    r.diseases
                        .iter()
                        .map(|d| crate::i18n::name(&d.name, d.name_en.as_deref()))
                        .collect()
                })
                .unwrap_or_default(),
            Step::Retired | Step::Cross => vec![
                crate::i18n::t("tui.yes").into(),
                crate::i18n::t("tui.no").into(),
            ],
            Step::End => Vec::new(),
        }
    }

    /// Whether typing filters this step's list.
    pub fn filterable(step: Step) -> bool {
        matches!(step, Step::Region | Step::Disease)
    }

    /// Option indices shown for the current filter, best match first.
    pub fn visible_options(&self, step: Step) -> Vec<usize> {
        let all = self.options(step).len();
        if !Self::filterable(step) || self.filter.text.trim().is_empty() {
            return (0..all).collect();
        }
        match step {
            Step::Region => self.regions.filter(&self.filter.text),
            Step::Disease => match &self.diseases {
                Some((r, idx)) if Some(*r) == self.draft.region => idx.filter(&self.filter.text),
                _ => (0..all).collect(),
            },
            _ => (0..all).collect(),
        }
    }

    /// The option the step's saved answer points at.
    fn answered_option(&self, step: Step) -> Option<usize> {
        match step {
            Step::Region => self.draft.region,
            Step::Scheme => self
                .draft
                .scheme
                .map(|s| Scheme::ALL.iter().position(|x| *x == s).unwrap_or(0)),
            Step::Disease => self.draft.disease,
            Step::Retired => self.draft.retired.map(|v| usize::from(!v)),
            Step::Cross => Some(usize::from(!self.draft.cross.unwrap_or(false))),
            Step::End => None,
        }
    }

    fn enter_step(&mut self, step: Step) {
        self.screen = Screen::Question(step);
        self.filter.clear();
        self.number.clear();
        self.message = None;
        if step == Step::Disease
            && let Some(r) = self.draft.region
            && self.diseases.as_ref().is_none_or(|(i, _)| *i != r)
        {
            self.diseases = Some((r, disease_index(&self.policy.regions[r])));
        }
        if step == Step::End {
            self.date = TextInput::with(&self.draft.end.map(|d| d.to_string()).unwrap_or_default());
        }
        let visible = self.visible_options(step);
        self.selected = self
            .answered_option(step)
            .and_then(|a| visible.iter().position(|v| *v == a))
            .unwrap_or(0);
    }

    fn next_after(&mut self, step: Step) {
        if self.from_review && self.review_ready() {
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
            .find(|s| !self.from_review || !self.answered(*s));
        match next {
            Some(s) => self.enter_step(s),
            None => self.show_review(),
        }
    }

    /// The review page, with the confirm row selected.
    fn show_review(&mut self) {
        self.from_review = false;
        self.screen = Screen::Review {
            editing_label: false,
        };
        self.message = None;
        self.selected = self.review_rows().len() - 1;
    }

    fn answered(&self, step: Step) -> bool {
        match step {
            Step::Region => self.draft.region.is_some(),
            Step::Scheme => self.draft.scheme.is_some(),
            Step::Retired => self.draft.retired.is_some(),
            Step::Disease => self.draft.disease.is_some(),
            Step::End => self.draft.end.is_some(),
            Step::Cross => self.draft.cross.is_some(),
        }
    }

    fn review_ready(&self) -> bool {
        self.steps().iter().all(|s| self.answered(*s))
    }

    fn choose(&mut self, step: Step, option: usize) {
        match step {
            Step::Region => {
                if self.draft.region != Some(option) {
                    self.draft.disease = None;
                    self.draft.retired = None;
                }
                self.draft.region = Some(option);
            }
            Step::Scheme => {
                let scheme = Scheme::ALL[option.min(1)];
                if self.draft.scheme != Some(scheme) {
                    self.draft.retired = None;
                }
                self.draft.scheme = Some(scheme);
            }
            Step::Retired => self.draft.retired = Some(option == 0),
            Step::Disease => self.draft.disease = Some(option),
            Step::Cross => self.draft.cross = Some(option == 0),
            Step::End => {}
        }
        self.next_after(step);
    }

    /// The end date as typed, understood or not.
    pub fn date_reading(&self) -> Result<NaiveDate, DateError> {
        parse_date(&self.date.text)
    }

    fn back(&mut self) {
        self.message = None;
        match self.screen.clone() {
            Screen::Home => {}
            Screen::Question(step) => {
                if self.from_review {
                    self.from_review = false;
                    if self.review_ready() {
                        self.show_review();
                        return;
                    }
                }
                let steps = self.steps();
                match steps.iter().position(|s| *s == step) {
                    Some(0) | None => {
                        if self.kiosk.is_none() && !self.saved.is_empty() {
                            self.screen = Screen::Home;
                            self.selected = 0;
                        }
                    }
                    Some(p) => self.enter_step(steps[p - 1]),
                }
            }
            Screen::Review {
                editing_label: true,
            } => {
                self.screen = Screen::Review {
                    editing_label: false,
                }
            }
            Screen::Review { .. } => {
                if let Some(last) = self.steps().last().copied() {
                    self.enter_step(last);
                }
            }
            Screen::Result => {
                let from_home = self.result.as_ref().is_some_and(|r| r.from_home);
                if from_home {
                    self.result = None;
                    self.screen = Screen::Home;
                } else {
                    self.show_review();
                }
            }
        }
    }

    // ---- review ------------------------------------------------------

    /// Rows of the review page: each question asked, the label, then confirm.
    pub fn review_rows(&self) -> Vec<ReviewRow> {
        let mut rows: Vec<ReviewRow> = self.steps().into_iter().map(ReviewRow::Answer).collect();
        rows.push(ReviewRow::Label);
        rows.push(ReviewRow::Confirm);
        rows
    }

    pub fn default_label(&self) -> String {
        self.region()
            .and_then(|r| self.draft.disease.and_then(|d| r.diseases.get(d)))
            .map(|d| d.name.clone())
            .unwrap_or_default()
    }

    fn answers(&self) -> Option<Answers> {
        let region = self.region()?;
        let disease = region.diseases.get(self.draft.disease?)?;
        Some(Answers {
            region: region.id.clone(),
            scheme: self.draft.scheme?,
            disease: disease.id.clone(),
            validity_end: self.draft.end?,
            cross_province: self.draft.cross.unwrap_or(false),
            retired: self.draft.retired.unwrap_or(false),
        })
    }

    fn confirm(&mut self) -> Vec<Effect> {
        let Some(answers) = self.answers() else {
            // Send the person to the first unanswered question.
            if let Some(s) = self.steps().into_iter().find(|s| !self.answered(*s)) {
                self.enter_step(s);
            }
            return Vec::new();
        };
        match plan::compute(&self.policy, &answers, self.today) {
            Ok(p) => {
                let label = self
                    .draft
                    .label
                    .clone()
                    .unwrap_or_else(|| self.default_label());
                self.result = Some(ResultView {
                    plan: p.clone(),
                    checklist: None,
                    tab: Tab::Window,
                    scroll: 0,
                    item: 0,
                    from_home: false,
                    text: Vec::new(),
                });
                self.screen = Screen::Result;
                if self.kiosk.is_some() && self.saved_id.is_none() {
                    // A kiosk keeps the checklist in memory unless the person saves it.
                    let c = Checklist::new(
                        String::new(),
                        &label,
                        &answers,
                        &p,
                        chrono::DateTime::UNIX_EPOCH,
                    );
                    if let Some(v) = self.result.as_mut() {
                        v.checklist = Some(c);
                    }
                    self.message =
                        Some((Level::Info, crate::i18n::t("tui.kiosk.not_saved").into()));
                    return Vec::new();
                }
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

    fn open_saved(&mut self, index: usize) {
        let Some(c) = self.saved.get(index).cloned() else {
            return;
        };
        match plan::compute(&self.policy, &c.answers, self.today) {
            Ok(p) => {
                self.result = Some(ResultView {
                    plan: p,
                    checklist: Some(c),
                    tab: Tab::Window,
                    scroll: 0,
                    item: 0,
                    from_home: true,
                    text: Vec::new(),
                });
                self.screen = Screen::Result;
                self.message = None;
            }
            Err(_) => {
                self.message = Some((Level::Error, crate::i18n::t("tui.saved_no_plan").into()))
            }
        }
    }

    /// The kiosk's fresh start: every answer, result and message wiped.
    pub fn reset_session(&mut self) {
        self.draft = Draft::default();
        self.saved_id = None;
        // What this visitor saved stays on disk, never in the next session.
        self.saved.clear();
        self.problems.clear();
        self.quit_pressed_ms = None;
        self.result = None;
        self.from_review = false;
        self.help = false;
        self.qr = false;
        self.countdown = None;
        self.label = TextInput::default();
        self.date = TextInput::default();
        self.enter_step(Step::Region);
        self.message = Some((Level::Info, crate::i18n::t("tui.kiosk.reset").into()));
    }

    /// Nothing typed or chosen: a kiosk waiting for the next person.
    fn pristine(&self) -> bool {
        self.screen == Screen::Question(Step::Region)
            && self.draft == Draft::default()
            && self.filter.text.is_empty()
            && !self.help
            && !self.qr
    }

    /// The plan's save action at a kiosk: the person chose to keep it here.
    fn save_now(&mut self) -> Vec<Effect> {
        let Some(view) = &self.result else {
            return Vec::new();
        };
        let Some(answers) = self.answers() else {
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

    fn start_new(&mut self) {
        self.draft = Draft::default();
        self.saved_id = None;
        self.result = None;
        self.from_review = false;
        self.enter_step(Step::Region);
    }

    // ---- result ------------------------------------------------------

    fn toggle_item(&mut self, index: usize, now_done: Option<bool>) -> Vec<Effect> {
        let Some(view) = self.result.as_mut() else {
            return Vec::new();
        };
        let Some(c) = view.checklist.as_mut() else {
            self.message = Some((Level::Info, crate::i18n::t("tui.not_saved_yet").into()));
            return Vec::new();
        };
        let Some(item) = c.items.get_mut(index) else {
            return Vec::new();
        };
        let done = now_done.unwrap_or(!item.done);
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
        }]
    }

    fn result_lines_len(&self) -> usize {
        // An upper bound for scrolling; the view clamps exactly.
        self.result
            .as_ref()
            .map(|r| r.plan.documents.len() * 4 + r.plan.channels.len() * 40 + 200)
            .unwrap_or(0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewRow {
    Answer(Step),
    Label,
    Confirm,
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

impl App {
    /// Lays the plan's text out for the pane widths of the current size,
    /// once per width (on a new result or a resize, not on every frame).
    fn prepare_text(&mut self) {
        if self.result.is_none() || super::layout::too_small(self) {
            return;
        }
        let (left, pane) = super::layout::result_panes(self);
        let widths: Vec<usize> = left
            .map(|l| usize::from(l.width) - 1)
            .into_iter()
            .chain([usize::from(pane.width) - 1])
            .collect();
        let Some(view) = self.result.as_mut() else {
            return;
        };
        for width in widths {
            if view.sections(width).is_none() {
                view.text.push((width, display_sections(&view.plan, width)));
            }
        }
        // Only the latest few sizes are worth keeping.
        let keep = view.text.len().saturating_sub(4);
        view.text.drain(..keep);
    }
}

fn apply(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Resize(w, h) => {
            app.size = (w, h);
            Vec::new()
        }
        Msg::Saved(Ok(c)) => {
            app.saved_id = Some(c.id.clone());
            // A kiosk lists nothing saved, not even the visitor's own.
            if app.kiosk.is_none() {
                app.saved.retain(|s| s.id != c.id);
                app.saved.push(c.clone());
                let saved = std::mem::take(&mut app.saved);
                app.set_saved(saved);
            }
            if let Some(view) = app.result.as_mut() {
                view.checklist = Some(c.clone());
            }
            app.message = Some((
                Level::Info,
                crate::i18n::tf("tui.saved", &[("label", &c.label)]),
            ));
            Vec::new()
        }
        Msg::Stored(Ok(c)) => {
            if let Some(view) = app.result.as_mut()
                && view.checklist.as_ref().is_some_and(|x| x.id == c.id)
            {
                view.checklist = Some(c.clone());
            }
            if let Some(s) = app.saved.iter_mut().find(|s| s.id == c.id) {
                *s = c;
            }
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
            if let Some(k) = app.kiosk {
                let idle = ms.saturating_sub(app.last_input_ms);
                if app.pristine() {
                    app.countdown = None;
                    app.last_input_ms = ms;
                } else if idle >= k.idle_secs * 1000 {
                    app.reset_session();
                    app.last_input_ms = ms;
                } else if idle >= (k.idle_secs - k.countdown_secs) * 1000 {
                    app.countdown = Some((k.idle_secs * 1000 - idle).div_ceil(1000));
                } else {
                    app.countdown = None;
                }
            }
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
                .result
                .as_mut()
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
        Msg::Paste(_) | Msg::Mouse(_) | Msg::Key(_) if app.countdown.is_some() => {
            // Someone is still here: stop the countdown; the key does nothing else.
            app.countdown = None;
            app.last_input_ms = app.now_ms;
            Vec::new()
        }
        Msg::Paste(text) => {
            app.last_input_ms = app.now_ms;
            paste(app, &text);
            Vec::new()
        }
        Msg::Mouse(m) => {
            if matches!(m.kind, MouseEventKind::Down(_)) {
                app.last_input_ms = app.now_ms;
            }
            mouse(app, m)
        }
        Msg::Key(k) => {
            if k.kind == KeyEventKind::Release {
                return Vec::new();
            }
            app.last_input_ms = app.now_ms;
            if let Some(kiosk) = app.kiosk {
                // Only the operator's key, twice (or held), leaves a kiosk.
                if kiosk.quit_key.matches(&k) {
                    if app
                        .quit_pressed_ms
                        .is_some_and(|t| app.now_ms.saturating_sub(t) <= QUIT_WINDOW_MS)
                    {
                        app.quit = true;
                        return vec![Effect::Quit];
                    }
                    app.quit_pressed_ms = Some(app.now_ms);
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
            if app.qr {
                app.qr = false;
                return Vec::new();
            }
            if app.help {
                app.help = false;
                return Vec::new();
            }
            key(app, k)
        }
    }
}

fn typing(app: &App) -> bool {
    match &app.screen {
        Screen::Question(step) => App::filterable(*step) || *step == Step::End,
        Screen::Review { editing_label } => *editing_label,
        _ => false,
    }
}

fn paste(app: &mut App, text: &str) {
    let text = text.lines().next().unwrap_or("");
    match app.screen.clone() {
        Screen::Question(Step::End) => app.date.insert(text),
        Screen::Question(step) if App::filterable(step) => {
            app.filter.insert(text);
            app.selected = 0;
        }
        Screen::Review {
            editing_label: true,
        } => app.label.insert(text),
        _ => {}
    }
}

fn move_selection(app: &mut App, delta: isize, len: usize) {
    if len == 0 {
        app.selected = 0;
        return;
    }
    let cur = app.selected.min(len - 1) as isize;
    app.selected = (cur + delta).clamp(0, len as isize - 1) as usize;
}

fn key(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    let is_typing = typing(app);
    match k.code {
        KeyCode::Char('?')
            if !matches!(
                app.screen,
                Screen::Review {
                    editing_label: true
                }
            ) =>
        {
            app.help = true;
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
    match app.screen.clone() {
        Screen::Home => {
            let len = app.saved.len() + 1;
            match k.code {
                KeyCode::Up => move_selection(app, -1, len),
                KeyCode::Down => move_selection(app, 1, len),
                KeyCode::Home => app.selected = 0,
                KeyCode::End => app.selected = len - 1,
                KeyCode::Enter | KeyCode::Char(' ') => {
                    if app.selected == 0 {
                        app.start_new();
                    } else {
                        app.open_saved(app.selected - 1);
                    }
                }
                KeyCode::Char('n') | KeyCode::Char('N') => app.start_new(),
                KeyCode::Char(c) if c.is_ascii_digit() => {
                    let n = c.to_digit(10).unwrap_or(0) as usize;
                    if n >= 1 && n <= len {
                        app.selected = n - 1;
                    }
                }
                _ => {}
            }
            Vec::new()
        }
        Screen::Question(Step::End) => {
            match k.code {
                KeyCode::Enter => match app.date_reading() {
                    Ok(d) => {
                        app.draft.end = Some(d);
                        app.next_after(Step::End);
                    }
                    Err(e) => app.message = Some((Level::Error, e.message())),
                },
                KeyCode::Backspace => app.date.backspace(),
                KeyCode::Delete => app.date.delete(),
                KeyCode::Left => app.date.left(),
                KeyCode::Right => app.date.right(),
                KeyCode::Home => app.date.home(),
                KeyCode::End => app.date.end(),
                KeyCode::Char(c) if !k.modifiers.contains(KeyModifiers::CONTROL) => {
                    app.date.insert(&c.to_string());
                    app.message = None;
                }
                _ => {}
            }
            Vec::new()
        }
        Screen::Question(step) => {
            let visible = app.visible_options(step);
            if !app.number.is_empty() {
                match k.code {
                    KeyCode::Char(c)
                        if to_half_width(&c.to_string())
                            .chars()
                            .all(|d| d.is_ascii_digit()) => {}
                    KeyCode::Enter => {
                        let n: usize = app.number.parse().unwrap_or(0);
                        app.number.clear();
                        app.choose(step, n.saturating_sub(1));
                        return Vec::new();
                    }
                    KeyCode::Backspace => {
                        app.number.clear();
                        app.message = None;
                        return Vec::new();
                    }
                    // Anything else ends the number: the item stays highlighted.
                    _ => {
                        app.number.clear();
                        app.message = None;
                    }
                }
            }
            match k.code {
                KeyCode::Up => move_selection(app, -1, visible.len()),
                KeyCode::Down => move_selection(app, 1, visible.len()),
                KeyCode::PageUp => move_selection(app, -10, visible.len()),
                KeyCode::PageDown => move_selection(app, 10, visible.len()),
                KeyCode::Home if !App::filterable(step) || app.filter.text.is_empty() => {
                    app.selected = 0
                }
                KeyCode::End if !App::filterable(step) || app.filter.text.is_empty() => {
                    app.selected = visible.len().saturating_sub(1)
                }
                KeyCode::Enter => match visible.get(app.selected) {
                    Some(&opt) => app.choose(step, opt),
                    None => {
                        app.message = Some((Level::Error, crate::i18n::t("tui.no_match").into()))
                    }
                },
                KeyCode::Backspace if App::filterable(step) => {
                    app.filter.backspace();
                    app.selected = 0;
                }
                KeyCode::Left if App::filterable(step) => app.filter.left(),
                KeyCode::Right if App::filterable(step) => app.filter.right(),
                KeyCode::Char(c) if !k.modifiers.contains(KeyModifiers::CONTROL) => {
                    let digit = to_half_width(&c.to_string())
                        .chars()
                        .next()
                        .filter(char::is_ascii_digit);
                    let all = app.options(step).len();
                    if let (Some(d), true) = (digit, app.filter.text.is_empty()) {
                        let typed = format!("{}{d}", app.number);
                        let n: usize = typed.parse().unwrap_or(0);
                        if (1..=all).contains(&n) {
                            if n * 10 > all {
                                // No longer number is possible: this is the one.
                                app.number.clear();
                                app.choose(step, n - 1);
                            } else {
                                // `1` of 57 may become `12`: wait for a digit or Enter.
                                app.number = typed;
                                app.selected = n - 1;
                                app.message = Some((
                                    Level::Info,
                                    crate::i18n::tf("tui.number_pending", &[("n", &n)]),
                                ));
                            }
                            return Vec::new();
                        }
                        if !app.number.is_empty() {
                            app.number.clear();
                            app.message = Some((
                                Level::Error,
                                crate::i18n::tf("tui.pick_number", &[("max", &all)]),
                            ));
                            return Vec::new();
                        }
                        if !App::filterable(step) {
                            app.message = Some((
                                Level::Error,
                                crate::i18n::tf("tui.pick_number", &[("max", &all)]),
                            ));
                            return Vec::new();
                        }
                    }
                    if App::filterable(step) {
                        app.filter.insert(&c.to_string());
                        app.selected = 0;
                        app.message = None;
                    } else {
                        // y / n on yes-no questions, initials on the scheme list.
                        let pick = match (step, c.to_ascii_lowercase()) {
                            (Step::Retired | Step::Cross, 'y')
                            | (Step::Retired | Step::Cross, '是') => Some(0),
                            (Step::Retired | Step::Cross, 'n')
                            | (Step::Retired | Step::Cross, '否') => Some(1),
                            (Step::Scheme, 'z') | (Step::Scheme, 'e') => Some(0),
                            (Step::Scheme, 'c') | (Step::Scheme, 'j') | (Step::Scheme, 'r') => {
                                Some(1)
                            }
                            _ => None,
                        };
                        match pick {
                            Some(i) => app.selected = i,
                            None => {
                                app.message = Some((
                                    Level::Error,
                                    crate::i18n::tf("tui.pick_number", &[("max", &all)]),
                                ))
                            }
                        }
                    }
                }
                _ => {}
            }
            Vec::new()
        }
        Screen::Review {
            editing_label: true,
        } => {
            match k.code {
                KeyCode::Enter => {
                    let text = app.label.text.trim().to_string();
                    match crate::cli::check_label(&text) {
                        Ok(()) => {
                            app.draft.label = if text.is_empty() { None } else { Some(text) };
                            app.screen = Screen::Review {
                                editing_label: false,
                            };
                            app.message = None;
                        }
                        Err(e) => app.message = Some((Level::Error, e.0)),
                    }
                }
                KeyCode::Backspace => app.label.backspace(),
                KeyCode::Delete => app.label.delete(),
                KeyCode::Left => app.label.left(),
                KeyCode::Right => app.label.right(),
                KeyCode::Home => app.label.home(),
                KeyCode::End => app.label.end(),
                KeyCode::Char(c) if !k.modifiers.contains(KeyModifiers::CONTROL) => {
                    app.label.insert(&c.to_string())
                }
                _ => {}
            }
            Vec::new()
        }
        Screen::Review {
            editing_label: false,
        } => {
            let rows = app.review_rows();
            match k.code {
                KeyCode::Up => move_selection(app, -1, rows.len()),
                KeyCode::Down | KeyCode::Tab => move_selection(app, 1, rows.len()),
                KeyCode::Enter | KeyCode::Char(' ') => {
                    return activate_review_row(app, rows[app.selected.min(rows.len() - 1)]);
                }
                KeyCode::Char(c) if c.is_ascii_digit() => {
                    let n = c.to_digit(10).unwrap_or(0) as usize;
                    if (1..=rows.len()).contains(&n) {
                        app.selected = n - 1;
                    }
                }
                _ => {}
            }
            Vec::new()
        }
        Screen::Result => result_key(app, k),
    }
}

fn activate_review_row(app: &mut App, row: ReviewRow) -> Vec<Effect> {
    match row {
        ReviewRow::Answer(step) => {
            app.from_review = true;
            app.enter_step(step);
            Vec::new()
        }
        ReviewRow::Label => {
            app.label = TextInput::with(app.draft.label.as_deref().unwrap_or(&app.default_label()));
            app.screen = Screen::Review {
                editing_label: true,
            };
            Vec::new()
        }
        ReviewRow::Confirm => app.confirm(),
    }
}

fn result_key(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    let lines = app.result_lines_len();
    let Some(view) = app.result.as_mut() else {
        return Vec::new();
    };
    let items = view.checklist.as_ref().map(|c| c.items.len()).unwrap_or(0);
    match k.code {
        KeyCode::Tab | KeyCode::Right => {
            view.tab = view.tab.next();
            view.scroll = 0;
        }
        KeyCode::BackTab | KeyCode::Left => {
            view.tab = view.tab.prev();
            view.scroll = 0;
        }
        KeyCode::Char(c @ '1'..='5') => {
            view.tab = Tab::ALL[(c as u8 - b'1') as usize];
            view.scroll = 0;
        }
        KeyCode::Up if view.tab == Tab::Checklist => view.item = view.item.saturating_sub(1),
        KeyCode::Down if view.tab == Tab::Checklist => {
            view.item = (view.item + 1).min(items.saturating_sub(1))
        }
        KeyCode::Up => view.scroll = view.scroll.saturating_sub(1),
        KeyCode::Down => view.scroll = (view.scroll + 1).min(lines as u16),
        KeyCode::PageUp => view.scroll = view.scroll.saturating_sub(10),
        KeyCode::PageDown => view.scroll = (view.scroll + 10).min(lines as u16),
        KeyCode::Home => {
            view.scroll = 0;
            view.item = 0;
        }
        KeyCode::Char(' ') | KeyCode::Enter if view.tab == Tab::Checklist => {
            let i = view.item;
            return app.toggle_item(i, None);
        }
        KeyCode::Char('n') | KeyCode::Char('N') => {
            if app.kiosk.is_some() {
                app.reset_session();
            } else {
                app.start_new();
            }
        }
        KeyCode::Char('r') | KeyCode::Char('R') => app.qr = true,
        KeyCode::Char('s') | KeyCode::Char('S') => {
            let unsaved = view.checklist.as_ref().is_some_and(|c| c.id.is_empty());
            if app.kiosk.is_some_and(|k| k.allow_save) && unsaved {
                return app.save_now();
            }
        }
        KeyCode::Char('p') | KeyCode::Char('P') => {
            if !app.can_print {
                app.message = Some((Level::Error, crate::i18n::t("tui.no_printer").into()));
                return Vec::new();
            }
            let sheet = match &view.checklist {
                Some(c) => {
                    // One reference day: the items' dates made again for
                    // the plan shown; only this copy, nothing is saved.
                    let mut current = c.clone();
                    current.refresh(&view.plan, chrono::DateTime::UNIX_EPOCH);
                    crate::checklist::export::sheet(&current, Some(&view.plan), app.today, false)
                }
                None => crate::plan::render::text(&view.plan, 78),
            };
            app.message = Some((Level::Info, crate::i18n::t("tui.printing").into()));
            return vec![Effect::Print(sheet)];
        }
        _ => {}
    }
    Vec::new()
}

fn mouse(app: &mut App, m: MouseEvent) -> Vec<Effect> {
    if app.help {
        if matches!(m.kind, MouseEventKind::Down(_)) {
            app.help = false;
        }
        return Vec::new();
    }
    match m.kind {
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let code = if m.kind == MouseEventKind::ScrollDown {
                KeyCode::Down
            } else {
                KeyCode::Up
            };
            if matches!(app.screen, Screen::Result) {
                return result_key(app, KeyEvent::new(code, KeyModifiers::NONE));
            }
            Vec::new()
        }
        MouseEventKind::Down(MouseButton::Left) => match layout::hit(app, m.column, m.row) {
            Some(Hit::Option(i)) => match app.screen.clone() {
                Screen::Home => {
                    app.selected = i;
                    key(app, KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
                }
                Screen::Question(step) => {
                    let visible = app.visible_options(step);
                    if let Some(&opt) = visible.get(i) {
                        app.selected = i;
                        app.choose(step, opt);
                    }
                    Vec::new()
                }
                Screen::Review {
                    editing_label: false,
                } => {
                    let rows = app.review_rows();
                    match rows.get(i) {
                        Some(&row) => {
                            app.selected = i;
                            activate_review_row(app, row)
                        }
                        None => Vec::new(),
                    }
                }
                _ => Vec::new(),
            },
            Some(Hit::Tab(t)) => {
                if let Some(v) = app.result.as_mut() {
                    v.tab = t;
                    v.scroll = 0;
                }
                Vec::new()
            }
            Some(Hit::Item(i)) => app.toggle_item(i, None),
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}
