//! Files that are not files: a FIFO or a device where a checklist, a policy
//! pack file or the config is expected is refused at once, never waited on.
//! Every run here has a time limit, so a hang fails the test instead of
//! hanging the suite.

#![cfg(unix)]

mod common;

use std::path::Path;
use std::time::Duration;

use common::{outcome, renew_in};

/// Long enough for a slow shared machine, far shorter than a hang.
const LIMIT: Duration = Duration::from_secs(20);

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(
        unsafe { libc::mkfifo(c.as_ptr(), 0o600) },
        0,
        "mkfifo {path:?}"
    );
}

/// Runs `renew args` in `dir` with a time limit: (code, out, err); a run
/// killed at the limit has code -1.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    outcome(renew_in(dir).args(args).timeout(LIMIT).output().unwrap())
}

#[test]
fn a_fifo_among_the_checklists_is_skipped_and_blocks_no_one() {
    let dir = tempfile::tempdir().unwrap();
    let checklists = dir.path().join("checklists");
    std::fs::create_dir(&checklists).unwrap();
    mkfifo(&checklists.join("x.json"));
    let (code, out, err) = run(dir.path(), &["checklist", "list"]);
    assert_eq!(code, 0, "out: {out}\nerr: {err}");
    let said = out + &err;
    assert!(
        said.contains("x.json") && said.contains("不是普通文件"),
        "{said}"
    );
    // Asked by its id, it is named, not opened.
    let (code, out, err) = run(dir.path(), &["checklist", "show", "x"]);
    assert_ne!(code, -1, "hung");
    assert!((out + &err).contains("x.json"), "{err}");
    // A writer in another process gets the lock.
    let (code, out, err) = run(
        dir.path(),
        &[
            "plan",
            "--region",
            "fangchenggang",
            "--scheme",
            "zg",
            "--disease",
            "gxy",
            "--end",
            "2026-06-30",
            "--format",
            "json",
            "--save",
        ],
    );
    assert_eq!(code, 0, "out: {out}\nerr: {err}");
    assert!(checklists.join("x.json").exists());
}

#[test]
fn a_fifo_in_a_policy_pack_is_refused_beside_other_entries() {
    let pack = tempfile::tempdir().unwrap();
    std::fs::create_dir(pack.path().join("a.json")).unwrap();
    mkfifo(&pack.path().join("f.json"));
    let holidays = pack.path().join("holidays");
    std::fs::create_dir(&holidays).unwrap();
    mkfifo(&holidays.join("2027.json"));
    let home = tempfile::tempdir().unwrap();
    let p = pack.path().to_str().unwrap();
    let (code, out, err) = run(home.path(), &["data", "check", p]);
    assert_ne!(code, -1, "hung: {out}{err}");
    for name in ["a.json", "f.json", "holidays/2027.json"] {
        assert!(out.contains(name), "{name} not named:\n{out}");
    }
    assert!(out.contains("not a regular file"), "{out}");
    for args in [
        &["regions", "--policy-dir", p][..],
        &[
            "plan",
            "--region",
            "fangchenggang",
            "--scheme",
            "zg",
            "--disease",
            "gxy",
            "--end",
            "2026-06-30",
            "--policy-dir",
            p,
        ][..],
    ] {
        let (code, out, err) = run(home.path(), args);
        assert_eq!(code, 0, "{args:?}\nout: {out}\nerr: {err}");
        assert!(err.contains("f.json"), "{err}");
    }
}

#[test]
fn a_config_that_is_a_device_or_a_fifo_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("config.toml");
    mkfifo(&fifo);
    let big = dir.path().join("big.toml");
    std::fs::write(&big, format!("# {}\n", "x".repeat(100_000))).unwrap();
    for config in [
        "/dev/zero",
        "/dev/urandom",
        fifo.to_str().unwrap(),
        big.to_str().unwrap(),
    ] {
        let (code, out, err) = outcome(
            renew_in(dir.path())
                .env("RENEW_CONFIG", config)
                .args(["regions"])
                .timeout(LIMIT)
                .output()
                .unwrap(),
        );
        assert_ne!(code, -1, "{config}: hung");
        assert_ne!(code, 0, "{config}: accepted\n{out}");
        assert!(err.contains(config), "{config}: {err}");
    }
}

/// The wizard opens over a data folder with a FIFO among the checklists:
/// its first state is built, not a blank screen waiting in `open`.
#[test]
fn the_wizard_opens_past_a_fifo_among_the_checklists() {
    use chrono::TimeZone;
    let dir = tempfile::tempdir().unwrap();
    let checklists = dir.path().join("checklists");
    std::fs::create_dir(&checklists).unwrap();
    mkfifo(&checklists.join("x.json"));
    let data = dir.path().to_path_buf();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let now = chrono::Utc.with_ymd_and_hms(2026, 1, 15, 9, 0, 0).unwrap();
        let (app, store) = renewal_assistant::tui::start(
            common::fixture_policy(),
            common::today(),
            Some(&data),
            None,
            now,
            common::ZH,
        );
        let _ = tx.send((app.saved().len(), store.is_some()));
    });
    let (saved, has_store) = rx.recv_timeout(LIMIT).expect("the wizard hung at start");
    assert!(has_store);
    assert_eq!(saved, 0, "the FIFO is no checklist");
}
