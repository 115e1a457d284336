//! A yes/no question over the screen.

use super::{layout, theme};
use crate::app::action::Action;
use crate::app::state::Question;
use crate::keymap::{Keymap, Layer};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// Draws `question` in a box in the middle of `area`.
pub fn draw(frame: &mut Frame, area: Rect, question: &Question, keymap: &Keymap) {
    let key = |a: Action| keymap.key_for(Layer::Confirm, &a);
    let box_area = layout::centered(area, 60, 7);
    let lines = vec![
        Line::raw(question.text.clone()),
        Line::default(),
        Line::from(vec![
            Span::styled(key(Action::Confirm), theme::key()),
            Span::raw(" yes   "),
            Span::styled(key(Action::Deny), theme::key()),
            Span::raw(" no"),
        ]),
    ];
    frame.render_widget(Clear, box_area);
    let block = Block::bordered()
        .title(" Are you sure? ")
        .border_style(theme::warn());
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        box_area,
    );
}
