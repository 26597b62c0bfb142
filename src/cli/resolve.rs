//! What a typed region, disease or scheme names: an id, a name, an
//! unambiguous part of either, or pinyin; else a usage error listing the
//! nearest valid choices.

use super::UsageError;
use crate::i18n::Words;
use crate::policy::index::{disease_index, scheme_index};
use crate::policy::{PolicySet, Region, Scheme};
use crate::search::{Resolution, SearchIndex};
use crate::vocabulary::{NotCovered, TypedDisease};

fn choose<'a, T>(
    index: &SearchIndex,
    items: &'a [T],
    input: &str,
    what_key: &str,
    label: impl Fn(&T) -> String,
    words: Words,
) -> Result<&'a T, UsageError> {
    // Looked up only for a message: a good answer needs no UI text.
    let what = || words.t(what_key);
    let listing = |ids: &[usize]| -> String {
        ids.iter()
            .map(|&i| format!("  {}", label(&items[i])))
            .collect::<Vec<_>>()
            .join("\n")
    };
    match index.resolve(input) {
        Resolution::One(i) => Ok(&items[i]),
        Resolution::Ambiguous(ids) => Err(UsageError(format!(
            "{}\n{}",
            words.tf("cli.ambiguous", &[("input", &input), ("what", &what())]),
            listing(&ids)
        ))),
        Resolution::NotFound(near) => {
            let mut msg = words.tf("cli.unknown", &[("input", &input), ("what", &what())]);
            if items.len() <= 12 {
                msg.push_str(&format!(
                    "\n{}\n{}",
                    words.tf("cli.valid_choices", &[("what", &what())]),
                    listing(&(0..items.len()).collect::<Vec<_>>())
                ));
            } else {
                msg.push_str(&format!("\n{}\n{}", words.t("cli.nearest"), listing(&near)));
            }
            msg.push_str(&format!("\n{}", words.t("cli.list_hint")));
            Err(UsageError(msg))
        }
    }
}

/// The one item whose id, name or alias is exactly `input`, found without
/// building the pinyin index (the common case: a script passing ids).
fn exact<'a, T>(items: &'a [T], input: &str, names: impl Fn(&T) -> Vec<&str>) -> Option<&'a T> {
    let q = crate::text::normalize(input);
    let mut hits = items
        .iter()
        .filter(|it| names(it).iter().any(|n| crate::text::normalize(n) == q));
    match (hits.next(), hits.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// An answer too long to be a name is refused before any search: matching
/// costs time in proportion to its length.
pub(super) fn not_too_long(input: &str, what_key: &str, words: Words) -> Result<(), UsageError> {
    if crate::search::too_long(input) {
        return Err(UsageError(words.tf(
            "cli.too_long",
            &[
                ("what", &words.t(what_key)),
                ("n", &input.chars().count()),
                ("max", &crate::search::MAX_QUERY_CHARS),
            ],
        )));
    }
    Ok(())
}

/// The place or region `input` names: an id, a GB/T 2260 code, a name or
/// alias, pinyin or initials. Ambiguous (吉林省 or 吉林市?) and unknown
/// answers are usage errors listing the candidates.
pub(crate) fn find_region(
    policy: &PolicySet,
    input: &str,
    words: Words,
) -> Result<crate::policy::Choice, UsageError> {
    not_too_long(input, "cli.what.region", words)?;
    // An id, a code or an exact name settles it without the pinyin index
    // or the list of every place (a script passing an id pays for neither).
    if let Some(c) = crate::policy::exact_choice(policy, input) {
        return Ok(c);
    }
    // Resolved over all the embedded data when only its files were read.
    if let Some(c) = policy
        .resolved_key(input)
        .and_then(|key| crate::policy::choice_for(policy, key))
    {
        return Ok(c);
    }
    let choices = crate::policy::choices(policy);
    let index = crate::policy::index::region_index_of(policy, &choices);
    choose(
        &index,
        &choices,
        input,
        "cli.what.region",
        |c| {
            format!(
                "{}  {}",
                c.key,
                crate::wizard::region_name(policy, c, words)
            )
        },
        words,
    )
    .cloned()
    .map_err(|mut e| {
        // A place the index does not know still gets a plan: the generic.
        if matches!(index.resolve(input), Resolution::NotFound(_))
            && let Some(g) = policy.regions.iter().find(|r| r.generic)
        {
            e.0.push('\n');
            e.0.push_str(&words.tf(
                "places.cli_generic",
                &[
                    ("id", &g.id),
                    ("generic", &words.name(&g.name, g.name_en.as_deref())),
                ],
            ));
        }
        e
    })
}

/// The region's entry for the disease `input` names: by its id, name,
/// alias, pinyin or initials in the region's own list; else the entry that
/// covers it in the national vocabulary (the entry naming it otherwise, or
/// the region's 其他病种 / 任一病种), with the disease as typed beside it.
/// A usage error when the name is ambiguous, unknown everywhere (with the
/// closest names), or a known disease the region's list leaves out.
pub(crate) fn find_disease<'a>(
    region: &'a Region,
    input: &str,
    words: Words,
) -> Result<(&'a crate::policy::Disease, Option<TypedDisease>), UsageError> {
    not_too_long(input, "cli.what.disease", words)?;
    if let Some(d) = exact(&region.diseases, input, |d| {
        [d.id.as_str(), d.name.as_str()]
            .into_iter()
            .chain(d.aliases.iter().map(String::as_str))
            .collect()
    }) {
        return Ok((d, None));
    }
    let index = disease_index(region);
    let listed = |d: &crate::policy::Disease| format!("{}  {}", d.id, d.name);
    // A disease the vocabulary knows by this name, its reading or its
    // initials is found by what covers it, never by an entry whose name
    // merely begins with or contains it (重庆's 癫痫所致精神障碍 is not 癫痫).
    let another = |i: usize| crate::policy::cover::another_disease(&region.diseases[i], input);
    let found = index.resolve(input);
    let only_other = match &found {
        Resolution::One(i) => another(*i),
        Resolution::Ambiguous(ids) => ids
            .iter()
            .map(|&i| another(i))
            .reduce(|a, b| a.and(b))
            .flatten(),
        Resolution::NotFound(_) => None,
    };
    if !matches!(found, Resolution::NotFound(_)) && only_other.is_none() {
        return choose(
            &index,
            &region.diseases,
            input,
            "cli.what.disease",
            listed,
            words,
        )
        .map(|d| (d, None));
    }
    let covering = match only_other {
        Some(concept) => crate::policy::cover::covering_concept(region, input, concept),
        None => crate::policy::cover::covering(region, input),
    };
    match covering {
        Ok((d, typed)) => Ok((d, Some(typed))),
        Err(NotCovered::NotListed(concept)) => {
            let mut msg = words.tf(
                "cli.disease_not_listed",
                &[
                    ("input", &input),
                    ("concept", &concept.name.as_str()),
                    ("region", &region.name.as_str()),
                ],
            );
            msg.push_str(&format!(
                "\n{}\n{}\n{}",
                words.tf(
                    "cli.valid_choices",
                    &[("what", &words.t("cli.what.disease"))]
                ),
                region
                    .diseases
                    .iter()
                    .map(|d| format!("  {}", listed(d)))
                    .collect::<Vec<_>>()
                    .join("\n"),
                words.t("cli.list_hint")
            ));
            Err(UsageError(msg))
        }
        Err(NotCovered::Ambiguous(names)) => Err(UsageError(format!(
            "{}\n{}",
            words.tf(
                "cli.ambiguous",
                &[("input", &input), ("what", &words.t("cli.what.disease"))]
            ),
            names
                .iter()
                .map(|n| format!("  {n}"))
                .collect::<Vec<_>>()
                .join("\n")
        ))),
        Err(NotCovered::Unknown(near)) => {
            let mut msg = match choose(
                &index,
                &region.diseases,
                input,
                "cli.what.disease",
                listed,
                words,
            ) {
                Err(UsageError(m)) => m,
                Ok(_) => String::new(),
            };
            msg.push_str(&format!(
                "\n{}\n{}",
                words.t("cli.nearest_everywhere"),
                near.iter()
                    .map(|n| format!("  {n}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            ));
            Err(UsageError(msg))
        }
    }
}

pub(crate) fn find_scheme(input: &str, words: Words) -> Result<Scheme, UsageError> {
    not_too_long(input, "cli.what.scheme", words)?;
    choose(
        &scheme_index(),
        &Scheme::ALL,
        input,
        "cli.what.scheme",
        |s| {
            format!(
                "{}  {}",
                s.id(),
                crate::plan::render::scheme_label(*s, words)
            )
        },
        words,
    )
    .copied()
}
