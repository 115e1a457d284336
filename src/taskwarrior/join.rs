//! `task export` read into the plan: tasks grouped into steps (a recurring template with its
//! instances is one), each matched by uuid to the step it came from or went out as, and
//! added or updated (see the module comment of `taskwarrior`).

use super::*;

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
