//! The plan file on disk: where it lives, loading it (refusing corrupt or newer files without
//! touching them), saving it atomically, one writer at a time, backups, and never overwriting
//! a file someone else changed. It owns every byte goalcoach writes to the data directory.

mod atomic;
mod backup;
mod error;
mod json;
mod lock;
mod paths;

pub use error::{LoadError, SaveError};
pub use paths::{DATA_DIR_ENV, data_dir};

use crate::model::{Plan, SCHEMA_VERSION};
use chrono::NaiveDate;
use serde::Deserialize;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The steps of a save, in order (for fault injection in tests).
pub const SAVE_STEPS: [&str; 5] = atomic::STEPS;

/// The plan's file name inside the data directory.
pub const PLAN_FILE: &str = "plan.json";
/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// What `plan.json` looked like when we last read or wrote it.
#[derive(Clone, Debug, PartialEq)]
struct DiskStamp {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

/// An open data directory. Writable when this process holds the lock, read-only otherwise.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    lock: lock::Lock,
    /// `None`: there was no file when we last looked.
    stamp: Option<DiskStamp>,
    /// Set when the file was written by an older schema and not yet backed up.
    migrated_from: Option<u32>,
    backed_up: bool,
    today: NaiveDate,
    /// A save step to fail on purpose (tests only; see `inject_fault`).
    fault: atomic::Fault,
}

#[derive(Deserialize)]
struct VersionProbe {
    schema_version: Option<u32>,
}

impl Store {
    /// Opens `dir` (creating it, private to the user), takes the lock if it is free, removes
    /// temp files a crashed writer left, and loads the plan. `today` names backups.
    pub fn open(dir: &Path, today: NaiveDate) -> Result<(Store, Plan), LoadError> {
        let mut store = Store::open_unloaded(dir, today)?;
        let plan = store.load()?;
        Ok((store, plan))
    }

    /// Opens `dir` like `open` but without reading the plan (for `restore`, which must work
    /// when the plan is damaged).
    pub fn open_unloaded(dir: &Path, today: NaiveDate) -> Result<Store, LoadError> {
        paths::create_private_dir(dir).map_err(|e| LoadError::io(dir, e))?;
        let lock = lock::Lock::acquire(dir).map_err(|e| LoadError::io(dir, e))?;
        if lock.is_held() {
            atomic::remove_stale_temps(dir, PLAN_FILE);
        }
        Ok(Store {
            dir: dir.to_path_buf(),
            lock,
            stamp: None,
            migrated_from: None,
            backed_up: false,
            today,
            fault: None,
        })
    }

    /// The full path of `plan.json`.
    pub fn plan_path(&self) -> PathBuf {
        self.dir.join(PLAN_FILE)
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// `Some(who)` when another process holds the lock and this store cannot save.
    pub fn read_only_reason(&self) -> Option<String> {
        self.lock.holder_description()
    }

    /// Reads the plan again from disk, e.g. after it changed behind our back.
    pub fn reload(&mut self) -> Result<Plan, LoadError> {
        self.load()
    }

    fn load(&mut self) -> Result<Plan, LoadError> {
        let path = self.plan_path();
        let Some(bytes) = read_limited(&path)? else {
            self.stamp = None;
            return Ok(Plan {
                uid: new_uid(),
                ..Plan::default()
            });
        };
        let version = probe_version(&path, &bytes)?;
        let mut plan: Plan =
            serde_json::from_slice(&bytes).map_err(|e| LoadError::corrupt(&path, &e))?;
        if version < SCHEMA_VERSION {
            self.migrated_from = Some(version);
            plan.schema_version = SCHEMA_VERSION;
        }
        plan.fix_next_id();
        if plan.uid.is_empty() {
            plan.uid = new_uid();
        }
        self.stamp = Some(stamp_of(&path, &[&bytes]));
        Ok(plan)
    }

    /// Writes `plan` to disk: backups first when due, then an atomic replace. Refuses when
    /// read-only, and when the file changed on disk since we last saw it: then our version
    /// goes to a conflict file beside it and the error names that file.
    pub fn save(&mut self, plan: &Plan) -> Result<(), SaveError> {
        if let Some(holder) = self.read_only_reason() {
            return Err(SaveError::ReadOnly { holder });
        }
        let parts = json::plan_parts(plan);
        let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
        let path = self.plan_path();
        if self.changed_on_disk(&path) {
            let copy = self.write_conflict_copy(&parts)?;
            return Err(SaveError::Conflict { path, copy });
        }
        self.back_up_before_first_write(&path)?;
        let written = atomic::write_parts_failing(&self.dir, PLAN_FILE, &parts, self.fault);
        // After a failed directory fsync the new file is already in place: remember it, so
        // the next save does not take our own file for an outside change.
        if matches!(&written, Ok(())) || matches!(&written, Err(e) if e.step == "directory fsync") {
            self.stamp = Some(stamp_of(&path, &parts));
        }
        written.map_err(|e| e.into_save_error(&path))
    }

    fn changed_on_disk(&self, path: &Path) -> bool {
        let meta = fs::metadata(path).ok();
        match (&self.stamp, meta) {
            // Nothing was there and nothing is: fine. Deleted behind us: nothing to clobber.
            (None, None) | (Some(_), None) => false,
            (None, Some(_)) => true,
            (Some(stamp), Some(meta)) => {
                if meta.len() == stamp.len && meta.modified().ok() == stamp.modified {
                    return false;
                }
                fs::read(path).map_or(true, |bytes| hash_of(&[&bytes]) != stamp.hash)
            }
        }
    }

    fn write_conflict_copy(&self, parts: &[&[u8]]) -> Result<PathBuf, SaveError> {
        let name = backup::conflict_name(self.today, &self.dir);
        let copy = self.dir.join(&name);
        atomic::write_parts(&self.dir, &name, parts).map_err(|e| e.into_save_error(&copy))?;
        Ok(copy)
    }

    fn back_up_before_first_write(&mut self, path: &Path) -> Result<(), SaveError> {
        if self.backed_up || self.stamp.is_none() {
            self.backed_up = true;
            return Ok(());
        }
        let result = match self.migrated_from {
            Some(v) => backup::migration_copy(&self.dir, path, v, self.today),
            None => backup::daily_copy(&self.dir, path, self.today),
        };
        result.map_err(|e| SaveError::Backup {
            path: path.to_path_buf(),
            source: e,
        })?;
        self.migrated_from = None;
        self.backed_up = true;
        Ok(())
    }

    /// Makes the next saves fail at `step` (one of `SAVE_STEPS`), or succeed again with
    /// `None`. A seam for tests of failing saves; nothing else calls it.
    #[doc(hidden)]
    pub fn inject_fault(&mut self, step: Option<&'static str>) {
        self.fault = step;
    }

    /// The backups, newest first.
    pub fn backups(&self) -> Vec<PathBuf> {
        backup::list(&self.dir)
    }

    /// Puts `backup` in place of `plan.json`: checks it is a plan this build reads, keeps the
    /// current file as `backups/plan-DATE-before-restore-TIME.json`, then replaces the plan
    /// atomically. Returns the restored plan.
    pub fn restore(&mut self, backup: &Path) -> anyhow::Result<Plan> {
        use anyhow::Context;
        if let Some(holder) = self.read_only_reason() {
            anyhow::bail!(
                "{holder} has {} open; close it first",
                self.plan_path().display()
            );
        }
        let bytes =
            fs::read(backup).with_context(|| format!("cannot read {}", backup.display()))?;
        parse_plan(backup, &bytes)?;
        let path = self.plan_path();
        if path.exists() {
            let name = backup::before_restore_name(self.today);
            backup::keep_copy(&self.dir, &path, &name).with_context(|| {
                format!("cannot keep a copy of {} before restoring", path.display())
            })?;
        }
        atomic::write_parts(&self.dir, PLAN_FILE, &[&bytes])
            .map_err(|e| e.into_save_error(&path))?;
        self.backed_up = true;
        self.load().map_err(anyhow::Error::from)
    }
}

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
    atomic::write_parts(dir, name, &parts).map_err(|e| e.into_save_error(path))
}

/// The plan as goalcoach writes it: pretty JSON, keys in a fixed order, a final newline.
pub fn to_pretty_json(plan: &Plan) -> Vec<u8> {
    json::plan_parts(plan).concat()
}

/// Parses a plan from bytes, with the same checks as loading the file (used by import).
pub fn parse_plan(path: &Path, bytes: &[u8]) -> Result<Plan, LoadError> {
    probe_version(path, bytes)?;
    let mut plan: Plan = serde_json::from_slice(bytes).map_err(|e| LoadError::corrupt(path, &e))?;
    plan.schema_version = SCHEMA_VERSION;
    plan.fix_next_id();
    Ok(plan)
}

fn read_limited(path: &Path) -> Result<Option<Vec<u8>>, LoadError> {
    match fs::metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(LoadError::io(path, e)),
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            return Err(LoadError::TooLarge {
                path: path.to_path_buf(),
                bytes: meta.len(),
            });
        }
        Ok(_) => {}
    }
    fs::read(path).map(Some).map_err(|e| LoadError::io(path, e))
}

fn probe_version(path: &Path, bytes: &[u8]) -> Result<u32, LoadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
        });
    }
    let found = match leading_schema_version(bytes) {
        Some(v) => v,
        None => {
            let probe: VersionProbe =
                serde_json::from_slice(bytes).map_err(|e| LoadError::corrupt(path, &e))?;
            probe.schema_version.ok_or_else(|| LoadError::NotAPlan {
                path: path.to_path_buf(),
            })?
        }
    };
    if found > SCHEMA_VERSION {
        return Err(LoadError::TooNew {
            path: path.to_path_buf(),
            found,
        });
    }
    Ok(found)
}

/// The version when the document opens with `{ "schema_version": N` (as goalcoach writes
/// it), read without scanning the rest; `None` sends the caller to a full probe.
fn leading_schema_version(bytes: &[u8]) -> Option<u32> {
    let text = std::str::from_utf8(&bytes[..bytes.len().min(64)]).ok()?;
    let rest = text.trim_start().strip_prefix('{')?.trim_start();
    let rest = rest
        .strip_prefix("\"schema_version\"")?
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest[digits.len()..].trim_start();
    if !(after.starts_with(',') || after.starts_with('}')) {
        return None;
    }
    digits.parse().ok()
}

/// A name for a new plan, unique enough to tell plans apart: time, process and a counter.
fn new_uid() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = DefaultHasher::new();
    SystemTime::now().hash(&mut h);
    std::process::id().hash(&mut h);
    COUNTER.fetch_add(1, Ordering::Relaxed).hash(&mut h);
    format!("{:016x}", h.finish())
}

/// A fast 64-bit fingerprint of the file given in parts (the result does not depend on how
/// it is split), to tell whether it changed behind our back. Not a defence against anyone
/// crafting collisions; it runs over the whole file on every save, so it must be cheap.
fn hash_of(parts: &[&[u8]]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mix = |h: u64, word: u64| (h ^ word).wrapping_mul(K).rotate_left(29);
    let len: usize = parts.iter().map(|p| p.len()).sum();
    let mut h = len as u64 ^ K;
    let mut carry = [0u8; 8];
    let mut filled = 0;
    for part in parts {
        let mut rest = *part;
        if filled > 0 {
            let take = (8 - filled).min(rest.len());
            carry[filled..filled + take].copy_from_slice(&rest[..take]);
            filled += take;
            rest = &rest[take..];
            if filled < 8 {
                continue;
            }
            h = mix(h, u64::from_le_bytes(carry));
        }
        let mut chunks = rest.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            h = mix(h, u64::from_le_bytes(word));
        }
        let tail = chunks.remainder();
        carry[..tail.len()].copy_from_slice(tail);
        filled = tail.len();
    }
    for &b in &carry[..filled] {
        h = mix(h, u64::from(b));
    }
    h ^ (h >> 32)
}

fn stamp_of(path: &Path, parts: &[&[u8]]) -> DiskStamp {
    let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
    DiskStamp {
        len: parts.iter().map(|p| p.len() as u64).sum(),
        modified,
        hash: hash_of(parts),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_leading_version_is_read_without_a_full_parse() {
        assert_eq!(
            leading_schema_version(b"{\n  \"schema_version\": 1,\n  \"goals\": ["),
            Some(1)
        );
        assert_eq!(
            leading_schema_version(b" { \"schema_version\" : 12 }"),
            Some(12)
        );
        assert_eq!(
            leading_schema_version(b"{\"goals\": [], \"schema_version\": 1}"),
            None
        );
        assert_eq!(leading_schema_version(b"{\"schema_version\": 1x"), None);
        assert_eq!(leading_schema_version(b"{\"schema_version\": \"1\"}"), None);
    }

    #[test]
    fn the_fingerprint_sees_any_change_and_ignores_how_it_is_split() {
        let a = b"{\"schema_version\": 1, \"goals\": []}\n".to_vec();
        let mut b = a.clone();
        b[20] ^= 1;
        assert_ne!(hash_of(&[&a]), hash_of(&[&b]));
        assert_ne!(hash_of(&[&a]), hash_of(&[&a[..a.len() - 1]]));
        for split in 0..a.len() {
            for second in split..a.len() {
                let parts = [&a[..split], &a[split..second], &a[second..]];
                assert_eq!(
                    hash_of(&parts),
                    hash_of(&[&a]),
                    "split at {split}, {second}"
                );
            }
        }
    }
}
