//! The SMART check: which of Specific, Measurable, Achievable, Relevant and Time-bound a goal
//! still lacks, each with a one-line hint on how to fill it in.

use super::goal::Goal;

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

    /// What to add so the letter is covered.
    pub fn hint(self) -> &'static str {
        match self {
            SmartLetter::Specific => "Say what exactly will be different when this is reached.",
            SmartLetter::Measurable => {
                "Add a number to track (unit, start, target) or break it into milestones."
            }
            SmartLetter::Achievable => "Note why it is within reach: time, skills, support.",
            SmartLetter::Relevant => "Write why it matters to you, or link a value it serves.",
            SmartLetter::TimeBound => "Pick a deadline, even a rough one.",
        }
    }
}

/// Whether `goal` covers `letter`.
pub fn covers(goal: &Goal, letter: SmartLetter) -> bool {
    match letter {
        SmartLetter::Specific => !goal.description.trim().is_empty(),
        SmartLetter::Measurable => {
            goal.measure.is_some() || !goal.milestones.is_empty() || !goal.steps.is_empty()
        }
        SmartLetter::Achievable => !goal.achievable.trim().is_empty(),
        SmartLetter::Relevant => !goal.relevant.trim().is_empty() || !goal.values.is_empty(),
        SmartLetter::TimeBound => goal.deadline.is_some(),
    }
}

/// The letters `goal` still lacks, in SMART order.
pub fn missing(goal: &Goal) -> Vec<SmartLetter> {
    SmartLetter::ALL
        .into_iter()
        .filter(|&l| !covers(goal, l))
        .collect()
}

/// The missing letters run together, e.g. `"SAT"`; empty when the goal is SMART.
pub fn gaps_label(goal: &Goal) -> String {
    missing(goal).iter().map(|l| l.letter()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::goal::Measure;
    use crate::model::ids::ItemId;
    use crate::model::items::{ActionStep, Milestone};
    use chrono::NaiveDate;

    fn goal() -> Goal {
        Goal::new(ItemId(1), "g", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
    }

    #[test]
    fn a_bare_goal_misses_every_letter() {
        assert_eq!(missing(&goal()), SmartLetter::ALL.to_vec());
        assert_eq!(gaps_label(&goal()), "SMART");
    }

    #[test]
    fn specific_needs_a_description_not_just_spaces() {
        let mut g = goal();
        g.description = "   ".into();
        assert!(!covers(&g, SmartLetter::Specific));
        g.description = "Lead the Q3 migration".into();
        assert!(covers(&g, SmartLetter::Specific));
    }

    #[test]
    fn measurable_by_measure_milestone_or_step() {
        let mut g = goal();
        g.measure = Some(Measure::default());
        assert!(covers(&g, SmartLetter::Measurable));
        let mut g = goal();
        g.milestones.push(Milestone::new(ItemId(2), "m"));
        assert!(covers(&g, SmartLetter::Measurable));
        let mut g = goal();
        g.steps.push(ActionStep::new(ItemId(3), "s"));
        assert!(covers(&g, SmartLetter::Measurable));
    }

    #[test]
    fn achievable_relevant_and_time_bound() {
        let mut g = goal();
        g.achievable = "I have Fridays free".into();
        assert!(covers(&g, SmartLetter::Achievable));
        g.values = vec!["growth".into()];
        assert!(covers(&g, SmartLetter::Relevant));
        g.values.clear();
        g.relevant = "it leads to the lead role".into();
        assert!(covers(&g, SmartLetter::Relevant));
        g.deadline = NaiveDate::from_ymd_opt(2026, 6, 30);
        assert!(covers(&g, SmartLetter::TimeBound));
        assert_eq!(gaps_label(&g), "SM");
    }

    #[test]
    fn every_letter_has_a_hint() {
        for l in SmartLetter::ALL {
            assert!(l.hint().len() > 10, "{l:?}");
        }
    }
}
