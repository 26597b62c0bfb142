//! The plan's facts in words: warnings, statuses, rules, the channel
//! comparison, sources. [`crate::document::build`] puts them into one
//! document that every output renders (`document::plan_text` and
//! `document::plan_markdown` are the short ways to a whole plan). JSON is the plan itself, serialized. Policy
//! text is left as the data has it: each output edge (the CLI's writer, the
//! wizard's screen, the printer) cleans it and converts it for the language.

use chrono::NaiveDate;

use super::{Deadline, PlanChannel, RenewalPlan, Status};
use crate::dates::words::weekday;
use crate::i18n::Words;
use crate::policy::{ChannelKind, Confidence, Fact, Scheme, Source};

mod learned;
mod warnings;
pub(crate) use learned::{learned_lines, learned_said, learned_tag};
pub(crate) use warnings::warning_text;

/// The scheme's name as shown in `words` (职工医保, or the
/// Chinese with its English gloss).
pub(crate) fn scheme_label(scheme: Scheme, words: Words) -> String {
    words.name(scheme.name(), Some(scheme.name_en()))
}

/// The scheme's short name in `words`, for a header (职工医保,
/// Employee insurance).
pub(crate) fn scheme_short_label(scheme: Scheme, words: Words) -> &'static str {
    words.t(match scheme {
        Scheme::Employee => "scheme.employee",
        Scheme::Resident => "scheme.resident",
    })
}

pub(crate) fn date_long(d: NaiveDate, words: Words) -> String {
    words.tf(
        "fmt.date_weekday",
        &[("date", &d), ("weekday", &weekday(d, words))],
    )
}

fn channel_name(c: &PlanChannel, words: Words) -> String {
    words.name(&c.name, c.name_en.as_deref())
}

/// The estimate mark after a date that counts days beyond the official
/// holiday schedules, or nothing.
pub(crate) fn estimated_mark(estimated: bool, words: Words) -> &'static str {
    if estimated {
        words.t("plan.estimated_mark")
    } else {
        ""
    }
}

/// The "apply by" sentence: a review time the source calls usual (一般) is
/// not said to be the longest; one the person was told replaced every
/// channel's own, so no channel is named as if its sourced time counted.
pub(crate) fn apply_by_key(a: &super::ApplyBy) -> &'static str {
    if a.learned.is_some() {
        "plan.apply_by_learned"
    } else if a.typical {
        "plan.apply_by_typical"
    } else {
        "plan.apply_by"
    }
}

/// The headline date to act on, as [`Deadline`] has it: a day to apply
/// by; once that day has passed or the window has closed, what that means
/// now and what to do instead of a date in the past; in a grace period, the
/// last day renewal is still accepted; when no day can be counted, why not
/// and whom to ask. No renewal, no headline date.
pub fn apply_by_line(plan: &RenewalPlan, words: Words) -> Option<String> {
    let w = plan.window.as_ref()?;
    let keeps = || {
        words.t(if plan.late.continuity_during_review.value == Some(true) {
            "warn.keeps_during_review"
        } else {
            "warn.review_continuity_unknown"
        })
    };
    match (plan.deadline, &plan.apply_by) {
        (Deadline::NotNeeded, _) => None,
        (Deadline::Closed, _) => {
            let late = match &plan.late.consequence.value {
                Some(text) => words.tf("warn.late_source_says", &[("text", &words.data(text))]),
                None => words.t("warn.late_source_silent").to_string(),
            };
            Some(words.tf(
                "plan.apply_by_closed",
                &[("closes", &w.last_day()), ("late", &late)],
            ))
        }
        (Deadline::Grace, _) => Some(words.tf(
            "plan.apply_by_grace",
            &[
                ("closes", &w.closes),
                ("until", &date_long(w.last_day(), words)),
                ("n", &plan.grace_days_left.unwrap_or(0)),
            ],
        )),
        (Deadline::Unknown, _) => Some(no_apply_by_line(plan, words)),
        (Deadline::Passed, Some(a)) => Some(words.tf(
            "plan.apply_by_passed",
            &[
                (
                    "date",
                    &format!(
                        "{}{}",
                        date_long(a.date, words),
                        estimated_mark(a.estimated, words)
                    ),
                ),
                ("closes", &w.closes),
                ("keeps", &keeps()),
            ],
        )),
        (_, Some(a)) => {
            let name = plan
                .channels
                .iter()
                .find(|c| c.id == a.channel)
                .map(|c| channel_name(c, words))
                .unwrap_or_default();
            let date = format!(
                "{}{}",
                date_long(a.date, words),
                estimated_mark(a.estimated, words)
            );
            let line = words.tf(
                apply_by_key(a),
                &[("date", &date), ("channel", &name), ("n", &a.working_days)],
            );
            Some(line + &learned_tag(plan, super::learned::LearnedField::ReviewDays, words))
        }
        (_, None) => None,
    }
}

/// Why there is no day to apply by: the channels that take this disease
/// do not state their review time. When the others do not take it (青岛's
/// hospital-only diseases), that is said too, with where to ask.
fn no_apply_by_line(plan: &RenewalPlan, words: Words) -> String {
    // An extension channel's day waits on its fallback's review: that is
    // the one whose time is missing.
    let mut serving: Vec<&PlanChannel> = Vec::new();
    for c in plan.channels.iter().filter(|c| c.serves_disease) {
        let c = c
            .extension
            .as_ref()
            .and_then(|x| plan.channels.iter().find(|f| f.id == x.fallback))
            .unwrap_or(c);
        if !serving.iter().any(|s| s.id == c.id) {
            serving.push(c);
        }
    }
    let names: Vec<String> = serving.iter().map(|c| channel_name(c, words)).collect();
    let names = names.join(words.t("warn.list_sep"));
    // Only one channel takes the disease at all (青岛's hospital-only ones).
    let taking = plan.channels.iter().filter(|c| c.serves_disease).count();
    match serving.as_slice() {
        [only] if taking == 1 && taking < plan.channels.len() => words.tf(
            "plan.apply_by_unknown_only",
            &[("channel", &names), ("where", &words.data(&only.location))],
        ),
        _ => words.tf("plan.apply_by_unknown", &[("channels", &names)]),
    }
}

pub fn status_words(plan: &RenewalPlan, words: Words) -> String {
    let days_left = plan.days_left.unwrap_or(0);
    match plan.status {
        Status::NotYetOpen => words.tf(
            "plan.status.not_yet_open",
            &[("n", &plan.days_until_open.unwrap_or(0))],
        ),
        Status::Open if days_left == 0 => words.t("plan.status.last_day").to_string(),
        // The day to act on comes first when it is before the end date
        // (海西: 46 days to apply by, 55 to the end): both, never one alone.
        Status::Open => match (plan.deadline, &plan.apply_by) {
            (super::Deadline::ApplyBy, Some(a)) if (a.date - plan.today).num_days() < days_left => {
                words.tf(
                    "plan.status.open_apply_by",
                    &[
                        ("apply", &(a.date - plan.today).num_days()),
                        ("n", &days_left),
                    ],
                )
            }
            _ => words.tf("plan.status.open", &[("n", &days_left)]),
        },
        Status::Grace => words.tf(
            "plan.status.grace",
            &[
                (
                    "until",
                    &plan
                        .window
                        .as_ref()
                        .map(|w| w.last_day())
                        .unwrap_or(plan.today),
                ),
                ("n", &plan.grace_days_left.unwrap_or(0)),
            ],
        ),
        Status::Expired => words.tf(
            "plan.status.expired",
            &[("n", &plan.days_overdue.unwrap_or(0))],
        ),
        Status::NoRenewal if plan.renewal_scope.as_ref().is_some_and(|s| s.inferred) => {
            words.t("plan.status.no_renewal_inferred").to_string()
        }
        Status::NoRenewal => words.t("plan.status.no_renewal").to_string(),
    }
}

/// The window in a sentence: its days, and how it is counted (months or
/// days before the end date), then the grace period after it.
pub(crate) fn window_words(w: &super::RenewalWindow, words: Words) -> Vec<String> {
    let mut out = vec![match (w.months, w.days) {
        (_, Some(days)) => words.tf(
            "plan.window_days",
            &[
                ("opens", &date_long(w.opens, words)),
                ("closes", &date_long(w.closes, words)),
                ("days", &days),
            ],
        ),
        (months, None) => words.tf(
            "plan.window",
            &[
                ("opens", &date_long(w.opens, words)),
                ("closes", &date_long(w.closes, words)),
                ("months", &months.unwrap_or(0)),
            ],
        ),
    }];
    // A window in days is read one way of several (中山: 到期前30日内 from
    // end − 30, 31 days with both ends): the data says which, and why.
    if let (Some(_), Some(basis)) = (w.days, &w.basis) {
        out.push(words.data(basis));
    }
    if let Some(g) = &w.grace {
        out.push(words.tf(
            "plan.grace",
            &[("days", &g.days), ("until", &date_long(g.until, words))],
        ));
    }
    out
}

/// No renewal: what the source says, for this disease or all of them.
pub(crate) fn no_renewal_words(plan: &RenewalPlan, words: Words) -> Option<String> {
    let scope = plan.renewal_scope.as_ref()?;
    if plan.status != Status::NoRenewal {
        return None;
    }
    let source = source_title(plan, &scope.source);
    let status = status_words(plan, words);
    Some(if scope.listed.is_empty() {
        words.tf(
            "plan.no_renewal_all",
            &[
                ("status", &status),
                ("text", &words.data(&scope.text)),
                ("source", &source),
            ],
        )
    } else {
        words.tf(
            "plan.no_renewal_disease",
            &[
                ("status", &status),
                (
                    "disease",
                    &words.name(&plan.disease.name, plan.disease.name_en.as_deref()),
                ),
                ("listed", &scope.listed.join("、")),
                ("n", &scope.listed.len()),
                ("text", &words.data(&scope.text)),
                ("source", &source),
            ],
        )
    })
}

/// A one-off extension that moved the end date, in a sentence.
pub(crate) fn extension_words(plan: &RenewalPlan, words: Words) -> Option<String> {
    let x = plan.extension.as_ref()?;
    Some(words.tf(
        "plan.extended",
        &[
            ("from", &x.original_end),
            ("to", &date_long(x.extended_end, words)),
            ("months", &x.months),
            ("on", &x.on),
            ("text", &words.data(&x.text)),
        ],
    ))
}

/// How long a qualification granted on the plan's reference day lasts,
/// with the value before it when it changed.
pub(crate) fn validity_words(plan: &RenewalPlan, words: Words) -> Option<String> {
    let v = plan.validity.as_ref()?;
    let mut text = words.tf("plan.validity", &[("on", &v.on), ("months", &v.months)]);
    if let (Some(since), Some(before)) = (v.since, v.previous_months) {
        text.push_str(&words.tf(
            "plan.validity_changed",
            &[("since", &since), ("before", &before)],
        ));
    }
    if let Some(note) = &v.note {
        text.push_str(&words.tf("plan.validity_note", &[("note", &words.data(note))]));
    }
    Some(text)
}

/// An extension channel: what it gives this person, or that it does not
/// take their disease, and where a refusal goes.
pub(crate) fn channel_extension_words(ch: &PlanChannel, words: Words) -> Option<String> {
    let x = ch.extension.as_ref()?;
    let fallback = words.name(&x.fallback_name, x.fallback_name_en.as_deref());
    Some(if ch.serves_disease {
        words.tf(
            "plan.extension_channel",
            &[
                ("channel", &channel_name(ch, words)),
                ("result", &words.data(&x.result)),
                ("months", &x.months),
                ("end", &date_long(x.new_end, words)),
                ("fallback", &fallback),
                ("text", &words.data(&x.fallback_text)),
            ],
        )
    } else {
        words.tf(
            "plan.extension_not_for_disease",
            &[
                ("channel", &channel_name(ch, words)),
                ("fallback", &fallback),
            ],
        )
    })
}

/// A source's title, by its id among the plan's sources.
fn source_title(plan: &RenewalPlan, id: &str) -> String {
    plan.sources
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.title.clone())
        .unwrap_or_else(|| id.to_string())
}

pub(crate) fn kind_word(kind: ChannelKind, words: Words) -> &'static str {
    match kind {
        ChannelKind::Online => words.t("channel.online"),
        ChannelKind::Offline => words.t("channel.offline"),
    }
}

/// A fact in words: the value, with the source's own qualification in
/// brackets when the data has one; or "unknown" and where to ask.
fn fact_text<T>(fact: &Fact<T>, show: impl Fn(&T) -> String, words: Words) -> String {
    match &fact.value {
        Some(v) => match &fact.note {
            Some(note) => words.tf("fmt.paren", &[("text", &show(v)), ("note", note)]),
            None => show(v),
        },
        None => match &fact.note {
            // The note is the data's own words (Chinese): said as such.
            Some(note) => words.tf("fact.unknown_note", &[("note", note)]),
            None => words.t("fact.unknown").to_string(),
        },
    }
}

pub(crate) fn review_words(ch: &PlanChannel, words: Words) -> String {
    let r = &ch.review;
    let mut s = if r.instant_for_disease {
        words.t("review.instant_for_disease").to_string()
    } else if r.instant {
        words.t("review.instant").to_string()
    } else {
        match (r.working_days_min, r.working_days) {
            (Some(min), Some(max)) if min != max => {
                words.tf("review.range", &[("min", &min), ("max", &max)])
            }
            (_, Some(max)) if r.typical => words.tf("review.days_typical", &[("n", &max)]),
            (_, Some(max)) => words.tf("review.days", &[("n", &max)]),
            _ => words.t("review.unknown").to_string(),
        }
    };
    if let Some(n) = r.notify_working_days {
        s.push_str(&words.tf("review.notify", &[("n", &n)]));
    }
    s
}

fn channel_dates(plan: &RenewalPlan, ch: &PlanChannel, words: Words) -> (String, String) {
    if plan.window.is_none() {
        // Nothing to renew, so no day to apply by: not an unknown one.
        let none = words.t("plan.status.no_renewal").to_string();
        return (none.clone(), none);
    }
    if !ch.serves_disease {
        // No dates, and not because the source is silent.
        let no = words.t("cmp.serves.no").to_string();
        return (no.clone(), no);
    }
    let mark = estimated_mark;
    let result = ch
        .expected_result
        .map(|d| format!("{d}{}", mark(ch.result_estimated, words)))
        .unwrap_or_else(|| words.t("fact.unknown").to_string());
    let by = ch
        .apply_by
        .map(|d| format!("{d}{}", mark(ch.apply_by_estimated, words)))
        .unwrap_or_else(|| words.t("fact.unknown").to_string());
    (result, by)
}

pub(crate) fn comparison_rows(
    plan: &RenewalPlan,
    words: Words,
) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    let chans = &plan.channels;
    let headers = chans
        .iter()
        .map(|c| format!("[{}] {}", kind_word(c.kind, words), channel_name(c, words)))
        .collect();
    let opt = |o: &Option<String>| {
        o.clone()
            .unwrap_or_else(|| words.t("fact.unknown").to_string())
    };
    let list = |v: &Vec<String>| {
        if v.is_empty() {
            "—".to_string()
        } else {
            v.join("；")
        }
    };
    let row = |key: &str, f: &dyn Fn(&PlanChannel) -> String| {
        (words.t(key).to_string(), chans.iter().map(f).collect())
    };
    let told_review = learned_tag(plan, super::learned::LearnedField::ReviewDays, words);
    let rows = vec![
        row("cmp.where", &|c| c.location.clone()),
        row("cmp.hours", &|c| opt(&c.hours)),
        row("cmp.materials_form", &|c| opt(&c.materials_form)),
        // A review time the person was told replaced every channel's own
        // (not an extension's): the cell, and every day counted from it,
        // say so.
        row("cmp.review", &|c| match c.extension {
            None => review_words(c, words) + &told_review,
            Some(_) => review_words(c, words),
        }),
        row("cmp.expected_result", &|c| channel_dates(plan, c, words).0),
        row("cmp.apply_by", &|c| {
            let passed = c.apply_by.is_some_and(|d| d < plan.today);
            format!(
                "{}{}{}",
                channel_dates(plan, c, words).1,
                if passed {
                    words.t("plan.passed_mark")
                } else {
                    ""
                },
                if c.apply_by.is_some() {
                    told_review.as_str()
                } else {
                    ""
                }
            )
        }),
        row("cmp.suits", &|c| opt(&c.suits)),
        row("cmp.pros", &|c| list(&c.pros)),
        row("cmp.cons", &|c| list(&c.cons)),
        row("cmp.serves", &|c| {
            if c.serves_disease {
                words.t("cmp.serves.yes").to_string()
            } else {
                words.t("cmp.serves.no").to_string()
            }
        }),
    ];
    (headers, rows)
}

/// The rules around the window: materials age, benefits during review,
/// what happens if late, the renewal cycle. One paragraph each.
/// Where a field's values come from, in words, when that is not the data
/// the plan is for (a city's plan showing its province's window, a
/// province's showing the generic list): "湖南省全省的资料", "通用做法".
pub(crate) fn level_word(plan: &RenewalPlan, field: &str, words: Words) -> Option<String> {
    use crate::policy::DataLevel;
    // A value the person was told says so instead of the data's level.
    if let Some(u) = plan.learned.iter().find(|u| {
        u.field.id() == field
            || (field == "window_months" && u.about == super::questions::Unknown::Window)
    }) {
        return Some(learned_said(u, words));
    }
    let level = *plan.data_levels.get(field)?;
    if level <= plan.data_level {
        return None;
    }
    let municipal = plan
        .province_data
        .as_ref()
        .is_some_and(|p| ["北京市", "天津市", "上海市", "重庆市"].contains(&p.name.as_str()));
    Some(match level {
        DataLevel::Province if municipal => words.tf(
            "plan.level.municipality",
            &[(
                "city",
                &plan
                    .province_data
                    .as_ref()
                    .map(|p| p.name.clone())
                    .unwrap_or_default(),
            )],
        ),
        DataLevel::Province => words.tf(
            "plan.level.province",
            &[(
                "province",
                &plan
                    .province_data
                    .as_ref()
                    .map(|p| p.name.clone())
                    .unwrap_or_default(),
            )],
        ),
        DataLevel::Generic => words.t("plan.level.generic").to_string(),
        DataLevel::City => return None,
    })
}

/// [`level_word`] as a tag after a line: "（通用做法）", or nothing.
pub(crate) fn level_tag(plan: &RenewalPlan, field: &str, words: Words) -> String {
    level_word(plan, field, words)
        .map(|w| words.tf("plan.level.tag", &[("level", &w)]))
        .unwrap_or_default()
}

/// A note heading a section whose values come from elsewhere than the
/// plan's own data: "本节是通用做法（当地的资料没有写这一项）".
pub(crate) fn level_note(plan: &RenewalPlan, fields: &[&str], words: Words) -> Option<String> {
    // The least specific of the section's fields speaks for it.
    let field = fields
        .iter()
        .max_by_key(|f| plan.data_levels.get(**f).copied())?;
    level_word(plan, field, words).map(|w| words.tf("plan.level.section", &[("level", &w)]))
}

/// Values named in the summary that come from elsewhere (the benefit's
/// name, the disease list): "待遇名称、病种目录：湖南省全省的资料".
pub(crate) fn level_fields(plan: &RenewalPlan, words: Words) -> Vec<String> {
    let mut by_word: Vec<(String, Vec<String>)> = Vec::new();
    for (field, key) in [
        ("benefit_name", "plan.field.benefit_name"),
        ("diseases", "plan.field.diseases"),
    ] {
        if let Some(w) = level_word(plan, field, words) {
            match by_word.iter_mut().find(|(x, _)| *x == w) {
                Some((_, names)) => names.push(words.t(key).to_string()),
                None => by_word.push((w, vec![words.t(key).to_string()])),
            }
        }
    }
    by_word
        .into_iter()
        .map(|(w, names)| {
            words.tf(
                "plan.level.fields",
                &[
                    ("fields", &names.join(words.t("warn.list_sep"))),
                    ("level", &w),
                ],
            )
        })
        .collect()
}

pub fn rules(plan: &RenewalPlan, words: Words) -> Vec<String> {
    let mut out = Vec::new();
    out.extend(validity_words(plan, words));
    if let Some(m) = &plan.materials {
        let key = if m.approximate {
            "plan.materials_about"
        } else {
            "plan.materials"
        };
        out.push(
            words.tf(
                key,
                &[
                    ("months", &m.months),
                    ("date", &m.earliest_date),
                    ("ref", &m.reference_day),
                ],
            ) + &level_tag(plan, "materials_max_age", words),
        );
    }
    // Review, lateness and cycle are rules of a renewal.
    if plan.status == Status::NoRenewal {
        return out;
    }
    out.push(format!(
        "{}{}{}",
        words.t("plan.continuity_label"),
        fact_text(
            &plan.late.continuity_during_review,
            |v| {
                if *v {
                    words.t("plan.continuity_yes").to_string()
                } else {
                    words.t("plan.continuity_no").to_string()
                }
            },
            words
        ),
        level_tag(plan, "continuity_during_review", words),
    ));
    out.push(format!(
        "{}{}{}",
        words.t("plan.late_label"),
        fact_text(&plan.late.consequence, |v| v.clone(), words),
        level_tag(plan, "late_consequence", words),
    ));
    out.push(format!(
        "{}{}{}",
        words.t("plan.cycle_label"),
        fact_text(
            &plan.cycle_years,
            |v| {
                words.tf(
                    "plan.cycle_years",
                    &[(
                        "years",
                        &v.iter()
                            .map(u32::to_string)
                            .collect::<Vec<_>>()
                            .join(words.t("plan.or")),
                    )],
                )
            },
            words
        ),
        level_tag(plan, "cycle_years", words),
    ));
    out
}

/// A source as a person can find and weigh it: title, publisher, standing
/// and publication date, and its address. Never the project's file name.
pub(crate) fn source_line(s: &Source, words: Words) -> String {
    let mut parts: Vec<String> = s.publisher.iter().cloned().collect();
    parts.push(
        words
            .t(match s.confidence {
                Confidence::High => "source.high",
                Confidence::Med => "source.med",
                Confidence::Low => "source.low",
                Confidence::Seed => "source.seed",
                Confidence::ThirdParty => "source.third_party",
            })
            .to_string(),
    );
    parts.push(match &s.published {
        Some(date) => words.tf("source.published", &[("date", date)]),
        None => words.t("source.undated").to_string(),
    });
    let mut line = words.tf(
        "fmt.paren",
        &[
            ("text", &s.title),
            ("note", &parts.join(words.t("source.sep"))),
        ],
    );
    if let Some(u) = &s.url {
        line.push_str(&format!(" {u}"));
    }
    line
}

/// One phone to call, as a line: whose it is, the number, and for the
/// service line what the number reaches (a shared area code: choose the
/// place in the voice menu; no code: the office where one is calling from).
pub(crate) fn contact_line(
    c: &super::contacts::PlanContact,
    place: &str,
    weak: bool,
    words: Words,
) -> String {
    use super::contacts::ContactKind;
    let sep = words.t("doc.contact_sep");
    let mut parts = vec![format!("{}{}{}", c.name, sep, words.t("plan.phone")) + &c.phone];
    parts.extend(c.hours.clone());
    if c.kind == ContactKind::ServiceLine {
        match &c.area_code {
            Some(code) if !c.shared_with.is_empty() => parts.push(words.tf(
                "plan.call.shared",
                &[
                    ("code", code),
                    ("places", &c.shared_with.join(words.t("plan.call.list_sep"))),
                    ("place", &place),
                ],
            )),
            Some(_) => {}
            None => parts.push(words.t("plan.call.no_code").to_string()),
        }
    }
    // The channel's own note, where the office gave one.
    if c.kind == ContactKind::Office {
        parts.extend(c.note.clone());
    }
    let mut line = parts.join(sep);
    if weak {
        line.push_str(words.t("plan.call.weak"));
    }
    line
}

/// The plan's phones as lines, the channels' first, at most `offices` of
/// them (the channel section lists every one), then the service line.
pub(crate) fn contact_lines(plan: &RenewalPlan, offices: usize, words: Words) -> Vec<String> {
    use super::contacts::ContactKind;
    let weak = |c: &super::contacts::PlanContact| {
        plan.sources
            .iter()
            .any(|s| s.id == c.source && s.confidence == Confidence::Low)
    };
    let place = plan.place_short_name();
    let (office, line): (Vec<_>, Vec<_>) = plan
        .contacts
        .iter()
        .partition(|c| c.kind == ContactKind::Office);
    office
        .into_iter()
        .take(offices)
        .chain(line)
        .map(|c| contact_line(c, &place, weak(c), words))
        .collect()
}

/// The words of a question to ask the office.
pub(crate) fn question_words(about: super::questions::Unknown, words: Words) -> &'static str {
    use super::questions::Unknown;
    words.t(match about {
        Unknown::RenewalNeeded => "question.renewal_needed",
        Unknown::Window => "question.window",
        Unknown::Channel => "question.channel",
        Unknown::ReviewTime => "question.review_time",
        Unknown::Documents => "question.documents",
        Unknown::Validity => "question.validity",
        Unknown::Continuity => "question.continuity",
    })
}
