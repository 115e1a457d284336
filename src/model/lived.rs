//! Barriers as lived, not listed: the days a barrier got in the way and whether its if–then
//! plan worked are logged on it; something new that got in the way becomes a barrier with the
//! plan for next time; a plan that failed twice since it was last written is raised by the
//! review. Pure: today is passed in.

use super::goal::{Barrier, BarrierHit, BarrierStatus, Goal};
use chrono::NaiveDate;

/// How many failures of one if–then plan make the review ask to change it.
pub const FAILURES_TO_RAISE: usize = 2;

/// What a person said got in the way: the barriers (by index on the goal) that happened,
/// whether their plans worked, and something new with its plan for next time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InTheWay {
    pub happened: Vec<usize>,
    pub plan_worked: Option<bool>,
    pub new_obstacle: String,
    pub new_plan: String,
}

impl InTheWay {
    /// Whether nothing was said.
    pub fn is_empty(&self) -> bool {
        self.happened.is_empty() && self.new_obstacle.trim().is_empty()
    }
}

/// Why an answer cannot be logged, in words for under the field.
pub const NEW_NEEDS_A_PLAN: &str =
    "Say what you will do when it happens again (if …, then I …); a barrier needs its plan.";

/// `goal` (without children) with `said` logged on `today`: each barrier that happened gets
/// a hit (a barrier marked overcome that happens again is open again), and a new obstacle
/// becomes a barrier with its plan and its first hit. `Err` when a new obstacle has no plan.
pub fn log(goal: &Goal, said: &InTheWay, today: NaiveDate) -> Result<Goal, &'static str> {
    let (obstacle, plan) = (said.new_obstacle.trim(), said.new_plan.trim());
    if !obstacle.is_empty() && plan.is_empty() {
        return Err(NEW_NEEDS_A_PLAN);
    }
    let mut g = goal.without_children();
    for &at in &said.happened {
        if let Some(b) = g.barriers.get_mut(at) {
            b.log.push(BarrierHit {
                date: today,
                plan_worked: said.plan_worked,
            });
            b.status = BarrierStatus::Open;
        }
    }
    if !obstacle.is_empty() {
        g.barriers.push(Barrier {
            obstacle: obstacle.to_string(),
            strategy: plan.to_string(),
            status: BarrierStatus::Open,
            log: vec![BarrierHit {
                date: today,
                plan_worked: None,
            }],
        });
    }
    Ok(g)
}

/// How many times in a row the barrier's plan did not work: counted from the newest hit back
/// to the last time it worked. (A rewritten plan starts over: see `plan_rewritten`.)
pub fn failures_in_a_row(barrier: &Barrier) -> usize {
    let mut hits: Vec<_> = barrier.log.iter().collect();
    hits.sort_by_key(|h| h.date);
    hits.iter()
        .rev()
        .take_while(|h| h.plan_worked != Some(true))
        .filter(|h| h.plan_worked == Some(false))
        .count()
}

/// The open barriers of `goal` whose plan has failed `FAILURES_TO_RAISE` times in a row.
pub fn failing_plans(goal: &Goal) -> impl Iterator<Item = &Barrier> {
    goal.barriers
        .iter()
        .filter(|b| b.status == BarrierStatus::Open && failures_in_a_row(b) >= FAILURES_TO_RAISE)
}

/// The review's question for a failing plan.
pub fn failing_question(goal: &Goal, barrier: &Barrier) -> String {
    format!(
        "Your plan for “{}” ({}) did not work {} times in a row on “{}”: change it?",
        barrier.obstacle,
        barrier.strategy,
        failures_in_a_row(barrier),
        goal.title
    )
}

/// The barriers of `goal` that have no if–then plan (open ones only).
pub fn without_plan(goal: &Goal) -> impl Iterator<Item = &Barrier> {
    goal.barriers
        .iter()
        .filter(|b| b.status == BarrierStatus::Open && b.strategy.trim().is_empty())
}

/// A barrier's log in words: "got in the way 3 times, last 2026-11-20; the plan worked 1 of 2".
pub fn log_words(barrier: &Barrier) -> Option<String> {
    let last = barrier.log.iter().map(|h| h.date).max()?;
    let times = match barrier.log.len() {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    };
    let judged: Vec<bool> = barrier.log.iter().filter_map(|h| h.plan_worked).collect();
    let worked = judged.iter().filter(|w| **w).count();
    let plan = match judged.len() {
        0 => String::new(),
        n => format!("; the plan worked {worked} of {n}"),
    };
    Some(format!("got in the way {times}, last {last}{plan}"))
}

/// A barrier's log after its plan was rewritten: earlier failures no longer count against the
/// new plan, so they are marked as not judged.
pub fn plan_rewritten(mut log: Vec<BarrierHit>) -> Vec<BarrierHit> {
    for hit in &mut log {
        if hit.plan_worked == Some(false) {
            hit.plan_worked = None;
        }
    }
    log
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ItemId;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn goal() -> Goal {
        let mut g = Goal::new(ItemId(1), "Speak at a meetup", d("2026-10-01"));
        g.barriers.push(Barrier {
            obstacle: "no time after work".into(),
            strategy: "if tired, then 20 minutes before work".into(),
            ..Barrier::default()
        });
        g
    }

    #[test]
    fn a_barrier_that_happened_is_logged_with_whether_its_plan_worked() {
        let said = InTheWay {
            happened: vec![0],
            plan_worked: Some(false),
            ..InTheWay::default()
        };
        let g = log(&goal(), &said, d("2026-11-10")).unwrap();
        assert_eq!(
            g.barriers[0].log,
            [BarrierHit {
                date: d("2026-11-10"),
                plan_worked: Some(false)
            }]
        );
        assert_eq!(failing_plans(&g).count(), 0);
        let g = log(&g, &said, d("2026-11-17")).unwrap();
        assert_eq!(failing_plans(&g).count(), 1);
        assert_eq!(
            failing_question(&g, &g.barriers[0]),
            "Your plan for “no time after work” (if tired, then 20 minutes before work) did not \
             work 2 times in a row on “Speak at a meetup”: change it?"
        );
        assert_eq!(
            log_words(&g.barriers[0]).unwrap(),
            "got in the way twice, last 2026-11-17; the plan worked 0 of 2"
        );
    }

    #[test]
    fn a_plan_that_worked_in_between_breaks_the_run_and_a_rewrite_starts_over() {
        let mut g = goal();
        for (day, worked) in [
            ("2026-11-01", false),
            ("2026-11-08", true),
            ("2026-11-15", false),
        ] {
            let said = InTheWay {
                happened: vec![0],
                plan_worked: Some(worked),
                ..InTheWay::default()
            };
            g = log(&g, &said, d(day)).unwrap();
        }
        assert_eq!(failures_in_a_row(&g.barriers[0]), 1);
        let said = InTheWay {
            happened: vec![0],
            plan_worked: Some(false),
            ..InTheWay::default()
        };
        g = log(&g, &said, d("2026-11-22")).unwrap();
        assert_eq!(failures_in_a_row(&g.barriers[0]), 2);
        g.barriers[0].log = plan_rewritten(g.barriers[0].log.clone());
        assert_eq!(failures_in_a_row(&g.barriers[0]), 0);
    }

    #[test]
    fn something_new_in_the_way_needs_its_plan_and_becomes_a_barrier() {
        let mut said = InTheWay {
            new_obstacle: "a reorg".into(),
            ..InTheWay::default()
        };
        assert_eq!(log(&goal(), &said, d("2026-11-10")), Err(NEW_NEEDS_A_PLAN));
        said.new_plan = "if the team changes, then I ask my new lead for 15 minutes".into();
        let g = log(&goal(), &said, d("2026-11-10")).unwrap();
        assert_eq!(g.barriers.len(), 2);
        assert_eq!(g.barriers[1].log.len(), 1);
        assert_eq!(without_plan(&g).count(), 0);
    }

    #[test]
    fn an_overcome_barrier_that_happens_again_is_open_again() {
        let mut g = goal();
        g.barriers[0].status = BarrierStatus::Overcome;
        let said = InTheWay {
            happened: vec![0],
            ..InTheWay::default()
        };
        let g = log(&g, &said, d("2026-11-10")).unwrap();
        assert_eq!(g.barriers[0].status, BarrierStatus::Open);
        assert_eq!(
            log_words(&g.barriers[0]).unwrap(),
            "got in the way once, last 2026-11-10"
        );
    }
}
