//! End to end, the coaching journey: the real binary in a pseudo-terminal on a fresh data
//! directory. A new user walks the whole guided start, another skips every question and
//! still gets to a goal; a step back is taken in two quarters and the satisfaction trend
//! shows. What landed in plan.json is the proof.

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

/// Waits for stage `n` of the guided start, then types `keys` into it.
fn stage(app: &mut Session, n: usize, keys: &str) {
    app.wait_for(&format!("Getting started · {n} of 11"));
    app.send(keys);
}

#[test]
fn a_new_user_walks_the_whole_guided_start_into_a_complete_first_plan() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = Session::start(tmp.path(), &["--today", "2026-11-22"], 110, 36);
    stage(
        &mut app,
        1,
        "Led the payments migration\t2026-06-30\tI can carry a big change\r",
    );
    stage(
        &mut app,
        2,
        "Senior engineer\t6\tHard problems\tMore influence\r",
    );
    stage(
        &mut app,
        3,
        // Tab goes from row to row and never stops on the "Growth areas" heading.
        "Explaining things\tOnboarding sessions\t\t\tPublic speaking\tNervous at demos\r",
    );
    stage(&mut app, 4, "growth, impact\tdistributed systems\r");
    stage(&mut app, 5, "Staff engineer setting technical direction\r");
    stage(&mut app, 6, "\r");
    stage(
        &mut app,
        7,
        "Speak at a conference\tA talk on payments at a regional conference\ttalks\t0\t1\tI have given team talks\t \t \tVisibility\t2027-06-30\r",
    );
    stage(&mut app, 8, "Talk accepted\t2027-03-31\r");
    stage(&mut app, 9, "Write the abstract\r");
    stage(
        &mut app,
        10,
        "Release weeks\tIf it is a release week, then I write on Saturday\tA mentor\r",
    );
    stage(&mut app, 11, "\r");
    app.wait_for("Your first plan is ready");
    app.wait_for("[ ] Write the abstract");
    app.send("q");
    assert!(app.wait_exit(), "clean exit");

    let plan = plan_json(tmp.path());
    let p = &plan["profile"];
    assert_eq!(p["achievements"][0]["what"], "Led the payments migration");
    assert_eq!(p["current_role"], "Senior engineer");
    assert_eq!(p["satisfaction"], 6);
    assert_eq!(p["strengths"][0]["name"], "Explaining things");
    assert_eq!(p["growth_areas"][0]["name"], "Public speaking");
    assert_eq!(p["values"][1]["name"], "impact");
    assert_eq!(p["interests"][0]["name"], "distributed systems");
    assert_eq!(p["vision"], "Staff engineer setting technical direction");
    assert_eq!(p["review_day"], "sunday");
    let goal = &plan["goals"][0];
    assert_eq!(goal["title"], "Speak at a conference");
    assert_eq!(goal["values"][0], "growth");
    assert_eq!(goal["strengths"][0], "Explaining things");
    assert_eq!(goal["measures"][0]["target"], 1.0);
    assert_eq!(goal["deadline"], "2027-06-30");
    assert_eq!(goal["barriers"][0]["obstacle"], "Release weeks");
    assert_eq!(goal["resources"][0]["what"], "A mentor");
    let milestone = &goal["milestones"][0];
    assert_eq!(milestone["target"], "2027-03-31");
    assert_eq!(milestone["steps"][0]["due"], "2026-11-24", "due this week");
    let listed = files::run_on_day(tmp.path(), "2026-11-22", &["list"]);
    assert!(
        !listed.contains("SMART gaps"),
        "no SMART letter missing:\n{listed}"
    );
}

#[test]
fn a_new_user_who_skips_every_question_still_gets_to_a_goal() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = Session::start(tmp.path(), &[], 100, 30);
    for n in 1..=6 {
        stage(&mut app, n, "\r");
    }
    stage(&mut app, 7, "Learn Rust\r");
    for n in 8..=11 {
        stage(&mut app, n, "\r");
    }
    app.wait_for("Your first plan is ready");
    app.send("q");
    assert!(app.wait_exit());
    let plan = plan_json(tmp.path());
    assert_eq!(plan["goals"][0]["title"], "Learn Rust");
    assert!(plan["profile"]["journey"]["finished"].is_string());

    let mut again = Session::start(tmp.path(), &[], 100, 30);
    again.wait_for("Goals (1)");
    assert!(
        !again.contents().contains("Getting started"),
        "a finished guided start stays closed"
    );
    again.send("q");
    assert!(again.wait_exit());
}

#[test]
fn a_quit_midway_resumes_the_guided_start_where_it_stopped() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = Session::start(tmp.path(), &[], 100, 30);
    stage(&mut app, 1, "Shipped the new API\r");
    stage(&mut app, 2, "Team lead\r");
    app.wait_for("Getting started · 3 of 11");
    app.send("\x03"); // Ctrl-c quits (nothing typed in this stage)
    assert!(app.wait_exit());
    let mut again = Session::start(tmp.path(), &[], 100, 30);
    again.wait_for("Getting started · 3 of 11");
    again.send("\x03");
    assert!(again.wait_exit());
    let plan = plan_json(tmp.path());
    assert_eq!(plan["profile"]["current_role"], "Team lead");
    assert_eq!(plan["profile"]["journey"]["next"], "strengths");
}

/// One step back on `day`: satisfaction `rating`, every other stage answered briefly.
fn step_back(dir: &std::path::Path, day: &str, rating: &str, period: &str) {
    let mut app = Session::start(dir, &["--today", day], 110, 36);
    app.wait_for("Goals (1)");
    app.type_and_wait("4", &format!("Time to step back: {period}"));
    app.type_and_wait("B", "1 of 6");
    app.send(&format!("{rating}\tHow the quarter felt\r"));
    app.type_and_wait("", "2 of 6");
    app.send("Still true\tStill true\r");
    app.type_and_wait("", "3 of 6");
    app.send("\tStill the one\r");
    app.type_and_wait("", "4 of 6");
    app.send("Closer to staff\r");
    app.type_and_wait("", "5 of 6");
    app.send("\r");
    app.type_and_wait("", "6 of 6");
    app.send("\r");
    app.wait_for(&format!("{period} is done"));
    app.send("q");
    assert!(app.wait_exit());
}

#[test]
fn a_step_back_in_two_quarters_keeps_the_satisfaction_trend() {
    let tmp = tempfile::tempdir().unwrap();
    files::run_on_day(
        tmp.path(),
        "2026-11-02",
        &["add", "Speak at a conference", "--deadline", "2027-06-30"],
    );
    step_back(tmp.path(), "2026-12-20", "5", "2026-Q4");
    step_back(tmp.path(), "2027-03-25", "8", "2027-Q1");

    let plan = plan_json(tmp.path());
    let records = plan["profile"]["step_backs"].as_array().unwrap();
    let periods: Vec<&str> = records
        .iter()
        .map(|r| r["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods, ["2026-Q4", "2027-Q1"]);
    assert_eq!(records[1]["goals"][0]["reason"], "Still the one");
    let trend = files::run_on_day(
        tmp.path(),
        "2027-03-26",
        &["review", "--print", "--step-back"],
    );
    assert!(trend.contains("2026-12-20  █████      5/10"), "{trend}");
    assert!(trend.contains("2027-03-25  ████████   8/10"), "{trend}");
    assert!(
        trend.contains("Step back (quarterly) 2027-Q1: done"),
        "{trend}"
    );

    let mut app = Session::start(tmp.path(), &["--today", "2027-03-26"], 110, 36);
    app.wait_for("Goals (1)");
    app.type_and_wait("4", "Satisfaction over time");
    app.wait_for("5 (2026-12-20) → 8 (2027-03-25)");
    app.send("q");
    assert!(app.wait_exit());
}
