//! Every subcommand through the real binary, on temp dirs, with a fixed "today".

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

#[path = "common/files.rs"]
mod files;

use files::run_on_day;

const TODAY: &str = "2026-11-21";

fn goalcoach(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("goalcoach").unwrap();
    cmd.arg("--data-dir").arg(dir).arg("--today").arg(TODAY);
    cmd.env_remove("GOALCOACH_DATA_DIR");
    cmd.env("GOALCOACH_CONFIG", dir.join("no-config.toml"));
    cmd
}

fn run_ok(dir: &Path, args: &[&str]) -> String {
    let out = goalcoach(dir).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn run_err(dir: &Path, args: &[&str]) -> String {
    let out = goalcoach(dir).args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{args:?} should fail");
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).unwrap()
}

fn plan_json(dir: &Path) -> Value {
    serde_json::from_slice(&fs::read(dir.join("plan.json")).unwrap()).unwrap()
}

fn sample(dir: &Path) {
    run_ok(
        dir,
        &["add", "Become a staff engineer", "--deadline", "2027-06-30"],
    );
    run_ok(
        dir,
        &[
            "add",
            "Lead a cross-team project",
            "--under",
            "1",
            "--due",
            "+1w",
        ],
    );
    run_ok(
        dir,
        &[
            "add",
            "Write the design doc",
            "--under",
            "#2",
            "--due",
            "2026-11-01",
        ],
    );
    run_ok(dir, &["add", "Ask for a sponsor", "--under", "1", "--step"]);
}

#[test]
fn add_builds_goal_milestone_and_steps_on_disk() {
    let tmp = tempfile::tempdir().unwrap();
    sample(tmp.path());
    let plan = plan_json(tmp.path());
    let goal = &plan["goals"][0];
    assert_eq!(goal["title"], "Become a staff engineer");
    assert_eq!(goal["deadline"], "2027-06-30");
    assert_eq!(goal["milestones"][0]["target"], "2026-11-28");
    assert_eq!(
        goal["milestones"][0]["steps"][0]["title"],
        "Write the design doc"
    );
    assert_eq!(goal["steps"][0]["title"], "Ask for a sponsor");
}

#[test]
fn list_shows_ids_progress_dates_and_smart_gaps() {
    let tmp = tempfile::tempdir().unwrap();
    sample(tmp.path());
    let out = run_ok(tmp.path(), &["list"]);
    let first = out.lines().next().unwrap();
    assert!(
        first.contains("#1 [ ]   0% [active] Become a staff engineer"),
        "{out}"
    );
    assert!(first.contains("due 2027-06-30"), "{out}");
    assert!(first.contains("SMART gaps: SAR"), "{out}");
    assert!(
        out.contains("#3 [ ] Write the design doc  due 2026-11-01 (overdue)"),
        "{out}"
    );
}

#[test]
fn agenda_buckets_items_and_lists_stuck_goals() {
    let tmp = tempfile::tempdir().unwrap();
    sample(tmp.path());
    run_ok(tmp.path(), &["add", "Nothing planned yet"]);
    let out = run_ok(tmp.path(), &["agenda"]);
    assert!(
        out.contains("Overdue:\n  2026-11-01 #3  step Write the design doc"),
        "{out}"
    );
    assert!(
        out.contains("Next week:\n  2026-11-28 #2  milestone"),
        "{out}"
    );
    assert!(
        out.contains("Stuck (no open next step):\n  #5 Nothing planned yet"),
        "{out}"
    );
    let pace_line = "Goals:\n  #1   0% Become a staff engineer  on track (pace line at 0%)";
    assert!(out.contains(pace_line), "{out}");
    assert!(out.contains("SMART gaps: SAR"), "{out}");
}

#[test]
fn checkin_records_value_confidence_and_note() {
    let tmp = tempfile::tempdir().unwrap();
    sample(tmp.path());
    let err = run_err(tmp.path(), &["checkin", "1", "--value", "2"]);
    assert!(err.contains("has no measure"), "{err}");
    run_ok(
        tmp.path(),
        &["checkin", "1", "--confidence", "4", "--note", "good week"],
    );
    let c = &plan_json(tmp.path())["goals"][0]["checkins"][0];
    assert_eq!(c["date"], TODAY);
    assert_eq!(c["confidence"], 4);
    assert_eq!(c["note"], "good week");
}

#[test]
fn export_json_is_the_document_and_markdown_reads_well() {
    let tmp = tempfile::tempdir().unwrap();
    sample(tmp.path());
    let json: Value =
        serde_json::from_str(&run_ok(tmp.path(), &["export", "--format", "json"])).unwrap();
    assert_eq!(json, plan_json(tmp.path()));
    let md = run_ok(tmp.path(), &["export", "--format", "markdown"]);
    assert!(
        md.contains("# Become a staff engineer 📅 2027-06-30\n"),
        "{md}"
    );
    assert!(md.contains("Status: active, progress 0%"), "{md}");
    assert!(
        md.contains("- [ ] Write the design doc 📅 2026-11-01 (overdue)\n"),
        "{md}"
    );
    let out = tmp.path().join("plan.md");
    run_ok(tmp.path(), &["export", "-o", out.to_str().unwrap()]);
    assert_eq!(fs::read_to_string(out).unwrap(), md);
}

#[test]
fn import_merges_by_id_without_duplicating() {
    let src = tempfile::tempdir().unwrap();
    sample(src.path());
    let export = src.path().join("export.json");
    run_ok(
        src.path(),
        &["export", "--format", "json", "-o", export.to_str().unwrap()],
    );
    let dst = tempfile::tempdir().unwrap();
    run_ok(dst.path(), &["add", "My own goal"]);
    let out = run_ok(dst.path(), &["import", export.to_str().unwrap()]);
    assert!(out.contains("1 new goals"), "{out}");
    run_ok(dst.path(), &["import", export.to_str().unwrap()]);
    let plan = plan_json(dst.path());
    let titles: Vec<_> = plan["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["title"].clone())
        .collect();
    assert_eq!(titles, ["My own goal", "Become a staff engineer"]);
}

#[test]
fn a_bad_import_names_the_line_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    sample(tmp.path());
    let before = fs::read(tmp.path().join("plan.json")).unwrap();
    let bad = tmp.path().join("bad.json");
    fs::write(&bad, "{\n\"schema_version\": 1,\n\"goals\": [,]\n}").unwrap();
    let err = run_err(tmp.path(), &["import", bad.to_str().unwrap()]);
    assert!(err.contains("line 3, column"), "{err}");
    assert_eq!(fs::read(tmp.path().join("plan.json")).unwrap(), before);
}

#[test]
fn bad_input_gets_a_clear_message_and_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(run_err(tmp.path(), &["add", "  "]).contains("title is empty"));
    assert!(
        run_err(tmp.path(), &["add", "x", "--deadline", "someday"])
            .contains("'someday' is not a date")
    );
    assert!(run_err(tmp.path(), &["add", "x", "--under", "9"]).contains("there is no item #9"));
    assert!(
        !tmp.path().join("plan.json").exists(),
        "failed edits write nothing"
    );
}

#[test]
fn a_corrupt_plan_is_refused_by_every_command_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("plan.json");
    fs::write(&path, "{\"schema_version\": 1, \"goals\": [").unwrap();
    for args in [&["list"][..], &["add", "x"], &["agenda"]] {
        let err = run_err(tmp.path(), args);
        assert!(
            err.contains(&path.display().to_string()) && err.contains("line 1"),
            "{err}"
        );
    }
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "{\"schema_version\": 1, \"goals\": ["
    );
}

#[test]
fn path_honours_flag_and_environment() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_ok(tmp.path(), &["path"]);
    assert_eq!(
        out.trim(),
        tmp.path().join("plan.json").display().to_string()
    );
    let env_dir = tmp.path().join("from-env");
    let out = Command::cargo_bin("goalcoach")
        .unwrap()
        .env("GOALCOACH_DATA_DIR", &env_dir)
        .arg("path")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        env_dir.join("plan.json").display().to_string()
    );
}

#[test]
fn every_subcommand_has_help() {
    let tmp = tempfile::tempdir().unwrap();
    for sub in [
        "add", "list", "agenda", "checkin", "export", "import", "path",
    ] {
        let out = run_ok(tmp.path(), &[sub, "--help"]);
        assert!(out.contains("Usage: goalcoach"), "{sub}: {out}");
    }
}

fn goal_titles(dir: &Path) -> Vec<String> {
    let plan = plan_json(dir);
    plan["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["title"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn restore_lists_backups_and_puts_one_back_keeping_the_current_plan() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    assert!(run_on_day(dir, "2026-11-20", &["restore"]).contains("No backups yet"));
    run_on_day(dir, "2026-11-20", &["add", "First"]);
    run_on_day(dir, "2026-11-21", &["add", "Second"]);
    let list = run_on_day(dir, "2026-11-21", &["restore"]);
    assert!(list.contains("  1. plan-2026-11-21.json"), "{list}");
    let out = run_on_day(dir, "2026-11-21", &["restore", "1"]);
    assert!(
        out.contains("restored") && out.contains("(1 goal)"),
        "{out}"
    );
    assert_eq!(goal_titles(dir), ["First"]);
    let kept: Vec<_> = std::fs::read_dir(dir.join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("before-restore"))
        .collect();
    assert_eq!(kept.len(), 1, "the replaced plan is kept");
    let replaced = std::fs::read_to_string(dir.join("backups").join(&kept[0])).unwrap();
    assert!(replaced.contains("Second"));
    run_on_day(dir, "2026-11-21", &["add", "Third"]);
    assert_eq!(
        goal_titles(dir),
        ["First", "Third"],
        "saving after a restore works"
    );
}

#[test]
fn restore_rescues_a_corrupt_plan_and_keeps_the_damaged_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    run_on_day(dir, "2026-11-20", &["add", "Good"]);
    run_on_day(dir, "2026-11-21", &["add", "Also good"]);
    std::fs::write(dir.join("plan.json"), "{ damaged").unwrap();
    let list = run_on_day(dir, "2026-11-21", &["restore"]);
    assert!(list.contains("plan-2026-11-21.json"), "{list}");
    run_on_day(dir, "2026-11-21", &["restore", "plan-2026-11-21.json"]);
    assert_eq!(goal_titles(dir), ["Good"]);
    let damaged = std::fs::read_dir(dir.join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("before-restore"))
        .unwrap();
    assert_eq!(std::fs::read_to_string(damaged).unwrap(), "{ damaged");
}

#[test]
fn restore_refuses_a_missing_or_bad_backup() {
    let tmp = tempfile::tempdir().unwrap();
    run_ok(tmp.path(), &["add", "Keep me"]);
    assert!(run_err(tmp.path(), &["restore", "3"]).contains("there is no backup 3"));
    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, "not json").unwrap();
    assert!(run_err(tmp.path(), &["restore", bad.to_str().unwrap()]).contains("not valid"));
    assert_eq!(goal_titles(tmp.path()), ["Keep me"]);
}

const SUBCOMMANDS: [&str; 15] = [
    "add",
    "list",
    "agenda",
    "checkin",
    "done",
    "status",
    "edit",
    "delete",
    "move",
    "export",
    "import",
    "restore",
    "path",
    "completions",
    "man",
];

#[test]
fn completions_and_the_man_page_name_every_subcommand() {
    let tmp = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let script = run_ok(tmp.path(), &["completions", shell]);
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} completion lacks {sub}");
        }
    }
    let page = run_ok(tmp.path(), &["man"]);
    assert!(
        page.starts_with(".ie") && page.contains(".TH goalcoach 1"),
        "{page}"
    );
    for sub in SUBCOMMANDS {
        assert!(
            page.contains(&format!(".SS \"goalcoach {sub}\"")),
            "man page lacks a section for {sub}"
        );
    }
    for section in [
        "EXIT STATUS",
        "ENVIRONMENT",
        "FILES",
        "GOALCOACH_DATA_DIR",
        "NO_COLOR",
    ] {
        assert!(page.contains(section), "man page lacks {section}");
    }
    assert!(
        !page.contains("goalcoach\\-add(1)"),
        "no pointer to a page that is not installed"
    );
    assert!(
        page.contains("\\fB\\-\\-due\\-today\\fR"),
        "options of a subcommand"
    );
    let version = run_ok(tmp.path(), &["--version"]);
    assert_eq!(
        version.trim(),
        format!("goalcoach {}", env!("CARGO_PKG_VERSION"))
    );
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_is_not_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    // Far more than a pipe buffer, so the writer really meets the closed pipe.
    let big = goalcoach::sample::generate(&goalcoach::sample::GenOptions {
        items: 3000,
        seed: 1,
        today: TODAY.parse().unwrap(),
    });
    fs::write(
        tmp.path().join("plan.json"),
        goalcoach::store::to_pretty_json(&big),
    )
    .unwrap();
    let bin = assert_cmd::cargo::cargo_bin("goalcoach");
    let script = format!(
        "'{}' --data-dir '{}' export --format json | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}",
        bin.display(),
        tmp.path().display()
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(&script)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "0",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn import_reads_a_markdown_outline_and_a_taskwarrior_export() {
    let tmp = tempfile::tempdir().unwrap();
    let outline = tmp.path().join("notes.md");
    fs::write(&outline, "- Speak at a conference\n  - Get accepted\n    - [x] Pick three CFPs\n    - Draft the abstract\n").unwrap();
    let out = run_ok(tmp.path(), &["import", outline.to_str().unwrap()]);
    assert!(
        out.contains("imported 1 goal, 1 milestone, 2 steps"),
        "{out}"
    );
    let tasks = tmp.path().join("tasks.json");
    fs::write(
        &tasks,
        r#"[{"uuid":"u1","description":"Update CV","project":"Job search","status":"pending"}]"#,
    )
    .unwrap();
    run_ok(tmp.path(), &["import", tasks.to_str().unwrap()]);
    run_ok(tmp.path(), &["import", tasks.to_str().unwrap()]);
    let plan = plan_json(tmp.path());
    assert_eq!(plan["goals"][0]["milestones"][0]["steps"][0]["done"], TODAY);
    assert_eq!(plan["goals"][1]["title"], "Job search");
    assert_eq!(
        plan["goals"][1]["steps"].as_array().unwrap().len(),
        1,
        "no duplicate on re-import"
    );
}

#[test]
fn config_prints_a_default_that_reads_well_and_reports_problems_by_line() {
    let tmp = tempfile::tempdir().unwrap();
    let default = run_ok(tmp.path(), &["config", "--print-default"]);
    assert!(
        default.contains("# \"move_down\" = [\"j\", \"↓\"]"),
        "{default}"
    );
    let path = tmp.path().join("config.toml");
    fs::write(&path, &default).unwrap();
    let out = run_ok(tmp.path(), &["--config", path.to_str().unwrap(), "config"]);
    assert!(out.contains("reads well"), "{out}");
    fs::write(&path, "week_start = \"sunday\"\n[keys]\nundo = \"j\"\n").unwrap();
    let out = goalcoach(tmp.path())
        .args(["--config", path.to_str().unwrap(), "config"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "a file with problems fails the check"
    );
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.contains("line 3: keys.undo: 'j' is already the key of 'move_down'"),
        "{out}"
    );
    // The agenda honours the week start: 2026-11-22 is a Sunday, the first day of next week.
    run_ok(tmp.path(), &["add", "Weekend step goal"]);
    run_ok(
        tmp.path(),
        &[
            "add",
            "Sunday step",
            "--under",
            "1",
            "--step",
            "--due",
            "2026-11-22",
        ],
    );
    let agenda = run_ok(tmp.path(), &["--config", path.to_str().unwrap(), "agenda"]);
    assert!(agenda.contains("Next week:\n  2026-11-22"), "{agenda}");
    let monday_weeks = run_ok(tmp.path(), &["agenda"]);
    assert!(
        monday_weeks.contains("This week:\n  2026-11-22"),
        "{monday_weeks}"
    );
}

#[test]
fn review_print_shows_this_weeks_draft() {
    let tmp = tempfile::tempdir().unwrap();
    sample(tmp.path());
    run_ok(tmp.path(), &["add", "Quiet goal"]);
    let out = run_ok(tmp.path(), &["review", "--print"]);
    // The plan was made on Saturday 2026-11-21: no review is asked for the week before it.
    assert!(
        out.starts_with(
            "Weekly review 2026-W46 (for 2026-11-15): not yet; the first one is for 2026-11-22"
        ),
        "{out}"
    );
    let out = run_on_day(tmp.path(), "2026-11-22", &["review", "--print"]);
    assert!(
        out.starts_with("Weekly review 2026-W47 (for 2026-11-22): due"),
        "{out}"
    );
    assert!(out.contains("Goals to review (2):\n#1 [ ]"), "{out}");
    assert!(out.contains("Stuck and stale:"), "{out}");
    assert!(out.contains("#3 Write the design doc  (overdue)"), "{out}");
    assert!(out.contains("#5 Quiet goal  (no next step)"), "{out}");
}

#[test]
fn status_and_edit_keep_a_change_of_course_with_its_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    sample(dir);
    run_ok(
        dir,
        &[
            "edit",
            "1",
            "--due",
            "2027-09-30",
            "--why",
            "promo cycle moved",
        ],
    );
    run_ok(dir, &["status", "1", "hold"]);
    let adaptations = &plan_json(dir)["goals"][0]["adaptations"];
    assert_eq!(adaptations[0]["what"], "deadline");
    assert_eq!(adaptations[0]["from"], "2027-06-30");
    assert_eq!(adaptations[0]["to"], "2027-09-30");
    assert_eq!(adaptations[0]["why"], "promo cycle moved");
    assert_eq!(adaptations[1]["to"], "on hold");
    assert_eq!(adaptations[1]["why"], "");
    // Retitling is not a change of course.
    run_ok(
        dir,
        &["edit", "1", "--title", "Become a staff engineer soon"],
    );
    assert_eq!(
        plan_json(dir)["goals"][0]["adaptations"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let review = run_ok(dir, &["review", "--print"]);
    assert!(review.contains("Since you adapted"), "{review}");
}

#[test]
fn measures_are_added_listed_edited_checked_in_and_deleted_and_bad_input_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    sample(dir);
    let said = run_ok(
        dir,
        &[
            "measure",
            "add",
            "1",
            "Direct reports",
            "--target",
            "5",
            "--unit",
            "people",
        ],
    );
    assert_eq!(said, "added lagging measure “Direct reports” to goal #1\n");
    run_ok(
        dir,
        &[
            "measure",
            "add",
            "1",
            "1:1s held",
            "--target",
            "12",
            "--leading",
        ],
    );
    let listed = run_ok(dir, &["measure", "list", "1"]);
    let first = listed.lines().next().unwrap();
    assert!(
        first.starts_with("1:1s held") && first.contains("leading"),
        "{listed}"
    );
    assert!(listed.contains("0 → 5 people (now 0, 0%)"), "{listed}");

    // Bad input: each refused with a message, the file untouched.
    let before = fs::read(dir.join("plan.json")).unwrap();
    for (args, says) in [
        (
            vec!["measure", "add", "1", "Direct reports", "--target", "3"],
            "already has a measure",
        ),
        (
            vec!["measure", "add", "1", "Flat", "--target", "0"],
            "equals the start",
        ),
        (
            vec!["measure", "add", "9", "X", "--target", "3"],
            "there is no item #9",
        ),
        (
            vec!["measure", "edit", "1", "Nope", "--target", "3"],
            "no measure called “Nope”",
        ),
        (
            vec!["checkin", "1", "--value", "2"],
            "say which with --measure",
        ),
        (
            vec![
                "checkin",
                "1",
                "--measure",
                "Direct reports",
                "--value",
                "nan",
            ],
            "nan",
        ),
    ] {
        let out = goalcoach(dir).args(&args).output().unwrap();
        assert!(!out.status.success(), "{args:?} should fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
        assert_eq!(fs::read(dir.join("plan.json")).unwrap(), before, "{args:?}");
    }

    run_ok(
        dir,
        &[
            "checkin",
            "1",
            "--measure",
            "1:1s held",
            "--value",
            "3",
            "--confidence",
            "4",
        ],
    );
    run_ok(
        dir,
        &[
            "measure",
            "edit",
            "1",
            "Direct reports",
            "--target",
            "4",
            "--why",
            "smaller team",
        ],
    );
    let plan = plan_json(dir);
    let goal = &plan["goals"][0];
    assert_eq!(goal["measures"][1]["points"][0]["value"], 3.0);
    assert_eq!(goal["measures"][0]["target"], 4.0);
    assert_eq!(goal["adaptations"][0]["why"], "smaller team");
    let list = serde_json::from_str::<Value>(&run_ok(dir, &["list", "--json"])).unwrap();
    let measures = &list["goals"][0]["measures"];
    assert_eq!(measures[1]["name"], "1:1s held");
    assert_eq!(measures[1]["leading"], true);
    assert_eq!(measures[1]["progress"], 0.25);
    run_ok(dir, &["measure", "delete", "1", "1:1s held"]);
    assert_eq!(
        plan_json(dir)["goals"][0]["measures"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // With one measure, --measure is not needed.
    run_ok(dir, &["checkin", "1", "--value", "1"]);
    assert_eq!(plan_json(dir)["goals"][0]["measures"][0]["current"], 1.0);
}

#[test]
fn the_brief_gives_one_page_since_a_day_in_markdown_or_text() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    sample(dir);
    run_ok(
        dir,
        &["measure", "add", "1", "Direct reports", "--target", "5"],
    );
    run_ok(dir, &["checkin", "1", "--value", "1"]);
    let md = run_ok(dir, &["brief", "--since", "2026-11-01"]);
    assert!(
        md.starts_with("# Career brief, 2026-11-01 to 2026-11-21\n"),
        "{md}"
    );
    assert!(md.contains("## Become a staff engineer"), "{md}");
    assert!(
        md.contains("- Direct reports (lagging): 0 → 1 of 5"),
        "{md}"
    );
    let text = run_ok(dir, &["brief", "--format", "text"]);
    assert!(
        text.starts_with("Career brief, 2026-10-24 to 2026-11-21\n====="),
        "{text}"
    );
    let err = run_err(dir, &["brief", "--since", "someday"]);
    assert!(err.contains("someday"), "{err}");
}

#[test]
fn titles_are_kept_without_the_spaces_around_them_so_an_export_reads_back_once() {
    let dir = tempfile::tempdir().unwrap();
    run_ok(dir.path(), &["add", "  Speak at a meetup  "]);
    run_ok(
        dir.path(),
        &["add", " Book a room ", "--under", "1", "--step"],
    );
    run_ok(dir.path(), &["edit", "2", "--title", "  Book the room\t"]);
    let plan = plan_json(dir.path());
    assert_eq!(plan["goals"][0]["title"], "Speak at a meetup");
    assert_eq!(plan["goals"][0]["steps"][0]["title"], "Book the room");
    let md = dir.path().join("out.md");
    run_ok(
        dir.path(),
        &["export", "--format", "markdown", "-o", md.to_str().unwrap()],
    );
    let said = run_ok(dir.path(), &["import", md.to_str().unwrap()]);
    assert!(
        said.contains("imported 0 goals, 0 milestones, 0 steps"),
        "{said}"
    );
}

#[test]
fn show_prints_one_item_in_full_and_as_json() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let text = run_ok(dir.path(), &["show", "1"]);
    assert!(text.contains("SMART"), "a goal shows its card: {text}");
    let list: Value = serde_json::from_str(&run_ok(dir.path(), &["list", "--json"])).unwrap();
    let step = &list["goals"][0]["steps"][0];
    let num = step["num"].to_string();
    let text = run_ok(dir.path(), &["show", &num]);
    assert!(text.starts_with(step["title"].as_str().unwrap()), "{text}");
    let json: Value = serde_json::from_str(&run_ok(dir.path(), &["show", &num, "--json"])).unwrap();
    assert_eq!(json["kind"], "step");
    assert_eq!(json["summary"], *step);
    assert_eq!(json["item"]["title"], step["title"]);
    let err = run_err(dir.path(), &["show", "999"]);
    assert!(err.contains("there is no item #999"), "{err}");
}

#[test]
fn demo_with_a_command_is_refused_and_the_real_plan_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let before = fs::read(dir.path().join("plan.json")).unwrap();
    let err = run_err(dir.path(), &["--demo", "add", "Not for the real plan"]);
    assert!(
        err.contains("--demo") && err.contains("nothing was read or changed"),
        "{err}"
    );
    assert_eq!(fs::read(dir.path().join("plan.json")).unwrap(), before);
}

#[test]
fn config_with_problems_exits_1_and_says_them() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    fs::write(&config, "theme = \"purple\"\n").unwrap();
    let out = goalcoach(dir.path())
        .args(["config", "--config", config.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("has problems"));
    fs::write(&config, "theme = \"light\"\n").unwrap();
    let out = goalcoach(dir.path())
        .args(["config", "--config", config.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}
