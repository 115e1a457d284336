//! Generates a realistic goalcoach plan of about N items (goals, milestones and steps) for
//! benchmarks: `cargo run --release --example gen_plan -- --items 50000 --seed 7 > plan.json`.
//! The same seed and `--today` give the same bytes.

use chrono::NaiveDate;
use goalcoach::sample::{GenOptions, generate};
use std::io::Write;

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let items = arg(&args, "--items")
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let seed = arg(&args, "--seed")
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let today = arg(&args, "--today")
        .and_then(|v| v.parse::<NaiveDate>().ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let plan = generate(&GenOptions { items, seed, today });
    let bytes = goalcoach::store::to_pretty_json(&plan);
    if std::io::stdout().write_all(&bytes).is_err() {
        std::process::exit(1);
    }
}
