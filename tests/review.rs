//! The weekly review through the real keymap → update → draw path: every stage, the
//! decisions, resuming, skipping, and the history with its charts.

mod common;

use common::*;
use crossterm::event::KeyCode;
use goalcoach::app::state::AppState;
use goalcoach::model::GoalStatus;
use goalcoach::model::review::Decision;

fn record(state: &AppState) -> goalcoach::model::WeeklyReview {
    state
        .plan()
        .reviews
        .iter()
        .find(|r| r.week == "2026-W46")
        .cloned()
        .expect("this week's record")
}

fn on_review_screen() -> AppState {
    let mut state = demo_app(110, 34);
    type_keys(&mut state, "4");
    state
}

#[test]
fn history_screen_with_a_review_due_and_the_charts() {
    let state = on_review_screen();
    insta::assert_snapshot!(render(&state));
}

#[test]
fn a_whole_review_stage_by_stage() {
    let mut state = on_review_screen();
    type_keys(&mut state, "r");
    insta::assert_snapshot!("stage_1_wins", render(&state));
    assert_eq!(
        record(&state).stage.as_deref(),
        Some("wins"),
        "started and saved at once"
    );

    enter(&mut state);
    insta::assert_snapshot!("stage_2_first_goal", render(&state));
    type_keys(&mut state, "c"); // confidence first: this goal has no measure
    press(&mut state, key(KeyCode::Backspace));
    type_keys(&mut state, "4\tGood week");
    enter(&mut state);
    assert!(state.form().is_none(), "check-in saved");
    type_keys(&mut state, "K");
    type_keys(&mut state, "H"); // the talk: on hold for now
    assert!(state.form().is_some(), "a change of course asks why");
    type_keys(&mut state, "No meetup slot until spring");
    enter(&mut state);
    assert_eq!(
        state.plan().goals[1].adaptations[0].why,
        "No meetup slot until spring"
    );
    insta::assert_snapshot!("stage_2_last_goal", render(&state));
    type_keys(&mut state, "K");
    insta::assert_snapshot!("stage_3_stale", render(&state));

    enter(&mut state);
    type_keys(&mut state, " j ");
    insta::assert_snapshot!("stage_4_plan", render(&state));
    enter(&mut state);
    type_keys(&mut state, "w");
    type_keys(
        &mut state,
        // What got in the way is linked to the first barrier named (Space picks it).
        "Design doc landed\tOn-call ate two evenings\t \tStudy on Saturdays",
    );
    enter(&mut state);
    insta::assert_snapshot!("stage_5_reflect", render(&state));
    type_keys(&mut state, "F");

    let done = record(&state);
    assert_eq!(done.stage, None);
    let decisions: Vec<_> = done.goals.iter().map(|g| g.decision).collect();
    assert_eq!(decisions, [Decision::Keep, Decision::Hold, Decision::Keep]);
    assert_eq!(done.commitments.len(), 2);
    assert_eq!(done.went_well, "Design doc landed");
    assert_eq!(done.adjust, "Study on Saturdays");
    let linked = state
        .plan()
        .goals
        .iter()
        .flat_map(|g| &g.barriers)
        .filter(|b| !b.log.is_empty())
        .count();
    assert_eq!(
        linked, 1,
        "the barrier picked is logged as having got in the way"
    );
    assert_eq!(done.wins.len(), 2);
    let staff = &state.plan().goals[0];
    assert_eq!(staff.checkins.last().unwrap().note, "Good week");
    assert_eq!(staff.last_reviewed, "2026-11-15".parse().ok());
    assert_eq!(state.plan().goals[1].status, GoalStatus::OnHold);
    insta::assert_snapshot!("history_after_the_review", render(&state));
}

#[test]
fn quitting_midway_keeps_the_review_and_reopening_resumes_it() {
    let mut state = on_review_screen();
    type_keys(&mut state, "r");
    enter(&mut state);
    type_keys(&mut state, "K");
    let plan = state.plan().clone();
    let mut again = app(plan, 110, 34);
    type_keys(&mut again, "4");
    let r = record(&again);
    assert_eq!((r.stage.as_deref(), r.goals.len()), (Some("goals"), 1));
    assert!(render(&again).contains("goal 2 of 3"));
    type_keys(&mut again, "h");
    assert_eq!(record(&again).stage.as_deref(), Some("wins"));
}

#[test]
fn a_week_can_be_skipped_on_purpose() {
    let mut state = on_review_screen();
    type_keys(&mut state, "S");
    let r = record(&state);
    assert!(r.skipped && r.stage.is_none());
    let screen = render(&state);
    assert!(screen.contains("This week's review is done."), "{screen}");
    assert!(screen.contains("2026-W46  skipped"), "{screen}");
    type_keys(&mut state, "r");
    assert!(
        goalcoach::app::screens::review::in_progress(&state).is_none(),
        "nothing to start once skipped"
    );
}

#[test]
fn adjusting_a_goal_opens_its_editor() {
    let mut state = on_review_screen();
    type_keys(&mut state, "r");
    enter(&mut state);
    type_keys(&mut state, "A");
    let form = state.form().expect("the goal editor");
    assert!(form.title.starts_with("Goal #1"));
    assert_eq!(record(&state).goals[0].decision, Decision::Adjust);
}

#[test]
fn a_win_can_be_logged_as_an_achievement_once() {
    let mut state = on_review_screen();
    type_keys(&mut state, "r");
    type_keys(&mut state, "jL");
    type_keys(&mut state, "L");
    let logged: Vec<_> = state
        .plan()
        .profile
        .achievements
        .iter()
        .filter(|a| a.source.is_some())
        .collect();
    assert_eq!(logged.len(), 1, "logged once");
    assert_eq!(logged[0].what, "Pick three conferences");
    assert_eq!(logged[0].goal, Some(state.plan().goals[1].id));
    assert!(render(&state).contains("Pick three conferences  (in your achievements)"));
}

#[test]
fn in_the_stale_stage_s_acts_on_the_items_goal_and_a_adds_a_step() {
    let mut state = on_review_screen();
    type_keys(&mut state, "r");
    enter(&mut state);
    type_keys(&mut state, "K");
    type_keys(&mut state, "K");
    type_keys(&mut state, "K");
    assert!(
        render(&state).contains("Stuck and stale"),
        "{}",
        render(&state)
    );
    let item = state.screens.review.current(&state).expect("a stale item");
    let goal = state.plan().goal_of(item).unwrap().id;
    type_keys(&mut state, "a");
    let form = state.form_mut().expect("a new step form");
    assert!(form.title.contains("step"), "{}", form.title);
    press(&mut state, key(KeyCode::Esc));
    let before = state.plan().goal(goal).unwrap().status;
    type_keys(&mut state, "s");
    assert_ne!(
        state.plan().goal(goal).unwrap().status,
        before,
        "its goal's status moved"
    );
}
