//! The only place state changes: an action comes in, the layer that has the keyboard (the
//! overlay, the search, or the screen on show) carries it out, and an `Effect` tells the loop
//! what I/O to do. Each arm is one line; the work is in the layer's module.

pub use super::action::Effect;
use super::action::{Action, Screen};
use super::core::Core;
use super::overlay::{Answer, Overlay};
use super::state::AppState;
use super::{form_keys, items, screens};
use crate::keymap::Layer;

/// Applies `action` to `state`, then brings the screens in step with the plan.
pub fn update(state: &mut AppState, action: Action) -> Effect {
    let effect = route(state, action);
    let effect = match effect {
        Effect::ShowInTree(id) => show_in_tree(state, id),
        Effect::Quit => quit_or_ask(&mut state.core),
        other => other,
    };
    state.settle();
    effect
}

fn route(state: &mut AppState, action: Action) -> Effect {
    match action {
        Action::Resize(w, h) => resize(state, w, h),
        Action::Scroll(lines) => scroll(state, lines),
        Action::Click(x, y) => click(state, x, y),
        Action::Reply(outcome) => super::results::apply(&mut state.core, *outcome),
        action => {
            state.status = None;
            route_layer(state, action)
        }
    }
}

fn route_layer(state: &mut AppState, action: Action) -> Effect {
    let layer = state.layer();
    let AppState { core, screens } = state;
    match layer {
        Layer::Help => update_help(core, action),
        Layer::Confirm => answer(core, action),
        Layer::Form => form_keys::update(core, action),
        Layer::Search if matches!(core.overlay, Some(Overlay::Help(_))) => {
            update_help_filter(core, action)
        }
        Layer::Search => screens.goals.update_search(core, action),
        _ => update_screen(core, screens, action),
    }
}

fn resize(state: &mut AppState, w: u16, h: u16) -> Effect {
    state.session.size = (w, h);
    let AppState { core, screens } = state;
    screens.goals.scroll_to_cursor(core);
    Effect::None
}

/// The wheel moves the selection of whatever has the keyboard, three rows a notch.
fn scroll(state: &mut AppState, lines: i8) -> Effect {
    let step = if lines > 0 {
        Action::MoveDown
    } else {
        Action::MoveUp
    };
    for _ in 0..lines.unsigned_abs() {
        let _ = route_layer(state, step.clone());
    }
    Effect::None
}

/// A click on a tab switches screens; a click on a tree row selects it.
fn click(state: &mut AppState, x: u16, y: u16) -> Effect {
    if state.overlay.is_some() {
        return Effect::None;
    }
    if y == 0 {
        let (tabs, current) = state.tabs();
        let width = state.session.size.0;
        if let Some(i) = crate::layout::tab_at(x, width, current, &tabs) {
            show_screen(state, Screen::ALL[i]);
        }
    } else if state.screen == Screen::Goals {
        let AppState { core, screens } = state;
        screens.goals.click(core, x, y);
    }
    Effect::None
}

fn update_help(core: &mut Core, action: Action) -> Effect {
    if action == Action::ToggleHelp {
        core.overlay = None;
        return Effect::None;
    }
    let Some(Overlay::Help(help)) = core.overlay.as_mut() else {
        return Effect::None;
    };
    match action {
        Action::MoveDown => help.scroll = help.scroll.saturating_add(1),
        Action::MoveUp => help.scroll = help.scroll.saturating_sub(1),
        Action::StartSearch => help.typing = true,
        Action::Quit => return Effect::Quit,
        _ => {}
    }
    Effect::None
}

/// Typing the words the help is narrowed to: Enter keeps them, Esc clears them.
fn update_help_filter(core: &mut Core, action: Action) -> Effect {
    let Some(Overlay::Help(help)) = core.overlay.as_mut() else {
        return Effect::None;
    };
    let input = &mut help.filter;
    match action {
        Action::Insert(text) => input.insert(&text),
        Action::DeleteBack => input.delete_back(),
        Action::DeleteWordBack => input.delete_word_back(),
        Action::ClearField => input.clear(),
        Action::CursorLeft => input.left(),
        Action::CursorRight => input.right(),
        Action::AcceptSearch => help.typing = false,
        Action::ClearSearch => {
            *input = Default::default();
            help.typing = false;
        }
        Action::Quit => return Effect::Quit,
        _ => {}
    }
    help.scroll = 0;
    Effect::None
}

/// Carries out the answer to the open question.
fn answer(core: &mut Core, action: Action) -> Effect {
    let Some(Overlay::Question(question)) = core.overlay.take() else {
        return Effect::None;
    };
    match (action, question.on_yes) {
        (Action::Confirm, on_yes) => say_yes(core, on_yes),
        // No to discarding a form goes back to it, as it was.
        (Action::Deny, Answer::Discard(form)) => {
            core.overlay = Some(Overlay::Form(form));
            Effect::None
        }
        (Action::Deny, Answer::ChooseConflict { index, .. }) => {
            super::conflicts::choose(core, index, crate::model::Choice::Kept)
        }
        // Keeping the practice as a habit: the goal is still finished, and celebrated.
        (Action::Deny | Action::Dismiss, Answer::StopPractice(goal)) => {
            items::celebrate(core, goal);
            Effect::None
        }
        (Action::Deny | Action::Dismiss, _) => Effect::None,
        // Quitting again while asked about unsaved changes means it: quit without them.
        (Action::Quit, Answer::RescueAndQuit(_)) => {
            core.session.save_error = None;
            Effect::Quit
        }
        (Action::Quit, _) => Effect::Quit,
        (_, on_yes) => {
            core.overlay = Some(Overlay::Question(super::overlay::Question {
                text: question.text,
                on_yes,
            }));
            Effect::None
        }
    }
}

fn say_yes(core: &mut Core, on_yes: Answer) -> Effect {
    match on_yes {
        Answer::Delete(id) => items::delete(core, id),
        Answer::DeleteEntry(section, index) => screens::profile::delete_entry(core, section, index),
        Answer::Discard(_) => Effect::None,
        Answer::RescueAndQuit(path) => Effect::RescueAndQuit(path),
        Answer::LoadOutsideVersion => Effect::Reload,
        Answer::BringBackOurs(path) => Effect::BringBack(path),
        Answer::ChooseConflict { index, .. } => {
            super::conflicts::choose(core, index, crate::model::Choice::Other)
        }
        Answer::MergeCopy(path) => super::conflicts::merge_copy(core, &path),
        Answer::LogAchievement(id) => items::promote(core, Some(id)),
        Answer::FinishToo(id) => items::toggle_done(core, Some(id)),
        Answer::StopPractice(goal) => items::stop_practice(core, goal),
    }
}

/// What works on every screen; the rest goes to the screen on show.
fn update_screen(core: &mut Core, screens: &mut screens::Screens, action: Action) -> Effect {
    match action {
        Action::ShowScreen(screen) => show(core, screens, screen),
        Action::NextScreen => show(core, screens, core.screen.step(1)),
        Action::PrevScreen => show(core, screens, core.screen.step(-1)),
        Action::ToggleHelp => core.overlay = Some(Overlay::Help(Default::default())),
        Action::Quit => return Effect::Quit,
        Action::Suspend if core.session.no_job_control => {
            let (suspend, quit) = (
                core.key(Layer::Global, &Action::Suspend),
                core.key(Layer::Global, &Action::Quit),
            );
            core.info(format!(
                "{suspend} would stop goalcoach with no shell here to bring it back (no job \
                 control); {quit} quits instead."
            ));
        }
        Action::Suspend => return Effect::Suspend,
        Action::Undo => return core.travel(true),
        Action::Redo => return core.travel(false),
        Action::Reload => return Effect::Reload,
        Action::ChooseConflicts => super::conflicts::ask_next(core),
        Action::ToggleHideDone => return toggle_hide_done(core),
        Action::NextNarrow => return next_narrow(core),
        Action::SaveAgain if core.refuse_read_only() => {}
        Action::SaveAgain => return Effect::Save,
        Action::WriteCopy => {
            core.overlay = Some(Overlay::Form(Box::new(super::forms::prompts::write_copy())))
        }
        Action::Sync if core.refuse_read_only() => {}
        Action::Sync => return Effect::Sync,
        Action::CalendarSync if core.refuse_read_only() => {}
        Action::CalendarSync if core.settings.calendar.vdir.is_none() => core.info(
            "No calendar folder yet: set `vdir` under [calendar] in the configuration \
             (README: On your phone).",
        ),
        Action::CalendarSync => return Effect::CalendarSync,
        other => return screens.update(core, other),
    }
    Effect::None
}

/// Hides done and dropped items on every screen, or shows them again.
fn toggle_hide_done(core: &mut Core) -> Effect {
    let mut scope = core.scope.clone();
    scope.hide_done = !scope.hide_done;
    core.info(if scope.hide_done {
        "Done and dropped items are hidden on every screen."
    } else {
        "Done and dropped items show again."
    });
    core.set_scope(scope);
    Effect::SaveView
}

/// Narrows the goals in view to the next of: short-term, long-term, each tag, all.
fn next_narrow(core: &mut Core) -> Effect {
    let tags = crate::model::view::tags_in_use(&core.plan().goals);
    let mut scope = core.scope.clone();
    scope.narrow = scope.narrow.next(&tags);
    let key = core.key(Layer::Screen(Screen::Goals), &Action::NextNarrow);
    match scope.narrow.label() {
        l if l.is_empty() => core.info("Showing every goal."),
        l => core.info(format!(
            "Showing {l} goals only ({key} again for the next)."
        )),
    }
    core.set_scope(scope);
    Effect::SaveView
}

fn show_screen(state: &mut AppState, screen: Screen) {
    let AppState { core, screens } = state;
    show(core, screens, screen);
}

/// Shows `screen`.
fn show(core: &mut Core, screens: &mut screens::Screens, screen: Screen) {
    core.screen = screen;
    screens.settle(core);
}

/// Goes to the Goals screen with `id` selected in the tree.
fn show_in_tree(state: &mut AppState, id: crate::model::ItemId) -> Effect {
    state.screens.goals.search = None;
    state.screen = Screen::Goals;
    state.select_id(id);
    Effect::None
}

/// Quitting asks first while a change has not reached the disk (a failed save); otherwise
/// it quits at once, since everything is saved.
fn quit_or_ask(core: &mut Core) -> Effect {
    let Some(error) = core.session.save_error.clone() else {
        return Effect::Quit;
    };
    let rescue = core
        .session
        .rescue_dir
        .join(format!("goalcoach-unsaved-{}.json", core.today()));
    let key = |a: Action| core.key(Layer::Confirm, &a);
    let text = format!(
        "Your latest changes are not on disk: {error}\n\n{} writes them to\n{}\n(or, if that \
         file is there, the next free name: -2, -3…) and quits. {} stays here ({} tries saving again, {} writes a copy elsewhere). {} quits without \
         them.",
        key(Action::Confirm),
        rescue.display(),
        key(Action::Deny),
        core.key(Layer::Global, &Action::SaveAgain),
        core.key(Layer::Global, &Action::WriteCopy),
        key(Action::Quit),
    );
    core.ask(text, Answer::RescueAndQuit(rescue));
    Effect::None
}
