//! The store on disk: the store-wide lock, the atomic write, and the
//! file helpers that never follow a link and keep modes private.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Checklist, SCHEMA_VERSION, Store, StoreError};

/// The store-wide lock, held until dropped.
pub(super) struct Lock {
    _file: Option<File>,
    /// Held exclusively: this process may move files and clean up.
    pub(super) exclusive: bool,
}

impl Store {
    pub(super) fn lock_path(&self) -> PathBuf {
        self.dir.join(".lock")
    }

    /// The exclusive lock, needed to change anything. Never through a link.
    pub(super) fn lock(&self) -> Result<Lock, StoreError> {
        // `open` leaves the folder uncreated where it could not write; a
        // change needs it, and the error names it.
        match fs::symlink_metadata(&self.dir) {
            // An unopened store never checked the folder: a link is refused here.
            Ok(m) if m.file_type().is_symlink() => {
                return Err(StoreError::Link {
                    path: self.dir.display().to_string(),
                });
            }
            Ok(_) => {}
            Err(_) => {
                let create = |dir: &Path, parents: bool| {
                    create_private_dir(dir, parents).map_err(|e| StoreError::CreateDir {
                        path: dir.display().to_string(),
                        reason: e.to_string(),
                    })
                };
                // The data folder too, when an unopened store saves first.
                if let Some(data_dir) = self.dir.parent()
                    && fs::symlink_metadata(data_dir).is_err()
                {
                    create(data_dir, true)?;
                }
                create(&self.dir, false)?;
            }
        }
        let path = self.lock_path();
        let fail = |e: io::Error| lock_error(&path, e);
        let file = open_lock(&path, true).map_err(fail)?;
        file.lock().map_err(fail)?;
        Ok(Lock {
            _file: Some(file),
            exclusive: true,
        })
    }

    /// A lock for reading: exclusive when the `.lock` can be written, else
    /// shared, else none (a folder or `.lock` this user cannot write must
    /// not stop them reading their checklists). A link is still refused.
    pub(super) fn lock_for_reading(&self) -> Result<Lock, StoreError> {
        let path = self.lock_path();
        match open_lock(&path, true) {
            Ok(file) => {
                file.lock().map_err(|e| lock_error(&path, e))?;
                return Ok(Lock {
                    _file: Some(file),
                    exclusive: true,
                });
            }
            Err(e) if is_link_error(&e) => return Err(lock_error(&path, e)),
            Err(_) => {}
        }
        match open_lock(&path, false) {
            Ok(file) => {
                file.lock_shared().map_err(|e| lock_error(&path, e))?;
                Ok(Lock {
                    _file: Some(file),
                    exclusive: false,
                })
            }
            Err(e) if is_link_error(&e) => Err(lock_error(&path, e)),
            Err(_) => Ok(Lock {
                _file: None,
                exclusive: false,
            }),
        }
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
        let target = self
            .path_of(&checklist.id)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e.to_string()))?;
        // An older file is written in this version's format: upgraded on save.
        let mut json = if checklist.schema_version == SCHEMA_VERSION {
            serde_json::to_vec_pretty(checklist)
        } else {
            let mut upgraded = checklist.clone();
            upgraded.schema_version = SCHEMA_VERSION;
            serde_json::to_vec_pretty(&upgraded)
        }
        .map_err(io::Error::other)?;
        json.push(b'\n');
        let mut tmp = tempfile::Builder::new()
            .prefix(".tmp-")
            .suffix(".json")
            .tempfile_in(&self.dir)?;
        restrict_file(tmp.as_file(), 0o600)?;
        tmp.write_all(&json)?;
        tmp.flush()?;
        tmp.as_file().sync_all()?;
        before_rename(tmp.path())?;
        // A rename replaces a link itself; it never writes through one.
        tmp.persist(target).map_err(|e| e.error)?;
        sync_dir(&self.dir);
        Ok(())
    }
}

pub(super) fn cannot_write(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

pub(super) fn lock_error(path: &Path, e: io::Error) -> StoreError {
    if is_link_error(&e) {
        StoreError::Link {
            path: path.display().to_string(),
        }
    } else {
        StoreError::Lock {
            path: path.display().to_string(),
            reason: e.to_string(),
        }
    }
}

/// Opens (creating 0600 when `write`) the lock file, never through a link.
pub(super) fn open_lock(path: &Path, write: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    if write {
        options.write(true).create(true).truncate(false);
    }
    no_follow(&mut options);
    let file = options.open(path)?;
    if write {
        let meta = file.metadata()?;
        if mode_of(&meta) != Some(0o600) {
            let _ = restrict_file(&file, 0o600);
        }
    }
    Ok(file)
}

pub(super) fn open_no_follow(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    no_follow(&mut options);
    options.open(path)
}

#[cfg(unix)]
pub(super) fn no_follow(options: &mut OpenOptions) {
    use std::os::unix::fs::OpenOptionsExt;
    // Nor ever wait in `open`: a FIFO put where a file should be opens at
    // once and is then refused as not a regular file.
    options
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .mode(0o600);
}

#[cfg(not(unix))]
pub(super) fn no_follow(_options: &mut OpenOptions) {}

/// What `open` with `O_NOFOLLOW` says about a link.
pub(super) fn is_link_error(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// Creates `dir` 0700 (and, with `parents`, any missing parents).
pub(super) fn create_private_dir(dir: &Path, parents: bool) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(parents);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    match builder.create(dir) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && !parents => {}
        other => other?,
    }
    // The umask can only take bits away; set the mode we mean.
    restrict(dir, 0o700)
}

pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Makes a rename durable; best effort where directories cannot be opened.
pub(super) fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(unix)]
pub(super) fn mode_of(meta: &fs::Metadata) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    Some(meta.permissions().mode() & 0o777)
}

#[cfg(not(unix))]
pub(super) fn mode_of(_meta: &fs::Metadata) -> Option<u32> {
    None
}

#[cfg(unix)]
pub(super) fn restrict(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
pub(super) fn restrict(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

/// Sets the mode of an open file (no path, so no link to follow).
#[cfg(unix)]
pub(super) fn restrict_file(file: &File, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
pub(super) fn restrict_file(_file: &File, _mode: u32) -> io::Result<()> {
    Ok(())
}
