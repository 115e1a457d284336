//! One writer per data directory: an advisory lock on `plan.lock`, holding the writer's pid.
//! The operating system drops the lock when the process dies, even by SIGKILL, so a crash
//! never leaves the plan locked.

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
    /// Tries to take the lock in `dir` without waiting.
    pub fn acquire(dir: &Path) -> io::Result<Lock> {
        let path = dir.join(LOCK_FILE);
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)?;
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
                other: Some(describe_holder(&path)),
            }),
            Err(TryLockError::Error(e)) => Err(e),
        }
    }

    /// Whether this process holds the lock.
    pub fn is_held(&self) -> bool {
        self.file.is_some()
    }

    /// Who holds the lock when this process does not.
    pub fn holder_description(&self) -> Option<String> {
        self.other.clone()
    }
}

fn describe_holder(path: &Path) -> String {
    match fs::read_to_string(path) {
        Ok(pid) if !pid.trim().is_empty() => format!("another goalcoach (process {})", pid.trim()),
        _ => "another goalcoach".to_string(),
    }
}
