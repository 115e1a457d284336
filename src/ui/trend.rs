//! Satisfaction over time, drawn small: one bar per rating, then the ratings themselves. Used
//! by the Profile's role section and the Review screen's step back.

use super::text::Day;
use super::theme;
use crate::model::profile::Profile;
use crate::model::stepping_back::satisfaction_trend;
use ratatui::text::{Line, Span};

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The bar for a rating from 1 to 10.
fn bar(value: u8) -> char {
    let at = (usize::from(value.clamp(1, 10)) - 1) * (BARS.len() - 1) / 9;
    BARS[at]
}

/// The trend as lines: a heading, the bars, and the latest ratings with their dates; empty
/// when there is no rating yet.
pub fn satisfaction_lines(profile: &Profile, day: Day<'_>, width: usize) -> Vec<Line<'static>> {
    let points = satisfaction_trend(profile);
    if points.is_empty() {
        return Vec::new();
    }
    let fit = width.saturating_sub(2).max(1);
    let shown = &points[points.len().saturating_sub(fit)..];
    let bars: String = shown.iter().map(|(_, v)| bar(*v)).collect();
    let words: Vec<String> = shown
        .iter()
        .rev()
        .take(4)
        .rev()
        .map(|(d, v)| format!("{v} ({})", day.show(*d)))
        .collect();
    vec![
        Line::styled("Satisfaction over time", theme::dim()),
        Line::from(vec![Span::styled(bars, theme::accent())]),
        Line::raw(words.join(" → ")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_rise_with_the_rating() {
        assert_eq!(bar(1), '▁');
        assert_eq!(bar(10), '█');
        assert!(bar(6) > bar(5) || bar(6) == bar(5));
        assert_eq!(bar(0), '▁', "out of range is clamped");
    }
}
