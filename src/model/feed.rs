//! What the profile feeds into the plan, and what the plan gives back to it: which values and
//! strengths the goals use, a growth area, interest, SWOT opportunity or career path made a
//! goal, a threat made a barrier, feedback made a step, a finished item logged as an
//! achievement. Each returns the edit to apply (or `None` when there is nothing to do).

use super::ids::ItemId;
use super::profile::{Achievement, Section};
use chrono::NaiveDate;

/// Which active goals serve each value of the profile (by name, case-insensitively), in the
/// profile's order; a value with no goal is one no goal serves yet.
pub fn value_coverage(plan: &super::Plan) -> Vec<(String, Vec<ItemId>)> {
    plan.profile
        .values
        .iter()
        .map(|v| {
            let goals = plan
                .goals
                .iter()
                .filter(|g| {
                    g.is_active() && g.values.iter().any(|gv| gv.eq_ignore_ascii_case(&v.name))
                })
                .map(|g| g.id)
                .collect();
            (v.name.clone(), goals)
        })
        .collect()
}

/// The profile's strengths that no active goal uses yet (by name, case-insensitively).
pub fn unused_strengths(plan: &super::Plan) -> Vec<String> {
    let used = |name: &str| {
        plan.goals
            .iter()
            .filter(|g| g.is_active())
            .any(|g| g.strengths.iter().any(|s| s.eq_ignore_ascii_case(name)))
    };
    plan.profile
        .strengths
        .iter()
        .filter(|q| !used(&q.name))
        .map(|q| q.name.clone())
        .collect()
}

/// The profile's values that no active goal serves yet.
pub fn unused_values(plan: &super::Plan) -> Vec<String> {
    value_coverage(plan)
        .into_iter()
        .filter(|(_, goals)| goals.is_empty())
        .map(|(name, _)| name)
        .collect()
}

/// The goal that entry `index` of `section` becomes: a growth area to develop, an interest
/// to explore, a SWOT opportunity to take, or a career path's first experiment (which the
/// path remembers). `None` when the entry cannot become a goal.
pub fn entry_to_goal(
    plan: &mut super::Plan,
    section: Section,
    index: usize,
    today: NaiveDate,
) -> Option<super::Op> {
    let p = &plan.profile;
    // The source goes into the notes, not the R of SMART: why the goal matters is the
    // person's to say (or a value or strength to pick), so R stays open until they do.
    let (title, description, source) = match section {
        Section::CareerPaths => return path_to_goal(plan, index, today),
        Section::GrowthAreas => {
            let q = p.growth_areas.get(index)?;
            let title = format!("Grow in {}", q.name);
            (
                title,
                q.plan.clone(),
                format!("Made from the growth area “{}” in my profile.", q.name),
            )
        }
        Section::Interests => {
            let n = p.interests.get(index)?;
            (
                format!("Explore {}", n.name),
                n.note.clone(),
                format!("Made from the interest “{}” in my profile.", n.name),
            )
        }
        Section::Swot => match super::profile::swot_entry(p, index)? {
            (2, at) => {
                let line = p.swot.opportunities[at].clone();
                (
                    line,
                    String::new(),
                    "Made from an opportunity in my SWOT.".into(),
                )
            }
            _ => return None,
        },
        _ => return None,
    };
    let id = plan.new_id();
    let mut goal = super::Goal::new(id, &super::text::clean_line(&title), today);
    goal.description = description;
    goal.notes = source;
    Some(super::Op::Insert {
        parent: None,
        index: usize::MAX,
        node: super::Node::Goal(Box::new(goal)),
    })
}

/// The edit that makes SWOT threat number `at` (within the threats) a barrier on `goal`,
/// with its if–then plan `then_plan`.
pub fn threat_to_barrier(
    plan: &super::Plan,
    at: usize,
    goal: ItemId,
    then_plan: &str,
) -> Option<super::Op> {
    let threat = plan.profile.swot.threats.get(at)?;
    let mut updated = plan.goal(goal)?.without_children();
    if updated.barriers.iter().any(|b| b.obstacle == *threat) {
        return None;
    }
    updated.barriers.push(super::Barrier {
        obstacle: threat.clone(),
        strategy: then_plan.trim().to_string(),
        ..super::Barrier::default()
    });
    Some(super::Op::Update {
        node: super::Node::Goal(Box::new(updated)),
    })
}

/// The achievement a finished goal, milestone or step becomes, linked to its goal and to
/// itself, with the strengths its goal uses; `None` when the item is not done or is already
/// in the log.
pub fn achievement_from(plan: &super::Plan, id: ItemId) -> Option<Achievement> {
    if plan
        .profile
        .achievements
        .iter()
        .any(|a| a.source == Some(id))
    {
        return None;
    }
    let done = plan
        .step(id)
        .and_then(|s| s.done)
        .or_else(|| plan.milestone(id).and_then(|m| m.done))
        .or_else(|| {
            plan.goal(id)
                .filter(|g| g.status == super::GoalStatus::Done)
                .and_then(|g| g.completed)
        })?;
    let goal = plan.goal_of(id);
    Some(Achievement {
        date: done,
        what: plan.title_of(id)?.to_string(),
        goal: goal.map(|g| g.id),
        source: Some(id),
        strengths: goal.map(|g| g.strengths.clone()).unwrap_or_default(),
        ..Achievement::default()
    })
}

/// The edit that logs a finished goal, milestone or step as an achievement.
pub fn promote_to_achievement(plan: &super::Plan, id: ItemId) -> Option<super::Op> {
    let achievement = achievement_from(plan, id)?;
    let mut profile = plan.profile.clone();
    profile.achievements.push(achievement);
    Some(super::entry_edits::edits(&plan.profile, &mut profile).0)
}

/// The edit that turns feedback number `index` into an action step under `goal`, and
/// remembers the step on the feedback.
pub fn feedback_to_step(plan: &mut super::Plan, index: usize, goal: ItemId) -> Option<super::Op> {
    let feedback = plan.profile.feedback.get(index)?.clone();
    plan.goal(goal)?;
    let id = plan.new_id();
    let from = if feedback.from.is_empty() {
        String::new()
    } else {
        format!(" ({})", feedback.from)
    };
    let mut step = super::ActionStep::new(id, &super::text::clean_line(&feedback.what));
    step.notes = format!(
        "From feedback on {}{from}: {}",
        feedback.date, feedback.what
    );
    let mut profile = plan.profile.clone();
    profile.feedback[index].step = Some(id);
    profile.feedback[index].goal = Some(goal);
    Some(super::Op::Batch(vec![
        super::Op::Insert {
            parent: Some(goal),
            index: usize::MAX,
            node: super::Node::Step(Box::new(step)),
        },
        super::entry_edits::edits(&plan.profile, &mut profile).0,
    ]))
}

/// The edit that turns career path number `index`'s first experiment into a new goal, and
/// remembers the goal on the path.
pub fn path_to_goal(plan: &mut super::Plan, index: usize, today: NaiveDate) -> Option<super::Op> {
    let path = plan.profile.paths.get(index)?.clone();
    let title = if path.first_experiment.trim().is_empty() {
        format!("Try out: {}", path.name)
    } else {
        path.first_experiment.clone()
    };
    let id = plan.new_id();
    let mut goal = super::Goal::new(id, &super::text::clean_line(&title), today);
    goal.notes = format!(
        "Made from the career path “{}” in my profile: a first experiment. {}",
        path.name, path.why
    )
    .trim()
    .to_string();
    let mut profile = plan.profile.clone();
    profile.paths[index].goal = Some(id);
    Some(super::Op::Batch(vec![
        super::Op::Insert {
            parent: None,
            index: usize::MAX,
            node: super::Node::Goal(Box::new(goal)),
        },
        super::entry_edits::edits(&plan.profile, &mut profile).0,
    ]))
}
