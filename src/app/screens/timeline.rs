//! The Timeline screen: goals and milestones as lanes on a time axis, worked out when the
//! plan, the view or the day changes; the selection by id; the stretch of time on show
//! (weeks or months, scrolled by half a width, today a quarter in); and its routing. Items
//! are acted on in place like on every list (`t`, `x`, `e`, …); Enter shows one in the tree.

use super::super::action::{Action, Effect, Screen};
use super::super::core::{Core, ViewKey};
use super::super::items;
use super::agenda::show_in_tree;
use super::lists::ListSel;
use crate::model::ItemId;
use crate::model::timeline::{self, Axis, Lane, Scale};

/// The Timeline screen's own state.
#[derive(Debug, Default)]
pub struct TimelineScreen {
    lanes: Vec<Lane>,
    pub sel: ListSel,
    pub scale: Scale,
    /// Half-widths moved from where today is a quarter in (negative: earlier).
    pub shift: i32,
    built_for: Option<ViewKey>,
}

impl TimelineScreen {
    /// The lanes, as last worked out.
    pub fn lanes(&self) -> &[Lane] {
        &self.lanes
    }

    fn ids(&self) -> Vec<Option<ItemId>> {
        self.lanes.iter().map(|l| Some(l.id)).collect()
    }

    /// The stretch of time on show in a chart `columns` wide.
    pub fn axis(&self, core: &Core, columns: u16) -> Axis {
        Axis::around(core.today(), self.scale, columns, self.shift)
    }

}

impl super::ScreenState for TimelineScreen {
    /// Works the lanes out again when the plan, the view or the day changed (only while on
    /// show), and keeps the selection on its item.
    fn settle(&mut self, core: &mut Core) {
        let now = core.view_key();
        if core.screen != Screen::Timeline || self.built_for == Some(now) {
            return;
        }
        self.lanes = timeline::lanes(core.plan(), core.today(), &core.scope);
        self.built_for = Some(now);
        let ids = self.ids();
        self.sel.fix(&ids);
    }

    fn current_item(&self, _core: &Core) -> Option<ItemId> {
        self.sel.id
    }

    /// Carries out `action` on the Timeline screen.
    fn update(&mut self, core: &mut Core, action: Action) -> Effect {
        let page = crate::layout::tree_rows_visible(core.session.size, false).max(1) as isize;
        if self.sel.navigate(&self.ids(), &action, page) {
            return Effect::None;
        }
        match action {
            Action::Earlier => self.shift = self.shift.saturating_sub(1).max(-200),
            Action::Later => self.shift = self.shift.saturating_add(1).min(200),
            Action::GoToToday => self.shift = 0,
            Action::SwitchView => {
                self.scale = self.scale.other();
                self.shift = 0;
            }
            Action::Open => return show_in_tree(self.sel.id),
            other => return items::update(core, self.sel.id, other),
        }
        Effect::None
    }
}
