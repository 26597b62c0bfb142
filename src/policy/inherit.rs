//! Province defaults that cities refine. A region file whose `place` is a
//! province-level code holds what is true province-wide; a file for one of
//! that province's cities gives what differs, field by field, and takes
//! every field it leaves out from the province's file. A province's file
//! takes what it leaves out from the generic entry (the national practice,
//! shown as such). A file with no file above it (no `place`, or a city of a
//! province without a file) is complete on its own, as it always was.
//!
//! Every value keeps its own source: the sources a file's inherited values
//! cite come with them. The loaded [`Region`] records, for each field it
//! did not give itself, the level of the file it came from (`city`,
//! `province`, `generic`); plans show it. Files are read typed first, the
//! way they always were: only a file with a file above it is merged, so the
//! data without province files loads as fast as before.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;
use serde_json::{Map, Value};

use super::{DataLevel, Problem, Region, Source, from_json, validate};
use crate::places::{self, PlaceLevel};

/// Files from this many on are read and checked on every core.
const PARALLEL_FROM: usize = 64;

/// One region file as read: its name and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionText {
    pub file: String,
    pub text: Cow<'static, str>,
}

/// Fields a file never takes from another: what and where it is, when it
/// was checked, and its sources (which add up, see [`merge`]); and what a
/// person was told of their own disease there (`no_renewal_for`), which is
/// for that place only.
pub(crate) const OWN_FIELDS: &[&str] = &[
    "id",
    "name",
    "short_name",
    "province",
    "place",
    "aliases",
    "name_en",
    "generic",
    "verified_on",
    "sources",
    "no_renewal_for",
];

/// Every field a file may leave out to inherit, as the files and the
/// plan's `data_levels` name them. A test checks these and [`OWN_FIELDS`]
/// are every field of [`Region`]: a new field is added to one of them.
pub(crate) const INHERITED_FIELDS: &[&str] = &[
    "benefit_name",
    "window_months",
    "window_days",
    "grace_days",
    "renewal_scope",
    "validity_months",
    "validity_extensions",
    "cycle_years",
    "materials_max_age",
    "continuity_during_review",
    "late_consequence",
    "open_disease_list",
    "diseases",
    "documents",
    "document_choices",
    "common_documents",
    "channels",
    "no_channel",
    "notes",
    "example_figures",
];

/// Fields that come with another: a file that gives the first keeps its own
/// value of these (or their default), never the parent's. A city's own
/// channel list with the province's "no online channel" would contradict
/// itself; a city's own disease list is closed unless it says otherwise.
const TOGETHER: &[(&str, &[&str])] = &[
    // A window is in months or in days, never one from each file.
    ("window_months", &["window_days"]),
    ("window_days", &["window_months"]),
    ("diseases", &["open_disease_list"]),
    ("channels", &["no_channel"]),
    ("documents", &["document_choices"]),
];

/// What a region took from the file above it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inheritance {
    /// The region whose values fill the fields this file left out: its
    /// province's (for a province, the generic entry).
    pub parent: Option<ParentRef>,
    /// The fields this file left out, with the level of the file each
    /// value came from (a city's field may come from the generic entry
    /// through its province).
    pub fields: BTreeMap<String, DataLevel>,
}

/// The file a region inherits from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParentRef {
    pub id: String,
    pub name: String,
    pub file: String,
    pub level: DataLevel,
}

/// How a file read.
enum Read {
    /// Complete: a `Region` as it stands.
    Whole(Box<Region>),
    /// Not a complete region (fields left out, or wrong): its fields. What
    /// the typed reading said is worked out again where it is reported
    /// (`typed_problem`): most such files take the rest from a parent.
    Part(Map<String, Value>),
    /// Not JSON, or not an object: reported already.
    Broken,
}

/// Who a file is, for finding the file above it.
struct Head {
    place: Option<&'static places::Place>,
    generic: bool,
}

/// Every region of `files`, each complete (fields left out filled from the
/// file above it), paired with the index of its file; and every problem,
/// naming the file, the field and the reason. With `validate`, each region
/// is checked too (`validate::region`) and so is the inheritance; the
/// checks across files (`validate::across`) are the caller's.
pub(super) fn resolve(
    files: &[RegionText],
    validate: bool,
) -> (Vec<(usize, Region)>, Vec<Problem>) {
    let (reads, mut problems) = read_all(files);
    let family = Family::of(&reads);
    let (resolved, mut found) = resolve_in_order(files, reads, &family);
    // Each region is checked alone (on every core when there are many).
    let checked: Vec<Vec<Problem>> = if validate {
        let all: Vec<usize> = (0..files.len()).collect();
        crate::par::map(
            &all,
            PARALLEL_FROM,
            |&i| {
                resolved[i]
                    .as_ref()
                    .map(|r| validate::region(&files[i].file, r))
                    .unwrap_or_default()
            },
            |_| Vec::new(),
        )
    } else {
        Vec::new()
    };
    for &i in &family.order {
        problems.append(&mut found[i]);
        if let (Some(region), Some(own)) = (resolved[i].as_ref(), checked.get(i)) {
            report_checked(files, &family, &checked, i, region, own, &mut problems);
        }
    }
    let regions = resolved
        .into_iter()
        .enumerate()
        .filter_map(|(i, r)| Some((i, r?)))
        .collect();
    (regions, problems)
}

/// Every file read (its JSON, typed where it is complete). Reading is most
/// of the work, and each file reads alone: on every core when there are
/// many (a national set).
fn read_all(files: &[RegionText]) -> (Vec<Read>, Vec<Problem>) {
    let read_each = crate::par::map(
        files,
        PARALLEL_FROM,
        |f| {
            let mut found = Vec::new();
            (read(f, &mut found), found)
        },
        |f| {
            let reason = "could not be read (an error in the program)".to_string();
            let field = String::new();
            (
                Read::Broken,
                vec![Problem {
                    file: f.file.clone(),
                    field,
                    reason,
                }],
            )
        },
    );
    let mut problems = Vec::new();
    let mut reads = Vec::with_capacity(files.len());
    for (r, mut found) in read_each {
        problems.append(&mut found);
        reads.push(r);
    }
    (reads, problems)
}

/// Which file each file takes what it leaves out from, and the order to
/// resolve them in: the generic entry first, then the provinces' files,
/// then the rest, so a file's parent is always resolved before it.
struct Family {
    parent: Vec<Option<usize>>,
    order: Vec<usize>,
}

impl Family {
    fn of(reads: &[Read]) -> Family {
        let heads: Vec<Option<Head>> = reads.iter().map(head).collect();
        let mut by_place: HashMap<&str, usize> = HashMap::new();
        for (i, h) in heads.iter().enumerate() {
            if let Some(p) = h.as_ref().and_then(|h| h.place) {
                by_place.entry(p.code).or_insert(i);
            }
        }
        let generic = heads
            .iter()
            .position(|h| h.as_ref().is_some_and(|h| h.generic));
        let parent_of = |i: usize| -> Option<usize> {
            let h = heads[i].as_ref()?;
            if h.generic {
                return None;
            }
            let place = h.place?;
            let parent = match place.level {
                PlaceLevel::Province => generic?,
                _ => *by_place.get(place.province_place()?.code)?,
            };
            (parent != i).then_some(parent)
        };
        let tier = |i: usize| match heads[i].as_ref() {
            Some(h) if h.generic => 0,
            Some(h) if h.place.is_some_and(|p| p.level == PlaceLevel::Province) => 1,
            _ => 2,
        };
        let mut order: Vec<usize> = (0..reads.len()).collect();
        order.sort_by_key(|&i| tier(i));
        Family {
            parent: (0..reads.len()).map(parent_of).collect(),
            order,
        }
    }
}

/// Each file resolved in the family's order: complete as read, or with
/// what it leaves out filled from its parent. Returns each file's region
/// (none where it could not be made) and what resolving each file found.
fn resolve_in_order(
    files: &[RegionText],
    reads: Vec<Read>,
    family: &Family,
) -> (Vec<Option<Region>>, Vec<Vec<Problem>>) {
    let n = files.len();
    let mut resolved: Vec<Option<Region>> = vec![None; n];
    // The fields each parent has a value for, worked out once.
    let mut parent_given: Vec<Option<HashSet<String>>> = vec![None; n];
    // What each file's children may cite: its sources and its parent's.
    let mut pools: Vec<Vec<Source>> = vec![Vec::new(); n];
    let mut found: Vec<Vec<Problem>> = vec![Vec::new(); n];
    let mut reads: Vec<Option<Read>> = reads.into_iter().map(Some).collect();
    for &i in &family.order {
        let Some(this) = reads[i].take() else {
            continue;
        };
        let region = match (family.parent[i], this) {
            (_, Read::Broken) => continue,
            (None, Read::Whole(r)) => *r,
            (None, Read::Part(_)) => {
                found[i].push(explain_missing(typed_problem(&files[i])));
                continue;
            }
            (Some(p), this) => {
                let Some(parent) = resolved[p].as_ref() else {
                    found[i].push(Problem {
                        file: files[i].file.clone(),
                        field: "place".into(),
                        reason: format!(
                            "the fields left out are taken from {}, which could not be read",
                            files[p].file
                        ),
                    });
                    continue;
                };
                let given = &mut parent_given[p];
                let parent = Parent {
                    region: parent,
                    file: &files[p].file,
                    pool: &pools[p],
                };
                match under_parent(&files[i], this, parent, given, &mut found[i]) {
                    Some(region) => region,
                    None => continue,
                }
            }
        };
        let mut pool = region.sources.clone();
        if let Some(p) = family.parent[i] {
            for s in &pools[p] {
                if !pool.iter().any(|x| x.id == s.id) {
                    pool.push(s.clone());
                }
            }
        }
        pools[i] = pool;
        resolved[i] = Some(region);
    }
    (resolved, found)
}

/// A file under its parent: a complete file that takes nothing from the
/// parent stands as read (no second reading); otherwise its own fields
/// are laid over the parent's. None where that cannot be done (the problem
/// is in `found`).
fn under_parent(
    file: &RegionText,
    this: Read,
    parent: Parent,
    parent_given: &mut Option<HashSet<String>>,
    found: &mut Vec<Problem>,
) -> Option<Region> {
    let own = match this {
        Read::Part(own) => own,
        Read::Broken => return None,
        // A complete file under another still inherits what it leaves out
        // (notes, example figures…), but only where the file above has a
        // value; most often it has none, and the file stands as read.
        Read::Whole(r) => {
            let given = parent_given.get_or_insert_with(|| given_fields(parent.region));
            if takes_nothing(&file.text, given) {
                let mut r = *r;
                r.inherited.parent = Some(parent_ref(parent.region, parent.file));
                return Some(r);
            }
            match from_json::<Value>(&file.file, &file.text) {
                Ok(Value::Object(own)) => own,
                _ => return None,
            }
        }
    };
    match merge(&file.file, own, parent) {
        Ok((region, mut source_problems)) => {
            found.append(&mut source_problems);
            Some(region)
        }
        Err(p) => {
            found.push(p);
            None
        }
    }
}

/// What checking file `i`'s region found: a problem in a value the file
/// inherits is reported once, against the file the value is in.
fn report_checked(
    files: &[RegionText],
    family: &Family,
    checked: &[Vec<Problem>],
    i: usize,
    region: &Region,
    own: &[Problem],
    problems: &mut Vec<Problem>,
) {
    let parent = family.parent[i];
    let parent_problems: &[Problem] = parent.map_or(&[], |p| &checked[p]);
    let parent_file = parent.map(|p| files[p].file.as_str()).unwrap_or("");
    for p in own {
        let mut p = p.clone();
        let top = top_field(&p.field);
        if region.inherited.fields.contains_key(top) {
            if parent_problems
                .iter()
                .any(|q| q.field == p.field && q.reason == p.reason)
            {
                continue;
            }
            p.field = format!("{} (inherited from {parent_file})", p.field);
        }
        problems.push(p);
    }
}

fn read(f: &RegionText, problems: &mut Vec<Problem>) -> Read {
    // Read without serde_path_to_error's bookkeeping: where the typed
    // reading fails, the file is read as JSON for what it gives, and the
    // typed reading's path is worked out only if it is reported.
    match serde_json::from_str::<Region>(&f.text) {
        Ok(r) => Read::Whole(Box::new(r)),
        Err(_) => match from_json::<Value>(&f.file, &f.text) {
            Ok(Value::Object(m)) => Read::Part(m),
            Ok(_) => {
                problems.push(Problem {
                    file: f.file.clone(),
                    field: String::new(),
                    reason: "a region file is a JSON object".into(),
                });
                Read::Broken
            }
            Err(p) => {
                problems.push(p);
                Read::Broken
            }
        },
    }
}

/// What the typed reading of a file that is not a complete region says
/// (where, and why), as `from_json` words it.
fn typed_problem(f: &RegionText) -> Problem {
    match from_json::<Region>(&f.file, &f.text) {
        Err(typed) => typed,
        // Not reached: the file did not read as a region.
        Ok(_) => Problem {
            file: f.file.clone(),
            field: String::new(),
            reason: "is not a complete region".into(),
        },
    }
}

fn head(read: &Read) -> Option<Head> {
    match read {
        Read::Whole(r) => Some(Head {
            place: r.place.as_deref().and_then(places::by_code),
            generic: r.generic,
        }),
        Read::Part(m) => Some(Head {
            place: m
                .get("place")
                .and_then(Value::as_str)
                .and_then(places::by_code),
            generic: m.get("generic").and_then(Value::as_bool).unwrap_or(false),
        }),
        Read::Broken => None,
    }
}

fn parent_ref(parent: &Region, file: &str) -> ParentRef {
    ParentRef {
        id: parent.id.clone(),
        name: parent.name.clone(),
        file: file.to_string(),
        level: parent.level(),
    }
}

/// Whether a value is no value: what a file's silence means too.
fn nothing(v: &Value) -> bool {
    matches!(v, Value::Null | Value::Bool(false)) || v.as_array().is_some_and(Vec::is_empty)
}

/// The inheritable fields `region` has a value for.
fn given_fields(region: &Region) -> HashSet<String> {
    match serde_json::to_value(region) {
        Ok(Value::Object(m)) => m
            .into_iter()
            .filter(|(k, v)| INHERITED_FIELDS.contains(&k.as_str()) && !nothing(v))
            .map(|(k, _)| k)
            .collect(),
        _ => HashSet::new(),
    }
}

/// Whether a complete file `text` leaves out nothing the file above has a
/// value for (its fields read by name only, their values skipped).
fn takes_nothing(text: &str, above: &HashSet<String>) -> bool {
    let Ok(written) = serde_json::from_str::<HashMap<String, serde::de::IgnoredAny>>(text) else {
        return false;
    };
    INHERITED_FIELDS.iter().all(|k| {
        written.contains_key(*k)
            || !above.contains(*k)
            || TOGETHER
                .iter()
                .any(|(lead, follow)| written.contains_key(*lead) && follow.contains(k))
    })
}

/// `channels[0].source` → `channels`.
fn top_field(field: &str) -> &str {
    field.split(['.', '[', ' ']).next().unwrap_or(field)
}

/// A typed reading of a file with nothing above it. A missing field there
/// is missing, and the reason says which files may leave fields out.
fn explain_missing(mut p: Problem) -> Problem {
    if p.reason.starts_with("missing field") {
        p.reason.push_str(
            " (only a province's file, or a file of a city whose province has one, may leave \
             fields out: they are taken from the file above it)",
        );
    }
    p
}

/// The resolved file above, its name, and the sources it and its own
/// parents hold.
struct Parent<'a> {
    region: &'a Region,
    file: &'a str,
    pool: &'a [Source],
}

/// `own`'s fields over `parent`'s: the region, and any problem with its
/// sources (an id the parent also uses, for another source).
fn merge(
    file: &str,
    own: Map<String, Value>,
    parent: Parent,
) -> Result<(Region, Vec<Problem>), Problem> {
    let mut merged = match serde_json::to_value(parent.region) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    };
    for k in OWN_FIELDS {
        merged.remove(*k);
    }
    for (lead, follow) in TOGETHER {
        if own.contains_key(*lead) {
            for f in *follow {
                merged.remove(*f);
            }
        }
    }
    // Inherited, with the level of the file the value came from; a field
    // nobody above gives (null, an empty list) is as much the file's own
    // silence as its own "none" would be.
    let mut fields = BTreeMap::new();
    for (k, v) in &merged {
        if !own.contains_key(k) && !nothing(v) {
            fields.insert(k.clone(), parent.region.level_of(k));
        }
    }
    let given: Vec<&str> = TOGETHER
        .iter()
        .filter(|(lead, _)| own.contains_key(*lead))
        .map(|(lead, _)| *lead)
        .collect();
    let mut problems = Vec::new();
    let own_sources: Vec<Value> = own
        .get("sources")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for (k, v) in own {
        if k != "sources" {
            merged.insert(k, v);
        }
    }
    // The sources the values cite: the file's own, and those of the files
    // above it that an inherited (or its own) value cites.
    let mut cited = HashSet::new();
    for v in merged.values() {
        cited_sources(v, &mut cited);
    }
    // What the inherited values cite: an id the file defines again must
    // name the same document for them.
    let mut cited_inherited = HashSet::new();
    for k in fields.keys() {
        if let Some(v) = merged.get(k) {
            cited_sources(v, &mut cited_inherited);
        }
    }
    let cites = Cites {
        all: &cited,
        inherited: &cited_inherited,
    };
    let sources = sources_over(file, own_sources, &parent, &cites, &mut problems);
    merged.insert("sources".into(), Value::Array(sources));
    let value = Value::Object(merged);
    // Read without serde_path_to_error's bookkeeping unless that fails (as
    // `from_json` reads a file), then again for the path to the field: the
    // bookkeeping was a twentieth of a plan for a city by its province.
    let read = Region::deserialize(&value).or_else(|_| serde_path_to_error::deserialize(&value));
    let mut region: Region = read.map_err(|e| {
        let field = e.path().to_string();
        let mut reason = e.into_inner().to_string();
        // A field dropped because the file gave its partner.
        if let Some((lead, _)) = TOGETHER
            .iter()
            .filter(|(lead, _)| given.contains(lead))
            .find(|(_, follow)| follow.iter().any(|f| reason.contains(&format!("`{f}`"))))
        {
            reason.push_str(&format!(
                " (a file that gives `{lead}` gives this too: they are not taken from two files)"
            ));
        }
        Problem {
            file: file.to_string(),
            field,
            reason,
        }
    })?;
    if !fields.is_empty() {
        // As fresh as the oldest check of the values it shows.
        region.verified_on = region.verified_on.min(parent.region.verified_on);
    }
    region.inherited = Inheritance {
        parent: Some(parent_ref(parent.region, parent.file)),
        fields,
    };
    Ok((region, problems))
}

/// The source ids a merged file's values cite: all of them, and those its
/// inherited values cite.
struct Cites<'a> {
    all: &'a HashSet<&'a str>,
    inherited: &'a HashSet<&'a str>,
}

/// The file's own sources, then each source of the files above that a
/// value cites. An id the file defines again must name the same document
/// where an inherited value cites it; otherwise that is a problem.
fn sources_over(
    file: &str,
    own_sources: Vec<Value>,
    parent: &Parent,
    cites: &Cites,
    problems: &mut Vec<Problem>,
) -> Vec<Value> {
    let mut sources = own_sources;
    let own_ids: Vec<Option<String>> = sources
        .iter()
        .map(|s| s.get("id").and_then(Value::as_str).map(str::to_string))
        .collect();
    for s in parent.pool {
        match own_ids
            .iter()
            .position(|id| id.as_deref() == Some(s.id.as_str()))
        {
            Some(j) => {
                let same = serde_json::from_value::<Source>(sources[j].clone())
                    .is_ok_and(|x| same_document(&x, s));
                if !same && cites.inherited.contains(s.id.as_str()) {
                    problems.push(Problem {
                        file: file.to_string(),
                        field: format!("sources[{j}].id"),
                        reason: format!(
                            "source id {:?} names another document in {} (or a file above \
                             it), whose values this file takes and which cite it: give this \
                             one another id",
                            s.id, parent.file
                        ),
                    });
                }
            }
            None if cites.all.contains(s.id.as_str()) => {
                sources.push(serde_json::to_value(s).unwrap_or(Value::Null));
            }
            None => {}
        }
    }
    sources
}

/// Two entries that name one document (each file may say its own note).
fn same_document(a: &Source, b: &Source) -> bool {
    (
        &a.title,
        &a.file,
        &a.url,
        &a.publisher,
        &a.published,
        a.confidence,
    ) == (
        &b.title,
        &b.file,
        &b.url,
        &b.publisher,
        &b.published,
        b.confidence,
    )
}

/// Every `"source": "<id>"` in a value.
fn cited_sources<'v>(v: &'v Value, out: &mut HashSet<&'v str>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("source", Value::String(id)) => {
                        out.insert(id);
                    }
                    _ => cited_sources(x, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| cited_sources(x, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests;
