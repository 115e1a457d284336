//! The goal tree's part of the merge: every item matched by id across the three copies,
//! kept, dropped or merged field by field, then hung back in place in a merged order.

use super::flat::{self, Entry, Flat, ListKey};
use super::report::{Report, count};
use super::{clash_sink, merge_record};
use crate::model::Goal;
use crate::model::conflict::{Conflict, ConflictKind};
use crate::model::ids::{BuildIdHasher, ItemId, MAX_ID, RANDOM_FROM};
use crate::model::ops::Node;
use std::collections::{HashMap, HashSet};

/// The three trees taken apart, side by side on the cores there are.
pub(super) fn flatten_all(
    base: Vec<Goal>,
    ours: Vec<Goal>,
    theirs: Vec<Goal>,
) -> (Flat, Flat, Flat) {
    std::thread::scope(|scope| {
        let b = scope.spawn(move || Flat::of(base));
        let t = scope.spawn(move || Flat::of(theirs));
        let o = Flat::of(ours);
        let join = |h: std::thread::ScopedJoinHandle<'_, Flat>| {
            h.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        };
        (join(b), o, join(t))
    })
}

/// Ids that name two different items: theirs gets an id of its own, with everything under
/// it, so that neither is dropped. Two items are different when their kinds differ (a goal
/// here, a step there, or a kind that changed since the base), and when both sides added an
/// item under the same counted (pre-schema-2) id with other content, as devices did before
/// ids were random. Without a base, counted twins split only when the title or the place
/// differs: the same item edited on one side stays one item with its fields to choose.
/// Returns how many items were given new ids.
pub(super) fn split_clashing_ids(fb: &Flat, fo: &Flat, ft: &mut Flat, two_way: bool) -> usize {
    let clashing: Vec<ItemId> = ft
        .order
        .iter()
        .copied()
        .filter(|id| {
            let theirs = &ft.items[id];
            let kind_differs =
                |other: Option<&Entry>| other.is_some_and(|o| o.node.kind() != theirs.node.kind());
            let ours = fo.items.get(id);
            kind_differs(ours)
                || (ours.is_none() && kind_differs(fb.items.get(id)))
                || is_counted_twin(*id, fb, ours, theirs, two_way)
        })
        .collect();
    for old in &clashing {
        let new = unused_id(*old, fb, fo, ft);
        ft.rename(*old, new);
    }
    clashing.len()
}

fn is_counted_twin(
    id: ItemId,
    fb: &Flat,
    ours: Option<&Entry>,
    theirs: &Entry,
    two_way: bool,
) -> bool {
    let Some(ours) = ours else { return false };
    if id.0 >= RANDOM_FROM || fb.items.contains_key(&id) || ours.node == theirs.node {
        return false;
    }
    !two_way || ours.parent != theirs.parent || ours.node.title() != theirs.node.title()
}

/// An id none of the three copies uses, drawn from `old` so a merge is repeatable.
fn unused_id(old: ItemId, fb: &Flat, fo: &Flat, ft: &Flat) -> ItemId {
    let mut candidate = old.0;
    loop {
        candidate = candidate
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(17);
        let id = ItemId(RANDOM_FROM + candidate % (MAX_ID - RANDOM_FROM));
        if !fo.items.contains_key(&id) && !ft.items.contains_key(&id) && !fb.items.contains_key(&id)
        {
            return id;
        }
    }
}

/// The merged tree: its items and lists.
pub(super) struct Tree {
    pub items: HashMap<ItemId, Entry, BuildIdHasher>,
    pub lists: HashMap<ListKey, Vec<ItemId>>,
}

pub(super) fn merge_tree(
    fb: &Flat,
    fo: &mut Flat,
    ft: &mut Flat,
    two_way: bool,
    conflicts: &mut Vec<Conflict>,
) -> (Tree, Report) {
    let (touched_o, touched_t) = std::thread::scope(|scope| {
        let theirs = scope.spawn(|| touched(fb, ft));
        let ours = touched(fb, fo);
        let theirs = theirs
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (ours, theirs)
    });
    let mut ours = std::mem::take(&mut fo.items);
    let mut theirs = std::mem::take(&mut ft.items);
    let mut items: HashMap<ItemId, Entry, BuildIdHasher> =
        HashMap::with_capacity_and_hasher(ours.len() + theirs.len() / 64, BuildIdHasher::default());
    let mut revived: HashSet<ItemId, BuildIdHasher> = HashSet::default();
    let mut other_parents: HashMap<ItemId, Option<ItemId>, BuildIdHasher> = HashMap::default();
    let mut report = Report::default();
    let mut all: Vec<ItemId> = fo.order.clone();
    all.extend(ft.order.iter().filter(|id| !ours.contains_key(id)));
    for id in &all {
        let b = if two_way { None } else { fb.items.get(id) };
        let (entry, changed) = match (ours.remove(id), theirs.remove(id)) {
            (Some(o), Some(t)) => {
                if o.parent != t.parent {
                    other_parents.insert(*id, t.parent);
                }
                let ours_parent = o.parent;
                let (merged, fields_changed) = merge_entry(*id, b, o, t, conflicts);
                let changed = fields_changed || merged.parent != ours_parent;
                (Some(merged), changed)
            }
            (Some(o), None) => {
                let kept = keep_one_sided(*id, b, o, &touched_o, &mut revived, conflicts);
                report.removed += usize::from(kept.is_none());
                (kept, false)
            }
            (None, Some(t)) => (
                keep_one_sided(*id, b, t, &touched_t, &mut revived, conflicts),
                true,
            ),
            (None, None) => (None, false),
        };
        if let Some(e) = entry {
            if changed {
                count(&mut report, e.node.kind());
            }
            items.insert(*id, e);
        }
    }
    reattach_orphans(&mut items, &other_parents);
    let lists = merge_lists_of(&items, &all, fb, fo, ft);
    (Tree { items, lists }, report)
}

/// The ids `side` added or changed since `base`, with every item above them.
fn touched(base: &Flat, side: &Flat) -> HashSet<ItemId, BuildIdHasher> {
    let mut out: HashSet<ItemId, BuildIdHasher> = HashSet::default();
    for (id, entry) in &side.items {
        if base.items.get(id) != Some(entry) {
            let mut at = Some(*id);
            while let Some(cur) = at {
                if !out.insert(cur) {
                    break;
                }
                at = side.items.get(&cur).and_then(|e| e.parent);
            }
        }
    }
    out
}

/// An item only one side still has: new there (kept), or deleted by the other side. Then it
/// is kept, with all it holds, when this side changed it or anything under it, and flagged
/// once (on the topmost item kept that way); else it is gone. Parents come before children.
fn keep_one_sided(
    id: ItemId,
    base: Option<&Entry>,
    entry: Entry,
    touched: &HashSet<ItemId, BuildIdHasher>,
    revived: &mut HashSet<ItemId, BuildIdHasher>,
    conflicts: &mut Vec<Conflict>,
) -> Option<Entry> {
    if base.is_none() {
        return Some(entry);
    }
    let under_revived = entry.parent.is_some_and(|p| revived.contains(&p));
    if !under_revived && !touched.contains(&id) {
        return None;
    }
    revived.insert(id);
    if !under_revived {
        conflicts.push(Conflict {
            item: Some(id),
            kind: ConflictKind::DeletedElsewhere,
            ..Conflict::default()
        });
    }
    Some(entry)
}

/// The merged item and whether its fields differ from ours.
fn merge_entry(
    id: ItemId,
    base: Option<&Entry>,
    ours: Entry,
    theirs: Entry,
    conflicts: &mut Vec<Conflict>,
) -> (Entry, bool) {
    let parent = if ours.parent == theirs.parent || base.map(|b| b.parent) != Some(ours.parent) {
        ours.parent
    } else {
        theirs.parent
    };
    let b = base.map(|b| &b.node);
    if ours.node == theirs.node || b == Some(&theirs.node) {
        return (
            Entry {
                parent,
                node: ours.node,
            },
            false,
        );
    }
    if b == Some(&ours.node) {
        return (
            Entry {
                parent,
                node: theirs.node,
            },
            true,
        );
    }
    let mut sink = clash_sink(conflicts, Some(id), None);
    let ours_node = ours.node.clone();
    let node = match (ours.node, theirs.node) {
        (Node::Goal(o), Node::Goal(t)) => {
            let b = b.and_then(|n| match n {
                Node::Goal(g) => Some(&**g),
                _ => None,
            });
            Node::Goal(Box::new(merge_record(b, &*o, &*t, &mut sink)))
        }
        (Node::Milestone(o), Node::Milestone(t)) => {
            let b = b.and_then(|n| match n {
                Node::Milestone(m) => Some(&**m),
                _ => None,
            });
            Node::Milestone(Box::new(merge_record(b, &*o, &*t, &mut sink)))
        }
        (Node::Step(o), Node::Step(t)) => {
            let b = b.and_then(|n| match n {
                Node::Step(s) => Some(&**s),
                _ => None,
            });
            Node::Step(Box::new(merge_record(b, &*o, &*t, &mut sink)))
        }
        (o, _) => o,
    };
    let changed = node != ours_node;
    (Entry { parent, node }, changed)
}

/// An item whose parent did not make it hangs under the parent it had on the other side
/// (it can only happen with a hand-edited file); with none, it is left out.
fn reattach_orphans(
    items: &mut HashMap<ItemId, Entry, BuildIdHasher>,
    other_parents: &HashMap<ItemId, Option<ItemId>, BuildIdHasher>,
) {
    let orphans: Vec<ItemId> = items
        .iter()
        .filter(|(_, e)| e.parent.is_some_and(|p| !items.contains_key(&p)))
        .map(|(id, _)| *id)
        .collect();
    for id in orphans {
        let other = other_parents
            .get(&id)
            .copied()
            .flatten()
            .filter(|p| items.contains_key(p));
        match other {
            Some(p) => {
                if let Some(e) = items.get_mut(&id) {
                    e.parent = Some(p);
                }
            }
            None => {
                items.remove(&id);
            }
        }
    }
}

fn merge_lists_of<'a>(
    items: &HashMap<ItemId, Entry, BuildIdHasher>,
    all: &[ItemId],
    fb: &'a Flat,
    fo: &'a Flat,
    ft: &'a Flat,
) -> HashMap<ListKey, Vec<ItemId>> {
    let mut members: HashMap<ListKey, Vec<ItemId>> = HashMap::with_capacity(fo.lists.len());
    for id in all {
        if let Some(e) = items.get(id) {
            members
                .entry((e.parent, e.node.kind()))
                .or_default()
                .push(*id);
        }
    }
    let list = |flat: &'a Flat, key: &ListKey| -> &'a [ItemId] {
        flat.lists.get(key).map_or(&[], Vec::as_slice)
    };
    members
        .into_iter()
        .map(|(key, ids)| {
            let order = flat::merge_order(list(fb, &key), list(fo, &key), list(ft, &key), &ids);
            (key, order)
        })
        .collect()
}
