//! Turning a profile edit — "the profile before" and "the profile after", as a form or a
//! screen made it — into the ops that change just the entries that changed (`PutEntry`,
//! `RemoveEntry`), and what to call a one-entry change for undo.

use super::Op;
use super::entries::{Entry, LISTS, Listed, ids, noun, repair, with_list};
use super::profile::{Profile, Section};

/// The ops that make `before` into `after` (whose entries without ids get them here), and,
/// when they touch one entry, what to call the change ("delete strength “Writing”"). When
/// anything besides the lists changed (the role, SWOT, the journey), the op replaces the
/// profile.
pub fn edits(before: &Profile, after: &mut Profile) -> (Op, Option<String>) {
    repair(after);
    let ids_missing = LISTS.into_iter().any(|s| ids(before, s).contains(&0));
    if ids_missing || rest(before) != rest(after) {
        return (Op::SetProfile(Box::new(after.clone())), None);
    }
    let mut ops = Vec::new();
    let mut named = Vec::new();
    for section in LISTS {
        let old = entries_of(before, section);
        let found = with_list!(after, section, list => diff(section, old, list), Vec::new());
        for (op, name, words) in found {
            named.push(format!("{words} {} “{name}”", noun(section)));
            ops.push(op);
        }
    }
    let label = (named.len() == 1).then(|| named.remove(0));
    let op = match ops.len() {
        1 => ops.remove(0),
        _ => Op::Batch(ops),
    };
    (op, label)
}

/// The entries of a section's list, as `Entry` values.
fn entries_of(profile: &Profile, section: Section) -> Vec<Entry> {
    with_list!(profile, section, list => list.iter().cloned().map(Listed::wrap).collect(), Vec::new())
}

/// The profile without its lists, to see whether anything else changed.
fn rest(profile: &Profile) -> Profile {
    let mut rest = profile.clone();
    for section in LISTS {
        with_list!(rest, section, mut list => list.clear(), ());
    }
    rest
}

/// One list's ops, each with the entry's name and what was done ("add", "edit", "delete").
fn diff<T: Listed>(
    section: Section,
    before: Vec<Entry>,
    after: &[T],
) -> Vec<(Op, String, &'static str)> {
    let before: Vec<T> = before.into_iter().filter_map(T::unwrap).collect();
    let mut ops = Vec::new();
    for b in &before {
        if !after.iter().any(|a| a.id() == b.id()) {
            let op = Op::RemoveEntry {
                section,
                id: b.id(),
            };
            ops.push((op, b.name().to_string(), "delete"));
        }
    }
    let mut now: Vec<u64> = before
        .iter()
        .map(Listed::id)
        .filter(|id| after.iter().any(|a| a.id() == *id))
        .collect();
    for (i, a) in after.iter().enumerate() {
        let at = now.iter().position(|&id| id == a.id());
        let old = before.iter().find(|b| b.id() == a.id());
        if at == Some(i) && old == Some(a) {
            continue;
        }
        if let Some(p) = at {
            now.remove(p);
        }
        now.insert(i.min(now.len()), a.id());
        let words = match old {
            None => "add",
            Some(o) if o == a => "move",
            Some(_) => "edit",
        };
        let op = Op::PutEntry {
            section,
            at: i,
            entry: Box::new(a.clone().wrap()),
        };
        ops.push((op, a.name().to_string(), words));
    }
    ops
}
