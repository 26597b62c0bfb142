//! Embeds every `data/regions/*.json` in the binary, so adding a region is
//! dropping a file in that folder (no code change).

use std::{env, fs, path::Path};

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
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy();
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            f.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_regions.rs");
    fs::write(dest, out).expect("write embedded_regions.rs");
}
