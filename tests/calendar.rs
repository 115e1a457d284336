//! The calendar folder on its own (no server): goalcoach's files and UIDs, what it reads back
//! (a repeating step's occurrence, a deletion there, a deletion here), and every bad input —
//! a missing folder, a link, a file where the folder goes, foreign and broken files, an
//! unknown setting — with the plan untouched and foreign files left byte for byte.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct Dirs {
    _root: tempfile::TempDir,
    data: PathBuf,
    vdir: PathBuf,
    config: PathBuf,
}

fn dirs() -> Dirs {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let vdir = root.path().join("vdir");
    std::fs::create_dir_all(&vdir).unwrap();
    let config = root.path().join("config.toml");
    Dirs {
        data,
        vdir,
        config,
        _root: root,
    }
}

fn run(d: &Dirs, day: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_goalcoach"))
        .arg("--data-dir")
        .arg(&d.data)
        .args(["--today", day])
        .args(args)
        .env("GOALCOACH_CONFIG", &d.config)
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn ok(d: &Dirs, day: &str, args: &[&str]) -> String {
    let out = run(d, day, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn sync(d: &Dirs, day: &str) -> String {
    ok(
        d,
        day,
        &["calendar", "sync", "--vdir", d.vdir.to_str().unwrap()],
    )
}

fn files(vdir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(vdir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ics"))
        .collect();
    names.sort();
    names
}

fn file_with(vdir: &Path, text: &str) -> PathBuf {
    files(vdir)
        .into_iter()
        .map(|n| vdir.join(n))
        .find(|p| std::fs::read_to_string(p).unwrap().contains(text))
        .unwrap_or_else(|| panic!("no file with {text:?}"))
}

fn plan(d: &Dirs) -> Value {
    serde_json::from_slice(&std::fs::read(d.data.join("plan.json")).unwrap()).unwrap()
}

fn outline(d: &Dirs) {
    let md = d.data.parent().unwrap().join("plan.md");
    std::fs::write(
        &md,
        "# Speak at a meetup 📅 2027-03-01\n\n- [ ] Practise out loud 🔁 weekly 📅 2026-12-03\n\
         - [ ] Book the room 📅 2026-12-12\n",
    )
    .unwrap();
    ok(d, "2026-12-02", &["import", md.to_str().unwrap()]);
}

#[test]
fn files_and_uids_stay_the_same_and_a_repeating_step_done_there_moves_on() {
    let d = dirs();
    outline(&d);
    sync(&d, "2026-12-02");
    let names = files(&d.vdir);
    assert_eq!(names.len(), 4, "deadline, two steps, the review: {names:?}");
    let practise = file_with(&d.vdir, "SUMMARY:Practise out loud");
    let text = std::fs::read_to_string(&practise).unwrap();
    assert!(
        text.contains("RRULE:FREQ=WEEKLY") && text.contains("DTSTART;VALUE=DATE:20261203"),
        "{text}"
    );
    assert!(std::fs::read_to_string(d.vdir.join("displayname")).unwrap() == "goalcoach");

    // The phone ticks this week's occurrence.
    let done = text.replace(
        "STATUS:NEEDS-ACTION",
        "STATUS:COMPLETED\r\nCOMPLETED:20261203T083000Z",
    );
    std::fs::write(&practise, done).unwrap();
    let said = sync(&d, "2026-12-04");
    assert!(said.contains("took 1 change"), "{said}");
    let step = &plan(&d)["goals"][0]["steps"][0];
    assert_eq!(step["history"], serde_json::json!(["2026-12-03"]));
    assert_eq!(step["due"], "2026-12-10", "on to the next occurrence");
    assert_eq!(files(&d.vdir), names, "the same files, the same names");
    let text = std::fs::read_to_string(&practise).unwrap();
    assert!(
        text.contains("DUE;VALUE=DATE:20261210") && text.contains("STATUS:NEEDS-ACTION"),
        "{text}"
    );
    // Read again: nothing more happens.
    let said = sync(&d, "2026-12-04");
    assert!(said.starts_with("calendar: wrote 0 items"), "{said}");
}

#[test]
fn deleted_there_comes_back_deleted_here_goes_and_foreign_files_stay_as_they_are() {
    let d = dirs();
    outline(&d);
    let event = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:dentist\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    std::fs::write(d.vdir.join("dentist.ics"), event).unwrap();
    std::fs::write(d.vdir.join("broken.ics"), "not a calendar").unwrap();
    sync(&d, "2026-12-02");
    let book = file_with(&d.vdir, "SUMMARY:Book the room");
    std::fs::remove_file(&book).unwrap();
    let said = sync(&d, "2026-12-02");
    assert!(
        said.contains("1 item deleted in the calendar written back"),
        "{said}"
    );
    assert!(
        said.contains("left alone 1 file not to-dos (events and the like)"),
        "{said}"
    );
    assert!(said.contains("broken.ics"), "{said}");
    assert!(book.exists(), "written again");
    ok(&d, "2026-12-02", &["delete", "3"]);
    let said = sync(&d, "2026-12-02");
    assert!(said.contains("removed 1 item deleted here"), "{said}");
    assert!(!book.exists());
    assert_eq!(
        std::fs::read_to_string(d.vdir.join("dentist.ics")).unwrap(),
        event
    );
    assert_eq!(
        std::fs::read_to_string(d.vdir.join("broken.ics")).unwrap(),
        "not a calendar"
    );
}

#[test]
fn a_bad_folder_is_refused_and_the_plan_is_untouched() {
    let d = dirs();
    outline(&d);
    let before = std::fs::read(d.data.join("plan.json")).unwrap();
    let missing = d.vdir.join("nope");
    let link = d.vdir.parent().unwrap().join("link");
    std::os::unix::fs::symlink(&d.vdir, &link).unwrap();
    let file = d.vdir.parent().unwrap().join("file.ics");
    std::fs::write(&file, "").unwrap();
    for (folder, says) in [
        (&missing, "is not there"),
        (&link, "is a link"),
        (&file, "is not a folder"),
    ] {
        let out = run(
            &d,
            "2026-12-02",
            &["calendar", "sync", "--vdir", folder.to_str().unwrap()],
        );
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(says) && err.contains("nothing was changed"),
            "{err}"
        );
        assert_eq!(std::fs::read(d.data.join("plan.json")).unwrap(), before);
    }
    let out = run(&d, "2026-12-02", &["calendar", "sync"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no calendar folder"));
    assert!(files(&d.vdir).is_empty(), "nothing written anywhere");
}

#[test]
fn the_configured_folder_and_reminders_are_used_and_sync_runs_it_too() {
    let d = dirs();
    outline(&d);
    std::fs::write(
        &d.config,
        format!(
            "[calendar]\nvdir = \"{}\"\nremind = \"off\"\n",
            d.vdir.display()
        ),
    )
    .unwrap();
    let said = ok(&d, "2026-12-02", &["calendar", "sync"]);
    assert!(said.contains("wrote 4 items"), "{said}");
    let text = std::fs::read_to_string(file_with(&d.vdir, "SUMMARY:Book the room")).unwrap();
    assert!(!text.contains("VALARM"), "reminders off: {text}");
    // `goalcoach sync` runs the calendar sync after git's.
    ok(&d, "2026-12-02", &["sync", "--init"]);
    ok(
        &d,
        "2026-12-02",
        &[
            "add",
            "Ask Dana",
            "--under",
            "1",
            "--step",
            "--due",
            "2026-12-09",
        ],
    );
    let said = ok(&d, "2026-12-02", &["sync"]);
    assert!(said.contains("calendar: wrote 1 item"), "{said}");
    std::fs::write(&d.config, "[calendar]\nremind = \"nine\"\n").unwrap();
    let out = run(&d, "2026-12-02", &["config"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("calendar.remind"),
        "a bad value is named"
    );
}

#[test]
fn remind_says_what_is_due_and_exits_3_when_nothing_is() {
    let d = dirs();
    outline(&d);
    let said = ok(&d, "2026-12-03", &["remind"]);
    assert!(said.contains("Practise out loud"), "{said}");
    let out = run(&d, "2026-12-04", &["remind"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Practise out loud"),
        "overdue too"
    );
    let sunday = ok(&d, "2026-12-06", &["remind"]);
    assert!(
        sunday.contains("weekly review of 2026-12-06 is due"),
        "{sunday}"
    );
    let empty = dirs();
    ok(&empty, "2026-12-02", &["add", "Someday"]);
    let out = run(&empty, "2026-12-02", &["remind"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_dropped_goal_goes_out_cancelled_and_a_finished_one_completed() {
    let d = dirs();
    outline(&d);
    ok(
        &d,
        "2026-12-02",
        &["add", "Learn Rust", "--deadline", "2027-06-30"],
    );
    ok(
        &d,
        "2026-12-02",
        &[
            "add",
            "Read the book",
            "--under",
            "4",
            "--step",
            "--due",
            "2026-12-20",
        ],
    );
    sync(&d, "2026-12-02");
    ok(
        &d,
        "2026-12-02",
        &["status", "1", "drop", "--why", "the meetup moved abroad"],
    );
    ok(&d, "2026-12-02", &["status", "4", "done"]);
    let said = sync(&d, "2026-12-02");
    assert!(said.contains("wrote"), "{said}");
    let book = std::fs::read_to_string(file_with(&d.vdir, "SUMMARY:Book the room")).unwrap();
    assert!(
        book.contains("STATUS:CANCELLED"),
        "a dropped goal's step: {book}"
    );
    let rust = std::fs::read_to_string(file_with(&d.vdir, "SUMMARY:Deadline: Learn Rust")).unwrap();
    assert!(rust.contains("STATUS:COMPLETED"), "a finished goal: {rust}");
    assert!(!rust.contains("VALARM"), "no reminder for what is done");
}
