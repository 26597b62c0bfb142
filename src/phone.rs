//! Telephone area codes (区号) of the places in the index, from
//! `data/area_codes.json` (written by `scripts/gen_area_codes.py` from
//! libphonenumber's geocoding data). A code can serve several places (0731:
//! 长沙, 湘潭, 株洲), and a place can have two (海西: 0977, 0979).
//! Pure: the file is embedded and read once, on the first question.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::places::{self, PlaceLevel};

#[derive(Debug, Deserialize)]
struct File {
    codes: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
struct Entry {
    area_code: String,
    places: Vec<String>,
}

fn table() -> &'static [Entry] {
    static TABLE: OnceLock<Vec<Entry>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // Checked by tests/data.rs; a broken embedded file is a build defect.
        serde_json::from_str::<File>(include_str!("../data/area_codes.json"))
            .map(|f| f.codes)
            .unwrap_or_default()
    })
}

/// A place's area code and the other places that dial it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaCode {
    /// With its leading 0: `0731`.
    pub code: &'static str,
    /// Codes of the other places the same code serves, in the dataset's
    /// order (0731 for 长沙: 湘潭, 株洲).
    pub shared_with: Vec<&'static str>,
}

/// The area codes of the place with this GB/T 2260 code, first the one the
/// dataset lists first. A municipality's district dials its municipality's
/// code; a province (other than a municipality) has none of its own.
pub fn area_codes(place: &str) -> Vec<AreaCode> {
    let place = match places::by_code(place) {
        Some(p) if p.level == PlaceLevel::District => p.province.unwrap_or(p.code),
        Some(p) => p.code,
        None => return Vec::new(),
    };
    table()
        .iter()
        .filter(|e| e.places.iter().any(|p| p == place))
        .map(|e| AreaCode {
            code: e.area_code.as_str(),
            shared_with: e
                .places
                .iter()
                .filter(|p| *p != place)
                .map(String::as_str)
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(place: &str) -> Vec<&'static str> {
        area_codes(place).into_iter().map(|a| a.code).collect()
    }

    #[test]
    fn known_places_have_their_codes() {
        for (place, code) in [
            ("110000", "010"), // 北京
            ("430100", "0731"),
            ("130100", "0311"),
            ("440100", "020"),
            ("500000", "023"),
            ("632800", "0977"),
        ] {
            assert_eq!(codes(place).first(), Some(&code), "{place}");
        }
    }

    #[test]
    fn a_shared_code_names_the_other_places() {
        let changsha = area_codes("430100");
        let mut shared = changsha[0].shared_with.clone();
        shared.sort();
        assert_eq!(shared, ["430200", "430300"]); // 株洲, 湘潭
    }

    #[test]
    fn a_district_dials_its_municipality_and_a_province_has_none() {
        assert_eq!(codes("110105"), ["010"]); // 北京 朝阳区
        assert!(codes("430000").is_empty()); // 湖南省
        assert!(codes("999999").is_empty());
    }

    #[test]
    fn every_prefecture_and_municipality_has_a_code() {
        let missing: Vec<&str> = places::all()
            .iter()
            .filter(|p| {
                p.level == PlaceLevel::Prefecture
                    || (p.level == PlaceLevel::Province && p.is_municipality())
            })
            .filter(|p| area_codes(p.code).is_empty())
            .map(|p| p.name)
            .collect();
        assert!(missing.is_empty(), "no area code: {missing:?}");
    }
}
