//! A saved checklist on paper: the printable sheet (text or Markdown) and
//! the items as lines for `checklist show` and the plain prompts, all from
//! the one document. Output code: it reads the checklist and the plan,
//! which know nothing of it.

use chrono::NaiveDate;

use super::{Document, Section, SectionKind, checklist_blocks, text};
use crate::checklist::Checklist;
use crate::i18n::Words;
use crate::plan::RenewalPlan;

/// The items as lines, required first, each with its tick box: the
/// checklist part of the one document ([`checklist_blocks`]),
/// rendered as text or Markdown. The apply step is worded for `today` (a
/// passed day is not advice).
pub(crate) fn item_lines(
    checklist: &Checklist,
    width: usize,
    markdown: bool,
    today: NaiveDate,
    words: Words,
) -> Vec<String> {
    let doc = Document {
        title: String::new(),
        sections: vec![Section {
            kind: SectionKind::Checklist,
            blocks: checklist_blocks(checklist, today, words),
        }],
    };
    // Past the empty title (and, in text, the blank line after it).
    if markdown {
        let out = super::markdown::render(&doc, words);
        out.lines().skip(2).map(str::to_string).collect()
    } else {
        text::lines(&doc, text::Layout::terminal(width), words)
            .into_iter()
            .skip(2)
            .map(|l| l.text)
            .collect()
    }
}

/// The items as plain mode says them (for screen readers): the words the
/// plan's documents were said with (待办：, 已办：), no glyphs.
pub(crate) fn item_lines_plain(
    checklist: &Checklist,
    today: NaiveDate,
    words: Words,
) -> Vec<String> {
    let doc = Document {
        title: String::new(),
        sections: vec![Section {
            kind: SectionKind::Checklist,
            blocks: checklist_blocks(checklist, today, words),
        }],
    };
    text::lines(&doc, text::Layout::plain(), words)
        .into_iter()
        .map(|l| l.text)
        .skip_while(|l| l.trim().is_empty())
        .collect()
}

/// The printable sheet: who and when, the checklist with ☐/☑, channels
/// with addresses and phones, sources and the official-notice caution.
pub(crate) fn sheet(
    checklist: &Checklist,
    plan: Option<&RenewalPlan>,
    printed_on: NaiveDate,
    markdown: bool,
    words: Words,
) -> String {
    let width = 78;
    // A kiosk's checklist was never saved: it has no id to print.
    let head = if checklist.id.is_empty() {
        words.tf(
            "checklist.sheet.head_unsaved",
            &[("label", &checklist.label), ("date", &printed_on)],
        )
    } else {
        words.tf(
            "checklist.sheet.head",
            &[
                ("label", &checklist.label),
                ("id", &checklist.id),
                ("date", &printed_on),
            ],
        )
    };
    let body = match plan {
        Some(plan) if markdown => super::plan_markdown_with(plan, Some(checklist), words),
        Some(plan) => super::plan_text_with(plan, width, Some(checklist), words),
        None => {
            let mut s = format!("{}\n", words.t("checklist.sheet.no_plan"));
            for l in &item_lines(checklist, width, markdown, printed_on, words) {
                s.push_str(l);
                s.push('\n');
            }
            s
        }
    };
    let notes = notes_block(checklist, printed_on, markdown, words);
    if markdown {
        format!("> {head}\n\n{notes}{body}")
    } else {
        format!("{head}\n\n{notes}{body}")
    }
}

/// The person's notes under the sheet's head, newest last; nothing when
/// there are none.
fn notes_block(checklist: &Checklist, today: NaiveDate, markdown: bool, words: Words) -> String {
    if checklist.notes.is_empty() {
        return String::new();
    }
    let mut s = format!("{}\n", words.t("checklist.show.notes"));
    for n in &checklist.notes {
        let line = crate::checklist::notes::note_line(n, today);
        if markdown {
            s.push_str(&format!("- {line}\n"));
        } else {
            s.push_str(&format!("  {line}\n"));
        }
    }
    s.push('\n');
    s
}
