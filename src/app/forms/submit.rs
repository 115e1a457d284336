//! What each form is for, and submitting it: the form is read and checked, and becomes a
//! `Change` for the commit path (or, for a copy of the plan, a path to write to). A form with
//! errors stays open with them under its fields.

use super::Form;
use crate::app::change::Change;
use crate::model::profile::Section;
use crate::model::{Goal, ItemId, ItemKind, Plan};
use chrono::NaiveDate;
use std::path::PathBuf;

/// What a form is for, and so what submitting it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormKind {
    NewGoal,
    /// A milestone or step under `parent`, at `index` among its siblings.
    NewChild {
        parent: ItemId,
        kind: ItemKind,
        index: usize,
    },
    EditGoal(ItemId),
    EditMilestone(ItemId),
    EditStep(ItemId),
    CheckIn(ItemId),
    /// After a low-confidence check-in on the goal: what would raise it by one point.
    RaiseConfidence(ItemId),
    /// Why the goal changed course (its adaptations of today that have no reason).
    AdaptationWhy(ItemId),
    /// A new date for a step (due), milestone (target) or goal (deadline).
    Reschedule(ItemId),
    /// A file to write a copy of the whole plan to.
    WriteCopy,
    /// The reflection of the review of `week` (an ISO week label).
    Reflection {
        week: String,
    },
    /// One section of the profile.
    Profile(Section),
    /// A stage of the step back for `period` (`2026-Q4`).
    StepBack {
        period: String,
        stage: crate::model::stepback::Stage,
    },
    /// Which stage of the journey to go through again.
    JourneyPicker,
    /// The goal SWOT threat number N (within the threats) becomes a barrier on.
    ThreatToBarrier(usize),
    /// A stage of the guided journey; `chained` opens the next stage once saved.
    Journey {
        stage: crate::model::journey::Stage,
        chained: bool,
    },
}

/// What submitting a form came to.
#[derive(Clone, Debug, PartialEq)]
pub enum Submitted {
    /// An edit for the commit path.
    Change(Change),
    /// Write a copy of the plan to this file.
    WriteCopy(PathBuf),
    /// A field is in error; the errors are on the form.
    Invalid,
    /// The item the form was about is gone (deleted or undone).
    Gone,
    /// Open this stage of the guided start (the picker's answer).
    Journey(crate::model::journey::Stage),
}

/// Reads `form` and builds what it submits. New items take fresh ids from `plan`; nothing
/// else in it changes.
pub fn submit(form: &mut Form, plan: &mut Plan, today: NaiveDate) -> Submitted {
    let built = match form.kind.clone() {
        FormKind::NewGoal => super::prompts::submit_new_goal(form, plan, today),
        FormKind::NewChild {
            parent,
            kind,
            index,
        } => super::prompts::submit_new_child(form, plan, today, (parent, kind, index)),
        FormKind::EditGoal(id) => match plan.goal(id).map(Goal::without_children) {
            Some(goal) => super::goal::submit(form, &goal, today, &mut || plan.new_id().0),
            None => return Submitted::Gone,
        },
        FormKind::EditMilestone(id) => match plan.milestone(id) {
            Some(m) => super::prompts::submit_milestone(form, m, today),
            None => return Submitted::Gone,
        },
        FormKind::EditStep(id) => match plan.step(id) {
            Some(s) => super::prompts::submit_step(form, s, today),
            None => return Submitted::Gone,
        },
        FormKind::CheckIn(id) => match plan.goal(id) {
            Some(goal) => super::prompts::submit_check_in(form, goal, today),
            None => return Submitted::Gone,
        },
        FormKind::RaiseConfidence(id) => match plan.goal(id).cloned() {
            Some(goal) => super::coach::submit_raise_confidence(form, plan, &goal, today),
            None => return Submitted::Gone,
        },
        FormKind::AdaptationWhy(id) => match plan.goal(id) {
            Some(goal) => super::coach::submit_why(form, goal, today),
            None => return Submitted::Gone,
        },
        FormKind::Reschedule(id) => match plan.locate(id) {
            Some(_) => super::prompts::submit_reschedule(form, plan, id, today),
            None => return Submitted::Gone,
        },
        FormKind::WriteCopy => return super::prompts::submit_write_copy(form),
        FormKind::Reflection { week } => match plan.reviews.iter().find(|r| r.week == week) {
            Some(record) => super::review::submit(form, plan, record, today),
            None => return Submitted::Gone,
        },
        FormKind::Profile(section) => super::profile::submit(form, plan, section, today),
        FormKind::Journey { stage, chained } => {
            super::journey::submit(form, plan, (stage, chained), today)
        }
        FormKind::StepBack { period, stage } => {
            super::stepback::submit(form, plan, &period, stage, today)
        }
        FormKind::JourneyPicker => {
            let index = form.fields.first().map_or(0, |f| f.choice);
            let stage = crate::model::journey::Stage::ALL.get(index).copied();
            return Submitted::Journey(stage.unwrap_or_default());
        }
        FormKind::ThreatToBarrier(at) => super::threat::submit_threat(form, plan, at, today),
    };
    match built {
        Some(change) => Submitted::Change(change),
        None => Submitted::Invalid,
    }
}
