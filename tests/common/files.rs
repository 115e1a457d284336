//! Helpers for the tests that work on files and the binary (no terminal): the fixed day,
//! small plans, the store, leftover temp files, and running a subcommand.
#![allow(dead_code)]

use chrono::NaiveDate;
use goalcoach::model::{Goal, Plan};
use goalcoach::store::Store;
use std::path::Path;

/// The day these tests live on (a Saturday), as the binary's `--today` takes it.
pub const TODAY: &str = "2026-11-21";

/// `TODAY` as a date.
pub fn today() -> NaiveDate {
    TODAY.parse().unwrap()
}

/// A plan with one goal.
pub fn plan_with_goal(title: &str) -> Plan {
    let mut plan = Plan::default();
    let id = plan.new_id();
    plan.goals.push(Goal::new(id, title, today()));
    goalcoach::model::check::repair_ids(&mut plan);
    plan
}

/// Opens the store in `dir` on `TODAY`.
pub fn open(dir: &Path) -> (Store, Plan) {
    open_on(dir, today())
}

/// Opens the store in `dir` as of `day`, holding its lock. Another test of the same binary
/// may be starting a process at this moment: until that child execs it shares every open
/// descriptor, a store just dropped by this test included (and so its flock), so the lock
/// is given a moment to come free.
pub fn open_on(dir: &Path, day: NaiveDate) -> (Store, Plan) {
    let (mut store, plan) = Store::open(dir, day).expect("open");
    for _ in 0..100 {
        if store.retry_lock() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    (store, plan)
}

/// How many save temp files are in `dir`.
pub fn temp_files(dir: &Path) -> usize {
    files_named(dir, |name| name.contains(".tmp."))
}

/// How many files in `dir` have a name `pick` accepts.
pub fn files_named(dir: &Path, pick: impl Fn(&str) -> bool) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| pick(&e.as_ref().unwrap().file_name().to_string_lossy()))
        .count()
}

/// Runs a goalcoach subcommand on `dir` as of `day` with no user config; it must succeed.
/// Returns what it printed.
pub fn run_on_day(dir: &Path, day: &str, args: &[&str]) -> String {
    let out = run_output(dir, day, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs a goalcoach subcommand on `dir` as of `day` with no user config, whatever comes of
/// it: its status and what it printed.
pub fn run_output(dir: &Path, day: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_goalcoach"))
        .arg("--data-dir")
        .arg(dir)
        .args(["--today", day])
        .args(args)
        .env_remove("GOALCOACH_DATA_DIR")
        .env("GOALCOACH_CONFIG", dir.join("no-config.toml"))
        .output()
        .unwrap()
}
