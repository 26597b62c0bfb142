//! The channel part of the document: the channels compared and each in
//! turn, cross-province treatment, and the source's example figures.

use super::{Block, Para, ParaKind, Table, para};
use crate::i18n::Words;
use crate::plan::render::{comparison_rows, kind_word, level_note};
use crate::plan::{PlanChannel, RenewalPlan};

fn channel_heading(c: &PlanChannel, words: Words) -> String {
    format!(
        "[{}] {}",
        kind_word(c.kind, words),
        words.name(&c.name, c.name_en.as_deref())
    )
}

/// The channels compared, then each with its review, steps, extension,
/// limits and contacts.
pub(super) fn channel_blocks(plan: &RenewalPlan, words: Words) -> Vec<Block> {
    use Block::*;
    use ParaKind::*;
    let (headers, rows) = comparison_rows(plan, words);
    let mut channels: Vec<Block> = level_note(plan, &["channels", "no_channel"], words)
        .map(|n| para(Note, n))
        .into_iter()
        .collect();
    channels.push(Table(self::Table { headers, rows }));
    for nc in &plan.no_channel {
        channels.push(para(
            Warning,
            format!(
                "{}{}{}",
                kind_word(nc.kind, words),
                words.t("fmt.colon"),
                nc.text
            ),
        ));
    }
    for ch in &plan.channels {
        channels.push(Subheading(channel_heading(ch, words)));
        channels.push(para(
            Plain,
            format!("{}{}", words.t("plan.review_label"), ch.review.text),
        ));
        if !ch.steps.is_empty() {
            channels.push(Steps(ch.steps.clone()));
        }
        if let Some(x) = &ch.extension {
            channels.push(para(
                Plain,
                words.tf(
                    "plan.extension_result",
                    &[("result", &x.result), ("months", &x.months)],
                ),
            ));
            if !x.diseases.is_empty() {
                channels.push(para(
                    Plain,
                    words.tf(
                        "plan.extension_diseases",
                        &[("n", &x.diseases.len()), ("list", &x.diseases.join("、"))],
                    ),
                ));
            }
            channels.push(para(
                Plain,
                words.tf(
                    "plan.extension_fallback",
                    &[
                        (
                            "fallback",
                            &words.name(&x.fallback_name, x.fallback_name_en.as_deref()),
                        ),
                        ("text", &x.fallback_text),
                    ],
                ),
            ));
        }
        for l in &ch.limitations {
            channels.push(para(Warning, l.clone()));
        }
        // A phone only beside a channel that handles the disease.
        for c in ch.contacts.iter().filter(|_| ch.serves_disease) {
            let mut parts = vec![c.name.clone()];
            parts.extend(c.address.clone());
            if let Some(p) = &c.phone {
                parts.push(format!("{}{p}", words.t("plan.phone")));
            }
            parts.extend(c.hours.clone());
            parts.extend(c.note.clone());
            channels.push(para(Contact, parts.join(words.t("doc.contact_sep"))));
        }
    }
    channels
}

/// Cross-province treatment: the steps, the principle, direct settlement.
pub(super) fn cross_province_blocks(plan: &RenewalPlan, words: Words) -> Vec<Block> {
    use Block::*;
    use ParaKind::*;
    let Some(cp) = &plan.cross_province_info else {
        return Vec::new();
    };
    let titled = |title: &str, text: &str| format!("{title}{}{text}", words.t("fmt.colon"));
    let mut blocks = vec![Steps(
        cp.steps.iter().map(|s| titled(&s.title, &s.text)).collect(),
    )];
    blocks.push(para(Plain, titled(&cp.principle.title, &cp.principle.text)));
    if let Some(name) = &cp.direct_settlement_name {
        blocks.push(para(
            Plain,
            words.tf(
                "plan.direct_settlement_yes",
                &[
                    ("name", name),
                    (
                        "since",
                        &cp.direct_settlement_since.value.clone().unwrap_or_default(),
                    ),
                ],
            ),
        ));
    }
    if let Some(n) = &cp.other_diseases {
        blocks.push(para(Warning, titled(&n.title, &n.text)));
    }
    for n in &cp.notes {
        blocks.push(para(Plain, titled(&n.title, &n.text)));
    }
    blocks
}

/// The source's example figures, each ratio with whom it is for.
pub(super) fn example_blocks(plan: &RenewalPlan, words: Words) -> Vec<Block> {
    use Block::*;
    use ParaKind::*;
    let Some(ex) = &plan.example_figures else {
        return Vec::new();
    };
    let mut blocks: Vec<Block> = level_note(plan, &["example_figures"], words)
        .map(|n| para(Note, n))
        .into_iter()
        .collect();
    blocks.push(para(Note, ex.note.clone()));
    let not_theirs = examples_not_for(plan);
    if not_theirs {
        blocks.push(para(
            Warning,
            words.t("plan.examples_employee_only").to_string(),
        ));
    }
    // Each ratio with whom it is for: a resident never reads an
    // employee's column as theirs.
    let who = if not_theirs {
        ["plan.active_employee", "plan.retired_employee"]
    } else {
        ["plan.active", "plan.retired"]
    };
    let rows = ex.rows.iter().map(|r| {
        let mut parts = vec![r.disease.clone()];
        parts.extend(
            r.annual_limit_yuan
                .map(|v| words.tf("plan.example_limit", &[("v", &v)])),
        );
        let ratios: Vec<String> = [r.ratio_active_pct, r.ratio_retired_pct]
            .into_iter()
            .zip(who)
            .filter_map(|(v, who)| {
                v.map(|v| words.tf("plan.example_ratio", &[("who", &words.t(who)), ("v", &v)]))
            })
            .collect();
        if !ratios.is_empty() {
            parts.push(ratios.join(words.t("warn.list_sep")));
        }
        Para::new(Plain, parts.join(words.t("doc.contact_sep")))
    });
    blocks.push(Bullets(rows.collect()));
    blocks
}

/// The example figures are given for other schemes than the person's
/// (防城港's 在职/退休 columns, shown to a resident).
fn examples_not_for(plan: &RenewalPlan) -> bool {
    plan.example_figures
        .as_ref()
        .is_some_and(|ex| !ex.schemes.is_empty() && !ex.schemes.contains(&plan.scheme))
}
