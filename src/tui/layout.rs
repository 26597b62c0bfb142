//! Where things are on the screen, computed once per frame with ratatui's
//! `Layout` from what is shown ([`Shown`], read from the state by
//! `App::shown`): the view draws into these areas and a mouse click is
//! tested against the same ones. It knows nothing of the state itself, so
//! the state's update can ask it where a click landed.

use ratatui::layout::{Constraint, Layout, Rect};
use unicode_width::UnicodeWidthStr;

use crate::i18n::Words;

/// The smallest screen the wizard draws on; below it, one line asks for more.
pub(crate) const MIN_SIZE: (u16, u16) = (60, 18);

/// The tabs of the result screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Window,
    Documents,
    Channels,
    Checklist,
    Sources,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Window,
        Tab::Documents,
        Tab::Channels,
        Tab::Checklist,
        Tab::Sources,
    ];

    pub(crate) fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub(crate) fn next(self) -> Tab {
        Tab::ALL[(self.index() + 1) % Tab::ALL.len()]
    }

    pub(crate) fn prev(self) -> Tab {
        Tab::ALL[(self.index() + Tab::ALL.len() - 1) % Tab::ALL.len()]
    }
}

/// What the screen shows, as far as where things go depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    pub size: (u16, u16),
    /// A kiosk's list entries take two rows each.
    pub kiosk: bool,
    pub content: Content,
    /// The words it is drawn in (the tabs are as wide as their names).
    pub words: Words,
}

/// The kind of screen, with what its geometry needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    /// A list to choose from (the home list, a question's options, the
    /// review rows), under a filter field when `filter`.
    List {
        len: usize,
        selected: usize,
        filter: bool,
    },
    /// The date field with its hint and the formats below.
    Date,
    /// The result: the tab chosen, the checklist's selected item, its
    /// length and its progress (done, total) when there is a checklist, and
    /// the rows the window summary takes in the pane beside the tabs (see
    /// [`left_width`]; 0 when the screen is not wide).
    Result {
        tab: Tab,
        item: usize,
        checklist: Option<(usize, (usize, usize))>,
        summary_rows: usize,
    },
    /// A saved checklist's renewal cycle: where it stands above; below, a
    /// list of `rows` (the actions; the channels under a `heading` row) or,
    /// with no rows, the date being typed.
    Cycle {
        rows: usize,
        selected: usize,
        heading: bool,
    },
}

/// What a click landed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hit {
    /// Row `i` of the current list (home, question options, review rows).
    Option(usize),
    Tab(Tab),
    /// Checklist item `i`.
    Item(usize),
}

/// A vertical list: its first screen row, its height, and the first
/// entry shown (so the selected entry stays in view).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ListGeom {
    pub top: u16,
    /// Entries that fit (not rows: at a kiosk each entry takes `stride` rows).
    pub height: u16,
    pub offset: usize,
    /// Rows per entry: 2 at a kiosk, for big calm targets.
    pub stride: u16,
}

/// The areas of the screen shown. Areas a screen does not have are empty.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Areas {
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

pub(crate) fn too_small(size: (u16, u16)) -> bool {
    size.0 < MIN_SIZE.0 || size.1 < MIN_SIZE.1
}

/// Wide screens show the window pane beside the tabs.
pub(crate) fn wide(size: (u16, u16)) -> bool {
    size.0 >= 110 && size.1 >= 30
}

/// Columns of the window pane beside the tabs at screen width `w`.
pub(crate) fn left_width(w: u16) -> u16 {
    (w * 9 / 20).max(50).min(w / 2)
}

/// First entry to show so that `selected` is inside `height` rows.
pub(crate) fn offset_for(selected: usize, len: usize, height: u16) -> usize {
    let h = usize::from(height.max(1));
    if len <= h || selected < h / 2 {
        0
    } else {
        (selected + 1 - h / 2)
            .min(len.saturating_sub(h))
            .min(selected)
    }
}

fn list_geom(shown: &Shown, area: Rect, len: usize, selected: usize) -> ListGeom {
    let stride = if shown.kiosk { 2 } else { 1 };
    let height = area.height / stride;
    ListGeom {
        top: area.y,
        height,
        offset: offset_for(selected, len, height),
        stride,
    }
}

/// The areas of the screen shown.
pub(crate) fn areas(shown: &Shown) -> Areas {
    use Constraint::{Fill, Length};
    let (w, h) = shown.size;
    let area = Rect::new(0, 0, w, h);
    let mut a = Areas::default();
    if let Content::Result {
        tab,
        item,
        checklist,
        summary_rows,
    } = shown.content
    {
        [a.header, a.tabs, a.body, a.message, a.footer] =
            Layout::vertical([Length(1), Length(1), Fill(1), Length(1), Length(1)]).areas(area);
        let left = left_width(w);
        // The window pane beside the tabs only when all of it fits there (it
        // does not scroll): a plan with many warnings gets the tabs' layout,
        // where the window tab scrolls, rather than warnings cut off.
        if wide(shown.size) && summary_rows <= usize::from(a.body.height) {
            let [l, _, pane] = Layout::horizontal([Length(left), Length(1), Fill(1)]).areas(a.body);
            (a.left, a.pane) = (Some(l), pane);
        } else {
            a.pane = a.body;
        }
        if pane_tab(tab, &a) == Tab::Checklist
            && let Some((len, _)) = checklist
        {
            // One row for progress, three at the bottom for the selected item in full.
            let [_, list, _, _] =
                Layout::vertical([Length(1), Fill(1), Length(1), Length(3)]).areas(a.pane);
            a.checklist = Some(ListGeom {
                top: list.y,
                height: list.height,
                offset: offset_for(item, len, list.height),
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
    match shown.content {
        Content::Date => {
            let [field, hint, _, below] =
                Layout::vertical([Length(1), Length(1), Length(1), Fill(1)]).areas(a.body);
            (a.field, a.hint, a.below) = (field, hint, below);
        }
        Content::List {
            len,
            selected,
            filter: true,
        } => {
            let [field, hint, list] =
                Layout::vertical([Length(1), Length(1), Fill(1)]).areas(a.body);
            (a.field, a.hint) = (field, hint);
            a.list = Some(list_geom(shown, list, len, selected));
        }
        Content::List { len, selected, .. } => {
            a.list = Some(list_geom(shown, a.body, len, selected))
        }
        // The state and history in the pane, the form below it.
        Content::Cycle { rows: 0, .. } => {
            let [pane, _, field, hint, below] =
                Layout::vertical([Fill(1), Length(1), Length(1), Length(1), Length(1)])
                    .areas(a.body);
            (a.pane, a.field, a.hint, a.below) = (pane, field, hint, below);
        }
        Content::Cycle {
            rows,
            selected,
            heading: true,
        } => {
            let list_h = (rows as u16).min(a.body.height.saturating_sub(5));
            let [pane, _, hint, list] =
                Layout::vertical([Fill(1), Length(1), Length(1), Length(list_h)]).areas(a.body);
            (a.pane, a.hint) = (pane, hint);
            a.list = Some(list_geom(shown, list, rows, selected));
        }
        Content::Cycle { rows, selected, .. } => {
            let [pane, _, list] =
                Layout::vertical([Fill(1), Length(1), Length(rows as u16)]).areas(a.body);
            a.pane = pane;
            a.list = Some(list_geom(shown, list, rows, selected));
        }
        Content::Result { .. } => {}
    }
    a
}

/// The tab labels as drawn, with their first and last column.
pub fn tab_spans(shown: &Shown) -> Vec<(Tab, String, u16, u16)> {
    let words = shown.words;
    let progress = match shown.content {
        // Nothing required (no renewal): no "0/0".
        Content::Result {
            checklist: Some((_, (d, n))),
            ..
        } if n > 0 => format!(" {d}/{n}"),
        _ => String::new(),
    };
    let mut x = 0u16;
    let mut spans = Vec::new();
    for (i, tab) in Tab::ALL.iter().enumerate() {
        let name = match tab {
            Tab::Window => words.t("tui.tab.window").to_string(),
            Tab::Documents => words.t("tui.tab.documents").to_string(),
            Tab::Channels => words.t("tui.tab.channels").to_string(),
            Tab::Checklist => format!("{}{progress}", words.t("tui.tab.checklist")),
            Tab::Sources => words.t("tui.tab.sources").to_string(),
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
pub(crate) fn pane_tab(tab: Tab, areas: &Areas) -> Tab {
    if areas.left.is_some() && tab == Tab::Window {
        Tab::Checklist
    } else {
        tab
    }
}

/// What a click at (`col`, `row`) landed on.
pub(crate) fn hit(shown: &Shown, col: u16, row: u16) -> Option<Hit> {
    if too_small(shown.size) {
        return None;
    }
    let a = areas(shown);
    match shown.content {
        Content::Result { checklist, .. } => {
            if row == a.tabs.y {
                return tab_spans(shown)
                    .into_iter()
                    .find(|(_, _, x0, x1)| (*x0..*x1).contains(&col))
                    .map(|(t, ..)| Hit::Tab(t));
            }
            let g = a.checklist?;
            let pane = a.pane;
            if row >= g.top && row < g.top + g.height && col >= pane.x && col < pane.right() {
                let i = g.offset + usize::from(row - g.top);
                let (len, _) = checklist?;
                return (i < len).then_some(Hit::Item(i));
            }
            None
        }
        Content::Date => None,
        Content::List { len, .. } | Content::Cycle { rows: len, .. } => {
            let g = a.list?;
            if row < g.top || row >= g.top + g.height * g.stride {
                return None;
            }
            // Either row of a kiosk's two-row entry selects it.
            let i = g.offset + usize::from((row - g.top) / g.stride);
            (i < len).then_some(Hit::Option(i))
        }
    }
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
