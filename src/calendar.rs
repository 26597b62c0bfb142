//! Working days in mainland China: weekends, public holidays and the make-up
//! working days (调休) from the State Council notices, as carried by the
//! `chinese_holiday` crate. Beyond the years that crate knows, the count falls
//! back to Monday–Friday and says so, because the next year's notice is not
//! yet published.

use chinese_holiday::{DayKind, chinese_holiday};
use chrono::{Datelike, NaiveDate, Weekday};

/// First and last day the holiday calendar covers. The crate asserts on
/// dates outside this range, so it is never asked about them.
pub fn covered_range() -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(2004, 1, 1).expect("valid date"),
        NaiveDate::from_ymd_opt(2026, 12, 25).expect("valid date"),
    )
}

/// Whether the official calendar knows this day.
pub fn is_covered(date: NaiveDate) -> bool {
    let (first, last) = covered_range();
    (first..=last).contains(&date)
}

/// A working day: a weekday that is not a public holiday, or a weekend day
/// made a working day. Outside the covered years: Monday to Friday.
pub fn is_working_day(date: NaiveDate) -> bool {
    if is_covered(date) {
        let ymd = (date.year() as u16, date.month() as u8, date.day() as u8);
        !matches!(
            chinese_holiday(ymd),
            DayKind::NormalHoliday
                | DayKind::NewYearsDayHoliday
                | DayKind::SpringFestivalHoliday
                | DayKind::ChingMingFestivalHoliday
                | DayKind::InternationalWorkersDayHoliday
                | DayKind::DragonBoatFestivalHoliday
                | DayKind::MidAutumnFestivalHoliday
                | DayKind::NationalDayHoliday
                | DayKind::OtherHoliday
        )
    } else {
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
    }
}

/// The result of counting working days: the day reached, and whether any
/// day counted lay beyond the official calendar (so the date is an estimate).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    pub date: NaiveDate,
    pub estimated: bool,
}

/// The day on which a process of `n` working days, started on `start`, ends.
/// The start day itself is not counted (an application filed on Monday with a
/// 1-working-day review has its answer on Tuesday); `n = 0` gives `start`.
pub fn add_working_days(start: NaiveDate, n: u32) -> Counted {
    let mut date = start;
    let mut left = n;
    let mut estimated = false;
    while left > 0 {
        // The last day chrono knows ends the count instead of a panic.
        let Some(next) = date.succ_opt() else {
            return Counted {
                date,
                estimated: true,
            };
        };
        date = next;
        estimated |= !is_covered(date);
        if is_working_day(date) {
            left -= 1;
        }
    }
    Counted { date, estimated }
}

/// The first working day on or after `date`.
pub fn next_working_day(date: NaiveDate) -> Counted {
    let mut d = date;
    let mut estimated = !is_covered(d);
    while !is_working_day(d) {
        let Some(next) = d.succ_opt() else { break };
        d = next;
        estimated |= !is_covered(d);
    }
    Counted { date: d, estimated }
}

/// The latest working day `d` with `first <= d` such that a review of `n`
/// working days started on `d` ends on or before `last`; `None` when even
/// `first` is too late.
pub fn latest_start(first: NaiveDate, last: NaiveDate, n: u32) -> Option<Counted> {
    let mut d = last;
    while d >= first {
        if is_working_day(d) {
            let end = add_working_days(d, n);
            if end.date <= last {
                return Some(Counted {
                    date: d,
                    estimated: end.estimated || !is_covered(d),
                });
            }
        }
        d = d.pred_opt()?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn weekends_holidays_and_makeup_days() {
        assert!(
            is_working_day(d("2026-09-30")),
            "Wednesday before National Day"
        );
        assert!(!is_working_day(d("2026-10-01")), "National Day");
        assert!(
            !is_working_day(d("2026-10-07")),
            "last day of the National Day week"
        );
        assert!(
            is_working_day(d("2026-10-10")),
            "Saturday made a working day"
        );
        assert!(is_working_day(d("2026-09-20")), "Sunday made a working day");
        assert!(!is_working_day(d("2026-02-17")), "Spring Festival");
        assert!(
            is_working_day(d("2026-02-14")),
            "Saturday before Spring Festival, 调休"
        );
        assert!(!is_working_day(d("2026-11-21")), "an ordinary Saturday");
        assert!(is_working_day(d("2026-11-23")), "an ordinary Monday");
    }

    #[test]
    fn five_working_days_from_the_eve_of_national_day() {
        // 10-1..10-7 off; 10-8 Thu, 10-9 Fri, 10-10 Sat (make-up), 10-12 Mon, 10-13 Tue.
        let c = add_working_days(d("2026-09-30"), 5);
        assert_eq!(c.date, d("2026-10-13"));
        assert!(!c.estimated);
    }

    #[test]
    fn one_working_day_over_a_weekend() {
        assert_eq!(add_working_days(d("2026-11-20"), 1).date, d("2026-11-23"));
        assert_eq!(add_working_days(d("2026-11-21"), 1).date, d("2026-11-23"));
        assert_eq!(add_working_days(d("2026-11-23"), 0).date, d("2026-11-23"));
    }

    #[test]
    fn spring_festival_2026() {
        // 2-13 Fri; 2-14 Sat is a make-up day; 2-15..2-23 off; 2-24 Tue.
        assert_eq!(add_working_days(d("2026-02-13"), 1).date, d("2026-02-14"));
        assert_eq!(add_working_days(d("2026-02-14"), 1).date, d("2026-02-24"));
    }

    #[test]
    fn beyond_the_calendar_counts_weekdays_and_says_so() {
        assert!(!is_covered(d("2026-12-26")));
        assert!(
            is_working_day(d("2027-01-01")),
            "2027 notice unknown: a Friday counts"
        );
        assert!(!is_working_day(d("2027-01-02")));
        let c = add_working_days(d("2026-12-24"), 5);
        assert_eq!(c.date, d("2026-12-31"));
        assert!(c.estimated);
        let inside = add_working_days(d("2026-12-14"), 5);
        assert_eq!(inside.date, d("2026-12-21"));
        assert!(!inside.estimated);
    }

    #[test]
    fn far_dates_never_panic() {
        assert!(is_working_day(d("2003-12-31")));
        assert!(!is_working_day(d("2100-01-02")));
        assert_eq!(add_working_days(d("2199-12-31"), 7).date, d("2200-01-09"));
    }

    #[test]
    fn latest_start_leaves_the_review_inside_the_window() {
        // Review of 5 working days must end by 2026-10-13 (Tue): start 09-30.
        let s = latest_start(d("2026-07-13"), d("2026-10-13"), 5).unwrap();
        assert_eq!(s.date, d("2026-09-30"));
        // 7 working days ending by Friday 2026-11-27: start Wed 11-18.
        let s = latest_start(d("2026-08-27"), d("2026-11-27"), 7).unwrap();
        assert_eq!(s.date, d("2026-11-18"));
        assert_eq!(add_working_days(s.date, 7).date, d("2026-11-27"));
        // Instant: the last working day on or before the closing day.
        assert_eq!(
            latest_start(d("2026-01-01"), d("2026-11-22"), 0)
                .unwrap()
                .date,
            d("2026-11-20")
        );
        assert!(latest_start(d("2026-11-20"), d("2026-11-22"), 5).is_none());
    }
}
