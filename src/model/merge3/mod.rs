//! The three-way merge of two copies of one plan by id, the heart of using goalcoach on
//! several devices (`goalcoach merge`, `sync`, `import` of a copy, file-sync conflict
//! copies). Pure: the same three plans always give the same plan.
//!
//! Items added on either side are kept; a field changed on one side takes that change; a
//! field changed differently on both keeps ours in place and theirs in the plan's conflicts;
//! an item deleted on one side and changed on the other (or under it) is kept and flagged;
//! sibling order follows the side that reordered; check-ins, barriers, tags, reviews,
//! achievements and the other lists are merged as sets. Without a base (two copies with no
//! known common version) every difference is a conflict and nothing either side has is lost.

mod flat;
mod values;

use super::conflict::{Conflict, ConflictKind};
use super::ids::{BuildIdHasher, ItemId, RANDOM_FROM};
use super::items::ItemKind;
use super::ops::Node;
use super::text::plural;
use super::{Goal, Plan, SCHEMA_VERSION, WeeklyReview};
use flat::{Entry, Flat, ListKey};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use values::Clash;

/// The merged plan and what came in from the other side.
#[derive(Debug)]
pub struct Merged {
    pub plan: Plan,
    pub report: Report,
}

/// What the merge changed in our copy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub goals: usize,
    pub milestones: usize,
    pub steps: usize,
    /// Items of ours the other side deleted.
    pub removed: usize,
    pub reviews: usize,
    pub profile: bool,
    /// New conflicts to choose.
    pub conflicts: usize,
}

impl Report {
    /// "3 goals, 5 steps changed elsewhere; 1 conflict to choose".
    pub fn summary(&self) -> String {
        let what = self.what();
        let mut text = if what.is_empty() {
            "nothing changed elsewhere".to_string()
        } else {
            format!("{what} changed elsewhere")
        };
        if self.removed > 0 {
            let removed = plural(self.removed, "item");
            text.push_str(&format!(" ({removed} deleted there)"));
        }
        if self.conflicts > 0 {
            let conflicts = plural(self.conflicts, "conflict");
            text.push_str(&format!("; {conflicts} to choose"));
        }
        text
    }

    /// What changed, counted: "3 goals, 5 steps, the profile" (empty when nothing did).
    pub fn what(&self) -> String {
        let mut parts = Vec::new();
        for (n, what) in [
            (self.goals, "goal"),
            (self.milestones, "milestone"),
            (self.steps, "step"),
            (self.reviews, "review"),
        ] {
            if n > 0 {
                parts.push(plural(n, what));
            }
        }
        if self.profile {
            parts.push("the profile".to_string());
        }
        parts.join(", ")
    }

    /// Whether anything came in.
    pub fn is_empty(&self) -> bool {
        *self == Report::default()
    }
}

/// What changed from `before` to `after`, counted the way a merge reports it (for a commit
/// message or a summary of what a merge brought in).
pub fn changes(before: &Plan, after: &Plan) -> Report {
    let fb = Flat::of(before.goals.clone());
    let fa = Flat::of(after.goals.clone());
    let tree = Tree {
        items: fa.items,
        lists: fa.lists,
    };
    let new_conflicts = after
        .conflicts
        .iter()
        .filter(|c| !before.conflicts.contains(c))
        .count();
    Report {
        reviews: count_changed_reviews(&before.reviews, &after.reviews),
        profile: before.profile != after.profile,
        conflicts: new_conflicts,
        ..tree_report(&fb, &tree, Report::default())
    }
}

/// Merges `theirs` into `ours`; `base` is their last common version, when known.
pub fn merge(base: Option<Plan>, mut ours: Plan, mut theirs: Plan) -> Merged {
    let two_way = base.is_none();
    let mut base = base.unwrap_or_default();
    let (fb, mut fo, mut ft) = flatten_all(
        std::mem::take(&mut base.goals),
        std::mem::take(&mut ours.goals),
        std::mem::take(&mut theirs.goals),
    );
    if !two_way {
        split_counted_twins(&fb, &fo, &mut ft);
    }
    let mut conflicts = Vec::new();
    let (tree, tree_changes) = merge_tree(&fb, &mut fo, &mut ft, two_way, &mut conflicts);
    let reviews = merge_reviews(
        &base.reviews,
        &ours.reviews,
        &theirs.reviews,
        two_way,
        &mut conflicts,
    );
    let profile = merge_record(
        (!two_way).then_some(&base.profile),
        &ours.profile,
        &theirs.profile,
        &mut clash_sink(&mut conflicts, None, None),
    );
    let tree_changes = Report {
        reviews: count_changed_reviews(&ours.reviews, &reviews),
        profile: profile != ours.profile,
        ..tree_changes
    };
    let report = Report {
        conflicts: conflicts.len(),
        ..tree_changes
    };
    let mut plan = Plan {
        schema_version: SCHEMA_VERSION,
        uid: if ours.uid.is_empty() {
            theirs.uid.clone()
        } else {
            ours.uid.clone()
        },
        next_num: ours.next_num.max(theirs.next_num),
        goals: flat::rebuild(tree.items, &tree.lists),
        reviews,
        profile,
        conflicts: Vec::new(),
        extra: merge_extra(&base, &ours, &theirs, two_way),
        ids: ours.ids.clone(),
    };
    plan.conflicts = merge_conflict_lists(&base, &ours, &theirs, conflicts, &plan);
    let _ = plan.fix_ids();
    // The three inputs are spent; freeing 100,000 items takes long enough to do it aside.
    let spent = (fb, fo, ft, base, ours, theirs);
    if std::thread::Builder::new()
        .spawn(move || drop(spent))
        .is_err()
    {
        // No thread to be had: they are freed here, which is only slower.
    }
    Merged { plan, report }
}

/// The three trees taken apart, side by side on the cores there are.
fn flatten_all(base: Vec<Goal>, ours: Vec<Goal>, theirs: Vec<Goal>) -> (Flat, Flat, Flat) {
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

/// Items both sides added under the same counted (pre-schema-2) id with different content
/// were two items that collided before ids were random: theirs gets an id of its own.
fn split_counted_twins(fb: &Flat, fo: &Flat, ft: &mut Flat) {
    let twins: Vec<ItemId> = ft
        .order
        .iter()
        .copied()
        .filter(|id| id.0 < RANDOM_FROM && !fb.items.contains_key(id))
        .filter(|id| match (fo.items.get(id), ft.items.get(id)) {
            (Some(o), Some(t)) => o.node != t.node,
            _ => false,
        })
        .collect();
    for old in twins {
        let mut candidate = old.0;
        let new = loop {
            candidate = candidate
                .wrapping_mul(0x9E37_79B9_7F4A_7C15)
                .rotate_left(17);
            let id = ItemId(RANDOM_FROM + candidate % (super::ids::MAX_ID - RANDOM_FROM));
            if !fo.items.contains_key(&id)
                && !ft.items.contains_key(&id)
                && !fb.items.contains_key(&id)
            {
                break id;
            }
        };
        ft.rename(old, new);
    }
}

/// The merged tree: its items and lists.
struct Tree {
    items: HashMap<ItemId, Entry, BuildIdHasher>,
    lists: HashMap<ListKey, Vec<ItemId>>,
}

fn merge_tree(
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

fn count(report: &mut Report, kind: ItemKind) {
    match kind {
        ItemKind::Goal => report.goals += 1,
        ItemKind::Milestone => report.milestones += 1,
        ItemKind::Step => report.steps += 1,
    }
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

/// Turns clashes into conflicts about one item, review or the profile.
fn clash_sink<'a>(
    conflicts: &'a mut Vec<Conflict>,
    item: Option<ItemId>,
    review: Option<&'a str>,
) -> impl FnMut(Clash) + 'a {
    move |clash: Clash| {
        conflicts.push(Conflict {
            item,
            review: review.map(str::to_string),
            field: clash.path,
            kind: ConflictKind::BothChanged,
            kept: clash.ours,
            other: clash.theirs,
            ..Conflict::default()
        })
    }
}

/// Merges one record field by field through its JSON form; when the result would not read
/// back (it always should), ours is kept and theirs is handed back whole.
fn merge_record<T>(base: Option<&T>, ours: &T, theirs: &T, sink: &mut dyn FnMut(Clash)) -> T
where
    T: serde::Serialize + serde::de::DeserializeOwned + Clone + PartialEq,
{
    if ours == theirs || base == Some(theirs) {
        return ours.clone();
    }
    if base == Some(ours) {
        return theirs.clone();
    }
    let json = |v: &T| serde_json::to_value(v).unwrap_or(Value::Null);
    let (b, o, t) = (base.map(json), json(ours), json(theirs));
    let mut clashes = Vec::new();
    let merged = values::merge(b.as_ref(), &o, &t, &mut clashes);
    match serde_json::from_value(merged) {
        Ok(record) => {
            clashes.into_iter().for_each(&mut *sink);
            record
        }
        Err(_) => {
            sink(Clash {
                path: String::new(),
                ours: o,
                theirs: t,
            });
            ours.clone()
        }
    }
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

fn tree_report(fo: &Flat, tree: &Tree, mut report: Report) -> Report {
    for (id, entry) in &tree.items {
        if fo.items.get(id) != Some(entry) {
            match entry.node.kind() {
                ItemKind::Goal => report.goals += 1,
                ItemKind::Milestone => report.milestones += 1,
                ItemKind::Step => report.steps += 1,
            }
        }
    }
    report.removed = fo
        .items
        .keys()
        .filter(|id| !tree.items.contains_key(id))
        .count();
    report
}

/// Reviews by week: a week only one side has is kept (unless the other deleted it unchanged);
/// a week both have merges field by field.
fn merge_reviews(
    base: &[WeeklyReview],
    ours: &[WeeklyReview],
    theirs: &[WeeklyReview],
    two_way: bool,
    conflicts: &mut Vec<Conflict>,
) -> Vec<WeeklyReview> {
    let find = |list: &[WeeklyReview], week: &str| list.iter().find(|r| r.week == week).cloned();
    let mut weeks: Vec<&str> = ours.iter().chain(theirs).map(|r| r.week.as_str()).collect();
    weeks.sort_unstable();
    weeks.dedup();
    let mut out = Vec::new();
    for week in weeks {
        let b = if two_way { None } else { find(base, week) };
        let merged = match (find(ours, week), find(theirs, week)) {
            (Some(o), Some(t)) => {
                let mut sink = clash_sink(conflicts, None, Some(week));
                Some(merge_record(b.as_ref(), &o, &t, &mut sink))
            }
            (Some(one), None) | (None, Some(one)) => match &b {
                Some(b) if *b == one => None,
                _ => Some(one),
            },
            (None, None) => None,
        };
        out.extend(merged);
    }
    out
}

fn count_changed_reviews(ours: &[WeeklyReview], merged: &[WeeklyReview]) -> usize {
    merged
        .iter()
        .filter(|r| !ours.iter().any(|o| o == *r))
        .count()
}

fn merge_extra(base: &Plan, ours: &Plan, theirs: &Plan, two_way: bool) -> super::Extra {
    let as_value = |p: &Plan| Value::Object(p.extra.clone());
    let b = (!two_way).then(|| as_value(base));
    let mut ignored = Vec::new();
    match values::merge(b.as_ref(), &as_value(ours), &as_value(theirs), &mut ignored) {
        Value::Object(map) => map,
        _ => ours.extra.clone(),
    }
}

/// The conflicts both sides already had (merged as sets), then the new ones; each only while
/// what it is about is still in the plan.
fn merge_conflict_lists(
    base: &Plan,
    ours: &Plan,
    theirs: &Plan,
    new: Vec<Conflict>,
    plan: &Plan,
) -> Vec<Conflict> {
    let as_values = |list: &[Conflict]| -> Vec<Value> {
        list.iter()
            .filter_map(|c| serde_json::to_value(c).ok())
            .collect()
    };
    let kept = values::merge_lists(
        &as_values(&base.conflicts),
        &as_values(&ours.conflicts),
        &as_values(&theirs.conflicts),
    );
    let mut out: Vec<Conflict> = kept
        .into_iter()
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect();
    for c in new {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out.retain(|c| {
        c.item.is_none_or(|id| plan.locate(id).is_some())
            && c.review
                .as_ref()
                .is_none_or(|w| plan.reviews.iter().any(|r| &r.week == w))
    });
    out
}

#[cfg(test)]
mod tests;
