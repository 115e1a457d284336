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

/// Counters a person never types, settled without asking by the larger count: how often a
/// step was put off, how many occurrences went by undone.
const SETTLED_BY_MAX: [&str; 2] = ["reschedules", "missed"];

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
            if is_keyed(b) && is_keyed(o) && is_keyed(t) {
                Value::Array(merge_keyed(path, b, o, t, clashes))
            } else {
                Value::Array(merge_lists(b, o, t))
            }
        }
        (Value::Number(o), Value::Number(t)) if SETTLED_BY_MAX.contains(&last_key(path)) => {
            match (o.as_u64(), t.as_u64()) {
                (Some(a), Some(b)) if b > a => theirs.clone(),
                _ => ours.clone(),
            }
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

/// The last key of a dotted path (`measures.3.current` → `current`).
fn last_key(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
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

/// The key of an element of a keyed list: its numeric `id`.
fn key_of(v: &Value) -> Option<u64> {
    v.get("id").and_then(Value::as_u64)
}

/// Whether every element of `list` is an object with a numeric `id` (a goal's measures): such
/// lists merge element by element, like records, instead of as sets.
fn is_keyed(list: &[Value]) -> bool {
    list.iter().all(|v| v.is_object() && key_of(v).is_some())
}

/// A keyed list, element by element: one in both is merged field by field (its clashes at
/// `path.ID.field`); one only one side has was added there (kept) or removed on the other
/// side (dropped when the side that kept it left it as it was, else kept: an edit outweighs
/// a removal). Our order, then what only theirs has.
fn find(list: &[Value], k: Option<u64>) -> Option<&Value> {
    list.iter().find(|v| key_of(v) == k)
}

fn merge_keyed(
    path: &str,
    base: &[Value],
    ours: &[Value],
    theirs: &[Value],
    clashes: &mut Vec<Clash>,
) -> Vec<Value> {
    let mut out = Vec::new();
    for o in ours {
        let k = key_of(o);
        let b = find(base, k);
        match find(theirs, k) {
            Some(t) => {
                let at = format!("{path}.{}", k.unwrap_or_default());
                out.push(merge_at(&at, b, o, t, clashes));
            }
            None if b != Some(o) => out.push(o.clone()),
            None => {}
        }
    }
    for t in theirs {
        let k = key_of(t);
        if find(ours, k).is_none() && find(base, k) != Some(t) {
            out.push(t.clone());
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
    fn measures_merge_one_by_one_by_their_id() {
        let m = |id: u64, current: u64, target: u64| json!({"id": id, "current": current, "target": target});
        let base = json!({"measures": [m(1, 0, 5), m(2, 1, 10)]});
        // Here: measure 1 moved on, measure 2 deleted (unchanged here before). There: measure
        // 1's target moved, measure 2 untouched, measure 3 added.
        let ours = json!({"measures": [m(1, 2, 5)]});
        let theirs = json!({"measures": [m(1, 0, 4), m(2, 1, 10), m(3, 0, 1)]});
        let (v, clashes) = run(base.clone(), ours, theirs);
        assert_eq!(v, json!({"measures": [m(1, 2, 4), m(3, 0, 1)]}));
        assert!(clashes.is_empty());
        // Both changed measure 1's current value: a clash on that field, not two measures.
        let (v, clashes) = run(
            base,
            json!({"measures": [m(1, 2, 5), m(2, 1, 10)]}),
            json!({"measures": [m(1, 3, 5), m(2, 1, 10)]}),
        );
        assert_eq!(v["measures"].as_array().unwrap().len(), 2);
        assert_eq!(clashes[0].path, "measures.1.current");
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
