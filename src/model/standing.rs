//! How a goal stands, from one rule every screen, `list --json`, the exports and the review
//! read: done, dropped or paused by its status; for an active goal with a deadline, late
//! once the deadline has passed, at risk when the finish projected from its check-ins (or
//! its plan's rate) lands after the deadline, behind when under the pace line, ahead when
//! well over it, else on track. A milestone stands done, late (its target went by) or open.
//! Pure: today is passed in. docs/standing.md says the rule in words.

use super::goal::{Goal, GoalStatus};
use chrono::NaiveDate;

/// How far from the pace line still counts as "on track" (in progress share, 0 to 1).
pub const PACE_TOLERANCE: f64 = 0.10;

/// How a goal (or a milestone) stands, at a glance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Standing {
    OnTrack,
    /// Well over the pace line (by more than `PACE_TOLERANCE`).
    Ahead,
    /// Under the pace line by more than `PACE_TOLERANCE`, the projection still in time.
    Behind,
    /// The finish projected at the rate so far lands after the deadline.
    AtRisk,
    /// The deadline (a milestone's target) has passed and it is not done.
    Late,
    /// Active, with no deadline to keep pace with.
    NoDeadline,
    /// On hold.
    Paused,
    Done,
    Dropped,
    /// A milestone still ahead of its target, or with none (milestones have no pace line).
    Open,
}

impl Standing {
    /// Words for the standing, as every screen and export shows it.
    pub fn label(self) -> &'static str {
        match self {
            Standing::OnTrack => "on track",
            Standing::Ahead => "ahead",
            Standing::Behind => "behind",
            Standing::AtRisk => "at risk",
            Standing::Late => "late",
            Standing::NoDeadline => "no deadline",
            Standing::Paused => "paused",
            Standing::Done => "done",
            Standing::Dropped => "dropped",
            Standing::Open => "open",
        }
    }

    /// Whether the standing asks for attention (late, at risk, behind).
    pub fn is_warning(self) -> bool {
        matches!(self, Standing::Late | Standing::AtRisk | Standing::Behind)
    }

    /// Whether the goal is being worked on (not done, dropped or paused).
    pub fn is_open(self) -> bool {
        !matches!(self, Standing::Done | Standing::Dropped | Standing::Paused)
    }
}

/// What the rule reads: a goal's progress, where its pace line is today, and when it
/// finishes at the rate so far.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evidence {
    pub progress: f64,
    pub expected: Option<f64>,
    pub projected: Option<NaiveDate>,
}

/// The standing of `goal` on `today`, given what its numbers say.
pub fn decide(goal: &Goal, evidence: Evidence, today: NaiveDate) -> Standing {
    match goal.status {
        GoalStatus::Done => return Standing::Done,
        GoalStatus::Dropped => return Standing::Dropped,
        GoalStatus::OnHold => return Standing::Paused,
        GoalStatus::Active => {}
    }
    let Some(deadline) = goal.deadline else {
        return Standing::NoDeadline;
    };
    if deadline < today {
        return Standing::Late;
    }
    if evidence
        .projected
        .is_some_and(|p| p > deadline + slack(goal, deadline))
    {
        return Standing::AtRisk;
    }
    match evidence.expected {
        Some(e) if evidence.progress + PACE_TOLERANCE < e => Standing::Behind,
        Some(e) if evidence.progress > e + PACE_TOLERANCE => Standing::Ahead,
        _ => Standing::OnTrack,
    }
}

/// How far past the deadline a projection may land and still count as in time: the same
/// share of the goal's span as the pace line's tolerance (12 days of a 4-month goal), so that
/// a practice kept on schedule does not flip to "at risk" in the days between occurrences.
fn slack(goal: &Goal, deadline: NaiveDate) -> chrono::Days {
    let span = (deadline - goal.start_date()).num_days().max(0) as f64;
    chrono::Days::new((span * PACE_TOLERANCE).ceil() as u64)
}

/// The standing of a milestone of a goal on `today`.
pub fn of_milestone(goal: &Goal, m: &super::items::Milestone, today: NaiveDate) -> Standing {
    match (m.done, m.target) {
        (Some(_), _) => Standing::Done,
        _ if goal.status == GoalStatus::Dropped => Standing::Dropped,
        _ if goal.status != GoalStatus::Active => Standing::Paused,
        (None, Some(t)) if t < today => Standing::Late,
        _ => Standing::Open,
    }
}

/// How many weeks (rounded up) a finish on `projected` lands after `goal`'s deadline.
pub fn weeks_late(goal: &Goal, projected: NaiveDate) -> Option<usize> {
    let days = (projected - goal.deadline?).num_days();
    (days > 0).then(|| days.div_euclid(7) as usize + usize::from(days % 7 != 0))
}

/// What to do about a late goal, in a line for its details.
pub fn late_advice(goal: &Goal, today: NaiveDate) -> Option<String> {
    let deadline = goal.deadline?;
    (goal.status == GoalStatus::Active && deadline < today).then(|| {
        let days = (today - deadline).num_days();
        format!(
            "The deadline {deadline} passed {} ago: move the deadline, mark the goal done, or \
             drop it.",
            super::text::plural(days as usize, "day")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::ItemId;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn goal(deadline: Option<&str>) -> Goal {
        let mut g = Goal::new(ItemId(1), "Lead a team", d("2026-01-01"));
        g.deadline = deadline.map(d);
        g
    }

    fn evidence(progress: f64, expected: Option<f64>, projected: Option<&str>) -> Evidence {
        Evidence {
            progress,
            expected,
            projected: projected.map(d),
        }
    }

    #[test]
    fn a_projection_after_the_deadline_is_at_risk_even_on_the_pace_line() {
        let g = goal(Some("2026-06-30"));
        let today = d("2026-03-01");
        let on_line = evidence(0.33, Some(0.33), Some("2026-08-15"));
        assert_eq!(decide(&g, on_line, today), Standing::AtRisk);
        // Jan 1 → Jun 30 is 180 days: 18 days' slack past the deadline.
        let just_past = evidence(0.33, Some(0.33), Some("2026-07-18"));
        assert_eq!(decide(&g, just_past, today), Standing::OnTrack);
        let beyond = evidence(0.33, Some(0.33), Some("2026-07-19"));
        assert_eq!(decide(&g, beyond, today), Standing::AtRisk);
        let in_time = evidence(0.33, Some(0.33), Some("2026-06-20"));
        assert_eq!(decide(&g, in_time, today), Standing::OnTrack);
        let no_rate_yet = evidence(0.0, Some(0.05), None);
        assert_eq!(decide(&g, no_rate_yet, today), Standing::OnTrack);
    }

    #[test]
    fn under_the_line_is_behind_over_it_ahead_and_past_the_deadline_late() {
        let g = goal(Some("2026-06-30"));
        let today = d("2026-03-01");
        assert_eq!(
            decide(&g, evidence(0.1, Some(0.33), Some("2026-06-01")), today),
            Standing::Behind
        );
        assert_eq!(
            decide(&g, evidence(0.6, Some(0.33), Some("2026-05-01")), today),
            Standing::Ahead
        );
        assert_eq!(
            decide(&g, evidence(0.9, Some(1.0), None), d("2026-07-01")),
            Standing::Late,
            "the day after the deadline, not done"
        );
        assert_eq!(
            decide(&g, evidence(0.9, Some(1.0), None), d("2026-06-30")),
            Standing::OnTrack,
            "the deadline day itself is still in time"
        );
    }

    #[test]
    fn status_and_a_missing_deadline_decide_before_any_number() {
        let today = d("2026-03-01");
        let late = evidence(0.0, Some(1.0), Some("2027-01-01"));
        for (status, want) in [
            (GoalStatus::Done, Standing::Done),
            (GoalStatus::Dropped, Standing::Dropped),
            (GoalStatus::OnHold, Standing::Paused),
        ] {
            let mut g = goal(Some("2026-02-01"));
            g.status = status;
            assert_eq!(decide(&g, late, today), want);
        }
        assert_eq!(decide(&goal(None), late, today), Standing::NoDeadline);
    }

    #[test]
    fn a_projection_past_the_deadline_is_counted_in_weeks_rounded_up() {
        let g = goal(Some("2026-06-30"));
        assert_eq!(weeks_late(&g, d("2026-07-01")), Some(1));
        assert_eq!(weeks_late(&g, d("2026-07-14")), Some(2));
        assert_eq!(weeks_late(&g, d("2026-07-15")), Some(3));
        assert_eq!(weeks_late(&g, d("2026-06-30")), None);
        assert_eq!(weeks_late(&goal(None), d("2026-07-01")), None);
    }

    #[test]
    fn a_late_goal_says_what_to_do_and_an_on_time_one_says_nothing() {
        let g = goal(Some("2026-02-01"));
        let advice = late_advice(&g, d("2026-03-01")).unwrap();
        assert!(
            advice.contains("28 days ago") && advice.contains("drop"),
            "{advice}"
        );
        assert_eq!(late_advice(&g, d("2026-02-01")), None);
    }
}
