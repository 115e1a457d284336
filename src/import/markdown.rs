//! Markdown outlines, read with a real CommonMark parser (pulldown-cmark): headings nest by
//! level, list items (bulleted or numbered, `[ ]`/`[x]` task boxes) by list nesting under
//! the heading they follow. Front matter, paragraphs, block quotes, code and tables are text
//! around the outline, not part of it; a section whose heading is followed by the comment
//! [`NOT_A_GOAL`] (as goalcoach's own export writes for its profile and reviews) is skipped.

use super::entry::{Entry, Tree, item_key, literal, read_markers};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The HTML comment that marks a section as not part of the outline.
pub const NOT_A_GOAL: &str = "<!-- goalcoach: not a goal -->";

/// Where the text of the entry being read goes.
#[derive(PartialEq)]
enum Capture {
    Nothing,
    Heading,
    /// A list item's first paragraph (its title).
    Item,
    /// The paragraph right under a goal's heading: its card, `Label: value` lines.
    Card,
}

struct Reader {
    /// Where each line starts, to name the line of an entry.
    line_starts: Vec<usize>,
    tree: Tree,
    capture: Capture,
    title: String,
    lists: usize,
    quotes: usize,
    /// The level of a skipped section, until a heading at that level or above.
    skipping: Option<usize>,
    /// A heading has just ended; a [`NOT_A_GOAL`] comment now skips its section.
    after_heading: Option<usize>,
}

/// The outline in `text`, as entries in document order nested into a tree.
pub fn read(text: &str) -> Vec<Entry> {
    let options = Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH;
    let mut reader = Reader {
        line_starts: std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect(),
        tree: Tree::default(),
        capture: Capture::Nothing,
        title: String::new(),
        lists: 0,
        quotes: 0,
        skipping: None,
        after_heading: None,
    };
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let event = match event {
            Event::Text(t) => Event::Text(as_written(text, range.clone(), &t).into()),
            other => other,
        };
        reader.event(event, range.start);
    }
    reader.tree.roots
}

/// A piece of text as the source wrote it: a character the source escaped (`\[`) or wrote
/// as an entity (`&#x1F4C5;`) is text, never a marker, so a title that holds `📅 2027-01-01`
/// or starts with `[x]` comes back as that title.
fn as_written(source: &str, range: std::ops::Range<usize>, text: &str) -> String {
    if source.get(range.clone()) != Some(text) {
        return text.chars().map(literal).collect();
    }
    let escaped = range.start > 0 && source.as_bytes()[range.start - 1] == b'\\';
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if escaped => std::iter::once(literal(first)).chain(chars).collect(),
        _ => text.to_string(),
    }
}

impl Reader {
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    fn event(&mut self, event: Event<'_>, offset: usize) {
        let after_heading = self.after_heading.take();
        match event {
            Event::Start(Tag::Heading { level, .. }) => self.heading(level as usize, offset),
            Event::End(TagEnd::Heading(level)) => {
                self.finish_title();
                self.after_heading = Some(level as usize);
            }
            Event::Start(Tag::Paragraph) if after_heading == Some(1) && self.in_outline() => {
                self.capture = Capture::Card;
            }
            Event::Html(html) if html.trim() == NOT_A_GOAL => {
                if let Some(level) = after_heading {
                    self.tree.drop_current();
                    self.skipping = Some(level);
                }
            }
            // The comment's text comes inside an HTML block: keep waiting for it.
            Event::Start(Tag::HtmlBlock) => self.after_heading = after_heading,
            Event::Start(Tag::BlockQuote(_)) => self.quotes += 1,
            Event::End(TagEnd::BlockQuote(_)) => self.quotes -= 1,
            Event::Start(Tag::List(_)) => {
                self.finish_title();
                self.lists += 1;
            }
            Event::End(TagEnd::List(_)) => self.lists -= 1,
            Event::Start(Tag::Item) => self.item(offset),
            Event::End(TagEnd::Item | TagEnd::Paragraph) => self.finish_title(),
            Event::Start(Tag::CodeBlock(_) | Tag::Table(_) | Tag::MetadataBlock(_)) => {
                self.finish_title()
            }
            Event::TaskListMarker(done) if self.capture == Capture::Item => {
                if let Some(entry) = self.tree.current() {
                    entry.done = done;
                }
            }
            Event::Text(text) | Event::Code(text) if self.capture != Capture::Nothing => {
                self.title.push_str(&text)
            }
            Event::SoftBreak | Event::HardBreak if self.capture == Capture::Card => {
                self.title.push('\n')
            }
            Event::SoftBreak | Event::HardBreak if self.capture != Capture::Nothing => {
                self.title.push(' ')
            }
            _ => {}
        }
    }

    fn in_outline(&self) -> bool {
        self.quotes == 0 && self.skipping.is_none()
    }

    fn heading(&mut self, level: usize, offset: usize) {
        self.finish_title();
        if self.skipping.is_some_and(|skipped| level <= skipped) {
            self.skipping = None;
        }
        if !self.in_outline() {
            return;
        }
        let entry = Entry {
            line: self.line_of(offset),
            heading: true,
            ..Entry::default()
        };
        self.tree.push(level, entry);
        self.capture = Capture::Heading;
    }

    fn item(&mut self, offset: usize) {
        self.finish_title();
        if !self.in_outline() {
            return;
        }
        let entry = Entry {
            line: self.line_of(offset),
            ..Entry::default()
        };
        self.tree.push(item_key(self.lists), entry);
        self.capture = Capture::Item;
    }

    /// Ends the title being read: the markers at its end are read into the entry.
    fn finish_title(&mut self) {
        if self.capture == Capture::Nothing {
            return;
        }
        let card = self.capture == Capture::Card;
        self.capture = Capture::Nothing;
        let title = std::mem::take(&mut self.title);
        match self.tree.current() {
            Some(entry) if card => entry.card = super::card::lines(&title),
            Some(entry) => read_markers(entry, &title),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(entries: &[Entry]) -> Vec<String> {
        entries
            .iter()
            .map(|e| {
                let kids = titles(&e.children);
                if kids.is_empty() {
                    e.title.clone()
                } else {
                    format!("{} > [{}]", e.title, kids.join(", "))
                }
            })
            .collect()
    }

    #[test]
    fn headings_nest_by_level_and_lists_under_them() {
        let text = "---\ntitle: notes\n---\n# Talk 📅 2027-03-01\nSome words.\n\n- [ ] Abstract\n## Venue\n1. Book it\n2. Pay\n# Promotion\n> - not this\n";
        let roots = read(text);
        assert_eq!(
            titles(&roots),
            ["Talk > [Abstract, Venue > [Book it, Pay]]", "Promotion"]
        );
        assert_eq!(roots[0].due, chrono::NaiveDate::from_ymd_opt(2027, 3, 1));
        assert_eq!(roots[0].line, 4);
        assert!(roots[0].heading && !roots[0].children[0].heading);
    }

    #[test]
    fn task_boxes_escapes_and_markers_are_read() {
        let roots = read("- [x] 1\\. Learn \\<script\\> ✅ 2026-11-10 🔁 every week\n");
        let e = &roots[0];
        assert_eq!(e.title, "1. Learn <script>");
        assert!(e.done);
        assert_eq!(e.done_on, chrono::NaiveDate::from_ymd_opt(2026, 11, 10));
        assert_eq!(e.repeat.map(|r| r.to_string()).as_deref(), Some("weekly"));
    }

    #[test]
    fn a_marked_section_is_skipped_up_to_the_next_heading_at_its_level() {
        let text = format!("# Profile\n{NOT_A_GOAL}\n\n- Role: x\n## Sub\n- y\n# Goal\n- step\n");
        assert_eq!(titles(&read(&text)), ["Goal > [step]"]);
    }
}
