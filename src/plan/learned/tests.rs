//! Learned values over the fixture policy set.

use super::*;
use crate::plan::{Answers, Deadline, compute, compute_with};
use crate::policy::{Scheme, fixture};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
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

fn told(field: LearnedField, value: u32) -> Learned {
    let mut l = Learned::default();
    l.set(field, value, d("2026-01-08"), Some("医保窗口".into()));
    l
}

/// The fixture's 丙市 精神病 is taken only by a hospital whose review time
/// the source does not give: no day to apply by, and the plan asks.
#[test]
fn a_learned_review_time_gives_the_day_to_apply_by_marked_learned() {
    let policy = fixture::policy();
    let a = answers("fx-assumed", "psychosis", "2026-06-30");
    let before = compute(&policy, &a, d("2026-01-10")).unwrap();
    assert_eq!(before.deadline, Deadline::Unknown);
    assert!(
        before
            .questions
            .iter()
            .any(|q| q.about == Unknown::ReviewTime)
    );

    let plan = compute_with(
        &policy,
        &a,
        &told(LearnedField::ReviewDays, 10),
        d("2026-01-10"),
    )
    .unwrap();
    let by = plan.apply_by.as_ref().expect("an apply-by day");
    assert_eq!(by.working_days, 10);
    // Ten working days up to 2026-06-30, 端午 (06-19) not one of them.
    assert_eq!(by.date, d("2026-06-15"));
    let mark = by.learned.as_ref().expect("marked learned");
    assert_eq!((mark.source, mark.on), ("learned", d("2026-01-08")));
    assert!(
        !plan
            .questions
            .iter()
            .any(|q| q.about == Unknown::ReviewTime)
    );
    assert_eq!(plan.learned.len(), 1);
    assert_eq!(plan.learned[0].field, LearnedField::ReviewDays);
    assert_eq!(plan.learned[0].shipped, None, "the data gives none");
    let json = serde_json::to_value(&plan).unwrap();
    assert_eq!(json["apply_by"]["source"], "learned");
    assert_eq!(json["apply_by"]["on"], "2026-01-08");
    assert_eq!(json["apply_by"]["from"], "医保窗口");
    assert_eq!(json["learned"][0]["source"], "learned");
    // Nothing learned: no `learned` key, the JSON as before.
    let plain = serde_json::to_value(&before).unwrap();
    assert!(plain.get("learned").is_none());
}

#[test]
fn a_learned_value_that_contradicts_the_data_is_used_and_both_are_kept() {
    let policy = fixture::policy();
    let region = policy.regions.iter().find(|r| r.id == "fx-exact").unwrap();
    let disease = region.diseases[0].id.clone();
    let a = answers("fx-exact", &disease, "2026-06-30");
    let shipped = compute(&policy, &a, d("2026-01-10")).unwrap();
    let shipped_days = shipped.apply_by.as_ref().unwrap().working_days;
    let learned_days = shipped_days + 7;
    let plan = compute_with(
        &policy,
        &a,
        &told(LearnedField::ReviewDays, learned_days),
        d("2026-01-10"),
    )
    .unwrap();
    assert_eq!(plan.apply_by.as_ref().unwrap().working_days, learned_days);
    assert!(plan.apply_by.as_ref().unwrap().date < shipped.apply_by.as_ref().unwrap().date);
    let used = &plan.learned[0];
    assert_eq!(used.value, LearnedAnswer::Number(learned_days));
    let was = used.shipped.as_ref().expect("the data's value is kept");
    assert_eq!(was.value, LearnedAnswer::Number(shipped_days));
    // The shipped data is untouched.
    let again = compute(&policy, &a, d("2026-01-10")).unwrap();
    assert_eq!(again, shipped);
}

#[test]
fn a_learned_window_replaces_an_assumed_one() {
    let policy = fixture::policy();
    let a = answers("fx-assumed", "psychosis", "2026-06-30");
    let plan = compute_with(
        &policy,
        &a,
        &told(LearnedField::WindowMonths, 2),
        d("2026-01-10"),
    )
    .unwrap();
    let w = plan.window.as_ref().unwrap();
    assert!(!w.assumed);
    assert_eq!((w.opens, w.months), (d("2026-04-30"), Some(2)));
    assert_eq!(w.source.as_deref(), Some(LEARNED_SOURCE));
    assert!(!plan.questions.iter().any(|q| q.about == Unknown::Window));
    assert!(plan.sources.iter().any(|s| s.id == LEARNED_SOURCE
        && s.title == "在 2026-01-08 电话询问 医保窗口"
        && s.confidence == Confidence::Low));

    let days = compute_with(
        &policy,
        &a,
        &told(LearnedField::WindowDays, 30),
        d("2026-01-10"),
    )
    .unwrap();
    let w = days.window.as_ref().unwrap();
    assert_eq!((w.days, w.months), (Some(30), None));
}

#[test]
fn learning_no_renewal_leaves_nothing_to_do() {
    let policy = fixture::policy();
    let a = answers("fx-assumed", "psychosis", "2026-06-30");
    let mut l = Learned::default();
    l.set(LearnedField::NoRenewal, 1, d("2026-01-08"), None);
    let plan = compute_with(&policy, &a, &l, d("2026-01-10")).unwrap();
    assert!(plan.window.is_none());
    assert_eq!(plan.deadline, Deadline::NotNeeded);
}

/// Issue 21 gap 1: "no renewal" was said of the person's disease, not of
/// the place. 甲市 (`fx-exact`, every disease renews, like 石家庄) and 庚市
/// (`fx-w-listed`, only 糖尿病 renews, like 西安): the other disease's plan
/// is what it was without the learned fact.
#[test]
fn learning_no_renewal_for_one_disease_leaves_the_others_as_they_were() {
    let policy = fixture::policy();
    let mut l = Learned::default();
    l.set(
        LearnedField::NoRenewal,
        1,
        d("2026-01-08"),
        Some("医保窗口".into()),
    );
    // 庚市: told of 结核病 (outside the list); 糖尿病 still renews.
    for (region, told, other) in [("fx-exact", 0, 1), ("fx-w-listed", 1, 0)] {
        let r = policy.regions.iter().find(|r| r.id == region).unwrap();
        let (told, other) = (&r.diseases[told].id, &r.diseases[other].id);
        let a = answers(region, told, "2026-06-30");
        let plan = compute_with(&policy, &a, &l, d("2026-01-10")).unwrap();
        assert_eq!(plan.deadline, Deadline::NotNeeded, "{region}");
        let scope = plan.renewal_scope.as_ref().expect("the told scope");
        assert_eq!(
            (scope.source.as_str(), scope.inferred),
            (LEARNED_SOURCE, false)
        );
        assert!(scope.text.contains("医保窗口"), "{}", scope.text);
        // The same learned facts over another disease of the place: what
        // the region says of that one.
        let b = answers(region, other, "2026-06-30");
        let shipped = compute(&policy, &b, d("2026-01-10")).unwrap();
        let (overlaid, _) = overlay(r, told, &l);
        assert_eq!(overlaid.renewal_scope, r.renewal_scope, "{region}");
        let mut shared = policy.clone();
        let i = shared.regions.iter().position(|x| x.id == region).unwrap();
        shared.regions[i] = overlaid.into_owned();
        let with = compute(&shared, &b, d("2026-01-10")).unwrap();
        assert_eq!(
            (with.status, with.window.clone(), with.renewal_scope.clone()),
            (
                shipped.status,
                shipped.window.clone(),
                shipped.renewal_scope
            ),
            "{region}: {other}"
        );
    }
}

#[test]
fn a_window_in_months_replaces_one_in_days_and_forget_takes_it_back() {
    let mut l = told(LearnedField::WindowDays, 30);
    l.set(LearnedField::WindowMonths, 3, d("2026-01-09"), None);
    assert_eq!(l.fields(), [LearnedField::WindowMonths]);
    assert!(l.forget(LearnedField::WindowMonths));
    assert!(!l.forget(LearnedField::WindowMonths));
    assert!(l.is_empty());
    assert_eq!(
        LearnedField::from_flag("review_days"),
        Some(LearnedField::ReviewDays)
    );
    assert_eq!(LearnedField::from_flag("days"), None);
}

/// 丁市's rules (`fx-six`) say nothing of the diseases outside their
/// list: the window is unknown for them, until the person is told one.
#[test]
fn a_learned_window_holds_for_a_disease_the_rules_say_nothing_of() {
    let policy = fixture::policy();
    let r = policy.regions.iter().find(|r| r.id == "fx-six").unwrap();
    let scope = r.renewal_scope.as_ref().unwrap();
    let outside = r
        .diseases
        .iter()
        .find(|d| !scope.diseases.contains(&d.id))
        .unwrap();
    let a = answers("fx-six", &outside.id, "2026-06-30");
    let before = compute(&policy, &a, d("2026-01-10")).unwrap();
    assert!(before.window.as_ref().is_none_or(|w| w.assumed));
    let plan = compute_with(
        &policy,
        &a,
        &told(LearnedField::WindowMonths, 4),
        d("2026-01-10"),
    )
    .unwrap();
    let w = plan.window.as_ref().unwrap();
    assert_eq!(
        (w.months, w.assumed, w.opens),
        (Some(4), false, d("2026-02-28"))
    );
}

/// Issue 21 §3: the QR text the person takes away says what they were told
/// beside the day it gives (as the printed plan does).
#[test]
fn the_qr_text_says_what_the_person_was_told() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let policy = fixture::policy();
    let a = answers("fx-assumed", "psychosis", "2026-06-30");
    let plan = compute_with(
        &policy,
        &a,
        &told(LearnedField::ReviewDays, 10),
        d("2026-01-10"),
    )
    .unwrap();
    let qr = crate::document::qr::qr_text(&plan, 0, words);
    assert!(qr.contains("2026-06-15"), "{qr}");
    assert!(qr.contains("从医保窗口问到"), "{qr}");
    let plain = compute(&policy, &a, d("2026-01-10")).unwrap();
    assert!(!crate::document::qr::qr_text(&plain, 0, words).contains("问到"));
}

/// Issue 21 gap 7: a review time the person was told replaces every
/// channel's sourced one, so the apply-by line names no channel as if its
/// own time counted (辛市: the office's 5 days and the app's fallback),
/// says the time is what they were told, and where it came from.
#[test]
fn the_apply_by_line_names_no_channel_whose_time_was_replaced() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let policy = fixture::policy();
    let a = answers("fx-w-dated", "diabetes", "2026-06-30");
    let plain = compute(&policy, &a, d("2026-01-10")).unwrap();
    let before = crate::plan::render::apply_by_line(&plain, words).unwrap();
    assert!(before.contains("辛市"), "{before}");
    let plan = compute_with(
        &policy,
        &a,
        &told(LearnedField::ReviewDays, 10),
        d("2026-01-10"),
    )
    .unwrap();
    let line = crate::plan::render::apply_by_line(&plan, words).unwrap();
    for name in plan.channels.iter().map(|c| c.name.as_str()) {
        assert!(!line.contains(name), "{line}");
    }
    assert!(line.contains("按您问到的最长 10 个工作日审核算"), "{line}");
    assert!(line.contains("从医保窗口问到"), "{line}");
}
