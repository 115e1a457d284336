//! Every form through the real keymap → update → draw path: a snapshot of each (the goal
//! editor's pages, milestone, step, check-in, date, each profile section, the first pass, the
//! reflection), the ways a person edits in them, closing without losing what was typed, and a
//! read-only instance refusing every change by every path.

mod common;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use goalcoach::app::action::{Action, Effect, Screen};
use goalcoach::app::update::update;
use goalcoach::model::profile::Section;

fn alt(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::ALT)
}

#[test]
fn the_goal_editor_is_five_pages_each_one_key_away() {
    let mut state = demo_app(100, 34);
    type_keys(&mut state, "e");
    insta::assert_snapshot!("goal_editor_page_1_smart_card", render(&state));
    for (page, name) in [
        (2, "measures"),
        (3, "barriers"),
        (4, "checkins"),
        (5, "settings"),
    ] {
        let digit = char::from_digit(page, 10).unwrap();
        press(&mut state, alt(KeyCode::Char(digit)));
        insta::assert_snapshot!(format!("goal_editor_page_{page}_{name}"), render(&state));
    }
    press(&mut state, key(KeyCode::PageDown));
    let form = state.form().unwrap();
    assert_eq!(form.page(), 0, "PgDn wraps to the first page");
}

#[test]
fn milestone_step_check_in_and_date_forms() {
    let mut state = demo_app(100, 30);
    select_title(&mut state, "Lead the payments migration end to end");
    type_keys(&mut state, "e");
    insta::assert_snapshot!("milestone_editor", render(&state));
    press(&mut state, key(KeyCode::Esc));
    type_keys(&mut state, "j");
    type_keys(&mut state, "e");
    insta::assert_snapshot!("step_editor", render(&state));
    press(&mut state, key(KeyCode::Esc));
    type_keys(&mut state, "c");
    insta::assert_snapshot!("check_in_form", render(&state));
    press(&mut state, key(KeyCode::Esc));
    type_keys(&mut state, "t");
    insta::assert_snapshot!("date_prompt", render(&state));
}

#[test]
fn every_profile_section_form() {
    let mut state = demo_app(100, 34);
    type_keys(&mut state, "5");
    for (i, section) in Section::ALL.iter().enumerate() {
        type_keys(&mut state, "e");
        let name = section.title().to_lowercase().replace(' ', "_");
        insta::assert_snapshot!(format!("profile_form_{i}_{name}"), render(&state));
        press(&mut state, key(KeyCode::Esc));
        assert!(state.form().is_none(), "nothing typed: closes at once");
        type_keys(&mut state, "l");
    }
}

#[test]
fn the_reflection_form_keeps_line_breaks() {
    let mut state = demo_app(100, 34);
    type_keys(&mut state, "4r");
    type_keys(&mut state, "llll");
    type_keys(&mut state, "w");
    type_keys(&mut state, "Shipped the plan");
    press(&mut state, ctrl('j'));
    type_keys(&mut state, "and kept my evenings");
    insta::assert_snapshot!("reflection_form", render(&state));
    assert_eq!(enter(&mut state), Effect::Save);
    let record = state.plan().reviews.last().unwrap();
    assert_eq!(record.went_well, "Shipped the plan\nand kept my evenings");
}

#[test]
fn the_first_character_typed_replaces_a_filled_field() {
    let mut state = demo_app(100, 30);
    select_title(&mut state, "Draft the abstract");
    type_keys(&mut state, "t");
    type_keys(&mut state, "+3d");
    assert_eq!(
        enter(&mut state),
        Effect::Save,
        "+3d is a date, not appended"
    );
    let id = state.screens.goals.selected.unwrap();
    assert_eq!(
        state.plan().step(id).unwrap().due,
        Some(today() + chrono::Days::new(3))
    );
    type_keys(&mut state, "t");
    press(&mut state, key(KeyCode::End));
    type_keys(&mut state, "x");
    let form = state.form().unwrap();
    assert!(
        form.fields[0].input.value().ends_with('x'),
        "after a move, typing appends"
    );
}

#[test]
fn ctrl_u_ctrl_w_and_alt_arrows_edit_by_word() {
    let mut state = demo_app(100, 30);
    type_keys(&mut state, "n");
    type_keys(&mut state, "Give a talk at the meetup");
    press(&mut state, ctrl('w'));
    press(&mut state, alt(KeyCode::Left));
    press(&mut state, alt(KeyCode::Left));
    type_keys(&mut state, "short ");
    let title =
        |s: &goalcoach::app::state::AppState| s.form().unwrap().fields[0].input.value().to_string();
    assert_eq!(title(&state), "Give a talk short at the ");
    press(&mut state, alt(KeyCode::Right));
    press(&mut state, ctrl('u'));
    assert_eq!(title(&state), "");
}

#[test]
fn esc_on_a_changed_form_asks_and_no_goes_back_to_it() {
    let mut state = demo_app(100, 30);
    type_keys(&mut state, "n");
    type_keys(&mut state, "Half a thought");
    press(&mut state, key(KeyCode::Esc));
    assert!(state.question().is_some(), "asked before throwing it away");
    insta::assert_snapshot!("discard_question", render(&state));
    type_keys(&mut state, "n");
    assert_eq!(
        state.form().unwrap().fields[0].input.value(),
        "Half a thought"
    );
    press(&mut state, ctrl('c'));
    assert!(state.question().is_some(), "Ctrl-c asks too");
    type_keys(&mut state, "y");
    assert!(state.form().is_none() && state.question().is_none());
    assert!(
        !state
            .plan()
            .goals
            .iter()
            .any(|g| g.title == "Half a thought")
    );
}

#[test]
fn a_line_break_in_a_description_shows_in_the_details() {
    let mut state = demo_app(120, 40);
    type_keys(&mut state, "e\t");
    press(&mut state, ctrl('u'));
    type_keys(&mut state, "Line one");
    press(&mut state, alt(KeyCode::Enter));
    type_keys(&mut state, "Line two");
    assert_eq!(enter(&mut state), Effect::Save);
    let screen = render(&state);
    assert!(screen.contains("Line one"), "{screen}");
    assert!(!screen.contains("Line oneLine two"), "{screen}");
    assert!(
        screen
            .lines()
            .any(|l| l.contains("Line two") && !l.contains("Line one")),
        "{screen}"
    );
}

#[test]
fn search_finds_notes_and_says_so() {
    let mut state = demo_app(120, 30);
    type_keys(&mut state, "e");
    press(&mut state, alt(KeyCode::Char('5')));
    for _ in 0..100 {
        if state.form().unwrap().fields[state.form().unwrap().focus].name == "notes" {
            break;
        }
        press(&mut state, key(KeyCode::Tab));
    }
    type_keys(&mut state, "zebra crossing");
    enter(&mut state);
    type_keys(&mut state, "1/zebra");
    let screen = render(&state);
    assert!(screen.contains("matched in notes"), "{screen}");
    assert_eq!(state.screens.goals.selected, Some(state.plan().goals[0].id));
}

#[test]
fn profile_entries_can_be_added_and_deleted_from_the_screen() {
    let mut state = demo_app(100, 30);
    type_keys(&mut state, "5l");
    let before = state.plan().profile.strengths.len();
    type_keys(&mut state, "a");
    type_keys(&mut state, "Calm under pressure\n");
    assert_eq!(state.plan().profile.strengths.len(), before + 1);
    type_keys(&mut state, "d");
    assert!(state.question().is_some());
    type_keys(&mut state, "y");
    assert_eq!(state.plan().profile.strengths.len(), before);
    type_keys(&mut state, "x");
    let status = state.status.as_ref().unwrap().text.clone();
    assert!(
        status.contains("x does nothing on the Profile screen"),
        "{status}"
    );
}

#[test]
fn a_read_only_instance_refuses_every_change_by_every_path() {
    let mut state = demo_app(120, 40);
    state.session.read_only = Some("another goalcoach".into());
    let before = state.plan().clone();
    let keys = [
        "x", " ", "n", "a", "A", "e", "\n", "d", "J", "K", "s", "i", "U", "c", "t", "P", "u",
    ];
    for &screen in Screen::ALL {
        update(&mut state, Action::ShowScreen(screen));
        type_keys(&mut state, "r");
        for k in keys {
            let effects = type_keys(&mut state, k);
            assert!(!effects.contains(&Effect::Save), "{k} on {screen:?}");
            assert!(
                state.form().is_none() && state.question().is_none(),
                "{k} on {screen:?}"
            );
            type_keys(&mut state, "j");
        }
        for action in [
            Action::Redo,
            Action::SaveAgain,
            Action::EditReflection,
            Action::FinishReview,
            Action::SkipWeek,
            Action::ToggleCommitment,
            Action::LogAchievement,
            Action::EditSection,
            Action::AddEntry,
            Action::DeleteEntry,
            Action::FeedbackToStep,
            Action::EntryToGoal,
            Action::Journey,
            Action::StepBack,
        ] {
            let effect = update(&mut state, action.clone());
            assert_ne!(effect, Effect::Save, "{action:?} on {screen:?}");
            assert!(
                state.form().is_none() && state.question().is_none(),
                "{action:?}"
            );
        }
        for section in 0..Section::ALL.len() {
            update(&mut state, Action::NextSection);
            for action in [
                Action::FeedbackToStep,
                Action::EntryToGoal,
                Action::DeleteEntry,
            ] {
                assert_ne!(
                    update(&mut state, action),
                    Effect::Save,
                    "section {section}"
                );
            }
        }
    }
    assert_eq!(*state.plan(), before, "nothing changed");
}

#[test]
fn a_new_step_can_repeat_from_the_start_and_needs_its_first_date() {
    let mut state = demo_app(100, 30);
    select_title(&mut state, "Submit a proposal to three CFPs");
    type_keys(&mut state, "a");
    let note = state.form().unwrap().note.clone().unwrap_or_default();
    assert!(
        note.starts_with("Repeats, for practice: ←/→ picks"),
        "{note}"
    );
    type_keys(&mut state, "Send one proposal\t\t");
    press(&mut state, key(KeyCode::Right));
    press(&mut state, key(KeyCode::Right));
    type_keys(&mut state, "\t2");
    enter(&mut state);
    let form = state.form().expect("a repeating step needs its first date");
    let date = form.index_of("date").unwrap();
    assert!(form.fields[date].error.is_some());
    assert_eq!(
        (form.raw("repeats"), form.raw("every")),
        ("every N weeks", "2"),
        "nothing typed is lost"
    );
    assert_eq!(form.focus, date, "focus goes to the field in error");
    type_keys(&mut state, "fri");
    enter(&mut state);
    assert!(state.form().is_none());
    let id = state.screens.goals.selected.unwrap();
    let step = state.plan().step(id).unwrap();
    assert_eq!(step.title, "Send one proposal");
    assert_eq!(
        step.recurrence.map(|r| r.to_string()).as_deref(),
        Some("every 2 weeks")
    );
    assert!(step.due.is_some());
}
