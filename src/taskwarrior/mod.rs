//! taskwarrior's JSON, both ways. In (here): `task export` becomes steps, a goal per
//! project, its UTC stamps read as the local day, tags and annotations kept in the step's
//! notes, a recurring task one repeating step (not its template and each instance), and a
//! task seen before (by uuid) updated rather than added: its title, due date, being done, an
//! occurrence of a repeating one done, annotations added since. Out (`out`): the steps as
//! tasks `task import` accepts, each with a uuid that stays the same from export to export
//! and the fields task keeps that goalcoach does not (kept in the step as task last gave
//! them), so the loop can go round any number of times without undoing either side.

mod out;

use crate::import::{Import, task_summary};
use crate::model::repeat::{From, Unit};
use crate::model::text::{clean_line, clean_text};
use crate::model::{ActionStep, Goal, ItemId, Node, Op, Plan, Recurrence};
use anyhow::Result;
use chrono::{Local, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashMap;

pub use out::export;

/// The step field that remembers which taskwarrior task a step came from.
const TASK_UUID: &str = "taskwarrior_uuid";
/// The step field keeping what task said of the task beyond what goalcoach owns (entry date,
/// annotations, tags, user-defined attributes, a template's due and mask), sent back on export.
const KEPT: &str = "taskwarrior_task";
/// Inside `KEPT`: the task is a recurring template (task makes the occurrences).
const TEMPLATE: &str = "goalcoach_template";
/// Fields of a task goalcoach owns or task works out itself: not kept.
const NOT_KEPT: [&str; 9] = [
    "uuid",
    "description",
    "project",
    "status",
    "end",
    "priority",
    "id",
    "urgency",
    "modified",
];

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
    /// Every other field (entry, mask, user-defined attributes), kept as task gave it.
    #[serde(flatten)]
    other: Map<String, Value>,
}

impl Task {
    fn is_template(&self) -> bool {
        self.status == "recurring"
    }

    /// What goalcoach keeps of this task to send back: everything it does not own; a
    /// template's due date too (task counts its occurrences from it).
    fn kept(&self) -> Value {
        let mut kept: Map<String, Value> = self
            .other
            .iter()
            .filter(|(k, _)| !NOT_KEPT.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if !self.tags.is_empty() {
            kept.insert("tags".into(), serde_json::json!(self.tags));
        }
        if !self.annotations.is_empty() {
            let annotations = serde_json::to_value(&self.annotations).unwrap_or_default();
            kept.insert("annotations".into(), annotations);
        }
        if self.is_template() {
            kept.insert(TEMPLATE.into(), Value::Bool(true));
            if let Some(due) = &self.due {
                kept.insert("due".into(), due.clone().into());
            }
        }
        Value::Object(kept)
    }
}

#[derive(Clone, Deserialize, Serialize, PartialEq)]
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
/// the step's id (the same every time); for a repeating step made here, its current
/// occurrence's (see `occurrence_uuid`).
pub fn uuid_of(plan: &Plan, step: &ActionStep) -> String {
    if let Some(uuid) = step.extra.get(TASK_UUID).and_then(|v| v.as_str()) {
        return uuid.to_string();
    }
    match step.recurrence {
        Some(_) => occurrence_uuid(plan, step, step.history.len()),
        None => made_uuid(plan, step, 0),
    }
}

/// A repeating step made in goalcoach goes to task one occurrence at a time, each a task of
/// its own (task's `recur` would make copies on its own schedule): occurrence `n` counts the
/// occurrences done before it. The first one has the step's plain uuid.
fn occurrence_uuid(plan: &Plan, step: &ActionStep, n: usize) -> String {
    made_uuid(plan, step, n)
}

/// For a repeating step made here with an occurrence done: the uuid that occurrence went
/// to task with.
fn previous_occurrence_uuid(plan: &Plan, step: &ActionStep) -> Option<String> {
    let done = step.history.len();
    (step.recurrence.is_some() && done > 0 && !step.extra.contains_key(TASK_UUID))
        .then(|| occurrence_uuid(plan, step, done - 1))
}

/// For a repeating step made here: the uuids its occurrences done so far went to task with.
fn earlier_occurrence_uuids(plan: &Plan, step: &ActionStep) -> Vec<String> {
    if step.recurrence.is_none() || step.extra.contains_key(TASK_UUID) {
        return Vec::new();
    }
    (0..step.history.len())
        .map(|n| occurrence_uuid(plan, step, n))
        .collect()
}

/// Whether a step goes to task as a recurring template it came from.
fn is_template(step: &ActionStep) -> bool {
    step.recurrence.is_some()
        && step
            .extra
            .get(KEPT)
            .and_then(|k| k.get(TEMPLATE))
            .and_then(Value::as_bool)
            == Some(true)
}

/// A uuid made from the plan, the step's id and `n` (the same every time).
fn made_uuid(plan: &Plan, step: &ActionStep, n: usize) -> String {
    let seed = match n {
        0 => format!("goalcoach:{}:{}", plan.uid, step.id.0),
        n => format!("goalcoach:{}:{}:{n}", plan.uid, step.id.0),
    };
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
    let mut known: HashMap<String, ItemId> = HashMap::new();
    let mut done_before = std::collections::HashSet::new();
    for step in plan.goals.iter().flat_map(|g| g.all_steps()) {
        known.insert(uuid_of(plan, step), step.id);
        done_before.extend(earlier_occurrence_uuids(plan, step));
    }
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
    // An occurrence done here that went to task completed: goalcoach has it already.
    for (key, group) in groups
        .into_iter()
        .filter(|(k, _)| !done_before.contains(*k))
    {
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
/// instances (pending and completed) share the template's uuid; every other task stands
/// alone. Deleted tasks are left out. A task whose uuid an earlier task
/// already has (taskwarrior gives each its own, so the file was put together by hand) is a
/// step of its own, with no uuid to match: the second list.
type Groups<'a> = (Vec<(&'a str, Vec<&'a Task>)>, Vec<&'a Task>);

fn by_recurring_key(tasks: &[Task]) -> Groups<'_> {
    let mut groups: Vec<(&str, Vec<&Task>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut standalone: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut twins = Vec::new();
    for task in tasks.iter().filter(|t| t.status != "deleted") {
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
    /// The due date of what is still open there.
    due: Option<NaiveDate>,
    /// The task's (or the template's) own due date, open or not.
    first_due: Option<NaiveDate>,
    /// When the task was completed (a task that does not repeat there).
    done: Option<NaiveDate>,
    recurrence: Option<Recurrence>,
    /// Occurrences completed there: (due day, done day), earliest due first.
    occurrences: Vec<(NaiveDate, NaiveDate)>,
    /// The annotations there, and what else goalcoach keeps to send back.
    annotations: Vec<Annotation>,
    kept: Value,
}

fn wanted(group: &[&Task], today: NaiveDate) -> Wanted {
    let template = group.iter().find(|t| t.is_template()).unwrap_or(&group[0]);
    let recurrence = group
        .iter()
        .find_map(|t| t.recur.as_deref())
        .and_then(recurrence);
    let open = |t: &&&Task| matches!(t.status.as_str(), "pending" | "waiting");
    let pending_due = group
        .iter()
        .filter(open)
        .filter_map(|t| local_day(&t.due))
        .min();
    let finished = |t: &Task| (t.status == "completed").then(|| local_day(&t.end).unwrap_or(today));
    let mut occurrences: Vec<(NaiveDate, NaiveDate)> = group
        .iter()
        .filter(|t| !t.is_template())
        .filter_map(|t| Some((local_day(&t.due)?, finished(t)?)))
        .collect();
    occurrences.sort();
    Wanted {
        title: clean_line(&template.description).trim().to_string(),
        due: pending_due,
        first_due: local_day(&template.due),
        done: finished(template).filter(|_| recurrence.is_none()),
        recurrence,
        occurrences,
        annotations: template.annotations.clone(),
        kept: template.kept(),
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
        let task = group.iter().find(|t| t.is_template()).unwrap_or(&group[0]);
        let goal = self.goal_for(task.project.as_deref().unwrap_or("Imported tasks"));
        let mut step = ActionStep::new(self.ids.next_id(), &wanted.title);
        step.due = wanted.due.or(wanted.first_due);
        step.done = wanted.done;
        step.recurrence = wanted.recurrence;
        if step.recurrence.is_some() {
            step.history = wanted.occurrences.iter().map(|&(_, done)| done).collect();
        }
        self.keep(&mut step, wanted.kept);
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

    /// A task seen before: its title, due date and being done follow taskwarrior; for a
    /// repeating step each occurrence completed there since is recorded; annotations added
    /// there since join the notes.
    fn update(&mut self, id: ItemId, wanted: Wanted) -> Result<()> {
        let Some(old) = self.plan.step(id) else {
            return Ok(()); // added earlier in this same file
        };
        let mut step = old.clone();
        step.title = wanted.title;
        if step.recurrence.is_some() {
            for &(due, done_on) in &wanted.occurrences {
                if step.due.is_some_and(|current| due >= current) {
                    crate::model::done::record_occurrence(&mut step, done_on);
                }
            }
        } else if wanted.due.is_none() {
            step.due = wanted.first_due.or(step.due);
        }
        if wanted.due.is_some() {
            step.due = wanted.due;
        }
        if step.done.is_none() && step.recurrence.is_none() {
            step.done = wanted.done;
        }
        add_new_annotations(&mut step, &wanted.annotations);
        self.keep(&mut step, wanted.kept);
        if step != *old {
            self.ops.push(Op::Update {
                node: Node::Step(Box::new(step)),
            });
            self.counts[1] += 1;
        }
        Ok(())
    }

    /// Keeps in the step what task said beyond goalcoach's own fields — less what goalcoach
    /// would send anyway (the goal's start as entry date, the goal's and milestone's tags),
    /// so a plan's own export read back changes nothing.
    fn keep(&self, step: &mut ActionStep, kept: Value) {
        let Value::Object(mut kept) = kept else {
            return;
        };
        if let Some(goal) = self.plan.goal_of(step.id) {
            if kept.get("entry").and_then(Value::as_str) == Some(&stamp_of(goal.created)) {
                kept.remove("entry");
            }
            let ours = out::tags_goalcoach_sends(self.plan, step.id);
            if let Some(Value::Array(tags)) = kept.get_mut("tags") {
                tags.retain(|t| t.as_str().is_none_or(|t| !ours.iter().any(|o| o == t)));
                if tags.is_empty() {
                    kept.remove("tags");
                }
            }
        }
        if kept.is_empty() {
            step.extra.remove(KEPT);
        } else {
            step.extra.insert(KEPT.into(), Value::Object(kept));
        }
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

/// Annotations task has that it did not have when last read, as lines of the step's notes.
fn add_new_annotations(step: &mut ActionStep, there: &[Annotation]) {
    let before: Vec<Annotation> = step
        .extra
        .get(KEPT)
        .and_then(|k| k.get("annotations"))
        .and_then(|a| serde_json::from_value(a.clone()).ok())
        .unwrap_or_default();
    for a in there.iter().filter(|a| !before.contains(a)) {
        let line = annotation_line(a);
        if !step.notes.contains(&line) {
            if !step.notes.is_empty() {
                step.notes.push('\n');
            }
            step.notes.push_str(&line);
        }
    }
    step.notes = clean_text(&step.notes);
}

fn annotation_line(a: &Annotation) -> String {
    match local_day(&a.entry) {
        Some(day) => format!("{day}: {}", a.description),
        None => a.description.clone(),
    }
}

/// A task's tags and annotations, as the step's notes.
fn notes(task: &Task) -> String {
    let mut lines = Vec::new();
    if !task.tags.is_empty() {
        lines.push(format!("Tags: {}", task.tags.join(", ")));
    }
    lines.extend(task.annotations.iter().map(annotation_line));
    clean_text(&lines.join("\n"))
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
