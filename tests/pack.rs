//! Policy data packs from outside: added and replaced regions, every
//! problem reported with file, field and reason, bad and oversized files
//! rejected while the embedded data keeps working.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn renew(args: &[&str]) -> (i32, String, String) {
    let data = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("renew")
        .unwrap()
        .env("RENEW_DATA_DIR", data.path())
        .env_remove("LC_ALL")
        .env("LANG", "C.UTF-8")
        .env_remove("RENEW_POLICY_DIR")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn embedded(file: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/regions")
        .join(file);
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn write(dir: &Path, name: &str, v: &Value) {
    fs::write(dir.join(name), serde_json::to_string_pretty(v).unwrap()).unwrap();
}

#[test]
fn a_pack_adds_and_replaces_regions() {
    let pack = tempfile::tempdir().unwrap();
    let mut haixi = embedded("qinghai-haixi.json");
    haixi["window_months"]["value"] = 2.into();
    write(pack.path(), "haixi.json", &haixi);
    let mut other = embedded("hubei-qianjiang.json");
    other["id"] = "hubei-test".into();
    other["name"] = "湖北省测试市".into();
    other["short_name"] = "测试".into();
    write(pack.path(), "test.json", &other);
    let dir = pack.path().to_str().unwrap();

    let (code, out, _) = renew(&["regions", "--format", "json", "--policy-dir", dir]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 6);
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "hubei-test")
    );

    let plan = [
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
        "--format",
        "json",
    ];
    let (_, out, _) = renew(&[&plan[..], &["--policy-dir", dir]].concat());
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["window"]["opens"], "2026-01-31",
        "the pack's 2-month window replaces the embedded 3"
    );
    let (_, out, _) = renew(&plan);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["window"]["opens"], "2025-12-31",
        "without the pack, the embedded data"
    );
}

#[test]
fn bad_files_are_rejected_with_reasons_and_the_rest_works() {
    let pack = tempfile::tempdir().unwrap();
    fs::write(pack.path().join("broken.json"), "{\"id\": ").unwrap();
    let mut no_source = embedded("guangxi-fangchenggang.json");
    no_source["window_months"]["source"] = Value::Null;
    no_source["channels"][0]["source"] = "nowhere".into();
    write(pack.path(), "fcg.json", &no_source);
    let mut second_generic = embedded("generic.json");
    second_generic["id"] = "generic-2".into();
    write(pack.path(), "generic2.json", &second_generic);
    fs::write(pack.path().join("huge.json"), vec![b' '; 2 * 1024 * 1024]).unwrap();
    fs::write(pack.path().join("notes.txt"), "not data").unwrap();
    let dir = pack.path().to_str().unwrap();

    let (code, out, _) = renew(&["data", "check", dir]);
    assert_eq!(code, 1, "{out}");
    for needle in [
        "broken.json：line 1",
        "fcg.json：window_months：has a value but no source",
        "fcg.json：channels[0].source：source \"nowhere\" is not listed in sources",
        "generic2.json：generic：expected exactly one generic region",
        "huge.json：：2097152 bytes",
        "0 个地区文件可以使用",
    ] {
        assert!(out.contains(needle), "{needle:?} in\n{out}");
    }
    assert!(!out.contains("notes.txt"), "only .json files are data");

    // Using the pack: each bad file is named on stderr, the embedded data still works.
    let (code, out, err) = renew(&[
        "plan",
        "--region",
        "fangchenggang",
        "--scheme",
        "zg",
        "--disease",
        "gxy",
        "--end",
        "2026-06-30",
        "--today",
        "2026-05-01",
        "--policy-dir",
        dir,
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("防城港") && out.contains("到期前3个月"));
    assert!(
        err.contains("资料包文件未载入：broken.json") && err.contains("huge.json"),
        "{err}"
    );
}

#[test]
fn a_clean_pack_checks_clean() {
    let pack = tempfile::tempdir().unwrap();
    write(pack.path(), "haixi.json", &embedded("qinghai-haixi.json"));
    let (code, out, _) = renew(&["data", "check", pack.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("✓ qinghai-haixi") && out.contains("1 个地区文件可以使用，0 个问题"));
    let (code, out, _) = renew(&["data", "check", "/nonexistent/pack"]);
    assert_eq!(code, 1);
    assert!(out.contains("/nonexistent/pack"));
}

mod loader_fuzz {
    use proptest::prelude::*;
    use renewal_assistant::policy::PolicySet;
    use renewal_assistant::policy::pack::check_region;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// Any bytes as a region file: an error or a region, never a panic.
        #[test]
        fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            let base = PolicySet::embedded().unwrap();
            let text = String::from_utf8_lossy(&bytes);
            let _ = check_region("fuzz.json", &text, &base);
        }

        /// A real region file cut or spliced anywhere: still never a panic,
        /// and a result that loads is valid.
        #[test]
        fn mangled_real_files_never_panic(cut in 0usize..6000, junk in "\\PC{0,20}") {
            let base = PolicySet::embedded().unwrap();
            let text = include_str!("../data/regions/qinghai-haixi.json");
            let cut = cut.min(text.len());
            let cut = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            let mangled = format!("{}{}{}", &text[..cut], junk, &text[cut..]);
            if let Ok(region) = check_region("fuzz.json", &mangled, &base) {
                prop_assert!(!region.diseases.is_empty());
            }
        }
    }
}
