//! Marking an item done, or open again, as one edit: a goal records when it was finished, a
//! milestone and a step the day they were done, and a repeating step, once done, gets its next
//! occurrence right after it. Pure: today is passed in.

use super::items::{ActionStep, ItemKind};
use super::{GoalStatus, ItemId, Node, Op, Plan};
use chrono::NaiveDate;

/// A change to the plan and the words the undo history keeps for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Labelled {
    pub op: Op,
    pub label: String,
}

/// The edit that toggles item `id` done; `None` when there is no such item. A new occurrence
/// of a repeating step takes a fresh id from `plan`.
pub fn toggle_done(plan: &mut Plan, id: ItemId, today: NaiveDate) -> Option<Labelled> {
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

fn toggle_goal(plan: &Plan, id: ItemId, today: NaiveDate) -> Option<Labelled> {
    let mut g = plan.goal(id)?.without_children();
    let done = g.status != GoalStatus::Done;
    g.status = if done {
        GoalStatus::Done
    } else {
        GoalStatus::Active
    };
    g.completed = done.then_some(today);
    Some(Labelled {
        op: Op::Update {
            node: Node::Goal(Box::new(g)),
        },
        label: label("goal", done),
    })
}

fn toggle_milestone(plan: &Plan, id: ItemId, today: NaiveDate) -> Option<Labelled> {
    let mut m = plan.milestone(id)?.without_children();
    m.done = if m.done.is_some() { None } else { Some(today) };
    let done = m.done.is_some();
    Some(Labelled {
        op: Op::Update {
            node: Node::Milestone(Box::new(m)),
        },
        label: label("milestone", done),
    })
}

fn toggle_step(plan: &mut Plan, id: ItemId, today: NaiveDate) -> Option<Labelled> {
    let loc = plan.locate(id)?;
    let parent = plan.parent_id(loc);
    let mut step = plan.step(id)?.clone();
    let done = step.done.is_none();
    step.done = done.then_some(today);
    let next = match (done, step.recurrence, step.due) {
        (true, Some(rule), Some(due)) => Some(next_occurrence(plan, &step, rule.next_after(due))),
        _ => None,
    };
    let update = Op::Update {
        node: Node::Step(Box::new(step)),
    };
    let op = match next {
        Some(next) => Op::Batch(vec![
            update,
            Op::Insert {
                parent,
                index: loc.sibling_index() + 1,
                node: Node::Step(Box::new(next)),
            },
        ]),
        None => update,
    };
    Some(Labelled {
        op,
        label: label("step", done),
    })
}

fn next_occurrence(plan: &mut Plan, step: &ActionStep, due: NaiveDate) -> ActionStep {
    ActionStep {
        id: plan.new_id(),
        num: crate::model::Num(0),
        due: Some(due),
        done: None,
        reschedules: 0,
        ..step.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Goal, Milestone, Recurrence};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn plan() -> Plan {
        let mut plan = Plan::default();
        let mut g = Goal::new(plan.new_id(), "g", d("2026-11-01"));
        let mut m = Milestone::new(plan.new_id(), "m");
        let mut s = ActionStep::new(plan.new_id(), "weekly");
        s.due = Some(d("2026-11-18"));
        s.recurrence = Some(Recurrence::Weekly);
        m.steps.push(s);
        g.milestones.push(m);
        plan.goals.push(g);
        plan.fix_ids();
        plan
    }

    #[test]
    fn a_done_repeating_step_gets_its_next_occurrence_after_it() {
        let mut p = plan();
        let change = toggle_done(&mut p, ItemId(3), d("2026-11-20")).unwrap();
        assert_eq!(change.label, "mark step done");
        p.apply(change.op).unwrap();
        let steps = &p.goals[0].milestones[0].steps;
        assert_eq!(steps.len(), 2);
        assert_eq!(steps[0].done, Some(d("2026-11-20")));
        assert_eq!(
            (steps[1].id, steps[1].due),
            (ItemId(4), Some(d("2026-11-25")))
        );
        assert_eq!(steps[1].done, None);
        assert_eq!(steps[1].num, crate::model::Num(4), "a number of its own");
    }

    #[test]
    fn goals_and_milestones_toggle_both_ways() {
        let mut p = plan();
        let on = toggle_done(&mut p, ItemId(1), d("2026-11-20")).unwrap();
        p.apply(on.op).unwrap();
        assert_eq!(p.goals[0].status, GoalStatus::Done);
        assert_eq!(p.goals[0].completed, Some(d("2026-11-20")));
        let off = toggle_done(&mut p, ItemId(1), d("2026-11-21")).unwrap();
        assert_eq!(off.label, "open goal again");
        p.apply(off.op).unwrap();
        assert_eq!(
            (p.goals[0].status, p.goals[0].completed),
            (GoalStatus::Active, None)
        );
        let m = toggle_done(&mut p, ItemId(2), d("2026-11-21")).unwrap();
        p.apply(m.op).unwrap();
        assert_eq!(p.goals[0].milestones[0].done, Some(d("2026-11-21")));
        assert!(toggle_done(&mut p, ItemId(99), d("2026-11-21")).is_none());
    }
}
