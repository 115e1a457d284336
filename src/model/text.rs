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

/// A title as it is kept: `clean_line`, without the spaces around it (which no screen or
/// export shows, so a title differing only by them would come back as another item).
pub fn clean_title(input: &str) -> String {
    clean_line(input).trim().to_string()
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

/// What could reach a terminal as a command rather than text: C0 controls but newline (a tab
/// becomes a space, a carriage return goes), DEL, C1 controls and bidi overrides. Nothing
/// else changes, and no length is capped. `None` when there is nothing to strip.
pub fn strip_controls(input: &str) -> Option<String> {
    let unwanted = |c: char| c == '\t' || is_unwanted(c, true);
    if !input.chars().any(unwanted) {
        return None;
    }
    let kept = input
        .chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            c if is_unwanted(c, true) => None,
            c => Some(c),
        })
        .collect();
    Some(kept)
}

/// Text on its way to a terminal or a file: like `strip_controls`, but tabs and carriage
/// returns (CSV and iCalendar line ends) stay.
pub fn printable(input: &str) -> std::borrow::Cow<'_, str> {
    let unwanted = |c: char| !matches!(c, '\t' | '\r') && is_unwanted(c, true);
    if input.chars().any(unwanted) {
        input
            .chars()
            .filter(|&c| !unwanted(c))
            .collect::<String>()
            .into()
    } else {
        input.into()
    }
}

/// Whether a character may be typed into a field.
pub fn is_typeable(c: char) -> bool {
    !is_unwanted(c, false)
}

/// FNV-1a over `bytes` from `basis`: a fingerprint that stays the same from build to build
/// (so it may be kept in a file or make an id). `FNV_BASIS` is the usual start.
pub fn fnv1a(basis: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(basis, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// FNV-1a's usual starting value.
pub const FNV_BASIS: u64 = 0xcbf2_9ce4_8422_2325;

/// `s` with its first letter upper case ("this computer" → "This computer").
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `n` and the word, in the plural unless `n` is 1: "1 step", "3 steps".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {}", plural_of(word))
    }
}

/// The plural of a word (or of a phrase's last word): "copy" → "copies", "item" → "items".
fn plural_of(word: &str) -> String {
    let consonant_y = word.strip_suffix('y').filter(|stem| {
        stem.chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphabetic() && !"aeiou".contains(c))
    });
    match consonant_y {
        Some(stem) => format!("{stem}ies"),
        None if word.ends_with('s') || word.ends_with("sh") || word.ends_with("ch") => {
            format!("{word}es")
        }
        None => format!("{word}s"),
    }
}

/// A number as a person writes it: `3`, not `3.0`; `2.5` as is.
pub fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        v.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_read_as_english() {
        assert_eq!(plural(25, "conflict copy"), "25 conflict copies");
        assert_eq!(plural(1, "conflict copy"), "1 conflict copy");
        assert_eq!(plural(2, "day"), "2 days");
        assert_eq!(plural(3, "item"), "3 items");
        assert_eq!(plural(2, "match"), "2 matches");
    }

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
    fn terminal_commands_are_stripped_and_text_kept() {
        let osc52 = "a\u{1b}]52;c;ZXZpbA==\u{7}b\u{9b}2J\u{202e}c\r\nd\te";
        assert_eq!(strip_controls(osc52).unwrap(), "a]52;c;ZXZpbA==b2Jc\nd e");
        assert_eq!(strip_controls("fine\nlines 日本"), None);
        assert_eq!(printable(osc52), "a]52;c;ZXZpbA==b2Jc\r\nd\te");
        assert!(matches!(printable("plain"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn typeable_refuses_controls() {
        assert!(is_typeable('é'));
        assert!(!is_typeable('\u{1b}'));
        assert!(!is_typeable('\u{2067}'));
    }
}
