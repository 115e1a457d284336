//! The Review screen: the guided weekly review stage by stage with a counter and a progress
//! bar, or, between reviews, the history with charts of steps done per week and the streak.
//! Tone is plain and kind: nothing is coloured as a failure.

use super::{detail, text, theme};
use crate::app::review::{self as rv, STAGES, stage_title};
use crate::app::state::AppState;
use crate::model::review::WeeklyReview;
use crate::model::weekly::{self, ReviewState};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Gauge, Paragraph, Wrap};

/// Draws the Review screen.
pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    match rv::in_progress(state) {
        Some(record) => draw_session(frame, area, state, record),
        None => draw_history(frame, area, state),
    }
}

fn stage_index(record: &WeeklyReview) -> usize {
    let stage = record.stage.as_deref().unwrap_or("wins");
    STAGES.iter().position(|s| *s == stage).unwrap_or(0)
}

/// How far through the review, 0 to 1: the stages, with the goals stage counted goal by goal.
fn done_share(record: &WeeklyReview) -> f64 {
    let stage = stage_index(record) as f64;
    let within = if record.stage.as_deref() == Some("goals") && !record.queue.is_empty() {
        record.goals.len() as f64 / record.queue.len() as f64
    } else {
        0.0
    };
    ((stage + within) / STAGES.len() as f64).clamp(0.0, 1.0)
}

fn draw_session(frame: &mut Frame, area: Rect, state: &AppState, record: &WeeklyReview) {
    let [head, gauge, body] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    let current = stage_index(record);
    let mut tabs = vec![Span::styled(
        format!(" Weekly review {} ", record.week),
        theme::title(),
    )];
    for (i, stage) in STAGES.iter().enumerate() {
        let style = if i == current {
            theme::selected()
        } else {
            theme::dim()
        };
        tabs.push(Span::styled(format!(" {} ", stage_title(stage)), style));
        if i + 1 < STAGES.len() {
            tabs.push(Span::styled("›", theme::dim()));
        }
    }
    let counter = match (record.stage.as_deref(), rv::current_goal(record)) {
        (Some("goals"), Some(_)) => {
            format!("goal {} of {}", record.goals.len() + 1, record.queue.len())
        }
        _ => format!("step {} of {}", current + 1, STAGES.len()),
    };
    let head_lines = vec![
        Line::from(tabs),
        Line::styled(format!(" {counter}"), theme::dim()),
    ];
    frame.render_widget(Paragraph::new(head_lines), head);
    let share = done_share(record);
    frame.render_widget(
        Gauge::default()
            .ratio(share)
            .gauge_style(theme::accent())
            .label(format!("{:.0}%", share * 100.0)),
        gauge,
    );
    let lines = match record.stage.as_deref() {
        Some("wins") => wins_lines(state),
        Some("goals") => goal_lines(state, record, body.width as usize),
        Some("stale") => stale_lines(state),
        Some("plan") => plan_lines(state, record),
        _ => reflect_lines(record),
    };
    let block = Block::bordered().title(format!(" {} ", stage_title(STAGES[current])));
    let inner_height = body.height.saturating_sub(2) as usize;
    let scroll = state
        .review_cursor
        .saturating_sub(inner_height.saturating_sub(4));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block)
            .scroll((scroll as u16, 0)),
        body,
    );
}

fn item_line(state: &AppState, index: usize, text: String) -> Line<'static> {
    let line = Line::raw(text);
    if index == state.review_cursor {
        line.style(theme::selected())
    } else {
        line
    }
}

fn wins_lines(state: &AppState) -> Vec<Line<'static>> {
    let draft = rv::draft(state);
    let mut lines = since_last_lines(state, &draft);
    if draft.wins.is_empty() {
        lines.push(Line::raw("Nothing marked done this week. That happens; the goals stage is a good place to see why."));
    } else {
        lines.push(Line::styled(
            format!("Done this week ({}):", draft.wins.len()),
            theme::title(),
        ));
        let logged = |id| {
            state
                .plan
                .profile
                .achievements
                .iter()
                .any(|a| a.source == Some(id))
        };
        for (i, id) in draft.wins.iter().enumerate() {
            let note = if logged(*id) {
                "  (in your achievements)"
            } else {
                ""
            };
            lines.push(item_line(
                state,
                i,
                format!("  ✓ {}{note}", state.title_of(*id)),
            ));
        }
        lines.push(Line::styled(
            "L logs the selected win as an achievement.",
            theme::dim(),
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "Enter: on to your goals, one at a time.",
        theme::dim(),
    ));
    lines
}

fn since_last_lines(state: &AppState, draft: &weekly::Draft) -> Vec<Line<'static>> {
    let Some(since) = &draft.since_last else {
        return Vec::new();
    };
    let mut lines = vec![Line::styled(
        format!("Since last review ({}):", since.week),
        theme::title(),
    )];
    for d in &since.deltas {
        let confidence = match (d.confidence_before, d.confidence_now) {
            (Some(a), Some(b)) if a != b => format!(", confidence {a} → {b}"),
            _ => String::new(),
        };
        lines.push(Line::raw(format!(
            "  {}: {:.0}% → {:.0}%{confidence}",
            state.title_of(d.goal),
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
                state.title_of(*id).to_string()
            };
            lines.push(Line::raw(format!("    {mark} {title}")));
        }
    }
    lines.push(Line::default());
    lines
}

fn goal_lines(state: &AppState, record: &WeeklyReview, width: usize) -> Vec<Line<'static>> {
    let Some(goal) = rv::current_goal(record).and_then(|id| state.plan.goal(id)) else {
        return vec![Line::raw(
            "No goal is due for review this week. Enter: on to stuck and stale items.",
        )];
    };
    let mut lines = vec![
        Line::styled(
            goal.title.clone(),
            theme::title().add_modifier(Modifier::UNDERLINED),
        ),
        Line::default(),
    ];
    lines.extend(detail::pace_lines(
        goal,
        state.day(),
        width.saturating_sub(4),
    ));
    lines.push(Line::default());
    lines.extend(detail::smart_lines(goal, state.day()));
    lines.extend(detail::barrier_lines(goal, state.today));
    lines.extend(detail::checkin_lines(goal));
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled("c", theme::key()),
        Span::raw(" check in   "),
        Span::styled("K/Enter", theme::key()),
        Span::raw(" keep   "),
        Span::styled("A", theme::key()),
        Span::raw(" adjust   "),
        Span::styled("H", theme::key()),
        Span::raw(" hold   "),
        Span::styled("D", theme::key()),
        Span::raw(" drop   "),
        Span::styled("X", theme::key()),
        Span::raw(" done"),
    ]));
    lines
}

fn stale_lines(state: &AppState) -> Vec<Line<'static>> {
    let draft = rv::draft(state);
    if draft.stale.is_empty() {
        return vec![Line::raw(
            "Nothing stuck or stale. Enter: on to next week's plan.",
        )];
    }
    let mut lines = vec![Line::styled(
        "These could use a decision: a new date, a smaller step, or letting go.",
        theme::dim(),
    )];
    for (i, (id, why)) in draft.stale.iter().enumerate() {
        lines.push(item_line(
            state,
            i,
            format!("  {}  ({})", state.title_of(*id), why.label()),
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "t new date · a add a smaller step · d delete · s goal status · Enter next",
        theme::dim(),
    ));
    lines
}

fn plan_lines(state: &AppState, record: &WeeklyReview) -> Vec<Line<'static>> {
    let picked = record.commitments.len();
    let mut lines = vec![Line::styled(
        format!("Pick 3 to 5 steps to commit to next week (Space). Picked: {picked}."),
        theme::dim(),
    )];
    let day = state.day();
    for (i, id) in rv::candidates(state).iter().enumerate() {
        let mark = if record.commitments.contains(id) {
            "[✓]"
        } else {
            "[ ]"
        };
        let due = state
            .step(*id)
            .and_then(|s| s.due)
            .map(|d| format!("  due {}", day.show(d)))
            .unwrap_or_default();
        lines.push(item_line(
            state,
            i,
            format!("  {mark} {}{due}", state.title_of(*id)),
        ));
    }
    lines
}

fn reflect_lines(record: &WeeklyReview) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (label, text) in [
        ("What went well", record.went_well.as_str()),
        ("What got in the way", record.got_in_the_way.as_str()),
        ("What to adjust", record.adjust.as_str()),
        ("Anything else", record.reflection.as_str()),
    ] {
        lines.push(Line::styled(label.to_string(), theme::title()));
        let shown = if text.is_empty() { "—" } else { text };
        lines.extend(shown.lines().map(|l| Line::raw(format!("  {l}"))));
    }
    lines.push(Line::styled("Strengths used", theme::title()));
    lines.push(Line::raw(format!(
        "  {}",
        if record.strengths_used.is_empty() {
            "—".into()
        } else {
            record.strengths_used.join(", ")
        }
    )));
    lines.push(Line::default());
    lines.push(Line::styled(
        "w write the reflection · F finish and save the review",
        theme::dim(),
    ));
    lines
}

fn draw_history(frame: &mut Frame, area: Rect, state: &AppState) {
    let [top, bottom] = Layout::vertical([Constraint::Length(12), Constraint::Fill(1)]).areas(area);
    let [status_area, chart_area] =
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(top);
    draw_status(frame, status_area, state);
    draw_chart(frame, chart_area, state);
    let [list_area, record_area] =
        Layout::horizontal([Constraint::Percentage(35), Constraint::Percentage(65)]).areas(bottom);
    let reviews: Vec<&WeeklyReview> = state.plan.reviews.iter().rev().collect();
    let lines: Vec<Line> = reviews
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let what = if r.skipped {
                "skipped".to_string()
            } else if r.stage.is_some() {
                "in progress".into()
            } else {
                format!("{} wins", r.wins.len())
            };
            item_line(state, i, format!(" {}  {}", r.week, what))
        })
        .collect();
    let list = if lines.is_empty() {
        vec![Line::styled(" No reviews yet.", theme::dim())]
    } else {
        lines
    };
    let scroll = state
        .review_cursor
        .saturating_sub(list_area.height.saturating_sub(3) as usize);
    frame.render_widget(
        Paragraph::new(list)
            .block(Block::bordered().title(" Past reviews "))
            .scroll((scroll as u16, 0)),
        list_area,
    );
    let shown = reviews
        .get(state.review_cursor)
        .map(|r| record_lines(state, r))
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(shown)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(" Review ")),
        record_area,
    );
}

fn draw_status(frame: &mut Frame, area: Rect, state: &AppState) {
    let day = state.day();
    let anchor = rv::anchor(state);
    let mut lines = match weekly::schedule(&state.plan, state.today, state.review_day) {
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
                Span::styled("r", theme::key()),
                Span::raw(" start   "),
                Span::styled("S", theme::key()),
                Span::raw(" skip this week"),
            ]),
        ],
        ReviewState::InProgress { .. } => vec![Line::raw("A review is in progress: r resumes it.")],
        ReviewState::Done { next, .. } => vec![
            Line::styled("This week's review is done.", theme::title()),
            Line::raw(format!("The next one is for {}.", day.show(next))),
        ],
    };
    let streak = weekly::review_streak(&state.plan, anchor);
    lines.push(Line::default());
    lines.push(Line::raw(format!(
        "Review streak: {streak} week{}",
        if streak == 1 { "" } else { "s" }
    )));
    lines.push(Line::from(vec![
        Span::styled("last 12 weeks ", theme::dim()),
        Span::styled(review_trail(state, anchor), theme::accent()),
    ]));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(" This week ")),
        area,
    );
}

/// One mark per week, oldest first: █ reviewed, ▁ skipped on purpose, · no review.
fn review_trail(state: &AppState, anchor: chrono::NaiveDate) -> String {
    (0..12u64)
        .rev()
        .map(|back| {
            match weekly::record_for(
                &state.plan,
                crate::model::dates::minus_days(anchor, 7 * back),
            ) {
                Some(r) if r.skipped => '▁',
                Some(r) if r.stage.is_none() => '█',
                _ => '·',
            }
        })
        .collect()
}

fn draw_chart(frame: &mut Frame, area: Rect, state: &AppState) {
    let weeks = ((area.width.saturating_sub(2)) / 6).clamp(1, 12) as usize;
    let data = weekly::steps_done_per_week(&state.plan, rv::anchor(state), weeks);
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
    let day = state.day();
    let mut lines = vec![Line::styled(
        format!("{} · done {}", r.week, day.show(r.date)),
        theme::title(),
    )];
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
                state.title_of(g.goal),
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
            .map(|id| state.title_of(*id).to_string())
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
