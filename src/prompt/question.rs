//! What a question says: its words, its numbered options, the answer Enter
//! keeps, and an answer as its option reads.

use chrono::NaiveDate;

use crate::i18n::Words;
use crate::policy::{Choice, PolicySet, Region, Scheme};
use crate::wizard::{Draft, Question};

/// The answer to a choice step as its option reads (None for the date,
/// which says more on its own).
pub(super) fn chosen(
    policy: &PolicySet,
    d: &Draft,
    step: Question,
    words: Words,
) -> Option<String> {
    let yes_no = |v: bool| {
        words
            .t(if v { "prompt.yes" } else { "prompt.no" })
            .to_string()
    };
    let region = d.region(policy);
    match step {
        Question::Region => d
            .region
            .as_ref()
            .map(|c| crate::wizard::region_name(policy, c, words)),
        Question::Scheme => d
            .scheme
            .map(|s| crate::plan::render::scheme_label(s, words)),
        Question::Disease => region
            .zip(d.disease)
            .and_then(|(r, i)| r.diseases.get(i))
            .map(|x| words.name(&x.name, x.name_en.as_deref())),
        Question::Retired | Question::Cross => Some(yes_no(d.yes_no(step).unwrap_or(false))),
        Question::End => None,
    }
}

/// The options listed for a question (none for the date).
pub(super) fn options(
    step: Question,
    policy: &PolicySet,
    choices: &[Choice],
    region: Option<&Region>,
    words: Words,
) -> Vec<String> {
    match step {
        Question::Region => choices
            .iter()
            .map(|c| crate::wizard::region_option(policy, c, words))
            .collect(),
        Question::Scheme => Scheme::ALL
            .iter()
            .map(|s| crate::plan::render::scheme_label(*s, words))
            .collect(),
        Question::Disease => region
            .map(|r| {
                r.diseases
                    .iter()
                    .map(|x| words.name(&x.name, x.name_en.as_deref()))
                    .collect()
            })
            .unwrap_or_default(),
        Question::Retired | Question::Cross => {
            vec![
                words.t("prompt.yes").to_string(),
                words.t("prompt.no").to_string(),
            ]
        }
        Question::End => vec![],
    }
}

/// The question itself.
pub(super) fn question_words(step: Question, today: NaiveDate, words: Words) -> String {
    match step {
        Question::Region => words.t("prompt.region").to_string(),
        Question::Scheme => words.t("prompt.scheme").to_string(),
        Question::Retired => words.t("prompt.retired").to_string(),
        Question::Disease => words.t("prompt.disease").to_string(),
        Question::End => crate::dates::words::with_example("prompt.end", today, words),
        Question::Cross => words.t("prompt.cross").to_string(),
    }
}

/// What Enter keeps: the answer given before, or "no" for a yes/no.
pub(super) fn default_answer(
    step: Question,
    policy: &PolicySet,
    d: &Draft,
    region: Option<&Region>,
    words: Words,
) -> Option<String> {
    match step {
        Question::Retired | Question::Cross => Some(
            if d.yes_no(step).unwrap_or(false) {
                words.t("prompt.yes")
            } else {
                words.t("prompt.no")
            }
            .to_string(),
        ),
        Question::Region => chosen(policy, d, Question::Region, words),
        Question::Scheme => d
            .scheme
            .map(|s| crate::plan::render::scheme_label(s, words)),
        Question::Disease => d
            .disease
            .and_then(|i| region.map(|r| r.diseases[i].name.clone())),
        Question::End => d.end.map(|e| e.to_string()),
    }
}
