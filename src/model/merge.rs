//! Merging another goalcoach plan into this one (import). Goals are matched by where they
//! come from: the same plan's goal by id, another plan's by the origin recorded at its first
//! import. So importing the same file twice adds nothing; ids that would collide are renumbered.

use super::ids::{ItemId, Num};
use super::ops::{Node, Op};
use super::{Goal, Plan};
use std::collections::{HashMap, HashSet};

/// The operation that merges a plan in, and what it will do.
#[derive(Debug)]
pub struct Merge {
    pub op: Op,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub reviews_added: usize,
    pub profile_taken: bool,
}

impl Merge {
    /// One line saying what the merge did.
    pub fn summary(&self) -> String {
        let mut s = format!(
            "imported: {} new goals, {} updated, {} unchanged, {} reviews",
            self.added, self.updated, self.unchanged, self.reviews_added
        );
        if self.profile_taken {
            s.push_str(", the profile");
        }
        s
    }
}

fn origin_key(goal: &Goal, plan_uid: &str) -> String {
    goal.origin
        .clone()
        .unwrap_or_else(|| format!("{plan_uid}#{}", goal.id.0))
}

/// Works out how to merge `incoming` into `plan`: a goal `plan` already has (same origin) is
/// replaced in place; other goals are appended. The profile is taken only when `plan`'s is
/// empty; reviews are added for weeks `plan` has none for.
pub fn merge_op(plan: &Plan, incoming: Plan) -> Merge {
    let mut ids = Ids::of(plan, &incoming);
    let existing: HashMap<String, usize> = plan
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| (origin_key(g, &plan.uid), i))
        .collect();
    let foreign = incoming.uid != plan.uid || plan.uid.is_empty();
    let mut ops = Vec::new();
    let (mut added, mut updated, mut unchanged) = (0, 0, 0);
    for mut goal in incoming.goals {
        forget_numbers(&mut goal);
        let key = origin_key(&goal, &incoming.uid);
        if foreign {
            goal.origin = Some(key.clone());
        }
        match existing.get(&key).copied() {
            Some(index) => {
                let current = &plan.goals[index];
                goal.id = current.id;
                goal.num = current.num;
                goal.origin = current.origin.clone();
                if same_content(current, &goal) {
                    unchanged += 1;
                    continue;
                }
                ids.release(current);
                ids.renumber_children(&mut goal);
                ops.push(Op::Remove { id: goal.id });
                ops.push(insert_goal(index, goal));
                updated += 1;
            }
            None => {
                ids.renumber_goal(&mut goal);
                ops.push(insert_goal(usize::MAX, goal));
                added += 1;
            }
        }
    }
    let reviews_added = push_missing_reviews(plan, incoming.reviews, &mut ops);
    let profile_taken = plan.profile.is_empty() && !incoming.profile.is_empty();
    if profile_taken {
        ops.push(Op::SetProfile(Box::new(incoming.profile)));
    }
    Merge {
        op: Op::Batch(ops),
        added,
        updated,
        unchanged,
        reviews_added,
        profile_taken,
    }
}

fn push_missing_reviews(
    plan: &Plan,
    reviews: Vec<super::WeeklyReview>,
    ops: &mut Vec<Op>,
) -> usize {
    let known: HashSet<&str> = plan.reviews.iter().map(|r| r.week.as_str()).collect();
    let before = ops.len();
    ops.extend(
        reviews
            .into_iter()
            .filter(|r| !known.contains(r.week.as_str()))
            .map(|r| Op::PutReview(Box::new(r))),
    );
    ops.len() - before
}

/// Equal apart from the ids and numbers of milestones and steps (which an import may
/// renumber).
fn same_content(a: &Goal, b: &Goal) -> bool {
    let strip = |g: &Goal| {
        let mut g = g.clone();
        forget_numbers(&mut g);
        g.steps.iter_mut().for_each(|s| s.id = ItemId(0));
        for m in &mut g.milestones {
            m.id = ItemId(0);
            m.steps.iter_mut().for_each(|s| s.id = ItemId(0));
        }
        g
    };
    strip(a) == strip(b)
}

/// Clears the short numbers of a goal from another plan, so it gets numbers of this one.
fn forget_numbers(goal: &mut Goal) {
    goal.num = Num(0);
    goal.steps.iter_mut().for_each(|s| s.num = Num(0));
    for m in &mut goal.milestones {
        m.num = Num(0);
        m.steps.iter_mut().for_each(|s| s.num = Num(0));
    }
}

fn insert_goal(index: usize, goal: Goal) -> Op {
    Op::Insert {
        parent: None,
        index,
        node: Node::Goal(Box::new(goal)),
    }
}

/// The ids in use, and a source of fresh ones.
struct Ids {
    used: HashSet<u64>,
    fresh: super::IdSource,
}

impl Ids {
    fn of(plan: &Plan, incoming: &Plan) -> Ids {
        let mut used = HashSet::new();
        for g in &plan.goals {
            for_each_id(g, |id| {
                used.insert(id.0);
            });
        }
        let mut fresh = plan.ids.fork();
        incoming.for_each_loc(|id, _| fresh.skip_past(id));
        plan.for_each_loc(|id, _| fresh.skip_past(id));
        Ids { used, fresh }
    }

    fn release(&mut self, goal: &Goal) {
        for_each_id(goal, |id| {
            self.used.remove(&id.0);
        });
    }

    fn claim(&mut self, id: &mut ItemId) {
        while !self.used.insert(id.0) {
            *id = self.fresh.next_id();
        }
    }

    fn renumber_goal(&mut self, goal: &mut Goal) {
        self.claim(&mut goal.id);
        self.renumber_children(goal);
    }

    fn renumber_children(&mut self, goal: &mut Goal) {
        self.used.insert(goal.id.0);
        for s in &mut goal.steps {
            self.claim(&mut s.id);
        }
        for m in &mut goal.milestones {
            self.claim(&mut m.id);
            for s in &mut m.steps {
                self.claim(&mut s.id);
            }
        }
    }
}

fn for_each_id(goal: &Goal, mut f: impl FnMut(ItemId)) {
    f(goal.id);
    for s in goal.all_steps() {
        f(s.id);
    }
    for m in &goal.milestones {
        f(m.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::WeeklyReview;
    use crate::model::items::{ActionStep, Milestone};
    use chrono::NaiveDate;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, 1).unwrap()
    }

    fn plan(uid: &str, goals: &[(u64, &str, &[u64])]) -> Plan {
        let mut p = Plan {
            uid: uid.into(),
            ..Plan::default()
        };
        for &(id, title, steps) in goals {
            let mut g = Goal::new(ItemId(id), title, day());
            g.steps = steps
                .iter()
                .map(|&s| ActionStep::new(ItemId(s), "s"))
                .collect();
            p.goals.push(g);
        }
        let _ = crate::model::check::repair_ids(&mut p);
        p
    }

    fn all_ids(plan: &Plan) -> Vec<u64> {
        let mut all = Vec::new();
        for g in &plan.goals {
            for_each_id(g, |id| all.push(id.0));
        }
        all
    }

    #[test]
    fn importing_the_same_plan_twice_changes_nothing() {
        let mut mine = plan("me", &[(1, "a", &[2])]);
        let merge = merge_op(&mine, mine.clone());
        assert_eq!((merge.added, merge.updated, merge.unchanged), (0, 0, 1));
        let before = mine.clone();
        mine.apply(merge.op).unwrap();
        assert_eq!(mine, before);
    }

    #[test]
    fn same_plan_same_id_replaces_in_place() {
        let mut mine = plan("me", &[(1, "a", &[]), (2, "b", &[])]);
        let theirs = plan("me", &[(1, "a, renamed", &[3])]);
        let merge = merge_op(&mine, theirs);
        assert_eq!(merge.updated, 1);
        mine.apply(merge.op).unwrap();
        assert_eq!(mine.goals[0].title, "a, renamed");
        assert_eq!(mine.goals[0].steps.len(), 1);
        assert_eq!(mine.goals[1].title, "b");
    }

    #[test]
    fn another_plans_goals_are_added_with_fresh_ids_and_only_once() {
        let mut mine = plan("me", &[(1, "mine", &[2])]);
        let mut theirs = plan("them", &[(1, "theirs", &[2])]);
        theirs.goals[0]
            .milestones
            .push(Milestone::new(ItemId(3), "m"));
        let merge = merge_op(&mine, theirs.clone());
        assert_eq!(merge.added, 1);
        mine.apply(merge.op).unwrap();
        assert_eq!(mine.goals[0].title, "mine");
        assert_eq!(mine.goals[1].origin.as_deref(), Some("them#1"));
        let ids = all_ids(&mine);
        let unique: HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "ids stay unique: {ids:?}");

        let again = merge_op(&mine, theirs);
        assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 1));
    }

    #[test]
    fn reviews_and_profile_are_added_only_where_missing() {
        let mut mine = plan("me", &[]);
        mine.reviews.push(WeeklyReview {
            week: "2026-W01".into(),
            ..Default::default()
        });
        let mut theirs = plan("them", &[]);
        let review = |week: &str, text: &str| WeeklyReview {
            week: week.into(),
            reflection: text.into(),
            ..Default::default()
        };
        theirs.reviews = vec![review("2026-W01", "x"), review("2026-W02", "")];
        theirs.profile.current_role = "Engineer".into();
        let merge = merge_op(&mine, theirs);
        assert_eq!(merge.reviews_added, 1);
        assert!(merge.profile_taken);
        mine.apply(merge.op).unwrap();
        assert_eq!(mine.reviews.len(), 2);
        assert_eq!(mine.reviews[0].reflection, "");
        assert_eq!(mine.profile.current_role, "Engineer");
    }
}
