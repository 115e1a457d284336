//! Crash-safe file replacement: write a temp file in the same directory, fsync it, rename it
//! over the target, fsync the directory. A crash at any point leaves the old file or the new
//! one, never a mix; temp files left by a crash are removed at the next start. Temp files
//! are created exclusively (a planted symbolic link is never followed), private (0600). On
//! Linux the plan is put in place with an atomic exchange, so the file it replaced can be
//! looked at afterwards: a write that landed from outside at the last moment is never lost.

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

/// Replaces `dir/name` with the parts one after the other, atomically and durably. On any
/// failure before the rename the old file is untouched and the temp file is gone.
pub fn write_parts(dir: &Path, name: &str, parts: &[&[u8]]) -> Result<(), WriteError> {
    let temp = write_temp(dir, name, parts, None)?;
    let renamed = run("rename", None, || fs::rename(&temp, dir.join(name)));
    if renamed.is_err() {
        let _ = fs::remove_file(&temp);
    }
    renamed?;
    sync_dir_failing(dir, None)
}

/// Writes the parts to a new temp file beside `dir/name` and makes them durable; returns
/// the temp file's path. Nothing is left behind on failure.
pub fn write_temp(
    dir: &Path,
    name: &str,
    parts: &[&[u8]],
    fault: Fault,
) -> Result<PathBuf, WriteError> {
    let temp = temp_path(dir, name);
    let result = fill_temp(&temp, parts, fault);
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map(|()| temp)
}

fn fill_temp(temp: &Path, parts: &[&[u8]], fault: Fault) -> Result<(), WriteError> {
    let mut file = run("create", fault, || create_private(temp))?;
    run("write", fault, || {
        parts.iter().try_for_each(|part| file.write_all(part))
    })?;
    run("fsync", fault, || file.sync_all())
}

/// Puts the finished `temp` in place of `target` atomically (the caller then syncs the
/// directory with `sync_dir_failing`). Where the system can exchange the two names, it does,
/// and returns `Some(path)`: the file that was replaced, now at `path`, for the caller to
/// look at and remove. `None` when there was no file to replace, or the plain rename had to
/// be used.
pub fn swap_into_place(
    temp: &Path,
    target: &Path,
    fault: Fault,
) -> Result<Option<PathBuf>, WriteError> {
    let swapped = run("rename", fault, || exchange_or_rename(temp, target));
    if swapped.is_err() {
        let _ = fs::remove_file(temp);
    }
    Ok(swapped?.then(|| temp.to_path_buf()))
}

/// Syncs `dir` so a rename in it is durable; `fault` can fail it (tests).
pub fn sync_dir_failing(dir: &Path, fault: Fault) -> Result<(), WriteError> {
    run("directory fsync", fault, || sync_dir(dir))
}

/// Exchanges `temp` and `target` (true), or moves `temp` to a `target` that is not there
/// (false). Falls back to a plain rename where the file system cannot exchange.
#[cfg(target_os = "linux")]
fn exchange_or_rename(temp: &Path, target: &Path) -> io::Result<bool> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(io::Error::other);
    let (from, to) = (c(temp)?, c(target)?);
    let rename2 = |flags: libc::c_uint| {
        // SAFETY: both are valid NUL-terminated paths; AT_FDCWD resolves them as given.
        let rc = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                from.as_ptr(),
                libc::AT_FDCWD,
                to.as_ptr(),
                flags,
            )
        };
        if rc == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    };
    let unsupported = |e: &io::Error| matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS));
    for _ in 0..3 {
        match rename2(libc::RENAME_EXCHANGE) {
            Ok(()) => return Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) if unsupported(&e) => break,
            Err(e) => return Err(e),
        }
        // No file to exchange with: move in, unless one appeared meanwhile (then exchange).
        match rename2(libc::RENAME_NOREPLACE) {
            Ok(()) => return Ok(false),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) if unsupported(&e) => break,
            Err(e) => return Err(e),
        }
    }
    fs::rename(temp, target).map(|()| false)
}

#[cfg(not(target_os = "linux"))]
fn exchange_or_rename(temp: &Path, target: &Path) -> io::Result<bool> {
    fs::rename(temp, target).map(|()| false)
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

fn copy_to_new(from: &Path, temp: &Path) -> io::Result<()> {
    let mut source = File::open(from)?;
    if !source.metadata()?.is_file() {
        return Err(io::Error::other(format!(
            "{} is not a regular file",
            from.display()
        )));
    }
    let mut copy = create_private(temp)?;
    io::copy(&mut source, &mut copy)?;
    copy.sync_all()
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

/// Copies the regular file `from` to `dir/name` atomically and durably, private to the
/// user, without reading it into memory and without following a link at the temp name.
pub fn copy(from: &Path, dir: &Path, name: &str) -> io::Result<()> {
    let temp = temp_path(dir, name);
    let result = copy_to_new(from, &temp).and_then(|()| fs::rename(&temp, dir.join(name)));
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
