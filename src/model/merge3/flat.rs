//! A plan's goal tree taken apart for merging: every item on its own (children taken out),
//! with its parent, and the order of each list of siblings; and put back together.

use crate::model::Goal;
use crate::model::ids::{BuildIdHasher, ItemId};
use crate::model::items::ItemKind;
use crate::model::ops::Node;
use std::collections::{HashMap, HashSet};

/// One item without its children, and where it hangs.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub parent: Option<ItemId>,
    pub node: Node,
}

/// A list of siblings: the goals (`None`), a goal's milestones or steps, a milestone's steps.
pub type ListKey = (Option<ItemId>, ItemKind);

/// The items of a tree by id, and each list of siblings in order.
#[derive(Clone, Debug, Default)]
pub struct Flat {
    pub items: HashMap<ItemId, Entry, BuildIdHasher>,
    pub lists: HashMap<ListKey, Vec<ItemId>>,
    /// Every id, in tree order (goal, its milestones with their steps, its steps).
    pub order: Vec<ItemId>,
}

impl Flat {
    /// Takes `goals` apart.
    pub fn of(goals: Vec<Goal>) -> Flat {
        let count: usize = goals
            .iter()
            .map(|g| 1 + g.milestones.len() + g.all_steps().count())
            .sum();
        let mut flat = Flat {
            items: HashMap::with_capacity_and_hasher(count, BuildIdHasher::default()),
            lists: HashMap::with_capacity(goals.len() * 2),
            order: Vec::with_capacity(count),
        };
        for mut goal in goals {
            let gid = goal.id;
            let milestones = std::mem::take(&mut goal.milestones);
            let steps = std::mem::take(&mut goal.steps);
            flat.put(None, Node::Goal(Box::new(goal)));
            for mut m in milestones {
                let mid = m.id;
                let m_steps = std::mem::take(&mut m.steps);
                flat.put(Some(gid), Node::Milestone(Box::new(m)));
                for s in m_steps {
                    flat.put(Some(mid), Node::Step(Box::new(s)));
                }
            }
            for s in steps {
                flat.put(Some(gid), Node::Step(Box::new(s)));
            }
        }
        flat
    }

    fn put(&mut self, parent: Option<ItemId>, node: Node) {
        let id = node.id();
        self.lists
            .entry((parent, node.kind()))
            .or_default()
            .push(id);
        self.order.push(id);
        self.items.insert(id, Entry { parent, node });
    }

    /// Gives the item `old` the id `new`, and its children their new parent.
    pub fn rename(&mut self, old: ItemId, new: ItemId) {
        let Some(mut entry) = self.items.remove(&old) else {
            return;
        };
        set_node_id(&mut entry.node, new);
        if let Some(list) = self.lists.get_mut(&(entry.parent, entry.node.kind())) {
            list.iter_mut()
                .filter(|id| **id == old)
                .for_each(|id| *id = new);
        }
        self.items.insert(new, entry);
        self.order
            .iter_mut()
            .filter(|id| **id == old)
            .for_each(|id| *id = new);
        for kind in [ItemKind::Milestone, ItemKind::Step] {
            if let Some(children) = self.lists.remove(&(Some(old), kind)) {
                for child in &children {
                    if let Some(e) = self.items.get_mut(child) {
                        e.parent = Some(new);
                    }
                }
                self.lists.insert((Some(new), kind), children);
            }
        }
    }
}

fn set_node_id(node: &mut Node, id: ItemId) {
    match node {
        Node::Goal(g) => g.id = id,
        Node::Milestone(m) => m.id = id,
        Node::Step(s) => s.id = id,
    }
}

/// Puts a tree back together from its items and lists; items no list names are left out.
pub fn rebuild(
    mut items: HashMap<ItemId, Entry, BuildIdHasher>,
    lists: &HashMap<ListKey, Vec<ItemId>>,
) -> Vec<Goal> {
    let children = |key: ListKey| lists.get(&key).map(Vec::as_slice).unwrap_or(&[]);
    let mut goals = Vec::new();
    for gid in children((None, ItemKind::Goal)) {
        let Some(Entry {
            node: Node::Goal(goal),
            ..
        }) = items.remove(gid)
        else {
            continue;
        };
        let mut goal = *goal;
        for mid in children((Some(*gid), ItemKind::Milestone)) {
            if let Some(Entry {
                node: Node::Milestone(m),
                ..
            }) = items.remove(mid)
            {
                let mut m = *m;
                m.steps = take_steps(&mut items, children((Some(*mid), ItemKind::Step)));
                goal.milestones.push(m);
            }
        }
        goal.steps = take_steps(&mut items, children((Some(*gid), ItemKind::Step)));
        goals.push(goal);
    }
    goals
}

fn take_steps(
    items: &mut HashMap<ItemId, Entry, BuildIdHasher>,
    ids: &[ItemId],
) -> Vec<crate::model::ActionStep> {
    ids.iter()
        .filter_map(|id| match items.remove(id) {
            Some(Entry {
                node: Node::Step(s),
                ..
            }) => Some(*s),
            _ => None,
        })
        .collect()
}

/// The order of one list of siblings after a merge: `members` are the ids that end up in
/// it. When only theirs reordered the items both sides and the base share, theirs' order
/// leads; otherwise ours. Items the leading side lacks go in after the item they followed
/// on their own side (after what the leading side itself added there), or first; items that
/// came from another list go last.
pub fn merge_order(
    base: &[ItemId],
    ours: &[ItemId],
    theirs: &[ItemId],
    members: &[ItemId],
) -> Vec<ItemId> {
    let untouched = ours == members && (theirs == ours || theirs == base);
    if untouched {
        return members.to_vec();
    }
    let set =
        |list: &[ItemId]| -> HashSet<ItemId, BuildIdHasher> { list.iter().copied().collect() };
    let (in_base, in_members) = (set(base), set(members));
    let (lead, follow) = if reordered(base, theirs, &in_base) && !reordered(base, ours, &in_base) {
        (theirs, ours)
    } else {
        (ours, theirs)
    };
    let in_follow = set(follow);
    let mut out: Vec<ItemId> = lead
        .iter()
        .copied()
        .filter(|id| in_members.contains(id))
        .collect();
    let mut placed = set(&out);
    for (i, id) in follow.iter().enumerate() {
        if !in_members.contains(id) || placed.contains(id) {
            continue;
        }
        let after = follow[..i]
            .iter()
            .rev()
            .filter(|p| placed.contains(*p))
            .find_map(|p| out.iter().position(|o| o == p));
        let mut at = after.map_or(0, |at| at + 1);
        while out
            .get(at)
            .is_some_and(|next| !in_follow.contains(next) && !in_base.contains(next))
        {
            at += 1;
        }
        out.insert(at, *id);
        placed.insert(*id);
    }
    for id in members {
        if placed.insert(*id) {
            out.push(*id);
        }
    }
    out
}

/// Whether `side` put the items it shares with `base` in another order.
fn reordered(base: &[ItemId], side: &[ItemId], in_base: &HashSet<ItemId, BuildIdHasher>) -> bool {
    let in_side: HashSet<ItemId, BuildIdHasher> = side.iter().copied().collect();
    let common_b = base.iter().filter(|id| in_side.contains(id));
    let common_s = side.iter().filter(|id| in_base.contains(id));
    !common_b.eq(common_s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[u64]) -> Vec<ItemId> {
        list.iter().map(|&n| ItemId(n)).collect()
    }

    #[test]
    fn additions_follow_their_neighbour_and_a_one_sided_reorder_wins() {
        let base = ids(&[1, 2, 3]);
        let ours = ids(&[1, 2, 4, 3]);
        let theirs = ids(&[3, 2, 1, 5]);
        let members = ids(&[1, 2, 3, 4, 5]);
        assert_eq!(
            merge_order(&base, &ours, &theirs, &members),
            ids(&[3, 2, 4, 1, 5]),
            "theirs reordered, ours only added: theirs' order, ours' 4 after 2"
        );
        let ours = ids(&[2, 1, 3]);
        assert_eq!(
            merge_order(&base, &ours, &theirs, &ids(&[1, 2, 3, 5])),
            ids(&[2, 1, 5, 3]),
            "both reordered: ours, theirs' 5 after 1 as it was there"
        );
    }
}
