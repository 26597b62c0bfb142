//! The shape of the policy data in `data/`: one [`Region`] per file plus the
//! [`National`] overlay. Every figure is a [`Fact`] that names its source, so a
//! number without a reference cannot be loaded (see `validate`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A policy value and where it comes from. `value: null` means the sources do
/// not say; the `note` then tells the person where to ask.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Fact<T> {
    pub value: Option<T>,
    /// Id of an entry in the file's `sources`; required when `value` is set.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

impl<T> Fact<T> {
    pub(crate) fn unknown(note: &str) -> Self {
        Fact {
            value: None,
            source: None,
            note: Some(note.to_string()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// One of the project's seed documents (`shared/seeds/`).
    Seed,
    /// An official government page.
    High,
    /// An institutional notice or a faithful reprint.
    Med,
    /// Weak: the project's summary of secondary material, or a widely
    /// known fact (12393), not checked against an official text.
    Low,
    /// A page of a third-party website summarising the rules (seeds 000 and
    /// 003): not an official notice.
    #[serde(rename = "third_party")]
    ThirdParty,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// Seed file name, when the source is one of the seeds.
    #[serde(default)]
    pub file: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub publisher: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `null` when the source gives no
    /// date (a year in its title is not a publication date).
    #[serde(default)]
    pub published: Option<String>,
    pub confidence: Confidence,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    /// 职工基本医疗保险
    Employee,
    /// 城乡居民基本医疗保险
    Resident,
}

impl Scheme {
    pub const ALL: [Scheme; 2] = [Scheme::Employee, Scheme::Resident];

    pub(crate) fn id(self) -> &'static str {
        match self {
            Scheme::Employee => "employee",
            Scheme::Resident => "resident",
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Scheme::Employee => "职工医保",
            Scheme::Resident => "城乡居民医保",
        }
    }

    /// Other names people type for the scheme.
    /// English gloss of the name.
    pub(crate) fn name_en(self) -> &'static str {
        match self {
            Scheme::Employee => "employee basic medical insurance",
            Scheme::Resident => "urban and rural resident medical insurance",
        }
    }

    pub(crate) fn aliases(self) -> &'static [&'static str] {
        match self {
            Scheme::Employee => &["职工", "职工基本医疗保险", "城镇职工医保", "zgyb"],
            Scheme::Resident => &[
                "居民",
                "城乡居民",
                "城乡居民基本医疗保险",
                "居民医保",
                "cxjm",
            ],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChannelKind {
    Online,
    Offline,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MaterialsAge {
    pub months: u32,
    /// The source says "about" / "usually" (防城港: 通常为半年内).
    #[serde(default)]
    pub approximate: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Disease {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub name_en: Option<String>,
    /// Document ids needed for this disease on top of the region's common ones.
    #[serde(default)]
    pub documents: Vec<String>,
    /// Ids of the region's `document_choices` this disease asks for: sets of
    /// documents of which one route is enough.
    #[serde(default)]
    pub document_choices: Vec<String>,
    /// Id of the national cross-province direct-settlement disease this one
    /// counts as, if any (see `National::cross_province`).
    #[serde(default)]
    pub cross_province: Option<String>,
    /// Ids of the national vocabulary's concepts (`data/diseases.json`)
    /// this entry covers, as its own name or source says. Absent in packs
    /// written before the field: the entry's names are matched instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concepts: Option<Vec<String>>,
    /// Renewal cycle for this disease when the source gives one.
    #[serde(default)]
    pub cycle_years: Option<Fact<Vec<u32>>>,
    /// True for the "其他病种" entry of an open-ended list.
    #[serde(default)]
    pub other: bool,
    /// When set, applications for this disease go only through these
    /// channels (青岛: 乙肝、丙肝、精神病 are filed at a qualified hospital,
    /// never at the office window); the others do not serve it.
    #[serde(default)]
    pub channels: Option<Vec<String>>,
    pub source: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// Which diseases the region's renewal rules are for, when not all of them
/// (西安: only 13 need 复审; 潜江: only 12 have a deadline; 北京: none).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RenewalScope {
    /// Ids of the diseases the renewal rules are for. Empty: no disease
    /// needs renewal at all (北京: 有效期至2099年).
    #[serde(default)]
    pub diseases: Vec<String>,
    /// What the source says of every other disease.
    pub others: OutsideScope,
    /// For the others: the source's words, and whom to ask.
    pub text: String,
    /// Ids of `notes` that still matter when no renewal is needed, said
    /// right after it (北京: choosing and changing the hospitals).
    #[serde(default)]
    pub still_matters: Vec<String>,
    /// `others` is the project's reading, not the source's words (西安: the
    /// source lists the 13 diseases that need 复审 and says nothing of the
    /// rest): the person is told to confirm.
    #[serde(default)]
    pub inferred: bool,
    pub source: String,
}

/// One disease entry that needs no renewal, whatever `renewal_scope` says
/// of the others: what a person was told of their own disease (`renew
/// checklist learn --no-renewal`, shared as a pack). It reaches that entry
/// only; the region's other diseases keep their rules.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DiseaseNoRenewal {
    /// Id of the disease entry.
    pub disease: String,
    /// What was said, and by whom.
    pub text: String,
    pub source: String,
}

/// What a source says of the diseases its renewal rules leave out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutsideScope {
    /// They need no renewal (北京; 西安: 其他病种不需要复审).
    NoRenewal,
    /// The source is silent about them (潜江): nothing is known.
    Unsaid,
}

/// A policy value in force from a day on, with its own reference, the way
/// OpenFisca keeps parameters: code asks for the value on a given day.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Dated<T> {
    /// First day in force; `null` for the earliest value (in force before
    /// every later one).
    pub from: Option<NaiveDate>,
    pub value: T,
    pub source: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// The entry of `values` in force on `day`: the last one starting on or
/// before it. `values` are in date order (validation checks it).
pub fn in_force<T>(values: &[Dated<T>], day: NaiveDate) -> Option<&Dated<T>> {
    values
        .iter()
        .rev()
        .find(|v| v.from.is_none_or(|f| f <= day))
}

/// A one-off extension of qualifications still running on a day (上海:
/// 2026年4月1日已登记未到期的…原登记有效截止日期自动顺延6个月).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ValidityExtension {
    /// Qualifications granted before this day and not ended on it.
    pub on: NaiveDate,
    /// Calendar months added to their end date.
    pub months: u32,
    /// The source's words.
    pub text: String,
    pub source: String,
}

/// A channel that extends the qualification instead of reviewing it anew
/// (湖南 「湘医保」APP 「特门延期申请」: 即申即延, one more year).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelExtension {
    /// Calendar months an approved extension adds to the end date.
    pub months: u32,
    /// What the source says the result is.
    pub result: String,
    /// Id of the channel that takes refusals and the diseases this one
    /// does not serve.
    pub fallback: String,
    /// The source's words for that.
    pub fallback_text: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRequirement {
    pub id: String,
    pub name: String,
    /// English gloss shown beside the Chinese name in English mode.
    #[serde(default)]
    pub name_en: Option<String>,
    /// Why the office asks for it, in a sentence.
    pub why: String,
    /// The region's materials-age rule applies to this document.
    #[serde(default)]
    pub dated: bool,
    /// Only for these schemes; empty means every scheme.
    #[serde(default)]
    pub schemes: Vec<Scheme>,
    #[serde(default)]
    pub note: Option<String>,
    pub source: String,
}

/// Documents of which one route is enough: the source offers alternatives
/// (青岛's 高血压/糖尿病: confirmed in hospital, or by outpatient records of
/// two years and more). The documents of a route are needed only when the
/// person takes that route.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentChoice {
    pub id: String,
    /// What the routes differ in, e.g. 确诊途径.
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
    /// At least two routes.
    pub routes: Vec<DocumentRoute>,
    pub source: String,
}

/// One way through a [`DocumentChoice`]: the documents it needs and who it
/// is for.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRoute {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
    /// Who takes this route, as the source says (未经住院确诊的…).
    #[serde(default)]
    pub who: Option<String>,
    /// Ids of the region's documents; each in one route of the choice only.
    pub documents: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Result the same day.
    #[serde(default)]
    pub instant: bool,
    /// Fastest review, in working days, when the source gives a range.
    #[serde(default)]
    pub working_days_min: Option<u32>,
    /// Longest review, in working days; `null` when the source does not say.
    #[serde(default)]
    pub working_days: Option<u32>,
    /// Working days after the review to notify the person.
    #[serde(default)]
    pub notify_working_days: Option<u32>,
    /// Diseases the source says are decided at once on this channel.
    #[serde(default)]
    pub instant_for: Vec<String>,
    /// `working_days` is the source's usual time (一般…), not a limit: it may
    /// take longer (防城港: expert review as needed).
    #[serde(default)]
    pub typical: bool,
    pub text: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub hours: Option<String>,
    /// Only for this scheme (平度 has one number per scheme).
    #[serde(default)]
    pub scheme: Option<Scheme>,
    #[serde(default)]
    pub note: Option<String>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    pub id: String,
    pub kind: ChannelKind,
    pub name: String,
    /// English gloss shown beside the Chinese name in English mode.
    #[serde(default)]
    pub name_en: Option<String>,
    #[serde(rename = "where")]
    pub location: String,
    #[serde(default)]
    pub hours: Option<String>,
    #[serde(default)]
    pub materials_form: Option<String>,
    pub review: Review,
    #[serde(default)]
    pub suits: Option<String>,
    #[serde(default)]
    pub pros: Vec<String>,
    #[serde(default)]
    pub cons: Vec<String>,
    #[serde(default)]
    pub steps: Vec<String>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// When set, the channel serves only these diseases.
    #[serde(default)]
    pub only_diseases: Option<Vec<String>>,
    /// The source offers the channel only to people who never held the
    /// benefit (青岛's instant-processing hospitals: 从未办理过). A renewal
    /// plan leaves it out: it is no way to renew.
    #[serde(default)]
    pub first_application_only: bool,
    /// Limits the source states (areas not covered, first applications only…).
    #[serde(default)]
    pub limitations: Vec<String>,
    /// The channel extends the qualification (its `only_diseases` are the
    /// diseases it takes); refusals go to `fallback`.
    #[serde(default)]
    pub extension: Option<ChannelExtension>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: String,
    pub title: String,
    pub text: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleRow {
    pub disease: String,
    pub annual_limit_yuan: Option<u32>,
    /// Reimbursement ratio for people in work, percent.
    pub ratio_active_pct: Option<u32>,
    pub ratio_retired_pct: Option<u32>,
}

/// Figures the source itself calls examples; shown only as such.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleFigures {
    pub note: String,
    /// The schemes the figures are given for; empty when the source does
    /// not say (防城港's 在职/退休 columns are employees').
    #[serde(default)]
    pub schemes: Vec<Scheme>,
    pub rows: Vec<ExampleRow>,
    pub source: String,
}

/// What a region's file says when it has no channel of one kind.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NoChannel {
    pub kind: ChannelKind,
    pub text: String,
}

/// Where a plan's facts come from, seen from the person's place: a city's
/// own file, its province's, or the national generic entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataLevel {
    City,
    Province,
    Generic,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    /// Full name, e.g. 青海省海西州.
    pub name: String,
    /// What people call it, e.g. 海西.
    pub short_name: String,
    pub province: String,
    /// GB/T 2260 code of the place the file covers (a city, or a province
    /// whose cities without a file of their own use it); `null` for the
    /// generic entry. See `data/places.json`.
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub name_en: Option<String>,
    /// The local name of the benefit: 特殊门诊, 门诊大病, 门特, 门诊慢特病.
    pub benefit_name: String,
    /// The catch-all entry for regions without their own data.
    #[serde(default)]
    pub generic: bool,
    /// The day the data was last checked against its sources.
    pub verified_on: NaiveDate,
    pub sources: Vec<Source>,
    /// How many calendar months before the end date one may apply.
    pub window_months: Fact<u32>,
    /// A window the source gives in days before the end date (中山:
    /// 有效期满前30日内); when it has a value, `window_months` has none.
    #[serde(default)]
    pub window_days: Option<Fact<u32>>,
    /// Days after the end date during which renewal is still accepted
    /// (中山: 有效期终止后30日内), though the benefit has ended.
    #[serde(default)]
    pub grace_days: Option<Fact<u32>>,
    /// The diseases the renewal rules are for, when not all of them.
    #[serde(default)]
    pub renewal_scope: Option<RenewalScope>,
    /// Disease entries that need no renewal, one by one, over
    /// `renewal_scope` (what a person was told at this place; a city never
    /// takes it from its province's file).
    #[serde(default)]
    pub no_renewal_for: Vec<DiseaseNoRenewal>,
    /// How long a qualification granted on a day lasts, in calendar
    /// months, by the day it is granted (上海: 6, then 12 from 2026-04-01).
    #[serde(default)]
    pub validity_months: Vec<Dated<u32>>,
    /// One-off extensions of qualifications running on a day.
    #[serde(default)]
    pub validity_extensions: Vec<ValidityExtension>,
    pub cycle_years: Fact<Vec<u32>>,
    pub materials_max_age: Fact<MaterialsAge>,
    /// Benefits keep running while an application filed in time is reviewed.
    pub continuity_during_review: Fact<bool>,
    /// What happens when one applies too late.
    pub late_consequence: Fact<String>,
    /// The source's disease list ends in 等: a 其他病种 entry is offered.
    #[serde(default)]
    pub open_disease_list: bool,
    pub diseases: Vec<Disease>,
    pub documents: Vec<DocumentRequirement>,
    /// Sets of documents of which one route is enough, referred to by
    /// diseases' `document_choices`.
    #[serde(default)]
    pub document_choices: Vec<DocumentChoice>,
    /// Document ids every applicant brings.
    pub common_documents: Vec<String>,
    pub channels: Vec<Channel>,
    #[serde(default)]
    pub no_channel: Vec<NoChannel>,
    #[serde(default)]
    pub notes: Vec<Note>,
    #[serde(default)]
    pub example_figures: Option<ExampleFigures>,
    /// What the file left out and took from the file above it (filled when
    /// loading: see `policy::inherit`; not part of the file).
    #[serde(skip)]
    pub inherited: super::inherit::Inheritance,
}

/// One step of the cross-province procedure (备案 and after), as the
/// national file words it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CrossProvinceStep {
    pub title: String,
    pub text: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DirectSettlementDisease {
    pub id: String,
    pub name: String,
    /// When the disease joined direct settlement nationally: `YYYY-MM`
    /// (the first 5 in 2021-09, 5 more by the end of 2024).
    pub since: String,
    /// The same in the source's words, as shown.
    pub since_text: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CrossProvince {
    pub steps: Vec<CrossProvinceStep>,
    pub documents: Vec<DocumentRequirement>,
    /// Ids of `documents` needed for the filing (备案) itself; the rest are
    /// for the qualification, which the region's own list already covers.
    pub filing_documents: Vec<String>,
    /// 就医地目录，参保地待遇, explained.
    pub principle: Note,
    pub direct_settlement: Vec<DirectSettlementDisease>,
    pub direct_settlement_since: Fact<String>,
    /// What applies to diseases outside the directly settled list.
    pub other_diseases: Note,
    pub notes: Vec<Note>,
}

/// Cross-province rules and facts that hold everywhere.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct National {
    pub verified_on: NaiveDate,
    pub sources: Vec<Source>,
    /// Printed with every plan: official notices prevail.
    pub caution: String,
    pub service_item_name: Fact<String>,
    /// Months a window is assumed to be when a region's sources give none.
    pub assumed_window_months: u32,
    pub assumed_window_note: String,
    pub cross_province: CrossProvince,
    /// The national medical-insurance service line (12393): the phone every
    /// plan can offer, dialled after the place's area code.
    pub service_line: ServiceLine,
}

/// A national phone line that reaches the local office when dialled after
/// the place's area code, and the office where the caller is without one.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceLine {
    pub name: String,
    pub number: String,
    /// What dialling it reaches, said once in the data's words.
    pub note: String,
    pub source: String,
}
