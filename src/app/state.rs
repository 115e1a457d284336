//! Everything a user would call "where I am": the shared core (the plan and its history, the
//! screen on show, the overlay, the status line, the session and the settings) and each
//! screen's own state. The layer that has the keyboard is worked out from it, never stored.

use super::core::Core;
use super::forms::Form;
use super::overlay::{Overlay, Question};
use super::screens::Screens;
use crate::keymap::Layer;
use crate::model::{ItemId, Plan};
use chrono::NaiveDate;

/// The whole state of the app. It reads as its core (`state.doc`, `state.overlay`, …); the
/// screens' states are in `screens`.
#[derive(Debug)]
pub struct AppState {
    pub core: Core,
    pub screens: Screens,
}

impl std::ops::Deref for AppState {
    type Target = Core;
    fn deref(&self) -> &Core {
        &self.core
    }
}

impl std::ops::DerefMut for AppState {
    fn deref_mut(&mut self) -> &mut Core {
        &mut self.core
    }
}

impl AppState {
    /// A fresh state over `plan`, on the Goals screen with the first row selected.
    pub fn new(plan: Plan, today: NaiveDate) -> Self {
        let mut state = AppState {
            core: Core::new(plan, today),
            screens: Screens::default(),
        };
        state.settle();
        state
    }

    /// Brings the screens in step with the plan after a change.
    pub fn settle(&mut self) {
        self.screens.settle(&mut self.core);
    }

    /// The layer that has the keyboard, worked out from what is open.
    pub fn layer(&self) -> Layer {
        match &self.overlay {
            Some(Overlay::Help(h)) if h.typing => Layer::Search,
            Some(Overlay::Help(_)) => Layer::Help,
            Some(Overlay::Question(_)) => Layer::Confirm,
            Some(Overlay::Form(_)) => Layer::Form,
            None => match &self.screens.goals.search {
                Some(s) if s.typing && self.screen == super::action::Screen::Goals => Layer::Search,
                Some(_) if self.screen == super::action::Screen::Goals => Layer::Filtered,
                _ => Layer::Screen(self.screen),
            },
        }
    }

    /// The item the keys act on on the screen on show.
    pub fn current_item(&self) -> Option<ItemId> {
        self.screens.current_item(&self.core)
    }

    /// The open form.
    pub fn form(&self) -> Option<&Form> {
        self.overlay.as_ref().and_then(Overlay::form)
    }

    /// The open form, to change.
    pub fn form_mut(&mut self) -> Option<&mut Form> {
        self.core.form_mut()
    }

    /// The open question.
    pub fn question(&self) -> Option<&Question> {
        self.overlay.as_ref().and_then(Overlay::question)
    }

    /// Moves today on (the clock passed midnight): dates given to new items, the agenda's
    /// buckets and the review's week follow.
    pub fn set_today(&mut self, today: NaiveDate) {
        self.core.session.today = today;
        self.settle();
    }

    /// Selects item `id` in the tree, unfolding what hides it.
    pub fn select_id(&mut self, id: ItemId) {
        self.screens.goals.select_id(&self.core, id);
    }

    /// How many tree rows fit on screen.
    pub fn tree_height(&self) -> usize {
        crate::layout::tree_rows_visible(self.session.size, self.session.details_zoomed)
    }

    /// Puts a plan read from disk in place of the one in memory; undo history starts over.
    pub fn replace_plan(&mut self, plan: Plan) {
        self.core.doc.replace(plan);
        self.settle();
    }
}
