//! Checks that make a data file trustworthy enough to act on: every id is
//! unique, every reference resolves, every figure names a source, nothing is
//! blank. Each problem names the file, the field and the reason.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};

use super::{ChannelKind, Fact, National, Problem, Region, Source, parse_published};
use crate::text::is_invisible_or_bidi;

mod national;
pub(crate) use national::{across, national};

/// Longest review a channel may state, in working days (about four months).
/// The seed regions say 1 to 7; beyond this a figure is a typo, and counting
/// it would cost time for every plan.
pub(crate) const MAX_REVIEW_WORKING_DAYS: u32 = 90;
/// Longest time to notify after a review, in working days.
pub(crate) const MAX_NOTIFY_WORKING_DAYS: u32 = 30;
/// Longest renewal cycle, in years.
pub(crate) const MAX_CYCLE_YEARS: u32 = 10;
/// Longest window or grace period given in days (a year).
pub(crate) const MAX_WINDOW_DAYS: u32 = 366;
/// Longest validity or extension, in months (ten years).
pub(crate) const MAX_VALIDITY_MONTHS: u32 = 120;
/// Largest yearly limit an example row may show (ten million yuan).
pub(crate) const MAX_ANNUAL_LIMIT_YUAN: u32 = 10_000_000;
/// Years a source may be published in.
pub(crate) const PUBLISHED_YEARS: std::ops::RangeInclusive<i32> = 1949..=2100;
/// Years the data may say it was checked in.
pub(crate) const VERIFIED_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

struct Checker<'a> {
    file: &'a str,
    sources: HashSet<&'a str>,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    fn new(file: &'a str, sources: &'a [Source]) -> Self {
        let mut c = Checker {
            file,
            sources: HashSet::new(),
            problems: Vec::new(),
        };
        if sources.is_empty() {
            c.fail("sources", "no sources: every fact needs one");
        }
        for (i, s) in sources.iter().enumerate() {
            if !c.sources.insert(s.id.as_str()) {
                c.fail(
                    &format!("sources[{i}].id"),
                    &format!("duplicate source id {:?}", s.id),
                );
            }
            match s.published.as_deref().map(|p| (p, parse_published(p))) {
                None => {}
                Some((p, None)) => c.fail(
                    &format!("sources[{i}].published"),
                    &format!("{p:?} is not YYYY, YYYY-MM or YYYY-MM-DD"),
                ),
                Some((p, Some(d))) if !PUBLISHED_YEARS.contains(&d.year()) => c.fail(
                    &format!("sources[{i}].published"),
                    &format!(
                        "{:?} is not a year from {} to {}",
                        p,
                        PUBLISHED_YEARS.start(),
                        PUBLISHED_YEARS.end()
                    ),
                ),
                Some((_, Some(_))) => {}
            }
            if s.file.is_none() && s.url.is_none() && s.publisher.is_none() {
                c.fail(
                    &format!("sources[{i}]"),
                    "names no file, url or publisher to find it by",
                );
            }
        }
        c
    }

    fn fail(&mut self, field: &str, reason: &str) {
        self.problems.push(Problem {
            file: self.file.to_string(),
            field: field.to_string(),
            reason: reason.to_string(),
        });
    }

    /// A date the data says it was checked on, within `VERIFIED_YEARS`.
    fn verified_on(&mut self, field: &str, date: NaiveDate) {
        if !VERIFIED_YEARS.contains(&date.year()) {
            self.fail(
                field,
                &format!(
                    "{date} is not a date from {} to {}",
                    VERIFIED_YEARS.start(),
                    VERIFIED_YEARS.end()
                ),
            );
        }
    }

    /// A count within `max`.
    fn at_most(&mut self, field: &str, value: Option<u32>, max: u32, unit: &str) {
        if let Some(v) = value
            && v > max
        {
            self.fail(field, &format!("{v} {unit} is more than the {max} allowed"));
        }
    }

    /// Renewal cycles: each 1 to `MAX_CYCLE_YEARS` years.
    fn cycle(&mut self, field: &str, cycle: &Fact<Vec<u32>>) {
        for (i, y) in cycle.value.iter().flatten().enumerate() {
            if !(1..=MAX_CYCLE_YEARS).contains(y) {
                self.fail(
                    &format!("{field}.value[{i}]"),
                    &format!("{y} years is not a cycle of 1 to {MAX_CYCLE_YEARS} years"),
                );
            }
        }
    }

    fn source(&mut self, field: &str, id: &str) {
        if !self.sources.contains(id) {
            self.fail(field, &format!("source {id:?} is not listed in sources"));
        }
    }

    fn fact<T>(&mut self, field: &str, fact: &Fact<T>) {
        match (&fact.value, &fact.source) {
            (Some(_), None) => self.fail(field, "has a value but no source"),
            (_, Some(s)) => self.source(&format!("{field}.source"), s),
            (None, None) => {
                if fact.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
                    self.fail(
                        field,
                        "is unknown (null) but has no note saying where to ask",
                    );
                }
            }
        }
    }

    fn unique<'b>(
        &mut self,
        field: &str,
        ids: impl IntoIterator<Item = &'b str>,
    ) -> HashSet<&'b str> {
        let mut seen = HashSet::new();
        for id in ids {
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                self.fail(
                    field,
                    &format!("id {id:?} must be lowercase ASCII letters, digits and '-'"),
                );
            }
            if !seen.insert(id) {
                self.fail(field, &format!("duplicate id {id:?}"));
            }
        }
        seen
    }

    /// No empty or whitespace-only text, and no control characters, in
    /// any field. The path is spelled out only for a failure.
    fn no_blank_text<T: serde::Serialize>(&mut self, value: &T) {
        super::texts::visit(value, &mut |path, text| {
            if let Some(reason) = text_problem(text) {
                self.fail(&super::texts::spell(path), &reason);
            }
        });
    }
}

/// What is wrong with one text of a data file, if anything: empty, a
/// control character, or an invisible or direction-changing one. The one
/// rule for every data file (regions, national, holidays).
pub(crate) fn text_problem(text: &str) -> Option<String> {
    // One pass over the characters (every string of a national set goes
    // through here): the first wrong one, and whether any is more than
    // white space.
    let mut blank = true;
    let mut control = false;
    let mut hidden = None;
    for c in text.chars() {
        blank &= c.is_whitespace();
        if c.is_control() && c != '\n' {
            control = true;
        } else if hidden.is_none() && is_invisible_or_bidi(c) {
            hidden = Some(c);
        }
    }
    if blank {
        Some("is empty".into())
    } else if control {
        Some("contains a control character".into())
    } else {
        hidden.map(|c| {
            format!(
                "contains the invisible or direction-changing character U+{:04X}",
                c as u32
            )
        })
    }
}

/// A file's place and its province agree, and a province's own file says
/// it is one: its `place` is the province's code, or its cities would not
/// find it to inherit from.
fn place_and_province(c: &mut Checker, r: &Region) {
    use crate::places::{PlaceLevel, all, by_code};
    if r.generic {
        return;
    }
    let place = r.place.as_deref().and_then(by_code);
    for p in all().iter().filter(|p| p.level == PlaceLevel::Province) {
        let named = [r.name.as_str(), r.short_name.as_str()]
            .iter()
            .any(|n| *n == p.name || *n == p.short_name);
        if named && r.place.as_deref() != Some(p.code) {
            c.fail(
                "place",
                &format!(
                    "named like the province {}, but its place is not {}: a province's file \
                     gives its province's code, so its cities inherit what it says",
                    p.name, p.code
                ),
            );
        }
    }
    if let Some(place) = place {
        let province = place.province_place().unwrap_or(place);
        if r.province != province.name {
            c.fail(
                "province",
                &format!(
                    "{:?}, but place {} ({}) is in {}",
                    r.province,
                    place.code,
                    place.full_name(),
                    province.name
                ),
            );
        }
    }
}

/// Every problem in one region file.
pub fn region(file: &str, r: &Region) -> Vec<Problem> {
    let mut c = Checker::new(file, &r.sources);
    region_facts(&mut c, r);
    let doc_ids = documents(&mut c, r);
    let choice_ids = document_choices(&mut c, r, &doc_ids);
    let disease_ids = diseases(&mut c, r, &doc_ids, &choice_ids);
    renewal_scope(&mut c, r, &disease_ids);
    let channel_ids = channels_of_diseases(&mut c, r);
    for (i, ch) in r.channels.iter().enumerate() {
        channel(&mut c, i, ch, &disease_ids, &channel_ids);
    }
    notes_and_examples(&mut c, r);
    c.problems
}

/// The region's own facts: text, id, place, window, validity, materials.
fn region_facts(c: &mut Checker, r: &Region) {
    c.no_blank_text(r);
    c.unique("id", [r.id.as_str()]);
    c.verified_on("verified_on", r.verified_on);
    if let Some(code) = &r.place
        && crate::places::by_code(code).is_none()
    {
        c.fail(
            "place",
            &format!("{code:?} is not a GB/T 2260 code in data/places.json"),
        );
    }
    if r.generic && r.place.is_some() {
        c.fail("place", "the generic entry covers no one place");
    }
    place_and_province(c, r);
    c.fact("window_months", &r.window_months);
    if let Some(m) = r.window_months.value
        && !(1..=24).contains(&m)
    {
        c.fail(
            "window_months.value",
            &format!("{m} months is not a plausible window (1 to 24)"),
        );
    }
    for (field, fact) in [
        ("window_days", &r.window_days),
        ("grace_days", &r.grace_days),
    ] {
        let Some(fact) = fact else { continue };
        c.fact(field, fact);
        if let Some(d) = fact.value
            && !(1..=MAX_WINDOW_DAYS).contains(&d)
        {
            c.fail(
                &format!("{field}.value"),
                &format!("{d} days is not 1 to {MAX_WINDOW_DAYS}"),
            );
        }
    }
    if r.window_days.as_ref().is_some_and(|f| f.value.is_some()) && r.window_months.value.is_some()
    {
        c.fail(
            "window_days",
            "a window in days and one in months: give one, and null for the other",
        );
    }
    dated_values(c, r);
    c.fact("cycle_years", &r.cycle_years);
    c.cycle("cycle_years", &r.cycle_years);
    c.fact("materials_max_age", &r.materials_max_age);
    if let Some(age) = &r.materials_max_age.value
        && !(1..=60).contains(&age.months)
    {
        c.fail("materials_max_age.value.months", "must be 1 to 60 months");
    }
    c.fact("continuity_during_review", &r.continuity_during_review);
    c.fact("late_consequence", &r.late_consequence);
}

/// The documents: their sources, and the common ones exist.
fn documents<'a>(c: &mut Checker, r: &'a Region) -> HashSet<&'a str> {
    let doc_ids = c.unique("documents[].id", r.documents.iter().map(|d| d.id.as_str()));
    for (i, d) in r.documents.iter().enumerate() {
        c.source(&format!("documents[{i}].source"), &d.source);
    }
    for (i, id) in r.common_documents.iter().enumerate() {
        if !doc_ids.contains(id.as_str()) {
            c.fail(
                &format!("common_documents[{i}]"),
                &format!("document {id:?} does not exist"),
            );
        }
    }
    doc_ids
}

/// Alternatives: two routes or more, each with documents that exist and
/// belong to no other route of the choice (else ticking one would count
/// for a route the person did not take).
fn document_choices<'a>(
    c: &mut Checker,
    r: &'a Region,
    doc_ids: &HashSet<&str>,
) -> HashSet<&'a str> {
    let choice_ids = c.unique(
        "document_choices[].id",
        r.document_choices.iter().map(|ch| ch.id.as_str()),
    );
    for (i, ch) in r.document_choices.iter().enumerate() {
        let f = format!("document_choices[{i}]");
        c.source(&format!("{f}.source"), &ch.source);
        if ch.routes.len() < 2 {
            c.fail(&format!("{f}.routes"), "a choice needs two routes or more");
        }
        c.unique(
            &format!("{f}.routes[].id"),
            ch.routes.iter().map(|rt| rt.id.as_str()),
        );
        let mut in_a_route = HashSet::new();
        for (j, rt) in ch.routes.iter().enumerate() {
            if rt.documents.is_empty() {
                c.fail(
                    &format!("{f}.routes[{j}].documents"),
                    "empty: a route needs documents",
                );
            }
            for (k, id) in rt.documents.iter().enumerate() {
                let field = format!("{f}.routes[{j}].documents[{k}]");
                if !doc_ids.contains(id.as_str()) {
                    c.fail(&field, &format!("document {id:?} does not exist"));
                } else if !in_a_route.insert(id.as_str()) {
                    c.fail(
                        &field,
                        &format!("document {id:?} is in another route of this choice"),
                    );
                } else if r.common_documents.contains(id) {
                    c.fail(
                        &field,
                        &format!("document {id:?} is common to every applicant"),
                    );
                } else if r.document(id).is_some_and(|d| !d.schemes.is_empty()) {
                    // A route that needs nothing for one scheme would be
                    // complete before anything is done.
                    c.fail(&field, &format!("document {id:?} is for some schemes only"));
                }
            }
        }
    }
    choice_ids
}

/// The diseases: sources, documents and choices that exist, cycles, and
/// one "other" entry exactly when the list is open.
fn diseases<'a>(
    c: &mut Checker,
    r: &'a Region,
    doc_ids: &HashSet<&str>,
    choice_ids: &HashSet<&str>,
) -> HashSet<&'a str> {
    let disease_ids = c.unique("diseases[].id", r.diseases.iter().map(|d| d.id.as_str()));
    if r.diseases.is_empty() {
        c.fail("diseases", "no diseases");
    }
    for (i, d) in r.diseases.iter().enumerate() {
        c.source(&format!("diseases[{i}].source"), &d.source);
        for (j, id) in d.concepts.iter().flatten().enumerate() {
            if !crate::vocabulary::concepts().iter().any(|k| &k.id == id) {
                c.fail(
                    &format!("diseases[{i}].concepts[{j}]"),
                    &format!("{:?} ({}) names no concept of data/diseases.json", id, d.id),
                );
            }
        }
        for (j, id) in d.documents.iter().enumerate() {
            if !doc_ids.contains(id.as_str()) {
                c.fail(
                    &format!("diseases[{i}].documents[{j}]"),
                    &format!("document {id:?} does not exist"),
                );
            }
        }
        let mut routed = HashSet::new();
        for (j, id) in d.document_choices.iter().enumerate() {
            let field = format!("diseases[{i}].document_choices[{j}]");
            if !choice_ids.contains(id.as_str()) {
                c.fail(&field, &format!("document choice {id:?} does not exist"));
                continue;
            }
            let docs = r
                .document_choice(id)
                .into_iter()
                .flat_map(|ch| ch.routes.iter().flat_map(|rt| &rt.documents));
            for doc in docs {
                if d.documents.contains(doc) || !routed.insert(doc.as_str()) {
                    c.fail(
                        &field,
                        &format!("document {doc:?} is also required, or in another choice"),
                    );
                }
            }
        }
        if let Some(cycle) = &d.cycle_years {
            c.fact(&format!("diseases[{i}].cycle_years"), cycle);
            c.cycle(&format!("diseases[{i}].cycle_years"), cycle);
        }
    }
    let others = r.diseases.iter().filter(|d| d.other).count();
    if r.open_disease_list && others != 1 {
        c.fail(
            "diseases",
            "an open disease list needs exactly one entry with \"other\": true",
        );
    }
    if !r.open_disease_list && others > 0 {
        c.fail(
            "diseases",
            "\"other\" entry in a closed list: set open_disease_list",
        );
    }
    disease_ids
}

/// The diseases a renewal rule covers exist, and it covers someone.
fn renewal_scope(c: &mut Checker, r: &Region, disease_ids: &HashSet<&str>) {
    for (i, told) in r.no_renewal_for.iter().enumerate() {
        c.source(&format!("no_renewal_for[{i}].source"), &told.source);
        if !disease_ids.contains(told.disease.as_str()) {
            c.fail(
                &format!("no_renewal_for[{i}].disease"),
                &format!("disease {:?} does not exist", told.disease),
            );
        }
    }
    if let Some(scope) = &r.renewal_scope {
        c.source("renewal_scope.source", &scope.source);
        for (i, id) in scope.diseases.iter().enumerate() {
            if !disease_ids.contains(id.as_str()) {
                c.fail(
                    &format!("renewal_scope.diseases[{i}]"),
                    &format!("disease {id:?} does not exist"),
                );
            }
        }
        if scope.diseases.is_empty() && scope.others == super::OutsideScope::Unsaid {
            c.fail(
                "renewal_scope",
                "no disease listed and the others unsaid: the rules would cover nobody",
            );
        }
        if scope.others == super::OutsideScope::Unsaid && !scope.still_matters.is_empty() {
            c.fail(
                "renewal_scope.still_matters",
                "only for diseases that need no renewal",
            );
        }
        for (i, id) in scope.still_matters.iter().enumerate() {
            if !r.notes.iter().any(|n| &n.id == id) {
                c.fail(
                    &format!("renewal_scope.still_matters[{i}]"),
                    &format!("note {id:?} does not exist"),
                );
            }
        }
    }
}

/// The channels each disease names exist, every disease can be renewed
/// somewhere, and each kind of channel is listed or said to be missing.
fn channels_of_diseases<'a>(c: &mut Checker, r: &'a Region) -> HashSet<&'a str> {
    let channel_ids = c.unique("channels[].id", r.channels.iter().map(|ch| ch.id.as_str()));
    for (i, d) in r.diseases.iter().enumerate() {
        let Some(ids) = &d.channels else { continue };
        if ids.is_empty() {
            c.fail(
                &format!("diseases[{i}].channels"),
                "empty: no channel takes it",
            );
        }
        for (j, id) in ids.iter().enumerate() {
            if !channel_ids.contains(id.as_str()) {
                c.fail(
                    &format!("diseases[{i}].channels[{j}]"),
                    &format!("channel {id:?} does not exist"),
                );
            }
        }
    }
    // Every disease can be renewed somewhere: some channel that is not for
    // first applications only takes it.
    for (i, d) in r.diseases.iter().enumerate() {
        let renewable = r.channels.iter().any(|ch| {
            !ch.first_application_only
                && ch
                    .only_diseases
                    .as_ref()
                    .is_none_or(|ids| ids.contains(&d.id))
                && d.channels.as_ref().is_none_or(|ids| ids.contains(&ch.id))
        });
        if !renewable && !r.channels.is_empty() {
            c.fail(
                &format!("diseases[{i}]"),
                "no channel for renewals takes this disease",
            );
        }
    }
    for kind in [ChannelKind::Online, ChannelKind::Offline] {
        let has = r.channels.iter().any(|ch| ch.kind == kind);
        let says_none = r.no_channel.iter().any(|n| n.kind == kind);
        if !has && !says_none {
            c.fail(
                "channels",
                &format!("no {kind:?} channel and no no_channel entry saying so"),
            );
        }
        if has && says_none {
            c.fail(
                "no_channel",
                &format!("says there is no {kind:?} channel but one is listed"),
            );
        }
    }
    channel_ids
}

/// One channel: sources, review times, diseases, extension, contacts.
fn channel(
    c: &mut Checker,
    i: usize,
    ch: &super::Channel,
    disease_ids: &HashSet<&str>,
    channel_ids: &HashSet<&str>,
) {
    let f = format!("channels[{i}]");
    c.source(&format!("{f}.source"), &ch.source);
    c.source(&format!("{f}.review.source"), &ch.review.source);
    for (field, value, max) in [
        (
            "working_days_min",
            ch.review.working_days_min,
            MAX_REVIEW_WORKING_DAYS,
        ),
        (
            "working_days",
            ch.review.working_days,
            MAX_REVIEW_WORKING_DAYS,
        ),
        (
            "notify_working_days",
            ch.review.notify_working_days,
            MAX_NOTIFY_WORKING_DAYS,
        ),
    ] {
        c.at_most(&format!("{f}.review.{field}"), value, max, "working days");
    }
    if let (Some(min), Some(max)) = (ch.review.working_days_min, ch.review.working_days)
        && min > max
    {
        c.fail(
            &format!("{f}.review"),
            "working_days_min is above working_days",
        );
    }
    if ch.review.instant && ch.review.working_days.is_some() {
        c.fail(&format!("{f}.review"), "instant and working_days both set");
    }
    for id in ch
        .review
        .instant_for
        .iter()
        .chain(ch.only_diseases.iter().flatten())
    {
        if !disease_ids.contains(id.as_str()) {
            c.fail(&f.to_string(), &format!("disease {id:?} does not exist"));
        }
    }
    if let Some(x) = &ch.extension {
        c.source(&format!("{f}.extension.source"), &x.source);
        if x.fallback == ch.id || !channel_ids.contains(x.fallback.as_str()) {
            c.fail(
                &format!("{f}.extension.fallback"),
                &format!("{:?} is not another channel of this region", x.fallback),
            );
        }
        if !(1..=MAX_VALIDITY_MONTHS).contains(&x.months) {
            c.fail(
                &format!("{f}.extension.months"),
                &format!("{} months is not 1 to {MAX_VALIDITY_MONTHS}", x.months),
            );
        }
    }
    for (j, contact) in ch.contacts.iter().enumerate() {
        c.source(&format!("{f}.contacts[{j}].source"), &contact.source);
        if let Some(phone) = &contact.phone
            && !phone.chars().any(|ch| ch.is_ascii_digit())
        {
            c.fail(&format!("{f}.contacts[{j}].phone"), "has no digits");
        }
    }
}

/// The notes and the example figures.
fn notes_and_examples(c: &mut Checker, r: &Region) {
    c.unique("notes[].id", r.notes.iter().map(|n| n.id.as_str()));
    for (i, n) in r.notes.iter().enumerate() {
        c.source(&format!("notes[{i}].source"), &n.source);
    }
    if let Some(ex) = &r.example_figures {
        c.source("example_figures.source", &ex.source);
        if ex.rows.is_empty() {
            c.fail("example_figures.rows", "no rows");
        }
        for (i, row) in ex.rows.iter().enumerate() {
            c.at_most(
                &format!("example_figures.rows[{i}].annual_limit_yuan"),
                row.annual_limit_yuan,
                MAX_ANNUAL_LIMIT_YUAN,
                "yuan",
            );
            for pct in [row.ratio_active_pct, row.ratio_retired_pct]
                .into_iter()
                .flatten()
            {
                if pct > 100 {
                    c.fail(&format!("example_figures.rows[{i}]"), "a ratio above 100%");
                }
            }
        }
    }
}

/// Values that change on a date: each with its source, in date order, only
/// the first without a start day; an extension needs the length in force
/// the day before it.
fn dated_values(c: &mut Checker, r: &Region) {
    let mut last: Option<NaiveDate> = None;
    for (i, v) in r.validity_months.iter().enumerate() {
        let f = format!("validity_months[{i}]");
        c.source(&format!("{f}.source"), &v.source);
        if !(1..=MAX_VALIDITY_MONTHS).contains(&v.value) {
            c.fail(
                &format!("{f}.value"),
                &format!("{} months is not 1 to {MAX_VALIDITY_MONTHS}", v.value),
            );
        }
        match (i, v.from) {
            (0, _) => {}
            (_, None) => c.fail(
                &format!("{f}.from"),
                "only the first value may have no start day",
            ),
            (_, Some(day)) if last.is_some_and(|l| day <= l) => c.fail(
                &format!("{f}.from"),
                "not after the previous value's start day: values go in date order",
            ),
            _ => {}
        }
        if let Some(day) = v.from {
            c.verified_on(&format!("{f}.from"), day);
            last = Some(day);
        }
    }
    for (i, x) in r.validity_extensions.iter().enumerate() {
        let f = format!("validity_extensions[{i}]");
        c.source(&format!("{f}.source"), &x.source);
        c.verified_on(&format!("{f}.on"), x.on);
        if !(1..=MAX_VALIDITY_MONTHS).contains(&x.months) {
            c.fail(
                &format!("{f}.months"),
                &format!("{} months is not 1 to {MAX_VALIDITY_MONTHS}", x.months),
            );
        }
        let before =
            x.on.pred_opt()
                .and_then(|d| super::in_force(&r.validity_months, d));
        if before.is_none() {
            c.fail(
                &f,
                "validity_months has no value in force the day before: the extension cannot tell which end dates it moves",
            );
        }
    }
}
