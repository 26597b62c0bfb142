//! Telephone area codes (区号) of the places in the index, from
//! `data/area_codes.json` (written by `scripts/gen_area_codes.py` from
//! libphonenumber's geocoding data). A code can serve several places (0731:
//! 长沙, 湘潭, 株洲), and a place can have two (海西: 0977, 0979).
//! Pure: `build.rs` writes the file as lines of text, read as they are.

use crate::places::{self, PlaceLevel};

/// Each area code with the places that dial it, one line each, as
/// `build.rs` writes `data/area_codes.json`: `0731 430100 430300 430200`.
static TABLE: &str = include_str!(concat!(env!("OUT_DIR"), "/area_codes.txt"));

/// (area code, the codes of the places that dial it), in the file's order.
fn table() -> impl Iterator<Item = (&'static str, impl Iterator<Item = &'static str> + Clone)> {
    TABLE.lines().filter_map(|line| {
        let mut words = line.split(' ');
        Some((words.next()?, words))
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
        .filter(|(_, places)| places.clone().any(|p| p == place))
        .map(|(code, places)| AreaCode {
            code,
            shared_with: places.filter(|p| *p != place).collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct File {
        codes: Vec<Entry>,
    }

    #[derive(serde::Deserialize)]
    struct Entry {
        area_code: String,
        places: Vec<String>,
    }

    #[test]
    fn the_table_is_the_file() {
        let file: File = serde_json::from_str(include_str!("../data/area_codes.json")).unwrap();
        let read: Vec<(String, Vec<String>)> = table()
            .map(|(code, places)| (code.into(), places.map(String::from).collect()))
            .collect();
        let want: Vec<(String, Vec<String>)> = file
            .codes
            .into_iter()
            .map(|e| (e.area_code, e.places))
            .collect();
        assert_eq!(read, want);
    }

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
