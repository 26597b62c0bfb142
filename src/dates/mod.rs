//! Reading a date the way people write it: `2026-03-31`, `2026/3/31`,
//! `2026.3.31`, `20260331`, `2026年3月31日`, with full-width digits too.
//! Also the calendar-month arithmetic the window rule needs.

use chrono::{Datelike, Months, NaiveDate};
use thiserror::Error;

use crate::text::to_half_width;

pub(crate) mod words;

/// Years a validity end date can sensibly fall in.
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Why a typed date was not understood. Each says what would be valid.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    #[error("empty")]
    Empty,
    #[error("format")]
    Format,
    /// Month and day without a year where a year is needed (`--today 3/31`).
    #[error("no year")]
    NoYear,
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

/// A typed date split into its numbers and the separators between them.
#[derive(Debug, PartialEq, Eq)]
struct Parts {
    numbers: Vec<String>,
    /// `-` `/` `.` `年` `月`, or ' ' for spaces between two numbers.
    separators: Vec<char>,
    /// Ended by 日 or 号: nothing more can follow.
    closed: bool,
}

/// Splits typed text (already half-width) into numbers and separators;
/// None when a character has no place in a date. Spaces next to another
/// separator are ignored; between two numbers they are the separator.
fn split(text: &str) -> Option<Parts> {
    let mut parts = Parts {
        numbers: Vec::new(),
        separators: Vec::new(),
        closed: false,
    };
    let mut number = String::new();
    let mut space = false;
    for c in text.trim().chars() {
        if parts.closed {
            return None;
        }
        match c {
            '0'..='9' => {
                if space {
                    parts.numbers.push(std::mem::take(&mut number));
                    parts.separators.push(' ');
                    space = false;
                }
                number.push(c);
            }
            c if c.is_whitespace() => space = !number.is_empty(),
            '-' | '/' | '.' | '年' | '月' | '日' | '号' => {
                space = false;
                if number.is_empty() {
                    return None;
                }
                parts.numbers.push(std::mem::take(&mut number));
                match c {
                    '日' | '号' => parts.closed = true,
                    c => parts.separators.push(c),
                }
            }
            _ => return None,
        }
    }
    if !number.is_empty() {
        parts.numbers.push(number);
    }
    Some(parts)
}

impl Parts {
    /// The separators agree: all one of `-` `/` `.` or space, or 年 then 月.
    fn consistent(&self) -> bool {
        match self.separators.as_slice() {
            [] => true,
            ['年'] | ['年', '月'] => true,
            ['月'] => self.numbers.len() <= 2,
            [first, rest @ ..] => {
                *first != '年' && *first != '月' && rest.iter().all(|c| c == first)
            }
        }
    }

    /// Ends with a separator, waiting for the next number.
    fn open_ended(&self) -> bool {
        !self.closed && self.separators.len() == self.numbers.len()
    }
}

fn number(text: &str) -> Result<i64, DateError> {
    if text.is_empty() || text.len() > 4 {
        return Err(DateError::Format);
    }
    text.parse().map_err(|_| DateError::Format)
}

/// The day, after checking the year, month and day in that order.
fn ymd(year: i64, month: i64, day: i64) -> Result<NaiveDate, DateError> {
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

/// Parses a date in any accepted format, the year written out.
pub(crate) fn parse_date(input: &str) -> Result<NaiveDate, DateError> {
    let text = to_half_width(input);
    let text = text.trim();
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    let parts = split(text).ok_or(DateError::Format)?;
    if !parts.consistent() || parts.open_ended() {
        return Err(DateError::Format);
    }
    let n = &parts.numbers;
    match n.len() {
        1 if !parts.closed && n[0].len() == 8 => ymd(
            number(&n[0][0..4])?,
            number(&n[0][4..6])?,
            number(&n[0][6..8])?,
        ),
        3 if n[0].len() == 4 => ymd(number(&n[0])?, number(&n[1])?, number(&n[2])?),
        2 if n.iter().all(|x| x.len() <= 2) => Err(DateError::NoYear),
        _ => Err(DateError::Format),
    }
}

/// Which year a date typed without one was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GuessedYear {
    /// This year's day, today or still to come.
    This,
    /// This year's day had passed: next year's.
    Next,
}

/// An end date as understood, and the year chosen when none was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EndDate {
    pub date: NaiveDate,
    pub guessed: Option<GuessedYear>,
}

/// Reads the end date of a qualification as people type it: every format
/// of [`parse_date`], or month and day alone (`3/31`, `3月31日`, `3 31`),
/// read in this year, or next year when this year's day has passed. The
/// wizard, the plain prompts and `renew plan --end` all read dates here.
pub(crate) fn read_end_date(input: &str, today: NaiveDate) -> Result<EndDate, DateError> {
    match parse_date(input) {
        Ok(date) => Ok(EndDate {
            date,
            guessed: None,
        }),
        Err(DateError::NoYear) => {
            let text = to_half_width(input);
            let parts = split(&text).ok_or(DateError::Format)?;
            let (month, day) = (number(&parts.numbers[0])?, number(&parts.numbers[1])?);
            if !(1..=12).contains(&month) {
                return Err(DateError::Month(month as u32));
            }
            let this = today.year() as i64;
            // 2月29日 in a year without one is read in the next year that has it.
            let in_year = |y: i64| ymd(y, month, day);
            let next = (this + 1..=this + 4).find_map(|y| in_year(y).ok());
            let (date, guessed) = match (in_year(this), next) {
                (Ok(d), _) if d >= today => (d, GuessedYear::This),
                (_, Some(d)) => (d, GuessedYear::Next),
                // No such day in the years ahead (2月30日): say why.
                (_, None) => return Err(in_year(this + 1).err().unwrap_or(DateError::Format)),
            };
            Ok(EndDate {
                date,
                guessed: Some(guessed),
            })
        }
        Err(e) => Err(e),
    }
}

/// Whether `input` is a date still being typed: not readable yet, but the
/// start of one (`2026`, `2026-3`, `2026年3月`, `3/`). The wizard shows no
/// error for it until Enter.
pub(crate) fn is_partial(input: &str) -> bool {
    let text = to_half_width(input);
    if text.trim().is_empty() || parse_date(&text).is_ok() {
        return false;
    }
    let Some(parts) = split(&text) else {
        return false;
    };
    if parts.closed || !parts.consistent() {
        return false;
    }
    let n = &parts.numbers;
    let year_prefix = |s: &str| YEARS.clone().any(|y| y.to_string().starts_with(s));
    let month_ok = |s: &str| s.len() <= 2 && number(s).is_ok_and(|m| (1..=12).contains(&m));
    // A month or day of one digit may still get its second (0 → 01…09, 1 → 10…12).
    let may_grow = |s: &str, max: i64| s.len() == 1 && number(s).is_ok_and(|v| v * 10 <= max);
    let ends_open = parts.open_ended();
    if parts.separators.is_empty() {
        let s = n[0].as_str();
        return match s.len() {
            0..=4 => year_prefix(s) || (s.len() <= 2 && (month_ok(s) || s == "0")),
            5..=7 => YEARS.contains(&(number(&s[..4]).unwrap_or(0) as i32)),
            _ => false,
        };
    }
    // Month and day without a year: 3/ or 3月, waiting for the day.
    let month_day = parts.separators[0] == '月' || n[0].len() <= 2;
    if month_day {
        return match (n.len(), ends_open) {
            (1, true) => month_ok(&n[0]),
            (2, false) => month_ok(&n[0]) && n[1] == "0",
            _ => false,
        };
    }
    if n[0].len() != 4 || !YEARS.contains(&(number(&n[0]).unwrap_or(0) as i32)) {
        return false;
    }
    match (n.len(), ends_open) {
        (1, true) => true,
        (2, false) => month_ok(&n[1]) || n[1] == "0" || may_grow(&n[1], 12),
        (2, true) => month_ok(&n[1]),
        (3, false) => month_ok(&n[1]) && n[2] == "0",
        _ => false,
    }
}

/// Years from today beyond which a typed end date is asked about again
/// before it is used: a qualification lasts 1 to 5 years, so a date this
/// far off is most likely a year typed wrong (2062 for 2026). The plan
/// warns past the same distance ahead.
pub(crate) const FAR_YEARS: u32 = 6;

/// How many whole years `date` is from `today`, when that is further than
/// [`FAR_YEARS`] ahead or behind.
pub(crate) fn far_from_today(date: NaiveDate, today: NaiveDate) -> Option<i64> {
    let ahead = today.checked_add_months(Months::new(12 * FAR_YEARS))?;
    let behind = today.checked_sub_months(Months::new(12 * FAR_YEARS))?;
    (date > ahead || date < behind).then(|| ((date - today).num_days() / 365).abs())
}

pub(crate) fn last_day_of_month(year: i32, month: u32) -> u32 {
    let first = NaiveDate::from_ymd_opt(year, month, 1).expect("month in 1..=12");
    let next = first + Months::new(1);
    (next - first).num_days() as u32
}

/// `date` minus `months` calendar months, clamped to the end of a shorter
/// month: 2026-05-31 minus 3 months is 2026-02-28.
pub(crate) fn months_before(date: NaiveDate, months: u32) -> NaiveDate {
    // chrono clamps to the last day of the target month, which is the rule.
    date.checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ZH: crate::i18n::Words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);

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
            words::error_message(&parse_date("2028-02-30").unwrap_err(), ZH),
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
        // The formats, with no example day (a literal one goes stale; the
        // wizard's example comes from today).
        let said = words::error_message(&parse_date("").unwrap_err(), ZH);
        assert!(
            said.contains("年-月-日") && !said.contains("2026"),
            "{said}"
        );
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

    fn today() -> NaiveDate {
        d("2026-01-15")
    }

    /// Issue 14: spaces between the numbers are a separator too.
    #[test]
    fn spaces_separate_the_numbers() {
        for input in [
            "2026 3 31",
            "2026  03 31",
            " 2026 3 31 ",
            "2026 年 3 月 31 日",
            "２０２６　３　３１",
        ] {
            assert_eq!(parse_date(input), Ok(d("2026-03-31")), "{input}");
        }
        assert_eq!(parse_date("2026 3-31"), Err(DateError::Format));
    }

    /// Issue 14: month and day alone are this year's day, or next year's
    /// when this year's has passed, and say which; where a year is needed
    /// (`--today`) they ask for it.
    #[test]
    fn month_and_day_alone_choose_the_year_and_say_so() {
        let read = |s: &str| read_end_date(s, today());
        assert_eq!(
            read("3/31"),
            Ok(EndDate {
                date: d("2026-03-31"),
                guessed: Some(GuessedYear::This)
            })
        );
        for input in ["3-31", "3.31", "3 31", "3月31日", "3月31", "３／３１"] {
            assert_eq!(read(input).map(|e| e.date), Ok(d("2026-03-31")), "{input}");
        }
        assert_eq!(
            read("1/15").map(|e| e.date),
            Ok(d("2026-01-15")),
            "today is this year's"
        );
        assert_eq!(
            read("1/10"),
            Ok(EndDate {
                date: d("2027-01-10"),
                guessed: Some(GuessedYear::Next)
            })
        );
        assert_eq!(read("2/29").map(|e| e.date), Ok(d("2028-02-29")));
        assert!(matches!(read("2/30"), Err(DateError::Day { .. })));
        assert_eq!(read("13/1"), Err(DateError::Month(13)));
        assert_eq!(read("2026-03-31").unwrap().guessed, None);
        assert!(
            words::year_note(&read("3/31").unwrap(), ZH)
                .unwrap()
                .contains("2026")
        );
        assert_eq!(parse_date("3/31"), Err(DateError::NoYear));
        assert!(words::error_message(&DateError::NoYear, ZH).contains("年份"));
    }

    /// Issue 14: a date still being typed is told apart from a wrong one.
    #[test]
    fn a_half_typed_date_is_partial_not_wrong() {
        for input in [
            "2",
            "20",
            "202",
            "2026",
            "202603",
            "2026033",
            "2026-",
            "2026-3",
            "2026-0",
            "2026-1",
            "2026-03-",
            "2026-03-0",
            "2026年",
            "2026年3",
            "2026年3月",
            "2026 ",
            "2026 3",
            "3/",
            "3月",
            "12-",
            "3/0",
            "２０２６－",
        ] {
            assert!(is_partial(input), "{input}");
        }
        for input in [
            "",
            "2026-03-31",
            "x",
            "2026-13",
            "2026-3-31-",
            "99",
            "1999-",
            "2026--",
            "2026-3/",
            "13/",
            "2026-03-32",
            "3/31/",
            "2026年3月31日x",
        ] {
            assert!(!is_partial(input), "{input}");
        }
    }

    #[test]
    fn dates_decades_away_are_far() {
        assert_eq!(far_from_today(d("2026-03-31"), today()), None);
        assert_eq!(far_from_today(d("2031-03-31"), today()), None);
        assert_eq!(far_from_today(d("2062-03-31"), today()), Some(36));
        assert_eq!(far_from_today(d("2006-03-31"), today()), Some(19));
        assert_eq!(far_from_today(d("2021-03-31"), today()), None);
    }

    proptest! {
        /// Typing any accepted form one character at a time is never an
        /// error on the way: each prefix is readable or still partial.
        #[test]
        fn every_prefix_of_a_date_is_readable_or_partial(days in 0i64..(365 * 20), form in 0usize..8) {
            let date = d("2020-01-01") + chrono::Duration::days(days);
            let (y, m, dd) = (date.year(), date.month(), date.day());
            let text = [
                format!("{y}-{m:02}-{dd:02}"),
                format!("{y}/{m}/{dd}"),
                format!("{y}.{m}.{dd}"),
                format!("{y}{m:02}{dd:02}"),
                format!("{y}年{m}月{dd}日"),
                format!("{y} {m} {dd}"),
                format!("{m}/{dd}"),
                format!("{m}月{dd}日"),
            ][form].clone();
            let chars: Vec<char> = text.chars().collect();
            for n in 1..=chars.len() {
                let prefix: String = chars[..n].iter().collect();
                prop_assert!(
                    read_end_date(&prefix, today()).is_ok() || is_partial(&prefix),
                    "{} (of {})", prefix, text
                );
            }
        }

        #[test]
        fn any_text_parses_or_errs_without_panic(s in "\\PC{0,40}") {
            let _ = parse_date(&s);
            let _ = read_end_date(&s, today());
            let _ = is_partial(&s);
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
