//! The kiosk's decisions (`tui::kiosk`) carried out on the App: the
//! wizard made for a kiosk, the idle clock's countdown and wipe, the
//! operator's key, the visitor's fresh start and saving when they choose.

use chrono::NaiveDate;
use crossterm::event::KeyEvent;

use super::{App, Effect, Level, Message, Page, Question};
use crate::i18n::Words;
use crate::policy::PolicySet;
use crate::tui::kiosk::{Idle, Kiosk, KioskState, OperatorKey};
use crate::tui::overlays::Overlay;
use crate::wizard::Draft;

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
        app.kiosk = Some(KioskState::new(kiosk));
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
            k.forget_quit();
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

/// Someone touched the keys or the screen: the kiosk's idle clock restarts.
pub(crate) fn touched(app: &mut App) {
    let now = app.now_ms;
    if let Some(k) = app.kiosk.as_mut() {
        k.touched(now);
    }
}

/// An idle kiosk counts down, then wipes the session for the next person.
pub(crate) fn tick(app: &mut App, ms: u64) {
    let Some(k) = app.kiosk.as_ref() else {
        return;
    };
    let countdown = match k.idle(ms, app.pristine()) {
        Idle::Waiting => {
            touched(app);
            None
        }
        Idle::Wipe => {
            app.reset_session();
            touched(app);
            return;
        }
        Idle::Countdown(secs) => Some(secs),
        Idle::InUse => None,
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

/// A key at a kiosk before any screen sees it (see
/// `KioskState::operator_key`). None when the key is the screen's.
pub(crate) fn operator_key(app: &mut App, k: &KeyEvent) -> Option<Vec<Effect>> {
    let now = app.now_ms;
    match app.kiosk.as_mut()?.operator_key(k, now)? {
        OperatorKey::Quit => {
            app.quit = true;
            Some(vec![Effect::Quit])
        }
        OperatorKey::QuitAgain => {
            app.message = Some((Level::Info, Message::KioskQuitAgain));
            Some(Vec::new())
        }
        OperatorKey::Ignored => Some(Vec::new()),
    }
}
