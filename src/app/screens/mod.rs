//! One module per screen, each owning its state (selection by id, never a row number), its
//! derived rows (worked out again when the plan changes) and its routing. A new screen is a
//! file here, one in `ui/`, a layer and rows in the keymap.

pub mod agenda;
pub mod goals;
pub mod lists;
pub mod priorities;
pub mod profile;
pub mod review;
pub mod timeline;
pub mod tree;

use super::action::{Action, Effect, Screen};
use super::core::Core;
use crate::model::ItemId;

/// The state of every screen.
#[derive(Debug, Default)]
pub struct Screens {
    pub goals: goals::GoalsScreen,
    pub agenda: agenda::AgendaScreen,
    pub priorities: priorities::PrioritiesScreen,
    pub review: review::ReviewScreen,
    pub profile: profile::ProfileScreen,
    pub timeline: timeline::TimelineScreen,
}

impl Screens {
    /// Brings every screen in step with the plan after an update (only the one on show
    /// works out its rows; the tree always follows, since changes select in it).
    pub fn settle(&mut self, core: &mut Core) {
        self.goals.settle(core);
        self.agenda.settle(core);
        self.priorities.settle(core);
        self.review.settle(core);
        self.timeline.settle(core);
    }

    /// The item the keys act on: the tree's selection on the Goals screen, the list's
    /// selection elsewhere.
    pub fn current_item(&self, core: &Core) -> Option<ItemId> {
        match core.screen {
            Screen::Goals => self.goals.selected,
            Screen::Agenda => self.agenda.sel.id,
            Screen::Priorities => self.priorities.current(),
            Screen::Review => self.review.current(core),
            Screen::Profile => None,
            Screen::Timeline => self.timeline.sel.id,
        }
    }

    /// Routes `action` to the screen on show.
    pub fn update(&mut self, core: &mut Core, action: Action) -> Effect {
        match core.screen {
            Screen::Goals => self.goals.update(core, action),
            Screen::Agenda => self.agenda.update(core, action),
            Screen::Priorities => self.priorities.update(core, action),
            Screen::Review => self.review.update(core, action),
            Screen::Profile => self.profile.update(core, action),
            Screen::Timeline => self.timeline.update(core, action),
        }
    }
}
