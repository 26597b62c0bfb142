use chrono::TimeZone;

use super::*;
use crate::plan::Answers;
use crate::policy::Scheme;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(day: &str) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d(day).and_hms_opt(8, 0, 0).unwrap())
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

fn checklist(policy: &PolicySet, a: &Answers, today: &str) -> Checklist {
    let p = plan::compute(policy, a, d(today)).unwrap();
    Checklist::new("abc12345".into(), "妈妈", a, &p, at(today))
}

/// 乙市 (fixture): 5 + 3 working days on every channel, benefits kept
/// during a review filed before the end date.
fn typical_region(policy: &PolicySet) -> Checklist {
    checklist(
        policy,
        &answers("fx-typical", "hypertension", "2026-03-31"),
        "2026-03-01",
    )
}

fn review_of(c: &Checklist, policy: &PolicySet, today: &str) -> Review {
    let p = plan::compute(policy, &c.answers, d(today)).ok();
    match view(c, p.as_ref(), d(today), policy) {
        CycleView::Submitted(r) => r,
        other => panic!("not under review: {other:?}"),
    }
}

#[test]
fn submit_gives_the_result_day_by_working_days_and_what_happens_to_benefits() {
    let policy = crate::policy::fixture::policy();
    let mut c = typical_region(&policy);
    submit(
        &mut c,
        d("2026-03-10"),
        Some("office-window"),
        &policy,
        d("2026-03-12"),
        at("2026-03-12"),
    )
    .unwrap();
    assert_eq!(c.cycle.state, CycleState::Submitted);
    assert_eq!(c.cycle.channel.as_deref(), Some("office-window"));
    assert!(c.items.iter().find(|i| i.id == "step:apply").unwrap().done);
    let r = review_of(&c, &policy, "2026-03-12");
    // Tue 10 March + 5 working days of review + 3 to notify = Fri 20 March.
    assert_eq!(r.expected_result, Some(d("2026-03-20")));
    assert_eq!(
        (r.working_days, r.expected_result_estimated),
        (Some(8), false)
    );
    assert!(r.typical, "the source's 5 days are its usual time");
    assert_eq!(r.benefits_during_review.value, Some(true));
    assert!(r.filed_before_end && !r.overdue && !r.channel_assumed);
    // Seen after the day, the answer is overdue.
    assert!(!review_of(&c, &policy, "2026-03-20").overdue);
    assert!(review_of(&c, &policy, "2026-03-21").overdue);
}

#[test]
fn the_result_day_skips_the_national_day_holiday_and_counts_make_up_days() {
    let policy = crate::policy::fixture::policy();
    let mut c = checklist(
        &policy,
        &answers("fx-typical", "hypertension", "2026-12-31"),
        "2026-09-30",
    );
    submit(
        &mut c,
        d("2026-09-30"),
        Some("window"),
        &policy,
        d("2026-09-30"),
        at("2026-09-30"),
    )
    .unwrap();
    // 8 working days; 1–7 October off; Sat 10 October is a make-up
    // working day: 8, 9, 10, 12, 13, 14, 15, 16 October.
    assert_eq!(
        review_of(&c, &policy, "2026-09-30").expected_result,
        Some(d("2026-10-16"))
    );
}

#[test]
fn a_result_day_beyond_the_holiday_notices_is_marked_estimated() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let policy = crate::policy::fixture::policy();
    let mut c = checklist(
        &policy,
        &answers("fx-typical", "hypertension", "2028-03-31"),
        "2028-03-01",
    );
    submit(
        &mut c,
        d("2028-03-01"),
        None,
        &policy,
        d("2028-03-01"),
        at("2028-03-01"),
    )
    .unwrap();
    let r = review_of(&c, &policy, "2028-03-01");
    assert!(r.expected_result_estimated && r.channel_assumed);
    assert_eq!(
        (r.channel.as_deref(), r.channel_name.as_deref()),
        (None, None)
    );
    assert!(r.counted_channel.is_some());
    let p = plan::compute(&policy, &c.answers, d("2028-03-01")).unwrap();
    let lines = view(&c, Some(&p), d("2028-03-01"), &policy)
        .lines(words)
        .join("\n");
    assert!(lines.contains(words.t("cycle.channel_unknown")), "{lines}");
    assert!(r.expected_result.is_some());
}

#[test]
fn benefits_the_source_does_not_state_are_said_unknown_with_whom_to_ask() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let policy = crate::policy::fixture::policy();
    let mut c = checklist(
        &policy,
        &answers("fx-exact", "diabetes", "2026-03-31"),
        "2026-03-01",
    );
    submit(
        &mut c,
        d("2026-03-02"),
        Some("wechat"),
        &policy,
        d("2026-03-02"),
        at("2026-03-02"),
    )
    .unwrap();
    let p = plan::compute(&policy, &c.answers, d("2026-03-02")).unwrap();
    let v = view(&c, Some(&p), d("2026-03-02"), &policy);
    let CycleView::Submitted(r) = &v else {
        panic!()
    };
    assert_eq!(r.benefits_during_review.value, None);
    let lines = v.lines(words).join("\n");
    assert!(lines.contains(words.t("cycle.benefits_unknown")), "{lines}");
    assert!(
        lines.contains(&words.tf("cycle.no_answer", &[("date", &r.expected_result.unwrap())])),
        "{lines}"
    );
}

#[test]
fn approve_keeps_the_cycle_as_history_and_starts_the_next_one() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let policy = crate::policy::fixture::policy();
    let mut c = typical_region(&policy);
    c.set_done(0, true, at("2026-03-01"));
    submit(
        &mut c,
        d("2026-03-10"),
        Some("window"),
        &policy,
        d("2026-03-10"),
        at("2026-03-10"),
    )
    .unwrap();
    let plan = approve(
        &mut c,
        d("2028-03-31"),
        d("2026-03-17"),
        &policy,
        d("2026-03-18"),
        at("2026-03-18"),
    )
    .unwrap();
    assert_eq!(c.answers.validity_end, d("2028-03-31"));
    assert_eq!(c.window.opens, d("2027-12-31"));
    assert_eq!(
        plan.window.as_ref().map(|w| w.closes),
        Some(d("2028-03-31"))
    );
    assert_eq!(c.cycle, Cycle::default());
    assert!(c.items.iter().all(|i| !i.done), "a fresh checklist");
    assert_eq!(c.history.len(), 1);
    let h = &c.history[0];
    assert_eq!(
        (
            h.validity_end,
            h.submitted_on,
            h.outcome,
            h.decided_on,
            h.new_end
        ),
        (
            d("2026-03-31"),
            Some(d("2026-03-10")),
            Outcome::Approved,
            d("2026-03-17"),
            Some(d("2028-03-31"))
        )
    );
    assert!(
        h.describe(words)
            .starts_with("2026 续期：3月10日提交，3月17日通过"),
        "{}",
        h.describe(words)
    );
    assert!(c.check_bounds().is_ok());
}

#[test]
fn wrong_dates_are_refused_and_change_nothing() {
    let policy = crate::policy::fixture::policy();
    let mut c = typical_region(&policy);
    let before = c.clone();
    let today = d("2026-03-10");
    let now = at("2026-03-10");
    assert_eq!(
        submit(&mut c, d("2026-03-11"), None, &policy, today, now),
        Err(CycleError::Future {
            on: d("2026-03-11"),
            today
        })
    );
    assert!(matches!(
        submit(&mut c, today, Some("nowhere"), &policy, today, now),
        Err(CycleError::UnknownChannel { .. })
    ));
    assert!(matches!(
        submit(&mut c, today, Some("yibao"), &policy, today, now),
        Err(CycleError::AmbiguousChannel { .. })
    ));
    assert_eq!(c, before);
    submit(&mut c, d("2026-03-09"), None, &policy, today, now).unwrap();
    let submitted = c.clone();
    assert_eq!(
        approve(&mut c, d("2026-03-31"), today, &policy, today, now).unwrap_err(),
        CycleError::NewEndNotLater {
            new_end: d("2026-03-31"),
            current: d("2026-03-31")
        }
    );
    assert!(matches!(
        approve(
            &mut c,
            d("2028-03-31"),
            d("2026-03-08"),
            &policy,
            today,
            now
        ),
        Err(CycleError::BeforeSubmitted { .. })
    ));
    assert!(matches!(
        refuse(&mut c, d("2026-03-08"), today, now),
        Err(CycleError::BeforeSubmitted { .. })
    ));
    assert_eq!(c, submitted);
}

#[test]
fn refused_says_what_the_source_says_and_a_new_submission_keeps_it_as_history() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let policy = crate::policy::fixture::policy();
    let mut c = typical_region(&policy);
    submit(
        &mut c,
        d("2026-03-10"),
        None,
        &policy,
        d("2026-03-10"),
        at("2026-03-10"),
    )
    .unwrap();
    refuse(&mut c, d("2026-03-16"), d("2026-03-16"), at("2026-03-16")).unwrap();
    let p = plan::compute(&policy, &c.answers, d("2026-03-16")).unwrap();
    let v = view(&c, Some(&p), d("2026-03-16"), &policy);
    let CycleView::Refused { next, .. } = &v else {
        panic!("{v:?}")
    };
    let says = next.consequence.value.clone().unwrap();
    assert!(says.contains("重新认定"), "{says}");
    let lines = v.lines(words).join("\n");
    assert!(
        lines.contains(&says) && lines.contains(words.t("cycle.refused_next")),
        "{lines}"
    );
    submit(
        &mut c,
        d("2026-03-20"),
        None,
        &policy,
        d("2026-03-20"),
        at("2026-03-20"),
    )
    .unwrap();
    assert_eq!(c.history.len(), 1);
    assert_eq!(c.history[0].outcome, Outcome::Refused);
    assert!(
        c.history[0].describe(words).contains("3月16日未通过"),
        "{}",
        c.history[0].describe(words)
    );
}

#[test]
fn late_with_nothing_submitted_says_what_happens() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let policy = crate::policy::fixture::policy();
    let c = typical_region(&policy);
    let p = plan::compute(&policy, &c.answers, d("2026-04-02")).unwrap();
    let v = view(&c, Some(&p), d("2026-04-02"), &policy);
    assert_eq!(v.code(), "late");
    assert!(v.lines(words).join("\n").contains("重新认定"));
}

#[test]
fn the_history_is_bounded() {
    let policy = crate::policy::fixture::policy();
    let mut c = typical_region(&policy);
    for _ in 0..MAX_HISTORY + 5 {
        push_history(&mut c, Outcome::Refused, d("2026-03-10"), None);
    }
    assert_eq!(c.history.len(), MAX_HISTORY);
}

#[test]
fn a_file_that_says_submitted_or_refused_without_the_day_is_not_read_as_good() {
    let policy = crate::policy::fixture::policy();
    let mut c = typical_region(&policy);
    c.cycle.state = CycleState::Submitted;
    assert!(c.check_bounds().unwrap_err().contains("submitted_on"));
    c.cycle.state = CycleState::Refused;
    assert!(c.check_bounds().unwrap_err().contains("refused_on"));
    c.cycle.refused_on = Some(d("1899-12-31"));
    assert!(c.check_bounds().unwrap_err().contains("cycle.refused_on"));
}
