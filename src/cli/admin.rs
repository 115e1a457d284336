//! The commands about goalcoach's own files rather than the plan: checking the config file
//! (`config`) and bringing back a backup (`restore`).

use super::{ExitStatus, emit, report};
use crate::store::{self, Store};
use anyhow::{Context, Result};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

pub(super) fn show_config(
    path: Option<&Path>,
    print_default: bool,
    problems: &[String],
) -> Result<()> {
    if print_default {
        return emit(crate::config::default_text());
    }
    let Some(path) = path else {
        return emit("No config directory on this system; pass --config FILE.\n");
    };
    let state = if !path.exists() {
        "not there yet: the defaults apply (goalcoach config --print-default > it)".to_string()
    } else if problems.is_empty() {
        "reads well".to_string()
    } else {
        format!("has problems:\n  {}", problems.join("\n  "))
    };
    emit(format!("{}: {state}\n", path.display()))?;
    if problems.is_empty() {
        Ok(())
    } else {
        // The settings with problems keep their defaults; a script checking the file is told.
        Err(ExitStatus(1).into())
    }
}

pub(super) fn restore(dir: &Path, today: NaiveDate, which: Option<&str>) -> Result<()> {
    let backups = store::list_backups(dir);
    let Some(which) = which else {
        return emit(report::backup_list(&backups));
    };
    // Opened without loading: a damaged plan.json is exactly when a restore is needed.
    let mut store = Store::open_unloaded(dir, today)?;
    let chosen = pick_backup(&backups, which)?;
    let plan = store.restore(&chosen)?;
    emit(format!(
        "restored {} ({}); the plan it replaced is kept in the backups\n",
        chosen.display(),
        crate::model::text::plural(plan.goals.len(), "goal")
    ))
}

fn pick_backup(backups: &[PathBuf], which: &str) -> Result<PathBuf> {
    if let Ok(n) = which.parse::<usize>() {
        return backups
            .get(n.wrapping_sub(1))
            .cloned()
            .with_context(|| format!("there is no backup {n}; `goalcoach restore` lists them"));
    }
    let path = PathBuf::from(which);
    let found = backups
        .iter()
        .find(|b| b.file_name() == path.file_name() && path.components().count() == 1);
    Ok(found.cloned().unwrap_or(path))
}

/// Opens the data directory for the app. When plan.json cannot be read, the newest backup
/// that can is offered on the plain terminal, before the app starts (the damaged file is
/// kept in backups/); with no such backup, or no one to ask, the damage is the error.
pub fn open_for_app(dir: &Path, today: NaiveDate) -> Result<(Store, crate::model::Plan)> {
    use std::io::{BufRead, IsTerminal, Write};
    let damage = match Store::open(dir, today) {
        Ok(opened) => return Ok(opened),
        Err(e) if e.is_damaged_file() => e,
        Err(e) => return Err(e.into()),
    };
    let mut store = Store::open_unloaded(dir, today)?;
    let good = store.newest_readable_backup();
    let Some((backup, goals)) = good.filter(|_| std::io::stdin().is_terminal()) else {
        return Err(damage.into());
    };
    eprintln!("goalcoach: {damage}\n");
    eprint!(
        "The newest backup that reads fine is {} ({}).\nRestore it now? The damaged file is \
         kept in backups/. [y/N] ",
        backup.display(),
        crate::model::text::plural(goals, "goal")
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
