//! The checklist a person builds up over weeks: one item per document to
//! prepare and per step to take, derived from a plan. Items keep stable ids,
//! so recomputing the plan (new data, another day) keeps every tick.
//! Pure: times are arguments; the store (`store`) does the I/O. Its
//! outputs (the sheet, the calendar file) are `document`'s: nothing here
//! names `document`.

pub mod agenda;
pub mod cycle;
pub mod learned_pack;
pub mod notes;
pub mod store;
pub(crate) mod words;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::i18n::{t, tf};
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
            label: if label.is_empty() {
                crate::vocabulary::entry_with_typed(&plan.disease.name, plan.disease.typed.as_ref())
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
    pub fn disease_shown(&self) -> String {
        crate::vocabulary::entry_with_typed(&self.disease_name, self.typed_disease.as_ref())
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
    pub(crate) fn saved_message(&self, path: &std::path::Path) -> String {
        tf(
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

impl Change {
    pub(crate) fn describe(&self) -> String {
        match self {
            Change::Window { before, after } => tf(
                "checklist.change.window",
                &[
                    ("b1", &before.0),
                    ("b2", &before.1),
                    ("a1", &after.0),
                    ("a2", &after.1),
                ],
            ),
            Change::Added { item } => tf("checklist.change.added", &[("text", &item_name(item))]),
            Change::Removed { item, was_done } => tf(
                if *was_done {
                    "checklist.change.removed_done"
                } else {
                    "checklist.change.removed"
                },
                &[("text", &item_name(item))],
            ),
            Change::Reworded { before, after } => tf(
                "checklist.change.reworded",
                &[("before", before), ("after", after)],
            ),
        }
    }
}

fn saved_window(plan: &RenewalPlan) -> SavedWindow {
    match &plan.window {
        Some(w) => SavedWindow {
            opens: w.opens,
            closes: w.closes,
            months: w.months.unwrap_or(0),
            assumed: w.assumed,
            apply_by: plan.apply_by.as_ref().map(|a| a.date),
            apply_by_estimated: plan.apply_by.as_ref().is_some_and(|a| a.estimated),
            days: w.days,
            grace_until: w.grace.as_ref().map(|g| g.until),
            no_renewal: false,
            no_renewal_inferred: false,
        },
        None => SavedWindow {
            opens: plan.validity_end,
            closes: plan.validity_end,
            months: 0,
            assumed: false,
            apply_by: None,
            apply_by_estimated: false,
            days: None,
            grace_until: None,
            no_renewal: true,
            no_renewal_inferred: no_renewal_inferred(plan),
        },
    }
}

/// No renewal, but only as the program reads the source (西安's other
/// diseases).
fn no_renewal_inferred(plan: &RenewalPlan) -> bool {
    plan.window.is_none() && plan.renewal_scope.as_ref().is_some_and(|s| s.inferred)
}

/// The plan's either/or groups, as items: a route's documents become its
/// items (`doc:<id>`).
pub(crate) fn choices_for(plan: &RenewalPlan) -> Vec<ItemChoice> {
    plan.document_choices
        .iter()
        .map(|c| ItemChoice {
            id: c.id.clone(),
            name: c.name.clone(),
            name_en: c.name_en.clone(),
            routes: c
                .routes
                .iter()
                .map(|r| ItemRoute {
                    id: r.id.clone(),
                    name: r.name.clone(),
                    name_en: r.name_en.clone(),
                    who: r.who.clone(),
                    items: plan
                        .documents
                        .iter()
                        .filter(|d| {
                            d.route
                                .as_ref()
                                .is_some_and(|at| at.choice == c.id && at.route == r.id)
                        })
                        .map(|d| format!("doc:{}", d.id))
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

/// The items a plan asks for. Ids depend only on what the item is (a
/// document id, a step name), never on dates, so ticks survive a recompute.
/// Facts only: the words are chosen by [`item_text`].
pub(crate) fn items_for(plan: &RenewalPlan) -> Vec<Item> {
    let item = |id: String, kind: ItemKind, required: bool| Item {
        id,
        name: String::new(),
        name_en: None,
        note: None,
        earliest_date: None,
        kind,
        required,
        done: false,
        done_at: None,
        extra: serde_json::Map::new(),
    };
    let mut items = Vec::new();
    let renewing = plan.window.is_some();
    // Nothing to renew: the documents are needed only when filing anew
    // (another hospital), so none of it is called required; what still
    // matters follows the steps, as tips.
    for d in &plan.documents {
        items.push(Item {
            name: d.name.clone(),
            name_en: d.name_en.clone(),
            earliest_date: d.earliest_date,
            ..item(format!("doc:{}", d.id), ItemKind::Document, renewing)
        });
    }
    // An inferred "no renewal" is the one thing to confirm, and that is
    // required: the source does not say it.
    let inferred = no_renewal_inferred(plan);
    let confirm = plan.window.as_ref().is_some_and(|w| w.assumed)
        || inferred
        || plan
            .warnings
            .iter()
            .any(|x| x.code() == "sources_old" || x.code() == "region_generic");
    let steps = [
        ("confirm", confirm),
        // Nothing to apply for when no renewal is needed.
        ("choose-channel", renewing),
        ("apply", renewing),
        ("result", renewing),
        ("cp-filing", plan.cross_province),
        ("cp-hospital", plan.cross_province),
    ];
    // The numbers to confirm on, saved with the item (data, not words).
    let phones = plan
        .contacts
        .iter()
        .take(2)
        .map(|c| c.phone.as_str())
        .collect::<Vec<_>>()
        .join(" / ");
    for (id, wanted) in steps {
        if wanted {
            // Confirming that no renewal is needed is advice, not a duty.
            let required = renewing || id != "confirm" || inferred;
            let mut step = item(format!("step:{id}"), ItemKind::Step, required);
            if id == "confirm" && !phones.is_empty() {
                step.note = Some(phones.clone());
            }
            items.push(step);
        }
        // What to ask on that call, one item per question: required when
        // the answer decides whether, when, where or with what to apply.
        if id == "confirm" {
            for q in &plan.questions {
                use crate::plan::questions::Unknown;
                let required = !matches!(q.about, Unknown::Validity | Unknown::Continuity);
                items.push(item(
                    format!("ask:{}", q.about.id()),
                    ItemKind::Step,
                    required,
                ));
            }
        }
    }
    for n in plan.still_matters.iter().filter(|_| !renewing) {
        items.push(Item {
            name: n.title.clone(),
            note: Some(n.text.clone()),
            ..item(format!("tip:{}", n.id), ItemKind::Tip, false)
        });
    }
    for n in &plan.notes {
        items.push(Item {
            name: n.title.clone(),
            note: Some(n.text.clone()),
            ..item(format!("tip:{}", n.id), ItemKind::Tip, false)
        });
    }
    items
}

/// The keys of a step's short name and of its line, by step id.
fn step_keys(id: &str) -> Option<(&'static str, &'static str)> {
    Some(match id {
        "confirm" => ("checklist.item.confirm", "checklist.item.confirm"),
        "choose-channel" => (
            "checklist.item.choose_channel",
            "checklist.item.choose_channel",
        ),
        "apply" => ("checklist.item.apply_name", "checklist.item.apply_by"),
        "result" => ("checklist.item.result", "checklist.item.result"),
        "cp-filing" => ("checklist.item.cp_filing", "checklist.item.cp_filing"),
        "cp-hospital" => ("checklist.item.cp_hospital", "checklist.item.cp_hospital"),
        _ => return None,
    })
}

/// What the item is about, without dates, in this thread's language: a
/// document's or tip's name from the data, a step's name in the UI language.
pub(crate) fn item_name(item: &Item) -> String {
    if let Some(q) = question_of(item) {
        return tf(
            "checklist.item.ask",
            &[("question", &crate::plan::render::question_words(q))],
        );
    }
    match item.id.strip_prefix("step:").and_then(step_keys) {
        Some((name, _)) => t(name).to_string(),
        None if !item.name.is_empty() => item.name.clone(),
        None => item.id.clone(),
    }
}

/// The question an `ask:<about>` item stands for.
fn question_of(item: &Item) -> Option<crate::plan::questions::Unknown> {
    let id = item.id.strip_prefix("ask:")?;
    crate::plan::questions::Unknown::ALL
        .into_iter()
        .find(|q| q.id() == id)
}

/// The apply step's line on `today`: the window, and the day to apply by as
/// [`crate::plan::Deadline`] has it then.
pub(crate) fn apply_line(window: &SavedWindow, today: NaiveDate) -> String {
    use crate::plan::Deadline;
    let status = window.status(today);
    let due = window.deadline_days(today);
    let by = due
        .apply_by
        .map(|by| format!("{by}{}", crate::plan::render::estimated_mark(due.estimated)));
    let key = match due.standing {
        Deadline::ApplyBy => "checklist.item.apply_by",
        Deadline::Passed => "checklist.item.apply_passed",
        Deadline::Grace => "checklist.item.apply_grace",
        Deadline::Closed => "checklist.item.apply_closed",
        Deadline::Unknown => "checklist.item.apply_unknown",
        // No dates where nothing is due.
        Deadline::NotNeeded => return t("checklist.item.apply_name").to_string(),
    };
    let mut line = tf(
        key,
        &[
            ("opens", &window.opens),
            ("closes", &window.closes),
            ("by", &by.unwrap_or_default()),
            ("until", &window.last_day()),
        ],
    );
    // Before the end date, say that a grace period follows it.
    if let Some(until) = window.grace_until
        && matches!(status, Status::NotYetOpen | Status::Open)
    {
        line.push_str(&tf("checklist.item.grace", &[("until", &until)]));
    }
    line
}

/// The line shown for an item on `today`, in this thread's language: its
/// name with the dates that apply (records dated on or after a day; the
/// window and the day to apply by, from the checklist's saved window, said
/// as [`crate::plan::Deadline`] has it on `today`: a passed day or a closed
/// window is never shown as advice). Made at display time from the item's
/// id and facts; user and data text is put in as a value, never read for
/// placeholders.
pub fn item_text(item: &Item, window: &SavedWindow, today: NaiveDate) -> String {
    if let Some(step) = item.id.strip_prefix("step:")
        && step_keys(step).is_some()
    {
        if step == "confirm" && window.no_renewal_inferred {
            return match &item.note {
                Some(phone) => tf(
                    "checklist.item.confirm_no_renewal_inferred_phone",
                    &[("phone", phone)],
                ),
                None => t("checklist.item.confirm_no_renewal_inferred").to_string(),
            };
        }
        if step == "confirm" && window.no_renewal {
            return match &item.note {
                Some(phone) => tf(
                    "checklist.item.confirm_no_renewal_phone",
                    &[("phone", phone)],
                ),
                None => t("checklist.item.confirm_no_renewal").to_string(),
            };
        }
        if let ("confirm", Some(phone)) = (step, &item.note) {
            return tf("checklist.item.confirm_phone", &[("phone", phone)]);
        }
        if step != "apply" {
            return step_keys(step).map_or_else(String::new, |(_, line)| t(line).to_string());
        }
        return apply_line(window, today);
    }
    match (item.kind, item.earliest_date, &item.note) {
        (ItemKind::Document, Some(date), _) => tf(
            "checklist.item.document_dated",
            &[
                (
                    "name",
                    &crate::i18n::name(&item.name, item.name_en.as_deref()),
                ),
                ("date", &date),
            ],
        ),
        (ItemKind::Tip, _, Some(note)) => format!("{}{}{note}", item.name, t("fmt.colon")),
        (ItemKind::Document, None, _) if !item.name.is_empty() => {
            crate::i18n::name(&item.name, item.name_en.as_deref())
        }
        _ => item_name(item),
    }
}

/// An either/or group's name in this thread's language.
fn choice_name(choice: &ItemChoice) -> String {
    crate::i18n::name(&choice.name, choice.name_en.as_deref())
}

/// Route `n` (from 0) of a group as a label: its number, name and who it
/// is for, e.g. "途径 1：住院确诊（经住院确诊的）".
pub(crate) fn route_label(choice: &ItemChoice, n: usize) -> String {
    let Some(route) = choice.routes.get(n) else {
        return String::new();
    };
    let name = crate::i18n::name(&route.name, route.name_en.as_deref());
    match &route.who {
        Some(who) => tf(
            "checklist.choice.route_who",
            &[("n", &(n + 1)), ("route", &name), ("who", who)],
        ),
        None => tf(
            "checklist.choice.route",
            &[("n", &(n + 1)), ("route", &name)],
        ),
    }
}

/// What an either/or group asks, before anything is ticked: one route is
/// enough, the one that fits the person.
pub(crate) fn choice_intro(choice: &ItemChoice) -> String {
    tf(
        "checklist.choice.intro",
        &[
            ("choice", &choice_name(choice)),
            ("n", &choice.routes.len()),
        ],
    )
}

/// Where an either/or group stands: which route is complete (the others'
/// documents are not needed), or that none is yet and which to choose.
pub(crate) fn choice_status(state: &ChoiceState) -> String {
    let choice = state.choice;
    match state.complete {
        Some(n) => tf(
            "checklist.choice.complete",
            &[
                ("choice", &choice_name(choice)),
                ("label", &route_label(choice, n)),
            ],
        ),
        None => {
            let routes: Vec<String> = (0..choice.routes.len())
                .map(|n| route_label(choice, n))
                .collect();
            tf(
                "checklist.choice.open",
                &[
                    ("choice", &choice_name(choice)),
                    ("routes", &routes.join(t("checklist.choice.sep"))),
                ],
            )
        }
    }
}

/// The short mark a route's item carries where it stands alone on a line
/// (the wizard's checklist tab, `checklist tick`): which route it is of
/// which either/or.
pub(crate) fn route_tag(checklist: &Checklist, item: &Item) -> Option<String> {
    let (choice, n) = checklist.route_of(&item.id)?;
    let route = choice.routes.get(n)?;
    Some(tf(
        "checklist.choice.tag",
        &[
            ("n", &(n + 1)),
            (
                "route",
                &crate::i18n::name(&route.name, route.name_en.as_deref()),
            ),
        ],
    ))
}

#[cfg(test)]
mod one_deadline_tests;
#[cfg(test)]
mod tests;
