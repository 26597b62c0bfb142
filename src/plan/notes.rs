//! The plan's notes and sources: what still matters when no renewal is
//! needed, the disease's own note first, then the region's notes; the
//! region's sources, and the national ones for cross-province plans.

use super::scope::Scope;
use crate::policy::{Disease, National, Note, Region, Source};

/// What still matters with no renewal (out of the notes), and the notes.
pub(crate) fn notes(region: &Region, disease: &Disease, scope: &Scope) -> (Vec<Note>, Vec<Note>) {
    let keep: &[String] = match scope.outside.as_deref() {
        Some(s) if scope.no_renewal() => &s.still_matters,
        _ => &[],
    };
    let still_matters: Vec<Note> = keep
        .iter()
        .filter_map(|id| region.notes.iter().find(|n| &n.id == id).cloned())
        .collect();
    let mut notes: Vec<Note> = region
        .notes
        .iter()
        .filter(|n| !keep.contains(&n.id))
        .cloned()
        .collect();
    if let Some(note) = &disease.note {
        notes.insert(
            0,
            Note {
                id: format!("disease-{}", disease.id),
                title: disease.name.clone(),
                text: note.clone(),
                source: disease.source.clone(),
            },
        );
    }
    (still_matters, notes)
}

/// The region's sources, then the national ones a cross-province plan
/// cites, each once.
pub(crate) fn sources(region: &Region, national: &National, cross_province: bool) -> Vec<Source> {
    let mut sources = region.sources.clone();
    // The service line's source: every plan offers it (`contacts`).
    let line = |s: &Source| s.id == national.service_line.source;
    for s in &national.sources {
        if (cross_province || line(s)) && !sources.iter().any(|x| x.id == s.id) {
            sources.push(s.clone());
        }
    }
    sources
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_no_renewal_the_notes_that_still_matter_come_out_first() {
        let set = crate::policy::fixture::policy();
        let r = set.regions.iter().find(|r| r.id == "fx-w-none").unwrap();
        let disease = &r.diseases[0];
        let scope = Scope::of(r, disease);
        let (still, rest) = notes(r, disease, &scope);
        assert!(
            !still.is_empty(),
            "fx-w-none keeps a note that still matters"
        );
        assert!(still.iter().all(|n| !rest.iter().any(|m| m.id == n.id)));
    }

    #[test]
    fn cross_province_plans_cite_the_national_sources_once() {
        let set = crate::policy::fixture::policy();
        let r = &set.regions[0];
        let own = sources(r, &set.national, false);
        let all = sources(r, &set.national, true);
        // The region's own, and the service line's that every plan offers.
        assert_eq!(own.len(), r.sources.len() + 1);
        assert_eq!(own.last().unwrap().id, set.national.service_line.source);
        assert!(all.len() > own.len());
        let mut ids: Vec<&str> = all.iter().map(|s| s.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
    }
}
