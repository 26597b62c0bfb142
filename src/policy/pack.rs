//! Policy data packs from outside the binary: a folder of region files that
//! add to or replace the embedded regions, so a clinic's IT person can
//! update the rules without a new program. Files are JSON data only; each
//! is checked like the embedded ones and a bad or oversized file is
//! rejected with its reason while everything else keeps working.

use std::fs;
use std::path::Path;

use super::inherit::RegionText;
use super::{LoadError, PolicySet, Problem, Region, validate};

/// The largest region file a pack may hold.
pub(crate) const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Reads and checks every `*.json` in `dir`: the regions that passed, and
/// every problem (file, field, reason) of those that did not.
pub fn read_pack(dir: &Path, base: &PolicySet) -> (Vec<Region>, Vec<Problem>) {
    let (files, problems) = read_pack_files(dir, base);
    (files.into_iter().map(|f| f.region).collect(), problems)
}

/// A pack file that passed: its text (for `PolicySet::with_files`, which
/// resolves it with the rest) and its region as checked.
#[derive(Debug, Clone)]
pub struct PackFile {
    pub text: RegionText,
    pub region: Region,
}

impl PackFile {
    /// The file as `PolicySet::with_files` takes it.
    pub fn entry(&self) -> (RegionText, String) {
        (self.text.clone(), self.region.id.clone())
    }
}

/// [`read_pack`], keeping the files' texts.
pub fn read_pack_files(dir: &Path, base: &PolicySet) -> (Vec<PackFile>, Vec<Problem>) {
    let mut accepted: Vec<PackFile> = Vec::new();
    let mut problems = Vec::new();
    let problem = |file: &str, field: &str, reason: String| Problem {
        file: file.to_string(),
        field: field.to_string(),
        reason,
    };
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(problem(&dir.display().to_string(), "", e.to_string()));
            return (accepted, problems);
        }
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    // A province's file before its cities' (and a generic entry before
    // the provinces'), so a city file finds what it inherits from.
    paths.sort_by_cached_key(|p| (tier(p), p.clone()));
    let mut seen: Vec<(String, String)> = Vec::new();
    for path in paths {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Never `open` blocking: a FIFO or a device named `*.json` is refused
        // on the open file, not waited on.
        let text = match crate::files::read_regular_text(&path, MAX_FILE_BYTES, true) {
            Ok(text) => text,
            Err(crate::files::ReadError::TooBig { limit }) => {
                let len = fs::metadata(&path).map(|m| m.len()).unwrap_or(limit + 1);
                problems.push(problem(
                    &file,
                    "",
                    format!("{len} bytes: larger than the {limit}-byte limit"),
                ));
                continue;
            }
            Err(e) => {
                problems.push(problem(&file, "", e.to_string()));
                continue;
            }
        };
        // Checked against the embedded data and the pack files before it,
        // so two pack regions cannot share a name either.
        match check_with(&file, &text, base, &accepted) {
            Ok(region) => {
                // Two files with one id: neither is trusted over the other.
                if let Some(first) = seen.iter().position(|(_, id)| *id == region.id) {
                    problems.push(problem(
                        &file,
                        "id",
                        format!(
                            "region id {:?} is already used by pack file {}",
                            region.id, seen[first].0
                        ),
                    ));
                    if let Some(i) = accepted.iter().position(|r| r.region.id == region.id) {
                        accepted.remove(i);
                        problems.push(problem(
                            &seen[first].0,
                            "id",
                            format!("region id {:?} is also used by pack file {file}", region.id),
                        ));
                    }
                    continue;
                }
                seen.push((file.clone(), region.id.clone()));
                accepted.push(PackFile {
                    text: RegionText {
                        file: file.clone(),
                        text: text.into(),
                    },
                    region,
                });
            }
            Err(mut p) => problems.append(&mut p),
        }
    }
    (accepted, cut_values(problems))
}

/// Problems with every quoted value cut to its start and end (a bad file
/// may hold a value of nearly 1 MiB; the message names it, never echoes it).
pub(crate) fn cut_values(mut problems: Vec<Problem>) -> Vec<Problem> {
    for p in &mut problems {
        p.field = crate::text::cut_quoted(&p.field);
        p.reason = crate::text::cut_quoted(&p.reason);
    }
    problems
}

/// 0 for a generic entry, 1 for a province's file, 2 for any other (or
/// one that cannot be read yet: its problem is reported when it is).
fn tier(path: &Path) -> u8 {
    let Ok(text) = crate::files::read_regular_text(path, MAX_FILE_BYTES, true) else {
        return 2;
    };
    let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
        return 2;
    };
    if v.get("generic").and_then(|g| g.as_bool()) == Some(true) {
        return 0;
    }
    let province = v
        .get("place")
        .and_then(|p| p.as_str())
        .and_then(crate::places::by_code)
        .is_some_and(|p| p.level == crate::places::PlaceLevel::Province);
    if province { 1 } else { 2 }
}

/// One region file checked alone and against the base data.
pub fn check_region(file: &str, text: &str, base: &PolicySet) -> Result<Region, Vec<Problem>> {
    check_with(file, text, base, &[])
}

/// One region file checked with the base data and the pack's `earlier`
/// files (which replace base files of their id): resolved together, so a
/// city file inherits from its province's file wherever that is, and a
/// province's file is checked with the cities it changes. A problem it
/// causes in another file is its own.
fn check_with(
    file: &str,
    text: &str,
    base: &PolicySet,
    earlier: &[PackFile],
) -> Result<Region, Vec<Problem>> {
    // Its id first: the file replaces the base file that has it.
    let id = match super::from_json::<serde_json::Value>(file, text) {
        Ok(v) => v
            .get("id")
            .and_then(|x| x.as_str())
            .unwrap_or("")
            .to_string(),
        Err(p) => return Err(vec![p]),
    };
    let replaced = |x: &str| x == id || earlier.iter().any(|e| e.region.id == x);
    let mut set: Vec<RegionText> = base
        .files()
        .filter(|(_, x)| !replaced(x))
        .map(|(f, _)| f.clone())
        .chain(
            earlier
                .iter()
                .filter(|e| e.region.id != id)
                .map(|e| e.text.clone()),
        )
        .collect();
    let this = set.len();
    set.push(RegionText {
        file: file.to_string(),
        text: text.to_string().into(),
    });
    let (resolved, found) = super::inherit::resolve(&set, true);
    let mut problems: Vec<Problem> = found
        .into_iter()
        .map(|mut p| {
            if p.file != file {
                p.field = format!("{} {}", p.file, p.field);
                p.file = file.to_string();
            }
            p
        })
        .collect();
    let regions: Vec<&Region> = resolved.iter().map(|(_, r)| r).collect();
    problems.extend(
        validate::across(&base.national, &regions)
            .into_iter()
            .map(|mut p| {
                p.file = file.to_string();
                p
            }),
    );
    match resolved.iter().find(|(i, _)| *i == this) {
        Some((_, region)) if problems.is_empty() => Ok(region.clone()),
        _ if problems.is_empty() => Err(vec![Problem {
            file: file.to_string(),
            field: String::new(),
            reason: "could not be read".into(),
        }]),
        _ => Err(problems),
    }
}

impl PolicySet {
    /// This data with `regions` added, each replacing an embedded region of
    /// the same id. The regions are taken whole (a region read from a
    /// pack keeps what it inherited only through `with_files`).
    pub fn with_regions(self, regions: Vec<Region>) -> PolicySet {
        let files = regions
            .iter()
            .map(|r| {
                let text = serde_json::to_string(r).unwrap_or_default();
                (
                    RegionText {
                        file: format!("{}.json", r.id),
                        text: text.into(),
                    },
                    r.id.clone(),
                )
            })
            .collect();
        self.with_files(files)
    }
}

impl PolicySet {
    /// A whole policy set from a folder laid out like `data/`:
    /// `national.json` and `regions/*.json`, parsed and validated as the
    /// embedded data is (every problem of every file reported). The tests'
    /// fixture set, `tests/fixtures/policy/`, is read this way.
    pub fn from_dir(dir: &Path) -> Result<PolicySet, LoadError> {
        let read = |path: &Path| {
            let file = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            crate::files::read_regular_text(path, MAX_FILE_BYTES, true)
                .map(|text| (file.clone(), text))
                .map_err(|e| Problem {
                    file,
                    field: String::new(),
                    reason: e.to_string(),
                })
        };
        let national = read(&dir.join("national.json")).map_err(|p| LoadError::Invalid(vec![p]))?;
        let regions_dir = dir.join("regions");
        let mut paths: Vec<_> = fs::read_dir(&regions_dir)
            .map_err(|e| {
                LoadError::Invalid(vec![Problem {
                    file: regions_dir.display().to_string(),
                    field: String::new(),
                    reason: e.to_string(),
                }])
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        let regions = paths
            .iter()
            .map(|p| read(p))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|p| LoadError::Invalid(vec![p]))?;
        PolicySet::from_files(
            (&national.0, &national.1),
            regions.iter().map(|(f, t)| (f.as_str(), t.as_str())),
        )
    }
}
