//! The message under the screen in the wizard's words: what `update` kept
//! (`app::Message`) said in the language chosen.

use crate::i18n::Words;
use crate::tui::app::{Failure, Message, PrintFailure};

/// `message` in `words`.
pub(crate) fn text(message: &Message, words: Words) -> String {
    let label = |key: &str, label: &String| words.tf(key, &[("label", label)]);
    let error = |key: &str, error: &String| words.tf(key, &[("error", error)]);
    let failed = |key: &str, why: &Failure| error(key, &failure(why, words));
    match message {
        Message::Saving => words.t("tui.saving").into(),
        Message::NotSavedYet => words.t("tui.not_saved_yet").into(),
        Message::KioskNotSaved => words.t("tui.kiosk.not_saved").into(),
        Message::KioskReset => words.t("tui.kiosk.reset").into(),
        Message::KioskQuitAgain => words.t("tui.kiosk.quit_again").into(),
        Message::Saved { label: l } => label("tui.saved", l),
        Message::SavedAtKiosk { label: l } => label("tui.saved_kiosk", l),
        Message::Edited { label: l } => label("tui.edited", l),
        Message::SavedTwice {
            label,
            region,
            disease,
        } => words.tf(
            "tui.saved_twice",
            &[("label", label), ("region", region), ("disease", disease)],
        ),
        Message::EditHint { label: l } => label("tui.edit.hint", l),
        Message::Deleted { label: l } => label("tui.home.deleted", l),
        Message::NotDeleted { label: l } => label("tui.home.not_deleted", l),
        Message::Restored { label: l } => label("tui.home.restored", l),
        Message::Renamed { label: l } => label("tui.home.renamed", l),
        Message::Noted { label: l } => label("tui.home.noted", l),
        Message::LearnSaved => words.t("tui.learn.saved").into(),
        Message::LearnNotHere => words.t("tui.learn.not_here").into(),
        Message::ListKeys => words.t("tui.result.list_keys").into(),
        Message::ChangedElsewhere => words.t("tui.changed_elsewhere").into(),
        Message::NotChanged { error: e } => failed("tui.not_changed", e),
        Message::SaveFailed { error: e } => failed("tui.save_failed", e),
        Message::Printing => words.t("tui.printing").into(),
        Message::Printed => words.t("tui.printed").into(),
        Message::PrintFailed { error: e } => error("tui.print_failed", &print_failure(e, words)),
        Message::NoPrinter => words.t("tui.no_printer").into(),
        Message::SavedNoPlan => words.t("tui.saved_no_plan").into(),
        Message::PlanFailed(e) => e.to_string(),
        Message::StoreUnreadable(e) => {
            let why = crate::checklist::words::error_text(e, words);
            error("tui.store_unreadable", &why)
        }
        Message::PackProblems(n) => words.tf("tui.pack_problems", &[("n", n)]),
        Message::StepsChanged { steps, more } => words.tf(
            if *more { "steps.more" } else { "steps.fewer" },
            &[("m", steps)],
        ),
        Message::NumberHighlighted { n, pending } => words.tf(
            if *pending {
                "tui.number_pending"
            } else {
                "tui.number_highlighted"
            },
            &[("n", n)],
        ),
        Message::PickNumber { max } => words.tf("tui.pick_number", &[("max", max)]),
        Message::NoMatch => words.t("tui.no_match").into(),
        Message::PickFirst => words.t("tui.home.pick_first").into(),
        Message::NothingToUndo => words.t("tui.home.nothing_to_undo").into(),
        Message::FarDateConfirm => words.t("tui.date.far_confirm").into(),
        Message::BadDate(e) => crate::dates::words::error_reason(e, words),
        Message::LabelNumberAtKiosk => words.t("tui.review.label_number_kiosk").into(),
        Message::BadLabel(p) => crate::checklist::words::label_problem_text(*p, words),
        Message::EmptyLabel => words.t("tui.rename.empty").into(),
        Message::BadNote(p) => crate::checklist::words::note_problem_text(*p, words),
        Message::BadLearned { min, max } => {
            words.tf("tui.learn.bad_number", &[("min", min), ("max", max)])
        }
        Message::SheetNoName => words.t("tui.sheet.no_name").into(),
        Message::SheetNotOverwritten => words.t("tui.sheet.not_overwritten").into(),
        Message::SheetWritten(path) => words.tf("tui.sheet.written", &[("path", &path.display())]),
        Message::SheetFailed { error: e } => error("tui.sheet.failed", e),
        Message::CycleRefusedStep(e) => e.describe(words),
        Message::CycleApproved { end, opens, closes } => words.tf(
            "tui.cycle.done.approved",
            &[("end", end), ("opens", opens), ("closes", closes)],
        ),
        Message::CycleRefused { on } => words.tf("tui.cycle.done.refused", &[("date", on)]),
        Message::CycleSubmitted { on, result_due } => words.tf(
            if *result_due {
                "tui.cycle.done.submitted"
            } else {
                "tui.cycle.done.submitted_no_day"
            },
            &[("date", on)],
        ),
        Message::SavedShort => words.t("tui.saved_short").into(),
    }
}

/// Why the shell's change did not happen, in `words`.
fn failure(why: &Failure, words: Words) -> String {
    match why {
        Failure::Store(e) => crate::checklist::words::error_text(e, words),
        Failure::Note(p) => crate::checklist::words::note_problem_text(*p, words),
        Failure::Cycle(e) => e.describe(words),
        Failure::NoStore => words.t("tui.no_store").to_string(),
    }
}

/// Why the sheet was not printed, in `words`; the system's reason as it
/// gave it, after the program or file it is about.
fn print_failure(why: &PrintFailure, words: Words) -> String {
    match why {
        PrintFailure::Program { program, reason } => format!("{program}: {reason}"),
        PrintFailure::Timeout { program, seconds } => words.tf(
            "tui.print_timeout",
            &[("program", program), ("seconds", seconds)],
        ),
        PrintFailure::File { path, reason } => format!("{}: {reason}", path.display()),
        PrintFailure::NoPrinter => words.t("tui.no_printer").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// A failure is kept as what happened and worded only when drawn: the
    /// same reply reads in each language (before issue 24 the shell worded
    /// it, and a print on its own thread fell back to Simplified Chinese).
    #[test]
    fn a_failure_is_worded_in_the_language_it_is_drawn_in() {
        let no_store = Message::SaveFailed {
            error: Failure::NoStore,
        };
        let timeout = Message::PrintFailed {
            error: PrintFailure::Timeout {
                program: "lp".into(),
                seconds: 30,
            },
        };
        let en = text(&no_store, Words::new(Lang::En));
        let zh = text(&no_store, Words::new(Lang::ZhHans));
        assert!(en.contains(Words::new(Lang::En).t("tui.no_store")), "{en}");
        assert!(
            zh.contains(Words::new(Lang::ZhHans).t("tui.no_store")),
            "{zh}"
        );
        assert_ne!(en, zh);
        let en = text(&timeout, Words::new(Lang::En));
        assert!(en.contains("lp did not finish within 30 s"), "{en}");
        assert!(en.starts_with("Printing failed: "), "{en}");
        // The system's own reason stays as the system gave it.
        let refused = Message::PrintFailed {
            error: PrintFailure::Program {
                program: "lp".into(),
                reason: "No such file or directory (os error 2)".into(),
            },
        };
        for lang in Lang::ALL {
            let said = text(&refused, Words::new(lang));
            assert!(
                said.contains("lp: No such file or directory (os error 2)"),
                "{said}"
            );
        }
    }
}
