//! A year's holiday schedule from a policy pack (`holidays/YYYY.json`):
//! checked by `renew data check`, used in place of the estimate for that
//! year, every problem named by file and field. Plans are made for the
//! fixture's 甲市 (`tests/fixtures/policy/regions`, as a policy pack).

use std::fs;
use std::path::{Path, PathBuf};

mod common;

use common::{FIXTURE_REGIONS, outcome, renew_in};
use serde_json::Value;

/// Copies the fixture regions into a pack folder, beside its holidays.
fn add_fixture_regions(pack: &Path) {
    for e in fs::read_dir(FIXTURE_REGIONS).unwrap() {
        let p = e.unwrap().path();
        fs::copy(&p, pack.join(p.file_name().unwrap())).unwrap();
    }
}

/// A pack of the fixture regions and the holiday files of `holidays`.
fn pack_with_holidays_of(holidays: &Path) -> tempfile::TempDir {
    let pack = tempfile::tempdir().unwrap();
    add_fixture_regions(pack.path());
    fs::create_dir(pack.path().join("holidays")).unwrap();
    for e in fs::read_dir(holidays.join("holidays")).unwrap() {
        let p = e.unwrap().path();
        fs::copy(
            &p,
            pack.path().join("holidays").join(p.file_name().unwrap()),
        )
        .unwrap();
    }
    pack
}

fn renew(args: &[&str]) -> (i32, String, String) {
    let data = tempfile::tempdir().unwrap();
    let out = renew_in(data.path())
        .env("RENEW_POLICY_DIR", FIXTURE_REGIONS)
        .args(args)
        .output()
        .unwrap();
    outcome(out)
}

fn example_pack() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/holiday-pack")
}

fn example_2027() -> Value {
    serde_json::from_str(&fs::read_to_string(example_pack().join("holidays/2027.json")).unwrap())
        .unwrap()
}

fn plan_json(pack: Option<&Path>) -> Value {
    let mut args = vec![
        "plan",
        "--region",
        "fx-exact",
        "--scheme",
        "employee",
        "--disease",
        "diabetes",
        "--end",
        "2027-03-31",
        "--today",
        "2027-02-01",
        "--format",
        "json",
    ];
    let merged;
    let dir;
    if let Some(p) = pack {
        merged = pack_with_holidays_of(p);
        dir = merged.path().to_str().unwrap().to_string();
        args.extend(["--policy-dir", &dir]);
    }
    let (code, out, err) = renew(&args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

fn online(plan: &Value) -> &Value {
    plan["channels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "wechat")
        .unwrap()
}

#[test]
fn the_example_holiday_file_passes_data_check() {
    let (code, out, err) = renew(&["data", "check", example_pack().to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("holidays/2027.json"), "{out}");
}

#[test]
fn a_pack_year_replaces_the_estimate() {
    let estimated = plan_json(None);
    let ch = online(&estimated);
    // 春节 2027 estimated with its customary break, 02-05..02-12 (issue 22):
    // 02-02, 03, 04, 15, 16.
    assert_eq!(ch["expected_result"], "2027-02-16");
    assert_eq!(ch["result_estimated"], true);
    assert_eq!(estimated["apply_by"]["estimated"], true);
    let codes: Vec<&str> = estimated["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w["code"].as_str())
        .collect();
    assert!(codes.contains(&"calendar_estimated"), "{codes:?}");

    let official = plan_json(Some(&example_pack()));
    let ch = online(&official);
    // The file's 春节 block is 02-05..02-14: 02-02, 03, 04, 15, 16.
    assert_eq!(ch["expected_result"], "2027-02-16");
    assert_eq!(ch["result_estimated"], false);
    assert_eq!(official["apply_by"]["estimated"], false);
    assert!(
        !official["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == "calendar_estimated")
    );
}

#[test]
fn every_problem_in_a_holiday_file_is_named_by_file_and_field() {
    let pack = tempfile::tempdir().unwrap();
    fs::create_dir(pack.path().join("holidays")).unwrap();
    let mut bad = example_2027();
    // 端午 (2027-06-09) left out; a make-up day on a Wednesday.
    bad["days_off"].as_array_mut().unwrap().remove(4);
    bad["working_days"][0] = "2027-02-17".into();
    fs::write(
        pack.path().join("holidays/2027.json"),
        serde_json::to_string(&bad).unwrap(),
    )
    .unwrap();
    let mut wrong_name = example_2027();
    wrong_name["source"]["title"] = "".into();
    fs::write(
        pack.path().join("holidays/2028.json"),
        serde_json::to_string(&wrong_name).unwrap(),
    )
    .unwrap();
    fs::write(pack.path().join("holidays/2029.json"), "{\"year\": 2029,").unwrap();
    add_fixture_regions(pack.path());

    let (code, out, err) = renew(&["data", "check", pack.path().to_str().unwrap()]);
    assert_ne!(code, 0);
    let all = format!("{out}{err}");
    for needle in [
        "holidays/2027.json：days_off：2027-06-09 is a statutory day off",
        "holidays/2027.json：working_days[0]：2027-02-17 is a weekday",
        "holidays/2028.json：year：2027 does not match the file name 2028.json",
        "holidays/2028.json：source.title：is empty",
        "holidays/2029.json：line 1",
    ] {
        assert!(all.contains(needle), "{needle:?} not in:\n{all}");
    }

    // A plan still runs: the bad years fall back to the estimate.
    let (code, out, err) = renew(&[
        "plan",
        "--region",
        "fx-exact",
        "--scheme",
        "employee",
        "--disease",
        "diabetes",
        "--end",
        "2027-03-31",
        "--today",
        "2027-02-01",
        "--format",
        "json",
        "--policy-dir",
        pack.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("holidays/2027.json"), "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(online(&v)["result_estimated"], true);
}

/// Applying by 2026-12-29 counts over 元旦 2027, whose notice is not in the
/// data (2026's is, to its last day): every output that shows that date
/// says it is an estimate.
#[test]
fn every_output_marks_estimated_dates() {
    let plan_args = |format: &'static str| {
        vec![
            "plan",
            "--region",
            "fx-exact",
            "--scheme",
            "employee",
            "--disease",
            "diabetes",
            "--end",
            "2027-01-06",
            "--today",
            "2026-12-20",
            "--format",
            format,
        ]
    };
    let headline = |out: &str| {
        out.lines()
            .find(|l| l.contains("建议最晚在"))
            .unwrap_or_else(|| panic!("no headline in:\n{out}"))
            .to_string()
    };
    for format in ["text", "markdown"] {
        let (code, out, err) = renew(&plan_args(format));
        assert_eq!(code, 0, "{err}");
        let line = headline(&out);
        assert!(
            line.contains("2026-12-29") && line.contains("（估）"),
            "{line}"
        );
        assert!(out.contains("元旦 2027-01-01"), "{out}");
        assert!(out.contains("惯常的连休"), "{out}");
    }
    // Each channel's latest day, in the comparison, counts over 元旦 2027;
    // a result expected from applying today falls in 2026, whose notice is
    // in the data to the year's end, and is not marked.
    let (_, md, _) = renew(&plan_args("markdown"));
    let row = |label: &str| {
        md.lines()
            .find(|l| l.starts_with(label))
            .unwrap()
            .to_string()
    };
    assert!(row("| 最晚申请 |").contains("（估）"), "{md}");
    assert!(!row("| 预计结果 |").contains("（估）"), "{md}");

    let data = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let out = renew_in(data.path())
            .env("RENEW_POLICY_DIR", FIXTURE_REGIONS)
            .env("RENEW_TODAY", "2026-12-20")
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let mut save = plan_args("json");
    save.extend(["--save", "--label", "妈妈"]);
    let v: Value = serde_json::from_str(&run(&save)).unwrap();
    let id = v["checklist"]["id"].as_str().unwrap().to_string();
    let show = run(&["checklist", "show", &id]);
    // Items wrap at 78 columns: join the lines before looking.
    let flat: String = show.lines().map(str::trim).collect();
    assert!(flat.contains("最好不晚于 2026-12-29（估）"), "{show}");
    let ics = run(&["checklist", "export", &id, "--format", "ics"]);
    let unfolded = icalendar::parser::unfold(&ics);
    assert!(unfolded.contains("（估）"), "{unfolded}");
    assert!(unfolded.contains("元旦 2027-01-01"), "{unfolded}");
}

#[test]
fn the_qr_text_marks_an_estimated_apply_by_day() {
    use renewal_assistant::document::qr::qr_text;
    use renewal_assistant::plan::{Answers, compute};
    use renewal_assistant::policy::{PolicySet, Scheme};
    let words = renewal_assistant::i18n::Words::new(renewal_assistant::i18n::Lang::ZhHans);
    let d = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let answers = Answers {
        region: "fx-exact".into(),
        scheme: Scheme::Employee,
        disease: "diabetes".into(),
        validity_end: d("2027-01-10"),
        cross_province: false,
        retired: false,
    };
    // The latest day, Thu 2026-12-31, is in the 2026 notice, but the 5
    // working days of review after it (01-04 to 01-08) are estimated.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/policy");
    let plan = compute(
        &PolicySet::from_dir(&fixture).unwrap(),
        &answers,
        d("2026-12-20"),
    )
    .unwrap();
    for level in 0..=2 {
        let text = qr_text(&plan, level, words);
        assert!(text.contains("2026-12-31（估）"), "level {level}: {text}");
    }
}

/// Holiday files follow the region files' rule for text (no control,
/// invisible or direction-changing characters) and refuse two blocks that
/// share a day.
#[test]
fn holiday_text_follows_the_region_rule_and_blocks_never_overlap() {
    let pack = tempfile::tempdir().unwrap();
    fs::create_dir(pack.path().join("holidays")).unwrap();
    let mut bad = example_2027();
    bad["days_off"][0]["name"] = "元旦\u{7}".into();
    bad["source"]["title"] = "示例\u{202E}文件".into();
    // 清明 again, a day later: 04-04 and 04-05 in two blocks.
    bad["days_off"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({ "name": "清明节", "from": "2027-04-04", "to": "2027-04-06" }));
    fs::write(
        pack.path().join("holidays/2027.json"),
        serde_json::to_string(&bad).unwrap(),
    )
    .unwrap();
    let (code, out, err) = renew(&["data", "check", pack.path().to_str().unwrap()]);
    assert_ne!(code, 0);
    let all = format!("{out}{err}");
    for needle in [
        "holidays/2027.json：days_off[0].name：contains a control character",
        "holidays/2027.json：source.title：contains the invisible or direction-changing character U+202E",
        "holidays/2027.json：days_off[7]：2027-04-04 to 2027-04-06 overlaps days_off[2]",
    ] {
        assert!(all.contains(needle), "{needle:?} not in:\n{all}");
    }
}
