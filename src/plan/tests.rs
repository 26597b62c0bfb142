//! Rules of the plan, each with its boundary days, on the fixture policy
//! set (`crate::policy::fixture`): editing `data/` does not change them.
//! Facts of the shipped data are checked in `tests/data.rs`.

use super::*;
use crate::policy::PolicySet;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn policy() -> PolicySet {
    crate::policy::fixture::policy()
}

fn answers(region: &str, disease: &str, end: &str) -> Answers {
    Answers {
        region: region.into(),
        scheme: Scheme::Employee,
        disease: disease.into(),
        validity_end: d(end),
        cross_province: false,
        retired: false,
    }
}

fn plan(a: &Answers, today: &str) -> RenewalPlan {
    compute(&policy(), a, d(today)).unwrap()
}

/// The plan's window, which every plan here has.
fn win(p: &RenewalPlan) -> &RenewalWindow {
    p.window.as_ref().expect("a plan with a window")
}

fn codes(p: &RenewalPlan) -> Vec<&'static str> {
    p.warnings.iter().map(|w| w.code()).collect()
}

#[test]
fn window_is_calendar_months_clamped_to_month_end() {
    assert_eq!(
        renewal_window(d("2026-05-31"), 3),
        (d("2026-02-28"), d("2026-05-31"))
    );
    assert_eq!(
        renewal_window(d("2028-05-31"), 3),
        (d("2028-02-29"), d("2028-05-31"))
    );
    assert_eq!(
        renewal_window(d("2026-03-31"), 3),
        (d("2025-12-31"), d("2026-03-31"))
    );
    assert_eq!(
        renewal_window(d("2026-08-31"), 6),
        (d("2026-02-28"), d("2026-08-31"))
    );
}

#[test]
fn status_on_the_boundary_days() {
    let (o, c) = (d("2025-12-31"), d("2026-03-31"));
    assert_eq!(status(d("2025-12-30"), o, c), Status::NotYetOpen);
    assert_eq!(status(o, o, c), Status::Open, "the opening day is inside");
    assert_eq!(status(c, o, c), Status::Open, "the closing day is inside");
    assert_eq!(status(d("2026-04-01"), o, c), Status::Expired);
}

#[test]
fn days_left_on_each_boundary_of_a_three_month_window() {
    let a = answers("fx-exact", "diabetes", "2026-03-31");
    let before = plan(&a, "2025-12-30");
    assert_eq!(before.status, Status::NotYetOpen);
    assert_eq!(before.days_until_open, Some(1));
    assert_eq!(before.days_left, Some(91));
    assert_eq!(
        before.reference_day,
        d("2025-12-31"),
        "dates count from the opening day"
    );
    assert!(codes(&before).contains(&"not_yet_open"));

    let opening = plan(&a, "2025-12-31");
    assert_eq!(
        (opening.status, opening.days_left, opening.days_until_open),
        (Status::Open, Some(90), None)
    );

    let last = plan(&a, "2026-03-31");
    assert_eq!((last.status, last.days_left), (Status::Open, Some(0)));

    let after = plan(&a, "2026-04-01");
    assert_eq!(
        (after.status, after.days_left, after.days_overdue),
        (Status::Expired, Some(-1), Some(1))
    );
    assert!(codes(&after).contains(&"window_closed"));
}

#[test]
fn exact_materials_age_and_each_channel_dates() {
    let p = plan(&answers("fx-exact", "diabetes", "2026-03-31"), "2026-01-15");
    assert_eq!(win(&p).opens, d("2025-12-31"));
    assert!(!win(&p).assumed);
    let m = p.materials.as_ref().unwrap();
    assert_eq!((m.months, m.earliest_date), (12, d("2025-01-15")));
    let records = p
        .documents
        .iter()
        .find(|x| x.id == "medical-records")
        .unwrap();
    assert_eq!(records.earliest_date, Some(d("2025-01-15")));
    let id = p.documents.iter().find(|x| x.id == "id-card").unwrap();
    assert_eq!(id.earliest_date, None, "an ID card has no recency rule");

    let offline = p
        .channels
        .iter()
        .find(|c| c.kind == ChannelKind::Offline)
        .unwrap();
    assert!(offline.review.instant);
    assert_eq!(offline.expected_result, Some(d("2026-01-15")));
    assert_eq!(
        offline.apply_by,
        Some(d("2026-03-31")),
        "instant: the last working day, a Tuesday"
    );
    let online = p
        .channels
        .iter()
        .find(|c| c.kind == ChannelKind::Online)
        .unwrap();
    assert_eq!(online.review.working_days, Some(5));
    // Thu 01-15 + 5 working days: 16, 19, 20, 21, 22.
    assert_eq!(online.expected_result, Some(d("2026-01-22")));
    // 03-24 (Tue) + 5: 25, 26, 27, 30, 31.
    assert_eq!(online.apply_by, Some(d("2026-03-24")));
    let by = p.apply_by.as_ref().unwrap();
    assert_eq!(
        (by.date, by.channel.as_str(), by.working_days),
        (d("2026-03-24"), online.id.as_str(), 5)
    );
    assert_eq!(
        codes(&p),
        vec!["unofficial_source"],
        "only that the source is a third-party summary"
    );
}

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
fn too_late_for_a_result_inside_the_window_is_a_warning() {
    let p = plan(
        &answers("fx-exact", "hypertension", "2026-03-31"),
        "2026-03-30",
    );
    assert_eq!(p.status, Status::Open);
    assert!(codes(&p).contains(&"result_after_end"));
}

#[test]
fn typical_review_counts_notification_and_benefits_continue_during_review() {
    let p = plan(
        &answers("fx-typical", "hypertension", "2026-06-30"),
        "2026-04-01",
    );
    assert_eq!(win(&p).opens, d("2026-03-30"));
    assert_eq!(p.late.continuity_during_review.value, Some(true));
    assert!(
        p.late
            .consequence
            .value
            .as_deref()
            .unwrap()
            .contains("重新")
    );
    let m = p.materials.as_ref().unwrap();
    assert!(m.approximate);
    assert_eq!((m.months, m.earliest_date), (6, d("2025-10-01")));
    let ch = &p.channels[0];
    assert_eq!(
        (ch.review.working_days, ch.review.notify_working_days),
        (Some(5), Some(3))
    );
    // 04-01 Wed + 8 working days; 04-04..06 清明 off: 2, 3, 7, 8, 9, 10, 13, 14.
    assert_eq!(ch.expected_result, Some(d("2026-04-14")));
    assert!(p.channels.iter().any(|c| c.kind == ChannelKind::Online));
    assert!(p.example_figures.is_some());
}

#[test]
fn no_window_in_the_source_is_an_assumption_with_a_warning() {
    let p = plan(
        &answers("fx-assumed", "leukemia", "2026-06-30"),
        "2026-05-01",
    );
    assert!(win(&p).assumed);
    assert_eq!(win(&p).months, Some(3));
    assert_eq!(win(&p).opens, d("2026-03-30"));
    assert!(p.materials.is_none(), "no age rule in the source");
    let c = codes(&p);
    assert!(c.contains(&"window_assumed"));
    assert!(c.contains(&"sources_old"), "the guide is from 2020");
    assert_eq!(
        win(&p).basis.as_deref(),
        Some(policy().national.assumed_window_note.as_str())
    );
    let office = p
        .channels
        .iter()
        .find(|c| c.id == "social-insurance-office")
        .unwrap();
    assert!(
        office.review.instant_for_disease,
        "白血病 is decided at once"
    );
    assert!(
        office
            .contacts
            .iter()
            .any(|c| c.phone.as_deref() == Some("10000001"))
    );
}

#[test]
fn contacts_for_one_scheme_are_shown_only_to_it() {
    let mut a = answers("fx-assumed", "epilepsy", "2026-06-30");
    let phones = |p: &RenewalPlan| -> Vec<String> {
        p.channels
            .iter()
            .flat_map(|c| c.contacts.iter().filter_map(|x| x.phone.clone()))
            .collect()
    };
    let employee = phones(&plan(&a, "2026-05-01"));
    a.scheme = Scheme::Resident;
    let resident = phones(&plan(&a, "2026-05-01"));
    assert!(
        employee.contains(&"10000002".to_string()) && !employee.contains(&"10000003".to_string())
    );
    assert!(
        resident.contains(&"10000003".to_string()) && !resident.contains(&"10000002".to_string())
    );
    assert!(
        employee.contains(&"10000001".to_string()) && resident.contains(&"10000001".to_string())
    );
}

#[test]
fn a_first_application_only_channel_is_never_in_a_renewal_plan() {
    // Only for people who never held the benefit (从未办理过): no renewal
    // plan offers it, whatever the disease.
    for disease in ["epilepsy", "leukemia"] {
        let p = plan(&answers("fx-assumed", disease, "2026-06-30"), "2026-05-01");
        assert!(p.channels.iter().all(|c| c.id != "instant-hospital"));
    }
}

#[test]
fn six_month_window_and_unknown_cycle() {
    let p = plan(&answers("fx-six", "diabetes", "2026-08-31"), "2026-03-01");
    assert_eq!(win(&p).opens, d("2026-02-28"));
    assert_eq!(p.status, Status::Open);
    assert!(p.cycle_years.value.is_none());
    assert_eq!(p.late.continuity_during_review.value, Some(true));
    assert!(
        !p.no_channel.is_empty(),
        "no online channel, and it says so"
    );
}

#[test]
fn generic_region_warns_loudly() {
    let p = plan(
        &answers("generic", "hypertension", "2026-06-30"),
        "2026-05-01",
    );
    let c = codes(&p);
    assert!(c.contains(&"region_generic") && c.contains(&"window_assumed"));
}

#[test]
fn other_disease_is_offered_with_a_warning() {
    let p = plan(&answers("fx-exact", "other", "2026-06-30"), "2026-05-01");
    assert!(p.disease.other);
    assert!(codes(&p).contains(&"disease_unlisted"));
}

#[test]
fn cross_province_adds_steps_and_checks_direct_settlement() {
    let mut a = answers("fx-exact", "diabetes", "2026-06-30");
    a.cross_province = true;
    let p = plan(&a, "2026-05-01");
    let cp = p.cross_province_info.as_ref().unwrap();
    assert_eq!(cp.steps.len(), 2, "the national steps");
    assert!(cp.direct_settlement);
    assert!(
        p.documents
            .iter()
            .any(|x| x.origin == DocumentOrigin::CrossProvince)
    );
    assert!(
        p.sources.iter().any(|s| s.id == "fx-qa"),
        "with their source"
    );

    let mut a = answers("fx-exact", "renal-failure", "2026-06-30");
    a.cross_province = true;
    let p = plan(&a, "2026-05-01");
    assert!(!p.cross_province_info.as_ref().unwrap().direct_settlement);
    assert!(codes(&p).contains(&"no_direct_settlement"));

    let p = plan(&answers("fx-exact", "diabetes", "2026-06-30"), "2026-05-01");
    assert!(p.cross_province_info.is_none());
    assert!(
        !p.documents
            .iter()
            .any(|x| x.origin == DocumentOrigin::CrossProvince)
    );
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

#[test]
fn old_data_is_flagged_against_today() {
    // 丁市's notice is dated 2025-06-25.
    let a = answers("fx-six", "diabetes", "2028-03-31");
    assert!(!codes(&plan(&a, "2026-05-06")).contains(&"sources_old"));
    let later = plan(&a, "2028-01-15");
    assert!(codes(&later).contains(&"sources_old"));
    assert!(codes(&later).contains(&"verified_old"));
    // 甲市's only source is undated: no age to compare, the check date still is.
    let a = answers("fx-exact", "diabetes", "2028-03-31");
    let later = plan(&a, "2028-01-15");
    assert!(!codes(&later).contains(&"sources_old"));
    assert!(codes(&later).contains(&"verified_old"));
}

#[test]
fn an_end_date_far_ahead_is_questioned() {
    let p = plan(&answers("fx-exact", "diabetes", "2040-03-31"), "2026-01-15");
    assert!(codes(&p).contains(&"end_far_ahead"));
}

#[test]
fn unknown_ids_are_errors_not_panics() {
    let pol = policy();
    let a = answers("atlantis", "diabetes", "2026-03-31");
    assert!(
        matches!(compute(&pol, &a, d("2026-01-01")), Err(PlanError::UnknownRegion(id)) if id == "atlantis")
    );
    let a = answers("fx-exact", "flu", "2026-03-31");
    assert!(matches!(
        compute(&pol, &a, d("2026-01-01")),
        Err(PlanError::UnknownDisease { .. })
    ));
}

#[test]
fn every_region_and_disease_plans_without_panic() {
    let pol = policy();
    for r in &pol.regions {
        for dis in &r.diseases {
            for scheme in Scheme::ALL {
                for cross in [false, true] {
                    let a = Answers {
                        region: r.id.clone(),
                        scheme,
                        disease: dis.id.clone(),
                        validity_end: d("2026-02-28"),
                        cross_province: cross,
                        retired: false,
                    };
                    let p = compute(&pol, &a, d("2026-01-10")).unwrap();
                    assert!(!p.documents.is_empty(), "{} {}", r.id, dis.id);
                    assert!(!p.sources.is_empty());
                    // No window only where the source says none is needed.
                    match &p.window {
                        Some(w) => assert!(w.opens <= w.closes),
                        None => assert_eq!(p.status, Status::NoRenewal),
                    }
                }
            }
        }
    }
}

#[test]
fn review_times_that_skipped_validation_neither_overflow_nor_hang() {
    // Data built in code skips `validate`: a review of u32::MAX working days
    // plus a notice must not wrap to 0 days, panic, or count for ever.
    let mut pol = policy();
    let fcg = pol
        .regions
        .iter_mut()
        .find(|r| r.id == "fx-typical")
        .unwrap();
    for ch in &mut fcg.channels {
        ch.review.working_days = Some(u32::MAX);
        ch.review.notify_working_days = Some(3);
    }
    let a = answers("fx-typical", "hypertension", "2026-06-30");
    let p = compute(&pol, &a, d("2026-05-01")).unwrap();
    for ch in &p.channels {
        assert_eq!(ch.expected_result, None, "{}", ch.id);
        assert_eq!(ch.apply_by, None, "{}", ch.id);
    }
    assert_eq!(p.apply_by, None);
    // Counting up to the last date chrono knows stops there.
    let last = NaiveDate::MAX;
    let cal = crate::calendar::Calendar::new();
    let c = cal.add_working_days(last.pred_opt().unwrap(), 10);
    assert_eq!(c.date, last);
    assert!(c.estimated);
    assert!(cal.next_working_day(last).date == last);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn window_and_status_agree_for_any_dates(end in 0i64..36_500, today in 0i64..36_500, months in 1u32..=24) {
            let base = d("2000-01-01");
            let end = base + chrono::Duration::days(end);
            let today = base + chrono::Duration::days(today);
            let (opens, closes) = renewal_window(end, months);
            prop_assert!(opens < closes);
            prop_assert_eq!(closes, end);
            prop_assert!((closes - opens).num_days() <= i64::from(months) * 31);
            prop_assert!((closes - opens).num_days() >= i64::from(months) * 28);
            let s = status(today, opens, closes);
            prop_assert_eq!(s == Status::Open, opens <= today && today <= closes);
        }

        #[test]
        fn plan_dates_are_consistent(end in 0i64..4_000, today in 0i64..4_000) {
            // 2024..2035: the notices, then the statutory-day estimate.
            let base = d("2024-01-01");
            let pol = policy();
            let a = Answers { validity_end: base + chrono::Duration::days(end), ..answers("fx-exact", "diabetes", "2024-01-01") };
            let today = base + chrono::Duration::days(today);
            let p = compute(&pol, &a, today).unwrap();
            prop_assert_eq!(p.days_left, Some((win(&p).closes - today).num_days()));
            for ch in &p.channels {
                if let Some(by) = ch.apply_by {
                    prop_assert!(by >= win(&p).opens && by <= win(&p).closes);
                    prop_assert!(pol.calendar.is_working_day(by));
                    prop_assert!(!pol.calendar.is_statutory(by), "{by} is a statutory day off");
                    prop_assert_eq!(ch.apply_by_estimated || !pol.calendar.is_estimated(by), true);
                }
                if let Some(r) = ch.expected_result {
                    prop_assert!(r >= p.reference_day);
                    prop_assert!(pol.calendar.is_working_day(r) && !pol.calendar.is_statutory(r));
                    prop_assert_eq!(ch.result_estimated || !pol.calendar.is_estimated(r), true);
                }
            }
        }
    }
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
    crate::i18n::set_lang(crate::i18n::Lang::ZhHans);
    let text = render::warning_text(w);
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

/// A disease settles directly across provinces from the month the national
/// list says it joined (fixture: 高血压, 糖尿病 since 2021-09; 慢阻肺, 类风湿,
/// 冠心病 since 2024-12), with that month and its source.
#[test]
fn direct_settlement_starts_in_the_month_a_disease_joined() {
    let pol = policy();
    let cross = |region: &str, disease: &str, today: &str| {
        let mut a = answers(region, disease, "2027-06-30");
        a.cross_province = true;
        compute(&pol, &a, d(today)).unwrap()
    };
    for (region, disease) in [
        ("fx-six", "copd"),
        ("fx-assumed", "rheumatoid-arthritis"),
        ("generic", "coronary-heart-disease"),
    ] {
        let p = cross(region, disease, "2026-11-23");
        let cp = p.cross_province_info.as_ref().unwrap();
        assert!(cp.direct_settlement, "{region} {disease}");
        assert_eq!(cp.direct_settlement_joined.as_deref(), Some("2024-12"));
        assert_eq!(
            cp.direct_settlement_since.source.as_deref(),
            Some("fx-notice-2024")
        );
        assert!(!codes(&p).contains(&"no_direct_settlement"));
    }
    // Before then, not yet.
    let p = cross("fx-six", "copd", "2024-10-01");
    assert!(!p.cross_province_info.as_ref().unwrap().direct_settlement);
    assert!(codes(&p).contains(&"no_direct_settlement"));
    // "By the end of 2024-12": from its last day.
    let p = cross("fx-six", "copd", "2024-12-30");
    assert!(!p.cross_province_info.as_ref().unwrap().direct_settlement);
    let p = cross("fx-six", "copd", "2024-12-31");
    assert!(p.cross_province_info.as_ref().unwrap().direct_settlement);
    // An early one.
    let p = cross("fx-six", "diabetes", "2024-10-01");
    let cp = p.cross_province_info.as_ref().unwrap();
    assert!(cp.direct_settlement);
    assert_eq!(cp.direct_settlement_joined.as_deref(), Some("2021-09"));
    // Not on the list at all.
    let p = cross("fx-six", "tuberculosis", "2026-11-23");
    assert!(codes(&p).contains(&"no_direct_settlement"));
}

fn p_calendar_estimates(day: NaiveDate) -> bool {
    policy().calendar.is_estimated(day)
}

/// 2026's notice is in the data to its last day: the warning names the day
/// the estimate starts (2027-01-01), not "2026's schedule is missing".
#[test]
fn the_estimate_warning_says_from_which_day() {
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
    crate::i18n::set_lang(crate::i18n::Lang::ZhHans);
    let text = render::warning_text(w);
    assert!(text.starts_with("2027-01-01 以后的放假安排"), "{text}");
    assert!(!text.contains("2026、2027年"), "{text}");
}

/// 甲市 with `edit` applied to its data, planned for 糖尿病 on a fixed day.
fn exact_diabetes_with(edit: impl FnOnce(&mut crate::policy::Region)) -> RenewalPlan {
    let mut pol = policy();
    let region = pol.regions.iter_mut().find(|r| r.id == "fx-exact").unwrap();
    edit(region);
    compute(
        &pol,
        &answers("fx-exact", "diabetes", "2026-06-30"),
        d("2026-05-06"),
    )
    .unwrap()
}

fn channel<'a>(p: &'a RenewalPlan, id: &str) -> &'a PlanChannel {
    p.channels.iter().find(|c| c.id == id).unwrap()
}

#[test]
fn a_disease_routed_to_some_channels_gets_dates_only_from_them() {
    // As shipped, the 5-day online review sets the headline.
    let p = exact_diabetes_with(|_| {});
    assert_eq!(p.apply_by.as_ref().unwrap().channel, "wechat");

    let p = exact_diabetes_with(|r| {
        let dm = r.diseases.iter_mut().find(|x| x.id == "diabetes").unwrap();
        dm.channels = Some(vec!["hospital-office".into()]);
    });
    let online = channel(&p, "wechat");
    assert!(!online.serves_disease);
    assert_eq!((online.apply_by, online.expected_result), (None, None));
    assert!(channel(&p, "hospital-office").serves_disease);
    assert_eq!(p.apply_by.as_ref().unwrap().channel, "hospital-office");
}

#[test]
fn a_first_application_only_channel_is_not_offered_for_renewal() {
    let p = exact_diabetes_with(|r| {
        let ch = r.channels.iter_mut().find(|c| c.id == "wechat").unwrap();
        ch.first_application_only = true;
    });
    assert!(p.channels.iter().all(|c| c.id != "wechat"));
    assert_eq!(p.apply_by.as_ref().unwrap().channel, "hospital-office");
}

#[test]
fn an_unknown_review_time_never_sets_the_headline() {
    let p = exact_diabetes_with(|r| {
        let ch = r.channels.iter_mut().find(|c| c.id == "wechat").unwrap();
        ch.review.working_days_min = None;
        ch.review.working_days = None;
        ch.review.notify_working_days = Some(3);
    });
    let online = channel(&p, "wechat");
    assert_eq!((online.apply_by, online.expected_result), (None, None));
    assert_eq!(p.apply_by.as_ref().unwrap().channel, "hospital-office");

    // Nothing known at all: no headline date rather than a guessed one.
    let p = exact_diabetes_with(|r| {
        for ch in &mut r.channels {
            ch.review.instant = false;
            ch.review.working_days_min = None;
            ch.review.working_days = None;
        }
    });
    assert_eq!(p.apply_by, None);
    assert!(p.channels.iter().all(|c| c.apply_by.is_none()));
}

/// Issue 11 §4: a cycle of "2 or 5 years" keeps the source's note (甲市:
/// it depends on the disease), in every output.
#[test]
fn a_cycle_keeps_its_note_in_every_output() {
    let p = plan(&answers("fx-exact", "diabetes", "2026-03-31"), "2026-01-15");
    let rules = render::rules(&p).join("\n");
    assert!(rules.contains("测试：周期依病种而定"), "{rules}");
    assert!(crate::document::plan_text(&p, 200).contains("测试：周期依病种而定"));
    assert!(crate::document::plan_markdown(&p).contains("测试：周期依病种而定"));
}

/// Issue 11 §3: example figures given for 在职/退休 are for employees
/// (乙市's say so); a resident is not shown the 在职 column as theirs.
#[test]
fn employee_example_ratios_are_not_shown_to_residents_as_theirs() {
    let mut a = answers("fx-typical", "diabetes", "2026-07-31");
    a.scheme = Scheme::Resident;
    let p = plan(&a, "2026-05-06");
    for out in [
        crate::document::plan_text(&p, 200),
        crate::document::plan_markdown(&p),
    ] {
        assert!(out.contains("来源没有给出城乡居民医保"), "{out}");
        for line in out.lines().filter(|l| l.contains("在职")) {
            assert!(
                line.contains("职工在职") || line.contains("是职工医保的示例"),
                "a resident sees 在职 as theirs: {line}"
            );
        }
    }
    // Employees keep their plain columns and no such note.
    let p = plan(
        &answers("fx-typical", "diabetes", "2026-07-31"),
        "2026-05-06",
    );
    assert!(!crate::document::plan_text(&p, 200).contains("来源没有给出城乡居民医保"));
    assert!(crate::document::plan_text(&p, 200).contains("在职报销 70%"));
}

/// Issue 11 §3: a typical review (乙市's 5 + 3 working days, 一般) may
/// take longer: never "最长".
#[test]
fn a_typical_review_time_is_never_called_a_maximum() {
    let p = plan(
        &answers("fx-typical", "diabetes", "2026-07-31"),
        "2026-05-06",
    );
    let a = p.apply_by.as_ref().unwrap();
    assert!(a.typical);
    for out in [
        crate::document::plan_text(&p, 200),
        crate::document::plan_markdown(&p),
    ] {
        assert!(!out.contains("最长 8"), "{out}");
        assert!(out.contains("一般 8 个工作日"), "{out}");
        assert!(out.contains("专家复评"), "{out}");
    }
    // Too late for the usual time: the warning does not call it the longest.
    let late = plan(
        &answers("fx-typical", "diabetes", "2026-07-31"),
        "2026-07-28",
    );
    let w = late
        .warnings
        .iter()
        .find(|w| w.code() == "result_after_end")
        .expect("a result-after-end warning");
    let text = render::warning_text(w);
    assert!(!text.contains("最长") && text.contains("一般"), "{text}");
    // 甲市's online review is "5个工作日内完成": a maximum, still said so.
    let p = plan(&answers("fx-exact", "diabetes", "2026-03-31"), "2026-01-15");
    assert!(!p.apply_by.as_ref().unwrap().typical);
    assert!(crate::document::plan_text(&p, 200).contains("最长 5 个工作日"));
}

/// Issue 11 §3: what the source says about benefits during review (乙市:
/// refused means benefits stop after the end date) is in every output (the
/// wizard shows the text sections).
#[test]
fn the_benefits_during_review_note_is_in_every_output() {
    let p = plan(
        &answers("fx-typical", "diabetes", "2026-07-31"),
        "2026-05-06",
    );
    let needle = "乙市审核未通过者自届满次日起停止待遇";
    let flat = |s: &str| s.lines().map(str::trim).collect::<String>();
    let sections: String = crate::document::text::lines(
        &crate::document::build(&p, None),
        crate::document::text::Layout::terminal(80),
    )
    .into_iter()
    .map(|l| l.text.trim().to_string())
    .collect();
    for (what, out) in [
        ("text", flat(&crate::document::plan_text(&p, 80))),
        ("markdown", flat(&crate::document::plan_markdown(&p))),
        ("sections", sections),
    ] {
        assert!(out.contains(needle), "{what}: {out}");
    }
}

/// Issue 11 §3: a region's rules may be for its listed diseases only (潜江's
/// 12 with a re-review deadline). Another disease gets a plan that says the
/// source sets no deadline for it, and whom to ask; the listed keep their
/// 6-month rule.
#[test]
fn a_disease_outside_the_regions_rules_gets_no_rules_of_its_own() {
    let pol = policy();
    let region = pol.region("fx-six").unwrap();
    assert!(region.open_disease_list);
    let p = plan(&answers("fx-six", "other", "2026-12-31"), "2026-05-06");
    assert!(win(&p).assumed, "no window of its own: {:?}", p.window);
    assert_eq!(p.late.continuity_during_review.value, None);
    assert_eq!(p.late.consequence.value, None);
    assert_eq!(p.cycle_years.value, None);
    assert!(codes(&p).contains(&"window_assumed"));
    assert!(codes(&p).contains(&"disease_unlisted"));
    let text = crate::document::plan_text(&p, 200);
    assert!(
        text.contains("测试：页面没有为其他病种规定复审期限"),
        "{text}"
    );
    assert!(text.contains("请向丁市医疗保障局咨询"), "{text}");
    assert!(
        !text.contains("复审期间按原病种继续享受待遇（丁市）"),
        "{text}"
    );

    let listed = plan(&answers("fx-six", "diabetes", "2026-12-31"), "2026-05-06");
    assert_eq!(
        (win(&listed).months, win(&listed).assumed),
        (Some(6), false)
    );
    assert_eq!(listed.late.continuity_during_review.value, Some(true));
}

/// Issue 11 §3: sources are shown by title, publisher and date with their
/// standing, never by an internal file name; seeds 000 and 003 are
/// third-party summaries; an undated source has no year; a newspaper is MED;
/// the check date does not read as "still current".
#[test]
fn sources_show_title_publisher_date_and_standing() {
    for (region, disease, end) in [
        ("fx-exact", "diabetes", "2026-03-31"),
        ("fx-typical", "diabetes", "2026-07-31"),
    ] {
        let mut a = answers(region, disease, end);
        a.cross_province = true;
        let p = plan(&a, "2026-05-06");
        let seed = &p.sources[0];
        assert_eq!(seed.confidence, crate::policy::Confidence::ThirdParty);
        assert_eq!(seed.published, None, "the page gives no date");
        assert!(codes(&p).contains(&"unofficial_source"), "{region}");
        let w = p
            .warnings
            .iter()
            .find(|w| w.code() == "unofficial_source")
            .unwrap();
        let wt = render::warning_text(w);
        assert!(wt.contains("打电话") && wt.contains("窗口"), "{wt}");
        for out in [
            crate::document::plan_text(&p, 200),
            crate::document::plan_markdown(&p),
        ] {
            assert!(!out.contains(".txt"), "{region}: {out}");
            assert!(!out.contains("MORE-SOURCES"), "{region}: {out}");
            assert!(
                out.contains("第三方网站整理，非官方公告"),
                "{region}: {out}"
            );
            assert!(out.contains("发布日期不详"), "{region}: {out}");
            assert!(!out.contains("（2025）"), "{region}: {out}");
            assert!(!out.contains("最后核对于"), "{region}: {out}");
        }
    }
    let p = plan(&answers("fx-six", "diabetes", "2026-12-31"), "2026-05-06");
    assert!(!codes(&p).contains(&"unofficial_source"));
    let text = crate::document::plan_text(&p, 200);
    assert!(
        text.contains("丁市医疗保障局，官方发布，发布于 2025-06-25"),
        "{text}"
    );
}

/// Every piece of policy text a plan carries, and the sentences built from
/// it, for comparing outputs.
fn plan_facts(p: &RenewalPlan) -> Vec<String> {
    let mut v: Vec<String> = vec![p.caution.clone()];
    if p.cross_province {
        v.push(crate::i18n::t("plan.cross_province_yes").to_string());
    }
    v.extend(render::rules(p));
    v.extend(p.warnings.iter().map(render::warning_text));
    if let Some(a) = &p.apply_by {
        v.push(a.date.to_string());
    }
    for d in &p.documents {
        v.extend([d.name.clone(), d.why.clone()]);
        v.extend(d.note.clone());
        v.extend(d.earliest_date.map(|e| e.to_string()));
    }
    for c in &p.channels {
        v.extend([c.name.clone(), c.location.clone(), c.review.text.clone()]);
        v.extend(c.hours.clone());
        v.extend(c.materials_form.clone());
        v.extend(c.suits.clone());
        v.extend(c.pros.iter().chain(&c.cons).chain(&c.steps).cloned());
        v.extend(c.limitations.iter().cloned());
        v.extend(c.expected_result.map(|d| d.to_string()));
        v.extend(c.apply_by.map(|d| d.to_string()));
        for k in &c.contacts {
            v.push(k.name.clone());
            v.extend(k.address.clone());
            v.extend(k.phone.clone());
            v.extend(k.hours.clone());
            v.extend(k.note.clone());
        }
    }
    v.extend(p.no_channel.iter().map(|n| n.text.clone()));
    if let Some(cp) = &p.cross_province_info {
        for s in &cp.steps {
            v.extend([s.title.clone(), s.text.clone()]);
        }
        v.push(cp.principle.text.clone());
        v.extend(cp.direct_settlement_name.clone());
        v.extend(cp.direct_settlement_since.value.clone());
        for n in cp.other_diseases.iter().chain(&cp.notes) {
            v.extend([n.title.clone(), n.text.clone()]);
        }
    }
    if let Some(ex) = &p.example_figures {
        v.push(ex.note.clone());
        for r in &ex.rows {
            v.push(r.disease.clone());
            v.extend(r.annual_limit_yuan.map(|x| x.to_string()));
            v.extend(r.ratio_active_pct.map(|x| format!("{x}%")));
            v.extend(r.ratio_retired_pct.map(|x| format!("{x}%")));
        }
    }
    for n in p.notes.iter().chain(&p.still_matters) {
        v.extend([n.title.clone(), n.text.clone()]);
    }
    v.extend(p.renewal_scope.iter().map(|s| s.text.clone()));
    v.extend(p.extension.iter().map(|x| x.text.clone()));
    for x in p.channels.iter().filter_map(|c| c.extension.as_ref()) {
        v.extend([x.result.clone(), x.fallback_text.clone()]);
        v.extend(x.diseases.iter().cloned());
    }
    v.extend(p.sources.iter().map(render::source_line));
    v.push(p.verified_on.to_string());
    v
}

/// Facts only in the channel comparison table: a drawn table wraps each
/// cell inside its column, so they are compared on unwrapped layouts.
fn table_facts(p: &RenewalPlan) -> Vec<String> {
    let mut v = Vec::new();
    for c in &p.channels {
        v.push(c.location.clone());
        v.extend(c.hours.clone());
        v.extend(c.materials_form.clone());
        v.extend(c.suits.clone());
        v.extend(c.pros.iter().chain(&c.cons).cloned());
    }
    v
}

/// Sentences the program builds around the data, which every output must
/// say the same way (the old Markdown dropped the purpose label).
fn labelled_facts(p: &RenewalPlan) -> Vec<String> {
    use crate::i18n::{t, tf};
    let mut v = vec![render::status_words(p)];
    v.extend(render::apply_by_line(p));
    for choice in crate::checklist::choices_for(p) {
        v.push(crate::checklist::choice_intro(&choice));
        v.extend((0..choice.routes.len()).map(|n| crate::checklist::route_label(&choice, n)));
    }
    v.extend(p.window.iter().flat_map(render::window_words));
    v.extend(render::no_renewal_words(p));
    v.extend(render::extension_words(p));
    v.extend(render::validity_words(p));
    v.extend(
        p.channels
            .iter()
            .filter_map(render::channel_extension_words),
    );
    for d in &p.documents {
        v.push(format!("{}{}", t("plan.why"), d.why));
        v.extend(
            d.earliest_date
                .map(|date| tf("plan.dated_after", &[("date", &date)])),
        );
    }
    for c in &p.channels {
        v.push(format!("{}{}", t("plan.review_label"), c.review.text));
        for k in &c.contacts {
            v.extend(
                k.phone
                    .as_ref()
                    .map(|ph| format!("{}{ph}", t("plan.phone"))),
            );
        }
    }
    v
}

/// Issue 10 §2: text (wrapped and unwrapped), Markdown and the wizard's
/// lines are rendered from one document and carry the same facts: every
/// policy text, date, phone number, address, document name, warning and
/// sentence the program builds, for every region, disease, scheme and
/// status, on the fixture set and on the shipped data (a renderer that
/// drops a fact for some text in `data/` is a renderer bug, so this is a
/// rule test on both).
#[test]
fn text_markdown_and_wizard_carry_the_same_facts() {
    use crate::document::{SectionKind, build, markdown, text};
    use crate::tui::{document_view, theme::Theme};
    // Wrapping breaks text at spaces, Markdown escapes `|`.
    let norm = |s: &str| -> String {
        s.replace("\\|", "|")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let theme = Theme {
        color: false,
        ascii: false,
        high_contrast: false,
    };
    let all = [
        SectionKind::Summary,
        SectionKind::Window,
        SectionKind::Warnings,
        SectionKind::Documents,
        SectionKind::Channels,
        SectionKind::CrossProvince,
        SectionKind::Examples,
        SectionKind::Notes,
        SectionKind::Sources,
    ];
    let tui = |doc: &crate::document::Document, width: usize| -> String {
        document_view::section_lines(doc, &all, width, &theme)
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut checked = 0;
    for pol in [policy(), PolicySet::embedded().unwrap()] {
        for region in &pol.regions {
            for disease in &region.diseases {
                for (scheme, cross, today) in [
                    (Scheme::Employee, true, "2026-06-20"),
                    (Scheme::Resident, false, "2026-09-15"),
                    (Scheme::Employee, false, "2026-01-10"),
                ] {
                    let a = Answers {
                        region: region.id.clone(),
                        scheme,
                        disease: disease.id.clone(),
                        validity_end: d("2026-08-31"),
                        cross_province: cross,
                        retired: false,
                    };
                    let p = compute(&pol, &a, d(today)).unwrap();
                    let doc = build(&p, None);
                    let unwrapped = text::Layout {
                        width: None,
                        ..text::Layout::terminal(0)
                    };
                    let whole = [
                        ("text unwrapped", norm(&text::render(&doc, unwrapped))),
                        ("plain", norm(&crate::document::plan_text_linear(&p))),
                        ("markdown", norm(&markdown::render(&doc))),
                        ("wizard wide", norm(&tui(&doc, 2000))),
                    ];
                    let wrapped = [
                        ("text 80", norm(&crate::document::plan_text(&p, 80))),
                        ("wizard 60", norm(&tui(&doc, 60))),
                    ];
                    let in_table = table_facts(&p);
                    let facts = plan_facts(&p)
                        .into_iter()
                        .chain(labelled_facts(&p))
                        .chain(in_table.iter().cloned());
                    for fact in facts {
                        let f = norm(&fact);
                        if f.is_empty() {
                            continue;
                        }
                        let outputs: Vec<_> = whole
                            .iter()
                            .chain(wrapped.iter().filter(|_| !in_table.contains(&fact)))
                            .collect();
                        // Some data is shown only with other data (the date
                        // direct settlement began, with its name).
                        if !outputs.iter().any(|(_, out)| out.contains(&f)) {
                            continue;
                        }
                        for (what, out) in outputs {
                            checked += 1;
                            assert!(
                                out.contains(&f),
                                "{} {} {scheme:?} {today}: not in {what}: {fact}",
                                region.id,
                                disease.id
                            );
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 10_000, "compared {checked} facts");
}

/// Issue 11 §4: once the apply-by day has passed, or the window has closed,
/// the headline says what that means now and what to do, never a past
/// "apply by … so the result comes in time".
#[test]
fn a_passed_apply_by_day_is_said_as_such_in_the_headline() {
    let a = answers("fx-typical", "diabetes", "2026-07-31");
    let flat = |s: &str| s.lines().map(str::trim).collect::<String>();
    // Expired.
    let p = plan(&a, "2026-08-20");
    assert_eq!(p.status, Status::Expired);
    for out in [
        flat(&crate::document::plan_text(&p, 80)),
        flat(&crate::document::plan_markdown(&p)),
    ] {
        assert!(!out.contains("建议最晚在"), "{out}");
        assert!(!out.contains("结果能在有效期内出来"), "{out}");
        assert!(out.contains("申请期已于 2026-07-31 关闭"), "{out}");
        assert!(out.contains("重新认定"), "{out}");
    }
    // Open, but too late for the usual review.
    let p = plan(&a, "2026-07-28");
    assert_eq!(p.status, Status::Open);
    assert!(p.apply_by.as_ref().unwrap().date < p.today);
    for out in [
        flat(&crate::document::plan_text(&p, 80)),
        flat(&crate::document::plan_markdown(&p)),
    ] {
        assert!(!out.contains("建议最晚在"), "{out}");
        assert!(out.contains("已经过了"), "{out}");
        assert!(out.contains("审核期间可继续享受待遇"), "{out}");
    }
    // In time: the usual sentence.
    let p = plan(&a, "2026-05-06");
    assert!(crate::document::plan_text(&p, 200).contains("建议最晚在"));
}

/// Issue 11 §3: 手工报销 is manual reimbursement (a claim filed by hand
/// with receipts), not something done "in person".
#[test]
fn manual_reimbursement_is_not_glossed_as_in_person() {
    let w = Warning::NoDirectSettlement {
        disease: "肝硬化".into(),
        disease_en: Some("Liver cirrhosis".into()),
    };
    crate::i18n::set_lang(crate::i18n::Lang::En);
    let en = render::warning_text(&w);
    crate::i18n::set_lang(crate::i18n::Lang::ZhHans);
    assert!(render::warning_text(&w).contains("手工报销"));
    assert!(!en.contains("in person"), "{en}");
    assert!(en.contains("manual reimbursement"), "{en}");
}

/// The deadline is one rule on its boundary days: the day to apply by is
/// advice up to and including that day, passed the day after, and the
/// window closed the day after it closes; with no day it is unknown.
#[test]
fn the_deadline_on_its_boundary_days() {
    let (o, c, by) = (d("2026-04-30"), d("2026-07-31"), d("2026-07-20"));
    let on = |today: &str| {
        let today = d(today);
        Deadline::on(today, status(today, o, c), Some(by))
    };
    assert_eq!(on("2026-04-29"), Deadline::ApplyBy, "not yet open");
    assert_eq!(on("2026-07-20"), Deadline::ApplyBy, "the day itself");
    assert_eq!(on("2026-07-21"), Deadline::Passed);
    assert_eq!(on("2026-07-31"), Deadline::Passed, "the last day is open");
    assert_eq!(on("2026-08-01"), Deadline::Closed);
    let today = d("2026-05-01");
    assert_eq!(
        Deadline::on(today, status(today, o, c), None),
        Deadline::Unknown
    );
    // The plan carries the same fact, in JSON too.
    let a = answers("fx-typical", "diabetes", "2026-07-31");
    for (today, want, word) in [
        ("2026-05-06", Deadline::ApplyBy, "apply_by"),
        ("2026-07-28", Deadline::Passed, "passed"),
        ("2026-08-20", Deadline::Closed, "closed"),
    ] {
        let p = plan(&a, today);
        assert_eq!(p.deadline, want, "{today}");
        assert_eq!(serde_json::to_value(&p).unwrap()["deadline"], word);
    }
}

/// Issue 11 §3: a disease only a channel without a stated review time
/// takes (青岛's hospital-only diseases) gets no apply-by day; every output
/// says why and whom to ask instead of saying nothing.
#[test]
fn a_disease_only_an_unknown_review_takes_says_why_there_is_no_apply_by_day() {
    let flat = |s: &str| s.lines().map(str::trim).collect::<String>();
    let p = plan(
        &answers("fx-assumed", "psychosis", "2027-03-31"),
        "2027-01-20",
    );
    assert_eq!(p.apply_by, None);
    assert_eq!(p.deadline, Deadline::Unknown);
    assert_eq!(serde_json::to_value(&p).unwrap()["deadline"], "unknown");
    let line = render::apply_by_line(&p).expect("a sentence, not silence");
    for want in [
        "算不出建议最晚申请日",
        "只能经“医疗机构代办（线下）”申请",
        "没有给出这条途径的审核时限",
        "请向定点医疗机构或参保地医保经办机构问清",
    ] {
        assert!(line.contains(want), "{line}");
    }
    for out in [
        flat(&crate::document::plan_text(&p, 80)),
        flat(&crate::document::plan_markdown(&p)),
    ] {
        assert!(out.contains(&flat(&line)), "{out}");
    }
    assert!(crate::document::qr::qr_text(&p, 2).contains("算不出"));
    crate::i18n::set_lang(crate::i18n::Lang::En);
    let en = render::apply_by_line(&p).unwrap();
    crate::i18n::set_lang(crate::i18n::Lang::ZhHans);
    assert!(
        en.contains("No latest day to apply") && en.contains("only"),
        "{en}"
    );
    // A disease the office window takes keeps its day.
    let p = plan(
        &answers("fx-assumed", "epilepsy", "2027-03-31"),
        "2027-01-20",
    );
    assert_eq!(p.deadline, Deadline::ApplyBy);
}

/// Issue 11 §4: the QR text says a passed apply-by day or a closed window
/// as such, never "最晚：<a past day>" alone.
#[test]
fn the_qr_text_says_a_passed_day_or_a_closed_window() {
    use crate::document::qr::qr_text;
    let a = answers("fx-typical", "diabetes", "2026-07-31");
    for level in 0..=2 {
        let p = plan(&a, "2026-05-06");
        let by = p.apply_by.as_ref().unwrap().date;
        assert!(
            qr_text(&p, level).contains(&format!("最晚：{by}")),
            "{level}"
        );
        let passed = qr_text(&plan(&a, "2026-07-28"), level);
        assert!(
            passed.contains("已过") && passed.contains("今天就申请"),
            "{passed}"
        );
        let closed = qr_text(&plan(&a, "2026-08-20"), level);
        assert!(!closed.contains("最晚："), "{closed}");
        assert!(closed.contains("申请期已于2026-07-31结束"), "{closed}");
    }
}

/// Issue 11 §3: documents of which one route is enough (青岛's 高血压/糖尿病:
/// confirmed in hospital, or by outpatient records) are an either/or in
/// the plan: each route's documents come last, route by route, marked with
/// their route, and every output says one route is enough and which is which.
#[test]
fn an_either_or_of_document_routes_is_planned_as_such() {
    let p = plan(
        &answers("fx-assumed", "hypertension", "2026-06-30"),
        "2026-05-01",
    );
    let ids: Vec<(&str, Option<&str>)> = p
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.route.as_ref().map(|r| r.route.as_str())))
        .collect();
    assert_eq!(
        ids,
        [
            ("id-or-social-card", None),
            ("inpatient-records", Some("inpatient")),
            ("outpatient-records", Some("outpatient")),
            ("outpatient-tests", Some("outpatient")),
        ]
    );
    assert_eq!(p.document_choices.len(), 1);
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["document_choices"][0]["id"], "diagnosis-route");
    assert_eq!(
        json["document_choices"][0]["routes"][1]["documents"][1],
        "outpatient-tests"
    );
    assert_eq!(json["documents"][2]["route"]["choice"], "diagnosis-route");
    assert_eq!(json["documents"][0]["route"], serde_json::Value::Null);
    // Text and Markdown: the group says one route is enough, each route
    // heads its own documents, in order.
    let flat = |s: &str| s.split_whitespace().collect::<String>();
    for out in [
        flat(&crate::document::plan_text(&p, 80)),
        flat(&crate::document::plan_markdown(&p)),
    ] {
        let at = |needle: &str| {
            out.find(needle)
                .unwrap_or_else(|| panic!("{needle}: {out}"))
        };
        assert!(
            at("任选其一") < at("途径1“住院确诊”（经住院确诊的）"),
            "{out}"
        );
        assert!(at("途径1“住院确诊”") < at("住院确诊病历"), "{out}");
        assert!(
            at("住院确诊病历") < at("途径2“门诊确诊”（未经住院确诊的）"),
            "{out}"
        );
        assert!(at("途径2“门诊确诊”") < at("两年以上门诊病历"), "{out}");
    }
    // A disease without routes has none.
    let p = plan(
        &answers("fx-assumed", "epilepsy", "2026-06-30"),
        "2026-05-01",
    );
    assert!(p.document_choices.is_empty() && p.documents.iter().all(|d| d.route.is_none()));
}

/// The QR text lists an either/or's routes as alternatives, not as
/// documents all needed.
#[test]
fn the_qr_text_gives_an_either_or_as_alternatives() {
    let p = plan(
        &answers("fx-assumed", "hypertension", "2026-06-30"),
        "2026-05-01",
    );
    for level in [0, 1] {
        let text = crate::document::qr::qr_text(&p, level);
        assert!(
            text.contains(
                "身份证或社会保障卡；任选其一：住院确诊病历 或 两年以上门诊病历+门诊检查报告"
            ),
            "{text}"
        );
    }
}

/// Issue 22: the headline counts to the day the person must act, and to the
/// window's end when that is later (海西: 46 days to apply by, 55 to the end),
/// never the end alone.
#[test]
fn the_headline_counts_to_the_apply_by_day_and_to_the_end() {
    let p = plan(
        &answers("fx-typical", "hypertension", "2026-03-31"),
        "2026-03-01",
    );
    assert_eq!(p.apply_by.as_ref().map(|a| a.date), Some(d("2026-03-19")));
    crate::i18n::set_lang(crate::i18n::Lang::ZhHans);
    let words = render::status_words(&p);
    assert!(
        words.contains("18 天") && words.contains("30 天"),
        "{words}"
    );
    // On the apply-by day itself the end is still said.
    let p = plan(
        &answers("fx-typical", "hypertension", "2026-03-31"),
        "2026-03-19",
    );
    let words = render::status_words(&p);
    assert!(words.contains("0 天") && words.contains("12 天"), "{words}");
}
