//! What a merge brought in, counted for a person ("3 goals, 5 steps changed elsewhere; 1
//! conflict to choose") and for a commit message.

use super::flat::Flat;
use super::tree::Tree;
use crate::model::items::ItemKind;
use crate::model::text::plural;
use crate::model::{Plan, WeeklyReview};

/// What the merge changed in our copy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub goals: usize,
    pub milestones: usize,
    pub steps: usize,
    /// Items of ours the other side deleted.
    pub removed: usize,
    pub reviews: usize,
    pub profile: bool,
    /// New conflicts to choose.
    pub conflicts: usize,
    /// Items of theirs whose id named another item here: they were given ids of their own.
    pub given_new_ids: usize,
}

impl Report {
    /// "3 goals, 5 steps changed elsewhere; 1 conflict to choose".
    pub fn summary(&self) -> String {
        let what = self.what();
        let mut text = if !what.is_empty() {
            format!("{what} changed elsewhere")
        } else if self.conflicts > 0 {
            "both computers changed the same things".to_string()
        } else {
            "nothing changed elsewhere".to_string()
        };
        if self.removed > 0 {
            let removed = plural(self.removed, "item");
            text.push_str(&format!(" ({removed} deleted there)"));
        }
        if self.given_new_ids > 0 {
            let items = plural(self.given_new_ids, "item");
            text.push_str(&format!(
                "; {items} there had an id used here for something else, so each got a new \
                 one and both are kept"
            ));
        }
        if self.conflicts > 0 {
            let conflicts = plural(self.conflicts, "conflict");
            text.push_str(&format!("; {conflicts} to choose"));
        }
        text
    }

    /// What changed, counted: "3 goals, 5 steps, the profile" (empty when nothing did).
    pub fn what(&self) -> String {
        let mut parts = Vec::new();
        for (n, what) in [
            (self.goals, "goal"),
            (self.milestones, "milestone"),
            (self.steps, "step"),
            (self.reviews, "review"),
        ] {
            if n > 0 {
                parts.push(plural(n, what));
            }
        }
        if self.profile {
            parts.push("the profile".to_string());
        }
        parts.join(", ")
    }
}

/// What changed from `before` to `after`, counted the way a merge reports it (for a commit
/// message or a summary of what a merge brought in).
pub fn changes(before: &Plan, after: &Plan) -> Report {
    let fb = Flat::of(before.goals.clone());
    let fa = Flat::of(after.goals.clone());
    let tree = Tree {
        items: fa.items,
        lists: fa.lists,
    };
    let new_conflicts = after
        .conflicts
        .iter()
        .filter(|c| !before.conflicts.contains(c))
        .count();
    Report {
        reviews: count_changed_reviews(&before.reviews, &after.reviews),
        profile: before.profile != after.profile,
        conflicts: new_conflicts,
        ..tree_report(&fb, &tree, Report::default())
    }
}

pub(super) fn tree_report(fo: &Flat, tree: &Tree, mut report: Report) -> Report {
    for (id, entry) in &tree.items {
        if fo.items.get(id) != Some(entry) {
            match entry.node.kind() {
                ItemKind::Goal => report.goals += 1,
                ItemKind::Milestone => report.milestones += 1,
                ItemKind::Step => report.steps += 1,
            }
        }
    }
    report.removed = fo
        .items
        .keys()
        .filter(|id| !tree.items.contains_key(id))
        .count();
    report
}

pub(super) fn count(report: &mut Report, kind: ItemKind) {
    match kind {
        ItemKind::Goal => report.goals += 1,
        ItemKind::Milestone => report.milestones += 1,
        ItemKind::Step => report.steps += 1,
    }
}

pub(super) fn count_changed_reviews(ours: &[WeeklyReview], merged: &[WeeklyReview]) -> usize {
    merged
        .iter()
        .filter(|r| !ours.iter().any(|o| o == *r))
        .count()
}
