//! The one table of key bindings. Each row binds keys to an action in one or more layers
//! (each screen is a layer, and so is each overlay). Key dispatch, the footer hints, the `?`
//! help and every "press X" in any text are read from it, so what the help says is what the
//! keys do.

use crate::app::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

mod key;
mod layer;
mod table;

pub use key::Key;
pub use layer::Layer;
pub use table::{BINDINGS, Binding};

/// A binding in force: the default table's, or changed by the user's configuration.
#[derive(Clone, Debug)]
pub struct Bound {
    name: &'static str,
    pub layers: &'static [Layer],
    pub keys: Vec<Key>,
    pub action: Action,
    pub label: &'static str,
    pub footer: bool,
}

impl Bound {
    fn in_layer(&self, layer: Layer) -> bool {
        self.layers.contains(&layer)
    }

    /// Whether the same key on both would clash: they share a layer, or one works on every
    /// screen and the other on a screen, where it would hide the first.
    fn overlaps(&self, other: &Bound) -> bool {
        let everywhere_vs_screen = |a: &Bound, b: &Bound| {
            a.in_layer(Layer::Global) && b.layers.iter().any(|l| l.is_screen())
        };
        self.layers.iter().any(|l| other.in_layer(*l))
            || everywhere_vs_screen(self, other)
            || everywhere_vs_screen(other, self)
    }

    /// The name the configuration file gives the action: the table's name, prefixed outside
    /// the main screens (`form.submit`, `review.start_review`).
    pub fn name(&self) -> String {
        match self.layers[0].namespace() {
            None => self.name.to_string(),
            Some(prefix) => format!("{prefix}.{}", self.name),
        }
    }
}

/// Why `keys` (keys a remap adds) cannot be row `index`'s: one of them belongs to another
/// action in a layer the row is in or falls back to, or that falls back to it, where one
/// would hide the other (rows of the same action share keys by design). A few default keys
/// hide another on purpose (Profile's `G`); a remap may keep those, not add new ones.
fn clash_in(rows: &[Bound], index: usize, keys: &[Key]) -> Option<String> {
    let row = &rows[index];
    let name = row.name();
    keys.iter().find_map(|key| {
        rows.iter()
            .find(|b| b.overlaps(row) && b.keys.contains(key) && b.name() != name)
            .map(|other| {
                format!(
                    "'{}' is already the key of '{}'; give that action another key too",
                    key.display(),
                    other.name()
                )
            })
    })
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
                name: b.name,
                layers: b.layers,
                keys: b.keys.to_vec(),
                action: b.action.clone(),
                label: b.label,
                footer: b.footer,
            })
            .collect();
        Keymap { rows }
    }
}

/// The key as typed text when it is a plain printable character (for "x does nothing here").
pub fn printable(event: &KeyEvent) -> Option<String> {
    let key = Key::from_event(event);
    match key.code {
        KeyCode::Char(c) if !key.ctrl && !key.alt && event.kind != KeyEventKind::Release => {
            Some(Key::ch(c).display())
        }
        _ => None,
    }
}

impl Keymap {
    fn lookup(&self, layer: Layer, key: Key) -> Option<&Bound> {
        layer.chain().find_map(|l| {
            self.rows
                .iter()
                .find(|b| b.in_layer(l) && b.keys.contains(&key))
        })
    }

    /// The action a key press means in `layer`, if any. Key releases are ignored; unbound
    /// printable keys type text where the layer takes text.
    pub fn action_for(&self, layer: Layer, event: &KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let key = Key::from_event(event);
        if let Some(binding) = self.lookup(layer, key) {
            return Some(binding.action.clone());
        }
        match key.code {
            KeyCode::Char(c) if layer.takes_text() && !key.ctrl && !key.alt => {
                Some(Action::Insert(c.to_string()))
            }
            _ => None,
        }
    }

    /// The bindings of one layer (its own, not the ones it falls back to), in table order.
    pub fn bindings(&self, layer: Layer) -> impl Iterator<Item = &Bound> {
        self.rows.iter().filter(move |b| b.in_layer(layer))
    }

    /// Every binding in force, in table order.
    pub fn rows(&self) -> &[Bound] {
        &self.rows
    }

    /// Footer hints for a layer and the layers it falls back to, as `(key, label)`; a key a
    /// nearer layer binds hides a farther one's.
    pub fn footer_hints(&self, layer: Layer) -> Vec<(String, &'static str)> {
        let mut hints: Vec<(String, &'static str)> = Vec::new();
        let mut taken: Vec<Key> = Vec::new();
        for l in layer.chain() {
            for b in self.bindings(l) {
                let first = b.keys.first().copied();
                let shadowed = first.is_some_and(|k| taken.contains(&k));
                if let (true, Some(key), false) = (b.footer, first, shadowed) {
                    hints.push((key.display(), b.label));
                }
            }
            taken.extend(self.bindings(l).flat_map(|b| b.keys.iter().copied()));
        }
        hints
    }

    /// Gives the action called `name` (see `Bound::name`) the keys `keys` instead of its
    /// defaults, in every layer it is bound in. Errors name what is wrong: an unknown action,
    /// a key that cannot be read, or a key another action of the same layer already has.
    pub fn remap(&mut self, name: &str, keys: &[String]) -> Result<(), String> {
        let wanted = [(name.to_string(), keys.to_vec())];
        match self.remap_all(&wanted).pop() {
            Some((_, why)) => Err(why),
            None => Ok(()),
        }
    }

    /// Makes every remap of a config file at once, so an action can take a key another
    /// action gives up in the same file: clashes are checked against the keys in force after
    /// all of them. Returns the remaps that could not be made, as (name, why); those actions
    /// keep their default keys.
    pub fn remap_all(&mut self, wanted: &[(String, Vec<String>)]) -> Vec<(String, String)> {
        let mut problems = Vec::new();
        let mut remaps: Vec<(String, Vec<usize>, Vec<Key>)> = Vec::new();
        for (name, keys) in wanted {
            match self.parse_remap(name, keys) {
                Ok((targets, keys)) => remaps.push((name.clone(), targets, keys)),
                Err(why) => problems.push((name.clone(), why)),
            }
        }
        loop {
            let mut trial = self.rows.clone();
            for (_, targets, keys) in &remaps {
                for &i in targets {
                    trial[i].keys = keys.clone();
                }
            }
            let clash = remaps
                .iter()
                .enumerate()
                .find_map(|(r, (_, targets, keys))| {
                    targets
                        .iter()
                        .find_map(|&i| {
                            let added: Vec<Key> = keys
                                .iter()
                                .filter(|k| !self.rows[i].keys.contains(k))
                                .copied()
                                .collect();
                            clash_in(&trial, i, &added)
                        })
                        .map(|why| (r, why))
                });
            match clash {
                Some((r, why)) => {
                    let (name, ..) = remaps.remove(r);
                    problems.push((name, why));
                }
                None => {
                    self.rows = trial;
                    return problems;
                }
            }
        }
    }

    /// The rows an action name stands for, and its keys read.
    fn parse_remap(&self, name: &str, keys: &[String]) -> Result<(Vec<usize>, Vec<Key>), String> {
        let targets: Vec<usize> = (0..self.rows.len())
            .filter(|&i| self.rows[i].name() == name)
            .collect();
        if targets.is_empty() {
            return Err(format!(
                "there is no action called '{name}' (`goalcoach config --print-default` lists them)"
            ));
        }
        let parsed: Vec<Key> = keys
            .iter()
            .map(|k| Key::parse(k))
            .collect::<Result<_, _>>()?;
        if parsed.is_empty() {
            return Err(format!("'{name}' needs at least one key"));
        }
        Ok((targets, parsed))
    }

    /// The first key of `action` in `layer` (or, failing that, anywhere), as help writes it,
    /// for text that names a key ("press n to …"); `?` if the action has no key.
    pub fn key_for(&self, layer: Layer, action: &Action) -> String {
        let in_layer = layer.chain().find_map(|l| {
            self.rows
                .iter()
                .find(|b| b.in_layer(l) && b.action == *action)
        });
        in_layer
            .or_else(|| self.rows.iter().find(|b| b.action == *action))
            .and_then(|b| b.keys.first())
            .map_or_else(|| "?".to_string(), Key::display)
    }

    /// Every action's configuration name and keys, once each, in table order (for the
    /// default config).
    pub fn names_and_keys(&self) -> Vec<(String, String, &'static str)> {
        let mut out: Vec<(String, String, &'static str)> = Vec::new();
        for b in &self.rows {
            let name = b.name();
            if !out.iter().any(|(n, _, _)| *n == name) {
                out.push((name, keys_text(b), b.label));
            }
        }
        out
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
    use crate::app::action::Screen;
    use crossterm::event::KeyModifiers;
    use std::collections::HashSet;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn no_key_is_bound_twice_in_a_layer() {
        for layer in Layer::all() {
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
            assert!(!b.layers.is_empty(), "{:?}", b.action);
            assert!(!b.label.trim().is_empty(), "{:?}", b.action);
            assert!(!b.keys.is_empty(), "{:?}", b.action);
        }
    }

    #[test]
    fn every_layer_can_be_left() {
        for layer in Layer::all() {
            let map = Keymap::default();
            // Through the layer itself, or the ones it falls back to.
            let quits = layer
                .chain()
                .any(|l| map.bindings(l).any(|b| b.action == Action::Quit));
            assert!(quits, "{layer:?}");
        }
    }

    #[test]
    fn design_keys_map_to_their_actions() {
        let main = |c| {
            Keymap::default().action_for(
                Layer::Screen(Screen::Goals),
                &press(KeyCode::Char(c), KeyModifiers::NONE),
            )
        };
        assert_eq!(main('n'), Some(Action::NewGoal));
        assert_eq!(main('a'), Some(Action::AddChild));
        assert_eq!(main(' '), Some(Action::ToggleDone));
        assert_eq!(main('4'), Some(Action::ShowScreen(Screen::Review)));
        let shifted = press(KeyCode::Char('J'), KeyModifiers::SHIFT);
        assert_eq!(
            Keymap::default().action_for(Layer::Screen(Screen::Goals), &shifted),
            Some(Action::MoveItemDown)
        );
        let redo = press(KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert_eq!(
            Keymap::default().action_for(Layer::Screen(Screen::Goals), &redo),
            Some(Action::Redo)
        );
        let tab = press(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            Keymap::default().action_for(Layer::Screen(Screen::Goals), &tab),
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
            map.action_for(
                Layer::Screen(Screen::Goals),
                &KeyEvent::new(KeyCode::Char(c), m),
            )
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
        assert!(names.contains(&"review.start_review".to_string()));
        let unique: HashSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "each name once");
    }

    #[test]
    fn keys_parse_as_help_writes_them() {
        for k in Keymap::default().rows.iter().flat_map(|b| b.keys.iter()) {
            assert_eq!(Key::parse(&k.display()), Ok(*k), "{}", k.display());
        }
    }

    #[test]
    fn footer_hints_come_from_the_table() {
        let hints = Keymap::default().footer_hints(Layer::Screen(Screen::Goals));
        assert!(hints.contains(&("n".to_string(), "new goal")));
        assert!(hints.contains(&("?".to_string(), "help")));
        let filtered = Keymap::default().footer_hints(Layer::Filtered);
        assert_eq!(filtered[0], ("n".to_string(), "next match"));
        assert!(
            !filtered.iter().any(|(_, l)| *l == "new goal"),
            "n is taken by next match"
        );
        let profile = Keymap::default().footer_hints(Layer::Screen(Screen::Profile));
        assert!(
            !profile.iter().any(|(_, l)| *l == "toggle done"),
            "not on the Profile screen"
        );
        assert!(profile.contains(&("d".to_string(), "delete")));
    }

    #[test]
    fn a_remapped_action_moves_in_every_layer_and_frees_its_old_key() {
        let mut map = Keymap::default();
        map.remap("edit", &["E".into()]).unwrap();
        let e = |layer| {
            map.action_for(
                layer,
                &KeyEvent::new(KeyCode::Char('E'), KeyModifiers::SHIFT),
            )
        };
        assert_eq!(e(Layer::Screen(Screen::Agenda)), Some(Action::Edit));
        assert_eq!(e(Layer::Screen(Screen::Review)), Some(Action::Edit));
        map.remap("check_in", &["e".into()]).unwrap();
        assert_eq!(
            map.key_for(Layer::Screen(Screen::Goals), &Action::CheckIn),
            "e"
        );
    }

    #[test]
    fn alt_keys_parse_and_show() {
        let k = Key::parse("Alt-←").unwrap();
        assert_eq!(k, Key::alt(KeyCode::Left));
        assert_eq!(k.display(), "Alt-←");
    }
}
