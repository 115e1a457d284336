//! The command line as scripts use it, through the real binary: the item commands (`done`,
//! `status`, `edit`, `delete`, `move`) land in plan.json as the keys would; no terminal or a
//! dumb one gets a message and exit 1 instead of escape codes; a mistyped data directory is
//! an error on a read command; `import -` reads standard input.

#[path = "common/files.rs"]
mod files;

use files::{TODAY, run_on_day, run_output};
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

fn plan_json(dir: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("plan.json")).unwrap()).unwrap()
}

fn run(dir: &Path, args: &[&str]) -> String {
    run_on_day(dir, TODAY, args)
}

fn fails(dir: &Path, args: &[&str]) -> String {
    let out = run_output(dir, TODAY, args);
    assert_eq!(out.status.code(), Some(1), "{args:?} should fail");
    String::from_utf8(out.stderr).unwrap()
}

/// A goal #1 with a milestone #2 holding steps #3 and #4, and a second goal #5.
fn sample(dir: &Path) {
    run(dir, &["add", "Learn Rust", "--deadline", "2027-03-01"]);
    run(dir, &["add", "Read the book", "--under", "1"]);
    run(
        dir,
        &["add", "Chapter 1", "--under", "2", "--due", "2026-11-18"],
    );
    run(dir, &["add", "Chapter 2", "--under", "2"]);
    run(dir, &["add", "Give a talk"]);
}

#[test]
fn the_item_commands_do_what_the_keys_do() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    sample(dir);
    let said = run(
        dir,
        &[
            "edit",
            "3",
            "--repeats",
            "weekly",
            "--importance",
            "3",
            "--notes",
            "slowly",
        ],
    );
    assert_eq!(said, "edited #3: Chapter 1\n");
    let said = run(dir, &["done", "#3"]);
    assert!(said.contains("It comes back on Wed 2026-11-25"), "{said}");
    let step = &plan_json(dir)["goals"][0]["milestones"][0]["steps"][0];
    assert_eq!(step["history"], serde_json::json!([TODAY]));
    assert_eq!(
        (step["importance"].as_u64(), step["notes"].as_str()),
        (Some(3), Some("slowly"))
    );
    assert_eq!(step["due"], "2026-11-25");

    run(dir, &["done", "4"]);
    assert_eq!(
        run(dir, &["done", "4"]),
        "#4 is already done; nothing changed\n"
    );
    run(dir, &["done", "4", "--undo"]);
    assert_eq!(
        plan_json(dir)["goals"][0]["milestones"][0]["steps"][1]["done"],
        Value::Null
    );

    run(dir, &["move", "4", "--up"]);
    let steps = &plan_json(dir)["goals"][0]["milestones"][0]["steps"];
    assert_eq!(steps[0]["title"], "Chapter 2");
    run(dir, &["move", "2", "--under", "5"]);
    assert_eq!(
        plan_json(dir)["goals"][1]["milestones"][0]["title"],
        "Read the book"
    );

    assert_eq!(
        run(dir, &["status", "1", "hold"]),
        "#1 is on hold: Learn Rust\n"
    );
    assert_eq!(plan_json(dir)["goals"][0]["status"], "on_hold");
    run(
        dir,
        &["edit", "1", "--title", "Learn Rust well", "--due", "none"],
    );
    assert_eq!(plan_json(dir)["goals"][0]["deadline"], Value::Null);
    assert_eq!(plan_json(dir)["goals"][0]["title"], "Learn Rust well");

    let said = run(dir, &["delete", "5"]);
    assert_eq!(
        said,
        "deleted goal #5 and the 3 items under it: Give a talk\n"
    );
    assert_eq!(plan_json(dir)["goals"].as_array().unwrap().len(), 1);
}

#[test]
fn bad_item_commands_say_why_and_change_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    sample(dir);
    let before = std::fs::read(dir.join("plan.json")).unwrap();
    assert!(fails(dir, &["status", "3", "drop"]).contains("#3 is not a goal"));
    assert!(
        fails(dir, &["edit", "2", "--importance", "3"]).contains("a milestone has no importance")
    );
    assert!(fails(dir, &["edit", "3", "--repeats", "every so often"]).contains("not a repetition"));
    assert!(fails(dir, &["edit", "4", "--repeats", "weekly"]).contains("needs a due date"));
    assert!(fails(dir, &["edit", "1", "--due", "someday"]).contains("is not a date"));
    assert!(fails(dir, &["edit", "1", "--title", "  "]).contains("title is empty"));
    assert!(fails(dir, &["edit", "1", "--value", "3"]).contains("has no measure"));
    assert!(fails(dir, &["done", "99"]).contains("there is no item #99"));
    assert!(fails(dir, &["move", "3", "--up"]).contains("already the first"));
    assert!(fails(dir, &["move", "1", "--under", "5"]).contains("not put under"));
    let out = run_output(dir, TODAY, &["edit", "1", "--importance", "nan"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "clap refuses it before anything is read"
    );
    assert_eq!(
        std::fs::read(dir.join("plan.json")).unwrap(),
        before,
        "untouched"
    );
}

fn binary(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_goalcoach"));
    cmd.arg("--data-dir")
        .arg(dir)
        .args(["--today", TODAY])
        .env_remove("GOALCOACH_DATA_DIR")
        .env("GOALCOACH_CONFIG", dir.join("no-config.toml"));
    cmd
}

#[test]
fn without_a_terminal_the_app_says_so_and_writes_no_escape_codes() {
    let tmp = tempfile::tempdir().unwrap();
    let out = binary(tmp.path()).stdin(Stdio::null()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "nothing on standard output");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(
        err.contains("goalcoach list"),
        "points to the commands: {err}"
    );
    assert!(!err.contains('\x1b'));
    assert!(!tmp.path().join("plan.json").exists(), "nothing created");
}

#[test]
fn a_mistyped_data_dir_is_an_error_on_a_read_command() {
    let tmp = tempfile::tempdir().unwrap();
    let typo = tmp.path().join("goalcaoch");
    for args in [
        &["list"][..],
        &["agenda"],
        &["review", "--print"],
        &["export"],
    ] {
        let out = run_output(&typo, TODAY, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("does not exist") && err.contains("mistyped"),
            "{err}"
        );
    }
    assert!(!typo.exists(), "nothing created");
    // A command that writes makes the directory, as on a first run.
    run(&typo, &["add", "First goal"]);
    assert!(typo.join("plan.json").exists());
}

#[test]
fn import_dash_reads_standard_input() {
    let tmp = tempfile::tempdir().unwrap();
    let mut child = binary(tmp.path())
        .args(["import", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"- Speak at a meetup\n  - Write the abstract\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plan = plan_json(tmp.path());
    assert_eq!(plan["goals"][0]["title"], "Speak at a meetup");
}

#[test]
fn agenda_filters_say_by_their_exit_status_whether_anything_is_due() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    sample(dir); // #3 is due 2026-11-18, three days before TODAY.
    let out = run_output(dir, TODAY, &["agenda", "--overdue"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "2026-11-18 #3 step Chapter 1  (Learn Rust)\n"
    );
    run(dir, &["done", "3"]);
    for filter in ["--overdue", "--due-today"] {
        let out = run_output(dir, TODAY, &["agenda", filter]);
        assert_eq!(out.status.code(), Some(3), "{filter}: nothing due");
        assert!(out.stdout.is_empty() && out.stderr.is_empty());
    }
    run(
        dir,
        &[
            "add",
            "Today's step",
            "--under",
            "5",
            "--step",
            "--due",
            TODAY,
        ],
    );
    let out = run_output(dir, TODAY, &["agenda", "--due-today"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("Today's step")
    );
}

#[test]
fn json_output_is_versioned_and_names_items_by_number() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    sample(dir);
    run(dir, &["edit", "3", "--repeats", "every 2 weeks"]);
    let list: Value = serde_json::from_str(&run(dir, &["list", "--json"])).unwrap();
    assert_eq!(list["goalcoach_json"], 1);
    let goal = &list["goals"][0];
    assert_eq!(
        (goal["num"].as_u64(), goal["title"].as_str()),
        (Some(1), Some("Learn Rust"))
    );
    assert_eq!(goal["deadline"], "2027-03-01");
    let step = &goal["milestones"][0]["steps"][0];
    assert_eq!(
        (step["num"].as_u64(), step["repeats"].as_str()),
        (Some(3), Some("every 2 weeks"))
    );

    let agenda: Value = serde_json::from_str(&run(dir, &["agenda", "--json"])).unwrap();
    assert_eq!(agenda["goalcoach_json"], 1);
    let first = &agenda["items"][0];
    assert_eq!(first["bucket"], "overdue");
    assert_eq!(
        (first["num"].as_u64(), first["goal"].as_u64()),
        (Some(3), Some(1))
    );
    assert!(
        agenda["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["kind"] == "goal")
    );

    let review: Value = serde_json::from_str(&run(dir, &["review", "--print", "--json"])).unwrap();
    assert_eq!(review["goalcoach_json"], 1);
    assert_eq!(review["state"], "not_yet", "the plan is new");
    assert_eq!(review["next"], "2026-11-22");
}

#[test]
fn a_csv_export_can_start_with_a_byte_order_mark_for_spreadsheets() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    sample(dir);
    run(dir, &["edit", "3", "--title", "=cmd|' /C calc'!A0"]);
    let out = run_output(dir, TODAY, &["export", "--format", "csv", "--bom"]);
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBF"), "a BOM first");
    let mut reader = csv::Reader::from_reader(&out.stdout[3..]);
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[5], "'=cmd|' /C calc'!A0", "defused");
    let plain = run_output(dir, TODAY, &["export", "--format", "csv"]);
    assert!(plain.stdout.starts_with(b"goal_id"), "no BOM unless asked");
}
