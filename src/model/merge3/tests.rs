use super::*;
use crate::model::{ActionStep, CheckIn, Goal, Milestone, Node, Num, Op};
use chrono::NaiveDate;

pub(super) fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A base plan: goal #1 with milestone #2 (step #3) and step #4; goal #5.
pub(super) fn base() -> Plan {
    let mut plan = Plan {
        uid: "plan".into(),
        ..Plan::default()
    };
    let mut g = Goal::new(ItemId(1), "Speak at a conference", day("2026-11-01"));
    let mut m = Milestone::new(ItemId(2), "Abstract accepted");
    m.steps
        .push(ActionStep::new(ItemId(3), "Draft the abstract"));
    g.milestones.push(m);
    g.steps.push(ActionStep::new(ItemId(4), "Pick conferences"));
    plan.goals.push(g);
    plan.goals
        .push(Goal::new(ItemId(5), "Learn Rust", day("2026-11-01")));
    crate::model::check::repair_ids(&mut plan);
    plan
}

/// A copy of `plan` that draws ids of its own, as another device would.
pub(super) fn device(plan: &Plan, seed: u64) -> Plan {
    let mut copy = plan.clone();
    copy.ids = crate::model::IdSource::Random(seed);
    copy
}

pub(super) fn add_step(plan: &mut Plan, parent: ItemId, title: &str) -> ItemId {
    let id = plan.new_id();
    plan.apply(Op::Insert {
        parent: Some(parent),
        index: usize::MAX,
        node: Node::Step(Box::new(ActionStep::new(id, title))),
    })
    .unwrap();
    id
}

pub(super) fn edit_goal(plan: &mut Plan, id: ItemId, f: impl FnOnce(&mut Goal)) {
    let mut g = plan.goal(id).unwrap().without_children();
    f(&mut g);
    plan.apply(Op::Update {
        node: Node::Goal(Box::new(g)),
    })
    .unwrap();
}

pub(super) fn bytes(plan: &Plan) -> String {
    serde_json::to_string_pretty(plan).unwrap()
}

#[test]
fn additions_on_both_sides_are_kept_with_distinct_ids_and_numbers() {
    let b = base();
    let (mut ours, mut theirs) = (device(&b, 1), device(&b, 2));
    let mine = add_step(&mut ours, ItemId(1), "Ask Ana for a review");
    let other = add_step(&mut theirs, ItemId(1), "Book the venue");
    assert_eq!(
        ours.num_of(mine),
        theirs.num_of(other),
        "both devices said #6"
    );
    assert_ne!(mine, other, "but the ids differ");
    let merged = merge(Some(b), ours, theirs);
    let plan = &merged.plan;
    let titles: Vec<_> = plan.goals[0]
        .steps
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(
        titles,
        ["Pick conferences", "Ask Ana for a review", "Book the venue"]
    );
    assert_eq!(plan.num_of(mine), Num(6), "ours keeps its number");
    assert_eq!(
        plan.num_of(other),
        Num(7),
        "theirs moves to the next free one"
    );
    assert_eq!(merged.report.summary(), "1 step changed elsewhere");
    assert!(plan.conflicts.is_empty());
}

#[test]
fn different_fields_of_one_goal_both_land() {
    let b = base();
    let (mut ours, mut theirs) = (device(&b, 1), device(&b, 2));
    edit_goal(&mut ours, ItemId(1), |g| {
        g.title = "Speak at RustConf".into()
    });
    edit_goal(&mut theirs, ItemId(1), |g| {
        g.deadline = Some(day("2027-06-30"))
    });
    let merged = merge(Some(b), ours, theirs);
    let g = merged.plan.goal(ItemId(1)).unwrap();
    assert_eq!(g.title, "Speak at RustConf");
    assert_eq!(g.deadline, Some(day("2027-06-30")));
    assert!(merged.plan.conflicts.is_empty());
}

#[test]
fn the_same_field_changed_twice_keeps_both_values_and_choosing_settles_it() {
    let b = base();
    let (mut ours, mut theirs) = (device(&b, 1), device(&b, 2));
    edit_goal(&mut ours, ItemId(1), |g| {
        g.title = "Speak at RustConf".into()
    });
    edit_goal(&mut theirs, ItemId(1), |g| {
        g.title = "Speak at FOSDEM".into()
    });
    let merged = merge(Some(b), ours, theirs);
    let mut plan = merged.plan;
    assert_eq!(merged.report.conflicts, 1);
    assert_eq!(plan.goals[0].title, "Speak at RustConf");
    let c = &plan.conflicts[0];
    assert_eq!(
        (c.field.as_str(), &c.other),
        ("title", &Value::from("Speak at FOSDEM"))
    );
    let op = crate::model::settle::choose(&plan, 0, crate::model::Choice::Other).unwrap();
    plan.apply(op).unwrap();
    assert_eq!(plan.goals[0].title, "Speak at FOSDEM");
    assert!(plan.conflicts.is_empty());
}

#[test]
fn deleted_here_and_changed_there_is_kept_and_flagged_unchanged_is_gone() {
    let b = base();
    let (mut ours, mut theirs) = (device(&b, 1), device(&b, 2));
    ours.apply(Op::Remove { id: ItemId(1) }).unwrap();
    ours.apply(Op::Remove { id: ItemId(5) }).unwrap();
    add_step(&mut theirs, ItemId(2), "Send it to Ana");
    let merged = merge(Some(b), ours, theirs);
    let plan = &merged.plan;
    assert!(
        plan.goal(ItemId(5)).is_none(),
        "deleted, untouched elsewhere: gone"
    );
    let g = plan
        .goal(ItemId(1))
        .expect("kept: something under it changed elsewhere");
    assert_eq!(g.milestones[0].steps.len(), 2);
    assert!(
        plan.conflicts
            .iter()
            .any(|c| c.kind == ConflictKind::DeletedElsewhere && c.item == Some(ItemId(1)))
    );
}

#[test]
fn logs_are_unions_and_reviews_of_different_weeks_all_stay() {
    let b = base();
    let (mut ours, mut theirs) = (device(&b, 1), device(&b, 2));
    let check = |d: &str, note: &str| CheckIn {
        date: day(d),
        confidence: 3,
        note: note.into(),
        ..CheckIn::default()
    };
    edit_goal(&mut ours, ItemId(1), |g| {
        g.checkins.push(check("2026-11-20", "laptop"))
    });
    edit_goal(&mut theirs, ItemId(1), |g| {
        g.checkins.push(check("2026-11-21", "desktop"))
    });
    ours.reviews.push(WeeklyReview {
        week: "2026-W46".into(),
        ..WeeklyReview::default()
    });
    theirs.reviews.push(WeeklyReview {
        week: "2026-W47".into(),
        ..WeeklyReview::default()
    });
    ours.profile
        .achievements
        .push(crate::model::profile::Achievement {
            what: "Shipped v2".into(),
            ..Default::default()
        });
    theirs
        .profile
        .achievements
        .push(crate::model::profile::Achievement {
            what: "Gave a lightning talk".into(),
            ..Default::default()
        });
    let merged = merge(Some(b), ours, theirs);
    let plan = &merged.plan;
    assert_eq!(plan.goals[0].checkins.len(), 2);
    assert_eq!(plan.reviews.len(), 2);
    assert_eq!(plan.profile.achievements.len(), 2);
    assert!(plan.conflicts.is_empty(), "{:?}", plan.conflicts);
}

#[test]
fn same_inputs_same_bytes_and_merging_what_one_side_has_is_that_side() {
    let b = base();
    let (mut ours, mut theirs) = (device(&b, 1), device(&b, 2));
    add_step(&mut ours, ItemId(2), "x");
    edit_goal(&mut theirs, ItemId(5), |g| {
        g.notes = "from the desktop".into()
    });
    let one = merge(Some(b.clone()), ours.clone(), theirs.clone()).plan;
    let two = merge(Some(b.clone()), ours.clone(), theirs.clone()).plan;
    assert_eq!(bytes(&one), bytes(&two));
    assert_eq!(
        bytes(&merge(Some(b.clone()), ours.clone(), ours.clone()).plan),
        bytes(&ours)
    );
    assert_eq!(
        bytes(&merge(Some(b.clone()), ours.clone(), b.clone()).plan),
        bytes(&ours)
    );
    assert_eq!(
        bytes(&merge(Some(b.clone()), b, theirs.clone()).plan),
        bytes(&theirs)
    );
}

#[test]
fn two_reviews_of_one_week_made_on_two_computers_keep_both_answers() {
    use crate::model::WeeklyReview;
    let b = base();
    let (mut ours, mut theirs) = (device(&b, 1), device(&b, 2));
    let review = |went_well: &str, win: &str| WeeklyReview {
        week: "2026-W47".into(),
        date: day("2026-11-21"),
        went_well: went_well.into(),
        wins: vec![win.into()],
        ..WeeklyReview::default()
    };
    ours.reviews
        .push(review("the talk outline", "outline done"));
    theirs.reviews.push(review("met Ana", "coffee with Ana"));
    for base in [Some(b.clone()), None] {
        let merged = merge(base, ours.clone(), theirs.clone()).plan;
        assert_eq!(merged.reviews.len(), 1, "one review of the week");
        let text = serde_json::to_string(&merged).unwrap();
        for answer in [
            "the talk outline",
            "met Ana",
            "outline done",
            "coffee with Ana",
        ] {
            assert!(text.contains(answer), "{answer} kept: {text}");
        }
        assert!(
            merged
                .conflicts
                .iter()
                .any(|c| c.review.as_deref() == Some("2026-W47")),
            "the differing answer waits as a choice"
        );
    }
}

#[test]
fn measures_edited_on_two_devices_merge_one_by_one_and_a_shared_field_is_one_conflict() {
    let mut b = base();
    edit_goal(&mut b, ItemId(1), |g| {
        let mut talks = crate::model::Measure::new("Talks given", "talks", 0.0, 1.0);
        talks.id = 1;
        let mut cfps = crate::model::Measure::new("Proposals sent", "", 0.0, 3.0);
        cfps.id = 2;
        cfps.leading = true;
        g.measures = vec![talks, cfps];
    });
    let (mut ours, mut theirs) = (device(&b, 1), device(&b, 2));
    // Here: a proposal sent (a point on measure 2) and the talks' target raised.
    edit_goal(&mut ours, ItemId(1), |g| {
        g.measures[1].record(day("2026-11-20"), 1.0);
        g.measures[0].target = 2.0;
    });
    // There: another proposal the same week (a clash on its value), and a new measure.
    edit_goal(&mut theirs, ItemId(1), |g| {
        g.measures[1].record(day("2026-11-21"), 2.0);
        let mut panels = crate::model::Measure::new("Panels", "", 0.0, 1.0);
        panels.id = 77;
        g.measures.push(panels);
    });
    let merged = merge(Some(b), ours, theirs);
    let mut plan = merged.plan;
    let g = &plan.goals[0];
    let names: Vec<_> = g.measures.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(
        names,
        ["Talks given", "Proposals sent", "Panels"],
        "not duplicated"
    );
    assert_eq!(g.measures[0].target, 2.0);
    assert_eq!(g.measures[1].points.len(), 2, "both days' values kept");
    assert_eq!(plan.conflicts.len(), 1);
    assert_eq!(plan.conflicts[0].field, "measures.2.current");
    assert_eq!(
        plan.conflicts[0].describe(&plan),
        "goal #1 “Speak at a conference”: measure “Proposals sent” current"
    );
    let op = crate::model::settle::choose(&plan, 0, crate::model::Choice::Other).unwrap();
    plan.apply(op).unwrap();
    assert_eq!(plan.goals[0].measures[1].current, 2.0);
}
