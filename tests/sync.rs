//! Several computers, one plan: the real `git` in temp dirs, two data dirs and a bare
//! remote. Each test has its own HOME and git identity (or none), so nothing outside the
//! temp dir is read or written.

mod common;
#[path = "common/files.rs"]
mod files;
#[path = "common/world.rs"]
mod world;

use files::{TODAY, open_on};
use goalcoach::model::{ConflictKind, Plan};
use goalcoach::store::{PLAN_FILE, Store};
use std::path::Path;
use world::World;

fn load(dir: &Path) -> (Store, Plan) {
    open_on(dir, TODAY.parse().unwrap())
}

/// Changes the goal titled `title` in `dir` as the app would, and saves.
fn edit_goal(dir: &Path, title: &str, change: impl FnOnce(&mut goalcoach::model::Goal)) {
    let (mut store, mut plan) = load(dir);
    let goal = plan.goals.iter_mut().find(|g| g.title == title).unwrap();
    change(goal);
    store.save(&plan).unwrap();
}

fn titles(plan: &Plan) -> Vec<String> {
    let mut all = Vec::new();
    for g in &plan.goals {
        all.push(g.title.clone());
        all.extend(g.all_steps().map(|s| s.title.clone()));
    }
    all.sort();
    all
}

#[test]
fn two_computers_sync_through_a_bare_remote_and_end_with_the_same_plan() {
    let w = World::new(true);
    let (a, b) = (w.dir("laptop"), w.dir("desktop"));
    let remote = w.remote();
    let remote = remote.to_str().unwrap();
    w.ok(&a, &["add", "Speak at a conference"]);
    let said = w.ok(&a, &["sync", "--init", remote]);
    assert!(said.contains("pushed"), "{said}");
    let said = w.ok(&b, &["sync", "--init", remote]);
    assert!(said.contains("took the plan"), "{said}");
    assert_eq!(
        std::fs::read(a.join(PLAN_FILE)).unwrap(),
        std::fs::read(b.join(PLAN_FILE)).unwrap()
    );

    w.ok(&a, &["add", "Learn Rust"]);
    w.ok(
        &a,
        &["add", "--under", "1", "--step", "Pick three conferences"],
    );
    w.ok(&a, &["checkin", "1", "--note", "laptop check-in"]);
    edit_goal(&a, "Speak at a conference", |g| {
        g.notes = "from the laptop".into()
    });
    w.ok(&b, &["add", "Write a blog post"]);
    w.ok(&b, &["add", "--under", "1", "--step", "Ask Ana to review"]);
    w.ok(
        &b,
        &[
            "checkin",
            "1",
            "--confidence",
            "4",
            "--note",
            "desktop check-in",
        ],
    );
    edit_goal(&b, "Speak at a conference", |g| {
        g.deadline = Some("2027-06-30".parse().unwrap())
    });

    w.ok(&a, &["sync"]);
    let said = w.ok(&b, &["sync"]);
    assert!(
        said.contains("2 goals") && said.contains("1 step"),
        "{said}"
    );
    let said = w.ok(&a, &["sync"]);
    assert!(said.contains("changed elsewhere"), "{said}");

    let bytes_a = std::fs::read(a.join(PLAN_FILE)).unwrap();
    assert_eq!(
        bytes_a,
        std::fs::read(b.join(PLAN_FILE)).unwrap(),
        "byte-identical"
    );
    let (_, plan) = load(&a);
    assert_eq!(
        titles(&plan),
        [
            "Ask Ana to review",
            "Learn Rust",
            "Pick three conferences",
            "Speak at a conference",
            "Write a blog post"
        ]
    );
    let goal = &plan.goals[0];
    assert_eq!(goal.notes, "from the laptop");
    assert_eq!(goal.deadline, Some("2027-06-30".parse().unwrap()));
    assert_eq!(goal.checkins.len(), 2);
    assert!(plan.conflicts.is_empty(), "{:?}", plan.conflicts);
    let mut nums = Vec::new();
    plan.for_each_item(|_, n, _| nums.push(n.0));
    nums.sort();
    nums.dedup();
    assert_eq!(nums.len(), 5, "every item has its own #number");
    let status = w.git(&a, &["status", "--porcelain"]);
    assert!(
        status.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&status.stdout)
    );
}

/// A laptop and a desktop share one goal through the remote, then each retitles it (RustConf
/// on the laptop, FOSDEM on the desktop) without syncing.
fn retitled_on_both(w: &World) -> (std::path::PathBuf, std::path::PathBuf) {
    let (a, b) = (w.dir("laptop"), w.dir("desktop"));
    let remote = w.remote();
    let remote = remote.to_str().unwrap();
    w.ok(&a, &["add", "Speak at a conference"]);
    w.ok(&a, &["sync", "--init", remote]);
    w.ok(&b, &["sync", "--init", remote]);
    edit_goal(&a, "Speak at a conference", |g| {
        g.title = "Speak at RustConf".into()
    });
    edit_goal(&b, "Speak at a conference", |g| {
        g.title = "Speak at FOSDEM".into()
    });
    (a, b)
}

#[test]
fn the_same_field_edited_on_both_keeps_both_values_until_one_is_chosen() {
    let w = World::new(false);
    let (a, b) = retitled_on_both(&w);
    w.ok(&a, &["sync"]);
    let said = w.ok(&b, &["sync"]);
    assert!(said.contains("1 conflict to choose"), "{said}");
    let log = w.git(&b, &["log", "-1", "--format=%an <%ae>"]);
    assert!(
        String::from_utf8_lossy(&log.stdout).starts_with("goalcoach <goalcoach@"),
        "works without a git identity"
    );
    let listed = w.ok(&b, &["list"]);
    assert!(listed.contains("Speak at FOSDEM"), "{listed}");
    assert!(
        listed.contains("Speak at RustConf") && listed.contains("conflict"),
        "{listed}"
    );

    let (mut store, plan) = load(&b);
    assert_eq!(plan.conflicts.len(), 1);
    assert_eq!(plan.conflicts[0].kind, ConflictKind::BothChanged);
    let mut state = common::app(plan, 100, 30);
    let screen = common::render(&state);
    assert!(
        screen.contains("1 conflict from a merge: C to choose"),
        "{screen}"
    );
    common::type_keys(&mut state, "C");
    let screen = common::render(&state);
    assert!(
        screen.contains("Speak at RustConf") && screen.contains("Speak at FOSDEM"),
        "both values are shown: {screen}"
    );
    let effect = common::press(
        &mut state,
        common::key(crossterm::event::KeyCode::Char('y')),
    );
    goalcoach::app::perform(effect, &mut state, &mut store);
    drop(store);
    let (_, plan) = load(&b);
    assert_eq!(plan.goals[0].title, "Speak at RustConf");
    assert!(plan.conflicts.is_empty());
}

/// A and B retitle one goal, then sync A, B, A: on each computer the conflict names its own
/// value "this computer" — in `list`, `list --json` and the app — whichever side of the merge
/// it sat on, and taking "this computer's" keeps that computer's title.
#[test]
fn each_computer_sees_its_own_value_as_this_computers_after_a_b_a() {
    let w = World::new(true);
    let (a, b) = retitled_on_both(&w);
    w.ok(&a, &["sync"]);
    w.ok(&b, &["sync"]);
    let said = w.ok(&a, &["sync"]);
    assert!(!said.contains("nothing changed elsewhere"), "{said}");

    for (dir, mine, theirs, other_name) in [
        (&a, "Speak at RustConf", "Speak at FOSDEM", "desktop"),
        (&b, "Speak at FOSDEM", "Speak at RustConf", "laptop"),
    ] {
        let listed = w.ok(dir, &["list"]);
        let line_of = |value: &str| {
            listed
                .lines()
                .find(|l| l.trim_end().ends_with(value))
                .unwrap_or_else(|| panic!("{value} in {listed}"))
                .to_string()
        };
        assert!(line_of(mine).contains("this computer"), "{listed}");
        assert!(line_of(theirs).contains(other_name), "{listed}");
        let json: serde_json::Value =
            serde_json::from_str(&w.ok(dir, &["list", "--json"])).unwrap();
        let conflict = &json["conflicts"][0];
        let (this, that) = if conflict["in_place"]["this_computer"] == true {
            (&conflict["in_place"], &conflict["waiting"])
        } else {
            (&conflict["waiting"], &conflict["in_place"])
        };
        assert_eq!(
            (this["value"].as_str(), this["this_computer"].as_bool()),
            (Some(mine), Some(true)),
            "{json}"
        );
        assert_eq!(
            (that["value"].as_str(), that["device"].as_str()),
            (Some(theirs), Some(other_name)),
            "{json}"
        );
    }

    // On A, where the value in place is B's: the question names each side, and taking
    // "this computer's" keeps A's title.
    let (mut store, plan) = load(&a);
    let mut state = common::app(plan, 100, 30);
    state.settings.device = "laptop".into();
    common::type_keys(&mut state, "C");
    let screen = common::render(&state);
    assert!(
        screen.contains("Desktop (in place):  Speak at FOSDEM"),
        "{screen}"
    );
    assert!(
        screen.contains("This computer:  Speak at RustConf"),
        "{screen}"
    );
    assert!(
        screen.contains("take this computer's") && screen.contains("keep desktop's"),
        "{screen}"
    );
    let effect = common::press(
        &mut state,
        common::key(crossterm::event::KeyCode::Char('y')),
    );
    goalcoach::app::perform(effect, &mut state, &mut store);
    drop(store);
    assert_eq!(load(&a).1.goals[0].title, "Speak at RustConf");
}

#[test]
fn sync_without_setup_or_while_the_app_holds_the_plan_says_what_to_do() {
    let w = World::new(true);
    let a = w.dir("laptop");
    w.ok(&a, &["add", "Speak"]);
    let out = w.goalcoach(&a, &["sync"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("sync --init"));
    w.ok(&a, &["sync", "--init"]);
    let lock = goalcoach::store::Store::open(&a, TODAY.parse().unwrap()).unwrap();
    let out = w.goalcoach(&a, &["sync"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("quit it"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    drop(lock);
}

#[test]
fn the_merge_driver_writes_into_ours_and_refuses_unreadable_input() {
    let w = World::new(true);
    let dir = w.dir("files");
    std::fs::create_dir_all(&dir).unwrap();
    w.ok(&dir, &["add", "Speak"]);
    let base = std::fs::read(dir.join(PLAN_FILE)).unwrap();
    let (ours, theirs, base_path) = (
        w.root.join("ours.json"),
        w.root.join("theirs.json"),
        w.root.join("base.json"),
    );
    std::fs::write(&base_path, &base).unwrap();
    std::fs::write(&theirs, &base).unwrap();
    w.ok(&dir, &["add", "Learn Rust"]);
    std::fs::copy(dir.join(PLAN_FILE), &ours).unwrap();
    let args = |o: &Path| {
        vec![
            "merge".to_string(),
            base_path.display().to_string(),
            o.display().to_string(),
            theirs.display().to_string(),
        ]
    };
    let a: Vec<String> = args(&ours);
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    w.ok(&dir, &a);
    let merged: Plan = serde_json::from_slice(&std::fs::read(&ours).unwrap()).unwrap();
    assert_eq!(merged.goals.len(), 2);
    std::fs::write(&theirs, "{ not json").unwrap();
    let before = std::fs::read(&ours).unwrap();
    let out = w.goalcoach(&dir, &a);
    assert!(!out.status.success());
    assert_eq!(std::fs::read(&ours).unwrap(), before, "nothing written");
}

#[test]
fn importing_another_copy_merges_and_conflict_copies_are_merged_and_kept() {
    let w = World::new(true);
    let (a, other) = (w.dir("laptop"), w.dir("usb"));
    w.ok(&a, &["add", "Speak at a conference"]);
    std::fs::create_dir_all(&other).unwrap();
    std::fs::copy(a.join(PLAN_FILE), other.join(PLAN_FILE)).unwrap();
    w.ok(&other, &["add", "Learn Rust"]);
    w.ok(&a, &["add", "Write a blog post"]);
    let said = w.ok(&a, &["import", other.join(PLAN_FILE).to_str().unwrap()]);
    assert!(said.contains("merged another copy of this plan"), "{said}");
    let (_, plan) = load(&a);
    let goals: Vec<_> = plan.goals.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(
        goals,
        ["Speak at a conference", "Write a blog post", "Learn Rust"]
    );
    assert_eq!(plan.goals[2].num.0, 3, "#2 was taken here, so it moved on");

    // A file-sync tool's conflict copy: noticed by the CLI, merged by --merge-copies.
    w.ok(&other, &["add", "From the phone"]);
    let copy = a.join("plan.sync-conflict-20261122-101010-ABCDEFG.json");
    std::fs::copy(other.join(PLAN_FILE), &copy).unwrap();
    let out = w.goalcoach(&a, &["list"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("sync --merge-copies"));
    let said = w.ok(&a, &["sync", "--merge-copies"]);
    assert!(said.contains("1 goal changed elsewhere"), "{said}");
    assert!(!copy.exists());
    assert!(
        a.join("backups/merged-plan.sync-conflict-20261122-101010-ABCDEFG.json")
            .exists()
    );
    let (_, plan) = load(&a);
    assert!(plan.goals.iter().any(|g| g.title == "From the phone"));

    // The app offers a copy it finds at start; yes merges it and puts it away.
    w.ok(&other, &["add", "From the tablet"]);
    let copy = a.join("plan (Sam's conflicted copy 2026-11-22).json");
    std::fs::copy(other.join(PLAN_FILE), &copy).unwrap();
    let (mut store, plan) = load(&a);
    let mut state = common::app(plan, 100, 30);
    let looked = goalcoach::app::action::Effect::LookForCopies;
    goalcoach::app::perform(looked, &mut state, &mut store);
    let screen = common::render(&state);
    assert!(screen.contains("conflicted copy"), "{screen}");
    let effect = common::press(
        &mut state,
        common::key(crossterm::event::KeyCode::Char('y')),
    );
    goalcoach::app::perform(effect, &mut state, &mut store);
    assert!(!copy.exists());
    drop(store);
    let (_, plan) = load(&a);
    assert!(plan.goals.iter().any(|g| g.title == "From the tablet"));
}

#[test]
fn a_reused_copy_name_never_overwrites_an_earlier_merged_copy() {
    let w = World::new(true);
    let (a, other) = (w.dir("laptop"), w.dir("phone"));
    w.ok(&a, &["add", "Speak at a conference"]);
    std::fs::create_dir_all(&other).unwrap();
    std::fs::copy(a.join(PLAN_FILE), other.join(PLAN_FILE)).unwrap();
    let name = "plan.sync-conflict-20261122-101010-ABCDEFG.json";
    for title in ["From the phone", "From the phone, later"] {
        w.ok(&other, &["add", title]);
        std::fs::copy(other.join(PLAN_FILE), a.join(name)).unwrap();
        w.ok(&a, &["sync", "--merge-copies"]);
    }
    let kept: Vec<String> = std::fs::read_dir(a.join("backups"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("merged-"))
        .collect();
    assert_eq!(kept.len(), 2, "both merged copies are kept: {kept:?}");
    let (_, plan) = load(&a);
    for title in ["From the phone", "From the phone, later"] {
        assert!(plan.goals.iter().any(|g| g.title == title), "{title}");
    }
}

/// Syncthing's story: both computers had the same plan, each changed a different field of
/// one goal, and the tool kept one file and left the other as a conflict copy. Merged with
/// the version both grew from (kept in backups/seen/ when it was read), each change lands
/// and nothing is asked; without that version every difference waits as a question.
#[test]
fn a_conflict_copy_is_merged_against_the_version_both_grew_from() {
    let w = World::new(true);
    let (a, b) = (w.dir("laptop"), w.dir("desktop"));
    w.ok(&a, &["add", "Speak at a conference"]);
    w.ok(&a, &["add", "Draft the abstract", "--under", "1", "--step"]);
    // The shared file, as the tool carried it to the other computer.
    std::fs::create_dir_all(&b).unwrap();
    std::fs::copy(a.join(PLAN_FILE), b.join(PLAN_FILE)).unwrap();
    w.ok(&a, &["edit", "1", "--title", "Speak at RustConf"]);
    w.ok(&b, &["edit", "2", "--due", "2026-12-20"]);
    edit_goal(&b, "Speak at a conference", |g| g.notes = "ask Dana".into());
    let copy = a.join("plan.sync-conflict-20261122-101010-BBBBBBB.json");
    std::fs::copy(b.join(PLAN_FILE), &copy).unwrap();
    let keep = a.join("kept-copy.json");
    std::fs::copy(&copy, &keep).unwrap();
    let before = std::fs::read(a.join(PLAN_FILE)).unwrap();

    let said = w.ok(&a, &["sync", "--merge-copies"]);
    assert!(
        said.contains("merged against the version both grew from"),
        "{said}"
    );
    let (_, plan) = load(&a);
    assert!(
        plan.conflicts.is_empty(),
        "nothing to ask: {:?}",
        plan.conflicts
    );
    assert_eq!(plan.goals[0].title, "Speak at RustConf");
    assert_eq!(plan.goals[0].notes, "ask Dana");
    assert_eq!(
        plan.goals[0].steps[0].due.unwrap().to_string(),
        "2026-12-20"
    );

    // Without the common version the same copy is a two-way merge that asks.
    std::fs::write(a.join(PLAN_FILE), &before).unwrap();
    std::fs::remove_dir_all(a.join("backups/seen")).unwrap();
    std::fs::copy(&keep, &copy).unwrap();
    let said = w.ok(&a, &["sync", "--merge-copies"]);
    assert!(said.contains("no common version known"), "{said}");
    let (_, plan) = load(&a);
    assert!(!plan.conflicts.is_empty());
    assert!(
        plan.conflicts
            .iter()
            .all(|c| !c.field.contains("reschedules")),
        "counters never ask: {:?}",
        plan.conflicts
    );
}

/// Merging another device's copy in the app is one step of undo, like any edit: `u` puts
/// the plan back as it was before the merge (and saves it), and the edit made before the
/// merge is still there to undo after it.
#[test]
fn merging_a_copy_in_the_app_is_undone_by_u_and_keeps_the_history() {
    let w = World::new(true);
    let (a, other) = (w.dir("laptop"), w.dir("phone"));
    w.ok(&a, &["add", "Speak at a conference"]);
    std::fs::create_dir_all(&other).unwrap();
    std::fs::copy(a.join(PLAN_FILE), other.join(PLAN_FILE)).unwrap();
    w.ok(&other, &["add", "From the phone"]);
    let copy = a.join("plan.sync-conflict-20261122-101010-ABCDEFG.json");
    std::fs::copy(other.join(PLAN_FILE), &copy).unwrap();

    let (mut store, plan) = load(&a);
    let mut state = common::app(plan, 100, 30);
    let perform = |state: &mut _, store: &mut Store, effect| {
        goalcoach::app::perform(effect, state, store);
    };
    // An edit first: a new goal typed in the app.
    for effect in common::type_keys(&mut state, "nMentor a junior\n") {
        perform(&mut state, &mut store, effect);
    }
    let before_merge = state.plan().clone();
    perform(
        &mut state,
        &mut store,
        goalcoach::app::action::Effect::MergeCopy(copy.clone()),
    );
    let titles = |plan: &Plan| {
        plan.goals
            .iter()
            .map(|g| g.title.clone())
            .collect::<Vec<_>>()
    };
    assert!(titles(state.plan()).contains(&"From the phone".to_string()));
    assert!(!copy.exists(), "the merged copy is put away");

    for effect in common::type_keys(&mut state, "u") {
        perform(&mut state, &mut store, effect);
    }
    assert_eq!(
        titles(state.plan()),
        titles(&before_merge),
        "u undoes the merge"
    );
    let (_, on_disk) = load_unlocked(&a);
    assert_eq!(
        titles(&on_disk),
        titles(&before_merge),
        "and the undo is saved"
    );
    for effect in common::type_keys(&mut state, "u") {
        perform(&mut state, &mut store, effect);
    }
    assert_eq!(
        titles(state.plan()),
        ["Speak at a conference"],
        "the edit before the merge is undone next"
    );
}

/// The plan on disk, read without taking the lock (the app holds it).
fn load_unlocked(dir: &Path) -> ((), Plan) {
    let bytes = std::fs::read(dir.join(PLAN_FILE)).unwrap();
    (
        (),
        goalcoach::store::parse_plan(&dir.join(PLAN_FILE), &bytes).unwrap(),
    )
}
