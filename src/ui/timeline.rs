//! The Timeline screen: a label column (each goal, its milestones under it, with how it
//! stands), a chart of the stretch of time on show (today marked; a goal's bar from its start
//! to its deadline, filled as far as it has come; milestones at their targets), and a line
//! about the selected lane.

use super::{text, theme};
use crate::app::action::Action;
use crate::app::action::Screen;
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
    let block = Block::bordered();
    let block = if screen.lanes().is_empty() {
        block
    } else {
        block.title_bottom(text::truncate(
            LEGEND,
            area.width.saturating_sub(2) as usize,
        ))
    };
    let inner = block.inner(area);
    let label_width = (inner.width / 3).clamp(12, 32);
    let chart = Rect {
        x: inner.x + label_width + 1,
        width: inner.width.saturating_sub(label_width + 1),
        ..inner
    };
    let axis = screen.axis(state, chart.width);
    if !screen.lanes().is_empty() {
        title = format!("{title}· {} ", span_words(&axis));
    }
    frame.render_widget(block.title(title), area);
    if screen.lanes().is_empty() {
        draw_empty(frame, inner, state);
        return;
    }
    if inner.height < 4 || inner.width < 20 {
        return;
    }
    draw_ticks(frame.buffer_mut(), chart, &axis, state.today());
    draw_lanes(
        frame.buffer_mut(),
        state,
        inner,
        (chart, label_width),
        &axis,
    );
    let selected = screen.sel.index;
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

/// The lanes that fit, scrolled to keep the selected one in view.
fn draw_lanes(
    buf: &mut Buffer,
    state: &AppState,
    inner: Rect,
    (chart, label_width): (Rect, u16),
    axis: &Axis,
) {
    let screen = &state.screens.timeline;
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
        draw_label(buf, state, lane, (inner.x, y, label_width), is_selected);
        draw_lane(buf, lane, axis, (chart, y), state.today());
    }
}

/// What an empty timeline says, naming the keys that put something on it.
fn draw_empty(frame: &mut Frame, area: Rect, state: &AppState) {
    let key = |a: Action| {
        state
            .settings
            .keymap
            .key_for(Layer::Screen(Screen::Timeline), &a)
    };
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

/// The axis: a label where each week (or month) begins, cut to the room before the next
/// (so every month keeps at least its first letter), and today marked `▼` — with its date
/// beside it on the weeks scale; a label it would cover moves just past it when there is
/// room.
fn draw_ticks(buf: &mut Buffer, chart: Rect, axis: &Axis, today: NaiveDate) {
    let today_col = axis.column(today);
    let today_label = today_col.map(|col| {
        let label = match axis.scale {
            crate::model::timeline::Scale::Weeks => format!("▼{}", today.format("%-d %b")),
            crate::model::timeline::Scale::Months => "▼".to_string(),
        };
        (col, label)
    });
    let ticks = axis.ticks();
    for (i, (col, label)) in ticks.iter().enumerate() {
        let mut next = ticks.get(i + 1).map(|(c, _)| *c);
        let mut start = *col;
        if let Some((t, l)) = &today_label {
            let (t_end, width) = (t + text::width(l) as u16, text::width(label) as u16);
            let months = axis.scale == crate::model::timeline::Scale::Months;
            if months && start < *t && *t < start + width {
                // A month begun before today's mark: cut short of it ("No▼").
                next = Some(*t + 1);
            } else if start <= t_end && *t <= start + width {
                start = t_end + 1;
            }
        }
        // A month's name is cut to the room before the next label (a letter still names it);
        // a date shows whole or not at all ("2" would read as another day). At the chart's
        // edge, whole or not at all.
        let months = axis.scale == crate::model::timeline::Scale::Months;
        let label: String = match next {
            Some(next) if next > start + 1 => {
                let room = (next - start - 1) as usize;
                if !months && text::width(label) > room {
                    continue;
                }
                label.chars().take(room).collect()
            }
            Some(_) => continue,
            None if text::width(label) <= chart.width.saturating_sub(start) as usize => {
                label.clone()
            }
            None => continue,
        };
        buf.set_string(chart.x + start, chart.y, &label, theme::dim());
    }
    if let Some((col, label)) = today_label {
        let room = chart.width.saturating_sub(col) as usize;
        buf.set_string(
            chart.x + col,
            chart.y,
            text::truncate(&label, room),
            theme::accent(),
        );
    }
}

/// The stretch of time on show, for the box's title ("Nov 2026 – Feb 2027").
fn span_words(axis: &Axis) -> String {
    let last = axis.day_of(axis.columns.saturating_sub(1));
    format!("{} – {}", axis.first.format("%b %Y"), last.format("%b %Y"))
}

/// What the marks mean, on the box's bottom edge.
const LEGEND: &str = " ━ come so far  ─ to go  ┃ deadline  ◇ milestone  ◆ reached  ✓ done  ◌ projected finish  ▼ today ";

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
