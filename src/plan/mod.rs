//! From policy data, the person's answers and today's date to a
//! [`RenewalPlan`]: the window, the documents, the channels with their
//! dates, and every warning a person should see. Pure: today is an argument.

pub mod render;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::calendar::HolidaySpan;
use crate::dates::months_before;
use crate::policy::{
    ChannelKind, Contact, DocumentChoice, DocumentRequirement, ExampleFigures, Fact, Note,
    OutsideScope, PolicySet, Region, Scheme, Source, Step,
};

/// The four questions, plus the two that only some plans need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    pub region: String,
    pub scheme: Scheme,
    pub disease: String,
    pub validity_end: NaiveDate,
    /// Lives or is treated in another province.
    #[serde(default)]
    pub cross_province: bool,
    /// Retired (only changes the example ratios some regions show).
    #[serde(default)]
    pub retired: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PlanError {
    #[error("unknown region {0:?}")]
    UnknownRegion(String),
    #[error("region {region:?} has no disease {disease:?}")]
    UnknownDisease { region: String, disease: String },
}

/// Where a plan stands. The JSON names are a contract: new states get new
/// names, old names keep their meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotYetOpen,
    Open,
    /// After the end date, renewal still accepted until the grace period's
    /// last day (`window.grace.until`); the benefit itself has ended.
    Grace,
    Expired,
    /// The source says this qualification, or this disease, needs no
    /// renewal: no window, no apply-by day, no countdown.
    NoRenewal,
}

/// Where the day to apply by stands on a given day: the one rule behind
/// the plan's headline, the checklist's apply line, the QR text and the
/// calendar file, so that none of them shows a past day as advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Deadline {
    /// Apply by the day to apply by: it is today or later.
    ApplyBy,
    /// The day to apply by has passed while the window is still open: the
    /// result may come after the end date; apply at once.
    Passed,
    /// The end date has passed but renewal is still accepted until the
    /// grace period's last day: apply at once.
    Grace,
    /// The window has closed: one can no longer renew on time.
    Closed,
    /// No day can be counted: no channel that serves the disease states
    /// its review time.
    Unknown,
    /// Nothing to apply for: the source says no renewal is needed.
    NotNeeded,
}

impl Deadline {
    /// The deadline on `today`, for a window in `status` and the day to
    /// apply by, if one could be counted.
    pub(crate) fn on(today: NaiveDate, status: Status, apply_by: Option<NaiveDate>) -> Deadline {
        match (status, apply_by) {
            (Status::NoRenewal, _) => Deadline::NotNeeded,
            (Status::Expired, _) => Deadline::Closed,
            (Status::Grace, _) => Deadline::Grace,
            (_, Some(day)) if day < today => Deadline::Passed,
            (_, Some(_)) => Deadline::ApplyBy,
            (_, None) => Deadline::Unknown,
        }
    }
}

/// When one may apply: `opens` to `closes`, both inclusive, then the
/// grace period when the source has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RenewalWindow {
    pub opens: NaiveDate,
    /// The end date: the last day of the window before the benefit ends.
    pub closes: NaiveDate,
    /// The window's length in calendar months, when it is given in months.
    pub months: Option<u32>,
    /// The window's length in days, when the source gives it in days.
    pub days: Option<u32>,
    /// Renewal still accepted after the end date, until `grace.until`.
    pub grace: Option<GracePeriod>,
    /// The region's sources give no window; `months` is the common practice.
    pub assumed: bool,
    pub basis: Option<String>,
    pub source: Option<String>,
}

impl RenewalWindow {
    /// The last day an application is accepted: the grace period's last
    /// day, else the end date.
    pub(crate) fn last_day(&self) -> NaiveDate {
        self.grace.as_ref().map_or(self.closes, |g| g.until)
    }
}

/// Days after the end date in which renewal is still accepted (中山:
/// 有效期终止后30日内), though the benefit ended with the end date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GracePeriod {
    pub days: u32,
    /// Its last day: the end date plus `days`.
    pub until: NaiveDate,
    pub source: Option<String>,
    /// The source's words on the grace period and the benefit meanwhile.
    pub note: Option<String>,
}

/// The window rule: from `months` calendar months before the end date
/// (clamped to a shorter month's end) up to and including the end date.
pub(crate) fn renewal_window(validity_end: NaiveDate, months: u32) -> (NaiveDate, NaiveDate) {
    (months_before(validity_end, months), validity_end)
}

/// A window given in days: from `days` days before the end date (中山:
/// 有效期满前30日内, so the 30th day before it) up to the end date.
pub(crate) fn renewal_window_days(validity_end: NaiveDate, days: u32) -> (NaiveDate, NaiveDate) {
    let opens = validity_end
        .checked_sub_days(chrono::Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MIN);
    (opens, validity_end)
}

/// The last day of a grace period of `days` days after the end date.
pub(crate) fn grace_until(validity_end: NaiveDate, days: u32) -> NaiveDate {
    validity_end
        .checked_add_days(chrono::Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

/// Where `today` stands against the window.
pub(crate) fn status(today: NaiveDate, opens: NaiveDate, closes: NaiveDate) -> Status {
    status_with_grace(today, opens, closes, None)
}

/// Where `today` stands against the window and, after the end date, the
/// grace period ending on `grace_until` (inclusive) if there is one.
pub(crate) fn status_with_grace(
    today: NaiveDate,
    opens: NaiveDate,
    closes: NaiveDate,
    grace_until: Option<NaiveDate>,
) -> Status {
    if today < opens {
        Status::NotYetOpen
    } else if today <= closes {
        Status::Open
    } else if grace_until.is_some_and(|g| today <= g) {
        Status::Grace
    } else {
        Status::Expired
    }
}

/// The end date of a qualification granted before a one-off extension's
/// day and still running on it, moved by the extension (上海: 2026年4月1日
/// 已登记未到期的…自动顺延6个月). The qualification's start is the end date
/// less the length in force before that day; `None` when the end date is
/// not such a qualification's, or the data cannot tell.
pub fn extended_end(
    region: &Region,
    end: NaiveDate,
) -> Option<(&crate::policy::ValidityExtension, NaiveDate)> {
    region.validity_extensions.iter().find_map(|ext| {
        let before = ext.on.pred_opt()?;
        let length = crate::policy::in_force(&region.validity_months, before)?;
        let started = months_before(end, length.value);
        (end >= ext.on && started < ext.on)
            .then(|| end.checked_add_months(Months::new(ext.months)))
            .flatten()
            .map(|to| (ext, to))
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MaterialsRule {
    pub months: u32,
    pub approximate: bool,
    /// The day the age is counted back from: the day one can apply.
    pub reference_day: NaiveDate,
    /// Records dated before this day are too old.
    pub earliest_date: NaiveDate,
    pub source: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentOrigin {
    Common,
    Disease,
    Scheme,
    CrossProvince,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanDocument {
    pub id: String,
    pub name: String,
    pub name_en: Option<String>,
    pub why: String,
    pub origin: DocumentOrigin,
    /// Dated on or after this day, when the materials-age rule applies.
    pub earliest_date: Option<NaiveDate>,
    pub note: Option<String>,
    /// The route of an either/or this document belongs to: needed only on
    /// that route. `None`: needed on this plan whatever the route.
    pub route: Option<RouteRef>,
    pub source: String,
}

/// A route of one of the plan's `document_choices`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RouteRef {
    pub choice: String,
    pub route: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanReview {
    pub text: String,
    pub instant: bool,
    pub working_days_min: Option<u32>,
    pub working_days: Option<u32>,
    pub notify_working_days: Option<u32>,
    /// Decided at once for this disease on this channel.
    pub instant_for_disease: bool,
    /// `working_days` is the usual time, not a limit.
    pub typical: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanChannel {
    pub id: String,
    pub kind: ChannelKind,
    pub name: String,
    pub name_en: Option<String>,
    #[serde(rename = "where")]
    pub location: String,
    pub hours: Option<String>,
    pub materials_form: Option<String>,
    pub review: PlanReview,
    pub suits: Option<String>,
    pub pros: Vec<String>,
    pub cons: Vec<String>,
    pub steps: Vec<String>,
    pub contacts: Vec<Contact>,
    pub limitations: Vec<String>,
    /// False when the channel serves only other diseases.
    pub serves_disease: bool,
    /// Day the answer is expected when applying on the plan's reference day.
    pub expected_result: Option<NaiveDate>,
    /// Latest working day to apply so that the answer comes by the end date.
    pub apply_by: Option<NaiveDate>,
    /// `expected_result` counts days beyond the official holiday calendar.
    pub result_estimated: bool,
    /// `apply_by` counts days beyond the official holiday calendar.
    pub apply_by_estimated: bool,
    /// The channel extends the qualification rather than reviewing it.
    pub extension: Option<PlanChannelExtension>,
    pub source: String,
}

/// An extension channel as it applies to this plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanChannelExtension {
    pub months: u32,
    /// The end date once an extension is approved.
    pub new_end: NaiveDate,
    pub result: String,
    /// Id and name of the channel for refusals and other diseases.
    pub fallback: String,
    pub fallback_name: String,
    pub fallback_name_en: Option<String>,
    pub fallback_text: String,
    /// The diseases the channel takes, by name.
    pub diseases: Vec<String>,
    pub source: String,
}

/// The region's renewal rules leave this disease out, and what the source
/// says instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanScope {
    pub others: OutsideScope,
    pub text: String,
    /// The diseases the rules are for, by name (empty: none at all).
    pub listed: Vec<String>,
    pub source: String,
}

/// A one-off extension that moved this plan's end date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanExtension {
    /// The end date as the person gave it.
    pub original_end: NaiveDate,
    /// The end date in force: the window is counted from it.
    pub extended_end: NaiveDate,
    pub months: u32,
    /// The day the extension took effect.
    pub on: NaiveDate,
    pub text: String,
    pub source: String,
}

/// How long a qualification granted on `on` lasts: the value in force that
/// day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanValidity {
    pub months: u32,
    /// The day this value came into force (`null`: before the data's first
    /// change).
    pub since: Option<NaiveDate>,
    pub on: NaiveDate,
    /// The value before it, when the data has one.
    pub previous_months: Option<u32>,
    pub source: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApplyBy {
    pub date: NaiveDate,
    /// `date` counts days beyond the official holiday schedules.
    pub estimated: bool,
    /// The channel whose review time sets the date.
    pub channel: String,
    pub working_days: u32,
    /// The review time is the source's usual time and may run longer.
    pub typical: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LateRule {
    pub consequence: Fact<String>,
    pub continuity_during_review: Fact<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CrossProvincePlan {
    pub steps: Vec<Step>,
    pub principle: Note,
    /// The disease is one of the diseases settled directly across
    /// provinces (10 since the end of 2024), as of the plan's today.
    pub direct_settlement: bool,
    pub direct_settlement_name: Option<String>,
    /// Since when this disease settles directly (the national rule when
    /// it does not), with its source.
    pub direct_settlement_since: Fact<String>,
    /// The month the disease joined the national list (`YYYY-MM`).
    pub direct_settlement_joined: Option<String>,
    pub other_diseases: Option<Note>,
    pub notes: Vec<Note>,
}

/// Something a person should know about this plan, as typed facts; the
/// words are chosen by the renderer ([`render::warning_text`]). In JSON each
/// is an object with its `code` and its facts, the same in every language
/// (no words: a program reads the code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Warning {
    /// The region's sources give no window; `months` is the common practice.
    WindowAssumed {
        region: String,
        months: u32,
        note: Option<String>,
    },
    NotYetOpen {
        opens: NaiveDate,
        days: i64,
    },
    WindowClosed {
        closes: NaiveDate,
        days: i64,
        /// What the source says happens when one is late.
        consequence: Option<String>,
        /// The grace period after the end date, which has ended too.
        #[serde(skip_serializing_if = "Option::is_none")]
        grace_until: Option<NaiveDate>,
    },
    /// The end date has passed; renewal is still accepted until `until`.
    InGrace {
        ended: NaiveDate,
        until: NaiveDate,
        days: i64,
        note: Option<String>,
    },
    /// Applying today, the longest review ends after the end date.
    ResultAfterEnd {
        working_days: u32,
        closes: NaiveDate,
        keeps_during_review: bool,
        /// `working_days` is the usual time, not a limit.
        typical: bool,
    },
    /// Dates counted over a year whose holiday notice is not in the data:
    /// the statutory holidays in the plan's span, and those years.
    CalendarEstimated {
        /// The first day counted without an official schedule.
        since: NaiveDate,
        years: Vec<i32>,
        holidays: Vec<HolidaySpan>,
    },
    NoDirectSettlement {
        disease: String,
        disease_en: Option<String>,
    },
    RegionGeneric,
    DiseaseUnlisted {
        disease: String,
        disease_en: Option<String>,
        region: String,
    },
    SourcesOld {
        region: String,
        published: String,
        months: u32,
    },
    VerifiedOld {
        date: NaiveDate,
        months: u32,
    },
    EndFarAhead {
        end: NaiveDate,
    },
    /// The window comes from a third-party summary, not an official notice:
    /// confirm it by phone or at the window.
    UnofficialSource {
        region: String,
    },
}

impl Warning {
    /// The stable name of the warning (JSON `code`).
    pub fn code(&self) -> &'static str {
        match self {
            Warning::WindowAssumed { .. } => "window_assumed",
            Warning::NotYetOpen { .. } => "not_yet_open",
            Warning::WindowClosed { .. } => "window_closed",
            Warning::InGrace { .. } => "in_grace",
            Warning::ResultAfterEnd { .. } => "result_after_end",
            Warning::CalendarEstimated { .. } => "calendar_estimated",
            Warning::NoDirectSettlement { .. } => "no_direct_settlement",
            Warning::RegionGeneric => "region_generic",
            Warning::DiseaseUnlisted { .. } => "disease_unlisted",
            Warning::SourcesOld { .. } => "sources_old",
            Warning::VerifiedOld { .. } => "verified_old",
            Warning::EndFarAhead { .. } => "end_far_ahead",
            Warning::UnofficialSource { .. } => "unofficial_source",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionRef {
    pub id: String,
    /// The GB/T 2260 code the region's file covers (`null` for the
    /// generic entry).
    pub place: Option<String>,
    pub name: String,
    pub name_en: Option<String>,
    pub short_name: String,
    pub benefit_name: String,
    pub generic: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiseaseRef {
    pub id: String,
    pub name: String,
    pub name_en: Option<String>,
    pub other: bool,
    pub note: Option<String>,
    /// The disease as the person typed it, when the region's list does
    /// not name it so and this entry stands for it (`vocabulary::covering`);
    /// set by the caller after `compute`, absent from JSON otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub typed: Option<crate::vocabulary::TypedDisease>,
}

/// A region file by id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionName {
    pub id: String,
    pub name: String,
}

/// The person's own place: its GB/T 2260 code, full name (河北省石家庄市)
/// and what people call it (石家庄).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlaceRef {
    pub code: String,
    pub name: String,
    pub short_name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RenewalPlan {
    /// Where the person is insured; `null` when they chose the generic
    /// entry or a region that names no place.
    pub place: Option<PlaceRef>,
    /// Whose data the plan uses, seen from the place: its own (`city`),
    /// its province's (`province`), or the national generic plan
    /// (`generic`).
    pub data_level: crate::places::DataLevel,
    /// The level each field of that data came from: a city's file takes
    /// what it leaves out from its province's, a province's from the
    /// generic entry (`policy::inherit`). Keys are the region file's
    /// field names (`window_months`, `channels`, …).
    pub data_levels: std::collections::BTreeMap<&'static str, crate::places::DataLevel>,
    /// The province's file whose values the plan shows, when it shows any.
    pub province_data: Option<RegionName>,
    pub region: RegionRef,
    pub scheme: Scheme,
    pub scheme_name: &'static str,
    pub retired: bool,
    pub disease: DiseaseRef,
    pub cross_province: bool,
    /// The end date as the person gave it (see `extension` for one moved
    /// by a rule).
    pub validity_end: NaiveDate,
    pub today: NaiveDate,
    /// `null` when no renewal is needed.
    pub window: Option<RenewalWindow>,
    pub status: Status,
    /// Whole days from today to the end date: 0 on the end date, negative
    /// once it has passed; `null` when no renewal is needed.
    pub days_left: Option<i64>,
    pub days_until_open: Option<i64>,
    /// Days since the end date, once applications are no longer accepted.
    pub days_overdue: Option<i64>,
    /// Days left in the grace period, while in it (0 on its last day).
    pub grace_days_left: Option<i64>,
    /// The day dates are counted from: today, or the opening day if later.
    pub reference_day: NaiveDate,
    /// This disease is outside the region's renewal rules.
    pub renewal_scope: Option<PlanScope>,
    /// What still matters when no renewal is needed (北京: the hospitals).
    pub still_matters: Vec<Note>,
    /// A one-off rule moved the end date (上海, 2026-04-01).
    pub extension: Option<PlanExtension>,
    /// How long the qualification lasts when granted on the reference day.
    pub validity: Option<PlanValidity>,
    pub materials: Option<MaterialsRule>,
    pub cycle_years: Fact<Vec<u32>>,
    pub documents: Vec<PlanDocument>,
    /// Either/or groups of `documents`: one route of each is enough (the
    /// documents of every route are in `documents`, last, with their
    /// `route`).
    pub document_choices: Vec<DocumentChoice>,
    pub channels: Vec<PlanChannel>,
    /// Nothing of one kind, as the data says.
    pub no_channel: Vec<crate::policy::NoChannel>,
    pub apply_by: Option<ApplyBy>,
    /// Where `apply_by` stands today (`apply_by`, `passed`, `closed`,
    /// `unknown`): what the headline tells the person to do.
    pub deadline: Deadline,
    pub late: LateRule,
    pub cross_province_info: Option<CrossProvincePlan>,
    pub example_figures: Option<ExampleFigures>,
    pub notes: Vec<Note>,
    pub sources: Vec<Source>,
    pub verified_on: NaiveDate,
    pub data_version: String,
    pub caution: String,
    pub warnings: Vec<Warning>,
}

impl RenewalPlan {
    /// The person's place, when the data used is not its own file's (a
    /// province's or the generic): 河北省石家庄市 under the generic plan.
    pub(crate) fn borrowed_place(&self) -> Option<&PlaceRef> {
        self.place
            .as_ref()
            .filter(|p| Some(&p.code) != self.region.place.as_ref())
    }

    /// The person's place as named to them: the region's own name when the
    /// data is the place's own, else the place (河北省石家庄市).
    pub(crate) fn place_name(&self) -> String {
        match self.borrowed_place() {
            Some(p) => p.name.clone(),
            None => self.region.name.clone(),
        }
    }

    /// The place as people call it (石家庄), for headers.
    pub(crate) fn place_short_name(&self) -> String {
        match self.borrowed_place() {
            Some(p) => p.short_name.clone(),
            None => self.region.short_name.clone(),
        }
    }
}

/// Sources older than this many months get a warning.
const STALE_MONTHS: u32 = 12;

pub fn compute(
    policy: &PolicySet,
    answers: &Answers,
    today: NaiveDate,
) -> Result<RenewalPlan, PlanError> {
    let choice = crate::places::choice_for(policy, &answers.region)
        .ok_or_else(|| PlanError::UnknownRegion(answers.region.clone()))?;
    let region = &policy.regions[choice.region];
    let disease = region
        .disease(&answers.disease)
        .ok_or_else(|| PlanError::UnknownDisease {
            region: region.id.clone(),
            disease: answers.disease.clone(),
        })?;
    let national = &policy.national;
    let mut warnings = Vec::new();

    // The region's renewal rules, unless they leave this disease out.
    let outside = region
        .renewal_scope
        .as_ref()
        .filter(|s| !s.diseases.contains(&disease.id));
    let no_renewal = outside.is_some_and(|s| s.others == OutsideScope::NoRenewal);
    // Silent about the disease: nothing the rules say is known for it.
    let unsaid = outside
        .filter(|s| s.others == OutsideScope::Unsaid)
        .map(|s| s.text.as_str());
    let renewal_scope = outside.map(|s| PlanScope {
        others: s.others,
        text: s.text.clone(),
        listed: s
            .diseases
            .iter()
            .filter_map(|id| region.disease(id))
            .map(|d| d.name.clone())
            .collect(),
        source: s.source.clone(),
    });

    // The end date in force: a one-off extension may have moved it.
    let extension = extended_end(region, answers.validity_end).map(|(ext, to)| PlanExtension {
        original_end: answers.validity_end,
        extended_end: to,
        months: ext.months,
        on: ext.on,
        text: ext.text.clone(),
        source: ext.source.clone(),
    });
    let end = extension
        .as_ref()
        .map_or(answers.validity_end, |e| e.extended_end);

    let window = (!no_renewal).then(|| window_for(region, national, unsaid, end));
    if let Some(WindowRule {
        window: w,
        basis_note,
    }) = &window
    {
        if w.source
            .as_deref()
            .and_then(|id| region.source(id))
            .is_some_and(|s| s.confidence == crate::policy::Confidence::ThirdParty)
        {
            warnings.push(Warning::UnofficialSource {
                region: region.short_name.clone(),
            });
        }
        if w.assumed {
            warnings.push(Warning::WindowAssumed {
                region: region.short_name.clone(),
                months: w.months.unwrap_or(national.assumed_window_months),
                note: basis_note.clone(),
            });
        }
    }
    let window = window.map(|w| w.window);

    let status = match &window {
        None => Status::NoRenewal,
        Some(w) => status_with_grace(today, w.opens, w.closes, w.grace.as_ref().map(|g| g.until)),
    };
    let days_left = window.as_ref().map(|w| (w.closes - today).num_days());
    let days_until_open = window
        .as_ref()
        .filter(|_| status == Status::NotYetOpen)
        .map(|w| (w.opens - today).num_days());
    let days_overdue = window
        .as_ref()
        .filter(|_| status == Status::Expired)
        .map(|w| (today - w.closes).num_days());
    let grace_days_left = window
        .as_ref()
        .filter(|_| status == Status::Grace)
        .map(|w| (w.last_day() - today).num_days());
    let reference_day = window.as_ref().map_or(today, |w| today.max(w.opens));
    // Dates are counted inside the window; with none there is nothing to count.
    let (opens, closes) = window
        .as_ref()
        .map_or((today, today), |w| (w.opens, w.closes));

    // Outside the rules the rest is simply unsaid; the window's note and
    // the warning say why and whom to ask.
    let late = LateRule {
        consequence: unsaid_if(outside.is_some(), &region.late_consequence),
        continuity_during_review: unsaid_if(outside.is_some(), &region.continuity_during_review),
    };
    if let Some(w) = &window {
        match status {
            Status::NotYetOpen => warnings.push(Warning::NotYetOpen {
                opens,
                days: days_until_open.unwrap_or_default(),
            }),
            Status::Grace => warnings.push(Warning::InGrace {
                ended: closes,
                until: w.last_day(),
                days: grace_days_left.unwrap_or_default(),
                note: w.grace.as_ref().and_then(|g| g.note.clone()),
            }),
            Status::Expired => warnings.push(Warning::WindowClosed {
                closes,
                days: days_overdue.unwrap_or_default(),
                consequence: late.consequence.value.clone(),
                grace_until: w.grace.as_ref().map(|g| g.until),
            }),
            Status::Open | Status::NoRenewal => {}
        }
    }

    // How long a qualification granted now lasts, as the data has it on
    // the day one would apply.
    let validity = crate::policy::in_force(&region.validity_months, reference_day).map(|v| {
        let previous = v
            .from
            .and_then(|f| f.pred_opt())
            .and_then(|day| crate::policy::in_force(&region.validity_months, day))
            .map(|p| p.value);
        PlanValidity {
            months: v.value,
            since: v.from,
            on: reference_day,
            previous_months: previous,
            source: v.source.clone(),
            note: v.note.clone(),
        }
    });

    // Materials age, counted back from the day one can apply.
    let materials = region
        .materials_max_age
        .value
        .as_ref()
        .map(|age| MaterialsRule {
            months: age.months,
            approximate: age.approximate,
            reference_day,
            earliest_date: months_before(reference_day, age.months),
            source: region.materials_max_age.source.clone(),
            note: region.materials_max_age.note.clone(),
        });

    // Documents: common, then the disease's own, then cross-province filing.
    let mut documents: Vec<PlanDocument> = Vec::new();
    let push_doc = |doc: &DocumentRequirement,
                    origin: DocumentOrigin,
                    route: Option<RouteRef>,
                    documents: &mut Vec<PlanDocument>| {
        if documents.iter().any(|d| d.id == doc.id) {
            return;
        }
        if !doc.schemes.is_empty() && !doc.schemes.contains(&answers.scheme) {
            return;
        }
        let origin = if doc.schemes.is_empty() {
            origin
        } else {
            DocumentOrigin::Scheme
        };
        documents.push(PlanDocument {
            id: doc.id.clone(),
            name: doc.name.clone(),
            name_en: doc.name_en.clone(),
            why: doc.why.clone(),
            origin,
            earliest_date: if doc.dated {
                materials.as_ref().map(|m| m.earliest_date)
            } else {
                None
            },
            note: doc.note.clone(),
            route,
            source: doc.source.clone(),
        });
    };
    for id in &region.common_documents {
        if let Some(doc) = region.document(id) {
            push_doc(doc, DocumentOrigin::Common, None, &mut documents);
        }
    }
    for id in &disease.documents {
        if let Some(doc) = region.document(id) {
            push_doc(doc, DocumentOrigin::Disease, None, &mut documents);
        }
    }
    let cp = &national.cross_province;
    if answers.cross_province {
        for id in &cp.filing_documents {
            if let Some(doc) = cp.documents.iter().find(|d| &d.id == id) {
                push_doc(doc, DocumentOrigin::CrossProvince, None, &mut documents);
            }
        }
    }
    // Either/or groups last, route by route, so each route's documents
    // follow one another in every list and numbering.
    let document_choices: Vec<DocumentChoice> = disease
        .document_choices
        .iter()
        .filter_map(|id| region.document_choice(id))
        .cloned()
        .collect();
    for choice in &document_choices {
        for route in &choice.routes {
            for id in &route.documents {
                if let Some(doc) = region.document(id) {
                    let at = RouteRef {
                        choice: choice.id.clone(),
                        route: route.id.clone(),
                    };
                    push_doc(doc, DocumentOrigin::Disease, Some(at), &mut documents);
                }
            }
        }
    }

    // Channels, with the dates each one gives. A plan is a renewal: a
    // channel only for first applications is no way to renew, so it is
    // left out rather than listed with dates nobody renewing can use.
    let calendar = &policy.calendar;
    let mut any_estimated = false;
    let mut last_counted = closes;
    let channels: Vec<PlanChannel> = region
        .channels
        .iter()
        .filter(|ch| !ch.first_application_only)
        .map(|ch| {
            let serves_disease = ch
                .only_diseases
                .as_ref()
                .is_none_or(|ids| ids.contains(&disease.id))
                && disease
                    .channels
                    .as_ref()
                    .is_none_or(|ids| ids.contains(&ch.id));
            let instant_for_disease = ch.review.instant_for.contains(&disease.id);
            // A channel that does not take this disease gives it no dates,
            // nor does any channel when there is nothing to renew.
            let review_days = if !serves_disease || window.is_none() {
                None
            } else if ch.review.instant || instant_for_disease {
                Some(0)
            } else {
                ch.review.working_days
            }
            .and_then(|n| review_span(n, ch.review.notify_working_days));
            // An extension may be refused and go to its fallback: the day to
            // apply by leaves time for that review, and there is none when
            // the fallback's review time is unknown.
            let deadline_days = match &ch.extension {
                None => review_days,
                Some(x) => review_days.and(
                    region
                        .channels
                        .iter()
                        .find(|c| c.id == x.fallback)
                        .and_then(|f| match f.review.instant {
                            true => Some(0),
                            false => f.review.working_days,
                        })
                        .and_then(|n| review_span(n, None)),
                ),
            };
            let (expected_result, result_estimated, apply_by, apply_by_estimated) =
                match review_days {
                    Some(n) => {
                        let start = calendar.next_working_day(reference_day);
                        let result = calendar.add_working_days(start.date, n);
                        let by =
                            deadline_days.and_then(|d| calendar.latest_start(opens, closes, d));
                        last_counted = last_counted.max(result.date);
                        (
                            Some(result.date),
                            start.estimated || result.estimated,
                            by.map(|b| b.date),
                            by.is_some_and(|b| b.estimated),
                        )
                    }
                    None => (None, false, None, false),
                };
            any_estimated |= result_estimated || apply_by_estimated;
            PlanChannel {
                id: ch.id.clone(),
                kind: ch.kind,
                name: ch.name.clone(),
                name_en: ch.name_en.clone(),
                location: ch.location.clone(),
                hours: ch.hours.clone(),
                materials_form: ch.materials_form.clone(),
                review: PlanReview {
                    text: ch.review.text.clone(),
                    instant: ch.review.instant || instant_for_disease,
                    working_days_min: ch.review.working_days_min,
                    working_days: ch.review.working_days,
                    notify_working_days: ch.review.notify_working_days,
                    instant_for_disease,
                    typical: ch.review.typical,
                },
                suits: ch.suits.clone(),
                pros: ch.pros.clone(),
                cons: ch.cons.clone(),
                steps: ch.steps.clone(),
                contacts: ch
                    .contacts
                    .iter()
                    .filter(|c| c.scheme.is_none_or(|s| s == answers.scheme))
                    .cloned()
                    .collect(),
                limitations: ch.limitations.clone(),
                serves_disease,
                expected_result,
                apply_by,
                result_estimated,
                apply_by_estimated,
                extension: ch.extension.as_ref().map(|x| {
                    let fallback = region.channels.iter().find(|c| c.id == x.fallback);
                    PlanChannelExtension {
                        months: x.months,
                        new_end: end
                            .checked_add_months(Months::new(x.months))
                            .unwrap_or(NaiveDate::MAX),
                        result: x.result.clone(),
                        fallback: x.fallback.clone(),
                        fallback_name: fallback.map(|c| c.name.clone()).unwrap_or_default(),
                        fallback_name_en: fallback.and_then(|c| c.name_en.clone()),
                        fallback_text: x.fallback_text.clone(),
                        diseases: ch
                            .only_diseases
                            .iter()
                            .flatten()
                            .filter_map(|id| region.disease(id))
                            .map(|d| d.name.clone())
                            .collect(),
                        source: x.source.clone(),
                    }
                }),
                source: ch.source.clone(),
            }
        })
        .collect();

    // The date to act on: early enough for every channel that serves this
    // disease and states its review time. A channel whose review time is
    // unknown has no `apply_by` and so never sets it; when no serving
    // channel states one, there is no headline date at all.
    let apply_by = channels
        .iter()
        .filter(|c| c.serves_disease)
        .filter_map(|c| {
            let review_of = |c: &PlanChannel| {
                let review = if c.review.instant {
                    0
                } else {
                    c.review.working_days?
                };
                review_span(review, c.review.notify_working_days)
            };
            // An extension's day leaves time for its fallback's review.
            let days = match &c.extension {
                Some(x) => review_of(channels.iter().find(|f| f.id == x.fallback)?)?,
                None => review_of(c)?,
            };
            c.apply_by.map(|date| ApplyBy {
                date,
                estimated: c.apply_by_estimated,
                channel: c.id.clone(),
                working_days: days,
                typical: c.review.typical && !c.review.instant,
            })
        })
        .min_by_key(|a| a.date);
    let deadline = Deadline::on(today, status, apply_by.as_ref().map(|a| a.date));
    if deadline == Deadline::Passed
        && let Some(a) = &apply_by
    {
        warnings.push(Warning::ResultAfterEnd {
            working_days: a.working_days,
            closes,
            keeps_during_review: late.continuity_during_review.value == Some(true),
            typical: a.typical,
        });
    }
    if any_estimated {
        // The holidays between the first day counted and the last one.
        let from = opens.min(reference_day);
        let estimated: Vec<NaiveDate> = from
            .iter_days()
            .take_while(|d| *d <= last_counted)
            .filter(|d| calendar.is_estimated(*d))
            .collect();
        let mut years: Vec<i32> = estimated.iter().map(|d| d.year()).collect();
        years.dedup();
        warnings.push(Warning::CalendarEstimated {
            // The crate's last notice ends mid-December, so the first such
            // day, not a whole year, is what the person can check.
            since: estimated.first().copied().unwrap_or(from),
            years,
            holidays: calendar.estimated_holidays(from, last_counted),
        });
    }

    // Cross-province.
    let cross_province_info = answers.cross_province.then(|| {
        // Matched by the region's mapping of its disease to the national
        // list, and only once the disease had joined it everywhere (by the
        // end of its month).
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
    });
    if let Some(info) = &cross_province_info
        && !info.direct_settlement
    {
        warnings.push(Warning::NoDirectSettlement {
            disease: disease.name.clone(),
            disease_en: disease.name_en.clone(),
        });
    }

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
    if !no_renewal
        && today
            .checked_add_months(Months::new(12 * crate::dates::FAR_YEARS))
            .is_some_and(|far| answers.validity_end > far)
    {
        warnings.push(Warning::EndFarAhead {
            end: answers.validity_end,
        });
    }

    // What still matters with no renewal comes first, out of the notes.
    let keep: &[String] = match outside {
        Some(s) if no_renewal => &s.still_matters,
        _ => &[],
    };
    let still_matters: Vec<Note> = keep
        .iter()
        .filter_map(|id| region.notes.iter().find(|n| &n.id == id).cloned())
        .collect();
    let mut notes: Vec<Note> = region
        .notes
        .iter()
        .filter(|n| !keep.contains(&n.id))
        .cloned()
        .collect();
    if let Some(note) = &disease.note {
        notes.insert(
            0,
            Note {
                id: format!("disease-{}", disease.id),
                title: disease.name.clone(),
                text: note.clone(),
                source: disease.source.clone(),
            },
        );
    }
    let mut sources = region.sources.clone();
    if answers.cross_province {
        for s in &national.sources {
            if !sources.iter().any(|x| x.id == s.id) {
                sources.push(s.clone());
            }
        }
    }

    Ok(RenewalPlan {
        place: choice.place.map(|p| PlaceRef {
            code: p.code.to_string(),
            name: p.full_name(),
            short_name: p.short_name.to_string(),
        }),
        data_level: choice.level,
        data_levels: crate::policy::inherit::INHERITED_FIELDS
            .iter()
            .map(|f| (*f, region.level_of(f)))
            .collect(),
        province_data: province_data(region),
        region: RegionRef {
            id: region.id.clone(),
            place: region.place.clone(),
            name: region.name.clone(),
            name_en: region.name_en.clone(),
            short_name: region.short_name.clone(),
            benefit_name: region.benefit_name.clone(),
            generic: region.generic,
        },
        scheme: answers.scheme,
        scheme_name: answers.scheme.name(),
        retired: answers.retired,
        disease: DiseaseRef {
            id: disease.id.clone(),
            name: disease.name.clone(),
            name_en: disease.name_en.clone(),
            other: disease.other,
            note: disease.note.clone(),
            typed: None,
        },
        cross_province: answers.cross_province,
        validity_end: answers.validity_end,
        today,
        window,
        status,
        days_left,
        days_until_open,
        days_overdue,
        grace_days_left,
        reference_day,
        renewal_scope,
        still_matters,
        extension,
        validity,
        materials,
        cycle_years: disease
            .cycle_years
            .clone()
            .unwrap_or_else(|| unsaid_if(outside.is_some(), &region.cycle_years)),
        documents,
        document_choices,
        channels,
        no_channel: region.no_channel.clone(),
        deadline,
        apply_by,
        late,
        cross_province_info,
        example_figures: region.example_figures.clone(),
        notes,
        sources,
        verified_on: region.verified_on,
        data_version: policy.version(),
        caution: national.caution.clone(),
        warnings,
    })
}

/// The province's file behind `region`'s values: the region itself when it
/// is a province's, else the file it inherits from when that is one.
fn province_data(region: &Region) -> Option<RegionName> {
    use crate::places::DataLevel;
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

/// `fact`, or nothing known when the region's rules do not cover the disease.
fn unsaid_if<T: Clone>(outside: bool, fact: &Fact<T>) -> Fact<T> {
    if outside {
        Fact {
            value: None,
            source: None,
            note: None,
        }
    } else {
        fact.clone()
    }
}

/// A window and, when assumed, the note of the fact it stands in for.
struct WindowRule {
    window: RenewalWindow,
    basis_note: Option<String>,
}

/// The window for an end date, from the region's rule: days before the end
/// date when the source counts in days, else calendar months; the common
/// practice, marked as assumed, when the source gives neither or is silent
/// about the disease (`unsaid` says why). A grace period follows when the
/// source gives one.
fn window_for(
    region: &Region,
    national: &crate::policy::National,
    unsaid: Option<&str>,
    end: NaiveDate,
) -> WindowRule {
    let months_fact = match unsaid {
        Some(text) => Fact::unknown(text),
        None => region.window_months.clone(),
    };
    let covered = |f: &Option<Fact<u32>>| {
        f.as_ref()
            .filter(|f| unsaid.is_none() && f.value.is_some())
            .cloned()
    };
    let grace = covered(&region.grace_days).and_then(|f| {
        let days = f.value?;
        Some(GracePeriod {
            days,
            until: grace_until(end, days),
            source: f.source,
            note: f.note,
        })
    });
    let window = match covered(&region.window_days) {
        Some(f) => {
            let days = f.value.unwrap_or_default();
            let (opens, closes) = renewal_window_days(end, days);
            RenewalWindow {
                opens,
                closes,
                months: None,
                days: Some(days),
                grace,
                assumed: false,
                basis: f.note,
                source: f.source,
            }
        }
        None => {
            let (months, assumed) = match months_fact.value {
                Some(m) => (m, false),
                None => (national.assumed_window_months, true),
            };
            let (opens, closes) = renewal_window(end, months);
            RenewalWindow {
                opens,
                closes,
                months: Some(months),
                days: None,
                grace,
                assumed,
                basis: if assumed {
                    Some(national.assumed_window_note.clone())
                } else {
                    months_fact.note.clone()
                },
                source: months_fact.source.clone(),
            }
        }
    };
    WindowRule {
        basis_note: window.assumed.then(|| months_fact.note.clone()).flatten(),
        window,
    }
}

/// Working days from applying to the answer: the review and the notice.
/// `None` beyond what validated data can say, so data that skipped
/// validation can neither overflow nor send the calendar counting for ever.
pub(crate) fn review_span(review: u32, notify: Option<u32>) -> Option<u32> {
    use crate::policy::validate::{MAX_NOTIFY_WORKING_DAYS, MAX_REVIEW_WORKING_DAYS};
    let notify = notify.unwrap_or(0);
    (review <= MAX_REVIEW_WORKING_DAYS && notify <= MAX_NOTIFY_WORKING_DAYS)
        .then(|| review + notify)
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
mod tests;

#[cfg(test)]
mod shape_tests;
