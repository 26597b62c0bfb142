//! Warnings in words: one function per warning that needs more than one
//! message, [`warning_text`] choosing among them.

use chrono::NaiveDate;

use super::super::Warning;
use crate::calendar::HolidaySpan;
use crate::i18n::Words;

/// A statutory holiday with its days, e.g. "春节 2027-02-05 至 2027-02-08".
pub(crate) fn holiday_words(h: &HolidaySpan, words: Words) -> String {
    if h.first == h.last {
        words.tf(
            "holiday.day",
            &[("name", &words.t(h.holiday.key())), ("date", &h.first)],
        )
    } else {
        words.tf(
            "holiday.span",
            &[
                ("name", &words.t(h.holiday.key())),
                ("first", &h.first),
                ("last", &h.last),
            ],
        )
    }
}

/// A warning in the run's language.
pub(crate) fn warning_text(w: &Warning, words: Words) -> String {
    match w {
        Warning::WindowAssumed {
            region,
            months,
            note,
        } => words.tf(
            "warn.window_assumed",
            &[
                ("region", &words.name(region, None)),
                ("months", months),
                (
                    "note",
                    &note
                        .as_deref()
                        .map(|n| words.tf("warn.source_note", &[("note", &words.data(n))]))
                        .unwrap_or_else(|| words.t("warn.ask_local").to_string()),
                ),
            ],
        ),
        Warning::NotYetOpen { opens, days } => {
            words.tf("warn.not_yet_open", &[("opens", opens), ("n", days)])
        }
        Warning::WindowClosed {
            closes,
            days,
            consequence,
            grace_until,
        } => window_closed(*closes, *days, consequence.as_deref(), *grace_until, words),
        Warning::InGrace {
            ended,
            until,
            days,
            note,
        } => {
            let mut text = words.tf(
                "warn.in_grace",
                &[("ended", ended), ("until", until), ("n", days)],
            );
            if let Some(note) = note {
                text.push_str(&words.tf("warn.grace_source_says", &[("text", &words.data(note))]));
            }
            text
        }
        Warning::ResultAfterEnd {
            working_days,
            closes,
            keeps_during_review,
            typical,
        } => result_after_end(
            *working_days,
            *closes,
            *keeps_during_review,
            *typical,
            words,
        ),
        Warning::CalendarEstimated {
            since, holidays, ..
        } => calendar_estimated(*since, holidays, words),
        Warning::NoDirectSettlement {
            disease,
            disease_en,
        } => words.tf(
            "warn.no_direct_settlement",
            &[("disease", &words.name(disease, disease_en.as_deref()))],
        ),
        Warning::RegionGeneric => words.t("warn.region_generic").to_string(),
        Warning::DiseaseUnlisted {
            disease,
            disease_en,
            region,
        } => words.tf(
            "warn.disease_unlisted",
            &[
                ("disease", &words.name(disease, disease_en.as_deref())),
                ("region", &words.name(region, None)),
            ],
        ),
        Warning::SourcesOld {
            region,
            published,
            months,
        } => words.tf(
            "warn.sources_old",
            &[
                ("region", &words.name(region, None)),
                ("published", published),
                ("months", months),
            ],
        ),
        Warning::VerifiedOld { date, months } => {
            words.tf("warn.verified_old", &[("date", date), ("months", months)])
        }
        Warning::EndFarAhead { end } => words.tf("warn.end_far_ahead", &[("end", end)]),
        Warning::EndNotADeadline { end, source_says } => words.tf(
            "warn.end_not_a_deadline",
            &[("end", end), ("text", &words.data(source_says))],
        ),
        Warning::UnofficialSource { region } => words.tf(
            "warn.unofficial_source",
            &[("region", &words.name(region, None))],
        ),
    }
}

/// The window has closed: what the source says of being late, and that a
/// grace period has passed too.
fn window_closed(
    closes: NaiveDate,
    days: i64,
    consequence: Option<&str>,
    grace_until: Option<NaiveDate>,
    words: Words,
) -> String {
    let source = match consequence {
        Some(text) => words.tf("warn.late_source_says", &[("text", &words.data(text))]),
        None => words.t("warn.late_source_silent").to_string(),
    };
    let text = words.tf(
        "warn.window_closed",
        &[("closes", &closes), ("n", &days), ("source", &source)],
    );
    match grace_until {
        Some(until) => text + &words.tf("warn.grace_ended", &[("until", &until)]),
        None => text,
    }
}

/// Applying now, the result comes after the end date: whether benefits
/// go on meanwhile.
fn result_after_end(
    working_days: u32,
    closes: NaiveDate,
    keeps_during_review: bool,
    typical: bool,
    words: Words,
) -> String {
    let keeps = words.t(if keeps_during_review {
        "warn.keeps_during_review"
    } else {
        "warn.review_continuity_unknown"
    });
    words.tf(
        if typical {
            "warn.result_after_end_typical"
        } else {
            "warn.result_after_end"
        },
        &[("n", &working_days), ("closes", &closes), ("keeps", &keeps)],
    )
}

/// Days counted beyond the published notices, with the holidays the
/// estimate counts off.
fn calendar_estimated(since: NaiveDate, holidays: &[HolidaySpan], words: Words) -> String {
    let mut text = words.tf("warn.calendar_estimated", &[("since", &since)]);
    if !holidays.is_empty() {
        let list: Vec<String> = holidays.iter().map(|h| holiday_words(h, words)).collect();
        text.push_str(&words.tf(
            "warn.calendar_holidays",
            &[("list", &list.join(words.t("warn.list_sep")))],
        ));
    }
    text
}
