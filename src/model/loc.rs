//! Where an item sits in the goal tree (`Loc`), and finding it by id: by a scan, or through
//! an index of every id that a run of appends keeps up to date (imports of 100,000 items).

use super::goal::Goal;
use super::ids::{BuildIdHasher, ItemId};
use super::items::ItemKind;
use std::collections::HashMap;

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

/// Every item's place by id. Right for as long as items are only appended to the end of
/// their lists, or taken from the end of them; any other change makes it stale.
#[derive(Debug, Default)]
pub struct LocIndex(HashMap<ItemId, Loc, BuildIdHasher>);

impl LocIndex {
    /// The index of every item in `goals`.
    pub fn of(goals: &[Goal]) -> LocIndex {
        let mut index = LocIndex::default();
        for gi in 0..goals.len() {
            index.add(goals, Loc::Goal(gi));
        }
        index
    }

    /// Where `id` sits.
    pub fn get(&self, id: ItemId) -> Option<Loc> {
        self.0.get(&id).copied()
    }

    /// Adds the item at `loc` and everything under it.
    pub fn add(&mut self, goals: &[Goal], loc: Loc) {
        self.each_under(goals, loc, |map, id, at| {
            map.insert(id, at);
        });
    }

    /// Forgets the item at `loc` and everything under it (before it is taken out).
    pub fn forget(&mut self, goals: &[Goal], loc: Loc) {
        self.each_under(goals, loc, |map, id, _| {
            map.remove(&id);
        });
    }

    fn each_under(
        &mut self,
        goals: &[Goal],
        loc: Loc,
        mut f: impl FnMut(&mut HashMap<ItemId, Loc, BuildIdHasher>, ItemId, Loc),
    ) {
        let map = &mut self.0;
        match loc {
            Loc::Goal(gi) => {
                let g = &goals[gi];
                f(map, g.id, loc);
                for (si, s) in g.steps.iter().enumerate() {
                    f(map, s.id, Loc::GoalStep(gi, si));
                }
                for (mi, m) in g.milestones.iter().enumerate() {
                    f(map, m.id, Loc::Milestone(gi, mi));
                    for (si, s) in m.steps.iter().enumerate() {
                        f(map, s.id, Loc::MilestoneStep(gi, mi, si));
                    }
                }
            }
            Loc::Milestone(gi, mi) => {
                let m = &goals[gi].milestones[mi];
                f(map, m.id, loc);
                for (si, s) in m.steps.iter().enumerate() {
                    f(map, s.id, Loc::MilestoneStep(gi, mi, si));
                }
            }
            Loc::GoalStep(gi, si) => f(map, goals[gi].steps[si].id, loc),
            Loc::MilestoneStep(gi, mi, si) => f(map, goals[gi].milestones[mi].steps[si].id, loc),
        }
    }
}

/// Whether the item at `loc` is the last of its siblings.
pub fn is_last_sibling(goals: &[Goal], loc: Loc) -> bool {
    let len = match loc {
        Loc::Goal(_) => goals.len(),
        Loc::Milestone(g, _) => goals[g].milestones.len(),
        Loc::GoalStep(g, _) => goals[g].steps.len(),
        Loc::MilestoneStep(g, m, _) => goals[g].milestones[m].steps.len(),
    };
    loc.sibling_index() + 1 == len
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
