//! The `renew` binary as a person or a script uses it: every output format,
//! every kind of bad input, and the listings. Hermetic: a temp data dir and
//! a fixed today. The rules are shown on the fixture regions (甲乙丙丁市 of
//! 示例省, `tests/fixtures/policy/regions`, loaded as a policy pack), so an
//! edit of `data/` changes none of these; the shipped regions' output is
//! pinned in `tests/data.rs`.

mod common;

use assert_cmd::Command;
use common::{FIXTURE_REGIONS, renew_in};
use predicates::prelude::*;
use serde_json::Value;

/// The binary, hermetic (`common::hermetic`), with the fixture regions
/// added to the shipped ones as a policy pack.
fn renew() -> (Command, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = renew_in(dir.path());
    cmd.env("RENEW_POLICY_DIR", FIXTURE_REGIONS)
        .env("NO_COLOR", "1");
    (cmd, dir)
}

fn plan_args<'a>(region: &'a str, scheme: &'a str, disease: &'a str, end: &'a str) -> Vec<&'a str> {
    vec![
        "plan",
        "--region",
        region,
        "--scheme",
        scheme,
        "--disease",
        disease,
        "--end",
        end,
    ]
}

fn json_plan(args: &[&str], today: &str) -> Value {
    let (mut cmd, _dir) = renew();
    let out = cmd
        .args(args)
        .args(["--today", today, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn json_has_every_contract_field() {
    let v = json_plan(
        &plan_args("甲市", "职工医保", "tnb", "2026-03-31"),
        "2026-01-15",
    );
    assert_eq!(v["region"]["id"], "fx-exact");
    assert_eq!(v["region"]["name"], "示例省甲市");
    assert_eq!(v["scheme"], "employee");
    assert_eq!(v["disease"]["id"], "diabetes");
    assert_eq!(v["disease"]["name"], "糖尿病");
    assert_eq!(v["validity_end"], "2026-03-31");
    assert_eq!(v["today"], "2026-01-15");
    assert_eq!(v["window"]["opens"], "2025-12-31");
    assert_eq!(v["window"]["closes"], "2026-03-31");
    assert_eq!(v["status"], "open");
    assert_eq!(v["days_left"], 75);
    assert!(
        v["documents"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["name"].is_string())
    );
    let kinds: Vec<&str> = v["channels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"online") && kinds.contains(&"offline"));
    assert!(v["channels"][0]["name"].is_string());
    assert!(!v["sources"].as_array().unwrap().is_empty());
    assert!(v["warnings"].is_array());
}

#[test]
fn statuses_in_json() {
    let args = plan_args("乙市", "resident", "gxy", "2026-06-30");
    assert_eq!(json_plan(&args, "2026-03-29")["status"], "not_yet_open");
    assert_eq!(json_plan(&args, "2026-03-30")["status"], "open");
    let last = json_plan(&args, "2026-06-30");
    assert_eq!(
        (last["status"].as_str(), last["days_left"].as_i64()),
        (Some("open"), Some(0))
    );
    assert_eq!(json_plan(&args, "2026-07-01")["status"], "expired");
}

#[test]
fn every_date_format_gives_the_same_plan() {
    let base = json_plan(
        &plan_args("甲市", "employee", "diabetes", "2026-03-31"),
        "2026-01-15",
    );
    for end in [
        "2026/3/31",
        "2026.3.31",
        "20260331",
        "2026年3月31日",
        "２０２６－０３－３１",
        "２０２６年３月３１日",
    ] {
        let v = json_plan(
            &plan_args("甲市", "employee", "diabetes", end),
            "2026-01-15",
        );
        assert_eq!(v["window"], base["window"], "{end}");
    }
}

#[test]
fn today_from_the_environment() {
    let (mut cmd, _d) = renew();
    let out = cmd
        .args(plan_args("甲市", "employee", "diabetes", "2026-03-31"))
        .args(["--format", "json"])
        .env("RENEW_TODAY", "2026-03-31")
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["days_left"], 0);
}

#[test]
fn ids_names_pinyin_and_parts_all_resolve() {
    for (region, disease, want_region, want_disease) in [
        ("fx-exact", "diabetes", "fx-exact", "diabetes"),
        ("甲市", "糖尿病", "fx-exact", "diabetes"),
        ("jiashi", "gxy", "fx-exact", "hypertension"),
        // (`js` alone is also 江苏's initials: asked, see below.)
        ("slsjs", "tangniaobing", "fx-exact", "diabetes"),
        ("甲市辖区", "肾衰", "fx-exact", "renal-failure"),
        ("丙市", "白血病", "fx-assumed", "leukemia"),
        ("丁市", "慢阻肺", "fx-six", "copd"),
        ("乙市", "其他", "fx-typical", "other"),
        ("通用", "高血压", "generic", "hypertension"),
    ] {
        let v = json_plan(
            &plan_args(region, "cxjm", disease, "2026-06-30"),
            "2026-05-01",
        );
        assert_eq!(
            (v["region"]["id"].as_str(), v["disease"]["id"].as_str()),
            (Some(want_region), Some(want_disease)),
            "{region} {disease}"
        );
        assert_eq!(v["scheme"], "resident");
    }
}

/// The shipped regions' names, aliases and pinyin as people type them (a
/// data test: renaming a place in `data/` changes it).
#[test]
fn shipped_place_names_resolve() {
    for (region, disease, want_region, want_disease) in [
        ("qinghai-haixi", "diabetes", "qinghai-haixi", "diabetes"),
        ("海西", "糖尿病", "qinghai-haixi", "diabetes"),
        ("haixi", "gxy", "qinghai-haixi", "hypertension"),
        ("hx", "tangniaobing", "qinghai-haixi", "diabetes"),
        ("青岛", "尿毒症", "shandong-qingdao", "uremia-dialysis"),
        ("qingdao", "白血病", "shandong-qingdao", "leukemia"),
        ("平度", "癫痫", "shandong-qingdao", "epilepsy"),
        ("潜江", "慢阻肺", "hubei-qianjiang", "copd"),
        ("防城港", "其他", "guangxi-fangchenggang", "other"),
    ] {
        let v = json_plan(
            &plan_args(region, "cxjm", disease, "2026-06-30"),
            "2026-05-01",
        );
        assert_eq!(
            (v["region"]["id"].as_str(), v["disease"]["id"].as_str()),
            (Some(want_region), Some(want_disease)),
            "{region} {disease}"
        );
        assert_eq!(v["scheme"], "resident");
    }
}

fn fails_with(args: &[&str], needles: &[&str]) {
    let (mut cmd, _d) = renew();
    let assert = cmd
        .args(args)
        .args(["--today", "2026-01-15"])
        .assert()
        .code(2)
        .stdout("");
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    for n in needles {
        assert!(err.contains(n), "{n:?} not in {err}");
    }
}

#[test]
fn unknown_and_ambiguous_values_exit_2_with_choices() {
    fails_with(
        // Among every place in China the nearest to a made-up name are
        // places, not the regions with data (issue 12).
        &plan_args("atlantis", "employee", "tnb", "2026-03-31"),
        &["找不到", "地区", "最接近", "renew regions"],
    );
    fails_with(
        &plan_args("示例", "employee", "tnb", "2026-03-31"),
        &["多个", "fx-exact", "fx-typical"],
    );
    // Initials two places share are asked about, not guessed (issue 12).
    fails_with(
        &plan_args("js", "employee", "tnb", "2026-03-31"),
        // 江苏 has a file of its own now: its id stands for it.
        &["多个", "fx-exact", "jiangsu  江苏省"],
    );
    fails_with(
        &plan_args("甲市", "private", "tnb", "2026-03-31"),
        &["医保类型", "employee", "resident"],
    );
    fails_with(
        &plan_args("甲市", "employee", "flu", "2026-03-31"),
        &["病种", "diabetes"],
    );
    fails_with(
        &plan_args("丙市", "employee", "zzzz", "2026-03-31"),
        &["病种", "leukemia", "rheumatoid-arthritis"],
    );
}

#[test]
fn impossible_dates_exit_2_and_say_what_is_valid() {
    fails_with(
        &plan_args("甲市", "employee", "tnb", "2026-02-30"),
        &["--end", "只有 1 到 28 日"],
    );
    fails_with(
        &plan_args("甲市", "employee", "tnb", "2026-13-01"),
        &["月份是 1 到 12"],
    );
    fails_with(
        &plan_args("甲市", "employee", "tnb", ""),
        &["年-月-日", "某年某月某日"],
    );
    fails_with(
        &plan_args("甲市", "employee", "tnb", "next week"),
        &["看不懂"],
    );
    let (mut cmd, _d) = renew();
    cmd.args(plan_args("甲市", "employee", "tnb", "2026-03-31"))
        .args(["--today", "2026-02-29"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--today"));
}

#[test]
fn text_and_markdown_carry_the_essentials() {
    for format in ["text", "markdown"] {
        let (mut cmd, _d) = renew();
        let out = cmd
            .args(plan_args("甲市", "employee", "tnb", "2026-03-31"))
            .args(["--today", "2026-01-15", "--format", format])
            .output()
            .unwrap();
        assert!(out.status.success());
        let s = String::from_utf8(out.stdout).unwrap();
        for needle in [
            "2025-12-31",
            "2026-03-31",
            "75 天",
            "身份证原件及复印件",
            "甲市医保公众号",
            "8:30-17:30",
            "第三方网站整理，非官方公告",
            "官方公告为准",
        ] {
            assert!(s.contains(needle), "{format}: {needle}");
        }
    }
}

#[test]
fn lists_of_regions_and_diseases() {
    let (mut cmd, _d) = renew();
    cmd.arg("regions").assert().success().stdout(
        predicate::str::contains("fx-exact").and(predicate::str::contains("其他地区（通用）")),
    );
    let (mut cmd, _d) = renew();
    let out = cmd.args(["regions", "--format", "json"]).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for id in ["fx-assumed", "fx-exact", "fx-six", "fx-typical"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    assert_eq!(ids.last(), Some(&"generic"), "the generic entry last");
    let (mut cmd, _d) = renew();
    let out = cmd
        .args(["diseases", "--region", "丙市", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 7);
    let (mut cmd, _d) = renew();
    cmd.args(["diseases", "--region", "jiashi"])
        .assert()
        .success()
        .stdout(predicate::str::contains("糖尿病"));
    let (mut cmd, _d) = renew();
    cmd.args(["diseases", "--region", "nowhere"])
        .assert()
        .code(2);
}

#[test]
fn plain_questions_from_a_pipe() {
    let (mut cmd, _d) = renew();
    let out = cmd
        .args(["--today", "2026-01-15"])
        .write_stdin("甲市\n1\ntnb\n2026年3月31日\n\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("第 1 步，共 5 步"));
    assert!(s.contains("理解为：2026-03-31 星期二，75 天后"));
    assert!(s.contains("续期计划 · 示例省甲市"));
    // The day to act on first, and the end (issue 22).
    assert!(
        s.contains("离最晚申请日还剩 68 天（离申请期结束还剩 75 天）"),
        "{s}"
    );
}

#[test]
fn a_pipe_that_ends_early_says_so() {
    let (mut cmd, _d) = renew();
    cmd.args(["--today", "2026-01-15"])
        .write_stdin("甲市\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("输入结束"));
}

/// Issue 14 (Modes): `q` in plain mode says it quit and exits 0, as `q`
/// in the wizard does (README: exit status).
#[test]
fn q_in_plain_mode_says_it_quit() {
    let (mut cmd, _d) = renew();
    cmd.args(["--today", "2026-01-15"])
        .write_stdin("甲市\nq\n")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("已退出"))
        .stdout(predicate::str::contains("输入结束").not());
}

/// The whole text and markdown output for each rule shape, pinned.
#[test]
fn snapshots_of_each_rule_shape() {
    for (name, region, disease, end, extra) in [
        ("exact", "fx-exact", "diabetes", "2026-03-31", vec![]),
        // Not across provinces: those steps are national data, pinned in
        // tests/data.rs (the pack's regions join the shipped national file).
        ("assumed", "fx-assumed", "epilepsy", "2026-06-30", vec![]),
        (
            "typical",
            "fx-typical",
            "hypertension",
            "2026-06-30",
            vec!["--retired"],
        ),
        ("six", "fx-six", "copd", "2026-08-31", vec![]),
        ("generic", "generic", "other", "2026-06-30", vec![]),
    ] {
        for format in ["text", "markdown"] {
            let (mut cmd, _d) = renew();
            let out = cmd
                .args(plan_args(region, "employee", disease, end))
                .args(&extra)
                .args(["--today", "2026-05-06", "--format", format])
                .output()
                .unwrap();
            assert!(out.status.success());
            insta::assert_snapshot!(
                format!("{name}_{format}"),
                String::from_utf8(out.stdout).unwrap()
            );
        }
    }
}

#[test]
fn plain_mode_is_scriptable_and_saves_the_checklist() {
    let (mut cmd, dir) = renew();
    let out = cmd
        .args(["--plain", "--today", "2026-01-15"])
        .write_stdin("甲市\n2\n糖尿病\n2026-03-31\n\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("医保：城乡居民医保"));
    // The saved checklist in plain mode's words, as the plan said them.
    assert!(s.contains("待办：3. 近一年的门诊病历和检查报告"), "{s}");
    assert!(!s.contains('☐'), "{s}");
    assert!(!s.contains('\u{1b}'), "no escape sequences on plain lines");
    assert!(!s.contains("+---"), "no drawn tables for a screen reader");
    assert!(
        s.contains("在哪办：甲市任一定点医院医保科"),
        "the comparison as labelled lines"
    );
    let files: Vec<_> = std::fs::read_dir(dir.path().join("checklists"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name().to_string_lossy().ends_with(".json")
                && !e.file_name().to_string_lossy().starts_with('.')
        })
        .collect();
    assert_eq!(files.len(), 1);
    let saved: Value =
        serde_json::from_str(&std::fs::read_to_string(files[0].path()).unwrap()).unwrap();
    assert_eq!(saved["answers"]["scheme"], "resident");
}

#[test]
fn plain_mode_for_screen_readers_and_kiosks() {
    // ACCESSIBLE=1 asks on plain lines; `<` goes back keeping answers.
    let (mut cmd, _dir) = renew();
    let out = cmd
        .args(["--today", "2026-01-15"])
        .env("ACCESSIBLE", "1")
        .write_stdin("甲市\n1\n<\n2\ntnb\n2026-03-31\n\n")
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("（默认 职工医保）"), "{s}");
    assert!(s.contains("医保：城乡居民医保"));
    // A kiosk never writes the checklist.
    let (mut cmd, dir) = renew();
    let out = cmd
        .args(["--plain", "--kiosk", "--today", "2026-01-15"])
        .write_stdin("甲市\n1\ntnb\n2026-03-31\n\n")
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("清单没有保存")
    );
    assert!(!dir.path().join("checklists").exists());
}

#[test]
fn a_broken_config_file_is_named() {
    let (mut cmd, dir) = renew();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[kiosk]\nidle_seconds = 3\n").unwrap();
    cmd.args(["regions", "--config"])
        .arg(&config)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("idle_seconds"));
}

/// The ids of the plan's channels that take its disease.
fn serving_channels(v: &Value) -> Vec<String> {
    v["channels"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["serves_disease"] == true)
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

/// Issue 11 §3: a disease filed only at hospitals (青岛's 乙肝、丙肝、精神病;
/// the fixture's 丙市 精神病): the office window is no way in for it and gives
/// it no dates.
#[test]
fn hospital_only_diseases_are_not_offered_the_office_window() {
    {
        let disease = "psychosis";
        let v = json_plan(
            &plan_args("丙市", "employee", disease, "2026-06-30"),
            "2026-05-06",
        );
        assert_eq!(v["disease"]["id"], disease);
        assert_eq!(serving_channels(&v), ["hospital-proxy"], "{disease}");
        let office = v["channels"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "social-insurance-office")
            .unwrap();
        assert_eq!(office["apply_by"], Value::Null, "{disease}");
        assert_eq!(office["expected_result"], Value::Null, "{disease}");
        // The hospital's review time is not in the source: no headline date.
        assert_eq!(v["apply_by"], Value::Null, "{disease}: {}", v["apply_by"]);
    }
}

/// Issue 11 §3: a channel for people who never held the benefit (青岛's
/// instant-processing hospitals, 从未办理过) is not in a renewal plan.
#[test]
fn a_first_application_only_channel_is_not_offered_for_renewal() {
    for disease in ["leukemia", "epilepsy", "rheumatoid-arthritis"] {
        let v = json_plan(
            &plan_args("丙市", "employee", disease, "2026-06-30"),
            "2026-05-06",
        );
        let ids: Vec<&str> = v["channels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        assert!(!ids.contains(&"instant-hospital"), "{disease}: {ids:?}");
        assert_ne!(v["apply_by"]["channel"], "instant-hospital", "{disease}");
    }
    let (mut cmd, _dir) = renew();
    let out = cmd
        .args(plan_args("丙市", "employee", "leukemia", "2026-06-30"))
        .args(["--today", "2026-05-06"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("社会保险经办机构窗口"), "{text}");
    assert!(!text.contains("即时办理定点医院"), "{text}");
}

/// Issue 11 §3: a channel whose review time the source does not give (医疗
///机构代办) has none, and the headline comes from the office's 7 days.
#[test]
fn an_unknown_review_time_gives_no_dates() {
    let v = json_plan(
        &plan_args("丙市", "employee", "epilepsy", "2026-06-30"),
        "2026-05-06",
    );
    let proxy = v["channels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "hospital-proxy")
        .unwrap();
    assert_eq!(proxy["review"]["working_days"], Value::Null);
    assert_eq!(proxy["apply_by"], Value::Null);
    assert_eq!(proxy["expected_result"], Value::Null);
    assert_eq!(v["apply_by"]["channel"], "social-insurance-office");
    assert_eq!(v["apply_by"]["working_days"], 7);
}

#[test]
fn an_alias_that_another_name_also_fits_is_ambiguous() {
    // In 丙市 (as in 青岛) `tnb` is exactly an alias (糖尿病) of 糖尿病合并
    // 并发症 and part of 1型糖尿病's name: the command must not guess.
    fails_with(
        &plan_args("丙市", "职工", "tnb", "2026-03-31"),
        &["tnb", "糖尿病合并并发症", "1型糖尿病"],
    );
    // A name matched exactly still settles it (甲市 has one 糖尿病).
    let v = json_plan(
        &plan_args("甲市", "职工", "tnb", "2026-03-31"),
        "2026-01-15",
    );
    assert_eq!(v["disease"]["name"], "糖尿病");
}

#[test]
fn plain_mode_asks_again_on_ambiguous_text_and_says_what_it_understood() {
    let (mut cmd, _dir) = renew();
    let out = cmd
        .args(["--plain", "--today", "2026-01-15"])
        .write_stdin("丙市\n1\ntnb\n2\n2026-03-31\n\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    let listed = s.find("有几个都对得上").expect("asks again with the list");
    // The suggestions are numbered 1.. and the next number picks from
    // them; the whole list is not printed again (issue 26).
    assert!(
        s[listed..].contains("  1. 糖尿病合并并发症\n  2. 1型糖尿病"),
        "{s}"
    );
    assert!(s[listed..].contains("请输入上面 1 到 2 的编号"), "{s}");
    for echo in [
        "已选：示例省丙市",
        "已选：职工医保",
        "已选：1型糖尿病",
        "理解为：2026-03-31",
        "已选：否",
    ] {
        assert!(s.contains(echo), "{echo:?} not in {s}");
    }
    assert!(!s.contains("已选：糖尿病合并"), "nothing taken on a guess");
    assert!(s.contains("病种：1型糖尿病"));
}

/// Issue 14 (Modes): a pipe honours `COLUMNS` instead of always laying the
/// plan out 100 columns wide.
#[test]
fn plan_in_a_pipe_honours_columns() {
    use unicode_width::UnicodeWidthStr;
    let (mut cmd, _dir) = renew();
    let out = cmd
        .args(plan_args("乙市", "employee", "diabetes", "2026-03-31"))
        .args(["--today", "2026-01-15"])
        .env("COLUMNS", "60")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let widest = text.lines().map(|l| l.width()).max().unwrap_or(0);
    assert!(widest <= 60, "{widest} columns:\n{text}");
    assert!(widest > 50, "laid out for 60 columns, {widest} used");
}

/// Issue 14 (Modes): `--width N` lays the text out N columns wide; `--width
/// 0` does not wrap at all, so a pipe gets every paragraph on one line.
#[test]
fn plan_width_flag_sets_or_turns_off_wrapping() {
    use unicode_width::UnicodeWidthStr;
    let run = |width: &str| {
        let (mut cmd, _dir) = renew();
        let out = cmd
            .args(plan_args("乙市", "employee", "diabetes", "2026-03-31"))
            .args(["--today", "2026-01-15", "--width", width])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let narrow = run("50");
    assert!(narrow.lines().all(|l| l.width() <= 50), "{narrow}");
    let unwrapped = run("0");
    let reason = "证明病情持续、仍需长期门诊治疗及用药";
    assert!(
        unwrapped.lines().any(|l| l.trim_end().ends_with(reason)),
        "{unwrapped}"
    );
    assert!(unwrapped.lines().any(|l| l.width() > 100), "{unwrapped}");
}

/// Plan JSON is for programs: the same bytes whatever `--lang` says, for
/// every region, with warnings of every kind (window open, closed, not yet
/// open, assumed), so no field carries words in the UI language.
#[test]
fn plan_json_is_the_same_in_every_language() {
    let (mut cmd, _d) = renew();
    let out = cmd.args(["regions", "--format", "json"]).output().unwrap();
    let regions: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut warnings = 0;
    for region in regions.as_array().unwrap() {
        let region = region["id"].as_str().unwrap();
        let (mut cmd, _d) = renew();
        let out = cmd
            .args(["diseases", "--region", region, "--format", "json"])
            .output()
            .unwrap();
        let diseases: Value = serde_json::from_slice(&out.stdout).unwrap();
        let disease = diseases[0]["id"].as_str().unwrap();
        for end in ["2025-12-01", "2026-03-31", "2027-06-30"] {
            let outputs: Vec<Vec<u8>> = ["zh-Hans", "zh-Hant", "en"]
                .into_iter()
                .map(|lang| {
                    let (mut cmd, _d) = renew();
                    let out = cmd
                        .args(["--lang", lang])
                        .args(plan_args(region, "employee", disease, end))
                        .args(["--today", "2026-01-15", "--format", "json"])
                        .output()
                        .unwrap();
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                    out.stdout
                })
                .collect();
            let plan: Value = serde_json::from_slice(&outputs[0]).unwrap();
            warnings += plan["warnings"].as_array().unwrap().len();
            for other in &outputs[1..] {
                let (a, b) = (
                    String::from_utf8_lossy(&outputs[0]),
                    String::from_utf8_lossy(other),
                );
                if let Some((x, y)) = a.lines().zip(b.lines()).find(|(x, y)| x != y) {
                    panic!("{region} {disease} {end}: {x:?} differs from {y:?}");
                }
                assert_eq!(a, b, "{region} {disease} {end}");
            }
        }
    }
    assert!(warnings > 10, "only {warnings} warnings were compared");
}

/// Issue 14: `--end` reads dates with the wizard's reader: "3/31" is this
/// year's (said on stderr, so the plan is the same as with the year typed).
#[test]
fn end_accepts_month_and_day_and_says_the_year() {
    let (mut cmd, _d) = renew();
    let out = cmd
        .args(plan_args("甲市", "employee", "tnb", "3/31"))
        .args(["--today", "2026-01-15", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["validity_end"], "2026-03-31");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("按今年（2026 年）算") && err.contains("2026-03-31"),
        "{err}"
    );
    let (mut cmd, _d) = renew();
    let out = cmd
        .args(plan_args("甲市", "employee", "tnb", "2026 3 31"))
        .args(["--today", "2026-01-15", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

/// Issue 14 (Modes): `--ascii` holds for the printed plan and the plain
/// prompts too: no ☐ ☎ · “” … ↑ in any sentence, in any language.
#[test]
fn ascii_holds_for_the_plan_and_the_plain_prompts() {
    let ok = |text: &str| {
        for c in text.chars() {
            assert!(
                c.is_ascii() || unicode_width::UnicodeWidthChar::width(c) == Some(2),
                "{c:?} under --ascii:\n{text}"
            );
        }
    };
    for lang in ["zh-Hans", "zh-Hant", "en"] {
        // 海西: the shipped data, with its “” quotes.
        for (region, disease) in [("甲市", "tnb"), ("海西", "tnb")] {
            let (mut cmd, _d) = renew();
            let out = cmd
                .args(["--ascii", "--lang", lang, "--today", "2026-01-15"])
                .args(plan_args(region, "employee", disease, "2026-03-31"))
                .output()
                .unwrap();
            assert!(out.status.success());
            ok(&String::from_utf8(out.stdout).unwrap());
        }
        let (mut cmd, _d) = renew();
        let out = cmd
            .args([
                "--ascii",
                "--plain",
                "--lang",
                lang,
                "--today",
                "2026-01-15",
            ])
            .write_stdin("海西\n1\ntnb\n2026-03-31\n\n")
            .output()
            .unwrap();
        assert!(out.status.success());
        ok(&String::from_utf8(out.stdout).unwrap());
    }
}

/// Output to a closed pipe (`renew … | head -1`, a log reader gone): the
/// program stops quietly with the exit status it would have had, never a
/// panic (exit 101). Stdout and stderr are each the write end of a pipe
/// whose read end is already closed.
#[test]
fn a_closed_pipe_on_stdout_or_stderr_is_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str], close_stdout: bool| {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("renew"));
        common::hermetic(&mut cmd, dir.path()).env("RENEW_POLICY_DIR", FIXTURE_REGIONS);
        let closed = || {
            let (reader, writer) = std::io::pipe().unwrap();
            drop(reader);
            std::process::Stdio::from(writer)
        };
        cmd.args(args).stderr(closed());
        if close_stdout {
            cmd.stdout(closed());
        } else {
            cmd.stdout(std::process::Stdio::null());
        }
        cmd.status().unwrap().code()
    };
    // The completion script is written whole into a closed pipe.
    assert_eq!(run(&["generate", "completions", "fish"], true), Some(0));
    assert_eq!(run(&["generate", "man"], true), Some(0));
    // A month and day alone: which year was read is said on stderr.
    let plan = plan_args("甲市", "employee", "diabetes", "03-31");
    assert_eq!(run(&plan, false), Some(0));
    assert_eq!(run(&plan, true), Some(0));
    // A usage error is still a usage error when it cannot be read.
    assert_eq!(run(&["plan", "--region", "nowhere-at-all"], false), Some(2));
    // A listing into a closed pipe.
    assert_eq!(run(&["regions", "--all"], true), Some(0));
    assert_eq!(run(&["--help"], true), Some(0));
}
