//! The plan: the one document a person keeps (goals, milestones and steps, the reviews, the
//! profile, what a merge left to choose), its format version, and finding, numbering and
//! counting its items. The rules that read it live in the modules beside it.

use super::ids::{IdSource, ItemId, Num};
use super::items::{ActionStep, Milestone};
use super::loc::{self, Loc};
use super::{Conflict, Extra, Goal, Profile, WeeklyReview};
use serde::{Deserialize, Serialize};

/// The data format version this build writes. Additive changes (new optional fields) do not
/// bump it; older builds keep such fields untouched. Only a change older builds would
/// misread bumps it, and then they refuse the file instead of damaging it.
/// Version 2 gave every item a random identity (`id`) beside its short number (`num`).
/// Version 3 gave a goal several measures (`measures`), each with its own values, instead of
/// one `measure` whose values sat on the check-ins.
pub const SCHEMA_VERSION: u32 = 3;

/// Everything a person keeps in goalcoach: one JSON document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    pub schema_version: u32,
    /// A random name for this plan, so an import can tell its own goals from another plan's.
    pub uid: String,
    /// The short number the next new item gets; numbers are never reused on one device.
    pub next_num: u64,
    pub goals: Vec<Goal>,
    pub reviews: Vec<WeeklyReview>,
    pub profile: Profile,
    /// What a merge left for the person to choose (see `conflict`).
    pub conflicts: Vec<Conflict>,
    /// This copy's revision and the ones it grew from, newest first (see `revisions`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<u64>,
    #[serde(flatten)]
    pub extra: Extra,
    /// Where new ids come from (random for a plan read from disk); not saved.
    #[serde(skip)]
    pub ids: IdSource,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            schema_version: SCHEMA_VERSION,
            uid: String::new(),
            next_num: 1,
            goals: Vec::new(),
            reviews: Vec::new(),
            profile: Profile::default(),
            conflicts: Vec::new(),
            revisions: Vec::new(),
            extra: Extra::new(),
            ids: IdSource::default(),
        }
    }
}

impl Plan {
    /// Hands out a fresh id. The item gets its short number when it is inserted.
    pub fn new_id(&mut self) -> ItemId {
        self.ids.next_id()
    }

    /// Hands out the next short number.
    pub fn new_num(&mut self) -> Num {
        let num = Num(self.next_num.max(1));
        self.next_num = num.0.saturating_add(1);
        num
    }

    /// The item a person calls `num`.
    pub fn by_num(&self, num: Num) -> Option<ItemId> {
        let mut found = None;
        self.for_each_item(|id, n, _| {
            if n == num && found.is_none() {
                found = Some(id);
            }
        });
        found
    }

    /// The short number of the item with `id` (`#0` when there is none).
    pub fn num_of(&self, id: ItemId) -> Num {
        self.locate(id).map_or(Num(0), |loc| self.num_at(loc))
    }

    /// The short number of the item at `loc`.
    pub fn num_at(&self, loc: Loc) -> Num {
        let goal = &self.goals[loc.goal_index()];
        match loc {
            Loc::Goal(_) => goal.num,
            Loc::Milestone(..) => self.milestone_at(loc).map_or(Num(0), |m| m.num),
            _ => self.step_at(loc).map_or(Num(0), |s| s.num),
        }
    }

    /// Calls `f` with every item's id, short number and place, in tree order.
    pub fn for_each_item(&self, mut f: impl FnMut(ItemId, Num, Loc)) {
        for (gi, g) in self.goals.iter().enumerate() {
            f(g.id, g.num, Loc::Goal(gi));
            for (si, s) in g.steps.iter().enumerate() {
                f(s.id, s.num, Loc::GoalStep(gi, si));
            }
            for (mi, m) in g.milestones.iter().enumerate() {
                f(m.id, m.num, Loc::Milestone(gi, mi));
                for (si, s) in m.steps.iter().enumerate() {
                    f(s.id, s.num, Loc::MilestoneStep(gi, mi, si));
                }
            }
        }
    }

    /// Where the item with `id` sits, if it exists.
    pub fn locate(&self, id: ItemId) -> Option<Loc> {
        loc::locate(&self.goals, id)
    }

    /// The goal with `id`.
    pub fn goal(&self, id: ItemId) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// The goal the item with `id` belongs to (itself for a goal).
    pub fn goal_of(&self, id: ItemId) -> Option<&Goal> {
        self.locate(id).map(|loc| &self.goals[loc.goal_index()])
    }

    /// The milestone with `id`.
    pub fn milestone(&self, id: ItemId) -> Option<&Milestone> {
        self.milestone_at(self.locate(id)?)
    }

    /// The step with `id`, wherever it sits.
    pub fn step(&self, id: ItemId) -> Option<&ActionStep> {
        self.step_at(self.locate(id)?)
    }

    /// The id of the item at `loc`, if `loc` points at an item.
    pub fn id_at(&self, loc: Loc) -> Option<ItemId> {
        let goal = self.goals.get(loc.goal_index())?;
        match loc {
            Loc::Goal(_) => Some(goal.id),
            Loc::Milestone(..) => self.milestone_at(loc).map(|m| m.id),
            _ => self.step_at(loc).map(|s| s.id),
        }
    }

    /// The goal at `loc` (the item's own goal for milestones and steps).
    pub fn goal_at(&self, loc: Loc) -> &Goal {
        &self.goals[loc.goal_index()]
    }

    /// The milestone at `loc`, when `loc` is a milestone.
    pub fn milestone_at(&self, loc: Loc) -> Option<&Milestone> {
        match loc {
            Loc::Milestone(g, m) => self.goals.get(g)?.milestones.get(m),
            _ => None,
        }
    }

    /// The step at `loc`, when `loc` is a step.
    pub fn step_at(&self, loc: Loc) -> Option<&ActionStep> {
        match loc {
            Loc::GoalStep(g, s) => self.goals.get(g)?.steps.get(s),
            Loc::MilestoneStep(g, m, s) => self.goals.get(g)?.milestones.get(m)?.steps.get(s),
            _ => None,
        }
    }

    /// The title of the item at `loc`.
    pub fn title_at(&self, loc: Loc) -> &str {
        match loc {
            Loc::Goal(g) => &self.goals[g].title,
            Loc::Milestone(..) => self.milestone_at(loc).map_or("", |m| &m.title),
            _ => self.step_at(loc).map_or("", |s| &s.title),
        }
    }

    /// Calls `f` with every item's id and place, in tree order.
    pub fn for_each_loc(&self, mut f: impl FnMut(ItemId, Loc)) {
        self.for_each_item(|id, _, loc| f(id, loc));
    }

    /// Where every item sits, for lookups by id without scanning the tree.
    pub fn index(&self) -> std::collections::HashMap<ItemId, Loc> {
        let mut index = std::collections::HashMap::new();
        self.for_each_loc(|id, loc| {
            index.insert(id, loc);
        });
        index
    }

    /// How many siblings the item at `loc` has, itself included.
    pub fn sibling_count(&self, loc: Loc) -> usize {
        let goals = &self.goals;
        match loc {
            Loc::Goal(_) => goals.len(),
            Loc::Milestone(g, _) => goals[g].milestones.len(),
            Loc::GoalStep(g, _) => goals[g].steps.len(),
            Loc::MilestoneStep(g, m, _) => goals[g].milestones[m].steps.len(),
        }
    }

    /// The title of any item.
    pub fn title_of(&self, id: ItemId) -> Option<&str> {
        Some(self.title_at(self.locate(id)?))
    }

    /// The largest short number in use anywhere in the plan.
    pub fn max_num(&self) -> u64 {
        let mut max = 0;
        self.for_each_item(|_, num, _| max = max.max(num.0));
        max
    }

    /// The id and short number of the item at `loc`, to change them (only for repairs).
    pub(crate) fn ids_at_mut(&mut self, loc: Loc) -> Option<(&mut ItemId, &mut Num)> {
        let goal = self.goals.get_mut(loc.goal_index())?;
        match loc {
            Loc::Goal(_) => Some((&mut goal.id, &mut goal.num)),
            Loc::Milestone(_, m) => goal.milestones.get_mut(m).map(|m| (&mut m.id, &mut m.num)),
            Loc::GoalStep(_, s) => goal.steps.get_mut(s).map(|s| (&mut s.id, &mut s.num)),
            Loc::MilestoneStep(_, m, s) => goal
                .milestones
                .get_mut(m)
                .and_then(|m| m.steps.get_mut(s))
                .map(|s| (&mut s.id, &mut s.num)),
        }
    }

    /// How many goals, milestones and steps the plan holds.
    pub fn item_count(&self) -> usize {
        self.goals
            .iter()
            .map(|g| 1 + g.milestones.len() + g.all_steps().count())
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_numbers_are_never_reused_and_skip_hand_edited_ones() {
        let mut plan = Plan::default();
        assert_eq!(plan.new_id(), ItemId(1));
        assert_eq!(plan.new_id(), ItemId(2));
        let mut hand_made = Goal::new(ItemId(40), "hand made", Default::default());
        hand_made.num = Num(9);
        plan.goals.push(hand_made);
        crate::model::check::repair_ids(&mut plan);
        assert_eq!(plan.new_id(), ItemId(41));
        assert_eq!(plan.new_num(), Num(10));
        assert_eq!(plan.by_num(Num(9)), Some(ItemId(40)));
    }

    #[test]
    fn the_index_agrees_with_locate() {
        let plan = crate::sample::generate(&crate::sample::GenOptions {
            items: 300,
            seed: 3,
            today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        });
        let index = plan.index();
        assert_eq!(index.len(), plan.item_count());
        for (id, loc) in &index {
            assert_eq!(plan.locate(*id), Some(*loc));
        }
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let json = r#"{"schema_version":2,"next_num":2,"future":{"x":1.1},
            "goals":[{"id":1,"title":"g","colour":"teal"}]}"#;
        let plan: Plan = serde_json::from_str(json).unwrap();
        let back = serde_json::to_value(&plan).unwrap();
        assert_eq!(back["future"]["x"], 1.1);
        assert_eq!(back["goals"][0]["colour"], "teal");
    }
}
