//! Opening the forms about the item under a screen's cursor: a new goal, a milestone or step
//! under it, its editor, a check-in on its goal, a new date. Each is filled from the item and
//! the keymap in force; saving goes through `form_keys` and the one commit path.

use super::action::{Action, Effect};
use super::core::Core;
use super::forms::{goal, prompts as item_forms};
use crate::app::action::Screen;
use crate::keymap::Layer;
use crate::model::{ItemId, ItemKind, Loc};

/// Opens the new-goal prompt.
pub fn open_new_goal(core: &mut Core) -> Effect {
    let edit_key = core.key(Layer::Screen(Screen::Goals), &Action::Edit);
    core.open_form(item_forms::new_goal(&edit_key))
}

/// Opens the prompt for a child of `current`: a milestone under a goal, a step under a
/// milestone, a sibling step after a step. With nothing selected, a new goal.
pub fn open_add_child(core: &mut Core, current: Option<ItemId>) -> Effect {
    let Some(loc) = current.and_then(|id| core.doc.locate(id)) else {
        return open_new_goal(core);
    };
    let plan = core.plan();
    let (parent, kind, index) = match loc {
        Loc::Goal(g) => (plan.goals[g].id, ItemKind::Milestone, usize::MAX),
        Loc::Milestone(g, m) => (plan.goals[g].milestones[m].id, ItemKind::Step, usize::MAX),
        Loc::GoalStep(_, s) | Loc::MilestoneStep(_, _, s) => {
            let parent = plan.parent_id(loc).unwrap_or_default();
            (parent, ItemKind::Step, s + 1)
        }
    };
    open_child_form(core, parent, kind, index)
}

/// Opens the prompt for a step straight under `current`'s goal.
pub fn open_add_step(core: &mut Core, current: Option<ItemId>) -> Effect {
    match current.and_then(|id| core.doc.goal_of(id)).map(|g| g.id) {
        Some(goal) => open_child_form(core, goal, ItemKind::Step, usize::MAX),
        None => open_new_goal(core),
    }
}

/// Opens the prompt for a new step straight under goal `goal` (the review's "a smaller step"
/// for a stuck goal: a step, not a milestone).
pub fn open_new_step(core: &mut Core, goal: ItemId) -> Effect {
    open_child_form(core, goal, ItemKind::Step, usize::MAX)
}

fn open_child_form(core: &mut Core, parent: ItemId, kind: ItemKind, index: usize) -> Effect {
    let title = core.doc.title_of(parent).to_string();
    let pick = choice_keys(core);
    core.open_form(item_forms::new_child(parent, &title, (kind, index), &pick))
}

/// The keys that pick a form's choice, as the keymap in force has them ("←/→").
fn choice_keys(core: &Core) -> String {
    format!(
        "{}/{}",
        core.key(Layer::Form, &Action::CursorLeft),
        core.key(Layer::Form, &Action::CursorRight)
    )
}

/// Opens the editor of `current`.
pub fn open_editor(core: &mut Core, current: Option<ItemId>) -> Effect {
    let Some(id) = current else {
        return Effect::None;
    };
    let pick = choice_keys(core);
    let plan = core.plan();
    let today = core.session.today;
    let form = match core.doc.locate(id).map(Loc::kind) {
        Some(ItemKind::Goal) => plan
            .goal(id)
            .map(|g| goal::edit_goal(g, &plan.profile, today)),
        Some(ItemKind::Milestone) => plan.milestone(id).map(item_forms::edit_milestone),
        Some(ItemKind::Step) => plan.step(id).map(|s| item_forms::edit_step(s, &pick)),
        None => None,
    };
    match form {
        Some(form) => core.open_form(form),
        None => Effect::None,
    }
}

pub fn open_check_in(core: &mut Core, current: Option<ItemId>) -> Effect {
    match current.and_then(|id| core.doc.goal_of(id)) {
        Some(goal) => {
            let form = item_forms::check_in(goal);
            core.open_form(form)
        }
        None => {
            core.info("Select a goal to check in on.");
            Effect::None
        }
    }
}

pub fn open_reschedule(core: &mut Core, current: Option<ItemId>) -> Effect {
    let Some(id) = current else {
        return Effect::None;
    };
    let plan = core.plan();
    let date = match core.doc.locate(id) {
        Some(Loc::Goal(g)) => plan.goals[g].deadline,
        Some(Loc::Milestone(g, m)) => plan.goals[g].milestones[m].target,
        Some(_) => core.doc.step(id).and_then(|s| s.due),
        None => return Effect::None,
    };
    let form = item_forms::reschedule(id, core.doc.title_of(id), date);
    core.open_form(form)
}
