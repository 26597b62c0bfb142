use super::*;
use crate::i18n::Lang;

const ZH: Words = Words::new(Lang::ZhHans);

fn run_with(input: &str) -> (bool, String) {
    let (outcome, out) = outcome_of(input);
    (outcome == Outcome::Planned, out)
}

fn outcome_of(input: &str) -> (Outcome, String) {
    let policy = crate::policy::fixture::policy();
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let mut out = Vec::new();
    let outcome = run(&policy, today, &mut input.as_bytes(), &mut out, None, ZH).unwrap();
    (outcome, String::from_utf8(out).unwrap())
}

/// Issue 26 (one way of saying each thing), on the shipped data with a
/// store: suggestions are numbered and the whole list is not said
/// again; no 注意：注意：; the saved checklist says 待办：, not ☐ or ►.
#[test]
fn plain_mode_says_each_thing_one_way() {
    let policy = PolicySet::embedded().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let now = chrono::Utc::now();
    let run_in = |input: &str| {
        let mut out = Vec::new();
        let outcome = run(
            &policy,
            today,
            &mut input.as_bytes(),
            &mut out,
            Some((&store, now)),
            ZH,
        )
        .unwrap();
        (outcome, String::from_utf8(out).unwrap())
    };
    let (_, out) = run_in("changs\n1\n");
    assert!(out.contains("  1. 湖南省长沙市"), "{out}");
    assert!(out.contains("已选：湖南省长沙市"), "{out}");
    assert_eq!(
        out.matches("安徽省芜湖市").count(),
        1,
        "the list once:\n{out}"
    );
    let (outcome, out) = run_in("qingdao\n1\n乙肝\n2027-02-28\n2\n");
    assert_eq!(outcome, Outcome::Planned, "{out}");
    assert!(!out.contains("注意：注意："), "{out}");
    for mark in ["►", "☐", "☎", "☑"] {
        assert!(!out.contains(mark), "{mark} in plain mode:\n{out}");
    }
    let saved = out.split(ZH.t("prompt.checklist")).nth(1).unwrap_or("");
    assert!(saved.contains("待办：1."), "{saved}");
}

/// Issue 14 (Modes): `q` says the person quit, not that input ran out.
#[test]
fn q_says_it_quit_and_the_end_of_input_says_that() {
    let (outcome, out) = outcome_of("甲市\nq\n");
    assert_eq!(outcome, Outcome::Quit);
    assert!(out.contains("已退出（您输入了 q）"), "{out}");
    assert!(!out.contains("输入结束"), "{out}");
    let (outcome, out) = outcome_of("甲市\n");
    assert_eq!(outcome, Outcome::InputEnded);
    assert!(out.contains("输入结束"), "{out}");
}

/// Issue 14 (Choosing and typing): the same date reader as the wizard:
/// month and day alone say which year; a date decades away is asked again.
#[test]
fn plain_dates_say_the_year_chosen_and_far_dates_are_asked_again() {
    let (done, out) = run_with("甲市\n1\ntnb\n3/31\n\n");
    assert!(done, "{out}");
    assert!(out.contains("理解为：2026-03-31"), "{out}");
    assert!(out.contains("没写年份，按今年（2026 年）算"), "{out}");
    let (done, out) = run_with("甲市\n1\ntnb\n1/10\n\n");
    assert!(done, "{out}");
    assert!(out.contains("理解为：2027-01-10"), "{out}");
    assert!(out.contains("按 2027 年算"), "{out}");
    // 2062 for 2026: warned, asked again; the right date is taken.
    let (done, out) = run_with("甲市\n1\ntnb\n2062-03-31\n2026-03-31\n\n");
    assert!(done, "{out}");
    assert!(out.contains("2062-03-31 离今天约 36 年"), "{out}");
    assert!(
        out.contains("有效期至 2026年3月31日") || out.contains("2026-03-31"),
        "{out}"
    );
    assert!(!out.contains("理解为：2062"), "{out}");
    // Typed again, it is taken.
    let (done, out) = run_with("甲市\n1\ntnb\n2062-03-31\n2062-03-31\n\n");
    assert!(done, "{out}");
    assert!(out.contains("理解为：2062-03-31"), "{out}");
}

/// Issue 14 (Modes): plain mode is for screen readers: words, not
/// ► ☐ ☎, and a Chinese sentence is never hard-wrapped mid-phrase.
#[test]
fn plain_plan_uses_words_for_marks_and_does_not_hard_wrap() {
    let (done, out) = run_with("甲市\n1\ntnb\n2026-03-31\n\n");
    assert!(done, "{out}");
    for mark in ["►", "☐", "☎", "☑"] {
        assert!(!out.contains(mark), "{mark} in plain mode:\n{out}");
    }
    assert!(out.contains("待办：1. 身份证原件及复印件"), "{out}");
    let record = "近一年的门诊病历和检查报告";
    assert!(out.lines().any(|l| l.ends_with(record)), "{out}");
}

#[test]
fn numbers_names_and_defaults() {
    // 甲市 by its number in the list, wherever other fixtures put it.
    let jia = 1 + crate::policy::fixture::policy()
        .regions
        .iter()
        .position(|r| r.id == "fx-exact")
        .unwrap();
    let (done, out) = run_with(&format!("{jia}\n城乡居民\n2\n2026/3/31\n\n"));
    assert!(done);
    assert!(out.contains("续期计划 · 示例省甲市"));
    assert!(out.contains("医保：城乡居民医保"));
    assert!(out.contains("病种：糖尿病"));
    assert!(!out.contains("跨省异地就医】"), "default is no");
}

#[test]
fn back_keeps_answers_and_offers_them_as_defaults() {
    // Region, scheme, then back twice to the region, Enter keeps 甲市.
    let (done, out) = run_with("甲市\n1\n<\n<\n\n\ngxy\n2026-03-31\n1\n");
    assert!(done, "{out}");
    assert!(out.contains("（默认 示例省甲市）"));
    assert!(out.contains("（默认 职工医保）"));
    assert!(out.contains("病种：高血压"));
    assert!(out.contains("跨省异地就医"));
}

#[test]
fn bad_answers_are_explained_and_asked_again() {
    let regions = crate::policy::fixture::policy().regions.len();
    let (done, out) = run_with("99\n示例\n甲市\n1\nflu\ntnb\n2026-02-30\n2026-03-31\nmaybe\n2\n");
    assert!(done, "{out}");
    assert!(out.contains(&format!("没有这个选项：请输入 1 到 {regions} 的编号")));
    assert!(out.contains("有几个都对得上"));
    assert!(out.contains("2026年2月没有 30 日"));
    assert!(out.contains("没有这个选项：请输入 1 到 2 的编号"));
}

/// Issue 20: a disease the region's list does not name takes the
/// entry that covers it (甲市's 其他病种), and the plan names it.
#[test]
fn a_disease_not_on_the_list_takes_the_open_entry_and_is_named() {
    let (done, out) = run_with("甲市\n1\n帕金森\n2026-03-31\n2\n");
    assert!(done, "{out}");
    assert!(out.contains("您的病“帕金森”不在本程序掌握的"), "{out}");
}

/// Issue 14: the welcome says how many questions; retired and
/// cross-province both default to 否; a count that grows says why.
#[test]
fn the_count_of_questions_is_said_and_explained_when_it_grows() {
    let (done, out) = run_with("乙市\n1\n\ngxy\n2026-03-31\n\n");
    assert!(done, "{out}");
    assert!(out.contains("回答 5 个问题"), "{out}");
    assert!(
        out.contains("多问一个问题：是否已退休。现在共 6 步。"),
        "{out}"
    );
    assert!(
        out.contains("是否已退休？（影响报销比例示例）（默认 否）\n  1. 是\n  2. 否\n> 已选：否"),
        "Enter takes 否: {out}"
    );
    assert!(
        out.contains("在外省居住或看病？（默认 否）\n  1. 是\n  2. 否\n> 已选：否"),
        "{out}"
    );
}

/// Issue 12: any province or city is typed by name; the plan names the
/// person's place. Issue 14: a place not found lists the nearest and
/// the number of the generic entry (it said only "not a choice").
#[test]
fn any_place_is_typed_and_an_unknown_one_offers_the_way_on() {
    let (done, out) = run_with("石家庄\n1\ngxy\n2026-03-31\n\n");
    assert!(done, "{out}");
    assert!(out.contains("其他省、市请直接输入名称或拼音"), "{out}");
    assert!(out.contains("已选：河北省石家庄市"), "{out}");
    assert!(
        out.contains("河北省石家庄市 · 本程序还没有当地的续期资料：以下是通用做法"),
        "{out}"
    );
    // The generic entry is the last of the numbered suggestions
    // (issue 26: the suggestions are numbered, the next number picks).
    let (_, shown) = run_with("atlantis\n");
    let near = shown
        .lines()
        .filter(|l| l.starts_with("  ") && l.contains(". ") && l.contains("通用做法"))
        .count();
    let generic = near + 1;
    let (done, out) = run_with(&format!("atlantis\n{generic}\n1\ngxy\n2026-03-31\n\n"));
    assert!(done, "{out}");
    assert!(out.contains("没有找到“atlantis”。最接近的地方："), "{out}");
    assert!(
        out.contains(&format!(
            "不在这里的地方：输入 {generic} 选“其他地区（通用）”"
        )),
        "{out}"
    );
    assert!(out.contains("已选：其他地区（通用）"), "{out}");
}

#[test]
fn retired_is_asked_only_where_it_changes_something() {
    let (_, out) = run_with("乙市\n1\n1\ngxy\n2026-03-31\n\n");
    assert!(out.contains("是否已退休"));
    assert!(out.contains("第 1 步，共 6 步") || out.contains("共 6 步"));
    assert!(out.contains("退休报销 75%"));
    let (_, out) = run_with("甲市\n1\ntnb\n2026-03-31\n\n");
    assert!(!out.contains("是否已退休？"));
}

#[test]
fn changing_the_region_clears_a_disease_from_another_list() {
    let (done, out) = run_with("甲市\n1\n4\n<\n<\n<\n丙市\n\nzzz\n白血病\n2026-03-31\n\n");
    assert!(done, "{out}");
    assert!(out.contains("病种：白血病"));
    let with_default = "如 tnb）（默认";
    assert_eq!(
        out.matches(with_default).count(),
        1,
        "only before the region changed: {out}"
    );
}

#[test]
fn the_retired_answer_survives_a_region_change() {
    // 是 for 乙市, over to 甲市 and back: asked again with 是 kept.
    let (done, out) = run_with("乙市\n1\n1\n<\n<\n<\n甲市\n\n<\n<\n乙市\n\n\ngxy\n2026-03-31\n\n");
    assert!(done, "{out}");
    // Once on the way back, once after the region changed.
    assert_eq!(
        out.matches("是否已退休？（影响报销比例示例）（默认 是）")
            .count(),
        2,
        "{out}"
    );
    assert!(out.contains("退休报销 75%"), "{out}");
}

#[test]
fn quitting_or_running_out_of_input_saves_nothing() {
    assert!(!run_with("甲市\nq\n").0);
    assert!(!run_with("").0);
}
