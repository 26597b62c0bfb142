//! The walk-up kiosk's rules, in one place: its settings and running
//! state, the idle clock (a countdown, then the session wiped for the next
//! person), the operator's quit key (twice, or held; no other key leaves);
//! and what a kiosk offers and refuses (`offers` the commands, the sheet
//! only through the printer, no renewal cycle, a label's own refusal, no
//! label in the title), which the screens' lists and checks ask here. It
//! decides; `app/kiosk_session.rs` carries the decisions out on the App
//! (the fresh start, saving when the visitor chooses), so this module
//! imports nothing of the App.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::commands::Cmd;
use super::message::Message;
use crate::checklist::LabelProblem;
use crate::config::QuitKey;

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

impl KioskState {
    pub(crate) fn new(config: Kiosk) -> KioskState {
        KioskState {
            config,
            last_input_ms: 0,
            quit_pressed_ms: None,
        }
    }

    /// Someone touched the keys or the screen at `now_ms`: the idle clock
    /// restarts.
    pub(crate) fn touched(&mut self, now_ms: u64) {
        self.last_input_ms = now_ms;
    }

    /// A fresh session: the operator's first press is forgotten.
    pub(crate) fn forget_quit(&mut self) {
        self.quit_pressed_ms = None;
    }

    /// Where the idle clock stands at `ms`, for a session that is
    /// `pristine` (nothing typed or chosen) or not.
    pub(crate) fn idle(&self, ms: u64, pristine: bool) -> Idle {
        let (config, idle) = (self.config, ms.saturating_sub(self.last_input_ms));
        if pristine {
            Idle::Waiting
        } else if idle >= config.idle_secs * 1000 {
            Idle::Wipe
        } else if idle >= (config.idle_secs - config.countdown_secs) * 1000 {
            Idle::Countdown((config.idle_secs * 1000 - idle).div_ceil(1000))
        } else {
            Idle::InUse
        }
    }

    /// A key at `now_ms` before any screen sees it: only the operator's
    /// key, twice within [`QUIT_WINDOW_MS`] (or held), leaves; other Ctrl
    /// keys do nothing. None when the key is the screen's.
    pub(crate) fn operator_key(&mut self, k: &KeyEvent, now_ms: u64) -> Option<OperatorKey> {
        if is_quit_key(self.config.quit_key, k) {
            if self
                .quit_pressed_ms
                .is_some_and(|t| now_ms.saturating_sub(t) <= QUIT_WINDOW_MS)
            {
                return Some(OperatorKey::Quit);
            }
            self.quit_pressed_ms = Some(now_ms);
            return Some(OperatorKey::QuitAgain);
        }
        (k.modifiers.contains(KeyModifiers::CONTROL) && !is_field_key(k))
            .then_some(OperatorKey::Ignored)
    }
}

/// Where an idle kiosk's clock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Idle {
    /// Nobody has started: the clock waits for the next person.
    Waiting,
    /// Someone is using it.
    InUse,
    /// Seconds left before the session is wiped: the countdown shows.
    Countdown(u64),
    /// Idle too long: wipe the session for the next person.
    Wipe,
}

/// What a key at a kiosk is before any screen sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OperatorKey {
    /// The operator's key the second time: the program ends.
    Quit,
    /// The operator's key once: once more quits.
    QuitAgain,
    /// Another Ctrl key: nothing happens.
    Ignored,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn kiosk() -> KioskState {
        KioskState::new(Kiosk {
            idle_secs: 60,
            countdown_secs: 10,
            allow_save: false,
            quit_key: QuitKey::Ctrl('q'),
        })
    }

    /// The idle clock: in use, then the countdown's last seconds, then the
    /// wipe; a session nobody started only waits.
    #[test]
    fn the_idle_clock_counts_down_then_wipes() {
        let mut k = kiosk();
        k.touched(1_000);
        assert_eq!(k.idle(40_000, false), Idle::InUse);
        assert_eq!(k.idle(51_000, false), Idle::Countdown(10));
        assert_eq!(k.idle(60_500, false), Idle::Countdown(1));
        assert_eq!(k.idle(61_000, false), Idle::Wipe);
        assert_eq!(k.idle(61_000, true), Idle::Waiting);
    }

    /// Only the operator's key, twice within the window, quits; other Ctrl
    /// keys do nothing; a field's Ctrl keys and plain keys are the screen's.
    #[test]
    fn only_the_operators_key_twice_quits() {
        let key = |c, m| KeyEvent::new(KeyCode::Char(c), m);
        let mut k = kiosk();
        let q = key('q', KeyModifiers::CONTROL);
        assert_eq!(k.operator_key(&q, 0), Some(OperatorKey::QuitAgain));
        assert_eq!(k.operator_key(&q, 5_000), Some(OperatorKey::QuitAgain));
        assert_eq!(k.operator_key(&q, 6_000), Some(OperatorKey::Quit));
        let mut k = kiosk();
        k.operator_key(&q, 0);
        k.forget_quit();
        assert_eq!(k.operator_key(&q, 100), Some(OperatorKey::QuitAgain));
        let c = key('c', KeyModifiers::CONTROL);
        assert_eq!(k.operator_key(&c, 200), Some(OperatorKey::Ignored));
        assert_eq!(k.operator_key(&key('u', KeyModifiers::CONTROL), 300), None);
        assert_eq!(k.operator_key(&key('q', KeyModifiers::NONE), 400), None);
    }
}
