//! The Priorities screen: open steps (each naming its goal, this week's commitments
//! starred), or active goals, in four boxes by importance and urgency.

use super::{text, theme};
use crate::app::state::AppState;
use crate::model::ItemId;
use crate::model::dates::is_overdue;
use crate::model::priority::Quadrant;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Draws the four boxes.
pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let [top, bottom] = Layout::vertical([Constraint::Fill(1); 2]).areas(area);
    let [q0, q1] = Layout::horizontal([Constraint::Fill(1); 2]).areas(top);
    let [q2, q3] = Layout::horizontal([Constraint::Fill(1); 2]).areas(bottom);
    let boxes = state.screens.priorities.boxes();
    for (i, area) in [q0, q1, q2, q3].into_iter().enumerate() {
        let ids = boxes.get(i).map_or(&[][..], |b| &b[..]);
        draw_box(frame, area, state, Quadrant::ALL[i], ids);
    }
}

fn draw_box(frame: &mut Frame, area: Rect, state: &AppState, quadrant: Quadrant, ids: &[ItemId]) {
    let q = quadrant.index();
    let active = state.screens.priorities.quadrant == q;
    let border = if active {
        theme::accent()
    } else {
        theme::dim()
    };
    let what = if state.screens.priorities.goals {
        "goal"
    } else {
        "step"
    };
    let count = crate::model::text::plural(ids.len(), what);
    let block = Block::bordered()
        .title(box_title(quadrant, &count, area.width))
        .border_style(border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = inner.height as usize;
    let selected = state.screens.priorities.sel[q].index;
    let offset = selected.saturating_sub(height.saturating_sub(1));
    let lines: Vec<Line> = ids
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, id)| {
            let line = if state.screens.priorities.goals {
                goal_line(state, *id, inner.width as usize)
            } else {
                step_line(state, *id, inner.width as usize)
            };
            if active && i == selected {
                line.style(theme::selected())
            } else {
                line
            }
        })
        .collect();
    if lines.is_empty() {
        frame.render_widget(Paragraph::new("Nothing here.").style(theme::dim()), inner);
    } else {
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

/// The box's title: its name, what it holds and the count; on a narrow box the name and the
/// count only ("Hand off or batch · 1 step"), never cut.
fn box_title(quadrant: Quadrant, count: &str, width: u16) -> String {
    let full = format!(" {} · {count} ", quadrant.title());
    if text::width(&full) + 2 <= width as usize {
        return full;
    }
    let name = quadrant.title().split(" · ").next().unwrap_or_default();
    let short = format!(" {name} · {count} ");
    if text::width(&short) + 2 <= width as usize {
        short
    } else {
        format!(" {name} ")
    }
}

fn step_line(state: &AppState, id: ItemId, width: usize) -> Line<'static> {
    let Some(step) = state.doc.step(id) else {
        return Line::default();
    };
    let (date, style) = match step.due {
        Some(d) if is_overdue(Some(d), step.is_done(), state.today()) => {
            (format!(" {}", d.format("%m-%d")), theme::error())
        }
        Some(d) => (format!(" {}", d.format("%m-%d")), theme::dim()),
        None => (String::new(), theme::dim()),
    };
    let levels = format!(" i{}u{}", step.importance, step.urgency);
    let room = width.saturating_sub(text::width(&date) + text::width(&levels));
    let committed = crate::model::weekly::commitments_in_force(state.plan()).contains(&id);
    let mark = if committed { "★" } else { "[ ]" };
    let title = format!("{mark} {}", step.title);
    let goal = state.doc.goal_of(id).map_or("", |g| g.title.as_str());
    let goal_room = room.saturating_sub(text::width(&title) + 3);
    let goal_text = if goal_room >= 6 {
        format!(" · {}", text::truncate(goal, goal_room))
    } else {
        String::new()
    };
    let title_room = room.saturating_sub(text::width(&goal_text));
    Line::from(vec![
        Span::raw(text::fit(&title, title_room)),
        Span::styled(goal_text, theme::dim()),
        Span::styled(levels, theme::dim()),
        Span::styled(date, style),
    ])
}

fn goal_line(state: &AppState, id: ItemId, width: usize) -> Line<'static> {
    let Some(goal) = state.plan().goal(id) else {
        return Line::default();
    };
    let (date, style) = match goal.deadline {
        Some(d) if is_overdue(Some(d), goal.status.is_closed(), state.today()) => {
            (format!(" {}", d.format("%Y-%m-%d")), theme::error())
        }
        Some(d) => (format!(" {}", d.format("%Y-%m-%d")), theme::dim()),
        None => (String::new(), theme::dim()),
    };
    let levels = format!(" i{}u{}", goal.importance, goal.urgency);
    let mark = if goal.focus { "◉" } else { "●" };
    let room = width.saturating_sub(text::width(&date) + text::width(&levels));
    Line::from(vec![
        Span::raw(text::fit(&format!("{mark} {}", goal.title), room)),
        Span::styled(levels, theme::dim()),
        Span::styled(date, style),
    ])
}
