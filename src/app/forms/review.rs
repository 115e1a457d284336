//! The weekly review's reflection: a few long-text prompts about the week, filled from its
//! record and submitted back into it.

use super::read::join_list;
use super::{Field, FieldKind, Form, FormKind, Reader};
use crate::app::change::Change;
use crate::model::{Op, WeeklyReview};
use chrono::NaiveDate;

/// The reflection prompts of `record`; `editor_key` is the key that opens `$EDITOR`.
pub fn reflection(record: &WeeklyReview, editor_key: &str) -> Form {
    let long = |name, label, value: &str| Field::new(name, label, FieldKind::LongText, value);
    let fields = vec![
        long("went_well", "What went well", &record.went_well),
        long("in_the_way", "What got in the way", &record.got_in_the_way),
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
    ];
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

/// The record with the reflection as the form has it, as one edit.
pub fn submit(form: &mut Form, record: &WeeklyReview, today: NaiveDate) -> Option<Change> {
    let mut r = Reader::new(form, today);
    let record = WeeklyReview {
        went_well: r.text("went_well"),
        got_in_the_way: r.text("in_the_way"),
        adjust: r.text("adjust"),
        strengths_used: r.list("strengths"),
        ask_feedback: r.line("ask_feedback"),
        reflection: r.text("reflection"),
        ..record.clone()
    };
    let op = Op::PutReview(Box::new(record));
    Some(Change::new(op, "write the reflection"))
}
