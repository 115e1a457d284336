//! Searching the tree: typing filters it to matches and their ancestors; stepping jumps
//! between matches; clearing brings the whole tree back with the selection kept.

use super::input::TextInput;
use super::state::{AppState, Search};

/// Opens the search line, keeping the last query to refine.
pub fn start(state: &mut AppState) {
    let input = state.search.take().map(|s| s.input).unwrap_or_default();
    state.search = Some(Search {
        input,
        typing: true,
    });
}

/// Edits the query and refilters, moving to the first match when the selection is hidden
/// or no longer matches.
pub fn edit_query(state: &mut AppState, edit: impl FnOnce(&mut TextInput)) {
    if let Some(search) = state.search.as_mut() {
        edit(&mut search.input);
    }
    state.refresh_rows();
    if !state.query().is_empty() && !state.selected_row().is_some_and(|r| r.matched) {
        step_match(state, 1);
    }
}

/// Selects the next (`1`) or previous (`-1`) matching row, wrapping around.
pub fn step_match(state: &mut AppState, direction: isize) {
    let n = state.rows.len();
    if n == 0 {
        return;
    }
    let found = (1..=n)
        .map(|k| (state.cursor as isize + direction * k as isize).rem_euclid(n as isize) as usize)
        .find(|&i| state.rows[i].matched);
    match found {
        Some(i) => state.select_index(i),
        None if !state.query().is_empty() => state.info("No match."),
        None => {}
    }
}

/// Stops typing and keeps the filter; an empty query clears the search.
pub fn accept(state: &mut AppState) {
    match state.search.as_mut() {
        Some(s) if !s.input.value().trim().is_empty() => s.typing = false,
        _ => clear(state),
    }
}

/// Drops the search and shows the whole tree, keeping the selection.
pub fn clear(state: &mut AppState) {
    state.search = None;
    if let Some(id) = state.selected {
        state.select_id(id);
    } else {
        state.refresh_rows();
    }
}
