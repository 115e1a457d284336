//! The coach answers, through the real keymap → update → draw path and the real binary: a
//! barrier that got in the way is logged on it and a plan that failed twice opens the next
//! review; something new in the way needs its plan; a change of course is kept with its
//! reason (asked in the app, `--why` on the command line); the goal editor's SMART line
//! follows what is typed; a date after the deadline is flagged and saved only on a second
//! Enter.

mod common;

use common::*;
use crossterm::event::KeyCode;
use goalcoach::model::{BarrierStatus, weekly};

const GOAL: &str = "Move into a staff engineer role";

/// A check-in on the selected goal that picks its first barrier and says its plan did not work.
fn check_in_with_failed_plan(state: &mut goalcoach::app::state::AppState) {
    type_keys(state, "c");
    assert!(state.form().is_some(), "the check-in opens");
    // confidence, note, the barrier picked, plan worked → "no".
    type_keys(state, "\tslow week\t ");
    press(state, key(KeyCode::Tab));
    press(state, key(KeyCode::Right));
    press(state, key(KeyCode::Right));
    enter(state);
    assert!(state.form().is_none(), "check-in saved");
}

#[test]
fn a_barrier_that_happened_is_logged_and_a_plan_that_failed_twice_opens_the_review() {
    let mut state = demo_app(120, 90);
    select_title(&mut state, GOAL);
    check_in_with_failed_plan(&mut state);
    let barrier = &state.plan().goals[0].barriers[0];
    assert_eq!(barrier.log.len(), 1);
    assert_eq!(barrier.log[0].plan_worked, Some(false));
    assert_eq!(barrier.log[0].date, today());
    assert!(weekly::opens_with(state.plan(), today()).is_empty());

    check_in_with_failed_plan(&mut state);
    let asks = weekly::opens_with(state.plan(), today());
    assert_eq!(asks.len(), 1, "{asks:?}");
    assert!(
        asks[0].contains("did not work 2 times in a row"),
        "{}",
        asks[0]
    );
    // The goal's details say how often it got in the way.
    assert!(render(&state).contains("got in the way twice"));
}

#[test]
fn something_new_in_the_way_needs_its_plan_and_nothing_typed_is_lost() {
    let mut state = demo_app(100, 30);
    select_title(&mut state, GOAL);
    type_keys(&mut state, "c\tok\t\t\tA reorg");
    enter(&mut state);
    let form = state.form().expect("the form stays open");
    let plan_field = form.index_of("new_plan").unwrap();
    assert!(form.fields[plan_field].error.is_some());
    assert_eq!(form.raw("new_obstacle"), "A reorg");
    type_keys(
        &mut state,
        "If the team changes, then I ask my new lead for 15 minutes",
    );
    enter(&mut state);
    assert!(state.form().is_none());
    let goal = &state.plan().goals[0];
    let added = goal.barriers.last().unwrap();
    assert_eq!(added.obstacle, "A reorg");
    assert_eq!(added.status, BarrierStatus::Open);
    assert_eq!(added.log.len(), 1);
    assert_eq!(goal.checkins.last().unwrap().note, "ok");
}

#[test]
fn moving_a_deadline_asks_why_and_the_next_review_opens_with_it() {
    let mut state = demo_app(120, 90);
    select_title(&mut state, GOAL);
    let before = state.plan().goals[0].deadline.unwrap();
    type_keys(&mut state, "t");
    let form = state.form().expect("a date form");
    assert!(form.title.starts_with("New date"), "{}", form.title);
    press(&mut state, ctrl('u'));
    type_keys(&mut state, "2027-09-30");
    enter(&mut state);
    let form = state.form().expect("asks why");
    assert!(
        form.note
            .as_deref()
            .unwrap_or("")
            .contains(&format!("moved the deadline from {before} to 2027-09-30")),
        "{:?}",
        form.note
    );
    type_keys(&mut state, "the promo cycle moved to autumn");
    enter(&mut state);
    let kept = &state.plan().goals[0].adaptations;
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].why, "the promo cycle moved to autumn");
    let asks = weekly::opens_with(state.plan(), today());
    assert!(
        asks[0].starts_with(&format!("Since you adapted “{GOAL}”")),
        "{asks:?}"
    );
    assert!(render(&state).contains("Changes of course"));
}

#[test]
fn the_smart_line_follows_what_is_typed() {
    let mut state = demo_app(100, 34);
    select_title(&mut state, GOAL);
    type_keys(&mut state, "e");
    let note_at_open = state.form().unwrap().note.clone();
    let at = state.form().unwrap().index_of("description").unwrap();
    for _ in 0..at {
        press(&mut state, key(KeyCode::Tab));
    }
    press(&mut state, ctrl('u'));
    let note = state.form().unwrap().note.clone().unwrap_or_default();
    assert!(note.starts_with("Not yet SMART (S"), "{note}");
    assert_ne!(Some(note), note_at_open);
    type_keys(
        &mut state,
        "Staff title, owning the payments platform's roadmap",
    );
    let note = state.form().unwrap().note.clone().unwrap_or_default();
    assert!(!note.contains("(S"), "{note}");
}

#[test]
fn a_date_after_the_deadline_is_flagged_and_saved_on_a_second_enter() {
    let mut state = demo_app(100, 30);
    select_title(&mut state, "Write the migration design doc");
    type_keys(&mut state, "e\t");
    press(&mut state, ctrl('u'));
    type_keys(&mut state, "2031-01-01");
    let form = state.form().unwrap();
    let error = form.fields[form.index_of("date").unwrap()].error.clone();
    assert!(
        error
            .unwrap_or_default()
            .starts_with("After the goal's deadline")
    );
    enter(&mut state);
    assert!(state.form().is_some(), "the first Enter only warns");
    enter(&mut state);
    assert!(state.form().is_none(), "the second Enter saves");
    let id = state.screens.goals.selected.unwrap();
    assert_eq!(
        state.plan().step(id).unwrap().due,
        "2031-01-01".parse().ok()
    );
}
