//! org-mode outlines, read line by line: headlines (`*` per level) with their TODO keyword,
//! priority cookie and `:tags:`; the planning line under a headline (`DEADLINE: <…>`,
//! `SCHEDULED: <…>`, `CLOSED: […]`, repeaters like `+1w` or `.+2d`); list items (`-`, `+`,
//! `1.`, `[ ]`/`[X]`) nested by indent under the headline they follow. Drawers, `#+`
//! keywords and body text are not part of the outline.

use super::entry::{Entry, Tree, item_key, read_markers};
use super::org_planning::{is_planning, read_planning};
use std::fmt::Write;

/// Whether `text` looks like org-mode rather than Markdown: `#+` keywords, a second-level
/// headline, a TODO/DONE headline or a planning line.
pub fn looks_like_org(text: &str) -> bool {
    text.lines().any(|line| {
        line.starts_with("#+")
            || line.starts_with("** ")
            || ["* TODO ", "* DONE ", "* NEXT "]
                .iter()
                .any(|p| line.starts_with(p))
            || ["DEADLINE: <", "SCHEDULED: <", "CLOSED: ["]
                .iter()
                .any(|p| line.trim_start().starts_with(p))
    })
}

/// The outline in `text`.
pub fn read(text: &str) -> Vec<Entry> {
    let keywords = Keywords::of(text);
    let mut reader = Reader {
        tree: Tree::default(),
        keywords,
        skip_below: None,
        drawer: None,
        block: false,
        item: None,
    };
    for (i, raw) in text.lines().enumerate() {
        reader.line(i + 1, raw);
    }
    reader.tree.roots
}

/// Reads an org file line by line into the entry tree.
struct Reader {
    tree: Tree,
    keywords: Keywords,
    /// Inside a `COMMENT` or `:ARCHIVE:` subtree of this level: skipped until a headline at
    /// that level or above.
    skip_below: Option<usize>,
    /// Inside a drawer; `true` for the properties drawer.
    drawer: Option<bool>,
    /// Inside a `#+BEGIN_…` block: its lines are body text, as they are.
    block: bool,
    /// The list item being read, its indent and its text so far (org wraps long items onto
    /// lines indented under the bullet).
    item: Option<(usize, String)>,
}

impl Reader {
    fn line(&mut self, line: usize, raw: &str) {
        let trimmed = raw.trim();
        if let Some(level) = headline_level(raw) {
            self.item = None;
            self.drawer = None;
            self.block = false;
            if self.skip_below.is_some_and(|skip| level > skip) {
                return;
            }
            self.skip_below = None;
            let entry = headline(&raw[level..], line, &self.keywords);
            match entry {
                Some(entry) => self.tree.push(level, entry),
                None => self.skip_below = Some(level),
            }
            return;
        }
        if self.skip_below.is_some() {
            return;
        }
        if self.block {
            self.block = !is_block_end(trimmed);
            if self.block {
                let text = raw.trim_start();
                self.body(text.strip_prefix(',').unwrap_or(text));
            }
            return;
        }
        if let Some(properties) = self.drawer {
            if trimmed.eq_ignore_ascii_case(":END:") {
                self.drawer = None;
            } else if properties {
                self.property(trimmed);
            }
            return;
        }
        self.outline_line(line, raw, trimmed);
    }

    /// A line outside drawers and blocks: planning, a drawer or block opening, a list item,
    /// the wrapped rest of one, a keyword line, or body text.
    fn outline_line(&mut self, line: usize, raw: &str, trimmed: &str) {
        let indent = raw.len() - raw.trim_start().len();
        if is_planning(trimmed) {
            if let Some(entry) = self.tree.current() {
                read_planning(entry, trimmed);
            }
        } else if trimmed.starts_with(':') && trimmed.ends_with(':') && trimmed.len() > 1 {
            self.drawer = Some(trimmed.eq_ignore_ascii_case(":PROPERTIES:"));
        } else if trimmed.to_ascii_uppercase().starts_with("#+BEGIN") {
            self.item = None;
            self.block = true;
        } else if let Some(text) = list_item(trimmed) {
            let mut entry = Entry {
                line,
                ..Entry::default()
            };
            read_markers(&mut entry, &links_as_words(text));
            self.tree.push(item_key(indent), entry);
            self.item = Some((indent, text.to_string()));
        } else if let Some((_, text)) = self
            .item
            .as_mut()
            .filter(|(at, _)| indent > *at && !trimmed.is_empty())
        {
            text.push(' ');
            text.push_str(trimmed);
            let joined = links_as_words(text);
            if let Some(entry) = self.tree.current() {
                read_markers(entry, &joined);
            }
        } else if trimmed.starts_with("#+") || trimmed.starts_with("# ") || trimmed == "#" {
            self.item = None;
        } else {
            self.item = None;
            self.body(trimmed);
        }
    }

    /// A `:NAME: value` line of the properties drawer: the goalcoach id and kind.
    fn property(&mut self, trimmed: &str) {
        let Some((name, value)) = trimmed.trim_start_matches(':').split_once(':') else {
            return;
        };
        let Some(entry) = self.tree.current() else {
            return;
        };
        match name.to_ascii_uppercase().as_str() {
            n if n == crate::report::org::ID_PROPERTY => entry.id = value.trim().parse().ok(),
            n if n == crate::report::org::KIND_PROPERTY => {
                entry.step = value.trim().eq_ignore_ascii_case("step")
            }
            _ => {}
        }
    }

    /// A line of text under the current headline (or item): its notes; a goal's card lines
    /// (`Specific: …`) are read as its card.
    fn body(&mut self, text: &str) {
        let Some(entry) = self.tree.current() else {
            return;
        };
        if entry.body.is_empty() && text.trim().is_empty() {
            return;
        }
        if entry.body.is_empty() && !self.block && super::card::is_card_line(text) {
            entry.card.extend(super::card::lines(text));
            return;
        }
        if !entry.body.is_empty() {
            entry.body.push('\n');
        }
        entry.body.push_str(&links_as_words(text));
    }
}

fn is_block_end(trimmed: &str) -> bool {
    trimmed.to_ascii_uppercase().starts_with("#+END")
}

/// Org links as words: `[[url][what]]` → `what (url)`, `[[url]]` → `url`.
fn links_as_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[[") {
        let Some(len) = rest[start..].find("]]") else {
            break;
        };
        out.push_str(&rest[..start]);
        let inner = &rest[start + 2..start + len];
        match inner.split_once("][") {
            Some((url, what)) => {
                let _ = write!(out, "{what} ({url})");
            }
            None => out.push_str(inner),
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

/// The TODO keywords of a file: its `#+TODO:` (or `#+SEQ_TODO:`, `#+TYP_TODO:`) lines, open
/// words before `|` and finished ones after (the last word finishes when there is no `|`);
/// org's usual words when the file names none.
struct Keywords {
    open: Vec<String>,
    done: Vec<String>,
}

impl Keywords {
    fn of(text: &str) -> Keywords {
        let mut keywords = Keywords {
            open: Vec::new(),
            done: Vec::new(),
        };
        for line in text.lines() {
            let upper = line.trim_start().to_ascii_uppercase();
            let Some(words) = ["#+TODO:", "#+SEQ_TODO:", "#+TYP_TODO:"]
                .iter()
                .find_map(|k| upper.strip_prefix(k).map(|_| &line.trim_start()[k.len()..]))
            else {
                continue;
            };
            // `DONE(d!)` is the word `DONE` with its quick key.
            let words: Vec<String> = words
                .split_whitespace()
                .map(|w| w.split('(').next().unwrap_or(w).to_string())
                .collect();
            match words.iter().position(|w| w == "|") {
                Some(bar) => {
                    keywords.open.extend(words[..bar].iter().cloned());
                    keywords.done.extend(words[bar + 1..].iter().cloned());
                }
                None if !words.is_empty() => {
                    let (last, open) = words.split_last().expect("not empty");
                    keywords.open.extend(open.iter().cloned());
                    keywords.done.push(last.clone());
                }
                None => {}
            }
        }
        if keywords.open.is_empty() && keywords.done.is_empty() {
            keywords.open = OPEN_WORDS.iter().map(|w| w.to_string()).collect();
            keywords.done = DONE_WORDS
                .iter()
                .chain(&CANCELLED_WORDS)
                .map(|w| w.to_string())
                .collect();
        }
        keywords
    }
}

fn headline_level(raw: &str) -> Option<usize> {
    let stars = raw.len() - raw.trim_start_matches('*').len();
    (stars > 0 && raw[stars..].starts_with(' ')).then_some(stars)
}

const DONE_WORDS: [&str; 2] = ["DONE", "FINISHED"];
const CANCELLED_WORDS: [&str; 4] = ["CANCELLED", "CANCELED", "DROPPED", "ABANDONED"];
const OPEN_WORDS: [&str; 5] = ["TODO", "NEXT", "WAITING", "HOLD", "STARTED"];

/// A headline after its stars: keyword, `[#A]` priority, title, `:tags:`; `None` for a
/// `COMMENT` or `:ARCHIVE:` headline, whose subtree is not part of the outline.
fn headline(rest: &str, line: usize, keywords: &Keywords) -> Option<Entry> {
    let mut entry = Entry {
        line,
        heading: true,
        ..Entry::default()
    };
    let mut text = rest.trim();
    if let Some((word, after)) = text.split_once(' ').or(Some((text, ""))) {
        if keywords.done.iter().any(|w| w == word) {
            entry.done = true;
            entry.cancelled = CANCELLED_WORDS.contains(&word);
            entry.done = !entry.cancelled;
            text = after.trim_start();
        } else if keywords.open.iter().any(|w| w == word) {
            entry.held = word == "HOLD";
            text = after.trim_start();
        }
    }
    for (cookie, importance) in [("[#A]", 3), ("[#B]", 2), ("[#C]", 1)] {
        if let Some(after) = text.strip_prefix(cookie) {
            entry.importance = Some(importance);
            text = after.trim_start();
        }
    }
    if text == "COMMENT" || text.starts_with("COMMENT ") {
        return None;
    }
    let (title, tags) = split_tags(text);
    if tags.iter().any(|t| t == "ARCHIVE") {
        return None;
    }
    entry.tags = tags;
    let done = entry.done;
    read_markers(&mut entry, &links_as_words(title));
    entry.done |= done;
    Some(entry)
}

/// `Title   :work:career:` → ("Title", ["work", "career"]).
fn split_tags(text: &str) -> (&str, Vec<String>) {
    let text = text.trim_end();
    if let Some((title, tags)) = text.rsplit_once(char::is_whitespace)
        && tags.len() > 2
        && tags.starts_with(':')
        && tags.ends_with(':')
        && !tags.contains(' ')
    {
        let tags = tags
            .split(':')
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        return (title.trim_end(), tags);
    }
    (text, Vec::new())
}

/// The text of a list item line: `- x`, `+ x`, `1. x`, `1) x`.
fn list_item(trimmed: &str) -> Option<&str> {
    if let Some(rest) = trimmed
        .strip_prefix("- ")
        .or_else(|| trimmed.strip_prefix("+ "))
    {
        return Some(rest);
    }
    let digits = trimmed.len()
        - trimmed
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let rest = &trimmed[digits..];
    (digits > 0)
        .then(|| rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    const ORG: &str = "#+TITLE: Career\n* TODO [#A] Speak at a conference :talks:career:\n  DEADLINE: <2027-03-01 Mon>\n  :PROPERTIES:\n  :ID: x\n  :END:\n** DONE Pick conferences\n   CLOSED: [2026-11-10 Tue 10:02]\n   - [X] List three\n   - [ ] Ask Dana\n** Submit\n   SCHEDULED: <2026-12-05 Sat .+1w>\n* CANCELLED Old plan\n";

    #[test]
    fn headlines_planning_lines_and_list_items() {
        assert!(looks_like_org(ORG));
        assert!(!looks_like_org("# Goal\n- [ ] step\n* bullet\n"));
        let roots = read(ORG);
        let talk = &roots[0];
        assert_eq!(talk.title, "Speak at a conference");
        assert_eq!(talk.tags, ["talks", "career"]);
        assert_eq!(talk.importance, Some(3));
        assert_eq!(talk.due, NaiveDate::from_ymd_opt(2027, 3, 1));
        let pick = &talk.children[0];
        assert!(pick.done && pick.heading);
        assert_eq!(pick.done_on, NaiveDate::from_ymd_opt(2026, 11, 10));
        assert_eq!(pick.children.len(), 2);
        assert!(pick.children[0].done && !pick.children[1].done);
        let submit = &talk.children[1];
        assert_eq!(submit.due, NaiveDate::from_ymd_opt(2026, 12, 5));
        assert_eq!(
            submit.repeat.map(|r| r.to_string()).as_deref(),
            Some("weekly after done")
        );
        assert!(roots[1].cancelled && roots[1].title == "Old plan");
    }

    #[test]
    fn comments_archives_keywords_wrapped_items_bodies_and_links() {
        let text = [
            "#+TODO: IDEA DOING | SHIPPED DROPPED",
            "* DOING Speak at a meetup",
            "  Why: see [[https://example.org/cfp][the CFP]] first.",
            "** IDEA Write the talk",
            "   - [ ] an outline that is long enough",
            "     to wrap onto a second line",
            "   - [ ] rehearse",
            "** SHIPPED Book the room :venue:",
            "** COMMENT Not part of the plan",
            "*** IDEA hidden step",
            "** Old ideas :ARCHIVE:",
            "*** IDEA archived step",
            "* DROPPED Learn Haskell",
        ]
        .join("\n");
        let text = text.as_str();
        let roots = read(text);
        assert_eq!(roots.len(), 2);
        let talk = &roots[0];
        assert_eq!(talk.title, "Speak at a meetup");
        assert_eq!(
            talk.body,
            "Why: see the CFP (https://example.org/cfp) first."
        );
        let titles: Vec<&str> = talk.children.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Write the talk", "Book the room"],
            "COMMENT and ARCHIVE left out"
        );
        let items = &talk.children[0].children;
        assert_eq!(
            items[0].title,
            "an outline that is long enough to wrap onto a second line"
        );
        assert_eq!(items.len(), 2);
        assert!(talk.children[1].done && !talk.children[1].cancelled);
        assert_eq!(talk.children[1].tags, ["venue"]);
        assert!(
            roots[1].cancelled,
            "a finished word named like CANCELLED drops"
        );
    }

    #[test]
    fn properties_name_the_item_and_example_blocks_are_notes() {
        let text = [
            "* TODO Goal",
            "  :PROPERTIES:",
            "  :GOALCOACH_ID: 42",
            "  :END:",
            "** TODO A step",
            "   :PROPERTIES:",
            "   :GOALCOACH_ID: 43",
            "   :GOALCOACH_KIND: step",
            "   :END:",
            "   #+BEGIN_EXAMPLE",
            "   - not an item",
            "   ,* not a headline",
            "   #+END_EXAMPLE",
        ]
        .join("\n");
        let text = text.as_str();
        let roots = read(text);
        assert_eq!(roots[0].id, Some(42));
        let step = &roots[0].children[0];
        assert_eq!((step.id, step.step), (Some(43), true));
        assert_eq!(step.body, "- not an item\n* not a headline");
        assert!(step.children.is_empty());
    }
}
