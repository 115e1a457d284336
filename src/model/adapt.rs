//! Adaptations: a goal's change of course — its deadline moved, its target or scope changed,
//! put on hold, dropped or taken up again — found by comparing the goal before and after an
//! edit, kept on the goal with its day and reason, and read back by the reviews ("since you
//! adapted …"). Every edit path stamps them the same way (`stamp`), so the app, the command
//! line and the reviews leave the same trace. Pure: today is passed in.

use super::Plan;
use super::goal::{Adaptation, Goal, GoalStatus};
use super::ids::ItemId;
use super::ops::{Node, Op};
use chrono::NaiveDate;

/// What changed course between `old` and `new`, dated `today`, with no reason yet. Setting a
/// first deadline or a first description is planning, not adapting, so it is not counted;
/// finishing a goal is not an adaptation either.
pub fn changes(old: &Goal, new: &Goal, today: NaiveDate) -> Vec<Adaptation> {
    let mut out = Vec::new();
    let mut push = |what: &str, from: String, to: String| {
        out.push(Adaptation {
            date: today,
            what: what.to_string(),
            from,
            to,
            why: String::new(),
        })
    };
    if old.deadline.is_some() && old.deadline != new.deadline {
        push("deadline", day_text(old.deadline), day_text(new.deadline));
    }
    for b in &new.measures {
        if let Some(a) = old.measures.iter().find(|a| a.id == b.id)
            && a.target != b.target
        {
            let what = format!("{}: ", b.label());
            push(
                "target",
                format!("{what}{}", amount(a.target, &a.unit)),
                format!("{what}{}", amount(b.target, &b.unit)),
            );
        }
    }
    if !old.description.trim().is_empty() && old.description.trim() != new.description.trim() {
        push(
            "scope",
            old.description.trim().to_string(),
            new.description.trim().to_string(),
        );
    }
    if status_adapts(old.status, new.status) {
        push(
            "status",
            old.status.label().to_string(),
            new.status.label().to_string(),
        );
    }
    out
}

/// Whether going from `old` to `new` is a change of course: on hold, dropped, or taken up
/// again from either.
fn status_adapts(old: GoalStatus, new: GoalStatus) -> bool {
    use GoalStatus::*;
    old != new
        && matches!(
            (old, new),
            (_, OnHold | Dropped) | (OnHold | Dropped, Active)
        )
}

fn day_text(day: Option<NaiveDate>) -> String {
    day.map_or_else(|| "none".to_string(), |d| d.to_string())
}

fn amount(value: f64, unit: &str) -> String {
    let n = super::text::number_text(value);
    if unit.is_empty() {
        n
    } else {
        format!("{n} {unit}")
    }
}

/// Adds to every goal `op` updates the adaptations its edit makes, with `why` as their
/// reason; an adaptation the edit already carries (same day, what and outcome) is not added
/// twice. Returns the goals that were given adaptations without a reason, for the caller to
/// ask about.
pub fn stamp(plan: &Plan, op: &mut Op, today: NaiveDate, why: &str) -> Vec<ItemId> {
    let mut unexplained = Vec::new();
    stamp_into(plan, op, today, why, &mut unexplained);
    unexplained
}

fn stamp_into(plan: &Plan, op: &mut Op, today: NaiveDate, why: &str, out: &mut Vec<ItemId>) {
    match op {
        Op::Batch(ops) => {
            for op in ops {
                stamp_into(plan, op, today, why, out);
            }
        }
        Op::Update {
            node: Node::Goal(new),
        } => {
            let Some(old) = plan.goal(new.id) else { return };
            for mut a in changes(old, new, today) {
                let carried = new
                    .adaptations
                    .iter()
                    .any(|c| c.date == a.date && c.what == a.what && c.to == a.to);
                if carried {
                    continue;
                }
                a.why = why.trim().to_string();
                if a.why.is_empty() && !out.contains(&new.id) {
                    out.push(new.id);
                }
                new.adaptations.push(a);
            }
        }
        _ => {}
    }
}

/// The adaptations of `goal` made on `day` that have no reason yet.
pub fn unexplained(goal: &Goal, day: NaiveDate) -> impl Iterator<Item = &Adaptation> {
    goal.adaptations
        .iter()
        .filter(move |a| a.date == day && a.why.is_empty())
}

/// `goal` with `why` as the reason of its adaptations of `day` that had none; `None` when
/// there were none.
pub fn explained(goal: &Goal, day: NaiveDate, why: &str) -> Option<Goal> {
    unexplained(goal, day).next()?;
    let mut g = goal.without_children();
    for a in g.adaptations.iter_mut() {
        if a.date == day && a.why.is_empty() {
            a.why = why.trim().to_string();
        }
    }
    Some(g)
}

/// One adaptation in words: "moved the deadline from 2027-03-01 to 2027-04-01".
pub fn describe(a: &Adaptation) -> String {
    match a.what.as_str() {
        "deadline" if a.to == "none" => format!("took the deadline ({}) away", a.from),
        "deadline" if a.from == "none" => format!("set the deadline to {}", a.to),
        "deadline" => format!("moved the deadline from {} to {}", a.from, a.to),
        "target" => format!("changed the target from {} to {}", a.from, a.to),
        "scope" => format!("rewrote what it means: “{}”", a.to),
        "status" if a.to == "active" => format!("took it up again (it was {})", a.from),
        "status" => format!(
            "put it {}",
            if a.to == "dropped" { "down" } else { "on hold" }
        ),
        "plan" => "chose to adapt it in the step back".to_string(),
        other => format!("changed its {other} from {} to {}", a.from, a.to),
    }
}

/// The question after an adaptation without a reason: "You moved the deadline from … . Why?"
/// (The form around it names the goal.)
pub fn why_question(goal: &Goal, day: NaiveDate) -> Option<String> {
    let said: Vec<String> = unexplained(goal, day).map(describe).collect();
    (!said.is_empty()).then(|| {
        format!(
            "You {}. In one line, why? (It is kept with the goal, and the reviews come back \
             to it.)",
            said.join(" and ")
        )
    })
}

/// Every adaptation made on or after `since`, with its goal, oldest first.
pub fn since(plan: &Plan, since: NaiveDate) -> Vec<(&Goal, &Adaptation)> {
    let mut out: Vec<_> = plan
        .goals
        .iter()
        .flat_map(|g| g.adaptations.iter().map(move |a| (g, a)))
        .filter(|(_, a)| a.date >= since)
        .collect();
    out.sort_by_key(|(_, a)| a.date);
    out
}

/// "Since you adapted “Lead a team” on 2026-11-20 (moved the deadline …: the hiring freeze):
/// has the change helped?" — the line a review opens with, one per adaptation.
pub fn since_line(goal: &Goal, a: &Adaptation) -> String {
    let why = if a.why.is_empty() {
        String::new()
    } else {
        format!(": {}", a.why)
    };
    format!(
        "Since you adapted “{}” on {} ({}{why}): is the new course working?",
        goal.title,
        a.date,
        describe(a)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn goal() -> Goal {
        let mut g = Goal::new(ItemId(1), "Lead a team", d("2026-10-01"));
        g.deadline = Some(d("2027-03-01"));
        g.description = "Lead a team of five".into();
        g.measures = vec![{
            let mut m = crate::model::Measure::new("Result", "reports", 0.0, 5.0);
            m.current = 1.0;
            m
        }];
        g
    }

    fn plan_with(g: &Goal) -> Plan {
        let mut plan = Plan::default();
        plan.goals.push(g.clone());
        plan
    }

    #[test]
    fn deadline_target_scope_and_status_changes_are_each_one_adaptation() {
        let old = goal();
        let mut new = old.clone();
        new.deadline = Some(d("2027-04-01"));
        new.measures[0].target = 3.0;
        new.description = "Lead a team of three".into();
        new.status = GoalStatus::OnHold;
        let found = changes(&old, &new, d("2026-12-01"));
        let whats: Vec<_> = found.iter().map(|a| a.what.as_str()).collect();
        assert_eq!(whats, ["deadline", "target", "scope", "status"]);
        assert_eq!(found[0].from, "2027-03-01");
        assert_eq!(found[0].to, "2027-04-01");
        assert_eq!(found[1].to, "Result: 3 reports");
        assert_eq!(describe(&found[3]), "put it on hold");
    }

    #[test]
    fn planning_for_the_first_time_and_finishing_are_not_adaptations() {
        let mut old = goal();
        old.deadline = None;
        old.description.clear();
        let mut new = old.clone();
        new.deadline = Some(d("2027-01-01"));
        new.description = "now it says what".into();
        new.status = GoalStatus::Done;
        new.title = "Lead a bigger team".into();
        assert!(changes(&old, &new, d("2026-12-01")).is_empty());
    }

    #[test]
    fn taking_up_a_dropped_goal_again_is_an_adaptation() {
        let mut old = goal();
        old.status = GoalStatus::Dropped;
        let mut new = old.clone();
        new.status = GoalStatus::Active;
        let found = changes(&old, &new, d("2026-12-01"));
        assert_eq!(describe(&found[0]), "took it up again (it was dropped)");
    }

    #[test]
    fn stamping_an_update_records_it_once_and_says_which_goals_need_a_reason() {
        let old = goal();
        let plan = plan_with(&old);
        let mut new = old.clone();
        new.deadline = Some(d("2027-05-01"));
        let mut op = Op::Batch(vec![Op::Update {
            node: Node::Goal(Box::new(new)),
        }]);
        let asked = stamp(&plan, &mut op, d("2026-12-01"), "");
        assert_eq!(asked, [ItemId(1)]);
        let Op::Batch(ops) = &mut op else { panic!() };
        let Op::Update {
            node: Node::Goal(g),
        } = &ops[0]
        else {
            panic!()
        };
        assert_eq!(g.adaptations.len(), 1);
        // Stamping again (the edit already carries it) adds nothing.
        let again = stamp(&plan, &mut op, d("2026-12-01"), "");
        assert!(again.is_empty());
    }

    #[test]
    fn a_reason_given_with_the_edit_asks_nothing_and_a_later_one_fills_the_gap() {
        let old = goal();
        let plan = plan_with(&old);
        let mut new = old.clone();
        new.status = GoalStatus::OnHold;
        let mut op = Op::Update {
            node: Node::Goal(Box::new(new)),
        };
        assert!(stamp(&plan, &mut op, d("2026-12-01"), "hiring freeze").is_empty());
        let Op::Update {
            node: Node::Goal(g),
        } = op
        else {
            panic!()
        };
        assert_eq!(g.adaptations[0].why, "hiring freeze");
        assert!(explained(&g, d("2026-12-01"), "again").is_none());

        let mut bare = old.clone();
        bare.adaptations = changes(&old, &g, d("2026-12-02"));
        let q = why_question(&bare, d("2026-12-02")).unwrap();
        assert!(
            q.starts_with("You put it on hold. In one line, why?"),
            "{q}"
        );
        let filled = explained(&bare, d("2026-12-02"), " budget ").unwrap();
        assert_eq!(filled.adaptations[0].why, "budget");
    }

    #[test]
    fn since_lists_adaptations_on_or_after_the_day_oldest_first() {
        let mut g = goal();
        let old = g.clone();
        let mut moved = g.clone();
        moved.deadline = Some(d("2027-06-01"));
        g.adaptations = changes(&old, &moved, d("2026-11-20"));
        g.adaptations[0].why = "the reorg".into();
        let plan = plan_with(&g);
        assert!(since(&plan, d("2026-11-21")).is_empty());
        let found = since(&plan, d("2026-11-14"));
        assert_eq!(
            since_line(found[0].0, found[0].1),
            "Since you adapted “Lead a team” on 2026-11-20 (moved the deadline from 2027-03-01 \
             to 2027-06-01: the reorg): is the new course working?"
        );
    }
}
