//! The `goalcoach` binary: parses the command line and hands over to a subcommand or the app.

use anyhow::Result;
use clap::Parser;
use goalcoach::cli::{self, Cli};
use goalcoach::store;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.downcast_ref::<cli::ExitStatus>().is_some() => {
            ExitCode::from(e.downcast_ref::<cli::ExitStatus>().map_or(1, |s| s.0))
        }
        Err(e) => {
            eprintln!("goalcoach: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let today = cli
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let config = goalcoach::config::config_path(cli.config.as_deref());
    match cli.command {
        Some(_) if cli.demo => anyhow::bail!(
            "--demo opens the app on a sample plan in a temporary directory and goes with no \
             command; run `goalcoach --demo` to look around, or leave --demo out to work on \
             your plan (nothing was read or changed)"
        ),
        Some(command) => {
            let dir = store::data_dir(cli.data_dir.as_deref())?;
            let named = cli.data_dir.is_some()
                || std::env::var_os(store::DATA_DIR_ENV).is_some_and(|v| !v.is_empty());
            if named {
                cli::check_named_dir(&command, &dir)?;
            }
            cli::run(command, &dir, today, config.as_deref())
        }
        None => {
            let options = goalcoach::app::Options {
                data_dir: cli.data_dir.as_deref(),
                demo: cli.demo,
                no_mouse: cli.no_mouse,
                config: config.as_deref(),
                fixed_day: cli.today.is_some(),
                open: cli::open_for_app,
            };
            goalcoach::app::run_tui(&options, today)
        }
    }
}
