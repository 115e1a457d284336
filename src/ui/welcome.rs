//! The first thing a new user sees under the guided start: what goalcoach is for, how the
//! guided start leads to a first plan (and where it stopped, if it did), and the shortcut of
//! writing a goal straight away.

use super::{layout, theme};
use crate::app::action::Action;
use crate::app::action::Screen;
use crate::app::state::AppState;
use crate::keymap::Layer;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// Draws the welcome for a plan with no goal yet.
pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let key = |a: Action| {
        state
            .settings
            .keymap
            .key_for(Layer::Screen(Screen::Goals), &a)
    };
    let journey = &state.plan().profile.journey;
    let start = if journey.is_under_way() {
        format!(
            " to pick the guided start up where you left it (“{}”).",
            journey.resume_at().title()
        )
    } else {
        " for the guided start: a few short questions about where you are and where you want \
         to go, then a first goal with a milestone and a step for this week. About ten \
         minutes; every question can be skipped."
            .to_string()
    };
    let lines = vec![
        Line::styled("Welcome to goalcoach", theme::title()),
        Line::default(),
        Line::raw(
            "A good career plan starts from what you have done and what matters to you, turns \
             that into a few SMART goals (Specific, Measurable, Achievable, Relevant, \
             Time-bound), breaks each into milestones and steps you could take this week, and \
             comes back to them in a short weekly review.",
        ),
        Line::default(),
        Line::from(vec![
            Span::raw("Press "),
            Span::styled(key(Action::Open), theme::key()),
            Span::raw(start),
        ]),
        Line::default(),
        Line::from(vec![
            Span::raw("Know your goal already? "),
            Span::styled(key(Action::NewGoal), theme::key()),
            Span::raw(" writes it straight away. "),
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
    let height = 20.min(area.height);
    let box_area = layout::centered(area, 72, height);
    frame.render_widget(Clear, box_area);
    let block = Block::bordered().title(" Start here ");
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        box_area,
    );
}
