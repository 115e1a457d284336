//! The one table of key bindings. Key dispatch, the footer hints and the `?` help overlay are
//! all read from it, so what the help says is what the keys do.

use crate::app::action::Action;
use crate::app::state::Screen;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Where the keyboard focus is; each layer has its own bindings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    /// The screens (tree, lists); also the fallback of `Filtered`.
    Main,
    /// Typing a search query.
    Search,
    /// Browsing search results: the tree is filtered.
    Filtered,
    /// A form or prompt is open.
    Form,
    /// A yes/no question is open.
    Confirm,
    /// The help overlay is open.
    Help,
    /// The Review screen (falls back to `Main`).
    Review,
    /// The Profile screen (falls back to `Main`).
    Profile,
}

impl Layer {
    /// Every layer, in help order.
    pub const ALL: [Layer; 8] = [
        Layer::Main,
        Layer::Review,
        Layer::Profile,
        Layer::Filtered,
        Layer::Search,
        Layer::Form,
        Layer::Confirm,
        Layer::Help,
    ];

    /// The heading of the layer's section in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Layer::Main => "Everywhere",
            Layer::Filtered => "Search results",
            Layer::Search => "Typing a search",
            Layer::Form => "Forms and prompts",
            Layer::Confirm => "Questions",
            Layer::Help => "This help",
            Layer::Review => "Weekly review",
            Layer::Profile => "Profile",
        }
    }

    /// The layer whose bindings apply when this one has none for a key.
    fn fallback(self) -> Option<Layer> {
        match self {
            Layer::Filtered | Layer::Review | Layer::Profile => Some(Layer::Main),
            _ => None,
        }
    }

    /// Whether unbound printable keys type text in this layer.
    fn takes_text(self) -> bool {
        matches!(self, Layer::Search | Layer::Form)
    }
}

/// A key with the one modifier bindings care about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// The key as read from the terminal. Shift is folded into the character ('J'), so it
    /// is ignored for character keys.
    pub fn from_event(event: &KeyEvent) -> Key {
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        }
    }

    /// Reads a key as help writes it (`j`, `Ctrl-r`, `Enter`, `↓` or `Down`, `PgDn`,
    /// `Shift-Tab`, `Space`).
    pub fn parse(text: &str) -> Result<Key, String> {
        let bad = || {
            format!("'{text}' is not a key (try j, Ctrl-r, Enter, Down, PgDn, Shift-Tab, Space)")
        };
        let (ctrl, name) = match text
            .strip_prefix("Ctrl-")
            .or_else(|| text.strip_prefix("ctrl-"))
        {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let code = match name.to_lowercase().as_str() {
            "space" => KeyCode::Char(' '),
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "del" | "delete" => KeyCode::Delete,
            "up" | "↑" => KeyCode::Up,
            "down" | "↓" => KeyCode::Down,
            "left" | "←" => KeyCode::Left,
            "right" | "→" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            _ => {
                let mut chars = name.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
                    _ => return Err(bad()),
                }
            }
        };
        Ok(Key { code, ctrl })
    }

    /// How the key is written in help and hints.
    pub fn display(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

/// One row of the table: in `layer`, any of `keys` means `action`.
#[derive(Debug)]
pub struct Binding {
    pub layer: Layer,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the action does, in a few words, for help and hints.
    pub label: &'static str,
    /// Whether the footer shows it.
    pub footer: bool,
}

const fn bind(layer: Layer, keys: &'static [Key], action: Action, label: &'static str) -> Binding {
    Binding {
        layer,
        keys,
        action,
        label,
        footer: false,
    }
}

const fn hint(layer: Layer, keys: &'static [Key], action: Action, label: &'static str) -> Binding {
    Binding {
        layer,
        keys,
        action,
        label,
        footer: true,
    }
}

use crate::model::review::Decision;
use KeyCode as K;
use Layer::{
    Confirm as C, Filtered as Fi, Form as F, Help as H, Main as M, Profile as Pr, Review as Rv,
    Search as S,
};

/// The default key bindings.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind(M, &[Key::ch('j'), Key::plain(K::Down)], Action::MoveDown, "move down"),
    bind(M, &[Key::ch('k'), Key::plain(K::Up)], Action::MoveUp, "move up"),
    bind(M, &[Key::ch('h'), Key::plain(K::Left)], Action::Collapse, "fold, or go to parent"),
    bind(M, &[Key::ch('l'), Key::plain(K::Right)], Action::Expand, "unfold, or go to child"),
    bind(M, &[Key::ch('g'), Key::plain(K::Home)], Action::Top, "go to top"),
    bind(M, &[Key::ch('G'), Key::plain(K::End)], Action::Bottom, "go to bottom"),
    bind(M, &[Key::plain(K::PageUp)], Action::PageUp, "page up"),
    bind(M, &[Key::plain(K::PageDown)], Action::PageDown, "page down"),
    hint(M, &[Key::ch('n')], Action::NewGoal, "new goal"),
    hint(M, &[Key::ch('a')], Action::AddChild, "add milestone/step"),
    bind(M, &[Key::ch('A')], Action::AddStep, "add a step straight under the goal"),
    hint(M, &[Key::ch('e')], Action::Edit, "edit"),
    bind(M, &[Key::plain(K::Enter)], Action::Open, "open: edit in the tree, show in the tree elsewhere"),
    hint(M, &[Key::ch('t')], Action::Reschedule, "new date"),
    bind(M, &[Key::ch('i')], Action::CycleImportance, "cycle importance 1–3"),
    bind(M, &[Key::ch('U')], Action::CycleUrgency, "cycle urgency 1–3"),
    hint(M, &[Key::ch('x'), Key::ch(' ')], Action::ToggleDone, "toggle done"),
    hint(M, &[Key::ch('d')], Action::Delete, "delete"),
    bind(M, &[Key::ch('J')], Action::MoveItemDown, "move item down"),
    bind(M, &[Key::ch('K')], Action::MoveItemUp, "move item up"),
    hint(M, &[Key::ch('c')], Action::CheckIn, "check in"),
    bind(M, &[Key::ch('s')], Action::CycleStatus, "cycle goal status"),
    bind(M, &[Key::ch('P')], Action::Promote, "log a done milestone or step as an achievement"),
    hint(M, &[Key::ch('u')], Action::Undo, "undo"),
    bind(M, &[Key::ctrl('r')], Action::Redo, "redo"),
    bind(M, &[Key::ch('R')], Action::Reload, "reload the plan from disk"),
    bind(M, &[Key::ctrl('s')], Action::SaveAgain, "save again (after a failed save)"),
    bind(M, &[Key::ch('W')], Action::WriteCopy, "write a copy of the plan to another file"),
    hint(M, &[Key::ch('/')], Action::StartSearch, "search"),
    bind(M, &[Key::ch('1')], Action::ShowScreen(Screen::Goals), "Goals screen"),
    bind(M, &[Key::ch('2')], Action::ShowScreen(Screen::Agenda), "Agenda screen"),
    bind(M, &[Key::ch('3')], Action::ShowScreen(Screen::Priorities), "Priorities screen"),
    bind(M, &[Key::ch('4')], Action::ShowScreen(Screen::Review), "Review screen"),
    bind(M, &[Key::ch('5')], Action::ShowScreen(Screen::Profile), "Profile screen"),
    bind(M, &[Key::plain(K::Tab)], Action::NextScreen, "next screen"),
    bind(M, &[Key::plain(K::BackTab)], Action::PrevScreen, "previous screen"),
    hint(M, &[Key::ch('?')], Action::ToggleHelp, "help"),
    hint(M, &[Key::ch('q'), Key::ctrl('c')], Action::Quit, "quit"),
    bind(M, &[Key::ctrl('z')], Action::Suspend, "suspend to the shell (fg brings it back)"),
    hint(Rv, &[Key::ch('r')], Action::StartReview, "start/resume review"),
    hint(Rv, &[Key::plain(K::Enter), Key::ch('l'), Key::plain(K::Right)], Action::ReviewNext, "next"),
    hint(Rv, &[Key::ch('h'), Key::plain(K::Left)], Action::ReviewBack, "back"),
    bind(Rv, &[Key::ch('K')], Action::Decide(Decision::Keep), "keep the goal as it is"),
    bind(Rv, &[Key::ch('A')], Action::Decide(Decision::Adjust), "adjust the goal (opens its editor)"),
    bind(Rv, &[Key::ch('H')], Action::Decide(Decision::Hold), "put the goal on hold"),
    bind(Rv, &[Key::ch('D')], Action::Decide(Decision::Drop), "drop the goal"),
    bind(Rv, &[Key::ch('X')], Action::Decide(Decision::Done), "mark the goal done"),
    hint(Rv, &[Key::ch(' ')], Action::ToggleCommitment, "pick for next week"),
    hint(Rv, &[Key::ch('w')], Action::EditReflection, "write reflection"),
    hint(Rv, &[Key::ch('F')], Action::FinishReview, "finish"),
    bind(Rv, &[Key::ch('S')], Action::SkipWeek, "skip this week (on purpose)"),
    bind(Rv, &[Key::ch('L')], Action::LogAchievement, "log the win as an achievement"),
    hint(Pr, &[Key::ch('l'), Key::plain(K::Right)], Action::NextSection, "next section"),
    hint(Pr, &[Key::ch('h'), Key::plain(K::Left)], Action::PrevSection, "previous section"),
    hint(Pr, &[Key::ch('e'), Key::plain(K::Enter)], Action::EditSection, "edit section"),
    bind(Pr, &[Key::ch('T')], Action::FeedbackToStep, "turn the feedback into a step"),
    bind(Pr, &[Key::ch('G')], Action::PathToGoal, "make the path's first experiment a goal"),
    bind(Pr, &[Key::ch('v')], Action::ToggleCompare, "compare career paths side by side"),
    hint(Pr, &[Key::ch('f')], Action::FirstPass, "guided first pass"),
    hint(Fi, &[Key::ch('n')], Action::NextMatch, "next match"),
    hint(Fi, &[Key::ch('N')], Action::PrevMatch, "previous match"),
    hint(Fi, &[Key::plain(K::Esc)], Action::ClearSearch, "clear search"),
    hint(S, &[Key::plain(K::Down), Key::ctrl('n')], Action::NextMatch, "next match"),
    hint(S, &[Key::plain(K::Up), Key::ctrl('p')], Action::PrevMatch, "previous match"),
    hint(S, &[Key::plain(K::Enter)], Action::AcceptSearch, "keep filter"),
    hint(S, &[Key::plain(K::Esc)], Action::ClearSearch, "clear"),
    bind(S, &[Key::plain(K::Backspace)], Action::DeleteBack, "delete back"),
    bind(S, &[Key::plain(K::Left)], Action::CursorLeft, "cursor left"),
    bind(S, &[Key::plain(K::Right)], Action::CursorRight, "cursor right"),
    bind(S, &[Key::ctrl('c')], Action::Quit, "quit"),
    hint(F, &[Key::plain(K::Enter)], Action::Submit, "save"),
    hint(F, &[Key::plain(K::Esc)], Action::Cancel, "cancel"),
    hint(F, &[Key::plain(K::Tab), Key::plain(K::Down)], Action::NextField, "next field"),
    bind(F, &[Key::plain(K::BackTab), Key::plain(K::Up)], Action::PrevField, "previous field"),
    bind(F, &[Key::plain(K::Left)], Action::CursorLeft, "cursor left / previous choice"),
    bind(F, &[Key::plain(K::Right)], Action::CursorRight, "cursor right / next choice"),
    bind(F, &[Key::plain(K::Home), Key::ctrl('a')], Action::CursorHome, "start of field"),
    bind(F, &[Key::plain(K::End)], Action::CursorEnd, "end of field"),
    bind(F, &[Key::plain(K::Backspace)], Action::DeleteBack, "delete before cursor"),
    bind(F, &[Key::plain(K::Delete)], Action::DeleteForward, "delete at cursor"),
    bind(F, &[Key::ctrl('n')], Action::AddRow, "add a row to this section (barrier, resource, check-in)"),
    bind(F, &[Key::ctrl('d')], Action::DeleteRow, "delete this row"),
    bind(F, &[Key { code: K::Up, ctrl: true }], Action::MoveRowUp, "move this row up"),
    bind(F, &[Key { code: K::Down, ctrl: true }], Action::MoveRowDown, "move this row down"),
    bind(F, &[Key::ctrl('e')], Action::EditInEditor, "edit this text in $EDITOR"),
    bind(F, &[Key::ctrl('c')], Action::Quit, "quit (the open form is not saved)"),
    hint(C, &[Key::ch('y'), Key::plain(K::Enter)], Action::Confirm, "yes"),
    hint(C, &[Key::ch('n'), Key::plain(K::Esc)], Action::Deny, "no"),
    bind(C, &[Key::ctrl('c')], Action::Quit, "quit"),
    hint(H, &[Key::ch('?'), Key::plain(K::Esc), Key::ch('q')], Action::ToggleHelp, "close help"),
    bind(H, &[Key::ch('j'), Key::plain(K::Down)], Action::MoveDown, "scroll down"),
    bind(H, &[Key::ch('k'), Key::plain(K::Up)], Action::MoveUp, "scroll up"),
    bind(H, &[Key::ctrl('c')], Action::Quit, "quit"),
];

/// A binding in force: the default table's, or changed by the user's configuration.
#[derive(Clone, Debug)]
pub struct Bound {
    pub layer: Layer,
    pub keys: Vec<Key>,
    pub action: Action,
    pub label: &'static str,
    pub footer: bool,
}

/// The key bindings in force. Dispatch, footer hints and the help overlay all read this, so
/// remapped keys show up everywhere at once.
#[derive(Clone, Debug)]
pub struct Keymap {
    rows: Vec<Bound>,
}

impl Default for Keymap {
    fn default() -> Self {
        let rows = BINDINGS
            .iter()
            .map(|b| Bound {
                layer: b.layer,
                keys: b.keys.to_vec(),
                action: b.action.clone(),
                label: b.label,
                footer: b.footer,
            })
            .collect();
        Keymap { rows }
    }
}

/// The name an action has in the configuration file: `MoveDown` → `move_down`,
/// `ShowScreen(Agenda)` → `show_screen_agenda`; prefixed with the layer outside the main one
/// (`form.submit`).
pub fn action_name(layer: Layer, action: &Action) -> String {
    let debug = format!("{action:?}");
    let mut name = String::new();
    for (i, c) in debug.chars().filter(|c| c.is_alphanumeric()).enumerate() {
        if c.is_uppercase() && i > 0 {
            name.push('_');
        }
        name.extend(c.to_lowercase());
    }
    match layer {
        Layer::Main => name,
        other => format!("{}.{name}", format!("{other:?}").to_lowercase()),
    }
}

impl Keymap {
    fn lookup(&self, layer: Layer, key: Key) -> Option<&Bound> {
        self.rows
            .iter()
            .find(|b| b.layer == layer && b.keys.contains(&key))
    }

    /// The action a key press means in `layer`, if any. Key releases are ignored; unbound
    /// printable keys type text where the layer takes text.
    pub fn action_for(&self, layer: Layer, event: &KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let key = Key::from_event(event);
        let found = self
            .lookup(layer, key)
            .or_else(|| layer.fallback().and_then(|f| self.lookup(f, key)));
        if let Some(binding) = found {
            return Some(binding.action.clone());
        }
        match key.code {
            KeyCode::Char(c) if layer.takes_text() && !key.ctrl => {
                Some(Action::Insert(c.to_string()))
            }
            _ => None,
        }
    }

    /// The bindings of one layer, in table order.
    pub fn bindings(&self, layer: Layer) -> impl Iterator<Item = &Bound> {
        self.rows.iter().filter(move |b| b.layer == layer)
    }

    /// Footer hints for a layer (and the layer it falls back to), as `(keys, label)`, keeping
    /// the bindings `wanted` accepts.
    pub fn footer_hints(
        &self,
        layer: Layer,
        wanted: impl Fn(&Action) -> bool,
    ) -> Vec<(String, &'static str)> {
        let own = self.bindings(layer);
        let inherited = layer.fallback().into_iter().flat_map(|f| self.bindings(f));
        let mut hints: Vec<(String, &'static str)> = Vec::new();
        for b in own
            .chain(inherited)
            .filter(|b| b.footer && wanted(&b.action))
        {
            let Some(first) = b.keys.first() else {
                continue;
            };
            let key = first.display();
            if !hints.iter().any(|(k, _)| *k == key) {
                hints.push((key, b.label));
            }
        }
        hints
    }

    /// Gives the action called `name` (see `action_name`) the keys `keys` instead of its
    /// defaults. Errors name what is wrong: an unknown action, a key that cannot be read, or
    /// a key another action of the same layer already has.
    pub fn remap(&mut self, name: &str, keys: &[String]) -> Result<(), String> {
        let index = self
            .rows
            .iter()
            .position(|b| action_name(b.layer, &b.action) == name)
            .ok_or_else(|| format!("there is no action called '{name}' (`goalcoach config --print-default` lists them)"))?;
        let parsed: Vec<Key> = keys
            .iter()
            .map(|k| Key::parse(k))
            .collect::<Result<_, _>>()?;
        if parsed.is_empty() {
            return Err(format!("'{name}' needs at least one key"));
        }
        let layer = self.rows[index].layer;
        for key in &parsed {
            let taken = self
                .rows
                .iter()
                .enumerate()
                .find(|(i, b)| *i != index && b.layer == layer && b.keys.contains(key));
            if let Some((_, other)) = taken {
                return Err(format!(
                    "'{}' is already the key of '{}'; give that action another key too",
                    key.display(),
                    action_name(other.layer, &other.action)
                ));
            }
        }
        self.rows[index].keys = parsed;
        Ok(())
    }

    /// The first key of `action` in `layer`, as help writes it, for text that names a key
    /// ("press n to …"); `?` if the action has no key.
    pub fn key_for(&self, layer: Layer, action: &Action) -> String {
        self.rows
            .iter()
            .find(|b| b.layer == layer && b.action == *action)
            .and_then(|b| b.keys.first())
            .map_or_else(|| "?".to_string(), Key::display)
    }

    /// Every action's configuration name and keys, in table order (for the default config).
    pub fn names_and_keys(&self) -> Vec<(String, String, &'static str)> {
        self.rows
            .iter()
            .map(|b| (action_name(b.layer, &b.action), keys_text(b), b.label))
            .collect()
    }
}

/// All the keys of a binding, as help shows them: `j ↓`.
pub fn keys_text(binding: &Bound) -> String {
    binding
        .keys
        .iter()
        .map(Key::display)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn no_key_is_bound_twice_in_a_layer() {
        for layer in Layer::ALL {
            let mut seen = HashSet::new();
            let map = Keymap::default();
            for b in map.bindings(layer) {
                for key in &b.keys {
                    assert!(
                        seen.insert(*key),
                        "{} bound twice in {layer:?}",
                        key.display()
                    );
                }
            }
        }
    }

    #[test]
    fn every_binding_has_a_label_and_a_key() {
        for b in BINDINGS {
            assert!(!b.label.trim().is_empty(), "{:?}", b.action);
            assert!(!b.keys.is_empty(), "{:?}", b.action);
        }
    }

    #[test]
    fn every_layer_can_be_left() {
        for layer in Layer::ALL {
            let map = Keymap::default();
            let all: Vec<_> = map.bindings(layer).map(|b| b.action.clone()).collect();
            // Layers that fall back to Main can be left through it.
            assert!(
                all.contains(&Action::Quit) || layer.fallback() == Some(Layer::Main),
                "{layer:?}"
            );
        }
    }

    #[test]
    fn design_keys_map_to_their_actions() {
        let main = |c| {
            Keymap::default().action_for(Layer::Main, &press(KeyCode::Char(c), KeyModifiers::NONE))
        };
        assert_eq!(main('n'), Some(Action::NewGoal));
        assert_eq!(main('a'), Some(Action::AddChild));
        assert_eq!(main(' '), Some(Action::ToggleDone));
        assert_eq!(main('4'), Some(Action::ShowScreen(Screen::Review)));
        let shifted = press(KeyCode::Char('J'), KeyModifiers::SHIFT);
        assert_eq!(
            Keymap::default().action_for(Layer::Main, &shifted),
            Some(Action::MoveItemDown)
        );
        let redo = press(KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert_eq!(
            Keymap::default().action_for(Layer::Main, &redo),
            Some(Action::Redo)
        );
        let tab = press(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            Keymap::default().action_for(Layer::Main, &tab),
            Some(Action::PrevScreen)
        );
    }

    #[test]
    fn filtered_overrides_n_and_falls_back_for_the_rest() {
        let n = press(KeyCode::Char('n'), KeyModifiers::NONE);
        assert_eq!(
            Keymap::default().action_for(Layer::Filtered, &n),
            Some(Action::NextMatch)
        );
        let x = press(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(
            Keymap::default().action_for(Layer::Filtered, &x),
            Some(Action::ToggleDone)
        );
    }

    #[test]
    fn text_layers_type_unbound_characters() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            Keymap::default().action_for(Layer::Form, &q),
            Some(Action::Insert("q".into()))
        );
        assert_eq!(
            Keymap::default().action_for(Layer::Search, &q),
            Some(Action::Insert("q".into()))
        );
        assert_eq!(Keymap::default().action_for(Layer::Confirm, &q), None);
        let mut release = q;
        release.kind = KeyEventKind::Release;
        assert_eq!(Keymap::default().action_for(Layer::Form, &release), None);
    }

    #[test]
    fn remapping_changes_dispatch_and_refuses_clashes() {
        let mut map = Keymap::default();
        map.remap("new_goal", &["N".into(), "Ctrl-g".into()])
            .unwrap();
        let press = |map: &Keymap, c: char, m| {
            map.action_for(Layer::Main, &KeyEvent::new(KeyCode::Char(c), m))
        };
        assert_eq!(press(&map, 'N', KeyModifiers::SHIFT), Some(Action::NewGoal));
        assert_eq!(
            press(&map, 'g', KeyModifiers::CONTROL),
            Some(Action::NewGoal)
        );
        assert_eq!(
            press(&map, 'n', KeyModifiers::NONE),
            None,
            "the old key is free"
        );
        assert!(
            map.remap("undo", &["j".into()])
                .unwrap_err()
                .contains("already the key of 'move_down'")
        );
        assert!(
            map.remap("fly", &["z".into()])
                .unwrap_err()
                .contains("no action called 'fly'")
        );
        assert!(
            map.remap("undo", &["Hyper-z".into()])
                .unwrap_err()
                .contains("is not a key")
        );
        map.remap("form.submit", &["Ctrl-s".into()]).unwrap();
        let submit = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(map.action_for(Layer::Form, &submit), Some(Action::Submit));
    }

    #[test]
    fn action_names_are_snake_case_and_unique() {
        let names: Vec<String> = Keymap::default()
            .names_and_keys()
            .into_iter()
            .map(|(n, _, _)| n)
            .collect();
        assert!(names.contains(&"move_down".to_string()));
        assert!(names.contains(&"show_screen_agenda".to_string()));
        assert!(names.contains(&"form.next_field".to_string()));
        let unique: HashSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
    }

    #[test]
    fn keys_parse_as_help_writes_them() {
        for k in Keymap::default().rows.iter().flat_map(|b| b.keys.iter()) {
            assert_eq!(Key::parse(&k.display()), Ok(*k), "{}", k.display());
        }
    }

    #[test]
    fn footer_hints_come_from_the_table() {
        let hints = Keymap::default().footer_hints(Layer::Main, |_| true);
        assert!(hints.contains(&("n".to_string(), "new goal")));
        assert!(hints.contains(&("?".to_string(), "help")));
        let filtered = Keymap::default().footer_hints(Layer::Filtered, |_| true);
        assert_eq!(filtered[0], ("n".to_string(), "next match"));
        assert!(
            !filtered.iter().any(|(_, l)| *l == "new goal"),
            "n is taken by next match"
        );
    }
}
