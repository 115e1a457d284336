//! Exports for other tools: an iCalendar file (goal deadlines and milestone targets as
//! all-day events, open dated steps as to-dos, stable UIDs so a re-import updates rather than
//! duplicates) and a CSV of every step for spreadsheets. Reads the plan; changes nothing.

use crate::model::{ActionStep, Goal, ItemId, Plan};
use anyhow::{Context, Result};
use icalendar::{Calendar, Component, Event, EventLike, Todo, TodoStatus};

/// The stable UID of an item: the same item always gets the same UID.
fn uid(plan: &Plan, id: ItemId) -> String {
    format!("goalcoach-{}-{}@goalcoach", plan.uid, id.0)
}

/// The plan's dates as an iCalendar (RFC 5545) document.
pub fn ics(plan: &Plan) -> String {
    let mut cal = Calendar::new();
    cal.name("goalcoach");
    for goal in plan.goals.iter().filter(|g| g.is_active()) {
        if let Some(deadline) = goal.deadline {
            let about = if goal.description.is_empty() {
                "A goalcoach goal"
            } else {
                &goal.description
            };
            cal.push(all_day(
                &uid(plan, goal.id),
                &format!("Deadline: {}", goal.title),
                about,
                deadline,
            ));
        }
        for m in goal.milestones.iter().filter(|m| !m.is_done()) {
            if let Some(target) = m.target {
                let summary = format!("Milestone: {}", m.title);
                cal.push(all_day(
                    &uid(plan, m.id),
                    &summary,
                    &format!("Goal: {}", goal.title),
                    target,
                ));
            }
        }
        for step in goal.all_steps().filter(|s| !s.is_done()) {
            if let Some(due) = step.due {
                cal.push(
                    Todo::new()
                        .uid(&uid(plan, step.id))
                        .summary(&step.title)
                        .description(&format!("Goal: {}", goal.title))
                        .due(due)
                        .status(TodoStatus::NeedsAction)
                        .done(),
                );
            }
        }
    }
    cal.done().to_string()
}

/// An all-day event: DTEND is the next day, as RFC 5545 has it for dates.
fn all_day(uid: &str, summary: &str, description: &str, date: chrono::NaiveDate) -> Event {
    Event::new()
        .uid(uid)
        .summary(summary)
        .description(description)
        .starts(date)
        .ends(date.succ_opt().unwrap_or(date))
        .done()
}

/// The columns of the CSV export, in order.
pub const CSV_COLUMNS: [&str; 11] = [
    "goal_id",
    "goal",
    "milestone_id",
    "milestone",
    "step_id",
    "step",
    "due",
    "done",
    "importance",
    "urgency",
    "repeats",
];

/// Every step as a CSV row, with its goal and milestone.
pub fn csv(plan: &Plan) -> Result<Vec<u8>> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(CSV_COLUMNS)?;
    for goal in &plan.goals {
        for m in &goal.milestones {
            for s in &m.steps {
                out.write_record(step_row(goal, Some((m.id, &m.title)), s))?;
            }
        }
        for s in &goal.steps {
            out.write_record(step_row(goal, None, s))?;
        }
    }
    out.into_inner().context("cannot finish the CSV")
}

fn step_row(goal: &Goal, milestone: Option<(ItemId, &str)>, s: &ActionStep) -> Vec<String> {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let repeats = s
        .recurrence
        .map(|r| format!("{r:?}").to_lowercase())
        .unwrap_or_default();
    vec![
        goal.id.0.to_string(),
        goal.title.clone(),
        milestone
            .map(|(id, _)| id.0.to_string())
            .unwrap_or_default(),
        milestone.map(|(_, t)| t.to_string()).unwrap_or_default(),
        s.id.0.to_string(),
        s.title.clone(),
        date(s.due),
        date(s.done),
        s.importance.to_string(),
        s.urgency.to_string(),
        repeats,
    ]
}
