//! Inheritance on a tiny fixture pair, `tests/fixtures/inherit/regions/`:
//! 样例省 (a province file, place 650000) and 样例市 (one of its cities,
//! 650100), over the fixture set's generic entry. Not on `data/`.

use super::*;
use crate::policy::PolicySet;

const GENERIC: &str = include_str!("../../../tests/fixtures/policy/regions/generic.json");
const NATIONAL: &str = include_str!("../../../tests/fixtures/policy/national.json");
const PROVINCE: &str = include_str!("../../../tests/fixtures/inherit/regions/fx-prov.json");
const CITY: &str = include_str!("../../../tests/fixtures/inherit/regions/fx-prov-city.json");
const COMPLETE: &str = include_str!("../../../tests/fixtures/policy/regions/fx-exact.json");

fn edit(text: &str, f: impl FnOnce(&mut Map<String, Value>)) -> String {
    let mut v: Value = serde_json::from_str(text).unwrap();
    f(v.as_object_mut().unwrap());
    v.to_string()
}

/// Resolves and validates `files` (name, text): the regions by id, and
/// the problems.
fn load(files: &[(&str, &str)]) -> (HashMap<String, Region>, Vec<Problem>) {
    let texts: Vec<RegionText> = files
        .iter()
        .map(|(f, t)| RegionText {
            file: f.to_string(),
            text: t.to_string().into(),
        })
        .collect();
    let (regions, problems) = resolve(&texts, true);
    (
        regions
            .into_iter()
            .map(|(_, r)| (r.id.clone(), r))
            .collect(),
        problems,
    )
}

fn pair(province: &str, city: &str) -> (HashMap<String, Region>, Vec<Problem>) {
    load(&[
        ("generic.json", GENERIC),
        ("fx-prov.json", province),
        ("fx-prov-city.json", city),
    ])
}

fn has(problems: &[Problem], file: &str, field: &str, reason: &str) -> bool {
    problems
        .iter()
        .any(|p| p.file == file && p.field == field && p.reason.contains(reason))
}

#[test]
fn a_city_takes_what_it_leaves_out_from_its_province_and_the_province_from_generic() {
    let (r, problems) = pair(PROVINCE, CITY);
    assert!(problems.is_empty(), "{problems:#?}");
    let (generic, province, city) = (&r["generic"], &r["fx-prov"], &r["fx-prov-city"]);
    use DataLevel::*;
    for (field, level) in [
        ("benefit_name", Province),
        ("window_months", Province),
        ("continuity_during_review", Province),
        ("notes", Province),
        ("materials_max_age", City),
        ("late_consequence", City),
        ("channels", City),
        ("no_channel", City),
        ("cycle_years", Generic),
        ("diseases", Generic),
        ("open_disease_list", Generic),
        ("documents", Generic),
        ("common_documents", Generic),
    ] {
        assert_eq!(city.level_of(field), level, "city {field}");
    }
    for (field, level) in [
        ("benefit_name", Province),
        ("window_months", Province),
        ("channels", Province),
        ("no_channel", Province),
        ("materials_max_age", Generic),
        ("diseases", Generic),
    ] {
        assert_eq!(province.level_of(field), level, "province {field}");
    }
    assert!(generic.inherited.fields.is_empty());
    assert_eq!(generic.level_of("diseases"), Generic);
    // The values themselves.
    assert_eq!(city.window_months.value, Some(2));
    assert_eq!(city.benefit_name, "门诊特殊病");
    assert_eq!(city.materials_max_age.value.as_ref().unwrap().months, 6);
    assert_eq!(city.notes[0].id, "mutual");
    assert_eq!(city.diseases, generic.diseases);
    let channels: Vec<&str> = city.channels.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        channels,
        ["city-window"],
        "the city's list replaces the province's"
    );
    // Given their own channels, each says what it lacks itself: not the
    // generic "no online channel".
    let kinds = |r: &Region| r.no_channel.iter().map(|n| n.kind).collect::<Vec<_>>();
    use crate::policy::ChannelKind::{Offline, Online};
    assert_eq!(kinds(province), [Offline]);
    assert_eq!(kinds(city), [Online]);
    let parent = |id: &str| r[id].inherited.parent.as_ref().map(|p| p.id.clone());
    assert_eq!(parent("fx-prov-city").as_deref(), Some("fx-prov"));
    assert_eq!(parent("fx-prov").as_deref(), Some("generic"));
    assert_eq!(parent("generic"), None);
    // What the file itself says stays its own.
    assert_eq!(
        (
            city.name.as_str(),
            city.place.as_deref(),
            city.aliases.len()
        ),
        ("样例省样例市", Some("650100"), 0)
    );
    assert_eq!(city.name_en, None, "a name is not inherited");
}

#[test]
fn every_value_keeps_its_source() {
    // A generic source that no inherited value cites stays behind.
    let generic = edit(GENERIC, |g| {
        g["sources"].as_array_mut().unwrap().push(serde_json::json!({
            "id": "fx-uncited", "title": "测试：没人引用", "publisher": "测试", "confidence": "seed"
        }))
    });
    let (r, problems) = load(&[
        ("generic.json", &generic),
        ("fx-prov.json", PROVINCE),
        ("fx-prov-city.json", CITY),
    ]);
    assert!(problems.is_empty(), "{problems:#?}");
    let ids = |id: &str| -> Vec<String> { r[id].sources.iter().map(|s| s.id.clone()).collect() };
    assert_eq!(ids("fx-prov-city"), ["city-guide", "prov-notice", "fx-qa"]);
    assert_eq!(ids("fx-prov"), ["prov-notice", "fx-qa"]);
    let city = &r["fx-prov-city"];
    assert_eq!(city.window_months.source.as_deref(), Some("prov-notice"));
    assert_eq!(city.diseases[0].source, "fx-qa");
    // A city's own value may cite its province's notice.
    assert_eq!(city.late_consequence.source.as_deref(), Some("prov-notice"));
}

#[test]
fn a_city_value_citing_a_source_neither_file_has_is_refused() {
    let city = edit(CITY, |c| c["late_consequence"]["source"] = "nowhere".into());
    let (_, problems) = pair(PROVINCE, &city);
    assert!(
        has(
            &problems,
            "fx-prov-city.json",
            "late_consequence.source",
            "\"nowhere\""
        ),
        "{problems:#?}"
    );
    assert_eq!(problems.len(), 1, "{problems:#?}");
}

#[test]
fn a_source_id_the_province_uses_for_another_source_is_refused() {
    let clash = edit(CITY, |c| {
        c["sources"].as_array_mut().unwrap().push(serde_json::json!({
            "id": "prov-notice", "title": "测试：同名的另一份文件", "publisher": "测试", "confidence": "med"
        }))
    });
    let (_, problems) = pair(PROVINCE, &clash);
    assert!(
        has(
            &problems,
            "fx-prov-city.json",
            "sources[1].id",
            "names another document in fx-prov.json"
        ),
        "{problems:#?}"
    );
    // Defined again for the file's own values only (nothing it inherits
    // cites it): its own definition holds, no clash.
    let own_only = edit(&clash, |c| {
        c.insert(
            "window_months".into(),
            serde_json::json!({ "value": 3, "source": "prov-notice" }),
        );
        c.insert(
            "continuity_during_review".into(),
            serde_json::json!({ "value": true, "source": "prov-notice" }),
        );
        c.insert("notes".into(), serde_json::json!([]));
    });
    let (r, problems) = pair(PROVINCE, &own_only);
    assert!(problems.is_empty(), "{problems:#?}");
    let notice = r["fx-prov-city"]
        .sources
        .iter()
        .find(|s| s.id == "prov-notice")
        .unwrap();
    assert_eq!(notice.title, "测试：同名的另一份文件");
    // The very same source, repeated, is no clash.
    let same = edit(CITY, |c| {
        let notice = serde_json::from_str::<Value>(PROVINCE).unwrap()["sources"][0].clone();
        c["sources"].as_array_mut().unwrap().push(notice);
    });
    let (_, problems) = pair(PROVINCE, &same);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn a_problem_in_the_province_is_reported_once_against_the_province() {
    let province = edit(PROVINCE, |p| p["window_months"]["value"] = 99.into());
    let (r, problems) = pair(&province, CITY);
    assert!(
        has(
            &problems,
            "fx-prov.json",
            "window_months.value",
            "99 months"
        ),
        "{problems:#?}"
    );
    assert_eq!(problems.len(), 1, "not again for the city: {problems:#?}");
    assert_eq!(r["fx-prov-city"].window_months.value, Some(99));
}

#[test]
fn a_problem_the_city_causes_in_an_inherited_field_is_the_city_s() {
    // Its own document list, but the inherited common_documents name the
    // generic entry's documents.
    let city = edit(CITY, |c| {
        c.insert(
            "documents".into(),
            serde_json::json!([{ "id": "city-form", "name": "测试申请表", "why": "测试", "source": "city-guide" }]),
        );
    });
    let (_, problems) = pair(PROVINCE, &city);
    assert!(
        has(
            &problems,
            "fx-prov-city.json",
            "common_documents[0] (inherited from fx-prov.json)",
            "\"identity\" does not exist"
        ),
        "{problems:#?}"
    );
}

#[test]
fn a_province_file_must_give_its_province_code() {
    // Named like a province, without its code: its cities would not find it.
    let named = edit(COMPLETE, |c| c["short_name"] = "新疆".into());
    let (_, problems) = load(&[("generic.json", GENERIC), ("fx-exact.json", &named)]);
    assert!(
        has(
            &problems,
            "fx-exact.json",
            "place",
            "named like the province 新疆维吾尔自治区"
        ),
        "{problems:#?}"
    );
    // Without a province code a file is no province's: it may not leave
    // fields out, and its city finds nothing above it either.
    let province = edit(PROVINCE, |p| {
        p.remove("place");
    });
    let (_, problems) = pair(&province, CITY);
    for file in ["fx-prov.json", "fx-prov-city.json"] {
        assert!(
            problems.iter().any(|p| p.file == file
                && p.reason.contains("missing field")
                && p.reason.contains("may leave fields out")),
            "{file}: {problems:#?}"
        );
    }
}

#[test]
fn a_place_and_its_province_must_agree() {
    let city = edit(CITY, |c| c["province"] = "湖南省".into());
    let (_, problems) = pair(PROVINCE, &city);
    assert!(
        has(
            &problems,
            "fx-prov-city.json",
            "province",
            "is in 新疆维吾尔自治区"
        ),
        "{problems:#?}"
    );
}

#[test]
fn two_files_for_one_place_are_refused() {
    let twin = edit(CITY, |c| {
        c["id"] = "fx-prov-twin".into();
        c["name"] = "样例省另一市".into();
        c["short_name"] = "另一市".into();
    });
    let err = PolicySet::from_files(
        ("national.json", NATIONAL),
        [
            ("generic.json", GENERIC),
            ("fx-prov.json", PROVINCE),
            ("fx-prov-city.json", CITY),
            ("fx-prov-twin.json", twin.as_str()),
        ],
    )
    .unwrap_err();
    let crate::policy::LoadError::Invalid(problems) = err;
    assert!(
        problems
            .iter()
            .any(|p| p.field == "place" && p.reason.contains("650100 is already covered")),
        "{problems:#?}"
    );
}

#[test]
fn fields_that_go_together_are_not_mixed() {
    // A city's own disease list is closed unless it says so.
    let city = edit(CITY, |c| {
        c.insert(
            "diseases".into(),
            serde_json::json!([{ "id": "hypertension", "name": "高血压", "source": "city-guide" }]),
        );
    });
    let (r, problems) = pair(PROVINCE, &city);
    assert!(problems.is_empty(), "{problems:#?}");
    let city = &r["fx-prov-city"];
    assert!(
        !city.open_disease_list,
        "the generic list's 等 is not the city's"
    );
    // Its own channels of both kinds: the province's "no offline channel"
    // does not come with them.
    let both = edit(CITY, |c| {
        c.remove("no_channel");
        let mut app = serde_json::from_str::<Value>(PROVINCE).unwrap()["channels"][0].clone();
        app["id"] = "city-app".into();
        c["channels"].as_array_mut().unwrap().push(app);
    });
    let (r2, problems) = pair(PROVINCE, &both);
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(r2["fx-prov-city"].no_channel.is_empty());
    assert_eq!(city.level_of("open_disease_list"), DataLevel::City);
    assert!(r["generic"].open_disease_list);
}

#[test]
fn a_value_set_to_null_is_the_file_s_own_and_not_inherited() {
    let figures = serde_json::json!({
        "note": "测试：示例数字", "rows": [{ "disease": "高血压", "annual_limit_yuan": 1000,
        "ratio_active_pct": 70, "ratio_retired_pct": 80 }], "source": "prov-notice"
    });
    let province = edit(PROVINCE, |p| {
        p.insert("example_figures".into(), figures);
    });
    let (r, problems) = pair(&province, CITY);
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(
        r["fx-prov-city"].example_figures.is_some(),
        "left out: inherited"
    );
    let none = edit(CITY, |c| {
        c.insert("example_figures".into(), Value::Null);
    });
    let (r, problems) = pair(&province, &none);
    assert!(problems.is_empty(), "{problems:#?}");
    let city = &r["fx-prov-city"];
    assert_eq!(city.example_figures, None, "null: none, said by the city");
    assert_eq!(city.level_of("example_figures"), DataLevel::City);
}

#[test]
fn a_file_with_nothing_above_it_is_whole_and_inherits_nothing() {
    let (r, problems) = load(&[("generic.json", GENERIC), ("fx-exact.json", COMPLETE)]);
    assert!(problems.is_empty(), "{problems:#?}");
    let exact = &r["fx-exact"];
    assert_eq!(exact.inherited, Inheritance::default());
    assert_eq!(exact.level_of("window_months"), DataLevel::City);
    // A city that leaves fields out but has no province file above it.
    let (r, problems) = load(&[("generic.json", GENERIC), ("fx-prov-city.json", CITY)]);
    assert!(!r.contains_key("fx-prov-city"));
    assert!(
        problems.iter().any(|p| p.file == "fx-prov-city.json"
            && p.reason.contains("missing field")
            && p.reason.contains("may leave fields out")),
        "{problems:#?}"
    );
    // A province file with no generic entry to take from.
    let (_, problems) = load(&[("fx-prov.json", PROVINCE)]);
    assert!(
        problems
            .iter()
            .any(|p| p.file == "fx-prov.json" && p.reason.contains("missing field")),
        "{problems:#?}"
    );
}

#[test]
fn a_complete_city_under_a_province_still_takes_what_it_leaves_out() {
    // 甲市's whole file, moved under 样例省: its notes (none written) come
    // from the province; everything it wrote stays its own.
    let exact = edit(COMPLETE, |c| {
        c.insert("place".into(), "650200".into());
        c["province"] = "新疆维吾尔自治区".into();
        c.remove("notes");
    });
    let (r, problems) = load(&[
        ("generic.json", GENERIC),
        ("fx-prov.json", PROVINCE),
        ("fx-exact.json", &exact),
    ]);
    assert!(problems.is_empty(), "{problems:#?}");
    let city = &r["fx-exact"];
    assert_eq!(city.level_of("notes"), DataLevel::Province);
    assert_eq!(city.notes[0].id, "mutual");
    assert_eq!(city.level_of("channels"), DataLevel::City);
}

#[test]
fn a_municipality_s_district_inherits_from_the_municipality() {
    let municipality = edit(PROVINCE, |p| {
        p["place"] = "110000".into();
        p["province"] = "北京市".into();
    });
    let district = edit(CITY, |c| {
        c["place"] = "110105".into();
        c["province"] = "北京市".into();
    });
    let (r, problems) = pair(&municipality, &district);
    assert!(problems.is_empty(), "{problems:#?}");
    let d = &r["fx-prov-city"];
    assert_eq!(d.inherited.parent.as_ref().unwrap().id, "fx-prov");
    // A municipality is a city: its values are a city's.
    assert_eq!(d.level_of("window_months"), DataLevel::City);
    assert_eq!(d.level_of("cycle_years"), DataLevel::Generic);
}

#[test]
fn a_region_is_as_fresh_as_the_oldest_check_of_its_values() {
    let (r, _) = pair(PROVINCE, CITY);
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    assert_eq!(r["fx-prov-city"].verified_on, day("2026-10-01"));
    assert_eq!(r["fx-prov"].verified_on, day("2026-10-01"));
    assert_eq!(r["generic"].verified_on, day("2026-11-22"));
}

#[test]
fn own_and_inherited_fields_are_every_field_of_a_region() {
    let region: Region = serde_json::from_str(GENERIC).unwrap();
    let Value::Object(m) = serde_json::to_value(&region).unwrap() else {
        panic!()
    };
    let mut keys: Vec<&str> = m.keys().map(String::as_str).collect();
    keys.sort();
    let mut listed: Vec<&str> = OWN_FIELDS.iter().chain(INHERITED_FIELDS).copied().collect();
    listed.sort();
    assert_eq!(
        keys, listed,
        "a new field of Region goes in OWN_FIELDS or INHERITED_FIELDS"
    );
}
