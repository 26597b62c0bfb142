//! Living or treated in another province: the filing steps, and whether
//! this disease settles directly across provinces on the plan's today.

use chrono::NaiveDate;

use super::{CrossProvincePlan, Warning};
use crate::policy::{Disease, Fact, National};

/// The cross-province part of a plan. The disease is matched by the
/// region's mapping to the national list, and only once it had joined it
/// everywhere (by the end of its month).
pub(crate) fn cross_province(
    national: &National,
    disease: &Disease,
    today: NaiveDate,
) -> CrossProvincePlan {
    let cp = &national.cross_province;
    let direct = disease
        .cross_province
        .as_ref()
        .and_then(|id| cp.direct_settlement.iter().find(|d| &d.id == id))
        .filter(|d| crate::policy::parse_published(&d.since).is_some_and(|end| end <= today));
    CrossProvincePlan {
        steps: cp.steps.clone(),
        principle: cp.principle.clone(),
        direct_settlement: direct.is_some(),
        direct_settlement_name: direct.map(|d| d.name.clone()),
        direct_settlement_since: match direct {
            Some(d) => Fact {
                value: Some(d.since_text.clone()),
                source: Some(d.source.clone()),
                note: None,
            },
            None => cp.direct_settlement_since.clone(),
        },
        direct_settlement_joined: direct.map(|d| d.since.clone()),
        other_diseases: direct.is_none().then(|| cp.other_diseases.clone()),
        notes: cp.notes.clone(),
    }
}

/// The warning that this disease does not settle directly.
pub(crate) fn no_direct_settlement(info: &CrossProvincePlan, disease: &Disease) -> Option<Warning> {
    (!info.direct_settlement).then(|| Warning::NoDirectSettlement {
        disease: disease.name.clone(),
        disease_en: disease.name_en.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn direct_settlement_counts_from_the_end_of_the_month_joined() {
        let set = crate::policy::fixture::policy();
        let r = set.regions.iter().find(|r| r.id == "fx-typical").unwrap();
        let diabetes = r.disease("diabetes").unwrap();
        let cirrhosis = r.disease("liver-cirrhosis").unwrap();
        let yes = cross_province(&set.national, diabetes, d("2026-01-05"));
        assert!(yes.direct_settlement);
        assert_eq!(no_direct_settlement(&yes, diabetes), None);
        let before = cross_province(&set.national, diabetes, d("2021-01-05"));
        assert!(!before.direct_settlement, "糖尿病 joined in 2021-09");
        let never = cross_province(&set.national, cirrhosis, d("2026-01-05"));
        assert!(never.other_diseases.is_some());
        assert!(no_direct_settlement(&never, cirrhosis).is_some());
    }
}
