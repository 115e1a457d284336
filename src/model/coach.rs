//! Where what a person records asks for an answer: a check-in at low confidence, or one that
//! fell sharply, asks what would raise it by one point, and the answer becomes a dated step
//! under the goal or a barrier with its if–then plan, in one edit; the last step of a
//! milestone done, or a goal's whole plan or measure done, offers to finish that too; a goal
//! finished with practice still running asks whether to stop it or keep it as a habit. Pure:
//! ids and today are passed in.

use super::goal::{Barrier, BarrierStatus, Goal};
use super::ids::ItemId;
use super::items::ActionStep;
use super::ops::{Node, Op};
use chrono::NaiveDate;

/// Confidence at or under this asks what would raise it.
pub const LOW_CONFIDENCE: u8 = 2;
/// A fall of this much since the check-in before asks the same.
pub const CONFIDENCE_DROP: u8 = 2;

/// Why the latest check-in of `goal` asks what would raise the person's confidence: its
/// confidence, and the one before when it fell by `CONFIDENCE_DROP` or more. `None` when it
/// asks nothing.
pub fn low_confidence(goal: &Goal) -> Option<(u8, Option<u8>)> {
    let mut by_date: Vec<_> = goal.checkins.iter().collect();
    by_date.sort_by_key(|c| c.date);
    let (latest, earlier) = by_date.split_last()?;
    let before = earlier.last().map(|c| c.confidence);
    let fell = before.is_some_and(|b| b >= latest.confidence + CONFIDENCE_DROP);
    (latest.confidence <= LOW_CONFIDENCE || fell).then_some((latest.confidence, before))
}

/// The question, in words: "Confidence 2 of 5 (it was 4). What would raise it by one point?"
pub fn question(confidence: u8, before: Option<u8>) -> String {
    let was = match before {
        Some(b) if b > confidence => format!(" (it was {b})"),
        _ => String::new(),
    };
    format!("Confidence {confidence} of 5{was}. What one thing would raise it by one point?")
}

/// What an answer becomes. With an if–then plan, the answer names something in the way: a
/// barrier on the goal with that plan. Without one, something to do: a step under the goal,
/// due `by` (a week from `today` when no day is given), taking the goal's importance.
pub fn answer(
    goal: &Goal,
    what: &str,
    by: Option<NaiveDate>,
    then_plan: &str,
    new_id: ItemId,
    today: NaiveDate,
) -> Op {
    let (what, then_plan) = (what.trim(), then_plan.trim());
    if !then_plan.is_empty() {
        let mut g = goal.without_children();
        g.barriers.push(Barrier {
            obstacle: what.to_string(),
            strategy: then_plan.to_string(),
            status: BarrierStatus::default(),
            log: Vec::new(),
        });
        return Op::Update {
            node: Node::Goal(Box::new(g)),
        };
    }
    let mut step = ActionStep::new(new_id, what);
    step.due = Some(by.unwrap_or_else(|| super::dates::plus_days(today, 7)));
    step.importance = goal.importance;
    Op::Insert {
        parent: Some(goal.id),
        index: usize::MAX,
        node: Node::Step(Box::new(step)),
    }
}

/// What finishing the step or milestone `item` makes complete: a step's milestone when every
/// step of it is done now, else the goal when the whole plan of an active goal is done (and
/// its measure, if it has one, is at its target). `None` when nothing else is finished by it.
pub fn finished_by(plan: &super::Plan, item: ItemId) -> Option<ItemId> {
    let loc = plan.locate(item)?;
    let goal = &plan.goals[loc.goal_index()];
    let is_done = match loc {
        super::Loc::Milestone(..) => plan.milestone(item).is_some_and(|m| m.is_done()),
        super::Loc::Goal(_) => false,
        _ => plan.step(item).is_some_and(|s| s.is_done()),
    };
    if !is_done || !goal.is_active() {
        return None;
    }
    if let super::Loc::MilestoneStep(_, mi, _) = loc {
        let m = &goal.milestones[mi];
        if !m.is_done() && m.steps.iter().all(|s| s.is_done()) {
            return Some(m.id);
        }
    }
    plan_complete(goal).then_some(goal.id)
}

/// Whether everything planned for an active goal is done: every milestone, every step, and
/// the measure at its target when there is one.
pub fn plan_complete(goal: &Goal) -> bool {
    let has_plan = !goal.milestones.is_empty() || !goal.steps.is_empty();
    let tree = goal
        .milestones
        .iter()
        .all(|m| m.is_done() || (!m.steps.is_empty() && m.steps.iter().all(|s| s.is_done())))
        && goal.steps.iter().all(|s| s.is_done());
    let measured = goal
        .measures
        .iter()
        .all(|m| super::progress::measure_progress(m) >= 1.0);
    goal.is_active() && has_plan && tree && measured
}

/// Whether every measure of an active goal (it has at least one) has reached its target.
pub fn at_target(goal: &Goal) -> bool {
    goal.is_active()
        && !goal.measures.is_empty()
        && goal
            .measures
            .iter()
            .all(|m| super::progress::measure_progress(m) >= 1.0)
}

/// The repeating steps of `goal` still running (practice that outlives a finished goal
/// unless stopped).
pub fn running_practice(goal: &Goal) -> Vec<&ActionStep> {
    goal.all_steps()
        .filter(|s| s.recurrence.is_some() && !s.is_done())
        .collect()
}

/// Stops the running practice of `goal`: each such step is marked done `today`, its
/// history kept. `None` when there is none.
pub fn stop_practice(goal: &Goal, today: NaiveDate) -> Option<Op> {
    let ops: Vec<Op> = running_practice(goal)
        .into_iter()
        .map(|s| {
            let mut s = s.clone();
            s.done = Some(today);
            Op::Update {
                node: Node::Step(Box::new(s)),
            }
        })
        .collect();
    (!ops.is_empty()).then_some(Op::Batch(ops))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::goal::CheckIn;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn goal_with(confidences: &[(&str, u8)]) -> Goal {
        let mut g = Goal::new(ItemId(1), "Lead a team", d("2026-01-01"));
        g.checkins = confidences
            .iter()
            .map(|&(date, confidence)| CheckIn {
                date: d(date),
                confidence,
                ..CheckIn::default()
            })
            .collect();
        g
    }

    #[test]
    fn low_or_sharply_fallen_confidence_asks_and_steady_confidence_does_not() {
        assert_eq!(
            low_confidence(&goal_with(&[("2026-02-01", 2)])),
            Some((2, None))
        );
        assert_eq!(
            low_confidence(&goal_with(&[("2026-02-01", 5), ("2026-02-08", 3)])),
            Some((3, Some(5))),
            "a drop of two"
        );
        assert_eq!(
            low_confidence(&goal_with(&[("2026-02-08", 3), ("2026-02-01", 4)])),
            None,
            "ordered by date: 4 then 3 is a drop of one"
        );
        assert_eq!(low_confidence(&goal_with(&[("2026-02-01", 3)])), None);
        assert_eq!(low_confidence(&goal_with(&[])), None);
        assert_eq!(
            question(3, Some(5)),
            "Confidence 3 of 5 (it was 5). What one thing would raise it by one point?"
        );
    }

    /// A goal with a milestone of two steps and a weekly practice step of its own.
    fn plan_with_practice() -> crate::model::Plan {
        use crate::model::{Milestone, Recurrence};
        let mut plan = crate::model::Plan::default();
        let mut g = Goal::new(ItemId(1), "Lead a team", d("2026-01-01"));
        let mut m = Milestone::new(ItemId(2), "First 1:1s held");
        m.steps.push(ActionStep::new(ItemId(3), "Book them"));
        m.steps.push(ActionStep::new(ItemId(4), "Hold them"));
        g.milestones.push(m);
        let mut practice = ActionStep::new(ItemId(5), "Weekly 1:1 with Sam");
        practice.recurrence = Some(Recurrence::WEEKLY);
        practice.due = Some(d("2026-02-05"));
        g.steps.push(practice);
        plan.goals.push(g);
        crate::model::check::repair_ids(&mut plan);
        plan
    }

    #[test]
    fn the_last_step_of_a_milestone_offers_the_milestone_and_a_whole_plan_the_goal() {
        let mut plan = plan_with_practice();
        let today = d("2026-02-01");
        plan.goals[0].milestones[0].steps[0].done = Some(today);
        assert_eq!(finished_by(&plan, ItemId(3)), None, "one step still open");
        plan.goals[0].milestones[0].steps[1].done = Some(today);
        assert_eq!(finished_by(&plan, ItemId(4)), Some(ItemId(2)));
        plan.goals[0].milestones[0].done = Some(today);
        assert_eq!(
            finished_by(&plan, ItemId(2)),
            None,
            "the practice still runs"
        );
        assert_eq!(
            finished_by(&plan, ItemId(4)),
            None,
            "running practice is not a finished plan"
        );
        plan.goals[0].steps[0].done = Some(today);
        assert_eq!(finished_by(&plan, ItemId(5)), Some(ItemId(1)));
        plan.goals[0].measures = vec![{
            let mut m = crate::model::Measure::new("Result", "reports", 0.0, 5.0);
            m.current = 2.0;
            m
        }];
        assert_eq!(
            finished_by(&plan, ItemId(5)),
            None,
            "the measure is not there yet"
        );
        plan.goals[0].measures[0].current = 5.0;
        assert!(at_target(&plan.goals[0]));
    }

    #[test]
    fn finishing_a_goal_can_stop_its_practice_keeping_its_history() {
        let mut plan = plan_with_practice();
        plan.goals[0].steps[0].history = vec![d("2026-01-29")];
        let today = d("2026-02-01");
        assert_eq!(running_practice(&plan.goals[0]).len(), 1);
        let op = stop_practice(&plan.goals[0], today).unwrap();
        plan.apply(op).unwrap();
        let s = &plan.goals[0].steps[0];
        assert_eq!((s.done, s.history.len()), (Some(today), 1));
        assert!(
            stop_practice(&plan.goals[0], today).is_none(),
            "nothing left running"
        );
    }

    #[test]
    fn an_answer_is_a_dated_step_or_with_a_plan_a_barrier() {
        let mut g = goal_with(&[("2026-02-01", 2)]);
        g.importance = 3;
        let today = d("2026-02-01");
        match answer(
            &g,
            " Ask Sam for a stretch project ",
            None,
            "",
            ItemId(7),
            today,
        ) {
            Op::Insert {
                parent: Some(p),
                node: Node::Step(s),
                ..
            } => {
                assert_eq!(p, g.id);
                assert_eq!(s.title, "Ask Sam for a stretch project");
                assert_eq!(s.due, Some(d("2026-02-08")), "a week out by default");
                assert_eq!(s.importance, 3);
            }
            other => panic!("expected a step, got {other:?}"),
        }
        let by = Some(d("2026-02-05"));
        match answer(
            &g,
            "Meetings eat my week",
            by,
            "block Friday mornings",
            ItemId(7),
            today,
        ) {
            Op::Update {
                node: Node::Goal(updated),
            } => {
                let b = updated.barriers.last().unwrap();
                assert_eq!(
                    (b.obstacle.as_str(), b.strategy.as_str()),
                    ("Meetings eat my week", "block Friday mornings")
                );
            }
            other => panic!("expected a barrier, got {other:?}"),
        }
    }
}
