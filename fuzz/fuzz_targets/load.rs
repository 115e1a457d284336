//! Feeds arbitrary bytes to the plan loader. It must never panic, and whatever it accepts must
//! save and load back to the same plan.
#![no_main]

use goalcoach::store::{parse_plan, to_pretty_json};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("plan.json");
    if let Ok(plan) = parse_plan(path, data) {
        let saved = to_pretty_json(&plan);
        let again = parse_plan(path, &saved).expect("a saved plan always loads");
        assert_eq!(again, plan, "a loaded plan must reload identically");
        assert_eq!(to_pretty_json(&again), saved, "and save to the same bytes");
    }
});
