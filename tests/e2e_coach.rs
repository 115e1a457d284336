//! End to end, three weeks lived as a coach would have a person live them: the real binary in
//! a pseudo-terminal, `--today` moving on a week at a time. A weekly 1:1 is kept and counts;
//! a confidence of 2 is answered with a step; something new gets in the way and is given its
//! plan, then happens again and the plan does not work; a deadline is moved and the reason
//! kept; a goal going too slowly reads "at risk"; finishing a goal stops its practice. After
//! each week plan.json, `list --json` and `review --print --json` are read back.

#[path = "common/files.rs"]
mod files;
#[path = "common/pty.rs"]
#[allow(dead_code)]
mod pty;

use pty::Session;
use serde_json::Value;
use std::path::Path;

fn plan_json(dir: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("plan.json")).unwrap()).unwrap()
}

fn json_of(dir: &Path, day: &str, args: &[&str]) -> Value {
    serde_json::from_str(&files::run_on_day(dir, day, args)).unwrap()
}

fn lead(plan: &Value) -> &Value {
    &plan["goals"][0]
}

fn one_on_one(plan: &Value) -> &Value {
    &lead(plan)["steps"][0]
}

/// The goal numbered `num` in `list --json`.
fn listed(list: &Value, num: u64) -> &Value {
    list["goals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["num"] == num)
        .unwrap()
}

fn set_up(dir: &Path, day: &str) {
    let run = |args: &[&str]| files::run_on_day(dir, day, args);
    run(&[
        "add",
        "Move into engineering management",
        "--deadline",
        "2027-01-31",
    ]);
    run(&[
        "add",
        "1:1 with Sam",
        "--under",
        "1",
        "--step",
        "--due",
        "2026-11-03",
    ]);
    run(&["edit", "2", "--repeats", "weekly"]);
    run(&["add", "Ship the design system", "--deadline", "2026-11-30"]);
    for step in ["Audit", "Tokens", "Components", "Docs"] {
        run(&["add", step, "--under", "3", "--step"]);
    }
}

#[test]
fn three_weeks_of_coaching_answer_what_the_person_records() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let monday = "2026-11-02";
    set_up(dir, monday);

    // Week 1, Tuesday 11-03: the 1:1 is held; a check-in at confidence 2 is answered.
    let day = "2026-11-03";
    files::run_on_day(dir, day, &["done", "4"]);
    let mut app = Session::start(dir, &["--today", day], 120, 40);
    app.wait_for("Goals (2)");
    app.type_and_wait("j ", "It comes back on");
    app.type_and_wait("kc", "Check in on");
    app.type_and_wait("2\r", "What one thing would raise it by one point?");
    app.type_and_wait(
        "Ask Sam for a stretch task\r",
        "Added as a step under the goal.",
    );
    app.send("q");
    assert!(app.wait_exit());
    let plan = plan_json(dir);
    assert_eq!(
        one_on_one(&plan)["history"],
        serde_json::json!(["2026-11-03"])
    );
    assert_eq!(one_on_one(&plan)["due"], "2026-11-10");
    assert_eq!(lead(&plan)["checkins"][0]["confidence"], 2);
    let answer = &lead(&plan)["steps"][1];
    assert_eq!(answer["title"], "Ask Sam for a stretch task");
    assert_eq!(answer["due"], "2026-11-10");
    let list = json_of(dir, day, &["list", "--json"]);
    assert!(
        listed(&list, 1)["progress"].as_f64().unwrap() > 0.0,
        "the 1:1 held counts towards the goal: {}",
        listed(&list, 1)
    );
    let review = json_of(dir, "2026-11-08", &["review", "--print", "--json"]);
    assert_eq!(review["state"], "due");
    assert_eq!(review["opens_with"], serde_json::json!([]));

    // Week 2, Tuesday 11-10: the 1:1 again; on-call got in the way (new, with its plan);
    // the deadline moves, and why is kept.
    let day = "2026-11-10";
    let mut app = Session::start(dir, &["--today", day], 120, 40);
    app.wait_for("Goals (2)");
    app.type_and_wait("j ", "It comes back on");
    app.type_and_wait("kc", "Check in on");
    app.send("3\ton call all week\t");
    app.send("On-call week\tIf I am on call, then I move the 1:1 to Friday\r");
    app.wait_for("what got in the way logged");
    app.type_and_wait("t", "New date for");
    app.send("\x15");
    app.type_and_wait("2027-03-31\r", "In one line, why?");
    app.type_and_wait(
        "waiting for the reorg\r",
        "the next review comes back to it",
    );
    app.send("q");
    assert!(app.wait_exit());
    let plan = plan_json(dir);
    assert_eq!(one_on_one(&plan)["history"].as_array().unwrap().len(), 2);
    let barrier = &lead(&plan)["barriers"][0];
    assert_eq!(barrier["obstacle"], "On-call week");
    assert_eq!(barrier["log"][0]["date"], day);
    let adapted = &lead(&plan)["adaptations"][0];
    assert_eq!(adapted["what"], "deadline");
    assert_eq!(adapted["from"], "2027-01-31");
    assert_eq!(adapted["to"], "2027-03-31");
    assert_eq!(adapted["why"], "waiting for the reorg");
    let review = json_of(dir, "2026-11-15", &["review", "--print", "--json"]);
    let opens = review["opens_with"][0].as_str().unwrap();
    assert!(
        opens.starts_with("Since you adapted “Move into engineering management”"),
        "{opens}"
    );

    // Week 3, Tuesday 11-17: the design system goes at risk; on-call happens again and the
    // plan did not work; the 1:1 is held a third time; the goal is finished and its
    // practice stopped.
    let day = "2026-11-17";
    let list = json_of(dir, day, &["list", "--json"]);
    assert_eq!(listed(&list, 3)["pace"], "at risk", "{}", listed(&list, 3));
    let mut app = Session::start(dir, &["--today", day], 120, 40);
    app.wait_for("Goals (2)");
    app.type_and_wait("j ", "It comes back on");
    app.wait_for("streak 3");
    app.type_and_wait("kc", "Check in on");
    app.send("\t\t \t\x1b[C\x1b[C\r");
    app.wait_for("what got in the way logged");
    app.type_and_wait("x", "still repeats");
    app.type_and_wait("y", "Log it in your");
    app.send("n");
    let asked = std::time::Duration::from_secs(10);
    assert!(app.wait_until(asked, |s| !s.contains("Log it in your")));
    app.send("q");
    assert!(app.wait_exit());
    let plan = plan_json(dir);
    let barrier = &lead(&plan)["barriers"][0];
    assert_eq!(barrier["log"].as_array().unwrap().len(), 2);
    assert_eq!(barrier["log"][1]["plan_worked"], false);
    assert_eq!(lead(&plan)["status"], "done");
    assert_eq!(one_on_one(&plan)["done"], day);
    assert_eq!(one_on_one(&plan)["history"].as_array().unwrap().len(), 3);
    let review = json_of(dir, "2026-11-22", &["review", "--print", "--json"]);
    assert_eq!(review["state"], "due");
    let list = json_of(dir, "2026-11-22", &["list", "--json"]);
    assert_eq!(listed(&list, 1)["pace"], "done");
}
