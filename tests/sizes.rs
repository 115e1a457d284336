//! Every screen and the main forms at 80×24, 120×40 and 160×45, on the demo plan, through the
//! real keymap → update → draw path: one snapshot each, so a label cut or a section lost at
//! one size is a visible diff. Each render is also checked for the essentials a person needs
//! at that size (the screen's name, the help key, the title bar's review notice).

mod common;

use common::{demo_app, render, type_keys};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (160, 45)];

/// The screens by their number keys, with a word each must show at every size.
const SCREENS: [(&str, &str, &str); 6] = [
    ("1", "goals", "Goals"),
    ("2", "agenda", "Agenda"),
    ("3", "priorities", "Do now"),
    ("4", "review", "review"),
    ("5", "profile", "Role"),
    ("6", "timeline", "Timeline"),
];

#[test]
fn every_screen_at_three_sizes() {
    for (w, h) in SIZES {
        for (key, name, essential) in SCREENS {
            let mut state = demo_app(w, h);
            type_keys(&mut state, key);
            let screen = render(&state);
            assert!(screen.contains(essential), "{name} at {w}x{h}: {screen}");
            assert!(
                screen.contains("review due"),
                "{name} at {w}x{h} keeps the review notice"
            );
            assert!(
                screen.contains("help"),
                "{name} at {w}x{h} shows the way to help"
            );
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
        }
    }
}

/// The forms a person meets first, opened by their keys on the Goals screen: the new goal,
/// the goal editor, a new milestone or step, a check-in, a new date.
const FORMS: [(&str, &str, &str); 5] = [
    ("new_goal", "n", "Title"),
    ("goal_editor", "e", "Title"),
    ("add_child", "a", "Title"),
    ("check_in", "c", "onfidence"),
    ("new_date", "jjt", "ate"),
];

#[test]
fn the_main_forms_at_three_sizes() {
    for (w, h) in SIZES {
        for (name, keys, essential) in FORMS {
            let mut state = demo_app(w, h);
            type_keys(&mut state, keys);
            let screen = render(&state);
            assert!(screen.contains(essential), "{name} at {w}x{h}: {screen}");
            insta::assert_snapshot!(format!("form_{name}_{w}x{h}"), screen);
        }
    }
}
