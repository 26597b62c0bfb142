//! Reading a date the way people write it: `2026-03-31`, `2026/3/31`,
//! `2026.3.31`, `20260331`, `2026年3月31日`, with full-width digits too.
//! Also the calendar-month arithmetic the window rule needs.

use chrono::{Datelike, Months, NaiveDate};
use thiserror::Error;

/// Years a validity end date can sensibly fall in.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Why a typed date was not understood. Each says what would be valid.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    #[error("empty")]
    Empty,
    #[error("format")]
    Format,
    #[error("year {0}")]
    Year(i64),
    #[error("month {0}")]
    Month(u32),
    #[error("day {day} of {year}-{month}")]
    Day {
        year: i32,
        month: u32,
        day: u32,
        last: u32,
    },
}

impl DateError {
    /// The message for a person, in the program's language, saying what
    /// would be valid.
    pub fn message(&self) -> String {
        use crate::i18n::{t, tf};
        let formats = t("date.formats");
        match self {
            DateError::Empty => tf("date.err.empty", &[("formats", &formats)]),
            DateError::Format => tf("date.err.format", &[("formats", &formats)]),
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
}

/// Full-width digits, letters and punctuation (U+FF01–U+FF5E) and the
/// ideographic space to their ASCII forms.
pub fn to_half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '。' => '.',
            _ => c,
        })
        .collect()
}

/// Parses a date in any accepted format.
pub fn parse_date(input: &str) -> Result<NaiveDate, DateError> {
    let text = to_half_width(input);
    let text = text.trim();
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    let numbers: Vec<&str> = if text.chars().all(|c| c.is_ascii_digit()) {
        if text.len() != 8 {
            return Err(DateError::Format);
        }
        vec![&text[0..4], &text[4..6], &text[6..8]]
    } else {
        let body = text
            .strip_suffix('日')
            .or_else(|| text.strip_suffix('号'))
            .unwrap_or(text);
        let parts: Vec<&str> = body
            .split(['-', '/', '.', '年', '月'])
            .map(str::trim)
            .collect();
        let separators: Vec<char> = body.chars().filter(|c| "-/.年月".contains(*c)).collect();
        let consistent = matches!(separators.as_slice(), ['年', '月'])
            || (separators.len() == 2 && separators[0] == separators[1] && separators[0] != '年');
        if parts.len() != 3 || !consistent {
            return Err(DateError::Format);
        }
        parts
    };
    let mut values = [0i64; 3];
    for (slot, part) in values.iter_mut().zip(&numbers) {
        if part.is_empty() || part.len() > 4 || !part.chars().all(|c| c.is_ascii_digit()) {
            return Err(DateError::Format);
        }
        *slot = part.parse().map_err(|_| DateError::Format)?;
    }
    if numbers[0].len() != 4 {
        return Err(DateError::Format);
    }
    let [year, month, day] = values;
    if !YEARS.contains(&(year as i32)) {
        return Err(DateError::Year(year));
    }
    let year = year as i32;
    if !(1..=12).contains(&month) {
        return Err(DateError::Month(month as u32));
    }
    let month = month as u32;
    let last = last_day_of_month(year, month);
    if !(1..=last as i64).contains(&day) {
        return Err(DateError::Day {
            year,
            month,
            day: day as u32,
            last,
        });
    }
    NaiveDate::from_ymd_opt(year, month, day as u32).ok_or(DateError::Format)
}

pub fn last_day_of_month(year: i32, month: u32) -> u32 {
    let first = NaiveDate::from_ymd_opt(year, month, 1).expect("month in 1..=12");
    let next = first + Months::new(1);
    (next - first).num_days() as u32
}

/// `date` minus `months` calendar months, clamped to the end of a shorter
/// month: 2026-05-31 minus 3 months is 2026-02-28.
pub fn months_before(date: NaiveDate, months: u32) -> NaiveDate {
    // chrono clamps to the last day of the target month, which is the rule.
    date.checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
}

/// The weekday in the program's language, for showing how a date was understood.
pub fn weekday(date: NaiveDate) -> &'static str {
    crate::i18n::t(
        [
            "weekday.1",
            "weekday.2",
            "weekday.3",
            "weekday.4",
            "weekday.5",
            "weekday.6",
            "weekday.7",
        ][date.weekday().num_days_from_monday() as usize],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn every_documented_format() {
        for input in [
            "2026-03-31",
            "2026/3/31",
            "2026.3.31",
            "20260331",
            "2026年3月31日",
            "2026年03月31日",
            "2026年3月31",
            "2026年3月31号",
            "２０２６－０３－３１",
            "２０２６年３月３１日",
            "２０２６０３３１",
            "  2026-3-31 ",
            "2026。3。31",
        ] {
            assert_eq!(parse_date(input), Ok(d("2026-03-31")), "{input}");
        }
    }

    #[test]
    fn impossible_dates_say_what_is_valid() {
        assert_eq!(
            parse_date("2026-02-30"),
            Err(DateError::Day {
                year: 2026,
                month: 2,
                day: 30,
                last: 28
            })
        );
        assert_eq!(
            parse_date("2028-02-30").unwrap_err().message(),
            "2028年2月没有 30 日：这个月只有 1 到 29 日"
        );
        assert_eq!(parse_date("2026-13-01"), Err(DateError::Month(13)));
        assert_eq!(parse_date("2026-00-10"), Err(DateError::Month(0)));
        assert_eq!(
            parse_date("2026-01-00"),
            Err(DateError::Day {
                year: 2026,
                month: 1,
                day: 0,
                last: 31
            })
        );
        assert_eq!(parse_date(""), Err(DateError::Empty));
        assert_eq!(parse_date("   "), Err(DateError::Empty));
        assert_eq!(parse_date("1899-01-01"), Err(DateError::Year(1899)));
        assert!(parse_date("").unwrap_err().message().contains("2026-03-31"));
    }

    #[test]
    fn malformed_text_is_a_format_error() {
        for input in [
            "tomorrow",
            "2026-03",
            "2026-03-31-01",
            "2026/03-31",
            "202603311",
            "26-03-31",
            "2026-3-3a",
            "31/03/2026",
            "2026年3-31",
            "2026--31",
            "-2026-03-31",
        ] {
            assert_eq!(parse_date(input), Err(DateError::Format), "{input}");
        }
    }

    #[test]
    fn months_before_clamps_to_month_end() {
        assert_eq!(months_before(d("2026-05-31"), 3), d("2026-02-28"));
        assert_eq!(months_before(d("2028-05-31"), 3), d("2028-02-29"));
        assert_eq!(months_before(d("2026-03-31"), 3), d("2025-12-31"));
        assert_eq!(months_before(d("2026-08-31"), 6), d("2026-02-28"));
        assert_eq!(months_before(d("2026-01-15"), 3), d("2025-10-15"));
        assert_eq!(months_before(d("2024-02-29"), 12), d("2023-02-28"));
    }

    #[test]
    fn month_lengths() {
        assert_eq!(last_day_of_month(2026, 2), 28);
        assert_eq!(last_day_of_month(2028, 2), 29);
        assert_eq!(last_day_of_month(2100, 2), 28);
        assert_eq!(last_day_of_month(2000, 2), 29);
        assert_eq!(last_day_of_month(2026, 12), 31);
    }

    proptest! {
        #[test]
        fn any_text_parses_or_errs_without_panic(s in "\\PC{0,40}") {
            let _ = parse_date(&s);
        }

        #[test]
        fn every_real_date_round_trips_in_every_format(days in 0i64..(365 * 100)) {
            let date = d("2000-01-01") + chrono::Duration::days(days);
            let (y, m, dd) = (date.year(), date.month(), date.day());
            for text in [
                format!("{y}-{m:02}-{dd:02}"),
                format!("{y}/{m}/{dd}"),
                format!("{y}.{m}.{dd}"),
                format!("{y}{m:02}{dd:02}"),
                format!("{y}年{m}月{dd}日"),
            ] {
                prop_assert_eq!(parse_date(&text), Ok(date), "{}", text);
            }
        }
    }
}
