//! End to end: the real binary in a pseudo-terminal, keys typed as a person would, then
//! what landed in plan.json.

#[path = "common/files.rs"]
mod files;
#[path = "common/pty.rs"]
#[allow(dead_code)]
mod pty;

use pty::Session;
use serde_json::Value;

/// Runs a goalcoach subcommand on `dir` as of `day`, as a setup step; it must succeed.
fn cli(dir: &std::path::Path, day: &str, args: &[&str]) {
    files::run_on_day(dir, day, args);
}

fn plan_json(dir: &std::path::Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("plan.json")).unwrap()).unwrap()
}

#[test]
fn build_a_goal_tree_mark_a_step_done_quit_and_find_it_again() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = Session::start(tmp.path(), &[], 110, 30);
    app.wait_for("Welcome to goalcoach");
    app.leave_guided_start();
    app.type_and_wait("n", "New goal");
    app.type_and_wait("Speak at a conference\t+4m\r", "Speak at a conference");
    app.type_and_wait("a", "New milestone");
    app.type_and_wait("Get a talk accepted\r", "Get a talk accepted");
    app.type_and_wait("a", "New step");
    app.type_and_wait("Write the abstract\t2026-12-01\r", "Write the abstract");
    app.type_and_wait(" ", "[x] Write the abstract");
    // The milestone's only step is done: it offers to finish the milestone; not yet.
    app.wait_for("Every step of the milestone");
    app.send("n");
    app.send("q");
    assert!(app.wait_exit(), "clean exit");

    let plan = plan_json(tmp.path());
    let goal = &plan["goals"][0];
    assert_eq!(goal["title"], "Speak at a conference");
    assert_eq!(goal["deadline"], "2027-03-21");
    let milestone = &goal["milestones"][0];
    assert_eq!(milestone["title"], "Get a talk accepted");
    let step = &milestone["steps"][0];
    assert_eq!(step["title"], "Write the abstract");
    assert_eq!(step["due"], "2026-12-01");
    assert_eq!(step["done"], "2026-11-21");

    let again = Session::start(tmp.path(), &[], 110, 30);
    again.wait_for("[x] Write the abstract");
    let screen = again.contents();
    assert!(screen.contains("▾ [ ] Speak at a conference"), "{screen}");
    assert!(screen.contains("▾ ◇ Get a talk accepted"), "{screen}");
}

#[test]
fn a_second_instance_is_read_only_and_says_who_has_it() {
    let tmp = tempfile::tempdir().unwrap();
    let mut first = Session::start(tmp.path(), &[], 100, 24);
    first.wait_for("Welcome to goalcoach");
    first.leave_guided_start();
    // "Goals (1)" shows only after the goal was created, and so saved.
    first.type_and_wait("nMine\r", "Goals (1)");
    let mut second = Session::start(tmp.path(), &[], 100, 24);
    second.wait_for("READ-ONLY");
    second.wait_for("Goals (1)");
    second.type_and_wait("x", "Read-only:");
    second.send("q");
    assert!(second.wait_exit());
    first.send("q");
    assert!(first.wait_exit());
    assert_eq!(plan_json(tmp.path())["goals"][0]["status"], "active");
}

#[test]
fn a_corrupt_plan_is_refused_before_the_screen_changes() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("plan.json"), "{ not json").unwrap();
    let mut app = Session::start(tmp.path(), &[], 100, 24);
    app.wait_for("is not valid");
    assert!(!app.wait_exit(), "exits with an error");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("plan.json")).unwrap(),
        "{ not json"
    );
}

#[test]
fn demo_opens_a_sample_plan_and_leaves_the_data_dir_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = Session::start(tmp.path(), &["--demo"], 120, 30);
    app.wait_for("Move into a staff engineer role");
    app.wait_for("demo plan (not your data)");
    app.type_and_wait("x", "[x] Move into a staff engineer role");
    app.type_and_wait("", "Log it in your achievements");
    app.send("nq");
    assert!(app.wait_exit());
    assert!(
        !tmp.path().join("plan.json").exists(),
        "the demo never writes the real data dir"
    );
}

#[test]
fn two_measures_in_the_editor_then_two_check_ins() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = Session::start(tmp.path(), &[], 110, 40);
    app.wait_for("Welcome to goalcoach");
    app.leave_guided_start();
    app.type_and_wait("nRun a 10k race\r", "Run a 10k race");
    app.type_and_wait("e", "Goal #1");
    // Title → S, A, R, values, strengths → T·deadline; then the Measures page (Alt-2): a
    // lagging distance and a leading count of long runs, each a new row (Ctrl-n).
    app.send("\t\t\t\t\t\t2027-05-01");
    app.type_and_wait("\x1b2", "Measures: leading and lagging");
    app.send("\x0eDistance\tkm\t0\t2\t10");
    app.send("\x0eLong runs\t\t0\t0\t12\t\x1b[C\r");
    app.wait_for("2 measures (1 leading, 1 lagging)");
    app.type_and_wait("c", "Check in on");
    // Long runs (leading first), distance, confidence, note.
    app.send("1\t4\t4\tLong run done\r");
    app.wait_for("Long run done");
    app.send("q");
    assert!(app.wait_exit());
    let mut app = Session::start(tmp.path(), &["--today", "2026-11-28"], 110, 40);
    app.type_and_wait("c", "Check in on");
    app.send("2\t6\t4\tTwo long runs\r");
    app.wait_for("Two long runs");
    app.send("q");
    assert!(app.wait_exit());

    let plan = plan_json(tmp.path());
    assert_eq!(plan["schema_version"], 3);
    let goal = &plan["goals"][0];
    assert_eq!(goal["deadline"], "2027-05-01");
    let distance = &goal["measures"][0];
    assert_eq!(distance["name"], "Distance");
    assert_eq!(distance["unit"], "km");
    assert_eq!(distance["target"], 10.0);
    assert_eq!(distance["current"], 6.0);
    assert_eq!(distance.get("leading"), None, "lagging is the default");
    assert_eq!(
        distance["points"],
        serde_json::json!([{"date": "2026-11-21", "value": 4.0}, {"date": "2026-11-28", "value": 6.0}])
    );
    let runs = &goal["measures"][1];
    assert_eq!(
        (runs["name"].as_str(), runs["leading"].as_bool()),
        (Some("Long runs"), Some(true))
    );
    assert_eq!(runs["current"], 2.0);
    assert_ne!(distance["id"], runs["id"]);
    let checkin = &goal["checkins"][0];
    assert_eq!(checkin["date"], "2026-11-21");
    assert_eq!(checkin.get("value"), None);
    assert_eq!(checkin["confidence"], 4);
    assert_eq!(checkin["note"], "Long run done");
}

/// Whether `output` ends the session with the terminal put back: main screen, paste and
/// mouse modes off, cursor shown (each after the last time it was switched on).
fn restored(output: &[u8]) -> bool {
    let text = String::from_utf8_lossy(output);
    let after = |off: &str, on: &str| {
        text.rfind(off)
            .is_some_and(|o| text.rfind(on).is_none_or(|n| o > n))
    };
    after("\x1b[?1049l", "\x1b[?1049h")
        && after("\x1b[?2004l", "\x1b[?2004h")
        && after("\x1b[?25h", "\x1b[?25l")
        && after("\x1b[?1000l", "\x1b[?1000h")
}

fn kill(app: &Session, signal: &str) {
    let pid = app.pid().unwrap().to_string();
    let status = std::process::Command::new("kill")
        .args(["-s", signal, &pid])
        .status()
        .unwrap();
    assert!(status.success());
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !done() {
        assert!(
            std::time::Instant::now() < deadline,
            "timed out waiting: {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[cfg(unix)]
#[test]
fn a_stop_gives_the_terminal_back_and_a_continue_redraws() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = Session::start(tmp.path(), &[], 100, 24);
    app.wait_for("Welcome to goalcoach");
    app.leave_guided_start();
    app.type_and_wait("nStill here after fg\r", "Goals (1)");
    kill(&app, "TSTP");
    wait_until("the terminal is given back", || restored(&app.raw_output()));
    let before = app.raw_output().len();
    kill(&app, "CONT");
    wait_until("the screen is taken and drawn again", || {
        let out = app.raw_output();
        let again = String::from_utf8_lossy(&out[before..]).into_owned();
        again.contains("\x1b[?1049h") && again.contains("Still here after fg")
    });
    app.send("q");
    assert!(app.wait_exit());
}

#[cfg(unix)]
#[test]
fn a_sigterm_during_a_save_lets_the_save_finish_before_exiting() {
    let tmp = tempfile::tempdir().unwrap();
    // Every save takes a while, so the signal lands while one is under way.
    let slow = [("GOALCOACH_TEST_SAVE_DELAY_MS", "3000")];
    let mut app = Session::start_with_env(tmp.path(), &[], &slow, 100, 24);
    app.wait_for("Welcome to goalcoach");
    app.leave_guided_start();
    app.type_and_wait("nFinish me\r", "Goals (1)");
    wait_until("the first save", || tmp.path().join("plan.json").exists());
    app.send("x");
    // Well inside the 3 s the save takes, even on a loaded machine.
    std::thread::sleep(std::time::Duration::from_millis(1000));
    kill(&app, "TERM");
    app.wait_exit();
    let plan = plan_json(tmp.path());
    assert_eq!(
        plan["goals"][0]["status"], "done",
        "the change under way was saved"
    );
    // The last bytes may still be on their way from the terminal: wait for them, bounded.
    wait_until("the terminal is given back", || restored(&app.raw_output()));
}

#[cfg(unix)]
#[test]
fn the_terminal_is_restored_after_quit_and_after_signals() {
    for signal in [
        None,
        Some("TERM"),
        Some("HUP"),
        Some("INT"),
        Some("USR1"),
        Some("ALRM"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let mut app = Session::start(tmp.path(), &[], 100, 24);
        app.wait_for("Welcome to goalcoach");
        app.leave_guided_start();
        app.type_and_wait("nSaved before the signal\r", "Goals (1)");
        match signal {
            None => app.send("q"),
            Some(name) => kill(&app, name),
        }
        app.wait_exit();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while !restored(&app.raw_output()) && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert!(
            restored(&app.raw_output()),
            "terminal not restored after {signal:?}"
        );
        assert_eq!(
            plan_json(tmp.path())["goals"][0]["title"],
            "Saved before the signal"
        );
    }
}

#[test]
fn a_damaged_plan_offers_the_newest_good_backup() {
    let tmp = tempfile::tempdir().unwrap();
    cli(tmp.path(), "2026-11-19", &["add", "Kept safe in a backup"]);
    cli(tmp.path(), "2026-11-20", &["add", "Lost with the damage"]);
    std::fs::write(
        tmp.path().join("plan.json"),
        "{\"schema_version\": 1, \"goals\": [{",
    )
    .unwrap();
    let mut app = Session::start(tmp.path(), &[], 110, 30);
    app.wait_for("Restore it now?");
    app.type_and_wait("y\r", "Goals (1)");
    app.wait_for("Kept safe in a backup");
    app.send("q");
    assert!(app.wait_exit());
    assert_eq!(
        plan_json(tmp.path())["goals"][0]["title"],
        "Kept safe in a backup"
    );
    let kept_damage = std::fs::read_dir(tmp.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .any(|p| std::fs::read_to_string(p).unwrap() == "{\"schema_version\": 1, \"goals\": [{");
    assert!(kept_damage, "the damaged file is kept");
}

#[test]
fn the_terminal_is_restored_after_a_panic_on_any_thread() {
    for thread in ["main", "thread"] {
        let tmp = tempfile::tempdir().unwrap();
        let mut app = Session::start_with_env(
            tmp.path(),
            &[],
            &[("GOALCOACH_TEST_PANIC", thread)],
            100,
            24,
        );
        assert!(
            !app.wait_exit(),
            "a panic ends with a failure code ({thread})"
        );
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while !restored(&app.raw_output()) && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let output = app.raw_output();
        assert!(
            restored(&output),
            "terminal not restored after a panic on the {thread} thread"
        );
        assert!(
            String::from_utf8_lossy(&output).contains("test panic"),
            "the panic is reported"
        );
    }
}

#[test]
fn a_whole_weekly_review_is_saved_and_shows_in_the_history_next_time() {
    let tmp = tempfile::tempdir().unwrap();
    let cli = |args: &[&str]| cli(tmp.path(), "2026-11-14", args);
    cli(&["add", "Run a half marathon", "--deadline", "2027-04-01"]);
    cli(&[
        "add",
        "Book the race",
        "--under",
        "1",
        "--step",
        "--due",
        "2026-11-25",
    ]);

    let mut app = Session::start(tmp.path(), &[], 110, 34);
    app.wait_for("Goals (1)");
    app.type_and_wait("4", "skip this week");
    app.type_and_wait("r", "Wins");
    app.type_and_wait("\r", "goal 1 of 1");
    app.type_and_wait("c", "Check in on");
    app.send("\x7f4\tGoing fine\r");
    app.wait_for("Going fine");
    app.type_and_wait("K", "Stuck and stale");
    app.type_and_wait("\r", "3 to 5 is a good number");
    app.type_and_wait(" ", "Picked: 1");
    app.type_and_wait("\r", "What went well");
    app.type_and_wait("w", "Reflect on the week");
    app.send("Steady progress\r");
    app.wait_for("Steady progress");
    app.type_and_wait("F", "Review saved");
    app.send("q");
    assert!(app.wait_exit());

    let plan = plan_json(tmp.path());
    let review = &plan["reviews"][0];
    assert_eq!(review["week"], "2026-W46");
    assert_eq!(review["stage"], serde_json::Value::Null);
    assert_eq!(review["goals"][0]["decision"], "keep");
    assert_eq!(review["commitments"].as_array().unwrap().len(), 1);
    assert_eq!(review["went_well"], "Steady progress");
    let checkin = &plan["goals"][0]["checkins"][0];
    assert_eq!(
        (checkin["confidence"].as_u64(), checkin["note"].as_str()),
        (Some(4), Some("Going fine"))
    );

    let mut again = Session::start(tmp.path(), &[], 110, 34);
    again.wait_for("Goals (1)");
    again.type_and_wait("4", "Past reviews");
    again.wait_for("2026-W46  0 wins");
    again.wait_for("Steady progress");
    again.send("q");
    assert!(again.wait_exit());
}

#[test]
fn building_a_profile_lands_in_the_plan_file() {
    let tmp = tempfile::tempdir().unwrap();
    cli(tmp.path(), "2026-11-21", &["add", "Get promoted"]);
    let mut app = Session::start(tmp.path(), &[], 110, 34);
    app.wait_for("Goals (1)");
    // The guided start's strengths, then values, taken again from the Profile screen.
    app.type_and_wait("5J", "Go through");
    app.type_and_wait("\x1b[C\x1b[C\r", "3 of 11 · Strengths and growth areas");
    app.send("Mentoring\r");
    app.type_and_wait("J", "Go through");
    app.type_and_wait("\x1b[C\x1b[C\x1b[C\r", "4 of 11 · Values and interests");
    app.send("fairness\r");
    app.type_and_wait("l", "Mentoring");
    app.type_and_wait("ll", "fairness");
    app.type_and_wait(
        "hhh",
        "Nothing here yet. Press e to write down your current role",
    );
    app.type_and_wait("lllllll", "what a mentor, manager or peer told you");
    app.type_and_wait("e", "Profile: Feedback");
    app.send("\x0e"); // Ctrl-n: a new row
    app.send("\tSam\tShare the roadmap earlier\t1\r");
    app.wait_for("Share the roadmap earlier");
    app.type_and_wait("T", "→ step: Share the roadmap earlier");
    app.send("q");
    assert!(app.wait_exit());

    let plan = plan_json(tmp.path());
    let profile = &plan["profile"];
    assert_eq!(profile["strengths"][0]["name"], "Mentoring");
    assert_eq!(profile["values"][0]["name"], "fairness");
    let feedback = &profile["feedback"][0];
    assert_eq!(
        (feedback["from"].as_str(), feedback["goal"].as_u64()),
        (Some("Sam"), plan["goals"][0]["id"].as_u64()),
        "typed as #1, kept as the goal's id"
    );
    assert_eq!(plan["goals"][0]["num"], 1);
    let step_id = feedback["step"].as_u64().expect("turned into a step");
    let step = &plan["goals"][0]["steps"][0];
    assert_eq!(
        (step["id"].as_u64(), step["title"].as_str()),
        (Some(step_id), Some("Share the roadmap earlier"))
    );
}
