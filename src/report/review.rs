//! The weekly review and the step back as text, for `goalcoach review --print` (and
//! `--step-back`).

use super::{percent, write_goal_line};
use crate::model::stepback::{self, Cadence};
use crate::model::stepping_back::{self, State};
use crate::model::weekly::{self, Draft, ReviewState, SinceLast};
use crate::model::{ItemId, Plan};
use chrono::{NaiveDate, Weekday};
use std::fmt::Write;

/// This week's review draft as text.
pub fn review_text(
    plan: &Plan,
    today: NaiveDate,
    review_day: Weekday,
    week_start: Weekday,
) -> String {
    let state = weekly::schedule(plan, today, review_day);
    let anchor = weekly::current_anchor(plan, today, review_day);
    let draft = weekly::draft(plan, anchor, today, week_start);
    let status = match &state {
        ReviewState::NotYet { first } => format!("not yet; the first one is for {first}"),
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
    if !draft.opens_with.is_empty() {
        let _ = writeln!(out, "\nTo come back to:");
        for line in &draft.opens_with {
            let _ = writeln!(out, "  {line}");
        }
    }
    if let Some(since) = &draft.since_last {
        write_since_last(&mut out, plan, since);
    }
    write_id_section(&mut out, plan, "Wins this week", &draft.wins);
    let _ = writeln!(out, "\nGoals to review ({}):", draft.due_goals.len());
    for id in &draft.due_goals {
        if let Some(goal) = plan.goal(*id) {
            write_goal_line(&mut out, goal, today);
        }
    }
    write_stale(&mut out, plan, &draft);
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

fn write_since_last(out: &mut String, plan: &Plan, since: &SinceLast) {
    let _ = writeln!(out, "\nSince {}:", since.week);
    for (label, said) in [
        ("You meant to adjust", &since.adjust),
        ("You meant to ask for feedback from", &since.ask_feedback),
    ] {
        if !said.trim().is_empty() {
            let _ = writeln!(out, "  {label}: {}", said.trim().replace('\n', " "));
        }
    }
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
        let title = plan.title_of(*id).unwrap_or("(deleted)");
        let _ = writeln!(out, "  {mark} committed: {title}");
    }
}

fn write_stale(out: &mut String, plan: &Plan, draft: &Draft) {
    if draft.stale.is_empty() {
        return;
    }
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

fn write_id_section(out: &mut String, plan: &Plan, heading: &str, ids: &[ItemId]) {
    if ids.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{heading}:");
    for id in ids {
        let (num, title) = (plan.num_of(*id), plan.title_of(*id).unwrap_or_default());
        let _ = writeln!(out, "  {num} {title}");
    }
}

/// The step back as text: where it stands, the satisfaction trend, and the latest record.
pub fn step_back_text(plan: &Plan, today: NaiveDate, cadence: Cadence) -> String {
    let state = stepping_back::state(plan, today, cadence);
    let period = &state.period().label;
    let status = match &state {
        State::NotYet { .. } => "nothing to step back from yet".to_string(),
        State::Upcoming { due, .. } => format!("due from {due}"),
        State::Due { .. } => "due".to_string(),
        State::InProgress { stage, .. } => format!("in progress (at {})", stage.title()),
        State::Done { .. } => "done".to_string(),
    };
    let mut out = format!("Step back ({}) {period}: {status}\n", cadence.adjective());
    let trend = stepping_back::satisfaction_trend(&plan.profile);
    if !trend.is_empty() {
        let _ = writeln!(out, "\nSatisfaction over time:");
        for (date, value) in &trend {
            let _ = writeln!(
                out,
                "  {date}  {:<10} {value}/10",
                "█".repeat(usize::from(*value))
            );
        }
    }
    let record = stepping_back::record_for(&plan.profile, period).or_else(|| {
        plan.profile
            .step_backs
            .iter()
            .rev()
            .find(|r| r.stage.is_none())
    });
    if let Some(r) = record {
        write_step_back(&mut out, plan, r);
    }
    out
}

fn write_step_back(out: &mut String, plan: &Plan, r: &stepback::StepBack) {
    let _ = writeln!(out, "\nStep back {} ({}):", r.period, r.date);
    for (label, text) in [
        (
            "Satisfaction",
            r.satisfaction
                .map(|s| format!("{s}/10 {}", r.satisfaction_note)),
        ),
        ("Values", Some(r.values_note.clone())),
        ("Vision", Some(r.vision_note.clone())),
        ("Career paths", Some(r.paths_note.clone())),
        ("What changed", Some(r.profile_note.clone())),
    ] {
        if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
            let _ = writeln!(out, "  {label}: {}", text.trim().replace('\n', " "));
        }
    }
    for check in &r.goals {
        let title = plan.title_of(check.goal).unwrap_or("(deleted)");
        let why = if check.reason.is_empty() {
            String::new()
        } else {
            format!(" — {}", check.reason)
        };
        let _ = writeln!(out, "  {} {title}{why}", check.decision.label());
    }
    for a in &r.achievements {
        let _ = writeln!(out, "  achieved: {a}");
    }
}
