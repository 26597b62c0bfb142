//! The document model and its renderers, on the fixture policy set.

use crate::i18n::Words;
use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use super::text::{self, Glyphs, Layout, pad, wrap};
use super::*;
use crate::plan::{Answers, compute};
use crate::policy::Scheme;

fn plan(region: &str, disease: &str) -> RenewalPlan {
    let policy = crate::policy::fixture::policy();
    let answers = Answers {
        region: region.into(),
        scheme: Scheme::Employee,
        disease: disease.into(),
        validity_end: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
        cross_province: true,
        retired: false,
    };
    compute(
        &policy,
        &answers,
        NaiveDate::from_ymd_opt(2026, 5, 6).unwrap(),
    )
    .unwrap()
}

#[test]
fn sections_have_their_kinds_in_order() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let doc = build(&plan("fx-exact", "diabetes"), None, words);
    let kinds: Vec<SectionKind> = doc.sections.iter().map(|s| s.kind).collect();
    assert_eq!(kinds[0], SectionKind::Summary);
    assert_eq!(kinds[1], SectionKind::Window);
    assert!(kinds.contains(&SectionKind::Documents));
    assert!(!kinds.contains(&SectionKind::Checklist));
    assert_eq!(kinds.last(), Some(&SectionKind::Sources));
}

#[test]
fn plain_layout_never_hard_wraps_and_uses_words_for_marks() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let doc = build(&plan("fx-exact", "diabetes"), None, words);
    let out = text::render(&doc, Layout::plain(), words);
    for mark in ["☐", "☑", "►", "☎"] {
        assert!(!out.contains(mark), "{mark} in plain output:\n{out}");
    }
    assert!(out.contains(words.t("doc.word.todo")), "{out}");
    // Each paragraph is one line: a long Chinese sentence stays whole.
    let caution = &plan("fx-exact", "diabetes").caution;
    assert!(out.lines().any(|l| l.trim() == caution.as_str()), "{out}");
}

#[test]
fn ascii_layout_adds_only_ascii_marks() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let doc = build(&plan("fx-exact", "diabetes"), None, words);
    let layout = Layout {
        glyphs: Glyphs::Ascii,
        ..Layout::terminal(80)
    };
    let out = text::render(&doc, layout, words);
    for mark in ["☐", "☑", "►", "☎"] {
        assert!(!out.contains(mark), "{mark} in ascii output:\n{out}");
    }
    assert!(out.contains("[ ] 1. "), "{out}");
}

#[test]
fn wrapped_lines_fit_and_chinese_punctuation_never_starts_a_line() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let doc = build(&plan("fx-typical", "diabetes"), None, words);
    for width in [40, 61, 80] {
        for l in text::lines(&doc, Layout::terminal(width), words) {
            assert!(l.text.width() <= width, "{width}: {}", l.text);
            let first = l.text.trim_start().chars().next();
            assert!(
                !matches!(first, Some('，' | '。' | '、' | '；' | '：' | '）')),
                "{width}: {}",
                l.text
            );
        }
    }
}

/// Issue 14 (Modes): listings line up when names are wide: columns are
/// padded by display width to the widest cell.
#[test]
fn columns_line_up_by_display_width_with_wide_names() {
    let rows = vec![
        vec![
            "a".to_string(),
            "海西蒙古族藏族自治州".to_string(),
            "7".to_string(),
        ],
        vec!["bb".to_string(), "Qingdao".to_string(), "57".to_string()],
    ];
    let lines = text::columns(&rows);
    let at = |l: &str, cell: &str| l[..l.find(cell).unwrap()].width();
    assert_eq!(at(&lines[0], "7"), at(&lines[1], "57"), "{lines:?}");
    assert_eq!(at(&lines[0], "海西"), at(&lines[1], "Qingdao"), "{lines:?}");
}

// The text renderer's wrapping and padding (moved from plan::render with
// the plan shorthands).

#[test]
fn wrap_measures_cjk_by_display_width() {
    let lines = wrap("身份证原件及复印件", 8);
    assert_eq!(lines, vec!["身份证原", "件及复印", "件"]);
    for l in wrap("工作日 8:30-17:30 到医保科办理 original and copies", 12) {
        assert!(l.width() <= 12, "{l:?}");
    }
    assert_eq!(wrap("", 10), vec![""]);
    assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
    assert_eq!(
        wrap("一二三四，五", 8),
        vec!["一二三", "四，五"],
        "no line starts with ，"
    );
}

/// `wrap` without its shortcut for a paragraph that fits: every paragraph
/// laid out by textwrap (runs of ASCII kept whole).
fn wrap_by_textwrap(text: &str, width: usize) -> Vec<String> {
    let options = super::text::wrap_options(width);
    text.split('\n')
        .flat_map(|p| super::text::wrap_paragraph(p, &options))
        .collect()
}

mod wrap_props {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// A paragraph that fits takes the shortcut; it must lay out as
        /// textwrap would (and so must every other).
        #[test]
        fn wrap_lays_out_as_textwrap_does(
            text in proptest::collection::vec(
                prop_oneof![
                    Just("身"), Just("份证"), Just("，"), Just("。"), Just("（"), Just("）"),
                    Just(" "), Just("  "), Just("\t"), Just("\u{3000}"), Just("\n"),
                    Just("a"), Just("word"), Just("8:30-17:30"), Just("☐"), Just("·"),
                    Just("“"), Just("”"), Just("-"), Just("/"), Just("\u{200b}"), Just("😀"),
                ],
                0..40,
            ).prop_map(|parts| parts.concat()),
            width in 0usize..40,
        ) {
            prop_assert_eq!(super::wrap(&text, width), super::wrap_by_textwrap(&text, width));
        }
    }
}

#[test]
fn every_line_of_every_plan_fits_the_width() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    // The fixture set and the shipped data: wrapping is a rule whatever
    // the text.
    let today = NaiveDate::from_ymd_opt(2026, 5, 6).unwrap();
    for policy in [
        crate::policy::fixture::policy(),
        crate::policy::PolicySet::embedded().unwrap(),
    ] {
        for region in &policy.regions {
            let answers = crate::plan::Answers {
                region: region.id.clone(),
                scheme: crate::policy::Scheme::Employee,
                disease: region.diseases[0].id.clone(),
                validity_end: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
                cross_province: true,
                retired: false,
            };
            let plan = crate::plan::compute(&policy, &answers, today).unwrap();
            for width in [60, 79, 100, 119] {
                for line in plan_text(&plan, width, words).lines() {
                    assert!(
                        line.width() <= width,
                        "{} at {width}: {} columns: {line}",
                        region.id,
                        line.width()
                    );
                }
            }
        }
    }
}

#[test]
fn pad_uses_display_width() {
    assert_eq!(pad("海西", 6), "海西  ");
    assert_eq!(pad("toolong", 3), "toolong");
}

/// A plan whose first channel's `where` is `field`, laid out at width 80 on
/// a thread; None when it took longer than `limit` (the thread is left to
/// finish alone, so a regression fails instead of hanging the suite).
fn laid_out_within(field: String, limit: std::time::Duration, words: Words) -> Option<String> {
    let mut p = plan("fx-exact", "diabetes");
    p.channels[0].location = field;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(plan_text(&p, 80, words));
    });
    rx.recv_timeout(limit).ok()
}

/// Layout is linear in an unbreakable run: a 1 MiB field (the pack limit)
/// lays out within `LAYOUT_1MIB_LIMIT` in a test build. `benches/plan.rs`
/// measures it ("lay out a plan with a 1 MiB unbreakable field").
#[test]
fn a_one_mib_unbreakable_field_lays_out_in_bounded_time() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    for (unit, n) in [("a", 1 << 20), ("中", (1 << 20) / 3)] {
        let field = unit.repeat(n);
        let out = laid_out_within(field, super::LAYOUT_1MIB_LIMIT, words).unwrap_or_else(|| {
            panic!(
                "{unit} x {n}: not laid out in {:?}",
                super::LAYOUT_1MIB_LIMIT
            )
        });
        // Nothing lost, nothing past the width.
        assert!(out.matches(unit).count() >= n, "{unit}: text lost");
        assert!(
            out.lines().all(|l| l.width() <= 80),
            "{unit}: a line past 80"
        );
    }
}

/// Issue 26: never break inside a time, a number, a Latin word or a URL
/// (unless it is wider than the line); no line starts with ；or ” — in
/// paragraphs and in table cells (青岛's table split 8:30-17:0 / 0受理).
#[test]
fn lines_never_break_inside_times_numbers_latin_words_or_urls() {
    let words = crate::i18n::Words::new(crate::i18n::Lang::ZhHans);
    let whole = |lines: &[String], token: &str| lines.iter().any(|l| l.contains(token));
    let lines = wrap("只在工作日8:30-17:00受理；需要下载APP并注册", 10);
    assert!(whole(&lines, "8:30-17:00"), "{lines:?}");
    assert!(whole(&lines, "APP"), "{lines:?}");
    let lines = wrap(
        "电话0532-12393，详见 https://ybj.qingdao.gov.cn/n1.html 的通知",
        40,
    );
    assert!(
        whole(&lines, "https://ybj.qingdao.gov.cn/n1.html"),
        "{lines:?}"
    );
    assert!(whole(&lines, "0532-12393"), "{lines:?}");
    // Wide enough for its longest unbreakable piece (心”APP；); narrower
    // must cut somewhere.
    for width in [9, 12, 17, 23] {
        for l in wrap("来源未说明“健康服务中心”APP；窗口复核（线下）。", width)
        {
            let first = l.chars().next();
            assert!(
                !matches!(first, Some('；' | '”' | '，' | '。' | '）')),
                "{width}: {l:?}"
            );
            assert!(!l.ends_with('“') && !l.ends_with('（'), "{width}: {l:?}");
            assert!(l.width() <= width, "{width}: {l:?}");
        }
    }
    // A run wider than the line is still cut to fit.
    for l in wrap(&"x".repeat(30), 8) {
        assert!(l.width() <= 8, "{l:?}");
    }
    // Table cells follow the same rules.
    let table = Table {
        headers: vec!["线下".into(), "线上".into(), "平度".into()],
        rows: vec![(
            "缺点".into(),
            vec![
                "需要到窗口跑一趟；一般病种要等7个工作日".into(),
                "初审后仍须到窗口复核一次".into(),
                "只在工作日8:30-17:00受理；需要下载APP并注册".into(),
            ],
        )],
    };
    let doc = Document {
        title: String::new(),
        sections: vec![Section {
            kind: SectionKind::Channels,
            blocks: vec![Block::Table(table)],
        }],
    };
    let out: Vec<String> = text::lines(&doc, Layout::terminal(80), words)
        .into_iter()
        .map(|l| l.text)
        .collect();
    let all = out.join("\n");
    assert!(all.contains("8:30-17:00"), "{all}");
    assert!(all.contains("APP"), "{all}");
    for l in &out {
        assert!(l.width() <= 80, "{l}");
        for cell in l.split('|') {
            let first = cell.trim_start().chars().next();
            assert!(!matches!(first, Some('；' | '”')), "{all}");
        }
    }
}
