//! Bringing plans in from elsewhere: a Markdown outline from a notes app (goal / milestone /
//! step by indent, `[x]` for done) and taskwarrior's `task export` JSON (a goal per project).
//! Each reader builds one operation that adds everything, or fails naming the line; nothing
//! is ever half-imported.

use crate::model::text::clean_line;
use crate::model::{ActionStep, Goal, ItemId, Milestone, Node, Op, Plan};
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use serde::Deserialize;
use std::path::Path;

/// What an import will add, and a line saying so.
pub struct Import {
    pub op: Op,
    pub summary: String,
}

struct Bullet<'a> {
    line: usize,
    depth: usize,
    done: bool,
    title: &'a str,
}

/// "imported 1 goal, 2 milestones, 5 steps".
fn summary(goals: usize, milestones: usize, steps: usize) -> String {
    let plural = crate::model::text::plural;
    format!(
        "imported {}, {}, {}",
        plural(goals, "goal"),
        plural(milestones, "milestone"),
        plural(steps, "step")
    )
}

/// "imported 3 tasks into 2 new goals".
fn task_summary(tasks: usize, new_goals: usize) -> String {
    let plural = crate::model::text::plural;
    format!(
        "imported {} into {}",
        plural(tasks, "task"),
        plural(new_goals, "new goal")
    )
}

/// Reads a Markdown outline: `- ` (or `* `) bullets; no indent = goal, one level = milestone,
/// two = step; `[ ]` / `[x]` checkboxes. Blank lines and `#` headings are skipped.
pub fn markdown_outline(text: &str, plan: &Plan, today: NaiveDate) -> Result<Import> {
    let bullets = parse_bullets(text)?;
    let mut ids = plan.ids.fork();
    let mut fresh = || ids.next_id();
    let mut goals: Vec<Goal> = Vec::new();
    let (mut milestones, mut steps) = (0, 0);
    for b in bullets {
        let title = clean_line(b.title).trim().to_string();
        if title.is_empty() {
            bail!("line {}: the bullet has no text", b.line);
        }
        let done = b.done.then_some(today);
        match b.depth {
            0 => {
                let mut g = Goal::new(fresh(), &title, today);
                if done.is_some() {
                    g.status = crate::model::GoalStatus::Done;
                    g.completed = done;
                }
                goals.push(g);
            }
            1 => {
                let goal = goals.last_mut().with_context(|| {
                    format!("line {}: a milestone needs a goal above it", b.line)
                })?;
                let mut m = Milestone::new(fresh(), &title);
                m.done = done;
                goal.milestones.push(m);
                milestones += 1;
            }
            2 => {
                let goal = goals
                    .last_mut()
                    .with_context(|| format!("line {}: a step needs a goal above it", b.line))?;
                let milestone = goal.milestones.last_mut().with_context(|| {
                    format!(
                        "line {}: a step needs a milestone above it (or indent it one level less)",
                        b.line
                    )
                })?;
                let mut s = ActionStep::new(fresh(), &title);
                s.done = done;
                milestone.steps.push(s);
                steps += 1;
            }
            d => bail!(
                "line {}: indented {d} levels; goalcoach reads goal, milestone and step (up to 2)",
                b.line
            ),
        }
    }
    if goals.is_empty() {
        bail!("no '- ' bullets found: nothing to import");
    }
    let summary = summary(goals.len(), milestones, steps);
    let ops = goals.into_iter().map(|g| Op::Insert {
        parent: None,
        index: usize::MAX,
        node: Node::Goal(Box::new(g)),
    });
    Ok(Import {
        op: Op::Batch(ops.collect()),
        summary,
    })
}

fn parse_bullets(text: &str) -> Result<Vec<Bullet<'_>>> {
    let mut unit = 0;
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let content = raw.trim_start();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let Some(rest) = content
            .strip_prefix("- ")
            .or_else(|| content.strip_prefix("* "))
        else {
            bail!(
                "line {line}: expected a '- ' bullet, found {:?}",
                content.chars().take(40).collect::<String>()
            );
        };
        let indent: usize = raw[..raw.len() - content.len()]
            .chars()
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum();
        if indent > 0 && unit == 0 {
            unit = indent;
        }
        if unit > 0 && !indent.is_multiple_of(unit) {
            bail!(
                "line {line}: the indent ({indent} spaces) is not a multiple of the first indent ({unit})"
            );
        }
        let depth = indent.checked_div(unit).unwrap_or(0);
        let (done, title) = checkbox(rest);
        out.push(Bullet {
            line,
            depth,
            done,
            title,
        });
    }
    Ok(out)
}

fn checkbox(rest: &str) -> (bool, &str) {
    for (mark, done) in [("[ ] ", false), ("[x] ", true), ("[X] ", true)] {
        if let Some(title) = rest.strip_prefix(mark) {
            return (done, title);
        }
    }
    (false, rest)
}

/// One task of `task export`.
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
}

/// The step field that remembers which taskwarrior task a step came from.
const TASK_UUID: &str = "taskwarrior_uuid";

fn task_date(text: &Option<String>) -> Option<NaiveDate> {
    let text = text.as_deref()?;
    NaiveDate::parse_from_str(text.get(..8)?, "%Y%m%d").ok()
}

/// Reads taskwarrior's `task export` JSON: each project becomes a goal (an existing goal of
/// that name is reused), each pending or completed task a step under it. Tasks imported
/// before (same uuid) are skipped, so importing twice adds nothing.
pub fn taskwarrior(text: &str, plan: &Plan, today: NaiveDate) -> Result<Import> {
    let tasks: Vec<Task> = serde_json::from_str(text).map_err(|e| {
        anyhow::anyhow!(
            "line {}, column {}: not a taskwarrior export: {e}",
            e.line(),
            e.column()
        )
    })?;
    let known: std::collections::HashSet<&str> = plan
        .goals
        .iter()
        .flat_map(|g| g.all_steps())
        .filter_map(|s| s.extra.get(TASK_UUID).and_then(|v| v.as_str()))
        .collect();
    let mut ids = plan.ids.fork();
    let mut ops = Vec::new();
    let mut new_goals: Vec<(String, ItemId)> = Vec::new();
    let mut added = 0;
    for task in tasks
        .iter()
        .filter(|t| t.status != "deleted" && !known.contains(t.uuid.as_str()))
    {
        let project = task
            .project
            .clone()
            .unwrap_or_else(|| "Imported tasks".to_string());
        let goal_id = match plan.goals.iter().find(|g| g.title == project) {
            Some(g) => g.id,
            None => match new_goals.iter().find(|(name, _)| *name == project) {
                Some((_, id)) => *id,
                None => {
                    let id = ids.next_id();
                    let goal = Goal::new(id, &clean_line(&project), today);
                    ops.push(Op::Insert {
                        parent: None,
                        index: usize::MAX,
                        node: Node::Goal(Box::new(goal)),
                    });
                    new_goals.push((project.clone(), id));
                    id
                }
            },
        };
        let mut step = ActionStep::new(ids.next_id(), &clean_line(&task.description));
        step.due = task_date(&task.due);
        step.done = (task.status == "completed").then(|| task_date(&task.end).unwrap_or(today));
        step.importance = match task.priority.as_deref() {
            Some("H") => 3,
            Some("L") => 1,
            _ => 2,
        };
        step.extra.insert(
            TASK_UUID.into(),
            serde_json::Value::String(task.uuid.clone()),
        );
        ops.push(Op::Insert {
            parent: Some(goal_id),
            index: usize::MAX,
            node: Node::Step(Box::new(step)),
        });
        added += 1;
    }
    let summary = task_summary(added, new_goals.len());
    Ok(Import {
        op: Op::Batch(ops),
        summary,
    })
}

/// Standard input, for `goalcoach import -` (a pipe from `task export`, say).
fn read_stdin() -> Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .context("cannot read standard input")?;
    Ok(bytes)
}

/// `goalcoach import FILE`: a goalcoach JSON file (another copy of this plan merges by id;
/// another person's plan adds its goals), a taskwarrior export (a JSON array) or a Markdown
/// outline, told apart by extension and first character; `-` is standard input. All or
/// nothing.
pub fn import_file(plan: &mut Plan, file: &Path, today: NaiveDate) -> Result<String> {
    let bytes = if file == Path::new("-") {
        read_stdin()?
    } else {
        crate::store::read_plan_file(file)?
            .with_context(|| format!("cannot read {}: there is no such file", file.display()))?
    };
    let text = String::from_utf8_lossy(&bytes);
    let markdown = file
        .extension()
        .is_some_and(|e| ["md", "markdown", "txt"].contains(&e.to_string_lossy().as_ref()));
    let (op, summary) = match text.trim_start().chars().next() {
        _ if markdown => from(markdown_outline(&text, plan, today), file)?,
        Some('[') => from(taskwarrior(&text, plan, today), file)?,
        Some('{') => {
            let theirs = crate::store::parse_plan(file, &bytes)?;
            if !plan.uid.is_empty() && theirs.uid == plan.uid {
                let merged = crate::model::merge3::merge(None, plan.clone(), theirs);
                *plan = merged.plan;
                return Ok(format!(
                    "merged another copy of this plan: {}",
                    merged.report.summary()
                ));
            }
            let merge = crate::model::merge::merge_op(plan, theirs);
            let summary = merge.summary();
            (merge.op, summary)
        }
        Some('-' | '*' | '#') => from(markdown_outline(&text, plan, today), file)?,
        _ => bail!(
            "{}: not a goalcoach JSON file, a taskwarrior export or a Markdown outline",
            file.display()
        ),
    };
    plan.apply(op)?;
    Ok(summary)
}

fn from(import: Result<Import>, file: &Path) -> Result<(Op, String)> {
    let import = import.with_context(|| format!("cannot import {}", file.display()))?;
    Ok((import.op, import.summary))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    #[test]
    fn an_outline_becomes_goals_milestones_and_steps() {
        let text = "# Plans\n\n- Speak at a conference\n  - [x] Pick conferences\n    - [x] List three\n    - [ ] Ask Dana\n  - Submit\n- Get promoted\n";
        let mut plan = Plan::default();
        let import = markdown_outline(text, &plan, day()).unwrap();
        assert_eq!(import.summary, "imported 2 goals, 2 milestones, 2 steps");
        plan.apply(import.op).unwrap();
        let g = &plan.goals[0];
        assert_eq!(g.milestones[0].done, Some(day()));
        assert_eq!(g.milestones[0].steps[1].title, "Ask Dana");
        assert!(g.milestones[0].steps[0].is_done() && !g.milestones[0].steps[1].is_done());
        assert_eq!(plan.goals[1].title, "Get promoted");
        assert_eq!(plan.next_num, plan.max_num() + 1);
    }

    #[test]
    fn tabs_and_four_space_indents_work() {
        let plan = Plan::default();
        assert!(markdown_outline("- G\n\t- M\n\t\t- S\n", &plan, day()).is_ok());
        assert!(markdown_outline("- G\n    - M\n        - S\n", &plan, day()).is_ok());
    }

    #[test]
    fn bad_outlines_name_the_line() {
        let plan = Plan::default();
        let err = |t: &str| markdown_outline(t, &plan, day()).err().unwrap().to_string();
        assert!(err("- G\nloose text\n").starts_with("line 2: expected a '- ' bullet"));
        assert!(err("  - M first\n").contains("line 1: a milestone needs a goal"));
        assert!(err("- G\n    - S\n  - odd\n").contains("line 3: the indent (2 spaces)"));
        assert!(err("- G\n  - M\n    - S\n      - deeper\n").contains("line 4: indented 3 levels"));
        assert!(err("").contains("nothing to import"));
    }

    const TASKS: &str = r#"[
      {"uuid":"a1","description":"Write abstract","project":"Talk","status":"pending","due":"20261201T000000Z","priority":"H"},
      {"uuid":"a2","description":"Book venue","project":"Talk","status":"completed","end":"20261110T120000Z"},
      {"uuid":"a3","description":"Old idea","project":"Talk","status":"deleted"},
      {"uuid":"a4","description":"Loose task","status":"pending"}
    ]"#;

    #[test]
    fn taskwarrior_tasks_become_steps_under_a_goal_per_project_once() {
        let mut plan = Plan::default();
        let import = taskwarrior(TASKS, &plan, day()).unwrap();
        assert_eq!(import.summary, "imported 3 tasks into 2 new goals");
        plan.apply(import.op).unwrap();
        let talk = &plan.goals[0];
        assert_eq!(talk.title, "Talk");
        assert_eq!(talk.steps.len(), 2);
        assert_eq!(talk.steps[0].due, NaiveDate::from_ymd_opt(2026, 12, 1));
        assert_eq!(talk.steps[0].importance, 3);
        assert_eq!(talk.steps[1].done, NaiveDate::from_ymd_opt(2026, 11, 10));
        assert_eq!(plan.goals[1].title, "Imported tasks");
        let again = taskwarrior(TASKS, &plan, day()).unwrap();
        assert_eq!(again.summary, "imported 0 tasks into 0 new goals");
    }

    #[test]
    fn a_bad_taskwarrior_file_names_line_and_column() {
        let err = taskwarrior("[\n{\"uuid\": 1}]", &Plan::default(), day())
            .err()
            .unwrap();
        assert!(err.to_string().starts_with("line 2, column"), "{err}");
    }
}
