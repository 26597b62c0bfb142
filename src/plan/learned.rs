//! What the person was told: facts they learned by asking the office (the
//! review time, the window, that no renewal is needed), kept with their
//! saved checklist and laid over the region's data before the plan is
//! computed. The shipped data is never changed; each use is marked as
//! learned, with the day and who said it, and what the data says of the
//! same fact is kept beside it. Pure: no clock, no files.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::questions::Unknown;
use crate::policy::{Confidence, DiseaseNoRenewal, Fact, Region, Source};

/// The id of the source every learned value cites.
pub const LEARNED_SOURCE: &str = "learned";

/// One value the person was told, on a day, by someone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnedValue<T> {
    pub value: T,
    /// The day they were told.
    pub on: NaiveDate,
    /// Who told them (医保窗口, 12393), in their words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

/// The facts learned for one checklist; every one optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Learned {
    /// Working days the review takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_days: Option<LearnedValue<u32>>,
    /// Calendar months before the end date one may apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_months: Option<LearnedValue<u32>>,
    /// Days before the end date one may apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_days: Option<LearnedValue<u32>>,
    /// This disease needs no renewal (the value is always true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_renewal: Option<LearnedValue<bool>>,
}

/// A fact that can be learned. Its CLI name (`review-days`) and its JSON
/// name (`review_days`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LearnedField {
    ReviewDays,
    WindowMonths,
    WindowDays,
    NoRenewal,
}

impl LearnedField {
    pub const ALL: [LearnedField; 4] = [
        LearnedField::ReviewDays,
        LearnedField::WindowMonths,
        LearnedField::WindowDays,
        LearnedField::NoRenewal,
    ];

    /// The name on the command line (`--review-days`, `--forget review-days`).
    pub fn flag(self) -> &'static str {
        match self {
            LearnedField::ReviewDays => "review-days",
            LearnedField::WindowMonths => "window-months",
            LearnedField::WindowDays => "window-days",
            LearnedField::NoRenewal => "no-renewal",
        }
    }

    /// The name in JSON and in the words' ids.
    pub fn id(self) -> &'static str {
        match self {
            LearnedField::ReviewDays => "review_days",
            LearnedField::WindowMonths => "window_months",
            LearnedField::WindowDays => "window_days",
            LearnedField::NoRenewal => "no_renewal",
        }
    }

    /// The question the fact answers.
    pub fn about(self) -> Unknown {
        match self {
            LearnedField::ReviewDays => Unknown::ReviewTime,
            LearnedField::WindowMonths | LearnedField::WindowDays => Unknown::Window,
            LearnedField::NoRenewal => Unknown::RenewalNeeded,
        }
    }

    /// The values a person can have been told: no review takes a working
    /// year, no window is longer than two years.
    pub fn range(self) -> Option<std::ops::RangeInclusive<u32>> {
        match self {
            LearnedField::ReviewDays => Some(1..=250),
            LearnedField::WindowMonths => Some(1..=24),
            LearnedField::WindowDays => Some(1..=730),
            LearnedField::NoRenewal => None,
        }
    }

    pub fn from_flag(text: &str) -> Option<LearnedField> {
        let t = text.trim().replace('_', "-");
        LearnedField::ALL.into_iter().find(|f| f.flag() == t)
    }
}

/// A learned value as the plan used it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum LearnedAnswer {
    Number(u32),
    Flag(bool),
}

impl std::fmt::Display for LearnedAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LearnedAnswer::Number(n) => write!(f, "{n}"),
            LearnedAnswer::Flag(b) => write!(f, "{b}"),
        }
    }
}

/// What the shipped data says of a fact the person learned otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shipped {
    pub field: LearnedField,
    pub value: LearnedAnswer,
    pub source: Option<String>,
}

/// One learned value the plan was computed with (plan JSON `learned[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LearnedUse {
    pub field: LearnedField,
    pub about: Unknown,
    pub value: LearnedAnswer,
    /// Always `learned`.
    pub source: &'static str,
    pub on: NaiveDate,
    pub from: Option<String>,
    /// The shipped data's own value, when it has one that differs: both are
    /// shown, the learned one is used.
    pub shipped: Option<Shipped>,
}

/// The mark a computed value carries when it rests on a learned one
/// (`apply_by`: `"source": "learned"`, `on`, `from`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LearnedMark {
    pub source: &'static str,
    pub on: NaiveDate,
    pub from: Option<String>,
}

impl Learned {
    pub fn is_empty(&self) -> bool {
        self.review_days.is_none()
            && self.window_months.is_none()
            && self.window_days.is_none()
            && self.no_renewal.is_none()
    }

    /// The day and teller of `field`, when learned.
    pub fn said(&self, field: LearnedField) -> Option<(NaiveDate, Option<&str>)> {
        let (on, from) = match field {
            LearnedField::ReviewDays => self.review_days.as_ref().map(|v| (v.on, &v.from))?,
            LearnedField::WindowMonths => self.window_months.as_ref().map(|v| (v.on, &v.from))?,
            LearnedField::WindowDays => self.window_days.as_ref().map(|v| (v.on, &v.from))?,
            LearnedField::NoRenewal => self.no_renewal.as_ref().map(|v| (v.on, &v.from))?,
        };
        Some((on, from.as_deref()))
    }

    /// The value of `field`, when learned.
    pub fn value(&self, field: LearnedField) -> Option<LearnedAnswer> {
        match field {
            LearnedField::ReviewDays => self
                .review_days
                .as_ref()
                .map(|v| LearnedAnswer::Number(v.value)),
            LearnedField::WindowMonths => self
                .window_months
                .as_ref()
                .map(|v| LearnedAnswer::Number(v.value)),
            LearnedField::WindowDays => self
                .window_days
                .as_ref()
                .map(|v| LearnedAnswer::Number(v.value)),
            LearnedField::NoRenewal => self
                .no_renewal
                .as_ref()
                .map(|v| LearnedAnswer::Flag(v.value)),
        }
    }

    /// Records `field` as told on `on` by `from`; a window in months
    /// replaces one in days and the other way round. `value` is checked by
    /// the caller against [`LearnedField::range`].
    pub fn set(&mut self, field: LearnedField, value: u32, on: NaiveDate, from: Option<String>) {
        let v = |value| LearnedValue {
            value,
            on,
            from: from.clone(),
        };
        match field {
            LearnedField::ReviewDays => self.review_days = Some(v(value)),
            LearnedField::WindowMonths => {
                self.window_days = None;
                self.window_months = Some(v(value));
            }
            LearnedField::WindowDays => {
                self.window_months = None;
                self.window_days = Some(v(value));
            }
            LearnedField::NoRenewal => {
                self.no_renewal = Some(LearnedValue {
                    value: true,
                    on,
                    from,
                })
            }
        }
    }

    /// Takes `field` back; returns whether it was there.
    pub fn forget(&mut self, field: LearnedField) -> bool {
        match field {
            LearnedField::ReviewDays => self.review_days.take().is_some(),
            LearnedField::WindowMonths => self.window_months.take().is_some(),
            LearnedField::WindowDays => self.window_days.take().is_some(),
            LearnedField::NoRenewal => self.no_renewal.take().is_some(),
        }
    }

    /// The learned fields, in the order of [`LearnedField::ALL`].
    pub fn fields(&self) -> Vec<LearnedField> {
        LearnedField::ALL
            .into_iter()
            .filter(|f| self.value(*f).is_some())
            .collect()
    }

    /// The source learned values cite, in the data's words: 「在 DATE 电话询问
    /// FROM」 for each day and teller, with confidence `low`.
    pub fn source(&self) -> Option<Source> {
        let mut said: Vec<(NaiveDate, Option<&str>)> = Vec::new();
        for f in self.fields() {
            if let Some(s) = self.said(f)
                && !said.contains(&s)
            {
                said.push(s);
            }
        }
        let first = *said.iter().map(|(on, _)| on).min()?;
        let title = said
            .iter()
            .map(|(on, from)| match from {
                Some(from) => format!("在 {on} 电话询问 {from}"),
                None => format!("在 {on} 电话询问"),
            })
            .collect::<Vec<_>>()
            .join("；");
        // Whom to ask again: who said it, else the phone call itself.
        let mut tellers: Vec<&str> = said.iter().filter_map(|(_, from)| *from).collect();
        tellers.dedup();
        let publisher = match tellers.is_empty() {
            true => "电话询问".to_string(),
            false => tellers.join("、"),
        };
        Some(Source {
            id: LEARNED_SOURCE.to_string(),
            title,
            file: None,
            url: None,
            publisher: Some(publisher),
            published: Some(first.to_string()),
            confidence: Confidence::Low,
            note: None,
        })
    }
}

/// `region` with the learned values in place of the data's, each citing
/// [`LEARNED_SOURCE`], and the uses the plan reports (their `shipped` is
/// filled by [`shipped`]). "No renewal" was said of `disease` (the id of
/// the region's entry) and reaches it alone. Nothing learned: the region
/// itself.
pub(crate) fn overlay<'a>(
    region: &'a Region,
    disease: &str,
    learned: &Learned,
) -> (Cow<'a, Region>, Vec<LearnedUse>) {
    let Some(source) = learned.source() else {
        return (Cow::Borrowed(region), Vec::new());
    };
    let mut r = region.clone();
    r.sources.retain(|s| s.id != LEARNED_SOURCE);
    r.sources.push(source);
    let fact = |n: u32| Fact {
        value: Some(n),
        source: Some(LEARNED_SOURCE.to_string()),
        note: None,
    };
    let mut uses = Vec::new();
    let mut used = |field: LearnedField| {
        let (Some(value), Some((on, from))) = (learned.value(field), learned.said(field)) else {
            return;
        };
        uses.push(LearnedUse {
            field,
            about: field.about(),
            value,
            source: LEARNED_SOURCE,
            on,
            from: from.map(str::to_string),
            shipped: None,
        });
    };
    if let Some(v) = &learned.no_renewal {
        r.no_renewal_for.retain(|t| t.disease != disease);
        r.no_renewal_for.push(DiseaseNoRenewal {
            disease: disease.to_string(),
            text: match &v.from {
                Some(from) => format!("在 {} 电话询问 {from}：不需要续期", v.on),
                None => format!("在 {} 电话询问：不需要续期", v.on),
            },
            source: LEARNED_SOURCE.to_string(),
        });
        used(LearnedField::NoRenewal);
    }
    if let Some(v) = &learned.window_months {
        r.window_months = fact(v.value);
        r.window_days = None;
        used(LearnedField::WindowMonths);
    }
    if let Some(v) = &learned.window_days {
        r.window_days = Some(fact(v.value));
        used(LearnedField::WindowDays);
    }
    if let Some(v) = &learned.review_days {
        for ch in r.channels.iter_mut().filter(|c| c.extension.is_none()) {
            let review = &mut ch.review;
            review.instant = false;
            review.instant_for.clear();
            review.working_days_min = None;
            review.working_days = Some(v.value);
            review.notify_working_days = None;
            review.typical = false;
            review.text = format!("{} 个工作日（电话询问所得）", v.value);
            review.source = LEARNED_SOURCE.to_string();
        }
        used(LearnedField::ReviewDays);
    }
    (Cow::Owned(r), uses)
}

/// What the plan computed from the shipped data says of `field`: the
/// review time its apply-by day counts, or its window unless assumed.
pub(crate) fn shipped(plan: &super::RenewalPlan, field: LearnedField) -> Option<Shipped> {
    let window = || {
        let w = plan.window.as_ref().filter(|w| !w.assumed)?;
        let (field, n) = match (w.days, w.months) {
            (Some(d), _) => (LearnedField::WindowDays, d),
            (None, m) => (LearnedField::WindowMonths, m?),
        };
        Some(Shipped {
            field,
            value: LearnedAnswer::Number(n),
            source: w.source.clone(),
        })
    };
    match field {
        LearnedField::ReviewDays => plan.apply_by.as_ref().map(|a| Shipped {
            field,
            value: LearnedAnswer::Number(a.working_days),
            source: plan
                .channels
                .iter()
                .find(|c| c.id == a.channel)
                .map(|c| c.source.clone()),
        }),
        LearnedField::WindowMonths | LearnedField::WindowDays | LearnedField::NoRenewal => window(),
    }
}

#[cfg(test)]
mod tests;
