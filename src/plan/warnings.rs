//! The warnings of a plan that come from its window and its data: an
//! unofficial or assumed window, where today stands, a generic region, an
//! unlisted disease, old sources, an end date far ahead. (The deadline's
//! own warnings are in [`super::deadline`].)

use chrono::{Months, NaiveDate};

use super::window::{Standing, WindowRule};
use super::{LateRule, RenewalWindow, Status, Warning};
use crate::dates::months_before;
use crate::policy::{Confidence, Disease, National, Region};

/// Sources older than this many months get a warning.
const STALE_MONTHS: u32 = 12;

/// The window comes from a third-party page, or is assumed.
pub(crate) fn window_warnings(
    region: &Region,
    national: &National,
    rule: &WindowRule,
) -> Vec<Warning> {
    let w = &rule.window;
    let mut warnings = Vec::new();
    if w.source
        .as_deref()
        .and_then(|id| region.source(id))
        .is_some_and(|s| s.confidence == Confidence::ThirdParty)
    {
        warnings.push(Warning::UnofficialSource {
            region: region.short_name.clone(),
        });
    }
    if w.assumed {
        warnings.push(Warning::WindowAssumed {
            region: region.short_name.clone(),
            months: w.months.unwrap_or(national.assumed_window_months),
            note: rule.basis_note.clone(),
        });
    }
    warnings
}

/// Where today stands, when it is not inside the window.
pub(crate) fn standing_warning(
    window: Option<&RenewalWindow>,
    s: &Standing,
    late: &LateRule,
) -> Option<Warning> {
    let w = window?;
    match s.status {
        Status::NotYetOpen => Some(Warning::NotYetOpen {
            opens: s.opens,
            days: s.days_until_open.unwrap_or_default(),
        }),
        Status::Grace => Some(Warning::InGrace {
            ended: s.closes,
            until: w.last_day(),
            days: s.grace_days_left.unwrap_or_default(),
            note: w.grace.as_ref().and_then(|g| g.note.clone()),
        }),
        Status::Expired => Some(Warning::WindowClosed {
            closes: s.closes,
            days: s.days_overdue.unwrap_or_default(),
            consequence: late.consequence.value.clone(),
            grace_until: w.grace.as_ref().map(|g| g.until),
        }),
        Status::Open | Status::NoRenewal => None,
    }
}

/// Warnings about the data behind the plan: a generic region, a disease
/// the region does not list, old sources, an end date far ahead.
pub(crate) fn data_warnings(
    region: &Region,
    disease: &Disease,
    today: NaiveDate,
    validity_end: NaiveDate,
    no_renewal: bool,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    if region.generic {
        warnings.push(Warning::RegionGeneric);
    }
    if disease.other {
        warnings.push(Warning::DiseaseUnlisted {
            disease: disease.name.clone(),
            disease_en: disease.name_en.clone(),
            region: region.short_name.clone(),
        });
    }
    stale_warnings(region, today, &mut warnings);
    // An end date far ahead is no mistake where none needs renewing
    // (北京: 有效期至2099年).
    if !no_renewal && end_far_ahead(today, validity_end) {
        warnings.push(Warning::EndFarAhead { end: validity_end });
    }
    warnings
}

/// The end date is more than [`crate::dates::FAR_YEARS`] years after today.
fn end_far_ahead(today: NaiveDate, end: NaiveDate) -> bool {
    today
        .checked_add_months(Months::new(12 * crate::dates::FAR_YEARS))
        .is_some_and(|far| end > far)
}

/// Warn when the newest source, or the last check, is over a year old.
fn stale_warnings(region: &Region, today: NaiveDate, warnings: &mut Vec<Warning>) {
    let year_ago = months_before(today, STALE_MONTHS);
    if let Some(newest) = region.newest_source_date()
        && newest < year_ago
    {
        let published = region
            .sources
            .iter()
            .filter_map(|s| s.published.as_deref())
            .max()
            .unwrap_or_default();
        warnings.push(Warning::SourcesOld {
            region: region.short_name.clone(),
            published: published.to_string(),
            months: STALE_MONTHS,
        });
    }
    if region.verified_on < year_ago {
        warnings.push(Warning::VerifiedOld {
            date: region.verified_on,
            months: STALE_MONTHS,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::PolicySet;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn region<'a>(set: &'a PolicySet, id: &str) -> &'a Region {
        set.regions.iter().find(|r| r.id == id).unwrap()
    }

    fn codes(ws: &[Warning]) -> Vec<&'static str> {
        ws.iter().map(Warning::code).collect()
    }

    #[test]
    fn old_sources_warn_a_year_on() {
        let set = crate::policy::fixture::policy();
        let r = region(&set, "fx-assumed");
        let disease = &r.diseases[0];
        let later = data_warnings(r, disease, d("2030-01-01"), d("2030-03-31"), false);
        assert!(
            codes(&later).contains(&"sources_old"),
            "{:?}",
            codes(&later)
        );
        assert!(codes(&later).contains(&"verified_old"));
    }

    #[test]
    fn a_far_end_date_is_questioned_unless_nothing_is_renewed() {
        let today = d("2026-01-05");
        assert!(end_far_ahead(today, d("2099-12-31")));
        assert!(!end_far_ahead(today, d("2027-12-31")));
        let set = crate::policy::fixture::policy();
        let r = region(&set, "fx-exact");
        let disease = &r.diseases[0];
        let far = data_warnings(r, disease, today, d("2099-12-31"), false);
        assert!(codes(&far).contains(&"end_far_ahead"));
        let none = data_warnings(r, disease, today, d("2099-12-31"), true);
        assert!(!codes(&none).contains(&"end_far_ahead"));
    }

    #[test]
    fn today_outside_the_window_is_said() {
        let w = RenewalWindow {
            opens: d("2026-01-01"),
            closes: d("2026-03-31"),
            months: Some(3),
            days: None,
            grace: None,
            assumed: false,
            basis: None,
            source: None,
        };
        let late = LateRule {
            consequence: crate::policy::Fact::unknown("x"),
            continuity_during_review: crate::policy::Fact::unknown("x"),
        };
        let at = |day| standing_warning(Some(&w), &Standing::on(d(day), Some(&w)), &late);
        assert_eq!(at("2026-02-01"), None);
        assert_eq!(at("2025-12-31").map(|w| w.code()), Some("not_yet_open"));
        assert_eq!(at("2026-04-01").map(|w| w.code()), Some("window_closed"));
        assert_eq!(
            standing_warning(None, &Standing::on(d("2026-04-01"), None), &late),
            None
        );
    }
}
