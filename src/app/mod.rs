//! The interactive app. Data flows one way: key → keymap → `Action` → `update` → `Effect`
//! → `effects::perform` (I/O only), whose result comes back to `update` as
//! `Action::Reply` → draw. The layers, bottom up: `action` (intents, effects, the list of
//! screens), `outcome` (what file work found) and `change` (an edit on its way); `forms`
//! (the one form mechanism, pure); `doc` (the plan and its history) and `overlay`; `core`
//! (what every screen shares, and the one commit path); `items`, `guided`, `form_keys` and
//! `results` (what every list and every form does, the guided walks that chain forms, and
//! what file work's results mean); `screens` (one module per screen); `state` (core +
//! screens); `update` (routing); `effects` and `run` (file work and the terminal). No
//! module imports one above it.

pub mod action;
pub mod change;
pub mod conflicts;
pub mod core;
pub mod demo;
pub mod doc;
mod editor;
pub mod effects;
mod form_keys;
pub mod forms;
pub mod guided;
mod item_prompts;
pub mod items;
pub mod outcome;
pub mod overlay;
mod results;
mod run;
pub mod screens;
mod signals;
pub mod state;
mod test_hooks;
pub mod update;

pub use run::{Options, run_tui};

use action::{Action, Effect};
use crossterm::event::{Event, KeyEvent, MouseButton, MouseEventKind};
use state::AppState;

/// Carries out `effect` and what it leads to: each piece of file work hands its result back
/// as `Action::Reply`, which `update` applies and which may ask for more (a merged copy is
/// then saved and put away). Returns what is left for the terminal loop: the editor,
/// suspending, quitting, or nothing.
pub fn perform(effect: Effect, state: &mut AppState, store: &mut crate::store::Store) -> Effect {
    let mut effect = effect;
    // A reply asks for one more piece of work at most; the bound only stops a bug looping.
    for _ in 0..8 {
        let Some(outcome) = effects::perform(effect.clone(), &state.core, store) else {
            return effect;
        };
        effect = update::update(state, Action::Reply(Box::new(outcome)));
    }
    Effect::None
}

/// Turns a key press into an action through the keymap and applies it. A key that means
/// nothing on a screen says so, and where to find what does; on a terminal too small to
/// draw in, only quitting and answering the question shown there work.
pub fn handle_key(state: &mut AppState, key: &KeyEvent) -> Effect {
    let layer = state.layer();
    let (w, h) = state.session.size;
    let blind = !crate::layout::fits(ratatui::layout::Rect::new(0, 0, w, h));
    match state.settings.keymap.action_for(layer, key) {
        // Nothing but a question shows on a terminal too small to draw in: keys typed blind
        // do nothing, but quitting and answering that question still work.
        Some(action)
            if blind && action != Action::Quit && layer != crate::keymap::Layer::Confirm =>
        {
            Effect::None
        }
        None if blind => Effect::None,
        Some(action) => update::update(state, action),
        None => {
            if let Some(key) = crate::keymap::printable(key)
                && layer.is_screen()
            {
                let help = state.key(crate::keymap::Layer::Global, &Action::ToggleHelp);
                let screen = state.screen.title();
                state.info(format!(
                    "{key} does nothing on the {screen} screen; {help} lists what does."
                ));
            }
            Effect::None
        }
    }
}

/// Turns any terminal event into an action and applies it.
pub fn handle_event(state: &mut AppState, event: &Event) -> Effect {
    match event {
        Event::Key(key) => handle_key(state, key),
        Event::Paste(text) if state.layer().takes_text() => {
            update::update(state, Action::Insert(text.clone()))
        }
        Event::Resize(w, h) => update::update(state, Action::Resize(*w, *h)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                update::update(state, Action::Click(mouse.column, mouse.row))
            }
            MouseEventKind::ScrollDown => update::update(state, Action::Scroll(3)),
            MouseEventKind::ScrollUp => update::update(state, Action::Scroll(-3)),
            _ => Effect::None,
        },
        _ => Effect::None,
    }
}
