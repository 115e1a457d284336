//! One item as a VTODO in its own `.ics` file, both ways: what goalcoach writes (summary, due
//! day, done with its day, a repetition as RRULE with DTSTART, a reminder as VALARM), and
//! what it reads back from a file a phone or another client may have changed. Reading is
//! forgiving (folded lines, escapes, dates with or without a time, any order); a file that is
//! not one VTODO is said to be so, never guessed at.

use crate::ics::Ics;
use chrono::{NaiveDate, NaiveTime};

/// The fields goalcoach and the calendar share for one item.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Fields {
    pub summary: String,
    pub due: Option<NaiveDate>,
    /// Done, and the day (COMPLETED); a done item without a day reads as done today.
    pub done: Option<NaiveDate>,
    /// Cancelled (a dropped goal's items).
    pub cancelled: bool,
}

/// What goes into the file beyond the shared fields.
#[derive(Clone, Debug, Default)]
pub struct Extras {
    pub description: String,
    /// An RRULE value (`FREQ=WEEKLY`); DTSTART is then the due day, as RFC 5545 requires.
    pub rrule: Option<String>,
    pub reminder: Option<Reminder>,
}

/// When a reminder goes off: `days_before` the due day, at `at`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reminder {
    pub days_before: u32,
    pub at: NaiveTime,
}

impl Reminder {
    /// The reminder as a TRIGGER relative to the due day's start: `-PT15H` is 09:00 the day
    /// before.
    fn trigger(self) -> String {
        use chrono::Timelike;
        let minutes = i64::from(self.at.hour() * 60 + self.at.minute())
            - i64::from(self.days_before) * 24 * 60;
        let sign = if minutes < 0 { "-" } else { "" };
        let m = minutes.unsigned_abs();
        let (days, hours, mins) = (m / (24 * 60), (m / 60) % 24, m % 60);
        let mut out = format!("{sign}P");
        if days > 0 {
            out.push_str(&format!("{days}D"));
        }
        if hours > 0 || mins > 0 || days == 0 {
            out.push('T');
            if hours > 0 || mins == 0 {
                out.push_str(&format!("{hours}H"));
            }
            if mins > 0 {
                out.push_str(&format!("{mins}M"));
            }
        }
        out
    }
}

/// The file for one item, stamped `stamp` (UTC, `20261201T090000Z`).
pub fn render(uid: &str, fields: &Fields, extras: &Extras, stamp: &str) -> String {
    let mut cal = Ics::default();
    for (name, value) in [
        ("BEGIN", "VCALENDAR"),
        ("VERSION", "2.0"),
        ("PRODID", "-//goalcoach//calendar sync//EN"),
        ("BEGIN", "VTODO"),
        ("UID", uid),
        ("DTSTAMP", stamp),
    ] {
        cal.raw(name, value);
    }
    cal.text("SUMMARY", &fields.summary);
    if !extras.description.is_empty() {
        cal.text("DESCRIPTION", &extras.description);
    }
    if let Some(due) = fields.due {
        let day = due.format("%Y%m%d").to_string();
        if let Some(rule) = extras.rrule.as_deref().filter(|_| fields.done.is_none()) {
            cal.raw("DTSTART;VALUE=DATE", &day);
            cal.raw("RRULE", rule);
        }
        cal.raw("DUE;VALUE=DATE", &day);
    }
    match (fields.cancelled, fields.done) {
        (true, _) => cal.raw("STATUS", "CANCELLED"),
        (false, Some(done)) => {
            cal.raw("STATUS", "COMPLETED");
            cal.raw("COMPLETED", &format!("{}T120000Z", done.format("%Y%m%d")));
        }
        (false, None) => cal.raw("STATUS", "NEEDS-ACTION"),
    }
    if let (Some(reminder), Some(_), None, false) =
        (extras.reminder, fields.due, fields.done, fields.cancelled)
    {
        cal.raw("BEGIN", "VALARM");
        cal.raw("ACTION", "DISPLAY");
        cal.text("DESCRIPTION", &fields.summary);
        cal.raw("TRIGGER;RELATED=END", &reminder.trigger());
        cal.raw("END", "VALARM");
    }
    cal.raw("END", "VTODO");
    cal.raw("END", "VCALENDAR");
    cal.out
}

/// What a file in the collection is.
#[derive(Clone, Debug, PartialEq)]
pub enum Parsed {
    /// A to-do: its UID and the shared fields.
    Todo { uid: String, fields: Fields },
    /// Something else a calendar keeps (an event, a journal): not goalcoach's to touch.
    Other,
    /// Not iCalendar goalcoach can read; the reason.
    Broken(String),
}

/// Reads one `.ics` file; `today` is the done day of a to-do marked done without one.
pub fn parse(text: &str, today: NaiveDate) -> Parsed {
    let lines = unfold(text);
    if !lines
        .iter()
        .any(|l| l.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
    {
        return Parsed::Broken("no BEGIN:VCALENDAR".to_string());
    }
    let todos = lines
        .iter()
        .filter(|l| l.eq_ignore_ascii_case("BEGIN:VTODO"))
        .count();
    if todos == 0 {
        return Parsed::Other;
    }
    let mut uid = None;
    let mut fields = Fields::default();
    let mut status = String::new();
    let mut completed = None;
    let mut depth = 0usize;
    let mut in_todo = false;
    for line in &lines {
        let Some((name, params, value)) = split(line) else {
            continue;
        };
        match (name.as_str(), value) {
            ("BEGIN", v) if v.eq_ignore_ascii_case("VTODO") && !in_todo => {
                in_todo = true;
                depth = 0;
                continue;
            }
            ("BEGIN", _) if in_todo => depth += 1,
            ("END", v) if in_todo && depth == 0 && v.eq_ignore_ascii_case("VTODO") => break,
            ("END", _) if in_todo => depth = depth.saturating_sub(1),
            _ => {}
        }
        if !in_todo || depth > 0 {
            continue;
        }
        match name.as_str() {
            "UID" => uid = Some(value.trim().to_string()),
            "SUMMARY" => fields.summary = unescape(value),
            "DUE" => fields.due = date_of(value, &params),
            "STATUS" => status = value.trim().to_ascii_uppercase(),
            "COMPLETED" => completed = date_of(value, &params),
            _ => {}
        }
    }
    let Some(uid) = uid.filter(|u| !u.is_empty()) else {
        return Parsed::Broken("a VTODO without a UID".to_string());
    };
    match status.as_str() {
        "COMPLETED" => fields.done = Some(completed.unwrap_or(today)),
        "CANCELLED" => fields.cancelled = true,
        _ if completed.is_some() => fields.done = completed,
        _ => {}
    }
    Parsed::Todo { uid, fields }
}

/// Content lines with folding undone (a line starting with a space or tab continues the last).
fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split('\n') {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match raw.chars().next() {
            Some(' ' | '\t') if !lines.is_empty() => {
                lines.last_mut().expect("not empty").push_str(&raw[1..]);
            }
            _ if raw.is_empty() => {}
            _ => lines.push(raw.to_string()),
        }
    }
    lines
}

/// `NAME;PARAM=x:value` → (NAME upper-cased, the parameters, value).
fn split(line: &str) -> Option<(String, String, &str)> {
    let colon = value_start(line)?;
    let (head, value) = (&line[..colon], &line[colon + 1..]);
    let (name, params) = head.split_once(';').unwrap_or((head, ""));
    Some((
        name.trim().to_ascii_uppercase(),
        params.to_ascii_uppercase(),
        value,
    ))
}

/// Where a content line's value starts: the first colon outside a quoted parameter.
fn value_start(line: &str) -> Option<usize> {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// A DATE (`20261201`) or DATE-TIME (`20261201T090000`, `…Z`) as the day it names (a UTC
/// time as the local day).
fn date_of(value: &str, params: &str) -> Option<NaiveDate> {
    use chrono::Datelike;
    let value = value.trim();
    let day = NaiveDate::parse_from_str(value.get(..8)?, "%Y%m%d").ok()?;
    // Outside the years a plan keeps, a date reads as none rather than stopping every sync.
    if !crate::model::limits::YEARS.contains(&day.year()) {
        return None;
    }
    if value.ends_with('Z') && !params.contains("VALUE=DATE;") && value.len() >= 15 {
        use chrono::TimeZone;
        let utc = chrono::NaiveDateTime::parse_from_str(&value[..15], "%Y%m%dT%H%M%S").ok()?;
        return Some(
            chrono::Utc
                .from_utc_datetime(&utc)
                .with_timezone(&chrono::Local)
                .date_naive(),
        );
    }
    Some(day)
}

/// A TEXT value with its escapes undone.
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        let fields = Fields {
            summary: "Call Sam; ask, then\nlisten".into(),
            due: Some(day(4)),
            done: None,
            cancelled: false,
        };
        let extras = Extras {
            description: "Goal: Speak".into(),
            rrule: Some("FREQ=WEEKLY".into()),
            reminder: Some(Reminder {
                days_before: 1,
                at: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            }),
        };
        let text = render("u-1@goalcoach", &fields, &extras, "20261201T090000Z");
        assert!(
            text.contains("DTSTART;VALUE=DATE:20261204\r\nRRULE:FREQ=WEEKLY\r\n"),
            "{text}"
        );
        assert!(text.contains("TRIGGER;RELATED=END:-PT15H\r\n"), "{text}");
        assert_eq!(
            parse(&text, day(1)),
            Parsed::Todo {
                uid: "u-1@goalcoach".into(),
                fields
            }
        );
    }

    #[test]
    fn a_phone_s_file_reads_with_folds_times_and_no_day_for_done() {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nUID:abc\r\nSUMMARY:Buy a \r\n notebook\r\n\
                    DUE;TZID=Europe/Berlin:20261205T180000\r\nSTATUS:COMPLETED\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
        let Parsed::Todo { uid, fields } = parse(text, day(2)) else {
            panic!("a to-do");
        };
        assert_eq!(uid, "abc");
        assert_eq!(fields.summary, "Buy a notebook");
        assert_eq!(fields.due, Some(day(5)));
        assert_eq!(fields.done, Some(day(2)), "done without a day: today");
        let event = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:e\nEND:VEVENT\nEND:VCALENDAR\n";
        assert_eq!(parse(event, day(2)), Parsed::Other);
        assert!(matches!(parse("not ics", day(2)), Parsed::Broken(_)));
        let far = "BEGIN:VCALENDAR\nBEGIN:VTODO\nUID:f\nSUMMARY:x\nDUE;VALUE=DATE:00010101\nEND:VTODO\nEND:VCALENDAR\n";
        let Parsed::Todo { fields, .. } = parse(far, day(2)) else {
            panic!("a to-do");
        };
        assert_eq!(fields.due, None, "a date no plan keeps is no date");
        let no_uid = "BEGIN:VCALENDAR\nBEGIN:VTODO\nSUMMARY:x\nEND:VTODO\nEND:VCALENDAR\n";
        assert!(matches!(parse(no_uid, day(2)), Parsed::Broken(_)));
    }

    #[test]
    fn reminders_as_triggers() {
        let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let t = |days_before, at| Reminder { days_before, at }.trigger();
        assert_eq!(t(0, at(9, 0)), "PT9H");
        assert_eq!(t(1, at(9, 0)), "-PT15H");
        assert_eq!(t(0, at(8, 30)), "PT8H30M");
        assert_eq!(t(2, at(0, 0)), "-P2D");
        assert_eq!(t(0, at(0, 0)), "PT0H");
    }
}
