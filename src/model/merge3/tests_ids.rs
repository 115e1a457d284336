//! Merges where ids collide: items that shared a counted id before schema 2, a goal on one
//! side and a step on the other under one id, ids swapped between a goal and its milestone.

use super::tests::*;
use super::*;
use crate::model::ids::RANDOM_FROM;
use crate::model::{ActionStep, Goal, Milestone, Num, Op};

#[test]
fn two_items_that_shared_a_counted_id_before_schema_2_are_both_kept() {
    let b = base();
    let (mut ours, mut theirs) = (b.clone(), b.clone());
    let mut mine = Goal::new(ItemId(6), "Mine", day("2026-11-02"));
    mine.num = Num(6);
    let mut other = Goal::new(ItemId(6), "Theirs", day("2026-11-02"));
    other.num = Num(6);
    ours.goals.push(mine);
    theirs.goals.push(other);
    let merged = merge(Some(b), ours, theirs).plan;
    let titles: Vec<_> = merged.goals.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Speak at a conference", "Learn Rust", "Mine", "Theirs"]
    );
    assert_ne!(merged.goals[2].id, merged.goals[3].id);
    assert_eq!(merged.goals[3].num, Num(7));
}

#[test]
fn without_a_base_both_sides_items_stay_and_differences_wait_as_conflicts() {
    let b = base();
    let (mut ours, mut theirs) = (device(&b, 1), device(&b, 2));
    ours.apply(Op::Remove { id: ItemId(5) }).unwrap();
    edit_goal(&mut theirs, ItemId(1), |g| g.notes = "desktop notes".into());
    let merged = merge(None, ours, theirs);
    assert!(
        merged.plan.goal(ItemId(5)).is_some(),
        "nothing is lost without a base"
    );
    assert_eq!(merged.plan.goals[0].notes, "");
    assert_eq!(merged.plan.conflicts.len(), 1);
}

#[test]
fn counters_never_ask_even_without_a_base() {
    let b = base();
    let (mut ours, theirs) = (device(&b, 1), device(&b, 2));
    let step = ours.goals[0].all_steps().next().unwrap().id;
    let mut s = ours.step(step).unwrap().clone();
    s.reschedules = 1;
    s.missed = 2;
    ours.apply(Op::Update {
        node: crate::model::Node::Step(Box::new(s)),
    })
    .unwrap();
    let merged = merge(None, ours, theirs);
    assert!(
        merged.plan.conflicts.is_empty(),
        "{:?}",
        merged.plan.conflicts
    );
    let s = merged.plan.step(step).unwrap();
    assert_eq!((s.reschedules, s.missed), (1, 2), "the larger count");
}

/// Every title in the plan, goals and all they hold, sorted.
fn all_titles(plan: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    for g in &plan.goals {
        out.push(g.title.clone());
        for m in &g.milestones {
            out.push(m.title.clone());
        }
        out.extend(g.all_steps().map(|s| s.title.clone()));
    }
    out.sort();
    out
}

#[test]
fn a_goal_here_and_a_step_there_under_one_id_are_both_kept_and_said() {
    for two_way in [false, true] {
        let b = base();
        let (mut ours, mut theirs) = (device(&b, 1), device(&b, 2));
        let clash = ItemId(RANDOM_FROM + 77);
        let mut goal = Goal::new(clash, "A goal here", day("2026-11-02"));
        goal.steps
            .push(ActionStep::new(ItemId(RANDOM_FROM + 78), "Under it"));
        ours.goals.push(goal);
        let mut step = ActionStep::new(clash, "A step there");
        step.notes = "theirs".into();
        theirs.goals[1].steps.push(step);
        let base = (!two_way).then(|| b.clone());
        let merged = merge(base, ours, theirs);
        let titles = all_titles(&merged.plan);
        for t in ["A goal here", "Under it", "A step there"] {
            assert!(titles.contains(&t.to_string()), "{t} kept: {titles:?}");
        }
        assert_eq!(merged.report.given_new_ids, 1);
        assert!(
            merged.report.summary().contains("got a new one"),
            "{}",
            merged.report.summary()
        );
        assert!(crate::model::check::id_problems(&merged.plan).is_empty());
    }
}

#[test]
fn ids_swapped_between_a_goal_and_its_milestone_keep_both_trees() {
    let b = base();
    let (mut ours, mut theirs) = (device(&b, 1), device(&b, 2));
    let (x, y) = (ItemId(RANDOM_FROM + 5), ItemId(RANDOM_FROM + 6));
    let mut g = Goal::new(x, "Ours outer", day("2026-11-02"));
    g.milestones.push(Milestone::new(y, "Ours inner"));
    ours.goals.push(g);
    let mut g = Goal::new(y, "Theirs outer", day("2026-11-02"));
    g.milestones.push(Milestone::new(x, "Theirs inner"));
    theirs.goals.push(g);
    let merged = merge(Some(b.clone()), ours, theirs);
    let titles = all_titles(&merged.plan);
    for t in ["Ours outer", "Ours inner", "Theirs outer", "Theirs inner"] {
        assert!(titles.contains(&t.to_string()), "{t} kept: {titles:?}");
    }
    assert_eq!(merged.report.given_new_ids, 2);
}

#[test]
fn counted_twins_split_without_a_base_too_but_an_edit_stays_one_item() {
    let b = base();
    let (mut ours, mut theirs) = (b.clone(), b.clone());
    ours.goals
        .push(Goal::new(ItemId(6), "Mine", day("2026-11-02")));
    theirs
        .goals
        .push(Goal::new(ItemId(6), "Theirs", day("2026-11-02")));
    edit_goal(&mut theirs, ItemId(5), |g| g.notes = "edited there".into());
    let merged = merge(None, ours, theirs);
    let titles: Vec<_> = merged.plan.goals.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Speak at a conference", "Learn Rust", "Mine", "Theirs"]
    );
    assert_eq!(merged.report.given_new_ids, 1);
    assert_eq!(merged.plan.conflicts.len(), 1, "the edit waits as a choice");
}
