//! Writing files atomically: the bytes go to a file that has no name yet (Linux `O_TMPFILE`) or
//! a hidden temporary file in the same folder, are flushed to disk, and only then take the
//! target's name. A crash or a kill at any moment leaves the old file or the whole new one; on
//! Linux it leaves no partial file at all, because an unnamed file vanishes with the process.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The prefix of the hidden temporary names used while a file is written.
pub const TEMP_PREFIX: &str = ".alongside-tmp-";

/// A file being written that appears at its target path only when [`AtomicFile::commit`] succeeds.
/// Dropped without a commit, it leaves nothing behind.
pub struct AtomicFile {
    file: File,
    dir: PathBuf,
    target: PathBuf,
    /// The temporary name when the platform could not make an unnamed file.
    named: Option<tempfile::TempPath>,
}

impl AtomicFile {
    /// Starts writing the file that will be `path` (its folder must exist).
    pub fn create(path: &Path) -> std::io::Result<Self> {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let (file, named) = match unnamed_file_in(&dir) {
            Some(file) => (file, None),
            None => {
                let (file, temp_path) = tempfile::Builder::new()
                    .prefix(TEMP_PREFIX)
                    .tempfile_in(&dir)?
                    .into_parts();
                (file, Some(temp_path))
            }
        };
        Ok(AtomicFile {
            file,
            dir,
            target: path.to_path_buf(),
            named,
        })
    }

    /// The file to write to.
    pub fn file_mut(&mut self) -> &mut File {
        &mut self.file
    }

    /// Flushes the bytes to disk and gives the file its name (replacing a file there); returns
    /// the file's size in bytes.
    pub fn commit(self) -> std::io::Result<u64> {
        self.file.sync_all()?;
        let size = self.file.metadata()?.len();
        match self.named {
            Some(temp_path) => temp_path.persist(&self.target).map_err(|e| e.error)?,
            None => name_unnamed_file(&self.file, &self.dir, &self.target)?,
        }
        sync_dir(&self.dir)?;
        Ok(size)
    }
}

/// A file with no name in `dir`, where the platform and the file system allow one.
#[cfg(target_os = "linux")]
fn unnamed_file_in(dir: &Path) -> Option<File> {
    use rustix::fs::{Mode, OFlags};
    // Naming it later goes through /proc; without /proc the named fallback is used.
    if !Path::new("/proc/self/fd").is_dir() {
        return None;
    }
    rustix::fs::openat(
        rustix::fs::CWD,
        dir,
        OFlags::TMPFILE | OFlags::RDWR | OFlags::CLOEXEC,
        Mode::from_raw_mode(0o600),
    )
    .ok()
    .map(File::from)
}

#[cfg(not(target_os = "linux"))]
fn unnamed_file_in(_dir: &Path) -> Option<File> {
    None
}

/// Links the unnamed `file` into `dir` under a hidden name, then renames it over `target`.
#[cfg(target_os = "linux")]
fn name_unnamed_file(file: &File, dir: &Path, target: &Path) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    let proc_path = format!("/proc/self/fd/{}", file.as_raw_fd());
    for _ in 0..16 {
        let hidden = dir.join(format!("{TEMP_PREFIX}{}", uuid::Uuid::now_v7().simple()));
        match rustix::fs::linkat(
            rustix::fs::CWD,
            proc_path.as_str(),
            rustix::fs::CWD,
            &hidden,
            rustix::fs::AtFlags::SYMLINK_FOLLOW,
        ) {
            Ok(()) => {
                return std::fs::rename(&hidden, target).inspect_err(|_| {
                    let _ = std::fs::remove_file(&hidden);
                });
            }
            Err(rustix::io::Errno::EXIST) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "no free temporary name in the folder",
    ))
}

#[cfg(not(target_os = "linux"))]
fn name_unnamed_file(_file: &File, _dir: &Path, _target: &Path) -> std::io::Result<()> {
    Err(std::io::Error::new(
        std::io::ErrorKind::Unsupported,
        "unnamed files are made only on Linux",
    ))
}

/// Writes `bytes` to `path` so that readers see the old file or the new one, never a mix.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.file_mut().write_all(bytes)?;
    file.commit().map(drop)
}

/// Flushes a folder's entries to disk (a no-op where the platform cannot).
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
    }
    Ok(())
}

/// Creates `dir` (and its parents) when missing; a folder created here is private to its owner
/// (mode 0700 on Unix). An existing folder is left as it is.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Creates an empty file only its owner can read and write (mode 0600 on Unix); fails if it exists.
pub fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("slots.json");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "left over: {names:?}");
    }

    #[test]
    fn nothing_appears_until_commit_and_a_dropped_file_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.pdf");
        let names = || std::fs::read_dir(dir.path()).unwrap().count();
        let mut file = AtomicFile::create(&path).unwrap();
        file.file_mut().write_all(b"half of it").unwrap();
        if cfg!(target_os = "linux") {
            assert_eq!(names(), 0, "an unnamed file has no entry in the folder");
        }
        drop(file);
        assert_eq!(names(), 0);
        let mut file = AtomicFile::create(&path).unwrap();
        file.file_mut().write_all(b"all of it").unwrap();
        assert_eq!(file.commit().unwrap(), 9);
        assert_eq!(std::fs::read(&path).unwrap(), b"all of it");
        assert_eq!(names(), 1);
    }

    #[test]
    fn missing_folder_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("file.json");
        assert!(write_atomic(&path, b"x").is_err());
    }
}
