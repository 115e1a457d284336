//! The interactive app: state, actions, the one update, and the loop that ties them to the
//! terminal and the store. Data flows one way: key → keymap → Action → update → Effect → draw.

pub mod action;
pub mod demo;
mod edit;
mod editor;
pub mod form;
mod forms;
pub mod input;
pub mod lists;
mod nav;
pub mod profile;
pub mod review;
mod search;
pub mod state;
pub mod tree;
pub mod update;

use crate::keymap;
use crate::store::{self, Store};
use action::Action;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use crossterm::event::{self, Event, KeyEvent, MouseButton, MouseEventKind};
use state::AppState;
use std::path::Path;
use update::Effect;

/// Turns a key press into an action through the keymap and applies it.
pub fn handle_key(state: &mut AppState, key: &KeyEvent) -> Effect {
    match state.keymap.action_for(state.layer(), key) {
        Some(action) => update::update(state, action),
        None => Effect::None,
    }
}

/// Turns any terminal event into an action and applies it.
pub fn handle_event(state: &mut AppState, event: &Event) -> Effect {
    match event {
        Event::Key(key) => handle_key(state, key),
        Event::Paste(text) if state.layer() != keymap::Layer::Main => {
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

/// Writes the plan after a change; a failure is shown and kept until a save succeeds.
pub fn save(state: &mut AppState, store: &mut Store) {
    match store.save(&state.plan) {
        Ok(()) => state.save_error = None,
        Err(e) => {
            let mut text = e.to_string();
            if matches!(e, store::SaveError::Conflict { .. }) {
                let reload = state.keymap.key_for(keymap::Layer::Main, &Action::Reload);
                text.push_str(&format!(". Press {reload} to load the file from disk."));
            }
            state.error(text.clone());
            state.save_error = Some(text);
        }
    }
}

fn reload(state: &mut AppState, store: &mut Store) {
    match store.reload() {
        Ok(plan) => {
            state.replace_plan(plan);
            state.save_error = None;
            state.info(format!("Reloaded {}.", store.plan_path().display()));
        }
        Err(e) => state.error(e.to_string()),
    }
}

/// How the app was asked to start.
pub struct Options<'a> {
    pub data_dir: Option<&'a Path>,
    pub demo: bool,
    pub no_mouse: bool,
    pub config: Option<&'a Path>,
}

/// Applies the user's settings to a fresh state; returns whether the mouse is wanted.
fn apply_settings(state: &mut AppState, settings: crate::config::Config, no_mouse: bool) -> bool {
    state.keymap = settings.keymap;
    state.theme = settings.theme;
    state.week_start = settings.week_start;
    state.date_format = settings.date_format;
    state.review_day = settings.review_day;
    settings.mouse && !no_mouse
}

/// Reads the settings and the data, then runs the terminal UI until the user quits. The plan
/// is loaded before the terminal is touched, so a load error prints plainly.
pub fn run_tui(options: &Options, today: NaiveDate) -> Result<()> {
    let (settings, problems) = crate::config::load(options.config)?;
    problems.iter().for_each(|p| eprintln!("goalcoach: {p}"));
    let (data_dir, demo) = (options.data_dir, options.demo);
    let demo_dir = if demo {
        Some(demo::prepare(today)?)
    } else {
        None
    };
    let dir = match &demo_dir {
        Some(tmp) => tmp.path().to_path_buf(),
        None => store::data_dir(data_dir)?,
    };
    let (mut store, plan) = match Store::open(&dir, today) {
        Ok(opened) => opened,
        Err(e) if e.is_damaged_file() => offer_newest_good_backup(&dir, today, e)?,
        Err(e) => return Err(e.into()),
    };
    let mut state = AppState::new(plan, today);
    let mouse = apply_settings(&mut state, settings, options.no_mouse);
    if let Some(first) = problems.first() {
        state.error(format!("Config: {first} (goalcoach config shows all)"));
    }
    // https://no-color.org: any non-empty NO_COLOR turns colour off.
    state.colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    state.read_only = store.read_only_reason();
    state.location = if demo {
        "demo plan (not your data)".into()
    } else {
        store.plan_path().display().to_string()
    };
    run_terminal(&mut state, &mut store, mouse)
}

/// When plan.json cannot be read, finds the newest backup that can and offers to restore it
/// (keeping the damaged file as a backup). Asked on the plain terminal, before the app starts.
fn offer_newest_good_backup(
    dir: &Path,
    today: NaiveDate,
    damage: store::LoadError,
) -> Result<(Store, crate::model::Plan)> {
    use std::io::{BufRead, IsTerminal, Write};
    let mut store = Store::open_unloaded(dir, today)?;
    let good = store.backups().into_iter().find_map(|path| {
        let bytes = std::fs::read(&path).ok()?;
        let plan = store::parse_plan(&path, &bytes).ok()?;
        Some((path, plan.goals.len()))
    });
    let Some((backup, goals)) = good.filter(|_| std::io::stdin().is_terminal()) else {
        return Err(damage.into());
    };
    eprintln!("goalcoach: {damage}\n");
    eprint!(
        "The newest backup that reads fine is {} ({goals} goals).\nRestore it now? The damaged file is kept in backups/. [y/N] ",
        backup.display()
    );
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .context("cannot read the answer")?;
    if !answer.trim().eq_ignore_ascii_case("y") {
        return Err(damage.into());
    }
    let plan = store.restore(&backup)?;
    Ok((store, plan))
}

/// Puts the terminal back the way it was: main screen, no paste mode, cursor shown.
fn restore_terminal() {
    let _ = crossterm::execute!(
        std::io::stdout(),
        event::DisableBracketedPaste,
        event::DisableMouseCapture,
        crossterm::cursor::Show
    );
    ratatui::restore();
}

/// On SIGTERM, SIGHUP or SIGQUIT the terminal is restored before the process ends. Nothing
/// is lost: every change was written before the next key was read.
#[cfg(unix)]
fn restore_terminal_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGQUIT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGQUIT]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore_terminal();
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(not(unix))]
fn restore_terminal_on_signals() {}

fn run_terminal(state: &mut AppState, store: &mut Store, mouse: bool) -> Result<()> {
    restore_terminal_on_signals();
    let mut terminal = ratatui::init();
    exit_on_any_panic();
    let _ = crossterm::execute!(std::io::stdout(), event::EnableBracketedPaste);
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), event::EnableMouseCapture);
    }
    panic_for_tests();
    let result = event_loop(&mut terminal, state, store, mouse);
    restore_terminal();
    result
}

/// A panic anywhere restores the terminal (ratatui's hook, installed by `init`), reports,
/// and ends the process: half an app on a restored terminal would only confuse. Every change
/// made before it is already on disk.
fn exit_on_any_panic() {
    let restore_and_report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(
            std::io::stdout(),
            event::DisableBracketedPaste,
            crossterm::cursor::Show
        );
        restore_and_report(info);
        std::process::exit(101);
    }));
}

/// `GOALCOACH_TEST_PANIC=main|thread` makes the app panic once it is running, so the tests
/// can prove the terminal is restored. Not for use otherwise.
fn panic_for_tests() {
    match std::env::var("GOALCOACH_TEST_PANIC").as_deref() {
        Ok("main") => panic!("test panic on the main thread"),
        Ok("thread") => {
            let _ = std::thread::spawn(|| panic!("test panic on another thread")).join();
        }
        _ => {}
    }
}

/// Hands the terminal to another program for the duration of `run`, then takes it back.
fn with_terminal_released<T>(
    terminal: &mut ratatui::DefaultTerminal,
    mouse: bool,
    run: impl FnOnce() -> T,
) -> Result<T> {
    restore_terminal();
    let out = run();
    *terminal = ratatui::init();
    let _ = crossterm::execute!(std::io::stdout(), event::EnableBracketedPaste);
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), event::EnableMouseCapture);
    }
    terminal.clear().context("cannot redraw the terminal")?;
    Ok(out)
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    state: &mut AppState,
    store: &mut Store,
    mouse: bool,
) -> Result<()> {
    let size = terminal.size().context("cannot read the terminal size")?;
    update::update(state, Action::Resize(size.width, size.height));
    loop {
        terminal
            .draw(|frame| crate::ui::draw(frame, state))
            .context("cannot draw to the terminal")?;
        let event = event::read().context("cannot read from the terminal")?;
        match handle_event(state, &event) {
            Effect::None => {}
            Effect::Save => save(state, store),
            Effect::Reload => reload(state, store),
            Effect::WriteCopy(path) => match store::write_copy(&state.plan, &path) {
                Ok(()) => state.info(format!("Wrote a copy of the plan to {}.", path.display())),
                Err(e) => state.error(e.to_string()),
            },
            Effect::EditText(text) => {
                let result = with_terminal_released(terminal, mouse, || editor::edit_text(&text))?;
                update::update(state, Action::EditorDone(result));
            }
            Effect::Quit => return Ok(()),
        }
    }
}
