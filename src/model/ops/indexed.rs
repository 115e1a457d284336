//! Applying ops through an id index: a batch of appends (what imports make), taking the
//! last of a list (undoing them) and changes in place find their items in one lookup each, so
//! a batch of n of them costs n, not n passes over the plan.

use super::{Loc, Op, OpError};
use crate::model::Plan;
use crate::model::items::ItemKind;
use crate::model::loc::LocIndex;

impl Plan {
    /// Applies `op` as `apply` does. An append (an insert at the end of a list, as imports
    /// and redoing them make), or taking out the last of a list (what undoing appends does),
    /// or a change of an item in place, finds its items through `index`,
    /// built at the first such op and kept up to date by the next ones: a run of n of them
    /// costs n, not n passes over the plan. Any other op makes the index stale and drops it.
    pub fn apply_indexed(&mut self, op: Op, index: &mut Option<LocIndex>) -> Result<Op, OpError> {
        match op {
            Op::Insert {
                parent,
                index: at,
                node,
            } => {
                let idx = index.get_or_insert_with(|| LocIndex::of(&self.goals));
                if idx.get(node.id()).is_some() {
                    return Err(OpError::DuplicateId(node.id()));
                }
                let parent_loc = match parent {
                    Some(p) => Some(idx.get(p).ok_or(OpError::NotFound(p))?),
                    None => None,
                };
                let appends = at >= self.list_len(parent_loc, node.kind());
                let (inverse, placed) = self.insert_under(parent_loc, at, node)?;
                match index.as_mut() {
                    Some(idx) if appends => idx.add(&self.goals, placed),
                    _ => *index = None,
                }
                Ok(inverse)
            }
            Op::Remove { id } => {
                let idx = index.get_or_insert_with(|| LocIndex::of(&self.goals));
                match idx.get(id) {
                    Some(loc) if crate::model::loc::is_last_sibling(&self.goals, loc) => {
                        idx.forget(&self.goals, loc);
                        Ok(self.remove_at(loc))
                    }
                    _ => {
                        *index = None;
                        self.remove(id)
                    }
                }
            }
            Op::Update { node } => {
                let idx = index.get_or_insert_with(|| LocIndex::of(&self.goals));
                let id = node.id();
                let loc = idx.get(id).ok_or(OpError::NotFound(id))?;
                self.update_at(loc, node)
            }
            other => {
                *index = None;
                self.apply(other)
            }
        }
    }

    /// How many items of `kind` the item at `parent_loc` holds (goals when `None`); 0 where
    /// such an item cannot go.
    fn list_len(&self, parent_loc: Option<Loc>, kind: ItemKind) -> usize {
        match (parent_loc, kind) {
            (None, ItemKind::Goal) => self.goals.len(),
            (Some(Loc::Goal(g)), ItemKind::Milestone) => self.goals[g].milestones.len(),
            (Some(Loc::Goal(g)), ItemKind::Step) => self.goals[g].steps.len(),
            (Some(Loc::Milestone(g, m)), ItemKind::Step) => self.goals[g].milestones[m].steps.len(),
            _ => 0,
        }
    }
}
