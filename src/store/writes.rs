//! Writing a plan anywhere but through a session's save: a copy elsewhere, the rescue at
//! quit, a merged conflict copy put away; and the one check every write of a plan makes, that
//! goalcoach would read the file back (values in range, ids unique, size under the limit).

use super::{MAX_FILE_BYTES, PLAN_FILE, SaveError, atomic, backup, json, paths};
use crate::model::Plan;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Writes the plan to `path` (atomically, as `plan.json` is written), e.g. to rescue it to
/// another disk when saving fails. `plan.json` is not touched.
pub fn write_copy(plan: &Plan, path: &Path) -> Result<(), SaveError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        let source = io::Error::new(io::ErrorKind::InvalidInput, "not a file name");
        return Err(SaveError::Io {
            path: path.to_path_buf(),
            step: "create",
            source,
        });
    };
    let parts = json::plan_parts(plan);
    let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    refuse_what_would_not_load(plan, &parts, path)?;
    atomic::write_parts(dir, name, &parts).map_err(|e| e.into_save_error(path))
}

/// Writes the plan to `path` as it is, without the checks a save makes: the way out at quit
/// when a save failed, often for the very check that a plan would not read back (a value
/// out of range). The person gets their words in a file to fix by hand, never nothing.
pub fn write_rescue(plan: &Plan, path: &Path) -> Result<(), SaveError> {
    let (dir, name) = paths::split(path);
    let parts = json::plan_parts(plan);
    let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    atomic::write_parts(dir, &name, &parts).map_err(|e| e.into_save_error(path))
}

/// A save never writes a file goalcoach would refuse to read back: a number out of range, a
/// shared id, or a file over `MAX_FILE_BYTES` stops it before a byte is written.
pub(super) fn refuse_what_would_not_load(
    plan: &Plan,
    parts: &[&[u8]],
    path: &Path,
) -> Result<(), SaveError> {
    let mut problems = crate::model::check::problems(plan);
    problems.extend(crate::model::check::id_problems(plan));
    let bytes: usize = parts.iter().map(|p| p.len()).sum();
    if bytes as u64 > MAX_FILE_BYTES {
        problems.push(too_large_problem(bytes as u64));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(SaveError::Invalid {
            path: path.to_path_buf(),
            problems,
        })
    }
}

/// Why a plan of `bytes` is refused: larger than goalcoach reads back.
pub fn too_large_problem(bytes: u64) -> String {
    let mib = |b: u64| b.div_ceil(1024 * 1024);
    format!(
        "the plan would take {} MiB, and goalcoach reads plans of at most {} MiB (archive or \
         delete what is no longer needed, or import less at once)",
        mib(bytes),
        mib(MAX_FILE_BYTES)
    )
}

/// Whether `plan` can be written and read back: the checks a save makes, with nothing
/// written (imports and merges ask before they change anything).
pub fn check_writable(plan: &Plan, path: &Path) -> Result<(), SaveError> {
    let parts = json::plan_parts(plan);
    let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    refuse_what_would_not_load(plan, &parts, path)
}

/// Moves a conflict copy that has been merged into the plan into `backups/`, as
/// `merged-NAME` (a name used before gets a number): the newest 20 of those are kept.
pub fn put_away_merged_copy(dir: &Path, copy: &Path) -> io::Result<PathBuf> {
    let backups = dir.join("backups");
    paths::create_private_dir(&backups)?;
    let name = copy
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| PLAN_FILE.to_string());
    let target = backups.join(backup::free_name(
        &backups,
        &format!("{}{name}", backup::MERGED_PREFIX),
    ));
    fs::rename(copy, &target)?;
    Ok(target)
}

/// Writes `text` to `name` in `dir` (made when missing) atomically, as every goalcoach file
/// is written: the brief for a 1:1 goes this way. Returns the file's path.
pub fn write_text(dir: &Path, name: &str, text: &str) -> Result<std::path::PathBuf, SaveError> {
    let path = dir.join(name);
    fs::create_dir_all(dir).map_err(|source| SaveError::Io {
        path: dir.to_path_buf(),
        step: "create",
        source,
    })?;
    atomic::write_parts(dir, name, &[text.as_bytes()]).map_err(|e| e.into_save_error(&path))?;
    Ok(path)
}
