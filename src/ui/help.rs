//! The `?` overlay: every binding of every layer, read from the keymap table — the keys of
//! the screen in use first, then those that work everywhere, then the rest; descriptions
//! wrap.

use super::{layout, text, theme};
use crate::app::action::Action;
use crate::app::overlay::HelpView;
use crate::keymap::{self, Keymap, Layer};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// The heading of a group of bindings: the layers they work in.
fn heading(layers: &[Layer]) -> String {
    let titles: Vec<&str> = layers.iter().map(|l| l.title()).collect();
    titles.join(" · ")
}

/// Every binding, grouped by the layers it works in: the groups that work on `here` first,
/// then those that work everywhere, then the others (each in table order).
fn help_lines(keymap: &Keymap, here: Layer, width: usize, filter: &str) -> Vec<Line<'static>> {
    let filter = filter.trim().to_lowercase();
    let shown = |b: &crate::keymap::Bound| {
        filter.is_empty()
            || b.label.to_lowercase().contains(&filter)
            || keymap::keys_text(b).to_lowercase().contains(&filter)
            || b.name().to_lowercase().contains(&filter)
    };
    let mut lines = Vec::new();
    for layers in ordered_groups(keymap, here) {
        let rows: Vec<_> = keymap
            .rows()
            .iter()
            .filter(|b| b.layers == layers && shown(b))
            .collect();
        if rows.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(heading(layers), theme::title()));
        for b in rows {
            let keys = text::fit(&keymap::keys_text(b), 16);
            let words = text::wrap(b.label, width.saturating_sub(18).max(10));
            for (n, part) in words.into_iter().enumerate() {
                let keys = if n == 0 { keys.clone() } else { " ".repeat(16) };
                lines.push(Line::from(vec![
                    Span::styled(format!("  {keys}"), theme::key()),
                    Span::raw(part),
                ]));
            }
        }
    }
    if lines.is_empty() {
        lines.push(Line::styled(
            format!("No key's words hold “{filter}”."),
            theme::dim(),
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        format!("Dates: {}", crate::model::dates::DATE_FORMS),
        theme::dim(),
    ));
    lines
}

/// The groups of bindings (by the layers they work in) in the order the help shows them: the
/// ones of `here` alone, those of `here` and everywhere, everywhere, then the rest.
fn ordered_groups(keymap: &Keymap, here: Layer) -> Vec<&'static [Layer]> {
    let mut groups: Vec<&'static [Layer]> = Vec::new();
    for b in keymap.rows() {
        if !groups.contains(&b.layers) {
            groups.push(b.layers);
        }
    }
    let rank = |layers: &[Layer]| {
        if layers.contains(&here) && !layers.contains(&Layer::Global) {
            0
        } else if layers.contains(&here) {
            1
        } else if layers.contains(&Layer::Global) {
            2
        } else {
            3
        }
    };
    groups.sort_by_key(|layers| rank(layers));
    groups
}

/// Draws the help overlay for the layer `here`, scrolled down by `scroll` lines.
pub fn draw(frame: &mut Frame, area: Rect, view: &HelpView, keymap: &Keymap, here: Layer) {
    let key = |a: Action| keymap.key_for(Layer::Help, &a);
    let box_area = layout::centered(area, 70, area.height);
    let width = box_area.width.saturating_sub(2) as usize;
    let filter = view.filter.value();
    let mut lines = Vec::new();
    if view.typing || !filter.is_empty() {
        let cursor = if view.typing { "▏" } else { "" };
        lines.push(Line::from(vec![
            Span::styled("/", theme::key()),
            Span::raw(format!("{filter}{cursor}")),
        ]));
    }
    lines.extend(help_lines(keymap, here, width, filter));
    let scroll = view.scroll;
    let visible = box_area.height.saturating_sub(2);
    let max_scroll = (lines.len() as u16).saturating_sub(visible);
    frame.render_widget(Clear, box_area);
    let block = Block::bordered()
        .title(" Keys ")
        .title_bottom(format!(
            " {}/{} scroll · {} find · {} close ",
            key(Action::MoveDown),
            key(Action::MoveUp),
            key(Action::StartSearch),
            key(Action::ToggleHelp)
        ))
        .border_style(theme::accent());
    let paragraph = Paragraph::new(lines)
        .block(block)
        .scroll((scroll.min(max_scroll), 0));
    frame.render_widget(paragraph, box_area);
}
