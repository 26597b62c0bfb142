//! The words for dates, in the current language: why a typed date was not
//! understood, which year was taken for a date typed without one, the
//! weekday. The reader (`dates`) returns typed facts; the wizard, the plain
//! prompts and the CLI show them with these.

use chrono::{Datelike, NaiveDate};

use super::{DateError, EndDate, GuessedYear, YEARS};
use crate::i18n::{t, tf};

/// The reason alone, short enough for one line, where the accepted formats
/// are shown beside it (the wizard's date step).
pub(crate) fn error_reason(e: &DateError) -> String {
    match e {
        DateError::Empty => t("date.err.empty_short").to_string(),
        DateError::Format => t("date.err.format_short").to_string(),
        DateError::Year(y) => tf(
            "date.err.year_short",
            &[("y", y), ("from", YEARS.start()), ("to", YEARS.end())],
        ),
        other => error_message(other),
    }
}

/// Why the date was not understood, saying what would be valid.
pub(crate) fn error_message(e: &DateError) -> String {
    let formats = t("date.formats");
    match e {
        DateError::Empty => tf("date.err.empty", &[("formats", &formats)]),
        DateError::Format => tf("date.err.format", &[("formats", &formats)]),
        DateError::NoYear => t("date.err.no_year").to_string(),
        DateError::Year(y) => tf(
            "date.err.year",
            &[
                ("y", y),
                ("from", YEARS.start()),
                ("to", YEARS.end()),
                ("formats", &formats),
            ],
        ),
        DateError::Month(m) => tf("date.err.month", &[("m", m)]),
        DateError::Day {
            year,
            month,
            day,
            last,
        } => tf(
            "date.err.day",
            &[
                ("year", year),
                ("month", month),
                ("day", day),
                ("last", last),
            ],
        ),
    }
}

/// Which year was taken, when the person typed none.
pub(crate) fn year_note(end: &EndDate) -> Option<String> {
    end.guessed.map(|g| {
        let key = match g {
            GuessedYear::This => "date.year_this",
            GuessedYear::Next => "date.year_next",
        };
        tf(key, &[("year", &end.date.year())])
    })
}

/// The weekday, for showing how a date was understood.
pub(crate) fn weekday(date: NaiveDate) -> &'static str {
    t([
        "weekday.1",
        "weekday.2",
        "weekday.3",
        "weekday.4",
        "weekday.5",
        "weekday.6",
        "weekday.7",
    ][date.weekday().num_days_from_monday() as usize])
}

/// The name of month `month` (1–12) of a calendar; empty for any other
/// number.
pub(crate) fn month_name(month: u32) -> &'static str {
    const KEYS: [&str; 12] = [
        "month.1", "month.2", "month.3", "month.4", "month.5", "month.6", "month.7", "month.8",
        "month.9", "month.10", "month.11", "month.12",
    ];
    month
        .checked_sub(1)
        .and_then(|i| KEYS.get(i as usize))
        .map_or("", |k| t(k))
}
