//! The command line's edits: adding a goal or an item under one, recording a check-in; each
//! applied as one operation and saved, as the app would.

use super::{AddArgs, CheckinArgs, emit, open};
use crate::model::dates::parse_date;
use crate::model::text::clean_text;
use crate::model::{ActionStep, CheckIn, Goal, ItemId, ItemKind, Milestone, Node, Num, Op, Plan};
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use std::path::Path;

/// Applies one edit and saves; prints what `change` reports.
pub(super) fn edit(
    dir: &Path,
    today: NaiveDate,
    change: impl FnOnce(&mut Plan) -> Result<String>,
) -> Result<()> {
    let (mut store, mut plan) = open(dir, today)?;
    if let Some(holder) = store.read_only_reason() {
        bail!(
            "nothing was changed in {}: {holder}",
            store.plan_path().display()
        );
    }
    let message = change(&mut plan)?;
    if let Some(note) = store.save(&plan)?.message() {
        eprintln!("goalcoach: {note}");
    }
    emit(format!("{message}\n"))
}

pub(super) fn add(plan: &mut Plan, args: &AddArgs, today: NaiveDate) -> Result<String> {
    let title = crate::model::text::clean_title(&args.title);
    if title.trim().is_empty() {
        bail!("the title is empty; say what the goal, milestone or step is");
    }
    let date = args
        .deadline
        .as_deref()
        .map(|d| parse_date(d, today))
        .transpose()?;
    let parent = args.under.map(|num| find(plan, num)).transpose()?;
    let id = plan.new_id();
    let (node, kind) = new_node(plan, id, parent, &title, date, args.step, today)?;
    plan.apply(Op::Insert {
        parent,
        index: usize::MAX,
        node,
    })?;
    Ok(format!(
        "added {} {}: {title}",
        kind.label(),
        plan.num_of(id)
    ))
}

/// The item a person called `num`, or a message that there is none.
pub(super) fn find(plan: &Plan, num: Num) -> Result<ItemId> {
    plan.by_num(num)
        .with_context(|| format!("there is no item {num} (`goalcoach list` shows the numbers)"))
}

fn new_node(
    plan: &Plan,
    id: ItemId,
    parent: Option<ItemId>,
    title: &str,
    date: Option<NaiveDate>,
    as_step: bool,
    today: NaiveDate,
) -> Result<(Node, ItemKind)> {
    let parent_kind = parent.and_then(|p| plan.locate(p)).map(|loc| loc.kind());
    Ok(match parent_kind {
        None => {
            let mut goal = Goal::new(id, title, today);
            goal.deadline = date;
            (Node::Goal(Box::new(goal)), ItemKind::Goal)
        }
        Some(ItemKind::Goal) if !as_step => {
            let mut m = Milestone::new(id, title);
            m.target = date;
            (Node::Milestone(Box::new(m)), ItemKind::Milestone)
        }
        Some(ItemKind::Goal | ItemKind::Milestone) => {
            let mut s = ActionStep::new(id, title);
            s.due = date;
            (Node::Step(Box::new(s)), ItemKind::Step)
        }
        Some(ItemKind::Step) => {
            bail!("a step cannot hold other items; add under its milestone or goal")
        }
    })
}

pub(super) fn checkin(plan: &mut Plan, args: &CheckinArgs, today: NaiveDate) -> Result<String> {
    let goal = find(plan, args.goal)
        .ok()
        .and_then(|id| plan.goal(id))
        .with_context(|| format!("there is no goal {}", args.goal))?;
    let mut updated = goal.without_children();
    if let Some(value) = args.value {
        let at = super::measures::for_checkin(&updated, args.goal, args.measure.as_deref())?;
        updated.measures[at].record(today, value);
    }
    updated.checkins.push(CheckIn {
        date: today,
        confidence: args.confidence,
        note: clean_text(&args.note),
        ..CheckIn::default()
    });
    let title = updated.title.clone();
    plan.apply(Op::Update {
        node: Node::Goal(Box::new(updated)),
    })?;
    Ok(format!("checked in on {}: {title}", args.goal))
}
