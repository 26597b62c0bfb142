//! What tests and the shell read of the state (which screen, what is
//! selected, typed and shown), and the few settings the shell gives it.

use chrono::NaiveDate;

use super::{App, Level, Message, Page, Question, ReviewRow, Screen};
use crate::checklist::Checklist;
use crate::dates::{DateError, EndDate, read_end_date};
use crate::i18n::Words;
use crate::policy::PolicySet;
use crate::tui::kiosk::Kiosk;
use crate::tui::layout;
use crate::tui::overlays::Overlay;
use crate::tui::screens::cycle::CycleScreen;
use crate::tui::screens::home;
use crate::tui::screens::result::{self, ResultView};
use crate::tui::screens::review;
use crate::wizard::Draft;

impl App {
    /// Which screen is shown.
    pub fn page(&self) -> Page {
        self.screen.page()
    }

    pub fn policy(&self) -> &PolicySet {
        &self.policy
    }

    pub fn today(&self) -> NaiveDate {
        self.today
    }

    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    /// The message under the screen, in the wizard's words.
    pub fn message(&self) -> Option<(Level, String)> {
        let (level, message) = self.message.as_ref()?;
        Some((*level, crate::tui::view::message_text(message, self.words)))
    }

    /// Shows a message under the screen (the shell's start-up problems).
    pub(crate) fn set_message(&mut self, level: Level, message: Message) {
        self.message = Some((level, message));
    }

    /// The language and marks the wizard speaks in.
    pub fn words(&self) -> Words {
        self.words
    }

    pub fn saved(&self) -> &[Checklist] {
        &self.saved
    }

    pub(crate) fn kiosk(&self) -> Option<Kiosk> {
        self.kiosk.as_ref().map(|k| k.config)
    }

    pub fn set_can_print(&mut self, can: bool) {
        self.can_print = can;
    }

    /// Where a sheet saved under a relative file name goes.
    pub(crate) fn sheet_dir(&self) -> Option<&std::path::Path> {
        self.sheet_dir.as_deref()
    }

    pub fn set_sheet_dir(&mut self, dir: std::path::PathBuf) {
        self.sheet_dir = Some(dir);
    }

    /// The person or the operator asked to stop.
    pub(crate) fn quit_requested(&self) -> bool {
        self.quit
    }

    /// The result shown, if the screen shows one.
    pub fn result(&self) -> Option<&ResultView> {
        match &self.screen {
            Screen::Result(v) => Some(v),
            _ => None,
        }
    }

    pub(crate) fn result_mut(&mut self) -> Option<&mut ResultView> {
        match &mut self.screen {
            Screen::Result(v) => Some(v),
            _ => None,
        }
    }

    /// The highlighted row of the list shown (0 where there is none).
    pub fn selected(&self) -> usize {
        match &self.screen {
            Screen::Home(h) => h.selected,
            Screen::Question(q) => q.selected,
            Screen::Review(r) => r.selected,
            Screen::Cycle(c) => c.selected(),
            Screen::Date(_) | Screen::Result(_) => 0,
        }
    }

    /// The filter typed on a list question or the home list ("" elsewhere).
    pub fn filter_text(&self) -> &str {
        match &self.screen {
            Screen::Question(q) => &q.filter.text,
            Screen::Home(h) => &h.filter.text,
            _ => "",
        }
    }

    /// The end date as typed ("" off the date question).
    pub fn date_text(&self) -> &str {
        match &self.screen {
            Screen::Date(d) => &d.field.text,
            _ => "",
        }
    }

    /// The end date as typed, understood or not.
    pub fn date_reading(&self) -> Result<NaiveDate, DateError> {
        self.end_date_reading().map(|e| e.date)
    }

    /// The end date as typed, with the year chosen when none was typed.
    pub(crate) fn end_date_reading(&self) -> Result<EndDate, DateError> {
        read_end_date(self.date_text(), self.today)
    }

    /// The saved checklists the home list shows, in order (all of them
    /// off the home list).
    pub fn home_rows(&self) -> Vec<&Checklist> {
        match &self.screen {
            Screen::Home(h) => (1..=h.shown(self.saved.len()))
                .filter_map(|row| h.checklist_at(row, self.saved.len()))
                .map(|i| &self.saved[i])
                .collect(),
            _ => self.saved.iter().collect(),
        }
    }

    /// The popups shown, the top one last.
    pub fn overlays(&self) -> &[Overlay] {
        &self.overlays
    }

    /// The renewal-cycle page shown, if it is.
    pub fn cycle(&self) -> Option<&CycleScreen> {
        match &self.screen {
            Screen::Cycle(c) => Some(c),
            _ => None,
        }
    }

    pub fn help_shown(&self) -> bool {
        self.overlays.contains(&Overlay::Help)
    }

    pub fn qr_shown(&self) -> bool {
        self.overlays.contains(&Overlay::Qr)
    }

    /// Seconds left before an idle kiosk session is wiped, while counting down.
    pub fn countdown(&self) -> Option<u64> {
        self.overlays.iter().find_map(|o| match o {
            Overlay::Countdown(s) => Some(*s),
            _ => None,
        })
    }

    /// What the screen shows, for the layout: its areas and what a click
    /// lands on are computed from this alone.
    pub fn shown(&self) -> layout::Shown {
        use layout::Content;
        let list = |len| Content::List {
            len,
            selected: self.selected(),
            filter: false,
        };
        let content = match (self.result(), self.page()) {
            (Some(view), _) => Content::Result {
                tab: view.tab(),
                item: view.item(),
                checklist: view.checklist().map(|c| (c.items.len(), c.progress())),
                summary_rows: if layout::wide(self.size) {
                    let width = usize::from(layout::left_width(self.size.0)) - 1;
                    result::summary_rows(view, width, self.words)
                } else {
                    0
                },
            },
            (None, Page::Question(Question::End)) => Content::Date,
            (None, Page::Question(step)) => Content::List {
                len: self.visible_options(step).len(),
                selected: self.selected(),
                filter: App::filterable(step),
            },
            // The home list filters as one types.
            (None, Page::Home) => Content::List {
                len: home::len(&self.screen, self.saved.len()),
                selected: self.selected(),
                filter: true,
            },
            (None, Page::Cycle { .. }) => {
                let cycle = self.cycle();
                Content::Cycle {
                    rows: cycle.map_or(0, CycleScreen::rows),
                    selected: self.selected(),
                    heading: cycle.and_then(CycleScreen::form).is_some(),
                }
            }
            (None, Page::Review { .. }) => list(self.review_rows().len()),
            (None, Page::Result) => list(0),
        };
        layout::Shown {
            size: self.size,
            kiosk: self.kiosk.is_some(),
            content,
            words: self.words,
        }
    }

    /// Rows of the review page: each question asked, the label, then confirm.
    /// What the screens read to draw and list their commands.
    pub(crate) fn ctx(&self) -> crate::tui::screens::Ctx<'_> {
        crate::tui::screens::Ctx {
            screen: &self.screen,
            words: self.words,
            today: self.today,
            policy: &self.policy,
            kiosk: self.kiosk(),
            shown: self.shown(),
            saved: &self.saved,
            saved_next: &self.saved_next,
            problems: &self.problems,
            draft: &self.draft,
        }
    }

    pub fn review_rows(&self) -> Vec<ReviewRow> {
        review::rows(&self.steps())
    }
}
