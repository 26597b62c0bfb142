//! Every screen of the wizard at 80x24, pinned with insta in each way people
//! meet it: Traditional Chinese, English, at a kiosk, and with `--ascii`
//! (no colour). Simplified Chinese at a home terminal is pinned in
//! `tests/tui.rs` (its `tui__*` snapshots); the screens it lacks are here.
//! One test per screen and mode, so a change shows exactly which screens
//! it touched. The wizard runs on the fixture regions.

mod common;

use common::*;
use crossterm::event::KeyCode;
use renewal_assistant::i18n::{Lang, Words};
use renewal_assistant::tui::app::{Page, Question};
use renewal_assistant::tui::theme::Theme;

#[derive(Clone, Copy)]
struct Mode {
    name: &'static str,
    lang: Lang,
    kiosk: bool,
    ascii: bool,
}

const ZH_HANS: Mode = Mode {
    name: "zh_hans",
    lang: Lang::ZhHans,
    kiosk: false,
    ascii: false,
};
const ZH_HANT: Mode = Mode {
    name: "zh_hant",
    lang: Lang::ZhHant,
    kiosk: false,
    ascii: false,
};
const EN: Mode = Mode {
    name: "en",
    lang: Lang::En,
    kiosk: false,
    ascii: false,
};
const KIOSK: Mode = Mode {
    name: "kiosk",
    lang: Lang::ZhHans,
    kiosk: true,
    ascii: false,
};
const ASCII: Mode = Mode {
    name: "ascii",
    lang: Lang::ZhHans,
    kiosk: false,
    ascii: true,
};

fn start(mode: Mode) -> Harness {
    let words = Words::new(mode.lang);
    if mode.kiosk {
        Harness::kiosk_speaking(words)
    } else {
        Harness::speaking(words)
    }
}

/// Up to the date question: 甲市, employee, 糖尿病.
fn to_date(h: &mut Harness) {
    h.typed("js")
        .enter()
        .typed("1")
        .enter()
        .typed("tnb")
        .enter();
    assert_eq!(h.app.page(), Page::Question(Question::End));
}

/// Up to the result of 甲市 / 职工 / 糖尿病 / 2026-03-31 / 否.
fn to_result(h: &mut Harness) {
    h.answer_all().enter();
    assert_eq!(h.app.page(), Page::Result);
}

/// Drives a fresh wizard in `mode` to `screen`.
fn reach(mode: Mode, screen: &str) -> Harness {
    let mut h = start(mode);
    match screen {
        "region" => {}
        "region_filtered" => {
            h.typed("js");
        }
        "region_not_found" => {
            h.typed("qqqqqq");
        }
        "scheme" => {
            h.typed("js").enter();
        }
        "retired" => {
            h.typed("乙市").enter().typed("1").enter();
            assert_eq!(h.app.page(), Page::Question(Question::Retired));
        }
        "disease" => {
            h.typed("js").enter().typed("1").enter();
        }
        "date_empty" => to_date(&mut h),
        "date_enter_on_empty" => {
            to_date(&mut h);
            h.enter();
        }
        "date_typing" => {
            to_date(&mut h);
            h.typed("2026-3");
        }
        "date_invalid" => {
            to_date(&mut h);
            h.typed("2026-02-30").enter();
        }
        "date_month_day" => {
            to_date(&mut h);
            h.typed("3/31");
        }
        "date_far" => {
            to_date(&mut h);
            h.typed("2062-03-31").enter();
        }
        "cross" => {
            to_date(&mut h);
            h.typed("2026-03-31").enter();
        }
        "review" => {
            h.answer_all();
        }
        "review_label" => {
            h.answer_all().key(KeyCode::Up).enter();
        }
        "result_window" | "result_documents" | "result_channels" | "result_checklist"
        | "result_sources" => {
            to_result(&mut h);
            let tab = [
                "result_window",
                "result_documents",
                "result_channels",
                "result_checklist",
                "result_sources",
            ]
            .iter()
            .position(|t| *t == screen)
            .unwrap();
            h.typed(&(tab + 1).to_string());
        }
        "result_channels_scrolled" => {
            to_result(&mut h);
            h.typed("3");
            for _ in 0..10 {
                h.key(KeyCode::Down);
            }
        }
        "help" => {
            to_result(&mut h);
            h.typed("?");
        }
        "qr" => {
            to_result(&mut h);
            h.typed("r");
        }
        "home" => {
            to_result(&mut h);
            let tmp = h._tmp;
            h = Harness::in_dir_speaking(tmp, Words::new(mode.lang));
            assert_eq!(h.app.page(), Page::Home);
        }
        "countdown" => {
            h.tick(0);
            to_result(&mut h);
            h.tick(110_000);
            assert!(h.app.countdown().is_some());
        }
        "too_small" => {
            h.resize(50, 10);
        }
        other => panic!("no screen {other}"),
    }
    h
}

fn snap(mode: Mode, screen: &str) {
    let h = reach(mode, screen);
    let text = if mode.ascii {
        h.screen_with(&Theme {
            color: false,
            ascii: true,
            high_contrast: false,
        })
    } else {
        h.screen()
    };
    insta::assert_snapshot!(format!("{}__{screen}", mode.name), text);
}

/// One test per screen for a mode: `screens!(module, MODE; screen, …)`.
macro_rules! screens {
    ($module:ident, $mode:expr; $($screen:ident),* $(,)?) => {
        mod $module {
            use super::*;
            $(
                #[test]
                fn $screen() {
                    snap($mode, stringify!($screen));
                }
            )*
        }
    };
}

/// Every screen of the flow for a mode, and the screens only that mode has.
macro_rules! every_screen {
    ($module:ident, $mode:expr; $($extra:ident),* $(,)?) => {
        screens!($module, $mode;
            region, region_filtered, region_not_found, scheme, retired, disease, date_empty,
            date_enter_on_empty, date_typing, date_invalid, date_month_day, date_far, cross,
            review, review_label, result_window, result_documents, result_channels,
            result_channels_scrolled, result_checklist, result_sources, help, qr, too_small,
            $($extra),*);
    };
}

every_screen!(zh_hant, ZH_HANT; home);
every_screen!(en, EN; home);
// A kiosk never shows the home list; it has the idle countdown.
every_screen!(kiosk, KIOSK; countdown);
every_screen!(ascii, ASCII; home);

// Simplified Chinese screens `tests/tui.rs` does not pin.
screens!(zh_hans, ZH_HANS;
    region_not_found, date_enter_on_empty, date_typing, date_month_day, date_far,
    result_channels_scrolled, qr);

/// At a kiosk the result page says, in full on one 80-column line, that
/// nothing is kept and how to take the plan away: cut short, the visitor
/// never reads "p prints".
#[test]
fn the_kiosk_s_nothing_is_saved_line_is_whole_at_80_columns_in_every_language() {
    for lang in [Lang::ZhHans, Lang::ZhHant, Lang::En] {
        let mode = Mode {
            name: "kiosk",
            lang,
            kiosk: true,
            ascii: false,
        };
        let screen = reach(mode, "result_window").screen();
        let line = Words::new(lang).t("tui.kiosk.not_saved");
        assert!(
            screen.lines().any(|l| l.trim() == line),
            "{lang:?}: {line:?} is not whole on\n{screen}"
        );
    }
}
