//! The forms of the step back (see `model::stepback`), one per stage: satisfaction now with
//! the ratings so far; values and vision (the vision can be rewritten in place); each goal
//! kept, adapted or dropped with the reason; career paths; what changed in the profile (new
//! strengths and growth areas join it); the period's achievements (one more can be logged).
//! Each submits the record, the profile and any goal it drops as one edit.

use super::{Field, FieldKind, Form, FormKind, Reader};
use crate::app::change::Change;
use crate::model::profile::{Achievement, Profile, Quality};
use crate::model::stepback::{
    self, Cadence, GoalCheck, Rating, Relevance, Stage, StepBack, period_of,
};
use crate::model::{Goal, GoalStatus, Node, Op, Plan};
use chrono::NaiveDate;

const SATISFACTION: FieldKind = FieldKind::Number {
    min: crate::model::check::SATISFACTION.min,
    max: crate::model::check::SATISFACTION.max,
    optional: true,
};

/// The form of stage `stage` of the step back for `period`.
pub fn stage_form(plan: &Plan, period: &str, stage: Stage, today: NaiveDate) -> Form {
    let p = &plan.profile;
    let record = stepback::record_for(p, period);
    let (note, fields) = match stage {
        Stage::Satisfaction => (satisfaction_note(p), satisfaction_fields(record)),
        Stage::ValuesVision => (values_note(plan), values_fields(p, record)),
        Stage::Goals => (goals_note(plan, period), goal_fields(plan, record)),
        Stage::Paths => (paths_note(p), paths_fields(record)),
        Stage::Profile => (profile_note(plan), profile_fields(record)),
        Stage::Achievements => (achievements_note(p, period, today), achievement_fields()),
    };
    let title = format!(
        "Step back {period} · {} of {} · {}",
        stage.position() + 1,
        Stage::ALL.len(),
        stage.title()
    );
    let kind = FormKind::StepBack {
        period: period.to_string(),
        stage,
    };
    let mut form = Form::new(kind, title, fields);
    form.note = Some(note);
    form
}

const GOALS: &str = "For each goal: is it still the right one? Keep it, adapt it (a new \
deadline or target below counts only then; change more in its editor afterwards) or drop it — \
dropping a goal that no longer fits is a good decision. A word on why helps future you: it \
is kept with the goal, and the next review comes back to it.";

/// The goals stage's note: the changes of course since the period before began, then how
/// to decide.
fn goals_note(plan: &Plan, period: &str) -> String {
    let since = stepback::parse_period(period).map_or(NaiveDate::MIN, |p| {
        crate::model::dates::minus_days(p.start, 92)
    });
    let mut note = String::new();
    for (goal, a) in crate::model::adapt::since(plan, since) {
        note.push_str(&crate::model::adapt::since_line(goal, a));
        note.push(' ');
    }
    note.push_str(GOALS);
    note
}

fn satisfaction_note(p: &Profile) -> String {
    let trend = stepback::satisfaction_trend(p);
    let mut note = "Looking at the last months as a whole: how satisfied are you with your \
work, from 1 (not at all) to 10 (completely)?"
        .to_string();
    if !trend.is_empty() {
        let points: Vec<String> = trend
            .iter()
            .rev()
            .take(6)
            .rev()
            .map(|(d, v)| format!("{v} ({d})"))
            .collect();
        note.push_str(&format!("\nSo far: {}", points.join(" → ")));
    }
    note
}

fn satisfaction_fields(record: Option<&StepBack>) -> Vec<Field> {
    let r = record.cloned().unwrap_or_default();
    let value = r.satisfaction.map(|v| v.to_string()).unwrap_or_default();
    vec![
        Field::new("satisfaction", "Satisfied now, 1–10", SATISFACTION, &value),
        Field::new(
            "note",
            "What lies behind it",
            FieldKind::Text,
            &r.satisfaction_note,
        ),
    ]
}

fn values_note(plan: &Plan) -> String {
    let p = &plan.profile;
    let values: Vec<&str> = p.values.iter().map(|v| v.name.as_str()).collect();
    let values = if values.is_empty() {
        "none written yet".to_string()
    } else {
        values.join(", ")
    };
    let mut note = format!("Your values: {values}.");
    let unserved = crate::model::profile::unused_values(plan);
    if !unserved.is_empty() {
        note.push_str(&format!(" No goal serves yet: {}.", unserved.join(", ")));
    }
    note.push_str(
        "\nDo they still describe what matters to you? Is your vision still where you want to \
         go? Rewrite it below if it moved.",
    );
    note
}

fn values_fields(p: &Profile, record: Option<&StepBack>) -> Vec<Field> {
    let r = record.cloned().unwrap_or_default();
    vec![
        Field::new(
            "values_note",
            "Values still true?",
            FieldKind::Text,
            &r.values_note,
        ),
        Field::new(
            "vision_note",
            "Vision still true?",
            FieldKind::Text,
            &r.vision_note,
        ),
        Field::new("vision", "Your vision", FieldKind::LongText, &p.vision),
    ]
}

fn goal_fields(plan: &Plan, record: Option<&StepBack>) -> Vec<Field> {
    let mut fields = Vec::new();
    for id in stepback::goals_to_check(plan) {
        let Some(goal) = plan.goal(id) else { continue };
        let earlier = record.and_then(|r| r.goals.iter().find(|c| c.goal == id));
        let decision = earlier.map_or(Relevance::Keep, |c| c.decision);
        let reason = earlier.map_or("", |c| c.reason.as_str());
        let label = format!("{} {}", goal.num, goal.title);
        let mut choice = Field::new("decision", label, FieldKind::Choice(Relevance::CHOICES), "");
        choice.choice = decision as usize;
        fields.push(choice);
        fields.push(Field::new("reason", "  Why", FieldKind::Text, reason));
        let deadline = super::prompts::date_text(goal.deadline);
        let label = "  New deadline";
        fields.push(Field::new("deadline", label, FieldKind::Date, &deadline));
        if let Some(m) = goal.main_measure() {
            let target = super::prompts::number_text(m.target);
            let label = format!("  New target ({})", m.label());
            fields.push(Field::new("target", label, super::prompts::AMOUNT, &target));
        }
    }
    fields
}

fn paths_note(p: &Profile) -> String {
    let mut note = "Look at the directions you have been weighing. Closer, further, a new one? \
Did an experiment tell you something?"
        .to_string();
    for path in &p.paths {
        let fit = path
            .values_fit
            .map_or(String::new(), |f| format!(" (values fit {f}/5)"));
        note.push_str(&format!("\n• {}{fit}", path.name));
    }
    note
}

fn paths_fields(record: Option<&StepBack>) -> Vec<Field> {
    let r = record.cloned().unwrap_or_default();
    vec![Field::new(
        "paths_note",
        "Paths now",
        FieldKind::LongText,
        &r.paths_note,
    )]
}

fn profile_note(plan: &Plan) -> String {
    let p = &plan.profile;
    let list = |l: &[Quality]| {
        l.iter()
            .map(|q| q.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut note = format!(
        "Strengths: {}\nGrowth areas: {}",
        list(&p.strengths),
        list(&p.growth_areas)
    );
    let unused = crate::model::profile::unused_strengths(plan);
    if !unused.is_empty() {
        note.push_str(&format!("\nNo goal uses yet: {}", unused.join(", ")));
    }
    note.push_str("\nWhat changed about you? Add new strengths or growth areas below.");
    note
}

fn profile_fields(record: Option<&StepBack>) -> Vec<Field> {
    let r = record.cloned().unwrap_or_default();
    vec![
        Field::new(
            "profile_note",
            "What changed",
            FieldKind::LongText,
            &r.profile_note,
        ),
        Field::new("strengths", "New strengths (a, b)", FieldKind::Text, ""),
        Field::new("growth", "New growth areas (a, b)", FieldKind::Text, ""),
    ]
}

fn achievements_note(p: &Profile, period: &str, today: NaiveDate) -> String {
    let span = period_span(period, today);
    let list = stepback::achievements_in(p, &span);
    if list.is_empty() {
        return "No achievements are logged for this period yet. Was there something you are \
glad you did? Log it below."
            .into();
    }
    let mut note = format!("What you achieved in {period}:");
    for a in list {
        note.push_str(&format!("\n• {} ({})", a.what, a.date));
    }
    note.push_str("\nAnything missing? Log it below.");
    note
}

fn achievement_fields() -> Vec<Field> {
    vec![
        Field::new("what", "Also achieved", FieldKind::Text, ""),
        Field::new("evidence", "What it shows", FieldKind::Text, ""),
    ]
}

/// The dates of a period label; the period of `today` when it cannot be read.
fn period_span(label: &str, today: NaiveDate) -> stepback::Period {
    stepback::parse_period(label).unwrap_or_else(|| period_of(today, Cadence::Quarterly))
}

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
    let mut record = stepback::record_for(&profile, period)
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
    ops.push(crate::model::entries::edits(&plan.profile, &mut profile).0);
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
    let ids = stepback::goals_to_check(plan);
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
    record.achievements = stepback::achievements_in(profile, &span)
        .iter()
        .map(|a| a.what.clone())
        .collect();
}
