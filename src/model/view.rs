//! What the screens show of the plan: done and dropped items hidden or not, archived goals
//! out of the way, and a narrowing by horizon or tag. One rule for every screen, so the
//! tree, the agenda, the priorities and the timeline never disagree about what is in view.

use super::goal::{Goal, Horizon};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A narrowing of the goals in view.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "by", content = "value")]
pub enum Narrow {
    #[default]
    All,
    Horizon(Horizon),
    Tag(String),
}

impl Narrow {
    /// Words for the narrowing, as titles show it ("" for all).
    pub fn label(&self) -> String {
        match self {
            Narrow::All => String::new(),
            Narrow::Horizon(Horizon::ShortTerm) => "short-term".into(),
            Narrow::Horizon(Horizon::LongTerm) => "long-term".into(),
            Narrow::Tag(tag) => format!("#{tag}"),
        }
    }

    /// The narrowing after this one: all → short-term → long-term → each tag in use → all.
    pub fn next(&self, tags: &[String]) -> Narrow {
        let mut all = vec![
            Narrow::All,
            Narrow::Horizon(Horizon::ShortTerm),
            Narrow::Horizon(Horizon::LongTerm),
        ];
        all.extend(tags.iter().cloned().map(Narrow::Tag));
        let at = all.iter().position(|n| n == self).unwrap_or(0);
        all[(at + 1) % all.len()].clone()
    }
}

/// How the screens show the plan; kept per device between runs.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Scope {
    /// Done and dropped goals, milestones and steps out of sight.
    pub hide_done: bool,
    pub narrow: Narrow,
}

impl Scope {
    /// Whether `goal` is in view on `today` (archived goals never are; search finds them).
    pub fn shows_goal(&self, goal: &Goal, today: NaiveDate) -> bool {
        if goal.archived.is_some() {
            return false;
        }
        if self.hide_done && goal.status.is_closed() {
            return false;
        }
        match &self.narrow {
            Narrow::All => true,
            Narrow::Horizon(h) => goal.effective_horizon(today) == Some(*h),
            Narrow::Tag(tag) => goal.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)),
        }
    }

    /// Whether a milestone or step that is done (or not) is in view.
    pub fn shows_item(&self, done: bool) -> bool {
        !(self.hide_done && done)
    }

    /// What the scope hides, for a screen's title ("done hidden · #work"); empty for none.
    pub fn label(&self) -> String {
        let mut parts = Vec::new();
        if self.hide_done {
            parts.push("done hidden".to_string());
        }
        let narrow = self.narrow.label();
        if !narrow.is_empty() {
            parts.push(narrow);
        }
        parts.join(" · ")
    }
}

/// Every tag the plan's goals use, sorted, each once (first spelling kept).
pub fn tags_in_use(goals: &[Goal]) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in goals.iter().flat_map(|g| &g.tags) {
        if !tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            tags.push(tag.clone());
        }
    }
    tags.sort_by_key(|t| t.to_lowercase());
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::GoalStatus;
    use crate::model::ItemId;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn goal(status: GoalStatus, deadline: &str, tags: &[&str]) -> Goal {
        let mut g = Goal::new(ItemId(1), "g", d("2026-01-01"));
        g.status = status;
        g.deadline = Some(d(deadline));
        g.tags = tags.iter().map(|t| t.to_string()).collect();
        g
    }

    #[test]
    fn hiding_done_hides_done_and_dropped_goals_and_done_items() {
        let today = d("2026-11-22");
        let scope = Scope {
            hide_done: true,
            ..Scope::default()
        };
        assert!(scope.shows_goal(&goal(GoalStatus::Active, "2027-01-01", &[]), today));
        assert!(scope.shows_goal(&goal(GoalStatus::OnHold, "2027-01-01", &[]), today));
        assert!(!scope.shows_goal(&goal(GoalStatus::Done, "2027-01-01", &[]), today));
        assert!(!scope.shows_goal(&goal(GoalStatus::Dropped, "2027-01-01", &[]), today));
        assert!(!scope.shows_item(true) && scope.shows_item(false));
        assert!(Scope::default().shows_item(true));
        assert_eq!(scope.label(), "done hidden");
    }

    #[test]
    fn archived_goals_are_never_in_view() {
        let mut g = goal(GoalStatus::Done, "2026-06-01", &[]);
        g.archived = Some(d("2026-07-01"));
        assert!(!Scope::default().shows_goal(&g, d("2026-11-22")));
    }

    #[test]
    fn narrowing_by_horizon_or_tag() {
        let today = d("2026-11-22");
        let soon = goal(GoalStatus::Active, "2027-03-01", &["Work"]);
        let far = goal(GoalStatus::Active, "2029-01-01", &["side"]);
        let short = Scope {
            narrow: Narrow::Horizon(Horizon::ShortTerm),
            ..Scope::default()
        };
        assert!(short.shows_goal(&soon, today) && !short.shows_goal(&far, today));
        let work = Scope {
            narrow: Narrow::Tag("work".into()),
            ..Scope::default()
        };
        assert!(work.shows_goal(&soon, today) && !work.shows_goal(&far, today));
        assert_eq!(work.label(), "#work");
    }

    #[test]
    fn the_narrowing_cycles_through_horizons_and_tags() {
        let tags = tags_in_use(&[
            goal(GoalStatus::Active, "2027-01-01", &["work", "Side"]),
            goal(GoalStatus::Active, "2027-01-01", &["Work"]),
        ]);
        assert_eq!(tags, ["Side", "work"]);
        let mut n = Narrow::All;
        let mut seen = Vec::new();
        for _ in 0..5 {
            n = n.next(&tags);
            seen.push(n.label());
        }
        assert_eq!(seen, ["short-term", "long-term", "#Side", "#work", ""]);
        assert_eq!(
            Narrow::Tag("gone".into()).next(&tags),
            Narrow::Horizon(Horizon::ShortTerm)
        );
    }
}
