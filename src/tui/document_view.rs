//! The plan's document on the wizard's result tabs: the same lines as the
//! text output (`document::text`), styled by what each line is. Nothing
//! here looks at a line's characters to decide its style.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::document::text::{self, Glyphs, Layout, LineKind};
use crate::document::{Document, ParaKind, SectionKind, build};
use crate::plan::RenewalPlan;

/// The plan's document cleaned and converted for the display language,
/// once: frames only lay it out.
pub fn display_document(plan: &RenewalPlan) -> Document {
    let mut doc = build(plan, None);
    doc.map_text(&crate::i18n::data);
    doc
}

fn style(kind: LineKind, theme: &Theme) -> Style {
    match kind {
        LineKind::Heading | LineKind::Subheading | LineKind::Title => theme.heading(),
        LineKind::Body(ParaKind::Warning) => theme.warn(),
        LineKind::Check { done: true } => theme.ok(),
        LineKind::Body(ParaKind::Plain | ParaKind::Key | ParaKind::Note | ParaKind::Contact)
        | LineKind::Check { done: false }
        | LineKind::Table
        | LineKind::Blank => Style::new(),
    }
}

/// The sections of `kinds`, each under its heading, wrapped to `width`.
pub fn section_lines(
    doc: &Document,
    kinds: &[SectionKind],
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let part = Document {
        title: String::new(),
        sections: doc.only(kinds).cloned().collect(),
    };
    let layout = Layout {
        width: Some(width),
        glyphs: if theme.ascii {
            Glyphs::Ascii
        } else {
            Glyphs::Unicode
        },
        tables: true,
    };
    // The title line and the blank before the first heading are the
    // whole plan's, not the tab's.
    text::lines(&part, layout)
        .into_iter()
        .skip(2)
        .map(|l| Line::from(Span::styled(l.text, style(l.kind, theme))))
        .collect()
}
