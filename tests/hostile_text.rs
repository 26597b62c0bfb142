//! Text from outside (a policy pack, a config file, a saved checklist, a
//! typed answer) never reaches the terminal raw: no escape sequences, C1
//! controls, bidirectional controls or zero-width characters, whichever
//! message or format carries it. Through the real binary, hermetic.

use std::path::Path;

mod common;

use assert_cmd::Command;
use serde_json::Value;

/// The binary, hermetic (`common::hermetic`), without colour.
fn renew(data: &Path) -> Command {
    let mut c = common::renew_in(data);
    c.env("NO_COLOR", "1");
    c
}

/// Characters a terminal acts on or that hide or reorder text.
fn hostile(c: char) -> bool {
    (c.is_control() && c != '\n')
        || ('\u{80}'..='\u{9f}').contains(&c)
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

fn assert_harmless(what: &str, bytes: &[u8]) {
    assert!(
        !bytes.contains(&0x1b),
        "{what}: raw ESC in {:?}",
        String::from_utf8_lossy(bytes)
    );
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text.chars().filter(|c| hostile(*c)).collect();
    assert!(bad.is_empty(), "{what}: {bad:?} in {text:?}");
}

fn embedded(file: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/regions")
        .join(file);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn messages_about_a_rejected_pack_file_are_cleaned() {
    let data = tempfile::tempdir().unwrap();
    let pack = tempfile::tempdir().unwrap();
    // A file name with an escape sequence and a C1 CSI, and values the
    // parser quotes back in its error.
    let mut kind = embedded("guangxi-fangchenggang.json");
    kind["channels"][0]["kind"] = "\u{1b}[2J\u{9b}2J".into();
    std::fs::write(
        pack.path().join("evil\u{1b}]0;pwned\u{7}\u{9b}31m.json"),
        kind.to_string(),
    )
    .unwrap();
    let mut text = embedded("hubei-qianjiang.json");
    text["name"] = "\u{1b}[2J湖北".into();
    std::fs::write(pack.path().join("text\u{1b}[31m.json"), text.to_string()).unwrap();
    std::fs::write(pack.path().join("broken.json"), "{\"id\": \u{1b}[2J").unwrap();

    let out = renew(data.path())
        .args(["regions", "--policy-dir"])
        .arg(pack.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("evil]0;pwned31m.json"), "{err}");
    assert!(err.contains("unknown variant `[2J2J`"), "{err}");
    assert!(
        err.contains("text[31m.json") && err.contains("broken.json"),
        "{err}"
    );
    assert_harmless("stderr", &out.stderr);
    assert_harmless("stdout", &out.stdout);

    let out = renew(data.path())
        .args(["data", "check"])
        .arg(pack.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("evil]0;pwned31m.json"));
    assert_harmless("data check stdout", &out.stdout);
    assert_harmless("data check stderr", &out.stderr);
}

#[test]
fn a_config_file_with_escapes_in_a_bad_line_is_named_cleanly() {
    let data = tempfile::tempdir().unwrap();
    let config = data.path().join("config.toml");
    for body in [
        "lang = \"en\"\n\u{1b}[2J\u{1b}]0;pwned\u{7} = oops\u{9b}\n",
        "[kiosk]\nquit_key = \"\u{1b}[2J\"\n",
        "theme = \"\u{1b}[2J\u{202E}\n",
    ] {
        std::fs::write(&config, body).unwrap();
        let out = renew(data.path())
            .args(["regions", "--config"])
            .arg(&config)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{body:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("config.toml"), "{err}");
        assert_harmless(&format!("config {body:?}"), &out.stderr);
    }
}

/// Saves 海西's plan with `label` and returns its id, the JSON and the path.
fn save(data: &Path, label: &str) -> (String, Value) {
    let out = renew(data)
        .args([
            "plan",
            "--region",
            "haixi",
            "--scheme",
            "zg",
            "--disease",
            "tnb",
            "--end",
            "2026-03-31",
            "--format",
            "json",
            "--save",
            "--label",
            label,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_harmless("plan --format json", &out.stdout);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    (v["checklist"]["id"].as_str().unwrap().to_string(), v)
}

#[test]
fn json_escapes_bidi_zero_width_and_c1_and_text_drops_them() {
    let data = tempfile::tempdir().unwrap();
    let label = "妈\u{202E}\u{2066}\u{200B}妈";
    let (id, v) = save(data.path(), label);
    // The JSON still carries the label as typed, only escaped.
    assert_eq!(v["checklist"]["label"], label);

    // A saved file edited by hand with C1 controls in it.
    let path = data.path().join("checklists").join(format!("{id}.json"));
    let mut file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    file["label"] = "妈\u{85}\u{9b}2J\u{202E}\u{200B}\u{FEFF}妈".into();
    std::fs::write(&path, file.to_string()).unwrap();
    for args in [
        vec!["checklist", "show", &id, "--format", "json"],
        vec!["checklist", "list", "--format", "json"],
        vec!["checklist", "export", &id, "--format", "json"],
    ] {
        let out = renew(data.path()).args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        assert_harmless(&format!("{args:?}"), &out.stdout);
        let raw = String::from_utf8_lossy(&out.stdout);
        assert!(
            raw.contains("\\u202e") && raw.contains("\\u009b"),
            "{args:?}: {raw}"
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let label = if args[1] == "list" {
            v["checklists"][0]["label"].clone()
        } else {
            v["label"].clone()
        };
        assert_eq!(
            label, "妈\u{85}\u{9b}2J\u{202E}\u{200B}\u{FEFF}妈",
            "{args:?}"
        );
    }
    for args in [
        vec!["checklist", "show", &id],
        vec!["checklist", "list"],
        vec!["checklist", "export", &id, "--format", "text"],
    ] {
        let out = renew(data.path()).args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        assert_harmless(&format!("{args:?}"), &out.stdout);
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("妈2J妈"),
            "{args:?}"
        );
    }
}

/// Saves a plan, then puts `label` into the saved file as a hand edit
/// would (the CLI refuses control characters in a label); returns the id.
fn save_with_label(data: &Path, label: &str) -> String {
    let (id, _) = save(data, "妈妈");
    let path = data.join("checklists").join(format!("{id}.json"));
    let mut file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    file["label"] = label.into();
    std::fs::write(&path, file.to_string()).unwrap();
    id
}

fn export_ics(data: &Path, id: &str) -> String {
    let out = renew(data)
        .args(["checklist", "export", id, "--format", "ics"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn property(c: &icalendar::parser::Component, name: &str) -> Option<String> {
    c.properties
        .iter()
        .find(|p| p.name == name)
        .map(|p| p.val.to_string())
}

#[test]
fn a_label_cannot_inject_ics_lines() {
    let data = tempfile::tempdir().unwrap();
    let label = "妈妈\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:pwned\r\nEND:VEVENT\nX;a,b\\c";
    let id = save_with_label(data.path(), label);
    let raw = export_ics(data.path(), &id);
    // Every line a property or a fold, none started by the label.
    for line in raw.split("\r\n") {
        assert!(line.len() <= 75, "{line}");
        assert!(!line.contains('\r') && !line.contains('\n'), "{line:?}");
    }
    let lines = |text: &str| raw.split("\r\n").filter(|l| *l == text).count();
    assert_eq!(lines("BEGIN:VEVENT"), 3, "{raw}");
    assert_eq!(lines("END:VEVENT"), 3, "{raw}");
    assert_eq!(lines("END:VCALENDAR"), 1, "{raw}");
    let unfolded = icalendar::parser::unfold(&raw);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("parses");
    let events: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(events.len(), 3, "opens, apply-by, end");
    // The label comes back as text, line breaks and all, inside one value.
    let name = cal.properties.iter().find(|p| p.name == "NAME").unwrap();
    let shown = name.val.clone().unescape_text().to_string();
    assert!(
        shown.contains("妈妈\nEND:VCALENDAR\nBEGIN:VEVENT"),
        "{shown:?}"
    );
    assert!(shown.contains("X;a,b\\c"), "{shown:?}");
    for e in &events {
        assert!(!property(e, "SUMMARY").unwrap().contains("pwned\r"));
    }
}

#[test]
fn all_day_events_end_the_next_day_with_stable_uids() {
    let data = tempfile::tempdir().unwrap();
    let (id, _) = save(data.path(), "妈妈");
    let first = export_ics(data.path(), &id);
    let second = export_ics(data.path(), &id);
    assert_eq!(first, second, "the same file each time: stable UIDs");
    let unfolded = icalendar::parser::unfold(&first);
    let cal = icalendar::parser::read_calendar(&unfolded).unwrap();
    let mut uids = Vec::new();
    for e in cal.components.iter().filter(|c| c.name == "VEVENT") {
        let day = |name| {
            chrono::NaiveDate::parse_from_str(&property(e, name).unwrap(), "%Y%m%d").unwrap()
        };
        assert_eq!(day("DTEND"), day("DTSTART").succ_opt().unwrap());
        uids.push(property(e, "UID").unwrap());
        for a in e.components.iter().filter(|c| c.name == "VALARM") {
            uids.push(property(a, "UID").unwrap());
        }
    }
    assert_eq!(uids.len(), 9);
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), uids.len(), "{uids:?}");
    assert!(uids.iter().all(|u| u.starts_with(&id)), "{uids:?}");
}

#[test]
fn a_label_of_a_million_characters_exports() {
    // Folding is one pass over the text (it was quadratic: 4 s for this).
    let data = tempfile::tempdir().unwrap();
    let label = "妈".repeat(1_000_000);
    let id = save_with_label(data.path(), &label);
    let raw = export_ics(data.path(), &id);
    assert!(raw.split("\r\n").all(|l| l.len() <= 75));
    let unfolded = icalendar::parser::unfold(&raw);
    let name = unfolded
        .lines()
        .find_map(|l| l.strip_prefix("NAME:"))
        .unwrap();
    assert!(name.contains(&label));
    assert_eq!(
        raw.split("\r\n").filter(|l| *l == "BEGIN:VEVENT").count(),
        3
    );
}

/// A directory whose name is not UTF-8.
fn non_utf8_dir(parent: &Path) -> std::path::PathBuf {
    use std::os::unix::ffi::OsStrExt;
    let dir = parent.join(std::ffi::OsStr::from_bytes(b"dir-\xff\xfe-\xc3"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn paths_that_are_not_utf8_work() {
    let tmp = tempfile::tempdir().unwrap();
    let data = non_utf8_dir(tmp.path());
    let out = renew(tmp.path())
        .arg("--data-dir")
        .arg(&data)
        .args([
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
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let saved = std::fs::read_dir(data.join("checklists"))
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            let name = name.to_string_lossy();
            name.ends_with(".json") && !name.starts_with('.')
        })
        .count();
    assert_eq!(saved, 1);
    let out = renew(tmp.path())
        .arg("--data-dir")
        .arg(&data)
        .args(["checklist", "list"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("妈妈"));

    let pack = non_utf8_dir(&tmp.path().join("pack"));
    let mut region = embedded("hubei-qianjiang.json");
    region["id"] = "hubei-test".into();
    region["name"] = "湖北省测试市".into();
    region["short_name"] = "测试".into();
    region["aliases"] = serde_json::json!([]);
    region["place"] = serde_json::Value::Null;
    std::fs::write(pack.join("test.json"), region.to_string()).unwrap();
    let out = renew(tmp.path())
        .arg("--policy-dir")
        .arg(&pack)
        .args(["regions", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("hubei-test"));
    let out = renew(tmp.path())
        .args(["data", "check"])
        .arg(&pack)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Plain questions answered from `stdin`: exit code and what was shown.
fn plain(stdin: Vec<u8>) -> (Option<i32>, String) {
    let data = tempfile::tempdir().unwrap();
    let out = renew(data.path())
        .arg("--plain")
        .write_stdin(stdin)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn a_line_that_is_not_utf8_is_a_bad_answer_not_the_end() {
    let mut stdin = b"\xff\xfe haixi\n".to_vec();
    stdin.extend_from_slice(b"haixi\n1\n\xe7\xb3\n");
    stdin.extend_from_slice("tnb\n2026年3月31日\n\n".as_bytes());
    let (code, out) = plain(stdin);
    assert_eq!(code, Some(0), "{out}");
    assert_eq!(
        out.matches("这一行无法识别（不是 UTF-8 文字）").count(),
        2,
        "{out}"
    );
    assert!(out.contains("续期计划 · 青海省海西州"), "{out}");
}

#[test]
fn a_fifty_megabyte_line_is_skipped_with_a_message() {
    let mut stdin = vec![b'a'; 50 * 1024 * 1024];
    stdin.extend_from_slice("\nhaixi\n1\ntnb\n2026年3月31日\n\n".as_bytes());
    let (code, out) = plain(stdin);
    assert_eq!(
        code,
        Some(0),
        "{}",
        out.chars().take(2000).collect::<String>()
    );
    assert!(
        out.contains("这一行太长（超过 1024 个字节），已忽略"),
        "{out}"
    );
    assert!(out.contains("续期计划 · 青海省海西州"));
    assert!(out.len() < 100_000, "the line is not echoed");
    // A long answer under the line limit is searched only up to its bound.
    let mut stdin = "海".repeat(300).into_bytes();
    stdin.extend_from_slice("\nhaixi\n1\ntnb\n2026年3月31日\n\n".as_bytes());
    let (code, out) = plain(stdin);
    assert_eq!(code, Some(0), "{out}");
    // Not found: the nearest places and the generic plan are offered.
    assert!(out.contains("最接近的地方"), "{out}");
    assert!(out.contains("选“其他地区（通用）”"), "{out}");
}

#[test]
fn command_line_answers_over_the_bound_are_refused() {
    let data = tempfile::tempdir().unwrap();
    let long = "海".repeat(30_000);
    for (flag, what) in [
        ("--region", "地区"),
        ("--scheme", "医保类型"),
        ("--disease", "病种"),
        ("--end", "--end"),
        ("--today", "--today"),
    ] {
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
            "--today",
            "2026-01-15",
        ];
        let at = args.iter().position(|a| *a == flag).unwrap();
        args[at + 1] = &long;
        let out = renew(data.path()).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!(
                "{what}：输入太长（30000 个字符），最多 100 个字符"
            )),
            "{flag}: {}",
            err.chars().take(200).collect::<String>()
        );
        assert!(err.len() < 2000, "{flag}: the input is not echoed");
    }
}

#[test]
fn arguments_clap_refuses_are_quoted_cleanly() {
    let data = tempfile::tempdir().unwrap();
    for args in [
        vec!["\u{1b}[2J\u{9b}2Jx"],
        vec!["regions", "--format", "\u{9b}31m\u{1b}]0;pwned\u{7}"],
        vec!["--bogus\u{202E}\u{200B}"],
    ] {
        let out = renew(data.path()).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty());
        assert_harmless(&format!("{args:?}"), &out.stderr);
    }
    // Help and version still print as clap prints them.
    let out = renew(data.path()).arg("--version").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("renew "));
}
