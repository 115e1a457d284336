//! The rules of the small edits every list makes to the item under its cursor: a goal's
//! status cycle, focus and how many focus goals keep it real, what may be archived, and the
//! importance / urgency cycle. Each gives an `Edit` (the op, its undo label and what to
//! tell the person) or a typed `Refusal` the app puts into words (naming its keys). Pure:
//! today is passed in.

use super::{ItemId, ItemKind, Node, Op, Plan};
use chrono::NaiveDate;

/// How many focus goals keep focus real; more are allowed, with a word about it.
pub const FOCUS_GOALS: usize = 3;

/// A change to the plan, the words the undo history keeps for it and, when there is
/// something to say beyond them, what to tell the person.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub op: Op,
    pub label: String,
    pub note: Option<String>,
}

impl Edit {
    fn new(op: Op, label: String, note: String) -> Edit {
        Edit {
            op,
            label,
            note: Some(note),
        }
    }
}

/// Why an edit was not made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// There is no such item (or it has no goal).
    NoItem,
    /// A goal's status is the goal's: it is not set from one of its milestones or steps.
    StatusIsTheGoals { goal: String },
    /// Only a finished or dropped goal is archived.
    NotFinished,
    /// Milestones have no importance or urgency; their steps do.
    MilestoneHasNoLevel,
}

/// Which rating `cycle_level` changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Importance,
    Urgency,
}

impl Level {
    fn word(self) -> &'static str {
        match self {
            Level::Importance => "importance",
            Level::Urgency => "urgency",
        }
    }
}

fn update_goal(g: super::Goal) -> Op {
    Op::Update {
        node: Node::Goal(Box::new(g)),
    }
}

/// Moves goal `id` on to its next status: active → on hold → dropped → active.
pub fn cycle_status(plan: &Plan, id: ItemId) -> Result<Edit, Refusal> {
    let goal = plan.goal_of(id).ok_or(Refusal::NoItem)?;
    if goal.id != id {
        let goal = goal.title.clone();
        return Err(Refusal::StatusIsTheGoals { goal });
    }
    let mut g = goal.without_children();
    g.status = g.status.cycled();
    g.completed = None;
    let label = format!("set “{}” {}", g.title, g.status.label());
    let note = format!("“{}” is now {}.", g.title, g.status.label());
    Ok(Edit::new(update_goal(g), label, note))
}

/// Makes the goal of item `id` a focus goal (it leads the agenda and the review), or not;
/// past `FOCUS_GOALS` it is allowed, with a word.
pub fn toggle_focus(plan: &Plan, id: ItemId) -> Result<Edit, Refusal> {
    let mut g = plan.goal_of(id).ok_or(Refusal::NoItem)?.without_children();
    g.focus = !g.focus;
    let others = plan.goals.iter().filter(|o| o.focus && o.id != g.id);
    let count = others.count() + usize::from(g.focus);
    let note = match (g.focus, count) {
        (false, _) => format!("“{}” is no longer a focus goal.", g.title),
        (true, n) if n > FOCUS_GOALS => format!(
            "“{}” is a focus goal: that makes {n}. Focus works best on {FOCUS_GOALS} or fewer.",
            g.title
        ),
        (true, n) => format!(
            "“{}” is a focus goal ({n} of up to {FOCUS_GOALS}): it leads the agenda and the review.",
            g.title
        ),
    };
    let label = format!("focus on “{}”", g.title);
    Ok(Edit::new(update_goal(g), label, note))
}

/// What archiving did: put a goal away, or take it back out.
#[derive(Clone, Debug, PartialEq)]
pub enum Archiving {
    /// Out of the tree and the timeline; search and exports still find it.
    Away(Edit),
    Back(Edit),
}

/// Puts the goal of item `id` away when it is finished or dropped (dated `today`), or takes
/// an archived one back out.
pub fn archive(plan: &Plan, id: ItemId, today: NaiveDate) -> Result<Archiving, Refusal> {
    let mut g = plan.goal_of(id).ok_or(Refusal::NoItem)?.without_children();
    let finished = g.status.is_closed();
    let title = g.title.clone();
    match (g.archived, finished) {
        (Some(_), _) => {
            g.archived = None;
            let label = format!("take “{title}” out of the archive");
            let note = format!("“{title}” is back in the tree.");
            Ok(Archiving::Back(Edit::new(update_goal(g), label, note)))
        }
        (None, true) => {
            g.archived = Some(today);
            let label = format!("archive “{title}”");
            let note = format!("“{title}” is archived: out of the way");
            Ok(Archiving::Away(Edit::new(update_goal(g), label, note)))
        }
        (None, false) => Err(Refusal::NotFinished),
    }
}

/// Cycles the importance or urgency of step or goal `id`: 1 → 2 → 3 → 1.
pub fn cycle_level(plan: &Plan, id: ItemId, level: Level) -> Result<Edit, Refusal> {
    let next = |slot: &mut u8| {
        *slot = *slot % 3 + 1;
        *slot
    };
    let pick = |importance: &mut u8, urgency: &mut u8| match level {
        Level::Importance => next(importance),
        Level::Urgency => next(urgency),
    };
    let (node, value) = match plan.locate(id).map(super::Loc::kind) {
        Some(ItemKind::Step) => {
            let mut s = plan.step(id).ok_or(Refusal::NoItem)?.clone();
            let value = pick(&mut s.importance, &mut s.urgency);
            (Node::Step(Box::new(s)), value)
        }
        Some(ItemKind::Goal) => {
            let mut g = plan.goal(id).ok_or(Refusal::NoItem)?.without_children();
            let value = pick(&mut g.importance, &mut g.urgency);
            (Node::Goal(Box::new(g)), value)
        }
        Some(ItemKind::Milestone) => return Err(Refusal::MilestoneHasNoLevel),
        None => return Err(Refusal::NoItem),
    };
    let word = level.word();
    let note = format!("{} is now {value} of 3.", super::text::capitalise(word));
    Ok(Edit::new(Op::Update { node }, format!("set {word}"), note))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionStep, Goal, GoalStatus, Milestone};

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
    }

    /// Goal 1 with milestone 2 holding step 3; goal 4 beside it.
    fn plan() -> Plan {
        let mut plan = Plan::default();
        let mut g = Goal::new(ItemId(1), "Lead a team", day());
        let mut m = Milestone::new(ItemId(2), "Run the stand-up");
        m.steps.push(ActionStep::new(ItemId(3), "Book the room"));
        g.milestones.push(m);
        plan.goals.push(g);
        plan.goals.push(Goal::new(ItemId(4), "Write more", day()));
        plan
    }

    fn applied(mut plan: Plan, edit: &Edit) -> Plan {
        plan.apply(edit.op.clone()).unwrap();
        plan
    }

    #[test]
    fn status_cycles_active_on_hold_dropped_and_only_on_the_goal_itself() {
        let mut p = plan();
        let mut seen = vec![];
        for _ in 0..3 {
            p = applied(p.clone(), &cycle_status(&p, ItemId(1)).unwrap());
            seen.push(p.goals[0].status);
        }
        use GoalStatus::*;
        assert_eq!(seen, [OnHold, Dropped, Active]);
        assert_eq!(
            cycle_status(&p, ItemId(3)),
            Err(Refusal::StatusIsTheGoals {
                goal: "Lead a team".into()
            })
        );
        assert_eq!(cycle_status(&p, ItemId(99)), Err(Refusal::NoItem));
    }

    #[test]
    fn focus_is_allowed_past_the_limit_with_a_word() {
        let mut p = plan();
        for i in 0..FOCUS_GOALS as u64 {
            p.goals.push(Goal::new(ItemId(10 + i), "Other", day()));
            p = applied(p.clone(), &toggle_focus(&p, ItemId(10 + i)).unwrap());
        }
        // From a step, the focus goes to its goal.
        let edit = toggle_focus(&p, ItemId(3)).unwrap();
        let note = edit.note.clone().unwrap();
        assert!(note.contains("that makes 4"), "{note}");
        let p = applied(p, &edit);
        assert!(p.goals[0].focus);
        let off = toggle_focus(&p, ItemId(1)).unwrap();
        assert!(off.note.unwrap().contains("no longer"));
    }

    #[test]
    fn only_a_finished_or_dropped_goal_is_archived_and_it_comes_back() {
        let p = plan();
        assert_eq!(archive(&p, ItemId(1), day()), Err(Refusal::NotFinished));
        let mut p = p;
        p.goals[0].status = GoalStatus::Dropped;
        let Ok(Archiving::Away(away)) = archive(&p, ItemId(2), day()) else {
            panic!("a dropped goal is archived");
        };
        let p = applied(p, &away);
        assert_eq!(p.goals[0].archived, Some(day()));
        let Ok(Archiving::Back(back)) = archive(&p, ItemId(1), day()) else {
            panic!("an archived goal comes back");
        };
        assert_eq!(applied(p, &back).goals[0].archived, None);
    }

    #[test]
    fn levels_cycle_one_to_three_on_steps_and_goals_never_milestones() {
        let mut p = plan();
        let mut seen = vec![];
        for _ in 0..3 {
            let edit = cycle_level(&p, ItemId(3), Level::Urgency).unwrap();
            p = applied(p.clone(), &edit);
            seen.push(p.goals[0].milestones[0].steps[0].urgency);
        }
        let start = plan().goals[0].milestones[0].steps[0].urgency;
        assert_eq!(seen[2], start, "three presses come round: {seen:?}");
        assert!(seen.iter().all(|v| (1..=3).contains(v)), "{seen:?}");
        let goal = cycle_level(&p, ItemId(4), Level::Importance).unwrap();
        assert_eq!(goal.label, "set importance");
        assert_eq!(
            cycle_level(&p, ItemId(2), Level::Importance),
            Err(Refusal::MilestoneHasNoLevel)
        );
    }
}
