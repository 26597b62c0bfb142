//! Which policy data a place gets: one answer to "where are you insured"
//! is a region with data, or a place of the index (`places`) and the region
//! whose data it uses (its own file, else its province's, else the generic
//! one). Policy looks places up; `places` knows nothing of policy.

use std::collections::HashMap;

use super::{DataLevel, PolicySet};
use crate::places::{Place, PlaceLevel, all, by_code, named};

/// The level of data a file for `place` holds: a province's data is
/// province-wide; a municipality's, a prefecture's or a county's is a
/// city's. A file for no place in the index is a city's (a pack may cover
/// a place the index does not list).
pub(crate) fn level_of(place: Option<&Place>) -> DataLevel {
    match place {
        Some(p) if p.level == PlaceLevel::Province && !p.is_municipality() => DataLevel::Province,
        _ => DataLevel::City,
    }
}

/// One answer to "where are you insured": a region with data, or a place
/// and the region whose data it uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What answers and checklists store: the region id for a region with
    /// data, the GB/T 2260 code for any other place.
    pub key: String,
    /// Index into `PolicySet::regions` of the data used.
    pub region: usize,
    /// The person's place, when known (the generic entry has none).
    pub place: Option<&'static Place>,
    /// Whose data the plan uses, seen from the place.
    pub level: DataLevel,
}

impl Choice {
    /// The name shown for the choice: the region's own name, or the
    /// place's full name (河北省石家庄市).
    pub(crate) fn name(&self, policy: &PolicySet) -> String {
        match self.place {
            Some(p) if !self.has_own_data(policy) => p.full_name(),
            _ => policy.regions[self.region].name.clone(),
        }
    }

    /// Whether the choice is the region with data itself, not a place
    /// that borrows a region's data (its province's, its municipality's,
    /// or the generic).
    pub(crate) fn has_own_data(&self, policy: &PolicySet) -> bool {
        self.key == policy.regions[self.region].id
    }
}

/// The region with data chosen as itself.
fn own(policy: &PolicySet, i: usize) -> Choice {
    let r = &policy.regions[i];
    Choice {
        key: r.id.clone(),
        region: i,
        place: r.place.as_deref().and_then(by_code),
        level: r.level(),
    }
}

/// A place without a region of its own: its province's data (for a
/// municipality's district, the municipality's), else the generic.
fn borrowed(
    policy: &PolicySet,
    place: &'static Place,
    region_of: impl Fn(&str) -> Option<usize>,
) -> Option<Choice> {
    let (region, level) = match place.province_place().and_then(|p| region_of(p.code)) {
        Some(i) => (i, policy.regions[i].level()),
        None => (
            policy.regions.iter().position(|r| r.generic)?,
            DataLevel::Generic,
        ),
    };
    Some(Choice {
        key: place.code.to_string(),
        region,
        place: Some(place),
        level,
    })
}

/// The choice an answer's stored key means: a region id, or a place code
/// (a place with its own region resolves to that region). Looks up only
/// what the key names: no list of every place is built.
pub(crate) fn choice_for(policy: &PolicySet, key: &str) -> Option<Choice> {
    let region_of = |code: &str| {
        policy
            .regions
            .iter()
            .position(|r| r.place.as_deref() == Some(code))
    };
    if let Some(i) = policy.regions.iter().position(|r| r.id == key) {
        return Some(own(policy, i));
    }
    let place = by_code(key)?;
    match region_of(place.code) {
        Some(i) => Some(own(policy, i)),
        None => borrowed(policy, place, region_of),
    }
}

/// The one choice `input` names exactly: a region id, a place code, or a
/// region's or place's name, short name or alias (a place's full name too,
/// 河北省石家庄市). `None` when nothing or more than one thing is named so
/// (吉林 is a province and a city): the search decides, and asks.
pub fn exact_choice(policy: &PolicySet, input: &str) -> Option<Choice> {
    if let Some(c) = choice_for(policy, input) {
        return Some(c);
    }
    let q = crate::text::normalize(input);
    if q.is_empty() {
        return None;
    }
    let same = |n: &str| crate::text::normalize(n) == q;
    let mut found: Option<Choice> = None;
    let mut add = |c: Option<Choice>| -> bool {
        match (&found, c) {
            (_, None) => true,
            (None, Some(c)) => {
                found = Some(c);
                true
            }
            (Some(f), Some(c)) => f.key == c.key,
        }
    };
    for r in &policy.regions {
        let names = [&r.id, &r.name, &r.short_name];
        if (names.into_iter().any(|n| same(n)) || r.aliases.iter().any(|n| same(n)))
            && !add(choice_for(policy, &r.id))
        {
            return None;
        }
    }
    for p in named(&q) {
        if !add(choice_for(policy, p.code)) {
            return None;
        }
    }
    found
}

/// Every choice: first the regions with data, in the policy's order (so a
/// choice's index below `policy.regions.len()` is the region's index), then
/// every other place in code order, each with the data it falls back to.
pub fn choices(policy: &PolicySet) -> Vec<Choice> {
    let mut out: Vec<Choice> = (0..policy.regions.len()).map(|i| own(policy, i)).collect();
    let covered: HashMap<&str, usize> = policy
        .regions
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((r.place.as_deref()?, i)))
        .collect();
    let region_of = |code: &str| covered.get(code).copied();
    for p in all() {
        if covered.contains_key(p.code) {
            continue;
        }
        out.extend(borrowed(policy, p, region_of));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_province_s_file_holds_province_data_and_any_other_a_city_s() {
        let find = |code| by_code(code).unwrap();
        assert_eq!(level_of(Some(find("430000"))), DataLevel::Province);
        assert_eq!(level_of(Some(find("500000"))), DataLevel::City);
        assert_eq!(level_of(Some(find("430100"))), DataLevel::City);
        assert_eq!(level_of(None), DataLevel::City);
    }

    fn with_region(id: &str, name: &str, place: &str) -> PolicySet {
        let policy = PolicySet::embedded().unwrap();
        let mut r = policy.region("qinghai-haixi").unwrap().clone();
        r.id = id.into();
        r.name = name.into();
        r.short_name = name.into();
        r.aliases.clear();
        r.place = Some(place.into());
        policy.with_regions(vec![r])
    }

    #[test]
    fn a_place_falls_back_to_its_province_then_to_generic() {
        let policy = with_region("hunan", "湖南省", "430000");
        let region = |c: &Choice| policy.regions[c.region].id.clone();
        let changsha = choice_for(&policy, "430100").unwrap();
        assert_eq!(
            (region(&changsha).as_str(), changsha.level),
            ("hunan", DataLevel::Province)
        );
        assert_eq!(changsha.name(&policy), "湖南省长沙市");
        assert!(!changsha.has_own_data(&policy));
        let province = choice_for(&policy, "hunan").unwrap();
        assert_eq!(province.level, DataLevel::Province);
        assert!(province.has_own_data(&policy));
        assert_eq!(choice_for(&policy, "430000"), Some(province));
        let sjz = choice_for(&policy, "130100").unwrap();
        assert_eq!(
            (region(&sjz).as_str(), sjz.level),
            ("generic", DataLevel::Generic)
        );
        // Old region ids keep working.
        let haixi = choice_for(&policy, "qinghai-haixi").unwrap();
        assert_eq!(
            (haixi.key.as_str(), haixi.level),
            ("qinghai-haixi", DataLevel::City)
        );
        assert_eq!(choice_for(&policy, "nowhere"), None);
        // The list agrees with the look-up, for every key.
        for c in choices(&policy) {
            assert_eq!(choice_for(&policy, &c.key).as_ref(), Some(&c), "{}", c.key);
        }
    }

    #[test]
    fn a_municipality_district_uses_the_municipality_as_its_city() {
        let policy = with_region("beijing", "北京市", "110000");
        let chaoyang = choice_for(&policy, "110105").unwrap();
        assert_eq!(policy.regions[chaoyang.region].id, "beijing");
        assert_eq!(chaoyang.level, DataLevel::City);
        assert_eq!(
            choice_for(&policy, "beijing").unwrap().level,
            DataLevel::City
        );
    }

    #[test]
    fn choices_list_regions_first_then_every_other_place_once() {
        let policy = PolicySet::embedded().unwrap();
        let all_choices = choices(&policy);
        let n = policy.regions.len();
        for (i, c) in all_choices.iter().take(n).enumerate() {
            assert_eq!(c.key, policy.regions[i].id);
        }
        let covered = policy.regions.iter().filter(|r| r.place.is_some()).count();
        assert_eq!(all_choices.len(), n + all().len() - covered);
        let mut keys: Vec<&str> = all_choices.iter().map(|c| c.key.as_str()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), all_choices.len(), "no key twice");
    }
}
