//! Screens still to come say what they will hold, so nobody wonders whether they are broken.

use super::theme;
use crate::app::state::Screen;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

fn promise(screen: Screen) -> &'static str {
    match screen {
        Screen::Goals | Screen::Agenda | Screen::Priorities | Screen::Review => "",
        Screen::Profile => {
            "Your career profile: current role, strengths and growth areas, values and interests, a SWOT, an achievements log, feedback from others and the career paths you are weighing."
        }
    }
}

/// Draws the placeholder for `screen`.
pub fn draw(frame: &mut Frame, area: Rect, screen: Screen, keymap: &crate::keymap::Keymap) {
    let back = keymap.key_for(
        crate::keymap::Layer::Main,
        &crate::app::action::Action::ShowScreen(Screen::Goals),
    );
    let lines = vec![
        Line::styled(format!("{} — coming soon", screen.title()), theme::title()),
        Line::default(),
        Line::raw(promise(screen)),
        Line::default(),
        Line::styled(
            format!("Press {back} to go back to your goals."),
            theme::dim(),
        ),
    ];
    let block = Block::bordered().title(format!(" {} ", screen.title()));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        area,
    );
}
