//! End to end, the plan over three weeks: the real binary in a pseudo-terminal with
//! `--today` moving on. A new plan is not asked for a review before its first review day; a
//! weekly step done late moves on to its next occurrence (the missed one counted, not
//! stacked); a review left unfinished is kept as partial once its week is over; the agenda
//! shows the goal's deadline, the timeline its lane. plan.json is the proof. (And a dumb
//! terminal gets a message, not a screen.)

#[path = "common/files.rs"]
mod files;
#[path = "common/pty.rs"]
#[allow(dead_code)]
mod pty;

use pty::Session;
use serde_json::Value;

fn plan_json(dir: &std::path::Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("plan.json")).unwrap()).unwrap()
}

fn step(plan: &Value) -> &Value {
    &plan["goals"][0]["steps"][0]
}

#[test]
fn three_weeks_of_a_plan_with_a_weekly_step_and_an_unfinished_review() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // Week 1, Monday 2026-11-16: a goal and a step, made weekly in the step editor.
    let monday = "2026-11-16";
    files::run_on_day(
        dir,
        monday,
        &["add", "Run a half marathon", "--deadline", "2027-03-01"],
    );
    files::run_on_day(
        dir,
        monday,
        &[
            "add",
            "Long run",
            "--under",
            "1",
            "--step",
            "--due",
            "2026-11-18",
        ],
    );
    let mut app = Session::start(dir, &["--today", monday], 110, 34);
    app.wait_for("Goals (1)");
    app.type_and_wait("je", "Step #2");
    // Repeats is a picker: → twice is "every N weeks", N left blank is 1.
    app.send("\t\t\t\t\x1b[C\x1b[C\r");
    app.wait_for("Repeats: weekly");
    app.type_and_wait("4", "Your first weekly review is on");
    app.wait_for("2026-11-22");
    app.send("q");
    assert!(app.wait_exit());
    assert_eq!(step(&plan_json(dir))["recurrence"], "weekly");

    // Week 2, Sunday 2026-11-22: the step is done late; the review is started and left.
    let sunday = "2026-11-22";
    let mut app = Session::start(dir, &["--today", sunday], 110, 34);
    app.wait_for("review due (4)");
    app.type_and_wait("j ", "It comes back on Wed 2026-11-25");
    app.type_and_wait("4r", "Wins");
    app.send("q");
    assert!(app.wait_exit());
    let plan = plan_json(dir);
    assert_eq!(step(&plan)["history"], serde_json::json!(["2026-11-22"]));
    assert_eq!(step(&plan)["due"], "2026-11-25");
    assert_eq!(plan["goals"][0]["steps"].as_array().unwrap().len(), 1);
    assert_eq!(plan["reviews"][0]["week"], "2026-W47");
    assert_eq!(plan["reviews"][0]["stage"], "wins");

    // Week 3, Sunday 2026-12-06: the 12-02 occurrence went by; the W47 review is partial.
    let later = "2026-12-06";
    let mut app = Session::start(dir, &["--today", later], 110, 34);
    app.wait_for("review due (4)");
    app.type_and_wait("j ", "1 missed one skipped");
    app.type_and_wait("4", "2026-W47  partial (stopped at wins)");
    app.type_and_wait("2", "⚑ deadline: Run a half marathon");
    app.wait_for("Done today (1)");
    app.type_and_wait("6", "Timeline · weeks");
    // The practice counts: 2 of the 15 weekly runs due by the deadline are done, one was
    // missed, and at that rate the goal finishes after its deadline.
    app.wait_for("Run a half marathon: 13% done");
    app.wait_for("at risk");
    app.send("q");
    assert!(app.wait_exit());
    let plan = plan_json(dir);
    let s = step(&plan);
    assert_eq!(
        s["history"],
        serde_json::json!(["2026-11-22", "2026-12-06"])
    );
    assert_eq!(
        (s["due"].as_str(), s["missed"].as_u64()),
        (Some("2026-12-09"), Some(1))
    );
    assert_eq!(s["done"], Value::Null, "a repeating step stays open");
    assert_eq!(plan["reviews"][0]["stage"], "wins", "kept as it stood");
    let printed = files::run_on_day(dir, later, &["review", "--print"]);
    assert!(
        printed.starts_with("Weekly review 2026-W49 (for 2026-12-06): due"),
        "{printed}"
    );
    assert!(
        printed.contains("Long run"),
        "the occurrence done today is a win: {printed}"
    );
}

#[test]
fn a_dumb_terminal_gets_a_message_not_a_screen() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = Session::start_with_env(tmp.path(), &[], &[("TERM", "dumb")], 80, 24);
    app.wait_for("cannot draw the app");
    assert!(!app.wait_exit(), "exit 1");
    assert!(!tmp.path().join("plan.json").exists());
}
