//! `renew regions` and `renew diseases`: what the data holds, as a table
//! or JSON.

use std::io::Write;

use anyhow::Result;

use super::{ListFormat, find_region, region_needs_no_renewal, window_words};
use crate::i18n::Words;
use crate::policy::PolicySet;

/// `renew regions`: each region file's id, name, diseases and window.
pub(super) fn regions(
    policy: &PolicySet,
    format: ListFormat,
    words: Words,
    out: &mut dyn Write,
) -> Result<()> {
    match format {
        ListFormat::Json => {
            let list: Vec<_> = policy
                .regions
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "id": r.id, "name": r.name, "short_name": r.short_name,
                        "province": r.province, "benefit_name": r.benefit_name,
                        "generic": r.generic, "diseases": r.diseases.len(),
                        "window_months": r.window_months.value,
                        "window_days": r.window_days.as_ref().and_then(|f| f.value),
                        "grace_days": r.grace_days.as_ref().and_then(|f| f.value),
                        "no_renewal": region_needs_no_renewal(r),
                        "verified_on": r.verified_on,
                    })
                })
                .collect();
            writeln!(out, "{}", crate::i18n::to_json(&list)?)?;
        }
        ListFormat::Text => {
            writeln!(out, "{}", words.t("cli.regions.heading"))?;
            let rows: Vec<Vec<String>> = policy
                .regions
                .iter()
                .map(|r| {
                    vec![
                        r.id.clone(),
                        words.name(&r.name, r.name_en.as_deref()),
                        r.diseases.len().to_string(),
                        window_words(r, words),
                    ]
                })
                .collect();
            for line in crate::document::text::columns(&rows) {
                writeln!(out, "  {line}")?;
            }
            writeln!(out, "{}", words.t("cli.regions.all_hint"))?;
        }
    }
    Ok(())
}

/// `renew diseases --region R`: the list of diseases the place's data
/// names; a place that borrows another's list is named, with whose it is.
pub(super) fn diseases(
    policy: &PolicySet,
    region: &str,
    format: ListFormat,
    words: Words,
    out: &mut dyn Write,
) -> Result<()> {
    let choice = find_region(policy, region, words)?;
    let region = &policy.regions[choice.region];
    match format {
        ListFormat::Json => {
            let list: Vec<_> = region
                .diseases
                .iter()
                .map(|d| serde_json::json!({ "id": d.id, "name": d.name, "aliases": d.aliases, "other": d.other }))
                .collect();
            writeln!(out, "{}", crate::i18n::to_json(&list)?)?;
        }
        ListFormat::Text => {
            // A place that borrows another's list is named, with
            // whose list it is (石家庄 uses the generic one).
            let heading = if choice.has_own_data(policy) {
                words.tf(
                    "cli.diseases.heading",
                    &[(
                        "region",
                        &words.name(&region.name, region.name_en.as_deref()),
                    )],
                )
            } else {
                words.tf(
                    "cli.diseases.heading_borrowed",
                    &[
                        ("place", &words.name(&choice.name(policy), None)),
                        (
                            "region",
                            &words.name(&region.name, region.name_en.as_deref()),
                        ),
                    ],
                )
            };
            writeln!(out, "{heading}")?;
            for d in &region.diseases {
                writeln!(
                    out,
                    "  {}  {}",
                    crate::document::text::pad(&d.id, 34),
                    d.name
                )?;
            }
        }
    }
    Ok(())
}
