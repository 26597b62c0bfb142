//! The words for dates, in the words given: why a typed date was not
//! understood, which year was taken for a date typed without one, the
//! weekday. The reader (`dates`) returns typed facts; the wizard, the plain
//! prompts and the CLI show them with these.

use chrono::{Datelike, NaiveDate};

use super::{DateError, EndDate, GuessedYear, YEARS};
use crate::i18n::Words;

/// The reason alone, short enough for one line, where the accepted formats
/// are shown beside it (the wizard's date step).
pub(crate) fn error_reason(e: &DateError, words: Words) -> String {
    match e {
        DateError::Empty => words.t("date.err.empty_short").to_string(),
        DateError::Format => words.t("date.err.format_short").to_string(),
        DateError::Year(y) => words.tf(
            "date.err.year_short",
            &[("y", y), ("from", YEARS.start()), ("to", YEARS.end())],
        ),
        other => error_message(other, words),
    }
}

/// Why the date was not understood, saying what would be valid.
pub(crate) fn error_message(e: &DateError, words: Words) -> String {
    let formats = words.t("date.formats");
    match e {
        DateError::Empty => words.tf("date.err.empty", &[("formats", &formats)]),
        DateError::Format => words.tf("date.err.format", &[("formats", &formats)]),
        DateError::NoYear => words.t("date.err.no_year").to_string(),
        DateError::Year(y) => words.tf(
            "date.err.year",
            &[
                ("y", y),
                ("from", YEARS.start()),
                ("to", YEARS.end()),
                ("formats", &formats),
            ],
        ),
        DateError::Month(m) => words.tf("date.err.month", &[("m", m)]),
        DateError::Day {
            year,
            month,
            day,
            last,
        } => words.tf(
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
pub(crate) fn year_note(end: &EndDate, words: Words) -> Option<String> {
    end.guessed.map(|g| {
        let key = match g {
            GuessedYear::This => "date.year_this",
            GuessedYear::Next => "date.year_next",
        };
        words.tf(key, &[("year", &end.date.year())])
    })
}

/// The weekday, for showing how a date was understood.
pub(crate) fn weekday(date: NaiveDate, words: Words) -> &'static str {
    words.t([
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
pub(crate) fn month_name(month: u32, words: Words) -> &'static str {
    const KEYS: [&str; 12] = [
        "month.1", "month.2", "month.3", "month.4", "month.5", "month.6", "month.7", "month.8",
        "month.9", "month.10", "month.11", "month.12",
    ];
    month
        .checked_sub(1)
        .and_then(|i| KEYS.get(i as usize))
        .map_or("", |k| words.t(k))
}

/// A date after `today` to show as an example of what to type: the last
/// day of the month three months on (on 2026-12-07: 2027-03-31), the kind
/// of day a qualification ends on. Never a day in the past.
pub(crate) fn example_date(today: NaiveDate) -> NaiveDate {
    let first = today.with_day(1).unwrap_or(today);
    first
        .checked_add_months(chrono::Months::new(4))
        .and_then(|d| d.pred_opt())
        .unwrap_or(today)
}

/// `key`'s text with the example date after `today` written every way a
/// date may be typed: `iso` 2027-03-31, `cn` 2027年3月31日, `slash`
/// 2027/3/31, `spaced` 2027 3 31, `compact` 20270331, `md` 3/31.
pub(crate) fn with_example(key: &str, today: NaiveDate, words: Words) -> String {
    let d = example_date(today);
    let (y, m, day) = (d.year(), d.month(), d.day());
    words.tf(
        key,
        &[
            ("iso", &d),
            ("cn", &format!("{y}年{m}月{day}日")),
            ("slash", &format!("{y}/{m}/{day}")),
            ("spaced", &format!("{y} {m} {day}")),
            ("compact", &d.format("%Y%m%d")),
            ("md", &format!("{m}/{day}")),
        ],
    )
}

#[cfg(test)]
mod example_tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Issue 26: the date step said 例如 2026-03-31 in December 2026.
    #[test]
    fn the_example_date_is_after_today_and_comes_from_today() {
        assert_eq!(example_date(d("2026-12-07")), d("2027-03-31"));
        assert_eq!(example_date(d("2026-01-15")), d("2026-04-30"));
        assert_eq!(example_date(d("2026-10-31")), d("2027-01-31"));
        for today in ["2026-12-07", "2027-02-28", "2030-06-30"] {
            assert!(example_date(d(today)) > d(today));
        }
        let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
        let text = with_example("tui.date.empty", d("2026-12-07"), words);
        assert!(
            text.contains("2027-03-31") && text.contains("2027年3月31日"),
            "{text}"
        );
        assert!(!text.contains("2026-03-31"), "{text}");
    }
}
