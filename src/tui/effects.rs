//! The effects `update` asks for, performed: the saved checklists changed
//! through the store (each under its lock, the answer read back), the sheet
//! printed or written to a file the person named. Each outcome comes back
//! as a message.

use std::io;
use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::app::{App, Effect, Failure, Msg, SheetError};
use super::printer::print;
use super::screens::cycle::CycleStep;
use crate::checklist::Checklist;
use crate::checklist::store::Store;
use crate::config::PrintConfig;
use crate::files::{Existing, write_private};
use crate::i18n::Words;
use crate::plan::learned::LearnedField;
use crate::plan::{Answers, RenewalPlan};

/// Writes the sheet to the file the person named, only its owner can read
/// it (0600). A new file is created and never replaces one: an existing
/// file is written only with `overwrite` (the person said so), a link is
/// never followed, and only a plain file is ever written. `~` and a leading
/// `~/` are the home folder; another relative name is in `dir` (the current
/// directory when None). Returns where it was written; the text and any
/// reason why not in `words`.
pub(crate) fn write_sheet(
    path: &str,
    dir: Option<&std::path::Path>,
    text: &str,
    overwrite: bool,
    words: Words,
) -> Result<PathBuf, SheetError> {
    use std::fs;
    // `~` alone is the home folder (refused below as not a file: the person
    // is asked for a name), never a file named `~` here.
    let home_relative = path.strip_prefix("~/").or((path == "~").then_some(""));
    let path = match (home_relative, std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        (Some(_), None) if path == "~" => {
            return Err(SheetError::Failed(
                words.tf("tui.sheet.not_a_file", &[("path", &path)]),
            ));
        }
        _ => match dir {
            Some(dir) => dir.join(path),
            None => PathBuf::from(path),
        },
    };
    let failed = |e: &dyn std::fmt::Display| SheetError::Failed(format!("{}: {e}", path.display()));
    match fs::symlink_metadata(&path) {
        Ok(m) if m.file_type().is_symlink() => {
            return Err(SheetError::Failed(
                words.tf("tui.sheet.link", &[("path", &path.display())]),
            ));
        }
        Ok(m) if !m.is_file() => {
            return Err(SheetError::Failed(
                words.tf("tui.sheet.not_a_file", &[("path", &path.display())]),
            ));
        }
        Ok(_) if !overwrite => return Err(SheetError::Exists(path)),
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(failed(&e)),
    }
    // Made here or not at all unless the person said to replace it: a file
    // that appeared meanwhile is asked about.
    let existing = if overwrite {
        Existing::Replace
    } else {
        Existing::Keep
    };
    // The file is an output edge: clean the text and show it in the language.
    match write_private(&path, words.data(text).as_bytes(), existing) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(SheetError::Exists(path)),
        Err(e) => return Err(failed(&e)),
    }
    Ok(std::path::absolute(&path).unwrap_or(path))
}

/// Performs one effect for `app` (its data and its today, for the renewal
/// cycle's steps); the result comes back as a message. Quitting and
/// suspending are the shell's own, and answer nothing.
pub fn perform(
    app: &App,
    effect: Effect,
    store: Option<&Store>,
    printer: &PrintConfig,
    now: DateTime<Utc>,
) -> Option<Msg> {
    match effect {
        Effect::Quit | Effect::Suspend => None,
        Effect::Print(sheet) => Some(Msg::Printed(print(&sheet, printer, app.words))),
        Effect::WriteSheet {
            path,
            text,
            overwrite,
        } => Some(Msg::SheetWritten(write_sheet(
            &path,
            app.sheet_dir(),
            &text,
            overwrite,
            app.words,
        ))),
        effect => match store {
            Some(store) => on_store(app, effect, store, now),
            None => Some(Msg::Saved(Err(Failure::NoStore))),
        },
    }
}

/// An effect on the saved checklists, performed on `store`.
fn on_store(app: &App, effect: Effect, store: &Store, now: DateTime<Utc>) -> Option<Msg> {
    Some(match effect {
        Effect::Quit | Effect::Suspend | Effect::Print(_) | Effect::WriteSheet { .. } => {
            return None;
        }
        Effect::Delete { id } => {
            // Read before it goes, so Ctrl-U can put back what was on disk;
            // a file that cannot be read is not deleted.
            Msg::Deleted(
                store
                    .load(&id, now)
                    .and_then(|c| store.delete(&id).map(|()| c))
                    .map_err(Failure::from),
            )
        }
        Effect::Restore(c) => Msg::Restored(store.create(&c).map(|_| *c).map_err(Failure::from)),
        Effect::Rename { id, label } => Msg::Renamed(rename(store, &id, label, now)),
        Effect::Note { id, text } => Msg::Noted(note(app, store, &id, &text, now)),
        Effect::Learn { id, field, value } => {
            Msg::Learned(learn(app, store, &id, field, value, now))
        }
        Effect::Cycle { id, step } => Msg::CycleRecorded(cycle_step(app, store, &id, &step, now)),
        Effect::Save {
            existing: Some(id),
            label,
            answers,
            plan,
            ..
        } => Msg::Saved(replace_answers(store, &id, label, answers, &plan, now)),
        Effect::Save {
            existing: None,
            label,
            answers,
            plan,
            ticked,
        } => Msg::Saved(create(store, &label, &answers, &plan, &ticked, now)),
        Effect::SetDone {
            id,
            item,
            done,
            cycle,
        } => set_done(store, id, item, done, cycle, now),
    })
}

fn rename(
    store: &Store,
    id: &str,
    label: String,
    now: DateTime<Utc>,
) -> Result<Checklist, Failure> {
    store
        .update(id, now, |c| {
            let changed = c.label != label;
            c.label = label;
            if changed {
                c.updated_at = now;
            }
            (changed, ())
        })
        .map(|(c, _)| c)
        .map_err(Failure::from)
}

fn note(
    app: &App,
    store: &Store,
    id: &str,
    text: &str,
    now: DateTime<Utc>,
) -> Result<Checklist, Failure> {
    store
        .update(id, now, |c| {
            let r = c.add_note(app.today(), text, now);
            (r.is_ok(), r)
        })
        .map_err(Failure::from)
        .and_then(|(c, r)| r.map(|()| c).map_err(Failure::Note))
}

/// What the person was told, recorded as told today (by the office the
/// person called); the items and window are brought up to date with the
/// plan counted with it.
fn learn(
    app: &App,
    store: &Store,
    id: &str,
    field: LearnedField,
    value: u32,
    now: DateTime<Utc>,
) -> Result<Checklist, Failure> {
    let today = app.today();
    store
        .update(id, now, |c| {
            c.learned.set(field, value, today, None);
            c.updated_at = now;
            if let Ok(p) = c.plan(app.policy(), today) {
                c.refresh(&p, now);
            }
            (true, ())
        })
        .map(|(c, _)| c)
        .map_err(Failure::from)
}

/// The step on the file as it is now, under the lock; saved only when the
/// rules accept it.
fn cycle_step(
    app: &App,
    store: &Store,
    id: &str,
    step: &CycleStep,
    now: DateTime<Utc>,
) -> Result<Checklist, Failure> {
    let result = store.update(id, now, |c| {
        let r = step.apply(c, app.policy(), app.today(), Some(now));
        (r.is_ok(), r)
    });
    match result {
        Ok((c, Ok(()))) => Ok(c),
        Ok((_, Err(e))) => Err(Failure::Cycle(e)),
        Err(e) => Err(Failure::from(e)),
    }
}

/// A saved checklist's answers changed (F3): its items follow the new
/// plan, the ticks kept by item.
fn replace_answers(
    store: &Store,
    id: &str,
    label: String,
    answers: Answers,
    plan: &RenewalPlan,
    now: DateTime<Utc>,
) -> Result<Checklist, Failure> {
    store
        .update(id, now, |c| {
            c.answers = answers;
            c.label = label;
            c.refresh(plan, now);
            c.updated_at = now;
            (true, ())
        })
        .map(|(c, _)| c)
        .map_err(Failure::from)
}

/// A new checklist for the plan, with the items ticked before it was
/// saved (at a kiosk) ticked.
fn create(
    store: &Store,
    label: &str,
    answers: &Answers,
    plan: &RenewalPlan,
    ticked: &[String],
    now: DateTime<Utc>,
) -> Result<Checklist, Failure> {
    let mut c = Checklist::new(store.new_id(), label, answers, plan, now);
    for id in ticked {
        if let Ok(i) = c.find_item(id) {
            c.set_done(i, true, now);
        }
    }
    store.create(&c).map(|_| c).map_err(Failure::from)
}

/// Ticked in the cycle the screen shows, or not at all: a file that moved
/// on to another cycle meanwhile is shown again.
fn set_done(
    store: &Store,
    id: String,
    item: String,
    done: bool,
    cycle: usize,
    now: DateTime<Utc>,
) -> Msg {
    let result = store.update(&id, now, |c| {
        if c.history.len() != cycle {
            return (false, false);
        }
        match c.find_item(&item) {
            Ok(i) => (c.set_done(i, done, now), true),
            Err(_) => (false, true),
        }
    });
    match result {
        Ok((c, false)) => Msg::ChangedElsewhere(c),
        Ok((c, true)) => Msg::Stored(Ok(c)),
        Err(e) => Msg::TickFailed {
            id,
            item,
            done,
            error: Failure::from(e),
        },
    }
}
