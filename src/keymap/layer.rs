//! The layers keys are bound in: one per screen, one per overlay, and the global fallback;
//! which layer each falls back to, and what help calls it.

use crate::app::action::Screen;

/// Where the keyboard focus is; each layer has its own bindings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    /// What works on every screen; the fallback of each screen's layer.
    Global,
    /// A screen on show, with no overlay over it.
    Screen(Screen),
    /// Browsing search results on the Goals screen (falls back to the Goals screen's).
    Filtered,
    /// Typing a search query.
    Search,
    /// A form or prompt is open.
    Form,
    /// A yes/no question is open.
    Confirm,
    /// The help overlay is open.
    Help,
}

impl Layer {
    /// Every layer, in help order: the global one, each screen's, then the rest.
    pub fn all() -> impl Iterator<Item = Layer> {
        let rest = [
            Layer::Filtered,
            Layer::Search,
            Layer::Form,
            Layer::Confirm,
            Layer::Help,
        ];
        std::iter::once(Layer::Global)
            .chain(Screen::ALL.iter().copied().map(Layer::Screen))
            .chain(rest)
    }

    /// Whether this is a screen's layer (or the search results over the Goals screen).
    pub fn is_screen(self) -> bool {
        matches!(self, Layer::Screen(_) | Layer::Filtered)
    }

    /// The layer's name in help headings.
    pub fn title(self) -> &'static str {
        match self {
            Layer::Global => "Every screen",
            Layer::Screen(Screen::Review) => "Weekly review",
            Layer::Screen(screen) => screen.title(),
            Layer::Filtered => "Search results",
            Layer::Search => "Typing a search",
            Layer::Form => "Forms and prompts",
            Layer::Confirm => "Questions",
            Layer::Help => "This help",
        }
    }

    /// The prefix of an action's name in the configuration file (`form.submit`); the main
    /// screens' actions have none (`new_goal`).
    pub(super) fn namespace(self) -> Option<&'static str> {
        match self {
            Layer::Screen(Screen::Review) => Some("review"),
            Layer::Screen(Screen::Profile) => Some("profile"),
            Layer::Global | Layer::Screen(_) => None,
            Layer::Filtered => Some("filtered"),
            Layer::Search => Some("search"),
            Layer::Form => Some("form"),
            Layer::Confirm => Some("confirm"),
            Layer::Help => Some("help"),
        }
    }

    /// The layer whose bindings apply when this one has none for a key.
    fn fallback(self) -> Option<Layer> {
        match self {
            Layer::Filtered => Some(Layer::Screen(Screen::Goals)),
            l if l.is_screen() => Some(Layer::Global),
            _ => None,
        }
    }

    /// This layer and the ones it falls back to, in lookup order.
    pub(super) fn chain(self) -> impl Iterator<Item = Layer> {
        std::iter::successors(Some(self), |l| l.fallback())
    }

    /// Whether unbound printable keys type text in this layer.
    pub fn takes_text(self) -> bool {
        matches!(self, Layer::Search | Layer::Form)
    }
}
