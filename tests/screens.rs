//! Snapshots of the screens, driven through the real keymap → update → draw path on a
//! TestBackend, on a fixed day.

mod common;

use common::*;
use crossterm::event::KeyCode;

#[test]
fn welcome_screen_for_a_new_user() {
    let state = empty_app(80, 24);
    insta::assert_snapshot!(render(&state));
}

#[test]
fn tree_with_nested_items_and_goal_details() {
    let mut state = empty_app(110, 24);
    build_small_tree(&mut state);
    type_keys(&mut state, " "); // the step just added: done
    type_keys(&mut state, "g");
    insta::assert_snapshot!(render(&state));
}

#[test]
fn demo_plan_on_a_wide_terminal() {
    let state = demo_app(120, 40);
    insta::assert_snapshot!(render(&state));
}

#[test]
fn narrow_terminal_stacks_tree_over_details() {
    let mut state = demo_app(60, 24);
    type_keys(&mut state, "jj");
    insta::assert_snapshot!(render(&state));
}

#[test]
fn new_goal_form_with_validation_errors() {
    let mut state = empty_app(80, 20);
    type_keys(&mut state, "n");
    press(&mut state, key(KeyCode::Tab));
    type_keys(&mut state, "someday");
    enter(&mut state);
    insta::assert_snapshot!(render(&state));
}

#[test]
fn full_goal_editor() {
    let mut state = demo_app(100, 32);
    type_keys(&mut state, "e");
    insta::assert_snapshot!(render(&state));
}

#[test]
fn step_editor_with_a_number_out_of_range() {
    let mut state = demo_app(100, 24);
    type_keys(&mut state, "jj"); // a step of the first milestone
    type_keys(&mut state, "e");
    for _ in 0..2 {
        press(&mut state, key(KeyCode::Tab));
    }
    press(&mut state, key(KeyCode::Backspace));
    type_keys(&mut state, "7");
    enter(&mut state);
    insta::assert_snapshot!(render(&state));
}

#[test]
fn help_overlay_lists_the_keymap() {
    let mut state = demo_app(100, 40);
    type_keys(&mut state, "?");
    insta::assert_snapshot!(render(&state));
}

#[test]
fn delete_asks_first() {
    let mut state = demo_app(100, 24);
    type_keys(&mut state, "d");
    insta::assert_snapshot!(render(&state));
}

#[test]
fn search_filters_to_matches_and_ancestors() {
    let mut state = demo_app(100, 20);
    type_keys(&mut state, "/abstract");
    insta::assert_snapshot!(render(&state));
}

#[test]
fn tiny_terminal_says_so() {
    let state = demo_app(20, 5);
    insta::assert_snapshot!(render(&state));
}

#[test]
fn read_only_instance_says_so_and_refuses_edits() {
    let mut state = demo_app(100, 12);
    state.session.read_only = Some(
        "another goalcoach (process 4242) has this plan open; quit it to make changes here".into(),
    );
    type_keys(&mut state, "x");
    insta::assert_snapshot!(render(&state));
}

#[test]
fn every_size_renders_without_panic() {
    for w in 0..70 {
        for h in 0..20 {
            let mut state = demo_app(w, h);
            type_keys(&mut state, "?");
            render(&state);
            type_keys(&mut state, "?e");
            render(&state);
        }
    }
}

#[test]
fn wide_characters_line_up_in_the_tree() {
    let mut state = empty_app(90, 12);
    type_keys(&mut state, "n");
    type_keys(
        &mut state,
        "日本語のプレゼンを成功させる 🎯 and more words to cut",
    );
    press(&mut state, key(KeyCode::Tab));
    type_keys(&mut state, "2027-01-31");
    enter(&mut state);
    type_keys(&mut state, "a");
    type_keys(&mut state, "Ünïcödé milestone ✈️");
    enter(&mut state);
    insta::assert_snapshot!(render(&state));
}

#[test]
fn agenda_screen_buckets_with_details() {
    let mut state = demo_app(110, 26);
    type_keys(&mut state, "2j");
    insta::assert_snapshot!(render(&state));
}

#[test]
fn priorities_screen_four_quadrants() {
    let mut state = demo_app(110, 26);
    type_keys(&mut state, "3l");
    insta::assert_snapshot!(render(&state));
}

#[test]
fn goal_behind_pace_shows_its_barriers() {
    let mut state = demo_app(120, 36);
    select_title(&mut state, "Pass the cloud architect certification");
    insta::assert_snapshot!(render(&state));
}

#[test]
fn no_color_takes_every_colour_out_but_keeps_the_selection_visible() {
    use ratatui::style::{Color, Modifier};
    let colours = |state: &goalcoach::app::state::AppState| {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
        terminal.draw(|f| goalcoach::ui::draw(f, state)).unwrap();
        let buffer = terminal.backend().buffer().clone();
        let coloured = buffer
            .content
            .iter()
            .filter(|c| c.fg != Color::Reset || c.bg != Color::Reset)
            .count();
        let reversed = buffer
            .content
            .iter()
            .filter(|c| c.modifier.contains(Modifier::REVERSED))
            .count();
        (coloured, reversed)
    };
    let mut state = demo_app(100, 30);
    let (coloured, _) = colours(&state);
    assert!(coloured > 0, "colour is on by default");
    state.settings.colour = false;
    let (coloured, reversed) = colours(&state);
    assert_eq!(coloured, 0, "NO_COLOR: no coloured cell");
    assert!(reversed > 0, "the selection still shows");
}

#[test]
fn the_light_theme_and_configured_roles_colour_the_screen() {
    use ratatui::style::Color;
    let text = "theme = \"light\"\n[colors]\nselection = \"black on yellow\"\n";
    let (config, problems) = goalcoach::config::parse(text, "config.toml");
    assert!(problems.is_empty(), "{problems:?}");
    let mut state = demo_app(100, 30);
    state.settings.palette = config.palette;
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| goalcoach::ui::draw(f, &state)).unwrap();
    let cells = &terminal.backend().buffer().content;
    let has = |pick: &dyn Fn(&ratatui::buffer::Cell) -> bool| cells.iter().any(pick);
    assert!(!has(&|c| c.fg == Color::Cyan || c.fg == Color::DarkGray));
    assert!(
        has(&|c| c.fg == Color::Indexed(240)),
        "dim text in dark grey"
    );
    assert!(has(&|c| c.fg == Color::Indexed(25)), "accent in dark blue");
    assert!(
        has(&|c| c.bg == Color::Yellow && c.fg == Color::Black),
        "the selection"
    );
}

#[test]
fn dates_follow_the_configured_format() {
    let mut state = demo_app(120, 24);
    state.settings.date_format = "%d %b %Y".into();
    let screen = render(&state);
    assert!(screen.contains("29 Jun 2027"), "{screen}");
    assert!(!screen.contains("2027-06-29"), "{screen}");
}

#[test]
fn at_80_columns_the_title_bar_keeps_review_due_and_tabs_stay_clickable() {
    let mut state = common::demo_app(80, 24);
    let screen = common::render(&state);
    let bar = screen.lines().next().unwrap();
    assert!(bar.contains("review due"), "{bar}");
    assert!(
        bar.contains("1 Goals"),
        "the current screen keeps its name: {bar}"
    );
    let x = bar.find(" 3 ").expect("tab 3 by number") as u16 + 1;
    let click = crossterm::event::Event::Mouse(crossterm::event::MouseEvent {
        kind: crossterm::event::MouseEventKind::Down(crossterm::event::MouseButton::Left),
        column: x,
        row: 0,
        modifiers: crossterm::event::KeyModifiers::NONE,
    });
    goalcoach::app::handle_event(&mut state, &click);
    assert_eq!(state.screen, goalcoach::app::action::Screen::Priorities);
    let wide = common::render(&common::demo_app(140, 30));
    assert!(
        wide.lines().next().unwrap().contains("2 Agenda"),
        "wide: names shown"
    );
}

#[test]
fn at_80x24_v_gives_the_details_the_screen_so_the_smart_card_is_seen() {
    let mut state = demo_app(80, 24);
    let before = render(&state);
    assert!(
        !before.contains("SMART"),
        "six lines of details hide it:\n{before}"
    );
    type_keys(&mut state, "v");
    let zoomed = render(&state);
    insta::assert_snapshot!("goals_80x24_details_zoomed", zoomed);
    assert!(zoomed.contains("SMART"), "{zoomed}");
    assert!(zoomed.contains("Move into a staff engineer role"));
    // The tree still moves, one row in view; v again shares the screen.
    type_keys(&mut state, "j");
    assert!(render(&state).contains("Lead the payments migration"));
    type_keys(&mut state, "v");
    assert_eq!(render(&state).lines().count(), before.lines().count());
    assert!(!state.session.details_zoomed);
}

/// A message longer than the status line wraps onto the key hints' row (and above, up to four
/// rows) instead of being cut; the next key brings the hints back.
#[test]
fn a_long_message_wraps_instead_of_being_cut() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, plan) = goalcoach::store::Store::open(tmp.path(), common::today()).unwrap();
    let mut state = common::app(plan, 80, 24);
    let effect = common::press(
        &mut state,
        common::key(crossterm::event::KeyCode::Char('O')),
    );
    goalcoach::app::perform(effect, &mut state, &mut store);
    let screen = render(&state);
    insta::assert_snapshot!(screen);
    assert!(
        screen.contains("(README: On your phone)."),
        "the end of the message shows"
    );
    common::press(
        &mut state,
        common::key(crossterm::event::KeyCode::Char('j')),
    );
    assert!(render(&state).contains("help"), "the hints are back");
}

/// At 80×24 the priority boxes keep their names and counts (the description goes first),
/// and the Profile's section bar scrolls to keep the open section in view, with markers
/// where more sections are.
#[test]
fn at_80x24_box_names_and_every_profile_section_stay_in_view() {
    let mut state = demo_app(80, 24);
    common::type_keys(&mut state, "3");
    let priorities = render(&state);
    for name in [
        "Do now",
        "Schedule · ",
        "Hand off or batch · 1 step",
        "Let go or later",
    ] {
        assert!(priorities.contains(name), "{name}: {priorities}");
    }
    insta::assert_snapshot!("priorities_80x24", priorities);
    common::type_keys(&mut state, "5");
    common::type_keys(&mut state, "h");
    let profile = render(&state);
    let bar = profile.lines().nth(1).unwrap().to_string();
    assert!(
        bar.contains("Career paths") && bar.starts_with('‹'),
        "{bar}"
    );
    common::type_keys(&mut state, "l");
    let bar = render(&state).lines().nth(1).unwrap().to_string();
    assert!(bar.contains("Role") && bar.ends_with('›'), "{bar}");
}

/// `/` in the help narrows it to the keys whose words hold what is typed; Enter keeps the
/// filter, Esc while typing clears it, and the help still closes as before.
#[test]
fn slash_in_help_filters_the_keys() {
    let mut state = demo_app(100, 30);
    common::type_keys(&mut state, "?/calendar");
    let screen = render(&state);
    assert!(screen.contains("/calendar"), "{screen}");
    assert!(screen.contains("sync with the calendar folder"), "{screen}");
    assert!(
        !screen.contains("go to top"),
        "other keys are hidden: {screen}"
    );
    common::enter(&mut state);
    common::type_keys(&mut state, "j");
    assert!(
        render(&state).contains("sync with the calendar folder"),
        "Enter keeps it"
    );
    common::type_keys(&mut state, "/q");
    assert!(
        render(&state).contains("/calendarq"),
        "q is typed, not quit"
    );
    common::press(&mut state, common::key(crossterm::event::KeyCode::Esc));
    let screen = render(&state);
    assert!(
        !screen.contains("/calendar") && screen.contains("hide done and dropped"),
        "Esc while typing clears the filter: {screen}"
    );
    common::press(&mut state, common::key(crossterm::event::KeyCode::Esc));
    assert!(
        !render(&state).contains(" Keys "),
        "and Esc closes the help"
    );
}

/// The title bar's "review due (4)" and its tabs name the keys that open the screens, as
/// the keymap in force has them.
#[test]
fn the_review_notice_names_the_review_screens_key() {
    let mut state = demo_app(120, 24);
    assert!(
        render(&state)
            .lines()
            .next()
            .unwrap()
            .contains("review due (4)")
    );
    state
        .settings
        .keymap
        .remap("show_screen_review", &["Ctrl-v".to_string()])
        .unwrap();
    let bar = render(&state).lines().next().unwrap().to_string();
    assert!(bar.contains("review due (Ctrl-v)"), "{bar}");
    // The tab names the same key, and a click on it still shows the screen.
    state
        .settings
        .keymap
        .remap("show_screen_review", &["Ctrl-y".to_string()])
        .unwrap();
    let bar = render(&state).lines().next().unwrap().to_string();
    assert!(bar.contains(" Ctrl-y Review "), "{bar}");
    assert!(!bar.contains(" 4 Review "), "{bar}");
    let column = bar.find(" Ctrl-y Review ").unwrap() as u16 + 2;
    goalcoach::app::update::update(&mut state, goalcoach::app::action::Action::Click(column, 0));
    assert_eq!(state.screen, goalcoach::app::action::Screen::Review);
}
