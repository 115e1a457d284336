//! Plain-text views of the plan for the command line and exports: the tree list, the agenda
//! and a Markdown document. Reads the plan; changes nothing.

use crate::model::agenda::{self, Bucket};
use crate::model::progress::{self, PaceStatus};
use crate::model::smart;
use crate::model::{ActionStep, Goal, Milestone, Plan};
use chrono::{NaiveDate, Weekday};
use std::fmt::Write;

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
    let gaps = smart::gaps_label(goal);
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
    if !matches!(pace.status, PaceStatus::NoDeadline | PaceStatus::NotActive) {
        let _ = write!(out, "  {}", pace.status.label());
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

/// The agenda as text: dated items by bucket, then stalled and stuck goals.
pub fn agenda_text(plan: &Plan, today: NaiveDate, week_start: Weekday) -> String {
    let a = agenda::agenda(plan, today, week_start);
    let mut out = String::new();
    for bucket in Bucket::ALL {
        let items: Vec<_> = a.in_bucket(bucket).collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{}:", bucket.label());
        for item in items {
            let title = plan.title_of(item.id).unwrap_or_default();
            let goal = plan.title_of(item.goal).unwrap_or_default();
            let _ = writeln!(
                out,
                "  {} {}  {} {title}  ({goal})",
                item.date,
                plan.num_of(item.id),
                item.kind.label()
            );
        }
    }
    write_pace(&mut out, plan, today);
    write_goal_list(
        &mut out,
        plan,
        "Stalled (nothing done for 14 days)",
        &a.stalled,
    );
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
                pace.status.label(),
                e * 100.0
            );
        }
        if let Some(f) = pace.projected_finish {
            let _ = write!(out, "  done by {f} at this rate");
        }
        let gaps = smart::gaps_label(goal);
        if !gaps.is_empty() {
            let _ = write!(out, "  SMART gaps: {gaps}");
        }
        out.push('\n');
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

/// This week's review draft as text, for `goalcoach review --print`.
pub fn review_text(plan: &Plan, today: NaiveDate, review_day: Weekday) -> String {
    use crate::model::weekly::{self, ReviewState};
    let state = weekly::schedule(plan, today, review_day);
    let anchor = match &state {
        ReviewState::Due { anchor }
        | ReviewState::InProgress { anchor, .. }
        | ReviewState::Done { anchor, .. } => *anchor,
    };
    let draft = weekly::draft(plan, anchor, today);
    let status = match &state {
        ReviewState::Due { .. } => "due".to_string(),
        ReviewState::InProgress { stage, .. } => format!("in progress (at {stage})"),
        ReviewState::Done { next, .. } => format!("done; the next one is for {next}"),
    };
    let mut out = format!("Weekly review {} (for {anchor}): {status}\n", draft.week);
    let streak = weekly::review_streak(plan, anchor);
    let _ = writeln!(
        out,
        "Review streak: {streak} week{}",
        if streak == 1 { "" } else { "s" }
    );
    if let Some(since) = &draft.since_last {
        let _ = writeln!(out, "\nSince {}:", since.week);
        for d in &since.deltas {
            let _ = writeln!(
                out,
                "  {} {}: {} → {}{}",
                plan.num_of(d.goal),
                plan.title_of(d.goal).unwrap_or_default(),
                percent(d.progress_before).trim(),
                percent(d.progress_now).trim(),
                match (d.confidence_before, d.confidence_now) {
                    (Some(a), Some(b)) if a != b => format!(", confidence {a} → {b}"),
                    _ => String::new(),
                }
            );
        }
        for (id, done) in &since.commitments {
            let mark = match done {
                Some(true) => "[x]",
                Some(false) => "[ ]",
                None => "[-]",
            };
            let _ = writeln!(
                out,
                "  {mark} committed: {}",
                plan.title_of(*id).unwrap_or("(deleted)")
            );
        }
    }
    write_id_section(&mut out, plan, "Wins this week", &draft.wins);
    let _ = writeln!(out, "\nGoals to review ({}):", draft.due_goals.len());
    for id in &draft.due_goals {
        if let Some(goal) = plan.goal(*id) {
            write_goal_line(&mut out, goal, today);
        }
    }
    if !draft.stale.is_empty() {
        let _ = writeln!(out, "\nStuck and stale:");
        for (id, why) in &draft.stale {
            let _ = writeln!(
                out,
                "  {} {}  ({})",
                plan.num_of(*id),
                plan.title_of(*id).unwrap_or_default(),
                why.label()
            );
        }
    }
    if let Some(record) = weekly::record_for(plan, anchor) {
        write_id_section(
            &mut out,
            plan,
            "Commitments for next week",
            &record.commitments,
        );
    }
    out
}

fn write_id_section(out: &mut String, plan: &Plan, heading: &str, ids: &[crate::model::ItemId]) {
    if ids.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{heading}:");
    for id in ids {
        let (num, title) = (plan.num_of(*id), plan.title_of(*id).unwrap_or_default());
        let _ = writeln!(out, "  {num} {title}");
    }
}
