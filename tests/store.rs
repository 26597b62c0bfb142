//! The checklist store on a real file system: atomic saves, corrupt and
//! newer files, permissions, the schema-1 fixture, and six processes at once.

use std::fs;
use std::path::Path;
use std::process::Command;

use chrono::{NaiveDate, TimeZone, Utc};
use renewal_assistant::checklist::store::{Store, StoreError, StoreProblem};
use renewal_assistant::checklist::{Checklist, SCHEMA_VERSION};
use renewal_assistant::plan::{self, Answers};
use renewal_assistant::policy::{PolicySet, Scheme};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 15, 8, 0, 0).unwrap()
}

fn sample(store: &Store, label: &str) -> Checklist {
    let policy = PolicySet::embedded().unwrap();
    let answers = Answers {
        region: "qinghai-haixi".into(),
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
                    .env("RENEW_DATA_DIR", tmp.path())
                    .env_remove("LC_ALL")
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
                [] => prop_assert_eq!(lists.len(), 2),
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
