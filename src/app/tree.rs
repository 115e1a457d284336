//! The goal tree as rows on screen: which items are visible given what is folded and what
//! the search matches. Pure: plan in, rows out.

use crate::model::{ItemId, ItemKind, Loc, Plan};
use std::collections::HashSet;

/// One visible line of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub id: ItemId,
    /// Where the item sits in the plan (valid until the plan changes; rows are rebuilt then).
    pub loc: Loc,
    pub kind: ItemKind,
    /// 0 for goals, 1 for milestones and direct steps, 2 for a milestone's steps.
    pub depth: u8,
    pub has_children: bool,
    pub expanded: bool,
    /// The row matches the search (always false without a search).
    pub matched: bool,
}

/// What narrows the tree: folded items and an optional search.
pub struct TreeFilter<'a> {
    pub collapsed: &'a HashSet<ItemId>,
    /// Lower-cased search text; empty for none.
    pub query: &'a str,
}

fn matches(title: &str, query: &str) -> bool {
    if query.is_empty() {
        return false;
    }
    // Searching runs over every title on each keystroke: avoid allocating for ASCII text.
    if title.is_ascii() && query.is_ascii() {
        let (t, q) = (title.as_bytes(), query.as_bytes());
        return t.len() >= q.len() && t.windows(q.len()).any(|w| w.eq_ignore_ascii_case(q));
    }
    title.to_lowercase().contains(query)
}

/// The rows to show, in order: each goal, then its milestones (each with its steps), then its
/// direct steps. With a search, only matches and their ancestors show, unfolded.
pub fn visible_rows(plan: &Plan, filter: &TreeFilter) -> Vec<Row> {
    let mut rows = Vec::new();
    fill_visible_rows(&mut rows, plan, filter);
    rows
}

/// Like `visible_rows`, into `rows` (cleared first), reusing its memory: on a large plan this
/// runs on every search keystroke.
pub fn fill_visible_rows(rows: &mut Vec<Row>, plan: &Plan, filter: &TreeFilter) {
    rows.clear();
    let searching = !filter.query.is_empty();
    for (gi, goal) in plan.goals.iter().enumerate() {
        let start = rows.len();
        let has_children = !goal.milestones.is_empty() || !goal.steps.is_empty();
        let expanded = searching || !filter.collapsed.contains(&goal.id);
        let goal_match = matches(&goal.title, filter.query);
        rows.push(Row {
            id: goal.id,
            loc: Loc::Goal(gi),
            kind: ItemKind::Goal,
            depth: 0,
            has_children,
            expanded,
            matched: goal_match,
        });
        let mut any_child = false;
        if expanded {
            for (mi, m) in goal.milestones.iter().enumerate() {
                any_child |= push_milestone(rows, m, (gi, mi), filter, searching);
            }
            for (si, s) in goal.steps.iter().enumerate() {
                let step = StepRow {
                    id: s.id,
                    title: &s.title,
                    loc: Loc::GoalStep(gi, si),
                    depth: 1,
                };
                any_child |= push_step(rows, step, filter, searching);
            }
        }
        if searching && !goal_match && !any_child {
            rows.truncate(start);
        }
    }
}

fn push_milestone(
    rows: &mut Vec<Row>,
    m: &crate::model::Milestone,
    (gi, mi): (usize, usize),
    filter: &TreeFilter,
    searching: bool,
) -> bool {
    let start = rows.len();
    let expanded = searching || !filter.collapsed.contains(&m.id);
    let matched = matches(&m.title, filter.query);
    rows.push(Row {
        id: m.id,
        loc: Loc::Milestone(gi, mi),
        kind: ItemKind::Milestone,
        depth: 1,
        has_children: !m.steps.is_empty(),
        expanded,
        matched,
    });
    let mut any_step = false;
    if expanded {
        for (si, s) in m.steps.iter().enumerate() {
            let step = StepRow {
                id: s.id,
                title: &s.title,
                loc: Loc::MilestoneStep(gi, mi, si),
                depth: 2,
            };
            any_step |= push_step(rows, step, filter, searching);
        }
    }
    let keep = !searching || matched || any_step;
    if !keep {
        rows.truncate(start);
    }
    keep
}

/// What `push_step` needs to know about a step.
struct StepRow<'a> {
    id: ItemId,
    title: &'a str,
    loc: Loc,
    depth: u8,
}

fn push_step(rows: &mut Vec<Row>, step: StepRow, filter: &TreeFilter, searching: bool) -> bool {
    let matched = matches(step.title, filter.query);
    if searching && !matched {
        return false;
    }
    rows.push(Row {
        id: step.id,
        loc: step.loc,
        kind: ItemKind::Step,
        depth: step.depth,
        has_children: false,
        expanded: false,
        matched,
    });
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionStep, Goal, Milestone};
    use chrono::NaiveDate;

    fn plan() -> Plan {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut g = Goal::new(ItemId(1), "Speak at a conference", day);
        let mut m = Milestone::new(ItemId(2), "Write the abstract");
        m.steps.push(ActionStep::new(ItemId(3), "Draft outline"));
        g.milestones.push(m);
        g.steps
            .push(ActionStep::new(ItemId(4), "Ask Dana for feedback"));
        let other = Goal::new(ItemId(5), "Get promoted", day);
        Plan {
            goals: vec![g, other],
            ..Plan::default()
        }
    }

    fn ids(rows: &[Row]) -> Vec<u64> {
        rows.iter().map(|r| r.id.0).collect()
    }

    #[test]
    fn everything_shows_unfolded_in_tree_order() {
        let collapsed = HashSet::new();
        let rows = visible_rows(
            &plan(),
            &TreeFilter {
                collapsed: &collapsed,
                query: "",
            },
        );
        assert_eq!(ids(&rows), [1, 2, 3, 4, 5]);
        let depths: Vec<_> = rows.iter().map(|r| r.depth).collect();
        assert_eq!(depths, [0, 1, 2, 1, 0]);
        assert!(rows[0].has_children && !rows[4].has_children);
    }

    #[test]
    fn folded_items_hide_their_children() {
        let collapsed: HashSet<_> = [ItemId(2)].into();
        let rows = visible_rows(
            &plan(),
            &TreeFilter {
                collapsed: &collapsed,
                query: "",
            },
        );
        assert_eq!(ids(&rows), [1, 2, 4, 5]);
        assert!(!rows[1].expanded);
        let collapsed: HashSet<_> = [ItemId(1)].into();
        let rows = visible_rows(
            &plan(),
            &TreeFilter {
                collapsed: &collapsed,
                query: "",
            },
        );
        assert_eq!(ids(&rows), [1, 5]);
    }

    #[test]
    fn rows_carry_where_their_item_sits() {
        let collapsed = HashSet::new();
        let p = plan();
        for row in visible_rows(
            &p,
            &TreeFilter {
                collapsed: &collapsed,
                query: "",
            },
        ) {
            assert_eq!(p.locate(row.id), Some(row.loc));
        }
    }

    #[test]
    fn matching_ignores_case_in_any_script() {
        assert!(matches("Draft OUTLINE", "outline"));
        assert!(matches("Ünïcödé Plan", "ünï"));
        assert!(!matches("abc", "abcd"));
        assert!(!matches("abc", ""));
    }

    #[test]
    fn search_keeps_matches_and_their_ancestors_even_when_folded() {
        let collapsed: HashSet<_> = [ItemId(1)].into();
        let rows = visible_rows(
            &plan(),
            &TreeFilter {
                collapsed: &collapsed,
                query: "outline",
            },
        );
        assert_eq!(ids(&rows), [1, 2, 3]);
        assert_eq!(rows.iter().filter(|r| r.matched).count(), 1);
        let rows = visible_rows(
            &plan(),
            &TreeFilter {
                collapsed: &collapsed,
                query: "promoted",
            },
        );
        assert_eq!(ids(&rows), [5]);
        let rows = visible_rows(
            &plan(),
            &TreeFilter {
                collapsed: &collapsed,
                query: "zzz",
            },
        );
        assert!(rows.is_empty());
    }
}
