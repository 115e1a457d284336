//! Every edit of a plan as an operation that, applied, returns its own inverse; the undo and
//! redo history is a stack of such inverses, so no edit copies the whole plan (a merge taken
//! in from outside, `ReplacePlan`, is the one that holds a plan).

use super::Plan;
use super::ids::{ItemId, Num};
use super::loc::Loc;

mod entry;
mod error;
pub use error::OpError;
mod history;
pub use history::History;
mod indexed;
mod node;
use super::entries::Entry as ProfileEntry;
use super::profile::{Profile, Section};
use super::review::WeeklyReview;
pub use node::Node;

/// An edit of the plan.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// Put `node` at `index` among the children of `parent` (`None`: the list of goals).
    Insert {
        parent: Option<ItemId>,
        index: usize,
        node: Node,
    },
    /// Take an item and everything under it out of the plan.
    Remove { id: ItemId },
    /// Replace an item's own fields; its children stay where they are.
    Update { node: Node },
    /// Move an item to `index` among its siblings.
    Move { id: ItemId, index: usize },
    /// Replace the whole profile.
    SetProfile(Box<Profile>),
    /// Put a profile entry at `at` in its section's list (replacing the one with its id).
    PutEntry {
        section: Section,
        at: usize,
        entry: Box<ProfileEntry>,
    },
    /// Take the profile entry `id` out of its section's list.
    RemoveEntry { section: Section, id: u64 },
    /// Store a review record, replacing the one for the same week.
    PutReview(Box<WeeklyReview>),
    /// Delete the review record of a week.
    RemoveReview { week: String },
    /// Put another version of the whole plan in place: what a merge brought in (another
    /// device's copy, a sync, the calendar). The one op that holds a whole plan, so taking
    /// in a merge is one step of undo like any edit; its inverse is the plan it replaced.
    ReplacePlan(Box<Plan>),
    /// Replace the list of conflicts a merge left.
    SetConflicts(Vec<super::Conflict>),
    /// Several edits that stand or fall together.
    Batch(Vec<Op>),
}

impl Plan {
    /// Applies `op` and returns the operation that undoes it. On error nothing changed.
    pub fn apply(&mut self, op: Op) -> Result<Op, OpError> {
        match op {
            Op::Insert {
                parent,
                index,
                node,
            } => self.insert(parent, index, node),
            Op::Remove { id } => self.remove(id),
            Op::Update { node } => self.update(node),
            Op::Move { id, index } => self.move_to(id, index),
            Op::SetProfile(profile) => Ok(Op::SetProfile(Box::new(std::mem::replace(
                &mut self.profile,
                *profile,
            )))),
            Op::PutEntry { section, at, entry } => self.put_entry(section, at, *entry),
            Op::RemoveEntry { section, id } => self.remove_entry(section, id),
            Op::PutReview(review) => Ok(self.put_review(*review)),
            Op::RemoveReview { week } => self.remove_review(&week),
            Op::SetConflicts(list) => Ok(Op::SetConflicts(std::mem::replace(
                &mut self.conflicts,
                list,
            ))),
            Op::ReplacePlan(plan) => Ok(Op::ReplacePlan(Box::new(self.replace_with(*plan)))),
            Op::Batch(ops) => self.apply_batch(ops),
        }
    }

    /// Puts `other` in place of this plan and returns this one; where new ids come from
    /// stays (a plan put back by undo never hands out ids already used).
    fn replace_with(&mut self, other: Plan) -> Plan {
        let ids = std::mem::take(&mut self.ids);
        let old = std::mem::replace(self, other);
        self.ids = ids;
        old
    }

    fn apply_batch(&mut self, ops: Vec<Op>) -> Result<Op, OpError> {
        let mut inverses = Vec::with_capacity(ops.len());
        let mut index = None;
        for op in ops {
            match self.apply_indexed(op, &mut index) {
                Ok(inverse) => inverses.push(inverse),
                Err(e) => {
                    self.roll_back(inverses);
                    return Err(e);
                }
            }
        }
        inverses.reverse();
        Ok(Op::Batch(inverses))
    }

    fn roll_back(&mut self, inverses: Vec<Op>) {
        for inverse in inverses.into_iter().rev() {
            // An inverse of a just-applied op always applies.
            let _ = self.apply(inverse);
        }
    }

    fn insert(&mut self, parent: Option<ItemId>, index: usize, node: Node) -> Result<Op, OpError> {
        let id = node.id();
        if self.locate(id).is_some() {
            return Err(OpError::DuplicateId(id));
        }
        let parent_loc = match parent {
            Some(p) => Some(self.locate(p).ok_or(OpError::NotFound(p))?),
            None => None,
        };
        self.insert_under(parent_loc, index, node).map(|(op, _)| op)
    }

    /// Puts `node` (its id known to be free) under the item at `parent_loc` (a goal when
    /// `None`); returns the inverse and where it went.
    fn insert_under(
        &mut self,
        parent_loc: Option<Loc>,
        index: usize,
        mut node: Node,
    ) -> Result<(Op, Loc), OpError> {
        let id = node.id();
        let wrong = OpError::WrongParent {
            child: node.kind(),
            parent: parent_loc.map(Loc::kind),
        };
        if matches!(
            (parent_loc, &node),
            (None, Node::Goal(_))
                | (Some(Loc::Goal(_)), Node::Milestone(_) | Node::Step(_))
                | (Some(Loc::Milestone(..)), Node::Step(_))
        ) {
            self.number_new_items(&mut node);
        }
        let at = match (parent_loc, node) {
            (None, Node::Goal(g)) => Loc::Goal(insert_at(&mut self.goals, index, *g)),
            (Some(Loc::Goal(gi)), Node::Milestone(m)) => {
                Loc::Milestone(gi, insert_at(&mut self.goals[gi].milestones, index, *m))
            }
            (Some(Loc::Goal(gi)), Node::Step(s)) => {
                Loc::GoalStep(gi, insert_at(&mut self.goals[gi].steps, index, *s))
            }
            (Some(Loc::Milestone(gi, mi)), Node::Step(s)) => {
                let steps = &mut self.goals[gi].milestones[mi].steps;
                Loc::MilestoneStep(gi, mi, insert_at(steps, index, *s))
            }
            _ => return Err(wrong),
        };
        Ok((Op::Remove { id }, at))
    }

    fn remove(&mut self, id: ItemId) -> Result<Op, OpError> {
        let loc = self.locate(id).ok_or(OpError::NotFound(id))?;
        Ok(self.remove_at(loc))
    }

    /// Takes out the item at `loc`; returns the insert that puts it back.
    fn remove_at(&mut self, loc: Loc) -> Op {
        let parent = self.parent_id(loc);
        let index = loc.sibling_index();
        let node = match loc {
            Loc::Goal(g) => Node::Goal(Box::new(self.goals.remove(g))),
            Loc::Milestone(g, m) => Node::Milestone(Box::new(self.goals[g].milestones.remove(m))),
            Loc::GoalStep(g, s) => Node::Step(Box::new(self.goals[g].steps.remove(s))),
            Loc::MilestoneStep(g, m, s) => {
                Node::Step(Box::new(self.goals[g].milestones[m].steps.remove(s)))
            }
        };
        Op::Insert {
            parent,
            index,
            node,
        }
    }

    /// Gives every item of `node` without a short number the next one, and moves the
    /// counters past the ids and numbers it already has.
    fn number_new_items(&mut self, node: &mut Node) {
        let mut number = |id: ItemId, num: &mut Num| {
            self.ids.skip_past(id);
            if num.0 == 0 {
                *num = self.new_num();
            } else {
                self.next_num = self.next_num.max(num.0.saturating_add(1));
            }
        };
        match node {
            Node::Goal(g) => {
                number(g.id, &mut g.num);
                for s in &mut g.steps {
                    number(s.id, &mut s.num);
                }
                for m in &mut g.milestones {
                    number(m.id, &mut m.num);
                    for s in &mut m.steps {
                        number(s.id, &mut s.num);
                    }
                }
            }
            Node::Milestone(m) => {
                number(m.id, &mut m.num);
                for s in &mut m.steps {
                    number(s.id, &mut s.num);
                }
            }
            Node::Step(s) => number(s.id, &mut s.num),
        }
    }

    /// The id of the item that holds the item at `loc` (`None` for a goal).
    pub fn parent_id(&self, loc: Loc) -> Option<ItemId> {
        match loc {
            Loc::Goal(_) => None,
            Loc::Milestone(g, _) | Loc::GoalStep(g, _) => Some(self.goals[g].id),
            Loc::MilestoneStep(g, m, _) => Some(self.goals[g].milestones[m].id),
        }
    }

    fn update(&mut self, node: Node) -> Result<Op, OpError> {
        let id = node.id();
        let loc = self.locate(id).ok_or(OpError::NotFound(id))?;
        self.update_at(loc, node)
    }

    /// Replaces the item at `loc` with `node`, its children staying; nothing moves.
    fn update_at(&mut self, loc: Loc, node: Node) -> Result<Op, OpError> {
        let old = match (loc, node) {
            (Loc::Goal(g), Node::Goal(mut new)) => {
                let slot = &mut self.goals[g];
                new.milestones = std::mem::take(&mut slot.milestones);
                new.steps = std::mem::take(&mut slot.steps);
                Node::Goal(Box::new(std::mem::replace(slot, *new)))
            }
            (Loc::Milestone(g, m), Node::Milestone(mut new)) => {
                let slot = &mut self.goals[g].milestones[m];
                new.steps = std::mem::take(&mut slot.steps);
                Node::Milestone(Box::new(std::mem::replace(slot, *new)))
            }
            (Loc::GoalStep(g, s), Node::Step(new)) => Node::Step(Box::new(std::mem::replace(
                &mut self.goals[g].steps[s],
                *new,
            ))),
            (Loc::MilestoneStep(g, m, s), Node::Step(new)) => Node::Step(Box::new(
                std::mem::replace(&mut self.goals[g].milestones[m].steps[s], *new),
            )),
            (loc, node) => {
                return Err(OpError::WrongParent {
                    child: node.kind(),
                    parent: Some(loc.kind()),
                });
            }
        };
        Ok(Op::Update { node: old })
    }

    fn move_to(&mut self, id: ItemId, index: usize) -> Result<Op, OpError> {
        let loc = self.locate(id).ok_or(OpError::NotFound(id))?;
        let from = loc.sibling_index();
        match loc {
            Loc::Goal(_) => move_within(&mut self.goals, from, index),
            Loc::Milestone(g, _) => move_within(&mut self.goals[g].milestones, from, index),
            Loc::GoalStep(g, _) => move_within(&mut self.goals[g].steps, from, index),
            Loc::MilestoneStep(g, m, _) => {
                move_within(&mut self.goals[g].milestones[m].steps, from, index)
            }
        }
        Ok(Op::Move { id, index: from })
    }

    fn put_review(&mut self, review: WeeklyReview) -> Op {
        match self.reviews.iter().position(|r| r.week == review.week) {
            Some(i) => Op::PutReview(Box::new(std::mem::replace(&mut self.reviews[i], review))),
            None => {
                let week = review.week.clone();
                let at = self.reviews.partition_point(|r| r.week < week);
                self.reviews.insert(at, review);
                Op::RemoveReview { week }
            }
        }
    }

    fn remove_review(&mut self, week: &str) -> Result<Op, OpError> {
        let i = self
            .reviews
            .iter()
            .position(|r| r.week == week)
            .ok_or_else(|| OpError::NoSuchReview(week.to_string()))?;
        Ok(Op::PutReview(Box::new(self.reviews.remove(i))))
    }
}

/// Inserts at `index` (the end when past it); returns where the item went.
fn insert_at<T>(list: &mut Vec<T>, index: usize, item: T) -> usize {
    let at = index.min(list.len());
    list.insert(at, item);
    at
}

fn move_within<T>(list: &mut Vec<T>, from: usize, to: usize) {
    let to = to.min(list.len().saturating_sub(1));
    let item = list.remove(from);
    list.insert(to, item);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::goal::Goal;
    use crate::model::items::{ActionStep, Milestone};
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    fn sample() -> Plan {
        let mut plan = Plan::default();
        for title in ["one", "two", "three"] {
            let id = plan.new_id();
            plan.goals.push(Goal::new(id, title, today()));
        }
        crate::model::check::repair_ids(&mut plan);
        plan
    }

    fn insert_step(plan: &mut Plan, parent: ItemId, title: &str) -> ItemId {
        let id = plan.new_id();
        let node = Node::Step(Box::new(ActionStep::new(id, title)));
        plan.apply(Op::Insert {
            parent: Some(parent),
            index: usize::MAX,
            node,
        })
        .unwrap();
        id
    }

    #[test]
    fn insert_then_inverse_restores_the_plan() {
        let mut plan = sample();
        let before = plan.clone();
        let id = plan.new_id();
        let node = Node::Milestone(Box::new(Milestone::new(id, "m")));
        let inverse = plan
            .apply(Op::Insert {
                parent: Some(ItemId(1)),
                index: 0,
                node,
            })
            .unwrap();
        assert_eq!(plan.milestone(id).map(|m| m.title.as_str()), Some("m"));
        plan.apply(inverse).unwrap();
        assert_eq!(plan.goals, before.goals);
    }

    #[test]
    fn remove_takes_children_and_undo_puts_them_back_in_place() {
        let mut plan = sample();
        let step = insert_step(&mut plan, ItemId(2), "s");
        let before = plan.clone();
        let inverse = plan.apply(Op::Remove { id: ItemId(2) }).unwrap();
        assert!(plan.locate(step).is_none());
        plan.apply(inverse).unwrap();
        assert_eq!(plan.goals, before.goals);
        assert_eq!(plan.goals[1].title, "two");
    }

    #[test]
    fn update_keeps_children() {
        let mut plan = sample();
        let step = insert_step(&mut plan, ItemId(1), "s");
        let mut goal = plan.goals[0].without_children();
        goal.title = "renamed".into();
        let inverse = plan
            .apply(Op::Update {
                node: Node::Goal(Box::new(goal)),
            })
            .unwrap();
        assert_eq!(plan.goals[0].title, "renamed");
        assert!(plan.step(step).is_some());
        plan.apply(inverse).unwrap();
        assert_eq!(plan.goals[0].title, "one");
        assert!(plan.step(step).is_some());
    }

    #[test]
    fn move_reorders_siblings_and_clamps() {
        let mut plan = sample();
        let inverse = plan
            .apply(Op::Move {
                id: ItemId(1),
                index: 99,
            })
            .unwrap();
        let titles: Vec<_> = plan.goals.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, ["two", "three", "one"]);
        plan.apply(inverse).unwrap();
        assert_eq!(plan.goals[0].title, "one");
    }

    #[test]
    fn wrong_parent_and_duplicates_are_refused() {
        let mut plan = sample();
        let step = insert_step(&mut plan, ItemId(1), "s");
        let m = Node::Milestone(Box::new(Milestone::new(ItemId(50), "m")));
        let err = plan.apply(Op::Insert {
            parent: Some(step),
            index: 0,
            node: m,
        });
        assert!(matches!(err, Err(OpError::WrongParent { .. })));
        let dup = Node::Goal(Box::new(Goal::new(ItemId(1), "dup", today())));
        let err = plan.apply(Op::Insert {
            parent: None,
            index: 0,
            node: dup,
        });
        assert_eq!(err, Err(OpError::DuplicateId(ItemId(1))));
    }

    #[test]
    fn a_failing_batch_changes_nothing() {
        let mut plan = sample();
        let before = plan.clone();
        let batch = Op::Batch(vec![
            Op::Remove { id: ItemId(1) },
            Op::Remove { id: ItemId(99) },
        ]);
        assert_eq!(plan.apply(batch), Err(OpError::NotFound(ItemId(99))));
        assert_eq!(plan, before);
    }

    #[test]
    fn history_undoes_and_redoes_in_order() {
        let mut plan = sample();
        let mut history = History::default();
        history
            .apply(&mut plan, Op::Remove { id: ItemId(1) }, "delete one")
            .unwrap();
        history
            .apply(&mut plan, Op::Remove { id: ItemId(2) }, "delete two")
            .unwrap();
        assert_eq!(plan.goals.len(), 1);
        assert_eq!(history.undo(&mut plan).as_deref(), Some("delete two"));
        assert_eq!(plan.goals.len(), 2);
        assert_eq!(history.redo(&mut plan).as_deref(), Some("delete two"));
        assert_eq!(plan.goals.len(), 1);
        history.undo(&mut plan);
        history.undo(&mut plan);
        assert_eq!(plan, sample());
        assert!(history.undo(&mut plan).is_none());
        history
            .apply(
                &mut plan,
                Op::Move {
                    id: ItemId(3),
                    index: 0,
                },
                "move",
            )
            .unwrap();
        assert!(!history.can_redo(), "a new edit clears redo");
    }

    #[test]
    fn reviews_are_kept_in_week_order_and_replaced_by_week() {
        let mut plan = Plan::default();
        let review = |week: &str, note: &str| {
            Op::PutReview(Box::new(WeeklyReview {
                week: week.into(),
                reflection: note.into(),
                ..Default::default()
            }))
        };
        plan.apply(review("2026-W10", "a")).unwrap();
        plan.apply(review("2026-W08", "b")).unwrap();
        let inverse = plan.apply(review("2026-W10", "c")).unwrap();
        let weeks: Vec<_> = plan.reviews.iter().map(|r| r.week.as_str()).collect();
        assert_eq!(weeks, ["2026-W08", "2026-W10"]);
        assert_eq!(plan.reviews[1].reflection, "c");
        plan.apply(inverse).unwrap();
        assert_eq!(plan.reviews[1].reflection, "a");
    }

    #[test]
    fn a_batch_through_the_index_lands_as_one_op_at_a_time_would_and_undoes_exactly() {
        let start = sample();
        let (g0, g2) = (start.goals[0].id, start.goals[2].id);
        let mut ids = start.ids.fork();
        let mut next = || ids.next_id();
        let (m, s1, s2, g_new) = (next(), next(), next(), next());
        let mut new_goal = Goal::new(g_new, "four", today());
        new_goal.steps.push(ActionStep::new(next(), "inside four"));
        let ops = vec![
            Op::Insert {
                parent: Some(g0),
                index: usize::MAX,
                node: Node::Milestone(Box::new(Milestone::new(m, "m"))),
            },
            Op::Insert {
                parent: Some(m),
                index: usize::MAX,
                node: Node::Step(Box::new(ActionStep::new(s1, "under m"))),
            },
            // Not an append: the index goes stale here and is built again after.
            Op::Move { id: g2, index: 0 },
            Op::Insert {
                parent: None,
                index: usize::MAX,
                node: Node::Goal(Box::new(new_goal)),
            },
            Op::Insert {
                parent: Some(g_new),
                index: 0,
                node: Node::Step(Box::new(ActionStep::new(s2, "first in four"))),
            },
            Op::Update {
                node: Node::Step(Box::new(ActionStep::new(s1, "under m, renamed"))),
            },
        ];
        let mut one_by_one = start.clone();
        for op in ops.clone() {
            one_by_one.apply(op).unwrap();
        }
        let mut batched = start.clone();
        let inverse = batched.apply(Op::Batch(ops.clone())).unwrap();
        assert_eq!(batched, one_by_one);
        let redo = batched.apply(inverse).unwrap();
        assert_eq!(batched.goals, start.goals, "undo restores the tree exactly");
        batched.apply(redo).unwrap();
        assert_eq!(batched, one_by_one, "redo lands the same again");

        let mut dup = ops;
        dup.push(Op::Insert {
            parent: None,
            index: usize::MAX,
            node: Node::Goal(Box::new(Goal::new(g0, "again", today()))),
        });
        let mut refused = start.clone();
        assert_eq!(refused.apply(Op::Batch(dup)), Err(OpError::DuplicateId(g0)));
        assert_eq!(
            refused.goals, start.goals,
            "a refused batch leaves nothing behind"
        );
    }
}
