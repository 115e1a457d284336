//! A yes/no question over the screen.

use super::{layout, theme};
use crate::app::action::Action;
use crate::app::overlay::Question;
use crate::keymap::{Keymap, Layer};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// Draws `question` in a box in the middle of `area`.
pub fn draw(frame: &mut Frame, area: Rect, question: &Question, keymap: &Keymap) {
    let key = |a: Action| keymap.key_for(Layer::Confirm, &a);
    let text_lines = question.text.lines().map(|l| Line::raw(l.to_string()));
    let width = 70.min(area.width);
    // Long paths are wrapped, never cut: size the box for the wrapped text.
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = question
        .text
        .lines()
        .map(|l| {
            // Wrapping at word ends can take a row more than the bare count.
            let w = super::text::width(l);
            w.div_ceil(inner).max(1) + usize::from(w > inner)
        })
        .sum();
    let height = u16::try_from(rows + 4).unwrap_or(u16::MAX);
    let box_area = layout::centered(area, width, height);
    let mut lines: Vec<Line> = text_lines.collect();
    let (yes, no) = question.on_yes.choices();
    lines.extend([
        Line::default(),
        Line::from(vec![
            Span::styled(key(Action::Confirm), theme::key()),
            Span::raw(format!(" {yes}   ")),
            Span::styled(key(Action::Deny), theme::key()),
            Span::raw(format!(" {no}")),
        ]),
    ]);
    frame.render_widget(Clear, box_area);
    let block = Block::bordered()
        .title(question.on_yes.title())
        .border_style(theme::warn());
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        box_area,
    );
}
