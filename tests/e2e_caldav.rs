//! The plan on a phone, end to end against a real CalDAV server: the test starts Radicale on
//! 127.0.0.1 (a free port, a temporary store, no auth), pairs it with a vdir through
//! vdirsyncer, and plays the phone with Python's caldav client (`tests/caldav/phone.py`).
//! goalcoach's items appear on the server; the phone ticks a step, moves a date and adds a
//! to-do, and each lands in plan.json; a step done in goalcoach goes back to the server; a
//! title changed on both sides keeps both (one in place, one as a conflict); five more rounds
//! duplicate nothing. The server is stopped when the test ends, however it ends.
//!
//! `.ci/run` installs Radicale, vdirsyncer and caldav from PyPI. Without them the test says so
//! and passes, unless `GOALCOACH_REQUIRE_CLIENTS` is set (CI sets it): then it fails.

use serde_json::Value;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PHONE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/caldav/phone.py");

/// The server, stopped when dropped.
struct Radicale(Child);

impl Drop for Radicale {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

struct World {
    root: tempfile::TempDir,
    url: String,
    _server: Radicale,
}

impl World {
    fn start() -> World {
        let root = tempfile::tempdir().unwrap();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let config = root.path().join("radicale.conf");
        std::fs::write(
            &config,
            format!(
                "[server]\nhosts = 127.0.0.1:{port}\n[auth]\ntype = none\n[storage]\n\
                 filesystem_folder = {}\n[logging]\nlevel = warning\n",
                root.path().join("store").display()
            ),
        )
        .unwrap();
        let server = Command::new("python3")
            .args(["-m", "radicale", "--config"])
            .arg(&config)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let server = Radicale(server);
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "Radicale did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let url = format!("http://127.0.0.1:{port}/");
        let w = World {
            root,
            url,
            _server: server,
        };
        std::fs::create_dir_all(w.vdir()).unwrap();
        std::fs::write(
            w.root.path().join("vdirsyncer.conf"),
            format!(
                "[general]\nstatus_path = \"{}/status/\"\n\n[pair goalcoach]\na = \"local\"\n\
                 b = \"server\"\ncollections = null\n\n[storage local]\ntype = \"filesystem\"\n\
                 path = \"{}/\"\nfileext = \".ics\"\n\n[storage server]\ntype = \"caldav\"\n\
                 url = \"{}phone/goalcoach/\"\nusername = \"phone\"\npassword = \"phone\"\n",
                w.root.path().display(),
                w.vdir().display(),
                w.url
            ),
        )
        .unwrap();
        w.phone(&["setup"]);
        w.vdirsyncer(&["discover", "goalcoach"]);
        w
    }

    fn vdir(&self) -> PathBuf {
        self.root.path().join("vdir")
    }

    fn data(&self) -> PathBuf {
        self.root.path().join("data")
    }

    fn goalcoach(&self, args: &[&str]) -> String {
        let out = Command::new(env!("CARGO_BIN_EXE_goalcoach"))
            .arg("--data-dir")
            .arg(self.data())
            .args(["--today", "2026-12-03"])
            .args(args)
            .env("GOALCOACH_CONFIG", self.root.path().join("no-config.toml"))
            .env("TZ", "UTC")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        ok(&format!("goalcoach {args:?}"), out)
    }

    fn calendar_sync(&self) -> String {
        let vdir = self.vdir();
        self.goalcoach(&["calendar", "sync", "--vdir", vdir.to_str().unwrap()])
    }

    fn vdirsyncer(&self, args: &[&str]) -> String {
        let out = Command::new("vdirsyncer")
            .args(args)
            .env(
                "VDIRSYNCER_CONFIG",
                self.root.path().join("vdirsyncer.conf"),
            )
            .stdin(Stdio::null())
            .output()
            .unwrap();
        ok(&format!("vdirsyncer {args:?}"), out)
    }

    /// What the phone does; returns the to-dos on the server after it.
    fn phone(&self, args: &[&str]) -> Vec<Value> {
        let out = Command::new("python3")
            .arg(PHONE)
            .arg(&self.url)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        serde_json::from_str(&ok(&format!("phone {args:?}"), out)).unwrap()
    }

    fn plan(&self) -> Value {
        serde_json::from_slice(&std::fs::read(self.data().join("plan.json")).unwrap()).unwrap()
    }

    /// The step titled `title`, wherever it is in the plan.
    fn step(&self, title: &str) -> Value {
        let plan = self.plan();
        for goal in plan["goals"].as_array().unwrap() {
            for step in goal["steps"].as_array().unwrap() {
                if step["title"] == title {
                    return step.clone();
                }
            }
        }
        panic!("no step {title:?} in {plan}");
    }
}

fn ok(what: &str, out: std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{what}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn have_clients() -> bool {
    let python = Command::new("python3")
        .args(["-c", "import radicale, caldav"])
        .output()
        .is_ok_and(|o| o.status.success());
    let vdirsyncer = Command::new("vdirsyncer")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !(python && vdirsyncer) {
        assert!(
            std::env::var_os("GOALCOACH_REQUIRE_CLIENTS").is_none(),
            "Radicale, caldav or vdirsyncer is missing, and GOALCOACH_REQUIRE_CLIENTS says they must be there"
        );
        eprintln!(
            "SKIPPED: the CalDAV test needs Radicale, caldav and vdirsyncer (pip install radicale caldav vdirsyncer)"
        );
    }
    python && vdirsyncer
}

fn on_server<'a>(todos: &'a [Value], summary: &str) -> &'a Value {
    let found: Vec<&Value> = todos.iter().filter(|t| t["summary"] == summary).collect();
    assert_eq!(found.len(), 1, "one {summary:?} on the server: {todos:?}");
    found[0]
}

#[test]
fn the_phone_and_goalcoach_keep_each_others_work_through_caldav() {
    if !have_clients() {
        return;
    }
    let w = World::start();
    w.goalcoach(&["add", "Speak at a meetup", "--deadline", "2027-03-01"]);
    w.goalcoach(&[
        "add",
        "Draft abstract",
        "--under",
        "1",
        "--step",
        "--due",
        "2026-12-10",
    ]);
    w.goalcoach(&[
        "add",
        "Book the room",
        "--under",
        "1",
        "--step",
        "--due",
        "2026-12-12",
    ]);
    w.goalcoach(&[
        "add",
        "Rehearse",
        "--under",
        "1",
        "--step",
        "--due",
        "2026-12-15",
    ]);
    let said = w.calendar_sync();
    assert!(said.contains("wrote 5 items"), "{said}");
    w.vdirsyncer(&["sync"]);
    let todos = w.phone(&["list"]);
    assert_eq!(on_server(&todos, "Draft abstract")["due"], "2026-12-10");
    assert_eq!(
        on_server(&todos, "Draft abstract")["alarm"],
        true,
        "a reminder goes with it"
    );
    on_server(&todos, "Deadline: Speak at a meetup");
    on_server(&todos, "Weekly review (goalcoach)");

    // On the phone: one ticked, one moved, one added.
    w.phone(&["complete", "Draft abstract"]);
    w.phone(&["move", "Book the room", "2026-12-19"]);
    w.phone(&["add", "Buy a notebook", "2026-12-05"]);
    w.vdirsyncer(&["sync"]);
    let said = w.calendar_sync();
    assert!(
        said.contains("took 2 changes") && said.contains("went into the Inbox"),
        "{said}"
    );
    assert_eq!(w.step("Draft abstract")["done"], "2026-12-03");
    assert_eq!(w.step("Book the room")["due"], "2026-12-19");
    assert_eq!(w.step("Buy a notebook")["due"], "2026-12-05");

    // Done in goalcoach: it reaches the server.
    let rehearse = w.step("Rehearse")["num"].to_string();
    w.goalcoach(&["done", &rehearse]);
    w.calendar_sync();
    w.vdirsyncer(&["sync"]);
    let todos = w.phone(&["list"]);
    assert_eq!(on_server(&todos, "Rehearse")["status"], "COMPLETED");
    assert_eq!(on_server(&todos, "Book the room")["due"], "2026-12-19");

    // A clash: the phone and goalcoach retitle the same step.
    w.phone(&["rename", "Book the room", "Book the big room"]);
    let book = w.step("Book the room")["num"].to_string();
    w.goalcoach(&["edit", &book, "--title", "Book a room early"]);
    w.vdirsyncer(&["sync"]);
    let said = w.calendar_sync();
    assert!(said.contains("1 field changed on both sides"), "{said}");
    let plan = w.plan();
    assert_eq!(w.step("Book a room early")["due"], "2026-12-19");
    let conflict = &plan["conflicts"][0];
    assert_eq!(conflict["other"], "Book the big room", "{plan}");
    assert_eq!(conflict["other_on"], "the calendar");
    w.vdirsyncer(&["sync"]);

    // Five more rounds: nothing new anywhere, nothing twice.
    let before = w.phone(&["list"]);
    for round in 0..5 {
        let said = w.calendar_sync();
        assert!(
            said.starts_with("calendar: wrote 0 items"),
            "round {round}: {said}"
        );
        w.vdirsyncer(&["sync"]);
    }
    let after = w.phone(&["list"]);
    assert_eq!(after, before);
    let mut uids: Vec<&str> = after.iter().map(|t| t["uid"].as_str().unwrap()).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), after.len(), "no item twice on the server");
    let steps: usize = w.plan()["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["steps"].as_array().unwrap().len())
        .sum();
    assert_eq!(steps, 4, "three steps and the captured one, none twice");
}
