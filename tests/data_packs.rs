//! `renew data install | list | rollback`: a pack is checked in full and
//! only then installed, atomically; plans use it without --policy-dir and
//! name it; a bad pack changes nothing; rollback restores the one before.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use common::{outcome, renew_in};
use serde_json::Value;
use sha2::{Digest, Sha256};

fn shipped_haixi() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/regions/qinghai-haixi.json");
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn shipped_months() -> u64 {
    shipped_haixi()["window_months"]["value"].as_u64().unwrap()
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A pack folder whose 海西 window is `months` long, with its manifest.
fn make_pack(dir: &Path, name: &str, months: u64) {
    fs::create_dir_all(dir).unwrap();
    let mut haixi = shipped_haixi();
    haixi["window_months"]["value"] = months.into();
    let text = serde_json::to_string_pretty(&haixi).unwrap();
    fs::write(dir.join("haixi.json"), &text).unwrap();
    fs::write(
        dir.join("manifest.toml"),
        format!(
            "name = \"{name}\"\nversion = \"2027.{months}\"\npublished = \"2027-01-10\"\n\
             publisher = \"示例医保局\"\n\n[files]\n\"haixi.json\" = \"{}\"\n",
            sha256(text.as_bytes())
        ),
    )
    .unwrap();
}

/// The pack folder as a tar, its files under one top folder.
fn make_tar(pack: &Path, tar_path: &Path) {
    let mut builder = tar::Builder::new(fs::File::create(tar_path).unwrap());
    builder.append_dir_all("pack", pack).unwrap();
    builder.finish().unwrap();
}

fn run(home: &Path, args: &[&str]) -> (i32, String, String) {
    // In English, whatever the default language.
    outcome(
        renew_in(home)
            .env("LANG", "en_US.UTF-8")
            .args(args)
            .output()
            .unwrap(),
    )
}

/// The plan every test here asks for: 海西, diabetes, ending 2026-03-31.
const HAIXI: [&str; 11] = [
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

/// When 海西's window opens for an end date of 2026-03-31, and the pack
/// the plan names (null for the data built in).
fn plan(home: &Path, extra: &[&str]) -> (String, Value) {
    let mut args = HAIXI.to_vec();
    args.extend_from_slice(&["--format", "json"]);
    args.extend_from_slice(extra);
    let (code, out, err) = run(home, &args);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    (
        v["window"]["opens"].as_str().unwrap().to_string(),
        v["data_pack"].clone(),
    )
}

fn opens(months: u64) -> String {
    chrono::NaiveDate::from_ymd_opt(2026, 3, 31)
        .unwrap()
        .checked_sub_months(chrono::Months::new(months as u32))
        .unwrap()
        .to_string()
}

/// Two window lengths unlike the shipped one and each other.
fn two_months() -> (u64, u64) {
    let shipped = shipped_months();
    let mut other = (1..=6).filter(|m| *m != shipped);
    (other.next().unwrap(), other.next().unwrap())
}

#[test]
fn an_installed_pack_changes_plans_a_broken_one_changes_nothing_and_rollback_restores() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let work = tempfile::tempdir().unwrap();
    let (a, b) = two_months();
    make_pack(&work.path().join("a"), "pack-a", a);
    make_pack(&work.path().join("b"), "pack-b", b);
    make_tar(&work.path().join("b"), &work.path().join("b.tar"));

    let (code, out, _) = run(h, &["data", "list"]);
    assert_eq!(code, 0);
    assert!(out.contains("No data pack installed"), "{out}");
    assert_eq!(plan(h, &[]), (opens(shipped_months()), Value::Null));

    let (code, out, err) = run(
        h,
        &["data", "install", work.path().join("a").to_str().unwrap()],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("pack-a 2027."), "{out}");
    let (window, pack) = plan(h, &[]);
    assert_eq!(
        window,
        opens(a),
        "the installed pack is used without --policy-dir"
    );
    assert_eq!(pack["name"], "pack-a");
    assert_eq!(pack["publisher"], "示例医保局");
    assert_eq!(pack["published"], "2027-01-10");
    // The text plan names the pack too.
    let (_, text, _) = run(h, &[&HAIXI[..], &["--lang", "en"]].concat());
    assert!(text.contains("from the pack pack-a"), "{text}");
    let (_, listed_a, _) = run(h, &["data", "list"]);

    // A broken pack: refused with its problem, nothing changed.
    let broken = work.path().join("broken");
    make_pack(&broken, "broken", b);
    let mut haixi = shipped_haixi();
    haixi["window_months"]["value"] = "three".into();
    let text = serde_json::to_string(&haixi).unwrap();
    fs::write(broken.join("haixi.json"), &text).unwrap();
    let manifest = fs::read_to_string(broken.join("manifest.toml")).unwrap();
    let old_hash = manifest
        .lines()
        .last()
        .unwrap()
        .split('"')
        .nth(3)
        .unwrap()
        .to_string();
    fs::write(
        broken.join("manifest.toml"),
        manifest.replace(&old_hash, &sha256(text.as_bytes())),
    )
    .unwrap();
    let (code, out, _) = run(h, &["data", "install", broken.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("nothing was changed") && out.contains("window_months"),
        "{out}"
    );
    assert_eq!(plan(h, &[]).0, opens(a));
    assert_eq!(run(h, &["data", "list"]).1, listed_a, "list unchanged");

    // --policy-dir still wins over the installed pack.
    let (window, _) = plan(
        h,
        &["--policy-dir", work.path().join("b").to_str().unwrap()],
    );
    assert_eq!(window, opens(b));

    // A tar replaces it; the one before is kept.
    let (code, out, err) = run(
        h,
        &[
            "data",
            "install",
            work.path().join("b.tar").to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(plan(h, &[]).0, opens(b));
    let (code, out, _) = run(h, &["data", "list"]);
    assert_eq!(code, 0);
    let current = out.lines().find(|l| l.starts_with("In use:")).unwrap();
    let previous = out.lines().find(|l| l.starts_with("Previous")).unwrap();
    assert!(
        current.contains("pack-b") && previous.contains("pack-a"),
        "{out}"
    );
    assert!(out.contains("Built into the program"), "{out}");

    let (code, out, _) = run(h, &["data", "rollback"]);
    assert_eq!(code, 0);
    assert!(out.contains("pack-a"), "{out}");
    assert_eq!(plan(h, &[]), {
        let (_, p) = plan(h, &[]);
        assert_eq!(p["name"], "pack-a");
        (opens(a), p)
    });
    let (code, out, _) = run(h, &["data", "rollback"]);
    assert_eq!(code, 0);
    assert!(out.contains("built into the program"), "{out}");
    assert_eq!(plan(h, &[]), (opens(shipped_months()), Value::Null));
    let (code, out, _) = run(h, &["data", "rollback"]);
    assert_eq!(code, 1, "nothing left to roll back: {out}");
}

#[test]
fn a_manifest_hash_that_does_not_match_is_refused_naming_the_file() {
    let home = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let pack = work.path().join("p");
    make_pack(&pack, "p", two_months().0);
    // One byte of the file changed after the manifest was made.
    let mut text = fs::read_to_string(pack.join("haixi.json")).unwrap();
    text.push('\n');
    fs::write(pack.join("haixi.json"), text).unwrap();
    let (code, out, _) = run(home.path(), &["data", "install", pack.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("haixi.json") && out.contains("sha256"),
        "{out}"
    );
    // A file the manifest does not list is refused as well.
    make_pack(&pack, "p", two_months().0);
    fs::write(pack.join("extra.json"), "{}").unwrap();
    let (code, out, _) = run(home.path(), &["data", "install", pack.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("extra.json") && out.contains("not listed"),
        "{out}"
    );
    assert!(
        run(home.path(), &["data", "list"])
            .1
            .contains("No data pack installed")
    );
    assert_eq!(plan(home.path(), &[]).1, Value::Null);
}

#[test]
fn a_tar_reaching_outside_the_pack_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let tar_path = work.path().join("evil.tar");
    let mut builder = tar::Builder::new(fs::File::create(&tar_path).unwrap());
    let mut header = tar::Header::new_old();
    let name = b"../evil.json";
    header.as_old_mut().name[..name.len()].copy_from_slice(name);
    header.set_size(2);
    header.set_mode(0o644);
    header.set_entry_type(tar::EntryType::Regular);
    header.set_cksum();
    builder.append(&header, &b"{}"[..]).unwrap();
    builder.finish().unwrap();
    let (code, out, _) = run(
        home.path(),
        &["data", "install", tar_path.to_str().unwrap()],
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("../evil.json"), "{out}");
    assert!(!home.path().join("packs/evil.json").exists());
}

fn install_child(home: &Path, pack: &Path) -> std::process::Child {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("renew"));
    common::hermetic(&mut cmd, home)
        .args(["data", "install"])
        .arg(pack)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// The pack in use, and that `data list` finds every installed pack whole.
fn in_use(home: &Path) -> String {
    let (code, out, err) = run(home, &["data", "list"]);
    assert_eq!(code, 0, "an installed pack is damaged:\n{out}{err}");
    out.lines()
        .find(|l| l.starts_with("In use:"))
        .map(|l| l.split_whitespace().nth(2).unwrap().to_string())
        .unwrap_or_default()
}

#[test]
fn an_install_killed_at_any_moment_leaves_the_old_pack_whole() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let work = tempfile::tempdir().unwrap();
    let (a, b) = two_months();
    make_pack(&work.path().join("a"), "pack-a", a);
    make_pack(&work.path().join("b"), "pack-b", b);
    assert_eq!(
        run(
            h,
            &["data", "install", work.path().join("a").to_str().unwrap()]
        )
        .0,
        0
    );
    // How long one install takes here, to spread the kills over it.
    let start = Instant::now();
    let status = install_child(h, &work.path().join("b")).wait().unwrap();
    assert!(status.success());
    let whole = start.elapsed();
    assert_eq!(run(h, &["data", "rollback"]).0, 0);
    assert_eq!(in_use(h), "pack-a");

    for step in 0..16u32 {
        let mut child = install_child(h, &work.path().join("b"));
        std::thread::sleep(whole * step / 16);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = in_use(h);
        let (window, pack) = plan(h, &[]);
        match now.as_str() {
            "pack-a" => assert_eq!((window, &pack["name"]), (opens(a), &Value::from("pack-a"))),
            "pack-b" => {
                assert_eq!((window, &pack["name"]), (opens(b), &Value::from("pack-b")));
                // Back to A for the next kill.
                assert_eq!(run(h, &["data", "rollback"]).0, 0);
            }
            other => panic!("after a kill at step {step}: in use {other:?}"),
        }
    }
    // A later install clears what the killed ones left.
    assert_eq!(
        run(
            h,
            &["data", "install", work.path().join("b").to_str().unwrap()]
        )
        .0,
        0
    );
    let leftovers: Vec<_> = fs::read_dir(h.join("packs"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tmp-") || n.starts_with(".state-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn two_installs_racing_both_finish_and_leave_one_current_one_previous() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let work = tempfile::tempdir().unwrap();
    let (a, b) = two_months();
    make_pack(&work.path().join("a"), "pack-a", a);
    make_pack(&work.path().join("b"), "pack-b", b);
    for _ in 0..3 {
        let mut first = install_child(h, &work.path().join("a"));
        let mut second = install_child(h, &work.path().join("b"));
        assert!(first.wait().unwrap().success());
        assert!(second.wait().unwrap().success());
        let (code, out, _) = run(h, &["data", "list"]);
        assert_eq!(code, 0, "{out}");
        let current = out.lines().find(|l| l.starts_with("In use:")).unwrap();
        let previous = out.lines().find(|l| l.starts_with("Previous")).unwrap();
        let (now, before) = if current.contains("pack-a") {
            (a, "pack-b")
        } else {
            (b, "pack-a")
        };
        assert!(previous.contains(before), "{out}");
        assert_eq!(plan(h, &[]).0, opens(now));
        // The packs folder holds the two packs and nothing half-done.
        let names: Vec<_> = fs::read_dir(h.join("packs"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.') && n != "state.json")
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}

/// Every plan names where its facts came from: the data built in (with its
/// version), a pack with a manifest (above), or a pack folder without one,
/// which is said to have changed the data and to have no name.
#[test]
fn a_plan_says_its_data_is_built_in_or_from_a_folder_without_a_manifest() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    // The text as one line: the plan wraps its sentences.
    let flat = |t: String| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let (code, text, err) = run(h, &HAIXI);
    assert_eq!(code, 0, "{err}");
    let text = flat(text);
    let (_, json, _) = run(h, &[&HAIXI[..], &["--format", "json"]].concat());
    let v: Value = serde_json::from_str(&json).unwrap();
    let version = v["data_version"].as_str().unwrap();
    assert!(
        text.contains(&format!(
            "Policy data built into this program (data version {version})."
        )),
        "{text}"
    );
    assert!(v.get("data_unnamed_pack").is_none(), "{json}");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/policy");
    let with_folder = [&HAIXI[..], &["--policy-dir", fixture]].concat();
    let (code, text, err) = run(h, &with_folder);
    assert_eq!(code, 0, "{err}");
    let text = flat(text);
    assert!(
        text.contains("a pack folder that has no manifest"),
        "{text}"
    );
    assert!(
        !text.contains(&format!("(data version {version}).")),
        "{text}"
    );
    let (_, json, _) = run(h, &[&with_folder[..], &["--format", "json"]].concat());
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["data_unnamed_pack"], true, "{json}");
}
