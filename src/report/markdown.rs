//! The plan as a Markdown document to share with a coach or mentor, and to import back: each
//! goal a `#` heading with its SMART card under it, its own steps as a checklist, each
//! milestone a `##` heading with its steps; dates as Obsidian Tasks writes them (`📅` due,
//! `✅` done, `🔁` repeats). The profile, recent reviews with the weeks skipped, and the brag
//! document are sections marked [`NOT_A_GOAL`], which `goalcoach import` passes over. Every
//! piece of user text is escaped, so a title like `1. <script>` stays one title.

use super::percent;
use crate::import::NOT_A_GOAL;
use crate::model::progress;
use crate::model::{ActionStep, Goal, GoalStatus, Milestone, Plan};
use chrono::NaiveDate;
use std::fmt::Write;

mod profile;

/// The plan as a Markdown document (see the module comment).
pub fn markdown(plan: &Plan, today: NaiveDate) -> String {
    let mut out = format!("**Career plan**, written by goalcoach on {today}.\n");
    profile::write_profile(&mut out, plan);
    for goal in &plan.goals {
        write_goal(&mut out, goal, today);
    }
    profile::write_reviews(&mut out, plan);
    profile::write_brag(&mut out, plan);
    out
}

/// Starts a section `goalcoach import` passes over.
fn section_not_a_goal(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n# {title}\n{NOT_A_GOAL}\n");
}

/// One line of user text, safe anywhere inline: Markdown's punctuation backslash-escaped,
/// what would start a list, heading, quote or setext underline at the start of a line
/// defused, and the markers the importer reads (`📅`, `✅`, `🔁`, …) written as entities.
/// Line breaks become spaces.
pub(super) fn escape(text: &str) -> String {
    let text = text.replace(['\r', '\n'], " ");
    let mut out = String::with_capacity(text.len() + 8);
    let body = text.trim_start();
    let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    for (i, c) in body.char_indices() {
        let line_start = i == 0 && matches!(c, '-' | '+' | '=');
        let numbered = digits > 0 && i == digits && matches!(c, '.' | ')');
        if crate::import::MARKS.contains(&c) {
            // No backslash escapes a marker: as an entity it reads as text, not a date.
            let _ = write!(out, "&#x{:X};", c as u32);
            continue;
        }
        if line_start || numbered || "\\`*_[]<>&|~#".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A text of several lines as lines of a paragraph, each escaped, joined by hard breaks.
pub(super) fn escape_lines(text: &str) -> String {
    text.lines()
        .map(escape)
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\\\n")
}

/// What a title carries after it: ` ⏫ importance 🔁 repeats 📅 due (overdue) ✅ done`.
struct Markers {
    due: Option<NaiveDate>,
    done: Option<NaiveDate>,
    repeats: Option<String>,
    /// A step's importance when it differs from its goal's, which an import would give it
    /// (`⏫` high, `🔼` middle, `🔽` low).
    importance: Option<u8>,
}

fn markers(m: Markers, today: NaiveDate) -> String {
    let Markers {
        due,
        done,
        repeats,
        importance,
    } = m;
    let mut out = String::new();
    match importance {
        Some(3) => out.push_str(" ⏫"),
        Some(2) => out.push_str(" 🔼"),
        Some(1) => out.push_str(" 🔽"),
        _ => {}
    }
    if let Some(rule) = repeats {
        let _ = write!(out, " 🔁 {rule}");
    }
    if let Some(d) = due {
        let late = if done.is_none() && d < today {
            " (overdue)"
        } else {
            ""
        };
        let _ = write!(out, " 📅 {d}{late}");
    }
    if let Some(d) = done {
        let _ = write!(out, " ✅ {d}");
    }
    out
}

fn write_goal(out: &mut String, goal: &Goal, today: NaiveDate) {
    let done = (goal.status == GoalStatus::Done).then_some(goal.completed.unwrap_or(today));
    let _ = writeln!(
        out,
        "\n# {}{}\n",
        escape(&goal.title),
        markers(
            Markers {
                due: goal.deadline,
                done,
                repeats: None,
                // A new goal an import makes has the middle importance.
                importance: Some(goal.importance).filter(|&i| i != 2),
            },
            today
        )
    );
    let card: Vec<String> = goal_card(goal, today)
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(label, value)| format!("{label}: {}", escape_lines(&value)))
        .collect();
    let _ = writeln!(out, "{}", card.join("\\\n"));
    if !goal.steps.is_empty() {
        out.push('\n');
    }
    for s in &goal.steps {
        write_step(out, s, goal.importance, today);
    }
    for m in &goal.milestones {
        write_milestone(out, m, goal.importance, today);
    }
}

/// The lines under a goal's heading: status and progress, the SMART card, barriers,
/// resources and the latest check-ins.
fn goal_card(goal: &Goal, today: NaiveDate) -> Vec<(&'static str, String)> {
    let pace = progress::pace(goal, today);
    let mut card = vec![
        (
            "Status",
            format!(
                "{}, progress {} ({})",
                goal.status.label(),
                percent(pace.progress).trim(),
                pace.standing.label()
            ),
        ),
        ("Specific", goal.description.clone()),
        ("Measurable", String::new()),
        ("Achievable", goal.achievable.clone()),
        ("Relevant", goal.relevant.clone()),
        ("Tags", goal.tags.join(", ")),
    ];
    put_measures(&mut card, goal, today);
    for b in &goal.barriers {
        let log = crate::model::lived::log_words(b)
            .map(|l| format!(" ({l})"))
            .unwrap_or_default();
        card.push((
            "Barrier",
            format!("{} — if so: {}{log}", b.obstacle, b.strategy),
        ));
    }
    for a in &goal.adaptations {
        let why = if a.why.is_empty() {
            String::new()
        } else {
            format!(": {}", a.why)
        };
        card.push((
            "Adapted",
            format!("{} {}{why}", a.date, crate::model::adapt::describe(a)),
        ));
    }
    for r in &goal.resources {
        let secured = if r.secured { ", secured" } else { "" };
        card.push((
            "Resource",
            format!("{} ({}{secured})", r.what, r.kind.label()),
        ));
    }
    let mut checkins: Vec<_> = goal.checkins.iter().collect();
    checkins.sort_by_key(|c| std::cmp::Reverse(c.date));
    for c in checkins.into_iter().take(3) {
        let value = "";
        let note = if c.note.is_empty() {
            String::new()
        } else {
            format!(": {}", c.note.replace('\n', " "))
        };
        card.push((
            "Check-in",
            format!("{} (confidence {}/5{value}){note}", c.date, c.confidence),
        ));
    }
    card
}

/// The goal's measures in place of the card's empty "Measurable" line, one line each.
fn put_measures(card: &mut Vec<(&'static str, String)>, goal: &Goal, today: NaiveDate) {
    let measures: Vec<(&'static str, String)> = goal
        .measures
        .iter()
        .map(|m| {
            let n = crate::model::text::number_text;
            let pace = progress::measure_pace(goal, m, today);
            (
                "Measurable",
                format!(
                    "{} ({}): {} → {} {} (now {}, {})",
                    m.name,
                    m.kind_label(),
                    n(m.start),
                    n(m.target),
                    m.unit,
                    n(m.current),
                    pace.standing.label()
                ),
            )
        })
        .collect();
    if !measures.is_empty() {
        let at = card
            .iter()
            .position(|(k, _)| *k == "Measurable")
            .unwrap_or(1);
        card.splice(at..=at, measures);
    }
}

fn write_milestone(out: &mut String, m: &Milestone, goal_importance: u8, today: NaiveDate) {
    let marks = Markers {
        due: m.target,
        done: m.done,
        repeats: None,
        importance: None,
    };
    let _ = writeln!(out, "\n## {}{}", escape(&m.title), markers(marks, today));
    if !m.steps.is_empty() {
        out.push('\n');
    }
    for s in &m.steps {
        write_step(out, s, goal_importance, today);
    }
}

/// One checklist line.
fn write_step(out: &mut String, s: &ActionStep, goal_importance: u8, today: NaiveDate) {
    let mark = if s.is_done() { "[x]" } else { "[ ]" };
    let marks = Markers {
        due: s.due,
        done: s.done,
        repeats: s.recurrence.map(|r| r.to_string()),
        importance: Some(s.importance).filter(|&i| i != goal_importance),
    };
    let _ = writeln!(
        out,
        "- {mark} {}{}",
        escape(&s.title),
        markers(marks, today)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_user_text_one_plain_title() {
        assert_eq!(escape("1. Learn"), "1\\. Learn");
        assert_eq!(escape("2026) plan"), "2026\\) plan");
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("<script>x</script>"), "\\<script\\>x\\</script\\>");
        assert_eq!(escape("a\nb"), "a b");
        assert_eq!(
            escape("C# & *bold* [link]"),
            "C\\# \\& \\*bold\\* \\[link\\]"
        );
        assert_eq!(escape("well-being 3.5"), "well-being 3.5");
    }
}
