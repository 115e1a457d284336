//! Reading a journey stage's answers back: what each stage adds to the profile or the plan,
//! submitted with the journey moved on as one edit.

use super::WEEKDAYS;
use crate::app::change::Change;
use crate::app::forms::goal::RESOURCE_KIND_VALUES;
use crate::app::forms::prompts::child_node;
use crate::app::forms::{Form, Reader};
use crate::model::journey::Stage;
use crate::model::profile::{Achievement, CareerPath, Named, Profile, Quality};
use crate::model::stepback::Rating;
use crate::model::{Barrier, Goal, ItemId, ItemKind, Node, Op, Plan, Resource};
use chrono::NaiveDate;

/// The stage as one edit: what it gathered, and (when `chained`, that is walked as part of
/// the journey) the journey moved past it. `None` with errors on the form. An untouched form
/// is a skip.
pub fn submit(
    form: &mut Form,
    plan: &mut Plan,
    (stage, chained): (Stage, bool),
    today: NaiveDate,
) -> Option<Change> {
    let mut profile = plan.profile.clone();
    let mut ops = Vec::new();
    let mut made = None;
    // A choice always holds an answer: leaving the review day as offered picks it.
    let answered = form.edited || stage == Stage::ReviewDay;
    if answered {
        let mut r = Reader::new(form, today);
        made = gather(&mut r, plan, stage, &mut profile, &mut ops);
        if !r.ok() {
            return None;
        }
    }
    let goal = made.filter(|_| stage == Stage::Goal);
    if chained {
        profile.journey = profile.journey.passed(stage, goal, today);
    }
    ops.push(crate::model::entry_edits::edits(&plan.profile, &mut profile).0);
    let label = if answered {
        format!("guided start: {}", stage.title().to_lowercase())
    } else {
        format!("skip “{}” in the guided start", stage.title())
    };
    let mut change = Change::new(Op::Batch(ops), label);
    change.select = made;
    Some(change)
}

/// Reads the stage's answers into `profile` and `ops`; returns the item it made, if any.
fn gather(
    r: &mut Reader<'_>,
    plan: &mut Plan,
    stage: Stage,
    profile: &mut Profile,
    ops: &mut Vec<Op>,
) -> Option<ItemId> {
    let goal = profile.journey.goal.filter(|id| plan.goal(*id).is_some());
    match stage {
        Stage::LookBack => read_wins(r, profile),
        Stage::WhereNow => read_where_now(r, profile),
        Stage::Strengths => read_strengths(r, profile),
        Stage::Values => read_values(r, profile),
        Stage::Vision => profile.vision = r.text("vision"),
        Stage::Paths => read_paths(r, profile),
        Stage::Goal => return read_goal(r, plan, ops),
        Stage::Milestone => {
            return read_child(r, plan, (goal?, ItemKind::Milestone, "target"), ops);
        }
        Stage::Step => return read_child(r, plan, (goal?, ItemKind::Step, "due"), ops),
        Stage::Obstacles => read_obstacles(r, plan, goal?, ops),
        Stage::ReviewDay => {
            profile.review_day = WEEKDAYS.get(r.choice("day")).map(|d| d.to_string())
        }
    }
    None
}

fn read_wins(r: &mut Reader<'_>, profile: &mut Profile) {
    for f in r.rows("wins") {
        let what = r.line_at(f[0]);
        let date = r.date_at(f[1]);
        if what.is_empty() {
            continue;
        }
        // A past win without a date stays without one (never today's quarter).
        let date_unknown = r.is_blank_at(f[1]);
        profile.achievements.push(Achievement {
            date: date.unwrap_or_else(|| r.today()),
            date_unknown,
            what,
            evidence: r.line_at(f[2]),
            ..Achievement::default()
        });
    }
}

fn read_where_now(r: &mut Reader<'_>, profile: &mut Profile) {
    profile.current_role = r.line("role");
    let satisfaction = r.number("satisfaction").map(|v| v.round() as u8);
    if satisfaction.is_some() && satisfaction != profile.satisfaction {
        let date = r.today();
        profile.satisfaction_log.push(Rating {
            date,
            value: satisfaction.unwrap_or_default(),
            note: String::new(),
        });
    }
    profile.satisfaction = satisfaction.or(profile.satisfaction);
    profile.keep = r.text("keep");
    profile.change = r.text("change");
}

fn read_qualities(r: &mut Reader<'_>, section: &str, list: &mut Vec<Quality>) {
    for f in r.rows(section) {
        let name = r.line_at(f[0]);
        if name.is_empty() || list.iter().any(|q| q.name.eq_ignore_ascii_case(&name)) {
            continue;
        }
        list.push(Quality {
            id: 0,
            name,
            evidence: r.line_at(f[1]),
            plan: String::new(),
        });
    }
}

fn read_strengths(r: &mut Reader<'_>, profile: &mut Profile) {
    read_qualities(r, "strengths", &mut profile.strengths);
    read_qualities(r, "growth", &mut profile.growth_areas);
}

fn add_names(list: &mut Vec<Named>, names: Vec<String>) {
    for name in names {
        if !list.iter().any(|n| n.name.eq_ignore_ascii_case(&name)) {
            list.push(Named {
                id: 0,
                name,
                note: String::new(),
            });
        }
    }
}

fn read_values(r: &mut Reader<'_>, profile: &mut Profile) {
    add_names(&mut profile.values, r.list("values"));
    add_names(&mut profile.interests, r.list("interests"));
}

fn read_paths(r: &mut Reader<'_>, profile: &mut Profile) {
    for f in r.rows("paths") {
        let name = r.line_at(f[0]);
        if name.is_empty() {
            continue;
        }
        profile.paths.push(CareerPath {
            name,
            why: r.line_at(f[1]),
            first_experiment: r.line_at(f[2]),
            ..CareerPath::default()
        });
    }
}

fn read_goal(r: &mut Reader<'_>, plan: &mut Plan, ops: &mut Vec<Op>) -> Option<ItemId> {
    let title = r.title("title");
    let measure = crate::app::forms::goal::read_measure(r);
    let mut goal = Goal::new(ItemId::default(), &title, r.today());
    goal.description = r.text("description");
    goal.measures = measure.into_iter().collect();
    goal.achievable = r.line("achievable");
    goal.values = r.list("values");
    goal.strengths = r.list("strengths");
    goal.relevant = r.line("relevant");
    goal.deadline = r.date("deadline");
    if !r.ok() {
        return None;
    }
    goal.id = plan.new_id();
    for m in &mut goal.measures {
        m.id = plan.new_id().0;
    }
    let id = goal.id;
    ops.push(Op::Insert {
        parent: None,
        index: usize::MAX,
        node: Node::Goal(Box::new(goal)),
    });
    Some(id)
}

/// The journey's milestone (under its goal) or step (under the goal's first open milestone,
/// else the goal), titled and dated as the form says.
fn read_child(
    r: &mut Reader<'_>,
    plan: &mut Plan,
    (goal, kind, date_field): (ItemId, ItemKind, &str),
    ops: &mut Vec<Op>,
) -> Option<ItemId> {
    let title = r.title("title");
    let date = r.date(date_field);
    if !r.ok() {
        return None;
    }
    let parent = match kind {
        ItemKind::Milestone => goal,
        _ => plan
            .goal(goal)
            .and_then(|g| g.milestones.iter().find(|m| !m.is_done()))
            .map_or(goal, |m| m.id),
    };
    let id = plan.new_id();
    let node = child_node(plan, goal, (id, kind), &title, date);
    ops.push(insert_under(parent, node));
    Some(id)
}

fn insert_under(parent: ItemId, node: Node) -> Op {
    Op::Insert {
        parent: Some(parent),
        index: usize::MAX,
        node,
    }
}

fn read_obstacles(r: &mut Reader<'_>, plan: &Plan, goal: ItemId, ops: &mut Vec<Op>) {
    let Some(mut updated) = plan.goal(goal).map(Goal::without_children) else {
        return;
    };
    let obstacle = r.line("obstacle");
    let strategy = r.line("strategy");
    if !obstacle.is_empty() || !strategy.is_empty() {
        updated.barriers.push(Barrier {
            obstacle,
            strategy,
            ..Barrier::default()
        });
    }
    let what = r.line("resource");
    if !what.is_empty() {
        updated.resources.push(Resource {
            what,
            kind: RESOURCE_KIND_VALUES
                .get(r.choice("kind"))
                .copied()
                .unwrap_or_default(),
            secured: false,
        });
    }
    ops.push(Op::Update {
        node: Node::Goal(Box::new(updated)),
    });
}
