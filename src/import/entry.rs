//! One entry of an outline — a headline or a list item — as both text readers (Markdown and
//! org-mode) produce it, the tree they nest entries into, and the markers a title carries at
//! its end the way Obsidian Tasks writes them.

use crate::model::Recurrence;
use crate::model::text::{clean_line, clean_text};
use chrono::NaiveDate;

/// One headline or list item of an outline, with what its text said about it.
#[derive(Debug, Default, Clone)]
pub struct Entry {
    pub line: usize,
    pub title: String,
    pub heading: bool,
    /// Ticked off (`[x]`, `DONE`, `✅`), and the day when the outline says it.
    pub done: bool,
    pub done_on: Option<NaiveDate>,
    /// Cancelled in org-mode: a goal comes in dropped, anything else done.
    pub cancelled: bool,
    /// Org-mode's `HOLD`: a goal comes in on hold.
    pub held: bool,
    /// The deadline, target or due date (`📅`, `DEADLINE:`; `SCHEDULED:` when there is none).
    pub due: Option<NaiveDate>,
    pub start: Option<NaiveDate>,
    pub repeat: Option<Recurrence>,
    pub importance: Option<u8>,
    pub tags: Vec<String>,
    /// The `Label: value` lines right under a goal's heading, as goalcoach's Markdown export
    /// writes its card (see `card`).
    pub card: Vec<(String, String)>,
    /// Text under a headline that is not part of the outline (org-mode body, example
    /// blocks): the item's notes.
    pub body: String,
    /// The goalcoach item this entry was exported from (org's `:GOALCOACH_ID:`), so an
    /// edited file updates that item instead of adding one.
    pub id: Option<u64>,
    /// A headline straight under a goal that is a step, not a milestone
    /// (`:GOALCOACH_KIND: step`).
    pub step: bool,
    pub children: Vec<Entry>,
}

impl Entry {
    /// A step's notes: the text under it, its tags (a step has none of its own), and the entries
    /// under it as indented lines.
    pub fn step_notes(&self) -> String {
        let mut parts = Vec::new();
        if !self.body.trim().is_empty() {
            parts.push(self.body.trim_end().to_string());
        }
        if !self.tags.is_empty() {
            parts.push(format!("Tags: {}", self.tags.join(", ")));
        }
        let under = notes_of(&self.children, 0);
        if !under.trim().is_empty() {
            parts.push(under.trim_end().to_string());
        }
        clean_text(&parts.join("\n"))
    }
}

/// Entries deeper than a step, as indented lines for the step's notes.
fn notes_of(entries: &[Entry], depth: usize) -> String {
    let mut out = String::new();
    for e in entries {
        let mark = if e.done { "[x] " } else { "" };
        out.push_str(&format!("{}- {mark}{}\n", "  ".repeat(depth), e.title));
        out.push_str(&notes_of(&e.children, depth + 1));
    }
    out
}

/// Builds the entry tree from entries in document order, each with a nesting key: an entry
/// goes under the nearest earlier entry with a smaller key (headings use their level, list
/// items a key above every heading level that grows with their indent).
#[derive(Default)]
pub struct Tree {
    pub roots: Vec<Entry>,
    /// The key and child index of each entry on the path to the latest one.
    open: Vec<(usize, usize)>,
}

/// The nesting key of a list item at `depth` (its indent or list nesting) under headings.
pub fn item_key(depth: usize) -> usize {
    10 + depth
}

/// How deep entries nest: anything under a step only goes into its notes, so an entry nested
/// deeper than this is taken as a sibling at this depth (a line of 50,000 nested list markers
/// reads in linear time, and is never 50,000 levels to walk or free).
pub(super) const MAX_DEPTH: usize = 16;

impl Tree {
    pub fn push(&mut self, key: usize, entry: Entry) {
        while self.open.last().is_some_and(|&(k, _)| k >= key) || self.open.len() >= MAX_DEPTH {
            self.open.pop();
        }
        let list = self.children_of_open();
        list.push(entry);
        let index = list.len() - 1;
        self.open.push((key, index));
    }

    fn children_of_open(&mut self) -> &mut Vec<Entry> {
        let mut list = &mut self.roots;
        for &(_, i) in &self.open {
            list = &mut list[i].children;
        }
        list
    }

    /// The entry pushed last, while it is still open.
    pub fn current(&mut self) -> Option<&mut Entry> {
        let (&(_, last), parents) = self.open.split_last()?;
        let mut list = &mut self.roots;
        for &(_, i) in parents {
            list = &mut list[i].children;
        }
        list.get_mut(last)
    }

    /// Takes the entry pushed last out again (a section marked as not part of the outline).
    pub fn drop_current(&mut self) {
        if let Some((_, last)) = self.open.pop() {
            self.children_of_open().remove(last);
        }
    }
}

/// The characters that mark dates, repetition and priority after a title.
pub const MARKS: [char; 9] = ['📅', '⏳', '🛫', '✅', '🔁', '➕', '⏫', '🔼', '🔽'];

/// Where a marker character (or the `[` of a task box) that is part of the text — written
/// escaped, as goalcoach's export writes it — waits while the markers are read: the same
/// place in Unicode's supplementary private use area B, which no keyboard types.
const LITERAL_BASE: u32 = 0x10_0000;

/// `c` as text, not a marker, when it is one of the markers or `[`.
pub fn literal(c: char) -> char {
    let index = MARKS
        .iter()
        .position(|&m| m == c)
        .or((c == '[').then_some(MARKS.len()));
    index
        .and_then(|i| char::from_u32(LITERAL_BASE + i as u32))
        .unwrap_or(c)
}

/// The characters `literal` set aside, back as themselves.
pub(super) fn restore_literals(text: &str) -> String {
    text.chars()
        .map(|c| match (c as u32).checked_sub(LITERAL_BASE) {
            Some(i) if (i as usize) < MARKS.len() => MARKS[i as usize],
            Some(i) if i as usize == MARKS.len() => '[',
            _ => c,
        })
        .collect()
}

/// Reads the markers a task line carries at its end, the way Obsidian Tasks writes them:
/// `📅 due`, `⏳ scheduled`, `🛫 start`, `✅ done`, `🔁 every week`, `⏫`/`🔼`/`🔽` priority,
/// and a leading `[x]`/`[ ]` (headings have no checkbox of their own). The title is what
/// is left before the first marker.
pub fn read_markers(entry: &mut Entry, text: &str) {
    let mut text = text.trim();
    for (mark, done) in [("[ ] ", false), ("[x] ", true), ("[X] ", true)] {
        if let Some(rest) = text.strip_prefix(mark) {
            entry.done |= done;
            text = rest.trim_start();
        }
    }
    let cut = text.find(MARKS).unwrap_or(text.len());
    entry.title = restore_literals(&clean_line(text[..cut].trim()));
    let mut rest = &text[cut..];
    let mut scheduled = None;
    while let Some(mark) = rest.chars().next() {
        let after = &rest[mark.len_utf8()..];
        let end = after.find(MARKS).unwrap_or(after.len());
        let value = after[..end].trim();
        rest = &after[end..];
        let date = date_at_start(value);
        match mark {
            '📅' => entry.due = date.or(entry.due),
            '⏳' => scheduled = date,
            '🛫' => entry.start = date,
            '✅' => {
                entry.done = true;
                entry.done_on = date;
            }
            '🔁' => entry.repeat = Recurrence::parse(value),
            '⏫' => entry.importance = Some(3),
            '🔼' => entry.importance = Some(2),
            '🔽' => entry.importance = Some(1),
            _ => {}
        }
    }
    entry.due = entry.due.or(scheduled);
}

/// A `YYYY-MM-DD` at the start of `text`.
pub fn date_at_start(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}
