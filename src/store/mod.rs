//! The plan file on disk: where it lives, loading it (refusing corrupt or newer files without
//! touching them), saving it atomically, one writer at a time, backups, and never overwriting
//! a file someone else changed. It owns every byte goalcoach writes to the data directory.

mod atomic;
mod backup;
mod error;
mod json;
mod lock;
mod migrate;
mod paths;
mod read;
mod restore;
mod saving;
mod stamp;
mod view;
mod writes;

pub use error::{LoadError, SaveError};
pub use paths::{DATA_DIR_ENV, data_dir};
pub use view::{VIEW_FILE, read_view, write_view};
use writes::refuse_what_would_not_load;
pub use writes::{
    check_writable, put_away_merged_copy, too_large_problem, write_copy, write_rescue, write_text,
};

use crate::model::{Plan, SCHEMA_VERSION};
use chrono::NaiveDate;
use stamp::{DiskStamp, stamp_of};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

/// The steps of a save, in order (for fault injection in tests).
pub const SAVE_STEPS: [&str; 5] = atomic::STEPS;

/// The plan's file name inside the data directory.
pub const PLAN_FILE: &str = "plan.json";
/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// What a successful save has to tell the person.
#[derive(Debug, Default, PartialEq)]
pub struct Saved {
    /// A write from outside that landed while this save was under way: `plan.json` now holds
    /// ours, and theirs is kept whole at this path.
    pub outside_write_kept_at: Option<PathBuf>,
}

impl Saved {
    /// A line for the person when there is something to say.
    pub fn message(&self) -> Option<String> {
        self.outside_write_kept_at.as_ref().map(|copy| {
            format!(
                "Saved; a change made outside goalcoach landed at the same moment and is kept \
                 in full at {}",
                copy.display()
            )
        })
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("dir", &self.dir)
            .field("read_only", &self.read_only_reason())
            .finish_non_exhaustive()
    }
}

/// An open data directory. Writable when this process holds the lock, read-only otherwise.
pub struct Store {
    dir: PathBuf,
    lock: lock::Lock,
    /// `None`: there was no file when we last looked.
    stamp: Option<DiskStamp>,
    /// Set when the file was written by an older schema and not yet backed up.
    migrated_from: Option<u32>,
    /// What the last load repaired or noticed, for the person to read.
    notices: Vec<String>,
    /// What is worrying about the data directory itself (others can write to it).
    dir_warnings: Vec<String>,
    /// The copy of our version written when the file changed behind us; later saves in the
    /// same conflict replace it instead of writing another.
    conflict_copy: Option<PathBuf>,
    /// Runs just before the plan is put in place (tests of the last-moment race only).
    before_swap: Option<Box<dyn FnMut() + Send>>,
    backed_up: bool,
    today: NaiveDate,
    /// A save step to fail on purpose (tests only; see `inject_fault`).
    fault: atomic::Fault,
    /// The revisions of the plan on disk as we last read or wrote it (see
    /// `model::revisions`); a save puts a new one first.
    revisions: Vec<u64>,
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
            clean_up_after_crashes(dir);
        }
        Ok(Store {
            dir: dir.to_path_buf(),
            lock,
            stamp: None,
            migrated_from: None,
            notices: Vec::new(),
            dir_warnings: paths::exposure_warnings(dir),
            conflict_copy: None,
            before_swap: None,
            backed_up: false,
            today,
            fault: None,
            revisions: Vec::new(),
        })
    }

    /// Moves the dates that name new backups and conflict copies on to `today` (the app
    /// stays open across midnight).
    pub fn set_today(&mut self, today: NaiveDate) {
        if today != self.today {
            // A new day: the first save of it makes that day's backup, as at a start.
            self.backed_up = false;
        }
        self.today = today;
    }

    /// Tries to take the lock again when another goalcoach held it (it may have quit);
    /// returns whether this store can now save.
    pub fn retry_lock(&mut self) -> bool {
        if self.lock.is_held() {
            return true;
        }
        if self.lock.retry(&self.dir).is_ok() && self.lock.is_held() {
            clean_up_after_crashes(&self.dir);
            return true;
        }
        false
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

    /// The revisions of the plan on disk as this store last read or wrote it: what a merge
    /// of another copy takes as ours.
    pub fn revisions(&self) -> &[u64] {
        &self.revisions
    }

    /// Reads the plan again from disk, e.g. after it changed behind our back. `Ok(None)`
    /// when there is no file any more: the plan in memory is then the only copy, and the
    /// caller keeps it (the next save writes the file again).
    pub fn reload(&mut self) -> Result<Option<Plan>, LoadError> {
        let Some(bytes) = read::read_regular(&self.plan_path())? else {
            self.stamp = None;
            return Ok(None);
        };
        self.conflict_copy = None;
        self.load_from(bytes).map(Some)
    }

    /// What the last load repaired or noticed (ids renumbered, control characters removed),
    /// one line each, for the person to read.
    pub fn notices(&self) -> Vec<String> {
        self.dir_warnings
            .iter()
            .chain(&self.notices)
            .cloned()
            .collect()
    }

    fn load(&mut self) -> Result<Plan, LoadError> {
        let Some(bytes) = read::read_regular(&self.plan_path())? else {
            self.stamp = None;
            self.notices.clear();
            return Ok(Plan {
                uid: new_uid(),
                ids: crate::model::IdSource::random(),
                ..Plan::default()
            });
        };
        self.load_from(bytes)
    }

    fn load_from(&mut self, bytes: Vec<u8>) -> Result<Plan, LoadError> {
        let path = self.plan_path();
        self.notices.clear();
        let read::Decoded {
            mut plan,
            version,
            notices,
        } = read::decode(&path, &bytes)?;
        self.notices = notices;
        if version < SCHEMA_VERSION {
            self.migrated_from = Some(version);
        }
        if plan.uid.is_empty() {
            plan.uid = new_uid();
        }
        self.revisions = plan.revisions.clone();
        if let Some(&head) = plan.revisions.first() {
            backup::keep_seen(&self.dir, head, &bytes);
        }
        self.stamp = Some(stamp_of(&path, &[&bytes]));
        Ok(plan)
    }

    /// Writes `plan` to disk: backups first when due, then an atomic replace. Refuses when
    /// read-only, and when the file changed on disk since we last saw it: then our version
    /// goes to a conflict file beside it and the error names that file.
    pub fn save(&mut self, plan: &Plan) -> Result<Saved, SaveError> {
        use crate::model::revisions;
        // The same plan saved again writes the same bytes; a changed one a new revision.
        let mut kept = revisions::join(&self.revisions, &plan.revisions);
        let (path, mut parts) = self.writable(plan, &kept)?;
        let slices: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
        if !self.stamp.as_ref().is_some_and(|s| s.has_bytes(&slices)) {
            kept = revisions::after_save(revisions::fresh(), &kept, &[]);
            parts = json::with_revisions(plan, parts, &kept);
        }
        let revisions = kept;
        let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
        if self.changed_on_disk(&path) {
            let copy = self.write_conflict_copy(&parts)?;
            return Err(SaveError::Conflict { path, copy });
        }
        self.back_up_before_first_write(&path)?;
        let target = paths::write_target(&path).map_err(|source| SaveError::Io {
            path: path.clone(),
            step: "create",
            source,
        })?;
        let replaced = self.put_in_place(&target, &parts)?;
        let saved = Saved {
            outside_write_kept_at: replaced.and_then(|old| self.keep_if_outside(&old)),
        };
        // Remembered before the directory sync: after a failed sync the new file is already
        // in place, and the next save must not take our own file for an outside change.
        self.stamp = Some(stamp_of(&path, &parts));
        self.revisions = revisions;
        self.conflict_copy = None;
        atomic::sync_dir_failing(paths::split(&target).0, self.fault)
            .map_err(|e| e.into_save_error(&target))?;
        Ok(saved)
    }

    /// The plan's path and bytes, when this store may write and the plan would read back.
    fn writable(
        &self,
        plan: &Plan,
        revisions: &[u64],
    ) -> Result<(PathBuf, Vec<Vec<u8>>), SaveError> {
        if let Some(holder) = self.read_only_reason() {
            return Err(SaveError::ReadOnly { holder });
        }
        let path = self.plan_path();
        let parts = json::plan_parts_as(plan, revisions);
        let slices: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
        refuse_what_would_not_load(plan, &slices, &path)?;
        Ok((path, parts))
    }

    /// Makes `hook` run just before the plan is put in place (tests of the last-moment race
    /// only; nothing else calls it).
    #[doc(hidden)]
    pub fn before_swap(&mut self, hook: Box<dyn FnMut() + Send>) {
        self.before_swap = Some(hook);
    }

    /// Makes the next saves fail at `step` (one of `SAVE_STEPS`), or succeed again with
    /// `None`. A seam for tests of failing saves; nothing else calls it.
    #[doc(hidden)]
    pub fn inject_fault(&mut self, step: Option<&'static str>) {
        self.fault = step;
    }

    /// The newest backup that reads as a plan, with how many goals it holds.
    pub fn newest_readable_backup(&self) -> Option<(PathBuf, usize)> {
        self.backups().into_iter().find_map(|path| {
            let bytes = std::fs::read(&path).ok()?;
            let plan = parse_plan(&path, &bytes).ok()?;
            Some((path, plan.goals.len()))
        })
    }

    /// The backups, newest first.
    pub fn backups(&self) -> Vec<PathBuf> {
        backup::list(&self.dir)
    }
}

/// What only the lock holder may clean: temp files a killed save or backup left, and old
/// conflict copies (moved into backups/).
fn clean_up_after_crashes(dir: &Path) {
    atomic::remove_stale_temps(dir, PLAN_FILE);
    backup::tidy(dir);
}

/// The bytes of a plan (or any file to import): only a regular file, at most 64 MiB;
/// `None` when it is not there.
pub fn read_plan_file(path: &Path) -> Result<Option<Vec<u8>>, LoadError> {
    read::read_regular(path)
}

/// The plan as goalcoach writes it: pretty JSON, keys in a fixed order, a final newline.
pub fn to_pretty_json(plan: &Plan) -> Vec<u8> {
    json::plan_parts(plan).concat()
}

/// Parses a plan from bytes, with the same checks as loading the file (used by import).
pub fn parse_plan(path: &Path, bytes: &[u8]) -> Result<Plan, LoadError> {
    read::decode(path, bytes).map(|decoded| decoded.plan)
}

/// A name for a new plan, unique enough to tell plans apart: time, process and a counter.
fn new_uid() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = DefaultHasher::new();
    std::time::SystemTime::now().hash(&mut h);
    std::process::id().hash(&mut h);
    COUNTER.fetch_add(1, Ordering::Relaxed).hash(&mut h);
    format!("{:016x}", h.finish())
}

/// The plan in `dir` and what reading it noticed, for commands that only read: nothing is
/// created (not the directory, not the lock), so they work on a read-only disk.
pub fn read_plan(dir: &Path) -> Result<(Plan, Vec<String>), LoadError> {
    let path = dir.join(PLAN_FILE);
    let mut notices = paths::exposure_warnings(dir);
    match read::read_regular(&path)? {
        None => Ok((Plan::default(), notices)),
        Some(bytes) => {
            let decoded = read::decode(&path, &bytes)?;
            notices.extend(decoded.notices);
            Ok((decoded.plan, notices))
        }
    }
}

/// The backups in `dir`, newest first, without creating anything.
/// The plan as this device last read it at `revision` (kept in `backups/seen/`), if kept.
pub fn seen_plan(dir: &Path, revision: u64) -> Option<PathBuf> {
    backup::seen(dir, revision)
}

pub fn list_backups(dir: &Path) -> Vec<PathBuf> {
    backup::list(dir)
}
