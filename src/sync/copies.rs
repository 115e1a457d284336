//! The conflict copies that file-sync tools leave beside plan.json when two computers saved
//! it at once — Syncthing's `plan.sync-conflict-….json`, Dropbox's and Nextcloud's
//! `plan (… conflicted copy ….json`, older Nextcloud's `plan_conflict-….json` — and
//! goalcoach's own `plan.conflict-….json`. Each is merged into the plan by id, then moved
//! into `backups/`, so nothing either computer wrote is lost.

use crate::model::Plan;
use crate::model::merge3::{self, Merged};
use crate::store::{self, Store};
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// A conflict copy: where it is and which tool left it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictCopy {
    pub path: PathBuf,
    pub tool: &'static str,
}

impl ConflictCopy {
    /// The copy's file name.
    pub fn name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// Which tool leaves a copy by this name, if it is a conflict copy of plan.json.
fn tool_of(name: &str) -> Option<&'static str> {
    if !name.ends_with(".json") {
        return None;
    }
    if name.starts_with("plan.sync-conflict-") {
        Some("Syncthing")
    } else if name.starts_with("plan (") && name.contains("onflicted copy") {
        Some("Dropbox or Nextcloud")
    } else if name.starts_with("plan_conflict-") {
        Some("Nextcloud")
    } else if name.starts_with("plan.conflict-") {
        Some("goalcoach")
    } else {
        None
    }
}

/// The conflict copies in `dir` (regular files only), oldest name first.
pub fn find(dir: &Path) -> Vec<ConflictCopy> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<ConflictCopy> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            tool_of(&name).map(|tool| ConflictCopy {
                path: e.path(),
                tool,
            })
        })
        .collect();
    found.sort_by_key(ConflictCopy::name);
    found
}

/// What merging a copy starts from: this computer's plan, the revisions of it on disk (the
/// store's), the data directory and this computer's sync name.
pub struct Ours<'a> {
    pub plan: &'a Plan,
    pub revisions: &'a [u64],
    pub dir: &'a Path,
    pub device: &'a str,
}

/// Merges the copy at `path` into our plan, with the last version both grew from as base
/// when this computer still has it (`backups/seen/`, or the copy itself when ours grew from
/// it), so only a field changed differently on both sides is a question. With no common
/// version known, both sides' items are kept and every differing field waits as a conflict,
/// its other side named after the copy. Also says which of the two it was.
pub fn merge_copy(ours: &Ours, path: &Path) -> Result<(Merged, &'static str)> {
    let bytes =
        store::read_plan_file(path)?.with_context(|| format!("{} is gone", path.display()))?;
    let theirs = store::parse_plan(path, &bytes)?;
    let copy = format!(
        "the copy {}",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    );
    let devices = merge3::Devices {
        ours: ours.device,
        theirs: &copy,
    };
    let mut plan = ours.plan.clone();
    plan.revisions = ours.revisions.to_vec();
    let base = base_of(ours.dir, &plan, &theirs);
    let how = if base.is_some() {
        "merged against the version both grew from"
    } else {
        "no common version known, so every difference waits for you"
    };
    Ok((merge3::merge_from(base, plan, theirs, devices), how))
}

/// The newest version both copies grew from, when it can be read.
fn base_of(dir: &Path, ours: &Plan, theirs: &Plan) -> Option<Plan> {
    let revision = crate::model::revisions::common(&ours.revisions, &theirs.revisions)?;
    if theirs.revisions.first() == Some(&revision) {
        return Some(theirs.clone());
    }
    let path = store::seen_plan(dir, revision)?;
    let bytes = store::read_plan_file(&path).ok()??;
    store::parse_plan(&path, &bytes).ok()
}

/// Moves a merged copy into `backups/` as `merged-NAME`, never over an earlier one.
pub fn put_away(dir: &Path, copy: &Path) -> Result<PathBuf> {
    store::put_away_merged_copy(dir, copy)
        .with_context(|| format!("cannot move {} into backups/", copy.display()))
}

/// A line for commands that only read: the copies waiting to be merged, and how.
pub fn notice(dir: &Path) -> Option<String> {
    let copies = find(dir);
    let first = copies.first()?;
    Some(format!(
        "{} beside the plan ({}, left by {}); `goalcoach sync --merge-copies` merges {}",
        crate::model::text::plural(copies.len(), "conflict copy"),
        first.name(),
        first.tool,
        if copies.len() == 1 { "it" } else { "them" }
    ))
}

/// `goalcoach sync --merge-copies`: merges every conflict copy into the plan, saves, and
/// moves each copy into `backups/`.
pub fn merge_all(dir: &Path, today: NaiveDate, device: &str) -> Result<String> {
    let (mut store, mut plan) = Store::open(dir, today)?;
    if let Some(holder) = store.read_only_reason() {
        bail!(
            "nothing was merged into {}: {holder} (the app offers to merge the copies when \
             it starts)",
            store.plan_path().display()
        );
    }
    let copies = find(dir);
    if copies.is_empty() {
        return Ok("no conflict copies beside the plan".to_string());
    }
    let mut said = Vec::new();
    for copy in &copies {
        let ours = Ours {
            plan: &plan,
            revisions: store.revisions(),
            dir,
            device,
        };
        match merge_copy(&ours, &copy.path) {
            Ok((merged, how)) => {
                plan = merged.plan;
                store.save(&plan)?;
                put_away(dir, &copy.path)?;
                said.push(format!(
                    "{}: {} ({how})",
                    copy.name(),
                    merged.report.summary()
                ));
            }
            Err(e) => said.push(format!("{}: left where it is: {e:#}", copy.name())),
        }
    }
    Ok(said.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_each_tool_leaves_are_recognised() {
        for (name, tool) in [
            (
                "plan.sync-conflict-20261122-101010-ABCDEFG.json",
                "Syncthing",
            ),
            (
                "plan (Sam's conflicted copy 2026-11-22).json",
                "Dropbox or Nextcloud",
            ),
            (
                "plan (conflicted copy 2026-11-22 101010).json",
                "Dropbox or Nextcloud",
            ),
            ("plan_conflict-20261122-101010.json", "Nextcloud"),
            ("plan.conflict-2026-11-22-101010.json", "goalcoach"),
        ] {
            assert_eq!(tool_of(name), Some(tool), "{name}");
        }
        for name in [
            "plan.json",
            "plan-2026-11-22.json",
            "plan.sync-conflict-x.txt",
        ] {
            assert_eq!(tool_of(name), None, "{name}");
        }
    }
}
