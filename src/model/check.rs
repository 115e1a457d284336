//! What a plan must hold before goalcoach reads or writes it: every number finite and inside
//! its range, every date inside years 1000–9999, every scale (importance, confidence, …)
//! inside its bounds, every id unique and small enough to count on. The ranges are named
//! here once; forms, the command line, the loader, import and save all check against them,
//! so a save can never write a file that goalcoach itself would refuse.

pub use super::ids::MAX_ID;
use super::ids::{BuildIdHasher, ItemId, Num};
use super::limits::*;
use super::{Loc, Plan};
use chrono::NaiveDate;
use std::collections::HashSet;

/// At most this many problems are listed; the rest are counted.
const MAX_LISTED: usize = 10;

/// Collects problems, naming where each one is.
#[derive(Default)]
struct Problems {
    listed: Vec<String>,
    more: usize,
}

impl Problems {
    fn add(&mut self, text: String) {
        if self.listed.len() < MAX_LISTED {
            self.listed.push(text);
        } else {
            self.more += 1;
        }
    }

    fn number(&mut self, place: &dyn Fn() -> String, field: &str, v: f64, range: Range) {
        if !range.holds(v) {
            self.add(format!(
                "{}: {field} {v} is not a number from {} to {}",
                place(),
                range.min,
                range.max
            ));
        }
    }

    fn scale(&mut self, place: &dyn Fn() -> String, field: &str, v: Option<u8>, range: Range) {
        if let Some(v) = v {
            self.number(place, field, f64::from(v), range);
        }
    }

    fn date(&mut self, place: &dyn Fn() -> String, field: &str, d: Option<NaiveDate>) {
        if let Some(d) = d.filter(|d| !date_in_range(*d)) {
            self.add(format!(
                "{}: {field} {d} is outside the years {} to {}",
                place(),
                YEARS.start(),
                YEARS.end()
            ));
        }
    }

    fn finish(mut self) -> Vec<String> {
        if self.more > 0 {
            self.listed.push(format!("and {} more", self.more));
        }
        self.listed
    }
}

fn item(kind: &str, num: Num, title: &str) -> String {
    let short: String = title.chars().take(40).collect();
    format!("{kind} {num} \u{201c}{short}\u{201d}")
}

/// Every number, date and scale in the plan that is out of range, each named by its item and
/// field; empty when the plan is sound. Ids are checked apart (`id_problems`), because a
/// loaded file's ids are repaired rather than refused.
pub fn problems(plan: &Plan) -> Vec<String> {
    let mut p = Problems::default();
    for goal in &plan.goals {
        check_goal(&mut p, goal);
    }
    for (i, review) in plan.reviews.iter().enumerate() {
        let place = || format!("review {} ({})", i + 1, review.week);
        p.date(&place, "date", Some(review.date));
        for reviewed in &review.goals {
            p.number(&place, "progress", reviewed.progress, SHARE);
            p.scale(&place, "confidence", reviewed.confidence, CONFIDENCE);
        }
    }
    check_profile(&mut p, &plan.profile);
    p.finish()
}

fn check_goal(p: &mut Problems, goal: &super::Goal) {
    let place = || item("goal", goal.num, &goal.title);
    for (field, date) in [
        ("created", Some(goal.created)),
        ("completed", goal.completed),
        ("deadline", goal.deadline),
        ("start", goal.start),
        ("last_reviewed", goal.last_reviewed),
        ("archived", goal.archived),
    ] {
        p.date(&place, field, date);
    }
    for m in &goal.measures {
        p.number(&place, "measure start", m.start, AMOUNT);
        p.number(&place, "measure current", m.current, AMOUNT);
        p.number(&place, "measure target", m.target, AMOUNT);
        p.number(&place, "measure weight", m.weight, WEIGHT);
        for point in &m.points {
            p.date(&place, "measure value date", Some(point.date));
            p.number(&place, "measure value", point.value, AMOUNT);
        }
    }
    p.number(&place, "weight", goal.weight, WEIGHT);
    p.scale(&place, "importance", Some(goal.importance), LEVEL);
    p.scale(&place, "urgency", Some(goal.urgency), LEVEL);
    let interval = f64::from(goal.review_interval_days);
    p.number(&place, "review_interval_days", interval, INTERVAL_DAYS);
    for c in &goal.checkins {
        p.date(&place, "check-in date", Some(c.date));
        p.scale(
            &place,
            "check-in confidence",
            Some(c.confidence),
            CONFIDENCE,
        );
    }
    for m in &goal.milestones {
        let place = || item("milestone", m.num, &m.title);
        p.date(&place, "target", m.target);
        p.date(&place, "done", m.done);
        p.number(&place, "weight", m.weight, WEIGHT);
    }
    for s in goal.all_steps() {
        let place = || item("step", s.num, &s.title);
        p.date(&place, "due", s.due);
        p.date(&place, "done", s.done);
        for &day in &s.history {
            p.date(&place, "history", Some(day));
        }
        p.scale(&place, "importance", Some(s.importance), LEVEL);
        p.scale(&place, "urgency", Some(s.urgency), LEVEL);
    }
}

fn check_profile(p: &mut Problems, profile: &super::Profile) {
    let place = || "profile".to_string();
    p.scale(&place, "satisfaction", profile.satisfaction, SATISFACTION);
    for a in &profile.achievements {
        p.date(&place, "achievement date", Some(a.date));
    }
    for f in &profile.feedback {
        p.date(&place, "feedback date", Some(f.date));
    }
    for path in &profile.paths {
        p.scale(
            &place,
            "career path values_fit",
            path.values_fit,
            CONFIDENCE,
        );
    }
    for r in &profile.satisfaction_log {
        p.date(&place, "satisfaction rating date", Some(r.date));
        p.scale(&place, "satisfaction rating", Some(r.value), SATISFACTION);
    }
    for s in &profile.step_backs {
        let place = || format!("step back {}", s.period);
        p.date(&place, "date", Some(s.date));
        p.scale(&place, "satisfaction", s.satisfaction, SATISFACTION);
    }
}

/// Ids that are zero, too large, or used by two items; and a number counter past `MAX_ID`.
pub fn id_problems(plan: &Plan) -> Vec<String> {
    let mut p = Problems::default();
    for (id, loc) in bad_ids(plan) {
        let kind = loc.kind().label();
        p.add(format!(
            "{} has an id that is {}",
            item(kind, plan.num_at(loc), plan.title_at(loc)),
            if id.0 == 0 || id.0 > MAX_ID {
                "out of range"
            } else {
                "used twice"
            }
        ));
    }
    if plan.next_num > MAX_ID + 1 {
        p.add(format!("next_num {} is out of range", plan.next_num));
    }
    p.finish()
}

/// The items whose id is zero, above `MAX_ID`, or already taken by an item earlier in the
/// tree, in tree order.
fn bad_ids(plan: &Plan) -> Vec<(ItemId, Loc)> {
    let mut seen: HashSet<ItemId, BuildIdHasher> =
        HashSet::with_capacity_and_hasher(plan.item_count(), BuildIdHasher::default());
    let mut bad = Vec::new();
    plan.for_each_loc(|id, loc| {
        if id.0 == 0 || id.0 > MAX_ID || !seen.insert(id) {
            bad.push((id, loc));
        }
    });
    bad
}

/// The items without a short number (in the order they were made, as far as their ids tell),
/// then those with one that is too large or already taken by an item earlier in the tree.
fn bad_nums(plan: &Plan) -> Vec<(Num, Loc)> {
    let mut seen: HashSet<u64, BuildIdHasher> =
        HashSet::with_capacity_and_hasher(plan.item_count(), BuildIdHasher::default());
    let mut bad = Vec::new();
    plan.for_each_item(|id, num, loc| {
        if num.0 == 0 || num.0 > MAX_ID || !seen.insert(num.0) {
            bad.push((num, id, loc));
        }
    });
    bad.sort_by_key(|&(num, id, _)| (num.0 != 0, if num.0 == 0 { id.0 } else { 0 }));
    bad.into_iter().map(|(num, _, loc)| (num, loc)).collect()
}

/// Gives every item with a bad id (see `bad_ids`) a fresh one, every item with a missing,
/// bad or shared short number the next free one, and brings the number counter back in
/// range. The first item keeps a shared id or number, so what pointed at it still does.
/// Returns one line per change a person would notice (numbering a new item is not one).
pub fn repair_ids(plan: &mut Plan) -> Vec<String> {
    let mut notes = Vec::new();
    let mut largest_id = 0;
    plan.for_each_loc(|id, _| {
        if id.0 <= MAX_ID {
            largest_id = largest_id.max(id.0);
        }
    });
    plan.ids.skip_past(ItemId(largest_id));
    let largest_num = largest_good_num(plan);
    if plan.next_num > MAX_ID + 1 {
        notes.push(format!(
            "the item number counter {} was out of range; new items now count on from {}",
            plan.next_num,
            largest_num + 1
        ));
    }
    if plan.next_num > MAX_ID + 1 || plan.next_num <= largest_num {
        plan.next_num = largest_num + 1;
    }
    for (_, loc) in bad_ids(plan) {
        let new = plan.new_id();
        let label = item(loc.kind().label(), plan.num_at(loc), plan.title_at(loc));
        if let Some((id, _)) = plan.ids_at_mut(loc) {
            *id = new;
        }
        notes.push(format!(
            "{label} shared its id with another item; it has its own now"
        ));
    }
    for (old, loc) in bad_nums(plan) {
        let new = plan.new_num();
        if let Some((_, num)) = plan.ids_at_mut(loc) {
            *num = new;
        }
        if old.0 != 0 {
            let kind = loc.kind().label();
            let title = plan.title_at(loc);
            notes.push(format!(
                "{} is now {new} ({old} was taken by another item)",
                item(kind, old, title)
            ));
        }
    }
    repair_measure_ids(plan, &mut notes);
    for section in super::entries::repair(&mut plan.profile) {
        notes.push(format!(
            "two entries of {} shared an id; each has its own now",
            section.title().to_lowercase()
        ));
    }
    notes
}

/// Measures of one goal sharing an id (a hand edit, a copy and paste) would merge as one:
/// the later ones get ids of their own.
fn repair_measure_ids(plan: &mut Plan, notes: &mut Vec<String>) {
    for g in 0..plan.goals.len() {
        for m in 0..plan.goals[g].measures.len() {
            let id = plan.goals[g].measures[m].id;
            if plan.goals[g].measures[..m].iter().any(|e| e.id == id) {
                let new = plan.new_id().0;
                let goal = &mut plan.goals[g];
                goal.measures[m].id = new;
                notes.push(format!(
                    "measure “{}” of {} shared its id with another measure; it has its own now",
                    goal.measures[m].name,
                    item("goal", goal.num, &goal.title)
                ));
            }
        }
    }
}

fn largest_good_num(plan: &Plan) -> u64 {
    let mut largest = 0;
    plan.for_each_item(|_, num, _| {
        if num.0 <= MAX_ID {
            largest = largest.max(num.0);
        }
    });
    largest
}

#[cfg(test)]
mod tests {
    #[test]
    fn two_measures_of_a_goal_with_one_id_are_told_apart() {
        let mut plan = Plan::default();
        let mut g = goal(1, "Lead");
        let a = crate::model::Measure::new("Reports", "", 0.0, 5.0);
        let b = crate::model::Measure::new("1:1s", "", 0.0, 12.0);
        g.measures = vec![a, b];
        plan.goals.push(g);
        let notes = repair_ids(&mut plan);
        let ids: Vec<u64> = plan.goals[0].measures.iter().map(|m| m.id).collect();
        assert_ne!(ids[0], ids[1]);
        assert!(
            notes.iter().any(|n| n.contains("measure “1:1s”")),
            "{notes:?}"
        );
    }

    use super::*;
    use crate::model::{ActionStep, Goal, Milestone};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn goal(id: u64, title: &str) -> Goal {
        let mut g = Goal::new(ItemId(id), title, day("2026-11-01"));
        g.num = Num(id);
        g
    }

    #[test]
    fn numbers_that_are_not_finite_or_out_of_range_are_refused_when_typed() {
        for bad in [
            "nan", "NaN", "inf", "-inf", "1e309", "-1.7e308", "1e13", "x", "",
        ] {
            assert!(parse_number(bad, AMOUNT).is_err(), "{bad}");
        }
        assert_eq!(parse_number(" 75,000 ", AMOUNT), Ok(75_000.0));
        assert_eq!(parse_number("-3.5", AMOUNT), Ok(-3.5));
        let message = parse_number("nan", AMOUNT).unwrap_err();
        assert!(
            message.contains("from -1000000000000 to 1000000000000"),
            "{message}"
        );
    }

    #[test]
    fn a_sound_plan_has_no_problems() {
        let mut plan = Plan::default();
        let mut g = goal(1, "Certify");
        g.measures = vec![{
            let mut m = crate::model::Measure::new("Result", "certs", 0.0, 2.0);
            m.current = 1.0;
            m
        }];
        plan.goals.push(g);
        assert!(problems(&plan).is_empty());
        assert!(id_problems(&plan).is_empty());
    }

    #[test]
    fn every_out_of_range_value_is_named_with_its_item_and_field() {
        let mut plan = Plan::default();
        let mut g = goal(1, "Huge");
        g.measures = vec![{
            let mut m = crate::model::Measure::new("Result", "", -1.7e308, f64::NAN);
            m.current = 0.0;
            m
        }];
        g.review_interval_days = u32::MAX;
        g.importance = 0;
        let mut m = Milestone::new(ItemId(2), "Far");
        m.num = Num(2);
        m.target = NaiveDate::from_ymd_opt(20000, 1, 1);
        g.milestones.push(m);
        plan.goals.push(g);
        plan.profile.satisfaction = Some(11);
        let found = problems(&plan).join("\n");
        for expected in [
            "goal #1 \u{201c}Huge\u{201d}: measure start",
            "measure target NaN",
            "review_interval_days 4294967295",
            "importance 0 is not a number from 1 to 3",
            "milestone #2 \u{201c}Far\u{201d}: target +20000-01-01 is outside the years",
            "profile: satisfaction 11",
        ] {
            assert!(found.contains(expected), "missing {expected:?} in\n{found}");
        }
    }

    #[test]
    fn long_lists_of_problems_are_cut_and_counted() {
        let mut plan = Plan::default();
        for i in 1..=15 {
            let mut g = goal(i, "g");
            g.weight = -1.0;
            plan.goals.push(g);
        }
        let found = problems(&plan);
        assert_eq!(found.len(), MAX_LISTED + 1);
        assert_eq!(found.last().unwrap(), "and 5 more");
    }

    #[test]
    fn duplicate_ids_get_new_ones_and_the_first_keeps_its_id() {
        let mut plan = Plan::default();
        let mut a = goal(1, "Goal A");
        a.milestones
            .push(Milestone::new(ItemId(2), "A's milestone"));
        let mut b = goal(1, "Goal B");
        b.num = Num(3);
        b.steps.push(ActionStep::new(ItemId(2), "B's step"));
        plan.goals.push(a);
        plan.goals.push(b);
        assert_eq!(id_problems(&plan).len(), 2);
        let notes = repair_ids(&mut plan);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].contains("Goal B"), "{notes:?}");
        assert_eq!(plan.goals[0].id, ItemId(1));
        assert_eq!(plan.goals[0].milestones[0].id, ItemId(2));
        assert_eq!(plan.goals[1].id, ItemId(3));
        assert_eq!(plan.goals[1].steps[0].id, ItemId(4));
        assert!(id_problems(&plan).is_empty());
        assert_eq!(plan.goals[1].num, Num(3), "a number that was free is kept");
        assert_eq!(
            plan.goals[0].milestones[0].num,
            Num(4),
            "missing numbers are given"
        );
        assert_eq!(plan.goals[1].steps[0].num, Num(5));
    }

    #[test]
    fn a_shared_number_moves_the_later_item_and_says_so() {
        let mut plan = Plan::default();
        plan.goals.push(goal(10, "first"));
        let mut second = goal(11, "second");
        second.num = Num(10);
        plan.goals.push(second);
        let notes = repair_ids(&mut plan);
        assert_eq!(plan.goals[0].num, Num(10));
        assert_eq!(plan.goals[1].num, Num(11));
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0].contains("#10") && notes[0].contains("now #11"),
            "{notes:?}"
        );
    }

    #[test]
    fn a_jammed_or_huge_number_counter_is_brought_back_in_range() {
        let mut plan = Plan::default();
        plan.goals.push(goal(5, "kept"));
        plan.goals.push(goal(u64::MAX, "huge"));
        plan.next_num = u64::MAX;
        let notes = repair_ids(&mut plan);
        assert!(notes.iter().any(|n| n.contains("counter")), "{notes:?}");
        assert_eq!(plan.goals[1].id, ItemId(6));
        assert_eq!(plan.goals[1].num, Num(6));
        assert_eq!(plan.new_id(), ItemId(7));
        assert!(id_problems(&plan).is_empty());
    }
}
