//! The top of the review's first stage: what the records ask this week's review to look
//! at, and what changed since the last review.

use super::theme;
use crate::app::state::AppState;
use crate::model::weekly;
use ratatui::text::Line;

pub(super) fn opens_with_lines(draft: &weekly::Draft) -> Vec<Line<'static>> {
    if draft.opens_with.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::styled("To come back to:", theme::title())];
    lines.extend(
        draft
            .opens_with
            .iter()
            .map(|said| Line::raw(format!("  {said}"))),
    );
    lines.push(Line::default());
    lines
}

pub(super) fn since_last_lines(state: &AppState, draft: &weekly::Draft) -> Vec<Line<'static>> {
    let Some(since) = &draft.since_last else {
        return Vec::new();
    };
    let mut lines = vec![Line::styled(
        format!("Since last review ({}):", since.week),
        theme::title(),
    )];
    for (label, said) in [
        ("You meant to adjust", &since.adjust),
        ("You meant to ask for feedback from", &since.ask_feedback),
    ] {
        if !said.trim().is_empty() {
            lines.push(Line::raw(format!(
                "  {label}: {}",
                said.trim().replace('\n', " ")
            )));
        }
    }
    for d in &since.deltas {
        let confidence = match (d.confidence_before, d.confidence_now) {
            (Some(a), Some(b)) if a != b => format!(", confidence {a} → {b}"),
            _ => String::new(),
        };
        lines.push(Line::raw(format!(
            "  {}: {:.0}% → {:.0}%{confidence}",
            state.doc.title_of(d.goal),
            d.progress_before * 100.0,
            d.progress_now * 100.0
        )));
    }
    if !since.commitments.is_empty() {
        let kept = since
            .commitments
            .iter()
            .filter(|(_, done)| *done == Some(true))
            .count();
        lines.push(Line::raw(format!(
            "  Commitments kept: {kept} of {}",
            since.commitments.len()
        )));
        for (id, done) in &since.commitments {
            let mark = match done {
                Some(true) => "✓",
                Some(false) => "·",
                None => "–",
            };
            let title = if done.is_none() {
                "(deleted)".to_string()
            } else {
                state.doc.title_of(*id).to_string()
            };
            lines.push(Line::raw(format!("    {mark} {title}")));
        }
    }
    lines.push(Line::default());
    lines
}
