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
}
