//! A checklist for paper and for a phone's calendar: a printable sheet
//! (text or Markdown) and an iCalendar file (RFC 5545) with reminders.

use chrono::{NaiveDate, Utc};

use super::Checklist;
use crate::i18n::{t, tf};
use crate::plan::render;
use crate::plan::{Deadline, RenewalPlan};

/// The items as lines, required first, each with its tick box: the
/// checklist part of the one document (`document::checklist_blocks`),
/// rendered as text or Markdown. The apply step is worded for `today` (a
/// passed day is not advice).
pub(crate) fn item_lines(
    checklist: &Checklist,
    width: usize,
    markdown: bool,
    today: NaiveDate,
) -> Vec<String> {
    use crate::document::{Document, Section, SectionKind, checklist_blocks, text};
    let doc = Document {
        title: String::new(),
        sections: vec![Section {
            kind: SectionKind::Checklist,
            blocks: checklist_blocks(checklist, today),
        }],
    };
    // Past the empty title (and, in text, the blank line after it).
    if markdown {
        let out = crate::document::markdown::render(&doc);
        out.lines().skip(2).map(str::to_string).collect()
    } else {
        text::lines(&doc, text::Layout::terminal(width))
            .into_iter()
            .skip(2)
            .map(|l| l.text)
            .collect()
    }
}

/// The items as plain mode says them (for screen readers): the words the
/// plan's documents were said with (待办：, 已办：), no glyphs.
pub(crate) fn item_lines_plain(checklist: &Checklist, today: NaiveDate) -> Vec<String> {
    use crate::document::{Document, Section, SectionKind, checklist_blocks, text};
    let doc = Document {
        title: String::new(),
        sections: vec![Section {
            kind: SectionKind::Checklist,
            blocks: checklist_blocks(checklist, today),
        }],
    };
    text::lines(&doc, text::Layout::plain())
        .into_iter()
        .map(|l| l.text)
        .skip_while(|l| l.trim().is_empty())
        .collect()
}

/// The printable sheet: who and when, the checklist with ☐/☑, channels
/// with addresses and phones, sources and the official-notice caution.
pub(crate) fn sheet(
    checklist: &Checklist,
    plan: Option<&RenewalPlan>,
    printed_on: NaiveDate,
    markdown: bool,
) -> String {
    let width = 78;
    // A kiosk's checklist was never saved: it has no id to print.
    let head = if checklist.id.is_empty() {
        tf(
            "checklist.sheet.head_unsaved",
            &[("label", &checklist.label), ("date", &printed_on)],
        )
    } else {
        tf(
            "checklist.sheet.head",
            &[
                ("label", &checklist.label),
                ("id", &checklist.id),
                ("date", &printed_on),
            ],
        )
    };
    let body = match plan {
        Some(plan) if markdown => crate::document::plan_markdown_with(plan, Some(checklist)),
        Some(plan) => crate::document::plan_text_with(plan, width, Some(checklist)),
        None => {
            let mut s = format!("{}\n", t("checklist.sheet.no_plan"));
            for l in &item_lines(checklist, width, markdown, printed_on) {
                s.push_str(l);
                s.push('\n');
            }
            s
        }
    };
    let notes = notes_block(checklist, printed_on, markdown);
    if markdown {
        format!("> {head}\n\n{notes}{body}")
    } else {
        format!("{head}\n\n{notes}{body}")
    }
}

/// The person's notes under the sheet's head, newest last; nothing when
/// there are none.
fn notes_block(checklist: &Checklist, today: NaiveDate, markdown: bool) -> String {
    if checklist.notes.is_empty() {
        return String::new();
    }
    let mut s = format!("{}\n", t("checklist.show.notes"));
    for n in &checklist.notes {
        let line = super::notes::note_line(n, today);
        if markdown {
            s.push_str(&format!("- {line}\n"));
        } else {
            s.push_str(&format!("  {line}\n"));
        }
    }
    s.push('\n');
    s
}

/// An iCalendar (RFC 5545) document written line by line. Text values are
/// escaped (`\\`, `;`, `,`, line breaks) so no label can start a line of its
/// own, and lines are folded at 75 octets in one pass over the text.
struct Ics {
    out: String,
}

impl Ics {
    /// A content line whose value is already in iCalendar form.
    fn raw(&mut self, name: &str, value: &str) {
        fold_into(&mut self.out, name, value);
    }

    /// A content line with a TEXT value, escaped per RFC 5545 §3.3.11.
    fn text(&mut self, name: &str, value: &str) {
        self.raw(name, &escape_text(value));
    }
}

/// RFC 5545 §3.3.11: backslash, semicolon and comma escaped, a line break
/// written `\n`; other control characters (a CR, an escape sequence) and
/// invisible or direction-changing characters are dropped.
fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in crate::i18n::clean(value).chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Appends `name:value` folded at 75 octets (RFC 5545 §3.1), never inside
/// a UTF-8 character, ending in CRLF. Linear in the length of the value.
fn fold_into(out: &mut String, name: &str, value: &str) {
    const LIMIT: usize = 75;
    let mut used = 0;
    for c in name
        .chars()
        .chain(std::iter::once(':'))
        .chain(value.chars())
    {
        let len = c.len_utf8();
        if used + len > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

fn ics_date(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

/// One all-day event with reminders 7 days and 1 day before. Every UID is
/// made from the checklist id and the event, so a calendar that imports the
/// file again updates the events instead of doubling them.
fn event(
    ics: &mut Ics,
    checklist: &Checklist,
    key: &str,
    date: NaiveDate,
    summary: &str,
    description: &str,
) {
    let uid = format!("{}-{key}@renewal-assistant", checklist.id);
    let stamp = checklist
        .updated_at
        .with_timezone(&Utc)
        .format("%Y%m%dT%H%M%SZ")
        .to_string();
    ics.raw("BEGIN", "VEVENT");
    ics.text("UID", &uid);
    ics.raw("DTSTAMP", &stamp);
    ics.raw("DTSTART;VALUE=DATE", &ics_date(date));
    // An all-day event ends (exclusively) on the next day (RFC 5545 §3.6.1).
    let next = date.succ_opt().unwrap_or(date);
    ics.raw("DTEND;VALUE=DATE", &ics_date(next));
    ics.text("SUMMARY", summary);
    ics.text("DESCRIPTION", description);
    for days in [7, 1] {
        ics.raw("BEGIN", "VALARM");
        ics.text(
            "UID",
            &format!("{}-{key}-{days}d@renewal-assistant", checklist.id),
        );
        ics.raw("ACTION", "DISPLAY");
        ics.text(
            "DESCRIPTION",
            &tf(
                "checklist.ics.alarm",
                &[("summary", &summary), ("n", &days)],
            ),
        );
        ics.raw("TRIGGER", &format!("-P{days}D"));
        ics.raw("END", "VALARM");
    }
    ics.raw("END", "VEVENT");
}

/// What one checklist puts in a calendar: the checklist, today's plan for
/// it (if the data still knows it), and the day its result is due when it
/// is under review.
pub(crate) type CalendarEntry<'a> = (&'a Checklist, Option<&'a RenewalPlan>, Option<NaiveDate>);

/// An iCalendar file with all-day events for the day the window opens, the
/// suggested apply-by day, the end date and, under review, the day the
/// result is due; each with reminders 7 days and 1 day before. `today` is
/// the export's reference day: a passed apply-by day is worded for it.
pub(crate) fn ics(
    checklist: &Checklist,
    plan: Option<&RenewalPlan>,
    result_due: Option<NaiveDate>,
    today: NaiveDate,
) -> String {
    let name = tf("checklist.ics.name", &[("label", &checklist.label)]);
    calendar(&name, &[(checklist, plan, result_due)], today)
}

/// One calendar with every checklist's events. The UIDs are those of each
/// checklist's own export, so importing both never doubles an event.
pub(crate) fn ics_all(entries: &[CalendarEntry], today: NaiveDate) -> String {
    calendar(t("checklist.ics.all_name"), entries, today)
}

fn calendar(name: &str, entries: &[CalendarEntry], today: NaiveDate) -> String {
    let mut ics = Ics { out: String::new() };
    ics.raw("BEGIN", "VCALENDAR");
    ics.raw("VERSION", "2.0");
    ics.raw("PRODID", "-//renewal-assistant//renew//EN");
    ics.raw("CALSCALE", "GREGORIAN");
    ics.text("NAME", name);
    ics.text("X-WR-CALNAME", name);
    for (checklist, plan, result_due) in entries {
        events(&mut ics, checklist, *plan, *result_due, today);
    }
    ics.raw("END", "VCALENDAR");
    ics.out
}

fn events(
    ics: &mut Ics,
    checklist: &Checklist,
    plan: Option<&RenewalPlan>,
    result_due: Option<NaiveDate>,
    today: NaiveDate,
) {
    let w = &checklist.window;
    // No renewal: no day to put in anyone's calendar.
    if w.no_renewal || plan.is_some_and(|p| p.window.is_none()) {
        return;
    }
    let who = &checklist.label;
    let disease = &checklist.disease_shown();
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
            .contacts
            .iter()
            .map(|c| format!("{} {}", c.name, c.phone))
            .take(4)
            .collect();
        if !phones.is_empty() {
            about.push_str(&format!("\n{}{}", t("plan.phone"), phones.join("；")));
        }
        about.push_str(&format!("\n{}", plan.caution));
        // What the person was told, and when and from whom: the dates count
        // with it.
        for line in render::learned_lines(plan) {
            about.push_str(&format!("\n{line}"));
        }
        if let Some(w) = plan
            .warnings
            .iter()
            .find(|w| w.code() == "calendar_estimated")
        {
            about.push_str(t("checklist.ics.estimated"));
            about.push_str(&format!("\n{}", render::warning_text(w)));
        }
    }
    // The apply-by day as it stands on the export's day: once it has passed
    // or the window has closed (or when there is none), the description
    // says what that means now and what to do, in the plan's own words.
    let due = match plan {
        Some(p) => p.deadline_days(),
        None => w.deadline_days(today),
    };
    let deadline = due.standing;
    if deadline != Deadline::ApplyBy {
        let now = plan
            .and_then(render::apply_by_line)
            .unwrap_or_else(|| super::apply_line(w, today));
        about.push_str(&format!(
            "\n{}",
            tf("checklist.ics.as_of", &[("today", &today), ("text", &now)])
        ));
    }
    let by_mark = render::estimated_mark(due.estimated);
    let by_key = match deadline {
        // In a grace period the day has passed, but applying still works.
        Deadline::Passed | Deadline::Grace => "checklist.ics.apply_by_passed",
        Deadline::Closed => "checklist.ics.apply_by_closed",
        Deadline::ApplyBy | Deadline::Unknown | Deadline::NotNeeded => "checklist.ics.apply_by",
    };
    let mut events = vec![(
        "opens",
        w.opens,
        tf(
            "checklist.ics.opens",
            &[("label", who), ("disease", disease)],
        ),
    )];
    if let Some(by) = due.apply_by {
        events.push((
            "apply-by",
            by,
            tf(
                by_key,
                &[("label", who), ("disease", disease), ("today", &today)],
            ) + by_mark,
        ));
    }
    events.push((
        "end",
        due.closes.unwrap_or(w.closes),
        tf("checklist.ics.end", &[("label", who), ("disease", disease)]),
    ));
    if let Some(until) = due.last_day.filter(|l| Some(*l) != due.closes) {
        events.push((
            "grace-end",
            until,
            tf(
                "checklist.ics.grace_end",
                &[("label", who), ("disease", disease)],
            ),
        ));
    }
    if let Some(due) = result_due {
        events.push((
            "result",
            due,
            tf(
                "checklist.ics.result",
                &[("label", who), ("disease", disease)],
            ),
        ));
    }
    for (key, date, summary) in &events {
        event(ics, checklist, key, *date, summary, &about);
    }
}

/// The plan as short plain text for a QR code, at a level of detail:
/// 0 everything (documents, channels, phones), 1 documents and two phones,
/// 2 the dates and one phone. The caller picks the richest that fits.
pub fn qr_text(plan: &RenewalPlan, level: u8) -> String {
    use crate::i18n::{data, name};
    if level >= 3 {
        return qr_compact(plan);
    }
    let mut lines = vec![tf(
        "qr.title",
        &[
            // No reading gloss here: a QR code has little room.
            ("region", &data(&plan.place_short_name())),
            (
                "disease",
                &name(&plan.disease.name, plan.disease.name_en.as_deref()),
            ),
        ],
    )];
    match &plan.window {
        None if inferred(plan) => lines.push(t("qr.no_renewal_inferred").to_string()),
        None => lines.push(t("qr.no_renewal").to_string()),
        Some(w) => {
            lines.push(tf(
                "qr.window",
                &[("opens", &w.opens), ("closes", &w.closes)],
            ));
            // The smallest code has room for one word that the window is a guess.
            match (w.assumed, level) {
                (false, _) => {}
                (true, 2) => lines
                    .last_mut()
                    .into_iter()
                    .for_each(|l| l.push_str(t("qr.estimated"))),
                (true, _) => lines.push(t("qr.assumed").to_string()),
            }
            if let Some(g) = &w.grace {
                lines.push(tf("qr.grace", &[("until", &g.until)]));
            }
        }
    }
    // The day to apply by as the headline has it: a passed day or a
    // closed window is said as such, never as advice.
    let due = plan.deadline_days();
    let by = due
        .apply_by
        .map(|d| format!("{d}{}", render::estimated_mark(due.estimated)))
        .unwrap_or_default();
    lines.extend(match (due.standing, due.last_day) {
        (Deadline::ApplyBy, _) => Some(tf("qr.apply_by", &[("date", &by)])),
        (Deadline::Passed, _) => Some(tf("qr.apply_by_passed", &[("date", &by)])),
        (Deadline::Closed, Some(last)) => Some(tf("qr.closed", &[("closes", &last)])),
        (Deadline::Unknown, _) => Some(t("qr.apply_by_unknown").to_string()),
        // The grace line above says until when; no renewal has no day.
        (Deadline::Grace | Deadline::NotNeeded, _) | (Deadline::Closed, None) => None,
    });
    // What the person was told, which the dates above count with.
    if level <= 1 {
        lines.extend(render::learned_lines(plan));
    }
    if level <= 1 {
        let doc = |d: &crate::plan::PlanDocument| match d.earliest_date {
            Some(date) => tf("qr.doc_dated", &[("name", &data(&d.name)), ("date", &date)]),
            None => data(&d.name),
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
                    in_route.map(doc).collect::<Vec<_>>().join(t("qr.and"))
                })
                .collect();
            docs.push(tf("qr.choice", &[("routes", &routes.join(t("qr.or")))]));
        }
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
                format!("{} {}", data(&c.name), c.phone)
            }
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

/// "No renewal" is only the program's reading of the source (西安's other
/// diseases): the code says so and asks to confirm.
fn inferred(plan: &RenewalPlan) -> bool {
    plan.renewal_scope.as_ref().is_some_and(|s| s.inferred)
}

/// How many levels `qr_text` has, richest first.
pub(crate) const QR_LEVELS: u8 = 4;

/// The smallest text, for an 80x24 screen whatever the names: the region,
/// the window, the day to apply by and one phone number, tersely worded.
fn qr_compact(plan: &RenewalPlan) -> String {
    let region = crate::i18n::data(&plan.region.short_name);
    let Some(w) = &plan.window else {
        // No window and no day: that no renewal is needed, and a phone.
        let key = if inferred(plan) {
            "qr.compact.no_renewal_inferred"
        } else {
            "qr.compact.no_renewal"
        };
        let mut lines = vec![tf(key, &[("region", &region)])];
        lines.extend(
            plan.contacts
                .first()
                .map(|c| tf("qr.compact.phone", &[("phone", &c.phone)])),
        );
        return lines.join("\n");
    };
    let mut head = tf(
        "qr.compact.window",
        &[
            ("region", &region),
            ("opens", &w.opens),
            ("closes", &w.closes),
        ],
    );
    if w.assumed {
        head.push_str(t("qr.estimated"));
    }
    let due = plan.deadline_days();
    let by = due
        .apply_by
        .map(|d| format!("{d}{}", render::estimated_mark(due.estimated)))
        .unwrap_or_default();
    let mut lines = vec![
        head,
        match due.standing {
            Deadline::ApplyBy => tf("qr.compact.apply_by", &[("date", &by)]),
            // The window's dates are on the line above: the words only.
            Deadline::Passed => t("qr.compact.passed").to_string(),
            Deadline::Grace => tf("qr.compact.grace", &[("until", &w.last_day())]),
            Deadline::Closed => t("qr.compact.closed").to_string(),
            Deadline::Unknown => t("qr.compact.unknown").to_string(),
            Deadline::NotNeeded => t("plan.status.no_renewal").to_string(),
        },
    ];
    if let Some(c) = plan.contacts.first() {
        lines.push(tf("qr.compact.phone", &[("phone", &c.phone)]));
    }
    lines.join("\n")
}
