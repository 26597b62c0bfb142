//! The checks of the national file, and those that need every file at once.

use std::collections::HashSet;

use super::{Checker, National, Problem, Region};
use crate::policy::parse_published;

/// Every problem in the national overlay.
pub(crate) fn national(file: &str, n: &National) -> Vec<Problem> {
    let mut c = Checker::new(file, &n.sources);
    c.no_blank_text(n);
    c.verified_on("verified_on", n.verified_on);
    c.fact("service_item_name", &n.service_item_name);
    if !(1..=24).contains(&n.assumed_window_months) {
        c.fail("assumed_window_months", "must be 1 to 24");
    }
    c.source("service_line.source", &n.service_line.source);
    if n.service_line.number.is_empty()
        || !n.service_line.number.chars().all(|ch| ch.is_ascii_digit())
    {
        c.fail("service_line.number", "must be digits only");
    }
    let cp = &n.cross_province;
    for (i, s) in cp.steps.iter().enumerate() {
        c.source(&format!("cross_province.steps[{i}].source"), &s.source);
    }
    let docs = c.unique(
        "cross_province.documents[].id",
        cp.documents.iter().map(|d| d.id.as_str()),
    );
    for (i, id) in cp.filing_documents.iter().enumerate() {
        if !docs.contains(id.as_str()) {
            c.fail(
                &format!("cross_province.filing_documents[{i}]"),
                &format!("document {id:?} does not exist"),
            );
        }
    }
    for (i, d) in cp.documents.iter().enumerate() {
        c.source(&format!("cross_province.documents[{i}].source"), &d.source);
    }
    c.unique(
        "cross_province.direct_settlement[].id",
        cp.direct_settlement.iter().map(|d| d.id.as_str()),
    );
    for (i, d) in cp.direct_settlement.iter().enumerate() {
        c.source(
            &format!("cross_province.direct_settlement[{i}].source"),
            &d.source,
        );
        if parse_published(&d.since).is_none() {
            c.fail(
                &format!("cross_province.direct_settlement[{i}].since"),
                &format!("{:?} is not YYYY, YYYY-MM or YYYY-MM-DD", d.since),
            );
        }
        if d.since_text.trim().is_empty() {
            c.fail(
                &format!("cross_province.direct_settlement[{i}].since_text"),
                "is empty",
            );
        }
    }
    c.fact(
        "cross_province.direct_settlement_since",
        &cp.direct_settlement_since,
    );
    for (field, note) in [
        ("principle", &cp.principle),
        ("other_diseases", &cp.other_diseases),
    ] {
        c.source(&format!("cross_province.{field}.source"), &note.source);
    }
    for (i, note) in cp.notes.iter().enumerate() {
        c.source(&format!("cross_province.notes[{i}].source"), &note.source);
    }
    c.problems
}

/// Checks that need every file at once: unique region ids, exactly one
/// generic region, cross-province references that resolve.
pub(crate) fn across(n: &National, regions: &[&Region]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut fail = |file: &str, field: &str, reason: String| {
        problems.push(Problem {
            file: file.to_string(),
            field: field.to_string(),
            reason,
        })
    };
    let mut seen = HashSet::new();
    for r in regions {
        if !seen.insert(r.id.as_str()) {
            fail(&r.id, "id", format!("two region files use id {:?}", r.id));
        }
        for (i, d) in r.diseases.iter().enumerate() {
            if let Some(cp) = &d.cross_province
                && !n
                    .cross_province
                    .direct_settlement
                    .iter()
                    .any(|x| &x.id == cp)
            {
                fail(
                    &r.id,
                    &format!("diseases[{i}].cross_province"),
                    format!("{cp:?} is not a national direct-settlement disease"),
                );
            }
        }
    }
    // A name or alias is what a person types to pick a region: one that two
    // regions share sends them to the wrong rules.
    let mut names: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for r in regions {
        let own = [
            ("name".to_string(), r.name.as_str()),
            ("short_name".to_string(), r.short_name.as_str()),
        ]
        .into_iter()
        .chain(
            r.aliases
                .iter()
                .enumerate()
                .map(|(i, a)| (format!("aliases[{i}]"), a.as_str())),
        );
        let mut mine = HashSet::new();
        for (field, text) in own {
            let key = text.trim().to_lowercase();
            if !mine.insert(key.clone()) {
                continue;
            }
            match names.get(&key) {
                Some(other) if *other != r.id => fail(
                    &r.id,
                    &field,
                    format!("{text:?} is already a name or alias of region {other:?}"),
                ),
                _ => {
                    names.insert(key, &r.id);
                }
            }
        }
    }
    // One file per place: two would leave the choice between them to chance.
    let mut places: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for r in regions {
        if let Some(code) = r.place.as_deref()
            && let Some(other) = places.insert(code, &r.id)
        {
            fail(
                &r.id,
                "place",
                format!("place {code} is already covered by region {other:?}"),
            );
        }
    }
    let generic = regions.iter().filter(|r| r.generic).count();
    if generic != 1 {
        fail(
            "data/regions",
            "generic",
            format!("expected exactly one generic region, found {generic}"),
        );
    }
    problems
}
