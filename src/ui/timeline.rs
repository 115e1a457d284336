//! The Timeline screen: a label column (each goal, its milestones under it, with how it
//! stands), a chart of the stretch of time on show (today marked; a goal's bar from its start
//! to its deadline, filled as far as it has come; milestones at their targets), and a line
//! about the selected lane.

use super::{text, theme};
use crate::app::action::Action;
use crate::app::state::AppState;
use crate::keymap::Layer;
use crate::model::ItemKind;
use crate::model::timeline::{Axis, Lane, Standing};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Draws the timeline.
pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let screen = &state.screens.timeline;
    let mut title = format!(" Timeline · {} ", screen.scale.label());
    let scope = state.scope.label();
    if !scope.is_empty() {
        title = format!("{title}· {scope} ");
    }
    let block = Block::bordered().title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if screen.lanes().is_empty() {
        draw_empty(frame, inner, state);
        return;
    }
    if inner.height < 4 || inner.width < 20 {
        return;
    }
    let label_width = (inner.width / 3).clamp(12, 32);
    let chart = Rect {
        x: inner.x + label_width + 1,
        width: inner.width - label_width - 1,
        ..inner
    };
    let axis = screen.axis(state, chart.width);
    draw_ticks(frame.buffer_mut(), chart, &axis, state.today());
    let lanes_height = inner.height.saturating_sub(3) as usize;
    let selected = screen.sel.index;
    let offset = selected.saturating_sub(lanes_height.saturating_sub(1));
    for (row, (i, lane)) in screen
        .lanes()
        .iter()
        .enumerate()
        .skip(offset)
        .take(lanes_height)
        .enumerate()
    {
        let y = inner.y + 1 + row as u16;
        let is_selected = i == selected;
        draw_label(
            frame.buffer_mut(),
            state,
            lane,
            (inner.x, y, label_width),
            is_selected,
        );
        draw_lane(frame.buffer_mut(), lane, &axis, (chart, y), state.today());
    }
    if let Some(lane) = screen.lanes().get(selected) {
        let about = Rect {
            y: inner.y + inner.height - 2,
            height: 2,
            ..inner
        };
        let line = Line::styled(about_lane(state, lane), theme::dim());
        frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), about);
    }
}

/// What an empty timeline says, naming the keys that put something on it.
fn draw_empty(frame: &mut Frame, area: Rect, state: &AppState) {
    let key = |a: Action| state.settings.keymap.key_for(Layer::Timeline, &a);
    let hidden = if state.scope.label().is_empty() {
        String::new()
    } else {
        format!(
            " Some goals are out of view ({}): {} and {} change that.",
            state.scope.label(),
            key(Action::ToggleHideDone),
            key(Action::NextNarrow)
        )
    };
    let note = format!(
        "Nothing on the timeline yet. Goals and their milestones show here on a line of \
         time: when each began, when it is due, how far it has come. Press {} for a new \
         goal, then {} to give it a deadline.{hidden}",
        key(Action::NewGoal),
        key(Action::Reschedule)
    );
    frame.render_widget(
        Paragraph::new(note)
            .style(theme::dim())
            .wrap(Wrap { trim: true }),
        area,
    );
}

/// The axis's labels, and a mark above today (a label that would cover it is left out).
fn draw_ticks(buf: &mut Buffer, chart: Rect, axis: &Axis, today: NaiveDate) {
    let today_col = axis.column(today);
    let mut free_from = 0;
    for (col, label) in axis.ticks() {
        let covers_today =
            today_col.is_some_and(|t| (col..col + text::width(&label) as u16).contains(&t));
        if col < free_from || covers_today {
            continue;
        }
        let room = chart.width.saturating_sub(col) as usize;
        let label = text::truncate(&label, room);
        buf.set_string(chart.x + col, chart.y, &label, theme::dim());
        free_from = col + text::width(&label) as u16 + 1;
    }
    if let Some(col) = today_col {
        buf.set_string(chart.x + col, chart.y, "▼", theme::accent());
    }
}

/// The lane's name, indented under its goal, with how it stands.
fn draw_label(
    buf: &mut Buffer,
    state: &AppState,
    lane: &Lane,
    (x, y, width): (u16, u16, u16),
    selected: bool,
) {
    let title = state.doc.title_of(lane.id);
    let (indent, mark) = match lane.kind {
        ItemKind::Goal if lane.focus => ("", "◉ "),
        ItemKind::Goal => ("", ""),
        _ => ("  ", if lane.done.is_some() { "◆ " } else { "◇ " }),
    };
    let glyph = theme::standing_mark(lane.standing);
    let room = (width as usize).saturating_sub(text::width(indent) + text::width(mark) + 2);
    let label = format!("{indent}{mark}{}", text::fit(title, room));
    let mut style = Style::new();
    if lane.kind == ItemKind::Goal {
        style = style.add_modifier(Modifier::BOLD);
    }
    if matches!(
        lane.standing,
        Standing::Done | Standing::Paused | Standing::Dropped
    ) {
        style = theme::dim();
    }
    if selected {
        style = theme::selected();
    }
    buf.set_string(x, y, &label, style);
    buf.set_string(
        x + width - 1,
        y,
        glyph,
        theme::standing_style(lane.standing),
    );
}

/// The lane's chart: today's column faintly, then the goal's bar or the milestone's mark.
fn draw_lane(
    buf: &mut Buffer,
    lane: &Lane,
    axis: &Axis,
    (chart, y): (Rect, u16),
    today: NaiveDate,
) {
    if let Some(col) = axis.column(today) {
        buf.set_string(chart.x + col, y, "┆", theme::accent());
    }
    let put = |buf: &mut Buffer, date: NaiveDate, s: &str, style: Style| {
        if let Some(col) = axis.column(date) {
            buf.set_string(chart.x + col, y, s, style);
        }
    };
    match lane.kind {
        ItemKind::Goal => draw_goal_bar(buf, lane, axis, (chart, y), today),
        _ => match lane.done {
            Some(done) => put(buf, done, "◆", theme::good()),
            None => {
                if let Some(due) = lane.due {
                    put(buf, due, "◇", theme::standing_style(lane.standing));
                }
            }
        },
    }
}

/// A goal's bar: start to deadline (or to today without one), the part it has come filled;
/// the deadline as `┃`, the day it was done as `✓`, a finish the rate projects past the
/// deadline as `◌`.
fn draw_goal_bar(
    buf: &mut Buffer,
    lane: &Lane,
    axis: &Axis,
    (chart, y): (Rect, u16),
    today: NaiveDate,
) {
    let end = lane.done.or(lane.due).unwrap_or(today.max(lane.start));
    let Some((a, b)) = axis.clamped(lane.start, end) else {
        return mark_goal_dates(buf, lane, axis, (chart, y));
    };
    let days = (end - lane.start).num_days().max(1) as f64;
    let filled_to = crate::model::dates::plus_days(lane.start, (days * lane.progress) as u64);
    let style = theme::standing_style(lane.standing);
    for col in a..=b {
        let day = axis.day_of(col);
        let (glyph, style) = if day <= filled_to && lane.progress > 0.0 {
            ("━", style)
        } else if lane.due.is_none() {
            ("┄", theme::dim())
        } else {
            ("─", theme::dim())
        };
        buf.set_string(chart.x + col, y, glyph, style);
    }
    mark_goal_dates(buf, lane, axis, (chart, y));
}

fn mark_goal_dates(buf: &mut Buffer, lane: &Lane, axis: &Axis, (chart, y): (Rect, u16)) {
    let mut put = |date: Option<NaiveDate>, s: &str, style: Style| {
        if let Some(col) = date.and_then(|d| axis.column(d)) {
            buf.set_string(chart.x + col, y, s, style);
        }
    };
    let late_finish = lane
        .projected
        .filter(|p| lane.done.is_none() && lane.due.is_some_and(|d| *p > d));
    put(late_finish, "◌", theme::warn());
    put(
        lane.due.filter(|_| lane.done.is_none()),
        "┃",
        theme::title(),
    );
    put(lane.done, "✓", theme::good());
}

/// One line about the selected lane: progress, pace, dates.
fn about_lane(state: &AppState, lane: &Lane) -> String {
    let day = text::day(state);
    let title = state.doc.title_of(lane.id);
    let mut parts = vec![format!("{title}: {:.0}% done", lane.progress * 100.0)];
    if let Some(e) = lane.expected.filter(|_| lane.done.is_none()) {
        parts.push(format!("pace line at {:.0}%", e * 100.0));
    }
    parts.push(lane.standing.label().to_string());
    let due_word = if lane.kind == ItemKind::Goal {
        "deadline"
    } else {
        "target"
    };
    match (lane.done, lane.due) {
        (Some(done), _) => parts.push(format!("done {}", day.show(done))),
        (None, Some(due)) => parts.push(format!("{due_word} {}", day.show(due))),
        (None, None) => parts.push(format!("no {due_word} yet")),
    }
    if let Some(p) = lane.projected.filter(|_| lane.done.is_none()) {
        parts.push(format!("at this rate {}", day.show(p)));
    }
    if lane.kind != ItemKind::Goal {
        parts.push(format!("of “{}”", state.doc.title_of(lane.goal)));
    }
    parts.join(" · ")
}
