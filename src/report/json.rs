//! `--json` for the read commands (`list`, `agenda`, `review --print`): the same facts as the
//! text, as one JSON object for scripts, status bars and prompts. Every object starts with
//! `"goalcoach_json": JSON_VERSION`; a change a script could trip on bumps it (new keys do
//! not). Items are named by the short number the commands take (`"num": 12`). The shapes
//! are documented in docs/cli-json.md.

use crate::model::agenda::{self, Bucket};
use crate::model::progress;
use crate::model::view::Scope;
use crate::model::weekly::{self, ReviewState};
use crate::model::{ActionStep, Goal, ItemId, Milestone, Plan, smart};
use chrono::{NaiveDate, Weekday};
use serde_json::{Value, json};

/// The version of the shapes below.
pub const JSON_VERSION: u32 = 1;

fn date(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.to_string()))
}

/// Two decimals are plenty for a share of 0 to 1.
fn share(x: f64) -> Value {
    json!((x * 100.0).round() / 100.0)
}

fn step_json(s: &ActionStep) -> Value {
    json!({
        "num": s.num.0,
        "title": s.title,
        "due": date(s.due),
        "done": date(s.done),
        "importance": s.importance,
        "urgency": s.urgency,
        "repeats": s.recurrence.map(|r| r.to_string()),
    })
}

fn milestone_json(m: &Milestone) -> Value {
    json!({
        "num": m.num.0,
        "title": m.title,
        "target": date(m.target),
        "done": date(m.done),
        "progress": share(progress::milestone_progress(m)),
        "steps": m.steps.iter().map(step_json).collect::<Vec<_>>(),
    })
}

fn measure_json(goal: &Goal, m: &crate::model::Measure, today: NaiveDate) -> Value {
    let pace = progress::measure_pace(goal, m, today);
    json!({
        "name": m.name,
        "unit": m.unit,
        "start": m.start,
        "current": m.current,
        "target": m.target,
        "leading": m.leading,
        "weight": m.weight,
        "progress": share(pace.progress),
        "pace": pace.standing.label(),
    })
}

fn goal_json(goal: &Goal, today: NaiveDate) -> Value {
    let pace = progress::pace(goal, today);
    json!({
        "num": goal.num.0,
        "title": goal.title,
        "status": goal.status.label(),
        "deadline": date(goal.deadline),
        "progress": share(pace.progress),
        "pace": pace.standing.label(),
        "pace_line": pace.expected.map(share),
        "projected_finish": date(pace.projected_finish),
        "smart_gaps": smart::gaps_label(goal, today),
        "focus": goal.focus,
        "archived": date(goal.archived),
        "tags": goal.tags,
        "measures": goal.measures.iter().map(|m| measure_json(goal, m, today)).collect::<Vec<_>>(),
        "milestones": goal.milestones.iter().map(milestone_json).collect::<Vec<_>>(),
        "steps": goal.steps.iter().map(step_json).collect::<Vec<_>>(),
    })
}

/// `goalcoach list --json`: every goal with its milestones and steps.
pub fn list(plan: &Plan, today: NaiveDate, device: &str) -> Value {
    json!({
        "goalcoach_json": JSON_VERSION,
        "today": today.to_string(),
        "goals": plan.goals.iter().map(|g| goal_json(g, today)).collect::<Vec<_>>(),
        "conflicts": plan.conflicts.iter().map(|c| conflict_json(plan, c, device)).collect::<Vec<_>>(),
    })
}

/// One conflict a merge left: what it is about, and each value with the device that wrote
/// it, `this_computer` true for the one named `device`.
fn conflict_json(plan: &Plan, c: &crate::model::Conflict, device: &str) -> Value {
    let side = |value: &Value, on: &str| {
        json!({
            "value": value,
            "device": (!on.is_empty()).then_some(on),
            "this_computer": !on.is_empty() && on == device,
        })
    };
    json!({
        "about": c.describe(plan),
        "item": c.item.map(|id| plan.num_of(id).0),
        "field": c.field,
        "kind": match c.kind {
            crate::model::ConflictKind::BothChanged => "both_changed",
            crate::model::ConflictKind::DeletedElsewhere => "deleted_elsewhere",
        },
        "in_place": side(&c.kept, &c.kept_on),
        "waiting": side(&c.other, &c.other_on),
    })
}

/// `goalcoach show N --json`: the item as plan.json holds it (a goal or milestone with what
/// is under it), its kind and number, its goal's number, and the summary `list --json` gives.
pub fn item(plan: &Plan, id: ItemId, today: NaiveDate) -> Value {
    let loc = plan.locate(id);
    let (summary, item) = match loc {
        Some(crate::model::Loc::Goal(g)) => {
            let goal = &plan.goals[g];
            (goal_json(goal, today), serde_json::to_value(goal))
        }
        Some(loc @ crate::model::Loc::Milestone(..)) => match plan.milestone_at(loc) {
            Some(m) => (milestone_json(m), serde_json::to_value(m)),
            None => (Value::Null, Ok(Value::Null)),
        },
        Some(loc) => match plan.step_at(loc) {
            Some(s) => (step_json(s), serde_json::to_value(s)),
            None => (Value::Null, Ok(Value::Null)),
        },
        None => (Value::Null, Ok(Value::Null)),
    };
    json!({
        "goalcoach_json": JSON_VERSION,
        "today": today.to_string(),
        "kind": loc.map(|l| l.kind().label()),
        "num": plan.num_of(id).0,
        "goal": plan.goal_of(id).map(|g| g.num.0),
        "summary": summary,
        "item": item.unwrap_or(Value::Null),
    })
}

/// An item named by its number, kind, title and goal.
fn item_ref(plan: &Plan, id: ItemId) -> Value {
    let kind = plan.locate(id).map_or("item", |l| l.kind().label());
    let goal = plan.goal_of(id);
    json!({
        "num": plan.num_of(id).0,
        "kind": kind,
        "title": plan.title_of(id).unwrap_or_default(),
        "goal": goal.map(|g| g.num.0),
        "goal_title": goal.map(|g| g.title.as_str()),
    })
}

fn bucket_name(b: Bucket) -> &'static str {
    match b {
        Bucket::Overdue => "overdue",
        Bucket::Today => "today",
        Bucket::ThisWeek => "this_week",
        Bucket::NextWeek => "next_week",
        Bucket::Later => "later",
    }
}

/// `goalcoach agenda --json`, with only the buckets in `buckets`.
pub fn agenda(plan: &Plan, today: NaiveDate, week_start: Weekday, buckets: &[Bucket]) -> Value {
    let a = agenda::agenda(plan, today, week_start, &Scope::default());
    let refs = |ids: &[ItemId]| ids.iter().map(|&id| item_ref(plan, id)).collect::<Vec<_>>();
    let items: Vec<Value> = a
        .items
        .iter()
        .filter(|i| buckets.contains(&i.bucket))
        .map(|i| {
            let mut v = item_ref(plan, i.id);
            v["date"] = json!(i.date.to_string());
            v["bucket"] = json!(bucket_name(i.bucket));
            v
        })
        .collect();
    let next: Vec<ItemId> = a.next_actions.iter().map(|&(_, step)| step).collect();
    json!({
        "goalcoach_json": JSON_VERSION,
        "today": today.to_string(),
        "focus": refs(&a.focus),
        "items": items,
        "next_actions": refs(&next),
        "done_today": refs(&a.done_today),
        "stalled": refs(&a.stalled),
        "stuck": refs(&a.stuck),
    })
}

/// `goalcoach review --print --json`: where this week's review stands and its draft.
pub fn review(plan: &Plan, today: NaiveDate, review_day: Weekday, week_start: Weekday) -> Value {
    let anchor = weekly::current_anchor(plan, today, review_day);
    let draft = weekly::draft(plan, anchor, today, week_start);
    let (state, next) = match weekly::schedule(plan, today, review_day) {
        ReviewState::NotYet { first } => ("not_yet", Some(first)),
        ReviewState::Due { .. } => ("due", None),
        ReviewState::InProgress { .. } => ("in_progress", None),
        ReviewState::Done { next, .. } => ("done", Some(next)),
    };
    let refs = |ids: &[ItemId]| ids.iter().map(|&id| item_ref(plan, id)).collect::<Vec<_>>();
    let stale: Vec<Value> = draft
        .stale
        .iter()
        .map(|(id, why)| {
            let mut v = item_ref(plan, *id);
            v["why"] = json!(why.label());
            v
        })
        .collect();
    json!({
        "goalcoach_json": JSON_VERSION,
        "today": today.to_string(),
        "week": draft.week,
        "review_day": anchor.to_string(),
        "state": state,
        "next": date(next),
        "streak": weekly::review_streak(plan, anchor),
        "wins": refs(&draft.wins),
        "goals_to_review": refs(&draft.due_goals),
        "stale": stale,
        "opens_with": draft.opens_with,
        "commitments": refs(weekly::commitments_in_force(plan)),
    })
}

/// Pretty JSON with a final newline, as the commands print it.
pub fn to_text(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}
