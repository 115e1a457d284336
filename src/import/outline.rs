//! The outline both text readers (Markdown and org-mode) produce, and how it joins the plan:
//! top-level entries are goals; under a goal a heading, or a list item with items under it,
//! is a milestone, a bare list item a step of the goal; under a milestone every entry is a
//! step; anything deeper goes into the step's notes. Entries are matched to the plan by title
//! (goal, then milestone or step under it), so importing the same outline twice adds nothing,
//! and an item ticked off since is marked done.

use super::entry::Entry;
use super::{Import, summary};
use crate::model::text::clean_text;
use crate::model::{ActionStep, Goal, GoalStatus, ItemId, Milestone, Node, Op, Plan};
use anyhow::{Result, bail};
use chrono::NaiveDate;

/// Joins the outline to the plan: one batch that adds what is new and marks done what the
/// outline has ticked off since. Fails, naming the line, on an entry with no text that has
/// entries under it; an outline with no entries at all is "nothing to import".
pub fn join(roots: Vec<Entry>, plan: &Plan, today: NaiveDate) -> Result<Import> {
    if roots.is_empty() {
        bail!("no headings or list items found: nothing to import");
    }
    let mut goals_by_title = std::collections::HashMap::with_capacity(plan.goals.len());
    for g in &plan.goals {
        goals_by_title.entry(g.title.clone()).or_insert(g.id);
    }
    let mut join = Join {
        work: plan.clone(),
        index: None,
        goals_by_title,
        ids: plan.ids.fork(),
        today,
        ops: Vec::new(),
        counts: [0; 5],
    };
    for root in &roots {
        join.goal(root)?;
    }
    let [goals, milestones, steps, updated, changed] = join.counts;
    let mut summary = summary(goals, milestones, steps);
    if updated > 0 {
        summary.push_str(&format!(
            "; marked {} done",
            crate::model::text::plural(updated, "item")
        ));
    }
    if changed > 0 {
        summary.push_str(&format!(
            "; retitled or re-dated {} it was exported from",
            crate::model::text::plural(changed, "item")
        ));
    }
    if goals + milestones + steps + updated + changed == 0 {
        summary.push_str(" (everything in it is in the plan already)");
    }
    Ok(Import {
        op: Op::Batch(join.ops),
        summary,
    })
}

/// A working copy of the plan that each op is applied to as it is made, so a later entry
/// finds what an earlier one added. A new goal or milestone is built whole before it goes in,
/// as one op; items are found through an id index and goals by title, so an outline of n
/// entries costs n, not n passes over the plan.
struct Join {
    work: Plan,
    index: Option<crate::model::loc::LocIndex>,
    /// The first goal of each title, the plan's and the new ones.
    goals_by_title: std::collections::HashMap<String, ItemId>,
    ids: crate::model::ids::IdSource,
    today: NaiveDate,
    ops: Vec<Op>,
    /// Goals, milestones and steps added; items marked done; items found by id whose title
    /// or date the outline changed.
    counts: [usize; 5],
}

const GOALS: usize = 0;
const MILESTONES: usize = 1;
const STEPS: usize = 2;
const UPDATED: usize = 3;
const CHANGED: usize = 4;

fn is_milestone_under_goal(entry: &Entry) -> bool {
    !entry.step && (entry.heading || !entry.children.is_empty())
}

fn has_title(entry: &Entry) -> Result<bool> {
    if !entry.title.is_empty() {
        return Ok(true);
    }
    if entry.children.is_empty() {
        return Ok(false);
    }
    bail!(
        "line {}: this entry has no text but has entries under it",
        entry.line
    )
}

impl Join {
    fn apply(&mut self, op: Op) -> Result<()> {
        self.work.apply_indexed(op.clone(), &mut self.index)?;
        self.ops.push(op);
        Ok(())
    }

    /// Where the item `id` sits in the working copy (the index is built when stale).
    fn loc(&mut self, id: ItemId) -> Option<crate::model::Loc> {
        let work = &self.work;
        self.index
            .get_or_insert_with(|| crate::model::loc::LocIndex::of(&work.goals))
            .get(id)
    }

    /// The goal at `loc` of the working copy.
    fn goal_at(&self, loc: Option<crate::model::Loc>) -> Option<&Goal> {
        match loc? {
            crate::model::Loc::Goal(gi) => self.work.goals.get(gi),
            _ => None,
        }
    }

    /// The steps straight under the goal or milestone at `loc` of the working copy.
    fn steps_at(&self, loc: Option<crate::model::Loc>) -> Option<&Vec<ActionStep>> {
        match loc? {
            crate::model::Loc::Goal(gi) => self.work.goals.get(gi).map(|g| &g.steps),
            crate::model::Loc::Milestone(gi, mi) => {
                self.work.goals[gi].milestones.get(mi).map(|m| &m.steps)
            }
            _ => None,
        }
    }

    fn insert(&mut self, parent: Option<ItemId>, node: Node) -> Result<()> {
        self.apply(Op::Insert {
            parent,
            index: usize::MAX,
            node,
        })
    }

    fn done_day(&self, entry: &Entry) -> Option<NaiveDate> {
        (entry.done || entry.cancelled).then(|| entry.done_on.unwrap_or(self.today))
    }

    /// A goal the plan has gets what is new under it, item by item; a new goal is built whole
    /// and goes in as one operation.
    fn goal(&mut self, entry: &Entry) -> Result<()> {
        if !has_title(entry)? {
            return Ok(());
        }
        let by_id = entry
            .id
            .map(ItemId)
            .filter(|&id| matches!(self.loc(id), Some(crate::model::Loc::Goal(_))));
        let known = by_id.or_else(|| self.goals_by_title.get(&entry.title).copied());
        let at = known.and_then(|id| self.loc(id));
        let Some(goal) = self.goal_at(at) else {
            let goal = self.new_goal(entry)?;
            self.goals_by_title.insert(goal.title.clone(), goal.id);
            return self.insert(None, Node::Goal(Box::new(goal)));
        };
        if by_id.is_some() && (goal.title != entry.title || goal.deadline != entry.due) {
            let mut changed = goal.without_children();
            changed.title = entry.title.clone();
            changed.deadline = entry.due;
            self.apply(Op::Update {
                node: Node::Goal(Box::new(changed)),
            })?;
            self.counts[CHANGED] += 1;
        }
        let goal = self.goal_at(at).expect("the goal just found");
        let (id, importance) = (goal.id, goal.importance);
        if matches!(goal.status, GoalStatus::Active | GoalStatus::OnHold)
            && (entry.done || entry.cancelled)
        {
            let mut goal = goal.without_children();
            self.close_goal(&mut goal, entry);
            self.apply(Op::Update {
                node: Node::Goal(Box::new(goal)),
            })?;
            self.counts[UPDATED] += 1;
        }
        for child in &entry.children {
            if is_milestone_under_goal(child) {
                self.milestone(id, importance, child)?;
            } else {
                self.step(id, importance, child)?;
            }
        }
        Ok(())
    }

    fn new_goal(&mut self, entry: &Entry) -> Result<Goal> {
        let mut goal = Goal::new(self.ids.next_id(), &entry.title, self.today);
        goal.deadline = entry.due;
        goal.start = entry.start;
        goal.tags = entry.tags.clone();
        if let Some(i) = entry.importance {
            goal.importance = i;
        }
        super::card::apply(&mut goal, &entry.card);
        goal.notes = clean_text(&entry.body);
        if entry.held {
            goal.status = GoalStatus::OnHold;
        }
        if entry.done || entry.cancelled {
            self.close_goal(&mut goal, entry);
        }
        self.counts[GOALS] += 1;
        let mut milestone_at: std::collections::HashMap<&str, usize> = Default::default();
        for child in &entry.children {
            if !has_title(child)? {
                continue;
            }
            if !is_milestone_under_goal(child) {
                self.add_step(&mut goal.steps, goal.importance, child)?;
            } else if let Some(&at) = milestone_at.get(child.title.as_str()) {
                for step in &child.children {
                    self.add_step(&mut goal.milestones[at].steps, goal.importance, step)?;
                }
            } else {
                let m = self.new_milestone(goal.importance, child)?;
                milestone_at.insert(&child.title, goal.milestones.len());
                goal.milestones.push(m);
            }
        }
        self.keep_first_of_each_title(&mut goal.steps);
        for m in &mut goal.milestones {
            self.keep_first_of_each_title(&mut m.steps);
        }
        Ok(goal)
    }

    /// A title seen twice in a list being built is one step: the first.
    fn keep_first_of_each_title(&mut self, steps: &mut Vec<ActionStep>) {
        let mut seen = std::collections::HashSet::with_capacity(steps.len());
        let before = steps.len();
        steps.retain(|s| seen.insert(s.title.clone()));
        self.counts[STEPS] -= before - steps.len();
    }

    fn close_goal(&self, goal: &mut Goal, entry: &Entry) {
        goal.status = if entry.cancelled {
            GoalStatus::Dropped
        } else {
            GoalStatus::Done
        };
        goal.completed = self.done_day(entry);
    }

    fn milestone(&mut self, goal: ItemId, importance: u8, entry: &Entry) -> Result<()> {
        if !has_title(entry)? {
            return Ok(());
        }
        let at = self.loc(goal);
        let found = self.goal_at(at).and_then(|g| {
            let by_id = g.milestones.iter().find(|m| Some(m.id.0) == entry.id);
            by_id.or_else(|| g.milestones.iter().find(|m| m.title == entry.title))
        });
        let Some(m) = found else {
            let m = self.new_milestone(importance, entry)?;
            return self.insert(Some(goal), Node::Milestone(Box::new(m)));
        };
        let id = m.id;
        if m.title != entry.title || (Some(m.id.0) == entry.id && m.target != entry.due) {
            let mut changed = m.without_children();
            changed.title = entry.title.clone();
            changed.target = entry.due;
            self.apply(Op::Update {
                node: Node::Milestone(Box::new(changed)),
            })?;
            self.counts[CHANGED] += 1;
        }
        let at = self.loc(goal);
        let m = self
            .goal_at(at)
            .and_then(|g| g.milestones.iter().find(|m| m.id == id))
            .expect("the milestone just found");
        if !m.is_done() && self.done_day(entry).is_some() {
            let mut m = m.without_children();
            m.done = self.done_day(entry);
            self.apply(Op::Update {
                node: Node::Milestone(Box::new(m)),
            })?;
            self.counts[UPDATED] += 1;
        }
        for child in &entry.children {
            self.step(id, importance, child)?;
        }
        Ok(())
    }

    fn new_milestone(&mut self, importance: u8, entry: &Entry) -> Result<Milestone> {
        let mut m = Milestone::new(self.ids.next_id(), &entry.title);
        m.target = entry.due;
        m.done = self.done_day(entry);
        m.notes = clean_text(&entry.body);
        self.counts[MILESTONES] += 1;
        for child in &entry.children {
            self.add_step(&mut m.steps, importance, child)?;
        }
        self.keep_first_of_each_title(&mut m.steps);
        Ok(m)
    }

    /// A step under an item the plan has: marked done if ticked off since, added if new.
    fn step(&mut self, parent: ItemId, importance: u8, entry: &Entry) -> Result<()> {
        if !has_title(entry)? {
            return Ok(());
        }
        let at = self.loc(parent);
        let old = self.steps_at(at).and_then(|steps| {
            let by_id = steps.iter().find(|s| Some(s.id.0) == entry.id);
            by_id.or_else(|| steps.iter().find(|s| s.title == entry.title))
        });
        let Some(old) = old else {
            let s = self.new_step(importance, entry);
            return self.insert(Some(parent), Node::Step(Box::new(s)));
        };
        let mut step = old.clone();
        if step.title != entry.title || (Some(step.id.0) == entry.id && step.due != entry.due) {
            step.title = entry.title.clone();
            step.due = entry.due;
            self.apply(Op::Update {
                node: Node::Step(Box::new(step.clone())),
            })?;
            self.counts[CHANGED] += 1;
        }
        self.mark_step_done(step, entry)
    }

    /// A step the plan has, ticked off in the outline since: marked done.
    fn mark_step_done(&mut self, old: ActionStep, entry: &Entry) -> Result<()> {
        if !old.is_done() && old.recurrence.is_none() && self.done_day(entry).is_some() {
            let mut s = old;
            s.done = self.done_day(entry);
            self.apply(Op::Update {
                node: Node::Step(Box::new(s)),
            })?;
            self.counts[UPDATED] += 1;
        }
        Ok(())
    }

    /// A step into a goal or milestone being built (one of a title already there is taken
    /// out again when the list is done: `keep_first_of_each_title`).
    fn add_step(
        &mut self,
        steps: &mut Vec<ActionStep>,
        importance: u8,
        entry: &Entry,
    ) -> Result<()> {
        if has_title(entry)? {
            steps.push(self.new_step(importance, entry));
        }
        Ok(())
    }

    /// Like a step added in the app, it takes its goal's importance unless the line says.
    fn new_step(&mut self, goal_importance: u8, entry: &Entry) -> ActionStep {
        let mut s = ActionStep::new(self.ids.next_id(), &entry.title);
        s.due = entry.due;
        s.done = self.done_day(entry);
        s.recurrence = entry.repeat;
        s.importance = entry.importance.unwrap_or(goal_importance);
        s.notes = entry.step_notes();
        self.counts[STEPS] += 1;
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::entry::{MAX_DEPTH, Tree, item_key};

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn import(text: &str, plan: &mut Plan) -> String {
        let import = join(crate::import::markdown::read(text), plan, day()).unwrap();
        plan.apply(import.op).unwrap();
        import.summary
    }

    #[test]
    fn a_title_seen_twice_is_one_item_in_a_new_goal_and_in_one_the_plan_has() {
        let mut plan = Plan::default();
        let text = "# A\n## M\n- s\n## M\n- t\n- s\n# A\n- own step\n";
        assert_eq!(
            import(text, &mut plan),
            "imported 1 goal, 1 milestone, 3 steps"
        );
        let a = &plan.goals[0];
        let titles: Vec<&str> = a.milestones[0]
            .steps
            .iter()
            .map(|s| s.title.as_str())
            .collect();
        assert_eq!(titles, ["s", "t"]);
        assert_eq!(a.steps[0].title, "own step");
        let more = "# A\n## M\n- [x] t\n- u\n## N\n- v\n";
        assert_eq!(
            import(more, &mut plan),
            "imported 0 goals, 1 milestone, 2 steps; marked 1 item done"
        );
        let a = &plan.goals[0];
        assert!(a.milestones[0].steps[1].is_done());
        assert_eq!(a.milestones[0].steps[2].title, "u");
        assert_eq!(a.milestones[1].steps[0].title, "v");
        assert_eq!(plan.next_num, plan.max_num() + 1);
    }

    #[test]
    fn a_line_of_fifty_thousand_nested_markers_reads_flat_past_the_deepest_level() {
        let mut tree = Tree::default();
        for depth in 0..50_000 {
            tree.push(
                item_key(depth),
                Entry {
                    title: format!("e{depth}"),
                    ..Entry::default()
                },
            );
        }
        let mut depth = 0;
        let mut level = &tree.roots;
        while let Some(first) = level.first() {
            depth += 1;
            level = &first.children;
        }
        assert_eq!(depth, MAX_DEPTH);
        let count = |e: &Entry| -> usize {
            fn all(e: &Entry) -> usize {
                1 + e.children.iter().map(all).sum::<usize>()
            }
            all(e)
        };
        assert_eq!(count(&tree.roots[0]), 50_000, "every entry is kept");
    }

    #[test]
    fn many_steps_of_one_title_under_a_new_goal_are_one_and_counted_once() {
        let mut plan = Plan::default();
        let text = format!("# Goal\n{}- other\n", "- same\n".repeat(1000));
        let summary = import(&text, &mut plan);
        assert_eq!(summary, "imported 1 goal, 0 milestones, 2 steps");
        let titles: Vec<_> = plan.goals[0]
            .steps
            .iter()
            .map(|s| s.title.as_str())
            .collect();
        assert_eq!(titles, ["same", "other"]);
    }
}
