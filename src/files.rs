//! Reading a file someone else put in place (a checklist, a policy pack
//! file, the config) without ever blocking on it: a FIFO or a device named
//! like a data file is refused, not waited on, and a regular file is read
//! only up to a size limit. And writing a file only its owner can read.

use std::fs::{File, OpenOptions};
use std::io::{self, Read as _};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// A FIFO, a device, a socket or a folder: not a file with contents.
    NotRegular,
    /// Larger than the limit (its size, when the file says it).
    TooBig {
        limit: u64,
    },
    Io(io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotRegular => write!(f, "not a regular file"),
            ReadError::TooBig { limit } => write!(f, "larger than the {limit}-byte limit"),
            ReadError::Io(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

impl From<ReadError> for io::Error {
    fn from(e: ReadError) -> Self {
        match e {
            ReadError::Io(e) => e,
            other => io::Error::other(other.to_string()),
        }
    }
}

/// Opens `path` for reading without waiting (`O_NONBLOCK`: a FIFO with no
/// writer opens at once instead of blocking in `open`), and without
/// following a final link when `follow` is false; then refuses anything but
/// a regular file, checked on the open file itself (`fstat`), so nothing
/// can be swapped in between the check and the read.
pub(crate) fn open_regular(path: &Path, follow: bool) -> Result<File, ReadError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mut flags = libc::O_NONBLOCK | libc::O_NOCTTY;
        if !follow {
            flags |= libc::O_NOFOLLOW;
        }
        options.custom_flags(flags);
    }
    #[cfg(not(unix))]
    let _ = follow;
    let file = options.open(path)?;
    if !file.metadata()?.file_type().is_file() {
        return Err(ReadError::NotRegular);
    }
    Ok(file)
}

/// The bytes of the regular file `path`, at most `limit` of them.
pub(crate) fn read_regular(path: &Path, limit: u64, follow: bool) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path, follow)?;
    if file.metadata()?.len() > limit {
        return Err(ReadError::TooBig { limit });
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooBig { limit });
    }
    Ok(bytes)
}

/// As [`read_regular`], as UTF-8 text.
pub(crate) fn read_regular_text(
    path: &Path,
    limit: u64,
    follow: bool,
) -> Result<String, ReadError> {
    let bytes = read_regular(path, limit, follow)?;
    String::from_utf8(bytes)
        .map_err(|_| ReadError::Io(io::Error::new(io::ErrorKind::InvalidData, "not UTF-8 text")))
}

/// What [`write_private`] does with a file already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Existing {
    /// Written over (its mode narrowed to the owner's too).
    Replace,
    /// Left alone: the write fails with `AlreadyExists`.
    Keep,
}

/// Writes `bytes` to `path`, a file only its owner can read (0600): what
/// the program writes for a person names their disease and dates. A final
/// link is never followed, and the bytes are on disk when it returns.
pub(crate) fn write_private(path: &Path, bytes: &[u8], existing: Existing) -> io::Result<()> {
    use std::io::Write as _;
    let mut options = OpenOptions::new();
    options.write(true);
    match existing {
        Existing::Replace => options.create(true).truncate(true),
        // Made here or not at all.
        Existing::Keep => options.create_new(true),
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    let mut file = options.open(path)?;
    // A file replaced keeps its old mode on open: narrow it too.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn mkfifo(path: &Path) {
        let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    }

    /// Runs `f` on a thread; fails (rather than hanging the suite) when it
    /// has not returned within five seconds.
    fn within_5s<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(f());
        });
        rx.recv_timeout(Duration::from_secs(5))
            .expect("blocked for 5 s")
    }

    #[test]
    fn a_fifo_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.json");
        mkfifo(&fifo);
        let start = Instant::now();
        let r = within_5s(move || read_regular(&fifo, 1024, true).map(|_| ()));
        assert!(matches!(r, Err(ReadError::NotRegular)), "{r:?}");
        assert!(start.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn a_device_is_refused_and_a_big_file_cut() {
        let r = read_regular(Path::new("/dev/zero"), 1024, true);
        assert!(matches!(r, Err(ReadError::NotRegular)), "{r:?}");
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big");
        std::fs::write(&big, vec![b'a'; 2000]).unwrap();
        let r = read_regular(&big, 1024, true);
        assert!(matches!(r, Err(ReadError::TooBig { limit: 1024 })), "{r:?}");
        assert_eq!(read_regular(&big, 4096, true).unwrap().len(), 2000);
    }

    #[test]
    fn a_link_is_refused_when_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("t");
        std::fs::write(&target, "x").unwrap();
        let link = dir.path().join("l");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(read_regular(&link, 10, false).is_err());
        assert_eq!(read_regular(&link, 10, true).unwrap(), b"x");
    }

    #[test]
    fn a_private_file_is_the_owner_s_and_never_written_through_a_link() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("sheet.md");
        std::fs::write(&file, "old").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        let e = write_private(&file, b"new", Existing::Keep).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&file).unwrap(), b"old");
        write_private(&file, b"new", Existing::Replace).unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), b"new");
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let target = dir.path().join("target");
        std::fs::write(&target, "kept").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(write_private(&link, b"x", Existing::Replace).is_err());
        assert_eq!(std::fs::read(&target).unwrap(), b"kept");
    }
}
