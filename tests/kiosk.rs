//! The walk-up kiosk: nothing saved unless chosen, an idle countdown that
//! wipes the session, an operator-only quit, a QR code that decodes back to
//! the plan, and printing that never runs text through a shell.

mod common;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use renewal_assistant::config::PrintConfig;
use renewal_assistant::tui::app::{Msg, Page, Question};

fn json_files(h: &Harness) -> usize {
    std::fs::read_dir(h.store.dir())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".json")
        })
        .count()
}

fn ctrl(h: &mut Harness, c: char) {
    h.send(Msg::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

#[test]
fn nothing_is_written_unless_the_person_saves() {
    let mut h = Harness::kiosk();
    h.answer_all();
    h.enter();
    assert!(h.on(Page::Result));
    assert_eq!(json_files(&h), 0, "no checklist file at a kiosk by default");
    assert!(h.app.message().unwrap().1.contains("不会保存"));
    // Ticks live in memory.
    h.typed("4").typed(" ");
    assert!(h.checklist().items[0].done);
    assert_eq!(json_files(&h), 0);
    // The person chooses to save: the file appears, with the tick.
    h.typed("s");
    assert_eq!(json_files(&h), 1);
    let saved = h.saved_files();
    assert_eq!(saved[0]["items"][0]["done"], true);
    // Further ticks go to the file.
    h.key(KeyCode::Down).typed(" ");
    assert_eq!(h.saved_files()[0]["items"][1]["done"], true);
}

#[test]
fn an_idle_session_counts_down_then_wipes_everything() {
    let mut h = Harness::kiosk();
    h.tick(0);
    h.answer_all();
    h.enter().typed("4").typed(" ");
    h.tick(99_000);
    assert_eq!(h.app.countdown(), None);
    h.tick(100_000);
    assert_eq!(h.app.countdown(), Some(20));
    assert!(h.screen().contains("20 秒后回到开始页"));
    h.tick(119_500);
    assert_eq!(h.app.countdown(), Some(1));
    // A key stops the countdown and does nothing else.
    let tab = h.app.result().unwrap().tab();
    h.typed("1");
    assert_eq!(h.app.countdown(), None);
    assert_eq!(
        h.app.result().unwrap().tab(),
        tab,
        "the key was not acted on"
    );
    // Nobody again: wiped at 120 s after the last key.
    h.tick(119_500 + 100_000);
    assert!(h.app.countdown().is_some());
    h.tick(119_500 + 120_000);
    assert!(h.at_start(), "back to the first question");
    assert!(h.app.result().is_none() && *h.app.draft() == Default::default());
    assert!(h.screen().contains("已清空"));
    assert_eq!(json_files(&h), 0);
    // A fresh first screen never counts down.
    h.tick(10_000_000);
    assert_eq!(h.app.countdown(), None);
}

#[test]
fn only_the_operator_key_twice_quits() {
    let mut h = Harness::kiosk();
    h.tick(1_000);
    h.esc().esc();
    assert!(
        h.at_start() && !h.quit,
        "Esc on the first screen never exits"
    );
    ctrl(&mut h, 'c');
    assert!(!h.quit, "Ctrl-C does not quit a kiosk");
    ctrl(&mut h, 'z');
    assert!(!h.quit);
    h.typed("js").enter();
    h.typed("q");
    assert!(!h.quit, "q does not quit a kiosk");
    h.tick(2_000);
    ctrl(&mut h, 'q');
    assert!(!h.quit);
    assert!(h.app.message().unwrap().1.contains("再按一次"));
    h.tick(6_000);
    ctrl(&mut h, 'q');
    assert!(!h.quit, "too long after the first press");
    h.tick(7_000);
    ctrl(&mut h, 'q');
    assert!(h.quit, "twice within 3 s quits");
}

#[test]
fn the_home_list_is_never_shown_at_a_kiosk() {
    // Someone saved a checklist on this machine (outside the kiosk).
    let tmp = tempfile::tempdir().unwrap();
    let mut first = Harness::in_dir(tmp);
    first.answer_all();
    first.enter();
    assert_eq!(first.saved_files().len(), 1);
    let tmp = first._tmp;
    // The same data dir, now as a kiosk: the first question, and Esc stays.
    let mut h = Harness::kiosk_in(tmp, KIOSK);
    assert_eq!(h.saved_files().len(), 1, "the saved file is still there");
    assert!(h.at_start());
    h.esc().esc();
    assert!(h.at_start(), "Esc never opens a saved list");
    assert!(!h.screen().contains("续期清单"), "{}", h.screen());
    assert!(!h.screen().contains("糖尿病"), "{}", h.screen());
}

#[test]
fn a_kiosk_that_may_not_save_writes_nothing_and_offers_no_save() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let kiosk = renewal_assistant::tui::app::Kiosk {
        allow_save: false,
        ..KIOSK
    };
    let (_, store) = renewal_assistant::tui::start(
        fixture_policy(),
        today(),
        Some(&data),
        Some(kiosk),
        chrono::Utc::now(),
        ZH,
    );
    assert!(store.is_none(), "no store at all");
    assert!(!data.exists(), "not even the folder is created");
    let mut h = Harness::kiosk_in(tempfile::tempdir().unwrap(), kiosk);
    h.answer_all();
    h.enter();
    let screen = h.screen();
    assert!(!screen.contains("s 保存"), "{screen}");
    h.typed("s");
    assert_eq!(json_files(&h), 0, "s saves nothing");
}

/// Reads a QR code off the drawn screen (half blocks back to modules) and
/// decodes it with a QR decoder.
fn decode_screen(h: &Harness) -> String {
    let screen = h.screen();
    let rows: Vec<Vec<char>> = screen
        .lines()
        .take_while(|l| l.chars().any(|c| matches!(c, '█' | '▀' | '▄')) || l.trim().is_empty())
        .map(|l| l.chars().collect())
        .collect();
    let scale = 4;
    let margin = 16;
    let width = rows.iter().map(Vec::len).max().unwrap_or(0) * scale + 2 * margin;
    let height = rows.len() * 2 * scale + 2 * margin;
    let dark = |x: usize, y: usize| -> bool {
        if x < margin || y < margin {
            return false;
        }
        let (col, half) = ((x - margin) / scale, (y - margin) / scale);
        let Some(row) = rows.get(half / 2) else {
            return false;
        };
        match row.get(col) {
            Some('█') => true,
            Some('▀') => half % 2 == 0,
            Some('▄') => half % 2 == 1,
            _ => false,
        }
    };
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        if dark(x, y) { 0 } else { 255 }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on screen:\n{screen}");
    grids[0].decode().expect("the code decodes").1
}

#[test]
fn the_qr_code_decodes_to_the_plan_at_80x24_and_120x40() {
    // The richest text that fits: 甲市's whole plan at 120x40.
    for (w, height, level) in [(80, 24, 2), (120, 40, 0)] {
        let mut h = Harness::kiosk();
        h.resize(w, height);
        h.answer_all();
        h.enter().typed("r");
        assert!(h.app.qr_shown());
        let decoded = decode_screen(&h);
        let plan = h.app.result().as_ref().unwrap().plan();
        assert_eq!(
            decoded,
            renewal_assistant::document::qr::qr_text(plan, level, h.app.words()),
            "{w}x{height}"
        );
        assert!(
            decoded.contains("2025-12-31")
                && decoded.contains("2026-03-31")
                && decoded.contains("2026-03-24")
        );
        if level <= 1 {
            assert!(decoded.contains("身份证原件及复印件"));
        }
        h.typed("x");
        assert!(!h.app.qr_shown(), "any key closes the code");
    }
}

#[test]
fn a_qr_code_fits_80x24_even_for_a_long_plan() {
    // 丙市 (like 青岛): an assumed window and several offices, the largest
    // minimal text.
    let mut h = Harness::kiosk();
    h.typed("bs")
        .enter()
        .typed("2")
        .enter()
        .typed("dx")
        .enter()
        .typed("2026-02-28")
        .enter()
        .enter()
        .enter();
    h.typed("r");
    let decoded = decode_screen(&h);
    assert!(
        decoded.contains("2025-11-28")
            && decoded.contains("2026-02-28")
            && decoded.contains("估算"),
        "{decoded}"
    );
    assert!(
        decoded.contains("10000001"),
        "a phone number to call: {decoded}"
    );
}

#[test]
fn printing_goes_to_a_file_or_a_command_never_a_shell() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("sheet.txt");
    let mut h = Harness::kiosk();
    h.answer_all();
    // A label a shell would run.
    h.key(KeyCode::Up).enter();
    for _ in 0..5 {
        h.key(KeyCode::Backspace);
    }
    h.typed("$(touch pwned);x")
        .enter()
        .key(KeyCode::Down)
        .enter();
    h.typed("p");
    assert!(
        h.app.message().unwrap().1.contains("没有设置打印"),
        "no printer configured"
    );
    h.printer = PrintConfig {
        command: Vec::new(),
        file: Some(file.clone()),
        ..Default::default()
    };
    h.app.set_can_print(true);
    h.typed("p");
    let sheet = std::fs::read_to_string(&file).unwrap();
    assert!(
        sheet.contains("$(touch pwned);x")
            && sheet.contains("身份证原件及复印件")
            && sheet.contains("官方公告为准")
    );
    // A command gets the sheet on its input, its arguments as given.
    let out = tmp.path().join("from-command.txt");
    h.printer = PrintConfig {
        command: vec!["tee".into(), out.display().to_string()],
        ..Default::default()
    };
    h.typed("p");
    assert!(
        h.app.message().unwrap().1.contains("已送去打印"),
        "{:?}",
        h.app.message()
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), sheet);
    assert!(!std::path::Path::new("pwned").exists() && !tmp.path().join("pwned").exists());
    h.printer = PrintConfig {
        command: vec!["/nonexistent/lp".into()],
        ..Default::default()
    };
    h.typed("p");
    assert!(h.app.message().unwrap().1.contains("打印失败"));
}

#[test]
fn kiosk_lists_use_two_rows_per_choice_and_clicks_follow() {
    let mut h = Harness::kiosk();
    let s = h.screen();
    let lines: Vec<&str> = s.lines().collect();
    assert!(
        lines[6].contains("1. ") && lines[7].trim().is_empty() && lines[8].contains("2. "),
        "{s}"
    );
    // Either row of choice 3 (rows 10 and 11) picks it.
    h.click(10, 11);
    assert!(h.on(Page::Question(Question::Scheme)));
    assert_eq!(h.app.region().unwrap().id, "fx-six");
}

#[test]
fn the_label_field_is_edited_on_its_own_row_at_a_kiosk() {
    let mut h = Harness::kiosk();
    h.answer_all();
    // End first: the default is kept and typed after (typing at once
    // would replace it, issue 26).
    h.key(KeyCode::Up).enter().key(KeyCode::End).typed("x");
    let s = h.screen();
    let rows: Vec<&str> = s.lines().filter(|l| l.contains("清单标签")).collect();
    assert_eq!(
        rows.len(),
        1,
        "the field is drawn over the label row, not beside it:\n{s}"
    );
    assert!(rows[0].contains("糖尿病x"), "{s}");
}

/// Issue 26 point 1: a name is fine in a label at the front desk, but at a
/// kiosk the warning stays: where the visitor edits the label, the screen
/// says not to type a name, ID number or phone, in every language. And a
/// refused phone number is not answered with a promise that nothing
/// personal is kept (labels and notes are stored).
#[test]
fn a_kiosk_visitor_is_told_not_to_type_a_name_id_or_phone_in_the_label() {
    use renewal_assistant::i18n::{Lang, Words};
    for (lang, warning, stored) in [
        (Lang::ZhHans, "不要写姓名、证件号或电话", "存在这台电脑里"),
        (Lang::ZhHant, "不要寫姓名、證件號或電話", "存在這台電腦裡"),
        (
            Lang::En,
            "do not type a name, ID number or phone",
            "stored on this computer",
        ),
    ] {
        let mut h = Harness::kiosk_speaking(Words::new(lang));
        h.answer_all();
        assert!(!h.screen().contains(warning), "{}", h.screen());
        h.key(KeyCode::Up).enter();
        assert!(h.on(Page::Review {
            editing_label: true
        }));
        let s = h.screen();
        assert!(s.contains(warning), "{s}");
        h.typed("13812345678").enter();
        let (_, text) = h.app.message().expect("refused");
        assert!(text.contains(stored), "{text}");
        for promise in ["不保存个人信息", "不儲存個人資料", "does not store"] {
            assert!(!text.contains(promise), "{text}");
        }
        // Walk s4 point 2: the refusal does not suggest the name the row
        // just warned against; a form of address instead.
        for name in ["姓名就行", "3床王", "a name is enough", "Bed 3 Wang"] {
            assert!(!text.contains(name), "{text}");
        }
        assert!(text.contains("3床") || text.contains("Bed 3"), "{text}");
    }
}

/// What a visitor saved must never be shown to the next one: after `s` and
/// `n` (next visitor), and after the idle wipe, Esc on the first question
/// stays there and nothing of the saved checklist is on any screen.
#[test]
fn the_next_visitor_never_sees_what_the_last_one_saved() {
    for wipe in ["next", "idle"] {
        let mut h = Harness::kiosk();
        h.tick(0);
        h.answer_all();
        h.enter().typed("s");
        assert_eq!(json_files(&h), 1, "{wipe}: the visitor chose to save");
        // Not even held in memory, where one missed guard would list it.
        assert!(h.app.saved().is_empty(), "{wipe}: the kiosk holds it");
        match wipe {
            "next" => {
                h.typed("n");
            }
            _ => {
                h.tick(200_000);
            }
        }
        assert!(h.at_start(), "{wipe}: a fresh session");
        assert!(h.app.saved().is_empty(), "{wipe}: the kiosk holds it");
        for _ in 0..3 {
            h.esc();
            assert!(h.at_start(), "{wipe}: Esc never leaves the first question");
            assert!(!h.screen().contains("糖尿病"), "{wipe}:\n{}", h.screen());
        }
        // Nothing typed or clicked reaches a saved list either.
        h.key(KeyCode::Home).key(KeyCode::Enter).esc().esc();
        assert!(!h.on(Page::Home), "{wipe}: never the home list");
    }
}

#[test]
fn a_printer_that_hangs_is_stopped_at_its_time_limit() {
    let mut h = Harness::kiosk();
    h.answer_all();
    h.enter();
    h.printer = PrintConfig {
        command: vec!["sleep".into(), "600".into()],
        timeout_seconds: Some(1),
        ..Default::default()
    };
    h.app.set_can_print(true);
    let started = std::time::Instant::now();
    h.typed("p");
    let message = &h.app.message().unwrap().1;
    assert!(
        message.contains("打印失败") && message.contains("1 秒内没有完成"),
        "{message}"
    );
    // Generous: the point is that it did not wait for `sleep 600`.
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
}

#[cfg(unix)]
#[test]
fn a_printed_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("sheet.txt");
    // Even a file that was there before, readable by all.
    std::fs::write(&file, "old").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let mut h = Harness::kiosk();
    h.answer_all();
    h.enter();
    h.printer = PrintConfig {
        file: Some(file.clone()),
        ..Default::default()
    };
    h.app.set_can_print(true);
    h.typed("p");
    assert!(std::fs::read_to_string(&file).unwrap().contains("糖尿病"));
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // A link planted where the sheet goes is not followed.
    let target = tmp.path().join("elsewhere.txt");
    std::fs::write(&target, "keep").unwrap();
    let link = tmp.path().join("link.txt");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    h.printer.file = Some(link);
    h.typed("p");
    assert!(h.app.message().unwrap().1.contains("打印失败"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
}

/// A data folder that cannot be read is said on the first screen, not
/// shown as "nothing saved".
#[test]
fn an_unreadable_store_is_said_in_the_wizard() {
    let tmp = tempfile::tempdir().unwrap();
    // `checklists` is a file: the folder cannot be opened, even by root.
    std::fs::write(tmp.path().join("checklists"), "x").unwrap();
    let (app, store) = renewal_assistant::tui::start(
        fixture_policy(),
        today(),
        Some(tmp.path()),
        None,
        chrono::Utc::now(),
        ZH,
    );
    assert!(store.is_none());
    let message = &app.message().expect("a message").1;
    assert!(message.contains("读不出已保存的清单"), "{message}");
}

/// Issue 14 (Modes): a kiosk offers no way to quit that a visitor has, and
/// never says that anything is saved automatically.
#[test]
fn a_kiosk_offers_no_quit_and_promises_no_automatic_save() {
    let mut h = Harness::kiosk();
    let mut screens = vec![h.screen()];
    h.typed("js").enter();
    screens.push(h.screen());
    h.typed("1").enter();
    screens.push(h.screen());
    h.typed("tnb").enter();
    screens.push(h.screen());
    h.typed("2026-03-31").enter();
    screens.push(h.screen());
    h.enter();
    let review = h.screen();
    assert!(!review.contains("自动保存"), "{review}");
    assert!(!review.contains("保存清单"), "{review}");
    screens.push(review);
    h.typed("?");
    screens.push(h.screen());
    h.typed("x").key(KeyCode::Down).enter();
    assert!(h.on(Page::Result));
    for tab in ["1", "2", "3", "4", "5"] {
        h.typed(tab);
        screens.push(h.screen());
    }
    h.typed("?");
    let help = h.screen();
    assert!(
        help.contains("保存到本机") && help.contains("下一位"),
        "{help}"
    );
    screens.push(help);
    for s in &screens {
        assert!(
            !s.contains("q 退出") && !s.contains("Ctrl-C") && !s.contains("q          退出"),
            "a quit key offered at a kiosk:\n{s}"
        );
    }
}

/// Issue 14 (Modes): the sheet printed at a kiosk says it was not saved
/// instead of an empty 编号.
#[test]
fn a_kiosk_sheet_has_no_empty_id() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("sheet.txt");
    let mut h = Harness::kiosk();
    h.answer_all();
    h.enter();
    h.printer = PrintConfig {
        command: Vec::new(),
        file: Some(file.clone()),
        ..Default::default()
    };
    h.app.set_can_print(true);
    h.typed("p");
    let sheet = std::fs::read_to_string(&file).unwrap();
    let head = sheet.lines().next().unwrap();
    assert!(
        !head.contains("编号 ）") && !head.contains("编号"),
        "{head}"
    );
    assert!(head.contains("未保存"), "{head}");
}

/// The modules of a code drawn in half blocks, quiet zone included.
fn modules(lines: &[String]) -> Vec<Vec<bool>> {
    let mut rows = Vec::new();
    for l in lines {
        let (top, bottom): (Vec<bool>, Vec<bool>) = l
            .chars()
            .map(|c| (matches!(c, '█' | '▀'), matches!(c, '█' | '▄')))
            .unzip();
        rows.push(top);
        rows.push(bottom);
    }
    rows
}

/// Whether data module (row, col) is inverted by mask `mask` (ISO/IEC 18004 §7.8.2).
fn masked(mask: u16, i: usize, j: usize) -> bool {
    match mask {
        0 => (i + j).is_multiple_of(2),
        1 => i.is_multiple_of(2),
        2 => j.is_multiple_of(3),
        3 => (i + j).is_multiple_of(3),
        4 => (i / 2 + j / 3).is_multiple_of(2),
        5 => (i * j) % 2 + (i * j) % 3 == 0,
        6 => ((i * j) % 2 + (i * j) % 3).is_multiple_of(2),
        _ => ((i + j) % 2 + (i * j) % 3).is_multiple_of(2),
    }
}

/// Issue 14 (Screens): the kiosk's QR code fits 80x24 for every region and
/// disease in every language (青岛's long disease names did not), keeps a
/// 4-module quiet zone, starts with the UTF-8 ECI marker, and decodes back
/// to the text it was made from.
#[test]
fn a_qr_code_fits_80x24_for_every_region_and_disease() {
    use renewal_assistant::i18n::{Lang, Words};
    use renewal_assistant::plan::{Answers, compute};
    use renewal_assistant::policy::{PolicySet, Scheme};
    use renewal_assistant::tui::qr;
    let policy = PolicySet::embedded().unwrap();
    let mut checked = 0;
    for lang in Lang::ALL {
        for region in &policy.regions {
            for disease in &region.diseases {
                for (scheme, end) in [
                    (Scheme::Employee, "2026-06-30"),
                    (Scheme::Resident, "2025-10-31"),
                ] {
                    let answers = Answers {
                        region: region.id.clone(),
                        scheme,
                        disease: disease.id.clone(),
                        validity_end: end.parse().unwrap(),
                        cross_province: false,
                        retired: false,
                    };
                    let plan = compute(&policy, &answers, today()).unwrap();
                    // As the overlay tries: the caption beside, else below.
                    let code = qr::fit(&plan, 80 - 28, 24, Words::new(lang))
                        .or_else(|| qr::fit(&plan, 80, 23, Words::new(lang)));
                    let code = code.unwrap_or_else(|| {
                        let smallest =
                            renewal_assistant::document::qr::qr_text(&plan, 3, Words::new(lang));
                        panic!(
                            "{} {} ({lang:?}) does not fit 80x24:\n{smallest}",
                            region.id, disease.id
                        )
                    });
                    let grid = modules(&code.lines);
                    let quiet = 4;
                    let size = grid[0].len() - 2 * quiet;
                    for (y, row) in grid.iter().enumerate().take(size + 2 * quiet) {
                        for (x, dark) in row.iter().enumerate() {
                            let inside = (quiet..quiet + size).contains(&x)
                                && (quiet..quiet + size).contains(&y);
                            assert!(inside || !dark, "quiet zone dark at {x},{y}");
                        }
                    }
                    let simple =
                        rqrr::SimpleGrid::from_func(size, |x, y| grid[y + quiet][x + quiet]);
                    let decoder = rqrr::Grid::new(simple);
                    let (meta, text) = decoder.decode().expect("decodes");
                    assert_eq!(text, code.text);
                    // The first 12 data bits, bottom-right up, unmasked: ECI (0111) 26.
                    let mut bits = 0u16;
                    for k in 0..12 {
                        let (i, j) = (size - 1 - k / 2, size - 1 - k % 2);
                        let bit = grid[i + quiet][j + quiet] ^ masked(meta.mask, i, j);
                        bits = bits << 1 | u16::from(bit);
                    }
                    assert_eq!(bits, 0b0111_0001_1010, "UTF-8 ECI marker first");
                    // Issue 21: a phone, and only one of a channel that
                    // handles the disease or the service line.
                    let handles: Vec<&str> =
                        plan.contacts.iter().map(|c| c.phone.as_str()).collect();
                    assert!(
                        handles.iter().any(|p| code.text.contains(p)),
                        "{} {} ({lang:?}): no phone in\n{}",
                        region.id,
                        disease.id,
                        code.text
                    );
                    for ch in plan.channels.iter().filter(|c| !c.serves_disease) {
                        for phone in ch.contacts.iter().filter_map(|c| c.phone.as_deref()) {
                            assert!(
                                handles.contains(&phone) || !code.text.contains(phone),
                                "{} {}: {phone} of {} which does not handle it",
                                region.id,
                                disease.id,
                                ch.id
                            );
                        }
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 200, "{checked}");
}

/// Issue 22: at a kiosk, saving never promises 「下次打开程序可以继续打勾」,
/// which a kiosk never allows (the next visitor starts afresh); it says
/// what is true there.
#[test]
fn saving_at_a_kiosk_promises_no_next_time() {
    let mut h = Harness::kiosk();
    h.tick(0);
    h.answer_all();
    h.enter().typed("s");
    assert_eq!(json_files(&h), 1, "the visitor chose to save");
    let screen = h.screen();
    assert!(!screen.contains("下次打开程序"), "{screen}");
    assert!(screen.contains("公用设备"), "{screen}");
}

/// Whether process `pid` is still running: neither gone nor a zombie.
#[cfg(unix)]
fn running(pid: u32) -> bool {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let state = stat.rsplit(") ").next().and_then(|s| s.chars().next());
    state.is_some_and(|s| s != 'Z' && s != 'X')
}

/// The pids a printer script wrote to `file`, one a line.
#[cfg(unix)]
fn pids_in(file: &std::path::Path) -> Vec<u32> {
    std::fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.trim().parse().ok())
        .collect()
}

/// A printer stopped at its time limit leaves nothing running: not its
/// shell, not what the shell started, not even a child that ignores
/// SIGTERM (it gets SIGKILL after a grace period).
#[cfg(unix)]
#[test]
fn a_printer_stopped_at_its_limit_leaves_no_process_behind() {
    for trap in ["", "trap '' TERM; "] {
        let tmp = tempfile::tempdir().unwrap();
        let pids = tmp.path().join("pids");
        let script = format!(
            "{trap}echo $$ > {p}; sleep 301 & echo $! >> {p}; wait",
            p = pids.display()
        );
        let mut h = Harness::kiosk();
        h.answer_all();
        h.enter();
        h.printer = PrintConfig {
            command: vec!["sh".into(), "-c".into(), script],
            timeout_seconds: Some(1),
            ..Default::default()
        };
        h.app.set_can_print(true);
        h.typed("p");
        let message = &h.app.message().unwrap().1;
        assert!(message.contains("1 秒内没有完成"), "{trap}: {message}");
        let pids = pids_in(&pids);
        assert_eq!(pids.len(), 2, "{trap}: the script ran");
        // Init reaps the orphans it was given; allow it a moment.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while pids.iter().any(|&p| running(p)) && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let left: Vec<_> = pids.iter().filter(|&&p| running(p)).collect();
        for pid in &left {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
        assert!(left.is_empty(), "{trap}: still running: {left:?}");
    }
}

/// A kiosk that saved nothing leaves nothing in the data folder: no
/// `checklists` folder, no `.lock`, not even the data folder itself. The
/// first save creates them.
#[test]
fn a_kiosk_that_saved_nothing_leaves_nothing() {
    use chrono::TimeZone;
    let tmp = tempfile::tempdir().unwrap();
    let now = chrono::Utc.with_ymd_and_hms(2026, 1, 15, 9, 0, 0).unwrap();
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let missing = tmp.path().join("missing");
    for dir in [&empty, &missing] {
        let (mut app, store) = renewal_assistant::tui::start(
            fixture_policy(),
            today(),
            Some(dir),
            Some(KIOSK),
            now,
            ZH,
        );
        renewal_assistant::tui::app::update(&mut app, Msg::Resize(80, 24));
        let left: Vec<_> = std::fs::read_dir(dir)
            .map(|d| d.map(|e| e.unwrap().file_name()).collect())
            .unwrap_or_default();
        assert!(left.is_empty(), "{dir:?}: {left:?}");
        assert_eq!(dir.exists(), dir == &empty, "{dir:?}");
        // Saving still works, and creates what it needs.
        let store = store.expect("a kiosk that may save has a store");
        let answers = renewal_assistant::plan::Answers {
            region: "fx-exact".into(),
            scheme: renewal_assistant::policy::Scheme::Employee,
            disease: "diabetes".into(),
            validity_end: chrono::NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
            cross_province: false,
            retired: false,
        };
        let plan = renewal_assistant::plan::compute(&fixture_policy(), &answers, today()).unwrap();
        let c = renewal_assistant::checklist::Checklist::new(
            store.new_id(),
            "访客",
            &answers,
            &plan,
            now,
        );
        store.create(&c).unwrap();
        assert!(
            dir.join("checklists")
                .join(format!("{}.json", c.id))
                .exists()
        );
    }
}
