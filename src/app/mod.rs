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
mod signals;
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

/// Writes the plan after a change; a failure is shown and kept until a save succeeds. When
/// the file changed outside, our version is kept in a conflict copy and the person is asked
/// what to do, with both files named in full.
pub fn save(state: &mut AppState, store: &mut Store) {
    slow_saves_for_tests();
    match store.save(&state.plan) {
        Ok(saved) => {
            state.save_error = None;
            state.conflict_copy = None;
            if let Some(message) = saved.message() {
                state.error(message);
            }
        }
        Err(store::SaveError::Conflict { path, copy }) => {
            state.save_error = None;
            state.error(format!(
                "Not saved to {}: it changed outside goalcoach; yours is in {}",
                path.display(),
                copy.display()
            ));
            // Asked once per conflict; later changes go to the same copy without asking.
            if state.conflict_copy.replace(copy.clone()).is_some() {
                return;
            }
            state.question = Some(state::Question {
                text: format!(
                    "{} was changed outside goalcoach (an editor or a sync tool?) since it was \
                     loaded, so it was not overwritten.\n\nYour version, with this change, is \
                     kept in full at\n{}\n\nLoad the version on disk now? Yours stays in that \
                     file, and you can bring it back after.",
                    path.display(),
                    copy.display()
                ),
                on_yes: state::Answer::LoadOutsideVersion,
            });
        }
        Err(e) => {
            let text = e.to_string();
            state.error(text.clone());
            state.save_error = Some(text);
        }
    }
}

/// Reads the plan from disk again (the lock is tried again first: the other goalcoach may
/// have quit). A plan that is gone from disk is never swapped for an empty one.
fn reload(state: &mut AppState, store: &mut Store) {
    let gained_lock = state.read_only.is_some() && store.retry_lock();
    if gained_lock {
        state.read_only = None;
    }
    let path = store.plan_path();
    match store.reload() {
        Ok(Some(plan)) => {
            state.replace_plan(plan);
            state.save_error = None;
            match state.conflict_copy.take() {
                Some(copy) => offer_to_bring_back(state, &path, copy),
                None if gained_lock => state.info(format!(
                    "Reloaded {}; the other goalcoach has closed, so changes are saved again.",
                    path.display()
                )),
                None => state.info(format!("Reloaded {}.", path.display())),
            }
        }
        Ok(None) => state.info(format!(
            "{} is not on disk any more; your plan is still here, and the next change (or {}) \
             writes it again.",
            path.display(),
            state
                .keymap
                .key_for(keymap::Layer::Main, &Action::SaveAgain)
        )),
        Err(e) => state.error(e.to_string()),
    }
}

fn offer_to_bring_back(state: &mut AppState, path: &Path, copy: std::path::PathBuf) {
    state.question = Some(state::Question {
        text: format!(
            "Loaded {} as changed outside goalcoach.\n\nYour version is still kept in full at\n{}\n\n\
             Put yours back in its place? The loaded one is then kept in backups/.",
            path.display(),
            copy.display()
        ),
        on_yes: state::Answer::BringBackOurs(copy),
    });
}

/// Puts our version (a conflict copy) back in place of plan.json, keeping the replaced one.
fn bring_back(state: &mut AppState, store: &mut Store, copy: &Path) {
    match store.restore(copy) {
        Ok(plan) => {
            state.replace_plan(plan);
            // plan.json now holds the copy's bytes, so the copy says nothing new.
            let _ = std::fs::remove_file(copy);
            state.info(format!(
                "Your version is back in {}; the one it replaced is kept in backups/.",
                store.plan_path().display()
            ));
        }
        Err(e) => state.error(format!("{e:#}")),
    }
}

/// Does the file work an effect asks for; returns what is left for the loop (the editor,
/// suspending, quitting).
pub fn perform(effect: Effect, state: &mut AppState, store: &mut Store) -> Effect {
    match effect {
        Effect::Save => save(state, store),
        Effect::Reload => reload(state, store),
        Effect::BringBack(copy) => bring_back(state, store, &copy),
        Effect::WriteCopy(path) => match store::write_copy(&state.plan, &path) {
            Ok(()) => state.info(format!("Wrote a copy of the plan to {}.", path.display())),
            Err(e) => state.error(e.to_string()),
        },
        Effect::RescueAndQuit(path) => match store::write_copy(&state.plan, &path) {
            Ok(()) => {
                state.farewell = Some(format!(
                    "goalcoach: your unsaved changes are in {}",
                    path.display()
                ));
                return Effect::Quit;
            }
            Err(e) => state.error(format!("{e}; nothing was quit")),
        },
        other => return other,
    }
    Effect::None
}

/// How the app was asked to start.
pub struct Options<'a> {
    pub data_dir: Option<&'a Path>,
    pub demo: bool,
    pub no_mouse: bool,
    pub config: Option<&'a Path>,
    /// Today was given on the command line: it does not move at midnight.
    pub fixed_day: bool,
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
    if !options.fixed_day {
        state.clock = state::Clock::Local;
    }
    let mouse = apply_settings(&mut state, settings, options.no_mouse);
    if let Some(first) = problems.first() {
        state.error(format!("Config: {first} (goalcoach config shows all)"));
    }
    // https://no-color.org: any non-empty NO_COLOR turns colour off.
    state.colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    state.read_only = store.read_only_reason();
    let notices = store.notices();
    for notice in &notices {
        eprintln!("goalcoach: {notice}");
    }
    if let Some(first) = notices.into_iter().next() {
        state.error(first);
    }
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

/// Puts the terminal back the way it was: main screen, no paste mode, no mouse tracking,
/// cursor shown.
fn restore_terminal() {
    let _ = crossterm::execute!(
        std::io::stdout(),
        event::DisableBracketedPaste,
        event::DisableMouseCapture,
        crossterm::cursor::Show
    );
    ratatui::restore();
}

fn run_terminal(state: &mut AppState, store: &mut Store, mouse: bool) -> Result<()> {
    signals::install(restore_terminal);
    let mut terminal = ratatui::init();
    exit_on_any_panic();
    take_terminal_modes(mouse);
    panic_for_tests();
    let result = event_loop(&mut terminal, state, store, mouse);
    restore_terminal();
    if let Some(farewell) = &state.farewell {
        eprintln!("{farewell}");
    }
    match result? {
        Some(signal) => std::process::exit(128 + signal),
        None => Ok(()),
    }
}

fn take_terminal_modes(mouse: bool) {
    let _ = crossterm::execute!(std::io::stdout(), event::EnableBracketedPaste);
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), event::EnableMouseCapture);
    }
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
            event::DisableMouseCapture,
            crossterm::cursor::Show
        );
        restore_and_report(info);
        std::process::exit(101);
    }));
}

/// `GOALCOACH_TEST_SAVE_DELAY_MS=N` makes every save wait N ms first, so the tests can send
/// a signal while a save is under way. Not for use otherwise.
fn slow_saves_for_tests() {
    let delay = std::env::var("GOALCOACH_TEST_SAVE_DELAY_MS").ok();
    if let Some(ms) = delay.and_then(|v| v.parse::<u64>().ok()) {
        std::thread::sleep(std::time::Duration::from_millis(ms.min(10_000)));
    }
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
    take_terminal_modes(mouse);
    redraw_all(terminal)?;
    Ok(out)
}

/// Clears the screen and makes the next frame draw every cell. (ratatui's `clear` asks the
/// terminal where its cursor is and waits for an answer; this does not need one.)
fn redraw_all(terminal: &mut ratatui::DefaultTerminal) -> Result<()> {
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    );
    *terminal = ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(std::io::stdout()))
        .context("cannot redraw the terminal")?;
    Ok(())
}

/// How often the loop looks up from waiting for a key: for signals, and for the date.
const TICK: std::time::Duration = std::time::Duration::from_millis(250);

/// Runs until the person quits (`None`) or a signal ends the app (`Some(signal)`). Each key
/// is handled and its change saved while `signals::busy` is held, so no signal cuts a save
/// short.
fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    state: &mut AppState,
    store: &mut Store,
    mouse: bool,
) -> Result<Option<i32>> {
    let size = terminal.size().context("cannot read the terminal size")?;
    update::update(state, Action::Resize(size.width, size.height));
    loop {
        terminal
            .draw(|frame| crate::ui::draw(frame, state))
            .context("cannot draw to the terminal")?;
        let ready = event::poll(TICK).context("cannot read from the terminal")?;
        match signals::take_request() {
            Some(signals::Request::End(signal)) => return Ok(Some(signal)),
            Some(signals::Request::Stop) => suspend(terminal, mouse)?,
            Some(signals::Request::Redraw) => redraw_all(terminal)?,
            None => {}
        }
        follow_the_clock(state, store);
        if !ready {
            continue;
        }
        let event = event::read().context("cannot read from the terminal")?;
        let effect = {
            let _busy = signals::busy();
            let effect = handle_event(state, &event);
            perform(effect, state, store)
        };
        match effect {
            Effect::EditText(text) => {
                let result = with_terminal_released(terminal, mouse, || editor::edit_text(&text))?;
                update::update(state, Action::EditorDone(result));
            }
            Effect::Suspend => suspend(terminal, mouse)?,
            Effect::Quit => return Ok(None),
            _ => {}
        }
    }
}

/// Gives the terminal back and stops (Ctrl-z, SIGTSTP); takes it again when continued.
fn suspend(terminal: &mut ratatui::DefaultTerminal, mouse: bool) -> Result<()> {
    with_terminal_released(terminal, mouse, signals::stop_now)
}

/// Moves today on when the clock passes midnight while the app is open (not when a fixed
/// day was given with `--today`).
fn follow_the_clock(state: &mut AppState, store: &mut Store) {
    let Some(now) = state.clock.today() else {
        return;
    };
    if now != state.today {
        state.set_today(now);
        store.set_today(now);
    }
}
