//! One process at a time may create or restore a vault in a data folder: an exclusive lock on a
//! small file in the folder, released when the guard is dropped or the process ends.

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::error::{CoreError, CoreResult};

/// The lock file's name ("delete all my data" removes it too).
pub const LOCK_FILE: &str = "alongside.lock";

/// Holds the folder's lock until dropped; the lock file is removed again then, so it is there
/// only while a vault is being set up.
pub struct FolderLock {
    file: File,
    path: PathBuf,
}

impl FolderLock {
    /// Takes the folder's lock at once, or says another process has it. The folder must exist.
    pub fn acquire(dir: &Path) -> CoreResult<Self> {
        let path = dir.join(LOCK_FILE);
        // A holder removes the file as it lets go: a lock taken on a file that is no longer
        // at the path is let go and taken again on the new one.
        for _ in 0..16 {
            let file = open(&path)?;
            match file.try_lock() {
                Ok(()) => {
                    if same_file(&file, &path) {
                        return Ok(FolderLock { file, path });
                    }
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(CoreError::Busy(
                        "Another Alongside window or command is setting up a vault in this \
                         folder right now. Let it finish, then try again; nothing was changed."
                            .into(),
                    ))
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(e.into()),
            }
        }
        Err(CoreError::Busy(
            "The folder is busy; try again in a moment. Nothing was changed.".into(),
        ))
    }
}

impl Drop for FolderLock {
    fn drop(&mut self) {
        // Removed while still held, so nobody locks a file that is about to vanish unnoticed.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

fn open(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).truncate(false).read(true).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let first = FolderLock::acquire(dir.path()).unwrap();
        let second = FolderLock::acquire(dir.path());
        assert!(matches!(second, Err(CoreError::Busy(_))));
        drop(first);
        assert!(
            !dir.path().join(LOCK_FILE).exists(),
            "removed as it is let go"
        );
        assert!(FolderLock::acquire(dir.path()).is_ok());
    }
}
