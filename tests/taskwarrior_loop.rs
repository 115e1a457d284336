//! The taskwarrior round trip against the real `task` (2.6, Debian's package, which `.ci/run`
//! installs): goalcoach's export imported into task, work done there (an annotation, a tag,
//! an occurrence of a repeating step and of a recurring task completed), `task export` read
//! back, goalcoach's own work (a step done) sent out again — three times round. Whatever
//! either side did survives every turn, and nothing is duplicated.
//!
//! Without `task` on PATH the test says so and passes, unless `GOALCOACH_REQUIRE_CLIENTS` is
//! set (CI sets it), where a missing client is a failure.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Stdio};

const TODAY: &str = "2026-12-02";

struct Loop {
    _root: tempfile::TempDir,
    data: PathBuf,
    taskrc: PathBuf,
}

impl Loop {
    fn new() -> Loop {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("goalcoach");
        let taskrc = root.path().join("taskrc");
        let taskdata = root.path().join("task");
        std::fs::create_dir_all(&taskdata).unwrap();
        std::fs::write(
            &taskrc,
            format!(
                "data.location={}\nconfirmation=off\nrecurrence.confirmation=no\n\
                 verbose=nothing\njson.array=on\nnews.version=2.6.2\nrecurrence.limit=4\n",
                taskdata.display()
            ),
        )
        .unwrap();
        Loop {
            _root: root,
            data,
            taskrc,
        }
    }

    fn goalcoach(&self, args: &[&str], input: Option<&str>) -> String {
        run(
            Command::new(env!("CARGO_BIN_EXE_goalcoach"))
                .arg("--data-dir")
                .arg(&self.data)
                .args(["--today", TODAY])
                .args(args)
                .env("GOALCOACH_CONFIG", self.data.join("no-config.toml"))
                .env("TZ", "UTC"),
            input,
        )
    }

    fn task(&self, args: &[&str], input: Option<&str>) -> String {
        run(
            Command::new("task")
                .args(args)
                .env("TASKRC", &self.taskrc)
                .env("TZ", "UTC"),
            input,
        )
    }

    fn tasks(&self) -> Vec<Value> {
        serde_json::from_str(&self.task(&["export"], None)).unwrap()
    }

    /// goalcoach's export, imported into task.
    fn out_to_task(&self) {
        let out = self.goalcoach(&["export", "--format", "taskwarrior"], None);
        self.task(&["import", "-"], Some(&out));
    }

    /// task's export, imported into goalcoach.
    fn in_from_task(&self) -> String {
        let out = self.task(&["export"], None);
        self.goalcoach(&["import", "-"], Some(&out))
    }

    fn plan(&self) -> Value {
        serde_json::from_str(&std::fs::read_to_string(self.data.join("plan.json")).unwrap())
            .unwrap()
    }

    /// The step of the plan titled `title`.
    fn step(&self, title: &str) -> Value {
        let plan = self.plan();
        let steps = plan["goals"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|g| g["steps"].as_array().unwrap().clone());
        let found = steps.filter(|s| s["title"] == title).collect::<Vec<_>>();
        assert_eq!(found.len(), 1, "one step “{title}”: {plan}");
        found[0].clone()
    }
}

fn run(cmd: &mut Command, input: Option<&str>) -> String {
    use std::io::Write;
    let mut child = cmd
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = input {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn have_task() -> bool {
    let found = Command::new("task")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("GOALCOACH_REQUIRE_CLIENTS").is_none(),
            "taskwarrior (`task`) is not installed, and GOALCOACH_REQUIRE_CLIENTS says it must be"
        );
        eprintln!("SKIPPED: taskwarrior (`task`) is not on PATH; install it to run this test");
    }
    found
}

fn with_description<'a>(tasks: &'a [Value], description: &str) -> Vec<&'a Value> {
    tasks
        .iter()
        .filter(|t| t["description"] == description)
        .collect()
}

fn uuid_of_first_pending(tasks: &[Value], description: &str) -> String {
    let mut open: Vec<&Value> = with_description(tasks, description)
        .into_iter()
        .filter(|t| t["status"] == "pending")
        .collect();
    assert!(!open.is_empty(), "no open “{description}” in {tasks:#?}");
    open.sort_by_key(|t| t["due"].as_str().unwrap_or_default().to_string());
    open[0]["uuid"].as_str().unwrap().to_string()
}

#[test]
fn work_done_in_task_and_in_goalcoach_survives_three_rounds() {
    if !have_task() {
        return;
    }
    let lp = Loop::new();
    let outline = "# Give a talk\n\n- [ ] Draft abstract 📅 2026-12-05\n\
                   - [ ] Practice out loud 📅 2026-12-03 🔁 weekly\n\
                   - [ ] Book the room 📅 2026-12-10\n";
    let outline_file = lp._root.path().join("talk.md");
    std::fs::write(&outline_file, outline).unwrap();
    lp.goalcoach(&["import", outline_file.to_str().unwrap()], None);
    // A recurring task made in task itself.
    lp.task(
        &[
            "add",
            "Weekly 1:1",
            "project:Give a talk",
            "due:2026-12-04",
            "recur:weekly",
        ],
        None,
    );

    for round in 1..=3usize {
        lp.out_to_task();
        let tasks = lp.tasks();
        // Work in task: an annotation and a tag (first round), an occurrence of each
        // repeating one done.
        if round == 1 {
            let draft = uuid_of_first_pending(&tasks, "Draft abstract");
            lp.task(&[&draft, "annotate", "ask Dana for the template"], None);
            lp.task(&[&draft, "modify", "+speaking"], None);
        }
        let practice = uuid_of_first_pending(&tasks, "Practice out loud");
        lp.task(&[&practice, "done"], None);
        let weekly = uuid_of_first_pending(&tasks, "Weekly 1:1");
        lp.task(&[&weekly, "done"], None);
        let said = lp.in_from_task();
        // The recurring task made in task comes in once, as one step; nothing else is new.
        let added = if round == 1 {
            "imported 1 task "
        } else {
            "imported 0 tasks "
        };
        assert!(said.starts_with(added), "round {round}: {said}");

        let practice = lp.step("Practice out loud");
        assert_eq!(
            practice["history"].as_array().map(Vec::len),
            Some(round),
            "round {round}: each occurrence done in task is recorded once: {practice}"
        );
        let weekly = lp.step("Weekly 1:1");
        assert_eq!(
            weekly["history"].as_array().map(Vec::len),
            Some(round),
            "round {round}: the recurring task's done instances: {weekly}"
        );
        let draft = lp.step("Draft abstract");
        assert!(
            draft["notes"]
                .as_str()
                .unwrap()
                .contains("ask Dana for the template"),
            "round {round}: the annotation came in: {draft}"
        );
        if round == 2 {
            // Work in goalcoach: a step done here.
            let num = lp.step("Book the room")["num"]
                .as_u64()
                .unwrap()
                .to_string();
            lp.goalcoach(&["done", &num], None);
        }
    }
    lp.out_to_task();
    let tasks = lp.tasks();
    let draft = with_description(&tasks, "Draft abstract");
    assert_eq!(draft.len(), 1, "{draft:?}");
    let notes = draft[0]["annotations"]
        .as_array()
        .expect("annotations kept");
    assert_eq!(notes.len(), 1, "kept once, never erased: {notes:?}");
    let tags: Vec<&str> = draft[0]["tags"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        tags.contains(&"speaking"),
        "the tag added in task stays: {tags:?}"
    );
    let book = with_description(&tasks, "Book the room");
    assert_eq!(
        (book.len(), book[0]["status"].as_str()),
        (1, Some("completed")),
        "done in goalcoach reaches task: {book:?}"
    );
    let practice = with_description(&tasks, "Practice out loud");
    let open = practice.iter().filter(|t| t["status"] == "pending").count();
    let done = practice
        .iter()
        .filter(|t| t["status"] == "completed")
        .count();
    assert_eq!(
        (open, done),
        (1, 3),
        "one task per occurrence: {practice:?}"
    );
    let weekly = with_description(&tasks, "Weekly 1:1");
    let templates = weekly.iter().filter(|t| t["status"] == "recurring").count();
    let done = weekly.iter().filter(|t| t["status"] == "completed").count();
    assert_eq!(
        (templates, done),
        (1, 3),
        "task's recurrence is left whole: {weekly:?}"
    );
    let mut dues: Vec<&str> = weekly
        .iter()
        .filter(|t| t["status"] != "recurring")
        .filter_map(|t| t["due"].as_str())
        .collect();
    let all = dues.len();
    dues.sort();
    dues.dedup();
    assert_eq!(dues.len(), all, "no occurrence made twice: {weekly:?}");
    // And the plan read back once more changes nothing.
    let said = lp.in_from_task();
    assert!(said.starts_with("imported 0 tasks"), "{said}");
    assert!(!said.contains("updated"), "{said}");
}
