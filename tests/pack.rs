//! Policy data packs from outside: added and replaced regions, every
//! problem reported with file, field and reason, bad and oversized files
//! rejected while the embedded data keeps working.

use std::fs;
use std::path::Path;

mod common;

use serde_json::Value;

/// The binary, hermetic (`common::hermetic`), on the shipped data alone.
fn renew(args: &[&str]) -> (i32, String, String) {
    let data = tempfile::tempdir().unwrap();
    common::outcome(common::renew_in(data.path()).args(args).output().unwrap())
}

fn embedded(file: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/regions")
        .join(file);
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// A whole number in a shipped file: what the embedded data says, so these
/// tests hold whatever figure a maintainer puts there.
fn shipped_u64(file: &str, pointer: &str) -> u64 {
    embedded(file)
        .pointer(pointer)
        .and_then(Value::as_u64)
        .unwrap()
}

/// The day a window of `months` before 2026-03-31 opens.
fn opens_before_2026_03_31(months: u64) -> String {
    chrono::NaiveDate::from_ymd_opt(2026, 3, 31)
        .unwrap()
        .checked_sub_months(chrono::Months::new(months as u32))
        .unwrap()
        .to_string()
}

fn write(dir: &Path, name: &str, v: &Value) {
    fs::write(dir.join(name), serde_json::to_string_pretty(v).unwrap()).unwrap();
}

#[test]
fn a_pack_adds_and_replaces_regions() {
    let pack = tempfile::tempdir().unwrap();
    let mut haixi = embedded("qinghai-haixi.json");
    let shipped = shipped_u64("qinghai-haixi.json", "/window_months/value");
    let months = if shipped == 2 { 4 } else { 2 };
    haixi["window_months"]["value"] = months.into();
    write(pack.path(), "haixi.json", &haixi);
    let mut other = embedded("hubei-qianjiang.json");
    other["id"] = "hubei-test".into();
    other["name"] = "湖北省测试市".into();
    other["short_name"] = "测试".into();
    // Its own names: a copy of 潜江's alias would be refused as ambiguous.
    other["aliases"] = serde_json::json!(["测试市"]);
    // And no place: 潜江 already has its file (one file per place).
    other["place"] = serde_json::Value::Null;
    write(pack.path(), "test.json", &other);
    let dir = pack.path().to_str().unwrap();

    let (code, out, _) = renew(&["regions", "--format", "json", "--policy-dir", dir]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    let shipped_regions = fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/regions"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "json")
        })
        .count();
    assert_eq!(v.as_array().unwrap().len(), shipped_regions + 1);
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
        v["window"]["opens"].as_str(),
        Some(opens_before_2026_03_31(months).as_str()),
        "the pack's window replaces the embedded one"
    );
    let (_, out, _) = renew(&plan);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["window"]["opens"].as_str(),
        Some(opens_before_2026_03_31(shipped).as_str()),
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
    let months = shipped_u64("guangxi-fangchenggang.json", "/window_months/value");
    assert!(out.contains("防城港") && out.contains(&format!("到期前{months}个月")));
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

/// `data check DIR` on a pack of one file: exit status and output.
fn check_one(name: &str, v: &Value) -> (i32, String) {
    let pack = tempfile::tempdir().unwrap();
    write(pack.path(), name, v);
    let (code, out, _) = renew(&["data", "check", pack.path().to_str().unwrap()]);
    (code, out)
}

const FCG_PLAN: [&str; 12] = [
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
    "--format",
];

#[test]
fn review_times_beyond_the_bound_are_rejected_by_field_and_plans_still_work() {
    for (field, value, needle) in [
        (
            "working_days",
            Value::from(4294967295u64),
            "fcg.json：channels[1].review.working_days：4294967295 working days is more than the 90 allowed",
        ),
        (
            "working_days",
            Value::from(1_000_000),
            "fcg.json：channels[1].review.working_days：1000000 working days",
        ),
        (
            "notify_working_days",
            Value::from(4294967295u64),
            "fcg.json：channels[1].review.notify_working_days：4294967295 working days",
        ),
        (
            "working_days",
            Value::from(-1),
            ", channels[1].review.working_days：invalid value: integer `-1`",
        ),
    ] {
        let mut fcg = embedded("guangxi-fangchenggang.json");
        fcg["channels"][1]["review"][field] = value.clone();
        let (code, out) = check_one("fcg.json", &fcg);
        assert_eq!(code, 1, "{field} = {value} passed data check:\n{out}");
        assert!(out.contains(needle), "{needle:?} in\n{out}");
        assert!(out.contains(field), "the message names {field}:\n{out}");

        // Used as a pack: the file is refused by name and the plan is the
        // embedded one, with its own review time (no panic, no "0 days").
        let pack = tempfile::tempdir().unwrap();
        write(pack.path(), "fcg.json", &fcg);
        let dir = pack.path().to_str().unwrap();
        let (code, out, err) = renew(&[&FCG_PLAN[..], &["json", "--policy-dir", dir]].concat());
        assert_eq!(code, 0, "{err}");
        assert!(err.contains("fcg.json") && err.contains(field), "{err}");
        let v: Value = serde_json::from_str(&out).unwrap();
        let file = "guangxi-fangchenggang.json";
        for field in ["working_days", "notify_working_days"] {
            assert_eq!(
                v["channels"][1]["review"][field].as_u64(),
                Some(shipped_u64(file, &format!("/channels/1/review/{field}"))),
                "{field}"
            );
        }
    }
}

#[test]
fn far_dates_invisible_characters_and_shared_names_are_rejected() {
    type Change = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Change, &str)> = vec![
        (
            "verified_on 9999",
            Box::new(|v| v["verified_on"] = "9999-12-31".into()),
            "fcg.json：verified_on：9999-12-31 is not a date from 2000 to 2100",
        ),
        (
            "published year wraps",
            Box::new(|v| v["sources"][0]["published"] = "4294967295".into()),
            "fcg.json：sources[0].published：",
        ),
        (
            "published 9999",
            Box::new(|v| v["sources"][0]["published"] = "9999-12-31".into()),
            "fcg.json：sources[0].published：\"9999-12-31\" is not a year from 1949 to 2100",
        ),
        (
            "right-to-left override",
            Box::new(|v| v["channels"][0]["where"] = "\u{202E}防城港市政务服务中心".into()),
            "fcg.json：channels[0].where：contains the invisible or direction-changing character U+202E",
        ),
        (
            "isolate",
            Box::new(|v| v["name"] = "广西\u{2066}防城港".into()),
            "fcg.json：name：contains the invisible or direction-changing character U+2066",
        ),
        (
            "zero-width space",
            Box::new(|v| v["short_name"] = "防城\u{200B}港".into()),
            "fcg.json：short_name：contains the invisible or direction-changing character U+200B",
        ),
        (
            "byte-order mark",
            Box::new(|v| v["benefit_name"] = "门特\u{FEFF}".into()),
            "U+FEFF",
        ),
        (
            "word joiner",
            Box::new(|v| v["aliases"][0] = "防城\u{2060}港市".into()),
            "U+2060",
        ),
        (
            "left-to-right mark",
            Box::new(|v| v["aliases"][0] = "防城港市\u{200E}".into()),
            "U+200E",
        ),
        (
            "alias of another region",
            Box::new(|v| v["aliases"][1] = "海西".into()),
            "fcg.json：aliases[1]：\"海西\" is already a name or alias of region \"qinghai-haixi\"",
        ),
        (
            "short name of another region",
            Box::new(|v| v["short_name"] = "青岛".into()),
            "is already a name or alias of region \"shandong-qingdao\"",
        ),
        (
            "yearly limit of u32::MAX yuan",
            Box::new(|v| {
                v["example_figures"]["rows"][0]["annual_limit_yuan"] = 4294967295u64.into()
            }),
            "fcg.json：example_figures.rows[0].annual_limit_yuan：4294967295 yuan is more than the 10000000 allowed",
        ),
        (
            "cycle of u32::MAX years",
            Box::new(|v| {
                v["cycle_years"] =
                    serde_json::json!({"value": [4294967295u64], "source": "seed-003"})
            }),
            "fcg.json：cycle_years.value[0]：4294967295 years",
        ),
    ];
    for (what, change, needle) in cases {
        let mut fcg = embedded("guangxi-fangchenggang.json");
        change(&mut fcg);
        let (code, out) = check_one("fcg.json", &fcg);
        assert_eq!(code, 1, "{what} passed data check:\n{out}");
        assert!(out.contains(needle), "{what}: {needle:?} in\n{out}");
    }
}

#[test]
fn two_pack_files_with_one_id_are_both_refused() {
    let pack = tempfile::tempdir().unwrap();
    let mut a = embedded("guangxi-fangchenggang.json");
    a["window_months"]["value"] = 23.into();
    write(pack.path(), "a.json", &a);
    let mut b = embedded("guangxi-fangchenggang.json");
    b["window_months"]["value"] = 24.into();
    write(pack.path(), "b.json", &b);
    let dir = pack.path().to_str().unwrap();
    let (code, out, _) = renew(&["data", "check", dir]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "b.json：id：region id \"guangxi-fangchenggang\" is already used by pack file a.json"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "a.json：id：region id \"guangxi-fangchenggang\" is also used by pack file b.json"
        ),
        "{out}"
    );
    // Neither file wins: the embedded window stays.
    let (_, out, _) = renew(&[&FCG_PLAN[..], &["json", "--policy-dir", dir]].concat());
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["window"]["months"].as_u64(),
        Some(shipped_u64(
            "guangxi-fangchenggang.json",
            "/window_months/value"
        ))
    );

    // Two different pack regions may not share an alias either.
    let pack = tempfile::tempdir().unwrap();
    let mut one = embedded("hubei-qianjiang.json");
    one["id"] = "hubei-one".into();
    one["name"] = "湖北省一市".into();
    one["short_name"] = "一市".into();
    one["aliases"] = serde_json::json!(["同名"]);
    one["place"] = serde_json::Value::Null;
    write(pack.path(), "one.json", &one);
    let mut two = one.clone();
    two["id"] = "hubei-two".into();
    two["name"] = "湖北省二市".into();
    two["short_name"] = "二市".into();
    write(pack.path(), "two.json", &two);
    let (code, out, _) = renew(&["data", "check", pack.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "two.json：aliases[0]：\"同名\" is already a name or alias of region \"hubei-one\""
        ),
        "{out}"
    );
}

mod loader_fuzz {
    use proptest::prelude::*;

    /// The numbers and dates of 防城港's file: JSON pointer, the name a
    /// problem about it must mention, and whether it holds a date.
    const FIELDS: [(&str, &str, bool); 10] = [
        ("/window_months/value", "window_months", false),
        ("/materials_max_age/value/months", "months", false),
        ("/channels/0/review/working_days", "working_days", false),
        (
            "/channels/1/review/notify_working_days",
            "notify_working_days",
            false,
        ),
        (
            "/example_figures/rows/0/annual_limit_yuan",
            "annual_limit_yuan",
            false,
        ),
        (
            "/example_figures/rows/0/ratio_active_pct",
            "example_figures.rows[0]",
            false,
        ),
        ("/cycle_years/value/0", "cycle_years", false),
        ("/verified_on", "verified_on", true),
        ("/sources/0/published", "published", true),
        ("/window_months/value", "window_months", true),
    ];
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

        /// Every number and date a region file holds, set to a value at or
        /// past its bounds: the file is refused with a problem naming that
        /// field, or accepted and every plan from it is sane. Never a panic.
        #[test]
        fn numbers_and_dates_at_their_bounds(
            field in 0usize..FIELDS.len(),
            number in prop_oneof![
                Just(serde_json::json!(0)),
                Just(serde_json::json!(1)),
                Just(serde_json::json!(24)),
                Just(serde_json::json!(60)),
                Just(serde_json::json!(90)),
                Just(serde_json::json!(91)),
                Just(serde_json::json!(1_000_000)),
                Just(serde_json::json!(u32::MAX)),
                Just(serde_json::json!(u64::from(u32::MAX) + 1)),
                Just(serde_json::json!(-1)),
                Just(serde_json::json!(i64::MIN)),
                Just(serde_json::json!(1.5)),
                Just(serde_json::json!(1e300)),
                any::<i64>().prop_map(|n| serde_json::json!(n)),
            ],
            date in prop_oneof![
                Just("2000-01-01"), Just("2100-12-31"), Just("1999-12-31"), Just("2101-01-01"),
                Just("9999-12-31"), Just("+262142-12-31"), Just("-262143-01-01"), Just("0000-01-01"),
                Just("2026-02-30"), Just("4294967295"), Just("2025"), Just("1949"), Just("1948-12"),
            ],
            end in prop_oneof![Just("2000-01-01"), Just("2026-06-30"), Just("2100-12-31")],
            today in prop_oneof![Just("2000-01-01"), Just("2026-05-01"), Just("2100-12-31")],
        ) {
            use renewal_assistant::plan::{Answers, compute};
            use renewal_assistant::policy::Scheme;
            let base = PolicySet::embedded().unwrap();
            let mut v: serde_json::Value =
                serde_json::from_str(include_str!("../data/regions/guangxi-fangchenggang.json")).unwrap();
            // A stated cycle, so that its years can be set too.
            v["cycle_years"] = serde_json::json!({"value": [2], "source": "seed-003"});
            let (pointer, name, is_date) = FIELDS[field];
            let value = if is_date { serde_json::json!(date) } else { number };
            *v.pointer_mut(pointer).unwrap() = value.clone();
            match check_region("fcg.json", &v.to_string(), &base) {
                Err(problems) => {
                    prop_assert!(
                        problems.iter().any(|p| p.file == "fcg.json" && p.field.contains(name)),
                        "{pointer} = {value}: {problems:?}"
                    );
                }
                Ok(region) => {
                    let diseases: Vec<String> = region.diseases.iter().map(|d| d.id.clone()).collect();
                    let policy = base.with_regions(vec![region]);
                    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
                    for disease in diseases {
                        let answers = Answers {
                            region: "guangxi-fangchenggang".into(),
                            scheme: Scheme::Employee,
                            disease,
                            validity_end: d(end),
                            cross_province: false,
                            retired: false,
                        };
                        let plan = compute(&policy, &answers, d(today)).unwrap();
                        for ch in &plan.channels {
                            let days = ch.review.working_days.unwrap_or(0);
                            prop_assert!(days <= 90, "{pointer} = {value} accepted");
                            if let Some(by) = ch.apply_by {
                                let w = plan.window.as_ref().unwrap();
                                prop_assert!(by >= w.opens && by <= w.closes);
                            }
                            if let Some(r) = ch.expected_result {
                                prop_assert!(r >= plan.reference_day);
                                prop_assert!((r - plan.reference_day).num_days() <= 400);
                            }
                        }
                        if let Some(a) = &plan.apply_by {
                            prop_assert!(a.working_days <= 120);
                        }
                    }
                }
            }
        }

        /// Any file name (controls, escapes, bidi, invisible characters):
        /// the file is named in its problem, and that message once cleaned
        /// for the terminal holds none of them.
        #[test]
        fn hostile_file_names_are_named_and_cleaned(
            name in "[^/\u{0}]{1,40}",
            escape in prop_oneof![
                Just("\u{1b}[2J"), Just("\u{1b}]0;x\u{7}"), Just("\u{9b}31m"),
                Just("\u{202E}"), Just("\u{2066}"), Just("\u{200B}"), Just("\u{FEFF}"), Just(""),
            ],
        ) {
            let base = PolicySet::embedded().unwrap();
            let dir = tempfile::tempdir().unwrap();
            let file = format!("{escape}{name}.json");
            prop_assume!(file.len() < 250);
            std::fs::write(dir.path().join(&file), "{\"id\": ").unwrap();
            let (regions, problems) = renewal_assistant::policy::pack::read_pack(dir.path(), &base);
            prop_assert!(regions.is_empty());
            prop_assert_eq!(problems.len(), 1);
            prop_assert_eq!(&problems[0].file, &file);
            let shown = renewal_assistant::i18n::Words::new(renewal_assistant::i18n::Lang::ZhHans).data(&problems[0].to_string());
            prop_assert!(
                !shown.chars().any(|c| (c.is_control() && c != '\n')
                    || renewal_assistant::text::is_invisible_or_bidi(c)),
                "{shown:?}"
            );
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

/// A huge bad value is quoted cut: its start … its end, with its length,
/// never echoed whole (900 KB on the screen).
#[test]
fn a_huge_bad_value_is_quoted_cut_with_its_length() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/policy/regions");
    let read = |f: &str| -> Value {
        serde_json::from_str(&fs::read_to_string(fixtures.join(f)).unwrap()).unwrap()
    };
    let pack = tempfile::tempdir().unwrap();
    let mut v = read("fx-assumed.json");
    v["channels"][0]["kind"] = format!("start{}end", "x".repeat(900_000)).into();
    write(pack.path(), "a.json", &v);
    let (_, out, err) = renew(&["data", "check", pack.path().to_str().unwrap()]);
    assert!(
        out.len() + err.len() < 4_000,
        "{} bytes",
        out.len() + err.len()
    );
    assert!(
        out.contains("a.json") && out.contains("channels[0].kind"),
        "{out}"
    );
    assert!(
        out.contains("`startxxx") && out.contains("xxxend (900008 characters)`"),
        "start, end and length: {out}"
    );
}
