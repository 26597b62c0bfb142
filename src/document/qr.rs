//! The plan as short plain text for a QR code, at four levels of detail:
//! the kiosk's code and its tests read it. Output code: it reads the plan,
//! which knows nothing of it.

use crate::i18n::Words;
use crate::plan::render;
use crate::plan::{Deadline, RenewalPlan};

/// The plan as short plain text for a QR code, at a level of detail:
/// 0 everything (documents, channels, phones), 1 documents and two phones,
/// 2 the dates and one phone. The caller picks the richest that fits.
pub fn qr_text(plan: &RenewalPlan, level: u8, words: Words) -> String {
    if level >= 3 {
        return qr_compact(plan, words);
    }
    let mut lines = title_and_window(plan, level, words);
    // The day to apply by as the headline has it: a passed day or a
    // closed window is said as such, never as advice.
    let due = plan.deadline_days();
    let by = due
        .apply_by
        .map(|d| format!("{d}{}", render::estimated_mark(due.estimated, words)))
        .unwrap_or_default();
    lines.extend(match (due.standing, due.last_day) {
        (Deadline::ApplyBy, _) => Some(words.tf("qr.apply_by", &[("date", &by)])),
        (Deadline::Passed, _) => Some(words.tf("qr.apply_by_passed", &[("date", &by)])),
        (Deadline::Closed, Some(last)) => Some(words.tf("qr.closed", &[("closes", &last)])),
        (Deadline::Unknown, _) => Some(words.t("qr.apply_by_unknown").to_string()),
        // The grace line above says until when; no renewal has no day.
        (Deadline::Grace | Deadline::NotNeeded, _) | (Deadline::Closed, None) => None,
    });
    // What the person was told, which the dates above count with.
    if level <= 1 {
        lines.extend(render::learned_lines(plan, words));
    }
    if level <= 1 {
        let doc = |d: &crate::plan::PlanDocument| match d.earliest_date {
            Some(date) => words.tf(
                "qr.doc_dated",
                &[("name", &words.data(&d.name)), ("date", &date)],
            ),
            None => words.data(&d.name),
        };
        let mut docs: Vec<String> = plan
            .documents
            .iter()
            .filter(|d| d.route.is_none())
            .map(doc)
            .collect();
        // An either/or: one route's documents, or another's.
        for choice in &plan.document_choices {
            let routes: Vec<String> = choice
                .routes
                .iter()
                .map(|r| {
                    let in_route = plan.documents.iter().filter(|d| {
                        d.route
                            .as_ref()
                            .is_some_and(|at| at.choice == choice.id && at.route == r.id)
                    });
                    in_route
                        .map(doc)
                        .collect::<Vec<_>>()
                        .join(words.t("qr.and"))
                })
                .collect();
            docs.push(words.tf("qr.choice", &[("routes", &routes.join(words.t("qr.or")))]));
        }
        lines.push(format!(
            "{}{}",
            words.t("qr.documents"),
            docs.join(words.t("qr.sep"))
        ));
    }
    if level == 0 {
        for c in &plan.channels {
            let hours = c
                .hours
                .as_deref()
                .map(|h| format!(" {}", words.data(h)))
                .unwrap_or_default();
            lines.push(format!("{}{hours}", words.data(&c.name)));
        }
    }
    // Only phones of channels that handle the disease, then the service
    // line: every plan's code carries at least one number.
    let phones: Vec<String> = plan
        .contacts
        .iter()
        .map(|c| {
            // The smallest code keeps the number and drops the office's name.
            if level == 2 {
                c.phone.clone()
            } else {
                format!("{} {}", words.data(&c.name), c.phone)
            }
        })
        .take(match level {
            0 => usize::MAX,
            1 => 2,
            _ => 1,
        })
        .collect();
    if !phones.is_empty() {
        lines.push(format!(
            "{}{}",
            words.t("plan.phone"),
            phones.join(words.t("qr.sep"))
        ));
    }
    lines.join("\n")
}

/// The title and the window lines: the dates, whether they are a guess,
/// and the grace period after them; or that no renewal is needed.
fn title_and_window(plan: &RenewalPlan, level: u8, words: Words) -> Vec<String> {
    let mut lines = vec![words.tf(
        "qr.title",
        &[
            // No reading gloss here: a QR code has little room.
            ("region", &words.data(&plan.place_short_name())),
            (
                "disease",
                &words.name(&plan.disease.name, plan.disease.name_en.as_deref()),
            ),
        ],
    )];
    match &plan.window {
        None if inferred(plan) => lines.push(words.t("qr.no_renewal_inferred").to_string()),
        None => lines.push(words.t("qr.no_renewal").to_string()),
        Some(w) => {
            lines.push(words.tf("qr.window", &[("opens", &w.opens), ("closes", &w.closes)]));
            // The smallest code has room for one word that the window is a guess.
            match (w.assumed, level) {
                (false, _) => {}
                (true, 2) => lines
                    .last_mut()
                    .into_iter()
                    .for_each(|l| l.push_str(words.t("qr.estimated"))),
                (true, _) => lines.push(words.t("qr.assumed").to_string()),
            }
            if let Some(g) = &w.grace {
                lines.push(words.tf("qr.grace", &[("until", &g.until)]));
            }
        }
    }
    lines
}

/// "No renewal" is only the program's reading of the source (西安's other
/// diseases): the code says so and asks to confirm.
fn inferred(plan: &RenewalPlan) -> bool {
    plan.renewal_scope.as_ref().is_some_and(|s| s.inferred)
}

/// How many levels `qr_text` has, richest first.
pub(crate) const QR_LEVELS: u8 = 4;

/// The smallest text, for an 80x24 screen whatever the names: the region,
/// the window, the day to apply by and one phone number, tersely worded.
fn qr_compact(plan: &RenewalPlan, words: Words) -> String {
    let region = words.data(&plan.region.short_name);
    let Some(w) = &plan.window else {
        // No window and no day: that no renewal is needed, and a phone.
        let key = if inferred(plan) {
            "qr.compact.no_renewal_inferred"
        } else {
            "qr.compact.no_renewal"
        };
        let mut lines = vec![words.tf(key, &[("region", &region)])];
        lines.extend(
            plan.contacts
                .first()
                .map(|c| words.tf("qr.compact.phone", &[("phone", &c.phone)])),
        );
        return lines.join("\n");
    };
    let mut head = words.tf(
        "qr.compact.window",
        &[
            ("region", &region),
            ("opens", &w.opens),
            ("closes", &w.closes),
        ],
    );
    if w.assumed {
        head.push_str(words.t("qr.estimated"));
    }
    let due = plan.deadline_days();
    let by = due
        .apply_by
        .map(|d| format!("{d}{}", render::estimated_mark(due.estimated, words)))
        .unwrap_or_default();
    let mut lines = vec![
        head,
        match due.standing {
            Deadline::ApplyBy => words.tf("qr.compact.apply_by", &[("date", &by)]),
            // The window's dates are on the line above: the words only.
            Deadline::Passed => words.t("qr.compact.passed").to_string(),
            Deadline::Grace => words.tf("qr.compact.grace", &[("until", &w.last_day())]),
            Deadline::Closed => words.t("qr.compact.closed").to_string(),
            Deadline::Unknown => words.t("qr.compact.unknown").to_string(),
            Deadline::NotNeeded => words.t("plan.status.no_renewal").to_string(),
        },
    ];
    if let Some(c) = plan.contacts.first() {
        lines.push(words.tf("qr.compact.phone", &[("phone", &c.phone)]));
    }
    lines.join("\n")
}
