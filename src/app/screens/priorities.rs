//! The Priorities screen: open steps (or, switched, active goals) in the importance ×
//! urgency boxes, worked out when the plan, the view or the day changes; which box is picked
//! and the selection in each, by id — an item whose rating moved it to another box takes the
//! cursor with it; its routing.

use super::super::action::{Action, Effect, Screen};
use super::super::core::{Core, ViewKey};
use super::super::items;
use super::agenda::show_in_tree;
use super::lists::ListSel;
use crate::model::ItemId;
use crate::model::priority;

/// The Priorities screen's own state.
#[derive(Debug, Default)]
pub struct PrioritiesScreen {
    boxes: [Vec<ItemId>; 4],
    /// The box picked (an index into `Quadrant::ALL`).
    pub quadrant: usize,
    /// The selection inside each box.
    pub sel: [ListSel; 4],
    /// Goals in the boxes instead of steps.
    pub goals: bool,
    built_for: Option<(ViewKey, bool)>,
}

impl PrioritiesScreen {
    /// The step ids in each box.
    pub fn boxes(&self) -> &[Vec<ItemId>; 4] {
        &self.boxes
    }

    /// The selected step.
    pub fn current(&self) -> Option<ItemId> {
        self.sel[self.quadrant].id
    }

    fn ids(&self) -> [Vec<Option<ItemId>>; 4] {
        std::array::from_fn(|q| self.boxes[q].iter().copied().map(Some).collect())
    }

    /// Keeps the cursor on `id` when its new rating put it in another box.
    fn follow(&mut self, id: Option<ItemId>) {
        let Some(id) = id else { return };
        if self.boxes[self.quadrant].contains(&id) {
            return;
        }
        if let Some(q) = self.boxes.iter().position(|b| b.contains(&id)) {
            self.quadrant = q;
            self.sel[q].id = Some(id);
        }
    }

    /// Moves within a box; past its bottom goes to the box below, past its top to the box
    /// above.
    fn step(&mut self, boxes: &[Vec<Option<ItemId>>; 4], delta: isize) {
        let q = self.quadrant;
        if self.sel[q].step(&boxes[q], delta) {
            return;
        }
        let next = if delta > 0 { q + 2 } else { q.wrapping_sub(2) };
        if next < 4 {
            self.quadrant = next;
            self.sel[next].jump(&boxes[next], delta < 0);
        }
    }
}

impl super::ScreenState for PrioritiesScreen {
    /// Works the boxes out again when the plan or the day changed (only while on show), and
    /// keeps each selection on its item.
    fn settle(&mut self, core: &mut Core) {
        let now = (core.view_key(), self.goals);
        if core.screen != Screen::Priorities || self.built_for == Some(now) {
            return;
        }
        let (plan, today, scope) = (core.plan(), core.today(), &core.scope);
        self.boxes = if self.goals {
            priority::goal_matrix(plan, today, scope)
        } else {
            priority::matrix(plan, today, scope)
        };
        self.built_for = Some(now);
        self.follow(self.current());
        let boxes = self.ids();
        for (sel, ids) in self.sel.iter_mut().zip(boxes.iter()) {
            sel.fix(ids);
        }
    }

    fn current_item(&self, _core: &Core) -> Option<ItemId> {
        self.current()
    }

    /// Carries out `action` on the Priorities screen.
    fn update(&mut self, core: &mut Core, action: Action) -> Effect {
        let boxes = self.ids();
        let q = self.quadrant;
        match action {
            Action::MoveDown => self.step(&boxes, 1),
            Action::MoveUp => self.step(&boxes, -1),
            Action::Top => self.sel[q].jump(&boxes[q], false),
            Action::Bottom => self.sel[q].jump(&boxes[q], true),
            Action::Collapse => self.quadrant = q & !1,
            Action::Expand => self.quadrant = q | 1,
            Action::Open => return show_in_tree(self.current()),
            Action::SwitchView => {
                self.goals = !self.goals;
                self.sel = Default::default();
                self.quadrant = 0;
            }
            other => return items::update(core, self.current(), other),
        }
        Effect::None
    }
}
