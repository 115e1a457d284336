//! A key as bindings see it (a key code with Ctrl and Alt; Shift lives in the character), read
//! from a terminal event or from the way help writes it, and written back the same way.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with the modifiers bindings care about (Shift is in the character: `J`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub(super) const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub(super) const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub(super) const fn ctrl(c: char) -> Key {
        Key::ctrl_key(KeyCode::Char(c))
    }

    pub(super) const fn ctrl_key(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: true,
            alt: false,
        }
    }

    pub(super) const fn alt(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: true,
        }
    }

    /// The key as read from the terminal. Shift is folded into the character ('J'), so it
    /// is ignored for character keys.
    pub fn from_event(event: &KeyEvent) -> Key {
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Reads a key as help writes it (`j`, `Ctrl-r`, `Enter`, `↓` or `Down`, `PgDn`,
    /// `Shift-Tab`, `Space`).
    pub fn parse(text: &str) -> Result<Key, String> {
        let bad = || {
            format!("'{text}' is not a key (try j, Ctrl-r, Enter, Down, PgDn, Shift-Tab, Space)")
        };
        let (alt, text) = match text
            .strip_prefix("Alt-")
            .or_else(|| text.strip_prefix("alt-"))
        {
            Some(rest) => (true, rest),
            None => (false, text),
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
        Ok(Key { code, ctrl, alt })
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
        let name = if self.ctrl {
            format!("Ctrl-{name}")
        } else {
            name
        };
        if self.alt {
            format!("Alt-{name}")
        } else {
            name
        }
    }
}
