//! The plan as text for a terminal and as Markdown for printing. JSON is the
//! plan itself, serialized. Policy text is left as the data has it: each
//! output edge (the CLI's writer, the wizard's screen, the printer) cleans
//! it and converts it for the language once. CJK text is measured by display width and
//! wrapped here, so columns line up in a terminal.

use chrono::NaiveDate;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{PlanChannel, RenewalPlan, Status, Warning};
use crate::calendar::HolidaySpan;
use crate::dates::weekday;
use crate::i18n::{data, name, t, tf};
use crate::policy::{ChannelKind, Confidence, Fact, Source};

/// Wraps `text` to lines of at most `width` display columns. Breaks at
/// spaces where it can, anywhere between CJK characters.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0;
        for word in split_words(paragraph) {
            let w = word.width();
            if line_w + w > width && !line.is_empty() {
                lines.push(line.trim_end().to_string());
                line = String::new();
                line_w = 0;
                if word == " " {
                    continue;
                }
            }
            if w > width {
                for c in word.chars() {
                    let cw = c.width().unwrap_or(0);
                    if line_w + cw > width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        line_w = 0;
                    }
                    line.push(c);
                    line_w += cw;
                }
            } else {
                line.push_str(word);
                line_w += w;
            }
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Words for wrapping: runs of non-CJK non-space characters, single spaces,
/// and single CJK characters (which may break anywhere). Chinese closing
/// punctuation is glued to the word before it, so it never starts a line.
fn split_words(text: &str) -> Vec<&str> {
    const CLOSING: &str = "，。、；：！？）」』”’》〉】％";
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut run: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let wide = c.width().unwrap_or(0) > 1;
        if CLOSING.contains(c) {
            if let Some(s) = run.take() {
                spans.push((s, i));
            }
            match spans.last_mut() {
                Some(last) if &text[last.0..last.1] != " " => last.1 = end,
                _ => spans.push((i, end)),
            }
        } else if c == ' ' || wide {
            if let Some(s) = run.take() {
                spans.push((s, i));
            }
            spans.push((i, end));
        } else if run.is_none() {
            run = Some(i);
        }
    }
    if let Some(s) = run {
        spans.push((s, text.len()));
    }
    spans.into_iter().map(|(a, b)| &text[a..b]).collect()
}

/// Pads `text` with spaces to `width` display columns.
pub fn pad(text: &str, width: usize) -> String {
    let w = text.width();
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

fn date_long(d: NaiveDate) -> String {
    tf(
        "fmt.date_weekday",
        &[("date", &d), ("weekday", &weekday(d))],
    )
}

fn region_name(plan: &RenewalPlan) -> String {
    name(&plan.region.name, plan.region.name_en.as_deref())
}

fn disease_name(plan: &RenewalPlan) -> String {
    name(&plan.disease.name, plan.disease.name_en.as_deref())
}

fn channel_name(c: &PlanChannel) -> String {
    name(&c.name, c.name_en.as_deref())
}

/// The estimate mark after a date that counts days beyond the official
/// holiday schedules, or nothing.
pub fn estimated_mark(estimated: bool) -> &'static str {
    if estimated {
        t("plan.estimated_mark")
    } else {
        ""
    }
}

/// A statutory holiday with its days, e.g. "春节 2027-02-05 至 2027-02-08".
pub fn holiday_words(h: &HolidaySpan) -> String {
    if h.first == h.last {
        tf(
            "holiday.day",
            &[("name", &t(h.holiday.key())), ("date", &h.first)],
        )
    } else {
        tf(
            "holiday.span",
            &[
                ("name", &t(h.holiday.key())),
                ("first", &h.first),
                ("last", &h.last),
            ],
        )
    }
}

/// A warning in the run's language.
pub fn warning_text(w: &Warning) -> String {
    match w {
        Warning::WindowAssumed {
            region,
            months,
            note,
        } => tf(
            "warn.window_assumed",
            &[
                ("region", &name(region, None)),
                ("months", months),
                (
                    "note",
                    &note
                        .as_deref()
                        .map(data)
                        .unwrap_or_else(|| t("warn.ask_local").to_string()),
                ),
            ],
        ),
        Warning::NotYetOpen { opens, days } => {
            tf("warn.not_yet_open", &[("opens", opens), ("n", days)])
        }
        Warning::WindowClosed {
            closes,
            days,
            consequence,
        } => tf(
            "warn.window_closed",
            &[
                ("closes", closes),
                ("n", days),
                (
                    "source",
                    &match consequence {
                        Some(text) => tf("warn.late_source_says", &[("text", &data(text))]),
                        None => t("warn.late_source_silent").to_string(),
                    },
                ),
            ],
        ),
        Warning::ResultAfterEnd {
            working_days,
            closes,
            keeps_during_review,
            typical,
        } => tf(
            if *typical {
                "warn.result_after_end_typical"
            } else {
                "warn.result_after_end"
            },
            &[
                ("n", working_days),
                ("closes", closes),
                (
                    "keeps",
                    &t(if *keeps_during_review {
                        "warn.keeps_during_review"
                    } else {
                        "warn.review_continuity_unknown"
                    }),
                ),
            ],
        ),
        Warning::CalendarEstimated {
            since, holidays, ..
        } => {
            let mut text = tf("warn.calendar_estimated", &[("since", since)]);
            if !holidays.is_empty() {
                let list: Vec<String> = holidays.iter().map(holiday_words).collect();
                text.push_str(&tf(
                    "warn.calendar_holidays",
                    &[("list", &list.join(t("warn.list_sep")))],
                ));
            }
            text
        }
        Warning::NoDirectSettlement {
            disease,
            disease_en,
        } => tf(
            "warn.no_direct_settlement",
            &[("disease", &name(disease, disease_en.as_deref()))],
        ),
        Warning::RegionGeneric => t("warn.region_generic").to_string(),
        Warning::DiseaseUnlisted {
            disease,
            disease_en,
            region,
        } => tf(
            "warn.disease_unlisted",
            &[
                ("disease", &name(disease, disease_en.as_deref())),
                ("region", &name(region, None)),
            ],
        ),
        Warning::SourcesOld {
            region,
            published,
            months,
        } => tf(
            "warn.sources_old",
            &[
                ("region", &name(region, None)),
                ("published", published),
                ("months", months),
            ],
        ),
        Warning::VerifiedOld { date, months } => {
            tf("warn.verified_old", &[("date", date), ("months", months)])
        }
        Warning::EndFarAhead { end } => tf("warn.end_far_ahead", &[("end", end)]),
        Warning::UnofficialSource { region } => {
            tf("warn.unofficial_source", &[("region", &name(region, None))])
        }
    }
}

/// The "apply by" sentence: a review time the source calls usual (一般) is
/// not said to be the longest.
pub fn apply_by_key(a: &super::ApplyBy) -> &'static str {
    if a.typical {
        "plan.apply_by_typical"
    } else {
        "plan.apply_by"
    }
}

/// The headline date to act on. Once the window has closed, or the day to
/// apply by has passed, it says what that means now and what to do instead
/// of a date in the past.
pub fn apply_by_line(plan: &RenewalPlan) -> Option<String> {
    if plan.status == Status::Expired {
        let late = match &plan.late.consequence.value {
            Some(text) => tf("warn.late_source_says", &[("text", &data(text))]),
            None => t("warn.late_source_silent").to_string(),
        };
        return Some(tf(
            "plan.apply_by_closed",
            &[("closes", &plan.window.closes), ("late", &late)],
        ));
    }
    let a = plan.apply_by.as_ref()?;
    let date = format!("{}{}", date_long(a.date), estimated_mark(a.estimated));
    if a.date < plan.today {
        let keeps = t(if plan.late.continuity_during_review.value == Some(true) {
            "warn.keeps_during_review"
        } else {
            "warn.review_continuity_unknown"
        });
        return Some(tf(
            "plan.apply_by_passed",
            &[
                ("date", &date),
                ("closes", &plan.window.closes),
                ("keeps", &keeps),
            ],
        ));
    }
    let name = plan
        .channels
        .iter()
        .find(|c| c.id == a.channel)
        .map(channel_name)
        .unwrap_or_default();
    Some(tf(
        apply_by_key(a),
        &[("date", &date), ("channel", &name), ("n", &a.working_days)],
    ))
}

pub fn status_words(plan: &RenewalPlan) -> String {
    match plan.status {
        Status::NotYetOpen => tf(
            "plan.status.not_yet_open",
            &[("n", &plan.days_until_open.unwrap_or(0))],
        ),
        Status::Open if plan.days_left == 0 => t("plan.status.last_day").to_string(),
        Status::Open => tf("plan.status.open", &[("n", &plan.days_left)]),
        Status::Expired => tf(
            "plan.status.expired",
            &[("n", &plan.days_overdue.unwrap_or(0))],
        ),
    }
}

fn kind_word(kind: ChannelKind) -> &'static str {
    match kind {
        ChannelKind::Online => t("channel.online"),
        ChannelKind::Offline => t("channel.offline"),
    }
}

/// A fact in words: the value, with the source's own qualification in
/// brackets when the data has one; or "unknown" and where to ask.
fn fact_text<T>(fact: &Fact<T>, show: impl Fn(&T) -> String) -> String {
    match &fact.value {
        Some(v) => match &fact.note {
            Some(note) => format!("{}（{note}）", show(v)),
            None => show(v),
        },
        None => format!(
            "{}{}",
            t("fact.unknown"),
            fact.note
                .as_deref()
                .map(|n| format!("{}{n}", t("fmt.colon")))
                .unwrap_or_default()
        ),
    }
}

pub fn review_words(ch: &PlanChannel) -> String {
    let r = &ch.review;
    let mut s = if r.instant_for_disease {
        t("review.instant_for_disease").to_string()
    } else if r.instant {
        t("review.instant").to_string()
    } else {
        match (r.working_days_min, r.working_days) {
            (Some(min), Some(max)) if min != max => {
                tf("review.range", &[("min", &min), ("max", &max)])
            }
            (_, Some(max)) if r.typical => tf("review.days_typical", &[("n", &max)]),
            (_, Some(max)) => tf("review.days", &[("n", &max)]),
            _ => t("review.unknown").to_string(),
        }
    };
    if let Some(n) = r.notify_working_days {
        s.push_str(&tf("review.notify", &[("n", &n)]));
    }
    s
}

fn channel_dates(ch: &PlanChannel) -> (String, String) {
    if !ch.serves_disease {
        // No dates, and not because the source is silent.
        let no = t("cmp.serves.no").to_string();
        return (no.clone(), no);
    }
    let mark = estimated_mark;
    let result = ch
        .expected_result
        .map(|d| format!("{d}{}", mark(ch.result_estimated)))
        .unwrap_or_else(|| t("fact.unknown").to_string());
    let by = ch
        .apply_by
        .map(|d| format!("{d}{}", mark(ch.apply_by_estimated)))
        .unwrap_or_else(|| t("fact.unknown").to_string());
    (result, by)
}

/// A table of `rows` (label, one cell per column), cells wrapped to fit
/// `width` columns in all.
fn table(headers: &[String], rows: &[(String, Vec<String>)], width: usize) -> Vec<String> {
    let label_w = rows
        .iter()
        .map(|(l, _)| l.width())
        .max()
        .unwrap_or(4)
        .max(4);
    let cols = headers.len().max(1);
    // A line is "| label |" then " cell |" per column.
    let col_w = (width.saturating_sub(label_w + 4 + 3 * cols) / cols).max(8);
    let mut out = Vec::new();
    let rule = format!(
        "+{}+{}",
        "-".repeat(label_w + 2),
        format!("{}+", "-".repeat(col_w + 2)).repeat(cols)
    );
    let emit = |label: &str, cells: &[String], out: &mut Vec<String>| {
        let wrapped: Vec<Vec<String>> = cells.iter().map(|c| wrap(c, col_w)).collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        for i in 0..height {
            let mut line = format!("| {} |", pad(if i == 0 { label } else { "" }, label_w));
            for col in &wrapped {
                line.push_str(&format!(
                    " {} |",
                    pad(col.get(i).map(String::as_str).unwrap_or(""), col_w)
                ));
            }
            out.push(line);
        }
        out.push(rule.clone());
    };
    out.push(rule.clone());
    emit("", headers, &mut out);
    for (label, cells) in rows {
        emit(label, cells, &mut out);
    }
    out
}

fn comparison_rows(plan: &RenewalPlan) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    let chans = &plan.channels;
    let headers = chans
        .iter()
        .map(|c| format!("[{}] {}", kind_word(c.kind), channel_name(c)))
        .collect();
    let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| t("fact.unknown").to_string());
    let list = |v: &Vec<String>| {
        if v.is_empty() {
            "—".to_string()
        } else {
            v.join("；")
        }
    };
    let row = |key: &str, f: &dyn Fn(&PlanChannel) -> String| {
        (t(key).to_string(), chans.iter().map(f).collect())
    };
    let rows = vec![
        row("cmp.where", &|c| c.location.clone()),
        row("cmp.hours", &|c| opt(&c.hours)),
        row("cmp.materials_form", &|c| opt(&c.materials_form)),
        row("cmp.review", &review_words),
        row("cmp.expected_result", &|c| channel_dates(c).0),
        row("cmp.apply_by", &|c| {
            let passed = c.apply_by.is_some_and(|d| d < plan.today);
            format!(
                "{}{}",
                channel_dates(c).1,
                if passed { t("plan.passed_mark") } else { "" }
            )
        }),
        row("cmp.suits", &|c| opt(&c.suits)),
        row("cmp.pros", &|c| list(&c.pros)),
        row("cmp.cons", &|c| list(&c.cons)),
        row("cmp.serves", &|c| {
            if c.serves_disease {
                t("cmp.serves.yes").to_string()
            } else {
                t("cmp.serves.no").to_string()
            }
        }),
    ];
    (headers, rows)
}

/// The rules around the window: materials age, benefits during review,
/// what happens if late, the renewal cycle. One paragraph each.
pub fn rules(plan: &RenewalPlan) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(m) = &plan.materials {
        let key = if m.approximate {
            "plan.materials_about"
        } else {
            "plan.materials"
        };
        out.push(tf(
            key,
            &[
                ("months", &m.months),
                ("date", &m.earliest_date),
                ("ref", &m.reference_day),
            ],
        ));
    }
    out.push(format!(
        "{}{}",
        t("plan.continuity_label"),
        fact_text(&plan.late.continuity_during_review, |v| {
            if *v {
                t("plan.continuity_yes").to_string()
            } else {
                t("plan.continuity_no").to_string()
            }
        })
    ));
    out.push(format!(
        "{}{}",
        t("plan.late_label"),
        fact_text(&plan.late.consequence, |v| v.clone())
    ));
    out.push(format!(
        "{}{}",
        t("plan.cycle_label"),
        fact_text(&plan.cycle_years, |v| {
            tf(
                "plan.cycle_years",
                &[(
                    "years",
                    &v.iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join(t("plan.or")),
                )],
            )
        })
    ));
    out
}

/// The plan for a terminal, wrapped to `width` display columns.
pub fn text(plan: &RenewalPlan, width: usize) -> String {
    text_with(plan, width, None)
}

/// The plan as text, with `checklist` lines (already wrapped) in place of
/// the plain document list when given.
pub fn text_with(plan: &RenewalPlan, width: usize, checklist: Option<&[String]>) -> String {
    let (mut lines, _) = text_parts(plan, width, checklist);
    lines.push(String::new());
    lines.join("\n")
}

/// The text plan cut into its sections: the heading's i18n key (`""` for
/// the title block) and the section's lines without the heading.
pub fn sections(
    plan: &RenewalPlan,
    width: usize,
    checklist: Option<&[String]>,
) -> Vec<(&'static str, Vec<String>)> {
    let (lines, marks) = text_parts(plan, width, checklist);
    let mut out = Vec::new();
    let mut starts: Vec<(&'static str, usize)> = vec![("", 0)];
    starts.extend(marks);
    for (i, (key, start)) in starts.iter().enumerate() {
        let end = starts
            .get(i + 1)
            .map(|(_, s)| s.saturating_sub(2))
            .unwrap_or(lines.len());
        let body: Vec<String> = lines[*start..end.max(*start)].to_vec();
        out.push((*key, body));
    }
    out
}

/// Lines of the text plan, and where each section's body starts.
fn text_parts(
    plan: &RenewalPlan,
    width: usize,
    checklist: Option<&[String]>,
) -> (Vec<String>, Vec<(&'static str, usize)>) {
    text_parts_as(plan, width, checklist, true)
}

/// The plan on plain lines for a screen reader: the channel comparison as
/// one labelled line per field instead of a drawn table.
pub fn text_linear(plan: &RenewalPlan, width: usize) -> String {
    let (mut lines, _) = text_parts_as(plan, width, None, false);
    lines.push(String::new());
    lines.join("\n")
}

fn text_parts_as(
    plan: &RenewalPlan,
    width: usize,
    checklist: Option<&[String]>,
    tables: bool,
) -> (Vec<String>, Vec<(&'static str, usize)>) {
    let width = width.clamp(40, 200);
    let mut out: Vec<String> = Vec::new();
    let mut marks: Vec<(&'static str, usize)> = Vec::new();
    let body = width - 4;
    let para = |out: &mut Vec<String>, prefix: &str, text: &str| {
        let indent = " ".repeat(prefix.width());
        for (i, line) in wrap(text, body.saturating_sub(prefix.width()))
            .into_iter()
            .enumerate()
        {
            out.push(format!("  {}{line}", if i == 0 { prefix } else { &indent }));
        }
    };
    let heading =
        |out: &mut Vec<String>, marks: &mut Vec<(&'static str, usize)>, key: &'static str| {
            out.push(String::new());
            out.push(format!("【{}】", t(key)));
            marks.push((key, out.len()));
        };

    out.push(tf(
        "plan.title",
        &[
            ("region", &region_name(plan)),
            ("benefit", &plan.region.benefit_name),
        ],
    ));
    para(
        &mut out,
        "",
        &tf(
            "plan.answers",
            &[
                ("disease", &disease_name(plan)),
                ("scheme", &plan.scheme.label()),
                ("end", &date_long(plan.validity_end)),
                ("today", &plan.today),
            ],
        ),
    );
    if plan.cross_province {
        para(&mut out, "", t("plan.cross_province_yes"));
    }

    heading(&mut out, &mut marks, "plan.section.window");
    let w = &plan.window;
    para(
        &mut out,
        "",
        &tf(
            "plan.window",
            &[
                ("opens", &date_long(w.opens)),
                ("closes", &date_long(w.closes)),
                ("months", &w.months),
            ],
        ),
    );
    if w.assumed {
        para(&mut out, "", t("plan.window_assumed"));
    }
    para(
        &mut out,
        "",
        &format!("{}{}", t("plan.status_label"), status_words(plan)),
    );
    if let Some(headline) = apply_by_line(plan) {
        para(&mut out, "", &headline);
    }
    for rule in rules(plan) {
        para(&mut out, "", &rule);
    }

    if !plan.warnings.is_empty() {
        heading(&mut out, &mut marks, "plan.section.warnings");
        for wn in &plan.warnings {
            para(&mut out, "! ", &warning_text(wn));
        }
    }

    heading(
        &mut out,
        &mut marks,
        if checklist.is_some() {
            "plan.section.checklist"
        } else {
            "plan.section.documents"
        },
    );
    if let Some(lines) = checklist {
        out.extend(lines.iter().cloned());
    }
    for (i, d) in plan
        .documents
        .iter()
        .enumerate()
        .filter(|_| checklist.is_none())
    {
        para(
            &mut out,
            &format!("☐ {}. ", i + 1),
            &name(&d.name, d.name_en.as_deref()),
        );
        let mut extra = vec![format!("{}{}", t("plan.why"), d.why)];
        if let Some(date) = d.earliest_date {
            extra.push(tf("plan.dated_after", &[("date", &date)]));
        }
        if let Some(n) = &d.note {
            extra.push(n.clone());
        }
        for e in extra {
            para(&mut out, "      ", &e);
        }
    }

    heading(&mut out, &mut marks, "plan.section.channels");
    // Side by side, at most three channels to a table so columns stay readable.
    let (headers, rows) = comparison_rows(plan);
    if !tables {
        for (i, header) in headers.iter().enumerate() {
            para(&mut out, "► ", header);
            for (label, cells) in &rows {
                para(
                    &mut out,
                    "    ",
                    &format!("{label}{}{}", t("fmt.colon"), cells[i]),
                );
            }
        }
    }
    for start in (0..headers.len()).step_by(3).filter(|_| tables) {
        let end = (start + 3).min(headers.len());
        let part: Vec<(String, Vec<String>)> = rows
            .iter()
            .map(|(l, cells)| (l.clone(), cells[start..end].to_vec()))
            .collect();
        out.extend(table(&headers[start..end], &part, width));
    }
    for nc in &plan.no_channel {
        para(
            &mut out,
            "! ",
            &format!("{}{}{}", kind_word(nc.kind), t("fmt.colon"), nc.text),
        );
    }
    for ch in &plan.channels {
        out.push(String::new());
        para(
            &mut out,
            "► ",
            &format!("[{}] {}", kind_word(ch.kind), channel_name(ch)),
        );
        para(
            &mut out,
            "    ",
            &format!("{}{}", t("plan.review_label"), ch.review.text),
        );
        for (i, s) in ch.steps.iter().enumerate() {
            para(&mut out, &format!("    {}. ", i + 1), s);
        }
        for l in &ch.limitations {
            para(&mut out, "    ! ", l);
        }
        for c in &ch.contacts {
            let mut parts = vec![c.name.clone()];
            parts.extend(c.address.clone());
            if let Some(p) = &c.phone {
                parts.push(format!("{}{p}", t("plan.phone")));
            }
            parts.extend(c.hours.clone());
            parts.extend(c.note.clone());
            para(&mut out, "    ☎ ", &parts.join("  "));
        }
    }

    if let Some(cp) = &plan.cross_province_info {
        heading(&mut out, &mut marks, "plan.section.cross_province");
        for (i, s) in cp.steps.iter().enumerate() {
            para(
                &mut out,
                &format!("{}. ", i + 1),
                &format!("{}：{}", s.title, s.text),
            );
        }
        para(
            &mut out,
            "",
            &format!("{}：{}", cp.principle.title, cp.principle.text),
        );
        match &cp.direct_settlement_name {
            Some(name) => para(
                &mut out,
                "",
                &tf(
                    "plan.direct_settlement_yes",
                    &[
                        ("name", name),
                        (
                            "since",
                            &cp.direct_settlement_since.value.clone().unwrap_or_default(),
                        ),
                    ],
                ),
            ),
            None => {
                if let Some(n) = &cp.other_diseases {
                    para(&mut out, "", &format!("{}：{}", n.title, n.text));
                }
            }
        }
        for n in &cp.notes {
            para(&mut out, "", &format!("{}：{}", n.title, n.text));
        }
    }

    if let Some(ex) = &plan.example_figures {
        heading(&mut out, &mut marks, "plan.section.examples");
        para(&mut out, "! ", &ex.note);
        let not_theirs = examples_not_for(plan);
        if not_theirs {
            para(&mut out, "! ", t("plan.examples_employee_only"));
        }
        let retired = plan.retired;
        for r in ex.rows.iter().filter(|_| !not_theirs) {
            let limit = r
                .annual_limit_yuan
                .map(|v| tf("plan.example_limit", &[("v", &v)]))
                .unwrap_or_default();
            let ratio = if retired {
                r.ratio_retired_pct
            } else {
                r.ratio_active_pct
            };
            let who = if retired {
                t("plan.retired")
            } else {
                t("plan.active")
            };
            let ratio = ratio
                .map(|v| tf("plan.example_ratio", &[("who", &who), ("v", &v)]))
                .unwrap_or_default();
            para(&mut out, "· ", &format!("{}  {limit}  {ratio}", r.disease));
        }
        for r in ex.rows.iter().filter(|_| not_theirs) {
            let limit = r
                .annual_limit_yuan
                .map(|v| tf("plan.example_limit", &[("v", &v)]))
                .unwrap_or_default();
            let ratios: Vec<String> = [
                (r.ratio_active_pct, "plan.active_employee"),
                (r.ratio_retired_pct, "plan.retired_employee"),
            ]
            .into_iter()
            .filter_map(|(v, who)| {
                v.map(|v| tf("plan.example_ratio", &[("who", &t(who)), ("v", &v)]))
            })
            .collect();
            para(
                &mut out,
                "· ",
                &format!(
                    "{}  {limit}  {}",
                    r.disease,
                    ratios.join(t("warn.list_sep"))
                ),
            );
        }
    }

    if !plan.notes.is_empty() {
        heading(&mut out, &mut marks, "plan.section.notes");
        for n in &plan.notes {
            para(&mut out, "· ", &format!("{}：{}", n.title, n.text));
        }
    }

    heading(&mut out, &mut marks, "plan.section.sources");
    for s in &plan.sources {
        para(&mut out, "· ", &source_line(s));
    }
    para(
        &mut out,
        "",
        &tf("plan.verified_on", &[("date", &plan.verified_on)]),
    );
    para(&mut out, "", &plan.caution);
    (out, marks)
}

/// The example figures are given for other schemes than the person's
/// (防城港's 在职/退休 columns, shown to a resident).
fn examples_not_for(plan: &RenewalPlan) -> bool {
    plan.example_figures
        .as_ref()
        .is_some_and(|ex| !ex.schemes.is_empty() && !ex.schemes.contains(&plan.scheme))
}

/// A source as a person can find and weigh it: title, publisher, standing
/// and publication date, and its address. Never the project's file name.
pub fn source_line(s: &Source) -> String {
    let mut parts: Vec<String> = s.publisher.iter().cloned().collect();
    parts.push(
        t(match s.confidence {
            Confidence::High => "source.high",
            Confidence::Med => "source.med",
            Confidence::Seed => "source.seed",
            Confidence::ThirdParty => "source.third_party",
        })
        .to_string(),
    );
    parts.push(match &s.published {
        Some(date) => tf("source.published", &[("date", date)]),
        None => t("source.undated").to_string(),
    });
    let mut line = format!("{}（{}）", s.title, parts.join(t("source.sep")));
    if let Some(u) = &s.url {
        line.push_str(&format!(" {u}"));
    }
    line
}

fn md_escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The plan as Markdown, ready to print.
pub fn markdown(plan: &RenewalPlan) -> String {
    markdown_with(plan, None)
}

/// The plan as Markdown, with `checklist` lines in place of the plain
/// document list when given.
pub fn markdown_with(plan: &RenewalPlan, checklist: Option<&[String]>) -> String {
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(format!(
        "# {}",
        tf(
            "plan.title",
            &[
                ("region", &region_name(plan)),
                ("benefit", &plan.region.benefit_name)
            ]
        )
    ));
    line(String::new());
    line(tf(
        "plan.answers",
        &[
            ("disease", &disease_name(plan)),
            ("scheme", &plan.scheme.label()),
            ("end", &date_long(plan.validity_end)),
            ("today", &plan.today),
        ],
    ));
    if plan.cross_province {
        line(String::new());
        line(t("plan.cross_province_yes").to_string());
    }
    line(String::new());
    line(format!("## {}", t("plan.section.window")));
    line(String::new());
    let w = &plan.window;
    line(format!(
        "- {}",
        tf(
            "plan.window",
            &[
                ("opens", &date_long(w.opens)),
                ("closes", &date_long(w.closes)),
                ("months", &w.months)
            ]
        )
    ));
    if w.assumed {
        line(format!("- **{}**", t("plan.window_assumed")));
    }
    line(format!(
        "- {}{}",
        t("plan.status_label"),
        status_words(plan)
    ));
    if let Some(headline) = apply_by_line(plan) {
        line(format!("- {headline}"));
    }
    // The same rules as the text and the wizard: materials age, benefits
    // during review, lateness, the renewal cycle.
    for rule in rules(plan) {
        line(format!("- {rule}"));
    }
    if !plan.warnings.is_empty() {
        line(String::new());
        line(format!("## {}", t("plan.section.warnings")));
        line(String::new());
        for wn in &plan.warnings {
            line(format!("- ⚠ {}", warning_text(wn)));
        }
    }
    line(String::new());
    line(format!(
        "## {}",
        t(if checklist.is_some() {
            "plan.section.checklist"
        } else {
            "plan.section.documents"
        })
    ));
    line(String::new());
    for l in checklist.unwrap_or_default() {
        line(l.clone());
    }
    for d in plan.documents.iter().filter(|_| checklist.is_none()) {
        let dated = d
            .earliest_date
            .map(|date| format!("（{}）", tf("plan.dated_after", &[("date", &date)])))
            .unwrap_or_default();
        line(format!(
            "- [ ] {}{dated} — {}",
            name(&d.name, d.name_en.as_deref()),
            d.why
        ));
        if let Some(n) = &d.note {
            line(format!("  {n}"));
        }
    }
    line(String::new());
    line(format!("## {}", t("plan.section.channels")));
    line(String::new());
    let (headers, rows) = comparison_rows(plan);
    line(format!(
        "| | {} |",
        headers
            .iter()
            .map(|h| md_escape(h))
            .collect::<Vec<_>>()
            .join(" | ")
    ));
    line(format!("|---|{}", "---|".repeat(headers.len())));
    for (label, cells) in &rows {
        line(format!(
            "| {label} | {} |",
            cells
                .iter()
                .map(|c| md_escape(c))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
    }
    for nc in &plan.no_channel {
        line(format!(
            "\n- ⚠ {}{}{}",
            kind_word(nc.kind),
            t("fmt.colon"),
            nc.text
        ));
    }
    for ch in &plan.channels {
        line(String::new());
        line(format!("### [{}] {}", kind_word(ch.kind), channel_name(ch)));
        line(String::new());
        line(format!("{}{}", t("plan.review_label"), ch.review.text));
        line(String::new());
        for (i, s) in ch.steps.iter().enumerate() {
            line(format!("{}. {s}", i + 1));
        }
        for l in &ch.limitations {
            line(format!("- ⚠ {l}"));
        }
        for c in &ch.contacts {
            let phone = c
                .phone
                .as_ref()
                .map(|p| format!("，{}{p}", t("plan.phone")))
                .unwrap_or_default();
            let addr = c
                .address
                .as_ref()
                .map(|a| format!("，{a}"))
                .unwrap_or_default();
            let more: String = c
                .hours
                .iter()
                .chain(&c.note)
                .map(|x| format!("，{x}"))
                .collect();
            line(format!("- ☎ {}{addr}{phone}{more}", c.name));
        }
    }
    if let Some(cp) = &plan.cross_province_info {
        line(String::new());
        line(format!("## {}", t("plan.section.cross_province")));
        line(String::new());
        for (i, s) in cp.steps.iter().enumerate() {
            line(format!("{}. **{}**：{}", i + 1, s.title, s.text));
        }
        line(format!("\n{}：{}", cp.principle.title, cp.principle.text));
        if let Some(name) = &cp.direct_settlement_name {
            line(format!(
                "\n{}",
                tf(
                    "plan.direct_settlement_yes",
                    &[
                        ("name", name),
                        (
                            "since",
                            &cp.direct_settlement_since.value.clone().unwrap_or_default()
                        ),
                    ],
                )
            ));
        }
        if let Some(n) = &cp.other_diseases {
            line(format!("\n⚠ {}：{}", n.title, n.text));
        }
        for n in &cp.notes {
            line(format!("\n{}：{}", n.title, n.text));
        }
    }
    if let Some(ex) = &plan.example_figures {
        line(String::new());
        line(format!("## {}", t("plan.section.examples")));
        line(String::new());
        line(format!("> {}", ex.note));
        let not_theirs = examples_not_for(plan);
        if not_theirs {
            line(format!(">\n> ⚠ {}", t("plan.examples_employee_only")));
        }
        line(String::new());
        line(
            t(if not_theirs {
                "plan.example_header_employee"
            } else {
                "plan.example_header"
            })
            .to_string(),
        );
        line("|---|---|---|---|".to_string());
        for r in &ex.rows {
            let f = |v: Option<u32>| {
                v.map(|v| v.to_string())
                    .unwrap_or_else(|| t("fact.unknown").to_string())
            };
            line(format!(
                "| {} | {} | {}% | {}% |",
                r.disease,
                f(r.annual_limit_yuan),
                f(r.ratio_active_pct),
                f(r.ratio_retired_pct)
            ));
        }
    }
    if !plan.notes.is_empty() {
        line(String::new());
        line(format!("## {}", t("plan.section.notes")));
        line(String::new());
        for n in &plan.notes {
            line(format!("- **{}**：{}", n.title, n.text));
        }
    }
    line(String::new());
    line(format!("## {}", t("plan.section.sources")));
    line(String::new());
    for s in &plan.sources {
        line(format!("- {}", source_line(s)));
    }
    line(String::new());
    line(tf("plan.verified_on", &[("date", &plan.verified_on)]));
    line(String::new());
    line(format!("**{}**", plan.caution));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_measures_cjk_by_display_width() {
        let lines = wrap("身份证原件及复印件", 8);
        assert_eq!(lines, vec!["身份证原", "件及复印", "件"]);
        for l in wrap("工作日 8:30-17:30 到医保科办理 original and copies", 12) {
            assert!(l.width() <= 12, "{l:?}");
        }
        assert_eq!(wrap("", 10), vec![""]);
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
        assert_eq!(
            wrap("一二三四，五", 8),
            vec!["一二三", "四，五"],
            "no line starts with ，"
        );
    }

    #[test]
    fn every_line_of_every_plan_fits_the_width() {
        let policy = crate::policy::PolicySet::embedded().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 5, 6).unwrap();
        for region in &policy.regions {
            let answers = crate::plan::Answers {
                region: region.id.clone(),
                scheme: crate::policy::Scheme::Employee,
                disease: region.diseases[0].id.clone(),
                validity_end: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
                cross_province: true,
                retired: false,
            };
            let plan = crate::plan::compute(&policy, &answers, today).unwrap();
            for width in [60, 79, 100, 119] {
                for line in text(&plan, width).lines() {
                    assert!(
                        line.width() <= width,
                        "{} at {width}: {} columns: {line}",
                        region.id,
                        line.width()
                    );
                }
            }
        }
    }

    #[test]
    fn pad_uses_display_width() {
        assert_eq!(pad("海西", 6), "海西  ");
        assert_eq!(pad("toolong", 3), "toolong");
    }
}
