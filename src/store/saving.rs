//! The steps of a save around the atomic write: putting the file in place, keeping what an
//! outside write left at the last moment, noticing a file changed on disk since it was read
//! (our version then goes to one conflict copy), and the backup before the first write.

use super::{PLAN_FILE, SaveError, Store, atomic, backup, paths};
use std::fs;
use std::path::{Path, PathBuf};

impl Store {
    /// Writes the temp file beside `target` and swaps it in; returns the replaced file
    /// when the system kept it for us to look at.
    pub(super) fn put_in_place(
        &mut self,
        target: &Path,
        parts: &[&[u8]],
    ) -> Result<Option<PathBuf>, SaveError> {
        let (dir, name) = paths::split(target);
        let temp = atomic::write_temp(dir, &name, parts, self.fault)
            .map_err(|e| e.into_save_error(target))?;
        if let Some(hook) = self.before_swap.as_mut() {
            hook();
        }
        atomic::swap_into_place(&temp, target, self.fault).map_err(|e| e.into_save_error(target))
    }

    /// The file a save replaced is removed when it is the one we last saw; otherwise a write
    /// from outside landed at the last moment, and it is kept as a conflict copy.
    pub(super) fn keep_if_outside(&self, old: &Path) -> Option<PathBuf> {
        if self
            .stamp
            .as_ref()
            .is_some_and(|stamp| stamp.describes(old))
        {
            let _ = fs::remove_file(old);
            return None;
        }
        let copy = self.dir.join(backup::conflict_name(self.today, &self.dir));
        match fs::rename(old, &copy) {
            Ok(()) => Some(copy),
            // Cannot move it: it stays where it is, under a name the person is told.
            Err(_) => Some(old.to_path_buf()),
        }
    }

    pub(super) fn changed_on_disk(&self, path: &Path) -> bool {
        let exists = fs::metadata(path).is_ok();
        match &self.stamp {
            // Nothing was there and nothing is: fine. Deleted behind us: nothing to clobber.
            None => exists,
            Some(stamp) => exists && !stamp.describes(path),
        }
    }

    /// Writes our version beside the changed file; while the conflict lasts, later saves
    /// replace this one copy instead of adding another.
    pub(super) fn write_conflict_copy(&mut self, parts: &[&[u8]]) -> Result<PathBuf, SaveError> {
        let copy = match &self.conflict_copy {
            Some(copy) => copy.clone(),
            None => self.dir.join(backup::conflict_name(self.today, &self.dir)),
        };
        let name = copy.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_else(|| PLAN_FILE.to_string());
        atomic::write_parts(&self.dir, &name, parts).map_err(|e| e.into_save_error(&copy))?;
        self.conflict_copy = Some(copy.clone());
        Ok(copy)
    }

    pub(super) fn back_up_before_first_write(&mut self, path: &Path) -> Result<(), SaveError> {
        // A file deleted behind us has nothing left to back up.
        if self.backed_up || self.stamp.is_none() || !path.exists() {
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
}
