//! A clinic's front desk from the command line (issue 26): dated notes,
//! rename and edit, two checklists with one label, a label found by its
//! pinyin initials. Hermetic: a temp data dir, a fixed today, the fixture
//! regions (`tests/fixtures/policy/regions`, as a policy pack).

mod common;

use common::{FIXTURE_REGIONS, renew_in};
use serde_json::Value;

const TODAY: &str = "2026-01-15";

struct Env {
    dir: tempfile::TempDir,
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn run_in(&self, lang: &str, today: &str, args: &[&str]) -> Run {
        let out = renew_in(self.dir.path())
            .env("RENEW_POLICY_DIR", FIXTURE_REGIONS)
            .env("RENEW_TODAY", today)
            .args(["--lang", lang])
            .args(args)
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_in("zh-Hans", TODAY, args)
    }

    fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert_eq!(r.code, 0, "{args:?}\n{}\n{}", r.stdout, r.stderr);
        r.stdout
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    fn show(&self, id: &str) -> Value {
        self.json(&["checklist", "show", id, "--format", "json"])
    }

    fn save(&self, region: &str, disease: &str, end: &str, label: &str) -> String {
        let v = self.json(&[
            "plan",
            "--region",
            region,
            "--scheme",
            "employee",
            "--disease",
            disease,
            "--end",
            end,
            "--format",
            "json",
            "--save",
            "--label",
            label,
        ]);
        v["checklist"]["id"].as_str().unwrap().to_string()
    }
}

#[test]
fn a_note_is_dated_shown_exported_filtered_and_kept_into_the_next_cycle() {
    let env = Env::new();
    let id = env.save("乙市", "gxy", "2026-03-31", "王秀英");
    let other = env.save("乙市", "gxy", "2026-03-31", "李建国");
    let out = env.ok(&[
        "checklist",
        "note",
        &id,
        "已电话通知，周五来取申请表",
        "--on",
        "2026-01-12",
    ]);
    assert!(out.contains("01-12 已电话通知，周五来取申请表"), "{out}");
    let v = env.show(&id);
    assert_eq!(v["notes"][0]["on"], "2026-01-12");
    assert_eq!(v["notes"][0]["text"], "已电话通知，周五来取申请表");
    let text = env.ok(&["checklist", "show", &id]);
    assert!(
        text.contains("备注：\n  01-12 已电话通知，周五来取申请表"),
        "{text}"
    );
    let sheet = env.ok(&["checklist", "export", &id, "--format", "markdown"]);
    assert!(sheet.contains("- 01-12 已电话通知"), "{sheet}");
    let file = env.json(&["checklist", "export", &id, "--format", "json"]);
    assert_eq!(file["notes"][0]["text"], "已电话通知，周五来取申请表");
    // Filtered by the note's words and their pinyin initials.
    for q in ["周五", "dhtz"] {
        let list = env.json(&["checklist", "list", "--format", "json", "--filter", q]);
        let ids: Vec<&str> = list["checklists"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, [id.as_str()], "{q}: {other} has no such note");
    }
    // The next cycle keeps what the desk wrote.
    env.ok(&["checklist", "submit", &id, "--on", "2026-01-13"]);
    env.ok(&[
        "checklist",
        "approve",
        &id,
        "--new-end",
        "2028-03-31",
        "--on",
        "2026-01-15",
    ]);
    let v = env.show(&id);
    assert_eq!(v["answers"]["validity_end"], "2028-03-31");
    assert_eq!(v["notes"].as_array().unwrap().len(), 1, "{v}");
    // An empty note is refused, in the person's language, nothing written.
    let r = env.run(&["checklist", "note", &id, "  "]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("备注是空的"), "{}", r.stderr);
    assert_eq!(env.show(&id)["notes"].as_array().unwrap().len(), 1);
}

/// Issue 26: a note records what was done, so its day is today or before;
/// a day after today is refused (exit 2, nothing written) and the message
/// says to write what is planned in the note's text instead.
#[test]
fn a_note_dated_after_today_is_refused() {
    let env = Env::new();
    let id = env.save("乙市", "gxy", "2026-03-31", "王秀英");
    for (lang, said) in [
        ("zh-Hans", "在今天（2026-01-15）之后"),
        ("zh-Hant", "在今天（2026-01-15）之後"),
        ("en", "after today (2026-01-15)"),
    ] {
        let r = env.run_in(
            lang,
            TODAY,
            &[
                "checklist",
                "note",
                &id,
                "周五来取申请表",
                "--on",
                "2026-01-16",
            ],
        );
        assert_eq!(r.code, 2, "{lang}: {}{}", r.stdout, r.stderr);
        assert!(r.stderr.contains(said), "{lang}: {}", r.stderr);
        assert!(r.stderr.contains("2026-01-16"), "{lang}: {}", r.stderr);
    }
    assert!(
        env.show(&id)
            .get("notes")
            .is_none_or(|n| n.as_array().unwrap().is_empty())
    );
    // Today is fine.
    env.ok(&["checklist", "note", &id, "已电话通知", "--on", TODAY]);
    assert_eq!(env.show(&id)["notes"][0]["on"], TODAY);
}

#[test]
fn rename_and_edit_do_from_the_command_line_what_f2_and_f3_do() {
    let env = Env::new();
    let id = env.save("乙市", "gxy", "2026-03-31", "妈妈");
    env.ok(&["checklist", "tick", &id, "1"]);
    let ticked = env.show(&id)["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = env.ok(&["checklist", "rename", &id, "王秀英"]);
    assert!(out.contains("「妈妈」改名为「王秀英」"), "{out}");
    assert_eq!(env.show(&id)["label"], "王秀英");
    // A label with an ID number is refused.
    let r = env.run(&["checklist", "rename", &id, "王 110101199001011234"]);
    assert_eq!(r.code, 2);
    assert_eq!(env.show(&id)["label"], "王秀英");

    env.ok(&["checklist", "edit", &id, "--end", "2026-06-30"]);
    let v = env.show(&id);
    assert_eq!(v["answers"]["validity_end"], "2026-06-30");
    assert_eq!(v["window"]["closes"], "2026-06-30");
    let item = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == ticked.as_str())
        .unwrap();
    assert_eq!(item["done"], true, "the tick is kept by item id");

    env.ok(&[
        "checklist",
        "edit",
        &id,
        "--disease",
        "tnb",
        "--scheme",
        "resident",
    ]);
    let v = env.show(&id);
    assert_eq!(v["disease_name"], "糖尿病");
    assert_eq!(v["answers"]["scheme"], "resident");
    // Another region: the same disease found by name there.
    env.ok(&["checklist", "edit", &id, "--region", "甲市"]);
    let v = env.show(&id);
    assert_eq!(v["answers"]["region"], "fx-exact");
    assert_eq!(v["disease_name"], "糖尿病");

    let r = env.run(&["checklist", "edit", &id]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--end"), "{}", r.stderr);
    let r = env.run(&["checklist", "edit", &id, "--end", "2026-02-30"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn one_label_twice_is_told_apart_and_a_label_is_found_by_its_initials() {
    let env = Env::new();
    let a = env.save("乙市", "gxy", "2026-03-31", "王秀英");
    env.save("甲市", "tnb", "2026-06-30", "李建国");
    // Found by the label's initials or full pinyin, as the wizard filters.
    for q in ["wxy", "wangxiuying", "WXY"] {
        let v = env.show(q);
        assert_eq!(v["id"], a.as_str(), "{q}");
    }
    let b = env.save("甲市", "tnb", "2026-06-30", "王秀英");
    for q in ["王秀英", "wxy"] {
        let r = env.run(&["checklist", "show", q]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        let line = |id: &str| {
            r.stderr
                .lines()
                .find(|l| l.contains(id))
                .unwrap_or_else(|| panic!("{id} not listed:\n{}", r.stderr))
                .to_string()
        };
        let (la, lb) = (line(&a), line(&b));
        assert!(
            la.contains("高血压") && la.contains("乙市") && la.contains("2026-03-31"),
            "{la}"
        );
        assert!(
            lb.contains("糖尿病") && lb.contains("甲市") && lb.contains("2026-06-30"),
            "{lb}"
        );
    }
    // Nothing else matches.
    assert_eq!(env.run(&["checklist", "show", "zzz"]).code, 2);
}

#[test]
fn an_unknown_item_lists_every_item_by_name_steps_too() {
    let env = Env::new();
    let id = env.save("乙市", "gxy", "2026-03-31", "妈妈");
    let r = env.run(&["checklist", "tick", &id, "99"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let listed: Vec<&str> = r.stderr.lines().filter(|l| l.starts_with("  ")).collect();
    assert!(listed.len() > 3, "{}", r.stderr);
    for line in &listed {
        let name = line.trim().splitn(3, ' ').nth(2).unwrap_or("").trim();
        assert!(!name.is_empty(), "a blank name: {line:?}\n{}", r.stderr);
    }
    assert!(
        listed
            .iter()
            .any(|l| l.contains("step:choose-channel  选定")),
        "{}",
        r.stderr
    );
}

/// The shipped data, not the fixture: 石家庄 has no file of its own.
#[test]
fn a_place_without_its_own_list_is_named_in_the_diseases_heading() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, place) in [
        ("zh-Hans", "石家庄"),
        ("zh-Hant", "石家莊"),
        ("en", "石家庄"),
    ] {
        let out = renew_in(dir.path())
            .args(["--lang", lang, "diseases", "--region", "石家庄"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let first = text.lines().next().unwrap_or("");
        assert!(
            first.contains(place) || first.contains("石家庄"),
            "{lang}: {first}"
        );
        if lang == "en" {
            assert!(first.contains("(Shijiazhuang, Hebei)"), "{first}");
        }
    }
}

/// Issue 26: the agenda of 7 days is today..today+6, and its columns line
/// up by display width whatever the labels' scripts and lengths.
#[test]
fn the_agenda_is_seven_days_and_its_columns_line_up_with_cjk_labels() {
    use unicode_width::UnicodeWidthStr;
    let env = Env::new();
    let today = "2026-03-20";
    for (label, end) in [
        ("爸爸", "2026-06-25"),
        ("Wang Xiuying (bed 3)", "2026-06-24"),
        ("欧阳娜娜的外婆", "2026-06-23"),
    ] {
        let v = serde_json::from_str::<Value>(
            &env.run_in(
                "zh-Hans",
                today,
                &[
                    "plan",
                    "--region",
                    "乙市",
                    "--scheme",
                    "employee",
                    "--disease",
                    "gxy",
                    "--end",
                    end,
                    "--format",
                    "json",
                    "--save",
                    "--label",
                    label,
                ],
            )
            .stdout,
        )
        .unwrap();
        assert!(v["checklist"]["id"].is_string());
    }
    let r = env.run_in("zh-Hans", today, &["agenda"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(
        lines[0].contains("2026-03-20") && lines[0].contains("2026-03-26"),
        "{}",
        r.stdout
    );
    let rows = &lines[1..];
    assert_eq!(rows.len(), 3, "{}", r.stdout);
    // The region column starts at one display column on every row.
    let at = |row: &str| row.find("示例省").map(|b| row[..b].width());
    let first = at(rows[0]);
    assert!(first.is_some(), "{}", r.stdout);
    for row in rows {
        assert_eq!(at(row), first, "drifts:\n{}", r.stdout);
    }
}

/// Issue 26 gap: `renew agenda` pinned in each language (ids, which are
/// random, written as <id>).
#[test]
fn snapshots_of_the_agenda_in_three_languages() {
    let env = Env::new();
    let today = "2026-03-20";
    let mut ids = Vec::new();
    for (label, region, disease, end) in [
        ("爸爸", "乙市", "gxy", "2026-06-25"),
        ("Wang Xiuying (bed 3)", "乙市", "gxy", "2026-06-24"),
        ("欧阳娜娜的外婆", "甲市", "tnb", "2026-06-23"),
    ] {
        let r = env.run_in(
            "zh-Hans",
            today,
            &[
                "plan",
                "--region",
                region,
                "--scheme",
                "employee",
                "--disease",
                disease,
                "--end",
                end,
                "--format",
                "json",
                "--save",
                "--label",
                label,
            ],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        ids.push(v["checklist"]["id"].as_str().unwrap().to_string());
    }
    for lang in ["zh-Hans", "zh-Hant", "en"] {
        let r = env.run_in(lang, today, &["agenda"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let text = ids
            .iter()
            .fold(r.stdout, |text, id| text.replace(id.as_str(), "<id>"));
        insta::assert_snapshot!(format!("agenda_{lang}"), text);
    }
}

/// Walk s4 points 1 and 2: a checklist is found by the common names of its
/// disease (青岛's 慢性乙型病毒性肝炎、肝硬化 by 乙肝, yigan, yg: the region
/// entry's aliases, as `plan --disease 乙肝` finds it), and a filter that
/// matches none of the saved checklists says so, not "none saved yet".
#[test]
fn the_filter_finds_a_disease_by_its_common_names_and_says_when_none_match() {
    let env = Env::new();
    let run = |args: &[&str]| {
        let out = renew_in(env.dir.path())
            .env("RENEW_TODAY", "2026-12-07")
            .args(["--lang", "zh-Hans"])
            .args(args)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(out.status.success(), "{args:?}\n{text}");
        text
    };
    for (region, disease, label) in [("青岛", "乙肝", "曹永红"), ("青岛", "白血病", "王秀英")]
    {
        run(&[
            "plan",
            "--region",
            region,
            "--scheme",
            "employee",
            "--disease",
            disease,
            "--end",
            "2027-01-15",
            "--save",
            "--label",
            label,
        ]);
    }
    for q in ["乙肝", "yigan", "yg", "慢性乙肝"] {
        let list = run(&["checklist", "list", "--format", "json", "--filter", q]);
        let v: Value = serde_json::from_str(&list).unwrap();
        let labels: Vec<&str> = v["checklists"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["label"].as_str().unwrap())
            .collect();
        assert_eq!(labels, ["曹永红"], "{q}");
    }
    let none = run(&["checklist", "list", "--filter", "糖尿病"]);
    assert!(
        none.contains("没有符合“糖尿病”的清单（共保存了 2 份）"),
        "{none}"
    );
    assert!(!none.contains("还没有保存的清单"), "{none}");
}

/// Walk s4 point 4: `submit --channel` with a channel it cannot find offers
/// only the channels that take the person's disease, as the wizard's picker
/// does (青岛's 乙肝: 医疗机构代办, not the three that do not handle it).
#[test]
fn an_unknown_channel_offers_only_those_that_take_the_disease() {
    let env = Env::new();
    let run = |args: &[&str]| {
        renew_in(env.dir.path())
            .env("RENEW_TODAY", "2026-12-07")
            .args(["--lang", "zh-Hans"])
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&[
        "plan",
        "--region",
        "青岛",
        "--scheme",
        "employee",
        "--disease",
        "乙肝",
        "--end",
        "2027-01-15",
        "--save",
        "--label",
        "曹永红",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let id = v["checklist"]["id"].as_str().unwrap().to_string();
    let out = run(&["checklist", "submit", &id, "--channel", "xx"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_ne!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("找不到办理渠道“xx”"), "{err}");
    assert!(err.contains("医疗机构代办"), "{err}");
    assert!(!err.contains("社会保险医保经办机构窗口"), "{err}");
    // Submitted with no channel recorded: not 「…通过（未记录渠道）提交」,
    // whose 「通过」 after a date reads as approved.
    let out = run(&["checklist", "submit", &id]);
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("审核中：2026-12-07 已提交，渠道：未记录。"),
        "{said}"
    );
    assert!(!said.contains("通过"), "{said}");
    // Walk s4 point 3: list and show say it is under review, with the
    // wizard's mark, not 「可以申请，离截止还剩 … 天」.
    for args in [vec!["checklist", "list"], vec!["checklist", "show", &id]] {
        let out = run(&args);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("◇ 审核中"), "{args:?}\n{text}");
        assert!(!text.contains("可以申请，离截止"), "{args:?}\n{text}");
    }
}
