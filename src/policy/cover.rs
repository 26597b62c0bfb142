//! Which entry of a region's disease list covers a disease a person typed
//! by a name the list does not use: the entry whose concepts (in the
//! national vocabulary, `vocabulary`) include it, else the region's open
//! entry. Policy looks the vocabulary up; the vocabulary knows nothing of
//! policy.

use super::{Disease, Region};
use crate::text::normalize;
use crate::vocabulary::{Concept, Cover, NotCovered, TypedDisease, concept_of, reads_as};

/// Whether `disease` covers `concept`: the entry's `concepts` say so when
/// the data has them (the reviewed reading of its name and source);
/// otherwise, in a pack written before the field, its name or an alias is
/// one of the concept's names.
pub fn names(disease: &Disease, concept: &Concept) -> bool {
    if let Some(ids) = &disease.concepts {
        return ids.contains(&concept.id);
    }
    let own: Vec<String> = std::iter::once(&disease.name)
        .chain(&disease.aliases)
        .map(|n| normalize(n))
        .collect();
    concept.all_names().any(|n| own.contains(&normalize(n)))
}

/// The disease `typed` names when the vocabulary knows it as another one
/// than `disease` covers: a region's list found `disease` because its
/// name, reading or gloss begins with or holds the text (重庆's
/// 癫痫所致精神障碍 for 癫痫, 癫, dx, dianxian, epilepsy), not because it
/// is that disease. The entry's own id, name or alias typed exactly is
/// never another disease.
pub fn another_disease(disease: &Disease, typed: &str) -> Option<&'static Concept> {
    let t = normalize(&crate::i18n::to_simplified(typed)).replace('ü', "v");
    let own = || {
        std::iter::once(&disease.id)
            .chain(std::iter::once(&disease.name))
            .chain(&disease.aliases)
    };
    if own().map(|n| normalize(n)).any(|n| n == t) {
        return None;
    }
    // Its own reading or initials typed whole (tnb, tangniaobing for
    // 糖尿病) is that entry too; said without reading the whole vocabulary,
    // whose index is the larger part of a plan's start when it is built.
    let read_whole = |n: &String| {
        let (full, initials) = crate::search::pinyin_keys(n);
        normalize(&full) == t || normalize(&initials) == t
    };
    if t.is_ascii() && own().any(read_whole) {
        return None;
    }
    reads_as(typed).filter(|c| !names(disease, c))
}

/// The region's entry that covers the disease a person typed, when the
/// region's list does not find it by that name: the entry that names its
/// concept, else the region's open entry (其他病种 / 任一病种).
pub fn covering<'r>(
    region: &'r Region,
    typed: &str,
) -> Result<(&'r Disease, TypedDisease), NotCovered> {
    covering_concept(region, typed, concept_of(typed)?)
}

/// [`covering`] for a concept already known (the one [`another_disease`]
/// found).
pub fn covering_concept<'r>(
    region: &'r Region,
    typed: &str,
    concept: &'static Concept,
) -> Result<(&'r Disease, TypedDisease), NotCovered> {
    let (disease, cover) = match region
        .diseases
        .iter()
        .find(|d| !d.other && names(d, concept))
    {
        Some(d) => (d, Cover::Named),
        None => match region.diseases.iter().find(|d| d.other) {
            Some(d) => (d, Cover::CatchAll),
            None => return Err(NotCovered::NotListed(concept)),
        },
    };
    Ok((
        disease,
        TypedDisease {
            text: typed.trim().to_string(),
            concept: concept.id.clone(),
            concept_name: concept.name.clone(),
            cross_province: concept.cross_province.clone(),
            cover,
            region_list_len: region.diseases.iter().filter(|d| !d.other).count(),
        },
    ))
}
