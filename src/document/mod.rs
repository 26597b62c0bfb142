//! One plan, one document, many outputs. [`build`] turns a [`RenewalPlan`]
//! (and, for a printed sheet, the ticks of a saved checklist) into a
//! [`Document`]: sections of a stable [`SectionKind`], each a list of
//! [`Block`]s. The renderers ([`text`], [`markdown`], and the TUI's
//! `document_view`) only lay the document out; none of them walks the plan
//! or re-parses another renderer's output, so every output carries the same
//! facts. JSON is not rendered from here: it is the plan's own stable type.
//!
//! Adding a kind of fact (a new plan status, a new rule shape) means adding
//! a [`SectionKind`] or a [`ParaKind`] and a line in each renderer's `match`,
//! which the compiler points out.
//!
//! This is the home of the outputs: besides the renderers, the exports of a
//! saved checklist ([`sheet`], [`ics`]) and the plan's QR text ([`qr`]).
//! The arrows run one way: the document reads `plan`, `policy` and
//! `checklist`, and none of them names anything here; the shell (`cli`,
//! `tui`, `prompt`) calls it.

mod channel_section;
mod checklist_section;
pub(crate) mod ics;
pub mod markdown;
pub mod qr;
pub(crate) mod sheet;
pub mod text;

use channel_section::{channel_blocks, cross_province_blocks, example_blocks};
pub(crate) use checklist_section::checklist_blocks;

use text::Layout;

use crate::checklist::Checklist;
use crate::i18n::Words;
use crate::plan::RenewalPlan;
use crate::plan::render::{
    apply_by_line, channel_extension_words, contact_lines, date_long, extension_words,
    learned_lines, level_fields, level_note, level_tag, no_renewal_words, question_words, rules,
    source_line, status_words, warning_text, window_words,
};

/// A plan laid out as sections, independent of any output format.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub kind: SectionKind,
    pub blocks: Vec<Block>,
}

/// What a section is about. Stable: the wizard's tabs pick sections by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// Whose data the plan is, when it is not the person's own place's
    /// (河北省石家庄市 under the generic plan); no heading.
    Place,
    /// Who and what the plan is for; no heading.
    Summary,
    Window,
    Warnings,
    Documents,
    Checklist,
    Channels,
    CrossProvince,
    Examples,
    Notes,
    Sources,
}

impl SectionKind {
    /// The heading's message id, or `None` for the summary under the title.
    pub(crate) fn heading_key(self) -> Option<&'static str> {
        Some(match self {
            SectionKind::Place | SectionKind::Summary => return None,
            SectionKind::Window => "plan.section.window",
            SectionKind::Warnings => "plan.section.warnings",
            SectionKind::Documents => "plan.section.documents",
            SectionKind::Checklist => "plan.section.checklist",
            SectionKind::Channels => "plan.section.channels",
            SectionKind::CrossProvince => "plan.section.cross_province",
            SectionKind::Examples => "plan.section.examples",
            SectionKind::Notes => "plan.section.notes",
            SectionKind::Sources => "plan.section.sources",
        })
    }
}

/// How a paragraph reads: renderers give each kind its own marker or style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaKind {
    Plain,
    /// Something that can cost the person their benefit.
    Warning,
    /// The fact to act on (the apply-by day).
    Key,
    /// A side remark: source notes, the check date.
    Note,
    /// A person or office to call or visit.
    Contact,
    /// One route of an either/or: the rows under it are needed only when
    /// the person takes that route.
    Route,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub kind: ParaKind,
    pub text: String,
}

impl Para {
    pub fn new(kind: ParaKind, text: impl Into<String>) -> Para {
        Para {
            kind,
            text: text.into(),
        }
    }
}

/// A row with a tick box: a document to prepare or a saved checklist item.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckRow {
    pub number: usize,
    pub done: bool,
    pub text: String,
    /// Why it is needed, the earliest date, a note: one line each.
    pub details: Vec<String>,
}

/// A comparison table: one column per header, rows with a label.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<(String, Vec<String>)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Para),
    /// An unordered list.
    Bullets(Vec<Para>),
    /// A numbered list of steps.
    Steps(Vec<String>),
    /// A heading inside a section (a channel, a checklist group).
    Subheading(String),
    Table(Table),
    Checks(Vec<CheckRow>),
}

impl Document {
    /// Every string in the document passed through `f` (the edge's
    /// cleaning and script conversion, done once).
    pub(crate) fn map_text(&mut self, f: &impl Fn(&str) -> String) {
        self.title = f(&self.title);
        for s in &mut self.sections {
            for b in &mut s.blocks {
                match b {
                    Block::Paragraph(p) => p.text = f(&p.text),
                    Block::Bullets(ps) => ps.iter_mut().for_each(|p| p.text = f(&p.text)),
                    Block::Steps(v) => v.iter_mut().for_each(|s| *s = f(s)),
                    Block::Subheading(s) => *s = f(s),
                    Block::Table(tb) => {
                        tb.headers.iter_mut().for_each(|h| *h = f(h));
                        for (l, cells) in &mut tb.rows {
                            *l = f(l);
                            cells.iter_mut().for_each(|c| *c = f(c));
                        }
                    }
                    Block::Checks(rows) => {
                        for r in rows {
                            r.text = f(&r.text);
                            r.details.iter_mut().for_each(|d| *d = f(d));
                        }
                    }
                }
            }
        }
    }

    /// The sections of the given kinds, in document order.
    pub(crate) fn only<'a>(
        &'a self,
        kinds: &'a [SectionKind],
    ) -> impl Iterator<Item = &'a Section> {
        self.sections.iter().filter(|s| kinds.contains(&s.kind))
    }
}

/// The disease the person typed beside the region's entry that stands for
/// it, and what that means: another name for it in the region's list, or
/// outside the list (the diseases the region re-examines, or the diseases
/// this program knows of there, or no list at all).
fn typed_disease_words(plan: &RenewalPlan, region: &str, words: Words) -> Option<String> {
    use crate::vocabulary::Cover;
    let typed = plan.disease.typed.as_ref()?;
    let entry = words.name(&plan.disease.name, plan.disease.name_en.as_deref());
    let (text, n) = (typed.shown(), scope_len(plan));
    let base: [(&str, &dyn std::fmt::Display); 3] =
        [("typed", &text), ("region", &region), ("entry", &entry)];
    Some(match (typed.cover, &plan.renewal_scope) {
        (Cover::Named, _) => words.tf("plan.typed_named", &base),
        (Cover::CatchAll, Some(scope)) if n > 0 => {
            let meaning = match scope.others {
                crate::policy::OutsideScope::NoRenewal if scope.inferred => {
                    words.t("plan.typed_scope_no_renewal_inferred")
                }
                crate::policy::OutsideScope::NoRenewal => words.t("plan.typed_scope_no_renewal"),
                crate::policy::OutsideScope::Unsaid => words.t("plan.typed_scope_unsaid"),
            };
            let mut args = base.to_vec();
            args.extend([("n", &n as &dyn std::fmt::Display), ("meaning", &meaning)]);
            words.tf("plan.typed_outside_list", &args)
        }
        (Cover::CatchAll, _) if typed.region_list_len == 0 => words.tf("plan.typed_no_list", &base),
        (Cover::CatchAll, _) => words.tf("plan.typed_not_in_list", &base),
    })
}

/// How many diseases the region's renewal rules are for, when they leave
/// this one out.
fn scope_len(plan: &RenewalPlan) -> usize {
    plan.renewal_scope.as_ref().map_or(0, |s| s.listed.len())
}

/// The plan as a document. With `checklist`, its items and ticks take the
/// place of the plain document list (the printed sheet). Each section is
/// made by a function of its own; an empty one is left out.
pub(crate) fn build(plan: &RenewalPlan, checklist: Option<&Checklist>, words: Words) -> Document {
    // The person's own place heads the plan, whoever's data it uses.
    // In English, place names carry a gloss (the data's, else the place
    // index's reading) and the benefit's local name says what it is.
    let region = match plan.borrowed_place() {
        Some(p) => words.name(&p.name, None),
        None => words.name(&plan.region.name, plan.region.name_en.as_deref()),
    };
    let benefit = words.name(
        &plan.region.benefit_name,
        Some(words.t("plan.benefit_gloss")),
    );
    let title = words.tf("plan.title", &[("region", &region), ("benefit", &benefit)]);
    let documents = match checklist {
        Some(c) => (
            SectionKind::Checklist,
            checklist_blocks(c, plan.today, words),
        ),
        None => (SectionKind::Documents, document_blocks(plan, words)),
    };
    let sections = [
        (SectionKind::Place, place_blocks(plan, &region, words)),
        (SectionKind::Summary, summary_blocks(plan, words)),
        (SectionKind::Window, window_blocks(plan, words)),
        (SectionKind::Warnings, warning_blocks(plan, words)),
        documents,
        (SectionKind::Channels, channel_blocks(plan, words)),
        (
            SectionKind::CrossProvince,
            cross_province_blocks(plan, words),
        ),
        (SectionKind::Examples, example_blocks(plan, words)),
        (SectionKind::Notes, note_blocks(plan, words)),
        (SectionKind::Sources, source_blocks(plan, words)),
    ]
    .into_iter()
    .filter(|(_, blocks)| !blocks.is_empty())
    .map(|(kind, blocks)| Section { kind, blocks })
    .collect();
    Document { title, sections }
}

/// A paragraph of `kind`.
fn para(kind: ParaKind, text: String) -> Block {
    Block::Paragraph(Para::new(kind, text))
}

/// Whose data this is, the values of the summary that come from
/// elsewhere, and the disease typed beside the entry that stands for it.
fn place_blocks(plan: &RenewalPlan, region: &str, words: Words) -> Vec<Block> {
    use ParaKind::*;
    let mut place = Vec::new();
    place.extend(place_line(plan, words).map(|l| para(Key, l)));
    place.extend(level_fields(plan, words).into_iter().map(|l| para(Note, l)));
    // The disease typed, beside the region's entry that stands for it.
    place.extend(typed_disease_words(plan, region, words).map(|l| para(Key, l)));
    place
}

/// The answers: disease, scheme, end date, today.
fn summary_blocks(plan: &RenewalPlan, words: Words) -> Vec<Block> {
    use ParaKind::*;
    let mut summary = vec![para(
        Plain,
        words.tf(
            "plan.answers",
            &[
                (
                    "disease",
                    &words.name(&plan.disease.name, plan.disease.name_en.as_deref()),
                ),
                (
                    "scheme",
                    &crate::plan::render::scheme_label(plan.scheme, words),
                ),
                ("end", &date_long(plan.validity_end, words)),
                ("today", &plan.today),
            ],
        ),
    )];
    if plan.cross_province {
        summary.push(para(Plain, words.t("plan.cross_province_yes").to_string()));
    }
    summary
}

/// The window section: status first when there is nothing to renew,
/// then what still matters; else the window, its status and the day to
/// act on, then the rules around it, what to ask and whom to call.
fn window_blocks(plan: &RenewalPlan, words: Words) -> Vec<Block> {
    use Block::*;
    use ParaKind::*;
    let mut window = Vec::new();
    if let Some(line) = extension_words(plan, words) {
        window.push(para(Key, line));
    }
    match &plan.window {
        None => {
            // The sentence says the status itself ("无需续期：…").
            window.extend(no_renewal_words(plan, words).map(|l| para(Key, l)));
            if !plan.still_matters.is_empty() {
                window.push(para(Plain, words.t("plan.still_matters").to_string()));
                window.push(Bullets(
                    plan.still_matters
                        .iter()
                        .map(|n| {
                            Para::new(
                                Plain,
                                format!("{}{}{}", n.title, words.t("fmt.colon"), n.text),
                            )
                        })
                        .collect(),
                ));
            }
        }
        Some(w) => {
            // Each line with where its value comes from, when that is not
            // the plan's own data.
            window.extend(
                window_words(w, words)
                    .into_iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let field = if i == 0 {
                            "window_months"
                        } else {
                            "grace_days"
                        };
                        para(Plain, l + &level_tag(plan, field, words))
                    }),
            );
            if w.assumed {
                window.push(para(Warning, words.t("plan.window_assumed").to_string()));
            }
            window.push(para(
                Plain,
                format!(
                    "{}{}",
                    words.t("plan.status_label"),
                    status_words(plan, words)
                ),
            ));
            if let Some(headline) = apply_by_line(plan, words) {
                window.push(para(Key, headline));
            }
        }
    }
    // An extension channel, for the person's disease or not.
    for ch in &plan.channels {
        if let Some(line) = channel_extension_words(ch, words) {
            window.push(para(if ch.serves_disease { Key } else { Plain }, line));
        }
    }
    window.extend(rules(plan, words).into_iter().map(|r| para(Plain, r)));
    // What the person was told, used in place of the data's values.
    let learned = learned_lines(plan, words);
    if !learned.is_empty() {
        window.push(para(Key, words.t("plan.learned.heading").to_string()));
        window.push(Bullets(
            learned.into_iter().map(|l| Para::new(Key, l)).collect(),
        ));
    }
    // What to ask, then whom to call: every plan has at least the service line.
    if !plan.questions.is_empty() {
        window.push(para(Plain, words.t("plan.questions.heading").to_string()));
        window.push(Bullets(
            plan.questions
                .iter()
                .map(|q| Para::new(Plain, question_words(q.about, words)))
                .collect(),
        ));
    }
    let phones = contact_lines(plan, 2, words);
    if !phones.is_empty() {
        window.push(para(Plain, words.t("plan.call.heading").to_string()));
        window.push(Bullets(
            phones.into_iter().map(|l| Para::new(Contact, l)).collect(),
        ));
    }
    window
}

/// The warnings, one bullet each.
fn warning_blocks(plan: &RenewalPlan, words: Words) -> Vec<Block> {
    use Block::*;
    use ParaKind::*;
    if plan.warnings.is_empty() {
        return Vec::new();
    }
    vec![Bullets(
        plan.warnings
            .iter()
            .map(|w| Para::new(Warning, warning_text(w, words)))
            .collect(),
    )]
}

/// The documents without a checklist: those needed whatever the route,
/// then each either/or with its routes.
fn document_blocks(plan: &RenewalPlan, words: Words) -> Vec<Block> {
    use Block::*;
    use ParaKind::*;
    let rows = |route: Option<(&str, &str)>| -> Vec<CheckRow> {
        plan.documents
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                d.route
                    .as_ref()
                    .map(|r| (r.choice.as_str(), r.route.as_str()))
                    == route
            })
            .map(|(i, d)| {
                let mut details = vec![format!("{}{}", words.t("plan.why"), d.why)];
                if let Some(date) = d.earliest_date {
                    details.push(words.tf("plan.dated_after", &[("date", &date)]));
                }
                details.extend(d.note.clone());
                CheckRow {
                    number: i + 1,
                    done: false,
                    text: words.name(&d.name, d.name_en.as_deref()),
                    details,
                }
            })
            .collect()
    };
    // Needed whatever the route, then each either/or: what it asks,
    // and each route with its own documents.
    let mut blocks: Vec<Block> = level_note(
        plan,
        &["documents", "common_documents", "document_choices"],
        words,
    )
    .map(|n| para(Note, n))
    .into_iter()
    .collect();
    if plan.status == crate::plan::Status::NoRenewal && !plan.documents.is_empty() {
        blocks.push(para(Note, words.t("plan.no_renewal_documents").to_string()));
    }
    // Said once, to English readers: why the names are in Chinese.
    if words.lang == crate::i18n::Lang::En {
        blocks.push(para(Note, words.t("plan.chinese_names").to_string()));
    }
    blocks.push(Checks(rows(None)));
    for choice in crate::checklist::choices_for(plan) {
        blocks.push(para(Key, crate::checklist::choice_intro(&choice, words)));
        for (n, route) in choice.routes.iter().enumerate() {
            blocks.push(para(
                Route,
                crate::checklist::route_label(&choice, n, words),
            ));
            blocks.push(Checks(rows(Some((&choice.id, &route.id)))));
        }
    }
    blocks
}

/// The region's notes.
fn note_blocks(plan: &RenewalPlan, words: Words) -> Vec<Block> {
    use Block::*;
    use ParaKind::*;
    if plan.notes.is_empty() {
        return Vec::new();
    }
    let mut blocks: Vec<Block> = level_note(plan, &["notes"], words)
        .map(|n| para(Note, n))
        .into_iter()
        .collect();
    blocks.push(Bullets(
        plan.notes
            .iter()
            .map(|n| {
                Para::new(
                    Plain,
                    format!("{}{}{}", n.title, words.t("fmt.colon"), n.text),
                )
            })
            .collect(),
    ));
    blocks
}

/// The sources, when the data was checked, the pack, the caution.
fn source_blocks(plan: &RenewalPlan, words: Words) -> Vec<Block> {
    use Block::*;
    use ParaKind::*;
    let mut sources = vec![
        Bullets(
            plan.sources
                .iter()
                .map(|s| Para::new(Plain, source_line(s, words)))
                .collect(),
        ),
        para(
            Note,
            words.tf("plan.verified_on", &[("date", &plan.verified_on)]),
        ),
    ];
    // Which installed pack the facts came from, or that they are the data
    // built in (issue 25: every plan names where its facts came from).
    if let Some(pack) = &plan.data_pack {
        sources.push(para(
            Note,
            words.tf(
                "plan.data_pack",
                &[
                    ("name", &pack.name),
                    ("version", &pack.version),
                    ("published", &pack.published),
                    ("publisher", &pack.publisher),
                ],
            ),
        ));
    } else {
        let key = if plan.data_unnamed_pack {
            "plan.data_unnamed_pack"
        } else {
            "plan.data_builtin"
        };
        sources.push(para(
            Note,
            words.tf(key, &[("version", &plan.data_version)]),
        ));
    }
    sources.push(para(Key, plan.caution.clone()));
    sources
}

/// "河北省石家庄市 · 本程序还没有当地的续期资料：以下是通用做法": the
/// person's place and whose data the plan uses, when it is not the place's
/// own.
fn place_line(plan: &RenewalPlan, words: Words) -> Option<String> {
    use crate::policy::DataLevel;
    let place = plan.borrowed_place()?;
    let region = &plan.region.name;
    Some(match plan.data_level {
        DataLevel::Generic => words.tf("plan.place.generic", &[("place", &place.name)]),
        DataLevel::Province => words.tf(
            "plan.place.province",
            &[("place", &place.name), ("province", region)],
        ),
        // A municipality's district under the municipality's data.
        DataLevel::City => words.tf(
            "plan.place.city",
            &[("place", &place.name), ("region", region)],
        ),
    })
}

// ---- a whole plan in one call -------------------------------------

/// How long laying out a plan with a 1 MiB unbreakable field (the pack
/// file limit) may take in a test build; a release build takes far less
/// (`benches/plan.rs`, README "Performance"). Layout is linear in the
/// length of a run, so no frame of the wizard can stall on one.
pub const LAYOUT_1MIB_LIMIT: std::time::Duration = std::time::Duration::from_secs(10);

/// The plan for a terminal, wrapped to `width` display columns.
pub fn plan_text(plan: &RenewalPlan, width: usize, words: Words) -> String {
    text::render(
        &build(plan, None, words),
        Layout::terminal(width.max(40)),
        words,
    )
}

/// The plan as text with a saved checklist's items and ticks in place of
/// the plain document list.
pub(crate) fn plan_text_with(
    plan: &RenewalPlan,
    width: usize,
    checklist: Option<&Checklist>,
    words: Words,
) -> String {
    text::render(
        &build(plan, checklist, words),
        Layout::terminal(width.max(40)),
        words,
    )
}

/// The plan for a pipe: every paragraph and table row on one line.
pub(crate) fn plan_text_unwrapped(plan: &RenewalPlan, words: Words) -> String {
    let layout = Layout {
        width: None,
        ..Layout::terminal(0)
    };
    text::render(&build(plan, None, words), layout, words)
}

/// The plan on plain lines for a screen reader: words for marks, the
/// channel comparison as one labelled line per field, no hard wrapping.
pub(crate) fn plan_text_linear(plan: &RenewalPlan, words: Words) -> String {
    text::render(&build(plan, None, words), Layout::plain(), words)
}

/// The plan as Markdown, ready to print.
pub(crate) fn plan_markdown(plan: &RenewalPlan, words: Words) -> String {
    plan_markdown_with(plan, None, words)
}

/// The plan as Markdown, with a saved checklist's items and ticks in place
/// of the plain document list when given.
pub(crate) fn plan_markdown_with(
    plan: &RenewalPlan,
    checklist: Option<&Checklist>,
    words: Words,
) -> String {
    markdown::render(&build(plan, checklist, words), words)
}

#[cfg(test)]
mod tests;
