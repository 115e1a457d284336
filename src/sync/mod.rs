//! Using one plan on several computers. git carries the plan between machines (any remote:
//! a bare repository on a USB disk, a server over ssh, a hosted one); goalcoach's three-way
//! merge (`model::merge3`) joins two copies, as git's merge driver for plan.json. Also the
//! conflict copies file-sync tools leave beside plan.json (`copies`).

pub mod copies;
pub mod device;
mod git;
mod guard;
mod round;

use crate::model::Plan;
use crate::model::merge3;
use crate::store::{self, PLAN_FILE, Store};
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use git::Git;
use std::path::Path;

/// What `.gitattributes` says, so git asks goalcoach to merge the plan.
const ATTRIBUTES: &str = "plan.json merge=goalcoach\n";
/// What stays out of the repository: the lock, backups, briefs, this device's view and
/// calendar state, save temp files, conflict copies.
const IGNORED: &str = "plan.lock\nbackups/\nbriefs/\nview.json\ncalendar.json\n.plan.json.tmp.*\n.merge_file_*\n\
plan.conflict-*.json\n\
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
    /// Share (or take) a plan that lost every item, or most of them, since the last sync;
    /// without it sync stops and says so.
    #[arg(long, conflicts_with = "merge_copies")]
    pub allow_deleting: bool,
}

/// Runs `goalcoach sync` as its arguments say; `device` is this computer's sync name.
pub fn run(dir: &Path, today: NaiveDate, args: &SyncArgs, device: &str) -> Result<String> {
    let round = Round {
        today,
        allow_deleting: args.allow_deleting,
        device,
    };
    if args.init {
        init(dir, args.remote.as_deref(), &round)
    } else if args.merge_copies {
        copies::merge_all(dir, today, device)
    } else {
        sync(dir, &round)
    }
}

/// What one sync goes by: the day, whether a mass deletion may be shared, and this
/// computer's sync name.
#[derive(Clone, Copy, Debug)]
pub struct Round<'a> {
    pub today: NaiveDate,
    pub allow_deleting: bool,
    pub device: &'a str,
}

/// `goalcoach merge BASE OURS THEIRS`, git's merge-driver contract: the result goes into
/// OURS; an empty or missing BASE means the two share no history. Fails, writing nothing,
/// only when OURS or THEIRS cannot be read.
pub fn merge_files(base: &Path, ours: &Path, theirs: &Path, device: &str) -> Result<String> {
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
    let other = device::other_from_env();
    let devices = merge3::Devices {
        ours: device,
        theirs: &other,
    };
    let merged = merge3::merge_from(base_plan, ours_plan, theirs_plan, devices);
    store::write_copy(&merged.plan, ours)?;
    Ok(merged.report.summary())
}

/// The lock, held while git works on plan.json; refused while the app has the plan open.
fn hold_lock(dir: &Path, today: NaiveDate) -> Result<(Store, Plan)> {
    let mut store = hold_lock_unloaded(dir, today)?;
    let plan = store.reload()?.unwrap_or_default();
    Ok((store, plan))
}

/// The lock, without reading the plan yet (sync first brings back a plan a stopped sync left
/// missing or half written).
fn hold_lock_unloaded(dir: &Path, today: NaiveDate) -> Result<Store> {
    let store = Store::open_unloaded(dir, today)?;
    if let Some(holder) = store.read_only_reason() {
        bail!(
            "sync did not run on {}: {holder}, then run goalcoach sync again",
            store.plan_path().display()
        );
    }
    Ok(store)
}

/// `goalcoach sync --init [REMOTE]`: makes the data directory a repository set up for
/// goalcoach, and joins REMOTE (taking its plan when this directory has none).
pub fn init(dir: &Path, remote: Option<&str>, round: &Round) -> Result<String> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let git = Git::at(dir)?.with_env(device::DEVICE_ENV, round.device);
    let lock = hold_lock(dir, round.today)?;
    if !git.is_repository() {
        git.run(&["init", "-q"])?;
        git.run(&["symbolic-ref", "HEAD", "refs/heads/main"])?;
    }
    register_driver(&git, dir)?;
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
    let synced = sync(dir, round)?;
    said.push(synced);
    if let Some(remote) = remote {
        point_bare_head_at(&git, remote);
    }
    Ok(said.join("; "))
}

/// A fresh bare repository on this computer names `master` as its HEAD whatever git's
/// default, so a `git clone` of it would check out nothing: point it at the branch goalcoach
/// pushes, when its HEAD names no branch it has. Remotes elsewhere are left as they are.
fn point_bare_head_at(git: &Git, remote: &str) {
    let path = Path::new(remote);
    if !path.is_dir() {
        return;
    }
    let bare = Git::bare(path);
    let dangling = !bare.succeeds(&["rev-parse", "--verify", "-q", "HEAD"]);
    if dangling {
        let _ = bare.run(&[
            "symbolic-ref",
            "HEAD",
            &format!("refs/heads/{}", git.branch()),
        ]);
    }
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

/// Makes git merge plan.json with goalcoach: the driver in the repository's config (as
/// `goalcoach` when that is the binary on PATH, so it survives the binary moving; else this
/// binary's path), the attribute in `.git/info/attributes`, which no versioned
/// `.gitattributes` from a remote overrides, and links checked out as plain files. Run on
/// every sync, so a stale driver is repaired.
fn register_driver(git: &Git, dir: &Path) -> Result<()> {
    let exe = std::env::current_exe().context("cannot tell where goalcoach is installed")?;
    let command = if git::on_path_as("goalcoach", &exe) {
        "goalcoach".to_string()
    } else {
        format!("'{}'", exe.display().to_string().replace('\'', r"'\''"))
    };
    git.run(&[
        "config",
        "merge.goalcoach.name",
        "goalcoach three-way merge by id",
    ])?;
    git.run(&[
        "config",
        "merge.goalcoach.driver",
        &format!("{command} merge %O %A %B"),
    ])?;
    git.run(&["config", "core.symlinks", "false"])?;
    let info = dir.join(".git/info");
    std::fs::create_dir_all(&info).with_context(|| format!("cannot create {}", info.display()))?;
    add_missing_lines(&info.join("attributes"), ATTRIBUTES)
}

fn write_setup_files(dir: &Path) -> Result<()> {
    for (name, wanted) in [(".gitattributes", ATTRIBUTES), (".gitignore", IGNORED)] {
        add_missing_lines(&dir.join(name), wanted)?;
    }
    Ok(())
}

/// Adds to the file at `path` each line of `wanted` it lacks.
fn add_missing_lines(path: &Path, wanted: &str) -> Result<()> {
    let now = std::fs::read_to_string(path).unwrap_or_default();
    let missing: String = wanted
        .lines()
        .filter(|line| !now.lines().any(|l| l.trim() == *line))
        .map(|line| format!("{line}\n"))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let mut text = now;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&missing);
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

/// `goalcoach sync`: commits the plan, fetches, merges through goalcoach's driver, pushes,
/// and says what came in. On any failure the repository is left as it was before the merge.
/// A plan that would lose most of its items waits for `allow_deleting`.
pub fn sync(dir: &Path, round: &Round) -> Result<String> {
    refuse_unset(dir)?;
    let mut store = hold_lock_unloaded(dir, round.today)?;
    sync_holding(&mut store, round)
}

fn refuse_unset(dir: &Path) -> Result<()> {
    if !Git::at(dir)?.is_repository() {
        bail!(
            "{} is not set up for sync yet; run `goalcoach sync --init REMOTE` (REMOTE: a \
             path or URL of a git repository; leave it out to only keep history here)",
            dir.display()
        );
    }
    Ok(())
}

/// `sync` by the one who holds the lock already: the app, whose plan on disk is saved
/// before and read again after.
pub fn sync_holding(store: &mut Store, round: &Round) -> Result<String> {
    let Round {
        today,
        allow_deleting,
        device,
    } = *round;
    let dir = store.dir().to_path_buf();
    let dir = dir.as_path();
    refuse_unset(dir)?;
    if let Some(holder) = store.read_only_reason() {
        bail!("sync did not run: {holder}");
    }
    let git = Git::at(dir)?.with_env(device::DEVICE_ENV, device);
    let mut said = guard::clear_stale_git_files(dir);
    register_driver(&git, dir)?;
    write_setup_files(dir)?;
    abort_unfinished_merge(&git);
    said.extend(guard::recover_interrupted(&git, dir, store, today)?);
    let here = store.reload()?.unwrap_or_default();
    said.push(round::commit_changes(
        &git,
        dir,
        &here,
        allow_deleting,
        device,
    )?);
    let Some(remote) = git.remote() else {
        said.push("no remote to sync with (goalcoach sync --init REMOTE adds one)".into());
        return Ok(said.join("; "));
    };
    said.push(fetch_merge_push(&git, store, &remote, round)?);
    Ok(said.join("; "))
}

/// Fetches `remote`, merges what came, and pushes; up to three times when the push loses a
/// race (someone pushed meanwhile, or a stopped push left its lock). Says what came in.
fn fetch_merge_push(git: &Git, store: &mut Store, remote: &str, round: &Round) -> Result<String> {
    let dir = store.dir().to_path_buf();
    let branch = git.branch();
    let mut cleared = Vec::new();
    let mut attempts = 0;
    loop {
        attempts += 1;
        git.run_remote(&["fetch", "-q", remote])?;
        let upstream = format!("{remote}/{branch}");
        let incoming = if git.succeeds(&["rev-parse", "--verify", "-q", &upstream]) {
            let merge = round::Upstream {
                name: remote,
                reference: &upstream,
                allow_deleting: round.allow_deleting,
                today: round.today,
                device: round.device,
            };
            round::merge_upstream(git, &dir, store, &merge)?
        } else {
            "nothing there yet".to_string()
        };
        match git.run_remote(&["push", "-q", remote, &format!("HEAD:refs/heads/{branch}")]) {
            Ok(()) => {
                let _ = git.run(&["branch", "-q", "--set-upstream-to", &upstream]);
                cleared.push(format!("from {remote}: {incoming}; pushed"));
                return Ok(cleared.join("; "));
            }
            Err(e) if attempts >= 3 => return Err(e),
            Err(e) => {
                // A stopped push's lock in a remote folder here, or someone pushed meanwhile:
                // fetch and merge again.
                let url = git.run(&["remote", "get-url", remote]).unwrap_or_default();
                cleared.extend(guard::clear_stale_remote_lock(&url, &format!("{e:#}")));
            }
        }
    }
}

pub(super) fn abort_unfinished_merge(git: &Git) {
    if git.succeeds(&["rev-parse", "--verify", "-q", "MERGE_HEAD"]) {
        let _ = git.run(&["merge", "--abort"]);
    }
}
