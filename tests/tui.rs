//! The wizard without a terminal: whole key sequences through `update`,
//! effects performed against a temp store, screens drawn on `TestBackend`
//! and pinned with insta at 80x24 (the result also at 120x40), on the
//! fixture policy set (甲乙丙丁市 of 示例省; see `tests/common/mod.rs`).

mod common;

use chrono::NaiveDate;
use common::*;
use crossterm::event::KeyCode;
use renewal_assistant::tui::app::{Msg, Page, Question, Tab};
use renewal_assistant::tui::theme::Theme;

#[test]
fn first_run_opens_the_first_question_at_once() {
    let h = Harness::new();
    assert_eq!(h.app.page(), Page::Question(Question::Region));
    let s = h.screen();
    assert!(s.contains("第 1 步，共 5 步"));
    assert!(s.contains("您在哪个地区参保？"));
}

#[test]
fn a_complete_flow_saves_the_checklist_and_ticks_it() {
    let mut h = Harness::new();
    h.answer_all();
    assert_eq!(
        h.app.page(),
        Page::Review {
            editing_label: false
        }
    );
    // The confirm row is selected: Enter makes the plan and saves it.
    h.enter();
    assert_eq!(h.app.page(), Page::Result);
    let files = h.saved_files();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["answers"]["region"], "fx-exact");
    assert_eq!(
        files[0]["label"], "糖尿病",
        "default label from the disease"
    );
    assert!(
        h.screen()
            .contains("离最晚申请日还剩 68 天（离申请期结束还剩 75 天）")
    );
    // Checklist tab, tick the second item with Space.
    h.typed("4").key(KeyCode::Down).typed(" ");
    let files = h.saved_files();
    let done: Vec<&str> = files[0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["done"] == true)
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(done, vec!["doc:insurance-card"]);
    assert!(h.screen().contains("清单 1/7"));
    // Untick.
    h.typed(" ");
    assert!(
        h.saved_files()[0]["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["done"] == false)
    );
}

#[test]
fn every_region_in_the_data_completes() {
    let policy = fixture_policy();
    for (i, region) in policy.regions.iter().enumerate() {
        for scheme in ["1", "2"] {
            let mut h = Harness::new();
            h.typed(&(i + 1).to_string()).enter().typed(scheme).enter();
            if h.app.page() == Page::Question(Question::Retired) {
                h.typed("1").enter();
            }
            assert_eq!(
                h.app.page(),
                Page::Question(Question::Disease),
                "{}",
                region.id
            );
            h.key(KeyCode::End)
                .enter()
                .typed("20260630")
                .enter()
                .typed("1")
                .enter();
            assert_eq!(
                h.app.page(),
                Page::Review {
                    editing_label: false
                },
                "{}",
                region.id
            );
            h.enter();
            assert_eq!(h.app.page(), Page::Result, "{}", region.id);
            let view = h.app.result().unwrap();
            assert_eq!(view.plan().region.id, region.id);
            assert_eq!(view.plan().disease.id, region.diseases.last().unwrap().id);
            assert!(view.plan().cross_province);
            assert!(view.checklist().is_some(), "saved for {}", region.id);
            // Each tab shows its own content, not just the header: a blank
            // or wrong pane fails here.
            let plan = view.plan().clone();
            let list = view.checklist().unwrap().clone();
            let heading = |key: &str| ZH.t(key).to_string();
            let start = |text: &str| text.chars().take(5).collect::<String>();
            let first_item =
                renewal_assistant::checklist::item_text(&list.items[0], &list.window, today(), ZH);
            let tabs: [(&str, Vec<String>); 5] = [
                (
                    "1",
                    // No window where none is needed: the status says so.
                    match &plan.window {
                        Some(w) => vec![w.opens.to_string(), w.closes.to_string()],
                        None => vec![renewal_assistant::plan::render::status_words(&plan, ZH)],
                    },
                ),
                (
                    "2",
                    vec![
                        heading("plan.section.documents"),
                        start(&plan.documents[0].name),
                    ],
                ),
                ("3", vec![heading("plan.section.channels")]),
                ("4", vec![start(&first_item)]),
                (
                    "5",
                    vec![heading(if plan.example_figures.is_some() {
                        "plan.section.examples"
                    } else if !plan.notes.is_empty() {
                        "plan.section.notes"
                    } else {
                        "plan.section.sources"
                    })],
                ),
            ];
            for (tab, wants) in tabs {
                h.typed(tab);
                let s = h.screen();
                let head = s.lines().next().unwrap();
                assert!(head.contains(&region.short_name), "{} tab {tab}", region.id);
                // The pane: below the tab row, above the message and the keys.
                let rows: Vec<&str> = s.lines().collect();
                let pane = rows[2..rows.len() - 2].join("\n");
                for want in &wants {
                    assert!(
                        pane.contains(want.as_str()),
                        "{} tab {tab}: {want}\n{s}",
                        region.id
                    );
                }
            }
        }
    }
}

#[test]
fn back_keeps_every_answer() {
    let mut h = Harness::new();
    h.typed("js")
        .enter()
        .typed("1")
        .enter()
        .typed("tnb")
        .enter()
        .typed("2026-03-31")
        .enter();
    assert_eq!(h.app.page(), Page::Question(Question::Cross));
    h.esc();
    assert_eq!(h.app.page(), Page::Question(Question::End));
    assert_eq!(h.app.date_text(), "2026-03-31", "the date is still there");
    h.esc().esc().esc();
    assert_eq!(h.app.page(), Page::Question(Question::Region));
    assert_eq!(
        h.app.region_choices()[h.app.visible_options(Question::Region)[h.app.selected()]],
        h.app.draft().region.clone().unwrap(),
        "on the chosen region"
    );
    h.esc();
    assert_eq!(
        h.app.page(),
        Page::Question(Question::Region),
        "nothing before the first question"
    );
    // Forward again with Enter only: every answer is kept.
    h.enter().enter().enter().enter().enter();
    assert_eq!(
        h.app.page(),
        Page::Review {
            editing_label: false
        }
    );
    let d = h.app.draft();
    assert_eq!(h.app.region().unwrap().id, "fx-exact");
    assert_eq!(d.end, NaiveDate::from_ymd_opt(2026, 3, 31));
    assert_eq!(
        h.app.region().unwrap().diseases[d.disease.unwrap()].id,
        "diabetes"
    );
}

#[test]
fn changing_an_answer_from_the_review_page_returns_there() {
    let mut h = Harness::new();
    h.answer_all();
    // Row 3 is the disease.
    h.typed("3").enter();
    assert_eq!(h.app.page(), Page::Question(Question::Disease));
    h.typed("gxy").enter();
    assert_eq!(
        h.app.page(),
        Page::Review {
            editing_label: false
        }
    );
    assert!(h.screen().contains("高血压"));
    // Changing the region needs a new disease, then back to the review.
    h.typed("1").enter().typed("丙市").enter();
    assert_eq!(h.app.page(), Page::Question(Question::Disease));
    h.typed("白血病").enter();
    assert_eq!(
        h.app.page(),
        Page::Review {
            editing_label: false
        }
    );
    assert!(h.screen().contains("示例省丙市"));
    // Esc from a question opened from the review goes back to the review.
    h.typed("4").enter().esc();
    assert_eq!(
        h.app.page(),
        Page::Review {
            editing_label: false
        }
    );
}

#[test]
fn a_shortened_label_shows_no_tail_of_the_old_row() {
    let mut h = Harness::new();
    h.answer_all();
    h.key(KeyCode::Up).enter();
    for _ in 0..3 {
        h.key(KeyCode::Backspace);
    }
    h.typed("妈妈");
    let s = h.screen();
    let row = s.lines().find(|l| l.contains("清单标签")).unwrap();
    assert!(row.trim_end().ends_with("妈妈"), "{row:?}");
}

#[test]
fn the_label_can_be_set_and_is_never_a_number() {
    let mut h = Harness::new();
    h.answer_all();
    h.key(KeyCode::Up).enter();
    assert_eq!(
        h.app.page(),
        Page::Review {
            editing_label: true
        }
    );
    for _ in 0..5 {
        h.key(KeyCode::Backspace);
    }
    h.typed("13800138000").enter();
    assert!(h.app.message().unwrap().1.contains("不要写证件号"));
    assert_eq!(
        h.app.page(),
        Page::Review {
            editing_label: true
        }
    );
    for _ in 0..11 {
        h.key(KeyCode::Backspace);
    }
    h.typed("妈妈").enter().key(KeyCode::Down).enter();
    assert_eq!(h.saved_files()[0]["label"], "妈妈");
}

#[test]
fn validation_messages_keep_what_was_typed() {
    let mut h = Harness::new();
    h.typed("js").enter().typed("1").enter();
    // A disease filter that matches nothing keeps the text and says so;
    // where the region has an open entry it is offered (issue 20).
    h.typed("zzzz");
    assert_eq!(h.app.visible_options(Question::Disease).len(), 1);
    assert!(h.screen().contains("本程序不认识“zzzz”"), "{}", h.screen());
    assert_eq!(h.app.filter_text(), "zzzz");
    h.esc().esc();
    assert_eq!(h.app.page(), Page::Question(Question::Region));
    h.typed("js").enter();
    h.typed("7");
    assert!(h.app.message().unwrap().1.contains("1 到 2"));
    h.typed("1")
        .enter()
        .typed("tnb")
        .enter()
        .typed("2026-02-30")
        .enter();
    assert_eq!(h.app.page(), Page::Question(Question::End));
    assert_eq!(h.app.date_text(), "2026-02-30");
    assert!(
        h.screen()
            .contains("2026年2月没有 30 日：这个月只有 1 到 28 日")
    );
    h.key(KeyCode::Backspace)
        .key(KeyCode::Backspace)
        .typed("28");
    assert!(h.screen().contains("2026-02-28 星期六，44 天后"));
    h.enter();
    assert_eq!(h.app.page(), Page::Question(Question::Cross));
    h.esc();
    for input in ["", "2026-13-01", "nonsense"] {
        h.key(KeyCode::End);
        for _ in 0..20 {
            h.key(KeyCode::Backspace);
        }
        h.typed(input).enter();
        assert_eq!(h.app.page(), Page::Question(Question::End), "{input:?}");
        assert!(h.app.message().is_some(), "{input:?}");
    }
}

/// Issue 14: a region that is not found offers the way on. Typing a
/// name no place has lists the generic entry, the hint says Enter takes
/// it, and Enter does (it showed an empty list that Enter refused).
#[test]
fn a_place_not_found_offers_the_generic_plan() {
    let mut h = Harness::new();
    h.typed("atlantis");
    let visible = h.app.visible_options(Question::Region);
    assert_eq!(visible.len(), 1);
    assert_eq!(h.app.region_choices()[visible[0]].key, "generic");
    let s = h.screen();
    assert!(
        s.contains("没有“atlantis”：可打全拼(changsha)或首字母(cs)；Enter 看“其他地区（通用）”"),
        "{s}"
    );
    assert!(s.contains("其他地区（通用） · 门诊慢特病"), "{s}");
    h.enter();
    assert_eq!(h.app.page(), Page::Question(Question::Scheme));
    assert_eq!(h.app.draft().region.as_ref().unwrap().key, "generic");
}

/// Issue 14: `xi` listed 青岛 (alias 西海岸新区) above 海西 and 西安,
/// whose own names hold it.
#[test]
fn typing_lists_name_matches_before_alias_matches() {
    // On the shipped data: 青岛's alias 西海岸新区 is the case.
    let mut h = Harness::with_policy(renewal_assistant::policy::PolicySet::embedded().unwrap());
    h.typed("xi");
    let keys: Vec<String> = h
        .app
        .visible_options(Question::Region)
        .iter()
        .map(|&i| h.app.region_choices()[i].key.clone())
        .collect();
    let at = |k: &str| {
        keys.iter()
            .position(|x| x == k)
            .unwrap_or_else(|| panic!("{k}: {keys:?}"))
    };
    assert!(at("qinghai-haixi") < at("shandong-qingdao"), "{keys:?}");
    // 西安 has data of its own now: its key is its region's id.
    assert!(
        at("shaanxi-xian") < at("shandong-qingdao"),
        "西安: {keys:?}"
    );
}

/// Issue 12: every place is found by typing (Chinese, Traditional, full
/// pinyin, initials); places without data are listed after the regions
/// with data and carry no number; the plan names the person's place.
#[test]
fn every_place_is_found_by_typing_and_named_in_the_plan() {
    let mut h = Harness::new();
    let listed = h.app.visible_options(Question::Region).len();
    assert_eq!(
        listed,
        h.app.policy().regions.len(),
        "only places with data are listed"
    );
    // (A code is typed in `--region`: here digits pick listed numbers.)
    for typed in ["石家庄", "shijiazhuang", "sjz", "河北省石家庄市"] {
        for _ in 0..20 {
            h.key(KeyCode::Backspace);
        }
        h.typed(typed);
        let first = h.app.visible_options(Question::Region)[0];
        assert_eq!(h.app.region_choices()[first].key, "130100", "{typed}");
    }
    for (typed, code) in [("長沙", "430100"), ("恩施", "422800"), ("内蒙古", "150000")] {
        for _ in 0..20 {
            h.key(KeyCode::Backspace);
        }
        h.typed(typed);
        let first = h.app.visible_options(Question::Region)[0];
        assert_eq!(h.app.region_choices()[first].key, code, "{typed}");
    }
    for _ in 0..20 {
        h.key(KeyCode::Backspace);
    }
    h.typed("sjz");
    let s = h.screen();
    // No number: numbers pick the listed regions only.
    assert!(
        s.contains("河北省石家庄市 · 本程序还没有当地资料（通用做法）"),
        "{s}"
    );
    assert!(!s.contains(". 河北省石家庄市"), "{s}");
    h.enter();
    assert_eq!(h.app.page(), Page::Question(Question::Scheme));
    h.typed("1")
        .enter()
        .typed("gxy")
        .enter()
        .typed("2026-03-31")
        .enter()
        .typed("2")
        .enter();
    assert_eq!(
        h.app.page(),
        Page::Review {
            editing_label: false
        }
    );
    assert!(h.screen().contains("河北省石家庄市"), "{}", h.screen());
    h.enter();
    assert_eq!(h.app.page(), Page::Result);
    let s = h.screen();
    assert!(s.lines().next().unwrap().starts_with(" 石家庄 · "), "{s}");
    assert!(
        s.contains("河北省石家庄市 · 本程序还没有当地的续期资料：以下是通用做法"),
        "{s}"
    );
    assert_eq!(h.saved_files()[0]["answers"]["region"], "130100");
    assert_eq!(h.saved_files()[0]["region_name"], "河北省石家庄市");
}

#[test]
fn lists_filter_by_chinese_pinyin_initials_and_ids() {
    let mut h = Harness::new();
    for (typed, want) in [
        ("jiashi", "fx-exact"),
        ("js", "fx-exact"),
        ("丙市", "fx-assumed"),
        ("甲市辖区", "fx-exact"),
        ("dingshi", "fx-six"),
        ("fx-typical", "fx-typical"),
    ] {
        for _ in 0..20 {
            h.key(KeyCode::Backspace);
        }
        h.typed(typed);
        let first = h.app.visible_options(Question::Region)[0];
        assert_eq!(h.app.policy().regions[first].id, want, "{typed}");
    }
    // q is a letter while typing: it filters, it does not quit.
    for _ in 0..20 {
        h.key(KeyCode::Backspace);
    }
    h.typed("bsq");
    assert!(!h.quit);
    for _ in 0..3 {
        h.key(KeyCode::Backspace);
    }
    h.typed("bs");
    h.enter().typed("2").enter();
    h.typed("dx");
    let region = h.app.region().unwrap();
    let first = h.app.visible_options(Question::Disease)[0];
    assert_eq!(region.diseases[first].id, "epilepsy");
}

/// Issue 26 point 4: the question filter is a field like the others: Ctrl-U
/// clears it, Ctrl-A / Home and Ctrl-E / End move its caret, as in a shell,
/// on the region and the disease step, at a kiosk too.
#[test]
fn the_question_filter_clears_with_ctrl_u_and_moves_with_ctrl_a_and_ctrl_e() {
    let mut h = Harness::new();
    h.typed("jiashi").ctrl('u');
    assert_eq!(h.app.filter_text(), "");
    h.typed("iashi").ctrl('a').typed("j");
    assert_eq!(h.app.filter_text(), "jiashi");
    h.ctrl('e').typed("x");
    assert_eq!(h.app.filter_text(), "jiashix");
    h.key(KeyCode::Home).typed("y");
    assert_eq!(h.app.filter_text(), "yjiashix");
    h.key(KeyCode::End).key(KeyCode::Backspace);
    assert_eq!(h.app.filter_text(), "yjiashi");
    h.ctrl('u').typed("jiashi").enter().typed("1").enter();
    assert!(h.on(Page::Question(Question::Disease)), "{}", h.screen());
    h.typed("nb").ctrl('a').typed("t");
    assert_eq!(h.app.filter_text(), "tnb");
    h.ctrl('u');
    assert_eq!(h.app.filter_text(), "");
    let mut k = Harness::kiosk();
    k.typed("jiashi").ctrl('a').typed("x");
    assert_eq!(k.app.filter_text(), "xjiashi");
    k.ctrl('u');
    assert_eq!(k.app.filter_text(), "");
}

#[test]
fn a_paste_goes_into_the_field_without_control_characters() {
    let mut h = Harness::new();
    h.send(Msg::Paste("甲市\u{1b}[2J".into()));
    assert_eq!(h.app.filter_text(), "甲市[2J");
    for _ in 0..4 {
        h.key(KeyCode::Backspace);
    }
    h.enter().typed("1").enter().typed("tnb").enter();
    h.send(Msg::Paste("２０２６年３月３１日\n".into()));
    assert_eq!(
        h.app.date_reading(),
        Ok(NaiveDate::from_ymd_opt(2026, 3, 31).unwrap())
    );
}

#[test]
fn quitting() {
    let mut h = Harness::new();
    h.ctrl('c');
    assert!(h.quit, "Ctrl-C quits anywhere");
    let mut h = Harness::new();
    h.typed("js").enter().typed("q");
    assert!(h.quit, "q quits when not typing");
}

#[test]
fn the_home_list_reopens_a_saved_plan() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().to_path_buf();
    let mut h = Harness::in_dir(tmp);
    h.answer_all();
    h.enter().typed("4").typed(" ");
    let tmp = h._tmp;
    let mut h = Harness::in_dir(tmp);
    assert_eq!(h.app.page(), Page::Home);
    let s = h.screen();
    assert!(s.contains("新建续期计划"));
    assert!(
        s.contains("● 68天内申请（75天到期）  1/7    糖尿病 · 到期 2026-03-31 · 示例省甲市"),
        "{s}"
    );
    h.key(KeyCode::Down).enter();
    assert_eq!(h.app.page(), Page::Result);
    assert!(h.checklist().items[0].done);
    h.esc();
    assert_eq!(h.app.page(), Page::Home);
    h.key(KeyCode::Up).enter();
    assert_eq!(h.app.page(), Page::Question(Question::Region));
    h.esc();
    assert_eq!(
        h.app.page(),
        Page::Home,
        "back from the first question goes home"
    );
    assert!(path.exists());
}

#[test]
fn mouse_clicks_choose_and_tick() {
    let mut h = Harness::new();
    // Region list starts at row 6; option 2 is 甲市.
    h.click(10, 7);
    assert_eq!(h.app.page(), Page::Question(Question::Scheme));
    h.click(10, 4);
    assert_eq!(h.app.page(), Page::Question(Question::Disease));
    h.click(10, 7);
    assert_eq!(
        h.app.region().unwrap().diseases[h.app.draft().disease.unwrap()].id,
        "diabetes"
    );
    h.typed("2026-03-31").enter().enter().enter();
    // Tabs on row 1: click 清单.
    let x = renewal_assistant::tui::layout::tab_spans(&h.app.shown())
        .iter()
        .find(|(t, ..)| *t == Tab::Checklist)
        .unwrap()
        .2
        + 1;
    h.click(x, 1);
    assert_eq!(h.app.result().unwrap().tab(), Tab::Checklist);
    // First item is on row 3.
    h.click(10, 3);
    assert!(h.saved_files()[0]["items"][0]["done"] == true);
    h.click(10, 3);
    assert!(h.saved_files()[0]["items"][0]["done"] == false);
}

#[test]
fn any_size_draws_and_too_small_asks_for_more() {
    let mut h = Harness::new();
    h.answer_all();
    h.enter();
    for (w, h2) in [
        (1, 1),
        (10, 3),
        (59, 30),
        (80, 17),
        (60, 18),
        (80, 24),
        (120, 40),
        (300, 100),
    ] {
        h.resize(w, h2);
        let s = h.screen();
        if w < 60 || h2 < 18 {
            assert!(s.contains("窗口太小") || w < 20, "{w}x{h2}: {s}");
        } else {
            assert!(s.contains("甲市 · 职工医保 · 糖尿病"), "{w}x{h2}");
        }
    }
}

#[test]
fn help_shows_every_key_and_any_key_closes_it() {
    let mut h = Harness::new();
    h.typed("?");
    assert!(h.app.help_shown());
    let s = h.screen();
    assert!(s.contains("按键说明") && s.contains("Esc") && s.contains("空格"));
    h.typed("x");
    assert!(!h.app.help_shown());
    assert_eq!(h.app.filter_text(), "", "the closing key is not typed");
}

// ---- snapshots -------------------------------------------------------

fn snap(name: &str, h: &Harness) {
    insta::assert_snapshot!(name, h.screen());
}

#[test]
fn snapshots_of_every_screen_at_80x24() {
    let mut h = Harness::new();
    snap("01_region", &h);
    h.typed("js");
    snap("02_region_filtered", &h);
    h.enter();
    snap("03_scheme", &h);
    h.typed("1").enter();
    snap("04_disease", &h);
    h.typed("tnb").enter();
    snap("05_date_empty", &h);
    h.typed("2026-02-30");
    snap("06_date_invalid", &h);
    h.key(KeyCode::Backspace)
        .key(KeyCode::Backspace)
        .typed("28");
    snap("07_date_understood", &h);
    h.enter();
    snap("08_cross", &h);
    h.enter();
    snap("09_review", &h);
    h.key(KeyCode::Up).enter();
    snap("10_review_label", &h);
    h.esc().key(KeyCode::Down).enter();
    assert_eq!(h.app.page(), Page::Result);
    for (i, name) in [
        "11_result_window",
        "12_result_documents",
        "13_result_channels",
        "14_result_checklist",
        "15_result_sources",
    ]
    .iter()
    .enumerate()
    {
        h.typed(&(i + 1).to_string());
        snap(name, &h);
    }
    h.typed("?");
    snap("16_help", &h);
    h.typed("x");
    h.resize(50, 10);
    snap("17_too_small", &h);
}

#[test]
fn snapshot_of_the_retired_question() {
    let mut h = Harness::new();
    h.typed("乙市").enter().typed("1").enter();
    assert_eq!(h.app.page(), Page::Question(Question::Retired));
    snap("18_retired", &h);
}

#[test]
fn snapshot_of_the_home_list() {
    let mut h = Harness::new();
    h.answer_all();
    h.enter();
    let tmp = h._tmp;
    let h = Harness::in_dir(tmp);
    snap("19_home", &h);
}

#[test]
fn snapshots_of_the_result_at_120x40() {
    let mut h = Harness::new();
    h.resize(120, 40);
    h.answer_all();
    h.enter();
    snap("20_result_wide", &h);
    h.typed("3");
    snap("21_result_wide_channels", &h);
    // The rules that do not fit the window pane lead the sources tab.
    h.typed("5");
    let s = h.screen();
    assert!(s.contains("逾期后果") && s.contains("续期周期"), "{s}");
}

#[test]
fn snapshot_in_ascii_without_colour() {
    let mut h = Harness::new();
    h.answer_all();
    h.enter().typed("4").typed("?");
    insta::assert_snapshot!(
        "22_ascii_help",
        h.screen_with(&Theme {
            color: false,
            ascii: true,
            high_contrast: false
        })
    );
}

/// A tick that cannot be stored is not shown as done.
#[test]
fn a_tick_that_fails_to_save_is_not_shown_as_done() {
    let mut h = Harness::new();
    h.answer_all();
    h.enter();
    // The file goes away under the wizard (deleted from another window).
    for e in std::fs::read_dir(h.store.dir()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            std::fs::remove_file(p).unwrap();
        }
    }
    h.typed("4").typed(" ");
    assert!(!h.checklist().items[0].done, "the tick was not stored");
    assert!(
        h.app.message().unwrap().1.contains("保存失败"),
        "{:?}",
        h.app.message()
    );
    assert!(h.screen().contains("已完成 0/"), "{}", h.screen());
}

/// Issue 11 §4: a closed window's result screen says what that means now,
/// not a past "apply by" date.
#[test]
fn an_expired_plan_says_what_to_do_now_on_the_window_tab() {
    let mut h = Harness::new();
    h.typed("js")
        .enter()
        .typed("1")
        .enter()
        .typed("tnb")
        .enter()
        .typed("2025-12-31")
        .enter()
        .enter()
        .enter();
    h.resize(120, 40);
    let s = h.screen();
    assert!(s.contains("申请期已于 2025-12-31 关闭"), "{s}");
    assert!(!s.contains("建议最晚："), "{s}");
}

#[test]
fn numbers_of_ten_and_more_pick_that_item() {
    // 丙市 with a list as long as 青岛's (57 diseases).
    let mut policy = fixture_policy();
    let qingdao = policy
        .regions
        .iter()
        .position(|r| r.id == "fx-assumed")
        .unwrap();
    let list = &mut policy.regions[qingdao].diseases;
    let model = list[0].clone();
    for n in list.len()..57 {
        list.push(renewal_assistant::policy::Disease {
            id: format!("disease-{n}"),
            name: format!("病种{n}"),
            aliases: vec![],
            ..model.clone()
        });
    }
    let diseases = policy.regions[qingdao].diseases.clone();
    assert_eq!(diseases.len(), 57);
    let long_list = || Harness::with_policy(policy.clone());
    // Issue 20: digits highlight, Enter confirms. "12" highlights item 12
    // (not item 1 with "2" left for the date), Enter takes it.
    let mut h = long_list();
    h.typed(&(qingdao + 1).to_string())
        .enter()
        .typed("1")
        .enter();
    assert_eq!(h.app.page(), Page::Question(Question::Disease));
    h.typed("12");
    assert_eq!(h.app.page(), Page::Question(Question::Disease));
    assert_eq!(h.app.selected(), 11);
    h.enter();
    assert_eq!(h.app.page(), Page::Question(Question::End));
    assert_eq!(h.app.draft().disease, Some(11));
    assert_eq!(h.app.date_text(), "", "no digit leaks into the date");
    // "1" waits with item 1 highlighted; Enter picks it.
    let mut h = long_list();
    h.typed(&(qingdao + 1).to_string())
        .enter()
        .typed("1")
        .enter()
        .typed("1");
    assert_eq!(h.app.page(), Page::Question(Question::Disease));
    assert_eq!(h.app.selected(), 0);
    assert!(h.screen().contains("按 Enter"), "{}", h.screen());
    h.enter();
    assert_eq!(h.app.draft().disease, Some(0));
    assert_eq!(h.app.page(), Page::Question(Question::End));
    // A number no longer possible (6x of 57) still waits: "57" is the last,
    // highlighted, and a digit after it starts a new number.
    let mut h = long_list();
    h.typed(&(qingdao + 1).to_string())
        .enter()
        .typed("1")
        .enter()
        .typed(&diseases.len().to_string());
    assert_eq!(h.app.page(), Page::Question(Question::Disease));
    assert_eq!(h.app.selected(), diseases.len() - 1);
    h.typed("3");
    assert_eq!(h.app.selected(), 2);
    h.typed("0").enter();
    assert_eq!(h.app.draft().disease, Some(29));
    // Help says how to type a longer number.
    let mut h = Harness::new();
    h.typed("?");
    assert!(h.screen().contains("10 以上"), "{}", h.screen());
}

#[test]
fn the_progress_bar_counts_both_ends_of_the_window() {
    // 甲市: 2025-12-31 to 2026-03-31 is 91 days; 15 gone, today, 75 left.
    let mut h = Harness::new();
    h.answer_all().enter();
    let view = h.app.result().unwrap();
    let w = view.plan().window.as_ref().unwrap();
    let total = (w.closes - w.opens).num_days() + 1;
    assert_eq!(total, 91);
    let s = h.screen();
    assert!(s.contains("已过 15 天，共 91 天"), "{s}");
    assert!(
        s.contains("离最晚申请日还剩 68 天（离申请期结束还剩 75 天）"),
        "{s}"
    );
}

/// The wizard and the plain prompts walk one question sequence
/// (`wizard.rs`): a region change clears the disease (another list) but
/// keeps whether the person is retired, in both.
#[test]
fn the_retired_answer_survives_a_region_change() {
    let mut h = Harness::new();
    h.typed("乙市").enter().typed("1").enter();
    assert_eq!(h.app.page(), Page::Question(Question::Retired));
    h.typed("1").enter();
    assert_eq!(h.app.page(), Page::Question(Question::Disease));
    h.esc().esc().esc();
    assert_eq!(h.app.page(), Page::Question(Question::Region));
    // Over to 甲市 (which does not ask), then back to 乙市.
    h.typed("js").enter().enter();
    assert_eq!(h.app.page(), Page::Question(Question::Disease));
    h.esc().esc();
    h.typed("乙市").enter().enter();
    assert_eq!(h.app.page(), Page::Question(Question::Retired));
    assert_eq!(h.app.draft().retired, Some(true), "the answer is kept");
    assert_eq!(h.app.selected(), 0, "and offered as the choice");
    assert_eq!(h.app.draft().disease, None, "the disease was 甲市's");
}

/// Display columns of the box-drawing edges in a read-back row.
fn edge_columns(row: &str) -> Vec<usize> {
    let mut col = 0;
    let mut out = Vec::new();
    for c in row.chars() {
        if "│┌┐└┘|+".contains(c) {
            out.push(col);
        }
        col += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    }
    out
}

/// Every row of a popup has both borders where its top row has its corners.
fn assert_popup_whole(screen: &str) {
    let rows: Vec<&str> = screen.lines().collect();
    let top = rows
        .iter()
        .position(|r| r.contains('┌'))
        .unwrap_or_else(|| panic!("no popup:\n{screen}"));
    let corners = edge_columns(rows[top]);
    let (left, right) = (corners[0], corners[corners.len() - 1]);
    for row in &rows[top + 1..] {
        let edges = edge_columns(row);
        assert!(
            edges.contains(&left) && edges.contains(&right),
            "a popup row lost an edge (want {left} and {right}):\n{screen}"
        );
        if row.contains('└') {
            break;
        }
    }
}

#[test]
fn popups_over_chinese_text_keep_both_borders() {
    let mut h = Harness::new();
    // Help over the region list, whose names straddle the popup's edges.
    h.typed("?");
    assert_popup_whole(&h.screen());
    h.typed("x").typed("js").enter().typed("1");
    h.typed("?");
    assert_popup_whole(&h.screen());
    // The idle kiosk's countdown over the region list.
    let mut k = Harness::kiosk();
    k.typed("q").tick(110_000);
    assert!(k.app.countdown().is_some());
    assert_popup_whole(&k.screen());
}

#[test]
fn a_tiny_window_says_the_whole_message_and_ignores_keys() {
    let mut h = Harness::new();
    h.resize(30, 10);
    let s = h.screen();
    let joined: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        joined.contains("窗口太小：请放大到至少60×18（现在30×10）"),
        "the message is cut:\n{s}"
    );
    // Keys typed where nothing can be seen do nothing.
    h.typed("3").enter().typed("js").enter().key(KeyCode::Down);
    assert_eq!(h.app.page(), Page::Question(Question::Region));
    assert_eq!(h.app.draft().region, None);
    assert_eq!(h.app.filter_text(), "");
    // Ctrl-C still quits.
    h.ctrl('c');
    assert!(h.quit);
}

#[test]
fn page_down_moves_a_page_and_end_reaches_the_end() {
    let mut h = Harness::new();
    // 乙市's three channels make a long tab.
    h.typed("乙市")
        .enter()
        .typed("1")
        .enter()
        .typed("1")
        .enter()
        .typed("tnb")
        .enter();
    h.typed("2026-03-31").enter().enter().enter().enter();
    assert_eq!(h.app.page(), Page::Result);
    h.typed("3");
    // At 80x24 the tab pane shows 20 rows.
    h.key(KeyCode::PageDown);
    assert_eq!(h.app.result().unwrap().scroll(), 20, "a page, not half");
    h.key(KeyCode::End);
    let end = h.app.result().unwrap().scroll();
    assert!(end > 20, "End goes to the end: {end}");
    h.key(KeyCode::Down);
    assert_eq!(
        h.app.result().unwrap().scroll(),
        end,
        "no scrolling past it"
    );
    h.key(KeyCode::Up);
    assert_eq!(
        h.app.result().unwrap().scroll(),
        end - 1,
        "Up moves at once"
    );
}

#[test]
fn a_saved_checklist_opens_on_the_checklist_tab() {
    let mut h = Harness::new();
    h.answer_all();
    h.enter();
    let tmp = h._tmp;
    let mut h = Harness::in_dir(tmp);
    h.key(KeyCode::Down).enter();
    assert_eq!(h.app.result().unwrap().tab(), Tab::Checklist);
}

/// Issue 14: the channel table's column heads stay at the top of the pane
/// while its rows scroll under them.
#[test]
fn the_channel_table_heading_stays_while_its_rows_scroll() {
    let mut h = Harness::new();
    h.answer_all();
    h.enter().typed("3");
    for _ in 0..8 {
        h.key(KeyCode::Down);
    }
    assert_eq!(h.app.result().unwrap().scroll(), 8);
    let s = h.screen();
    let rows: Vec<&str> = s.lines().collect();
    assert!(rows[2].starts_with("+-"), "the table's top rule:\n{s}");
    assert!(rows[3].contains("[线下]"), "the column heads:\n{s}");
    assert!(
        rows.iter().any(|r| r.starts_with("+=")),
        "the rule under the heads:\n{s}"
    );
    // At the end the heading covers no row: the table's last row shows.
    h.key(KeyCode::End);
    let s = h.screen();
    assert!(s.contains("| 您的病种 |"), "{s}");
}

/// Issue 14: the documents tab shows the checklist's ticks, and Space ticks
/// the document under the cursor there, as the footer says.
#[test]
fn documents_show_the_ticks_and_space_ticks_the_one_selected() {
    let mut h = Harness::new();
    h.answer_all();
    h.enter();
    // Tick the first item on the checklist tab; the documents tab shows it.
    h.typed("4").typed(" ");
    h.typed("2");
    let s = h.screen();
    assert!(s.contains("☑ 1. 身份证原件及复印件"), "{s}");
    assert!(s.contains("☐ 2. 社会保障卡"), "{s}");
    // Down to the second document, Space: it is ticked and saved.
    h.key(KeyCode::Down).typed(" ");
    assert_eq!(h.app.result().unwrap().document(), 1);
    let files = h.saved_files();
    let done: Vec<&str> = files[0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["done"] == true)
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(done, ["doc:id-card", "doc:insurance-card"]);
    assert!(h.screen().contains("☑ 2. 社会保障卡"));
    // Down to the last document scrolls it into view.
    h.resize(80, 18);
    for _ in 0..5 {
        h.key(KeyCode::Down);
    }
    assert!(h.screen().contains("4. 特殊门诊审批表"), "{}", h.screen());
}

/// Issue 11 §3: a hospital-only disease (青岛's; the fixture's 丙市 精神病)
/// has no day to apply by; the window tab says why (only the hospital
/// channel takes it, no review time in the source) and whom to ask.
#[test]
fn a_hospital_only_disease_says_why_there_is_no_apply_by_day_on_the_window_tab() {
    let mut h = Harness::new();
    h.typed("丙市")
        .enter()
        .typed("1")
        .enter()
        .typed("精神病")
        .enter()
        .typed("2026-03-31")
        .enter()
        .enter()
        .enter();
    assert_eq!(h.app.page(), Page::Result);
    h.resize(120, 40);
    let s: String = h.screen().split_whitespace().collect();
    assert!(s.contains("算不出建议最晚申请日"), "{s}");
    assert!(s.contains("医疗机构代办"), "{s}");
    assert!(s.contains("请向定点医疗机构"), "{s}");
}

/// Issue 14: the calendar reaches the months of the apply-by day and the
/// end date, whose marks its legend explains.
#[test]
fn the_calendar_shows_the_months_with_the_apply_by_day_and_the_end() {
    // 丙市 (7 working days), ends 2026-06-30: the window opens 03-30,
    // apply by 06-18.
    let mut h = Harness::new();
    h.typed("丙市")
        .enter()
        .typed("1")
        .enter()
        .typed("癫痫")
        .enter()
        .typed("2026-06-30")
        .enter()
        .enter()
        .enter();
    let s = h.screen();
    assert!(s.contains("2026年3月") && s.contains("2026年6月"), "{s}");
    assert!(
        s.contains("*18") && s.contains("!30"),
        "both marks show:\n{s}"
    );
    // 甲市, ends 2026-03-31, today 01-15: January to March, whole.
    let mut h = Harness::new();
    h.answer_all().enter();
    let s = h.screen();
    for m in ["2026年1月", "2026年2月", "2026年3月"] {
        assert!(s.contains(m), "{m}:\n{s}");
    }
    assert!(
        s.contains(">15") && s.contains("*24") && s.contains("!31"),
        "{s}"
    );
}

/// Issue 14 (Screens): at 80 columns the header keeps the scheme and the
/// review page keeps every [修改], whatever the longest names in the data:
/// on the shipped data, whose names are the longest there are.
#[test]
fn the_longest_names_keep_the_scheme_and_every_change_link_at_80_columns() {
    use renewal_assistant::i18n::{Lang, Words};
    let policy = renewal_assistant::policy::PolicySet::embedded().unwrap();
    let qingdao = policy
        .regions
        .iter()
        .position(|r| r.id == "shandong-qingdao")
        .unwrap();
    let region = &policy.regions[qingdao];
    // The longest names on screen, with their English glosses.
    let mut longest: Vec<usize> = (0..region.diseases.len()).collect();
    longest.sort_by_key(|&i| {
        let d = &region.diseases[i];
        std::cmp::Reverse(d.name.len() + d.name_en.as_deref().map_or(0, str::len))
    });
    for lang in Lang::ALL {
        let words = Words::new(lang);
        for &d in &longest[..3] {
            let mut h = Harness::with_policy_speaking(policy.clone(), words);
            h.typed(&(qingdao + 1).to_string())
                .enter()
                .typed("2")
                .enter();
            h.typed(&(d + 1).to_string());
            if h.app.page() == Page::Question(Question::Disease) {
                h.enter();
            }
            h.typed("2026-06-30").enter().typed("1").enter();
            let s = h.screen();
            let change = words.t("tui.review.change");
            let rows = s.lines().filter(|l| l.contains(change)).count();
            assert_eq!(rows, 6, "every answer and the label keep {change}:\n{s}");
            h.enter();
            assert_eq!(h.app.page(), Page::Result, "{s}");
            let s = h.screen();
            let head = s.lines().next().unwrap();
            let scheme = words.t("scheme.resident");
            assert!(head.contains(scheme), "{head}");
            let short = words.data(&region.short_name);
            assert!(head.contains(&short), "{head}");
        }
    }
}

/// Issue 14 (Choosing and typing): the date step says what to type on an
/// empty Enter, shows no error while a date is half typed, reads "3/31"
/// and "2026 3 31" saying which year, and asks once more about a date
/// decades away before it is used.
#[test]
fn the_date_step_guides_instead_of_scolding() {
    let mut h = Harness::new();
    h.typed("js")
        .enter()
        .typed("1")
        .enter()
        .typed("tnb")
        .enter();
    assert_eq!(h.app.page(), Page::Question(Question::End));
    h.enter();
    let s = h.screen();
    assert!(s.contains("✗ 请输入到期日：年-月-日"), "{s}");
    // Half typed: what comes next, no ✗.
    h.typed("2026-3");
    let s = h.screen();
    assert!(s.contains("接着输入") && !s.contains('✗'), "{s}");
    // Month and day alone: this year, said so.
    for _ in 0..6 {
        h.key(KeyCode::Backspace);
    }
    h.typed("3/31");
    let s = h.screen();
    assert!(
        s.contains("✓ 2026-03-31") && s.contains("按今年（2026 年）算"),
        "{s}"
    );
    for _ in 0..4 {
        h.key(KeyCode::Backspace);
    }
    h.typed("2026 3 31");
    assert!(h.screen().contains("✓ 2026-03-31"), "{}", h.screen());
    // Decades away: a warning, and Enter once more to take it.
    for _ in 0..9 {
        h.key(KeyCode::Backspace);
    }
    h.typed("2062-03-31");
    assert!(h.screen().contains("离今天约 36 年"), "{}", h.screen());
    h.enter();
    assert_eq!(h.app.page(), Page::Question(Question::End), "not taken yet");
    assert!(h.screen().contains("再按一次 Enter"), "{}", h.screen());
    h.enter();
    assert_eq!(h.app.page(), Page::Question(Question::Cross));
    assert_eq!(
        h.app.draft().end,
        Some(NaiveDate::from_ymd_opt(2062, 3, 31).unwrap())
    );
    // Every message of the step fits 80 columns whole.
    let mut h = Harness::new();
    h.typed("js")
        .enter()
        .typed("1")
        .enter()
        .typed("tnb")
        .enter();
    for typed in ["", "2026-02-30", "2026-13-01", "1899-01-01", "abc"] {
        h.typed(typed).enter();
        let s = h.screen();
        assert!(!s.contains('…'), "cut at 80 columns:\n{s}");
        for _ in 0..typed.chars().count() {
            h.key(KeyCode::Backspace);
        }
    }
}

/// Issue 11 §3: documents that are an either/or of two routes (青岛's 高血压;
/// here the fixture's 丙市): the documents tab says one route is enough and heads each route; the
/// checklist tab marks each route's item, counts the group once and, with
/// one route ticked, counts it done.
#[test]
fn an_either_or_of_document_routes_on_the_documents_and_checklist_tabs() {
    let mut h = Harness::new();
    h.typed("丙市")
        .enter()
        .typed("1")
        .enter()
        .typed("高血压合并")
        .enter()
        .typed("2026-03-31")
        .enter()
        .enter()
        .enter();
    assert_eq!(h.app.page(), Page::Result);
    h.resize(120, 40);
    h.typed("2");
    let s: String = h.screen().split_whitespace().collect();
    assert!(s.contains("任选其一"), "{s}");
    assert!(s.contains("途径1“住院确诊”（经住院确诊的）"), "{s}");
    assert!(s.contains("途径2“门诊确诊”（未经住院确诊的）"), "{s}");
    h.typed("4");
    let s = h.screen();
    assert!(s.contains("〔任选其一·途径 1：住院确诊〕"), "{s}");
    // The group counts once; the assumed window is a question to ask.
    assert!(s.contains("清单 0/7"), "{s}");
    // Item 2 is the inpatient route's only document.
    h.key(KeyCode::Down).typed(" ");
    let s = h.screen();
    assert!(s.contains("清单 1/7"), "{s}");
    let flat: String = s.split_whitespace().collect();
    assert!(flat.contains("已按途径1“住院确诊”"), "{s}");
}

/// Issue 14 (Choosing and typing): both yes/no questions offer 否 until
/// answered (a bare Enter adds nothing to the plan), and when an answer
/// adds a question the count that grows says why.
#[test]
fn yes_no_defaults_agree_and_a_growing_step_count_says_why() {
    let mut h = Harness::new();
    h.typed("乙市").enter();
    assert!(h.screen().contains("第 2 步，共 5 步"), "{}", h.screen());
    h.typed("1").enter();
    assert_eq!(h.app.page(), Page::Question(Question::Retired));
    let s = h.screen();
    assert!(s.contains("第 3 步，共 6 步"), "{s}");
    assert!(
        s.contains("多问一个问题：是否已退休"),
        "why the count grew:\n{s}"
    );
    assert_eq!(h.app.selected(), 1, "否 is offered");
    h.enter();
    assert_eq!(h.app.draft().retired, Some(false));
    h.typed("gxy").enter().typed("2026-06-30").enter();
    assert_eq!(h.app.page(), Page::Question(Question::Cross));
    assert_eq!(h.app.selected(), 1, "否 here too");
    // Back to the scheme: resident asks no more, and says so.
    h.esc().esc().esc().esc();
    assert_eq!(h.app.page(), Page::Question(Question::Scheme));
    h.typed("2").enter();
    let s = h.screen();
    assert!(
        s.contains("第 3 步，共 5 步") && s.contains("不用问是否已退休"),
        "{s}"
    );
}

/// Every character of a screen drawn with `--ascii` is ASCII or a
/// two-column character (Chinese, full-width punctuation): none of the
/// ambiguous-width marks the option exists to avoid.
fn assert_ascii_or_wide(screen: &str) {
    for (n, row) in screen.lines().enumerate() {
        for c in row.chars() {
            assert!(
                c.is_ascii() || unicode_width::UnicodeWidthChar::width(c) == Some(2),
                "{c:?} (U+{:04X}) on row {n} under --ascii:\n{screen}",
                c as u32
            );
        }
    }
}

/// Issue 14 (Modes): `--ascii` means ASCII everywhere: the translated
/// sentences, the footers, help, the data's quotes and the tab panes.
#[test]
fn ascii_leaves_no_ambiguous_width_mark_on_any_screen() {
    use renewal_assistant::i18n::{Lang, Words};
    let ascii = Theme {
        color: false,
        ascii: true,
        high_contrast: false,
    };
    for lang in Lang::ALL {
        let words = Words::new(lang);
        let mut h = Harness::speaking(words);
        let check = |h: &Harness| assert_ascii_or_wide(&h.screen_with(&ascii));
        check(&h);
        h.typed("?");
        check(&h);
        h.typed("x").typed("js");
        check(&h);
        h.enter();
        check(&h);
        h.typed("1");
        check(&h);
        h.typed("tnb").enter().typed("2026-3");
        check(&h);
        h.typed("-31");
        check(&h);
        h.enter();
        check(&h);
        h.enter();
        check(&h);
        h.enter();
        for tab in ["1", "2", "3", "4", "5"] {
            h.typed(tab);
            check(&h);
            h.key(KeyCode::End);
            check(&h);
        }
        h.resize(120, 40).typed("1");
        check(&h);
        // The shipped data, whose text has “” quotes and · dots.
        let mut h = Harness::with_policy_speaking(
            renewal_assistant::policy::PolicySet::embedded().unwrap(),
            words,
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
        for tab in ["1", "2", "3", "4", "5"] {
            h.typed(tab);
            assert_ascii_or_wide(&h.screen_with(&ascii));
        }
    }
}

/// Issue 12/14: a place without data found by typing, unnumbered; a name
/// no place has, with the generic entry offered; the plan for a place
/// without data, its place named first.
#[test]
fn snapshots_of_places_without_data() {
    let mut h = Harness::new();
    h.typed("sjz");
    snap("23_region_place", &h);
    for _ in 0..3 {
        h.key(KeyCode::Backspace);
    }
    h.typed("atlantis");
    snap("24_region_not_found", &h);
    for _ in 0..8 {
        h.key(KeyCode::Backspace);
    }
    h.typed("sjz")
        .enter()
        .typed("1")
        .enter()
        .typed("gxy")
        .enter()
        .typed("2026-03-31")
        .enter()
        .typed("2")
        .enter()
        .enter();
    assert_eq!(h.app.page(), Page::Result);
    snap("25_result_place_generic", &h);
}

/// Issue 11 §1: a date counted beyond the published holiday notices is
/// marked estimated on the wizard's tabs too: the window tab's apply-by day,
/// each channel's dates in the comparison, and the warning naming the
/// holidays.
#[test]
fn estimated_dates_are_marked_on_the_result_tabs() {
    let mut h = Harness::new();
    h.typed("甲市")
        .enter()
        .typed("1")
        .enter()
        .typed("tnb")
        .enter()
        .typed("2027-01-10")
        .enter()
        .enter()
        .enter();
    assert_eq!(h.app.page(), Page::Result);
    h.resize(200, 60);
    // Thu 2026-12-31 is in 2026's notice; the review after it runs into
    // 2027, whose notice is not out.
    let window: String = h.screen().split_whitespace().collect();
    assert!(window.contains("建议最晚：2026-12-31"), "{window}");
    assert!(window.contains("（估）"), "{window}");
    assert!(window.contains("元旦2027-01-01"), "{window}");
    h.typed("3");
    let channels = h.screen();
    let row = channels
        .lines()
        .find(|l| l.contains("最晚申请"))
        .unwrap_or_else(|| panic!("{channels}"));
    assert!(row.contains("（估）"), "{row}");
}

/// Issue 12 §3: a grace period after the end date (fixture 戊市: 30 days
/// after) and no renewal at all (壬市) on the window pane, and both on the
/// home list, each with a glyph and words.
#[test]
fn snapshots_of_grace_and_no_renewal() {
    let tmp = tempfile::tempdir().unwrap();
    let mut h = Harness::in_dir(tmp);
    // 戊市: ended 2026-01-01, still accepted until 2026-01-31 (today 01-15).
    h.typed("戊市")
        .enter()
        .typed("1")
        .enter()
        .typed("tnb")
        .enter()
        .typed("2026-01-01")
        .enter()
        .enter()
        .enter();
    assert_eq!(h.app.page(), Page::Result);
    let s = h.screen();
    assert!(s.contains("◐") && s.contains("2026-01-31"), "{s}");
    snap("26_result_grace", &h);
    let tmp = h._tmp;
    let mut h = Harness::in_dir(tmp);
    // 壬市: no renewal; the end date typed is what the card says. Enter on
    // the home list starts a new plan.
    h.enter()
        .typed("壬市")
        .enter()
        .typed("1")
        .enter()
        .typed("tnb")
        .enter()
        .typed("2099-12-31")
        .enter()
        // A date that far away is asked about once more.
        .enter()
        .enter()
        .enter();
    assert_eq!(h.app.page(), Page::Result);
    let s = h.screen();
    assert!(s.contains("✓ 无需续期"), "{s}");
    assert!(!s.contains("申请期："), "no window on the pane: {s}");
    snap("27_result_no_renewal", &h);
    let tmp = h._tmp;
    let h = Harness::in_dir(tmp);
    let s = h.screen();
    assert!(s.contains("◐") && s.contains("✓"), "{s}");
    snap("28_home_grace_and_no_renewal", &h);
}

/// Issue 21: a plan with a window (丙市's is assumed: the source gives
/// none) says on its window tab what to ask and whom to call, as the
/// printed plan does; on a wide screen the sources tab, which takes the
/// rules the left pane has no room for, says it.
#[test]
fn a_plan_with_a_window_says_what_to_ask_and_whom_to_call_in_the_wizard() {
    let mut h = Harness::new();
    h.typed("丙市")
        .enter()
        .typed("1")
        .enter()
        .typed("癫痫")
        .enter()
        .typed("2026-06-30")
        .enter()
        .enter()
        .enter();
    assert_eq!(h.app.page(), Page::Result);
    assert!(h.app.result().is_some_and(|r| r.plan().window.is_some()));
    h.key(KeyCode::End);
    let s: String = h.screen().split_whitespace().collect();
    assert!(s.contains("打电话时问清这些"), "{s}");
    assert!(s.contains("到期前多久可以申请续期"), "{s}");
    assert!(s.contains("12393"), "{s}");
    h.resize(140, 50);
    h.key(KeyCode::Char('5')).key(KeyCode::End);
    let s: String = h.screen().split_whitespace().collect();
    assert!(s.contains("到期前多久可以申请续期"), "{s}");
    assert!(s.contains("12393"), "{s}");
}

/// Issue 21 §3: on a saved checklist's question about the review time,
/// `a` asks for the number the person was told; a bad number is refused
/// and nothing is saved; a good one is saved with the checklist and the
/// plan is counted with it.
#[test]
fn the_answer_to_a_question_is_recorded_on_its_checklist_item() {
    let mut h = Harness::new();
    h.typed("丙市")
        .enter()
        .typed("1")
        .enter()
        .typed("精神病")
        .enter()
        .typed("2026-06-30")
        .enter()
        .enter()
        .enter();
    assert_eq!(h.app.page(), Page::Result);
    assert!(h.app.result().unwrap().plan().apply_by.is_none());
    let at = h
        .checklist()
        .items
        .iter()
        .position(|i| i.id == "ask:review_time")
        .expect("the question is an item");
    h.key(KeyCode::Char('4'));
    for _ in 0..at {
        h.key(KeyCode::Down);
    }
    assert_eq!(h.app.result().unwrap().item(), at);
    h.key(KeyCode::Char('a')).typed("0").enter();
    assert!(
        h.screen().contains("要写 1 到 250 之间的整数"),
        "{}",
        h.screen()
    );
    assert!(h.saved_files()[0].get("learned").is_none());
    h.key(KeyCode::Backspace).typed("１０").enter();
    let saved = &h.saved_files()[0];
    assert_eq!(saved["learned"]["review_days"]["value"], 10, "{saved}");
    assert_eq!(saved["learned"]["review_days"]["on"], "2026-01-15");
    let plan = h.app.result().unwrap().plan();
    let by = plan.apply_by.as_ref().expect("an apply-by day now");
    assert_eq!(by.working_days, 10);
    assert!(by.learned.is_some());
    // The question is answered: its item is gone, the rest kept.
    assert!(
        !h.checklist()
            .items
            .iter()
            .any(|i| i.id == "ask:review_time")
    );
    // Elsewhere than on a question, `a` says where it works.
    h.key(KeyCode::Home).key(KeyCode::Char('a'));
    assert!(h.app.overlays().is_empty());
    let s: String = h.screen().split_whitespace().collect();
    assert!(s.contains("按a记下问到的数字"), "{s}");
    // The window tab's day to apply by says where its review time came
    // from (issue 21 gap 5), as the section below it does.
    h.resize(200, 60);
    h.key(KeyCode::Char('1'));
    let window: String = h.screen().split_whitespace().collect();
    // (The right-hand column wraps: 「建议最晚：… （审核最长 10 个│工作日）（您在…问到）」.)
    assert!(window.contains("建议最晚：2026-06-15"), "{window}");
    assert!(
        window.contains("工作日）（您在2026-01-15问到）"),
        "{window}"
    );
}
