//! The two halves of a sync round that touch the plan: committing this computer's plan (never
//! one that lost most of its items without the person's word), and merging the other
//! computer's, read back before it is kept and rolled back when it cannot be.

use super::device;
use super::git::Git;
use super::{abort_unfinished_merge, guard};
use crate::model::text::plural;
use crate::model::{Plan, merge3};
use crate::store::{self, PLAN_FILE, Store};
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use std::path::Path;

/// Commits plan.json and the setup files when they changed; says what was committed. A plan
/// that lost every item, or most of a large one, since the last commit is not committed
/// unless `allow_deleting`. `now` is the plan on disk, as the lock holder read it.
pub(super) fn commit_changes(
    git: &Git,
    dir: &Path,
    now: &Plan,
    allow_deleting: bool,
    device: &str,
) -> Result<String> {
    let has_plan = std::fs::symlink_metadata(dir.join(PLAN_FILE)).is_ok_and(|m| m.is_file());
    let setup = [".gitattributes", ".gitignore"];
    if has_plan {
        git.run(&["add", "--", PLAN_FILE, setup[0], setup[1]])?;
    } else {
        git.run(&["add", "--", setup[0], setup[1]])?;
    }
    if git.succeeds(&["diff", "--cached", "--quiet"]) {
        return Ok("nothing new here".to_string());
    }
    let before = guard::plan_at(git, dir, "HEAD").unwrap_or_default();
    if let Some(lost) = guard::mass_deletion(&before, now).filter(|_| !allow_deleting) {
        let _ = git.run(&["reset", "-q", "--", PLAN_FILE]);
        bail!(
            "the plan here has lost {lost} since the last sync, so sync did not share it \
             (nothing was committed or pushed). If you meant to delete them, run `goalcoach \
             sync --allow-deleting`; if not, `goalcoach restore` lists the backups"
        );
    }
    let report = merge3::changes(&before, now);
    let mut parts = Vec::new();
    if !report.what().is_empty() {
        parts.push(format!("{} changed", report.what()));
    }
    if report.removed > 0 {
        parts.push(format!("{} deleted", plural(report.removed, "item")));
    }
    let what = if parts.is_empty() {
        "setup".to_string()
    } else {
        parts.join(", ")
    };
    let message = device::commit_message(device, &what);
    git.run(&["commit", "-q", "-m", &message])?;
    Ok(format!("committed {what}"))
}

/// The remote branch a sync merges, and what the person allowed.
pub(super) struct Upstream<'a> {
    pub name: &'a str,
    pub reference: &'a str,
    pub allow_deleting: bool,
    pub today: NaiveDate,
    /// This computer's sync name, for the merge commit.
    pub device: &'a str,
}

/// Merges the upstream branch into the current one, then reads back what it brought: an
/// unreadable plan, a link, or a plan emptied without the person's word is rolled back to
/// the commit before, and the sync stops there. plan.json is backed up before git rewrites
/// it, and is private again after.
pub(super) fn merge_upstream(
    git: &Git,
    dir: &Path,
    store: &Store,
    up: &Upstream,
) -> Result<String> {
    let pre = guard::head(git);
    if let Some(pre) = &pre
        && git.succeeds(&["merge-base", "--is-ancestor", up.reference, pre])
    {
        return Ok("nothing changed elsewhere".to_string());
    }
    let before = store::read_plan(dir).map(|(p, _)| p).unwrap_or_default();
    store
        .keep_copy(&guard::before_sync_name(up.today))
        .with_context(|| format!("cannot back up {PLAN_FILE} before merging"))?;
    if let Some(pre) = &pre {
        guard::mark_merge(dir, pre)?;
    }
    let message = device::commit_message(up.device, &format!("merged {}", up.name));
    let merging = git
        .clone()
        .with_env(device::OTHER_DEVICE_ENV, &last_device(git, up.reference));
    let merged = merging.run(&[
        "merge",
        "-q",
        "-m",
        &message,
        "--allow-unrelated-histories",
        up.reference,
    ]);
    if let Err(e) = merged {
        abort_unfinished_merge(git);
        guard::unmark_merge(dir);
        return Err(e.context("the merge did not go through; nothing changed here"));
    }
    let after = match guard::check_merged(git, dir) {
        Ok(after) => after,
        Err(why) => {
            let why = Refusal::Unreadable(why);
            return Err(roll_back(git, dir, pre.as_deref(), up, &why));
        }
    };
    if let Some(lost) = guard::mass_deletion(&before, &after).filter(|_| !up.allow_deleting) {
        return Err(roll_back(
            git,
            dir,
            pre.as_deref(),
            up,
            &Refusal::Deletes(lost),
        ));
    }
    guard::make_private(dir);
    guard::unmark_merge(dir);
    Ok(merge3::changes(&before, &after).summary())
}

/// The device that last shared `reference`: the newest commit of goalcoach's there names it;
/// empty when none does.
fn last_device(git: &Git, reference: &str) -> String {
    let subjects = git
        .run(&["log", "-n", "50", "--format=%s", reference])
        .unwrap_or_default();
    subjects
        .lines()
        .find_map(device::from_commit_message)
        .unwrap_or_default()
        .to_string()
}

/// Why what came from the remote was not kept.
enum Refusal {
    /// goalcoach cannot keep it: a link, an unreadable plan, its own files in the commit.
    Unreadable(String),
    /// It deletes the whole plan, or most of it ("2 of its 2 items").
    Deletes(String),
}

/// Puts the branch and plan.json back as they were before the merge; the error says why,
/// which commit the plan is at now, and what the person can do.
fn roll_back(
    git: &Git,
    dir: &Path,
    pre: Option<&str>,
    up: &Upstream,
    why: &Refusal,
) -> anyhow::Error {
    let theirs = git
        .run(&["rev-parse", "--short", up.reference])
        .unwrap_or_default();
    let back = match pre {
        Some(pre) => git
            .run(&["reset", "-q", "--hard", pre])
            .map(|_| pre.chars().take(7).collect::<String>()),
        None => Err(anyhow::anyhow!("there was no commit here before")),
    };
    guard::unmark_merge(dir);
    guard::make_private(dir);
    let (what, advice) = match why {
        Refusal::Unreadable(why) => (
            format!("cannot be taken: {why}"),
            "fix the plan on the computer that wrote it (`goalcoach restore` there), then \
             sync again"
                .to_string(),
        ),
        Refusal::Deletes(lost) => (
            format!("deletes {lost} here, so sync did not take it"),
            "if that deletion was meant, run `goalcoach sync --allow-deleting`".to_string(),
        ),
    };
    let name = up.name;
    match back {
        Ok(pre) => anyhow::anyhow!(
            "{name}'s plan (commit {theirs}) {what}. This computer's plan is back at commit \
             {pre} as it was, and nothing was pushed; {advice}"
        ),
        Err(e) => anyhow::anyhow!(
            "{name}'s plan (commit {theirs}) {what}; it could not be rolled back ({e:#}), and \
             the plan as it was is in backups/"
        ),
    }
}
