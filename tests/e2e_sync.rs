//! Syncing from inside the app: the real binary in a pseudo-terminal holds the plan's lock,
//! and `Y` saves, syncs through the real `git` with a bare remote, and reads the merged plan
//! back — the other computer's goal shows up, and ours reaches it.

#[path = "common/files.rs"]
mod files;
#[path = "common/pty.rs"]
#[allow(dead_code)]
mod pty;
#[path = "common/world.rs"]
mod world;

use pty::Session;
use world::World;

#[test]
fn y_in_the_app_syncs_both_ways_while_the_app_holds_the_plan() {
    let world = World::new(true);
    let (a, b) = (world.dir("a"), world.dir("b"));
    let remote = world.remote();
    let remote = remote.to_str().unwrap();
    world.ok(&a, &["add", "Goal from A", "--deadline", "2027-06-30"]);
    world.ok(&a, &["sync", "--init", remote]);
    world.ok(&b, &["sync", "--init", remote]);
    world.ok(&b, &["add", "Goal from B"]);
    world.ok(&b, &["sync"]);

    let home = world.root.join("home");
    let config = world.root.join("home/.config");
    let env = [
        ("HOME", home.to_str().unwrap()),
        ("XDG_CONFIG_HOME", config.to_str().unwrap()),
        ("GIT_CONFIG_NOSYSTEM", "1"),
    ];
    let mut app = Session::start_with_env(&a, &[], &env, 110, 34);
    app.wait_for("Goals (1)");
    // The command line is refused while the app holds the plan; the app's own key is not.
    let refused = world.goalcoach(&a, &["sync"]);
    assert!(!refused.status.success());
    app.type_and_wait("nGoal typed in the app\r", "Goal typed in the app");
    app.type_and_wait("Y", "Synced:");
    app.wait_for("Goal from B");
    app.wait_for("Goals (3)");
    app.send("q");
    assert!(app.wait_exit());

    world.ok(&b, &["sync"]);
    let listed = world.ok(&b, &["list"]);
    assert!(listed.contains("Goal typed in the app"), "{listed}");
    assert!(listed.contains("Goal from A"), "{listed}");
}
