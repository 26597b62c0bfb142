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
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_regions.rs");
    fs::write(dest, out).expect("write embedded_regions.rs");
    places(Path::new(&manifest));
}

/// `data/places.json` as `static PLACES: &[Place]`, in code order. A file
/// that is not what `scripts/gen_places.py` writes stops the build.
fn places(manifest: &Path) {
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
    let mut rows: Vec<(String, String, String)> = list
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
            (code, row, normalized)
        })
        .collect();
    rows.sort();
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
    for (_, row, _) in &rows {
        out.push_str(row);
    }
    out.push_str("];\n");
    out.push_str(
        "/// Each place's code, name, short name and full name in `text::normalize`'s\n/// form, in the order of `PLACES`.\npub static NORMALIZED: &[[&str; 4]] = &[\n",
    );
    for (_, _, normalized) in &rows {
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
    for (text, reading) in readings {
        out.push_str(&format!("    ({text:?}, {reading:?}),\n"));
    }
    out.push_str("];\n");
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_places.rs");
    fs::write(dest, out).expect("write embedded_places.rs");
}
