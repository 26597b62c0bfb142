//! Embeds every `data/regions/*.json` and `data/holidays/*.json` in the
//! binary, so adding a region or a year's holidays is dropping a file in
//! that folder (no code change), and turns the place
//! index `data/places.json` into a static table (looking a place up by its
//! code then costs no parsing at start-up).

use std::{env, fs, path::Path};

// The program's own normal form of names, so the place names are
// normalized here once instead of at every start.
#[allow(dead_code)]
#[path = "src/text.rs"]
mod text;

// The search's keys, made here for the embedded data and every place with
// the code the program uses (`search::embedded_region_index`).
#[allow(dead_code)]
#[path = "src/search/keys.rs"]
mod keys;

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("data").join("regions");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed=data/national.json");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("data/regions exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out = String::from(
        "/// (file name, contents) of every embedded region file.\npub static REGION_FILES: &[(&str, &str)] = &[\n",
    );
    let mut heads = String::from(
        "/// What every embedded region file answers to, read here so a command\n/// about one region reads only the files it needs.\npub static REGION_HEADS: &[RegionHead] = &[\n",
    );
    let mut region_heads = Vec::new();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy();
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            f.display().to_string()
        ));
        // A file that is not JSON gets an empty head: tests/data.rs reports it.
        let head: serde_json::Value = fs::read_to_string(f)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
        let text = |field: &str| format!("{:?}", head[field].as_str().unwrap_or_default());
        let aliases: Vec<String> = head["aliases"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str())
                    .map(|x| format!("{x:?}"))
                    .collect()
            })
            .unwrap_or_default();
        heads.push_str(&format!(
            "    RegionHead {{ id: {}, place: {}, generic: {}, verified_on: {}, names: &[{}, {}{}] }},\n",
            text("id"),
            text("place"),
            head["generic"].as_bool().unwrap_or(false),
            text("verified_on"),
            text("name"),
            text("short_name"),
            aliases.iter().map(|a| format!(", {a}")).collect::<String>()
        ));
        region_heads.push(head);
    }
    out.push_str("];\n");
    heads.push_str("];\n");
    out.push_str(&heads);
    // The State Council's yearly holiday schedules, the same files a policy
    // pack's holidays/ folder holds.
    let holidays = Path::new(&manifest).join("data").join("holidays");
    println!("cargo:rerun-if-changed={}", holidays.display());
    let mut years: Vec<_> = fs::read_dir(&holidays)
        .expect("data/holidays exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    years.sort();
    out.push_str(
        "/// (file name, contents) of every embedded holiday file.\npub static HOLIDAY_FILES: &[(&str, &str)] = &[\n",
    );
    for f in &years {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = format!("holidays/{}", f.file_name().unwrap().to_string_lossy());
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            f.display().to_string()
        ));
    }
    out.push_str("];\n");
    out.push_str(&holiday_years(&years));
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_regions.rs");
    fs::write(dest, out).expect("write embedded_regions.rs");
    let (places, readings) = places(Path::new(&manifest));
    region_index(&region_heads, &places, &readings);
    fluent_entries(Path::new(&manifest));
    area_codes(Path::new(&manifest));
}

/// `data/area_codes.json` as lines of plain text, an area code and then the
/// codes of the places that dial it (`0731 430100 430300 430200`), for
/// `phone::area_codes`: parsing the JSON was a tenth of a plan's start.
/// Empty when the file does not read (tests/data.rs reports it).
fn area_codes(manifest: &Path) {
    let path = manifest.join("data").join("area_codes.json");
    println!("cargo:rerun-if-changed={}", path.display());
    let file: serde_json::Value = fs::read_to_string(&path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    let mut out = String::new();
    for entry in file["codes"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
        out.push_str(entry["area_code"].as_str().unwrap_or_default());
        for place in entry["places"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
            out.push(' ');
            out.push_str(place.as_str().unwrap_or_default());
        }
        out.push('\n');
    }
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("area_codes.txt");
    fs::write(dest, out).expect("write area_codes.txt");
}

/// The shipped holiday files as a table (`policy::embedded_calendar`), so a
/// release build does not parse 23 JSON files and their dates at every
/// start: each year's notice title, publication day, blocks of days off
/// and make-up working days, dates as `(year, month, day)`. `None` when a
/// file is not in the expected shape: the program then reads the files and
/// reports what is wrong (as do the tests, which check the table equals
/// the files read in full).
fn holiday_years(files: &[std::path::PathBuf]) -> String {
    fn date(v: &serde_json::Value) -> Option<String> {
        let mut parts = v.as_str()?.splitn(3, '-').map(|p| p.parse::<u32>().ok());
        let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
        Some(format!("({y}, {m}, {d})"))
    }
    fn year(text: &str) -> Option<String> {
        let v: serde_json::Value = serde_json::from_str(text).ok()?;
        let published = match &v["source"]["published"] {
            serde_json::Value::Null => "None".to_string(),
            p => format!("Some({})", date(p)?),
        };
        let mut days_off = Vec::new();
        for block in v["days_off"].as_array()? {
            days_off.push(format!(
                "({}, {})",
                date(&block["from"])?,
                date(&block["to"])?
            ));
        }
        let mut working_days = Vec::new();
        for d in v["working_days"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            working_days.push(date(d)?);
        }
        Some(format!(
            "    ShippedYear {{ year: {}, title: {:?}, published: {published}, days_off: &[{}], working_days: &[{}] }},\n",
            v["year"].as_i64()?,
            v["source"]["title"].as_str()?,
            days_off.join(", "),
            working_days.join(", "),
        ))
    }
    let years: Option<Vec<String>> = files
        .iter()
        .map(|f| year(&fs::read_to_string(f).ok()?))
        .collect();
    let doc = "/// The holiday files as a table, in the order of `HOLIDAY_FILES`; `None`\n/// when one is not as expected.\n";
    match years {
        Some(years) => format!(
            "{doc}pub static HOLIDAY_YEARS: Option<&[ShippedYear]> = Some(&[\n{}]);\n",
            years.concat()
        ),
        None => format!("{doc}pub static HOLIDAY_YEARS: Option<&[ShippedYear]> = None;\n"),
    }
}

/// Where each message of `assets/i18n/*.ftl` is: `(start, end of its id,
/// end)` in bytes, sorted by id, so the program parses only the messages it
/// shows (`i18n::entry_source`). A message runs from its `id =` line to the
/// next line that starts an entry or a comment: a line beginning with a
/// letter, `-` or `#` (a pattern's continuation lines are indented; a
/// variant's `[key]`, `*[key]` and a closing `}` do not begin so).
fn fluent_entries(manifest: &Path) {
    let mut out = String::new();
    for (lang, name) in [("zh-Hans", "ZH_HANS"), ("zh-Hant", "ZH_HANT"), ("en", "EN")] {
        let path = manifest
            .join("assets")
            .join("i18n")
            .join(format!("{lang}.ftl"));
        println!("cargo:rerun-if-changed={}", path.display());
        let source = fs::read_to_string(&path).expect("assets/i18n/*.ftl");
        // (line start, end of the id when the line begins a message)
        let mut starts: Vec<(usize, Option<usize>)> = Vec::new();
        let mut offset = 0;
        for line in source.split_inclusive('\n') {
            match line.bytes().next() {
                Some(b) if b.is_ascii_alphabetic() => {
                    let id_len = line
                        .bytes()
                        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
                        .count();
                    let message = line[id_len..].trim_start_matches(' ').starts_with('=');
                    starts.push((offset, message.then_some(offset + id_len)));
                }
                Some(b'#' | b'-') => starts.push((offset, None)),
                _ => {}
            }
            offset += line.len();
        }
        let mut entries: Vec<(&str, usize, usize, usize)> = Vec::new();
        for (i, &(start, id_end)) in starts.iter().enumerate() {
            if let Some(id_end) = id_end {
                let end = starts.get(i + 1).map_or(source.len(), |s| s.0);
                entries.push((&source[start..id_end], start, id_end, end));
            }
        }
        entries.sort();
        out.push_str(&format!(
            "/// `assets/i18n/{lang}.ftl`: (start, end of id, end) of each message, by id.\n\
             pub(crate) static {name}: [(u32, u32, u32); {}] = [{}];\n",
            entries.len(),
            entries
                .iter()
                .map(|(_, a, b, c)| format!("({a},{b},{c})"))
                .collect::<Vec<_>>()
                .join(",")
        ));
    }
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_i18n.rs");
    fs::write(dest, out).expect("write embedded_i18n.rs");
}

/// What the region index needs of a place.
struct PlaceRow {
    code: String,
    name: String,
    short_name: String,
    level: &'static str,
    aliases: Vec<String>,
    full_name: String,
}

impl PlaceRow {
    /// As `places::size_rank`.
    fn size_rank(&self) -> u8 {
        match self.level {
            "Province" => 0,
            "Prefecture" if &self.code[2..4] == "01" => 1,
            "Prefecture" => 2,
            "County" => 3,
            _ => 4,
        }
    }
}

/// The index `policy::index::region_index` builds over the embedded data
/// (`policy::choices`: the regions in the data's order, then every place
/// without a file of its own, in code order), its keys made by `keys` as at
/// run time, written as tables without pointers (nothing to relocate when
/// the program starts). `search::tests` checks it equals the index built
/// at run time from the loaded data.
fn region_index(heads: &[serde_json::Value], places: &[PlaceRow], readings: &[(String, String)]) {
    use pinyin::ToPinyin;
    let reading_at_start = |text: &str| -> Option<(&str, &str)> {
        // As places::reading_at_start.
        let first = text.chars().next()?;
        let mut buf = [0u8; 4];
        let first = &*first.encode_utf8(&mut buf);
        let start = readings.partition_point(|(t, _)| t.as_str() < first);
        readings[start..]
            .iter()
            .take_while(|(t, _)| t.starts_with(first))
            .filter(|(t, _)| text.starts_with(t.as_str()))
            .max_by_key(|(t, _)| t.len())
            .map(|(t, r)| (t.as_str(), r.as_str()))
    };
    let read = |text: &str| {
        keys::read_with(text, reading_at_start, |c| {
            c.to_pinyin().map(|p| (p.plain(), p.first_letter()))
        })
    };
    let text_of = |h: &serde_json::Value, field: &str| h[field].as_str().unwrap_or("").to_string();
    let by_code = |code: &str| places.iter().find(|p| p.code == code);
    let mut regions: Vec<&serde_json::Value> = heads.iter().collect();
    regions.sort_by_key(|h| (h["generic"].as_bool().unwrap_or(false), text_of(h, "id")));
    assert!(
        regions.iter().any(|h| h["generic"].as_bool() == Some(true)),
        "data/regions: no generic entry"
    );
    // (choice key, keys, rank)
    let mut entries: Vec<(String, Vec<keys::Key>, u8)> = Vec::new();
    for h in &regions {
        let place = h["place"].as_str().and_then(by_code);
        let (id, name, short) = (
            text_of(h, "id"),
            text_of(h, "name"),
            text_of(h, "short_name"),
        );
        let mut primary = vec![id.as_str(), name.as_str(), short.as_str()];
        let aliases: Vec<String> = h["aliases"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        let mut secondary: Vec<&str> = aliases.iter().map(String::as_str).collect();
        let province = text_of(h, "province");
        secondary.push(&province);
        let name_en = h["name_en"].as_str();
        secondary.extend(name_en);
        if let Some(p) = place {
            primary.extend([p.code.as_str(), &p.name, &p.short_name, &p.full_name]);
            secondary.extend(p.aliases.iter().map(String::as_str));
        }
        let generic = h["generic"].as_bool().unwrap_or(false);
        let rank = match place {
            None if !generic => 0,
            Some(p) => p.size_rank(),
            None => 5,
        };
        entries.push((
            id.clone(),
            keys::entry_keys(&primary, &secondary, true, &read),
            rank,
        ));
    }
    let covered: std::collections::HashSet<&str> =
        regions.iter().filter_map(|h| h["place"].as_str()).collect();
    for p in places.iter().filter(|p| !covered.contains(p.code.as_str())) {
        let primary = [p.code.as_str(), &p.name, &p.short_name, &p.full_name];
        let secondary: Vec<&str> = p.aliases.iter().map(String::as_str).collect();
        let keys = keys::entry_keys(&primary, &secondary, p.level != "District", &read);
        entries.push((p.code.clone(), keys, p.size_rank()));
    }
    let mut text = String::new();
    let (mut key_ends, mut flags, mut entry_ends, mut ranks, mut choice_keys) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (choice, keys, rank) in &entries {
        assert!(!choice.contains('\n'), "data/regions: id {choice:?}");
        for k in keys {
            text.push_str(&k.text);
            key_ends.push(text.len().to_string());
            flags.push(k.flags().to_string());
        }
        entry_ends.push(key_ends.len().to_string());
        ranks.push(rank.to_string());
        choice_keys.push(choice.as_str());
    }
    let out = format!(
        "/// Every key's text, one after the other.\n\
         pub(crate) static TEXT: &str = {text:?};\n\
         /// Where each key's text ends in `TEXT`.\n\
         pub(crate) static KEY_ENDS: [u32; {n}] = [{}];\n\
         /// Each key's flags (`keys::Key::flags`).\n\
         pub(crate) static KEY_FLAGS: [u8; {n}] = [{}];\n\
         /// Where each choice's keys end in `KEY_ENDS`.\n\
         pub(crate) static ENTRY_ENDS: [u32; {m}] = [{}];\n\
         /// Each choice's rank among equal matches.\n\
         pub(crate) static RANKS: [u8; {m}] = [{}];\n\
         /// Each choice's key (a region id or a place code), one a line.\n\
         pub(crate) static CHOICE_KEYS: &str = {:?};\n",
        key_ends.join(","),
        flags.join(","),
        entry_ends.join(","),
        ranks.join(","),
        choice_keys.join("\n"),
        n = key_ends.len(),
        m = entries.len(),
    );
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_index.rs");
    fs::write(dest, out).expect("write embedded_index.rs");
}

/// `data/places.json` as `static PLACES: &[Place]`, in code order. A file
/// that is not what `scripts/gen_places.py` writes stops the build.
fn places(manifest: &Path) -> (Vec<PlaceRow>, Vec<(String, String)>) {
    let path = manifest.join("data").join("places.json");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(&path).expect("data/places.json exists");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("data/places.json is JSON");
    let list = doc["places"]
        .as_array()
        .expect("data/places.json: places[]");
    let text_of = |p: &serde_json::Value, field: &str| -> String {
        p[field]
            .as_str()
            .unwrap_or_else(|| panic!("data/places.json: {p}: {field} is text"))
            .to_string()
    };
    // Every place name and short name with its reading, for reading the
    // place names inside any name (a region's 陕西省西安市).
    let mut readings: Vec<(String, String)> = Vec::new();
    println!("cargo:rerun-if-changed=src/text.rs");
    let names: std::collections::HashMap<String, String> = list
        .iter()
        .map(|p| (text_of(p, "code"), text_of(p, "name")))
        .collect();
    let mut rows: Vec<(String, String, String, PlaceRow)> = list
        .iter()
        .map(|p| {
            let code = text_of(p, "code");
            assert!(
                code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()),
                "data/places.json: code {code:?} is not six digits"
            );
            let level = match text_of(p, "level").as_str() {
                "province" => "Province",
                "prefecture" => "Prefecture",
                "county" => "County",
                "district" => "District",
                other => panic!("data/places.json: {code}: unknown level {other:?}"),
            };
            let province = match &p["province"] {
                serde_json::Value::Null => "None".to_string(),
                v => format!("Some({:?})", v.as_str().expect("province is a code")),
            };
            let aliases: Vec<String> = p["aliases"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|x| format!("{:?}", x.as_str().expect("alias is text")))
                        .collect()
                })
                .unwrap_or_default();
            let name = text_of(p, "name");
            let short = text_of(p, "short_name");
            let pinyin = text_of(p, "pinyin");
            let syllables: Vec<&str> = pinyin.split(' ').collect();
            assert!(
                syllables.len() == name.chars().count()
                    && syllables
                        .iter()
                        .all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase())),
                "data/places.json: {code}: pinyin {pinyin:?} is not one syllable per character of {name}"
            );
            assert!(
                name.starts_with(&short),
                "data/places.json: {code}: {short} does not begin {name}"
            );
            let short_len = short.chars().count();
            readings.push((name.clone(), pinyin.clone()));
            readings.push((short.clone(), syllables[..short_len].join(" ")));
            let row = format!(
                "    Place {{ code: {code:?}, name: {name:?}, short_name: {short:?}, level: PlaceLevel::{level}, province: {province}, aliases: &[{}], pinyin: {pinyin:?} }},\n",
                aliases.join(", ")
            );
            // As Place::full_name: the province's name in front, but for a
            // province itself.
            let full_name = match (level, p["province"].as_str()) {
                ("Province", _) | (_, None) => name.clone(),
                (_, Some(prov)) => match names.get(prov) {
                    Some(n) => format!("{n}{name}"),
                    None => name.clone(),
                },
            };
            let n = text::normalize;
            let normalized = format!(
                "    [{:?}, {:?}, {:?}, {:?}],\n",
                n(&code),
                n(&name),
                n(&short),
                n(&full_name)
            );
            let place = PlaceRow {
                code: code.clone(),
                name: name.clone(),
                short_name: short.clone(),
                level,
                aliases: p["aliases"]
                    .as_array()
                    .map(|a| a.iter().filter_map(|x| x.as_str()).map(str::to_string).collect())
                    .unwrap_or_default(),
                full_name: full_name.clone(),
            };
            (code, row, normalized, place)
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    for pair in rows.windows(2) {
        assert!(
            pair[0].0 != pair[1].0,
            "data/places.json: code {} twice",
            pair[0].0
        );
    }
    let mut out = String::from(
        "/// Every place of `data/places.json`, in code order.\npub static PLACES: &[Place] = &[\n",
    );
    for (_, row, _, _) in &rows {
        out.push_str(row);
    }
    out.push_str("];\n");
    out.push_str(
        "/// Each place's code, name, short name and full name in `text::normalize`'s\n/// form, in the order of `PLACES`.\npub static NORMALIZED: &[[&str; 4]] = &[\n",
    );
    for (_, _, normalized, _) in &rows {
        out.push_str(normalized);
    }
    out.push_str("];\n");
    readings.sort();
    readings.dedup();
    for pair in readings.windows(2) {
        assert!(
            pair[0].0 != pair[1].0,
            "data/places.json: {} is read both {:?} and {:?}",
            pair[0].0,
            pair[0].1,
            pair[1].1
        );
    }
    out.push_str(
        "/// Every place's name and short name with its reading, sorted by the text.\npub static READINGS: &[(&str, &str)] = &[\n",
    );
    for (text, reading) in &readings {
        out.push_str(&format!("    ({text:?}, {reading:?}),\n"));
    }
    out.push_str("];\n");
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_places.rs");
    fs::write(dest, out).expect("write embedded_places.rs");
    (rows.into_iter().map(|r| r.3).collect(), readings)
}
