//! The SMART check, as a coach would run it: which of Specific, Measurable, Achievable,
//! Relevant and Time-bound a goal still lacks, and for each one concrete next action.
//!
//! - Specific: a description that says what will be different (not the title again).
//! - Measurable: a measure with a target, or milestones with target dates.
//! - Achievable: a reason it is within reach, with the resources or barriers considered.
//! - Relevant: a value or strength picked from the profile, or a stated reason.
//! - Time-bound: a deadline that the goal's milestones and steps respect.

use super::goal::Goal;
use super::ids::ItemId;
use chrono::NaiveDate;

/// One letter of SMART.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmartLetter {
    Specific,
    Measurable,
    Achievable,
    Relevant,
    TimeBound,
}

impl SmartLetter {
    /// All five letters in order.
    pub const ALL: [SmartLetter; 5] = [
        SmartLetter::Specific,
        SmartLetter::Measurable,
        SmartLetter::Achievable,
        SmartLetter::Relevant,
        SmartLetter::TimeBound,
    ];

    /// The letter itself.
    pub fn letter(self) -> char {
        match self {
            SmartLetter::Specific => 'S',
            SmartLetter::Measurable => 'M',
            SmartLetter::Achievable => 'A',
            SmartLetter::Relevant => 'R',
            SmartLetter::TimeBound => 'T',
        }
    }

    /// The word the letter stands for.
    pub fn name(self) -> &'static str {
        match self {
            SmartLetter::Specific => "Specific",
            SmartLetter::Measurable => "Measurable",
            SmartLetter::Achievable => "Achievable",
            SmartLetter::Relevant => "Relevant",
            SmartLetter::TimeBound => "Time-bound",
        }
    }
}

/// A milestone or step dated after its goal's deadline.
#[derive(Clone, Debug, PartialEq)]
pub struct LateItem {
    pub id: ItemId,
    pub title: String,
    pub date: NaiveDate,
}

/// The milestones and steps of `goal` dated after its deadline (none without a deadline).
pub fn late_items(goal: &Goal) -> Vec<LateItem> {
    let Some(deadline) = goal.deadline else {
        return Vec::new();
    };
    let late = |id, title: &str, date: Option<NaiveDate>| {
        date.filter(|d| *d > deadline).map(|date| LateItem {
            id,
            title: title.to_string(),
            date,
        })
    };
    let milestones = goal
        .milestones
        .iter()
        .map(|m| late(m.id, &m.title, m.target));
    let steps = goal
        .all_steps()
        .filter(|s| !s.is_done())
        .map(|s| late(s.id, &s.title, s.due));
    milestones.chain(steps).flatten().collect()
}

/// The words of a text, lower-cased, for comparing a description with its title.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether the description only repeats the title (every word of it is in the title).
fn repeats_title(goal: &Goal) -> bool {
    let title = words(&goal.title);
    let description = words(&goal.description);
    !description.is_empty() && description.iter().all(|w| title.contains(w))
}

fn has_target(goal: &Goal) -> bool {
    goal.measures
        .iter()
        .any(|m| m.target.is_finite() && m.target != m.start)
}

fn has_dated_milestones(goal: &Goal) -> bool {
    goal.milestones.iter().any(|m| m.target.is_some())
}

/// Whether `goal` covers `letter` on `today` (an active goal whose deadline has passed is not
/// time-bound any more: the deadline has to move, or the goal end).
pub fn covers(goal: &Goal, letter: SmartLetter, today: NaiveDate) -> bool {
    match letter {
        SmartLetter::Specific => !goal.description.trim().is_empty() && !repeats_title(goal),
        SmartLetter::Measurable => has_target(goal) || has_dated_milestones(goal),
        SmartLetter::Achievable => {
            let considered = !goal.resources.is_empty() || !goal.barriers.is_empty();
            let planned = super::lived::without_plan(goal).next().is_none();
            !goal.achievable.trim().is_empty() && considered && planned
        }
        SmartLetter::Relevant => {
            !goal.relevant.trim().is_empty()
                || !goal.values.is_empty()
                || !goal.strengths.is_empty()
        }
        SmartLetter::TimeBound => {
            goal.deadline.is_some() && late_items(goal).is_empty() && !deadline_passed(goal, today)
        }
    }
}

fn deadline_passed(goal: &Goal, today: NaiveDate) -> bool {
    goal.is_active() && goal.deadline.is_some_and(|d| d < today)
}

/// The one next thing to do so `goal` covers `letter`, in plain words; `None` when it does.
pub fn advice(goal: &Goal, letter: SmartLetter, today: NaiveDate) -> Option<String> {
    if covers(goal, letter, today) {
        return None;
    }
    Some(match letter {
        SmartLetter::Specific if repeats_title(goal) => {
            "The description repeats the title; say what will be different once it is done.".into()
        }
        SmartLetter::Specific => {
            "Describe what will be different when you get there: who notices, what you can do."
                .into()
        }
        SmartLetter::Measurable => measurable_advice(goal),
        SmartLetter::Achievable if goal.achievable.trim().is_empty() => {
            "Write down why this is within reach: the time, skills or support you have.".into()
        }
        SmartLetter::Achievable if super::lived::without_plan(goal).next().is_some() => {
            let b = super::lived::without_plan(goal)
                .next()
                .map(|b| b.obstacle.clone());
            format!(
                "“{}” has no if–then plan: say what you will do when it happens.",
                b.unwrap_or_default()
            )
        }
        SmartLetter::Achievable => {
            "List a resource you need or a barrier you expect, with its if–then plan.".into()
        }
        SmartLetter::Relevant => {
            "Pick a value or strength from your profile that this serves, or say why it matters."
                .into()
        }
        SmartLetter::TimeBound if deadline_passed(goal, today) => {
            super::standing::late_advice(goal, today).unwrap_or_default()
        }
        SmartLetter::TimeBound => match late_items(goal).first() {
            Some(late) => format!(
                "“{}” is dated {}, after the deadline {}: move one of the two.",
                late.title,
                late.date,
                goal.deadline.map(|d| d.to_string()).unwrap_or_default()
            ),
            None => "Pick a deadline, even a rough one; you can move it later.".into(),
        },
    })
}

fn measurable_advice(goal: &Goal) -> String {
    match goal.measures.first() {
        Some(m) if !goal.milestones.is_empty() => format!(
            "Set a target for {} above its start, or give a milestone a target date.",
            unit_name(m.label())
        ),
        Some(m) => format!(
            "Set a target for {} that differs from where you start.",
            unit_name(m.label())
        ),
        None if !goal.milestones.is_empty() => {
            "Give your milestones target dates, or add a number to track with a target.".into()
        }
        None => {
            "Add a number to track with a target (e.g. talks given 0 → 3), or dated milestones."
                .into()
        }
    }
}

fn unit_name(unit: &str) -> String {
    if unit.trim().is_empty() {
        "the measure".into()
    } else {
        format!("“{}”", unit.trim())
    }
}

/// The letters `goal` still lacks, in SMART order (none for the Inbox, which is a list to
/// file from, not a goal).
pub fn missing(goal: &Goal, today: NaiveDate) -> Vec<SmartLetter> {
    if goal.is_inbox() {
        return Vec::new();
    }
    SmartLetter::ALL
        .into_iter()
        .filter(|&l| !covers(goal, l, today))
        .collect()
}

/// The missing letters run together, e.g. `"SAT"`; empty when the goal is SMART.
pub fn gaps_label(goal: &Goal, today: NaiveDate) -> String {
    missing(goal, today).iter().map(|l| l.letter()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::goal::{Barrier, Measure, Resource};
    use crate::model::items::{ActionStep, Milestone};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn goal() -> Goal {
        Goal::new(ItemId(1), "Speak at a conference", d("2026-01-01"))
    }

    fn smart_goal() -> Goal {
        let mut g = goal();
        g.description = "I give a 30-minute talk to a room of strangers".into();
        g.measures = vec![{
            let mut m = crate::model::Measure::new("Result", "talks", 0.0, 1.0);
            m.current = 0.0;
            m
        }];
        g.achievable = "I have given team talks".into();
        g.resources.push(Resource {
            what: "a mentor".into(),
            ..Resource::default()
        });
        g.values = vec!["growth".into()];
        g.deadline = Some(d("2026-09-30"));
        g
    }

    #[test]
    fn a_bare_goal_misses_every_letter_and_each_has_advice() {
        let g = goal();
        assert_eq!(gaps_label(&g, d("2026-09-01")), "SMART");
        for l in SmartLetter::ALL {
            assert!(
                advice(&g, l, d("2026-09-01")).is_some_and(|a| a.len() > 20),
                "{l:?}"
            );
        }
        assert_eq!(gaps_label(&smart_goal(), d("2026-09-01")), "");
        assert!(advice(&smart_goal(), SmartLetter::Specific, d("2026-09-01")).is_none());
    }

    #[test]
    fn specific_needs_more_than_the_title_again() {
        let mut g = goal();
        g.description = "   ".into();
        assert!(!covers(&g, SmartLetter::Specific, d("2026-09-01")));
        g.description = "Speak at a conference.".into();
        assert!(
            !covers(&g, SmartLetter::Specific, d("2026-09-01")),
            "only repeats the title"
        );
        assert!(
            advice(&g, SmartLetter::Specific, d("2026-09-01"))
                .unwrap()
                .contains("repeats")
        );
        g.description = "A talk at RustConf, with slides I am proud of".into();
        assert!(covers(&g, SmartLetter::Specific, d("2026-09-01")));
    }

    #[test]
    fn measurable_is_a_target_or_dated_milestones_not_any_step() {
        let mut g = goal();
        g.steps.push(ActionStep::new(ItemId(3), "s"));
        assert!(
            !covers(&g, SmartLetter::Measurable, d("2026-09-01")),
            "an undated step"
        );
        g.milestones.push(Milestone::new(ItemId(2), "CFP sent"));
        assert!(
            !covers(&g, SmartLetter::Measurable, d("2026-09-01")),
            "an undated milestone"
        );
        assert!(
            advice(&g, SmartLetter::Measurable, d("2026-09-01"))
                .unwrap()
                .contains("target dates")
        );
        g.milestones[0].target = Some(d("2026-03-01"));
        assert!(covers(&g, SmartLetter::Measurable, d("2026-09-01")));
        let mut g = goal();
        g.measures = vec![Measure {
            unit: "talks".into(),
            ..Measure::default()
        }];
        assert!(
            !covers(&g, SmartLetter::Measurable, d("2026-09-01")),
            "target equals start"
        );
        assert!(
            advice(&g, SmartLetter::Measurable, d("2026-09-01"))
                .unwrap()
                .contains("“talks”")
        );
        g.measures[0].target = 3.0;
        assert!(covers(&g, SmartLetter::Measurable, d("2026-09-01")));
    }

    #[test]
    fn achievable_is_a_reason_plus_resources_or_barriers() {
        let mut g = goal();
        g.achievable = "I have Fridays free".into();
        assert!(!covers(&g, SmartLetter::Achievable, d("2026-09-01")));
        assert!(
            advice(&g, SmartLetter::Achievable, d("2026-09-01"))
                .unwrap()
                .contains("resource")
        );
        g.barriers.push(Barrier {
            obstacle: "stage fright".into(),
            strategy: "if nervous, then rehearse twice".into(),
            ..Barrier::default()
        });
        assert!(covers(&g, SmartLetter::Achievable, d("2026-09-01")));
        g.achievable.clear();
        assert!(
            !covers(&g, SmartLetter::Achievable, d("2026-09-01")),
            "no reason"
        );
    }

    #[test]
    fn relevant_is_a_picked_value_or_strength_or_a_reason() {
        let mut g = goal();
        assert!(!covers(&g, SmartLetter::Relevant, d("2026-09-01")));
        g.strengths = vec!["writing".into()];
        assert!(covers(&g, SmartLetter::Relevant, d("2026-09-01")));
        g.strengths.clear();
        g.values = vec!["growth".into()];
        assert!(covers(&g, SmartLetter::Relevant, d("2026-09-01")));
        g.values.clear();
        g.relevant = "it leads to the lead role".into();
        assert!(covers(&g, SmartLetter::Relevant, d("2026-09-01")));
    }

    #[test]
    fn time_bound_is_a_deadline_that_milestones_and_open_steps_respect() {
        let mut g = smart_goal();
        g.milestones.push(Milestone::new(ItemId(2), "Draft ready"));
        g.milestones[0].target = Some(d("2026-10-15"));
        assert!(!covers(&g, SmartLetter::TimeBound, d("2026-09-01")));
        let late = late_items(&g);
        assert_eq!((late[0].id, late[0].date), (ItemId(2), d("2026-10-15")));
        let said = advice(&g, SmartLetter::TimeBound, d("2026-09-01")).unwrap();
        assert!(
            said.contains("Draft ready") && said.contains("2026-09-30"),
            "{said}"
        );
        g.milestones[0].target = Some(d("2026-09-30"));
        let mut step = ActionStep::new(ItemId(4), "Rehearse");
        step.due = Some(d("2026-10-01"));
        g.steps.push(step);
        assert_eq!(late_items(&g).len(), 1, "an open step after the deadline");
        g.steps[0].done = Some(d("2026-10-01"));
        assert!(late_items(&g).is_empty(), "a done step is history");
        assert!(covers(&g, SmartLetter::TimeBound, d("2026-09-01")));
        g.deadline = None;
        assert!(late_items(&g).is_empty());
        assert!(
            advice(&g, SmartLetter::TimeBound, d("2026-09-01"))
                .unwrap()
                .contains("deadline")
        );
    }

    #[test]
    fn a_deadline_gone_by_on_an_active_goal_is_a_t_gap_with_what_to_do() {
        let g = smart_goal();
        let deadline = g.deadline.unwrap();
        assert!(covers(&g, SmartLetter::TimeBound, deadline));
        let after = deadline.succ_opt().unwrap();
        assert!(!covers(&g, SmartLetter::TimeBound, after));
        let said = advice(&g, SmartLetter::TimeBound, after).unwrap();
        assert!(said.contains("move the deadline"), "{said}");
        let mut done = g.clone();
        done.status = crate::model::GoalStatus::Done;
        assert!(
            covers(&done, SmartLetter::TimeBound, after),
            "a done goal keeps its T"
        );
    }
}
