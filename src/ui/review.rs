//! The Review screen: the guided weekly review stage by stage with a counter and a progress
//! bar, or, between reviews, the history with charts of steps done per week and the streak.
//! Tone is plain and kind: nothing is coloured as a failure.

use super::{detail, review_history, review_since, text, theme};
use crate::app::action::Action;
use crate::app::action::Screen;
use crate::app::screens::review as rv;
use crate::app::state::AppState;
use crate::keymap::Layer;
use crate::model::review::{Decision, Stage, WeeklyReview};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Gauge, Paragraph, Wrap};

/// Draws the Review screen.
pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    match rv::in_progress(state) {
        Some(record) => draw_session(frame, area, state, record),
        None => review_history::draw(frame, area, state),
    }
}

/// The key of `action` on the Review screen, as the keymap in force has it.
fn key(state: &AppState, action: Action) -> String {
    state
        .settings
        .keymap
        .key_for(Layer::Screen(Screen::Review), &action)
}

fn stage_of(record: &WeeklyReview) -> Stage {
    record.current_stage().unwrap_or(Stage::Wins)
}

/// How far through the review, 0 to 1: the stages, with the goals stage counted goal by goal.
fn done_share(record: &WeeklyReview) -> f64 {
    let stage = stage_of(record).position() as f64;
    let within = if stage_of(record) == Stage::Goals && !record.queue.is_empty() {
        record.goals.len() as f64 / record.queue.len() as f64
    } else {
        0.0
    };
    ((stage + within) / Stage::ALL.len() as f64).clamp(0.0, 1.0)
}

fn draw_session(frame: &mut Frame, area: Rect, state: &AppState, record: &WeeklyReview) {
    let [head, gauge, body] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    let current = stage_of(record);
    let mut tabs = vec![Span::styled(
        format!(" Weekly review {} ", record.week),
        theme::title(),
    )];
    for stage in Stage::ALL {
        let style = if stage == current {
            theme::selected()
        } else {
            theme::dim()
        };
        tabs.push(Span::styled(format!(" {} ", stage.title()), style));
        if stage.next().is_some() {
            tabs.push(Span::styled("›", theme::dim()));
        }
    }
    let counter = match (current, record.current_goal()) {
        (Stage::Goals, Some(_)) => {
            format!("goal {} of {}", record.goals.len() + 1, record.queue.len())
        }
        _ => format!("step {} of {}", current.position() + 1, Stage::ALL.len()),
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
    let lines = match current {
        Stage::Wins => wins_lines(state),
        Stage::Goals => goal_lines(state, record, body.width as usize),
        Stage::Stale => stale_lines(state),
        Stage::Plan => plan_lines(state, record),
        Stage::Reflect => reflect_lines(state, record),
    };
    let block = Block::bordered().title(format!(" {} ", current.title()));
    let inner_height = body.height.saturating_sub(2) as usize;
    let scroll = cursor(state).saturating_sub(inner_height.saturating_sub(4));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block)
            .scroll((scroll as u16, 0)),
        body,
    );
}

/// The row of the selection in the current stage's list.
fn cursor(state: &AppState) -> usize {
    let review = &state.screens.review;
    review.position(&review.stage_items(state))
}

/// Row `index` of a stage's list, highlighted when it is the picked one.
fn item_line(picked: usize, index: usize, text: String) -> Line<'static> {
    let line = Line::raw(text);
    if index == picked {
        line.style(theme::selected())
    } else {
        line
    }
}

fn wins_lines(state: &AppState) -> Vec<Line<'static>> {
    let picked = cursor(state);
    let draft = state.screens.review.draft(state);
    let mut lines = review_since::opens_with_lines(&draft);
    lines.extend(review_since::since_last_lines(state, &draft));
    if draft.wins.is_empty() {
        lines.push(Line::raw("Nothing marked done this week. That happens; the goals stage is a good place to see why."));
    } else {
        lines.push(Line::styled(
            format!("Done this week ({}):", draft.wins.len()),
            theme::title(),
        ));
        let logged = |id| {
            state
                .plan()
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
                picked,
                i,
                format!("  ✓ {}{note}", state.doc.title_of(*id)),
            ));
        }
        lines.push(Line::styled(
            format!(
                "{} logs the selected win as an achievement.",
                key(state, Action::LogAchievement)
            ),
            theme::dim(),
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        format!(
            "{}: on to your goals, one at a time.",
            key(state, Action::ReviewNext)
        ),
        theme::dim(),
    ));
    lines
}

fn goal_lines(state: &AppState, record: &WeeklyReview, width: usize) -> Vec<Line<'static>> {
    let Some(goal) = record.current_goal().and_then(|id| state.plan().goal(id)) else {
        return vec![Line::raw(format!(
            "No goal is due for review this week. {}: on to stuck and stale items.",
            key(state, Action::ReviewNext)
        ))];
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
        text::day(state),
        width.saturating_sub(4),
    ));
    lines.push(Line::default());
    lines.extend(detail::smart_lines(goal, text::day(state)));
    lines.extend(detail::barrier_lines(goal, state.today()));
    lines.extend(detail::checkin_lines(goal));
    lines.push(Line::default());
    let decide = |d| key(state, Action::Decide(d));
    let keep = format!(
        "{}/{}",
        decide(Decision::Keep),
        key(state, Action::ReviewNext)
    );
    let mut spans = Vec::new();
    for (k, label) in [
        (key(state, Action::CheckIn), " check in   "),
        (keep, " keep   "),
        (decide(Decision::Adjust), " adjust   "),
        (decide(Decision::Hold), " hold   "),
        (decide(Decision::Drop), " drop   "),
        (decide(Decision::Done), " done"),
    ] {
        spans.push(Span::styled(k, theme::key()));
        spans.push(Span::raw(label));
    }
    lines.push(Line::from(spans));
    lines
}

fn stale_lines(state: &AppState) -> Vec<Line<'static>> {
    let picked = cursor(state);
    let draft = state.screens.review.draft(state);
    if draft.stale.is_empty() {
        return vec![Line::raw(format!(
            "Nothing stuck or stale. {}: on to next week's plan.",
            key(state, Action::ReviewNext)
        ))];
    }
    let mut lines = vec![Line::styled(
        "These could use a decision: a new date, a smaller step, or letting go.",
        theme::dim(),
    )];
    for (i, (id, why)) in draft.stale.iter().enumerate() {
        lines.push(item_line(
            picked,
            i,
            format!("  {}  ({})", state.doc.title_of(*id), why.label()),
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        format!(
            "{} new date · {} add a smaller step · {} delete · {} goal status · {} next",
            key(state, Action::Reschedule),
            key(state, Action::AddChild),
            key(state, Action::Delete),
            key(state, Action::CycleStatus),
            key(state, Action::ReviewNext)
        ),
        theme::dim(),
    ));
    lines
}

fn plan_lines(state: &AppState, record: &WeeklyReview) -> Vec<Line<'static>> {
    let candidates = crate::model::reviewing::commitment_candidates(state.plan());
    let picked = state.screens.review.position(&candidates);
    let picked_count = record.commitments.len();
    let advice = match picked_count {
        0..=2 => "",
        3..=5 => " A good number.",
        _ => " More than five rarely all get done; keep the ones that matter most.",
    };
    let mut lines = vec![Line::styled(
        format!(
            "Pick the steps to commit to next week ({}); 3 to 5 is a good number, not a \
             rule. Picked: {picked_count}.{advice}",
            key(state, Action::ToggleCommitment),
        ),
        theme::dim(),
    )];
    let day = text::day(state);
    for (i, id) in candidates.iter().enumerate() {
        let mark = if record.commitments.contains(id) {
            "[✓]"
        } else {
            "[ ]"
        };
        let due = state
            .doc
            .step(*id)
            .and_then(|s| s.due)
            .map(|d| format!("  due {}", day.show(d)))
            .unwrap_or_default();
        lines.push(item_line(
            picked,
            i,
            format!("  {mark} {}{due}", state.doc.title_of(*id)),
        ));
    }
    lines
}

fn reflect_lines(state: &AppState, record: &WeeklyReview) -> Vec<Line<'static>> {
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
        format!(
            "{} write the reflection · {} finish and save the review",
            key(state, Action::EditReflection),
            key(state, Action::FinishReview)
        ),
        theme::dim(),
    ));
    lines
}
