//! The guided weekly review as rules: starting the week's record, moving between stages,
//! deciding about a goal, picking next week's commitments, finishing and skipping. Each
//! returns the record (and goal) as they should be after the step; the app applies them as
//! one edit. Pure: today and the week's anchor are passed in.

use super::progress::goal_progress;
use super::review::{Decision, ReviewedGoal, Stage, WeeklyReview, iso_week_label};
use super::{GoalStatus, ItemId, Node, Op, Plan};
use chrono::NaiveDate;

/// A new record for the week `anchor` belongs to, at the first stage, with the goals due
/// (`queue`) to go through one at a time.
pub fn start(anchor: NaiveDate, today: NaiveDate, queue: Vec<ItemId>) -> WeeklyReview {
    WeeklyReview {
        week: iso_week_label(anchor),
        date: today,
        stage: Some(Stage::Wins.name().to_string()),
        queue,
        ..WeeklyReview::default()
    }
}

/// The record moved one stage back; going back to the goals stage looks at the last goal
/// decided again. `None` at the first stage.
pub fn back(record: &WeeklyReview) -> Option<WeeklyReview> {
    let previous = record.current_stage()?.previous()?;
    let mut back = record.at_stage(previous);
    if previous == Stage::Goals {
        back.goals.pop();
    }
    Some(back)
}

/// The edits a decision about the goal under review makes: the goal marked reviewed for the
/// week (and on hold, dropped or done as decided), and the record moved to the next goal, or
/// to the next stage after the last. `None` outside the goals stage or when the goal is gone.
pub fn decide(
    plan: &Plan,
    record: &WeeklyReview,
    decision: Decision,
    anchor: NaiveDate,
    today: NaiveDate,
) -> Option<Vec<Op>> {
    if record.current_stage()? != Stage::Goals {
        return None;
    }
    let goal = plan.goal(record.current_goal()?)?;
    let mut updated = goal.without_children();
    updated.last_reviewed = Some(anchor);
    match decision {
        Decision::Hold => updated.status = GoalStatus::OnHold,
        Decision::Drop => updated.status = GoalStatus::Dropped,
        Decision::Done => {
            updated.status = GoalStatus::Done;
            updated.completed = Some(today);
        }
        Decision::Keep | Decision::Adjust => {}
    }
    let mut record = record.clone();
    record.goals.push(ReviewedGoal {
        goal: goal.id,
        progress: goal_progress(goal),
        confidence: goal.latest_checkin().map(|c| c.confidence),
        decision,
    });
    if record.current_goal().is_none() {
        record = record.at_stage(Stage::Stale);
    }
    Some(vec![
        Op::Update {
            node: Node::Goal(Box::new(updated)),
        },
        Op::PutReview(Box::new(record)),
    ])
}

/// Open steps of active goals, soonest due first (undated last): what next week's
/// commitments are picked from.
pub fn commitment_candidates(plan: &Plan) -> Vec<ItemId> {
    let mut steps: Vec<_> = plan
        .goals
        .iter()
        .filter(|g| g.is_active())
        .flat_map(|g| g.all_steps())
        .filter(|s| !s.is_done())
        .collect();
    steps.sort_by_key(|s| (s.due.is_none(), s.due));
    steps.into_iter().map(|s| s.id).collect()
}

/// The record with `step` picked as a commitment, or unpicked when it was.
pub fn toggle_commitment(record: &WeeklyReview, step: ItemId) -> WeeklyReview {
    let mut record = record.clone();
    match record.commitments.iter().position(|c| *c == step) {
        Some(i) => {
            record.commitments.remove(i);
        }
        None => record.commitments.push(step),
    }
    record
}

/// The finished record: no stage, dated today, keeping the titles of the week's wins.
pub fn finish(record: &WeeklyReview, wins: Vec<String>, today: NaiveDate) -> WeeklyReview {
    WeeklyReview {
        stage: None,
        date: today,
        wins,
        ..record.clone()
    }
}

/// The week `anchor` belongs to, skipped on purpose (what was started is kept); `None` when
/// its review is already finished.
pub fn skip(
    existing: Option<&WeeklyReview>,
    anchor: NaiveDate,
    today: NaiveDate,
) -> Option<WeeklyReview> {
    if existing.is_some_and(|r| r.stage.is_none() && !r.skipped) {
        return None;
    }
    Some(WeeklyReview {
        week: iso_week_label(anchor),
        date: today,
        skipped: true,
        stage: None,
        ..existing.cloned().unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionStep, Goal};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn plan() -> Plan {
        let mut plan = Plan::default();
        for title in ["first", "second"] {
            let id = plan.new_id();
            let mut g = Goal::new(id, title, d("2026-11-01"));
            let mut late = ActionStep::new(plan.new_id(), "undated");
            late.due = None;
            let mut soon = ActionStep::new(plan.new_id(), "soon");
            soon.due = Some(d("2026-11-25"));
            g.steps.extend([late, soon]);
            plan.goals.push(g);
        }
        plan
    }

    #[test]
    fn deciding_walks_the_queue_then_moves_to_the_next_stage() {
        let mut p = plan();
        let ids = vec![p.goals[0].id, p.goals[1].id];
        let mut record = start(d("2026-11-22"), d("2026-11-22"), ids).at_stage(Stage::Goals);
        for (decision, status) in [
            (Decision::Hold, GoalStatus::OnHold),
            (Decision::Done, GoalStatus::Done),
        ] {
            let ops = decide(&p, &record, decision, d("2026-11-22"), d("2026-11-23")).unwrap();
            p.apply(Op::Batch(ops)).unwrap();
            record = p.reviews[0].clone();
            let goal = p.goal(record.goals.last().unwrap().goal).unwrap();
            assert_eq!(
                (goal.status, goal.last_reviewed),
                (status, Some(d("2026-11-22")))
            );
        }
        assert_eq!(record.current_stage(), Some(Stage::Stale));
        assert_eq!(p.goals[1].completed, Some(d("2026-11-23")));
        assert!(
            decide(
                &p,
                &record,
                Decision::Keep,
                d("2026-11-22"),
                d("2026-11-23")
            )
            .is_none()
        );
        let back = back(&record.at_stage(Stage::Stale)).unwrap();
        assert_eq!(
            (back.current_stage(), back.goals.len()),
            (Some(Stage::Goals), 1)
        );
    }

    #[test]
    fn candidates_are_open_steps_of_active_goals_dated_first() {
        let mut p = plan();
        p.goals[1].status = GoalStatus::OnHold;
        let titles: Vec<_> = commitment_candidates(&p)
            .into_iter()
            .map(|id| p.title_of(id).unwrap().to_string())
            .collect();
        assert_eq!(titles, ["soon", "undated"]);
        let picked = toggle_commitment(&WeeklyReview::default(), ItemId(3));
        assert_eq!(picked.commitments, [ItemId(3)]);
        assert!(toggle_commitment(&picked, ItemId(3)).commitments.is_empty());
    }

    #[test]
    fn a_finished_week_cannot_be_skipped_but_a_started_one_can() {
        let done = WeeklyReview::default();
        assert!(skip(Some(&done), d("2026-11-22"), d("2026-11-22")).is_none());
        let started = start(d("2026-11-22"), d("2026-11-22"), vec![]);
        let skipped = skip(Some(&started), d("2026-11-22"), d("2026-11-23")).unwrap();
        assert!(skipped.skipped && skipped.stage.is_none());
        assert_eq!(skipped.week, "2026-W47");
        let finished = finish(&started, vec!["a win".into()], d("2026-11-23"));
        assert_eq!(
            (finished.stage, finished.wins),
            (None, vec!["a win".to_string()])
        );
    }
}
