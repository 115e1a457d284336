//! The forms through which goalcoach answers what a person records: what would raise a low
//! confidence, why a goal changed course, and what got in the way (the barriers that
//! happened, whether their plans worked, something new with its plan). Each builds a
//! `Change` for the one commit path; the rules are the model's (`coach`, `adapt`, `lived`).

use super::{Field, FieldKind, Form, FormKind, Reader};
use crate::app::change::Change;
use crate::model::lived::{self, InTheWay};
use crate::model::{Goal, Node, Op};
use chrono::NaiveDate;

/// The answers to "did your plan work?", as a choice field offers them.
pub const PLAN_WORKED: &[&str] = &["not said", "yes", "no"];

/// The question a low-confidence check-in asks: one thing that would raise it by a point, as
/// a step with a day, or as something in the way with its if–then plan.
pub fn raise_confidence(goal: &Goal, confidence: u8, before: Option<u8>, skip_key: &str) -> Form {
    let fields = vec![
        Field::new("what", "One thing", FieldKind::Text, ""),
        Field::new("by", "Do it by", FieldKind::Date, ""),
        Field::new("then", "If in the way, then I…", FieldKind::Text, ""),
    ];
    let mut form = Form::new(
        FormKind::RaiseConfidence(goal.id),
        format!("Raise your confidence in “{}”", goal.title),
        fields,
    );
    form.note = Some(format!(
        "{} A step to take (with a day; blank is a week from today), or something in the way \
         with what you will do when it happens. {skip_key} skips.",
        crate::model::coach::question(confidence, before)
    ));
    form
}

pub(super) fn submit_raise_confidence(
    form: &mut Form,
    plan: &mut crate::model::Plan,
    goal: &Goal,
    today: NaiveDate,
) -> Option<Change> {
    let mut r = Reader::new(form, today);
    let what = r.text("what");
    let by = r.date("by");
    let then_plan = r.text("then");
    if what.trim().is_empty() {
        r.fail(
            "what",
            "Name one thing: a step you can take, or what is in the way.",
        );
    }
    if !r.ok() {
        return None;
    }
    let id = plan.new_id();
    let op = crate::model::coach::answer(goal, &what, by, &then_plan, id, today);
    let (label, said) = if then_plan.trim().is_empty() {
        (
            "add a step to raise confidence",
            "Added as a step under the goal.",
        )
    } else {
        (
            "add a barrier with its plan",
            "Added as a barrier with its if–then plan.",
        )
    };
    let select = if then_plan.trim().is_empty() {
        id
    } else {
        goal.id
    };
    Some(Change::new(op, label).selecting(select).saying(said))
}

/// The one-line question after a goal changed course without a reason; `None` when every
/// change of `today` has its reason.
pub fn why(goal: &Goal, today: NaiveDate, skip_key: &str) -> Option<Form> {
    let question = crate::model::adapt::why_question(goal, today)?;
    let fields = vec![Field::new("why", "Why", FieldKind::Text, "")];
    let mut form = Form::new(
        FormKind::AdaptationWhy(goal.id),
        format!("A change of course on “{}”", goal.title),
        fields,
    );
    form.note = Some(format!("{question} {skip_key} leaves it unsaid."));
    Some(form)
}

pub(super) fn submit_why(form: &mut Form, goal: &Goal, today: NaiveDate) -> Option<Change> {
    let mut r = Reader::new(form, today);
    let why = r.line("why");
    if why.is_empty() {
        r.fail(
            "why",
            "A few words are enough, e.g. “the team was reorganised”.",
        );
    }
    if !r.ok() {
        return None;
    }
    let g = crate::model::adapt::explained(goal, today, &why)?;
    let op = Op::Update {
        node: Node::Goal(Box::new(g)),
    };
    Some(
        Change::new(op, "say why the goal changed course")
            .selecting(goal.id)
            .saying("Kept with the goal; the next review comes back to it."),
    )
}

/// A barrier's name as a pick: commas would split it, so they read as semicolons.
fn pick_name(obstacle: &str) -> String {
    obstacle.replace(',', ";")
}

/// The "did anything get in the way?" fields, for the check-in and the review's goal stage:
/// the open barriers to pick from, whether their plans worked, something new and its plan.
pub fn in_the_way_fields(goal: &Goal) -> Vec<Field> {
    let mut fields = Vec::new();
    let names: Vec<String> = goal
        .barriers
        .iter()
        .map(|b| pick_name(&b.obstacle))
        .collect();
    if !names.is_empty() {
        fields.push(Field::new(
            "happened",
            "Got in the way",
            FieldKind::Picks(names),
            "",
        ));
        fields.push(Field::new(
            "worked",
            "Did the plan work?",
            FieldKind::Choice(PLAN_WORKED),
            "",
        ));
    }
    fields.push(Field::new(
        "new_obstacle",
        "Something new",
        FieldKind::Text,
        "",
    ));
    fields.push(Field::new(
        "new_plan",
        "Its if–then plan",
        FieldKind::Text,
        "",
    ));
    fields
}

/// Reads the fields `in_the_way_fields` made; a new obstacle without its plan is an error
/// under the plan's field.
pub fn read_in_the_way(r: &mut Reader<'_>, goal: &Goal) -> InTheWay {
    let picked = if goal.barriers.is_empty() {
        Vec::new()
    } else {
        r.list("happened")
    };
    let happened = goal
        .barriers
        .iter()
        .enumerate()
        .filter(|(_, b)| picked.contains(&pick_name(&b.obstacle)))
        .map(|(i, _)| i)
        .collect();
    let plan_worked = match goal.barriers.is_empty() {
        true => None,
        false => match r.choice("worked") {
            1 => Some(true),
            2 => Some(false),
            _ => None,
        },
    };
    let said = InTheWay {
        happened,
        plan_worked,
        new_obstacle: r.line("new_obstacle"),
        new_plan: r.line("new_plan"),
    };
    if !said.new_obstacle.is_empty() && said.new_plan.is_empty() {
        r.fail("new_plan", lived::NEW_NEEDS_A_PLAN);
    }
    said
}
