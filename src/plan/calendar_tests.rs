//! Plan dates against the holiday calendar, on the fixture policy set:
//! working days across the notices' holidays, and the dates beyond the
//! last notice, which are estimates and said to be.

use super::tests::{answers, codes, d, plan, policy, win};
use super::*;

#[test]
fn review_over_national_day_2026() {
    // Apply on 2026-09-30 online: 5 working days cross the holiday week.
    let p = plan(
        &answers("fx-exact", "hypertension", "2026-12-20"),
        "2026-09-30",
    );
    let online = p
        .channels
        .iter()
        .find(|c| c.kind == ChannelKind::Online)
        .unwrap();
    assert_eq!(online.expected_result, Some(d("2026-10-13")));
    assert!(!online.result_estimated);
}

#[test]
fn closing_day_on_a_weekend_moves_apply_by_to_a_working_day() {
    // 2026-05-31 is a Sunday: the offline desk's last day is Friday 05-29.
    let p = plan(
        &answers("fx-exact", "hypertension", "2026-05-31"),
        "2026-04-01",
    );
    let offline = p
        .channels
        .iter()
        .find(|c| c.kind == ChannelKind::Offline)
        .unwrap();
    assert_eq!(offline.apply_by, Some(d("2026-05-29")));
    assert_eq!(win(&p).opens, d("2026-02-28"));
}

#[test]
fn dates_beyond_the_holiday_calendar_are_marked_estimates() {
    let p = plan(&answers("fx-exact", "diabetes", "2027-03-31"), "2027-01-05");
    let online = p
        .channels
        .iter()
        .find(|c| c.kind == ChannelKind::Online)
        .unwrap();
    assert!(online.result_estimated && online.apply_by_estimated);
    assert!(codes(&p).contains(&"calendar_estimated"));
}

/// 2027's notice is not in the data: 元旦 (Fri 2027-01-01) is still a day
/// off, so it is never the last day to go, and the reviews count over it.
#[test]
fn no_office_day_or_result_on_a_statutory_holiday_beyond_the_notices() {
    let p = plan(&answers("fx-exact", "diabetes", "2027-01-03"), "2026-12-20");
    let office = p
        .channels
        .iter()
        .find(|c| c.id == "hospital-office")
        .unwrap();
    assert_eq!(
        office.apply_by,
        Some(d("2026-12-31")),
        "not 元旦 2027-01-01"
    );
    // 12-31 is in 2026's notice, and the estimate of 元旦 can only make
    // the last day earlier, never later: not marked.
    assert!(!office.apply_by_estimated);
    let headline = p.apply_by.as_ref().unwrap();
    assert_eq!(
        headline.date,
        d("2026-12-24"),
        "5 working days end on 12-31"
    );
    assert!(
        !headline.estimated,
        "the review days are all in 2026's notice"
    );

    // Applying online on Mon 2027-02-01: 春节 is off, the statutory 02-05..
    // 02-08 and the customary break to 初七 02-12 (issue 22: err early).
    let p = plan(&answers("fx-exact", "diabetes", "2027-03-31"), "2027-02-01");
    let online = p.channels.iter().find(|c| c.id == "wechat").unwrap();
    assert_eq!(
        online.expected_result,
        Some(d("2027-02-16")),
        "not inside 02-05..02-12"
    );
    assert!(online.result_estimated);
}

#[test]
fn the_estimate_warning_names_the_holidays_in_the_window() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let p = plan(&answers("fx-exact", "diabetes", "2027-04-30"), "2026-12-20");
    let w = p
        .warnings
        .iter()
        .find(|w| w.code() == "calendar_estimated")
        .expect("an estimate warning");
    let Warning::CalendarEstimated {
        since,
        years,
        holidays,
    } = w
    else {
        unreachable!()
    };
    assert_eq!(years, &[2027]);
    assert!(p_calendar_estimates(*since));
    let got: Vec<(crate::calendar::Holiday, NaiveDate)> =
        holidays.iter().map(|h| (h.holiday, h.first)).collect();
    use crate::calendar::Holiday::*;
    assert_eq!(
        got,
        [
            (SpringFestival, d("2027-02-05")),
            (Qingming, d("2027-04-05"))
        ],
        "window 2027-01-30..04-30"
    );
    let text = render::warning_text(w, words);
    assert!(text.contains("春节 2027-02-05 至 2027-02-12"), "{text}");
    assert!(text.contains("清明节 2027-04-05"), "{text}");
    assert!(
        text.contains("惯常的连休") && text.contains("宁早勿晚"),
        "{text}"
    );
}

#[test]
fn a_pack_schedule_replaces_the_estimate_in_plans() {
    let mut pol = policy();
    pol.calendar = pol.calendar.with_years([crate::calendar::OfficialYear {
        year: 2027,
        days_off: [
            d("2027-01-01"),
            d("2027-02-05"),
            d("2027-02-08"),
            d("2027-02-09"),
        ]
        .into(),
        working_days: [].into(),
        source: "test".into(),
        published: Some(d("2026-11-01")),
    }]);
    let a = answers("fx-exact", "diabetes", "2027-03-31");
    let p = compute(&pol, &a, d("2027-02-01")).unwrap();
    let online = p.channels.iter().find(|c| c.id == "wechat").unwrap();
    assert_eq!(online.expected_result, Some(d("2027-02-11")));
    assert!(!online.result_estimated);
    assert!(!codes(&p).contains(&"calendar_estimated"));
}

pub(super) fn p_calendar_estimates(day: NaiveDate) -> bool {
    policy().calendar.is_estimated(day)
}

/// 2026's notice is in the data to its last day: the warning names the day
/// the estimate starts (2027-01-01), not "2026's schedule is missing".
#[test]
fn the_estimate_warning_says_from_which_day() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let p = plan(&answers("fx-exact", "diabetes", "2027-02-15"), "2026-11-23");
    let w = p
        .warnings
        .iter()
        .find(|w| w.code() == "calendar_estimated")
        .expect("an estimate warning");
    let Warning::CalendarEstimated { since, .. } = w else {
        unreachable!()
    };
    assert_eq!(*since, d("2027-01-01"));
    let text = render::warning_text(w, words);
    assert!(text.starts_with("2027-01-01 以后的放假安排"), "{text}");
    assert!(!text.contains("2026、2027年"), "{text}");
}
