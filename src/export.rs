//! Exports for other tools: an iCalendar file (goal deadlines and milestone targets as
//! all-day events — "(done)" once done, CANCELLED with a dropped goal — dated steps as
//! to-dos — done ones COMPLETED, dropped goals' CANCELLED, on-hold goals' marked so,
//! repeating ones with DTSTART and an RRULE — stable UIDs so a re-import updates rather than
//! duplicates) and a CSV of every step for spreadsheets, with cells a spreadsheet would run
//! as a formula defused. Reads the plan; changes nothing.

use crate::ics::{Ics, rrule};
use crate::model::{ActionStep, Goal, GoalStatus, ItemId, Num, Plan};
use anyhow::{Context, Result};
use chrono::NaiveDate;

/// The stable UID of an item: the same item always gets the same UID.
fn uid(plan: &Plan, id: ItemId) -> String {
    format!("goalcoach-{}-{}@goalcoach", plan.uid, id.0)
}

/// The plan's dates as an iCalendar (RFC 5545) document. Written by hand, in one pass: the
/// time is linear in the text, however long a title or description is.
pub fn ics(plan: &Plan) -> String {
    let mut cal = Ics::default();
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    for (name, value) in [
        ("BEGIN", "VCALENDAR"),
        ("VERSION", "2.0"),
        ("PRODID", "-//goalcoach//goalcoach//EN"),
        ("CALSCALE", "GREGORIAN"),
    ] {
        cal.raw(name, value);
    }
    cal.text("NAME", "goalcoach");
    cal.text("X-WR-CALNAME", "goalcoach");
    for goal in &plan.goals {
        write_goal(&mut cal, plan, goal, &stamp);
    }
    cal.raw("END", "VCALENDAR");
    cal.out
}

/// A goal's deadline and milestone targets as events and its dated steps as to-dos. What is
/// done stays in, marked so (a calendar that had it updates it instead of keeping it open);
/// a dropped goal's items are cancelled; an on-hold goal's stay, marked "(on hold)" and its
/// events TENTATIVE, so a calendar that had them updates them instead of keeping stale ones.
fn write_goal(cal: &mut Ics, plan: &Plan, goal: &Goal, stamp: &str) {
    let dropped = goal.status == GoalStatus::Dropped;
    let on_hold = goal.status == GoalStatus::OnHold;
    let status = match (dropped, on_hold) {
        (true, _) => "CANCELLED",
        (_, true) => "TENTATIVE",
        _ => "CONFIRMED",
    };
    let held = if on_hold { " (on hold)" } else { "" };
    let done_mark = move |done: bool| if done { " (done)" } else { held };
    if let Some(deadline) = goal.deadline {
        let about = if goal.description.is_empty() {
            "A goalcoach goal"
        } else {
            &goal.description
        };
        let finished = done_mark(goal.status == GoalStatus::Done);
        let summary = format!("Deadline: {}{finished}", goal.title);
        cal.all_day(
            &uid(plan, goal.id),
            (stamp, status),
            &summary,
            about,
            deadline,
        );
    }
    for m in &goal.milestones {
        if let Some(target) = m.target {
            let summary = format!("Milestone: {}{}", m.title, done_mark(m.is_done()));
            let about = format!("Goal: {}", goal.title);
            cal.all_day(&uid(plan, m.id), (stamp, status), &summary, &about, target);
        }
    }
    for step in goal.all_steps() {
        if let Some(due) = step.due {
            cal.todo(&uid(plan, step.id), (stamp, dropped, held), goal, step, due);
        }
    }
}

/// The export's own components, written on an `Ics` document.
trait Components {
    fn all_day(
        &mut self,
        uid: &str,
        stamp_status: (&str, &str),
        summary: &str,
        about: &str,
        date: NaiveDate,
    );
    fn todo(
        &mut self,
        uid: &str,
        flags: (&str, bool, &str),
        goal: &Goal,
        step: &ActionStep,
        due: NaiveDate,
    );
}

impl Components for Ics {
    /// An all-day event: DTEND is the next day, as RFC 5545 has it for dates.
    fn all_day(
        &mut self,
        uid: &str,
        (stamp, status): (&str, &str),
        summary: &str,
        about: &str,
        date: NaiveDate,
    ) {
        self.raw("BEGIN", "VEVENT");
        self.raw("DTSTAMP", stamp);
        self.text("DESCRIPTION", about);
        let end = date.succ_opt().unwrap_or(date);
        self.raw("DTEND;VALUE=DATE", &end.format("%Y%m%d").to_string());
        self.raw("DTSTART;VALUE=DATE", &date.format("%Y%m%d").to_string());
        self.raw("STATUS", status);
        self.text("SUMMARY", summary);
        self.raw("UID", uid);
        self.raw("END", "VEVENT");
    }

    /// A step as a to-do: due on its date, COMPLETED once done, CANCELLED with its goal
    /// dropped, "(on hold)" with its goal on hold; a repeating one carries its RRULE and the
    /// DTSTART RFC 5545 requires with it (its current due day, where the series goes on).
    fn todo(
        &mut self,
        uid: &str,
        (stamp, dropped, held): (&str, bool, &str),
        goal: &Goal,
        step: &ActionStep,
        due: NaiveDate,
    ) {
        self.raw("BEGIN", "VTODO");
        self.raw("DTSTAMP", stamp);
        self.text("DESCRIPTION", &format!("Goal: {}", goal.title));
        self.raw("DUE;VALUE=DATE", &due.format("%Y%m%d").to_string());
        if let Some(done) = step.done.filter(|_| !dropped) {
            self.raw("STATUS", "COMPLETED");
            self.raw("COMPLETED", &format!("{}T120000Z", done.format("%Y%m%d")));
        } else if dropped {
            self.raw("STATUS", "CANCELLED");
        } else {
            self.raw("STATUS", "NEEDS-ACTION");
        }
        if let Some(rule) = step.recurrence.and_then(rrule) {
            self.raw("DTSTART;VALUE=DATE", &due.format("%Y%m%d").to_string());
            self.raw("RRULE", &rule);
        }
        let held = if step.is_done() { "" } else { held };
        self.text("SUMMARY", &format!("{}{held}", step.title));
        self.raw("UID", uid);
        self.raw("END", "VTODO");
    }
}

/// The columns of the CSV export, in order.
pub const CSV_COLUMNS: [&str; 11] = [
    "goal_id",
    "goal",
    "milestone_id",
    "milestone",
    "step_id",
    "step",
    "due",
    "done",
    "importance",
    "urgency",
    "repeats",
];

/// What starts a cell a spreadsheet would run as a formula (CSV injection).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell a spreadsheet shows as written: one starting like a formula gets a leading
/// apostrophe (the OWASP advice), which spreadsheets show as text and hide.
fn defused(text: &str) -> String {
    if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The byte order mark some spreadsheets need to read UTF-8 as UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Every step as a CSV row, with its goal and milestone.
pub fn csv(plan: &Plan) -> Result<Vec<u8>> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(CSV_COLUMNS)?;
    for goal in &plan.goals {
        for m in &goal.milestones {
            for s in &m.steps {
                out.write_record(step_row(goal, Some((m.num, &m.title)), s))?;
            }
        }
        for s in &goal.steps {
            out.write_record(step_row(goal, None, s))?;
        }
    }
    out.into_inner().context("cannot finish the CSV")
}

/// The `*_id` columns hold the short numbers `goalcoach list` shows.
fn step_row(goal: &Goal, milestone: Option<(Num, &str)>, s: &ActionStep) -> Vec<String> {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let repeats = s.recurrence.map(|r| r.to_string()).unwrap_or_default();
    vec![
        goal.num.0.to_string(),
        defused(&goal.title),
        milestone
            .map(|(num, _)| num.0.to_string())
            .unwrap_or_default(),
        milestone.map(|(_, t)| defused(t)).unwrap_or_default(),
        s.num.0.to_string(),
        defused(&s.title),
        date(s.due),
        date(s.done),
        s.importance.to_string(),
        s.urgency.to_string(),
        repeats,
    ]
}

#[cfg(test)]
mod ics_tests {
    use super::*;
    use crate::model::Goal;

    #[test]
    fn long_text_is_folded_at_75_octets_and_unfolds_to_the_original() {
        let mut plan = Plan::default();
        let title = "Überprüfen, ob; \\ 日本語🎯 ".repeat(4_000);
        let mut goal = Goal::new(
            ItemId(1),
            &title,
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        );
        goal.deadline = NaiveDate::from_ymd_opt(2026, 3, 1);
        plan.goals.push(goal);
        let text = ics(&plan);
        assert!(
            text.split("\r\n")
                .all(|line| line.len() <= crate::ics::FOLD_AT)
        );
        let unfolded = text.replace("\r\n ", "");
        let summary = unfolded
            .lines()
            .find_map(|l| l.strip_prefix("SUMMARY:"))
            .unwrap()
            .trim_end_matches('\r');
        let back = summary
            .replace("\\\\", "\u{0}")
            .replace("\\;", ";")
            .replace("\\,", ",")
            .replace('\u{0}', "\\");
        assert_eq!(back, format!("Deadline: {title}"));
    }
}
