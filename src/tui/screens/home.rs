//! The home list: 新建 on top, then the saved checklists, most urgent first.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;

use crate::i18n::{t, tf};
use crate::plan::Status;
use crate::tui::app::{App, Effect, move_selection};
use crate::tui::layout::Areas;
use crate::tui::theme::Theme;
use crate::tui::view::{fit, header, list_rows, put, status_glyph, text_line, title_and_explain};

use super::Screen;

#[derive(Debug, Clone, Default)]
pub struct Home {
    /// Highlighted row: 0 is 新建, `i + 1` is saved checklist `i`.
    pub(crate) selected: usize,
}

/// Rows of the list: 新建 and each saved checklist.
pub(crate) fn len(app: &App) -> usize {
    app.saved.len() + 1
}

fn state(app: &mut App) -> Option<&mut Home> {
    match &mut app.screen {
        Screen::Home(h) => Some(h),
        _ => None,
    }
}

/// Opens the row: a new plan, or the saved checklist.
fn activate(app: &mut App, row: usize) {
    if row == 0 {
        app.start_new();
    } else {
        app.open_saved(row - 1);
    }
}

pub(crate) fn key(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    let len = len(app);
    let Some(s) = state(app) else {
        return Vec::new();
    };
    match k.code {
        KeyCode::Up => move_selection(&mut s.selected, -1, len),
        KeyCode::Down => move_selection(&mut s.selected, 1, len),
        KeyCode::Home => s.selected = 0,
        KeyCode::End => s.selected = len - 1,
        KeyCode::Enter | KeyCode::Char(' ') => {
            let row = s.selected;
            activate(app, row);
        }
        KeyCode::Char('n') | KeyCode::Char('N') => app.start_new(),
        KeyCode::Char(c) if c.is_ascii_digit() => {
            let n = c.to_digit(10).unwrap_or(0) as usize;
            if n >= 1 && n <= len {
                s.selected = n - 1;
            }
        }
        _ => {}
    }
    Vec::new()
}

pub(crate) fn click(app: &mut App, row: usize) -> Vec<Effect> {
    if let Some(s) = state(app) {
        s.selected = row;
    }
    activate(app, row);
    Vec::new()
}

pub(crate) fn draw(frame: &mut Frame, app: &App, home: &Home, theme: &Theme, areas: &Areas) {
    header(frame, app, theme, areas, t("tui.app_name"));
    title_and_explain(
        frame,
        theme,
        areas,
        t("tui.home.title"),
        t("tui.home.explain"),
    );
    let mut rows = vec![t("tui.home.new").to_string()];
    for c in &app.saved {
        let status = c.window.status(app.today);
        let days = (c.window.closes - app.today).num_days();
        let words = match status {
            Status::Open => tf("tui.home.open", &[("n", &days)]),
            Status::NotYetOpen => tf(
                "tui.home.not_yet",
                &[("n", &(c.window.opens - app.today).num_days())],
            ),
            Status::Grace => tf(
                "tui.home.grace",
                &[
                    ("until", &c.window.last_day()),
                    ("n", &(c.window.last_day() - app.today).num_days()),
                ],
            ),
            Status::Expired => tf(
                "tui.home.expired",
                &[("n", &(app.today - c.window.last_day()).num_days())],
            ),
            Status::NoRenewal => t("tui.home.no_renewal").to_string(),
        };
        let (done, total) = c.progress();
        // The label, then the disease when the label is something else.
        let who = if c.label == c.disease_name {
            c.label.clone()
        } else {
            format!("{} · {}", c.label, c.disease_name)
        };
        // No end date to show where none is kept.
        let ends = if status == Status::NoRenewal {
            String::new()
        } else {
            format!(" · {} {}", t("tui.home.ends"), c.window.closes)
        };
        rows.push(format!(
            "{}{who} · {}{ends} · {words} · {done}/{total}",
            status_glyph(theme, status),
            c.region_name,
        ));
    }
    if let Some(g) = areas.list {
        list_rows(frame, theme, g, &rows, home.selected);
    }
    if !app.problems.is_empty() {
        let w = frame.area().width;
        let y = areas.body.bottom().saturating_sub(1);
        let text = crate::checklist::words::problem_text(&app.problems[0]);
        put(
            frame,
            1,
            y,
            w - 2,
            text_line(&fit(&format!("! {text}"), w as usize - 2), theme.warn()),
        );
    }
}
