//! What the shell's effects answered (saved, deleted, restored, renamed,
//! noted, ticked, printed, a step of the cycle recorded): the state brought
//! up to date with the disk, and the person told. Nothing changed on disk
//! leaves the screen as it was, with the reason.

use super::saved_list::{reload, reload_changed};
use super::{App, Level, Message, Msg, Screen};
use crate::checklist::Checklist;
use crate::checklist::agenda;
use crate::tui::overlays;
use crate::tui::screens::cycle as cycle_screen;
use crate::tui::screens::home;

/// Applies one reply of the shell (any message but input, size and time).
pub(super) fn reply(app: &mut App, msg: Msg) {
    match msg {
        Msg::Saved(Ok(c)) => saved(app, c),
        Msg::Deleted(Ok(c)) => deleted(app, c),
        Msg::Restored(Ok(c)) => {
            app.deleted.retain(|d| d.id != c.id);
            changed_on_list(app, c, |label| Message::Restored { label });
        }
        Msg::Renamed(Ok(c)) => changed_on_list(app, c, |label| Message::Renamed { label }),
        Msg::Noted(Ok(c)) => {
            // The list as the clerk left it: the filter stays.
            if let Screen::Home(h) = &app.screen {
                app.home_stash = Some(h.clone());
            }
            changed_on_list(app, c, |label| Message::Noted { label });
        }
        Msg::CycleRecorded(Ok(c)) => {
            let (policy, today) = (&app.policy, app.today);
            let next_plan = c.plan(policy, today).ok();
            // "Below is the day the result is due" only when there is one.
            let due = cycle_screen::result_due(&c, next_plan.as_ref(), today, policy);
            app.put_saved(c.clone());
            let words = app.words;
            if let Screen::Cycle(s) = &mut app.screen
                && let Some(message) = s.recorded(c, next_plan, due, words)
            {
                app.message = Some((Level::Info, message));
            }
        }
        Msg::Learned(Ok(c)) => {
            reload(app, c);
            app.message = Some((Level::Info, Message::LearnSaved));
        }
        Msg::Deleted(Err(e))
        | Msg::Restored(Err(e))
        | Msg::Renamed(Err(e))
        | Msg::Noted(Err(e))
        | Msg::CycleRecorded(Err(e))
        | Msg::Learned(Err(e)) => {
            // Nothing changed on disk: the screen keeps what it showed.
            app.message = Some((Level::Error, Message::NotChanged { error: e }));
        }
        Msg::SheetWritten(result) => overlays::sheet_written(app, result),
        Msg::Stored(Ok(c)) => stored(app, c),
        Msg::ChangedElsewhere(c) => reload_changed(app, c),
        Msg::Saved(Err(e)) | Msg::Stored(Err(e)) => {
            app.message = Some((Level::Error, Message::SaveFailed { error: e }));
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
            app.message = Some((Level::Error, Message::SaveFailed { error }));
        }
        Msg::Printed(Ok(())) => app.message = Some((Level::Info, Message::Printed)),
        Msg::Printed(Err(e)) => {
            app.message = Some((Level::Error, Message::PrintFailed { error: e }));
        }
        // Input, size and time are `update`'s.
        Msg::Key(_) | Msg::Mouse(_) | Msg::Paste(_) | Msg::Resize(..) | Msg::Tick(_) => {}
    }
}

/// The plan's checklist was saved (created, or its answers replaced).
fn saved(app: &mut App, c: Checklist) {
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
            Message::SavedTwice {
                label: twin.label,
                region: twin.region_name,
                disease: twin.disease_name,
            },
        ),
        _ if app.editing => (Level::Info, Message::Edited { label: c.label }),
        // A kiosk never lists it again: say so, not "next time".
        _ if app.kiosk.is_some() => (Level::Info, Message::SavedAtKiosk { label: c.label }),
        _ => (Level::Info, Message::Saved { label: c.label }),
    });
}

/// A saved checklist was deleted: off the list, kept to undo.
fn deleted(app: &mut App, c: Checklist) {
    let label = c.label.clone();
    let saved = std::mem::take(&mut app.saved)
        .into_iter()
        .filter(|s| s.id != c.id)
        .collect();
    app.set_saved(saved);
    app.deleted.push(c);
    let len = home::len(&app.screen, app.saved.len());
    if let Screen::Home(h) = &mut app.screen {
        h.selected = h.selected.min(len - 1);
    }
    app.message = Some((Level::Info, Message::Deleted { label }));
}

/// `c` as saved now in its place on the list, highlighted there when the
/// list shows, and the person told (`said` of its label).
fn changed_on_list(app: &mut App, c: Checklist, said: fn(String) -> Message) {
    let label = c.label.clone();
    let id = c.id.clone();
    app.put_saved(c);
    if matches!(app.screen, Screen::Home(_)) {
        app.show_home(Some(&id));
    }
    app.message = Some((Level::Info, said(label)));
}

/// A tick is on disk: the checklist as it is there now.
fn stored(app: &mut App, c: Checklist) {
    if let Some(view) = app.result_mut()
        && view.checklist.as_ref().is_some_and(|x| x.id == c.id)
    {
        view.checklist = Some(c.clone());
    }
    if let Some(s) = app.saved.iter_mut().find(|s| s.id == c.id) {
        *s = c;
    }
}
