//! Policy data packs from outside the binary: a folder of region files that
//! add to or replace the embedded regions, so a clinic's IT person can
//! update the rules without a new program. Files are JSON data only; each
//! is checked like the embedded ones and a bad or oversized file is
//! rejected with its reason while everything else keeps working.

use std::fs;
use std::io::Read;
use std::path::Path;

use super::{LoadError, PolicySet, Problem, Region, validate};

/// The largest region file a pack may hold.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Reads and checks every `*.json` in `dir`: the regions that passed, and
/// every problem (file, field, reason) of those that did not.
pub fn read_pack(dir: &Path, base: &PolicySet) -> (Vec<Region>, Vec<Problem>) {
    let mut regions = Vec::new();
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
            return (regions, problems);
        }
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut seen: Vec<(String, String)> = Vec::new();
    for path in paths {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let meta = match fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                problems.push(problem(&file, "", e.to_string()));
                continue;
            }
        };
        if !meta.is_file() {
            problems.push(problem(&file, "", "not a regular file".into()));
            continue;
        }
        if meta.len() > MAX_FILE_BYTES {
            problems.push(problem(
                &file,
                "",
                format!(
                    "{} bytes: larger than the {MAX_FILE_BYTES}-byte limit",
                    meta.len()
                ),
            ));
            continue;
        }
        let mut text = String::new();
        let read = fs::File::open(&path)
            .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_string(&mut text));
        if let Err(e) = read {
            problems.push(problem(&file, "", e.to_string()));
            continue;
        }
        // Checked against the embedded data and the pack files before it,
        // so two pack regions cannot share a name either.
        match check_with(&file, &text, base, &regions) {
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
                    if let Some(i) = regions.iter().position(|r: &Region| r.id == region.id) {
                        regions.remove(i);
                        problems.push(problem(
                            &seen[first].0,
                            "id",
                            format!("region id {:?} is also used by pack file {file}", region.id),
                        ));
                    }
                    continue;
                }
                seen.push((file.clone(), region.id.clone()));
                regions.push(region);
            }
            Err(mut p) => problems.append(&mut p),
        }
    }
    (regions, problems)
}

/// One region file checked alone and against the base data.
pub fn check_region(file: &str, text: &str, base: &PolicySet) -> Result<Region, Vec<Problem>> {
    check_with(file, text, base, &[])
}

/// One region file checked alone and against the base data together with
/// the pack's `earlier` regions (which replace base regions of their id).
fn check_with(
    file: &str,
    text: &str,
    base: &PolicySet,
    earlier: &[Region],
) -> Result<Region, Vec<Problem>> {
    let region: Region = super::from_json(file, text).map_err(|p| vec![p])?;
    let mut problems = validate::region(file, &region);
    // Cross-file rules against what the region would join: references,
    // no copying.
    let mut merged: Vec<&Region> = base
        .regions
        .iter()
        .filter(|r| r.id != region.id && !earlier.iter().any(|e| e.id == r.id))
        .chain(earlier.iter().filter(|r| r.id != region.id))
        .collect();
    merged.push(&region);
    problems.extend(
        validate::across(&base.national, &merged)
            .into_iter()
            .map(|mut p| {
                p.file = file.to_string();
                p
            }),
    );
    if problems.is_empty() {
        Ok(region)
    } else {
        Err(problems)
    }
}

impl PolicySet {
    /// This data with `regions` added, each replacing an embedded region of
    /// the same id.
    pub fn with_regions(mut self, regions: Vec<Region>) -> PolicySet {
        for region in regions {
            match self.regions.iter_mut().find(|r| r.id == region.id) {
                Some(existing) => *existing = region,
                None => self.regions.push(region),
            }
        }
        self.regions.sort_by_key(|r| (r.generic, r.id.clone()));
        self
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
            fs::read_to_string(path)
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
