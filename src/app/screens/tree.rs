//! The goal tree as rows on screen: which items are visible given what is folded and what
//! the search matches. Pure: plan in, rows out.

use crate::model::view::Scope;
use crate::model::{ItemId, ItemKind, Loc, Plan};
use chrono::NaiveDate;
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

/// What narrows the tree: the screens' scope (done hidden, a narrowing, archived goals),
/// folded items and an optional search. A search looks past the scope: it finds everything,
/// archived goals included.
pub struct TreeFilter<'a> {
    pub scope: &'a Scope,
    pub today: NaiveDate,
    pub collapsed: &'a HashSet<ItemId>,
    /// Lower-cased search text; empty for none.
    pub query: &'a str,
    /// Which items match `query`, in tree order, when already worked out (`TitleText`).
    pub matched: Option<&'a [bool]>,
}

impl TreeFilter<'_> {
    /// Whether the item at tree-order position `k`, titled `title`, matches.
    fn is_match(&self, k: usize, title: &str) -> bool {
        match self.matched {
            Some(m) => m.get(k).copied().unwrap_or(false),
            None => matches(title, self.query),
        }
    }
}

/// The searchable text of every item (title, then description and notes, apart so a match
/// never runs across them), lower-cased, in tree order, in one buffer: a search reads it front
/// to back instead of chasing 50,000 separate strings around memory.
#[derive(Clone, Debug, Default)]
pub struct TitleText {
    text: Vec<u8>,
    /// Where each title ends in `text`; title `k` is `text[ends[k-1]..ends[k]]`.
    ends: Vec<usize>,
}

impl TitleText {
    /// The text of `plan`'s items in the order `visible_rows` visits them.
    pub fn of(plan: &Plan) -> TitleText {
        let mut t = TitleText::default();
        let mut push = |fields: &[&str]| {
            for (i, field) in fields.iter().filter(|f| !f.is_empty()).enumerate() {
                if i > 0 {
                    t.text.push(FIELD_BREAK);
                }
                if field.is_ascii() {
                    t.text.extend(field.bytes().map(|b| b.to_ascii_lowercase()));
                } else {
                    t.text.extend_from_slice(field.to_lowercase().as_bytes());
                }
            }
            t.ends.push(t.text.len());
        };
        for goal in &plan.goals {
            push(&[&goal.title, &goal.description, &goal.notes]);
            for m in &goal.milestones {
                push(&[&m.title, &m.notes]);
                m.steps.iter().for_each(|s| push(&[&s.title, &s.notes]));
            }
            goal.steps.iter().for_each(|s| push(&[&s.title, &s.notes]));
        }
        t
    }

    /// Which titles contain `query` (lower-cased), in tree order.
    pub fn matches(&self, query: &str) -> Vec<bool> {
        let q = query.as_bytes();
        let mut start = 0;
        self.ends
            .iter()
            .map(|&end| {
                let title = &self.text[start..end];
                start = end;
                !q.is_empty() && title.len() >= q.len() && title.windows(q.len()).any(|w| w == q)
            })
            .collect()
    }
}

/// Keeps fields apart in the search buffer (never typed: controls are stripped from input).
const FIELD_BREAK: u8 = 0x1f;

/// Which of an item's texts holds `query` (lower-cased): "title", "description" or "notes";
/// `None` when none does. For saying why a row matched.
pub fn matched_field(fields: &[(&'static str, &str)], query: &str) -> Option<&'static str> {
    fields
        .iter()
        .find(|(_, text)| matches(text, query))
        .map(|(name, _)| *name)
}

fn matches(title: &str, query: &str) -> bool {
    if query.is_empty() {
        return false;
    }
    // Searching runs over every title on each keystroke: no allocation for ASCII text.
    if title.is_ascii() && query.is_ascii() {
        return contains_ascii_ignore_case(title.as_bytes(), query.as_bytes());
    }
    title.to_lowercase().contains(query)
}

/// Whether `hay` contains `needle` (lower-case ASCII) in any case: jumps between
/// occurrences of the first letter and compares the rest only there.
fn contains_ascii_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    if hay.len() < needle.len() {
        return false;
    }
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let last_start = hay.len() - needle.len();
    (0..=last_start).any(|i| {
        let b = hay[i];
        (b == lower || b == upper) && hay[i + 1..i + needle.len()].eq_ignore_ascii_case(rest)
    })
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
    // The item's position in tree order, for `filter.matched`; every item is visited while
    // searching (all unfolded), so it stays in step with `TitleText`.
    let mut k = 0;
    for (gi, goal) in plan.goals.iter().enumerate() {
        if !searching && !filter.scope.shows_goal(goal, filter.today) {
            continue;
        }
        let start = rows.len();
        let has_children = !goal.milestones.is_empty() || !goal.steps.is_empty();
        let expanded = searching || !filter.collapsed.contains(&goal.id);
        let goal_match = filter.is_match(k, &goal.title);
        k += 1;
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
                any_child |= push_milestone(rows, m, (gi, mi), filter, &mut k);
            }
            for (si, s) in goal.steps.iter().enumerate() {
                let step = StepRow {
                    id: s.id,
                    title: &s.title,
                    loc: Loc::GoalStep(gi, si),
                    depth: 1,
                    done: s.is_done(),
                };
                any_child |= push_step(rows, step, filter, &mut k);
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
    k: &mut usize,
) -> bool {
    let searching = !filter.query.is_empty();
    if !searching && !filter.scope.shows_item(m.is_done()) {
        return false;
    }
    let start = rows.len();
    let expanded = searching || !filter.collapsed.contains(&m.id);
    let matched = filter.is_match(*k, &m.title);
    *k += 1;
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
                done: s.is_done(),
            };
            any_step |= push_step(rows, step, filter, k);
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
    done: bool,
}

fn push_step(rows: &mut Vec<Row>, step: StepRow, filter: &TreeFilter, k: &mut usize) -> bool {
    let matched = filter.is_match(*k, step.title);
    *k += 1;
    let searching = !filter.query.is_empty();
    if (searching && !matched) || (!searching && !filter.scope.shows_item(step.done)) {
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

    fn rows_for(plan: &Plan, collapsed: &HashSet<ItemId>, query: &str) -> Vec<Row> {
        visible_rows(
            plan,
            &TreeFilter {
                scope: &Scope::default(),
                today: NaiveDate::MIN,
                collapsed,
                query,
                matched: None,
            },
        )
    }

    fn ids(rows: &[Row]) -> Vec<u64> {
        rows.iter().map(|r| r.id.0).collect()
    }

    #[test]
    fn everything_shows_unfolded_in_tree_order() {
        let collapsed = HashSet::new();
        let rows = rows_for(&plan(), &collapsed, "");
        assert_eq!(ids(&rows), [1, 2, 3, 4, 5]);
        let depths: Vec<_> = rows.iter().map(|r| r.depth).collect();
        assert_eq!(depths, [0, 1, 2, 1, 0]);
        assert!(rows[0].has_children && !rows[4].has_children);
    }

    #[test]
    fn folded_items_hide_their_children() {
        let collapsed: HashSet<_> = [ItemId(2)].into();
        let rows = rows_for(&plan(), &collapsed, "");
        assert_eq!(ids(&rows), [1, 2, 4, 5]);
        assert!(!rows[1].expanded);
        let collapsed: HashSet<_> = [ItemId(1)].into();
        let rows = rows_for(&plan(), &collapsed, "");
        assert_eq!(ids(&rows), [1, 5]);
    }

    #[test]
    fn rows_carry_where_their_item_sits() {
        let collapsed = HashSet::new();
        let p = plan();
        for row in rows_for(&p, &collapsed, "") {
            assert_eq!(p.locate(row.id), Some(row.loc));
        }
    }

    #[test]
    fn title_text_matches_like_the_plain_search() {
        let p = plan();
        let collapsed = HashSet::new();
        let text = TitleText::of(&p);
        for query in ["a", "outline", "dana", "zzz", "speak at"] {
            let matched = text.matches(query);
            let fast = visible_rows(
                &p,
                &TreeFilter {
                    scope: &Scope::default(),
                    today: NaiveDate::MIN,
                    collapsed: &collapsed,
                    query,
                    matched: Some(&matched),
                },
            );
            let slow = visible_rows(
                &p,
                &TreeFilter {
                    scope: &Scope::default(),
                    today: NaiveDate::MIN,
                    collapsed: &collapsed,
                    query,
                    matched: None,
                },
            );
            assert_eq!(fast, slow, "{query}");
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
        let rows = rows_for(&plan(), &collapsed, "outline");
        assert_eq!(ids(&rows), [1, 2, 3]);
        assert_eq!(rows.iter().filter(|r| r.matched).count(), 1);
        let rows = rows_for(&plan(), &collapsed, "promoted");
        assert_eq!(ids(&rows), [5]);
        let rows = rows_for(&plan(), &collapsed, "zzz");
        assert!(rows.is_empty());
    }

    #[test]
    fn the_scope_hides_done_items_and_archived_goals_but_search_finds_them() {
        let mut p = plan();
        p.goals[0].milestones[0].steps[0].done = NaiveDate::from_ymd_opt(2026, 2, 1);
        p.goals[1].status = crate::model::GoalStatus::Done;
        p.goals[1].archived = NaiveDate::from_ymd_opt(2026, 3, 1);
        let collapsed = HashSet::new();
        let scope = Scope {
            hide_done: true,
            ..Scope::default()
        };
        let filter = |query| TreeFilter {
            scope: &scope,
            today: NaiveDate::MIN,
            collapsed: &collapsed,
            query,
            matched: None,
        };
        assert_eq!(ids(&visible_rows(&p, &filter(""))), [1, 2, 4]);
        assert_eq!(ids(&visible_rows(&p, &filter("promoted"))), [5]);
        assert_eq!(ids(&visible_rows(&p, &filter("outline"))), [1, 2, 3]);
    }
}
