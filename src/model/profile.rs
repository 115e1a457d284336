//! The career profile around the goals: role, strengths, values, SWOT, achievements, feedback
//! and career paths. Data only.

use super::goal::Extra;
use super::ids::ItemId;
use super::journey::Journey;
use super::stepback::{Rating, StepBack};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A strength or a growth area, with what shows it and how to use or develop it.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Quality {
    pub name: String,
    pub evidence: String,
    /// How to use it (a strength) or develop it (a growth area).
    pub plan: String,
}

/// A value or an interest, with a note on what it means to the person.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Named {
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

/// An entry of the achievements log ("brag document").
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Achievement {
    pub date: NaiveDate,
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

/// Which active goals serve each value of the profile (by name, case-insensitively), in the
/// profile's order; a value with no goal is one no goal serves yet.
pub fn value_coverage(plan: &super::Plan) -> Vec<(String, Vec<ItemId>)> {
    plan.profile
        .values
        .iter()
        .map(|v| {
            let goals = plan
                .goals
                .iter()
                .filter(|g| {
                    g.is_active() && g.values.iter().any(|gv| gv.eq_ignore_ascii_case(&v.name))
                })
                .map(|g| g.id)
                .collect();
            (v.name.clone(), goals)
        })
        .collect()
}

/// The profile's strengths that no active goal uses yet (by name, case-insensitively).
pub fn unused_strengths(plan: &super::Plan) -> Vec<String> {
    let used = |name: &str| {
        plan.goals
            .iter()
            .filter(|g| g.is_active())
            .any(|g| g.strengths.iter().any(|s| s.eq_ignore_ascii_case(name)))
    };
    plan.profile
        .strengths
        .iter()
        .filter(|q| !used(&q.name))
        .map(|q| q.name.clone())
        .collect()
}

/// The profile's values that no active goal serves yet.
pub fn unused_values(plan: &super::Plan) -> Vec<String> {
    value_coverage(plan)
        .into_iter()
        .filter(|(_, goals)| goals.is_empty())
        .map(|(name, _)| name)
        .collect()
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

/// The goal that entry `index` of `section` becomes: a growth area to develop, an interest
/// to explore, a SWOT opportunity to take, or a career path's first experiment (which the
/// path remembers). `None` when the entry cannot become a goal.
pub fn entry_to_goal(
    plan: &mut super::Plan,
    section: Section,
    index: usize,
    today: NaiveDate,
) -> Option<super::Op> {
    let p = &plan.profile;
    let (title, description, relevant) = match section {
        Section::CareerPaths => return path_to_goal(plan, index, today),
        Section::GrowthAreas => {
            let q = p.growth_areas.get(index)?;
            let title = format!("Grow in {}", q.name);
            (
                title,
                q.plan.clone(),
                "A growth area in my profile.".to_string(),
            )
        }
        Section::Interests => {
            let n = p.interests.get(index)?;
            (
                format!("Explore {}", n.name),
                n.note.clone(),
                "An interest of mine.".into(),
            )
        }
        Section::Swot => match swot_entry(p, index)? {
            (2, at) => {
                let line = p.swot.opportunities[at].clone();
                (line, String::new(), "An opportunity from my SWOT.".into())
            }
            _ => return None,
        },
        _ => return None,
    };
    let id = plan.new_id();
    let mut goal = super::Goal::new(id, &super::text::clean_line(&title), today);
    goal.description = description;
    goal.relevant = relevant;
    Some(super::Op::Insert {
        parent: None,
        index: usize::MAX,
        node: super::Node::Goal(Box::new(goal)),
    })
}

/// The edit that makes SWOT threat number `at` (within the threats) a barrier on `goal`,
/// with an if–then plan still to write.
pub fn threat_to_barrier(plan: &super::Plan, at: usize, goal: ItemId) -> Option<super::Op> {
    let threat = plan.profile.swot.threats.get(at)?;
    let mut updated = plan.goal(goal)?.without_children();
    if updated.barriers.iter().any(|b| b.obstacle == *threat) {
        return None;
    }
    updated.barriers.push(super::Barrier {
        obstacle: threat.clone(),
        ..super::Barrier::default()
    });
    Some(super::Op::Update {
        node: super::Node::Goal(Box::new(updated)),
    })
}

/// The achievement a finished goal, milestone or step becomes, linked to its goal and to
/// itself, with the strengths its goal uses; `None` when the item is not done or is already
/// in the log.
pub fn achievement_from(plan: &super::Plan, id: ItemId) -> Option<Achievement> {
    if plan
        .profile
        .achievements
        .iter()
        .any(|a| a.source == Some(id))
    {
        return None;
    }
    let done = plan
        .step(id)
        .and_then(|s| s.done)
        .or_else(|| plan.milestone(id).and_then(|m| m.done))
        .or_else(|| {
            plan.goal(id)
                .filter(|g| g.status == super::GoalStatus::Done)
                .and_then(|g| g.completed)
        })?;
    let goal = plan.goal_of(id);
    Some(Achievement {
        date: done,
        what: plan.title_of(id)?.to_string(),
        goal: goal.map(|g| g.id),
        source: Some(id),
        strengths: goal.map(|g| g.strengths.clone()).unwrap_or_default(),
        ..Achievement::default()
    })
}

/// The edit that logs a finished goal, milestone or step as an achievement.
pub fn promote_to_achievement(plan: &super::Plan, id: ItemId) -> Option<super::Op> {
    let achievement = achievement_from(plan, id)?;
    let mut profile = plan.profile.clone();
    profile.achievements.push(achievement);
    Some(super::Op::SetProfile(Box::new(profile)))
}

/// The edit that turns feedback number `index` into an action step under `goal`, and
/// remembers the step on the feedback.
pub fn feedback_to_step(plan: &mut super::Plan, index: usize, goal: ItemId) -> Option<super::Op> {
    let feedback = plan.profile.feedback.get(index)?.clone();
    plan.goal(goal)?;
    let id = plan.new_id();
    let from = if feedback.from.is_empty() {
        String::new()
    } else {
        format!(" ({})", feedback.from)
    };
    let mut step = super::ActionStep::new(id, &super::text::clean_line(&feedback.what));
    step.notes = format!(
        "From feedback on {}{from}: {}",
        feedback.date, feedback.what
    );
    let mut profile = plan.profile.clone();
    profile.feedback[index].step = Some(id);
    profile.feedback[index].goal = Some(goal);
    Some(super::Op::Batch(vec![
        super::Op::Insert {
            parent: Some(goal),
            index: usize::MAX,
            node: super::Node::Step(Box::new(step)),
        },
        super::Op::SetProfile(Box::new(profile)),
    ]))
}

/// The edit that turns career path number `index`'s first experiment into a new goal, and
/// remembers the goal on the path.
pub fn path_to_goal(plan: &mut super::Plan, index: usize, today: NaiveDate) -> Option<super::Op> {
    let path = plan.profile.paths.get(index)?.clone();
    let title = if path.first_experiment.trim().is_empty() {
        format!("Try out: {}", path.name)
    } else {
        path.first_experiment.clone()
    };
    let id = plan.new_id();
    let mut goal = super::Goal::new(id, &super::text::clean_line(&title), today);
    goal.relevant = format!(
        "A first experiment for the career path “{}”. {}",
        path.name, path.why
    )
    .trim()
    .to_string();
    let mut profile = plan.profile.clone();
    profile.paths[index].goal = Some(id);
    Some(super::Op::Batch(vec![
        super::Op::Insert {
            parent: None,
            index: usize::MAX,
            node: super::Node::Goal(Box::new(goal)),
        },
        super::Op::SetProfile(Box::new(profile)),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let _ = plan.fix_ids();
        plan.profile.values = vec![
            Named {
                name: "growth".into(),
                note: String::new(),
            },
            Named {
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
        assert!(goal.relevant.contains("Product management"));
        assert_eq!(goal.created, d("2026-04-01"));
    }
}
