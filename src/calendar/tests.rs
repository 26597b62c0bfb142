use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The shipped holiday schedules and the estimate beyond them.
fn cal() -> Calendar {
    crate::policy::shipped_calendar()
}

fn span(year: i32, h: Holiday) -> (NaiveDate, NaiveDate) {
    let s = statutory_holidays(year)
        .into_iter()
        .find(|s| s.holiday == h)
        .unwrap_or_else(|| panic!("{year} has {h:?}"));
    (s.first, s.last)
}

#[test]
fn weekends_holidays_and_makeup_days() {
    let c = cal();
    assert!(
        c.is_working_day(d("2026-09-30")),
        "Wednesday before National Day"
    );
    assert!(!c.is_working_day(d("2026-10-01")), "National Day");
    assert!(
        !c.is_working_day(d("2026-10-07")),
        "last day of the National Day week"
    );
    assert!(
        c.is_working_day(d("2026-10-10")),
        "Saturday made a working day"
    );
    assert!(
        c.is_working_day(d("2026-09-20")),
        "Sunday made a working day"
    );
    assert!(!c.is_working_day(d("2026-02-17")), "Spring Festival");
    assert!(
        c.is_working_day(d("2026-02-14")),
        "Saturday before Spring Festival, 调休"
    );
    assert!(!c.is_working_day(d("2026-11-21")), "an ordinary Saturday");
    assert!(c.is_working_day(d("2026-11-23")), "an ordinary Monday");
}

#[test]
fn five_working_days_from_the_eve_of_national_day() {
    // 10-1..10-7 off; 10-8 Thu, 10-9 Fri, 10-10 Sat (make-up), 10-12 Mon, 10-13 Tue.
    let c = cal().add_working_days(d("2026-09-30"), 5);
    assert_eq!(c.date, d("2026-10-13"));
    assert!(!c.estimated);
}

#[test]
fn one_working_day_over_a_weekend() {
    let c = cal();
    assert_eq!(c.add_working_days(d("2026-11-20"), 1).date, d("2026-11-23"));
    assert_eq!(c.add_working_days(d("2026-11-21"), 1).date, d("2026-11-23"));
    assert_eq!(c.add_working_days(d("2026-11-23"), 0).date, d("2026-11-23"));
}

#[test]
fn spring_festival_2026() {
    // 2-13 Fri; 2-14 Sat is a make-up day; 2-15..2-23 off; 2-24 Tue.
    let c = cal();
    assert_eq!(c.add_working_days(d("2026-02-13"), 1).date, d("2026-02-14"));
    assert_eq!(c.add_working_days(d("2026-02-14"), 1).date, d("2026-02-24"));
}

/// Published dates (the State Council's 2025/2026 notices for the years the
/// crate has; almanac dates of 春节 / 清明 / 端午 / 中秋 for 2027–2030).
#[test]
fn statutory_holidays_match_published_dates() {
    use Holiday::*;
    let cases = [
        (2027, SpringFestival, "2027-02-05", "2027-02-08"),
        (2028, SpringFestival, "2028-01-25", "2028-01-28"),
        (2029, SpringFestival, "2029-02-12", "2029-02-15"),
        (2030, SpringFestival, "2030-02-02", "2030-02-05"),
        (2027, Qingming, "2027-04-05", "2027-04-05"),
        (2028, Qingming, "2028-04-04", "2028-04-04"),
        (2029, Qingming, "2029-04-04", "2029-04-04"),
        (2030, Qingming, "2030-04-05", "2030-04-05"),
        (2027, DragonBoat, "2027-06-09", "2027-06-09"),
        (2028, DragonBoat, "2028-05-28", "2028-05-28"),
        (2029, DragonBoat, "2029-06-16", "2029-06-16"),
        (2030, DragonBoat, "2030-06-05", "2030-06-05"),
        (2027, MidAutumn, "2027-09-15", "2027-09-15"),
        (2028, MidAutumn, "2028-10-03", "2028-10-03"),
        (2029, MidAutumn, "2029-09-22", "2029-09-22"),
        (2030, MidAutumn, "2030-09-12", "2030-09-12"),
        (2027, NewYear, "2027-01-01", "2027-01-01"),
        (2027, LabourDay, "2027-05-01", "2027-05-02"),
        (2027, NationalDay, "2027-10-01", "2027-10-03"),
        // Years the notices cover: the same days.
        (2025, SpringFestival, "2025-01-28", "2025-01-31"),
        (2026, SpringFestival, "2026-02-16", "2026-02-19"),
        (2026, Qingming, "2026-04-05", "2026-04-05"),
        (2026, DragonBoat, "2026-06-19", "2026-06-19"),
        (2026, MidAutumn, "2026-09-25", "2026-09-25"),
    ];
    for (year, h, first, last) in cases {
        assert_eq!(span(year, h), (d(first), d(last)), "{year} {h:?}");
    }
    // 13 days a year; in 2028 中秋 falls on 10-03, inside 国庆.
    let count = |y| {
        statutory_holidays(y)
            .iter()
            .flat_map(|s| s.days())
            .collect::<BTreeSet<_>>()
            .len()
    };
    assert_eq!(count(2027), 13);
    assert_eq!(count(2028), 12);
}

#[test]
fn every_statutory_day_is_off_in_the_official_notices() {
    let c = cal();
    for year in 2025..=2026 {
        for s in statutory_holidays(year) {
            for day in s.days() {
                assert_eq!(c.basis(day), Basis::Pack);
                assert!(!c.is_working_day(day), "{day} ({:?})", s.holiday);
            }
        }
    }
}

#[test]
fn beyond_the_notices_counts_statutory_days_off_and_says_so() {
    let c = cal();
    assert!(c.is_estimated(d("2027-01-01")));
    assert!(!c.is_estimated(d("2026-12-31")));
    assert!(!c.is_working_day(d("2027-01-01")), "元旦, a Friday");
    assert!(!c.is_working_day(d("2027-01-02")));
    // 春节 2027: the statutory 除夕 02-05 (Fri) to 初三 02-08 (Mon), and the
    // customary break to 初七 02-12 (Fri).
    for day in ["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-12"] {
        assert!(!c.is_working_day(d(day)), "{day}");
    }
    assert!(c.is_working_day(d("2027-02-15")));
    // Thu 2027-02-04 + 1 working day: the next is Mon 02-15.
    let r = c.add_working_days(d("2027-02-04"), 1);
    assert_eq!(
        r,
        Counted {
            date: d("2027-02-15"),
            estimated: true
        }
    );
    let r = c.add_working_days(d("2026-12-24"), 6);
    assert_eq!(r.date, d("2027-01-04"), "12-25, 28..31 and not 01-01");
    assert!(r.estimated);
    let inside = c.add_working_days(d("2026-12-14"), 5);
    assert_eq!(inside.date, d("2026-12-21"));
    assert!(!inside.estimated);
    assert_eq!(c.next_working_day(d("2027-01-01")).date, d("2027-01-04"));
}

#[test]
fn estimated_holidays_name_those_in_the_span() {
    let c = cal();
    let hs = c.estimated_holidays(d("2026-11-01"), d("2027-04-30"));
    let names: Vec<Holiday> = hs.iter().map(|s| s.holiday).collect();
    assert_eq!(
        names,
        [Holiday::NewYear, Holiday::SpringFestival, Holiday::Qingming]
    );
    assert!(
        c.estimated_holidays(d("2026-01-01"), d("2026-12-20"))
            .is_empty()
    );
}

fn pack_2027() -> OfficialYear {
    OfficialYear {
        year: 2027,
        days_off: [
            "2027-01-01",
            "2027-01-02",
            "2027-01-03",
            "2027-02-05",
            "2027-02-12",
        ]
        .into_iter()
        .map(d)
        .collect(),
        working_days: [d("2027-02-20")].into(),
        source: "test".into(),
        published: Some(d("2026-11-01")),
    }
}

#[test]
fn a_pack_year_replaces_the_estimate() {
    let c = cal().with_years([pack_2027()]);
    assert_eq!(c.basis(d("2027-06-09")), Basis::Pack);
    assert!(
        !c.is_working_day(d("2027-02-12")),
        "a bridge day of the pack"
    );
    assert!(c.is_working_day(d("2027-02-20")), "a Saturday made working");
    assert!(
        c.is_working_day(d("2027-06-09")),
        "the pack is the whole schedule: a day it does not list is a weekday"
    );
    let r = c.add_working_days(d("2027-02-04"), 1);
    assert_eq!(r.date, d("2027-02-08"));
    assert!(!r.estimated);
    assert!(c.is_estimated(d("2028-01-03")));
    assert!(
        c.estimated_holidays(d("2027-01-01"), d("2027-12-31"))
            .is_empty()
    );
}

#[test]
fn far_dates_never_panic() {
    let c = cal();
    assert!(c.is_working_day(d("2003-12-31")));
    assert!(!c.is_working_day(d("2100-01-02")));
    assert_eq!(c.add_working_days(d("2199-12-31"), 7).date, d("2200-01-10"));
    assert!(c.latest_start(NaiveDate::MIN, NaiveDate::MIN, 3).is_none());
    assert_eq!(c.add_working_days(NaiveDate::MAX, 3).date, NaiveDate::MAX);
    let _ = c.next_working_day(NaiveDate::MAX);
}

#[test]
fn latest_start_leaves_the_review_inside_the_window() {
    let c = cal();
    // Review of 5 working days must end by 2026-10-13 (Tue): start 09-30.
    let s = c.latest_start(d("2026-07-13"), d("2026-10-13"), 5).unwrap();
    assert_eq!(s.date, d("2026-09-30"));
    // 7 working days ending by Friday 2026-11-27: start Wed 11-18.
    let s = c.latest_start(d("2026-08-27"), d("2026-11-27"), 7).unwrap();
    assert_eq!(s.date, d("2026-11-18"));
    assert_eq!(c.add_working_days(s.date, 7).date, d("2026-11-27"));
    // Instant: the last working day on or before the closing day.
    assert_eq!(
        c.latest_start(d("2026-01-01"), d("2026-11-22"), 0)
            .unwrap()
            .date,
        d("2026-11-20")
    );
    assert!(
        c.latest_start(d("2026-11-20"), d("2026-11-22"), 5)
            .is_none()
    );
    // A window closing on 春节初一 2027: the last day to go is 02-04.
    let s = c.latest_start(d("2026-11-06"), d("2027-02-06"), 0).unwrap();
    assert_eq!(
        s,
        Counted {
            date: d("2027-02-04"),
            estimated: true
        }
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn day() -> impl Strategy<Value = NaiveDate> {
        (0i64..(11 * 366)).prop_map(|n| d("2025-01-01") + chrono::Duration::days(n))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn counting_lands_on_working_days_and_is_monotone(start in day(), n in 0u32..30, m in 0u32..30) {
            let c = cal();
            let a = c.add_working_days(start, n);
            prop_assert!(a.date >= start);
            if n > 0 {
                prop_assert!(c.is_working_day(a.date));
                if c.is_estimated(a.date) {
                    prop_assert!(!matches!(a.date.weekday(), Weekday::Sat | Weekday::Sun));
                }
                prop_assert!(!c.is_statutory(a.date), "{} is a statutory day off", a.date);
            }
            let b = c.add_working_days(start, n + m);
            prop_assert!(b.date >= a.date);
            let later = c.add_working_days(start + chrono::Duration::days(1), n);
            prop_assert!(later.date >= a.date);
            let next = c.next_working_day(start);
            prop_assert!(next.date >= start && c.is_working_day(next.date));
            prop_assert!(!c.is_statutory(next.date));
        }

        #[test]
        fn latest_start_is_the_latest_working_day_whose_review_fits(first in day(), len in 0i64..200, n in 0u32..10) {
            let c = cal();
            let last = first + chrono::Duration::days(len);
            // Every working day in first..=last whose review of n working
            // days ends by `last`: the answer is the latest of them, or
            // None when there is none.
            let fits = |d: NaiveDate| c.is_working_day(d) && c.add_working_days(d, n).date <= last;
            let latest = first.iter_days().take_while(|d| *d <= last).filter(|d| fits(*d)).last();
            let found = c.latest_start(first, last, n);
            prop_assert_eq!(found.map(|s| s.date), latest);
            if let Some(s) = found {
                prop_assert!(!c.is_statutory(s.date));
                let estimated = c.is_estimated(s.date) || c.add_working_days(s.date, n).estimated;
                prop_assert_eq!(s.estimated, estimated);
            }
        }
    }
}

/// The switch from the shipped notices to the estimate is the first day of
/// the first year without a holiday file: the last shipped day is counted
/// from its notice and the next from the estimate, and a count across the
/// switch is marked. Without the files every day is an estimate.
#[test]
fn the_estimate_starts_the_day_after_the_last_shipped_year() {
    let c = cal();
    let last = d("2026-12-31");
    let next = d("2027-01-01");
    assert_eq!(c.basis(last), Basis::Pack);
    assert!(!c.is_estimated(last));
    assert_eq!(c.basis(next), Basis::Estimate);
    assert!(c.is_estimated(next));
    assert_eq!(
        c.basis(d("2004-01-01")),
        Basis::Pack,
        "the first shipped year"
    );
    assert_eq!(c.basis(d("2003-12-31")), Basis::Estimate);
    // Thu 2026-12-31 + 1 working day: 元旦 and the weekend are estimated
    // off, so Mon 2027-01-04, marked.
    let r = c.add_working_days(last, 1);
    assert_eq!(r.date, d("2027-01-04"));
    assert!(r.estimated);
    // Nothing counted inside the shipped years is marked.
    let r = c.add_working_days(d("2026-12-21"), 4);
    assert_eq!(r.date, d("2026-12-25"));
    assert!(!r.estimated);
    let bare = Calendar::new();
    assert_eq!(bare.basis(d("2026-10-01")), Basis::Estimate);
    assert!(bare.is_estimated(d("2015-06-01")));
}

/// `estimated_holidays` as it was before it skipped years: every year's
/// breaks computed, then filtered.
fn estimated_holidays_in_full(c: &Calendar, from: NaiveDate, to: NaiveDate) -> Vec<HolidaySpan> {
    (from.year()..=to.year().saturating_add(1))
        .flat_map(customary_breaks)
        .filter(|s| s.last >= from && s.first <= to)
        .filter(|s| s.days().any(|d| c.is_estimated(d)))
        .collect()
}

#[test]
fn customary_breaks_stay_in_their_season() {
    // What `Calendar::breaks_may_count` relies on to skip a year.
    for year in 1899..=2201 {
        for s in customary_breaks(year) {
            assert!(
                s.first >= NaiveDate::from_ymd_opt(year - 1, 12, 1).unwrap()
                    && s.last <= NaiveDate::from_ymd_opt(year, 11, 30).unwrap(),
                "{year}: {s:?}"
            );
        }
    }
}

#[test]
fn skipping_years_without_estimated_days_names_the_same_holidays() {
    let shipped = crate::policy::PolicySet::embedded().unwrap().calendar;
    let calendars = [
        ("crate only", cal()),
        ("shipped notices", shipped.clone()),
        ("2026 as if unpublished", shipped.as_if_unpublished(2026)),
        ("a 2027 pack", shipped.with_years([pack_2027()])),
    ];
    let mut nonempty = 0;
    for (what, c) in &calendars {
        let mut from = d("2024-10-01");
        while from < d("2028-06-01") {
            for months in [0, 1, 3, 7, 13] {
                let to = from + chrono::Months::new(months);
                let fast = c.estimated_holidays(from, to);
                assert_eq!(
                    fast,
                    estimated_holidays_in_full(c, from, to),
                    "{what}: {from}..{to}"
                );
                nonempty += usize::from(!fast.is_empty());
            }
            from = from + Days::new(9);
        }
    }
    // The comparison saw both answers.
    assert!(nonempty > 100, "{nonempty}");
}
