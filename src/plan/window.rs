//! When one may apply: the end date in force (a one-off extension may move
//! it), the window before it and any grace period after it, and where a
//! given day stands against them.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::{PlanExtension, Status};
use crate::dates::months_before;
use crate::policy::{Fact, Region};

/// When one may apply: `opens` to `closes`, both inclusive, then the
/// grace period when the source has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RenewalWindow {
    pub opens: NaiveDate,
    /// The end date: the last day of the window before the benefit ends.
    pub closes: NaiveDate,
    /// The window's length in calendar months, when it is given in months.
    pub months: Option<u32>,
    /// The window's length in days, when the source gives it in days.
    pub days: Option<u32>,
    /// Renewal still accepted after the end date, until `grace.until`.
    pub grace: Option<GracePeriod>,
    /// The region's sources give no window; `months` is the common practice.
    pub assumed: bool,
    pub basis: Option<String>,
    pub source: Option<String>,
}

impl RenewalWindow {
    /// The last day an application is accepted: the grace period's last
    /// day, else the end date.
    pub(crate) fn last_day(&self) -> NaiveDate {
        self.grace.as_ref().map_or(self.closes, |g| g.until)
    }
}

/// Days after the end date in which renewal is still accepted (中山:
/// 有效期终止后30日内), though the benefit ended with the end date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GracePeriod {
    pub days: u32,
    /// Its last day: the end date plus `days`.
    pub until: NaiveDate,
    pub source: Option<String>,
    /// The source's words on the grace period and the benefit meanwhile.
    pub note: Option<String>,
}

/// The window rule: from `months` calendar months before the end date
/// (clamped to a shorter month's end) up to and including the end date.
pub(crate) fn renewal_window(validity_end: NaiveDate, months: u32) -> (NaiveDate, NaiveDate) {
    (months_before(validity_end, months), validity_end)
}

/// A window given in days: from `days` days before the end date (中山:
/// 有效期满前30日内, so the 30th day before it) up to the end date.
pub(crate) fn renewal_window_days(validity_end: NaiveDate, days: u32) -> (NaiveDate, NaiveDate) {
    let opens = validity_end
        .checked_sub_days(chrono::Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MIN);
    (opens, validity_end)
}

/// The last day of a grace period of `days` days after the end date.
pub(crate) fn grace_until(validity_end: NaiveDate, days: u32) -> NaiveDate {
    validity_end
        .checked_add_days(chrono::Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

/// Where `today` stands against the window (no grace period): the tests'
/// shorthand; the program always asks [`status_with_grace`].
#[cfg(test)]
pub(crate) fn status(today: NaiveDate, opens: NaiveDate, closes: NaiveDate) -> Status {
    status_with_grace(today, opens, closes, None)
}

/// Where `today` stands against the window and, after the end date, the
/// grace period ending on `grace_until` (inclusive) if there is one.
pub(crate) fn status_with_grace(
    today: NaiveDate,
    opens: NaiveDate,
    closes: NaiveDate,
    grace_until: Option<NaiveDate>,
) -> Status {
    if today < opens {
        Status::NotYetOpen
    } else if today <= closes {
        Status::Open
    } else if grace_until.is_some_and(|g| today <= g) {
        Status::Grace
    } else {
        Status::Expired
    }
}

/// The end date of a qualification granted before a one-off extension's
/// day and still running on it, moved by the extension (上海: 2026年4月1日
/// 已登记未到期的…自动顺延6个月). The qualification's start is the end date
/// less the length in force before that day; `None` when the end date is
/// not such a qualification's, or the data cannot tell.
pub fn extended_end(
    region: &Region,
    end: NaiveDate,
) -> Option<(&crate::policy::ValidityExtension, NaiveDate)> {
    region.validity_extensions.iter().find_map(|ext| {
        let before = ext.on.pred_opt()?;
        let length = crate::policy::in_force(&region.validity_months, before)?;
        let started = months_before(end, length.value);
        (end >= ext.on && started < ext.on)
            .then(|| end.checked_add_months(Months::new(ext.months)))
            .flatten()
            .map(|to| (ext, to))
    })
}

/// A window and, when assumed, the note of the fact it stands in for.
pub(crate) struct WindowRule {
    pub window: RenewalWindow,
    pub basis_note: Option<String>,
}

/// The window for an end date, from the region's rule: days before the end
/// date when the source counts in days, else calendar months; the common
/// practice, marked as assumed, when the source gives neither or is silent
/// about the disease (`unsaid` says why). A grace period follows when the
/// source gives one.
pub(crate) fn window_for(
    region: &Region,
    national: &crate::policy::National,
    unsaid: Option<&str>,
    end: NaiveDate,
) -> WindowRule {
    let months_fact = match unsaid {
        Some(text) => Fact::unknown(text),
        None => region.window_months.clone(),
    };
    let covered = |f: &Option<Fact<u32>>| {
        f.as_ref()
            .filter(|f| unsaid.is_none() && f.value.is_some())
            .cloned()
    };
    let grace = covered(&region.grace_days).and_then(|f| {
        let days = f.value?;
        Some(GracePeriod {
            days,
            until: grace_until(end, days),
            source: f.source,
            note: f.note,
        })
    });
    let window = match covered(&region.window_days) {
        Some(f) => {
            let days = f.value.unwrap_or_default();
            let (opens, closes) = renewal_window_days(end, days);
            RenewalWindow {
                opens,
                closes,
                months: None,
                days: Some(days),
                grace,
                assumed: false,
                basis: f.note,
                source: f.source,
            }
        }
        None => {
            let (months, assumed) = match months_fact.value {
                Some(m) => (m, false),
                None => (national.assumed_window_months, true),
            };
            let (opens, closes) = renewal_window(end, months);
            RenewalWindow {
                opens,
                closes,
                months: Some(months),
                days: None,
                grace,
                assumed,
                basis: if assumed {
                    Some(national.assumed_window_note.clone())
                } else {
                    months_fact.note.clone()
                },
                source: months_fact.source.clone(),
            }
        }
    };
    WindowRule {
        basis_note: window.assumed.then(|| months_fact.note.clone()).flatten(),
        window,
    }
}

/// The one-off extension that moved this end date, if any, as the plan
/// tells it.
pub(crate) fn plan_extension(region: &Region, validity_end: NaiveDate) -> Option<PlanExtension> {
    extended_end(region, validity_end).map(|(ext, to)| PlanExtension {
        original_end: validity_end,
        extended_end: to,
        months: ext.months,
        on: ext.on,
        text: ext.text.clone(),
        source: ext.source.clone(),
    })
}

/// Where `today` stands against a plan's window, in whole days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Standing {
    pub status: Status,
    pub days_left: Option<i64>,
    pub days_until_open: Option<i64>,
    pub days_overdue: Option<i64>,
    pub grace_days_left: Option<i64>,
    /// The day dates are counted from: today, or the opening day if later.
    pub reference_day: NaiveDate,
    /// The window's days; `today..=today` with none (nothing to count).
    pub opens: NaiveDate,
    pub closes: NaiveDate,
}

impl Standing {
    pub(crate) fn on(today: NaiveDate, window: Option<&RenewalWindow>) -> Standing {
        let status = match window {
            None => Status::NoRenewal,
            Some(w) => {
                status_with_grace(today, w.opens, w.closes, w.grace.as_ref().map(|g| g.until))
            }
        };
        let when = |s: Status, days: fn(&RenewalWindow, NaiveDate) -> i64| {
            window.filter(|_| status == s).map(|w| days(w, today))
        };
        let (opens, closes) = window.map_or((today, today), |w| (w.opens, w.closes));
        Standing {
            status,
            days_left: window.map(|w| (w.closes - today).num_days()),
            days_until_open: when(Status::NotYetOpen, |w, t| (w.opens - t).num_days()),
            days_overdue: when(Status::Expired, |w, t| (t - w.closes).num_days()),
            grace_days_left: when(Status::Grace, |w, t| (w.last_day() - t).num_days()),
            reference_day: window.map_or(today, |w| today.max(w.opens)),
            opens,
            closes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn region(id: &str) -> Region {
        let set = crate::policy::fixture::policy();
        set.regions.into_iter().find(|r| r.id == id).unwrap()
    }

    #[test]
    fn a_window_in_days_opens_that_many_days_before_the_end() {
        assert_eq!(
            renewal_window_days(d("2026-03-31"), 30),
            (d("2026-03-01"), d("2026-03-31"))
        );
        assert_eq!(grace_until(d("2026-03-31"), 30), d("2026-04-30"));
        assert_eq!(renewal_window_days(NaiveDate::MIN, 1).0, NaiveDate::MIN);
        assert_eq!(grace_until(NaiveDate::MAX, 1), NaiveDate::MAX);
    }

    #[test]
    fn grace_is_a_status_of_its_own_until_its_last_day() {
        let (o, c, g) = (d("2026-03-01"), d("2026-03-31"), Some(d("2026-04-30")));
        assert_eq!(status_with_grace(d("2026-04-01"), o, c, g), Status::Grace);
        assert_eq!(status_with_grace(d("2026-04-30"), o, c, g), Status::Grace);
        assert_eq!(status_with_grace(d("2026-05-01"), o, c, g), Status::Expired);
        assert_eq!(
            status_with_grace(d("2026-04-01"), o, c, None),
            Status::Expired
        );
    }

    #[test]
    fn the_fixture_grace_region_counts_days_and_grace() {
        let r = region("fx-w-grace");
        let national = crate::policy::fixture::policy().national;
        let rule = window_for(&r, &national, None, d("2026-03-31"));
        let w = &rule.window;
        assert_eq!(
            (w.opens, w.closes, w.days),
            (d("2026-03-01"), d("2026-03-31"), Some(30))
        );
        assert_eq!(w.grace.as_ref().map(|g| g.until), Some(d("2026-04-30")));
        let s = Standing::on(d("2026-04-10"), Some(w));
        assert_eq!(s.status, Status::Grace);
        assert_eq!(s.grace_days_left, Some(20));
        assert_eq!(s.days_left, Some(-10));
        assert_eq!(s.reference_day, d("2026-04-10"));
    }

    #[test]
    fn silence_about_a_disease_assumes_the_common_window() {
        let r = region("fx-exact");
        let national = crate::policy::fixture::policy().national;
        let rule = window_for(&r, &national, Some("说明"), d("2026-03-31"));
        assert!(rule.window.assumed);
        assert_eq!(rule.window.months, Some(national.assumed_window_months));
        let none = Standing::on(d("2026-01-05"), None);
        assert_eq!(none.status, Status::NoRenewal);
        assert_eq!(
            (none.days_left, none.reference_day),
            (None, d("2026-01-05"))
        );
    }

    #[test]
    fn a_one_off_extension_moves_only_the_ends_it_covers() {
        let r = region("fx-w-dated");
        let moved = plan_extension(&r, d("2026-08-31")).expect("an extended end");
        assert_eq!(moved.extended_end, d("2027-02-28"));
        assert_eq!(
            plan_extension(&r, d("2026-03-31")),
            None,
            "ended before the day"
        );
    }
}
