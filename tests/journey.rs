//! The guided start through the real keymap → update → draw path: each stage drawn as a new
//! user sees it, the whole walk landing in the plan, skipping everything, resuming after a
//! stop, taking one stage again from the Profile; and what the profile feeds into the plan,
//! the celebration of a finished goal, and the step back.

mod common;

use common::*;
use crossterm::event::KeyCode;
use goalcoach::app::action::Screen;
use goalcoach::app::guided;
use goalcoach::app::state::AppState;
use goalcoach::model::journey::Stage;
use goalcoach::model::smart;
use goalcoach::model::{GoalStatus, Plan};

fn new_user() -> AppState {
    let mut state = empty_app(100, 34);
    guided::offer_on_start(&mut state.core);
    state
}

fn right(state: &mut AppState, times: usize) {
    for _ in 0..times {
        press(state, key(KeyCode::Right));
    }
}

/// The form's title, or "" with none open.
fn form_title(state: &AppState) -> String {
    state.form().map(|f| f.title.clone()).unwrap_or_default()
}

/// Answers every stage of the journey as a thoughtful new user would, drawing each stage
/// before it is answered.
fn walk_the_whole_journey(state: &mut AppState, mut seen: impl FnMut(&AppState, Stage)) {
    seen(state, Stage::LookBack);
    type_keys(
        state,
        "Led the payments migration\t2026-06-30\tI can carry a big change\tMentored two juniors\t\tBoth were promoted\n",
    );
    seen(state, Stage::WhereNow);
    type_keys(
        state,
        "Senior engineer, payments\t6\tHard technical problems\tMore influence outside my team\n",
    );
    seen(state, Stage::Strengths);
    type_keys(
        state,
        // Tab goes from row to row, never onto the "Growth areas" heading.
        "Explaining complex systems\tOnboarding sessions are asked for\tWriting\t\tPublic speaking\tNervous in demos\n",
    );
    seen(state, Stage::Values);
    type_keys(state, "growth, impact\tdistributed systems\n");
    seen(state, Stage::Vision);
    type_keys(
        state,
        "Staff engineer setting the direction for payments, known beyond my team\n",
    );
    seen(state, Stage::Paths);
    type_keys(
        state,
        "Engineering manager\tGrowing people\tMentor a new joiner\n",
    );
    seen(state, Stage::Goal);
    type_keys(
        state,
        "Speak at a conference\tA 30-minute talk on the migration at a regional conference\ttalks given\t0\t1\tI have given team talks\t",
    );
    type_keys(state, " \t \tVisibility beyond my team\t2027-06-30\n");
    seen(state, Stage::Milestone);
    type_keys(state, "Talk accepted\t2027-03-31\n");
    seen(state, Stage::Step);
    type_keys(state, "Write the abstract\n");
    seen(state, Stage::Obstacles);
    type_keys(
        state,
        "Release weeks eat my evenings\tIf it is a release week, then I write on Saturday\tA mentor who has spoken\t",
    );
    right(state, 2); // other → skill → people
    enter(state);
    seen(state, Stage::ReviewDay);
    right(state, 5); // sunday → friday
    enter(state);
}

#[test]
fn a_new_user_is_led_from_looking_back_to_a_complete_first_plan() {
    let mut state = new_user();
    walk_the_whole_journey(&mut state, |state, stage| {
        assert!(
            form_title(state).ends_with(stage.title()),
            "{stage:?}: {}",
            form_title(state)
        );
    });
    assert!(state.form().is_none(), "the journey is over");
    assert_eq!(state.screen, Screen::Goals);
    let plan = state.plan();
    let p = &plan.profile;
    assert_eq!(p.achievements.len(), 2);
    assert_eq!(p.achievements[0].date.to_string(), "2026-06-30");
    assert_eq!(p.achievements[1].date, today(), "no date given: today");
    assert_eq!(
        (p.current_role.as_str(), p.satisfaction),
        ("Senior engineer, payments", Some(6))
    );
    assert_eq!(p.satisfaction_log.len(), 1);
    assert_eq!(p.strengths.len(), 2);
    assert_eq!(p.growth_areas[0].evidence, "Nervous in demos");
    assert_eq!(p.values.len(), 2);
    assert_eq!(p.interests[0].name, "distributed systems");
    assert!(p.vision.starts_with("Staff engineer"));
    assert_eq!(p.paths[0].first_experiment, "Mentor a new joiner");
    assert_eq!(p.review_day.as_deref(), Some("friday"));
    assert!(p.journey.finished.is_some());
    let goal = &plan.goals[0];
    assert_eq!(goal.values, ["growth"], "picked from the profile");
    assert_eq!(goal.strengths, ["Explaining complex systems"]);
    assert_eq!(
        smart::gaps_label(goal, common::today()),
        "",
        "no SMART letter missing"
    );
    let milestone = &goal.milestones[0];
    assert_eq!(milestone.steps[0].title, "Write the abstract");
    assert_eq!(
        milestone.steps[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-11-23"),
        "due this week"
    );
    assert_eq!(
        goal.barriers[0].strategy,
        "If it is a release week, then I write on Saturday"
    );
    assert_eq!(
        goal.resources[0].kind,
        goalcoach::model::ResourceKind::People
    );
    assert_eq!(
        state.current_item(),
        Some(goal.id),
        "the first goal is selected"
    );
    let screen = render(&state);
    assert!(screen.contains("Your first plan is ready"), "{screen}");
}

#[test]
fn each_stage_of_the_journey_as_a_new_user_sees_it() {
    let mut state = new_user();
    insta::assert_snapshot!("journey_welcome_under_the_first_stage", render(&state));
    walk_the_whole_journey(&mut state, |state, stage| {
        let name = format!("journey_{:02}_{}", stage.position() + 1, stage.name());
        insta::assert_snapshot!(name, render(state));
    });
    insta::assert_snapshot!("journey_end_on_the_goals_screen", render(&state));
}

#[test]
fn skipping_every_stage_still_leads_to_a_goal() {
    let mut state = new_user();
    type_keys(&mut state, "\n\n\n\n\n\n");
    assert!(
        form_title(&state).ends_with("Your first goal"),
        "{}",
        form_title(&state)
    );
    type_keys(&mut state, "Learn Rust\n");
    type_keys(&mut state, "\n\n\n\n");
    assert!(state.form().is_none());
    assert_eq!(state.screen, Screen::Goals);
    let plan = state.plan();
    assert_eq!(plan.goals.len(), 1);
    assert_eq!(plan.goals[0].title, "Learn Rust");
    assert!(plan.profile.achievements.is_empty() && plan.profile.strengths.is_empty());
    assert!(plan.profile.journey.finished.is_some());
}

#[test]
fn skipping_the_goal_too_ends_with_a_word_on_where_to_start() {
    let mut state = new_user();
    type_keys(&mut state, "\n\n\n\n\n\n\n\n");
    assert!(state.form().is_none(), "{}", form_title(&state));
    assert!(state.plan().goals.is_empty());
    let status = state.status.clone().unwrap().text;
    assert!(
        status.contains("Press n to write your first goal"),
        "{status}"
    );
}

#[test]
fn a_stopped_journey_resumes_where_it_stopped_and_keeps_what_was_said() {
    let mut state = new_user();
    type_keys(&mut state, "Shipped the new API\n");
    type_keys(&mut state, "Team lead\t7\n");
    press(&mut state, key(KeyCode::Esc));
    assert!(state.form().is_none(), "nothing typed: Esc just stops");
    let plan: Plan = state.plan().clone();
    assert_eq!(plan.profile.journey.resume_at(), Stage::Strengths);
    let mut again = app(plan, 100, 34);
    guided::offer_on_start(&mut again.core);
    assert!(form_title(&again).ends_with("Strengths and growth areas"));
    assert_eq!(again.plan().profile.current_role, "Team lead");
    press(&mut again, key(KeyCode::Esc));
    let screen = render(&again);
    assert!(
        screen.contains("pick the guided start up where you left it"),
        "{screen}"
    );
    enter(&mut again);
    assert!(form_title(&again).ends_with("Strengths and growth areas"));
}

#[test]
fn a_finished_journey_does_not_open_again_but_any_stage_can_be_taken_from_the_profile() {
    let mut state = new_user();
    walk_the_whole_journey(&mut state, |_, _| {});
    let mut again = app(state.plan().clone(), 100, 34);
    guided::offer_on_start(&mut again.core);
    assert!(again.form().is_none());
    type_keys(&mut again, "5J");
    assert_eq!(form_title(&again), "Guided start");
    right(&mut again, 3);
    enter(&mut again);
    assert!(form_title(&again).ends_with("Values and interests"));
    type_keys(&mut again, "security\n");
    assert!(again.form().is_none(), "one stage only");
    let values: Vec<_> = again
        .plan()
        .profile
        .values
        .iter()
        .map(|v| v.name.clone())
        .collect();
    assert_eq!(values, ["growth", "impact", "security"]);
    assert_eq!(again.plan().profile.journey, state.plan().profile.journey);
}

#[test]
fn a_finished_goal_is_celebrated_and_logged_with_its_strengths() {
    let mut state = new_user();
    walk_the_whole_journey(&mut state, |_, _| {});
    type_keys(&mut state, "j"); // the milestone
    type_keys(&mut state, "x");
    let question = state.question().expect("a word on it").text.clone();
    assert!(
        question.contains("You finished the milestone “Talk accepted”"),
        "{question}"
    );
    insta::assert_snapshot!("celebrate_a_finished_milestone", render(&state));
    type_keys(&mut state, "y");
    let a = state.plan().profile.achievements.last().unwrap().clone();
    assert_eq!(a.what, "Talk accepted");
    assert_eq!(a.strengths, ["Explaining complex systems"]);
    type_keys(&mut state, "k"); // the goal
    type_keys(&mut state, "x");
    assert!(state.question().is_some());
    type_keys(&mut state, "n");
    assert_eq!(state.plan().profile.achievements.len(), 3, "not logged");
    assert_eq!(state.plan().goals[0].status, GoalStatus::Done);
}

#[test]
fn the_profile_feeds_the_plan_in_one_key() {
    let mut state = demo_app(110, 34);
    let goals = state.plan().goals.len();
    type_keys(&mut state, "5ll"); // Growth areas
    type_keys(&mut state, "G");
    assert_eq!(state.plan().goals.len(), goals + 1);
    let grown = state.plan().goals.last().unwrap().clone();
    assert_eq!(grown.title, "Grow in Public speaking");
    assert!(
        grown.description.contains("meetup"),
        "{}",
        grown.description
    );
    type_keys(&mut state, "ll"); // Interests
    type_keys(&mut state, "G");
    assert_eq!(
        state.plan().goals.last().unwrap().title,
        "Explore Distributed systems"
    );
    type_keys(&mut state, "l"); // SWOT: strength, weakness, opportunity, threat
    type_keys(&mut state, "jjG");
    assert_eq!(
        state.plan().goals.last().unwrap().title,
        "The migration is a company priority"
    );
    insta::assert_snapshot!("swot_with_an_entry_picked", render(&state));
    type_keys(&mut state, "jT");
    assert_eq!(form_title(&state), "Threat → barrier");
    type_keys(&mut state, "\n");
    assert!(state.form().is_some(), "a barrier needs its if–then plan");
    type_keys(
        &mut state,
        "If the team changes, then I ask for 15 minutes with the new lead\n",
    );
    let first = &state.plan().goals[0];
    assert_eq!(
        first.barriers.last().unwrap().obstacle,
        "A reorganisation could change the team"
    );
    type_keys(&mut state, "jG");
    assert_eq!(state.plan().goals.len(), goals + 3, "a threat is no goal");
}

#[test]
fn feedback_names_the_strength_it_speaks_to() {
    let mut state = demo_app(110, 34);
    type_keys(&mut state, "5lllllll"); // Feedback
    type_keys(&mut state, "e");
    let form = state.form().unwrap();
    let about = form.index_of("about").unwrap();
    assert!(
        form.fields[about]
            .shown_value()
            .contains("Explaining complex systems")
    );
    for _ in 0..4 {
        press(&mut state, key(KeyCode::Tab));
    }
    right(&mut state, 1);
    type_keys(&mut state, " \n");
    let fb = &state.plan().profile.feedback[0];
    assert_eq!(fb.about, ["Explaining complex systems", "Public speaking"]);
}

/// Tabs to the `n`th field called `name` of the open form.
fn focus_nth(state: &mut goalcoach::app::state::AppState, name: &str, n: usize) {
    let form = state.form().unwrap();
    let at = (0..form.fields.len())
        .filter(|&i| form.fields[i].name == name)
        .nth(n)
        .unwrap();
    for _ in 0..form.fields.len() {
        if state.form().unwrap().focus == at {
            return;
        }
        press(state, key(KeyCode::Tab));
    }
    panic!("field {name} #{n} not reached");
}

/// Walks a whole step back on the demo plan, drawing each stage; the second goal is adapted
/// (a new deadline, kept with its reason) and the third dropped.
#[test]
fn a_step_back_looks_at_satisfaction_values_goals_paths_profile_and_achievements() {
    let mut state = demo_app(110, 36);
    type_keys(&mut state, "4");
    insta::assert_snapshot!("step_back_on_the_review_screen", render(&state));
    type_keys(&mut state, "B");
    let stages = goalcoach::model::stepback::Stage::ALL;
    for stage in stages {
        let title = form_title(&state);
        assert!(title.contains(stage.title()), "{stage:?}: {title}");
        insta::assert_snapshot!(format!("step_back_{}", stage.name()), render(&state));
        match stage {
            goalcoach::model::stepback::Stage::Satisfaction => {
                type_keys(&mut state, "8\tThe migration is going well\n")
            }
            goalcoach::model::stepback::Stage::Goals => {
                type_keys(&mut state, "\tStill the main thing");
                // The second goal is adapted right here: a new deadline, with the reason.
                focus_nth(&mut state, "decision", 1);
                right(&mut state, 1); // adapt
                type_keys(&mut state, "\tThe conference moved\t");
                press(&mut state, ctrl('u'));
                type_keys(&mut state, "2027-06-30");
                focus_nth(&mut state, "decision", 2);
                right(&mut state, 2); // drop
                type_keys(&mut state, "\tThe exam can wait a year\n")
            }
            goalcoach::model::stepback::Stage::Profile => {
                type_keys(&mut state, "More confident in reviews\tFacilitation\n")
            }
            goalcoach::model::stepback::Stage::Achievements => {
                type_keys(&mut state, "Ran the first incident review\n")
            }
            _ => type_keys(&mut state, "Still true\n"),
        };
    }
    assert!(state.form().is_none());
    let plan = state.plan();
    let record = plan.profile.step_backs.last().unwrap();
    assert_eq!(
        (record.period.as_str(), record.stage.clone()),
        ("2026-Q4", None)
    );
    assert_eq!(record.satisfaction, Some(8));
    assert_eq!(record.goals[0].reason, "Still the main thing");
    let dropped = record.goals[2].goal;
    assert_eq!(plan.goal(dropped).unwrap().status, GoalStatus::Dropped);
    let dropped_why = &plan.goal(dropped).unwrap().adaptations[0];
    assert_eq!(dropped_why.why, "The exam can wait a year");
    let adapted = plan.goal(record.goals[1].goal).unwrap();
    assert_eq!(adapted.deadline, "2027-06-30".parse().ok());
    let kept = adapted.adaptations.last().unwrap();
    assert_eq!(
        (kept.what.as_str(), kept.why.as_str()),
        ("deadline", "The conference moved")
    );
    assert_eq!(plan.profile.satisfaction, Some(8));
    assert_eq!(plan.profile.satisfaction_log.last().unwrap().value, 8);
    assert!(
        plan.profile
            .strengths
            .iter()
            .any(|q| q.name == "Facilitation")
    );
    assert!(
        record
            .achievements
            .contains(&"Ran the first incident review".to_string())
    );
    insta::assert_snapshot!("step_back_done_on_the_review_screen", render(&state));
}

#[test]
fn a_step_back_left_midway_resumes_at_its_stage() {
    let mut state = demo_app(110, 36);
    type_keys(&mut state, "4B7\n");
    press(&mut state, key(KeyCode::Esc));
    assert!(state.form().is_none());
    let screen = render(&state);
    assert!(screen.contains("2026-Q4 is under way"), "{screen}");
    type_keys(&mut state, "B");
    assert!(
        form_title(&state).contains("Values and vision"),
        "{}",
        form_title(&state)
    );
}

#[test]
fn keys_typed_blind_on_a_tiny_terminal_change_nothing_but_quit_still_works() {
    let mut state = empty_app(20, 5);
    guided::offer_on_start(&mut state.core);
    assert!(render(&state).contains("Terminal too small"));
    let effects = type_keys(&mut state, "Lead a team\n\n\n");
    assert!(effects.is_empty(), "{effects:?}");
    assert!(state.plan().goals.is_empty() && state.plan().profile.journey.is_untouched());
    assert_eq!(
        press(&mut state, ctrl('c')),
        goalcoach::app::action::Effect::Quit
    );
}

#[test]
fn a_milestone_after_its_goals_deadline_is_pointed_out_in_details_list_and_card() {
    use goalcoach::model::{Goal, ItemId, Milestone};
    let d = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    let mut goal = Goal::new(ItemId(1), "Speak at a conference", d("2026-10-01"));
    goal.deadline = Some(d("2027-03-31"));
    let mut m = Milestone::new(ItemId(2), "Talk accepted");
    m.target = Some(d("2027-05-01"));
    goal.milestones.push(m);
    let mut plan = Plan {
        goals: vec![goal],
        ..Plan::default()
    };
    let _ = goalcoach::model::check::repair_ids(&mut plan);
    let listed = goalcoach::report::list_text(&plan, today());
    assert!(
        listed.contains("Talk accepted  target 2027-05-01  (after the goal's deadline)"),
        "{listed}"
    );
    assert!(
        listed.contains("SMART gaps: SAR"),
        "T is not covered: {listed}"
    );
    let mut state = app(plan, 110, 30);
    let card = render(&state);
    assert!(
        card.contains("✗ T “Talk accepted” is dated 2027-05-01, after"),
        "{card}"
    );
    type_keys(&mut state, "j");
    let details = render(&state);
    assert!(
        details.contains("Dated after the goal's deadline (2027-03-31)"),
        "{details}"
    );
}
