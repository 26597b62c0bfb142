//! `renew plan --save` and `renew checklist …` through the real binary,
//! hermetic: a temp data dir and a fixed today, on the fixture regions
//! (甲乙丙市 of 示例省, `tests/fixtures/policy/regions`, as a policy pack).

mod common;

use assert_cmd::Command;
use common::{FIXTURE_REGIONS, hermetic, renew_in};
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
        let mut c = renew_in(self.dir.path());
        c.env("RENEW_POLICY_DIR", FIXTURE_REGIONS).args(args);
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
            "甲市",
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
    assert_eq!(saved["schema_version"], 3);
    assert_eq!(saved["label"], "妈妈");
    assert_eq!(saved["answers"]["validity_end"], "2026-03-31");
    assert_eq!(saved["window"]["opens"], "2025-12-31");
    assert!(
        saved["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["id"].is_string() && i.get("text").is_none() && i["done"] == false)
    );
    assert!(path.starts_with(env.dir.path().join("checklists").to_str().unwrap()));
}

#[test]
fn list_is_most_urgent_first_with_progress() {
    let env = Env::new();
    let later = env.save("甲市", "gxy", "2026-12-31", "爸爸");
    let soon = env.save("甲市", "tnb", "2026-02-10", "妈妈");
    let late = env.save("乙市", "gxy", "2025-12-31", "奶奶");
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
    // The wizard's order (issue 22): the late one first, then apply-by days,
    // then windows opening.
    assert_eq!(order, vec![late.as_str(), soon.as_str(), later.as_str()]);
    let first = &v["checklists"][1];
    assert_eq!(
        (
            first["status"].as_str(),
            first["days_left"].as_i64(),
            first["done"].as_i64()
        ),
        (Some("open"), Some(26), Some(1))
    );
    assert_eq!(v["checklists"][0]["status"], "expired");
    assert_eq!(v["checklists"][2]["status"], "not_yet_open");
    env.cmd(&["checklist", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("妈妈").and(predicate::str::contains("1/7")));
}

#[test]
fn tick_untick_by_number_id_and_label() {
    let env = Env::new();
    let id = env.save("甲市", "tnb", "2026-03-31", "妈妈");
    env.cmd(&["checklist", "tick", &id[..5], "3"])
        .assert()
        .success()
        .stdout(predicate::str::contains("☑ 3."));
    env.cmd(&["checklist", "tick", "妈妈", "step:apply"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2/7"));
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
    env.save("甲市", "tnb", "2026-03-31", "爸爸");
    env.save("甲市", "gxy", "2026-03-31", "爸爸");
    env.cmd(&["checklist", "show", "爸爸"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("多份清单"));
    env.cmd(&["checklist", "show", "nobody"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("renew checklist list"));
    let id = env.save("甲市", "tnb", "2026-03-31", "妈妈");
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
    env.save("甲市", "tnb", "2026-03-31", "妈妈");
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
    let id = env.save("甲市", "tnb", "2026-03-31", "妈妈");
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
    let id = env.save("丙市", "白血病", "2026-03-31", "姥姥");
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
            "示例路1号",
            "10000001",
            "官方公告为准",
            "发布于 2020-06",
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
    let id = env.save("甲市", "tnb", "2026-03-31", "妈妈");
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
            "甲市",
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
    let id = env.save("甲市", "tnb", "2026-03-31", "妈妈");
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

// ---- The store must not trust what a file says about itself (issue 9). ----

fn checklist_path(env: &Env, id: &str) -> std::path::PathBuf {
    env.dir.path().join("checklists").join(format!("{id}.json"))
}

fn read_json(path: &std::path::Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A file whose inner id is `../../x` names a file outside the data dir:
/// `show` must not move it and `delete` must not remove it.
#[test]
fn a_crafted_inner_id_cannot_reach_outside_the_folder() {
    let env = Env::new();
    let id = env.save("甲市", "tnb", "2026-03-31", "妈妈");
    // <data>/checklists/../../x.json is beside the data dir.
    let data = env.dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::rename(env.dir.path().join("checklists"), data.join("checklists")).unwrap();
    let victim = env.dir.path().join("x.json");
    std::fs::write(&victim, "someone else's file").unwrap();
    let mut v = read_json(&data.join("checklists").join(format!("{id}.json")));
    v["id"] = "../../x".into();
    v["label"] = "evil".into();
    std::fs::write(
        data.join("checklists").join("evil.json"),
        serde_json::to_string(&v).unwrap(),
    )
    .unwrap();
    let run = |args: &[&str]| {
        let mut c = env.cmd(args);
        c.env("RENEW_DATA_DIR", &data);
        c.output().unwrap()
    };
    let out = run(&["checklist", "list"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("evil.json"),
        "the mismatch is reported: {text}"
    );
    run(&["checklist", "show", "evil"]);
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "someone else's file",
        "show moved or changed a file outside the data dir"
    );
    let out = run(&["checklist", "delete", "evil", "--yes"]);
    assert!(
        victim.exists(),
        "delete removed a file outside the data dir"
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !data.join("checklists").join("evil.json").exists(),
        "the file that was named is the one deleted"
    );
    assert!(data.join("checklists").join(format!("{id}.json")).exists());
}

/// A copy made by a file manager keeps the inner id of the original; its
/// file name is its identity, so a tick on the copy goes to the copy.
#[test]
fn a_copied_file_is_its_own_checklist_and_ticks_go_to_it() {
    let env = Env::new();
    let id = env.save("甲市", "tnb", "2026-03-31", "妈妈");
    let original = checklist_path(&env, &id);
    let copy = checklist_path(&env, &format!("{id} (copy)"));
    let mut v = read_json(&original);
    v["label"] = "爸爸".into();
    std::fs::write(&copy, serde_json::to_string(&v).unwrap()).unwrap();

    let out = env.cmd(&["checklist", "list"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(&format!("{id} (copy).json")),
        "the mismatch names the file: {text}"
    );
    env.cmd(&["checklist", "tick", "爸爸", "1"])
        .assert()
        .success();
    assert_eq!(
        read_json(&copy)["items"][0]["done"],
        true,
        "the copy is ticked"
    );
    assert_eq!(
        read_json(&original)["items"][0]["done"],
        false,
        "the original is not"
    );
    assert_eq!(read_json(&copy)["id"], format!("{id} (copy)").as_str());
    env.cmd(&["checklist", "delete", &format!("{id} (copy)"), "--yes"])
        .assert()
        .success();
    assert!(original.exists() && !copy.exists());
}

/// One checklist whose dates are out of every calendar's range must not
/// stop the others: it is reported by file and field, not a panic.
#[test]
fn a_checklist_with_an_absurd_date_is_reported_and_the_rest_still_list() {
    let env = Env::new();
    env.save("甲市", "tnb", "2026-03-31", "妈妈");
    let bad = env.save("甲市", "gxy", "2026-03-31", "爸爸");
    let path = checklist_path(&env, &bad);
    let mut v = read_json(&path);
    v["answers"]["validity_end"] = "+262142-12-31".into();
    v["window"]["closes"] = "+262142-12-31".into();
    std::fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
    let out = env
        .cmd(&["checklist", "list", "--lang", "en"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("妈妈"), "{text}");
    assert!(text.contains(&format!("{bad}.json")), "{text}");
    assert!(text.contains("validity_end"), "names the field: {text}");
    env.cmd(&["checklist", "show", "妈妈"]).assert().success();
}

/// Viewing a checklist in another language changes nothing the person did,
/// so the file stays byte for byte (and its time) as it was.
#[test]
fn viewing_in_another_language_does_not_rewrite_the_file() {
    let env = Env::new();
    let id = env.save("甲市", "tnb", "2026-03-31", "妈妈");
    env.cmd(&["checklist", "tick", &id, "1"]).assert().success();
    let path = checklist_path(&env, &id);
    let before = std::fs::read(&path).unwrap();
    let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
    for lang in ["en", "zh-Hant"] {
        let out = env
            .cmd(&["checklist", "show", &id, "--lang", lang])
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(!text.contains("Document requirement changed"), "{text}");
    }
    assert_eq!(std::fs::read(&path).unwrap(), before, "file rewritten");
    assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), mtime);
    // A tick after viewing in English still goes to the item shown.
    env.cmd(&["checklist", "tick", &id, "2", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains("☑ 2."));
    assert_eq!(read_json(&path)["items"][1]["done"], true);
}

/// `umask 000` (some kiosk images set it) must not make the data private
/// to nobody: folders 0700, files 0600 whatever the umask.
#[cfg(unix)]
#[test]
fn under_umask_000_the_data_dir_and_files_stay_private() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let data = env.dir.path().join("new").join("renew");
    let mut sh = std::process::Command::new("sh");
    hermetic(&mut sh, env.dir.path());
    let out = sh
        .env("RENEW_DATA_DIR", &data)
        .env("RENEW_POLICY_DIR", FIXTURE_REGIONS)
        .arg("-c")
        .arg("umask 000; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_renew"))
        .args([
            "plan",
            "--region",
            "甲市",
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
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700, "data dir");
    assert_eq!(mode(&data.join("checklists")), 0o700);
    for e in std::fs::read_dir(data.join("checklists")).unwrap() {
        let p = e.unwrap().path();
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
}

/// Whether file modes bind this process (they do not for root).
#[cfg(unix)]
fn modes_bind(dir: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    std::fs::write(&probe, "x").unwrap();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o000)).unwrap();
    let binds = std::fs::read(&probe).is_err();
    std::fs::remove_file(&probe).unwrap();
    binds
}

/// The program and the fixture pack where another user can reach them.
/// Run as root, the tests start `renew` as user 65534, who may not be able
/// to enter the checkout (a clone under a 0700 folder, or under /root):
/// then both are copied to a temp folder anyone can read. Otherwise they
/// are used where they are.
#[cfg(unix)]
struct Outside {
    _tmp: Option<tempfile::TempDir>,
    program: std::path::PathBuf,
    pack: std::path::PathBuf,
}

#[cfg(unix)]
impl Outside {
    fn new(for_another_user: bool) -> Outside {
        use std::os::unix::fs::PermissionsExt;
        if !for_another_user {
            return Outside {
                _tmp: None,
                program: env!("CARGO_BIN_EXE_renew").into(),
                pack: FIXTURE_REGIONS.into(),
            };
        }
        let mode = |p: &std::path::Path, m: u32| {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap()
        };
        let tmp = tempfile::tempdir().unwrap();
        mode(tmp.path(), 0o755);
        let program = tmp.path().join("renew");
        // Copied by a child process: a copy written from this process could
        // still be open for writing in a child another test thread forks at
        // that moment, and running it would then fail with ETXTBSY.
        let copied = std::process::Command::new("cp")
            .arg(env!("CARGO_BIN_EXE_renew"))
            .arg(&program)
            .status()
            .unwrap();
        assert!(copied.success());
        mode(&program, 0o755);
        let pack = tmp.path().join("pack");
        std::fs::create_dir(&pack).unwrap();
        mode(&pack, 0o755);
        for entry in std::fs::read_dir(FIXTURE_REGIONS).unwrap() {
            let path = entry.unwrap().path();
            let to = pack.join(path.file_name().unwrap());
            std::fs::copy(&path, &to).unwrap();
            mode(&to, 0o644);
        }
        Outside {
            _tmp: Some(tmp),
            program,
            pack,
        }
    }
}

/// What `sudo renew … --save` leaves behind: a checklist file and the
/// `.lock` that only root may read, then a folder the person cannot write.
/// Reading needs no write access; the unreadable file is named and the
/// rest still list. When the tests run as root, file modes do not bind
/// root, so `renew` runs as the unprivileged user 65534 against root's
/// files, which is the situation the person is in.
#[cfg(unix)]
#[test]
fn a_root_owned_file_and_lock_and_a_read_only_folder_do_not_lock_the_person_out() {
    use std::os::unix::fs::{PermissionsExt, chown};
    use std::os::unix::process::CommandExt;
    let env = Env::new();
    let ok = env.save("甲市", "tnb", "2026-03-31", "妈妈");
    let locked = env.save("甲市", "gxy", "2026-03-31", "爸爸");
    let dir = env.dir.path().join("checklists");
    let as_root = !modes_bind(env.dir.path());
    let user = 65534;
    if as_root {
        // The person owns their data dir; root owns what sudo wrote.
        for p in [env.dir.path(), &dir, &checklist_path(&env, &ok)] {
            chown(p, Some(user), Some(user)).unwrap();
        }
    }
    let chmod = |p: &std::path::Path, m: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap()
    };
    chmod(&checklist_path(&env, &locked), 0o000);
    chmod(&dir.join(".lock"), 0o000);
    let outside = Outside::new(as_root);
    let run = |args: &[&str]| {
        let mut c = std::process::Command::new(&outside.program);
        // HOME where no config is (the other user could not read ours).
        hermetic(&mut c, env.dir.path())
            .env("HOME", "/nonexistent")
            .env("RENEW_POLICY_DIR", &outside.pack)
            .args(args);
        if as_root {
            c.uid(user).gid(user);
        }
        c.output().unwrap()
    };
    for read_only in [false, true] {
        if read_only {
            chmod(&dir, 0o500);
        }
        let out = run(&["checklist", "list", "--lang", "en"]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "read-only {read_only}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(text.contains("妈妈"), "read-only {read_only}: {text}");
        assert!(
            text.contains(&format!("{locked}.json")),
            "the unreadable file is named: {text}"
        );
        let out = run(&["checklist", "show", &ok]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = run(&["checklist", "show", &locked, "--lang", "en"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success());
        assert!(err.contains(&format!("{locked}.json")), "{err}");
    }
    // Changing needs the lock, and the message says which file is in the way.
    let out = run(&["checklist", "tick", &ok, "1", "--lang", "en"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains(".lock"), "{err}");
    chmod(&dir, 0o700);
    chmod(&dir.join(".lock"), 0o600);
    chmod(&checklist_path(&env, &locked), 0o600);
}

/// A data dir this user can only read, with no checklists yet: `list`
/// says there are none (not "Permission denied"), and a save names the
/// folder it could not use.
#[cfg(unix)]
#[test]
fn a_read_only_data_dir_without_checklists_lists_none() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let env = Env::new();
    let as_root = !modes_bind(env.dir.path());
    let data = env.dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let outside = Outside::new(as_root);
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o555)).unwrap();
    let run = |args: &[&str]| {
        let mut c = std::process::Command::new(&outside.program);
        hermetic(&mut c, &data)
            .env("HOME", "/nonexistent")
            .env("RENEW_POLICY_DIR", &outside.pack)
            .args(args);
        if as_root {
            // Root's 0555 folder binds everyone else.
            c.uid(65534).gid(65534);
        }
        c.output().unwrap()
    };
    let out = run(&["checklist", "list", "--lang", "en"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("No saved checklists"));
    let out = run(&[
        "plan",
        "--region",
        "甲市",
        "--scheme",
        "zg",
        "--disease",
        "tnb",
        "--end",
        "2026-03-31",
        "--save",
        "--lang",
        "en",
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("checklists"), "{err}");
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// An export made weeks after the save computes every date, the items'
/// included, for one reference day, and says which.
#[test]
fn export_dates_are_all_for_the_export_day() {
    let env = Env::new();
    let id = env.save("甲市", "tnb", "2026-03-31", "妈妈");
    for format in ["markdown", "text"] {
        let out = env
            .cmd(&["checklist", "export", &id, "--format", format])
            .env("RENEW_TODAY", "2026-03-01")
            .output()
            .unwrap();
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(s.contains("2026-03-01"), "{format}:\n{s}");
        assert!(
            s.contains("所有日期按这一天计算"),
            "{format}: the reference day is said\n{s}"
        );
        // Records from the last 12 months, counted from the export day.
        assert!(s.contains("2025-03-01"), "{format}:\n{s}");
        assert!(
            !s.contains("2025-01-15"),
            "{format}: an item still counts from the save day\n{s}"
        );
    }
}

/// A checklist saved in Chinese and then ticked, shown and exported in
/// English and Traditional Chinese: no "changed" lines, the file keeps ids,
/// dates and ticks only (no display text), and ticking in another language
/// changes the tick and nothing else.
#[test]
fn a_checklist_reads_the_same_in_every_language_and_stores_no_display_text() {
    let env = Env::new();
    let id = env.save("甲市", "tnb", "2026-03-31", "妈妈");
    let path = checklist_path(&env, &id);
    let saved = read_json(&path);
    for item in saved["items"].as_array().unwrap() {
        assert!(item.get("text").is_none(), "display text stored: {item}");
        if item["kind"] == "step" {
            assert_eq!(item["name"], "", "a step's name is UI text: {item}");
        }
    }
    let changed = |lang: &str| {
        let out = env
            .cmd(&["checklist", "show", &id, "--lang", lang])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let en = changed("en");
    assert!(!en.contains("  ! "), "{en}");
    assert!(
        en.contains("Submit the renewal application") || en.contains("Apply"),
        "{en}"
    );
    assert!(!en.contains("提交续期申请"), "steps are in English: {en}");
    let hant = changed("zh-Hant");
    assert!(!hant.contains("  ! "), "{hant}");
    for lang in ["en", "zh-Hant"] {
        env.cmd(&["checklist", "tick", &id, "2", "--lang", lang])
            .assert()
            .success();
        env.cmd(&["checklist", "untick", &id, "2", "--lang", lang])
            .assert()
            .success();
    }
    let mut after = read_json(&path);
    for v in [&mut after] {
        v["updated_at"] = saved["updated_at"].clone();
        for item in v["items"].as_array_mut().unwrap() {
            item["done_at"] = Value::Null;
        }
    }
    assert_eq!(
        after, saved,
        "ticking in another language rewrote the items"
    );
}

/// Placeholders are never read inside what a person typed: a label typed
/// as `{id}{region}` is shown as typed in every output.
#[test]
fn a_label_that_looks_like_a_placeholder_is_shown_literally() {
    let env = Env::new();
    let label = "{id}{region}";
    let out = env
        .cmd(&[
            "plan",
            "--region",
            "甲市",
            "--scheme",
            "zg",
            "--disease",
            "tnb",
            "--end",
            "2026-03-31",
            "--save",
            "--label",
            label,
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let saved_message = String::from_utf8(out.stdout).unwrap();
    assert!(saved_message.contains(label), "{saved_message}");
    let id = env.json(&["checklist", "list", "--format", "json"])["checklists"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    for lang in ["zh-Hans", "zh-Hant", "en"] {
        for args in [
            vec!["checklist", "list"],
            vec!["checklist", "show", &id],
            vec!["checklist", "export", &id, "--format", "text"],
            vec!["checklist", "export", &id, "--format", "markdown"],
            vec!["checklist", "tick", &id, "1"],
        ] {
            let out = env.cmd(&args).args(["--lang", lang]).output().unwrap();
            assert!(out.status.success(), "{args:?}");
            let text = String::from_utf8(out.stdout).unwrap();
            if args[1] != "tick" {
                assert!(text.contains(label), "{lang} {args:?}: {text}");
            }
            assert!(!text.contains("示例省甲市示例省甲市"), "{text}");
            assert!(!text.contains(&format!("{id}{id}")), "{text}");
        }
    }
}

/// Issue 11 §4: once the apply-by day has passed or the window has closed,
/// `checklist show` and the calendar file say what that means on the day
/// they are made and what to do, never a past day as advice.
#[test]
fn a_passed_apply_by_day_is_said_as_such_in_show_and_the_calendar() {
    let env = Env::new();
    let id = env.save("甲市", "tnb", "2026-03-31", "妈妈");
    let at = |today: &str, args: &[&str]| {
        let out = env.cmd(args).env("RENEW_TODAY", today).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let raw = String::from_utf8(out.stdout).unwrap();
        // Unfolded and unescaped, so a sentence reads whole.
        raw.replace("\r\n ", "")
            .replace("\\n", "\n")
            .replace(['\n', ' '], "")
    };
    let show = |today: &str| at(today, &["checklist", "show", &id]);
    let ics = |today: &str| at(today, &["checklist", "export", &id, "--format", "ics"]);
    assert!(show("2026-03-24").contains("最好不晚于2026-03-24"));
    let passed = show("2026-03-25");
    assert!(!passed.contains("最好不晚于"), "{passed}");
    assert!(
        passed.contains("2026-03-24已经过了") && passed.contains("今天就申请"),
        "{passed}"
    );
    let closed = show("2026-04-02");
    assert!(!closed.contains("最好不晚于"), "{closed}");
    assert!(
        closed.contains("已经结束") && closed.contains("补办"),
        "{closed}"
    );

    assert!(!ics("2026-03-20").contains("导出日"));
    let passed = ics("2026-03-25");
    assert!(
        passed.contains("到2026-03-25已过：请尽快申请续期"),
        "{passed}"
    );
    assert!(
        passed.contains("导出日2026-03-25：建议最晚申请的日子"),
        "{passed}"
    );
    let closed = ics("2026-04-02");
    assert!(closed.contains("申请期已结束：请问能否补办"), "{closed}");
    assert!(
        closed.contains("导出日2026-04-02：申请期已于2026-03-31关闭"),
        "{closed}"
    );
}

/// Issue 11 §3: a 青岛 hospital-only disease has no day to apply by;
/// `checklist show`, its JSON, the calendar file and the printed sheet say
/// why and whom to ask.
#[test]
fn a_hospital_only_checklist_says_why_there_is_no_apply_by_day() {
    let env = Env::new();
    let id = env.save("qingdao", "精神病", "2026-03-31", "爸爸");
    let run = |args: &[&str]| {
        let out = env.cmd(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .replace("\r\n ", "")
            .replace("\\n", "")
            .replace(['\n', ' '], "")
    };
    for out in [
        run(&["checklist", "show", &id]),
        run(&["checklist", "export", &id, "--format", "ics"]),
        run(&["checklist", "export", &id, "--format", "markdown"]),
        run(&["checklist", "export", &id, "--format", "text"]),
    ] {
        assert!(out.contains("算不出建议最晚申请日"), "{out}");
        assert!(out.contains("只能经“医疗机构代办（线下）”申请"), "{out}");
        assert!(out.contains("请向您拟定点的医疗机构"), "{out}");
    }
    let v = env.json(&["checklist", "show", &id, "--format", "json"]);
    assert_eq!(v["deadline"], "unknown");
}

/// Issue 11 §3: 青岛's 高血压 documents are an either/or of two routes. A
/// checklist saved before that was modelled (schema 2, both routes counted)
/// shows the group in every output without being rewritten: `show` (text
/// and JSON), `list` and the agenda count it once and say which route is
/// complete; ticking saves it in the current schema.
#[test]
fn an_either_or_shows_in_every_checklist_output_and_an_old_file_upgrades_on_save() {
    let env = Env::new();
    let dir = env.dir.path().join("checklists");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("7b2e4d10.json");
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/checklist-v2-either-or.json");
    std::fs::copy(&fixture, &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let run = |args: &[&str]| {
        let out = env.cmd(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let flat = |s: String| s.split_whitespace().collect::<String>();
    let show = flat(run(&["checklist", "show", "7b2e4d10"]));
    for want in [
        "已完成1/7项",
        "☐5.问清：到期前多久可以申请续期？最早哪天可以交？",
        "“确诊途径”已按途径1“住院确诊”（经住院确诊的）备齐，其他途径的材料不用再准备",
        "途径1“住院确诊”（经住院确诊的）·已备齐☑2.住院确诊病历",
        "途径2“门诊确诊”（未经住院确诊的）·已备0/1☐3.二级或以上医院临床确诊的门诊病历",
    ] {
        assert!(show.contains(want), "{want}: {show}");
    }
    let v = env.json(&["checklist", "show", "7b2e4d10", "--format", "json"]);
    assert_eq!(
        (v["done"].clone(), v["total"].clone()),
        (1.into(), 7.into())
    );
    assert_eq!(v["choice_states"][0]["complete_route"], "inpatient");
    assert_eq!(v["choices"][0]["routes"][1]["id"], "outpatient");
    let list = run(&["checklist", "list"]);
    assert!(list.contains("1/7"), "{list}");
    let v = env.json(&["checklist", "list", "--format", "json"]);
    assert_eq!(
        (
            v["checklists"][0]["done"].clone(),
            v["checklists"][0]["total"].clone()
        ),
        (1.into(), 7.into())
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "viewing writes nothing"
    );

    // Untick the inpatient route: the agenda says the group is still open.
    let out = run(&["checklist", "untick", "7b2e4d10", "2"]);
    assert!(out.contains("〔任选其一·途径 1：住院确诊〕"), "{out}");
    let agenda = flat(run(&["agenda", "--days", "90"]));
    assert!(
        agenda.contains("已完成0/7·“确诊途径”任选其一，还没备齐"),
        "{agenda}"
    );
    let v: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(v["schema_version"], 3, "saved in the current schema");
    assert_eq!(v["choices"][0]["id"], "hypertension-diabetes-diagnosis");
}

/// Issue 14 (Modes): `checklist list` lines its columns up by display
/// width, whatever the widths of the labels and names.
#[test]
fn list_columns_line_up_by_display_width() {
    let env = Env::new();
    env.save("甲市", "tnb", "2026-03-31", "Dad");
    env.save("防城港", "gxy", "2026-06-30", "王爷爷和王奶奶的清单");
    env.save("丁市", "tnb", "2026-08-31", "妈妈");
    let out = env.cmd(&["checklist", "list"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let columns: Vec<usize> = text
        .lines()
        .map(|l| {
            let at = l
                .find("2026-0")
                .unwrap_or_else(|| panic!("no date: {l}\n{text}"));
            unicode_width::UnicodeWidthStr::width(&l[..at])
        })
        .collect();
    assert_eq!(columns.len(), 3, "{text}");
    assert!(
        columns.iter().all(|c| *c == columns[0]),
        "{columns:?}\n{text}"
    );
}

/// A label that is another checklist's id is ambiguous, and both are
/// listed; a label is found by what the list shows of it (a direction
/// override dropped), not only by its hidden characters.
#[test]
fn a_label_equal_to_an_id_is_ambiguous_and_labels_match_as_shown() {
    let env = Env::new();
    let first = env.save("甲市", "tnb", "2026-03-31", "妈妈");
    let second = env.save("甲市", "gxy", "2026-03-31", "爸爸");
    // The second's label becomes the first's id (as another program may write it).
    let path = checklist_path(&env, &second);
    let mut v = read_json(&path);
    v["label"] = first.clone().into();
    std::fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
    let out = env.cmd(&["checklist", "show", &first]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the id won silently");
    assert!(err.contains("多份清单") && err.contains(&second), "{err}");

    let third = env.save("甲市", "tnb", "2026-06-30", "x");
    let path = checklist_path(&env, &third);
    let mut v = read_json(&path);
    v["label"] = "\u{202E}RTL".into();
    std::fs::write(&path, serde_json::to_string(&v).unwrap()).unwrap();
    let list = env.cmd(&["checklist", "list"]).output().unwrap();
    assert!(String::from_utf8_lossy(&list.stdout).contains("RTL"));
    let out = env.cmd(&["checklist", "show", "RTL"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("2026-06-30")
            || String::from_utf8_lossy(&out.stdout).contains("6月30日")
    );
}

/// Issue 21 §3: 长沙 高血压 saved; the person learns the review takes 10
/// working days: the plan counts the day to apply by from it, marked
/// learned with the day and who said it, the text says where it came
/// from, and `--forget` brings the unknown back.
#[test]
fn a_learned_review_time_gives_the_apply_by_day_and_can_be_taken_back() {
    let env = Env::new();
    let on_day = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--today", "2026-12-08"]);
        env.cmd(&all).output().unwrap()
    };
    let json_on_day = |args: &[&str]| -> Value {
        let out = on_day(args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let text_on_day = |args: &[&str]| -> String {
        let out = on_day(args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .split_whitespace()
            .collect()
    };
    let v = json_on_day(&[
        "plan",
        "--region",
        "长沙",
        "--scheme",
        "employee",
        "--disease",
        "高血压",
        "--end",
        "2027-03-31",
        "--format",
        "json",
        "--save",
        "--label",
        "妈妈",
    ]);
    let id = v["checklist"]["id"].as_str().unwrap().to_string();
    let show = json_on_day(&["checklist", "show", &id, "--format", "json"]);
    assert!(show["apply_by"].is_null(), "{}", show["apply_by"]);
    assert!(text_on_day(&["checklist", "show", &id]).contains("问清：审核要几个工作日"));

    let said = text_on_day(&[
        "checklist",
        "learn",
        &id,
        "--review-days",
        "10",
        "--on",
        "2026-12-08",
        "--from",
        "医保窗口",
    ]);
    assert!(
        said.contains("审核要10个工作日：您在2026-12-08从医保窗口问到"),
        "{said}"
    );
    let show = json_on_day(&["checklist", "show", &id, "--format", "json"]);
    let by = &show["apply_by"];
    assert_eq!(by["working_days"], 10, "{by}");
    assert_eq!(by["source"], "learned");
    assert_eq!(by["on"], "2026-12-08");
    assert_eq!(by["from"], "医保窗口");
    // 2027's holidays are not published: the day is still an estimate.
    assert_eq!(by["estimated"], true);
    assert_eq!(show["window"]["apply_by"], by["date"]);
    assert_eq!(show["learned"]["review_days"]["value"], 10);
    assert_eq!(show["learned_used"][0]["source"], "learned");
    let text = text_on_day(&["checklist", "show", &id]);
    assert!(text.contains("您在2026-12-08从医保窗口问到"), "{text}");
    assert!(!text.contains("问清：审核要几个工作日"), "{text}");
    let plan_text = text_on_day(&["checklist", "export", &id, "--format", "text"]);
    assert!(
        plan_text.contains(by["date"].as_str().unwrap()),
        "{plan_text}"
    );
    // The calendar export says it too (issue 21: marked everywhere).
    let ics = text_on_day(&["checklist", "export", &id, "--format", "ics"]);
    assert!(ics.contains("从医保窗口问到"), "{ics}");

    text_on_day(&["checklist", "learn", &id, "--forget", "review-days"]);
    let show = json_on_day(&["checklist", "show", &id, "--format", "json"]);
    assert!(show["apply_by"].is_null() && show["window"]["apply_by"].is_null());
    assert!(show.get("learned").is_none(), "{show}");
    assert!(text_on_day(&["checklist", "show", &id]).contains("问清：审核要几个工作日"));
}

/// Issue 21 §3: a bad value (0, negative, 10,000 days, months out of
/// range), no fact or two, an unknown field to forget or a day after
/// today: a clear message in the person's language naming the flag, exit
/// status 2, and the saved file unchanged.
#[test]
fn bad_learned_values_are_refused_naming_the_flag_and_change_nothing() {
    let env = Env::new();
    let id = env.save("甲市", "糖尿病", "2026-03-31", "妈妈");
    let path = checklist_path(&env, &id);
    let before = std::fs::read(&path).unwrap();
    for (args, names) in [
        (vec!["--review-days", "0"], "--review-days"),
        (vec!["--review-days", "-3"], "--review-days"),
        (vec!["--review-days", "10000"], "--review-days"),
        (vec!["--review-days", "十"], "--review-days"),
        (vec!["--window-months", "0"], "--window-months"),
        (vec!["--window-months", "25"], "--window-months"),
        (vec!["--window-days", "99999999999"], "--window-days"),
        (vec![], "--review-days"),
        (
            vec!["--review-days", "5", "--window-days", "30"],
            "--window-days",
        ),
        (vec!["--no-renewal", "--forget", "review-days"], "--forget"),
        (vec!["--forget", "days"], "--forget"),
        (
            vec!["--review-days", "5", "--on", "2026-02-01"],
            "2026-02-01",
        ),
    ] {
        let mut all = vec!["checklist", "learn", id.as_str()];
        all.extend(args.iter().copied());
        let out = env.cmd(&all).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(names), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{args:?} changed the file"
        );
    }
    let out = env
        .cmd(&[
            "--lang",
            "en",
            "checklist",
            "learn",
            &id,
            "--review-days",
            "0",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--review-days") && err.contains("whole number"),
        "{err}"
    );
}

/// Issue 21 §3: a learned value that contradicts the shipped data (甲市's
/// review time) is used, and both are shown.
#[test]
fn a_learned_value_that_contradicts_the_data_is_used_and_both_are_shown() {
    let env = Env::new();
    let id = env.save("甲市", "糖尿病", "2026-03-31", "妈妈");
    let before = env.json(&["checklist", "show", &id, "--format", "json"]);
    let shipped = before["apply_by"]["working_days"].as_u64().unwrap();
    let told = (shipped + 10).to_string();
    env.cmd(&[
        "checklist",
        "learn",
        &id,
        "--review-days",
        &told,
        "--from",
        "12393",
    ])
    .assert()
    .success();
    let v = env.json(&["checklist", "show", &id, "--format", "json"]);
    assert_eq!(v["apply_by"]["working_days"].to_string(), told);
    assert_eq!(v["apply_by"]["on"], "2026-01-15", "--on defaults to today");
    assert!(v["apply_by"]["date"].as_str() < before["apply_by"]["date"].as_str());
    assert_eq!(v["learned_used"][0]["shipped"]["value"], shipped);
    let out = env.cmd(&["checklist", "show", &id]).output().unwrap();
    let text: String = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect();
    assert!(
        text.contains(&format!("审核要{told}个工作日：您在2026-01-15从12393问到"))
            && text.contains(&format!("本程序的资料写的是：审核要{shipped}个工作日")),
        "{text}"
    );
}

/// Issue 21 §4: what one person was told, for the whole clinic. The
/// learned facts of 长沙 高血压 (长沙 takes 湖南's file) export as a city
/// file for 长沙 inheriting the rest; of 甲市 (its own file), as that file
/// whole; of 石家庄 (no data: the generic plan), as a whole file for
/// 石家庄. `renew data check` accepts each, and with `--policy-dir` a fresh
/// plan gives the dates the checklist gives.
#[test]
fn the_learned_facts_export_as_a_pack_that_reproduces_the_dates() {
    let env = Env::new();
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--today", "2026-12-08"]);
        let out = env.cmd(&all).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let json = |args: &[&str]| -> Value { serde_json::from_slice(&run(args)).unwrap() };
    for (place, disease, end) in [
        ("长沙", "高血压", "2027-03-31"),
        ("甲市", "糖尿病", "2027-03-31"),
        ("石家庄", "糖尿病", "2027-03-31"),
    ] {
        let v = json(&[
            "plan",
            "--region",
            place,
            "--scheme",
            "employee",
            "--disease",
            disease,
            "--end",
            end,
            "--format",
            "json",
            "--save",
        ]);
        let id = v["checklist"]["id"].as_str().unwrap().to_string();
        // Nothing learned yet: nothing to export.
        let out = env
            .cmd(&[
                "checklist",
                "export",
                &id,
                "--format",
                "pack",
                "--today",
                "2026-12-08",
            ])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        run(&[
            "checklist",
            "learn",
            &id,
            "--review-days",
            "12",
            "--from",
            "医保窗口",
        ]);
        run(&[
            "checklist",
            "learn",
            &id,
            "--window-months",
            "2",
            "--from",
            "12393",
        ]);
        let pack = env.dir.path().join(format!("pack-{id}"));
        std::fs::create_dir_all(&pack).unwrap();
        let file = run(&["checklist", "export", &id, "--format", "pack"]);
        let region: Value = serde_json::from_slice(&file).unwrap();
        std::fs::write(pack.join("learned.json"), &file).unwrap();
        let learned = region["sources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == "learned")
            .expect("the learned source");
        assert_eq!(learned["confidence"], "low");
        assert_eq!(
            learned["title"],
            "在 2026-12-08 电话询问 医保窗口；在 2026-12-08 电话询问 12393"
        );
        let checked = run(&["data", "check", pack.to_str().unwrap()]);
        assert!(String::from_utf8_lossy(&checked).contains("1 个地区文件可以使用，0 个问题"));

        let show = json(&["checklist", "show", &id, "--format", "json"]);
        let fresh = json(&[
            "plan",
            "--region",
            place,
            "--scheme",
            "employee",
            "--disease",
            disease,
            "--end",
            end,
            "--format",
            "json",
            "--policy-dir",
            pack.to_str().unwrap(),
        ]);
        assert_eq!(fresh["window"]["opens"], show["window"]["opens"], "{place}");
        assert_eq!(
            fresh["window"]["closes"], show["window"]["closes"],
            "{place}"
        );
        assert_eq!(fresh["window"]["months"], 2, "{place}");
        assert_eq!(
            fresh["apply_by"]["date"], show["apply_by"]["date"],
            "{place}"
        );
        assert_eq!(fresh["apply_by"]["working_days"], 12, "{place}");
        assert!(fresh["apply_by"]["date"].is_string(), "{place}");
        if place == "长沙" {
            // Only what was learned: the rest comes from 湖南's file.
            assert_eq!(region["place"], "430100");
            assert!(region.get("documents").is_none() && region.get("diseases").is_none());
            assert_eq!(fresh["data_levels"]["diseases"], "province");
        } else if place == "甲市" {
            assert_eq!(region["id"], "fx-exact");
        } else {
            // The generic entry, made a file for 石家庄 itself.
            assert_eq!(
                (region["id"].as_str(), region["generic"].as_bool()),
                (Some("place-130100"), Some(false))
            );
            assert_eq!(fresh["region"]["id"], "place-130100");
        }
    }
}

/// Issue 21 gap 1: "no renewal" was said of the person's disease. Learned
/// for one disease of 西安 (its own file; 高血压's "no renewal" only
/// inferred), 长沙 (湖南's file), 石家庄 (the generic plan) and 甲市 (a
/// fixture file), the exported pack makes that disease need none, and a
/// fresh plan with `--policy-dir` for another disease of the place is the
/// plan without the pack.
#[test]
fn a_learned_no_renewal_pack_reaches_that_disease_only() {
    let env = Env::new();
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--today", "2026-12-08"]);
        let out = env.cmd(&all).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let json = |args: &[&str]| -> Value { serde_json::from_slice(&run(args)).unwrap() };
    let plan = |place: &str, disease: &str, more: &[&str]| {
        let mut args = vec![
            "plan",
            "--region",
            place,
            "--scheme",
            "employee",
            "--disease",
            disease,
            "--end",
            "2027-03-31",
            "--format",
            "json",
        ];
        args.extend(more);
        json(&args)
    };
    for (place, told, other) in [
        ("西安", "高血压", "癫痫"),
        ("长沙", "高血压", "糖尿病"),
        ("石家庄", "糖尿病", "高血压"),
        ("甲市", "糖尿病", "高血压"),
    ] {
        let v = plan(place, told, &["--save"]);
        let id = v["checklist"]["id"].as_str().unwrap().to_string();
        run(&[
            "checklist",
            "learn",
            &id,
            "--no-renewal",
            "--from",
            "医保窗口",
        ]);
        let pack = env.dir.path().join(format!("pack-{id}"));
        std::fs::create_dir_all(&pack).unwrap();
        let file = run(&["checklist", "export", &id, "--format", "pack"]);
        std::fs::write(pack.join("learned.json"), &file).unwrap();
        let checked = run(&["data", "check", pack.to_str().unwrap()]);
        assert!(
            String::from_utf8_lossy(&checked).contains("1 个地区文件可以使用，0 个问题"),
            "{place}: {}",
            String::from_utf8_lossy(&checked)
        );
        let dir = pack.to_str().unwrap();
        let fresh = plan(place, told, &["--policy-dir", dir]);
        assert_eq!(fresh["status"], "no_renewal", "{place} {told}");
        assert_eq!(fresh["renewal_scope"]["source"], "learned", "{place}");
        assert_eq!(fresh["renewal_scope"]["inferred"], false, "{place}");
        let shipped = plan(place, other, &[]);
        let with_pack = plan(place, other, &["--policy-dir", dir]);
        assert_ne!(with_pack["status"], "no_renewal", "{place} {other}");
        for key in ["status", "window", "renewal_scope", "apply_by", "deadline"] {
            assert_eq!(with_pack[key], shipped[key], "{place} {other}: {key}");
        }
    }
}

/// Issue 21 gap 8: `checklist learn` on a saved file of each older schema
/// the store upgrades (1: no cycle; 2: no either/or groups, here 青岛's):
/// the fact is kept, the file is written at the current schema with its
/// ticks, and the plan is counted with what was told.
#[test]
fn learn_works_on_a_checklist_of_every_older_schema() {
    for (fixture, id) in [
        ("checklist-v1.json", "5f3a9c21"),
        ("checklist-v2-either-or.json", "7b2e4d10"),
    ] {
        let env = Env::new();
        let dir = env.dir.path().join("checklists");
        std::fs::create_dir_all(&dir).unwrap();
        let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(fixture);
        let old: Value = serde_json::from_slice(&std::fs::read(&from).unwrap()).unwrap();
        assert!(old["schema_version"].as_u64().unwrap() < 3, "{fixture}");
        std::fs::copy(&from, dir.join(format!("{id}.json"))).unwrap();
        env.cmd(&[
            "checklist",
            "learn",
            id,
            "--review-days",
            "9",
            "--on",
            "2026-01-10",
            "--from",
            "医保窗口",
        ])
        .assert()
        .success();
        let saved = read_json(&checklist_path(&env, id));
        assert_eq!(
            saved["schema_version"],
            renewal_assistant::checklist::SCHEMA_VERSION,
            "{fixture}"
        );
        assert_eq!(saved["learned"]["review_days"]["value"], 9, "{fixture}");
        assert_eq!(saved["learned"]["review_days"]["on"], "2026-01-10");
        // Ticks are kept (an item the data no longer has, never ticked,
        // may go as the checklist is brought up to date).
        for item in old["items"].as_array().unwrap() {
            let kept = saved["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["id"] == item["id"]);
            match kept {
                Some(k) => assert_eq!(k["done"], item["done"], "{fixture}: {}", item["id"]),
                None => assert_eq!(item["done"], false, "{fixture}: {} lost", item["id"]),
            }
        }
        let show = env.json(&["checklist", "show", id, "--format", "json"]);
        assert_eq!(show["learned_used"][0]["source"], "learned", "{fixture}");
        assert_eq!(show["learned_used"][0]["value"], 9, "{fixture}");
        if !show["apply_by"].is_null() {
            assert_eq!(show["apply_by"]["working_days"], 9, "{fixture}");
            assert_eq!(show["apply_by"]["source"], "learned", "{fixture}");
        }
        // Taken back: nothing learned is left in the file.
        env.cmd(&["checklist", "learn", id, "--forget", "review-days"])
            .assert()
            .success();
        assert!(
            read_json(&checklist_path(&env, id))
                .get("learned")
                .is_none()
        );
    }
}

/// Issue 21 gap 5: a learned value is marked wherever it is shown: the
/// channel table's review time and latest-application cells, and `show
/// --format json` says where the window came from.
#[test]
fn learned_values_are_marked_in_the_channel_table_and_the_window_json() {
    let env = Env::new();
    let id = env.save("甲市", "糖尿病", "2026-03-31", "妈妈");
    let before = env.json(&["checklist", "show", &id, "--format", "json"]);
    assert_eq!(
        before["window"]["source"], "fx-a-article",
        "{}",
        before["window"]
    );
    assert!(before["window"].get("on").is_none());
    for args in [["--review-days", "9"], ["--window-months", "2"]] {
        let mut all = vec!["checklist", "learn", id.as_str()];
        all.extend(args);
        all.extend(["--on", "2026-01-10", "--from", "医保窗口"]);
        env.cmd(&all).assert().success();
    }
    let v = env.json(&["checklist", "show", &id, "--format", "json"]);
    assert_eq!(v["window"]["source"], "learned", "{}", v["window"]);
    assert_eq!(v["window"]["on"], "2026-01-10");
    assert_eq!(v["window"]["from"], "医保窗口");
    assert_eq!(v["window"]["months"], 2);
    let out = env
        .cmd(&["checklist", "export", &id, "--format", "markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    let row = |label: &str| {
        md.lines()
            .find(|l| l.starts_with(&format!("| {label}")))
            .unwrap_or_else(|| panic!("no {label} row: {md}"))
            .to_string()
    };
    let said = "您在 2026-01-10 从医保窗口问到";
    let review = row("审核时间");
    assert!(
        review.contains("9 个工作日") && review.contains(said),
        "{review}"
    );
    let by = row("最晚申请");
    assert!(by.contains("2026-") && by.contains(said), "{by}");
}
