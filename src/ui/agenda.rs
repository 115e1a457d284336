//! The Agenda screen: dated open steps and milestones by time bucket, then stalled and stuck
//! goals; the selected item's details beside them.

use super::{detail, layout, text, theme};
use crate::app::action::Action;
use crate::app::action::Screen;
use crate::app::screens::lists::{AgendaRow, GoalWhy};
use crate::app::state::AppState;
use crate::keymap::Layer;
use crate::model::agenda::Bucket;
use crate::model::{ItemId, ItemKind};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Draws the agenda and the details of its selection.
pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let [list_area, detail_area] = layout::goals_areas(area, false);
    let rows = state.screens.agenda.rows();
    let sel = &state.screens.agenda.sel;
    let block =
        Block::bordered().title(format!(" Agenda · {} ", state.today().format("%A %-d %B")));
    let inner = block.inner(list_area);
    frame.render_widget(block, list_area);
    let height = inner.height as usize;
    let offset = sel.index.saturating_sub(height.saturating_sub(1));
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, row)| {
            let line = agenda_line(state, row, inner.width as usize);
            if i == sel.index && row.id().is_some() {
                line.style(theme::selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    detail::draw(frame, detail_area, state);
}

/// What an empty agenda says, naming the keys that date a step.
fn nothing_dated_line(state: &AppState, width: usize) -> Line<'static> {
    let key = |a: Action| {
        state
            .settings
            .keymap
            .key_for(Layer::Screen(Screen::Agenda), &a)
    };
    let note = format!(
        "Nothing dated is open. Give steps a due date ({}, or {}) to see them here.",
        key(Action::Edit),
        key(Action::Reschedule)
    );
    Line::styled(text::truncate(&note, width), theme::dim())
}

fn agenda_line(state: &AppState, row: &AgendaRow, width: usize) -> Line<'static> {
    let committed = crate::model::weekly::commitments_in_force(state.plan());
    match row {
        AgendaRow::Heading(h) => {
            Line::styled(h.clone(), theme::title().add_modifier(Modifier::UNDERLINED))
        }
        AgendaRow::NothingDated => nothing_dated_line(state, width),
        AgendaRow::Item {
            id,
            goal,
            kind,
            date,
            bucket,
        } => {
            let date_style = if *bucket == Bucket::Overdue {
                theme::error()
            } else {
                theme::dim()
            };
            let date_text = format!("  {} ", date.format("%a %m-%d"));
            let item = item_spans(state, *id, *goal, *kind, committed.contains(id));
            dated_line(Span::styled(date_text, date_style), item, width)
        }
        AgendaRow::Next { goal, step } => {
            let item = item_spans(
                state,
                *step,
                *goal,
                ItemKind::Step,
                committed.contains(step),
            );
            dated_line(Span::styled("  no date   ", theme::dim()), item, width)
        }
        AgendaRow::Done(id) => {
            let goal = state.doc.goal_of(*id).map_or(*id, |g| g.id);
            let kind = state.doc.locate(*id).map_or(ItemKind::Step, |l| l.kind());
            let (left, goal) = item_spans(state, *id, goal, kind, false);
            // Done today: the box is ticked, as in the tree.
            let left = match left.strip_prefix("[ ]") {
                Some(rest) => format!("[x]{rest}"),
                None => left,
            };
            dated_line(
                Span::styled("  done ✓    ", theme::good()),
                (left, goal),
                width,
            )
        }
        AgendaRow::Goal { id, why } => goal_line(state, *id, *why, width),
    }
}

/// An item's mark, title and goal: `[ ] Send the draft · Speak at a conference`. A step
/// picked as this week's commitment is starred.
fn item_spans(
    state: &AppState,
    id: ItemId,
    goal: ItemId,
    kind: ItemKind,
    committed: bool,
) -> (String, String) {
    let mark = match kind {
        ItemKind::Goal => "⚑ deadline:",
        ItemKind::Milestone => "◇",
        ItemKind::Step if committed => "★",
        ItemKind::Step => "[ ]",
    };
    let title = state.doc.title_of(id);
    let goal = if goal == id {
        String::new()
    } else {
        state.doc.title_of(goal).to_string()
    };
    (format!("{mark} {title}"), goal)
}

/// A line of a date column, the item, and its goal in what room is left.
fn dated_line(date: Span<'static>, (left, goal): (String, String), width: usize) -> Line<'static> {
    let room = width.saturating_sub(text::width(&date.content));
    let goal_room = room.saturating_sub(text::width(&left) + 3);
    let goal_text = if goal_room > 8 && !goal.is_empty() {
        format!(" · {}", text::truncate(&goal, goal_room))
    } else {
        String::new()
    };
    Line::from(vec![
        date,
        Span::raw(text::truncate(&left, room)),
        Span::styled(goal_text, theme::dim()),
    ])
}

/// A goal that leads or needs a look, and the key that helps with it.
fn goal_line(state: &AppState, id: ItemId, why: GoalWhy, width: usize) -> Line<'static> {
    let title = state.doc.title_of(id);
    let key = |a: Action| {
        state
            .settings
            .keymap
            .key_for(Layer::Screen(Screen::Agenda), &a)
    };
    let hint = match why {
        GoalWhy::Stuck => format!(
            "{} shows it in the tree, to add a next step",
            key(Action::Open)
        ),
        GoalWhy::Stalled => format!("{} to check in", key(Action::CheckIn)),
        GoalWhy::Focus => focus_note(state, id),
    };
    let mark = if why == GoalWhy::Focus { "◉" } else { "●" };
    Line::from(vec![
        Span::raw(format!(
            "  {mark} {}",
            text::truncate(title, width.saturating_sub(6))
        )),
        Span::styled(format!("  {hint}"), theme::dim()),
    ])
}

/// A focus goal's standing in a few words: "40% · on track · next: Send the draft".
fn focus_note(state: &AppState, id: ItemId) -> String {
    let Some(goal) = state.plan().goal(id) else {
        return String::new();
    };
    let pace = crate::model::progress::pace(goal, state.today());
    let mut note = format!("{:.0}%", pace.progress * 100.0);
    if pace.standing != crate::model::standing::Standing::NoDeadline {
        note.push_str(&format!(" · {}", pace.standing.label()));
    }
    match crate::model::agenda::next_step(goal) {
        Some(step) => note.push_str(&format!(" · next: {}", step.title)),
        None => note.push_str(" · no next step yet"),
    }
    note
}
