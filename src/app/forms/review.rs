//! The weekly review's reflection: a few long-text prompts about the week, filled from its
//! record and submitted back into it.

use super::read::join_list;
use super::{Field, FieldKind, Form, FormKind, Reader};
use crate::app::change::Change;
use crate::model::lived::{self, InTheWay};
use crate::model::{ItemId, Op, Plan, WeeklyReview};
use chrono::NaiveDate;

/// The open barriers of active goals, each as a pick names it ("#3 no time after work") with
/// its goal and its place on the goal.
fn open_barriers(plan: &Plan) -> Vec<(String, ItemId, usize)> {
    let mut out = Vec::new();
    for goal in plan.goals.iter().filter(|g| g.is_active()) {
        for (at, b) in goal.barriers.iter().enumerate() {
            if b.status == crate::model::BarrierStatus::Open {
                let name = format!("{} {}", goal.num, b.obstacle.replace(',', ";"));
                out.push((name, goal.id, at));
            }
        }
    }
    out
}

/// The reflection prompts of `record`; `editor_key` is the key that opens `$EDITOR`. What got
/// in the way can be linked to the barriers already named in `plan`.
pub fn reflection(plan: &Plan, record: &WeeklyReview, editor_key: &str) -> Form {
    let long = |name, label, value: &str| Field::new(name, label, FieldKind::LongText, value);
    let mut fields = vec![
        long("went_well", "What went well", &record.went_well),
        long("in_the_way", "What got in the way", &record.got_in_the_way),
    ];
    let barriers: Vec<String> = open_barriers(plan).into_iter().map(|b| b.0).collect();
    if !barriers.is_empty() {
        fields.push(Field::new(
            "barriers",
            "Was it one of these?",
            FieldKind::Picks(barriers),
            "",
        ));
    }
    fields.extend([
        long("adjust", "What to adjust", &record.adjust),
        Field::new(
            "strengths",
            "Strengths used (a, b)",
            FieldKind::Text,
            &join_list(&record.strengths_used),
        ),
        Field::new(
            "ask_feedback",
            "Ask for feedback from",
            FieldKind::Text,
            &record.ask_feedback,
        ),
        long("reflection", "Anything else", &record.reflection),
    ]);
    let kind = FormKind::Reflection {
        week: record.week.clone(),
    };
    let mut form = Form::new(kind, "Reflect on the week".into(), fields);
    form.note = Some(format!(
        "A few honest lines are enough; {editor_key} opens your editor for more. Whose view \
         would help this week? A mentor, a peer, your manager — name one."
    ));
    form
}

/// The record with the reflection as the form has it, and each barrier picked as what got
/// in the way logged on it (once a day), as one edit.
pub fn submit(
    form: &mut Form,
    plan: &Plan,
    record: &WeeklyReview,
    today: NaiveDate,
) -> Option<Change> {
    let mut r = Reader::new(form, today);
    let picked = if form_has(&r, "barriers") {
        r.list("barriers")
    } else {
        Vec::new()
    };
    let record = WeeklyReview {
        went_well: r.text("went_well"),
        got_in_the_way: r.text("in_the_way"),
        adjust: r.text("adjust"),
        strengths_used: r.list("strengths"),
        ask_feedback: r.line("ask_feedback"),
        reflection: r.text("reflection"),
        ..record.clone()
    };
    let mut ops = vec![Op::PutReview(Box::new(record))];
    for (name, goal, at) in open_barriers(plan) {
        let Some(g) = plan.goal(goal).filter(|_| picked.contains(&name)) else {
            continue;
        };
        if g.barriers[at].log.iter().any(|h| h.date == today) {
            continue;
        }
        let said = InTheWay {
            happened: vec![at],
            ..InTheWay::default()
        };
        if let Ok(logged) = lived::log(g, &said, today) {
            ops.push(Op::Update {
                node: crate::model::Node::Goal(Box::new(logged)),
            });
        }
    }
    Some(Change::new(Op::Batch(ops), "write the reflection"))
}

fn form_has(r: &Reader<'_>, name: &str) -> bool {
    (0..r.field_count()).any(|i| r.name_at(i) == name)
}
