//! One screen per language, the CLI in each language, and the three themes.

mod common;

use common::*;
use renewal_assistant::i18n::{Lang, Words};
use renewal_assistant::tui::theme::Theme;

fn flow_to_result(lang: Lang) -> Harness {
    let mut h = Harness::speaking(Words::new(lang));
    h.answer_all();
    h.enter();
    h
}

#[test]
fn one_screen_per_language() {
    for lang in Lang::ALL {
        let h = Harness::speaking(Words::new(lang));
        insta::assert_snapshot!(format!("region_{}", lang.code()), h.screen());
        let h = flow_to_result(lang);
        insta::assert_snapshot!(format!("result_{}", lang.code()), h.screen());
    }
}

#[test]
fn english_shows_the_chinese_with_a_gloss() {
    let h = Harness::speaking(Words::new(Lang::En));
    let s = h.screen();
    assert!(s.contains("示例省甲市 (Jia, Shili)"), "{s}");
    let mut h = flow_to_result(Lang::En);
    h.typed("2");
    let s = h.screen();
    assert!(
        s.contains("身份证原件及复印件 (ID card, original and copy)"),
        "{s}"
    );
}

#[test]
fn traditional_converts_the_data_for_display() {
    let mut h = flow_to_result(Lang::ZhHant);
    h.typed("2");
    let s = h.screen();
    assert!(s.contains("身份證原件及複印件"), "{s}");
    assert!(!s.contains("复印件"));
}

fn renew(args: &[&str], lang_env: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = renew_in(dir.path())
        .env("RENEW_POLICY_DIR", FIXTURE_REGIONS)
        .env("LANG", lang_env)
        .args(args)
        .args(["--today", "2026-01-15"])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

const PLAN: [&str; 9] = [
    "plan",
    "--region",
    "甲市",
    "--scheme",
    "zg",
    "--disease",
    "tnb",
    "--end",
    "2026-03-31",
];

#[test]
fn the_cli_in_every_language() {
    let (code, en) = renew(&[&PLAN[..], &["--lang", "en"]].concat(), "C.UTF-8");
    assert_eq!(code, 0);
    assert!(
        en.contains("示例省甲市 (Jia, Shili)") && en.contains("Diabetes"),
        "{en}"
    );
    assert!(en.contains("75 days"), "{en}");
    let (_, hant) = renew(&PLAN, "zh_TW.UTF-8");
    assert!(
        hant.contains("續期") && hant.contains("門診") && hant.contains("身份證原件及複印件"),
        "{hant}"
    );
    let (_, hans) = renew(&PLAN, "C.UTF-8");
    assert!(hans.contains("身份证原件及复印件"));
    // JSON is for programs: the source text, whatever the language.
    let (_, json) = renew(
        &[&PLAN[..], &["--lang", "zh-Hant", "--format", "json"]].concat(),
        "C.UTF-8",
    );
    assert!(json.contains("\"name\": \"身份证原件及复印件\""));
    let (code, err) = renew(&[&PLAN[..], &["--lang", "fr"]].concat(), "C.UTF-8");
    assert_eq!(code, 2);
    assert!(err.contains("zh-Hans | zh-Hant | en"));
    // Bad input is explained in the chosen language.
    let (code, err) = renew(
        &[
            "plan",
            "--region",
            "atlantis",
            "--scheme",
            "zg",
            "--disease",
            "tnb",
            "--end",
            "2026-03-31",
            "--lang",
            "en",
        ],
        "C.UTF-8",
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("No ") || err.contains("not found") || err.contains("region"),
        "{err}"
    );
}

#[test]
fn three_themes() {
    let mut h = Harness::new();
    h.answer_all();
    for (name, theme) in [
        (
            "default",
            Theme {
                color: true,
                ascii: false,
                high_contrast: false,
            },
        ),
        (
            "no_color",
            Theme {
                color: false,
                ascii: false,
                high_contrast: false,
            },
        ),
        (
            "high_contrast",
            Theme {
                color: true,
                ascii: false,
                high_contrast: true,
            },
        ),
    ] {
        insta::assert_snapshot!(format!("theme_{name}"), h.styled_screen(&theme));
    }
}

#[test]
fn the_command_line_help_in_every_language() {
    let (_, en) = renew(&["plan", "--help", "--lang", "en"], "C.UTF-8");
    assert!(
        en.contains("Print the renewal plan for one person")
            && en.contains("Lives or is treated in another province"),
        "{en}"
    );
    let (_, hans) = renew(&["plan", "--help"], "C.UTF-8");
    assert!(
        hans.contains("打印一个人的续期计划") && hans.contains("在外省居住或看病"),
        "{hans}"
    );
    let (_, hant) = renew(&["checklist", "--help"], "zh_HK.UTF-8");
    assert!(hant.contains("已儲存的清單"), "{hant}");
    // clap's own words are replaced too, in the binary as in the library.
    for (text, lang) in [(&hans, "zh-Hans"), (&hant, "zh-Hant")] {
        for word in ["Usage", "Options", "Print help", "[env:", "[OPTIONS]"] {
            assert!(!text.contains(word), "{lang} help shows {word:?}:\n{text}");
        }
    }
}

#[test]
fn a_refused_command_line_is_explained_in_the_users_language() {
    let (code, hans) = renew(&["--bogus"], "zh_CN.UTF-8");
    assert_eq!(code, 2, "{hans}");
    assert!(
        hans.contains("不认识的参数 --bogus") && hans.contains("renew --help"),
        "{hans}"
    );
    assert!(
        !hans.contains("error:") && !hans.contains("unexpected"),
        "{hans}"
    );
    let (code, hant) = renew(&["plan", "--format", "xx"], "zh_TW.UTF-8");
    assert_eq!(code, 2, "{hant}");
    assert!(hant.contains("不對") && hant.contains("markdown"), "{hant}");
    let (code, en) = renew(&["chklist"], "en_US.UTF-8");
    assert_eq!(code, 2, "{en}");
    assert!(
        en.contains("unknown command chklist") && en.contains("checklist"),
        "{en}"
    );
}

#[test]
fn a_traditional_input_method_finds_the_simplified_data() {
    let (code, out) = renew(
        &[
            "plan",
            "--region",
            "甲市轄區",
            "--scheme",
            "職工",
            "--disease",
            "腎衰",
            "--end",
            "2026-03-31",
            "--format",
            "json",
        ],
        "zh_TW.UTF-8",
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("\"id\": \"fx-exact\"") && out.contains("\"id\": \"renal-failure\""),
        "{out}"
    );
    let mut h = Harness::speaking(Words::new(Lang::ZhHant));
    h.typed("甲市轄區");
    assert_eq!(
        h.app
            .visible_options(renewal_assistant::tui::app::Question::Region)
            .len(),
        1
    );
}

/// One convention for Traditional Chinese: Taiwan's words for the program's
/// own text (預設, 列印, 程式, 視窗 for the terminal window, 儲存) and 「」
/// quotes, in the UI and in the policy text as shown.
#[test]
fn traditional_chinese_keeps_one_convention() {
    let words = Words::new(Lang::ZhHant);
    let ui: std::collections::BTreeMap<String, String> =
        renewal_assistant::i18n::keys(Lang::ZhHant)
            .into_iter()
            .map(|k| {
                let text = words.t(&k).to_string();
                (k, text)
            })
            .collect();
    assert!(ui.len() > 100);
    let mainland = [
        "默認",
        "打印",
        "程序",
        "信息",
        "環境變量",
        "鼠標",
        "設置",
        "回車",
        "二維碼",
        "屏幕",
        "文件",
        "保存",
        "計劃",
        "“",
        "”",
    ];
    let mut found = Vec::new();
    for (key, text) in &ui {
        for word in mainland {
            if text.contains(word) {
                found.push(format!("{key}: {word}"));
            }
        }
        // 窗口 is a service counter (辦理窗口, 經辦窗口, 服務窗口); the
        // terminal's window is 視窗.
        for (i, _) in text.match_indices("窗口") {
            let before = text[..i].chars().last();
            if !matches!(before, Some('辦' | '務' | '理')) {
                found.push(format!("{key}: 窗口 (a terminal window is 視窗)"));
            }
        }
    }
    assert!(found.is_empty(), "mainland terms in zh-Hant: {found:#?}");

    // The policy data keeps its words but takes Taiwan quotes.
    let shown = words.data("来源只说“审核通过后”，到经办窗口复核");
    assert_eq!(shown, "來源只說「審核通過後」，到經辦窗口複核");
}

/// Issue 14 (Languages): the calendar's month reads as English words.
#[test]
fn the_calendar_header_is_english_in_english() {
    let h = flow_to_result(Lang::En);
    let s = h.screen();
    assert!(
        s.contains("January 2026") && s.contains("March 2026"),
        "{s}"
    );
    assert!(!s.contains("2026-1 "), "{s}");
}

/// Issue 14 (Languages): English readers get English for every sentence
/// the program writes: checklist items with the data's gloss, half-width
/// brackets, no "Now: Open:", no "Not stated in the source:" running into
/// Chinese, and once, plainly, why official names stay in Chinese.
#[test]
fn english_sentences_are_english_with_glosses_beside_the_chinese() {
    let mut h = Harness::with_policy_speaking(
        renewal_assistant::policy::PolicySet::embedded().unwrap(),
        Words::new(Lang::En),
    );
    h.typed("hx")
        .enter()
        .typed("1")
        .enter()
        .typed("tnb")
        .enter()
        .typed("2026-03-31")
        .enter()
        .enter()
        .enter();
    h.typed("4");
    let s = h.screen();
    assert!(
        s.contains("1. 身份证原件及复印件 (ID card, original and copy)"),
        "{s}"
    );
    h.typed("2");
    let s = h.screen();
    assert!(s.contains("stay in Chinese"), "{s}");
    let mut all = String::new();
    for tab in ["1", "2", "3", "4", "5"] {
        h.typed(tab);
        for _ in 0..40 {
            all.push_str(&h.screen());
            h.key(crossterm::event::KeyCode::Down);
        }
    }
    assert!(!all.contains("Now: Open:"), "{all}");
    assert!(!all.contains("【") && !all.contains("】"), "{all}");
    assert!(
        all.contains("操作 (summary on a third-party website"),
        "{all}"
    );
    // The source's own words are said to be in Chinese, not run into English.
    assert!(!all.contains("Not stated in the source: 来源"), "{all}");
    assert!(all.contains("Its note, in Chinese: 来源"), "{all}");
}

/// Issue 14 (Languages): zh-Hant UI text is already Traditional; the
/// display's conversion of the line it sits in must not change its words
/// (OpenCC read 只影響 as 隻影響, "a lone shadow affects"). Only the
/// Simplified examples a message quotes on purpose (青岛, 妈妈) and the
/// table's preferred forms (公佈, 臺) may differ.
#[test]
fn traditional_ui_text_survives_the_display_conversion() {
    use renewal_assistant::i18n::keys;
    let words = Words::new(Lang::ZhHant);
    let allowed = [
        ("公佈", "公布"),
        ("臺", "台"),
        ("青島", "青岛"),
        ("簡體", "简体"),
        ("媽媽", "妈妈"),
        ("職工醫保", "职工医保"),
        ("城鄉居民醫保", "城乡居民医保"),
    ];
    for key in keys(Lang::ZhHant) {
        let text = words.t(&key);
        let mut shown = words.data(text);
        for (traditional, original) in allowed {
            if text.contains(original) {
                shown = shown.replace(traditional, original);
            }
        }
        assert_eq!(shown, text, "{key}");
    }
}

/// Issue 14 (Screens): a wide screen keeps the window beside the tabs only
/// when all of it fits there; else the window tab scrolls, so no warning is
/// cut off (青岛 in English, with three long warnings, at 120x40).
#[test]
fn a_window_too_long_for_the_side_pane_is_never_cut_off() {
    let mut h = Harness::with_policy_speaking(
        renewal_assistant::policy::PolicySet::embedded().unwrap(),
        Words::new(Lang::En),
    );
    h.resize(120, 40);
    h.typed("qd")
        .enter()
        .typed("2")
        .enter()
        .typed("gxsb")
        .enter();
    h.typed("2026-03-31").enter().typed("1").enter().enter();
    h.typed("1");
    let mut seen = String::new();
    for _ in 0..30 {
        seen.push_str(&h.screen());
        h.key(crossterm::event::KeyCode::Down);
    }
    for warning in [
        "gives no renewal deadline",
        "settled directly across provinces",
        "The newest source for 青岛",
    ] {
        assert!(seen.contains(warning), "{warning}:\n{seen}");
    }
}

/// Issue 14 (Screens): a channel table whose heading wraps over many lines
/// (English glosses at 80 columns) keeps a short heading (the start of
/// each column's name) so the rows scrolled under it still show.
#[test]
fn a_tall_table_heading_is_kept_short_while_rows_scroll() {
    let mut h = Harness::with_policy_speaking(
        renewal_assistant::policy::PolicySet::embedded().unwrap(),
        Words::new(Lang::En),
    );
    h.typed("qd")
        .enter()
        .typed("2")
        .enter()
        .typed("gxsb")
        .enter();
    h.typed("2026-03-31").enter().typed("1").enter().enter();
    h.typed("3");
    for _ in 0..16 {
        h.key(crossterm::event::KeyCode::Down);
    }
    let s = h.screen();
    let rows: Vec<&str> = s.lines().collect();
    assert!(
        rows[3].contains("[In person]"),
        "the heading's first line:\n{s}"
    );
    assert!(rows[4].starts_with("+="), "then the rule under it:\n{s}");
    assert!(
        rows[5..21].iter().filter(|r| r.starts_with("| ")).count() >= 8,
        "{s}"
    );
}
