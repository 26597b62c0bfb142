//! The wizard's hot paths. Targets (README): one keystroke in a filtered
//! list at 333 regions x 60 diseases, and over every place in China, under
//! 1 ms; one full frame of the
//! result screen at 80x24 and 200x60 under 1 ms.

#[path = "synthetic.rs"]
mod synthetic;

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use renewal_assistant::i18n::{Lang, Words};
use renewal_assistant::tui::app::{App, Msg, update};
use renewal_assistant::tui::theme::Theme;
use renewal_assistant::tui::view;

fn key(app: &mut App, code: KeyCode) {
    update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn benches(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let theme = Theme {
        color: true,
        ascii: false,
        high_contrast: false,
    };

    // A keystroke at national scale: filter 334 regions, then 60 diseases.
    let mut app = App::new(
        synthetic::policy(),
        today,
        Vec::new(),
        Vec::new(),
        Words::new(Lang::ZhHans),
    );
    c.bench_function("keystroke: filter 334 regions (type + backspace)", |b| {
        b.iter(|| {
            key(&mut app, KeyCode::Char('h'));
            black_box(
                app.visible_options(renewal_assistant::tui::app::Question::Region)
                    .len(),
            );
            key(&mut app, KeyCode::Backspace);
        })
    });
    // Every place in China (issue 12): the region question's filter runs
    // over the regions with data and ~480 places on each keystroke.
    let mut app = App::new(
        renewal_assistant::policy::PolicySet::embedded().unwrap(),
        today,
        Vec::new(),
        Vec::new(),
        Words::new(Lang::ZhHans),
    );
    for (name, typed) in [("x", 'x'), ("石", '石')] {
        c.bench_function(
            &format!("keystroke: filter every place, {name} (type + backspace)"),
            |b| {
                b.iter(|| {
                    key(&mut app, KeyCode::Char(typed));
                    black_box(
                        app.visible_options(renewal_assistant::tui::app::Question::Region)
                            .len(),
                    );
                    key(&mut app, KeyCode::Backspace);
                })
            },
        );
    }
    let mut app = App::new(
        synthetic::policy(),
        today,
        Vec::new(),
        Vec::new(),
        Words::new(Lang::ZhHans),
    );
    for c2 in "hc99".chars() {
        key(&mut app, KeyCode::Char(c2));
    }
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('1'));
    key(&mut app, KeyCode::Enter);
    c.bench_function("keystroke: filter 60 diseases (type + backspace)", |b| {
        b.iter(|| {
            key(&mut app, KeyCode::Char('g'));
            black_box(
                app.visible_options(renewal_assistant::tui::app::Question::Disease)
                    .len(),
            );
            key(&mut app, KeyCode::Backspace);
        })
    });

    // Full frames of the result screen, in Simplified and in Traditional
    // Chinese (which converts policy text for display).
    for (w, h, lang) in [
        (80u16, 24u16, Lang::ZhHans),
        (200, 60, Lang::ZhHans),
        (80, 24, Lang::ZhHant),
        (200, 60, Lang::ZhHant),
    ] {
        let mut app = App::new(
            renewal_assistant::policy::PolicySet::embedded().unwrap(),
            today,
            Vec::new(),
            Vec::new(),
            Words::new(lang),
        );
        update(&mut app, Msg::Resize(w, h));
        for k in "qd".chars() {
            key(&mut app, KeyCode::Char(k));
        }
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::Char('2'));
        key(&mut app, KeyCode::Enter);
        for k in "ndz".chars() {
            key(&mut app, KeyCode::Char(k));
        }
        key(&mut app, KeyCode::Enter);
        for k in "2026-03-31".chars() {
            key(&mut app, KeyCode::Char(k));
        }
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::Char('1'));
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::Enter);
        assert!(app.result().is_some());
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        for (tab, name) in [('1', "window"), ('3', "channels")] {
            key(&mut app, KeyCode::Char(tab));
            c.bench_function(
                &format!(
                    "frame: result {name} tab at {w}x{h} (青岛, {})",
                    lang.code()
                ),
                |b| {
                    b.iter(|| {
                        terminal.draw(|f| view::draw(f, &app, &theme)).unwrap();
                    })
                },
            );
        }
    }
}

criterion_group!(tui_benches, benches);
criterion_main!(tui_benches);
