//! How the app behaves under the keys: edits, selection, undo, read-only, search, scrolling.
//! Each test drives the real keymap and update.

mod common;
#[path = "common/files.rs"]
mod files;

use common::*;
use crossterm::event::{Event, KeyCode};
use goalcoach::app::handle_event;
use goalcoach::app::update::Effect;
use goalcoach::model::{ItemKind, Recurrence};

#[test]
fn n_title_enter_makes_a_goal_and_selects_it() {
    let mut state = empty_app(100, 30);
    type_keys(&mut state, "n");
    type_keys(&mut state, "Lead a team");
    assert_eq!(enter(&mut state), Effect::Save);
    assert_eq!(state.plan().goals.len(), 1);
    assert_eq!(state.plan().goals[0].title, "Lead a team");
    assert_eq!(state.plan().goals[0].created, today());
    assert_eq!(state.screens.goals.selected, Some(state.plan().goals[0].id));
    assert!(state.form().is_none());
}

#[test]
fn a_builds_milestones_then_steps_then_siblings() {
    let mut state = empty_app(100, 30);
    build_small_tree(&mut state);
    let goal = &state.plan().goals[0];
    assert_eq!(goal.deadline, "2027-03-31".parse().ok());
    let m = &goal.milestones[0];
    assert_eq!(m.title, "Get a talk accepted");
    let titles: Vec<_> = m.steps.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Write the abstract", "Ask a friend to review it"]);
    assert_eq!(m.steps[0].due, "2026-11-24".parse().ok());
    let kinds: Vec<_> = state.screens.goals.rows.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            ItemKind::Goal,
            ItemKind::Milestone,
            ItemKind::Step,
            ItemKind::Step
        ]
    );
}

#[test]
fn shift_a_adds_a_step_straight_under_the_goal() {
    let mut state = empty_app(100, 30);
    type_keys(&mut state, "nGoal");
    enter(&mut state);
    type_keys(&mut state, "ALoose step");
    enter(&mut state);
    assert_eq!(state.plan().goals[0].steps[0].title, "Loose step");
    assert!(state.plan().goals[0].milestones.is_empty());
}

#[test]
fn bad_input_keeps_the_form_open_and_changes_nothing() {
    let mut state = empty_app(100, 30);
    type_keys(&mut state, "n");
    press(&mut state, key(KeyCode::Tab));
    type_keys(&mut state, "31/02/2027");
    assert_eq!(enter(&mut state), Effect::None);
    let form = state.form().expect("form stays open");
    assert_eq!(form.focus, 0, "focus moves to the first field in error");
    assert!(
        form.fields[1]
            .error
            .as_deref()
            .unwrap()
            .contains("'31/02/2027' is not a date")
    );
    assert!(state.plan().goals.is_empty());
    // The whole message is on screen, wrapped: its end says which forms a date may take.
    let screen = render(&state);
    assert!(
        screen.contains("'31/02/2027' is not a date") && screen.contains("next month"),
        "{screen}"
    );
    press(&mut state, key(KeyCode::Esc));
    assert!(state.form().is_none());
}

#[test]
fn toggling_done_and_undo_redo() {
    let mut state = empty_app(100, 30);
    build_small_tree(&mut state);
    let step = state.screens.goals.selected.unwrap();
    assert_eq!(type_keys(&mut state, "x"), [Effect::Save]);
    assert_eq!(state.plan().step(step).unwrap().done, Some(today()));
    type_keys(&mut state, "u");
    assert_eq!(state.plan().step(step).unwrap().done, None);
    press(&mut state, ctrl('r'));
    assert_eq!(state.plan().step(step).unwrap().done, Some(today()));
    assert!(state.status.as_ref().unwrap().text.contains("Redid"));
}

#[test]
fn a_done_weekly_step_comes_back_next_week_as_the_same_step() {
    let mut state = demo_app(100, 30);
    select_title(&mut state, "Practise the talk with a friend");
    let id = state.screens.goals.selected.unwrap();
    let before = state.plan().goals[1].steps.len();
    type_keys(&mut state, " ");
    let steps = &state.plan().goals[1].steps;
    assert_eq!(steps.len(), before, "no done copy stacked up");
    let step = state.plan().step(id).unwrap();
    assert!(step.done.is_none());
    assert_eq!(step.recurrence, Some(Recurrence::WEEKLY));
    assert_eq!(step.due, "2026-12-03".parse().ok());
    assert_eq!(step.history, [today()]);
    assert!(
        state
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("comes back on"),
        "{:?}",
        state.status
    );
    assert_eq!(
        state.screens.goals.selected,
        Some(id),
        "the cursor stays on it"
    );
    type_keys(&mut state, "u");
    let step = state.plan().step(id).unwrap();
    assert_eq!(step.due, "2026-11-26".parse().ok(), "undo puts it back");
    assert!(step.history.is_empty());
}

#[test]
fn selection_follows_the_item_when_it_moves() {
    let mut state = empty_app(100, 30);
    build_small_tree(&mut state);
    let last = state.screens.goals.selected.unwrap();
    type_keys(&mut state, "K");
    assert_eq!(state.screens.goals.selected, Some(last));
    let m = &state.plan().goals[0].milestones[0];
    assert_eq!(m.steps[0].id, last);
    assert_eq!(
        state.screens.goals.rows[state.screens.goals.cursor].id,
        last
    );
    type_keys(&mut state, "K");
    assert!(state.status.as_ref().unwrap().text.contains("first"));
}

#[test]
fn delete_asks_and_only_yes_deletes() {
    let mut state = demo_app(100, 30);
    let goals = state.plan().goals.len();
    type_keys(&mut state, "dn");
    assert_eq!(state.plan().goals.len(), goals);
    type_keys(&mut state, "d");
    assert_eq!(type_keys(&mut state, "y"), [Effect::Save]);
    assert_eq!(state.plan().goals.len(), goals - 1);
    assert_eq!(
        state.screens.goals.selected,
        Some(state.plan().goals[0].id),
        "the next row is selected"
    );
}

#[test]
fn folding_hides_children_and_h_goes_to_the_parent() {
    let mut state = demo_app(100, 30);
    let rows = state.screens.goals.rows.len();
    type_keys(&mut state, "h");
    assert!(state.screens.goals.rows.len() < rows);
    type_keys(&mut state, "l");
    assert_eq!(state.screens.goals.rows.len(), rows);
    type_keys(&mut state, "jj");
    let step = state.screens.goals.selected.unwrap();
    type_keys(&mut state, "h");
    assert_ne!(state.screens.goals.selected, Some(step));
    assert_eq!(
        state
            .plan()
            .milestone(state.screens.goals.selected.unwrap())
            .unwrap()
            .title,
        "Lead the payments migration end to end"
    );
}

#[test]
fn search_filters_steps_through_matches_and_clears() {
    let mut state = demo_app(100, 30);
    type_keys(&mut state, "/the");
    let first = state.screens.goals.selected;
    enter(&mut state);
    type_keys(&mut state, "n");
    assert_ne!(state.screens.goals.selected, first);
    type_keys(&mut state, "N");
    assert_eq!(state.screens.goals.selected, first);
    assert!(
        state
            .screens
            .goals
            .rows
            .iter()
            .all(|r| r.matched || r.kind != ItemKind::Step)
    );
    let kept = state.screens.goals.selected;
    press(&mut state, key(KeyCode::Esc));
    assert!(state.screens.goals.search.is_none());
    assert_eq!(state.screens.goals.selected, kept);
    assert_eq!(
        state.screens.goals.rows.len(),
        goalcoach::app::screens::tree::visible_rows(
            state.plan(),
            &goalcoach::app::screens::tree::TreeFilter {
                scope: &state.scope,
                today: state.today(),
                collapsed: &state.screens.goals.collapsed,
                query: "",
                matched: None,
            }
        )
        .len()
    );
}

#[test]
fn the_selection_stays_on_screen_while_scrolling() {
    let mut state = demo_app(100, 14);
    let height = state.tree_height();
    for _ in 0..state.screens.goals.rows.len() {
        type_keys(&mut state, "j");
        assert!(
            state.screens.goals.cursor >= state.screens.goals.offset
                && state.screens.goals.cursor < state.screens.goals.offset + height
        );
    }
    type_keys(&mut state, "g");
    assert_eq!(state.screens.goals.offset, 0);
    press(&mut state, key(KeyCode::PageDown));
    assert_eq!(state.screens.goals.cursor, height);
}

#[test]
fn check_in_records_value_and_confidence() {
    let mut state = demo_app(100, 30);
    select_title(&mut state, "Pass the cloud architect certification");
    type_keys(&mut state, "c");
    let field = state.form_mut().unwrap().focused().unwrap();
    field.input.set("");
    type_keys(&mut state, "71");
    press(&mut state, key(KeyCode::Tab));
    press(&mut state, key(KeyCode::Backspace));
    type_keys(&mut state, "4");
    press(&mut state, key(KeyCode::Tab));
    type_keys(&mut state, "Mock exam went well");
    enter(&mut state);
    let goal = &state.plan().goals[2];
    let c = goal.checkins.last().unwrap();
    assert_eq!((c.date, c.confidence), (today(), 4));
    let m = &goal.measures[0];
    assert_eq!(m.current, 71.0);
    assert_eq!(
        m.points.last().map(|p| (p.date, p.value)),
        Some((today(), 71.0))
    );
}

#[test]
fn read_only_refuses_every_edit_without_asking_to_save() {
    let mut state = demo_app(100, 30);
    state.session.read_only = Some("another goalcoach".into());
    let before = state.plan().clone();
    for keys in ["x", "n", "a", "e", "d", "K", "J", "s", "u", "c"] {
        assert!(type_keys(&mut state, keys).is_empty(), "{keys}");
        assert!(
            state.form().is_none() && state.question().is_none(),
            "{keys}"
        );
    }
    assert_eq!(*state.plan(), before);
}

#[test]
fn paste_goes_into_the_field_without_control_characters() {
    let mut state = empty_app(100, 30);
    type_keys(&mut state, "n");
    handle_event(
        &mut state,
        &Event::Paste("Pasted\u{1b}[31m title\nsecond line".into()),
    );
    enter(&mut state);
    assert_eq!(state.plan().goals[0].title, "Pasted[31m title second line");
}

#[test]
fn number_keys_and_tab_switch_screens() {
    let mut state = demo_app(100, 30);
    type_keys(&mut state, "3");
    assert_eq!(state.screen, goalcoach::app::action::Screen::Priorities);
    press(&mut state, key(KeyCode::Tab));
    assert_eq!(state.screen, goalcoach::app::action::Screen::Review);
    // The tree's own keys (move an item, add a step under a goal) do nothing off the Goals
    // screen, even with an item selected there.
    type_keys(&mut state, "3");
    assert!(state.current_item().is_some(), "a step is selected");
    let before = state.plan().clone();
    assert!(type_keys(&mut state, "JKA").is_empty());
    assert_eq!(*state.plan(), before);
    assert!(state.overlay.is_none(), "no form opened");
    // The same keys act on the Goals screen.
    type_keys(&mut state, "1j");
    assert_eq!(type_keys(&mut state, "J"), [Effect::Save]);
    assert_ne!(*state.plan(), before);
}

#[test]
fn status_cycles_on_the_selected_goal() {
    let mut state = demo_app(100, 30);
    type_keys(&mut state, "s");
    assert_eq!(
        state.plan().goals[0].status,
        goalcoach::model::GoalStatus::OnHold
    );
    // A change of course asks why, in one line; the answer is kept with the goal.
    assert!(
        state.form_mut().is_some(),
        "putting a goal on hold asks why"
    );
    type_keys(&mut state, "hiring freeze\n");
    let kept = &state.plan().goals[0].adaptations;
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (kept[0].to.as_str(), kept[0].why.as_str()),
        ("on hold", "hiring freeze")
    );
    // Esc leaves the reason unsaid; the change itself stays.
    for _ in 0..2 {
        type_keys(&mut state, "s");
        press(&mut state, key(KeyCode::Esc));
    }
    assert_eq!(
        state.plan().goals[0].status,
        goalcoach::model::GoalStatus::Active
    );
    let kept = &state.plan().goals[0].adaptations;
    assert_eq!(kept.len(), 3);
    assert_eq!(kept[2].why, "");
}

#[test]
fn an_outside_change_keeps_both_versions_visibly_and_ours_can_come_back() {
    use goalcoach::app::perform;
    use goalcoach::store::Store;
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, plan) = Store::open(tmp.path(), today()).unwrap();
    let mut state = app(plan, 100, 30);
    type_keys(&mut state, "nFirst goal");
    assert_eq!(enter(&mut state), Effect::Save);
    perform(Effect::Save, &mut state, &mut store);
    assert!(state.session.save_error.is_none());
    let path = tmp.path().join("plan.json");
    let theirs = "{\"schema_version\": 1, \"goals\": []}\n";
    std::fs::write(&path, theirs).unwrap();
    type_keys(&mut state, "x");
    perform(Effect::Save, &mut state, &mut store);
    let copy = state
        .session
        .conflict_copy
        .clone()
        .expect("our version went to a copy");
    let screen = render(&state);
    assert!(screen.contains("CHANGED OUTSIDE"), "{screen}");
    let flat: String = screen.split_whitespace().collect();
    let full_copy: String = copy.display().to_string().split_whitespace().collect();
    assert!(
        flat.contains(&full_copy.replace(' ', "")),
        "the copy is named in full:\n{screen}"
    );
    assert_eq!(
        state.plan().goals[0].status,
        goalcoach::model::GoalStatus::Done,
        "memory keeps the edit"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "theirs stays"
    );
    // Another change while in conflict replaces the same copy instead of adding one.
    assert_eq!(
        state.question().map(|q| q.on_yes.clone()),
        Some(goalcoach::app::overlay::Answer::LoadOutsideVersion),
        "yes would load the version on disk"
    );
    type_keys(&mut state, "n"); // "no, keep working" closes the question
    type_keys(&mut state, "nSecond goal");
    assert_eq!(enter(&mut state), Effect::Save);
    perform(Effect::Save, &mut state, &mut store);
    let copies = files::files_named(tmp.path(), |name| name.starts_with("plan.conflict-"));
    assert_eq!(copies, 1, "one conflict copy per conflict");
    assert!(
        state.question().is_none(),
        "asked once per conflict, not at every change"
    );
    // R (named in the title bar) loads theirs; then ours is offered back, and yes puts it in
    // place.
    let effect = type_keys(&mut state, "R");
    assert_eq!(effect, [Effect::Reload]);
    assert_eq!(
        perform(Effect::Reload, &mut state, &mut store),
        Effect::None
    );
    assert!(state.plan().goals.is_empty(), "their version is loaded");
    let screen = render(&state);
    assert!(screen.contains("Put yours back"), "{screen}");
    let effect = type_keys(&mut state, "y");
    assert_eq!(effect, [Effect::BringBack(copy.clone())]);
    perform(effect[0].clone(), &mut state, &mut store);
    assert_eq!(state.plan().goals.len(), 2, "ours is back");
    assert!(
        !copy.exists(),
        "the copy, now the same as plan.json, is cleared away"
    );
    let on_disk: goalcoach::model::Plan =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(on_disk.goals.len(), 2);
    let kept = std::fs::read_dir(tmp.path().join("backups"))
        .unwrap()
        .count();
    assert!(kept >= 1, "theirs is kept in backups/");
}

#[test]
fn quitting_after_a_failed_save_asks_and_can_write_the_changes_elsewhere() {
    use goalcoach::app::perform;
    use goalcoach::store::Store;
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, plan) = Store::open(tmp.path(), today()).unwrap();
    let mut state = app(plan, 100, 30);
    store.inject_fault(Some("write"));
    type_keys(&mut state, "nKept in memory");
    enter(&mut state);
    perform(Effect::Save, &mut state, &mut store);
    assert!(state.session.save_error.is_some());
    assert!(type_keys(&mut state, "q").is_empty(), "q does not quit");
    let screen = render(&state);
    assert!(
        screen.contains("not on disk") && screen.contains("goalcoach-unsaved-"),
        "{screen}"
    );
    // n stays; quitting again asks again.
    assert!(type_keys(&mut state, "n").is_empty());
    assert_eq!(
        goalcoach::app::handle_key(&mut state, &ctrl('c')),
        Effect::None
    );
    // y writes the plan to the named file, then quits.
    let Some(goalcoach::app::overlay::Question {
        on_yes: goalcoach::app::overlay::Answer::RescueAndQuit(offered),
        ..
    }) = state.question().cloned()
    else {
        panic!("expected the rescue question");
    };
    assert!(offered.is_absolute(), "{offered:?}");
    let rescue = tmp.path().join("rescued.json");
    state.ask(
        String::new(),
        goalcoach::app::overlay::Answer::RescueAndQuit(rescue.clone()),
    );
    let effect = type_keys(&mut state, "y");
    assert_eq!(
        perform(effect[0].clone(), &mut state, &mut store),
        Effect::Quit
    );
    let rescued: goalcoach::model::Plan =
        serde_json::from_str(&std::fs::read_to_string(&rescue).unwrap()).unwrap();
    assert_eq!(rescued.goals[0].title, "Kept in memory");
    // Quitting a second time from the question quits without them, on purpose.
    type_keys(&mut state, "q");
    assert_eq!(
        goalcoach::app::handle_key(&mut state, &ctrl('c')),
        Effect::Quit
    );
}

#[test]
fn a_plan_deleted_behind_the_app_is_written_again_and_never_swapped_for_an_empty_one() {
    use goalcoach::app::perform;
    use goalcoach::store::Store;
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, plan) = Store::open(tmp.path(), today()).unwrap();
    let mut state = app(plan, 100, 30);
    type_keys(&mut state, "nStill here");
    enter(&mut state);
    perform(Effect::Save, &mut state, &mut store);
    let path = tmp.path().join("plan.json");
    std::fs::remove_file(&path).unwrap();
    assert_eq!(
        perform(Effect::Reload, &mut state, &mut store),
        Effect::None
    );
    assert_eq!(state.plan().goals.len(), 1, "R keeps the plan in memory");
    assert!(render(&state).contains("not on disk any more"));
    type_keys(&mut state, "x");
    perform(Effect::Save, &mut state, &mut store);
    assert!(
        state.session.save_error.is_none(),
        "{:?}",
        state.session.save_error
    );
    let on_disk: goalcoach::model::Plan =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(on_disk.goals[0].title, "Still here");
}

#[test]
fn the_day_follows_the_clock_while_the_app_is_open() {
    let mut state = app(goalcoach::model::Plan::default(), 100, 30);
    type_keys(&mut state, "nBefore midnight");
    enter(&mut state);
    let tomorrow = today().succ_opt().unwrap();
    state.set_today(tomorrow);
    type_keys(&mut state, "nAfter midnight");
    enter(&mut state);
    type_keys(&mut state, "x");
    let after = &state.plan().goals[1];
    assert_eq!(after.created, tomorrow, "a new goal gets the new day");
    assert_eq!(after.completed, Some(tomorrow), "done today is the new day");
    assert_eq!(state.plan().goals[0].created, today());
}

fn title(state: &goalcoach::app::state::AppState, id: Option<goalcoach::model::ItemId>) -> String {
    state.plan().title_of(id.unwrap()).unwrap().to_string()
}

#[test]
fn agenda_acts_in_place_and_keeps_a_selection() {
    let mut state = demo_app(110, 30);
    type_keys(&mut state, "2");
    let first = state.current_item();
    assert_eq!(title(&state, first), "Ask Priya for a monthly 1:1");
    assert_eq!(type_keys(&mut state, "x"), [Effect::Save]);
    assert!(state.plan().step(first.unwrap()).unwrap().is_done());
    assert!(
        render(&state).contains("Every step of the milestone"),
        "the milestone's last step offers to finish it"
    );
    type_keys(&mut state, "n");
    assert_eq!(
        title(&state, state.current_item()),
        "Draft the abstract",
        "the next item is selected"
    );
    type_keys(&mut state, "t");
    state
        .form_mut()
        .unwrap()
        .focused()
        .unwrap()
        .input
        .set("+1w");
    enter(&mut state);
    let step = state.plan().step(state.current_item().unwrap()).unwrap();
    assert_eq!(step.due, "2026-11-28".parse().ok());
    assert_eq!(step.reschedules, 1);
    enter(&mut state);
    assert_eq!(state.screen, goalcoach::app::action::Screen::Goals);
    assert_eq!(
        title(&state, state.screens.goals.selected),
        "Draft the abstract"
    );
}

#[test]
fn priorities_move_between_boxes_and_urgency_moves_a_step() {
    let mut state = demo_app(110, 30);
    type_keys(&mut state, "3");
    assert_eq!(state.screens.priorities.quadrant, 0);
    type_keys(&mut state, "l");
    let picked = state.current_item();
    assert_eq!(
        title(&state, picked),
        "Present the plan at architecture review"
    );
    type_keys(&mut state, "U");
    assert_eq!(state.plan().step(picked.unwrap()).unwrap().urgency, 3);
    let scope = goalcoach::model::view::Scope::default();
    let boxes = goalcoach::model::priority::matrix(state.plan(), today(), &scope);
    assert!(boxes[0].contains(&picked.unwrap()), "now in Do now");
    assert_eq!(
        (state.screens.priorities.quadrant, state.current_item()),
        (0, picked),
        "the cursor went with the step to its new box"
    );
    type_keys(&mut state, "h");
    assert_eq!(state.screens.priorities.quadrant, 0);
    type_keys(&mut state, "jjjj");
    assert_eq!(
        state.screens.priorities.quadrant, 2,
        "down past the last goes to the box below"
    );
    type_keys(&mut state, "k");
    assert_eq!(state.screens.priorities.quadrant, 0);
}

/// Presses Tab (and PgDn to the next section once a section's fields wrap around) until the
/// form's focused field is called `name` (the `nth` one, from 0), or, for a section with
/// rows, a field of its rows.
fn focus_field(state: &mut goalcoach::app::state::AppState, name: &str, nth: usize) {
    let mut seen = 0;
    for _ in 0..200 {
        let form = state.form().expect("a form is open");
        let before = form.focus;
        // A section's heading is a stop only while it is empty; with rows, its first row
        // stands for it (Ctrl-n there adds a row the same way).
        let in_section = form.fields[form.focus].row.is_some_and(|(s, _)| s == name);
        if in_section && nth == 0 {
            return;
        }
        if form.fields[form.focus].name == name {
            if seen == nth {
                return;
            }
            seen += 1;
        }
        press(state, key(KeyCode::Tab));
        if state.form().expect("a form is open").focus <= before {
            press(state, key(KeyCode::PageDown));
        }
    }
    panic!("no field {name} #{nth}");
}

#[test]
fn the_goal_editor_adds_barriers_and_resources_as_rows() {
    let mut state = empty_app(100, 30);
    build_small_tree(&mut state);
    type_keys(&mut state, "g");
    type_keys(&mut state, "e");
    focus_field(&mut state, "barriers", 0);
    press(&mut state, ctrl('n'));
    type_keys(&mut state, "Stage fright");
    press(&mut state, key(KeyCode::Tab));
    type_keys(
        &mut state,
        "If I freeze, then I look at my notes and breathe",
    );
    focus_field(&mut state, "resources", 0);
    press(&mut state, ctrl('n'));
    type_keys(&mut state, "Speaker coach");
    press(&mut state, key(KeyCode::Tab));
    press(&mut state, key(KeyCode::Right)); // other → skill
    press(&mut state, key(KeyCode::Right)); // skill → people
    assert_eq!(enter(&mut state), Effect::Save);
    let goal = &state.plan().goals[0];
    assert_eq!(goal.barriers.len(), 1);
    assert_eq!(goal.barriers[0].obstacle, "Stage fright");
    assert_eq!(
        goal.barriers[0].strategy,
        "If I freeze, then I look at my notes and breathe"
    );
    assert_eq!(goal.resources[0].what, "Speaker coach");
    assert_eq!(
        goal.resources[0].kind,
        goalcoach::model::ResourceKind::People
    );
}

#[test]
fn rows_are_reordered_and_deleted_in_the_goal_editor() {
    let mut state = demo_app(100, 30);
    select_title(&mut state, "Pass the cloud architect certification");
    type_keys(&mut state, "e");
    focus_field(&mut state, "checkin_confidence", 0);
    press(&mut state, key(KeyCode::Backspace));
    type_keys(&mut state, "5");
    focus_field(&mut state, "checkin_note", 1);
    press(&mut state, ctrl('d'));
    focus_field(&mut state, "barriers", 0);
    press(&mut state, ctrl('n'));
    type_keys(&mut state, "Second barrier");
    press(&mut state, ctrl_key(KeyCode::Up));
    enter(&mut state);
    let goal = &state.plan().goals[2];
    let confidences: Vec<_> = goal.checkins.iter().map(|c| c.confidence).collect();
    assert_eq!(confidences, [5, 2], "first edited, second deleted");
    let obstacles: Vec<_> = goal.barriers.iter().map(|b| b.obstacle.as_str()).collect();
    assert_eq!(
        obstacles,
        ["Second barrier", "Evenings get eaten by on-call"]
    );
}

#[test]
fn a_check_in_without_a_date_is_refused_in_place() {
    let mut state = demo_app(100, 30);
    type_keys(&mut state, "e");
    focus_field(&mut state, "checkin_date", 0);
    let field = state.form_mut().unwrap().focused().unwrap();
    field.input.set("");
    assert_eq!(enter(&mut state), Effect::None);
    let form = state.form().unwrap();
    assert_eq!(
        form.fields[form.focus].error.as_deref(),
        Some("A check-in needs a date.")
    );
}

#[test]
fn ctrl_e_hands_long_text_to_the_editor_and_takes_it_back() {
    let mut state = demo_app(100, 30);
    type_keys(&mut state, "e");
    assert_eq!(
        press(&mut state, ctrl('e')),
        Effect::None,
        "the title is not long text"
    );
    focus_field(&mut state, "notes", 0);
    assert_eq!(
        press(&mut state, ctrl('e')),
        Effect::EditText(String::new())
    );
    let done = goalcoach::app::action::Action::EditorDone(Ok("line one\nline two\n".into()));
    goalcoach::app::update::update(&mut state, done);
    enter(&mut state);
    assert_eq!(state.plan().goals[0].notes, "line one\nline two");
}

#[test]
fn file_work_only_reports_and_update_applies_what_it_found() {
    use goalcoach::app::action::Action;
    use goalcoach::app::outcome::{Outcome, Saving};
    use goalcoach::store::Store;
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, plan) = Store::open(tmp.path(), today()).unwrap();
    let mut state = app(plan, 100, 24);
    store.inject_fault(Some("fsync"));
    type_keys(&mut state, "nNot on disk yet");
    enter(&mut state);
    // The file work reads the state (it cannot change it) and says what happened...
    let outcome = goalcoach::app::effects::perform(Effect::Save, &state.core, &mut store);
    let Some(Outcome::Saved(Saving::Failed(why))) = outcome.clone() else {
        panic!("a failed save is reported: {outcome:?}");
    };
    assert!(why.contains("fsync failed"), "{why}");
    assert!(state.session.save_error.is_none(), "nothing applied yet");
    // ...and update puts it into words and keeps it until a save succeeds.
    let reply = Action::Reply(Box::new(outcome.unwrap()));
    assert_eq!(
        goalcoach::app::update::update(&mut state, reply),
        Effect::None
    );
    assert_eq!(state.session.save_error.as_deref(), Some(why.as_str()));
    assert!(render(&state).contains("NOT SAVED"));
}

#[test]
fn a_disk_failure_is_shown_and_the_next_change_retries_the_save() {
    use goalcoach::app::perform;
    use goalcoach::store::Store;
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, plan) = Store::open(tmp.path(), today()).unwrap();
    let mut state = app(plan, 100, 24);
    store.inject_fault(Some("fsync"));
    type_keys(&mut state, "nWill be saved later");
    enter(&mut state);
    perform(Effect::Save, &mut state, &mut store);
    let error = state.session.save_error.clone().expect("shown");
    assert!(error.contains("fsync failed"), "{error}");
    assert!(render(&state).contains("NOT SAVED"));
    assert!(!tmp.path().join("plan.json").exists());
    store.inject_fault(None);
    type_keys(&mut state, "x");
    perform(Effect::Save, &mut state, &mut store);
    assert!(state.session.save_error.is_none());
    let on_disk = std::fs::read_to_string(tmp.path().join("plan.json")).unwrap();
    assert!(on_disk.contains("Will be saved later") && on_disk.contains("\"status\": \"done\""));
}

#[test]
fn after_a_failed_save_the_plan_can_be_saved_again_or_copied_elsewhere() {
    use goalcoach::app::perform;
    use goalcoach::store::Store;
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, plan) = Store::open(tmp.path(), today()).unwrap();
    let mut state = app(plan, 100, 24);
    store.inject_fault(Some("write"));
    type_keys(&mut state, "nRescue me");
    enter(&mut state);
    perform(Effect::Save, &mut state, &mut store);
    assert!(state.session.save_error.is_some());
    type_keys(&mut state, "W");
    assert_eq!(enter(&mut state), Effect::None, "a path is needed");
    let copy = tmp.path().join("elsewhere").join("copy.json");
    std::fs::create_dir(copy.parent().unwrap()).unwrap();
    type_keys(&mut state, copy.to_str().unwrap());
    assert_eq!(enter(&mut state), Effect::WriteCopy(copy.clone()));
    goalcoach::store::write_copy(state.plan(), &copy).unwrap();
    assert!(
        std::fs::read_to_string(&copy)
            .unwrap()
            .contains("Rescue me")
    );
    store.inject_fault(None);
    assert_eq!(press(&mut state, ctrl('s')), Effect::Save);
    perform(Effect::Save, &mut state, &mut store);
    assert!(state.session.save_error.is_none());
    assert!(tmp.path().join("plan.json").exists());
    let screen = render(&state);
    assert!(
        screen.contains("on disk again") && !screen.contains("NOT SAVED"),
        "{screen}"
    );
}

fn mouse(kind: crossterm::event::MouseEventKind, column: u16, row: u16) -> crossterm::event::Event {
    crossterm::event::Event::Mouse(crossterm::event::MouseEvent {
        kind,
        column,
        row,
        modifiers: crossterm::event::KeyModifiers::NONE,
    })
}

#[test]
fn a_click_selects_a_row_or_switches_screen_and_the_wheel_scrolls() {
    use crossterm::event::{MouseButton, MouseEventKind};
    let mut state = demo_app(120, 30);
    // The tree's first row is at (1, 2): title bar, then the tree's top border.
    handle_event(
        &mut state,
        &mouse(MouseEventKind::Down(MouseButton::Left), 5, 2 + 3),
    );
    assert_eq!(state.screens.goals.cursor, 3);
    assert_eq!(
        state.screens.goals.selected,
        Some(state.screens.goals.rows[3].id)
    );
    handle_event(&mut state, &mouse(MouseEventKind::ScrollDown, 5, 10));
    assert_eq!(state.screens.goals.cursor, 6);
    handle_event(&mut state, &mouse(MouseEventKind::ScrollUp, 5, 10));
    assert_eq!(state.screens.goals.cursor, 3);
    // " goalcoach " then " 1 Goals " then " 2 Agenda ": column 22 is on the Agenda tab.
    handle_event(
        &mut state,
        &mouse(MouseEventKind::Down(MouseButton::Left), 22, 0),
    );
    assert_eq!(state.screen, goalcoach::app::action::Screen::Agenda);
    type_keys(&mut state, "1e");
    let before = state.screens.goals.cursor;
    handle_event(
        &mut state,
        &mouse(MouseEventKind::Down(MouseButton::Left), 5, 4),
    );
    assert_eq!(
        state.screens.goals.cursor, before,
        "clicks do nothing behind an open form"
    );
}

#[test]
fn a_remapped_key_works_and_the_help_shows_it() {
    let (config, problems) = goalcoach::config::parse("[keys]\nnew_goal = \"+\"\n", "test.toml");
    assert!(problems.is_empty(), "{problems:?}");
    let mut state = empty_app(100, 40);
    state.settings.keymap = config.keymap;
    type_keys(&mut state, "n");
    assert!(state.form().is_none(), "n no longer makes a goal");
    type_keys(&mut state, "+");
    assert!(state.form().is_some(), "+ does");
    press(&mut state, key(KeyCode::Esc));
    type_keys(&mut state, "?");
    let mut help = String::new();
    for _ in 0..60 {
        help.push_str(&render(&state));
        type_keys(&mut state, "j");
    }
    assert!(
        help.lines()
            .any(|l| l.contains("  +  ") && l.contains("new goal")),
        "{help}"
    );
    assert!(
        !help
            .lines()
            .any(|l| l.contains("  n  ") && l.contains("new goal")),
        "{help}"
    );
    press(&mut state, key(KeyCode::Esc));
    assert!(
        render(&state).contains("+ new goal"),
        "the footer shows it too"
    );
}

#[test]
fn ctrl_z_without_a_shell_to_come_back_to_says_so_instead_of_stopping_for_good() {
    let mut state = demo_app(100, 30);
    assert_eq!(
        press(&mut state, ctrl('z')),
        Effect::Suspend,
        "with job control it stops"
    );
    state.session.no_job_control = true;
    assert_eq!(press(&mut state, ctrl('z')), Effect::None);
    assert!(
        render(&state).contains("no job control"),
        "{}",
        render(&state)
    );
}

#[test]
fn on_a_terminal_too_small_to_draw_in_a_question_is_still_shown_and_answered() {
    let mut state = demo_app(100, 30);
    type_keys(&mut state, "nHalf a title");
    goalcoach::app::update::update(&mut state, goalcoach::app::action::Action::Resize(20, 5));
    assert_eq!(
        goalcoach::app::handle_key(&mut state, &ctrl('c')),
        Effect::None,
        "a changed form asks first"
    );
    let screen = render(&state);
    assert!(
        screen.contains("y discards"),
        "the question is on screen: {screen}"
    );
    type_keys(&mut state, "y");
    assert!(state.question().is_none());
}

/// Checks in on the demo's certification goal at `confidence`, with a note.
fn check_in_at(state: &mut goalcoach::app::state::AppState, confidence: &str) {
    for _ in 0..40 {
        if state.plan().title_of(state.screens.goals.selected.unwrap())
            == Some("Pass the cloud architect certification")
        {
            break;
        }
        type_keys(state, "j");
    }
    type_keys(state, "c");
    press(state, key(KeyCode::Tab));
    press(state, key(KeyCode::Backspace));
    type_keys(state, confidence);
    press(state, key(KeyCode::Tab));
    type_keys(state, "Practice exam went badly");
    enter(state);
}

#[test]
fn a_low_confidence_check_in_asks_what_would_raise_it_and_the_answer_is_one_undoable_step() {
    let mut state = demo_app(120, 40);
    check_in_at(&mut state, "2");
    let screen = render(&state);
    assert!(
        screen.contains("Confidence 2 of 5") && screen.contains("raise it by one point"),
        "{screen}"
    );
    type_keys(&mut state, "Book a tutoring session");
    enter(&mut state);
    let goal = state.plan().goals[2].clone();
    let step = goal.steps.last().unwrap();
    assert_eq!(step.title, "Book a tutoring session");
    assert_eq!(step.due, Some(today() + chrono::Days::new(7)));
    assert_eq!(
        goal.checkins.last().unwrap().confidence,
        2,
        "the check-in stays"
    );
    type_keys(&mut state, "u");
    let goal = &state.plan().goals[2];
    assert!(
        goal.steps
            .iter()
            .all(|s| s.title != "Book a tutoring session")
    );
    assert_eq!(
        goal.checkins.last().unwrap().confidence,
        2,
        "undo takes the answer only"
    );
}

#[test]
fn an_answer_with_an_if_then_plan_is_a_barrier_and_steady_confidence_asks_nothing() {
    let mut state = demo_app(120, 40);
    check_in_at(&mut state, "1");
    type_keys(&mut state, "No time to study");
    press(&mut state, key(KeyCode::Tab));
    press(&mut state, key(KeyCode::Tab));
    type_keys(&mut state, "I study on the train");
    enter(&mut state);
    let b = state.plan().goals[2].barriers.last().unwrap().clone();
    assert_eq!(
        (b.obstacle.as_str(), b.strategy.as_str()),
        ("No time to study", "I study on the train")
    );
    let mut calm = demo_app(120, 40);
    check_in_at(&mut calm, "4");
    assert!(calm.form_mut().is_none(), "nothing more is asked at 4 of 5");
}

/// A goal with a milestone of one open step, and a weekly practice step.
fn plan_with_a_practice() -> goalcoach::model::Plan {
    use goalcoach::model::{ActionStep, Goal, Milestone, Plan, Recurrence};
    let mut plan = Plan::default();
    let mut g = Goal::new(plan.new_id(), "Lead a team", today());
    let mut m = Milestone::new(plan.new_id(), "First 1:1s held");
    m.steps.push(ActionStep::new(plan.new_id(), "Hold them"));
    g.milestones.push(m);
    let mut practice = ActionStep::new(plan.new_id(), "Weekly 1:1 with Sam");
    practice.recurrence = Some(Recurrence::WEEKLY);
    practice.due = Some(today());
    g.steps.push(practice);
    plan.goals.push(g);
    goalcoach::model::check::repair_ids(&mut plan);
    plan
}

#[test]
fn the_last_step_of_a_milestone_offers_to_finish_it_and_a_finished_goal_asks_about_practice() {
    let mut state = app(plan_with_a_practice(), 120, 40);
    type_keys(&mut state, "jjx");
    let screen = render(&state);
    assert!(
        screen.contains("Every step of the milestone") && screen.contains("mark it done"),
        "{screen}"
    );
    type_keys(&mut state, "y");
    assert!(state.plan().goals[0].milestones[0].is_done());
    assert!(
        render(&state).contains("Log it in your"),
        "then it is celebrated"
    );
    type_keys(&mut state, "n");

    // Finishing the goal while its weekly practice runs asks what to do with it.
    type_keys(&mut state, "gg");
    let first = state.plan().goals[0].title.clone();
    select_title(&mut state, &first);
    type_keys(&mut state, "x");
    let screen = render(&state);
    assert!(
        screen.contains("still repeats") && screen.contains("keep it as a habit"),
        "{screen}"
    );
    type_keys(&mut state, "n");
    let practice = &state.plan().goals[0].steps[0];
    assert!(!practice.is_done(), "kept as a habit");
    assert!(
        render(&state).contains("Log it in your"),
        "and the goal is celebrated"
    );
    type_keys(&mut state, "n");
    type_keys(&mut state, "x");
    type_keys(&mut state, "x");
    type_keys(&mut state, "y");
    assert!(
        state.plan().goals[0].steps[0].is_done(),
        "stopped, done today"
    );
}

#[test]
fn s_on_a_step_says_it_is_for_goals_and_changes_nothing() {
    let mut state = demo_app(120, 30);
    type_keys(&mut state, "jj");
    let before = state.plan().clone();
    assert!(
        type_keys(&mut state, "s")
            .iter()
            .all(|e| *e == Effect::None)
    );
    assert_eq!(*state.plan(), before, "the goal is not put on hold");
    assert!(
        render(&state).contains("sets a goal's status"),
        "{}",
        render(&state)
    );
}

#[test]
fn editing_a_title_adds_to_it_and_a_date_is_replaced_by_typing() {
    let mut state = demo_app(120, 30);
    type_keys(&mut state, "e");
    type_keys(&mut state, " soon");
    let title = state.form_mut().unwrap().fields[0]
        .input
        .value()
        .to_string();
    assert_eq!(title, "Move into a staff engineer role soon");
    press(&mut state, key(KeyCode::Esc));
    type_keys(&mut state, "y"); // throw the change away
    type_keys(&mut state, "jjt");
    type_keys(&mut state, "+1w");
    let date = state.form_mut().unwrap().fields[0]
        .input
        .value()
        .to_string();
    assert_eq!(date, "+1w", "a pre-filled date is replaced");
}

#[test]
fn typing_on_an_empty_sections_heading_starts_a_row_and_nothing_is_lost() {
    use goalcoach::app::forms::FieldKind;
    let mut state = app(plan_with_a_practice(), 120, 40);
    type_keys(&mut state, "e");
    // The editor's barriers and resources page: the barriers heading of a goal with none.
    press(&mut state, key(KeyCode::PageDown));
    let form = state.form_mut().unwrap();
    let heading = form
        .fields
        .iter()
        .position(|f| f.kind == FieldKind::Section && f.name == "barriers")
        .unwrap();
    form.focus_on(heading);
    type_keys(&mut state, "Release weeks");
    let form = state.form_mut().unwrap();
    let row = form.focused().unwrap();
    assert_eq!(row.input.value(), "Release weeks");
    assert_eq!(row.row.map(|(s, _)| s), Some("barriers"));
}
