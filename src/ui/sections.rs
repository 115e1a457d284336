//! The Profile screen's bar of sections: all of them when they fit, else a stretch around
//! the open one with markers where more are.

use super::{text, theme};
use crate::model::profile::Section;
use ratatui::text::{Line, Span};

/// The bar of sections: all of them when they fit; else the stretch around the open one,
/// with `‹` / `›` where more sections are (every section stays reachable, and one can see
/// that it is).
pub(super) fn section_bar(open: Section, width: usize) -> Line<'static> {
    let labels: Vec<String> = Section::ALL
        .iter()
        .map(|s| format!(" {} ", s.title()))
        .collect();
    let at = Section::ALL.iter().position(|s| *s == open).unwrap_or(0);
    let (from, to) = section_window(&labels, at, width);
    let mut spans = Vec::new();
    if from > 0 {
        spans.push(Span::styled("‹", theme::key()));
    }
    for (i, label) in labels.iter().enumerate().take(to).skip(from) {
        let style = if i == at {
            theme::selected()
        } else {
            theme::dim()
        };
        spans.push(Span::styled(label.clone(), style));
    }
    if to < labels.len() {
        spans.push(Span::styled("›", theme::key()));
    }
    Line::from(spans)
}

/// The labels `from..to` shown in `width` columns: the first stretch that holds label `at`,
/// a column kept for each marker of hidden labels.
fn section_window(labels: &[String], at: usize, width: usize) -> (usize, usize) {
    for from in 0..=at {
        let mut used = usize::from(from > 0);
        let mut to = from;
        while to < labels.len() {
            let marker = usize::from(to + 1 < labels.len());
            if used + text::width(&labels[to]) + marker > width {
                break;
            }
            used += text::width(&labels[to]);
            to += 1;
        }
        if to > at {
            return (from, to);
        }
    }
    (at, at + 1)
}
