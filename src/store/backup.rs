//! Backups in `backups/` beside the plan: a daily copy of the file as it was before the
//! session's first save (the newest `KEEP_DAILY` are kept), and a copy before each schema
//! migration (kept for good).

use chrono::{Local, NaiveDate};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// How many daily backups are kept.
pub const KEEP_DAILY: usize = 14;
const DIR: &str = "backups";
const DAILY_PREFIX: &str = "plan-";

fn backup_dir(dir: &Path) -> io::Result<PathBuf> {
    let backups = dir.join(DIR);
    super::paths::create_private_dir(&backups)?;
    Ok(backups)
}

/// Copies the plan to `backups/plan-DATE.json` unless today's copy exists, then prunes.
pub fn daily_copy(dir: &Path, plan: &Path, today: NaiveDate) -> io::Result<()> {
    let backups = backup_dir(dir)?;
    let name = format!("{DAILY_PREFIX}{today}.json");
    if !backups.join(&name).exists() {
        copy_atomically(plan, &backups, &name)?;
    }
    prune(&backups);
    Ok(())
}

/// Copies the plan to `backups/plan-v{version}-DATE.json` before a migration rewrites it.
pub fn migration_copy(dir: &Path, plan: &Path, version: u32, today: NaiveDate) -> io::Result<()> {
    let backups = backup_dir(dir)?;
    copy_atomically(plan, &backups, &format!("plan-v{version}-{today}.json"))
}

/// The name for the copy of the current plan kept before a restore.
pub fn before_restore_name(today: NaiveDate) -> String {
    format!(
        "{DAILY_PREFIX}{today}-before-restore-{}.json",
        Local::now().format("%H%M%S")
    )
}

/// Copies the plan into `backups/` under `name`.
pub fn keep_copy(dir: &Path, plan: &Path, name: &str) -> io::Result<()> {
    copy_atomically(plan, &backup_dir(dir)?, name)
}

fn copy_atomically(from: &Path, dir: &Path, name: &str) -> io::Result<()> {
    super::atomic::copy(from, dir, name)
}

fn is_daily(name: &str) -> bool {
    name.starts_with(DAILY_PREFIX) && !name.starts_with("plan-v") && name.ends_with(".json")
}

fn prune(backups: &Path) {
    let mut daily: Vec<PathBuf> = list(backups.parent().unwrap_or(backups))
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| is_daily(&n.to_string_lossy()))
        })
        .collect();
    // `list` is newest first; keep the head.
    for old in daily.drain(KEEP_DAILY.min(daily.len())..) {
        let _ = fs::remove_file(old);
    }
}

/// Every backup file, newest first (names carry the date, so name order is date order).
pub fn list(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir.join(DIR)) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort_by_key(|p| std::cmp::Reverse(sort_key(p)));
    files
}

fn sort_key(p: &Path) -> String {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // plan-v1-2026-01-01.json sorts by its date like the daily ones.
    match name
        .strip_prefix("plan-v")
        .and_then(|rest| rest.split_once('-'))
    {
        Some((_, date)) => format!("plan-{date}"),
        None => name,
    }
}

/// How many plans as read (`backups/seen/`) are kept, newest first.
const KEEP_SEEN: usize = 8;
const SEEN_DIR: &str = "seen";

/// Keeps the plan as it was just read, `bytes`, as `backups/seen/REVISION.json` (once per
/// revision; the newest `KEEP_SEEN` stay): a version this device knows both it and another
/// copy may have grown from, the base for merging a conflict copy. Best effort: a plan that
/// cannot be kept is only a merge with more questions later.
pub fn keep_seen(dir: &Path, revision: u64, bytes: &[u8]) {
    let Ok(backups) = backup_dir(dir) else {
        return;
    };
    let seen = backups.join(SEEN_DIR);
    if super::paths::create_private_dir(&seen).is_err() {
        return;
    }
    let name = format!("{revision}.json");
    if seen.join(&name).exists() {
        return;
    }
    if super::atomic::write_parts(&seen, &name, &[bytes]).is_err() {
        return;
    }
    let mut kept: Vec<(std::time::SystemTime, PathBuf)> = regular_files(&seen)
        .into_iter()
        .filter(|(_, n)| n.ends_with(".json"))
        .filter_map(|(p, _)| Some((fs::metadata(&p).ok()?.modified().ok()?, p)))
        .collect();
    kept.sort_by_key(|k| std::cmp::Reverse(k.0));
    for (_, old) in kept.into_iter().skip(KEEP_SEEN) {
        let _ = fs::remove_file(old);
    }
}

/// The plan kept by `keep_seen` for `revision`, if this device still has it.
pub fn seen(dir: &Path, revision: u64) -> Option<PathBuf> {
    let path = dir
        .join(DIR)
        .join(SEEN_DIR)
        .join(format!("{revision}.json"));
    fs::symlink_metadata(&path)
        .is_ok_and(|m| m.is_file())
        .then_some(path)
}

/// How many merged conflict copies `backups/` keeps.
const KEEP_MERGED_COPIES: usize = 20;
const CONFLICT_PREFIX: &str = "plan.conflict-";
/// The name a conflict copy takes in `backups/` once it has been merged into the plan.
pub const MERGED_PREFIX: &str = "merged-";

/// Cleans up after crashes (only the lock holder calls it): temp files a killed backup left
/// in `backups/`, and merged conflict copies beyond the newest 20. A conflict copy that was
/// not merged may be the only copy of an edit: it is never moved or deleted here.
pub fn tidy(dir: &Path) {
    let backups = dir.join(DIR);
    let is_real_dir = fs::symlink_metadata(&backups).is_ok_and(|m| m.is_dir());
    if !is_real_dir {
        return;
    }
    remove_temps(&backups);
    let mut merged: Vec<(PathBuf, String)> = regular_files(&backups)
        .into_iter()
        .filter(|(_, n)| n.starts_with(MERGED_PREFIX) && n.ends_with(".json"))
        .collect();
    merged.sort_by(|a, b| b.1.cmp(&a.1));
    for (path, _) in merged.into_iter().skip(KEEP_MERGED_COPIES) {
        let _ = fs::remove_file(path);
    }
}

/// A name in `dir` no file has: `name`, else `stem-2.json`, `stem-3.json`…
pub fn free_name(dir: &Path, name: &str) -> String {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) => (stem, format!(".{ext}")),
        None => (name, String::new()),
    };
    (1..)
        .map(|n| {
            if n == 1 {
                name.to_string()
            } else {
                format!("{stem}-{n}{ext}")
            }
        })
        .find(|candidate| fs::symlink_metadata(dir.join(candidate)).is_err())
        .unwrap_or_else(|| name.to_string())
}

fn regular_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| (e.path(), e.file_name().to_string_lossy().into_owned()))
        .collect()
}

fn remove_temps(backups: &Path) {
    let Ok(entries) = fs::read_dir(backups) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') && name.contains(".tmp.") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// A free name for a conflict copy: `plan.conflict-DATE-HHMMSS.json`.
pub fn conflict_name(today: NaiveDate, dir: &Path) -> String {
    let time = Local::now().format("%H%M%S");
    let base = format!("{CONFLICT_PREFIX}{today}-{time}");
    (0..)
        .map(|n| {
            if n == 0 {
                format!("{base}.json")
            } else {
                format!("{base}-{n}.json")
            }
        })
        .find(|name| !dir.join(name).exists())
        .unwrap_or_else(|| format!("{base}.json"))
}
