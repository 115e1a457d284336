//! Moving the selection through the tree and folding it. Never changes the plan.

use super::state::AppState;
use crate::model::Loc;

/// Moves the selection `delta` rows, stopping at the ends.
pub fn move_by(state: &mut AppState, delta: isize) {
    let target = state.cursor.saturating_add_signed(delta);
    state.select_index(target);
}

/// Selects the row at `index` (clamped to the last row).
pub fn move_to(state: &mut AppState, index: usize) {
    state.select_index(index);
}

/// Moves a screenful up (`-1`) or down (`1`).
pub fn page(state: &mut AppState, direction: isize) {
    let height = state.tree_height().max(1) as isize;
    move_by(state, direction * height);
}

/// Folds the selected item; when it is already folded (or has no children), selects its
/// parent instead.
pub fn collapse(state: &mut AppState) {
    let Some(row) = state.selected_row().cloned() else {
        return;
    };
    if row.has_children && row.expanded && state.search.is_none() {
        state.collapsed.insert(row.id);
        state.refresh_rows();
        return;
    }
    let parent = state.plan.locate(row.id).and_then(|loc| match loc {
        Loc::Goal(_) => None,
        loc => state.plan.parent_id(loc),
    });
    if let Some(parent) = parent {
        state.select_id(parent);
    }
}

/// Unfolds the selected item; when it is already unfolded, selects its first child.
pub fn expand(state: &mut AppState) {
    let Some(row) = state.selected_row().cloned() else {
        return;
    };
    if !row.has_children {
        return;
    }
    if !row.expanded {
        state.collapsed.remove(&row.id);
        state.refresh_rows();
    } else {
        move_by(state, 1);
    }
}
