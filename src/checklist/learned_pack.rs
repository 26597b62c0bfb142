//! What one person was told, for the whole clinic: a checklist's learned
//! facts as a region file for the person's place (`renew checklist export
//! ID --format pack`), which `renew data check` accepts and `--policy-dir`
//! or `renew data install` use. A place that takes its values from its
//! province's file gets a city file giving only the learned values and
//! inheriting everything else (`policy::inherit`); a place with its own
//! file, or with none above it, gets the whole file with the learned values
//! in place. Every learned value cites one source, 「在 DATE 电话询问 FROM」,
//! of confidence `low`. Pure: the file is returned as JSON.

use serde_json::{Map, Value, json};

use super::Checklist;
use crate::plan::RenewalPlan;
use crate::plan::learned::{self, LEARNED_SOURCE};
use crate::policy::DataLevel;
use crate::policy::PolicySet;

/// Why no pack can be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackProblem {
    /// The checklist has nothing learned.
    NothingLearned,
    /// The plan's region is not in the data (it changed since).
    NoRegion(String),
}

/// The region file of `c`'s learned facts, for the place of `plan` (the
/// checklist's plan on the shipped data and any pack in use).
pub fn learned_region(
    policy: &PolicySet,
    c: &Checklist,
    plan: &RenewalPlan,
) -> Result<Value, PackProblem> {
    let source = c.learned.source().ok_or(PackProblem::NothingLearned)?;
    let region = policy
        .region(&plan.region.id)
        .ok_or_else(|| PackProblem::NoRegion(plan.region.id.clone()))?;
    let (overlaid, _) = learned::overlay(region, &plan.disease.id, &c.learned);
    // The day the facts were last checked: the latest day one was told.
    let verified_on = c
        .learned
        .fields()
        .into_iter()
        .filter_map(|f| c.learned.said(f).map(|(on, _)| on))
        .max()
        .unwrap_or(plan.today);
    match (&plan.place, plan.data_level) {
        // A place whose values come from its province's file: a city file
        // with only what was learned.
        (Some(place), DataLevel::Province) => {
            let mut file = Map::new();
            file.insert("id".into(), json!(format!("{}-{}", region.id, place.code)));
            file.insert("name".into(), json!(place.name));
            file.insert("short_name".into(), json!(place.short_name));
            file.insert("province".into(), json!(region.province));
            file.insert("place".into(), json!(place.code));
            file.insert("verified_on".into(), json!(verified_on));
            file.insert("sources".into(), json!([source]));
            let l = &c.learned;
            if l.window_months.is_some() {
                file.insert("window_months".into(), to_value(&overlaid.window_months));
            }
            if l.window_days.is_some() {
                file.insert("window_days".into(), to_value(&overlaid.window_days));
                // A window is in days or in months, never one from each file.
                file.insert("window_months".into(), json!({ "value": null }));
            }
            if l.no_renewal.is_some() {
                // Said of the person's disease: the others keep the
                // province's rules.
                file.insert("no_renewal_for".into(), to_value(&overlaid.no_renewal_for));
            }
            if l.review_days.is_some() {
                // Review times live on the channels: the province's, each
                // with the learned time; its note on missing channels too.
                file.insert("channels".into(), to_value(&overlaid.channels));
                file.insert("no_channel".into(), to_value(&overlaid.no_channel));
            }
            Ok(Value::Object(file))
        }
        // The place's own file, or the generic entry: the whole file with
        // the learned values, for this place.
        (place, _) => {
            let mut r = overlaid.into_owned();
            r.verified_on = verified_on;
            if let Some(place) = place
                .as_ref()
                .filter(|_| r.generic || plan.data_level != DataLevel::City)
            {
                r.id = format!("place-{}", place.code);
                r.name = place.name.clone();
                r.short_name = place.short_name.clone();
                r.place = Some(place.code.clone());
                r.aliases.clear();
                r.name_en = None;
                r.generic = false;
                r.province = crate::places::by_code(&place.code)
                    .map(|p| p.province_place().map_or(p.name, |pp| pp.name).to_string())
                    .unwrap_or(r.province);
            }
            // Only the learned source is new; the others come with the values.
            debug_assert!(r.sources.iter().any(|s| s.id == LEARNED_SOURCE));
            Ok(serde_json::to_value(&r).unwrap_or(Value::Null))
        }
    }
}

fn to_value<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}
