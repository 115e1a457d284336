//! Every editing form opened on the demo plan and saved as it opened changes nothing: each
//! goal's, milestone's and step's editor, each item's new-date prompt, every profile section,
//! the week's reflection. Through the real keymap → update path, Enter to save. A form that
//! writes back a value it shows differently (a date, a number, a list, a choice) fails here.

mod common;

use common::*;
use goalcoach::app::action::Action;
use goalcoach::app::state::AppState;
use goalcoach::app::update::update;
use goalcoach::model::profile::Section;

/// Opens a form with `keys`, saves it untouched, and checks the plan is as it was.
fn save_untouched(state: &mut AppState, keys: &str, what: &str) {
    let before = state.plan().clone();
    type_keys(state, keys);
    let Some(form) = state.form() else {
        panic!("{keys} opened no form on {what}");
    };
    let title = form.title.clone();
    enter(state);
    // A paged form or a chained one may need more Enters; none here should.
    assert!(
        state.form().is_none(),
        "{what} ({title}): the form stayed open: {:?}",
        state.form().map(|f| f
            .fields
            .iter()
            .filter_map(|f| f.error.clone())
            .collect::<Vec<_>>())
    );
    assert!(
        *state.plan() == before,
        "{what} ({title}): saving an untouched form changed the plan"
    );
}

#[test]
fn every_item_editor_and_date_prompt_saved_untouched_changes_nothing() {
    let mut state = demo_app(120, 40);
    type_keys(&mut state, "1g");
    let mut seen = Vec::new();
    for _ in 0..500 {
        let id = state.screens.goals.selected.expect("a row is selected");
        if seen.contains(&id) {
            break;
        }
        seen.push(id);
        let what = format!("{:?}", state.plan().title_of(id));
        save_untouched(&mut state, "e", &what);
        if state.plan().locate(id).is_some() {
            save_untouched(&mut state, "t", &what);
        }
        type_keys(&mut state, "j");
    }
    let items = state.plan().goals.iter().fold(0, |n, g| {
        n + 1
            + g.milestones
                .iter()
                .map(|m| 1 + m.steps.len())
                .sum::<usize>()
            + g.steps.len()
    });
    assert!(
        seen.len() >= items.min(10),
        "walked {} rows of {items} items",
        seen.len()
    );
}

#[test]
fn every_profile_section_saved_untouched_changes_nothing() {
    let mut state = demo_app(120, 40);
    type_keys(&mut state, "5");
    for section in Section::ALL {
        while state.screens.profile.section != section {
            update(&mut state, Action::NextSection);
        }
        save_untouched(&mut state, "e", section.title());
    }
}

#[test]
fn the_reflection_saved_untouched_changes_nothing() {
    let mut state = demo_app(120, 40);
    type_keys(&mut state, "4r");
    assert!(!state.plan().reviews.is_empty(), "r starts the review");
    save_untouched(&mut state, "w", "the reflection");
}
