//! From policy data, the person's answers and today's date to a
//! [`RenewalPlan`]: the window, the documents, the channels with their
//! dates, and every warning a person should see. Pure: today is an argument.
//!
//! Each rule lives in its own module with its tests beside it:
//! [`window`] (the end date in force, the window, where today stands),
//! [`scope`] (whether the region's rules cover the disease),
//! [`documents`] (validity, materials age, documents), [`channels`] (the
//! ways to renew and their dates), [`deadline`] (apply-by in working days
//! and where it stands), [`cross_province`], [`notes`] and [`warnings`].
//! [`compute`] calls them in order; [`types`] holds what they return.

mod channels;
pub mod contacts;
mod cross_province;
mod deadline;
mod documents;
pub mod learned;
mod notes;
pub mod questions;
pub mod render;
mod scope;
mod types;
mod warnings;
mod window;

use chrono::NaiveDate;

use crate::policy::{Disease, PolicySet, Region};

pub(crate) use deadline::review_span;
pub use deadline::{Deadline, DeadlineDays};
pub use types::*;
#[cfg(test)]
pub(crate) use window::status;
pub(crate) use window::status_with_grace;
pub use window::{GracePeriod, RenewalWindow, extended_end};
// The names the plan's tests (`tests.rs`, `shape_tests.rs`) use unqualified.
#[cfg(test)]
use crate::policy::{ChannelKind, OutsideScope, Scheme};
#[cfg(test)]
pub(crate) use window::{grace_until, renewal_window, renewal_window_days};

pub fn compute(
    policy: &PolicySet,
    answers: &Answers,
    today: NaiveDate,
) -> Result<RenewalPlan, PlanError> {
    compute_with(policy, answers, &learned::Learned::default(), today)
}

/// The plan with what the person was told in place of the data's values
/// (see [`learned`]): each use is marked in the plan's `learned`.
pub fn compute_with(
    policy: &PolicySet,
    answers: &Answers,
    learned: &learned::Learned,
    today: NaiveDate,
) -> Result<RenewalPlan, PlanError> {
    let (choice, region, disease) = lookup(policy, answers)?;
    let (overlaid, learned_uses) = learned::overlay(region, &disease.id, learned);
    let region: &Region = &overlaid;
    let national = &policy.national;
    let mut warnings = Vec::new();

    let scope = scope::Scope::of(region, disease);
    // The end date in force: a one-off extension may have moved it.
    let extension = window::plan_extension(region, answers.validity_end);
    let end = extension
        .as_ref()
        .map_or(answers.validity_end, |e| e.extended_end);
    let window = the_window(region, national, &scope, learned, end, &mut warnings);
    let standing = window::Standing::on(today, window.as_ref());
    let late = scope.late_rule(region);
    let said = warnings::standing_warning(window.as_ref(), &standing, &late);
    warnings.extend(said);

    let materials = documents::materials(region, standing.reference_day);
    let docs = documents::documents(region, national, disease, answers, materials.as_ref());
    let counted = channels::channels(&channels::ChannelContext {
        region,
        disease,
        answers,
        calendar: &policy.calendar,
        has_window: window.is_some(),
        reference_day: standing.reference_day,
        opens: standing.opens,
        closes: standing.closes,
        end,
    });
    let apply_by = learned_apply_by(&counted.channels, learned);
    let deadline = Deadline::on(today, standing.status, apply_by.as_ref().map(|a| a.date));
    let passed = deadline::result_after_end(deadline, apply_by.as_ref(), standing.closes, &late);
    warnings.extend(passed);
    let has_window = window.is_some();
    warnings.extend(estimates_said(policy, &standing, &counted, has_window));
    let cross_province_info = answers
        .cross_province
        .then(|| cross_province::cross_province(national, disease, today));
    if let Some(info) = &cross_province_info {
        warnings.extend(cross_province::no_direct_settlement(info, disease));
    }
    let (typed_end, no_renewal) = (answers.validity_end, scope.no_renewal());
    let data_warnings = warnings::data_warnings(region, disease, today, typed_end, no_renewal);
    warnings.extend(data_warnings);
    warnings.extend(end_not_a_deadline(region, &scope, answers.validity_end));
    let (still_matters, notes) = notes::notes(region, disease, &scope);
    // Whom to call: the channels' own phones, then the service line at the
    // person's place.
    let place_code = choice.place.map(|p| p.code).or(region.place.as_deref());
    let service_line = &national.service_line;
    let contacts = contacts::contacts(&counted.channels, answers.scheme, place_code, service_line);

    let mut plan = RenewalPlan {
        place: choice.place.map(place_ref),
        data_level: choice.level,
        data_levels: data_levels(region),
        province_data: province_data(region),
        region: region_ref(region),
        scheme: answers.scheme,
        scheme_name: answers.scheme.name(),
        retired: answers.retired,
        disease: disease_ref(disease),
        cross_province: answers.cross_province,
        validity_end: answers.validity_end,
        today,
        window,
        status: standing.status,
        days_left: standing.days_left,
        days_until_open: standing.days_until_open,
        days_overdue: standing.days_overdue,
        grace_days_left: standing.grace_days_left,
        reference_day: standing.reference_day,
        renewal_scope: scope.plan_scope(region),
        still_matters,
        extension,
        validity: documents::validity(region, standing.reference_day),
        materials,
        cycle_years: (disease.cycle_years.clone())
            .unwrap_or_else(|| scope.covered(&region.cycle_years)),
        documents: docs.documents,
        document_choices: docs.choices,
        channels: counted.channels,
        no_channel: region.no_channel.clone(),
        contacts,
        deadline,
        apply_by,
        late,
        cross_province_info,
        example_figures: region.example_figures.clone(),
        notes,
        sources: notes::sources(region, national, answers.cross_province),
        verified_on: region.verified_on,
        data_version: policy.version(),
        data_pack: policy.pack.clone(),
        data_unnamed_pack: policy.unnamed_pack,
        caution: national.caution.clone(),
        warnings,
        questions: Vec::new(),
        learned: learned_uses,
    };
    plan.questions = questions::questions(&plan);
    if !plan.learned.is_empty() {
        say_what_was_shipped(&mut plan, policy, answers, today)?;
    }
    Ok(plan)
}

/// What the shipped data says of each learned fact, when it differs: both
/// are shown, the learned one is used.
fn say_what_was_shipped(
    plan: &mut RenewalPlan,
    policy: &PolicySet,
    answers: &Answers,
    today: NaiveDate,
) -> Result<(), PlanError> {
    let base = compute(policy, answers, today)?;
    for u in &mut plan.learned {
        u.shipped =
            learned::shipped(&base, u.field).filter(|s| s.field != u.field || s.value != u.value);
    }
    Ok(())
}

fn place_ref(p: &crate::places::Place) -> PlaceRef {
    PlaceRef {
        code: p.code.to_string(),
        name: p.full_name(),
        short_name: p.short_name.to_string(),
    }
}

/// The window for the end date in force, none where nothing is renewed;
/// its warnings added. A window the person was told holds even where the
/// rules say nothing of the disease.
fn the_window(
    region: &Region,
    national: &crate::policy::National,
    scope: &scope::Scope,
    learned: &learned::Learned,
    end: NaiveDate,
    warnings: &mut Vec<Warning>,
) -> Option<RenewalWindow> {
    let told_window = learned.window_months.is_some() || learned.window_days.is_some();
    let unsaid = scope.unsaid().filter(|_| !told_window);
    let rule = (!scope.no_renewal()).then(|| window::window_for(region, national, unsaid, end))?;
    warnings.extend(warnings::window_warnings(region, national, &rule));
    Some(rule.window)
}

/// The day to apply by over the channels; a day counted from a review
/// time the person was told says so.
fn learned_apply_by(channels: &[PlanChannel], learned: &learned::Learned) -> Option<ApplyBy> {
    let mut apply_by = deadline::plan_apply_by(channels);
    if let (Some(a), Some((on, from))) = (
        apply_by.as_mut(),
        learned.said(learned::LearnedField::ReviewDays),
    ) {
        a.learned = Some(learned::LearnedMark {
            source: learned::LEARNED_SOURCE,
            on,
            from: from.map(str::to_string),
        });
    }
    apply_by
}

/// The holidays between the first day counted and the last one, said when
/// a day was estimated, and too when no date could be counted but the
/// window holds such a break.
fn estimates_said(
    policy: &PolicySet,
    standing: &window::Standing,
    counted: &channels::Channels,
    has_window: bool,
) -> Option<Warning> {
    let (from, last) = (
        standing.opens.min(standing.reference_day),
        counted.last_counted,
    );
    let breaks = has_window
        && !(policy.calendar)
            .estimated_holidays(standing.opens, standing.closes)
            .is_empty();
    (counted.any_estimated || breaks)
        .then(|| deadline::estimate_warning(&policy.calendar, from, last))
}

/// No renewal for anyone (北京): the end date typed beside what the
/// source says, so the two are never left to contradict each other.
fn end_not_a_deadline(
    region: &Region,
    scope: &scope::Scope,
    validity_end: NaiveDate,
) -> Option<Warning> {
    let s = scope
        .plan_scope(region)
        .filter(|s| scope.no_renewal() && s.listed.is_empty() && !s.inferred)?;
    Some(Warning::EndNotADeadline {
        end: validity_end,
        source_says: s.text,
    })
}

/// The region, the disease it names for the answers, and how the place
/// chose that region.
fn lookup<'a>(
    policy: &'a PolicySet,
    answers: &Answers,
) -> Result<(crate::policy::Choice, &'a Region, &'a Disease), PlanError> {
    let choice = crate::policy::choice_for(policy, &answers.region)
        .ok_or_else(|| PlanError::UnknownRegion(answers.region.clone()))?;
    let region = &policy.regions[choice.region];
    let disease = region
        .disease(&answers.disease)
        .ok_or_else(|| PlanError::UnknownDisease {
            region: region.id.clone(),
            disease: answers.disease.clone(),
        })?;
    Ok((choice, region, disease))
}

/// The level each inherited field of the region's data came from.
fn data_levels(
    region: &Region,
) -> std::collections::BTreeMap<&'static str, crate::policy::DataLevel> {
    crate::policy::inherit::INHERITED_FIELDS
        .iter()
        .map(|f| (*f, region.level_of(f)))
        .collect()
}

fn region_ref(region: &Region) -> RegionRef {
    RegionRef {
        id: region.id.clone(),
        place: region.place.clone(),
        name: region.name.clone(),
        name_en: region.name_en.clone(),
        short_name: region.short_name.clone(),
        benefit_name: region.benefit_name.clone(),
        generic: region.generic,
    }
}

fn disease_ref(disease: &Disease) -> DiseaseRef {
    DiseaseRef {
        id: disease.id.clone(),
        name: disease.name.clone(),
        name_en: disease.name_en.clone(),
        other: disease.other,
        note: disease.note.clone(),
        typed: None,
    }
}

/// The province's file behind `region`'s values: the region itself when it
/// is a province's, else the file it inherits from when that is one.
fn province_data(region: &Region) -> Option<RegionName> {
    use crate::policy::DataLevel;
    if region.level() == DataLevel::Province {
        return Some(RegionName {
            id: region.id.clone(),
            name: region.name.clone(),
        });
    }
    region
        .inherited
        .parent
        .as_ref()
        .filter(|p| p.level == DataLevel::Province)
        .map(|p| RegionName {
            id: p.id.clone(),
            name: p.name.clone(),
        })
}

#[cfg(test)]
mod calendar_tests;
#[cfg(test)]
mod output_tests;
#[cfg(test)]
mod tests;

#[cfg(test)]
mod shape_tests;
