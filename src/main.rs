//! The `goalcoach` binary: parses the command line and hands over to a subcommand or the app.

use anyhow::Result;
use clap::Parser;
use goalcoach::cli::{self, Cli};
use goalcoach::store;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
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
    match cli.command {
        Some(command) => {
            let dir = store::data_dir(cli.data_dir.as_deref())?;
            cli::run(command, &dir, today)
        }
        None => goalcoach::app::run_tui(cli.data_dir.as_deref(), cli.demo, !cli.no_mouse, today),
    }
}
