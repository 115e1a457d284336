//! Plain-text views of the plan for the command line and exports: the tree list, the agenda
//! and the Markdown and org-mode documents. Reads the plan; changes nothing.

use crate::model::agenda::{self, Bucket};
use crate::model::progress;
use crate::model::smart;
use crate::model::standing::Standing;
use crate::model::{ActionStep, Goal, Milestone, Plan};
use chrono::{NaiveDate, Weekday};
use std::fmt::Write;

pub mod brief;
pub mod json;
mod markdown;
pub mod org;
mod review;
pub use markdown::markdown;
pub use review::{review_text, step_back_text};

fn percent(p: f64) -> String {
    format!("{:>3.0}%", p * 100.0)
}

fn step_mark(done: bool) -> &'static str {
    if done { "[x]" } else { "[ ]" }
}

fn due_text(label: &str, date: Option<NaiveDate>, done: bool, today: NaiveDate) -> String {
    match date {
        Some(d) if !done && d < today => format!("  {label} {d} (overdue)"),
        Some(d) => format!("  {label} {d}"),
        None => String::new(),
    }
}

/// The goal tree as text: ids, done marks, progress, pace, dates and SMART gaps.
pub fn list_text(plan: &Plan, today: NaiveDate) -> String {
    if plan.goals.is_empty() {
        return "No goals yet. Add one with: goalcoach add \"Your goal\" --deadline 2027-06-30\n"
            .to_string();
    }
    let mut out = String::new();
    for goal in &plan.goals {
        write_goal_line(&mut out, goal, today);
        let late: Vec<_> = smart::late_items(goal).into_iter().map(|l| l.id).collect();
        let late_mark = |id| {
            if late.contains(&id) {
                "  (after the goal's deadline)"
            } else {
                ""
            }
        };
        for m in &goal.milestones {
            write_milestone_line(&mut out, m, today, late_mark(m.id));
            for s in &m.steps {
                write_step_line(&mut out, s, "      ", today, late_mark(s.id));
            }
        }
        for s in &goal.steps {
            write_step_line(&mut out, s, "   ", today, late_mark(s.id));
        }
    }
    out
}

fn write_goal_line(out: &mut String, goal: &Goal, today: NaiveDate) {
    let pace = progress::pace(goal, today);
    let gaps = smart::gaps_label(goal, today);
    let _ = write!(
        out,
        "{} {} {} [{}] {}{}",
        goal.num,
        step_mark(goal.status == crate::model::GoalStatus::Done),
        percent(pace.progress),
        goal.status.label(),
        goal.title,
        due_text("due", goal.deadline, goal.completed.is_some(), today),
    );
    if pace.standing.is_open() && pace.standing != Standing::NoDeadline {
        let _ = write!(out, "  {}", pace.standing.label());
    }
    if !gaps.is_empty() {
        let _ = write!(out, "  SMART gaps: {gaps}");
    }
    out.push('\n');
}

fn write_milestone_line(out: &mut String, m: &Milestone, today: NaiveDate, late: &str) {
    let _ = writeln!(
        out,
        "   {} {} {} {}{}{late}",
        m.num,
        step_mark(m.is_done()),
        percent(progress::milestone_progress(m)),
        m.title,
        due_text("target", m.target, m.is_done(), today),
    );
}

fn write_step_line(out: &mut String, s: &ActionStep, indent: &str, today: NaiveDate, late: &str) {
    let _ = writeln!(
        out,
        "{indent}{} {} {}{}{late}",
        s.num,
        step_mark(s.is_done()),
        s.title,
        due_text("due", s.due, s.is_done(), today),
    );
}

/// The dated items of the agenda in `buckets` only, as text ("" when there are none): what
/// `agenda --overdue` and `--due-today` print for a prompt or a cron job.
pub fn due_lines(plan: &Plan, today: NaiveDate, week_start: Weekday, buckets: &[Bucket]) -> String {
    let a = agenda::agenda(plan, today, week_start, &Default::default());
    let mut out = String::new();
    for item in a.items.iter().filter(|i| buckets.contains(&i.bucket)) {
        write_agenda_item(&mut out, plan, item, ("", " "));
    }
    out
}

/// "2026-11-20 #3 step Chapter 1  (Learn Rust)", after `indent` and with `gap` before the
/// kind (the full agenda lines the kinds up; the one-line-per-item filters keep it short).
fn write_agenda_item(
    out: &mut String,
    plan: &Plan,
    item: &agenda::AgendaItem,
    (indent, gap): (&str, &str),
) {
    let title = plan.title_of(item.id).unwrap_or_default();
    let goal = plan.title_of(item.goal).unwrap_or_default();
    let (date, num, kind) = (item.date, plan.num_of(item.id), item.kind.label());
    let _ = writeln!(out, "{indent}{date} {num}{gap}{kind} {title}  ({goal})");
}

/// The agenda as text: dated items by bucket, then stalled and stuck goals.
pub fn agenda_text(plan: &Plan, today: NaiveDate, week_start: Weekday) -> String {
    let scope = crate::model::view::Scope::default();
    let a = agenda::agenda(plan, today, week_start, &scope);
    let mut out = String::new();
    write_goal_list(&mut out, plan, "Focus", &a.focus);
    for bucket in Bucket::ALL {
        let items: Vec<_> = a.in_bucket(bucket).collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{}:", bucket.label());
        for item in items {
            write_agenda_item(&mut out, plan, item, ("  ", "  "));
        }
    }
    let next: Vec<_> = a.next_actions.iter().map(|&(_, step)| step).collect();
    write_item_list(&mut out, plan, "Next actions (no date yet)", &next);
    write_item_list(&mut out, plan, "Done today", &a.done_today);
    write_pace(&mut out, plan, today);
    let stalled = format!(
        "Stalled (nothing done for {} days)",
        crate::model::agenda::STALLED_AFTER_DAYS
    );
    write_goal_list(&mut out, plan, &stalled, &a.stalled);
    write_goal_list(&mut out, plan, "Stuck (no open next step)", &a.stuck);
    if out.is_empty() {
        out.push_str("Nothing on the agenda: no dated open steps or milestones.\n");
    }
    out
}

fn write_pace(out: &mut String, plan: &Plan, today: NaiveDate) {
    let active: Vec<_> = plan.goals.iter().filter(|g| g.is_active()).collect();
    if active.is_empty() {
        return;
    }
    let _ = writeln!(out, "Goals:");
    for goal in active {
        let pace = progress::pace(goal, today);
        let _ = write!(
            out,
            "  {} {} {}",
            goal.num,
            percent(pace.progress),
            goal.title
        );
        if let Some(e) = pace.expected {
            let _ = write!(
                out,
                "  {} (pace line at {:.0}%)",
                pace.standing.label(),
                e * 100.0
            );
        }
        if let Some(f) = pace.projected_finish {
            let _ = write!(out, "  done by {f} at this rate");
        }
        let gaps = smart::gaps_label(goal, today);
        if !gaps.is_empty() {
            let _ = write!(out, "  SMART gaps: {gaps}");
        }
        out.push('\n');
    }
}

/// Items with their goal: "  #12 step Send the draft  (Speak at a conference)".
fn write_item_list(out: &mut String, plan: &Plan, heading: &str, ids: &[crate::model::ItemId]) {
    if ids.is_empty() {
        return;
    }
    let _ = writeln!(out, "{heading}:");
    for &id in ids {
        let kind = plan.locate(id).map_or("item", |l| l.kind().label());
        let title = plan.title_of(id).unwrap_or_default();
        let _ = write!(out, "  {} {kind} {title}", plan.num_of(id));
        match plan.goal_of(id).filter(|g| g.id != id) {
            Some(goal) => {
                let _ = writeln!(out, "  ({})", goal.title);
            }
            None => out.push('\n'),
        }
    }
}

fn write_goal_list(out: &mut String, plan: &Plan, heading: &str, ids: &[crate::model::ItemId]) {
    if ids.is_empty() {
        return;
    }
    let _ = writeln!(out, "{heading}:");
    for id in ids {
        let (num, title) = (plan.num_of(*id), plan.title_of(*id).unwrap_or_default());
        let _ = writeln!(out, "  {num} {title}");
    }
}

/// The backups as a numbered list for `goalcoach restore`, newest first.
pub fn backup_list(backups: &[std::path::PathBuf]) -> String {
    if backups.is_empty() {
        return "No backups yet. One is made before the first save of each day.\n".to_string();
    }
    let mut out = String::from("Backups, newest first (restore one with `goalcoach restore N`):\n");
    for (i, path) in backups.iter().enumerate() {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{:>3}. {name}  ({:.1} KiB)",
            i + 1,
            size as f64 / 1024.0
        );
    }
    out
}
