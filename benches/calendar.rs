//! The calendar sync on generated plans of 1k, 10k and 50k items: every file of the folder
//! read, joined against what was last written, and the 1% of items changed since written
//! again. `cargo bench --bench calendar` (compare with `store/load` of `--bench plan`).

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use goalcoach::calendar::{Settings, sync_holding};
use goalcoach::sample::{GenOptions, generate};
use goalcoach::store::Store;
use std::time::Duration;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

fn bench_calendar(c: &mut Criterion) {
    let mut group = c.benchmark_group("calendar");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for items in [1_000, 10_000, 50_000] {
        let mut plan = generate(&GenOptions {
            items,
            seed: 7,
            today: today(),
        });
        let dir = tempfile::tempdir().unwrap();
        let vdir = dir.path().join("vdir");
        std::fs::create_dir_all(&vdir).unwrap();
        let (mut store, _) = Store::open(&dir.path().join("data"), today()).unwrap();
        store.save(&plan).unwrap();
        let settings = Settings {
            vdir,
            reminder: None,
            review_day: chrono::Weekday::Sun,
        };
        sync_holding(&mut store, &mut plan, &settings, today(), "bench").unwrap();
        let dated: Vec<(usize, usize)> = plan
            .goals
            .iter()
            .enumerate()
            .flat_map(|(g, goal)| {
                goal.steps
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.due.is_some())
                    .map(move |(s, _)| (g, s))
            })
            .collect();
        let one_percent = (items / 100).max(1).min(dated.len());
        let mut round = 0u64;
        group.bench_function(BenchmarkId::new("sync_1pct_changed", items), |b| {
            b.iter(|| {
                round += 1;
                for &(g, s) in dated.iter().take(one_percent) {
                    plan.goals[g].steps[s].title = format!("Step changed in round {round}");
                }
                sync_holding(&mut store, &mut plan, &settings, today(), "bench").unwrap()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_calendar);
criterion_main!(benches);
