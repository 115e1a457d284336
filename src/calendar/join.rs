//! What the calendar changed since goalcoach last wrote, brought into the plan: a three-way
//! join per item of what goalcoach last wrote (the base, kept in `calendar.json`), what the
//! file says now (the phone's side) and what the plan says now. A field only the phone
//! changed is taken; one only goalcoach changed goes out on the next write; one both changed
//! differently stays as the plan has it, with the phone's value waiting as a conflict. A
//! to-do made on the phone becomes a step in the Inbox goal.

use super::items::{CALENDAR_UID, DEADLINE, MILESTONE, Target, Wanted};
use super::vtodo::Fields;
use crate::model::{ActionStep, Conflict, ConflictKind, Goal, ItemId, Node, Op, Plan};
use chrono::NaiveDate;
use serde_json::Value;

/// The name a conflict gives the calendar's side.
pub const CALENDAR_SIDE: &str = "the calendar";

/// The goal to-dos made on the phone land in.
pub const INBOX_TITLE: &str = "Inbox";

/// What the join found to do to the plan, and what to tell the person.
#[derive(Default)]
pub struct Found {
    pub ops: Vec<Op>,
    pub conflicts: Vec<Conflict>,
    /// Changes taken from the calendar, to-dos captured into the Inbox.
    pub taken: usize,
    pub captured: usize,
}

/// One item on both sides: goalcoach's last write, the file now, the plan now.
pub struct Sides<'a> {
    pub base: &'a Fields,
    pub theirs: &'a Fields,
    pub wanted: &'a Wanted,
}

/// Which side a field takes: unchanged there or the same as here, taken from there, or
/// changed differently on both.
#[derive(PartialEq)]
enum Pick {
    Ours,
    Theirs,
    Clash,
}

fn pick<T: PartialEq>(base: &T, ours: &T, theirs: &T) -> Pick {
    if theirs == base || theirs == ours {
        Pick::Ours
    } else if ours == base {
        Pick::Theirs
    } else {
        Pick::Clash
    }
}

/// Brings the phone's changes to one item into `found`.
pub fn join_item(plan: &Plan, sides: &Sides, today: NaiveDate, device: &str, found: &mut Found) {
    let Sides {
        base,
        theirs,
        wanted,
    } = sides;
    let ours = &wanted.fields;
    let mut take = ours.clone();
    let mut clashes = Vec::new();
    let strip = |s: &str| Value::from(title_from(wanted.target, s));
    match pick(&base.summary, &ours.summary, &theirs.summary) {
        Pick::Theirs => take.summary = theirs.summary.clone(),
        Pick::Clash => clashes.push(("title", strip(&ours.summary), strip(&theirs.summary))),
        Pick::Ours => {}
    }
    match pick(&base.due, &ours.due, &theirs.due) {
        Pick::Theirs => take.due = theirs.due,
        Pick::Clash => clashes.push(("due", day_value(ours.due), day_value(theirs.due))),
        Pick::Ours => {}
    }
    // Done or not is what counts: a different day alone is no change.
    let done = |f: &Fields| f.done.is_some();
    match pick(&done(base), &done(ours), &done(theirs)) {
        Pick::Theirs => take.done = theirs.done,
        Pick::Clash => clashes.push(("done", day_value(ours.done), day_value(theirs.done))),
        Pick::Ours => {}
    }
    if let Some(item) = item_of(wanted.target) {
        for (field, kept, other) in clashes {
            found.conflicts.push(Conflict {
                item: Some(item),
                field: field_name(wanted.target, field).to_string(),
                kind: ConflictKind::BothChanged,
                kept,
                other,
                kept_on: device.to_string(),
                other_on: CALENDAR_SIDE.to_string(),
                ..Conflict::default()
            });
        }
    }
    if take != *ours
        && let Some(op) = apply(plan, wanted.target, &take, today)
    {
        found.ops.push(op);
        found.taken += 1;
    }
}

/// The edit that gives the item what the calendar said, `None` when there is nothing to do
/// (the review, an item gone).
fn apply(plan: &Plan, target: Target, take: &Fields, today: NaiveDate) -> Option<Op> {
    let title = crate::model::text::clean_title(&title_from(target, &take.summary));
    let node = match target {
        Target::Step(id) => {
            let mut s = plan.step(id)?.clone();
            if !title.is_empty() {
                s.title = title;
            }
            step_done(&mut s, take, today);
            Node::Step(Box::new(s))
        }
        Target::Milestone(id) => {
            let loc = plan.locate(id)?;
            let mut m = plan.milestone_at(loc)?.without_children();
            if !title.is_empty() {
                m.title = title;
            }
            m.target = take.due;
            m.done = take.done;
            Node::Milestone(Box::new(m))
        }
        Target::Goal(id) => {
            let mut g = plan.goal(id)?.without_children();
            if !title.is_empty() {
                g.title = title;
            }
            g.deadline = take.due.or(g.deadline);
            if let Some(done) = take.done.filter(|_| g.is_active()) {
                g.status = crate::model::GoalStatus::Done;
                g.completed = Some(done);
            }
            Node::Goal(Box::new(g))
        }
        Target::Review => return None,
    };
    let mut op = Op::Update { node };
    crate::model::adapt::stamp(plan, &mut op, today, "moved in the calendar");
    Some(op)
}

/// A step's due day and being done, as the calendar has them: an occurrence of a repeating
/// step done there is recorded, and the step moves on to its next one.
fn step_done(s: &mut ActionStep, take: &Fields, today: NaiveDate) {
    if s.recurrence.is_some() {
        s.due = take.due.or(s.due);
        if let Some(done_on) = take.done {
            crate::model::done::record_occurrence(s, done_on.min(today));
        }
        return;
    }
    s.due = take.due;
    s.done = take.done;
}

/// A to-do made on the phone, as a step of the Inbox goal (made when there is none).
pub fn capture(
    plan: &Plan,
    uid: &str,
    fields: &Fields,
    ids: &mut crate::model::ids::IdSource,
    today: NaiveDate,
    found: &mut Found,
) {
    let title = crate::model::text::clean_title(&fields.summary);
    if title.is_empty() || fields.done.is_some() || fields.cancelled {
        return;
    }
    let mut step = ActionStep::new(ids.next_id(), &title);
    step.due = fields.due;
    step.extra.insert(CALENDAR_UID.into(), uid.into());
    let inbox = plan.goals.iter().find(|g| g.is_inbox()).map(|g| g.id);
    let inbox = match inbox.or_else(|| new_inbox_in(found)) {
        Some(id) => id,
        None => {
            let mut goal = Goal::new(ids.next_id(), INBOX_TITLE, today);
            goal.extra
                .insert(crate::model::goal::INBOX_MARK.into(), Value::Bool(true));
            goal.notes = "To-dos made on your phone land here. File each under the goal it \
                          serves, or delete it."
                .to_string();
            let id = goal.id;
            found.ops.push(Op::Insert {
                parent: None,
                index: usize::MAX,
                node: Node::Goal(Box::new(goal)),
            });
            id
        }
    };
    found.ops.push(Op::Insert {
        parent: Some(inbox),
        index: usize::MAX,
        node: Node::Step(Box::new(step)),
    });
    found.captured += 1;
}

/// The Inbox goal this join is adding, if it is adding one.
fn new_inbox_in(found: &Found) -> Option<ItemId> {
    found.ops.iter().find_map(|op| match op {
        Op::Insert {
            parent: None,
            node: Node::Goal(g),
            ..
        } if g.is_inbox() => Some(g.id),
        _ => None,
    })
}

fn item_of(target: Target) -> Option<ItemId> {
    match target {
        Target::Step(id) | Target::Milestone(id) | Target::Goal(id) => Some(id),
        Target::Review => None,
    }
}

/// The model field a calendar field is on this kind of item (what choosing a conflict sets).
fn field_name(target: Target, field: &'static str) -> &'static str {
    match (target, field) {
        (Target::Milestone(_), "due") => "target",
        (Target::Goal(_), "due") => "deadline",
        (Target::Goal(_), "done") => "completed",
        _ => field,
    }
}

/// The title a summary carries ("Milestone: X" → "X").
fn title_from(target: Target, summary: &str) -> String {
    let prefix = match target {
        Target::Milestone(_) => MILESTONE,
        Target::Goal(_) => DEADLINE,
        _ => "",
    };
    summary.strip_prefix(prefix).unwrap_or(summary).to_string()
}

fn day_value(day: Option<NaiveDate>) -> Value {
    day.map_or(Value::Null, |d| Value::String(d.to_string()))
}
