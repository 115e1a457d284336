//! Large, realistic plans generated from a seed, for benchmarks and load tests: goals with
//! milestones, steps, check-ins and barriers, weekly reviews and profile entries, with dates
//! spread around a given day and some of everything done. Deterministic for a seed and day.

use crate::model::profile::{Achievement, Named, Quality};
use crate::model::review::iso_week_label;
use crate::model::{
    ActionStep, Barrier, CheckIn, Goal, GoalStatus, ItemId, Measure, Milestone, Plan, Recurrence,
    WeeklyReview,
};
use chrono::NaiveDate;

/// What to generate.
#[derive(Clone, Debug)]
pub struct GenOptions {
    /// About how many goals, milestones and steps in total.
    pub items: usize,
    pub seed: u64,
    pub today: NaiveDate,
}

/// A small xorshift generator: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len() as u64) as usize]
    }
}

const VERBS: &[&str] = &[
    "Write", "Review", "Draft", "Present", "Ask", "Plan", "Practise", "Book", "Read", "Finish",
    "Share", "Pair on",
];
const THINGS: &[&str] = &[
    "the design doc",
    "a talk outline",
    "the quarterly goals",
    "feedback notes",
    "the migration plan",
    "a blog post",
    "the exam module",
    "a mentoring session",
    "the portfolio",
    "a demo",
    "the runbook",
    "interview questions",
];
const GOALS: &[&str] = &[
    "Become a staff engineer",
    "Give a conference talk",
    "Pass a certification",
    "Lead a cross-team project",
    "Move into product management",
    "Build a mentoring practice",
    "Publish a technical blog",
    "Negotiate a raise",
    "Learn a new language",
    "Grow my network",
];

fn shift(today: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        crate::model::dates::plus_days(today, days as u64)
    } else {
        crate::model::dates::minus_days(today, days.unsigned_abs())
    }
}

/// A plan of about `opts.items` items.
pub fn generate(opts: &GenOptions) -> Plan {
    let mut rng = Rng(opts.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut plan = Plan {
        uid: format!("generated-{}", opts.seed),
        ..Plan::default()
    };
    let mut count = 0;
    while count < opts.items {
        let goal = gen_goal(&mut rng, &mut plan, opts.today);
        count += 1 + goal.milestones.len() + goal.all_steps().count();
        plan.goals.push(goal);
    }
    crate::model::check::repair_ids(&mut plan);
    plan.reviews = gen_reviews(&mut rng, &plan, opts.today);
    gen_profile(&mut rng, &mut plan, opts.today);
    crate::model::entries::repair(&mut plan.profile);
    plan
}

fn gen_goal(rng: &mut Rng, plan: &mut Plan, today: NaiveDate) -> Goal {
    let id = plan.new_id();
    let created = shift(today, -(rng.below(300) as i64) - 1);
    let mut g = Goal::new(id, &format!("{} #{}", rng.pick(GOALS), id.0), created);
    g.description = format!("{} so that the next step is within reach", g.title);
    g.deadline = rng
        .chance(85)
        .then(|| shift(today, rng.below(400) as i64 - 60));
    g.achievable = if rng.chance(70) {
        "Time is blocked every week".into()
    } else {
        String::new()
    };
    g.relevant = if rng.chance(75) {
        "It moves my career where I want it".into()
    } else {
        String::new()
    };
    g.importance = 1 + rng.below(3) as u8;
    g.urgency = 1 + rng.below(3) as u8;
    g.status = match rng.below(20) {
        0 => GoalStatus::Done,
        1 => GoalStatus::OnHold,
        2 => GoalStatus::Dropped,
        _ => GoalStatus::Active,
    };
    if rng.chance(40) {
        g.measures.push(gen_measure(rng));
    }
    g.barriers = (0..rng.below(3))
        .map(|i| Barrier {
            obstacle: format!("Obstacle {i}"),
            strategy: "If it happens, then I pick it up the next morning".into(),
            ..Barrier::default()
        })
        .collect();
    gen_checkins(rng, &mut g, today);
    for _ in 0..1 + rng.below(4) {
        let m = gen_milestone(rng, plan, today);
        g.milestones.push(m);
    }
    for _ in 0..rng.below(4) {
        let s = gen_step(rng, plan, today);
        g.steps.push(s);
    }
    g
}

fn gen_measure(rng: &mut Rng) -> Measure {
    let target = 1.0 + rng.below(20) as f64;
    let mut m = Measure::new("Points", "points", 0.0, target);
    m.id = 1;
    m.current = rng.below(target as u64) as f64;
    m
}

/// Weekly check-ins going back from today, and the measure's values at each.
fn gen_checkins(rng: &mut Rng, g: &mut Goal, today: NaiveDate) {
    g.checkins = (0..rng.below(8))
        .map(|i| CheckIn {
            date: shift(today, -(7 * i as i64)),
            confidence: 1 + rng.below(5) as u8,
            note: "Steady week".into(),
            ..CheckIn::default()
        })
        .collect();
    if let Some(m) = g.measures.first_mut() {
        let now = m.current;
        for c in &g.checkins {
            let weeks = (today - c.date).num_days() as f64 / 7.0;
            m.points.push(crate::model::Point {
                date: c.date,
                value: now - weeks * 0.5,
            });
        }
        m.points.sort_by_key(|p| p.date);
    }
}

fn gen_milestone(rng: &mut Rng, plan: &mut Plan, today: NaiveDate) -> Milestone {
    let id = plan.new_id();
    let mut m = Milestone::new(id, &format!("Milestone {}: {}", id.0, rng.pick(THINGS)));
    m.target = rng
        .chance(80)
        .then(|| shift(today, rng.below(200) as i64 - 40));
    m.done = rng
        .chance(25)
        .then(|| shift(today, -(rng.below(60) as i64)));
    for _ in 0..2 + rng.below(6) {
        let s = gen_step(rng, plan, today);
        m.steps.push(s);
    }
    m
}

fn gen_step(rng: &mut Rng, plan: &mut Plan, today: NaiveDate) -> ActionStep {
    let id = plan.new_id();
    let mut s = ActionStep::new(id, &format!("{} {}", rng.pick(VERBS), rng.pick(THINGS)));
    s.due = rng
        .chance(70)
        .then(|| shift(today, rng.below(90) as i64 - 20));
    s.done = rng
        .chance(35)
        .then(|| shift(today, -(rng.below(90) as i64)));
    s.importance = 1 + rng.below(3) as u8;
    s.urgency = 1 + rng.below(3) as u8;
    s.recurrence = rng.chance(3).then_some(Recurrence::WEEKLY);
    s
}

fn gen_reviews(rng: &mut Rng, plan: &Plan, today: NaiveDate) -> Vec<WeeklyReview> {
    let weeks = (plan.goals.len() / 20).clamp(4, 104) as i64;
    let mut reviews: Vec<WeeklyReview> = (1..=weeks)
        .map(|w| {
            let date = shift(today, -7 * w);
            WeeklyReview {
                week: iso_week_label(date),
                date,
                skipped: rng.chance(10),
                wins: vec!["Shipped a milestone".into()],
                went_well: "Kept the focus blocks".into(),
                reflection: "A steady week".into(),
                ..WeeklyReview::default()
            }
        })
        .collect();
    reviews.sort_by(|a, b| a.week.cmp(&b.week));
    reviews
}

fn gen_profile(rng: &mut Rng, plan: &mut Plan, today: NaiveDate) {
    let p = &mut plan.profile;
    p.current_role = "Senior engineer".into();
    p.satisfaction = Some(7);
    p.strengths = (0..5)
        .map(|i| Quality {
            name: format!("Strength {i}"),
            ..Quality::default()
        })
        .collect();
    p.values = ["growth", "impact", "autonomy"]
        .iter()
        .map(|v| Named {
            id: 0,
            name: v.to_string(),
            note: String::new(),
        })
        .collect();
    let goals = plan.goals.len() as u64;
    p.achievements = (0..(goals / 10).max(3))
        .map(|i| Achievement {
            date: shift(today, -(i as i64) * 5),
            what: format!("Achievement {i}"),
            goal: Some(ItemId(1 + rng.below(goals))),
            ..Achievement::default()
        })
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(items: usize, seed: u64) -> GenOptions {
        GenOptions {
            items,
            seed,
            today: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
        }
    }

    #[test]
    fn same_seed_same_plan_and_size_is_close() {
        let a = generate(&opts(1000, 7));
        assert_eq!(a, generate(&opts(1000, 7)));
        assert_ne!(a, generate(&opts(1000, 8)));
        assert!((1000..1100).contains(&a.item_count()), "{}", a.item_count());
        assert_eq!(a.next_num, a.max_num() + 1);
    }
}
