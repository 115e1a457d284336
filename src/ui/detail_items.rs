//! The details of a selected milestone or step: where it sits, its dates (a date after its
//! goal's deadline pointed out), progress or ratings, a repeating step's history, notes.

use super::detail::{date_phrase, field, heading, notes_lines};
use super::text::{self, Day, plural};
use super::theme;
use crate::app::action::Screen;
use crate::app::state::AppState;
use crate::model::progress::milestone_progress;
use crate::model::smart;
use crate::model::{ActionStep, ItemKind, Loc, Milestone, Plan};
use ratatui::text::{Line, Span};

/// A word when item `id` is dated after its goal's deadline (so the goal is not Time-bound).
fn late_line(plan: &Plan, loc: Loc, id: crate::model::ItemId) -> Option<Line<'static>> {
    let goal = &plan.goals[loc.goal_index()];
    smart::late_items(goal).iter().any(|l| l.id == id).then(|| {
        Line::styled(
            format!(
                "Dated after the goal's deadline ({}): move one of the two.",
                goal.deadline.map(|d| d.to_string()).unwrap_or_default()
            ),
            theme::warn(),
        )
    })
}

fn parent_line(plan: &Plan, loc: Loc) -> Line<'static> {
    let goal = &plan.goals[loc.goal_index()];
    let mut path = goal.title.clone();
    if let Loc::MilestoneStep(g, m, _) = loc {
        path = format!("{path} › {}", plan.goals[g].milestones[m].title);
    }
    Line::styled(format!("in {path}"), theme::dim())
}

pub fn milestone_lines(m: &Milestone, state: &AppState, loc: Loc) -> Vec<Line<'static>> {
    let (plan, day) = (state.plan(), text::day(state));
    let add = state.settings.keymap.key_for(
        crate::keymap::Layer::Screen(Screen::Goals),
        &crate::app::action::Action::AddChild,
    );
    let done_steps = m.steps.iter().filter(|s| s.is_done()).count();
    let mut lines = vec![
        heading(&format!("◇ {}", m.title)),
        parent_line(plan, loc),
        Line::default(),
    ];
    let counted = match m.steps.len() {
        0 => "no steps yet".to_string(),
        n => format!(
            "{done_steps} of {} done",
            crate::model::text::plural(n, "step")
        ),
    };
    lines.push(field(
        "Progress",
        format!("{:.0}% · {counted}", milestone_progress(m) * 100.0),
    ));
    if let Some(t) = m.target {
        lines.push(field("Target", date_phrase(t, day)));
    }
    lines.extend(late_line(plan, loc, m.id));
    if let Some(d) = m.done {
        lines.push(field("Done", day.show(d)));
    }
    lines.push(field("Weight", m.weight.to_string()));
    if m.steps.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(
            format!("No steps yet: press {add} to add the first one."),
            theme::dim(),
        ));
    }
    lines.extend(notes_lines(&m.notes));
    lines
}

/// A repeating step's past occurrences on one line: "Done 3 times (last 11-18), 1 missed".
fn history_line(s: &ActionStep, day: Day) -> Option<Line<'static>> {
    let last = s.history.last()?;
    let mut text = format!(
        "{} (last {})",
        plural(s.history.len(), "time"),
        day.show(*last)
    );
    if s.missed > 0 {
        text.push_str(&format!(
            ", {} skipped",
            plural(s.missed as usize, "missed one")
        ));
    }
    Some(field("Done", text))
}

/// A repeating step's last occurrences and its streak: "✓✓~·✓✓  streak 2 (✓ on time,
/// ~ late, · missed)".
fn strip_line(s: &ActionStep) -> Option<Line<'static>> {
    use crate::model::practice;
    let strip = practice::strip_text(s);
    if strip.is_empty() {
        return None;
    }
    let streak = practice::streak(s);
    Some(Line::from(vec![
        Span::styled("Last ", theme::dim()),
        Span::styled(format!("{}: ", strip.chars().count()), theme::dim()),
        Span::styled(strip, theme::good()),
        Span::styled(
            format!("  streak {streak}  (✓ on time, ~ late, · missed)"),
            theme::dim(),
        ),
    ]))
}

pub fn step_lines(s: &ActionStep, plan: &Plan, loc: Loc, day: Day) -> Vec<Line<'static>> {
    let today = day.today;
    let mut lines = vec![heading(&s.title), parent_line(plan, loc), Line::default()];
    if let Some(d) = s.due {
        let style = if crate::model::dates::is_overdue(Some(d), s.is_done(), today) {
            theme::error()
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled("Due: ", theme::dim()),
            Span::styled(date_phrase(d, day), style),
        ]));
        lines.extend(late_line(plan, loc, s.id));
    }
    if let Some(d) = s.done {
        lines.push(field("Done", day.show(d)));
    }
    lines.push(field(
        "Importance / urgency",
        format!("{} / {} (of 3)", s.importance, s.urgency),
    ));
    if let Some(r) = s.recurrence {
        lines.push(field("Repeats", r.to_string()));
        lines.extend(history_line(s, day));
        lines.extend(strip_line(s));
    }
    if s.reschedules > 0 {
        lines.push(field("Moved later", plural(s.reschedules as usize, "time")));
    }
    lines.extend(notes_lines(&s.notes));
    debug_assert_eq!(loc.kind(), ItemKind::Step);
    lines
}
