//! Crash-safe file replacement: write a temp file in the same directory, fsync it, rename it
//! over the target, fsync the directory. A crash at any point leaves the old file or the new
//! one, never a mix; temp files left by a crash are removed at the next start.

use super::error::SaveError;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A failed atomic write: which step failed and why.
#[derive(Debug)]
pub struct WriteError {
    pub step: &'static str,
    pub source: io::Error,
}

impl WriteError {
    pub fn into_save_error(self, path: &Path) -> SaveError {
        SaveError::Io {
            path: path.to_path_buf(),
            step: self.step,
            source: self.source,
        }
    }
}

fn temp_prefix(name: &str) -> String {
    format!(".{name}.tmp.")
}

fn temp_path(dir: &Path, name: &str) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!("{}{}.{n}", temp_prefix(name), std::process::id()))
}

/// The steps of a save, in order; a test can make any one of them fail (`Fault`).
pub const STEPS: [&str; 5] = ["create", "write", "fsync", "rename", "directory fsync"];

/// A step that should fail, for testing how a save fails. `None` in normal use.
pub type Fault = Option<&'static str>;

/// Runs one step, or fails it with an injected error when it is the faulty one.
fn run<T>(
    step: &'static str,
    fault: Fault,
    op: impl FnOnce() -> io::Result<T>,
) -> Result<T, WriteError> {
    if fault == Some(step) {
        let source = io::Error::other(format!("injected failure at {step}"));
        return Err(WriteError { step, source });
    }
    op().map_err(|source| WriteError { step, source })
}

/// Replaces `dir/name` with the parts one after the other, atomically and durably.
pub fn write_parts(dir: &Path, name: &str, parts: &[&[u8]]) -> Result<(), WriteError> {
    write_parts_failing(dir, name, parts, None)
}

/// `write_parts`, with `fault` failing one step. On any failure before the rename the old
/// file is untouched and the temp file is gone.
pub fn write_parts_failing(
    dir: &Path,
    name: &str,
    parts: &[&[u8]],
    fault: Fault,
) -> Result<(), WriteError> {
    let temp = temp_path(dir, name);
    let result = write_temp_then_rename(&temp, &dir.join(name), parts, fault);
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result?;
    run("directory fsync", fault, || sync_dir(dir))
}

fn write_temp_then_rename(
    temp: &Path,
    target: &Path,
    parts: &[&[u8]],
    fault: Fault,
) -> Result<(), WriteError> {
    let mut file = run("create", fault, || create_private(temp))?;
    run("write", fault, || {
        parts.iter().try_for_each(|part| file.write_all(part))
    })?;
    run("fsync", fault, || file.sync_all())?;
    drop(file);
    run("rename", fault, || fs::rename(temp, target))
}

fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Copies `from` to `dir/name` atomically and durably, without reading it into memory.
pub fn copy(from: &Path, dir: &Path, name: &str) -> io::Result<()> {
    let temp = temp_path(dir, name);
    let result = fs::copy(from, &temp)
        .and_then(|_| File::open(&temp)?.sync_all())
        .and_then(|()| fs::rename(&temp, dir.join(name)));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result?;
    sync_dir(dir)
}

/// Removes temp files a crashed writer left beside `name`. Only called by the lock holder,
/// so no live writer's temp file is touched.
pub fn remove_stale_temps(dir: &Path, name: &str) {
    let prefix = temp_prefix(name);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}
