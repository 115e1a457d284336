//! The entries of the profile's lists (strengths, growth areas, values, interests,
//! achievements, feedback, career paths) one at a time: each has an id that stays with it, so
//! the Profile screen selects by it, merges go entry by entry (a list of records with ids
//! merges field by field, see `merge3::values`) and an edit is an op on one entry, not a copy
//! of the profile. `edits` turns "the profile before" and "the profile after" into those ops
//! and names the change for the undo history. SWOT lines are plain text and the role's fields
//! single values: a change to them replaces the profile, as before.

use super::profile::{Achievement, CareerPath, Feedback, Named, Profile, Quality, Section};
use super::text::{FNV_BASIS, fnv1a};

/// One entry of a profile list, whichever kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    Quality(Quality),
    Named(Named),
    Achievement(Achievement),
    Feedback(Feedback),
    Path(CareerPath),
}

impl Entry {
    /// The entry's id.
    pub fn id(&self) -> u64 {
        self.listed().0
    }

    /// What the entry is called: its name, or for an achievement or feedback, what it says.
    pub fn name(&self) -> &str {
        self.listed().1
    }

    fn listed(&self) -> (u64, &str) {
        match self {
            Entry::Quality(e) => (e.id, e.name()),
            Entry::Named(e) => (e.id, e.name()),
            Entry::Achievement(e) => (e.id, e.name()),
            Entry::Feedback(e) => (e.id, e.name()),
            Entry::Path(e) => (e.id, e.name()),
        }
    }
}

/// What the entries of every list have: an id, a name to show, and a way in and out of `Entry`.
pub trait Listed: Clone + PartialEq {
    fn id(&self) -> u64;
    fn set_id(&mut self, id: u64);
    fn name(&self) -> &str;
    fn wrap(self) -> Entry;
    fn unwrap(entry: Entry) -> Option<Self>;
}

macro_rules! listed {
    ($type:ty, $variant:ident, $name:ident) => {
        impl Listed for $type {
            fn id(&self) -> u64 {
                self.id
            }
            fn set_id(&mut self, id: u64) {
                self.id = id;
            }
            fn name(&self) -> &str {
                &self.$name
            }
            fn wrap(self) -> Entry {
                Entry::$variant(self)
            }
            fn unwrap(entry: Entry) -> Option<Self> {
                match entry {
                    Entry::$variant(e) => Some(e),
                    _ => None,
                }
            }
        }
    };
}

listed!(Quality, Quality, name);
listed!(Named, Named, name);
listed!(Achievement, Achievement, what);
listed!(Feedback, Feedback, what);
listed!(CareerPath, Path, name);

/// Runs `$body` with `$list` bound to the profile's list for `$section` (`$else` for the role
/// and SWOT, which have no entries with ids): `mut` borrows it to change, else to read.
macro_rules! with_list {
    ($profile:expr, $section:expr, mut $list:ident => $body:expr, $else:expr) => {
        with_list!(@in [mut] $profile, $section, $list, $body, $else)
    };
    ($profile:expr, $section:expr, $list:ident => $body:expr, $else:expr) => {
        with_list!(@in [] $profile, $section, $list, $body, $else)
    };
    (@in [$($mut:tt)?] $profile:expr, $section:expr, $list:ident, $body:expr, $else:expr) => {
        match $section {
            Section::Strengths => {
                let $list = &$($mut)? $profile.strengths;
                $body
            }
            Section::GrowthAreas => {
                let $list = &$($mut)? $profile.growth_areas;
                $body
            }
            Section::Values => {
                let $list = &$($mut)? $profile.values;
                $body
            }
            Section::Interests => {
                let $list = &$($mut)? $profile.interests;
                $body
            }
            Section::Achievements => {
                let $list = &$($mut)? $profile.achievements;
                $body
            }
            Section::Feedback => {
                let $list = &$($mut)? $profile.feedback;
                $body
            }
            Section::CareerPaths => {
                let $list = &$($mut)? $profile.paths;
                $body
            }
            Section::Role | Section::Swot => $else,
        }
    };
}
pub(super) use with_list;

/// The sections whose entries have ids.
pub const LISTS: [Section; 7] = [
    Section::Strengths,
    Section::GrowthAreas,
    Section::Values,
    Section::Interests,
    Section::Achievements,
    Section::Feedback,
    Section::CareerPaths,
];

/// Ids stay below 2^53, like item ids, so every JSON reader reads them exactly.
const ID_MASK: u64 = (1 << 53) - 1;

/// The id an entry without one gets: from its section, place and name, so two devices that
/// read the same older file give its entries the same ids (and their merges still meet).
fn derived_id(section: Section, index: usize, name: &str) -> u64 {
    let text = format!("{}\u{0}{index}\u{0}{name}", section.title());
    (fnv1a(FNV_BASIS, text.as_bytes()) & ID_MASK).max(1)
}

/// Gives every entry of `list` without an id (0), with one past 2^53 (a hand edit) or with
/// one an earlier entry has, an id of its own; returns how many ids it gave to entries that
/// had one.
fn give_ids<T: Listed>(section: Section, list: &mut [T]) -> usize {
    let mut shared = 0;
    for i in 0..list.len() {
        let taken = |id: u64, list: &[T]| list[..i].iter().any(|e| e.id() == id);
        let had = list[i].id();
        if had != 0 && had <= ID_MASK && !taken(had, list) {
            continue;
        }
        shared += usize::from(had != 0);
        let mut id = derived_id(section, i, list[i].name());
        while taken(id, list) {
            id = (id + 1) & ID_MASK;
        }
        list[i].set_id(id.max(1));
    }
    shared
}

/// Gives ids to the profile's entries that have none (an older file, a new entry) or share
/// one; returns the sections where entries shared an id.
pub fn repair(profile: &mut Profile) -> Vec<Section> {
    LISTS
        .into_iter()
        .filter(
            |&section| with_list!(profile, section, mut list => give_ids(section, list) > 0, false),
        )
        .collect()
}

/// What a section calls one of its entries ("strength"), for undo labels and questions.
pub fn noun(section: Section) -> &'static str {
    match section {
        Section::Strengths => "strength",
        Section::GrowthAreas => "growth area",
        Section::Values => "value",
        Section::Interests => "interest",
        Section::Achievements => "achievement",
        Section::Feedback => "feedback",
        Section::CareerPaths => "career path",
        Section::Role => "role",
        Section::Swot => "SWOT line",
    }
}

/// The ids of the section's entries as stored (0 for each SWOT line, which have none). Read
/// on every frame of the Profile screen: no entry is copied.
pub fn ids(profile: &Profile, section: Section) -> Vec<u64> {
    with_list!(profile, section, list => list.iter().map(Listed::id).collect(),
        vec![0; section.entries(profile).len()])
}

/// The section's entry `id`: its place and a copy.
pub fn find(profile: &Profile, section: Section, id: u64) -> Option<(usize, Entry)> {
    with_list!(profile, section, list => {
        let at = list.iter().position(|e| e.id() == id)?;
        Some((at, list[at].clone().wrap()))
    }, None)
}

/// Puts `entry` at `at` in the section's list (replacing the entry with its id, wherever it
/// was); returns the place and value it replaced, if any. `None` when the entry is not of the
/// section's kind.
pub fn put(
    profile: &mut Profile,
    section: Section,
    at: usize,
    entry: Entry,
) -> Option<Option<(usize, Entry)>> {
    with_list!(profile, section, mut list => put_in(list, at, entry), None)
}

fn put_in<T: Listed>(list: &mut Vec<T>, at: usize, entry: Entry) -> Option<Option<(usize, Entry)>> {
    let entry = T::unwrap(entry)?;
    let old = list
        .iter()
        .position(|e| e.id() == entry.id())
        .map(|p| (p, list.remove(p).wrap()));
    list.insert(at.min(list.len()), entry);
    Some(old)
}

/// Takes entry `id` out of the section's list; its place and value.
pub fn take(profile: &mut Profile, section: Section, id: u64) -> Option<(usize, Entry)> {
    with_list!(profile, section, mut list => {
        let at = list.iter().position(|e| e.id() == id)?;
        Some((at, list.remove(at).wrap()))
    }, None)
}

/// A profile conflict's field in words: "strength “Writing” evidence" for
/// `strengths.123.evidence`; `None` when the path is not about an entry.
pub fn field_words(profile: &Profile, path: &str) -> Option<String> {
    let mut parts = path.split('.');
    let list = parts.next()?;
    let id: u64 = parts.next()?.parse().ok()?;
    let section = LISTS.into_iter().find(|s| list_key(*s) == list)?;
    let name = match find(profile, section, id) {
        Some((_, entry)) => format!("“{}”", entry.name()),
        None => "(deleted)".to_string(),
    };
    let rest: Vec<&str> = parts.collect();
    Some(
        format!("{} {name} {}", noun(section), rest.join(" "))
            .trim_end()
            .to_string(),
    )
}

/// The key of a section's list in plan.json.
fn list_key(section: Section) -> &'static str {
    match section {
        Section::Strengths => "strengths",
        Section::GrowthAreas => "growth_areas",
        Section::Values => "values",
        Section::Interests => "interests",
        Section::Achievements => "achievements",
        Section::Feedback => "feedback",
        Section::CareerPaths => "paths",
        Section::Role | Section::Swot => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Op;
    use crate::model::Plan;
    use crate::model::entry_edits::edits;

    fn quality(name: &str) -> Quality {
        Quality {
            name: name.into(),
            ..Quality::default()
        }
    }

    fn profile() -> Profile {
        let mut p = Profile {
            strengths: vec![quality("Writing"), quality("Writing"), quality("Mentoring")],
            ..Profile::default()
        };
        p.swot.threats = vec!["Reorg".into()];
        repair(&mut p);
        p
    }

    #[test]
    fn ids_come_from_place_and_name_so_two_devices_agree_and_same_names_differ() {
        let (a, b) = (profile(), profile());
        assert_eq!(ids(&a, Section::Strengths), ids(&b, Section::Strengths));
        let got = ids(&a, Section::Strengths);
        assert!(got.iter().all(|&id| id != 0) && got[0] != got[1] && got[1] != got[2]);
        let mut shared = a.clone();
        shared.strengths[2].id = shared.strengths[0].id;
        assert_eq!(repair(&mut shared), [Section::Strengths]);
        assert_ne!(shared.strengths[2].id, shared.strengths[0].id);
        assert_eq!(ids(&a, Section::Swot), [0], "SWOT lines have none");
        let mut huge = a.clone();
        huge.strengths[1].id = 1 << 60;
        assert_eq!(repair(&mut huge), [Section::Strengths]);
        assert!(huge.strengths[1].id <= ID_MASK, "past 2^53 is given anew");
    }

    #[test]
    fn one_entry_edited_is_one_op_named_after_it_and_undone_exactly() {
        let mut plan = Plan {
            profile: profile(),
            ..Plan::default()
        };
        let before = plan.profile.clone();
        let mut after = before.clone();
        after.strengths[1].evidence = "the design doc".into();
        let (op, label) = edits(&before, &mut after);
        assert!(matches!(op, Op::PutEntry { at: 1, .. }), "{op:?}");
        assert_eq!(label.as_deref(), Some("edit strength “Writing”"));
        let undo = plan.apply(op).unwrap();
        assert_eq!(plan.profile, after);
        plan.apply(undo).unwrap();
        assert_eq!(plan.profile, before);
    }

    #[test]
    fn removes_adds_and_moves_land_in_the_order_asked() {
        let mut plan = Plan {
            profile: profile(),
            ..Plan::default()
        };
        let before = plan.profile.clone();
        let mut after = before.clone();
        after.strengths.remove(0);
        after.strengths.swap(0, 1);
        after.strengths.insert(1, quality("Speaking"));
        let (op, label) = edits(&before, &mut after);
        assert_eq!(label, None, "several entries: the caller's words");
        assert!(after.strengths[1].id != 0, "the new entry got an id");
        let undo = plan.apply(op).unwrap();
        assert_eq!(plan.profile, after);
        plan.apply(undo).unwrap();
        assert_eq!(plan.profile, before);
    }

    #[test]
    fn a_delete_is_named_and_a_role_change_replaces_the_profile() {
        let before = profile();
        let mut after = before.clone();
        after.strengths.remove(2);
        let (op, label) = edits(&before, &mut after);
        assert!(matches!(op, Op::RemoveEntry { .. }));
        assert_eq!(label.as_deref(), Some("delete strength “Mentoring”"));
        after.current_role = "Staff engineer".into();
        assert!(matches!(edits(&before, &mut after).0, Op::SetProfile(_)));
    }

    #[test]
    fn a_conflict_on_an_entry_names_it() {
        let p = profile();
        let id = p.strengths[2].id;
        assert_eq!(
            field_words(&p, &format!("strengths.{id}.evidence")).as_deref(),
            Some("strength “Mentoring” evidence")
        );
        assert_eq!(field_words(&p, "current_role"), None);
    }
}
