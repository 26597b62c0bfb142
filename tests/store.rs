//! The checklist store on a real file system: atomic saves, corrupt and
//! newer files, permissions, the schema-1 fixture, and six processes at once.

use std::fs;
use std::path::Path;
use std::process::Command;

use chrono::{Datelike, NaiveDate, TimeZone, Utc};
use renewal_assistant::checklist::store::{Store, StoreError, StoreProblem};
use renewal_assistant::checklist::{Checklist, SCHEMA_VERSION};
use renewal_assistant::plan::{self, Answers};
use renewal_assistant::policy::{PolicySet, Scheme};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 15, 8, 0, 0).unwrap()
}

/// The fixture regions (`tests/fixtures/policy/`): made-up places, so an
/// edit of `data/` changes nothing here.
const FIXTURE_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/policy");

fn fixture_policy() -> PolicySet {
    PolicySet::from_dir(Path::new(FIXTURE_DIR)).unwrap()
}

fn sample(store: &Store, label: &str) -> Checklist {
    let policy = fixture_policy();
    let answers = Answers {
        region: "fx-exact".into(),
        scheme: Scheme::Employee,
        disease: "diabetes".into(),
        validity_end: NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
        cross_province: false,
        retired: false,
    };
    let p = plan::compute(
        &policy,
        &answers,
        NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
    )
    .unwrap();
    Checklist::new(store.new_id(), label, &answers, &p, now())
}

fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn round_trip() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let c = sample(&store, "妈妈");
    let path = store.create(&c).unwrap();
    assert_eq!(
        path,
        tmp.path().join("checklists").join(format!("{}.json", c.id))
    );
    assert_eq!(store.load(&c.id, now()).unwrap(), c);
    let (all, problems) = store.list(now()).unwrap();
    assert_eq!((all, problems), (vec![c.clone()], vec![]));
    assert!(
        matches!(store.create(&c), Err(StoreError::Io(_))),
        "an id is never reused"
    );
}

#[cfg(unix)]
#[test]
fn folder_0700_files_0600() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let c = sample(&store, "x");
    let path = store.create(&c).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(store.dir()), 0o700);
    assert_eq!(mode(&path), 0o600);
    store
        .update(&c.id, now(), |c| (c.set_done(0, true, now()), ()))
        .unwrap();
    assert_eq!(mode(&path), 0o600, "still private after an update");
}

#[test]
fn an_interrupted_save_leaves_the_old_file_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let c = sample(&store, "x");
    let path = store.create(&c).unwrap();
    let before = fs::read(&path).unwrap();
    let mut changed = c.clone();
    changed.set_done(0, true, now());
    let mut temp_seen = None;
    let err = store
        .write_atomic(&changed, |tmp| {
            // The new content is fully written to the temp file by now.
            let written: Checklist = serde_json::from_slice(&fs::read(tmp)?).unwrap();
            assert!(written.items[0].done);
            temp_seen = Some(tmp.to_path_buf());
            Err(std::io::Error::other("power cut before the rename"))
        })
        .unwrap_err();
    assert_eq!(err.to_string(), "power cut before the rename");
    assert_eq!(fs::read(&path).unwrap(), before, "old file untouched");
    assert!(!temp_seen.unwrap().exists(), "no temp file left behind");
    assert_eq!(
        files(store.dir()),
        vec![".lock".to_string(), format!("{}.json", c.id)]
    );
    assert!(!store.load(&c.id, now()).unwrap().items[0].done);
}

#[test]
fn a_corrupt_file_is_set_aside_byte_for_byte_and_the_rest_still_load() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let good = sample(&store, "good");
    store.create(&good).unwrap();
    let broken = b"{\"schema_version\": 1, \"id\": \"half-writ".to_vec();
    fs::write(store.dir().join("broken.json"), &broken).unwrap();
    let wrong_types = br#"{"schema_version": 1, "id": 5, "items": "none"}"#.to_vec();
    fs::write(store.dir().join("types.json"), &wrong_types).unwrap();

    let (lists, problems) = store.list(now()).unwrap();
    assert_eq!(lists, vec![good.clone()]);
    assert_eq!(problems.len(), 2, "{problems:?}");
    for (name, bytes) in [("broken", &broken), ("types", &wrong_types)] {
        let moved = problems
            .iter()
            .find_map(|p| match p {
                StoreProblem::Corrupt { file, moved_to, .. } if file == &format!("{name}.json") => {
                    Some(moved_to.clone())
                }
                _ => None,
            })
            .unwrap();
        assert_eq!(moved, format!("{name}.corrupt-20260115T080000Z.json"));
        assert_eq!(
            &fs::read(store.dir().join(&moved)).unwrap(),
            bytes,
            "bytes untouched"
        );
        assert!(!store.dir().join(format!("{name}.json")).exists());
    }
    // Next time they are still reported, as set aside, and never overwritten.
    let (lists, problems) = store.list(now()).unwrap();
    assert_eq!(lists.len(), 1);
    assert_eq!(
        problems
            .iter()
            .filter(|p| matches!(p, StoreProblem::SetAside { .. }))
            .count(),
        2
    );
}

#[test]
fn loading_a_corrupt_file_by_id_sets_it_aside_too() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    fs::write(store.dir().join("deadbeef.json"), b"not json").unwrap();
    match store.load("deadbeef", now()) {
        Err(StoreError::Corrupt { moved_to, .. }) => {
            assert_eq!(fs::read(store.dir().join(moved_to)).unwrap(), b"not json")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_file_from_a_newer_version_is_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let newer = format!(
        r#"{{"schema_version": {}, "id": "future01", "whatever": true}}"#,
        SCHEMA_VERSION + 1
    );
    let path = store.dir().join("future01.json");
    fs::write(&path, &newer).unwrap();
    let (lists, problems) = store.list(now()).unwrap();
    assert!(lists.is_empty());
    assert_eq!(
        problems,
        vec![StoreProblem::Newer {
            file: "future01.json".into(),
            version: u64::from(SCHEMA_VERSION) + 1
        }]
    );
    let err = store
        .update("future01", now(), |c| (c.set_done(0, true, now()), ()))
        .unwrap_err();
    assert!(matches!(err, StoreError::Newer { .. }));
    assert_eq!(fs::read_to_string(&path).unwrap(), newer, "not overwritten");
}

/// A version too big for any integer type is still a newer version, left
/// alone like `99`, never moved aside as a file without a version.
#[test]
fn a_version_too_big_to_count_is_a_newer_version() {
    for version in ["18446744073709551616", "1e30", "99"] {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::open(tmp.path()).unwrap();
        let newer = format!(r#"{{"schema_version": {version}, "id": "future01"}}"#);
        let path = store.dir().join("future01.json");
        fs::write(&path, &newer).unwrap();
        let (_, problems) = store.list(now()).unwrap();
        assert!(
            matches!(problems.as_slice(), [StoreProblem::Newer { file, .. }] if file == "future01.json"),
            "{version}: {problems:?}"
        );
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            newer,
            "{version}: left alone"
        );
    }
    // Not a number at all is a damaged file, as before.
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    fs::write(
        store.dir().join("odd01.json"),
        r#"{"schema_version": "two"}"#,
    )
    .unwrap();
    let (_, problems) = store.list(now()).unwrap();
    assert!(
        matches!(problems.as_slice(), [StoreProblem::Corrupt { .. }]),
        "{problems:?}"
    );
}

#[test]
fn the_schema_1_fixture_still_reads() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/checklist-v1.json");
    fs::copy(&fixture, store.dir().join("5f3a9c21.json")).unwrap();
    let c = store.load("5f3a9c21", now()).unwrap();
    assert_eq!(c.schema_version, 1);
    assert_eq!(c.label, "妈妈");
    assert_eq!(c.answers.region, "qinghai-haixi");
    assert_eq!(
        c.window.closes,
        NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()
    );
    assert!(
        c.items
            .iter()
            .any(|i| i.id == "doc:medical-records" && i.done)
    );
    assert_eq!(c.progress(), (2, 8));
}

#[test]
fn resolving_ids_prefixes_and_labels() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let a = sample(&store, "妈妈");
    store.create(&a).unwrap();
    let b = sample(&store, "爸爸");
    store.create(&b).unwrap();
    let c = sample(&store, "爸爸");
    store.create(&c).unwrap();
    assert_eq!(store.resolve(&a.id, now()).unwrap(), a.id);
    assert_eq!(store.resolve("妈妈", now()).unwrap(), a.id);
    assert_eq!(store.resolve(&a.id[..6], now()).unwrap(), a.id);
    assert!(
        matches!(store.resolve("爸爸", now()), Err(StoreError::Ambiguous { matches, .. }) if matches.len() == 2)
    );
    assert!(matches!(
        store.resolve("奶奶", now()),
        Err(StoreError::NotFound(_))
    ));
}

/// Six processes tick different items of one checklist at the same moment;
/// every tick must be there at the end and the file must parse.
#[test]
fn six_processes_ticking_at_once_lose_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let c = sample(&store, "concurrent");
    store.create(&c).unwrap();
    let exe = env!("CARGO_BIN_EXE_renew");
    for round in 0..3 {
        let children: Vec<_> = (1..=6)
            .map(|n| {
                let item = (n + round * 6 - 1) % c.items.len() + 1;
                Command::new(exe)
                    .args([
                        "checklist",
                        "tick",
                        &c.id,
                        &item.to_string(),
                        "--today",
                        "2026-01-15",
                    ])
                    .env_clear()
                    .env("HOME", tmp.path())
                    .env("RENEW_DATA_DIR", tmp.path())
                    .env("RENEW_POLICY_DIR", format!("{FIXTURE_DIR}/regions"))
                    .env("LANG", "C.UTF-8")
                    .stdout(std::process::Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut child in children {
            assert!(child.wait().unwrap().success());
        }
    }
    let done = store.load(&c.id, now()).unwrap();
    let ticked = done.items.iter().filter(|i| i.done).count();
    assert_eq!(ticked, c.items.len().min(18), "{:#?}", done.items);
    assert_eq!(
        files(store.dir()),
        vec![".lock".to_string(), format!("{}.json", c.id)],
        "no temp files left"
    );
}

mod any_bytes_on_disk {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Whatever is in a file, reading the folder never panics: the file
        /// either loads or is set aside with its bytes intact, and a good
        /// checklist beside it always loads.
        #[test]
        fn reading_never_panics_and_never_destroys(bytes in proptest::collection::vec(any::<u8>(), 0..400), as_json in any::<bool>()) {
            let tmp = tempfile::tempdir().unwrap();
            let store = Store::open(tmp.path()).unwrap();
            let good = sample(&store, "good");
            store.create(&good).unwrap();
            // Half the cases: a real checklist with a mangled tail.
            let content = if as_json {
                let mut v = serde_json::to_vec(&good).unwrap();
                let cut = bytes.len() % v.len();
                v.truncate(cut);
                v.extend_from_slice(&bytes);
                v
            } else {
                bytes.clone()
            };
            fs::write(store.dir().join("other.json"), &content).unwrap();
            let (lists, problems) = store.list(now()).unwrap();
            prop_assert!(lists.iter().any(|c| c.id == good.id));
            match problems.as_slice() {
                // A mangled copy of `good` that still parses keeps its own name.
                [] | [StoreProblem::IdMismatch { .. }] => prop_assert_eq!(lists.len(), 2),
                [StoreProblem::Corrupt { moved_to, .. }] => {
                    prop_assert_eq!(fs::read(store.dir().join(moved_to)).unwrap(), content);
                }
                [StoreProblem::Newer { .. }] => {
                    prop_assert_eq!(fs::read(store.dir().join("other.json")).unwrap(), content);
                }
                other => prop_assert!(false, "unexpected {:?}", other),
            }
        }
    }
}

// ---- Files nobody should trust (issue 9) ----

fn write_as(store: &Store, name: &str, c: &serde_json::Value) -> std::path::PathBuf {
    let path = store.dir().join(name);
    fs::write(&path, serde_json::to_vec_pretty(c).unwrap()).unwrap();
    path
}

/// Ids that would build a path outside the folder are refused everywhere.
#[test]
fn ids_that_leave_the_folder_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let store = Store::open(&data).unwrap();
    let victim = tmp.path().join("x.json");
    fs::write(&victim, "not yours").unwrap();
    for id in ["../../x", "../x", "/tmp/x", "a/b", ".lock", "", "x\0y"] {
        assert!(store.delete(id).is_err(), "{id:?}");
        assert!(store.load(id, now()).is_err(), "{id:?}");
        assert!(
            store
                .update(id, now(), |c| (c.set_done(0, true, now()), ()))
                .is_err()
        );
        let mut c = sample(&store, "x");
        c.id = id.to_string();
        assert!(store.create(&c).is_err(), "{id:?}");
    }
    assert!(store.load(&"a".repeat(300), now()).is_err(), "length bound");
    assert_eq!(fs::read_to_string(&victim).unwrap(), "not yours");
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 2);
}

/// The file name is the identity: a file whose inner id is someone else's
/// (or a path) is listed under its own name and the mismatch is reported.
#[test]
fn the_file_name_is_the_identity_and_a_mismatch_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let a = sample(&store, "妈妈");
    store.create(&a).unwrap();
    let mut v = serde_json::to_value(&a).unwrap();
    v["label"] = "爸爸".into();
    write_as(&store, "copy-of-a.json", &v);
    v["id"] = "../../etc/x".into();
    v["label"] = "evil".into();
    write_as(&store, "evil.json", &v);

    let (lists, problems) = store.list(now()).unwrap();
    let mut ids: Vec<&str> = lists.iter().map(|c| c.id.as_str()).collect();
    ids.sort();
    let mut want = vec![a.id.as_str(), "copy-of-a", "evil"];
    want.sort();
    assert_eq!(ids, want);
    let said = format!("{problems:?}");
    assert!(
        said.contains("copy-of-a.json") && said.contains("evil.json"),
        "{said}"
    );

    // A tick on the copy goes to the copy's file, and it now says its name.
    store
        .update("copy-of-a", now(), |c| (c.set_done(0, true, now()), ()))
        .unwrap();
    let copy: serde_json::Value =
        serde_json::from_slice(&fs::read(store.dir().join("copy-of-a.json")).unwrap()).unwrap();
    assert_eq!(
        (copy["id"].as_str(), copy["items"][0]["done"].as_bool()),
        (Some("copy-of-a"), Some(true))
    );
    assert!(!store.load(&a.id, now()).unwrap().items[0].done);
    store.delete("evil").unwrap();
    assert!(store.dir().join(format!("{}.json", a.id)).exists());
}

/// A file that cannot be read (here a folder where a file should be, which
/// stops root too) is reported by name, and the rest still list.
#[test]
fn an_unreadable_entry_is_named_and_the_rest_still_list() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let a = sample(&store, "妈妈");
    store.create(&a).unwrap();
    fs::create_dir(store.dir().join("deadbeef.json")).unwrap();
    let (lists, problems) = store.list(now()).unwrap();
    assert_eq!(lists, vec![a]);
    assert!(
        format!("{problems:?}").contains("deadbeef.json"),
        "{problems:?}"
    );
    let err = store.load("deadbeef", now()).unwrap_err();
    assert!(err.to_string().contains("deadbeef.json"), "{err}");
    assert!(store.dir().join("deadbeef.json").is_dir(), "left alone");
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn a_file_moved_aside_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let path = store.dir().join("oops.json");
    fs::write(&path, "{").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let (_, problems) = store.list(now()).unwrap();
    let [StoreProblem::Corrupt { moved_to, .. }] = problems.as_slice() else {
        panic!("{problems:?}")
    };
    assert_eq!(mode(&store.dir().join(moved_to)), 0o600);
}

/// Temp files a killed writer left behind are removed on the next open
/// once they are old enough not to be a live writer's; fresh ones stay.
#[test]
fn leftover_temp_files_are_cleaned_on_the_next_open() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let old = store.dir().join(".tmp-killed.json");
    let fresh = store.dir().join(".tmp-writing.json");
    fs::write(&old, "a deleted checklist's contents").unwrap();
    fs::write(&fresh, "being written").unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    drop(store);
    let store = Store::open(tmp.path()).unwrap();
    assert!(!old.exists(), "old temp file removed");
    assert!(fresh.exists(), "a fresh one may be a live writer's");
    let (lists, problems) = store.list(now()).unwrap();
    assert!(lists.is_empty() && problems.is_empty(), "{problems:?}");
}

/// Links in the data folder are not followed: a `.lock` link neither
/// creates nor chmods its target, a `checklists` link is refused, and a
/// checklist link is neither read nor written through.
#[cfg(unix)]
#[test]
fn symlinks_in_the_data_folder_are_not_followed() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let tmp = tempfile::tempdir().unwrap();
    let outside = tmp.path().join("outside");
    fs::create_dir(&outside).unwrap();
    fs::set_permissions(&outside, fs::Permissions::from_mode(0o755)).unwrap();

    // `checklists` is a link to a folder elsewhere.
    let data = tmp.path().join("a");
    fs::create_dir(&data).unwrap();
    symlink(&outside, data.join("checklists")).unwrap();
    let err = Store::open(&data).err().expect("refused");
    assert!(err.to_string().contains("checklists"), "{err}");
    assert_eq!(mode(&outside), 0o755, "target not chmodded");

    // `.lock` is a link to a file that does not exist yet / one that does.
    let data = tmp.path().join("b");
    let store = Store::open(&data).unwrap();
    let c = sample(&store, "x");
    store.create(&c).unwrap();
    fs::remove_file(store.dir().join(".lock")).unwrap();
    let target = outside.join("created.txt");
    symlink(&target, store.dir().join(".lock")).unwrap();
    assert!(
        store
            .update(&c.id, now(), |c| (c.set_done(0, true, now()), ()))
            .is_err()
    );
    let _ = store.list(now());
    assert!(!target.exists(), "not created through the link");
    let existing = outside.join("existing.txt");
    fs::write(&existing, "x").unwrap();
    fs::set_permissions(&existing, fs::Permissions::from_mode(0o644)).unwrap();
    fs::remove_file(store.dir().join(".lock")).unwrap();
    symlink(&existing, store.dir().join(".lock")).unwrap();
    let err = store
        .update(&c.id, now(), |c| (c.set_done(0, true, now()), ()))
        .unwrap_err();
    assert!(err.to_string().contains(".lock"), "{err}");
    assert_eq!(mode(&existing), 0o644, "target not chmodded");
    fs::remove_file(store.dir().join(".lock")).unwrap();

    // A checklist file that is a link to one outside.
    let theirs = outside.join("theirs.json");
    fs::write(
        &theirs,
        serde_json::to_vec(&sample(&store, "theirs")).unwrap(),
    )
    .unwrap();
    let before = fs::read(&theirs).unwrap();
    symlink(&theirs, store.dir().join("linked.json")).unwrap();
    let (lists, problems) = store.list(now()).unwrap();
    assert_eq!(lists.len(), 1, "the link is not read");
    assert!(
        format!("{problems:?}").contains("linked.json"),
        "{problems:?}"
    );
    assert!(
        store
            .update("linked", now(), |c| (c.set_done(0, true, now()), ()))
            .is_err()
    );
    assert_eq!(fs::read(&theirs).unwrap(), before);
}

/// Fields this version does not know (written by a sibling build of the
/// same schema) survive a save.
#[test]
fn unknown_fields_of_the_same_schema_are_kept_on_save() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let c = sample(&store, "x");
    let mut v = serde_json::to_value(&c).unwrap();
    v["reminder"] = serde_json::json!({"days": 7});
    v["items"][0]["note"] = "带原件".into();
    write_as(&store, &format!("{}.json", c.id), &v);
    store
        .update(&c.id, now(), |c| (c.set_done(1, true, now()), ()))
        .unwrap();
    let saved: serde_json::Value =
        serde_json::from_slice(&fs::read(store.dir().join(format!("{}.json", c.id))).unwrap())
            .unwrap();
    assert_eq!(saved["reminder"]["days"], 7);
    assert_eq!(saved["items"][0]["note"], "带原件");
    assert_eq!(saved["items"][1]["done"], true);
}

/// Windows Notepad saves UTF-8 with a byte-order mark; that is not corrupt.
#[test]
fn a_checklist_saved_with_a_bom_reads() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let c = sample(&store, "x");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(serde_json::to_vec(&c).unwrap());
    fs::write(store.dir().join(format!("{}.json", c.id)), bytes).unwrap();
    let (lists, problems) = store.list(now()).unwrap();
    assert_eq!((lists, problems), (vec![c], vec![]));
}

mod dates_and_numbers_at_their_bounds {
    use super::*;
    use proptest::prelude::*;
    use renewal_assistant::checklist::store::{EARLIEST_DATE, LATEST_DATE};
    use renewal_assistant::cli::{
        self, ChecklistCommand, Command as Cli, ExportFormat, ListFormat,
    };

    /// Dates at, just beyond, and far beyond the bounds, and any between.
    fn date() -> impl Strategy<Value = NaiveDate> {
        let edges = [
            EARLIEST_DATE,
            LATEST_DATE,
            EARLIEST_DATE.pred_opt().unwrap(),
            LATEST_DATE.succ_opt().unwrap(),
            NaiveDate::MIN,
            NaiveDate::MAX,
            NaiveDate::from_ymd_opt(262_142, 12, 31).unwrap(),
        ];
        prop_oneof![
            proptest::sample::select(edges.to_vec()),
            (EARLIEST_DATE.num_days_from_ce()..=LATEST_DATE.num_days_from_ce())
                .prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap()),
        ]
    }

    fn run(dir: &Path, command: Cli) -> String {
        let policy = fixture_policy();
        let ctx = cli::Context {
            policy: &policy,
            today: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
            now: now(),
            data_dir: Some(dir.to_path_buf()),
            words: renewal_assistant::i18n::Words::new(renewal_assistant::i18n::Lang::ZhHans),
        };
        let mut out = Vec::new();
        // An error is an answer; only a panic fails.
        let _ = cli::run_command(&command, &ctx, &mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// Whatever dates and numbers a checklist file holds, listing,
        /// showing and exporting never panic, the file is either usable or
        /// reported by name, and the good checklist beside it always lists.
        #[test]
        fn never_panic_and_never_lose_the_others(
            end in date(), opens in date(), closes in date(), apply_by in proptest::option::of(date()),
            created in date(), done_at in date(), months in any::<u32>(), schema in 0u64..=2,
            submitted_on in date(), state in proptest::sample::select(vec!["preparing", "submitted", "refused", "other"]),
        ) {
            let tmp = tempfile::tempdir().unwrap();
            let store = Store::open(tmp.path()).unwrap();
            let good = sample(&store, "good");
            store.create(&good).unwrap();
            let mut v = serde_json::to_value(sample(&store, "edge")).unwrap();
            v["schema_version"] = schema.into();
            v["answers"]["validity_end"] = serde_json::to_value(end).unwrap();
            v["window"]["opens"] = serde_json::to_value(opens).unwrap();
            v["window"]["closes"] = serde_json::to_value(closes).unwrap();
            v["window"]["apply_by"] = serde_json::to_value(apply_by).unwrap();
            v["window"]["months"] = months.into();
            let at = |d: NaiveDate| serde_json::to_value(Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).unwrap())).unwrap();
            v["created_at"] = at(created);
            v["items"][0]["done"] = true.into();
            v["items"][0]["done_at"] = at(done_at);
            if schema == 2 {
                v["cycle"] = serde_json::json!({ "state": state, "submitted_on": submitted_on, "refused_on": submitted_on });
                v["history"] = serde_json::json!([{ "validity_end": end, "submitted_on": submitted_on, "outcome": "approved", "decided_on": done_at, "new_end": end }]);
            }
            fs::write(store.dir().join("edge.json"), serde_json::to_vec(&v).unwrap()).unwrap();
            run(tmp.path(), Cli::Agenda { days: 7, format: cli::Format::Json });
            run(tmp.path(), Cli::Checklist(ChecklistCommand::Export { id: None, all: true, format: ExportFormat::Ics }));

            let listed = run(tmp.path(), Cli::Checklist(ChecklistCommand::List { format: ListFormat::Json, filter: None }));
            let listed: serde_json::Value = serde_json::from_str(&listed).unwrap();
            let ids: Vec<&str> = listed["checklists"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
            prop_assert!(ids.contains(&good.id.as_str()), "{}", listed);
            if !ids.contains(&"edge") {
                prop_assert!(listed["problems"].to_string().contains("edge"), "{}", listed);
            }
            for id in ["edge", good.id.as_str()] {
                run(tmp.path(), Cli::Checklist(ChecklistCommand::Show { id: id.into(), format: ListFormat::Text }));
                for format in [ExportFormat::Text, ExportFormat::Ics] {
                    run(tmp.path(), Cli::Checklist(ChecklistCommand::Export { id: Some(id.into()), all: false, format }));
                }
                run(tmp.path(), Cli::Checklist(ChecklistCommand::Show { id: id.into(), format: ListFormat::Json }));
                run(tmp.path(), Cli::Checklist(ChecklistCommand::Tick { id: id.into(), item: vec!["1".into()] }));
            }
            // The cycle on the odd file, with dates at and beyond the bounds.
            let day = submitted_on.to_string();
            let end = end.to_string();
            run(tmp.path(), Cli::Checklist(ChecklistCommand::Submit { id: "edge".into(), on: Some(day.clone()), channel: None }));
            run(tmp.path(), Cli::Checklist(ChecklistCommand::Refuse { id: "edge".into(), on: None }));
            run(tmp.path(), Cli::Checklist(ChecklistCommand::Approve { id: "edge".into(), new_end: end, on: None }));
            run(tmp.path(), Cli::Checklist(ChecklistCommand::Show { id: "edge".into(), format: ListFormat::Json }));
            prop_assert!(store.load(&good.id, now()).unwrap().items[0].done);
        }
    }
}

mod hostile_names {
    use super::*;
    use proptest::prelude::*;

    fn outside_entries(root: &Path) -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<(String, Vec<u8>)> = fs::read_dir(root)
            .unwrap()
            .map(|e| e.unwrap())
            .filter(|e| e.file_name() != "data")
            .map(|e| {
                let bytes = fs::read(e.path()).unwrap_or_default();
                (e.file_name().to_string_lossy().into_owned(), bytes)
            })
            .collect();
        v.sort();
        v
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// Whatever a file is called and whatever id it claims, the store
        /// lists it under a name it can use or reports it, ticks and
        /// deletes reach only files in the folder, and the good checklist
        /// always lists.
        #[test]
        fn names_and_inner_ids_never_reach_outside(
            name in "[a-zA-Z0-9 ._()\\-\u{4e00}\u{202e}\u{1b}\\\\]{1,80}",
            inner in "(\\.\\./){0,3}[a-z.]{0,12}",
        ) {
            let tmp = tempfile::tempdir().unwrap();
            let store = Store::open(&tmp.path().join("data")).unwrap();
            fs::write(tmp.path().join("x.json"), "outside").unwrap();
            fs::write(tmp.path().join(format!("{inner}.json").replace('/', "_")), "outside too").unwrap();
            let before = outside_entries(tmp.path());
            let good = sample(&store, "good");
            store.create(&good).unwrap();
            let mut v = serde_json::to_value(sample(&store, "hostile")).unwrap();
            v["id"] = inner.clone().into();
            let file = format!("{name}.json");
            fs::write(store.dir().join(&file), serde_json::to_vec(&v).unwrap()).unwrap();

            let (lists, problems) = store.list(now()).unwrap();
            prop_assert!(lists.iter().any(|c| c.id == good.id));
            for c in &lists {
                prop_assert!(store.dir().join(format!("{}.json", c.id)).is_file(), "{} has no file", c.id);
                store.update(&c.id, now(), |c| (c.set_done(0, true, now()), ())).unwrap();
            }
            let named = lists.iter().any(|c| format!("{}.json", c.id) == file)
                || format!("{problems:?}").contains(&format!("{file:?}"))
                || file.starts_with('.');
            prop_assert!(named, "{file:?} neither listed nor reported: {problems:?}");
            for c in &lists {
                store.delete(&c.id).unwrap();
            }
            let _ = store.delete(&inner);
            let _ = store.load(&inner, now());
            prop_assert_eq!(outside_entries(tmp.path()), before);
        }
    }
}

/// Many files are read several at a time: every good one still loads, in
/// order, and a corrupt, a newer and a misnamed file among them are each
/// reported as alone (the corrupt one set aside byte for byte).
#[test]
fn hundreds_of_files_read_at_once_keep_order_and_every_problem() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let template = sample(&store, "x");
    let mut ids = Vec::new();
    for i in 0..300 {
        let mut c = template.clone();
        c.id = format!("c{i:04}");
        c.label = format!("人{}", c.id);
        fs::write(
            store.path_of(&c.id).unwrap(),
            serde_json::to_vec(&c).unwrap(),
        )
        .unwrap();
        ids.push(c.id);
    }
    let broken = b"{\"schema_version\": 2, \"items\": [".to_vec();
    fs::write(store.dir().join("c0100.json"), &broken).unwrap();
    let mut newer = serde_json::to_value(&template).unwrap();
    newer["schema_version"] = (SCHEMA_VERSION + 1).into();
    let newer = serde_json::to_vec(&newer).unwrap();
    fs::write(store.dir().join("c0200.json"), &newer).unwrap();
    let (lists, problems) = store.list(now()).unwrap();
    let expected: Vec<&String> = ids
        .iter()
        .filter(|id| *id != "c0100" && *id != "c0200")
        .collect();
    let got: Vec<&String> = lists.iter().map(|c| &c.id).collect();
    assert_eq!(got, expected);
    assert!(
        lists.iter().all(|c| c.label == format!("人{}", c.id)),
        "each file its own"
    );
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems.contains(&StoreProblem::Newer {
        file: "c0200.json".into(),
        version: u64::from(SCHEMA_VERSION + 1)
    }));
    assert_eq!(fs::read(store.dir().join("c0200.json")).unwrap(), newer);
    let moved = problems
        .iter()
        .find_map(|p| match p {
            StoreProblem::Corrupt { file, moved_to, .. } if file == "c0100.json" => Some(moved_to),
            _ => None,
        })
        .unwrap();
    assert_eq!(fs::read(store.dir().join(moved)).unwrap(), broken);
}

/// Issue 11 §3: a schema-2 checklist saved before either/or groups existed
/// (青岛 高血压, both document routes counted as required, the inpatient one
/// ticked) still opens as it was saved; brought up to date with the plan it
/// gets the group and keeps its ticks, and it is written as the current
/// schema on save.
#[test]
fn a_schema_2_checklist_from_before_either_or_opens_and_is_upgraded_on_save() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/checklist-v2-either-or.json");
    let path = store.dir().join("7b2e4d10.json");
    fs::copy(&fixture, &path).unwrap();
    let c = store.load("7b2e4d10", now()).unwrap();
    assert_eq!(c.schema_version, 2);
    assert!(c.choices.is_empty());
    assert_eq!(c.progress(), (1, 7), "as saved: both routes required");

    let policy = PolicySet::embedded().unwrap();
    let p = plan::compute(
        &policy,
        &c.answers,
        NaiveDate::from_ymd_opt(2026, 1, 20).unwrap(),
    )
    .unwrap();
    let (saved, ()) = store
        .update("7b2e4d10", now(), |c| {
            c.refresh(&p, now());
            (true, ())
        })
        .unwrap();
    assert_eq!(
        saved.progress(),
        (1, 7),
        "the group counts once, done by its inpatient route; the assumed window is a question to ask (issue 21)"
    );
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(v["schema_version"], SCHEMA_VERSION);
    assert_eq!(SCHEMA_VERSION, 3);
    assert_eq!(v["choices"][0]["id"], "hypertension-diabetes-diagnosis");
    assert_eq!(
        v["choices"][0]["routes"][0]["items"][0],
        "doc:inpatient-diagnosis-complications"
    );
    let inpatient = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "doc:inpatient-diagnosis-complications")
        .unwrap();
    assert_eq!(inpatient["done"], true, "the tick is kept");
}
