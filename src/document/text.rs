//! The document as lines of text: for a terminal (`renew plan`), a pipe, a
//! screen reader (plain mode) and the wizard's panes, which style the lines
//! by their [`LineKind`] instead of reading their first characters.
//!
//! Wrapping is `textwrap` with Unicode line breaking (UAX #14), so Chinese
//! breaks between characters but never before closing punctuation, and
//! widths are display columns. The comparison table is `comfy-table`.

use comfy_table::{ContentArrangement, Table as Grid};
use textwrap::{Options, WordSeparator, WordSplitter};
use unicode_width::UnicodeWidthStr;

use super::{Block, CheckRow, Document, ParaKind, Table};
use crate::i18n::Words;

/// The markers the program adds around the plan's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Glyphs {
    /// ☐ ☑ ► ☎ ·: of unambiguous width in CJK terminals.
    Unicode,
    /// `--ascii`: only ASCII for every mark the program adds.
    Ascii,
    /// Plain mode, for screen readers: words instead of symbols.
    Words,
}

/// How to lay the text out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Layout {
    /// Display columns to wrap at; `None` leaves every paragraph on one
    /// line (a pipe, a screen reader: the reader's side wraps).
    pub width: Option<usize>,
    pub glyphs: Glyphs,
    /// Draw the channel comparison as a table; else one labelled line per
    /// field, which reads well aloud and never needs width.
    pub tables: bool,
}

impl Layout {
    /// A terminal `width` columns wide, tables drawn with Unicode marks.
    pub(crate) fn terminal(width: usize) -> Layout {
        Layout {
            width: Some(width),
            glyphs: Glyphs::Unicode,
            tables: true,
        }
    }

    /// Plain mode: words for marks, no tables, no hard wrapping.
    pub(crate) fn plain() -> Layout {
        Layout {
            width: None,
            glyphs: Glyphs::Words,
            tables: false,
        }
    }
}

/// What a line is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    Title,
    Heading,
    Subheading,
    Body(ParaKind),
    /// A line of check row `number` (its text; details are `Body`).
    Check {
        done: bool,
        number: usize,
    },
    /// A comparison table's heading rows, down to the rule under them: the
    /// wizard keeps them in view while the rows below scroll.
    TableHead,
    Table,
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextLine {
    pub kind: LineKind,
    pub text: String,
}

/// Wraps `text` to lines of at most `width` display columns (at least 2),
/// breaking where the Unicode line-breaking rules (UAX #14, through
/// `textwrap` and `unicode-linebreak`) allow: at spaces, between CJK
/// characters, never before closing punctuation (，。；」”) nor after
/// opening punctuation. A run of ASCII letters, digits and signs (a time
/// 8:30-17:00, a number, a Latin word, a URL) is kept whole unless it is
/// wider than a line. Each `\n` starts a new line.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let options = wrap_options(width);
    text.split('\n')
        .flat_map(|p| {
            // A paragraph that fits is one line whatever the breaks (the
            // optimal fit charges each line): textwrap's own shortcut looks
            // at bytes, which Chinese text never passes, and laying out its
            // every character was most of a plan's start.
            if !p.contains('\u{1b}') && textwrap::core::display_width(p) <= options.width {
                return vec![p.trim_end().to_string()];
            }
            wrap_paragraph(p, &options)
        })
        .collect()
}

/// The options `wrap` lays a paragraph out with at `width`.
pub(crate) fn wrap_options(width: usize) -> Options<'static> {
    Options::new(width.max(2))
        .word_separator(WordSeparator::UnicodeBreakProperties)
        .word_splitter(WordSplitter::NoHyphenation)
        .break_words(true)
}

/// One paragraph (no `\n`) laid out by textwrap, runs of ASCII kept whole,
/// without `wrap`'s shortcut for a paragraph that fits.
pub(crate) fn wrap_paragraph(p: &str, options: &Options<'_>) -> Vec<String> {
    let guarded = keep_runs_whole(p);
    let lines = textwrap::wrap(&guarded, options);
    if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
            .into_iter()
            .map(|l| l.replace(WORD_JOINER, "").trim_end().to_string())
            .collect()
    }
}

/// U+2060: no line break on either side (UAX #14 class WJ), no width.
const WORD_JOINER: char = '\u{2060}';

/// `text` with a word joiner between the characters of every run of two
/// or more printable ASCII characters other than spaces, so the line
/// breaker does not split it at `:`, `-`, `/` or `.`.
fn keep_runs_whole(text: &str) -> String {
    let run_char = |c: char| c.is_ascii_graphic();
    let mut out = String::with_capacity(text.len() * 2);
    let mut prev_in_run = false;
    for c in text.chars() {
        let in_run = run_char(c);
        if in_run && prev_in_run {
            out.push(WORD_JOINER);
        }
        out.push(c);
        prev_in_run = in_run;
    }
    out
}

/// The longest run without a space or line break that goes into a table
/// cell whole, in display columns. `comfy-table` splits a long run one
/// line at a time, copying the rest each time: quadratic in the run's
/// length. A longer run (real text never comes near it: the data's longest
/// is 248) is cut into lines of [`CELL_CHUNK`] columns first, so a table
/// takes time linear in its text.
const MAX_CELL_RUN: usize = 512;

/// The lines a run past [`MAX_CELL_RUN`] is cut into, in display columns.
const CELL_CHUNK: usize = 32;

/// `text` with every run without whitespace that is wider than
/// [`MAX_CELL_RUN`] cut into lines of [`CELL_CHUNK`] columns.
fn bounded_runs(text: &str) -> String {
    let char_width = |c: char| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let run_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (run, after) = rest.split_at(run_end);
        if run.chars().map(char_width).sum::<usize>() <= MAX_CELL_RUN {
            out.push_str(run);
        } else {
            let mut line = 0;
            for c in run.chars() {
                let w = char_width(c);
                if line + w > CELL_CHUNK {
                    out.push('\n');
                    line = 0;
                }
                line += w;
                out.push(c);
            }
        }
        let space_end = after
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(after.len());
        out.push_str(&after[..space_end]);
        rest = &after[space_end..];
    }
    out
}

/// The widths of a table's label column and of each of its `n` other
/// columns, in display columns, for a table `width` wide with ASCII borders
/// (`| a | b |`: three columns of border per column and one more). The
/// label column is as wide as its widest label, up to 10.
fn cell_widths(width: usize, widest_label: usize, n: usize) -> (usize, usize) {
    let n = n.max(1);
    let inside = width.saturating_sub(3 * (n + 1) + 1);
    let label = widest_label.clamp(2, 10).min(inside / (n + 1)).max(2);
    let each = (inside.saturating_sub(label) / n).max(2);
    (label, each)
}

/// Pads `text` with spaces to `width` display columns.
pub(crate) fn pad(text: &str, width: usize) -> String {
    let w = text.width();
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// Rows of cells as aligned lines: each column padded to its widest cell
/// by display width (a Chinese character takes two columns), two spaces
/// between columns, nothing after the last.
pub(crate) fn columns(rows: &[Vec<String>]) -> Vec<String> {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..n)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    rows.iter()
        .map(|r| {
            let cells: Vec<String> = r
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    if i + 1 == r.len() {
                        c.clone()
                    } else {
                        pad(c, widths[i])
                    }
                })
                .collect();
            cells.join("  ")
        })
        .collect()
}

struct Marks {
    warning: String,
    contact: String,
    bullet: &'static str,
    subheading: &'static str,
    todo: String,
    done: String,
}

fn marks(glyphs: Glyphs, words: Words) -> Marks {
    match glyphs {
        Glyphs::Unicode => Marks {
            warning: "! ".into(),
            contact: "☎ ".into(),
            bullet: "· ",
            subheading: "► ",
            todo: "☐ ".into(),
            done: "☑ ".into(),
        },
        Glyphs::Ascii => Marks {
            warning: "! ".into(),
            contact: "* ".into(),
            bullet: "- ",
            subheading: "> ",
            todo: "[ ] ".into(),
            done: "[x] ".into(),
        },
        Glyphs::Words => Marks {
            warning: words.t("doc.word.warning").to_string(),
            contact: words.t("doc.word.contact").to_string(),
            bullet: "- ",
            subheading: "",
            todo: words.t("doc.word.todo").to_string(),
            done: words.t("doc.word.done").to_string(),
        },
    }
}

struct Writer {
    layout: Layout,
    /// Under a subheading (a channel): its paragraphs are indented.
    nested: bool,
    marks: Marks,
    out: Vec<TextLine>,
}

impl Writer {
    fn line(&mut self, kind: LineKind, text: String) {
        self.out.push(TextLine { kind, text });
    }

    /// A paragraph indented two columns, `prefix` before its first line and
    /// its width in spaces before the others.
    fn para(&mut self, kind: LineKind, prefix: &str, text: &str) {
        let indent = " ".repeat(prefix.width());
        let lines = match self.layout.width {
            Some(w) => wrap(text, w.saturating_sub(4 + prefix.width()).max(10)),
            None => text.split('\n').map(str::to_string).collect(),
        };
        for (i, l) in lines.into_iter().enumerate() {
            let lead = if i == 0 { prefix } else { &indent };
            self.line(kind, format!("  {lead}{l}"));
        }
    }

    fn indent(&self) -> &'static str {
        if self.nested { "    " } else { "" }
    }

    fn blank(&mut self) {
        self.line(LineKind::Blank, String::new());
    }

    fn checks(&mut self, rows: &[CheckRow]) {
        for r in rows {
            let mark = if r.done {
                &self.marks.done
            } else {
                &self.marks.todo
            };
            let prefix = format!("{mark}{}. ", r.number);
            let kind = LineKind::Check {
                done: r.done,
                number: r.number,
            };
            self.para(kind, &prefix, &r.text);
            let indent = " ".repeat(prefix.width() + 1);
            for d in &r.details {
                self.para(LineKind::Body(ParaKind::Plain), &indent, d);
            }
        }
    }

    fn table(&mut self, table: &Table, words: Words) {
        if !self.layout.tables {
            for (i, header) in table.headers.iter().enumerate() {
                let prefix = self.marks.subheading;
                self.para(LineKind::Subheading, prefix, header);
                for (label, cells) in &table.rows {
                    let text = format!("{label}{}{}", words.t("fmt.colon"), cells[i]);
                    self.para(LineKind::Body(ParaKind::Plain), "    ", &text);
                }
            }
            return;
        }
        // At most three columns to a table so they stay readable.
        for start in (0..table.headers.len()).step_by(3) {
            let end = (start + 3).min(table.headers.len());
            let mut grid = Grid::new();
            grid.load_preset(comfy_table::presets::ASCII_FULL);
            // The cells are wrapped here, by the same line-breaking rules
            // as the paragraphs (the table's own wrapping cut 8:30-17:00
            // and APP anywhere and began lines with ；): the table only
            // lays the lines out.
            grid.set_content_arrangement(ContentArrangement::Disabled);
            let widths = self.layout.width.map(|w| {
                let labels = table.rows.iter().map(|(l, _)| l.width()).max();
                cell_widths(w, labels.unwrap_or(0), end - start)
            });
            let cell = |text: &str, width: Option<usize>| match width {
                Some(w) => wrap(&bounded_runs(text), w).join("\n"),
                None => bounded_runs(text),
            };
            let mut head = vec![String::new()];
            head.extend(
                table.headers[start..end]
                    .iter()
                    .map(|c| cell(c, widths.map(|w| w.1))),
            );
            grid.set_header(head);
            for (label, cells) in &table.rows {
                let mut row = vec![cell(label, widths.map(|w| w.0))];
                row.extend(
                    cells[start..end]
                        .iter()
                        .map(|c| cell(c, widths.map(|w| w.1))),
                );
                grid.add_row(row);
            }
            // The heading is every line down to the rule under it (`+===+`).
            let lines: Vec<String> = grid.lines().collect();
            let rule = lines
                .iter()
                .position(|l| l.starts_with("+="))
                .map_or(0, |i| i + 1);
            for (i, l) in lines.into_iter().enumerate() {
                let kind = if i < rule {
                    LineKind::TableHead
                } else {
                    LineKind::Table
                };
                self.line(kind, l);
            }
        }
    }
}

/// The document as styled lines.
pub(crate) fn lines(doc: &Document, layout: Layout, words: Words) -> Vec<TextLine> {
    let mut w = Writer {
        layout,
        marks: marks(layout.glyphs, words),
        nested: false,
        out: Vec::new(),
    };
    match layout.width {
        Some(width) => {
            for l in wrap(&doc.title, width) {
                w.line(LineKind::Title, l);
            }
        }
        None => w.line(LineKind::Title, doc.title.clone()),
    }
    for section in &doc.sections {
        w.nested = false;
        if let Some(key) = section.kind.heading_key() {
            w.blank();
            let heading = words.tf("doc.heading", &[("title", &words.t(key))]);
            match layout.width {
                Some(width) => {
                    for l in wrap(&heading, width) {
                        w.line(LineKind::Heading, l);
                    }
                }
                None => w.line(LineKind::Heading, heading),
            }
        }
        for block in &section.blocks {
            match block {
                // A route heads the rows under it: set apart, at their indent.
                Block::Paragraph(p) if p.kind == ParaKind::Route => {
                    w.blank();
                    w.para(LineKind::Body(p.kind), "", &p.text)
                }
                Block::Paragraph(p) => {
                    let prefix =
                        format!("{}{}", w.indent(), para_prefix(&w.marks, p.kind, &p.text));
                    w.para(LineKind::Body(p.kind), &prefix, &p.text)
                }
                Block::Bullets(items) => {
                    for p in items {
                        let prefix = match p.kind {
                            ParaKind::Plain | ParaKind::Note | ParaKind::Key => {
                                w.marks.bullet.to_string()
                            }
                            kind => para_prefix(&w.marks, kind, &p.text),
                        };
                        w.para(LineKind::Body(p.kind), &prefix, &p.text);
                    }
                }
                Block::Steps(steps) => {
                    for (i, s) in steps.iter().enumerate() {
                        let prefix = format!("{}{}. ", w.indent(), i + 1);
                        w.para(LineKind::Body(ParaKind::Plain), &prefix, s);
                    }
                }
                Block::Subheading(s) => {
                    w.blank();
                    let prefix = w.marks.subheading;
                    w.para(LineKind::Subheading, prefix, s);
                    w.nested = true;
                }
                Block::Table(table) => w.table(table, words),
                Block::Checks(rows) => w.checks(rows),
            }
        }
    }
    w.out
}

/// The mark before a paragraph; none where the text already begins with
/// the same word (plain mode's 注意： before 注意：这个申请期… said it twice).
fn para_prefix(marks: &Marks, kind: ParaKind, text: &str) -> String {
    let mark = match kind {
        ParaKind::Warning => &marks.warning,
        ParaKind::Contact => &marks.contact,
        ParaKind::Plain | ParaKind::Note | ParaKind::Key | ParaKind::Route => return String::new(),
    };
    let word = mark.trim();
    if !word.is_empty() && text.trim_start().starts_with(word) {
        return String::new();
    }
    match kind {
        ParaKind::Warning => marks.warning.clone(),
        ParaKind::Contact => marks.contact.clone(),
        ParaKind::Plain | ParaKind::Note | ParaKind::Key | ParaKind::Route => String::new(),
    }
}

/// The document as one string, a line break after every line.
pub(crate) fn render(doc: &Document, layout: Layout, words: Words) -> String {
    let mut s = String::new();
    for l in lines(doc, layout, words) {
        s.push_str(&l.text);
        s.push('\n');
    }
    s
}
