//! The styles every screen shares, by role, so colours mean the same thing everywhere. The
//! palette in force (dark, light, or either with the config's `[colors]` over it) is set at
//! the start of each frame from the settings; the screens ask for a role, never a colour.

use ratatui::style::{Color, Modifier, Style};
use std::cell::Cell;
use std::str::FromStr;

/// One style per role.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Plain text (the terminal's own colour unless set).
    pub text: Style,
    pub dim: Style,
    pub accent: Style,
    pub title: Style,
    pub error: Style,
    pub warning: Style,
    pub done: Style,
    pub selection: Style,
    pub key: Style,
}

/// The role names `[colors]` in config.toml takes, in the order the default file lists them.
pub const ROLES: [&str; 9] = [
    "text",
    "dim",
    "accent",
    "title",
    "error",
    "warning",
    "done",
    "selection",
    "key",
];

impl Palette {
    /// For dark backgrounds: the terminal's own named colours.
    pub const fn dark() -> Palette {
        Palette {
            text: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            accent: Style::new().fg(Color::Cyan),
            title: Style::new().add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::Red),
            warning: Style::new().fg(Color::Yellow),
            done: Style::new().fg(Color::Green),
            selection: Style::new().add_modifier(Modifier::REVERSED),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        }
    }

    /// For light backgrounds: fixed 256-colour shades dark enough to read on white (each at
    /// least 4.5:1 against it, the WCAG level for text), not the terminal's light named ones.
    pub const fn light() -> Palette {
        Palette {
            text: Style::new(),
            dim: Style::new().fg(Color::Indexed(240)),
            accent: Style::new().fg(Color::Indexed(25)),
            title: Style::new().add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::Indexed(124)),
            warning: Style::new().fg(Color::Indexed(130)),
            done: Style::new().fg(Color::Indexed(28)),
            selection: Style::new().add_modifier(Modifier::REVERSED),
            key: Style::new()
                .fg(Color::Indexed(25))
                .add_modifier(Modifier::BOLD),
        }
    }

    fn role_mut(&mut self, role: &str) -> Option<&mut Style> {
        Some(match role {
            "text" => &mut self.text,
            "dim" => &mut self.dim,
            "accent" => &mut self.accent,
            "title" => &mut self.title,
            "error" => &mut self.error,
            "warning" => &mut self.warning,
            "done" => &mut self.done,
            "selection" => &mut self.selection,
            "key" => &mut self.key,
            _ => return None,
        })
    }

    /// Sets a role from config text like `"blue"`, `"#5f5f5f"`, `"bold 25"` or
    /// `"black on yellow"`; the message says what is wrong.
    pub fn set(&mut self, role: &str, value: &str) -> Result<(), String> {
        let slot = self.role_mut(role).ok_or_else(|| {
            format!(
                "there is no colour role called '{role}' (roles: {})",
                ROLES.join(", ")
            )
        })?;
        *slot = parse_style(value)?;
        Ok(())
    }
}

/// Words of a style: modifiers (`bold`, `italic`, `underlined`, `reversed`, `dim`), a colour,
/// and `on` a background colour.
fn parse_style(value: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut words = value.split_whitespace();
    if value.trim().is_empty() {
        return Err("an empty style (write a colour such as \"blue\")".into());
    }
    while let Some(word) = words.next() {
        let modifier = match word.to_lowercase().as_str() {
            "bold" => Some(Modifier::BOLD),
            "italic" => Some(Modifier::ITALIC),
            "underlined" | "underline" => Some(Modifier::UNDERLINED),
            "reversed" | "reverse" => Some(Modifier::REVERSED),
            "dim" => Some(Modifier::DIM),
            _ => None,
        };
        if let Some(m) = modifier {
            style = style.add_modifier(m);
        } else if word.eq_ignore_ascii_case("on") {
            let bg = words
                .next()
                .ok_or("'on' needs a background colour after it")?;
            style = style.bg(colour(bg)?);
        } else {
            style = style.fg(colour(word)?);
        }
    }
    Ok(style)
}

fn colour(word: &str) -> Result<Color, String> {
    Color::from_str(word).map_err(|_| {
        format!("'{word}' is not a colour (a name like blue or darkgray, #rrggbb, or 0 to 255)")
    })
}

thread_local! {
    static PALETTE: Cell<Palette> = const { Cell::new(Palette::dark()) };
}

/// Makes `palette` the one the roles below answer with (on this thread).
pub fn use_palette(palette: Palette) {
    PALETTE.with(|p| p.set(palette));
}

fn current() -> Palette {
    PALETTE.with(Cell::get)
}

pub fn text() -> Style {
    current().text
}

/// The mark a standing has wherever it shows at a glance (the tree, the Timeline).
pub fn standing_mark(standing: crate::model::standing::Standing) -> &'static str {
    use crate::model::standing::Standing;
    match standing {
        Standing::Done => "✓",
        Standing::Ahead => "▲",
        Standing::OnTrack => "●",
        Standing::Behind => "▼",
        Standing::AtRisk => "»",
        Standing::Late => "!",
        Standing::NoDeadline | Standing::Open => "·",
        Standing::Paused => "‖",
        Standing::Dropped => "✗",
    }
}

/// The colour a standing shows in: warnings in the warning colour, good news in the good one.
pub fn standing_style(standing: crate::model::standing::Standing) -> Style {
    use crate::model::standing::Standing;
    match standing {
        Standing::Done | Standing::Ahead | Standing::OnTrack => good(),
        Standing::Behind | Standing::AtRisk | Standing::Late => warn(),
        Standing::NoDeadline | Standing::Open => accent(),
        Standing::Paused | Standing::Dropped => dim(),
    }
}

pub fn accent() -> Style {
    current().accent
}

pub fn title() -> Style {
    current().title
}

pub fn dim() -> Style {
    current().dim
}

pub fn error() -> Style {
    current().error
}

pub fn warn() -> Style {
    current().warning
}

pub fn good() -> Style {
    current().done
}

pub fn selected() -> Style {
    current().selection
}

pub fn key() -> Style {
    current().key
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The xterm 256-colour value of a palette index (16–255).
    fn rgb(index: u8) -> (u8, u8, u8) {
        match index {
            16..=231 => {
                let i = index - 16;
                let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
                (level(i / 36), level(i / 6 % 6), level(i % 6))
            }
            232..=255 => {
                let v = 8 + 10 * (index - 232);
                (v, v, v)
            }
            _ => panic!("the light palette uses fixed indexes only"),
        }
    }

    /// WCAG contrast ratio of a colour against white.
    fn contrast_on_white((r, g, b): (u8, u8, u8)) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
        1.05 / (l + 0.05)
    }

    #[test]
    fn the_light_palette_reads_on_white() {
        let p = Palette::light();
        for (role, style) in [
            ("dim", p.dim),
            ("accent", p.accent),
            ("error", p.error),
            ("warning", p.warning),
            ("done", p.done),
            ("key", p.key),
        ] {
            let Some(Color::Indexed(i)) = style.fg else {
                panic!("{role} has no fixed colour");
            };
            let ratio = contrast_on_white(rgb(i));
            assert!(ratio >= 4.5, "{role}: {ratio:.2}:1");
        }
        // The measure itself: black on white is 21:1, a light grey (252) fails.
        assert!((contrast_on_white(rgb(16)) - 21.0).abs() < 0.01);
        assert!(contrast_on_white(rgb(252)) < 1.6);
    }

    #[test]
    fn roles_are_set_from_words() {
        let mut p = Palette::dark();
        p.set("selection", "bold black on yellow").unwrap();
        assert_eq!(
            p.selection,
            Style::new()
                .add_modifier(Modifier::BOLD)
                .fg(Color::Black)
                .bg(Color::Yellow)
        );
        p.set("dim", "#5f5f5f").unwrap();
        assert_eq!(p.dim.fg, Some(Color::Rgb(0x5f, 0x5f, 0x5f)));
        p.set("accent", "25").unwrap();
        assert_eq!(p.accent.fg, Some(Color::Indexed(25)));
        assert!(
            p.set("dim", "purplish")
                .unwrap_err()
                .contains("not a colour")
        );
        assert!(
            p.set("shiny", "red")
                .unwrap_err()
                .contains("no colour role")
        );
        assert!(p.set("dim", "red on").unwrap_err().contains("background"));
    }
}
