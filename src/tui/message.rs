//! What the person is told under the screen, as what happened: the
//! labels, counts, dates and typed reasons it is about. `update` keeps one;
//! `view` puts it into the words the wizard speaks (`view::message`).

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::checklist::LabelProblem;
use crate::checklist::cycle::CycleError;
use crate::checklist::notes::NoteProblem;
use crate::checklist::store::StoreError;
use crate::dates::DateError;
use crate::plan::PlanError;

/// How what the person is told is shown: news, or something gone wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

/// Why a change the shell was asked to make to the saved checklists did
/// not happen: typed, worded when drawn (`view::message`).
#[derive(Debug, Clone)]
pub enum Failure {
    /// The store refused or failed (shared: a reply may be cloned).
    Store(std::sync::Arc<StoreError>),
    /// The note was refused.
    Note(NoteProblem),
    /// The step of the renewal cycle was refused.
    Cycle(CycleError),
    /// No folder to save in (no home, no `RENEW_DATA_DIR`).
    NoStore,
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Failure {
        Failure::Store(std::sync::Arc::new(e))
    }
}

/// Why the sheet was not printed: typed, worded when drawn. The system's
/// own reason (an I/O error, an exit status) is kept as the system gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintFailure {
    /// The printer command failed to start, to take the sheet, or to finish
    /// well: the program and the system's reason.
    Program { program: String, reason: String },
    /// The command was stopped after the time limit.
    Timeout { program: String, seconds: u64 },
    /// The print file could not be written.
    File { path: PathBuf, reason: String },
    /// No printer or print file is set up.
    NoPrinter,
}

#[derive(Debug)]
pub(crate) enum Message {
    /// The shell is asked to save (or delete, or write): its reply follows.
    Saving,
    /// The plan's checklist is not saved (yet), so cannot be ticked.
    NotSavedYet,
    /// At a kiosk the checklist is kept only until the visitor leaves.
    KioskNotSaved,
    /// The kiosk wiped the session for the next visitor.
    KioskReset,
    /// The operator's quit key once: once more quits.
    KioskQuitAgain,
    /// The plan's checklist was saved under this label.
    Saved {
        label: String,
    },
    /// Saved at a kiosk: never listed here again.
    SavedAtKiosk {
        label: String,
    },
    /// A saved checklist's answers were changed.
    Edited {
        label: String,
    },
    /// The same renewal was saved already, under this label.
    SavedTwice {
        label: String,
        region: String,
        disease: String,
    },
    /// A saved checklist's answers are on the review page, to change.
    EditHint {
        label: String,
    },
    Deleted {
        label: String,
    },
    /// The person said no to deleting.
    NotDeleted {
        label: String,
    },
    Restored {
        label: String,
    },
    Renamed {
        label: String,
    },
    Noted {
        label: String,
    },
    /// What the person was told was recorded.
    LearnSaved,
    /// Nothing on the tab shown is asked.
    LearnNotHere,
    /// F2-F4 work from the home list.
    ListKeys,
    /// The checklist moved on elsewhere: shown as it is on disk now.
    ChangedElsewhere,
    /// The shell's store did not take the change.
    NotChanged {
        error: Failure,
    },
    SaveFailed {
        error: Failure,
    },
    Printing,
    Printed,
    PrintFailed {
        error: PrintFailure,
    },
    NoPrinter,
    /// A saved checklist's answers make no plan with this data.
    SavedNoPlan,
    PlanFailed(PlanError),
    /// The store could not be opened or read at start-up.
    StoreUnreadable(StoreError),
    /// Files of the policy pack that could not be loaded.
    PackProblems(usize),
    /// The answer changed how many questions there are: `steps` now.
    StepsChanged {
        steps: usize,
        more: bool,
    },
    /// A number typed on a list highlights option `n`; `pending` when a
    /// further digit could still make a longer number.
    NumberHighlighted {
        n: usize,
        pending: bool,
    },
    /// A number no option has: they go from 1 to `max`.
    PickNumber {
        max: usize,
    },
    NoMatch,
    /// A home-list key needs a checklist highlighted.
    PickFirst,
    NothingToUndo,
    /// A date decades away: Enter once more uses it.
    FarDateConfirm,
    BadDate(DateError),
    /// A label at a kiosk that looks like a number.
    LabelNumberAtKiosk,
    BadLabel(LabelProblem),
    EmptyLabel,
    BadNote(NoteProblem),
    /// The number the person was told is not between these.
    BadLearned {
        min: u32,
        max: u32,
    },
    SheetNoName,
    /// The person said no to replacing the file.
    SheetNotOverwritten,
    SheetWritten(PathBuf),
    SheetFailed {
        error: String,
    },
    /// A step of the cycle that cannot be recorded, and why.
    CycleRefusedStep(CycleError),
    /// The renewal was approved: the new end date and window.
    CycleApproved {
        end: NaiveDate,
        opens: NaiveDate,
        closes: NaiveDate,
    },
    /// Recorded as refused on this day.
    CycleRefused {
        on: NaiveDate,
    },
    /// Recorded as submitted on this day; `result_due` when the day the
    /// result is due is known.
    CycleSubmitted {
        on: NaiveDate,
        result_due: bool,
    },
    /// Any other step recorded.
    SavedShort,
}
