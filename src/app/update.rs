//! The only place state changes: an action comes in, the state moves, and an `Effect` tells
//! the loop what I/O to do. Each layer has its own small routing table.

use super::action::Action;
use super::state::{AppState, Screen};
use super::{edit, nav, search};
use crate::keymap::Layer;

/// What the loop must do after an update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Open this text in the external editor; the result comes back as `EditorDone`.
    EditText(String),
    /// The plan changed: write it to disk before the next key.
    Save,
    /// Read the plan again from disk.
    Reload,
    /// Write the plan to this file (a copy; plan.json is not touched).
    WriteCopy(std::path::PathBuf),
    /// Write the unsaved plan to this file, then quit if that worked.
    RescueAndQuit(std::path::PathBuf),
    /// Put our version, kept in this conflict copy, back in place of plan.json.
    BringBack(std::path::PathBuf),
    /// Give the terminal back and stop until continued.
    Suspend,
    Quit,
}

/// Quitting asks first while a change has not reached the disk (a failed save); otherwise
/// it quits at once, since everything is saved.
fn quit_or_ask(state: &mut AppState) -> Effect {
    let Some(error) = state.save_error.clone() else {
        return Effect::Quit;
    };
    let rescue = rescue_path(state.today);
    let key = |a: Action| state.keymap.key_for(Layer::Confirm, &a);
    let text = format!(
        "Your latest changes are not on disk: {error}\n\n{} writes them to\n{}\nand quits. \
         {} stays here ({} tries saving again, {} writes a copy elsewhere). {} quits without \
         them.",
        key(Action::Confirm),
        rescue.display(),
        key(Action::Deny),
        state.keymap.key_for(Layer::Main, &Action::SaveAgain),
        state.keymap.key_for(Layer::Main, &Action::WriteCopy),
        key(Action::Quit),
    );
    state.question = Some(super::state::Question {
        text,
        on_yes: super::state::Answer::RescueAndQuit(rescue),
    });
    Effect::None
}

/// Where unsaved changes are rescued to: the home directory (often another disk than a full
/// data directory), else the temp directory.
fn rescue_path(today: chrono::NaiveDate) -> std::path::PathBuf {
    let dir = directories::BaseDirs::new()
        .map(|b| b.home_dir().to_path_buf())
        .unwrap_or_else(std::env::temp_dir);
    let time = chrono::Local::now().format("%H%M%S");
    dir.join(format!("goalcoach-unsaved-{today}-{time}.json"))
}

/// Applies `action` to `state`.
pub fn update(state: &mut AppState, action: Action) -> Effect {
    if let Action::Resize(w, h) = action {
        state.size = (w, h);
        state.scroll_to_cursor();
        return Effect::None;
    }
    state.status = None;
    match (action, state.layer()) {
        (Action::Click(x, y), Layer::Main | Layer::Filtered) => {
            click(state, x, y);
            Effect::None
        }
        (Action::Scroll(lines), layer) => {
            let step = if lines > 0 {
                Action::MoveDown
            } else {
                Action::MoveUp
            };
            for _ in 0..lines.unsigned_abs() {
                let _ = update_layer(state, step.clone(), layer);
            }
            Effect::None
        }
        (Action::Click(..), _) => Effect::None,
        (action, layer) => match update_layer(state, action, layer) {
            Effect::Quit => quit_or_ask(state),
            effect => effect,
        },
    }
}

fn update_layer(state: &mut AppState, action: Action, layer: Layer) -> Effect {
    match layer {
        Layer::Help => update_help(state, action),
        Layer::Confirm => update_question(state, action),
        Layer::Form => update_form(state, action),
        Layer::Search => update_search(state, action),
        Layer::Main | Layer::Filtered => update_main(state, action),
        Layer::Review => update_review(state, action),
        Layer::Profile => update_profile(state, action),
    }
}

/// A click on a tab switches screens; a click on a tree row selects it.
fn click(state: &mut AppState, x: u16, y: u16) {
    if y == 0 {
        let titles = Screen::ALL.map(Screen::title);
        if let Some(i) = crate::ui::layout::tab_at(x, &titles) {
            show_screen(state, Screen::ALL[i]);
        }
        return;
    }
    let rows = crate::ui::layout::tree_rows_area(state.size);
    let inside = (rows.x..rows.right()).contains(&x) && (rows.y..rows.bottom()).contains(&y);
    if state.screen == Screen::Goals && inside {
        let index = state.tree_offset + usize::from(y - rows.y);
        if index < state.rows.len() {
            state.select_index(index);
        }
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
        // Quitting again while asked about unsaved changes means it: quit without them.
        Action::Quit if is_rescue_question(state) => {
            state.save_error = None;
            Effect::Quit
        }
        Action::Quit => Effect::Quit,
        _ => Effect::None,
    }
}

fn is_rescue_question(state: &AppState) -> bool {
    state
        .question
        .as_ref()
        .is_some_and(|q| matches!(q.on_yes, super::state::Answer::RescueAndQuit(_)))
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
        Action::AddRow => report(
            state,
            |f| f.add_row(),
            "Rows can be added in a section: move to its heading or a row.",
        ),
        Action::DeleteRow => report(
            state,
            |f| f.delete_row(),
            "Only rows of a section can be deleted.",
        ),
        Action::MoveRowUp => report(state, |f| f.move_row(-1), "This row is already at the top."),
        Action::MoveRowDown => report(
            state,
            |f| f.move_row(1),
            "This row is already at the bottom.",
        ),
        Action::EditInEditor => return edit::edit_externally(state),
        Action::EditorDone(result) => edit::take_external_text(state, result),
        _ => {}
    }
    Effect::None
}

/// Runs a row operation on the open form; says why when it did nothing.
fn report(
    state: &mut AppState,
    op: impl FnOnce(&mut super::state::ItemForm) -> bool,
    why_not: &str,
) {
    if let Some(form) = state.form.as_mut()
        && !op(form)
    {
        state.info(why_not);
    }
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
        Action::ShowScreen(screen) => show_screen(state, screen),
        Action::NextScreen => show_screen(state, state.screen.step(1)),
        Action::PrevScreen => show_screen(state, state.screen.step(-1)),
        Action::ToggleHelp => state.help = Some(0),
        Action::Quit => return Effect::Quit,
        Action::Suspend => return Effect::Suspend,
        Action::Undo => return edit::undo(state),
        Action::Redo => return edit::redo(state),
        Action::Reload => return Effect::Reload,
        Action::SaveAgain => return edit::save_again(state),
        Action::WriteCopy => return edit::open_write_copy(state),
        other => {
            return match state.screen {
                Screen::Goals => update_tree(state, other),
                Screen::Agenda => update_agenda(state, other),
                Screen::Priorities => update_matrix(state, other),
                Screen::Review => update_item(state, other),
                _ => {
                    let title = state.screen.title();
                    state.info(format!("{title} screen: not built yet. Press 1 for Goals."));
                    Effect::None
                }
            };
        }
    }
    Effect::None
}

/// Whether `action` does something on `screen` from the main layer (for the footer hints).
pub fn screen_handles(screen: Screen, action: &Action) -> bool {
    let tree_only = matches!(
        action,
        Action::AddChild
            | Action::AddStep
            | Action::MoveItemDown
            | Action::MoveItemUp
            | Action::StartSearch
    );
    let on_items = matches!(
        action,
        Action::Edit
            | Action::CheckIn
            | Action::ToggleDone
            | Action::Delete
            | Action::Reschedule
            | Action::CycleImportance
            | Action::CycleUrgency
            | Action::Open
    );
    match screen {
        Screen::Goals => true,
        Screen::Agenda | Screen::Priorities => !tree_only,
        Screen::Review => !tree_only || *action == Action::AddChild,
        Screen::Profile => !tree_only && !on_items && *action != Action::NewGoal,
    }
}

fn show_screen(state: &mut AppState, screen: Screen) {
    state.screen = screen;
    state.sync_lists();
    // An empty profile starts with the guided first pass, once a session; Esc skips it.
    let empty = state.plan.profile.is_empty();
    if screen == Screen::Profile && empty && !state.first_pass_offered && state.read_only.is_none()
    {
        super::profile::open_first_pass(state);
    }
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
        Action::Open => return edit::open_editor(state),
        Action::MoveItemDown => return edit::move_item(state, 1),
        Action::MoveItemUp => return edit::move_item(state, -1),
        other => return update_item(state, other),
    }
    Effect::None
}

fn update_profile(state: &mut AppState, action: Action) -> Effect {
    use super::profile;
    let rows = profile::rows_in_section(state);
    match action {
        Action::NextSection => profile::step_section(state, 1),
        Action::PrevSection => profile::step_section(state, -1),
        Action::EditSection => return profile::open_editor(state),
        Action::FeedbackToStep => return profile::feedback_to_step(state),
        Action::PathToGoal => return profile::path_to_goal(state),
        Action::FirstPass => return profile::open_first_pass(state),
        Action::ToggleCompare => state.profile_compare = !state.profile_compare,
        Action::MoveDown => state.profile_row = (state.profile_row + 1).min(rows.saturating_sub(1)),
        Action::MoveUp => state.profile_row = state.profile_row.saturating_sub(1),
        other => return update_main(state, other),
    }
    Effect::None
}

fn update_review(state: &mut AppState, action: Action) -> Effect {
    use super::review;
    let rows = review::rows_in_stage(state);
    match action {
        Action::StartReview => review::start(state),
        Action::ReviewNext => review::next(state),
        Action::ReviewBack => review::back(state),
        Action::Decide(decision) => review::decide(state, decision),
        Action::ToggleCommitment => review::toggle_commitment(state),
        Action::EditReflection => review::open_reflection(state),
        Action::FinishReview => review::finish(state),
        Action::SkipWeek => review::skip(state),
        Action::LogAchievement => review::log_achievement(state),
        Action::MoveDown => {
            state.review_cursor = (state.review_cursor + 1).min(rows.saturating_sub(1));
            Effect::None
        }
        Action::MoveUp => {
            state.review_cursor = state.review_cursor.saturating_sub(1);
            Effect::None
        }
        other => update_main(state, other),
    }
}

/// What every screen that lists items can do to the selected one.
fn update_item(state: &mut AppState, action: Action) -> Effect {
    match action {
        Action::AddChild => edit::open_add_child(state),
        Action::Promote => edit::promote_current(state),
        Action::Edit => edit::open_editor(state),
        Action::CheckIn => edit::open_check_in(state),
        Action::ToggleDone => edit::toggle_done(state),
        Action::Delete => edit::ask_delete(state),
        Action::CycleStatus => edit::cycle_status(state),
        Action::Reschedule => edit::open_reschedule(state),
        Action::CycleImportance => edit::cycle_level(state, edit::Level::Importance),
        Action::CycleUrgency => edit::cycle_level(state, edit::Level::Urgency),
        Action::NewGoal => edit::open_new_goal(state),
        _ => Effect::None,
    }
}

fn update_agenda(state: &mut AppState, action: Action) -> Effect {
    let rows = state.agenda_ids();
    let page = state.tree_height().max(1) as isize;
    match action {
        Action::MoveDown => _ = state.agenda.step(&rows, 1),
        Action::MoveUp => _ = state.agenda.step(&rows, -1),
        Action::PageDown => _ = state.agenda.step(&rows, page),
        Action::PageUp => _ = state.agenda.step(&rows, -page),
        Action::Top => state.agenda.jump(&rows, false),
        Action::Bottom => state.agenda.jump(&rows, true),
        Action::Open => edit::show_in_tree(state),
        other => return update_item(state, other),
    }
    Effect::None
}

fn update_matrix(state: &mut AppState, action: Action) -> Effect {
    let boxes = state.matrix_ids();
    let q = state.quadrant;
    match action {
        Action::MoveDown => step_in_matrix(state, &boxes, 1),
        Action::MoveUp => step_in_matrix(state, &boxes, -1),
        Action::Top => state.matrix[q].jump(&boxes[q], false),
        Action::Bottom => state.matrix[q].jump(&boxes[q], true),
        Action::Collapse => state.quadrant = q & !1,
        Action::Expand => state.quadrant = q | 1,
        Action::Open => edit::show_in_tree(state),
        other => return update_item(state, other),
    }
    Effect::None
}

/// Moves within a box; past its bottom goes to the box below, past its top to the box above.
fn step_in_matrix(
    state: &mut AppState,
    boxes: &[Vec<Option<crate::model::ItemId>>; 4],
    delta: isize,
) {
    let q = state.quadrant;
    if state.matrix[q].step(&boxes[q], delta) {
        return;
    }
    let next = if delta > 0 { q + 2 } else { q.wrapping_sub(2) };
    if next < 4 {
        state.quadrant = next;
        state.matrix[next].jump(&boxes[next], delta < 0);
    }
}
