//! Process and file protections every Alongside process takes as it starts: files it creates
//! are private to the user, no core dump can write the vault's key or records to disk, and the
//! data folder's modes are put right if something loosened them.

use std::path::Path;

/// Makes new files private to the user (umask 077) and turns core dumps off. On Linux, marks
/// the process not dumpable (`PR_SET_DUMPABLE` 0, which also stops other processes of the
/// user attaching to it) and sets the core-file limit to 0. Returns what could not be done,
/// in plain words, so the caller can log it (nothing here is fatal).
pub fn harden_process() -> Vec<&'static str> {
    platform::harden()
}

/// Whether core dumps are off for this process (Linux; elsewhere always `true`).
pub fn core_dumps_off() -> bool {
    platform::core_dumps_off()
}

/// Sets the data folder (and every folder inside it) to 0700 and every file to 0600, without
/// following symbolic links. Returns how many modes were changed. A folder that does not exist
/// is left alone.
pub fn repair_modes(dir: &Path) -> std::io::Result<u32> {
    platform::repair_modes(dir)
}

#[cfg(unix)]
mod platform {
    use std::os::unix::fs::PermissionsExt;
    use std::path::Path;

    pub fn repair_modes(dir: &Path) -> std::io::Result<u32> {
        let meta = match std::fs::symlink_metadata(dir) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e),
        };
        let mut changed = 0;
        if meta.is_dir() {
            changed += set_mode(dir, &meta, 0o700)?;
            for entry in std::fs::read_dir(dir)? {
                let entry = entry?;
                let meta = entry.metadata()?;
                if meta.is_dir() {
                    changed += repair_modes(&entry.path())?;
                } else if meta.is_file() {
                    changed += set_mode(&entry.path(), &meta, 0o600)?;
                }
            }
        }
        Ok(changed)
    }

    fn set_mode(path: &Path, meta: &std::fs::Metadata, mode: u32) -> std::io::Result<u32> {
        if meta.permissions().mode() & 0o777 == mode {
            return Ok(0);
        }
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
        Ok(1)
    }

    #[cfg(target_os = "linux")]
    pub fn harden() -> Vec<&'static str> {
        use rustix::process::{self, DumpableBehavior, Resource, Rlimit};
        let mut problems = Vec::new();
        process::umask(rustix::fs::Mode::from_raw_mode(0o077));
        if process::set_dumpable_behavior(DumpableBehavior::NotDumpable).is_err() {
            problems.push("the process could not be marked not dumpable");
        }
        let none = Rlimit {
            current: Some(0),
            maximum: Some(0),
        };
        if process::setrlimit(Resource::Core, none).is_err() {
            problems.push("the core-file limit could not be set to 0");
        }
        problems
    }

    #[cfg(target_os = "linux")]
    pub fn core_dumps_off() -> bool {
        use rustix::process::{self, DumpableBehavior, Resource};
        let limit = process::getrlimit(Resource::Core);
        process::dumpable_behavior().is_ok_and(|d| d == DumpableBehavior::NotDumpable)
            && limit.current == Some(0)
            && limit.maximum == Some(0)
    }

    #[cfg(not(target_os = "linux"))]
    pub fn harden() -> Vec<&'static str> {
        Vec::new()
    }

    #[cfg(not(target_os = "linux"))]
    pub fn core_dumps_off() -> bool {
        true
    }
}

#[cfg(not(unix))]
mod platform {
    use std::path::Path;

    pub fn repair_modes(_dir: &Path) -> std::io::Result<u32> {
        Ok(0)
    }

    pub fn harden() -> Vec<&'static str> {
        Vec::new()
    }

    pub fn core_dumps_off() -> bool {
        true
    }
}

#[cfg(all(test, unix))]
#[allow(clippy::unwrap_used)] // tests may panic
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn loose_modes_are_repaired_recursively() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        std::fs::create_dir_all(dir.join("WebKitCache/sub")).unwrap();
        std::fs::write(dir.join("vault.db"), b"x").unwrap();
        std::fs::write(dir.join("WebKitCache/sub/blob"), b"x").unwrap();
        for (p, m) in [
            (dir.clone(), 0o755),
            (dir.join("WebKitCache"), 0o775),
            (dir.join("WebKitCache/sub"), 0o755),
            (dir.join("vault.db"), 0o644),
            (dir.join("WebKitCache/sub/blob"), 0o666),
        ] {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(m)).unwrap();
        }
        assert_eq!(repair_modes(&dir).unwrap(), 5);
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&dir.join("WebKitCache/sub")), 0o700);
        assert_eq!(mode(&dir.join("vault.db")), 0o600);
        assert_eq!(mode(&dir.join("WebKitCache/sub/blob")), 0o600);
        assert_eq!(repair_modes(&dir).unwrap(), 0);
        assert_eq!(repair_modes(&tmp.path().join("missing")).unwrap(), 0);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn hardening_turns_core_dumps_off_and_makes_new_files_private() {
        assert!(harden_process().is_empty());
        assert!(core_dumps_off());
        let tmp = tempfile::tempdir().unwrap();
        let f = tmp.path().join("new");
        std::fs::write(&f, b"x").unwrap();
        assert_eq!(mode(&f), 0o600);
    }
}
