//! `renew plan --save` and `renew checklist …` through the real binary,
//! hermetic: a temp data dir and a fixed today.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("renew").unwrap();
        c.env("RENEW_DATA_DIR", self.dir.path())
            .env("RENEW_TODAY", "2026-01-15")
            .env_remove("LC_ALL")
            .env("LANG", "C.UTF-8")
            .args(args);
        c
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// Saves a plan and returns the checklist id.
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
fn save_prints_the_id_and_path_and_writes_the_file() {
    let env = Env::new();
    let out = env
        .cmd(&[
            "plan",
            "--region",
            "haixi",
            "--scheme",
            "zg",
            "--disease",
            "tnb",
            "--end",
            "2026-03-31",
            "--save",
            "--label",
            "妈妈",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().last().unwrap();
    assert!(line.starts_with("已保存清单「妈妈」，编号 "), "{line}");
    let path = line.split('：').next_back().unwrap();
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(saved["schema_version"], 1);
    assert_eq!(saved["label"], "妈妈");
    assert_eq!(saved["answers"]["validity_end"], "2026-03-31");
    assert_eq!(saved["window"]["opens"], "2025-12-31");
    assert!(
        saved["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["id"].is_string() && i["text"].is_string() && i["done"] == false)
    );
    assert!(path.starts_with(env.dir.path().join("checklists").to_str().unwrap()));
}

#[test]
fn list_is_most_urgent_first_with_progress() {
    let env = Env::new();
    let later = env.save("haixi", "gxy", "2026-12-31", "爸爸");
    let soon = env.save("haixi", "tnb", "2026-02-10", "妈妈");
    let late = env.save("fangchenggang", "gxy", "2025-12-31", "奶奶");
    env.cmd(&["checklist", "tick", "妈妈", "1"])
        .assert()
        .success();
    let v = env.json(&["checklist", "list", "--format", "json"]);
    let order: Vec<&str> = v["checklists"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(order, vec![soon.as_str(), late.as_str(), later.as_str()]);
    let first = &v["checklists"][0];
    assert_eq!(
        (
            first["status"].as_str(),
            first["days_left"].as_i64(),
            first["done"].as_i64()
        ),
        (Some("open"), Some(26), Some(1))
    );
    assert_eq!(v["checklists"][1]["status"], "expired");
    assert_eq!(v["checklists"][2]["status"], "not_yet_open");
    env.cmd(&["checklist", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("妈妈").and(predicate::str::contains("1/8")));
}

#[test]
fn tick_untick_by_number_id_and_label() {
    let env = Env::new();
    let id = env.save("haixi", "tnb", "2026-03-31", "妈妈");
    env.cmd(&["checklist", "tick", &id[..5], "3"])
        .assert()
        .success()
        .stdout(predicate::str::contains("☑ 3."));
    env.cmd(&["checklist", "tick", "妈妈", "step:apply"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2/8"));
    env.cmd(&["checklist", "untick", "妈妈", "3"])
        .assert()
        .success()
        .stdout(predicate::str::contains("☐ 3."));
    let v = env.json(&["checklist", "show", "妈妈", "--format", "json"]);
    let done: Vec<&str> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["done"] == true)
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(done, vec!["step:apply"]);
    assert!(
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["done_at"].is_string())
    );
}

#[test]
fn bad_ids_and_items_exit_2_with_choices() {
    let env = Env::new();
    env.save("haixi", "tnb", "2026-03-31", "爸爸");
    env.save("haixi", "gxy", "2026-03-31", "爸爸");
    env.cmd(&["checklist", "show", "爸爸"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("多份清单"));
    env.cmd(&["checklist", "show", "nobody"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("renew checklist list"));
    let id = env.save("haixi", "tnb", "2026-03-31", "妈妈");
    env.cmd(&["checklist", "tick", &id, "42"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("doc:id-card"));
    env.cmd(&["checklist", "delete", &id])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--yes"));
    env.cmd(&["checklist", "delete", &id, "--yes"])
        .assert()
        .success();
    env.cmd(&["checklist", "show", &id]).assert().code(2);
}

#[test]
fn unreadable_files_are_reported_after_the_list() {
    let env = Env::new();
    env.save("haixi", "tnb", "2026-03-31", "妈妈");
    let dir = env.dir.path().join("checklists");
    std::fs::write(dir.join("oops.json"), "{").unwrap();
    std::fs::write(dir.join("future.json"), r#"{"schema_version": 7}"#).unwrap();
    let out = env.cmd(&["checklist", "list"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].contains("妈妈"));
    assert!(text.contains("oops.json 无法读取，已原样移到 oops.corrupt-"));
    assert!(text.contains("future.json 是新版本程序保存的"));
    assert_eq!(
        std::fs::read_to_string(dir.join("future.json")).unwrap(),
        r#"{"schema_version": 7}"#
    );
}

#[test]
fn show_says_what_changed_when_the_data_did() {
    let env = Env::new();
    let id = env.save("haixi", "tnb", "2026-03-31", "妈妈");
    env.cmd(&["checklist", "tick", &id, "doc:id-card"])
        .assert()
        .success();
    // Edit the saved file as if an older data version had other items.
    let path = env.dir.path().join("checklists").join(format!("{id}.json"));
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    v["items"].as_array_mut().unwrap().push(serde_json::json!({
        "id": "doc:old-form", "name": "旧表格", "text": "旧表格", "kind": "document", "required": true, "done": false, "done_at": null
    }));
    v["window"]["opens"] = "2026-01-01".into();
    std::fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
    let out = env.cmd(&["checklist", "show", &id]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("资料有更新"), "{text}");
    assert!(text.contains("不再需要：旧表格"));
    assert!(text.contains("申请期由 2026-01-01 至 2026-03-31 变为 2025-12-31 至 2026-03-31"));
    assert!(text.contains("☑ 1. 身份证原件及复印件"), "the tick is kept");
}

#[test]
fn export_markdown_and_text_are_printable_sheets() {
    let env = Env::new();
    let id = env.save("qingdao", "尿毒症", "2026-03-31", "姥姥");
    env.cmd(&["checklist", "tick", &id, "1"]).assert().success();
    for (format, ticked) in [("markdown", "- [x] 1."), ("text", "☑ 1.")] {
        let out = env
            .cmd(&["checklist", "export", &id, "--format", format])
            .output()
            .unwrap();
        let s = String::from_utf8(out.stdout).unwrap();
        for needle in [
            ticked,
            "打印于 2026-01-15",
            "姥姥",
            "福州南路8号",
            "85756036",
            "官方公告为准",
            "002_5dc51fc6ffdeb31c.txt",
            "2025-12-31",
        ] {
            assert!(s.contains(needle), "{format}: {needle}\n{s}");
        }
    }
    let v = env.json(&["checklist", "export", &id, "--format", "json"]);
    assert_eq!(v["id"], id.as_str());
}

#[test]
fn export_ics_parses_back_as_rfc5545() {
    let env = Env::new();
    let id = env.save("haixi", "tnb", "2026-03-31", "妈妈");
    let out = env
        .cmd(&["checklist", "export", &id, "--format", "ics"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let raw = String::from_utf8(out.stdout).unwrap();
    // RFC 5545: CRLF line ends, content lines folded at 75 octets.
    assert!(raw.contains("\r\n"));
    for line in raw.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n'));
    }
    let unfolded = icalendar::parser::unfold(&raw);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("parses");
    let events: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(events.len(), 3, "opens, apply-by, end");
    let prop = |c: &icalendar::parser::Component, name: &str| {
        c.properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.val.to_string())
    };
    let starts: Vec<String> = events.iter().map(|e| prop(e, "DTSTART").unwrap()).collect();
    assert_eq!(starts, vec!["20251231", "20260324", "20260331"]);
    for e in &events {
        let dtstart = e.properties.iter().find(|p| p.name == "DTSTART").unwrap();
        assert!(
            dtstart.params.iter().any(|p| p.key == "VALUE"
                && p.val.as_ref().map(|v| v.to_string()) == Some("DATE".into())),
            "all-day"
        );
        assert!(prop(e, "UID").unwrap().starts_with(&id));
        assert!(prop(e, "DTSTAMP").is_some());
        assert!(prop(e, "SUMMARY").unwrap().contains("妈妈"));
        let alarms: Vec<_> = e.components.iter().filter(|c| c.name == "VALARM").collect();
        let triggers: Vec<String> = alarms.iter().map(|a| prop(a, "TRIGGER").unwrap()).collect();
        let before: Vec<i64> = triggers.iter().map(|t| duration_before(t)).collect();
        assert_eq!(
            before,
            vec![7 * 86_400, 86_400],
            "{triggers:?}: 7 days and 1 day before"
        );
        assert!(
            alarms
                .iter()
                .all(|a| prop(a, "ACTION").as_deref() == Some("DISPLAY"))
        );
    }
}

/// Seconds before the start for an RFC 5545 negative duration such as
/// `-P7D`, `-PT86400S` or `-P1DT2H`.
fn duration_before(text: &str) -> i64 {
    let body = text
        .strip_prefix("-P")
        .unwrap_or_else(|| panic!("not a negative duration: {text}"));
    let (mut total, mut n) = (0i64, 0i64);
    for c in body.chars() {
        match c {
            '0'..='9' => n = n * 10 + i64::from(c as u8 - b'0'),
            'W' => (total, n) = (total + n * 604_800, 0),
            'D' => (total, n) = (total + n * 86_400, 0),
            'H' => (total, n) = (total + n * 3_600, 0),
            'M' => (total, n) = (total + n * 60, 0),
            'S' => (total, n) = (total + n, 0),
            'T' => {}
            _ => panic!("bad duration {text}"),
        }
    }
    total
}

#[test]
fn labels_are_never_id_or_phone_numbers() {
    let env = Env::new();
    let save = |label: &str| {
        let mut args = vec![
            "plan",
            "--region",
            "haixi",
            "--scheme",
            "zg",
            "--disease",
            "tnb",
            "--end",
            "2026-03-31",
            "--save",
            "--label",
        ];
        args.push(label);
        env.cmd(&args).assert()
    };
    for label in ["13800138000", "妈妈110101199003071234", "１２３４５６"] {
        save(label)
            .code(2)
            .stderr(predicate::str::contains("不要写证件号"));
    }
    assert!(
        !env.dir.path().join("checklists").exists()
            || std::fs::read_dir(env.dir.path().join("checklists"))
                .unwrap()
                .all(|e| !e.unwrap().file_name().to_string_lossy().ends_with(".json"))
    );
    save("3床王").success();
}

#[test]
fn escape_sequences_in_a_saved_file_show_harmlessly() {
    let env = Env::new();
    let id = env.save("haixi", "tnb", "2026-03-31", "妈妈");
    let path = env.dir.path().join("checklists").join(format!("{id}.json"));
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    v["label"] = "\u{1b}[2J\u{1b}]0;pwned\u{7}妈妈".into();
    v["items"][0]["text"] = "身份证\u{1b}[31m红".into();
    std::fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
    for args in [
        vec!["checklist", "list"],
        vec!["checklist", "show", &id],
        vec!["checklist", "export", &id, "--format", "text"],
        vec!["checklist", "export", &id, "--format", "ics"],
    ] {
        let out = env.cmd(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{args:?}: {text:?}"
        );
        assert!(text.contains("妈妈"), "{args:?}");
    }
}
