//! The renewal as a cycle: prepare → submit → under review → approved (a
//! new end date and the next cycle) or refused. The file keeps only facts
//! (the days, the channel's id); what they mean today — the expected
//! result day, benefits during review, what to do when late — is worked
//! out here from the plan, so new data or another day gives today's answer.
//! Pure: today and now are arguments.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{Checklist, choices_for, items_for, saved_window};
use crate::i18n::Words;
use crate::plan::{self, PlanChannel, PlanError, RenewalPlan, Status};
use crate::policy::{Contact, Fact, PolicySet};

/// No one renews more than a few dozen times in a life.
pub(crate) const MAX_HISTORY: usize = 200;

/// Where the current cycle stands, as saved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CycleState {
    /// Getting ready: nothing submitted yet.
    #[default]
    Preparing,
    /// Handed in; the answer is awaited.
    Submitted,
    /// The answer was no.
    Refused,
}

/// The current cycle as saved: only days and ids.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cycle {
    pub state: CycleState,
    #[serde(default)]
    pub submitted_on: Option<NaiveDate>,
    /// The plan's channel id, when the person said which.
    #[serde(default)]
    pub channel: Option<String>,
    #[serde(default)]
    pub refused_on: Option<NaiveDate>,
    /// Fields this version does not know, kept as they were on save.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Approved,
    Refused,
}

/// A cycle that has ended, kept as history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastCycle {
    /// The end date this cycle was renewing.
    pub validity_end: NaiveDate,
    #[serde(default)]
    pub submitted_on: Option<NaiveDate>,
    #[serde(default)]
    pub channel: Option<String>,
    pub outcome: Outcome,
    pub decided_on: NaiveDate,
    /// The new end date, when approved.
    #[serde(default)]
    pub new_end: Option<NaiveDate>,
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl PastCycle {
    /// "2026 续期：3月10日提交，3月17日通过".
    pub(crate) fn describe(&self, words: Words) -> String {
        let mut parts = Vec::new();
        if let Some(d) = self.submitted_on {
            parts.push(words.tf("cycle.history.submitted", &[("date", &month_day(d, words))]));
        }
        let (key, date) = match self.outcome {
            Outcome::Approved => ("cycle.history.approved", self.decided_on),
            Outcome::Refused => ("cycle.history.refused", self.decided_on),
        };
        parts.push(words.tf(key, &[("date", &month_day(date, words))]));
        if let Some(end) = self.new_end {
            parts.push(words.tf("cycle.history.new_end", &[("date", &end)]));
        }
        words.tf(
            "cycle.history.line",
            &[
                ("year", &self.validity_end.year()),
                ("steps", &parts.join(words.t("cycle.history.sep"))),
            ],
        )
    }
}

/// "3月10日" in Chinese, "Mar 10" in English.
pub(crate) fn month_day(d: NaiveDate, words: Words) -> String {
    match words.lang {
        crate::i18n::Lang::En => d.format("%b %-d").to_string(),
        _ => format!("{}月{}日", d.month(), d.day()),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CycleError {
    #[error("{on} is after today ({today})")]
    Future { on: NaiveDate, today: NaiveDate },
    #[error("{on} is before the day it was submitted ({submitted})")]
    BeforeSubmitted { on: NaiveDate, submitted: NaiveDate },
    #[error("the new end date {new_end} is not after the current one ({current})")]
    NewEndNotLater {
        new_end: NaiveDate,
        current: NaiveDate,
    },
    #[error("no channel {query:?}")]
    UnknownChannel {
        query: String,
        /// (id, name) of the plan's channels that take the disease.
        choices: Vec<(String, String)>,
    },
    #[error("{query:?} matches several channels")]
    AmbiguousChannel {
        query: String,
        choices: Vec<(String, String)>,
    },
    #[error("outside the dates a checklist can hold")]
    OutOfRange(NaiveDate),
    #[error(transparent)]
    Plan(#[from] PlanError),
}

impl CycleError {
    /// The message in the person's language.
    pub(crate) fn describe(&self, words: Words) -> String {
        let list = |choices: &[(String, String)]| {
            choices
                .iter()
                .map(|(id, name)| format!("\n  {id}  {name}"))
                .collect::<String>()
        };
        match self {
            CycleError::Future { on, today } => {
                words.tf("cycle.error.future", &[("on", on), ("today", today)])
            }
            CycleError::BeforeSubmitted { on, submitted } => words.tf(
                "cycle.error.before_submitted",
                &[("on", on), ("submitted", submitted)],
            ),
            CycleError::NewEndNotLater { new_end, current } => words.tf(
                "cycle.error.new_end_not_later",
                &[("new_end", new_end), ("current", current)],
            ),
            CycleError::UnknownChannel { query, choices } => {
                words.tf("cycle.error.unknown_channel", &[("q", query)]) + &list(choices)
            }
            CycleError::AmbiguousChannel { query, choices } => {
                words.tf("cycle.error.ambiguous_channel", &[("q", query)]) + &list(choices)
            }
            CycleError::OutOfRange(d) => words.tf("cycle.error.out_of_range", &[("date", d)]),
            CycleError::Plan(e) => e.to_string(),
        }
    }
}

fn not_future(on: NaiveDate, today: NaiveDate) -> Result<(), CycleError> {
    use super::store::{EARLIEST_DATE, LATEST_DATE};
    if !(EARLIEST_DATE..=LATEST_DATE).contains(&on) {
        return Err(CycleError::OutOfRange(on));
    }
    if on > today {
        return Err(CycleError::Future { on, today });
    }
    Ok(())
}

fn not_before_submission(c: &Checklist, on: NaiveDate) -> Result<(), CycleError> {
    match c.cycle.submitted_on {
        Some(submitted) if on < submitted => Err(CycleError::BeforeSubmitted { on, submitted }),
        _ => Ok(()),
    }
}

/// The plan channel `query` names: its id, a unique part of its id or
/// name, or `online` / `offline` when only one channel is of that kind.
pub(crate) fn find_channel<'a>(
    plan: &'a RenewalPlan,
    query: &str,
) -> Result<&'a PlanChannel, CycleError> {
    let q = crate::text::normalize(query);
    // Offered as the wizard's picker offers them: the channels that take
    // the person's disease (all, when the data names none that does).
    let serving = plan.channels.iter().any(|c| c.serves_disease);
    let choices = || {
        plan.channels
            .iter()
            .filter(|c| c.serves_disease || !serving)
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect::<Vec<_>>()
    };
    if let Some(c) = plan.channels.iter().find(|c| c.id == query.trim()) {
        return Ok(c);
    }
    let kind = |c: &PlanChannel| {
        serde_json::to_value(c.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
    };
    let hits: Vec<&PlanChannel> = plan
        .channels
        .iter()
        .filter(|c| {
            !q.is_empty()
                && (crate::text::normalize(&c.id).contains(&q)
                    || crate::text::normalize(&c.name).contains(&q)
                    || kind(c).as_deref() == Some(q.as_str()))
        })
        .collect();
    match hits.as_slice() {
        [one] => Ok(one),
        [] => Err(CycleError::UnknownChannel {
            query: query.to_string(),
            choices: choices(),
        }),
        _ => Err(CycleError::AmbiguousChannel {
            query: query.to_string(),
            choices: choices(),
        }),
    }
}

/// Records that the application went in on `on` (by `channel`, when
/// given). Submitting again corrects the day or channel; submitting after
/// a refusal keeps the refusal as history. Ticks the "apply" step.
pub fn submit(
    c: &mut Checklist,
    on: NaiveDate,
    channel: Option<&str>,
    policy: &PolicySet,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), CycleError> {
    not_future(on, today)?;
    let channel = match channel {
        Some(q) => {
            let plan = c.plan(policy, today)?;
            Some(find_channel(&plan, q)?.id.clone())
        }
        None => None,
    };
    if c.cycle.state == CycleState::Refused {
        let refused_on = c.cycle.refused_on.unwrap_or(on);
        if on < refused_on {
            return Err(CycleError::BeforeSubmitted {
                on,
                submitted: refused_on,
            });
        }
        push_history(c, Outcome::Refused, refused_on, None);
    }
    c.cycle = Cycle {
        state: CycleState::Submitted,
        submitted_on: Some(on),
        channel,
        refused_on: None,
        extra: std::mem::take(&mut c.cycle.extra),
    };
    if let Some(i) = c.items.iter().position(|i| i.id == "step:apply") {
        c.set_done(i, true, now);
    }
    c.updated_at = now;
    Ok(())
}

/// Records the approval: the cycle goes into the history and the next one
/// starts from `new_end` with a fresh plan and checklist (nothing ticked),
/// for the same person, region, scheme and disease.
pub(crate) fn approve(
    c: &mut Checklist,
    new_end: NaiveDate,
    on: NaiveDate,
    policy: &PolicySet,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<RenewalPlan, CycleError> {
    not_future(on, today)?;
    not_before_submission(c, on)?;
    let current = c.answers.validity_end;
    if new_end <= current {
        return Err(CycleError::NewEndNotLater { new_end, current });
    }
    if new_end > super::store::LATEST_DATE {
        return Err(CycleError::OutOfRange(new_end));
    }
    let mut answers = c.answers.clone();
    answers.validity_end = new_end;
    let plan = plan::compute_with(policy, &answers, &c.learned, today)?;
    push_history(c, Outcome::Approved, on, Some(new_end));
    c.answers = answers;
    c.window = saved_window(&plan);
    c.items = items_for(&plan);
    c.choices = choices_for(&plan);
    c.data_version = plan.data_version.clone();
    c.region_name = plan.place_name();
    c.disease_name = plan.disease.name.clone();
    c.cycle = Cycle::default();
    c.updated_at = now;
    Ok(plan)
}

/// Records the refusal. The checklist stays on this cycle: what the source
/// says happens next is shown from the plan.
pub fn refuse(
    c: &mut Checklist,
    on: NaiveDate,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), CycleError> {
    not_future(on, today)?;
    not_before_submission(c, on)?;
    c.cycle.state = CycleState::Refused;
    c.cycle.refused_on = Some(on);
    c.updated_at = now;
    Ok(())
}

fn push_history(c: &mut Checklist, outcome: Outcome, on: NaiveDate, new_end: Option<NaiveDate>) {
    c.history.push(PastCycle {
        validity_end: c.answers.validity_end,
        submitted_on: c.cycle.submitted_on,
        channel: c.cycle.channel.clone(),
        outcome,
        decided_on: on,
        new_end,
        extra: serde_json::Map::new(),
    });
    // The oldest go first; a lifetime of renewals fits many times over.
    if c.history.len() > MAX_HISTORY {
        let extra = c.history.len() - MAX_HISTORY;
        c.history.drain(..extra);
    }
}

/// The answer expected for an application under review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    pub submitted_on: NaiveDate,
    /// The channel named on submit.
    pub channel: Option<String>,
    pub channel_name: Option<String>,
    /// The channel whose review time is counted: the one named, else the
    /// slowest that serves the disease (so the date is not too early).
    pub counted_channel: Option<String>,
    /// The person did not say which channel.
    pub channel_assumed: bool,
    /// Working days of review and notice; `None`: the source gives none.
    pub working_days: Option<u32>,
    pub expected_result: Option<NaiveDate>,
    /// `expected_result` counts days beyond the official holiday notices.
    pub expected_result_estimated: bool,
    /// The review time is the source's usual time, not a limit.
    pub typical: bool,
    /// The expected day has passed without an answer recorded.
    pub overdue: bool,
    /// What the source says about benefits while the review runs.
    pub benefits_during_review: Fact<bool>,
    /// Handed in on or before the end date (the condition 防城港 puts on
    /// keeping benefits).
    pub filed_before_end: bool,
    /// Whom to ask when no answer comes.
    pub contacts: Vec<Contact>,
}

/// What the source says happens after a refusal or when late.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Consequence {
    pub consequence: Fact<String>,
    pub contacts: Vec<Contact>,
}

/// Where the cycle stands today, with what the plan says about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub(crate) enum CycleView {
    Preparing,
    /// The window closed and nothing was submitted.
    Late {
        closed_on: NaiveDate,
        #[serde(flatten)]
        next: Consequence,
    },
    Submitted(Review),
    Refused {
        refused_on: NaiveDate,
        submitted_on: Option<NaiveDate>,
        #[serde(flatten)]
        next: Consequence,
    },
}

/// Whom to ask about a channel: its own phones when it handles the
/// disease, else the plan's (which end with the service line, so there is
/// always one).
fn contacts(plan: &RenewalPlan, channel: Option<&PlanChannel>) -> Vec<Contact> {
    let own: Vec<Contact> = channel
        .filter(|c| c.serves_disease)
        .map(|c| {
            c.contacts
                .iter()
                .filter(|x| x.phone.is_some())
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    if !own.is_empty() {
        return own.into_iter().take(4).collect();
    }
    plan.contacts
        .iter()
        .take(4)
        .map(|c| Contact {
            name: c.name.clone(),
            address: None,
            phone: Some(c.phone.clone()),
            hours: c.hours.clone(),
            scheme: None,
            note: None,
            source: c.source.clone(),
        })
        .collect()
}

fn unknown<T>() -> Fact<T> {
    Fact {
        value: None,
        source: None,
        note: None,
    }
}

/// The cycle as it stands on `today`. Without a plan (data that no longer
/// knows the region) the dates the plan would give are unknown.
pub(crate) fn view(
    c: &Checklist,
    plan: Option<&RenewalPlan>,
    today: NaiveDate,
    policy: &PolicySet,
) -> CycleView {
    let consequence = || Consequence {
        consequence: plan.map_or_else(unknown, |p| p.late.consequence.clone()),
        contacts: plan.map(|p| contacts(p, None)).unwrap_or_default(),
    };
    match c.cycle.state {
        CycleState::Preparing => {
            let (status, last) = match plan {
                Some(p) => (p.status, p.window.as_ref().map_or(today, |w| w.last_day())),
                None => (c.window.status(today), c.window.last_day()),
            };
            if status == Status::Expired {
                CycleView::Late {
                    closed_on: last,
                    next: consequence(),
                }
            } else {
                CycleView::Preparing
            }
        }
        CycleState::Refused => CycleView::Refused {
            refused_on: c.cycle.refused_on.unwrap_or(today),
            submitted_on: c.cycle.submitted_on,
            next: consequence(),
        },
        CycleState::Submitted => {
            let on = c.cycle.submitted_on.unwrap_or(today);
            CycleView::Submitted(review(c, on, plan, today, policy))
        }
    }
}

fn review(
    c: &Checklist,
    on: NaiveDate,
    plan: Option<&RenewalPlan>,
    today: NaiveDate,
    policy: &PolicySet,
) -> Review {
    let named = plan.and_then(|p| {
        c.cycle
            .channel
            .as_deref()
            .and_then(|id| p.channels.iter().find(|ch| ch.id == id))
    });
    // Unnamed: the slowest serving channel that states its time.
    let channel = named.or_else(|| {
        plan.and_then(|p| {
            p.channels
                .iter()
                .filter(|ch| ch.serves_disease)
                .filter(|ch| span(ch).is_some())
                .max_by_key(|ch| span(ch))
        })
    });
    let working_days = channel.and_then(span);
    let calendar = &policy.calendar;
    let (expected_result, estimated) = match working_days {
        Some(n) => {
            let start = calendar.next_working_day(on);
            let end = calendar.add_working_days(start.date, n);
            (Some(end.date), start.estimated || end.estimated)
        }
        None => (None, false),
    };
    Review {
        submitted_on: on,
        channel: c.cycle.channel.clone(),
        channel_name: named.map(|ch| ch.name.clone()),
        counted_channel: channel.map(|ch| ch.id.clone()),
        channel_assumed: c.cycle.channel.is_none(),
        working_days,
        expected_result,
        expected_result_estimated: estimated,
        typical: channel.is_some_and(|ch| ch.review.typical && !ch.review.instant),
        overdue: expected_result.is_some_and(|d| d < today),
        benefits_during_review: plan
            .map_or_else(unknown, |p| p.late.continuity_during_review.clone()),
        filed_before_end: on <= c.answers.validity_end,
        contacts: plan.map(|p| contacts(p, named)).unwrap_or_default(),
    }
}

/// Working days from applying to the answer on this channel.
fn span(ch: &PlanChannel) -> Option<u32> {
    let review = if ch.review.instant {
        0
    } else {
        ch.review.working_days?
    };
    plan::review_span(review, ch.review.notify_working_days)
}

fn fact_words<T>(
    fact: &Fact<T>,
    show: impl Fn(&T) -> String,
    unknown_key: &str,
    words: Words,
) -> String {
    match (&fact.value, &fact.note) {
        (Some(v), Some(note)) => words.tf("fmt.paren", &[("text", &show(v)), ("note", note)]),
        (Some(v), None) => show(v),
        (None, _) => words.t(unknown_key).to_string(),
    }
}

fn phones(contacts: &[Contact]) -> String {
    contacts
        .iter()
        .filter_map(|c| c.phone.as_ref().map(|p| format!("{} {p}", c.name)))
        .collect::<Vec<_>>()
        .join("；")
}

impl CycleView {
    /// The state's name as in JSON.
    #[cfg(test)]
    pub fn code(&self) -> &'static str {
        match self {
            CycleView::Preparing => "preparing",
            CycleView::Late { .. } => "late",
            CycleView::Submitted(_) => "submitted",
            CycleView::Refused { .. } => "refused",
        }
    }

    /// The lines a person reads about the cycle (none while preparing).
    pub(crate) fn lines(&self, words: Words) -> Vec<String> {
        let mut out = Vec::new();
        let ask = |out: &mut Vec<String>, contacts: &[Contact]| {
            if !contacts.is_empty() {
                out.push(words.tf("cycle.ask", &[("phones", &phones(contacts))]));
            }
        };
        match self {
            CycleView::Preparing => {}
            CycleView::Submitted(r) => {
                let channel = r
                    .channel_name
                    .clone()
                    .unwrap_or_else(|| words.t("cycle.channel_unknown").to_string());
                out.push(words.tf(
                    "cycle.submitted",
                    &[("date", &r.submitted_on), ("channel", &channel)],
                ));
                match (r.expected_result, r.working_days) {
                    (Some(date), Some(n)) => {
                        let mark =
                            crate::plan::render::estimated_mark(r.expected_result_estimated, words);
                        let key = match (r.channel_assumed, r.typical) {
                            (true, _) => "cycle.expected_slowest",
                            (false, true) => "cycle.expected_typical",
                            (false, false) => "cycle.expected",
                        };
                        out.push(words.tf(key, &[("date", &format!("{date}{mark}")), ("n", &n)]));
                        if r.overdue {
                            out.push(words.tf("cycle.overdue", &[("date", &date)]));
                        }
                    }
                    _ => out.push(words.t("cycle.expected_unknown").to_string()),
                }
                let benefits = fact_words(
                    &r.benefits_during_review,
                    |v| {
                        match (*v, r.filed_before_end) {
                            (true, true) => words.t("cycle.benefits_yes"),
                            (true, false) => words.t("cycle.benefits_yes_but_late"),
                            (false, _) => words.t("cycle.benefits_no"),
                        }
                        .to_string()
                    },
                    "cycle.benefits_unknown",
                    words,
                );
                out.push(format!("{}{benefits}", words.t("cycle.benefits_label")));
                // No stand-in where a date should be: without a day, say
                // when to ask in other words.
                match r.expected_result {
                    Some(d) => out.push(words.tf("cycle.no_answer", &[("date", &d)])),
                    None => out.push(words.t("cycle.no_answer_unknown").to_string()),
                }
                ask(&mut out, &r.contacts);
            }
            CycleView::Late { closed_on, next } => {
                out.push(words.tf("cycle.late", &[("date", closed_on)]));
                out.push(format!(
                    "{}{}",
                    words.t("cycle.source_says"),
                    fact_words(
                        &next.consequence,
                        |v| v.clone(),
                        "cycle.consequence_unknown",
                        words
                    )
                ));
                out.push(words.t("cycle.late_next").to_string());
                ask(&mut out, &next.contacts);
            }
            CycleView::Refused {
                refused_on, next, ..
            } => {
                out.push(words.tf("cycle.refused", &[("date", refused_on)]));
                out.push(format!(
                    "{}{}",
                    words.t("cycle.source_says"),
                    fact_words(
                        &next.consequence,
                        |v| v.clone(),
                        "cycle.consequence_unknown",
                        words
                    )
                ));
                out.push(words.t("cycle.refused_next").to_string());
                ask(&mut out, &next.contacts);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
