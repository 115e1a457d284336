//! Running the terminal UI: reading settings and data before the terminal is touched, taking
//! and restoring the terminal (on quit, panic, signals, suspend and the external editor), and
//! the event loop that turns events into updates and their effects, and draws.

use super::action::{Action, Effect};
use super::core::Clock;
use super::state::AppState;
use super::{demo, editor, signals, update};
use crate::store::{self, Store};
use anyhow::{Context, Result};
use chrono::NaiveDate;
use crossterm::event;
use std::path::Path;

/// How the app was asked to start.
pub struct Options<'a> {
    pub data_dir: Option<&'a Path>,
    pub demo: bool,
    pub no_mouse: bool,
    pub config: Option<&'a Path>,
    /// Today was given on the command line: it does not move at midnight.
    pub fixed_day: bool,
    /// Opens the data directory before the terminal is touched (the command line's, which
    /// offers to restore a backup when plan.json is damaged).
    pub open: fn(&Path, NaiveDate) -> Result<(Store, crate::model::Plan)>,
}

/// Applies the user's settings to a fresh state; returns whether the mouse is wanted.
fn apply_settings(state: &mut AppState, settings: crate::config::Config, no_mouse: bool) -> bool {
    state.settings.keymap = settings.keymap;
    state.settings.palette = settings.palette;
    state.settings.week_start = settings.week_start;
    state.settings.date_format = settings.date_format;
    state.settings.device = crate::sync::device::name(settings.device.as_deref());
    state.settings.calendar = settings.calendar.clone();
    state.settings.review_day = settings.review_day;
    state.settings.step_back = settings.step_back;
    settings.mouse && !no_mouse
}

/// Reads the settings and the data, then runs the terminal UI until the user quits. The plan
/// is loaded before the terminal is touched, so a load error prints plainly.
pub fn run_tui(options: &Options, today: NaiveDate) -> Result<()> {
    ensure_terminal()?;
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
    let (mut store, plan) = (options.open)(&dir, today)?;
    let mut state = AppState::new(plan, today);
    state.core.set_scope(store::read_view(&dir));
    state.settle();
    if !options.fixed_day {
        state.session.clock = Clock::Local;
    }
    let mouse = apply_settings(&mut state, settings, options.no_mouse);
    if let Some(first) = problems.first() {
        state.error(format!("Config: {first} (goalcoach config shows all)"));
    }
    // https://no-color.org: any non-empty NO_COLOR turns colour off.
    state.settings.colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    state.session.read_only = store.read_only_reason();
    let notices = store.notices();
    for notice in &notices {
        eprintln!("goalcoach: {notice}");
    }
    if let Some(first) = notices.into_iter().next() {
        state.error(first);
    }
    state.session.no_job_control = !signals::has_job_control();
    if let Some(home) = directories::BaseDirs::new() {
        state.session.rescue_dir = home.home_dir().to_path_buf();
    }
    state.session.location = if demo {
        "demo plan (not your data)".into()
    } else {
        store.plan_path().display().to_string()
    };
    super::perform(Effect::LookForCopies, &mut state, &mut store);
    if state.overlay.is_none() {
        super::guided::offer_on_start(&mut state.core);
    }
    run_terminal(&mut state, &mut store, mouse)
}

/// The app draws on a terminal: with standard input or output not one (a pipe, a file,
/// `</dev/null`, cron), or a terminal that cannot draw (`TERM=dumb`), it says so and points
/// to the commands instead of writing escape codes where they do not belong.
fn ensure_terminal() -> Result<()> {
    use std::io::IsTerminal;
    let commands = "The commands work without one: goalcoach list, agenda, add, done, \
                    review --print (goalcoach --help lists them all).";
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "the app needs a terminal to draw in, and standard input or output is not one. \
             {commands}"
        );
    }
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        anyhow::bail!("this terminal (TERM=dumb) cannot draw the app. {commands}");
    }
    Ok(())
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
    super::test_hooks::panic_now();
    let result = event_loop(&mut terminal, state, store, mouse);
    restore_terminal();
    if let Some(farewell) = &state.session.farewell {
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
            let effect = super::handle_event(state, &event);
            super::perform(effect, state, store)
        };
        match effect {
            Effect::EditText(text) => {
                let result = with_terminal_released(terminal, mouse, || editor::edit_text(&text))?;
                let effect = update::update(state, Action::EditorDone(result));
                super::perform(effect, state, store);
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
    let Some(now) = state.session.clock.today() else {
        return;
    };
    if now != state.today() {
        state.set_today(now);
        store.set_today(now);
    }
}
