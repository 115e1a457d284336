//! Key results through the real keymap → update → draw path: the goal editor's Measures page
//! adds, reorders and deletes measures (bad ones refused under their fields), the details
//! show each with its own pace (leading first), and a check-in asks every measure's value
//! (blank keeps it).

mod common;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use goalcoach::app::state::AppState;

const TALK: &str = "Give a talk at a regional conference";

fn alt(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)
}

/// Tabs to the `n`th field called `name` of the open form.
fn focus_nth(state: &mut AppState, name: &str, n: usize) {
    let form = state.form().unwrap();
    let at = (0..form.fields.len())
        .filter(|&i| form.fields[i].name == name)
        .nth(n)
        .unwrap_or_else(|| panic!("no field {name} #{n}"));
    for _ in 0..form.fields.len() {
        if state.form().unwrap().focus == at {
            return;
        }
        press(state, key(KeyCode::Tab));
    }
    panic!("field {name} #{n} not reached");
}

/// Adds a measure row after the last one on the Measures page and fills it.
fn add_measure(state: &mut AppState, fields: &str, leading: bool) {
    let rows = state
        .form()
        .unwrap()
        .fields
        .iter()
        .filter(|f| f.name == "name")
        .count();
    press(state, alt('2'));
    if rows > 0 {
        focus_nth(state, "name", rows - 1);
    }
    press(state, ctrl('n'));
    type_keys(state, fields);
    if leading {
        press(state, key(KeyCode::Tab));
        press(state, key(KeyCode::Right));
    }
}

#[test]
fn three_measures_are_added_in_the_editor_and_shown_each_with_its_pace() {
    let mut state = demo_app(120, 50);
    select_title(&mut state, TALK);
    type_keys(&mut state, "e");
    press(&mut state, alt('2'));
    add_measure(&mut state, "Meetup talks\ttalks\t0\t1\t3", true);
    insta::assert_snapshot!("measures_page", render(&state));
    enter(&mut state);
    assert!(state.form().is_none(), "saved");
    let goal = state
        .plan()
        .goal_of(state.screens.goals.selected.unwrap())
        .unwrap();
    let names: Vec<_> = goal.measures.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Talks given", "Proposals sent", "Meetup talks"]);
    let added = &goal.measures[2];
    assert!(added.leading && added.id > 2, "a fresh id: {}", added.id);
    assert_eq!((added.start, added.current, added.target), (0.0, 1.0, 3.0));
    // The details: leading ones first, each with its own standing.
    let screen = render(&state);
    insta::assert_snapshot!("details_with_three_measures", screen);
    let leading = screen.find("Proposals sent").unwrap();
    let lagging = screen.find("Talks given").unwrap();
    assert!(leading < lagging, "leading first:\n{screen}");
}

#[test]
fn a_bad_measure_is_refused_under_its_field_and_nothing_typed_is_lost() {
    let mut state = demo_app(120, 50);
    select_title(&mut state, TALK);
    type_keys(&mut state, "e");
    add_measure(&mut state, "Talks given\t\t2\t2\t2", false);
    enter(&mut state);
    let form = state.form().expect("stays open");
    let errors: Vec<_> = form.fields.iter().filter_map(|f| f.error.clone()).collect();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("Another measure of this goal has that name")),
        "{errors:?}"
    );
    let row = form
        .fields
        .iter()
        .filter(|f| f.name == "name")
        .nth(2)
        .unwrap();
    assert_eq!(row.input.value(), "Talks given");
    // Renamed, the target equal to the start is the next thing said.
    focus_nth(&mut state, "name", 2);
    press(&mut state, ctrl('u'));
    type_keys(&mut state, "Panels");
    enter(&mut state);
    let form = state.form().expect("still open");
    let errors: Vec<_> = form.fields.iter().filter_map(|f| f.error.clone()).collect();
    assert!(
        errors.iter().any(|e| e.contains("equal to the start")),
        "{errors:?}"
    );
    press(&mut state, ctrl('d'));
    enter(&mut state);
    assert!(
        state.form().is_none(),
        "the bad row deleted, the rest saves"
    );
}

#[test]
fn a_check_in_asks_every_measure_and_a_blank_keeps_it() {
    let mut state = demo_app(120, 50);
    select_title(&mut state, TALK);
    type_keys(&mut state, "c");
    let form = state.form().unwrap();
    let labels: Vec<_> = form
        .fields
        .iter()
        .filter(|f| f.name == "value")
        .map(|f| f.label.clone())
        .collect();
    assert_eq!(labels, ["Proposals sent now", "Talks given now"]);
    // Proposals: 2; talks: blanked (kept as it is).
    type_keys(&mut state, "2\t");
    press(&mut state, ctrl('u'));
    enter(&mut state);
    let goal = state
        .plan()
        .goal_of(state.screens.goals.selected.unwrap())
        .unwrap();
    let proposals = goal.measure_named("Proposals sent").unwrap();
    assert_eq!(proposals.current, 2.0);
    assert_eq!(proposals.points.last().unwrap().date, today());
    let talks = goal.measure_named("Talks given").unwrap();
    assert_eq!(talks.current, 0.0);
    assert!(talks.points.is_empty(), "a blank records nothing");
}

#[test]
fn b_on_the_review_screen_writes_the_brief_beside_the_plan_and_names_the_file() {
    use goalcoach::app::action::Effect;
    use goalcoach::app::perform;
    use goalcoach::store::Store;
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(tmp.path(), today()).unwrap();
    let mut state = demo_app(120, 40);
    let effects = type_keys(&mut state, "4b");
    assert_eq!(effects, [Effect::WriteBrief]);
    perform(Effect::WriteBrief, &mut state, &mut store);
    let path = tmp
        .path()
        .join("briefs")
        .join(format!("brief-{}.md", today()));
    let text = std::fs::read_to_string(&path).expect("the brief is written");
    assert!(
        text.starts_with("# Career brief, 2026-10-24 to 2026-11-21"),
        "{text}"
    );
    assert!(
        text.contains("## Give a talk at a regional conference"),
        "{text}"
    );
    assert!(text.contains("Proposals sent (leading)"), "{text}");
    let status = state.status.as_ref().unwrap().text.clone();
    assert!(status.contains(&path.display().to_string()), "{status}");
}
