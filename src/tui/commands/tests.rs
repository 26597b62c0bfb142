//! Each screen's list checked against its dispatch, footer and help, in
//! every state it has, in the three languages and at a kiosk.

use super::*;

/// Every command of `list`: pressing its keys dispatches it (unless a
/// more particular command of the list takes that key), it is in the
/// footer or the help, and the footer shows only enabled commands.
pub(crate) fn check_list(list: &[Command], words: Words) {
    let footer = footer(words, list);
    for c in list {
        assert!(
            c.hint.is_some() || !c.help.is_empty(),
            "{:?} is in neither the footer nor the help",
            c.cmd
        );
        if let Some(h) = c.hint {
            assert_ne!(words.t(h), h, "no words for {h}");
            assert_eq!(
                footer.contains(words.t(h)),
                c.enabled || list.iter().any(|o| o.enabled && o.hint == Some(h)),
                "{:?}'s hint in the footer {footer:?}",
                c.cmd
            );
        }
        if !c.enabled {
            continue;
        }
        assert!(!c.keys.is_empty(), "{:?} has no key", c.cmd);
        // Its first key does it; its others do something (a more
        // particular command may take one: Ctrl-U edits, not types).
        assert_eq!(
            lookup(list, &c.keys[0].example()),
            Some(c.cmd),
            "{:?}'s first key",
            c.cmd
        );
        for key in c.keys {
            assert!(lookup(list, &key.example()).is_some(), "{key:?}");
        }
    }
}

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::config::QuitKey;
use crate::i18n::Lang;
use crate::policy::PolicySet;
use crate::tui::app::{self, App, Effect, Kiosk, Msg, Page, Question, Screen, update};
use crate::tui::overlays::Overlay;

fn policy() -> PolicySet {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/policy");
    PolicySet::from_dir(&dir).unwrap_or_else(|e| panic!("the fixture policy set: {e}"))
}

fn start(kiosk: Option<bool>) -> App {
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let words = Words::new(Lang::ZhHans);
    match kiosk {
        Some(allow_save) => App::for_kiosk(
            policy(),
            today,
            Kiosk {
                idle_secs: 120,
                countdown_secs: 20,
                allow_save,
                quit_key: QuitKey::Ctrl('q'),
            },
            words,
        ),
        None => App::new(policy(), today, Vec::new(), Vec::new(), words),
    }
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// 甲市 / 职工 / 糖尿病 / 2026-03-31 / 否, up to the review page.
fn to_review(app: &mut App) {
    typed(app, "js");
    press(app, KeyCode::Enter);
    typed(app, "1");
    press(app, KeyCode::Enter);
    typed(app, "tnb");
    press(app, KeyCode::Enter);
    typed(app, "2026-03-31");
    press(app, KeyCode::Enter);
    press(app, KeyCode::Enter);
    assert!(
        matches!(app.page(), Page::Review { .. }),
        "{:?}",
        app.page()
    );
}

fn to_result(app: &mut App) {
    to_review(app);
    press(app, KeyCode::Enter);
    assert_eq!(app.page(), Page::Result);
}

/// The screen's list, checked in each language.
fn check(app: &App) {
    for lang in [Lang::ZhHans, Lang::ZhHant, Lang::En] {
        check_list(&app::commands(app), Words::new(lang));
    }
}

#[test]
fn the_most_particular_key_wins() {
    let list = [
        Command::new(Cmd::Type, &[Key::AnyChar], &[HelpLine::Type]),
        Command::new(Cmd::Delete, &[Key::Ctrl('d')], &[HelpLine::Delete]),
        Command::new(Cmd::Quit, &[Key::Plain('q')], &[HelpLine::Quit]).enabled(false),
    ];
    let ctrl_d = KeyEvent::new(KeyCode::Char('D'), KeyModifiers::CONTROL);
    assert_eq!(lookup(&list, &ctrl_d), Some(Cmd::Delete));
    assert_eq!(lookup(&list, &Key::Plain('q').example()), Some(Cmd::Type));
    assert_eq!(lookup(&list, &Key::Code(KeyCode::F(9)).example()), None);
}

#[test]
fn home_list() {
    let mut app = start(None);
    app.screen = Screen::Home(Default::default());
    check(&app);
    assert_eq!(
        lookup(&app::commands(&app), &Key::Ctrl('y').example()),
        Some(Cmd::Undo)
    );
    // `q` filters the list; Ctrl-N starts a new plan.
    assert_eq!(
        lookup(&app::commands(&app), &Key::Plain('q').example()),
        Some(Cmd::Type)
    );
    update(&mut app, Msg::Key(Key::Ctrl('n').example()));
    assert_eq!(app.page(), Page::Question(Question::Region));
}

#[test]
fn question_lists() {
    let mut app = start(None);
    assert_eq!(app.page(), Page::Question(Question::Region));
    check(&app);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.overlays.last(), Some(&Overlay::Help));
    press(&mut app, KeyCode::Esc);
    typed(&mut app, "js");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.page(), Page::Question(Question::Scheme));
    check(&app);
    // A digit highlights: every key then ends the number first.
    typed(&mut app, "1");
    assert!(
        app::commands(&app)
            .iter()
            .any(|c| c.cmd == Cmd::EndNumber && c.enabled)
    );
    check(&app);
    // `q` quits where nothing is typed.
    assert_eq!(press(&mut app, KeyCode::Char('q')), vec![Effect::Quit]);
}

#[test]
fn date_list() {
    let mut app = start(None);
    typed(&mut app, "js");
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "1");
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "tnb");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.page(), Page::Question(Question::End));
    check(&app);
    // The field takes `q` and `?` is the help's.
    typed(&mut app, "q");
    assert!(!app.quit);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.overlays.last(), Some(&Overlay::Help));
}

#[test]
fn review_lists() {
    for kiosk in [None, Some(true)] {
        let mut app = start(kiosk);
        to_review(&mut app);
        check(&app);
        if let Screen::Review(r) = &mut app.screen {
            r.label = Some(Default::default());
        }
        check(&app);
        // The label takes `?`; Esc cancels.
        press(&mut app, KeyCode::Char('?'));
        assert!(app.overlays.is_empty());
        press(&mut app, KeyCode::Esc);
        assert_eq!(
            app.page(),
            Page::Review {
                editing_label: false
            }
        );
    }
}

#[test]
fn result_lists_on_every_tab_and_at_a_kiosk() {
    for kiosk in [None, Some(true), Some(false)] {
        let mut app = start(kiosk);
        to_result(&mut app);
        for tab in ['1', '2', '3', '4', '5'] {
            press(&mut app, KeyCode::Char(tab));
            check(&app);
        }
        press(&mut app, KeyCode::Char('r'));
        assert_eq!(app.overlays.last(), Some(&Overlay::Qr));
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('n'));
        assert_eq!(app.page(), Page::Question(Question::Region));
    }
}

#[test]
fn cycle_lists() {
    let mut app = start(None);
    to_result(&mut app);
    let Screen::Result(view) = app.screen.clone() else {
        panic!("no result");
    };
    app.screen = Screen::Cycle(Box::new(crate::tui::screens::cycle::CycleScreen {
        result: view,
        selected: 0,
        form: None,
        scroll: 0,
    }));
    check(&app);
    // 1 submits: its day is typed, then its channel chosen.
    typed(&mut app, "1");
    assert_eq!(app.page(), Page::Cycle { typing: true });
    check(&app);
    press(&mut app, KeyCode::Enter);
    check(&app);
}

#[test]
fn help_lists_every_screens_commands() {
    let words = Words::new(Lang::En);
    for (kiosk, lines) in [(None, 21), (Some(false), 14), (Some(true), 15)] {
        let app = start(kiosk);
        let help = help_lines(words, &app::all_commands(&app), kiosk.is_some());
        assert_eq!(help.len(), lines, "{help:#?}");
    }
}

#[test]
fn popup_lists() {
    use crate::tui::input::TextInput;
    let mut app = start(None);
    let field = || TextInput::default();
    let popups = [
        Overlay::Help,
        Overlay::Qr,
        Overlay::Countdown(5),
        Overlay::ConfirmDelete {
            id: "x".into(),
            label: "妈妈".into(),
        },
        Overlay::ConfirmOverwrite {
            path: "a.md".into(),
        },
        Overlay::Rename {
            id: "x".into(),
            field: field(),
        },
        Overlay::Note {
            id: "x".into(),
            field: field(),
        },
        Overlay::SaveSheet { field: field() },
    ];
    for popup in popups {
        app.overlays = vec![popup.clone()];
        let list = crate::tui::overlays::commands(&app);
        assert!(!list.is_empty(), "{popup:?}");
        for c in &list {
            // A popup says its keys in its own words.
            let says = c.hint.unwrap_or_else(|| panic!("{popup:?}: {:?}", c.cmd));
            for lang in [Lang::ZhHans, Lang::ZhHant, Lang::En] {
                assert_ne!(Words::new(lang).t(says), says, "{lang:?} has no words");
            }
            assert_eq!(lookup(&list, &c.keys[0].example()), Some(c.cmd));
        }
    }
    // y deletes; any other key keeps the checklist.
    app.overlays = vec![Overlay::ConfirmDelete {
        id: "x".into(),
        label: "妈妈".into(),
    }];
    assert_eq!(
        press(&mut app, KeyCode::Char('Y')),
        vec![Effect::Delete { id: "x".into() }]
    );
    app.overlays = vec![Overlay::ConfirmDelete {
        id: "x".into(),
        label: "妈妈".into(),
    }];
    assert_eq!(press(&mut app, KeyCode::Char('n')), Vec::new());
    assert!(app.overlays.is_empty());
}
