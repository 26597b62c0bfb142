//! The rule shapes of issue 12 §3, each at its boundary days, on the
//! fixture policy set (`crate::policy::fixture`: 戊市 a grace period after
//! the end date, 壬市 no renewal at all, 庚市 and 丁市 renewal only for some
//! diseases, 辛市 values that change on a date with a one-off extension and
//! an online extension channel), so editing `data/` never breaks them.

use super::*;
use crate::checklist::{Checklist, agenda};
use crate::i18n::Words;
use crate::policy::{LoadError, PolicySet, Problem, in_force};
use std::path::Path;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn fixtures() -> PolicySet {
    crate::policy::fixture::policy()
}

fn plan(region: &str, disease: &str, end: &str, today: &str) -> RenewalPlan {
    let answers = Answers {
        region: region.into(),
        scheme: Scheme::Employee,
        disease: disease.into(),
        validity_end: d(end),
        cross_province: false,
        retired: false,
    };
    compute(&fixtures(), &answers, d(today)).unwrap()
}

fn codes(p: &RenewalPlan) -> Vec<&'static str> {
    p.warnings.iter().map(|w| w.code()).collect()
}

/// The plan as text on one line per paragraph, for looking for sentences.
fn text(p: &RenewalPlan, words: Words) -> String {
    crate::document::plan_text_unwrapped(p, words)
}

fn json(p: &RenewalPlan) -> serde_json::Value {
    serde_json::to_value(p).unwrap()
}

// ---- a grace period after the end date (中山) ----------------------------

#[test]
fn status_with_a_grace_period_on_its_boundary_days() {
    let (o, c, g) = (d("2026-05-31"), d("2026-06-30"), Some(d("2026-07-30")));
    assert_eq!(
        status_with_grace(d("2026-05-30"), o, c, g),
        Status::NotYetOpen
    );
    assert_eq!(status_with_grace(o, o, c, g), Status::Open);
    assert_eq!(
        status_with_grace(c, o, c, g),
        Status::Open,
        "the end date is open"
    );
    assert_eq!(status_with_grace(d("2026-07-01"), o, c, g), Status::Grace);
    assert_eq!(status_with_grace(d("2026-07-30"), o, c, g), Status::Grace);
    assert_eq!(status_with_grace(d("2026-07-31"), o, c, g), Status::Expired);
    assert_eq!(
        status_with_grace(d("2026-07-01"), o, c, None),
        Status::Expired,
        "without a grace period the day after the end is late"
    );
}

#[test]
fn a_window_in_days_opens_on_the_thirtieth_day_before_and_grace_runs_thirty_after() {
    assert_eq!(
        renewal_window_days(d("2026-03-01"), 30),
        (d("2026-01-30"), d("2026-03-01"))
    );
    assert_eq!(grace_until(d("2026-12-15"), 30), d("2027-01-14"));

    let end = "2026-06-30";
    let before = plan("fx-w-grace", "diabetes", end, "2026-05-30");
    let w = before.window.as_ref().unwrap();
    assert_eq!(
        (w.opens, w.closes, w.months, w.days),
        (d("2026-05-31"), d(end), None, Some(30))
    );
    assert_eq!(
        w.grace.as_ref().map(|g| (g.days, g.until)),
        Some((30, d("2026-07-30")))
    );
    assert_eq!(before.status, Status::NotYetOpen);

    let last = plan("fx-w-grace", "diabetes", end, end);
    assert_eq!((last.status, last.days_left), (Status::Open, Some(0)));

    let first_grace = plan("fx-w-grace", "diabetes", end, "2026-07-01");
    assert_eq!(first_grace.status, Status::Grace);
    assert_eq!(first_grace.grace_days_left, Some(29));
    assert_eq!(first_grace.days_left, Some(-1));
    assert!(codes(&first_grace).contains(&"in_grace"));
    assert!(!codes(&first_grace).contains(&"window_closed"));

    let last_grace = plan("fx-w-grace", "diabetes", end, "2026-07-30");
    assert_eq!(
        (last_grace.status, last_grace.grace_days_left),
        (Status::Grace, Some(0))
    );

    let after = plan("fx-w-grace", "diabetes", end, "2026-07-31");
    assert_eq!(after.status, Status::Expired);
    assert_eq!(after.days_overdue, Some(31), "counted from the end date");
    match after.warnings.iter().find(|w| w.code() == "window_closed") {
        Some(Warning::WindowClosed { grace_until, .. }) => {
            assert_eq!(*grace_until, Some(d("2026-07-30")))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_grace_plan_says_until_when_in_json_and_on_screen() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let p = plan("fx-w-grace", "diabetes", "2026-06-30", "2026-07-10");
    let j = json(&p);
    assert_eq!(j["status"], "grace");
    assert_eq!(j["window"]["grace"]["until"], "2026-07-30");
    assert_eq!(j["window"]["grace"]["days"], 30);
    assert_eq!(j["window"]["days"], 30);
    assert_eq!(j["grace_days_left"], 20);
    let out = text(&p, words);
    assert!(out.contains("2026-07-30"), "{out}");
    assert!(
        out.contains("已过有效期，仍可在 2026-07-30 前续期（还剩 20 天）"),
        "{out}"
    );
    assert!(
        out.contains("待遇在有效期结束后自动失效"),
        "the source's words: {out}"
    );
    assert!(!out.contains("申请期已于"), "not said to be closed: {out}");
    // The headline is the last day, not a passed apply-by day.
    let line = render::apply_by_line(&p, words).unwrap();
    assert!(line.contains("2026-07-30"), "{line}");
    assert!(!line.contains("建议最晚"), "{line}");
}

#[test]
fn a_grace_checklist_is_due_on_the_last_grace_day_not_late() {
    let p = plan("fx-w-grace", "diabetes", "2026-06-30", "2026-07-10");
    let policy = fixtures();
    let c = Checklist::new("x".into(), "", &answers_of(&p), &p, chrono::Utc::now());
    assert_eq!(c.window.grace_until, Some(d("2026-07-30")));
    assert_eq!(c.window.status(d("2026-07-10")), Status::Grace);
    let a = agenda::next_action(&c, Some(&p), d("2026-07-10"), &policy).unwrap();
    assert_eq!(
        (a.kind, a.date, a.overdue),
        (agenda::ActionKind::ApplyBy, d("2026-07-30"), false)
    );
    // Without the data, the saved window says the same.
    let a = agenda::next_action(&c, None, d("2026-07-10"), &policy).unwrap();
    assert_eq!(
        (a.kind, a.date),
        (agenda::ActionKind::ApplyBy, d("2026-07-30"))
    );
    let a = agenda::next_action(&c, None, d("2026-07-31"), &policy).unwrap();
    assert_eq!(
        (a.kind, a.date, a.overdue),
        (agenda::ActionKind::Late, d("2026-07-30"), true)
    );
}

fn answers_of(p: &RenewalPlan) -> Answers {
    Answers {
        region: p.region.id.clone(),
        scheme: p.scheme,
        disease: p.disease.id.clone(),
        validity_end: p.validity_end,
        cross_province: p.cross_province,
        retired: p.retired,
    }
}

// ---- no renewal (北京) ------------------------------------------------------

#[test]
fn no_renewal_has_no_window_no_dates_and_no_countdown() {
    // An end date far ahead is what the source says (有效期至2099年).
    for (end, today) in [("2099-12-31", "2026-05-06"), ("2026-01-01", "2026-05-06")] {
        let p = plan("fx-w-none", "diabetes", end, today);
        assert_eq!(p.status, Status::NoRenewal);
        assert!(p.window.is_none());
        assert_eq!(
            (p.days_left, p.days_until_open, p.days_overdue),
            (None, None, None)
        );
        assert!(p.apply_by.is_none());
        assert!(
            p.channels
                .iter()
                .all(|c| c.apply_by.is_none() && c.expected_result.is_none())
        );
        for code in [
            "not_yet_open",
            "window_closed",
            "end_far_ahead",
            "result_after_end",
        ] {
            assert!(!codes(&p).contains(&code), "{code} for {end}");
        }
        let j = json(&p);
        assert_eq!(j["status"], "no_renewal");
        assert!(j["window"].is_null() && j["days_left"].is_null());
        assert_eq!(j["renewal_scope"]["others"], "no_renewal");
    }
}

#[test]
fn no_renewal_is_said_first_then_what_still_matters() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let p = plan("fx-w-none", "diabetes", "2099-12-31", "2026-05-06");
    assert_eq!(p.still_matters.len(), 1);
    assert_eq!(p.still_matters[0].id, "hospitals");
    assert!(
        p.notes.iter().all(|n| n.id != "hospitals"),
        "said once, with the status"
    );
    let doc = crate::document::build(&p, None, words);
    let window = doc
        .sections
        .iter()
        .find(|s| s.kind == crate::document::SectionKind::Window)
        .unwrap();
    let first = match &window.blocks[0] {
        crate::document::Block::Paragraph(para) => para.text.clone(),
        other => panic!("{other:?}"),
    };
    assert!(first.starts_with("无需续期："), "{first}");
    assert!(first.contains("有效期至2099年"), "{first}");
    let out = text(&p, words);
    let said = out.find("无需续期").unwrap();
    let matters = out.find("最多选2家").unwrap();
    assert!(said < matters, "{out}");
    for absent in ["可以申请：", "建议最晚", "离截止", "已经过期"] {
        assert!(!out.contains(absent), "{absent} in {out}");
    }
    // Review, lateness and cycle are rules of a renewal: not shown.
    assert!(!out.contains(words.t("plan.late_label")), "{out}");
}

#[test]
fn a_no_renewal_checklist_has_no_deadline_anywhere() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let p = plan("fx-w-none", "diabetes", "2099-12-31", "2026-05-06");
    let policy = fixtures();
    let c = Checklist::new("x".into(), "", &answers_of(&p), &p, chrono::Utc::now());
    assert!(c.window.no_renewal);
    assert!(c.items.iter().all(|i| !i.id.starts_with("step:apply")
        && i.id != "step:result"
        && i.id != "step:choose-channel"));
    assert_eq!(c.window.status(d("2099-12-31")), Status::NoRenewal);
    assert_eq!(
        agenda::next_action(&c, Some(&p), d("2026-05-06"), &policy),
        None
    );
    assert_eq!(
        agenda::next_action(&c, None, d("2100-01-05"), &policy),
        None
    );
    let ics = crate::document::ics::ics(&c, Some(&p), None, d("2026-05-06"), words);
    assert!(!ics.contains("BEGIN:VEVENT"), "{ics}");
    // An apply step from before the data changed shows no dates.
    let item = crate::checklist::Item {
        id: "step:apply".into(),
        name: String::new(),
        name_en: None,
        note: None,
        earliest_date: None,
        kind: crate::checklist::ItemKind::Step,
        required: true,
        done: false,
        done_at: None,
        extra: Default::default(),
    };
    let line = crate::checklist::item_text(&item, &c.window, d("2026-05-06"), words);
    assert!(!line.contains("2099"), "{line}");
}

// ---- renewal only for some diseases (西安, 潜江) ------------------------

#[test]
fn a_listed_disease_keeps_the_rules_and_the_others_need_none() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let listed = plan("fx-w-listed", "diabetes", "2026-06-30", "2026-05-06");
    assert_eq!(listed.status, Status::Open);
    assert!(listed.renewal_scope.is_none());

    let other = plan("fx-w-listed", "tuberculosis", "2026-06-30", "2026-05-06");
    assert_eq!(other.status, Status::NoRenewal);
    let scope = other.renewal_scope.as_ref().unwrap();
    assert_eq!(scope.listed, vec!["糖尿病".to_string()]);
    let out = text(&other, words);
    assert!(
        out.contains("来源只为 1 种病（糖尿病）规定了复审或续期，结核病不在其中。测试：其他病种不需要复审；请向庚市医疗保障局确认"),
        "{out}"
    );
}

#[test]
fn a_disease_the_source_is_silent_about_gets_an_assumed_window_and_whom_to_ask() {
    let p = plan("fx-six", "other", "2026-06-30", "2026-05-06");
    assert_eq!(
        p.status,
        Status::Open,
        "the typed end date still has a window"
    );
    let w = p.window.as_ref().unwrap();
    assert!(w.assumed);
    assert_eq!(
        p.renewal_scope.as_ref().unwrap().others,
        OutsideScope::Unsaid
    );
    assert_eq!(
        p.late.consequence.value, None,
        "the region's lateness rule is not this disease's"
    );
    match p.warnings.iter().find(|w| w.code() == "window_assumed") {
        Some(Warning::WindowAssumed { note, .. }) => {
            assert_eq!(
                note.as_deref(),
                Some("测试：页面没有为其他病种规定复审期限；请向丁市医疗保障局咨询")
            )
        }
        other => panic!("{other:?}"),
    }
    let listed = plan("fx-six", "diabetes", "2026-06-30", "2026-05-06");
    assert!(!listed.window.as_ref().unwrap().assumed);
    assert_eq!(
        listed.late.consequence.value.as_deref(),
        Some("测试：逾期不再继续享受待遇")
    );
}

// ---- values that change on a date (上海) --------------------------------

#[test]
fn the_value_in_force_changes_on_its_first_day() {
    let policy = fixtures();
    let r = policy.region("fx-w-dated").unwrap();
    let at = |day| in_force(&r.validity_months, d(day)).map(|v| v.value);
    assert_eq!(at("2020-01-01"), Some(6), "the first value has no start");
    assert_eq!(at("2026-03-31"), Some(6));
    assert_eq!(at("2026-04-01"), Some(12));
    assert_eq!(at("2030-01-01"), Some(12));
}

#[test]
fn a_registration_unexpired_on_the_day_is_extended_and_no_other() {
    let policy = fixtures();
    let r = policy.region("fx-w-dated").unwrap();
    let ext = |end| extended_end(r, d(end)).map(|(_, to)| to);
    assert_eq!(ext("2026-03-31"), None, "ended before the day");
    assert_eq!(
        ext("2026-04-01"),
        Some(d("2026-10-01")),
        "still running on the day"
    );
    assert_eq!(
        ext("2026-09-30"),
        Some(d("2027-03-30")),
        "registered 2026-03-30"
    );
    assert_eq!(
        ext("2026-10-01"),
        None,
        "registered on the day: one year, not extended"
    );
    assert_eq!(ext("2027-06-30"), None);
}

#[test]
fn an_extended_end_date_is_said_and_the_window_counts_from_it() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let p = plan("fx-w-dated", "diabetes", "2026-08-31", "2026-06-01");
    let x = p.extension.as_ref().unwrap();
    assert_eq!(
        (x.original_end, x.extended_end, x.months),
        (d("2026-08-31"), d("2027-02-28"), 6)
    );
    assert_eq!(p.validity_end, d("2026-08-31"), "the answer as given");
    assert_eq!(p.window.as_ref().unwrap().closes, d("2027-02-28"));
    let j = json(&p);
    assert_eq!(j["extension"]["extended_end"], "2027-02-28");
    let out = text(&p, words);
    assert!(out.contains("到期日已顺延"), "{out}");
    assert!(
        out.contains("您输入的 2026-08-31 属于这种情况，现在到期日是 2027-02-28"),
        "{out}"
    );
    // Not extended: nothing said.
    let p = plan("fx-w-dated", "diabetes", "2027-06-30", "2026-06-01");
    assert!(p.extension.is_none());
    let out = text(&p, words);
    assert!(!out.contains("到期日已顺延"), "{out}");
}

#[test]
fn a_new_registration_lasts_the_value_in_force_on_the_day_one_applies() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    // Ended before 2026-04-01, so not extended; the window (assumed, 3
    // months) is open on 2026-01-15.
    let before = plan("fx-w-dated", "diabetes", "2026-03-31", "2026-01-15");
    assert!(before.extension.is_none());
    let v = before.validity.as_ref().unwrap();
    assert_eq!((v.on, v.months, v.since), (d("2026-01-15"), 6, None));
    // Opening on the day the value changes: the new value.
    let opening = plan("fx-w-dated", "diabetes", "2027-07-01", "2026-01-15");
    assert_eq!(opening.validity.as_ref().unwrap().on, d("2027-04-01"));
    assert_eq!(opening.validity.as_ref().unwrap().months, 12);
    let after = plan("fx-w-dated", "diabetes", "2027-06-30", "2026-04-01");
    let v = after.validity.as_ref().unwrap();
    assert_eq!(
        (v.months, v.since, v.previous_months),
        (12, Some(d("2026-04-01")), Some(6))
    );
    let out = text(&after, words);
    assert!(
        out.contains("有效期 12 个月（2026-04-01 起的规定；此前为 6 个月）"),
        "{out}"
    );
}

// ---- an online extension channel (湖南) ---------------------------------

#[test]
fn an_extension_channel_gives_its_diseases_a_new_end_and_a_fallback() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let p = plan("fx-w-dated", "diabetes", "2027-06-30", "2026-06-10");
    let app = p.channels.iter().find(|c| c.id == "app").unwrap();
    assert!(app.serves_disease);
    let x = app.extension.as_ref().unwrap();
    assert_eq!((x.months, x.new_end), (12, d("2028-06-30")));
    assert_eq!(
        (x.fallback.as_str(), x.fallback_name.as_str()),
        ("office", "辛市经办窗口")
    );
    assert_eq!(x.diseases, vec!["糖尿病".to_string()]);
    let j = json(&p);
    assert_eq!(j["channels"][1]["extension"]["fallback"], "office");
    assert_eq!(j["channels"][1]["extension"]["new_end"], "2028-06-30");
    let out = text(&p, words);
    assert!(
        out.contains("可以线上延期：辛市APP延期。测试：通过后按原待遇延期1年"),
        "{out}"
    );
    assert!(
        out.contains("不通过的：辛市经办窗口。测试：不通过的提交资料线下复审"),
        "{out}"
    );
    assert!(out.contains("可以这样延期的 1 种病：糖尿病"), "{out}");
}

#[test]
fn a_disease_the_extension_does_not_take_is_sent_to_the_fallback() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let p = plan("fx-w-dated", "tuberculosis", "2027-06-30", "2026-06-10");
    let app = p.channels.iter().find(|c| c.id == "app").unwrap();
    assert!(!app.serves_disease);
    assert!(app.apply_by.is_none());
    let out = text(&p, words);
    assert!(
        out.contains("辛市APP延期只给列出的病种延期，您的病种不在其中：请走 辛市经办窗口"),
        "{out}"
    );
    assert!(!out.contains("可以线上延期"), "{out}");
}

// ---- the data check knows each shape ------------------------------------

fn problems_after(file: &str, edit: impl FnOnce(&mut serde_json::Value)) -> Vec<Problem> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/policy");
    let read = |p: &Path| std::fs::read_to_string(p).unwrap();
    let national = read(&dir.join("national.json"));
    let mut texts: Vec<(String, String)> = std::fs::read_dir(dir.join("regions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                read(&p),
            )
        })
        .collect();
    let entry = texts.iter_mut().find(|(f, _)| f == file).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&entry.1).unwrap();
    edit(&mut v);
    entry.1 = v.to_string();
    match PolicySet::from_files(
        ("national.json", &national),
        texts.iter().map(|(f, t)| (f.as_str(), t.as_str())),
    ) {
        Ok(_) => Vec::new(),
        Err(LoadError::Invalid(p)) => p,
    }
}

fn assert_problem(problems: &[Problem], field: &str, reason: &str) {
    assert!(
        problems
            .iter()
            .any(|p| p.field.contains(field) && p.reason.contains(reason)),
        "{field}: {reason} not in {problems:#?}"
    );
}

#[test]
fn the_data_check_refuses_each_shape_done_wrong() {
    use serde_json::json;
    let p = problems_after("fx-w-grace.json", |v| v["grace_days"]["value"] = json!(0));
    assert_problem(&p, "grace_days.value", "0 days");
    let p = problems_after("fx-w-grace.json", |v| {
        v["window_months"] = json!({"value": 3, "source": "fx-e-notice"})
    });
    assert_problem(&p, "window_days", "one in months");
    let p = problems_after("fx-w-listed.json", |v| {
        v["renewal_scope"]["diseases"] = json!(["zz"])
    });
    assert_problem(&p, "renewal_scope.diseases[0]", "\"zz\" does not exist");
    let p = problems_after("fx-w-none.json", |v| {
        v["renewal_scope"]["still_matters"] = json!(["zz"])
    });
    assert_problem(&p, "renewal_scope.still_matters[0]", "does not exist");
    let p = problems_after("fx-six.json", |v| {
        v["renewal_scope"]["diseases"] = json!([])
    });
    assert_problem(&p, "renewal_scope", "cover nobody");
    let p = problems_after("fx-w-dated.json", |v| {
        v["validity_months"][1]["from"] = json!(null);
    });
    assert_problem(&p, "validity_months[1].from", "only the first");
    let p = problems_after("fx-w-dated.json", |v| {
        v["validity_months"] =
            json!([{"from": "2026-04-01", "value": 12, "source": "fx-h-notice"}]);
    });
    assert_problem(
        &p,
        "validity_extensions[0]",
        "no value in force the day before",
    );
    let p = problems_after("fx-w-dated.json", |v| {
        v["validity_months"][0]["source"] = json!("nope")
    });
    assert_problem(&p, "validity_months[0].source", "not listed");
    let p = problems_after("fx-w-dated.json", |v| {
        v["channels"][1]["extension"]["fallback"] = json!("app")
    });
    assert_problem(&p, "channels[1].extension.fallback", "another channel");
    assert!(
        problems_after("fx-w-dated.json", |_| {}).is_empty(),
        "the fixtures are valid"
    );
}

/// An extension may be refused and go to its fallback, so its day to apply
/// by leaves time for the fallback's review; with that time unknown (湖南's
/// offline review) there is no such day, never "0 working days".
#[test]
fn an_extension_day_to_apply_by_waits_on_its_fallback() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let answers = Answers {
        region: "fx-w-dated".into(),
        scheme: Scheme::Employee,
        disease: "diabetes".into(),
        validity_end: d("2027-06-30"),
        cross_province: false,
        retired: false,
    };
    let p = compute(&fixtures(), &answers, d("2027-05-03")).unwrap();
    let app = p.channels.iter().find(|c| c.id == "app").unwrap();
    let office = p.channels.iter().find(|c| c.id == "office").unwrap();
    assert_eq!(app.apply_by, office.apply_by, "the office's 5 days");
    assert_eq!(p.apply_by.as_ref().unwrap().working_days, 5);
    // The fallback's review time unknown: no day from the app either.
    let mut policy = fixtures();
    let region = policy
        .regions
        .iter_mut()
        .find(|r| r.id == "fx-w-dated")
        .unwrap();
    for ch in &mut region.channels {
        if ch.id == "office" {
            ch.review.working_days = None;
        }
    }
    let p = compute(&policy, &answers, d("2027-05-03")).unwrap();
    let app = p.channels.iter().find(|c| c.id == "app").unwrap();
    assert_eq!(app.apply_by, None);
    assert!(p.apply_by.is_none());
    assert_eq!(p.deadline, Deadline::Unknown);
    let line = render::apply_by_line(&p, words).unwrap();
    assert!(
        line.contains("辛市经办窗口") && !line.contains("APP"),
        "{line}"
    );
}
