//! When the step back is due — the period it is for (a late one still counts for the period
//! it belongs to), whether it is due, under way or done — and what it gathers from the plan:
//! the period's achievements, the goals to check, the satisfaction trend. Pure: today is
//! passed in.

use super::profile::{Achievement, Profile};
use super::stepback::{Cadence, Period, Rating, Stage, StepBack, period_of, previous};
use super::{GoalStatus, ItemId, Plan};
use chrono::NaiveDate;

/// Where the step back stands today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum State {
    /// Nothing to step back from yet (no goal made before the period ends).
    NotYet {
        period: Period,
    },
    /// Not due yet; it can be taken early. Due from `due`.
    Upcoming {
        period: Period,
        due: NaiveDate,
    },
    Due {
        period: Period,
    },
    InProgress {
        period: Period,
        stage: Stage,
    },
    Done {
        period: Period,
    },
}

impl State {
    /// The period the step back started now would be for.
    pub fn period(&self) -> &Period {
        match self {
            State::NotYet { period }
            | State::Upcoming { period, .. }
            | State::Due { period }
            | State::InProgress { period, .. }
            | State::Done { period } => period,
        }
    }
}

/// The record for `period`, finished or not.
pub fn record_for<'a>(profile: &'a Profile, period: &str) -> Option<&'a StepBack> {
    profile.step_backs.iter().find(|r| r.period == period)
}

/// The first day the person had a goal, or started the journey.
fn plan_began(plan: &Plan) -> Option<NaiveDate> {
    let goals = plan.goals.iter().map(|g| g.created);
    goals.chain(plan.profile.journey.started).min()
}

/// Where the step back stands on `today`. A period's step back falls due in its last days
/// (two weeks of a quarter, a week of a month) and stays due through the next period until
/// done, unless the plan did not exist yet; an unfinished one is resumed.
pub fn state(plan: &Plan, today: NaiveDate, cadence: Cadence) -> State {
    let this = period_of(today, cadence);
    let before = previous(&this, cadence);
    let began = plan_began(plan);
    let find = |p: &Period| record_for(&plan.profile, &p.label);
    let due_from = this
        .end
        .checked_sub_days(chrono::Days::new(cadence.lead_days() - 1))
        .unwrap_or(this.end);
    let existed_by = |p: &Period| began.is_some_and(|b| b <= p.end);
    let owed_before = existed_by(&before)
        && find(&before).is_none_or(|r| r.stage.is_some())
        && find(&this).is_none();
    let period = if today < due_from && owed_before {
        before
    } else {
        this
    };
    match find(&period) {
        Some(r) => match r.current_stage() {
            Some(stage) => State::InProgress { period, stage },
            None => State::Done { period },
        },
        None if began.is_none() => State::NotYet { period },
        None if today >= due_from || period.end < today => State::Due { period },
        None => State::Upcoming {
            period,
            due: due_from,
        },
    }
}

/// The achievements dated within `period`, oldest first (one without a date belongs to no
/// period).
pub fn achievements_in<'a>(profile: &'a Profile, period: &Period) -> Vec<&'a Achievement> {
    let mut list: Vec<_> = profile
        .achievements
        .iter()
        .filter(|a| !a.date_unknown && a.date >= period.start && a.date <= period.end)
        .collect();
    list.sort_by_key(|a| a.date);
    list
}

/// The goals a step back asks about: the active and on-hold ones.
pub fn goals_to_check(plan: &Plan) -> Vec<ItemId> {
    plan.goals
        .iter()
        .filter(|g| matches!(g.status, GoalStatus::Active | GoalStatus::OnHold))
        .map(|g| g.id)
        .collect()
}

/// Satisfaction over time, oldest first (one rating a day: the latest of the day counts).
pub fn satisfaction_trend(profile: &Profile) -> Vec<(NaiveDate, u8)> {
    let mut points: Vec<(NaiveDate, u8)> = Vec::new();
    let mut log: Vec<&Rating> = profile.satisfaction_log.iter().collect();
    log.sort_by_key(|r| r.date);
    for r in log {
        match points.last_mut() {
            Some(last) if last.0 == r.date => last.1 = r.value,
            _ => points.push((r.date, r.value)),
        }
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Goal;
    use crate::model::stepback::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn plan_from(created: &str) -> Plan {
        let mut plan = Plan::default();
        plan.goals
            .push(Goal::new(ItemId(1), "Lead a team", d(created)));
        plan
    }

    #[test]
    fn periods_are_quarters_or_months() {
        let q = period_of(d("2026-11-22"), Cadence::Quarterly);
        assert_eq!(
            (q.label.as_str(), q.start, q.end),
            ("2026-Q4", d("2026-10-01"), d("2026-12-31"))
        );
        let m = period_of(d("2027-02-10"), Cadence::Monthly);
        assert_eq!(
            (m.label.as_str(), m.start, m.end),
            ("2027-02", d("2027-02-01"), d("2027-02-28"))
        );
        assert_eq!(previous(&q, Cadence::Quarterly).label, "2026-Q3");
        assert_eq!(parse_period("2026-Q4"), Some(q));
        assert_eq!(parse_period("2027-02"), Some(m));
        for bad in ["2026-Q5", "2026-13", "x", "2026-2"] {
            assert_eq!(parse_period(bad), None, "{bad}");
        }
        assert_eq!(Cadence::parse(" Monthly"), Some(Cadence::Monthly));
        assert_eq!(Cadence::parse("weekly"), None);
    }

    #[test]
    fn not_due_before_the_plan_existed_and_due_in_the_last_two_weeks() {
        let empty = Plan::default();
        assert!(matches!(
            state(&empty, d("2026-12-25"), Cadence::Quarterly),
            State::NotYet { .. }
        ));
        let plan = plan_from("2026-11-22");
        match state(&plan, d("2026-11-22"), Cadence::Quarterly) {
            State::Upcoming { period, due } => {
                assert_eq!((period.label.as_str(), due), ("2026-Q4", d("2026-12-18")))
            }
            other => panic!("{other:?}"),
        }
        let due = state(&plan, d("2026-12-18"), Cadence::Quarterly);
        assert_eq!(due.period().label, "2026-Q4");
        assert!(matches!(due, State::Due { .. }));
    }

    #[test]
    fn a_missed_step_back_stays_due_into_the_next_period() {
        let plan = plan_from("2026-11-01");
        let late = state(&plan, d("2027-01-20"), Cadence::Quarterly);
        assert!(matches!(&late, State::Due { period } if period.label == "2026-Q4"));
        let mut done = plan.clone();
        let mut record = StepBack::start(late.period(), d("2027-01-20"));
        assert!(matches!(
            {
                done.profile.step_backs = vec![record.clone()];
                state(&done, d("2027-01-21"), Cadence::Quarterly)
            },
            State::InProgress {
                stage: Stage::Satisfaction,
                ..
            }
        ));
        for stage in Stage::ALL {
            record = record.passed(stage, d("2027-01-22"));
        }
        assert_eq!((record.stage.clone(), record.date), (None, d("2027-01-22")));
        done.profile.step_backs = vec![record];
        let next = state(&done, d("2027-01-23"), Cadence::Quarterly);
        assert!(matches!(&next, State::Upcoming { period, .. } if period.label == "2027-Q1"));
        let plan_in_q1 = plan_from("2027-01-05");
        assert!(matches!(
            state(&plan_in_q1, d("2027-01-20"), Cadence::Quarterly),
            State::Upcoming { .. }
        ));
    }

    #[test]
    fn achievements_of_the_period_and_the_satisfaction_trend() {
        let mut p = Profile::default();
        for (date, what) in [
            ("2026-09-30", "old"),
            ("2026-12-01", "b"),
            ("2026-10-02", "a"),
        ] {
            p.achievements.push(Achievement {
                date: d(date),
                what: what.into(),
                ..Achievement::default()
            });
        }
        let q4 = period_of(d("2026-11-22"), Cadence::Quarterly);
        let names: Vec<_> = achievements_in(&p, &q4).iter().map(|a| &a.what).collect();
        assert_eq!(names, ["a", "b"]);
        for (date, value) in [("2027-03-20", 8), ("2026-12-20", 5), ("2026-12-20", 6)] {
            p.satisfaction_log.push(Rating {
                date: d(date),
                value,
                note: String::new(),
            });
        }
        assert_eq!(
            satisfaction_trend(&p),
            [(d("2026-12-20"), 6), (d("2027-03-20"), 8)]
        );
    }
}
