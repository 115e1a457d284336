//! The real binary on a generated plan in a pseudo-terminal: time to first frame (against
//! just reading and parsing the file), per-key latency for cursor moves, screen switches and
//! search keystrokes, edit → on disk, and peak memory. Prints a table; asserts nothing.
//! `cargo bench --bench tui_latency [-- ITEMS]` (default 50000).

#[path = "../tests/common/pty.rs"]
#[allow(dead_code)]
mod pty;

use chrono::NaiveDate;
use goalcoach::sample::{GenOptions, generate};
use pty::Session;
use std::path::Path;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

fn main() {
    let items = std::env::args()
        .skip(1)
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(50_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let plan = generate(&GenOptions {
        items,
        seed: 7,
        today,
    });
    let bytes = goalcoach::store::to_pretty_json(&plan);
    std::fs::write(dir.path().join("plan.json"), &bytes).expect("write plan");
    println!(
        "plan: {items} items, {:.1} MiB",
        bytes.len() as f64 / 1048576.0
    );
    println!(
        "read + parse with serde_json (Value): {:.1} ms",
        parse_baseline(dir.path())
    );

    let started = Instant::now();
    let mut app = Session::start(dir.path(), &[], 120, 40);
    assert!(
        app.wait_until(TIMEOUT, |s| s.contains("Goals (")),
        "no first frame"
    );
    println!("start to first frame: {:.1} ms", ms(started.elapsed()));

    report("cursor move (j/k)", &keys(&mut app, &["j", "k"], 200));
    report("screen switch (2/1)", &keys(&mut app, &["2", "1"], 100));
    report("timeline switch (6/1)", &keys(&mut app, &["6", "1"], 100));
    app.send("6");
    app.wait_until(TIMEOUT, |s| s.contains("Timeline ·"));
    report("timeline cursor (j/k)", &keys(&mut app, &["j", "k"], 200));
    report("timeline scroll (l/h)", &keys(&mut app, &["l", "h"], 100));
    app.send("1");
    app.wait_until(TIMEOUT, |s| s.contains("Goals ("));
    app.send("/");
    app.wait_until(TIMEOUT, |s| s.contains("\n/") || s.contains("next match"));
    report("search keystroke", &keys(&mut app, &["e", "\x7f"], 100));
    app.send("\x1b");
    std::thread::sleep(Duration::from_millis(200));
    report("edit → on disk (x)", &edits(&mut app, dir.path(), 30));
    if let Some(pid) = app.pid() {
        let peak = peak_memory_kib(pid).unwrap_or(0) as f64 / 1024.0;
        let file = bytes.len() as f64 / 1048576.0;
        println!("peak memory: {peak:.1} MiB = {:.1}× the file", peak / file);
    }
    app.send("q");
    app.wait_exit();
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn parse_baseline(dir: &Path) -> f64 {
    let start = Instant::now();
    let bytes = std::fs::read(dir.join("plan.json")).expect("read");
    let value: serde_json::Value = serde_json::from_slice(&bytes).expect("parse");
    std::hint::black_box(value);
    ms(start.elapsed())
}

/// Presses the keys in turn `rounds` times each, timing each until the screen changes.
fn keys(app: &mut Session, keys: &[&str], rounds: usize) -> Vec<f64> {
    let mut times = Vec::new();
    for round in 0..rounds {
        let key = keys[round % keys.len()];
        let before = app.contents();
        let start = Instant::now();
        app.send(key);
        if app.wait_until(TIMEOUT, |s| s != before) {
            times.push(ms(start.elapsed()));
        }
    }
    times
}

/// Toggles a step done `rounds` times, timing each until plan.json on disk changed.
fn edits(app: &mut Session, dir: &Path, rounds: usize) -> Vec<f64> {
    app.send("jj");
    std::thread::sleep(Duration::from_millis(200));
    let path = dir.join("plan.json");
    let mut times = Vec::new();
    for _ in 0..rounds {
        let before = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        let start = Instant::now();
        app.send("x");
        while Instant::now() - start < TIMEOUT {
            if std::fs::metadata(&path).and_then(|m| m.modified()).ok() != before {
                times.push(ms(start.elapsed()));
                break;
            }
            std::thread::sleep(Duration::from_micros(100));
        }
    }
    times
}

fn report(what: &str, times: &[f64]) {
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    let at = |q: f64| {
        sorted
            .get(((sorted.len() as f64 - 1.0) * q).round() as usize)
            .copied()
            .unwrap_or(f64::NAN)
    };
    println!(
        "{what}: median {:.2} ms, p99 {:.2} ms ({} samples)",
        at(0.5),
        at(0.99),
        sorted.len()
    );
}

fn peak_memory_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
