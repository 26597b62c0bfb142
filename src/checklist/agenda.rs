//! Many checklists at once: each one's next thing to do, the agenda of the
//! coming days, and a saved list that sorts by what is due and filters as
//! one types. Pure: the checklists, plans and today are arguments.

use crate::i18n::Words;
use chrono::NaiveDate;
use serde::Serialize;

use super::Checklist;
use super::cycle::{self, CycleState, CycleView};
use crate::plan::{RenewalPlan, Status};
use crate::policy::PolicySet;

/// What a checklist needs next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// The window has passed with nothing submitted.
    Late,
    /// Apply by this day (the plan's apply-by day).
    ApplyBy,
    /// The window's last day, when no apply-by day can be counted (no
    /// channel that serves the disease states its review time): apply
    /// early, the day to apply by is unknown.
    WindowCloses,
    /// The answer to an application is due.
    ResultDue,
    /// The window opens: prepare the documents.
    Prepare,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct NextAction {
    pub kind: ActionKind,
    pub date: NaiveDate,
    /// `date` counts days beyond the official holiday notices.
    pub estimated: bool,
    /// `date` is before today.
    pub overdue: bool,
}

/// The checklist's next action on `today`, from its plan (the saved window
/// when the data no longer knows it). `None`: nothing dated to do (refused,
/// or under review with no stated review time).
pub fn next_action(
    c: &Checklist,
    plan: Option<&RenewalPlan>,
    today: NaiveDate,
    policy: &PolicySet,
) -> Option<NextAction> {
    let action = |kind, date: NaiveDate, estimated| NextAction {
        kind,
        date,
        estimated,
        overdue: date < today,
    };
    match c.cycle.state {
        CycleState::Refused => None,
        CycleState::Submitted => match cycle::view(c, plan, today, policy) {
            CycleView::Submitted(r) => r
                .expected_result
                .map(|d| action(ActionKind::ResultDue, d, r.expected_result_estimated)),
            _ => None,
        },
        CycleState::Preparing => {
            // The plan's window when the data still knows it, else the saved one.
            let (status, opens, closes, last) = match plan.map(|p| (p.status, &p.window)) {
                Some((status, Some(w))) => (status, w.opens, w.closes, w.last_day()),
                Some((status, None)) => (status, today, today, today),
                None => (
                    c.window.status(today),
                    c.window.opens,
                    c.window.closes,
                    c.window.last_day(),
                ),
            };
            // The one deadline: the plan's, else the saved one (its
            // estimate mark included).
            let due = match plan {
                Some(p) => p.deadline_days(),
                None => c.window.deadline_days(today),
            };
            match status {
                Status::NotYetOpen => Some(action(ActionKind::Prepare, opens, false)),
                Status::Open => match (due.standing, due.apply_by) {
                    (crate::plan::Deadline::Unknown, _) | (_, None) => {
                        Some(action(ActionKind::WindowCloses, closes, false))
                    }
                    (_, Some(date)) => Some(action(ActionKind::ApplyBy, date, due.estimated)),
                },
                // Ended, but still accepted: the grace period's last day.
                Status::Grace => Some(action(ActionKind::ApplyBy, last, false)),
                Status::Expired => Some(action(ActionKind::Late, last, false)),
                // Nothing is ever due.
                Status::NoRenewal => None,
            }
        }
    }
}

/// The order of the saved list: what must be done first comes first —
/// late, apply-by and results by day, then windows opening by day, then
/// the checklists with nothing dated to do.
pub fn sort_key(action: Option<&NextAction>) -> (u8, NaiveDate) {
    match action {
        Some(a) if a.kind == ActionKind::Prepare => (1, a.date),
        Some(a) => (0, a.date),
        None => (2, NaiveDate::MAX),
    }
}

/// The next action the saved lists order by: from the saved window, with
/// today's plan only for a result's day (so 5,000 checklists open quickly).
pub fn list_action(c: &Checklist, today: NaiveDate, policy: &PolicySet) -> Option<NextAction> {
    let plan = (c.cycle.state == CycleState::Submitted)
        .then(|| c.plan(policy, today).ok())
        .flatten();
    next_action(c, plan.as_ref(), today, policy)
}

/// The one order of saved checklists, in the wizard's list and in `renew
/// checklist list`: [`sort_key`], then the label, then the id.
pub fn list_key<'a>(
    action: Option<&NextAction>,
    c: &'a Checklist,
) -> ((u8, NaiveDate), &'a str, &'a str) {
    (sort_key(action), &c.label, &c.id)
}

/// Days before a window opens that a checklist is marked "opens soon".
pub(crate) const OPENS_SOON_DAYS: i64 = 14;

/// The mark a checklist carries in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Mark {
    /// The apply-by day (or the window) has passed.
    Passed,
    /// The window opens within [`OPENS_SOON_DAYS`].
    OpensSoon,
    /// Submitted; the answer is awaited.
    UnderReview,
}

/// How a checklist under review stands, in the words of the wizard's list
/// and `checklist list` / `show`: 审核中, with the result day expected (or
/// passed) when there is one.
pub(crate) fn review_words(next: Option<&NextAction>, words: Words) -> String {
    let day = cycle::month_day;
    match next {
        Some(a) if a.overdue => {
            words.tf("tui.home.review_overdue", &[("date", &day(a.date, words))])
        }
        Some(a) => words.tf(
            "tui.home.review_due",
            &[(
                "date",
                &format!(
                    "{}{}",
                    day(a.date, words),
                    crate::plan::render::estimated_mark(a.estimated, words)
                ),
            )],
        ),
        None => words.t("tui.home.review").to_string(),
    }
}

pub(crate) fn mark(c: &Checklist, action: Option<&NextAction>, today: NaiveDate) -> Option<Mark> {
    if c.cycle.state == CycleState::Submitted {
        return Some(Mark::UnderReview);
    }
    let a = action?;
    match a.kind {
        ActionKind::Late | ActionKind::ApplyBy | ActionKind::WindowCloses if a.overdue => {
            Some(Mark::Passed)
        }
        ActionKind::Prepare if (a.date - today).num_days() <= OPENS_SOON_DAYS => {
            Some(Mark::OpensSoon)
        }
        _ => None,
    }
}

/// One line of the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgendaEntry {
    pub id: String,
    pub label: String,
    pub region: String,
    pub disease: String,
    #[serde(flatten)]
    pub action: NextAction,
    /// Required items done and in all (an either/or group counts once).
    pub done: usize,
    pub total: usize,
    /// Either/or groups none of whose routes is complete yet.
    pub open_choices: Vec<OpenChoice>,
}

/// An either/or group still to settle: its id and the data's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenChoice {
    pub id: String,
    pub name: String,
    pub name_en: Option<String>,
}

/// Every checklist whose next action falls on or before `today + days`
/// (overdue ones included: they are still to do), by date, then label.
/// The last day of a `days`-day agenda from `today`: a 7-day agenda is
/// today and the 6 days after it; 0 or 1 day is today alone.
pub fn last_day(today: NaiveDate, days: u32) -> NaiveDate {
    today
        .checked_add_days(chrono::Days::new(u64::from(days.saturating_sub(1))))
        .unwrap_or(NaiveDate::MAX)
}

pub fn agenda<'a>(
    actions: impl IntoIterator<Item = (&'a Checklist, Option<NextAction>)>,
    today: NaiveDate,
    days: u32,
) -> Vec<AgendaEntry> {
    let last = last_day(today, days);
    let mut out: Vec<AgendaEntry> = actions
        .into_iter()
        .filter_map(|(c, a)| {
            let a = a.filter(|a| a.date <= last)?;
            let (done, total) = c.progress();
            let open_choices = c
                .choice_states()
                .iter()
                .filter(|s| s.complete.is_none())
                .map(|s| OpenChoice {
                    id: s.choice.id.clone(),
                    name: s.choice.name.clone(),
                    name_en: s.choice.name_en.clone(),
                })
                .collect();
            Some(AgendaEntry {
                id: c.id.clone(),
                label: c.label.clone(),
                region: c.region_name.clone(),
                disease: c.disease_name.clone(),
                action: a,
                done,
                total,
                open_choices,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (a.action.date, a.action.kind, &a.label, &a.id).cmp(&(
            b.action.date,
            b.action.kind,
            &b.label,
            &b.id,
        ))
    });
    out
}

/// What the saved list filters on, worked out once when the list opens so
/// a keystroke only compares strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterKeys {
    keys: Vec<String>,
}

/// The keys of one text: normalized, and for Chinese its pinyin and
/// initials (Traditional is read as Simplified).
fn text_keys(text: &str) -> Vec<String> {
    let text = crate::i18n::to_simplified(text);
    let mut keys = Vec::new();
    if !text.is_ascii() {
        let (full, initials) = crate::search::pinyin_keys(&text);
        keys.extend([full, initials].into_iter().filter(|k| !k.is_empty()));
    }
    let n = crate::text::normalize(&text);
    if !n.is_empty() {
        keys.push(n);
    }
    keys
}

/// A query as the keys are written, or None when it is too long to be one.
fn normalize_query(query: &str) -> Option<String> {
    if crate::search::too_long(query) {
        return None;
    }
    Some(crate::text::normalize(&crate::i18n::to_simplified(query)))
}

impl FilterKeys {
    /// Label, region and disease (with the names the disease goes by),
    /// normalized, with their pinyin and initials.
    pub fn new(c: &Checklist, policy: &PolicySet) -> FilterKeys {
        let keys = [&c.label, &c.region_name, &c.id]
            .into_iter()
            .chain(c.notes.iter().map(|n| &n.text))
            .flat_map(|t| text_keys(t))
            .chain(disease_keys(c, policy))
            .collect();
        FilterKeys { keys }
    }

    /// Whether the checklist matches what was typed (any key contains it;
    /// an empty query matches all).
    pub fn matches(&self, query: &str) -> bool {
        normalize_query(query).is_some_and(|q| self.contains(&q))
    }

    fn contains(&self, normalized: &str) -> bool {
        normalized.is_empty() || self.keys.iter().any(|k| k.contains(normalized))
    }
}

/// The names a checklist's disease goes by: the name saved with it, the
/// region entry's aliases (乙肝 for 青岛's 慢性乙型病毒性肝炎、肝硬化) and
/// the disease the person typed with its common name, each with its
/// pinyin and initials.
fn disease_keys(c: &Checklist, policy: &PolicySet) -> Vec<String> {
    let entry = policy
        .region(&c.answers.region)
        .and_then(|r| r.disease(&c.answers.disease));
    let typed = c
        .typed_disease
        .iter()
        .flat_map(|t| [&t.text, &t.concept_name]);
    std::iter::once(&c.disease_name)
        .chain(entry.into_iter().flat_map(|d| &d.aliases))
        .chain(typed)
        .flat_map(|t| text_keys(t))
        .collect()
}

/// The filter keys of every checklist, as [`FilterKeys::new`] makes them.
/// Region and disease names repeat across a clinic's checklists: each
/// distinct region name and disease (region, entry, typed disease) is
/// turned into pinyin once.
pub fn filter_keys(lists: &[Checklist], policy: &PolicySet) -> Vec<FilterKeys> {
    let mut regions: std::collections::HashMap<&str, Vec<String>> = Default::default();
    let mut diseases: std::collections::HashMap<_, Vec<String>> = Default::default();
    lists
        .iter()
        .map(|c| {
            let mut keys = text_keys(&c.label);
            keys.extend_from_slice(
                regions
                    .entry(&c.region_name)
                    .or_insert_with(|| text_keys(&c.region_name)),
            );
            let disease = (
                &c.answers.region,
                &c.answers.disease,
                &c.disease_name,
                c.typed_disease.as_ref().map(|t| &t.text),
            );
            keys.extend(text_keys(&c.id));
            for n in &c.notes {
                keys.extend(text_keys(&n.text));
            }
            keys.extend_from_slice(
                diseases
                    .entry(disease)
                    .or_insert_with(|| disease_keys(c, policy)),
            );
            FilterKeys { keys }
        })
        .collect()
}

/// The indices of the checklists `query` matches, in their order.
pub fn filter(keys: &[FilterKeys], query: &str) -> Vec<usize> {
    // Normalized once, not once per checklist.
    let Some(q) = normalize_query(query) else {
        return Vec::new();
    };
    (0..keys.len()).filter(|&i| keys[i].contains(&q)).collect()
}

/// Two saved checklists are likely the same person's twice: same label,
/// region and disease.
pub(crate) fn same_as<'a>(lists: &'a [Checklist], c: &Checklist) -> Option<&'a Checklist> {
    lists.iter().find(|o| {
        o.id != c.id
            && o.label == c.label
            && o.answers.region == c.answers.region
            && o.answers.disease == c.answers.disease
    })
}

/// A label not used by another checklist of the same region and disease:
/// `base`, else `base 2`, `base 3`, … (`lists`: a slice, or the saved
/// checklists less the one whose answers are being changed).
pub(crate) fn distinct_label<'a>(
    lists: impl IntoIterator<Item = &'a Checklist> + Clone,
    base: &str,
    region: &str,
    disease: &str,
) -> String {
    let taken = |label: &str| {
        lists
            .clone()
            .into_iter()
            .any(|o| o.label == label && o.answers.region == region && o.answers.disease == disease)
    };
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base} {n}"))
        .find(|l| !taken(l))
        .unwrap_or_else(|| base.to_string())
}

#[cfg(test)]
mod tests;
