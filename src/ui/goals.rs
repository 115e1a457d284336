//! The Goals screen: the tree on one side, the selection's details on the other. Only the
//! rows on screen are drawn.

use super::text::Day;
use super::{detail, layout, text, theme};
use crate::app::action::Screen;
use crate::app::screens::goals::Judged;
use crate::app::screens::tree::Row;
use crate::app::state::AppState;
use crate::model::ItemId;
use crate::model::dates::is_overdue;
use crate::model::progress::{milestone_progress, pace};
use crate::model::{GoalStatus, ItemKind, Loc, Plan, smart, weekly};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use std::collections::HashMap;

/// Draws the tree and the details; a plan with no goal yet gets the welcome instead.
pub fn draw(frame: &mut Frame, area: Rect, state: &AppState) {
    if state.plan().goals.is_empty() {
        return super::welcome::draw(frame, area, state);
    }
    let [tree_area, detail_area] = layout::goals_areas(area, state.session.details_zoomed);
    draw_tree(frame, tree_area, state);
    detail::draw(frame, detail_area, state);
}

fn draw_tree(frame: &mut Frame, area: Rect, state: &AppState) {
    let title = match &state.screens.goals.search {
        Some(_) => format!(
            " Goals — {} ",
            crate::model::text::plural(state.screens.goals.rows.len(), "matching row")
        ),
        None => goals_title(state),
    };
    let mut block = Block::bordered().title(title);
    if let Some(note) = conflicts_note(state) {
        block = block.title(Line::styled(note, theme::warn()));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = inner.height as usize;
    let lines: Vec<Line> = state
        .screens
        .goals
        .rows
        .iter()
        .enumerate()
        .skip(state.screens.goals.offset)
        .take(height)
        .map(|(i, row)| {
            let selected =
                i == state.screens.goals.cursor && Some(row.id) == state.screens.goals.selected;
            render_row(state, row, inner.width as usize, selected)
        })
        .collect();
    if lines.is_empty() && state.screens.goals.search.is_some() {
        frame.render_widget(
            Paragraph::new("No goal, milestone or step matches.").style(theme::dim()),
            inner,
        );
        return;
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// "Goals (4) · 1 done · 37% across the rest · done hidden": how many are shown, how far
/// together (left out while a merge's conflicts need the room), what is out of view.
fn goals_title(state: &AppState) -> String {
    let together = state.screens.goals.together;
    let mut title = format!(" Goals ({})", together.shown);
    let words = together.words();
    if !words.is_empty() && state.plan().conflicts.is_empty() {
        title.push_str(&format!(" · {words}"));
    }
    let scope = state.scope.label();
    if !scope.is_empty() {
        title.push_str(&format!(" · {scope}"));
    }
    title.push(' ');
    title
}

/// "1 conflict to choose: C", while a merge left values side by side.
fn conflicts_note(state: &AppState) -> Option<String> {
    let count = state.plan().conflicts.len();
    (count > 0).then(|| {
        let key = state.key(
            crate::keymap::Layer::Screen(Screen::Goals),
            &crate::app::action::Action::ChooseConflicts,
        );
        let conflicts = crate::model::text::plural(count, "conflict");
        format!(" {conflicts} from a merge: {key} to choose ")
    })
}

/// What one row shows, worked out from the plan.
struct RowFacts<'a> {
    title: &'a str,
    done: bool,
    inactive: Option<&'static str>,
    progress: Option<f64>,
    date: Option<NaiveDate>,
    gaps: String,
    /// A goal's standing when it asks for attention (behind, at risk, late).
    warning: Option<crate::model::standing::Standing>,
    /// A focus goal, or a step picked as this week's commitment.
    starred: bool,
}

fn row_facts<'a>(
    plan: &'a Plan,
    judged: &HashMap<ItemId, Judged>,
    row: &Row,
    today: NaiveDate,
) -> Option<RowFacts<'a>> {
    if plan.id_at(row.loc) != Some(row.id) {
        return None;
    }
    Some(match row.loc {
        Loc::Goal(g) => goal_facts(&plan.goals[g], judged, today),
        Loc::Milestone(g, m) => {
            let m = &plan.goals[g].milestones[m];
            RowFacts {
                title: &m.title,
                done: m.is_done(),
                inactive: None,
                progress: Some(milestone_progress(m)),
                date: m.target,
                gaps: String::new(),
                warning: None,
                starred: false,
            }
        }
        _ => {
            let s = plan.step_at(row.loc)?;
            RowFacts {
                title: &s.title,
                done: s.is_done(),
                inactive: None,
                progress: None,
                date: s.due,
                gaps: String::new(),
                warning: None,
                starred: weekly::commitments_in_force(plan).contains(&s.id),
            }
        }
    })
}

fn goal_facts<'a>(
    goal: &'a crate::model::Goal,
    judged: &HashMap<ItemId, Judged>,
    today: NaiveDate,
) -> RowFacts<'a> {
    let inactive = match goal.status {
        GoalStatus::OnHold => Some("on hold"),
        GoalStatus::Dropped => Some("dropped"),
        _ => None,
    };
    let fresh;
    let Judged { pace, gaps } = match judged.get(&goal.id) {
        Some(j) => j,
        None => {
            fresh = Judged {
                pace: pace(goal, today),
                gaps: smart::gaps_label(goal, today),
            };
            &fresh
        }
    };
    RowFacts {
        title: &goal.title,
        done: goal.status == GoalStatus::Done,
        inactive,
        progress: Some(pace.progress),
        date: goal.deadline,
        gaps: gaps.clone(),
        warning: Some(pace.standing).filter(|s| s.is_warning()),
        starred: goal.focus,
    }
}

fn render_row(state: &AppState, row: &Row, width: usize, selected: bool) -> Line<'static> {
    let (plan, day) = (state.plan(), text::day(state));
    let judged = &state.screens.goals.judged;
    let Some(facts) = row_facts(plan, judged, row, day.today) else {
        return Line::default();
    };
    let fold = match (row.has_children, row.expanded) {
        (false, _) => "  ",
        (true, true) => "▾ ",
        (true, false) => "▸ ",
    };
    let mark = match (row.kind, facts.done, facts.starred) {
        (ItemKind::Milestone, true, _) => "◆ ",
        (ItemKind::Milestone, false, _) => "◇ ",
        (ItemKind::Goal, false, true) => "◉ ",
        (ItemKind::Step, false, true) => " ★  ",
        (_, true, _) => "[x] ",
        (_, false, _) => "[ ] ",
    };
    let indent = "  ".repeat(row.depth as usize);
    let right = right_columns(&facts, width, day);
    let right_width: usize = right.iter().map(|s| text::width(&s.content)).sum();
    let left = format!("{indent}{fold}{mark}");
    let mut title = facts.title.to_string();
    if let Some(tag) = facts.inactive {
        title = format!("{title} ({tag})");
    }
    let title_room = width.saturating_sub(text::width(&left) + right_width);
    let mut spans = vec![
        Span::styled(left, theme::dim()),
        Span::styled(text::fit(&title, title_room), title_style(row, &facts)),
    ];
    spans.extend(right);
    let line = Line::from(spans);
    if selected {
        line.style(theme::selected())
    } else {
        line
    }
}

fn title_style(row: &Row, facts: &RowFacts) -> Style {
    let mut style = Style::new();
    if row.kind == ItemKind::Goal {
        style = style.add_modifier(Modifier::BOLD);
    }
    if facts.done || facts.inactive.is_some() {
        style = theme::dim();
    }
    if row.matched {
        style = style.add_modifier(Modifier::UNDERLINED);
    }
    style
}

fn right_columns(facts: &RowFacts, width: usize, day: Day) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    if width >= 40 {
        let gaps = if facts.gaps.is_empty() {
            String::new()
        } else {
            format!(" {}", facts.gaps)
        };
        spans.push(Span::styled(format!("{gaps:>6}"), theme::warn()));
    }
    let progress = facts
        .progress
        .map(|p| format!(" {:>3.0}%", p * 100.0))
        .unwrap_or_default();
    // A goal behind, at risk or late says so beside its progress, in the warning colour.
    let (progress, style) = match facts.warning {
        Some(standing) => (
            format!("{progress:>5}{}", theme::standing_mark(standing)),
            theme::warn(),
        ),
        None => (format!("{progress:>5} "), theme::accent()),
    };
    spans.push(Span::styled(progress, style));
    if width >= 30 {
        let (date, style) = match facts.date {
            Some(d) if is_overdue(Some(d), facts.done, day.today) => (day.show(d), theme::error()),
            Some(d) => (day.show(d), theme::dim()),
            None => (String::new(), theme::dim()),
        };
        spans.push(Span::styled(format!(" {date:>10}"), style));
    }
    spans
}

/// Which of the selected item's texts the search matched, when it is not the title:
/// "matched in notes".
pub fn matched_in(state: &AppState) -> String {
    let goals = &state.screens.goals;
    let query = goals.query();
    let Some(loc) = goals.selected.and_then(|id| state.doc.locate(id)) else {
        return String::new();
    };
    let plan = state.plan();
    let fields: Vec<(&'static str, &str)> = match loc {
        crate::model::Loc::Goal(g) => {
            let goal = &plan.goals[g];
            vec![
                ("title", &goal.title),
                ("description", &goal.description),
                ("notes", &goal.notes),
            ]
        }
        crate::model::Loc::Milestone(g, m) => {
            let m = &plan.goals[g].milestones[m];
            vec![("title", &m.title), ("notes", &m.notes)]
        }
        loc => match plan.step_at(loc) {
            Some(s) => vec![("title", &s.title), ("notes", &s.notes)],
            None => Vec::new(),
        },
    };
    match crate::app::screens::tree::matched_field(&fields, &query) {
        Some("title") | None => String::new(),
        Some(field) => format!("matched in {field}"),
    }
}
