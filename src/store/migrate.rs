//! Bringing a plan written by an older goalcoach up to the format this one writes. Runs in
//! memory right after parsing; the store keeps the original file as a backup before the
//! first save (see docs/data-format.md, "Versioning").

use crate::model::{Measure, Num, Plan, Point};

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

/// Version 2 had at most one `measure` per goal, its values on the check-ins (`value`).
/// Version 3 holds a list of measures, each with its own values: the old measure becomes the
/// goal's one lagging measure (id 1, named after its unit), and each check-in's value a point
/// on it; the check-ins keep their confidence and notes.
pub fn from_v2(plan: &mut Plan) {
    for goal in &mut plan.goals {
        let old = goal.extra.remove("measure");
        let values: Vec<(chrono::NaiveDate, f64)> = goal
            .checkins
            .iter_mut()
            .filter_map(|c| {
                let v = c.extra.remove("value")?.as_f64()?;
                Some((c.date, v))
            })
            .collect();
        let Some(old) = old.filter(|v| v.is_object()) else {
            continue;
        };
        let Ok(mut m) = serde_json::from_value::<Measure>(old) else {
            continue;
        };
        m.id = 1;
        if m.name.trim().is_empty() {
            m.name = if m.unit.trim().is_empty() {
                "Result".to_string()
            } else {
                m.unit.clone()
            };
        }
        m.points = values
            .into_iter()
            .map(|(date, value)| Point { date, value })
            .collect();
        m.points.sort_by_key(|p| p.date);
        goal.measures.insert(0, m);
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

#[cfg(test)]
mod v2_tests {
    use super::*;

    #[test]
    fn a_version_2_measure_becomes_one_lagging_measure_with_its_values_and_notes_kept() {
        let json = r#"{"schema_version":2,"goals":[{"id":3,"title":"Get certified",
            "measure":{"unit":"certifications","start":0,"current":1,"target":2},
            "checkins":[{"date":"2026-11-10","value":1,"confidence":4,"note":"passed one"},
                        {"date":"2026-10-01","value":0,"confidence":3,"note":""}]},
            {"id":4,"title":"No measure","checkins":[{"date":"2026-11-01","confidence":2}]}]}"#;
        let mut plan: Plan = serde_json::from_str(json).unwrap();
        from_v2(&mut plan);
        let g = &plan.goals[0];
        assert_eq!(g.measures.len(), 1);
        let m = &g.measures[0];
        assert_eq!(
            (m.id, m.name.as_str(), m.leading),
            (1, "certifications", false)
        );
        assert_eq!((m.start, m.current, m.target), (0.0, 1.0, 2.0));
        let days: Vec<_> = m
            .points
            .iter()
            .map(|p| (p.date.to_string(), p.value))
            .collect();
        assert_eq!(
            days,
            [
                ("2026-10-01".to_string(), 0.0),
                ("2026-11-10".to_string(), 1.0)
            ]
        );
        assert_eq!(g.checkins[0].note, "passed one");
        assert!(g.checkins.iter().all(|c| c.extra.is_empty()));
        assert!(g.extra.is_empty());
        assert!(plan.goals[1].measures.is_empty());
        let saved = serde_json::to_string(&plan).unwrap();
        assert!(!saved.contains("\"measure\""), "{saved}");
        assert!(!saved.contains("\"value\":1,\"confidence\""), "{saved}");
    }
}
