//! Bringing a plan written by an older goalcoach up to the format this one writes. Runs in
//! memory right after parsing; the store keeps the original file as a backup before the
//! first save (see docs/data-format.md, "Versioning").

use crate::model::{Num, Plan};

/// Version 1 had one number per item, its `id`, counted by `next_id`. Version 2 keeps that
/// number as the item's identity (so every reference still holds) and as its short number
/// `num`; new items get random ids, so copies on two devices never hand out the same one.
pub fn from_v1(plan: &mut Plan) {
    let counter = plan.extra.remove("next_id").and_then(|v| v.as_u64());
    for goal in &mut plan.goals {
        goal.num = Num(goal.id.0);
        for s in &mut goal.steps {
            s.num = Num(s.id.0);
        }
        for m in &mut goal.milestones {
            m.num = Num(m.id.0);
            for s in &mut m.steps {
                s.num = Num(s.id.0);
            }
        }
    }
    if let Some(next) = counter {
        plan.next_num = plan.next_num.max(next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ItemId;

    #[test]
    fn a_version_1_plan_keeps_its_ids_and_shows_them_as_numbers() {
        let json = r#"{"schema_version":1,"next_id":9,"goals":[{"id":3,"title":"g",
            "milestones":[{"id":4,"title":"m","steps":[{"id":5,"title":"s"}]}],
            "steps":[{"id":6,"title":"t"}]}]}"#;
        let mut plan: Plan = serde_json::from_str(json).unwrap();
        from_v1(&mut plan);
        let g = &plan.goals[0];
        assert_eq!((g.id, g.num), (ItemId(3), Num(3)));
        assert_eq!(g.milestones[0].steps[0].num, Num(5));
        assert_eq!(g.steps[0].num, Num(6));
        assert_eq!(plan.next_num, 9);
        assert!(!plan.extra.contains_key("next_id"));
    }
}
