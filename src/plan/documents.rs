//! What to bring: how long a renewed qualification lasts, how old the
//! records may be, and the documents (common, the disease's own, the
//! cross-province filing, then the either/or routes).

use chrono::NaiveDate;

use super::{Answers, DocumentOrigin, MaterialsRule, PlanDocument, PlanValidity, RouteRef};
use crate::dates::months_before;
use crate::policy::{Disease, DocumentChoice, DocumentRequirement, National, Region};

/// How long a qualification granted on `reference_day` lasts, as the data
/// has it on that day, with the value before it.
pub(crate) fn validity(region: &Region, reference_day: NaiveDate) -> Option<PlanValidity> {
    let v = crate::policy::in_force(&region.validity_months, reference_day)?;
    let previous = v
        .from
        .and_then(|f| f.pred_opt())
        .and_then(|day| crate::policy::in_force(&region.validity_months, day))
        .map(|p| p.value);
    Some(PlanValidity {
        months: v.value,
        since: v.from,
        on: reference_day,
        previous_months: previous,
        source: v.source.clone(),
        note: v.note.clone(),
    })
}

/// Materials age, counted back from the day one can apply.
pub(crate) fn materials(region: &Region, reference_day: NaiveDate) -> Option<MaterialsRule> {
    let age = region.materials_max_age.value.as_ref()?;
    Some(MaterialsRule {
        months: age.months,
        approximate: age.approximate,
        reference_day,
        earliest_date: months_before(reference_day, age.months),
        source: region.materials_max_age.source.clone(),
        note: region.materials_max_age.note.clone(),
    })
}

/// The plan's documents and its either/or groups.
pub(crate) struct Documents {
    pub documents: Vec<PlanDocument>,
    pub choices: Vec<DocumentChoice>,
}

/// Documents: common, then the disease's own, then cross-province filing;
/// either/or groups last, route by route, so each route's documents
/// follow one another in every list and numbering. A document is listed
/// once, and only for the schemes it is for.
pub(crate) fn documents(
    region: &Region,
    national: &National,
    disease: &Disease,
    answers: &Answers,
    materials: Option<&MaterialsRule>,
) -> Documents {
    let mut documents: Vec<PlanDocument> = Vec::new();
    let mut push = |doc: &DocumentRequirement, origin: DocumentOrigin, route: Option<RouteRef>| {
        if let Some(d) = plan_document(doc, origin, route, answers, materials)
            && !documents.iter().any(|x| x.id == d.id)
        {
            documents.push(d);
        }
    };
    for doc in region
        .common_documents
        .iter()
        .filter_map(|id| region.document(id))
    {
        push(doc, DocumentOrigin::Common, None);
    }
    for doc in disease
        .documents
        .iter()
        .filter_map(|id| region.document(id))
    {
        push(doc, DocumentOrigin::Disease, None);
    }
    let cp = &national.cross_province;
    if answers.cross_province {
        for id in &cp.filing_documents {
            if let Some(doc) = cp.documents.iter().find(|d| &d.id == id) {
                push(doc, DocumentOrigin::CrossProvince, None);
            }
        }
    }
    let choices: Vec<DocumentChoice> = disease
        .document_choices
        .iter()
        .filter_map(|id| region.document_choice(id))
        .cloned()
        .collect();
    for choice in &choices {
        for route in &choice.routes {
            for doc in route.documents.iter().filter_map(|id| region.document(id)) {
                let at = RouteRef {
                    choice: choice.id.clone(),
                    route: route.id.clone(),
                };
                push(doc, DocumentOrigin::Disease, Some(at));
            }
        }
    }
    Documents { documents, choices }
}

/// One document as this plan needs it; `None` when it is for other schemes.
fn plan_document(
    doc: &DocumentRequirement,
    origin: DocumentOrigin,
    route: Option<RouteRef>,
    answers: &Answers,
    materials: Option<&MaterialsRule>,
) -> Option<PlanDocument> {
    if !doc.schemes.is_empty() && !doc.schemes.contains(&answers.scheme) {
        return None;
    }
    let origin = if doc.schemes.is_empty() {
        origin
    } else {
        DocumentOrigin::Scheme
    };
    Some(PlanDocument {
        id: doc.id.clone(),
        name: doc.name.clone(),
        name_en: doc.name_en.clone(),
        why: doc.why.clone(),
        origin,
        earliest_date: materials.filter(|_| doc.dated).map(|m| m.earliest_date),
        note: doc.note.clone(),
        route,
        source: doc.source.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{PolicySet, Scheme};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn region<'a>(set: &'a PolicySet, id: &str) -> &'a Region {
        set.regions.iter().find(|r| r.id == id).unwrap()
    }

    fn answers(region: &str, disease: &str) -> Answers {
        Answers {
            region: region.into(),
            scheme: Scheme::Employee,
            disease: disease.into(),
            validity_end: d("2026-03-31"),
            cross_province: false,
            retired: false,
        }
    }

    #[test]
    fn materials_count_back_from_the_reference_day() {
        let set = crate::policy::fixture::policy();
        let m = materials(region(&set, "fx-exact"), d("2026-01-05")).unwrap();
        assert_eq!((m.months, m.earliest_date), (12, d("2025-01-05")));
        assert!(!m.approximate);
    }

    #[test]
    fn validity_names_the_value_before_a_change() {
        let set = crate::policy::fixture::policy();
        let r = region(&set, "fx-w-dated");
        let before = validity(r, d("2026-03-31")).unwrap();
        let after = validity(r, d("2026-04-01")).unwrap();
        assert_eq!(before.months, 6);
        assert_eq!(
            (after.months, after.since, after.previous_months),
            (12, Some(d("2026-04-01")), Some(6))
        );
    }

    #[test]
    fn documents_are_listed_once_with_routes_last() {
        let set = crate::policy::fixture::policy();
        let r = region(&set, "fx-assumed");
        let a = answers("fx-assumed", "hypertension");
        let disease = r.disease(&a.disease).unwrap();
        let docs = documents(r, &set.national, disease, &a, None);
        let ids: Vec<&str> = docs.documents.iter().map(|d| d.id.as_str()).collect();
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "each document once: {ids:?}");
        assert!(!docs.choices.is_empty(), "高血压 has an either/or");
        let first_routed = docs
            .documents
            .iter()
            .position(|d| d.route.is_some())
            .unwrap();
        assert!(
            docs.documents[first_routed..]
                .iter()
                .all(|d| d.route.is_some())
        );
    }
}
