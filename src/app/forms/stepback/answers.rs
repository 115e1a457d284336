//! Reading a step back stage's answers: the record of the period, the profile it changes and
//! any goal it adapts or drops, as one edit.

use super::super::{Form, Reader};
use super::period_span;
use crate::app::change::Change;
use crate::model::profile::{Achievement, Profile, Quality};
use crate::model::stepback::{GoalCheck, Rating, Relevance, Stage, StepBack};
use crate::model::stepping_back;
use crate::model::{Goal, GoalStatus, Node, Op, Plan};
use chrono::NaiveDate;

/// The stage as one edit: the record moved on (or finished), with the profile and goals it
/// changed. `None` with errors on the form.
pub fn submit(
    form: &mut Form,
    plan: &Plan,
    period: &str,
    stage: Stage,
    today: NaiveDate,
) -> Option<Change> {
    let mut profile = plan.profile.clone();
    let mut record = stepping_back::record_for(&profile, period)
        .cloned()
        .unwrap_or_else(|| StepBack::start(&period_span(period, today), today));
    let mut ops = Vec::new();
    let mut r = Reader::new(form, today);
    match stage {
        Stage::Satisfaction => read_satisfaction(&mut r, &mut record, &mut profile),
        Stage::ValuesVision => {
            record.values_note = r.line("values_note");
            record.vision_note = r.line("vision_note");
            profile.vision = r.text("vision");
        }
        Stage::Goals => read_goals(&mut r, plan, &mut record, &mut ops),
        Stage::Paths => record.paths_note = r.text("paths_note"),
        Stage::Profile => read_profile(&mut r, &mut record, &mut profile),
        Stage::Achievements => read_achievements(&mut r, &mut record, &mut profile, period),
    }
    if !r.ok() {
        return None;
    }
    let record = record.passed(stage, today);
    put_record(&mut profile, record);
    ops.push(crate::model::entry_edits::edits(&plan.profile, &mut profile).0);
    let label = format!("step back {period}: {}", stage.title().to_lowercase());
    Some(Change::new(Op::Batch(ops), label))
}

fn put_record(profile: &mut Profile, record: StepBack) {
    match profile
        .step_backs
        .iter_mut()
        .find(|r| r.period == record.period)
    {
        Some(slot) => *slot = record,
        None => profile.step_backs.push(record),
    }
}

fn read_satisfaction(r: &mut Reader<'_>, record: &mut StepBack, profile: &mut Profile) {
    let value = r.number("satisfaction").map(|v| v.round() as u8);
    record.satisfaction_note = r.line("note");
    let Some(value) = value else { return };
    let date = r.today();
    let note = record.satisfaction_note.clone();
    record.satisfaction = Some(value);
    profile.satisfaction = Some(value);
    profile.satisfaction_log.push(Rating { date, value, note });
}

fn read_goals(r: &mut Reader<'_>, plan: &Plan, record: &mut StepBack, ops: &mut Vec<Op>) {
    record.goals.clear();
    let ids = stepping_back::goals_to_check(plan);
    let decisions: Vec<usize> = (0..r.field_count())
        .filter(|&i| r.name_at(i) == "decision")
        .collect();
    for (id, at) in ids.into_iter().zip(decisions) {
        let decision = Relevance::from_choice(Relevance::CHOICES[r.choice_at(at)]);
        let reason = r.line_at(at + 1);
        let deadline = r.date_at(at + 2);
        let target = (r.name_at(at + 3) == "target")
            .then(|| r.number_at(at + 3))
            .flatten();
        if let Some(goal) = plan.goal(id)
            && let Some(op) =
                relevance_op(plan, goal, decision, (deadline, target), &reason, r.today())
        {
            ops.push(op);
        }
        record.goals.push(GoalCheck {
            goal: id,
            decision,
            reason,
        });
    }
}

/// What a relevance decision does to `goal`: drop sets it dropped; adapt takes the new
/// deadline and target and keeps the change of course with the reason (an adapt that
/// changes neither is still kept, as the decision it was); keep does nothing.
fn relevance_op(
    plan: &Plan,
    goal: &Goal,
    decision: Relevance,
    (deadline, target): (Option<NaiveDate>, Option<f64>),
    why: &str,
    today: NaiveDate,
) -> Option<Op> {
    let mut g = goal.without_children();
    match decision {
        Relevance::Keep => return None,
        Relevance::Drop => g.status = GoalStatus::Dropped,
        Relevance::Adapt => {
            g.deadline = deadline;
            let main = g.main_measure().map(|m| m.id);
            if let (Some(m), Some(t)) = (g.measures.iter_mut().find(|m| Some(m.id) == main), target)
            {
                m.target = t;
            }
        }
    }
    let mut op = Op::Update {
        node: Node::Goal(Box::new(g)),
    };
    crate::model::adapt::stamp(plan, &mut op, today, why);
    if let (
        Relevance::Adapt,
        Op::Update {
            node: Node::Goal(g),
        },
    ) = (decision, &mut op)
        && g.adaptations.len() == goal.adaptations.len()
    {
        g.adaptations.push(crate::model::Adaptation {
            date: today,
            what: "plan".into(),
            from: "keep".into(),
            to: "adapt".into(),
            why: why.trim().to_string(),
        });
    }
    Some(op)
}

fn read_profile(r: &mut Reader<'_>, record: &mut StepBack, profile: &mut Profile) {
    record.profile_note = r.text("profile_note");
    let add = |list: &mut Vec<Quality>, names: Vec<String>| {
        for name in names {
            if !list.iter().any(|q| q.name.eq_ignore_ascii_case(&name)) {
                list.push(Quality {
                    name,
                    ..Quality::default()
                });
            }
        }
    };
    add(&mut profile.strengths, r.list("strengths"));
    add(&mut profile.growth_areas, r.list("growth"));
}

fn read_achievements(
    r: &mut Reader<'_>,
    record: &mut StepBack,
    profile: &mut Profile,
    period: &str,
) {
    let what = r.line("what");
    if !what.is_empty() {
        profile.achievements.push(Achievement {
            date: r.today(),
            what,
            evidence: r.line("evidence"),
            ..Achievement::default()
        });
    }
    let span = period_span(period, r.today());
    record.achievements = stepping_back::achievements_in(profile, &span)
        .iter()
        .map(|a| a.what.clone())
        .collect();
}
