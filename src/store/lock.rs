//! One writer per data directory: an advisory lock on `plan.lock`, holding the writer's pid.
//! The operating system drops the lock when the process dies, even by SIGKILL, so a crash
//! never leaves the plan locked. The lock file is opened without following a symbolic link
//! (a planted link must not let us truncate another file) and kept private (0600).

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::Path;

const LOCK_FILE: &str = "plan.lock";

/// The lock, held (this process may write) or not (someone else holds it).
#[derive(Debug)]
pub struct Lock {
    /// Kept open for as long as the lock is held.
    file: Option<File>,
    other: Option<String>,
}

impl Lock {
    /// Tries to take the lock in `dir` without waiting. A directory nothing can be written
    /// in (a read-only disk, no permission) gives a lock not held, so the plan opens to read.
    pub fn acquire(dir: &Path) -> io::Result<Lock> {
        let path = dir.join(LOCK_FILE);
        let mut file = match open_no_follow(&path) {
            Ok(file) => file,
            Err(e) if cannot_write_here(&e) => {
                return Ok(Lock {
                    file: None,
                    other: Some(format!(
                        "{} cannot be written to ({e}), so nothing can be changed here",
                        dir.display()
                    )),
                });
            }
            Err(e) => return Err(e),
        };
        make_private(&file)?;
        match file.try_lock() {
            Ok(()) => {
                file.set_len(0)?;
                write!(file, "{}", std::process::id())?;
                Ok(Lock {
                    file: Some(file),
                    other: None,
                })
            }
            Err(TryLockError::WouldBlock) => Ok(Lock {
                file: None,
                other: Some(describe_holder(&mut file)),
            }),
            Err(TryLockError::Error(e)) => Err(e),
        }
    }

    /// Tries again to take a lock another process held (it may have quit since).
    pub fn retry(&mut self, dir: &Path) -> io::Result<()> {
        if self.file.is_none() {
            *self = Lock::acquire(dir)?;
        }
        Ok(())
    }

    /// Whether this process holds the lock.
    pub fn is_held(&self) -> bool {
        self.file.is_some()
    }

    /// Why this process does not hold the lock, as a clause ("another goalcoach (process 12)
    /// has this plan open…"), when it does not.
    pub fn holder_description(&self) -> Option<String> {
        self.other.clone()
    }
}

/// Opens (creating, 0600) the lock file; a symbolic link in its place is refused.
fn open_no_follow(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path).map_err(|e| {
        if is_symlink(path) {
            io::Error::other(format!(
                "{} is a symbolic link; goalcoach will not write through it (remove it and \
                 try again)",
                path.display()
            ))
        } else {
            e
        }
    })
}

fn cannot_write_here(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::PermissionDenied
    )
}

fn is_symlink(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// The lock file is the user's alone, whatever the umask or an older build left.
fn make_private(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if file.metadata()?.permissions().mode() & 0o777 != 0o600 {
            file.set_permissions(fs::Permissions::from_mode(0o600))?;
        }
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

fn describe_holder(file: &mut File) -> String {
    use std::io::Read;
    let mut pid = String::new();
    match file.take(32).read_to_string(&mut pid) {
        Ok(_) if !pid.trim().is_empty() => format!(
            "another goalcoach (process {}) has this plan open; quit it to make changes here",
            pid.trim()
        ),
        _ => "another goalcoach has this plan open; quit it to make changes here".to_string(),
    }
}
