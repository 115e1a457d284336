//! What every screen that lists items can do to the one under its cursor: add, edit, check
//! in, date, rate, toggle done, change status, delete, log as an achievement. Each opens a
//! form or builds a change for the commit path; none touches the plan itself.

use super::action::{Action, Effect};
use super::change::Change;
use super::core::Core;
use super::item_prompts::{open_add_child, open_check_in, open_reschedule};
pub use super::item_prompts::{open_add_step, open_editor, open_new_goal, open_new_step};
use super::overlay::Answer;
use crate::app::action::Screen;
use crate::keymap::Layer;
use crate::model::edits::{self, Edit, Level, Refusal};
use crate::model::text::plural;
use crate::model::{ItemId, Loc, Op};

/// Carries out an item action on `current` (the item under the screen's cursor).
pub fn update(core: &mut Core, current: Option<ItemId>, action: Action) -> Effect {
    match action {
        Action::NewGoal => open_new_goal(core),
        Action::AddChild => open_add_child(core, current),
        Action::Edit => open_editor(core, current),
        Action::CheckIn => open_check_in(core, current),
        Action::Reschedule => open_reschedule(core, current),
        Action::ToggleDone => toggle_done(core, current),
        Action::Delete => ask_delete(core, current),
        Action::CycleStatus => cycle_status(core, current),
        Action::CycleImportance => cycle_level(core, current, Level::Importance),
        Action::CycleUrgency => cycle_level(core, current, Level::Urgency),
        Action::Promote => promote(core, current),
        Action::ToggleFocus => toggle_focus(core, current),
        Action::Archive => archive(core, current),
        _ => Effect::None,
    }
}

pub fn toggle_done(core: &mut Core, current: Option<ItemId>) -> Effect {
    let Some(id) = current else {
        return Effect::None;
    };
    let today = core.today();
    let committed = core.commit_with(|plan| {
        let done = crate::model::done::toggle_done(plan, id, today)?;
        Some(Change::from(done).selecting(id))
    });
    if committed.applied {
        after_done(core, id);
    }
    committed.into()
}

/// What finishing `id` asks next: a milestone or goal it completes is offered to be marked
/// done too; a goal finished with practice running asks about it; else a finished goal or
/// milestone is celebrated.
fn after_done(core: &mut Core, id: ItemId) {
    let plan = core.plan();
    if let Some(parent) = crate::model::coach::finished_by(plan, id) {
        let what = if plan.goal(parent).is_some() {
            "Everything planned for the goal"
        } else {
            "Every step of the milestone"
        };
        let text = format!(
            "{what} “{}” is done. Mark it done too?",
            plan.title_of(parent).unwrap_or_default()
        );
        core.ask(text, Answer::FinishToo(parent));
        return;
    }
    let finished_goal = plan
        .goal(id)
        .filter(|g| g.status == crate::model::GoalStatus::Done);
    if let Some(goal) = finished_goal {
        let running = crate::model::coach::running_practice(goal);
        if let Some(first) = running.first() {
            let text = format!(
                "“{}” is done, and {} under it still repeats (“{}”). Stop it, or keep it \
                 going as a habit under the done goal?",
                goal.title,
                crate::model::text::plural(running.len(), "step"),
                first.title
            );
            core.ask(text, Answer::StopPractice(id));
            return;
        }
    }
    celebrate(core, id);
}

/// Stops the practice still running under the finished goal `goal`, then celebrates it.
pub fn stop_practice(core: &mut Core, goal: ItemId) -> Effect {
    let today = core.today();
    let effect = core.commit_with(|plan| {
        let op = crate::model::coach::stop_practice(plan.goal(goal)?, today)?;
        Some(
            Change::new(op, "stop the practice of a finished goal")
                .selecting(goal)
                .saying("Stopped; its history is kept."),
        )
    });
    celebrate(core, goal);
    effect.into()
}

/// A goal or milestone just finished: says so, and offers to log it as an achievement.
pub fn celebrate(core: &mut Core, id: ItemId) {
    let plan = core.plan();
    let finished_goal = plan
        .goal(id)
        .is_some_and(|g| g.status == crate::model::GoalStatus::Done);
    let finished_milestone = plan.milestone(id).is_some_and(|m| m.is_done());
    if !(finished_goal || finished_milestone) {
        return;
    }
    let Some(achievement) = crate::model::feed::achievement_from(plan, id) else {
        return;
    };
    let what = if finished_goal { "goal" } else { "milestone" };
    let used = if achievement.strengths.is_empty() {
        String::new()
    } else {
        format!(
            ", with the strengths it took ({})",
            achievement.strengths.join(", ")
        )
    };
    let text = format!(
        "You finished the {what} “{}”. Well done — that is worth keeping.\n\nLog it in your \
         achievements{used}?",
        achievement.what
    );
    core.ask(text, Answer::LogAchievement(id));
}

fn ask_delete(core: &mut Core, current: Option<ItemId>) -> Effect {
    let Some(id) = current else {
        return Effect::None;
    };
    if core.refuse_read_only() {
        return Effect::None;
    }
    let text = delete_question(core, id);
    core.ask(text, Answer::Delete(id));
    Effect::None
}

fn delete_question(core: &Core, id: ItemId) -> String {
    let title = core.doc.title_of(id);
    let undo = core.key(Layer::Global, &Action::Undo);
    let plan = core.plan();
    match core.doc.locate(id) {
        Some(Loc::Goal(g)) => {
            let goal = &plan.goals[g];
            format!(
                "Delete goal “{title}” with its {} and {}? ({undo} undoes)",
                plural(goal.milestones.len(), "milestone"),
                plural(goal.all_steps().count(), "step")
            )
        }
        Some(Loc::Milestone(g, m)) => {
            let steps = plural(plan.goals[g].milestones[m].steps.len(), "step");
            format!("Delete milestone “{title}” with its {steps}? ({undo} undoes)")
        }
        _ => format!("Delete step “{title}”? ({undo} undoes)"),
    }
}

/// The change that deletes item `id` and everything under it.
pub fn delete(core: &mut Core, id: ItemId) -> Effect {
    let title = core.doc.title_of(id).to_string();
    core.commit(Change::new(Op::Remove { id }, format!("delete “{title}”")))
        .into()
}

/// Carries out one of the model's small edits (`model::edits`) through the commit path, or
/// puts its refusal into words.
fn edit(core: &mut Core, made: Result<Edit, Refusal>, select: Option<ItemId>) -> Effect {
    match made {
        Ok(edit) => {
            let change = Change::from(edit);
            let change = match select {
                Some(id) => change.selecting(id),
                None => change,
            };
            core.commit(change).into()
        }
        Err(refusal) => {
            let text = refusal_words(core, refusal);
            if !text.is_empty() {
                core.info(text);
            }
            Effect::None
        }
    }
}

/// What a refused edit tells the person, naming the key that would do it.
fn refusal_words(core: &Core, refusal: Refusal) -> String {
    match refusal {
        Refusal::NoItem => String::new(),
        Refusal::StatusIsTheGoals { goal } => {
            // Said rather than putting the whole goal on hold from one of its items.
            let key = core.key(Layer::Screen(Screen::Goals), &Action::CycleStatus);
            format!(
                "{key} sets a goal's status (active, on hold, dropped); select “{goal}” itself \
                 to change it."
            )
        }
        Refusal::NotFinished => "Only a finished or dropped goal can be archived.".into(),
        Refusal::MilestoneHasNoLevel => {
            "Milestones have no importance or urgency; their steps do.".into()
        }
    }
}

fn cycle_status(core: &mut Core, current: Option<ItemId>) -> Effect {
    let Some(id) = current else {
        return Effect::None;
    };
    let made = edits::cycle_status(core.plan(), id);
    edit(core, made, None)
}

/// Makes the selected item's goal a focus goal (it leads the agenda and the review), or not.
fn toggle_focus(core: &mut Core, current: Option<ItemId>) -> Effect {
    let Some(id) = current else {
        return Effect::None;
    };
    let made = edits::toggle_focus(core.plan(), id);
    edit(core, made, None)
}

/// Puts a finished or dropped goal away (out of the tree and the timeline; search and
/// exports still find it), or takes an archived one back out.
fn archive(core: &mut Core, current: Option<ItemId>) -> Effect {
    let Some(id) = current else {
        return Effect::None;
    };
    let made = edits::archive(core.plan(), id, core.today()).map(|archiving| match archiving {
        edits::Archiving::Away(mut edit) => {
            let search = core.key(Layer::Screen(Screen::Goals), &Action::StartSearch);
            let note = edit.note.take().unwrap_or_default();
            edit.note = Some(format!("{note}, still found with {search}."));
            edit
        }
        edits::Archiving::Back(edit) => edit,
    });
    edit(core, made, None)
}

/// Cycles the importance or urgency of a step or goal: 1 → 2 → 3 → 1.
fn cycle_level(core: &mut Core, current: Option<ItemId>, level: Level) -> Effect {
    let Some(id) = current else {
        return Effect::None;
    };
    let made = edits::cycle_level(core.plan(), id, level);
    edit(core, made, Some(id))
}

/// Logs `current` (a done milestone or step) as an achievement, once.
pub fn promote(core: &mut Core, current: Option<ItemId>) -> Effect {
    let Some(id) = current else {
        return Effect::None;
    };
    match crate::model::feed::promote_to_achievement(core.plan(), id) {
        Some(op) => {
            let logged = "Logged in your achievements (Profile).";
            core.commit(Change::new(op, "log an achievement").saying(logged))
                .into()
        }
        None => {
            let logged = core
                .plan()
                .profile
                .achievements
                .iter()
                .any(|a| a.source == Some(id));
            core.info(if logged {
                "Already in your achievements."
            } else {
                "Finish it first: done goals, milestones and steps can be logged as achievements."
            });
            Effect::None
        }
    }
}
