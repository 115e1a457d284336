//! The plan in time, through the real keymap → update → draw path on a TestBackend: the
//! Timeline screen at three sizes and empty, acting in place, hiding done items, focus goals,
//! the goals view of Priorities, the agenda's new sections, and a repeating step.

mod common;

use common::*;
use crossterm::event::KeyCode;
use goalcoach::app::action::{Effect, Screen};
use goalcoach::model::GoalStatus;

#[test]
fn the_timeline_at_three_sizes() {
    for (w, h) in [(80, 24), (120, 34), (160, 45)] {
        let mut state = demo_app(w, h);
        type_keys(&mut state, "6");
        assert_eq!(state.screen, Screen::Timeline);
        insta::assert_snapshot!(format!("timeline_{w}x{h}"), render(&state));
    }
}

#[test]
fn the_timeline_by_months_scrolled_later() {
    let mut state = demo_app(120, 34);
    type_keys(&mut state, "6vj");
    let before = render(&state);
    insta::assert_snapshot!("timeline_months", before);
    let ticks = |screen: &str| screen.lines().nth(2).unwrap().to_string();
    type_keys(&mut state, "l");
    assert_eq!(state.screens.timeline.shift, 1);
    let scrolled = render(&state);
    assert_ne!(ticks(&scrolled), ticks(&before), "the axis moved on");
    assert!(
        !ticks(&scrolled).contains('▼'),
        "today is off to the left now"
    );
    type_keys(&mut state, ".");
    assert_eq!(state.screens.timeline.shift, 0, "back to today");
    assert_eq!(render(&state), before);
}

#[test]
fn an_empty_timeline_says_how_to_fill_it() {
    let mut state = empty_app(80, 24);
    // The guided start opens on an empty plan; leave it.
    state.overlay = None;
    type_keys(&mut state, "6");
    insta::assert_snapshot!("timeline_empty", render(&state));
}

#[test]
fn acting_in_place_on_the_timeline_and_jumping_to_the_tree() {
    let mut state = demo_app(120, 34);
    type_keys(&mut state, "6");
    let first = state.current_item().unwrap();
    assert!(state.plan().goal(first).is_some(), "a goal leads");
    type_keys(&mut state, "j");
    let milestone = state.current_item().unwrap();
    assert!(state.plan().milestone(milestone).is_some());
    assert_eq!(type_keys(&mut state, "x"), [Effect::Save]);
    assert!(state.plan().milestone(milestone).unwrap().is_done());
    state.overlay = None; // the celebration's question
    assert_eq!(
        state.current_item(),
        Some(milestone),
        "the cursor stays on it"
    );
    enter(&mut state);
    assert_eq!(state.screen, Screen::Goals);
    assert_eq!(state.screens.goals.selected, Some(milestone));
}

#[test]
fn hiding_done_items_works_on_every_screen_and_archived_goals_only_show_in_search() {
    let mut state = demo_app(120, 34);
    let done_step = state
        .plan()
        .goals
        .iter()
        .flat_map(|g| g.all_steps())
        .find(|s| s.is_done())
        .unwrap()
        .id;
    assert!(state.screens.goals.rows.iter().any(|r| r.id == done_step));
    assert_eq!(type_keys(&mut state, "H"), [Effect::SaveView]);
    assert!(!state.screens.goals.rows.iter().any(|r| r.id == done_step));
    assert!(render(&state).contains("done hidden"));
    type_keys(&mut state, "6");
    assert!(render(&state).contains("done hidden"));
    type_keys(&mut state, "1H");
    assert!(state.screens.goals.rows.iter().any(|r| r.id == done_step));

    // Finish the first goal, archive it: out of the tree, found by search.
    type_keys(&mut state, "g");
    let goal = state.current_item().unwrap();
    type_keys(&mut state, "x");
    state.overlay = None;
    assert_eq!(state.plan().goal(goal).unwrap().status, GoalStatus::Done);
    type_keys(&mut state, "Z");
    assert!(state.plan().goal(goal).unwrap().archived.is_some());
    assert!(!state.screens.goals.rows.iter().any(|r| r.id == goal));
    let title = state.plan().goal(goal).unwrap().title.clone();
    type_keys(&mut state, &format!("/{}", &title[..10]));
    assert!(state.screens.goals.rows.iter().any(|r| r.id == goal));
}

#[test]
fn focus_goals_lead_the_agenda_and_priorities_shows_goals() {
    let mut state = demo_app(120, 34);
    // The second goal becomes a focus goal.
    let second = state.plan().goals[1].id;
    state.select_id(second);
    assert_eq!(type_keys(&mut state, "f"), [Effect::Save]);
    assert!(state.plan().goal(second).unwrap().focus);
    type_keys(&mut state, "2");
    insta::assert_snapshot!("agenda_with_focus_next_actions", render(&state));
    type_keys(&mut state, "3v");
    assert!(state.screens.priorities.goals);
    insta::assert_snapshot!("priorities_goals_view", render(&state));
}

#[test]
fn a_new_step_takes_its_goals_importance() {
    let mut state = demo_app(120, 34);
    let goal = state.plan().goals[0].id;
    state.select_id(goal);
    for _ in 0..3 {
        if state.plan().goal(goal).unwrap().importance == 3 {
            break;
        }
        type_keys(&mut state, "i");
    }
    assert_eq!(state.plan().goal(goal).unwrap().importance, 3);
    type_keys(&mut state, "A");
    type_keys(&mut state, "Ask for the staff rubric");
    enter(&mut state);
    let step = state.current_item().unwrap();
    assert_eq!(state.plan().step(step).unwrap().importance, 3);
}

#[test]
fn the_step_editor_picks_every_n_weeks_and_refuses_a_fraction() {
    let mut state = empty_app(100, 30);
    build_small_tree(&mut state);
    let step = state.screens.goals.selected.unwrap();
    type_keys(&mut state, "e");
    let form = state.form_mut().unwrap();
    let due = form.fields.iter_mut().find(|f| f.name == "date").unwrap();
    due.input.set("2026-11-23");
    // Tab to Repeats (title, due, importance, urgency), → twice: "every N weeks".
    type_keys(&mut state, "\t\t\t\t");
    press(&mut state, key(KeyCode::Right));
    press(&mut state, key(KeyCode::Right));
    assert_eq!(state.form().unwrap().raw("repeats"), "every N weeks");
    type_keys(&mut state, "\t1.5");
    enter(&mut state);
    let form = state.form().expect("kept open with a message");
    let every = form.index_of("every").unwrap();
    assert!(
        form.fields[every]
            .error
            .as_deref()
            .unwrap()
            .contains("whole")
    );
    assert_eq!(form.focus, every, "focus goes to the field in error");
    press(&mut state, ctrl('u'));
    type_keys(&mut state, "2");
    enter(&mut state);
    assert!(state.form().is_none());
    let rule = state.plan().step(step).unwrap().recurrence.unwrap();
    assert_eq!(rule.to_string(), "every 2 weeks");
}

/// On any day, every label of the weeks axis is a whole date ("7 Dec", "▼18 Dec"): one
/// pushed past today's mark that does not fit whole gives way instead of reading "2".
#[test]
fn the_weeks_axis_shows_only_whole_dates_on_any_day() {
    let start = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    for offset in 0..21 {
        let day = start + chrono::Duration::days(offset);
        let plan = goalcoach::app::demo::sample_plan(day);
        let mut state = goalcoach::app::state::AppState::new(plan, day);
        goalcoach::app::update::update(&mut state, goalcoach::app::action::Action::Resize(120, 40));
        type_keys(&mut state, "6");
        let screen = render(&state);
        let axis = screen
            .lines()
            .nth(2)
            .unwrap()
            .trim_matches(|c| c == '│' || c == ' ');
        let words: Vec<&str> = axis.split_whitespace().collect();
        for pair in words.chunks(2) {
            let day_number = pair[0].trim_start_matches('▼');
            assert!(
                day_number.parse::<u32>().is_ok() && pair.len() == 2 && pair[1].len() == 3,
                "{day}: a cut label in {axis:?}"
            );
        }
    }
}
