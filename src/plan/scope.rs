//! Whether the region's renewal rules cover this disease, and what the plan
//! may still say when they do not (the source's own words, nothing more).

use std::borrow::Cow;

use super::{LateRule, PlanScope};
use crate::policy::{Disease, Fact, OutsideScope, Region, RenewalScope};

/// The region's rules as they reach one disease.
#[derive(Debug, Clone)]
pub(crate) struct Scope<'a> {
    /// The rules leave this disease out.
    pub outside: Option<Cow<'a, RenewalScope>>,
}

impl<'a> Scope<'a> {
    pub(crate) fn of(region: &'a Region, disease: &Disease) -> Scope<'a> {
        // What a person was told of this very disease comes first.
        if let Some(told) = region
            .no_renewal_for
            .iter()
            .find(|t| t.disease == disease.id)
        {
            let still_matters = region
                .renewal_scope
                .as_ref()
                .filter(|s| s.others == OutsideScope::NoRenewal)
                .map(|s| s.still_matters.clone())
                .unwrap_or_default();
            return Scope {
                outside: Some(Cow::Owned(RenewalScope {
                    diseases: Vec::new(),
                    others: OutsideScope::NoRenewal,
                    text: told.text.clone(),
                    still_matters,
                    inferred: false,
                    source: told.source.clone(),
                })),
            };
        }
        Scope {
            outside: region
                .renewal_scope
                .as_ref()
                .filter(|s| !s.diseases.contains(&disease.id))
                .map(Cow::Borrowed),
        }
    }

    /// The source says a disease outside the rules needs no renewal.
    pub(crate) fn no_renewal(&self) -> bool {
        self.outside
            .as_deref()
            .is_some_and(|s| s.others == OutsideScope::NoRenewal)
    }

    /// Silent about the disease: nothing the rules say is known for it; the
    /// source's words on it.
    pub(crate) fn unsaid(&self) -> Option<&str> {
        self.outside
            .as_deref()
            .filter(|s| s.others == OutsideScope::Unsaid)
            .map(|s| s.text.as_str())
    }

    /// The scope as the plan tells it, when the disease is outside.
    pub(crate) fn plan_scope(&self, region: &Region) -> Option<PlanScope> {
        self.outside.as_deref().map(|s| PlanScope {
            others: s.others,
            text: s.text.clone(),
            listed: s
                .diseases
                .iter()
                .filter_map(|id| region.disease(id))
                .map(|d| d.name.clone())
                .collect(),
            inferred: s.inferred,
            source: s.source.clone(),
        })
    }

    /// `fact`, or nothing known when the rules do not cover the disease.
    pub(crate) fn covered<T: Clone>(&self, fact: &Fact<T>) -> Fact<T> {
        if self.outside.is_some() {
            Fact {
                value: None,
                source: None,
                note: None,
            }
        } else {
            fact.clone()
        }
    }

    /// What happens when one is late, and whether benefits continue during
    /// the review. Outside the rules the rest is simply unsaid; the
    /// window's note and the warning say why and whom to ask.
    pub(crate) fn late_rule(&self, region: &Region) -> LateRule {
        LateRule {
            consequence: self.covered(&region.late_consequence),
            continuity_during_review: self.covered(&region.continuity_during_review),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::PolicySet;

    fn region<'a>(set: &'a PolicySet, id: &str) -> &'a Region {
        set.regions.iter().find(|r| r.id == id).unwrap()
    }

    #[test]
    fn a_listed_disease_is_inside_and_the_others_need_none() {
        let set = crate::policy::fixture::policy();
        let r = region(&set, "fx-w-listed");
        let listed = r
            .diseases
            .iter()
            .find(|d| r.renewal_scope.as_ref().unwrap().diseases.contains(&d.id))
            .unwrap();
        let other = r.diseases.iter().find(|d| d.id != listed.id).unwrap();
        let inside = Scope::of(r, listed);
        assert!(inside.outside.is_none() && !inside.no_renewal());
        let outside = Scope::of(r, other);
        assert!(outside.no_renewal());
        assert_eq!(outside.unsaid(), None);
        assert!(
            outside
                .plan_scope(r)
                .is_some_and(|s| s.listed == [listed.name.clone()])
        );
    }

    #[test]
    fn outside_unsaid_rules_say_nothing_of_their_own() {
        let set = crate::policy::fixture::policy();
        let r = region(&set, "fx-six");
        let other = r.diseases.iter().find(|d| d.other).unwrap();
        let scope = Scope::of(r, other);
        assert!(scope.unsaid().is_some(), "fx-six leaves the others unsaid");
        let late = scope.late_rule(r);
        assert_eq!(late.consequence.value, None);
        assert_eq!(late.continuity_during_review.source, None);
    }
}
