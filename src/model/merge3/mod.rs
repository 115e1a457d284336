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
mod report;
mod tree;
mod values;

use report::count_changed_reviews;
pub use report::{Report, changes};

use super::conflict::{Conflict, ConflictKind};
use super::ids::ItemId;
use super::{Plan, SCHEMA_VERSION, WeeklyReview};
use serde_json::Value;
use tree::{flatten_all, merge_tree, split_clashing_ids};
use values::Clash;

/// The merged plan and what came in from the other side.
#[derive(Debug)]
pub struct Merged {
    pub plan: Plan,
    pub report: Report,
}

/// Which device each side of a merge comes from, by sync name (empty when not known); the
/// conflicts the merge leaves carry them, so each device can say whose value is whose.
#[derive(Clone, Copy, Debug, Default)]
pub struct Devices<'a> {
    pub ours: &'a str,
    pub theirs: &'a str,
}

impl Devices<'_> {
    /// Writes the two sides' devices into conflicts this merge left.
    fn name(&self, conflicts: &mut [Conflict]) {
        for c in conflicts {
            c.kept_on = self.ours.to_string();
            c.other_on = self.theirs.to_string();
        }
    }
}

/// Merges `theirs` into `ours`; `base` is their last common version, when known.
pub fn merge(base: Option<Plan>, ours: Plan, theirs: Plan) -> Merged {
    merge_from(base, ours, theirs, Devices::default())
}

/// `merge`, with the devices the two sides come from written into the conflicts it leaves.
pub fn merge_from(
    base: Option<Plan>,
    mut ours: Plan,
    mut theirs: Plan,
    devices: Devices,
) -> Merged {
    let two_way = base.is_none();
    let mut base = base.unwrap_or_default();
    let (fb, mut fo, mut ft) = flatten_all(
        std::mem::take(&mut base.goals),
        std::mem::take(&mut ours.goals),
        std::mem::take(&mut theirs.goals),
    );
    let given_new_ids = split_clashing_ids(&fb, &fo, &mut ft, two_way);
    let mut conflicts = Vec::new();
    let (tree, tree_changes) = merge_tree(&fb, &mut fo, &mut ft, two_way, &mut conflicts);
    let reviews = merge_reviews(
        &base.reviews,
        &ours.reviews,
        &theirs.reviews,
        two_way,
        &mut conflicts,
    );
    let base_profile = (!two_way).then_some(&base.profile);
    let profile = merge_record(
        base_profile,
        &ours.profile,
        &theirs.profile,
        &mut clash_sink(&mut conflicts, None, None),
    );
    devices.name(&mut conflicts);
    let report = Report {
        reviews: count_changed_reviews(&ours.reviews, &reviews),
        profile: profile != ours.profile,
        conflicts: conflicts.len(),
        given_new_ids,
        ..tree_changes
    };
    let mut plan = Plan {
        schema_version: SCHEMA_VERSION,
        uid: shared_uid(&ours, &theirs),
        next_num: ours.next_num.max(theirs.next_num),
        goals: flat::rebuild(tree.items, &tree.lists),
        reviews,
        profile,
        conflicts: Vec::new(),
        revisions: super::revisions::join(&ours.revisions, &theirs.revisions),
        extra: merge_extra(&base, &ours, &theirs, two_way),
        ids: ours.ids.clone(),
    };
    plan.conflicts = merge_conflict_lists(&base, &ours, &theirs, conflicts, &plan);
    let _ = crate::model::check::repair_ids(&mut plan);
    // The three inputs are spent; freeing 100,000 items takes long enough to do it aside.
    // Without a thread to be had they are freed here, which is only slower.
    let spent = (fb, fo, ft, base, ours, theirs);
    let _ = std::thread::Builder::new().spawn(move || drop(spent));
    Merged { plan, report }
}

/// The plan's uid: ours, or theirs when ours has none.
fn shared_uid(ours: &Plan, theirs: &Plan) -> String {
    if ours.uid.is_empty() {
        theirs.uid.clone()
    } else {
        ours.uid.clone()
    }
}

/// Turns clashes into conflicts about one item, review or the profile.
pub(super) fn clash_sink<'a>(
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
pub(super) fn merge_record<T>(
    base: Option<&T>,
    ours: &T,
    theirs: &T,
    sink: &mut dyn FnMut(Clash),
) -> T
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
#[cfg(test)]
mod tests_ids;
