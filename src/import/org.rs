//! org-mode outlines, read line by line: headlines (`*` per level) with their TODO keyword,
//! priority cookie and `:tags:`; the planning line under a headline (`DEADLINE: <…>`,
//! `SCHEDULED: <…>`, `CLOSED: […]`, repeaters like `+1w` or `.+2d`); list items (`-`, `+`,
//! `1.`, `[ ]`/`[X]`) nested by indent under the headline they follow. Drawers, `#+`
//! keywords and body text are not part of the outline.

use super::entry::{Entry, Tree, date_at_start, item_key, read_markers};
use crate::model::Recurrence;
use crate::model::repeat::{From, Unit};

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
    let mut tree = Tree::default();
    let mut in_drawer = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let trimmed = raw.trim();
        if in_drawer {
            in_drawer = !trimmed.eq_ignore_ascii_case(":END:");
            continue;
        }
        if let Some(level) = headline_level(raw) {
            tree.push(level, headline(&raw[level..], line));
        } else if is_planning(trimmed) {
            if let Some(entry) = tree.current() {
                read_planning(entry, trimmed);
            }
        } else if trimmed.starts_with(':') && trimmed.ends_with(':') && trimmed.len() > 1 {
            in_drawer = true;
        } else if let Some(text) = list_item(trimmed) {
            let indent = raw.len() - raw.trim_start().len();
            let mut entry = Entry {
                line,
                ..Entry::default()
            };
            read_markers(&mut entry, text);
            tree.push(item_key(indent), entry);
        }
    }
    tree.roots
}

fn headline_level(raw: &str) -> Option<usize> {
    let stars = raw.len() - raw.trim_start_matches('*').len();
    (stars > 0 && raw[stars..].starts_with(' ')).then_some(stars)
}

const DONE_WORDS: [&str; 2] = ["DONE", "FINISHED"];
const CANCELLED_WORDS: [&str; 2] = ["CANCELLED", "CANCELED"];
const OPEN_WORDS: [&str; 5] = ["TODO", "NEXT", "WAITING", "HOLD", "STARTED"];

/// A headline after its stars: keyword, `[#A]` priority, title, `:tags:`.
fn headline(rest: &str, line: usize) -> Entry {
    let mut entry = Entry {
        line,
        heading: true,
        ..Entry::default()
    };
    let mut text = rest.trim();
    if let Some((word, after)) = text.split_once(' ').or(Some((text, ""))) {
        if DONE_WORDS.contains(&word) {
            entry.done = true;
        } else if CANCELLED_WORDS.contains(&word) {
            entry.cancelled = true;
        }
        if DONE_WORDS.contains(&word)
            || CANCELLED_WORDS.contains(&word)
            || OPEN_WORDS.contains(&word)
        {
            text = after.trim_start();
        }
    }
    for (cookie, importance) in [("[#A] ", 3), ("[#B] ", 2), ("[#C] ", 1)] {
        if let Some(after) = text.strip_prefix(cookie) {
            entry.importance = Some(importance);
            text = after;
        }
    }
    let (title, tags) = split_tags(text);
    entry.tags = tags;
    let done = entry.done;
    read_markers(&mut entry, title);
    entry.done |= done;
    entry
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

fn is_planning(trimmed: &str) -> bool {
    ["DEADLINE:", "SCHEDULED:", "CLOSED:"]
        .iter()
        .any(|k| trimmed.starts_with(k))
}

/// `DEADLINE: <2026-12-01 Tue +1w> SCHEDULED: <…> CLOSED: [2026-11-10 Tue 10:02]`.
fn read_planning(entry: &mut Entry, line: &str) {
    let mut scheduled = None;
    for (keyword, open, close) in [
        ("DEADLINE:", '<', '>'),
        ("SCHEDULED:", '<', '>'),
        ("CLOSED:", '[', ']'),
    ] {
        let Some(at) = line.find(keyword) else {
            continue;
        };
        let rest = line[at + keyword.len()..].trim_start();
        let Some(stamp) = rest
            .strip_prefix(open)
            .and_then(|r| r.split_once(close))
            .map(|(s, _)| s)
        else {
            continue;
        };
        let date = date_at_start(stamp);
        match keyword {
            "DEADLINE:" => {
                entry.due = date.or(entry.due);
                entry.repeat = repeater(stamp).or(entry.repeat);
            }
            "SCHEDULED:" => {
                scheduled = date;
                entry.repeat = entry.repeat.or(repeater(stamp));
            }
            _ => entry.done_on = date,
        }
    }
    entry.due = entry.due.or(scheduled);
}

/// An org repeater in a timestamp: `+1w` (from the date), `++1w`, `.+1w` (from when done).
fn repeater(stamp: &str) -> Option<Recurrence> {
    let word = stamp
        .split_whitespace()
        .find(|w| w.starts_with('+') || w.starts_with(".+"))?;
    let from = if word.starts_with(".+") {
        From::Done
    } else {
        From::Due
    };
    let spec = word.trim_start_matches(['.', '+']);
    let (count, unit) = spec.split_at(spec.len().checked_sub(1)?);
    let (every, unit) = match unit {
        "d" => (count.parse().ok()?, Unit::Days),
        "w" => (count.parse().ok()?, Unit::Weeks),
        "m" => (count.parse().ok()?, Unit::Months),
        "y" => (count.parse::<u32>().ok()?.checked_mul(12)?, Unit::Months),
        _ => return None,
    };
    let rule = Recurrence::every(every, unit);
    (every >= 1).then_some(Recurrence { from, ..rule })
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
}
