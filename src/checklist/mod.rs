//! The checklist a person builds up over weeks: one item per document to
//! prepare and per step to take, derived from a plan. Items keep stable ids,
//! so recomputing the plan (new data, another day) keeps every tick.
//! Pure: times are arguments; the store (`store`) does the I/O. Its
//! outputs (the sheet, the calendar file) are `document`'s: nothing here
//! names `document`.

pub mod agenda;
pub mod cycle;
mod items;
pub mod learned_pack;
mod lines;
pub mod notes;
pub mod store;
pub(crate) mod words;

use items::saved_window;
pub(crate) use items::{choices_for, items_for};
pub use lines::item_text;
pub(crate) use lines::{
    apply_line, choice_intro, choice_status, item_name, route_label, route_tag,
};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::i18n::Words;
use crate::plan::{Answers, RenewalPlan, Status};

/// The version of the file format this program writes. Files with a higher
/// number are left alone; every lower number must still be read.
/// 2: the renewal cycle (`cycle`) and its `history`; a version 1 file reads
/// as a cycle being prepared with no history, and is written as 2 on save.
/// 3: `choices`, either/or groups of items of which one route is enough; a
/// version 2 file reads with none (its items all required, as it was saved)
/// and gets them from the plan when it is next brought up to date.
pub const SCHEMA_VERSION: u32 = 3;

/// No policy has a window anywhere near this long.
const MAX_WINDOW_MONTHS: u32 = 120;
/// A plan has a dozen or two items.
const MAX_ITEMS: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A document to prepare.
    Document,
    /// A step to take.
    Step,
    /// Advice: good to do, not required.
    Tip,
}

/// One thing to do, as facts: which item (`doc:…`, `step:…`, `tip:…`), the
/// data's own words for documents and tips, the dates that apply, and the
/// tick. Never words of the UI language: the line shown is made at display
/// time by [`item_text`], so a checklist reads the same in every language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "ItemFile")]
pub struct Item {
    pub id: String,
    /// A document's or tip's name as the data gives it (policy data, in the
    /// data's language), kept so the item still shows when the data no
    /// longer has it. Empty for steps, whose words are the program's.
    #[serde(default)]
    pub name: String,
    /// The data's English gloss of a document's name, when it has one
    /// (shown beside the name to English readers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// A tip's text as the data gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Records for this document must be dated on or after this day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest_date: Option<NaiveDate>,
    pub kind: ItemKind,
    /// Must be done for the renewal; tips are not.
    pub required: bool,
    pub done: bool,
    pub done_at: Option<DateTime<Utc>>,
    /// Fields this version does not know, kept as they were on save.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// An item as files hold it. Files written before display text moved to the
/// edge also have `text` (the line in the language of the day it was saved)
/// and a step's `name` in that language: both are dropped on reading.
#[derive(Deserialize)]
struct ItemFile {
    id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    name_en: Option<String>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    earliest_date: Option<NaiveDate>,
    kind: ItemKind,
    required: bool,
    done: bool,
    done_at: Option<DateTime<Utc>>,
    #[serde(flatten)]
    extra: serde_json::Map<String, serde_json::Value>,
}

impl From<ItemFile> for Item {
    fn from(f: ItemFile) -> Item {
        let mut extra = f.extra;
        extra.remove("text");
        Item {
            name: if f.kind == ItemKind::Step {
                String::new()
            } else {
                f.name
            },
            id: f.id,
            name_en: f.name_en,
            note: f.note,
            earliest_date: f.earliest_date,
            kind: f.kind,
            required: f.required,
            done: f.done,
            done_at: f.done_at,
            extra,
        }
    }
}

/// Items of which one route is enough (青岛's 高血压/糖尿病: the inpatient or
/// the outpatient route), with the data's names kept for showing without
/// the data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemChoice {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    pub routes: Vec<ItemRoute>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRoute {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Who takes this route, as the data says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<String>,
    /// Ids of this route's items.
    pub items: Vec<String>,
}

/// Where an either/or group stands: each route's (done, total) over its
/// items, and the first route with all its items done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ChoiceState<'a> {
    pub choice: &'a ItemChoice,
    pub routes: Vec<(usize, usize)>,
    pub complete: Option<usize>,
}

/// Why a label typed by the person cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelProblem {
    /// Six digits in a row: an ID or phone number, which is personal data.
    LooksLikeANumber,
    /// Over 40 characters, or control characters.
    TooLong,
}

/// A label is the person's own word for whom the checklist is for, never an
/// ID or phone number: the program keeps no personal data.
pub(crate) fn check_label(label: &str) -> Result<(), LabelProblem> {
    let text = crate::text::to_half_width(label);
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run >= 6 {
            return Err(LabelProblem::LooksLikeANumber);
        }
    }
    if text.chars().count() > 40 || text.chars().any(char::is_control) {
        return Err(LabelProblem::TooLong);
    }
    Ok(())
}

/// The computed window as it was when saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedWindow {
    pub opens: NaiveDate,
    pub closes: NaiveDate,
    /// The window's length in months; 0 when it is given in days or there
    /// is no window.
    pub months: u32,
    pub assumed: bool,
    pub apply_by: Option<NaiveDate>,
    /// `apply_by` counts over a year whose holiday notice is not in the data.
    #[serde(default)]
    pub apply_by_estimated: bool,
    /// The window's length in days, when the source gives it in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// Renewal is still accepted after `closes` up to this day (中山).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grace_until: Option<NaiveDate>,
    /// The source says no renewal is needed: `opens` and `closes` are the
    /// end date only because older readers need dates there; nothing is
    /// due on them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_renewal: bool,
    /// `no_renewal` is the program's inference, not the source's word
    /// (西安: the source lists the 13 diseases that need 复审 and says
    /// nothing of the others): said as such, with a call to confirm.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_renewal_inferred: bool,
}

impl SavedWindow {
    /// Where `today` stands against the saved window.
    pub(crate) fn status(&self, today: NaiveDate) -> Status {
        if self.no_renewal {
            Status::NoRenewal
        } else {
            crate::plan::status_with_grace(today, self.opens, self.closes, self.grace_until)
        }
    }

    /// The last day an application is accepted.
    pub(crate) fn last_day(&self) -> NaiveDate {
        self.grace_until.unwrap_or(self.closes)
    }

    /// The deadline as it was saved, standing on `today`: what the lists
    /// and the calendar tell when the data no longer knows the plan.
    pub(crate) fn deadline_days(&self, today: NaiveDate) -> crate::plan::DeadlineDays {
        let renewing = !self.no_renewal;
        crate::plan::DeadlineDays {
            standing: crate::plan::Deadline::on(today, self.status(today), self.apply_by),
            apply_by: self.apply_by.filter(|_| renewing),
            estimated: renewing && self.apply_by.is_some() && self.apply_by_estimated,
            closes: renewing.then_some(self.closes),
            last_day: renewing.then(|| self.last_day()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklist {
    pub schema_version: u32,
    /// The store sets this from the file name, which is the identity; the
    /// copy inside the file is only informative.
    #[serde(default)]
    pub id: String,
    /// The person's own word for whose checklist this is (e.g. 妈妈).
    pub label: String,
    pub answers: Answers,
    /// Names at the time of saving, for listing without the data.
    pub region_name: String,
    pub disease_name: String,
    pub window: SavedWindow,
    /// `PolicySet::version()` of the data the items were computed from.
    pub data_version: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub items: Vec<Item>,
    /// Either/or groups of items: the group is done when one route is
    /// (schema 3; a version 2 file has none).
    #[serde(default)]
    pub choices: Vec<ItemChoice>,
    /// Where this renewal stands (schema 2; a version 1 file is preparing).
    #[serde(default)]
    pub cycle: cycle::Cycle,
    /// The cycles before this one, oldest first (schema 2).
    #[serde(default)]
    pub history: Vec<cycle::PastCycle>,
    /// The disease as the person typed it, when the region's list did not
    /// name it so and the entry chosen covers it: its plan names it again
    /// when the checklist is reopened. Absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typed_disease: Option<crate::vocabulary::TypedDisease>,
    /// The person's dated notes ("已电话通知"), oldest first; kept across
    /// renewal cycles. Absent when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<notes::Note>,
    /// What the person was told when they asked (`renew checklist learn`):
    /// the plan for this checklist is computed with it. Absent when nothing
    /// was; a file without it reads as nothing learned.
    #[serde(
        default,
        skip_serializing_if = "crate::plan::learned::Learned::is_empty"
    )]
    pub learned: crate::plan::learned::Learned,
    /// Fields this version does not know, kept as they were on save.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Checklist {
    /// A new checklist for `plan`, none of it done.
    pub fn new(
        id: String,
        label: &str,
        answers: &Answers,
        plan: &RenewalPlan,
        now: DateTime<Utc>,
    ) -> Checklist {
        let label = label.trim();
        Checklist {
            schema_version: SCHEMA_VERSION,
            id,
            // A label is saved as typed; the default, for a caller that
            // gave none, is in the data's language (Simplified Chinese).
            label: if label.is_empty() {
                crate::vocabulary::entry_with_typed(
                    &plan.disease.name,
                    plan.disease.typed.as_ref(),
                    crate::i18n::Words::new(crate::i18n::Lang::ZhHans),
                )
            } else {
                label.to_string()
            },
            answers: answers.clone(),
            region_name: plan.place_name(),
            disease_name: plan.disease.name.clone(),
            window: saved_window(plan),
            data_version: plan.data_version.clone(),
            created_at: now,
            updated_at: now,
            items: items_for(plan),
            choices: choices_for(plan),
            cycle: cycle::Cycle::default(),
            history: Vec::new(),
            typed_disease: plan.disease.typed.clone(),
            notes: Vec::new(),
            learned: crate::plan::learned::Learned::default(),
            extra: serde_json::Map::new(),
        }
    }

    /// The plan for this checklist on `today`: its answers, with what the
    /// person was told in place of the data's values.
    pub fn plan(
        &self,
        policy: &crate::policy::PolicySet,
        today: NaiveDate,
    ) -> Result<RenewalPlan, crate::plan::PlanError> {
        let mut plan = crate::plan::compute_with(policy, &self.answers, &self.learned, today)?;
        // The disease typed for this entry, named again.
        if plan.disease.id == self.answers.disease {
            plan.disease.typed = self.typed_disease.clone();
        }
        Ok(plan)
    }

    /// The disease as every saved-checklist output names it: the region's
    /// entry, with the disease the person typed beside it (其他病种（高血压）).
    pub fn disease_shown(&self, words: crate::i18n::Words) -> String {
        crate::vocabulary::entry_with_typed(&self.disease_name, self.typed_disease.as_ref(), words)
    }

    /// Every date and number within bounds that no real checklist leaves
    /// (so date arithmetic on them cannot overflow); else the field and why.
    pub(crate) fn check_bounds(&self) -> Result<(), String> {
        use store::{EARLIEST_DATE, LATEST_DATE};
        let mut dates = vec![
            ("answers.validity_end", Some(self.answers.validity_end)),
            ("window.opens", Some(self.window.opens)),
            ("window.closes", Some(self.window.closes)),
            ("window.apply_by", self.window.apply_by),
            ("window.grace_until", self.window.grace_until),
            ("created_at", Some(self.created_at.date_naive())),
            ("updated_at", Some(self.updated_at.date_naive())),
        ];
        for item in &self.items {
            dates.push(("items[].done_at", item.done_at.map(|t| t.date_naive())));
        }
        // What the person was told: a day like any other, and a number
        // no office gives (a million working days would take the working
        // day count forever) is refused as `checklist learn` refuses it.
        for field in self.learned.fields() {
            dates.push(("learned[].on", self.learned.said(field).map(|(on, _)| on)));
            if let (Some(range), Some(crate::plan::learned::LearnedAnswer::Number(n))) =
                (field.range(), self.learned.value(field))
                && !range.contains(&n)
            {
                return Err(format!(
                    "learned[].{}: {n} is outside {} to {}",
                    field.id(),
                    range.start(),
                    range.end()
                ));
            }
        }
        dates.push(("cycle.submitted_on", self.cycle.submitted_on));
        dates.push(("cycle.refused_on", self.cycle.refused_on));
        for h in &self.history {
            dates.push(("history[].validity_end", Some(h.validity_end)));
            dates.push(("history[].submitted_on", h.submitted_on));
            dates.push(("history[].decided_on", Some(h.decided_on)));
            dates.push(("history[].new_end", h.new_end));
        }
        for n in &self.notes {
            dates.push(("notes[].on", Some(n.on)));
        }
        if self.notes.len() > notes::MAX_NOTES {
            return Err(format!("notes: more than {}", notes::MAX_NOTES));
        }
        for (field, date) in dates {
            if let Some(date) = date
                && !(EARLIEST_DATE..=LATEST_DATE).contains(&date)
            {
                return Err(format!(
                    "{field}: {date} is outside {EARLIEST_DATE} to {LATEST_DATE}"
                ));
            }
        }
        if self.window.months > MAX_WINDOW_MONTHS {
            return Err(format!(
                "window.months: {} is more than {MAX_WINDOW_MONTHS}",
                self.window.months
            ));
        }
        if self.window.days.is_some_and(|d| d > MAX_WINDOW_MONTHS * 31) {
            return Err(format!("window.days: more than {}", MAX_WINDOW_MONTHS * 31));
        }
        if self.items.len() > MAX_ITEMS {
            return Err(format!("items: more than {MAX_ITEMS}"));
        }
        let routed: usize = self
            .choices
            .iter()
            .flat_map(|c| &c.routes)
            .map(|r| 1 + r.items.len())
            .sum();
        if self.choices.len() + routed > MAX_ITEMS {
            return Err(format!("choices: more than {MAX_ITEMS} routes and items"));
        }
        if self.history.len() > cycle::MAX_HISTORY {
            return Err(format!("history: more than {}", cycle::MAX_HISTORY));
        }
        match self.cycle.state {
            cycle::CycleState::Submitted if self.cycle.submitted_on.is_none() => {
                return Err("cycle: submitted without submitted_on".into());
            }
            cycle::CycleState::Refused if self.cycle.refused_on.is_none() => {
                return Err("cycle: refused without refused_on".into());
            }
            _ => {}
        }
        Ok(())
    }

    /// Brings the items up to date with a recomputed plan, keeping the ticks
    /// of every item that is still there. Returns what changed. A change is
    /// stamped `now`; with `None` (a copy shown, not saved) the time the
    /// checklist last changed stays as it was.
    pub fn refresh(
        &mut self,
        plan: &RenewalPlan,
        now: impl Into<Option<DateTime<Utc>>>,
    ) -> Vec<Change> {
        let mut changes = Vec::new();
        let window = saved_window(plan);
        if (window.opens, window.closes) != (self.window.opens, self.window.closes) {
            changes.push(Change::Window {
                before: (self.window.opens, self.window.closes),
                after: (window.opens, window.closes),
            });
        }
        let fresh = items_for(plan);
        for old in &self.items {
            if !fresh.iter().any(|n| n.id == old.id) {
                changes.push(Change::Removed {
                    item: old.clone(),
                    was_done: old.done,
                });
            }
        }
        let mut merged = Vec::with_capacity(fresh.len());
        for mut item in fresh {
            match self.items.iter().find(|o| o.id == item.id) {
                Some(old) => {
                    item.done = old.done;
                    item.done_at = old.done_at;
                    item.extra = old.extra.clone();
                    // Only a document's name (from the data) is a real
                    // change; dates are told by the window line.
                    if old.kind == ItemKind::Document && old.name != item.name {
                        changes.push(Change::Reworded {
                            before: old.name.clone(),
                            after: item.name.clone(),
                        });
                    }
                }
                None => changes.push(Change::Added { item: item.clone() }),
            }
            merged.push(item);
        }
        let choices = choices_for(plan);
        let changed_items = merged != self.items || choices != self.choices;
        // New answers (F3, `checklist edit`) may change only the names.
        let renamed =
            plan.place_name() != self.region_name || plan.disease.name != self.disease_name;
        if changed_items
            || renamed
            || window != self.window
            || plan.data_version != self.data_version
        {
            self.items = merged;
            self.choices = choices;
            self.window = window;
            self.data_version = plan.data_version.clone();
            self.region_name = plan.place_name();
            self.disease_name = plan.disease.name.clone();
            if let Some(now) = now.into() {
                self.updated_at = now;
            }
        }
        changes
    }

    /// Finds an item by id, unique id prefix, or its 1-based number.
    pub(crate) fn find_item(&self, query: &str) -> Result<usize, ItemLookup> {
        let q = crate::text::to_half_width(query.trim());
        if let Some(i) = self.items.iter().position(|it| it.id == q) {
            return Ok(i);
        }
        if let Ok(n) = q.parse::<usize>() {
            return if (1..=self.items.len()).contains(&n) {
                Ok(n - 1)
            } else {
                Err(ItemLookup::NotFound)
            };
        }
        let hits: Vec<usize> = (0..self.items.len())
            .filter(|&i| {
                let it = &self.items[i];
                !q.is_empty()
                    && (it.id.starts_with(&q)
                        || it
                            .id
                            .split_once(':')
                            .is_some_and(|(_, rest)| rest.starts_with(&q)))
            })
            .collect();
        match hits.as_slice() {
            [one] => Ok(*one),
            [] => Err(ItemLookup::NotFound),
            many => Err(ItemLookup::Ambiguous(many.to_vec())),
        }
    }

    /// Marks item `index` done or not; returns whether anything changed.
    pub fn set_done(&mut self, index: usize, done: bool, now: DateTime<Utc>) -> bool {
        let Some(item) = self.items.get_mut(index) else {
            return false;
        };
        if item.done == done {
            return false;
        }
        item.done = done;
        item.done_at = done.then_some(now);
        self.updated_at = now;
        true
    }

    /// "Saved checklist … as … at PATH", for a person who just saved it.
    pub(crate) fn saved_message(&self, path: &std::path::Path, words: Words) -> String {
        words.tf(
            "cli.saved",
            &[
                ("label", &self.label),
                ("id", &self.id),
                ("path", &path.display()),
            ],
        )
    }

    /// (done, total) over the required items, an either/or group counting
    /// as one item, done when one of its routes is.
    pub fn progress(&self) -> (usize, usize) {
        let routed = |id: &str| {
            self.choices
                .iter()
                .flat_map(|c| &c.routes)
                .any(|r| r.items.iter().any(|i| i == id))
        };
        let required = self.items.iter().filter(|i| i.required && !routed(&i.id));
        let (done, total) = required.fold((0, 0), |(d, t), i| (d + usize::from(i.done), t + 1));
        let states = self.choice_states();
        let complete = states.iter().filter(|s| s.complete.is_some()).count();
        (done + complete, total + states.len())
    }

    /// Where each either/or group stands.
    pub(crate) fn choice_states(&self) -> Vec<ChoiceState<'_>> {
        self.choices
            .iter()
            .map(|choice| {
                let routes: Vec<(usize, usize)> = choice
                    .routes
                    .iter()
                    .map(|r| {
                        let items = self.items.iter().filter(|i| r.items.contains(&i.id));
                        items.fold((0, 0), |(d, t), i| (d + usize::from(i.done), t + 1))
                    })
                    .collect();
                let complete = routes.iter().position(|&(d, t)| t > 0 && d == t);
                ChoiceState {
                    choice,
                    routes,
                    complete,
                }
            })
            .collect()
    }

    /// The group and route item `id` belongs to, if any.
    pub(crate) fn route_of(&self, id: &str) -> Option<(&ItemChoice, usize)> {
        self.choices.iter().find_map(|c| {
            c.routes
                .iter()
                .position(|r| r.items.iter().any(|i| i == id))
                .map(|n| (c, n))
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ItemLookup {
    NotFound,
    Ambiguous(Vec<usize>),
}

/// One difference between a saved checklist and the current data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Window {
        before: (NaiveDate, NaiveDate),
        after: (NaiveDate, NaiveDate),
    },
    Added {
        item: Item,
    },
    Removed {
        item: Item,
        was_done: bool,
    },
    Reworded {
        before: String,
        after: String,
    },
}

#[cfg(test)]
mod one_deadline_tests;
#[cfg(test)]
mod tests;
