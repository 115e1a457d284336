//! The Agenda screen: dated open items in buckets (overdue, today, this week, …) and goals
//! that need a look, worked out when the plan or the day changes; the selection by id; and
//! its routing.

use super::super::action::{Action, Effect, Screen};
use super::super::core::{Core, ViewKey};
use crate::model::ItemId;
use super::super::items;
use super::lists::{AgendaRow, ListSel, agenda_rows};

/// The Agenda screen's own state.
#[derive(Debug, Default)]
pub struct AgendaScreen {
    rows: Vec<AgendaRow>,
    pub sel: ListSel,
    /// What the rows were worked out for.
    built_for: Option<ViewKey>,
}

impl AgendaScreen {
    /// The rows, as last worked out.
    pub fn rows(&self) -> &[AgendaRow] {
        &self.rows
    }

    fn ids(&self) -> Vec<Option<crate::model::ItemId>> {
        self.rows.iter().map(AgendaRow::id).collect()
    }

}

impl super::ScreenState for AgendaScreen {
    /// Works the rows out again when the plan or the day changed (only while on show), and
    /// keeps the selection on its item.
    fn settle(&mut self, core: &mut Core) {
        let now = core.view_key();
        if core.screen != Screen::Agenda || self.built_for == Some(now) {
            return;
        }
        let was_done = matches!(self.rows.get(self.sel.index), Some(AgendaRow::Done(_)));
        self.rows = agenda_rows(core);
        self.built_for = Some(now);
        // An item just ticked off moves to "Done today"; the cursor stays where it was, on
        // the next thing to do, instead of following it there.
        let ticked = |r: &AgendaRow| matches!(r, AgendaRow::Done(id) if Some(*id) == self.sel.id);
        if !was_done && self.rows.iter().any(ticked) {
            self.sel.id = None;
        }
        let ids = self.ids();
        self.sel.fix(&ids);
    }

    fn current_item(&self, _core: &Core) -> Option<ItemId> {
        self.sel.id
    }

    /// Carries out `action` on the Agenda screen.
    fn update(&mut self, core: &mut Core, action: Action) -> Effect {
        let page = crate::layout::tree_rows_visible(core.session.size, false).max(1) as isize;
        if self.sel.navigate(&self.ids(), &action, page) {
            return Effect::None;
        }
        match action {
            Action::Open => show_in_tree(self.sel.id),
            other => items::update(core, self.sel.id, other),
        }
    }
}

/// Asks to show `id` in the tree on the Goals screen.
pub fn show_in_tree(id: Option<crate::model::ItemId>) -> Effect {
    match id {
        Some(id) => Effect::ShowInTree(id),
        None => Effect::None,
    }
}
