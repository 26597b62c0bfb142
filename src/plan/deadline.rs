//! The day to act on: each channel's dates counted in working days, the
//! plan's apply-by day (the earliest of them), where that day stands on a
//! given day ([`Deadline`]), and the warnings these dates raise.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{ApplyBy, LateRule, PlanChannel, Status, Warning};
use crate::calendar::{Calendar, Counted};

/// Where the day to apply by stands on a given day: the one rule behind
/// the plan's headline, the checklist's apply line, the QR text and the
/// calendar file, so that none of them shows a past day as advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Deadline {
    /// Apply by the day to apply by: it is today or later.
    ApplyBy,
    /// The day to apply by has passed while the window is still open: the
    /// result may come after the end date; apply at once.
    Passed,
    /// The end date has passed but renewal is still accepted until the
    /// grace period's last day: apply at once.
    Grace,
    /// The window has closed: one can no longer renew on time.
    Closed,
    /// No day can be counted: no channel that serves the disease states
    /// its review time.
    Unknown,
    /// Nothing to apply for: the source says no renewal is needed.
    NotNeeded,
}

impl Deadline {
    /// The deadline on `today`, for a window in `status` and the day to
    /// apply by, if one could be counted.
    pub(crate) fn on(today: NaiveDate, status: Status, apply_by: Option<NaiveDate>) -> Deadline {
        match (status, apply_by) {
            (Status::NoRenewal, _) => Deadline::NotNeeded,
            (Status::Expired, _) => Deadline::Closed,
            (Status::Grace, _) => Deadline::Grace,
            (_, Some(day)) if day < today => Deadline::Passed,
            (_, Some(_)) => Deadline::ApplyBy,
            (_, None) => Deadline::Unknown,
        }
    }
}

/// The one deadline every output tells: where it stands on the day, the
/// day to apply by (and whether it counts days beyond the official
/// schedules), the end date and the last day an application is accepted.
/// The plan's headline, the agenda, the saved lists, the calendar file and
/// the QR text all read it ([`crate::plan::RenewalPlan::deadline_days`], or
/// a saved checklist's window when the data no longer knows the plan), so
/// none of them counts its own day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeadlineDays {
    pub standing: Deadline,
    pub apply_by: Option<NaiveDate>,
    pub estimated: bool,
    /// The end date; `None` when no renewal is needed.
    pub closes: Option<NaiveDate>,
    /// The last day renewal is accepted: the end date, or the grace
    /// period's last day.
    pub last_day: Option<NaiveDate>,
}

impl DeadlineDays {
    /// Whole days from `today` to the day to apply by.
    pub fn days_to_apply_by(&self, today: NaiveDate) -> Option<i64> {
        self.apply_by.map(|d| (d - today).num_days())
    }

    /// Whole days from `today` to the end date.
    pub fn days_to_end(&self, today: NaiveDate) -> Option<i64> {
        self.closes.map(|d| (d - today).num_days())
    }
}

/// Working days from applying to the answer: the review and the notice.
/// `None` beyond what validated data can say, so data that skipped
/// validation can neither overflow nor send the calendar counting for ever.
pub(crate) fn review_span(review: u32, notify: Option<u32>) -> Option<u32> {
    use crate::policy::validate::{MAX_NOTIFY_WORKING_DAYS, MAX_REVIEW_WORKING_DAYS};
    let notify = notify.unwrap_or(0);
    (review <= MAX_REVIEW_WORKING_DAYS && notify <= MAX_NOTIFY_WORKING_DAYS)
        .then(|| review + notify)
}

/// Apply-by in working days: the latest working day inside the window
/// (`opens..=closes`) from which a review of `working_days` working days
/// ends on or before the end date; `None` when even the opening day is too
/// late.
pub(crate) fn apply_by_day(
    calendar: &Calendar,
    opens: NaiveDate,
    closes: NaiveDate,
    working_days: u32,
) -> Option<Counted> {
    calendar.latest_start(opens, closes, working_days)
}

/// The dates one channel gives: the answer when applying on the reference
/// day, and the day to apply by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct ChannelDates {
    pub expected_result: Option<NaiveDate>,
    /// `expected_result` counts days beyond the official schedules.
    pub result_estimated: bool,
    pub apply_by: Option<NaiveDate>,
    /// `apply_by` counts days beyond the official schedules.
    pub apply_by_estimated: bool,
}

/// A channel's dates: its review of `review_days` working days started on
/// the first working day from `reference_day`, and the day to apply by so
/// that a review of `deadline_days` ends inside the window. Nothing when
/// the review time is unknown.
pub(crate) fn channel_dates(
    calendar: &Calendar,
    reference_day: NaiveDate,
    (opens, closes): (NaiveDate, NaiveDate),
    review_days: Option<u32>,
    deadline_days: Option<u32>,
) -> ChannelDates {
    let Some(n) = review_days else {
        return ChannelDates::default();
    };
    let start = calendar.next_working_day(reference_day);
    let result = calendar.add_working_days(start.date, n);
    let by = deadline_days.and_then(|d| apply_by_day(calendar, opens, closes, d));
    ChannelDates {
        expected_result: Some(result.date),
        result_estimated: start.estimated || result.estimated,
        apply_by: by.map(|b| b.date),
        apply_by_estimated: by.is_some_and(|b| b.estimated),
    }
}

/// The date to act on: early enough for every channel that serves this
/// disease and states its review time. A channel whose review time is
/// unknown has no `apply_by` and so never sets it; when no serving
/// channel states one, there is no headline date at all.
pub(crate) fn plan_apply_by(channels: &[PlanChannel]) -> Option<ApplyBy> {
    let review_of = |c: &PlanChannel| {
        let review = if c.review.instant {
            0
        } else {
            c.review.working_days?
        };
        review_span(review, c.review.notify_working_days)
    };
    channels
        .iter()
        .filter(|c| c.serves_disease)
        .filter_map(|c| {
            // An extension's day leaves time for its fallback's review.
            let days = match &c.extension {
                Some(x) => review_of(channels.iter().find(|f| f.id == x.fallback)?)?,
                None => review_of(c)?,
            };
            c.apply_by.map(|date| ApplyBy {
                date,
                estimated: c.apply_by_estimated,
                channel: c.id.clone(),
                working_days: days,
                typical: c.review.typical && !c.review.instant,
                learned: None,
            })
        })
        .min_by_key(|a| a.date)
}

/// The warning that the day to apply by has passed while the window is
/// open: the result may come after the end date.
pub(crate) fn result_after_end(
    deadline: Deadline,
    apply_by: Option<&ApplyBy>,
    closes: NaiveDate,
    late: &LateRule,
) -> Option<Warning> {
    let a = apply_by.filter(|_| deadline == Deadline::Passed)?;
    Some(Warning::ResultAfterEnd {
        working_days: a.working_days,
        closes,
        keeps_during_review: late.continuity_during_review.value == Some(true),
        typical: a.typical,
    })
}

/// The warning for dates counted over days no notice covers: the first
/// such day in `from..=last_counted`, their years and the statutory
/// holidays among them.
pub(crate) fn estimate_warning(
    calendar: &Calendar,
    from: NaiveDate,
    last_counted: NaiveDate,
) -> Warning {
    let estimated: Vec<NaiveDate> = from
        .iter_days()
        .take_while(|d| *d <= last_counted)
        .filter(|d| calendar.is_estimated(*d))
        .collect();
    let mut years: Vec<i32> = estimated.iter().map(|d| d.year()).collect();
    years.dedup();
    Warning::CalendarEstimated {
        // Where the estimate really starts (2027-01-01), not the first day
        // the plan's dates touch it: the day the person can check.
        since: estimated
            .first()
            .map_or(from, |d| calendar.estimate_start(*d)),
        years,
        holidays: calendar.estimated_holidays(from, last_counted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn calendar() -> Calendar {
        crate::policy::fixture::policy().calendar
    }

    #[test]
    fn apply_by_leaves_the_review_inside_the_window() {
        let cal = calendar();
        // 2026-03-31 is a Tuesday: five working days back is 03-24.
        let by = apply_by_day(&cal, d("2025-12-31"), d("2026-03-31"), 5).unwrap();
        assert_eq!(by.date, d("2026-03-24"));
        assert!(!by.estimated);
        assert_eq!(
            cal.add_working_days(by.date, 5).date,
            d("2026-03-31"),
            "the review ends on the end date"
        );
        assert_eq!(
            apply_by_day(&cal, d("2026-03-30"), d("2026-03-31"), 5),
            None
        );
        assert_eq!(
            apply_by_day(&cal, d("2026-03-31"), d("2026-03-31"), 0).map(|c| c.date),
            Some(d("2026-03-31")),
            "an instant review can be applied for on the end date"
        );
    }

    #[test]
    fn channel_dates_are_empty_without_a_review_time() {
        let cal = calendar();
        let w = (d("2025-12-31"), d("2026-03-31"));
        assert_eq!(
            channel_dates(&cal, d("2026-01-05"), w, None, Some(5)),
            ChannelDates::default()
        );
        let dates = channel_dates(&cal, d("2026-01-05"), w, Some(5), None);
        assert_eq!(dates.expected_result, Some(d("2026-01-12")));
        assert_eq!(
            dates.apply_by, None,
            "no day to apply by without its review"
        );
    }

    #[test]
    fn review_span_adds_the_notice_and_refuses_absurd_lengths() {
        assert_eq!(review_span(5, Some(3)), Some(8));
        assert_eq!(review_span(5, None), Some(5));
        assert_eq!(review_span(u32::MAX, Some(1)), None);
        assert_eq!(review_span(1, Some(u32::MAX)), None);
    }

    #[test]
    fn the_deadline_follows_status_then_the_day() {
        let today = d("2026-03-10");
        assert_eq!(
            Deadline::on(today, Status::Open, Some(d("2026-03-10"))),
            Deadline::ApplyBy
        );
        assert_eq!(
            Deadline::on(today, Status::Open, Some(d("2026-03-09"))),
            Deadline::Passed
        );
        assert_eq!(Deadline::on(today, Status::Open, None), Deadline::Unknown);
        assert_eq!(
            Deadline::on(today, Status::Grace, Some(d("2026-03-20"))),
            Deadline::Grace
        );
        assert_eq!(Deadline::on(today, Status::Expired, None), Deadline::Closed);
        assert_eq!(
            Deadline::on(today, Status::NoRenewal, None),
            Deadline::NotNeeded
        );
    }
}
