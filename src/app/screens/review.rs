//! The Review screen: this week's guided review (wins, goals one at a time, stuck and stale,
//! next week's commitments, reflection) and the history of past reviews. Owns the selection
//! (an item id in a stage's list, a week in the history) and the week's draft, and routes the
//! review's keys; the rules of each step are the model's (`model::reviewing`). The review in
//! progress is a record in the plan, saved like every change, so quitting midway loses nothing.

use super::super::action::{Action, Effect, Screen};
use super::super::change::Change;
use super::super::core::Core;
use super::super::forms::{goal, review as review_form};
use super::super::items;
use crate::keymap::Layer;
use crate::model::review::{Decision, Stage, WeeklyReview};
use crate::model::reviewing;
use crate::model::weekly::{self, Draft, ReviewState};
use crate::model::{ItemId, Op};
use chrono::NaiveDate;
use std::borrow::Cow;

/// The Review screen's own state.
#[derive(Debug, Default)]
pub struct ReviewScreen {
    /// The item picked in the current stage's list.
    pub selected: Option<ItemId>,
    /// The week picked in the history of past reviews.
    pub week: Option<String>,
    draft: Option<Draft>,
    built_for: Option<(u64, NaiveDate)>,
}

/// The day the review being worked on belongs to (see `weekly::current_anchor`).
pub fn anchor(core: &Core) -> NaiveDate {
    weekly::current_anchor(core.plan(), core.today(), core.review_day())
}

/// This week's review record while it is in progress.
pub fn in_progress(core: &Core) -> Option<&WeeklyReview> {
    weekly::record_for(core.plan(), anchor(core)).filter(|r| r.current_stage().is_some())
}

fn draft_now(core: &Core) -> Draft {
    let week_start = core.settings.week_start;
    weekly::draft(core.plan(), anchor(core), core.today(), week_start)
}

impl ReviewScreen {
    /// This week's draft: the one worked out, or worked out now.
    pub fn draft(&self, core: &Core) -> Cow<'_, Draft> {
        match (&self.draft, self.built_for) {
            (Some(d), Some(built)) if built == (core.doc.revision(), core.today()) => {
                Cow::Borrowed(d)
            }
            _ => Cow::Owned(draft_now(core)),
        }
    }

    /// The ids the current stage lists (empty for stages without a list).
    pub fn stage_items(&self, core: &Core) -> Vec<ItemId> {
        match in_progress(core).and_then(WeeklyReview::current_stage) {
            Some(Stage::Wins) => self.draft(core).wins.clone(),
            Some(Stage::Stale) => self.draft(core).stale.iter().map(|(id, _)| *id).collect(),
            Some(Stage::Plan) => reviewing::commitment_candidates(core.plan()),
            _ => Vec::new(),
        }
    }

    /// Where the selection is in `ids` (the first row when it is not there).
    pub fn position(&self, ids: &[ItemId]) -> usize {
        self.selected
            .and_then(|id| ids.iter().position(|i| *i == id))
            .unwrap_or(0)
    }

    /// Where the picked week is among the past reviews, newest first.
    pub fn history_position(&self, core: &Core) -> usize {
        let weeks = core.plan().reviews.iter().rev();
        self.week
            .as_ref()
            .and_then(|w| weeks.clone().position(|r| r.week == *w))
            .unwrap_or(0)
    }

    /// The item the keys act on: the win, goal, stale item or step under the cursor.
    pub fn current(&self, core: &Core) -> Option<ItemId> {
        let record = in_progress(core)?;
        if record.current_stage()? == Stage::Goals {
            return record.current_goal();
        }
        let ids = self.stage_items(core);
        ids.get(self.position(&ids)).copied()
    }

    fn move_by(&mut self, core: &Core, delta: isize) -> Effect {
        if in_progress(core).is_some() {
            let ids = self.stage_items(core);
            let at = self.position(&ids).saturating_add_signed(delta);
            self.selected = ids.get(at.min(ids.len().saturating_sub(1))).copied();
        } else {
            let weeks: Vec<&str> = core.plan().reviews.iter().rev().map(|r| &*r.week).collect();
            let at = self.history_position(core).saturating_add_signed(delta);
            self.week = weeks
                .get(at.min(weeks.len().saturating_sub(1)))
                .map(|w| w.to_string());
        }
        Effect::None
    }

    fn put(&mut self, core: &mut Core, record: WeeklyReview, label: &str) -> Effect {
        core.commit(Change::new(Op::PutReview(Box::new(record)), label))
            .into()
    }

    /// Starts this week's review (or says why not): the record is saved at once with the
    /// queue of goals due, so the review survives a quit.
    fn start(&mut self, core: &mut Core) -> Effect {
        match weekly::schedule(core.plan(), core.today(), core.review_day()) {
            ReviewState::InProgress { .. } => Effect::None,
            ReviewState::NotYet { first } => {
                core.info(format!(
                    "Your plan is new: its first weekly review is on {}. Until then, \
                     work the plan.",
                    first.format("%A %Y-%m-%d")
                ));
                Effect::None
            }
            ReviewState::Done { next, .. } => {
                core.info(format!(
                    "This week's review is done. The next one is for {next}."
                ));
                Effect::None
            }
            ReviewState::Due { .. } => {
                let queue = self.draft(core).due_goals.clone();
                let record = reviewing::start(anchor(core), core.today(), queue);
                self.selected = None;
                self.put(core, record, "start the weekly review")
            }
        }
    }

    /// Moves to the next stage; in the goals stage, keeps the current goal and moves on.
    fn next(&mut self, core: &mut Core) -> Effect {
        let Some(record) = in_progress(core).cloned() else {
            return self.start(core);
        };
        let stage = record.current_stage().unwrap_or(Stage::Wins);
        if stage == Stage::Goals && record.current_goal().is_some() {
            return self.decide(core, Decision::Keep);
        }
        match stage.next() {
            Some(next) => {
                self.selected = None;
                self.put(core, record.at_stage(next), "next review stage")
            }
            None => self.finish(core),
        }
    }

    /// Goes back one stage (decisions already made stay).
    fn back(&mut self, core: &mut Core) -> Effect {
        match in_progress(core).and_then(reviewing::back) {
            Some(record) => {
                self.selected = None;
                self.put(core, record, "previous review stage")
            }
            None => Effect::None,
        }
    }

    /// Records a decision on the current goal and moves to the next; Adjust also opens the
    /// goal's editor.
    fn decide(&mut self, core: &mut Core, decision: Decision) -> Effect {
        let Some(record) = in_progress(core).cloned() else {
            return Effect::None;
        };
        let goal = record.current_goal();
        let (anchor, today) = (anchor(core), core.today());
        let Some(ops) = reviewing::decide(core.plan(), &record, decision, anchor, today) else {
            core.info("Decisions are for the goals stage.");
            return Effect::None;
        };
        let label = format!("review decision: {decision:?}").to_lowercase();
        let mut change = Change::new(Op::Batch(ops), label);
        change.select = goal;
        self.selected = None;
        let committed = core.commit(change);
        if let (Decision::Adjust, true, Some(id)) = (decision, committed.applied, goal)
            && let Some(g) = core.plan().goal(id)
        {
            let form = goal::edit_goal(g, &core.plan().profile, today);
            core.open_form(form);
        }
        if let (Decision::Done, true, Some(id)) = (decision, committed.applied, goal) {
            items::celebrate(core, id);
        }
        committed.into()
    }

    /// Picks or unpicks the step under the cursor as a commitment for next week.
    fn toggle_commitment(&mut self, core: &mut Core) -> Effect {
        let Some(record) = in_progress(core).cloned() else {
            return Effect::None;
        };
        if record.current_stage() != Some(Stage::Plan) {
            return Effect::None;
        }
        let Some(step) = self.current(core) else {
            return Effect::None;
        };
        self.selected = Some(step);
        let record = reviewing::toggle_commitment(&record, step);
        self.put(core, record, "pick next week's commitments")
    }

    /// Finishes the review: the record keeps this week's wins and is marked done.
    fn finish(&mut self, core: &mut Core) -> Effect {
        let Some(record) = in_progress(core).cloned() else {
            return Effect::None;
        };
        let draft = self.draft(core);
        let wins = draft
            .wins
            .iter()
            .map(|id| core.doc.title_of(*id).to_string());
        let record = reviewing::finish(&record, wins.collect(), core.today());
        let change = Change::new(Op::PutReview(Box::new(record)), "finish the weekly review");
        core.commit(change.saying("Review saved. See you next week."))
            .into()
    }

    /// Adds the win under the cursor to the profile's achievements (once).
    fn log_achievement(&mut self, core: &mut Core) -> Effect {
        let in_wins = in_progress(core).and_then(WeeklyReview::current_stage) == Some(Stage::Wins);
        if !in_wins {
            core.info("Wins can be logged as achievements in the wins stage.");
            return Effect::None;
        }
        let current = self.current(core);
        items::promote(core, current)
    }
}

impl super::ScreenState for ReviewScreen {
    /// Works the week's draft out again when the plan or the day changed (only on show).
    fn settle(&mut self, core: &mut Core) {
        let now = (core.doc.revision(), core.today());
        if core.screen == Screen::Review && self.built_for != Some(now) {
            self.draft = Some(draft_now(core));
            self.built_for = Some(now);
        }
    }

    fn current_item(&self, core: &Core) -> Option<ItemId> {
        self.current(core)
    }

    /// Carries out `action` on the Review screen.
    fn update(&mut self, core: &mut Core, action: Action) -> Effect {
        match action {
            Action::StartReview => self.start(core),
            Action::ReviewNext => self.next(core),
            Action::ReviewBack => self.back(core),
            Action::Decide(decision) => self.decide(core, decision),
            Action::ToggleCommitment => self.toggle_commitment(core),
            Action::EditReflection => open_reflection(core),
            Action::FinishReview => self.finish(core),
            Action::SkipWeek => skip(core),
            Action::LogAchievement => self.log_achievement(core),
            Action::StepBack => super::super::guided::open_step_back(core),
            Action::WriteBrief => Effect::WriteBrief,
            Action::MoveDown => self.move_by(core, 1),
            Action::MoveUp => self.move_by(core, -1),
            // "s goal status" in the stale stage lets go of (or holds) the item's goal.
            Action::CycleStatus
                if in_progress(core).and_then(WeeklyReview::current_stage)
                    == Some(Stage::Stale) =>
            {
                let goal = self
                    .current(core)
                    .and_then(|id| core.doc.goal_of(id))
                    .map(|g| g.id);
                items::update(core, goal, Action::CycleStatus)
            }
            // "a smaller step" for a goal that is stuck or stalled: a step under it.
            Action::AddChild
                if in_progress(core).and_then(WeeklyReview::current_stage)
                    == Some(Stage::Stale)
                    && self
                        .current(core)
                        .is_some_and(|id| core.plan().goal(id).is_some()) =>
            {
                let goal = self.current(core).unwrap_or_default();
                items::open_new_step(core, goal)
            }
            other => items::update(core, self.current(core), other),
        }
    }
}

/// Opens the reflection prompts of the review in progress.
fn open_reflection(core: &mut Core) -> Effect {
    let Some(record) = in_progress(core) else {
        return Effect::None;
    };
    let editor = core.key(Layer::Form, &Action::EditInEditor);
    let form = review_form::reflection(core.plan(), record, &editor);
    core.open_form(form)
}

/// Skips this week on purpose: recorded as skipped, which is not a failure.
fn skip(core: &mut Core) -> Effect {
    let anchor = anchor(core);
    let existing = weekly::record_for(core.plan(), anchor);
    match reviewing::skip(existing, anchor, core.today()) {
        Some(record) => {
            let said = "Week skipped. A short note in next week's reflection can say why.";
            let op = Op::PutReview(Box::new(record));
            core.commit(Change::new(op, "skip this week's review").saying(said))
                .into()
        }
        None => {
            core.info("This week's review is already done.");
            Effect::None
        }
    }
}
