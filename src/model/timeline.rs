//! The timeline: goals and their milestones as lanes on a time axis — where each goal starts
//! and is due, how far it has come, whether it keeps pace, and when it will finish at the
//! rate so far; each milestone at its target (or the day it was done). Pure: today is passed
//! in; the screen decides which stretch of time is on show.

use super::Plan;
use super::dates::{minus_days, plus_days};
use super::goal::{Goal, GoalStatus};
use super::ids::ItemId;
use super::items::{ItemKind, Milestone};
use super::progress::{milestone_progress, pace};
use super::view::Scope;
use chrono::{Datelike, NaiveDate};

pub use super::standing::Standing;

/// One row of the timeline: a goal, or one of its milestones.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub id: ItemId,
    pub goal: ItemId,
    pub kind: ItemKind,
    /// Where the lane begins: a goal's start, a milestone's goal's start.
    pub start: NaiveDate,
    /// A goal's deadline, a milestone's target.
    pub due: Option<NaiveDate>,
    /// When it was finished.
    pub done: Option<NaiveDate>,
    pub progress: f64,
    /// Where the pace line is today (goals with a deadline).
    pub expected: Option<f64>,
    /// When it finishes at the rate so far (goals).
    pub projected: Option<NaiveDate>,
    pub standing: Standing,
    pub focus: bool,
}

/// The lanes of the goals in `scope` on `today`: each goal, then its milestones in order.
pub fn lanes(plan: &Plan, today: NaiveDate, scope: &Scope) -> Vec<Lane> {
    let mut out = Vec::new();
    for goal in plan.goals.iter().filter(|g| scope.shows_goal(g, today)) {
        out.push(goal_lane(goal, today));
        let milestones = goal.milestones.iter();
        out.extend(
            milestones
                .filter(|m| scope.shows_item(m.is_done()))
                .map(|m| milestone_lane(goal, m, today)),
        );
    }
    out
}

fn goal_lane(goal: &Goal, today: NaiveDate) -> Lane {
    let p = pace(goal, today);
    let standing = p.standing;
    Lane {
        id: goal.id,
        goal: goal.id,
        kind: ItemKind::Goal,
        start: goal.start_date(),
        due: goal.deadline,
        done: goal.completed.filter(|_| goal.status == GoalStatus::Done),
        progress: p.progress,
        expected: p.expected,
        projected: p.projected_finish,
        standing,
        focus: goal.focus,
    }
}

fn milestone_lane(goal: &Goal, m: &Milestone, today: NaiveDate) -> Lane {
    let standing = super::standing::of_milestone(goal, m, today);
    Lane {
        id: m.id,
        goal: goal.id,
        kind: ItemKind::Milestone,
        start: goal.start_date(),
        due: m.target,
        done: m.done,
        progress: milestone_progress(m),
        expected: None,
        projected: None,
        standing,
        focus: goal.focus,
    }
}

/// How much time one column of the chart stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Scale {
    /// A day a column: a few weeks on screen.
    #[default]
    Weeks,
    /// A week a column: a year or so on screen.
    Months,
}

impl Scale {
    /// Days per column.
    pub fn days(self) -> u64 {
        match self {
            Scale::Weeks => 1,
            Scale::Months => 7,
        }
    }

    /// The other scale.
    pub fn other(self) -> Scale {
        match self {
            Scale::Weeks => Scale::Months,
            Scale::Months => Scale::Weeks,
        }
    }

    /// Words for the scale, for the screen's title.
    pub fn label(self) -> &'static str {
        match self {
            Scale::Weeks => "weeks",
            Scale::Months => "months",
        }
    }
}

/// The stretch of time on show: `columns` columns from `first`, each `scale` long.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Axis {
    pub first: NaiveDate,
    pub scale: Scale,
    pub columns: u16,
}

impl Axis {
    /// The axis that puts `today` a quarter of the way in (there is more ahead than behind
    /// to plan), moved by `shift` half-widths (negative: earlier).
    pub fn around(today: NaiveDate, scale: Scale, columns: u16, shift: i32) -> Axis {
        let days = scale.days();
        let quarter = u64::from(columns / 4) * days;
        let half = i64::from(columns / 2) * days as i64 * i64::from(shift);
        let mut first = minus_days(today, quarter);
        first = if half >= 0 {
            plus_days(first, half as u64)
        } else {
            minus_days(first, half.unsigned_abs())
        };
        if scale == Scale::Months {
            first = minus_days(first, u64::from(first.weekday().num_days_from_monday()));
        }
        Axis {
            first,
            scale,
            columns,
        }
    }

    /// The column `date` falls in, if it is on show.
    pub fn column(&self, date: NaiveDate) -> Option<u16> {
        let days = (date - self.first).num_days();
        if days < 0 {
            return None;
        }
        let col = days as u64 / self.scale.days();
        (col < u64::from(self.columns)).then_some(col as u16)
    }

    /// The column `date` falls in, clamped to the edges (for bars that run off screen);
    /// `None` when the whole of `from..=to` is off screen.
    pub fn clamped(&self, from: NaiveDate, to: NaiveDate) -> Option<(u16, u16)> {
        let last = self.last();
        if to < self.first || from > last {
            return None;
        }
        let a = self.column(from.max(self.first))?;
        let b = self.column(to.min(last))?;
        Some((a, b))
    }

    /// The last day on show.
    pub fn last(&self) -> NaiveDate {
        let days = u64::from(self.columns) * self.scale.days();
        plus_days(self.first, days.saturating_sub(1))
    }

    /// The first day of column `col`.
    pub fn day_of(&self, col: u16) -> NaiveDate {
        plus_days(self.first, u64::from(col) * self.scale.days())
    }

    /// Where the axis's labels go: a label at the first column of each week (weeks scale) or
    /// each month (months scale), as `(column, text)`.
    pub fn ticks(&self) -> Vec<(u16, String)> {
        let mut out = Vec::new();
        let mut previous: Option<NaiveDate> = None;
        for col in 0..self.columns {
            let day = self.day_of(col);
            // Only where a week or month begins: the window's edge is no date of its own.
            let starts = match (self.scale, previous) {
                (Scale::Weeks, _) => day.weekday() == chrono::Weekday::Mon,
                (Scale::Months, Some(p)) => p.month() != day.month(),
                (Scale::Months, None) => day.day() == 1,
            };
            if starts {
                let first = out.is_empty();
                let text = match self.scale {
                    Scale::Weeks => day.format("%-d %b").to_string(),
                    Scale::Months if day.month() == 1 || first => day.format("%b %Y").to_string(),
                    Scale::Months => day.format("%b").to_string(),
                };
                out.push((col, text));
            }
            previous = Some(day);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActionStep;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const TODAY: &str = "2026-11-22";

    fn plan() -> Plan {
        let mut g = Goal::new(ItemId(1), "g", d("2026-10-01"));
        g.deadline = Some(d("2027-03-31"));
        let mut done = Milestone::new(ItemId(2), "done");
        done.target = Some(d("2026-11-01"));
        done.done = Some(d("2026-10-30"));
        let mut late = Milestone::new(ItemId(3), "late");
        late.target = Some(d("2026-11-15"));
        late.steps.push(ActionStep::new(ItemId(4), "s"));
        let mut ahead = Milestone::new(ItemId(5), "ahead");
        ahead.target = Some(d("2027-01-15"));
        g.milestones = vec![done, late, ahead];
        let mut paused = Goal::new(ItemId(6), "paused", d("2026-10-01"));
        paused.status = GoalStatus::OnHold;
        Plan {
            goals: vec![g, paused],
            ..Plan::default()
        }
    }

    #[test]
    fn lanes_hold_each_goal_then_its_milestones_with_their_standing() {
        let lanes = lanes(&plan(), d(TODAY), &Scope::default());
        let rows: Vec<_> = lanes.iter().map(|l| (l.id.0, l.standing)).collect();
        assert_eq!(
            rows,
            [
                (1, Standing::OnTrack),
                (2, Standing::Done),
                (3, Standing::Late),
                (5, Standing::Open),
                (6, Standing::Paused)
            ]
        );
        assert_eq!(lanes[0].due, Some(d("2027-03-31")));
        assert_eq!(lanes[0].start, d("2026-10-01"));
    }

    #[test]
    fn a_goal_under_its_pace_line_and_projected_past_its_deadline_is_at_risk() {
        let mut p = plan();
        // 2026-10-01 → 2027-03-31; by 2027-01-15 the line is at ~0.6 and only 1 of 3 is done:
        // at that rate it is done in August, after the deadline.
        p.goals[0].milestones[1].target = Some(d("2027-02-01"));
        let lanes = lanes(&p, d("2027-01-15"), &Scope::default());
        assert_eq!(lanes[0].standing, Standing::AtRisk);
        assert!(lanes[0].projected > lanes[0].due);
    }

    #[test]
    fn hidden_done_milestones_and_archived_goals_leave_the_timeline() {
        let mut p = plan();
        let scope = Scope {
            hide_done: true,
            ..Scope::default()
        };
        let ids: Vec<_> = lanes(&p, d(TODAY), &scope).iter().map(|l| l.id.0).collect();
        assert_eq!(ids, [1, 3, 5, 6]);
        p.goals[1].status = GoalStatus::Dropped;
        p.goals[1].archived = Some(d(TODAY));
        let ids: Vec<_> = lanes(&p, d(TODAY), &Scope::default())
            .iter()
            .map(|l| l.id.0)
            .collect();
        assert_eq!(ids, [1, 2, 3, 5]);
    }

    #[test]
    fn the_axis_puts_today_a_quarter_in_and_scrolls_by_half_widths() {
        let axis = Axis::around(d(TODAY), Scale::Weeks, 40, 0);
        assert_eq!(axis.first, d("2026-11-12"));
        assert_eq!(axis.column(d(TODAY)), Some(10));
        assert_eq!(axis.last(), d("2026-12-21"));
        assert_eq!(axis.column(d("2026-12-22")), None);
        let later = Axis::around(d(TODAY), Scale::Weeks, 40, 1);
        assert_eq!(later.first, d("2026-12-02"));
        let earlier = Axis::around(d(TODAY), Scale::Weeks, 40, -1);
        assert_eq!(earlier.first, d("2026-10-23"));
        assert_eq!(
            axis.clamped(d("2026-01-01"), d("2027-01-01")),
            Some((0, 39)),
            "a bar longer than the view fills it"
        );
        assert_eq!(axis.clamped(d("2026-01-01"), d("2026-02-01")), None);
    }

    #[test]
    fn months_are_weeks_a_column_starting_on_a_monday_with_month_ticks() {
        let axis = Axis::around(d(TODAY), Scale::Months, 40, 0);
        assert_eq!(axis.first.weekday(), chrono::Weekday::Mon);
        assert_eq!(axis.column(d(TODAY)), Some(10));
        let ticks = axis.ticks();
        // The first label is where a month begins, with its year; the window's edge is not.
        assert_eq!(ticks[0], (4, "Oct 2026".to_string()));
        assert!(ticks.contains(&(13, "Dec".to_string())), "{ticks:?}");
        assert!(ticks.iter().any(|(_, t)| t == "Jan 2027"));
    }

    #[test]
    fn week_ticks_fall_on_mondays() {
        let axis = Axis::around(d(TODAY), Scale::Weeks, 20, 0);
        let ticks = axis.ticks();
        assert_eq!(
            axis.first.to_string(),
            "2026-11-17",
            "the window starts on a Tuesday"
        );
        assert_eq!(
            ticks[0],
            (6, "23 Nov".to_string()),
            "the first label is a Monday"
        );
        assert_eq!(ticks[1], (13, "30 Nov".to_string()));
    }
}
