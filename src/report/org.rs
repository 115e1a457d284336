//! The plan as an org-mode file (`export --format org`) that Emacs reads as an outline and
//! `goalcoach import` reads back to the same plan: each goal a `*` headline, its milestones
//! `**`, their steps `***` (a goal's own steps `**` marked `:GOALCOACH_KIND: step`);
//! TODO / HOLD / DONE / CANCELLED keywords (declared by `#+TODO:`), `[#A]`–`[#C]` for
//! importance, goal tags as `:tags:`, dates as `DEADLINE:` with a repeater (`+1w` from the
//! due date, `.+1w` from when done), `CLOSED:` for when it was done, and a properties drawer
//! with the goalcoach id, so a re-import of an edited file updates instead of adding. A
//! goal's card (status, Specific, Achievable, Relevant) is its body, as in the Markdown export;
//! notes go in an example block, read back as they are.

use crate::model::repeat::{From, Unit};
use crate::model::{ActionStep, Goal, GoalStatus, Milestone, Plan, Recurrence};
use chrono::NaiveDate;
use std::fmt::Write;

/// The property naming the goalcoach item a headline is.
pub const ID_PROPERTY: &str = "GOALCOACH_ID";
/// The property saying a headline straight under a goal is a step, not a milestone.
pub const KIND_PROPERTY: &str = "GOALCOACH_KIND";

/// The plan as org-mode text (see the module comment).
pub fn org(plan: &Plan, today: NaiveDate) -> String {
    let mut out = format!(
        "#+TITLE: Career plan\n#+TODO: TODO HOLD | DONE CANCELLED\n\
         # Written by goalcoach on {today}; `goalcoach import` reads it back.\n"
    );
    for goal in &plan.goals {
        write_goal(&mut out, goal);
    }
    out
}

fn write_goal(out: &mut String, goal: &Goal) {
    let keyword = match goal.status {
        GoalStatus::Active => "TODO",
        GoalStatus::OnHold => "HOLD",
        GoalStatus::Done => "DONE",
        GoalStatus::Dropped => "CANCELLED",
    };
    let tags: Vec<String> = goal.tags.iter().map(|t| tag_word(t)).collect();
    let closed = goal.status.is_closed().then_some(goal.completed).flatten();
    headline(out, 1, keyword, goal.importance, &goal.title, &tags);
    planning(out, 1, goal.deadline, None, closed);
    properties(out, 1, goal.id.0, None);
    let card = [
        ("Specific", goal.description.as_str()),
        ("Achievable", goal.achievable.as_str()),
        ("Relevant", goal.relevant.as_str()),
    ];
    for (label, value) in card.iter().filter(|(_, v)| !v.trim().is_empty()) {
        let _ = writeln!(out, "  {label}: {}", one_line(value));
    }
    notes(out, 1, &goal.notes);
    for s in &goal.steps {
        write_step(out, 2, s, true);
    }
    for m in &goal.milestones {
        write_milestone(out, m);
    }
}

fn write_milestone(out: &mut String, m: &Milestone) {
    let keyword = if m.is_done() { "DONE" } else { "TODO" };
    headline(out, 2, keyword, 0, &m.title, &[]);
    planning(out, 2, m.target, None, m.done);
    properties(out, 2, m.id.0, None);
    notes(out, 2, &m.notes);
    for s in &m.steps {
        write_step(out, 3, s, false);
    }
}

fn write_step(out: &mut String, level: usize, s: &ActionStep, under_goal: bool) {
    let keyword = if s.is_done() { "DONE" } else { "TODO" };
    headline(out, level, keyword, s.importance, &s.title, &[]);
    planning(out, level, s.due, s.recurrence, s.done);
    properties(out, level, s.id.0, under_goal.then_some("step"));
    notes(out, level, &s.notes);
}

fn headline(
    out: &mut String,
    level: usize,
    keyword: &str,
    importance: u8,
    title: &str,
    tags: &[String],
) {
    let cookie = match importance {
        3 => "[#A] ",
        2 => "[#B] ",
        1 => "[#C] ",
        _ => "",
    };
    let tags = if tags.is_empty() {
        String::new()
    } else {
        format!(" :{}:", tags.join(":"))
    };
    let _ = writeln!(
        out,
        "{} {keyword} {cookie}{}{tags}",
        "*".repeat(level),
        one_line(title)
    );
}

fn planning(
    out: &mut String,
    level: usize,
    due: Option<NaiveDate>,
    repeats: Option<Recurrence>,
    closed: Option<NaiveDate>,
) {
    let mut parts = Vec::new();
    if let Some(due) = due {
        let repeater = repeats
            .map(|r| format!(" {}", repeater(r)))
            .unwrap_or_default();
        parts.push(format!("DEADLINE: <{}{repeater}>", stamp(due)));
    }
    if let Some(closed) = closed {
        parts.push(format!("CLOSED: [{}]", stamp(closed)));
    }
    if !parts.is_empty() {
        let _ = writeln!(out, "{}{}", indent(level), parts.join(" "));
    }
}

fn properties(out: &mut String, level: usize, id: u64, kind: Option<&str>) {
    let pad = indent(level);
    let _ = writeln!(out, "{pad}:PROPERTIES:\n{pad}:{ID_PROPERTY}: {id}");
    if let Some(kind) = kind {
        let _ = writeln!(out, "{pad}:{KIND_PROPERTY}: {kind}");
    }
    let _ = writeln!(out, "{pad}:END:");
}

/// Notes as they are, in an example block (nothing in them reads as a headline or list).
fn notes(out: &mut String, level: usize, notes: &str) {
    if notes.trim().is_empty() {
        return;
    }
    let pad = indent(level);
    let _ = writeln!(out, "{pad}#+BEGIN_EXAMPLE");
    for line in notes.lines() {
        // A line that would end the block is set off with a comma, as org itself does.
        let guarded = if line.trim_start().starts_with("#+") || line.trim_start().starts_with('*') {
            format!(",{line}")
        } else {
            line.to_string()
        };
        let _ = writeln!(out, "{pad}{guarded}");
    }
    let _ = writeln!(out, "{pad}#+END_EXAMPLE");
}

fn indent(level: usize) -> String {
    " ".repeat(level + 1)
}

/// An org date stamp's inside: `2027-03-01 Mon`.
fn stamp(day: NaiveDate) -> String {
    day.format("%Y-%m-%d %a").to_string()
}

/// A repetition as an org repeater: `+1w` counts from the due date, `.+1w` from when done.
fn repeater(rule: Recurrence) -> String {
    let unit = match rule.unit {
        Unit::Days => 'd',
        Unit::Weeks => 'w',
        Unit::Months => 'm',
    };
    let from = match rule.from {
        From::Due => "+",
        From::Done => ".+",
    };
    format!("{from}{}{unit}", rule.every)
}

/// A line of text for a headline or card line: line breaks as spaces.
fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ").trim().to_string()
}

/// A tag org reads: letters, digits, `_`, `@`, `#`, `%`; anything else becomes `_`.
fn tag_word(tag: &str) -> String {
    tag.trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "_@#%".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect()
}
