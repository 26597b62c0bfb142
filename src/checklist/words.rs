//! The words for what the store reports: its errors and the problems it
//! found with files, in the words given. The store returns typed
//! errors; the CLI and the wizard both show them with these sentences.

use super::LabelProblem;
use super::store::{StoreError, StoreProblem};
use crate::i18n::Words;

/// An error of the store, as the person reads it.
pub(crate) fn error_text(e: &StoreError, words: Words) -> String {
    match e {
        StoreError::NotFound(q) | StoreError::BadId(q) => {
            words.tf("checklist.not_found", &[("q", q)])
        }
        StoreError::Ambiguous { query, matches } => {
            // Told apart by what differs: disease, region, end date.
            let list: Vec<String> = matches
                .iter()
                .map(|m| {
                    let mut parts = vec![m.label.clone()];
                    parts.extend(
                        [&m.disease, &m.region]
                            .into_iter()
                            .filter(|s| !s.is_empty())
                            .cloned(),
                    );
                    if let Some(end) = m.end {
                        parts.push(format!("{} {end}", words.t("tui.home.ends")));
                    }
                    format!("  {}  {}", m.id, parts.join(" · "))
                })
                .collect();
            format!(
                "{}\n{}",
                words.tf("checklist.ambiguous", &[("q", query)]),
                list.join("\n")
            )
        }
        StoreError::Corrupt {
            file,
            moved_to,
            reason,
        } => problem_text(
            &StoreProblem::Corrupt {
                file: file.clone(),
                moved_to: moved_to.clone(),
                reason: reason.clone(),
            },
            words,
        ),
        StoreError::Newer { file, .. } => words.tf("checklist.problem.newer", &[("file", file)]),
        StoreError::Unreadable { file, reason } => words.tf(
            "checklist.problem.unreadable",
            &[("file", file), ("reason", reason)],
        ),
        StoreError::Link { path } => words.tf("checklist.error.link", &[("path", path)]),
        StoreError::NotAFile { file } => {
            words.tf("checklist.problem.not_a_file", &[("file", file)])
        }
        StoreError::Lock { path, reason } => words.tf(
            "checklist.error.lock",
            &[("path", path), ("reason", reason)],
        ),
        StoreError::CreateDir { path, reason } => words.tf(
            "checklist.error.create_dir",
            &[("path", path), ("reason", reason)],
        ),
        StoreError::Save { path, reason } => words.tf(
            "checklist.error.save",
            &[("path", path), ("reason", reason)],
        ),
        StoreError::Io(e) => e.to_string(),
    }
}

/// A problem with one saved file, as the person reads it.
pub(crate) fn problem_text(p: &StoreProblem, words: Words) -> String {
    match p {
        StoreProblem::Corrupt {
            file,
            moved_to,
            reason,
        } => {
            words.tf(
                "checklist.problem.corrupt",
                &[("file", file), ("moved", moved_to)],
            ) + &words.tf("checklist.problem.why", &[("reason", reason)])
        }
        StoreProblem::SetAside { file } => {
            words.tf("checklist.problem.set_aside", &[("file", file)])
        }
        StoreProblem::Newer { file, .. } => words.tf("checklist.problem.newer", &[("file", file)]),
        StoreProblem::Unreadable { file, reason } => words.tf(
            "checklist.problem.unreadable",
            &[("file", file), ("reason", reason)],
        ),
        StoreProblem::IdMismatch { file, inner_id, id } => words.tf(
            "checklist.problem.id_mismatch",
            &[("file", file), ("inner", inner_id), ("id", id)],
        ),
        StoreProblem::BadName { file } => words.tf("checklist.problem.bad_name", &[("file", file)]),
        StoreProblem::Link { file } => words.tf("checklist.problem.link", &[("file", file)]),
        StoreProblem::NotAFile { file } => {
            words.tf("checklist.problem.not_a_file", &[("file", file)])
        }
    }
}

/// Why a label cannot be used, and what to write instead.
pub(crate) fn label_problem_text(p: LabelProblem, words: Words) -> String {
    match p {
        LabelProblem::LooksLikeANumber => words.t("cli.label_has_number"),
        LabelProblem::TooLong => words.t("cli.label_too_long"),
    }
    .to_string()
}

/// Why a note was not kept, as the person reads it.
pub(crate) fn note_problem_text(p: super::notes::NoteProblem, words: Words) -> String {
    match p {
        super::notes::NoteProblem::Empty => words.t("checklist.note_empty").to_string(),
        super::notes::NoteProblem::TooLong => words.tf(
            "checklist.note_too_long",
            &[("max", &super::notes::MAX_NOTE_CHARS)],
        ),
    }
}
