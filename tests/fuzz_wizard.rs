//! Random streams of keys, pastes, clicks, resizes and clock ticks through
//! the wizard, every state drawn: never a panic, and the invariants hold
//! (Back keeps answers, the selection stays inside its list, saved files
//! parse). `PROPTEST_CASES=20000 cargo test --test fuzz_wizard` runs long.

mod common;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use proptest::prelude::*;
use renewal_assistant::checklist::Checklist;
use renewal_assistant::tui::app::{Msg, Page};
use renewal_assistant::tui::overlays::Overlay;

#[derive(Debug, Clone)]
enum Action {
    Key(KeyCode, KeyModifiers),
    Paste(String),
    Click(u16, u16),
    Scroll(bool),
    Resize(u16, u16),
    Tick(u64),
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        // The saved list's and the cycle's keys too: c (progress), y (yes;
        // Ctrl-Y undo), d r t (Ctrl-D delete, Ctrl-R rename, Ctrl-T edit),
        // u a e (Ctrl-U clear, Ctrl-A / Ctrl-E move in a field), m.
        6 => prop::sample::select(vec!['h', 'x', 't', 'n', 'b', 'q', 'g', 'y', '1', '2', '3', '4', '5', '9', ' ', '?', '-', '/', 's', 'p', 'r', 'c', 'u', 'a', 'd', 'e', 'm', '.', '海', '西', '糖', '２', '年', '月', '日'])
            .prop_map(KeyCode::Char),
        1 => any::<char>().prop_map(KeyCode::Char),
        6 => prop::sample::select(vec![
            KeyCode::Enter, KeyCode::Esc, KeyCode::Backspace, KeyCode::Delete, KeyCode::Up, KeyCode::Down,
            KeyCode::Left, KeyCode::Right, KeyCode::Home, KeyCode::End, KeyCode::PageUp, KeyCode::PageDown,
            KeyCode::Tab, KeyCode::BackTab, KeyCode::F(1), KeyCode::F(2), KeyCode::F(3), KeyCode::F(10),
        ]),
    ]
}

fn paste() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,30}",
        Just("甲市\u{1b}[2J\u{7}".to_string()),
        Just("😀🇨🇳👨‍👩‍👧 糖尿病".to_string()),
        Just("２０２６年３月３１日\r\n2026-02-30".to_string()),
        Just("x".repeat(10_000)),
        Just("\u{202E}\u{0}\u{8}\t".to_string()),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        12 => (key_code(), prop::sample::select(vec![KeyModifiers::NONE, KeyModifiers::NONE, KeyModifiers::SHIFT, KeyModifiers::CONTROL]))
            .prop_map(|(c, m)| Action::Key(c, m)),
        1 => paste().prop_map(Action::Paste),
        2 => (0u16..130, 0u16..45).prop_map(|(x, y)| Action::Click(x, y)),
        1 => any::<bool>().prop_map(Action::Scroll),
        1 => prop_oneof![(1u16..=300, 1u16..=100), Just((80, 24)), Just((120, 40)), Just((60, 18))].prop_map(|(w, h)| Action::Resize(w, h)),
        1 => (0u64..400_000).prop_map(Action::Tick),
    ]
}

fn run(actions: Vec<Action>, kiosk: bool) -> Result<(), TestCaseError> {
    let h = if kiosk {
        Harness::kiosk()
    } else {
        Harness::new()
    };
    run_on(h, actions, kiosk)
}

fn run_on(mut h: Harness, actions: Vec<Action>, kiosk: bool) -> Result<(), TestCaseError> {
    let mut clock = 0u64;
    for a in actions {
        let before = h.app.draft().clone();
        let was_esc = matches!(a, Action::Key(KeyCode::Esc, _));
        let msg = match a {
            Action::Key(code, mods) => Msg::Key(KeyEvent::new(code, mods)),
            Action::Paste(p) => Msg::Paste(p),
            Action::Click(column, row) => Msg::Mouse(MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column,
                row,
                modifiers: KeyModifiers::NONE,
            }),
            Action::Scroll(down) => Msg::Mouse(MouseEvent {
                kind: if down {
                    MouseEventKind::ScrollDown
                } else {
                    MouseEventKind::ScrollUp
                },
                column: 5,
                row: 5,
                modifiers: KeyModifiers::NONE,
            }),
            Action::Resize(w, h2) => Msg::Resize(w, h2),
            Action::Tick(dt) => {
                clock += dt;
                Msg::Tick(clock)
            }
        };
        h.send(msg);
        // Every state draws, at whatever size.
        let screen = h.screen();
        if kiosk {
            // A kiosk never lists what anyone saved, the visitor included.
            prop_assert!(
                !h.app.page().eq(&Page::Home),
                "a kiosk showed the home list"
            );
            prop_assert!(h.app.saved().is_empty(), "a kiosk holds saved checklists");
            // Nor any saved-list feature: no cycle page, no delete, rename
            // or save-to-file question.
            prop_assert!(
                !matches!(h.app.page(), Page::Cycle { .. }),
                "a kiosk showed the cycle page"
            );
            prop_assert!(
                h.app
                    .overlays()
                    .iter()
                    .all(|o| matches!(o, Overlay::Help | Overlay::Qr | Overlay::Countdown(_))),
                "a kiosk asked a saved-list question: {:?}",
                h.app.overlays()
            );
            let fresh = h.app.result().is_none()
                && *h.app.draft() == Default::default()
                && h.app.filter_text().is_empty();
            prop_assert!(
                !fresh || !screen.contains("糖尿病"),
                "a fresh kiosk session shows a disease:\n{screen}"
            );
        }
        if was_esc && h.app.countdown().is_none() {
            let after = h.app.draft();
            prop_assert!(
                before.region.is_none() || after.region == before.region,
                "Esc lost the region"
            );
            prop_assert!(
                before.end.is_none() || after.end == before.end,
                "Esc lost the date"
            );
            prop_assert!(
                before.scheme.is_none() || after.scheme == before.scheme,
                "Esc lost the scheme"
            );
            prop_assert!(
                before.disease.is_none() || after.disease == before.disease,
                "Esc lost the disease"
            );
        }
        let len = match h.app.page() {
            Page::Home => Some(h.app.home_rows().len() + 1),
            Page::Question(step) if step != renewal_assistant::tui::app::Question::End => {
                Some(h.app.visible_options(step).len())
            }
            Page::Review { .. } => Some(h.app.review_rows().len()),
            _ => None,
        };
        if let Some(len) = len {
            prop_assert!(
                h.app.selected() < len.max(1),
                "selection {} outside a list of {len}",
                h.app.selected()
            );
        }
        if let Some(view) = h.app.result()
            && let Some(c) = &view.checklist()
        {
            prop_assert!(view.item() < c.items.len().max(1));
        }
        if h.quit {
            break;
        }
    }
    for file in std::fs::read_dir(h.store.dir()).unwrap() {
        let path = file.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".json") && !name.starts_with('.') {
            let text = std::fs::read_to_string(&path).unwrap();
            prop_assert!(
                serde_json::from_str::<Checklist>(&text).is_ok(),
                "{name} does not parse"
            );
        }
    }
    Ok(())
}

/// A data dir with three saved checklists: one preparing, one under
/// review, one refused.
fn saved_three() -> Harness {
    use chrono::{TimeZone, Utc};
    use renewal_assistant::checklist::{cycle, store::Store};
    use renewal_assistant::plan::{self, Answers};
    use renewal_assistant::policy::Scheme;
    let tmp = tempfile::tempdir().unwrap();
    let policy = fixture_policy();
    let store = Store::open(tmp.path()).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 1, 12, 9, 0, 0).unwrap();
    for (i, label) in ["妈妈", "爸爸", "奶奶"].into_iter().enumerate() {
        let answers = Answers {
            region: "fx-typical".into(),
            scheme: Scheme::Employee,
            disease: "hypertension".into(),
            validity_end: chrono::NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
            cross_province: false,
            retired: false,
        };
        let p = plan::compute(&policy, &answers, today()).unwrap();
        let mut c = Checklist::new(store.new_id(), label, &answers, &p, now);
        let on = chrono::NaiveDate::from_ymd_opt(2026, 1, 12).unwrap();
        if i > 0 {
            cycle::submit(&mut c, on, None, &policy, today(), now).unwrap();
        }
        if i > 1 {
            cycle::refuse(&mut c, on, today(), now).unwrap();
        }
        store.create(&c).unwrap();
    }
    Harness::in_dir(tmp)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_sessions_never_panic(actions in prop::collection::vec(action(), 1..60)) {
        run(actions, false)?;
    }

    #[test]
    fn random_kiosk_sessions_never_panic(actions in prop::collection::vec(action(), 1..60)) {
        run(actions, true)?;
    }

    /// Sessions over saved checklists: filter, delete, undo, rename, edit,
    /// the renewal cycle, saving the sheet, in any order.
    #[test]
    fn random_saved_list_sessions_never_panic(actions in prop::collection::vec(action(), 1..60)) {
        run_on(saved_three(), actions, false)?;
    }

    /// Sessions that reach the result and then do random things there.
    #[test]
    fn random_result_sessions_never_panic(actions in prop::collection::vec(action(), 1..40)) {
        let mut prefix: Vec<Action> = "js\r1\rtnb\r2026-03-31\r\r\r"
            .chars()
            .map(|c| Action::Key(if c == '\r' { KeyCode::Enter } else { KeyCode::Char(c) }, KeyModifiers::NONE))
            .collect();
        prefix.extend(actions);
        run(prefix, false)?;
    }

    /// A kiosk visitor saves, then anything happens (the next visitor, the
    /// idle wipe, random keys): the saved checklist is never listed.
    #[test]
    fn a_kiosk_never_lists_what_a_visitor_saved(actions in prop::collection::vec(action(), 1..60)) {
        let mut prefix: Vec<Action> = "js\r1\rtnb\r2026-03-31\r\r\rs"
            .chars()
            .map(|c| Action::Key(if c == '\r' { KeyCode::Enter } else { KeyCode::Char(c) }, KeyModifiers::NONE))
            .collect();
        prefix.push(Action::Key(
            if actions.len() % 2 == 0 { KeyCode::Char('n') } else { KeyCode::Esc },
            KeyModifiers::NONE,
        ));
        prefix.push(Action::Tick(200_000));
        prefix.extend(actions);
        run(prefix, true)?;
    }
}
