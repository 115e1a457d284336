//! Random input must never break the app: any key sequence on any plan keeps a plan that
//! saves and reloads equal, hostile text never reaches the screen as escapes, and every
//! frame fits its area at any size.

mod common;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use goalcoach::app::handle_key;
use goalcoach::app::update::Effect;
use goalcoach::sample::{GenOptions, generate};
use goalcoach::store::{parse_plan, to_pretty_json};
use proptest::prelude::*;
use std::path::Path;

/// Keys a person (or a cat on the keyboard) might press, bound or not.
fn any_key() -> impl Strategy<Value = KeyEvent> {
    let chars = "jkhlgGnaAexXdJKcsutiU/1234?qyNR \u{1b}日é-+0123456789"
        .chars()
        .collect::<Vec<_>>();
    let codes = vec![
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
    ];
    prop_oneof![
        4 => proptest::sample::select(chars).prop_map(|c| key(KeyCode::Char(c))),
        2 => proptest::sample::select(codes).prop_map(key),
        1 => proptest::sample::select(vec!['r', 'n', 'd', 'e']).prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    ]
    .prop_filter("q and Ctrl-c quit; keep going", |k| {
        !(k.code == KeyCode::Char('q') || (k.code == KeyCode::Char('c') && k.modifiers == KeyModifiers::CONTROL))
    })
}

fn reloads_equal(plan: &goalcoach::model::Plan) {
    let bytes = to_pretty_json(plan);
    let back = parse_plan(Path::new("plan.json"), &bytes).expect("a saved plan always reloads");
    assert_eq!(&back, plan);
}

const RLO: char = '\u{202e}';

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_key_sequence_keeps_a_plan_that_saves_and_reloads_equal(
        seed in 1u64..1000,
        items in 0usize..80,
        keys in proptest::collection::vec(any_key(), 1..120),
        (w, h) in (0u16..130, 0u16..45),
    ) {
        let plan = generate(&GenOptions { items, seed, today: today() });
        let mut state = app(plan, w, h);
        for (i, k) in keys.iter().enumerate() {
            if let Effect::EditText(_) = handle_key(&mut state, k) {
                goalcoach::app::update::update(&mut state, goalcoach::app::action::Action::EditorDone(Ok("from the editor".into())));
            }
            if i % 10 == 0 {
                reloads_equal(state.plan());
                render(&state);
            }
        }
        reloads_equal(state.plan());
        render(&state);
    }

    #[test]
    fn hostile_titles_are_cleaned_and_never_break_the_frame(
        text in "\\PC{0,40}|[\\x00-\\x1f\\x7f\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}a-z日🎯]{0,40}",
        (w, h) in (0u16..120, 0u16..40),
    ) {
        let mut state = empty_app(w.max(1), h.max(1));
        type_keys(&mut state, "n");
        goalcoach::app::handle_event(&mut state, &crossterm::event::Event::Paste(format!("x{text}")));
        enter(&mut state);
        if let Some(goal) = state.plan().goals.first() {
            prop_assert!(goal.title.chars().all(|c| !c.is_control()));
            prop_assert!(!goal.title.contains(RLO), "bidi override kept");
        }
        reloads_equal(state.plan());
        let frame = render(&state);
        prop_assert!(!frame.contains('\u{1b}'), "no escape byte reaches the screen");
        for line in frame.lines() {
            prop_assert!(goalcoach::ui::text::width(line) <= usize::from(w.max(1)), "line wider than the terminal: {line:?}");
        }
    }
}

fn loads_back_identically(bytes: &[u8]) {
    if let Ok(plan) = parse_plan(Path::new("plan.json"), bytes) {
        let saved = to_pretty_json(&plan);
        let again = parse_plan(Path::new("plan.json"), &saved).expect("a saved plan always loads");
        assert_eq!(again, plan);
        assert_eq!(to_pretty_json(&again), saved);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// The stable-toolchain twin of the `fuzz/` target: random bytes and damaged plans.
    #[test]
    fn the_loader_never_panics_and_what_it_accepts_reloads_identically(
        noise in proptest::collection::vec(any::<u8>(), 0..300),
        flips in proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>()), 0..6),
    ) {
        loads_back_identically(&noise);
        let mut plan = goalcoach::app::demo::sample_plan(today());
        plan.extra.insert("future".into(), serde_json::json!({"n": 0.1, "list": [1, "two", null]}));
        let mut bytes = to_pretty_json(&plan);
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        loads_back_identically(&bytes);
    }
}
