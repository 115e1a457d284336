//! The parts of the Markdown export that are not goals: the profile (role, vision,
//! strengths, growth areas, values, interests, SWOT, feedback, career paths), recent weekly
//! reviews with the weeks skipped, and the brag document (achievements by quarter).

use super::{escape, escape_lines, section_not_a_goal};
use crate::model::profile::Quality;
use crate::model::{Plan, Profile};
use std::fmt::Write;

pub(super) fn write_profile(out: &mut String, plan: &Plan) {
    let p = &plan.profile;
    if p.is_empty() {
        return;
    }
    section_not_a_goal(out, "Profile");
    if !p.current_role.is_empty() {
        let satisfaction = p
            .satisfaction
            .map(|s| format!(" (satisfaction {s}/10)"))
            .unwrap_or_default();
        let _ = writeln!(out, "- Role: {}{satisfaction}", escape(&p.current_role));
    }
    if !p.vision.is_empty() {
        let _ = writeln!(out, "- Vision: {}", escape(&p.vision));
    }
    write_qualities(out, "Strengths", &p.strengths);
    write_qualities(out, "Growth areas", &p.growth_areas);
    for (label, list) in [("Values", &p.values), ("Interests", &p.interests)] {
        let names: Vec<String> = list.iter().map(|n| with_note(&n.name, &n.note)).collect();
        if !names.is_empty() {
            let _ = writeln!(out, "- {label}: {}", names.join("; "));
        }
    }
    for (label, items) in [
        ("SWOT strengths", &p.swot.strengths),
        ("SWOT weaknesses", &p.swot.weaknesses),
        ("SWOT opportunities", &p.swot.opportunities),
        ("SWOT threats", &p.swot.threats),
    ] {
        if !items.is_empty() {
            let items: Vec<String> = items.iter().map(|i| escape(i)).collect();
            let _ = writeln!(out, "- {label}: {}", items.join("; "));
        }
    }
    write_feedback(out, plan);
    write_paths(out, p);
}

/// "name (note)", escaped.
fn with_note(name: &str, note: &str) -> String {
    if note.trim().is_empty() {
        escape(name)
    } else {
        format!("{} ({})", escape(name), escape(note))
    }
}

fn write_qualities(out: &mut String, label: &str, qualities: &[Quality]) {
    let names: Vec<String> = qualities
        .iter()
        .map(|q| with_note(&q.name, &q.evidence))
        .collect();
    if !names.is_empty() {
        let _ = writeln!(out, "- {label}: {}", names.join("; "));
    }
}

fn write_feedback(out: &mut String, plan: &Plan) {
    let mut feedback: Vec<_> = plan.profile.feedback.iter().collect();
    if feedback.is_empty() {
        return;
    }
    feedback.sort_by_key(|f| std::cmp::Reverse(f.date));
    let _ = writeln!(out, "\n## Feedback\n");
    for f in feedback {
        let from = if f.from.is_empty() {
            String::new()
        } else {
            format!(", from {}", escape(&f.from))
        };
        let _ = write!(out, "- {}{from}: {}", f.date, escape(&f.what));
        if let Some(goal) = f.goal.and_then(|g| plan.title_of(g)) {
            let _ = write!(out, " (goal: {})", escape(goal));
        }
        out.push('\n');
    }
}

fn write_paths(out: &mut String, p: &Profile) {
    if p.paths.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## Career paths\n");
    for path in &p.paths {
        let fit = path
            .values_fit
            .map(|f| format!(" (fits my values {f}/5)"))
            .unwrap_or_default();
        let _ = writeln!(out, "- {}{fit}", escape(&path.name));
        let lists = [
            ("Why", vec![path.why.clone()]),
            ("For", path.pros.clone()),
            ("Against", path.cons.clone()),
            ("Skills to gain", path.skills_gap.clone()),
            ("First experiment", vec![path.first_experiment.clone()]),
        ];
        for (label, items) in lists {
            let items: Vec<String> = items
                .iter()
                .filter(|i| !i.trim().is_empty())
                .map(|i| escape(i))
                .collect();
            if !items.is_empty() {
                let _ = writeln!(out, "  - {label}: {}", items.join("; "));
            }
        }
    }
}

/// The last three finished reviews, and the weeks skipped among the last twelve records.
pub(super) fn write_reviews(out: &mut String, plan: &Plan) {
    let recent: Vec<_> = plan
        .reviews
        .iter()
        .rev()
        .filter(|r| !r.skipped && r.stage.is_none())
        .take(3)
        .collect();
    let skipped: Vec<&str> = plan
        .reviews
        .iter()
        .rev()
        .take(12)
        .filter(|r| r.skipped)
        .map(|r| r.week.as_str())
        .collect();
    if recent.is_empty() && skipped.is_empty() {
        return;
    }
    section_not_a_goal(out, "Recent weekly reviews");
    for r in recent {
        let wins: Vec<String> = r.wins.iter().map(|w| escape(w)).collect();
        let _ = writeln!(out, "- {} ({}): {}", r.week, r.date, wins.join("; "));
        for text in [&r.went_well, &r.got_in_the_way, &r.adjust, &r.reflection]
            .into_iter()
            .filter(|t| !t.trim().is_empty())
        {
            let _ = writeln!(
                out,
                "  - {}",
                escape_lines(text).replace("\\\n", "\\\n    ")
            );
        }
    }
    if !skipped.is_empty() {
        let _ = writeln!(out, "\nWeeks skipped: {}", skipped.join(", "));
    }
}

/// The achievements, newest first, grouped by quarter: ready for a performance review or CV.
pub(super) fn write_brag(out: &mut String, plan: &Plan) {
    use chrono::Datelike;
    let mut achievements: Vec<_> = plan.profile.achievements.iter().collect();
    if achievements.is_empty() {
        return;
    }
    achievements.sort_by_key(|a| crate::model::profile::newest_first(a));
    section_not_a_goal(out, "Brag document");
    let mut quarter = String::new();
    for a in achievements {
        let this = if a.date_unknown {
            "Date not known".to_string()
        } else {
            format!("{} Q{}", a.date.year(), a.date.month0() / 3 + 1)
        };
        if this != quarter {
            let _ = writeln!(out, "\n## {this}\n");
            quarter = this;
        }
        if a.date_unknown {
            let _ = write!(out, "- {}", escape(&a.what));
        } else {
            let _ = write!(out, "- {} — {}", a.date, escape(&a.what));
        }
        if !a.evidence.is_empty() {
            let _ = write!(out, ". {}", escape(&a.evidence));
        }
        if let Some(goal) = a.goal.and_then(|g| plan.title_of(g)) {
            let _ = write!(out, " (goal: {})", escape(goal));
        }
        if !a.strengths.is_empty() {
            let strengths: Vec<String> = a.strengths.iter().map(|s| escape(s)).collect();
            let _ = write!(out, " \\[strengths: {}\\]", strengths.join(", "));
        }
        out.push('\n');
    }
}
