//! The test harness for the app: a state on a fixed day, key presses through the real
//! keymap and update, and frames drawn on ratatui's TestBackend as plain text.
#![allow(dead_code)]

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use goalcoach::app::action::Action;
use goalcoach::app::state::AppState;
use goalcoach::app::update::{Effect, update};
use goalcoach::app::{demo, handle_key};
use goalcoach::model::Plan;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

/// The day every app test lives on (a Saturday).
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

/// An app over `plan` in a terminal of `w` × `h`.
pub fn app(plan: Plan, w: u16, h: u16) -> AppState {
    let mut state = AppState::new(plan, today());
    state.session.location = "~/.local/share/goalcoach/plan.json".into();
    update(&mut state, Action::Resize(w, h));
    state
}

/// An app with no goals yet.
pub fn empty_app(w: u16, h: u16) -> AppState {
    app(Plan::default(), w, h)
}

/// An app over the demo plan.
pub fn demo_app(w: u16, h: u16) -> AppState {
    app(demo::sample_plan(today()), w, h)
}

/// A key as a terminal sends it: uppercase letters carry Shift.
pub fn key(code: KeyCode) -> KeyEvent {
    let modifiers = match code {
        KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
        KeyCode::BackTab => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    KeyEvent::new(code, modifiers)
}

/// Ctrl plus a letter.
pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Ctrl plus any key (arrows, say).
pub fn ctrl_key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::CONTROL)
}

/// Presses one key; returns what the loop would have to do.
pub fn press(state: &mut AppState, event: KeyEvent) -> Effect {
    handle_key(state, &event)
}

/// Types each character of `text` as a key press (a tab as Tab, a newline as Enter);
/// returns the effects that asked for I/O.
pub fn type_keys(state: &mut AppState, text: &str) -> Vec<Effect> {
    text.chars()
        .map(|c| match c {
            '\t' => KeyCode::Tab,
            '\n' => KeyCode::Enter,
            c => KeyCode::Char(c),
        })
        .map(|code| press(state, key(code)))
        .filter(|e| *e != Effect::None)
        .collect()
}

/// Presses Enter.
pub fn enter(state: &mut AppState) -> Effect {
    press(state, key(KeyCode::Enter))
}

/// Draws one frame and returns it as text, one line per row, wide characters counted once.
pub fn render(state: &AppState) -> String {
    let (w, h) = state.session.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| goalcoach::ui::draw(f, state)).unwrap();
    buffer_text(terminal.backend().buffer())
}

/// A buffer as text.
pub fn buffer_text(buffer: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut skip = 0;
        let mut line = String::new();
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = symbol.width().saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Builds a goal → milestone → two steps through the keys, the way a person would.
pub fn build_small_tree(state: &mut AppState) {
    type_keys(state, "n");
    type_keys(state, "Speak at a conference");
    press(state, key(KeyCode::Tab));
    type_keys(state, "2027-03-31");
    enter(state);
    type_keys(state, "a");
    type_keys(state, "Get a talk accepted");
    enter(state);
    type_keys(state, "a");
    type_keys(state, "Write the abstract");
    press(state, key(KeyCode::Tab));
    type_keys(state, "+3d");
    enter(state);
    type_keys(state, "a");
    type_keys(state, "Ask a friend to review it");
    press(state, key(KeyCode::Tab));
    type_keys(state, "2026-11-01");
    enter(state);
}

/// Selects the Goals row titled `wanted` (goals screen, from the top); panics when none is.
pub fn select_title(state: &mut AppState, wanted: &str) {
    type_keys(state, "1g");
    for _ in 0..200 {
        if state.plan().title_of(state.screens.goals.selected.unwrap()) == Some(wanted) {
            return;
        }
        type_keys(state, "j");
    }
    panic!("no row titled {wanted}");
}
