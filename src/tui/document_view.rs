//! The plan's document on the wizard's result tabs: the same lines as the
//! text output (`document::text`), styled by what each line is. Nothing
//! here looks at a line's characters to decide its style.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::document::text::{self, Glyphs, Layout, LineKind};
use crate::document::{Document, ParaKind, SectionKind, build};
use crate::i18n::Words;
use crate::plan::RenewalPlan;

/// The plan's document cleaned and converted for the display language,
/// once: frames only lay it out.
pub(crate) fn display_document(plan: &RenewalPlan, words: Words) -> Document {
    let mut doc = build(plan, None, words);
    doc.map_text(&|text: &str| words.data(text));
    doc
}

fn style(kind: LineKind, theme: &Theme) -> Style {
    match kind {
        LineKind::Heading
        | LineKind::Subheading
        | LineKind::Title
        | LineKind::Body(ParaKind::Route) => theme.heading(),
        LineKind::Body(ParaKind::Warning) => theme.warn(),
        LineKind::Check { done: true, .. } => theme.ok(),
        LineKind::Body(ParaKind::Plain | ParaKind::Key | ParaKind::Note | ParaKind::Contact)
        | LineKind::Check { done: false, .. }
        | LineKind::TableHead
        | LineKind::Table
        | LineKind::Blank => Style::new(),
    }
}

/// A tab's text laid out: its lines, where each comparison table's heading
/// is (kept in view while its rows scroll), and which check row each line
/// belongs to (the documents tab selects and ticks rows).
#[derive(Debug, Clone, Default)]
pub(crate) struct PaneText {
    pub lines: Vec<Line<'static>>,
    pub tables: Vec<TableSpan>,
    /// The check row number of each line of a row's text and its details.
    pub rows: Vec<Option<usize>>,
}

/// A table's heading lines and the end (exclusive) of its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TableSpan {
    pub head: Range<usize>,
    pub end: usize,
}

impl PaneText {
    /// The heading lines to keep over the pane when it is scrolled by
    /// `scroll`: the table whose heading has scrolled away while rows still
    /// show. A heading taller than `max_rows` (long names wrap) is kept as
    /// its top rule, its first line (the start of each column's name) and
    /// the rule under it, so rows stay in view.
    pub(crate) fn pinned_head(&self, scroll: usize, max_rows: usize) -> Option<Vec<usize>> {
        self.tables.iter().find_map(|t| {
            let lines: Vec<usize> = if t.head.len() <= max_rows.max(3) {
                t.head.clone().collect()
            } else {
                vec![t.head.start, t.head.start + 1, t.head.end - 1]
            };
            (scroll > t.head.start && scroll + lines.len() < t.end).then_some(lines)
        })
    }

    /// The first and last line of check row `number`.
    pub(crate) fn row_lines(&self, number: usize) -> Option<(usize, usize)> {
        let first = self.rows.iter().position(|r| *r == Some(number))?;
        let last = self.rows.iter().rposition(|r| *r == Some(number))?;
        Some((first, last))
    }
}

/// Every document row of the documents section shown ticked as `done` says
/// (the saved checklist's ticks, by document number).
pub(crate) fn tick_documents(doc: &mut Document, done: impl Fn(usize) -> bool) {
    for s in doc
        .sections
        .iter_mut()
        .filter(|s| s.kind == SectionKind::Documents)
    {
        for b in &mut s.blocks {
            if let crate::document::Block::Checks(rows) = b {
                for r in rows {
                    r.done = done(r.number);
                }
            }
        }
    }
}

/// The sections of `kinds`, each under its heading, wrapped to `width`.
#[cfg(test)]
pub(crate) fn section_lines(
    doc: &Document,
    kinds: &[SectionKind],
    width: usize,
    theme: &Theme,
    words: Words,
) -> Vec<Line<'static>> {
    section_text(doc, kinds, width, theme, None, words).lines
}

/// The sections of `kinds` laid out, with check row `selected` highlighted.
pub(crate) fn section_text(
    doc: &Document,
    kinds: &[SectionKind],
    width: usize,
    theme: &Theme,
    selected: Option<usize>,
    words: Words,
) -> PaneText {
    let words = words.with_ascii(theme.ascii);
    styled(&laid_out(doc, kinds, width, words), theme, selected)
}

/// The sections of `kinds` wrapped to `width`, tables drawn, before any
/// style: the costly part of a tab's text, which depends only on these
/// (and on the words: their language, and `--ascii` for the glyphs).
pub(crate) fn laid_out(
    doc: &Document,
    kinds: &[SectionKind],
    width: usize,
    words: Words,
) -> Vec<text::TextLine> {
    let part = Document {
        title: String::new(),
        sections: doc.only(kinds).cloned().collect(),
    };
    let layout = Layout {
        width: Some(width),
        glyphs: if words.ascii {
            Glyphs::Ascii
        } else {
            Glyphs::Unicode
        },
        tables: true,
    };
    // The title line and the blank before the first heading are the
    // whole plan's, not the tab's (a section without a heading has none).
    let mut lines = text::lines(&part, layout, words)
        .into_iter()
        .skip(1)
        .peekable();
    lines.next_if(|l| l.kind == LineKind::Blank);
    lines.collect()
}

/// Laid-out lines styled for `theme`, with check row `selected` highlighted.
pub(crate) fn styled(lines: &[text::TextLine], theme: &Theme, selected: Option<usize>) -> PaneText {
    let mut out = PaneText::default();
    let mut row = None;
    for l in lines {
        let i = out.lines.len();
        match l.kind {
            LineKind::Check { number, .. } => row = Some(number),
            // A row's details belong to it; anything else ends it.
            LineKind::Body(ParaKind::Plain) => {}
            _ => row = None,
        }
        match (l.kind, out.tables.last_mut()) {
            (LineKind::TableHead, Some(t)) if t.end == i && t.head.end == i => {
                t.head.end = i + 1;
                t.end = i + 1;
            }
            (LineKind::TableHead, _) => out.tables.push(TableSpan {
                head: i..i + 1,
                end: i + 1,
            }),
            (LineKind::Table, Some(t)) if t.end == i => t.end = i + 1,
            _ => {}
        }
        let style = if row.is_some() && row == selected {
            theme.selected()
        } else {
            style(l.kind, theme)
        };
        // The document was made before the frame knew its theme.
        let text = if theme.ascii {
            crate::i18n::ascii_fold(&l.text)
        } else {
            l.text.clone()
        };
        out.lines.push(Line::from(Span::styled(text, style)));
        out.rows.push(row);
    }
    out
}
