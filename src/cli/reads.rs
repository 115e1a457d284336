//! The commands that only read and print: the agenda (whole, or just what is due, with an
//! exit status that says whether anything is), this week's review or the step back, and the
//! exports. Text, or JSON for scripts.

use super::{AgendaArgs, ExitStatus, ExportArgs, ExportFormat, NOTHING_DUE, emit, emit_text, read};
use crate::app::action::Screen;
use crate::report;
use crate::store;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use std::path::Path;

/// `review --print`: this week's review, or with `step_back` the step back; with `json`,
/// as JSON.
pub(super) fn print_review(
    dir: &Path,
    today: NaiveDate,
    settings: &crate::config::Config,
    (step_back, json): (bool, bool),
) -> Result<()> {
    let plan = read(dir)?;
    let day = plan.profile.review_weekday().unwrap_or(settings.review_day);
    let text = if step_back {
        report::step_back_text(&plan, today, settings.step_back)
    } else if json {
        report::json::to_text(&report::json::review(
            &plan,
            today,
            day,
            settings.week_start,
        ))
    } else {
        report::review_text(&plan, today, day, settings.week_start)
    };
    emit_text(&text)
}

/// `agenda`: the whole agenda, or with `--overdue` / `--due-today` just those lines (and
/// exit status `NOTHING_DUE` when there are none); with `--json`, as JSON.
pub(super) fn print_agenda(
    dir: &Path,
    today: NaiveDate,
    week_start: chrono::Weekday,
    args: &AgendaArgs,
) -> Result<()> {
    use crate::model::agenda::Bucket;
    let plan = read(dir)?;
    let filtered: Option<&[Bucket]> = match (args.overdue, args.due_today) {
        (true, _) => Some(&[Bucket::Overdue]),
        (_, true) => Some(&[Bucket::Overdue, Bucket::Today]),
        _ => None,
    };
    let buckets = filtered.unwrap_or(&Bucket::ALL);
    if args.json {
        let value = report::json::agenda(&plan, today, week_start, buckets);
        let empty = value["items"].as_array().is_none_or(|a| a.is_empty());
        emit_text(&report::json::to_text(&value))?;
        return nothing_due(filtered.is_some() && empty);
    }
    let Some(buckets) = filtered else {
        return emit_text(&report::agenda_text(&plan, today, week_start));
    };
    let text = report::due_lines(&plan, today, week_start, buckets);
    emit_text(&text)?;
    nothing_due(text.is_empty())
}

fn nothing_due(nothing: bool) -> Result<()> {
    if nothing {
        return Err(ExitStatus(NOTHING_DUE).into());
    }
    Ok(())
}

pub(super) fn export(dir: &Path, today: NaiveDate, args: &ExportArgs) -> Result<()> {
    let plan = read(dir)?;
    let text = |s: String| crate::model::text::printable(&s).into_owned().into_bytes();
    let bytes = match args.format {
        ExportFormat::Json => store::to_pretty_json(&plan),
        ExportFormat::Markdown => text(report::markdown(&plan, today)),
        ExportFormat::Org => text(report::org::org(&plan, today)),
        ExportFormat::Ics => text(crate::export::ics(&plan)),
        ExportFormat::Taskwarrior => crate::taskwarrior::export(&plan).into_bytes(),
        ExportFormat::Csv => {
            let rows = text(String::from_utf8_lossy(&crate::export::csv(&plan)?).into_owned());
            match args.bom {
                true => [crate::export::BOM, &rows].concat(),
                false => rows,
            }
        }
    };
    match &args.output {
        Some(path) => {
            std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
        }
        None => emit(bytes),
    }
}

/// `goalcoach brief`: the page for a 1:1, since `since` (four weeks back when not given).
pub(super) fn print_brief(
    dir: &Path,
    today: NaiveDate,
    since: Option<&str>,
    format: super::BriefFormat,
) -> Result<()> {
    let plan = super::read(dir)?;
    let since = match since {
        Some(text) => crate::model::dates::parse_date(text, today)?,
        None => crate::model::dates::minus_days(today, 28),
    };
    let format = match format {
        super::BriefFormat::Markdown => crate::report::brief::Format::Markdown,
        super::BriefFormat::Text => crate::report::brief::Format::Text,
    };
    super::emit_text(&crate::report::brief::brief(&plan, since, today, format))
}

/// `goalcoach measure list GOAL`: only reads.
pub(super) fn list_measures(dir: &Path, goal: crate::model::Num) -> Result<()> {
    let plan = super::read(dir)?;
    let g = plan
        .by_num(goal)
        .and_then(|id| plan.goal(id))
        .with_context(|| format!("there is no goal {goal} (`goalcoach list` shows the numbers)"))?;
    super::emit(format!("{}\n", super::measures::listing(g)))
}

/// `goalcoach show N`: one item in full — what the app's details pane shows, as text; with
/// `json`, the item as plan.json holds it (with its milestones and steps) and the summary
/// `list --json` gives.
pub(super) fn show(
    dir: &Path,
    today: NaiveDate,
    settings: &crate::config::Config,
    (num, json): (crate::model::Num, bool),
) -> Result<()> {
    let plan = read(dir)?;
    let id = super::edits::find(&plan, num)?;
    if json {
        return emit_text(&report::json::to_text(&report::json::item(
            &plan, id, today,
        )));
    }
    let mut state = crate::app::state::AppState::new(plan, today);
    state.settings.date_format = settings.date_format.clone();
    state.settings.review_day = settings.review_day;
    let lines = crate::ui::item_lines(&state, Some(id), 88);
    let text: String = lines
        .iter()
        .map(|line| {
            let words: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            format!("{}\n", words.trim_end())
        })
        .collect();
    emit_text(&text)
}

/// `goalcoach list [--json]`: the tree as text with the open conflicts, or as JSON.
pub(super) fn print_list(
    dir: &Path,
    today: NaiveDate,
    settings: &crate::config::Config,
    json: bool,
) -> Result<()> {
    let plan = read(dir)?;
    let device = crate::sync::device::name(settings.device.as_deref());
    if json {
        return emit_text(&report::json::to_text(&report::json::list(
            &plan, today, &device,
        )));
    }
    let key = settings.keymap.key_for(
        crate::keymap::Layer::Screen(Screen::Goals),
        &crate::app::action::Action::ChooseConflicts,
    );
    let conflicts = crate::model::settle::listing(&plan, &key, &device);
    emit_text(&(report::list_text(&plan, today) + &conflicts))
}
