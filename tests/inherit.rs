//! Province defaults that cities refine (issue 12 §2), through the binary
//! and the wizard, on the fixture pair `tests/fixtures/inherit/regions/`
//! (样例省, a province file for place 650000, and 样例市, its city 650100)
//! loaded as a policy pack over the shipped data. Hermetic: a temp data
//! dir and a fixed today.

mod common;

use crossterm::event::KeyCode;
use serde_json::Value;

const PAIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/inherit/regions"
);

fn renew(pack: &str, args: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = common::renew_in(dir.path())
        .env("NO_COLOR", "1")
        .args(["--policy-dir", pack, "--today", "2026-01-15"])
        .args(args)
        .output()
        .unwrap();
    common::outcome(out)
}

fn plan(region: &str, format: &str) -> String {
    let (code, out, err) = renew(
        PAIR,
        &[
            "plan",
            "--region",
            region,
            "--scheme",
            "employee",
            "--disease",
            "gxy",
            "--end",
            "2026-03-31",
            "--format",
            format,
        ],
    );
    assert_eq!(code, 0, "{region}: {err}");
    assert!(err.is_empty(), "the pack loads whole: {err}");
    out
}

#[test]
fn json_names_the_level_of_every_value_and_the_province_behind_it() {
    let v: Value = serde_json::from_str(&plan("样例市", "json")).unwrap();
    assert_eq!(v["region"]["id"], "fx-prov-city");
    assert_eq!(v["data_level"], "city");
    assert_eq!(v["province_data"]["id"], "fx-prov");
    assert_eq!(v["province_data"]["name"], "样例省");
    let levels = &v["data_levels"];
    for (field, level) in [
        ("window_months", "province"),
        ("benefit_name", "province"),
        ("notes", "province"),
        ("materials_max_age", "city"),
        ("channels", "city"),
        ("cycle_years", "generic"),
        ("diseases", "generic"),
        ("documents", "generic"),
    ] {
        assert_eq!(levels[field], level, "{field}");
    }
    // The values, each with the source of the file it came from.
    assert_eq!(v["window"]["months"], 2);
    assert_eq!(v["window"]["source"], "prov-notice");
    assert_eq!(v["region"]["benefit_name"], "门诊特殊病");
    let sources: Vec<&str> = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert!(
        sources.starts_with(&["city-guide", "prov-notice"]),
        "{sources:?}"
    );
    assert!(
        sources.contains(&"seed-001"),
        "the generic documents' source: {sources:?}"
    );
    // A city of the province without a file gets the province's data.
    let v: Value = serde_json::from_str(&plan("650200", "json")).unwrap();
    assert_eq!(v["region"]["id"], "fx-prov");
    assert_eq!(v["data_level"], "province");
    assert_eq!(v["place"]["name"], "新疆维吾尔自治区克拉玛依市");
    assert_eq!(v["data_levels"]["window_months"], "province");
    assert_eq!(v["data_levels"]["documents"], "generic");
}

#[test]
fn text_and_markdown_say_where_each_value_comes_from() {
    for format in ["text", "markdown"] {
        let out = plan("样例市", format);
        for needle in [
            "待遇名称来自样例省全省的资料",
            "病种目录来自通用做法",
            "（到期前2个月内，两头都算）（样例省全省的资料）",
            "有效期结束前已提交申请的，审核期间可继续享受待遇（样例省全省的资料）",
            "（通用做法）",
            "本节是通用做法：当地的资料没有写这一项。",
            "本节是样例省全省的资料：当地的资料没有写这一项。",
        ] {
            let flat: String = out.split_whitespace().collect();
            let want: String = needle.split_whitespace().collect();
            assert!(flat.contains(&want), "{format}: {needle}\n{out}");
        }
        // Its own values carry no tag.
        assert!(
            out.contains("逾期后果：测试：逾期需要重新认定\n"),
            "{format}:\n{out}"
        );
    }
    // The province's own plan tags only what it took from the generic.
    let out = plan("650200", "text");
    assert!(out.contains("以下是样例省全省的做法"), "{out}");
    assert!(!out.contains("（样例省全省的资料）"), "{out}");
    assert!(out.contains("（通用做法）"), "{out}");
    // A plan from one file tags nothing.
    let (_, out, _) = renew(
        PAIR,
        &[
            "plan",
            "--region",
            "石家庄",
            "--scheme",
            "employee",
            "--disease",
            "gxy",
            "--end",
            "2026-03-31",
        ],
    );
    assert!(
        !out.contains("（通用做法）") && !out.contains("本节是"),
        "{out}"
    );
}

#[test]
fn data_check_validates_provinces_cities_and_the_inheritance() {
    let (code, out, _) = renew(PAIR, &["data", "check", PAIR]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("✓ fx-prov 样例省") && out.contains("✓ fx-prov-city 样例省样例市"),
        "{out}"
    );
    // A broken pair: the city cites a source no file has, a second file
    // claims the city's place, and a province-named file has no code.
    let dir = tempfile::tempdir().unwrap();
    let read = |f: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(format!("{PAIR}/{f}")).unwrap()).unwrap()
    };
    let mut city = read("fx-prov-city.json");
    city["late_consequence"]["source"] = "nowhere".into();
    let mut twin = read("fx-prov-city.json");
    twin["id"] = "fx-prov-twin".into();
    twin["name"] = "样例省另一市".into();
    twin["short_name"] = "另一市".into();
    let mut named = read("fx-prov.json");
    named["id"] = "fx-named".into();
    named["name"] = "宁夏回族自治区".into();
    named["short_name"] = "宁夏".into();
    named["province"] = "宁夏回族自治区".into();
    named.as_object_mut().unwrap().remove("place");
    for (f, v) in [
        ("fx-prov.json", read("fx-prov.json")),
        ("fx-prov-city.json", city),
        ("fx-prov-twin.json", twin),
        ("fx-named.json", named),
    ] {
        std::fs::write(dir.path().join(f), v.to_string()).unwrap();
    }
    let pack = dir.path().to_str().unwrap();
    let (code, out, _) = renew(PAIR, &["data", "check", pack]);
    assert_eq!(code, 1, "{out}");
    for needle in [
        "✓ fx-prov 样例省",
        "✗ fx-prov-city.json：late_consequence.source：source \"nowhere\" is not listed in sources",
        "✗ fx-prov-twin.json：place：place 650100 is already covered",
        "✗ fx-named.json：",
        "missing field",
    ] {
        assert!(out.contains(needle), "{needle}:\n{out}");
    }
}

#[test]
fn the_wizard_shows_the_levels_on_its_tabs() {
    let base = common::fixture_policy();
    let (files, problems) =
        renewal_assistant::policy::pack::read_pack_files(std::path::Path::new(PAIR), &base);
    assert!(problems.is_empty(), "{problems:?}");
    let policy = base.with_files(files.iter().map(|f| f.entry()).collect());
    let mut h = common::Harness::with_policy(policy);
    h.typed("样例市")
        .enter()
        .typed("1")
        .enter()
        .typed("gxy")
        .enter();
    h.typed("2026-03-31").enter().typed("2").enter().enter();
    assert!(
        h.on(renewal_assistant::tui::app::Page::Result),
        "{}",
        h.screen()
    );
    let s = h.screen();
    assert!(s.contains("待遇名称来自样例省全省的资料"), "{s}");
    assert!(s.contains("（样例省全省的资料）"), "{s}");
    insta::assert_snapshot!("inherit_window", s);
    h.typed("2");
    let s = h.screen();
    assert!(s.contains("本节是通用做法"), "{s}");
    h.key(KeyCode::Char('3'));
    let s = h.screen();
    assert!(!s.contains("本节是"), "the city's own channels: {s}");
}
