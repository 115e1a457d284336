//! The store's promises, checked on real files in temp dirs.

use chrono::NaiveDate;
use goalcoach::model::{ItemId, Plan, SCHEMA_VERSION};
use goalcoach::store::{LoadError, PLAN_FILE, SaveError, Store, to_pretty_json};
use std::fs;
use std::path::Path;

#[path = "common/files.rs"]
mod files;

use files::{open, open_on, plan_with_goal, temp_files, today};

#[test]
fn missing_file_is_an_empty_plan_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let (_store, plan) = open(tmp.path());
    assert!(plan.goals.is_empty() && plan.reviews.is_empty());
    assert_eq!(plan.uid.len(), 16, "a new plan gets its own uid");
    assert!(!tmp.path().join(PLAN_FILE).exists());
}

#[test]
fn round_trip_keeps_everything_and_starts_with_schema_version() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, empty) = open(tmp.path());
    let plan = Plan {
        uid: empty.uid,
        ..plan_with_goal("Give a conference talk")
    };
    store.save(&plan).unwrap();
    let text = fs::read_to_string(tmp.path().join(PLAN_FILE)).unwrap();
    assert!(text.starts_with("{\n  \"schema_version\": 3,"), "{text}");
    drop(store);
    let (_, mut loaded) = open(tmp.path());
    assert_eq!(
        loaded.revisions.len(),
        1,
        "the save gave the plan its revision"
    );
    loaded.revisions.clear();
    assert_eq!(loaded, plan);
}

#[test]
fn saving_the_same_plan_twice_writes_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, _) = open(tmp.path());
    let plan = plan_with_goal("stable");
    store.save(&plan).unwrap();
    let first = fs::read(tmp.path().join(PLAN_FILE)).unwrap();
    store.save(&plan).unwrap();
    assert_eq!(first, fs::read(tmp.path().join(PLAN_FILE)).unwrap());
}

fn assert_refused_and_untouched(content: &[u8], expect: impl Fn(&LoadError) -> bool) {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(PLAN_FILE);
    fs::write(&path, content).unwrap();
    let err = Store::open(tmp.path(), today()).unwrap_err();
    assert!(expect(&err), "unexpected error: {err}");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
    assert_eq!(
        fs::read(&path).unwrap(),
        content,
        "file must stay byte-identical"
    );
}

#[test]
fn corrupt_file_names_line_and_column_and_is_left_alone() {
    let bad = b"{\n  \"schema_version\": 1,\n  \"goals\": [ oops ]\n}\n";
    assert_refused_and_untouched(bad, |e| {
        matches!(e, LoadError::Corrupt { line: 3, .. }) && e.to_string().contains("line 3, column")
    });
}

#[test]
fn empty_and_foreign_files_are_refused() {
    assert_refused_and_untouched(b"", |e| matches!(e, LoadError::Empty { .. }));
    assert_refused_and_untouched(b"{\"goals\": []}", |e| {
        matches!(e, LoadError::NotAPlan { .. })
    });
    assert_refused_and_untouched(b"\xff\xfe\x00", |e| matches!(e, LoadError::Corrupt { .. }));
}

#[test]
fn newer_schema_is_refused_with_advice() {
    let newer = format!(
        "{{\"schema_version\": {}, \"goals\": []}}",
        SCHEMA_VERSION + 1
    );
    assert_refused_and_untouched(newer.as_bytes(), |e| {
        matches!(e, LoadError::TooNew { .. }) && e.to_string().contains("Upgrade goalcoach")
    });
}

#[test]
fn unknown_fields_survive_load_and_save() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(PLAN_FILE);
    fs::write(
        &path,
        r#"{"schema_version":1,"goals":[{"id":3,"title":"g","mood":{"x":0.1}}],"sync":"abc"}"#,
    )
    .unwrap();
    let (mut store, mut plan) = open(tmp.path());
    plan.goals[0].title = "changed".into();
    store.save(&plan).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(value["sync"], "abc");
    assert_eq!(value["goals"][0]["mood"]["x"], 0.1);
    assert_eq!(value["goals"][0]["title"], "changed");
    assert_eq!(
        value["next_num"], 4,
        "the number counter skips hand-made ids"
    );
    assert_eq!(
        value["goals"][0]["num"], 3,
        "a version 1 id is the number people know"
    );
    assert!(value.get("next_id").is_none(), "{value}");
}

#[test]
fn a_version_1_file_migrates_with_a_backup_and_every_reference_still_resolves() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(PLAN_FILE);
    let v1 = r#"{"schema_version": 1, "uid": "u", "next_id": 5, "goals": [
        {"id": 1, "title": "Speak", "created": "2026-11-01",
         "milestones": [{"id": 2, "title": "Abstract", "steps": [{"id": 3, "title": "Draft"}]}],
         "steps": [{"id": 4, "title": "Pick"}]}],
      "reviews": [{"week": "2026-W46", "date": "2026-11-14", "commitments": [3],
                   "goals": [{"goal": 1, "progress": 0.5, "decision": "keep"}], "queue": [1]}],
      "profile": {"achievements": [{"date": "2026-11-02", "what": "x", "goal": 1}],
                  "feedback": [{"date": "2026-11-03", "from": "Sam", "what": "y", "goal": 1, "step": 4}]}}"#;
    fs::write(&path, v1).unwrap();
    let (mut store, mut plan) = open(tmp.path());
    assert_eq!(plan.schema_version, SCHEMA_VERSION);
    let id = plan.new_id();
    plan.apply(goalcoach::model::Op::Insert {
        parent: Some(plan.goals[0].id),
        index: usize::MAX,
        node: goalcoach::model::Node::Step(Box::new(goalcoach::model::ActionStep::new(id, "New"))),
    })
    .unwrap();
    store.save(&plan).unwrap();
    let backups: Vec<_> = fs::read_dir(tmp.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        backups.iter().any(|n| n.starts_with("plan-v1-")),
        "{backups:?}"
    );
    let (_, plan) = open(tmp.path());
    let review = &plan.reviews[0];
    assert_eq!(plan.step(review.commitments[0]).unwrap().title, "Draft");
    assert_eq!(plan.goal(review.goals[0].goal).unwrap().title, "Speak");
    let feedback = &plan.profile.feedback[0];
    assert_eq!(plan.step(feedback.step.unwrap()).unwrap().title, "Pick");
    let achievement = &plan.profile.achievements[0];
    assert_eq!(plan.goal(achievement.goal.unwrap()).unwrap().title, "Speak");
    let new = plan.goals[0]
        .steps
        .iter()
        .find(|s| s.title == "New")
        .unwrap();
    assert!(
        new.id.0 >= goalcoach::model::ids::RANDOM_FROM,
        "new ids are random"
    );
    assert_eq!(
        new.num,
        goalcoach::model::Num(5),
        "and numbered on from the old counter"
    );
}

#[test]
fn second_instance_is_read_only_and_cannot_save() {
    let tmp = tempfile::tempdir().unwrap();
    let (_first, _) = open(tmp.path());
    let (mut second, _) = open(tmp.path());
    let reason = second.read_only_reason().expect("second is read-only");
    assert!(reason.contains(&std::process::id().to_string()), "{reason}");
    let err = second.save(&plan_with_goal("x")).unwrap_err();
    assert!(matches!(err, SaveError::ReadOnly { .. }));
    assert!(!tmp.path().join(PLAN_FILE).exists());
}

#[test]
fn the_lock_is_released_when_the_writer_goes_away() {
    let tmp = tempfile::tempdir().unwrap();
    let (first, _) = open(tmp.path());
    drop(first);
    let (second, _) = open(tmp.path());
    assert!(second.read_only_reason().is_none());
}

#[test]
fn stale_temp_files_are_removed_at_start_and_never_read() {
    let tmp = tempfile::tempdir().unwrap();
    let stale = tmp.path().join(".plan.json.tmp.999.0");
    fs::write(&stale, b"half a plan").unwrap();
    let (_store, plan) = open(tmp.path());
    assert!(!stale.exists());
    assert!(plan.goals.is_empty());
}

#[test]
fn outside_change_is_never_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(PLAN_FILE);
    let (mut store, _) = open(tmp.path());
    store.save(&plan_with_goal("mine")).unwrap();
    let theirs = to_pretty_json(&plan_with_goal("edited by hand, longer title"));
    fs::write(&path, &theirs).unwrap();
    let err = store.save(&plan_with_goal("mine, edited")).unwrap_err();
    let SaveError::Conflict { copy, .. } = err else {
        panic!("expected a conflict, got {err}")
    };
    assert_eq!(fs::read(&path).unwrap(), theirs, "their version stays");
    let ours: Plan = serde_json::from_slice(&fs::read(&copy).unwrap()).unwrap();
    assert_eq!(ours.goals[0].title, "mine, edited");
    let reloaded = store.reload().unwrap().expect("the file is there");
    assert_eq!(reloaded.goals[0].title, "edited by hand, longer title");
    store.save(&reloaded).unwrap();
}

#[test]
fn a_file_created_behind_an_empty_session_is_not_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, _) = open(tmp.path());
    fs::write(
        tmp.path().join(PLAN_FILE),
        to_pretty_json(&plan_with_goal("theirs")),
    )
    .unwrap();
    assert!(matches!(
        store.save(&plan_with_goal("ours")),
        Err(SaveError::Conflict { .. })
    ));
}

#[test]
fn first_save_of_a_session_backs_up_what_was_loaded() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, _) = open(tmp.path());
    store.save(&plan_with_goal("v1")).unwrap();
    assert!(
        store.backups().is_empty(),
        "nothing to back up on the very first save"
    );
    drop(store);
    let (mut store, _) = open(tmp.path());
    store.save(&plan_with_goal("v2")).unwrap();
    store.save(&plan_with_goal("v3")).unwrap();
    let backups = store.backups();
    assert_eq!(backups.len(), 1);
    let saved: Plan = serde_json::from_slice(&fs::read(&backups[0]).unwrap()).unwrap();
    assert_eq!(saved.goals[0].title, "v1");
}

#[test]
fn daily_backups_are_rotated() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, _) = open(tmp.path());
    store.save(&plan_with_goal("first")).unwrap();
    drop(store);
    for day in 1..=20 {
        let date = NaiveDate::from_ymd_opt(2026, 10, day).unwrap();
        let (mut store, plan) = open_on(tmp.path(), date);
        store.save(&plan).unwrap();
    }
    let (store, _) = open(tmp.path());
    let backups = store.backups();
    assert_eq!(backups.len(), 14);
    let newest = backups[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert_eq!(newest, "plan-2026-10-20.json");
}

#[test]
fn an_older_schema_is_migrated_and_backed_up_before_the_first_write() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(PLAN_FILE);
    let old = br#"{"schema_version":0,"goals":[{"id":1,"title":"old"}]}"#;
    fs::write(&path, old).unwrap();
    let (mut store, plan) = open(tmp.path());
    assert_eq!(plan.schema_version, SCHEMA_VERSION);
    assert_eq!(
        fs::read(&path).unwrap(),
        old,
        "loading alone writes nothing"
    );
    store.save(&plan).unwrap();
    let copy = tmp.path().join("backups/plan-v0-2026-11-21.json");
    assert_eq!(fs::read(copy).unwrap(), old);
}

#[cfg(unix)]
#[test]
fn data_is_private_to_the_user() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("nested/data");
    let (mut store, _) = open(&dir);
    store.save(&plan_with_goal("private")).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join(PLAN_FILE)), 0o600);
}

#[test]
fn ids_from_the_file_are_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, _) = open(tmp.path());
    let plan = plan_with_goal("g");
    store.save(&plan).unwrap();
    drop(store);
    let (_, loaded) = open(tmp.path());
    assert_eq!(loaded.goals[0].id, ItemId(1));
}

#[test]
fn nul_filled_truncated_and_deeply_nested_files_are_refused_untouched() {
    assert_refused_and_untouched(&[0u8; 4096], |e| matches!(e, LoadError::Corrupt { .. }));
    let whole = to_pretty_json(&plan_with_goal("a goal that will be cut in half"));
    let half = &whole[..whole.len() / 2];
    assert_refused_and_untouched(half, |e| {
        matches!(e, LoadError::Corrupt { .. }) && e.to_string().contains("EOF")
    });
    let deep = format!(
        "{{\"schema_version\": 1, \"future\": {}",
        "[".repeat(100_000)
    );
    assert_refused_and_untouched(deep.as_bytes(), |e| {
        matches!(e, LoadError::Corrupt { .. }) && e.to_string().contains("recursion")
    });
}

#[test]
fn a_file_over_64_mib_is_refused_without_being_read() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(PLAN_FILE);
    let file = fs::File::create(&path).unwrap();
    file.set_len(65 * 1024 * 1024).unwrap(); // sparse: no 65 MiB written
    drop(file);
    let err = Store::open(tmp.path(), today()).unwrap_err();
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("65 MiB"), "{err}");
    assert_eq!(fs::metadata(&path).unwrap().len(), 65 * 1024 * 1024);
}

#[test]
fn a_save_failing_at_any_step_keeps_the_old_file_and_leaves_no_temp() {
    use goalcoach::store::SAVE_STEPS;
    for step in SAVE_STEPS {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(PLAN_FILE);
        let (mut store, _) = open(tmp.path());
        store.save(&plan_with_goal("v1")).unwrap();
        let v1 = fs::read(&path).unwrap();
        store.inject_fault(Some(step));
        let err = store.save(&plan_with_goal("v2")).unwrap_err();
        let SaveError::Io { step: failed, .. } = &err else {
            panic!("{step}: {err}")
        };
        assert_eq!(*failed, step);
        assert!(
            err.to_string().contains(&path.display().to_string()),
            "{err}"
        );
        let on_disk: Plan = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        if step == "directory fsync" {
            assert_eq!(on_disk.goals[0].title, "v2", "the rename already happened");
        } else {
            assert_eq!(fs::read(&path).unwrap(), v1, "{step}: old file intact");
        }
        assert_eq!(temp_files(tmp.path()), 0, "{step}: temp file left behind");
        store.inject_fault(None);
        store.save(&plan_with_goal("v3")).expect("a retry works");
        let after: Plan = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        assert_eq!(after.goals[0].title, "v3");
    }
}

#[test]
fn write_copy_writes_the_same_document_elsewhere_or_fails_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = plan_with_goal("copied");
    let copy = tmp.path().join("copy.json");
    goalcoach::store::write_copy(&plan, &copy).unwrap();
    assert_eq!(fs::read(&copy).unwrap(), to_pretty_json(&plan));
    let nowhere = tmp.path().join("no-such-dir").join("copy.json");
    let err = goalcoach::store::write_copy(&plan, &nowhere).unwrap_err();
    assert!(err.to_string().contains("no-such-dir"), "{err}");
}

#[test]
fn an_app_open_past_midnight_makes_the_new_days_backup() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, _) = open(tmp.path());
    store.save(&plan_with_goal("day one")).unwrap();
    store.save(&plan_with_goal("day one, later")).unwrap();
    let next = today().succ_opt().unwrap();
    store.set_today(next);
    store.save(&plan_with_goal("day two")).unwrap();
    let backup = tmp.path().join(format!("backups/plan-{next}.json"));
    let kept = fs::read_to_string(&backup).expect("the new day's backup");
    assert!(kept.contains("day one, later"), "the plan as the day began");
}

#[test]
fn the_rescue_at_quit_writes_the_plan_even_when_a_check_refused_its_save() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, _) = open(tmp.path());
    let mut plan = plan_with_goal("Words worth keeping");
    plan.goals[0].deadline = NaiveDate::from_ymd_opt(20000, 1, 1);
    assert!(matches!(store.save(&plan), Err(SaveError::Invalid { .. })));
    let rescue = tmp.path().join("rescue.json");
    assert!(
        goalcoach::store::write_copy(&plan, &rescue).is_err(),
        "a copy is checked"
    );
    goalcoach::store::write_rescue(&plan, &rescue).unwrap();
    let text = fs::read_to_string(&rescue).unwrap();
    assert!(text.contains("Words worth keeping"), "{text}");
}

#[test]
fn a_save_refuses_a_plan_larger_than_a_load_would_read() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, _) = open(tmp.path());
    store.save(&plan_with_goal("small")).unwrap();
    let before = fs::read(tmp.path().join(PLAN_FILE)).unwrap();
    let mut plan = plan_with_goal("huge");
    plan.goals[0].notes = "x".repeat(goalcoach::store::MAX_FILE_BYTES as usize + 10);
    match store.save(&plan) {
        Err(SaveError::Invalid { problems, .. }) => {
            assert!(problems.iter().any(|p| p.contains("MiB")), "{problems:?}")
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(
        fs::read(tmp.path().join(PLAN_FILE)).unwrap(),
        before,
        "untouched"
    );
}

#[test]
fn a_version_2_file_is_migrated_to_measures_and_kept_as_a_backup_before_the_first_save() {
    let tmp = tempfile::tempdir().unwrap();
    let v2 = r#"{
  "schema_version": 2,
  "uid": "0123456789abcdef",
  "next_num": 2,
  "goals": [
    {
      "id": 1, "num": 1, "title": "Get certified", "created": "2026-10-01",
      "measure": { "unit": "certifications", "start": 0, "current": 1, "target": 2 },
      "checkins": [ { "date": "2026-11-10", "value": 1, "confidence": 4, "note": "passed one" } ]
    }
  ]
}
"#;
    fs::write(tmp.path().join(PLAN_FILE), v2).unwrap();
    let (mut store, plan) = open(tmp.path());
    let m = &plan.goals[0].measures[0];
    assert_eq!(
        (m.name.as_str(), m.current, m.target),
        ("certifications", 1.0, 2.0)
    );
    assert_eq!(m.points.len(), 1);
    assert_eq!(plan.goals[0].checkins[0].note, "passed one");
    store.save(&plan).unwrap();
    let backups: Vec<_> = fs::read_dir(tmp.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(
        backups.iter().any(|n| n.starts_with("plan-v2-")),
        "{backups:?}"
    );
    let kept = backups.iter().find(|n| n.starts_with("plan-v2-")).unwrap();
    assert_eq!(
        fs::read_to_string(tmp.path().join("backups").join(kept)).unwrap(),
        v2,
        "the original, byte for byte"
    );
    let saved = fs::read_to_string(tmp.path().join(PLAN_FILE)).unwrap();
    assert!(saved.contains("\"schema_version\": 3"));
    assert!(!saved.contains("\"measure\":"), "{saved}");
    assert_eq!(SCHEMA_VERSION, 3);
}
