//! What the person was told, in words: where a learned value came from,
//! the fact itself, and the tag and lines that say so beside the data's.

use crate::i18n::Words;
use crate::plan::RenewalPlan;
use crate::plan::learned::{LearnedAnswer, LearnedField, LearnedUse};

/// Where a learned value came from: "您在 2026-12-08 从医保窗口问到".
pub(crate) fn learned_said(u: &LearnedUse, words: Words) -> String {
    match &u.from {
        Some(from) => words.tf(
            "learned.said_from",
            &[("on", &u.on), ("from", &words.data(from))],
        ),
        None => words.tf("learned.said", &[("on", &u.on)]),
    }
}

/// A learned fact in words: "审核要 10 个工作日".
fn learned_fact(field: LearnedField, value: LearnedAnswer, words: Words) -> String {
    use LearnedField::*;
    let key = match field {
        ReviewDays => "learned.fact.review_days",
        WindowMonths => "learned.fact.window_months",
        WindowDays => "learned.fact.window_days",
        NoRenewal => "learned.fact.no_renewal",
    };
    words.tf(key, &[("n", &value)])
}

/// " （您在 2026-12-08 从医保窗口问到）" after a line whose value rests on
/// `field` as learned; nothing otherwise.
pub(crate) fn learned_tag(plan: &RenewalPlan, field: LearnedField, words: Words) -> String {
    plan.learned
        .iter()
        .find(|u| u.field == field)
        .map(|u| words.tf("plan.level.tag", &[("level", &learned_said(u, words))]))
        .unwrap_or_default()
}

/// Each value the plan took from what the person was told, where it came
/// from, and what the data says when it says otherwise.
pub(crate) fn learned_lines(plan: &RenewalPlan, words: Words) -> Vec<String> {
    plan.learned
        .iter()
        .map(|u| {
            let mut line = words.tf(
                "learned.line",
                &[
                    ("fact", &learned_fact(u.field, u.value, words)),
                    ("said", &learned_said(u, words)),
                ],
            );
            if let Some(s) = &u.shipped {
                line.push_str(&words.tf(
                    "learned.shipped",
                    &[("fact", &learned_fact(s.field, s.value, words))],
                ));
            }
            line
        })
        .collect()
}
