//! The wizard's screens. Each variant of `Screen` owns the state of its
//! screen; each module handles that screen's keys and clicks and draws it
//! into the areas `layout` computed. They read the App only through `Ctx`
//! and ask it for changes through `Action`: no screen imports `tui::app`.

pub mod cycle;
pub mod date;
pub mod home;
pub mod question;
pub mod result;
pub mod review;

use chrono::NaiveDate;

use super::kiosk::Kiosk;
use super::layout::Shown;
use super::message::{Level, Message};
use crate::checklist::Checklist;
use crate::checklist::agenda::NextAction;
use crate::checklist::store::StoreProblem;
use crate::i18n::Words;
use crate::policy::PolicySet;
use crate::wizard::{Draft, Question};

/// What a screen's `update` asks of the App. A screen that has its own
/// `update` changes only its own state; what others own (the message under
/// the screen, the answers, which screen shows) it asks for, and the App
/// does it (television's `Action`).
#[derive(Debug)]
pub(crate) enum Action {
    None,
    /// Tell the person this under the screen.
    Say(Level, Message),
    /// What the person was told no longer holds.
    Unsay,
    /// The end date was answered: the draft takes it, the wizard goes on
    /// (back to the review page when the change began there).
    EndAnswered {
        date: NaiveDate,
        from_review: bool,
    },
    /// Option `option` of the question was chosen: the draft takes it, the
    /// wizard goes on.
    Choose {
        step: Question,
        option: usize,
        from_review: bool,
    },
    /// A key of the home list on the saved checklists.
    Home(home::HomeAction),
    /// A key of the result asks this.
    Result(result::ResultAction),
    /// Record this step of the renewal cycle on saved checklist `id`.
    RecordCycle {
        id: String,
        step: cycle::CycleStep,
    },
    /// The label was given (None: the default one).
    Labelled(Option<String>),
    /// A row of the review page was opened: its question, the label
    /// field, or confirm.
    ReviewRow(review::ReviewRow),
}

/// What the screens read of the App to draw and to list their commands,
/// built by the App (`App::ctx`): read only, so drawing changes nothing.
pub(crate) struct Ctx<'a> {
    /// The screen shown, with its state.
    pub(crate) screen: &'a Screen,
    /// The language and marks the wizard speaks in (the theme's `--ascii`
    /// applied by `words`).
    pub(crate) words: Words,
    pub(crate) today: NaiveDate,
    pub(crate) policy: &'a PolicySet,
    /// The kiosk's settings; None at a desk.
    pub(crate) kiosk: Option<Kiosk>,
    /// What the frame shows, for `layout::areas` and the tabs.
    pub(crate) shown: Shown,
    /// The saved checklists, and each one's next action.
    pub(crate) saved: &'a [Checklist],
    pub(crate) saved_next: &'a [Option<NextAction>],
    pub(crate) problems: &'a [StoreProblem],
    /// The answers so far.
    pub(crate) draft: &'a Draft,
}

impl Ctx<'_> {
    /// The words a frame is drawn in: the marks folded to ASCII as the
    /// theme says.
    pub(crate) fn words(&self, theme: &super::theme::Theme) -> Words {
        self.words.with_ascii(theme.ascii)
    }

    /// The region answered, if any.
    pub(crate) fn region(&self) -> Option<&crate::policy::Region> {
        self.draft.region(self.policy)
    }

    /// The rows of the review page for the answers so far.
    pub(crate) fn review_rows(&self) -> Vec<review::ReviewRow> {
        review::rows(&self.draft.questions(self.policy))
    }

    /// The renewal cycle's screen, when it shows.
    pub(crate) fn cycle(&self) -> Option<&cycle::CycleScreen> {
        match self.screen {
            Screen::Cycle(c) => Some(c),
            _ => None,
        }
    }
}

/// The screen shown, with its state.
#[derive(Debug, Clone)]
pub enum Screen {
    /// Saved checklists, with 新建 on top.
    Home(home::Home),
    /// A choice question: region, scheme, retired, disease, cross-province.
    Question(question::QuestionScreen),
    /// The end date, typed.
    Date(date::DateField),
    /// Check your answers.
    Review(review::Review),
    /// A plan and its checklist.
    Result(Box<result::ResultView>),
    /// A saved checklist's renewal cycle: where it stands, and forms to
    /// record submitted, approved or refused.
    Cycle(Box<cycle::CycleScreen>),
}

/// Which screen is shown, without its state: what tests and the footer ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Home,
    Question(Question),
    /// `editing_label` while the label row is edited.
    Review {
        editing_label: bool,
    },
    Result,
    /// `typing` while a date is typed into one of its forms.
    Cycle {
        typing: bool,
    },
}

impl Screen {
    pub fn page(&self) -> Page {
        match self {
            Screen::Home(_) => Page::Home,
            Screen::Question(q) => Page::Question(q.step),
            Screen::Date(_) => Page::Question(Question::End),
            Screen::Review(r) => Page::Review {
                editing_label: r.label.is_some(),
            },
            Screen::Result(_) => Page::Result,
            Screen::Cycle(c) => Page::Cycle { typing: c.typing() },
        }
    }
}

/// Moves a list's selection by `delta`, within `0..len`.
pub(crate) fn move_selection(selected: &mut usize, delta: isize, len: usize) {
    if len == 0 {
        *selected = 0;
        return;
    }
    let cur = (*selected).min(len - 1) as isize;
    *selected = (cur + delta).clamp(0, len as isize - 1) as usize;
}
