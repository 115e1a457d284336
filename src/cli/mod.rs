//! The command line: flags and subcommands (clap), and running each subcommand against the
//! store. Output goes to stdout, errors to stderr with exit code 1 (see `main.rs`).

use crate::model::{Num, Plan};
use crate::report;
use crate::store::{self, Store};
use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};

mod admin;
mod args;
pub mod calendar;
mod complete;
mod edits;
mod items;
mod manual;
mod measures;
mod reads;
pub use admin::open_for_app;
pub use args::{AddArgs, CheckinArgs};
use edits::{add, checkin, edit};
use items::{DoneArgs, EditArgs, MoveArgs, StatusArgs};

/// Plan your career the way a good coach would: SMART goals, milestones, action steps,
/// check-ins and a weekly review, in the terminal. Run without a command to open the app.
#[derive(Debug, Parser)]
#[command(name = "goalcoach", version, about, long_about = None)]
pub struct Cli {
    /// Keep the data in DIR instead of the default data directory.
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Open a sample plan in a temporary directory, to look around without touching your data.
    #[arg(long)]
    pub demo: bool,

    /// Leave the mouse to the terminal (no click to select, no wheel scrolling), so text can
    /// be selected and copied as usual.
    #[arg(long)]
    pub no_mouse: bool,

    /// Read settings from FILE instead of the default config file.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Pretend today is DATE (YYYY-MM-DD); for trying out schedules and for tests.
    #[arg(long, global = true, value_name = "DATE", hide = true)]
    pub today: Option<NaiveDate>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do instead of opening the app.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add a goal, or with --under a milestone or step.
    Add(AddArgs),
    /// Print one goal, milestone or step in full, as the app's details pane shows it.
    Show {
        /// Its number, as `goalcoach list` shows it (12 or #12).
        id: Num,
        /// Print JSON instead: the item as plan.json holds it (docs/cli-json.md).
        #[arg(long)]
        json: bool,
    },
    /// Two-way sync with a calendar folder (a vdir vdirsyncer carries to CalDAV and a phone).
    #[command(subcommand)]
    Calendar(calendar::CalendarCommand),
    /// Print what is overdue or due today and whether the weekly review is due; exit status 3
    /// when nothing is (for a desktop timer or cron).
    Remind {
        /// Also send it as a desktop notification (notify-send).
        #[arg(long)]
        notify: bool,
    },
    /// Print the goal tree with status, progress, pace, due dates and SMART gaps.
    List {
        /// Print JSON instead (docs/cli-json.md).
        #[arg(long)]
        json: bool,
    },
    /// Print the focus goals; what is overdue, due today, this week, next week and later;
    /// next actions; what was done today; stalled and stuck goals.
    Agenda(AgendaArgs),
    /// Print this week's review draft: since last week, wins, goals due, stuck items, commitments.
    Review {
        /// Print the draft as text (the guided review itself is on the app's Review screen).
        #[arg(long)]
        print: bool,
        /// Print the monthly or quarterly step back instead: where it stands, the
        /// satisfaction trend and what the latest one decided.
        #[arg(long)]
        step_back: bool,
        /// Print JSON instead (docs/cli-json.md).
        #[arg(long, conflicts_with = "step_back")]
        json: bool,
    },
    /// Record a check-in on a goal: the measure's value, confidence, a note.
    Checkin(CheckinArgs),
    /// Mark a goal, milestone or step done (a repeating step moves on to its next date).
    Done(DoneArgs),
    /// Set a goal's status: active, hold, drop or done.
    Status(StatusArgs),
    /// One page for a 1:1 with a coach, mentor or manager: each active goal's standing and
    /// measures then → now, milestones reached, commitments kept, what got in the way,
    /// changes of course, achievements and feedback since a day.
    Brief {
        /// From this day (default: four weeks ago).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        #[arg(long, value_enum, default_value_t = BriefFormat::Markdown)]
        format: BriefFormat,
    },
    /// A goal's measures (key results): add, list, edit, delete.
    #[command(subcommand)]
    Measure(measures::MeasureCommand),
    /// Change an item's title, date, ratings, notes, repetition or measure.
    Edit(EditArgs),
    /// Delete an item and everything under it (the day's backup keeps a copy).
    Delete {
        /// The item's number, as `goalcoach list` shows it.
        id: Num,
    },
    /// Move an item under another goal or milestone, or up or down among its siblings.
    Move(MoveArgs),
    /// Write the plan as JSON, Markdown, iCalendar (ics), CSV or taskwarrior tasks.
    Export(ExportArgs),
    /// Bring in a goalcoach JSON file (another copy of this plan is merged by id, nothing
    /// replaced), a taskwarrior `task export`, or an outline: Markdown (`#` goal, `##`
    /// milestone, list items steps; `[x]` done, `📅` dates) or org-mode (`*` headlines, TODO,
    /// DEADLINE). What is already in the plan is not added again.
    Import {
        /// The file to read; `-` reads standard input (`task export | goalcoach import -`).
        file: PathBuf,
    },
    /// List the backups, or restore one (the current plan is kept as a backup first).
    Restore {
        /// Which backup: its number in the list (1 is the newest) or its file.
        which: Option<String>,
    },
    /// Print where the plan file lives.
    Path,
    /// Share the plan between computers through git: commit, fetch, merge by id, push.
    Sync(crate::sync::SyncArgs),
    /// Merge two copies of a plan by id (git's merge driver: `goalcoach merge %O %A %B`);
    /// the result is written into OURS.
    Merge {
        /// Their last common version (may be empty: then the copies share no history).
        base: PathBuf,
        /// This copy; the merged plan is written here.
        ours: PathBuf,
        /// The other copy.
        theirs: PathBuf,
    },
    /// Print a shell completion script: `goalcoach completions bash > /etc/bash_completion.d/goalcoach`.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `goalcoach man > goalcoach.1`.
    Man,
    /// Say where the config file is and whether it reads well; --print-default prints one
    /// with every setting and key at its default.
    Config {
        /// Print a documented config file with the defaults.
        #[arg(long)]
        print_default: bool,
    },
}

/// Arguments of `goalcoach agenda`.
#[derive(Debug, clap::Args)]
pub struct AgendaArgs {
    /// Only what is overdue, one line each; exit status 3 when nothing is.
    #[arg(long, conflicts_with = "due_today")]
    pub overdue: bool,
    /// Only what is overdue or due today, one line each; exit status 3 when nothing is.
    #[arg(long)]
    pub due_today: bool,
    /// Print JSON instead (docs/cli-json.md).
    #[arg(long)]
    pub json: bool,
}

/// The exit status of `agenda --overdue` / `--due-today` when nothing is due (0: something
/// is; 1: an error), so a prompt or a cron job can tell "nothing to do" from a failure.
pub const NOTHING_DUE: u8 = 3;

/// Ends a command with an exit status of its own and no message.
#[derive(Debug)]
pub struct ExitStatus(pub u8);

impl std::fmt::Display for ExitStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "exit status {}", self.0)
    }
}

impl std::error::Error for ExitStatus {}

/// How `brief` writes.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BriefFormat {
    Markdown,
    Text,
}

/// Export formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// The whole plan, as plan.json holds it (`import` merges it back by id).
    Json,
    /// A readable plan to share with a coach: goals, SMART cards, checklists (`import` reads it back).
    Markdown,
    /// iCalendar: goal deadlines and milestone targets as all-day events, open steps as to-dos.
    Ics,
    /// One row per step, for spreadsheets.
    Csv,
    /// The steps as taskwarrior tasks (`task import`), the goal as project.
    Taskwarrior,
    /// An org-mode outline Emacs reads (TODO/DONE, DEADLINE, CLOSED, tags, ids); `import` reads it back.
    Org,
}

/// Arguments of `goalcoach export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: ExportFormat,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// CSV only: start with a byte order mark, so spreadsheets read accents right.
    #[arg(long)]
    pub bom: bool,
}

/// A data directory named on the command line (or in `GOALCOACH_DATA_DIR`) that is not
/// there is most likely mistyped: a command that only reads says so instead of reporting an
/// empty plan. (Commands that write create it, as on a first run.)
pub fn check_named_dir(command: &Command, dir: &Path) -> Result<()> {
    let reads = matches!(
        command,
        Command::List { .. }
            | Command::Show { .. }
            | Command::Remind { .. }
            | Command::Agenda(_)
            | Command::Review { .. }
            | Command::Export(_)
            | Command::Brief { .. }
    );
    if reads && !dir.exists() {
        anyhow::bail!(
            "{} does not exist: is the data directory mistyped? Nothing was read or created \
             (goalcoach path shows where the plan is).",
            dir.display()
        );
    }
    Ok(())
}

/// Runs a subcommand against the data in `dir`.
pub fn run(command: Command, dir: &Path, today: NaiveDate, config: Option<&Path>) -> Result<()> {
    let (settings, problems) = crate::config::load(config)?;
    if !matches!(command, Command::Config { .. }) {
        problems.iter().for_each(|p| eprintln!("goalcoach: {p}"));
    }
    if matches!(
        command,
        Command::List { .. } | Command::Agenda(_) | Command::Review { .. } | Command::Add(_)
    ) && let Some(note) = crate::sync::copies::notice(dir)
    {
        eprintln!("goalcoach: {note}");
    }
    match command {
        Command::Path => emit(format!("{}\n", dir.join(store::PLAN_FILE).display())),
        Command::List { json } => reads::print_list(dir, today, &settings, json),
        Command::Calendar(command) => calendar::run(dir, today, &settings, &command),
        Command::Remind { notify } => calendar::remind(dir, today, &settings, notify),
        Command::Show { id, json } => reads::show(dir, today, &settings, (id, json)),
        Command::Agenda(args) => reads::print_agenda(dir, today, settings.week_start, &args),
        Command::Export(args) => reads::export(dir, today, &args),
        Command::Add(args) => edit(dir, today, |plan| add(plan, &args, today)),
        Command::Checkin(args) => edit(dir, today, |plan| checkin(plan, &args, today)),
        Command::Done(args) => edit(dir, today, |plan| items::done(plan, &args, today)),
        Command::Status(args) => edit(dir, today, |plan| items::status(plan, &args, today)),
        Command::Brief { since, format } => {
            reads::print_brief(dir, today, since.as_deref(), format)
        }
        Command::Measure(measures::MeasureCommand::List { goal }) => {
            reads::list_measures(dir, goal)
        }
        Command::Measure(command) => edit(dir, today, |plan| measures::run(plan, &command, today)),
        Command::Edit(args) => edit(dir, today, |plan| items::edit_item(plan, &args, today)),
        Command::Delete { id } => edit(dir, today, |plan| items::delete(plan, id)),
        Command::Move(args) => edit(dir, today, |plan| items::move_item(plan, &args)),
        Command::Import { file } => edit(dir, today, |plan| {
            crate::import::import_file(plan, &file, today)
        }),
        Command::Restore { which } => admin::restore(dir, today, which.as_deref()),
        Command::Sync(args) => sync_command(dir, today, &settings, &args),
        Command::Merge { base, ours, theirs } => {
            let device = crate::sync::device::name(settings.device.as_deref());
            let summary = crate::sync::merge_files(&base, &ours, &theirs, &device)?;
            eprintln!("goalcoach merge: {summary}");
            Ok(())
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            emit(complete::script(&mut cmd, shell))
        }
        Command::Review {
            step_back, json, ..
        } => reads::print_review(dir, today, &settings, (step_back, json)),
        Command::Config { print_default } => admin::show_config(config, print_default, &problems),
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            emit(manual::page(&cmd).context("cannot render the manual page")?)
        }
    }
}

/// `goalcoach sync`, and the calendar sync after it when a folder is configured.
fn sync_command(
    dir: &Path,
    today: NaiveDate,
    settings: &crate::config::Config,
    args: &crate::sync::SyncArgs,
) -> Result<()> {
    let device = crate::sync::device::name(settings.device.as_deref());
    let said = crate::sync::run(dir, today, args, &device)?;
    emit(format!(
        "{}\n",
        calendar::after_sync(dir, today, settings, args, said)
    ))
}

/// Writes command output to stdout. A reader that went away (`goalcoach list | head`) is not
/// an error; any other write failure is.
fn emit(text: impl AsRef<[u8]>) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_ref()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("cannot write to standard output")
        }
        _ => Ok(()),
    }
}

/// Writes command output to stdout, with anything that could act on the terminal (escape
/// sequences, C1 controls, bidi overrides) taken out of text.
fn emit_text(text: &str) -> Result<()> {
    emit(crate::model::text::printable(text).as_bytes())
}

/// The plan, for a command that only reads: nothing is created or locked.
fn read(dir: &Path) -> Result<Plan> {
    let (plan, notices) = store::read_plan(dir)?;
    for notice in notices {
        eprintln!("goalcoach: {notice}");
    }
    Ok(plan)
}

fn open(dir: &Path, today: NaiveDate) -> Result<(Store, Plan)> {
    let (store, plan) = Store::open(dir, today)?;
    for notice in store.notices() {
        eprintln!("goalcoach: {notice}");
    }
    Ok((store, plan))
}
