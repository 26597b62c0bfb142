//! Dated notes a person keeps on a checklist ("12-08 已电话通知，周五来取
//! 申请表"): what was done and said, for a clinic's front desk. They belong
//! to the person, not to a renewal cycle, so a new cycle keeps them.
//! Pure: the day is an argument.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::Checklist;

/// A note is a line or two, not a file.
pub(crate) const MAX_NOTE_CHARS: usize = 200;
/// Years of weekly calls fit many times over.
pub(crate) const MAX_NOTES: usize = 1000;

/// One note: the day it is about and what was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub on: NaiveDate,
    pub text: String,
    /// Fields this version does not know, kept as they were on save.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Why a note cannot be kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteProblem {
    Empty,
    TooLong,
}

/// The note as kept: trimmed, line breaks and tabs made spaces, other
/// control characters dropped (a note is shown on one line).
pub(crate) fn clean_note(text: &str) -> Result<String, NoteProblem> {
    let text: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect();
    let text = text.trim();
    if text.is_empty() {
        return Err(NoteProblem::Empty);
    }
    if text.chars().count() > MAX_NOTE_CHARS {
        return Err(NoteProblem::TooLong);
    }
    Ok(text.to_string())
}

impl Checklist {
    /// Adds a note about day `on`; the oldest goes when there are too many.
    pub(crate) fn add_note(
        &mut self,
        on: NaiveDate,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<(), NoteProblem> {
        let text = clean_note(text)?;
        self.notes.push(Note {
            on,
            text,
            extra: serde_json::Map::new(),
        });
        // Kept in the order of their days; notes of one day as written.
        self.notes.sort_by_key(|n| n.on);
        if self.notes.len() > MAX_NOTES {
            let extra = self.notes.len() - MAX_NOTES;
            self.notes.drain(..extra);
        }
        self.updated_at = now;
        Ok(())
    }

    /// The latest note, for a one-line summary.
    pub(crate) fn last_note(&self) -> Option<&Note> {
        self.notes.last()
    }
}

/// "12-08 已电话通知": the day as month-day in the year of `today`, with
/// the year otherwise.
pub(crate) fn note_line(note: &Note, today: NaiveDate) -> String {
    use chrono::Datelike;
    let day = if note.on.year() == today.year() {
        note.on.format("%m-%d").to_string()
    } else {
        note.on.to_string()
    };
    format!("{day} {}", note.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_cleaned_and_bounded() {
        assert_eq!(clean_note("  a\nb\tc \u{1b} "), Ok("a b c".to_string()));
        assert_eq!(clean_note(" \n "), Err(NoteProblem::Empty));
        assert_eq!(
            clean_note(&"字".repeat(MAX_NOTE_CHARS + 1)),
            Err(NoteProblem::TooLong)
        );
        assert!(clean_note(&"字".repeat(MAX_NOTE_CHARS)).is_ok());
    }

    #[test]
    fn a_note_line_gives_the_year_only_when_it_is_not_this_one() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let note = Note {
            on: d("2026-12-08"),
            text: "已电话通知".into(),
            extra: serde_json::Map::new(),
        };
        assert_eq!(note_line(&note, d("2026-12-20")), "12-08 已电话通知");
        assert_eq!(note_line(&note, d("2027-01-02")), "2026-12-08 已电话通知");
    }
}
