//! The three-way merge of one record's fields, on their JSON form so that every field (and
//! every field a newer goalcoach added) is merged by the same rules: a value changed on one
//! side is taken; objects merge key by key; lists merge as sets (what one side removed goes,
//! what either side added stays, in our order, then theirs); a value both sides changed
//! differently stays ours, and theirs is handed back as a conflict.

use serde_json::{Map, Value};

/// A field both sides changed differently: its path, our value and theirs.
#[derive(Clone, Debug, PartialEq)]
pub struct Clash {
    pub path: String,
    pub ours: Value,
    pub theirs: Value,
}

/// Fields whose disagreement is settled without asking: the short number (repaired after the
/// merge if two items share one).
const SETTLED_AS_OURS: [&str; 1] = ["num"];

/// Merges `ours` and `theirs`, which both came from `base` (`None`: they share no history).
pub fn merge(
    base: Option<&Value>,
    ours: &Value,
    theirs: &Value,
    clashes: &mut Vec<Clash>,
) -> Value {
    merge_at("", base, ours, theirs, clashes)
}

fn merge_at(
    path: &str,
    base: Option<&Value>,
    ours: &Value,
    theirs: &Value,
    clashes: &mut Vec<Clash>,
) -> Value {
    if ours == theirs || base == Some(theirs) {
        return ours.clone();
    }
    if base == Some(ours) {
        return theirs.clone();
    }
    match (ours, theirs) {
        (Value::Object(o), Value::Object(t)) => {
            let b = base.and_then(Value::as_object);
            Value::Object(merge_objects(path, b, o, t, clashes))
        }
        (Value::Array(o), Value::Array(t)) => {
            let empty = Vec::new();
            let b = base.and_then(Value::as_array).unwrap_or(&empty);
            Value::Array(merge_lists(b, o, t))
        }
        _ => {
            if !SETTLED_AS_OURS.contains(&path) {
                clashes.push(Clash {
                    path: path.to_string(),
                    ours: ours.clone(),
                    theirs: theirs.clone(),
                });
            }
            ours.clone()
        }
    }
}

fn merge_objects(
    path: &str,
    base: Option<&Map<String, Value>>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
    clashes: &mut Vec<Clash>,
) -> Map<String, Value> {
    let mut out = Map::new();
    let keys = ours
        .keys()
        .chain(theirs.keys().filter(|k| !ours.contains_key(*k)));
    for key in keys {
        let b = base.and_then(|b| b.get(key));
        let child = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        let merged = match (ours.get(key), theirs.get(key)) {
            (Some(o), Some(t)) => Some(merge_at(&child, b, o, t, clashes)),
            // A key only one side has: added there (keep) or removed there (drop if the
            // other side left it as it was).
            (Some(o), None) => (b != Some(o)).then(|| o.clone()),
            (None, Some(t)) => (b != Some(t)).then(|| t.clone()),
            (None, None) => None,
        };
        if let Some(v) = merged {
            out.insert(key.clone(), v);
        }
    }
    out
}

/// Lists as sets: ours without what theirs removed, then what theirs added.
pub fn merge_lists(base: &[Value], ours: &[Value], theirs: &[Value]) -> Vec<Value> {
    let mut out: Vec<Value> = ours
        .iter()
        .filter(|v| !base.contains(v) || theirs.contains(v))
        .cloned()
        .collect();
    for v in theirs {
        if !base.contains(v) && !ours.contains(v) && !out.contains(v) {
            out.push(v.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(base: Value, ours: Value, theirs: Value) -> (Value, Vec<Clash>) {
        let mut clashes = Vec::new();
        let v = merge(Some(&base), &ours, &theirs, &mut clashes);
        (v, clashes)
    }

    #[test]
    fn one_sided_changes_are_taken_from_either_side() {
        let base = json!({"title": "a", "notes": "n", "due": null});
        let ours = json!({"title": "A", "notes": "n", "due": null});
        let theirs = json!({"title": "a", "notes": "N", "due": "2026-12-01"});
        let (v, clashes) = run(base, ours, theirs);
        assert_eq!(v, json!({"title": "A", "notes": "N", "due": "2026-12-01"}));
        assert!(clashes.is_empty());
    }

    #[test]
    fn the_same_field_changed_twice_keeps_ours_and_hands_back_theirs() {
        let base = json!({"measure": {"current": 1, "target": 5}});
        let ours = json!({"measure": {"current": 2, "target": 5}});
        let theirs = json!({"measure": {"current": 3, "target": 6}});
        let (v, clashes) = run(base, ours, theirs);
        assert_eq!(v, json!({"measure": {"current": 2, "target": 6}}));
        assert_eq!(
            clashes,
            [Clash {
                path: "measure.current".into(),
                ours: json!(2),
                theirs: json!(3)
            }]
        );
    }

    #[test]
    fn lists_keep_both_sides_additions_and_drop_one_sided_removals() {
        let base = json!({"tags": ["a", "b", "c"]});
        let ours = json!({"tags": ["a", "c", "x"]});
        let theirs = json!({"tags": ["a", "b", "y"]});
        let (v, clashes) = run(base, ours, theirs);
        assert_eq!(v, json!({"tags": ["a", "x", "y"]}));
        assert!(clashes.is_empty());
    }

    #[test]
    fn without_a_base_differences_are_clashes_and_lists_are_unions() {
        let mut clashes = Vec::new();
        let v = merge(
            None,
            &json!({"title": "a", "tags": ["x"]}),
            &json!({"title": "b", "tags": ["y"]}),
            &mut clashes,
        );
        assert_eq!(v, json!({"title": "a", "tags": ["x", "y"]}));
        assert_eq!(clashes.len(), 1);
    }
}
