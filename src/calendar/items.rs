//! Which of the plan's items go to the calendar, and as what: every dated step, milestone
//! target and goal deadline (of goals being worked on; a finished or dropped goal's items go
//! out once more, completed or cancelled, so the phone catches up), and the weekly review as
//! a to-do repeating on the review day. Each has a UID and file name that stay the same for
//! the item's life.

use super::vtodo::{Extras, Fields, Reminder};
use crate::model::{ActionStep, Goal, GoalStatus, ItemId, Plan};
use chrono::{NaiveDate, Weekday};

/// The step field keeping the UID of a to-do that came from the calendar (one made on the
/// phone), so it is written back under that UID and never captured twice.
pub const CALENDAR_UID: &str = "calendar_uid";

/// What an item in the calendar is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Step(ItemId),
    Milestone(ItemId),
    Goal(ItemId),
    Review,
}

/// One item as goalcoach would write it now.
#[derive(Clone, Debug)]
pub struct Wanted {
    pub uid: String,
    pub target: Target,
    pub fields: Fields,
    pub extras: Extras,
}

/// The prefixes that tell a milestone and a deadline from a step on a phone's list.
pub const MILESTONE: &str = "Milestone: ";
pub const DEADLINE: &str = "Deadline: ";

/// goalcoach's UID for an item of this plan (`None` for the review).
pub fn uid_of(plan: &Plan, id: Option<ItemId>) -> String {
    match id {
        Some(id) => format!("goalcoach-cal-{}-{}@goalcoach", plan.uid, id.0),
        None => format!("goalcoach-cal-{}-review@goalcoach", plan.uid),
    }
}

/// The item a goalcoach UID of this plan names.
pub fn target_of_uid(plan: &Plan, uid: &str) -> Option<Option<ItemId>> {
    let rest = uid
        .strip_prefix("goalcoach-cal-")?
        .strip_suffix("@goalcoach")?
        .strip_prefix(plan.uid.as_str())?
        .strip_prefix('-')?;
    if rest == "review" {
        return Some(None);
    }
    rest.parse().ok().map(|n| Some(ItemId(n)))
}

/// A file name for a UID: what a vdir may hold, the same every time.
pub fn file_for(uid: &str) -> String {
    let safe: String = uid
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{safe}.ics")
}

/// Every item the calendar should have now; `known` says whether goalcoach wrote a UID
/// before (a finished goal's items go out only to update what the phone has).
pub fn wanted(
    plan: &Plan,
    today: NaiveDate,
    review_day: Weekday,
    reminder: Option<Reminder>,
    known: &dyn Fn(&str) -> bool,
) -> Vec<Wanted> {
    let mut out = Vec::new();
    for goal in &plan.goals {
        let open = matches!(goal.status, GoalStatus::Active | GoalStatus::OnHold);
        let items = goal_items(plan, goal, today, reminder, known);
        out.extend(items.into_iter().filter(|w| open || known(&w.uid)));
    }
    out.push(review_item(plan, today, review_day, reminder));
    out
}

/// A goal's deadline, its dated milestones and its dated steps (and any written before).
fn goal_items(
    plan: &Plan,
    goal: &Goal,
    today: NaiveDate,
    reminder: Option<Reminder>,
    known: &dyn Fn(&str) -> bool,
) -> Vec<Wanted> {
    let cancelled = goal.status == GoalStatus::Dropped;
    let mut out = Vec::new();
    if let Some(deadline) = goal.deadline {
        out.push(Wanted {
            uid: uid_of(plan, Some(goal.id)),
            target: Target::Goal(goal.id),
            fields: Fields {
                summary: format!("{DEADLINE}{}", goal.title),
                due: Some(deadline),
                done: (goal.status == GoalStatus::Done).then(|| goal.completed.unwrap_or(today)),
                cancelled,
            },
            extras: Extras {
                description: goal.description.clone(),
                ..Extras::default()
            },
        });
    }
    for m in &goal.milestones {
        let uid = uid_of(plan, Some(m.id));
        if m.target.is_none() && !known(&uid) {
            continue;
        }
        out.push(Wanted {
            uid,
            target: Target::Milestone(m.id),
            fields: Fields {
                summary: format!("{MILESTONE}{}", m.title),
                due: m.target,
                done: m.done,
                cancelled: cancelled && m.done.is_none(),
            },
            extras: Extras {
                description: format!("Goal: {}", goal.title),
                ..Extras::default()
            },
        });
    }
    for s in goal.all_steps() {
        let uid = step_uid(plan, s);
        if s.due.is_some() || known(&uid) {
            out.push(step_item(uid, goal, s, cancelled, reminder));
        }
    }
    out
}

/// The UID a step goes out with: the phone's, for one made there.
pub fn step_uid(plan: &Plan, s: &ActionStep) -> String {
    match s.extra.get(CALENDAR_UID).and_then(|v| v.as_str()) {
        Some(uid) => uid.to_string(),
        None => uid_of(plan, Some(s.id)),
    }
}

fn step_item(
    uid: String,
    goal: &Goal,
    s: &ActionStep,
    cancelled: bool,
    reminder: Option<Reminder>,
) -> Wanted {
    Wanted {
        uid,
        target: Target::Step(s.id),
        fields: Fields {
            summary: s.title.clone(),
            due: s.due,
            done: s.done,
            cancelled: cancelled && s.done.is_none(),
        },
        extras: Extras {
            description: format!("Goal: {}", goal.title),
            rrule: s.recurrence.and_then(crate::ics::rrule),
            reminder,
        },
    }
}

/// The weekly review, due on the day it belongs to and repeating weekly from there.
fn review_item(
    plan: &Plan,
    today: NaiveDate,
    review_day: Weekday,
    reminder: Option<Reminder>,
) -> Wanted {
    use crate::model::weekly::{ReviewState, schedule};
    let due = match schedule(plan, today, review_day) {
        ReviewState::NotYet { first } => first,
        ReviewState::Due { anchor } | ReviewState::InProgress { anchor, .. } => anchor,
        ReviewState::Done { next, .. } => next,
    };
    Wanted {
        uid: uid_of(plan, None),
        target: Target::Review,
        fields: Fields {
            summary: "Weekly review (goalcoach)".to_string(),
            due: Some(due),
            done: None,
            cancelled: false,
        },
        extras: Extras {
            description: "Look back at the week, look ahead, decide: open goalcoach and press the review key.".to_string(),
            rrule: Some("FREQ=WEEKLY".to_string()),
            reminder,
        },
    }
}
