//! Settling what a merge left: a conflict in words for a person (which item, which field,
//! both values), the list `goalcoach list` shows, and choosing a side, as an ordinary
//! undoable edit.

use super::Plan;
use super::conflict::{Choice, Conflict, ConflictKind};

use super::ops::{Node, Op, OpError};
use serde::Serialize;
use serde_json::Value;

impl Conflict {
    /// What the conflict is about, for a person: "goal #3 “Speak” — title".
    pub fn describe(&self, plan: &Plan) -> String {
        let place = match (&self.item, &self.review) {
            (Some(id), _) => match plan.locate(*id) {
                Some(loc) => format!(
                    "{} {} \u{201c}{}\u{201d}",
                    loc.kind().label(),
                    plan.num_at(loc),
                    plan.title_at(loc)
                ),
                None => "an item no longer in the plan".to_string(),
            },
            (None, Some(week)) => format!("the review of {week}"),
            (None, None) => "the profile".to_string(),
        };
        match self.kind {
            ConflictKind::BothChanged => format!("{place}: {}", self.field_words(plan)),
            ConflictKind::DeletedElsewhere => {
                format!("{place}: deleted on one device, changed on the other")
            }
        }
    }

    /// The field in words: "title", "measure “Direct reports” current".
    fn field_words(&self, plan: &Plan) -> String {
        let mut parts = self.field.split('.');
        if let (Some("measures"), Some(id)) = (parts.next(), parts.next()) {
            let name = self
                .item
                .and_then(|item| plan.goal(item))
                .and_then(|g| g.measures.iter().find(|m| Some(m.id) == id.parse().ok()))
                .map_or("(deleted)".to_string(), |m| m.label().to_string());
            let rest: Vec<&str> = parts.collect();
            return format!("measure \u{201c}{name}\u{201d} {}", rest.join(" "));
        }
        if self.item.is_none()
            && self.review.is_none()
            && let Some(words) = super::entries::field_words(&plan.profile, &self.field)
        {
            return words;
        }
        self.field.replace('.', " ")
    }
}

/// A value as one short line for a person: text as it is, anything else as compact JSON.
pub fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => "(nothing)".to_string(),
        other => other.to_string(),
    }
}

/// The open conflicts as text for `goalcoach list`: what each is about and both values;
/// `key` is the app's key for choosing.
pub fn listing(plan: &Plan, key: &str, here: &str) -> String {
    if plan.conflicts.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "\n{} from a merge (open goalcoach and press {key} on the Goals screen to choose):\n",
        super::text::plural(plan.conflicts.len(), "conflict")
    );
    for c in &plan.conflicts {
        out.push_str(&format!("  {}\n", c.describe(plan)));
        if c.kind == ConflictKind::BothChanged {
            let sides = c.sides(here);
            let kept = format!("{} (in place):", sides.kept);
            let other = format!("{}:", sides.other);
            let width = kept.chars().count().max(other.chars().count());
            for (who, value) in [(kept, &c.kept), (other, &c.other)] {
                out.push_str(&format!("    {who:<width$} {}\n", value_text(value)));
            }
        }
    }
    out
}

/// The edit that settles conflict `index` with `choice`: the chosen value put in place (or
/// the item deleted) and the conflict taken off the list.
pub fn choose(plan: &Plan, index: usize, choice: Choice) -> Result<Op, OpError> {
    let conflict = plan.conflicts.get(index).ok_or(OpError::NoSuchConflict)?;
    let mut rest = plan.conflicts.clone();
    rest.remove(index);
    let mut ops = Vec::new();
    if choice == Choice::Other {
        ops.push(take_other(plan, conflict)?);
    }
    ops.push(Op::SetConflicts(rest));
    Ok(Op::Batch(ops))
}

/// The edit that puts the other value in place, refused when that value is out of range
/// (a hand-edited conflict list must not bring into the plan what a form would refuse).
fn take_other(plan: &Plan, conflict: &Conflict) -> Result<Op, OpError> {
    let op = other_value_op(plan, conflict)?;
    let mut probe = Plan::default();
    match &op {
        Op::Update { node } => {
            let mut holder = super::Goal::default();
            match node {
                Node::Goal(g) => holder = (**g).clone(),
                Node::Milestone(m) => holder.milestones.push((**m).clone()),
                Node::Step(s) => holder.steps.push((**s).clone()),
            }
            probe.goals.push(holder);
        }
        Op::PutReview(review) => probe.reviews.push((**review).clone()),
        Op::SetProfile(profile) => probe.profile = (**profile).clone(),
        Op::PutEntry { section, at, entry } => {
            let _ = super::entries::put(&mut probe.profile, *section, *at, (**entry).clone());
        }
        _ => {}
    }
    match super::check::problems(&probe).into_iter().next() {
        Some(problem) => Err(OpError::OutOfRange(problem)),
        None => Ok(op),
    }
}

fn other_value_op(plan: &Plan, conflict: &Conflict) -> Result<Op, OpError> {
    let path: Vec<&str> = conflict.field.split('.').collect();
    match (&conflict.item, &conflict.review, conflict.kind) {
        (Some(id), _, ConflictKind::DeletedElsewhere) => Ok(Op::Remove { id: *id }),
        (Some(id), _, ConflictKind::BothChanged) => {
            let loc = plan.locate(*id).ok_or(OpError::NotFound(*id))?;
            let node = match loc {
                super::Loc::Goal(g) => Node::Goal(Box::new(plan.goals[g].without_children())),
                super::Loc::Milestone(..) => Node::Milestone(Box::new(
                    plan.milestone_at(loc)
                        .map(|m| m.without_children())
                        .unwrap_or_default(),
                )),
                _ => Node::Step(Box::new(plan.step_at(loc).cloned().unwrap_or_default())),
            };
            let node = match node {
                Node::Goal(g) => Node::Goal(Box::new(with_value(&*g, &path, &conflict.other)?)),
                Node::Milestone(m) => {
                    Node::Milestone(Box::new(with_value(&*m, &path, &conflict.other)?))
                }
                Node::Step(s) => Node::Step(Box::new(with_value(&*s, &path, &conflict.other)?)),
            };
            Ok(Op::Update { node })
        }
        (None, Some(week), _) => {
            let review = plan
                .reviews
                .iter()
                .find(|r| &r.week == week)
                .ok_or_else(|| OpError::NoSuchReview(week.clone()))?;
            Ok(Op::PutReview(Box::new(with_value(
                review,
                &path,
                &conflict.other,
            )?)))
        }
        (None, None, _) => {
            let mut profile = with_value(&plan.profile, &path, &conflict.other)?;
            Ok(super::entry_edits::edits(&plan.profile, &mut profile).0)
        }
    }
}

/// A copy of `record` with the field at `path` set to `value`; refused when the result would
/// not read back (a hand-edited conflict list, say).
fn with_value<T>(record: &T, path: &[&str], value: &Value) -> Result<T, OpError>
where
    T: Serialize + serde::de::DeserializeOwned,
{
    let mut json = serde_json::to_value(record).map_err(|_| OpError::NoSuchConflict)?;
    let mut slot = &mut json;
    for key in path {
        slot = match slot {
            // A keyed list (a goal's measures): the element whose id the key is.
            Value::Array(list) => list
                .iter_mut()
                .find(|v| v.get("id").and_then(Value::as_u64) == key.parse().ok()),
            other => other.as_object_mut().and_then(|o| o.get_mut(*key)),
        }
        .ok_or(OpError::NoSuchConflict)?;
    }
    *slot = value.clone();
    let updated: T = serde_json::from_value(json).map_err(|_| OpError::NoSuchConflict)?;
    Ok(updated)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Goal;
    use crate::model::conflict::*;
    use chrono::NaiveDate;

    fn plan_with_conflict(field: &str, kept: Value, other: Value) -> Plan {
        let mut plan = Plan::default();
        let id = plan.new_id();
        let mut goal = Goal::new(id, "Speak", NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        goal.measures = vec![{
            let mut m = crate::model::Measure::new("Result", "talks", 0.0, 2.0);
            m.current = 1.0;
            m
        }];
        plan.goals.push(goal);
        crate::model::check::repair_ids(&mut plan);
        plan.conflicts.push(Conflict {
            item: Some(id),
            field: field.into(),
            kept,
            other,
            ..Conflict::default()
        });
        plan
    }

    #[test]
    fn choosing_the_other_value_puts_it_in_place_and_clears_the_conflict() {
        let mut plan = plan_with_conflict("title", "Speak".into(), "Give a talk".into());
        assert_eq!(
            plan.conflicts[0].describe(&plan),
            "goal #1 \u{201c}Speak\u{201d}: title"
        );
        let op = choose(&plan, 0, Choice::Other).unwrap();
        let undo = plan.apply(op).unwrap();
        assert_eq!(plan.goals[0].title, "Give a talk");
        assert!(plan.conflicts.is_empty());
        plan.apply(undo).unwrap();
        assert_eq!(plan.goals[0].title, "Speak");
        assert_eq!(plan.conflicts.len(), 1, "undo brings the question back");
    }

    #[test]
    fn a_nested_field_and_keeping_ours() {
        let mut plan = plan_with_conflict("measures.0.current", 1.0.into(), 2.0.into());
        let op = choose(&plan, 0, Choice::Other).unwrap();
        plan.apply(op).unwrap();
        assert_eq!(plan.goals[0].measures[0].current, 2.0);

        let mut plan = plan_with_conflict("title", "Speak".into(), "Talk".into());
        plan.apply(choose(&plan, 0, Choice::Kept).unwrap()).unwrap();
        assert_eq!(
            (plan.goals[0].title.as_str(), plan.conflicts.len()),
            ("Speak", 0)
        );
    }

    #[test]
    fn a_value_that_would_not_read_back_is_refused_and_nothing_changes() {
        let plan = plan_with_conflict("measures.0.current", 1.0.into(), "lots".into());
        assert_eq!(
            choose(&plan, 0, Choice::Other),
            Err(OpError::NoSuchConflict)
        );
    }

    #[test]
    fn a_value_out_of_range_is_refused() {
        let plan = plan_with_conflict("measures.0.current", 1.0.into(), 1e20.into());
        let refused = choose(&plan, 0, Choice::Other).unwrap_err();
        assert!(refused.to_string().contains("measure current"), "{refused}");
    }
}
