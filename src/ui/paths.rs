//! The Profile screen's career paths: a list with each path's fit, reason and first
//! experiment, or the paths side by side (pros, cons, skills gap) to compare.

use super::profile::{empty, key, row};
use super::{text, theme};
use crate::app::action::Action;
use crate::app::state::AppState;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

pub(super) fn paths_lines(state: &AppState) -> Vec<Line<'static>> {
    let picked = state.screens.profile.position(state);
    let p = &state.plan().profile;
    if p.paths.is_empty() {
        return empty(state, "career paths you are weighing");
    }
    let mut lines = Vec::new();
    for (i, c) in p.paths.iter().enumerate() {
        let fit = c
            .values_fit
            .map(|f| format!("  values fit {f}/5"))
            .unwrap_or_default();
        lines.push(row(picked, i, format!("• {}{fit}", c.name)));
        if !c.why.is_empty() {
            lines.push(Line::styled(format!("    {}", c.why), theme::dim()));
        }
        let next = match c.goal {
            Some(goal) => format!(
                "    first experiment is a goal: {}",
                state.doc.title_of(goal)
            ),
            None if c.first_experiment.is_empty() => "    no first experiment yet".to_string(),
            None => format!(
                "    first experiment: {} — {} makes it a goal",
                c.first_experiment,
                key(state, Action::EntryToGoal)
            ),
        };
        lines.push(Line::styled(next, theme::dim()));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        format!(
            "{} compares the paths side by side.",
            key(state, Action::ToggleCompare)
        ),
        theme::dim(),
    ));
    lines
}

pub(super) fn draw_compare(frame: &mut Frame, area: Rect, state: &AppState) {
    let paths = &state.plan().profile.paths;
    if paths.is_empty() {
        frame.render_widget(
            Paragraph::new(empty(state, "career paths")).block(Block::bordered()),
            area,
        );
        return;
    }
    let shown = paths.len().min(4);
    let columns = Layout::horizontal(vec![Constraint::Fill(1); shown]).split(area);
    for (c, rect) in paths.iter().take(shown).zip(columns.iter()) {
        let width = rect.width.saturating_sub(2) as usize;
        let mut lines = vec![Line::styled(text::truncate(&c.name, width), theme::title())];
        let fit = c
            .values_fit
            .map(|f| "●".repeat(f.into()) + &"○".repeat(5usize.saturating_sub(f.into())))
            .unwrap_or_else(|| "—".into());
        lines.push(Line::from(vec![
            Span::styled("values fit ", theme::dim()),
            Span::raw(fit),
        ]));
        for (label, items) in [
            ("Pros", &c.pros),
            ("Cons", &c.cons),
            ("Skills gap", &c.skills_gap),
        ] {
            lines.push(Line::default());
            lines.push(Line::styled(label.to_string(), theme::dim()));
            if items.is_empty() {
                lines.push(Line::raw("—"));
            }
            lines.extend(items.iter().map(|i| Line::raw(format!("• {i}"))));
        }
        lines.push(Line::default());
        lines.push(Line::styled("First experiment", theme::dim()));
        lines.push(Line::raw(if c.first_experiment.is_empty() {
            "—".to_string()
        } else {
            c.first_experiment.clone()
        }));
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(Block::bordered()),
            *rect,
        );
    }
}
