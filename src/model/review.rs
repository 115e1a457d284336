//! Weekly review records. A finished (or skipped) review is kept for good; the guided flow
//! that builds one lives in the review screen.

use super::goal::Extra;
use super::ids::ItemId;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// What the person decided about a goal during a review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    #[default]
    Keep,
    Adjust,
    Hold,
    Drop,
    Done,
}

/// One goal as seen during a review.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewedGoal {
    pub goal: ItemId,
    /// Progress (0 to 1) when reviewed.
    pub progress: f64,
    pub confidence: Option<u8>,
    pub decision: Decision,
}

/// The record of one week's review.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct WeeklyReview {
    /// The ISO week the review is for, e.g. `2026-W47`.
    pub week: String,
    pub date: NaiveDate,
    /// Skipped on purpose; not a failure.
    pub skipped: bool,
    pub goals: Vec<ReviewedGoal>,
    pub wins: Vec<String>,
    pub went_well: String,
    pub got_in_the_way: String,
    pub adjust: String,
    pub strengths_used: Vec<String>,
    /// Whom to ask for feedback in the coming week.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub ask_feedback: String,
    /// Steps committed to for the next week.
    pub commitments: Vec<ItemId>,
    pub reflection: String,
    /// Where an unfinished review stopped (`None` once finished), so it can resume.
    pub stage: Option<String>,
    /// The goals due when the review started, in the order they are gone through.
    pub queue: Vec<ItemId>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The stages of the guided review, in order. Stored in the record as their names
/// (`"wins"`, `"goals"`, …), so the file format does not change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    Wins,
    Goals,
    Stale,
    Plan,
    Reflect,
}

impl Stage {
    /// Every stage, in the order the review walks them.
    pub const ALL: [Stage; 5] = [
        Stage::Wins,
        Stage::Goals,
        Stage::Stale,
        Stage::Plan,
        Stage::Reflect,
    ];

    /// The name the record stores.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Wins => "wins",
            Stage::Goals => "goals",
            Stage::Stale => "stale",
            Stage::Plan => "plan",
            Stage::Reflect => "reflect",
        }
    }

    /// The stage a stored name stands for; an unknown name (a newer version's) resumes at
    /// the reflection, the last stage.
    pub fn from_name(name: &str) -> Stage {
        Stage::ALL
            .into_iter()
            .find(|s| s.name() == name)
            .unwrap_or(Stage::Reflect)
    }

    /// The stage's heading.
    pub fn title(self) -> &'static str {
        match self {
            Stage::Wins => "Wins",
            Stage::Goals => "Goals",
            Stage::Stale => "Stuck and stale",
            Stage::Plan => "Next week",
            Stage::Reflect => "Reflect",
        }
    }

    /// The stage after this one; `None` after the last.
    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self.position() + 1).copied()
    }

    /// The stage before this one; `None` before the first.
    pub fn previous(self) -> Option<Stage> {
        self.position().checked_sub(1).map(|i| Stage::ALL[i])
    }

    /// Where the stage is in `ALL`.
    pub fn position(self) -> usize {
        Stage::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

impl WeeklyReview {
    /// The stage an unfinished review stopped at; `None` once finished or skipped.
    pub fn current_stage(&self) -> Option<Stage> {
        match &self.stage {
            Some(name) if !self.skipped => Some(Stage::from_name(name)),
            _ => None,
        }
    }

    /// The same record at `stage`.
    pub fn at_stage(&self, stage: Stage) -> WeeklyReview {
        WeeklyReview {
            stage: Some(stage.name().to_string()),
            ..self.clone()
        }
    }

    /// The goal being looked at in the goals stage: the first of the queue not decided yet.
    pub fn current_goal(&self) -> Option<ItemId> {
        self.queue.get(self.goals.len()).copied()
    }
}

/// The ISO week label of a date, e.g. `2026-W47`.
pub fn iso_week_label(date: NaiveDate) -> String {
    let w = date.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_week_label_uses_the_iso_year() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(iso_week_label(d("2026-11-21")), "2026-W47");
        assert_eq!(iso_week_label(d("2027-01-01")), "2026-W53");
    }

    #[test]
    fn stages_keep_their_stored_names_and_order() {
        for stage in Stage::ALL {
            assert_eq!(Stage::from_name(stage.name()), stage);
        }
        assert_eq!(Stage::Wins.next(), Some(Stage::Goals));
        assert_eq!(Stage::Reflect.next(), None);
        assert_eq!(Stage::Wins.previous(), None);
        assert_eq!(Stage::from_name("from-the-future"), Stage::Reflect);
        let skipped = WeeklyReview {
            stage: Some("plan".into()),
            skipped: true,
            ..WeeklyReview::default()
        };
        assert_eq!(skipped.current_stage(), None);
        assert_eq!(
            skipped.at_stage(Stage::Goals).stage.as_deref(),
            Some("goals")
        );
    }
}
