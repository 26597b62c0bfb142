//! Rules of the plan, each with its boundary days, on the fixture policy
//! set (`crate::policy::fixture`): editing `data/` does not change them.
//! Facts of the shipped data are checked in `tests/data.rs`.

use super::*;
use crate::policy::PolicySet;

pub(super) fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(super) fn policy() -> PolicySet {
    crate::policy::fixture::policy()
}

pub(super) fn answers(region: &str, disease: &str, end: &str) -> Answers {
    Answers {
        region: region.into(),
        scheme: Scheme::Employee,
        disease: disease.into(),
        validity_end: d(end),
        cross_province: false,
        retired: false,
    }
}

pub(super) fn plan(a: &Answers, today: &str) -> RenewalPlan {
    compute(&policy(), a, d(today)).unwrap()
}

/// The plan's window, which every plan here has.
pub(super) fn win(p: &RenewalPlan) -> &RenewalWindow {
    p.window.as_ref().expect("a plan with a window")
}

pub(super) fn codes(p: &RenewalPlan) -> Vec<&'static str> {
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

/// 甲市 with `edit` applied to its data, planned for 糖尿病 on a fixed day.
pub(super) fn exact_diabetes_with(edit: impl FnOnce(&mut crate::policy::Region)) -> RenewalPlan {
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

pub(super) fn channel<'a>(p: &'a RenewalPlan, id: &str) -> &'a PlanChannel {
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
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let p = plan(&answers("fx-exact", "diabetes", "2026-03-31"), "2026-01-15");
    let rules = render::rules(&p, words).join("\n");
    assert!(rules.contains("测试：周期依病种而定"), "{rules}");
    assert!(crate::document::plan_text(&p, 200, words).contains("测试：周期依病种而定"));
    assert!(crate::document::plan_markdown(&p, words).contains("测试：周期依病种而定"));
}

/// Issue 11 §3: example figures given for 在职/退休 are for employees
/// (乙市's say so); a resident is not shown the 在职 column as theirs.
#[test]
fn employee_example_ratios_are_not_shown_to_residents_as_theirs() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let mut a = answers("fx-typical", "diabetes", "2026-07-31");
    a.scheme = Scheme::Resident;
    let p = plan(&a, "2026-05-06");
    for out in [
        crate::document::plan_text(&p, 200, words),
        crate::document::plan_markdown(&p, words),
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
    assert!(!crate::document::plan_text(&p, 200, words).contains("来源没有给出城乡居民医保"));
    assert!(crate::document::plan_text(&p, 200, words).contains("在职报销 70%"));
}

/// Issue 11 §3: a typical review (乙市's 5 + 3 working days, 一般) may
/// take longer: never "最长".
#[test]
fn a_typical_review_time_is_never_called_a_maximum() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let p = plan(
        &answers("fx-typical", "diabetes", "2026-07-31"),
        "2026-05-06",
    );
    let a = p.apply_by.as_ref().unwrap();
    assert!(a.typical);
    for out in [
        crate::document::plan_text(&p, 200, words),
        crate::document::plan_markdown(&p, words),
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
    let text = render::warning_text(w, words);
    assert!(!text.contains("最长") && text.contains("一般"), "{text}");
    // 甲市's online review is "5个工作日内完成": a maximum, still said so.
    let p = plan(&answers("fx-exact", "diabetes", "2026-03-31"), "2026-01-15");
    assert!(!p.apply_by.as_ref().unwrap().typical);
    assert!(crate::document::plan_text(&p, 200, words).contains("最长 5 个工作日"));
}

/// Issue 11 §3: what the source says about benefits during review (乙市:
/// refused means benefits stop after the end date) is in every output (the
/// wizard shows the text sections).
#[test]
fn the_benefits_during_review_note_is_in_every_output() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let p = plan(
        &answers("fx-typical", "diabetes", "2026-07-31"),
        "2026-05-06",
    );
    let needle = "乙市审核未通过者自届满次日起停止待遇";
    let flat = |s: &str| s.lines().map(str::trim).collect::<String>();
    let sections: String = crate::document::text::lines(
        &crate::document::build(&p, None, words),
        crate::document::text::Layout::terminal(80),
        words,
    )
    .into_iter()
    .map(|l| l.text.trim().to_string())
    .collect();
    for (what, out) in [
        ("text", flat(&crate::document::plan_text(&p, 80, words))),
        ("markdown", flat(&crate::document::plan_markdown(&p, words))),
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
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
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
    let text = crate::document::plan_text(&p, 200, words);
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
