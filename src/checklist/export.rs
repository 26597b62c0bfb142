//! A checklist for paper and for a phone's calendar: a printable sheet
//! (text or Markdown) and an iCalendar file (RFC 5545) with reminders.

use chrono::{Duration, NaiveDate, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike};

use super::{Checklist, Item, ItemKind};
use crate::i18n::{t, tf};
use crate::plan::RenewalPlan;
use crate::plan::render::{self, wrap};

fn mark(item: &Item) -> &'static str {
    if item.done { "☑" } else { "☐" }
}

/// The items as lines, required first, each with its tick box.
pub fn item_lines(checklist: &Checklist, width: usize, markdown: bool) -> Vec<String> {
    let mut out = Vec::new();
    let (done, total) = checklist.progress();
    out.push(tf(
        "checklist.progress",
        &[("done", &done), ("total", &total)],
    ));
    if markdown {
        out.push(String::new());
    }
    let groups = [
        (ItemKind::Document, "checklist.group.documents"),
        (ItemKind::Step, "checklist.group.steps"),
        (ItemKind::Tip, "checklist.group.tips"),
    ];
    let mut n = 0;
    for (kind, key) in groups {
        let items: Vec<&Item> = checklist.items.iter().filter(|i| i.kind == kind).collect();
        if items.is_empty() {
            continue;
        }
        out.push(if markdown {
            format!("**{}**", t(key))
        } else {
            format!("  {}", t(key))
        });
        if markdown {
            out.push(String::new());
        }
        for item in items {
            n += 1;
            if markdown {
                let box_ = if item.done { "[x]" } else { "[ ]" };
                out.push(format!("- {box_} {n}. {}", item.text));
            } else {
                let prefix = format!("  {} {n}. ", mark(item));
                let indent = " ".repeat(unicode_width::UnicodeWidthStr::width(prefix.as_str()));
                for (i, l) in wrap(
                    &item.text,
                    width.saturating_sub(prefix.len().min(width / 2)).max(20),
                )
                .into_iter()
                .enumerate()
                {
                    out.push(format!("{}{l}", if i == 0 { &prefix } else { &indent }));
                }
            }
        }
        if markdown {
            out.push(String::new());
        }
    }
    out
}

/// The printable sheet: who and when, the checklist with ☐/☑, channels
/// with addresses and phones, sources and the official-notice caution.
pub fn sheet(
    checklist: &Checklist,
    plan: Option<&RenewalPlan>,
    printed_on: NaiveDate,
    markdown: bool,
) -> String {
    let width = 78;
    let head = tf(
        "checklist.sheet.head",
        &[
            ("label", &checklist.label),
            ("id", &checklist.id),
            ("date", &printed_on),
        ],
    );
    let items = item_lines(checklist, width, markdown);
    let body = match plan {
        Some(plan) if markdown => render::markdown_with(plan, Some(&items)),
        Some(plan) => render::text_with(plan, width, Some(&items)),
        None => {
            let mut s = format!("{}\n", t("checklist.sheet.no_plan"));
            for l in &items {
                s.push_str(l);
                s.push('\n');
            }
            s
        }
    };
    if markdown {
        format!("> {head}\n\n{body}")
    } else {
        format!("{head}\n\n{body}")
    }
}

fn event(
    checklist: &Checklist,
    key: &str,
    date: NaiveDate,
    summary: String,
    description: &str,
) -> Event {
    let mut e = Event::new();
    e.uid(&format!("{}-{key}@renewal-assistant", checklist.id))
        .timestamp(checklist.updated_at.with_timezone(&Utc))
        .all_day(date)
        .summary(&summary)
        .description(description);
    for days in [7, 1] {
        e.alarm(Alarm::display(
            &tf(
                "checklist.ics.alarm",
                &[("summary", &summary), ("n", &days)],
            ),
            -Duration::days(days),
        ));
    }
    e.done()
}

/// An iCalendar file with all-day events for the day the window opens, the
/// suggested apply-by day and the end date, each with reminders 7 days and
/// 1 day before.
pub fn ics(checklist: &Checklist, plan: Option<&RenewalPlan>) -> String {
    let w = &checklist.window;
    let who = &checklist.label;
    let disease = &checklist.disease_name;
    let mut about = tf(
        "checklist.ics.about",
        &[
            ("region", &checklist.region_name),
            ("disease", disease),
            ("opens", &w.opens),
            ("closes", &w.closes),
        ],
    );
    if w.assumed {
        about.push_str(t("checklist.ics.assumed"));
    }
    if let Some(plan) = plan {
        let phones: Vec<String> = plan
            .channels
            .iter()
            .flat_map(|c| c.contacts.iter())
            .filter_map(|c| c.phone.as_ref().map(|p| format!("{} {p}", c.name)))
            .take(4)
            .collect();
        if !phones.is_empty() {
            about.push_str(&format!("\n{}{}", t("plan.phone"), phones.join("；")));
        }
        about.push_str(&format!("\n{}", plan.caution));
        if let Some(w) = plan
            .warnings
            .iter()
            .find(|w| w.code() == "calendar_estimated")
        {
            about.push_str(t("checklist.ics.estimated"));
            about.push_str(&format!("\n{}", render::warning_text(w)));
        }
    }
    let by_mark = plan
        .and_then(|p| p.apply_by.as_ref())
        .map(|a| render::estimated_mark(a.estimated))
        .unwrap_or_default();
    let mut cal = Calendar::new();
    cal.name(&tf("checklist.ics.name", &[("label", who)]));
    cal.push(event(
        checklist,
        "opens",
        w.opens,
        tf(
            "checklist.ics.opens",
            &[("label", who), ("disease", disease)],
        ),
        &about,
    ));
    if let Some(by) = w.apply_by {
        cal.push(event(
            checklist,
            "apply-by",
            by,
            tf(
                "checklist.ics.apply_by",
                &[("label", who), ("disease", disease)],
            ) + by_mark,
            &about,
        ));
    }
    cal.push(event(
        checklist,
        "end",
        w.closes,
        tf("checklist.ics.end", &[("label", who), ("disease", disease)]),
        &about,
    ));
    // Labels and data are people's words: no control characters in the file.
    let mut text = cal.done().to_string();
    text.retain(|c| !c.is_control() || c == '\r' || c == '\n');
    text
}

/// The plan as short plain text for a QR code, at a level of detail:
/// 0 everything (documents, channels, phones), 1 documents and two phones,
/// 2 the dates and one phone. The caller picks the richest that fits.
pub fn qr_text(plan: &RenewalPlan, level: u8) -> String {
    use crate::i18n::{data, name};
    let mut lines = vec![tf(
        "qr.title",
        &[
            ("region", &name(&plan.region.short_name, None)),
            (
                "disease",
                &name(&plan.disease.name, plan.disease.name_en.as_deref()),
            ),
        ],
    )];
    lines.push(tf(
        "qr.window",
        &[
            ("opens", &plan.window.opens),
            ("closes", &plan.window.closes),
        ],
    ));
    // The smallest code has room for one word that the window is a guess.
    match (plan.window.assumed, level) {
        (false, _) => {}
        (true, 2) => lines
            .last_mut()
            .into_iter()
            .for_each(|l| l.push_str(t("qr.estimated"))),
        (true, _) => lines.push(t("qr.assumed").to_string()),
    }
    if let Some(a) = &plan.apply_by {
        let date = format!("{}{}", a.date, render::estimated_mark(a.estimated));
        lines.push(tf("qr.apply_by", &[("date", &date)]));
    }
    if level <= 1 {
        let docs: Vec<String> = plan
            .documents
            .iter()
            .map(|d| match d.earliest_date {
                Some(date) => tf("qr.doc_dated", &[("name", &data(&d.name)), ("date", &date)]),
                None => data(&d.name),
            })
            .collect();
        lines.push(format!("{}{}", t("qr.documents"), docs.join(t("qr.sep"))));
    }
    if level == 0 {
        for c in &plan.channels {
            let hours = c
                .hours
                .as_deref()
                .map(|h| format!(" {}", data(h)))
                .unwrap_or_default();
            lines.push(format!("{}{hours}", data(&c.name)));
        }
    }
    let phones: Vec<String> = plan
        .channels
        .iter()
        .flat_map(|c| c.contacts.iter())
        .filter_map(|c| {
            // The smallest code keeps the number and drops the office's name.
            c.phone.as_ref().map(|p| {
                if level == 2 {
                    p.clone()
                } else {
                    format!("{} {p}", data(&c.name))
                }
            })
        })
        .take(match level {
            0 => usize::MAX,
            1 => 2,
            _ => 1,
        })
        .collect();
    if !phones.is_empty() {
        lines.push(format!("{}{}", t("plan.phone"), phones.join(t("qr.sep"))));
    }
    lines.join("\n")
}
