//! What floats above the screens: a form, a yes/no question, or the key help. One at a time;
//! the keyboard goes to it.

use super::forms::Form;
use crate::model::ItemId;
use std::path::PathBuf;

/// The one thing open over the screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Overlay {
    Form(Box<Form>),
    Question(Question),
    /// The key help.
    Help(HelpView),
}

/// The key help as open: how far it is scrolled, and the words it is narrowed to (`/`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HelpView {
    pub scroll: u16,
    pub filter: super::forms::input::TextInput,
    /// Typing into the filter (the keys go to it).
    pub typing: bool,
}

/// A yes/no question and what "yes" does.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub text: String,
    pub on_yes: Answer,
}

/// What a confirmed question does.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Delete(ItemId),
    /// Delete entry `index` of a section of the profile.
    DeleteEntry(crate::model::profile::Section, usize),
    /// Close this form without saving what was typed; "no" goes back to it.
    Discard(Box<Form>),
    /// Quitting with changes that did not reach the disk: yes writes them to this file first.
    RescueAndQuit(PathBuf),
    /// The file changed outside: yes loads it (ours is kept in the conflict copy).
    LoadOutsideVersion,
    /// After loading the outside version: yes puts ours (this conflict copy) back.
    BringBackOurs(PathBuf),
    /// Conflict `index` of the plan: yes takes the other device's value (for an item
    /// deleted elsewhere: deletes it), no keeps the one in place, closing decides later.
    ChooseConflict {
        index: usize,
        deletion: bool,
        /// Who wrote each value, as this computer sees it ("this computer", "laptop").
        sides: crate::model::conflict::Sides,
    },
    /// A file-sync tool's conflict copy beside the plan: yes merges it in.
    MergeCopy(PathBuf),
    /// A goal or milestone was just finished: yes logs it as an achievement.
    LogAchievement(ItemId),
    /// What was just done completes this milestone or goal: yes marks it done too.
    FinishToo(ItemId),
    /// This goal was just finished with practice still running: yes stops it, no keeps it
    /// as a habit under the done goal.
    StopPractice(ItemId),
}

impl Answer {
    /// The heading of the box the question is asked in.
    pub fn title(&self) -> &'static str {
        match self {
            Answer::Delete(_) | Answer::DeleteEntry(..) => " Are you sure? ",
            Answer::Discard(_) => " Discard changes? ",
            Answer::RescueAndQuit(_) => " Not saved ",
            Answer::LoadOutsideVersion | Answer::BringBackOurs(_) => " Changed outside goalcoach ",
            Answer::ChooseConflict { .. } => " Changed on two devices ",
            Answer::MergeCopy(_) => " Another device's copy ",
            Answer::LogAchievement(_) => " Done! ",
            Answer::FinishToo(_) => " All done? ",
            Answer::StopPractice(_) => " Practice under a finished goal ",
        }
    }

    /// What yes and no mean, for the line under the question.
    pub fn choices(&self) -> (String, String) {
        let (yes, no) = match self {
            Answer::ChooseConflict { deletion: true, .. } => ("delete it", "keep it"),
            Answer::ChooseConflict { sides, .. } => {
                return (
                    format!("take {}'s", sides.other),
                    format!("keep {}'s", sides.kept),
                );
            }
            Answer::MergeCopy(_) => ("merge it", "not now"),
            Answer::LogAchievement(_) => ("log it", "not now"),
            Answer::FinishToo(_) => ("mark it done", "not yet"),
            Answer::StopPractice(_) => ("stop it", "keep it as a habit"),
            _ => ("yes", "no"),
        };
        (yes.to_string(), no.to_string())
    }
}

impl Overlay {
    /// The open form, if the overlay is one.
    pub fn form(&self) -> Option<&Form> {
        match self {
            Overlay::Form(form) => Some(form),
            _ => None,
        }
    }

    /// The open question, if the overlay is one.
    pub fn question(&self) -> Option<&Question> {
        match self {
            Overlay::Question(q) => Some(q),
            _ => None,
        }
    }
}
