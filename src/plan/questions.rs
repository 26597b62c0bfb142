//! What to ask: one question for each fact the plan does not know for this
//! person, so that "call and confirm" says what to confirm. Facts only; the
//! words are chosen by the renderers (`question.<about>`).

use serde::Serialize;

use super::{Deadline, RenewalPlan};
use crate::policy::DataLevel;
use crate::policy::OutsideScope;

/// The fact a question is about. The JSON names are a contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unknown {
    /// Whether this disease needs renewal at all (the region's list of
    /// diseases to renew does not name it, and the source says nothing).
    RenewalNeeded,
    /// How long before the end date one may apply.
    Window,
    /// Which channel takes this disease.
    Channel,
    /// How many working days the review takes.
    ReviewTime,
    /// Which documents to bring.
    Documents,
    /// How long the renewed qualification lasts.
    Validity,
    /// Whether benefits continue while the review runs.
    Continuity,
}

impl Unknown {
    /// The id the words and checklist items use.
    pub fn id(self) -> &'static str {
        match self {
            Unknown::RenewalNeeded => "renewal_needed",
            Unknown::Window => "window",
            Unknown::Channel => "channel",
            Unknown::ReviewTime => "review_time",
            Unknown::Documents => "documents",
            Unknown::Validity => "validity",
            Unknown::Continuity => "continuity",
        }
    }

    pub const ALL: [Unknown; 7] = [
        Unknown::RenewalNeeded,
        Unknown::Window,
        Unknown::Channel,
        Unknown::ReviewTime,
        Unknown::Documents,
        Unknown::Validity,
        Unknown::Continuity,
    ];
}

/// A question the person should ask the office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OfficeQuestion {
    pub about: Unknown,
}

/// The questions for a plan, in the order they matter: whether to renew,
/// when, where, how long it takes, what to bring, for how long, and what
/// happens meanwhile. A plan that needs no renewal asks nothing, unless
/// that is only the program's reading of the source: then it asks that.
pub(crate) fn questions(plan: &RenewalPlan) -> Vec<OfficeQuestion> {
    let renewing = plan.window.is_some();
    let serving: Vec<_> = plan.channels.iter().filter(|c| c.serves_disease).collect();
    // The generic entry's values, or a field the place's data leaves to it.
    let generic = |field: &str| {
        plan.region.generic || plan.data_levels.get(field) == Some(&DataLevel::Generic)
    };
    let asked = [
        (
            Unknown::RenewalNeeded,
            // The source is silent, or "no renewal" is only the program's
            // reading of it (西安's other diseases).
            plan.renewal_scope
                .as_ref()
                .is_some_and(|s| s.others == OutsideScope::Unsaid || s.inferred),
        ),
        (
            Unknown::Window,
            plan.window.as_ref().is_some_and(|w| w.assumed),
        ),
        (Unknown::Channel, renewing && serving.is_empty()),
        (
            Unknown::ReviewTime,
            renewing && !serving.is_empty() && plan.deadline == Deadline::Unknown,
        ),
        (Unknown::Documents, renewing && generic("documents")),
        (
            Unknown::Validity,
            renewing && plan.validity.is_none() && plan.cycle_years.value.is_none(),
        ),
        (
            Unknown::Continuity,
            renewing && plan.late.continuity_during_review.value.is_none(),
        ),
    ];
    asked
        .into_iter()
        .filter(|(_, unknown)| *unknown)
        .map(|(about, _)| OfficeQuestion { about })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::plan::{Answers, compute};
    use crate::policy::{Scheme, fixture};
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn asked(region: &str, disease: &str) -> Vec<&'static str> {
        let answers = Answers {
            region: region.into(),
            scheme: Scheme::Employee,
            disease: disease.into(),
            validity_end: d("2026-03-31"),
            cross_province: false,
            retired: false,
        };
        let plan = compute(&fixture::policy(), &answers, d("2026-01-10")).unwrap();
        plan.questions.iter().map(|q| q.about.id()).collect()
    }

    fn first_disease(region: &str) -> String {
        let set = fixture::policy();
        let r = set.regions.iter().find(|r| r.id == region).unwrap();
        r.diseases[0].id.clone()
    }

    #[test]
    fn an_assumed_window_is_asked_about() {
        let q = asked("fx-assumed", &first_disease("fx-assumed"));
        assert!(q.contains(&"window"), "{q:?}");
        let q = asked("fx-exact", &first_disease("fx-exact"));
        assert!(!q.contains(&"window"), "{q:?}");
    }

    #[test]
    fn the_generic_plan_asks_about_documents_and_a_sourced_one_does_not() {
        let q = asked("generic", &first_disease("generic"));
        assert!(q.contains(&"documents") && q.contains(&"window"), "{q:?}");
        let q = asked("fx-typical", &first_disease("fx-typical"));
        assert!(!q.contains(&"documents"), "{q:?}");
    }

    #[test]
    fn nothing_is_asked_when_no_renewal_is_needed() {
        let q = asked("fx-w-none", &first_disease("fx-w-none"));
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn a_disease_outside_an_unsaid_scope_asks_whether_it_needs_renewal() {
        let set = fixture::policy();
        let r = set.regions.iter().find(|r| r.id == "fx-six").unwrap();
        let scope = r.renewal_scope.as_ref().unwrap();
        let outside = r
            .diseases
            .iter()
            .find(|d| !scope.diseases.contains(&d.id))
            .unwrap();
        let q = asked("fx-six", &outside.id);
        assert_eq!(q.first(), Some(&"renewal_needed"), "{q:?}");
        let inside = &scope.diseases[0];
        assert!(!asked("fx-six", inside).contains(&"renewal_needed"));
    }

    /// Issue 21 gap 3: "no renewal" only inferred (西安 高血压: the source
    /// lists the 13 diseases to re-review and says nothing of the rest)
    /// is a fact to confirm: the plan asks it, and the checklist has the
    /// item. Said by the source (庚市 as shipped), nothing is asked.
    #[test]
    fn an_inferred_no_renewal_asks_whether_renewal_is_needed() {
        let mut set = fixture::policy();
        let outside = "tuberculosis";
        let answers = Answers {
            region: "fx-w-listed".into(),
            scheme: Scheme::Employee,
            disease: outside.into(),
            validity_end: d("2026-03-31"),
            cross_province: false,
            retired: false,
        };
        let said = compute(&set, &answers, d("2026-01-10")).unwrap();
        assert_eq!(said.status, crate::plan::Status::NoRenewal);
        assert!(said.questions.is_empty(), "{:?}", said.questions);
        let r = set
            .regions
            .iter_mut()
            .find(|r| r.id == "fx-w-listed")
            .unwrap();
        r.renewal_scope.as_mut().unwrap().inferred = true;
        let plan = compute(&set, &answers, d("2026-01-10")).unwrap();
        assert_eq!(plan.status, crate::plan::Status::NoRenewal);
        let q: Vec<_> = plan.questions.iter().map(|q| q.about.id()).collect();
        assert_eq!(q, ["renewal_needed"]);
        let c = crate::checklist::Checklist::new(
            "x".into(),
            "妈妈",
            &answers,
            &plan,
            "2026-01-10T08:00:00Z".parse().unwrap(),
        );
        assert!(c.items.iter().any(|i| i.id == "ask:renewal_needed"));
    }

    #[test]
    fn an_unknown_review_time_is_asked_and_a_known_one_is_not() {
        let set = fixture::policy();
        let mut unknown = 0;
        for r in &set.regions {
            for dis in &r.diseases {
                let q = asked(&r.id, &dis.id);
                let answers = Answers {
                    region: r.id.clone(),
                    scheme: Scheme::Employee,
                    disease: dis.id.clone(),
                    validity_end: d("2026-03-31"),
                    cross_province: false,
                    retired: false,
                };
                let plan = compute(&set, &answers, d("2026-01-10")).unwrap();
                let expect = plan.window.is_some()
                    && plan.channels.iter().any(|c| c.serves_disease)
                    && plan.apply_by.is_none();
                assert_eq!(q.contains(&"review_time"), expect, "{} {}", r.id, dis.id);
                unknown += usize::from(expect);
            }
        }
        assert!(unknown > 0, "the fixture has an unknown review time");
    }
}
