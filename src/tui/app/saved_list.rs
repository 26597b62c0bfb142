//! The saved checklists the home list shows: kept in order of the next
//! thing to do, opened (to tick) or their answers changed, a new plan
//! started from the list, and a checklist shown again as saved.

use super::{App, Effect, Level, Message, Question, Screen, Tab};
use crate::checklist::Checklist;
use crate::checklist::agenda::{self, NextAction};
use crate::tui::commands::Cmd;
use crate::tui::input::TextInput;
use crate::tui::overlays::Overlay;
use crate::tui::screens::home::HomeAction;
use crate::tui::screens::result::ResultView;
use crate::wizard::Draft;

impl App {
    /// The home list shows the checklists its filter matches again.
    pub(crate) fn refilter_home(&mut self) {
        if let Screen::Home(home) = &mut self.screen {
            home.refilter(&mut self.saved_keys, &self.saved, &self.policy);
        }
    }

    /// The home list again, as it was left (filter and highlighted
    /// checklist), brought up to date with the saved checklists; `focus`
    /// highlights that checklist if the filter shows it.
    pub(crate) fn show_home(&mut self, focus: Option<&str>) {
        let mut home = self.home_stash.take().unwrap_or_default();
        let was = home.left_on.take();
        self.screen = Screen::Home(home);
        self.refilter_home();
        let want = focus.map(str::to_string).or(was);
        if let Screen::Home(h) = &mut self.screen {
            h.highlight(want, &self.saved);
        }
    }

    /// Does what a key of the home list asked: open or start a plan, ask
    /// before deleting, rename, note, change the answers, undo a delete,
    /// or show what the filter matches.
    pub(crate) fn home_action(&mut self, action: HomeAction) -> Vec<Effect> {
        match action {
            HomeAction::Open(index) => self.open_saved(index),
            HomeAction::New => self.start_new(),
            HomeAction::On {
                cmd: Cmd::EditAnswers,
                index,
            } => self.edit_saved(index),
            HomeAction::On { cmd, index } => {
                let Some(c) = self.saved.get(index) else {
                    self.message = Some((Level::Info, Message::PickFirst));
                    return Vec::new();
                };
                let (id, label) = (c.id.clone(), c.label.clone());
                self.overlays.push(match cmd {
                    Cmd::Rename => Overlay::Rename {
                        id,
                        field: TextInput::with(&label),
                    },
                    Cmd::Note => Overlay::Note {
                        id,
                        field: TextInput::default(),
                    },
                    _ => Overlay::ConfirmDelete { id, label },
                });
            }
            // Taken off the undo list once it is saved again, not before.
            HomeAction::Undo => match self.deleted.last().cloned() {
                Some(c) => {
                    self.message = Some((Level::Info, Message::Saving));
                    return vec![Effect::Restore(Box::new(c))];
                }
                None => self.message = Some((Level::Info, Message::NothingToUndo)),
            },
            HomeAction::Refilter => {
                self.refilter_home();
                // The first checklist shown is highlighted, so Enter opens it.
                let saved = self.saved.len();
                if let Screen::Home(h) = &mut self.screen {
                    h.selected = usize::from(h.shown(saved) > 0);
                }
                self.message = None;
            }
        }
        Vec::new()
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
        self.refilter_home();
    }

    /// `c` as saved now, in the list in its place (added if new).
    pub(crate) fn put_saved(&mut self, c: Checklist) {
        let mut saved = std::mem::take(&mut self.saved);
        saved.retain(|s| s.id != c.id);
        saved.push(c);
        self.set_saved(saved);
    }

    /// Back to the home list as it was left.
    pub(crate) fn go_home(&mut self) {
        self.editing = false;
        self.show_home(None);
    }

    /// Keeps the home list's state (filter, highlight) to come back to.
    fn stash_home(&mut self) {
        if let Screen::Home(h) = &mut self.screen {
            // Kept by id: saving may put the list in another order.
            let saved = self.saved.len();
            h.left_on = h
                .checklist_at(h.selected, saved)
                .and_then(|i| self.saved.get(i))
                .map(|c| c.id.clone());
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
                // show` does (an older file gets its either/or groups); only
                // shown, so not stamped as changed.
                c.refresh(&p, None);
                self.stash_home();
                let mut view = ResultView::new(p, Some(c), Some(index + 1), self.words);
                // A saved checklist is reopened to be ticked.
                view.show_tab(Tab::Checklist);
                self.screen = Screen::Result(Box::new(view));
                self.message = None;
            }
            Err(_) => self.message = Some((Level::Error, Message::SavedNoPlan)),
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
                let hint = Message::EditHint {
                    label: c.label.clone(),
                };
                self.draft = draft;
                self.stash_home();
                self.editing = true;
                self.show_review();
                self.message = Some((Level::Info, hint));
            }
            None => self.message = Some((Level::Error, Message::SavedNoPlan)),
        }
    }

    pub(crate) fn start_new(&mut self) {
        self.draft = Draft::default();
        self.saved_id = None;
        self.editing = false;
        self.stash_home();
        self.enter_step(Question::Region, false);
    }
}

/// Shows checklist `c` as it is on disk now, in place of the one on
/// screen (moved on to another cycle elsewhere), and says so.
pub(super) fn reload_changed(app: &mut App, c: Checklist) {
    reload(app, c);
    app.message = Some((Level::Info, Message::ChangedElsewhere));
}

/// Shows checklist `c` as saved, with its plan made again, on the tab shown.
pub(super) fn reload(app: &mut App, c: Checklist) {
    let plan = c.plan(&app.policy, app.today).ok();
    let words = app.words;
    app.put_saved(c.clone());
    if let Some(view) = app.result_mut()
        && view.checklist.as_ref().is_some_and(|x| x.id == c.id)
    {
        match plan {
            Some(plan) => {
                let tab = view.tab();
                let mut fresh = ResultView::new(plan, Some(c), view.from_home, words);
                fresh.show_tab(tab);
                *view = fresh;
            }
            None => view.checklist = Some(c),
        }
    }
}
