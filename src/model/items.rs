//! Milestones and action steps: the items under a goal, their kinds and recurrence.

use super::ids::Extra;
use super::ids::{ItemId, Num};
pub use super::repeat::Recurrence;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A concrete thing to do, with an optional due date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionStep {
    pub id: ItemId,
    pub num: Num,
    pub title: String,
    pub due: Option<NaiveDate>,
    pub done: Option<NaiveDate>,
    /// 1 (low) to 3 (high).
    pub importance: u8,
    /// 1 (low) to 3 (high).
    pub urgency: u8,
    pub recurrence: Option<Recurrence>,
    /// How many times the due date was moved later; the review asks about steps moved often.
    pub reschedules: u32,
    pub notes: String,
    /// For a repeating step: the days its past occurrences were done, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<NaiveDate>,
    /// For a repeating step: occurrences passed over because they went by undone.
    #[serde(skip_serializing_if = "is_zero")]
    pub missed: u32,
    #[serde(flatten)]
    pub extra: Extra,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Default for ActionStep {
    fn default() -> Self {
        ActionStep {
            id: ItemId::default(),
            num: Num::default(),
            title: String::new(),
            due: None,
            done: None,
            importance: 2,
            urgency: 2,
            recurrence: None,
            reschedules: 0,
            notes: String::new(),
            history: Vec::new(),
            missed: 0,
            extra: Extra::new(),
        }
    }
}

impl ActionStep {
    /// A new open step.
    pub fn new(id: ItemId, title: &str) -> Self {
        ActionStep {
            id,
            title: title.to_string(),
            ..ActionStep::default()
        }
    }

    /// Whether the step is done.
    pub fn is_done(&self) -> bool {
        self.done.is_some()
    }

    /// Every day this step (or, for a repeating one, an occurrence of it) was done.
    pub fn done_dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.history.iter().copied().chain(self.done)
    }

    /// Gives the step a new due date; moving it later counts as a reschedule (the weekly
    /// review asks about steps moved often).
    pub fn set_due(&mut self, due: Option<NaiveDate>) {
        if matches!((self.due, due), (Some(old), Some(new)) if new > old) {
            self.reschedules += 1;
        }
        self.due = due;
    }
}

/// A checkpoint on the way to a goal, with its own ordered steps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Milestone {
    pub id: ItemId,
    pub num: Num,
    pub title: String,
    pub target: Option<NaiveDate>,
    pub done: Option<NaiveDate>,
    pub notes: String,
    /// Weight among the goal's milestones and direct steps (a direct step weighs 1).
    pub weight: f64,
    pub steps: Vec<ActionStep>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for Milestone {
    fn default() -> Self {
        Milestone {
            id: ItemId::default(),
            num: Num::default(),
            title: String::new(),
            target: None,
            done: None,
            notes: String::new(),
            weight: 1.0,
            steps: Vec::new(),
            extra: Extra::new(),
        }
    }
}

impl Milestone {
    /// A new open milestone.
    pub fn new(id: ItemId, title: &str) -> Self {
        Milestone {
            id,
            title: title.to_string(),
            ..Milestone::default()
        }
    }

    /// Whether the milestone is done.
    pub fn is_done(&self) -> bool {
        self.done.is_some()
    }

    /// A copy of the milestone's own fields without its steps.
    pub fn without_children(&self) -> Milestone {
        Milestone {
            id: self.id,
            num: self.num,
            title: self.title.clone(),
            target: self.target,
            done: self.done,
            notes: self.notes.clone(),
            weight: self.weight,
            steps: Vec::new(),
            extra: self.extra.clone(),
        }
    }
}

/// Which kind of item an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Goal,
    Milestone,
    Step,
}

impl ItemKind {
    /// The word for the kind, in messages.
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Goal => "goal",
            ItemKind::Milestone => "milestone",
            ItemKind::Step => "step",
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
    fn only_moving_a_due_date_later_counts_as_a_reschedule() {
        let mut s = ActionStep::new(ItemId(1), "s");
        s.set_due(Some(d("2026-03-01")));
        s.set_due(Some(d("2026-02-20")));
        assert_eq!(
            s.reschedules, 0,
            "setting and bringing forward are not reschedules"
        );
        s.set_due(Some(d("2026-03-10")));
        s.set_due(None);
        assert_eq!((s.reschedules, s.due), (1, None));
    }
}
