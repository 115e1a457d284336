//! taskwarrior's JSON, both ways. In: `task export` becomes steps, a goal per project, its
//! UTC stamps read as the local day, tags and annotations kept in the step's notes, a
//! recurring task one repeating step (not its template and each instance), and a task seen
//! before (by uuid) updated rather than added. Out: the open steps as tasks `task import`
//! accepts, the goal as project, each with a uuid that stays the same from export to
//! export, so importing either way again updates instead of duplicating.

use crate::import::{Import, task_summary};
use crate::model::repeat::{From, Unit};
use crate::model::text::{clean_line, clean_text};
use crate::model::{ActionStep, Goal, GoalStatus, ItemId, Node, Op, Plan, Recurrence};
use anyhow::Result;
use chrono::{Local, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The step field that remembers which taskwarrior task a step came from.
const TASK_UUID: &str = "taskwarrior_uuid";

/// One task of `task export`, with the fields goalcoach reads.
#[derive(Deserialize)]
struct Task {
    uuid: String,
    description: String,
    #[serde(default)]
    project: Option<String>,
    #[serde(default)]
    status: String,
    #[serde(default)]
    due: Option<String>,
    #[serde(default)]
    end: Option<String>,
    #[serde(default)]
    priority: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    annotations: Vec<Annotation>,
    #[serde(default)]
    recur: Option<String>,
    /// For an instance of a recurring task: the template's uuid.
    #[serde(default)]
    parent: Option<String>,
}

#[derive(Deserialize, Serialize)]
struct Annotation {
    #[serde(default)]
    entry: Option<String>,
    description: String,
}

/// A taskwarrior stamp (`20261130T230000Z`, UTC) as the day it is where the user is.
fn local_day(stamp: &Option<String>) -> Option<NaiveDate> {
    let stamp = stamp.as_deref()?;
    let utc = NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%SZ").ok()?;
    Some(
        Utc.from_utc_datetime(&utc)
            .with_timezone(&Local)
            .date_naive(),
    )
}

/// The start of `day` where the user is, as a taskwarrior stamp (what `due:2026-12-01`
/// stores).
fn stamp_of(day: NaiveDate) -> String {
    let midnight = day.and_hms_opt(0, 0, 0).expect("midnight exists");
    let utc = match Local.from_local_datetime(&midnight).earliest() {
        Some(local) => local.with_timezone(&Utc).naive_utc(),
        None => midnight,
    };
    utc.format("%Y%m%dT%H%M%SZ").to_string()
}

/// taskwarrior's `recur` values: `daily`, `weekly`, `biweekly`, `monthly`, `quarterly`,
/// `yearly`, `3d`, `2w`, `6mo`, `P1W`…
fn recurrence(recur: &str) -> Option<Recurrence> {
    let word = recur.trim().to_lowercase();
    let (every, unit) = match word.as_str() {
        "daily" | "day" => (1, Unit::Days),
        "weekly" | "week" => (1, Unit::Weeks),
        "biweekly" | "fortnight" | "fortnightly" => (2, Unit::Weeks),
        "monthly" | "month" => (1, Unit::Months),
        "quarterly" => (3, Unit::Months),
        "semiannual" => (6, Unit::Months),
        "annual" | "yearly" | "year" => (12, Unit::Months),
        _ => {
            let spec = word.trim_start_matches('p');
            let digits = spec.len() - spec.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let count: u32 = spec[..digits].parse().unwrap_or(1);
            match &spec[digits..] {
                "d" | "days" => (count, Unit::Days),
                "w" | "wk" | "wks" | "weeks" => (count, Unit::Weeks),
                "m" | "mo" | "mos" | "months" => (count, Unit::Months),
                "q" | "qtrs" => (count.checked_mul(3)?, Unit::Months),
                "y" | "yr" | "yrs" | "years" => (count.checked_mul(12)?, Unit::Months),
                _ => return None,
            }
        }
    };
    (every >= 1).then_some(Recurrence {
        from: From::Due,
        ..Recurrence::every(every, unit)
    })
}

/// The uuid a step goes out with: the one it came in with, or one made from the plan and
/// the step's id (the same every time).
pub fn uuid_of(plan: &Plan, step: &ActionStep) -> String {
    if let Some(uuid) = step.extra.get(TASK_UUID).and_then(|v| v.as_str()) {
        return uuid.to_string();
    }
    let seed = format!("goalcoach:{}:{}", plan.uid, step.id.0);
    let hash = |basis: u64| {
        seed.bytes().fold(basis, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    };
    let (hi, lo) = (hash(0xcbf2_9ce4_8422_2325), hash(0x84222325_cbf29ce4));
    let hi = (hi & !0xf000) | 0x8000; // version 8: made by the application
    let lo = (lo & !(0b11 << 62)) | (0b10 << 62); // RFC 4122 variant
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xffff,
        lo >> 48,
        lo & 0xffff_ffff_ffff
    )
}

/// Reads `task export` JSON (see the module comment). Fails naming line and column when the
/// text is not a list of tasks.
pub fn import(text: &str, plan: &Plan, today: NaiveDate) -> Result<Import> {
    let tasks: Vec<Task> = serde_json::from_str(text).map_err(|e| {
        anyhow::anyhow!(
            "line {}, column {}: not a taskwarrior export: {e}",
            e.line(),
            e.column()
        )
    })?;
    let known: HashMap<String, ItemId> = plan
        .goals
        .iter()
        .flat_map(|g| g.all_steps())
        .map(|s| (uuid_of(plan, s), s.id))
        .collect();
    let mut join = Join {
        plan,
        known,
        ids: plan.ids.fork(),
        today,
        ops: Vec::new(),
        goals_by_title: goals_by_title(plan),
        new_goals: 0,
        counts: [0; 2],
    };
    let (groups, twins) = by_recurring_key(&tasks);
    for (key, group) in groups {
        join.task(Some(key), &group)?;
    }
    for twin in &twins {
        join.task(None, &[twin])?;
    }
    let [added, updated] = join.counts;
    let mut summary = task_summary(added, join.new_goals);
    if !twins.is_empty() {
        summary.push_str(&format!(
            "; {} had a uuid an earlier task has, so each became a step of its own that a \
             later import will not update",
            crate::model::text::plural(twins.len(), "task")
        ));
    }
    if updated > 0 {
        summary.push_str(&format!(
            "; updated {}",
            crate::model::text::plural(updated, "step")
        ));
    }
    Ok(Import {
        op: Op::Batch(join.ops),
        summary,
    })
}

fn goals_by_title(plan: &Plan) -> HashMap<String, ItemId> {
    let mut out = HashMap::with_capacity(plan.goals.len());
    for g in &plan.goals {
        out.entry(g.title.clone()).or_insert(g.id);
    }
    out
}

/// The tasks that make one step, in file order: a recurring task's template and its
/// instances share the template's uuid; every other task stands alone. Deleted tasks and
/// finished instances of a recurring task are left out. A task whose uuid an earlier task
/// already has (taskwarrior gives each its own, so the file was put together by hand) is a
/// step of its own, with no uuid to match: the second list.
type Groups<'a> = (Vec<(&'a str, Vec<&'a Task>)>, Vec<&'a Task>);

fn by_recurring_key(tasks: &[Task]) -> Groups<'_> {
    let mut groups: Vec<(&str, Vec<&Task>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut standalone: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut twins = Vec::new();
    for task in tasks.iter().filter(|t| t.status != "deleted") {
        if task.parent.is_some() && task.status != "pending" {
            continue;
        }
        if task.parent.is_none() && !standalone.insert(&task.uuid) {
            twins.push(task);
            continue;
        }
        let key = task.parent.as_deref().unwrap_or(&task.uuid);
        match index.get(key) {
            Some(&at) => groups[at].1.push(task),
            None => {
                index.insert(key, groups.len());
                groups.push((key, vec![task]));
            }
        }
    }
    (groups, twins)
}

struct Join<'a> {
    plan: &'a Plan,
    known: HashMap<String, ItemId>,
    ids: crate::model::ids::IdSource,
    today: NaiveDate,
    ops: Vec<Op>,
    /// The goals tasks go under, by title: the plan's (the first of a title), then new ones.
    goals_by_title: HashMap<String, ItemId>,
    new_goals: usize,
    /// Tasks added; steps updated.
    counts: [usize; 2],
}

/// What a group of tasks says the step is.
struct Wanted {
    title: String,
    due: Option<NaiveDate>,
    done: Option<NaiveDate>,
    recurrence: Option<Recurrence>,
}

fn wanted(group: &[&Task], today: NaiveDate) -> Wanted {
    let template = group
        .iter()
        .find(|t| t.status == "recurring")
        .unwrap_or(&group[0]);
    let recurrence = group
        .iter()
        .find_map(|t| t.recur.as_deref())
        .and_then(recurrence);
    let pending_due = group
        .iter()
        .filter(|t| t.status == "pending")
        .filter_map(|t| local_day(&t.due))
        .min();
    let done = (recurrence.is_none() && template.status == "completed")
        .then(|| local_day(&template.end).unwrap_or(today));
    Wanted {
        title: clean_line(&template.description).trim().to_string(),
        due: pending_due.or_else(|| local_day(&template.due)),
        done,
        recurrence,
    }
}

impl Join<'_> {
    /// Adds or updates the step a group of tasks makes; `key` is the uuid it is matched by,
    /// `None` for a task whose uuid another has.
    fn task(&mut self, key: Option<&str>, group: &[&Task]) -> Result<()> {
        let wanted = wanted(group, self.today);
        if wanted.title.is_empty() {
            let named = key.unwrap_or(&group[0].uuid);
            anyhow::bail!("task {named} has no description: nothing was imported");
        }
        if let Some(&id) = key.and_then(|k| self.known.get(k)) {
            return self.update(id, wanted);
        }
        let task = group[0];
        let goal = self.goal_for(task.project.as_deref().unwrap_or("Imported tasks"));
        let mut step = ActionStep::new(self.ids.next_id(), &wanted.title);
        step.due = wanted.due;
        step.done = wanted.done;
        step.recurrence = wanted.recurrence;
        step.importance = match task.priority.as_deref() {
            Some("H") => 3,
            Some("L") => 1,
            _ => 2,
        };
        step.notes = notes(task);
        if let Some(key) = key {
            step.extra
                .insert(TASK_UUID.into(), serde_json::Value::String(key.to_string()));
            self.known.insert(key.to_string(), step.id);
        }
        self.ops.push(Op::Insert {
            parent: Some(goal),
            index: usize::MAX,
            node: Node::Step(Box::new(step)),
        });
        self.counts[0] += 1;
        Ok(())
    }

    /// A task seen before: its title, due date and being done follow taskwarrior.
    fn update(&mut self, id: ItemId, wanted: Wanted) -> Result<()> {
        let Some(old) = self.plan.step(id) else {
            return Ok(()); // added earlier in this same file
        };
        let mut step = old.clone();
        step.title = wanted.title;
        if wanted.due.is_some() {
            step.due = wanted.due;
        }
        if step.done.is_none() && step.recurrence.is_none() {
            step.done = wanted.done;
        }
        if step != *old {
            self.ops.push(Op::Update {
                node: Node::Step(Box::new(step)),
            });
            self.counts[1] += 1;
        }
        Ok(())
    }

    /// The goal a project's tasks go under: a goal of that name, or a new one.
    fn goal_for(&mut self, project: &str) -> ItemId {
        let title = match clean_line(project).trim() {
            "" => "Imported tasks".to_string(),
            name => name.to_string(),
        };
        if let Some(&id) = self.goals_by_title.get(&title) {
            return id;
        }
        let id = self.ids.next_id();
        self.ops.push(Op::Insert {
            parent: None,
            index: usize::MAX,
            node: Node::Goal(Box::new(Goal::new(id, &title, self.today))),
        });
        self.goals_by_title.insert(title, id);
        self.new_goals += 1;
        id
    }
}

/// A task's tags and annotations, as the step's notes.
fn notes(task: &Task) -> String {
    let mut lines = Vec::new();
    if !task.tags.is_empty() {
        lines.push(format!("Tags: {}", task.tags.join(", ")));
    }
    for a in &task.annotations {
        match local_day(&a.entry) {
            Some(day) => lines.push(format!("{day}: {}", a.description)),
            None => lines.push(a.description.clone()),
        }
    }
    clean_text(&lines.join("\n"))
}

/// One task as `task import` reads it.
#[derive(Serialize)]
struct OutTask {
    uuid: String,
    description: String,
    project: String,
    status: &'static str,
    entry: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    /// When a step done in goalcoach was done, so taskwarrior has it completed too.
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    priority: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
}

/// The steps of goals still being worked on, as a JSON array for `task import`: the goal's
/// title is the project, its tags the task's tags, the milestone one more tag; a step done
/// here goes out `completed` with its `end` day, so finishing it in goalcoach reaches task.
pub fn export(plan: &Plan) -> String {
    let mut tasks = Vec::new();
    for goal in plan
        .goals
        .iter()
        .filter(|g| matches!(g.status, GoalStatus::Active | GoalStatus::OnHold))
    {
        let steps = goal.steps.iter().map(|s| (s, None)).chain(
            goal.milestones
                .iter()
                .flat_map(|m| m.steps.iter().map(move |s| (s, Some(m.title.as_str())))),
        );
        for (step, milestone) in steps {
            let mut tags: Vec<String> = goal.tags.iter().map(|t| tag_word(t)).collect();
            tags.extend(milestone.map(tag_word));
            tasks.push(OutTask {
                uuid: uuid_of(plan, step),
                description: step.title.clone(),
                project: goal.title.clone(),
                status: if step.is_done() {
                    "completed"
                } else {
                    "pending"
                },
                entry: stamp_of(goal.created),
                due: step.due.map(stamp_of),
                end: step.done.map(stamp_of),
                priority: match step.importance {
                    3 => Some("H"),
                    1 => Some("L"),
                    _ => None,
                },
                tags,
            });
        }
    }
    let mut out = serde_json::to_string_pretty(&tasks).expect("tasks serialize");
    out.push('\n');
    out
}

/// A tag taskwarrior accepts: one word, no spaces.
fn tag_word(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join("_")
}

#[cfg(test)]
mod tests {
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
}
