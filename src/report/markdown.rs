//! The plan as a Markdown document to share with a coach or mentor: the profile, each goal
//! with its SMART card and tree, recent reviews, and the brag document (achievements by
//! quarter).

use super::{due_text, percent, step_mark};
use crate::model::progress;
use crate::model::{Goal, Plan};
use chrono::NaiveDate;
use std::fmt::Write;

/// The plan as a Markdown document to share with a coach or mentor.
pub fn markdown(plan: &Plan, today: NaiveDate) -> String {
    let mut out = format!("# Career plan ({today})\n");
    write_profile_markdown(&mut out, &plan.profile);
    for goal in &plan.goals {
        write_goal_markdown(&mut out, goal, today);
    }
    write_reviews_markdown(&mut out, plan);
    write_brag_markdown(&mut out, plan);
    out
}

/// The achievements, newest first, grouped by quarter: ready for a performance review or CV.
fn write_brag_markdown(out: &mut String, plan: &Plan) {
    use chrono::Datelike;
    let mut achievements: Vec<_> = plan.profile.achievements.iter().collect();
    if achievements.is_empty() {
        return;
    }
    achievements.sort_by_key(|a| std::cmp::Reverse(a.date));
    let _ = writeln!(out, "\n## Brag document");
    let mut quarter = String::new();
    for a in achievements {
        let this = format!("{} Q{}", a.date.year(), a.date.month0() / 3 + 1);
        if this != quarter {
            let _ = writeln!(out, "\n### {this}\n");
            quarter = this;
        }
        let _ = write!(out, "- {} — {}", a.date, a.what);
        if !a.evidence.is_empty() {
            let _ = write!(out, ". {}", a.evidence);
        }
        if let Some(goal) = a.goal.and_then(|g| plan.title_of(g)) {
            let _ = write!(out, " (goal: {goal})");
        }
        if !a.strengths.is_empty() {
            let _ = write!(out, " [strengths: {}]", a.strengths.join(", "));
        }
        out.push('\n');
    }
}

fn write_profile_markdown(out: &mut String, p: &crate::model::Profile) {
    if p.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## Profile\n");
    if !p.current_role.is_empty() {
        let satisfaction = p
            .satisfaction
            .map(|s| format!(" (satisfaction {s}/10)"))
            .unwrap_or_default();
        let _ = writeln!(out, "- Role: {}{satisfaction}", p.current_role);
    }
    if !p.vision.is_empty() {
        let _ = writeln!(out, "- Vision: {}", p.vision.replace('\n', " "));
    }
    let names = |items: Vec<&str>| items.join(", ");
    let lists = [
        (
            "Strengths",
            names(p.strengths.iter().map(|q| q.name.as_str()).collect()),
        ),
        (
            "Growth areas",
            names(p.growth_areas.iter().map(|q| q.name.as_str()).collect()),
        ),
        (
            "Values",
            names(p.values.iter().map(|v| v.name.as_str()).collect()),
        ),
        (
            "Interests",
            names(p.interests.iter().map(|v| v.name.as_str()).collect()),
        ),
        ("SWOT strengths", p.swot.strengths.join("; ")),
        ("SWOT weaknesses", p.swot.weaknesses.join("; ")),
        ("SWOT opportunities", p.swot.opportunities.join("; ")),
        ("SWOT threats", p.swot.threats.join("; ")),
    ];
    for (label, value) in lists.iter().filter(|(_, v)| !v.is_empty()) {
        let _ = writeln!(out, "- {label}: {value}");
    }
}

fn write_reviews_markdown(out: &mut String, plan: &Plan) {
    let recent: Vec<_> = plan
        .reviews
        .iter()
        .rev()
        .filter(|r| !r.skipped)
        .take(3)
        .collect();
    if recent.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## Recent weekly reviews\n");
    for r in recent {
        let _ = writeln!(out, "- {} ({}): {}", r.week, r.date, r.wins.join("; "));
        for text in [&r.went_well, &r.got_in_the_way, &r.adjust, &r.reflection]
            .into_iter()
            .filter(|t| !t.is_empty())
        {
            let _ = writeln!(out, "  - {text}");
        }
    }
}

fn write_goal_markdown(out: &mut String, goal: &Goal, today: NaiveDate) {
    let pace = progress::pace(goal, today);
    let _ = writeln!(out, "\n## {} ({})\n", goal.title, goal.status.label());
    let _ = writeln!(
        out,
        "- Progress: {} ({})",
        percent(pace.progress).trim(),
        pace.status.label()
    );
    let card = [
        ("Specific", goal.description.clone()),
        (
            "Measurable",
            goal.measure
                .as_ref()
                .map(|m| format!("{} {} → {} (now {})", m.unit, m.start, m.target, m.current))
                .unwrap_or_default(),
        ),
        ("Achievable", goal.achievable.clone()),
        ("Relevant", goal.relevant.clone()),
        (
            "Deadline",
            goal.deadline.map(|d| d.to_string()).unwrap_or_default(),
        ),
    ];
    for (label, value) in card.iter().filter(|(_, v)| !v.is_empty()) {
        let _ = writeln!(out, "- {label}: {value}");
    }
    for b in &goal.barriers {
        let _ = writeln!(out, "- Barrier: {} — if so: {}", b.obstacle, b.strategy);
    }
    let mut checkins: Vec<_> = goal.checkins.iter().collect();
    checkins.sort_by_key(|c| std::cmp::Reverse(c.date));
    for c in checkins.into_iter().take(3) {
        let value = c.value.map(|v| format!(", value {v}")).unwrap_or_default();
        let note = if c.note.is_empty() {
            String::new()
        } else {
            format!(": {}", c.note)
        };
        let _ = writeln!(
            out,
            "- Check-in {} (confidence {}/5{value}){note}",
            c.date, c.confidence
        );
    }
    for m in &goal.milestones {
        let done = m.is_done();
        write_md_item(
            out,
            "",
            done,
            &m.title,
            &due_text("target", m.target, done, today),
        );
        for s in &m.steps {
            let due = due_text("due", s.due, s.is_done(), today);
            write_md_item(out, "  ", s.is_done(), &s.title, &due);
        }
    }
    for s in &goal.steps {
        let due = due_text("due", s.due, s.is_done(), today);
        write_md_item(out, "", s.is_done(), &s.title, &due);
    }
}

/// One checklist line of the Markdown export.
fn write_md_item(out: &mut String, indent: &str, done: bool, title: &str, due: &str) {
    let _ = writeln!(out, "{indent}- {} {title}{due}", step_mark(done));
}
