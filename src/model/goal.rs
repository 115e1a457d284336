//! A goal and its SMART card: measure, barriers, resources and check-ins. Data only; the
//! rules that read it live in `progress`, `smart` and `agenda`.

use super::ids::{ItemId, Num};
use super::items::{ActionStep, Milestone};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Fields a newer goalcoach wrote that this build does not know; kept so a save loses nothing.
pub use super::ids::Extra;
pub use super::measure::{Measure, Point};

/// Where a goal stands. Only active goals show up in the agenda and the review queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    #[default]
    Active,
    OnHold,
    Done,
    Dropped,
}

impl GoalStatus {
    /// The next status for the "cycle status" key: active → on hold → dropped → active.
    /// A done goal goes back to active.
    pub fn cycled(self) -> Self {
        match self {
            GoalStatus::Active => GoalStatus::OnHold,
            GoalStatus::OnHold => GoalStatus::Dropped,
            GoalStatus::Dropped | GoalStatus::Done => GoalStatus::Active,
        }
    }

    /// Finished or dropped: nothing more is planned for it, so its dates are never late.
    pub fn is_closed(self) -> bool {
        matches!(self, GoalStatus::Done | GoalStatus::Dropped)
    }

    /// A word for the status, as lists and the detail pane show it.
    pub fn label(self) -> &'static str {
        match self {
            GoalStatus::Active => "active",
            GoalStatus::OnHold => "on hold",
            GoalStatus::Done => "done",
            GoalStatus::Dropped => "dropped",
        }
    }
}

/// Long-term or short-term; when unset it is derived from the deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    ShortTerm,
    LongTerm,
}

/// Whether a barrier still stands in the way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BarrierStatus {
    #[default]
    Open,
    Overcome,
}

/// Something expected to get in the way, and the if–then plan for getting past it.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Barrier {
    pub obstacle: String,
    pub strategy: String,
    pub status: BarrierStatus,
    /// The days it got in the way, and whether the if–then plan worked then.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub log: Vec<BarrierHit>,
}

/// One time a barrier got in the way.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct BarrierHit {
    pub date: NaiveDate,
    /// Whether the if–then plan got the person past it; `None` when not said.
    pub plan_worked: Option<bool>,
}

/// A change of course on a goal, kept so the reviews can look back on it: its deadline,
/// target, scope or status moved from one thing to another, on a day, for a reason.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Adaptation {
    pub date: NaiveDate,
    /// `deadline`, `target`, `scope` or `status`.
    pub what: String,
    pub from: String,
    pub to: String,
    pub why: String,
}

/// What sort of help a resource is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    Skill,
    People,
    Money,
    Time,
    Tool,
    #[default]
    Other,
}

impl ResourceKind {
    /// A word for the kind, as exports write it.
    pub fn label(self) -> &'static str {
        match self {
            ResourceKind::Skill => "skill",
            ResourceKind::People => "people",
            ResourceKind::Money => "money",
            ResourceKind::Time => "time",
            ResourceKind::Tool => "tool",
            ResourceKind::Other => "other",
        }
    }
}

/// Something the goal needs: a skill, a person, money, time, a tool.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Resource {
    pub what: String,
    pub kind: ResourceKind,
    pub secured: bool,
}

/// One entry of the progress log.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckIn {
    pub date: NaiveDate,
    /// How confident the person felt about reaching the goal, 1 (not at all) to 5 (sure).
    pub confidence: u8,
    pub note: String,
    /// (The measures' values of the day are on the measures, as their points.)
    #[serde(flatten)]
    pub extra: Extra,
}

/// A career goal with its SMART card, its plan (milestones and steps) and its log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Goal {
    pub id: ItemId,
    pub num: Num,
    pub title: String,
    pub status: GoalStatus,
    pub created: NaiveDate,
    pub completed: Option<NaiveDate>,
    /// Specific: what exactly will be different.
    pub description: String,
    /// Measurable: the key results that show progress, leading and lagging.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
    /// Achievable: why it is realistic.
    pub achievable: String,
    /// Relevant: why it matters.
    pub relevant: String,
    /// Profile values this goal serves (by name).
    pub values: Vec<String>,
    /// Profile strengths this goal uses (by name).
    pub strengths: Vec<String>,
    /// Time-bound: when it is due.
    pub deadline: Option<NaiveDate>,
    /// Where the pace line starts; the created date when unset.
    pub start: Option<NaiveDate>,
    pub horizon: Option<Horizon>,
    /// 1 (low) to 3 (high); kept apart from urgency.
    pub importance: u8,
    /// 1 (low) to 3 (high); kept apart from importance.
    pub urgency: u8,
    /// Weight among sibling goals.
    pub weight: f64,
    pub tags: Vec<String>,
    /// One of the few goals the person chose to put first: they lead the agenda and the
    /// review.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub focus: bool,
    /// When a finished or dropped goal was put away: out of the tree and the timeline, still
    /// found by search and written by exports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archived: Option<NaiveDate>,
    pub notes: String,
    pub review_interval_days: u32,
    pub last_reviewed: Option<NaiveDate>,
    pub barriers: Vec<Barrier>,
    pub resources: Vec<Resource>,
    pub checkins: Vec<CheckIn>,
    /// Each change of course (see `adapt`), oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub adaptations: Vec<Adaptation>,
    pub milestones: Vec<Milestone>,
    /// Steps that sit straight under the goal, without a milestone.
    pub steps: Vec<ActionStep>,
    /// For a goal imported from another plan: `"{plan uid}#{id}"` there, so a second import
    /// of the same file updates it instead of adding it again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for Goal {
    fn default() -> Self {
        Goal {
            id: ItemId::default(),
            num: Num::default(),
            title: String::new(),
            status: GoalStatus::Active,
            created: NaiveDate::default(),
            completed: None,
            description: String::new(),
            measures: Vec::new(),
            achievable: String::new(),
            relevant: String::new(),
            values: Vec::new(),
            strengths: Vec::new(),
            deadline: None,
            start: None,
            horizon: None,
            importance: 2,
            urgency: 2,
            weight: 1.0,
            tags: Vec::new(),
            focus: false,
            archived: None,
            notes: String::new(),
            review_interval_days: 7,
            last_reviewed: None,
            barriers: Vec::new(),
            resources: Vec::new(),
            checkins: Vec::new(),
            adaptations: Vec::new(),
            milestones: Vec::new(),
            steps: Vec::new(),
            origin: None,
            extra: Extra::new(),
        }
    }
}

/// The goal field that marks the Inbox: the goal to-dos made in the calendar land in.
pub const INBOX_MARK: &str = "inbox";

impl Goal {
    /// Whether this is the Inbox the calendar's new to-dos land in (a list to file from).
    pub fn is_inbox(&self) -> bool {
        self.extra
            .get(INBOX_MARK)
            .and_then(serde_json::Value::as_bool)
            == Some(true)
    }

    /// A new active goal created on `today`.
    pub fn new(id: ItemId, title: &str, today: NaiveDate) -> Self {
        Goal {
            id,
            title: title.to_string(),
            created: today,
            ..Goal::default()
        }
    }

    /// Whether the goal is still being worked on (not done, dropped or on hold).
    pub fn is_active(&self) -> bool {
        self.status == GoalStatus::Active
    }

    /// Every step of the goal, direct ones first, then those of each milestone in order.
    pub fn all_steps(&self) -> impl Iterator<Item = &ActionStep> {
        self.steps
            .iter()
            .chain(self.milestones.iter().flat_map(|m| m.steps.iter()))
    }

    /// The day the pace line starts: the explicit start date, else the created date.
    pub fn start_date(&self) -> NaiveDate {
        self.start.unwrap_or(self.created)
    }

    /// The horizon as set, or derived: more than a year away is long-term.
    pub fn effective_horizon(&self, today: NaiveDate) -> Option<Horizon> {
        self.horizon.or_else(|| {
            self.deadline.map(|d| {
                if (d - today).num_days() > 365 {
                    Horizon::LongTerm
                } else {
                    Horizon::ShortTerm
                }
            })
        })
    }

    /// The measures, leading ones first (as the details and check-ins show them), each group
    /// in the goal's order.
    pub fn measures_leading_first(&self) -> impl Iterator<Item = &Measure> {
        let leading = self.measures.iter().filter(|m| m.leading);
        leading.chain(self.measures.iter().filter(|m| !m.leading))
    }

    /// The measure that says most about the result: the first lagging one, else the first.
    pub fn main_measure(&self) -> Option<&Measure> {
        self.measures
            .iter()
            .find(|m| !m.leading)
            .or(self.measures.first())
    }

    /// The measure called `name` (case aside).
    pub fn measure_named(&self, name: &str) -> Option<&Measure> {
        self.measures
            .iter()
            .find(|m| m.name.trim().eq_ignore_ascii_case(name.trim()))
    }

    /// The newest check-in, if any.
    pub fn latest_checkin(&self) -> Option<&CheckIn> {
        self.checkins.iter().max_by_key(|c| c.date)
    }

    /// A copy of the goal's own fields without its milestones and steps.
    /// Cheap next to `clone()` on a goal with a large tree.
    pub fn without_children(&self) -> Goal {
        Goal {
            id: self.id,
            num: self.num,
            title: self.title.clone(),
            status: self.status,
            created: self.created,
            completed: self.completed,
            description: self.description.clone(),
            measures: self.measures.clone(),
            achievable: self.achievable.clone(),
            relevant: self.relevant.clone(),
            values: self.values.clone(),
            strengths: self.strengths.clone(),
            deadline: self.deadline,
            start: self.start,
            horizon: self.horizon,
            importance: self.importance,
            urgency: self.urgency,
            weight: self.weight,
            tags: self.tags.clone(),
            focus: self.focus,
            archived: self.archived,
            notes: self.notes.clone(),
            review_interval_days: self.review_interval_days,
            last_reviewed: self.last_reviewed,
            barriers: self.barriers.clone(),
            resources: self.resources.clone(),
            checkins: self.checkins.clone(),
            adaptations: self.adaptations.clone(),
            milestones: Vec::new(),
            steps: Vec::new(),
            origin: self.origin.clone(),
            extra: self.extra.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn status_cycles_active_hold_dropped() {
        assert_eq!(GoalStatus::Active.cycled(), GoalStatus::OnHold);
        assert_eq!(GoalStatus::OnHold.cycled(), GoalStatus::Dropped);
        assert_eq!(GoalStatus::Dropped.cycled(), GoalStatus::Active);
        assert_eq!(GoalStatus::Done.cycled(), GoalStatus::Active);
    }

    #[test]
    fn horizon_is_derived_from_deadline_when_unset() {
        let today = d("2026-01-01");
        let mut g = Goal::new(ItemId(1), "x", today);
        assert_eq!(g.effective_horizon(today), None);
        g.deadline = Some(d("2026-06-01"));
        assert_eq!(g.effective_horizon(today), Some(Horizon::ShortTerm));
        g.deadline = Some(d("2028-01-01"));
        assert_eq!(g.effective_horizon(today), Some(Horizon::LongTerm));
        g.horizon = Some(Horizon::ShortTerm);
        assert_eq!(g.effective_horizon(today), Some(Horizon::ShortTerm));
    }

    #[test]
    fn without_children_keeps_own_fields() {
        let mut g = Goal::new(ItemId(1), "x", d("2026-01-01"));
        g.notes = "n".into();
        g.milestones.push(Milestone::new(ItemId(2), "m"));
        let s = g.without_children();
        assert_eq!(s.notes, "n");
        assert!(s.milestones.is_empty());
    }
}
