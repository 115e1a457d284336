//! A text field edited by grapheme: insert, delete a character or a word either way, clear,
//! move by character or word, and, for long text, keep line breaks and show several lines.
//! Control and bidi characters never get in. (Our own rather than ratatui-textarea: it keeps
//! the one keymap in charge of every key and the cleaning rules of `model::text`.)

use crate::model::text::{MAX_TEXT, is_typeable};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The text of a field and where the cursor is (a grapheme index).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextInput {
    value: String,
    cursor: usize,
    /// Whether newlines are kept (long text) or turned into spaces.
    multiline: bool,
}

impl TextInput {
    /// A field holding `value`, cursor at the end.
    pub fn new(value: &str) -> Self {
        let mut input = TextInput::default();
        input.insert(value);
        input
    }

    /// The text.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The cursor, counted in graphemes from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte_offset(&self, grapheme: usize) -> usize {
        self.value
            .grapheme_indices(true)
            .nth(grapheme)
            .map_or(self.value.len(), |(i, _)| i)
    }

    fn len(&self) -> usize {
        self.value.graphemes(true).count()
    }

    /// Lets the field keep newlines (for long text).
    pub fn set_multiline(&mut self, multiline: bool) {
        self.multiline = multiline;
    }

    /// Inserts `text` at the cursor; controls are dropped, and newlines and tabs become
    /// spaces unless the field is multi-line (then newlines stay).
    pub fn insert(&mut self, text: &str) {
        let room = MAX_TEXT.saturating_sub(self.value.chars().count());
        let multiline = self.multiline;
        let clean: String = text
            .replace("\r\n", "\n")
            .chars()
            .filter_map(|c| match c {
                '\n' if multiline => Some('\n'),
                '\n' | '\r' | '\t' => Some(' '),
                c if is_typeable(c) => Some(c),
                _ => None,
            })
            .take(room)
            .collect();
        let at = self.byte_offset(self.cursor);
        self.value.insert_str(at, &clean);
        // Re-count: combining marks may merge with the grapheme before them.
        let before = self.value[..at + clean.len()].graphemes(true).count();
        self.cursor = before;
    }

    /// Deletes the grapheme before the cursor.
    pub fn delete_back(&mut self) {
        if self.cursor == 0 {
            return;
        }
        let start = self.byte_offset(self.cursor - 1);
        let end = self.byte_offset(self.cursor);
        self.value.replace_range(start..end, "");
        self.cursor -= 1;
    }

    /// Deletes the grapheme under the cursor.
    pub fn delete_forward(&mut self) {
        if self.cursor >= self.len() {
            return;
        }
        let start = self.byte_offset(self.cursor);
        let end = self.byte_offset(self.cursor + 1);
        self.value.replace_range(start..end, "");
    }

    /// Moves the cursor one grapheme left.
    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    /// Moves the cursor one grapheme right.
    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.len());
    }

    /// Moves the cursor to the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }

    /// Moves the cursor to the end.
    pub fn end(&mut self) {
        self.cursor = self.len();
    }

    /// Empties the field.
    pub fn clear(&mut self) {
        self.value.clear();
        self.cursor = 0;
    }

    /// The grapheme index where the word before the cursor starts (skipping spaces first).
    fn word_start_before(&self) -> usize {
        let graphemes: Vec<&str> = self.value.graphemes(true).collect();
        let mut at = self.cursor.min(graphemes.len());
        while at > 0 && is_space(graphemes[at - 1]) {
            at -= 1;
        }
        while at > 0 && !is_space(graphemes[at - 1]) {
            at -= 1;
        }
        at
    }

    /// The grapheme index just past the word after the cursor (skipping spaces first).
    fn word_end_after(&self) -> usize {
        let graphemes: Vec<&str> = self.value.graphemes(true).collect();
        let mut at = self.cursor.min(graphemes.len());
        while at < graphemes.len() && is_space(graphemes[at]) {
            at += 1;
        }
        while at < graphemes.len() && !is_space(graphemes[at]) {
            at += 1;
        }
        at
    }

    /// Deletes the word before the cursor (and the spaces after it), like Ctrl-w in a shell.
    pub fn delete_word_back(&mut self) {
        let start = self.word_start_before();
        let (from, to) = (self.byte_offset(start), self.byte_offset(self.cursor));
        self.value.replace_range(from..to, "");
        self.cursor = start;
    }

    /// Moves the cursor to the start of the word before it.
    pub fn word_left(&mut self) {
        self.cursor = self.word_start_before();
    }

    /// Moves the cursor past the end of the word after it.
    pub fn word_right(&mut self) {
        self.cursor = self.word_end_after();
    }

    /// The whole text wrapped to `width` columns (line breaks kept), and the cursor as (row,
    /// column) among the rows: a focused field shows everything typed, not a tail. Long texts
    /// show at most `rows` rows, scrolled so the cursor's row is in view.
    pub fn wrapped(&self, width: usize, rows: usize) -> (Vec<String>, (usize, usize)) {
        let width = width.max(1);
        let mut all: Vec<String> = vec![String::new()];
        let mut used = 0;
        let mut cursor = (0, 0);
        for (i, g) in self.value.graphemes(true).enumerate() {
            if i == self.cursor {
                cursor = (all.len() - 1, used);
            }
            if g == "\n" || g == "\r\n" {
                all.push(String::new());
                used = 0;
                continue;
            }
            let w = g.width();
            if used + w > width {
                all.push(String::new());
                used = 0;
                if i == self.cursor {
                    cursor = (all.len() - 1, 0);
                }
            }
            all.last_mut().expect("a row").push_str(g);
            used += w;
        }
        if self.cursor >= self.value.graphemes(true).count() {
            if used >= width {
                all.push(String::new());
                used = 0;
            }
            cursor = (all.len() - 1, used);
        }
        let rows = rows.max(1);
        let first = (cursor.0 + 1).saturating_sub(rows);
        let shown: Vec<String> = all.into_iter().skip(first).take(rows).collect();
        (shown, (cursor.0 - first, cursor.1))
    }

    /// How many lines the text has.
    pub fn line_count(&self) -> usize {
        self.value.matches('\n').count() + 1
    }

    /// Replaces the whole text.
    pub fn set(&mut self, value: &str) {
        self.value.clear();
        self.cursor = 0;
        self.insert(value);
    }

    /// The part of the text to show in `width` columns so the cursor stays in view, and the
    /// cursor's column within it.
    pub fn window(&self, width: usize) -> (String, usize) {
        // A newline shows as ↵ so a long text stays on the field's one line.
        let graphemes: Vec<&str> = self
            .value
            .graphemes(true)
            .map(|g| if g == "\n" || g == "\r\n" { "↵" } else { g })
            .collect();
        let width = width.max(1);
        let cursor = self.cursor.min(graphemes.len());
        // Walk back from the cursor while the text before it still fits with the cursor
        // cell: one pass, so a long field costs the same per key as a short one.
        let mut start = cursor;
        let mut cursor_col = 0;
        while start > 0 {
            let w = graphemes[start - 1].width();
            if cursor_col + w >= width {
                break;
            }
            cursor_col += w;
            start -= 1;
        }
        let mut shown = String::new();
        let mut used = 0;
        for g in &graphemes[start..] {
            let w = g.width();
            if used + w > width {
                break;
            }
            shown.push_str(g);
            used += w;
        }
        (shown, cursor_col)
    }
}

fn is_space(g: &str) -> bool {
    g.chars().all(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_focused_field_wraps_its_whole_value_and_keeps_the_cursor_in_view() {
        let mut input = TextInput::new("no say in the roadmap; little visibility");
        let (rows, cursor) = input.wrapped(16, 3);
        assert_eq!(rows, ["no say in the ro", "admap; little vi", "sibility"]);
        assert_eq!(cursor, (2, 8), "at the end");
        input.home();
        let (rows, cursor) = input.wrapped(16, 2);
        assert_eq!(rows[0], "no say in the ro");
        assert_eq!(cursor, (0, 0));
        // A full last row puts the cursor on a fresh one.
        let exact = TextInput::new("abcd");
        assert_eq!(
            exact.wrapped(4, 3),
            (vec!["abcd".into(), String::new()], (1, 0))
        );
    }

    use super::*;

    #[test]
    fn words_are_deleted_and_skipped_like_in_a_shell() {
        let mut t = TextInput::new("write the  abstract");
        t.delete_word_back();
        assert_eq!(t.value(), "write the  ");
        t.delete_word_back();
        assert_eq!(t.value(), "write ");
        t.word_left();
        assert_eq!(t.cursor(), 0);
        t.word_right();
        assert_eq!(t.cursor(), 5);
        t.clear();
        assert_eq!((t.value(), t.cursor()), ("", 0));
    }

    #[test]
    fn long_text_shows_its_lines_with_the_cursor_in_view() {
        let mut t = TextInput::default();
        t.set_multiline(true);
        t.insert("one\ntwo\nthree");
        let (lines, cursor) = t.wrapped(10, 2);
        assert_eq!(
            (lines, cursor),
            (vec!["two".to_string(), "three".into()], (1, 5))
        );
        t.home();
        assert_eq!(
            t.wrapped(10, 2),
            (vec!["one".to_string(), "two".into()], (0, 0))
        );
        assert_eq!(t.line_count(), 3);
    }

    #[test]
    fn the_window_keeps_the_cursor_in_view_in_a_long_field() {
        let mut t = TextInput::new(&"abcdefghij".repeat(500));
        let (shown, col) = t.window(20);
        assert_eq!((shown.as_str(), col), ("bcdefghijabcdefghij", 19));
        t.home();
        assert_eq!(t.window(5), ("abcde".to_string(), 0));
        for _ in 0..7 {
            t.right();
        }
        assert_eq!(t.window(5), ("defgh".to_string(), 4));
        let wide = TextInput::new("日本語のテキスト");
        let (shown, col) = wide.window(7);
        assert_eq!((shown.as_str(), col), ("キスト", 6));
    }

    #[test]
    fn edits_by_grapheme() {
        let mut t = TextInput::new("cafe\u{301} 🎯");
        assert_eq!(t.cursor(), 6);
        t.delete_back();
        t.delete_back();
        assert_eq!(t.value(), "cafe\u{301}");
        t.left();
        t.delete_forward();
        assert_eq!(t.value(), "caf");
        t.home();
        t.insert("日本 ");
        assert_eq!(t.value(), "日本 caf");
        t.end();
        t.right();
        assert_eq!(t.cursor(), 6);
    }

    #[test]
    fn controls_are_stripped_and_newlines_flattened() {
        let mut t = TextInput::default();
        t.insert("a\u{1b}[2Jb\nc\u{202e}d");
        assert_eq!(t.value(), "a[2Jb cd");
    }

    #[test]
    fn multiline_fields_keep_newlines_and_show_them_as_returns() {
        let mut t = TextInput::default();
        t.set_multiline(true);
        t.insert("one\r\ntwo\tx");
        assert_eq!(t.value(), "one\ntwo x");
        assert_eq!(t.window(20), ("one↵two x".to_string(), 9));
    }

    #[test]
    fn window_keeps_the_cursor_visible() {
        let t = TextInput::new("abcdefghij");
        assert_eq!(t.window(4), ("hij".to_string(), 3));
        let mut t = TextInput::new("abcdefghij");
        t.home();
        assert_eq!(t.window(4), ("abcd".to_string(), 0));
        let t = TextInput::new("日本語");
        let (shown, col) = t.window(4);
        assert_eq!((shown.as_str(), col), ("語", 2));
    }
}
