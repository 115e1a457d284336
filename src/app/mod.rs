//! The interactive app. Placeholder until the goal tree lands.

use anyhow::Result;
use chrono::NaiveDate;
use std::path::Path;

/// Opens the terminal UI.
pub fn run_tui(_data_dir: Option<&Path>, _demo: bool, _today: NaiveDate) -> Result<()> {
    anyhow::bail!("the interactive app is not built yet; try `goalcoach --help`")
}
