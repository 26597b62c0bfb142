//! A saved checklist for a phone's calendar: an iCalendar file (RFC 5545)
//! with all-day events and reminders. Output code: it reads the checklist
//! and the plan, which know nothing of it.

use crate::i18n::Words;
use chrono::{NaiveDate, Utc};

use crate::checklist::Checklist;
use crate::plan::render;
use crate::plan::{Deadline, DeadlineDays, RenewalPlan};

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
    words: Words,
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
            &words.tf(
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
    words: Words,
) -> String {
    let name = words.tf("checklist.ics.name", &[("label", &checklist.label)]);
    calendar(&name, &[(checklist, plan, result_due)], today, words)
}

/// One calendar with every checklist's events. The UIDs are those of each
/// checklist's own export, so importing both never doubles an event.
pub(crate) fn ics_all(entries: &[CalendarEntry], today: NaiveDate, words: Words) -> String {
    calendar(words.t("checklist.ics.all_name"), entries, today, words)
}

fn calendar(name: &str, entries: &[CalendarEntry], today: NaiveDate, words: Words) -> String {
    let mut ics = Ics { out: String::new() };
    ics.raw("BEGIN", "VCALENDAR");
    ics.raw("VERSION", "2.0");
    ics.raw("PRODID", "-//renewal-assistant//renew//EN");
    ics.raw("CALSCALE", "GREGORIAN");
    ics.text("NAME", name);
    ics.text("X-WR-CALNAME", name);
    for (checklist, plan, result_due) in entries {
        events(&mut ics, checklist, *plan, *result_due, today, words);
    }
    ics.raw("END", "VCALENDAR");
    ics.out
}

/// One checklist's events, all with the same description; none when no
/// renewal is needed.
fn events(
    ics: &mut Ics,
    checklist: &Checklist,
    plan: Option<&RenewalPlan>,
    result_due: Option<NaiveDate>,
    today: NaiveDate,
    words: Words,
) {
    let w = &checklist.window;
    // No renewal: no day to put in anyone's calendar.
    if w.no_renewal || plan.is_some_and(|p| p.window.is_none()) {
        return;
    }
    // The days as they stand on the export's day.
    let due = match plan {
        Some(p) => p.deadline_days(),
        None => w.deadline_days(today),
    };
    let about = description(checklist, plan, due.standing, today, words);
    for (key, date, summary) in &dated_events(checklist, &due, result_due, today, words) {
        event(ics, checklist, key, *date, summary, &about, words);
    }
}

/// What every event of a checklist says: the region, disease and window,
/// what the plan adds (phones, the caution, what the person was told, an
/// estimated calendar) and, once the apply-by day is no advice any more,
/// what it means on `today`.
fn description(
    checklist: &Checklist,
    plan: Option<&RenewalPlan>,
    standing: Deadline,
    today: NaiveDate,
    words: Words,
) -> String {
    let w = &checklist.window;
    let mut about = words.tf(
        "checklist.ics.about",
        &[
            ("region", &checklist.region_name),
            ("disease", &checklist.disease_name),
            ("opens", &w.opens),
            ("closes", &w.closes),
        ],
    );
    if w.assumed {
        about.push_str(words.t("checklist.ics.assumed"));
    }
    if let Some(plan) = plan {
        about.push_str(&plan_lines(plan, words));
    }
    // Once the apply-by day has passed or the window has closed (or when
    // there is none), the description says what that means now and what to
    // do, in the plan's own words.
    if standing != Deadline::ApplyBy {
        let now = plan
            .and_then(|p| render::apply_by_line(p, words))
            .unwrap_or_else(|| crate::checklist::apply_line(w, today, words));
        about.push_str(&format!(
            "\n{}",
            words.tf("checklist.ics.as_of", &[("today", &today), ("text", &now)])
        ));
    }
    about
}

/// The description's lines from today's plan, each after a line break.
fn plan_lines(plan: &RenewalPlan, words: Words) -> String {
    let mut out = String::new();
    let phones: Vec<String> = plan
        .contacts
        .iter()
        .map(|c| format!("{} {}", c.name, c.phone))
        .take(4)
        .collect();
    if !phones.is_empty() {
        out.push_str(&format!("\n{}{}", words.t("plan.phone"), phones.join("；")));
    }
    out.push_str(&format!("\n{}", plan.caution));
    // What the person was told, and when and from whom: the dates count
    // with it.
    for line in render::learned_lines(plan, words) {
        out.push_str(&format!("\n{line}"));
    }
    if let Some(w) = plan
        .warnings
        .iter()
        .find(|w| w.code() == "calendar_estimated")
    {
        out.push_str(words.t("checklist.ics.estimated"));
        out.push_str(&format!("\n{}", render::warning_text(w, words)));
    }
    out
}

/// The days to put in the calendar, each with its key (part of the UID)
/// and its summary: the window opens, the apply-by day (worded for `today`
/// once it has passed), the end date, a grace period's last day and, under
/// review, the day the result is due.
fn dated_events(
    checklist: &Checklist,
    due: &DeadlineDays,
    result_due: Option<NaiveDate>,
    today: NaiveDate,
    words: Words,
) -> Vec<(&'static str, NaiveDate, String)> {
    let w = &checklist.window;
    let who = &checklist.label;
    let disease = &checklist.disease_shown(words);
    let by_mark = render::estimated_mark(due.estimated, words);
    let by_key = match due.standing {
        // In a grace period the day has passed, but applying still works.
        Deadline::Passed | Deadline::Grace => "checklist.ics.apply_by_passed",
        Deadline::Closed => "checklist.ics.apply_by_closed",
        Deadline::ApplyBy | Deadline::Unknown | Deadline::NotNeeded => "checklist.ics.apply_by",
    };
    let mut events = vec![(
        "opens",
        w.opens,
        words.tf(
            "checklist.ics.opens",
            &[("label", who), ("disease", disease)],
        ),
    )];
    if let Some(by) = due.apply_by {
        events.push((
            "apply-by",
            by,
            words.tf(
                by_key,
                &[("label", who), ("disease", disease), ("today", &today)],
            ) + by_mark,
        ));
    }
    events.push((
        "end",
        due.closes.unwrap_or(w.closes),
        words.tf("checklist.ics.end", &[("label", who), ("disease", disease)]),
    ));
    if let Some(until) = due.last_day.filter(|l| Some(*l) != due.closes) {
        events.push((
            "grace-end",
            until,
            words.tf(
                "checklist.ics.grace_end",
                &[("label", who), ("disease", disease)],
            ),
        ));
    }
    if let Some(due) = result_due {
        events.push((
            "result",
            due,
            words.tf(
                "checklist.ics.result",
                &[("label", who), ("disease", disease)],
            ),
        ));
    }
    events
}
