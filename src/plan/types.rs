//! The plan's types: the person's answers in, the [`RenewalPlan`] out,
//! and the typed facts (warnings, channels, documents) in between. Their
//! JSON is a contract (DESIGN.md): fields keep their names and meaning.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{Deadline, RenewalWindow};
use crate::calendar::HolidaySpan;
use crate::policy::{
    ChannelKind, Contact, CrossProvinceStep, DocumentChoice, ExampleFigures, Fact, Note,
    OutsideScope, Scheme, Source,
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
    /// `others` is the project's reading of the source, not its words.
    pub inferred: bool,
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
    /// The review time is one the person was told (`source`, `on`, `from`).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub learned: Option<super::learned::LearnedMark>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LateRule {
    pub consequence: Fact<String>,
    pub continuity_during_review: Fact<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CrossProvincePlan {
    pub steps: Vec<CrossProvinceStep>,
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
/// words are chosen by the renderer ([`super::render::warning_text`]). In JSON each
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
    /// No renewal at all (北京: 有效期至2099年): the end date the person
    /// typed is no deadline; what the source says instead.
    EndNotADeadline {
        end: NaiveDate,
        source_says: String,
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
            Warning::EndNotADeadline { .. } => "end_not_a_deadline",
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
    /// not name it so and this entry stands for it (`policy::cover::covering`);
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
    pub data_level: crate::policy::DataLevel,
    /// The level each field of that data came from: a city's file takes
    /// what it leaves out from its province's, a province's from the
    /// generic entry (`policy::inherit`). Keys are the region file's
    /// field names (`window_months`, `channels`, …).
    pub data_levels: std::collections::BTreeMap<&'static str, crate::policy::DataLevel>,
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
    /// Whom to call, most specific first; the national service line last,
    /// so every plan has at least one phone.
    pub contacts: Vec<super::contacts::PlanContact>,
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
    /// The data pack the facts came from; absent for the data compiled in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_pack: Option<crate::policy::PackRef>,
    /// A policy folder without a manifest changed the data compiled in;
    /// absent (false) otherwise.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub data_unnamed_pack: bool,
    pub caution: String,
    pub warnings: Vec<Warning>,
    /// What to ask the office: one question per fact the plan does not
    /// know for this person.
    pub questions: Vec<super::questions::OfficeQuestion>,
    /// Values the person was told, used in place of the data's (absent
    /// when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub learned: Vec<super::learned::LearnedUse>,
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

    /// The one deadline as every output tells it.
    pub fn deadline_days(&self) -> super::DeadlineDays {
        super::DeadlineDays {
            standing: self.deadline,
            apply_by: self.apply_by.as_ref().map(|a| a.date),
            estimated: self.apply_by.as_ref().is_some_and(|a| a.estimated),
            closes: self.window.as_ref().map(|w| w.closes),
            last_day: self.window.as_ref().map(|w| w.last_day()),
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
