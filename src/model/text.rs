//! Cleaning text as it comes in: control characters and bidirectional overrides are dropped
//! (they could break the layout or hide text), lengths are capped; everything else is kept.

/// Longest title accepted, in characters.
pub const MAX_TITLE: usize = 500;
/// Longest long-text field (notes, descriptions, reflections) accepted, in characters.
pub const MAX_TEXT: usize = 20_000;

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn is_unwanted(c: char, keep_newlines: bool) -> bool {
    (c.is_control() && !(keep_newlines && c == '\n')) || is_bidi_control(c)
}

/// A single-line value: controls (tabs and newlines become spaces) and bidi marks removed,
/// capped at `MAX_TITLE` characters.
pub fn clean_line(input: &str) -> String {
    input
        .chars()
        .map(|c| if c == '\t' || c == '\n' { ' ' } else { c })
        .filter(|&c| !is_unwanted(c, false))
        .take(MAX_TITLE)
        .collect()
}

/// A multi-line value: newlines kept (`\r\n` becomes `\n`), tabs become spaces, other
/// controls and bidi marks removed, capped at `MAX_TEXT` characters.
pub fn clean_text(input: &str) -> String {
    input
        .replace("\r\n", "\n")
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|&c| !is_unwanted(c, true))
        .take(MAX_TEXT)
        .collect()
}

/// Whether a character may be typed into a field.
pub fn is_typeable(c: char) -> bool {
    !is_unwanted(c, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escapes_and_bidi_but_keeps_unicode() {
        assert_eq!(clean_line("a\u{1b}[31mb\u{202E}c"), "a[31mbc");
        assert_eq!(clean_line("日本語 🎯"), "日本語 🎯");
        assert_eq!(clean_line("two\nlines\tand tab"), "two lines and tab");
    }

    #[test]
    fn long_text_keeps_newlines() {
        assert_eq!(clean_text("one\r\ntwo\u{7}\n"), "one\ntwo\n");
    }

    #[test]
    fn lengths_are_capped() {
        assert_eq!(
            clean_line(&"x".repeat(MAX_TITLE + 10)).chars().count(),
            MAX_TITLE
        );
        assert_eq!(
            clean_text(&"y".repeat(MAX_TEXT + 1)).chars().count(),
            MAX_TEXT
        );
    }

    #[test]
    fn typeable_refuses_controls() {
        assert!(is_typeable('é'));
        assert!(!is_typeable('\u{1b}'));
        assert!(!is_typeable('\u{2067}'));
    }
}
