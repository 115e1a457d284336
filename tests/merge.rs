//! The three-way merge under random edits: two devices edit copies of one plan; whatever
//! they did, the merge loses no item either kept or made, and behaves like a merge should.

use goalcoach::model::merge3::merge;
use goalcoach::model::{ActionStep, CheckIn, IdSource, ItemId, Milestone, Node, Op, Plan};
use goalcoach::sample::{GenOptions, generate};
use goalcoach::store::to_pretty_json;
use proptest::prelude::*;
use std::collections::BTreeSet;

#[derive(Clone, Debug)]
enum Edit {
    AddStep(usize, u8),
    AddMilestone(usize),
    Retitle(usize, u8),
    Note(usize, u8),
    Delete(usize),
    MoveFirst(usize),
    CheckIn(usize, u8),
    Achievement(u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<usize>(), any::<u8>()).prop_map(|(i, t)| Edit::AddStep(i, t)),
        1 => any::<usize>().prop_map(Edit::AddMilestone),
        3 => (any::<usize>(), any::<u8>()).prop_map(|(i, t)| Edit::Retitle(i, t)),
        2 => (any::<usize>(), any::<u8>()).prop_map(|(i, t)| Edit::Note(i, t)),
        2 => any::<usize>().prop_map(Edit::Delete),
        1 => any::<usize>().prop_map(Edit::MoveFirst),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(i, t)| Edit::CheckIn(i, t)),
        1 => any::<u8>().prop_map(Edit::Achievement),
    ]
}

fn ids(plan: &Plan) -> Vec<ItemId> {
    let mut all = Vec::new();
    plan.for_each_loc(|id, _| all.push(id));
    all
}

fn id_set(plan: &Plan) -> BTreeSet<ItemId> {
    ids(plan).into_iter().collect()
}

fn pick(plan: &Plan, i: usize) -> Option<ItemId> {
    let all = ids(plan);
    (!all.is_empty()).then(|| all[i % all.len()])
}

fn day() -> chrono::NaiveDate {
    "2026-11-21".parse().unwrap()
}

fn apply(plan: &mut Plan, edit: &Edit) {
    let _ = match *edit {
        Edit::AddStep(i, t) => pick(plan, i).map(|target| {
            let parent = match plan.locate(target).unwrap().kind() {
                goalcoach::model::ItemKind::Step => plan.goal_of(target).unwrap().id,
                _ => target,
            };
            let id = plan.new_id();
            plan.apply(Op::Insert {
                parent: Some(parent),
                index: t as usize % 3,
                node: Node::Step(Box::new(ActionStep::new(id, &format!("step {t}")))),
            })
        }),
        Edit::AddMilestone(i) => pick(plan, i).map(|target| {
            let goal = plan.goal_of(target).unwrap().id;
            let id = plan.new_id();
            plan.apply(Op::Insert {
                parent: Some(goal),
                index: usize::MAX,
                node: Node::Milestone(Box::new(Milestone::new(id, "new milestone"))),
            })
        }),
        Edit::Retitle(i, t) | Edit::Note(i, t) => pick(plan, i).map(|id| {
            let loc = plan.locate(id).unwrap();
            let retitle = matches!(edit, Edit::Retitle(..));
            let node = match loc {
                goalcoach::model::Loc::Goal(g) => {
                    let mut goal = plan.goals[g].without_children();
                    if retitle {
                        goal.title = format!("goal {t}")
                    } else {
                        goal.notes = format!("n{t}")
                    }
                    Node::Goal(Box::new(goal))
                }
                goalcoach::model::Loc::Milestone(..) => {
                    let mut m = plan.milestone(id).unwrap().without_children();
                    if retitle {
                        m.title = format!("m {t}")
                    } else {
                        m.notes = format!("n{t}")
                    }
                    Node::Milestone(Box::new(m))
                }
                _ => {
                    let mut s = plan.step(id).unwrap().clone();
                    if retitle {
                        s.title = format!("s {t}")
                    } else {
                        s.notes = format!("n{t}")
                    }
                    Node::Step(Box::new(s))
                }
            };
            plan.apply(Op::Update { node })
        }),
        Edit::Delete(i) => pick(plan, i).map(|id| plan.apply(Op::Remove { id })),
        Edit::MoveFirst(i) => pick(plan, i).map(|id| plan.apply(Op::Move { id, index: 0 })),
        Edit::CheckIn(i, t) => pick(plan, i).map(|target| {
            let mut goal = plan.goal_of(target).unwrap().without_children();
            goal.checkins.push(CheckIn {
                date: day(),
                confidence: 1 + t % 5,
                note: format!("c{t}"),
                ..CheckIn::default()
            });
            plan.apply(Op::Update {
                node: Node::Goal(Box::new(goal)),
            })
        }),
        Edit::Achievement(t) => {
            plan.profile
                .achievements
                .push(goalcoach::model::profile::Achievement {
                    date: day(),
                    what: format!("win {t}"),
                    ..Default::default()
                });
            // As every edit of the app does, the new entry gets its id.
            goalcoach::model::entries::repair(&mut plan.profile);
            None
        }
    };
}

fn copy(base: &Plan, seed: u64, edits: &[Edit]) -> Plan {
    let mut plan = base.clone();
    plan.ids = IdSource::Random(seed);
    for e in edits {
        apply(&mut plan, e);
    }
    plan
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn merging_loses_nothing_and_behaves(
        seed in 0u64..1000,
        ours_edits in proptest::collection::vec(edit(), 0..12),
        theirs_edits in proptest::collection::vec(edit(), 0..12),
    ) {
        let base = generate(&GenOptions { items: 40, seed, today: day() });
        let a = copy(&base, seed * 2 + 1, &ours_edits);
        let b = copy(&base, seed * 2 + 2, &theirs_edits);
        let ab = merge(Some(base.clone()), a.clone(), b.clone()).plan;
        let ba = merge(Some(base.clone()), b.clone(), a.clone()).plan;

        let (in_a, in_b, in_base) = (id_set(&a), id_set(&b), id_set(&base));
        let merged = id_set(&ab);
        for id in in_a.iter().chain(&in_b) {
            let made = !in_base.contains(id);
            let kept_by_both = in_a.contains(id) && in_b.contains(id);
            if made || kept_by_both {
                prop_assert!(merged.contains(id), "{id:?} was lost");
            }
        }
        prop_assert_eq!(&merged, &id_set(&ba), "both directions hold the same items");
        prop_assert_eq!(
            to_pretty_json(&ab),
            to_pretty_json(&merge(Some(base.clone()), a.clone(), b.clone()).plan)
        );
        prop_assert_eq!(to_pretty_json(&merge(Some(base.clone()), a.clone(), a.clone()).plan), to_pretty_json(&a));
        prop_assert_eq!(to_pretty_json(&merge(Some(base.clone()), a.clone(), base.clone()).plan), to_pretty_json(&a));
        prop_assert!(goalcoach::model::check::id_problems(&ab).is_empty());
        prop_assert!(goalcoach::model::check::problems(&ab).is_empty());
        let mut nums: Vec<u64> = Vec::new();
        ab.for_each_item(|_, n, _| nums.push(n.0));
        let unique: BTreeSet<_> = nums.iter().collect();
        prop_assert_eq!(unique.len(), nums.len(), "short numbers stay unambiguous");
        for a in &a.profile.achievements {
            prop_assert!(ab.profile.achievements.contains(a));
        }
    }
}

/// Two devices change different fields of the same strength: one strength comes out with
/// both changes (before entries had ids, the two edited copies were both kept). The same
/// field changed on both is one conflict that names the strength.
#[test]
fn a_profile_entry_edited_on_two_devices_merges_field_by_field() {
    let mut base = generate(&GenOptions {
        items: 10,
        seed: 3,
        today: day(),
    });
    base.profile.strengths = vec![goalcoach::model::profile::Quality {
        name: "Writing".into(),
        ..Default::default()
    }];
    goalcoach::model::entries::repair(&mut base.profile);
    let (mut a, mut b) = (base.clone(), base.clone());
    a.profile.strengths[0].evidence = "the migration doc".into();
    b.profile.strengths[0].plan = "write the RFC".into();
    let merged = merge(Some(base.clone()), a.clone(), b.clone()).plan;
    assert_eq!(merged.profile.strengths.len(), 1, "one strength");
    let s = &merged.profile.strengths[0];
    assert_eq!(
        (s.evidence.as_str(), s.plan.as_str()),
        ("the migration doc", "write the RFC")
    );
    assert!(merged.conflicts.is_empty());

    b.profile.strengths[0].evidence = "the design review".into();
    let merged = merge(Some(base), a, b).plan;
    assert_eq!(merged.profile.strengths.len(), 1);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(
        merged.conflicts[0].describe(&merged),
        "the profile: strength “Writing” evidence"
    );
}
