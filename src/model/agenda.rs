//! The agenda: the focus goals first; goal deadlines, milestone targets and dated steps of
//! active goals in time buckets; each goal's undated next step ("next actions"); what was
//! done today; and goals that have stalled (nothing done lately) or are stuck (no open next
//! step). Only goals in the screens' scope are on it.

use super::Plan;
use super::dates::plus_days;
use super::goal::Goal;
use super::ids::ItemId;
use super::items::{ActionStep, ItemKind};
use super::view::Scope;
use chrono::{Datelike, NaiveDate, Weekday};

/// Days without a done step or a check-in after which an active goal counts as stalled.
pub const STALLED_AFTER_DAYS: i64 = 14;

/// A stretch of time on the agenda, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bucket {
    Overdue,
    Today,
    ThisWeek,
    NextWeek,
    Later,
}

impl Bucket {
    /// All buckets in display order.
    pub const ALL: [Bucket; 5] = [
        Bucket::Overdue,
        Bucket::Today,
        Bucket::ThisWeek,
        Bucket::NextWeek,
        Bucket::Later,
    ];

    /// The heading of the bucket.
    pub fn label(self) -> &'static str {
        match self {
            Bucket::Overdue => "Overdue",
            Bucket::Today => "Today",
            Bucket::ThisWeek => "This week",
            Bucket::NextWeek => "Next week",
            Bucket::Later => "Later",
        }
    }
}

/// The last day of the week that holds `today`, for weeks starting on `week_start`.
pub fn end_of_week(today: NaiveDate, week_start: Weekday) -> NaiveDate {
    let into_week = today.weekday().days_since(week_start) as u64;
    plus_days(today, 6 - into_week)
}

/// Which bucket a date falls in, seen from `today`.
pub fn bucket(date: NaiveDate, today: NaiveDate, week_start: Weekday) -> Bucket {
    let week_end = end_of_week(today, week_start);
    if date < today {
        Bucket::Overdue
    } else if date == today {
        Bucket::Today
    } else if date <= week_end {
        Bucket::ThisWeek
    } else if date <= plus_days(week_end, 7) {
        Bucket::NextWeek
    } else {
        Bucket::Later
    }
}

/// A dated open goal, milestone or step on the agenda.
#[derive(Clone, Debug, PartialEq)]
pub struct AgendaItem {
    pub id: ItemId,
    pub goal: ItemId,
    pub kind: ItemKind,
    pub date: NaiveDate,
    pub bucket: Bucket,
    /// Whether its goal is a focus goal (its items lead their day).
    pub focus: bool,
}

/// What needs attention, seen from one day.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Agenda {
    /// The focus goals, in plan order.
    pub focus: Vec<ItemId>,
    /// Sorted by date, then focus goals' items first, then by position in the plan.
    pub items: Vec<AgendaItem>,
    /// Each active goal's next open step when it has no date: `(goal, step)`.
    pub next_actions: Vec<(ItemId, ItemId)>,
    /// Goals, milestones and steps done today (a repeating step's occurrence too).
    pub done_today: Vec<ItemId>,
    pub stalled: Vec<ItemId>,
    pub stuck: Vec<ItemId>,
}

impl Agenda {
    /// The items in one bucket.
    pub fn in_bucket(&self, b: Bucket) -> impl Iterator<Item = &AgendaItem> {
        self.items.iter().filter(move |i| i.bucket == b)
    }
}

/// Builds the agenda of `plan` as seen on `today`, of the goals in `scope`.
pub fn agenda(plan: &Plan, today: NaiveDate, week_start: Weekday, scope: &Scope) -> Agenda {
    let mut out = Agenda::default();
    for goal in plan.goals.iter().filter(|g| scope.shows_goal(g, today)) {
        push_done_today(goal, today, &mut out.done_today);
        if !goal.is_active() {
            continue;
        }
        if goal.focus {
            out.focus.push(goal.id);
        }
        push_dated_items(goal, today, week_start, &mut out.items);
        if let Some(step) = next_step(goal).filter(|s| s.due.is_none()) {
            out.next_actions.push((goal.id, step.id));
        }
        if is_stalled(goal, today) {
            out.stalled.push(goal.id);
        }
        if is_stuck(goal) {
            out.stuck.push(goal.id);
        }
    }
    out.items.sort_by_key(|i| (i.date, !i.focus));
    out
}

/// The goal's next open step: the first one in the tree's order (milestones in order, then
/// the steps straight under the goal).
pub fn next_step(goal: &Goal) -> Option<&ActionStep> {
    goal.milestones
        .iter()
        .filter(|m| !m.is_done())
        .flat_map(|m| m.steps.iter())
        .chain(goal.steps.iter())
        .find(|s| !s.is_done())
}

fn push_done_today(goal: &Goal, today: NaiveDate, out: &mut Vec<ItemId>) {
    if goal.completed == Some(today) && goal.status == super::GoalStatus::Done {
        out.push(goal.id);
    }
    out.extend(
        goal.milestones
            .iter()
            .filter(|m| m.done == Some(today))
            .map(|m| m.id),
    );
    out.extend(
        goal.all_steps()
            .filter(|s| s.done_dates().any(|d| d == today))
            .map(|s| s.id),
    );
}

fn push_dated_items(goal: &Goal, today: NaiveDate, ws: Weekday, out: &mut Vec<AgendaItem>) {
    let mut push = |id, kind, date: Option<NaiveDate>| {
        if let Some(date) = date {
            let bucket = bucket(date, today, ws);
            out.push(AgendaItem {
                id,
                goal: goal.id,
                kind,
                date,
                bucket,
                focus: goal.focus,
            });
        }
    };
    push(goal.id, ItemKind::Goal, goal.deadline);
    for m in goal.milestones.iter().filter(|m| !m.is_done()) {
        push(m.id, ItemKind::Milestone, m.target);
    }
    for s in goal.all_steps().filter(|s| !s.is_done()) {
        push(s.id, ItemKind::Step, s.due);
    }
}

/// The most recent day anything happened on a goal: started, a step or milestone done, a
/// check-in recorded.
pub fn last_activity(goal: &Goal) -> NaiveDate {
    let done_steps = goal.all_steps().flat_map(|s| s.done_dates());
    let done_milestones = goal.milestones.iter().filter_map(|m| m.done);
    let checkins = goal.checkins.iter().map(|c| c.date);
    done_steps
        .chain(done_milestones)
        .chain(checkins)
        .fold(goal.start_date(), NaiveDate::max)
}

/// An active goal with nothing done and no check-in for `STALLED_AFTER_DAYS` days.
pub fn is_stalled(goal: &Goal, today: NaiveDate) -> bool {
    goal.is_active() && (today - last_activity(goal)).num_days() >= STALLED_AFTER_DAYS
}

/// An active goal with no open step: nothing says what to do next.
pub fn is_stuck(goal: &Goal) -> bool {
    goal.is_active() && !goal.all_steps().any(|s| !s.is_done())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::goal::{CheckIn, GoalStatus};
    use crate::model::items::{ActionStep, Milestone};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    // 2026-11-18 is a Wednesday.
    const TODAY: &str = "2026-11-18";

    #[test]
    fn buckets_follow_the_calendar_week() {
        let t = d(TODAY);
        let mon = Weekday::Mon;
        assert_eq!(bucket(d("2026-11-17"), t, mon), Bucket::Overdue);
        assert_eq!(bucket(t, t, mon), Bucket::Today);
        assert_eq!(bucket(d("2026-11-22"), t, mon), Bucket::ThisWeek);
        assert_eq!(bucket(d("2026-11-23"), t, mon), Bucket::NextWeek);
        assert_eq!(bucket(d("2026-11-29"), t, mon), Bucket::NextWeek);
        assert_eq!(bucket(d("2026-11-30"), t, mon), Bucket::Later);
    }

    #[test]
    fn week_start_moves_the_week_end() {
        let t = d(TODAY);
        assert_eq!(end_of_week(t, Weekday::Mon), d("2026-11-22"));
        assert_eq!(end_of_week(t, Weekday::Sun), d("2026-11-21"));
        assert_eq!(bucket(d("2026-11-22"), t, Weekday::Sun), Bucket::NextWeek);
        assert_eq!(end_of_week(d("2026-11-22"), Weekday::Mon), d("2026-11-22"));
    }

    fn plan_with(goal: Goal) -> Plan {
        Plan {
            goals: vec![goal],
            ..Plan::default()
        }
    }

    fn step(id: u64, due: Option<&str>, done: Option<&str>) -> ActionStep {
        let mut s = ActionStep::new(ItemId(id), "s");
        s.due = due.map(d);
        s.done = done.map(d);
        s
    }

    #[test]
    fn agenda_lists_open_dated_items_of_active_goals_by_date() {
        let mut g = Goal::new(ItemId(1), "g", d("2026-11-01"));
        g.steps = vec![
            step(2, Some("2026-11-20"), None),
            step(3, Some("2026-11-10"), None),
            step(4, Some("2026-11-10"), Some("2026-11-11")),
            step(5, None, None),
        ];
        let mut m = Milestone::new(ItemId(6), "m");
        m.target = Some(d("2026-12-31"));
        g.milestones.push(m);
        let a = agenda(
            &plan_with(g.clone()),
            d(TODAY),
            Weekday::Mon,
            &Scope::default(),
        );
        let ids: Vec<_> = a.items.iter().map(|i| i.id.0).collect();
        assert_eq!(ids, [3, 2, 6]);
        assert_eq!(a.in_bucket(Bucket::Overdue).count(), 1);
        assert_eq!(a.items[2].kind, ItemKind::Milestone);
        assert_eq!(a.items[2].bucket, Bucket::Later);

        g.status = GoalStatus::OnHold;
        assert!(
            agenda(&plan_with(g), d(TODAY), Weekday::Mon, &Scope::default())
                .items
                .is_empty()
        );
    }

    #[test]
    fn stalled_after_fourteen_quiet_days() {
        let mut g = Goal::new(ItemId(1), "g", d("2026-11-01"));
        assert!(!is_stalled(&g, d("2026-11-14")));
        assert!(is_stalled(&g, d("2026-11-15")));
        g.checkins.push(CheckIn {
            date: d("2026-11-10"),
            ..CheckIn::default()
        });
        assert!(!is_stalled(&g, d("2026-11-23")));
        assert!(is_stalled(&g, d("2026-11-24")));
        g.steps.push(step(2, None, Some("2026-11-20")));
        assert!(!is_stalled(&g, d("2026-11-24")));
        g.status = GoalStatus::Dropped;
        assert!(!is_stalled(&g, d("2027-11-24")));
    }

    #[test]
    fn stuck_when_no_open_step_remains() {
        let mut g = Goal::new(ItemId(1), "g", d("2026-11-01"));
        assert!(is_stuck(&g));
        g.milestones
            .push(Milestone::new(ItemId(2), "m without steps"));
        assert!(is_stuck(&g));
        g.milestones[0].steps.push(step(3, None, None));
        assert!(!is_stuck(&g));
        g.milestones[0].steps[0].done = Some(d("2026-11-02"));
        assert!(is_stuck(&g));
        let a = agenda(
            &plan_with(g),
            d("2026-11-03"),
            Weekday::Mon,
            &Scope::default(),
        );
        assert_eq!(a.stuck, [ItemId(1)]);
        assert!(a.stalled.is_empty());
    }

    #[test]
    fn goal_deadlines_next_actions_focus_and_done_today_are_on_it() {
        let today = d(TODAY);
        let mut g = Goal::new(ItemId(1), "g", d("2026-11-01"));
        g.deadline = Some(d("2026-11-19"));
        g.steps = vec![step(2, None, Some(TODAY)), step(3, None, None)];
        let mut focus = Goal::new(ItemId(10), "focus", d("2026-11-01"));
        focus.focus = true;
        focus.steps = vec![step(11, Some("2026-11-19"), None)];
        let mut done = Goal::new(ItemId(20), "finished", d("2026-11-01"));
        done.status = crate::model::GoalStatus::Done;
        done.completed = Some(today);
        let plan = Plan {
            goals: vec![g, focus, done],
            ..Plan::default()
        };
        let a = agenda(&plan, today, Weekday::Mon, &Scope::default());
        assert_eq!(a.focus, [ItemId(10)]);
        let dated: Vec<_> = a.items.iter().map(|i| (i.id.0, i.kind)).collect();
        assert_eq!(
            dated,
            [(11, ItemKind::Step), (1, ItemKind::Goal)],
            "the goal's deadline is in its bucket; the focus goal's step leads the day"
        );
        assert_eq!(a.items[1].bucket, Bucket::ThisWeek);
        assert_eq!(
            a.next_actions,
            [(ItemId(1), ItemId(3))],
            "undated next step"
        );
        assert_eq!(a.done_today, [ItemId(2), ItemId(20)]);
        let hidden = Scope {
            hide_done: true,
            ..Scope::default()
        };
        assert_eq!(
            agenda(&plan, today, Weekday::Mon, &hidden).done_today,
            [ItemId(2)],
            "a hidden finished goal is not listed"
        );
    }

    #[test]
    fn the_next_step_follows_the_tree_order() {
        let mut g = Goal::new(ItemId(1), "g", d("2026-11-01"));
        g.steps = vec![step(2, None, None)];
        let mut m = Milestone::new(ItemId(3), "m");
        m.steps = vec![step(4, None, Some("2026-11-02")), step(5, None, None)];
        g.milestones.push(m);
        assert_eq!(next_step(&g).map(|s| s.id), Some(ItemId(5)));
        g.milestones[0].done = Some(d("2026-11-03"));
        assert_eq!(next_step(&g).map(|s| s.id), Some(ItemId(2)));
    }
}
