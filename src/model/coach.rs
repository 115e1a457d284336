//! Where what a person records asks for an answer: a check-in at low confidence, or one that
//! fell sharply, asks what would raise it by one point, and the answer becomes a dated step
//! under the goal or a barrier with its if–then plan, in one edit. Pure: ids and today are
//! passed in.

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
