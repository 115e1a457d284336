//! The guided weekly review: starting or resuming this week's review, moving through its
//! stages (wins, goals one at a time, stuck and stale, next week's commitments, reflection),
//! recording decisions, and finishing or skipping the week. The review in progress is a
//! record in the plan (its `stage` set), saved like every change, so quitting midway loses
//! nothing and reopening resumes where it stopped.

use super::edit;
use super::form::{Field, FieldKind};
use super::state::{AppState, FormPurpose, ItemForm};
use super::update::Effect;
use crate::model::review::{Decision, ReviewedGoal, WeeklyReview, iso_week_label};
use crate::model::weekly::{self, Draft, ReviewState};
use crate::model::{GoalStatus, ItemId, Node, Op, progress};
use chrono::NaiveDate;

/// The stages in order, as stored in the record.
pub const STAGES: [&str; 5] = ["wins", "goals", "stale", "plan", "reflect"];

/// The stage's heading.
pub fn stage_title(stage: &str) -> &'static str {
    match stage {
        "wins" => "Wins",
        "goals" => "Goals",
        "stale" => "Stuck and stale",
        "plan" => "Next week",
        _ => "Reflect",
    }
}

/// The day the review being worked on belongs to (see `weekly::current_anchor`).
pub fn anchor(state: &AppState) -> NaiveDate {
    weekly::current_anchor(&state.plan, state.today, state.review_day)
}

/// This week's review record while it is in progress.
pub fn in_progress(state: &AppState) -> Option<&WeeklyReview> {
    weekly::record_for(&state.plan, anchor(state)).filter(|r| r.stage.is_some() && !r.skipped)
}

/// The draft of this week's review (cached until the plan changes).
pub fn draft(state: &AppState) -> std::borrow::Cow<'_, Draft> {
    state.review_draft()
}

/// Open steps of active goals, soonest due first: what next week's commitments are picked from.
pub fn candidates(state: &AppState) -> Vec<ItemId> {
    let mut steps: Vec<_> = state
        .plan
        .goals
        .iter()
        .filter(|g| g.is_active())
        .flat_map(|g| g.all_steps())
        .filter(|s| !s.is_done())
        .collect();
    steps.sort_by_key(|s| (s.due.is_none(), s.due));
    steps.into_iter().map(|s| s.id).collect()
}

/// The goal being reviewed in the goals stage: the first of the queue not decided yet.
pub fn current_goal(record: &WeeklyReview) -> Option<ItemId> {
    record.queue.get(record.goals.len()).copied()
}

/// The item the keys act on in the review: the win, goal, stale item or step under the cursor.
pub fn current_item(state: &AppState) -> Option<ItemId> {
    let record = in_progress(state)?;
    let at = state.review_cursor;
    match record.stage.as_deref()? {
        "wins" => draft(state).wins.get(at).copied(),
        "goals" => current_goal(record),
        "stale" => draft(state).stale.get(at).map(|(id, _)| *id),
        "plan" => candidates(state).get(at).copied(),
        _ => None,
    }
}

/// How many rows the current stage lists (for moving the cursor).
pub fn rows_in_stage(state: &AppState) -> usize {
    match in_progress(state).and_then(|r| r.stage.as_deref()) {
        Some("wins") => draft(state).wins.len(),
        Some("stale") => draft(state).stale.len(),
        Some("plan") => candidates(state).len(),
        Some(_) => 0,
        None => state.plan.reviews.len(),
    }
}

fn put(state: &mut AppState, ops: Vec<Op>, label: &str) -> Effect {
    let select = state.selected;
    edit::apply(state, Op::Batch(ops), label, select)
}

fn with_stage(record: &WeeklyReview, stage: &str) -> WeeklyReview {
    WeeklyReview {
        stage: Some(stage.to_string()),
        ..record.clone()
    }
}

/// Starts this week's review (or says why not): the record is saved at once with the queue of
/// goals due, so the review survives a quit.
pub fn start(state: &mut AppState) -> Effect {
    let anchor = anchor(state);
    match weekly::schedule(&state.plan, state.today, state.review_day) {
        ReviewState::InProgress { .. } => Effect::None,
        ReviewState::Done { next, .. } => {
            state.info(format!(
                "This week's review is done. The next one is for {next}."
            ));
            Effect::None
        }
        ReviewState::Due { .. } => {
            let draft = draft(state);
            let record = WeeklyReview {
                week: iso_week_label(anchor),
                date: state.today,
                stage: Some(STAGES[0].to_string()),
                queue: draft.due_goals.clone(),
                ..WeeklyReview::default()
            };
            state.review_cursor = 0;
            put(
                state,
                vec![Op::PutReview(Box::new(record))],
                "start the weekly review",
            )
        }
    }
}

/// Moves to the next stage; in the goals stage, keeps the current goal as it is and moves on.
pub fn next(state: &mut AppState) -> Effect {
    let Some(record) = in_progress(state).cloned() else {
        return start(state);
    };
    if record.stage.as_deref() == Some("goals") && current_goal(&record).is_some() {
        return decide(state, Decision::Keep);
    }
    let stage = record.stage.as_deref().unwrap_or("wins");
    match STAGES.iter().position(|s| *s == stage) {
        Some(i) if i + 1 < STAGES.len() => {
            state.review_cursor = 0;
            put(
                state,
                vec![Op::PutReview(Box::new(with_stage(&record, STAGES[i + 1])))],
                "next review stage",
            )
        }
        _ => finish(state),
    }
}

/// Goes back one stage (decisions already made stay).
pub fn back(state: &mut AppState) -> Effect {
    let Some(record) = in_progress(state).cloned() else {
        return Effect::None;
    };
    let stage = record.stage.as_deref().unwrap_or("wins");
    match STAGES.iter().position(|s| *s == stage) {
        Some(i) if i > 0 => {
            state.review_cursor = 0;
            let mut back = with_stage(&record, STAGES[i - 1]);
            if STAGES[i - 1] == "goals" && !back.goals.is_empty() {
                back.goals.pop(); // look at the last goal again
            }
            put(
                state,
                vec![Op::PutReview(Box::new(back))],
                "previous review stage",
            )
        }
        _ => Effect::None,
    }
}

/// Records a decision on the current goal (and what it means for the goal), marks the goal
/// reviewed for this week, and moves to the next goal. Adjust also opens the goal's editor.
pub fn decide(state: &mut AppState, decision: Decision) -> Effect {
    let Some(record) = in_progress(state).cloned() else {
        return Effect::None;
    };
    let (Some("goals"), Some(goal_id)) = (record.stage.as_deref(), current_goal(&record)) else {
        state.info("Decisions are for the goals stage.");
        return Effect::None;
    };
    let Some(goal) = state.plan.goal(goal_id) else {
        return Effect::None;
    };
    let mut updated = goal.without_children();
    updated.last_reviewed = Some(anchor(state));
    match decision {
        Decision::Hold => updated.status = GoalStatus::OnHold,
        Decision::Drop => updated.status = GoalStatus::Dropped,
        Decision::Done => {
            updated.status = GoalStatus::Done;
            updated.completed = Some(state.today);
        }
        Decision::Keep | Decision::Adjust => {}
    }
    let mut record = record;
    record.goals.push(ReviewedGoal {
        goal: goal_id,
        progress: progress::goal_progress(goal),
        confidence: goal.latest_checkin().map(|c| c.confidence),
        decision,
    });
    if current_goal(&record).is_none() {
        record.stage = Some("stale".into());
        state.review_cursor = 0;
    }
    let ops = vec![
        Op::Update {
            node: Node::Goal(Box::new(updated)),
        },
        Op::PutReview(Box::new(record)),
    ];
    let effect = put(
        state,
        ops,
        &format!("review decision: {decision:?}").to_lowercase(),
    );
    if decision == Decision::Adjust && effect == Effect::Save {
        state.selected = Some(goal_id);
        if let Some(goal) = state.plan.goal(goal_id) {
            state.form = Some(super::forms::edit_goal(goal, &state.plan.profile));
        }
    }
    effect
}

/// Picks or unpicks the step under the cursor as a commitment for next week.
pub fn toggle_commitment(state: &mut AppState) -> Effect {
    let Some(record) = in_progress(state).cloned() else {
        return Effect::None;
    };
    if record.stage.as_deref() != Some("plan") {
        return Effect::None;
    }
    let Some(step) = candidates(state).get(state.review_cursor).copied() else {
        return Effect::None;
    };
    let mut record = record;
    match record.commitments.iter().position(|c| *c == step) {
        Some(i) => {
            record.commitments.remove(i);
        }
        None => record.commitments.push(step),
    }
    put(
        state,
        vec![Op::PutReview(Box::new(record))],
        "pick next week's commitments",
    )
}

/// Opens the reflection prompts.
pub fn open_reflection(state: &mut AppState) -> Effect {
    let Some(record) = in_progress(state) else {
        return Effect::None;
    };
    let fields = vec![
        Field::new(
            "went_well",
            "What went well",
            FieldKind::LongText,
            &record.went_well,
        ),
        Field::new(
            "in_the_way",
            "What got in the way",
            FieldKind::LongText,
            &record.got_in_the_way,
        ),
        Field::new(
            "adjust",
            "What to adjust",
            FieldKind::LongText,
            &record.adjust,
        ),
        Field::new(
            "strengths",
            "Strengths used (a, b)",
            FieldKind::Text,
            &record.strengths_used.join(", "),
        ),
        Field::new(
            "reflection",
            "Anything else",
            FieldKind::LongText,
            &record.reflection,
        ),
    ];
    let mut form = ItemForm::new(
        FormPurpose::Reflection,
        "Reflect on the week".into(),
        fields,
    );
    form.note = Some("A few honest lines are enough; Ctrl-e opens your editor for more.".into());
    state.form = Some(form);
    Effect::None
}

/// Saves the reflection prompts into this week's record.
pub fn save_reflection(state: &mut AppState, mut form: ItemForm) -> Effect {
    let Some(record) = in_progress(state).cloned() else {
        return Effect::None;
    };
    let mut r = super::form::Reader::new(&mut form, state.today);
    let record = WeeklyReview {
        went_well: r.text("went_well"),
        got_in_the_way: r.text("in_the_way"),
        adjust: r.text("adjust"),
        strengths_used: r.list("strengths"),
        reflection: r.text("reflection"),
        ..record
    };
    put(
        state,
        vec![Op::PutReview(Box::new(record))],
        "write the reflection",
    )
}

/// Finishes the review: the record keeps this week's wins and is marked done.
pub fn finish(state: &mut AppState) -> Effect {
    let Some(record) = in_progress(state).cloned() else {
        return Effect::None;
    };
    let wins = draft(state)
        .wins
        .iter()
        .map(|id| state.title_of(*id).to_string())
        .collect();
    let record = WeeklyReview {
        stage: None,
        date: state.today,
        wins,
        ..record
    };
    let effect = put(
        state,
        vec![Op::PutReview(Box::new(record))],
        "finish the weekly review",
    );
    if effect == Effect::Save {
        state.info("Review saved. See you next week.");
    }
    effect
}

/// Skips this week on purpose: recorded as skipped, which is not a failure.
pub fn skip(state: &mut AppState) -> Effect {
    let anchor = anchor(state);
    let existing = weekly::record_for(&state.plan, anchor).cloned();
    if existing
        .as_ref()
        .is_some_and(|r| r.stage.is_none() && !r.skipped)
    {
        state.info("This week's review is already done.");
        return Effect::None;
    }
    let record = WeeklyReview {
        week: iso_week_label(anchor),
        date: state.today,
        skipped: true,
        stage: None,
        ..existing.unwrap_or_default()
    };
    let effect = put(
        state,
        vec![Op::PutReview(Box::new(record))],
        "skip this week's review",
    );
    if effect == Effect::Save {
        state.info("Week skipped. A short note in next week's reflection can say why.");
    }
    effect
}

/// Adds the win under the cursor to the profile's achievements (once), linked to its goal.
pub fn log_achievement(state: &mut AppState) -> Effect {
    let Some(record) = in_progress(state) else {
        return Effect::None;
    };
    if record.stage.as_deref() != Some("wins") {
        state.info("Wins can be logged as achievements in the wins stage.");
        return Effect::None;
    }
    let Some(id) = draft(state).wins.get(state.review_cursor).copied() else {
        return Effect::None;
    };
    edit::promote(state, id)
}
