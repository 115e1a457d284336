//! The Profile screen: the sections as tabs, the open section's rows, the SWOT as four
//! quadrants, and which goals serve each value (career paths are drawn in `paths`).

use super::paths::{draw_compare, paths_lines};
use super::{text, theme};
use crate::app::action::Action;
use crate::app::action::Screen;
use crate::app::state::AppState;
use crate::keymap::Layer;
use crate::model::feed::{unused_strengths, value_coverage};
use crate::model::profile::{Quality, SWOT_PARTS, Section};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Draws the Profile screen.
pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let [tabs, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let open = state.screens.profile.section;
    frame.render_widget(
        super::sections::section_bar(open, tabs.width as usize),
        tabs,
    );
    let title = format!(" {} ", open.title());
    match open {
        Section::Swot => draw_swot(frame, body, state),
        Section::CareerPaths if state.screens.profile.compare => draw_compare(frame, body, state),
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

/// The key of `action` on the Profile screen, as the keymap in force has it.
pub(super) fn key(state: &AppState, action: Action) -> String {
    state
        .settings
        .keymap
        .key_for(Layer::Screen(Screen::Profile), &action)
}

/// Row `i` of a section's list, highlighted when it is the picked one.
pub(super) fn row(picked: usize, i: usize, text: String) -> Line<'static> {
    let line = Line::raw(text);
    if i == picked {
        line.style(theme::selected())
    } else {
        line
    }
}

pub(super) fn empty(state: &AppState, what: &str) -> Vec<Line<'static>> {
    let add = key(state, Action::AddEntry);
    let mut lines = vec![Line::styled(
        format!("Nothing here yet. Press {add} to add {what}."),
        theme::dim(),
    )];
    let guided = key(state, Action::Journey);
    lines.push(Line::styled(
        format!("Or let {guided} (guided start) ask you about it a question at a time."),
        theme::dim(),
    ));
    lines
}

/// Strengths (with those no goal uses yet pointed out) or growth areas (each a goal away).
fn qualities(state: &AppState, list: &[Quality], what: &str) -> Vec<Line<'static>> {
    let picked = state.screens.profile.position(state);
    if list.is_empty() {
        return empty(state, what);
    }
    let growth = state.screens.profile.section == Section::GrowthAreas;
    let unused = unused_strengths(state.plan());
    let mut lines = Vec::new();
    for (i, q) in list.iter().enumerate() {
        lines.push(row(picked, i, format!("• {}", q.name)));
        for (label, value) in [("evidence", &q.evidence), ("plan", &q.plan)] {
            if !value.is_empty() {
                lines.push(Line::styled(format!("    {label}: {value}"), theme::dim()));
            }
        }
        if !growth && unused.contains(&q.name) {
            lines.push(Line::styled(
                "    no goal uses this yet — pick it in a goal's R · Strengths",
                theme::dim(),
            ));
        }
    }
    if growth {
        lines.extend(goal_from_entry_hint(state, "the picked growth area"));
    }
    lines
}

/// A blank line and "<key> makes a goal of <what>.", under a list an entry can become a goal
/// from.
fn goal_from_entry_hint(state: &AppState, what: &str) -> [Line<'static>; 2] {
    let text = format!(
        "{} makes a goal of {what}.",
        key(state, Action::EntryToGoal)
    );
    [Line::default(), Line::styled(text, theme::dim())]
}

fn section_lines(state: &AppState) -> Vec<Line<'static>> {
    let picked = state.screens.profile.position(state);
    let p = &state.plan().profile;
    let day = text::day(state);
    match state.screens.profile.section {
        Section::Role => role_lines(state),
        Section::Strengths => qualities(state, &p.strengths, "your strengths"),
        Section::GrowthAreas => qualities(state, &p.growth_areas, "areas to grow in"),
        Section::Values => values_lines(state),
        Section::Interests if p.interests.is_empty() => empty(state, "your interests"),
        Section::Interests => interests_lines(state, picked),
        Section::Achievements if p.achievements.is_empty() => {
            let promote = state
                .settings
                .keymap
                .key_for(Layer::Screen(Screen::Goals), &Action::Promote);
            empty(
                state,
                &format!("achievements (or press {promote} on a done step in the tree)"),
            )
        }
        Section::Achievements => {
            let order = Section::Achievements.shown_order(p);
            order
                .into_iter()
                .map(|at| &p.achievements[at])
                .enumerate()
                .map(|(i, a)| row(picked, i, achievement_text(state, &day, a)))
                .collect()
        }
        Section::Feedback => feedback_lines(state),
        Section::Swot | Section::CareerPaths => paths_lines(state),
    }
}

fn interests_lines(state: &AppState, picked: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = state
        .plan()
        .profile
        .interests
        .iter()
        .enumerate()
        .map(|(i, n)| row(picked, i, format!("• {}  {}", n.name, n.note)))
        .collect();
    lines.extend(goal_from_entry_hint(state, "exploring the picked interest"));
    lines
}

/// "date  what — evidence  · goal".
fn achievement_text(
    state: &AppState,
    day: &text::Day,
    a: &crate::model::profile::Achievement,
) -> String {
    let goal = a
        .goal
        .map(|g| format!("  · {}", state.doc.title_of(g)))
        .unwrap_or_default();
    let evidence = if a.evidence.is_empty() {
        String::new()
    } else {
        format!(" — {}", a.evidence)
    };
    let when = if a.date_unknown {
        "date not known".to_string()
    } else {
        day.show(a.date)
    };
    format!("{when}  {}{evidence}{goal}", a.what)
}

fn role_lines(state: &AppState) -> Vec<Line<'static>> {
    let p = &state.plan().profile;
    if p.current_role.is_empty() && p.keep.is_empty() && p.change.is_empty() && p.vision.is_empty()
    {
        let edit = key(state, Action::EditSection);
        let mut lines = empty(state, "");
        lines[0] = Line::styled(
            format!(
                "Nothing here yet. Press {edit} to write down your current role, how satisfied you are, what to keep and what to change."
            ),
            theme::dim(),
        );
        return lines;
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
    for (label, text) in [
        ("Keep", &p.keep),
        ("Change", &p.change),
        ("Vision, one to three years out", &p.vision),
    ] {
        lines.push(Line::styled(format!("{label}:"), theme::dim()));
        lines.extend(text.lines().map(|l| Line::raw(format!("  {l}"))));
    }
    let trend = super::trend::satisfaction_lines(p, text::day(state), 60);
    if !trend.is_empty() {
        lines.push(Line::default());
        lines.extend(trend);
    }
    lines
}

fn values_lines(state: &AppState) -> Vec<Line<'static>> {
    let picked = state.screens.profile.position(state);
    let p = &state.plan().profile;
    if p.values.is_empty() {
        return empty(state, "what matters to you at work");
    }
    let mut lines = Vec::new();
    for (i, (name, goals)) in value_coverage(state.plan()).into_iter().enumerate() {
        lines.push(row(picked, i, format!("• {name}  {}", p.values[i].note)));
        if goals.is_empty() {
            lines.push(Line::styled(
                "    no active goal serves this yet — worth a goal?",
                theme::warn(),
            ));
        } else {
            let titles: Vec<_> = goals
                .iter()
                .map(|g| state.doc.title_of(*g).to_string())
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
    let picked = state.screens.profile.position(state);
    let p = &state.plan().profile;
    if p.feedback.is_empty() {
        return empty(state, "what a mentor, manager or peer told you");
    }
    let day = text::day(state);
    let mut lines = Vec::new();
    for (i, f) in p.feedback.iter().enumerate() {
        let from = if f.from.is_empty() {
            String::new()
        } else {
            format!(" · {}", f.from)
        };
        lines.push(row(
            picked,
            i,
            format!("{}{from}: {}", day.show(f.date), f.what),
        ));
        if !f.about.is_empty() {
            lines.push(Line::styled(
                format!("    about: {}", f.about.join(", ")),
                theme::dim(),
            ));
        }
        let link = match (f.step, f.goal) {
            (Some(step), _) => format!("    → step: {}", state.doc.title_of(step)),
            (None, Some(goal)) => format!(
                "    goal: {} — {} turns it into a step",
                state.doc.title_of(goal),
                key(state, Action::FeedbackToStep)
            ),
            (None, None) => format!(
                "    link a goal ({}) to turn it into a step",
                key(state, Action::EditSection)
            ),
        };
        lines.push(Line::styled(link, theme::dim()));
    }
    lines
}

/// The SWOT as four quadrants, the picked line marked; a line under them says what an
/// opportunity and a threat can become.
fn draw_swot(frame: &mut Frame, area: Rect, state: &AppState) {
    let swot = &state.plan().profile.swot;
    let picked = state.screens.profile.position(state);
    let [grid, help] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let [top, bottom] = Layout::vertical([Constraint::Fill(1); 2]).areas(grid);
    let [s, w] = Layout::horizontal([Constraint::Fill(1); 2]).areas(top);
    let [o, t] = Layout::horizontal([Constraint::Fill(1); 2]).areas(bottom);
    let mut first = 0;
    for ((rect, (_, title)), items) in [s, w, o, t].into_iter().zip(SWOT_PARTS).zip(swot.lists()) {
        let lines: Vec<Line> = if items.is_empty() {
            vec![Line::styled(
                format!("— ({} to add)", key(state, Action::EditSection)),
                theme::dim(),
            )]
        } else {
            items
                .iter()
                .enumerate()
                .map(|(i, l)| row(picked, first + i, format!("• {l}")))
                .collect()
        };
        first += items.len();
        let block = Block::bordered().title(format!(" {title} ({}) ", items.len()));
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(block),
            rect,
        );
    }
    let hint = format!(
        "{} makes a goal of an opportunity · {} makes a threat a barrier on a goal",
        key(state, Action::EntryToGoal),
        key(state, Action::FeedbackToStep)
    );
    frame.render_widget(Line::styled(hint, theme::dim()), help);
}
