//! The taskwarrior mapping on fixed days: tasks in, steps out, the same uuids back.

use super::*;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

const TASKS: &str = r#"[
  {"uuid":"a1","description":"Write abstract","project":"Talk","status":"pending","due":"20261201T120000Z","priority":"H","tags":["writing","talk"],"annotations":[{"entry":"20261110T120000Z","description":"ask Dana first"}]},
  {"uuid":"a2","description":"Book venue","project":"Talk","status":"completed","end":"20261110T120000Z"},
  {"uuid":"a3","description":"Old idea","project":"Talk","status":"deleted"},
  {"uuid":"a4","description":"Loose task","status":"pending"},
  {"uuid":"t1","description":"Weekly 1:1 notes","project":"Talk","status":"recurring","recur":"weekly","due":"20261123T120000Z"},
  {"uuid":"i1","description":"Weekly 1:1 notes","project":"Talk","status":"completed","parent":"t1","recur":"weekly","due":"20261116T120000Z"},
  {"uuid":"i2","description":"Weekly 1:1 notes","project":"Talk","status":"pending","parent":"t1","recur":"weekly","due":"20261123T120000Z"}
]"#;

#[test]
fn tasks_become_steps_under_a_goal_per_project_once() {
    let mut plan = Plan::default();
    let import = import(TASKS, &plan, day()).unwrap();
    assert_eq!(import.summary, "imported 4 tasks into 2 new goals");
    plan.apply(import.op).unwrap();
    let talk = &plan.goals[0];
    assert_eq!(talk.title, "Talk");
    assert_eq!(talk.steps.len(), 3, "the recurring task is one step");
    assert_eq!(talk.steps[0].importance, 3);
    assert_eq!(
        talk.steps[0].notes,
        "Tags: writing, talk\n2026-11-10: ask Dana first"
    );
    assert!(talk.steps[1].is_done());
    let weekly = &talk.steps[2];
    assert_eq!(
        weekly.recurrence.map(|r| r.to_string()).as_deref(),
        Some("weekly")
    );
    assert_eq!(weekly.extra[TASK_UUID], "t1");
    assert_eq!(plan.goals[1].title, "Imported tasks");
    let again = super::import(TASKS, &plan, day()).unwrap();
    assert_eq!(again.summary, "imported 0 tasks into 0 new goals");
}

#[test]
fn a_task_finished_later_is_updated_on_the_next_import() {
    let mut plan = Plan::default();
    plan.apply(import(TASKS, &plan, day()).unwrap().op).unwrap();
    let later = TASKS.replace(
        r#""status":"pending","due":"20261201T120000Z""#,
        r#""status":"completed","end":"20261120T120000Z","due":"20261201T120000Z""#,
    );
    let again = import(&later, &plan, day()).unwrap();
    assert_eq!(
        again.summary,
        "imported 0 tasks into 0 new goals; updated 1 step"
    );
    plan.apply(again.op).unwrap();
    assert!(plan.goals[0].steps[0].is_done());
}

#[test]
fn two_tasks_with_one_uuid_are_both_kept_and_said() {
    let twins = r#"[
      {"uuid":"same","description":"First","project":"P","status":"pending"},
      {"uuid":"same","description":"Second","project":"P","status":"pending"}
    ]"#;
    let mut plan = Plan::default();
    let imported = import(twins, &plan, day()).unwrap();
    assert!(
        imported
            .summary
            .contains("1 task had a uuid an earlier task has"),
        "{}",
        imported.summary
    );
    plan.apply(imported.op).unwrap();
    let titles: Vec<_> = plan.goals[0]
        .steps
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(titles, ["First", "Second"]);
    let again = import(twins, &plan, day()).unwrap();
    assert!(
        again.summary.starts_with("imported 1 task"),
        "{}",
        again.summary
    );
}

#[test]
fn recur_words_and_durations() {
    let r = |s| recurrence(s).map(|r| r.to_string());
    assert_eq!(r("weekly").as_deref(), Some("weekly"));
    assert_eq!(r("2w").as_deref(), Some("every 2 weeks"));
    assert_eq!(r("quarterly").as_deref(), Some("every 3 months"));
    assert_eq!(r("P1Y").as_deref(), Some("every 12 months"));
    assert_eq!(r("10d").as_deref(), Some("every 10 days"));
    assert_eq!(r("fortnightly").as_deref(), Some("every 2 weeks"));
    assert_eq!(r("hourly"), None);
    assert_eq!(
        r("9999d"),
        None,
        "past what a plan may hold (it would not read back)"
    );
}

#[test]
fn export_uuids_stay_the_same_and_come_back_to_the_same_steps() {
    let mut plan = crate::app::demo::sample_plan(day());
    plan.uid = "plan-1".into();
    let out = export(&plan);
    assert_eq!(out, export(&plan));
    let tasks: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert!(!tasks.is_empty());
    for t in &tasks {
        let uuid = t["uuid"].as_str().unwrap();
        assert_eq!(uuid.len(), 36);
        assert_eq!(&uuid[14..15], "8");
        let done = t.get("end").is_some();
        assert_eq!(t["status"], if done { "completed" } else { "pending" });
    }
    assert!(
        tasks.iter().any(|t| t["status"] == "completed"),
        "a step done here goes out completed"
    );
    let back = import(&out, &plan, day()).unwrap();
    assert_eq!(back.summary, "imported 0 tasks into 0 new goals");
}

#[test]
fn a_task_without_a_description_stops_the_import_and_a_blank_project_is_none() {
    let blank = r#"[{"uuid":"x2","description":"  ","status":"pending"}]"#;
    let err = import(blank, &Plan::default(), day()).err().unwrap();
    assert_eq!(
        err.to_string(),
        "task x2 has no description: nothing was imported"
    );
    let no_project = r#"[{"uuid":"x3","description":"Call","project":" ","status":"pending"}]"#;
    let mut plan = Plan::default();
    plan.apply(import(no_project, &plan, day()).unwrap().op)
        .unwrap();
    assert_eq!(plan.goals[0].title, "Imported tasks");
}

#[test]
fn a_bad_file_names_line_and_column() {
    let err = import("[\n{\"uuid\": 1}]", &Plan::default(), day())
        .err()
        .unwrap();
    assert!(err.to_string().starts_with("line 2, column"), "{err}");
}

#[test]
fn what_task_keeps_goes_back_and_tags_never_split() {
    let text = r#"[{"uuid":"k1","description":"Call Sam","project":"Talk","status":"pending",
      "entry":"20261001T080000Z","due":"20261205T000000Z","estimate":"2h","tags":["phone"],
      "annotations":[{"entry":"20261110T120000Z","description":"ask about the CFP"}]}]"#;
    let mut plan = Plan::default();
    plan.apply(import(text, &plan, day()).unwrap().op).unwrap();
    plan.goals[0].tags = vec!["public speaking, talks".into()];
    let out: Vec<serde_json::Value> = serde_json::from_str(&export(&plan)).unwrap();
    let task = &out[0];
    assert_eq!(
        task["entry"], "20261001T080000Z",
        "task's entry date, not the goal's"
    );
    assert_eq!(task["estimate"], "2h", "a user-defined attribute survives");
    assert_eq!(task["annotations"][0]["description"], "ask about the CFP");
    assert_eq!(
        task["tags"],
        serde_json::json!(["phone", "public_speaking_talks"])
    );
    // Read back unchanged: nothing to update.
    let again = import(&export(&plan), &plan, day()).unwrap();
    assert_eq!(again.summary, "imported 0 tasks into 0 new goals");
}

#[test]
fn an_occurrence_done_in_task_moves_a_repeating_step_on_once() {
    let mut plan = crate::app::demo::sample_plan(day());
    plan.uid = "plan-1".into();
    let (g, s) = plan
        .goals
        .iter()
        .enumerate()
        .find_map(|(g, goal)| {
            goal.steps
                .iter()
                .position(|s| s.recurrence.is_some() && s.due.is_some())
                .map(|s| (g, s))
        })
        .expect("the demo has a repeating step under a goal");
    let before = plan.goals[g].steps[s].clone();
    let mut tasks: Vec<serde_json::Value> = serde_json::from_str(&export(&plan)).unwrap();
    let uuid = uuid_of(&plan, &before);
    let task = tasks
        .iter_mut()
        .find(|t| t["uuid"] == uuid.as_str())
        .unwrap();
    task["status"] = "completed".into();
    task["end"] = "20261121T100000Z".into();
    let done = serde_json::to_string(&tasks).unwrap();
    plan.apply(import(&done, &plan, day()).unwrap().op).unwrap();
    let after = &plan.goals[g].steps[s];
    assert_eq!(after.history.len(), before.history.len() + 1);
    assert!(after.due > before.due, "{:?} → {:?}", before.due, after.due);
    // The same file again: recorded already.
    let again = import(&done, &plan, day()).unwrap();
    assert!(!again.summary.contains("updated"), "{}", again.summary);
}
