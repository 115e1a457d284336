//! The plan in memory and its undo history, with an id → place index kept in step. The plan
//! changes only through `apply`, `undo`, `redo` and `replace`, each of which bumps the
//! revision the screens' caches are keyed on.

use crate::model::ids::BuildIdHasher;
use crate::model::{ActionStep, History, ItemId, Loc, Op, OpError, Plan};
use std::collections::HashMap;

/// The plan, its history, and where each item sits.
#[derive(Debug, Default)]
pub struct Doc {
    plan: Plan,
    history: History,
    index: HashMap<ItemId, Loc, BuildIdHasher>,
    revision: u64,
}

impl Doc {
    /// A document over `plan` with an empty history.
    pub fn new(plan: Plan) -> Doc {
        let mut doc = Doc {
            plan,
            ..Doc::default()
        };
        doc.changed();
        doc
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Counts every change; caches compare it to know they are stale.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    fn changed(&mut self) {
        self.revision += 1;
        self.index.clear();
        let index = &mut self.index;
        self.plan.for_each_loc(|id, loc| {
            index.insert(id, loc);
        });
    }

    /// Applies `op` through the history (so it can be undone).
    pub fn apply(&mut self, op: Op, label: &str) -> Result<(), OpError> {
        self.history.apply(&mut self.plan, op, label)?;
        self.changed();
        Ok(())
    }

    /// Undoes the last change; its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<String> {
        let label = self.history.undo(&mut self.plan)?;
        self.changed();
        Some(label)
    }

    /// Redoes the last undone change; its label, or `None`.
    pub fn redo(&mut self) -> Option<String> {
        let label = self.history.redo(&mut self.plan)?;
        self.changed();
        Some(label)
    }

    /// Puts a plan read from disk in place; the history starts over.
    pub fn replace(&mut self, plan: Plan) {
        self.plan = plan;
        self.history = History::default();
        self.changed();
    }

    /// Gives `build` the plan to take fresh ids from while it builds a change; nothing else
    /// in the plan may change there (ids are never reused, so an unused one is harmless).
    pub fn with_new_ids<T>(&mut self, build: impl FnOnce(&mut Plan) -> T) -> T {
        build(&mut self.plan)
    }

    /// Where the item `id` sits: from the index, checked, else by scanning the plan.
    pub fn locate(&self, id: ItemId) -> Option<Loc> {
        match self.index.get(&id) {
            Some(&loc) if self.plan.id_at(loc) == Some(id) => Some(loc),
            _ => self.plan.locate(id),
        }
    }

    /// The goal the item `id` belongs to (itself for a goal), found through the index.
    pub fn goal_of(&self, id: ItemId) -> Option<&crate::model::Goal> {
        self.locate(id)
            .map(|loc| &self.plan.goals[loc.goal_index()])
    }

    /// The title of item `id` ("" when it is gone).
    pub fn title_of(&self, id: ItemId) -> &str {
        self.locate(id).map_or("", |loc| self.plan.title_at(loc))
    }

    /// The step `id`.
    pub fn step(&self, id: ItemId) -> Option<&ActionStep> {
        self.plan.step_at(self.locate(id)?)
    }
}
