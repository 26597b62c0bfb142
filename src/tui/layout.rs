//! Where things are on the screen, computed once per frame from the state
//! and the size with ratatui's `Layout`: the view draws into these areas and
//! a mouse click is tested against the same ones.

use ratatui::layout::{Constraint, Layout, Rect};
use unicode_width::UnicodeWidthStr;

use super::app::{App, MIN_SIZE, Page, Step, Tab};
use super::screens::result::ResultView;
use crate::i18n::t;

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

/// The areas of the screen shown. Areas a screen does not have are empty.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    /// The top row: where one is and today's date.
    pub header: Rect,
    /// The question (question-like screens).
    pub title: Rect,
    /// Its explanation, two rows.
    pub explain: Rect,
    /// Everything between the explanation (or the tabs) and the message.
    pub body: Rect,
    /// A text field: the filter or the date.
    pub field: Rect,
    /// The row under the field: the filter's count, the date as understood.
    pub hint: Rect,
    /// Below the field and hint: the date formats.
    pub below: Rect,
    /// The list shown, with its scroll offset.
    pub list: Option<ListGeom>,
    /// The result's tab row.
    pub tabs: Rect,
    /// The window pane beside the tabs (wide screens only).
    pub left: Option<Rect>,
    /// The tab pane.
    pub pane: Rect,
    /// The checklist's rows in the tab pane, when it shows.
    pub checklist: Option<ListGeom>,
    /// The message row and the key hints at the bottom.
    pub message: Rect,
    pub footer: Rect,
}

pub fn too_small(size: (u16, u16)) -> bool {
    size.0 < MIN_SIZE.0 || size.1 < MIN_SIZE.1
}

/// Wide screens show the window pane beside the tabs.
pub fn wide(size: (u16, u16)) -> bool {
    size.0 >= 110 && size.1 >= 30
}

/// Columns of the window pane beside the tabs at screen width `w`.
pub fn left_width(w: u16) -> u16 {
    (w * 9 / 20).max(50).min(w / 2)
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

/// Entries of the list the current screen shows.
fn list_len(app: &App) -> usize {
    match app.page() {
        Page::Home => app.saved().len() + 1,
        Page::Question(Step::End) | Page::Result => 0,
        Page::Question(step) => app.visible_options(step).len(),
        Page::Review { .. } => app.review_rows().len(),
    }
}

fn list_geom(app: &App, area: Rect) -> ListGeom {
    let stride = if app.kiosk().is_some() { 2 } else { 1 };
    let height = area.height / stride;
    ListGeom {
        top: area.y,
        height,
        offset: offset_for(app.selected(), list_len(app), height),
        stride,
    }
}

/// The areas of the current screen at the current size.
pub fn areas(app: &App) -> Areas {
    use Constraint::{Fill, Length};
    let (w, h) = app.size();
    let area = Rect::new(0, 0, w, h);
    let mut a = Areas::default();
    if let Some(view) = app.result() {
        [a.header, a.tabs, a.body, a.message, a.footer] =
            Layout::vertical([Length(1), Length(1), Fill(1), Length(1), Length(1)]).areas(area);
        let left = left_width(w);
        // The window pane beside the tabs only when all of it fits there (it
        // does not scroll): a plan with many warnings gets the tabs' layout,
        // where the window tab scrolls, rather than warnings cut off.
        if wide(app.size())
            && super::screens::result::summary_fits(view, usize::from(left) - 1, a.body.height)
        {
            let [l, _, pane] = Layout::horizontal([Length(left), Length(1), Fill(1)]).areas(a.body);
            (a.left, a.pane) = (Some(l), pane);
        } else {
            a.pane = a.body;
        }
        if pane_tab(view, &a) == Tab::Checklist
            && let Some(c) = view.checklist()
        {
            // One row for progress, three at the bottom for the selected item in full.
            let [_, list, _, _] =
                Layout::vertical([Length(1), Fill(1), Length(1), Length(3)]).areas(a.pane);
            a.checklist = Some(ListGeom {
                top: list.y,
                height: list.height,
                offset: offset_for(view.item(), c.items.len(), list.height),
                stride: 1,
            });
        }
        return a;
    }
    [a.header, a.title, a.explain, a.body, a.message, a.footer] = Layout::vertical([
        Length(1),
        Length(1),
        Length(2),
        Fill(1),
        Length(1),
        Length(1),
    ])
    .areas(area);
    match app.page() {
        Page::Question(Step::End) => {
            let [field, hint, _, below] =
                Layout::vertical([Length(1), Length(1), Length(1), Fill(1)]).areas(a.body);
            (a.field, a.hint, a.below) = (field, hint, below);
        }
        Page::Question(step) if App::filterable(step) => {
            let [field, hint, list] =
                Layout::vertical([Length(1), Length(1), Fill(1)]).areas(a.body);
            (a.field, a.hint) = (field, hint);
            a.list = Some(list_geom(app, list));
        }
        _ => a.list = Some(list_geom(app, a.body)),
    }
    a
}

/// The tab labels as drawn, with their first and last column.
pub fn tab_spans(app: &App) -> Vec<(Tab, String, u16, u16)> {
    let progress = app
        .result()
        .and_then(|r| r.checklist())
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

/// The tab shown in the tab pane (on wide screens the window is always
/// on the left, so the pane shows the checklist instead).
pub fn pane_tab(view: &ResultView, areas: &Areas) -> Tab {
    if areas.left.is_some() && view.tab() == Tab::Window {
        Tab::Checklist
    } else {
        view.tab()
    }
}

pub fn hit(app: &App, col: u16, row: u16) -> Option<Hit> {
    if too_small(app.size()) {
        return None;
    }
    let a = areas(app);
    if let Some(view) = app.result() {
        if row == a.tabs.y {
            return tab_spans(app)
                .into_iter()
                .find(|(_, _, x0, x1)| (*x0..*x1).contains(&col))
                .map(|(t, ..)| Hit::Tab(t));
        }
        let g = a.checklist?;
        let pane = a.pane;
        if row >= g.top && row < g.top + g.height && col >= pane.x && col < pane.right() {
            let i = g.offset + usize::from(row - g.top);
            let len = view.checklist()?.items.len();
            return (i < len).then_some(Hit::Item(i));
        }
        return None;
    }
    let g = a.list?;
    if row < g.top || row >= g.top + g.height * g.stride {
        return None;
    }
    // Either row of a kiosk's two-row entry selects it.
    let i = g.offset + usize::from((row - g.top) / g.stride);
    (i < list_len(app)).then_some(Hit::Option(i))
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
