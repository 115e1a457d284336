//! The weekly review's rules: when a review is due (anchored to a weekday, so a late review
//! still counts for its week), what this week's draft holds (wins, goals due by their
//! interval, stuck and stale items), what changed since last week, and the history figures
//! (steps done per week, review streak). Pure: today is passed in.

use super::Plan;
use super::agenda::{is_stalled, is_stuck};
use super::dates::{minus_days, plus_days};
use super::goal::Goal;
use super::ids::ItemId;
use super::progress::goal_progress;
use super::review::{WeeklyReview, iso_week_label};
use chrono::{Datelike, NaiveDate, Weekday};

/// A step moved later this many times counts as stale.
pub const STALE_AFTER_RESCHEDULES: u32 = 3;

/// The last `review_day` on or before `today`: the day the current week's review belongs to.
pub fn anchor_on_or_before(today: NaiveDate, review_day: Weekday) -> NaiveDate {
    let back = (today.weekday().num_days_from_monday() + 7 - review_day.num_days_from_monday()) % 7;
    minus_days(today, back.into())
}

/// The first day anything was in the plan: its earliest goal, or the day the guided start
/// began; `None` for a plan with nothing in it yet.
pub fn plan_began(plan: &Plan) -> Option<NaiveDate> {
    let goals = plan.goals.iter().map(|g| g.created);
    goals.chain(plan.profile.journey.started).min()
}

/// The review day of the first week that counts: the first one after the plan began (a
/// plan is never asked to review a week it did not exist in).
pub fn first_review(plan: &Plan, today: NaiveDate, review_day: Weekday) -> NaiveDate {
    let began = plan_began(plan).unwrap_or(today);
    plus_days(anchor_on_or_before(began, review_day), 7)
}

/// Where this week's review stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewState {
    /// The plan is newer than the first review day: the first review belongs to `first`.
    NotYet { first: NaiveDate },
    /// Not started; `anchor` is the day it belongs to (today or earlier: late is fine).
    Due { anchor: NaiveDate },
    /// Started and not finished: resume at `stage`.
    InProgress { anchor: NaiveDate, stage: String },
    /// Finished or skipped; the next one belongs to `next`.
    Done { anchor: NaiveDate, next: NaiveDate },
}

/// The review record of the week `anchor` belongs to.
pub fn record_for(plan: &Plan, anchor: NaiveDate) -> Option<&WeeklyReview> {
    let week = iso_week_label(anchor);
    plan.reviews.iter().find(|r| r.week == week)
}

/// Whether a review record was started and not finished (nor skipped).
pub fn is_unfinished(r: &WeeklyReview) -> bool {
    r.stage.is_some() && !r.skipped
}

/// The day the review to work on belongs to: this week's, except on the review day itself
/// when last week's review was started, not finished, and this week's has not begun; then
/// last week's, so a review resumed after midnight is never orphaned. Past that day an
/// unfinished review is kept as partial (`is_partial`).
pub fn current_anchor(plan: &Plan, today: NaiveDate, review_day: Weekday) -> NaiveDate {
    let anchor = anchor_on_or_before(today, review_day);
    let previous = minus_days(anchor, 7);
    let grace = today == anchor
        && record_for(plan, anchor).is_none()
        && record_for(plan, previous).is_some_and(is_unfinished);
    if grace { previous } else { anchor }
}

/// Whether `r` was left unfinished and its week is over: kept as it stands, shown as
/// partial, neither counted in the streak nor breaking it.
pub fn is_partial(plan: &Plan, r: &WeeklyReview, today: NaiveDate, review_day: Weekday) -> bool {
    is_unfinished(r) && r.week != iso_week_label(current_anchor(plan, today, review_day))
}

/// The review day on which `goal` is next due for review, from when it was last reviewed
/// and its interval; never before `earliest` (the current review's day, or the plan's first
/// review when that is later): a goal overdue for review is due in this one.
pub fn next_review_of(goal: &Goal, earliest: NaiveDate, review_day: Weekday) -> NaiveDate {
    let Some(last) = goal.last_reviewed else {
        return earliest;
    };
    let due = plus_days(last, u64::from(goal.review_interval_days.max(1)));
    let anchor = anchor_on_or_before(due, review_day);
    let on_or_after = if anchor < due {
        plus_days(anchor, 7)
    } else {
        anchor
    };
    on_or_after.max(earliest)
}

/// Where this week's review stands on `today`.
pub fn schedule(plan: &Plan, today: NaiveDate, review_day: Weekday) -> ReviewState {
    let anchor = current_anchor(plan, today, review_day);
    let first = first_review(plan, today, review_day);
    if anchor < first && record_for(plan, anchor).is_none() {
        return ReviewState::NotYet { first };
    }
    match record_for(plan, anchor) {
        None => ReviewState::Due { anchor },
        Some(r) => match &r.stage {
            Some(stage) if !r.skipped => ReviewState::InProgress {
                anchor,
                stage: stage.clone(),
            },
            _ => ReviewState::Done {
                anchor,
                next: plus_days(anchor, 7),
            },
        },
    }
}

/// Why an item is in the "stuck and stale" stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaleReason {
    /// A goal with no open next step.
    NoNextStep,
    /// A goal with nothing done and no check-in for two weeks.
    Stalled,
    /// A step past its due date.
    Overdue,
    /// A step moved later three or more times.
    Rescheduled,
}

impl StaleReason {
    /// Words for the reason.
    pub fn label(self) -> &'static str {
        match self {
            StaleReason::NoNextStep => "no next step",
            StaleReason::Stalled => "quiet for two weeks",
            StaleReason::Overdue => "overdue",
            StaleReason::Rescheduled => "moved later 3+ times",
        }
    }
}

/// A goal's change since the last review.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalDelta {
    pub goal: ItemId,
    pub progress_before: f64,
    pub progress_now: f64,
    pub confidence_before: Option<u8>,
    pub confidence_now: Option<u8>,
}

/// What happened since the previous review.
#[derive(Clone, Debug, PartialEq)]
pub struct SinceLast {
    pub week: String,
    pub deltas: Vec<GoalDelta>,
    /// Last week's commitments and whether each is done (`None`: the step is gone).
    pub commitments: Vec<(ItemId, Option<bool>)>,
    /// What last week's reflection said to adjust.
    pub adjust: String,
    /// Whom last week's review meant to ask for feedback.
    pub ask_feedback: String,
}

/// What a week's review shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub week: String,
    pub anchor: NaiveDate,
    /// Goals, milestones and steps done in the seven days ending on the anchor.
    pub wins: Vec<ItemId>,
    /// Active goals due for review by their interval.
    pub due_goals: Vec<ItemId>,
    pub stale: Vec<(ItemId, StaleReason)>,
    pub since_last: Option<SinceLast>,
    /// What the review opens with: each change of course since the last review ("since you
    /// adapted …") and each if–then plan that failed twice in a row.
    pub opens_with: Vec<String>,
}

fn in_week(date: Option<NaiveDate>, anchor: NaiveDate) -> bool {
    date.is_some_and(|d| d <= anchor && d > minus_days(anchor, 7))
}

/// The first day whose done items count as this review's wins: the day after the last
/// finished review (so nothing done since is missed, even after a late review or a skipped
/// week), or, with none in the last four weeks, the first day of the configured week
/// holding the review's day.
pub fn wins_from(plan: &Plan, anchor: NaiveDate, week_start: Weekday) -> NaiveDate {
    let week_began = minus_days(anchor, anchor.weekday().days_since(week_start).into());
    let week = iso_week_label(anchor);
    plan.reviews
        .iter()
        .filter(|r| r.week < week && !r.skipped && r.stage.is_none())
        .map(|r| r.date.succ_opt().unwrap_or(r.date))
        .filter(|&d| d > minus_days(week_began, 28) && d <= anchor)
        .max()
        .unwrap_or(week_began)
}

/// Whether `goal` is due for review in the week of `anchor` (never the Inbox: its steps are
/// filed, not reviewed; the review opens with them instead).
pub fn is_due(goal: &Goal, anchor: NaiveDate) -> bool {
    goal.is_active()
        && !goal.is_inbox()
        && goal
            .last_reviewed
            .is_none_or(|d| plus_days(d, u64::from(goal.review_interval_days.max(1))) <= anchor)
}

/// The draft of the review for the week of `anchor`, seen on `today`, with weeks starting on
/// `week_start`. Focus goals come first in the queue.
pub fn draft(plan: &Plan, anchor: NaiveDate, today: NaiveDate, week_start: Weekday) -> Draft {
    let from = wins_from(plan, anchor, week_start);
    let to = today.max(anchor);
    let counts = |d: Option<NaiveDate>| d.is_some_and(|d| d >= from && d <= to);
    let mut wins = Vec::new();
    for goal in &plan.goals {
        if goal.status == super::GoalStatus::Done && counts(goal.completed) {
            wins.push(goal.id);
        }
        wins.extend(
            goal.milestones
                .iter()
                .filter(|m| counts(m.done))
                .map(|m| m.id),
        );
        wins.extend(
            goal.all_steps()
                .filter(|s| s.done_dates().any(|d| counts(Some(d))))
                .map(|s| s.id),
        );
    }
    let mut due: Vec<&Goal> = plan.goals.iter().filter(|g| is_due(g, anchor)).collect();
    due.sort_by_key(|g| !g.focus);
    let due_goals = due.into_iter().map(|g| g.id).collect();
    Draft {
        week: iso_week_label(anchor),
        anchor,
        wins,
        due_goals,
        stale: stale_items(plan, today),
        since_last: since_last(plan, &iso_week_label(anchor)),
        opens_with: opens_with(plan, from),
    }
}

/// The lines a review opens with (see `Draft::opens_with`), adaptations first.
pub fn opens_with(plan: &Plan, since: NaiveDate) -> Vec<String> {
    let adapted = super::adapt::since(plan, since)
        .into_iter()
        .map(|(g, a)| super::adapt::since_line(g, a));
    let failing = plan.goals.iter().filter(|g| g.is_active()).flat_map(|g| {
        super::lived::failing_plans(g).map(move |b| super::lived::failing_question(g, b))
    });
    let inbox = plan.goals.iter().filter(|g| g.is_inbox()).filter_map(|g| {
        let open = g.steps.iter().filter(|s| !s.is_done()).count();
        (open > 0).then(|| {
            format!(
                "{} in the Inbox, made on your phone: file each under the goal it serves, \
                 or delete it.",
                super::text::plural(open, "to-do")
            )
        })
    });
    adapted.chain(failing).chain(inbox).collect()
}

fn stale_items(plan: &Plan, today: NaiveDate) -> Vec<(ItemId, StaleReason)> {
    let mut out = Vec::new();
    for goal in plan.goals.iter().filter(|g| g.is_active()) {
        if is_stuck(goal) {
            out.push((goal.id, StaleReason::NoNextStep));
        } else if is_stalled(goal, today) {
            out.push((goal.id, StaleReason::Stalled));
        }
        for s in goal.all_steps().filter(|s| !s.is_done()) {
            if super::dates::is_overdue(s.due, s.is_done(), today) {
                out.push((s.id, StaleReason::Overdue));
            } else if s.reschedules >= STALE_AFTER_RESCHEDULES {
                out.push((s.id, StaleReason::Rescheduled));
            }
        }
    }
    out
}

/// The steps picked as commitments in the latest finished review: this week's promises,
/// marked wherever the steps show until the next review picks new ones.
pub fn commitments_in_force(plan: &Plan) -> &[ItemId] {
    plan.reviews
        .iter()
        .filter(|r| !r.skipped && r.stage.is_none())
        .max_by(|a, b| a.week.cmp(&b.week))
        .map_or(&[], |r| &r.commitments)
}

/// The latest finished, not skipped review before `week`.
pub fn previous_review<'a>(plan: &'a Plan, week: &str) -> Option<&'a WeeklyReview> {
    plan.reviews
        .iter()
        .filter(|r| r.week.as_str() < week && !r.skipped && r.stage.is_none())
        .max_by(|a, b| a.week.cmp(&b.week))
}

fn since_last(plan: &Plan, week: &str) -> Option<SinceLast> {
    let last = previous_review(plan, week)?;
    let deltas = last
        .goals
        .iter()
        .filter_map(|rg| {
            let goal = plan.goal(rg.goal)?;
            Some(GoalDelta {
                goal: rg.goal,
                progress_before: rg.progress,
                progress_now: goal_progress(goal),
                confidence_before: rg.confidence,
                confidence_now: goal.latest_checkin().map(|c| c.confidence),
            })
        })
        .collect();
    let commitments = last
        .commitments
        .iter()
        .map(|&id| (id, plan.step(id).map(|s| commitment_kept(s, last.date))))
        .collect();
    Some(SinceLast {
        week: last.week.clone(),
        deltas,
        commitments,
        adjust: last.adjust.clone(),
        ask_feedback: last.ask_feedback.clone(),
    })
}

/// Whether a step committed to in a review taken on `since` was kept: done, or for a
/// repeating step, an occurrence done since then.
pub fn commitment_kept(step: &crate::model::ActionStep, since: NaiveDate) -> bool {
    step.is_done() || step.history.iter().any(|&d| d >= since)
}

/// Steps done in each of the `weeks` review weeks up to `today`, oldest first, with the
/// week: each week ends on a review day like `anchor`, and the last is the one `today` falls
/// in, so the week so far is counted too.
pub fn steps_done_per_week(
    plan: &Plan,
    anchor: NaiveDate,
    today: NaiveDate,
    weeks: usize,
) -> Vec<(String, u64)> {
    let anchor = if today > anchor {
        plus_days(anchor, 7)
    } else {
        anchor
    };
    (0..weeks)
        .rev()
        .map(|back| {
            let end = minus_days(anchor, 7 * back as u64);
            let done = plan
                .goals
                .iter()
                .flat_map(|g| g.all_steps())
                .flat_map(|s| s.done_dates())
                .filter(|&d| in_week(Some(d), end))
                .count();
            (iso_week_label(end), done as u64)
        })
        .collect()
}

/// How many weeks in a row, back from the week of `anchor` (or the one before, while this
/// one is still open), have a finished review. Skipped weeks and partial reviews neither
/// count nor break it.
pub fn review_streak(plan: &Plan, anchor: NaiveDate) -> usize {
    let finished = |a: NaiveDate| record_for(plan, a).is_some_and(|r| r.stage.is_none());
    let mut week = if finished(anchor) {
        anchor
    } else {
        minus_days(anchor, 7)
    };
    let mut streak = 0;
    for _ in 0..520 {
        match record_for(plan, week) {
            Some(r) if r.skipped || is_unfinished(r) => {}
            Some(_) => streak += 1,
            _ => break,
        }
        week = minus_days(week, 7);
    }
    streak
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::goal::CheckIn;
    use crate::model::review::ReviewedGoal;
    use crate::model::{ActionStep, Milestone};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    // Sunday 2026-11-22 is the anchor of ISO week 2026-W47.
    const SUNDAY: &str = "2026-11-22";

    /// A plan that has existed since January, so its reviews are due.
    fn plan_since_january() -> Plan {
        Plan {
            goals: vec![Goal::new(ItemId(100), "old", d("2026-01-01"))],
            ..Plan::default()
        }
    }

    fn review(week: &str, stage: Option<&str>, skipped: bool) -> WeeklyReview {
        WeeklyReview {
            week: week.into(),
            stage: stage.map(str::to_string),
            skipped,
            ..WeeklyReview::default()
        }
    }

    #[test]
    fn a_review_started_late_and_resumed_after_its_week_is_not_orphaned() {
        // review_day Monday: on Sunday 11-22 the review belongs to Monday 11-16 (week W47).
        let mut plan = plan_since_january();
        let sunday = d(SUNDAY);
        let monday = d("2026-11-23");
        assert_eq!(anchor_on_or_before(sunday, Weekday::Mon), d("2026-11-16"));
        plan.reviews.push(review(
            &iso_week_label(d("2026-11-16")),
            Some("goals"),
            false,
        ));
        let resumed = schedule(&plan, monday, Weekday::Mon);
        assert_eq!(
            resumed,
            ReviewState::InProgress {
                anchor: d("2026-11-16"),
                stage: "goals".into()
            },
            "Monday resumes Sunday's review instead of starting a new one"
        );
        plan.reviews[0].stage = None;
        assert_eq!(
            schedule(&plan, monday, Weekday::Mon),
            ReviewState::Due { anchor: monday },
            "once it is finished, the new week's review is due"
        );
    }

    #[test]
    fn a_huge_review_interval_never_panics() {
        let mut plan = Plan::default();
        let mut goal = crate::model::Goal::new(ItemId(1), "g", d("2026-01-01"));
        goal.review_interval_days = u32::MAX;
        goal.last_reviewed = Some(d("2026-11-01"));
        plan.goals.push(goal);
        let draft = draft(&plan, d(SUNDAY), d(SUNDAY), Weekday::Mon);
        assert!(draft.due_goals.is_empty(), "not due for a very long time");
        let _ = schedule(&plan, NaiveDate::MAX, Weekday::Sun);
        let _ = draft_for_max(&plan);
    }

    fn draft_for_max(plan: &Plan) -> Draft {
        draft(plan, NaiveDate::MAX, NaiveDate::MAX, Weekday::Mon)
    }

    #[test]
    fn the_review_is_anchored_to_its_weekday() {
        assert_eq!(anchor_on_or_before(d(SUNDAY), Weekday::Sun), d(SUNDAY));
        assert_eq!(
            anchor_on_or_before(d("2026-11-24"), Weekday::Sun),
            d(SUNDAY),
            "Tuesday: late for Sunday's"
        );
        assert_eq!(
            anchor_on_or_before(d("2026-11-21"), Weekday::Sun),
            d("2026-11-15")
        );
        assert_eq!(
            anchor_on_or_before(d("2026-11-21"), Weekday::Fri),
            d("2026-11-20")
        );
    }

    #[test]
    fn a_late_review_counts_for_its_week_and_does_not_shift_the_next() {
        let mut plan = plan_since_january();
        let tuesday = d("2026-11-24");
        assert_eq!(
            schedule(&plan, tuesday, Weekday::Sun),
            ReviewState::Due { anchor: d(SUNDAY) }
        );
        plan.reviews.push(review("2026-W47", Some("goals"), false));
        assert_eq!(
            schedule(&plan, tuesday, Weekday::Sun),
            ReviewState::InProgress {
                anchor: d(SUNDAY),
                stage: "goals".into()
            }
        );
        plan.reviews[0].stage = None;
        assert_eq!(
            schedule(&plan, tuesday, Weekday::Sun),
            ReviewState::Done {
                anchor: d(SUNDAY),
                next: d("2026-11-29")
            }
        );
        assert_eq!(
            schedule(&plan, d("2026-11-29"), Weekday::Sun),
            ReviewState::Due {
                anchor: d("2026-11-29")
            }
        );
    }

    #[test]
    fn a_skipped_week_is_done_and_neither_counts_nor_breaks_the_streak() {
        let mut plan = Plan {
            reviews: vec![
                review("2026-W44", None, false),
                review("2026-W45", None, false),
                review("2026-W46", None, true),
            ],
            ..Plan::default()
        };
        assert!(matches!(
            schedule(&plan, d("2026-11-15"), Weekday::Sun),
            ReviewState::Done { .. }
        ));
        assert_eq!(
            review_streak(&plan, d(SUNDAY)),
            2,
            "W47 open, W46 skipped, W45 and W44 done"
        );
        plan.reviews.push(review("2026-W47", None, false));
        assert_eq!(review_streak(&plan, d(SUNDAY)), 3);
        plan.reviews.remove(1);
        assert_eq!(review_streak(&plan, d(SUNDAY)), 1, "a missed week ends it");
    }

    fn goal_with_steps() -> Goal {
        let mut g = Goal::new(ItemId(1), "g", d("2026-10-01"));
        let mut done = ActionStep::new(ItemId(2), "done this week");
        done.done = Some(d("2026-11-18"));
        let mut old = ActionStep::new(ItemId(3), "done last week");
        old.done = Some(d("2026-11-14"));
        let mut overdue = ActionStep::new(ItemId(4), "overdue");
        overdue.due = Some(d("2026-11-20"));
        let mut moved = ActionStep::new(ItemId(5), "moved often");
        moved.reschedules = 3;
        g.steps = vec![done, old, overdue, moved];
        let mut m = Milestone::new(ItemId(6), "milestone");
        m.done = Some(d(SUNDAY));
        g.milestones.push(m);
        g
    }

    #[test]
    fn the_draft_holds_wins_due_goals_and_stale_items() {
        let mut plan = Plan {
            goals: vec![goal_with_steps()],
            ..Plan::default()
        };
        let mut quiet = Goal::new(ItemId(7), "no steps", d("2026-10-01"));
        quiet.last_reviewed = Some(d("2026-11-20"));
        plan.goals.push(quiet);
        let draft = draft(&plan, d(SUNDAY), d(SUNDAY), Weekday::Mon);
        assert_eq!(draft.week, "2026-W47");
        assert_eq!(draft.wins, [ItemId(6), ItemId(2)]);
        assert_eq!(
            draft.due_goals,
            [ItemId(1)],
            "goal 7 was reviewed 2 days ago"
        );
        assert_eq!(
            draft.stale,
            [
                (ItemId(4), StaleReason::Overdue),
                (ItemId(5), StaleReason::Rescheduled),
                (ItemId(7), StaleReason::NoNextStep)
            ]
        );
    }

    #[test]
    fn review_intervals_decide_which_goals_are_due() {
        let mut g = Goal::new(ItemId(1), "g", d("2026-10-01"));
        assert!(is_due(&g, d(SUNDAY)), "never reviewed");
        g.last_reviewed = Some(d("2026-11-15"));
        assert!(is_due(&g, d(SUNDAY)), "weekly, reviewed last Sunday");
        g.review_interval_days = 14;
        assert!(!is_due(&g, d(SUNDAY)));
        assert!(is_due(&g, d("2026-11-29")));
        g.status = crate::model::GoalStatus::OnHold;
        assert!(!is_due(&g, d("2026-11-29")));
    }

    #[test]
    fn since_last_week_shows_deltas_and_kept_commitments() {
        let mut plan = Plan {
            goals: vec![goal_with_steps()],
            ..Plan::default()
        };
        plan.goals[0].checkins.push(CheckIn {
            date: d("2026-11-20"),
            confidence: 4,
            ..CheckIn::default()
        });
        let mut last = review("2026-W46", None, false);
        last.goals = vec![ReviewedGoal {
            goal: ItemId(1),
            progress: 0.1,
            confidence: Some(2),
            ..ReviewedGoal::default()
        }];
        last.commitments = vec![ItemId(2), ItemId(4), ItemId(99)];
        plan.reviews = vec![
            review("2026-W45", None, false),
            last,
            review("2026-W47", Some("wins"), false),
        ];
        let since = draft(&plan, d(SUNDAY), d(SUNDAY), Weekday::Mon)
            .since_last
            .unwrap();
        assert_eq!(since.week, "2026-W46");
        let delta = &since.deltas[0];
        assert_eq!(
            (
                delta.progress_before,
                delta.confidence_before,
                delta.confidence_now
            ),
            (0.1, Some(2), Some(4))
        );
        assert!(delta.progress_now > 0.1);
        assert_eq!(
            since.commitments,
            [
                (ItemId(2), Some(true)),
                (ItemId(4), Some(false)),
                (ItemId(99), None)
            ]
        );
    }

    #[test]
    fn steps_done_are_counted_per_week() {
        let plan = Plan {
            goals: vec![goal_with_steps()],
            ..Plan::default()
        };
        let weeks = steps_done_per_week(&plan, d(SUNDAY), d(SUNDAY), 3);
        assert_eq!(
            weeks,
            [
                ("2026-W45".into(), 0),
                ("2026-W46".into(), 1),
                ("2026-W47".into(), 1)
            ]
        );
        // Days after the review day: the week so far is the last bar.
        let later = steps_done_per_week(&plan, d(SUNDAY), d("2026-11-24"), 3);
        assert_eq!(later.last().unwrap().0, "2026-W48");
        assert_eq!(later[1], ("2026-W47".into(), 1));
    }

    #[test]
    fn a_new_plan_is_not_asked_to_review_weeks_before_it_existed() {
        let mut plan = Plan::default();
        plan.goals.push(Goal::new(ItemId(1), "new", d(SUNDAY)));
        // Made on a Sunday, the review day: the first review is next Sunday.
        assert_eq!(
            schedule(&plan, d(SUNDAY), Weekday::Sun),
            ReviewState::NotYet {
                first: d("2026-11-29")
            }
        );
        assert_eq!(
            schedule(&plan, d("2026-11-25"), Weekday::Sun),
            ReviewState::NotYet {
                first: d("2026-11-29")
            }
        );
        assert_eq!(
            schedule(&plan, d("2026-11-29"), Weekday::Sun),
            ReviewState::Due {
                anchor: d("2026-11-29")
            }
        );
        // Made on a Wednesday: the coming Sunday already counts.
        plan.goals[0].created = d("2026-11-18");
        assert_eq!(first_review(&plan, d(SUNDAY), Weekday::Sun), d(SUNDAY));
    }

    #[test]
    fn an_unfinished_review_becomes_partial_once_its_week_is_over() {
        let mut plan = plan_since_january();
        plan.reviews = vec![
            review("2026-W45", None, false),
            review("2026-W46", Some("goals"), false),
        ];
        // Sunday 11-22 (the new review day): last week's may still be finished.
        assert!(matches!(
            schedule(&plan, d(SUNDAY), Weekday::Sun),
            ReviewState::InProgress { .. }
        ));
        assert!(!is_partial(
            &plan,
            &plan.reviews[1],
            d(SUNDAY),
            Weekday::Sun
        ));
        // Monday: it is kept as partial, and this week's review is due.
        let monday = d("2026-11-23");
        assert!(is_partial(&plan, &plan.reviews[1], monday, Weekday::Sun));
        assert_eq!(
            schedule(&plan, monday, Weekday::Sun),
            ReviewState::Due { anchor: d(SUNDAY) }
        );
        plan.reviews.push(review("2026-W47", None, false));
        assert_eq!(
            review_streak(&plan, d(SUNDAY)),
            2,
            "W47 and W45 count; the partial W46 neither counts nor breaks it"
        );
    }

    #[test]
    fn each_goal_knows_its_next_review_day() {
        let first = d("2026-11-29");
        let mut g = Goal::new(ItemId(1), "g", d("2026-11-22"));
        assert_eq!(
            next_review_of(&g, first, Weekday::Sun),
            first,
            "never reviewed"
        );
        g.last_reviewed = Some(d("2026-11-29"));
        assert_eq!(next_review_of(&g, first, Weekday::Sun), d("2026-12-06"));
        g.review_interval_days = 10;
        assert_eq!(
            next_review_of(&g, first, Weekday::Sun),
            d("2026-12-13"),
            "due on the 9th: the next review day on or after it"
        );
    }

    #[test]
    fn wins_run_from_the_day_after_the_last_review_or_the_configured_week() {
        let mut plan = plan_since_january();
        let mut g = Goal::new(ItemId(1), "g", d("2026-10-01"));
        let mut late = ActionStep::new(ItemId(2), "done on Monday after the review day");
        late.done = Some(d("2026-11-16"));
        let mut repeating = ActionStep::new(ItemId(3), "weekly");
        repeating.history = vec![d("2026-11-20")];
        g.steps = vec![late, repeating];
        plan.goals.push(g);
        let anchor = d(SUNDAY);
        // No review yet: the configured week (Monday 11-16 to today).
        let wins = draft(&plan, anchor, anchor, Weekday::Mon).wins;
        assert_eq!(wins, [ItemId(2), ItemId(3)]);
        // Weeks starting on Sunday: Monday's step belongs to last week.
        assert_eq!(wins_from(&plan, anchor, Weekday::Sun), d(SUNDAY));
        // Last week's review was done late, on Tuesday 11-17: wins run from Wednesday.
        let mut last = review("2026-W46", None, false);
        last.date = d("2026-11-17");
        plan.reviews.push(last);
        assert_eq!(wins_from(&plan, anchor, Weekday::Mon), d("2026-11-18"));
        assert_eq!(draft(&plan, anchor, anchor, Weekday::Mon).wins, [ItemId(3)]);
    }
}
