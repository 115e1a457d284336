//! Marking an item done, or open again, as one edit: a goal records when it was finished, a
//! milestone and a step the day they were done, and a repeating step, once done, keeps the
//! day in its history and moves on to its next occurrence (see `repeat`). Pure: today is
//! passed in.

use super::edits::Edit;
use super::items::{ActionStep, ItemKind, Recurrence};
use super::{GoalStatus, ItemId, Node, Op, Plan};
use chrono::NaiveDate;

/// The edit that toggles item `id` done; `None` when there is no such item. A new occurrence
/// of a repeating step takes a fresh id from `plan`.
pub fn toggle_done(plan: &Plan, id: ItemId, today: NaiveDate) -> Option<Edit> {
    match plan.locate(id)?.kind() {
        ItemKind::Goal => toggle_goal(plan, id, today),
        ItemKind::Milestone => toggle_milestone(plan, id, today),
        ItemKind::Step => toggle_step(plan, id, today),
    }
}

fn label(kind: &str, done: bool) -> String {
    if done {
        format!("mark {kind} done")
    } else {
        format!("open {kind} again")
    }
}

fn toggle_goal(plan: &Plan, id: ItemId, today: NaiveDate) -> Option<Edit> {
    let mut g = plan.goal(id)?.without_children();
    let done = g.status != GoalStatus::Done;
    g.status = if done {
        GoalStatus::Done
    } else {
        GoalStatus::Active
    };
    g.completed = done.then_some(today);
    Some(Edit {
        op: Op::Update {
            node: Node::Goal(Box::new(g)),
        },
        label: label("goal", done),
        note: None,
    })
}

fn toggle_milestone(plan: &Plan, id: ItemId, today: NaiveDate) -> Option<Edit> {
    let mut m = plan.milestone(id)?.without_children();
    m.done = if m.done.is_some() { None } else { Some(today) };
    let done = m.done.is_some();
    Some(Edit {
        op: Op::Update {
            node: Node::Milestone(Box::new(m)),
        },
        label: label("milestone", done),
        note: None,
    })
}

fn toggle_step(plan: &Plan, id: ItemId, today: NaiveDate) -> Option<Edit> {
    let mut step = plan.step(id)?.clone();
    let done = step.done.is_none();
    let note = match (done, step.recurrence, step.due) {
        (true, Some(rule), Some(due)) => Some(next_occurrence(&mut step, rule, due, today, today)),
        _ => {
            step.done = done.then_some(today);
            None
        }
    };
    Some(Edit {
        op: Op::Update {
            node: Node::Step(Box::new(step)),
        },
        label: label("step", done),
        note,
    })
}

/// Records the current occurrence of a repeating step as done on `done_on` (elsewhere: in
/// taskwarrior, on a phone) and moves it on as marking it done that day would have; `false`
/// (and nothing changed) when the step does not repeat or has no due date.
pub fn record_occurrence(step: &mut ActionStep, done_on: NaiveDate) -> bool {
    match (step.recurrence, step.due) {
        (Some(rule), Some(due)) => {
            next_occurrence(step, rule, due, done_on, done_on);
            true
        }
        _ => false,
    }
}

/// Folds this occurrence of a repeating step into its history (done on `done_on`) and moves
/// it on to the next one on or after `today`; occurrences that went by undone are counted as
/// missed.
fn next_occurrence(
    step: &mut ActionStep,
    rule: Recurrence,
    due: NaiveDate,
    done_on: NaiveDate,
    today: NaiveDate,
) -> String {
    let (next, missed) = rule.next(due, done_on, today);
    step.history.push(done_on);
    step.missed += missed;
    step.due = Some(next);
    step.reschedules = 0;
    let skipped = match missed {
        0 => String::new(),
        n => format!(
            ", {} skipped",
            crate::model::text::plural(n as usize, "missed one")
        ),
    };
    format!(
        "Done. It comes back on {}{skipped}.",
        next.format("%a %Y-%m-%d")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Goal, Milestone};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn plan() -> Plan {
        let mut plan = Plan::default();
        let mut g = Goal::new(plan.new_id(), "g", d("2026-11-01"));
        let mut m = Milestone::new(plan.new_id(), "m");
        let mut s = ActionStep::new(plan.new_id(), "weekly");
        s.due = Some(d("2026-11-18"));
        s.recurrence = Some(Recurrence::WEEKLY);
        m.steps.push(s);
        g.milestones.push(m);
        plan.goals.push(g);
        crate::model::check::repair_ids(&mut plan);
        plan
    }

    #[test]
    fn a_done_repeating_step_keeps_the_day_and_moves_to_its_next_occurrence() {
        let mut p = plan();
        let change = toggle_done(&p, ItemId(3), d("2026-11-20")).unwrap();
        assert_eq!(change.label, "mark step done");
        assert_eq!(
            change.note.as_deref(),
            Some("Done. It comes back on Wed 2026-11-25.")
        );
        p.apply(change.op).unwrap();
        let steps = &p.goals[0].milestones[0].steps;
        assert_eq!(steps.len(), 1, "no copies stacked up");
        assert_eq!(steps[0].done, None);
        assert_eq!(steps[0].due, Some(d("2026-11-25")));
        assert_eq!(steps[0].history, [d("2026-11-20")]);
    }

    #[test]
    fn a_late_repeating_step_skips_what_went_by_and_counts_it() {
        let mut p = plan();
        p.goals[0].milestones[0].steps[0].due = Some(d("2026-11-11"));
        let change = toggle_done(&p, ItemId(3), d("2026-11-22")).unwrap();
        assert_eq!(
            change.note.as_deref(),
            Some("Done. It comes back on Wed 2026-11-25, 1 missed one skipped.")
        );
        p.apply(change.op).unwrap();
        let s = &p.goals[0].milestones[0].steps[0];
        assert_eq!((s.due, s.missed), (Some(d("2026-11-25")), 1));
        let dates: Vec<_> = s.done_dates().collect();
        assert_eq!(dates, [d("2026-11-22")]);
    }

    #[test]
    fn goals_and_milestones_toggle_both_ways() {
        let mut p = plan();
        let on = toggle_done(&p, ItemId(1), d("2026-11-20")).unwrap();
        p.apply(on.op).unwrap();
        assert_eq!(p.goals[0].status, GoalStatus::Done);
        assert_eq!(p.goals[0].completed, Some(d("2026-11-20")));
        let off = toggle_done(&p, ItemId(1), d("2026-11-21")).unwrap();
        assert_eq!(off.label, "open goal again");
        p.apply(off.op).unwrap();
        assert_eq!(
            (p.goals[0].status, p.goals[0].completed),
            (GoalStatus::Active, None)
        );
        let m = toggle_done(&p, ItemId(2), d("2026-11-21")).unwrap();
        p.apply(m.op).unwrap();
        assert_eq!(p.goals[0].milestones[0].done, Some(d("2026-11-21")));
        assert!(toggle_done(&p, ItemId(99), d("2026-11-21")).is_none());
    }
}
