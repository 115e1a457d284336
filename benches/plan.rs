//! Criterion benchmarks on generated plans of 1k, 10k and 50k items: load, save, tree rows,
//! drawing each screen at 120×40, a cursor move, toggling a step (update + save), a search
//! keystroke, the agenda and the priority matrix; the three-way merge of two copies that
//! each changed 1% of the items; imports (Markdown, a hostile nested line, taskwarrior).
//! `cargo bench --bench plan`.

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use goalcoach::app::action::Action;
use goalcoach::app::action::Screen;
use goalcoach::app::screens::tree::{TreeFilter, visible_rows};
use goalcoach::app::state::AppState;
use goalcoach::app::update::update;
use goalcoach::model::view::Scope;
use goalcoach::model::{Plan, agenda, priority, timeline};
use goalcoach::sample::{GenOptions, generate};
use goalcoach::store::{Store, to_pretty_json};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::HashSet;
use std::hint::black_box;
use std::time::Duration;

const SIZES: [usize; 3] = [1_000, 10_000, 50_000];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

fn plan(items: usize) -> Plan {
    generate(&GenOptions {
        items,
        seed: 7,
        today: today(),
    })
}

fn app(plan: Plan) -> AppState {
    let mut state = AppState::new(plan, today());
    update(&mut state, Action::Resize(120, 40));
    state
}

fn bench_store(c: &mut Criterion) {
    let mut group = c.benchmark_group("store");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for items in SIZES {
        let plan = plan(items);
        let dir = tempfile::tempdir().unwrap();
        let bytes = to_pretty_json(&plan);
        std::fs::write(dir.path().join("plan.json"), &bytes).unwrap();
        group.bench_with_input(
            BenchmarkId::new("parse_json_value", items),
            &bytes,
            |b, bytes| {
                b.iter(|| black_box(serde_json::from_slice::<serde_json::Value>(bytes).unwrap()))
            },
        );
        group.bench_with_input(BenchmarkId::new("load", items), dir.path(), |b, dir| {
            b.iter(|| black_box(Store::open(dir, today()).unwrap()))
        });
        let (mut store, loaded) = Store::open(dir.path(), today()).unwrap();
        group.bench_function(BenchmarkId::new("save", items), |b| {
            b.iter(|| store.save(&loaded).unwrap())
        });
    }
    group.finish();
}

fn bench_views(c: &mut Criterion) {
    let mut group = c.benchmark_group("views");
    for items in SIZES {
        let plan = plan(items);
        let collapsed = HashSet::new();
        group.bench_with_input(BenchmarkId::new("tree_rows", items), &plan, |b, p| {
            b.iter(|| {
                black_box(visible_rows(
                    p,
                    &TreeFilter {
                        scope: &Scope::default(),
                        today: today(),
                        collapsed: &collapsed,
                        query: "",
                        matched: None,
                    },
                ))
            })
        });
        group.bench_with_input(BenchmarkId::new("agenda", items), &plan, |b, p| {
            b.iter(|| {
                black_box(agenda::agenda(
                    p,
                    today(),
                    chrono::Weekday::Mon,
                    &Scope::default(),
                ))
            })
        });
        group.bench_with_input(BenchmarkId::new("priority_matrix", items), &plan, |b, p| {
            b.iter(|| black_box(priority::matrix(p, today(), &Scope::default())))
        });
        group.bench_with_input(BenchmarkId::new("timeline_lanes", items), &plan, |b, p| {
            b.iter(|| black_box(timeline::lanes(p, today(), &Scope::default())))
        });
        group.bench_with_input(BenchmarkId::new("review_draft", items), &plan, |b, p| {
            b.iter(|| {
                black_box(goalcoach::model::weekly::draft(
                    p,
                    today(),
                    today(),
                    chrono::Weekday::Mon,
                ))
            })
        });
    }
    group.finish();
}

fn bench_frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("draw_120x40");
    for items in SIZES {
        let mut state = app(plan(items));
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        for screen in [
            Screen::Goals,
            Screen::Agenda,
            Screen::Priorities,
            Screen::Timeline,
        ] {
            update(&mut state, Action::ShowScreen(screen));
            let id = BenchmarkId::new(screen.title(), items);
            group.bench_function(id, |b| {
                b.iter(|| {
                    terminal.draw(|f| goalcoach::ui::draw(f, &state)).unwrap();
                })
            });
        }
    }
    group.finish();
}

fn bench_keys(c: &mut Criterion) {
    let mut group = c.benchmark_group("keys");
    group.sample_size(20);
    for items in SIZES {
        let mut state = app(plan(items));
        let mut down = true;
        group.bench_function(BenchmarkId::new("cursor_move", items), |b| {
            b.iter(|| {
                down = !down;
                update(
                    &mut state,
                    if down {
                        Action::MoveDown
                    } else {
                        Action::MoveUp
                    },
                )
            })
        });
        update(&mut state, Action::StartSearch);
        group.bench_function(BenchmarkId::new("search_keystroke_pair", items), |b| {
            b.iter(|| {
                update(&mut state, Action::Insert("a".into()));
                update(&mut state, Action::DeleteBack)
            })
        });
        update(&mut state, Action::ClearSearch);
        bench_toggle(&mut group, items, &mut state);
    }
    group.finish();
}

/// Toggling a step done: the update and the atomic, fsynced save that follows it.
fn bench_toggle(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    items: usize,
    state: &mut AppState,
) {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(dir.path(), today()).unwrap();
    store.save(state.plan()).unwrap();
    update(state, Action::MoveDown);
    update(state, Action::MoveDown);
    group.bench_function(BenchmarkId::new("toggle_done_and_save", items), |b| {
        b.iter(|| {
            update(state, Action::ToggleDone);
            store.save(state.plan()).unwrap();
        })
    });
}

/// A copy of `base` on another device that retitled every 100th item from `offset` and added
/// a step under every 100th goal.
fn edited_copy(base: &Plan, offset: usize, seed: u64) -> Plan {
    use goalcoach::model::{ActionStep, IdSource, Loc, Node, Op};
    let mut plan = base.clone();
    plan.ids = IdSource::Random(seed);
    let mut every = Vec::new();
    plan.for_each_loc(|id, loc| every.push((id, loc)));
    for (id, loc) in every.into_iter().skip(offset).step_by(100) {
        if let Loc::MilestoneStep(..) | Loc::GoalStep(..) = loc {
            let mut step = plan.step(id).unwrap().clone();
            step.title.push_str(" (edited)");
            plan.apply(Op::Update {
                node: Node::Step(Box::new(step)),
            })
            .unwrap();
        }
    }
    let goals: Vec<_> = plan.goals.iter().map(|g| g.id).step_by(100).collect();
    for goal in goals {
        let id = plan.new_id();
        plan.apply(Op::Insert {
            parent: Some(goal),
            index: usize::MAX,
            node: Node::Step(Box::new(ActionStep::new(id, "added elsewhere"))),
        })
        .unwrap();
    }
    plan
}

fn bench_merge(c: &mut Criterion) {
    let mut group = c.benchmark_group("merge");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for items in SIZES {
        let base = plan(items);
        let ours = edited_copy(&base, 0, 1);
        let theirs = edited_copy(&base, 50, 2);
        group.bench_function(BenchmarkId::new("three_way_1pct_each", items), |b| {
            b.iter_batched(
                || (base.clone(), ours.clone(), theirs.clone()),
                |(b, o, t)| black_box(goalcoach::model::merge3::merge(Some(b), o, t)),
                criterion::BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

/// Imports of n entries into an empty plan, including applying them: Markdown headings,
/// one line of n nested list markers (hostile input), and a taskwarrior export of n tasks.
fn bench_import(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for items in SIZES {
        let headings: String = (0..items).map(|i| format!("# Goal {i}\n")).collect();
        let nested = format!("{}x\n", "- ".repeat(items));
        let tasks = format!(
            "[{}]",
            (0..items)
                .map(|i| {
                    format!(
                        r#"{{"uuid":"{i:08}-0000-4000-8000-000000000000","description":"Task {i}","project":"P{}","status":"pending"}}"#,
                        i % 50
                    )
                })
                .collect::<Vec<_>>()
                .join(",")
        );
        let outline = |text: &str| {
            let mut plan = Plan::default();
            if let Ok(import) = goalcoach::import::outline(text, false, &plan, today()) {
                plan.apply(import.op).unwrap();
            }
            plan
        };
        group.bench_function(BenchmarkId::new("markdown_headings", items), |b| {
            b.iter(|| black_box(outline(&headings)))
        });
        group.bench_function(BenchmarkId::new("markdown_nested_line", items), |b| {
            b.iter(|| black_box(outline(&nested)))
        });
        group.bench_function(BenchmarkId::new("taskwarrior", items), |b| {
            b.iter(|| {
                let mut plan = Plan::default();
                let import = goalcoach::taskwarrior::import(&tasks, &plan, today()).unwrap();
                plan.apply(import.op).unwrap();
                black_box(plan)
            })
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_store,
    bench_views,
    bench_frames,
    bench_keys,
    bench_merge,
    bench_import
);
criterion_main!(benches);
