//! Writing iCalendar (RFC 5545) text by hand, in one pass: content lines ending in CRLF,
//! folded at 75 octets, TEXT values escaped; and a repetition as an RRULE. Shared by the
//! `ics` export and the calendar sync.

use crate::model::Recurrence;
use crate::model::repeat::{From, Unit};

/// An iCalendar document being written.
#[derive(Default)]
pub struct Ics {
    pub out: String,
}

/// The longest content line, in octets, before it is folded (RFC 5545 §3.1).
pub const FOLD_AT: usize = 75;

impl Ics {
    /// A property whose value is TEXT: backslash, semicolon, comma and newline escaped,
    /// carriage returns and other controls dropped.
    pub fn text(&mut self, name: &str, value: &str) {
        let mut escaped = String::with_capacity(value.len() + 8);
        for c in value.chars() {
            match c {
                '\\' => escaped.push_str("\\\\"),
                ';' => escaped.push_str("\\;"),
                ',' => escaped.push_str("\\,"),
                '\n' => escaped.push_str("\\n"),
                c if c.is_control() => {}
                c => escaped.push(c),
            }
        }
        self.raw(name, &escaped);
    }

    /// A property written as given, folded so no line passes 75 octets (never inside a
    /// character).
    pub fn raw(&mut self, name: &str, value: &str) {
        self.out.push_str(name);
        self.out.push(':');
        let mut used = name.len() + 1;
        for c in value.chars() {
            if used + c.len_utf8() > FOLD_AT {
                self.out.push_str("\r\n ");
                used = 1;
            }
            self.out.push(c);
            used += c.len_utf8();
        }
        self.out.push_str("\r\n");
    }
}

/// A repetition as an RFC 5545 RRULE; one counted from the day it was done has none (a
/// calendar cannot know that day in advance).
pub fn rrule(rule: Recurrence) -> Option<String> {
    if rule.from == From::Done {
        return None;
    }
    let freq = match rule.unit {
        Unit::Days => "DAILY",
        Unit::Weeks => "WEEKLY",
        Unit::Months => "MONTHLY",
    };
    Some(match rule.every {
        1 => format!("FREQ={freq}"),
        n => format!("FREQ={freq};INTERVAL={n}"),
    })
}
