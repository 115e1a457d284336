//! The Profile screen: which section is open, the row picked in it (as shown),
//! whether career paths are compared side by side; and its routing: editing a section,
//! adding and deleting entries, the guided start, and the profile feeding the plan: feedback
//! becomes a step, a threat a barrier, a growth area, interest, opportunity or career path a
//! goal.

use super::super::action::{Action, Effect};
use super::super::change::Change;
use super::super::core::Core;
use super::super::forms::profile as profile_forms;
use super::super::overlay::Answer;
use crate::app::action::Screen;
use crate::keymap::Layer;
use crate::model::entries;
use crate::model::feed;
use crate::model::profile::{self, Section};

/// The Profile screen's own state.
#[derive(Debug, Default)]
pub struct ProfileScreen {
    pub section: Section,
    /// The row picked in the open section, counted as it is shown (`Section::shown_order`);
    /// entries of the same name are each reachable.
    pub entry: usize,
    /// The picked entry's id: the selection stays on it when entries come or go around it
    /// (SWOT lines have none, and go by `entry`).
    pub picked: Option<u64>,
    /// Whether career paths are shown side by side.
    pub compare: bool,
}

impl ProfileScreen {
    /// The picked row as shown: the picked entry's, or the row it was on (the last when
    /// fewer are left).
    pub fn position(&self, core: &Core) -> usize {
        let shown = self.shown_ids(core);
        let by_id = self
            .picked
            .and_then(|id| shown.iter().position(|&s| s == id));
        by_id.unwrap_or_else(|| self.entry.min(shown.len().saturating_sub(1)))
    }

    /// The ids of the open section's entries in the order shown (0 for SWOT lines).
    fn shown_ids(&self, core: &Core) -> Vec<u64> {
        let profile = &core.plan().profile;
        let ids = entries::ids(profile, self.section);
        let order = self.section.shown_order(profile);
        order
            .iter()
            .map(|&i| ids.get(i).copied().unwrap_or(0))
            .collect()
    }

    /// The picked entry's index in the section's list, when there is one.
    pub fn index(&self, core: &Core) -> Option<usize> {
        let order = self.section.shown_order(&core.plan().profile);
        order.get(self.position(core)).copied()
    }

    fn open_section(&mut self, section: Section) {
        self.section = section;
        self.entry = 0;
        self.picked = None;
    }

    fn move_by(&mut self, core: &Core, delta: isize) {
        let shown = self.shown_ids(core);
        let at = self.position(core).saturating_add_signed(delta);
        self.entry = at.min(shown.len().saturating_sub(1));
        self.picked = shown.get(self.entry).copied().filter(|&id| id != 0);
    }

    /// Opens the open section's form; with `add`, with a new entry's row focused.
    fn open_editor(&mut self, core: &mut Core, add: bool) -> Effect {
        let key = |a| core.key(Layer::Form, &a);
        let keys = format!(
            "{} adds a row (on the heading or a row), {} deletes one, {}/{} move it.",
            key(Action::AddRow),
            key(Action::DeleteRow),
            key(Action::MoveRowUp),
            key(Action::MoveRowDown)
        );
        let mut form = profile_forms::edit_section(core.plan(), self.section, core.today(), &keys);
        if add && !form.add_row_to(profile_forms::ROWS) && !form.add_row_to("s") {
            core.info("The role section has no entries to add; it opens as it is.");
        }
        if let Some(index) = self.index(core).filter(|_| !add) {
            focus_entry(&mut form, index);
        }
        core.open_form(form)
    }

    fn ask_delete(&mut self, core: &mut Core) {
        let entries = self.section.entries(&core.plan().profile);
        let at = self.index(core).unwrap_or(usize::MAX);
        let Some(name) = entries.get(at) else {
            core.info(format!(
                "{} has no entry to delete here.",
                self.section.title()
            ));
            return;
        };
        if core.refuse_read_only() {
            return;
        }
        let undo = core.key(Layer::Global, &Action::Undo);
        let text = format!(
            "Delete “{name}” from {}? ({undo} undoes)",
            self.section.title().to_lowercase()
        );
        core.ask(text, Answer::DeleteEntry(self.section, at));
    }

    /// Turns the selected piece of feedback into a step under its linked goal (a SWOT
    /// threat into a barrier).
    fn feedback_to_step(&mut self, core: &mut Core) -> Effect {
        if self.section == Section::Swot {
            return self.threat_to_barrier(core);
        }
        if self.section != Section::Feedback {
            core.info("Pick a piece of feedback (or a SWOT threat) first.");
            return Effect::None;
        }
        let Some(index) = self.index(core) else {
            return Effect::None;
        };
        let Some(feedback) = core.plan().profile.feedback.get(index).cloned() else {
            return Effect::None;
        };
        if feedback.step.is_some() {
            core.info("This feedback is already a step.");
            return Effect::None;
        }
        let Some(goal) = feedback.goal else {
            let edit = core.key(Layer::Screen(Screen::Profile), &Action::EditSection);
            core.info(format!(
                "Link the feedback to a goal first ({edit}, then its Goal field)."
            ));
            return Effect::None;
        };
        core.commit_with(|plan| {
            let op = feed::feedback_to_step(plan, index, goal)?;
            Some(
                Change::new(op, "turn feedback into a step")
                    .saying("The feedback is now a step under its goal."),
            )
        })
        .into()
    }

    /// Makes a goal of the selected entry: a growth area, an interest, a SWOT opportunity
    /// or a career path's first experiment.
    fn entry_to_goal(&mut self, core: &mut Core) -> Effect {
        let section = self.section;
        let index = self.index(core).unwrap_or(usize::MAX);
        let profile = &core.plan().profile;
        if section == Section::CareerPaths
            && profile.paths.get(index).is_some_and(|p| p.goal.is_some())
        {
            core.info("This path's experiment is already a goal.");
            return Effect::None;
        }
        let today = core.today();
        let committed = core.commit_with(|plan| {
            let op = feed::entry_to_goal(plan, section, index, today)?;
            Some(
                Change::new(op, "make a goal from the profile")
                    .saying("A new goal is in your goals; e on it fills in its SMART card."),
            )
        });
        if !committed.applied && core.status.is_none() {
            core.info(
                "Goals come from a growth area, an interest, a SWOT opportunity or a career path: pick one first.",
            );
        }
        committed.into()
    }

    /// Asks on which goal the selected SWOT threat becomes a barrier.
    fn threat_to_barrier(&mut self, core: &mut Core) -> Effect {
        let index = self.index(core).unwrap_or(usize::MAX);
        match profile::swot_entry(&core.plan().profile, index) {
            Some((3, at)) => {
                let form = crate::app::forms::threat::threat_to_barrier(core.plan(), at);
                core.open_form(form)
            }
            _ => {
                core.info("Only a threat becomes a barrier: pick one in the Threats quadrant.");
                Effect::None
            }
        }
    }
}

impl super::ScreenState for ProfileScreen {
    /// Carries out `action` on the Profile screen.
    fn update(&mut self, core: &mut Core, action: Action) -> Effect {
        match action {
            Action::NextSection => self.open_section(self.section.step(1)),
            Action::PrevSection => self.open_section(self.section.step(-1)),
            Action::EditSection => return self.open_editor(core, false),
            Action::AddEntry => return self.open_editor(core, true),
            Action::DeleteEntry => self.ask_delete(core),
            Action::FeedbackToStep => return self.feedback_to_step(core),
            Action::EntryToGoal => return self.entry_to_goal(core),
            Action::Journey => return super::super::guided::open_picker(core),
            Action::ToggleCompare => self.compare = !self.compare,
            Action::MoveDown => self.move_by(core, 1),
            Action::MoveUp => self.move_by(core, -1),
            Action::Top => self.move_by(core, isize::MIN),
            Action::Bottom => self.move_by(core, isize::MAX),
            _ => {}
        }
        Effect::None
    }
}

/// Focuses the first field of entry `index` in a section's form.
fn focus_entry(form: &mut super::super::forms::Form, index: usize) {
    if let Some(row) = form.rows(profile_forms::ROWS).get(index)
        && let Some(&first) = row.first()
    {
        form.focus_on(first);
    }
}

/// The change that deletes entry `index` of `section` (one op on that entry, named in the
/// undo history; a SWOT line replaces the profile).
pub fn delete_entry(core: &mut Core, section: Section, index: usize) -> Effect {
    let before = &core.plan().profile;
    let mut profile = before.clone();
    if !section.remove(&mut profile, index) {
        return Effect::None;
    }
    let (op, label) = crate::model::entry_edits::edits(before, &mut profile);
    let label = label.unwrap_or_else(|| format!("delete from {}", section.title().to_lowercase()));
    core.commit(Change::new(op, label)).into()
}
