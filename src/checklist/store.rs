//! Checklists on disk: one JSON file per checklist in `<data dir>/checklists/`.
//!
//! - Every save is atomic: a temp file in the same folder, flushed and
//!   synced, then renamed over the old one, then the folder synced.
//! - Every change is read-modify-write under an exclusive lock on
//!   `checklists/.lock`, so two programs ticking at once never lose a tick:
//!   each applies its own change to what is on disk now.
//! - A file that cannot be read is moved aside, bytes untouched, and
//!   reported; a file from a newer version is left alone. Nothing the
//!   program cannot read is ever overwritten.

use std::fs::{self, File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use thiserror::Error;

use super::{Checklist, SCHEMA_VERSION};

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
}

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("no checklist {0:?}")]
    NotFound(String),
    #[error("{query:?} matches several checklists")]
    Ambiguous {
        query: String,
        matches: Vec<(String, String)>,
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
}

pub struct Store {
    dir: PathBuf,
}

/// What reading one file found.
enum Read {
    Ok(Box<Checklist>),
    Corrupt(String),
    Newer(u64),
}

impl Store {
    /// The data dir: `RENEW_DATA_DIR` (or `--data-dir`) when given, else the
    /// platform's data dir for the app (`$XDG_DATA_HOME/renewal-assistant` on Linux).
    pub fn default_data_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "renewal-assistant")
            .map(|p| p.data_dir().to_path_buf())
    }

    /// Opens (creating, 0700 on Unix) `<data_dir>/checklists`.
    pub fn open(data_dir: &Path) -> io::Result<Store> {
        let dir = data_dir.join("checklists");
        fs::create_dir_all(&dir)?;
        restrict(&dir, 0o700)?;
        Ok(Store { dir })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Holds the store-wide lock until dropped.
    fn lock(&self) -> io::Result<File> {
        let path = self.dir.join(".lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)?;
        restrict(&path, 0o600)?;
        file.lock()?;
        Ok(file)
    }

    /// A fresh id not used in the folder.
    pub fn new_id(&self) -> String {
        loop {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u128(Utc::now().timestamp_nanos_opt().unwrap_or_default() as u128);
            h.write_u32(std::process::id());
            let id = format!("{:08x}", h.finish() as u32);
            if !self.path_of(&id).exists() {
                return id;
            }
        }
    }

    fn read(path: &Path) -> io::Result<Read> {
        let bytes = fs::read(path)?;
        let value: serde_json::Value = match serde_json::from_slice(&bytes) {
            Ok(v) => v,
            Err(e) => return Ok(Read::Corrupt(format!("not valid JSON ({e})"))),
        };
        match value
            .get("schema_version")
            .and_then(serde_json::Value::as_u64)
        {
            None => return Ok(Read::Corrupt("no schema_version".into())),
            Some(v) if v > u64::from(SCHEMA_VERSION) => return Ok(Read::Newer(v)),
            Some(_) => {}
        }
        // Older schema versions are upgraded here as they appear.
        match serde_json::from_value::<Checklist>(value) {
            Ok(c) => Ok(Read::Ok(Box::new(c))),
            Err(e) => Ok(Read::Corrupt(e.to_string())),
        }
    }

    /// Renames an unreadable file to `<stem>.corrupt-<time>.json`.
    fn set_aside(&self, path: &Path, now: DateTime<Utc>) -> io::Result<String> {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("checklist");
        let stamp = now.format("%Y%m%dT%H%M%SZ");
        let mut target = self.dir.join(format!("{stem}.corrupt-{stamp}.json"));
        let mut n = 1;
        while target.exists() {
            target = self.dir.join(format!("{stem}.corrupt-{stamp}-{n}.json"));
            n += 1;
        }
        fs::rename(path, &target)?;
        Ok(file_name(&target))
    }

    fn checklist_files(&self) -> io::Result<(Vec<PathBuf>, Vec<StoreProblem>)> {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for entry in fs::read_dir(&self.dir)? {
            let path = entry?.path();
            let name = file_name(&path);
            if !name.ends_with(".json") || name.starts_with('.') || !path.is_file() {
                continue;
            }
            if name.contains(".corrupt-") {
                problems.push(StoreProblem::SetAside { file: name });
            } else {
                files.push(path);
            }
        }
        files.sort();
        Ok((files, problems))
    }

    /// Every readable checklist, and a problem for every other file.
    /// Unreadable files are moved aside as they are found.
    pub fn list(&self, now: DateTime<Utc>) -> io::Result<(Vec<Checklist>, Vec<StoreProblem>)> {
        let _lock = self.lock()?;
        let (files, mut problems) = self.checklist_files()?;
        let mut lists = Vec::new();
        for path in files {
            match Self::read(&path)? {
                Read::Ok(c) => lists.push(*c),
                Read::Newer(version) => problems.push(StoreProblem::Newer {
                    file: file_name(&path),
                    version,
                }),
                Read::Corrupt(reason) => {
                    let moved_to = self.set_aside(&path, now)?;
                    problems.push(StoreProblem::Corrupt {
                        file: file_name(&path),
                        moved_to,
                        reason,
                    });
                }
            }
        }
        Ok((lists, problems))
    }

    /// The id of the checklist `query` names: an id, a unique id prefix, or
    /// a label that only one checklist has.
    pub fn resolve(&self, query: &str, now: DateTime<Utc>) -> Result<String, StoreError> {
        let q = query.trim();
        let (lists, _) = self.list(now)?;
        if lists.iter().any(|c| c.id == q) {
            return Ok(q.to_string());
        }
        let by_label: Vec<&Checklist> = lists.iter().filter(|c| c.label == q).collect();
        let by_prefix: Vec<&Checklist> = lists
            .iter()
            .filter(|c| !q.is_empty() && c.id.starts_with(q))
            .collect();
        let hits = if !by_label.is_empty() {
            by_label
        } else {
            by_prefix
        };
        match hits.as_slice() {
            [one] => Ok(one.id.clone()),
            [] => Err(StoreError::NotFound(q.to_string())),
            many => Err(StoreError::Ambiguous {
                query: q.to_string(),
                matches: many
                    .iter()
                    .map(|c| (c.id.clone(), c.label.clone()))
                    .collect(),
            }),
        }
    }

    fn load_locked(&self, id: &str, now: DateTime<Utc>) -> Result<Checklist, StoreError> {
        let path = self.path_of(id);
        if !path.exists() {
            return Err(StoreError::NotFound(id.to_string()));
        }
        match Self::read(&path)? {
            Read::Ok(c) => Ok(*c),
            Read::Newer(version) => Err(StoreError::Newer {
                file: file_name(&path),
                version,
            }),
            Read::Corrupt(reason) => {
                let moved_to = self.set_aside(&path, now)?;
                Err(StoreError::Corrupt {
                    file: file_name(&path),
                    moved_to,
                    reason,
                })
            }
        }
    }

    pub fn load(&self, id: &str, now: DateTime<Utc>) -> Result<Checklist, StoreError> {
        let _lock = self.lock()?;
        self.load_locked(id, now)
    }

    /// Saves a new checklist; its id must not be in use.
    pub fn create(&self, checklist: &Checklist) -> Result<PathBuf, StoreError> {
        let _lock = self.lock()?;
        let path = self.path_of(&checklist.id);
        if path.exists() {
            return Err(StoreError::Io(io::Error::new(
                io::ErrorKind::AlreadyExists,
                path.display().to_string(),
            )));
        }
        self.write_atomic(checklist, |_| Ok(()))?;
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
        let _lock = self.lock()?;
        let mut checklist = self.load_locked(id, now)?;
        let (changed, result) = change(&mut checklist);
        if changed {
            self.write_atomic(&checklist, |_| Ok(()))?;
        }
        Ok((checklist, result))
    }

    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        let _lock = self.lock()?;
        let path = self.path_of(id);
        if !path.exists() {
            return Err(StoreError::NotFound(id.to_string()));
        }
        fs::remove_file(&path)?;
        sync_dir(&self.dir);
        Ok(())
    }

    /// Writes `checklist` atomically. `before_rename` runs after the temp
    /// file is written and synced and before it replaces the old file; an
    /// error there abandons the save and leaves the old file as it was (the
    /// temp file is removed). Tests use it to interrupt a save.
    #[doc(hidden)]
    pub fn write_atomic(
        &self,
        checklist: &Checklist,
        before_rename: impl FnOnce(&Path) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut json = serde_json::to_vec_pretty(checklist).map_err(io::Error::other)?;
        json.push(b'\n');
        let mut tmp = tempfile::Builder::new()
            .prefix(".tmp-")
            .suffix(".json")
            .tempfile_in(&self.dir)?;
        tmp.write_all(&json)?;
        tmp.flush()?;
        tmp.as_file().sync_all()?;
        restrict(tmp.path(), 0o600)?;
        before_rename(tmp.path())?;
        tmp.persist(self.path_of(&checklist.id))
            .map_err(|e| e.error)?;
        sync_dir(&self.dir);
        Ok(())
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Makes a rename durable; best effort where directories cannot be opened.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn restrict(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}
