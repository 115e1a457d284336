//! The Profile screen through the real keymap → update → draw path: every section, the SWOT
//! quadrants, the path comparison, the guided first pass, and the links to goals.

mod common;

use common::*;
use crossterm::event::KeyCode;
use goalcoach::model::profile::Section;

fn profile_app() -> goalcoach::app::state::AppState {
    let mut state = demo_app(110, 30);
    type_keys(&mut state, "5");
    state
}

#[test]
fn every_section_renders() {
    let mut state = profile_app();
    for (i, section) in Section::ALL.iter().enumerate() {
        let name = section.title();
        let snapshot = format!("section_{i}_{}", name.to_lowercase().replace(' ', "_"));
        insta::assert_snapshot!(snapshot, render(&state));
        type_keys(&mut state, "l");
    }
}

#[test]
fn career_paths_side_by_side() {
    let mut state = profile_app();
    type_keys(&mut state, "hv");
    insta::assert_snapshot!(render(&state));
}

#[test]
fn an_empty_profile_starts_with_the_guided_first_pass() {
    let mut state = app(goalcoach::model::Plan::default(), 100, 24);
    type_keys(&mut state, "5");
    insta::assert_snapshot!(render(&state));
    type_keys(
        &mut state,
        "Clear writing, Patience\tgrowth, family\tKnow the stack\tShy in meetings\tNew team forming\tBudget cuts\n",
    );
    let p = &state.plan().profile;
    let names: Vec<_> = p.strengths.iter().map(|q| q.name.as_str()).collect();
    assert_eq!(names, ["Clear writing", "Patience"]);
    assert_eq!(p.values.len(), 2);
    assert_eq!(p.swot.threats, ["Budget cuts"]);
}

#[test]
fn the_first_pass_can_be_skipped_and_is_offered_once() {
    let mut state = app(goalcoach::model::Plan::default(), 100, 24);
    type_keys(&mut state, "5");
    press(&mut state, key(KeyCode::Esc));
    assert!(state.form().is_none());
    type_keys(&mut state, "15");
    assert!(state.form().is_none(), "not offered again this session");
    type_keys(&mut state, "f");
    assert!(state.form().is_some(), "f brings it back");
}

#[test]
fn strengths_are_added_edited_and_removed_as_rows() {
    let mut state = profile_app();
    type_keys(&mut state, "l"); // Strengths
    type_keys(&mut state, "e");
    press(&mut state, ctrl('n'));
    type_keys(
        &mut state,
        "Calm in incidents\tLed the outage call\tVolunteer as incident lead\n",
    );
    let names: Vec<_> = state
        .plan()
        .profile
        .strengths
        .iter()
        .map(|q| q.name.clone())
        .collect();
    assert_eq!(names, ["Explaining complex systems", "Calm in incidents"]);
    type_keys(&mut state, "e");
    press(&mut state, ctrl('d')); // the first row has focus
    enter(&mut state);
    assert_eq!(state.plan().profile.strengths.len(), 1);
    assert_eq!(
        state.plan().profile.strengths[0].plan,
        "Volunteer as incident lead"
    );
}

#[test]
fn feedback_becomes_a_step_under_its_goal_and_keeps_the_link() {
    let mut state = profile_app();
    for _ in 0..7 {
        type_keys(&mut state, "l");
    }
    type_keys(&mut state, "T");
    let feedback = &state.plan().profile.feedback[0];
    let step = feedback.step.expect("linked");
    assert_eq!(
        state.plan().step(step).unwrap().title,
        "Write up decisions so others can follow them"
    );
    assert_eq!(
        state.plan().goal_of(step).unwrap().id,
        feedback.goal.unwrap()
    );
    insta::assert_snapshot!(render(&state));
    type_keys(&mut state, "T");
    assert!(
        state
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("already a step")
    );
}

#[test]
fn a_paths_first_experiment_becomes_a_goal() {
    let mut state = profile_app();
    type_keys(&mut state, "hjG");
    let path = &state.plan().profile.paths[1];
    let goal = state.plan().goal(path.goal.expect("linked")).unwrap();
    assert_eq!(goal.title, "Mentor a new joiner for a quarter");
}

#[test]
fn a_bad_goal_reference_is_refused_in_the_form() {
    let mut state = profile_app();
    for _ in 0..7 {
        type_keys(&mut state, "l");
    }
    type_keys(&mut state, "e");
    let form = state.form_mut().unwrap();
    let goal_field = form.fields.iter().position(|f| f.name == "goal").unwrap();
    form.fields[goal_field].input.set("no such goal");
    enter(&mut state);
    let form = state.form().expect("stays open");
    assert!(
        form.fields[goal_field]
            .error
            .as_deref()
            .unwrap()
            .contains("No goal matches")
    );
}

#[test]
fn values_no_goal_serves_are_flagged() {
    let mut state = profile_app();
    type_keys(&mut state, "lll");
    type_keys(&mut state, "e");
    press(&mut state, ctrl('n'));
    type_keys(&mut state, "family\n");
    let screen = render(&state);
    assert!(screen.contains("• family"), "{screen}");
    assert!(
        screen.contains("no active goal serves this yet"),
        "{screen}"
    );
}
