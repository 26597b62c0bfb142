//! Working days in mainland China: weekends, public holidays and the make-up
//! working days (调休).
//!
//! A [`Calendar`] is a value, built once and passed to plan computation. It
//! knows a day from one of two bases, first match wins:
//! 1. a year's official schedule from a holiday file (`data/holidays/YYYY.json`
//!    shipped, or `holidays/YYYY.json` in a policy pack,
//!    see [`OfficialYear`]), for every day of that year and any day it lists;
//!    the shipped files run from 2004 to the last notice out (the years
//!    before 2025 generated from a maintained dataset by
//!    `scripts/gen_holidays.py`);
//! 2. an estimate: weekends plus the 13 statutory days off of
//!    《全国年节及纪念日放假办法》 (国务院令第795号, in force 2025-01-01), whose
//!    lunar dates and the 清明 solar term come from the `tyme4rs` crate, plus
//!    the customary breaks every notice has added around them
//!    (`data/holiday_customs.json`, [`customary_breaks`]): an estimate errs
//!    early, never late, so make-up working days are ignored. Every date
//!    counted over such a day is marked estimated.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

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

/// The customary breaks of the yearly notices, as `data/holiday_customs.json`
/// words them (with the notices they come from): the lengths of the long
/// breaks; the bridge rule is in [`customary_breaks`].
#[derive(Debug, Clone, Deserialize)]
struct Customs {
    spring_festival: Break,
    labour_day: Break,
    national_day: NationalDayBreak,
}

#[derive(Debug, Clone, Deserialize)]
struct Break {
    days: u64,
}

#[derive(Debug, Clone, Deserialize)]
struct NationalDayBreak {
    days: u64,
    with_mid_autumn_days: u64,
}

/// The customs, read once from the embedded data file. A file that does not
/// parse (a test catches it) falls back to the statutory lengths alone.
fn customs() -> &'static Customs {
    static CUSTOMS: OnceLock<Customs> = OnceLock::new();
    CUSTOMS.get_or_init(|| {
        serde_json::from_str(include_str!("../data/holiday_customs.json")).unwrap_or(Customs {
            spring_festival: Break { days: 4 },
            labour_day: Break { days: 2 },
            national_day: NationalDayBreak {
                days: 3,
                with_mid_autumn_days: 3,
            },
        })
    })
}

/// The days off an estimate counts in `year`, beyond weekends: each
/// holiday's customary break. 春节 from 除夕, 劳动节 from 05-01 and 国庆 from
/// 10-01 for the days the data gives (国庆 one more when 中秋 falls inside
/// it); a single-day holiday (元旦, 清明, 端午, 中秋) bridged to the weekend:
/// on a Tuesday the Monday before is off, on a Thursday the Friday after, on
/// a Saturday or Sunday the Monday after; a long break starting on a Tuesday
/// takes the Monday before, one ending on a Thursday the Friday after. A
/// 元旦 bridge may fall in the December before. In date order.
pub(crate) fn customary_breaks(year: i32) -> Vec<HolidaySpan> {
    let c = customs();
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    let long = |holiday, first: Option<NaiveDate>, days: u64| {
        let first = first?;
        let last = first.checked_add_days(Days::new(days.max(1) - 1))?;
        Some(bridge_long(HolidaySpan {
            holiday,
            first,
            last,
        }))
    };
    let single = |holiday, day: Option<NaiveDate>| day.map(|d| bridge_single(holiday, d));
    let lunar_ok = LUNAR_YEARS.contains(&year);
    let mid_autumn = lunar_ok.then(|| lunar(year, 8, 15)).flatten();
    let national = ymd(10, 1);
    let mid_autumn_inside = mid_autumn
        .zip(national)
        .is_some_and(|(m, n)| m >= n && (m - n).num_days() < c.national_day.days as i64);
    let national_days = if mid_autumn_inside {
        c.national_day.with_mid_autumn_days
    } else {
        c.national_day.days
    };
    let mut out: Vec<HolidaySpan> = [
        single(Holiday::NewYear, ymd(1, 1)),
        long(Holiday::LabourDay, ymd(5, 1), c.labour_day.days),
        long(Holiday::NationalDay, national, national_days),
    ]
    .into_iter()
    .flatten()
    .collect();
    if lunar_ok {
        let eve = lunar(year, 1, 1).and_then(|d| d.pred_opt());
        out.extend(
            [
                long(Holiday::SpringFestival, eve, c.spring_festival.days),
                single(Holiday::Qingming, qingming(year)),
                single(Holiday::DragonBoat, lunar(year, 5, 5)),
                mid_autumn
                    .filter(|_| !mid_autumn_inside)
                    .map(|d| bridge_single(Holiday::MidAutumn, d)),
            ]
            .into_iter()
            .flatten(),
        );
    }
    out.sort_by_key(|s| s.first);
    out
}

/// A single day off with the days a notice bridges to the weekend.
fn bridge_single(holiday: Holiday, day: NaiveDate) -> HolidaySpan {
    let (before, after) = match day.weekday() {
        Weekday::Tue => (1, 0),
        Weekday::Thu => (0, 1),
        Weekday::Sat => (0, 2),
        Weekday::Sun => (0, 1),
        _ => (0, 0),
    };
    HolidaySpan {
        holiday,
        first: day.checked_sub_days(Days::new(before)).unwrap_or(day),
        last: day.checked_add_days(Days::new(after)).unwrap_or(day),
    }
}

/// A long break with the Monday before a Tuesday start and the Friday after
/// a Thursday end.
fn bridge_long(span: HolidaySpan) -> HolidaySpan {
    let mut s = span;
    if s.first.weekday() == Weekday::Tue {
        s.first = s.first.pred_opt().unwrap_or(s.first);
    }
    if s.last.weekday() == Weekday::Thu {
        s.last = s.last.succ_opt().unwrap_or(s.last);
    }
    s
}

/// A year's official holiday schedule (the yearly 放假安排 notice), as a
/// policy pack supplies it in `holidays/YYYY.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialYear {
    pub year: i32,
    /// Every day off, the weekends inside a holiday block included: days
    /// of `year` and of the December before (a 元旦 bridge), no others.
    pub days_off: BTreeSet<NaiveDate>,
    /// Weekend days made working days (调休上班), of the same days.
    pub working_days: BTreeSet<NaiveDate>,
    /// The notice's title, for the person who checks the file.
    pub source: String,
    /// `None` where the day of publication was not checked.
    pub published: Option<NaiveDate>,
}

/// Where the calendar knows a day from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Basis {
    /// A holiday file's schedule for that year (`data/holidays` or a
    /// policy pack).
    Pack,
    /// Weekends plus statutory days: the notice is not in the data.
    Estimate,
}

/// First year whose estimate is kept once computed; years outside the cache
/// are computed on each question (only tests and odd input go there).
const CACHE_FIRST: i32 = 2024;
const CACHE_YEARS: usize = 100;

/// The working-day calendar: the years of the holiday files (shipped and
/// from policy packs), and the estimate for the rest. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Calendar {
    official: BTreeMap<i32, OfficialYear>,
    estimates: Vec<OnceLock<Vec<HolidaySpan>>>,
    customary: Vec<OnceLock<Vec<HolidaySpan>>>,
    /// Years estimated as if their notice were not published (the hindcast).
    unpublished: BTreeSet<i32>,
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
    /// The estimate alone, no holiday file's years (the shipped ones are
    /// `policy::shipped_calendar`).
    pub fn new() -> Calendar {
        Calendar {
            official: BTreeMap::new(),
            estimates: (0..CACHE_YEARS).map(|_| OnceLock::new()).collect(),
            customary: (0..CACHE_YEARS).map(|_| OnceLock::new()).collect(),
            unpublished: BTreeSet::new(),
        }
    }

    /// This calendar with `years` used in place of the estimate for those
    /// years (a later year of the same number replaces
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

    /// This calendar with `year` counted as if its notice were not
    /// published: the hindcast that checks the estimate against the truth.
    #[cfg(test)]
    pub(crate) fn as_if_unpublished(&self, year: i32) -> Calendar {
        let mut c = self.clone();
        c.official.remove(&year);
        c.unpublished.insert(year);
        c
    }

    /// The customary breaks of `year`, computed once per calendar.
    pub(crate) fn customary(&self, year: i32) -> std::borrow::Cow<'_, [HolidaySpan]> {
        let slot = usize::try_from(year - CACHE_FIRST)
            .ok()
            .and_then(|i| self.customary.get(i));
        match slot {
            Some(cell) => cell
                .get_or_init(|| customary_breaks(year))
                .as_slice()
                .into(),
            None => customary_breaks(year).into(),
        }
    }

    /// Whether a customary break counts `date` off in an estimate: one of
    /// its own year's, or a 元旦 bridge of the year after.
    fn is_customary_off(&self, date: NaiveDate) -> bool {
        let within = |y: i32| {
            self.customary(y)
                .iter()
                .any(|s| s.first <= date && date <= s.last)
        };
        within(date.year()) || (date.month() == 12 && within(date.year() + 1))
    }

    /// Whether `year` has no schedule: no holiday file covers it (or the
    /// hindcast hides it).
    fn year_estimated(&self, year: i32) -> bool {
        self.unpublished.contains(&year) || !self.official.contains_key(&year)
    }

    /// The first day of the run of estimated days that holds `date`: where
    /// the estimate really starts (2027-01-01 when the last notice is
    /// 2026's), not where a plan's dates first touch it.
    pub(crate) fn estimate_start(&self, date: NaiveDate) -> NaiveDate {
        let mut d = date;
        // A year of look-back is enough: every year has its own basis.
        for _ in 0..400 {
            match d.pred_opt() {
                Some(p) if self.is_estimated(p) => d = p,
                _ => break,
            }
        }
        d
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

    /// The schedules that may list `date`: its year's, and the next year's
    /// (a block of days off may begin in the December before). A holiday
    /// file lists no other day (`policy::holidays` checks it), so the
    /// other years are not looked through for every day counted.
    fn schedules_listing(&self, date: NaiveDate) -> impl Iterator<Item = &OfficialYear> + Clone {
        self.official
            .range(date.year()..=date.year().saturating_add(1))
            .map(|(_, y)| y)
    }

    /// Where this calendar knows `date` from.
    pub(crate) fn basis(&self, date: NaiveDate) -> Basis {
        if self.unpublished.contains(&date.year()) {
            return Basis::Estimate;
        }
        // A December day the next year's unpublished notice may bridge to
        // 元旦 is no more certain than that notice.
        if date.month() == 12
            && self.year_estimated(date.year() + 1)
            && self
                .customary(date.year() + 1)
                .iter()
                .any(|s| s.first <= date && date <= s.last)
        {
            return Basis::Estimate;
        }
        let listed = self
            .schedules_listing(date)
            .any(|y| y.days_off.contains(&date) || y.working_days.contains(&date));
        if listed || self.official.contains_key(&date.year()) {
            Basis::Pack
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
                let mut listed = self.schedules_listing(date);
                if listed.clone().any(|y| y.days_off.contains(&date)) {
                    false
                } else if listed.any(|y| y.working_days.contains(&date)) {
                    true
                } else {
                    !weekend
                }
            }
            Basis::Estimate => !weekend && !self.is_statutory(date) && !self.is_customary_off(date),
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
        // Walking back from `last`, the first working day with at least `n`
        // working days after it (up to `last`) is the one: counting them as
        // we go keeps this linear in the days walked.
        let mut d = last;
        let mut after = 0u32;
        while d >= first {
            let working = self.is_working_day(d);
            if working && after >= n {
                let end = self.add_working_days(d, n);
                return Some(Counted {
                    date: d,
                    estimated: end.estimated || self.is_estimated(d),
                });
            }
            after += u32::from(working);
            d = d.pred_opt()?;
        }
        None
    }

    /// Whether any day of `first..=last` may be counted from an estimate,
    /// told from the years alone (no lunar date is computed): never `false`
    /// when [`is_estimated`](Self::is_estimated) holds for one of them.
    fn may_estimate(&self, first: NaiveDate, last: NaiveDate) -> bool {
        (first.year()..=last.year()).any(|y| self.year_estimated(y))
            // A December day bridged to the next year's estimated 元旦.
            || (last.month() == 12 && self.year_estimated(last.year().saturating_add(1)))
    }

    /// Whether `year`'s customary breaks may touch `from..=to` with an
    /// estimated day: its breaks lie between the December before (a 元旦
    /// bridge) and November (`customary_breaks_stay_in_their_season`), so a
    /// year outside the span, or whose days are all known, is not computed.
    /// A plan inside the published years then reads no lunar date.
    fn breaks_may_count(&self, year: i32, from: NaiveDate, to: NaiveDate) -> bool {
        let season = NaiveDate::from_ymd_opt(year.saturating_sub(1), 12, 1)
            .zip(NaiveDate::from_ymd_opt(year, 11, 30));
        match season {
            Some((first, last)) => first <= to && last >= from && self.may_estimate(first, last),
            None => true,
        }
    }

    /// The customary breaks an estimate counts that touch `from..=to` (a
    /// 元旦 bridge of the year after included).
    pub(crate) fn estimated_holidays(&self, from: NaiveDate, to: NaiveDate) -> Vec<HolidaySpan> {
        (from.year()..=to.year().saturating_add(1))
            .filter(|&y| self.breaks_may_count(y, from, to))
            .flat_map(|y| self.customary(y).into_owned())
            .filter(|s| s.last >= from && s.first <= to)
            .filter(|s| s.days().any(|d| self.is_estimated(d)))
            .collect()
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod hindcast;
