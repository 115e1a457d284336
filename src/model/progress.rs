//! Progress and pace: how far a goal has come, where a straight line from start to deadline
//! says it should be today, and when it will finish at the rate seen so far; `standing`
//! turns those into one word.

use super::goal::{Goal, GoalStatus, Measure};
use super::items::{ActionStep, Milestone, Recurrence};
use chrono::{Days, NaiveDate};

pub use super::standing::{PACE_TOLERANCE, Standing};

/// Share of a measure covered, 0 to 1; works for falling targets ("overtime 20 → 5") too.
/// Always a finite number, even for values far outside what forms accept.
pub fn measure_progress(m: &Measure) -> f64 {
    let span = m.target - m.start;
    if span == 0.0 {
        return if m.current == m.target { 1.0 } else { 0.0 };
    }
    finite_share((m.current - m.start) / span)
}

/// `share` clamped to 0..=1, with anything not a number (an overflowed sum) as 0.
fn finite_share(share: f64) -> f64 {
    if share.is_nan() {
        0.0
    } else {
        share.clamp(0.0, 1.0)
    }
}

/// Share of a milestone done: 1 once marked done, else the share of its steps done (a
/// practice counting its occurrences up to the milestone's target).
pub fn milestone_progress(m: &Milestone) -> f64 {
    if m.is_done() {
        return 1.0;
    }
    if m.steps.is_empty() {
        return 0.0;
    }
    let done: f64 = m.steps.iter().map(|s| step_share(s, m.target)).sum();
    finite_share(done / m.steps.len() as f64)
}

/// How much of a step is done, 0 to 1. A one-off step is done or not. A repeating step with
/// a due date is practice: the share of its occurrences due from its first one up to `end`
/// (the goal's deadline, a milestone's target; at least up to its next occurrence, so that a
/// practice that still repeats is never complete) that were done; with no end, the share of
/// those due so far that were done (its consistency).
pub fn step_share(step: &ActionStep, end: Option<NaiveDate>) -> f64 {
    let (Some(rule), Some(due)) = (step.recurrence, step.due) else {
        return if step.is_done() { 1.0 } else { 0.0 };
    };
    let done = step.history.len();
    let gone_by = done + step.missed as usize;
    // While it still repeats, its next occurrence is part of the work: a practice still
    // running past its end (a milestone's target gone by) never reads as complete.
    let expected = match end.map(|end| end.max(due)) {
        Some(end) => occurrences_between(rule, first_due(rule, due, gone_by), end),
        None => gone_by,
    };
    if expected == 0 {
        return if done > 0 { 1.0 } else { 0.0 };
    }
    finite_share(done as f64 / expected as f64)
}

/// The first occurrence of a repeating step now due on `due`, after `gone_by` occurrences
/// were done or missed (each moved it on by one interval).
fn first_due(rule: Recurrence, due: NaiveDate, gone_by: usize) -> NaiveDate {
    rule.rewind(due, gone_by as u64)
}

/// How many occurrences from `first` fall on or before `end`.
fn occurrences_between(rule: Recurrence, first: NaiveDate, end: NaiveDate) -> usize {
    usize::try_from(rule.count_until(first, end)).unwrap_or(usize::MAX)
}

/// Progress from the tree: milestones count with their weight, direct steps with weight 1.
pub fn tree_progress(goal: &Goal) -> f64 {
    let milestones = goal
        .milestones
        .iter()
        .map(|m| (m.weight.max(0.0), milestone_progress(m)));
    let steps = goal
        .steps
        .iter()
        .map(|s| (1.0, step_share(s, goal.deadline)));
    let (total, done) = milestones
        .chain(steps)
        .fold((0.0, 0.0), |(t, d), (w, p)| (t + w, d + w * p));
    if total > 0.0 {
        finite_share(done / total)
    } else {
        0.0
    }
}

/// Progress of a goal's measures together, each counted by its weight; `None` when it has
/// none (or they weigh nothing).
pub fn measures_progress(goal: &Goal) -> Option<f64> {
    let (total, done) = goal.measures.iter().fold((0.0, 0.0), |(t, d), m| {
        let w = m.weight.max(0.0);
        (t + w, d + w * measure_progress(m))
    });
    (total > 0.0).then(|| finite_share(done / total))
}

/// Progress of a goal, 0 to 1: done goals are complete; otherwise from its measures
/// (weighted) where it has some, else from the tree.
pub fn goal_progress(goal: &Goal) -> f64 {
    if goal.status == GoalStatus::Done {
        return 1.0;
    }
    measures_progress(goal).unwrap_or_else(|| tree_progress(goal))
}

/// The progress of several goals together, each counted by its weight (a goal weighing 2
/// moves the whole twice as much); `None` when there are none or they weigh nothing.
pub fn overall<'a>(goals: impl Iterator<Item = &'a Goal>) -> Option<f64> {
    let (total, done) = goals.fold((0.0, 0.0), |(t, d), g| {
        let w = g.weight.max(0.0);
        (t + w, d + w * goal_progress(g))
    });
    (total > 0.0).then(|| finite_share(done / total))
}

/// Progress against the pace line on a given day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pace {
    pub progress: f64,
    /// Where the straight line from start to deadline is today, 0 to 1.
    pub expected: Option<f64>,
    /// How the goal stands (`standing::decide`).
    pub standing: Standing,
    /// When the goal finishes at the rate seen so far; `None` when there is no rate yet.
    pub projected_finish: Option<NaiveDate>,
}

/// How a set of goals stands together, for a title: how many are shown, how many of them
/// are done, and the weighted progress of the active ones. Done goals are counted apart, so
/// finishing a goal never reads as the whole falling back ("2 done · 38% across the rest").
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Together {
    pub shown: usize,
    pub done: usize,
    pub active: Option<f64>,
}

impl Together {
    /// The goals in `goals` taken together.
    pub fn of<'a>(goals: impl Iterator<Item = &'a Goal> + Clone) -> Together {
        Together {
            shown: goals.clone().count(),
            done: goals
                .clone()
                .filter(|g| g.status == GoalStatus::Done)
                .count(),
            // The Inbox is a list to file from, not a goal to make progress on.
            active: overall(goals.filter(|g| g.is_active() && !g.is_inbox())),
        }
    }

    /// "37% overall", or "2 done · 38% across the rest", or "2 done"; empty with nothing
    /// to say.
    pub fn words(&self) -> String {
        match (self.done, self.active) {
            (0, Some(p)) => format!("{:.0}% overall", p * 100.0),
            (0, None) => String::new(),
            (done, Some(p)) => format!("{done} done · {:.0}% across the rest", p * 100.0),
            (done, None) => format!("{done} done"),
        }
    }
}

/// Where the pace line from `start` to `deadline` stands on `today`, 0 to 1.
pub fn expected_progress(start: NaiveDate, deadline: NaiveDate, today: NaiveDate) -> f64 {
    let total = (deadline - start).num_days();
    if total <= 0 {
        return if today >= deadline { 1.0 } else { 0.0 };
    }
    ((today - start).num_days() as f64 / total as f64).clamp(0.0, 1.0)
}

/// The pace of `goal` on `today`.
pub fn pace(goal: &Goal, today: NaiveDate) -> Pace {
    let progress = goal_progress(goal);
    judged(goal, progress, projected_finish(goal, today), today)
}

/// `progress` and a projected finish against `goal`'s pace line, with the standing the one
/// rule gives them: what the goal's pace and each measure's have in common.
fn judged(goal: &Goal, progress: f64, projected: Option<NaiveDate>, today: NaiveDate) -> Pace {
    let expected = goal
        .deadline
        .map(|d| expected_progress(goal.start_date(), d, today));
    let evidence = super::standing::Evidence {
        progress,
        expected,
        projected,
    };
    Pace {
        progress,
        expected,
        standing: super::standing::decide(goal, evidence, today),
        projected_finish: projected,
    }
}

/// The projected finish date. A measured goal finishes when the last of its measures with a
/// trend (values recorded on two days, moving towards the target) reaches its target, each
/// at the rate of its own values (first to last); others go on at the rate of tree progress
/// since the start date. What is left is projected from today, never from an older value: an
/// unfinished goal never shows a finish in the past.
pub fn projected_finish(goal: &Goal, today: NaiveDate) -> Option<NaiveDate> {
    if goal.status == GoalStatus::Done {
        return goal.completed;
    }
    if goal.measures.is_empty() {
        return finish_from_rate(goal.start_date(), tree_progress(goal), today);
    }
    goal.measures
        .iter()
        .filter_map(|m| measure_finish(m, today))
        .max()
}

/// The pace of one measure of `goal`: its own progress against the goal's pace line, its own
/// projected finish, and the standing the one rule gives them.
pub fn measure_pace(goal: &Goal, m: &Measure, today: NaiveDate) -> Pace {
    judged(goal, measure_progress(m), measure_finish(m, today), today)
}

/// The share of a measured goal's tree that is done, when it tells a different story from
/// the measures (a quarter or more apart): the review asks which one is right.
pub fn disagreement(goal: &Goal) -> Option<(f64, f64)> {
    let measured = measures_progress(goal)?;
    if goal.milestones.is_empty() && goal.steps.is_empty() {
        return None;
    }
    let tree = tree_progress(goal);
    ((measured - tree).abs() >= DISAGREE_BY).then_some((measured, tree))
}

/// How far apart measure and tree may be before the review asks about it.
pub const DISAGREE_BY: f64 = 0.25;

/// When measure `m` reaches its target at the rate of its values (first to last); today when
/// it is there already; `None` without a trend towards the target.
pub fn measure_finish(m: &Measure, today: NaiveDate) -> Option<NaiveDate> {
    if measure_progress(m) >= 1.0 {
        return Some(today);
    }
    let mut points: Vec<(NaiveDate, f64)> = m.points.iter().map(|p| (p.date, p.value)).collect();
    points.sort_by_key(|p| p.0);
    let (&(d0, v0), &(d1, v1)) = (points.first()?, points.last()?);
    let days = (d1 - d0).num_days();
    let direction = (m.target - m.start).signum();
    let rate = (v1 - v0) / days as f64;
    if days <= 0 || rate * direction <= 0.0 {
        return None;
    }
    let remaining = (m.target - m.current) / rate;
    if remaining <= 0.0 {
        return Some(today.max(d1));
    }
    add_days(d1.max(today), remaining)
}

fn finish_from_rate(start: NaiveDate, progress: f64, today: NaiveDate) -> Option<NaiveDate> {
    let elapsed = (today - start).num_days();
    if progress <= 0.0 || elapsed <= 0 {
        return None;
    }
    let remaining = elapsed as f64 * (1.0 - progress) / progress;
    add_days(today, remaining)
}

fn add_days(date: NaiveDate, days: f64) -> Option<NaiveDate> {
    // Ten thousand years out is as good as never.
    let days = days.ceil();
    if days > 3_650_000.0 {
        return None;
    }
    date.checked_add_days(Days::new(days as u64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::ItemId;
    use crate::model::items::ActionStep;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A weekly 1:1 done on Jan 8, 15 and 22, now due Jan 29.
    fn weekly_practice() -> ActionStep {
        let mut s = ActionStep::new(ItemId(9), "1:1 with Sam");
        s.recurrence = Some(Recurrence::WEEKLY);
        s.due = Some(d("2026-01-29"));
        s.history = vec![d("2026-01-08"), d("2026-01-15"), d("2026-01-22")];
        s
    }

    #[test]
    fn a_practice_still_repeating_past_its_end_is_never_complete() {
        let s = weekly_practice();
        // Its milestone's target was Jan 8: the occurrences to its next one (Jan 29) count,
        // 3 done of 4, not 3 of the 1 due by the target.
        assert_eq!(step_share(&s, Some(d("2026-01-08"))), 0.75);
    }

    #[test]
    fn practice_counts_its_occurrences_done_of_those_due_to_the_deadline() {
        let s = weekly_practice();
        // Jan 8 to Mar 26, weekly: 12 occurrences, 3 done.
        assert_eq!(step_share(&s, Some(d("2026-03-26"))), 0.25);
        assert_eq!(
            step_share(&s, None),
            1.0,
            "no end: every one so far was kept"
        );
        let mut missed_one = s.clone();
        missed_one.missed = 1;
        // The first occurrence was a week earlier (Jan 1): 13 due, 3 done.
        assert!((step_share(&missed_one, Some(d("2026-03-26"))) - 3.0 / 13.0).abs() < 1e-9);
        assert_eq!(step_share(&missed_one, None), 0.75);
        let fresh = ActionStep {
            history: Vec::new(),
            ..s.clone()
        };
        assert_eq!(step_share(&fresh, Some(d("2026-03-26"))), 0.0);

        let mut g = Goal::new(ItemId(1), "Be a better manager", d("2026-01-01"));
        g.deadline = Some(d("2026-03-26"));
        g.steps.push(s);
        let mut read = ActionStep::new(ItemId(10), "Read a book on 1:1s");
        read.done = Some(d("2026-01-10"));
        g.steps.push(read);
        assert_eq!(
            tree_progress(&g),
            0.625,
            "a kept practice is progress, not 0%"
        );
    }

    #[test]
    fn finishing_a_goal_is_counted_apart_and_never_reads_as_falling_back() {
        let today = d("2026-03-01");
        let mut half = Goal::new(ItemId(1), "half", today);
        half.steps.push(ActionStep::new(ItemId(2), "a"));
        half.steps.push(ActionStep::new(ItemId(3), "b"));
        half.steps[0].done = Some(today);
        let mut finished = Goal::new(ItemId(4), "finished", today);
        finished.status = GoalStatus::Done;
        let both = [half.clone(), finished.clone()];
        let together = Together::of(both.iter());
        assert_eq!(together.shown, 2);
        assert_eq!(together.words(), "1 done · 50% across the rest");
        assert_eq!(Together::of([half.clone()].iter()).words(), "50% overall");
        let mut inbox = half.clone();
        inbox
            .extra
            .insert(crate::model::goal::INBOX_MARK.into(), true.into());
        inbox.milestones.clear();
        inbox.steps.clear();
        let with_inbox = [half.clone(), inbox];
        assert_eq!(
            Together::of(with_inbox.iter()).words(),
            "50% overall",
            "the Inbox is not counted"
        );
        assert_eq!(Together::of([finished].iter()).words(), "1 done");
        assert_eq!(Together::of([].iter()).words(), "");
    }

    #[test]
    fn progress_is_a_finite_share_even_for_extreme_measures() {
        for (start, current, target) in [
            (-1.7e308, 0.0, 1.7e308),
            (0.0, f64::MAX, f64::MAX),
            (f64::MIN, f64::MAX, 0.0),
            (0.0, f64::NAN, 1.0),
        ] {
            let p = goal_progress(&measured(start, current, target));
            assert!(
                p.is_finite() && (0.0..=1.0).contains(&p),
                "{start} {current} {target}: {p}"
            );
        }
    }

    fn measured(start: f64, current: f64, target: f64) -> Goal {
        let mut g = Goal::new(ItemId(1), "g", d("2026-01-01"));
        let mut m = Measure::new("Talks", "talks", start, target);
        m.current = current;
        g.measures.push(m);
        g
    }

    fn step(done: bool) -> ActionStep {
        let mut s = ActionStep::new(ItemId(9), "s");
        s.done = done.then(|| d("2026-01-05"));
        s
    }

    fn point(date: &str, value: f64) -> crate::model::Point {
        crate::model::Point {
            date: d(date),
            value,
        }
    }

    #[test]
    fn measure_progress_covers_rising_falling_and_clamped() {
        assert_eq!(measure_progress(&measured(0.0, 1.0, 4.0).measures[0]), 0.25);
        assert_eq!(
            measure_progress(&measured(20.0, 15.0, 10.0).measures[0]),
            0.5
        );
        assert_eq!(measure_progress(&measured(0.0, 9.0, 4.0).measures[0]), 1.0);
        assert_eq!(measure_progress(&measured(0.0, -2.0, 4.0).measures[0]), 0.0);
        assert_eq!(measure_progress(&measured(3.0, 3.0, 3.0).measures[0]), 1.0);
    }

    #[test]
    fn tree_progress_weighs_milestones_and_direct_steps() {
        let mut g = Goal::new(ItemId(1), "g", d("2026-01-01"));
        assert_eq!(tree_progress(&g), 0.0);
        let mut heavy = Milestone::new(ItemId(2), "heavy");
        heavy.weight = 2.0;
        heavy.steps = vec![step(true), step(false)];
        g.milestones.push(heavy);
        g.steps.push(step(true));
        g.steps.push(step(false));
        // milestone: 2 × 0.5 = 1; steps: 1 + 0; total weight 4 → 2 / 4
        assert_eq!(tree_progress(&g), 0.5);
        g.milestones[0].done = Some(d("2026-02-01"));
        assert_eq!(tree_progress(&g), 0.75);
    }

    #[test]
    fn several_measures_count_by_their_weight_and_the_slowest_sets_the_finish() {
        // Lagging: direct reports 0 → 4, at 1 (25%), weight 2. Leading: 1:1s 0 → 10, at 8
        // (80%), weight 1. Together (2 × 0.25 + 0.8) / 3.
        let mut g = measured(0.0, 1.0, 4.0);
        g.measures[0].weight = 2.0;
        let mut ones = Measure::new("1:1s", "", 0.0, 10.0);
        ones.leading = true;
        ones.current = 8.0;
        g.measures.push(ones);
        assert!((goal_progress(&g) - 1.3 / 3.0).abs() < 1e-9);
        // 1:1s: 4 per 10 days, 2 to go → 5 days; reports: 1 in 10 days, 3 to go → 30 days.
        g.measures[0].points = vec![point("2026-03-01", 0.0), point("2026-03-11", 1.0)];
        g.measures[1].points = vec![point("2026-03-01", 4.0), point("2026-03-11", 8.0)];
        let today = d("2026-03-11");
        assert_eq!(measure_finish(&g.measures[1], today), Some(d("2026-03-16")));
        assert_eq!(projected_finish(&g, today), Some(d("2026-04-10")));
        // Each measure judged against the goal's pace line on its own.
        g.deadline = Some(d("2026-03-31"));
        assert_eq!(
            measure_pace(&g, &g.measures[0], today).standing,
            Standing::AtRisk
        );
        assert_eq!(
            measure_pace(&g, &g.measures[1], today).standing,
            Standing::OnTrack
        );
        // Weights of nothing: the plan decides.
        g.measures.iter_mut().for_each(|m| m.weight = 0.0);
        assert_eq!(measures_progress(&g), None);
    }

    #[test]
    fn measure_wins_over_tree_and_done_is_complete() {
        let mut g = measured(0.0, 1.0, 2.0);
        g.steps.push(step(false));
        assert_eq!(goal_progress(&g), 0.5);
        g.status = GoalStatus::Done;
        assert_eq!(goal_progress(&g), 1.0);
    }

    #[test]
    fn pace_compares_with_the_straight_line() {
        // 2026-01-01 → 2026-12-31 (364 days); on 2026-07-02 the line is at 0.5.
        let mut g = measured(0.0, 5.0, 10.0);
        g.deadline = Some(d("2026-12-31"));
        let today = d("2026-07-02");
        assert_eq!(pace(&g, today).expected, Some(0.5));
        assert_eq!(pace(&g, today).standing, Standing::OnTrack);
        g.measures[0].current = 2.0;
        assert_eq!(pace(&g, today).standing, Standing::Behind);
        g.measures[0].current = 8.0;
        assert_eq!(pace(&g, today).standing, Standing::Ahead);
    }

    #[test]
    fn pace_without_deadline_or_when_inactive() {
        let mut g = measured(0.0, 5.0, 10.0);
        assert_eq!(pace(&g, d("2026-05-01")).standing, Standing::NoDeadline);
        assert_eq!(pace(&g, d("2026-05-01")).expected, None);
        g.deadline = Some(d("2026-12-31"));
        g.status = GoalStatus::OnHold;
        assert_eq!(pace(&g, d("2026-05-01")).standing, Standing::Paused);
    }

    #[test]
    fn pace_uses_the_start_date_when_set_and_handles_past_deadlines() {
        let mut g = measured(0.0, 0.0, 10.0);
        g.start = Some(d("2026-06-01"));
        g.deadline = Some(d("2026-06-11"));
        assert_eq!(pace(&g, d("2026-06-06")).expected, Some(0.5));
        assert_eq!(pace(&g, d("2027-01-01")).expected, Some(1.0));
        // A deadline on or before the start: the line jumps to 1 on the deadline.
        assert_eq!(
            expected_progress(d("2026-06-11"), d("2026-06-01"), d("2026-05-20")),
            0.0
        );
        assert_eq!(
            expected_progress(d("2026-06-11"), d("2026-06-01"), d("2026-06-05")),
            1.0
        );
    }

    #[test]
    fn projected_finish_from_checkins() {
        let mut g = measured(0.0, 4.0, 10.0);
        g.measures[0].points = vec![point("2026-03-11", 4.0), point("2026-03-01", 0.0)];
        // 4 per 10 days; 6 to go → 15 days after the last check-in (or today, if later).
        assert_eq!(projected_finish(&g, d("2026-03-11")), Some(d("2026-03-26")));
        assert_eq!(projected_finish(&g, d("2026-03-12")), Some(d("2026-03-27")));
    }

    #[test]
    fn an_unfinished_goal_never_projects_a_finish_in_the_past() {
        // Check-ins from October say "done by 11-08"; on 11-22 it is not done.
        let mut g = measured(0.0, 4.0, 10.0);
        g.measures[0].points = vec![point("2026-10-01", 0.0), point("2026-10-11", 4.0)];
        let today = d("2026-11-22");
        let finish = projected_finish(&g, today).unwrap();
        assert!(finish >= today, "{finish}");
        assert_eq!(finish, d("2026-12-07"), "6 to go at 0.4 a day, from today");
        // A measure at its target but not marked done: today, not the past.
        g.measures[0].current = 10.0;
        assert_eq!(projected_finish(&g, today), Some(today));
    }

    #[test]
    fn measure_and_tree_disagreeing_is_pointed_out() {
        let mut g = measured(0.0, 8.0, 10.0);
        assert_eq!(disagreement(&g), None, "no tree to compare with");
        g.steps = vec![step(true), step(false), step(false), step(false)];
        assert_eq!(disagreement(&g), Some((0.8, 0.25)));
        g.measures[0].current = 4.0;
        assert_eq!(disagreement(&g), None, "0.4 and 0.25 tell the same story");
    }

    #[test]
    fn projected_finish_needs_movement_towards_the_target() {
        let mut g = measured(10.0, 12.0, 0.0);
        g.measures[0].points = vec![point("2026-03-01", 10.0), point("2026-03-11", 12.0)];
        assert_eq!(projected_finish(&g, d("2026-03-12")), None);
        g.measures[0].points = vec![point("2026-03-01", 10.0)];
        assert_eq!(projected_finish(&g, d("2026-03-12")), None);
    }

    #[test]
    fn projected_finish_from_tree_rate() {
        let mut g = Goal::new(ItemId(1), "g", d("2026-01-01"));
        g.steps = vec![step(true), step(false)];
        // half done in 10 days → 10 more days.
        assert_eq!(projected_finish(&g, d("2026-01-11")), Some(d("2026-01-21")));
        g.steps = vec![step(false)];
        assert_eq!(projected_finish(&g, d("2026-01-11")), None);
    }

    #[test]
    fn done_goal_projects_its_completion_date() {
        let mut g = measured(0.0, 1.0, 2.0);
        g.status = GoalStatus::Done;
        g.completed = Some(d("2026-02-02"));
        assert_eq!(projected_finish(&g, d("2026-05-01")), Some(d("2026-02-02")));
    }

    #[test]
    fn overall_progress_counts_each_goal_by_its_weight() {
        let mut heavy = measured(0.0, 1.0, 1.0);
        heavy.weight = 3.0;
        let light = measured(0.0, 0.0, 1.0);
        assert_eq!(overall([&heavy, &light].into_iter()), Some(0.75));
        heavy.weight = 1.0;
        assert_eq!(overall([&heavy, &light].into_iter()), Some(0.5));
        assert_eq!(overall(std::iter::empty()), None);
    }
}
