//! What the keys do to items, for scripts: `done`, `status`, `edit`, `delete`, `move`. Each
//! finds the item by the number `goalcoach list` shows, builds the same model operation the
//! app would, and is applied and saved as one edit by `edits::edit`.

use super::edits::find;
use crate::model::dates::parse_date;
use crate::model::limits;
use crate::model::text::{clean_line, clean_text, plural};
use crate::model::{GoalStatus, ItemKind, Node, Num, Op, Plan, Recurrence};
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;

/// Arguments of `goalcoach done`.
#[derive(Debug, clap::Args)]
pub struct DoneArgs {
    /// The item's number, as `goalcoach list` shows it (12 or #12).
    pub id: Num,
    /// Open a done item again instead.
    #[arg(long)]
    pub undo: bool,
}

/// A goal's status, as `goalcoach status` takes it.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum StatusArg {
    Active,
    Hold,
    Drop,
    Done,
}

/// Arguments of `goalcoach status`.
#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// The goal's number.
    pub id: Num,
    /// What the goal is now.
    #[arg(value_enum)]
    pub status: StatusArg,
    /// Why (kept with the goal as a change of course when it is put on hold, dropped or
    /// taken up again).
    #[arg(long)]
    pub why: Option<String>,
}

/// Arguments of `goalcoach edit`: only the fields given change.
#[derive(Debug, clap::Args)]
pub struct EditArgs {
    /// The item's number.
    pub id: Num,
    /// A new title.
    #[arg(long)]
    pub title: Option<String>,
    /// Deadline (goal), target (milestone) or due date (step): 2027-03-31, +2w, fri…; `none`
    /// takes it away.
    #[arg(long, visible_alias = "deadline", value_name = "DATE")]
    pub due: Option<String>,
    /// Importance 1–3 (goal or step).
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=3))]
    pub importance: Option<u8>,
    /// Urgency 1–3 (goal or step).
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=3))]
    pub urgency: Option<u8>,
    /// The notes (replaces them).
    #[arg(long)]
    pub notes: Option<String>,
    /// A goal's description: what will be different (the S of SMART).
    #[arg(long)]
    pub description: Option<String>,
    /// A step's repetition: weekly, monthly, every 2 weeks, every 10 days after done; `no`
    /// stops it.
    #[arg(long, value_name = "RULE")]
    pub repeats: Option<String>,
    /// A measured goal's current value.
    #[arg(long, value_parser = parse_amount, allow_negative_numbers = true)]
    pub value: Option<f64>,
    /// A measured goal's target.
    #[arg(long, value_parser = parse_amount, allow_negative_numbers = true)]
    pub target: Option<f64>,
    /// Why a goal's deadline, target or description changed (kept as a change of course).
    #[arg(long)]
    pub why: Option<String>,
}

/// Arguments of `goalcoach move`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("where").required(true).args(["under", "up", "down"])))]
pub struct MoveArgs {
    /// The item's number.
    pub id: Num,
    /// Put it under this goal (a milestone or step) or milestone (a step), at the end.
    #[arg(long, value_name = "ID")]
    pub under: Option<Num>,
    /// One place up among its siblings.
    #[arg(long)]
    pub up: bool,
    /// One place down among its siblings.
    #[arg(long)]
    pub down: bool,
}

fn parse_amount(text: &str) -> Result<f64, String> {
    limits::parse_number(text, limits::AMOUNT)
}

/// `goalcoach done ID`: as `x` in the app (a repeating step moves on to its next date).
pub fn done(plan: &mut Plan, args: &DoneArgs, today: NaiveDate) -> Result<String> {
    let id = find(plan, args.id)?;
    let is_done = match plan.locate(id).map(|l| l.kind()) {
        Some(ItemKind::Goal) => plan.goal(id).is_some_and(|g| g.status == GoalStatus::Done),
        Some(ItemKind::Milestone) => plan.milestone(id).is_some_and(|m| m.is_done()),
        _ => plan.step(id).is_some_and(|s| s.is_done()),
    };
    if is_done != args.undo {
        let state = if is_done { "already done" } else { "not done" };
        return Ok(format!("{} is {state}; nothing changed", args.id));
    }
    let change = crate::model::done::toggle_done(plan, id, today).context("no such item")?;
    plan.apply(change.op)?;
    let title = plan.title_of(id).unwrap_or_default().to_string();
    let note = change.note.map(|n| format!(" {n}")).unwrap_or_default();
    Ok(format!("{} {}: {title}.{note}", change.label, args.id))
}

/// `goalcoach status ID active|hold|drop|done`: a goal's status, as `s` and `x` set it.
pub fn status(plan: &mut Plan, args: &StatusArgs, today: NaiveDate) -> Result<String> {
    let id = find(plan, args.id)?;
    let Some(goal) = plan.goal(id) else {
        bail!(
            "{} is not a goal; a milestone or step is done or not (goalcoach done)",
            args.id
        );
    };
    let mut g = goal.without_children();
    g.status = match args.status {
        StatusArg::Active => GoalStatus::Active,
        StatusArg::Hold => GoalStatus::OnHold,
        StatusArg::Drop => GoalStatus::Dropped,
        StatusArg::Done => GoalStatus::Done,
    };
    g.completed = (g.status == GoalStatus::Done).then_some(today);
    let message = format!("{} is {}: {}", args.id, g.status.label(), g.title);
    let why = args.why.as_deref().map(clean_line).unwrap_or_default();
    apply_adapting(plan, Node::Goal(Box::new(g)), today, &why)?;
    Ok(message)
}

/// `goalcoach delete ID`: the item and everything under it (the day's backup keeps them).
pub fn delete(plan: &mut Plan, id: Num) -> Result<String> {
    let item = find(plan, id)?;
    let kind = plan.locate(item).map_or(ItemKind::Step, |l| l.kind());
    let title = plan.title_of(item).unwrap_or_default().to_string();
    let under = match kind {
        ItemKind::Goal => plan
            .goal(item)
            .map_or(0, |g| g.milestones.len() + g.all_steps().count()),
        ItemKind::Milestone => plan.milestone(item).map_or(0, |m| m.steps.len()),
        ItemKind::Step => 0,
    };
    plan.apply(Op::Remove { id: item })?;
    let with = match under {
        0 => String::new(),
        n => format!(" and the {} under it", plural(n, "item")),
    };
    Ok(format!("deleted {} {id}{with}: {title}", kind.label()))
}

/// `goalcoach edit ID --field value…`: the fields given, checked as the editor checks them.
pub fn edit_item(plan: &mut Plan, args: &EditArgs, today: NaiveDate) -> Result<String> {
    let id = find(plan, args.id)?;
    let due = args
        .due
        .as_deref()
        .map(|d| match d.trim() {
            "none" | "" => Ok(None),
            d => parse_date(d, today).map(Some),
        })
        .transpose()?;
    let title = args.title.as_deref().map(crate::model::text::clean_title);
    if title.as_deref().is_some_and(|t| t.trim().is_empty()) {
        bail!("the title is empty; say what it is");
    }
    let node = match plan.locate(id).map(|l| l.kind()) {
        Some(ItemKind::Goal) => edit_goal(plan, id, args, (title, due))?,
        Some(ItemKind::Milestone) => edit_milestone(plan, id, args, (title, due))?,
        _ => edit_step(plan, id, args, (title, due))?,
    };
    let why = args.why.as_deref().map(clean_line).unwrap_or_default();
    apply_adapting(plan, node, today, &why)?;
    let title = plan.title_of(id).unwrap_or_default();
    Ok(format!("edited {}: {title}", args.id))
}

/// Applies an update of `node`, keeping a change of course it makes on its goal with `why`
/// (as the app does; see `model::adapt`).
fn apply_adapting(plan: &mut Plan, node: Node, today: NaiveDate, why: &str) -> Result<()> {
    let mut op = Op::Update { node };
    crate::model::adapt::stamp(plan, &mut op, today, why);
    plan.apply(op)?;
    Ok(())
}

type Common = (Option<String>, Option<Option<NaiveDate>>);

fn edit_goal(
    plan: &Plan,
    id: crate::model::ItemId,
    a: &EditArgs,
    (title, due): Common,
) -> Result<Node> {
    refuse(a.repeats.is_some(), "--repeats is for a step")?;
    let mut g = plan.goal(id).context("no such goal")?.without_children();
    g.title = title.unwrap_or(g.title);
    g.deadline = due.unwrap_or(g.deadline);
    g.importance = a.importance.unwrap_or(g.importance);
    g.urgency = a.urgency.unwrap_or(g.urgency);
    g.notes = a.notes.as_deref().map(clean_text).unwrap_or(g.notes);
    g.description = a
        .description
        .as_deref()
        .map(clean_text)
        .unwrap_or(g.description);
    if a.value.is_some() || a.target.is_some() {
        let at = match g.measures.len() {
            1 => 0,
            0 => bail!(
                "goal {} has no measure; add one first (goalcoach measure add)",
                a.id
            ),
            _ => bail!(
                "goal {} has several measures; change one with goalcoach measure edit",
                a.id
            ),
        };
        let m = &mut g.measures[at];
        m.current = a.value.unwrap_or(m.current);
        m.target = a.target.unwrap_or(m.target);
    }
    Ok(Node::Goal(Box::new(g)))
}

fn edit_milestone(
    plan: &Plan,
    id: crate::model::ItemId,
    a: &EditArgs,
    (title, due): Common,
) -> Result<Node> {
    let not_here = a.importance.is_some() || a.urgency.is_some() || a.repeats.is_some();
    refuse(
        not_here,
        "a milestone has no importance, urgency or repetition",
    )?;
    refuse(
        a.description.is_some() || a.value.is_some() || a.target.is_some(),
        "--description, --value and --target are a goal's",
    )?;
    let mut m = plan
        .milestone(id)
        .context("no such milestone")?
        .without_children();
    m.title = title.unwrap_or(m.title);
    m.target = due.unwrap_or(m.target);
    m.notes = a.notes.as_deref().map(clean_text).unwrap_or(m.notes);
    Ok(Node::Milestone(Box::new(m)))
}

fn edit_step(
    plan: &Plan,
    id: crate::model::ItemId,
    a: &EditArgs,
    (title, due): Common,
) -> Result<Node> {
    refuse(
        a.description.is_some() || a.value.is_some() || a.target.is_some(),
        "--description, --value and --target are a goal's",
    )?;
    let mut s = plan.step(id).context("no such step")?.clone();
    s.title = title.unwrap_or(s.title);
    if let Some(due) = due {
        s.set_due(due);
    }
    s.importance = a.importance.unwrap_or(s.importance);
    s.urgency = a.urgency.unwrap_or(s.urgency);
    s.notes = a.notes.as_deref().map(clean_text).unwrap_or(s.notes);
    if let Some(rule) = a.repeats.as_deref() {
        s.recurrence = match rule.trim() {
            "no" | "none" | "" => None,
            text => Some(Recurrence::parse(text).with_context(|| {
                format!(
                    "'{text}' is not a repetition: try {}",
                    crate::model::repeat::REPEAT_FORMS
                )
            })?),
        };
    }
    if s.recurrence.is_some() && s.due.is_none() {
        bail!("a repeating step needs a due date (--due)");
    }
    Ok(Node::Step(Box::new(s)))
}

fn refuse(wrong: bool, why: &str) -> Result<()> {
    if wrong {
        bail!("{why}; nothing changed");
    }
    Ok(())
}

/// `goalcoach move ID --under PARENT | --up | --down`.
pub fn move_item(plan: &mut Plan, args: &MoveArgs) -> Result<String> {
    let id = find(plan, args.id)?;
    let loc = plan.locate(id).context("no such item")?;
    let op = match args.under {
        Some(parent) => {
            let parent = find(plan, parent)?;
            let node = match loc.kind() {
                ItemKind::Goal => bail!("a goal is not put under another item"),
                ItemKind::Milestone => {
                    Node::Milestone(Box::new(plan.milestone(id).context("gone")?.clone()))
                }
                ItemKind::Step => Node::Step(Box::new(plan.step(id).context("gone")?.clone())),
            };
            Op::Batch(vec![
                Op::Remove { id },
                Op::Insert {
                    parent: Some(parent),
                    index: usize::MAX,
                    node,
                },
            ])
        }
        None => {
            let index = loc.sibling_index();
            let to = if args.up {
                index
                    .checked_sub(1)
                    .context("it is already the first; nothing changed")?
            } else {
                index + 1
            };
            if to >= plan.sibling_count(loc) {
                bail!("it is already the last; nothing changed");
            }
            Op::Move { id, index: to }
        }
    };
    plan.apply(op)?;
    let title = plan.title_of(id).unwrap_or_default();
    Ok(format!("moved {}: {title}", args.id))
}
