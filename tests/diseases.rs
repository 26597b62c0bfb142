//! Issue 20: a disease the region's list does not name by what the person
//! typed reaches the region's entry that covers it (another name for it,
//! or the region's 其他病种 / 任一病种), and every output names the typed
//! disease beside the region's category, with what that means. Exit 2 only
//! for a name unknown everywhere. Hermetic: a temp data dir, a fixed today.

mod common;

use common::{outcome, renew_in};
use serde_json::Value;

fn plan(region: &str, disease: &str, format: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = renew_in(dir.path())
        .env("NO_COLOR", "1")
        .args(["--today", "2026-11-23", "plan", "--region", region])
        .args(["--scheme", "employee", "--disease", disease])
        .args(["--end", "2027-01-31", "--format", format, "--width", "0"])
        .output()
        .unwrap();
    outcome(out)
}

/// (region, typed, the region's category, words the line must hold)
const DONE_WHEN: &[(&str, &str, &str, &str)] = &[
    (
        "北京",
        "恶性肿瘤",
        "门诊特殊病（任一病种）",
        "本程序没有北京市的病种目录",
    ),
    (
        "上海",
        "恶性肿瘤",
        "大病治疗项目（任一项目）",
        "本程序没有上海市的病种目录",
    ),
    (
        "中山",
        "糖尿病",
        "门诊特定病种（任一病种）",
        "本程序没有广东省中山市的病种目录",
    ),
    (
        "西安",
        "高血压",
        "其他病种",
        "不在陕西省西安市需要复审的13种里：当地的说明只列出需要复审的病种，没有说其他病种；本程序推断其他病种很可能不需要复审",
    ),
    (
        "潜江",
        "高血压",
        "其他病种",
        "不在湖北省潜江市需要复审的12种里：当地没有为其他病种规定复审期限",
    ),
];

#[test]
fn a_disease_outside_the_region_s_list_gets_its_open_entry_in_every_output() {
    for &(region, typed, category, words) in DONE_WHEN {
        let (code, text, err) = plan(region, typed, "text");
        assert_eq!(code, 0, "{region} {typed}: {err}");
        assert!(text.contains(&format!("病种：{category}")), "{text}");
        assert!(text.contains(&format!("“{typed}”")), "{text}");
        assert!(text.contains(words), "{region}: {text}");
        assert!(text.contains(&format!("按“{category}”给出做法")), "{text}");
        let (code, md, err) = plan(region, typed, "markdown");
        assert_eq!(code, 0, "{err}");
        assert!(
            md.contains(words) && md.contains(&format!("“{typed}”")),
            "{md}"
        );
        let (code, json, err) = plan(region, typed, "json");
        assert_eq!(code, 0, "{err}");
        let v: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["disease"]["name"], category);
        assert_eq!(v["disease"]["typed"]["text"], typed);
        assert_eq!(v["disease"]["typed"]["cover"], "catch_all");
    }
}

#[test]
fn the_typed_disease_carries_its_concept_and_cross_province_id() {
    let (_, json, _) = plan("西安", "gxy", "json");
    let v: Value = serde_json::from_str(&json).unwrap();
    let typed = &v["disease"]["typed"];
    assert_eq!(typed["concept"], "hypertension");
    assert_eq!(typed["concept_name"], "高血压");
    assert_eq!(typed["cross_province"], "hypertension");
    assert_eq!(typed["region_list_len"], 13);
    // Typed as initials, the line names the disease by its name.
    let (_, text, _) = plan("西安", "gxy", "text");
    assert!(
        text.contains("您的病“高血压”不在陕西省西安市需要复审的13种里"),
        "{text}"
    );
}

#[test]
fn another_name_in_the_region_s_list_is_said() {
    let (code, text, err) = plan("湖南", "原发性高血压", "text");
    assert_eq!(code, 0, "{err}");
    assert!(
        text.contains("您说的“原发性高血压”在湖南省的名单里叫“高血压病3级”"),
        "{text}"
    );
    let (_, json, _) = plan("湖南", "原发性高血压", "json");
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["disease"]["id"], "hypertension-grade3");
    assert_eq!(v["disease"]["typed"]["cover"], "named");
}

/// A disease the list names as typed keeps the plan JSON as it was: no
/// `typed`, no extra line.
#[test]
fn a_disease_the_list_names_adds_nothing() {
    for (region, disease) in [("石家庄", "高血压"), ("西安", "癫痫"), ("北京", "其他")]
    {
        let (code, json, err) = plan(region, disease, "json");
        assert_eq!(code, 0, "{err}");
        let v: Value = serde_json::from_str(&json).unwrap();
        assert!(v["disease"].get("typed").is_none(), "{json}");
        let (_, text, _) = plan(region, disease, "text");
        assert!(!text.contains("给出做法"), "{text}");
    }
}

#[test]
fn only_a_name_unknown_everywhere_exits_2_with_the_closest_names() {
    let (code, _, err) = plan("北京", "高学压", "text");
    assert_eq!(code, 2);
    assert!(err.contains("全国病种词表里最接近的名称："), "{err}");
    assert!(err.contains("高血压"), "{err}");
    // Known, but 重庆's list neither names it nor has an open entry.
    let (code, _, err) = plan("重庆", "银屑病", "text");
    assert_eq!(code, 2);
    assert!(err.contains("重庆市的名单里没有“银屑病”"), "{err}");
}

#[test]
fn in_english_the_line_says_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let out = renew_in(dir.path())
        .env("NO_COLOR", "1")
        .args([
            "--lang",
            "en",
            "--today",
            "2026-11-23",
            "plan",
            "--region",
            "西安",
        ])
        .args([
            "--scheme",
            "employee",
            "--disease",
            "高血压",
            "--end",
            "2027-01-31",
        ])
        .args(["--width", "0"])
        .output()
        .unwrap();
    let (code, text, err) = outcome(out);
    assert_eq!(code, 0, "{err}");
    assert!(
        text.contains("Your disease \"高血压\" is not among the 13 diseases"),
        "{text}"
    );
}

/// Issue 22: 重庆 lists 癫痫所致精神障碍 (a psychiatric category) and no plain
/// epilepsy entry. 癫痫, a disease of its own in the vocabulary, must not
/// silently become that entry because its name contains the typed text:
/// the person is told 重庆's list does not name it (exit 2), with the list.
#[test]
fn a_disease_named_inside_another_entry_s_name_does_not_become_that_entry() {
    // Every way of saying 癫痫: its pinyin, initials, English id,
    // Traditional characters, its first character.
    for typed in ["癫痫", "dianxian", "dx", "epilepsy", "癲癇", "癫"] {
        let (code, stdout, stderr) = plan("重庆", typed, "json");
        assert_eq!(code, 2, "{typed}: stdout: {stdout}\nstderr: {stderr}");
        assert!(stdout.is_empty(), "{stdout}");
        assert!(
            stderr.contains("重庆市的名单里没有“癫痫”"),
            "{typed}: {stderr}"
        );
        assert!(
            stderr.contains("癫痫所致精神障碍"),
            "the list is shown: {stderr}"
        );
    }
    // Where the list names 癫痫, its parts still find it.
    for typed in ["癫", "dx", "dianxian"] {
        let (code, stdout, stderr) = plan("西安", typed, "json");
        assert_eq!(code, 0, "{typed}: {stderr}");
        let v: Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(v["disease"]["name"], "癫痫", "{typed}");
    }
    // The entry itself is still found by its own name and its initials.
    for typed in ["癫痫所致精神障碍", "dxszjsza"] {
        let (code, stdout, stderr) = plan("重庆", typed, "json");
        assert_eq!(code, 0, "{typed}: {stderr}");
        let v: Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(v["disease"]["name"], "癫痫所致精神障碍", "{typed}");
    }
}

/// Issue 22: 西安's source lists the 13 diseases that need 复审 and says
/// nothing of the rest; that the rest need none is the program's inference
/// (`renewal_scope.inferred`). The line about a typed disease outside the 13
/// says so in every language and format, as the status line below it does,
/// and never credits the source with it.
#[test]
fn an_inferred_scope_is_told_as_an_inference_beside_the_typed_disease() {
    let cases = [
        (
            "zh-Hans",
            "当地的说明是",
            "本程序推断其他病种很可能不需要复审",
        ),
        (
            "zh-Hant",
            "當地的說明是",
            "本程式推斷其他病種很可能不需要複審",
        ),
        (
            "en",
            "the local rules say other diseases need no",
            "this program infers",
        ),
    ];
    for (lang, old, inferred) in cases {
        for format in ["text", "markdown"] {
            let dir = tempfile::tempdir().unwrap();
            let out = renew_in(dir.path())
                .env("NO_COLOR", "1")
                .args(["--lang", lang, "--today", "2026-11-23", "plan"])
                .args(["--region", "西安", "--scheme", "employee"])
                .args(["--disease", "高血压", "--end", "2027-01-31"])
                .args(["--format", format, "--width", "0"])
                .output()
                .unwrap();
            let (code, text, err) = outcome(out);
            assert_eq!(code, 0, "{lang} {format}: {err}");
            assert!(!text.contains(old), "{lang} {format}: {text}");
            assert!(text.contains(inferred), "{lang} {format}: {text}");
        }
    }
}

/// Issue 22: the plain prompts do not take 癫痫 as 重庆's
/// 癫痫所致精神障碍 either: they say the list does not name it and ask again.
#[test]
fn plain_prompts_say_chongqing_does_not_list_epilepsy() {
    let dir = tempfile::tempdir().unwrap();
    let out = renew_in(dir.path())
        .env("NO_COLOR", "1")
        .args(["--plain", "--today", "2026-11-23"])
        .write_stdin("重庆\n2\n癫痫\n")
        .output()
        .unwrap();
    let (_, text, _) = outcome(out);
    assert!(text.contains("重庆市的名单里没有“癫痫”"), "{text}");
    assert!(!text.contains("已选：癫痫所致精神障碍"), "{text}");
}

/// Issue 20: the names people use for a disease the vocabulary knows under
/// another name (a specific cancer, 慢性心衰, 糖尿病肾病) reach the region's
/// entry; a name with no fitting concept (痛风) stays unknown.
#[test]
fn common_names_of_known_diseases_give_a_plan_that_names_them() {
    for (region, typed) in [
        ("北京", "乳腺癌"),
        ("北京", "肺癌"),
        ("上海", "淋巴瘤"),
        ("北京", "慢性心衰"),
        ("中山", "糖尿病肾病"),
    ] {
        let (code, text, err) = plan(region, typed, "text");
        assert_eq!(code, 0, "{region} {typed}: {err}");
        assert!(text.contains(&format!("“{typed}”")), "{text}");
    }
    let (_, json, _) = plan("北京", "乳腺癌", "json");
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["disease"]["typed"]["concept"], "cancer");
    let (code, _, _) = plan("北京", "痛风", "text");
    assert_eq!(code, 2);
}

/// `renew` in `dir` with a fixed today.
fn run_in(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = renew_in(dir)
        .env("NO_COLOR", "1")
        .args(["--today", "2026-11-23"])
        .args(args)
        .output()
        .unwrap();
    outcome(out)
}

/// Issue 20: a saved checklist names the disease the person typed beside
/// the region's entry, in one wording (其他病种（高血压）), wherever it names
/// its disease: the list (text and JSON), show, and the exports (Markdown,
/// text, ICS). Its label, when none is given, is that too.
#[test]
fn a_saved_checklist_names_the_typed_disease_in_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run_in(
        dir.path(),
        &[
            "plan",
            "--region",
            "潜江",
            "--scheme",
            "employee",
            "--disease",
            "高血压",
            "--end",
            "2027-01-31",
            "--save",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let shown = "其他病种（高血压）";
    let (_, list, _) = run_in(dir.path(), &["checklist", "list"]);
    assert!(list.contains(shown), "{list}");
    let (_, json, _) = run_in(dir.path(), &["checklist", "list", "--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let c = &v["checklists"][0];
    assert_eq!(c["disease"], "其他病种", "the field keeps its meaning");
    assert_eq!(c["typed_disease"], "高血压");
    assert_eq!(c["label"], shown, "the default label");
    let (_, show, _) = run_in(dir.path(), &["checklist", "show", shown]);
    assert!(show.lines().next().unwrap().contains(shown), "{show}");
    for format in ["markdown", "text", "ics"] {
        let (code, out, err) = run_in(
            dir.path(),
            &["checklist", "export", shown, "--format", format],
        );
        assert_eq!(code, 0, "{format}: {err}");
        assert!(out.contains("高血压"), "{format}: {out}");
    }
    let (_, ics, _) = run_in(
        dir.path(),
        &["checklist", "export", shown, "--format", "ics"],
    );
    assert!(ics.contains(shown), "{ics}");
}

/// Issue 22: a plan that needs no renewal (北京) has nothing required: the
/// list says "-", as the wizard's list does, not "0/0".
#[test]
fn the_list_says_nothing_required_as_the_wizard_does() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run_in(
        dir.path(),
        &[
            "plan",
            "--region",
            "北京",
            "--scheme",
            "employee",
            "--disease",
            "恶性肿瘤",
            "--end",
            "2027-01-31",
            "--save",
            "--label",
            "妈妈",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let (_, list, _) = run_in(dir.path(), &["checklist", "list"]);
    let line = list.lines().find(|l| l.contains("妈妈")).expect(&list);
    assert!(!line.contains("0/0"), "{list}");
    assert!(line.trim_end().ends_with(" -"), "{list}");
}
