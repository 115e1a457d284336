//! The Profile screen through the real keymap → update → draw path: every section, the SWOT
//! quadrants, the path comparison, and the links to goals (the guided start has its own tests).

mod common;

use common::*;
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

/// The text of the rows drawn reversed (the selection) in the Profile pane.
fn lit_rows(state: &goalcoach::app::state::AppState) -> String {
    let (w, h) = state.session.size;
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| goalcoach::ui::draw(f, state)).unwrap();
    let buffer = t.backend().buffer();
    let reversed = ratatui::style::Modifier::REVERSED;
    let mut out = String::new();
    for y in 2..h.saturating_sub(2) {
        for x in 0..w {
            let cell = &buffer[(x, y)];
            if cell.modifier.contains(reversed) {
                out.push_str(cell.symbol());
            }
        }
    }
    out
}

#[test]
fn d_on_the_lit_row_of_every_section_deletes_that_entry() {
    let mut state = profile_app();
    for section in Section::ALL {
        let entries = section.entries(&state.plan().profile);
        if entries.len() >= 2 {
            // The second row as shown is lit; d then y deletes exactly that entry.
            type_keys(&mut state, "j");
            let at = state.screens.profile.index(&state).unwrap();
            let lit = lit_rows(&state);
            let name = &entries[at];
            let short: String = name
                .rsplit(": ")
                .next()
                .unwrap_or(name)
                .chars()
                .take(10)
                .collect();
            assert!(
                lit.contains(&short),
                "{section:?}: lit {lit:?}, acting on {name:?}"
            );
            let before = entries.len();
            type_keys(&mut state, "dy");
            let after = section.entries(&state.plan().profile);
            assert_eq!(after.len(), before - 1, "{section:?}");
            let mut expected = entries.clone();
            expected.remove(at);
            assert_eq!(after, expected, "{section:?}: the lit entry went, no other");
            type_keys(&mut state, "u");
        }
        type_keys(&mut state, "l");
    }
}

#[test]
fn two_entries_of_the_same_name_are_each_reachable() {
    let mut state = profile_app();
    type_keys(&mut state, "l"); // Strengths
    let mut profile = state.plan().profile.clone();
    let mut twin = profile.strengths[0].clone();
    twin.id = 0; // a new entry: it gets its own id
    profile.strengths.push(twin);
    let (op, _) = goalcoach::model::entry_edits::edits(&state.plan().profile, &mut profile);
    let change = goalcoach::app::change::Change::new(op, "a twin");
    assert!(state.core.commit(change).applied);
    let n = state.plan().profile.strengths.len();
    for _ in 0..n {
        type_keys(&mut state, "j");
    }
    assert_eq!(
        state.screens.profile.index(&state),
        Some(n - 1),
        "j gets past the first twin"
    );
}

/// A past achievement whose date is left blank stays without one: shown as not known, after
/// the dated ones, and in the brag document under its own heading, never in this quarter.
#[test]
fn an_achievement_without_a_date_stays_without_one() {
    let mut state = profile_app();
    for _ in 0..6 {
        type_keys(&mut state, "l");
    }
    type_keys(&mut state, "e");
    press(&mut state, ctrl('n'));
    press(&mut state, ctrl('u')); // the new row's date, cleared
    type_keys(&mut state, "\tMentored two new joiners\n");
    let entry = state
        .plan()
        .profile
        .achievements
        .iter()
        .find(|a| a.what == "Mentored two new joiners")
        .expect("saved")
        .clone();
    assert!(entry.date_unknown, "{entry:?}");
    let screen = render(&state);
    let dated = screen.find("Design doc").unwrap_or(0);
    let undated = screen
        .find("date not known  Mentored two new joiners")
        .expect(&screen);
    assert!(undated > dated, "listed after the dated ones: {screen}");
    let md = goalcoach::report::markdown(state.plan(), today());
    let heading = md.find("## Date not known").expect(&md);
    assert!(md[heading..].contains("- Mentored two new joiners"), "{md}");
}

/// On every section with entries, `e` opens the form on the first row shown and `d` deletes
/// that row (achievements are shown newest first, so it is not the first stored); the undo
/// history names the entry, and undo brings it back where it was.
#[test]
fn e_and_d_act_on_the_first_shown_row_of_every_section() {
    let mut state = profile_app();
    for section in Section::ALL {
        while state.screens.profile.section != section {
            type_keys(&mut state, "l");
        }
        let profile = state.plan().profile.clone();
        let Some(&first) = section.shown_order(&profile).first() else {
            continue;
        };
        let shown = section.entries(&profile)[first].clone();
        let name = shown
            .split_once(": ")
            .filter(|_| section == Section::Swot)
            .map_or(shown.as_str(), |(_, n)| n)
            .to_string();
        type_keys(&mut state, "gk");
        type_keys(&mut state, "e");
        let form = state.form().expect("e opens the section's form");
        let row = form.fields[form.focus].row;
        let in_row: Vec<&str> = form
            .fields
            .iter()
            .filter(|f| f.row == row)
            .map(|f| f.input.value())
            .collect();
        assert!(
            in_row.contains(&name.as_str()),
            "{}: e opens on the first shown row: {in_row:?}",
            section.title()
        );
        press(&mut state, key(crossterm::event::KeyCode::Esc));
        type_keys(&mut state, "d");
        let question = state.question().expect("d asks first").text.clone();
        assert!(question.contains(&name), "{question}");
        type_keys(&mut state, "y");
        let after = section.entries(&state.plan().profile);
        let mut expected = section.entries(&profile);
        expected.remove(first);
        assert_eq!(
            after,
            expected,
            "{}: d deleted the first shown row",
            section.title()
        );
        type_keys(&mut state, "u");
        let said = state
            .core
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default();
        if section != Section::Swot {
            assert!(
                said.contains(&name),
                "{}: undo names the entry: {said}",
                section.title()
            );
        }
        assert_eq!(state.plan().profile, profile, "undo puts it back");
    }
}

/// The selection stays on its entry when a newer achievement is logged above it.
#[test]
fn the_picked_achievement_stays_picked_when_a_newer_one_arrives() {
    let mut state = profile_app();
    while state.screens.profile.section != Section::Achievements {
        type_keys(&mut state, "l");
    }
    type_keys(&mut state, "j");
    let picked = state.screens.profile.index(&state).unwrap();
    let what = state.plan().profile.achievements[picked].what.clone();
    let mut profile = state.plan().profile.clone();
    profile
        .achievements
        .push(goalcoach::model::profile::Achievement {
            date: today(),
            what: "Shipped the new onboarding".into(),
            ..Default::default()
        });
    let (op, label) = goalcoach::model::entry_edits::edits(&state.plan().profile, &mut profile);
    assert_eq!(
        label.as_deref(),
        Some("add achievement “Shipped the new onboarding”")
    );
    let change = goalcoach::app::change::Change::new(op, "log");
    assert!(state.core.commit(change).applied);
    let now = state.screens.profile.index(&state).unwrap();
    assert_eq!(state.plan().profile.achievements[now].what, what);
}
