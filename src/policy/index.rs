//! The search indexes of the policy data: every place a person may pick,
//! a region's diseases, the schemes. The matching itself is `search`'s,
//! which knows nothing of policy: the arrow runs from here to it.

use super::{Choice, PolicySet, Region, Scheme, choices};
use crate::places::{PlaceLevel, size_rank};
use crate::search::SearchIndex;

/// Every place a person may pick (`policy::choices`, the regions with data
/// first), searchable by id or code, name, short name, aliases and province;
/// a region with data is found by its place's official names too.
pub fn region_index(policy: &PolicySet) -> SearchIndex {
    region_index_of(policy, &choices(policy))
}

/// [`region_index`] over choices already made.
pub fn region_index_of(policy: &PolicySet, choices: &[Choice]) -> SearchIndex {
    let mut idx = SearchIndex::default();
    for c in choices {
        let full = c.place.map(|p| p.full_name());
        if c.has_own_data(policy) {
            let r = &policy.regions[c.region];
            let mut primary = vec![r.id.as_str(), r.name.as_str(), r.short_name.as_str()];
            let mut secondary: Vec<&str> = r.aliases.iter().map(String::as_str).collect();
            secondary.push(&r.province);
            secondary.extend(r.name_en.as_deref());
            if let Some(p) = c.place {
                primary.extend([p.code, p.name, p.short_name]);
                primary.extend(full.as_deref());
                secondary.extend(p.aliases.iter().copied());
            }
            idx.add(&primary, &secondary);
        } else if let Some(p) = c.place {
            let mut primary = vec![p.code, p.name, p.short_name];
            primary.extend(full.as_deref());
            let secondary: Vec<&str> = p.aliases.to_vec();
            let initials = p.level != PlaceLevel::District;
            idx.add_keys(&primary, &secondary, initials);
        } else {
            continue;
        }
        // A region with data for no place of the index (a pack's own) is
        // ranked as a province would be: its data is all the program knows
        // of it.
        let rank = match c.place {
            None if !policy.regions[c.region].generic => 0,
            place => size_rank(place),
        };
        idx.rank_last(rank);
    }
    idx
}

/// A region's diseases, searchable by id, name, aliases and English gloss.
pub fn disease_index(region: &Region) -> SearchIndex {
    let mut idx = SearchIndex::default();
    for d in &region.diseases {
        let mut secondary: Vec<&str> = d.aliases.iter().map(String::as_str).collect();
        secondary.extend(d.name_en.as_deref());
        idx.add(&[&d.id, &d.name], &secondary);
    }
    idx
}

/// The two schemes, in `Scheme::ALL` order.
pub(crate) fn scheme_index() -> SearchIndex {
    let mut idx = SearchIndex::default();
    for s in Scheme::ALL {
        idx.add(&[s.id(), s.name()], s.aliases());
    }
    idx
}
