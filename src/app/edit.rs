//! Changing the plan from the tree: opening forms, saving them, toggling, deleting, moving,
//! status, undo and redo. Every change goes through the history so it can be undone, and
//! returns `Effect::Save` so it is on disk before the next key.

use super::forms;
use super::state::{Answer, AppState, FormPurpose, ItemForm, Question};
use super::update::Effect;
use crate::model::{ActionStep, GoalStatus, ItemId, ItemKind, Loc, Node, Op};
use crate::ui::text::plural;

/// Refuses an edit in a read-only instance, saying why; `true` when refused.
fn refuse_read_only(state: &mut AppState) -> bool {
    match state.read_only.clone() {
        Some(holder) => {
            state.error(format!(
                "Read-only: {holder} has this plan open. Close it to edit here."
            ));
            true
        }
        None => false,
    }
}

/// Applies an edit through the history, selects `select`, and asks for a save.
pub fn apply(state: &mut AppState, op: Op, label: &str, select: Option<ItemId>) -> Effect {
    if refuse_read_only(state) {
        return Effect::None;
    }
    match state.history.apply(&mut state.plan, op, label) {
        Ok(()) => {
            state.reindex();
            match select {
                Some(id) => state.select_id(id),
                None => state.refresh_rows(),
            }
            Effect::Save
        }
        Err(e) => {
            state.error(format!("Could not {label}: {e}"));
            Effect::None
        }
    }
}

fn open_form(state: &mut AppState, form: ItemForm) -> Effect {
    if !refuse_read_only(state) {
        state.form = Some(form);
    }
    Effect::None
}

/// Opens the new-goal prompt.
pub fn open_new_goal(state: &mut AppState) -> Effect {
    open_form(state, forms::new_goal())
}

/// Opens the prompt for a child of the selection: a milestone under a goal, a step under a
/// milestone, a sibling step after a step. With nothing selected, a new goal.
pub fn open_add_child(state: &mut AppState) -> Effect {
    let Some(loc) = state.current_item().and_then(|id| state.plan.locate(id)) else {
        return open_new_goal(state);
    };
    let (parent, kind, index) = match loc {
        Loc::Goal(g) => (state.plan.goals[g].id, ItemKind::Milestone, usize::MAX),
        Loc::Milestone(g, m) => (
            state.plan.goals[g].milestones[m].id,
            ItemKind::Step,
            usize::MAX,
        ),
        Loc::GoalStep(_, s) | Loc::MilestoneStep(_, _, s) => {
            let parent = state.plan.parent_id(loc).unwrap_or_default();
            (parent, ItemKind::Step, s + 1)
        }
    };
    open_child_form(state, parent, kind, index)
}

/// Opens the prompt for a step straight under the selected goal (or the selection's goal).
pub fn open_add_step(state: &mut AppState) -> Effect {
    let Some(goal) = state.selected.and_then(|id| state.plan.goal_of(id)) else {
        return open_new_goal(state);
    };
    let goal = goal.id;
    open_child_form(state, goal, ItemKind::Step, usize::MAX)
}

fn open_child_form(state: &mut AppState, parent: ItemId, kind: ItemKind, index: usize) -> Effect {
    let title = state.plan.title_of(parent).unwrap_or_default().to_string();
    open_form(state, forms::new_child(parent, &title, kind, index))
}

/// Opens the selected item's editor.
pub fn open_editor(state: &mut AppState) -> Effect {
    let Some(id) = state.current_item() else {
        return Effect::None;
    };
    let form = match state.plan.locate(id).map(Loc::kind) {
        Some(ItemKind::Goal) => state
            .plan
            .goal(id)
            .map(|g| forms::edit_goal(g, &state.plan.profile)),
        Some(ItemKind::Milestone) => state.plan.milestone(id).map(forms::edit_milestone),
        Some(ItemKind::Step) => state.plan.step(id).map(forms::edit_step),
        None => None,
    };
    match form {
        Some(form) => open_form(state, form),
        None => Effect::None,
    }
}

/// Opens the check-in prompt for the selected goal (or the selection's goal).
pub fn open_check_in(state: &mut AppState) -> Effect {
    match state.current_item().and_then(|id| state.plan.goal_of(id)) {
        Some(goal) => {
            let form = forms::check_in(goal);
            open_form(state, form)
        }
        None => {
            state.info("Select a goal to check in on.");
            Effect::None
        }
    }
}

/// Saves the open form, or leaves it open with its errors shown.
pub fn submit_form(state: &mut AppState) -> Effect {
    let Some(mut form) = state.form.take() else {
        return Effect::None;
    };
    if form.purpose == FormPurpose::WriteCopy {
        return submit_write_copy(state, form);
    }
    if form.purpose == FormPurpose::Reflection {
        return super::review::save_reflection(state, form);
    }
    if let FormPurpose::Profile(section) = form.purpose {
        return super::profile::save(state, form, section);
    }
    if form.purpose == FormPurpose::FirstPass {
        return super::profile::save_first_pass(state, form);
    }
    match forms::submit(&mut form, &mut state.plan, state.today) {
        Some(done) => {
            if matches!(form.purpose, FormPurpose::CheckIn(_)) {
                state.info("Check-in recorded.");
            }
            apply(state, done.op, &done.label, Some(done.select))
        }
        None if form.has_errors() => {
            state.form = Some(form);
            Effect::None
        }
        None => {
            state.error("That item is gone (deleted or undone); nothing was saved.");
            Effect::None
        }
    }
}

/// Marks the selection done, or open again. A repeating step, once done, gets its next
/// occurrence right after it.
pub fn toggle_done(state: &mut AppState) -> Effect {
    let Some(id) = state.current_item() else {
        return Effect::None;
    };
    let today = state.today;
    let (op, label) = match state.plan.locate(id).map(Loc::kind) {
        Some(ItemKind::Goal) => {
            let Some(goal) = state.plan.goal(id) else {
                return Effect::None;
            };
            let mut g = goal.without_children();
            let done = g.status != GoalStatus::Done;
            g.status = if done {
                GoalStatus::Done
            } else {
                GoalStatus::Active
            };
            g.completed = done.then_some(today);
            (
                Op::Update {
                    node: Node::Goal(Box::new(g)),
                },
                done_label("goal", done),
            )
        }
        Some(ItemKind::Milestone) => {
            let Some(m) = state.plan.milestone(id) else {
                return Effect::None;
            };
            let mut m = m.without_children();
            m.done = if m.done.is_some() { None } else { Some(today) };
            let label = done_label("milestone", m.done.is_some());
            (
                Op::Update {
                    node: Node::Milestone(Box::new(m)),
                },
                label,
            )
        }
        Some(ItemKind::Step) => match step_done_op(state, id) {
            Some(pair) => pair,
            None => return Effect::None,
        },
        None => return Effect::None,
    };
    apply(state, op, &label, Some(id))
}

fn done_label(kind: &str, done: bool) -> String {
    if done {
        format!("mark {kind} done")
    } else {
        format!("open {kind} again")
    }
}

fn step_done_op(state: &mut AppState, id: ItemId) -> Option<(Op, String)> {
    let loc = state.plan.locate(id)?;
    let parent = state.plan.parent_id(loc);
    let mut step = state.plan.step(id)?.clone();
    let done = step.done.is_none();
    step.done = done.then_some(state.today);
    let next = match (done, step.recurrence, step.due) {
        (true, Some(rule), Some(due)) => Some(next_occurrence(state, &step, rule.next_after(due))),
        _ => None,
    };
    let update = Op::Update {
        node: Node::Step(Box::new(step)),
    };
    let label = done_label("step", done);
    Some(match next {
        Some(next) => {
            let insert = Op::Insert {
                parent,
                index: loc.sibling_index() + 1,
                node: Node::Step(Box::new(next)),
            };
            (Op::Batch(vec![update, insert]), label)
        }
        None => (update, label),
    })
}

fn next_occurrence(state: &mut AppState, step: &ActionStep, due: chrono::NaiveDate) -> ActionStep {
    ActionStep {
        id: state.plan.new_id(),
        due: Some(due),
        done: None,
        reschedules: 0,
        ..step.clone()
    }
}

/// Asks before deleting the selection and everything under it.
pub fn ask_delete(state: &mut AppState) -> Effect {
    let Some(id) = state.current_item() else {
        return Effect::None;
    };
    if refuse_read_only(state) {
        return Effect::None;
    }
    let text = delete_question(state, id);
    state.question = Some(Question {
        text,
        on_yes: Answer::Delete(id),
    });
    Effect::None
}

fn delete_question(state: &AppState, id: ItemId) -> String {
    let title = state.plan.title_of(id).unwrap_or_default();
    let undo = state
        .keymap
        .key_for(crate::keymap::Layer::Main, &super::action::Action::Undo);
    match state.plan.locate(id) {
        Some(Loc::Goal(g)) => {
            let goal = &state.plan.goals[g];
            format!(
                "Delete goal “{title}” with its {} and {}? ({undo} undoes)",
                plural(goal.milestones.len(), "milestone"),
                plural(goal.all_steps().count(), "step")
            )
        }
        Some(Loc::Milestone(g, m)) => {
            let steps = plural(state.plan.goals[g].milestones[m].steps.len(), "step");
            format!("Delete milestone “{title}” with its {steps}? ({undo} undoes)")
        }
        _ => format!("Delete step “{title}”? ({undo} undoes)"),
    }
}

/// Carries out a confirmed question.
pub fn answer_yes(state: &mut AppState) -> Effect {
    let Some(question) = state.question.take() else {
        return Effect::None;
    };
    match question.on_yes {
        Answer::Delete(id) => {
            let title = state.plan.title_of(id).unwrap_or_default().to_string();
            apply(state, Op::Remove { id }, &format!("delete “{title}”"), None)
        }
        Answer::RescueAndQuit(path) => Effect::RescueAndQuit(path),
        Answer::LoadOutsideVersion => Effect::Reload,
        Answer::BringBackOurs(path) => Effect::BringBack(path),
    }
}

/// Moves the selection one place down (`1`) or up (`-1`) among its siblings.
pub fn move_item(state: &mut AppState, delta: isize) -> Effect {
    let Some(id) = state.selected else {
        return Effect::None;
    };
    let Some(loc) = state.plan.locate(id) else {
        return Effect::None;
    };
    let from = loc.sibling_index();
    let siblings = sibling_count(state, loc);
    let to = from.saturating_add_signed(delta);
    if to == from || to >= siblings {
        state.info(if delta > 0 {
            "Already the last one."
        } else {
            "Already the first one."
        });
        return Effect::None;
    }
    apply(state, Op::Move { id, index: to }, "move item", Some(id))
}

fn sibling_count(state: &AppState, loc: Loc) -> usize {
    let goals = &state.plan.goals;
    match loc {
        Loc::Goal(_) => goals.len(),
        Loc::Milestone(g, _) => goals[g].milestones.len(),
        Loc::GoalStep(g, _) => goals[g].steps.len(),
        Loc::MilestoneStep(g, m, _) => goals[g].milestones[m].steps.len(),
    }
}

/// Cycles the status of the selected goal (or the selection's goal).
pub fn cycle_status(state: &mut AppState) -> Effect {
    let Some(goal) = state.current_item().and_then(|id| state.plan.goal_of(id)) else {
        return Effect::None;
    };
    let mut g = goal.without_children();
    g.status = g.status.cycled();
    g.completed = None;
    let label = format!("set “{}” {}", g.title, g.status.label());
    state.info(format!("“{}” is now {}.", g.title, g.status.label()));
    let select = state.selected;
    apply(
        state,
        Op::Update {
            node: Node::Goal(Box::new(g)),
        },
        &label,
        select,
    )
}

/// Undoes the last change.
pub fn undo(state: &mut AppState) -> Effect {
    travel(state, true)
}

/// Redoes the last undone change.
pub fn redo(state: &mut AppState) -> Effect {
    travel(state, false)
}

/// Walks the history one step back (undo) or forward (redo) and says what it did.
fn travel(state: &mut AppState, back: bool) -> Effect {
    if refuse_read_only(state) {
        return Effect::None;
    }
    let (done, verb, noun) = if back {
        (state.history.undo(&mut state.plan), "Undid", "undo")
    } else {
        (state.history.redo(&mut state.plan), "Redid", "redo")
    };
    match done {
        Some(label) => {
            state.plan_changed();
            state.info(format!("{verb}: {label}."));
            Effect::Save
        }
        None => {
            state.info(format!("Nothing to {noun}."));
            Effect::None
        }
    }
}

/// Goes to the Goals screen with the current item selected in the tree.
pub fn show_in_tree(state: &mut AppState) {
    if let Some(id) = state.current_item() {
        state.search = None;
        state.screen = super::state::Screen::Goals;
        state.select_id(id);
    }
}

/// Opens the date prompt for the current item.
pub fn open_reschedule(state: &mut AppState) -> Effect {
    let Some(id) = state.current_item() else {
        return Effect::None;
    };
    let Some(loc) = state.plan.locate(id) else {
        return Effect::None;
    };
    let (title, date) = match loc {
        Loc::Goal(g) => (&state.plan.goals[g].title, state.plan.goals[g].deadline),
        Loc::Milestone(g, m) => {
            let m = &state.plan.goals[g].milestones[m];
            (&m.title, m.target)
        }
        _ => match state.plan.step(id) {
            Some(s) => (&s.title, s.due),
            None => return Effect::None,
        },
    };
    let form = forms::reschedule(id, title, date);
    open_form(state, form)
}

/// Which rating `cycle_level` changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Importance,
    Urgency,
}

fn next_level(level: u8) -> u8 {
    level % 3 + 1
}

/// Cycles the importance or urgency of the current step or goal: 1 → 2 → 3 → 1.
pub fn cycle_level(state: &mut AppState, level: Level) -> Effect {
    let Some(id) = state.current_item() else {
        return Effect::None;
    };
    let word = if level == Level::Importance {
        "importance"
    } else {
        "urgency"
    };
    let (node, value) = match state.plan.locate(id).map(Loc::kind) {
        Some(ItemKind::Step) => {
            let Some(mut s) = state.plan.step(id).cloned() else {
                return Effect::None;
            };
            let slot = if level == Level::Importance {
                &mut s.importance
            } else {
                &mut s.urgency
            };
            *slot = next_level(*slot);
            let value = *slot;
            (Node::Step(Box::new(s)), value)
        }
        Some(ItemKind::Goal) => {
            let Some(g) = state.plan.goal(id) else {
                return Effect::None;
            };
            let mut g = g.without_children();
            let slot = if level == Level::Importance {
                &mut g.importance
            } else {
                &mut g.urgency
            };
            *slot = next_level(*slot);
            let value = *slot;
            (Node::Goal(Box::new(g)), value)
        }
        _ => {
            state.info(format!("Milestones have no {word}; their steps do."));
            return Effect::None;
        }
    };
    let effect = apply(state, Op::Update { node }, &format!("set {word}"), Some(id));
    if effect == Effect::Save {
        state.info(format!("{} is now {value} of 3.", capitalised(word)));
    }
    effect
}

fn capitalised(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Asks the loop to open the focused long-text field in `$EDITOR`.
pub fn edit_externally(state: &mut AppState) -> Effect {
    let Some(field) = state.form.as_mut().and_then(|f| f.focused()) else {
        return Effect::None;
    };
    if field.kind != super::form::FieldKind::LongText {
        state.info("Ctrl-e works on long text fields: descriptions, reasons and notes.");
        return Effect::None;
    }
    Effect::EditText(field.input.value().to_string())
}

/// Puts the text back from the external editor into the focused field.
pub fn take_external_text(state: &mut AppState, result: Result<String, String>) {
    match result {
        Ok(text) => {
            if let Some(field) = state.form.as_mut().and_then(|f| f.focused()) {
                field.input.set(text.trim_end_matches('\n'));
            }
        }
        Err(why) => state.error(why),
    }
}

/// Opens the prompt for a file to write a copy of the plan to (after a failed save, say).
pub fn open_write_copy(state: &mut AppState) -> Effect {
    state.form = Some(forms::write_copy());
    Effect::None
}

fn submit_write_copy(state: &mut AppState, mut form: ItemForm) -> Effect {
    let path = form.raw("path").trim().to_string();
    if path.is_empty() {
        form.set_error_at(0, "Name a file, e.g. /tmp/plan-copy.json.".into());
        state.form = Some(form);
        return Effect::None;
    }
    Effect::WriteCopy(std::path::PathBuf::from(path))
}

/// Asks the loop to save again (after a failed save); refused when read-only.
pub fn save_again(state: &mut AppState) -> Effect {
    if refuse_read_only(state) {
        return Effect::None;
    }
    Effect::Save
}

/// Logs the current item (a done milestone or step) as an achievement in the profile.
pub fn promote_current(state: &mut AppState) -> Effect {
    match state.current_item() {
        Some(id) => promote(state, id),
        None => Effect::None,
    }
}

/// Logs item `id` (a done milestone or step) as an achievement, once.
pub fn promote(state: &mut AppState, id: ItemId) -> Effect {
    match crate::model::profile::promote_to_achievement(&state.plan, id) {
        Some(op) => {
            let effect = apply(state, op, "log an achievement", state.selected);
            if effect == Effect::Save {
                state.info("Logged in your achievements (Profile).");
            }
            effect
        }
        None => {
            let logged = state
                .plan
                .profile
                .achievements
                .iter()
                .any(|a| a.source == Some(id));
            state.info(if logged {
                "Already in your achievements."
            } else {
                "Only done milestones and steps are achievements."
            });
            Effect::None
        }
    }
}
