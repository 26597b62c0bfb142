//! Text from outside (a policy pack, a config file, a saved checklist, a
//! typed answer) never reaches the terminal raw: no escape sequences, C1
//! controls, bidirectional controls or zero-width characters, whichever
//! message or format carries it. Through the real binary, hermetic.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn renew(data: &Path) -> Command {
    let mut c = Command::cargo_bin("renew").unwrap();
    c.env_clear()
        .env("RENEW_DATA_DIR", data)
        .env("RENEW_TODAY", "2026-01-15")
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1");
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
