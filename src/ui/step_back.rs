//! The step back on the Review screen: whether the monthly or quarterly step back is due,
//! under way or done, the satisfaction trend, and what the last one decided.

use super::{text, theme, trend};
use crate::app::action::Action;
use crate::app::action::Screen;
use crate::app::state::AppState;
use crate::keymap::Layer;
use crate::model::stepback::{Relevance, StepBack};
use crate::model::stepping_back::{self, State};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Draws the step back's box.
pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let cadence = state.settings.step_back;
    let mut lines = status_lines(state);
    let p = &state.plan().profile;
    let width = area.width.saturating_sub(2) as usize;
    let trend = trend::satisfaction_lines(p, text::day(state), width);
    if !trend.is_empty() {
        lines.push(Line::default());
        lines.extend(trend);
    }
    if let Some(last) = p.step_backs.iter().rev().find(|r| r.stage.is_none()) {
        lines.push(Line::default());
        lines.push(Line::styled(summary(last), theme::dim()));
    }
    let title = format!(" Step back ({}) ", cadence.adjective());
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(title)),
        area,
    );
}

fn status_lines(state: &AppState) -> Vec<Line<'static>> {
    let key = state
        .settings
        .keymap
        .key_for(Layer::Screen(Screen::Review), &Action::StepBack);
    let day = text::day(state);
    let start = |words: String| {
        Line::from(vec![
            Span::styled(key.clone(), theme::key()),
            Span::raw(format!(" {words}")),
        ])
    };
    match stepping_back::state(state.plan(), state.today(), state.settings.step_back) {
        State::NotYet { .. } => vec![Line::styled(
            "Once your plan has run a while, step back here to look at the bigger picture.",
            theme::dim(),
        )],
        State::Upcoming { period, due } => vec![
            Line::raw(format!("{}: due from {}.", period.label, day.show(due))),
            start("takes it early".into()),
        ],
        State::Due { period } => vec![
            Line::styled(
                format!("Time to step back: {}.", period.label),
                theme::title(),
            ),
            Line::raw("Satisfaction, values, each goal's place, paths, what you achieved."),
            start("starts it".into()),
        ],
        State::InProgress { period, stage } => vec![
            Line::raw(format!(
                "{} is under way ({}).",
                period.label,
                stage.title()
            )),
            start("picks it up".into()),
        ],
        State::Done { period } => vec![Line::raw(format!("{} is done.", period.label))],
    }
}

/// One line about a finished step back: its period, satisfaction and goal decisions.
fn summary(r: &StepBack) -> String {
    let count = |d: Relevance| r.goals.iter().filter(|g| g.decision == d).count();
    let satisfaction = r
        .satisfaction
        .map_or(String::new(), |s| format!(", satisfaction {s}/10"));
    format!(
        "Last: {}{satisfaction}; goals kept {}, adapted {}, dropped {}; {}.",
        r.period,
        count(Relevance::Keep),
        count(Relevance::Adapt),
        count(Relevance::Drop),
        text::plural(r.achievements.len(), "achievement")
    )
}
