//! The step back: a monthly or quarterly review that looks further than a week. It asks how
//! satisfied the person is now (kept over time, so a trend shows), whether their values and
//! vision still hold, whether each goal is still relevant (keep, adapt or drop, with the
//! reason), how the career paths look now, what changed in the profile, and gathers the
//! period's achievements. Anchored to its period like the weekly review to its day: a late
//! step back still counts for the period it belongs to. Pure: today is passed in.

use super::goal::Extra;
use super::ids::ItemId;
use super::profile::{Achievement, Profile};
use super::{GoalStatus, Plan};
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// How often the person steps back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Cadence {
    Monthly,
    #[default]
    Quarterly,
}

impl Cadence {
    /// The cadence a setting names (`monthly`, `quarterly`).
    pub fn parse(text: &str) -> Option<Cadence> {
        match text.trim().to_lowercase().as_str() {
            "monthly" | "month" => Some(Cadence::Monthly),
            "quarterly" | "quarter" => Some(Cadence::Quarterly),
            _ => None,
        }
    }

    /// "monthly" or "quarterly", as text says it.
    pub fn adjective(self) -> &'static str {
        match self {
            Cadence::Monthly => "monthly",
            Cadence::Quarterly => "quarterly",
        }
    }

    fn months(self) -> u32 {
        match self {
            Cadence::Monthly => 1,
            Cadence::Quarterly => 3,
        }
    }

    /// How many days before its end a period's step back falls due.
    fn lead_days(self) -> u64 {
        match self {
            Cadence::Monthly => 7,
            Cadence::Quarterly => 14,
        }
    }
}

/// A month or a quarter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    /// `2026-Q4` or `2026-11`.
    pub label: String,
    pub start: NaiveDate,
    /// The last day.
    pub end: NaiveDate,
}

/// The period of `cadence` that `date` falls in.
pub fn period_of(date: NaiveDate, cadence: Cadence) -> Period {
    let first_month = (date.month0() / cadence.months()) * cadence.months() + 1;
    let start = NaiveDate::from_ymd_opt(date.year(), first_month, 1).unwrap_or(date);
    let end = start
        .checked_add_months(Months::new(cadence.months()))
        .and_then(|d| d.pred_opt())
        .unwrap_or(start);
    let label = match cadence {
        Cadence::Monthly => format!("{}-{:02}", date.year(), date.month()),
        Cadence::Quarterly => format!("{}-Q{}", date.year(), date.month0() / 3 + 1),
    };
    Period { label, start, end }
}

/// The period a label names (`2026-Q4`, `2026-11`); `None` when it names none.
pub fn parse_period(label: &str) -> Option<Period> {
    let (year, rest) = label.split_once('-')?;
    let year: i32 = year.parse().ok()?;
    let (month, cadence) = match rest.strip_prefix('Q') {
        Some(q) => (
            q.parse::<u32>().ok().filter(|q| (1..=4).contains(q))? * 3,
            Cadence::Quarterly,
        ),
        None => (rest.parse().ok()?, Cadence::Monthly),
    };
    let day = NaiveDate::from_ymd_opt(year, month, 1)?;
    Some(period_of(day, cadence)).filter(|p| p.label == label)
}

/// The period before `period`.
fn previous(period: &Period, cadence: Cadence) -> Period {
    period_of(period.start.pred_opt().unwrap_or(period.start), cadence)
}

/// Whether one of the goal's relevance decisions keeps, adapts or drops it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relevance {
    #[default]
    Keep,
    Adapt,
    Drop,
}

impl Relevance {
    /// The three choices as a form offers them.
    pub const CHOICES: &'static [&'static str] = &["keep", "adapt", "drop"];

    /// The decision a form's choice names.
    pub fn from_choice(choice: &str) -> Relevance {
        match choice {
            "adapt" => Relevance::Adapt,
            "drop" => Relevance::Drop,
            _ => Relevance::Keep,
        }
    }

    /// The word for it.
    pub fn label(self) -> &'static str {
        Relevance::CHOICES[self as usize]
    }
}

/// A goal looked at in a step back: still relevant?
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct GoalCheck {
    pub goal: ItemId,
    pub decision: Relevance,
    pub reason: String,
}

/// A satisfaction rating on a day (1 to 10), with what lies behind it.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Rating {
    pub date: NaiveDate,
    pub value: u8,
    pub note: String,
}

/// The stages of a step back, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    Satisfaction,
    ValuesVision,
    Goals,
    Paths,
    Profile,
    Achievements,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 6] = [
        Stage::Satisfaction,
        Stage::ValuesVision,
        Stage::Goals,
        Stage::Paths,
        Stage::Profile,
        Stage::Achievements,
    ];

    /// The name the record stores.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Satisfaction => "satisfaction",
            Stage::ValuesVision => "values_vision",
            Stage::Goals => "goals",
            Stage::Paths => "paths",
            Stage::Profile => "profile",
            Stage::Achievements => "achievements",
        }
    }

    /// The stage a stored name stands for; an unknown name resumes at the first stage.
    pub fn from_name(name: &str) -> Stage {
        Stage::ALL
            .into_iter()
            .find(|s| s.name() == name)
            .unwrap_or(Stage::Satisfaction)
    }

    /// The stage's heading.
    pub fn title(self) -> &'static str {
        match self {
            Stage::Satisfaction => "How satisfied are you now?",
            Stage::ValuesVision => "Values and vision",
            Stage::Goals => "Are your goals still the right ones?",
            Stage::Paths => "Career paths",
            Stage::Profile => "What changed about you",
            Stage::Achievements => "This period's achievements",
        }
    }

    /// Where the stage is in `ALL`, from 0.
    pub fn position(self) -> usize {
        Stage::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The stage after this one; `None` after the last.
    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self.position() + 1).copied()
    }
}

/// The record of one step back.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StepBack {
    /// The period it is for: `2026-Q4` or `2026-11`.
    pub period: String,
    /// The day it was started, then the day it was finished.
    pub date: NaiveDate,
    /// Where an unfinished step back stopped; `None` once finished.
    pub stage: Option<String>,
    pub satisfaction: Option<u8>,
    pub satisfaction_note: String,
    /// Whether the values still hold, in the person's words.
    pub values_note: String,
    /// Whether the vision still holds, in the person's words.
    pub vision_note: String,
    pub goals: Vec<GoalCheck>,
    /// The career paths revisited.
    pub paths_note: String,
    /// What changed in the profile.
    pub profile_note: String,
    /// The period's achievements, as they read when it was finished.
    pub achievements: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl StepBack {
    /// The stage an unfinished step back stopped at; `None` once finished.
    pub fn current_stage(&self) -> Option<Stage> {
        self.stage.as_deref().map(Stage::from_name)
    }

    /// A new record for `period`, started on `today` at the first stage.
    pub fn start(period: &Period, today: NaiveDate) -> StepBack {
        StepBack {
            period: period.label.clone(),
            date: today,
            stage: Some(Stage::Satisfaction.name().to_string()),
            ..StepBack::default()
        }
    }

    /// The record once `stage` is answered: at the next stage, or finished on `today`.
    pub fn passed(&self, stage: Stage, today: NaiveDate) -> StepBack {
        let mut record = self.clone();
        match stage.next() {
            Some(next) => record.stage = Some(next.name().to_string()),
            None => {
                record.stage = None;
                record.date = today;
            }
        }
        record
    }
}

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
