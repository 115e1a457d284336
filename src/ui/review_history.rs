//! The Review screen between reviews: where this week's review stands, the streak, the step
//! back, a chart of steps done per week, and the past reviews with the one picked shown in
//! full.

use super::{text, theme};
use crate::app::action::Action;
use crate::app::action::Screen;
use crate::app::screens::review as rv;
use crate::app::state::AppState;
use crate::keymap::Layer;
use crate::model::review::WeeklyReview;
use crate::model::weekly::{self, ReviewState};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Wrap};

/// Draws the history of past reviews, this week's standing and the charts.
pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    let [top, bottom] = Layout::vertical([Constraint::Length(12), Constraint::Fill(1)]).areas(area);
    let [status_area, step_back_area, chart_area] = Layout::horizontal([
        Constraint::Percentage(34),
        Constraint::Percentage(33),
        Constraint::Percentage(33),
    ])
    .areas(top);
    draw_status(frame, status_area, state);
    super::step_back::draw(frame, step_back_area, state);
    draw_chart(frame, chart_area, state);
    draw_history(frame, bottom, state);
}

/// The list of past reviews and the record of the one picked.
fn draw_history(frame: &mut Frame, bottom: Rect, state: &AppState) {
    let [list_area, record_area] =
        Layout::horizontal([Constraint::Percentage(35), Constraint::Percentage(65)]).areas(bottom);
    let reviews: Vec<&WeeklyReview> = state.plan().reviews.iter().rev().collect();
    let picked = state.screens.review.history_position(state);
    let lines: Vec<Line> = reviews
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let line = Line::raw(format!(" {}  {}", r.week, standing(state, r)));
            if i == picked {
                line.style(theme::selected())
            } else {
                line
            }
        })
        .collect();
    let list = if lines.is_empty() {
        vec![Line::styled(" No reviews yet.", theme::dim())]
    } else {
        lines
    };
    let scroll = picked.saturating_sub(list_area.height.saturating_sub(3) as usize);
    frame.render_widget(
        Paragraph::new(list)
            .block(Block::bordered().title(" Past reviews "))
            .scroll((scroll as u16, 0)),
        list_area,
    );
    let shown = reviews
        .get(picked)
        .map(|r| record_lines(state, r))
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(shown)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(" Review ")),
        record_area,
    );
}

/// How a past review ended: skipped, partial, in progress, or its wins.
fn standing(state: &AppState, r: &WeeklyReview) -> String {
    if r.skipped {
        "skipped".to_string()
    } else if weekly::is_partial(state.plan(), r, state.today(), state.review_day()) {
        format!(
            "partial (stopped at {})",
            r.stage.as_deref().unwrap_or("wins")
        )
    } else if r.stage.is_some() {
        "in progress".into()
    } else {
        crate::model::text::plural(r.wins.len(), "win")
    }
}

fn draw_status(frame: &mut Frame, area: Rect, state: &AppState) {
    let key = |a: Action| {
        state
            .settings
            .keymap
            .key_for(Layer::Screen(Screen::Review), &a)
    };
    let day = text::day(state);
    let anchor = rv::anchor(state);
    let mut lines = match weekly::schedule(state.plan(), state.today(), state.review_day()) {
        ReviewState::Due { .. } => vec![
            Line::styled(
                format!("This week's review (for {}) is ready.", day.show(anchor)),
                theme::title(),
            ),
            Line::raw(
                "It takes about fifteen minutes: wins, each goal, what is stuck, next week, a short reflection.",
            ),
            Line::default(),
            Line::from(vec![
                Span::styled(key(Action::StartReview), theme::key()),
                Span::raw(" start   "),
                Span::styled(key(Action::SkipWeek), theme::key()),
                Span::raw(" skip this week"),
            ]),
        ],
        ReviewState::NotYet { first } => vec![
            Line::styled(
                format!("Your first weekly review is on {}.", day.show(first)),
                theme::title(),
            ),
            Line::raw(
                "Until then, work the plan: the review looks back at what this week brought.",
            ),
        ],
        ReviewState::InProgress { .. } => vec![Line::raw(format!(
            "A review is in progress: {} resumes it.",
            key(Action::StartReview)
        ))],
        ReviewState::Done { next, .. } => vec![
            Line::styled("This week's review is done.", theme::title()),
            Line::raw(format!("The next one is for {}.", day.show(next))),
        ],
    };
    lines.extend(streak_lines(state, anchor));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(" This week ")),
        area,
    );
}

/// The review streak and the last twelve weeks' marks.
fn streak_lines(state: &AppState, anchor: chrono::NaiveDate) -> [Line<'static>; 3] {
    let streak = weekly::review_streak(state.plan(), anchor);
    [
        Line::default(),
        Line::raw(format!("Review streak: {}", text::plural(streak, "week"))),
        Line::from(vec![
            Span::styled("last 12 weeks ", theme::dim()),
            Span::styled(review_trail(state, anchor), theme::accent()),
        ]),
    ]
}

/// One mark per week, oldest first: █ reviewed, ▁ skipped on purpose, ▄ partial (or in
/// progress), · no review.
fn review_trail(state: &AppState, anchor: chrono::NaiveDate) -> String {
    (0..12u64)
        .rev()
        .map(|back| {
            match weekly::record_for(
                state.plan(),
                crate::model::dates::minus_days(anchor, 7 * back),
            ) {
                Some(r) if r.skipped => '▁',
                Some(r) if r.stage.is_none() => '█',
                Some(_) => '▄',
                None => '·',
            }
        })
        .collect()
}

fn draw_chart(frame: &mut Frame, area: Rect, state: &AppState) {
    let weeks = ((area.width.saturating_sub(2)) / 6).clamp(1, 12) as usize;
    let data = weekly::steps_done_per_week(state.plan(), rv::anchor(state), state.today(), weeks);
    let bars: Vec<Bar> = data
        .iter()
        .map(|(week, n)| {
            Bar::default()
                .value(*n)
                .label(Line::raw(week.rsplit('-').next().unwrap_or("").to_string()))
        })
        .collect();
    let chart = BarChart::default()
        .block(Block::bordered().title(" Steps done per week "))
        .data(BarGroup::default().bars(&bars))
        .bar_width(4)
        .bar_gap(2)
        .bar_style(theme::accent());
    frame.render_widget(chart, area);
}

fn record_lines(state: &AppState, r: &WeeklyReview) -> Vec<Line<'static>> {
    let day = text::day(state);
    let when = if r.stage.is_some() {
        format!("started {}, not finished", day.show(r.date))
    } else {
        format!("done {}", day.show(r.date))
    };
    let mut lines = vec![Line::styled(format!("{} · {when}", r.week), theme::title())];
    if r.skipped {
        lines.push(Line::raw("Skipped on purpose."));
        return lines;
    }
    let section = |lines: &mut Vec<Line<'static>>, title: &str, items: Vec<String>| {
        if items.is_empty() {
            return;
        }
        lines.push(Line::default());
        lines.push(Line::styled(title.to_string(), theme::title()));
        lines.extend(
            items
                .into_iter()
                .map(|i| Line::raw(format!("  {}", text::truncate(&i, 200)))),
        );
    };
    section(&mut lines, "Wins", r.wins.clone());
    let goals = r
        .goals
        .iter()
        .map(|g| {
            format!(
                "{} — {:?} at {:.0}%",
                state.doc.title_of(g.goal),
                g.decision,
                g.progress * 100.0
            )
        })
        .collect();
    section(&mut lines, "Goals", goals);
    section(
        &mut lines,
        "Commitments",
        r.commitments
            .iter()
            .map(|id| state.doc.title_of(*id).to_string())
            .collect(),
    );
    for (title, body) in [
        ("Went well", &r.went_well),
        ("Got in the way", &r.got_in_the_way),
        ("To adjust", &r.adjust),
        ("Reflection", &r.reflection),
    ] {
        section(
            &mut lines,
            title,
            body.lines().map(str::to_string).collect(),
        );
    }
    lines
}
