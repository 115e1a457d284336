//! The career profile around the goals: role, strengths, values, SWOT, achievements, feedback
//! and career paths. Data only.

use super::goal::Extra;
use super::ids::ItemId;
use super::journey::Journey;
use super::stepback::{Rating, StepBack};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

fn is_unset(id: &u64) -> bool {
    *id == 0
}

/// A strength or a growth area, with what shows it and how to use or develop it.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Quality {
    /// The entry's identity in its list (selection and merges go by it; `entries`).
    #[serde(skip_serializing_if = "is_unset")]
    pub id: u64,
    pub name: String,
    pub evidence: String,
    /// How to use it (a strength) or develop it (a growth area).
    pub plan: String,
}

/// A value or an interest, with a note on what it means to the person.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Named {
    /// The entry's identity in its list (selection and merges go by it; `entries`).
    #[serde(skip_serializing_if = "is_unset")]
    pub id: u64,
    pub name: String,
    pub note: String,
}

/// Strengths, weaknesses, opportunities and threats, one line each.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Swot {
    pub strengths: Vec<String>,
    pub weaknesses: Vec<String>,
    pub opportunities: Vec<String>,
    pub threats: Vec<String>,
}

/// The four parts of a SWOT: a short key, the heading, in the usual order.
pub const SWOT_PARTS: [(&str, &str); 4] = [
    ("s", "Strengths"),
    ("w", "Weaknesses"),
    ("o", "Opportunities"),
    ("t", "Threats"),
];

impl Swot {
    /// The four lists in `SWOT_PARTS` order.
    pub fn lists(&self) -> [&Vec<String>; 4] {
        [
            &self.strengths,
            &self.weaknesses,
            &self.opportunities,
            &self.threats,
        ]
    }

    /// The four lists in `SWOT_PARTS` order, to change.
    pub fn lists_mut(&mut self) -> [&mut Vec<String>; 4] {
        [
            &mut self.strengths,
            &mut self.weaknesses,
            &mut self.opportunities,
            &mut self.threats,
        ]
    }
}

/// The order of the achievements log: newest first, those without a date last.
pub fn newest_first(a: &Achievement) -> (bool, std::cmp::Reverse<NaiveDate>) {
    (a.date_unknown, std::cmp::Reverse(a.date))
}

/// An entry of the achievements log ("brag document").
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Achievement {
    /// The entry's identity in its list (selection and merges go by it; `entries`).
    #[serde(skip_serializing_if = "is_unset")]
    pub id: u64,
    /// When it happened; a placeholder (the day it was logged) when `date_unknown`.
    pub date: NaiveDate,
    /// The person did not say when: shown as such and listed after the dated ones.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub date_unknown: bool,
    pub what: String,
    pub evidence: String,
    pub strengths: Vec<String>,
    pub goal: Option<ItemId>,
    /// The milestone or step this achievement was promoted from.
    pub source: Option<ItemId>,
}

/// Something a mentor, manager or peer said.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Feedback {
    /// The entry's identity in its list (selection and merges go by it; `entries`).
    #[serde(skip_serializing_if = "is_unset")]
    pub id: u64,
    pub date: NaiveDate,
    pub from: String,
    pub what: String,
    pub goal: Option<ItemId>,
    /// The action step this feedback was turned into.
    pub step: Option<ItemId>,
    /// The strengths or growth areas it speaks to (by name).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<String>,
}

/// An alternative career path being weighed.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CareerPath {
    /// The entry's identity in its list (selection and merges go by it; `entries`).
    #[serde(skip_serializing_if = "is_unset")]
    pub id: u64,
    pub name: String,
    pub why: String,
    pub pros: Vec<String>,
    pub cons: Vec<String>,
    pub skills_gap: Vec<String>,
    /// How well it fits the person's values, 1 to 5.
    pub values_fit: Option<u8>,
    pub first_experiment: String,
    /// The goal made from the first experiment.
    pub goal: Option<ItemId>,
}

/// Who the person is at work and where they might go.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    pub current_role: String,
    /// How satisfied with the current role, 1 to 10 (the latest rating).
    pub satisfaction: Option<u8>,
    pub keep: String,
    pub change: String,
    /// Where the person wants to be in one to three years, in their words.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub vision: String,
    /// Every satisfaction rating given, so a trend shows.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub satisfaction_log: Vec<Rating>,
    pub strengths: Vec<Quality>,
    pub growth_areas: Vec<Quality>,
    pub values: Vec<Named>,
    pub interests: Vec<Named>,
    pub swot: Swot,
    pub achievements: Vec<Achievement>,
    pub feedback: Vec<Feedback>,
    pub paths: Vec<CareerPath>,
    /// The weekday the weekly review falls on, as the person chose it (`sunday`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_day: Option<String>,
    /// How far the guided journey got.
    #[serde(skip_serializing_if = "Journey::is_untouched")]
    pub journey: Journey,
    /// The monthly or quarterly step backs, finished or under way.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub step_backs: Vec<StepBack>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Profile {
    /// The weekday the person picked for the weekly review, if they picked one.
    pub fn review_weekday(&self) -> Option<chrono::Weekday> {
        self.review_day.as_deref()?.parse().ok()
    }

    /// Whether nothing has been written in the profile yet.
    pub fn is_empty(&self) -> bool {
        self.current_role.is_empty()
            && self.vision.is_empty()
            && self.strengths.is_empty()
            && self.growth_areas.is_empty()
            && self.values.is_empty()
            && self.interests.is_empty()
            && self.swot == Swot::default()
            && self.achievements.is_empty()
            && self.feedback.is_empty()
            && self.paths.is_empty()
    }
}

/// The parts of the profile, in the order the Profile screen shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Section {
    #[default]
    Role,
    Strengths,
    GrowthAreas,
    Values,
    Interests,
    Swot,
    Achievements,
    Feedback,
    CareerPaths,
}

impl Section {
    /// Every section, in order.
    pub const ALL: [Section; 9] = [
        Section::Role,
        Section::Strengths,
        Section::GrowthAreas,
        Section::Values,
        Section::Interests,
        Section::Swot,
        Section::Achievements,
        Section::Feedback,
        Section::CareerPaths,
    ];

    /// The section's heading.
    pub fn title(self) -> &'static str {
        match self {
            Section::Role => "Role",
            Section::Strengths => "Strengths",
            Section::GrowthAreas => "Growth areas",
            Section::Values => "Values",
            Section::Interests => "Interests",
            Section::Swot => "SWOT",
            Section::Achievements => "Achievements",
            Section::Feedback => "Feedback",
            Section::CareerPaths => "Career paths",
        }
    }

    /// The section `step` places further on, wrapping.
    pub fn step(self, step: isize) -> Section {
        let n = Section::ALL.len() as isize;
        let at = Section::ALL.iter().position(|s| *s == self).unwrap_or(0) as isize;
        Section::ALL[(at + step).rem_euclid(n) as usize]
    }

    /// The entries a section lists one per row, as the words that name each (for the row
    /// selection); the role and SWOT sections have none.
    pub fn entries(self, profile: &Profile) -> Vec<String> {
        let names = |list: &[Quality]| list.iter().map(|q| q.name.clone()).collect();
        let named = |list: &[Named]| list.iter().map(|n| n.name.clone()).collect();
        match self {
            Section::Role => Vec::new(),
            Section::Swot => SWOT_PARTS
                .iter()
                .zip(profile.swot.lists())
                .flat_map(|((key, _), list)| list.iter().map(move |l| format!("{key}: {l}")))
                .collect(),
            Section::Strengths => names(&profile.strengths),
            Section::GrowthAreas => names(&profile.growth_areas),
            Section::Values => named(&profile.values),
            Section::Interests => named(&profile.interests),
            Section::Achievements => profile
                .achievements
                .iter()
                .map(|a| a.what.clone())
                .collect(),
            Section::Feedback => profile.feedback.iter().map(|f| f.what.clone()).collect(),
            Section::CareerPaths => profile.paths.iter().map(|p| p.name.clone()).collect(),
        }
    }

    /// The section's entries as the screen shows them, each by its index in `entries` (and in
    /// the profile's list): achievements newest first, every other section as stored. The
    /// screen and its drawing both go by this, so the row that is lit is the one acted on.
    pub fn shown_order(self, profile: &Profile) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.entries(profile).len()).collect();
        if self == Section::Achievements {
            order.sort_by_key(|&i| newest_first(&profile.achievements[i]));
        }
        order
    }

    /// Removes entry `index` of this section from `profile`; false when there is none.
    pub fn remove(self, profile: &mut Profile, index: usize) -> bool {
        fn take<T>(list: &mut Vec<T>, index: usize) -> bool {
            (index < list.len()).then(|| list.remove(index)).is_some()
        }
        match self {
            Section::Role => false,
            Section::Swot => match swot_entry(profile, index) {
                Some((part, at)) => take(profile.swot.lists_mut()[part], at),
                None => false,
            },
            Section::Strengths => take(&mut profile.strengths, index),
            Section::GrowthAreas => take(&mut profile.growth_areas, index),
            Section::Values => take(&mut profile.values, index),
            Section::Interests => take(&mut profile.interests, index),
            Section::Achievements => take(&mut profile.achievements, index),
            Section::Feedback => take(&mut profile.feedback, index),
            Section::CareerPaths => take(&mut profile.paths, index),
        }
    }
}

/// Where entry `index` of the SWOT (counted across the four parts in order) is: the part
/// (0 strengths … 3 threats) and the place in it.
pub fn swot_entry(profile: &Profile, index: usize) -> Option<(usize, usize)> {
    let mut rest = index;
    for (part, list) in profile.swot.lists().into_iter().enumerate() {
        if rest < list.len() {
            return Some((part, rest));
        }
        rest -= list.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feed::*;
    use crate::model::{ActionStep, Goal, Plan};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn plan() -> Plan {
        let mut g = Goal::new(ItemId(1), "Speak at a conference", d("2026-01-01"));
        g.values = vec!["Growth".into()];
        let mut s = ActionStep::new(ItemId(2), "Submit the CFP");
        s.done = Some(d("2026-03-01"));
        g.steps = vec![s, ActionStep::new(ItemId(3), "Rehearse")];
        let mut plan = Plan {
            goals: vec![g],
            ..Plan::default()
        };
        let _ = crate::model::check::repair_ids(&mut plan);
        plan.profile.values = vec![
            Named {
                id: 0,
                name: "growth".into(),
                note: String::new(),
            },
            Named {
                id: 0,
                name: "family".into(),
                note: String::new(),
            },
        ];
        plan
    }

    #[test]
    fn value_coverage_lists_serving_goals_and_flags_unserved_values() {
        let mut p = plan();
        assert_eq!(
            value_coverage(&p),
            [
                ("growth".to_string(), vec![ItemId(1)]),
                ("family".to_string(), vec![])
            ]
        );
        p.goals[0].status = crate::model::GoalStatus::Dropped;
        assert!(
            value_coverage(&p)[0].1.is_empty(),
            "only active goals serve"
        );
    }

    #[test]
    fn a_done_step_is_promoted_once_and_open_ones_not_at_all() {
        let mut p = plan();
        assert!(promote_to_achievement(&p, ItemId(3)).is_none(), "not done");
        let op = promote_to_achievement(&p, ItemId(2)).unwrap();
        p.apply(op).unwrap();
        let a = &p.profile.achievements[0];
        assert_eq!(
            (a.date, a.what.as_str(), a.goal, a.source),
            (
                d("2026-03-01"),
                "Submit the CFP",
                Some(ItemId(1)),
                Some(ItemId(2))
            )
        );
        assert!(
            promote_to_achievement(&p, ItemId(2)).is_none(),
            "already logged"
        );
    }

    #[test]
    fn a_finished_goal_is_an_achievement_with_the_strengths_it_used() {
        let mut p = plan();
        p.goals[0].strengths = vec!["writing".into()];
        assert!(achievement_from(&p, ItemId(1)).is_none(), "still active");
        p.goals[0].status = crate::model::GoalStatus::Done;
        p.goals[0].completed = Some(d("2026-06-01"));
        let a = achievement_from(&p, ItemId(1)).unwrap();
        assert_eq!(
            (a.date, a.what.as_str(), a.goal, a.strengths.clone()),
            (
                d("2026-06-01"),
                "Speak at a conference",
                Some(ItemId(1)),
                vec!["writing".to_string()]
            )
        );
        let step = achievement_from(&p, ItemId(2)).unwrap();
        assert_eq!(
            step.strengths,
            ["writing"],
            "a step shows its goal's strengths"
        );
    }

    #[test]
    fn feedback_becomes_a_step_and_remembers_it() {
        let mut p = plan();
        p.profile.feedback.push(Feedback {
            date: d("2026-02-02"),
            from: "Dana".into(),
            what: "Practise the opening".into(),
            ..Feedback::default()
        });
        let op = feedback_to_step(&mut p, 0, ItemId(1)).unwrap();
        p.apply(op).unwrap();
        let id = p.profile.feedback[0].step.unwrap();
        let step = p.step(id).unwrap();
        assert_eq!(step.title, "Practise the opening");
        assert!(step.notes.contains("Dana"));
        assert_eq!(p.goal_of(id).unwrap().id, ItemId(1));
        assert!(
            feedback_to_step(&mut p, 0, ItemId(99)).is_none(),
            "no such goal"
        );
    }

    #[test]
    fn a_paths_first_experiment_becomes_a_goal() {
        let mut p = plan();
        p.profile.paths.push(CareerPath {
            name: "Product management".into(),
            first_experiment: "Shadow a PM for a sprint".into(),
            ..CareerPath::default()
        });
        let op = path_to_goal(&mut p, 0, d("2026-04-01")).unwrap();
        p.apply(op).unwrap();
        let id = p.profile.paths[0].goal.unwrap();
        let goal = p.goal(id).unwrap();
        assert_eq!(goal.title, "Shadow a PM for a sprint");
        assert!(goal.notes.contains("Product management"));
        assert!(
            goal.relevant.is_empty(),
            "why it matters is the person's to say"
        );
        assert_eq!(goal.created, d("2026-04-01"));
    }
}
