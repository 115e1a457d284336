//! Where the data lives: `--data-dir`, else `$GOALCOACH_DATA_DIR`, else the platform's data
//! directory (`~/.local/share/goalcoach` on Linux). Directories are created private.

use anyhow::{Context, Result};
use std::io;
use std::path::{Path, PathBuf};

/// The environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "GOALCOACH_DATA_DIR";

/// The data directory: the explicit one if given, else the environment's, else the default.
pub fn data_dir(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "goalcoach")
        .map(|p| p.data_dir().to_path_buf())
        .context("cannot find a home directory for the data; pass --data-dir DIR")
}

/// Creates `dir` and its parents; a directory goalcoach creates is readable only by its owner.
/// A symbolic link where the directory goes is refused: files are never created, replaced
/// or deleted through one.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if let Ok(meta) = std::fs::symlink_metadata(dir) {
        if meta.is_dir() {
            return Ok(());
        }
        if meta.file_type().is_symlink() && dir.file_name().is_some_and(|n| n == "backups") {
            return Err(io::Error::other(format!(
                "{} is a symbolic link; goalcoach keeps its backups only in a real directory \
                 (remove the link and try again)",
                dir.display()
            )));
        }
        if dir.is_dir() {
            // The data directory itself may be a link the person made on purpose.
            return Ok(());
        }
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Where a save of `path` really goes: `path` itself, or the file a symbolic link at `path`
/// points to (people keep the plan in a synced folder), so that the link stays a link and
/// the new file is written atomically in the target's own directory.
pub fn write_target(path: &Path) -> io::Result<PathBuf> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path).map_err(|e| {
            io::Error::other(format!(
                "{} is a symbolic link to a file that cannot be reached ({e})",
                path.display()
            ))
        }),
        _ => Ok(path.to_path_buf()),
    }
}

/// Whether `path` is a regular file that opens as goalcoach writes a plan (`{` then
/// `"schema_version"`), damaged further on or not: a file a link may be written through.
pub fn looks_like_a_plan(path: &Path) -> bool {
    use std::io::Read;
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut head = [0u8; 256];
    let Ok(n) = std::fs::File::open(path).and_then(|mut f| f.read(&mut head)) else {
        return false;
    };
    let text = String::from_utf8_lossy(&head[..n]);
    text.trim_start()
        .strip_prefix('{')
        .is_some_and(|rest| rest.trim_start().starts_with("\"schema_version\""))
}

/// A file path's directory and name.
pub fn split(path: &Path) -> (&Path, String) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    (dir, name.into_owned())
}

/// Warnings about a data directory others could change: writable by group or others, or
/// owned by another user. goalcoach uses it all the same; the person decides.
pub fn exposure_warnings(dir: &Path) -> Vec<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let Ok(meta) = std::fs::metadata(dir) else {
            return Vec::new();
        };
        let mut warnings = Vec::new();
        // SAFETY: geteuid has no preconditions and cannot fail.
        let me = unsafe { libc::geteuid() };
        if meta.uid() != me {
            warnings.push(format!(
                "{} belongs to another user (uid {}), who can read and change your plan",
                dir.display(),
                meta.uid()
            ));
        }
        if meta.mode() & 0o022 != 0 {
            warnings.push(format!(
                "{} can be written by other users (mode {:o}); `chmod 700 {}` makes it yours alone",
                dir.display(),
                meta.mode() & 0o777,
                dir.display()
            ));
        }
        warnings
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Vec::new()
    }
}
