//! Sync never deletes or poisons a plan: a missing plan.json, a plan emptied by accident, a
//! remote that sends a link, a broken plan or its own merge rule, git's stale lock files, a
//! sync killed at any moment, and hundreds of rounds of random edits on two computers. Real
//! `git`, a bare remote, two data dirs, and a plain git clone as the attacker.

mod common;
#[path = "common/files.rs"]
mod files;
#[path = "common/world.rs"]
mod world;

use files::{TODAY, open_on};
use goalcoach::model::Plan;
use goalcoach::store::PLAN_FILE;
use std::path::{Path, PathBuf};
use world::World;

fn load(dir: &Path) -> Plan {
    open_on(dir, TODAY.parse().unwrap()).1
}

fn titles(plan: &Plan) -> Vec<String> {
    let mut all = Vec::new();
    for g in &plan.goals {
        all.push(g.title.clone());
        all.extend(g.milestones.iter().map(|m| m.title.clone()));
        all.extend(g.all_steps().map(|s| s.title.clone()));
    }
    all.sort();
    all
}

/// Two computers sharing one plan of `goals` goals through the world's remote.
fn two_computers(w: &World, goals: &[&str]) -> (PathBuf, PathBuf) {
    let (a, b) = (w.dir("laptop"), w.dir("desktop"));
    for g in goals {
        w.ok(&a, &["add", g]);
    }
    let remote = w.remote();
    w.ok(&a, &["sync", "--init", remote.to_str().unwrap()]);
    w.ok(&b, &["sync", "--init", remote.to_str().unwrap()]);
    (a, b)
}

/// A plain git clone of the remote, to push what goalcoach never would.
fn attacker(w: &World) -> PathBuf {
    let c = w.dir("attacker");
    let out = w.git(
        &w.root,
        &[
            "clone",
            "-q",
            "-b",
            "main",
            w.remote().to_str().unwrap(),
            c.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for args in [
        &["config", "user.name", "Mallory"][..],
        &["config", "user.email", "m@example.org"],
    ] {
        w.git(&c, args);
    }
    c
}

fn push_all(w: &World, c: &Path, message: &str) {
    for args in [
        &["add", "-A"][..],
        &["commit", "-q", "-m", message],
        &["push", "-q", "origin", "HEAD:main"],
    ] {
        let out = w.git(c, args);
        assert!(
            out.status.success(),
            "git {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

fn fails(w: &World, dir: &Path, args: &[&str]) -> String {
    let out = w.goalcoach(dir, args);
    assert!(
        !out.status.success(),
        "{args:?} should fail: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_missing_plan_is_put_back_and_never_synced_as_every_item_deleted() {
    let w = World::new(true);
    let (a, b) = two_computers(&w, &["Speak at a conference", "Learn Rust"]);
    std::fs::remove_file(a.join(PLAN_FILE)).unwrap();
    let said = w.ok(&a, &["sync"]);
    assert!(said.contains("plan.json was missing"), "{said}");
    assert_eq!(load(&a).goals.len(), 2, "the plan as last synced is back");
    w.ok(&b, &["sync"]);
    assert_eq!(load(&b).goals.len(), 2, "the other computer lost nothing");
    let log = w.git(&a, &["log", "--format=%s"]);
    assert!(
        !String::from_utf8_lossy(&log.stdout).contains("deleted"),
        "no commit deleted the plan"
    );
}

#[test]
fn emptying_the_plan_waits_for_the_persons_word_and_a_sent_emptying_is_not_taken() {
    let w = World::new(true);
    let (a, b) = two_computers(&w, &["Speak at a conference", "Learn Rust"]);
    w.ok(&a, &["delete", "1"]);
    w.ok(&a, &["delete", "2"]);
    let said = fails(&w, &a, &["sync"]);
    assert!(said.contains("--allow-deleting"), "{said}");
    w.ok(&b, &["sync"]);
    assert_eq!(load(&b).goals.len(), 2, "nothing went out");
    let said = w.ok(&a, &["sync", "--allow-deleting"]);
    assert!(said.contains("2 items deleted"), "{said}");

    // What an older goalcoach (or a hand) pushed: the other computer does not take it blind.
    let said = fails(&w, &b, &["sync"]);
    assert!(said.contains("--allow-deleting"), "{said}");
    assert_eq!(load(&b).goals.len(), 2, "rolled back, plan whole");
    w.ok(&b, &["sync", "--allow-deleting"]);
    assert!(load(&b).goals.is_empty());
}

#[test]
fn a_plan_sent_as_a_symlink_is_refused_rolled_back_and_restore_never_writes_through_it() {
    let w = World::new(true);
    let (a, _b) = two_computers(&w, &["Speak at a conference"]);
    let secret = w.root.join("home/.bashrc");
    std::fs::write(&secret, "# my shell\n").unwrap();
    let c = attacker(&w);
    std::fs::remove_file(c.join(PLAN_FILE)).unwrap();
    std::os::unix::fs::symlink(&secret, c.join(PLAN_FILE)).unwrap();
    push_all(&w, &c, "plan.json as a link");
    let before = std::fs::read(a.join(PLAN_FILE)).unwrap();
    let said = fails(&w, &a, &["sync"]);
    assert!(
        said.contains("cannot be taken") && said.contains("nothing was pushed"),
        "{said}"
    );
    let meta = std::fs::symlink_metadata(a.join(PLAN_FILE)).unwrap();
    assert!(meta.is_file(), "plan.json is still a file");
    assert_eq!(std::fs::read(a.join(PLAN_FILE)).unwrap(), before);

    // A link put there by hand to a file that is not a plan: restore will not write into it.
    std::fs::remove_file(a.join(PLAN_FILE)).unwrap();
    std::os::unix::fs::symlink(&secret, a.join(PLAN_FILE)).unwrap();
    let said = fails(&w, &a, &["restore", "1"]);
    assert!(said.contains("not a goalcoach plan"), "{said}");
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), "# my shell\n");
}

#[test]
fn a_broken_plan_from_the_remote_is_rolled_back_even_on_a_fast_forward() {
    let w = World::new(true);
    let (a, _b) = two_computers(&w, &["Speak at a conference"]);
    let c = attacker(&w);
    std::fs::write(
        c.join(PLAN_FILE),
        "{ \"schema_version\": 2, \"goals\": [ oops",
    )
    .unwrap();
    push_all(&w, &c, "broken plan");
    let head_before = w.git(&a, &["rev-parse", "--short", "HEAD"]);
    let head_before = String::from_utf8_lossy(&head_before.stdout)
        .trim()
        .to_string();
    let said = fails(&w, &a, &["sync"]);
    assert!(said.contains("cannot be taken"), "{said}");
    assert!(
        said.contains(&head_before),
        "names the commit it is back at: {said}"
    );
    assert!(!said.contains("goalcoach has not changed it"), "{said}");
    assert_eq!(load(&a).goals.len(), 1, "the plan reads as before");
}

#[test]
fn a_remote_gitattributes_cannot_replace_goalcoachs_merge() {
    let w = World::new(true);
    let (a, b) = two_computers(&w, &["Speak at a conference"]);
    let c = attacker(&w);
    std::fs::write(c.join(".gitattributes"), "plan.json merge=union\n").unwrap();
    push_all(&w, &c, "union merge");
    w.ok(&a, &["sync"]);
    w.ok(&b, &["sync"]);
    w.ok(&a, &["add", "From the laptop"]);
    w.ok(&b, &["add", "From the desktop"]);
    w.ok(&a, &["sync"]);
    w.ok(&b, &["sync"]);
    w.ok(&a, &["sync"]);
    for dir in [&a, &b] {
        let plan = load(dir);
        assert_eq!(
            titles(&plan),
            [
                "From the desktop",
                "From the laptop",
                "Speak at a conference"
            ]
        );
    }
    let attributes = std::fs::read_to_string(a.join(".git/info/attributes")).unwrap();
    assert!(
        attributes.contains("plan.json merge=goalcoach"),
        "{attributes}"
    );
}

#[test]
fn stale_git_locks_and_merge_temps_are_cleared_and_said() {
    let w = World::new(true);
    let (a, _b) = two_computers(&w, &["Speak at a conference"]);
    std::fs::write(a.join(".git/index.lock"), "").unwrap();
    std::fs::write(a.join(".git/HEAD.lock"), "").unwrap();
    std::fs::write(a.join(".git/AUTO_MERGE.lock"), "").unwrap();
    std::fs::write(a.join(".merge_file_abc123"), "x").unwrap();
    w.ok(&a, &["add", "Learn Rust"]);
    let said = w.ok(&a, &["sync"]);
    assert!(said.contains("cleared lock files"), "{said}");
    assert!(
        said.contains("index.lock") && said.contains("AUTO_MERGE.lock"),
        "{said}"
    );
    assert!(!a.join(".merge_file_abc123").exists());
    assert!(said.contains("pushed"), "{said}");
}

#[test]
fn after_a_merge_the_plan_is_private_and_goalcoachs_own_files_stay_out_of_git() {
    let w = World::new(true);
    let (a, b) = two_computers(&w, &["Speak at a conference"]);
    w.ok(&a, &["add", "From the laptop"]);
    w.ok(&b, &["add", "From the desktop"]);
    w.ok(&a, &["sync"]);
    w.ok(&b, &["sync"]);
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(b.join(PLAN_FILE))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    let ignored = std::fs::read_to_string(b.join(".gitignore")).unwrap();
    assert!(ignored.lines().any(|l| l == "view.json"), "{ignored}");
    assert!(
        b.join(format!("backups/plan-{TODAY}-before-sync.json"))
            .exists(),
        "the plan was backed up before git rewrote it"
    );
}

/// A small random number source, so a failing round can be replayed from its seed.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

#[test]
fn random_edits_on_two_computers_and_syncs_in_any_order_lose_nothing() {
    let w = World::new(true);
    let (a, b) = two_computers(&w, &["Seed goal"]);
    let mut dice = Dice(0x5EED);
    let mut added: Vec<String> = vec!["Seed goal".into()];
    let rounds = 60;
    for round in 0..rounds {
        for (name, dir) in [("laptop", &a), ("desktop", &b)] {
            match dice.roll(4) {
                0 | 1 => {
                    let title = format!("{name} goal {round}");
                    w.ok(dir, &["add", &title]);
                    added.push(title);
                }
                2 => {
                    let title = format!("{name} step {round}");
                    w.ok(dir, &["add", "--under", "1", "--step", &title]);
                    added.push(title);
                }
                _ => {
                    let note = format!("{name} round {round}");
                    w.ok(dir, &["checkin", "1", "--note", &note]);
                }
            }
        }
        match dice.roll(3) {
            0 => w.ok(&a, &["sync"]),
            1 => w.ok(&b, &["sync"]),
            _ => {
                w.ok(&b, &["sync"]);
                w.ok(&a, &["sync"])
            }
        };
    }
    w.ok(&a, &["sync"]);
    w.ok(&b, &["sync"]);
    w.ok(&a, &["sync"]);
    let (pa, pb) = (load(&a), load(&b));
    assert_eq!(
        std::fs::read(a.join(PLAN_FILE)).unwrap(),
        std::fs::read(b.join(PLAN_FILE)).unwrap(),
        "both computers end with the same plan"
    );
    let have = titles(&pa);
    for t in &added {
        assert!(have.contains(t), "{t} was lost");
    }
    assert_eq!(titles(&pb), have);
    println!(
        "two computers: {rounds} rounds, {} items added, all kept, plans identical",
        added.len()
    );
}

#[test]
fn a_sync_killed_at_any_moment_loses_nothing_and_the_next_sync_goes_through() {
    let w = World::new(true);
    let (a, b) = two_computers(&w, &["Seed goal"]);
    let mut dice = Dice(0xC0FFEE);
    let mut added: Vec<String> = vec!["Seed goal".into()];
    let rounds = 30;
    let (mut killed, mut recovered) = (0, 0);
    for round in 0..rounds {
        let (ta, tb) = (format!("laptop {round}"), format!("desktop {round}"));
        w.ok(&a, &["add", &ta]);
        w.ok(&b, &["add", &tb]);
        added.extend([ta, tb]);
        w.ok(&b, &["sync"]);
        use std::os::unix::process::CommandExt;
        let mut child = w
            .goalcoach_command(&a, &["sync"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap();
        let delay = dice.roll(500);
        std::thread::sleep(std::time::Duration::from_millis(delay));
        if child.try_wait().unwrap().is_none() {
            // As a closed terminal or Ctrl-C would: goalcoach and the git it runs, at once.
            let group = format!("-{}", child.id());
            let _ = std::process::Command::new("kill")
                .args(["-KILL", "--", &group])
                .status();
            killed += 1;
        }
        let _ = child.wait();
        let said = w.ok(&a, &["sync"]);
        assert!(said.contains("pushed"), "round {round}: {said}");
        if said.contains("stopped half way") || said.contains("cleared") {
            recovered += 1;
        }
        let have = titles(&load(&a));
        for t in &added {
            assert!(
                have.contains(t),
                "round {round} (kill after {delay} ms): {t} lost"
            );
        }
    }
    w.ok(&b, &["sync"]);
    let have = titles(&load(&b));
    for t in &added {
        assert!(have.contains(t), "{t} lost on the other computer");
    }
    println!(
        "kill during sync: {rounds} rounds, {killed} syncs killed, {recovered} left something \
         the next sync cleared or finished, nothing lost"
    );
}
