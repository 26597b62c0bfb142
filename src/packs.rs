//! Policy data packs installed on this machine (`renew data install`), so
//! new rules reach a clinic or a kiosk without a new program.
//!
//! A pack is a folder (or a tar of one) holding `manifest.toml` — name,
//! version, published date, publisher and the sha256 of each file — and
//! the region files (`*.json`) and holiday files (`holidays/*.json`) that
//! `--policy-dir` reads. It lives under `<data dir>/packs/`:
//!
//! ```text
//! packs/state.json        {"current": "<folder>", "previous": "<folder>"}
//! packs/<folder>/         one installed pack, never changed once there
//! packs/.lock             held while installing or rolling back
//! ```
//!
//! Installing copies the pack into a temporary folder beside the others,
//! checks it completely there, renames it into place and only then
//! replaces `state.json` (a write to a temporary file and a rename). So a
//! process killed at any moment leaves the old state naming an old, whole
//! pack; a bad pack never reaches `state.json`; and two installs at once
//! take turns on the lock.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::policy::{PolicySet, Problem};

/// The file every pack carries.
pub const MANIFEST: &str = "manifest.toml";
const STATE: &str = "state.json";
/// The most a pack may hold (a tar is refused beyond it before unpacking).
const MAX_PACK_BYTES: u64 = 64 * 1024 * 1024;
const MAX_PACK_FILES: usize = 2000;

/// What a pack says about itself (`manifest.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub name: String,
    pub version: String,
    /// The day it was published (YYYY-MM-DD).
    pub published: chrono::NaiveDate,
    pub publisher: String,
    /// Each file of the pack (a path inside it) and its sha256, in hex.
    pub files: BTreeMap<String, String>,
}

/// Which installed pack is in use and which one rollback returns to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub current: Option<String>,
    pub previous: Option<String>,
}

/// An installed pack as `renew data list` shows it.
#[derive(Debug, Clone)]
pub struct Installed {
    pub folder: String,
    pub path: PathBuf,
    pub manifest: Result<Manifest, Vec<Problem>>,
    /// Every file present with the hash its manifest gives.
    pub whole: Result<(), Vec<Problem>>,
}

#[derive(Debug, thiserror::Error)]
pub enum PackError {
    /// The pack failed its check; nothing was changed.
    #[error("{} problem(s)", .0.len())]
    Problems(Vec<Problem>),
    #[error("{0}")]
    Io(#[from] io::Error),
    /// `rollback` with no pack installed.
    #[error("no pack installed")]
    NothingInstalled,
}

/// The packs folder of one data dir.
pub struct PackStore {
    root: PathBuf,
}

impl PackStore {
    pub fn new(data_dir: &Path) -> PackStore {
        PackStore {
            root: data_dir.join("packs"),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The state as last written; none installed when there is no file.
    pub fn state(&self) -> io::Result<State> {
        match fs::read_to_string(self.root.join(STATE)) {
            Ok(text) => serde_json::from_str(&text)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{STATE}: {e}"))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(State::default()),
            Err(e) => Err(e),
        }
    }

    /// The pack in use: its folder and manifest, when one is installed.
    pub fn current(&self) -> io::Result<Option<(PathBuf, Manifest)>> {
        let Some(folder) = self.state()?.current else {
            return Ok(None);
        };
        let path = self.root.join(&folder);
        let manifest = read_manifest(&path).map_err(|p| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                p.iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })?;
        Ok(Some((path, manifest)))
    }

    /// The current and the previous pack, each checked whole.
    pub fn list(&self) -> io::Result<Vec<(Role, Installed)>> {
        let state = self.state()?;
        let mut out = Vec::new();
        for (role, folder) in [
            (Role::Current, state.current),
            (Role::Previous, state.previous),
        ] {
            if let Some(folder) = folder {
                let path = self.root.join(&folder);
                let manifest = read_manifest(&path);
                let whole = match &manifest {
                    Ok(m) => verify_files(&path, m),
                    Err(p) => Err(p.clone()),
                };
                out.push((
                    role,
                    Installed {
                        folder,
                        path,
                        manifest,
                        whole,
                    },
                ));
            }
        }
        Ok(out)
    }

    /// Checks the pack at `source` (a folder, or a `.tar` of one) in full
    /// and installs it as the current pack; the one before becomes the
    /// previous. A pack with any problem changes nothing.
    pub fn install(&self, source: &Path, base: &PolicySet) -> Result<Installed, PackError> {
        self.ensure_root()?;
        let _lock = Lock::take(&self.root)?;
        self.remove_leftovers();
        let staging = tempfile::Builder::new()
            .prefix(".tmp-")
            .tempdir_in(&self.root)?;
        let unpacked = staging.path().join("pack");
        let meta = fs::metadata(source).map_err(|e| {
            PackError::Problems(vec![problem(&source.display().to_string(), "", e)])
        })?;
        if meta.is_dir() {
            copy_pack(source, &unpacked)?;
        } else {
            unpack_tar(source, &unpacked)?;
        }
        let manifest = check_pack(&unpacked, base).map_err(PackError::Problems)?;
        let folder = folder_name(&manifest);
        let dest = self.root.join(&folder);
        sync_tree(&unpacked)?;
        if dest.exists() {
            // The same pack again: the one in place is whole (checked when
            // it was installed, and by `list`); use it.
            if verify_files(&dest, &manifest).is_err() {
                fs::remove_dir_all(&dest)?;
                fs::rename(&unpacked, &dest)?;
            }
        } else {
            fs::rename(&unpacked, &dest)?;
        }
        sync_dir(&self.root)?;
        let old = self.state()?;
        let previous = match old.current {
            Some(c) if c != folder => Some(c),
            _ => old.previous,
        };
        self.write_state(&State {
            current: Some(folder.clone()),
            previous,
        })?;
        self.remove_unused();
        Ok(Installed {
            folder,
            path: dest,
            manifest: Ok(manifest),
            whole: Ok(()),
        })
    }

    /// Back to the pack installed before the current one (or to the
    /// embedded data, when there was none). Returns the state now.
    pub fn rollback(&self) -> Result<State, PackError> {
        self.ensure_root()?;
        let _lock = Lock::take(&self.root)?;
        let state = self.state()?;
        if state.current.is_none() {
            return Err(PackError::NothingInstalled);
        }
        let new = State {
            current: state.previous,
            previous: None,
        };
        self.write_state(&new)?;
        self.remove_unused();
        Ok(new)
    }

    fn ensure_root(&self) -> io::Result<()> {
        if let Some(parent) = self.root.parent() {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(parent)?;
        }
        match fs::DirBuilder::new().mode(0o700).create(&self.root) {
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => Err(e),
            _ => Ok(()),
        }
    }

    /// `state.json` replaced in one rename, after its bytes are on disk.
    fn write_state(&self, state: &State) -> io::Result<()> {
        let mut tmp = tempfile::Builder::new()
            .prefix(".state-")
            .tempfile_in(&self.root)?;
        tmp.write_all(serde_json::to_string_pretty(state)?.as_bytes())?;
        tmp.as_file().sync_all()?;
        tmp.persist(self.root.join(STATE)).map_err(|e| e.error)?;
        sync_dir(&self.root)
    }

    /// What an install killed half-way left (under the lock, nobody else
    /// is writing one).
    fn remove_leftovers(&self) {
        if let Ok(entries) = fs::read_dir(&self.root) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.starts_with(".tmp-") {
                    let _ = fs::remove_dir_all(e.path());
                } else if name.starts_with(".state-") {
                    let _ = fs::remove_file(e.path());
                }
            }
        }
    }

    /// Packs neither current nor previous.
    fn remove_unused(&self) {
        let Ok(state) = self.state() else { return };
        let keep = [state.current, state.previous];
        if let Ok(entries) = fs::read_dir(&self.root) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                let is_pack = !name.starts_with('.') && e.path().is_dir();
                if is_pack && !keep.iter().flatten().any(|k| *k == name) {
                    let _ = fs::remove_dir_all(e.path());
                }
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Current,
    Previous,
}

/// Every check a pack gets before it is installed: its manifest, each
/// file's hash, no file the manifest does not list, and every region and
/// holiday file as `renew data check` checks them.
pub fn check_pack(dir: &Path, base: &PolicySet) -> Result<Manifest, Vec<Problem>> {
    let manifest = read_manifest(dir)?;
    let mut problems = match verify_files(dir, &manifest) {
        Ok(()) => Vec::new(),
        Err(p) => p,
    };
    for file in data_files(dir) {
        if !manifest.files.contains_key(&file) {
            problems.push(Problem {
                file: file.clone(),
                field: String::new(),
                reason: format!("not listed in {MANIFEST}"),
            });
        }
    }
    if manifest.files.is_empty() {
        problems.push(Problem {
            file: MANIFEST.into(),
            field: "files".into(),
            reason: "lists no file".into(),
        });
    }
    let (_, region_problems) = crate::policy::pack::read_pack(dir, base);
    let (_, holiday_problems) = crate::policy::holidays::read_holidays(dir);
    problems.extend(region_problems);
    problems.extend(holiday_problems);
    if problems.is_empty() {
        Ok(manifest)
    } else {
        Err(problems)
    }
}

/// The manifest of the pack in `dir`, each field checked.
pub fn read_manifest(dir: &Path) -> Result<Manifest, Vec<Problem>> {
    let text =
        fs::read_to_string(dir.join(MANIFEST)).map_err(|e| vec![problem(MANIFEST, "", e)])?;
    let manifest: Manifest = toml::from_str(&text).map_err(|e| {
        vec![Problem {
            file: MANIFEST.into(),
            field: String::new(),
            reason: e.message().to_string(),
        }]
    })?;
    let mut problems = Vec::new();
    for (field, value) in [
        ("name", &manifest.name),
        ("version", &manifest.version),
        ("publisher", &manifest.publisher),
    ] {
        if value.trim().is_empty() || value.chars().any(char::is_control) || value.len() > 200 {
            problems.push(Problem {
                file: MANIFEST.into(),
                field: field.into(),
                reason: "empty, too long or holds control characters".into(),
            });
        }
    }
    for (file, hash) in &manifest.files {
        if safe_relative(file).is_none() {
            problems.push(Problem {
                file: MANIFEST.into(),
                field: format!("files.{file:?}"),
                reason: "not a plain path inside the pack".into(),
            });
        }
        if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            problems.push(Problem {
                file: MANIFEST.into(),
                field: format!("files.{file:?}"),
                reason: "not a sha256 in hex (64 characters)".into(),
            });
        }
    }
    if problems.is_empty() {
        Ok(manifest)
    } else {
        Err(problems)
    }
}

/// Each file the manifest lists is in `dir` with that sha256.
pub fn verify_files(dir: &Path, manifest: &Manifest) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    for (file, want) in &manifest.files {
        let Some(rel) = safe_relative(file) else {
            continue;
        };
        match sha256_file(&dir.join(rel)) {
            Ok(got) if got.eq_ignore_ascii_case(want) => {}
            Ok(got) => problems.push(Problem {
                file: file.clone(),
                field: "sha256".into(),
                reason: format!("is {got}, the manifest says {want}"),
            }),
            Err(e) => problems.push(problem(file, "", e)),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The sha256 of a file, in lower-case hex.
pub fn sha256_file(path: &Path) -> io::Result<String> {
    let meta = fs::symlink_metadata(path)?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    let mut hasher = Sha256::new();
    let mut file = fs::File::open(path)?;
    let mut buf = [0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex(&hasher.finalize()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The data files a pack folder holds (what `--policy-dir` would read).
fn data_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for (sub, prefix) in [
        (dir.to_path_buf(), String::new()),
        (
            dir.join(crate::policy::holidays::HOLIDAY_DIR),
            format!("{}/", crate::policy::holidays::HOLIDAY_DIR),
        ),
    ] {
        if let Ok(entries) = fs::read_dir(&sub) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.ends_with(".json") {
                    out.push(format!("{prefix}{name}"));
                }
            }
        }
    }
    out.sort();
    out
}

/// `file` as a path of plain names inside the pack (no `..`, no root).
fn safe_relative(file: &str) -> Option<PathBuf> {
    let path = Path::new(file);
    let plain = !file.is_empty()
        && !file.contains('\\')
        && path.components().all(|c| matches!(c, Component::Normal(_)));
    plain.then(|| path.to_path_buf())
}

/// The manifest and the files it lists, copied from a pack folder (and any
/// data file it does not list, so the check can name it).
fn copy_pack(source: &Path, dest: &Path) -> Result<(), PackError> {
    fs::DirBuilder::new().mode(0o700).create(dest)?;
    let mut files: Vec<String> = vec![MANIFEST.into()];
    if let Ok(m) = read_manifest(source) {
        files.extend(m.files.keys().cloned());
    }
    files.extend(data_files(source));
    files.sort();
    files.dedup();
    for file in files {
        let Some(rel) = safe_relative(&file) else {
            continue;
        };
        let from = source.join(&rel);
        let Ok(meta) = fs::symlink_metadata(&from) else {
            // Missing: the check names it.
            continue;
        };
        if !meta.is_file() || meta.len() > MAX_PACK_BYTES {
            continue;
        }
        let to = dest.join(&rel);
        if let Some(parent) = to.parent() {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(parent)?;
        }
        fs::copy(&from, &to)?;
        fs::set_permissions(&to, fs::Permissions::from_mode(0o600))?;
    }
    Ok(())
}

/// A tar of a pack: its regular files and folders only, every path plain
/// and inside, within the size limits. A tar whose only entry is a folder
/// holding the manifest is that folder's pack.
fn unpack_tar(source: &Path, dest: &Path) -> Result<(), PackError> {
    let name = source.display().to_string();
    let bad = |reason: String| {
        PackError::Problems(vec![Problem {
            file: name.clone(),
            field: String::new(),
            reason,
        }])
    };
    let file = fs::File::open(source).map_err(|e| bad(e.to_string()))?;
    let mut archive = tar::Archive::new(file);
    let unpacked = dest.with_extension("tar");
    fs::DirBuilder::new().mode(0o700).create(&unpacked)?;
    let mut total = 0u64;
    let mut count = 0usize;
    for entry in archive.entries().map_err(|e| bad(e.to_string()))? {
        let mut entry = entry.map_err(|e| bad(e.to_string()))?;
        let path = entry.path().map_err(|e| bad(e.to_string()))?.into_owned();
        let shown = path.display().to_string();
        let Some(rel) = safe_relative(shown.trim_end_matches('/').trim_start_matches("./")) else {
            if shown == "./" || shown == "." {
                continue;
            }
            return Err(bad(format!("{shown}: not a plain path inside the pack")));
        };
        count += 1;
        total += entry.size();
        if count > MAX_PACK_FILES || total > MAX_PACK_BYTES {
            return Err(bad(format!(
                "more than {MAX_PACK_FILES} files or {MAX_PACK_BYTES} bytes"
            )));
        }
        let to = unpacked.join(&rel);
        match entry.header().entry_type() {
            tar::EntryType::Directory => {
                fs::DirBuilder::new()
                    .recursive(true)
                    .mode(0o700)
                    .create(&to)?;
            }
            tar::EntryType::Regular => {
                if let Some(parent) = to.parent() {
                    fs::DirBuilder::new()
                        .recursive(true)
                        .mode(0o700)
                        .create(parent)?;
                }
                let mut out = fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&to)
                    .map_err(|e| bad(format!("{shown}: {e}")))?;
                io::copy(&mut (&mut entry).take(MAX_PACK_BYTES), &mut out)?;
                out.set_permissions(fs::Permissions::from_mode(0o600))?;
            }
            other => {
                return Err(bad(format!(
                    "{shown}: {other:?} entries are not allowed, only files and folders"
                )));
            }
        }
    }
    // The pack's folder: the tar's top, or its one folder.
    let top = if unpacked.join(MANIFEST).exists() {
        unpacked.clone()
    } else {
        let dirs: Vec<PathBuf> = fs::read_dir(&unpacked)?
            .flatten()
            .map(|e| e.path())
            .collect();
        match dirs.as_slice() {
            [one] if one.join(MANIFEST).exists() => one.clone(),
            _ => unpacked.clone(),
        }
    };
    fs::rename(&top, dest)?;
    Ok(())
}

/// The pack's folder name: its name and version, made safe, and the start
/// of its manifest's hash (two packs with one name and version differ).
fn folder_name(m: &Manifest) -> String {
    let safe = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .take(40)
            .collect()
    };
    let mut hasher = Sha256::new();
    for (f, h) in &m.files {
        hasher.update(f.as_bytes());
        hasher.update(h.to_ascii_lowercase().as_bytes());
    }
    hasher.update(m.name.as_bytes());
    hasher.update(m.version.as_bytes());
    let digest = hex(&hasher.finalize());
    // Never starting with a dot: those are the lock and half-done installs.
    format!("{}-{}-{}", safe(&m.name), safe(&m.version), &digest[..12])
        .trim_start_matches('.')
        .to_string()
}

fn problem(file: &str, field: &str, e: impl std::fmt::Display) -> Problem {
    Problem {
        file: file.to_string(),
        field: field.to_string(),
        reason: e.to_string(),
    }
}

fn sync_tree(dir: &Path) -> io::Result<()> {
    for e in fs::read_dir(dir)?.flatten() {
        let path = e.path();
        if e.file_type()?.is_dir() {
            sync_tree(&path)?;
        } else {
            fs::File::open(&path)?.sync_all()?;
        }
    }
    sync_dir(dir)
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

/// An exclusive `flock` on `packs/.lock`, released when dropped (or when
/// the process dies, however it dies).
struct Lock(fs::File);

impl Lock {
    fn take(root: &Path) -> io::Result<Lock> {
        use std::os::fd::AsRawFd;
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(root.join(".lock"))?;
        loop {
            // SAFETY: a valid open descriptor; flock has no other precondition.
            let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) };
            if rc == 0 {
                return Ok(Lock(file));
            }
            let err = io::Error::last_os_error();
            if err.kind() != io::ErrorKind::Interrupted {
                return Err(err);
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        use std::os::fd::AsRawFd;
        // SAFETY: as in `take`.
        unsafe { libc::flock(self.0.as_raw_fd(), libc::LOCK_UN) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_the_pack_are_refused() {
        for bad in ["../x.json", "/etc/passwd", "a/../../b", "", "a\\b", "./x"] {
            assert!(safe_relative(bad).is_none(), "{bad:?}");
        }
        for good in ["x.json", "holidays/2027.json"] {
            assert!(safe_relative(good).is_some(), "{good:?}");
        }
    }

    #[test]
    fn the_folder_name_is_safe_and_differs_with_the_files() {
        let mut m = Manifest {
            name: "../湖南 2027".into(),
            version: "1/2".into(),
            published: chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
            publisher: "x".into(),
            files: BTreeMap::from([("a.json".into(), "0".repeat(64))]),
        };
        let a = folder_name(&m);
        assert!(!a.starts_with(".") && !a.contains("/"), "{a}");
        m.files.insert("a.json".into(), "1".repeat(64));
        assert_ne!(a, folder_name(&m));
    }
}
