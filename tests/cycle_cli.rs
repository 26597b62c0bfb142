//! The renewal cycle, the agenda and the combined calendar through the real
//! binary, hermetic: a temp data dir, a fixed today, no outside environment,
//! on the fixture regions (`tests/fixtures/policy/regions`, as a policy pack).

mod common;

use common::{FIXTURE_REGIONS, renew_in};
use serde_json::Value;

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

    fn run(&self, today: &str, args: &[&str]) -> Run {
        let out = renew_in(self.dir.path())
            .env("RENEW_POLICY_DIR", FIXTURE_REGIONS)
            .env("RENEW_TODAY", today)
            .args(args)
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }

    /// Runs and expects success.
    fn ok(&self, today: &str, args: &[&str]) -> String {
        let r = self.run(today, args);
        assert_eq!(r.code, 0, "{args:?}\n{}\n{}", r.stdout, r.stderr);
        r.stdout
    }

    fn json(&self, today: &str, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(today, args)).unwrap()
    }

    fn show(&self, today: &str, id: &str) -> Value {
        self.json(today, &["checklist", "show", id, "--format", "json"])
    }

    /// Saves a 乙市 (fixture) hypertension plan (5 + 3 working days on every
    /// channel) and returns the id.
    fn save(&self, today: &str, end: &str, label: &str) -> String {
        let v = self.json(
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
        );
        v["checklist"]["id"].as_str().unwrap().to_string()
    }

    fn path(&self, id: &str) -> std::path::PathBuf {
        self.dir
            .path()
            .join("checklists")
            .join(format!("{id}.json"))
    }

    fn file(&self, id: &str) -> Value {
        serde_json::from_slice(&std::fs::read(self.path(id)).unwrap()).unwrap()
    }
}

#[test]
fn submit_approve_and_the_next_cycle() {
    let env = Env::new();
    let id = env.save("2026-03-01", "2026-03-31", "妈妈");
    env.ok("2026-03-01", &["checklist", "tick", &id, "1", "2"]);
    let out = env.ok(
        "2026-03-12",
        &[
            "checklist",
            "submit",
            &id,
            "--on",
            "2026-03-10",
            "--channel",
            "window",
        ],
    );
    assert!(
        out.contains("审核中") && out.contains("2026-03-20"),
        "{out}"
    );
    let v = env.show("2026-03-12", &id);
    let cycle = &v["cycle"];
    assert_eq!(cycle["state"], "submitted");
    assert_eq!(cycle["submitted_on"], "2026-03-10");
    assert_eq!(cycle["channel"], "office-window");
    // Tue 10 March + 5 working days of review + 3 to notify.
    assert_eq!(cycle["expected_result"], "2026-03-20");
    assert_eq!(cycle["expected_result_estimated"], false);
    assert_eq!(cycle["benefits_during_review"]["value"], true);
    assert_eq!(
        env.file(&id)["schema_version"],
        renewal_assistant::checklist::SCHEMA_VERSION
    );
    let listed = env.json("2026-03-12", &["checklist", "list", "--format", "json"]);
    let row = &listed["checklists"][0];
    assert_eq!(
        (&row["cycle"], &row["mark"]),
        (&"submitted".into(), &"under_review".into())
    );
    assert_eq!(row["next_action"]["kind"], "result_due");
    assert_eq!(env.file(&id)["cycle"]["state"], "submitted");
    let text = env.ok("2026-03-12", &["checklist", "show", &id]);
    assert!(
        text.contains("审核中") && text.contains("审核期间的待遇"),
        "{text}"
    );

    let out = env.ok(
        "2026-03-18",
        &[
            "checklist",
            "approve",
            &id,
            "--new-end",
            "2028年3月31日",
            "--on",
            "2026-03-17",
        ],
    );
    assert!(
        out.contains("2028-03-31") && out.contains("2027-12-31"),
        "{out}"
    );
    let v = env.show("2026-03-18", &id);
    assert_eq!(v["cycle"]["state"], "preparing");
    assert_eq!(v["answers"]["validity_end"], "2028-03-31");
    assert_eq!(v["window"]["opens"], "2027-12-31");
    assert!(
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["done"] == false),
        "a fresh checklist"
    );
    assert_eq!(v["label"], "妈妈");
    let h = &v["history"][0];
    assert_eq!(
        (
            &h["outcome"],
            &h["submitted_on"],
            &h["decided_on"],
            &h["new_end"],
            &h["validity_end"]
        ),
        (
            &"approved".into(),
            &"2026-03-10".into(),
            &"2026-03-17".into(),
            &"2028-03-31".into(),
            &"2026-03-31".into()
        )
    );
    assert!(
        h["text"]
            .as_str()
            .unwrap()
            .starts_with("2026 续期：3月10日提交，3月17日通过"),
        "{h}"
    );
    let text = env.ok("2026-03-18", &["checklist", "show", &id]);
    assert!(
        text.contains("2026 续期：3月10日提交，3月17日通过"),
        "{text}"
    );
    // The next cycle goes round again: submit and refuse.
    env.ok("2028-03-01", &["checklist", "submit", &id]);
    let out = env.ok(
        "2028-03-09",
        &["checklist", "refuse", &id, "--on", "2028-03-09"],
    );
    assert!(out.contains("未通过") && out.contains("重新认定"), "{out}");
    let v = env.show("2028-03-09", &id);
    assert_eq!(v["cycle"]["state"], "refused");
    assert_eq!(v["cycle"]["submitted_on"], "2028-03-01");
    assert!(
        v["cycle"]["consequence"]["value"]
            .as_str()
            .unwrap()
            .contains("重新认定")
    );
    assert_eq!(v["history"].as_array().unwrap().len(), 1);
}

#[test]
fn dates_that_cannot_be_right_exit_2_and_change_nothing() {
    let env = Env::new();
    let id = env.save("2026-03-01", "2026-03-31", "妈妈");
    let before = std::fs::read(env.path(&id)).unwrap();
    let long = "窗".repeat(5000);
    for (args, says) in [
        (
            vec!["checklist", "submit", &id, "--on", "2026-03-02"],
            "之后",
        ),
        (vec!["checklist", "submit", &id, "--on", "3月"], "--on"),
        (
            vec!["checklist", "submit", &id, "--channel", "nowhere"],
            "office-window",
        ),
        (
            vec!["checklist", "submit", &id, "--channel", "yibao"],
            "多个",
        ),
        (
            vec!["checklist", "approve", &id, "--new-end", "2026-03-31"],
            "不晚于",
        ),
        (vec!["checklist", "approve", &id], "--new-end"),
        (vec!["checklist", "refuse", "nobody"], "nobody"),
        (
            vec!["checklist", "submit", &id, "--channel", &long],
            "--channel",
        ),
    ] {
        let r = env.run("2026-03-01", &args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
        assert_eq!(std::fs::read(env.path(&id)).unwrap(), before, "{args:?}");
    }
}

#[test]
fn a_version_1_file_opens_and_is_upgraded_when_a_change_is_saved() {
    let env = Env::new();
    let dir = env.dir.path().join("checklists");
    std::fs::create_dir_all(&dir).unwrap();
    let fixture = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/checklist-v1.json"
    ))
    .unwrap();
    let path = dir.join("5f3a9c21.json");
    std::fs::write(&path, &fixture).unwrap();
    let v = env.show("2026-03-01", "5f3a9c21");
    assert_eq!(v["cycle"]["state"], "preparing");
    assert_eq!(v["history"], serde_json::json!([]));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        fixture,
        "viewing writes nothing"
    );
    env.ok(
        "2026-03-02",
        &["checklist", "submit", "5f3a9c21", "--on", "2026-03-02"],
    );
    let saved = env.file("5f3a9c21");
    assert_eq!(
        saved["schema_version"],
        renewal_assistant::checklist::SCHEMA_VERSION
    );
    assert_eq!(saved["cycle"]["state"], "submitted");
    let old: Value = serde_json::from_slice(&fixture).unwrap();
    assert_eq!(
        saved["items"][0]["done"], old["items"][0]["done"],
        "ticks kept"
    );
    assert_eq!(saved["items"][0]["done"], true);
}

#[test]
fn a_corrupt_file_mid_cycle_fails_clearly_and_keeps_its_bytes() {
    let env = Env::new();
    let id = env.save("2026-03-01", "2026-03-31", "妈妈");
    env.ok("2026-03-10", &["checklist", "submit", &id]);
    let broken = b"{\"schema_version\": 2, \"id\": \"half-writ".to_vec();
    std::fs::write(env.path(&id), &broken).unwrap();
    let r = env.run(
        "2026-03-18",
        &["checklist", "approve", &id, "--new-end", "2028-03-31"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains(&format!("{id}.json")), "{}", r.stderr);
    // Set aside byte for byte, never overwritten; nothing new saved in its place.
    assert!(!env.path(&id).exists());
    let aside: Vec<_> = std::fs::read_dir(env.dir.path().join("checklists"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read(aside[0].path()).unwrap(), broken);
    assert!(
        r.stderr.contains(&*aside[0].file_name().to_string_lossy()),
        "{}",
        r.stderr
    );
}

#[test]
fn a_newer_version_file_mid_cycle_is_left_untouched() {
    let env = Env::new();
    let id = env.save("2026-03-01", "2026-03-31", "妈妈");
    env.ok("2026-03-10", &["checklist", "submit", &id]);
    let mut v = env.file(&id);
    v["schema_version"] = (renewal_assistant::checklist::SCHEMA_VERSION + 1).into();
    v["cycle"]["state"] = "appealed".into();
    let newer = serde_json::to_vec_pretty(&v).unwrap();
    std::fs::write(env.path(&id), &newer).unwrap();
    for args in [
        vec!["checklist", "approve", &id, "--new-end", "2028-03-31"],
        vec!["checklist", "refuse", &id],
        vec!["checklist", "submit", &id],
    ] {
        let r = env.run("2026-03-18", &args);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("新版本"), "{}", r.stderr);
        assert_eq!(std::fs::read(env.path(&id)).unwrap(), newer, "{args:?}");
    }
}

#[test]
fn agenda_lists_what_is_due_in_date_order_in_three_formats() {
    let env = Env::new();
    let today = "2026-03-20";
    let dad = env.save(today, "2026-06-25", "爸爸"); // opens 03-25
    let mum = env.save(today, "2026-03-26", "妈妈"); // apply by 03-16: passed
    env.save(today, "2026-09-30", "奶奶"); // opens 06-30: not this week
    let grandpa = env.save(today, "2026-03-31", "爷爷");
    env.ok(
        today,
        &["checklist", "submit", &grandpa, "--on", "2026-03-19"],
    ); // result 03-31

    let v = env.json(today, &["agenda", "--format", "json"]);
    let got: Vec<(&str, &str, &str, bool)> = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["id"].as_str().unwrap(),
                e["kind"].as_str().unwrap(),
                e["date"].as_str().unwrap(),
                e["overdue"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (mum.as_str(), "apply_by", "2026-03-16", true),
            (dad.as_str(), "prepare", "2026-03-25", false),
        ]
    );
    assert_eq!(
        (&v["today"], &v["until"]),
        (&"2026-03-20".into(), &"2026-03-26".into())
    );
    let v = env.json(today, &["agenda", "--days", "14", "--format", "json"]);
    assert_eq!(v["entries"][2]["id"], grandpa.as_str());
    assert_eq!(v["entries"][2]["kind"], "result_due");
    assert_eq!(v["entries"][2]["date"], "2026-03-31");

    let text = env.ok(today, &["agenda"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].contains("2026-03-20") && lines[0].contains("2026-03-26"),
        "{text}"
    );
    assert!(
        lines[1].contains("妈妈") && lines[1].contains("已过"),
        "{text}"
    );
    assert!(
        lines[2].contains("爸爸") && lines[2].contains("准备材料"),
        "{text}"
    );
    let md = env.ok(today, &["agenda", "--format", "markdown"]);
    assert!(md.starts_with("## "), "{md}");
    assert_eq!(
        md.lines().filter(|l| l.starts_with("| 2026-")).count(),
        2,
        "{md}"
    );

    // Nothing due: exit status 1, and it says so. (Overdue ones stay due
    // until an outcome is recorded, so this is another data dir.)
    let calm = Env::new();
    calm.save(today, "2026-12-31", "爸爸");
    let r = calm.run(today, &["agenda", "--days", "3"]);
    let r2 = calm.run(today, &["agenda", "--days", "3", "--format", "json"]);
    assert_eq!((r.code, r2.code), (1, 1), "{}", r.stderr);
    assert!(r.stdout.contains("没有要办的事"), "{}", r.stdout);
    assert_eq!(
        serde_json::from_str::<Value>(&r2.stdout).unwrap()["entries"],
        serde_json::json!([])
    );
    assert_eq!(env.run(today, &["agenda", "--days", "-1"]).code, 2);
}

#[test]
fn an_empty_data_dir_has_nothing_due() {
    let env = Env::new();
    let r = env.run("2026-03-20", &["agenda"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
}

fn uids(ics: &str) -> Vec<String> {
    let unfolded = icalendar::parser::unfold(ics);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("parses");
    let mut uids: Vec<String> = cal
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|e| {
            e.properties
                .iter()
                .find(|p| p.name == "UID")
                .unwrap()
                .val
                .to_string()
        })
        .collect();
    uids.sort();
    uids
}

#[test]
fn export_all_is_one_calendar_with_the_single_exports_uids() {
    let env = Env::new();
    let today = "2026-03-12";
    let a = env.save(today, "2026-03-31", "妈妈");
    let b = env.save(today, "2026-06-30", "爸爸");
    env.ok(today, &["checklist", "submit", &a, "--on", "2026-03-10"]);
    let all = env.ok(today, &["checklist", "export", "--all", "--format", "ics"]);
    assert_eq!(all.matches("BEGIN:VCALENDAR").count(), 1);
    let mut single: Vec<String> = [&a, &b]
        .iter()
        .flat_map(|id| uids(&env.ok(today, &["checklist", "export", id, "--format", "ics"])))
        .collect();
    single.sort();
    assert_eq!(uids(&all), single);
    assert!(
        single.contains(&format!("{a}-result@renewal-assistant")),
        "{single:?}"
    );
    assert_eq!(single.len(), 7, "3 + 3 events and the result due");
    // Stable: exporting again gives the same UIDs.
    assert_eq!(
        uids(&env.ok(today, &["checklist", "export", "--all", "--format", "ics"])),
        single
    );
    assert_eq!(
        env.run(
            today,
            &["checklist", "export", "--all", "--format", "markdown"]
        )
        .code,
        2
    );
    assert_eq!(
        env.run(today, &["checklist", "export", "--format", "ics"])
            .code,
        2
    );
}

#[test]
fn tick_takes_several_items_and_one_bad_item_writes_nothing() {
    let env = Env::new();
    let id = env.save("2026-03-01", "2026-03-31", "妈妈");
    let before = std::fs::read(env.path(&id)).unwrap();
    let r = env.run("2026-03-01", &["checklist", "tick", &id, "1", "99"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(std::fs::read(env.path(&id)).unwrap(), before);
    let out = env.ok(
        "2026-03-01",
        &["checklist", "tick", &id, "1", "doc:id-card", "3"],
    );
    assert_eq!(out.lines().count(), 3, "{out}");
    let done: Vec<bool> = env.file(&id)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["done"].as_bool().unwrap())
        .collect();
    assert_eq!(&done[..4], &[true, true, true, false]);
    env.ok("2026-03-01", &["checklist", "untick", &id, "1", "3"]);
    assert_eq!(env.file(&id)["items"][2]["done"], false);
}

#[test]
fn the_same_checklist_saved_twice_is_pointed_out_and_default_labels_differ() {
    let env = Env::new();
    let first = env.save("2026-03-01", "2026-03-31", "妈妈");
    let v = env.json(
        "2026-03-01",
        &[
            "plan",
            "--region",
            "乙市",
            "--scheme",
            "employee",
            "--disease",
            "gxy",
            "--end",
            "2026-03-31",
            "--format",
            "json",
            "--save",
            "--label",
            "妈妈",
        ],
    );
    assert_eq!(v["checklist"]["same_as"], first.as_str());
    let text = env.ok(
        "2026-03-01",
        &[
            "plan",
            "--region",
            "乙市",
            "--scheme",
            "employee",
            "--disease",
            "gxy",
            "--end",
            "2026-03-31",
            "--save",
            "--label",
            "妈妈",
        ],
    );
    // Either earlier one may be named; both are the same renewal.
    let second = v["checklist"]["id"].as_str().unwrap();
    assert!(
        text.contains("已经有一份「妈妈」") && (text.contains(&first) || text.contains(second)),
        "{text}"
    );
    let unlabelled = |_: ()| {
        env.json(
            "2026-03-01",
            &[
                "plan",
                "--region",
                "乙市",
                "--scheme",
                "employee",
                "--disease",
                "gxy",
                "--end",
                "2026-03-31",
                "--format",
                "json",
                "--save",
            ],
        )["checklist"]
            .clone()
    };
    let (x, y) = (unlabelled(()), unlabelled(()));
    assert_eq!(
        (x["label"].as_str(), y["label"].as_str()),
        (Some("高血压"), Some("高血压 2"))
    );
    assert_eq!(y["same_as"], Value::Null);
}
