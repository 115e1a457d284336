//! goalcoach's steps as tasks for `task import`. A step that came from taskwarrior goes back
//! as the task it was: every field goalcoach does not own (the entry date, annotations, tags
//! added in task, user-defined attributes, a recurring template's own due date and mask)
//! is sent back as task last gave it, with goalcoach's title, project, due, done and
//! priority over them, so `task import` never erases what the person did in task.

use super::{KEPT, TEMPLATE, is_template, previous_occurrence_uuid, stamp_of, uuid_of};
use crate::model::{ActionStep, Goal, GoalStatus, Plan};
use serde_json::{Map, Value, json};

/// The steps of goals still being worked on (on hold ones too), as a JSON array for `task
/// import`: the goal's title is the project, its tags and the milestone's title tags beside
/// the task's own; a step done here goes out `completed` with its `end` day; a repeating
/// step that came from a recurring task goes back as that template (its own due date and
/// mask, so task makes no second set of occurrences); one made here goes out one occurrence
/// at a time, the one done last beside it, completed.
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
            let task = task_of(plan, goal, milestone, step);
            if let Some(done) = previous_occurrence(plan, step, &task) {
                tasks.push(Value::Object(done));
            }
            tasks.push(Value::Object(task));
        }
    }
    let mut out = serde_json::to_string_pretty(&tasks).expect("tasks serialize");
    out.push('\n');
    out
}

/// The occurrence of a repeating step made here that was done last, as the completed task it
/// is now (so a done here reaches task; the current occurrence is a task of its own).
fn previous_occurrence(
    plan: &Plan,
    step: &ActionStep,
    current: &Map<String, Value>,
) -> Option<Map<String, Value>> {
    let uuid = previous_occurrence_uuid(plan, step)?;
    let (rule, due, done) = (step.recurrence?, step.due?, *step.history.last()?);
    let mut task = current.clone();
    task.insert("uuid".into(), uuid.into());
    task.insert("status".into(), "completed".into());
    task.insert("due".into(), stamp_of(rule.before(due)).into());
    task.insert("end".into(), stamp_of(done).into());
    Some(task)
}

/// One step as a task: what task last said of it, with goalcoach's fields over it.
fn task_of(
    plan: &Plan,
    goal: &Goal,
    milestone: Option<&str>,
    step: &ActionStep,
) -> Map<String, Value> {
    let mut task = match step.extra.get(KEPT) {
        Some(Value::Object(kept)) => kept.clone(),
        _ => Map::new(),
    };
    let template = is_template(step);
    task.remove(TEMPLATE);
    task.insert("uuid".into(), uuid_of(plan, step).into());
    task.insert("description".into(), step.title.clone().into());
    task.insert("project".into(), goal.title.clone().into());
    task.entry("entry")
        .or_insert_with(|| stamp_of(goal.created).into());
    let status = if template {
        // The template keeps its own due date and mask: task makes each occurrence from them.
        "recurring"
    } else if step.is_done() {
        "completed"
    } else {
        "pending"
    };
    task.insert("status".into(), status.into());
    if !template {
        set_or_remove(&mut task, "due", step.due.map(stamp_of));
    }
    set_or_remove(
        &mut task,
        "end",
        step.done.filter(|_| !template).map(stamp_of),
    );
    let priority = match step.importance {
        3 => Some("H"),
        1 => Some("L"),
        _ => None,
    };
    set_or_remove(&mut task, "priority", priority.map(str::to_string));
    // Only a template task made carries `recur`: on any other task, task would make one.
    let recur = step.recurrence.filter(|_| template).map(|r| recur_word(&r));
    set_or_remove(&mut task, "recur", recur);
    let tags = tags_of(&task, goal, milestone);
    if tags.is_empty() {
        task.remove("tags");
    } else {
        task.insert("tags".into(), json!(tags));
    }
    task
}

fn set_or_remove(task: &mut Map<String, Value>, key: &str, value: Option<String>) {
    match value {
        Some(v) => task.insert(key.into(), v.into()),
        None => task.remove(key),
    };
}

/// The tags goalcoach gives the task of step `id`: its goal's, and its milestone's title.
pub(super) fn tags_goalcoach_sends(plan: &Plan, id: crate::model::ItemId) -> Vec<String> {
    let Some(goal) = plan.goal_of(id) else {
        return Vec::new();
    };
    let milestone = goal
        .milestones
        .iter()
        .find(|m| m.steps.iter().any(|s| s.id == id))
        .map(|m| m.title.as_str());
    goal.tags
        .iter()
        .map(|t| tag_word(t))
        .chain(milestone.map(tag_word))
        .collect()
}

/// The task's own tags, then the goal's and the milestone's, each once.
fn tags_of(task: &Map<String, Value>, goal: &Goal, milestone: Option<&str>) -> Vec<String> {
    let own = task
        .get("tags")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_string);
    let ours = goal
        .tags
        .iter()
        .map(|t| tag_word(t))
        .chain(milestone.map(tag_word));
    let mut tags: Vec<String> = Vec::new();
    for tag in own.chain(ours).filter(|t| !t.is_empty()) {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

/// A repetition as taskwarrior's `recur` reads it: `weekly`, `3d`, `2w`, `6mo`.
fn recur_word(rule: &crate::model::Recurrence) -> String {
    use crate::model::repeat::Unit;
    let unit = match rule.unit {
        Unit::Days => "d",
        Unit::Weeks => "w",
        Unit::Months => "mo",
    };
    match (rule.every, rule.unit) {
        (1, Unit::Days) => "daily".to_string(),
        (1, Unit::Weeks) => "weekly".to_string(),
        (1, Unit::Months) => "monthly".to_string(),
        (n, _) => format!("{n}{unit}"),
    }
}

/// A tag taskwarrior accepts: one word, no spaces, no commas (task splits tags on them).
pub(super) fn tag_word(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}
