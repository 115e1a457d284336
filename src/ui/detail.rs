//! The details of the selection: for a goal its SMART card with the missing letters
//! flagged, progress against pace (and against its own plan), when it is next reviewed,
//! barriers, resources, latest check-ins and notes. Milestones and steps are in
//! `detail_items`.

use super::text::{self, Day, plural};
use super::{detail_items, theme};
use crate::app::state::AppState;
use crate::model::progress;
use crate::model::smart::{self, SmartLetter};
use crate::model::{BarrierStatus, Goal, Loc};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Draws the details of the selection.
pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let block = Block::bordered().title(" Details ");
    let lines = item_lines(state, state.current_item(), block_width(area));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}

/// The details of item `id` (the selection), for a pane `width` columns wide; also what
/// `goalcoach show` prints.
pub fn item_lines(
    state: &AppState,
    id: Option<crate::model::ItemId>,
    width: usize,
) -> Vec<Line<'static>> {
    match id.and_then(|id| state.doc.locate(id)) {
        Some(Loc::Goal(g)) => {
            let goal = &state.plan().goals[g];
            let mut lines = goal_lines(goal, text::day(state), width);
            lines.insert(2, review_line(state, goal));
            lines
        }
        Some(loc @ Loc::Milestone(g, m)) => {
            detail_items::milestone_lines(&state.plan().goals[g].milestones[m], state, loc)
        }
        Some(loc) => match state.plan().step_at(loc) {
            Some(step) => detail_items::step_lines(step, state.plan(), loc, text::day(state)),
            None => Vec::new(),
        },
        None => vec![Line::styled("Nothing selected.", theme::dim())],
    }
}

/// When the goal was last reviewed and the review day it is next due on.
fn review_line(state: &AppState, goal: &Goal) -> Line<'static> {
    let day = text::day(state);
    let review_day = state.review_day();
    let (plan, today) = (state.plan(), state.today());
    let first = crate::model::weekly::first_review(plan, today, review_day);
    let current = crate::model::weekly::current_anchor(plan, today, review_day);
    let next = crate::model::weekly::next_review_of(goal, first.max(current), review_day);
    let last = goal
        .last_reviewed
        .map_or("not reviewed yet".to_string(), |d| {
            format!("reviewed {}", day.show(d))
        });
    let next = match () {
        _ if !goal.is_active() => String::new(),
        _ if next <= current => " · due in this week's review".to_string(),
        _ => format!(" · next review {}", day.show(next)),
    };
    Line::styled(format!("{last}{next}"), theme::dim())
}

fn block_width(area: Rect) -> usize {
    area.width.saturating_sub(2) as usize
}

pub(super) fn heading(text: &str) -> Line<'static> {
    Line::styled(text.to_string(), theme::title())
}

pub(super) fn field(label: &str, value: String) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label}: "), theme::dim()),
        Span::raw(value),
    ])
}

pub(super) fn date_phrase(date: NaiveDate, day: Day) -> String {
    let days = (date - day.today).num_days();
    let date = day.show(date);
    match days {
        0 => format!("{date} (today)"),
        d if d < 0 => format!("{date} ({} ago)", plural(d.unsigned_abs() as usize, "day")),
        d => format!("{date} (in {})", plural(d as usize, "day")),
    }
}

fn goal_lines(goal: &Goal, day: Day, width: usize) -> Vec<Line<'static>> {
    let today = day.today;
    let mut lines = vec![heading(&goal.title)];
    let mut facts = format!(
        "{} · since {}",
        goal.status.label(),
        day.show(goal.start_date())
    );
    if let Some(d) = goal.deadline {
        facts.push_str(&format!(" · due {}", date_phrase(d, day)));
    }
    lines.push(Line::styled(facts, theme::dim()));
    lines.push(Line::default());
    lines.extend(pace_lines(goal, day, width));
    lines.push(Line::default());
    lines.extend(smart_lines(goal, day));
    if !goal.strengths.is_empty() {
        lines.push(field("Uses strengths", goal.strengths.join(", ")));
    }
    lines.extend(barrier_lines(goal, today));
    lines.extend(resource_lines(goal));
    lines.extend(checkin_lines(goal));
    lines.extend(adaptation_lines(goal));
    lines.extend(notes_lines(&goal.notes));
    lines
}

/// A text gauge with a marker where the pace line is today.
fn gauge(progress: f64, expected: Option<f64>, cells: usize) -> Vec<Span<'static>> {
    let filled = (progress * cells as f64).round() as usize;
    let marker =
        expected.map(|e| ((e * cells as f64).round() as usize).min(cells.saturating_sub(1)));
    (0..cells)
        .map(|i| {
            if Some(i) == marker {
                Span::styled("┃", theme::warn())
            } else if i < filled {
                Span::styled("█", theme::accent())
            } else {
                Span::styled("░", theme::dim())
            }
        })
        .collect()
}

/// The progress gauge with its pace marker, pace status, measure and projected finish.
pub fn pace_lines(goal: &Goal, day: Day, width: usize) -> Vec<Line<'static>> {
    let pace = progress::pace(goal, day.today);
    let cells = width.saturating_sub(8).clamp(5, 30);
    let mut bar = gauge(pace.progress, pace.expected, cells);
    bar.push(Span::raw(format!(" {:.0}%", pace.progress * 100.0)));
    let mut lines = vec![Line::from(bar)];
    let status_style = theme::standing_style(pace.standing);
    let mut status = vec![Span::styled(
        pace.standing.label().to_string(),
        status_style,
    )];
    if let Some(e) = pace.expected {
        status.push(Span::styled(
            format!(" · the pace line is at {:.0}% (┃)", e * 100.0),
            theme::dim(),
        ));
    }
    lines.push(Line::from(status));
    if let Some(advice) = crate::model::standing::late_advice(goal, day.today) {
        lines.push(Line::styled(advice, theme::warn()));
    }
    lines.extend(super::measures::lines(goal, day));
    if let Some(f) = pace.projected_finish.filter(|_| goal.is_active()) {
        let late_by = crate::model::standing::weeks_late(goal, f);
        let when = match late_by {
            Some(weeks) => format!(
                "{}, {} after the deadline",
                day.show(f),
                crate::model::text::plural(weeks, "week")
            ),
            None => day.show(f),
        };
        lines.push(field("At this rate, done by", when));
    }
    lines
}

fn smart_value(goal: &Goal, letter: SmartLetter, day: Day) -> String {
    match letter {
        SmartLetter::Specific => goal.description.clone(),
        SmartLetter::Measurable => match goal.measures.len() {
            1 => {
                let m = &goal.measures[0];
                let n = crate::model::text::number_text;
                format!("{} from {} to {}", m.label(), n(m.start), n(m.target))
            }
            n if n > 1 => {
                let leading = goal.measures.iter().filter(|m| m.leading).count();
                format!("{n} measures ({leading} leading, {} lagging)", n - leading)
            }
            _ => format!(
                "{}, {}",
                plural(
                    goal.milestones
                        .iter()
                        .filter(|m| m.target.is_some())
                        .count(),
                    "dated milestone"
                ),
                plural(goal.all_steps().count(), "step")
            ),
        },
        SmartLetter::Achievable => goal.achievable.clone(),
        SmartLetter::Relevant => relevant_value(goal),
        SmartLetter::TimeBound => goal.deadline.map(|d| day.show(d)).unwrap_or_default(),
    }
}

/// Why the goal matters, with the values and strengths it was linked to.
fn relevant_value(goal: &Goal) -> String {
    let mut parts = vec![goal.relevant.trim().to_string()];
    if !goal.values.is_empty() {
        parts.push(format!("values: {}", goal.values.join(", ")));
    }
    if !goal.strengths.is_empty() {
        parts.push(format!("strengths: {}", goal.strengths.join(", ")));
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" · ")
}

/// The SMART card: each letter covered (with its text) or missing (with the next thing to do).
pub fn smart_lines(goal: &Goal, day: Day) -> Vec<Line<'static>> {
    let mut lines = vec![heading("SMART")];
    for letter in SmartLetter::ALL {
        let line = if smart::covers(goal, letter, day.today) {
            // A long text keeps its line breaks: the first line beside the letter, the
            // rest below it, indented.
            let value = smart_value(goal, letter, day);
            let mut parts = value.lines();
            let first = parts.next().unwrap_or("").to_string();
            lines.push(Line::from(vec![
                Span::styled(format!(" ✓ {} ", letter.letter()), theme::good()),
                Span::raw(first),
            ]));
            lines.extend(parts.map(|l| Line::raw(format!("     {l}"))));
            continue;
        } else {
            Line::from(vec![
                Span::styled(format!(" ✗ {} ", letter.letter()), theme::warn()),
                Span::styled(
                    smart::advice(goal, letter, day.today).unwrap_or_default(),
                    theme::dim(),
                ),
            ])
        };
        lines.push(line);
    }
    lines
}

/// The barriers and if–then plans, headed as such when the goal is behind pace.
pub fn barrier_lines(goal: &Goal, today: NaiveDate) -> Vec<Line<'static>> {
    if goal.barriers.is_empty() {
        return Vec::new();
    }
    let behind = progress::pace(goal, today).standing.is_warning();
    let title = if behind {
        "Not keeping pace — your if–then plans"
    } else {
        "Barriers"
    };
    let mut lines = vec![Line::default(), heading(title)];
    for b in &goal.barriers {
        let mark = if b.status == BarrierStatus::Overcome {
            "✓"
        } else {
            "•"
        };
        lines.push(Line::raw(format!(" {mark} {}", b.obstacle)));
        if b.strategy.trim().is_empty() {
            lines.push(Line::styled("   → no if–then plan yet", theme::warn()));
        } else {
            lines.push(Line::styled(format!("   → {}", b.strategy), theme::dim()));
        }
        if let Some(log) = crate::model::lived::log_words(b) {
            lines.push(Line::styled(format!("     {log}"), theme::dim()));
        }
    }
    lines
}

/// The goal's changes of course, newest first.
pub fn adaptation_lines(goal: &Goal) -> Vec<Line<'static>> {
    if goal.adaptations.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::default(), heading("Changes of course")];
    for a in goal.adaptations.iter().rev() {
        let why = if a.why.is_empty() {
            String::new()
        } else {
            format!(" — {}", a.why)
        };
        lines.push(Line::raw(format!(
            " {} {}{why}",
            a.date,
            crate::model::adapt::describe(a)
        )));
    }
    lines
}

fn resource_lines(goal: &Goal) -> Vec<Line<'static>> {
    if goal.resources.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::default(), heading("Resources")];
    for r in &goal.resources {
        let mark = if r.secured { "[x]" } else { "[ ]" };
        let kind = format!("{:?}", r.kind).to_lowercase();
        lines.push(Line::raw(format!(" {mark} {} ({kind})", r.what)));
    }
    lines
}

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The confidence of the last check-ins, oldest first, one bar each (1 to 5).
fn confidence_trail(goal: &Goal) -> String {
    let mut dated: Vec<_> = goal
        .checkins
        .iter()
        .map(|c| (c.date, c.confidence))
        .collect();
    dated.sort_by_key(|p| p.0);
    dated
        .iter()
        .rev()
        .take(30)
        .rev()
        .map(|&(_, c)| BARS[(usize::from(c.clamp(1, 5)) - 1) * 7 / 4])
        .collect()
}

/// The measures' values recorded on `date`: " · 3 proposals · 64 %".
fn values_on(goal: &Goal, date: chrono::NaiveDate) -> String {
    let mut out = String::new();
    for m in &goal.measures {
        if let Some(p) = m.points.iter().find(|p| p.date == date) {
            let n = crate::model::text::number_text(p.value);
            out.push_str(&format!(" · {} {n}", m.label()));
        }
    }
    out
}

/// The confidence sparkline, and the latest check-ins with the values recorded with them.
pub fn checkin_lines(goal: &Goal) -> Vec<Line<'static>> {
    if goal.checkins.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::default(), heading("Latest check-ins")];
    lines.push(Line::from(vec![
        Span::styled(" confidence ", theme::dim()),
        Span::styled(confidence_trail(goal), theme::accent()),
    ]));
    let mut recent: Vec<_> = goal.checkins.iter().collect();
    recent.sort_by_key(|c| std::cmp::Reverse(c.date));
    for c in recent.into_iter().take(3) {
        let values = values_on(goal, c.date);
        lines.push(Line::from(vec![
            Span::styled(
                format!(" {} · confidence {}/5{values}", c.date, c.confidence),
                theme::dim(),
            ),
            Span::raw(if c.note.is_empty() {
                String::new()
            } else {
                format!("  {}", c.note)
            }),
        ]));
    }
    lines
}

pub(super) fn notes_lines(notes: &str) -> Vec<Line<'static>> {
    if notes.trim().is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::default(), heading("Notes")];
    lines.extend(notes.lines().map(|l| Line::raw(l.to_string())));
    lines
}
