//! Using one plan on several computers. git carries the plan between machines (any remote:
//! a bare repository on a USB disk, a server over ssh, a hosted one); goalcoach's three-way
//! merge (`model::merge3`) joins two copies, as git's merge driver for plan.json. Also the
//! conflict copies file-sync tools leave beside plan.json (`copies`).

pub mod copies;
mod git;

use crate::model::Plan;
use crate::model::merge3;
use crate::model::text::plural;
use crate::store::{self, PLAN_FILE, Store};
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use git::Git;
use std::path::Path;

/// What `.gitattributes` says, so git asks goalcoach to merge the plan.
const ATTRIBUTES: &str = "plan.json merge=goalcoach\n";
/// What stays out of the repository: the lock, backups, save temp files, conflict copies.
const IGNORED: &str = "plan.lock\nbackups/\n.plan.json.tmp.*\nplan.conflict-*.json\n\
plan.sync-conflict-*.json\nplan (*conflicted copy*).json\nplan_conflict-*.json\n";

/// Arguments of `goalcoach sync`.
#[derive(Debug, clap::Args)]
pub struct SyncArgs {
    /// Make the data directory a git repository set up for goalcoach, and join REMOTE.
    #[arg(long)]
    pub init: bool,
    /// With --init: the git repository to share through (a path, or a URL like
    /// ssh://host/path/plan.git); its plan is taken when this computer has none.
    #[arg(requires = "init")]
    pub remote: Option<String>,
    /// Merge the conflict copies a file-sync tool left beside the plan, then move them into
    /// backups/.
    #[arg(long, conflicts_with = "init")]
    pub merge_copies: bool,
}

/// Runs `goalcoach sync` as its arguments say.
pub fn run(dir: &Path, today: NaiveDate, args: &SyncArgs) -> Result<String> {
    if args.init {
        init(dir, args.remote.as_deref(), today)
    } else if args.merge_copies {
        copies::merge_all(dir, today)
    } else {
        sync(dir, today)
    }
}

/// `goalcoach merge BASE OURS THEIRS`, git's merge-driver contract: the result goes into
/// OURS; an empty or missing BASE means the two share no history. Fails, writing nothing,
/// only when OURS or THEIRS cannot be read.
pub fn merge_files(base: &Path, ours: &Path, theirs: &Path) -> Result<String> {
    let read = |path: &Path| -> Result<Option<Plan>> {
        match store::read_plan_file(path)? {
            Some(bytes) if !bytes.iter().all(u8::is_ascii_whitespace) => {
                Ok(Some(store::parse_plan(path, &bytes)?))
            }
            _ => Ok(None),
        }
    };
    let ours_plan =
        read(ours)?.with_context(|| format!("{} is empty or missing", ours.display()))?;
    let theirs_plan =
        read(theirs)?.with_context(|| format!("{} is empty or missing", theirs.display()))?;
    let base_plan = read(base).unwrap_or(None);
    let merged = merge3::merge(base_plan, ours_plan, theirs_plan);
    store::write_copy(&merged.plan, ours)?;
    Ok(merged.report.summary())
}

/// The lock, held while git works on plan.json; refused while the app has the plan open.
fn hold_lock(dir: &Path, today: NaiveDate) -> Result<(Store, Plan)> {
    let (store, plan) = Store::open(dir, today)?;
    if let Some(holder) = store.read_only_reason() {
        bail!(
            "{holder} has {} open; quit it, then run goalcoach sync again",
            store.plan_path().display()
        );
    }
    Ok((store, plan))
}

/// `goalcoach sync --init [REMOTE]`: makes the data directory a repository set up for
/// goalcoach, and joins REMOTE (taking its plan when this directory has none).
pub fn init(dir: &Path, remote: Option<&str>, today: NaiveDate) -> Result<String> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let git = Git::at(dir)?;
    let lock = hold_lock(dir, today)?;
    if !git.is_repository() {
        git.run(&["init", "-q"])?;
        git.run(&["symbolic-ref", "HEAD", "refs/heads/main"])?;
    }
    register_driver(&git)?;
    let mut said = vec![format!(
        "{} is a git repository for goalcoach",
        dir.display()
    )];
    if let Some(remote) = remote {
        match git.remote() {
            Some(name) => git.run(&["remote", "set-url", &name, remote])?,
            None => git.run(&["remote", "add", "origin", remote])?,
        };
        git.run_remote(&["fetch", "-q", "origin"])?;
        let has_plan = dir.join(PLAN_FILE).exists();
        let fresh = !has_plan && !git.succeeds(&["rev-parse", "--verify", "-q", "HEAD"]);
        if let Some(branch) = remote_branch(&git, "origin").filter(|_| fresh) {
            git.run(&["checkout", "-q", "-B", "main", &format!("origin/{branch}")])?;
            said.push(format!("took the plan from {remote}"));
        }
    }
    write_setup_files(dir)?;
    drop(lock);
    let synced = sync(dir, today)?;
    said.push(synced);
    Ok(said.join("; "))
}

/// The branch the remote's HEAD names, or `main` / `master` when it has one of those.
fn remote_branch(git: &Git, remote: &str) -> Option<String> {
    let head = git
        .run(&[
            "symbolic-ref",
            "--short",
            &format!("refs/remotes/{remote}/HEAD"),
        ])
        .ok()
        .and_then(|r| r.split_once('/').map(|(_, b)| b.to_string()));
    head.or_else(|| {
        ["main", "master"]
            .into_iter()
            .find(|b| git.succeeds(&["rev-parse", "--verify", "-q", &format!("{remote}/{b}")]))
            .map(str::to_string)
    })
}

fn register_driver(git: &Git) -> Result<()> {
    let exe = std::env::current_exe().context("cannot tell where goalcoach is installed")?;
    let quoted = format!("'{}'", exe.display().to_string().replace('\'', r"'\''"));
    git.run(&[
        "config",
        "merge.goalcoach.name",
        "goalcoach three-way merge by id",
    ])?;
    git.run(&[
        "config",
        "merge.goalcoach.driver",
        &format!("{quoted} merge %O %A %B"),
    ])?;
    Ok(())
}

fn write_setup_files(dir: &Path) -> Result<()> {
    for (name, wanted) in [(".gitattributes", ATTRIBUTES), (".gitignore", IGNORED)] {
        let path = dir.join(name);
        let now = std::fs::read_to_string(&path).unwrap_or_default();
        let missing: String = wanted
            .lines()
            .filter(|line| !now.lines().any(|l| l.trim() == *line))
            .map(|line| format!("{line}\n"))
            .collect();
        if !missing.is_empty() {
            let mut text = now;
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(&missing);
            std::fs::write(&path, text)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    Ok(())
}

/// `goalcoach sync`: commits the plan, fetches, merges through goalcoach's driver, pushes,
/// and says what came in. On any failure the repository is left as it was before the merge.
pub fn sync(dir: &Path, today: NaiveDate) -> Result<String> {
    let git = Git::at(dir)?;
    if !git.is_repository() {
        bail!(
            "{} is not set up for sync yet; run `goalcoach sync --init REMOTE` (REMOTE: a \
             path or URL of a git repository; leave it out to only keep history here)",
            dir.display()
        );
    }
    let (_store, _) = hold_lock(dir, today)?;
    register_driver(&git)?;
    write_setup_files(dir)?;
    abort_unfinished_merge(&git);
    let committed = commit_changes(&git, dir)?;
    let Some(remote) = git.remote() else {
        return Ok(format!(
            "{committed}; no remote to sync with (goalcoach sync --init REMOTE adds one)"
        ));
    };
    let branch = git.branch();
    let mut attempts = 0;
    loop {
        attempts += 1;
        git.run_remote(&["fetch", "-q", &remote])?;
        let upstream = format!("{remote}/{branch}");
        let incoming = if git.succeeds(&["rev-parse", "--verify", "-q", &upstream]) {
            merge_upstream(&git, dir, &upstream)?
        } else {
            "nothing there yet".to_string()
        };
        match git.run_remote(&["push", "-q", &remote, &format!("HEAD:refs/heads/{branch}")]) {
            Ok(()) => {
                let _ = git.run(&["branch", "-q", "--set-upstream-to", &upstream]);
                return Ok(format!("{committed}; from {remote}: {incoming}; pushed"));
            }
            Err(e) if attempts >= 3 => return Err(e),
            Err(_) => continue, // someone pushed meanwhile: fetch and merge again
        }
    }
}

fn abort_unfinished_merge(git: &Git) {
    if git.succeeds(&["rev-parse", "--verify", "-q", "MERGE_HEAD"]) {
        let _ = git.run(&["merge", "--abort"]);
    }
}

/// Commits plan.json and the setup files when they changed; says what was committed.
fn commit_changes(git: &Git, dir: &Path) -> Result<String> {
    git.run(&["add", "--", PLAN_FILE, ".gitattributes", ".gitignore"])
        .or_else(|_| git.run(&["add", "--", ".gitattributes", ".gitignore"]))?;
    if git.succeeds(&["diff", "--cached", "--quiet"]) {
        return Ok("nothing new here".to_string());
    }
    let before = plan_at(git, dir, "HEAD").unwrap_or_default();
    let now = store::read_plan(dir).map(|(p, _)| p).unwrap_or_default();
    let report = merge3::changes(&before, &now);
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
    let message = format!("goalcoach on {}: {what}", git::host_name());
    git.run(&["commit", "-q", "-m", &message])?;
    Ok(format!("committed {what}"))
}

/// The plan as a commit holds it.
fn plan_at(git: &Git, dir: &Path, commit: &str) -> Option<Plan> {
    let out = git
        .output(&["show", &format!("{commit}:{PLAN_FILE}")])
        .ok()?;
    if !out.status.success() {
        return None;
    }
    store::parse_plan(&dir.join(PLAN_FILE), &out.stdout).ok()
}

/// Merges `upstream` into the current branch; on failure aborts, leaving no merge half done.
fn merge_upstream(git: &Git, dir: &Path, upstream: &str) -> Result<String> {
    let before = store::read_plan(dir).map(|(p, _)| p).unwrap_or_default();
    let merged = git.run(&[
        "merge",
        "-q",
        "--no-edit",
        "--allow-unrelated-histories",
        upstream,
    ]);
    if let Err(e) = merged {
        abort_unfinished_merge(git);
        return Err(e.context("the merge did not go through; nothing changed here"));
    }
    let after = store::read_plan(dir).map(|(p, _)| p)?;
    let report = merge3::changes(&before, &after);
    Ok(report.summary())
}
