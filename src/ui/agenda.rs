//! The Agenda screen: dated open steps and milestones by time bucket, then stalled and stuck
//! goals; the selected item's details beside them.

use super::{detail, layout, text, theme};
use crate::app::action::Action;
use crate::app::screens::lists::AgendaRow;
use crate::app::state::AppState;
use crate::keymap::Layer;
use crate::model::ItemKind;
use crate::model::agenda::Bucket;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Draws the agenda and the details of its selection.
pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let [list_area, detail_area] = layout::goals_areas(area);
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
    let key = |a: Action| state.settings.keymap.key_for(Layer::Agenda, &a);
    let note = format!(
        "Nothing dated is open. Give steps a due date ({}, or {}) to see them here.",
        key(Action::Edit),
        key(Action::Reschedule)
    );
    Line::styled(text::truncate(&note, width), theme::dim())
}

fn agenda_line(state: &AppState, row: &AgendaRow, width: usize) -> Line<'static> {
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
            let title = state.doc.title_of(*id);
            let goal = state.doc.title_of(*goal);
            let mark = if *kind == ItemKind::Milestone {
                "◇"
            } else {
                "[ ]"
            };
            let date_style = if *bucket == Bucket::Overdue {
                theme::error()
            } else {
                theme::dim()
            };
            let date_text = format!("  {} ", date.format("%a %m-%d"));
            let left = format!("{mark} {title}");
            let room = width.saturating_sub(text::width(&date_text));
            let goal_room = room.saturating_sub(text::width(&left) + 3);
            let goal_text = if goal_room > 8 {
                format!(" · {}", text::truncate(goal, goal_room))
            } else {
                String::new()
            };
            Line::from(vec![
                Span::styled(date_text, date_style),
                Span::raw(text::truncate(&left, room)),
                Span::styled(goal_text, theme::dim()),
            ])
        }
        AgendaRow::Goal { id, why } => goal_line(state, *id, why, width),
    }
}

/// A goal that needs a look, and the key that helps with it.
fn goal_line(state: &AppState, id: crate::model::ItemId, why: &str, width: usize) -> Line<'static> {
    let title = state.doc.title_of(id);
    let key = |a: Action| state.settings.keymap.key_for(Layer::Agenda, &a);
    let hint = if why == "stuck" {
        format!(
            "{} shows it in the tree, to add a next step",
            key(Action::Open)
        )
    } else {
        format!("{} to check in", key(Action::CheckIn))
    };
    Line::from(vec![
        Span::raw(format!(
            "  ● {}",
            text::truncate(title, width.saturating_sub(6))
        )),
        Span::styled(format!("  {hint}"), theme::dim()),
    ])
}
