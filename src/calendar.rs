//! Working days in mainland China: weekends, public holidays and the make-up
//! working days (调休).
//!
//! A [`Calendar`] is a value, built once and passed to plan computation. It
//! knows a day from one of three bases, first match wins:
//! 1. a year's official schedule from a holiday file (`data/holidays/YYYY.json`
//!    shipped, or `holidays/YYYY.json` in a policy pack,
//!    see [`OfficialYear`]), for every day of that year and any day it lists;
//! 2. the State Council notices carried by the `chinese_holiday` crate
//!    (up to [`crate_range`]'s last day);
//! 3. an estimate: weekends plus the 13 statutory days off of
//!    《全国年节及纪念日放假办法》 (国务院令第795号, in force 2025-01-01), whose
//!    lunar dates and the 清明 solar term come from the `tyme4rs` crate. The
//!    yearly notice adds bridge days and make-up working days on top of these,
//!    so every date counted over such a day is marked estimated.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chinese_holiday::{DayKind, chinese_holiday};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

/// First and last day the `chinese_holiday` crate covers. The crate asserts
/// on dates outside this range, so it is never asked about them.
pub(crate) fn crate_range() -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(2004, 1, 1).expect("valid date"),
        NaiveDate::from_ymd_opt(2026, 12, 25).expect("valid date"),
    )
}

/// The statutory holidays of 国务院令第795号.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Holiday {
    NewYear,
    SpringFestival,
    Qingming,
    LabourDay,
    DragonBoat,
    MidAutumn,
    NationalDay,
}

impl Holiday {
    /// The i18n key of the holiday's name.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Holiday::NewYear => "holiday.new_year",
            Holiday::SpringFestival => "holiday.spring_festival",
            Holiday::Qingming => "holiday.qingming",
            Holiday::LabourDay => "holiday.labour_day",
            Holiday::DragonBoat => "holiday.dragon_boat",
            Holiday::MidAutumn => "holiday.mid_autumn",
            Holiday::NationalDay => "holiday.national_day",
        }
    }
}

/// The statutory days off of one holiday in one year, `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct HolidaySpan {
    pub holiday: Holiday,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl HolidaySpan {
    pub(crate) fn days(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let last = self.last;
        self.first.iter_days().take_while(move |d| *d <= last)
    }
}

/// Years tyme4rs is asked about; outside them only the fixed-date holidays
/// are counted (nobody renews a benefit there, but nothing may panic).
const LUNAR_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// The 13 statutory days off of `year` (国务院令第795号): 元旦 1/1; 春节 除夕
/// to 正月初三; 清明 (the solar term's day); 劳动节 5/1–5/2; 端午 (lunar 5/5);
/// 中秋 (lunar 8/15); 国庆 10/1–10/3. In date order.
pub(crate) fn statutory_holidays(year: i32) -> Vec<HolidaySpan> {
    // 国务院令第795号 is in force from 2025-01-01; before it 除夕 and 5月2日
    // were not statutory days off (2024's 除夕 was a working day), and the
    // years before are all in the notices anyway.
    if year < 2025 {
        return Vec::new();
    }
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    let span = |holiday, first: Option<NaiveDate>, last: Option<NaiveDate>| {
        Some(HolidaySpan {
            holiday,
            first: first?,
            last: last?,
        })
    };
    let mut out: Vec<HolidaySpan> = [
        span(Holiday::NewYear, ymd(1, 1), ymd(1, 1)),
        span(Holiday::LabourDay, ymd(5, 1), ymd(5, 2)),
        span(Holiday::NationalDay, ymd(10, 1), ymd(10, 3)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if LUNAR_YEARS.contains(&year) {
        let new_year = lunar(year, 1, 1);
        out.extend(
            [
                span(
                    Holiday::SpringFestival,
                    new_year.and_then(|d| d.pred_opt()),
                    new_year.and_then(|d| d.checked_add_days(Days::new(2))),
                ),
                qingming(year).and_then(|d| span(Holiday::Qingming, Some(d), Some(d))),
                lunar(year, 5, 5).and_then(|d| span(Holiday::DragonBoat, Some(d), Some(d))),
                lunar(year, 8, 15).and_then(|d| span(Holiday::MidAutumn, Some(d), Some(d))),
            ]
            .into_iter()
            .flatten(),
        );
    }
    out.sort_by_key(|s| s.first);
    out
}

/// The Gregorian day of a (non-leap-month) lunar date.
fn lunar(year: i32, month: isize, day: usize) -> Option<NaiveDate> {
    use tyme4rs::tyme::lunar::LunarDay;
    let solar = LunarDay::new(year as isize, month, day)
        .ok()?
        .get_solar_day();
    NaiveDate::from_ymd_opt(
        solar.get_year() as i32,
        solar.get_month() as u32,
        solar.get_day() as u32,
    )
}

/// The day of the 清明 solar term in `year` (Beijing time).
fn qingming(year: i32) -> Option<NaiveDate> {
    use tyme4rs::tyme::solar::SolarTerm;
    let solar = SolarTerm::new(year as isize, "清明").ok()?.get_solar_day();
    NaiveDate::from_ymd_opt(
        solar.get_year() as i32,
        solar.get_month() as u32,
        solar.get_day() as u32,
    )
}

/// A year's official holiday schedule (the yearly 放假安排 notice), as a
/// policy pack supplies it in `holidays/YYYY.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialYear {
    pub year: i32,
    /// Every day off, the weekends inside a holiday block included.
    pub days_off: BTreeSet<NaiveDate>,
    /// Weekend days made working days (调休上班).
    pub working_days: BTreeSet<NaiveDate>,
    /// The notice's title, for the person who checks the file.
    pub source: String,
    pub published: NaiveDate,
}

/// Where the calendar knows a day from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Basis {
    /// A holiday file's schedule for that year (`data/holidays` or a
    /// policy pack).
    Pack,
    /// The notices in the `chinese_holiday` crate.
    Crate,
    /// Weekends plus statutory days: the notice is not in the data.
    Estimate,
}

/// First year whose estimate is kept once computed; years outside the cache
/// are computed on each question (only tests and odd input go there).
const CACHE_FIRST: i32 = 2024;
const CACHE_YEARS: usize = 100;

/// The working-day calendar: the crate's years, the years of any policy
/// packs, and the estimate for the rest. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Calendar {
    official: BTreeMap<i32, OfficialYear>,
    estimates: Vec<OnceLock<Vec<HolidaySpan>>>,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar::new()
    }
}

/// The result of counting working days: the day reached, and whether any
/// day counted lay beyond the official schedules (so the date is an estimate).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Counted {
    pub date: NaiveDate,
    pub estimated: bool,
}

impl Calendar {
    /// The crate's notices and the estimate, no pack years.
    pub fn new() -> Calendar {
        Calendar {
            official: BTreeMap::new(),
            estimates: (0..CACHE_YEARS).map(|_| OnceLock::new()).collect(),
        }
    }

    /// This calendar with `years` used in place of the crate and the
    /// estimate for those years (a later year of the same number replaces
    /// an earlier one).
    pub fn with_years(mut self, years: impl IntoIterator<Item = OfficialYear>) -> Calendar {
        for y in years {
            self.official.insert(y.year, y);
        }
        self
    }

    /// The statutory days off of `year`, computed once per calendar.
    pub(crate) fn statutory(&self, year: i32) -> std::borrow::Cow<'_, [HolidaySpan]> {
        let slot = usize::try_from(year - CACHE_FIRST)
            .ok()
            .and_then(|i| self.estimates.get(i));
        match slot {
            Some(cell) => cell
                .get_or_init(|| statutory_holidays(year))
                .as_slice()
                .into(),
            None => statutory_holidays(year).into(),
        }
    }

    /// Whether `date` is a statutory day off (国务院令第795号), whatever the basis.
    /// The decree is in force from 2025-01-01: before that 除夕 was no day
    /// off (2024-02-09 was a working day), so nothing earlier counts.
    pub(crate) fn is_statutory(&self, date: NaiveDate) -> bool {
        date >= NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or(NaiveDate::MIN)
            && self
                .statutory(date.year())
                .iter()
                .any(|s| s.first <= date && date <= s.last)
    }

    /// Where this calendar knows `date` from.
    pub(crate) fn basis(&self, date: NaiveDate) -> Basis {
        let listed = self
            .official
            .values()
            .any(|y| y.days_off.contains(&date) || y.working_days.contains(&date));
        if listed || self.official.contains_key(&date.year()) {
            Basis::Pack
        } else if (crate_range().0..=crate_range().1).contains(&date) {
            Basis::Crate
        } else {
            Basis::Estimate
        }
    }

    /// Whether the day is counted from an estimate.
    pub fn is_estimated(&self, date: NaiveDate) -> bool {
        self.basis(date) == Basis::Estimate
    }

    /// A working day: a weekday that is not a day off, or a weekend day made
    /// a working day.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        match self.basis(date) {
            Basis::Pack => {
                let mut listed = self.official.values();
                if listed.clone().any(|y| y.days_off.contains(&date)) {
                    false
                } else if listed.any(|y| y.working_days.contains(&date)) {
                    true
                } else {
                    !weekend
                }
            }
            Basis::Crate => {
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
            }
            Basis::Estimate => !weekend && !self.is_statutory(date),
        }
    }

    /// The day on which a process of `n` working days, started on `start`,
    /// ends. The start day itself is not counted (an application filed on
    /// Monday with a 1-working-day review has its answer on Tuesday); `n = 0`
    /// gives `start`. Stops at chrono's last day rather than overflow.
    pub(crate) fn add_working_days(&self, start: NaiveDate, n: u32) -> Counted {
        let mut date = start;
        let mut left = n;
        let mut estimated = false;
        while left > 0 {
            let Some(next) = date.succ_opt() else { break };
            date = next;
            estimated |= self.is_estimated(date);
            if self.is_working_day(date) {
                left -= 1;
            }
        }
        Counted { date, estimated }
    }

    /// The first working day on or after `date`.
    pub(crate) fn next_working_day(&self, date: NaiveDate) -> Counted {
        let mut d = date;
        let mut estimated = self.is_estimated(d);
        while !self.is_working_day(d) {
            let Some(next) = d.succ_opt() else { break };
            d = next;
            estimated |= self.is_estimated(d);
        }
        Counted { date: d, estimated }
    }

    /// The latest working day `d` with `first <= d` such that a review of
    /// `n` working days started on `d` ends on or before `last`; `None` when
    /// even `first` is too late.
    pub(crate) fn latest_start(
        &self,
        first: NaiveDate,
        last: NaiveDate,
        n: u32,
    ) -> Option<Counted> {
        let mut d = last;
        while d >= first {
            if self.is_working_day(d) {
                let end = self.add_working_days(d, n);
                if end.date <= last {
                    return Some(Counted {
                        date: d,
                        estimated: end.estimated || self.is_estimated(d),
                    });
                }
            }
            d = d.pred_opt()?;
        }
        None
    }

    /// The statutory holidays of estimated years that touch `from..=to`.
    pub(crate) fn estimated_holidays(&self, from: NaiveDate, to: NaiveDate) -> Vec<HolidaySpan> {
        (from.year()..=to.year())
            .flat_map(|y| self.statutory(y).into_owned())
            .filter(|s| s.last >= from && s.first <= to)
            .filter(|s| s.days().any(|d| self.is_estimated(d)))
            .collect()
    }
}

#[cfg(test)]
mod tests;
