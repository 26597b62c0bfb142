//! A year's official holiday schedule in a policy pack, so a clinic can add
//! the State Council's yearly 放假安排 notice without a new program. Until a
//! year's file (or the built-in calendar) has it, that year is estimated
//! from weekends and the statutory days off (see [`crate::calendar`]).
//!
//! The file is `holidays/YYYY.json` inside the `--policy-dir` folder:
//!
//! ```json
//! {
//!   "year": 2027,
//!   "source": {
//!     "title": "国务院办公厅关于2027年部分节假日安排的通知",
//!     "publisher": "国务院办公厅",
//!     "url": "https://www.gov.cn/…",
//!     "published": "2026-11-12"
//!   },
//!   "days_off": [
//!     { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" },
//!     { "name": "春节", "from": "2027-02-05", "to": "2027-02-13" }
//!   ],
//!   "working_days": ["2027-02-20"]
//! }
//! ```
//!
//! - `days_off`: every block of days off as the notice gives it, weekends
//!   inside the block included (`from`..=`to`, ISO dates; `name` as the
//!   notice words it). Each of the 13 statutory days of that year must lie in
//!   one of them. A block may begin in the December before (a 元旦 bridge).
//! - `working_days`: the weekend days made working days (调休上班); each is a
//!   Saturday or Sunday and not a day off.
//! - `source.title` is required; `source.published` is a full date, or
//!   `null` where the day of publication was not checked.
//!
//! For that year the file is the whole schedule: a day it does not list is a
//! working day on Monday–Friday and a day off at weekends.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;

use super::Problem;
use super::pack::MAX_FILE_BYTES;
use crate::calendar::{OfficialYear, statutory_holidays};

/// The folder inside a pack that holds the holiday files.
pub(crate) const HOLIDAY_DIR: &str = "holidays";

/// Years a holiday file may describe.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2200;

/// The longest block of days off a notice has ever given is 9 days; a
/// longer one is a typing error.
const MAX_BLOCK_DAYS: i64 = 15;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayFile {
    year: i32,
    source: HolidaySource,
    days_off: Vec<DaysOff>,
    #[serde(default)]
    working_days: Vec<NaiveDate>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidaySource {
    title: String,
    #[serde(default)]
    publisher: Option<String>,
    #[serde(default)]
    url: Option<String>,
    /// `null` when the day of publication could not be checked (the files
    /// generated from a dataset that gives the days but not the notices).
    #[serde(default)]
    published: Option<NaiveDate>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DaysOff {
    name: String,
    from: NaiveDate,
    to: NaiveDate,
}

/// Reads and checks every `holidays/*.json` in the pack `dir`: the years
/// that passed and every problem of those that did not. A pack without a
/// `holidays` folder has neither.
pub fn read_holidays(dir: &Path) -> (Vec<OfficialYear>, Vec<Problem>) {
    let mut years = Vec::new();
    let mut problems = Vec::new();
    let holidays = dir.join(HOLIDAY_DIR);
    let Ok(entries) = fs::read_dir(&holidays) else {
        return (years, problems);
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    for path in paths {
        let file = format!(
            "{HOLIDAY_DIR}/{}",
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        );
        let problem = |reason: String| Problem {
            file: file.clone(),
            field: String::new(),
            reason,
        };
        // A FIFO or a device is refused on the open file, never waited on.
        let text = match crate::files::read_regular_text(&path, MAX_FILE_BYTES, true) {
            Ok(text) => text,
            Err(e) => {
                problems.push(problem(e.to_string()));
                continue;
            }
        };
        match check_holiday_file(&file, &text) {
            Ok(year) if years.iter().any(|y: &OfficialYear| y.year == year.year) => {
                problems.push(problem(format!("a second file for {}", year.year)))
            }
            Ok(year) => years.push(year),
            Err(mut p) => problems.append(&mut p),
        }
    }
    (years, super::pack::cut_values(problems))
}

/// One holiday file (`file` is its name, `holidays/YYYY.json`) checked alone.
pub(crate) fn check_holiday_file(file: &str, text: &str) -> Result<OfficialYear, Vec<Problem>> {
    read_holiday_file(file, text, true)
}

/// As `check_holiday_file`; without `statutory`, the one costly check (the
/// lunar calendar's days off of that year lie in the file's blocks) is left
/// to the tests, as for the shipped files at start-up.
pub(crate) fn read_holiday_file(
    file: &str,
    text: &str,
    statutory: bool,
) -> Result<OfficialYear, Vec<Problem>> {
    let parsed: HolidayFile = serde_json::from_str(text).map_err(|e| {
        vec![Problem {
            file: file.to_string(),
            field: format!("line {} column {}", e.line(), e.column()),
            reason: e.to_string(),
        }]
    })?;
    let mut found = Found {
        file,
        problems: Vec::new(),
    };
    let year = parsed.year;
    if !YEARS.contains(&year) {
        found.fail("year", format!("{year} is not between 2000 and 2200"));
        return Err(found.problems);
    }
    let stem = Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if stem != year.to_string() {
        found.fail(
            "year",
            format!("{year} does not match the file name {stem}.json"),
        );
    }
    check_source(&parsed.source, &mut found);
    let days_off = days_off(&parsed, &mut found);
    let working_days = working_days(&parsed, &days_off, &mut found);
    if statutory {
        for s in statutory_holidays(year) {
            for d in s.days().filter(|d| !days_off.contains(d)) {
                found.fail(
                    "days_off",
                    format!(
                        "{d} is a statutory day off ({:?}, 国务院令第795号) but no block holds it",
                        s.holiday
                    ),
                );
            }
        }
    }
    if found.problems.is_empty() {
        Ok(OfficialYear {
            year,
            days_off,
            working_days,
            source: parsed.source.title,
            published: parsed.source.published,
        })
    } else {
        Err(found.problems)
    }
}

/// The problems found in one holiday file so far.
struct Found<'a> {
    file: &'a str,
    problems: Vec<Problem>,
}

impl Found<'_> {
    fn fail(&mut self, field: &str, reason: String) {
        self.problems.push(Problem {
            file: self.file.to_string(),
            field: field.to_string(),
            reason,
        });
    }
}

/// The notice the file cites, by the same rule for text as region files:
/// nothing empty, no control, invisible or direction-changing characters.
fn check_source(source: &HolidaySource, found: &mut Found) {
    if source.title.trim().is_empty() {
        found.fail("source.title", "is empty: name the notice".into());
    } else if let Some(reason) = super::validate::text_problem(&source.title) {
        found.fail("source.title", reason);
    }
    for (field, v) in [
        ("source.publisher", &source.publisher),
        ("source.url", &source.url),
    ] {
        if v.as_deref().is_some_and(|s| s.trim().is_empty()) {
            found.fail(field, "is empty: leave it out or fill it in".into());
        } else if let Some(reason) = v.as_deref().and_then(super::validate::text_problem) {
            found.fail(field, reason);
        }
    }
}

/// The days a file's blocks may fall on: its year, and the December before
/// (元旦 bridges).
fn in_year(year: i32, d: NaiveDate) -> bool {
    let first_allowed = NaiveDate::from_ymd_opt(year - 1, 12, 1).expect("valid date");
    let last_allowed = NaiveDate::from_ymd_opt(year, 12, 31).expect("valid date");
    (first_allowed..=last_allowed).contains(&d)
}

/// Every day off the file's blocks hold; a block that ends before it
/// starts, is too long, lies outside the year or shares a day with another
/// is a problem.
fn days_off(parsed: &HolidayFile, found: &mut Found) -> BTreeSet<NaiveDate> {
    let year = parsed.year;
    let mut days_off = BTreeSet::new();
    if parsed.days_off.is_empty() {
        found.fail("days_off", "is empty: list the notice's days off".into());
    }
    // The blocks so far, with their indexes in the file.
    let mut blocks: Vec<(usize, NaiveDate, NaiveDate)> = Vec::new();
    for (i, block) in parsed.days_off.iter().enumerate() {
        let field = format!("days_off[{i}]");
        if let Some(reason) = super::validate::text_problem(&block.name) {
            found.fail(&format!("{field}.name"), reason);
        }
        if block.to < block.from {
            found.fail(
                &format!("{field}.to"),
                format!("{} is before from {}", block.to, block.from),
            );
            continue;
        }
        if (block.to - block.from).num_days() >= MAX_BLOCK_DAYS {
            found.fail(
                &field,
                format!(
                    "{} to {} is longer than {MAX_BLOCK_DAYS} days",
                    block.from, block.to
                ),
            );
            continue;
        }
        for (end, d) in [("from", block.from), ("to", block.to)] {
            if !in_year(year, d) {
                found.fail(
                    &format!("{field}.{end}"),
                    format!("{d} is outside {year} (a block may begin in the December before)"),
                );
            }
        }
        // Two blocks sharing a day: one of them is a mistake.
        if let Some(&(j, from, to)) = blocks
            .iter()
            .find(|&&(_, from, to)| block.from <= to && from <= block.to)
        {
            found.fail(
                &field,
                format!(
                    "{} to {} overlaps days_off[{j}] ({from} to {to})",
                    block.from, block.to
                ),
            );
        }
        blocks.push((i, block.from, block.to));
        days_off.extend(block.from.iter_days().take_while(|d| *d <= block.to));
    }
    days_off
}

/// The make-up working days: each a Saturday or Sunday of the year, and
/// not also a day off.
fn working_days(
    parsed: &HolidayFile,
    days_off: &BTreeSet<NaiveDate>,
    found: &mut Found,
) -> BTreeSet<NaiveDate> {
    let year = parsed.year;
    let mut working_days = BTreeSet::new();
    for (i, &d) in parsed.working_days.iter().enumerate() {
        let field = format!("working_days[{i}]");
        if !in_year(year, d) {
            found.fail(&field, format!("{d} is outside {year}"));
        } else if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            found.fail(
                &field,
                format!("{d} is a weekday: a make-up working day is a Saturday or Sunday"),
            );
        } else if days_off.contains(&d) {
            found.fail(&field, format!("{d} is also listed as a day off"));
        } else {
            working_days.insert(d);
        }
    }
    working_days
}

impl super::PolicySet {
    /// This data with the pack's holiday years in its calendar.
    pub fn with_holiday_years(mut self, years: Vec<OfficialYear>) -> super::PolicySet {
        self.calendar = self.calendar.with_years(years);
        self
    }
}
