use chrono::{DateTime, TimeZone, Utc};

use super::*;
use crate::plan::{self, Answers};
use crate::policy::Scheme;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(day: &str) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d(day).and_hms_opt(8, 0, 0).unwrap())
}

fn make(policy: &PolicySet, id: &str, label: &str, end: &str, today: &str) -> Checklist {
    let a = Answers {
        region: "fx-typical".into(),
        scheme: Scheme::Employee,
        disease: "hypertension".into(),
        validity_end: d(end),
        cross_province: false,
        retired: false,
    };
    let p = plan::compute(policy, &a, d(today)).unwrap();
    Checklist::new(id.into(), label, &a, &p, at(today))
}

fn act(policy: &PolicySet, c: &Checklist, today: &str) -> Option<NextAction> {
    let p = plan::compute(policy, &c.answers, d(today)).ok();
    next_action(c, p.as_ref(), d(today), policy)
}

#[test]
fn the_next_action_follows_the_cycle() {
    let policy = crate::policy::fixture::policy();
    let mut c = make(&policy, "a1", "妈妈", "2026-03-31", "2025-12-01");
    let a = act(&policy, &c, "2025-12-01").unwrap();
    assert_eq!(
        (a.kind, a.date, a.overdue),
        (ActionKind::Prepare, d("2025-12-31"), false)
    );
    let a = act(&policy, &c, "2026-03-01").unwrap();
    // 8 working days (5 review + 3 notice) before Tue 31 March.
    assert_eq!((a.kind, a.date), (ActionKind::ApplyBy, d("2026-03-19")));
    let a = act(&policy, &c, "2026-03-20").unwrap();
    assert!(a.overdue && a.kind == ActionKind::ApplyBy);
    assert_eq!(mark(&c, Some(&a), d("2026-03-20")), Some(Mark::Passed));
    let a = act(&policy, &c, "2026-04-01").unwrap();
    assert_eq!((a.kind, a.date), (ActionKind::Late, d("2026-03-31")));
    cycle::submit(
        &mut c,
        d("2026-03-10"),
        None,
        &policy,
        d("2026-03-10"),
        at("2026-03-10"),
    )
    .unwrap();
    let a = act(&policy, &c, "2026-03-10").unwrap();
    assert_eq!((a.kind, a.date), (ActionKind::ResultDue, d("2026-03-20")));
    assert_eq!(mark(&c, Some(&a), d("2026-03-10")), Some(Mark::UnderReview));
    cycle::refuse(&mut c, d("2026-03-16"), d("2026-03-16"), at("2026-03-16")).unwrap();
    assert_eq!(act(&policy, &c, "2026-03-16"), None);
}

#[test]
fn the_agenda_is_the_next_days_in_date_order_with_overdue_first() {
    let policy = crate::policy::fixture::policy();
    let today = "2026-03-20";
    let lists = [
        make(&policy, "a1", "爸爸", "2026-06-25", today), // opens 03-25: in 7 days
        make(&policy, "a2", "妈妈", "2026-03-26", today), // apply by 03-16: overdue
        make(&policy, "a3", "奶奶", "2026-09-30", today), // opens 06-30: later
        make(&policy, "a4", "爷爷", "2026-06-22", today), // opens 03-22
    ];
    let entries = agenda(
        lists.iter().map(|c| (c, act(&policy, c, today))),
        d(today),
        7,
    );
    let got: Vec<(&str, ActionKind, NaiveDate)> = entries
        .iter()
        .map(|e| (e.id.as_str(), e.action.kind, e.action.date))
        .collect();
    assert_eq!(
        got,
        vec![
            ("a2", ActionKind::ApplyBy, d("2026-03-16")),
            ("a4", ActionKind::Prepare, d("2026-03-22")),
            ("a1", ActionKind::Prepare, d("2026-03-25")),
        ]
    );
    let none = agenda(
        lists.iter().map(|c| (c, act(&policy, c, "2025-01-01"))),
        d("2025-01-01"),
        7,
    );
    assert!(none.is_empty());
}

#[test]
fn sort_key_puts_what_is_due_before_windows_opening() {
    let apply = NextAction {
        kind: ActionKind::ApplyBy,
        date: d("2026-05-01"),
        estimated: false,
        overdue: false,
    };
    let opens = NextAction {
        kind: ActionKind::Prepare,
        date: d("2026-04-01"),
        estimated: false,
        overdue: false,
    };
    assert!(sort_key(Some(&apply)) < sort_key(Some(&opens)));
    assert!(sort_key(Some(&opens)) < sort_key(None));
}

#[test]
fn the_filter_finds_label_region_disease_and_pinyin() {
    let policy = crate::policy::fixture::policy();
    let lists = [
        make(&policy, "a1", "妈妈", "2026-03-31", "2026-01-01"),
        make(&policy, "a2", "爸爸", "2026-03-31", "2026-01-01"),
    ];
    let keys: Vec<FilterKeys> = lists.iter().map(|c| FilterKeys::new(c, &policy)).collect();
    assert_eq!(filter(&keys, "妈"), vec![0]);
    assert_eq!(filter(&keys, "baba"), vec![1]);
    assert_eq!(filter(&keys, "mm"), vec![0]);
    assert_eq!(filter(&keys, "乙市"), vec![0, 1]);
    assert_eq!(filter(&keys, "gxy"), vec![0, 1]);
    assert_eq!(filter(&keys, ""), vec![0, 1]);
    assert!(filter(&keys, "糖尿病").is_empty());
    assert!(
        filter(&keys, &"妈".repeat(500)).is_empty(),
        "too long to be a name"
    );
    // Built for the whole list at once (names turned into pinyin once),
    // the keys are the same.
    assert_eq!(filter_keys(&lists, &policy), keys);
}

#[test]
fn the_same_label_region_and_disease_twice_is_found_and_a_new_label_differs() {
    let policy = crate::policy::fixture::policy();
    let lists = vec![make(&policy, "a1", "妈妈", "2026-03-31", "2026-01-01")];
    let twin = make(&policy, "a2", "妈妈", "2027-03-31", "2026-01-01");
    assert_eq!(same_as(&lists, &twin).map(|c| c.id.as_str()), Some("a1"));
    assert_eq!(same_as(&lists, &lists[0]), None, "not itself");
    let label = distinct_label(&lists, "妈妈", "fx-typical", "hypertension");
    assert_eq!(label, "妈妈 2");
    assert_eq!(
        distinct_label(&lists, "爸爸", "fx-typical", "hypertension"),
        "爸爸"
    );
}

/// Issue 22: with no apply-by day (no serving channel states its review
/// time: 长沙, 芜湖, 潜江), the agenda never calls the end date the day to
/// apply by; it reads the plan's one `Deadline`.
#[test]
fn no_apply_by_day_is_never_shown_as_one() {
    let policy = crate::policy::fixture::policy();
    let a = Answers {
        region: "fx-assumed".into(),
        scheme: Scheme::Employee,
        disease: "psychosis".into(),
        validity_end: d("2026-03-31"),
        cross_province: false,
        retired: false,
    };
    let p = plan::compute(&policy, &a, d("2026-03-01")).unwrap();
    assert_eq!(
        p.apply_by, None,
        "the fixture's psychosis has no apply-by day"
    );
    assert_eq!(p.deadline, crate::plan::Deadline::Unknown);
    let c = Checklist::new("u1".into(), "爸爸", &a, &p, at("2026-03-01"));
    let next = act(&policy, &c, "2026-03-01").unwrap();
    assert_ne!(next.kind, ActionKind::ApplyBy);
    assert_eq!(
        (next.kind, next.date),
        (ActionKind::WindowCloses, d("2026-03-31"))
    );
}

/// Issue 26: a 7-day agenda is today and the 6 days after, not 8 days.
#[test]
fn a_seven_day_agenda_ends_six_days_after_today() {
    assert_eq!(last_day(d("2026-12-07"), 7), d("2026-12-13"));
    assert_eq!(last_day(d("2026-12-07"), 1), d("2026-12-07"));
    assert_eq!(last_day(d("2026-12-07"), 0), d("2026-12-07"));
    let policy = crate::policy::fixture::policy();
    let today = "2026-03-18";
    // Opens 03-25: the 8th day from 03-18, outside a 7-day agenda.
    let c = make(&policy, "a1", "爸爸", "2026-06-25", today);
    let week = agenda([(&c, act(&policy, &c, today))], d(today), 7);
    assert!(week.is_empty(), "{week:?}");
    let eight = agenda([(&c, act(&policy, &c, today))], d(today), 8);
    assert_eq!(eight.len(), 1);
}
