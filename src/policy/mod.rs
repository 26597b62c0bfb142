//! Policy data: the types, loading the embedded files, and validating them.
//! Pure: nothing here reads the clock or the terminal; the only input is text.
//! Arrows run from here to the tables it refers to (`places`,
//! `vocabulary`, `calendar`) and to `search`'s matching, never back: which
//! data a place gets (`choice.rs`), the indexes of the data
//! ([`index`]) and which entry covers a typed disease ([`cover`]) live here.

mod choice;
pub mod cover;
#[cfg(test)]
pub(crate) mod fixture;
pub mod holidays;
pub mod index;
pub mod inherit;
pub mod pack;
mod texts;
mod types;
pub mod validate;

pub(crate) use choice::choice_for;
pub use choice::{Choice, choices, exact_choice};
pub use types::*;

use std::collections::HashMap;
use std::sync::OnceLock;

use thiserror::Error;

mod embedded {
    /// What one embedded region file answers to (see `PolicySet::embedded_for`),
    /// in the order of `REGION_FILES`.
    pub(crate) struct RegionHead {
        pub id: &'static str,
        /// The place code, or "".
        pub place: &'static str,
        pub generic: bool,
        pub verified_on: &'static str,
        /// Name, short name and aliases.
        pub names: &'static [&'static str],
    }

    /// A day as `build.rs` writes it: (year, month, day).
    pub(crate) type Ymd = (i32, u32, u32);

    /// One shipped holiday file as `build.rs` read it (`HOLIDAY_YEARS`).
    pub(crate) struct ShippedYear {
        pub year: i32,
        pub title: &'static str,
        pub published: Option<Ymd>,
        /// The blocks of days off, `(from, to)`, both days included.
        pub days_off: &'static [(Ymd, Ymd)],
        pub working_days: &'static [Ymd],
    }

    impl ShippedYear {
        /// The year as `holidays::read_holiday_file` reads its file (the
        /// tests check they are equal); `None` for a day that is no date.
        pub(crate) fn official(&self) -> Option<crate::calendar::OfficialYear> {
            let day = |(y, m, d): Ymd| chrono::NaiveDate::from_ymd_opt(y, m, d);
            let mut days_off = std::collections::BTreeSet::new();
            for &(from, to) in self.days_off {
                let (from, to) = (day(from)?, day(to)?);
                days_off.extend(from.iter_days().take_while(|d| *d <= to));
            }
            Some(crate::calendar::OfficialYear {
                year: self.year,
                days_off,
                working_days: self
                    .working_days
                    .iter()
                    .map(|&d| day(d))
                    .collect::<Option<_>>()?,
                source: self.title.to_string(),
                published: match self.published {
                    Some(p) => Some(day(p)?),
                    None => None,
                },
            })
        }
    }

    include!(concat!(env!("OUT_DIR"), "/embedded_regions.rs"));
    pub(crate) static NATIONAL: &str = include_str!("../../data/national.json");
}

/// A data file that could not be used, with the file, the field and why.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{file}: {field}: {reason}")]
pub struct Problem {
    pub file: String,
    pub field: String,
    pub reason: String,
}

#[derive(Debug, Error)]
pub enum LoadError {
    #[error("policy data has {} problem(s):\n{}", .0.len(), .0.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
}

/// All policy data the program knows: the national overlay and the regions,
/// in display order (covered regions first, the generic entry last).
#[derive(Debug, Clone)]
pub struct PolicySet {
    pub national: National,
    /// Every region, complete: fields a city's or a province's file left
    /// out are filled from the file above it (see `inherit`).
    pub regions: Vec<Region>,
    /// Working days: the built-in notices, any pack years, the estimate.
    pub calendar: crate::calendar::Calendar,
    /// The region files as read, with the id each holds: a pack that adds
    /// or replaces a file is resolved again with them (a province's file
    /// changes its cities).
    files: Vec<(inherit::RegionText, String)>,
    /// When only some embedded files were read (`embedded_for`): the newest
    /// `verified_on` of them all, so the data's version is the same.
    newest_unread: Option<chrono::NaiveDate>,
    /// The installed pack (or `--policy-dir` pack with a manifest) the
    /// data came from; none for the data compiled in.
    pub pack: Option<PackRef>,
    /// A `--policy-dir` folder (or installed pack) without a manifest was
    /// laid over the data compiled in: nothing names it.
    pub unnamed_pack: bool,
    /// When only some embedded files were read for a query that is no
    /// exact name (`embedded_for`: pinyin, initials, part of a name): the
    /// query and the key of the choice the index of all the embedded data
    /// resolves it to, so the search over these few files is not asked.
    resolved: Option<(String, String)>,
    /// Every embedded file and nothing else (`embedded`): the region index
    /// made at build time is this data's (`region_index`).
    whole_embedded: bool,
}

/// A data pack as a plan names it: what its manifest says.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PackRef {
    pub name: String,
    pub version: String,
    pub published: chrono::NaiveDate,
    pub publisher: String,
}

impl PolicySet {
    /// The data compiled into the binary. It is parsed but not validated
    /// again at run time: `tests/data.rs` validates these very files (and
    /// checks they equal what is embedded), and validation is most of the
    /// cost of a start-up. Debug builds validate anyway.
    pub fn embedded() -> Result<PolicySet, LoadError> {
        let set = PolicySet::embedded_from(
            embedded::REGION_FILES.iter().copied(),
            cfg!(debug_assertions),
        )?;
        Ok(PolicySet {
            whole_embedded: true,
            ..set
        })
    }

    /// The index of every region and place a person may pick, for the
    /// wizard and the plain questions: the one made at build time when this
    /// is the embedded data as loaded (`search::embedded_region_index`,
    /// checked equal to the one built here), else built from the regions.
    pub fn region_index(&self, choices: &[Choice]) -> crate::search::SearchIndex {
        if self.whole_embedded {
            crate::search::embedded_region_index().0
        } else {
            index::region_index_of(self, choices)
        }
    }

    /// The data compiled into the binary with only the region files a plan
    /// for `region` (an id, a place code, or a name a region or place is
    /// known by exactly) reads: the files that answer to it, the files above
    /// them (a province's, the generic entry). None when the search over
    /// every file must decide (a name several things share, nothing by that
    /// name). A query that names nothing exactly (pinyin, initials, part of
    /// a name) is resolved with the index of all the embedded data made at
    /// build time (`search::embedded_region_index`); when that finds one
    /// choice, its files are read and the set remembers the answer
    /// ([`resolved_key`](Self::resolved_key)).
    pub fn embedded_for(region: &str) -> Option<Result<PolicySet, LoadError>> {
        let heads = embedded::REGION_HEADS;
        let q = crate::text::normalize(region);
        if q.is_empty() {
            return None;
        }
        let same = |n: &str| crate::text::normalize(n) == q;
        let by_place = |code: &str| {
            heads
                .iter()
                .position(|h| !code.is_empty() && h.place == code)
        };
        let generic = heads.iter().position(|h| h.generic);
        // Every file the query may name, as `exact_choice` looks.
        let mut wanted: Vec<usize> = heads
            .iter()
            .enumerate()
            .filter(|(_, h)| h.id == region || same(h.id) || h.names.iter().any(|n| same(n)))
            .map(|(i, _)| i)
            .collect();
        let mut named_place = false;
        for p in crate::places::named(&q) {
            named_place = true;
            wanted.extend(by_place(p.code));
            wanted.extend(p.province_place().and_then(|pp| by_place(pp.code)));
        }
        if wanted.is_empty() && !named_place {
            if crate::search::too_long(region) {
                return None;
            }
            let (index, keys) = crate::search::embedded_region_index();
            let crate::search::Resolution::One(i) = index.resolve(region) else {
                return None;
            };
            let key = keys[i];
            // An id or a code: its files, found by name as above.
            return PolicySet::embedded_for(key).map(|set| {
                set.map(|set| PolicySet {
                    resolved: Some((region.to_string(), key.to_string())),
                    ..set
                })
            });
        }
        // As inherit::resolve finds a file's parent.
        let parent = |i: usize| -> Option<usize> {
            let h = &heads[i];
            if h.generic {
                return None;
            }
            let place = crate::places::by_code(h.place)?;
            let p = match place.level {
                crate::places::PlaceLevel::Province => generic?,
                _ => by_place(place.province_place()?.code)?,
            };
            (p != i).then_some(p)
        };
        let mut i = 0;
        while i < wanted.len() {
            if let Some(p) = parent(wanted[i])
                && !wanted.contains(&p)
            {
                wanted.push(p);
            }
            i += 1;
        }
        // The generic entry too: a place without data of its own falls back
        // on it, and a plan names it.
        wanted.extend(generic);
        wanted.sort();
        wanted.dedup();
        let newest_unread = heads
            .iter()
            .filter_map(|h| chrono::NaiveDate::parse_from_str(h.verified_on, "%Y-%m-%d").ok())
            .max();
        let files = wanted.into_iter().map(|i| embedded::REGION_FILES[i]);
        let set = match PolicySet::embedded_from(files, cfg!(debug_assertions)) {
            Ok(set) => PolicySet {
                newest_unread,
                ..set
            },
            Err(e) => return Some(Err(e)),
        };
        // Named exactly and once, as among every file; else the search decides.
        exact_choice(&set, region)?;
        Some(Ok(set))
    }

    /// The embedded national data and calendar with these region files,
    /// validated in full or (`validate` false, as release builds read them)
    /// trusted: `the_embedded_data_passes_the_full_validation_so_may_be_trusted`.
    fn embedded_from(
        region_files: impl IntoIterator<Item = (&'static str, &'static str)>,
        validate: bool,
    ) -> Result<PolicySet, LoadError> {
        if validate {
            return PolicySet::from_files(("national.json", embedded::NATIONAL), region_files);
        }
        let mut problems = Vec::new();
        let calendar = embedded_calendar(&mut problems, false);
        let national = parse::<National>("national.json", embedded::NATIONAL, &mut problems);
        let files = region_files
            .into_iter()
            .map(|(file, text)| inherit::RegionText {
                file: file.to_string(),
                text: std::borrow::Cow::Borrowed(text),
            })
            .collect();
        let (regions, files, mut resolve_problems) = resolve(files, false);
        problems.append(&mut resolve_problems);
        match national {
            Some(national) if problems.is_empty() => Ok(PolicySet {
                national,
                regions,
                calendar,
                files,
                newest_unread: None,
                pack: None,
                unnamed_pack: false,
                resolved: None,
                whole_embedded: false,
            }),
            _ => Err(LoadError::Invalid(problems)),
        }
    }

    /// Parses and validates `(file name, JSON text)` pairs. Every problem in
    /// every file is reported, not just the first.
    pub fn from_files<'a>(
        national: (&str, &str),
        regions: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<PolicySet, LoadError> {
        // The shipped holiday schedules: every policy set counts with them.
        let mut problems = Vec::new();
        let calendar = embedded_calendar(&mut problems, cfg!(debug_assertions));
        let national_parsed = parse::<National>(national.0, national.1, &mut problems);
        let files = regions
            .into_iter()
            .map(|(file, text)| inherit::RegionText {
                file: file.to_string(),
                text: std::borrow::Cow::Owned(text.to_string()),
            })
            .collect();
        let (regions, files, mut resolve_problems) = resolve(files, true);
        problems.append(&mut resolve_problems);
        let Some(national_data) = national_parsed else {
            return Err(LoadError::Invalid(problems));
        };
        problems.extend(validate::national(national.0, &national_data));
        let all: Vec<&Region> = regions.iter().collect();
        problems.extend(validate::across(&national_data, &all));
        if !problems.is_empty() {
            return Err(LoadError::Invalid(problems));
        }
        Ok(PolicySet {
            national: national_data,
            regions,
            calendar,
            files,
            newest_unread: None,
            pack: None,
            unnamed_pack: false,
            resolved: None,
            whole_embedded: false,
        })
    }

    /// The key (region id or place code) of the choice `query` was resolved
    /// to when this set was read for it (see [`embedded_for`](Self::embedded_for)).
    pub fn resolved_key(&self, query: &str) -> Option<&str> {
        match &self.resolved {
            Some((q, key)) if q == query => Some(key),
            _ => None,
        }
    }

    /// The region files as read (name, text), each with the id it holds
    /// (empty for a file that could not be read).
    pub(crate) fn files(&self) -> impl Iterator<Item = (&inherit::RegionText, &str)> {
        self.files.iter().map(|(f, id)| (f, id.as_str()))
    }

    /// This data with `files` added, each replacing the file of the same
    /// region id, and every region resolved again (a province's new file
    /// changes its cities). The files were checked when read (see `pack`).
    pub fn with_files(mut self, files: Vec<(inherit::RegionText, String)>) -> PolicySet {
        for (file, id) in files {
            match self.files.iter_mut().find(|(_, x)| *x == id) {
                Some(existing) => *existing = (file, id),
                None => self.files.push((file, id)),
            }
        }
        let texts: Vec<inherit::RegionText> = self.files.iter().map(|(f, _)| f.clone()).collect();
        let (regions, files, _) = resolve(texts, false);
        PolicySet {
            regions,
            files,
            whole_embedded: false,
            ..self
        }
    }

    /// This data, saying it came from `pack`.
    pub fn from_pack(self, pack: PackRef) -> PolicySet {
        PolicySet {
            pack: Some(pack),
            unnamed_pack: false,
            ..self
        }
    }

    /// This data, saying a folder without a manifest changed it.
    pub fn from_unnamed_pack(self) -> PolicySet {
        PolicySet {
            pack: None,
            unnamed_pack: true,
            ..self
        }
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    /// A short fingerprint of the data, saved with checklists so a later run
    /// can tell the rules changed since.
    pub(crate) fn version(&self) -> String {
        let newest = self
            .regions
            .iter()
            .map(|r| r.verified_on)
            .chain(std::iter::once(self.national.verified_on))
            .chain(self.newest_unread)
            .max()
            .unwrap_or_default();
        format!("{newest}")
    }
}

/// The regions of `files`, complete and in display order; the files, each
/// with the id it holds; and the problems (see `inherit::resolve`).
type Resolved = (
    Vec<Region>,
    Vec<(inherit::RegionText, String)>,
    Vec<Problem>,
);

/// The working-day calendar with the yearly holiday schedules shipped in
/// `data/holidays`. Validated (debug builds, the tests), each file is
/// checked as a pack's holiday file is; trusted (release builds), they are
/// taken from the table `build.rs` made of them, which the tests check
/// equals the files read with every check, the lunar one included (that
/// check alone costs more than the rest of start-up). The files are read
/// once for each of the two ways.
fn embedded_calendar(problems: &mut Vec<Problem>, validate: bool) -> crate::calendar::Calendar {
    type Read = OnceLock<(crate::calendar::Calendar, Vec<Problem>)>;
    static SHIPPED: [Read; 2] = [OnceLock::new(), OnceLock::new()];
    // Trusted, the files are taken from the table build.rs made of them
    // (parsing them and their dates was a seventh of a plan's start), made
    // anew each time: that costs less than copying a kept one.
    let table = embedded::HOLIDAY_YEARS.filter(|_| !validate);
    let years = table.and_then(|t| t.iter().map(|y| y.official()).collect::<Option<Vec<_>>>());
    if let Some(years) = years {
        return crate::calendar::Calendar::new().with_years(years);
    }
    let (calendar, found) = SHIPPED[usize::from(validate)].get_or_init(|| {
        let mut years = Vec::new();
        let mut found = Vec::new();
        for (file, text) in embedded::HOLIDAY_FILES {
            match holidays::read_holiday_file(file, text, validate) {
                Ok(year) => years.push(year),
                Err(mut more) => found.append(&mut more),
            }
        }
        (crate::calendar::Calendar::new().with_years(years), found)
    });
    problems.extend(found.iter().cloned());
    calendar.clone()
}

/// The working-day calendar of the shipped holiday schedules
/// (`data/holidays`) and the estimate beyond them: what every policy set
/// counts with before a pack adds its own years.
pub fn shipped_calendar() -> crate::calendar::Calendar {
    embedded_calendar(&mut Vec::new(), cfg!(debug_assertions))
}

fn resolve(files: Vec<inherit::RegionText>, validate: bool) -> Resolved {
    let (resolved, problems) = inherit::resolve(&files, validate);
    let ids: HashMap<usize, String> = resolved.iter().map(|(i, r)| (*i, r.id.clone())).collect();
    let mut regions: Vec<Region> = resolved.into_iter().map(|(_, r)| r).collect();
    regions.sort_by_key(|r| (r.generic, r.id.clone()));
    let files = files
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let id = ids.get(&i).cloned().unwrap_or_default();
            (f, id)
        })
        .collect();
    (regions, files, problems)
}

impl Region {
    pub fn disease(&self, id: &str) -> Option<&Disease> {
        self.diseases.iter().find(|d| d.id == id)
    }

    pub fn document(&self, id: &str) -> Option<&DocumentRequirement> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub(crate) fn document_choice(&self, id: &str) -> Option<&DocumentChoice> {
        self.document_choices.iter().find(|c| c.id == id)
    }

    pub(crate) fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The most recent publication date among the region's sources.
    pub fn newest_source_date(&self) -> Option<chrono::NaiveDate> {
        self.sources
            .iter()
            .filter_map(|s| s.published.as_deref().and_then(parse_published))
            .max()
    }

    /// The level of the file's own values: the generic entry's, a
    /// province's (its `place` is a province code), or a city's.
    pub(crate) fn level(&self) -> DataLevel {
        if self.generic {
            return DataLevel::Generic;
        }
        choice::level_of(self.place.as_deref().and_then(crate::places::by_code))
    }

    /// The level of the file `field`'s value came from: this file's own
    /// level, unless the field was left out and inherited.
    pub(crate) fn level_of(&self, field: &str) -> DataLevel {
        self.inherited
            .fields
            .get(field)
            .copied()
            .unwrap_or_else(|| self.level())
    }

    /// Whether the retired/in-work distinction changes anything shown.
    pub(crate) fn distinguishes_retired(&self) -> bool {
        self.example_figures
            .as_ref()
            .is_some_and(|f| f.rows.iter().any(|r| r.ratio_retired_pct.is_some()))
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` to the last day that date could mean,
/// so the age of a source is never overstated.
pub(crate) fn parse_published(text: &str) -> Option<chrono::NaiveDate> {
    use chrono::NaiveDate;
    let parts: Vec<&str> = text.split('-').collect();
    let num = |s: &str| {
        s.chars()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    // A year too large for i32 is no date (it must not wrap to a negative one).
    let year = |s: &str| i32::try_from(num(s)?).ok();
    match parts.as_slice() {
        [y] => NaiveDate::from_ymd_opt(year(y)?, 12, 31),
        [y, m] => {
            let first = NaiveDate::from_ymd_opt(year(y)?, num(m)?, 1)?;
            first.checked_add_months(chrono::Months::new(1))?.pred_opt()
        }
        [y, m, d] => NaiveDate::from_ymd_opt(year(y)?, num(m)?, num(d)?),
        _ => None,
    }
}

fn parse<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    match from_json::<T>(file, text) {
        Ok(v) => Some(v),
        Err(p) => {
            problems.push(p);
            None
        }
    }
}

/// Parses a data file; a failure names the line, the column and, when the
/// parser got that far, the field (`channels[0].review.working_days`).
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
) -> Result<T, Problem> {
    let problem = |e: serde_json::Error, path: String| {
        let at = format!("line {} column {}", e.line(), e.column());
        Problem {
            file: file.to_string(),
            field: if path.is_empty() || path == "." {
                at
            } else {
                format!("{at}, {path}")
            },
            reason: e.to_string(),
        }
    };
    // Most files are well formed: read them without tracking the path,
    // which only a failure needs (read again, the same way, to name it).
    if let Ok(value) = serde_json::from_str(text) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        problem(e.into_inner(), path)
    })?;
    // Trailing text after the value is an error too, as in `from_str`.
    de.end().map_err(|e| problem(e, String::new()))?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_dates_mean_their_last_day() {
        let d = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(parse_published("2020"), Some(d("2020-12-31")));
        assert_eq!(parse_published("2024-02"), Some(d("2024-02-29")));
        assert_eq!(parse_published("2025-06-25"), Some(d("2025-06-25")));
        assert_eq!(parse_published("June 2025"), None);
        assert_eq!(parse_published("2025-13"), None);
    }

    /// Release builds read the embedded files without validating them
    /// (`embedded_from` with `validate` false): safe only because these
    /// very files pass the full validation, which this checks, and the
    /// trusted read gives the same data.
    #[test]
    fn the_embedded_data_passes_the_full_validation_so_may_be_trusted() {
        let files = || embedded::REGION_FILES.iter().copied();
        let checked = PolicySet::embedded_from(files(), true).unwrap_or_else(|e| panic!("{e}"));
        let trusted = PolicySet::embedded_from(files(), false).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(checked.regions.len(), embedded::REGION_FILES.len());
        assert_eq!(trusted.regions, checked.regions);
        assert_eq!(trusted.national, checked.national);
        // The holiday files, with the lunar check a release build leaves out.
        for (file, text) in embedded::HOLIDAY_FILES {
            let full = holidays::read_holiday_file(file, text, true)
                .unwrap_or_else(|p| panic!("{file}: {p:?}"));
            let quick = holidays::read_holiday_file(file, text, false).unwrap();
            assert_eq!(full, quick, "{file}");
        }
        // The table build.rs made of them, which a release build reads.
        let table = embedded::HOLIDAY_YEARS.expect("build.rs read every holiday file");
        assert_eq!(table.len(), embedded::HOLIDAY_FILES.len());
        for ((file, text), shipped) in embedded::HOLIDAY_FILES.iter().zip(table) {
            let full = holidays::read_holiday_file(file, text, true).unwrap();
            assert_eq!(shipped.official(), Some(full), "{file}");
        }
        // A file that breaks a rule only the validation knows is caught there.
        // (a zero-width space in a name): the trusted read would take it.
        let (file, text) = embedded::REGION_FILES[0];
        let bad = text.replacen("\"short_name\": \"", "\"short_name\": \"\\u200b", 1);
        assert!(bad != text);
        let bad: &'static str = Box::leak(bad.into_boxed_str());
        let with_bad = || files().map(|(f, t)| if f == file { (f, bad) } else { (f, t) });
        assert!(PolicySet::embedded_from(with_bad(), true).is_err());
        assert!(PolicySet::embedded_from(with_bad(), false).is_ok());
    }

    #[test]
    fn broken_json_names_the_file_and_line() {
        let national = embedded::NATIONAL;
        let err = PolicySet::from_files(("national.json", national), [("x.json", "{\n  \"id\": ")])
            .unwrap_err();
        let LoadError::Invalid(problems) = err;
        assert_eq!(problems[0].file, "x.json");
        assert!(problems[0].field.starts_with("line 2"), "{:?}", problems[0]);
    }
}
