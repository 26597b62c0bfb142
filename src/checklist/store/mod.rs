//! Checklists on disk: one JSON file per checklist in `<data dir>/checklists/`.
//!
//! - The file name is the identity: `<id>.json`. Ids are checked (a short,
//!   safe set of characters) wherever a path is built, and the `id` written
//!   inside a file is never followed to a path; a file whose inner id
//!   differs from its name is reported and handled by its name.
//! - Every save is atomic: a temp file in the same folder, flushed and
//!   synced, then renamed over the old one, then the folder synced.
//! - Every change is read-modify-write under an exclusive lock on
//!   `checklists/.lock`, so two programs ticking at once never lose a tick:
//!   each applies its own change to what is on disk now. Reading needs no
//!   write access: it takes the exclusive lock when it can, else a shared
//!   one, else reads without a lock.
//! - A file that cannot be parsed is moved aside (0600), bytes untouched,
//!   and reported; a file that cannot be opened, a link, or a file from a
//!   newer version is left alone and reported by name. Nothing the program
//!   cannot read is ever overwritten, and one bad file never hides the rest.
//! - Links inside the data folder are never followed.

use std::fs;
use std::hash::{BuildHasher, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, NaiveDate, Utc};
use thiserror::Error;

mod disk;

use super::{Checklist, SCHEMA_VERSION};
use disk::{
    Lock, cannot_write, create_private_dir, file_name, mode_of, open_no_follow, restrict,
    restrict_file, sync_dir,
};

/// The longest id (and so file stem) the store accepts.
pub(crate) const MAX_ID_LEN: usize = 64;

/// No checklist file is anywhere near this; a bigger one is not ours.
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// A temp file this old cannot belong to a live save (saves take
/// milliseconds and hold the lock meanwhile).
const STALE_TEMP: Duration = Duration::from_secs(10 * 60);

/// Whether `id` may name a checklist file: 1 to 64 ASCII letters, digits,
/// `-`, `_`, spaces and parentheses (what file managers add to a copy:
/// `abc (copy)`), starting with a letter or digit and not ending in a space.
/// Nothing here can make a path leave the folder or hide a file.
pub(crate) fn valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b.len() <= MAX_ID_LEN
        && b[0].is_ascii_alphanumeric()
        && !b.ends_with(b" ")
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || b"-_ ()".contains(c))
}

/// Dates in a checklist must fall in this range; anything outside is a
/// damaged or crafted file, and date arithmetic on it could overflow.
pub const EARLIEST_DATE: NaiveDate = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
pub const LATEST_DATE: NaiveDate = NaiveDate::from_ymd_opt(2200, 12, 31).unwrap();

/// Something wrong with one file, found while reading the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreProblem {
    /// Could not be read; moved to `moved_to` (same folder), bytes as they were.
    Corrupt {
        file: String,
        moved_to: String,
        reason: String,
    },
    /// Moved aside earlier and still there for someone to look at.
    SetAside { file: String },
    /// Written by a newer version of the program; left untouched.
    Newer { file: String, version: u64 },
    /// Could not be opened or read (permissions, a folder where a file
    /// should be, a file that could not be moved aside); left where it is.
    Unreadable { file: String, reason: String },
    /// The id inside the file is not its file name; the file name counts.
    IdMismatch {
        file: String,
        inner_id: String,
        id: String,
    },
    /// A `.json` file whose name is not a valid id; skipped.
    BadName { file: String },
    /// A symbolic link; not followed.
    Link { file: String },
    /// A FIFO, a device, a socket or a folder named like a checklist file;
    /// never read (reading a FIFO would wait for a writer), left alone.
    NotAFile { file: String },
}

/// One of several checklists a query matched, with what tells it apart
/// from another of the same label: disease, region and end date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelMatch {
    pub id: String,
    pub label: String,
    pub region: String,
    pub disease: String,
    /// The end date; `None` where no renewal is needed.
    pub end: Option<chrono::NaiveDate>,
}

impl LabelMatch {
    fn of(c: &Checklist) -> LabelMatch {
        LabelMatch {
            id: c.id.clone(),
            label: c.label.clone(),
            region: c.region_name.clone(),
            disease: c.disease_name.clone(),
            end: (!c.window.no_renewal).then_some(c.answers.validity_end),
        }
    }
}

/// Whether `query` is the pinyin, or the start of the pinyin initials, of
/// `label` (王秀英: `wangxiuying`, `wxy`, `wx`), as the wizard's filter reads it.
fn label_by_pinyin(label: &str, query: &str) -> bool {
    let q = crate::text::normalize(query);
    if q.is_empty() || !q.is_ascii() || label.is_ascii() {
        return false;
    }
    let (full, initials) = crate::search::pinyin_keys(&crate::i18n::to_simplified(label));
    (!initials.is_empty() && initials.starts_with(&q)) || (!full.is_empty() && full.starts_with(&q))
}

#[derive(Debug, Error)]
pub enum StoreError {
    /// No extra words: the OS error says it (wrapping it again made the
    /// disk-full message say "No space left on device" twice).
    #[error(transparent)]
    Io(#[from] io::Error),
    #[error("no checklist {0:?}")]
    NotFound(String),
    #[error("{query:?} matches several checklists")]
    Ambiguous {
        query: String,
        matches: Vec<LabelMatch>,
    },
    #[error("checklist file {file} cannot be read: {reason}; it was moved to {moved_to}")]
    Corrupt {
        file: String,
        moved_to: String,
        reason: String,
    },
    #[error(
        "checklist file {file} was saved by a newer version (schema {version}); left untouched"
    )]
    Newer { file: String, version: u64 },
    #[error("{0:?} is not a checklist id (1-64 letters, digits, - _ space ( ))")]
    BadId(String),
    #[error("checklist file {file} cannot be read: {reason}")]
    Unreadable { file: String, reason: String },
    #[error("{path} is a symbolic link; links in the data folder are not followed")]
    Link { path: String },
    #[error("checklist file {file} is not a regular file; left alone")]
    NotAFile { file: String },
    #[error("cannot lock {path}: {reason}")]
    Lock { path: String, reason: String },
    #[error("cannot create the checklist folder {path}: {reason}")]
    CreateDir { path: String, reason: String },
    #[error("cannot save checklist file {path}: {reason}")]
    Save { path: String, reason: String },
}

pub struct Store {
    dir: PathBuf,
}

/// What reading one file found.
enum Read {
    /// Loaded; with the inner id when it differed from the file name.
    Ok(Box<Checklist>, Option<String>),
    Corrupt(String),
    Newer(u64),
    /// A FIFO, a device or a socket: left where it is, never opened blocking.
    NotAFile,
}

/// A file that may hold checklist `.0` (its name without `.json`).
type Candidate = (String, PathBuf);

impl Store {
    /// The data dir: `RENEW_DATA_DIR` (or `--data-dir`) when given, else the
    /// platform's data dir for the app (`$XDG_DATA_HOME/renewal-assistant` on Linux).
    pub fn default_data_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "renewal-assistant")
            .map(|p| p.data_dir().to_path_buf())
    }

    /// Opens `<data_dir>/checklists`, creating it (and the data dir) 0700
    /// whatever the umask. Works on a folder that can only be read. Refuses
    /// a `checklists` that is a link. Removes temp files a killed save left.
    pub fn open(data_dir: &Path) -> Result<Store, StoreError> {
        if fs::symlink_metadata(data_dir).is_err() {
            create_private_dir(data_dir, true)?;
        }
        let dir = data_dir.join("checklists");
        match fs::symlink_metadata(&dir) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(StoreError::Link {
                    path: dir.display().to_string(),
                });
            }
            Ok(m) if !m.is_dir() => {
                return Err(StoreError::Io(io::Error::new(
                    io::ErrorKind::NotADirectory,
                    format!("{} is not a folder", dir.display()),
                )));
            }
            // Best effort: a folder someone else owns can still be read.
            Ok(m) if mode_of(&m) != Some(0o700) => {
                let _ = restrict(&dir, 0o700);
            }
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                match create_private_dir(&dir, false) {
                    // A data dir this user cannot write holds no checklists yet:
                    // reading finds none, and a save names the folder it needs.
                    Err(e) if cannot_write(&e) => {}
                    other => other?,
                }
            }
            Err(e) => return Err(e.into()),
        }
        let store = Store { dir };
        if let Ok(lock) = store.lock_for_reading()
            && lock.exclusive
        {
            store.remove_stale_temp_files();
        }
        Ok(store)
    }

    /// The store of `data_dir` without touching the disk: nothing is
    /// created or cleaned up until the first change, which creates the
    /// folders (0700) and the lock as [`Store::open`] would. For a kiosk,
    /// which leaves nothing behind unless a visitor saves.
    pub fn unopened(data_dir: &Path) -> Store {
        Store {
            dir: data_dir.join("checklists"),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of checklist `id`; an id that is not valid has none.
    pub fn path_of(&self, id: &str) -> Result<PathBuf, StoreError> {
        if valid_id(id) {
            Ok(self.dir.join(format!("{id}.json")))
        } else {
            Err(StoreError::BadId(id.to_string()))
        }
    }

    /// Temp files only exist while a save holds the lock; one older than
    /// `STALE_TEMP` seen under the lock was left by a killed save and may
    /// hold a deleted checklist's contents.
    fn remove_stale_temp_files(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        let now = SystemTime::now();
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if !(name.starts_with(".tmp") && name.ends_with(".json")) {
                continue;
            }
            let Ok(meta) = entry.metadata() else { continue };
            let old = meta
                .modified()
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .is_some_and(|age| age >= STALE_TEMP);
            if meta.file_type().is_file() && old {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// A fresh id not used in the folder.
    pub fn new_id(&self) -> String {
        loop {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u128(Utc::now().timestamp_nanos_opt().unwrap_or_default() as u128);
            h.write_u32(std::process::id());
            let id = format!("{:08x}", h.finish() as u32);
            if fs::symlink_metadata(self.dir.join(format!("{id}.json"))).is_err() {
                return id;
            }
        }
    }

    /// Reads the checklist in `path`, whose identity is `id` (its name).
    fn read(path: &Path, id: &str) -> io::Result<Read> {
        // Never a blocking open: a FIFO named `x.json` would stop every
        // reader, and every writer waiting for the lock held meanwhile.
        let bytes = match crate::files::read_regular(path, MAX_FILE_BYTES, false) {
            Ok(bytes) => bytes,
            Err(crate::files::ReadError::TooBig { .. }) => {
                return Ok(Read::Corrupt(format!(
                    "larger than {} MB",
                    MAX_FILE_BYTES / 1024 / 1024
                )));
            }
            Err(crate::files::ReadError::NotRegular) => return Ok(Read::NotAFile),
            Err(crate::files::ReadError::Io(e)) => return Err(e),
        };
        // Notepad and friends save UTF-8 with a byte-order mark.
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        // Most files are whole and of a version this program knows: read
        // straight into a checklist (half the time of going through a JSON
        // tree, which counts with thousands of files). Anything else takes
        // the careful path below, which says why.
        if let Ok(mut c) = serde_json::from_slice::<Checklist>(body) {
            if c.schema_version > SCHEMA_VERSION {
                return Ok(Read::Newer(u64::from(c.schema_version)));
            }
            if let Err(reason) = c.check_bounds() {
                return Ok(Read::Corrupt(reason));
            }
            let inner = (c.id != id).then(|| std::mem::replace(&mut c.id, id.to_string()));
            return Ok(Read::Ok(Box::new(c), inner));
        }
        let value: serde_json::Value = match serde_json::from_slice(body) {
            Ok(v) => v,
            Err(e) => return Ok(Read::Corrupt(format!("not valid JSON ({e})"))),
        };
        let version = value.get("schema_version");
        match version.and_then(serde_json::Value::as_u64) {
            Some(v) if v > u64::from(SCHEMA_VERSION) => return Ok(Read::Newer(v)),
            Some(_) => {}
            // A number too big for u64 (2^64, 1e30) is a version from the
            // future all the same: left alone, like 99.
            None if version
                .and_then(serde_json::Value::as_f64)
                .is_some_and(|v| v > f64::from(SCHEMA_VERSION)) =>
            {
                return Ok(Read::Newer(u64::MAX));
            }
            None => return Ok(Read::Corrupt("no schema_version".into())),
        }
        // Version 1 lacks `cycle` and `history`: they default to a cycle
        // being prepared with no history.
        let mut c = match serde_json::from_value::<Checklist>(value) {
            Ok(c) => c,
            Err(e) => return Ok(Read::Corrupt(e.to_string())),
        };
        if let Err(reason) = c.check_bounds() {
            return Ok(Read::Corrupt(reason));
        }
        let inner = (c.id != id).then(|| std::mem::replace(&mut c.id, id.to_string()));
        Ok(Read::Ok(Box::new(c), inner))
    }

    /// Renames an unreadable file to `<stem>.corrupt-<time>.json`, 0600.
    fn set_aside(&self, path: &Path, now: DateTime<Utc>) -> io::Result<String> {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("checklist");
        let stamp = now.format("%Y%m%dT%H%M%SZ");
        let mut target = self.dir.join(format!("{stem}.corrupt-{stamp}.json"));
        let mut n = 1;
        while fs::symlink_metadata(&target).is_ok() {
            target = self.dir.join(format!("{stem}.corrupt-{stamp}-{n}.json"));
            n += 1;
        }
        fs::rename(path, &target)?;
        // It may hold a person's disease and dates: private, like the rest.
        if let Ok(f) = open_no_follow(&target) {
            let _ = restrict_file(&f, 0o600);
        }
        Ok(file_name(&target))
    }

    /// The candidate checklist files (id, path), and a problem for every
    /// other `.json` entry.
    fn checklist_files(&self) -> Result<(Vec<Candidate>, Vec<StoreProblem>), StoreError> {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        let unreadable = |e: io::Error| StoreError::Unreadable {
            file: self.dir.display().to_string(),
            reason: e.to_string(),
        };
        let entries = match fs::read_dir(&self.dir) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((files, problems)),
            other => other.map_err(unreadable)?,
        };
        for entry in entries {
            let entry = entry.map_err(unreadable)?;
            let path = entry.path();
            let name = file_name(&path);
            if !name.ends_with(".json") || name.starts_with('.') {
                continue;
            }
            if name.contains(".corrupt-") {
                problems.push(StoreProblem::SetAside { file: name });
                continue;
            }
            if entry.file_type().is_ok_and(|t| t.is_symlink()) {
                problems.push(StoreProblem::Link { file: name });
                continue;
            }
            if entry.file_type().is_ok_and(|t| !t.is_file()) {
                problems.push(StoreProblem::NotAFile { file: name });
                continue;
            }
            let stem = &name[..name.len() - ".json".len()];
            if valid_id(stem) {
                files.push((stem.to_string(), path));
            } else {
                problems.push(StoreProblem::BadName { file: name });
            }
        }
        files.sort();
        Ok((files, problems))
    }

    /// Reads `files` in order, several at a time when there are many (a
    /// clinic's thousands open in half the time on two cores). Reading
    /// changes nothing on disk; what to do about each file is decided after.
    fn read_all(files: &[Candidate]) -> Vec<io::Result<Read>> {
        crate::par::map(
            files,
            64,
            |(id, path)| Self::read(path, id),
            |_| Err(io::Error::other("reading failed")),
        )
    }

    /// Every checklist that reads, changing nothing on disk (no file is
    /// moved aside): for a question about all of them.
    fn read_readable(&self) -> Result<Vec<Checklist>, StoreError> {
        let _lock = self.lock_for_reading()?;
        let (files, _) = self.checklist_files()?;
        Ok(Self::read_all(&files)
            .into_iter()
            .filter_map(|r| match r {
                Ok(Read::Ok(c, _)) => Some(*c),
                _ => None,
            })
            .collect())
    }

    /// Every readable checklist, and a problem for every other file.
    /// Unreadable files are moved aside as they are found (when the folder
    /// can be written); one bad file never hides the others.
    pub fn list(
        &self,
        now: DateTime<Utc>,
    ) -> Result<(Vec<Checklist>, Vec<StoreProblem>), StoreError> {
        let lock = self.lock_for_reading()?;
        let (files, mut problems) = self.checklist_files()?;
        let mut lists = Vec::new();
        let reads = Self::read_all(&files);
        for ((id, path), read) in files.into_iter().zip(reads) {
            let file = file_name(&path);
            match read {
                Ok(Read::Ok(c, inner)) => {
                    if let Some(inner_id) = inner {
                        problems.push(StoreProblem::IdMismatch {
                            file,
                            inner_id,
                            id: id.clone(),
                        });
                    }
                    lists.push(*c);
                }
                Ok(Read::Newer(version)) => problems.push(StoreProblem::Newer { file, version }),
                Ok(Read::NotAFile) => problems.push(StoreProblem::NotAFile { file }),
                Ok(Read::Corrupt(reason)) => {
                    let moved = if lock.exclusive {
                        self.set_aside(&path, now)
                    } else {
                        Err(io::Error::from(io::ErrorKind::PermissionDenied))
                    };
                    problems.push(match moved {
                        Ok(moved_to) => StoreProblem::Corrupt {
                            file,
                            moved_to,
                            reason,
                        },
                        Err(_) => StoreProblem::Unreadable { file, reason },
                    });
                }
                Err(e) => problems.push(StoreProblem::Unreadable {
                    file,
                    reason: e.to_string(),
                }),
            }
        }
        Ok((lists, problems))
    }

    /// The id of the checklist `query` names: an id, a unique id prefix, or
    /// a label that only one checklist has.
    pub fn resolve(&self, query: &str, now: DateTime<Utc>) -> Result<String, StoreError> {
        let q = query.trim();
        // An exact id is its file, so a file that cannot be read is named in
        // the error rather than "not found"; but another checklist labelled
        // with that id makes it ambiguous (neither wins silently).
        // A label matches as written or as shown (the list drops control,
        // invisible and direction-changing characters).
        let labelled = |c: &&Checklist| c.label == q || crate::i18n::clean(&c.label).trim() == q;
        if valid_id(q) && fs::symlink_metadata(self.dir.join(format!("{q}.json"))).is_ok() {
            // Only reads: the file itself, if it is bad, is dealt with (and
            // named) by whatever loads it next.
            let Ok(others) = self.read_readable() else {
                return Ok(q.to_string());
            };
            let mut matches: Vec<LabelMatch> = others
                .iter()
                .filter(|c| c.id != q && labelled(c))
                .map(LabelMatch::of)
                .collect();
            if matches.is_empty() {
                return Ok(q.to_string());
            }
            let own = others.iter().find(|c| c.id == q).map_or_else(
                || LabelMatch {
                    id: q.to_string(),
                    label: String::new(),
                    region: String::new(),
                    disease: String::new(),
                    end: None,
                },
                LabelMatch::of,
            );
            matches.insert(0, own);
            return Err(StoreError::Ambiguous {
                query: q.to_string(),
                matches,
            });
        }
        let (lists, _) = self.list(now)?;
        let by_label: Vec<&Checklist> = lists.iter().filter(labelled).collect();
        let by_prefix: Vec<&Checklist> = lists
            .iter()
            .filter(|c| !q.is_empty() && c.id.starts_with(q))
            .collect();
        // Last, the label's pinyin or initials (`wxy` for 王秀英).
        let hits = if !by_label.is_empty() {
            by_label
        } else if !by_prefix.is_empty() {
            by_prefix
        } else {
            lists
                .iter()
                .filter(|c| label_by_pinyin(&c.label, q))
                .collect()
        };
        match hits.as_slice() {
            [one] => Ok(one.id.clone()),
            [] => Err(StoreError::NotFound(q.to_string())),
            many => Err(StoreError::Ambiguous {
                query: q.to_string(),
                matches: many.iter().map(|c| LabelMatch::of(c)).collect(),
            }),
        }
    }

    fn load_locked(
        &self,
        id: &str,
        now: DateTime<Utc>,
        lock: &Lock,
    ) -> Result<Checklist, StoreError> {
        let path = self.path_of(id)?;
        let file = file_name(&path);
        match fs::symlink_metadata(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(StoreError::NotFound(id.to_string()));
            }
            Ok(m) if m.file_type().is_symlink() => {
                return Err(StoreError::Link {
                    path: path.display().to_string(),
                });
            }
            _ => {}
        }
        let unreadable = |reason: String| StoreError::Unreadable {
            file: file.clone(),
            reason,
        };
        match Self::read(&path, id).map_err(|e| unreadable(e.to_string()))? {
            Read::Ok(c, _) => Ok(*c),
            Read::Newer(version) => Err(StoreError::Newer {
                file: file.clone(),
                version,
            }),
            Read::NotAFile => Err(StoreError::NotAFile { file: file.clone() }),
            Read::Corrupt(reason) if lock.exclusive => match self.set_aside(&path, now) {
                Ok(moved_to) => Err(StoreError::Corrupt {
                    file: file.clone(),
                    moved_to,
                    reason,
                }),
                Err(_) => Err(unreadable(reason)),
            },
            Read::Corrupt(reason) => Err(unreadable(reason)),
        }
    }

    pub fn load(&self, id: &str, now: DateTime<Utc>) -> Result<Checklist, StoreError> {
        self.path_of(id)?;
        let lock = self.lock_for_reading()?;
        self.load_locked(id, now, &lock)
    }

    /// Saves a new checklist; its id must not be in use.
    pub fn create(&self, checklist: &Checklist) -> Result<PathBuf, StoreError> {
        let path = self.path_of(&checklist.id)?;
        let _lock = self.lock()?;
        if fs::symlink_metadata(&path).is_ok() {
            return Err(StoreError::Io(io::Error::new(
                io::ErrorKind::AlreadyExists,
                path.display().to_string(),
            )));
        }
        self.save(checklist)?;
        Ok(path)
    }

    /// Applies `change` to the checklist as it is on disk now, under the
    /// lock, and saves it if `change` says it changed something.
    pub fn update<R>(
        &self,
        id: &str,
        now: DateTime<Utc>,
        change: impl FnOnce(&mut Checklist) -> (bool, R),
    ) -> Result<(Checklist, R), StoreError> {
        self.path_of(id)?;
        let lock = self.lock()?;
        let mut checklist = self.load_locked(id, now, &lock)?;
        let (changed, result) = change(&mut checklist);
        if changed {
            // The file name is the identity, whatever `change` did.
            checklist.id = id.to_string();
            self.save(&checklist)?;
        }
        Ok((checklist, result))
    }

    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        let path = self.path_of(id)?;
        let _lock = self.lock()?;
        match fs::symlink_metadata(&path) {
            Ok(m) if m.is_file() => {}
            Ok(m) if m.file_type().is_symlink() => {
                return Err(StoreError::Link {
                    path: path.display().to_string(),
                });
            }
            _ => return Err(StoreError::NotFound(id.to_string())),
        }
        fs::remove_file(&path)?;
        sync_dir(&self.dir);
        Ok(())
    }

    fn save(&self, checklist: &Checklist) -> Result<(), StoreError> {
        self.write_atomic(checklist, |_| Ok(()))
            .map_err(|e| StoreError::Save {
                path: self
                    .path_of(&checklist.id)
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|_| checklist.id.clone()),
                reason: e.to_string(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for ok in [
            "5f3a9c21",
            "abc (copy)",
            "abc - Copy",
            "a_b-1",
            &"a".repeat(64),
        ] {
            assert!(valid_id(ok), "{ok:?}");
        }
        for bad in [
            "",
            "../x",
            "a/b",
            "a\\b",
            ".lock",
            "-x",
            " x",
            "x ",
            "x.json",
            "a\0",
            "妈妈",
            &"a".repeat(65),
        ] {
            assert!(!valid_id(bad), "{bad:?}");
        }
    }

    /// The disk-full error once, not "No space left on device (os error
    /// 28): No space left on device (os error 28)".
    #[test]
    fn an_io_error_is_said_once() {
        let full = || io::Error::from_raw_os_error(28);
        let said = format!("{:#}", anyhow::Error::from(StoreError::Io(full())));
        assert_eq!(said.matches(&full().to_string()).count(), 1, "{said}");
        let save = StoreError::Save {
            path: "/d/checklists/x.json".into(),
            reason: full().to_string(),
        };
        let said = format!("{:#}", anyhow::Error::from(save));
        assert_eq!(said.matches("No space left").count(), 1, "{said}");
    }
}
