//! `renew kiosk check`: each thing that would go wrong at the counter is
//! named, in the operator's language; exit 0 only when all is well.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::{outcome, renew_in};

const GOOD: &str = "[kiosk]\nenabled = true\nidle_seconds = 120\ncountdown_seconds = 20\nquit_key = \"f10\"\n[print]\ncommand = [\"true\"]\n";

/// A data folder private to this user, as a kiosk's should be.
fn private_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
    dir
}

/// `renew kiosk check` with this config, the data folder `data`.
fn check(data: &Path, config: &str, lang: &str) -> (i32, String) {
    let cfg = data.join("kiosk.toml");
    fs::write(&cfg, config).unwrap();
    let (code, out, err) = outcome(
        renew_in(data)
            .args(["--lang", lang, "--config"])
            .arg(&cfg)
            .args(["kiosk", "check"])
            .output()
            .unwrap(),
    );
    assert!(err.is_empty(), "{err}");
    (code, out)
}

#[test]
fn a_good_setup_is_all_well() {
    let data = private_dir();
    let (code, out) = check(data.path(), GOOD, "en");
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("✓ Printer program: ") && out.contains("/true"),
        "{out}"
    );
    assert!(out.contains("is private to this user"), "{out}");
    assert!(out.contains("built into the program"), "{out}");
    assert!(
        out.contains("after 120 seconds") && out.contains("last 20 seconds"),
        "{out}"
    );
    assert!(out.contains("F10, pressed twice"), "{out}");
    // Not on a terminal here: said, not a failure.
    assert!(out.contains("○ Not run on a terminal"), "{out}");
    assert!(out.trim_end().ends_with("All is well."), "{out}");
    assert!(!out.contains('✗'), "{out}");
}

#[test]
fn a_missing_printer_fails_naming_it_in_the_operators_language() {
    let data = private_dir();
    let config = GOOD.replace(
        "[\"true\"]",
        "[\"lp-not-installed-here\", \"-d\", \"desk\"]",
    );
    let (code, out) = check(data.path(), &config, "en");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("✗ The printer program \"lp-not-installed-here\" is not installed"),
        "{out}"
    );
    assert!(out.contains("1 problem(s)"), "{out}");
    let (code, out) = check(data.path(), &config, "zh-Hans");
    assert_eq!(code, 1);
    assert!(
        out.contains("打印程序“lp-not-installed-here”没有安装"),
        "{out}"
    );
}

#[test]
fn a_printer_that_is_not_executable_and_an_unwritable_print_folder_fail() {
    let data = private_dir();
    let script = data.path().join("print.sh");
    fs::write(&script, "#!/bin/sh\ncat >/dev/null\n").unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o644)).unwrap();
    let config = GOOD.replace(
        "[\"true\"]",
        &format!("[{:?}]", script.display().to_string()),
    ) + &format!(
        "file = {:?}\n",
        data.path()
            .join("no-such-folder/sheet.txt")
            .display()
            .to_string()
    );
    let (code, out) = check(data.path(), &config, "en");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("print.sh is not executable"), "{out}");
    assert!(
        out.contains("no-such-folder is missing or not writable"),
        "{out}"
    );
    assert!(out.contains("2 problem(s)"), "{out}");
}

#[test]
fn a_data_folder_others_can_read_fails() {
    let data = private_dir();
    fs::set_permissions(data.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let (code, out) = check(data.path(), GOOD, "en");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("is not private (mode 755"), "{out}");
}

#[test]
fn idle_and_countdown_values_a_visitor_would_trip_on_fail() {
    let data = private_dir();
    let config = GOOD
        .replace("idle_seconds = 120", "idle_seconds = 15")
        .replace("countdown_seconds = 20", "countdown_seconds = 3");
    let (code, out) = check(data.path(), &config, "en");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("✗ Idle reset after only 15 seconds"), "{out}");
    assert!(
        out.contains("✗ The countdown lasts only 3 seconds"),
        "{out}"
    );
    // Kiosk mode off, and no --kiosk: said.
    let (code, out) = check(
        data.path(),
        &GOOD.replace("enabled = true", "enabled = false"),
        "en",
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("✗ Kiosk mode is off"), "{out}");
}

#[test]
fn an_installed_pack_that_no_longer_passes_its_check_fails() {
    let data = private_dir();
    let pack = tempfile::tempdir().unwrap();
    let haixi = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/regions/qinghai-haixi.json"),
    )
    .unwrap();
    fs::write(pack.path().join("haixi.json"), &haixi).unwrap();
    let hash = renewal_assistant::packs::sha256_file(&pack.path().join("haixi.json")).unwrap();
    fs::write(
        pack.path().join("manifest.toml"),
        format!(
            "name = \"k\"\nversion = \"1\"\npublished = \"2027-01-01\"\npublisher = \"p\"\n[files]\n\"haixi.json\" = \"{hash}\"\n"
        ),
    )
    .unwrap();
    let (code, out, err) = outcome(
        renew_in(data.path())
            .args(["data", "install"])
            .arg(pack.path())
            .output()
            .unwrap(),
    );
    assert_eq!(code, 0, "{out}{err}");
    let (code, out) = check(data.path(), GOOD, "en");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("installed pack k 1 passes"), "{out}");
    // Someone edits the installed file in place.
    let installed = fs::read_dir(data.path().join("packs"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.join("haixi.json").exists())
        .unwrap();
    fs::write(installed.join("haixi.json"), haixi.replace("海西", "海東")).unwrap();
    let (code, out) = check(data.path(), GOOD, "en");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("fails its check") && out.contains("sha256"),
        "{out}"
    );
}

/// A config the program cannot use (a bad quit key, a typo in a key) is a
/// ✗ line of the report in the operator's language, not an early exit in
/// English; any other command stops on it, naming the file and the key in
/// the person's language.
#[test]
fn a_config_that_cannot_be_used_is_named_in_the_report_in_the_operators_language() {
    let data = private_dir();
    let bad_key = GOOD.replace("quit_key = \"f10\"", "quit_key = \"q\"");
    let (code, out) = check(data.path(), &bad_key, "zh-Hans");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("✗ 配置文件") && out.contains("kiosk.quit_key 是 \"q\""),
        "{out}"
    );
    assert!(out.contains("下面各项按默认设置检查"), "{out}");
    let typo = GOOD.replace("enabled = true", "enabeld = true");
    let (code, out) = check(data.path(), &typo, "en");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("✗ The config file")
            && out.contains("line 2 is wrong")
            && out.contains("enabeld"),
        "{out}"
    );
    // Another command: stopped, in the person's language.
    let cfg = data.path().join("kiosk.toml");
    fs::write(&cfg, &bad_key).unwrap();
    let (code, _, err) = outcome(
        renew_in(data.path())
            .args(["--lang", "zh-Hant", "--config"])
            .arg(&cfg)
            .arg("regions")
            .output()
            .unwrap(),
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("設定檔") && err.contains("kiosk.toml") && err.contains("kiosk.quit_key"),
        "{err}"
    );
}
