//! The Goals screen: the tree of goals, milestones and steps as rows (what is folded, what
//! the search keeps), the selection by id and the scroll, and its routing: moving, folding,
//! searching, adding and moving items, and the item actions every list shares.

use super::super::action::{Action, Effect};
use super::super::core::Core;
use super::super::forms::input::TextInput;
use super::super::items;
use super::tree::{Row, TitleText, TreeFilter, fill_visible_rows};
use crate::app::action::Screen;
use crate::model::{ItemId, Loc};
use std::collections::HashSet;

/// The search text and whether it is still being typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    pub input: TextInput,
    pub typing: bool,
}

/// The Goals screen's own state.
#[derive(Debug, Default)]
pub struct GoalsScreen {
    /// The visible rows, derived from the plan, the folds and the search.
    pub rows: Vec<Row>,
    pub selected: Option<ItemId>,
    /// The index of the selection in `rows`.
    pub cursor: usize,
    /// The first row on screen.
    pub offset: usize,
    pub collapsed: HashSet<ItemId>,
    pub search: Option<Search>,
    /// All searchable text, built on the first search after a change.
    text: Option<TitleText>,
    /// The goals in view taken together (see `progress::Together`).
    pub together: crate::model::progress::Together,
    /// Each goal's pace and SMART gaps, worked out once per change of the plan or the day
    /// (the rows read them on every frame).
    pub judged: std::collections::HashMap<ItemId, Judged>,
    /// What the rows were built from.
    seen: Option<super::super::core::ViewKey>,
}

/// A goal as the tree's row judges it: its pace (progress and standing) and SMART gaps.
#[derive(Clone, Debug, PartialEq)]
pub struct Judged {
    pub pace: crate::model::progress::Pace,
    pub gaps: String,
}

/// Every goal of `plan` judged on `today`.
fn judge(
    plan: &crate::model::Plan,
    today: chrono::NaiveDate,
) -> std::collections::HashMap<ItemId, Judged> {
    plan.goals
        .iter()
        .map(|g| {
            let judged = Judged {
                pace: crate::model::progress::pace(g, today),
                gaps: crate::model::smart::gaps_label(g, today),
            };
            (g.id, judged)
        })
        .collect()
}

impl GoalsScreen {
    /// The lower-cased search text, empty without a search.
    pub fn query(&self) -> String {
        self.search
            .as_ref()
            .map(|s| s.input.value().trim().to_lowercase())
            .unwrap_or_default()
    }

    /// Rebuilds the visible rows and keeps the selection on the same item, or on the row
    /// nearest to where it was when the item is gone.
    pub fn refresh(&mut self, core: &Core) {
        let query = self.query();
        let plan = core.plan();
        let matched = (!query.is_empty()).then(|| {
            let text = self.text.get_or_insert_with(|| TitleText::of(plan));
            text.matches(&query)
        });
        let filter = TreeFilter {
            scope: &core.scope,
            today: core.today(),
            collapsed: &self.collapsed,
            query: &query,
            matched: matched.as_deref(),
        };
        fill_visible_rows(&mut self.rows, plan, &filter);
        let found = self
            .selected
            .and_then(|id| self.rows.iter().position(|r| r.id == id));
        match found {
            Some(i) => self.cursor = i,
            None => self.select_index(core, self.cursor),
        }
        self.scroll_to_cursor(core);
    }

    /// Selects the row at `index` (clamped).
    pub fn select_index(&mut self, core: &Core, index: usize) {
        if self.rows.is_empty() {
            self.selected = None;
            self.cursor = 0;
            return;
        }
        self.cursor = index.min(self.rows.len() - 1);
        self.selected = Some(self.rows[self.cursor].id);
        self.scroll_to_cursor(core);
    }

    /// Selects the item `id`, unfolding its ancestors so it shows.
    pub fn select_id(&mut self, core: &Core, id: ItemId) {
        if let Some(loc) = core.doc.locate(id) {
            let goal = &core.plan().goals[loc.goal_index()];
            self.collapsed.remove(&goal.id);
            if let Loc::MilestoneStep(g, m, _) = loc {
                self.collapsed
                    .remove(&core.plan().goals[g].milestones[m].id);
            }
        }
        self.selected = Some(id);
        self.refresh(core);
    }

    /// The selected row.
    pub fn selected_row(&self) -> Option<&Row> {
        self.rows
            .get(self.cursor)
            .filter(|r| Some(r.id) == self.selected)
    }

    /// Moves `offset` just enough to keep the cursor on screen.
    pub fn scroll_to_cursor(&mut self, core: &Core) {
        let height =
            crate::layout::tree_rows_visible(core.session.size, core.session.details_zoomed).max(1);
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + height {
            self.offset = self.cursor + 1 - height;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(height));
    }

    fn move_by(&mut self, core: &Core, delta: isize) {
        self.select_index(core, self.cursor.saturating_add_signed(delta));
    }

    fn page(&mut self, core: &Core, direction: isize) {
        let height =
            crate::layout::tree_rows_visible(core.session.size, core.session.details_zoomed).max(1)
                as isize;
        self.move_by(core, direction * height);
    }

    /// Folds the selected item; when it is already folded (or has no children), selects its
    /// parent instead.
    fn collapse(&mut self, core: &Core) {
        let Some(row) = self.selected_row().cloned() else {
            return;
        };
        if row.has_children && row.expanded && self.search.is_none() {
            self.collapsed.insert(row.id);
            self.refresh(core);
            return;
        }
        let parent = core.doc.locate(row.id).and_then(|loc| match loc {
            Loc::Goal(_) => None,
            loc => core.plan().parent_id(loc),
        });
        if let Some(parent) = parent {
            self.select_id(core, parent);
        }
    }

    /// Unfolds the selected item; when it is already unfolded, selects its first child.
    fn expand(&mut self, core: &Core) {
        let Some(row) = self.selected_row().cloned() else {
            return;
        };
        if !row.has_children {
            return;
        }
        if !row.expanded {
            self.collapsed.remove(&row.id);
            self.refresh(core);
        } else {
            self.move_by(core, 1);
        }
    }

    /// Moves the selection one place down (`1`) or up (`-1`) among its siblings.
    fn move_item(&mut self, core: &mut Core, delta: isize) -> Effect {
        let Some(id) = self.selected else {
            return Effect::None;
        };
        let Some(loc) = core.doc.locate(id) else {
            return Effect::None;
        };
        let from = loc.sibling_index();
        let to = from.saturating_add_signed(delta);
        if to == from || to >= core.plan().sibling_count(loc) {
            core.info(if delta > 0 {
                "Already the last one."
            } else {
                "Already the first one."
            });
            return Effect::None;
        }
        let op = crate::model::Op::Move { id, index: to };
        let change = super::super::change::Change::new(op, "move item").selecting(id);
        core.commit(change).into()
    }

    /// Opens the search line, keeping the last query to refine.
    fn start_search(&mut self) {
        let input = self.search.take().map(|s| s.input).unwrap_or_default();
        self.search = Some(Search {
            input,
            typing: true,
        });
    }

    /// Carries out `action` while the search is being typed.
    pub fn update_search(&mut self, core: &mut Core, action: Action) -> Effect {
        match action {
            Action::Insert(text) => self.edit_query(core, |i| i.insert(&text)),
            Action::DeleteBack => self.edit_query(core, |i| i.delete_back()),
            Action::DeleteWordBack => self.edit_query(core, |i| i.delete_word_back()),
            Action::ClearField => self.edit_query(core, |i| i.clear()),
            Action::CursorLeft => self.edit_query(core, |i| i.left()),
            Action::CursorRight => self.edit_query(core, |i| i.right()),
            Action::NextMatch => self.step_match(core, 1),
            Action::PrevMatch => self.step_match(core, -1),
            Action::AcceptSearch => self.accept_search(core),
            Action::ClearSearch => self.clear_search(core),
            Action::Quit => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }

    /// Edits the query and refilters, moving to the first match when the selection is hidden
    /// or no longer matches.
    fn edit_query(&mut self, core: &mut Core, edit: impl FnOnce(&mut TextInput)) {
        if let Some(search) = self.search.as_mut() {
            edit(&mut search.input);
        }
        self.refresh(core);
        if !self.query().is_empty() && !self.selected_row().is_some_and(|r| r.matched) {
            self.step_match(core, 1);
        }
    }

    /// Selects the next (`1`) or previous (`-1`) matching row, wrapping around.
    fn step_match(&mut self, core: &mut Core, direction: isize) {
        let n = self.rows.len();
        if n == 0 {
            return;
        }
        let found = (1..=n)
            .map(|k| (self.cursor as isize + direction * k as isize).rem_euclid(n as isize))
            .map(|i| i as usize)
            .find(|&i| self.rows[i].matched);
        match found {
            Some(i) => self.select_index(core, i),
            None if !self.query().is_empty() => core.info("No match."),
            None => {}
        }
    }

    /// Stops typing and keeps the filter; an empty query clears the search.
    fn accept_search(&mut self, core: &Core) {
        match self.search.as_mut() {
            Some(s) if !s.input.value().trim().is_empty() => s.typing = false,
            _ => self.clear_search(core),
        }
    }

    /// Drops the search and shows the whole tree, keeping the selection.
    fn clear_search(&mut self, core: &Core) {
        self.search = None;
        match self.selected {
            Some(id) => self.select_id(core, id),
            None => self.refresh(core),
        }
    }

    /// Selects the tree row at screen line `y`, if there is one (a mouse click).
    pub fn click(&mut self, core: &Core, x: u16, y: u16) {
        let rows = crate::layout::tree_rows_area(core.session.size, core.session.details_zoomed);
        let inside = (rows.x..rows.right()).contains(&x) && (rows.y..rows.bottom()).contains(&y);
        if inside {
            let index = self.offset + usize::from(y - rows.y);
            if index < self.rows.len() {
                self.select_index(core, index);
            }
        }
    }
}

impl super::ScreenState for GoalsScreen {
    /// Rebuilds the rows when the plan changed since they were built, and selects the item a
    /// change asked for.
    fn settle(&mut self, core: &mut Core) {
        let now = core.view_key();
        let changed = self.seen != Some(now);
        if changed {
            if self.seen.is_none_or(|(revision, ..)| revision != now.0) {
                self.text = None;
            }
            if self
                .seen
                .is_none_or(|(revision, _, day)| (revision, day) != (now.0, now.2))
            {
                self.judged = judge(core.plan(), core.today());
            }
            self.seen = Some(now);
            let (scope, today) = (&core.scope, core.today());
            let in_view = core.plan().goals.iter();
            let shown = in_view.filter(|g| scope.shows_goal(g, today));
            self.together = crate::model::progress::Together::of(shown);
        }
        // One rebuild of the rows per change: selecting an item rebuilds them itself.
        match core.focus.take() {
            Some(id) => self.select_id(core, id),
            None if changed => self.refresh(core),
            None => {}
        }
    }

    fn current_item(&self, _core: &Core) -> Option<ItemId> {
        self.selected
    }

    /// Carries out `action` on the Goals screen.
    fn update(&mut self, core: &mut Core, action: Action) -> Effect {
        match action {
            Action::MoveDown => self.move_by(core, 1),
            Action::MoveUp => self.move_by(core, -1),
            Action::Top => self.select_index(core, 0),
            Action::Bottom => self.select_index(core, usize::MAX),
            Action::PageUp => self.page(core, -1),
            Action::PageDown => self.page(core, 1),
            Action::Collapse => self.collapse(core),
            Action::Expand => self.expand(core),
            Action::StartSearch => self.start_search(),
            Action::SwitchView => {
                core.session.details_zoomed = !core.session.details_zoomed;
                self.scroll_to_cursor(core);
                let key = core.key(
                    crate::keymap::Layer::Screen(Screen::Goals),
                    &Action::SwitchView,
                );
                core.info(if core.session.details_zoomed {
                    format!("The details fill the screen; {key} shares it with the tree again.")
                } else {
                    format!("{key} gives the details the whole screen.")
                });
            }
            Action::NextMatch => self.step_match(core, 1),
            Action::PrevMatch => self.step_match(core, -1),
            Action::ClearSearch => self.clear_search(core),
            Action::Open if core.plan().goals.is_empty() => {
                return super::super::guided::resume_journey(core);
            }
            Action::Open => return items::open_editor(core, self.selected),
            Action::AddStep => return items::open_add_step(core, self.selected),
            Action::MoveItemDown => return self.move_item(core, 1),
            Action::MoveItemUp => return self.move_item(core, -1),
            other => return items::update(core, self.selected, other),
        }
        Effect::None
    }
}
