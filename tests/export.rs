//! Exports read back by other tools: the ICS through Python's independent `icalendar`
//! package (installed by `.ci/run`; the check says it skipped where the package is missing),
//! the CSV through the `csv` crate's reader.

use chrono::NaiveDate;
use goalcoach::app::demo::sample_plan;
use goalcoach::export::{CSV_COLUMNS, csv, ics};
use std::io::Write;
use std::process::{Command, Stdio};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

const PARSE: &str = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
for c in cal.walk():
    if c.name in ("VEVENT", "VTODO"):
        when = c.get("dtstart") or c.get("due")
        print(c.name, c.get("uid"), when.dt.isoformat(), c.get("summary"), sep="\t")
"#;

/// What Python's icalendar reads from `text`, or `None` when it is not installed.
fn python_read(text: &str) -> Option<Vec<Vec<String>>> {
    let check = Command::new("python3")
        .args(["-c", "import icalendar"])
        .output()
        .ok()?;
    if !check.status.success() {
        eprintln!("skipped: the Python icalendar package is not installed (.ci/run installs it)");
        return None;
    }
    let mut child = Command::new("python3")
        .args(["-c", PARSE])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(text.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    assert!(
        out.status.success(),
        "python could not parse: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect(),
    )
}

#[test]
fn ics_parses_in_an_independent_reader_with_stable_uids() {
    let mut plan = sample_plan(today());
    plan.goals[0].title = "Lead, plan; ship \\ \"it\"".into();
    let text = ics(&plan);
    assert!(text.contains("\r\n"), "RFC 5545 lines end in CRLF");
    let Some(items) = python_read(&text) else {
        return;
    };
    let deadline = items
        .iter()
        .find(|i| i[1] == "goalcoach-demo-1@goalcoach")
        .expect("goal 1");
    assert_eq!(deadline[0], "VEVENT");
    assert_eq!(deadline[2], plan.goals[0].deadline.unwrap().to_string());
    assert_eq!(
        deadline[3], "Deadline: Lead, plan; ship \\ \"it\"",
        "text survives escaping"
    );
    // Every dated step of a goal not on hold: done ones stay in, marked COMPLETED.
    let dated_steps = plan
        .goals
        .iter()
        .filter(|g| g.status != goalcoach::model::GoalStatus::OnHold)
        .flat_map(|g| g.all_steps())
        .filter(|s| s.due.is_some())
        .count();
    assert_eq!(
        items.iter().filter(|i| i[0] == "VTODO").count(),
        dated_steps
    );
    let again = python_read(&ics(&plan)).unwrap();
    let uids = |v: &[Vec<String>]| v.iter().map(|i| i[1].clone()).collect::<Vec<_>>();
    assert_eq!(
        uids(&items),
        uids(&again),
        "the same plan gives the same UIDs"
    );
}

#[test]
fn csv_opens_with_the_expected_columns_and_a_row_per_step() {
    let plan = sample_plan(today());
    let bytes = csv(&plan).unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(headers, CSV_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let steps: usize = plan.goals.iter().map(|g| g.all_steps().count()).sum();
    assert_eq!(rows.len(), steps);
    let first = &rows[0];
    assert_eq!(&first[1], "Move into a staff engineer role");
    assert_eq!(&first[3], "Lead the payments migration end to end");
    assert_eq!(&first[5], "Write the migration design doc");
    assert!(!first[7].is_empty(), "done date");
}

#[test]
fn markdown_has_the_profile_the_goals_with_check_ins_and_recent_reviews() {
    let mut plan = sample_plan(today());
    plan.reviews.push(goalcoach::model::WeeklyReview {
        week: "2026-W46".into(),
        date: today(),
        wins: vec!["Design doc approved".into()],
        reflection: "Protect the focus blocks".into(),
        ..Default::default()
    });
    let md = goalcoach::report::markdown(&plan, today());
    for expected in [
        "# Profile",
        "- Role: Senior backend engineer, payments team (satisfaction 7/10)",
        "- Values: growth (Learning something hard every quarter); impact",
        "# Move into a staff engineer role ⏫ 📅 2027-06-29",
        "Status: active, progress",
        "Specific: Be promoted to staff engineer",
        "Barrier: Little visibility outside my own team",
        "Check-in: 2026-11-14 (confidence 3/5): Design doc well received",
        "# Recent weekly reviews",
        "- 2026-W46 (2026-11-21): Design doc approved",
        "  - Protect the focus blocks",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
}

#[test]
fn markdown_ends_with_a_brag_document_by_quarter_newest_first() {
    use goalcoach::model::profile::Achievement;
    let mut plan = sample_plan(today());
    let a = |date: &str, what: &str| Achievement {
        date: date.parse().unwrap(),
        what: what.into(),
        ..Default::default()
    };
    plan.profile.achievements = vec![
        a("2026-02-10", "Shipped the billing rewrite"),
        Achievement {
            evidence: "40% fewer pages".into(),
            strengths: vec!["Explaining complex systems".into()],
            goal: Some(plan.goals[0].id),
            ..a("2026-11-02", "Led the incident review")
        },
        a("2026-10-05", "Mentored two new joiners"),
    ];
    let md = goalcoach::report::markdown(&plan, today());
    let brag = &md[md.find("# Brag document").expect("a brag section")..];
    let q4 = brag.find("## 2026 Q4").unwrap();
    let q1 = brag.find("## 2026 Q1").unwrap();
    assert!(q4 < q1, "newest quarter first");
    let led = brag.find("Led the incident review").unwrap();
    assert!(
        led < brag.find("Mentored two new joiners").unwrap(),
        "newest first within a quarter"
    );
    assert!(brag.contains("- 2026-11-02 — Led the incident review. 40% fewer pages (goal: Move into a staff engineer role) \\[strengths: Explaining complex systems\\]"), "{brag}");
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_defused_and_read_back_as_text() {
    let mut plan = sample_plan(today());
    plan.goals[0].title = "=HYPERLINK(\"http://evil\",\"x\")".into();
    plan.goals[0].milestones[0].title = "+1+1".into();
    let steps = &mut plan.goals[0].milestones[0].steps;
    steps[0].title = "@SUM(A1)".into();
    steps[1].title = "-2, and a \"quote\"".into();
    let bytes = csv(&plan).unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][1], "'=HYPERLINK(\"http://evil\",\"x\")");
    assert_eq!(&rows[0][3], "'+1+1");
    assert_eq!(&rows[0][5], "'@SUM(A1)");
    assert_eq!(&rows[1][5], "'-2, and a \"quote\"");
    let plain = rows.iter().find(|r| &r[5] == "Ask Priya for a monthly 1:1");
    assert!(plain.is_some(), "ordinary text is left as it is");
    let repeating = rows.iter().find(|r| !r[10].is_empty()).unwrap();
    assert_eq!(&repeating[10], "weekly");
}

#[test]
fn ics_keeps_done_and_dropped_items_and_repeats_with_an_rrule() {
    use goalcoach::model::{GoalStatus, Recurrence};
    let mut plan = sample_plan(today());
    let done_step = plan.goals[0]
        .all_steps()
        .find(|s| s.is_done() && s.due.is_some())
        .map(|s| s.id)
        .unwrap();
    plan.goals[1].status = GoalStatus::Dropped;
    plan.goals[2].steps[0].recurrence = Some(Recurrence::parse("every 2 weeks").unwrap());
    let text = ics(&plan);
    let unfolded = text.replace("\r\n ", "");
    let block = |uid_part: String| {
        let at = unfolded.find(&uid_part).unwrap();
        let start = unfolded[..at].rfind("BEGIN:").unwrap();
        unfolded[start..at].to_string()
    };
    assert!(text.contains("PRODID:-//goalcoach//goalcoach//EN"));
    let done = block(format!("-{}@goalcoach", done_step.0));
    assert!(
        done.contains("STATUS:COMPLETED") && done.contains("COMPLETED:"),
        "{done}"
    );
    let dropped_goal = block(format!("-{}@goalcoach", plan.goals[1].id.0));
    assert!(dropped_goal.contains("STATUS:CANCELLED"), "{dropped_goal}");
    let repeating = block(format!("-{}@goalcoach", plan.goals[2].steps[0].id.0));
    assert!(
        repeating.contains("RRULE:FREQ=WEEKLY;INTERVAL=2"),
        "{repeating}"
    );
    let due = plan.goals[2].steps[0]
        .due
        .unwrap()
        .format("%Y%m%d")
        .to_string();
    assert!(
        repeating.contains(&format!("DTSTART;VALUE=DATE:{due}")),
        "RFC 5545: an RRULE needs its DTSTART\n{repeating}"
    );
    // A goal put on hold keeps its items in the calendar, marked, instead of vanishing.
    let mut held = plan.clone();
    held.goals[2].status = GoalStatus::OnHold;
    let text_held = ics(&held).replace("\r\n ", "");
    let goal = &held.goals[2];
    let first_dated = goal.all_steps().find(|s| s.due.is_some()).unwrap();
    let at = text_held
        .find(&format!("-{}@goalcoach", first_dated.id.0))
        .unwrap();
    let start = text_held[..at].rfind("BEGIN:VTODO").unwrap();
    assert!(
        text_held[start..at].contains("(on hold)"),
        "{}",
        &text_held[start..at]
    );
    plan.goals[0].notes = "a raw\rcarriage return".into();
    plan.goals[0].description = "line one\r\nline two\rthree".into();
    let text = ics(&plan);
    assert!(
        text.split("\r\n").all(|line| !line.contains('\r')),
        "no stray CR inside a line"
    );
    if let Some(items) = python_read(&text) {
        assert!(items.len() > 5, "an independent reader still reads it");
    }
}
