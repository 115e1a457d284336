//! Round two of "nothing a person writes is lost": values and files that would poison the
//! plan, work that existed only in memory, the file system's traps. Each test fails if its
//! way of losing data comes back (docs/reliability.md maps them).

#[path = "common/files.rs"]
mod files;

use files::*;
use goalcoach::model::{Goal, ItemId, Plan};
use goalcoach::store::{LoadError, PLAN_FILE, SaveError, Store};
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn goalcoach(dir: &Path, args: &[&str]) -> Output {
    run_output(dir, TODAY, args)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn write_plan(dir: &Path, json: &str) -> std::path::PathBuf {
    let path = dir.join(PLAN_FILE);
    fs::write(&path, json).unwrap();
    path
}

fn measured_goal_plan(dir: &Path) {
    write_plan(
        dir,
        r#"{"schema_version": 1, "next_id": 2, "goals": [{"id": 1, "title": "Certify",
            "created": "2026-11-01", "measure": {"unit": "certs", "start": 0, "current": 0, "target": 2}}]}"#,
    );
}

#[test]
fn a_checkin_value_that_is_not_a_finite_number_is_refused_and_the_file_stays_readable() {
    let tmp = tempfile::tempdir().unwrap();
    measured_goal_plan(tmp.path());
    let before = fs::read(tmp.path().join(PLAN_FILE)).unwrap();
    for bad in ["nan", "inf", "-inf", "1e309", "1e13", "NaN"] {
        let value = format!("--value={bad}");
        let out = goalcoach(tmp.path(), &["checkin", "1", &value]);
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("is not a number from"),
            "{bad}: {}",
            stderr(&out)
        );
        assert_eq!(
            fs::read(tmp.path().join(PLAN_FILE)).unwrap(),
            before,
            "{bad}"
        );
    }
    let out = goalcoach(tmp.path(), &["checkin", "1", "--value", "-1.5"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = goalcoach(tmp.path(), &["list"]);
    assert!(
        out.status.success(),
        "the file still reads: {}",
        stderr(&out)
    );
}

#[test]
fn a_hand_edited_value_out_of_range_is_refused_by_name_and_the_file_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let path = write_plan(
        tmp.path(),
        r#"{"schema_version": 1, "goals": [{"id": 1, "title": "Huge", "created": "2026-11-01",
            "review_interval_days": 4294967295, "last_reviewed": "2026-11-01",
            "measure": {"start": -1.7e308, "current": 0, "target": 1.7e308}}]}"#,
    );
    let before = fs::read(&path).unwrap();
    for args in [&["list"][..], &["review", "--print"], &["add", "x"]] {
        let out = goalcoach(tmp.path(), args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{args:?} must fail cleanly, not panic"
        );
        let err = stderr(&out);
        assert!(
            err.contains("measure start") && err.contains("review_interval_days 4294967295"),
            "{args:?}: {err}"
        );
        assert_eq!(fs::read(&path).unwrap(), before);
    }
}

#[test]
fn a_save_never_writes_a_file_goalcoach_would_refuse() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, _) = open(tmp.path());
    store.save(&plan_with_goal("v1")).unwrap();
    let before = fs::read(tmp.path().join(PLAN_FILE)).unwrap();
    let mut poisoned = plan_with_goal("v2");
    poisoned.goals[0].weight = f64::NAN;
    let err = store.save(&poisoned).unwrap_err();
    assert!(matches!(err, SaveError::Invalid { .. }), "{err}");
    assert!(err.to_string().contains("weight NaN"), "{err}");
    let mut twins = plan_with_goal("a");
    twins.goals.push(Goal::new(twins.goals[0].id, "b", today()));
    let err = store.save(&twins).unwrap_err();
    assert!(err.to_string().contains("used twice"), "{err}");
    assert_eq!(fs::read(tmp.path().join(PLAN_FILE)).unwrap(), before);
}

#[test]
fn duplicate_ids_are_repaired_on_load_and_a_delete_lands_on_the_item_selected() {
    let tmp = tempfile::tempdir().unwrap();
    write_plan(
        tmp.path(),
        r#"{"schema_version": 1, "next_id": 18446744073709551615, "goals": [
            {"id": 1, "title": "Goal A", "created": "2026-11-01",
             "milestones": [{"id": 2, "title": "A's milestone", "steps": [{"id": 3, "title": "A's step"}]}]},
            {"id": 1, "title": "Goal B", "created": "2026-11-01"}]}"#,
    );
    let (store, plan) = open(tmp.path());
    let notices = store.notices().join("\n");
    assert!(
        notices.contains("Goal B") && notices.contains("number counter"),
        "{notices}"
    );
    let b = plan.goals[1].id;
    assert_ne!(b, plan.goals[0].id);
    drop(store);
    let out = goalcoach(tmp.path(), &["add", "Another goal"]);
    assert!(
        out.status.success(),
        "the jammed counter no longer jams adds: {}",
        stderr(&out)
    );
    // In the app: select Goal B (the last row after A's tree) and delete it.
    let (mut store, plan) = open(tmp.path());
    let mut state = goalcoach::app::state::AppState::new(plan, today());
    goalcoach::app::update::update(&mut state, goalcoach::app::action::Action::Resize(100, 30));
    state.select_id(b);
    let press = |state: &mut _, c| {
        goalcoach::app::handle_key(
            state,
            &crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char(c)),
        )
    };
    press(&mut state, 'd');
    let effect = press(&mut state, 'y');
    goalcoach::app::perform(effect, &mut state, &mut store);
    let titles: Vec<&str> = state
        .plan()
        .goals
        .iter()
        .map(|g| g.title.as_str())
        .collect();
    assert_eq!(titles, ["Goal A", "Another goal"]);
    assert_eq!(
        state.plan().goals[0].milestones.len(),
        1,
        "Goal A keeps its tree"
    );
}

#[test]
fn a_fifo_or_a_device_is_never_read_as_a_plan_or_an_import() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(PLAN_FILE);
    std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
    let err = Store::open(tmp.path(), today()).unwrap_err();
    assert!(matches!(err, LoadError::NotAFile { .. }), "{err}");
    fs::remove_file(&path).unwrap();
    let made = Command::new("mkfifo").arg(&path).status();
    if made.is_ok_and(|s| s.success()) {
        let out = goalcoach(tmp.path(), &["list"]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out).contains("not a regular file"),
            "{}",
            stderr(&out)
        );
        fs::remove_file(&path).unwrap();
    }
    let out = goalcoach(tmp.path(), &["import", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_write_from_outside_that_lands_during_a_save_is_kept_and_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(PLAN_FILE);
    let (mut store, _) = open(tmp.path());
    store.save(&plan_with_goal("ours, first")).unwrap();
    let theirs = goalcoach::store::to_pretty_json(&plan_with_goal("theirs, at the last moment"));
    let outside = path.clone();
    let written = theirs.clone();
    store.before_swap(Box::new(move || fs::write(&outside, &written).unwrap()));
    let saved = store.save(&plan_with_goal("ours, second")).unwrap();
    let copy = saved
        .outside_write_kept_at
        .clone()
        .expect("the outside write is kept");
    assert_eq!(
        fs::read(&copy).unwrap(),
        theirs,
        "theirs whole, in the copy"
    );
    let on_disk: Plan = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(on_disk.goals[0].title, "ours, second");
    assert!(
        saved
            .message()
            .unwrap()
            .contains(&copy.display().to_string())
    );
    assert_eq!(temp_files(tmp.path()), 0);
}

#[test]
fn a_symlink_planted_as_the_lock_is_never_written_through() {
    let tmp = tempfile::tempdir().unwrap();
    let victim = tmp.path().join("victim.txt");
    fs::write(&victim, "precious").unwrap();
    let data = tmp.path().join("data");
    fs::create_dir(&data).unwrap();
    std::os::unix::fs::symlink(&victim, data.join("plan.lock")).unwrap();
    let out = goalcoach(&data, &["add", "x"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("symbolic link"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
}

#[test]
fn a_symlinked_backups_directory_is_refused_and_what_it_points_at_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let elsewhere = tmp.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    for day in 1..=20 {
        fs::write(
            elsewhere.join(format!("plan-2026-01-{day:02}.json")),
            "keep",
        )
        .unwrap();
    }
    let data = tmp.path().join("data");
    let (mut store, _) = open(&data);
    store.save(&plan_with_goal("v1")).unwrap();
    drop(store);
    std::os::unix::fs::symlink(&elsewhere, data.join("backups")).unwrap();
    let (mut store, _) = open(&data);
    let err = store.save(&plan_with_goal("v2")).unwrap_err();
    assert!(err.to_string().contains("symbolic link"), "{err}");
    assert_eq!(
        fs::read_dir(&elsewhere).unwrap().count(),
        20,
        "nothing pruned there"
    );
}

#[test]
fn a_symlinked_plan_is_written_through_to_its_target_and_stays_a_link() {
    let tmp = tempfile::tempdir().unwrap();
    let synced = tmp.path().join("Sync");
    fs::create_dir(&synced).unwrap();
    let target = synced.join("plan.json");
    fs::write(
        &target,
        goalcoach::store::to_pretty_json(&plan_with_goal("v1")),
    )
    .unwrap();
    let data = tmp.path().join("data");
    fs::create_dir(&data).unwrap();
    let link = data.join(PLAN_FILE);
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let (mut store, plan) = open(&data);
    assert_eq!(plan.goals[0].title, "v1");
    store.save(&plan_with_goal("v2")).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let on_disk: Plan = serde_json::from_slice(&fs::read(&target).unwrap()).unwrap();
    assert_eq!(on_disk.goals[0].title, "v2");
    assert_eq!(temp_files(&synced), 0);
}

#[test]
fn the_lock_and_backups_are_private_and_an_open_data_dir_is_warned_about() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let (mut store, _) = open(&data);
    store.save(&plan_with_goal("v1")).unwrap();
    drop(store);
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    fs::set_permissions(data.join("plan.lock"), fs::Permissions::from_mode(0o666)).unwrap();
    fs::set_permissions(data.join(PLAN_FILE), fs::Permissions::from_mode(0o644)).unwrap();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o777)).unwrap();
    let (mut store, _) = open_on(&data, today().succ_opt().unwrap());
    assert_eq!(mode(&data.join("plan.lock")), 0o600);
    store.save(&plan_with_goal("v2")).unwrap();
    let backup = store.backups().into_iter().next().expect("a daily backup");
    assert_eq!(mode(&backup), 0o600, "{backup:?}");
    let notices = store.notices().join("\n");
    assert!(
        notices.contains("can be written by other users"),
        "{notices}"
    );
}

#[test]
fn read_only_commands_create_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, _) = open(tmp.path());
    store.save(&plan_with_goal("v1")).unwrap();
    drop(store);
    fs::remove_file(tmp.path().join("plan.lock")).unwrap();
    for args in [
        &["list"][..],
        &["agenda"],
        &["review", "--print"],
        &["export", "--format", "markdown"],
        &["export", "--format", "ics"],
        &["restore"],
    ] {
        let out = goalcoach(tmp.path(), args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(
            !tmp.path().join("plan.lock").exists(),
            "{args:?} took the lock"
        );
    }
    let missing = tmp.path().join("not-made");
    let out = goalcoach(&missing, &["list"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a named directory that is not there"
    );
    assert!(stderr(&out).contains("mistyped"), "{}", stderr(&out));
    assert!(!missing.exists(), "list created the data dir");
}

#[test]
fn stray_backup_temps_are_cleaned_and_unmerged_conflict_copies_never_touched() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, _) = open(tmp.path());
    store.save(&plan_with_goal("v1")).unwrap();
    drop(store);
    let backups = tmp.path().join("backups");
    fs::create_dir_all(&backups).unwrap();
    for n in 0..5 {
        fs::write(
            backups.join(format!(".plan-2026-11-20.json.tmp.99.{n}")),
            "x",
        )
        .unwrap();
    }
    let old = tmp.path().join("plan.conflict-2026-09-01-120000.json");
    fs::write(&old, "{}").unwrap();
    let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(400 * 86_400);
    fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    // 25 unmerged copies an earlier goalcoach moved into backups/, and 25 merged ones.
    for n in 0..25 {
        fs::write(
            backups.join(format!("plan.conflict-2026-01-{n:02}-120000.json")),
            "{}",
        )
        .unwrap();
        fs::write(
            backups.join(format!("merged-plan.conflict-2026-02-{n:02}-120000.json")),
            "{}",
        )
        .unwrap();
    }
    let _ = open(tmp.path());
    assert_eq!(temp_files(&backups), 0, "killed backups' temps are gone");
    assert!(
        old.exists(),
        "an unmerged copy stays beside the plan, however old"
    );
    let count = |prefix: &str| {
        fs::read_dir(&backups)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(prefix))
            .count()
    };
    assert_eq!(count("plan.conflict-"), 25, "no unmerged copy is deleted");
    assert_eq!(
        count("merged-plan.conflict-"),
        20,
        "merged copies: the newest 20"
    );
}

#[test]
fn a_second_instance_can_take_the_lock_once_the_first_quits() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut first, _) = open(tmp.path());
    first.save(&plan_with_goal("first")).unwrap();
    let (mut second, _) = Store::open(tmp.path(), today()).unwrap();
    assert!(second.read_only_reason().is_some());
    assert!(!second.retry_lock(), "still held");
    drop(first);
    // A child another test is starting may share the dropped descriptor for a moment (see
    // `open_on`).
    let freed = (0..100).any(|_| {
        second.retry_lock() || {
            std::thread::sleep(std::time::Duration::from_millis(20));
            false
        }
    });
    assert!(freed, "free now");
    assert!(second.read_only_reason().is_none());
    second.save(&plan_with_goal("second")).unwrap();
}

#[test]
fn control_characters_are_stripped_on_load_and_never_printed() {
    let tmp = tempfile::tempdir().unwrap();
    write_plan(
        tmp.path(),
        "{\"schema_version\": 1, \"goals\": [{\"id\": 1, \"created\": \"2026-11-01\", \
         \"title\": \"clip\\u001b]52;c;ZXZpbA==\\u0007board \\u001b[2J\\u009b31m\u{202e}evil\", \
         \"notes\": \"line one\\nline two\\ttab\"}]}",
    );
    let (store, plan) = open(tmp.path());
    assert_eq!(plan.goals[0].title, "clip]52;c;ZXZpbA==board [2J31mevil");
    assert_eq!(plan.goals[0].notes, "line one\nline two tab");
    assert!(
        store
            .notices()
            .join(" ")
            .contains("removed control characters")
    );
    drop(store);
    for args in [
        &["list"][..],
        &["agenda"],
        &["review", "--print"],
        &["export", "--format", "markdown"],
        &["export", "--format", "csv"],
        &["export", "--format", "ics"],
    ] {
        let out = goalcoach(tmp.path(), args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let text = String::from_utf8_lossy(&out.stdout);
        let bad = text
            .chars()
            .find(|&c| (c.is_control() && !"\n\r\t".contains(c)) || c == '\u{202e}');
        assert_eq!(bad, None, "{args:?} printed a control character");
    }
}

#[test]
fn an_imported_plan_with_duplicate_ids_is_renumbered() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, _) = open(tmp.path());
    store.save(&plan_with_goal("mine")).unwrap();
    drop(store);
    let other = tmp.path().join("other.json");
    fs::write(
        &other,
        r#"{"schema_version": 1, "uid": "elsewhere", "goals": [
            {"id": 7, "title": "Theirs A", "created": "2026-11-01"},
            {"id": 7, "title": "Theirs B", "created": "2026-11-01"}]}"#,
    )
    .unwrap();
    let out = goalcoach(tmp.path(), &["import", other.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (_, plan) = open(tmp.path());
    let mut ids: Vec<ItemId> = plan.goals.iter().map(|g| g.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), 3, "{:?}", plan.goals);
    assert!(goalcoach::model::check::id_problems(&plan).is_empty());
}

/// Runs `script` with `dir` mounted read-only, in a mount namespace of its own (root, or
/// unprivileged user namespaces, are needed; the test fails saying so when neither is there).
fn on_a_read_only_disk(dir: &Path, script: &str) -> std::process::Output {
    let d = dir.display();
    let out = std::process::Command::new("unshare")
        .args(["-m", "--map-root-user", "sh", "-c"])
        .arg(format!(
            "mount --bind {d} {d} && mount -o remount,bind,ro {d} && {script}"
        ))
        .env("GC", env!("CARGO_BIN_EXE_goalcoach"))
        .env("DIR", dir)
        .output()
        .expect("unshare (util-linux) runs");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        !said.contains("unshare failed") && !said.contains("mount:"),
        "cannot make a read-only disk here to test on: {said}"
    );
    out
}

#[test]
fn a_plan_on_a_read_only_disk_opens_to_read_and_a_change_says_why_it_cannot_be_made() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    files::run_on_day(&dir, files::TODAY, &["add", "Learn Rust"]);
    let out = on_a_read_only_disk(
        tmp.path(),
        r#""$GC" --data-dir "$DIR/data" list; "$GC" --data-dir "$DIR/data" add Another; echo "rc=$?""#,
    );
    let (said, err) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(said.contains("Learn Rust"), "it reads: {said}{err}");
    assert!(said.contains("rc=1"), "{said}");
    assert!(err.contains("cannot be written to"), "{err}");
    assert_eq!(err.matches("cannot read").count(), 0, "{err}");
    let store = goalcoach::store::Store::open(&dir, files::today());
    assert_eq!(store.unwrap().1.goals.len(), 1, "nothing changed");
}
