//! Fitting text into columns by display width, so wide characters (CJK, emoji) line up.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The display width of `s`.
pub fn width(s: &str) -> usize {
    s.width()
}

/// `s` cut to at most `max` columns, with `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w + 1 > max {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// `s` broken into lines of at most `cols` columns at spaces (a word longer than a line is
/// cut); line breaks in `s` are kept.
pub fn wrap(s: &str, cols: usize) -> Vec<String> {
    let cols = cols.max(1);
    let mut out = Vec::new();
    for paragraph in s.lines() {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let needed = line.width() + usize::from(!line.is_empty()) + word.width();
            if !line.is_empty() && needed > cols {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&truncate(word, cols));
        }
        out.push(line);
    }
    out
}

/// `s` cut or padded with spaces to exactly `cols` columns.
pub fn fit(s: &str, cols: usize) -> String {
    let mut out = truncate(s, cols);
    let w = out.width();
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// Today and how the user likes dates written, for everything that shows a date.
#[derive(Clone, Copy, Debug)]
pub struct Day<'a> {
    pub today: chrono::NaiveDate,
    /// A strftime pattern, `%Y-%m-%d` unless configured.
    pub format: &'a str,
}

impl Day<'_> {
    /// `date` in the user's format; ISO when the format cannot print a date (config
    /// checks it, but a bad one must never take the app down).
    pub fn show(&self, date: chrono::NaiveDate) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        match write!(out, "{}", date.format(self.format)) {
            Ok(()) => out,
            Err(_) => date.to_string(),
        }
    }
}

pub use crate::model::text::plural;

/// Today and the date format in force, for drawing dates.
pub fn day(state: &crate::app::state::AppState) -> Day<'_> {
    Day {
        today: state.today(),
        format: &state.settings.date_format,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_keeps_line_breaks() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("a\nb c", 10), ["a", "b c"]);
        assert_eq!(wrap("abcdefghij", 4), ["abc…"]);
    }

    #[test]
    fn a_format_that_cannot_print_a_date_falls_back_to_iso() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let today = date;
        assert_eq!(
            Day {
                today,
                format: "%H:%M"
            }
            .show(date),
            "2026-11-22"
        );
        assert_eq!(
            Day {
                today,
                format: "%d %b"
            }
            .show(date),
            "22 Nov"
        );
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(truncate("日本語のテキスト", 7), "日本語…");
        assert_eq!(width(&fit("日本語のテキスト", 8)), 8);
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(truncate("🎯 goal", 3), "🎯…");
        assert_eq!(truncate("abc", 0), "");
    }
}
