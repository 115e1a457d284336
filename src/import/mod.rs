//! Bringing plans in from elsewhere: outlines people write (Markdown headings and lists,
//! org-mode headlines, Obsidian Tasks dates), taskwarrior's `task export` JSON, and other
//! goalcoach files. Each reader builds one operation that adds everything, or fails naming
//! the line; nothing is ever half-imported, and importing the same thing twice adds nothing.

mod card;
mod entry;
mod markdown;
mod org;
mod org_planning;
mod outline;
pub use entry::MARKS;

pub use markdown::NOT_A_GOAL;

use crate::model::{Op, Plan};
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use std::path::Path;

/// What an import will add, and a line saying so.
pub struct Import {
    pub op: Op,
    pub summary: String,
}

/// "imported 1 goal, 2 milestones, 5 steps".
fn summary(goals: usize, milestones: usize, steps: usize) -> String {
    let plural = crate::model::text::plural;
    format!(
        "imported {}, {}, {}",
        plural(goals, "goal"),
        plural(milestones, "milestone"),
        plural(steps, "step")
    )
}

/// "imported 3 tasks into 2 new goals".
pub(crate) fn task_summary(tasks: usize, new_goals: usize) -> String {
    let plural = crate::model::text::plural;
    format!(
        "imported {} into {}",
        plural(tasks, "task"),
        plural(new_goals, "new goal")
    )
}

/// Reads an outline: org-mode when it looks like it (or the file ends in `.org`), Markdown
/// otherwise; joined to the plan by title (see [`outline`]).
pub fn outline(text: &str, org: bool, plan: &Plan, today: NaiveDate) -> Result<Import> {
    let roots = if org || org::looks_like_org(text) {
        org::read(text)
    } else {
        markdown::read(text)
    };
    outline::join(roots, plan, today)
}

/// Standard input, for `goalcoach import -` (a pipe from `task export`, say), at most as
/// much as a file to import may hold.
fn read_stdin() -> Result<Vec<u8>> {
    use std::io::Read;
    let cap = crate::store::MAX_FILE_BYTES;
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(cap + 1)
        .read_to_end(&mut bytes)
        .context("cannot read standard input")?;
    if bytes.len() as u64 > cap {
        anyhow::bail!(
            "standard input holds more than {} MiB, more than goalcoach imports at once; \
             nothing was imported (split it, or import from a smaller export)",
            cap / (1024 * 1024)
        );
    }
    Ok(bytes)
}

/// `goalcoach import FILE`: a goalcoach JSON file (another copy of this plan merges by id;
/// another person's plan adds its goals), a taskwarrior export (a JSON array) or a Markdown
/// outline, told apart by extension and first character; `-` is standard input. All or
/// nothing.
pub fn import_file(plan: &mut Plan, file: &Path, today: NaiveDate) -> Result<String> {
    let bytes = if file == Path::new("-") {
        read_stdin()?
    } else {
        crate::store::read_plan_file(file)?
            .with_context(|| format!("cannot read {}: there is no such file", file.display()))?
    };
    let text = String::from_utf8_lossy(&bytes);
    let extension = file
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let org = extension == "org";
    let outline_file = org || ["md", "markdown", "txt"].contains(&extension.as_str());
    let (op, summary) = match text.trim_start().chars().next() {
        _ if outline_file => from(outline(&text, org, plan, today), file)?,
        Some('[') => from(crate::taskwarrior::import(&text, plan, today), file)?,
        Some('{') => {
            let theirs = crate::store::parse_plan(file, &bytes)?;
            if !plan.uid.is_empty() && theirs.uid == plan.uid {
                let merged = crate::model::merge3::merge(None, plan.clone(), theirs);
                *plan = merged.plan;
                return Ok(format!(
                    "merged another copy of this plan: {}",
                    merged.report.summary()
                ));
            }
            let merge = crate::model::merge::merge_op(plan, theirs);
            let summary = merge.summary();
            (merge.op, summary)
        }
        Some(_) => from(outline(&text, false, plan, today), file)?,
        None => bail!("{}: the file is empty: nothing to import", file.display()),
    };
    plan.apply(op)?;
    Ok(summary)
}

fn from(import: Result<Import>, file: &Path) -> Result<(Op, String)> {
    let import = import.with_context(|| format!("cannot import {}", file.display()))?;
    Ok((import.op, import.summary))
}
