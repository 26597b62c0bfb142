//! The document as Markdown, for printing and for pasting: GitHub-flavoured
//! (task lists, pipe tables). Text is never wrapped here; the reader does.

use super::{Block, Document, ParaKind, Table};
use crate::i18n::Words;

fn escape_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn para(kind: ParaKind, text: &str) -> String {
    match kind {
        ParaKind::Plain | ParaKind::Note => text.to_string(),
        ParaKind::Warning => format!("⚠ {text}"),
        ParaKind::Key => format!("**{text}**"),
        ParaKind::Contact => format!("☎ {text}"),
        ParaKind::Route => format!("*{text}*"),
    }
}

fn table(out: &mut Vec<String>, table: &Table) {
    let row = |label: &str, cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| escape_cell(c)).collect();
        format!("| {} | {} |", escape_cell(label), cells.join(" | "))
    };
    out.push(row("", &table.headers));
    out.push(format!("|---|{}", "---|".repeat(table.headers.len())));
    for (label, cells) in &table.rows {
        out.push(row(label, cells));
    }
}

/// The document as Markdown.
pub(crate) fn render(doc: &Document, words: Words) -> String {
    let mut out: Vec<String> = vec![format!("# {}", doc.title)];
    for section in &doc.sections {
        if let Some(key) = section.kind.heading_key() {
            out.push(String::new());
            out.push(format!("## {}", words.t(key)));
        }
        for block in &section.blocks {
            out.push(String::new());
            match block {
                Block::Paragraph(p) => out.push(para(p.kind, &p.text)),
                Block::Bullets(items) => {
                    out.extend(items.iter().map(|p| format!("- {}", para(p.kind, &p.text))))
                }
                Block::Steps(steps) => out.extend(
                    steps
                        .iter()
                        .enumerate()
                        .map(|(i, s)| format!("{}. {s}", i + 1)),
                ),
                Block::Subheading(s) => out.push(format!("### {s}")),
                Block::Table(tb) => table(&mut out, tb),
                Block::Checks(rows) => {
                    for r in rows {
                        let tick = if r.done { "[x]" } else { "[ ]" };
                        out.push(format!("- {tick} {}. {}", r.number, r.text));
                        out.extend(r.details.iter().map(|d| format!("  {d}")));
                    }
                }
            }
        }
    }
    out.push(String::new());
    out.join("\n")
}
