//! A goal's measures in its details (and the review's goal stage): each key result on its
//! own line — leading ones first — with its values as a sparkline, its progress and its own
//! standing; then how the plan compares when the two tell different stories.

use super::detail::field;
use super::text::Day;
use super::theme;
use crate::model::progress;
use crate::model::{Goal, Measure};
use ratatui::text::{Line, Span};

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Values, oldest first, as bars scaled between the lowest and the highest (the last 30);
/// `None` with fewer than two.
pub fn sparkline(values: &[f64]) -> Option<String> {
    if values.len() < 2 {
        return None;
    }
    let values = &values[values.len().saturating_sub(30)..];
    let (lo, hi) = values
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    let span = if hi > lo { hi - lo } else { 1.0 };
    Some(
        values
            .iter()
            .map(|v| BARS[(((v - lo) / span) * 7.0).round().clamp(0.0, 7.0) as usize])
            .collect(),
    )
}

/// One measure: "▸ Proposals sent (leading) 1 of 0 → 3 proposals · 33% · behind ▂▅".
fn measure_line(goal: &Goal, m: &Measure, today: chrono::NaiveDate) -> Line<'static> {
    let n = crate::model::text::number_text;
    let pace = progress::measure_pace(goal, m, today);
    let unit = if m.unit.is_empty() || m.unit == m.name {
        String::new()
    } else {
        format!(" {}", m.unit)
    };
    let mut spans = vec![
        Span::raw(format!(" {} ", m.label())),
        Span::styled(format!("({}) ", m.kind_label()), theme::dim()),
        Span::raw(format!(
            "{} → {}{unit}, now {} · {:.0}% · ",
            n(m.start),
            n(m.target),
            n(m.current),
            pace.progress * 100.0
        )),
        Span::styled(
            pace.standing.label().to_string(),
            theme::standing_style(pace.standing),
        ),
    ];
    let values: Vec<f64> = m.points.iter().map(|p| p.value).collect();
    if let Some(spark) = sparkline(&values) {
        spans.push(Span::styled(format!("  {spark}"), theme::accent()));
    }
    Line::from(spans)
}

/// The measures of `goal`, leading first, and a word when its plan and its measures
/// disagree; nothing for a goal without measures.
pub fn lines(goal: &Goal, day: Day) -> Vec<Line<'static>> {
    if goal.measures.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::styled("Measures", theme::dim())];
    let ordered = goal.measures_leading_first();
    lines.extend(ordered.map(|m| measure_line(goal, m, day.today)));
    if !goal.milestones.is_empty() || !goal.steps.is_empty() {
        let tree = progress::tree_progress(goal);
        lines.push(field(
            "Plan done",
            format!("{:.0}% of its milestones and steps", tree * 100.0),
        ));
    }
    if let Some((measured, tree)) = progress::disagreement(goal) {
        lines.push(Line::styled(
            format!(
                "The measures say {:.0}%, the plan {:.0}%: are the measures up to date, or is \
                 something done that is not ticked?",
                measured * 100.0,
                tree * 100.0
            ),
            theme::warn(),
        ));
    }
    lines
}
