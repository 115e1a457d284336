//! The Profile screen: the sections as tabs, the open section's rows, the SWOT as four
//! quadrants, career paths as a list or side by side, and which goals serve each value.

use super::{text, theme};
use crate::app::profile::SECTIONS;
use crate::app::state::AppState;
use crate::model::profile::{Quality, SWOT_PARTS, value_coverage};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Draws the Profile screen.
pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let [tabs, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let spans: Vec<Span> = SECTIONS
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let style = if i == state.profile_section {
                theme::selected()
            } else {
                theme::dim()
            };
            Span::styled(format!(" {s} "), style)
        })
        .collect();
    frame.render_widget(Line::from(spans), tabs);
    let title = format!(" {} ", SECTIONS[state.profile_section]);
    match state.profile_section {
        5 => draw_swot(frame, body, state),
        8 if state.profile_compare => draw_compare(frame, body, state),
        _ => {
            let lines = section_lines(state);
            let block = Block::bordered().title(title);
            frame.render_widget(
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .block(block),
                body,
            );
        }
    }
}

fn row(state: &AppState, i: usize, text: String) -> Line<'static> {
    let line = Line::raw(text);
    if i == state.profile_row {
        line.style(theme::selected())
    } else {
        line
    }
}

fn empty(what: &str) -> Vec<Line<'static>> {
    vec![
        Line::styled(
            format!("Nothing here yet. Press e to add {what}."),
            theme::dim(),
        ),
        Line::styled(
            "An empty profile? f walks you through a short first pass.",
            theme::dim(),
        ),
    ]
}

fn qualities(state: &AppState, list: &[Quality], what: &str) -> Vec<Line<'static>> {
    if list.is_empty() {
        return empty(what);
    }
    let mut lines = Vec::new();
    for (i, q) in list.iter().enumerate() {
        lines.push(row(state, i, format!("• {}", q.name)));
        for (label, value) in [("evidence", &q.evidence), ("plan", &q.plan)] {
            if !value.is_empty() {
                lines.push(Line::styled(format!("    {label}: {value}"), theme::dim()));
            }
        }
    }
    lines
}

fn section_lines(state: &AppState) -> Vec<Line<'static>> {
    let p = &state.plan.profile;
    let day = state.day();
    match state.profile_section {
        0 => role_lines(state),
        1 => qualities(state, &p.strengths, "your strengths"),
        2 => qualities(state, &p.growth_areas, "areas to grow in"),
        3 => values_lines(state),
        4 if p.interests.is_empty() => empty("your interests"),
        4 => p
            .interests
            .iter()
            .enumerate()
            .map(|(i, n)| row(state, i, format!("• {}  {}", n.name, n.note)))
            .collect(),
        6 if p.achievements.is_empty() => {
            empty("achievements (or press P on a done step in the tree)")
        }
        6 => {
            let mut list: Vec<_> = p.achievements.iter().collect();
            list.sort_by_key(|a| std::cmp::Reverse(a.date));
            list.into_iter()
                .enumerate()
                .map(|(i, a)| {
                    let goal = a
                        .goal
                        .map(|g| format!("  · {}", state.title_of(g)))
                        .unwrap_or_default();
                    let evidence = if a.evidence.is_empty() {
                        String::new()
                    } else {
                        format!(" — {}", a.evidence)
                    };
                    row(
                        state,
                        i,
                        format!("{}  {}{evidence}{goal}", day.show(a.date), a.what),
                    )
                })
                .collect()
        }
        7 => feedback_lines(state),
        _ => paths_lines(state),
    }
}

fn role_lines(state: &AppState) -> Vec<Line<'static>> {
    let p = &state.plan.profile;
    if p.current_role.is_empty() && p.keep.is_empty() && p.change.is_empty() {
        return empty("your current role, how satisfied you are, what to keep and what to change");
    }
    let sat = p
        .satisfaction
        .map(|s| format!("{s} of 10"))
        .unwrap_or_else(|| "—".into());
    let mut lines = vec![
        Line::from(vec![
            Span::styled("Role: ", theme::dim()),
            Span::raw(p.current_role.clone()),
        ]),
        Line::from(vec![
            Span::styled("Satisfaction: ", theme::dim()),
            Span::raw(sat),
        ]),
    ];
    for (label, text) in [("Keep", &p.keep), ("Change", &p.change)] {
        lines.push(Line::styled(format!("{label}:"), theme::dim()));
        lines.extend(text.lines().map(|l| Line::raw(format!("  {l}"))));
    }
    lines
}

fn values_lines(state: &AppState) -> Vec<Line<'static>> {
    let p = &state.plan.profile;
    if p.values.is_empty() {
        return empty("what matters to you at work");
    }
    let mut lines = Vec::new();
    for (i, (name, goals)) in value_coverage(&state.plan).into_iter().enumerate() {
        lines.push(row(state, i, format!("• {name}  {}", p.values[i].note)));
        if goals.is_empty() {
            lines.push(Line::styled(
                "    no active goal serves this yet — worth a goal?",
                theme::warn(),
            ));
        } else {
            let titles: Vec<_> = goals
                .iter()
                .map(|g| state.title_of(*g).to_string())
                .collect();
            lines.push(Line::styled(
                format!("    served by: {}", titles.join("; ")),
                theme::good(),
            ));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "Link a goal to a value in the goal's editor (R · Values).",
        theme::dim(),
    ));
    lines
}

fn feedback_lines(state: &AppState) -> Vec<Line<'static>> {
    let p = &state.plan.profile;
    if p.feedback.is_empty() {
        return empty("what a mentor, manager or peer told you");
    }
    let day = state.day();
    let mut lines = Vec::new();
    for (i, f) in p.feedback.iter().enumerate() {
        let from = if f.from.is_empty() {
            String::new()
        } else {
            format!(" · {}", f.from)
        };
        lines.push(row(
            state,
            i,
            format!("{}{from}: {}", day.show(f.date), f.what),
        ));
        let link = match (f.step, f.goal) {
            (Some(step), _) => format!("    → step: {}", state.title_of(step)),
            (None, Some(goal)) => format!(
                "    goal: {} — T turns it into a step",
                state.title_of(goal)
            ),
            (None, None) => "    link a goal (e) to turn it into a step".to_string(),
        };
        lines.push(Line::styled(link, theme::dim()));
    }
    lines
}

fn paths_lines(state: &AppState) -> Vec<Line<'static>> {
    let p = &state.plan.profile;
    if p.paths.is_empty() {
        return empty("career paths you are weighing");
    }
    let mut lines = Vec::new();
    for (i, c) in p.paths.iter().enumerate() {
        let fit = c
            .values_fit
            .map(|f| format!("  values fit {f}/5"))
            .unwrap_or_default();
        lines.push(row(state, i, format!("• {}{fit}", c.name)));
        if !c.why.is_empty() {
            lines.push(Line::styled(format!("    {}", c.why), theme::dim()));
        }
        let next = match c.goal {
            Some(goal) => format!("    first experiment is a goal: {}", state.title_of(goal)),
            None if c.first_experiment.is_empty() => "    no first experiment yet".to_string(),
            None => format!(
                "    first experiment: {} — G makes it a goal",
                c.first_experiment
            ),
        };
        lines.push(Line::styled(next, theme::dim()));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "v compares the paths side by side.",
        theme::dim(),
    ));
    lines
}

fn draw_swot(frame: &mut Frame, area: Rect, state: &AppState) {
    let swot = &state.plan.profile.swot;
    let [top, bottom] = Layout::vertical([Constraint::Fill(1); 2]).areas(area);
    let [s, w] = Layout::horizontal([Constraint::Fill(1); 2]).areas(top);
    let [o, t] = Layout::horizontal([Constraint::Fill(1); 2]).areas(bottom);
    for ((rect, (_, title)), items) in [s, w, o, t].into_iter().zip(SWOT_PARTS).zip(swot.lists()) {
        let lines: Vec<Line> = if items.is_empty() {
            vec![Line::styled("— (e to add)", theme::dim())]
        } else {
            items.iter().map(|i| Line::raw(format!("• {i}"))).collect()
        };
        let block = Block::bordered().title(format!(" {title} ({}) ", items.len()));
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(block),
            rect,
        );
    }
}

fn draw_compare(frame: &mut Frame, area: Rect, state: &AppState) {
    let paths = &state.plan.profile.paths;
    if paths.is_empty() {
        frame.render_widget(
            Paragraph::new(empty("career paths")).block(Block::bordered()),
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
