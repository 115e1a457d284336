//! Putting a plan in place of `plan.json` from outside a session's saves: a backup the
//! person picked (`goalcoach restore`), and the plan sync brings back when git left the file
//! missing or half written; and the copy sync keeps before git rewrites the file.

use super::stamp::stamp_of;
use super::{PLAN_FILE, SaveError, Store, atomic, backup, parse_plan, paths, read_plan_file};
use crate::model::Plan;
use std::fs;
use std::io;
use std::path::Path;

impl Store {
    /// Writes `plan` in place of whatever `plan.json` is now, keeping that file (when there
    /// is one) as `backups/NAME` first. For sync, which holds the lock and brings back a plan
    /// git left missing or half written; a link at `plan.json` is replaced, never written
    /// through.
    pub fn replace(&mut self, plan: &Plan, keep_as: &str) -> Result<(), SaveError> {
        let (path, parts) = self.writable(plan, &plan.revisions)?;
        let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
        if fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
            backup::keep_copy(&self.dir, &path, keep_as).map_err(|source| SaveError::Backup {
                path: path.clone(),
                source,
            })?;
        }
        atomic::write_parts(&self.dir, PLAN_FILE, &parts).map_err(|e| e.into_save_error(&path))?;
        self.stamp = Some(stamp_of(&path, &parts));
        self.revisions = plan.revisions.clone();
        self.backed_up = true;
        Ok(())
    }

    /// Keeps a copy of `plan.json` as it is now in `backups/NAME` (sync, before git rewrites
    /// it). Nothing to keep when there is no regular file.
    pub fn keep_copy(&self, name: &str) -> io::Result<()> {
        let path = self.plan_path();
        if !fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
            return Ok(());
        }
        backup::keep_copy(&self.dir, &path, name)
    }

    /// Puts `backup` in place of `plan.json`: checks it is a plan this build reads, keeps the
    /// current file as `backups/plan-DATE-before-restore-TIME.json`, then replaces the plan
    /// atomically. Returns the restored plan.
    pub fn restore(&mut self, backup: &Path) -> anyhow::Result<Plan> {
        use anyhow::Context;
        if let Some(holder) = self.read_only_reason() {
            anyhow::bail!(
                "nothing was restored into {}: {holder}",
                self.plan_path().display()
            );
        }
        let bytes = read_plan_file(backup)?
            .with_context(|| format!("cannot read {}: it is not there", backup.display()))?;
        parse_plan(backup, &bytes)?;
        let path = self.plan_path();
        if path.exists() {
            let name = backup::before_restore_name(self.today);
            backup::keep_copy(&self.dir, &path, &name).with_context(|| {
                format!("cannot keep a copy of {} before restoring", path.display())
            })?;
        }
        let target = paths::write_target(&path)
            .with_context(|| format!("cannot restore into {}", path.display()))?;
        if target != path && !paths::looks_like_a_plan(&target) {
            anyhow::bail!(
                "{} is a symbolic link to {}, which is not a goalcoach plan; goalcoach will not \
                 write there. Remove the link (rm {}) and run the restore again",
                path.display(),
                target.display(),
                path.display()
            );
        }
        let (dir, name) = paths::split(&target);
        atomic::write_parts(dir, &name, &[&bytes]).map_err(|e| e.into_save_error(&path))?;
        self.backed_up = true;
        self.load().map_err(anyhow::Error::from)
    }
}
