//! What sync checks so that git never carries a lost or poisoned plan between computers:
//! git's own lock files and temp files a killed sync left (goalcoach holds its lock, so any
//! it finds are stale); a sync that was killed half way, finished by a three-way merge of
//! what it left; a commit or merge that would empty the plan, held until the person says so;
//! and what a merge or fast-forward brought in, read back and rolled back when goalcoach
//! could not keep it (a link, an unreadable plan, a plan bigger than it reads).

use super::git::Git;
use crate::model::Plan;
use crate::model::merge3;
use crate::model::text::plural;
use crate::store::{self, PLAN_FILE, Store};
use anyhow::Result;
use chrono::{Local, NaiveDate};
use std::path::Path;

/// Where sync notes the commit it is merging from, while it merges (inside `.git`).
const MARK_FILE: &str = "goalcoach-sync-in-progress";
/// A commit or merge that removes at least this many items, and more than half the plan, or
/// every item, waits for `--allow-deleting`.
const MANY_ITEMS: usize = 10;
/// What is never to be a tree entry of the repository: goalcoach's own files beside the plan.
const NEVER_TRACKED: [&str; 3] = ["plan.lock", "backups", crate::store::VIEW_FILE];

/// git's lock files in the repository that a killed git left behind; each is removed, and
/// named in what is returned.
pub fn clear_stale_git_files(dir: &Path) -> Vec<String> {
    let git_dir = dir.join(".git");
    let mut cleared = Vec::new();
    // Every `*.lock` at the top of .git (index, HEAD, ORIG_HEAD, AUTO_MERGE, config,
    // packed-refs…) and under refs/.
    let mut locks = Vec::new();
    collect_locks(&git_dir, &mut locks, false);
    collect_locks(&git_dir.join("refs"), &mut locks, true);
    locks.retain(|lock| std::fs::symlink_metadata(lock).is_ok());
    wait_for_a_finishing_git(&locks);
    for lock in locks {
        if std::fs::symlink_metadata(&lock).is_ok() && std::fs::remove_file(&lock).is_ok() {
            let name = lock
                .strip_prefix(dir)
                .unwrap_or(&lock)
                .display()
                .to_string();
            cleared.push(name);
        }
    }
    remove_merge_temps(dir);
    if cleared.is_empty() {
        return Vec::new();
    }
    vec![format!(
        "cleared {} a stopped git left behind ({})",
        if cleared.len() == 1 {
            "a lock file"
        } else {
            "lock files"
        },
        cleared.join(", ")
    )]
}

/// A git whose goalcoach was killed may still be finishing (it holds no goalcoach lock, but
/// does its own): give it a moment to let go before its locks are taken for stale.
fn wait_for_a_finishing_git(locks: &[std::path::PathBuf]) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(3);
    while locks.iter().any(|l| l.exists()) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// The `*.lock` files in `dir` (and below it, with `deep`).
fn collect_locks(dir: &Path, out: &mut Vec<std::path::PathBuf>, deep: bool) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() && deep => collect_locks(&path, out, true),
            Ok(t) if !t.is_dir() && path.extension().is_some_and(|e| e == "lock") => out.push(path),
            _ => {}
        }
    }
}

/// The `.merge_file_*` temps git's merge leaves in the working tree when it is killed.
fn remove_merge_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(".merge_file_") && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The plan as a commit holds it, when it has a readable one.
pub fn plan_at(git: &Git, dir: &Path, commit: &str) -> Option<Plan> {
    let out = git
        .output(&["show", &format!("{commit}:{PLAN_FILE}")])
        .ok()?;
    if !out.status.success() {
        return None;
    }
    store::parse_plan(&dir.join(PLAN_FILE), &out.stdout).ok()
}

/// The current commit, when there is one.
pub fn head(git: &Git) -> Option<String> {
    git.run(&["rev-parse", "--verify", "-q", "HEAD"]).ok()
}

/// Notes that a merge from `commit` is under way, so that a sync killed in it is finished
/// by the next one.
pub fn mark_merge(dir: &Path, commit: &str) -> Result<()> {
    let path = dir.join(".git").join(MARK_FILE);
    std::fs::write(&path, format!("{commit}\n"))
        .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))
}

/// The merge went through or was rolled back: nothing is left to finish.
pub fn unmark_merge(dir: &Path) {
    let _ = std::fs::remove_file(dir.join(".git").join(MARK_FILE));
}

fn marked_merge(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join(".git").join(MARK_FILE)).ok()?;
    let commit = text.trim();
    (!commit.is_empty() && commit.chars().all(|c| c.is_ascii_hexdigit())).then(|| commit.into())
}

/// The name in `backups/` for the plan as it was before the day's last merge.
pub fn before_sync_name(today: NaiveDate) -> String {
    format!("plan-{today}-before-sync.json")
}

/// A name in `backups/` for the plan as it was at a moment of sync.
pub fn backup_name(today: NaiveDate, what: &str) -> String {
    format!("plan-{today}-{what}-{}.json", Local::now().format("%H%M%S"))
}

/// Brings back a plan a killed sync left behind: plan.json missing, half written by git, or
/// the one from before a merge git had already committed. The plan before the merge, what
/// is on disk and what the last commit holds are merged three ways, so the person's edits
/// since and the other computer's both stay. Without a sync to finish, a missing plan.json
/// is brought back from the last commit rather than shared as "every item deleted".
pub fn recover_interrupted(
    git: &Git,
    dir: &Path,
    store: &mut Store,
    today: NaiveDate,
) -> Result<Vec<String>> {
    let Some(head) = head(git) else {
        unmark_merge(dir);
        return Ok(Vec::new());
    };
    let committed = plan_at(git, dir, &head);
    let on_disk = store::read_plan_file(&store.plan_path())
        .ok()
        .flatten()
        .and_then(|bytes| store::parse_plan(&store.plan_path(), &bytes).ok());
    let missing = !std::fs::symlink_metadata(store.plan_path()).is_ok_and(|m| m.is_file());
    let said = match (marked_merge(dir), on_disk, committed) {
        (Some(_), Some(on_disk), Some(committed)) if on_disk == committed => None,
        (Some(from), on_disk, Some(committed)) => {
            let base = plan_at(git, dir, &from);
            let mine = on_disk.unwrap_or_else(|| base.clone().unwrap_or_default());
            let merged = merge3::merge(base, mine, committed);
            store.replace(&merged.plan, &backup_name(today, "left-by-a-stopped-sync"))?;
            Some(
                "finished a sync that was stopped half way (the plan is whole again; what it \
                 found on disk is kept in backups/)"
                    .to_string(),
            )
        }
        (None, None, Some(committed)) if missing && committed.item_count() > 0 => {
            store.replace(&committed, &before_sync_name(today))?;
            Some(format!(
                "plan.json was missing, so the plan as last synced ({}) was put back rather \
                 than shared as deleted; to empty the plan, delete its goals in goalcoach",
                plural(committed.item_count(), "item")
            ))
        }
        _ => None,
    };
    unmark_merge(dir);
    Ok(said.into_iter().collect())
}

/// When going from `before` to `after` deletes the whole plan, or most of a large one:
/// "2 of its 2 items". Such a change waits for the person's word (`--allow-deleting`).
pub fn mass_deletion(before: &Plan, after: &Plan) -> Option<String> {
    let (had, has) = (before.item_count(), after.item_count());
    let removed = had.saturating_sub(has);
    let emptied = had > 0 && has == 0;
    let most = removed >= MANY_ITEMS && removed * 2 > had;
    (emptied || most).then(|| format!("{removed} of its {}", plural(had, "item")))
}

/// Reads back what a merge or fast-forward put in the working tree: plan.json a regular,
/// readable plan goalcoach can write again, none of goalcoach's own files tracked, no links.
/// Returns the merged plan, or why it cannot be kept.
pub fn check_merged(git: &Git, dir: &Path) -> std::result::Result<Plan, String> {
    let tree = git
        .run(&["ls-tree", "HEAD"])
        .map_err(|e| format!("{e:#}"))?;
    for line in tree.lines() {
        let Some((meta, name)) = line.split_once('\t') else {
            continue;
        };
        let mode = meta.split_whitespace().next().unwrap_or("");
        let name = name.trim_matches('"');
        if mode == "120000" {
            return Err(format!("{name} is a symbolic link in the commit"));
        }
        if mode == "160000" {
            return Err(format!("{name} is a submodule in the commit"));
        }
        if NEVER_TRACKED.contains(&name) {
            return Err(format!(
                "{name} is in the commit, and it is goalcoach's own file"
            ));
        }
        if name == PLAN_FILE && mode != "100644" && mode != "100755" {
            return Err(format!("{name} is not a plain file in the commit"));
        }
    }
    let path = dir.join(PLAN_FILE);
    for name in [PLAN_FILE, "plan.lock"] {
        let p = dir.join(name);
        if let Ok(meta) = std::fs::symlink_metadata(&p)
            && !meta.is_file()
        {
            return Err(format!("{name} is not a regular file"));
        }
    }
    if std::fs::symlink_metadata(dir.join("backups")).is_ok_and(|m| !m.is_dir()) {
        return Err("backups is not a directory".to_string());
    }
    let bytes = match store::read_plan_file(&path) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Err("the commit has no plan.json".to_string()),
        Err(e) => return Err(format!("its plan.json: {}", e.what_is_wrong())),
    };
    let plan = store::parse_plan(&path, &bytes)
        .map_err(|e| format!("its plan.json: {}", e.what_is_wrong()))?;
    store::check_writable(&plan, &path).map_err(|e| e.to_string())?;
    Ok(plan)
}

/// Makes plan.json private again after git wrote it (git writes with the umask's mode).
pub fn make_private(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.join(PLAN_FILE);
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
            let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
        }
    }
}

/// How old a lock file in a remote on this computer must be before sync takes it for one a
/// stopped push left (a push to a local disk holds its locks for well under this).
const REMOTE_LOCK_AGE: std::time::Duration = std::time::Duration::from_secs(5);

/// When a push failed on a lock file in a remote that is a folder on this computer (a USB
/// disk, a shared folder), and that lock is a stopped push's (no one let go of it for
/// `REMOTE_LOCK_AGE`): removes it and says so. `None` when the failure was something else.
pub fn clear_stale_remote_lock(remote_url: &str, error: &str) -> Option<String> {
    let remote = std::fs::canonicalize(remote_url).ok()?;
    let (_, rest) = error.split_once("Unable to create '")?;
    let (lock, _) = rest.split_once("': File exists")?;
    let lock = Path::new(lock);
    let inside = lock
        .parent()
        .and_then(|p| std::fs::canonicalize(p).ok())
        .is_some_and(|p| p.starts_with(&remote));
    if !inside || lock.extension().is_none_or(|e| e != "lock") {
        return None;
    }
    let deadline = std::time::Instant::now() + REMOTE_LOCK_AGE * 2;
    loop {
        let age = std::fs::symlink_metadata(lock)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|m| m.elapsed().ok());
        match age {
            None => return Some("waited for another push to the remote to finish".into()),
            Some(age) if age >= REMOTE_LOCK_AGE => break,
            Some(_) if std::time::Instant::now() >= deadline => return None,
            Some(_) => std::thread::sleep(std::time::Duration::from_millis(200)),
        }
    }
    std::fs::remove_file(lock).ok()?;
    Some(format!(
        "cleared a lock file a stopped push left in the remote ({})",
        lock.display()
    ))
}
