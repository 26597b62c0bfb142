//! Whom to call: the phones of the channels that handle the person's
//! disease, then the national service line (12393) dialled after the
//! place's area code, which every plan carries as the fallback.

use serde::Serialize;

use super::PlanChannel;
use crate::policy::{Scheme, ServiceLine};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    /// An office or hospital of one of the plan's channels.
    Office,
    /// The national service line, dialled after the area code.
    ServiceLine,
}

/// A phone the person can call, with whose it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanContact {
    pub kind: ContactKind,
    pub name: String,
    /// As dialled: `0731-12393`, or `12393` where the place has no code.
    pub phone: String,
    /// The channel this office belongs to (`null` for the service line).
    pub channel: Option<String>,
    pub hours: Option<String>,
    pub note: Option<String>,
    /// The area code dialled in front of the service line.
    pub area_code: Option<String>,
    /// Other places the area code serves (湘潭, 株洲 for 长沙's 0731): the
    /// caller chooses the place in the voice menu.
    pub shared_with: Vec<String>,
    pub source: String,
}

/// The plan's phones, most specific first: each channel that handles the
/// disease, with a phone for the person's scheme (once per number), then
/// the service line. `place` is the person's place code, else the region's.
pub(crate) fn contacts(
    channels: &[PlanChannel],
    scheme: Scheme,
    place: Option<&str>,
    line: &ServiceLine,
) -> Vec<PlanContact> {
    let mut out: Vec<PlanContact> = Vec::new();
    for ch in channels.iter().filter(|c| c.serves_disease) {
        for c in &ch.contacts {
            let Some(phone) = &c.phone else { continue };
            if c.scheme.is_some_and(|s| s != scheme) || out.iter().any(|o| &o.phone == phone) {
                continue;
            }
            out.push(PlanContact {
                kind: ContactKind::Office,
                name: c.name.clone(),
                phone: phone.clone(),
                channel: Some(ch.id.clone()),
                hours: c.hours.clone(),
                note: c.note.clone(),
                area_code: None,
                shared_with: Vec::new(),
                source: c.source.clone(),
            });
        }
    }
    out.extend(service_line(place, line));
    out
}

/// The service line for a place: one entry per area code the place has
/// (海西: 0977 and 0979), or the bare number where it has none.
pub(crate) fn service_line(place: Option<&str>, line: &ServiceLine) -> Vec<PlanContact> {
    let codes = place.map(crate::phone::area_codes).unwrap_or_default();
    let entry = |area: Option<&crate::phone::AreaCode>| PlanContact {
        kind: ContactKind::ServiceLine,
        name: line.name.clone(),
        phone: match area {
            Some(a) => format!("{}-{}", a.code, line.number),
            None => line.number.clone(),
        },
        channel: None,
        hours: None,
        note: Some(line.note.clone()),
        area_code: area.map(|a| a.code.to_string()),
        shared_with: area
            .map(|a| {
                a.shared_with
                    .iter()
                    .filter_map(|c| crate::places::by_code(c))
                    .map(|p| p.short_name.to_string())
                    .collect()
            })
            .unwrap_or_default(),
        source: line.source.clone(),
    };
    if codes.is_empty() {
        return vec![entry(None)];
    }
    codes.iter().map(|a| entry(Some(a))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Answers, compute};
    use crate::policy::fixture;

    fn line() -> ServiceLine {
        ServiceLine {
            name: "热线".into(),
            number: "12393".into(),
            note: "说明".into(),
            source: "s".into(),
        }
    }

    #[test]
    fn the_service_line_takes_the_place_area_code_and_says_who_shares_it() {
        let c = service_line(Some("430100"), &line());
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].phone, "0731-12393");
        let mut shared = c[0].shared_with.clone();
        shared.sort();
        assert_eq!(shared, ["株洲", "湘潭"]);
        // Two codes, two numbers.
        let haixi: Vec<String> = service_line(Some("632800"), &line())
            .into_iter()
            .map(|c| c.phone)
            .collect();
        assert_eq!(haixi, ["0977-12393", "0979-12393"]);
    }

    #[test]
    fn without_an_area_code_the_bare_number_is_offered() {
        for place in [None, Some("430000"), Some("000000")] {
            let c = service_line(place, &line());
            assert_eq!(c.len(), 1, "{place:?}");
            assert_eq!(c[0].phone, "12393");
            assert_eq!(c[0].area_code, None);
        }
    }

    #[test]
    fn a_channel_that_does_not_handle_the_disease_offers_no_phone() {
        let policy = fixture::policy();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 10).unwrap();
        for region in &policy.regions {
            for disease in &region.diseases {
                let answers = Answers {
                    region: region.id.clone(),
                    scheme: Scheme::Employee,
                    disease: disease.id.clone(),
                    validity_end: chrono::NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
                    cross_province: false,
                    retired: false,
                };
                let Ok(plan) = compute(&policy, &answers, today) else {
                    continue;
                };
                let last = plan.contacts.last().expect("every plan has a phone");
                assert_eq!(last.kind, ContactKind::ServiceLine, "{}", region.id);
                for c in &plan.contacts {
                    if let Some(id) = &c.channel {
                        let ch = plan.channels.iter().find(|ch| &ch.id == id).unwrap();
                        assert!(ch.serves_disease, "{} {} {id}", region.id, disease.id);
                    }
                }
            }
        }
    }
}
