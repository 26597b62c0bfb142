//! The words for what the store reports: its errors and the problems it
//! found with files, in the current language. The store returns typed
//! errors; the CLI and the wizard both show them with these sentences.

use super::LabelProblem;
use super::store::{StoreError, StoreProblem};
use crate::i18n::{t, tf};

/// An error of the store, as the person reads it.
pub(crate) fn error_text(e: &StoreError) -> String {
    match e {
        StoreError::NotFound(q) | StoreError::BadId(q) => tf("checklist.not_found", &[("q", q)]),
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
                        parts.push(format!("{} {end}", t("tui.home.ends")));
                    }
                    format!("  {}  {}", m.id, parts.join(" · "))
                })
                .collect();
            format!(
                "{}\n{}",
                tf("checklist.ambiguous", &[("q", query)]),
                list.join("\n")
            )
        }
        StoreError::Corrupt {
            file,
            moved_to,
            reason,
        } => problem_text(&StoreProblem::Corrupt {
            file: file.clone(),
            moved_to: moved_to.clone(),
            reason: reason.clone(),
        }),
        StoreError::Newer { file, .. } => tf("checklist.problem.newer", &[("file", file)]),
        StoreError::Unreadable { file, reason } => tf(
            "checklist.problem.unreadable",
            &[("file", file), ("reason", reason)],
        ),
        StoreError::Link { path } => tf("checklist.error.link", &[("path", path)]),
        StoreError::NotAFile { file } => tf("checklist.problem.not_a_file", &[("file", file)]),
        StoreError::Lock { path, reason } => tf(
            "checklist.error.lock",
            &[("path", path), ("reason", reason)],
        ),
        StoreError::CreateDir { path, reason } => tf(
            "checklist.error.create_dir",
            &[("path", path), ("reason", reason)],
        ),
        StoreError::Save { path, reason } => tf(
            "checklist.error.save",
            &[("path", path), ("reason", reason)],
        ),
        StoreError::Io(e) => e.to_string(),
    }
}

/// A problem with one saved file, as the person reads it.
pub(crate) fn problem_text(p: &StoreProblem) -> String {
    match p {
        StoreProblem::Corrupt {
            file,
            moved_to,
            reason,
        } => {
            tf(
                "checklist.problem.corrupt",
                &[("file", file), ("moved", moved_to)],
            ) + &tf("checklist.problem.why", &[("reason", reason)])
        }
        StoreProblem::SetAside { file } => tf("checklist.problem.set_aside", &[("file", file)]),
        StoreProblem::Newer { file, .. } => tf("checklist.problem.newer", &[("file", file)]),
        StoreProblem::Unreadable { file, reason } => tf(
            "checklist.problem.unreadable",
            &[("file", file), ("reason", reason)],
        ),
        StoreProblem::IdMismatch { file, inner_id, id } => tf(
            "checklist.problem.id_mismatch",
            &[("file", file), ("inner", inner_id), ("id", id)],
        ),
        StoreProblem::BadName { file } => tf("checklist.problem.bad_name", &[("file", file)]),
        StoreProblem::Link { file } => tf("checklist.problem.link", &[("file", file)]),
        StoreProblem::NotAFile { file } => tf("checklist.problem.not_a_file", &[("file", file)]),
    }
}

/// Why a label cannot be used, and what to write instead.
pub(crate) fn label_problem_text(p: LabelProblem) -> String {
    match p {
        LabelProblem::LooksLikeANumber => t("cli.label_has_number"),
        LabelProblem::TooLong => t("cli.label_too_long"),
    }
    .to_string()
}

/// Why a note was not kept, as the person reads it.
pub(crate) fn note_problem_text(p: super::notes::NoteProblem) -> String {
    match p {
        super::notes::NoteProblem::Empty => t("checklist.note_empty").to_string(),
        super::notes::NoteProblem::TooLong => tf(
            "checklist.note_too_long",
            &[("max", &super::notes::MAX_NOTE_CHARS)],
        ),
    }
}
