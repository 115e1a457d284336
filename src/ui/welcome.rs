//! The first thing a new user sees: what goalcoach is for and the one key to press.

use super::{layout, theme};
use crate::app::action::Action;
use crate::keymap::{Keymap, Layer};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// Draws the welcome for an empty plan.
pub fn draw(frame: &mut Frame, area: Rect, keymap: &Keymap) {
    let key = |a: Action| keymap.key_for(Layer::Global, &a);
    let lines = vec![
        Line::styled("Welcome to goalcoach", theme::title()),
        Line::default(),
        Line::raw(
            "Good career plans start with where you want to be. Here that is a goal, and a good goal is SMART: Specific, Measurable, Achievable, Relevant and Time-bound.",
        ),
        Line::default(),
        Line::raw(
            "Break each goal into milestones — checkpoints on the way — and each milestone into action steps you could do this week. Check in as you go; once a week a short review looks back and plans ahead.",
        ),
        Line::default(),
        Line::from(vec![
            Span::raw("Press "),
            Span::styled(key(Action::NewGoal), theme::key()),
            Span::raw(" to write your first goal. "),
            Span::styled(key(Action::ToggleHelp), theme::key()),
            Span::raw(" shows every key."),
        ]),
        Line::default(),
        Line::styled(
            format!(
                "To look around a sample plan first, quit with {} and run: goalcoach --demo",
                key(Action::Quit)
            ),
            theme::dim(),
        ),
    ];
    let height = 16.min(area.height);
    let box_area = layout::centered(area, 72, height);
    frame.render_widget(Clear, box_area);
    let block = Block::bordered().title(" Start here ");
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        box_area,
    );
}
