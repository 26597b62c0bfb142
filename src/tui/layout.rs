//! Where things are on the screen, computed from the state and the size
//! alone, so the view draws there and a mouse click finds the same place.

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::app::{App, MIN_SIZE, Screen, Step, Tab};
use crate::i18n::{t, tf};

/// What a click landed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// Row `i` of the current list (home, question options, review rows).
    Option(usize),
    Tab(Tab),
    /// Checklist item `i`.
    Item(usize),
}

/// A vertical list: its first screen row, its height, and the first
/// entry shown (so the selected entry stays in view).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListGeom {
    pub top: u16,
    /// Entries that fit (not rows: at a kiosk each entry takes `stride` rows).
    pub height: u16,
    pub offset: usize,
    /// Rows per entry: 2 at a kiosk, for big calm targets.
    pub stride: u16,
}

pub fn too_small(app: &App) -> bool {
    app.size.0 < MIN_SIZE.0 || app.size.1 < MIN_SIZE.1
}

/// Wide screens show the window pane beside the tabs.
pub fn wide(app: &App) -> bool {
    app.size.0 >= 110 && app.size.1 >= 30
}

/// First entry to show so that `selected` is inside `height` rows.
pub fn offset_for(selected: usize, len: usize, height: u16) -> usize {
    let h = usize::from(height.max(1));
    if len <= h || selected < h / 2 {
        0
    } else {
        (selected + 1 - h / 2)
            .min(len.saturating_sub(h))
            .min(selected)
    }
}

/// Rows 0–2 are the header, question and explanation; the last two rows
/// are the message and the key hints.
fn body_bottom(app: &App) -> u16 {
    app.size.1.saturating_sub(2)
}

pub fn list_geom(app: &App) -> Option<ListGeom> {
    let (top, len, selected) = match &app.screen {
        Screen::Home => (4, app.saved.len() + 1, app.selected),
        Screen::Question(Step::End) => return None,
        Screen::Question(step) => {
            let top = if App::filterable(*step) { 6 } else { 4 };
            (top, app.visible_options(*step).len(), app.selected)
        }
        Screen::Review { .. } => (4, app.review_rows().len(), app.selected),
        Screen::Result => return None,
    };
    let stride = if app.kiosk.is_some() { 2 } else { 1 };
    let height = body_bottom(app).saturating_sub(top) / stride;
    Some(ListGeom {
        top,
        height,
        offset: offset_for(selected, len, height),
        stride,
    })
}

/// The tab labels as drawn, with their first and last column.
pub fn tab_spans(app: &App) -> Vec<(Tab, String, u16, u16)> {
    let progress = app
        .result
        .as_ref()
        .and_then(|r| r.checklist.as_ref())
        .map(|c| {
            let (d, n) = c.progress();
            format!(" {d}/{n}")
        })
        .unwrap_or_default();
    let mut x = 0u16;
    let mut spans = Vec::new();
    for (i, tab) in Tab::ALL.iter().enumerate() {
        let name = match tab {
            Tab::Window => t("tui.tab.window").to_string(),
            Tab::Documents => t("tui.tab.documents").to_string(),
            Tab::Channels => t("tui.tab.channels").to_string(),
            Tab::Checklist => format!("{}{progress}", t("tui.tab.checklist")),
            Tab::Sources => t("tui.tab.sources").to_string(),
        };
        let label = format!(" {} {name} ", i + 1);
        let w = label.width() as u16;
        spans.push((*tab, label, x, x + w));
        x += w + 1;
    }
    spans
}

/// The area of the result body: (x, y, width, height) of the left pane
/// (wide screens only) and of the tab pane.
pub fn result_panes(app: &App) -> (Option<Rect>, Rect) {
    let (w, h) = app.size;
    let top = 2;
    let height = h.saturating_sub(top + 2);
    if wide(app) {
        let left = (w * 9 / 20).max(50).min(w / 2);
        (
            Some(Rect::new(0, top, left, height)),
            Rect::new(left + 1, top, w - left - 1, height),
        )
    } else {
        (None, Rect::new(0, top, w, height))
    }
}

/// The tab shown in the tab pane (on wide screens the window is always
/// on the left, so the pane shows the checklist instead).
pub fn pane_tab(app: &App) -> Option<Tab> {
    let tab = app.result.as_ref()?.tab;
    Some(if wide(app) && tab == Tab::Window {
        Tab::Checklist
    } else {
        tab
    })
}

/// Rows of the checklist in the tab pane: first row, height, offset.
pub fn checklist_geom(app: &App) -> Option<ListGeom> {
    if pane_tab(app)? != Tab::Checklist {
        return None;
    }
    let view = app.result.as_ref()?;
    let items = view.checklist.as_ref()?.items.len();
    let (_, pane) = result_panes(app);
    // One row for progress, three at the bottom for the selected item in full.
    let height = pane.height.saturating_sub(5);
    Some(ListGeom {
        top: pane.y + 1,
        height,
        offset: offset_for(view.item, items, height),
        stride: 1,
    })
}

pub fn hit(app: &App, col: u16, row: u16) -> Option<Hit> {
    if too_small(app) {
        return None;
    }
    if let Screen::Result = app.screen {
        if row == 1 {
            return tab_spans(app)
                .into_iter()
                .find(|(_, _, a, b)| (*a..*b).contains(&col))
                .map(|(t, ..)| Hit::Tab(t));
        }
        let g = checklist_geom(app)?;
        let (_, pane) = result_panes(app);
        if row >= g.top && row < g.top + g.height && col >= pane.x && col < pane.right() {
            let i = g.offset + usize::from(row - g.top);
            let len = app.result.as_ref()?.checklist.as_ref()?.items.len();
            return (i < len).then_some(Hit::Item(i));
        }
        return None;
    }
    let g = list_geom(app)?;
    if row < g.top || row >= g.top + g.height * g.stride {
        return None;
    }
    // Either row of a kiosk's two-row entry selects it.
    let i = g.offset + usize::from((row - g.top) / g.stride);
    let len = match &app.screen {
        Screen::Home => app.saved.len() + 1,
        Screen::Question(step) => app.visible_options(*step).len(),
        Screen::Review { .. } => app.review_rows().len(),
        Screen::Result => 0,
    };
    (i < len).then_some(Hit::Option(i))
}

/// "第 N 步，共 M 步" for a question.
pub fn step_counter(app: &App, step: Step) -> String {
    let steps = app.steps();
    let n = steps
        .iter()
        .position(|s| *s == step)
        .map(|p| p + 1)
        .unwrap_or(1);
    tf("tui.step", &[("n", &n), ("m", &steps.len())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_keep_the_selection_visible() {
        assert_eq!(offset_for(0, 100, 10), 0);
        assert_eq!(offset_for(4, 100, 10), 0);
        for sel in 0..100 {
            let off = offset_for(sel, 100, 10);
            assert!(off <= sel && sel < off + 10, "{sel} {off}");
            assert!(off + 10 <= 100);
        }
        assert_eq!(offset_for(3, 5, 10), 0);
        assert_eq!(offset_for(0, 0, 0), 0);
    }
}
