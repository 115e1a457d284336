//! Bringing plans in, through the real binary on temp dirs: goalcoach's own Markdown export
//! comes back as the same tree (escaped titles included) and adds nothing the second time;
//! outlines people write (Markdown headings and lists with front matter and Obsidian dates,
//! org-mode headlines with TODO, DEADLINE, SCHEDULED, CLOSED) land where they belong, once;
//! taskwarrior's UTC stamps are read as the local day (`TZ=Europe/Berlin`), its tags,
//! annotations and recurring tasks kept, a task finished later updated, and the taskwarrior
//! export carries the same uuids back.

#[path = "common/files.rs"]
mod files;

use files::{TODAY, open, run_on_day, run_output, today};
use goalcoach::model::{GoalStatus, Plan};
use serde_json::Value;
use std::path::Path;

fn run(dir: &Path, args: &[&str]) -> String {
    run_on_day(dir, TODAY, args)
}

/// The plan in `dir`, read without taking the lock (a store opened here and dropped could
/// still hold it in a child another test is starting, and the next command would be refused).
fn plan_of(dir: &Path) -> Plan {
    goalcoach::store::read_plan(dir).expect("read").0
}

fn save(dir: &Path, plan: &Plan) {
    let (mut store, _) = open(dir);
    store.save(plan).expect("save");
}

/// The tree as text: every goal, milestone and step with what the Markdown carries.
fn shape(plan: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    for g in &plan.goals {
        out.push(format!(
            "goal {:?} deadline {:?} status {:?} specific {:?}",
            g.title, g.deadline, g.status, g.description
        ));
        let step = |s: &goalcoach::model::ActionStep| {
            format!(
                "  step {:?} due {:?} done {:?} repeats {:?} importance {}",
                s.title,
                s.due,
                s.done,
                s.recurrence.map(|r| r.to_string()),
                s.importance
            )
        };
        out.extend(g.steps.iter().map(step));
        for m in &g.milestones {
            out.push(format!(
                " milestone {:?} target {:?} done {:?}",
                m.title, m.target, m.done
            ));
            out.extend(m.steps.iter().map(step));
        }
    }
    out
}

/// The sample plan with titles Markdown would otherwise read as something else.
fn tricky_plan() -> Plan {
    let mut plan = goalcoach::app::demo::sample_plan(today());
    plan.goals[0].title = "1. Lead <script>alert(1)</script> & *ship*".into();
    plan.goals[0].milestones[0].title = "# C# [links](x) > quotes".into();
    plan.goals[0].milestones[0].steps[0].title = "- a dash, then\na line break".into();
    plan.goals[1].status = GoalStatus::Done;
    plan.goals[1].completed = Some(today());
    // Text that looks like the markers the importer reads stays text.
    let milestone = &mut plan.goals[0].milestones[0];
    milestone.steps[0].importance = 3;
    let mut marked = milestone.steps[0].clone();
    marked.title = "Call Sam 📅 2027-01-01 ✅ 2026-11-01 🔁 weekly ⏫".into();
    marked.importance = 1;
    let mut boxed = marked.clone();
    boxed.title = "[x] not done yet".into();
    for (i, mut step) in [marked, boxed].into_iter().enumerate() {
        step.id = goalcoach::model::ItemId(900 + i as u64);
        step.num = goalcoach::model::Num(900 + i as u64);
        step.due = None;
        step.done = None;
        step.recurrence = None;
        milestone.steps.push(step);
    }
    // What the card says of a goal comes back too.
    plan.goals[2].status = GoalStatus::Dropped;
    plan.goals[2].description = "Say *what* & why".into();
    plan
}

#[test]
fn the_markdown_export_imports_back_into_the_same_tree_once() {
    let from = tempfile::tempdir().unwrap();
    let plan = tricky_plan();
    save(from.path(), &plan);
    let md = from.path().join("plan.md");
    run(
        from.path(),
        &["export", "--format", "markdown", "-o", md.to_str().unwrap()],
    );

    let to = tempfile::tempdir().unwrap();
    let said = run(to.path(), &["import", md.to_str().unwrap()]);
    let (milestones, steps): (usize, usize) = plan.goals.iter().fold((0, 0), |(m, s), g| {
        (m + g.milestones.len(), s + g.all_steps().count())
    });
    assert!(
        said.contains(&format!(
            "imported {} goals, {milestones} milestones, {steps} steps",
            plan.goals.len()
        )),
        "{said}"
    );
    let mut expected = shape(&plan);
    for line in &mut expected {
        *line = line.replace("then\\na line", "then a line");
    }
    assert_eq!(shape(&plan_of(to.path())), expected);

    let before = shape(&plan_of(to.path()));
    let again = run(to.path(), &["import", md.to_str().unwrap()]);
    assert!(
        again.contains("imported 0 goals, 0 milestones, 0 steps"),
        "{again}"
    );
    assert_eq!(shape(&plan_of(to.path())), before);
    // Into the plan it came from: nothing new either (the one retitled step aside).
    let own = run(from.path(), &["import", md.to_str().unwrap()]);
    assert!(
        own.contains("imported 0 goals, 0 milestones, 1 step"),
        "{own}"
    );
}

#[test]
fn the_markdown_export_carries_the_profile_and_review_sections() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = goalcoach::app::demo::sample_plan(today());
    plan.profile.interests[0].note = "read about <consensus>".into();
    plan.reviews.push(goalcoach::model::WeeklyReview {
        week: "2026-W45".into(),
        date: today(),
        skipped: true,
        ..Default::default()
    });
    save(dir.path(), &plan);
    let md = run(dir.path(), &["export", "--format", "markdown"]);
    for expected in [
        "# Profile\n<!-- goalcoach: not a goal -->",
        "- Interests: Distributed systems (read about \\<consensus\\>)",
        "## Feedback\n\n- 2026-11-07, from Priya (principal engineer): ",
        "## Career paths\n\n- Staff engineer (fits my values 5/5)",
        "  - First experiment: Lead one architecture review",
        "Resource: Sponsor among the principal engineers (people)",
        "# Recent weekly reviews\n<!-- goalcoach: not a goal -->",
        "Weeks skipped: 2026-W45",
        "- [ ] Practise the talk with a friend 🔁 weekly 📅 2026-11-26",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
}

const HEADINGS: &str = "---
title: Career notes
tags: [career]
---
# Speak at a conference 📅 2027-03-01

Why: visibility outside my team.

- [ ] Ask Dana for a review ⏫
## Get accepted 📅 2026-12-16
1. Pick three CFPs ✅ 2026-11-10
2. Draft the abstract 📅 2026-11-30
   - with a hook
   - under 300 words

> - [ ] not a step: quoted

# Get promoted
- [x] Talk to my manager
";

const ORG: &str = "#+TITLE: Career
* TODO [#A] Learn Rust                                         :skills:
  DEADLINE: <2027-06-30 Wed>
  :PROPERTIES:
  :CREATED: [2026-11-01 Sun]
  :END:
** DONE Read the book
   CLOSED: [2026-11-12 Thu 21:04]
   - [X] Chapters 1-5
   - [ ] Chapters 6-10
** TODO Build a CLI tool
   SCHEDULED: <2026-12-05 Sat +1w>
* CANCELLED Learn Haskell
";

#[test]
fn outlines_people_write_land_where_they_belong_once() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("notes.md");
    std::fs::write(&md, HEADINGS).unwrap();
    let said = run(dir.path(), &["import", md.to_str().unwrap()]);
    assert!(
        said.contains("imported 2 goals, 1 milestone, 4 steps"),
        "{said}"
    );
    let org = dir.path().join("career.org");
    std::fs::write(&org, ORG).unwrap();
    let said = run(dir.path(), &["import", org.to_str().unwrap()]);
    assert!(
        said.contains("imported 2 goals, 2 milestones, 2 steps"),
        "{said}"
    );

    let plan = plan_of(dir.path());
    assert_eq!(
        shape(&plan),
        [
            "goal \"Speak at a conference\" deadline Some(2027-03-01) status Active specific \"\"",
            "  step \"Ask Dana for a review\" due None done None repeats None importance 3",
            " milestone \"Get accepted\" target Some(2026-12-16) done None",
            "  step \"Pick three CFPs\" due None done Some(2026-11-10) repeats None importance 2",
            "  step \"Draft the abstract\" due Some(2026-11-30) done None repeats None importance 2",
            "goal \"Get promoted\" deadline None status Active specific \"\"",
            "  step \"Talk to my manager\" due None done Some(2026-11-21) repeats None importance 2",
            "goal \"Learn Rust\" deadline Some(2027-06-30) status Active specific \"\"",
            " milestone \"Read the book\" target None done Some(2026-11-12)",
            "  step \"Chapters 1-5\" due None done Some(2026-11-21) repeats None importance 3",
            "  step \"Chapters 6-10\" due None done None repeats None importance 3",
            " milestone \"Build a CLI tool\" target Some(2026-12-05) done None",
            "goal \"Learn Haskell\" deadline None status Dropped specific \"\"",
        ]
    );
    assert_eq!(plan.goals[0].steps[0].importance, 3);
    let abstract_step = &plan.goals[0].milestones[0].steps[1];
    assert_eq!(abstract_step.notes, "- with a hook\n- under 300 words");
    assert_eq!(plan.goals[2].tags, ["skills"]);
    assert_eq!(plan.goals[2].importance, 3);
    let chapters = &plan.goals[2].milestones[0].steps[0];
    assert_eq!(chapters.importance, 3, "a step takes its goal's importance");
    assert_eq!(plan.goals[3].status, GoalStatus::Dropped);

    let before = std::fs::read(dir.path().join("plan.json")).unwrap();
    for file in [&md, &org] {
        let again = run(dir.path(), &["import", file.to_str().unwrap()]);
        assert!(
            again.contains("imported 0 goals, 0 milestones, 0 steps"),
            "{again}"
        );
    }
    let after: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("plan.json")).unwrap()).unwrap();
    let before: Value = serde_json::from_slice(&before).unwrap();
    assert_eq!(
        after["goals"], before["goals"],
        "a second import adds nothing"
    );

    // Ticked off since: marked done, nothing added.
    let ticked = HEADINGS.replace("- [ ] Ask Dana", "- [x] Ask Dana");
    std::fs::write(&md, ticked).unwrap();
    let said = run(dir.path(), &["import", md.to_str().unwrap()]);
    assert!(said.contains("marked 1 item done"), "{said}");
    assert!(plan_of(dir.path()).goals[0].steps[0].is_done());
}

#[test]
fn an_outline_entry_with_no_text_names_its_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), &["add", "Existing goal"]);
    let before = std::fs::read(dir.path().join("plan.json")).unwrap();
    let md = dir.path().join("bad.md");
    std::fs::write(&md, "# Good goal\n\n-\n  - child of nothing\n").unwrap();
    let out = run_output(dir.path(), TODAY, &["import", md.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 3: this entry has no text"), "{err}");
    let empty = dir.path().join("prose.md");
    std::fs::write(&empty, "Just some prose.\n\nNo lists here.\n").unwrap();
    let out = run_output(dir.path(), TODAY, &["import", empty.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to import"));
    assert_eq!(std::fs::read(dir.path().join("plan.json")).unwrap(), before);
}

const TASKS: &str = r#"[
  {"uuid":"a1","description":"Write abstract","project":"Talk","status":"pending","entry":"20261101T090000Z","due":"20261130T230000Z","priority":"H","tags":["writing"],"annotations":[{"entry":"20261110T090000Z","description":"ask Dana first"}]},
  {"uuid":"t1","description":"1:1 notes","project":"Talk","status":"recurring","recur":"weekly","due":"20261122T230000Z"},
  {"uuid":"i1","description":"1:1 notes","project":"Talk","status":"pending","parent":"t1","recur":"weekly","due":"20261122T230000Z"}
]"#;

fn run_in_berlin(dir: &Path, args: &[&str], stdin: Option<&str>) -> String {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_goalcoach"))
        .arg("--data-dir")
        .arg(dir)
        .args(["--today", TODAY])
        .args(args)
        .env_remove("GOALCOACH_DATA_DIR")
        .env("GOALCOACH_CONFIG", dir.join("no-config.toml"))
        .env("TZ", "Europe/Berlin")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        let mut input = input;
        input.write_all(text.as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn taskwarrior_both_ways_in_the_users_time_zone() {
    let dir = tempfile::tempdir().unwrap();
    let said = run_in_berlin(dir.path(), &["import", "-"], Some(TASKS));
    assert!(said.contains("imported 2 tasks into 1 new goal"), "{said}");
    let plan = plan_of(dir.path());
    let talk = &plan.goals[0];
    assert_eq!(talk.title, "Talk");
    assert_eq!(talk.steps.len(), 2, "a recurring task is one step");
    let write = &talk.steps[0];
    assert_eq!(
        write.due.unwrap().to_string(),
        "2026-12-01",
        "the local day in Berlin"
    );
    assert_eq!(write.notes, "Tags: writing\n2026-11-10: ask Dana first");
    assert_eq!(write.importance, 3);
    let notes = &talk.steps[1];
    assert_eq!(notes.due.unwrap().to_string(), "2026-11-23");
    assert_eq!(notes.recurrence.unwrap().to_string(), "weekly");

    // Finished in taskwarrior since: updated, not added.
    let later = TASKS.replace(
        r#""status":"pending","entry""#,
        r#""status":"completed","end":"20261120T200000Z","entry""#,
    );
    let said = run_in_berlin(dir.path(), &["import", "-"], Some(&later));
    assert!(
        said.contains("imported 0 tasks into 0 new goals; updated 1 step"),
        "{said}"
    );
    let plan = plan_of(dir.path());
    assert_eq!(
        plan.goals[0].steps[0].done.unwrap().to_string(),
        "2026-11-20"
    );

    // Out for `task import`: open steps, the goal as project, due as local midnight in UTC.
    run(
        dir.path(),
        &[
            "add",
            "Rehearse",
            "--under",
            "1",
            "--step",
            "--due",
            "2026-12-01",
        ],
    );
    let out = run_in_berlin(dir.path(), &["export", "--format", "taskwarrior"], None);
    let tasks: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(tasks.len(), 3, "the done step goes out completed: {out}");
    assert!(
        tasks.iter().any(|t| t["uuid"] == "t1"),
        "a step keeps the uuid it came with: {out}"
    );
    let done: Vec<&Value> = tasks
        .iter()
        .filter(|t| t["status"] == "completed")
        .collect();
    assert_eq!(done.len(), 1, "{out}");
    assert!(done[0]["end"].as_str().unwrap().ends_with('Z'), "{out}");
    let rehearse = tasks
        .iter()
        .find(|t| t["description"] == "Rehearse")
        .unwrap();
    assert_eq!(rehearse["description"], "Rehearse");
    assert_eq!(rehearse["project"], "Talk");
    assert_eq!(rehearse["status"], "pending");
    assert_eq!(rehearse["due"], "20261130T230000Z");
    assert!(rehearse["entry"].as_str().unwrap().ends_with('Z'));
    // And back: the same steps, nothing added.
    let said = run_in_berlin(dir.path(), &["import", "-"], Some(&out));
    assert!(said.contains("imported 0 tasks into 0 new goals"), "{said}");
}

/// goalcoach's org export, parsed by Python's orgparse when it is there (CI installs it):
/// every headline is there with its TODO keyword, deadline and goalcoach id.
fn check_with_orgparse(org: &Path, plan: &Plan) {
    let script = r#"
import sys, orgparse
root = orgparse.load(sys.argv[1])
for n in root[1:]:
    d = n.deadline.start.strftime("%Y-%m-%d") if n.deadline else "-"
    print(n.level, n.todo or "-", d, n.properties.get("GOALCOACH_ID", "-"), n.heading)
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", script, org.to_str().unwrap()])
        .output();
    let Some(out) = out.ok().filter(|o| o.status.success()) else {
        assert!(
            std::env::var_os("GOALCOACH_REQUIRE_CLIENTS").is_none(),
            "Python's orgparse is not installed, and GOALCOACH_REQUIRE_CLIENTS says it must be"
        );
        eprintln!("SKIPPED: the orgparse cross-check (pip install orgparse to run it)");
        return;
    };
    let parsed = String::from_utf8(out.stdout).unwrap();
    let mut expected = Vec::new();
    let todo = |done: bool| if done { "DONE" } else { "TODO" };
    let date = |d: Option<chrono::NaiveDate>| d.map_or("-".to_string(), |d| d.to_string());
    for g in &plan.goals {
        let word = match g.status {
            GoalStatus::Active => "TODO",
            GoalStatus::OnHold => "HOLD",
            GoalStatus::Done => "DONE",
            GoalStatus::Dropped => "CANCELLED",
        };
        expected.push(format!("1 {word} {} {}", date(g.deadline), g.id.0));
        for s in &g.steps {
            expected.push(format!(
                "2 {} {} {}",
                todo(s.is_done()),
                date(s.due),
                s.id.0
            ));
        }
        for m in &g.milestones {
            expected.push(format!(
                "2 {} {} {}",
                todo(m.is_done()),
                date(m.target),
                m.id.0
            ));
            for s in &m.steps {
                expected.push(format!(
                    "3 {} {} {}",
                    todo(s.is_done()),
                    date(s.due),
                    s.id.0
                ));
            }
        }
    }
    let got: Vec<String> = parsed
        .lines()
        .map(|l| l.splitn(5, ' ').take(4).collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(got, expected, "{parsed}");
}

#[test]
fn the_org_export_reads_back_to_the_same_plan_and_an_edited_copy_updates_it() {
    let from = tempfile::tempdir().unwrap();
    let mut plan = goalcoach::app::demo::sample_plan(today());
    plan.goals[0].status = GoalStatus::OnHold;
    plan.goals[1].status = GoalStatus::Dropped;
    plan.goals[1].completed = Some(today());
    save(from.path(), &plan);
    let org = from.path().join("plan.org");
    run(
        from.path(),
        &["export", "--format", "org", "-o", org.to_str().unwrap()],
    );
    check_with_orgparse(&org, &plan_of(from.path()));

    let to = tempfile::tempdir().unwrap();
    run(to.path(), &["import", org.to_str().unwrap()]);
    assert_eq!(shape(&plan_of(to.path())), shape(&plan_of(from.path())));
    let again = run(from.path(), &["import", org.to_str().unwrap()]);
    assert!(
        again.contains("imported 0 goals, 0 milestones, 0 steps"),
        "{again}"
    );
    assert!(
        again.contains("everything in it is in the plan already"),
        "{again}"
    );

    // Edited in Emacs: a step retitled, re-dated and marked done.
    let text = std::fs::read_to_string(&org).unwrap();
    let step = &plan.goals[0].milestones[0].steps[1];
    let old_line = text
        .lines()
        .find(|l| l.starts_with("*** ") && l.contains(&step.title))
        .unwrap()
        .to_string();
    let new_line = old_line
        .replacen("TODO", "DONE", 1)
        .replace(&step.title, "Retitled in Emacs");
    let edited = text.replacen(
        &old_line,
        &format!("{new_line}\n    DEADLINE: <2027-01-15 Fri> CLOSED: [2026-11-20 Fri 09:00]"),
        1,
    );
    let edited = drop_planning_after(&edited, &new_line);
    std::fs::write(&org, edited).unwrap();
    let said = run(from.path(), &["import", org.to_str().unwrap()]);
    assert!(
        said.contains("imported 0 goals, 0 milestones, 0 steps"),
        "{said}"
    );
    assert!(said.contains("retitled or re-dated 1 item"), "{said}");
    let after = plan_of(from.path());
    let moved = after.step(step.id).unwrap();
    assert_eq!(moved.title, "Retitled in Emacs");
    assert_eq!(moved.due.unwrap().to_string(), "2027-01-15");
    assert_eq!(
        moved.done.map(|d| d.to_string()).as_deref(),
        Some("2026-11-20")
    );
}

/// `text` with the planning line that followed `headline` before the edit taken out (the
/// edit put its own right under the headline).
fn drop_planning_after(text: &str, headline: &str) -> String {
    let mut out = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        out.push(line);
        if line == headline {
            out.push(lines.next().unwrap()); // the edit's planning line
            if lines
                .peek()
                .is_some_and(|l| l.trim_start().starts_with("DEADLINE:"))
            {
                lines.next();
            }
        }
    }
    out.join("\n") + "\n"
}
