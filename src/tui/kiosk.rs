//! The walk-up kiosk, in one place: its settings and running state, the
//! idle clock (a countdown, then the session wiped for the next person),
//! the operator's quit key (twice, or held; no other key leaves), the
//! visitor's fresh start, and saving only when the visitor chooses; and
//! what a kiosk offers and refuses (`offers` the commands, the sheet only
//! through the printer, no renewal cycle, a label's own refusal), which
//! the screens' lists and checks ask here.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Effect, Level, Message, Page, Question};
use super::commands::Cmd;
use super::overlays::Overlay;
use crate::checklist::LabelProblem;
use crate::config::QuitKey;
use crate::i18n::Words;
use crate::policy::PolicySet;
use crate::wizard::Draft;

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

impl App {
    /// The wizard at a walk-up kiosk. It holds no saved checklists at all,
    /// so no path (Esc, the idle wipe, the next visitor) can list them.
    pub(crate) fn for_kiosk(
        policy: PolicySet,
        today: NaiveDate,
        kiosk: Kiosk,
        words: Words,
    ) -> App {
        let mut app = App::new(policy, today, Vec::new(), Vec::new(), words);
        app.kiosk = Some(KioskState {
            config: kiosk,
            last_input_ms: 0,
            quit_pressed_ms: None,
        });
        app
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
        self.message = Some((Level::Info, Message::KioskReset));
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
        self.message = Some((Level::Info, Message::Saving));
        vec![Effect::Save {
            existing: None,
            label,
            answers,
            plan,
            ticked,
        }]
    }
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

/// Someone touched the keys or the screen: the kiosk's idle clock restarts.
pub(crate) fn touched(app: &mut App) {
    let now = app.now_ms;
    if let Some(k) = app.kiosk.as_mut() {
        k.last_input_ms = now;
    }
}

/// An idle kiosk counts down, then wipes the session for the next person.
pub(crate) fn tick(app: &mut App, ms: u64) {
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

/// Input while the countdown shows: someone is still here. The countdown
/// stops; the input does nothing else.
pub(crate) fn still_here(app: &mut App) {
    app.overlays.retain(|o| !matches!(o, Overlay::Countdown(_)));
    touched(app);
}

/// A key at a kiosk before any screen sees it: only the operator's key,
/// twice (or held), leaves; other Ctrl keys do nothing. None when the key
/// is the screen's.
pub(crate) fn operator_key(app: &mut App, k: &KeyEvent) -> Option<Vec<Effect>> {
    let now = app.now_ms;
    let kiosk = app.kiosk.as_mut()?;
    if is_quit_key(kiosk.config.quit_key, k) {
        if kiosk
            .quit_pressed_ms
            .is_some_and(|t| now.saturating_sub(t) <= QUIT_WINDOW_MS)
        {
            app.quit = true;
            return Some(vec![Effect::Quit]);
        }
        kiosk.quit_pressed_ms = Some(now);
        app.message = Some((Level::Info, Message::KioskQuitAgain));
        return Some(Vec::new());
    }
    (k.modifiers.contains(KeyModifiers::CONTROL) && !is_field_key(k)).then(Vec::new)
}

/// Ctrl-U / Ctrl-A / Ctrl-E: clear a field, move to its start / end, as in
/// a shell; harmless at a kiosk.
fn is_field_key(k: &KeyEvent) -> bool {
    matches!(k.code, KeyCode::Char('u' | 'U' | 'a' | 'A' | 'e' | 'E'))
}

// What a kiosk offers and refuses; the screens' lists and checks ask here.

/// Whether the screens offer command `cmd` (`kiosk`: the kiosk's settings,
/// None at a desk). A kiosk has no home list, no renewal cycle (nothing of
/// it is kept), no new plan but the next person's, no quit key anyone is
/// shown, and saves here only when its settings allow; a desk has no next
/// person and saves every plan as it is made.
pub(crate) fn offers(cmd: Cmd, kiosk: Option<Kiosk>) -> bool {
    match (cmd, kiosk) {
        (Cmd::NextPerson, k) => k.is_some(),
        (Cmd::SaveHere, k) => k.is_some_and(|k| k.allow_save),
        (Cmd::Quit | Cmd::Progress | Cmd::New | Cmd::ListKeys, Some(_)) => false,
        _ => true,
    }
}

/// Whether the result's title names whose checklist it is (its label):
/// at a desk, never at a kiosk, where the next visitor reads the screen.
pub(crate) fn shows_label(kiosk: Option<Kiosk>) -> bool {
    kiosk.is_none()
}

/// Whether the home list of saved checklists is there: never at a kiosk,
/// which holds none.
pub(crate) fn has_home_list(kiosk: Option<Kiosk>) -> bool {
    kiosk.is_none()
}

/// Whether the plan shown may be saved now, as the visitor asks: at a
/// kiosk that allows it, a plan not saved yet.
pub(crate) fn may_save_here(kiosk: Option<Kiosk>, unsaved: bool) -> bool {
    kiosk.is_some_and(|k| k.allow_save) && unsaved
}

/// Whether the sheet may go to a file the person names: a kiosk prints
/// only through its configured command.
pub(crate) fn may_write_sheet(kiosk: Option<Kiosk>) -> bool {
    kiosk.is_none()
}

/// Whether what the person was told (an `ask:` item) may be recorded on
/// the saved checklist, and its renewal cycle opened: the clerk's, never
/// a kiosk's.
pub(crate) fn records_on_saved(kiosk: Option<Kiosk>) -> bool {
    kiosk.is_none()
}

/// What the person is told of a label `check_label` refused: at a kiosk
/// a label that looks like a number (an ID, a phone) has its own words,
/// as not even a name is wanted there, only a form of address.
pub(crate) fn label_refused(problem: LabelProblem, kiosk: bool) -> Message {
    match problem {
        LabelProblem::LooksLikeANumber if kiosk => Message::LabelNumberAtKiosk,
        p => Message::BadLabel(p),
    }
}
