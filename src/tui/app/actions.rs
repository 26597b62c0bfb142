//! Where a key goes once no popup took it, and what the screens' actions
//! do: the command the screen's list has for the key (help, quit and back
//! here, the rest to the screen's `update`), then the `Action` the screen
//! returned carried out on the App (television's `Action`).

use crossterm::event::KeyEvent;

use super::{App, Effect, Level, Message, Page, Question, Screen, commands};
use crate::tui::commands::{self as cmds, Cmd};
use crate::tui::layout;
use crate::tui::overlays::Overlay;
use crate::tui::screens::Action;
use crate::tui::screens::cycle as cycle_screen;
use crate::tui::screens::home::Home;
use crate::tui::screens::result;

/// A key goes to the command the screen's list has for it: help, quit and
/// back here, the others to the screen.
pub(super) fn key(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    let Some(cmd) = cmds::lookup(&commands(app), &k) else {
        return Vec::new();
    };
    match cmd {
        Cmd::Help => {
            app.overlays.push(Overlay::Help);
            return Vec::new();
        }
        Cmd::Quit => {
            app.quit = true;
            return vec![Effect::Quit];
        }
        Cmd::Back => {
            app.back();
            return Vec::new();
        }
        _ => {}
    }
    match app.page() {
        Page::Home => {
            let saved = app.saved.len();
            match &mut app.screen {
                Screen::Home(h) => {
                    let action = h.update(cmd, &k, saved);
                    act(app, action)
                }
                _ => Vec::new(),
            }
        }
        Page::Question(Question::End) => {
            let today = app.today;
            match &mut app.screen {
                Screen::Date(d) => {
                    let action = d.update(cmd, &k, today);
                    act(app, action)
                }
                _ => Vec::new(),
            }
        }
        Page::Question(step) => {
            let (visible, all) = (app.visible_options(step), app.numbered(step));
            match &mut app.screen {
                Screen::Question(q) => {
                    let action = q.update(cmd, &k, &visible, all);
                    act(app, action)
                }
                _ => Vec::new(),
            }
        }
        Page::Review { .. } => {
            let (rows, kiosk) = (app.review_rows(), app.kiosk.is_some());
            match &mut app.screen {
                Screen::Review(r) => {
                    let action = r.update(cmd, &k, &rows, kiosk);
                    act(app, action)
                }
                _ => Vec::new(),
            }
        }
        Page::Result => result_key(app, cmd, k),
        Page::Cycle { .. } => match &mut app.screen {
            Screen::Cycle(c) => {
                let action = c.update(cmd, &k, &app.policy, app.today);
                act(app, action)
            }
            _ => Vec::new(),
        },
    }
}

/// A command on the result, with what it reads of the App.
pub(super) fn result_key(app: &mut App, cmd: Cmd, k: KeyEvent) -> Vec<Effect> {
    let cx = result::ResultContext {
        kiosk: app.kiosk(),
        can_print: app.can_print,
        today: app.today,
        words: app.words,
        areas: layout::areas(&app.shown()),
    };
    match &mut app.screen {
        Screen::Result(v) => {
            let action = v.update(cmd, &k, &cx);
            act(app, action)
        }
        _ => Vec::new(),
    }
}

/// What a key of the result asked of the App.
fn result_action(app: &mut App, action: result::ResultAction) -> Vec<Effect> {
    use result::ResultAction as R;
    match action {
        R::Toggle { item, doc } => {
            let effects = app.toggle_item(item);
            if let (Some(doc), Some(v)) = (doc, app.result_mut()) {
                v.doc = doc;
            }
            return effects;
        }
        R::Popup(overlay) => app.overlays.push(overlay),
        R::PopupFresh(overlay) => {
            app.overlays.push(overlay);
            app.message = None;
        }
        R::NextPerson => app.reset_session(),
        R::New => app.start_new(),
        R::SaveHere => return app.save_now(),
        R::Print(text) => {
            app.message = Some((Level::Info, Message::Printing));
            return vec![Effect::Print(text)];
        }
        R::OpenCycle => {
            if let Screen::Result(view) =
                std::mem::replace(&mut app.screen, Screen::Home(Home::default()))
            {
                app.screen = Screen::Cycle(Box::new(cycle_screen::CycleScreen::new(view)));
                app.message = None;
            }
        }
    }
    Vec::new()
}

/// Does what a screen's `update` asked (see `screens::Action`).
pub(super) fn act(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::None => {}
        Action::Say(level, message) => app.message = Some((level, message)),
        Action::Unsay => app.message = None,
        Action::EndAnswered { date, from_review } => {
            app.draft.end = Some(date);
            app.next_after(Question::End, from_review);
        }
        Action::Choose {
            step,
            option,
            from_review,
        } => app.choose(step, option, from_review),
        Action::Home(action) => return app.home_action(action),
        Action::RecordCycle { id, step } => {
            app.message = Some((Level::Info, Message::Saving));
            return vec![Effect::Cycle { id, step }];
        }
        Action::Result(action) => return result_action(app, action),
        Action::Labelled(label) => {
            app.draft.label = label;
            app.message = None;
        }
        Action::ReviewRow(row) => return app.open_review_row(row),
    }
    Vec::new()
}
