//! One module per screen, each owning its state (selection by id, never a row number), its
//! derived rows (worked out again when the plan changes) and its routing, behind the one
//! `ScreenState` trait. The modules, the `Screens` struct and the routing to the screen on
//! show are made from the list of screens in `action::with_screens`.

pub mod lists;
pub mod tree;

use super::action::{Action, Effect, Screen, with_screens};
use super::core::Core;
use crate::model::ItemId;

/// What every screen does; `Screens` routes to the one on show through it.
pub trait ScreenState {
    /// Works out again what it derives from the plan, when `core.view_key()` changed.
    fn settle(&mut self, _core: &mut Core) {}
    /// The item the keys act on (the selection), if any.
    fn current_item(&self, _core: &Core) -> Option<ItemId> {
        None
    }
    /// Carries out `action` on this screen.
    fn update(&mut self, core: &mut Core, action: Action) -> Effect;
}

/// Makes the screens' modules, their states and the lookup by `Screen` from the list.
macro_rules! screen_states {
    ($($variant:ident $module:ident $state:ident $title:literal,)*) => {
        $(pub mod $module;)*

        /// The state of every screen.
        #[derive(Debug, Default)]
        pub struct Screens {
            $(pub $module: $module::$state,)*
        }

        impl Screens {
            fn get(&self, screen: Screen) -> &dyn ScreenState {
                match screen {
                    $(Screen::$variant => &self.$module,)*
                }
            }

            fn get_mut(&mut self, screen: Screen) -> &mut dyn ScreenState {
                match screen {
                    $(Screen::$variant => &mut self.$module,)*
                }
            }
        }
    };
}
with_screens!(screen_states);

impl Screens {
    /// Brings every screen in step with the plan after an update (each works out its rows
    /// only when on show; the tree always follows, since changes select in it).
    pub fn settle(&mut self, core: &mut Core) {
        for screen in Screen::ALL {
            self.get_mut(*screen).settle(core);
        }
    }

    /// The item the keys act on: the tree's selection on the Goals screen, the list's
    /// selection elsewhere.
    pub fn current_item(&self, core: &Core) -> Option<ItemId> {
        self.get(core.screen).current_item(core)
    }

    /// Routes `action` to the screen on show.
    pub fn update(&mut self, core: &mut Core, action: Action) -> Effect {
        self.get_mut(core.screen).update(core, action)
    }
}
