//! Where an item sits in the goal tree (`Loc`), and finding it by id.

use super::goal::Goal;
use super::ids::ItemId;
use super::items::ItemKind;

/// Where an item sits: indexes into `goals`, then `milestones`, then `steps`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loc {
    Goal(usize),
    Milestone(usize, usize),
    /// A step straight under a goal.
    GoalStep(usize, usize),
    /// A step under a milestone.
    MilestoneStep(usize, usize, usize),
}

impl Loc {
    /// The kind of item at this place.
    pub fn kind(self) -> ItemKind {
        match self {
            Loc::Goal(_) => ItemKind::Goal,
            Loc::Milestone(..) => ItemKind::Milestone,
            Loc::GoalStep(..) | Loc::MilestoneStep(..) => ItemKind::Step,
        }
    }

    /// The index of the goal this item belongs to.
    pub fn goal_index(self) -> usize {
        match self {
            Loc::Goal(g)
            | Loc::Milestone(g, _)
            | Loc::GoalStep(g, _)
            | Loc::MilestoneStep(g, ..) => g,
        }
    }

    /// The item's position among its siblings.
    pub fn sibling_index(self) -> usize {
        match self {
            Loc::Goal(i)
            | Loc::Milestone(_, i)
            | Loc::GoalStep(_, i)
            | Loc::MilestoneStep(_, _, i) => i,
        }
    }
}

/// Finds where `id` sits in `goals`, scanning the tree once.
pub fn locate(goals: &[Goal], id: ItemId) -> Option<Loc> {
    for (gi, g) in goals.iter().enumerate() {
        if g.id == id {
            return Some(Loc::Goal(gi));
        }
        if let Some(si) = g.steps.iter().position(|s| s.id == id) {
            return Some(Loc::GoalStep(gi, si));
        }
        for (mi, m) in g.milestones.iter().enumerate() {
            if m.id == id {
                return Some(Loc::Milestone(gi, mi));
            }
            if let Some(si) = m.steps.iter().position(|s| s.id == id) {
                return Some(Loc::MilestoneStep(gi, mi, si));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionStep, Milestone};

    #[test]
    fn locate_finds_every_kind() {
        let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
        let mut g = Goal::new(ItemId(1), "g", d("2026-01-01"));
        g.steps.push(ActionStep::new(ItemId(4), "direct"));
        let mut m = Milestone::new(ItemId(2), "m");
        m.steps.push(ActionStep::new(ItemId(3), "s"));
        g.milestones.push(m);
        let goals = vec![g];
        assert_eq!(locate(&goals, ItemId(1)), Some(Loc::Goal(0)));
        assert_eq!(locate(&goals, ItemId(2)), Some(Loc::Milestone(0, 0)));
        assert_eq!(locate(&goals, ItemId(3)), Some(Loc::MilestoneStep(0, 0, 0)));
        assert_eq!(locate(&goals, ItemId(4)), Some(Loc::GoalStep(0, 0)));
        assert_eq!(locate(&goals, ItemId(9)), None);
    }
}
