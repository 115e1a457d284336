//! The only place state changes: an action comes in, the state moves, and an `Effect` tells
//! the loop what I/O to do. Each layer has its own small routing table.

use super::action::Action;
use super::state::{AppState, Screen};
use super::{edit, nav, search};
use crate::keymap::Layer;

/// What the loop must do after an update.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    None,
    /// The plan changed: write it to disk before the next key.
    Save,
    /// Read the plan again from disk.
    Reload,
    Quit,
}

/// Applies `action` to `state`.
pub fn update(state: &mut AppState, action: Action) -> Effect {
    if let Action::Resize(w, h) = action {
        state.size = (w, h);
        state.scroll_to_cursor();
        return Effect::None;
    }
    state.status = None;
    match state.layer() {
        Layer::Help => update_help(state, action),
        Layer::Confirm => update_question(state, action),
        Layer::Form => update_form(state, action),
        Layer::Search => update_search(state, action),
        Layer::Main | Layer::Filtered => update_main(state, action),
    }
}

fn update_help(state: &mut AppState, action: Action) -> Effect {
    let scroll = state.help.unwrap_or(0);
    match action {
        Action::MoveDown => state.help = Some(scroll.saturating_add(1)),
        Action::MoveUp => state.help = Some(scroll.saturating_sub(1)),
        Action::ToggleHelp => state.help = None,
        Action::Quit => return Effect::Quit,
        _ => {}
    }
    Effect::None
}

fn update_question(state: &mut AppState, action: Action) -> Effect {
    match action {
        Action::Confirm => edit::answer_yes(state),
        Action::Deny => {
            state.question = None;
            Effect::None
        }
        Action::Quit => Effect::Quit,
        _ => Effect::None,
    }
}

fn update_form(state: &mut AppState, action: Action) -> Effect {
    let Some(form) = state.form.as_mut() else {
        return Effect::None;
    };
    match action {
        Action::Submit => return edit::submit_form(state),
        Action::Cancel => state.form = None,
        Action::Quit => return Effect::Quit,
        Action::NextField => form.next_field(),
        Action::PrevField => form.prev_field(),
        Action::CursorLeft => edit_field(form, |f| f.input.left(), -1),
        Action::CursorRight => edit_field(form, |f| f.input.right(), 1),
        Action::CursorHome => edit_field(form, |f| f.input.home(), 0),
        Action::CursorEnd => edit_field(form, |f| f.input.end(), 0),
        Action::DeleteBack => edit_field(form, |f| f.input.delete_back(), 0),
        Action::DeleteForward => edit_field(form, |f| f.input.delete_forward(), 0),
        Action::Insert(text) => edit_field(form, |f| f.input.insert(&text), 0),
        _ => {}
    }
    Effect::None
}

/// Edits the focused field's text; on a choice field, arrows pick instead (`choice_step`).
fn edit_field(
    form: &mut super::state::ItemForm,
    edit: impl FnOnce(&mut super::form::Field),
    choice_step: isize,
) {
    let typed = form.focused().is_some_and(|f| f.is_typed());
    if typed {
        if let Some(field) = form.focused() {
            edit(field);
            field.error = None;
        }
    } else if choice_step != 0 {
        form.cycle_choice(choice_step);
    }
}

fn update_search(state: &mut AppState, action: Action) -> Effect {
    match action {
        Action::Insert(text) => search::edit_query(state, |i| i.insert(&text)),
        Action::DeleteBack => search::edit_query(state, |i| i.delete_back()),
        Action::CursorLeft => search::edit_query(state, |i| i.left()),
        Action::CursorRight => search::edit_query(state, |i| i.right()),
        Action::NextMatch => search::step_match(state, 1),
        Action::PrevMatch => search::step_match(state, -1),
        Action::AcceptSearch => search::accept(state),
        Action::ClearSearch => search::clear(state),
        Action::Quit => return Effect::Quit,
        _ => {}
    }
    Effect::None
}

fn update_main(state: &mut AppState, action: Action) -> Effect {
    match action {
        Action::ShowScreen(screen) => state.screen = screen,
        Action::NextScreen => state.screen = state.screen.step(1),
        Action::PrevScreen => state.screen = state.screen.step(-1),
        Action::ToggleHelp => state.help = Some(0),
        Action::Quit => return Effect::Quit,
        Action::Undo => return edit::undo(state),
        Action::Redo => return edit::redo(state),
        Action::Reload => return Effect::Reload,
        other if state.screen == Screen::Goals => return update_tree(state, other),
        _ => state.info(format!(
            "{} screen: not built yet. Press 1 for Goals.",
            state.screen.title()
        )),
    }
    Effect::None
}

fn update_tree(state: &mut AppState, action: Action) -> Effect {
    match action {
        Action::MoveDown => nav::move_by(state, 1),
        Action::MoveUp => nav::move_by(state, -1),
        Action::Top => nav::move_to(state, 0),
        Action::Bottom => nav::move_to(state, usize::MAX),
        Action::PageUp => nav::page(state, -1),
        Action::PageDown => nav::page(state, 1),
        Action::Collapse => nav::collapse(state),
        Action::Expand => nav::expand(state),
        Action::StartSearch => search::start(state),
        Action::NextMatch => search::step_match(state, 1),
        Action::PrevMatch => search::step_match(state, -1),
        Action::ClearSearch => search::clear(state),
        Action::NewGoal => return edit::open_new_goal(state),
        Action::AddChild => return edit::open_add_child(state),
        Action::AddStep => return edit::open_add_step(state),
        Action::Edit => return edit::open_editor(state),
        Action::CheckIn => return edit::open_check_in(state),
        Action::ToggleDone => return edit::toggle_done(state),
        Action::Delete => return edit::ask_delete(state),
        Action::MoveItemDown => return edit::move_item(state, 1),
        Action::MoveItemUp => return edit::move_item(state, -1),
        Action::CycleStatus => return edit::cycle_status(state),
        _ => {}
    }
    Effect::None
}
