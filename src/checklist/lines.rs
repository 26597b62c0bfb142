//! The words of a checklist's items, either/or groups and changes, made
//! at display time from their ids and facts.

use chrono::NaiveDate;

use super::{Change, Checklist, ChoiceState, Item, ItemChoice, ItemKind, SavedWindow};
use crate::i18n::Words;
use crate::plan::Status;

impl Change {
    pub(crate) fn describe(&self, words: Words) -> String {
        match self {
            Change::Window { before, after } => words.tf(
                "checklist.change.window",
                &[
                    ("b1", &before.0),
                    ("b2", &before.1),
                    ("a1", &after.0),
                    ("a2", &after.1),
                ],
            ),
            Change::Added { item } => words.tf(
                "checklist.change.added",
                &[("text", &item_name(item, words))],
            ),
            Change::Removed { item, was_done } => words.tf(
                if *was_done {
                    "checklist.change.removed_done"
                } else {
                    "checklist.change.removed"
                },
                &[("text", &item_name(item, words))],
            ),
            Change::Reworded { before, after } => words.tf(
                "checklist.change.reworded",
                &[("before", before), ("after", after)],
            ),
        }
    }
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

/// What the item is about, without dates, in `words`: a
/// document's or tip's name from the data, a step's name in the UI language.
pub(crate) fn item_name(item: &Item, words: Words) -> String {
    if let Some(q) = question_of(item) {
        return words.tf(
            "checklist.item.ask",
            &[("question", &crate::plan::render::question_words(q, words))],
        );
    }
    match item.id.strip_prefix("step:").and_then(step_keys) {
        Some((name, _)) => words.t(name).to_string(),
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
pub(crate) fn apply_line(window: &SavedWindow, today: NaiveDate, words: Words) -> String {
    use crate::plan::Deadline;
    let status = window.status(today);
    let due = window.deadline_days(today);
    let by = due.apply_by.map(|by| {
        format!(
            "{by}{}",
            crate::plan::render::estimated_mark(due.estimated, words)
        )
    });
    let key = match due.standing {
        Deadline::ApplyBy => "checklist.item.apply_by",
        Deadline::Passed => "checklist.item.apply_passed",
        Deadline::Grace => "checklist.item.apply_grace",
        Deadline::Closed => "checklist.item.apply_closed",
        Deadline::Unknown => "checklist.item.apply_unknown",
        // No dates where nothing is due.
        Deadline::NotNeeded => return words.t("checklist.item.apply_name").to_string(),
    };
    let mut line = words.tf(
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
        line.push_str(&words.tf("checklist.item.grace", &[("until", &until)]));
    }
    line
}

/// The line shown for an item on `today`, in `words`: its
/// name with the dates that apply (records dated on or after a day; the
/// window and the day to apply by, from the checklist's saved window, said
/// as [`crate::plan::Deadline`] has it on `today`: a passed day or a closed
/// window is never shown as advice). Made at display time from the item's
/// id and facts; user and data text is put in as a value, never read for
/// placeholders.
pub fn item_text(item: &Item, window: &SavedWindow, today: NaiveDate, words: Words) -> String {
    if let Some(step) = item.id.strip_prefix("step:")
        && step_keys(step).is_some()
    {
        if step == "confirm" && window.no_renewal_inferred {
            return match &item.note {
                Some(phone) => words.tf(
                    "checklist.item.confirm_no_renewal_inferred_phone",
                    &[("phone", phone)],
                ),
                None => words
                    .t("checklist.item.confirm_no_renewal_inferred")
                    .to_string(),
            };
        }
        if step == "confirm" && window.no_renewal {
            return match &item.note {
                Some(phone) => words.tf(
                    "checklist.item.confirm_no_renewal_phone",
                    &[("phone", phone)],
                ),
                None => words.t("checklist.item.confirm_no_renewal").to_string(),
            };
        }
        if let ("confirm", Some(phone)) = (step, &item.note) {
            return words.tf("checklist.item.confirm_phone", &[("phone", phone)]);
        }
        if step != "apply" {
            return step_keys(step).map_or_else(String::new, |(_, line)| words.t(line).to_string());
        }
        return apply_line(window, today, words);
    }
    match (item.kind, item.earliest_date, &item.note) {
        (ItemKind::Document, Some(date), _) => words.tf(
            "checklist.item.document_dated",
            &[
                ("name", &words.name(&item.name, item.name_en.as_deref())),
                ("date", &date),
            ],
        ),
        (ItemKind::Tip, _, Some(note)) => format!("{}{}{note}", item.name, words.t("fmt.colon")),
        (ItemKind::Document, None, _) if !item.name.is_empty() => {
            words.name(&item.name, item.name_en.as_deref())
        }
        _ => item_name(item, words),
    }
}

/// An either/or group's name in `words`.
fn choice_name(choice: &ItemChoice, words: Words) -> String {
    words.name(&choice.name, choice.name_en.as_deref())
}

/// Route `n` (from 0) of a group as a label: its number, name and who it
/// is for, e.g. "途径 1：住院确诊（经住院确诊的）".
pub(crate) fn route_label(choice: &ItemChoice, n: usize, words: Words) -> String {
    let Some(route) = choice.routes.get(n) else {
        return String::new();
    };
    let name = words.name(&route.name, route.name_en.as_deref());
    match &route.who {
        Some(who) => words.tf(
            "checklist.choice.route_who",
            &[("n", &(n + 1)), ("route", &name), ("who", who)],
        ),
        None => words.tf(
            "checklist.choice.route",
            &[("n", &(n + 1)), ("route", &name)],
        ),
    }
}

/// What an either/or group asks, before anything is ticked: one route is
/// enough, the one that fits the person.
pub(crate) fn choice_intro(choice: &ItemChoice, words: Words) -> String {
    words.tf(
        "checklist.choice.intro",
        &[
            ("choice", &choice_name(choice, words)),
            ("n", &choice.routes.len()),
        ],
    )
}

/// Where an either/or group stands: which route is complete (the others'
/// documents are not needed), or that none is yet and which to choose.
pub(crate) fn choice_status(state: &ChoiceState, words: Words) -> String {
    let choice = state.choice;
    match state.complete {
        Some(n) => words.tf(
            "checklist.choice.complete",
            &[
                ("choice", &choice_name(choice, words)),
                ("label", &route_label(choice, n, words)),
            ],
        ),
        None => {
            let routes: Vec<String> = (0..choice.routes.len())
                .map(|n| route_label(choice, n, words))
                .collect();
            words.tf(
                "checklist.choice.open",
                &[
                    ("choice", &choice_name(choice, words)),
                    ("routes", &routes.join(words.t("checklist.choice.sep"))),
                ],
            )
        }
    }
}

/// The short mark a route's item carries where it stands alone on a line
/// (the wizard's checklist tab, `checklist tick`): which route it is of
/// which either/or.
pub(crate) fn route_tag(checklist: &Checklist, item: &Item, words: Words) -> Option<String> {
    let (choice, n) = checklist.route_of(&item.id)?;
    let route = choice.routes.get(n)?;
    Some(words.tf(
        "checklist.choice.tag",
        &[
            ("n", &(n + 1)),
            ("route", &words.name(&route.name, route.name_en.as_deref())),
        ],
    ))
}
