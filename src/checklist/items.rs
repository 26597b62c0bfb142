//! Building a checklist from a plan: its items (one per document, step,
//! question and tip, with ids that do not depend on dates) and its
//! either/or groups, and the window saved with it. Facts only.

use super::Item;
use super::{ItemChoice, ItemKind, ItemRoute, SavedWindow};
use crate::plan::RenewalPlan;

pub(super) fn saved_window(plan: &RenewalPlan) -> SavedWindow {
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
pub(super) fn no_renewal_inferred(plan: &RenewalPlan) -> bool {
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
