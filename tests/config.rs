//! The config file through the real binary: each bad line or value costs only its own
//! setting (reported with its line), keys can be swapped because clashes are checked against
//! the keys in force after every remap, and the light theme and `[colors]` roles reach the
//! terminal.

#[path = "common/files.rs"]
mod files;
#[path = "common/pty.rs"]
#[allow(dead_code)]
mod pty;

use files::{TODAY, run_on_day};
use pty::Session;
use std::path::Path;

const MIXED: &str = r#"theme = "light"
mouse = "sometimes"
week_start = "sunday
colour = 3
review_day = "friday"
date_format = "%d %b %Y"

[colors]
selection = "black on yellow"
glow = "red"
dim = "greyish"

[keys]
edit = "c"
check_in = "e"
undo = "f"
"#;

fn write_config(dir: &Path) -> String {
    let path = dir.join("config.toml");
    std::fs::write(&path, MIXED).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn each_problem_costs_only_its_own_setting_and_names_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let config = write_config(tmp.path());
    let out = files::run_output(tmp.path(), TODAY, &["--config", &config, "config"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a file with problems fails the check"
    );
    let out = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "line 3: ", // the unclosed string
        "that line is left out",
        "line 2: mouse = \"sometimes\" is not true or false", // a wrong type
        "line 4: unknown field `colour`",
        "line 10: colors.glow: there is no colour role called 'glow'",
        "line 11: colors.dim: 'greyish' is not a colour",
        "line 16: keys.undo: 'f' is already the key of 'toggle_focus'",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    assert_eq!(
        out.matches("config.toml, line ").count(),
        6,
        "nothing else is reported:\n{out}"
    );
    assert!(
        !out.contains("keys.edit") && !out.contains("keys.check_in"),
        "{out}"
    );
}

#[test]
fn swapped_keys_and_the_light_theme_reach_the_app_despite_bad_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let config = write_config(tmp.path());
    run_on_day(tmp.path(), TODAY, &["add", "Run a 10k race"]);
    let mut app = Session::start(tmp.path(), &["--config", &config], 110, 30);
    app.wait_for("Run a 10k race");
    app.type_and_wait("e", "Check in on");
    app.send("\x1b");
    // Wait for the form to close: Esc and a key sent together read as Alt and the key.
    let closed = app.wait_until(std::time::Duration::from_secs(5), |s| {
        !s.contains("Check in on")
    });
    assert!(closed, "{}", app.contents());
    app.type_and_wait("c", "Goal #1");
    app.send("\x1b");
    let closed = app.wait_until(std::time::Duration::from_secs(5), |s| {
        !s.contains("Goal #1")
    });
    assert!(closed, "{}", app.contents());
    let raw = String::from_utf8_lossy(&app.raw_output()).into_owned();
    assert!(
        raw.contains("38;5;240"),
        "dim text in the light theme's dark grey"
    );
    assert!(raw.contains("38;5;25"), "the light theme's dark blue");
    // ratatui's yellow is the terminal's colour 3 (crossterm writes it as 48;5;3).
    assert!(raw.contains("48;5;3m"), "the selection on yellow");
    app.send("q");
    assert!(app.wait_exit());
}

/// The names `[keys]` in config.toml uses, with their default keys: written out in the keymap
/// table, so renaming an action in the code cannot silently break a user's file — any change
/// to a name shows up here as a diff.
#[test]
fn the_names_config_files_use_for_keys_are_a_visible_list() {
    let keymap = goalcoach::keymap::Keymap::default();
    let listing: String = keymap
        .names_and_keys()
        .iter()
        .map(|(name, keys, _)| format!("{name:<32} {keys}\n"))
        .collect();
    insta::assert_snapshot!("config_key_names", listing);
}
