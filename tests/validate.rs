//! The validator catches each kind of mistake a data editor can make: each
//! test breaks one thing in a fixture region file (`tests/fixtures/policy/`,
//! 甲市) and expects the problem with its file, field and reason. The
//! shipped files themselves are checked in `tests/data.rs`.

mod common;

use std::path::PathBuf;

use common::load_files as load;
use renewal_assistant::policy::Problem;
use serde_json::Value;

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/policy")
}

fn region_files() -> Vec<(String, String)> {
    common::region_files(&fixture_dir())
}

fn national() -> String {
    common::national_file(&fixture_dir())
}

#[test]
fn the_fixture_set_is_valid_as_it_stands() {
    load(&national(), &region_files()).unwrap_or_else(|p| panic!("{p:#?}"));
}

/// Applies `edit` to the fixture's 甲市 file and returns the problems found.
fn problems_after(edit: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut files = region_files();
    let (_, text) = files
        .iter_mut()
        .find(|(f, _)| f == "fx-exact.json")
        .unwrap();
    let mut v: Value = serde_json::from_str(text).unwrap();
    edit(&mut v);
    *text = serde_json::to_string(&v).unwrap();
    load(&national(), &files).err().unwrap_or_default()
}

fn assert_problem(problems: &[Problem], field: &str, reason: &str) {
    assert!(
        problems.iter().any(|p| p.file == "fx-exact.json"
            && p.field.contains(field)
            && p.reason.contains(reason)),
        "expected {field}: {reason} in {problems:#?}"
    );
}

#[test]
fn a_figure_without_a_source_is_rejected() {
    let p = problems_after(|v| v["window_months"]["source"] = Value::Null);
    assert_problem(&p, "window_months", "no source");
}

#[test]
fn an_unknown_source_id_is_rejected() {
    let p = problems_after(|v| v["channels"][0]["source"] = "nowhere".into());
    assert_problem(&p, "channels[0].source", "not listed");
}

#[test]
fn an_unknown_without_a_note_is_rejected() {
    let p = problems_after(|v| {
        v["cycle_years"] = serde_json::json!({ "value": null });
    });
    assert_problem(&p, "cycle_years", "no note");
}

#[test]
fn duplicate_ids_are_rejected() {
    let p = problems_after(|v| v["diseases"][1]["id"] = "hypertension".into());
    assert_problem(&p, "diseases[].id", "duplicate");
}

#[test]
fn a_dangling_document_reference_is_rejected() {
    let p = problems_after(|v| v["diseases"][0]["documents"] = serde_json::json!(["no-such-doc"]));
    assert_problem(&p, "diseases[0].documents[0]", "does not exist");
    let p = problems_after(|v| v["common_documents"][0] = "ghost".into());
    assert_problem(&p, "common_documents[0]", "does not exist");
}

#[test]
fn a_missing_channel_kind_must_be_declared() {
    let p = problems_after(|v| {
        let chans = v["channels"].as_array_mut().unwrap();
        chans.retain(|c| c["kind"] == "offline");
    });
    assert_problem(&p, "channels", "no Online channel");
}

#[test]
fn empty_text_is_rejected() {
    let p = problems_after(|v| v["documents"][0]["name"] = " ".into());
    assert_problem(&p, "documents[0].name", "empty");
}

#[test]
fn a_bad_date_is_rejected() {
    let p = problems_after(|v| v["verified_on"] = "2026-02-30".into());
    assert!(p.iter().any(|p| p.file == "fx-exact.json"), "{p:#?}");
    let p = problems_after(|v| v["sources"][0]["published"] = "last spring".into());
    assert_problem(&p, "sources[0].published", "not YYYY");
}

#[test]
fn unknown_fields_are_rejected() {
    let p = problems_after(|v| v["windw_months"] = 3.into());
    assert!(
        p.iter().any(|p| p.reason.contains("unknown field")),
        "{p:#?}"
    );
}

#[test]
fn a_cross_province_reference_must_exist_nationally() {
    let p = problems_after(|v| v["diseases"][0]["cross_province"] = "flu".into());
    assert!(
        p.iter().any(|p| p
            .reason
            .contains("not a national direct-settlement disease")),
        "{p:#?}"
    );
}

/// Issue 20: an entry's `concepts` name concepts of the national
/// vocabulary (data/diseases.json); an unknown id is named with its file
/// and entry, and a file without the field stays valid (names match).
#[test]
fn an_unknown_concept_is_rejected_with_its_file_and_entry() {
    let p = problems_after(|v| {
        v["diseases"][0]["concepts"] = serde_json::json!(["hypertension", "no-such-concept"])
    });
    assert_problem(
        &p,
        "diseases[0].concepts[1]",
        "\"no-such-concept\" (hypertension)",
    );
    assert_eq!(p.len(), 1, "{p:#?}");
    let p = problems_after(|v| {
        for d in v["diseases"].as_array_mut().unwrap() {
            d.as_object_mut().unwrap().remove("concepts");
        }
    });
    assert!(p.is_empty(), "{p:#?}");
}

#[test]
fn an_open_list_needs_an_other_entry() {
    let p = problems_after(|v| {
        v["diseases"]
            .as_array_mut()
            .unwrap()
            .retain(|d| d["other"] != true);
    });
    assert_problem(&p, "diseases", "exactly one entry");
}

#[test]
fn a_disease_routed_to_a_missing_or_no_channel_is_rejected() {
    let p = problems_after(|v| v["diseases"][0]["channels"] = serde_json::json!(["ghost"]));
    assert_problem(&p, "diseases[0].channels[0]", "does not exist");
    let p = problems_after(|v| v["diseases"][0]["channels"] = serde_json::json!([]));
    assert_problem(&p, "diseases[0].channels", "no channel takes it");
    // Routed only to a channel for first applications: no way to renew.
    let p = problems_after(|v| {
        v["diseases"][0]["channels"] = serde_json::json!(["hospital-office"]);
        v["channels"][0]["first_application_only"] = true.into();
    });
    assert_problem(
        &p,
        "diseases[0]",
        "no channel for renewals takes this disease",
    );
}

/// Issue 11 §3: an either/or of document routes must be one: two routes or
/// more, each with documents that exist, are in that route only, are not
/// common to everyone and are for every scheme (else a route could be
/// complete with nothing done); a disease names a choice that exists.
#[test]
fn a_bad_either_or_of_document_routes_is_rejected() {
    use serde_json::json;
    let with = |routes: Value, disease_choice: &str| {
        problems_after(|v| {
            let docs = v["documents"].as_array_mut().unwrap();
            for (id, schemes) in [
                ("a", json!([])),
                ("b", json!([])),
                ("r", json!(["resident"])),
            ] {
                docs.push(json!({ "id": id, "name": id, "why": "测试", "schemes": schemes, "source": "fx-a-article" }));
            }
            v["document_choices"] = json!([{ "id": "route", "name": "途径", "routes": routes, "source": "fx-a-article" }]);
            v["diseases"][0]["document_choices"] = json!([disease_choice]);
        })
    };
    let route = |id: &str, docs: &[&str]| json!({ "id": id, "name": id, "documents": docs });
    assert_eq!(
        with(json!([route("x", &["a"]), route("y", &["b"])]), "route"),
        [],
        "a good either/or"
    );
    let p = with(json!([route("x", &["a"])]), "route");
    assert_problem(&p, "document_choices[0].routes", "two routes or more");
    let p = with(
        json!([route("x", &["a"]), route("y", &["nothing"])]),
        "route",
    );
    assert_problem(
        &p,
        "document_choices[0].routes[1].documents[0]",
        "does not exist",
    );
    let p = with(
        json!([route("x", &["a"]), route("y", &["b", "a"])]),
        "route",
    );
    assert_problem(
        &p,
        "document_choices[0].routes[1].documents[1]",
        "another route",
    );
    let p = with(
        json!([route("x", &["a"]), route("y", &["id-card"])]),
        "route",
    );
    assert_problem(&p, "document_choices[0].routes[1].documents[0]", "common");
    let p = with(json!([route("x", &["a"]), route("y", &["r"])]), "route");
    assert_problem(
        &p,
        "document_choices[0].routes[1].documents[0]",
        "some schemes",
    );
    let p = with(json!([route("x", &["a"]), route("y", &[])]), "route");
    assert_problem(&p, "document_choices[0].routes[1].documents", "empty");
    let p = with(json!([route("x", &["a"]), route("y", &["b"])]), "elsewhere");
    assert_problem(&p, "diseases[0].document_choices[0]", "does not exist");
}

/// A national set is read and checked on every core (from 64 files): the
/// problems are the same, file for file and in file order, as when the
/// same broken files are read one at a time among a few.
#[test]
fn many_files_read_on_every_core_report_what_a_few_read_alone_report() {
    let template: Value = serde_json::from_str(
        &region_files()
            .into_iter()
            .find(|(f, _)| f == "fx-exact.json")
            .unwrap()
            .1,
    )
    .unwrap();
    let copy = |n: usize| -> (String, String) {
        let mut v = template.clone();
        v["id"] = format!("fx-copy-{n:03}").into();
        v["name"] = format!("示例省复本{n}市").into();
        v["short_name"] = format!("复本{n}").into();
        v["aliases"] = Value::Array(Vec::new());
        let mut text = serde_json::to_string(&v).unwrap();
        match n {
            10 => text.truncate(text.len() / 2),
            50 => text = text.replace("\"short_name\":\"复本50\"", "\"short_name\":\" \""),
            90 => text = text.replace("特殊门诊", "特殊\u{202E}门诊"),
            _ => {}
        }
        (format!("fx-copy-{n:03}.json"), text)
    };
    let broken = [10, 50, 90];
    let mut many = region_files();
    many.extend((0..100).map(copy));
    let mut few = region_files();
    few.extend(broken.iter().map(|&n| copy(n)));
    assert!(many.len() >= 64 && few.len() < 64);

    let found_many = load(&national(), &many).err().unwrap_or_default();
    let found_few = load(&national(), &few).err().unwrap_or_default();
    let files: Vec<&str> = found_many.iter().map(|p| p.file.as_str()).collect();
    let mut expected: Vec<&str> = files.clone();
    expected.dedup();
    assert_eq!(
        expected,
        ["fx-copy-010.json", "fx-copy-050.json", "fx-copy-090.json"],
        "{found_many:#?}"
    );
    assert_eq!(found_many, found_few);
}
