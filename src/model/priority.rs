//! The priority matrix: open steps, or active goals, sorted by importance and urgency
//! (Eisenhower), which are kept apart. Importance is the person's own rating; urgency is
//! theirs too, but a step due within two days (a goal within two weeks) counts as urgent
//! whatever it says, because the calendar makes it so.

use super::Plan;
use super::dates::plus_days;
use super::goal::Goal;
use super::ids::ItemId;
use super::items::ActionStep;
use super::view::Scope;
use chrono::NaiveDate;

/// One of the four boxes, in display order (left to right, top to bottom).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quadrant {
    /// Important and urgent.
    DoNow,
    /// Important, not urgent: where planned progress happens.
    Schedule,
    /// Urgent, not important.
    Delegate,
    /// Neither.
    Later,
}

impl Quadrant {
    /// All four, in display order.
    pub const ALL: [Quadrant; 4] = [
        Quadrant::DoNow,
        Quadrant::Schedule,
        Quadrant::Delegate,
        Quadrant::Later,
    ];

    /// The box's heading.
    pub fn title(self) -> &'static str {
        match self {
            Quadrant::DoNow => "Do now · important, urgent",
            Quadrant::Schedule => "Schedule · important, not urgent",
            Quadrant::Delegate => "Hand off or batch · urgent, less important",
            Quadrant::Later => "Let go or later · neither",
        }
    }

    /// Position in `ALL`.
    pub fn index(self) -> usize {
        Quadrant::ALL.iter().position(|q| *q == self).unwrap_or(0)
    }
}

/// Importance 2 (medium) or 3 (high) counts as important.
pub fn is_important(step: &ActionStep) -> bool {
    step.importance >= 2
}

/// Urgency 3, or due (or overdue) within two days.
pub fn is_urgent(step: &ActionStep, today: NaiveDate) -> bool {
    let soon = plus_days(today, 2);
    step.urgency >= 3 || step.due.is_some_and(|d| d <= soon)
}

/// The box a step belongs in.
pub fn quadrant(step: &ActionStep, today: NaiveDate) -> Quadrant {
    match (is_important(step), is_urgent(step, today)) {
        (true, true) => Quadrant::DoNow,
        (true, false) => Quadrant::Schedule,
        (false, true) => Quadrant::Delegate,
        (false, false) => Quadrant::Later,
    }
}

/// Days before its deadline from which a goal counts as urgent.
pub const GOAL_URGENT_DAYS: u64 = 14;

/// The box a goal belongs in: its own importance and urgency, and a deadline within two
/// weeks is urgent.
pub fn goal_quadrant(goal: &Goal, today: NaiveDate) -> Quadrant {
    let soon = plus_days(today, GOAL_URGENT_DAYS);
    let urgent = goal.urgency >= 3 || goal.deadline.is_some_and(|d| d <= soon);
    match (goal.importance >= 2, urgent) {
        (true, true) => Quadrant::DoNow,
        (true, false) => Quadrant::Schedule,
        (false, true) => Quadrant::Delegate,
        (false, false) => Quadrant::Later,
    }
}

/// The active goals in `scope` in each box, focus goals first, then by deadline (undated
/// last).
pub fn goal_matrix(plan: &Plan, today: NaiveDate, scope: &Scope) -> [Vec<ItemId>; 4] {
    let mut boxes: [Vec<&Goal>; 4] = Default::default();
    let active = plan.goals.iter().filter(|g| g.is_active());
    for goal in active.filter(|g| scope.shows_goal(g, today)) {
        boxes[goal_quadrant(goal, today).index()].push(goal);
    }
    boxes.map(|mut goals| {
        goals.sort_by_key(|g| (!g.focus, g.deadline.is_none(), g.deadline));
        goals.into_iter().map(|g| g.id).collect()
    })
}

/// The open steps of active goals in `scope` in each box (indexed like `Quadrant::ALL`),
/// each box sorted by due date (undated last), then by importance, highest first.
pub fn matrix(plan: &Plan, today: NaiveDate, scope: &Scope) -> [Vec<ItemId>; 4] {
    let mut boxes: [Vec<&ActionStep>; 4] = Default::default();
    let active = plan.goals.iter().filter(|g| g.is_active());
    for goal in active.filter(|g| scope.shows_goal(g, today)) {
        for step in goal.all_steps().filter(|s| !s.is_done()) {
            boxes[quadrant(step, today).index()].push(step);
        }
    }
    boxes.map(|mut steps| {
        steps.sort_by_key(|s| (s.due.is_none(), s.due, std::cmp::Reverse(s.importance)));
        steps.into_iter().map(|s| s.id).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Goal;
    use crate::model::goal::GoalStatus;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn step(id: u64, importance: u8, urgency: u8, due: Option<&str>) -> ActionStep {
        let mut s = ActionStep::new(ItemId(id), "s");
        s.importance = importance;
        s.urgency = urgency;
        s.due = due.map(d);
        s
    }

    const TODAY: &str = "2026-11-18";

    #[test]
    fn importance_and_urgency_pick_the_box() {
        let t = d(TODAY);
        assert_eq!(quadrant(&step(1, 3, 3, None), t), Quadrant::DoNow);
        assert_eq!(quadrant(&step(1, 2, 2, None), t), Quadrant::Schedule);
        assert_eq!(quadrant(&step(1, 1, 3, None), t), Quadrant::Delegate);
        assert_eq!(quadrant(&step(1, 1, 1, None), t), Quadrant::Later);
    }

    #[test]
    fn a_step_due_within_two_days_is_urgent() {
        let t = d(TODAY);
        assert_eq!(
            quadrant(&step(1, 2, 1, Some("2026-11-20")), t),
            Quadrant::DoNow
        );
        assert_eq!(
            quadrant(&step(1, 2, 1, Some("2026-11-21")), t),
            Quadrant::Schedule
        );
        assert_eq!(
            quadrant(&step(1, 1, 1, Some("2026-11-01")), t),
            Quadrant::Delegate
        );
    }

    #[test]
    fn matrix_holds_open_steps_of_active_goals_sorted_by_due() {
        let mut g = Goal::new(ItemId(10), "g", d("2026-01-01"));
        g.steps = vec![
            step(1, 2, 2, Some("2026-12-20")),
            step(2, 2, 2, None),
            step(3, 2, 2, Some("2026-12-01")),
            step(4, 3, 3, None),
        ];
        let mut done = step(5, 3, 3, None);
        done.done = Some(d("2026-11-01"));
        g.steps.push(done);
        let mut held = Goal::new(ItemId(11), "held", d("2026-01-01"));
        held.status = GoalStatus::OnHold;
        held.steps = vec![step(6, 3, 3, None)];
        let plan = Plan {
            goals: vec![g, held],
            ..Plan::default()
        };
        let m = matrix(&plan, d(TODAY), &Scope::default());
        assert_eq!(m[0], [ItemId(4)]);
        assert_eq!(m[1], [ItemId(3), ItemId(1), ItemId(2)]);
        assert!(m[2].is_empty() && m[3].is_empty());
    }

    #[test]
    fn goals_go_in_boxes_by_their_own_ratings_and_deadline() {
        let t = d(TODAY);
        let mut g = Goal::new(ItemId(1), "g", d("2026-01-01"));
        assert_eq!(goal_quadrant(&g, t), Quadrant::Schedule, "2 and 2");
        g.deadline = Some(d("2026-12-02"));
        assert_eq!(
            goal_quadrant(&g, t),
            Quadrant::DoNow,
            "due within two weeks"
        );
        g.deadline = Some(d("2026-12-03"));
        g.importance = 1;
        assert_eq!(goal_quadrant(&g, t), Quadrant::Later);
        g.urgency = 3;
        assert_eq!(goal_quadrant(&g, t), Quadrant::Delegate);
        let mut focus = Goal::new(ItemId(2), "focus", d("2026-01-01"));
        focus.focus = true;
        focus.urgency = 3;
        focus.importance = 1;
        let plan = Plan {
            goals: vec![g, focus],
            ..Plan::default()
        };
        let m = goal_matrix(&plan, t, &Scope::default());
        assert_eq!(m[2], [ItemId(2), ItemId(1)], "focus goals first");
    }
}
