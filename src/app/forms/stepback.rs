//! The forms of the step back (see `model::stepback`), one per stage: satisfaction now with
//! the ratings so far; values and vision (the vision can be rewritten in place); each goal
//! kept, adapted or dropped with the reason; career paths; what changed in the profile (new
//! strengths and growth areas join it); the period's achievements (one more can be logged).
//! Each submits the record, the profile and any goal it drops as one edit.

use super::{Field, FieldKind, Form, FormKind};
use crate::model::Plan;
use crate::model::profile::{Profile, Quality};
use crate::model::stepback::{self, Cadence, Relevance, Stage, StepBack, period_of};
use crate::model::stepping_back;
use chrono::NaiveDate;

mod answers;
pub use answers::submit;

const SATISFACTION: FieldKind = FieldKind::Number {
    min: crate::model::limits::SATISFACTION.min,
    max: crate::model::limits::SATISFACTION.max,
    optional: true,
};

/// The form of stage `stage` of the step back for `period`.
pub fn stage_form(plan: &Plan, period: &str, stage: Stage, today: NaiveDate) -> Form {
    let p = &plan.profile;
    let record = stepping_back::record_for(p, period);
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
    let trend = stepping_back::satisfaction_trend(p);
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
    let unserved = crate::model::feed::unused_values(plan);
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
    for id in stepping_back::goals_to_check(plan) {
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
    let unused = crate::model::feed::unused_strengths(plan);
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
    let list = stepping_back::achievements_in(p, &span);
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
pub(super) fn period_span(label: &str, today: NaiveDate) -> stepback::Period {
    stepback::parse_period(label).unwrap_or_else(|| period_of(today, Cadence::Quarterly))
}
