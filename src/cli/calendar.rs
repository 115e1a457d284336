//! `goalcoach calendar sync` (the two-way sync with a calendar folder, see `calendar`) and
//! `goalcoach remind` (what is due now, for a desktop timer or cron).

use super::{ExitStatus, NOTHING_DUE, emit, open, read};
use crate::config::Config;
use crate::model::agenda::Bucket;
use anyhow::{Result, bail};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// `goalcoach calendar …`.
#[derive(Debug, clap::Subcommand)]
pub enum CalendarCommand {
    /// Write every dated step, milestone, deadline and the weekly review to the calendar
    /// folder (a vdir), after reading back what changed there: done, due days, titles, new
    /// to-dos (into the Inbox goal). vdirsyncer carries the folder to a CalDAV server.
    Sync {
        /// The folder; else `[calendar] vdir` in the configuration.
        #[arg(long, value_name = "DIR")]
        vdir: Option<PathBuf>,
    },
}

/// The calendar sync's settings from the command line and the configuration.
pub fn settings(
    config: &Config,
    vdir: Option<&Path>,
    plan: &crate::model::Plan,
) -> Result<crate::calendar::Settings> {
    let Some(vdir) = vdir
        .map(Path::to_path_buf)
        .or_else(|| config.calendar.vdir.clone())
    else {
        bail!(
            "no calendar folder: pass --vdir DIR, or set `vdir` under [calendar] in the \
             configuration (README: On your phone)"
        );
    };
    Ok(crate::calendar::Settings {
        vdir,
        reminder: config.calendar.reminder,
        review_day: plan.profile.review_weekday().unwrap_or(config.review_day),
    })
}

/// Runs `goalcoach calendar sync`.
pub(super) fn run(
    dir: &Path,
    today: NaiveDate,
    config: &Config,
    command: &CalendarCommand,
) -> Result<()> {
    let CalendarCommand::Sync { vdir } = command;
    let said = sync(dir, today, config, vdir.as_deref())?;
    emit(format!("{said}\n"))
}

/// The calendar sync, holding the plan's lock; what it did in one line.
pub fn sync(dir: &Path, today: NaiveDate, config: &Config, vdir: Option<&Path>) -> Result<String> {
    let (mut store, mut plan) = open(dir, today)?;
    if let Some(holder) = store.read_only_reason() {
        bail!("the calendar was not synced: {holder}");
    }
    let settings = settings(config, vdir, &plan)?;
    let device = crate::sync::device::name(config.device.as_deref());
    crate::calendar::sync_holding(&mut store, &mut plan, &settings, today, &device)
}

/// What `goalcoach sync` says, with the calendar sync that follows it when a calendar folder
/// is configured (its failure is said; the git sync stands).
pub(super) fn after_sync(
    dir: &Path,
    today: NaiveDate,
    config: &Config,
    args: &crate::sync::SyncArgs,
    said: String,
) -> String {
    if config.calendar.vdir.is_none() || args.init || args.merge_copies {
        return said;
    }
    match sync(dir, today, config, None) {
        Ok(cal) => format!("{said}\n{cal}"),
        Err(e) => format!("{said}\ncalendar not synced: {e:#}"),
    }
}

/// `goalcoach remind`: what is overdue or due today and whether the weekly review is due, as
/// lines (and, with `notify`, as a desktop notification through `notify-send`); exit status
/// 3 and nothing printed when nothing is.
pub(super) fn remind(dir: &Path, today: NaiveDate, config: &Config, notify: bool) -> Result<()> {
    let plan = read(dir)?;
    let mut text = crate::report::due_lines(
        &plan,
        today,
        config.week_start,
        &[Bucket::Overdue, Bucket::Today],
    );
    let review_day = plan.profile.review_weekday().unwrap_or(config.review_day);
    use crate::model::weekly::{ReviewState, schedule};
    match schedule(&plan, today, review_day) {
        ReviewState::Due { anchor } => {
            text.push_str(&format!("The weekly review of {anchor} is due.\n"))
        }
        ReviewState::InProgress { anchor, .. } => text.push_str(&format!(
            "The weekly review of {anchor} is waiting to be finished.\n"
        )),
        _ => {}
    }
    if text.is_empty() {
        return Err(ExitStatus(NOTHING_DUE).into());
    }
    if notify {
        notify_desktop(&text);
    }
    emit(text)
}

/// Sends `text` as a desktop notification when `notify-send` is there (quietly not, when not).
fn notify_desktop(text: &str) {
    let sent = std::process::Command::new("notify-send")
        .args(["--app-name=goalcoach", "goalcoach", text])
        .stdin(std::process::Stdio::null())
        .status();
    if !sent.is_ok_and(|s| s.success()) {
        eprintln!("goalcoach: notify-send is not there or failed; the reminder is printed instead");
    }
}
