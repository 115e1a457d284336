//! The coaching journey a new person is led through, in the order the coaching process goes:
//! look back, see where you are, name strengths and growth areas, values and interests, a
//! vision, career paths, then a first goal with its milestone, this week's step, a barrier
//! and a resource, and the review day. Each stage is short and can be skipped; where the
//! person is, is kept in the profile (`Journey`), so quitting midway resumes there. Pure.

use super::ids::ItemId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One stage of the journey.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Stage {
    #[default]
    LookBack,
    WhereNow,
    Strengths,
    Values,
    Vision,
    Paths,
    Goal,
    Milestone,
    Step,
    Obstacles,
    ReviewDay,
}

impl Stage {
    /// Every stage, in the order the journey walks them.
    pub const ALL: [Stage; 11] = [
        Stage::LookBack,
        Stage::WhereNow,
        Stage::Strengths,
        Stage::Values,
        Stage::Vision,
        Stage::Paths,
        Stage::Goal,
        Stage::Milestone,
        Stage::Step,
        Stage::Obstacles,
        Stage::ReviewDay,
    ];

    /// The name the profile stores.
    pub fn name(self) -> &'static str {
        match self {
            Stage::LookBack => "look_back",
            Stage::WhereNow => "where_now",
            Stage::Strengths => "strengths",
            Stage::Values => "values",
            Stage::Vision => "vision",
            Stage::Paths => "paths",
            Stage::Goal => "goal",
            Stage::Milestone => "milestone",
            Stage::Step => "step",
            Stage::Obstacles => "obstacles",
            Stage::ReviewDay => "review_day",
        }
    }

    /// The stage a stored name stands for; an unknown name (a newer version's) is `None`.
    pub fn from_name(name: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The headings of `ALL`, in order (for a form's choice).
    pub const TITLES: [&'static str; 11] = [
        Stage::LookBack.title(),
        Stage::WhereNow.title(),
        Stage::Strengths.title(),
        Stage::Values.title(),
        Stage::Vision.title(),
        Stage::Paths.title(),
        Stage::Goal.title(),
        Stage::Milestone.title(),
        Stage::Step.title(),
        Stage::Obstacles.title(),
        Stage::ReviewDay.title(),
    ];

    /// The stage's heading.
    pub const fn title(self) -> &'static str {
        match self {
            Stage::LookBack => "Looking back",
            Stage::WhereNow => "Where you are now",
            Stage::Strengths => "Strengths and growth areas",
            Stage::Values => "Values and interests",
            Stage::Vision => "Your vision",
            Stage::Paths => "Career paths",
            Stage::Goal => "Your first goal",
            Stage::Milestone => "A first milestone",
            Stage::Step => "A step for this week",
            Stage::Obstacles => "What could get in the way",
            Stage::ReviewDay => "Your review day",
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

    /// The stage that follows this one; without a goal the stages that work on it are passed
    /// over.
    pub fn after(self, has_goal: bool) -> Option<Stage> {
        let mut next = self.next();
        while let Some(s) = next
            && s.needs_goal()
            && !has_goal
        {
            next = s.next();
        }
        next
    }

    /// Whether the stage works on the journey's goal (and so needs one).
    pub fn needs_goal(self) -> bool {
        matches!(self, Stage::Milestone | Stage::Step | Stage::Obstacles)
    }
}

/// How far the person got through the journey; kept in the profile.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Journey {
    /// The day the journey was first opened.
    pub started: Option<NaiveDate>,
    /// The stage to resume at (its stored name); `None` before the start and after the end.
    pub next: Option<String>,
    /// The goal written in the journey, which the milestone, step and barrier stages fill.
    pub goal: Option<ItemId>,
    /// The day the last stage was passed.
    pub finished: Option<NaiveDate>,
}

impl Journey {
    /// Whether the journey was never opened (nothing to save).
    pub fn is_untouched(&self) -> bool {
        *self == Journey::default()
    }

    /// The stage to open when the journey is resumed: where it stopped, or the first.
    pub fn resume_at(&self) -> Stage {
        self.next
            .as_deref()
            .and_then(Stage::from_name)
            .unwrap_or(Stage::LookBack)
    }

    /// Whether the journey was started and not yet finished.
    pub fn is_under_way(&self) -> bool {
        self.started.is_some() && self.finished.is_none()
    }

    /// The journey once `stage` is passed (answered or skipped) on `today`; `goal` is the
    /// goal the stage wrote, if any. The goal stages are skipped when there is no goal.
    pub fn passed(&self, stage: Stage, goal: Option<ItemId>, today: NaiveDate) -> Journey {
        let mut journey = self.clone();
        journey.started.get_or_insert(today);
        if goal.is_some() {
            journey.goal = goal;
        }
        let next = stage.after(journey.goal.is_some());
        journey.next = next.map(|s| s.name().to_string());
        if next.is_none() {
            journey.finished.get_or_insert(today);
        }
        journey
    }

    /// The journey opened at `stage` on `today` (the first opening dates it).
    pub fn opened(&self, stage: Stage, today: NaiveDate) -> Journey {
        let mut journey = self.clone();
        journey.started.get_or_insert(today);
        if journey.finished.is_none() {
            journey.next = Some(stage.name().to_string());
        }
        journey
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn stages_keep_their_names_and_order() {
        for s in Stage::ALL {
            assert_eq!(Stage::from_name(s.name()), Some(s));
        }
        assert_eq!(Stage::from_name("newer"), None);
        assert_eq!(Stage::TITLES, Stage::ALL.map(Stage::title));
        assert_eq!(Stage::LookBack.next(), Some(Stage::WhereNow));
        assert_eq!(Stage::ReviewDay.next(), None);
    }

    #[test]
    fn passing_stages_moves_on_and_finishes_once() {
        let j = Journey::default();
        assert!(j.is_untouched());
        assert_eq!(j.resume_at(), Stage::LookBack);
        let j = j.passed(Stage::LookBack, None, d("2026-11-22"));
        assert_eq!(
            (j.started, j.resume_at(), j.is_under_way()),
            (Some(d("2026-11-22")), Stage::WhereNow, true)
        );
        let j = j.passed(Stage::Goal, Some(ItemId(7)), d("2026-11-23"));
        assert_eq!((j.goal, j.resume_at()), (Some(ItemId(7)), Stage::Milestone));
        let j = j.passed(Stage::ReviewDay, None, d("2026-11-24"));
        assert_eq!((j.next.clone(), j.finished), (None, Some(d("2026-11-24"))));
        assert!(!j.is_under_way());
        let again = j.passed(Stage::ReviewDay, None, d("2026-12-01"));
        assert_eq!(
            again.finished,
            Some(d("2026-11-24")),
            "the first end is kept"
        );
    }

    #[test]
    fn without_a_goal_the_goal_stages_are_skipped() {
        let j = Journey::default().passed(Stage::Goal, None, d("2026-11-22"));
        assert_eq!(j.resume_at(), Stage::ReviewDay);
    }

    #[test]
    fn opening_remembers_the_stage_until_finished() {
        let j = Journey::default().opened(Stage::Vision, d("2026-11-22"));
        assert_eq!(
            (j.resume_at(), j.started),
            (Stage::Vision, Some(d("2026-11-22")))
        );
        let done = j.passed(Stage::ReviewDay, None, d("2026-11-22"));
        assert_eq!(done.opened(Stage::Values, d("2026-11-30")).next, None);
    }
}
